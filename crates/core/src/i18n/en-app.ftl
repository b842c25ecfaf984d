# graphwiz — English messages (app). Same ids and arguments as de-app.ftl.
# The desktop app's own texts: errors of the wizard's actions, problems of the fields it checks
# itself, the checks of the profiles view, and the shell's texts (dialogs, clipboard, browser).
# `$detail` is what the operating system or another part of graphwiz said (left as it is);
# `$os` is macos, windows or another system (its hint is chosen by it).

## Steps and the integration in the wizard

app-error-no-target = Enter and confirm the Azure app (tenant, client ID, client secret) first.
app-error-unreachable = Finish the current step first.
app-error-confirm-azure-app = Confirm the Azure app first.
app-error-invalid = { $count ->
    [one] Please correct the marked field.
   *[other] Please correct the { $count } marked fields.
}

## Saved profiles

app-error-profile-exists = A profile named '{ $name }' exists already; choose another name.
app-error-profile-not-found = There is no profile '{ $name }' (any more).
app-error-profiles = The saved profiles could not be read or written: { $detail }

## The OS keychain

app-error-secret-missing = The client secret of profile '{ $profile }' is not in the OS keychain (it may have been deleted there). Enter the secret's Value again on the Azure app step.
app-error-keychain-locked = The OS keychain is locked, or the request to unlock it was declined. { $os ->
    [macos] To unlock it, open Keychain Access, select the "login" keychain and choose File > Unlock Keychain "login" (enter your login password), then try again and click Allow or Always Allow when macOS asks whether graphwiz may use its keychain item.
    [windows] Credential Manager belongs to the signed-in Windows user: start graphwiz as the user who saved the profile, in a normal desktop sign-in (not RunAs or a restricted remote session), try again, and allow access if Windows asks.
   *[other] To unlock it, try again and enter the keyring password (usually your login password) when the "Unlock Login Keyring" window asks; or open Passwords and Keys (Seahorse), right-click the "Login" keyring, choose Unlock, and try again (KDE: open the wallet in KWallet Manager).
}
app-error-keychain-unavailable = The OS keychain is not available: { $detail }. { $os ->
    [macos] Unlock the login keychain in Keychain Access and allow graphwiz when macOS asks.
    [windows] Make sure Windows Credential Manager is available for your user account (it is not in some restricted or remote sessions).
   *[other] Start and unlock a Secret Service: GNOME Keyring (gnome-keyring-daemon, unlocked at login) or KWallet with its Secret Service interface enabled; over SSH or in a container, run graphwiz inside a desktop session or start `dbus-run-session` with an unlocked gnome-keyring-daemon.
}
app-error-keychain-failed = The OS keychain failed: { $detail }

## Administrator, endpoints, demo

app-error-admin = The administrator step did not finish: { $detail }. { $fix }
app-error-endpoints = The sign-in or Graph address is not usable: { $detail }
app-error-demo-stopped = The demo tenant is not running; start it again from the Start step.
app-error-demo-not-open = The demo tenant is not open; start it from the Start step.
app-error-demo-not-loopback = The demo tenant must run on this computer (a loopback address).
app-demo-loopback-only = the demo only talks to its own loopback emulator
app-opener-refused = graphwiz does not open { $url }
app-error-tenant-not-found = The tenant was not found, so there is nothing to consent to; correct the Directory (tenant) ID (and the cloud) on the Azure app step first.
app-error-cancelled = Stopped waiting for the administrator.
app-error-unknown-scenario = Unknown demo scenario '{ $scenario }'; known: { $known }
app-error-demo-start = The demo tenant could not be started on 127.0.0.1: { $detail }
app-error-demo-genesys-start = The demo's Genesys Cloud organization could not be started on 127.0.0.1: { $detail }

## Mailboxes and the live test

app-error-mailbox-duplicate = { $mailbox } is in the list already.
app-error-probe-configured = { $mailbox } is one of the integration's mailboxes; the scope audit needs a mailbox the app should NOT be able to read.
app-error-not-a-mailbox = { $mailbox } is not one of the integration's mailboxes; add it on the Mailboxes step first.
app-error-pickup-unconfirmed = The pickup test creates a real interaction in Genesys Cloud; confirm it first.
app-error-pickup-from-same = "Send from" is { $mailbox }, the mailbox under test itself; leave it empty to send from the mailbox to itself, or give another mailbox.

## Export, calendar, copy, import

app-error-not-checked = Run the checks first; the export contains their results.
app-error-not-validated = Not exported: not every claim is proven yet (the summary lists what is open). Prove it, or export anyway (the file then says "validated": false).
app-error-write = The file could not be written: { $detail }
app-error-expiry-unknown = The expiry date is not known yet: run the checks (graphwiz reads it from Azure) or enter it by hand.
app-error-nothing-to-copy = Nothing to copy yet: run the checks first.
app-error-read = The file could not be read: { $detail }
app-error-import = This is not a valid graphwiz config file: { $detail }
app-dialog-config-filter = graphwiz config

## Field problems the app finds itself (worded without the field's label)

app-problem-cloud = unknown cloud '{ $cloud }': use global, usgov or china
app-problem-secret-empty = is empty; copy the secret's Value from Certificates & secrets
app-problem-secret-empty-new = is empty; copy the secret's Value from Certificates & secrets (it is shown only right after the secret was created)
app-problem-secret-missing = is no longer in the OS keychain (it was deleted there); enter the secret's Value again
app-problem-expiry-bad-date = '{ $value }' is not a valid date
app-problem-expiry-not-date = '{ $value }' is not a date; write it as YYYY-MM-DD, e.g. 2027-05-31
app-problem-warn-days = give a number of days from 0 to { $max }
app-problem-genesys-secret-empty = is empty; copy it from Admin → Integrations → OAuth → the client → Client Details

## The profiles view: checks of profiles that could not run

app-check-profile-endpoints = The profile's endpoints are not usable: { $detail }.
    .fix = Open the profile and correct it on the Azure app step.
app-check-secret-missing = The client secret of this profile is not in the OS keychain.
    .fix = The client secret of profile '{ $profile }' is not in the OS keychain (it may have been deleted there). Enter the secret's Value again on the Azure app step.

## Genesys Cloud step

app-error-genesys-secret-missing = The Genesys Cloud Client Secret of profile '{ $profile }' is not in the OS keychain (it may have been deleted there). Enter it again on the Genesys Cloud step.
app-error-genesys-none = Save the Genesys Cloud OAuth client (region, Client ID, Client Secret) first.
app-error-genesys-part = The Genesys Cloud part of the profile is not usable: { $detail }
app-genesys-profile-gone = profile '{ $profile }' no longer exists

## Rotation and troubleshooter

app-error-rotate-action = unknown rotation action '{ $action }' (start, resume, roll_back)
app-error-unknown-symptom = Unknown symptom "{ $symptom }"; known: { $known }
app-error-unknown-step = '{ $step }' is not a step of { $symptom }

## The shell: limits, clipboard, browser, start at login, reminders

app-error-too-long = { $field }: the value is longer than { $max } characters
app-error-too-many-days = Too many reminder days.
app-error-too-many-profiles = Too many profiles.
app-error-clipboard = Could not copy: { $detail }
app-error-demo-external = In the demo nothing leaves this computer, so the Azure portal is not opened.
app-error-url-refused = graphwiz only opens Azure portal, Microsoft sign-in and Genesys Cloud admin pages.
app-error-opener = Could not open the browser: { $detail }
app-error-autostart = Start at login could not be changed: { $detail }
app-autostart-unreadable = Start at login can't be read on this system: { $detail }
app-error-reminder-store-open = The reminder store could not be opened: { $detail }
app-error-reminder-store-save = The reminder store could not be saved: { $detail }
app-error-ready-file-relative = { $var } must be an absolute path
app-error-ready-file-write = The start-up marker { $path } could not be written: { $detail }

## Importing a config file

app-import-holds = The file holds the integration “{ $name }”: tenant { $tenant }, Application (client) ID { $client_id }, { $mailboxes ->
    [one] 1 mailbox
   *[other] { $mailboxes } mailboxes
}, checked on { $date }. The client secret is never in a config file: you enter it on the next step.
app-import-leaves-demo = Importing closes the demo tenant that is open now (nothing of the demo is kept).
app-import-loopback-endpoint = The file points the checks at { $url }, an address on this computer: it was exported from the demo or a test set-up. Imported as it is, the checks would talk to that address instead of Microsoft; graphwiz uses Microsoft's endpoints unless you keep the test endpoints.
app-import-other-endpoint = The file points the checks at { $url }, which is not a Microsoft endpoint (a test set-up). graphwiz uses Microsoft's endpoints unless you keep the test endpoints.
app-import-not-validated = The file was not validated: a check or the live test had failed when it was written ({ $date }). Check it again after the import.
app-import-done = Imported “{ $name }” from { $file } ({ $mailboxes ->
    [one] 1 mailbox
   *[other] { $mailboxes } mailboxes
}{ $endpoints ->
    [dropped] ; the file's test endpoints were left out, the checks use { $cloud }
    [kept] ; the file's test endpoints were kept
   *[none] {""}
}). Enter the client secret to check it.
app-error-no-import = There is no file waiting to be imported; choose “Import config file” again.
app-error-fix-no-plan = There is no repair plan waiting for a yes (the integration changed, or it was cancelled). Press “Fix it” again.
app-problem-app-name-long = is longer than { $max } characters
app-problem-months = choose between 1 and { $max } months
