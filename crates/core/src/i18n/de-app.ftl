# graphwiz — deutsche Texte (app). Dieselben IDs und Argumente wie en-app.ftl.
# Die eigenen Texte der Desktop-App: Fehler der Aktionen des Assistenten, Probleme der Felder, die
# sie selbst prüft, die Prüfungen der Profilübersicht und die Texte der Shell (Dialoge,
# Zwischenablage, Browser). `$detail` ist, was das Betriebssystem oder ein anderer Teil von
# graphwiz gemeldet hat (unverändert); `$os` ist macos, windows oder ein anderes System.

## Schritte und die Integration im Assistenten

app-error-no-target = Geben Sie zuerst die Azure-App ein (Mandant, Anwendungs-ID (Client), geheimer Clientschlüssel) und bestätigen Sie sie.
app-error-unreachable = Schließen Sie zuerst den aktuellen Schritt ab.
app-error-confirm-azure-app = Bestätigen Sie zuerst die Azure-App.
app-error-invalid = { $count ->
    [one] Bitte korrigieren Sie das markierte Feld.
   *[other] Bitte korrigieren Sie die { $count } markierten Felder.
}

## Gespeicherte Profile

app-error-profile-exists = Ein Profil namens „{ $name }“ gibt es schon; wählen Sie einen anderen Namen.
app-error-profile-not-found = Das Profil „{ $name }“ gibt es nicht (mehr).
app-error-profiles = Die gespeicherten Profile konnten nicht gelesen oder geschrieben werden: { $detail }

## Der Schlüsselbund des Betriebssystems

app-error-secret-missing = Der geheime Clientschlüssel des Profils „{ $profile }“ ist nicht im Schlüsselbund des Betriebssystems (er wurde dort vielleicht gelöscht). Geben Sie den Wert des Schlüssels im Schritt Azure-App erneut ein.
app-error-keychain-locked = Der Schlüsselbund des Betriebssystems ist gesperrt, oder die Anfrage zum Entsperren wurde abgelehnt. { $os ->
    [macos] Zum Entsperren öffnen Sie die Schlüsselbundverwaltung, wählen den Schlüsselbund „Anmeldung“ und dann Ablage > Schlüsselbund „Anmeldung“ entsperren (mit Ihrem Anmeldepasswort); versuchen Sie es dann erneut und klicken Sie auf „Erlauben“ oder „Immer erlauben“, wenn macOS fragt, ob graphwiz sein Schlüsselbundobjekt verwenden darf.
    [windows] Die Anmeldeinformationsverwaltung gehört zum angemeldeten Windows-Benutzer: Starten Sie graphwiz als der Benutzer, der das Profil gespeichert hat, in einer normalen Desktop-Anmeldung (nicht mit „Als anderer Benutzer ausführen“ und nicht in einer eingeschränkten Remotesitzung), versuchen Sie es erneut und erlauben Sie den Zugriff, wenn Windows fragt.
   *[other] Zum Entsperren versuchen Sie es erneut und geben Sie das Passwort des Schlüsselbunds ein (meist Ihr Anmeldepasswort), wenn das Fenster zum Entsperren des Schlüsselbunds „Anmeldung“ erscheint; oder öffnen Sie „Passwörter und Verschlüsselung“ (Seahorse), klicken Sie mit der rechten Maustaste auf den Schlüsselbund „Anmeldung“, wählen Sie „Entsperren“ und versuchen Sie es erneut (KDE: Öffnen Sie die Brieftasche in der KWallet-Verwaltung).
}
app-error-keychain-unavailable = Der Schlüsselbund des Betriebssystems ist nicht verfügbar: { $detail }. { $os ->
    [macos] Entsperren Sie den Schlüsselbund „Anmeldung“ in der Schlüsselbundverwaltung und erlauben Sie graphwiz den Zugriff, wenn macOS fragt.
    [windows] Stellen Sie sicher, dass die Windows-Anmeldeinformationsverwaltung für Ihr Benutzerkonto verfügbar ist (in manchen eingeschränkten oder Remotesitzungen ist sie es nicht).
   *[other] Starten und entsperren Sie einen Secret Service: GNOME Keyring (gnome-keyring-daemon, bei der Anmeldung entsperrt) oder KWallet mit aktivierter Secret-Service-Schnittstelle; über SSH oder in einem Container starten Sie graphwiz in einer Desktopsitzung oder starten `dbus-run-session` mit einem entsperrten gnome-keyring-daemon.
}
app-error-keychain-failed = Der Schlüsselbund des Betriebssystems hat einen Fehler gemeldet: { $detail }

## Administrator, Endpunkte, Demo

app-error-admin = Der Administratorschritt wurde nicht abgeschlossen: { $detail }. { $fix }
app-error-endpoints = Die Anmelde- oder Graph-Adresse ist nicht verwendbar: { $detail }
app-error-demo-stopped = Der Demo-Mandant läuft nicht; starten Sie ihn im Schritt Start erneut.
app-error-demo-not-open = Der Demo-Mandant ist nicht geöffnet; starten Sie ihn im Schritt Start.
app-error-demo-not-loopback = Der Demo-Mandant muss auf diesem Computer laufen (einer Loopback-Adresse).
app-demo-loopback-only = die Demo spricht nur mit ihrem eigenen Emulator auf diesem Computer (Loopback)
app-opener-refused = graphwiz öffnet { $url } nicht
app-error-tenant-not-found = Der Mandant wurde nicht gefunden, daher gibt es nichts zuzustimmen; korrigieren Sie zuerst im Schritt Azure-App die Verzeichnis-ID (Mandant) (und die Cloud).
app-error-cancelled = Das Warten auf den Administrator wurde abgebrochen.
app-error-unknown-scenario = Unbekanntes Demo-Szenario „{ $scenario }“; bekannt sind: { $known }
app-error-demo-start = Der Demo-Mandant konnte nicht auf 127.0.0.1 gestartet werden: { $detail }
app-error-demo-genesys-start = Die Genesys-Cloud-Organisation der Demo konnte nicht auf 127.0.0.1 gestartet werden: { $detail }

## Postfächer und der Live-Test

app-error-mailbox-duplicate = { $mailbox } steht schon in der Liste.
app-error-probe-configured = { $mailbox } ist eines der Postfächer der Integration; die Bereichsprüfung braucht ein Postfach, das die App NICHT lesen können soll.
app-error-not-a-mailbox = { $mailbox } ist keines der Postfächer der Integration; fügen Sie es zuerst im Schritt Postfächer hinzu.
app-error-pickup-unconfirmed = Der Abholtest erzeugt eine echte Interaktion in Genesys Cloud; bestätigen Sie ihn zuerst.
app-error-pickup-from-same = „Senden von“ ist { $mailbox }, also das getestete Postfach selbst; lassen Sie das Feld leer, um vom Postfach an sich selbst zu senden, oder geben Sie ein anderes Postfach an.

## Export, Kalender, Kopieren, Import

app-error-not-checked = Führen Sie zuerst die Prüfungen aus; der Export enthält ihre Ergebnisse.
app-error-not-validated = Nicht exportiert: Noch ist nicht jede Aussage belegt (die Zusammenfassung nennt, was offen ist). Belegen Sie sie, oder exportieren Sie trotzdem (die Datei enthält dann "validated": false).
app-error-write = Die Datei konnte nicht geschrieben werden: { $detail }
app-error-expiry-unknown = Das Ablaufdatum ist noch nicht bekannt: Führen Sie die Prüfungen aus (graphwiz liest es aus Azure) oder geben Sie es von Hand ein.
app-error-nothing-to-copy = Noch nichts zum Kopieren: Führen Sie zuerst die Prüfungen aus.
app-error-read = Die Datei konnte nicht gelesen werden: { $detail }
app-error-import = Das ist keine gültige graphwiz-Konfigurationsdatei: { $detail }
app-dialog-config-filter = graphwiz-Konfiguration

## Feldprobleme, die die App selbst findet (ohne die Bezeichnung des Felds)

app-problem-cloud = unbekannte Cloud „{ $cloud }“: Verwenden Sie global, usgov oder china
app-problem-secret-empty = ist leer; kopieren Sie den Wert des Schlüssels unter „Zertifikate & Geheimnisse“
app-problem-secret-empty-new = ist leer; kopieren Sie den Wert des Schlüssels unter „Zertifikate & Geheimnisse“ (er wird nur direkt nach dem Erstellen angezeigt)
app-problem-secret-missing = ist nicht mehr im Schlüsselbund des Betriebssystems (er wurde dort gelöscht); geben Sie den Wert des Schlüssels erneut ein
app-problem-expiry-bad-date = „{ $value }“ ist kein gültiges Datum
app-problem-expiry-not-date = „{ $value }“ ist kein Datum; schreiben Sie es als JJJJ-MM-TT, z. B. 2027-05-31
app-problem-warn-days = geben Sie eine Anzahl Tage von 0 bis { $max } an
app-problem-genesys-secret-empty = ist leer; kopieren Sie es aus Admin → Integrationen → OAuth → der Client → Client-Details

## Die Profilübersicht: Prüfungen von Profilen, die nicht laufen konnten

app-check-profile-endpoints = Die Endpunkte des Profils sind nicht verwendbar: { $detail }.
    .fix = Öffnen Sie das Profil und korrigieren Sie es im Schritt Azure-App.
app-check-secret-missing = Der geheime Clientschlüssel dieses Profils ist nicht im Schlüsselbund des Betriebssystems.
    .fix = Der geheime Clientschlüssel des Profils „{ $profile }“ ist nicht im Schlüsselbund des Betriebssystems (er wurde dort vielleicht gelöscht). Geben Sie den Wert des Schlüssels im Schritt Azure-App erneut ein.

## Schritt Genesys Cloud

app-error-genesys-secret-missing = Das Client Secret für Genesys Cloud des Profils „{ $profile }“ ist nicht im Schlüsselbund des Betriebssystems (es wurde dort vielleicht gelöscht). Geben Sie es im Schritt Genesys Cloud erneut ein.
app-error-genesys-none = Speichern Sie zuerst den OAuth-Client für Genesys Cloud (Region, Client-ID, Client Secret).
app-error-genesys-part = Der Genesys-Cloud-Teil des Profils ist nicht verwendbar: { $detail }
app-genesys-profile-gone = das Profil „{ $profile }“ gibt es nicht mehr

## Rotation und Fehlersuche

app-error-rotate-action = unbekannte Rotationsaktion „{ $action }“ (start, resume, roll_back)
app-error-unknown-symptom = Unbekanntes Symptom „{ $symptom }“; bekannt sind: { $known }
app-error-unknown-step = „{ $step }“ ist kein Schritt von { $symptom }

## Die Shell: Grenzen, Zwischenablage, Browser, Start bei der Anmeldung, Erinnerungen

app-error-too-long = { $field }: Der Wert ist länger als { $max } Zeichen
app-error-too-many-days = Zu viele Erinnerungstage.
app-error-too-many-profiles = Zu viele Profile.
app-error-clipboard = Kopieren fehlgeschlagen: { $detail }
app-error-demo-external = In der Demo verlässt nichts diesen Computer, daher wird das Azure-Portal nicht geöffnet.
app-error-url-refused = graphwiz öffnet nur Seiten des Azure-Portals, der Microsoft-Anmeldung und der Genesys-Cloud-Administration.
app-error-opener = Der Browser konnte nicht geöffnet werden: { $detail }
app-error-autostart = Der Start bei der Anmeldung konnte nicht geändert werden: { $detail }
app-autostart-unreadable = Der Start bei der Anmeldung kann auf diesem System nicht gelesen werden: { $detail }
app-error-reminder-store-open = Der Speicher der Erinnerungen konnte nicht geöffnet werden: { $detail }
app-error-reminder-store-save = Der Speicher der Erinnerungen konnte nicht gespeichert werden: { $detail }
app-error-ready-file-relative = { $var } muss ein absoluter Pfad sein
app-error-ready-file-write = Die Startmarkierung { $path } konnte nicht geschrieben werden: { $detail }

## Konfigurationsdatei importieren

app-import-holds = Die Datei enthält die Integration „{ $name }“: Mandant { $tenant }, Anwendungs-ID (Client) { $client_id }, { $mailboxes ->
    [one] 1 Postfach
   *[other] { $mailboxes } Postfächer
}, geprüft am { $date }. Der geheime Clientschlüssel steht nie in einer Konfigurationsdatei: Sie geben ihn im nächsten Schritt ein.
app-import-leaves-demo = Der Import schließt den geöffneten Demo-Mandanten (von der Demo wird nichts übernommen).
app-import-loopback-endpoint = Die Datei richtet die Prüfungen auf { $url }, eine Adresse auf diesem Computer: Sie wurde aus der Demo oder einer Testumgebung exportiert. Unverändert importiert, sprächen die Prüfungen mit dieser Adresse statt mit Microsoft; graphwiz verwendet die Endpunkte von Microsoft, außer Sie behalten die Test-Endpunkte.
app-import-other-endpoint = Die Datei richtet die Prüfungen auf { $url }, keinen Endpunkt von Microsoft (eine Testumgebung). graphwiz verwendet die Endpunkte von Microsoft, außer Sie behalten die Test-Endpunkte.
app-import-not-validated = Die Datei ist nicht validiert: Beim Schreiben ({ $date }) war eine Prüfung oder der Live-Test fehlgeschlagen. Prüfen Sie nach dem Import erneut.
app-import-done = „{ $name }“ aus { $file } importiert ({ $mailboxes ->
    [one] 1 Postfach
   *[other] { $mailboxes } Postfächer
}{ $endpoints ->
    [dropped] ; die Test-Endpunkte der Datei wurden weggelassen, die Prüfungen verwenden { $cloud }
    [kept] ; die Test-Endpunkte der Datei wurden behalten
   *[none] {""}
}). Geben Sie den geheimen Clientschlüssel ein, um sie zu prüfen.
app-error-no-import = Es wartet keine Datei auf den Import; wählen Sie „Konfigurationsdatei importieren“ erneut.
app-error-fix-no-plan = Es wartet kein Behebungsplan auf eine Bestätigung (die Integration hat sich geändert, oder er wurde abgebrochen). Klicken Sie erneut auf „Beheben“.
app-problem-app-name-long = ist länger als { $max } Zeichen
app-problem-months = Wählen Sie zwischen 1 und { $max } Monaten
