# graphwiz — deutsche Texte. Jede ID hier gibt es in en.ftl mit denselben Attributen und
# Argumenten (ein Test prüft das). Der Wert einer Nachricht ist die Zusammenfassung einer
# Prüfung, `.fix` die Abhilfe.

## Einheiten

unit-agents = { $count ->
    [one] { $count } Agent
   *[other] { $count } Agenten
}

## Genesys Cloud: Anmeldung des OAuth-Clients

genesys-login-pass = Genesys Cloud ({ $region }) hat dem OAuth-Client { $client } ein Token ausgestellt.
genesys-login-refused = Genesys Cloud ({ $region }) hat den OAuth-Client { $client } abgewiesen: { $error } { $detail } (HTTP { $status }).
    .fix = Öffnen Sie in Genesys Cloud Admin → Integrationen → OAuth, wählen Sie den Client und vergleichen Sie die Client-ID. Ist das Secret womöglich falsch, erzeugen Sie ein neues (Client-Details → Client Secret zurücksetzen oder neuer Client) und speichern Sie es mit: graphwiz profile set-genesys "{ $profile }" --region { $region } --client-id … --secret-stdin. Als Grant-Typ muss „Client Credentials“ eingestellt sein.
genesys-login-refused-app = Genesys Cloud ({ $region }) hat den OAuth-Client { $client } abgewiesen: { $error } { $detail } (HTTP { $status }).
    .fix = Öffnen Sie in Genesys Cloud Admin → Integrationen → OAuth, wählen Sie den Client und vergleichen Sie die Client-ID. Ist das Secret womöglich falsch, erzeugen Sie ein neues (Client-Details → Client Secret zurücksetzen oder neuer Client), geben Sie es im Schritt „Genesys Cloud“ ein und klicken Sie auf „Speichern und prüfen“. Als Grant-Typ muss „Client Credentials“ eingestellt sein.
genesys-login-error = Die Anmeldung bei Genesys Cloud ({ $region }) antwortete für den OAuth-Client { $client } mit { $error } { $detail } (HTTP { $status }).
    .fix = Prüfen Sie unter Admin → Integrationen → OAuth, dass der Client { $client } den Grant-Typ „Client Credentials“ nutzt und eine Rolle hat, und dass die Region { $region } die aus der Adresszeile Ihres Browsers ist, wenn Sie Genesys Cloud nutzen.
genesys-unreachable = Genesys Cloud ({ $region }) war nicht erreichbar: { $detail }
    .fix = { $advice }
genesys-skip-login = Übersprungen: Genesys Cloud hat kein Token ausgestellt (siehe genesys_login).

## Genesys Cloud: Anfragen

genesys-missing-permission = Genesys Cloud hat dem OAuth-Client das Lesen verweigert: Der Rolle des OAuth-Clients { $client } fehlt die Berechtigung { $permission } (contextId { $context }).
    .fix = Öffnen Sie in Genesys Cloud Admin → Rollen/Berechtigungen, bearbeiten Sie die Rolle des OAuth-Clients { $client } (Admin → Integrationen → OAuth → Rollen) und fügen Sie { $permission } hinzu; danach erneut prüfen. Nur diese Prüfung braucht sie.
genesys-request-failed = Genesys Cloud hat mit einem Fehler geantwortet: { $detail }
    .fix = Prüfen Sie erneut. Bleibt der Fehler, nennen Sie dem Genesys Cloud Customer Care die angezeigte contextId.

## Genesys Cloud: die Microsoft-Graph-E-Mail-Integration

genesys-integration-no-type = Diese Genesys-Cloud-Organisation bietet keine Microsoft-Graph-E-Mail-Integration an (keiner ihrer { $types } Integrationstypen ist eine).
    .fix = Die Microsoft-Graph-E-Mail-Integration muss in der Organisation verfügbar sein: Bitten Sie das Genesys Cloud Customer Care oder Ihren Genesys-Partner, sie freizuschalten, und installieren Sie sie dann unter Admin → Integrationen → Integrationen → Integration hinzufügen.
genesys-integration-none = In dieser Genesys-Cloud-Organisation ist keine Microsoft-Graph-E-Mail-Integration installiert.
    .fix = Öffnen Sie in Genesys Cloud Admin → Integrationen → Integrationen, fügen Sie die Microsoft-Graph-Integration hinzu, tragen Sie unter Konfiguration Verzeichnis-ID (Mandant), Anwendungs-ID (Client) und geheimen Clientschlüssel der Azure-App ein und schalten Sie sie auf Aktiv.
genesys-integration-several = { $count } Microsoft-Graph-Integrationen sind installiert, und keine nutzt die App dieses Profils: { $list }.
    .fix = Vergleichen Sie die Konfiguration jeder Integration (Admin → Integrationen → Integrationen) mit der Anwendungs-ID (Client) { $client } dieses Profils; die Integration, die Genesys Cloud für Ihre Postfächer nutzt, muss dieselbe App nennen.
genesys-integration-other-app = Genesys Cloud nutzt in der Integration „{ $name }“ die App { $other }, dieses Profil prüft aber die App { $app }.
    .fix = Entweder hat dieses Profil die falsche Anwendungs-ID (Client), oder die Integration wurde mit einer anderen App-Registrierung eingerichtet. Öffnen Sie die Integration unter Admin → Integrationen → Integrationen → Konfiguration und vergleichen Sie; korrigieren Sie die falsche Seite und deaktivieren und aktivieren Sie die Integration danach (graphwiz genesys restart --profile "{ $profile }").
genesys-integration-other-app-app = Genesys Cloud nutzt in der Integration „{ $name }“ die App { $other }, dieses Profil prüft aber die App { $app }.
    .fix = Entweder hat dieses Profil die falsche Anwendungs-ID (Client), oder die Integration wurde mit einer anderen App-Registrierung eingerichtet. Öffnen Sie die Integration unter Admin → Integrationen → Integrationen → Konfiguration und vergleichen Sie; korrigieren Sie die falsche Seite (die dieses Profils im Schritt „Azure-App“) und klicken Sie danach auf „Integration neu starten“ im Schritt „Genesys Cloud“.
genesys-integration-other-tenant = Genesys Cloud nutzt in der Integration „{ $name }“ den Azure-Mandanten { $other }, der Mandant dieses Profils ist aber { $tenant }.
    .fix = Öffnen Sie die Integration unter Admin → Integrationen → Integrationen → Konfiguration und vergleichen Sie die Verzeichnis-ID (Mandant); korrigieren Sie die falsche Seite und deaktivieren und aktivieren Sie die Integration danach (graphwiz genesys restart --profile "{ $profile }").
genesys-integration-other-tenant-app = Genesys Cloud nutzt in der Integration „{ $name }“ den Azure-Mandanten { $other }, der Mandant dieses Profils ist aber { $tenant }.
    .fix = Öffnen Sie die Integration unter Admin → Integrationen → Integrationen → Konfiguration und vergleichen Sie die Verzeichnis-ID (Mandant); korrigieren Sie die falsche Seite (die dieses Profils im Schritt „Azure-App“) und klicken Sie danach auf „Integration neu starten“ im Schritt „Genesys Cloud“.
genesys-integration-active = Die Integration „{ $name }“ ist in Genesys Cloud aktiv ({ $effective }) und nutzt die App dieses Profils.
genesys-integration-active-unverified = Die Integration „{ $name }“ ist in Genesys Cloud aktiv, graphwiz konnte aber nicht lesen, welche Azure-App sie nutzt.
    .fix = Vergleichen Sie die Konfiguration der Integration (Admin → Integrationen → Integrationen) selbst mit der Anwendungs-ID (Client) { $client } dieses Profils.
genesys-integration-error = Die Integration „{ $name }“ meldet in Genesys Cloud FEHLER: „{ $detail }“
    .fix = Beheben Sie die genannte Ursache (oft der geheime Clientschlüssel: Azure-Portal → App-Registrierungen → Ihre App → Zertifikate & Geheimnisse, dann Konfiguration → Anmeldedaten der Integration) und deaktivieren und aktivieren Sie die Integration danach: graphwiz genesys restart --profile "{ $profile }".
genesys-integration-error-app = Die Integration „{ $name }“ meldet in Genesys Cloud FEHLER: „{ $detail }“
    .fix = Beheben Sie die genannte Ursache (oft der geheime Clientschlüssel: „Schlüssel wechseln“ im Schritt „Ablauf des Clientschlüssels“ trägt einen neuen in Azure und Genesys Cloud ein) und klicken Sie danach auf „Integration neu starten“ im Schritt „Genesys Cloud“.
genesys-integration-disabled = Die Integration „{ $name }“ ist in Genesys Cloud ausgeschaltet (Inaktiv): Es werden keine Mails empfangen oder gesendet.
    .fix = Schalten Sie sie ein: Admin → Integrationen → Integrationen → „{ $name }“ → Aktiv, oder graphwiz genesys restart --profile "{ $profile }".
genesys-integration-disabled-app = Die Integration „{ $name }“ ist in Genesys Cloud ausgeschaltet (Inaktiv): Es werden keine Mails empfangen oder gesendet.
    .fix = Schalten Sie sie ein: Klicken Sie auf „Integration neu starten“ im Schritt „Genesys Cloud“ (das aktiviert die Integration), oder Admin → Integrationen → Integrationen → „{ $name }“ → Aktiv.
genesys-integration-inactive = Die Integration „{ $name }“ ist eingeschaltet, meldet in Genesys Cloud aber INAKTIV. { $detail }
    .fix = Deaktivieren und aktivieren Sie die Integration, um sie neu zu starten: graphwiz genesys restart --profile "{ $profile }".
genesys-integration-inactive-app = Die Integration „{ $name }“ ist eingeschaltet, meldet in Genesys Cloud aber INAKTIV. { $detail }
    .fix = Deaktivieren und aktivieren Sie die Integration, um sie neu zu starten: Klicken Sie auf „Integration neu starten“ im Schritt „Genesys Cloud“.
genesys-integration-changing = Die Integration „{ $name }“ wechselt in Genesys Cloud gerade ihren Zustand ({ $state }).
    .fix = Warten Sie eine Minute und prüfen Sie erneut.
genesys-integration-unknown-state = Die Integration „{ $name }“ meldet einen Zustand, den graphwiz nicht kennt: { $state }.
    .fix = Sehen Sie sich die Integration unter Admin → Integrationen → Integrationen an; prüfen Sie später erneut.

## Genesys Cloud: eingehende E-Mail-Domänen

genesys-domains-none = Mit der Microsoft-Graph-Integration ist keine eingehende E-Mail-Domäne verknüpft ({ $count ->
        [one] { $count } Domäne
       *[other] { $count } Domänen
    } in der Organisation).
    .fix = Öffnen Sie in Genesys Cloud Admin → Routing → E-Mail-Domänen, legen Sie Ihre Mail-Domäne an (oder öffnen Sie sie) und wählen Sie dort die Microsoft-Graph-Integration.
genesys-domains-error = Eine eingehende E-Mail-Domäne der Integration meldet einen Fehler: „{ $list }“.
    .fix = Beheben Sie die genannte Ursache (Postfachzugriff, Berechtigungen) und deaktivieren und aktivieren Sie die Integration danach: graphwiz genesys restart --profile "{ $profile }". Den Zustand der Domäne zeigt Admin → Routing → E-Mail-Domänen.
genesys-domains-error-app = Eine eingehende E-Mail-Domäne der Integration meldet einen Fehler: „{ $list }“.
    .fix = Beheben Sie die genannte Ursache (Postfachzugriff, Berechtigungen) und klicken Sie danach auf „Integration neu starten“ im Schritt „Genesys Cloud“. Den Zustand der Domäne zeigt Admin → Routing → E-Mail-Domänen.
genesys-domains-odd = Eine eingehende E-Mail-Domäne der Integration ist nicht aktiv: { $list }.
    .fix = Öffnen Sie die Domäne unter Admin → Routing → E-Mail-Domänen; wurde die Integration gerade geändert, warten Sie eine Minute, sonst deaktivieren und aktivieren Sie die Integration: graphwiz genesys restart --profile "{ $profile }".
genesys-domains-odd-app = Eine eingehende E-Mail-Domäne der Integration ist nicht aktiv: { $list }.
    .fix = Öffnen Sie die Domäne unter Admin → Routing → E-Mail-Domänen; wurde die Integration gerade geändert, warten Sie eine Minute, sonst klicken Sie auf „Integration neu starten“ im Schritt „Genesys Cloud“.
genesys-domains-pass = { $count ->
    [one] Die eingehende E-Mail-Domäne der Integration ist aktiv: { $list }.
   *[other] Die { $count } eingehenden E-Mail-Domänen der Integration sind aktiv: { $list }.
}
genesys-skip-domains = Übersprungen: Die eingehenden E-Mail-Domänen konnten nicht gelesen werden (siehe genesys_domains).
genesys-skip-no-domain = Übersprungen: Mit der Integration ist keine eingehende E-Mail-Domäne verknüpft.

## Genesys Cloud: Routen und Warteschlangen

genesys-routes-none = Keine eingehende Route bedient die Domänen der Integration: Mails werden abgeholt, landen aber nirgends.
    .fix = Legen Sie unter Admin → Routing → E-Mail-Domänen → Ihre Domäne für jedes Postfach eine Route an (Adresse, Warteschlange oder Flow).
genesys-routes-broken = Eine Route kann keine Mails zustellen: { $broken }. Routen: { $list }.
    .fix = Öffnen Sie die Route unter Admin → Routing → E-Mail-Domänen → Ihre Domäne und geben Sie ihr eine Warteschlange oder einen Inbound-E-Mail-Flow; eine Route im Fehlerzustand muss neu gespeichert werden.
genesys-routes-unserved = Keine Route bedient { $unserved }. Routen: { $list }.
    .fix = Mails an dieses Postfach werden abgeholt, aber nicht geroutet: Legen Sie unter Admin → Routing → E-Mail-Domänen → Ihre Domäne eine Route dafür an, oder entfernen Sie es aus dem Profil.
genesys-routes-pass = { $count ->
    [one] Die Route bedient { $list }.
   *[other] { $count } Routen: { $list }.
}
genesys-skip-routes = Übersprungen: Die Routen konnten nicht gelesen werden (siehe genesys_routes).
genesys-skip-no-queue = Übersprungen: Keine Route führt zu einer Warteschlange.
genesys-agents-none = In der Warteschlange { $empty } ist niemand aktiv (aktiv/Mitglieder: { $list }): Mails werden abgeholt, aber kein Agent bekommt sie.
    .fix = Agenten müssen Mitglied der Warteschlange sein und auf „In Warteschlange“ (On Queue) gehen. Mitglieder: Admin → Routing → Warteschlangen → die Warteschlange → Mitglieder.
genesys-agents-flows-only = Die Routen führen zu Flows ({ $flows }); graphwiz sieht nicht, welche Warteschlangen diese Flows nutzen.
    .fix = Öffnen Sie die Flows in Architect und prüfen Sie, dass in den Warteschlangen, an die sie übergeben, Agenten aktiv sind.
genesys-agents-pass = In den Warteschlangen sind Agenten aktiv (aktiv/Mitglieder): { $list }.
genesys-agents-pass-flows = In den Warteschlangen sind Agenten aktiv (aktiv/Mitglieder): { $list }. Routen zu Flows ({ $flows }) sind nicht mitgezählt.

## Genesys Cloud: mehrere Ziele

genesys-multi-on = Routing an mehrere Ziele ist eingeschaltet: Eine Mail an mehrere Ihrer Adressen erzeugt eine Interaktion je Adresse.
genesys-multi-off = Routing an mehrere Ziele ist ausgeschaltet: Eine Mail an mehrere Ihrer Adressen erzeugt nur eine Interaktion (Standard von Genesys Cloud).
genesys-multi-off-several = Routing an mehrere Ziele ist ausgeschaltet: Eine Mail an mehrere Ihrer { $count } Adressen erzeugt nur eine Interaktion.
    .fix = Soll jede Adresse eine eigene Interaktion bekommen, schalten Sie in Genesys Cloud die Einstellung für mehrere Ziele bei eingehenden Mails ein (Admin → Routing → E-Mail-Domänen, Einstellungen); sonst ist nichts zu tun.
genesys-multi-unknown = Genesys Cloud hat nicht mitgeteilt, ob Routing an mehrere Ziele eingeschaltet ist.
    .fix = Sehen Sie sich die Einstellungen für eingehende Mails unter Admin → Routing → E-Mail-Domänen an.

## Genesys Cloud: Neustart (deaktivieren, dann aktivieren)

genesys-restart-after-azure-change = Genesys Cloud übernimmt eine Änderung in Azure erst, nachdem die Integration deaktiviert und wieder aktiviert wurde: graphwiz genesys restart --profile NAME (für ein Profil mit Genesys-Cloud-Teil), oder Admin → Integrationen → Integrationen → die Microsoft-Graph-Integration → Inaktiv, dann Aktiv.
genesys-progress-finding = Anmeldung bei Genesys Cloud, Integration wird gesucht …
genesys-progress-disabling = Integration wird deaktiviert …
genesys-progress-waiting-inactive = Warten, bis sie inaktiv ist (jetzt { $state }) …
genesys-progress-enabling = Integration wird aktiviert …
genesys-progress-waiting-active = Warten, bis sie aktiv ist (jetzt { $state }) …
genesys-restart-login = Der Neustart hat nicht begonnen: Genesys Cloud hat kein Token ausgestellt ({ $detail }).
    .fix = Führen Sie graphwiz check --profile "{ $profile }" aus und beheben Sie zuerst genesys_login.
genesys-restart-login-app = Der Neustart hat nicht begonnen: Genesys Cloud hat kein Token ausgestellt ({ $detail }).
    .fix = Beheben Sie zuerst die Prüfung „Anmeldung bei Genesys Cloud (OAuth-Client)“ im Schritt „Genesys Cloud“ und starten Sie dann erneut.
genesys-restart-not-found = Der Neustart hat nicht begonnen: { $detail }
    .fix = Führen Sie graphwiz check --profile "{ $profile }" aus und beheben Sie zuerst genesys_integration.
genesys-restart-not-found-app = Der Neustart hat nicht begonnen: { $detail }
    .fix = Beheben Sie zuerst die Prüfung „Microsoft-Graph-Integration“ im Schritt „Genesys Cloud“ und starten Sie dann erneut.
genesys-restart-no-journal = Der Neustart von „{ $name }“ hat nicht begonnen: graphwiz konnte seine Neustart-Notiz nicht schreiben ({ $detail }).
    .fix = Machen Sie den Datenordner von graphwiz beschreibbar und versuchen Sie es erneut; in Genesys Cloud wurde nichts geändert.
genesys-restart-permission = Der Neustart von „{ $name }“ hat nicht begonnen: Dem OAuth-Client fehlt die Berechtigung { $permission }. Es wurde nichts geändert.
    .fix = Fügen Sie der Rolle des OAuth-Clients { $permission } hinzu (Admin → Rollen/Berechtigungen), oder deaktivieren und aktivieren Sie die Integration selbst unter Admin → Integrationen → Integrationen.
genesys-restart-disable-failed = Der Neustart von „{ $name }“ hat nicht begonnen: Das Deaktivieren wurde abgelehnt ({ $detail }). Es wurde nichts geändert.
    .fix = Versuchen Sie es in einer Minute erneut, oder deaktivieren und aktivieren Sie die Integration selbst unter Admin → Integrationen → Integrationen.
genesys-restart-enable-failed = „{ $name }“ wurde deaktiviert, und das erneute Aktivieren ist dreimal fehlgeschlagen ({ $detail }). Sie ist noch deaktiviert: Es fließen keine Mails.
    .fix = Aktivieren Sie sie jetzt unter Admin → Integrationen → Integrationen → „{ $name }“ → Aktiv. Der nächste graphwiz-Befehl versucht es ebenfalls erneut.
genesys-restart-done = Die Integration „{ $name }“ wurde deaktiviert und wieder aktiviert und ist aktiv ({ $secs } s).
genesys-restart-done-late = Die Integration „{ $name }“ wurde wieder aktiviert und ist aktiv ({ $secs } s); inaktiv hatte sie sich nicht rechtzeitig gemeldet ({ $detail }).
genesys-restart-error = Die Integration „{ $name }“ wurde neu gestartet und meldet FEHLER: { $detail }
    .fix = Beheben Sie die genannte Ursache (oft der geheime Clientschlüssel unter Konfiguration → Anmeldedaten der Integration) und starten Sie erneut: graphwiz genesys restart --profile "{ $profile }".
genesys-restart-error-app = Die Integration „{ $name }“ wurde neu gestartet und meldet FEHLER: { $detail }
    .fix = Beheben Sie die genannte Ursache (oft der geheime Clientschlüssel unter Konfiguration → Anmeldedaten der Integration) und klicken Sie erneut auf „Integration neu starten“.
genesys-restart-timeout = Die Integration „{ $name }“ wurde wieder aktiviert, ist nach { $secs } s aber noch { $state }.
    .fix = Sehen Sie sich die Integration unter Admin → Integrationen → Integrationen an; führen Sie in einigen Minuten graphwiz check --profile "{ $profile }" aus.
genesys-restart-timeout-app = Die Integration „{ $name }“ wurde wieder aktiviert, ist nach { $secs } s aber noch { $state }.
    .fix = Sehen Sie sich die Integration unter Admin → Integrationen → Integrationen an; klicken Sie in einigen Minuten im Schritt „Genesys Cloud“ auf „Erneut prüfen“.
genesys-restart-lost = Die Integration „{ $name }“ wurde wieder aktiviert, ihr Zustand war danach aber nicht lesbar ({ $detail }).
    .fix = Führen Sie graphwiz check --profile "{ $profile }" aus, um zu sehen, ob sie aktiv ist.
genesys-restart-lost-app = Die Integration „{ $name }“ wurde wieder aktiviert, ihr Zustand war danach aber nicht lesbar ({ $detail }).
    .fix = Klicken Sie im Schritt „Genesys Cloud“ auf „Erneut prüfen“, um zu sehen, ob sie aktiv ist.

## Genesys Cloud: ein unterbrochener Neustart

genesys-recovery-no-access = Ein Neustart von „{ $name }“ (Profil { $profile }, { $since }) wurde unterbrochen, und die Integration ist womöglich noch deaktiviert; graphwiz konnte sie nicht prüfen: { $detail }
    .fix = Öffnen Sie in Genesys Cloud Admin → Integrationen → Integrationen und stellen Sie sicher, dass „{ $name }“ aktiv ist, oder führen Sie graphwiz genesys restart --profile "{ $profile }" aus.
genesys-recovery-no-access-app = Ein Neustart von „{ $name }“ (Profil { $profile }, { $since }) wurde unterbrochen, und die Integration ist womöglich noch deaktiviert; graphwiz konnte sie nicht prüfen: { $detail }
    .fix = Öffnen Sie in Genesys Cloud Admin → Integrationen → Integrationen und stellen Sie sicher, dass „{ $name }“ aktiv ist, oder öffnen Sie das Profil { $profile } (Gespeicherte Profile) und klicken Sie auf „Integration neu starten“ im Schritt „Genesys Cloud“.
genesys-recovery-enabled-already = Ein Neustart von „{ $name }“ (Profil { $profile }, { $since }) wurde unterbrochen; die Integration ist aktiviert ({ $state }), es ist nichts zu tun.
genesys-recovery-was-off = Ein Neustart von „{ $name }“ (Profil { $profile }, { $since }) wurde unterbrochen; die Integration war schon vorher ausgeschaltet, daher hat graphwiz sie ausgeschaltet gelassen.
    .fix = Schalten Sie sie unter Admin → Integrationen → Integrationen ein, wenn sie Mails empfangen soll.
genesys-recovery-reenabled = graphwiz hat die Integration „{ $name }“ wieder aktiviert (Profil { $profile }): Ein unterbrochener Neustart ({ $since }) hatte sie deaktiviert gelassen. Sie meldet { $state }.
genesys-recovery-failed = Ein Neustart von „{ $name }“ (Profil { $profile }, { $since }) wurde unterbrochen, und das erneute Aktivieren ist fehlgeschlagen: { $detail }
    .fix = Aktivieren Sie sie jetzt unter Admin → Integrationen → Integrationen → „{ $name }“ → Aktiv. Der nächste graphwiz-Befehl versucht es erneut.

## Genesys Cloud: Eingaben

genesys-unknown-region = Unbekannte Genesys-Cloud-Region „{ $given }“: Geben Sie den Host aus der Adresszeile Ihres Browsers an (z. B. mypurecloud.de) oder den Regionsnamen (z. B. eu_central_1). Bekannte Regionen: { $known }
genesys-invalid-client-id = Client-ID: „{ $value }“ ist keine Client-ID eines Genesys-Cloud-OAuth-Clients (eine GUID wie 4d3c2b1a-…); kopieren Sie sie aus Admin → Integrationen → OAuth → der Client → Client-Details.
genesys-secret-missing = Client Secret: Es wurde keines angegeben; übergeben Sie es mit --secret-stdin oder setzen Sie GRAPHWIZ_GENESYS_CLIENT_SECRET.
genesys-secret-whitespace = Client Secret: Es enthält Leerzeichen oder Zeilenumbrüche; kopieren Sie es erneut aus Admin → Integrationen → OAuth → der Client → Client-Details.
genesys-part-unusable = Der Genesys-Cloud-Teil des Profils { $profile } ist nicht verwendbar: { $detail }
    .fix = Geben Sie das Client Secret des OAuth-Clients erneut ein (Admin → Integrationen → OAuth → der Client → Client-Details): im Schritt Genesys Cloud der App oder mit graphwiz profile set-genesys "{ $profile }" --region … --client-id … --secret-stdin.
genesys-part-unusable-app = Der Genesys-Cloud-Teil des Profils { $profile } ist nicht verwendbar: { $detail }
    .fix = Geben Sie das Client Secret des OAuth-Clients (Admin → Integrationen → OAuth → der Client → Client-Details) im Schritt „Genesys Cloud“ erneut ein und klicken Sie auf „Speichern und prüfen“.
genesys-part-saved = Genesys-Cloud-Teil des Profils { $profile } gespeichert: Region { $region }, OAuth-Client { $client }; das Secret liegt im Schlüsselbund des Betriebssystems.
genesys-part-removed = Genesys-Cloud-Teil des Profils { $profile } entfernt und sein Secret aus dem Schlüsselbund des Betriebssystems gelöscht.
genesys-part-none = Das Profil { $profile } hat keinen Genesys-Cloud-Teil.

## Der Abholtest (Genesys Cloud holt die Mail ab)

pickup-skip = { $why ->
    [checks] Übersprungen: Beheben Sie zuerst die fehlgeschlagenen Prüfungen (es wurde keine Testmail gesendet).
    [send] Übersprungen: Die Testmail konnte nicht gesendet werden.
   *[other] Übersprungen: Die Testmail kam nicht an, also gab es für Genesys Cloud nichts abzuholen.
}
interaction-skip = { $why ->
    [checks] Übersprungen: Beheben Sie zuerst die fehlgeschlagenen Prüfungen (es wurde keine Testmail gesendet).
    [send] Übersprungen: Die Testmail konnte nicht gesendet werden.
    [receive] Übersprungen: Die Testmail kam nicht an.
   *[other] Übersprungen: Genesys Cloud hat die Testmail nicht abgeholt.
}
pickup-pass = Genesys Cloud hat die Testmail aus { $mailbox } abgeholt: Sie wurde { $secs } s nach dem Eingang als gelesen markiert, ohne dass graphwiz sie angefasst hat ({ $polls } Abfragen).
pickup-timeout = Die Testmail kam in { $mailbox } an, aber niemand hat sie innerhalb von { $secs } s als gelesen markiert: Genesys Cloud hat sie nicht abgeholt.
    .fix = In der Reihenfolge der Genesys-FAQ: (1) Die Registrierung der Integration ist nicht aktiv — deaktivieren und aktivieren Sie die Microsoft-Graph-Integration in Genesys Cloud (Admin → Integrationen → Integrationen); graphwiz erledigt das mit: graphwiz genesys restart --profile "{ $profile }"; (2) die eingehende E-Mail-Domäne ist nicht mit der Integration verknüpft (Admin → Routing → E-Mail-Domänen); (3) { $mailbox } ist nicht das Postfach, das Genesys Cloud bedient. Fügen Sie dem Profil seinen Genesys-Cloud-Teil hinzu (graphwiz profile set-genesys "{ $profile }" …), dann prüft graphwiz (1) und (2) für Sie.
pickup-timeout-app = Die Testmail kam in { $mailbox } an, aber niemand hat sie innerhalb von { $secs } s als gelesen markiert: Genesys Cloud hat sie nicht abgeholt.
    .fix = In der Reihenfolge der Genesys-FAQ: (1) Die Registrierung der Integration ist nicht aktiv — „Integration neu starten“ im Schritt „Genesys Cloud“ deaktiviert und aktiviert sie; (2) die eingehende E-Mail-Domäne ist nicht mit der Integration verknüpft (Admin → Routing → E-Mail-Domänen); (3) { $mailbox } ist nicht das Postfach, das Genesys Cloud bedient. Mit den im Schritt „Genesys Cloud“ gespeicherten Einstellungen prüft graphwiz (1) und (2) für Sie.
pickup-timeout-evidence = Die Testmail kam in { $mailbox } an, aber niemand hat sie innerhalb von { $secs } s als gelesen markiert: Genesys Cloud hat sie nicht abgeholt. Genesys Cloud meldet: { $evidence }
    .fix = In der Reihenfolge der Genesys-FAQ: (1) Die Registrierung der Integration ist nicht aktiv — starten Sie sie neu: graphwiz genesys restart --profile "{ $profile }"; (2) die eingehende E-Mail-Domäne ist nicht mit der Integration verknüpft (Admin → Routing → E-Mail-Domänen, siehe genesys_domains); (3) { $mailbox } ist nicht das Postfach, das Genesys Cloud bedient (siehe genesys_routes).
pickup-timeout-evidence-app = Die Testmail kam in { $mailbox } an, aber niemand hat sie innerhalb von { $secs } s als gelesen markiert: Genesys Cloud hat sie nicht abgeholt. Genesys Cloud meldet: { $evidence }
    .fix = In der Reihenfolge der Genesys-FAQ: (1) Die Registrierung der Integration ist nicht aktiv — klicken Sie auf „Integration neu starten“ im Schritt „Genesys Cloud“; (2) die eingehende E-Mail-Domäne ist nicht mit der Integration verknüpft (Admin → Routing → E-Mail-Domänen; dort die Prüfung „Eingehende E-Mail-Domänen“); (3) { $mailbox } ist nicht das Postfach, das Genesys Cloud bedient (die Prüfung „Eingehende Routen“).
interaction-no-part = Nicht gesucht: Das Profil hat keinen Genesys-Cloud-Teil, daher sieht graphwiz die Interaktion nicht (abgeholt wurde die Mail, siehe pickup). Fügen Sie ihn hinzu mit: graphwiz profile set-genesys "{ $profile }" …
interaction-no-part-app = Nicht gesucht: Das Profil hat keine Genesys-Cloud-Einstellungen, daher sieht graphwiz die Interaktion nicht (abgeholt wurde die Mail, siehe „Von Genesys Cloud abgeholt“). Speichern Sie sie im Schritt „Genesys Cloud“.
interaction-login-failed = Genesys Cloud hat die Mail abgeholt, graphwiz konnte sich aber nicht anmelden, um die Interaktion zu suchen ({ $detail }).
interaction-permission = Genesys Cloud hat die Mail abgeholt, der OAuth-Client darf die Interaktion aber nicht suchen: Seiner Rolle fehlt { $permission }.
    .fix = Fügen Sie der Rolle des OAuth-Clients { $permission } hinzu (Admin → Rollen/Berechtigungen), damit graphwiz die Testinteraktion finden und beenden kann; bis dahin bekommt ein Agent die Testmail und kann sie einfach abschließen.
interaction-search-failed = Genesys Cloud hat die Mail abgeholt, die Suche nach der Interaktion ist aber fehlgeschlagen: { $detail }
    .fix = Führen Sie den Abholtest erneut aus; bleibt der Fehler, nennen Sie dem Genesys Cloud Customer Care die angezeigte contextId.
interaction-missing = Genesys Cloud hat die Testmail als gelesen markiert, innerhalb von { $secs } s ({ $queries } Abfragen) aber keine Interaktion dafür angelegt. Genesys Cloud meldet: { $evidence }
    .fix = Die Antwort der FAQ auf „Mails werden als gelesen markiert, erscheinen aber nicht in Genesys Cloud“: Das System hat die Mail heruntergeladen; prüfen Sie daher die eingehende Route von { $mailbox } und ihren Flow (Admin → Routing → E-Mail-Domänen → die Route; Architect → der Inbound-E-Mail-Flow: wie er E-Mails behandelt) und dass Agenten in der Warteschlange des Flows aktiv sind (siehe genesys_routes und genesys_agents).
interaction-pass = Genesys Cloud hat die Interaktion { $conversation } in der Warteschlange { $queue } angelegt ({ $secs } s nach dem Abholen, { $queries } Abfragen); graphwiz hat sie beendet, damit kein Agent den Test bearbeiten muss.
interaction-not-ended = Genesys Cloud hat die Interaktion { $conversation } in der Warteschlange { $queue } angelegt ({ $secs } s nach dem Abholen, { $queries } Abfragen), graphwiz konnte sie aber nicht beenden: { $detail }
    .fix = Ein Agent der Warteschlange { $queue } bekommt die Testmail (Betreff „graphwiz test …“): Er kann sie ohne Antwort abschließen. Damit graphwiz sie beenden kann, fügen Sie der Rolle des OAuth-Clients conversation:communication:disconnect hinzu.

# Used by the catalog tests: an argument as it is worded, in brackets.
test-echo = [{ $value }]
