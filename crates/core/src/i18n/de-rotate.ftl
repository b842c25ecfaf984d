# graphwiz — deutsche Texte der Secret-Rotation. Dieselben IDs wie en-rotate.ftl.

rotate-progress-reading = Die geheimen Clientschlüssel der App werden gelesen …
rotate-progress-adding = Neuer geheimer Clientschlüssel wird in Azure angelegt …
rotate-progress-proving = Warten, bis Entra ID das neue Secret annimmt ({ $secs } s) …
rotate-progress-permissions = Berechtigungen werden mit dem neuen Secret geprüft …
rotate-progress-genesys = Das neue Secret wird in die Genesys-Cloud-Integration eingetragen …
rotate-progress-manual = Warten, bis Sie das neue Secret in Genesys Cloud eingetragen haben …
rotate-progress-live = Live-Test mit dem neuen Secret …
rotate-progress-removing = Das alte Secret wird in Azure entfernt …
rotate-progress-rollback = Die Rotation wird zurückgenommen …

rotate-done = Der geheime Clientschlüssel des Profils { $profile } wurde gewechselt: Das neue Secret ({ $hint }…, gültig bis { $end }) funktioniert in Azure{ $genesys ->
    [checked] { " " }und in Genesys Cloud (graphwiz hat es dort eingetragen, und die Integration ist damit aktiv geworden)
   *[pasted] ; dass Genesys Cloud es verwendet, ist nicht belegt (es wurde von Hand eingefügt): Führen Sie den Abholtest aus, um es zu belegen
}{ $live ->
    [yes] , ein Live-Test damit war erfolgreich
   *[no] ; es lief kein Live-Test (das Profil nennt kein Postfach)
}, und das alte wurde entfernt. Die Erinnerungen folgen jetzt dem neuen Datum.
rotate-done-old-left = Der geheime Clientschlüssel des Profils { $profile } wurde gewechselt: Das neue Secret ({ $hint }…, gültig bis { $end }) funktioniert in Azure{ $genesys ->
    [checked] { " " }und in Genesys Cloud (graphwiz hat es dort eingetragen, und die Integration ist damit aktiv geworden)
   *[pasted] ; dass Genesys Cloud es verwendet, ist nicht belegt (es wurde von Hand eingefügt): Führen Sie den Abholtest aus, um es zu belegen
}{ $live ->
    [yes] , ein Live-Test damit war erfolgreich
   *[no] ; es lief kein Live-Test (das Profil nennt kein Postfach)
}. Welches der anderen Secrets der App das alte war, konnte graphwiz nicht erkennen, daher hat es sie stehen lassen.
    .fix = Öffnen Sie im Azure-Portal App-Registrierungen → Ihre App → Zertifikate & Geheimnisse und löschen Sie die nicht mehr genutzten Secrets (nicht „{ $hint }…“).
rotate-no-profile = Es gibt kein Profil { $profile }.
    .fix = graphwiz profile list zeigt die Profile.
rotate-no-profile-app = Es gibt kein Profil { $profile }.
    .fix = „Gespeicherte Profile“ zeigt die Profile.
rotate-store-failed = Die Profildatei konnte nicht gelesen oder geschrieben werden ({ $detail }).
    .fix = Beheben Sie das Problem mit dem Datenordner (siehe Meldung) und führen Sie dann aus: graphwiz rotate --profile "{ $profile }" --resume.
rotate-store-failed-app = Die Profildatei konnte nicht gelesen oder geschrieben werden ({ $detail }).
    .fix = Beheben Sie das Problem mit dem Datenordner (siehe Meldung) und klicken Sie dann im Schritt „Ablauf des Clientschlüssels“ auf „Fortsetzen“.
rotate-open = Für das Profil { $profile } ist schon eine Rotation offen (Schritt { $stage }).
    .fix = Setzen Sie sie fort mit graphwiz rotate --profile "{ $profile }" --resume, oder nehmen Sie sie mit --roll-back zurück.
rotate-open-app = Für das Profil { $profile } ist schon eine Rotation offen (Schritt { $stage }).
    .fix = Setzen Sie sie im Schritt „Ablauf des Clientschlüssels“ mit „Fortsetzen“ fort oder nehmen Sie sie mit „Rückgängig machen“ zurück.
rotate-nothing-open = Für das Profil { $profile } ist keine Rotation offen.
    .fix = Starten Sie eine mit: graphwiz rotate --profile "{ $profile }" --admin-sign-in browser|device-code.
rotate-nothing-open-app = Für das Profil { $profile } ist keine Rotation offen.
    .fix = Starten Sie eine mit „Schlüssel wechseln“ im Schritt „Ablauf des Clientschlüssels“.
rotate-bad-months = Ein neues Secret kann 1 bis 24 Monate gültig sein, nicht { $months }.
    .fix = Geben Sie --months zwischen 1 und 24 an (Microsoft erlaubt höchstens 24 und empfiehlt weniger als 12).
rotate-bad-months-app = Ein neues Secret kann 1 bis 24 Monate gültig sein, nicht { $months }.
    .fix = Geben Sie 1 bis 24 Monate ein (Microsoft erlaubt höchstens 24 und empfiehlt weniger als 12).
rotate-no-admin = Dieser Schritt braucht die Anmeldung eines Administrators (die eigenen Anmeldedaten der App bekommen nie Schreibrechte auf sich selbst). Erreichter Schritt: { $stage }.
    .fix = Führen Sie ihn erneut mit --admin-sign-in browser oder device-code aus: graphwiz rotate --profile "{ $profile }" --resume --admin-sign-in device-code.
rotate-no-admin-app = Dieser Schritt braucht die Anmeldung eines Administrators (die eigenen Anmeldedaten der App bekommen nie Schreibrechte auf sich selbst). Erreichter Schritt: { $stage }.
    .fix = Klicken Sie im Schritt „Ablauf des Clientschlüssels“ auf „Fortsetzen“ und melden Sie sich im geöffneten Browserfenster als Administrator an.
rotate-read-failed = Die Secrets der App konnten nicht gelesen werden ({ $detail }). Es wurde nichts geändert.
    .fix = Prüfen Sie das Netzwerk und die Endpunkte des Profils und beginnen Sie erneut: graphwiz rotate --profile "{ $profile }" …
rotate-read-failed-app = Die Secrets der App konnten nicht gelesen werden ({ $detail }). Es wurde nichts geändert.
    .fix = Prüfen Sie das Netzwerk und versuchen Sie es im Schritt „Ablauf des Clientschlüssels“ erneut („Fortsetzen“, oder „Schlüssel wechseln“, wenn keine Rotation offen ist).
rotate-denied = Azure hat die Anfrage des Administrators abgelehnt ({ $detail }). Azure: unverändert (das alte Secret ist in Gebrauch); Genesys Cloud: unverändert.
    .fix = Melden Sie sich als Besitzer der App-Registrierung, als Anwendungsadministrator oder als Cloudanwendungsadministrator an und stimmen Sie Application.ReadWrite.All für die Anmeldung von graphwiz zu; dann: graphwiz rotate --profile "{ $profile }" --resume --admin-sign-in …
rotate-denied-app = Azure hat die Anfrage des Administrators abgelehnt ({ $detail }). Azure: unverändert (das alte Secret ist in Gebrauch); Genesys Cloud: unverändert.
    .fix = Melden Sie sich als Besitzer der App-Registrierung, als Anwendungsadministrator oder als Cloudanwendungsadministrator an und stimmen Sie Application.ReadWrite.All für die Anmeldung von graphwiz zu; versuchen Sie es dann im Schritt „Ablauf des Clientschlüssels“ erneut („Fortsetzen“, oder „Schlüssel wechseln“, wenn keine Rotation offen ist).
rotate-keychain-failed = Der Schlüsselbund des Betriebssystems konnte das neue Secret nicht aufnehmen ({ $detail }). Azure: Das neue Secret wurde wieder entfernt (das alte ist in Gebrauch); Genesys Cloud: unverändert.
    .fix = Entsperren oder reparieren Sie den Schlüsselbund und führen Sie dann aus: graphwiz rotate --profile "{ $profile }" --resume --admin-sign-in …
rotate-keychain-failed-app = Der Schlüsselbund des Betriebssystems konnte das neue Secret nicht aufnehmen ({ $detail }). Azure: Das neue Secret wurde wieder entfernt (das alte ist in Gebrauch); Genesys Cloud: unverändert.
    .fix = Entsperren oder reparieren Sie den Schlüsselbund des Betriebssystems und versuchen Sie es dann im Schritt „Ablauf des Clientschlüssels“ erneut („Fortsetzen“, oder „Schlüssel wechseln“, wenn keine Rotation offen ist).
rotate-journal-failed = graphwiz konnte sein Rotationsprotokoll nicht schreiben ({ $detail }); es hat angehalten, damit kein Schritt ungespeichert bleibt.
    .fix = Machen Sie den Datenordner von graphwiz beschreibbar und führen Sie dann aus: graphwiz rotate --profile "{ $profile }" --resume.
rotate-journal-failed-app = graphwiz konnte sein Rotationsprotokoll nicht schreiben ({ $detail }); es hat angehalten, damit kein Schritt ungespeichert bleibt.
    .fix = Machen Sie den Datenordner von graphwiz beschreibbar und klicken Sie dann im Schritt „Ablauf des Clientschlüssels“ auf „Fortsetzen“.
rotate-add-failed = Das neue Secret konnte in Azure nicht angelegt werden ({ $detail }). Azure: Das alte Secret ist in Gebrauch; Genesys Cloud: unverändert.
    .fix = Versuchen Sie es erneut: graphwiz rotate --profile "{ $profile }" --resume --admin-sign-in … (ein halb angelegtes Secret wird zuerst aufgeräumt), oder --roll-back.
rotate-add-failed-app = Das neue Secret konnte in Azure nicht angelegt werden ({ $detail }). Azure: Das alte Secret ist in Gebrauch; Genesys Cloud: unverändert.
    .fix = Versuchen Sie es im Schritt „Ablauf des Clientschlüssels“ mit „Fortsetzen“ erneut (ein halb angelegtes Secret wird zuerst entfernt), oder nehmen Sie es mit „Rückgängig machen“ zurück.
rotate-not-accepted = Entra ID lehnt das neue Secret nach der Wartezeit für die Replikation noch ab ({ $detail }). Azure: Altes und neues Secret existieren, das alte ist in Gebrauch; Genesys Cloud: unverändert (altes Secret).
    .fix = Warten Sie einige Minuten und setzen Sie fort: graphwiz rotate --profile "{ $profile }" --resume, oder nehmen Sie sie zurück: --roll-back --admin-sign-in ….
rotate-not-accepted-app = Entra ID lehnt das neue Secret nach der Wartezeit für die Replikation noch ab ({ $detail }). Azure: Altes und neues Secret existieren, das alte ist in Gebrauch; Genesys Cloud: unverändert (altes Secret).
    .fix = Warten Sie einige Minuten und setzen Sie im Schritt „Ablauf des Clientschlüssels“ mit „Fortsetzen“ fort, oder nehmen Sie es mit „Rückgängig machen“ zurück.
rotate-token-failed = Entra ID hat für das neue Secret kein Token ausgestellt ({ $detail }). Azure: Altes und neues Secret existieren, das alte ist in Gebrauch; Genesys Cloud: unverändert.
    .fix = Setzen Sie später fort mit graphwiz rotate --profile "{ $profile }" --resume, oder nehmen Sie sie zurück: --roll-back --admin-sign-in ….
rotate-token-failed-app = Entra ID hat für das neue Secret kein Token ausgestellt ({ $detail }). Azure: Altes und neues Secret existieren, das alte ist in Gebrauch; Genesys Cloud: unverändert.
    .fix = Setzen Sie später im Schritt „Ablauf des Clientschlüssels“ mit „Fortsetzen“ fort, oder nehmen Sie es mit „Rückgängig machen“ zurück.
rotate-permissions-failed = Mit dem neuen Secret schlägt eine Berechtigungsprüfung fehl ({ $detail }). Azure: Altes und neues Secret existieren, das alte ist in Gebrauch; Genesys Cloud: unverändert.
    .fix = Beheben Sie die Berechtigung (graphwiz check --profile "{ $profile }" zeigt, wie) und dann: graphwiz rotate --profile "{ $profile }" --resume, oder --roll-back.
rotate-permissions-failed-app = Mit dem neuen Secret schlägt eine Berechtigungsprüfung fehl ({ $detail }). Azure: Altes und neues Secret existieren, das alte ist in Gebrauch; Genesys Cloud: unverändert.
    .fix = Beheben Sie die Berechtigung (der Schritt „Berechtigungen & Zustimmung“ zeigt, wie), dann klicken Sie im Schritt „Ablauf des Clientschlüssels“ auf „Fortsetzen“ oder „Rückgängig machen“.
rotate-genesys-failed = Das neue Secret konnte nicht in die Genesys-Cloud-Integration eingetragen werden ({ $detail }). Azure: Altes und neues Secret sind gültig; Genesys Cloud: weiterhin das alte Secret, das weiter funktioniert.
    .fix = Beheben Sie die genannte Ursache (z. B. integrations:integration:edit zur Rolle des OAuth-Clients hinzufügen) und dann: graphwiz rotate --profile "{ $profile }" --resume, oder --roll-back.
rotate-genesys-failed-app = Das neue Secret konnte nicht in die Genesys-Cloud-Integration eingetragen werden ({ $detail }). Azure: Altes und neues Secret sind gültig; Genesys Cloud: weiterhin das alte Secret, das weiter funktioniert.
    .fix = Beheben Sie die genannte Ursache (z. B. integrations:integration:edit zur Rolle des OAuth-Clients hinzufügen), dann klicken Sie im Schritt „Ablauf des Clientschlüssels“ auf „Fortsetzen“ oder „Rückgängig machen“.
rotate-manual-pending = Das Profil hat keinen Genesys-Cloud-Teil, daher tragen Sie das neue Secret dort selbst ein; graphwiz wartet auf Ihre Bestätigung. Azure: Altes und neues Secret sind gültig.
    .fix = Öffnen Sie in Genesys Cloud Admin → Integrationen → Integrationen → die Microsoft-Graph-Integration → Konfiguration → Anmeldedaten, tragen Sie den Wert des neuen Secrets ein, speichern Sie und deaktivieren und aktivieren Sie die Integration; dann: graphwiz rotate --profile "{ $profile }" --resume (der Wert wird noch einmal angezeigt).
rotate-manual-pending-app = Das Profil hat keinen Genesys-Cloud-Teil, daher tragen Sie das neue Secret dort selbst ein; graphwiz wartet auf Ihre Bestätigung. Azure: Altes und neues Secret sind gültig.
    .fix = Öffnen Sie in Genesys Cloud Admin → Integrationen → Integrationen → die Microsoft-Graph-Integration → Konfiguration → Anmeldedaten, tragen Sie den Wert des neuen Secrets ein, speichern Sie und deaktivieren und aktivieren Sie die Integration; klicken Sie dann im Schritt „Ablauf des Clientschlüssels“ auf „Fortsetzen“ (graphwiz legt den Wert noch einmal in die Zwischenablage).
rotate-restart-failed = Genesys Cloud hat das neue Secret, die Integration ist nach dem Neustart aber nicht aktiv ({ $detail }). Azure: Altes und neues Secret sind gültig.
    .fix = Setzen Sie fort mit graphwiz rotate --profile "{ $profile }" --resume (startet erneut neu), oder --roll-back --admin-sign-in …, um das alte Secret zurückzuspielen.
rotate-restart-failed-app = Genesys Cloud hat das neue Secret, die Integration ist nach dem Neustart aber nicht aktiv ({ $detail }). Azure: Altes und neues Secret sind gültig.
    .fix = Setzen Sie im Schritt „Ablauf des Clientschlüssels“ mit „Fortsetzen“ fort (es startet erneut), oder stellen Sie mit „Rückgängig machen“ das alte Secret wieder her.
rotate-live-failed = Der Live-Test mit dem neuen Secret ist fehlgeschlagen ({ $detail }). Azure: Altes und neues Secret sind gültig; Genesys Cloud: das neue Secret, aktiv.
    .fix = Beheben Sie, was der Live-Test nennt, und dann: graphwiz rotate --profile "{ $profile }" --resume, oder --roll-back --admin-sign-in ….
rotate-live-failed-app = Der Live-Test mit dem neuen Secret ist fehlgeschlagen ({ $detail }). Azure: Altes und neues Secret sind gültig; Genesys Cloud: das neue Secret, aktiv.
    .fix = Beheben Sie, was der Live-Test nennt, dann klicken Sie im Schritt „Ablauf des Clientschlüssels“ auf „Fortsetzen“ oder „Rückgängig machen“.
rotate-remove-failed = Das alte Secret konnte in Azure nicht entfernt werden ({ $detail }). Das neue Secret ist überall in Gebrauch; das alte existiert in Azure noch.
    .fix = Setzen Sie fort mit graphwiz rotate --profile "{ $profile }" --resume --admin-sign-in …; mehr ist nicht nötig.
rotate-remove-failed-app = Das alte Secret konnte in Azure nicht entfernt werden ({ $detail }). Das neue Secret ist überall in Gebrauch; das alte existiert in Azure noch.
    .fix = Setzen Sie im Schritt „Ablauf des Clientschlüssels“ mit „Fortsetzen“ fort; mehr ist nicht nötig.
rotate-rollback-too-late = Das alte Secret wurde schon entfernt, daher kann die Rotation nur abgeschlossen, nicht zurückgenommen werden.
    .fix = Führen Sie graphwiz rotate --profile "{ $profile }" --resume --admin-sign-in … aus.
rotate-rollback-too-late-app = Das alte Secret wurde schon entfernt, daher kann die Rotation nur abgeschlossen, nicht zurückgenommen werden.
    .fix = Klicken Sie im Schritt „Ablauf des Clientschlüssels“ auf „Fortsetzen“, um sie abzuschließen.
rotate-rolled-back = Die Rotation des Profils { $profile } wurde zurückgenommen: Das neue Secret wurde in Azure entfernt, Genesys Cloud nutzt wieder das alte Secret, und das Profil behält das alte.
