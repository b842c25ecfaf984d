# graphwiz — English messages (azure). Same ids and arguments as de-azure.ftl.
# The Azure side of a check (tenant discovery, the client-credentials token, the app
# registration, the three permissions, the secret's expiry) and the errors of the Microsoft-side
# reads. Arguments: $cloud (global | usgov | china), $kind and $wrong_kind (application |
# delegated), $perm and $wrong (permission names as the portal shows them), $date (a date),
# $days and $count (numbers: plural forms), $detail and $advice (nested messages: the lower
# layer's words), $tail (nested messages appended to a summary), $more (yes | no: another item
# of a list follows). Referenced messages see the arguments of the message that references them.

## Pieces

azure-cloud-name = { $cloud ->
        [usgov] Azure US Government
        [china] Azure China (21Vianet)
       *[global] Azure global
    }
azure-cloud-unknown = unknown cloud '{ $value }': use global, usgov or china
# The lower layer's words as they are (network errors the catalog has no message for).
azure-detail = { $detail }
# The advice of a network error the catalog words (en-net.ftl), as a message of its own.
azure-kind = { $kind ->
        [application] Application
       *[delegated] Delegated
    }
azure-wrong-kind = { $wrong_kind ->
        [application] Application
       *[delegated] Delegated
    }
azure-kind-tab = { $kind ->
        [application] Application permissions
       *[delegated] Delegated permissions
    }
azure-app-name = { $named ->
        [yes] '{ $name }'
       *[no] The app
    }

## Tenant discovery

azure-tenant-found = Tenant { $tenant_id } exists in { azure-cloud-name }.
azure-tenant-found-as = Tenant '{ $tenant }' exists in { azure-cloud-name } with Directory (tenant) ID { $tenant_id }.
azure-tenant-not-found = Tenant '{ $tenant }' was not found in { azure-cloud-name }.
    .fix = Copy the Directory (tenant) ID from the app's Overview page (Microsoft Entra ID → App registrations → your app). If the tenant is in another cloud (Azure US Government or China), choose that cloud. Current cloud: { azure-cloud-name }.
azure-tenant-invalid = '{ $tenant }' is neither a valid tenant ID nor a domain name.
    .fix = Enter the Directory (tenant) ID (a GUID from the app's Overview page) or a verified domain such as contoso.onmicrosoft.com.
azure-tenant-refused = Entra ID refused the tenant '{ $tenant }': { $message }
    .fix = Check the Directory (tenant) ID on the app's Overview page and the chosen cloud.
azure-tenant-lookup-failed = Could not look up the tenant: { $detail }.
    .fix = { $advice }
azure-tenant-unexpected = The sign-in service gave an unexpected answer (HTTP { $status }) for tenant '{ $tenant }'.
    .fix = Check the login URL and the chosen cloud; a proxy may be answering instead of Entra ID.
azure-skip-no-tenant = Skipped: the tenant was not found
azure-skip-unreachable = Skipped: Entra ID could not be reached, so nothing was looked up (see the first check)
azure-skip-no-token = Skipped: no token was issued (see credentials)

## The token (client credentials), by AADSTS code

azure-credentials-ok = Entra ID issued a token to app { $client_id } with this client secret.
azure-token-failed = Could not get a token: { $detail }.
    .fix = { $advice }
azure-token-unexpected = The token endpoint gave an unexpected answer (HTTP { $status }).
    .fix = Check the login URL and the chosen cloud; a proxy may be answering instead of Entra ID.
azure-secret-rejected = The client secret was rejected: { $entered ->
        [secret_id] what was entered is the secret's Secret ID, not its Value.
       *[value] it is not a valid secret of this app (wrong or mistyped value).
    }
    .fix = In the Azure portal open App registrations → your app → Certificates & secrets → Client secrets and copy the secret's Value, not the Secret ID. The Value is shown only right after the secret was created; if it is hidden, create a New client secret, copy its Value, and update it in Genesys Cloud too.
azure-secret-expired = The client secret has expired.
    .fix = Create a new client secret (Certificates & secrets → New client secret) and copy its Value; update the secret in the Genesys Cloud Microsoft Graph integration (Admin → Integrations → Configuration → Credentials); then disable and enable the integration in Genesys Cloud.
azure-expiry-expired-by-entra = The client secret has expired: Entra ID refused it with AADSTS7000222{ $date ->
        [unknown] {""}
       *[other] {" "}(it expired on { $date })
    }.
    .fix = Create a new client secret in the Azure portal (App registrations → your app → Certificates & secrets → New client secret) and copy its Value; enter it in the Genesys Cloud Microsoft Graph integration (Admin → Integrations → Configuration → Credentials), then disable and enable the integration. graphwiz rotate does all of it in one go.
azure-expiry-expired-by-entra-app = The client secret has expired: Entra ID refused it with AADSTS7000222{ $date ->
        [unknown] {""}
       *[other] {" "}(it expired on { $date })
    }.
    .fix = Create a new client secret in the Azure portal (App registrations → your app → Certificates & secrets → New client secret) and copy its Value; enter it in the Genesys Cloud Microsoft Graph integration (Admin → Integrations → Configuration → Credentials), then disable and enable the integration. "Rotate secret" on the Secret expiry step does all of it in one go.
azure-app-not-found = No application with Application (client) ID { $client_id } exists in this tenant.
    .fix = Copy the Application (client) ID from the app's Overview page, and check that the app is registered in this tenant (its Directory (tenant) ID is on the same page).
azure-app-disabled = The application is disabled in this tenant.
    .fix = In the Azure portal open Enterprise applications → your app → Properties, set "Enabled for users to sign in?" to Yes and Save. If Microsoft disabled the app, its Overview page says why.
azure-no-secret = No client secret reached Entra ID.
    .fix = Give the secret's Value on standard input (--secret-stdin) or in GRAPHWIZ_CLIENT_SECRET.
azure-scope-refused = Entra ID refused the requested scope: { $message }
    .fix = Choose the cloud the tenant lives in (global, usgov or china); the scope is derived from it.
azure-conditional-access = A Conditional Access policy blocked the app's sign-in.
    .fix = In Microsoft Entra ID → Security → Conditional Access, exclude this app (workload identity) from the blocking policy or allow its location.
azure-token-tenant-refused = Entra ID did not accept the tenant: { $message }
    .fix = Copy the Directory (tenant) ID from the app's Overview page and choose the right cloud.
azure-token-refused = Entra ID refused the token request ({ $error }): { $message }
    .fix = Look up the code at https://login.microsoftonline.com/error and correct the app registration; then run the check again.

## Fixes of the permission checks (also nested in the registration check's fix)

azure-fix-consent = In the Azure portal open App registrations → your app → API permissions and press "Grant admin consent for <your organization>" (a Global Administrator or Privileged Role Administrator must do this). Then disable and enable the Microsoft Graph integration in Genesys Cloud.
azure-fix-add = In the Azure portal open App registrations → your app → API permissions → Add a permission → Microsoft Graph → { azure-kind-tab }, tick { $perm }, press Add permissions, then "Grant admin consent for <your organization>".
azure-fix-wrong-kind = In the Azure portal open App registrations → your app → API permissions: remove { $wrong } (type { azure-wrong-kind }) unless something else needs it, then Add a permission → Microsoft Graph → { azure-kind-tab } → { $perm } → Add permissions, and press "Grant admin consent for <your organization>".

## The app registration

azure-registration-ok = { azure-app-name } requests Mail.ReadWrite (Application), Mail.Send (Application) and User.Read (Delegated).
azure-registration-problems = { azure-app-name }: { $problems }.
    .fix = { $fixes }
azure-registration-wrong-kind = { $perm } is requested as { azure-wrong-kind } ({ $wrong }) but Genesys Cloud needs { $perm } ({ azure-kind }){ $more ->
        [yes] ;
       *[no] {""}
    }
azure-registration-not-requested = { $perm } ({ azure-kind }) is not requested{ $more ->
        [yes] ;
       *[no] {""}
    }
azure-registration-unreadable = Could not read the app registration: { $throttled ->
        [yes] Microsoft Graph kept throttling the requests (429 Too Many Requests)
       *[no] { $detail }
    }.
    .fix = { $advice }

## Mail.ReadWrite and Mail.Send (Application)

azure-perm-granted = { $perm } ({ azure-kind }) is granted with admin consent (it is in the token's roles).
azure-perm-no-consent = { $perm } ({ azure-kind }) is requested but admin consent was not granted{ $no_roles ->
        [yes] {" "}(the token carries no application permissions at all)
       *[no] {""}
    }.
    .fix = { azure-fix-consent }
azure-perm-wrong-kind = { $perm } ({ azure-kind }) is not granted: it was added as { azure-wrong-kind } ({ $wrong }).
    .fix = { azure-fix-wrong-kind }
azure-perm-not-requested = { $perm } ({ azure-kind }) is not granted: the app does not request it.
    .fix = { azure-fix-add }
azure-perm-not-in-roles = { $perm } ({ azure-kind }) is not granted (it is not in the token's roles).
    .fix = Make sure { $perm } is added with type { azure-kind } under API permissions, then press "Grant admin consent for <your organization>".
azure-perm-unconfirmed = { $perm } ({ azure-kind }) is requested, but admin consent could not be confirmed because the access token could not be read.
    .fix = Check in the Azure portal (API permissions) that the Status column shows a green tick "Granted for <your organization>" for this permission.
azure-perm-wrong-kind-unread = { $perm } ({ azure-kind }) is not requested: it was added as { azure-wrong-kind } ({ $wrong }).
    .fix = { azure-fix-wrong-kind }
azure-perm-not-requested-unread = { $perm } ({ azure-kind }) is not requested by the app.
    .fix = { azure-fix-add }
azure-perm-unverifiable = Could not verify { $perm } ({ azure-kind }): neither the token nor the app registration could be read.
    .fix = Check in the Azure portal (API permissions) that this permission is listed with type Application and a green tick "Granted for <your organization>".

## User.Read (Delegated)

azure-user-read-wrong-kind = User.Read (Delegated) is missing: it was added as { azure-wrong-kind } ({ $wrong }).
    .fix = { azure-fix-wrong-kind }
azure-user-read-not-requested = User.Read (Delegated) is not requested by the app.
    .fix = { azure-fix-add }
azure-user-read-granted = User.Read (Delegated) is granted with admin consent for all users.
azure-user-read-no-consent = User.Read (Delegated) has no admin consent.
    .fix = { azure-fix-consent }
azure-user-read-unverified = Could not verify admin consent for User.Read (Delegated): { $denied ->
        [yes] the app's own token may not read its delegated grants.
       *[no] { $detail }.
    }
    .fix = In the Azure portal open App registrations → your app → API permissions and check that User.Read (Delegated) shows a green tick "Granted for <your organization>"; or let an administrator sign in to verify it.

## The client secret's expiry

azure-expiry-subject = { $subject ->
        [hand] The client secret (expiry entered by hand)
       *[used] The client secret in use, { $secret },
    }
azure-expiry-ok = { azure-expiry-subject } expires on { $date } ({ $days ->
        [one] { $days } day
       *[other] { $days } days
    } left). { $tail }
azure-expiry-soon = { azure-expiry-subject } expires on { $date }: only { $days ->
        [one] { $days } day
       *[other] { $days } days
    } left. { $tail }
    .fix = Before it expires: App registrations → your app → Certificates & secrets → New client secret; copy its Value into the Genesys Cloud Microsoft Graph integration (Configuration → Credentials), then disable and enable the integration. Delete the old secret afterwards.
azure-expiry-expired = { azure-expiry-subject } expired on { $date }. { $tail }
    .fix = Create a new client secret (Certificates & secrets → New client secret), enter its Value in the Genesys Cloud Microsoft Graph integration, then disable and enable the integration.
azure-expiry-unknown = The secret's expiry is unknown: { $tail }
    .fix = Look up the Expires column in the Azure portal (App registrations → your app → Certificates & secrets) and enter it: graphwiz profile set-expiry NAME YYYY-MM-DD.
azure-expiry-unknown-app = The secret's expiry is unknown: { $tail }
    .fix = Look up the Expires column in the Azure portal (App registrations → your app → Certificates & secrets) and enter the date on the Secret expiry step.
azure-expiry-ambiguous = { $tail }
    .fix = Delete the secrets that are no longer used (Certificates & secrets), or enter the expiry of the one in use by hand: graphwiz profile set-expiry NAME YYYY-MM-DD.
azure-expiry-ambiguous-app = { $tail }
    .fix = Delete the secrets that are no longer used (Certificates & secrets), or enter the expiry of the one in use on the Secret expiry step.
azure-expiry-why-unreadable = Azure's list of client secrets could not be read ({ $detail }).
azure-expiry-why-several = { $count } client secrets of the app start with '{ $hint }' (expiring { $dates }), so graphwiz can't tell which one is in use.
azure-expiry-why-none = none of the app's client secrets starts with '{ $hint }' (was it deleted, or does it belong to another app?).
# The other secrets that need attention, in the $tail of a verdict: this, then one item each
# (the last ends the sentence).
azure-expiry-others = Other secrets of the app:
azure-expiry-other-expired = { $secret } expired on { $date }{ $more ->
        [yes] ;
       *[no] .
    }
azure-expiry-other-soon = { $secret } expires in { $days ->
        [one] { $days } day
       *[other] { $days } days
    }{ $more ->
        [yes] ;
       *[no] .
    }

## Errors of the Microsoft-side reads

azure-graph-status = Microsoft Graph answered HTTP { $status }
azure-graph-error = Microsoft Graph answered HTTP { $status } { $code }: { $message }
azure-graph-busy-fix = Microsoft Graph is busy or throttling this app; wait a few minutes and run the check again.
azure-graph-again-fix = Run the check again; if it persists, check the app in the Azure portal (App registrations → your app).
azure-registration-self-read-refused-fix = Microsoft Graph did not let the app read its own registration, so graphwiz could not verify the requested permissions and the secret's expiry from here. This does not break the integration. Check them by hand in the Azure portal (App registrations → your app → API permissions: Mail.ReadWrite and Mail.Send as Application, User.Read as Delegated; Certificates & secrets: the secret's expiry), or run the check with an administrator's sign-in.
azure-claims-not-jwt = the access token is not a JWT (expected three parts separated by dots)
azure-claims-bad-encoding = the access token's payload is not base64url
azure-claims-bad-json = the access token's payload is not a JSON claims object

## Base URLs given instead of the cloud's own

azure-endpoint-field = { $field ->
        [login] login URL
        [graph] Graph URL
        [genesys_login] Genesys Cloud login URL
        [genesys_api] Genesys Cloud API URL
       *[other] URL
    }
azure-endpoint-invalid = { azure-endpoint-field }: '{ $value }' is not a valid URL ({ $reason }); give it like https://login.example.com
azure-endpoint-insecure = { azure-endpoint-field }: '{ $value }' uses plain http to a host that is not on this machine; use https (plain http is only accepted for 127.0.0.1, ::1 or localhost)
azure-endpoint-unsupported = { azure-endpoint-field }: '{ $value }' is not usable as a base URL: { $reason ->
        [query] remove the query (?…) or fragment (#…)
        [user] remove the user name or password from the URL
        [scheme] only https:// (or http:// on loopback) is supported
       *[no_host] the URL has no host
    }

## Genesys Cloud requests made for a rotation (used as $detail of other messages)

azure-genesys-missing-permission = missing permission { $permissions }
azure-credential-no-secret-field = integration "{ $integration }" has no credential with a secret field graphwiz can recognise
azure-credential-kept-changing = the credential kept changing while graphwiz saved it
azure-rotate-part-gone = the profile's Genesys Cloud part is gone
# A check named in another message: its id and its summary.
azure-check-detail = { $check }: { $summary }
