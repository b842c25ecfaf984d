# graphwiz — deutsche Texte (ui). Dieselben IDs und Argumente wie en-ui.ftl.
# Die eigenen Texte der Desktop-App (Beschriftungen, Schaltflächen, Hinweise). IDs: ui- + der Schlüssel der App,
# jeder „.“ als „--“ (step.azure_app → ui-step--azure_app).

ui-app--name = graphwiz
ui-app--tagline = E-Mail-Einrichtung für Genesys Cloud

ui-a11y--skip = Zum Inhalt springen

ui-rail--label = Einrichtungsschritte
ui-rail--current = aktueller Schritt
ui-rail--done = erledigt
ui-rail--status--passed = bestanden
ui-rail--status--warning = Warnung
ui-rail--status--failed = fehlgeschlagen
ui-rail--status--not_run = noch nicht geprüft
ui-rail--locked = noch nicht verfügbar

ui-lang--label = Sprache

ui-footer--versions = graphwiz { $version } · Commit { $commit } · erstellt am { $date }
ui-footer--core = Core { $core }

ui-step--start = Start
ui-step--azure_app = Azure-App
ui-step--permissions = Berechtigungen & Zustimmung
ui-step--mailboxes = Postfächer
ui-step--live_test = Live-Test
ui-step--secret_expiry = Ablauf des Clientschlüssels
ui-step--summary = Zusammenfassung

ui-action--back = Zurück
ui-action--next = Weiter
ui-action--save_next = Speichern und weiter
ui-action--cancel = Abbrechen
ui-action--dismiss = Schließen
ui-action--check_again = Erneut prüfen
ui-action--add = Hinzufügen
ui-action--remove = Entfernen
ui-action--save = Speichern
ui-action--copy = Kopieren
ui-action--copy_command = Befehl kopieren
ui-action--open_portal = Im Azure-Portal öffnen

ui-demo--tag = Demo
ui-demo--banner = Eingebauter Testmandant auf diesem Computer – es wird nichts an Microsoft gesendet.
ui-demo--scenario = Szenario

ui-busy--starting = Wird vorbereitet …
ui-busy--demo = Demo-Mandant wird gestartet …
ui-busy--importing = Konfigurationsdatei wird gelesen …
ui-busy--saving = Wird gespeichert …
ui-busy--checking = Mandant, App-Registrierung, Berechtigungen und Postfächer werden geprüft …
ui-busy--checking_all = Alle gespeicherten Profile werden geprüft …
ui-busy--consent = Warte auf die Administratorzustimmung im Browser (bis zu 5 Minuten) …
ui-busy--consent_demo = Der Demo-Administrator erteilt die Zustimmung …
ui-busy--admin = Warte auf die Anmeldung des Administrators im Browser (bis zu 5 Minuten) …
ui-busy--admin_demo = Der Demo-Administrator meldet sich an …
ui-busy--live = Live-Test läuft …
ui-busy--saving_file = Datei wird geschrieben …
ui-busy--loading = Wird geladen …

ui-error--generic = Das hat nicht geklappt.
ui-error--invalid = Bitte korrigieren Sie die markierten Felder.
ui-error--keychain = Der Schlüsselbund des Betriebssystems ist nicht verfügbar.
ui-error--secret_missing = Der geheime Clientschlüssel fehlt im Schlüsselbund.
ui-error--profiles = Die gespeicherten Profile konnten nicht gelesen oder geschrieben werden.
ui-error--exists = Ein Profil mit diesem Namen gibt es schon.
ui-error--not_found = Dieses Profil gibt es nicht (mehr).
ui-error--no_target = Geben Sie zuerst die Azure-App ein und speichern Sie sie.
ui-error--unreachable = Schließen Sie zuerst den aktuellen Schritt ab.
ui-error--cancelled = Warten abgebrochen.
ui-error--admin = Der Administratorschritt wurde nicht abgeschlossen.
ui-error--tenant = Der Mandant wurde nicht gefunden.
ui-error--endpoints = Die Anmelde- oder Graph-Adresse ist nicht verwendbar.
ui-error--demo_start = Der Demo-Mandant konnte nicht gestartet werden.
ui-error--demo_stopped = Der Demo-Mandant läuft nicht.
ui-error--demo_not_loopback = Die Demo läuft nur auf diesem Computer.
ui-error--demo_external = Demo: Das Azure-Portal wird nicht geöffnet.
ui-error--demo_external_url = In der Demo verlässt nichts diesen Computer. Mit einem echten Mandanten öffnet sich: { $url }
ui-error--url_refused = graphwiz öffnet nur Seiten des Azure-Portals, der Microsoft-Anmeldung und der Genesys-Cloud-Administration.
ui-error--opener = Der Browser konnte nicht geöffnet werden.
ui-error--not_checked = Führen Sie zuerst die Prüfungen aus.
ui-error--not_validated = Nicht exportiert: Noch ist nicht jede Aussage belegt.
ui-error--write = Die Datei konnte nicht geschrieben werden.
ui-error--read = Die Datei konnte nicht gelesen werden.
ui-error--import = Das ist keine gültige graphwiz-Konfigurationsdatei.
ui-error--expiry_unknown = Das Ablaufdatum ist noch nicht bekannt.
ui-error--nothing_to_copy = Noch nichts zum Kopieren vorhanden.
ui-error--clipboard = Kopieren in die Zwischenablage fehlgeschlagen.
ui-error--duplicate = Dieses Postfach steht schon in der Liste.
ui-error--probe_configured = Für die Bereichsprüfung brauchen Sie ein Postfach außerhalb der Integration.
ui-error--sender = Wählen Sie eines der Postfächer der Integration als Absender.
ui-error--too_long = Der Wert ist zu lang.

ui-problem--trimmed = Leerzeichen oder Zeilenumbrüche um den Wert wurden entfernt.
ui-problem--trimmed_paste = Eingefügt: Leerzeichen oder Zeilenumbrüche um den Wert wurden entfernt.
ui-problem--braces = Die geschweiften Klammern um die GUID wurden entfernt.
ui-problem--empty = Pflichtfeld: Kopieren Sie den Wert aus dem Azure-Portal.
ui-problem--empty--tenant = Pflichtfeld: Kopieren Sie die Verzeichnis-ID (Mandant) von der Übersicht der App oder geben Sie eine verifizierte Domäne wie contoso.onmicrosoft.com ein.
ui-problem--empty--client_id = Pflichtfeld: Kopieren Sie die Anwendungs-ID (Client) von der Übersicht der App.
ui-problem--empty--secret = Pflichtfeld: Kopieren Sie den „Wert“ des Schlüssels unter „Zertifikate & Geheimnisse“ (er wird nur direkt nach dem Erstellen angezeigt).
ui-problem--tenant_email = Das ist eine E-Mail-Adresse. Geben Sie die Verzeichnis-ID (Mandant) (eine GUID) oder nur die Domäne nach dem @ ein.
ui-problem--tenant_url = Das ist eine URL. Geben Sie nur die Verzeichnis-ID (Mandant) (eine GUID von der Übersicht der App) oder eine verifizierte Domäne ein.
ui-problem--tenant_invalid = Weder GUID noch Domäne. Kopieren Sie die Verzeichnis-ID (Mandant) von der Übersicht der App im Azure-Portal.
ui-problem--client_id_invalid = Keine GUID. Kopieren Sie die Anwendungs-ID (Client) (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx) von der Übersicht der App – nicht den Anzeigenamen oder die Objekt-ID.
ui-problem--client_id_same_as_tenant = Das ist dieselbe GUID wie die Verzeichnis-ID (Mandant). Die Übersicht zeigt beide untereinander: Kopieren Sie die Anwendungs-ID (Client).
ui-problem--secret_id = Das sieht nach der „Geheimen ID“ aus. Kopieren Sie die Spalte „Wert“ (Zertifikate & Geheimnisse → Geheime Clientschlüssel), nicht die geheime ID.
ui-problem--secret_inner_whitespace = Enthält ein Leerzeichen, einen Tabulator oder Zeilenumbruch. Schlüsselwerte enthalten so etwas nie – kopieren Sie den Wert erneut mit der Kopierschaltfläche.
ui-problem--secret_id_kept = Sieht nach einer geheimen ID (GUID) aus; übernommen, weil Sie bestätigt haben, dass es der Wert ist.
ui-problem--secret_whitespace_kept = Enthält Leerzeichen; wie eingegeben übernommen.
ui-problem--secret_length = Ist { $n ->
    [one] { $n } Zeichen
   *[other] { $n } Zeichen
} lang; Schlüssel aus dem Azure-Portal haben meist 40. Prüfen Sie, ob der ganze Wert kopiert wurde.
ui-problem--mailbox_invalid = Keine gültige E-Mail-Adresse.
ui-problem--name_invalid = Verwenden Sie 1–64 Buchstaben, Ziffern, Leerzeichen, „.“, „_“ oder „-“.
ui-problem--expiry_invalid = Kein Datum: Geben Sie es so ein, wie es in der Spalte „Gültig bis“ im Portal steht.
ui-problem--warn_days_range = Geben Sie eine Anzahl Tage von 0 bis { $n } ein.

ui-status--pass = Bestanden
ui-status--warn = Warnung
ui-status--fail = Fehlgeschlagen
ui-status--skip = Übersprungen
ui-status--none = Noch nicht geprüft

ui-check--fix = Was zu tun ist
ui-fix--copied = Kopiert
ui-fix--copy_failed = Kopieren nicht möglich: Markieren Sie den Befehl und kopieren Sie ihn selbst.
ui-check--tenant = Mandant
ui-check--credentials = Client-ID und geheimer Schlüssel
ui-check--registration = App-Registrierung
ui-check--perm_mail_readwrite = Mail.ReadWrite (Anwendung)
ui-check--perm_mail_send = Mail.Send (Anwendung)
ui-check--perm_user_read = User.Read (Delegiert)
ui-check--secret_expiry = Ablauf des geheimen Clientschlüssels
ui-check--mailbox_access = Postfach
ui-check--scope_audit = Bereichsprüfung
ui-check--send = Senden
ui-check--receive = Empfangen
ui-check--mark_read = Als gelesen markieren
ui-check--cleanup = Aufräumen
ui-check--secret = Geheimer Clientschlüssel
ui-check--profile = Profil

ui-cloud--global = Azure global (portal.azure.com)
ui-cloud--usgov = Azure US Government
ui-cloud--china = Azure China (21Vianet)

ui-start--title = Willkommen bei graphwiz
ui-start--purpose = Richten Sie die Microsoft Graph-E-Mail-Integration von Genesys Cloud ein und weisen Sie nach, dass sie funktioniert.
ui-start--new--title = Neue Einrichtung
ui-start--new--desc = Schritt für Schritt durch die App-Registrierung in Azure: Verzeichnis-ID (Mandant), Anwendungs-ID (Client), geheimer Clientschlüssel, API-Berechtigungen und Administratorzustimmung.
ui-start--open--title = Gespeichertes Profil öffnen
ui-start--open--desc = Mit einem Mandanten weitermachen, den Sie mit graphwiz bereits eingerichtet oder geprüft haben – oder alle erneut prüfen.
ui-start--import--title = Konfigurationsdatei importieren
ui-start--import--desc = Mandanten- und App-Einstellungen aus einer Datei übernehmen, z. B. aus dem Export eines Kollegen.
ui-start--demo--title = Demo-Mandanten ausprobieren
ui-start--demo--desc = Alle Schritte an einem eingebauten Testmandanten durchspielen – ohne Microsoft 365-Konto.

ui-azure--title = Azure-App
ui-azure--lead = Die App-Registrierung, die Genesys Cloud verwendet. Alle Werte finden Sie auf den Seiten der App im Azure-Portal (Microsoft Entra ID → App-Registrierungen → Ihre App).
ui-azure--demo_note = Die Werte des Demo-Mandanten sind eingetragen. Bei einer echten Einrichtung kopieren Sie sie aus dem Azure-Portal; die Hinweise unter den Feldern sagen, wo.
ui-azure--secret_stored = Im Schlüsselbund ist ein Schlüssel gespeichert (beginnt mit { $hint }…). Lassen Sie das Feld leer, um ihn zu behalten.
ui-azure--secret_demo = Den Schlüssel der Demo (beginnt mit { $hint }…) hält graphwiz im Arbeitsspeicher. Lassen Sie das Feld leer, um ihn zu verwenden.
ui-azure--secret_keep = •••••• (gespeichert – leer lassen zum Behalten)

ui-field--name = Profilname
ui-field--cloud = Cloud
ui-field--tenant = Verzeichnis-ID (Mandant)
ui-field--client_id = Anwendungs-ID (Client)
ui-field--secret = Geheimer Clientschlüssel
ui-field--i_know = Es ist wirklich der Wert des Schlüssels – trotzdem verwenden
ui-field--mailbox = Postfachadresse

ui-help--name = Ein kurzer Name für diese Integration, z. B. der Kunde oder Mandant. Profile enthalten alles außer dem geheimen Schlüssel.
ui-help--cloud = Wo der Mandant liegt. Fast alle Mandanten sind in Azure global.
ui-help--tenant = App-Registrierungen → Ihre App → Übersicht → „Verzeichnis-ID (Mandant)“. Eine verifizierte Domäne wie contoso.onmicrosoft.com funktioniert auch.
ui-help--client_id = Dieselbe Übersicht → „Anwendungs-ID (Client)“.
ui-help--secret = Zertifikate & Geheimnisse → Geheime Clientschlüssel → Spalte „Wert“ kopieren (nicht die „Geheime ID“). Der Wert wird nur direkt nach dem Erstellen angezeigt. Er kommt in den Schlüsselbund des Betriebssystems, nie in eine Datei.
ui-help--open_app_registrations = App-Registrierungen öffnen
ui-help--open_overview = Übersicht der App öffnen
ui-help--open_certificates = Zertifikate & Geheimnisse öffnen

ui-perm--title = Berechtigungen & Zustimmung
ui-perm--lead = graphwiz meldet sich als App an und prüft, was Genesys Cloud braucht: Mail.ReadWrite und Mail.Send als Anwendungsberechtigungen und User.Read als delegierte Berechtigung, jeweils mit Administratorzustimmung.
ui-perm--summary = Geprüft { $time }: { $pass } bestanden, { $warn ->
    [one] { $warn } Warnung
   *[other] { $warn } Warnungen
}, { $fail } fehlgeschlagen.
ui-perm--others = { $n ->
    [one] 1 weiteres Problem liegt in einem anderen Schritt (die Zusammenfassung nennt es).
   *[other] { $n } weitere Probleme liegen in anderen Schritten (die Zusammenfassung nennt sie).
}
ui-perm--not_checked = Noch nicht geprüft.
ui-perm--consent = Administratorzustimmung erteilen
ui-perm--admin_verify = Als Administrator anmelden und prüfen
ui-perm--consent_help = „Administratorzustimmung erteilen“ öffnet die Zustimmungsseite von Microsoft im Browser. Melden Sie sich als Globaler Administrator oder Administrator für privilegierte Rollen an und stimmen Sie zu; graphwiz wartet bis zu 5 Minuten und prüft dann erneut. Die Seite kehrt zu http://localhost zurück – diese Umleitungs-URI muss an der App eingetragen sein (Authentifizierung → Web).
ui-perm--consent_help_demo = In der Demo stimmt der eingebaute Administrator sofort zu; es öffnet sich kein Browser.
ui-perm--admin_help = Das eigene Token der App darf ihre delegierten Berechtigungen nicht lesen. Ein Administrator kann das klären: Anmeldung im Browser (nur Leseberechtigungen); die Anmeldung wird einmal verwendet und nicht gespeichert.
ui-perm--admin_help_demo = In der Demo meldet sich der eingebaute Administrator sofort an; es öffnet sich kein Browser.
ui-perm--faq--title = Welche Berechtigungen und warum?
ui-perm--faq--required = Genesys Cloud braucht genau drei Microsoft Graph-Berechtigungen: Mail.ReadWrite (Anwendung), Mail.Send (Anwendung) und User.Read (Delegiert), jeweils mit dem grünen Haken „Gewährt für <Ihre Organisation>“ unter API-Berechtigungen.
ui-perm--faq--user_read = User.Read muss delegiert sein, nicht Anwendung: Es gibt Zugriff auf die E-Mail-Adresse des Postfachbenutzers; ohne sie können Mails nicht gelesen, verarbeitet, verschlüsselt oder gescannt werden.
ui-perm--faq--ip = Für die Integration muss in Azure kein IP-Bereich freigegeben werden.

ui-mb--title = Postfächer
ui-mb--lead = Die Postfächer, mit denen Genesys Cloud sendet und empfängt. graphwiz prüft, dass jedes lizenziert und erreichbar ist und nicht durch eine Anwendungszugriffsrichtlinie ausgeschlossen wird.
ui-mb--empty = Noch keine Postfächer. Fügen Sie die Adresse hinzu, die Genesys Cloud verwendet.
ui-mb--demo_chips = Postfächer des Demo-Mandanten:
ui-mb--kind--healthy = funktioniert
ui-mb--kind--unlicensed = ohne Lizenz
ui-mb--kind--policy-blocked = durch Richtlinie gesperrt
ui-mb--remove_label = { $address } entfernen
ui-mb--scope--title = Bereichsprüfung (optional)
ui-mb--scope--help = Geben Sie ein Postfach an, das die App NICHT lesen können soll, z. B. das einer Führungskraft. Kann die App es lesen, warnt graphwiz und erklärt, wie Sie die App auf ihre Postfächer beschränken (Anwendungszugriffsrichtlinie oder RBAC für Anwendungen). Es wird nur gelesen, nichts geändert.
ui-mb--scope--field = Postfach, das die App nicht erreichen soll
ui-mb--scope--set = Für die Prüfung verwenden
ui-mb--scope--clear = Keine Prüfung
ui-mb--scope--demo = Demo: { $mailbox } liegt außerhalb der Zugriffsrichtlinie der App; die Prüfung besteht damit.
ui-mb--scope--demo_use = Verwenden
ui-mb--check = Postfächer prüfen

ui-live--title = Live-Test
ui-live--lead = Der Nachweis, dass Mails fließen: graphwiz sendet eine Testmail aus dem Postfach, wartet auf ihren Eingang, markiert sie wie Genesys Cloud als gelesen und löscht sie wieder.
ui-live--sender = Senden von
ui-live--recipient = Senden an
ui-live--recipient_same = dasselbe Postfach
ui-live--run = Live-Test starten
ui-live--phase--send = Senden
ui-live--phase--receive = Empfangen
ui-live--phase--mark_read = Als gelesen markieren
ui-live--phase--cleanup = Aufräumen
ui-live--waiting = wartet … { $s } s von höchstens { $limit } s ({ $polls ->
    [one] { $polls } Abfrage
   *[other] { $polls } Abfragen
})
ui-live--latency_short = { $ms } ms
ui-live--latency = Die Testmail kam nach { $ms } ms an ({ $time }).
ui-live--sent_only = Die Testmail wurde gesendet; ihr Eingang lässt sich für diesen Empfänger nicht beobachten.
ui-live--failed = Der Live-Test ist nicht bestanden.
ui-live--faq = Genesys Cloud fragt das Postfach nicht ab: Microsoft meldet neue Mails, und Genesys Cloud holt jede sofort ab. Die Eingangszeit hier kommt also nahe an das, was Kunden erleben.

ui-exp--title = Ablauf des Clientschlüssels
ui-exp--lead = Geheime Clientschlüssel laufen immer ab, und dann stehen die Mails sofort still. graphwiz liest das Ablaufdatum aus Azure und trägt es auf Wunsch in Ihren Kalender ein.
ui-exp--expires = Gültig bis
ui-exp--days_left = Verbleibend
ui-exp--unknown = unbekannt
ui-exp--days_value = { $n ->
    [one] { $n } Tag
   *[other] { $n } Tage
}
ui-exp--day_value = 1 Tag
ui-exp--expired_undated = Abgelaufen (laut Entra ID)
ui-exp--state--ok = rechtzeitig
ui-exp--state--soon = bald erneuern
ui-exp--state--expired = abgelaufen
ui-exp--expired_days = seit { $n ->
    [one] { $n } Tag
   *[other] { $n } Tagen
} abgelaufen
ui-exp--manual = Ablaufdatum (wie in der Spalte „Gültig bis“ unter Zertifikate & Geheimnisse)
ui-exp--reminders = Erinnerungen
ui-exp--warn_days = Warnen ab so vielen Tagen vor Ablauf
ui-exp--days = Tage
ui-exp--alarms = Der Kalendereintrag erinnert an denselben Tagen wie die Desktop-Erinnerungen ({ $days }; 0 ist der Tag selbst).
ui-exp--calendar = Zum Kalender hinzufügen …
ui-exp--calendar_saved = Kalenderdatei gespeichert: { $path }. Öffnen Sie sie, um den Termin in Outlook, Google oder Apple Kalender zu übernehmen.
ui-exp--faq = Rechtzeitig erneuern: Neuen geheimen Clientschlüssel erstellen (Zertifikate & Geheimnisse → Neuer geheimer Clientschlüssel), seinen Wert in der Genesys Cloud-Integration eintragen und die Integration deaktivieren und wieder aktivieren. Beide Seiten ohne Verzögerung ändern. Den alten Schlüssel danach löschen.

ui-sum--title = Zusammenfassung
ui-sum--validated = Validiert: Die Integration funktioniert.
ui-sum--validated_detail = { $pass ->
    [one] { $pass } Prüfung bestanden
   *[other] { $pass } Prüfungen bestanden
}, { $warn ->
    [one] { $warn } Warnung
   *[other] { $warn } Warnungen
}.
ui-sum--not_validated = Noch nicht validiert.
ui-sum--not_validated_detail = { $fail ->
    [one] { $fail } Prüfung fehlgeschlagen
   *[other] { $fail } Prüfungen fehlgeschlagen
}; die Liste unten nennt jede mit ihrem Schritt.
ui-sum--problems--title = Was zu beheben ist
ui-sum--problems--go = Zu „{ $step }“
ui-sum--problems--none_live = Der Live-Test ist noch nicht gelaufen: Starten Sie ihn im Schritt „Live-Test“, um zu beweisen, dass E-Mails ankommen.
ui-sum--not_checked = Noch nicht geprüft: Führen Sie die Prüfungen im Schritt „Berechtigungen & Zustimmung“ aus.
ui-sum--claims = Was graphwiz belegt hat
ui-sum--not_validated_open = Noch ist nicht jede Aussage unten belegt: Jede sagt, was sie belegen würde.
ui-sum--claim_optional = (für „validiert“ nicht nötig)
ui-sum--genesys = In Genesys Cloud eintragen
ui-sum--secret_where = Der Wert, den Sie eingegeben haben (er liegt im Schlüsselbund; graphwiz zeigt ihn nie wieder an).
ui-sum--token_endpoint = OAuth 2.0-Tokenendpunkt (v2)
ui-sum--unknown = unbekannt, bis der Mandant gefunden ist
ui-sum--copied = { $what } in die Zwischenablage kopiert.
ui-sum--reminder--title = Nach jeder Änderung in Azure:
ui-sum--reminder--text = Deaktivieren und aktivieren Sie die Microsoft Graph-Integration in Genesys Cloud (Admin → Integrationen → Ihre Integration → Inaktiv, dann Aktiv), damit sie die neuen Einstellungen übernimmt.
ui-sum--export--title = Konfigurationsdatei
ui-sum--export--help = Ein validierter Nachweis dieser Einrichtung – Mandant, App, Postfächer, alle Prüfungen und der Live-Test – zur Übergabe oder für Audits. Sie enthält nie den geheimen Clientschlüssel.
ui-sum--export--anyway = Trotz fehlgeschlagener Prüfungen exportieren (die Datei enthält „validated“: false)
ui-sum--export--button = Konfigurationsdatei exportieren …
ui-sum--exported = Exportiert: { $path }
ui-sum--exported_unvalidated = Exportiert (nicht validiert): { $path }
ui-sum--restart = Neu beginnen

ui-profiles--nav = Gespeicherte Profile
ui-profiles--title = Gespeicherte Profile
ui-profiles--lead = Alle Integrationen, die graphwiz kennt, mit dem letzten Ergebnis und den Tagen bis zum Ablauf des Schlüssels. Die Schlüssel bleiben im Schlüsselbund.
ui-profiles--recheck_all = Alle erneut prüfen
ui-profiles--progress = { $done } von { $total } geprüft
ui-profiles--checking = wird geprüft…
ui-profiles--back = Zurück zum Assistenten
ui-profiles--empty = Noch keine gespeicherten Profile. Ein Profil wird gespeichert, wenn Sie den Schritt „Azure-App“ bestätigen.
ui-profiles--demo_note = Demo-Mandanten werden nie als Profil gespeichert, und ihre geheimen Schlüssel kommen nie in den Schlüsselbund. Richten Sie einen echten Mandanten ein, um ein Profil zu speichern.
ui-profiles--col--name = Profil
ui-profiles--col--tenant = Mandant
ui-profiles--col--verdict = Letzte Prüfung
ui-profiles--col--expiry = Schlüssel läuft ab in
ui-profiles--col--actions = Aktionen
ui-profiles--never = nie geprüft
ui-profiles--ok = OK · { $pass } bestanden
ui-profiles--failed = { $fail } fehlgeschlagen
ui-profiles--current = geöffnet
ui-profiles--open = Öffnen
ui-profiles--open_label = { $name } öffnen
ui-profiles--recheck = Erneut prüfen
ui-profiles--recheck_label = { $name } erneut prüfen
ui-profiles--remove_confirm = Wirklich entfernen?
ui-profiles--remove_label = { $name } und seinen Schlüssel entfernen

ui-scenario--healthy = Funktionierender Mandant
ui-scenario--healthy--desc = Alles ist so eingerichtet, wie Genesys Cloud es braucht: beide Anwendungsberechtigungen und delegiertes User.Read, alle mit Administratorzustimmung. Wie in jedem echten Mandanten darf das eigene Token der App ihre Berechtigungen nicht lesen; User.Read bestätigt daher die Anmeldung eines Administrators.
ui-scenario--wrong-secret = Falscher Schlüssel
ui-scenario--wrong-secret--desc = Der übergebene Schlüssel ist an der App nicht registriert (vertippt oder von einer anderen App).
ui-scenario--secret-id-pasted = Geheime ID eingefügt
ui-scenario--secret-id-pasted--desc = Übergeben wurde die geheime ID statt des Werts – der häufigste Fehler.
ui-scenario--expired-secret = Abgelaufener Schlüssel
ui-scenario--expired-secret--desc = Der einzige geheime Clientschlüssel der App ist vor zehn Tagen abgelaufen.
ui-scenario--unknown-app = Unbekannte App
ui-scenario--unknown-app--desc = Die übergebene Anwendungs-ID (Client) ist im Mandanten nicht registriert.
ui-scenario--unknown-tenant = Unbekannter Mandant
ui-scenario--unknown-tenant--desc = Die übergebene Verzeichnis-ID (Mandant) existiert nicht.
ui-scenario--app-disabled = App deaktiviert
ui-scenario--app-disabled--desc = Die App existiert, ist aber deaktiviert; Entra ID stellt kein Token aus.
ui-scenario--no-admin-consent = Keine Administratorzustimmung
ui-scenario--no-admin-consent--desc = Die Berechtigungen sind angefordert, aber niemand hat die Administratorzustimmung erteilt; das Token enthält keine Berechtigungen.
ui-scenario--user-read-as-application = User.Read als Anwendung
ui-scenario--user-read-as-application--desc = User.Read.All wurde als Anwendungsberechtigung hinzugefügt statt User.Read als delegierte Berechtigung.
ui-scenario--mail-send-delegated = Mail.Send als Delegiert
ui-scenario--mail-send-delegated--desc = Mail.Send wurde als delegierte Berechtigung hinzugefügt statt als Anwendungsberechtigung.
ui-scenario--user-read-not-consented = User.Read ohne Zustimmung
ui-scenario--user-read-not-consented--desc = Alles ist in Ordnung, nur das delegierte User.Read hat keine Administratorzustimmung.
ui-scenario--directory-reads = App liest das Verzeichnis
ui-scenario--directory-reads--desc = Funktionierend, und die App hat zusätzlich Directory.Read.All (Anwendung): Ihr eigenes Token liest ihre Berechtigungen, User.Read wird ohne Administrator bestätigt. In echten Mandanten selten.
ui-scenario--throttled = Drosselung
ui-scenario--throttled--desc = Microsoft Graph beantwortet die ersten Anfragen mit 429 Too Many Requests; graphwiz wartet und wiederholt.
ui-scenario--rbac-scoped = Auf ein Postfach beschränkt
ui-scenario--rbac-scoped--desc = Eine Anwendungszugriffsrichtlinie beschränkt die App auf support@ – andere Postfächer werden abgewiesen.
ui-scenario--mail-lost = Mail verloren
ui-scenario--mail-lost--desc = Das Senden wird angenommen, aber die Mail kommt nie an – genau dafür gibt es den Live-Test.
ui-scenario--send-throttled = Senden gedrosselt
ui-scenario--send-throttled--desc = Die ersten Sendeversuche werden mit 429 Too Many Requests beantwortet, bevor die Mail angenommen wird.
ui-scenario--policy-max-lifetime = Geheimnis-Laufzeit durch Richtlinie begrenzt
ui-scenario--policy-max-lifetime--desc = Die App-Verwaltungsrichtlinie des Mandanten erlaubt neuen geheimen Clientschlüsseln höchstens 90 Tage: der Schlüssel einer neuen App und ein rotierter werden gekürzt.
ui-scenario--policy-passwords-blocked = Geheime Clientschlüssel durch Richtlinie gesperrt
ui-scenario--policy-passwords-blocked--desc = Die App-Verwaltungsrichtlinie des Mandanten sperrt neue geheime Clientschlüssel: das Anlegen einer App hält an, bevor etwas angelegt ist, und eine Rotation kann ihren Schlüssel nicht hinzufügen.

ui-exp--desktop = Desktop-Erinnerungen: gespeicherte Profile täglich prüfen und graphwiz im Infobereich weiterlaufen lassen, wenn das Fenster geschlossen wird
ui-exp--reminder_days = So viele Tage vor Ablauf erinnern:
ui-exp--day_30 = 30 Tage
ui-exp--day_14 = 14 Tage
ui-exp--day_7 = 7 Tage
ui-exp--day_3 = 3 Tage
ui-exp--day_1 = 1 Tag
ui-exp--day_0 = am Ablauftag
ui-exp--login = graphwiz bei der Anmeldung starten (im Infobereich, ohne Fenster), damit Erinnerungen auch ohne Öffnen ankommen

ui-reminder--title_days = Geheimer Clientschlüssel läuft in { $n ->
    [one] { $n } Tag
   *[other] { $n } Tagen
} ab
ui-reminder--title_day = Geheimer Clientschlüssel läuft morgen ab
ui-reminder--title_today = Geheimer Clientschlüssel läuft heute ab
ui-reminder--title_expired = Geheimer Clientschlüssel ist seit { $n ->
    [one] { $n } Tag
   *[other] { $n } Tagen
} abgelaufen
ui-reminder--who = { $tenant } ({ $app })
ui-reminder--via_window = Kein Benachrichtigungsdienst hat geantwortet, daher zeigt graphwiz die Erinnerung hier.
ui-reminder--via_notification = Auch als Desktop-Benachrichtigung gesendet.
ui-reminder--open = Schritt „Ablauf des Clientschlüssels“ öffnen
ui-reminder--dismiss = Ausblenden

ui-azure--secret_missing = Der geheime Clientschlüssel dieses Profils ist nicht mehr im Schlüsselbund des Betriebssystems (er wurde dort gelöscht). Geben Sie den Wert des Schlüssels erneut ein, um das Profil weiter zu nutzen.

ui-error--secret_missing_action = Schlüssel erneut eingeben
ui-error--autostart = Der Start bei der Anmeldung konnte nicht geändert werden.
ui-error--reminders = Die Erinnerungen konnten nicht gelesen werden.
ui-error--ready_file = Die Startmarkierung konnte nicht geschrieben werden.

ui-problem--secret_missing = Nicht mehr im Schlüsselbund (dort gelöscht): Geben Sie den Wert des Schlüssels erneut ein.

ui-step--genesys = Genesys Cloud

ui-action--open_genesys = In Genesys Cloud öffnen

ui-demo--genesys_scenario = Genesys Cloud

ui-busy--checking_genesys = Azure und Genesys Cloud werden geprüft…
ui-busy--restarting = Die Integration wird neu gestartet…

ui-error--genesys = Die Genesys-Cloud-Einstellungen sind nicht verwendbar.
ui-error--genesys_secret_missing = Das Client Secret für Genesys Cloud fehlt im Schlüsselbund des Betriebssystems.
ui-error--genesys_none = Speichern Sie zuerst den OAuth-Client für Genesys Cloud.
ui-error--no_demo = Der Demo-Mandant ist nicht geöffnet.

ui-problem--genesys_secret_empty = Client Secret: Pflichtfeld. Kopieren Sie es aus Admin → Integrationen → OAuth → Client → Client-Details.

ui-check--genesys_login = Anmeldung bei Genesys Cloud (OAuth-Client)
ui-check--genesys_integration = Microsoft-Graph-Integration
ui-check--genesys_domains = Eingehende E-Mail-Domänen
ui-check--genesys_routes = Eingehende Routen
ui-check--genesys_agents = Agenten in der Warteschlange
ui-check--genesys_multi_destination = Weiterleitung an mehrere Ziele
ui-check--genesys_restart = Neustart der Integration
ui-check--genesys_recovery = Unterbrochener Neustart

ui-gen--title = Genesys Cloud
ui-gen--lead = Die andere Seite: graphwiz meldet sich mit einem OAuth-Client bei Ihrer Genesys-Cloud-Organisation an und prüft, ob die Microsoft-Graph-Integration aktiv ist, diese Azure-App verwendet und ob ihre E-Mail-Domänen, Routen und Warteschlangen die Mails zu den Agenten bringen.
ui-gen--optional = Optional: Überspringen Sie diesen Schritt mit „Weiter“ und kommen Sie später zurück. Ohne ihn prüft graphwiz nur die Azure-Seite.
ui-gen--demo_note = Die Werte der Demo-Organisation sind eingetragen (Region mypurecloud.de, bereitgestellt auf diesem Computer). In einer echten Einrichtung kopieren Sie sie aus Genesys Cloud; die Hinweise unter jedem Feld sagen, wo.
ui-gen--field--region = Region
ui-gen--field--client_id = Client-ID
ui-gen--field--secret = Client Secret
ui-gen--help--region = Der Host in der Adresszeile Ihres Browsers, wenn Sie Genesys Cloud verwenden, z. B. apps.mypurecloud.de → mypurecloud.de.
ui-gen--help--client_id = Admin → Integrationen → OAuth → Client → Client-Details → Client-ID. Der Client braucht den Grant-Typ „Client Credentials“ und eine Rolle mit den Anzeigeberechtigungen für Integrationen, Routing und Konversationen.
ui-gen--help--secret = Gleiche Seite → Client Secret. Es wird im Schlüsselbund des Betriebssystems gespeichert, nie in einer Datei, und graphwiz zeigt es nie wieder an.
ui-gen--region_choose = Region auswählen…
ui-gen--secret_stored = Ein Client Secret ist im Schlüsselbund des Betriebssystems gespeichert. Lassen Sie das Feld leer, um es zu behalten.
ui-gen--secret_demo = Das Client Secret der Demo (beginnt mit { $hint }…) hält graphwiz im Arbeitsspeicher. Lassen Sie das Feld leer, um es zu verwenden.
ui-gen--save = Speichern und prüfen
ui-gen--remove = Genesys-Cloud-Einstellungen entfernen
ui-gen--summary = Genesys Cloud: { $pass } bestanden, { $warn ->
    [one] { $warn } Warnung
   *[other] { $warn } Warnungen
}, { $fail } fehlgeschlagen.
ui-gen--not_checked = Genesys Cloud: noch nicht geprüft.
ui-gen--restart--title = Integration neu starten
ui-gen--restart--help = Deaktiviert die Microsoft-Graph-Integration, wartet, bis sie inaktiv ist, aktiviert sie wieder und wartet, bis sie aktiv ist – so verlangt es Genesys Cloud nach jeder Änderung in Azure. graphwiz lässt sie nie deaktiviert: Wird der Neustart unterbrochen, aktiviert der nächste Start sie wieder.
ui-gen--restart--suggested = Die Prüfung der Integration ist fehlgeschlagen oder hat gewarnt: Ein Neustart kann helfen, sobald die Ursache behoben ist.
ui-gen--restart--button = Integration neu starten
ui-gen--restart--confirm_title = Die Integration jetzt neu starten?
ui-gen--restart--confirm_text = graphwiz deaktiviert die Microsoft-Graph-Integration in Genesys Cloud, wartet, bis sie inaktiv ist, und aktiviert sie wieder. Währenddessen holt Genesys Cloud keine Mails ab, etwa { $secs } s lang; Mails, die in dieser Zeit ankommen, warten im Postfach.
ui-gen--restart--confirm_measured = So lange hat der letzte Neustart gedauert.
ui-gen--restart--confirm_typical = Das ist ein üblicher Wert; der erste Neustart von hier aus misst ihn.
ui-gen--restart--confirm_yes = Jetzt neu starten
ui-gen--remove--confirm_title = Die Genesys-Cloud-Einstellungen entfernen?
ui-gen--remove--confirm_text = graphwiz vergisst die Region und den OAuth-Client von Profil { $profile } und löscht dessen geheimen Clientschlüssel aus dem Schlüsselbund dieses Computers. Genesys Cloud selbst bleibt unverändert und holt weiter Mails ab. Die Genesys-Prüfungen und der Neustart entfallen für dieses Profil, und eine Schlüsselrotation bittet Sie dann, den neuen Schlüssel selbst in Genesys Cloud einzufügen.
ui-gen--remove--confirm_text_demo = graphwiz vergisst die Region und den OAuth-Client der Demo-Organisation. Genesys Cloud selbst bleibt unverändert und holt weiter Mails ab. Die Genesys-Prüfungen und der Neustart entfallen, bis Sie die Einstellungen wieder speichern.
ui-gen--remove--confirm_yes = Einstellungen entfernen

ui-gscenario--healthy = Funktionierende Organisation
ui-gscenario--wrong-oauth-secret = Falsches OAuth-Secret
ui-gscenario--integration-error = Integration mit Fehler
ui-gscenario--integration-inactive = Integration inaktiv
ui-gscenario--other-app = Andere Azure-App
ui-gscenario--domain-error = E-Mail-Domäne mit Fehler
ui-gscenario--no-domain = Keine E-Mail-Domäne
ui-gscenario--route-without-queue = Route ohne Warteschlange
ui-gscenario--nobody-on-queue = Niemand in der Warteschlange
ui-gscenario--multi-destination-off = Mehrere Ziele aus
ui-gscenario--missing-permission = Fehlende Berechtigung
ui-gscenario--throttled = Gedrosselt
ui-gscenario--restart-error = Fehler nach Neustart

ui-ts--nav = Etwas stimmt nicht?
ui-ts--title = Etwas stimmt nicht?
ui-ts--lead = Wählen Sie, was Sie sehen. graphwiz geht die Antworten der Genesys-Cloud-FAQ der Reihe nach durch, prüft jede gegen { $profile } und hält bei der ersten echten Ursache an.
ui-ts--lead_demo = Wählen Sie, was Sie sehen. graphwiz geht die Antworten der Genesys-Cloud-FAQ der Reihe nach durch, prüft jede gegen den Demo-Tenant und hält bei der ersten echten Ursache an.
ui-ts--lead_none = Wählen Sie, was Sie sehen. graphwiz geht die Antworten der Genesys-Cloud-FAQ der Reihe nach durch und hält bei der ersten echten Ursache an.
ui-ts--no_target = Zum Prüfen richten Sie zuerst eine Integration ein oder öffnen eine (oder starten die Demo). Die Hilfe unten beantwortet die Fragen, die keine Prüfung brauchen.
ui-ts--symptoms = Was sehen Sie?
ui-ts--allow_mail = Eine echte Testmail erlauben (der Abholtest erzeugt eine echte Interaktion in Genesys Cloud; graphwiz beendet sie wieder)
ui-ts--run = Ursache finden
ui-ts--back = Zurück zum Assistenten
ui-ts--progress = Prüfe: { $step }
ui-ts--cause = Ursache gefunden bei: { $step }
ui-ts--evidence = Die Prüfungen, nach denen entschieden wurde ({ $n })
ui-ts--again = Erneut prüfen
ui-ts--portal = Öffnen, wo es behoben wird
ui-ts--no_cause = Keine Prüfung hat eine Ursache gefunden.
ui-ts--no_cause_detail = Sehen Sie sich die Schritte an, die Sie selbst prüfen müssen, und die nicht ausgeführten Schritte.
ui-ts--faq = Aus der FAQ
ui-ts--outcome--passed = Bestanden
ui-ts--outcome--cause = Ursache
ui-ts--outcome--manual = Selbst prüfen
ui-ts--outcome--not_run = Nicht ausgeführt (sendet eine echte Testmail)
ui-ts--outcome--skipped = Übersprungen
ui-ts--outcome--not_reached = Nicht erreicht
ui-ts--help--title = Hilfe
ui-ts--help--lead = Fragen der FAQ, die keine Prüfung brauchen.
ui-ts--help--search = Fragen durchsuchen…
ui-ts--help--count = { $n } von { $total ->
    [one] { $total } Frage
   *[other] { $total } Fragen
}
ui-ts--help--empty = Keine Frage passt. Versuchen Sie ein anderes Wort.
ui-ts--help--source = Quelle: { $source }

ui-busy--diagnosing = Suche die Ursache…
ui-busy--pickup = Abholtest läuft…

ui-live--mode = Welcher Test
ui-live--mode--live = Live-Test
ui-live--mode--live_desc = graphwiz sendet, empfängt, markiert als gelesen und löscht eine Testmail selbst.
ui-live--mode--pickup = Abholtest (Genesys Cloud holt die Mail ab)
ui-live--mode--pickup_desc = graphwiz sendet eine Testmail und wartet, bis Genesys Cloud sie abholt und die Interaktion anlegt.

ui-pickup--lead = Nachweis, dass Genesys Cloud wirklich Mails aus dem Postfach abholt: graphwiz sendet eine Testmail, lässt sie ungelesen und wartet, bis Genesys Cloud sie abholt (sie als gelesen markiert) und die Interaktion anlegt; dann beendet graphwiz die Interaktion und löscht die Mail.
ui-pickup--no_genesys = Ohne den Schritt Genesys Cloud sieht graphwiz die Abholung im Postfach, kann die Interaktion aber nicht nachschlagen.
ui-pickup--mailbox = Postfach, das Genesys Cloud bedient
ui-pickup--from = Senden von (optional)
ui-pickup--from_same = das Postfach selbst
ui-pickup--from_help = Ein anderes Postfach Ihres Tenants, für Routing, das eigene Mails eines Postfachs übergeht.
ui-pickup--run = Abholtest starten
ui-pickup--confirm--title = Das erzeugt eine echte Interaktion in Genesys Cloud.
ui-pickup--confirm--text = Die Testmail wird wie die Mail eines Kunden geroutet und kann in der Warteschlange eines Agenten landen. graphwiz beendet die Interaktion wieder, sobald es sie gefunden hat.
ui-pickup--confirm--yes = Abholtest starten
ui-pickup--phase--sent = Gesendet
ui-pickup--phase--arrived = Angekommen
ui-pickup--phase--fetched = Von Genesys Cloud abgeholt
ui-pickup--phase--interaction = Interaktion gefunden
ui-pickup--waiting = { $s } s ({ $polls })
ui-pickup--latency = Genesys Cloud hat die Testmail { $ms } ms nach ihrer Ankunft abgeholt ({ $time }).
ui-pickup--failed = Der Abholtest ist nicht bestanden.
ui-pickup--progress--checking = prüfe…
ui-pickup--progress--sending = sende die Testmail…
ui-pickup--progress--waiting = warte auf die Testmail…
ui-pickup--progress--waiting_pickup = warte, bis Genesys Cloud sie abholt…
ui-pickup--progress--finding_interaction = suche die Interaktion…
ui-pickup--progress--ending_interaction = beende die Test-Interaktion…
ui-pickup--progress--cleaning_up = lösche die Testmail…

ui-check--pickup = Von Genesys Cloud abgeholt
ui-check--genesys_interaction = Interaktion in Genesys Cloud

ui-error--pickup_unconfirmed = Bestätigen Sie zuerst den Abholtest.
ui-error--pickup_from_same = „Senden von“ muss ein anderes Postfach sein.
ui-error--unknown_symptom = Dieses Symptom ist nicht bekannt.
ui-error--unknown_step = Dieser Schritt gehört nicht zu diesem Symptom.

ui-check--rotate = Rotation des Geheimnisses

ui-busy--rotating = Der geheime Clientschlüssel wird gewechselt…
ui-busy--rotating_back = Die Rotation wird rückgängig gemacht…

ui-rot--title = Geheimen Clientschlüssel wechseln
ui-rot--lead = graphwiz legt in Azure einen neuen geheimen Clientschlüssel an, prüft ihn, trägt ihn in die Genesys-Cloud-Integration ein und startet sie neu, führt einen Live-Test aus und entfernt erst dann den alten Schlüssel. Ein Administrator meldet sich an (Application.ReadWrite.All).
ui-rot--lead_manual = graphwiz legt in Azure einen neuen geheimen Clientschlüssel an und prüft ihn; Sie fügen ihn in die Genesys-Cloud-Integration ein (graphwiz legt ihn in die Zwischenablage); nach einem Live-Test entfernt graphwiz den alten Schlüssel. Ein Administrator meldet sich an (Application.ReadWrite.All).
ui-rot--months = Gültigkeit des neuen Schlüssels
ui-rot--months_unit = Monate
ui-rot--months_invalid = Geben Sie 1 bis { $max } Monate ein (Microsoft erlaubt höchstens 24).
ui-rot--start = Schlüssel wechseln
ui-rot--resume = Fortsetzen
ui-rot--rollback = Rückgängig machen
ui-rot--confirm_title = Den geheimen Clientschlüssel jetzt wechseln?
ui-rot--confirm_text = graphwiz fügt der App in Azure einen neuen geheimen Clientschlüssel hinzu, gültig für { $months } Monate, trägt ihn in die Genesys-Cloud-Integration ein und startet sie neu: Genesys Cloud holt etwa { $secs } s lang keine Mails ab. Nach einem Live-Test entfernt graphwiz den alten Schlüssel; was ihn sonst noch verwendet, funktioniert dann nicht mehr. Schlägt ein Schritt fehl, bleibt der alte Schlüssel, und Sie können fortsetzen oder rückgängig machen.
ui-rot--confirm_text_manual = graphwiz fügt der App in Azure einen neuen geheimen Clientschlüssel hinzu, gültig für { $months } Monate, und legt ihn in die Zwischenablage; Sie fügen ihn in die Genesys-Cloud-Integration ein und starten sie neu (während des Neustarts holt Genesys Cloud keine Mails ab). Nach einem Live-Test entfernt graphwiz den alten Schlüssel; was ihn sonst noch verwendet, funktioniert dann nicht mehr.
ui-rot--confirm_yes = Jetzt wechseln
ui-rot--rollback_confirm_title = Die Rotation rückgängig machen?
ui-rot--rollback_confirm_restart = graphwiz trägt den alten Schlüssel wieder in die Genesys-Cloud-Integration ein und startet sie neu: Genesys Cloud holt etwa { $secs } s lang keine Mails ab. Danach entfernt es den neuen Schlüssel aus der App in Azure. Der alte Schlüssel bleibt gültig.
ui-rot--rollback_confirm_paste = Sie fügen den alten Schlüssel wieder in die Genesys-Cloud-Integration ein (graphwiz legt ihn in die Zwischenablage) und starten sie neu; während des Neustarts holt Genesys Cloud keine Mails ab. Danach entfernt graphwiz den neuen Schlüssel aus der App in Azure. Der alte Schlüssel bleibt gültig.
ui-rot--rollback_confirm_none = Genesys Cloud verwendet noch den alten Schlüssel und wird nicht angefasst, Mails kommen weiter an. graphwiz entfernt den neuen Schlüssel aus der App in Azure; der alte Schlüssel bleibt gültig.
ui-rot--rollback_confirm_yes = Jetzt rückgängig machen
ui-rot--open = Eine Rotation dieses Schlüssels ist offen (Schritt: { $stage }, begonnen { $date }). Setzen Sie sie fort oder kehren Sie zum alten Schlüssel zurück.
ui-rot--notice = Die Rotation des Schlüssels von Profil { $profile } wurde unterbrochen (Schritt: { $stage }, begonnen { $date }).
ui-rot--notice_open = Öffnen, um fortzusetzen oder rückgängig zu machen
ui-rot--phase--signing_in = Warte auf die Anmeldung des Administrators…
ui-rot--phase--paste = Warte darauf, dass Sie den neuen Schlüssel in Genesys Cloud einfügen…
ui-rot--stage--adding = neuer Schlüssel wird angelegt
ui-rot--stage--added = neuer Schlüssel angelegt
ui-rot--stage--proven = neuer Schlüssel geprüft
ui-rot--stage--genesys_updated = Genesys Cloud aktualisiert
ui-rot--stage--restarted = Integration neu gestartet
ui-rot--stage--verified = Live-Test bestanden
ui-rot--stage--removing = alter Schlüssel wird entfernt
ui-rot--paste_title = Neuen Schlüssel in Genesys Cloud einfügen
ui-rot--paste_text = Der neue geheime Clientschlüssel liegt in der Zwischenablage. Er wird hier nicht angezeigt.
ui-rot--paste_where = Öffnen Sie in Genesys Cloud Admin → Integrationen → Integrationen → die Microsoft-Graph-Integration → Konfiguration → Anmeldeinformationen, fügen Sie ihn als geheimen Clientschlüssel ein und speichern Sie; deaktivieren und aktivieren Sie dann die Integration.
ui-rot--paste_clear = graphwiz leert die Zwischenablage nach 60 Sekunden wieder.
ui-rot--paste_done = Erledigt, eingefügt und die Integration neu gestartet

ui-import--title = { $file } importieren?
ui-import--holds = Was die Datei enthält
ui-import--warning = Vor dem Import
ui-import--keep_endpoints = Test-Endpunkte der Datei behalten (nur für eine Testumgebung; die Prüfungen sprechen dann nicht mit Microsoft)
ui-import--go = Importieren
ui-import--go_leave_demo = Demo schließen und importieren

ui-create--open = Ich habe noch keine App-Registrierung – für mich anlegen
ui-create--lead = graphwiz legt im obigen Mandanten die App-Registrierung an, die Genesys Cloud braucht: Mail.ReadWrite und Mail.Send (Anwendung) und User.Read (Delegiert) mit Administratorzustimmung, dazu einen geheimen Clientschlüssel, der direkt in den Schlüsselbund dieses Computers geht. Es speichert das oben benannte Profil und prüft es. Ein Administrator meldet sich einmal im Browser an.
ui-create--lead_demo = In der Demo legt graphwiz eine echte App-Registrierung im Demo-Mandanten an (Mail.ReadWrite und Mail.Send als Anwendung, User.Read als Delegiert, Administratorzustimmung, ein geheimer Clientschlüssel im Arbeitsspeicher); die Demo arbeitet danach mit der neuen App weiter. Der eingebaute Administrator meldet sich an; es öffnet sich kein Browser.
ui-create--roles = Der Administrator braucht Cloudanwendungsadministrator oder Anwendungsadministrator, um die App anzulegen, und Administrator für privilegierte Rollen oder globalen Administrator für die Administratorzustimmung zu Anwendungsberechtigungen.
ui-create--mailbox = Ein Postfach, das die Integration bedient
ui-create--mailbox_help = Die Prüfung nach der Einrichtung liest dieses Postfach; weitere fügen Sie im Schritt Postfächer hinzu.
ui-create--app_name = Name der App-Registrierung
ui-create--start = App-Registrierung anlegen
ui-create--confirm_title = Die App-Registrierung in Azure anlegen?
ui-create--confirm_text = graphwiz legt die App-Registrierung „{ $app }“ im Mandanten { $tenant } an, erteilt die Administratorzustimmung zu ihren drei Berechtigungen und fügt einen geheimen Clientschlüssel hinzu, gültig für { $months } Monate (eine Richtlinie des Mandanten kann das verkürzen). Nichts Bestehendes wird geändert. Hält etwas an, können Sie fortsetzen oder zurücknehmen.
ui-create--confirm_text_demo = graphwiz legt die App-Registrierung „{ $app }“ im Demo-Mandanten an, erteilt die Administratorzustimmung und fügt einen geheimen Clientschlüssel hinzu, gültig für { $months } Monate. Die Demo verwendet danach die neue App.
ui-create--confirm_yes = Anlegen
ui-create--open_setup = Das Anlegen von „{ $app }“ wurde unterbrochen (Schritt: { $stage }, begonnen { $date }). Setzen Sie es fort, oder nehmen Sie es zurück: graphwiz löscht dann, was es angelegt hat.
ui-create--stage--planned = geplant, noch nichts angelegt
ui-create--stage--app_created = App-Registrierung angelegt
ui-create--stage--adding_secret = geheimer Clientschlüssel wird hinzugefügt
ui-create--stage--secret_added = geheimer Clientschlüssel hinzugefügt
ui-create--stage--principal_created = Unternehmensanwendung angelegt
ui-create--stage--consented = Administratorzustimmung erteilt
ui-create--stage--replicated = von Entra ID angenommen
ui-create--stage--saved = Profil gespeichert
ui-busy--creating_app = Die App-Registrierung wird angelegt (der Administrator meldet sich in Ihrem Browser an; bis zu 5 Minuten)…
ui-busy--creating_app_demo = Die App-Registrierung wird im Demo-Mandanten angelegt…
ui-busy--creating_app_back = Was die Einrichtung angelegt hat, wird gelöscht…
ui-busy--fix_signin = Warten auf die Anmeldung des Administrators in Ihrem Browser (bis zu 5 Minuten), dann wird die App-Registrierung gelesen…
ui-busy--fix_signin_demo = Der Demo-Administrator meldet sich an, und graphwiz liest die App-Registrierung…
ui-busy--fixing = Die App-Registrierung wird behoben…
ui-perm--fix = Beheben
ui-perm--fix_help = „Beheben“ meldet einen Administrator an (Anwendungsadministrator oder Cloudanwendungsadministrator; die Zustimmung braucht Administrator für privilegierte Rollen oder globalen Administrator), zeigt genau, was es an der App-Registrierung ändern würde, und ändert es erst nach Ihrer Bestätigung. Danach prüft es erneut.
ui-perm--fix_help_demo = In der Demo meldet sich der eingebaute Administrator sofort an; graphwiz zeigt, was es ändern würde, und ändert es erst nach Ihrer Bestätigung.
ui-fix--title = graphwiz ändert die App-Registrierung so:
ui-fix--impact = Sonst wird nichts geändert. Deaktivieren und aktivieren Sie danach die Microsoft-Graph-Integration in Genesys Cloud, damit sie die Änderung übernimmt.
ui-fix--apply = Änderungen ausführen
ui-fix--nothing = Die App-Registrierung fordert die drei Berechtigungen mit dem richtigen Typ an, und die Administratorzustimmung ist erteilt: Es gibt nichts zu beheben.
ui-fix--done = Die App-Registrierung ist behoben, und ihre Prüfung ist erfolgreich. Deaktivieren und aktivieren Sie die Microsoft-Graph-Integration in Genesys Cloud, damit sie die Änderung übernimmt.
ui-fix--still_failing = Die Änderungen wurden ausgeführt, aber einige Prüfungen schlagen weiterhin fehl: Jede Karte sagt, was zu tun ist.
ui-error--fix = Die Behebung konnte nicht ausgeführt werden
