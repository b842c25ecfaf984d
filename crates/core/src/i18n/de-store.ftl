# graphwiz — deutsche Texte (store). Dieselben IDs und Argumente wie en-store.ftl.
# Bereiche: validate- (Eingaben), store- (Profile, Konfigurationsdateien, Schlüsselbund des
# Betriebssystems), expiry- (Ablauf und Kalenderdatei), reminder- (Erinnerungen der Desktop-App).

## Feldbezeichnungen wie im Azure-Portal

validate-field = { $field ->
    [tenant] Verzeichnis-ID (Mandant)
    [client_id] Anwendungs-ID (Client)
    [secret] Geheimer Clientschlüssel
    [name] Profilname
   *[mailbox] Postfach
}

## Probleme eines Felds (die Bezeichnung steht davor; $value ist die Eingabe)

validate-trimmed = Leerzeichen oder Zeilenumbrüche um den Wert wurden entfernt
validate-tenant-empty = ist leer; kopieren Sie die Verzeichnis-ID (Mandant) von der Seite „Übersicht“ der App oder geben Sie eine verifizierte Domain wie contoso.onmicrosoft.com ein
validate-tenant-braces = die geschweiften Klammern um die GUID wurden entfernt
validate-tenant-email = „{ $value }“ ist eine E-Mail-Adresse; geben Sie die Verzeichnis-ID (Mandant) (eine GUID) oder nur die Domain nach dem @ ein
validate-tenant-url = „{ $value }“ ist eine URL; geben Sie nur die Verzeichnis-ID (Mandant) (eine GUID von der Seite „Übersicht“ der App) oder eine verifizierte Domain ein
validate-tenant-invalid = „{ $value }“ ist weder eine GUID noch eine Domain; kopieren Sie die Verzeichnis-ID (Mandant) im Azure-Portal von der Seite „Übersicht“ der App
validate-client-id-empty = ist leer; kopieren Sie die Anwendungs-ID (Client) von der Seite „Übersicht“ der App
validate-client-id-invalid = „{ $value }“ ist keine GUID; kopieren Sie die Anwendungs-ID (Client) (Format xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx) von der Seite „Übersicht“ der App, nicht den Namen der App oder die Objekt-ID
validate-client-id-same-as-tenant = ist dieselbe wie die Verzeichnis-ID (Mandant); die Seite „Übersicht“ zeigt beide untereinander; kopieren Sie die Anwendungs-ID (Client)
validate-secret-empty = ist leer; kopieren Sie den „Wert“ des geheimen Clientschlüssels unter „Zertifikate & Geheimnisse“ (er wird nur direkt nach dem Erstellen angezeigt)
validate-secret-id = das sieht nach der Geheimnis-ID aus; kopieren Sie die Spalte „Wert“ (Zertifikate & Geheimnisse → Geheime Clientschlüssel), nicht die „Geheimnis-ID“
validate-secret-id-kept = sieht nach einer Geheimnis-ID (einer GUID) aus; beibehalten, weil Sie angegeben haben, dass es der Wert ist
validate-secret-inner-whitespace = enthält ein Leerzeichen, einen Tabulator oder einen Zeilenumbruch; Werte geheimer Clientschlüssel enthalten so etwas nie; kopieren Sie den „Wert“ erneut mit der Kopierschaltfläche
validate-secret-whitespace-kept = enthält Leerzeichen; so beibehalten, wie angegeben
validate-secret-length = ist { $count } Zeichen lang; geheime Clientschlüssel aus dem Azure-Portal haben meist 40; prüfen Sie, ob der ganze „Wert“ kopiert wurde
validate-mailbox-invalid = „{ $value }“ ist keine gültige E-Mail-Adresse: { $why ->
        [no_at] es fehlt das @
        [local] der Teil vor dem @ ist leer oder zu lang
        [local_chars] der Teil vor dem @ enthält Zeichen, die in E-Mail-Adressen nicht vorkommen dürfen
        [domain] der Teil nach dem @ ist keine Domain
       *[too_long] sie ist länger als 254 Zeichen
    }
validate-name-empty = ist leer; geben Sie dem Profil einen kurzen Namen wie contoso-support
validate-name-too-long = „{ $value }“ ist länger als 64 Zeichen
validate-name-char = „{ $value }“ enthält „{ $char }“; verwenden Sie Buchstaben, Ziffern, Leerzeichen, „.“, „_“ oder „-“
# Ein Problem mit der Bezeichnung seines Felds davor.
validate-labelled = { $label }: { $problem }

## Profildatei

store-no-data-dir = Auf diesem System wurde kein Ordner für die Daten von graphwiz gefunden; setzen Sie { $env } auf einen Ordner, in den graphwiz schreiben darf
store-io = { $action ->
        [read] { $path } konnte nicht gelesen werden
        [create_dir] Der Ordner { $path } konnte nicht angelegt werden
        [open] { $path } konnte nicht geöffnet werden
        [lock] { $path } konnte nicht gesperrt werden
        [write] { $path } konnte nicht geschrieben werden
        [back_up] { $path } konnte nicht gesichert werden
        [create_parent] Der Ordner für { $path } konnte nicht angelegt werden
        [create_temp] Neben { $path } konnte keine temporäre Datei angelegt werden
        [flush] { $path } konnte nicht auf den Datenträger geschrieben werden
       *[replace] { $path } konnte nicht ersetzt werden
    }: { $detail }
store-profiles-corrupt = Die Profildatei { $path } ist beschädigt ({ $detail }); graphwiz hat sie nicht verändert. Stellen Sie die vorige Fassung aus { $path }.bak wieder her, falls es sie gibt, oder verschieben Sie die Datei, um ohne Profile zu beginnen
store-json-at = Zeile { $line }, Spalte { $column }: { $detail }
store-profiles-no-version = keine Formatversion
store-json-detail = { $detail }
store-profiles-future = Die Profildatei { $path } wurde von einer neueren graphwiz-Version geschrieben (Format { $found }; diese Version liest Format { $supported }); aktualisieren Sie graphwiz. Die Datei wurde nicht verändert
store-profile-not-found = Es gibt kein Profil „{ $name }“{ $count ->
        [0] ; es gibt noch keine Profile (legen Sie eines an mit: graphwiz profile add NAME …)
       *[other] ; vorhandene Profile: { $known }
    }
store-profile-exists = Ein Profil namens „{ $name }“ gibt es schon; wählen Sie einen anderen Namen oder geben Sie --replace an, um es zu überschreiben

## Konfigurationsdateien (Export und Import)

store-export-exists = { $path } gibt es schon; wählen Sie eine andere Datei oder geben Sie --force an, um sie zu überschreiben
store-import-read = { $path } konnte nicht gelesen werden: { $detail }
store-import-too-large = sie ist { $bytes } Bytes groß; eine graphwiz-Konfiguration ist viel kleiner (ist es die richtige Datei?)
store-import-not-utf8 = sie ist kein UTF-8-Text; eine graphwiz-Konfiguration ist JSON
store-import-syntax = Die Datei ist kein gültiges JSON: Zeile { $line }, Spalte { $column }: { $detail }
store-import-future = Die Datei hat die Formatversion { $found } und wurde von einer neueren graphwiz-Version geschrieben; diese Version liest Version { $supported }. Aktualisieren Sie graphwiz oder exportieren Sie die Datei mit dieser Version erneut
store-import-invalid = Die Datei ist keine gültige graphwiz-Konfiguration:{ $problems }
store-import-problem = {"\u000A  "}{ $pointer }: { $problem }
store-import-not-object = die Datei muss genau ein JSON-Objekt enthalten
store-import-format = muss „{ $format }“ sein; das ist keine graphwiz-Konfigurationsdatei (exportieren Sie eine mit graphwiz export)
store-import-version = fehlt oder ist keine ganze Zahl
store-import-schema-unreadable = Das Schema von graphwiz selbst ist nicht lesbar ({ $detail }); installieren Sie graphwiz neu
store-import-schema-invalid = Das Schema von graphwiz selbst ist ungültig ({ $detail }); installieren Sie graphwiz neu
store-import-not-guid-pattern = { $value } ist keine GUID (Format xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)
store-import-not-guid = „{ $value }“ ist keine GUID
store-import-token-endpoint = „{ $value }“ gehört nicht zum Mandanten { $tenant } in { $cloud }; erwartet wird { $expected }
store-import-hint = enthält mehr als die ersten 3 Zeichen des geheimen Clientschlüssels; eine Konfigurationsdatei enthält den Schlüssel nie
store-import-validated = ist true, obwohl eine Prüfung fehlgeschlagen ist; die Datei wurde von Hand bearbeitet

## Schlüsselbund des Betriebssystems

store-keychain-platform = { $os ->
        [macos] Entsperren Sie in der Schlüsselbundverwaltung den Schlüsselbund „Anmeldung“ und erlauben Sie graphwiz den Zugriff, wenn macOS fragt
        [windows] Stellen Sie sicher, dass die Windows-Anmeldeinformationsverwaltung für Ihr Benutzerkonto verfügbar ist (in manchen eingeschränkten oder Remotesitzungen ist sie es nicht)
       *[linux] Starten und entsperren Sie einen Secret Service: den GNOME-Schlüsselbund (gnome-keyring-daemon, bei der Anmeldung entsperrt) oder KWallet mit eingeschalteter Secret-Service-Schnittstelle; über SSH oder in einem Container führen Sie graphwiz in einer Desktopsitzung aus oder starten `dbus-run-session` mit einem entsperrten gnome-keyring-daemon
    }
store-keychain-unlock = { $os ->
        [macos] Zum Entsperren öffnen Sie die Schlüsselbundverwaltung, wählen den Schlüsselbund „Anmeldung“ und dann Ablage > Schlüsselbund „Anmeldung“ entsperren (mit Ihrem Anmeldepasswort); führen Sie den Befehl danach erneut aus und klicken Sie auf „Erlauben“ oder „Immer erlauben“, wenn macOS fragt, ob graphwiz sein Schlüsselbundobjekt verwenden darf
        [windows] Die Anmeldeinformationsverwaltung gehört zum angemeldeten Windows-Benutzer: Führen Sie den Befehl erneut als der Benutzer aus, der das Profil gespeichert hat, in einer normalen Desktopanmeldung (nicht mit „Als anderer Benutzer ausführen“, als Dienst oder in einer eingeschränkten Remotesitzung), und erlauben Sie den Zugriff, wenn Windows fragt
       *[linux] Zum Entsperren führen Sie den Befehl in Ihrer Desktopsitzung erneut aus und geben das Passwort des Schlüsselbunds (meist Ihr Anmeldepasswort) ein, wenn das Fenster zum Entsperren des Schlüsselbunds „Anmeldung“ erscheint; oder öffnen Sie „Passwörter und Verschlüsselung“ (Seahorse), klicken mit der rechten Maustaste auf den Schlüsselbund „Anmeldung“, wählen „Entsperren“ und führen den Befehl erneut aus (KDE: öffnen Sie die Brieftasche in der KWallet-Verwaltung). Über SSH oder ohne Bildschirm kann kein Entsperrfenster erscheinen: Entsperren Sie den Schlüsselbund zuerst in der Desktopsitzung
    }
store-keychain-unlock-app = { $os ->
        [macos] Zum Entsperren öffnen Sie die Schlüsselbundverwaltung, wählen den Schlüsselbund „Anmeldung“ und dann Ablage > Schlüsselbund „Anmeldung“ entsperren (mit Ihrem Anmeldepasswort); versuchen Sie es danach erneut und klicken Sie auf „Erlauben“ oder „Immer erlauben“, wenn macOS fragt, ob graphwiz sein Schlüsselbundobjekt verwenden darf.
        [windows] Die Anmeldeinformationsverwaltung gehört zum angemeldeten Windows-Benutzer: Starten Sie graphwiz als der Benutzer, der das Profil gespeichert hat, in einer normalen Desktopanmeldung (nicht mit „Als anderer Benutzer ausführen“ oder in einer eingeschränkten Remotesitzung), versuchen Sie es erneut und erlauben Sie den Zugriff, wenn Windows fragt.
       *[linux] Zum Entsperren versuchen Sie es erneut und geben das Passwort des Schlüsselbunds (meist Ihr Anmeldepasswort) ein, wenn das Fenster zum Entsperren des Schlüsselbunds „Anmeldung“ erscheint; oder öffnen Sie „Passwörter und Verschlüsselung“ (Seahorse), klicken mit der rechten Maustaste auf den Schlüsselbund „Anmeldung“, wählen „Entsperren“ und versuchen es erneut (KDE: öffnen Sie die Brieftasche in der KWallet-Verwaltung).
    }
store-keychain-unavailable = Der Schlüsselbund des Betriebssystems ist nicht verfügbar: { $detail }. { store-keychain-platform }
store-keychain-locked = Der Schlüsselbund des Betriebssystems ist gesperrt, oder die Anfrage zum Entsperren wurde abgelehnt ({ $detail }). { store-keychain-unlock }
store-keychain-missing = Der geheime Clientschlüssel des Profils „{ $profile }“ ist nicht im Schlüsselbund des Betriebssystems (er wurde dort vielleicht gelöscht); speichern Sie ihn erneut mit: graphwiz profile add "{ $profile }" --replace … --secret-stdin
store-keychain-other = Der Schlüsselbund des Betriebssystems hat einen Fehler gemeldet: { $detail }
store-keychain-locked-app = Der Schlüsselbund des Betriebssystems ist gesperrt, oder die Anfrage zum Entsperren wurde abgelehnt. { store-keychain-unlock-app }
store-keychain-missing-app = Der geheime Clientschlüssel des Profils „{ $profile }“ ist nicht im Schlüsselbund des Betriebssystems (er wurde dort vielleicht gelöscht). Geben Sie den „Wert“ des Schlüssels im Schritt „Azure-App“ erneut ein.

## Ablauf des geheimen Clientschlüssels und die Kalenderdatei

expiry-secret-label = { $kind ->
        [both] „{ $description }“ ({ $hint }…)
        [hint] { $hint }…
        [description] „{ $description }“
        [id] { $id }
       *[none] ein geheimer Clientschlüssel
    }
expiry-calendar-name = graphwiz: Ablauf geheimer Clientschlüssel
expiry-calendar-summary = Geheimer Clientschlüssel läuft ab: { $app } ({ $tenant })
expiry-calendar-description = Der geheime Clientschlüssel { $secret } der App { $app } (Anwendungs-ID (Client) { $client }) im Mandanten { $tenant } läuft am { $date } ab. Vorher: Erstellen Sie im Azure-Portal einen neuen geheimen Clientschlüssel (App-Registrierungen → die App → Zertifikate & Geheimnisse → Neuer geheimer Clientschlüssel), tragen Sie seinen „Wert“ in der Microsoft-Graph-Integration von Genesys Cloud ein und deaktivieren und aktivieren Sie die Integration dann. graphwiz-Profil: { $profile }.
expiry-calendar-alarm = Geheimer Clientschlüssel von { $app } ({ $tenant }) läuft { $days ->
        [0] heute
        [one] in { $days } Tag
       *[other] in { $days } Tagen
    } ab

## Erinnerungen der Desktop-App

reminder-title = Geheimer Clientschlüssel { $when ->
        [tomorrow] läuft morgen ab (1 Tag)
        [today] läuft heute ab
        [expired_today] ist heute abgelaufen
        [yesterday] ist gestern abgelaufen
        [past] ist seit { $days ->
            [one] { $days } Tag
           *[other] { $days } Tagen
        } abgelaufen
       *[future] läuft in { $days ->
            [one] { $days } Tag
           *[other] { $days } Tagen
        } ab
    } — { $tenant } ({ $app })
reminder-body = Der geheime Clientschlüssel von { $app } im Mandanten { $tenant } { $expired ->
        [yes] ist am { $date } abgelaufen
       *[no] läuft am { $date } ab
    }; danach stellt Genesys Cloud keine E-Mails mehr zu. Erstellen Sie im Azure-Portal (Zertifikate & Geheimnisse) einen neuen geheimen Clientschlüssel, tragen Sie seinen „Wert“ in der Genesys-Cloud-Integration ein und deaktivieren und aktivieren Sie die Integration dann.
reminder-tray-open = graphwiz öffnen
reminder-tray-check = Jetzt prüfen
reminder-tray-quit = Beenden
expiry-calendar-secret-in-use = in Verwendung
