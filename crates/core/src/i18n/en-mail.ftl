# graphwiz — English messages (mail). Same ids and arguments as de-mail.ftl.
# `mail-`: the mailbox checks, the scope audit and the live test; `admin-`: the administrator's
# sign-in (browser, device code), admin consent and what the administrator's token settles.
#
# A request's failure (mail-failure, referenced by the others, sees their arguments): $error is
# tls | proxy | connect (worded by en-net.ftl from $host, $detail, $via, $proxy, $source, $kind,
# $problem), graph (Microsoft Graph answered: $status, $reply = " Code: message" as Graph sent it,
# or empty) or other ($text and $advice: the network layer's own words).

mail-failure = { $error ->
        [tls] { net-tls }
        [proxy] { net-proxy }
        [connect] { net-connect }
        [graph] Microsoft Graph answered HTTP { $status }{ $reply }
       *[other] { $text }
    }
    .fix = { $error ->
        [tls] { net-tls.fix }
        [proxy] { net-proxy.fix }
        [connect] { net-connect.fix }
       *[other] { $advice }
    }

## Why a mail endpoint refused a mailbox

mail-refused-policy = An application access policy or RBAC for Applications in Exchange Online excludes { $mailbox } ("Access to OData is disabled.").
    .fix = Include the mailbox in the app's scope. Application access policy: add { $mailbox } to the mail-enabled security group the policy names (`Add-DistributionGroupMember`), then verify with `Test-ApplicationAccessPolicy -Identity { $mailbox } -AppId { $client }`. RBAC for Applications: widen the management scope of the app's role assignment, then verify with `Test-ServicePrincipalAuthorization -Identity { $client } -Resource { $mailbox }`. Policy changes can take over an hour to apply.
mail-refused-not-enabled = { $mailbox } has no usable Exchange Online mailbox: it is unlicensed, inactive, soft-deleted or hosted on-premises.
    .fix = Assign a licence that includes Exchange Online to { $mailbox } (Microsoft 365 admin center → Users → Active users → the user → Licenses and apps), or use a shared mailbox in Exchange Online; on-premises mailboxes must be moved to Exchange Online. A new licence can take up to an hour to provision the mailbox.
mail-refused-no-user = There is no mailbox { $mailbox } in this tenant.
    .fix = Check the spelling and use the mailbox's primary SMTP address (Exchange admin center → Recipients → Mailboxes).
mail-refused-permission = The app is not allowed to use { $mailbox } ("Access is denied"): Mail.ReadWrite or Mail.Send (Application) is missing or lacks admin consent.
    .fix = Fix the permission checks above (perm_mail_readwrite, perm_mail_send): add the permissions with type Application and press "Grant admin consent for <your organization>".
mail-refused-throttled = Microsoft Graph kept throttling or was unavailable for { $mailbox } (HTTP { $status }).
    .fix = Outlook allows 4 concurrent requests per app and mailbox; something else may be using the mailbox heavily. Wait a few minutes and run the check again.
mail-refused-other = Could not read { $mailbox }: { mail-failure }.
    .fix = { $error ->
        [graph] Run the check again; if it persists, check the mailbox in the Exchange admin center.
       *[other] { mail-failure.fix }
    }

## mailbox_access and scope_audit

mail-access-pass = { $mailbox } is reachable: its Inbox holds { $total ->
        [one] { $total } message
       *[other] { $total } messages
    } ({ $unread } unread).
mail-scope-open = The app can read { $mailbox }, a mailbox it does not serve: it can read every mailbox in the tenant.
    .fix = Restrict it with RBAC for Applications (Exchange Online PowerShell): create a management scope for the Genesys Cloud mailboxes (`New-ManagementScope -RecipientRestrictionFilter …`), register the app (`New-ServicePrincipal -AppId { $client } -ObjectId <Enterprise application object ID>`), assign "Application Mail.ReadWrite" and "Application Mail.Send" with that scope (`New-ManagementRoleAssignment -App { $client } -Role … -CustomResourceScope …`), then remove the unscoped Mail.ReadWrite and Mail.Send grants. Older alternative: `New-ApplicationAccessPolicy -AppId { $client } -PolicyScopeGroupId <group> -AccessRight RestrictAccess`. Changes can take over an hour; verify with `Test-ServicePrincipalAuthorization`.
mail-scope-closed = The app cannot read { $mailbox }: access is limited to the mailboxes it serves.
mail-scope-no-mailbox = The scope audit proved nothing: { $mailbox } is not a licensed mailbox of this tenant.
    .fix = Probe with an existing, licensed mailbox that the integration does not serve (e.g. a colleague's mailbox).
# $refusal: policy | not-enabled | no-user | permission | throttled | other (the refusal's own
# arguments come along).
mail-scope-undecided = The scope audit could not decide: { $refusal ->
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

## The live test: send, receive, mark_read, cleanup

# $why: checks | send | receive | outside.
mail-skip = { $why ->
        [checks] Skipped: fix the failed checks first (no test mail was sent)
        [send] Skipped: the test mail could not be sent
        [receive] Skipped: the test mail was not received
        [cancelled] Skipped: you cancelled the test
       *[outside] Skipped: delivery to an outside recipient can't be observed
    }
mail-skip-blocked = Skipped: the test mail needs these checks to pass first: { $blockers } (no test mail was sent)
mail-blocker = { $name }{ $mailbox ->
        [none] {""}
       *[other] {" "}({ $mailbox })
    }
mail-send-pass = Sent a test mail from { $sender } to { $recipient }; Microsoft Graph accepted it in { $ms } ms.
mail-receive-pass = The test mail arrived in { $recipient }'s Inbox { $ms } ms after it was sent ({ $polls ->
        [one] { $polls } poll
       *[other] { $polls } polls
    }).
mail-receive-timeout = The test mail did not arrive in { $recipient }'s Inbox within { $secs } s.
    .fix = Look at what stops it: mail flow (transport) rules in the Exchange admin center, quarantine (Microsoft Defender portal → Email & collaboration → Review → Quarantine), the connection filter policy, and the recipient address; a message trace (Exchange admin center → Mail flow → Message trace) for the subject "{ $subject }" shows where it went.
mail-receive-cancelled = You cancelled the wait for the test mail in { $recipient }'s Inbox after { $secs } s (it waits up to { $limit } s), so delivery is not proven. The test mail is deleted as after every test.
    .fix = Run the live test again when you can wait up to { $limit } s; if the mail does not arrive then, the result says where to look.
mail-receive-outside = Skipped: { $recipient } is not one of the configured mailboxes, so only sending is proven, not delivery.
mail-mark-read-pass = Marked the test mail read, as Genesys Cloud does after fetching it, and Graph confirms isRead (Mail.ReadWrite works).
mail-mark-read-unread = Marking the test mail read was accepted, but Graph still reports it unread.
    .fix = Run the live test again; if it persists, check for mailbox rules or retention policies that reset the read state.
# The text of the test mail itself (the live test words it in English: it lands in the tenant's
# mailbox, not in graphwiz).
mail-test-body = This message was sent by graphwiz to prove that mail flows for the Genesys Cloud Microsoft Graph integration. graphwiz deletes it again automatically.
mail-cleanup-pass = Deleted the test mail ({ $count ->
        [one] { $count } message
       *[other] { $count } messages
    }).
mail-cleanup-failed = The test mail could not be deleted: { mail-failure }.
    .fix = Delete the message with the subject "{ $subject }" from { $recipient } (and { $sender }'s Sent Items) by hand.

## The pickup test's evidence: the Genesys Cloud checks that did not pass ($summary: their words)

mail-evidence-first = { $check }: { $summary }
mail-evidence-next = | { $check }: { $summary }

## Administrator sign-in and admin consent

admin-consent-roles = Only a Global Administrator or a Privileged Role Administrator can grant admin consent to application permissions of Microsoft Graph (Mail.ReadWrite, Mail.Send); sign in with such an account.
admin-consent-redirect-note = The admin consent page returns to http://localhost, which must be registered on the app as a redirect URI (App registrations → your app → Authentication → Add a platform → Web → http://localhost), as Genesys Cloud's setup guide does; otherwise the page shows AADSTS50011 instead of returning to graphwiz.
admin-device-prompt = To sign in, use a web browser to open the page { $uri } and enter the code { $code } to authenticate.

## Why a sign-in, an admin read or admin consent failed ($aadsts: " (AADSTS…)" or empty;
## $message: Entra ID's own description)

admin-http = { mail-failure }
    .fix = { mail-failure.fix }
admin-listener = could not listen on 127.0.0.1 for the browser's answer: { $detail }
    .fix = graphwiz receives the browser's answer on 127.0.0.1; allow local connections (firewall or security software), or use the device code sign-in instead.
admin-random = could not get random bytes from the operating system: { $detail }
    .fix = The operating system could not supply random numbers; try again, and check the system if it persists.
admin-opener = could not open the browser: { $detail }
    .fix = Open the URL in a browser on this computer yourself, or use the device code sign-in on a machine without a browser.
# $waiting: browser | device | consent.
admin-timeout = { $waiting ->
        [browser] the browser sign-in
        [device] the device code sign-in
       *[consent] admin consent
    } did not finish within { $secs } s
    .fix = { $waiting ->
        [browser] Start again and finish the sign-in in the browser within { $secs } s (or allow more time); on a machine without a browser use the device code sign-in.
        [device] Start again, open the page shown and enter the code within { $secs } s (or allow more time).
       *[consent] Start again and finish on the consent page within { $secs } s (or allow more time). { admin-consent-redirect-note }
    }
admin-state-mismatch = the answer that reached graphwiz does not belong to this sign-in (state mismatch); no code was redeemed
    .fix = Close other sign-in tabs and start the sign-in again; only the answer to graphwiz's own request is accepted.
# $reason: declined | consent | other.
admin-sign-in-refused = the sign-in was not completed: { $error }{ $aadsts }: { $message }
    .fix = { $reason ->
        [declined] The sign-in was declined or cancelled. Start again, sign in with an administrator account of this tenant and accept the requested read permissions.
        [consent] The sign-in app needs consent for the requested read permissions; an administrator must accept them on the sign-in page (or choose another --admin-client-id).
       *[other] Look up the code at https://login.microsoftonline.com/error, correct it, and start the sign-in again.
    }
admin-pkce-mismatch = Entra ID refused the code: PKCE mismatch (AADSTS501481, the code verifier does not match the code challenge)
    .fix = Start the sign-in again (each sign-in uses a new verifier); if it repeats, a proxy may be changing the requests.
# $reason: no-app | no-consent | public-client | conditional-access | redirect | other.
admin-aad = Entra ID refused the administrator sign-in{ $aadsts }: { $message }
    .fix = { $reason ->
        [no-app] The sign-in app does not exist in this tenant; use the default Microsoft Graph Command Line Tools or give the Application (client) ID of a public client app of this tenant.
        [no-consent] The sign-in app has no consent for the requested read permissions; an administrator must accept them on the sign-in page.
        [public-client] The sign-in app must be a public client (Authentication → Allow public client flows: Yes), or use the default Microsoft Graph Command Line Tools.
        [conditional-access] A Conditional Access policy blocked the sign-in; sign in from a compliant device or location, or ask who manages Conditional Access.
        [redirect] The redirect URI is not registered on the sign-in app; use the default Microsoft Graph Command Line Tools or register http://localhost on your app (Mobile and desktop applications).
       *[other] Look up the code at https://login.microsoftonline.com/error, correct it, and start the sign-in again.
    }
admin-device-declined = the administrator declined the device code sign-in (authorization_declined)
    .fix = Start again and approve the sign-in on the device login page.
admin-device-expired = the device code expired before the sign-in was finished (expired_token)
    .fix = Start again and enter the code promptly (it is valid for about 15 minutes).
admin-bad-verification-code = Entra ID did not recognise the device code (bad_verification_code)
    .fix = Start the device code sign-in again.
# $step: redeem | browser-answer | device-start | device-finish | device-poll.
admin-unexpected = unexpected answer from Entra ID while { $step ->
        [redeem] redeeming the sign-in code
        [browser-answer] reading the browser's answer
        [device-start] starting the device code sign-in
        [device-finish] finishing the device code sign-in
       *[device-poll] polling the device code sign-in
    } (HTTP { $status })
    .fix = Check the login URL and the chosen cloud; a proxy may be answering instead of Entra ID.
# $what: app-sp | graph-sp | grants | assignments; $reason: denied | not-found | other; $scopes:
# the permissions the sign-in asks for.
admin-graph = could not { $what ->
        [app-sp] read the app's service principal
        [graph-sp] read Microsoft Graph's service principal
        [grants] read the app's delegated permission grants
       *[assignments] read the app's application permission assignments
    } with the administrator's token: { mail-failure }
    .fix = { $reason ->
        [denied] Sign in with an account that may read app registrations and their consents (Global Reader, Application Administrator, Cloud Application Administrator, Privileged Role Administrator or Global Administrator) and accept the read permissions { $scopes }.
        [not-found] Check the Application (client) ID: no such app or service principal in this tenant.
       *[other] { $error ->
            [graph] Try again; if it persists, check the Graph URL and the chosen cloud.
           *[other] { mail-failure.fix }
        }
    }
admin-consent-refused = admin consent was not granted: { $error }{ $aadsts }: { $message }
    .fix = { admin-consent-roles } { admin-consent-redirect-note }
admin-consent-no-description = the consent page returned without consent

## The page the browser shows when it comes back to graphwiz

admin-page-done = graphwiz: done
admin-page-not-done = graphwiz: not done
admin-page-not-found = Not found
admin-page-wrong-path = graphwiz is waiting for the sign-in answer on /.
admin-page-waiting = graphwiz is waiting
admin-page-no-answer = This page has no sign-in answer. Finish the sign-in in the tab graphwiz opened.
admin-page-state-sign-in = This answer does not belong to graphwiz's sign-in (state mismatch), so it was ignored. Start the sign-in again.
admin-page-state-consent = This answer does not belong to graphwiz's consent request (state mismatch), so it was ignored. Start again.
admin-page-not-signed-in = Not signed in: { $error }. { $fix }
admin-page-no-code = The answer carried no code. Start the sign-in again.
admin-page-signed-in = Signed in. You can close this tab.
admin-page-consent-granted = Admin consent granted. You can close this tab; graphwiz checks the integration again.
admin-page-no-consent = No admin consent: { $error }. { $fix }

## perm_user_read, settled by the administrator's sign-in

admin-verified-as = verified by admin sign-in as { $upn }
admin-verified = verified by admin sign-in
admin-user-read-pass = User.Read (Delegated) is granted with admin consent for all users ({ $who }).
admin-user-read-no-sp = User.Read (Delegated) has no admin consent: the app has no service principal in this tenant, so nothing was ever consented ({ $who }).
    .fix = { admin-user-read-grant }
admin-user-read-no-sp-app = User.Read (Delegated) has no admin consent: the app has no service principal in this tenant, so nothing was ever consented ({ $who }).
    .fix = { admin-user-read-grant-app }
admin-user-read-missing = User.Read (Delegated) has no admin consent ({ $who }).
    .fix = { admin-user-read-grant }
admin-user-read-missing-app = User.Read (Delegated) has no admin consent ({ $who }).
    .fix = { admin-user-read-grant-app }
admin-user-read-grant = Grant admin consent: App registrations → your app → API permissions → make sure User.Read (Delegated) is listed, then press "Grant admin consent for <your organization>"; or run graphwiz consent --tenant … --client-id …. { admin-consent-roles }
admin-user-read-grant-app = Grant admin consent: press "Grant admin consent" on the Permissions & consent step, or in the Azure portal App registrations → your app → API permissions → make sure User.Read (Delegated) is listed, then press "Grant admin consent for <your organization>". { admin-consent-roles }
