# graphwiz — English messages (ui). Same ids and arguments as de-ui.ftl.
# The desktop app's own texts (labels, buttons, hints). Ids are ui- + the app's key with each "." as "--"
# (step.azure_app → ui-step--azure_app). Only plain text, { $arguments } and selects on one argument.

ui-app--name = graphwiz
ui-app--tagline = Email setup for Genesys Cloud

ui-a11y--skip = Skip to content

ui-rail--label = Setup steps
ui-rail--current = current step
ui-rail--done = done
ui-rail--status--passed = passed
ui-rail--status--warning = warning
ui-rail--status--failed = failed
ui-rail--status--not_run = not checked yet
ui-rail--locked = not yet available

ui-lang--label = Language

ui-footer--versions = graphwiz { $version } · commit { $commit } · built { $date }
ui-footer--core = Core { $core }

ui-step--start = Start
ui-step--azure_app = Azure app
ui-step--permissions = Permissions & consent
ui-step--mailboxes = Mailboxes
ui-step--live_test = Live test
ui-step--secret_expiry = Secret expiry
ui-step--summary = Summary

ui-action--back = Back
ui-action--next = Next
ui-action--save_next = Save and continue
ui-action--cancel = Cancel
ui-action--dismiss = Dismiss
ui-action--check_again = Check again
ui-action--add = Add
ui-action--remove = Remove
ui-action--save = Save
ui-action--copy = Copy
ui-action--copy_command = Copy command
ui-action--open_portal = Open in Azure portal

ui-demo--tag = Demo
ui-demo--banner = Built-in test tenant on this computer — nothing is sent to Microsoft.
ui-demo--scenario = Scenario

ui-busy--starting = Preparing…
ui-busy--demo = Starting the demo tenant…
ui-busy--importing = Reading the config file…
ui-busy--saving = Saving…
ui-busy--checking = Checking tenant, app registration, permissions and mailboxes…
ui-busy--checking_all = Checking every saved profile…
ui-busy--consent = Waiting for admin consent in your browser (up to 5 minutes)…
ui-busy--consent_demo = The demo administrator is granting consent…
ui-busy--admin = Waiting for the administrator to sign in in your browser (up to 5 minutes)…
ui-busy--admin_demo = The demo administrator is signing in…
ui-busy--live = Running the live test…
ui-busy--saving_file = Writing the file…
ui-busy--loading = Loading…

ui-error--generic = That did not work.
ui-error--invalid = Please correct the marked fields.
ui-error--keychain = The OS keychain is not available.
ui-error--secret_missing = The client secret is missing from the OS keychain.
ui-error--profiles = The saved profiles could not be read or written.
ui-error--exists = A profile with this name exists already.
ui-error--not_found = This profile does not exist (any more).
ui-error--no_target = Enter and save the Azure app first.
ui-error--unreachable = Finish the current step first.
ui-error--cancelled = Stopped waiting.
ui-error--admin = The administrator step did not finish.
ui-error--tenant = The tenant was not found.
ui-error--endpoints = The sign-in or Graph address is not usable.
ui-error--demo_start = The demo tenant could not be started.
ui-error--demo_stopped = The demo tenant is not running.
ui-error--demo_not_loopback = The demo only runs on this computer.
ui-error--demo_external = Demo: the Azure portal is not opened.
ui-error--demo_external_url = Nothing leaves this computer in the demo. With a real tenant this opens: { $url }
ui-error--url_refused = graphwiz only opens Azure portal, Microsoft sign-in and Genesys Cloud admin pages.
ui-error--opener = The browser could not be opened.
ui-error--not_checked = Run the checks first.
ui-error--not_validated = Not exported: not every claim is proven yet.
ui-error--write = The file could not be written.
ui-error--read = The file could not be read.
ui-error--import = This is not a valid graphwiz config file.
ui-error--expiry_unknown = The expiry date is not known yet.
ui-error--nothing_to_copy = Nothing to copy yet.
ui-error--clipboard = Could not copy to the clipboard.
ui-error--duplicate = This mailbox is in the list already.
ui-error--probe_configured = The scope audit needs a mailbox outside the integration.
ui-error--sender = Choose one of the integration's mailboxes as sender.
ui-error--too_long = The value is too long.

ui-problem--trimmed = Spaces or line breaks around the value were removed.
ui-problem--trimmed_paste = Pasted: spaces or line breaks around the value were removed.
ui-problem--braces = The braces around the GUID were removed.
ui-problem--empty = Required: copy the value from the Azure portal.
ui-problem--empty--tenant = Required: copy the Directory (tenant) ID from the app's Overview page, or enter a verified domain such as contoso.onmicrosoft.com.
ui-problem--empty--client_id = Required: copy the Application (client) ID from the app's Overview page.
ui-problem--empty--secret = Required: copy the secret's Value from Certificates & secrets (it is shown only right after the secret was created).
ui-problem--tenant_email = This is an email address. Enter the Directory (tenant) ID (a GUID) or just the domain after the @.
ui-problem--tenant_url = This is a URL. Enter only the Directory (tenant) ID (a GUID from the app's Overview page) or a verified domain.
ui-problem--tenant_invalid = Neither a GUID nor a domain. Copy the Directory (tenant) ID from the app's Overview page in the Azure portal.
ui-problem--client_id_invalid = Not a GUID. Copy the Application (client) ID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx) from the app's Overview page — not the app's name or Object ID.
ui-problem--client_id_same_as_tenant = This is the same as the Directory (tenant) ID. The Overview page shows both, one above the other: copy the Application (client) ID.
ui-problem--secret_id = This looks like the Secret ID; copy the Value column (Certificates & secrets → Client secrets), not the Secret ID.
ui-problem--secret_inner_whitespace = Contains a space, tab or line break inside; secret values never do. Copy the Value again with the copy button.
ui-problem--secret_id_kept = Looks like a Secret ID (a GUID); kept because you confirmed it is the Value.
ui-problem--secret_whitespace_kept = Contains whitespace inside; kept as entered.
ui-problem--secret_length = Is { $n ->
    [one] { $n } character long
   *[other] { $n } characters long
}; secrets from the Azure portal are usually 40. Check that the whole Value was copied.
ui-problem--mailbox_invalid = Not a valid email address.
ui-problem--name_invalid = Use 1–64 letters, digits, spaces, '.', '_' or '-'.
ui-problem--expiry_invalid = Not a date: enter it as shown in the portal's Expires column.
ui-problem--warn_days_range = Enter a number of days from 0 to { $n }.

ui-status--pass = Passed
ui-status--warn = Warning
ui-status--fail = Failed
ui-status--skip = Skipped
ui-status--none = Not checked yet

ui-check--fix = What to do
ui-fix--copied = Copied
ui-fix--copy_failed = Could not copy: select the command and copy it yourself.
ui-check--tenant = Tenant
ui-check--credentials = Client ID and secret
ui-check--registration = App registration
ui-check--perm_mail_readwrite = Mail.ReadWrite (Application)
ui-check--perm_mail_send = Mail.Send (Application)
ui-check--perm_user_read = User.Read (Delegated)
ui-check--secret_expiry = Client secret expiry
ui-check--mailbox_access = Mailbox
ui-check--scope_audit = Scope audit
ui-check--send = Send
ui-check--receive = Receive
ui-check--mark_read = Mark as read
ui-check--cleanup = Clean up
ui-check--secret = Client secret
ui-check--profile = Profile

ui-cloud--global = Azure global (portal.azure.com)
ui-cloud--usgov = Azure US Government
ui-cloud--china = Azure China (21Vianet)

ui-start--title = Welcome to graphwiz
ui-start--purpose = Set up the Microsoft Graph email integration of Genesys Cloud and prove that it works.
ui-start--new--title = New setup
ui-start--new--desc = Step by step through the Azure app registration: directory (tenant) ID, application (client) ID, client secret, API permissions and admin consent.
ui-start--open--title = Open a saved profile
ui-start--open--desc = Continue with a tenant you have already set up or checked with graphwiz, or re-check all of them.
ui-start--import--title = Import a config file
ui-start--import--desc = Take over tenant and app settings from a file, for example one a colleague exported.
ui-start--demo--title = Try the demo tenant
ui-start--demo--desc = Walk through every step against a built-in test tenant, without a Microsoft 365 account.

ui-azure--title = Azure app
ui-azure--lead = The app registration Genesys Cloud uses. All values are on the app's pages in the Azure portal (Microsoft Entra ID → App registrations → your app).
ui-azure--demo_note = The demo tenant's values are filled in. In a real setup you copy them from the Azure portal; the hints under each field say where.
ui-azure--secret_stored = A secret is stored in the OS keychain (starts with { $hint }…). Leave the field empty to keep it.
ui-azure--secret_demo = The demo's secret (starts with { $hint }…) is held in memory by graphwiz. Leave the field empty to use it.
ui-azure--secret_keep = •••••• (stored — leave empty to keep)

ui-field--name = Profile name
ui-field--cloud = Cloud
ui-field--tenant = Directory (tenant) ID
ui-field--client_id = Application (client) ID
ui-field--secret = Client secret
ui-field--i_know = It really is the secret's Value — use it anyway
ui-field--mailbox = Mailbox address

ui-help--name = A short name for this integration, e.g. the customer or tenant. Profiles keep everything except the secret.
ui-help--cloud = Where the tenant lives. Almost every tenant is in Azure global.
ui-help--tenant = App registrations → your app → Overview → “Directory (tenant) ID”. A verified domain such as contoso.onmicrosoft.com works too.
ui-help--client_id = Same Overview page → “Application (client) ID”.
ui-help--secret = Certificates & secrets → Client secrets → copy the “Value” column (not the “Secret ID”). The Value is shown only right after the secret was created. It goes to the OS keychain, never to a file.
ui-help--open_app_registrations = Open App registrations
ui-help--open_overview = Open the app's Overview
ui-help--open_certificates = Open Certificates & secrets

ui-perm--title = Permissions & consent
ui-perm--lead = graphwiz signs in as the app and checks what Genesys Cloud needs: Mail.ReadWrite and Mail.Send as application permissions and User.Read as a delegated one, each with admin consent.
ui-perm--summary = Checked { $time }: { $pass } passed, { $warn ->
    [one] { $warn } warning
   *[other] { $warn } warnings
}, { $fail } failed.
ui-perm--others = { $n ->
    [one] 1 more problem is on another step (the summary lists it).
   *[other] { $n } more problems are on other steps (the summary lists them).
}
ui-perm--not_checked = Not checked yet.
ui-perm--consent = Grant admin consent
ui-perm--admin_verify = Sign in as admin to verify
ui-perm--consent_help = “Grant admin consent” opens Microsoft's admin consent page in your browser. Sign in as a Global Administrator or Privileged Role Administrator and accept; graphwiz waits up to 5 minutes and then checks again. The page returns to http://localhost, which must be registered on the app as a redirect URI (Authentication → Web).
ui-perm--consent_help_demo = In the demo the built-in administrator accepts the consent page at once; no browser opens.
ui-perm--admin_help = The app's own token may not read its delegated grants. An administrator can settle it: sign in in your browser (read-only permissions); the sign-in is used once and not stored.
ui-perm--admin_help_demo = In the demo the built-in administrator signs in at once; no browser opens.
ui-perm--faq--title = Which permissions, and why?
ui-perm--faq--required = Genesys Cloud needs exactly three Microsoft Graph permissions: Mail.ReadWrite (Application), Mail.Send (Application) and User.Read (Delegated), each with the green tick “Granted for <your organization>” under API permissions.
ui-perm--faq--user_read = User.Read must be Delegated, not Application: it gives access to the mailbox user's email address; without it mails cannot be read, processed, encrypted or scanned.
ui-perm--faq--ip = No IP range has to be allowed in Azure for the integration.

ui-mb--title = Mailboxes
ui-mb--lead = The mailboxes Genesys Cloud sends and receives with. graphwiz checks that each is licensed, reachable and not excluded by an application access policy.
ui-mb--empty = No mailboxes yet. Add the address Genesys Cloud uses.
ui-mb--demo_chips = Mailboxes of the demo tenant:
ui-mb--kind--healthy = works
ui-mb--kind--unlicensed = no licence
ui-mb--kind--policy-blocked = blocked by policy
ui-mb--remove_label = Remove { $address }
ui-mb--scope--title = Scope audit (optional)
ui-mb--scope--help = Enter a mailbox the app should NOT be able to read, e.g. a manager's. If the app can read it, graphwiz warns and says how to restrict the app to its own mailboxes (application access policy or RBAC for Applications). It only reads, never changes anything.
ui-mb--scope--field = Mailbox the app should not reach
ui-mb--scope--set = Use for the audit
ui-mb--scope--clear = No audit
ui-mb--scope--demo = Demo: { $mailbox } is outside the app's access policy, so the audit passes on it.
ui-mb--scope--demo_use = Use it
ui-mb--check = Check mailboxes

ui-live--title = Live test
ui-live--lead = Proof that mail flows: graphwiz sends a test mail from the mailbox, waits until it arrives, marks it read as Genesys Cloud does, and deletes it again.
ui-live--sender = Send from
ui-live--recipient = Send to
ui-live--recipient_same = the same mailbox
ui-live--run = Run live test
ui-live--phase--send = Send
ui-live--phase--receive = Receive
ui-live--phase--mark_read = Mark as read
ui-live--phase--cleanup = Clean up
ui-live--waiting = waiting… { $s } s of up to { $limit } s ({ $polls ->
    [one] { $polls } poll
   *[other] { $polls } polls
})
ui-live--latency_short = { $ms } ms
ui-live--latency = The test mail arrived after { $ms } ms ({ $time }).
ui-live--sent_only = The test mail was sent; its arrival can't be observed for this recipient.
ui-live--failed = The live test did not pass.
ui-live--faq = Genesys Cloud does not poll the mailbox: Microsoft notifies it of new mail and it fetches each mail at once, so the arrival time here is close to what customers see.

ui-exp--title = Secret expiry
ui-exp--lead = Client secrets always expire, and mail stops the moment they do. graphwiz reads the expiry from Azure and can put it in your calendar.
ui-exp--expires = Expires on
ui-exp--days_left = Time left
ui-exp--unknown = unknown
ui-exp--days_value = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
ui-exp--day_value = 1 day
ui-exp--expired_undated = Expired (said Entra ID)
ui-exp--state--ok = in good time
ui-exp--state--soon = renew soon
ui-exp--state--expired = expired
ui-exp--expired_days = expired { $n ->
    [one] { $n } day
   *[other] { $n } days
} ago
ui-exp--manual = Expiry date (as in the Expires column of Certificates & secrets)
ui-exp--reminders = Reminders
ui-exp--warn_days = Warn from this many days before expiry
ui-exp--days = days
ui-exp--alarms = The calendar entry reminds you on the same days as the desktop reminders ({ $days }; 0 is the day itself).
ui-exp--calendar = Add to calendar…
ui-exp--calendar_saved = Calendar file saved: { $path }. Open it to add the entry to Outlook, Google or Apple Calendar.
ui-exp--faq = Renew before it expires: create a new client secret (Certificates & secrets → New client secret), enter its Value in the Genesys Cloud integration, then disable and enable the integration. Change both ends without delay. Delete the old secret afterwards.

ui-sum--title = Summary
ui-sum--validated = Validated: the integration works.
ui-sum--validated_detail = { $pass ->
    [one] { $pass } check passed
   *[other] { $pass } checks passed
}, { $warn ->
    [one] { $warn } warning
   *[other] { $warn } warnings
}.
ui-sum--not_validated = Not validated yet.
ui-sum--not_validated_detail = { $fail ->
    [one] { $fail } check failed
   *[other] { $fail } checks failed
}; the list below names each with its step.
ui-sum--problems--title = What to fix
ui-sum--problems--go = Go to { $step }
ui-sum--problems--none_live = The live test has not run yet: run it on the Live test step to prove that mail flows.
ui-sum--not_checked = Not checked yet: run the checks on the Permissions step.
ui-sum--claims = What graphwiz proved
ui-sum--not_validated_open = Not every claim below is proven yet: each says what would prove it.
ui-sum--claim_optional = (not needed for “validated”)
ui-sum--genesys = Enter in Genesys Cloud
ui-sum--secret_where = The Value you entered (it is in the OS keychain; graphwiz never shows it again).
ui-sum--token_endpoint = OAuth 2.0 token endpoint (v2)
ui-sum--unknown = unknown until the tenant is found
ui-sum--copied = { $what } copied to the clipboard.
ui-sum--reminder--title = After any change in Azure:
ui-sum--reminder--text = disable and enable the Microsoft Graph integration in Genesys Cloud (Admin → Integrations → your integration → Inactive, then Active), so it picks up the new settings.
ui-sum--export--title = Config file
ui-sum--export--help = A validated record of this setup — tenant, app, mailboxes, every check and the live test — to hand over or keep for audits. It never contains the client secret.
ui-sum--export--anyway = Export even though checks failed (the file says “validated”: false)
ui-sum--export--button = Export config file…
ui-sum--exported = Exported: { $path }
ui-sum--exported_unvalidated = Exported (not validated): { $path }
ui-sum--restart = Start over

ui-profiles--nav = Saved profiles
ui-profiles--title = Saved profiles
ui-profiles--lead = Every integration graphwiz knows, with its last verdict and the days until its secret expires. Secrets stay in the OS keychain.
ui-profiles--recheck_all = Re-check all
ui-profiles--progress = { $done } of { $total } checked
ui-profiles--checking = checking…
ui-profiles--back = Back to the wizard
ui-profiles--empty = No saved profiles yet. A profile is saved when you confirm the Azure app step.
ui-profiles--demo_note = Demo tenants are never saved as profiles, and their secrets never go into the keychain. Set up a real tenant to save a profile.
ui-profiles--col--name = Profile
ui-profiles--col--tenant = Tenant
ui-profiles--col--verdict = Last check
ui-profiles--col--expiry = Secret expires in
ui-profiles--col--actions = Actions
ui-profiles--never = never checked
ui-profiles--ok = OK · { $pass } passed
ui-profiles--failed = { $fail } failed
ui-profiles--current = open
ui-profiles--open = Open
ui-profiles--open_label = Open { $name }
ui-profiles--recheck = Re-check
ui-profiles--recheck_label = Re-check { $name }
ui-profiles--remove_confirm = Really remove?
ui-profiles--remove_label = Remove { $name } and its secret

ui-scenario--healthy = Healthy tenant
ui-scenario--healthy--desc = Everything is set up as Genesys Cloud needs it: both application permissions and delegated User.Read, all with admin consent. As in every real tenant, the app's own token may not read its permission grants, so User.Read is verified by an administrator's sign-in.
ui-scenario--wrong-secret = Wrong secret
ui-scenario--wrong-secret--desc = The secret handed out is not one registered on the app (mistyped or from another app).
ui-scenario--secret-id-pasted = Secret ID pasted
ui-scenario--secret-id-pasted--desc = The secret handed out is the secret's ID instead of its Value — the most common mistake.
ui-scenario--expired-secret = Expired secret
ui-scenario--expired-secret--desc = The app's only client secret expired ten days ago.
ui-scenario--unknown-app = Unknown app
ui-scenario--unknown-app--desc = The Application (client) ID handed out is not registered in the tenant.
ui-scenario--unknown-tenant = Unknown tenant
ui-scenario--unknown-tenant--desc = The Directory (tenant) ID handed out does not exist.
ui-scenario--app-disabled = App disabled
ui-scenario--app-disabled--desc = The app exists but is disabled, so Entra ID issues no token.
ui-scenario--no-admin-consent = No admin consent
ui-scenario--no-admin-consent--desc = The permissions are requested but nobody granted admin consent, so the token carries no permissions.
ui-scenario--user-read-as-application = User.Read as Application
ui-scenario--user-read-as-application--desc = User.Read.All was added as an application permission instead of User.Read as a delegated one.
ui-scenario--mail-send-delegated = Mail.Send as Delegated
ui-scenario--mail-send-delegated--desc = Mail.Send was added as a delegated permission instead of an application permission.
ui-scenario--user-read-not-consented = User.Read without consent
ui-scenario--user-read-not-consented--desc = Everything is fine except that delegated User.Read has no admin consent.
ui-scenario--directory-reads = App reads the directory
ui-scenario--directory-reads--desc = Healthy, and the app also holds Directory.Read.All (Application), so its own token reads its permission grants and User.Read is verified without an administrator. Rare in real tenants.
ui-scenario--throttled = Throttled
ui-scenario--throttled--desc = Microsoft Graph answers the first requests with 429 Too Many Requests; graphwiz waits and retries.
ui-scenario--rbac-scoped = Restricted to one mailbox
ui-scenario--rbac-scoped--desc = An application access policy limits the app to support@ — other mailboxes are refused.
ui-scenario--mail-lost = Mail lost
ui-scenario--mail-lost--desc = Sending is accepted, but the mail never arrives — what the live test is for.
ui-scenario--send-throttled = Sending throttled
ui-scenario--send-throttled--desc = The first send attempts answer 429 Too Many Requests before the mail is accepted.
ui-scenario--policy-max-lifetime = Secret lifetime limited by policy
ui-scenario--policy-max-lifetime--desc = The tenant's app management policy lets new client secrets live at most 90 days: a new app's secret and a rotated one are capped.
ui-scenario--policy-passwords-blocked = Client secrets blocked by policy
ui-scenario--policy-passwords-blocked--desc = The tenant's app management policy blocks new client secrets: creating an app stops before anything is created, and a rotation cannot add its secret.

ui-exp--desktop = Desktop reminders: check the saved profiles daily and keep graphwiz running in the system tray when its window is closed
ui-exp--reminder_days = Remind me this many days before expiry:
ui-exp--day_30 = 30 days
ui-exp--day_14 = 14 days
ui-exp--day_7 = 7 days
ui-exp--day_3 = 3 days
ui-exp--day_1 = 1 day
ui-exp--day_0 = on the day
ui-exp--login = Start graphwiz at login (in the tray, without a window), so reminders arrive even when you don't open it

ui-reminder--title_days = Client secret expires in { $n ->
    [one] { $n } day
   *[other] { $n } days
}
ui-reminder--title_day = Client secret expires tomorrow
ui-reminder--title_today = Client secret expires today
ui-reminder--title_expired = Client secret expired { $n ->
    [one] { $n } day
   *[other] { $n } days
} ago
ui-reminder--who = { $tenant } ({ $app })
ui-reminder--via_window = No desktop notification service answered, so graphwiz shows the reminder here.
ui-reminder--via_notification = Also sent as a desktop notification.
ui-reminder--open = Open the Secret expiry step
ui-reminder--dismiss = Dismiss

ui-azure--secret_missing = The client secret of this profile is no longer in the OS keychain (it was deleted there). Enter the secret's Value again to keep using the profile.

ui-error--secret_missing_action = Enter the secret again
ui-error--autostart = Start at login could not be changed.
ui-error--reminders = The reminders could not be read.
ui-error--ready_file = The start-up marker could not be written.

ui-problem--secret_missing = No longer in the OS keychain (deleted there): enter the secret's Value again.

ui-step--genesys = Genesys Cloud

ui-action--open_genesys = Open in Genesys Cloud

ui-demo--genesys_scenario = Genesys Cloud

ui-busy--checking_genesys = Checking Azure and Genesys Cloud…
ui-busy--restarting = Restarting the integration…

ui-error--genesys = The Genesys Cloud settings are not usable.
ui-error--genesys_secret_missing = The Genesys Cloud Client Secret is missing from the OS keychain.
ui-error--genesys_none = Save the Genesys Cloud OAuth client first.
ui-error--no_demo = The demo tenant is not open.

ui-problem--genesys_secret_empty = Client Secret: required. Copy it from Admin → Integrations → OAuth → the client → Client Details.

ui-check--genesys_login = Genesys Cloud sign-in (OAuth client)
ui-check--genesys_integration = Microsoft Graph integration
ui-check--genesys_domains = Inbound email domains
ui-check--genesys_routes = Inbound routes
ui-check--genesys_agents = Agents on queue
ui-check--genesys_multi_destination = Route to multiple destinations
ui-check--genesys_restart = Restart of the integration
ui-check--genesys_recovery = Interrupted restart

ui-gen--title = Genesys Cloud
ui-gen--lead = The other end: graphwiz signs in to your Genesys Cloud organization with an OAuth client and checks that the Microsoft Graph integration is active, uses this Azure app, and that its email domains, routes and queues deliver the mail to agents.
ui-gen--optional = Optional: skip this step with Next and come back later. Without it graphwiz checks only the Azure side.
ui-gen--demo_note = The demo organization's values are filled in (region mypurecloud.de, served on this computer). In a real setup you copy them from Genesys Cloud; the hints under each field say where.
ui-gen--field--region = Region
ui-gen--field--client_id = Client ID
ui-gen--field--secret = Client Secret
ui-gen--help--region = The host in your browser's address bar when you use Genesys Cloud, e.g. apps.mypurecloud.de → mypurecloud.de.
ui-gen--help--client_id = Admin → Integrations → OAuth → the client → Client Details → Client ID. The client needs the Client Credentials grant and a role with the integrations, routing and conversation view permissions.
ui-gen--help--secret = Same page → Client Secret. It goes to the OS keychain, never to a file, and graphwiz never shows it again.
ui-gen--region_choose = Choose the region…
ui-gen--secret_stored = A Client Secret is stored in the OS keychain. Leave the field empty to keep it.
ui-gen--secret_demo = The demo's Client Secret (starts with { $hint }…) is held in memory by graphwiz. Leave the field empty to use it.
ui-gen--save = Save and check
ui-gen--remove = Remove Genesys Cloud settings
ui-gen--summary = Genesys Cloud: { $pass } passed, { $warn ->
    [one] { $warn } warning
   *[other] { $warn } warnings
}, { $fail } failed.
ui-gen--not_checked = Genesys Cloud: not checked yet.
ui-gen--restart--title = Restart the integration
ui-gen--restart--help = Disables the Microsoft Graph integration, waits until it is inactive, enables it again and waits until it is active — what Genesys Cloud asks for after any change in Azure. graphwiz never leaves it disabled: if it is interrupted, the next start enables it again.
ui-gen--restart--suggested = The integration's check failed or warned: a restart may fix it once the cause is corrected.
ui-gen--restart--button = Restart integration
ui-gen--restart--confirm_title = Restart the integration now?
ui-gen--restart--confirm_text = graphwiz disables the Microsoft Graph integration in Genesys Cloud, waits until it is inactive and enables it again. Meanwhile Genesys Cloud fetches no mail, for about { $secs } s; mail that arrives then waits in the mailbox.
ui-gen--restart--confirm_measured = That is how long the last restart took.
ui-gen--restart--confirm_typical = That is a typical time; the first restart from here measures it.
ui-gen--restart--confirm_yes = Restart now
ui-gen--remove--confirm_title = Remove the Genesys Cloud settings?
ui-gen--remove--confirm_text = graphwiz forgets the region and OAuth client of profile { $profile } and deletes its Client Secret from this computer's keychain. Genesys Cloud itself is not changed and keeps fetching mail. The Genesys checks and the restart are gone from this profile, and a secret rotation then asks you to paste the new secret into Genesys Cloud yourself.
ui-gen--remove--confirm_text_demo = graphwiz forgets the demo organization's region and OAuth client. Genesys Cloud itself is not changed and keeps fetching mail. The Genesys checks and the restart are gone until you save the settings again.
ui-gen--remove--confirm_yes = Remove the settings

ui-gscenario--healthy = Healthy organization
ui-gscenario--wrong-oauth-secret = Wrong OAuth secret
ui-gscenario--integration-error = Integration in error
ui-gscenario--integration-inactive = Integration inactive
ui-gscenario--other-app = Other Azure app
ui-gscenario--domain-error = Email domain in error
ui-gscenario--no-domain = No email domain
ui-gscenario--route-without-queue = Route without queue
ui-gscenario--nobody-on-queue = Nobody on queue
ui-gscenario--multi-destination-off = Multiple destinations off
ui-gscenario--missing-permission = Missing permission
ui-gscenario--throttled = Throttled
ui-gscenario--restart-error = Error after restart

ui-ts--nav = Something's wrong?
ui-ts--title = Something's wrong?
ui-ts--lead = Pick what you see. graphwiz goes through the answers of the Genesys Cloud FAQ in order, checks each against { $profile } and stops at the first real cause.
ui-ts--lead_demo = Pick what you see. graphwiz goes through the answers of the Genesys Cloud FAQ in order, checks each against the demo tenant and stops at the first real cause.
ui-ts--lead_none = Pick what you see. graphwiz goes through the answers of the Genesys Cloud FAQ in order and stops at the first real cause.
ui-ts--no_target = To check, set up or open an integration first (or start the demo). The help below answers the questions that need no check.
ui-ts--symptoms = What do you see?
ui-ts--allow_mail = Allow a real test mail (the pickup test creates a real interaction in Genesys Cloud; graphwiz ends it again)
ui-ts--run = Find the cause
ui-ts--back = Back to the wizard
ui-ts--progress = Checking: { $step }
ui-ts--cause = Cause found at: { $step }
ui-ts--evidence = The checks it was decided by ({ $n })
ui-ts--again = Check again
ui-ts--portal = Open where to fix it
ui-ts--no_cause = No check found a cause.
ui-ts--no_cause_detail = Look at the steps marked for you to check by hand, and at the steps not run.
ui-ts--faq = From the FAQ
ui-ts--outcome--passed = Passed
ui-ts--outcome--cause = Cause
ui-ts--outcome--manual = For you to check by hand
ui-ts--outcome--not_run = Not run (sends a real test mail)
ui-ts--outcome--skipped = Skipped
ui-ts--outcome--not_reached = Not reached
ui-ts--help--title = Help
ui-ts--help--lead = Questions of the FAQ that need no check.
ui-ts--help--search = Search the questions…
ui-ts--help--count = { $n } of { $total ->
    [one] { $total } question
   *[other] { $total } questions
}
ui-ts--help--empty = No question matches. Try another word.
ui-ts--help--source = Source: { $source }

ui-busy--diagnosing = Looking for the cause…
ui-busy--pickup = Running the pickup test…

ui-live--mode = Which test
ui-live--mode--live = Live test
ui-live--mode--live_desc = graphwiz sends, receives, marks read and deletes a test mail itself.
ui-live--mode--pickup = Pickup test (Genesys Cloud fetches the mail)
ui-live--mode--pickup_desc = graphwiz sends a test mail and waits until Genesys Cloud fetches it and creates the interaction.

ui-pickup--lead = Proof that Genesys Cloud really fetches mail from the mailbox: graphwiz sends a test mail, leaves it unread and waits until Genesys Cloud fetches it (it marks it read) and creates the interaction; then graphwiz ends the interaction and deletes the mail.
ui-pickup--no_genesys = Without the Genesys Cloud step graphwiz sees the pickup in the mailbox, but can't look up the interaction.
ui-pickup--mailbox = Mailbox Genesys Cloud serves
ui-pickup--from = Send from (optional)
ui-pickup--from_same = the mailbox itself
ui-pickup--from_help = Another mailbox of your tenant, for routing that ignores a mailbox's own mail.
ui-pickup--run = Run pickup test
ui-pickup--confirm--title = This creates a real interaction in Genesys Cloud.
ui-pickup--confirm--text = The test mail is routed like a customer's mail and can reach an agent's queue. graphwiz ends the interaction again as soon as it has found it.
ui-pickup--confirm--yes = Run the pickup test
ui-pickup--phase--sent = Sent
ui-pickup--phase--arrived = Arrived
ui-pickup--phase--fetched = Fetched by Genesys Cloud
ui-pickup--phase--interaction = Interaction found
ui-pickup--waiting = { $s } s ({ $polls })
ui-pickup--latency = Genesys Cloud fetched the test mail { $ms } ms after it arrived ({ $time }).
ui-pickup--failed = The pickup test did not pass.
ui-pickup--progress--checking = checking…
ui-pickup--progress--sending = sending the test mail…
ui-pickup--progress--waiting = waiting for the test mail…
ui-pickup--progress--waiting_pickup = waiting for Genesys Cloud to fetch it…
ui-pickup--progress--finding_interaction = looking for the interaction…
ui-pickup--progress--ending_interaction = ending the test interaction…
ui-pickup--progress--cleaning_up = deleting the test mail…

ui-check--pickup = Fetched by Genesys Cloud
ui-check--genesys_interaction = Interaction in Genesys Cloud

ui-error--pickup_unconfirmed = Confirm the pickup test first.
ui-error--pickup_from_same = "Send from" must be another mailbox.
ui-error--unknown_symptom = This symptom is not known.
ui-error--unknown_step = This step is not part of the symptom.

ui-check--rotate = Secret rotation

ui-busy--rotating = Rotating the client secret…
ui-busy--rotating_back = Rolling the rotation back…

ui-rot--title = Rotate the client secret
ui-rot--lead = graphwiz adds a new client secret in Azure, proves it, puts it into the Genesys Cloud integration and restarts it, runs a live test, and only then removes the old secret. An administrator signs in (Application.ReadWrite.All).
ui-rot--lead_manual = graphwiz adds a new client secret in Azure and proves it; you paste it into the Genesys Cloud integration (graphwiz puts it on the clipboard); after a live test graphwiz removes the old secret. An administrator signs in (Application.ReadWrite.All).
ui-rot--months = Lifetime of the new secret
ui-rot--months_unit = months
ui-rot--months_invalid = Enter 1 to { $max } months (Microsoft allows at most 24).
ui-rot--start = Rotate secret
ui-rot--resume = Resume
ui-rot--rollback = Roll back
ui-rot--confirm_title = Rotate the client secret now?
ui-rot--confirm_text = graphwiz adds a new client secret, valid for { $months } months, to the app in Azure, puts it into the Genesys Cloud integration and restarts it: Genesys Cloud fetches no mail for about { $secs } s. After a live test graphwiz removes the old secret; anything else that still uses it stops working then. If a step fails, the old secret stays and you can resume or roll back.
ui-rot--confirm_text_manual = graphwiz adds a new client secret, valid for { $months } months, to the app in Azure and puts it on the clipboard; you paste it into the Genesys Cloud integration and restart it (Genesys Cloud fetches no mail while it restarts). After a live test graphwiz removes the old secret; anything else that still uses it stops working then.
ui-rot--confirm_yes = Rotate now
ui-rot--rollback_confirm_title = Roll back the rotation?
ui-rot--rollback_confirm_restart = graphwiz puts the old secret back into the Genesys Cloud integration and restarts it: Genesys Cloud fetches no mail for about { $secs } s. Then it removes the new secret from the app in Azure. The old secret stays valid.
ui-rot--rollback_confirm_paste = You paste the old secret back into the Genesys Cloud integration (graphwiz puts it on the clipboard) and restart it; Genesys Cloud fetches no mail while it restarts. Then graphwiz removes the new secret from the app in Azure. The old secret stays valid.
ui-rot--rollback_confirm_none = Genesys Cloud still uses the old secret and is not touched, so mail keeps flowing. graphwiz removes the new secret from the app in Azure; the old secret stays valid.
ui-rot--rollback_confirm_yes = Roll back now
ui-rot--open = A rotation of this secret is open (step: { $stage }, started { $date }). Resume it, or roll it back to the old secret.
ui-rot--notice = The secret rotation of profile { $profile } was interrupted (step: { $stage }, started { $date }).
ui-rot--notice_open = Open to resume or roll back
ui-rot--phase--signing_in = Waiting for the administrator to sign in…
ui-rot--phase--paste = Waiting for you to paste the new secret into Genesys Cloud…
ui-rot--stage--adding = adding the new secret
ui-rot--stage--added = new secret added
ui-rot--stage--proven = new secret proven
ui-rot--stage--genesys_updated = Genesys Cloud updated
ui-rot--stage--restarted = integration restarted
ui-rot--stage--verified = live test passed
ui-rot--stage--removing = removing the old secret
ui-rot--paste_title = Paste the new secret into Genesys Cloud
ui-rot--paste_text = The new client secret is on the clipboard. It is not shown here.
ui-rot--paste_where = In Genesys Cloud open Admin → Integrations → Integrations → the Microsoft Graph integration → Configuration → Credentials, paste it as the client secret and save; then disable and enable the integration.
ui-rot--paste_clear = graphwiz clears the clipboard again after 60 seconds.
ui-rot--paste_done = Done, it's pasted and the integration restarted

ui-import--title = Import { $file }?
ui-import--holds = What the file holds
ui-import--warning = Before you import
ui-import--keep_endpoints = Keep the file's test endpoints (only for a test set-up; the checks then do not talk to Microsoft)
ui-import--go = Import
ui-import--go_leave_demo = Close the demo and import

ui-create--open = I don't have an app registration yet — create it for me
ui-create--lead = graphwiz creates the app registration Genesys Cloud needs in the tenant above: Mail.ReadWrite and Mail.Send (Application) and User.Read (Delegated) with admin consent, and a client secret that goes straight into this computer's keychain. It saves the profile named above and checks it. An administrator signs in once in the browser.
ui-create--lead_demo = In the demo graphwiz creates a real app registration in the demo tenant (Mail.ReadWrite and Mail.Send as Application, User.Read as Delegated, admin consent, a client secret kept in memory); the demo then continues with the new app. The built-in administrator signs in; no browser opens.
ui-create--roles = The administrator needs Cloud Application Administrator or Application Administrator to create the app, and Privileged Role Administrator or Global Administrator to grant admin consent to application permissions.
ui-create--mailbox = A mailbox the integration serves
ui-create--mailbox_help = The check after the setup reads this mailbox; add more on the Mailboxes step.
ui-create--app_name = Name of the app registration
ui-create--start = Create app registration
ui-create--confirm_title = Create the app registration in Azure?
ui-create--confirm_text = graphwiz will create the app registration '{ $app }' in tenant { $tenant }, grant admin consent to its three permissions, and add a client secret valid for { $months } months (a tenant policy may shorten it). Nothing existing is changed. If anything stops, you can resume or roll back.
ui-create--confirm_text_demo = graphwiz will create the app registration '{ $app }' in the demo tenant, grant admin consent and add a client secret valid for { $months } months. The demo then uses the new app.
ui-create--confirm_yes = Create it
ui-create--open_setup = The creation of '{ $app }' was interrupted (step: { $stage }, started { $date }). Resume it, or roll it back: graphwiz then deletes what it created.
ui-create--stage--planned = planned, nothing created yet
ui-create--stage--app_created = app registration created
ui-create--stage--adding_secret = adding the client secret
ui-create--stage--secret_added = client secret added
ui-create--stage--principal_created = enterprise application created
ui-create--stage--consented = admin consent granted
ui-create--stage--replicated = accepted by Entra ID
ui-create--stage--saved = profile saved
ui-busy--creating_app = Creating the app registration (the administrator signs in in your browser; up to 5 minutes)…
ui-busy--creating_app_demo = Creating the app registration in the demo tenant…
ui-busy--creating_app_back = Deleting what the setup created…
ui-busy--fix_signin = Waiting for the administrator to sign in in your browser (up to 5 minutes), then reading the app registration…
ui-busy--fix_signin_demo = The demo administrator signs in and graphwiz reads the app registration…
ui-busy--fixing = Repairing the app registration…
ui-perm--fix = Fix it
ui-perm--fix_help = “Fix it” signs an administrator in (Application Administrator or Cloud Application Administrator; consent needs Privileged Role Administrator or Global Administrator), shows exactly what it would change in the app registration, and changes it only after you confirm. Then it checks again.
ui-perm--fix_help_demo = In the demo the built-in administrator signs in at once; graphwiz shows what it would change and changes it only after you confirm.
ui-fix--title = graphwiz will change the app registration like this:
ui-fix--impact = Nothing else is changed. Afterwards, disable and enable the Microsoft Graph integration in Genesys Cloud so it picks up the change.
ui-fix--apply = Apply changes
ui-fix--nothing = The app registration requests the three permissions with the right types, and admin consent is granted: nothing to repair.
ui-fix--done = The app registration is repaired and its check passes. Disable and enable the Microsoft Graph integration in Genesys Cloud so it picks up the change.
ui-fix--still_failing = The changes were made, but some checks still fail: each card says what to do.
ui-error--fix = The repair could not run
