# graphwiz — deutsche Texte (mail). Dieselben IDs und Argumente wie en-mail.ftl.
# `mail-`: Postfachprüfungen, Bereichsprüfung und Live-Test; `admin-`: Anmeldung des
# Administrators (Browser, Gerätecode), Administratorzustimmung und was das Token des
# Administrators klärt.

mail-failure = { $error ->
        [tls] { net-tls }
        [proxy] { net-proxy }
        [connect] { net-connect }
        [graph] Microsoft Graph antwortete mit HTTP { $status }{ $reply }
       *[other] { $text }
    }
    .fix = { $error ->
        [tls] { net-tls.fix }
        [proxy] { net-proxy.fix }
        [connect] { net-connect.fix }
       *[other] { $advice }
    }

## Warum ein Mail-Endpunkt ein Postfach abgelehnt hat

mail-refused-policy = Eine Anwendungszugriffsrichtlinie (ApplicationAccessPolicy) oder RBAC für Anwendungen in Exchange Online schließt { $mailbox } aus („Access to OData is disabled.“).
    .fix = Nehmen Sie das Postfach in den Bereich der App auf. Anwendungszugriffsrichtlinie: Fügen Sie { $mailbox } der E-Mail-aktivierten Sicherheitsgruppe hinzu, die die Richtlinie nennt (`Add-DistributionGroupMember`), und prüfen Sie dann mit `Test-ApplicationAccessPolicy -Identity { $mailbox } -AppId { $client }`. RBAC für Anwendungen: Erweitern Sie den Verwaltungsbereich der Rollenzuweisung der App und prüfen Sie dann mit `Test-ServicePrincipalAuthorization -Identity { $client } -Resource { $mailbox }`. Änderungen an Richtlinien können über eine Stunde brauchen, bis sie wirken.
mail-refused-not-enabled = { $mailbox } hat kein nutzbares Exchange Online-Postfach: Es ist nicht lizenziert, inaktiv, vorläufig gelöscht oder liegt lokal (on-premises).
    .fix = Weisen Sie { $mailbox } eine Lizenz zu, die Exchange Online enthält (Microsoft 365 Admin Center → Benutzer → Aktive Benutzer → der Benutzer → Lizenzen und Apps), oder verwenden Sie ein freigegebenes Postfach in Exchange Online; lokale Postfächer müssen nach Exchange Online verschoben werden. Nach einer neuen Lizenz kann es bis zu einer Stunde dauern, bis das Postfach bereitsteht.
mail-refused-no-user = In diesem Mandanten gibt es kein Postfach { $mailbox }.
    .fix = Prüfen Sie die Schreibweise und verwenden Sie die primäre SMTP-Adresse des Postfachs (Exchange Admin Center → Empfänger → Postfächer).
mail-refused-permission = Die App darf { $mailbox } nicht verwenden („Access is denied“): Mail.ReadWrite oder Mail.Send (Anwendung) fehlt oder hat keine Administratorzustimmung.
    .fix = Beheben Sie die Berechtigungsprüfungen oben (perm_mail_readwrite, perm_mail_send): Fügen Sie die Berechtigungen als Anwendungsberechtigungen hinzu und klicken Sie auf „Administratorzustimmung für <Ihre Organisation> erteilen“.
mail-refused-throttled = Microsoft Graph hat die Anfragen für { $mailbox } fortwährend gedrosselt oder war nicht verfügbar (HTTP { $status }).
    .fix = Outlook erlaubt 4 gleichzeitige Anfragen pro App und Postfach; vielleicht nutzt etwas anderes das Postfach stark. Warten Sie einige Minuten und führen Sie die Prüfung erneut aus.
mail-refused-other = { $mailbox } konnte nicht gelesen werden: { mail-failure }.
    .fix = { $error ->
        [graph] Führen Sie die Prüfung erneut aus; wenn es so bleibt, prüfen Sie das Postfach im Exchange Admin Center.
       *[other] { mail-failure.fix }
    }

## mailbox_access und scope_audit

mail-access-pass = { $mailbox } ist erreichbar: Sein Posteingang enthält { $total ->
        [one] { $total } Nachricht
       *[other] { $total } Nachrichten
    } ({ $unread } ungelesen).
mail-scope-open = Die App kann { $mailbox } lesen, ein Postfach, das sie nicht bedient: Sie kann jedes Postfach im Mandanten lesen.
    .fix = Schränken Sie sie mit RBAC für Anwendungen ein (Exchange Online PowerShell): Legen Sie einen Verwaltungsbereich für die Genesys-Cloud-Postfächer an (`New-ManagementScope -RecipientRestrictionFilter …`), registrieren Sie die App (`New-ServicePrincipal -AppId { $client } -ObjectId <Objekt-ID der Unternehmensanwendung>`), weisen Sie „Application Mail.ReadWrite“ und „Application Mail.Send“ mit diesem Bereich zu (`New-ManagementRoleAssignment -App { $client } -Role … -CustomResourceScope …`) und entfernen Sie dann die unbeschränkten Berechtigungen Mail.ReadWrite und Mail.Send. Ältere Alternative: `New-ApplicationAccessPolicy -AppId { $client } -PolicyScopeGroupId <Gruppe> -AccessRight RestrictAccess`. Änderungen können über eine Stunde brauchen; prüfen Sie mit `Test-ServicePrincipalAuthorization`.
mail-scope-closed = Die App kann { $mailbox } nicht lesen: Der Zugriff ist auf die Postfächer beschränkt, die sie bedient.
mail-scope-no-mailbox = Die Bereichsprüfung hat nichts bewiesen: { $mailbox } ist kein lizenziertes Postfach dieses Mandanten.
    .fix = Prüfen Sie mit einem vorhandenen, lizenzierten Postfach, das die Integration nicht bedient (z. B. dem Postfach eines Kollegen).
mail-scope-undecided = Die Bereichsprüfung konnte nicht entscheiden: { $refusal ->
        [policy] { mail-refused-policy }
        [not-enabled] { mail-refused-not-enabled }
        [no-user] { mail-refused-no-user }
        [permission] { mail-refused-permission }
        [throttled] { mail-refused-throttled }
       *[other] { mail-refused-other }
    }
    .fix = { $refusal ->
        [policy] { mail-refused-policy.fix }
        [not-enabled] { mail-refused-not-enabled.fix }
        [no-user] { mail-refused-no-user.fix }
        [permission] { mail-refused-permission.fix }
        [throttled] { mail-refused-throttled.fix }
       *[other] { mail-refused-other.fix }
    }

## Der Live-Test: senden, empfangen, als gelesen markieren, aufräumen

mail-skip = { $why ->
        [checks] Übersprungen: Beheben Sie zuerst die fehlgeschlagenen Prüfungen (es wurde keine Testmail gesendet)
        [send] Übersprungen: Die Testmail konnte nicht gesendet werden
        [receive] Übersprungen: Die Testmail ist nicht angekommen
        [cancelled] Übersprungen: Sie haben den Test abgebrochen
       *[outside] Übersprungen: Die Zustellung an einen externen Empfänger lässt sich nicht beobachten
    }
mail-skip-blocked = Übersprungen: Für die Testmail müssen zuerst diese Prüfungen bestehen: { $blockers } (es wurde keine Testmail gesendet)
mail-blocker = { $name }{ $mailbox ->
        [none] {""}
       *[other] {" "}({ $mailbox })
    }
mail-send-pass = Testmail von { $sender } an { $recipient } gesendet; Microsoft Graph hat sie in { $ms } ms angenommen.
mail-receive-pass = Die Testmail ist { $ms } ms nach dem Senden im Posteingang von { $recipient } angekommen ({ $polls ->
        [one] { $polls } Abfrage
       *[other] { $polls } Abfragen
    }).
mail-receive-timeout = Die Testmail ist nicht innerhalb von { $secs } s im Posteingang von { $recipient } angekommen.
    .fix = Prüfen Sie, was sie aufhält: Nachrichtenflussregeln (Transportregeln) im Exchange Admin Center, die Quarantäne (Microsoft Defender-Portal → E-Mail & Zusammenarbeit → Überprüfen → Quarantäne), die Verbindungsfilterrichtlinie und die Empfängeradresse; eine Nachrichtenablaufverfolgung (Exchange Admin Center → Nachrichtenfluss → Nachrichtenablaufverfolgung) für den Betreff „{ $subject }“ zeigt, wo sie geblieben ist.
mail-receive-cancelled = Sie haben das Warten auf die Testmail im Posteingang von { $recipient } nach { $secs } s abgebrochen (es wartet bis zu { $limit } s); die Zustellung ist daher nicht nachgewiesen. Die Testmail wird wie nach jedem Test gelöscht.
    .fix = Starten Sie den Live-Test erneut, wenn Sie bis zu { $limit } s warten können; kommt die Mail dann nicht an, sagt das Ergebnis, wo Sie nachsehen.
mail-receive-outside = Übersprungen: { $recipient } ist keines der konfigurierten Postfächer, daher ist nur das Senden bewiesen, nicht die Zustellung.
mail-mark-read-pass = Die Testmail wurde als gelesen markiert, wie Genesys Cloud es nach dem Abholen tut, und Graph bestätigt isRead (Mail.ReadWrite funktioniert).
mail-mark-read-unread = Das Markieren der Testmail als gelesen wurde angenommen, aber Graph meldet sie weiterhin als ungelesen.
    .fix = Führen Sie den Live-Test erneut aus; wenn es so bleibt, suchen Sie nach Postfachregeln oder Aufbewahrungsrichtlinien, die den Lesestatus zurücksetzen.
mail-test-body = Diese Nachricht hat graphwiz gesendet, um zu beweisen, dass E-Mails für die Microsoft-Graph-Integration von Genesys Cloud fließen. graphwiz löscht sie automatisch wieder.
mail-cleanup-pass = Die Testmail wurde gelöscht ({ $count ->
        [one] { $count } Nachricht
       *[other] { $count } Nachrichten
    }).
mail-cleanup-failed = Die Testmail konnte nicht gelöscht werden: { mail-failure }.
    .fix = Löschen Sie die Nachricht mit dem Betreff „{ $subject }“ von Hand aus { $recipient } (und aus den Gesendeten Elementen von { $sender }).

## Belege des Abholtests: die Genesys-Cloud-Prüfungen, die nicht bestanden haben

mail-evidence-first = { $check }: { $summary }
mail-evidence-next = | { $check }: { $summary }

## Anmeldung des Administrators und Administratorzustimmung

admin-consent-roles = Nur ein Globaler Administrator oder ein Administrator für privilegierte Rollen kann Anwendungsberechtigungen von Microsoft Graph (Mail.ReadWrite, Mail.Send) die Administratorzustimmung erteilen; melden Sie sich mit einem solchen Konto an.
admin-consent-redirect-note = Die Seite der Administratorzustimmung kehrt zu http://localhost zurück, das in der App als Umleitungs-URI registriert sein muss (App-Registrierungen → Ihre App → Authentifizierung → Plattform hinzufügen → Web → http://localhost), wie es die Einrichtungsanleitung von Genesys Cloud vorsieht; sonst zeigt die Seite AADSTS50011, statt zu graphwiz zurückzukehren.
admin-device-prompt = Öffnen Sie zum Anmelden in einem Webbrowser die Seite { $uri } und geben Sie den Code { $code } ein.

## Warum eine Anmeldung, ein Lesen mit Administratorrechten oder die Zustimmung fehlschlug

admin-http = { mail-failure }
    .fix = { mail-failure.fix }
admin-listener = graphwiz konnte auf 127.0.0.1 nicht auf die Antwort des Browsers warten: { $detail }
    .fix = graphwiz empfängt die Antwort des Browsers auf 127.0.0.1; lassen Sie lokale Verbindungen zu (Firewall oder Sicherheitssoftware) oder melden Sie sich stattdessen mit dem Gerätecode an.
admin-random = Das Betriebssystem lieferte keine Zufallsbytes: { $detail }
    .fix = Das Betriebssystem konnte keine Zufallszahlen liefern; versuchen Sie es erneut und prüfen Sie das System, wenn es so bleibt.
admin-opener = Der Browser konnte nicht geöffnet werden: { $detail }
    .fix = Öffnen Sie die URL selbst in einem Browser auf diesem Computer oder verwenden Sie auf einem Rechner ohne Browser die Anmeldung mit Gerätecode.
admin-timeout = { $waiting ->
        [browser] Die Anmeldung im Browser
        [device] Die Anmeldung mit Gerätecode
       *[consent] Die Administratorzustimmung
    } wurde nicht innerhalb von { $secs } s abgeschlossen
    .fix = { $waiting ->
        [browser] Beginnen Sie erneut und schließen Sie die Anmeldung im Browser innerhalb von { $secs } s ab (oder lassen Sie mehr Zeit); auf einem Rechner ohne Browser melden Sie sich mit dem Gerätecode an.
        [device] Beginnen Sie erneut, öffnen Sie die angezeigte Seite und geben Sie den Code innerhalb von { $secs } s ein (oder lassen Sie mehr Zeit).
       *[consent] Beginnen Sie erneut und schließen Sie die Zustimmungsseite innerhalb von { $secs } s ab (oder lassen Sie mehr Zeit). { admin-consent-redirect-note }
    }
admin-state-mismatch = Die Antwort, die graphwiz erreicht hat, gehört nicht zu dieser Anmeldung (state stimmt nicht überein); es wurde kein Code eingelöst
    .fix = Schließen Sie andere Anmelde-Tabs und beginnen Sie die Anmeldung erneut; nur die Antwort auf die eigene Anfrage von graphwiz wird angenommen.
admin-sign-in-refused = Die Anmeldung wurde nicht abgeschlossen: { $error }{ $aadsts }: { $message }
    .fix = { $reason ->
        [declined] Die Anmeldung wurde abgelehnt oder abgebrochen. Beginnen Sie erneut, melden Sie sich mit einem Administratorkonto dieses Mandanten an und stimmen Sie den angeforderten Leseberechtigungen zu.
        [consent] Die Anmelde-App braucht die Zustimmung zu den angeforderten Leseberechtigungen; ein Administrator muss ihnen auf der Anmeldeseite zustimmen (oder wählen Sie eine andere --admin-client-id).
       *[other] Schlagen Sie den Code unter https://login.microsoftonline.com/error nach, beheben Sie die Ursache und beginnen Sie die Anmeldung erneut.
    }
admin-pkce-mismatch = Entra ID hat den Code abgelehnt: PKCE stimmt nicht überein (AADSTS501481, der Code-Verifier passt nicht zur Code-Challenge)
    .fix = Beginnen Sie die Anmeldung erneut (jede Anmeldung verwendet einen neuen Verifier); wenn es sich wiederholt, verändert vielleicht ein Proxy die Anfragen.
admin-aad = Entra ID hat die Anmeldung des Administrators abgelehnt{ $aadsts }: { $message }
    .fix = { $reason ->
        [no-app] Die Anmelde-App gibt es in diesem Mandanten nicht; verwenden Sie die voreingestellten Microsoft Graph Command Line Tools oder geben Sie die Anwendungs-ID (Client) einer öffentlichen Client-App dieses Mandanten an.
        [no-consent] Die Anmelde-App hat keine Zustimmung zu den angeforderten Leseberechtigungen; ein Administrator muss ihnen auf der Anmeldeseite zustimmen.
        [public-client] Die Anmelde-App muss ein öffentlicher Client sein (Authentifizierung → Öffentliche Clientflows zulassen: Ja), oder verwenden Sie die voreingestellten Microsoft Graph Command Line Tools.
        [conditional-access] Eine Richtlinie für bedingten Zugriff hat die Anmeldung blockiert; melden Sie sich von einem konformen Gerät oder Standort an oder fragen Sie, wer den bedingten Zugriff verwaltet.
        [redirect] Die Umleitungs-URI ist in der Anmelde-App nicht registriert; verwenden Sie die voreingestellten Microsoft Graph Command Line Tools oder registrieren Sie http://localhost in Ihrer App (Mobile Anwendungen und Desktopanwendungen).
       *[other] Schlagen Sie den Code unter https://login.microsoftonline.com/error nach, beheben Sie die Ursache und beginnen Sie die Anmeldung erneut.
    }
admin-device-declined = Der Administrator hat die Anmeldung mit Gerätecode abgelehnt (authorization_declined)
    .fix = Beginnen Sie erneut und bestätigen Sie die Anmeldung auf der Geräte-Anmeldeseite.
admin-device-expired = Der Gerätecode ist abgelaufen, bevor die Anmeldung abgeschlossen war (expired_token)
    .fix = Beginnen Sie erneut und geben Sie den Code zügig ein (er gilt etwa 15 Minuten).
admin-bad-verification-code = Entra ID hat den Gerätecode nicht erkannt (bad_verification_code)
    .fix = Beginnen Sie die Anmeldung mit Gerätecode erneut.
admin-unexpected = Unerwartete Antwort von Entra ID beim { $step ->
        [redeem] Einlösen des Anmeldecodes
        [browser-answer] Lesen der Antwort des Browsers
        [device-start] Start der Anmeldung mit Gerätecode
        [device-finish] Abschluss der Anmeldung mit Gerätecode
       *[device-poll] Abfragen der Anmeldung mit Gerätecode
    } (HTTP { $status })
    .fix = Prüfen Sie die Anmelde-URL und die gewählte Cloud; vielleicht antwortet ein Proxy anstelle von Entra ID.
admin-graph = Mit dem Token des Administrators { $what ->
        [app-sp] konnte der Dienstprinzipal der App nicht gelesen werden
        [graph-sp] konnte der Dienstprinzipal von Microsoft Graph nicht gelesen werden
        [grants] konnten die delegierten Berechtigungserteilungen der App nicht gelesen werden
       *[assignments] konnten die Zuweisungen der Anwendungsberechtigungen der App nicht gelesen werden
    }: { mail-failure }
    .fix = { $reason ->
        [denied] Melden Sie sich mit einem Konto an, das App-Registrierungen und ihre Zustimmungen lesen darf (Globaler Leser, Anwendungsadministrator, Cloudanwendungsadministrator, Administrator für privilegierte Rollen oder Globaler Administrator), und stimmen Sie den Leseberechtigungen { $scopes } zu.
        [not-found] Prüfen Sie die Anwendungs-ID (Client): In diesem Mandanten gibt es keine solche App und keinen solchen Dienstprinzipal.
       *[other] { $error ->
            [graph] Versuchen Sie es erneut; wenn es so bleibt, prüfen Sie die Graph-URL und die gewählte Cloud.
           *[other] { mail-failure.fix }
        }
    }
admin-consent-refused = Die Administratorzustimmung wurde nicht erteilt: { $error }{ $aadsts }: { $message }
    .fix = { admin-consent-roles } { admin-consent-redirect-note }
admin-consent-no-description = Die Zustimmungsseite kam ohne Zustimmung zurück

## Die Seite, die der Browser bei der Rückkehr zu graphwiz zeigt

admin-page-done = graphwiz: erledigt
admin-page-not-done = graphwiz: nicht erledigt
admin-page-not-found = Nicht gefunden
admin-page-wrong-path = graphwiz wartet auf / auf die Antwort der Anmeldung.
admin-page-waiting = graphwiz wartet
admin-page-no-answer = Diese Seite enthält keine Antwort der Anmeldung. Schließen Sie die Anmeldung in dem Tab ab, den graphwiz geöffnet hat.
admin-page-state-sign-in = Diese Antwort gehört nicht zur Anmeldung von graphwiz (state stimmt nicht überein) und wurde daher ignoriert. Beginnen Sie die Anmeldung erneut.
admin-page-state-consent = Diese Antwort gehört nicht zur Zustimmungsanfrage von graphwiz (state stimmt nicht überein) und wurde daher ignoriert. Beginnen Sie erneut.
admin-page-not-signed-in = Nicht angemeldet: { $error }. { $fix }
admin-page-no-code = Die Antwort enthielt keinen Code. Beginnen Sie die Anmeldung erneut.
admin-page-signed-in = Angemeldet. Sie können diesen Tab schließen.
admin-page-consent-granted = Administratorzustimmung erteilt. Sie können diesen Tab schließen; graphwiz prüft die Integration erneut.
admin-page-no-consent = Keine Administratorzustimmung: { $error }. { $fix }

## perm_user_read, geklärt durch die Anmeldung des Administrators

admin-verified-as = bestätigt durch die Administratoranmeldung als { $upn }
admin-verified = bestätigt durch eine Administratoranmeldung
admin-user-read-pass = User.Read (Delegiert) ist mit Administratorzustimmung für alle Benutzer erteilt ({ $who }).
admin-user-read-no-sp = User.Read (Delegiert) hat keine Administratorzustimmung: Die App hat in diesem Mandanten keinen Dienstprinzipal, also wurde nie etwas zugestimmt ({ $who }).
    .fix = { admin-user-read-grant }
admin-user-read-no-sp-app = User.Read (Delegiert) hat keine Administratorzustimmung: Die App hat in diesem Mandanten keinen Dienstprinzipal, also wurde nie etwas zugestimmt ({ $who }).
    .fix = { admin-user-read-grant-app }
admin-user-read-missing = User.Read (Delegiert) hat keine Administratorzustimmung ({ $who }).
    .fix = { admin-user-read-grant }
admin-user-read-missing-app = User.Read (Delegiert) hat keine Administratorzustimmung ({ $who }).
    .fix = { admin-user-read-grant-app }
admin-user-read-grant = Erteilen Sie die Administratorzustimmung: App-Registrierungen → Ihre App → API-Berechtigungen → prüfen Sie, dass User.Read (Delegiert) aufgeführt ist, und klicken Sie dann auf „Administratorzustimmung für <Ihre Organisation> erteilen“; oder führen Sie graphwiz consent --tenant … --client-id … aus. { admin-consent-roles }
admin-user-read-grant-app = Erteilen Sie die Administratorzustimmung: Klicken Sie im Schritt „Berechtigungen & Zustimmung“ auf „Administratorzustimmung erteilen“, oder im Azure-Portal App-Registrierungen → Ihre App → API-Berechtigungen → prüfen Sie, dass User.Read (Delegiert) aufgeführt ist, und klicken Sie dann auf „Administratorzustimmung für <Ihre Organisation> erteilen“. { admin-consent-roles }
