# graphwiz — English messages. Every id here exists in de.ftl with the same attributes and
# arguments (a test checks). A message's value is a check's summary; `.fix` is its fix.

## Units

unit-agents = { $count ->
    [one] { $count } agent
   *[other] { $count } agents
}

## Genesys Cloud: sign-in of the OAuth client

genesys-login-pass = Genesys Cloud ({ $region }) issued a token to OAuth client { $client }.
genesys-login-refused = Genesys Cloud ({ $region }) refused OAuth client { $client }: { $error } { $detail } (HTTP { $status }).
    .fix = In Genesys Cloud open Admin → Integrations → OAuth, select the client and compare its Client ID; if the secret may be wrong, create a new one (Client Details → Reset Client Secret or a new client) and save it with: graphwiz profile set-genesys "{ $profile }" --region { $region } --client-id … --secret-stdin. The client's Grant Type must be Client Credentials.
genesys-login-refused-app = Genesys Cloud ({ $region }) refused OAuth client { $client }: { $error } { $detail } (HTTP { $status }).
    .fix = In Genesys Cloud open Admin → Integrations → OAuth, select the client and compare its Client ID; if the secret may be wrong, create a new one (Client Details → Reset Client Secret or a new client), enter it on the Genesys Cloud step and press "Save and check". The client's Grant Type must be Client Credentials.
genesys-login-error = The Genesys Cloud login ({ $region }) answered { $error } { $detail } (HTTP { $status }) for OAuth client { $client }.
    .fix = Check in Admin → Integrations → OAuth that client { $client } uses the Client Credentials grant and has a role assigned, and that the region { $region } is the one in your browser's address bar when you use Genesys Cloud.
genesys-unreachable = Genesys Cloud ({ $region }) could not be reached: { $detail }
    .fix = { $advice }
genesys-skip-login = Skipped: Genesys Cloud issued no token (see genesys_login).

## Genesys Cloud: requests

genesys-missing-permission = Genesys Cloud did not let the OAuth client read this: the role of OAuth client { $client } lacks the permission { $permission } (contextId { $context }).
    .fix = In Genesys Cloud open Admin → Roles / Permissions, edit the role assigned to OAuth client { $client } (Admin → Integrations → OAuth → Roles) and add { $permission }; then run the check again. Only this check needs it.
genesys-request-failed = Genesys Cloud answered with an error: { $detail }
    .fix = Run the check again. If it persists, give Genesys Cloud Customer Care the contextId shown.

## Genesys Cloud: the Microsoft Graph email integration

genesys-integration-no-type = This Genesys Cloud organization offers no Microsoft Graph email integration (none of its { $types } integration types is one).
    .fix = The Microsoft Graph email integration must be available in the organization: ask Genesys Cloud Customer Care or your Genesys partner to enable it, then install it under Admin → Integrations → Integrations → Add integration.
genesys-integration-none = No Microsoft Graph email integration is installed in this Genesys Cloud organization.
    .fix = In Genesys Cloud open Admin → Integrations → Integrations, add the Microsoft Graph integration, enter the Azure app's Directory (tenant) ID, Application (client) ID and client secret under Configuration, and switch it to Active.
genesys-integration-several = { $count } Microsoft Graph integrations are installed and none is configured with this profile's app: { $list }.
    .fix = Compare each integration's Configuration (Admin → Integrations → Integrations) with this profile's Application (client) ID { $client }; the one Genesys Cloud uses for your mailboxes must name the same app.
genesys-integration-other-app = Genesys Cloud uses app { $other } in integration "{ $name }", but this profile checks app { $app }.
    .fix = Either this profile has the wrong Application (client) ID, or the integration was set up with another app registration. Open the integration in Admin → Integrations → Integrations → Configuration and compare; fix the side that is wrong, then disable and enable the integration (graphwiz genesys restart --profile "{ $profile }").
genesys-integration-other-app-app = Genesys Cloud uses app { $other } in integration "{ $name }", but this profile checks app { $app }.
    .fix = Either this profile has the wrong Application (client) ID, or the integration was set up with another app registration. Open the integration in Admin → Integrations → Integrations → Configuration and compare; fix the side that is wrong (this profile's on the Azure app step), then press "Restart integration" on the Genesys Cloud step.
genesys-integration-other-tenant = Genesys Cloud uses Azure tenant { $other } in integration "{ $name }", but this profile's tenant is { $tenant }.
    .fix = Open the integration in Admin → Integrations → Integrations → Configuration and compare the Directory (tenant) ID; fix the side that is wrong, then disable and enable the integration (graphwiz genesys restart --profile "{ $profile }").
genesys-integration-other-tenant-app = Genesys Cloud uses Azure tenant { $other } in integration "{ $name }", but this profile's tenant is { $tenant }.
    .fix = Open the integration in Admin → Integrations → Integrations → Configuration and compare the Directory (tenant) ID; fix the side that is wrong (this profile's on the Azure app step), then press "Restart integration" on the Genesys Cloud step.
genesys-integration-active = Integration "{ $name }" is active in Genesys Cloud ({ $effective }) and uses this profile's app.
genesys-integration-active-unverified = Integration "{ $name }" is active in Genesys Cloud, but graphwiz could not read which Azure app it uses.
    .fix = Compare the integration's Configuration (Admin → Integrations → Integrations) with this profile's Application (client) ID { $client } by hand.
genesys-integration-error = Integration "{ $name }" reports ERROR in Genesys Cloud: { $detail }
    .fix = Fix what the message names (often the client secret: Azure portal → App registrations → your app → Certificates & secrets, then Configuration → Credentials of the integration), then disable and enable the integration: graphwiz genesys restart --profile "{ $profile }".
genesys-integration-error-app = Integration "{ $name }" reports ERROR in Genesys Cloud: { $detail }
    .fix = Fix what the message names (often the client secret: "Rotate secret" on the Secret expiry step puts a new one into Azure and Genesys Cloud), then press "Restart integration" on the Genesys Cloud step.
genesys-integration-disabled = Integration "{ $name }" is switched off (Inactive) in Genesys Cloud: no mail is received or sent.
    .fix = Switch it on: Admin → Integrations → Integrations → "{ $name }" → Active, or graphwiz genesys restart --profile "{ $profile }".
genesys-integration-disabled-app = Integration "{ $name }" is switched off (Inactive) in Genesys Cloud: no mail is received or sent.
    .fix = Switch it on: press "Restart integration" on the Genesys Cloud step (it enables the integration), or Admin → Integrations → Integrations → "{ $name }" → Active.
genesys-integration-inactive = Integration "{ $name }" is switched on but reports INACTIVE in Genesys Cloud. { $detail }
    .fix = Disable and enable the integration to restart it: graphwiz genesys restart --profile "{ $profile }".
genesys-integration-inactive-app = Integration "{ $name }" is switched on but reports INACTIVE in Genesys Cloud. { $detail }
    .fix = Disable and enable the integration to restart it: press "Restart integration" on the Genesys Cloud step.
genesys-integration-changing = Integration "{ $name }" is changing state in Genesys Cloud ({ $state }).
    .fix = Wait a minute and run the check again.
genesys-integration-unknown-state = Integration "{ $name }" reports a state graphwiz does not know: { $state }.
    .fix = Look at the integration in Admin → Integrations → Integrations; run the check again later.

## Genesys Cloud: inbound email domains

genesys-domains-none = No inbound email domain is linked to the Microsoft Graph integration ({ $count ->
        [one] { $count } domain
       *[other] { $count } domains
    } in the organization).
    .fix = In Genesys Cloud open Admin → Routing → Email Domains, add (or open) your mail domain and choose the Microsoft Graph integration for it.
genesys-domains-error = An inbound email domain of the integration reports an error: { $list }.
    .fix = Fix what the message names (mailbox access, permissions), then disable and enable the integration: graphwiz genesys restart --profile "{ $profile }". The domain's status is under Admin → Routing → Email Domains.
genesys-domains-error-app = An inbound email domain of the integration reports an error: { $list }.
    .fix = Fix what the message names (mailbox access, permissions), then press "Restart integration" on the Genesys Cloud step. The domain's status is under Admin → Routing → Email Domains.
genesys-domains-odd = An inbound email domain of the integration is not active: { $list }.
    .fix = Open the domain in Admin → Routing → Email Domains; if the integration was just changed, wait a minute, otherwise disable and enable the integration: graphwiz genesys restart --profile "{ $profile }".
genesys-domains-odd-app = An inbound email domain of the integration is not active: { $list }.
    .fix = Open the domain in Admin → Routing → Email Domains; if the integration was just changed, wait a minute, otherwise press "Restart integration" on the Genesys Cloud step.
genesys-domains-pass = { $count ->
    [one] The inbound email domain of the integration is active: { $list }.
   *[other] The { $count } inbound email domains of the integration are active: { $list }.
}
genesys-skip-domains = Skipped: the inbound email domains could not be read (see genesys_domains).
genesys-skip-no-domain = Skipped: no inbound email domain is linked to the integration.

## Genesys Cloud: routes and queues

genesys-routes-none = No inbound route serves the integration's domains: mail is fetched but goes nowhere.
    .fix = In Admin → Routing → Email Domains → your domain, add a route for each mailbox (address, queue or flow).
genesys-routes-broken = A route cannot deliver mail: { $broken }. Routes: { $list }.
    .fix = Open the route in Admin → Routing → Email Domains → your domain and give it a queue or an inbound email flow; a route in Error needs to be saved again.
genesys-routes-unserved = No route serves { $unserved }. Routes: { $list }.
    .fix = Mail to that mailbox is fetched but not routed: add a route for it under Admin → Routing → Email Domains → your domain, or remove it from the profile.
genesys-routes-pass = { $count ->
    [one] The route serves { $list }.
   *[other] { $count } routes: { $list }.
}
genesys-skip-routes = Skipped: the routes could not be read (see genesys_routes).
genesys-skip-no-queue = Skipped: no route goes to a queue.
genesys-agents-none = Nobody is on queue { $empty } (on queue/members: { $list }): mail is fetched, but no agent gets it.
    .fix = Agents must be members of the queue and go On Queue. Members: Admin → Routing → Queues → the queue → Members.
genesys-agents-flows-only = The routes go to flows ({ $flows }); graphwiz can't see which queues the flows use.
    .fix = Open the flows in Architect and check that the queues they transfer to have agents on queue.
genesys-agents-pass = Agents are on queue (on queue/members): { $list }.
genesys-agents-pass-flows = Agents are on queue (on queue/members): { $list }. Routes to flows ({ $flows }) are not counted.

## Genesys Cloud: multiple destinations

genesys-multi-on = Route to multiple destinations is on: a mail to several of your addresses creates one interaction per address.
genesys-multi-off = Route to multiple destinations is off: a mail to several of your addresses creates only one interaction (Genesys Cloud's default).
genesys-multi-off-several = Route to multiple destinations is off: a mail to several of your { $count } addresses creates only one interaction.
    .fix = If each address should get its own interaction, switch on the multiple destinations setting for inbound email in Genesys Cloud (Admin → Routing → Email Domains, settings); otherwise nothing is to be done.
genesys-multi-unknown = Genesys Cloud did not say whether route to multiple destinations is on.
    .fix = Look at the inbound email settings in Admin → Routing → Email Domains.

## Genesys Cloud: restart (disable, then enable)

genesys-restart-after-azure-change = Genesys Cloud picks up an Azure change only after the integration was disabled and enabled again: graphwiz genesys restart --profile NAME (for a profile with a Genesys Cloud part), or Admin → Integrations → Integrations → the Microsoft Graph integration → Inactive, then Active.
genesys-progress-finding = Signing in to Genesys Cloud and finding the integration…
genesys-progress-disabling = Disabling the integration…
genesys-progress-waiting-inactive = Waiting until it is inactive (now { $state })…
genesys-progress-enabling = Enabling the integration…
genesys-progress-waiting-active = Waiting until it is active (now { $state })…
genesys-restart-login = The restart did not start: Genesys Cloud issued no token ({ $detail }).
    .fix = Run graphwiz check --profile "{ $profile }" and fix genesys_login first.
genesys-restart-login-app = The restart did not start: Genesys Cloud issued no token ({ $detail }).
    .fix = Fix the check "Genesys Cloud sign-in (OAuth client)" on the Genesys Cloud step first, then restart again.
genesys-restart-not-found = The restart did not start: { $detail }
    .fix = Run graphwiz check --profile "{ $profile }" and fix genesys_integration first.
genesys-restart-not-found-app = The restart did not start: { $detail }
    .fix = Fix the check "Microsoft Graph integration" on the Genesys Cloud step first, then restart again.
genesys-restart-no-journal = The restart of "{ $name }" did not start: graphwiz could not write its restart note ({ $detail }).
    .fix = Make graphwiz's data folder writable, then try again; nothing was changed in Genesys Cloud.
genesys-restart-permission = The restart of "{ $name }" did not start: the OAuth client lacks the permission { $permission }. Nothing was changed.
    .fix = Add { $permission } to the role of the OAuth client (Admin → Roles / Permissions), or disable and enable the integration by hand in Admin → Integrations → Integrations.
genesys-restart-disable-failed = The restart of "{ $name }" did not start: the disable was refused ({ $detail }). Nothing was changed.
    .fix = Try again in a minute, or disable and enable the integration by hand in Admin → Integrations → Integrations.
genesys-restart-enable-failed = "{ $name }" was disabled, and enabling it again failed three times ({ $detail }). It is still disabled: no mail flows.
    .fix = Enable it now in Admin → Integrations → Integrations → "{ $name }" → Active. The next graphwiz command also tries again.
genesys-restart-done = Integration "{ $name }" was disabled and enabled again and is active ({ $secs } s).
genesys-restart-done-late = Integration "{ $name }" was enabled again and is active ({ $secs } s); it had not reported inactive in time ({ $detail }).
genesys-restart-error = Integration "{ $name }" was restarted and reports ERROR: { $detail }
    .fix = Fix what the message names (often the client secret in the integration's Configuration → Credentials), then restart again: graphwiz genesys restart --profile "{ $profile }".
genesys-restart-error-app = Integration "{ $name }" was restarted and reports ERROR: { $detail }
    .fix = Fix what the message names (often the client secret in the integration's Configuration → Credentials), then press "Restart integration" again.
genesys-restart-timeout = Integration "{ $name }" was enabled again but is still { $state } after { $secs } s.
    .fix = Look at the integration in Admin → Integrations → Integrations; run graphwiz check --profile "{ $profile }" in a few minutes.
genesys-restart-timeout-app = Integration "{ $name }" was enabled again but is still { $state } after { $secs } s.
    .fix = Look at the integration in Admin → Integrations → Integrations; press "Check again" on the Genesys Cloud step in a few minutes.
genesys-restart-lost = Integration "{ $name }" was enabled again, but its state could not be read afterwards ({ $detail }).
    .fix = Run graphwiz check --profile "{ $profile }" to see whether it is active.
genesys-restart-lost-app = Integration "{ $name }" was enabled again, but its state could not be read afterwards ({ $detail }).
    .fix = Press "Check again" on the Genesys Cloud step to see whether it is active.

## Genesys Cloud: an interrupted restart

genesys-recovery-no-access = A restart of "{ $name }" (profile { $profile }, { $since }) was interrupted and the integration may still be disabled; graphwiz could not check it: { $detail }
    .fix = Open Admin → Integrations → Integrations in Genesys Cloud and make sure "{ $name }" is Active, or run graphwiz genesys restart --profile "{ $profile }".
genesys-recovery-no-access-app = A restart of "{ $name }" (profile { $profile }, { $since }) was interrupted and the integration may still be disabled; graphwiz could not check it: { $detail }
    .fix = Open Admin → Integrations → Integrations in Genesys Cloud and make sure "{ $name }" is Active, or open profile { $profile } (Saved profiles) and press "Restart integration" on the Genesys Cloud step.
genesys-recovery-enabled-already = A restart of "{ $name }" (profile { $profile }, { $since }) was interrupted; the integration is enabled ({ $state }), nothing to do.
genesys-recovery-was-off = A restart of "{ $name }" (profile { $profile }, { $since }) was interrupted; the integration was already off before it, so graphwiz left it off.
    .fix = Switch it on in Admin → Integrations → Integrations if it should receive mail.
genesys-recovery-reenabled = graphwiz enabled integration "{ $name }" again (profile { $profile }): an interrupted restart ({ $since }) had left it disabled. It reports { $state }.
genesys-recovery-failed = A restart of "{ $name }" (profile { $profile }, { $since }) was interrupted and enabling the integration again failed: { $detail }
    .fix = Enable it now in Admin → Integrations → Integrations → "{ $name }" → Active. The next graphwiz command tries again.

## Genesys Cloud: input

genesys-unknown-region = Unknown Genesys Cloud region "{ $given }": give the host from your browser's address bar (e.g. mypurecloud.de) or the region name (e.g. eu_central_1). Known regions: { $known }
genesys-invalid-client-id = Client ID: "{ $value }" is not a Genesys Cloud OAuth Client ID (a GUID such as 4d3c2b1a-…); copy it from Admin → Integrations → OAuth → the client → Client Details.
genesys-secret-missing = Client Secret: none was given; pipe it with --secret-stdin or set GRAPHWIZ_GENESYS_CLIENT_SECRET.
genesys-secret-whitespace = Client Secret: it contains spaces or line breaks; copy it again from Admin → Integrations → OAuth → the client → Client Details.
genesys-part-unusable = The Genesys Cloud part of profile { $profile } can't be used: { $detail }
    .fix = Enter the OAuth client's Client Secret again (Admin → Integrations → OAuth → the client → Client Details): on the Genesys Cloud step of the app, or with graphwiz profile set-genesys "{ $profile }" --region … --client-id … --secret-stdin.
genesys-part-unusable-app = The Genesys Cloud part of profile { $profile } can't be used: { $detail }
    .fix = Enter the OAuth client's Client Secret again (Admin → Integrations → OAuth → the client → Client Details) on the Genesys Cloud step and press "Save and check".
genesys-part-saved = Genesys Cloud part of profile { $profile } saved: region { $region }, OAuth client { $client }; the secret is in the OS keychain.
genesys-part-removed = Genesys Cloud part of profile { $profile } removed, and its secret deleted from the OS keychain.
genesys-part-none = Profile { $profile } has no Genesys Cloud part.

## The pickup test (Genesys Cloud fetches the mail)

pickup-skip = { $why ->
    [checks] Skipped: fix the failed checks first (no test mail was sent).
    [send] Skipped: the test mail could not be sent.
   *[other] Skipped: the test mail was not received, so there was nothing for Genesys Cloud to fetch.
}
interaction-skip = { $why ->
    [checks] Skipped: fix the failed checks first (no test mail was sent).
    [send] Skipped: the test mail could not be sent.
    [receive] Skipped: the test mail was not received.
   *[other] Skipped: Genesys Cloud did not fetch the test mail.
}
pickup-pass = Genesys Cloud fetched the test mail from { $mailbox }: it was marked read { $secs } s after it arrived, without graphwiz touching it ({ $polls } polls).
pickup-timeout = The test mail arrived in { $mailbox }, but nothing marked it read within { $secs } s: Genesys Cloud did not fetch it.
    .fix = In the order of Genesys's FAQ: (1) the integration's registration is not active — disable and enable the Microsoft Graph integration in Genesys Cloud (Admin → Integrations → Integrations), which graphwiz does with: graphwiz genesys restart --profile "{ $profile }"; (2) the inbound email domain is not linked to the integration (Admin → Routing → Email Domains); (3) { $mailbox } is not the mailbox Genesys Cloud serves. Add the profile's Genesys Cloud part (graphwiz profile set-genesys "{ $profile }" …) and graphwiz checks (1) and (2) for you.
pickup-timeout-app = The test mail arrived in { $mailbox }, but nothing marked it read within { $secs } s: Genesys Cloud did not fetch it.
    .fix = In the order of Genesys's FAQ: (1) the integration's registration is not active — "Restart integration" on the Genesys Cloud step disables and enables it; (2) the inbound email domain is not linked to the integration (Admin → Routing → Email Domains); (3) { $mailbox } is not the mailbox Genesys Cloud serves. With the Genesys Cloud settings saved on the Genesys Cloud step, graphwiz checks (1) and (2) for you.
pickup-timeout-evidence = The test mail arrived in { $mailbox }, but nothing marked it read within { $secs } s: Genesys Cloud did not fetch it. Genesys Cloud says: { $evidence }
    .fix = In the order of Genesys's FAQ: (1) the integration's registration is not active — restart it: graphwiz genesys restart --profile "{ $profile }"; (2) the inbound email domain is not linked to the integration (Admin → Routing → Email Domains, see genesys_domains); (3) { $mailbox } is not the mailbox Genesys Cloud serves (see genesys_routes).
pickup-timeout-evidence-app = The test mail arrived in { $mailbox }, but nothing marked it read within { $secs } s: Genesys Cloud did not fetch it. Genesys Cloud says: { $evidence }
    .fix = In the order of Genesys's FAQ: (1) the integration's registration is not active — press "Restart integration" on the Genesys Cloud step; (2) the inbound email domain is not linked to the integration (Admin → Routing → Email Domains; the check "Inbound email domains" there); (3) { $mailbox } is not the mailbox Genesys Cloud serves (the check "Inbound routes").
interaction-no-part = Not looked for: the profile has no Genesys Cloud part, so graphwiz can't see the interaction (the mail was fetched, see pickup). Add it with: graphwiz profile set-genesys "{ $profile }" …
interaction-no-part-app = Not looked for: the profile has no Genesys Cloud settings, so graphwiz can't see the interaction (the mail was fetched, see "Fetched by Genesys Cloud"). Save them on the Genesys Cloud step.
interaction-login-failed = Genesys Cloud fetched the mail, but graphwiz could not sign in to look for the interaction ({ $detail }).
interaction-permission = Genesys Cloud fetched the mail, but the OAuth client may not look for the interaction: its role lacks { $permission }.
    .fix = Add { $permission } to the OAuth client's role (Admin → Roles / Permissions) to let graphwiz find and end the test interaction; until then an agent receives the test mail and can simply wrap it up.
interaction-search-failed = Genesys Cloud fetched the mail, but the search for the interaction failed: { $detail }
    .fix = Run the pickup test again; if it persists, give Genesys Cloud Customer Care the contextId shown.
interaction-missing = Genesys Cloud marked the test mail read but created no interaction for it within { $secs } s ({ $queries } queries). Genesys Cloud says: { $evidence }
    .fix = The FAQ's answer for "mails are marked read but don't show up in Genesys Cloud": the system downloaded the mail, so check the inbound route of { $mailbox } and its flow (Admin → Routing → Email Domains → the route; Architect → the inbound email flow: how it handles email), and that agents are on the flow's queue (see genesys_routes and genesys_agents).
interaction-pass = Genesys Cloud created interaction { $conversation } in queue { $queue } ({ $secs } s after the pickup, { $queries } queries); graphwiz ended it, so no agent has to handle the test.
interaction-not-ended = Genesys Cloud created interaction { $conversation } in queue { $queue } ({ $secs } s after the pickup, { $queries } queries), but graphwiz could not end it: { $detail }
    .fix = An agent on queue { $queue } will get the test mail (subject "graphwiz test …"): they can wrap it up without an answer. To let graphwiz end it, add conversation:communication:disconnect to the OAuth client's role.

# Used by the catalog tests: an argument as it is worded, in brackets.
test-echo = [{ $value }]
