# graphwiz — deutsche Texte zur Einrichtung der App-Registrierung in Azure. Gleiche IDs wie
# en-setup.ftl. Jeder Fehler sagt, was jetzt existiert, und den einen nächsten Schritt.

setup-progress-policy = Die App-Verwaltungsrichtlinie des Mandanten wird gelesen…
setup-progress-permissions = Mail.ReadWrite, Mail.Send und User.Read werden in Microsoft Graph gesucht…
setup-progress-app = Die App-Registrierung wird angelegt…
setup-progress-principal = Die zugehörige Unternehmensanwendung (Dienstprinzipal) wird angelegt…
setup-progress-consent = Die Administratorzustimmung wird erteilt…
setup-progress-secret = Der geheime Clientschlüssel wird hinzugefügt (direkt in den Schlüsselbund)…
setup-progress-replication = Warten, bis Entra ID die neue App und den Schlüssel annimmt ({ $secs } s)…
setup-progress-saving = Das Profil wird gespeichert…
setup-progress-checking = Die neue Integration wird geprüft…
setup-progress-rollback = Was die Einrichtung angelegt hat, wird gelöscht…

setup-step-name = { $step ->
    [permissions] der Suche nach den Berechtigungen in Microsoft Graph
    [app] dem Anlegen der App-Registrierung
    [principal] dem Anlegen der Unternehmensanwendung
    [roles] der Administratorzustimmung zu Mail.ReadWrite und Mail.Send
    [grant] der Administratorzustimmung zu User.Read
    [secret] dem Hinzufügen des geheimen Clientschlüssels
    [token] dem Abruf eines Tokens für die neue App
    [check] der Prüfung der neuen Integration
   *[rollback] dem Löschen der App-Registrierung
}

setup-done = Profil { $profile } ist eingerichtet: Die App-Registrierung „{ $app_name }“ (Anwendungs-ID (Client) { $app_id }) hat Mail.ReadWrite und Mail.Send (Anwendung) und User.Read (Delegiert) mit Administratorzustimmung, ihr geheimer Clientschlüssel (gültig bis { $end }) liegt im Schlüsselbund, und die Prüfung war erfolgreich.{ $capped ->
    [yes] { " " }Die Richtlinie „{ $policy }“ des Mandanten erlaubt Schlüssel für höchstens { $max_days } Tage; der Schlüssel endet daher früher als gewünscht.
   *[no] {""}
}
    .fix = Als Nächstes: Mandanten-ID, Anwendungs-ID (Client) und Schlüssel in die Genesys-Cloud-Integration eintragen (graphwiz setup genesys erledigt das), dann einen Live-Test ausführen.
setup-check-failed = Profil { $profile } ist eingerichtet (App-Registrierung „{ $app_name }“, Anwendungs-ID (Client) { $app_id }, Schlüssel gültig bis { $end }), aber die Prüfung schlug fehl: { $failed }.{ $capped ->
    [yes] { " " }Die Richtlinie „{ $policy }“ des Mandanten begrenzt Schlüssel auf { $max_days } Tage.
   *[no] {""}
}
    .fix = graphwiz check --profile "{ $profile }" zeigt jeden Fehler mit seiner Behebung; graphwiz fix kann Berechtigungs- und Zustimmungsprobleme beheben.
setup-rolled-back = Die Einrichtung von Profil { $profile } wurde zurückgenommen: { $deleted ->
    [true] Die App-Registrierung „{ $app_name }“ wurde mit Unternehmensanwendung, Zustimmung und Schlüssel gelöscht, und
   *[false] Es war noch keine App-Registrierung angelegt;
} das Profil und sein Schlüsselbundeintrag sind entfernt.
setup-role-missing = Das angemeldete Konto { $needs ->
    [create] darf Berechtigungen zustimmen, aber keine App-Registrierungen anlegen
    [consent] darf App-Registrierungen anlegen, aber keine Administratorzustimmung zu Anwendungsberechtigungen erteilen
   *[both] darf weder App-Registrierungen anlegen noch die Administratorzustimmung erteilen
}. Es wurde nichts angelegt.
    .fix = Das Anlegen der App braucht Cloudanwendungsadministrator oder Anwendungsadministrator (oder globalen Administrator); die Administratorzustimmung zu Mail.ReadWrite und Mail.Send braucht Administrator für privilegierte Rollen oder globalen Administrator. Melden Sie sich mit einem Konto an, das beides hat, oder lassen Sie einen globalen Administrator die Einrichtung ausführen.
setup-already-open = Eine Einrichtung von Profil { $profile } ist bereits offen.
    .fix = Setzen Sie sie mit graphwiz setup azure --profile "{ $profile }" --resume fort oder nehmen Sie sie mit --roll-back zurück (beides mit --admin-sign-in).
setup-nothing-open = Für Profil { $profile } ist keine Einrichtung offen.
    .fix = Starten Sie eine mit: graphwiz setup azure --profile "{ $profile }" --tenant MANDANT --mailbox ADRESSE --admin-sign-in browser|device-code.
setup-profile-exists = Ein Profil namens { $profile } gibt es bereits; die Einrichtung legt ein neues an und ändert nie ein bestehendes Profil.
    .fix = Wählen Sie mit --profile einen anderen Namen oder entfernen Sie zuerst das alte Profil (graphwiz profile remove "{ $profile }").
setup-store-failed = Die Profildatei konnte nicht gelesen oder geschrieben werden ({ $detail }).
    .fix = Beheben Sie das Problem mit dem Datenordner (siehe Meldung) und führen Sie denselben Befehl mit --resume aus.
setup-journal-failed = graphwiz konnte sein Einrichtungsprotokoll nicht schreiben ({ $detail }) und hat vor der nächsten Änderung in Azure angehalten.
    .fix = Beheben Sie das Problem mit dem Datenordner (siehe Meldung) und führen Sie denselben Befehl mit --resume aus.
setup-passwords-blocked = Die Richtlinie „{ $policy }“ des Mandanten sperrt neue geheime Clientschlüssel, und die Genesys-Cloud-Integration meldet sich mit einem an. Es wurde nichts angelegt.
    .fix = Bitten Sie einen globalen Administrator, diese App von der Richtlinie auszunehmen oder geheime Clientschlüssel zu erlauben (Microsoft Entra Admin Center → Anwendungen → App-Verwaltungsrichtlinien; oder die Einstellung im Microsoft 365 Admin Center, die neue Kennwortanmeldeinformationen sperrt), und starten Sie die Einrichtung erneut.
setup-lifetime-refused = Entra ID hat die Gültigkeitsdauer des geheimen Clientschlüssels abgelehnt ({ $detail }).
    .fix = Führen Sie denselben Befehl mit --resume und einem kürzeren --months aus; die App-Verwaltungsrichtlinie des Mandanten nennt die längste erlaubte Dauer.
setup-refused = Entra ID hat die Einrichtung bei { setup-step-name } abgelehnt ({ $detail }): Dem angemeldeten Konto fehlt eine Rolle dafür.
    .fix = Das Anlegen der App braucht Cloudanwendungsadministrator oder Anwendungsadministrator; die Administratorzustimmung zu Anwendungsberechtigungen braucht Administrator für privilegierte Rollen oder globalen Administrator. Melden Sie sich mit einem solchen Konto an und führen Sie denselben Befehl mit --resume aus, oder nehmen Sie die Einrichtung mit --roll-back zurück.
setup-step-failed = Die Einrichtung hielt bei { setup-step-name } an: { $detail }.
    .fix = Führen Sie denselben Befehl mit --resume aus, um dort fortzusetzen, oder mit --roll-back, um zu löschen, was angelegt wurde.
setup-keychain-failed = Der neue geheime Clientschlüssel konnte nicht im Schlüsselbund des Betriebssystems abgelegt werden ({ $detail }); er wurde in Azure wieder entfernt, da niemand sonst seinen Wert kennt.
    .fix = Entsperren oder starten Sie den Schlüsselbund (siehe Meldung) und führen Sie denselben Befehl mit --resume aus.
setup-replication-timeout = Entra ID hat die neue App und ihren Schlüssel nicht innerhalb von { $secs } s angenommen (letzte Antwort: { $detail }). Neue Apps sind meist innerhalb weniger Minuten nutzbar.
    .fix = Führen Sie denselben Befehl in einigen Minuten mit --resume aus; App und Schlüssel bleiben erhalten.

fix-plan = graphwiz ändert die App-Registrierung von Profil { $profile } so:
fix-nothing = Die App-Registrierung fordert die drei Berechtigungen mit dem richtigen Typ an, und die Administratorzustimmung ist erteilt: Es gibt nichts zu beheben.
fix-repair-add = { $perm } ({ $kind ->
    [application] Anwendung
   *[delegated] Delegiert
}) zu den API-Berechtigungen hinzufügen
fix-repair-replace = in den API-Berechtigungen { $wrong } ({ $wrong_kind ->
    [application] Anwendung
   *[delegated] Delegiert
}) entfernen und { $perm } ({ $kind ->
    [application] Anwendung
   *[delegated] Delegiert
}) hinzufügen
fix-repair-consent-role = die Administratorzustimmung für { $perm } ({ $kind ->
    [application] Anwendung
   *[delegated] Delegiert
}) erteilen
fix-repair-revoke = die Administratorzustimmung für { $perm } ({ $kind ->
    [application] Anwendung
   *[delegated] Delegiert
}) widerrufen, die Genesys Cloud nicht braucht
fix-repair-grant = die Administratorzustimmung für User.Read (Delegiert) für alle Benutzer erteilen
fix-repair-rotate = der geheime Clientschlüssel läuft bald ab oder ist abgelaufen: Erneuern Sie ihn mit graphwiz rotate --profile "{ $profile }" --admin-sign-in browser (nicht Teil dieser Behebung)
fix-confirm = Diese Änderungen in Azure ausführen? [j/N]
fix-not-confirmed = Es wurde nichts geändert. Führen Sie graphwiz fix --profile "{ $profile }" --admin-sign-in … --yes aus, um den Plan anzuwenden.
fix-failed = Die Behebung hielt bei „{ $repair }“ an: { $detail }. Was davor lief, bleibt erhalten; jede Behebung kann erneut laufen.
    .fix = Führen Sie graphwiz fix --profile "{ $profile }" --admin-sign-in … --yes erneut aus, um sie abzuschließen.
fix-read-failed = Die App-Registrierung konnte mit der Anmeldung des Administrators nicht gelesen werden ({ $detail }). Es wurde nichts geändert. Prüfen Sie die Anwendungs-ID (Client) des Profils, melden Sie sich mit einem Konto an, das App-Registrierungen verwalten darf (Anwendungsadministrator oder Cloudanwendungsadministrator; die Administratorzustimmung braucht Administrator für privilegierte Rollen oder globalen Administrator), und führen Sie graphwiz fix erneut aus.
fix-checking = Erneute Prüfung…
fix-done = Die App-Registrierung von Profil { $profile } ist behoben, und ihre Prüfung ist erfolgreich. Deaktivieren und aktivieren Sie die Microsoft-Graph-Integration in Genesys Cloud, damit sie die Änderung übernimmt.
fix-still-failing = Die Prüfung von Profil { $profile } schlägt weiterhin fehl: { $failed }. graphwiz check --profile "{ $profile }" zeigt jeden Fehler mit seiner Behebung.

# Die Formulierung der App für dieselben Ergebnisse: Sie nennt die Schaltflächen der App, keine Befehlszeilen.
setup-done-app = Profil „{ $profile }“ ist eingerichtet: Die App-Registrierung „{ $app_name }“ (Anwendungs-ID (Client) { $app_id }) hat Mail.ReadWrite und Mail.Send (Anwendung) und User.Read (Delegiert) mit Administratorzustimmung, ihr geheimer Clientschlüssel (gültig bis { $end }) liegt im Schlüsselbund, und die Prüfung war erfolgreich.{ $capped ->
    [yes] { " " }Die Richtlinie „{ $policy }“ des Mandanten erlaubt Schlüssel für höchstens { $max_days } Tage; der Schlüssel endet daher früher als gewünscht.
   *[no] {""}
}
    .fix = Als Nächstes: Postfächer hinzufügen, den Live-Test ausführen, dann Mandanten-ID, Anwendungs-ID (Client) und Schlüssel in die Genesys-Cloud-Integration eintragen (Schritt Genesys Cloud).
setup-check-failed-app = Profil „{ $profile }“ ist eingerichtet (App-Registrierung „{ $app_name }“, Anwendungs-ID (Client) { $app_id }, Schlüssel gültig bis { $end }), aber die Prüfung schlug fehl: { $failed }.{ $capped ->
    [yes] { " " }Die Richtlinie „{ $policy }“ des Mandanten begrenzt Schlüssel auf { $max_days } Tage.
   *[no] {""}
}
    .fix = Der Schritt Berechtigungen zeigt jeden Fehler mit seiner Behebung; „Beheben“ dort behebt Berechtigungs- und Zustimmungsprobleme.
setup-already-open-app = Eine Einrichtung von Profil „{ $profile }“ ist bereits offen.
    .fix = Setzen Sie sie unten mit „Fortsetzen“ fort oder nehmen Sie sie mit „Zurücknehmen“ zurück.
setup-nothing-open-app = Es ist keine Einrichtung von Profil „{ $profile }“ offen.
    .fix = Starten Sie eine mit „App-Registrierung anlegen“.
setup-profile-exists-app = Es gibt bereits ein Profil namens „{ $profile }“; das Anlegen einer App erzeugt ein neues Profil und ändert nie ein bestehendes.
    .fix = Geben Sie einen anderen Profilnamen ein oder entfernen Sie zuerst das alte Profil (Profile → Entfernen).
setup-store-failed-app = Die Profildatei konnte nicht gelesen oder geschrieben werden ({ $detail }).
    .fix = Beheben Sie das Problem mit dem Datenordner (siehe Meldung) und klicken Sie dann auf „Fortsetzen“.
setup-journal-failed-app = graphwiz konnte sein Einrichtungsprotokoll nicht schreiben ({ $detail }) und hat vor der nächsten Änderung in Azure angehalten.
    .fix = Beheben Sie das Problem mit dem Datenordner (siehe Meldung) und klicken Sie dann auf „Fortsetzen“.
setup-lifetime-refused-app = Entra ID hat die Laufzeit des geheimen Clientschlüssels abgelehnt ({ $detail }).
    .fix = Wählen Sie weniger Monate und klicken Sie auf „Fortsetzen“; die App-Verwaltungsrichtlinie des Mandanten nennt die längste erlaubte Laufzeit.
setup-refused-app = Entra ID hat die Einrichtung bei { setup-step-name } abgelehnt ({ $detail }): Dem angemeldeten Konto fehlt eine Rolle dafür.
    .fix = Das Anlegen der App braucht Cloudanwendungsadministrator oder Anwendungsadministrator; die Administratorzustimmung zu Anwendungsberechtigungen braucht Administrator für privilegierte Rollen oder globalen Administrator. Klicken Sie auf „Fortsetzen“ und melden Sie sich mit einem solchen Konto an, oder auf „Zurücknehmen“, um das Angelegte zu löschen.
setup-step-failed-app = Die Einrichtung hielt bei { setup-step-name } an: { $detail }.
    .fix = Klicken Sie auf „Fortsetzen“, um dort weiterzumachen, oder auf „Zurücknehmen“, um das Angelegte zu löschen.
setup-keychain-failed-app = Der neue geheime Clientschlüssel konnte nicht im Schlüsselbund des Betriebssystems abgelegt werden ({ $detail }); er wurde in Azure wieder entfernt, da niemand sonst seinen Wert kennt.
    .fix = Entsperren oder starten Sie den Schlüsselbund (siehe Meldung) und klicken Sie dann auf „Fortsetzen“.
setup-replication-timeout-app = Entra ID hat die neue App und ihren Schlüssel nicht innerhalb von { $secs } s angenommen (letzte Antwort: { $detail }). Neue Apps sind meist innerhalb weniger Minuten nutzbar.
    .fix = Klicken Sie in einigen Minuten auf „Fortsetzen“; App und Schlüssel bleiben erhalten.
fix-read-failed-app = Die App-Registrierung konnte mit der Anmeldung des Administrators nicht gelesen werden ({ $detail }). Es wurde nichts geändert. Prüfen Sie die Anwendungs-ID (Client) im Schritt Azure-App, klicken Sie dann erneut auf „Beheben“ und melden Sie sich mit einem Konto an, das App-Registrierungen verwalten darf (Anwendungsadministrator oder Cloudanwendungsadministrator; die Administratorzustimmung braucht Administrator für privilegierte Rollen oder globalen Administrator).
fix-failed-app = Die Behebung hielt bei „{ $repair }“ an: { $detail }. Was davor lief, bleibt erhalten; jede Behebung kann erneut laufen.
    .fix = Klicken Sie erneut auf „Beheben“, um sie abzuschließen.
fix-repair-rotate-app = Der geheime Clientschlüssel läuft bald ab oder ist abgelaufen: Erneuern Sie ihn im Schritt Ablauf des Schlüssels (nicht Teil dieser Behebung).
