# graphwiz — English messages (store). Same ids and arguments as de-store.ftl.
# Areas: validate- (what an admin types or pastes), store- (profiles, config files, the OS
# keychain), expiry- (expiry and the calendar file), reminder- (desktop reminders).

## Field labels, as in the Azure portal ($field: tenant | client_id | secret | mailbox | name)

validate-field = { $field ->
    [tenant] Directory (tenant) ID
    [client_id] Application (client) ID
    [secret] Client secret
    [name] Profile name
   *[mailbox] Mailbox
}

## Field problems (the label is put in front; $value is what was typed)

validate-trimmed = spaces or line breaks around the value were removed
validate-tenant-empty = is empty; copy the Directory (tenant) ID from the app's Overview page, or enter a verified domain such as contoso.onmicrosoft.com
validate-tenant-braces = the braces around the GUID were removed
validate-tenant-email = '{ $value }' is an email address; enter the Directory (tenant) ID (a GUID) or just the domain after the @
validate-tenant-url = '{ $value }' is a URL; enter only the Directory (tenant) ID (a GUID from the app's Overview page) or a verified domain
validate-tenant-invalid = '{ $value }' is neither a GUID nor a domain; copy the Directory (tenant) ID from the app's Overview page in the Azure portal
validate-client-id-empty = is empty; copy the Application (client) ID from the app's Overview page
validate-client-id-invalid = '{ $value }' is not a GUID; copy the Application (client) ID (format xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx) from the app's Overview page, not the app's name or Object ID
validate-client-id-same-as-tenant = is the same as the Directory (tenant) ID; the Overview page shows both, one above the other; copy the Application (client) ID
validate-secret-empty = is empty; copy the secret's Value from Certificates & secrets (it is shown only right after the secret was created)
validate-secret-id = this looks like the Secret ID; copy the Value column (Certificates & secrets → Client secrets), not the Secret ID
validate-secret-id-kept = looks like a Secret ID (a GUID); kept because you said it is the value
validate-secret-inner-whitespace = contains a space, tab or line break inside; secret values never do; copy the Value again with the copy button
validate-secret-whitespace-kept = contains whitespace inside; kept as given
validate-secret-length = is { $count ->
        [one] { $count } character
       *[other] { $count } characters
    } long; secrets from the Azure portal are usually 40; check that the whole Value was copied
validate-mailbox-invalid = '{ $value }' is not a valid email address: { $why ->
        [no_at] it has no @
        [local] the part before the @ is empty or too long
        [local_chars] the part before the @ has characters that mail addresses cannot carry
        [domain] the part after the @ is not a domain
       *[too_long] it is longer than 254 characters
    }
validate-name-empty = is empty; give the profile a short name such as contoso-support
validate-name-too-long = '{ $value }' is longer than 64 characters
validate-name-char = '{ $value }' contains '{ $char }'; use letters, digits, spaces, '.', '_' or '-'
# A problem with its field's label in front ($label: validate-field, $problem: the problem).
validate-labelled = { $label }: { $problem }

## Profiles file ($path: a file or folder; $detail: what the OS or the JSON parser said)

store-no-data-dir = no folder for graphwiz's data could be found on this system; set { $env } to a folder graphwiz may write to
# $action: read | create_dir | open | lock | write | back_up | create_parent | create_temp | flush | replace
store-io = could not { $action ->
        [read] read
        [create_dir] create the folder
        [open] open
        [lock] lock
        [write] write
        [back_up] back up
        [create_parent] create the folder of
        [create_temp] create a temporary file next to
        [flush] flush
       *[replace] replace
    } { $path }: { $detail }
store-profiles-corrupt = the profiles file { $path } is damaged ({ $detail }); graphwiz left it untouched. Restore the previous version from { $path }.bak if it exists, or move the file aside to start with no profiles
store-json-at = line { $line }, column { $column }: { $detail }
store-profiles-no-version = no format version
store-json-detail = { $detail }
store-profiles-future = the profiles file { $path } was written by a newer graphwiz (format { $found }; this version reads format { $supported }); update graphwiz. The file was left untouched
# $known: the names of the profiles there are (a list), $count: how many
store-profile-not-found = there is no profile '{ $name }'{ $count ->
        [0] ; there are no profiles yet (add one with: graphwiz profile add NAME …)
       *[other] ; the profiles are: { $known }
    }
store-profile-exists = a profile named '{ $name }' exists already; choose another name or pass --replace to overwrite it

## Config files (export and import)

store-export-exists = { $path } exists already; choose another file or pass --force to overwrite it
store-import-read = could not read { $path }: { $detail }
store-import-too-large = it is { $bytes } bytes; a graphwiz config is far smaller (is it the right file?)
store-import-not-utf8 = it is not UTF-8 text; a graphwiz config is JSON
store-import-syntax = the file is not valid JSON: line { $line }, column { $column }: { $detail }
store-import-future = the file has format version { $found }, written by a newer graphwiz; this graphwiz reads version { $supported }. Update graphwiz, or export the file again with this version
# $problems: store-import-problem messages, one per line
store-import-invalid = the file is not a valid graphwiz config:{ $problems }
store-import-problem = {"\u000A  "}{ $pointer }: { $problem }
store-import-not-object = the file must hold one JSON object
store-import-format = must be "{ $format }"; this is not a graphwiz config file (export one with graphwiz export)
store-import-version = is missing or not a whole number
store-import-schema-unreadable = graphwiz's own schema is unreadable ({ $detail }); reinstall graphwiz
store-import-schema-invalid = graphwiz's own schema is invalid ({ $detail }); reinstall graphwiz
# $value: the value as JSON
store-import-not-guid-pattern = { $value } is not a GUID (format xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)
store-import-not-guid = '{ $value }' is not a GUID
store-import-token-endpoint = '{ $value }' does not belong to tenant { $tenant } in { $cloud }; expected { $expected }
store-import-hint = holds more than the first 3 characters of the secret; a config file never carries the secret
store-import-validated = is true although a check failed; the file was edited by hand

## The OS keychain ($os: macos | windows | linux; $detail: what the platform said)

store-keychain-platform = { $os ->
        [macos] Unlock the login keychain in Keychain Access and allow graphwiz when macOS asks
        [windows] Make sure Windows Credential Manager is available for your user account (it is not in some restricted or remote sessions)
       *[linux] Start and unlock a Secret Service: GNOME Keyring (gnome-keyring-daemon, unlocked at login) or KWallet with its Secret Service interface enabled; over SSH or in a container, run graphwiz inside a desktop session or start `dbus-run-session` with an unlocked gnome-keyring-daemon
    }
store-keychain-unlock = { $os ->
        [macos] To unlock it, open Keychain Access, select the "login" keychain and choose File > Unlock Keychain "login" (enter your login password), then run the command again and click Allow or Always Allow when macOS asks whether graphwiz may use its keychain item
        [windows] Credential Manager belongs to the signed-in Windows user: run the command again as the user who saved the profile, in a normal desktop sign-in (not RunAs, a service or a restricted remote session), and allow access if Windows asks
       *[linux] To unlock it, run the command again in your desktop session and enter the keyring password (usually your login password) when the "Unlock Login Keyring" window asks; or open Passwords and Keys (Seahorse), right-click the "Login" keyring, choose Unlock, and run the command again (KDE: open the wallet in KWallet Manager). Over SSH or without a display no unlock window can appear: unlock the keyring in the desktop session first
    }
store-keychain-unlock-app = { $os ->
        [macos] To unlock it, open Keychain Access, select the "login" keychain and choose File > Unlock Keychain "login" (enter your login password), then try again and click Allow or Always Allow when macOS asks whether graphwiz may use its keychain item.
        [windows] Credential Manager belongs to the signed-in Windows user: start graphwiz as the user who saved the profile, in a normal desktop sign-in (not RunAs or a restricted remote session), try again, and allow access if Windows asks.
       *[linux] To unlock it, try again and enter the keyring password (usually your login password) when the "Unlock Login Keyring" window asks; or open Passwords and Keys (Seahorse), right-click the "Login" keyring, choose Unlock, and try again (KDE: open the wallet in KWallet Manager).
    }
store-keychain-unavailable = the OS keychain is not available: { $detail }. { store-keychain-platform }
store-keychain-locked = the OS keychain is locked, or the request to unlock it was declined ({ $detail }). { store-keychain-unlock }
store-keychain-missing = the client secret of profile '{ $profile }' is not in the OS keychain (it may have been deleted there); store it again with: graphwiz profile add "{ $profile }" --replace … --secret-stdin
store-keychain-other = the OS keychain failed: { $detail }
# The same in the desktop app's words (it has no commands to run).
store-keychain-locked-app = The OS keychain is locked, or the request to unlock it was declined. { store-keychain-unlock-app }
store-keychain-missing-app = The client secret of profile '{ $profile }' is not in the OS keychain (it may have been deleted there). Enter the secret's Value again on the Azure app step.

## Secret expiry and the calendar file

# How an admin recognises a secret in Certificates & secrets ($kind: both | hint | description | id | none).
expiry-secret-label = { $kind ->
        [both] '{ $description }' ({ $hint }…)
        [hint] { $hint }…
        [description] '{ $description }'
        [id] { $id }
       *[none] a secret
    }
expiry-calendar-name = graphwiz: client secret expiry
expiry-calendar-summary = Client secret expires: { $app } ({ $tenant })
expiry-calendar-description = The client secret { $secret } of app { $app } (Application (client) ID { $client }) in tenant { $tenant } expires on { $date }. Before then: create a new client secret in the Azure portal (App registrations → the app → Certificates & secrets → New client secret), enter its Value in the Genesys Cloud Microsoft Graph integration, then disable and enable the integration. graphwiz profile: { $profile }.
expiry-calendar-alarm = Client secret of { $app } ({ $tenant }) expires { $days ->
        [0] today
        [one] in { $days } day
       *[other] in { $days } days
    }

## Desktop reminders ($app: the profile, $tenant; $when: future | tomorrow | today | expired_today | yesterday | past; $days: days left, or days since expiry)

reminder-title = Client secret { $when ->
        [tomorrow] expires tomorrow (1 day)
        [today] expires today
        [expired_today] expired today
        [yesterday] expired yesterday
        [past] expired { $days ->
            [one] { $days } day
           *[other] { $days } days
        } ago
       *[future] expires in { $days ->
            [one] { $days } day
           *[other] { $days } days
        }
    } — { $tenant } ({ $app })
reminder-body = The client secret of { $app } in tenant { $tenant } { $expired ->
        [yes] expired
       *[no] expires
    } on { $date }; mail from Genesys Cloud stops when it does. Create a new client secret in the Azure portal (Certificates & secrets), enter its Value in the Genesys Cloud integration, then disable and enable the integration.
reminder-tray-open = Open graphwiz
reminder-tray-check = Check now
reminder-tray-quit = Quit
expiry-calendar-secret-in-use = in use
