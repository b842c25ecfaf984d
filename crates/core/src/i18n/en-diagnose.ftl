# graphwiz — English texts of the troubleshooter and the help panel. Same ids as de-diagnose.ftl.
# diag-symptom-*: the symptom in the admin's words. diag-step-*: a step's title; .faq: the FAQ
# answer it comes from; .how: what to look at by hand (or how to run a test that sends mail);
# .app: the same for the desktop app, where it differs (its steps and buttons instead of commands).

diag-symptom-no-mail = The integration is active and its Test passes, but no mail is sent or received
diag-symptom-read-not-in-genesys = Mails are marked read in the mailbox, but never show up in Genesys Cloud
diag-symptom-one-interaction = A mail to several of our addresses creates only one interaction
diag-symptom-bounces = Mails to us bounce
diag-symptom-auth-after-secret-change = Authentication errors since the secret was changed or expired
diag-symptom-cannot-send = Genesys Cloud can't send mail

diag-step-azure-login = The app signs in to Entra ID (tenant, client ID, client secret)
    .faq = FAQ: "The integration is active and the Test succeeds, yet no mail is sent or received" — the registration on the Azure side must be active.
diag-step-permissions = Mail.ReadWrite and Mail.Send (Application) and User.Read (Delegated), with admin consent
    .faq = FAQ: "Which minimum Azure permissions are needed?" — the three permissions, each with the green admin consent tick.
diag-step-mailboxes = Each mailbox is licensed, reachable through Microsoft Graph and not excluded by an application access policy
    .faq = FAQ: "The integration is active and the Test succeeds, yet no mail is sent or received" — a licence per mailbox; no application access policy (RBAC for Applications in Exchange Online) blocking it.
diag-step-genesys-login = graphwiz can sign in to Genesys Cloud
    .faq = Needed to see the Genesys Cloud side of the FAQ's answers.
    .how = Without the profile's Genesys Cloud part graphwiz can't look into Genesys Cloud. Add it: graphwiz profile set-genesys "{ $profile }" --region … --client-id … --secret-stdin.
    .app = Without the Genesys Cloud part graphwiz can't look into Genesys Cloud. Add it on the wizard's Genesys Cloud step (region, OAuth client ID and secret).
diag-step-integration = The Microsoft Graph integration is active in Genesys Cloud and uses this app
    .faq = FAQ: "… yet no mail is sent or received" — make sure the registration is active; to restart it, disable and enable the Graph integration.
    .how = In Genesys Cloud open Admin → Integrations → Integrations: the Microsoft Graph integration must be Active, and its Configuration must name this app's Application (client) ID and Directory (tenant) ID.
diag-step-domains = The inbound email domain is linked to the integration and healthy
    .faq = FAQ: "… yet no mail is sent or received" — the integration serves mail only for the domains linked to it.
    .how = In Genesys Cloud open Admin → Routing → Email Domains: your mail domain must use the Microsoft Graph integration and show no error.
diag-step-routes = A route serves each mailbox
    .faq = FAQ: "… yet no mail is sent or received" — mail of an address without a route is fetched but goes nowhere.
    .how = In Genesys Cloud open Admin → Routing → Email Domains → your domain: every mailbox needs a route with a queue or a flow.
diag-step-restart-after-change = After any change in Azure: disable and enable the integration
    .faq = FAQ: "… yet no mail is sent or received" — disable and enable the Graph integration after every change of your Azure configuration, so the registration picks up the new settings.
    .how = If anything changed in Azure (permissions, consent, secret, mailboxes), restart the integration now: graphwiz genesys restart --profile "{ $profile }" (or Admin → Integrations → Integrations → Inactive, then Active).
    .app = If anything changed in Azure (permissions, consent, secret, mailboxes), restart the integration now: the button "Restart integration" on the wizard's Genesys Cloud step (or Admin → Integrations → Integrations → Inactive, then Active).
diag-step-pickup = Genesys Cloud fetches a test mail (the pickup test)
    .faq = FAQ: "Mark mails read once they are in Genesys Cloud" — the integration marks a mail read once it has transferred it.
    .how = This test sends a real test mail and creates a real interaction (graphwiz ends it again). Run it with: graphwiz diagnose --profile "{ $profile }" --symptom { $symptom } --send-test-mail, or graphwiz live-test --profile "{ $profile }" --pickup.
    .app = This test sends a real test mail and creates a real interaction (graphwiz ends it again). Tick "Allow a real test mail" and check again, or run the pickup test on the wizard's Live test step.
diag-step-route-target = The route of each mailbox goes to a queue or a flow
    .faq = FAQ: "Mails are marked read in the mailbox, but we did not get them in Genesys Cloud" — 1. check the flow linked to the inbound route.
    .how = In Genesys Cloud open Admin → Routing → Email Domains → your domain → the route of the mailbox: it needs a queue or an inbound email flow.
diag-step-flow-handling = The inbound flow handles email as intended
    .faq = FAQ: "Mails are marked read …, but not in Genesys Cloud" — 2. open the inbound flow and check how it handles email.
    .how = graphwiz can't read Architect flows. Open the route's inbound email flow in Architect and check that it transfers email to a queue (and does not disconnect it or send it elsewhere).
diag-step-agents-on-queue = Agents are on the queue that gets the mail
    .faq = FAQ: "Mails are marked read …, but not in Genesys Cloud" — 3. make sure agents are logged in on the queue the flow uses.
    .how = In Genesys Cloud open Admin → Routing → Queues → the queue → Members: agents must be members and On Queue.
diag-step-multi-destination = Route to multiple destinations is on
    .faq = FAQ: "A mail with several of our recipients creates only one interaction" — by default Genesys Cloud routes it to one address only; switch on routing to multiple destinations.
    .how = In Genesys Cloud open the inbound email settings (Admin → Routing → Email Domains, settings) and switch on route to multiple destinations.
diag-step-routes-per-address = Each of your addresses has its own route
    .faq = FAQ: "A mail with several of our recipients creates only one interaction" — only addresses with a route of their own can get an interaction of their own.
    .how = In Genesys Cloud open Admin → Routing → Email Domains → your domain: every address that should get its own interaction needs its own route.
diag-step-connection-filter = Genesys Cloud's IP addresses are in the connection filter policy
    .faq = FAQ: "Must Genesys Cloud's IP addresses be added to the connection filter policy?" — optional but strongly recommended; a blocked IP makes mails bounce.
    .how = graphwiz can't see Exchange Online Protection's policies. In the Microsoft Defender portal open Email & collaboration → Policies & rules → Threat policies → Anti-spam → Connection filter policy and add Genesys Cloud's IP addresses for your region to the IP Allow list.
diag-step-message-trace = The bounce message says why
    .faq = What graphwiz can't see: bounces (non-delivery reports) come from Exchange Online, not from Genesys Cloud.
    .how = Read the bounce message's reason, and run a message trace in the Exchange admin center (Mail flow → Message trace) for the sender and recipient: it shows which policy or rule rejected the mail.
diag-step-secret-expiry = The client secret has not expired
    .faq = FAQ: "Will there be an authentication problem when the client secret expires?" — yes; Azure has no secret without an expiry.
diag-step-genesys-secret = Genesys Cloud uses a working secret
    .faq = FAQ: "… when the client secret expires?" — when the secret changed or expired in Azure, change it in the Genesys Cloud Graph integration too, without delay.
    .how = graphwiz can't read which secret Genesys Cloud holds. In Genesys Cloud open Admin → Integrations → Integrations → the Microsoft Graph integration → Configuration → Credentials and enter the secret's current Value; then disable and enable the integration.
diag-step-change-both-ends = Change the secret on both ends without delay
    .faq = FAQ: "… when the client secret expires?" — a best practice is to make the change on both ends without delay, before the token is refreshed.
    .how = Create the new secret in Azure (App registrations → your app → Certificates & secrets → New client secret), enter its Value in Genesys Cloud right away, restart the integration (graphwiz genesys restart --profile "{ $profile }"), then delete the old secret in Azure.
    .app = Create the new secret in Azure (App registrations → your app → Certificates & secrets → New client secret), enter its Value in Genesys Cloud right away, restart the integration (the wizard's Genesys Cloud step), then delete the old secret in Azure.
diag-step-mail-send = Mail.Send is an Application permission with admin consent
    .faq = FAQ: "Which minimum Azure permissions are needed?" — Mail.Send, type Application.
diag-step-send = A test mail can be sent from the mailbox
    .faq = FAQ: "… yet no mail is sent or received" — proves that Microsoft Graph accepts mail from this mailbox for this app.
    .how = This test sends a real test mail (graphwiz deletes it again). Run it with: graphwiz diagnose --profile "{ $profile }" --symptom { $symptom } --send-test-mail, or graphwiz live-test --profile "{ $profile }".
    .app = This test sends a real test mail (graphwiz deletes it again). Tick "Allow a real test mail" and check again, or run it on the wizard's Live test step.

help-ip-ranges = Is there an IP range we must add to Azure?
    .answer = No. Azure connects to Genesys Cloud's public endpoints for all notifications.
    .source = Genesys Cloud FAQ: Microsoft Graph integration, "IP address range"
help-campaign-domain = Can a campaign/agentless domain have the same name as the inbound domain the Graph integration uses?
    .answer = Yes. Reusing a domain name is otherwise not supported in Genesys Cloud, but this case is.
    .source = Genesys Cloud FAQ: Microsoft Graph integration, "Campaign/Agentless domain"
help-fetch-frequency = How often is mail fetched from the mailboxes?
    .answer = It is not polled on a schedule: Genesys Cloud receives Microsoft's change notifications (including new mail) and the integration fetches the mail when the notification arrives. graphwiz's live test shows the send → arrival time; the pickup test shows arrival → fetched.
    .source = Genesys Cloud FAQ: Microsoft Graph integration, "How often are emails fetched"
help-why-user-read = Why does the integration need User.Read?
    .answer = It gives access to the user's email address; without it the integration can't read, process, encrypt and scan the related mail. Its type must be Delegated, not Application, with admin consent.
    .source = Genesys Cloud FAQ: Microsoft Graph integration, "Why User.Read"
help-mark-read = Are mails marked read once they are in Genesys Cloud?
    .answer = Yes, with Mail.ReadWrite (Application): the integration marks a mail read once it has transferred it to Genesys Cloud. graphwiz's pickup test uses exactly that as its proof.
    .source = Genesys Cloud FAQ: Microsoft Graph integration, "Mark emails as read"
help-token-endpoint = Where does the OAuth 2.0 token endpoint (v2) come from?
    .answer = From your Azure configuration: https://login.microsoftonline.com/<Directory (tenant) ID>/oauth2/v2.0/token (per cloud). graphwiz shows it after a check and puts it into the exported config file.
    .source = Genesys Cloud FAQ: Microsoft Graph integration, "OAuth 2.0 token endpoint (v2)"
help-restrict-mailboxes = How do I restrict the app's permissions to certain mailboxes?
    .answer = With RBAC for Applications in Exchange Online (or the older application access policies). graphwiz's scope audit checks that a mailbox outside the scope really is out of reach.
    .source = Genesys Cloud FAQ: Microsoft Graph integration, "Restrict app permissions"

## Labels of the troubleshooter's output

diag-list-header = Symptoms (graphwiz diagnose --profile NAME --symptom ID):
diag-unknown-symptom = Unknown symptom "{ $given }"; known: { $known }
diag-label-cause = Cause
diag-label-fix = What to do
diag-label-portal = Where
diag-label-again = Check again
diag-label-faq = From the FAQ
diag-label-by-hand = Look at this by hand
diag-label-not-run = Not run (sends a real test mail)
diag-label-no-cause = No check found a cause. Look at the steps marked for you by hand.
diag-label-not-reached = not reached

## Progress of a walk in the app

diag-progress-checks = Running the checks of Azure and Genesys Cloud
