# graphwiz — English messages of the command line (graphwiz): its errors, progress lines, report
# and table texts, profile and expiry listings, completions and man pages. Same ids as de-cli.ftl.

cli-man-written = { $count ->
    [one] { $count } man page written to { $dir }.
   *[other] { $count } man pages written to { $dir }.
}
cli-write-failed = Could not write { $path }: { $detail }

## Line prefixes on standard error

cli-error = error: { $text }
cli-warning = warning: { $text }
cli-note = note: { $text }

## The client secret and the command's runtime

cli-secret-stdin-unreadable = could not read the client secret from standard input: { $detail }
cli-secret-env-not-utf8 = { $var } is not valid UTF-8; set it to the secret's Value as shown in the Azure portal
cli-secret-missing = no client secret given: pipe the secret's Value with --secret-stdin (e.g. from a password manager) or set { $var }; it is never accepted as an argument
cli-runtime-failed = could not start the async runtime: { $detail }
cli-genesys-secret-unreadable = could not read the Client Secret from standard input: { $detail }

## The report of a check (the status column ✔ PASS, ! WARN, ✘ FAIL, - SKIP is a fixed format)

cli-report-header = graphwiz check: tenant { $tenant } · app { $client } · { $cloud }
cli-token-endpoint = OAuth 2.0 token endpoint (v2) for Genesys Cloud: { $url }
cli-token-endpoint-unknown = unknown (the tenant was not found)
cli-what-to-do = What to do:
cli-place-azure = Azure portal
cli-place-genesys = Genesys Cloud
cli-result = Result: { $passed } passed, { $warned ->
        [one] { $warned } warning
       *[other] { $warned } warnings
    }, { $failed } failed, { $skipped } skipped.
cli-result-restart = After any change in Azure, disable and enable the Microsoft Graph integration in Genesys Cloud.
cli-verdict-more = (+{ $count } more)
cli-verdict-passed = { $count ->
    [one] { $count } check passed
   *[other] { $count } checks passed
}
cli-totals = Totals: { $count ->
        [one] { $count } profile
       *[other] { $count } profiles
    }: { $ok } ok, { $warned } with warnings, { $failed } failed.
cli-totals-hint = Run graphwiz check --profile NAME for the fixes.

## check

cli-check-what = say what to check: --tenant and --client-id, or --profile NAME, or --all
cli-check-all-none = there are no profiles in { $path } yet; add one with: graphwiz profile add NAME --tenant … --client-id … --secret-stdin
cli-user-read-decided = perm_user_read is already decided without an admin; no admin sign-in needed.
cli-check-secret-missing = The client secret of this profile is not in the OS keychain.
    .fix = It may have been deleted there; store it again with: graphwiz profile add "{ $profile }" --replace … --secret-stdin
cli-check-profile-endpoints = The profile's endpoints are not usable: { $detail }.
    .fix = Fix the profile with: graphwiz profile add "{ $profile }" --replace …

## profile list, show, add, remove

cli-profiles-none = No profiles yet in { $path }.
cli-profiles-add-hint = Add one with: graphwiz profile add NAME --tenant … --client-id … --secret-stdin
cli-no-profiles = there are no profiles yet; add one with: graphwiz profile add NAME --tenant … --client-id … --secret-stdin
cli-col-name = NAME
cli-col-tenant = TENANT
cli-col-client-id = CLIENT ID
cli-col-last-check = LAST CHECK
cli-last-check-ok = ok
cli-last-check-failed = FAILED
cli-last-check-never = never
cli-show-profile = Profile
cli-show-cloud = Cloud
cli-show-tenant = Directory (tenant) ID
cli-show-client = Application (client) ID
cli-show-mailboxes = Mailboxes
cli-show-secret = Client secret
cli-show-expires = Secret expires
cli-show-endpoints = Endpoints
cli-show-genesys = Genesys Cloud
cli-show-genesys-endpoints = Genesys endpoints
cli-show-last-check = Last check
cli-show-none = none
cli-secret-in-keychain = in the OS keychain
cli-secret-not-in-keychain = MISSING from the OS keychain; store it again with profile add --replace
cli-secret-keychain-unknown = unknown ({ $detail })
cli-secret-hint = , hint { $hint }…
cli-show-endpoints-value = login { $login }, Graph { $graph }
cli-show-genesys-value = region { $region }, OAuth client { $client } (secret in the OS keychain)
cli-show-genesys-endpoints-value = login { $login }, API { $api }
cli-show-genesys-not-set = not set (graphwiz profile set-genesys "{ $profile }" --region … --client-id … --secret-stdin)
cli-show-never-checked = never (run graphwiz check --profile "{ $profile }")
cli-profile-add-what = give --tenant and --client-id of the app registration
cli-old-secret-not-removed = the previous secret of '{ $profile }' could not be removed from the OS keychain: { $detail }
cli-profile-saved = Profile '{ $profile }' saved in { $path }. The client secret (hint { $hint }…) is in the OS keychain (service '{ $service }', account '{ $account }').
cli-profile-removed = { $secret ->
    [true] Profile '{ $profile }' removed, with its client secret in the OS keychain.
   *[false] Profile '{ $profile }' removed (its keychain entry was already gone).
}
cli-profile-gone = profile '{ $profile }' no longer exists

## Admin sign-in and consent

cli-sign-in-unknown = unknown admin sign-in '{ $given }': use { $browser } or { $device }
cli-consent-roles = Only a Global Administrator or a Privileged Role Administrator can grant admin consent to application permissions of Microsoft Graph (Mail.ReadWrite, Mail.Send); sign in with such an account.
cli-consent-url-note = Open it signed in as an administrator of the tenant. { cli-consent-roles } The page returns to { $redirect }, which must be registered on the app as a redirect URI.
cli-redirect-bad = --redirect-uri: '{ $uri }' { $why ->
        [not-url] is not a URL ({ $detail })
        [plain-http] uses plain http to a host other than localhost
        [fragment] must not have a #fragment
       *[scheme] must start with https:// or http://localhost
    }; give a redirect URI registered on the app, such as { $default }
cli-browser-opened = Opened the system browser. If no page appeared, open this URL in a browser on this computer:
cli-browser-failed = could not open a browser ({ $detail }); open this URL in a browser on this computer:
cli-open-url = Open this URL in a browser on this computer:
cli-admin-client-id-bad = --admin-client-id: '{ $given }' is not a GUID; give the Application (client) ID of a public client app, or leave it out to use Microsoft Graph Command Line Tools
cli-sign-in-browser = Administrator sign-in: sign in as an administrator of the tenant in the browser (waiting up to { $secs } s)…
cli-sign-in-device-waiting = Waiting for the administrator to sign in (up to { $secs } s)…
cli-signed-in = Signed in.
cli-signed-in-as = Signed in as { $upn }.
cli-consent-what = say which app to consent to: --tenant and --client-id (and the secret with --secret-stdin or GRAPHWIZ_CLIENT_SECRET, to check before and after)
cli-consent-no-tenant = the tenant was not found, so there is nothing to consent to; correct --tenant (and --cloud) first.
cli-consent-before = Before consent: { $passed } passed, { $warned ->
        [one] { $warned } warning
       *[other] { $warned } warnings
    }, { $failed } failed.
cli-consent-waiting = Admin consent for app { $client }: { cli-consent-roles } Waiting up to { $secs } s for the consent page to return.
cli-consent-granted = Admin consent granted; checking again.
cli-consent-settling = Nothing changed yet; Entra ID may take a moment to apply consent. Checking again in { $secs } s…
cli-changes = Changes after admin consent:
cli-changes-none = Changes after admin consent: none.
cli-change-new = new: { $status }
cli-unchanged = Unchanged: { $list }.
cli-rotate-needs-admin = this needs an administrator's sign-in: add --admin-sign-in browser or --admin-sign-in device-code (an owner of the app, an Application Administrator or a Cloud Application Administrator, consenting to { $scope })
cli-setup-needs-mailbox = setup needs at least one mailbox the integration serves: add --mailbox ADDRESS (repeat it for more)
cli-setup-roles = The administrator signs in and consents to { $scopes }. Creating the app needs Cloud Application Administrator or Application Administrator; admin consent to Mail.ReadWrite and Mail.Send needs Privileged Role Administrator or Global Administrator.

## Secret expiry and reminders

cli-col-profile = PROFILE
cli-col-expires = EXPIRES
cli-col-days-left = DAYS LEFT
cli-col-state = STATE
cli-expiry-state = { $state ->
    [ok] ok
    [soon] soon
    [expired] expired
   *[unknown] unknown
}
cli-expiry-unknown-date = unknown
cli-expiry-unknown-hint = Unknown: run graphwiz check --profile NAME (or expiry --refresh) to read the date from Azure, or enter it: graphwiz profile set-expiry NAME YYYY-MM-DD.
cli-reminders-none = no expiry date is known for { $profiles }; run graphwiz check --profile NAME first, or enter the date with graphwiz profile set-expiry NAME YYYY-MM-DD
cli-reminders-written = Wrote { $path } with { $count ->
        [one] { $count } event
       *[other] { $count } events
    }, each with reminders { $days } days before and on the day itself (the days of the app's desktop reminders).
cli-reminders-skipped = no expiry date known for { $profiles }: not in the calendar
cli-date-invalid = '{ $given }' is not a valid date
cli-date-unreadable = '{ $given }' is not a date; write it as YYYY-MM-DD, e.g. 2027-05-31
cli-set-expiry-bad = Secret expiry: { $detail }
cli-set-expiry-done = The secret of '{ $profile }' is recorded to expire on { $date }.

## diagnose

cli-diag-bad-step = --from-step: '{ $step }' is not a step of { $symptom }; its steps: { $steps }
cli-diag-which-profile = say which profile to diagnose: --profile NAME (graphwiz profile list shows them)

## live-test progress

cli-live-mailbox-needed = give the mailbox to test with --mailbox ADDRESS (the mailbox Genesys Cloud sends and receives with), or a profile that has one
cli-live-checking = checking the app registration and mailboxes…
cli-live-sending = sending the test mail…
cli-live-waiting = waiting for the test mail… { $secs } s ({ $polls ->
        [one] { $polls } poll
       *[other] { $polls } polls
    })
cli-live-marking-read = marking it read…
cli-live-deleting = deleting the test mail…
cli-live-waiting-pickup = waiting for Genesys Cloud to fetch it… { $secs } s ({ $polls ->
        [one] { $polls } poll
       *[other] { $polls } polls
    })
cli-live-finding-interaction = fetched; looking for the interaction in Genesys Cloud… { $secs } s ({ $queries ->
        [one] { $queries } query
       *[other] { $queries } queries
    })
cli-live-ending-interaction = ending the test interaction…

## export and import

cli-export-what = say what to export: --profile NAME, or --tenant and --client-id
cli-export-no-recent = profile '{ $profile }' has no check from the last { $hours ->
        [one] hour
       *[other] { $hours } hours
    }; run without --from-last to check it now
cli-export-not-written = not written: { $verdict } Fix what it names (`graphwiz check` and `graphwiz live-test` show the details), or pass --allow-failed to write the file with "validated": false.
cli-export-written = Wrote { $path } (validated: { $validated ->
        [true] true
       *[false] false
    }). OAuth 2.0 token endpoint (v2) for Genesys Cloud: { $endpoint }
cli-import-bad-file = { $path }: { $detail }
cli-import-no-name = the file names no profile; give one with --name NAME
cli-import-hint-differs = Client secret: the secret given starts with '{ $given }', the exported one started with '{ $exported }'; if the secret was renewed, this is expected
cli-imported = Imported '{ $profile }' from { $path } (validated: { $validated ->
        [true] true
       *[false] false
    }, checked { $checked }). Check it now with: graphwiz check --profile "{ $profile }"
