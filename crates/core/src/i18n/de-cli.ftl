# graphwiz — deutsche Meldungen der Kommandozeile (graphwiz): Fehler, Fortschrittszeilen, Bericht
# und Tabellen, Profil- und Ablauflisten, Vervollständigung und Man-Pages. Dieselben IDs wie
# en-cli.ftl.

cli-man-written = { $count ->
    [one] { $count } Man-Page nach { $dir } geschrieben.
   *[other] { $count } Man-Pages nach { $dir } geschrieben.
}
cli-write-failed = { $path } konnte nicht geschrieben werden: { $detail }

## Zeilenanfänge auf der Standardfehlerausgabe

cli-error = Fehler: { $text }
cli-warning = Warnung: { $text }
cli-note = Hinweis: { $text }

## Der geheime Clientschlüssel und die Laufzeit des Befehls

cli-secret-stdin-unreadable = Der geheime Clientschlüssel konnte nicht von der Standardeingabe gelesen werden: { $detail }
cli-secret-env-not-utf8 = { $var } ist kein gültiges UTF-8; setzen Sie die Variable auf den „Wert“ des geheimen Clientschlüssels, wie ihn das Azure-Portal zeigt
cli-secret-missing = Kein geheimer Clientschlüssel angegeben: Leiten Sie den „Wert“ des Schlüssels mit --secret-stdin ein (z. B. aus einem Passwortmanager) oder setzen Sie { $var }; als Argument wird er nie angenommen
cli-runtime-failed = Die asynchrone Laufzeitumgebung konnte nicht gestartet werden: { $detail }
cli-genesys-secret-unreadable = Das Client Secret des OAuth-Clients konnte nicht von der Standardeingabe gelesen werden: { $detail }

## Der Bericht einer Prüfung (die Statusspalte ✔ PASS, ! WARN, ✘ FAIL, - SKIP ist ein festes Format)

cli-report-header = graphwiz check: Mandant { $tenant } · App { $client } · { $cloud }
cli-token-endpoint = OAuth-2.0-Tokenendpunkt (v2) für Genesys Cloud: { $url }
cli-token-endpoint-unknown = unbekannt (der Mandant wurde nicht gefunden)
cli-what-to-do = Was zu tun ist:
cli-place-azure = Azure-Portal
cli-place-genesys = Genesys Cloud
cli-result = Ergebnis: { $passed } bestanden, { $warned } mit Warnung, { $failed } fehlgeschlagen, { $skipped } übersprungen.
cli-result-restart = Deaktivieren und aktivieren Sie nach jeder Änderung in Azure die Microsoft-Graph-Integration in Genesys Cloud.
cli-verdict-more = (+{ $count } weitere)
cli-verdict-passed = { $count ->
    [one] { $count } Prüfung bestanden
   *[other] { $count } Prüfungen bestanden
}
cli-totals = Gesamt: { $count ->
        [one] { $count } Profil
       *[other] { $count } Profile
    }: { $ok } in Ordnung, { $warned } mit Warnungen, { $failed } fehlgeschlagen.
cli-totals-hint = Die Abhilfen zeigt graphwiz check --profile NAME.

## check

cli-check-what = Sagen Sie, was geprüft werden soll: --tenant und --client-id, oder --profile NAME, oder --all
cli-check-all-none = In { $path } gibt es noch keine Profile; legen Sie eines an mit: graphwiz profile add NAME --tenant … --client-id … --secret-stdin
cli-user-read-decided = perm_user_read ist schon ohne Administrator entschieden; eine Administratoranmeldung ist nicht nötig.
cli-check-secret-missing = Der geheime Clientschlüssel dieses Profils liegt nicht im Schlüsselbund des Betriebssystems.
    .fix = Vielleicht wurde er dort gelöscht; speichern Sie ihn erneut mit: graphwiz profile add "{ $profile }" --replace … --secret-stdin
cli-check-profile-endpoints = Die Endpunkte des Profils sind nicht verwendbar: { $detail }.
    .fix = Korrigieren Sie das Profil mit: graphwiz profile add "{ $profile }" --replace …

## profile list, show, add, remove

cli-profiles-none = Noch keine Profile in { $path }.
cli-profiles-add-hint = Legen Sie eines an mit: graphwiz profile add NAME --tenant … --client-id … --secret-stdin
cli-no-profiles = Es gibt noch keine Profile; legen Sie eines an mit: graphwiz profile add NAME --tenant … --client-id … --secret-stdin
cli-col-name = NAME
cli-col-tenant = MANDANT
cli-col-client-id = ANWENDUNGS-ID (CLIENT)
cli-col-last-check = LETZTE PRÜFUNG
cli-last-check-ok = in Ordnung
cli-last-check-failed = FEHLGESCHLAGEN
cli-last-check-never = nie
cli-show-profile = Profil
cli-show-cloud = Cloud
cli-show-tenant = Verzeichnis-ID (Mandant)
cli-show-client = Anwendungs-ID (Client)
cli-show-mailboxes = Postfächer
cli-show-secret = Geheimer Clientschlüssel
cli-show-expires = Schlüssel läuft ab
cli-show-endpoints = Endpunkte
cli-show-genesys = Genesys Cloud
cli-show-genesys-endpoints = Genesys-Endpunkte
cli-show-last-check = Letzte Prüfung
cli-show-none = keine
cli-secret-in-keychain = im Schlüsselbund des Betriebssystems
cli-secret-not-in-keychain = FEHLT im Schlüsselbund des Betriebssystems; speichern Sie ihn erneut mit profile add --replace
cli-secret-keychain-unknown = unbekannt ({ $detail })
cli-secret-hint = , beginnt mit { $hint }…
cli-show-endpoints-value = Anmeldung { $login }, Graph { $graph }
cli-show-genesys-value = Region { $region }, OAuth-Client { $client } (Secret im Schlüsselbund des Betriebssystems)
cli-show-genesys-endpoints-value = Anmeldung { $login }, API { $api }
cli-show-genesys-not-set = nicht eingerichtet (graphwiz profile set-genesys "{ $profile }" --region … --client-id … --secret-stdin)
cli-show-never-checked = nie (prüfen mit: graphwiz check --profile "{ $profile }")
cli-profile-add-what = Geben Sie --tenant und --client-id der App-Registrierung an
cli-old-secret-not-removed = Der vorherige Schlüssel von „{ $profile }“ konnte nicht aus dem Schlüsselbund des Betriebssystems entfernt werden: { $detail }
cli-profile-saved = Profil „{ $profile }“ in { $path } gespeichert. Der geheime Clientschlüssel (beginnt mit { $hint }…) liegt im Schlüsselbund des Betriebssystems (Dienst „{ $service }“, Konto „{ $account }“).
cli-profile-removed = { $secret ->
    [true] Profil „{ $profile }“ entfernt, samt seinem geheimen Clientschlüssel im Schlüsselbund des Betriebssystems.
   *[false] Profil „{ $profile }“ entfernt (sein Eintrag im Schlüsselbund war schon nicht mehr vorhanden).
}
cli-profile-gone = Das Profil „{ $profile }“ gibt es nicht mehr

## Administratoranmeldung und Administratorzustimmung

cli-sign-in-unknown = Unbekannte Administratoranmeldung „{ $given }“: Verwenden Sie { $browser } oder { $device }
cli-consent-roles = Nur ein Globaler Administrator oder ein Administrator für privilegierte Rollen kann die Administratorzustimmung für Anwendungsberechtigungen von Microsoft Graph (Mail.ReadWrite, Mail.Send) erteilen; melden Sie sich mit einem solchen Konto an.
cli-consent-url-note = Öffnen Sie sie, angemeldet als Administrator des Mandanten. { cli-consent-roles } Die Seite kehrt zu { $redirect } zurück; diese Adresse muss an der App als Umleitungs-URI registriert sein.
cli-redirect-bad = --redirect-uri: „{ $uri }“ { $why ->
        [not-url] ist keine URL ({ $detail })
        [plain-http] nutzt unverschlüsseltes http zu einem anderen Host als localhost
        [fragment] darf kein #Fragment enthalten
       *[scheme] muss mit https:// oder http://localhost beginnen
    }; geben Sie eine an der App registrierte Umleitungs-URI an, etwa { $default }
cli-browser-opened = Der Systembrowser wurde geöffnet. Erscheint keine Seite, öffnen Sie diese URL in einem Browser auf diesem Computer:
cli-browser-failed = Es konnte kein Browser geöffnet werden ({ $detail }); öffnen Sie diese URL in einem Browser auf diesem Computer:
cli-open-url = Öffnen Sie diese URL in einem Browser auf diesem Computer:
cli-admin-client-id-bad = --admin-client-id: „{ $given }“ ist keine GUID; geben Sie die Anwendungs-ID (Client) einer öffentlichen Client-App an, oder lassen Sie die Option weg, um Microsoft Graph Command Line Tools zu verwenden
cli-sign-in-browser = Administratoranmeldung: Melden Sie sich im Browser als Administrator des Mandanten an (Wartezeit bis zu { $secs } s) …
cli-sign-in-device-waiting = Warten auf die Anmeldung des Administrators (bis zu { $secs } s) …
cli-signed-in = Angemeldet.
cli-signed-in-as = Angemeldet als { $upn }.
cli-consent-what = Sagen Sie, welcher App zugestimmt werden soll: --tenant und --client-id (und den Schlüssel mit --secret-stdin oder GRAPHWIZ_CLIENT_SECRET, um vorher und nachher zu prüfen)
cli-consent-no-tenant = Der Mandant wurde nicht gefunden, es gibt also nichts zuzustimmen; korrigieren Sie zuerst --tenant (und --cloud).
cli-consent-before = Vor der Zustimmung: { $passed } bestanden, { $warned } mit Warnung, { $failed } fehlgeschlagen.
cli-consent-waiting = Administratorzustimmung für die App { $client }: { cli-consent-roles } Es wird bis zu { $secs } s gewartet, bis die Zustimmungsseite zurückkehrt.
cli-consent-granted = Administratorzustimmung erteilt; es wird erneut geprüft.
cli-consent-settling = Noch hat sich nichts geändert; Entra ID braucht manchmal einen Moment, bis die Zustimmung wirkt. Erneute Prüfung in { $secs } s …
cli-changes = Änderungen nach der Administratorzustimmung:
cli-changes-none = Änderungen nach der Administratorzustimmung: keine.
cli-change-new = neu: { $status }
cli-unchanged = Unverändert: { $list }.
cli-rotate-needs-admin = Dafür ist die Anmeldung eines Administrators nötig: Ergänzen Sie --admin-sign-in browser oder --admin-sign-in device-code (ein Besitzer der App, ein Anwendungsadministrator oder ein Cloudanwendungsadministrator, der { $scope } zustimmt)
cli-setup-needs-mailbox = Die Einrichtung braucht mindestens ein Postfach, das die Integration bedient: Ergänzen Sie --mailbox ADRESSE (für weitere wiederholen)
cli-setup-roles = Der Administrator meldet sich an und stimmt { $scopes } zu. Das Anlegen der App braucht Cloudanwendungsadministrator oder Anwendungsadministrator; die Administratorzustimmung zu Mail.ReadWrite und Mail.Send braucht Administrator für privilegierte Rollen oder globalen Administrator.

## Ablauf des Schlüssels und Erinnerungen

cli-col-profile = PROFIL
cli-col-expires = LÄUFT AB
cli-col-days-left = TAGE ÜBRIG
cli-col-state = STATUS
cli-expiry-state = { $state ->
    [ok] ok
    [soon] läuft bald ab
    [expired] abgelaufen
   *[unknown] unbekannt
}
cli-expiry-unknown-date = unbekannt
cli-expiry-unknown-hint = Unbekannt: Lesen Sie das Datum mit graphwiz check --profile NAME (oder expiry --refresh) aus Azure, oder tragen Sie es ein: graphwiz profile set-expiry NAME YYYY-MM-DD.
cli-reminders-none = Für { $profiles } ist kein Ablaufdatum bekannt; führen Sie zuerst graphwiz check --profile NAME aus, oder tragen Sie das Datum ein mit graphwiz profile set-expiry NAME YYYY-MM-DD
cli-reminders-written = { $path } geschrieben, mit { $count ->
        [one] { $count } Termin
       *[other] { $count } Terminen
    }, jeweils mit Erinnerungen { $days } Tage vorher und am Tag selbst (dieselben Tage wie die Desktop-Erinnerungen der App).
cli-reminders-skipped = Für { $profiles } ist kein Ablaufdatum bekannt: nicht im Kalender
cli-date-invalid = „{ $given }“ ist kein gültiges Datum
cli-date-unreadable = „{ $given }“ ist kein Datum; schreiben Sie es als YYYY-MM-DD, z. B. 2027-05-31
cli-set-expiry-bad = Ablaufdatum des Schlüssels: { $detail }
cli-set-expiry-done = Für den Schlüssel von „{ $profile }“ ist als Ablaufdatum der { $date } eingetragen.

## diagnose

cli-diag-bad-step = --from-step: „{ $step }“ ist kein Schritt von { $symptom }; seine Schritte: { $steps }
cli-diag-which-profile = Sagen Sie, welches Profil untersucht werden soll: --profile NAME (graphwiz profile list zeigt sie)

## Fortschritt von live-test

cli-live-mailbox-needed = Geben Sie das zu testende Postfach mit --mailbox ADDRESS an (das Postfach, mit dem Genesys Cloud sendet und empfängt), oder ein Profil, das eines hat
cli-live-checking = App-Registrierung und Postfächer werden geprüft …
cli-live-sending = Die Testmail wird gesendet …
cli-live-waiting = Warten auf die Testmail … { $secs } s ({ $polls ->
        [one] { $polls } Abfrage
       *[other] { $polls } Abfragen
    })
cli-live-marking-read = Sie wird als gelesen markiert …
cli-live-deleting = Die Testmail wird gelöscht …
cli-live-waiting-pickup = Warten, bis Genesys Cloud sie abholt … { $secs } s ({ $polls ->
        [one] { $polls } Abfrage
       *[other] { $polls } Abfragen
    })
cli-live-finding-interaction = Abgeholt; die Interaktion wird in Genesys Cloud gesucht … { $secs } s ({ $queries ->
        [one] { $queries } Suche
       *[other] { $queries } Suchen
    })
cli-live-ending-interaction = Die Testinteraktion wird beendet …

## export und import

cli-export-what = Sagen Sie, was exportiert werden soll: --profile NAME, oder --tenant und --client-id
cli-export-no-recent = Das Profil „{ $profile }“ hat keine Prüfung aus { $hours ->
        [one] der letzten Stunde
       *[other] den letzten { $hours } Stunden
    }; lassen Sie --from-last weg, um es jetzt zu prüfen
cli-export-not-written = Nicht geschrieben: { $verdict } Beheben Sie, was dort genannt ist (`graphwiz check` und `graphwiz live-test` zeigen die Einzelheiten), oder schreiben Sie die Datei mit --allow-failed und "validated": false.
cli-export-written = { $path } geschrieben (validiert: { $validated ->
        [true] ja
       *[false] nein
    }). OAuth-2.0-Tokenendpunkt (v2) für Genesys Cloud: { $endpoint }
cli-import-bad-file = { $path } lässt sich nicht importieren: { $detail }
cli-import-no-name = Die Datei nennt kein Profil; geben Sie eines mit --name NAME an
cli-import-hint-differs = Geheimer Clientschlüssel: Der angegebene Schlüssel beginnt mit „{ $given }“, der exportierte begann mit „{ $exported }“; wurde der Schlüssel erneuert, ist das zu erwarten
cli-imported = „{ $profile }“ aus { $path } importiert (validiert: { $validated ->
        [true] ja
       *[false] nein
    }, geprüft { $checked }). Jetzt prüfen mit: graphwiz check --profile "{ $profile }"
