# graphwiz — deutsche Texte (azure). Dieselben IDs und Argumente wie en-azure.ftl.
# Die Azure-Seite einer Prüfung (Mandantensuche, Token mit Clientanmeldeinformationen,
# App-Registrierung, die drei Berechtigungen, Ablauf des geheimen Clientschlüssels) und die
# Fehler der Lesezugriffe bei Microsoft. Die Beschriftungen sind die des deutschen Azure-Portals
# bzw. Microsoft Entra Admin Centers und der deutschen Genesys-Cloud-Oberfläche.

## Bausteine

azure-cloud-name = { $cloud ->
        [usgov] Azure US Government
        [china] Azure China (21Vianet)
       *[global] Azure global
    }
azure-cloud-unknown = unbekannte Cloud „{ $value }“: Verwenden Sie global, usgov oder china
# Die Worte der tieferen Schicht, wie sie sind (Netzwerkfehler ohne eigene Katalognachricht).
azure-detail = { $detail }
# Die Abhilfe eines Netzwerkfehlers aus dem Katalog (de-net.ftl) als eigene Nachricht.
azure-kind = { $kind ->
        [application] Anwendung
       *[delegated] Delegiert
    }
azure-wrong-kind = { $wrong_kind ->
        [application] Anwendung
       *[delegated] Delegiert
    }
azure-kind-tab = { $kind ->
        [application] Anwendungsberechtigungen
       *[delegated] Delegierte Berechtigungen
    }
azure-app-name = { $named ->
        [yes] „{ $name }“
       *[no] Die App
    }

## Mandantensuche

azure-tenant-found = Der Mandant { $tenant_id } existiert in { azure-cloud-name }.
azure-tenant-found-as = Der Mandant „{ $tenant }“ existiert in { azure-cloud-name } mit der Verzeichnis-ID (Mandant) { $tenant_id }.
azure-tenant-not-found = Der Mandant „{ $tenant }“ wurde in { azure-cloud-name } nicht gefunden.
    .fix = Kopieren Sie die Verzeichnis-ID (Mandant) von der Seite „Übersicht“ der App (Microsoft Entra ID → App-Registrierungen → Ihre App). Liegt der Mandant in einer anderen Cloud (Azure US Government oder China), wählen Sie diese Cloud. Aktuelle Cloud: { azure-cloud-name }.
azure-tenant-invalid = „{ $tenant }“ ist weder eine gültige Mandanten-ID noch ein Domänenname.
    .fix = Geben Sie die Verzeichnis-ID (Mandant) ein (eine GUID von der Seite „Übersicht“ der App) oder eine verifizierte Domäne wie contoso.onmicrosoft.com.
azure-tenant-refused = Entra ID hat den Mandanten „{ $tenant }“ abgelehnt: { $message }
    .fix = Prüfen Sie die Verzeichnis-ID (Mandant) auf der Seite „Übersicht“ der App und die gewählte Cloud.
azure-tenant-lookup-failed = Der Mandant konnte nicht nachgeschlagen werden: { $detail }.
    .fix = { $advice }
azure-tenant-unexpected = Der Anmeldedienst hat für den Mandanten „{ $tenant }“ unerwartet geantwortet (HTTP { $status }).
    .fix = Prüfen Sie die Anmelde-URL und die gewählte Cloud; womöglich antwortet ein Proxy an Stelle von Entra ID.
azure-skip-no-tenant = Übersprungen: Der Mandant wurde nicht gefunden.
azure-skip-unreachable = Übersprungen: Entra ID war nicht erreichbar, daher wurde nichts nachgeschlagen (siehe erste Prüfung).
azure-skip-no-token = Übersprungen: Es wurde kein Token ausgestellt (siehe credentials).

## Das Token (Clientanmeldeinformationen), nach AADSTS-Code

azure-credentials-ok = Entra ID hat der App { $client_id } mit diesem geheimen Clientschlüssel ein Token ausgestellt.
azure-token-failed = Es konnte kein Token abgerufen werden: { $detail }.
    .fix = { $advice }
azure-token-unexpected = Der Token-Endpunkt hat unerwartet geantwortet (HTTP { $status }).
    .fix = Prüfen Sie die Anmelde-URL und die gewählte Cloud; womöglich antwortet ein Proxy an Stelle von Entra ID.
azure-secret-rejected = Der geheime Clientschlüssel wurde abgelehnt: { $entered ->
        [secret_id] Eingegeben wurde die Geheimnis-ID des Schlüssels, nicht sein Wert.
       *[value] Er ist kein gültiger geheimer Clientschlüssel dieser App (falscher oder vertippter Wert).
    }
    .fix = Öffnen Sie im Azure-Portal App-Registrierungen → Ihre App → Zertifikate & Geheimnisse → Geheime Clientschlüssel und kopieren Sie den „Wert“ des Schlüssels, nicht die „Geheimnis-ID“. Der Wert wird nur direkt nach dem Anlegen angezeigt; ist er verborgen, legen Sie einen „Neuen geheimen Clientschlüssel“ an, kopieren Sie dessen Wert und tragen Sie ihn auch in Genesys Cloud ein.
azure-secret-expired = Der geheime Clientschlüssel ist abgelaufen.
    .fix = Legen Sie einen neuen geheimen Clientschlüssel an (Zertifikate & Geheimnisse → Neuer geheimer Clientschlüssel) und kopieren Sie seinen Wert; tragen Sie ihn in der Microsoft-Graph-Integration von Genesys Cloud ein (Admin → Integrationen → Integrationen → Konfiguration → Anmeldedaten); deaktivieren und aktivieren Sie die Integration danach in Genesys Cloud.
azure-expiry-expired-by-entra = Der geheime Clientschlüssel ist abgelaufen: Entra ID hat ihn mit AADSTS7000222 abgelehnt{ $date ->
        [unknown] {""}
       *[other] {" "}(abgelaufen am { $date })
    }.
    .fix = Erstellen Sie im Azure-Portal einen neuen geheimen Clientschlüssel (App-Registrierungen → Ihre App → Zertifikate & Geheimnisse → Neuer geheimer Clientschlüssel) und kopieren Sie seinen Wert; tragen Sie ihn in der Microsoft-Graph-Integration von Genesys Cloud ein (Admin → Integrationen → Konfiguration → Anmeldedaten), deaktivieren und aktivieren Sie danach die Integration. graphwiz rotate erledigt alles in einem Schritt.
azure-expiry-expired-by-entra-app = Der geheime Clientschlüssel ist abgelaufen: Entra ID hat ihn mit AADSTS7000222 abgelehnt{ $date ->
        [unknown] {""}
       *[other] {" "}(abgelaufen am { $date })
    }.
    .fix = Erstellen Sie im Azure-Portal einen neuen geheimen Clientschlüssel (App-Registrierungen → Ihre App → Zertifikate & Geheimnisse → Neuer geheimer Clientschlüssel) und kopieren Sie seinen Wert; tragen Sie ihn in der Microsoft-Graph-Integration von Genesys Cloud ein (Admin → Integrationen → Konfiguration → Anmeldedaten), deaktivieren und aktivieren Sie danach die Integration. „Schlüssel wechseln“ im Schritt „Ablauf des Clientschlüssels“ erledigt alles in einem Schritt.
azure-app-not-found = In diesem Mandanten gibt es keine Anwendung mit der Anwendungs-ID (Client) { $client_id }.
    .fix = Kopieren Sie die Anwendungs-ID (Client) von der Seite „Übersicht“ der App und prüfen Sie, dass die App in diesem Mandanten registriert ist (ihre Verzeichnis-ID (Mandant) steht auf derselben Seite).
azure-app-disabled = Die Anwendung ist in diesem Mandanten deaktiviert.
    .fix = Öffnen Sie im Azure-Portal Unternehmensanwendungen → Ihre App → Eigenschaften, setzen Sie „Aktiviert für die Benutzeranmeldung?“ auf „Ja“ und klicken Sie auf „Speichern“. Hat Microsoft die App deaktiviert, steht der Grund auf ihrer Seite „Übersicht“.
azure-no-secret = Bei Entra ID ist kein geheimer Clientschlüssel angekommen.
    .fix = Geben Sie den Wert des Schlüssels über die Standardeingabe (--secret-stdin) oder in GRAPHWIZ_CLIENT_SECRET an.
azure-scope-refused = Entra ID hat den angeforderten Bereich (Scope) abgelehnt: { $message }
    .fix = Wählen Sie die Cloud, in der der Mandant liegt (global, usgov oder china); der Bereich ergibt sich daraus.
azure-conditional-access = Eine Richtlinie für bedingten Zugriff hat die Anmeldung der App blockiert.
    .fix = Nehmen Sie diese App (Workloadidentität) unter Microsoft Entra ID → Sicherheit → Bedingter Zugriff von der blockierenden Richtlinie aus oder lassen Sie ihren Standort zu.
azure-token-tenant-refused = Entra ID hat den Mandanten nicht angenommen: { $message }
    .fix = Kopieren Sie die Verzeichnis-ID (Mandant) von der Seite „Übersicht“ der App und wählen Sie die richtige Cloud.
azure-token-refused = Entra ID hat die Token-Anfrage abgelehnt ({ $error }): { $message }
    .fix = Schlagen Sie den Code unter https://login.microsoftonline.com/error nach und korrigieren Sie die App-Registrierung; prüfen Sie danach erneut.

## Abhilfen der Berechtigungsprüfungen (auch in der Abhilfe der Registrierungsprüfung)

azure-fix-consent = Öffnen Sie im Azure-Portal App-Registrierungen → Ihre App → API-Berechtigungen und klicken Sie auf „Administratorzustimmung für <Ihre Organisation> erteilen“ (das muss ein Globaler Administrator oder ein Administrator für privilegierte Rollen tun). Deaktivieren und aktivieren Sie danach die Microsoft-Graph-Integration in Genesys Cloud.
azure-fix-add = Öffnen Sie im Azure-Portal App-Registrierungen → Ihre App → API-Berechtigungen → Berechtigung hinzufügen → Microsoft Graph → { azure-kind-tab }, setzen Sie das Häkchen bei { $perm }, klicken Sie auf „Berechtigungen hinzufügen“ und dann auf „Administratorzustimmung für <Ihre Organisation> erteilen“.
azure-fix-wrong-kind = Öffnen Sie im Azure-Portal App-Registrierungen → Ihre App → API-Berechtigungen: Entfernen Sie { $wrong } (Typ { azure-wrong-kind }), sofern nichts anderes sie braucht, wählen Sie dann Berechtigung hinzufügen → Microsoft Graph → { azure-kind-tab } → { $perm } → Berechtigungen hinzufügen und klicken Sie auf „Administratorzustimmung für <Ihre Organisation> erteilen“.

## Die App-Registrierung

azure-registration-ok = { azure-app-name } fordert Mail.ReadWrite (Anwendung), Mail.Send (Anwendung) und User.Read (Delegiert) an.
azure-registration-problems = { azure-app-name }: { $problems }.
    .fix = { $fixes }
azure-registration-wrong-kind = { $perm } ist als { azure-wrong-kind } ({ $wrong }) angefordert, Genesys Cloud braucht aber { $perm } ({ azure-kind }){ $more ->
        [yes] ;
       *[no] {""}
    }
azure-registration-not-requested = { $perm } ({ azure-kind }) ist nicht angefordert{ $more ->
        [yes] ;
       *[no] {""}
    }
azure-registration-unreadable = Die App-Registrierung konnte nicht gelesen werden: { $throttled ->
        [yes] Microsoft Graph hat die Anfragen immer wieder gedrosselt (429 Too Many Requests)
       *[no] { $detail }
    }.
    .fix = { $advice }

## Mail.ReadWrite und Mail.Send (Anwendung)

azure-perm-granted = { $perm } ({ azure-kind }) ist mit Administratorzustimmung erteilt (die Berechtigung steht in den Rollen des Tokens).
azure-perm-no-consent = { $perm } ({ azure-kind }) ist angefordert, die Administratorzustimmung wurde aber nicht erteilt{ $no_roles ->
        [yes] {" "}(das Token enthält überhaupt keine Anwendungsberechtigungen)
       *[no] {""}
    }.
    .fix = { azure-fix-consent }
azure-perm-wrong-kind = { $perm } ({ azure-kind }) ist nicht erteilt: Die Berechtigung wurde als { azure-wrong-kind } ({ $wrong }) hinzugefügt.
    .fix = { azure-fix-wrong-kind }
azure-perm-not-requested = { $perm } ({ azure-kind }) ist nicht erteilt: Die App fordert die Berechtigung nicht an.
    .fix = { azure-fix-add }
azure-perm-not-in-roles = { $perm } ({ azure-kind }) ist nicht erteilt (die Berechtigung steht nicht in den Rollen des Tokens).
    .fix = Stellen Sie sicher, dass { $perm } unter API-Berechtigungen mit dem Typ „{ azure-kind }“ hinzugefügt ist, und klicken Sie dann auf „Administratorzustimmung für <Ihre Organisation> erteilen“.
azure-perm-unconfirmed = { $perm } ({ azure-kind }) ist angefordert, die Administratorzustimmung ließ sich aber nicht bestätigen, weil das Zugriffstoken nicht lesbar war.
    .fix = Prüfen Sie im Azure-Portal (API-Berechtigungen), dass die Spalte „Status“ für diese Berechtigung ein grünes Häkchen „Gewährt für <Ihre Organisation>“ zeigt.
azure-perm-wrong-kind-unread = { $perm } ({ azure-kind }) ist nicht angefordert: Die Berechtigung wurde als { azure-wrong-kind } ({ $wrong }) hinzugefügt.
    .fix = { azure-fix-wrong-kind }
azure-perm-not-requested-unread = { $perm } ({ azure-kind }) wird von der App nicht angefordert.
    .fix = { azure-fix-add }
azure-perm-unverifiable = { $perm } ({ azure-kind }) ließ sich nicht prüfen: Weder das Token noch die App-Registrierung konnten gelesen werden.
    .fix = Prüfen Sie im Azure-Portal (API-Berechtigungen), dass diese Berechtigung mit dem Typ „Anwendung“ und einem grünen Häkchen „Gewährt für <Ihre Organisation>“ aufgeführt ist.

## User.Read (Delegiert)

azure-user-read-wrong-kind = User.Read (Delegiert) fehlt: Die Berechtigung wurde als { azure-wrong-kind } ({ $wrong }) hinzugefügt.
    .fix = { azure-fix-wrong-kind }
azure-user-read-not-requested = User.Read (Delegiert) wird von der App nicht angefordert.
    .fix = { azure-fix-add }
azure-user-read-granted = User.Read (Delegiert) ist mit Administratorzustimmung für alle Benutzer erteilt.
azure-user-read-no-consent = User.Read (Delegiert) hat keine Administratorzustimmung.
    .fix = { azure-fix-consent }
azure-user-read-unverified = Die Administratorzustimmung für User.Read (Delegiert) ließ sich nicht prüfen: { $denied ->
        [yes] Das eigene Token der App darf ihre delegierten Berechtigungen womöglich nicht lesen.
       *[no] { $detail }.
    }
    .fix = Öffnen Sie im Azure-Portal App-Registrierungen → Ihre App → API-Berechtigungen und prüfen Sie, dass User.Read (Delegiert) ein grünes Häkchen „Gewährt für <Ihre Organisation>“ zeigt; oder lassen Sie einen Administrator sich anmelden, um es zu prüfen.

## Ablauf des geheimen Clientschlüssels

azure-expiry-subject = { $subject ->
        [hand] Der geheime Clientschlüssel (Ablaufdatum von Hand eingetragen)
       *[used] Der verwendete geheime Clientschlüssel { $secret }
    }
azure-expiry-ok = { azure-expiry-subject } läuft am { $date } ab (noch { $days ->
        [one] { $days } Tag
       *[other] { $days } Tage
    }). { $tail }
azure-expiry-soon = { azure-expiry-subject } läuft am { $date } ab: nur noch { $days ->
        [one] { $days } Tag
       *[other] { $days } Tage
    }. { $tail }
    .fix = Vor dem Ablauf: App-Registrierungen → Ihre App → Zertifikate & Geheimnisse → Neuer geheimer Clientschlüssel; kopieren Sie seinen Wert in die Microsoft-Graph-Integration von Genesys Cloud (Konfiguration → Anmeldedaten) und deaktivieren und aktivieren Sie die Integration danach. Löschen Sie anschließend den alten Schlüssel.
azure-expiry-expired = { azure-expiry-subject } ist am { $date } abgelaufen. { $tail }
    .fix = Legen Sie einen neuen geheimen Clientschlüssel an (Zertifikate & Geheimnisse → Neuer geheimer Clientschlüssel), tragen Sie seinen Wert in der Microsoft-Graph-Integration von Genesys Cloud ein und deaktivieren und aktivieren Sie die Integration danach.
azure-expiry-unknown = Das Ablaufdatum des geheimen Clientschlüssels ist unbekannt: { $tail }
    .fix = Lesen Sie im Azure-Portal die Spalte „Läuft ab“ ab (App-Registrierungen → Ihre App → Zertifikate & Geheimnisse) und tragen Sie das Datum ein: graphwiz profile set-expiry NAME YYYY-MM-DD.
azure-expiry-unknown-app = Das Ablaufdatum des geheimen Clientschlüssels ist unbekannt: { $tail }
    .fix = Lesen Sie im Azure-Portal die Spalte „Läuft ab“ ab (App-Registrierungen → Ihre App → Zertifikate & Geheimnisse) und tragen Sie das Datum im Schritt „Ablauf des Clientschlüssels“ ein.
azure-expiry-ambiguous = { $tail }
    .fix = Löschen Sie die nicht mehr genutzten Schlüssel (Zertifikate & Geheimnisse) oder tragen Sie das Ablaufdatum des verwendeten von Hand ein: graphwiz profile set-expiry NAME YYYY-MM-DD.
azure-expiry-ambiguous-app = { $tail }
    .fix = Löschen Sie die nicht mehr genutzten Schlüssel (Zertifikate & Geheimnisse) oder tragen Sie das Ablaufdatum des verwendeten im Schritt „Ablauf des Clientschlüssels“ ein.
azure-expiry-why-unreadable = Die Liste der geheimen Clientschlüssel in Azure konnte nicht gelesen werden ({ $detail }).
azure-expiry-why-several = { $count } geheime Clientschlüssel der App beginnen mit „{ $hint }“ (Ablauf: { $dates }), daher kann graphwiz nicht erkennen, welcher verwendet wird.
azure-expiry-why-none = Keiner der geheimen Clientschlüssel der App beginnt mit „{ $hint }“ (wurde er gelöscht, oder gehört er zu einer anderen App?).
# Die anderen Schlüssel, die Aufmerksamkeit brauchen, im $tail eines Ergebnisses: dies, dann je
# ein Eintrag (der letzte beendet den Satz).
azure-expiry-others = Weitere Schlüssel der App:
azure-expiry-other-expired = { $secret } ist am { $date } abgelaufen{ $more ->
        [yes] ;
       *[no] .
    }
azure-expiry-other-soon = { $secret } läuft in { $days ->
        [one] { $days } Tag
       *[other] { $days } Tagen
    } ab{ $more ->
        [yes] ;
       *[no] .
    }

## Fehler der Lesezugriffe bei Microsoft

azure-graph-status = Microsoft Graph hat mit HTTP { $status } geantwortet
azure-graph-error = Microsoft Graph hat mit HTTP { $status } { $code } geantwortet: { $message }
azure-graph-busy-fix = Microsoft Graph ist ausgelastet oder drosselt diese App; warten Sie einige Minuten und prüfen Sie erneut.
azure-graph-again-fix = Prüfen Sie erneut; bleibt der Fehler, sehen Sie sich die App im Azure-Portal an (App-Registrierungen → Ihre App).
azure-registration-self-read-refused-fix = Microsoft Graph hat der App nicht erlaubt, ihre eigene Registrierung zu lesen; graphwiz konnte die angeforderten Berechtigungen und den Ablauf des geheimen Clientschlüssels daher nicht selbst prüfen. Die Integration ist dadurch nicht beeinträchtigt. Prüfen Sie beides im Azure-Portal (App-Registrierungen → Ihre App → API-Berechtigungen: Mail.ReadWrite und Mail.Send als Anwendung, User.Read als Delegiert; Zertifikate & Geheimnisse: Ablauf des Geheimnisses) oder führen Sie die Prüfung mit der Anmeldung eines Administrators aus.
azure-claims-not-jwt = das Zugriffstoken ist kein JWT (erwartet sind drei durch Punkte getrennte Teile)
azure-claims-bad-encoding = die Nutzdaten des Zugriffstokens sind nicht base64url-kodiert
azure-claims-bad-json = die Nutzdaten des Zugriffstokens sind kein JSON-Objekt mit Claims

## Eigene Basis-URLs statt der der Cloud

azure-endpoint-field = { $field ->
        [login] Anmelde-URL
        [graph] Graph-URL
        [genesys_login] Anmelde-URL von Genesys Cloud
        [genesys_api] API-URL von Genesys Cloud
       *[other] URL
    }
azure-endpoint-invalid = { azure-endpoint-field }: „{ $value }“ ist keine gültige URL ({ $reason }); geben Sie sie etwa so an: https://login.example.com
azure-endpoint-insecure = { azure-endpoint-field }: „{ $value }“ nutzt unverschlüsseltes http zu einem Host, der nicht dieser Computer ist; verwenden Sie https (http ist nur für 127.0.0.1, ::1 und localhost erlaubt)
azure-endpoint-unsupported = { azure-endpoint-field }: „{ $value }“ ist als Basis-URL nicht verwendbar: { $reason ->
        [query] Entfernen Sie die Abfrage (?…) oder das Fragment (#…)
        [user] Entfernen Sie Benutzername oder Kennwort aus der URL
        [scheme] Nur https:// (oder http:// auf Loopback-Adressen) wird unterstützt
       *[no_host] Die URL hat keinen Host
    }

## Anfragen an Genesys Cloud bei einer Rotation (als $detail anderer Nachrichten)

azure-genesys-missing-permission = fehlende Berechtigung { $permissions }
azure-credential-no-secret-field = die Integration „{ $integration }“ hat keine Anmeldedaten mit einem Feld für den geheimen Clientschlüssel, das graphwiz erkennt
azure-credential-kept-changing = die Anmeldedaten haben sich immer wieder geändert, während graphwiz sie speicherte
azure-rotate-part-gone = der Genesys-Cloud-Teil des Profils ist nicht mehr vorhanden
# Eine Prüfung, die eine andere Nachricht nennt: ihre ID und ihre Zusammenfassung.
azure-check-detail = { $check }: { $summary }
