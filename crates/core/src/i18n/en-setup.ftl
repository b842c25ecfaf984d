# graphwiz — English texts of setting up the Azure app registration. Same ids as de-setup.ftl.
# Every failure says what exists now and the one next action.

setup-progress-policy = Reading the tenant's app management policy…
setup-progress-permissions = Finding Mail.ReadWrite, Mail.Send and User.Read on Microsoft Graph…
setup-progress-app = Creating the app registration…
setup-progress-principal = Creating its enterprise application (service principal)…
setup-progress-consent = Granting admin consent…
setup-progress-secret = Adding the client secret (straight into the keychain)…
setup-progress-replication = Waiting for Entra ID to make the new app and secret usable ({ $secs } s)…
setup-progress-saving = Saving the profile…
setup-progress-checking = Checking the new integration…
setup-progress-rollback = Deleting what the setup created…

setup-step-name = { $step ->
    [permissions] finding the permissions on Microsoft Graph
    [app] creating the app registration
    [principal] creating the enterprise application
    [roles] granting admin consent to Mail.ReadWrite and Mail.Send
    [grant] granting admin consent to User.Read
    [secret] adding the client secret
    [token] getting a token for the new app
    [check] checking the new integration
   *[rollback] deleting the app registration
}

setup-done = Profile { $profile } is set up: the app registration '{ $app_name }' (Application (client) ID { $app_id }) has Mail.ReadWrite and Mail.Send (Application) and User.Read (Delegated) with admin consent, its client secret (valid until { $end }) is in the keychain, and the check passed.{ $capped ->
    [yes] { " " }The tenant's policy '{ $policy }' allows secrets for at most { $max_days } days, so the secret ends sooner than asked.
   *[no] {""}
}
    .fix = Next: enter the tenant ID, the Application (client) ID and the secret in the Genesys Cloud integration (graphwiz setup genesys does it), then run a live test.
setup-check-failed = Profile { $profile } is set up (app registration '{ $app_name }', Application (client) ID { $app_id }, secret valid until { $end }), but its check failed: { $failed }.{ $capped ->
    [yes] { " " }The tenant's policy '{ $policy }' caps secrets at { $max_days } days.
   *[no] {""}
}
    .fix = graphwiz check --profile "{ $profile }" shows each failure with its fix; graphwiz fix can repair permission and consent problems.
setup-rolled-back = The setup of profile { $profile } was rolled back: { $deleted ->
    [true] the app registration '{ $app_name }' was deleted with its enterprise application, consent and secret, and
   *[false] no app registration had been created;
} the profile and its keychain entry are gone.
setup-role-missing = The account that signed in { $needs ->
    [create] may consent to permissions but not create app registrations
    [consent] may create app registrations but not grant admin consent to application permissions
   *[both] may neither create app registrations nor grant admin consent
}. Nothing was created.
    .fix = Creating the app needs Cloud Application Administrator or Application Administrator (or Global Administrator); admin consent to Mail.ReadWrite and Mail.Send needs Privileged Role Administrator or Global Administrator. Sign in with an account that has both, or let a Global Administrator run the setup.
setup-already-open = A setup of profile { $profile } is already open.
    .fix = Continue it with graphwiz setup azure --profile "{ $profile }" --resume, or undo it with --roll-back (both with --admin-sign-in).
setup-nothing-open = No setup of profile { $profile } is open.
    .fix = Start one with: graphwiz setup azure --profile "{ $profile }" --tenant TENANT --mailbox ADDRESS --admin-sign-in browser|device-code.
setup-profile-exists = A profile named { $profile } already exists; setup creates a new one and never changes an existing profile.
    .fix = Choose another name with --profile, or remove the old profile first (graphwiz profile remove "{ $profile }").
setup-store-failed = The profiles file could not be read or written ({ $detail }).
    .fix = Fix the data folder (see the message), then run the same command with --resume.
setup-journal-failed = graphwiz could not write its setup journal ({ $detail }), so it stopped before the next change in Azure.
    .fix = Fix the data folder (see the message), then run the same command with --resume.
setup-passwords-blocked = The tenant's policy '{ $policy }' blocks new client secrets, and Genesys Cloud's integration signs in with one. Nothing was created.
    .fix = Ask a Global Administrator to exclude this app from the policy or to allow client secrets (Microsoft Entra admin center → Applications → App management policies; or the Microsoft 365 admin center's setting that blocks new password credentials), then run the setup again.
setup-lifetime-refused = Entra ID refused the client secret's lifetime ({ $detail }).
    .fix = Run the same command with --resume and a shorter --months; the tenant's app management policy names the longest lifetime it allows.
setup-refused = Entra ID refused { setup-step-name } ({ $detail }): the account that signed in lacks a role for it.
    .fix = Creating the app needs Cloud Application Administrator or Application Administrator; admin consent to application permissions needs Privileged Role Administrator or Global Administrator. Sign in with such an account and run the same command with --resume, or undo it with --roll-back.
setup-step-failed = The setup stopped while { setup-step-name }: { $detail }.
    .fix = Run the same command with --resume to continue where it stopped, or --roll-back to delete what it created.
setup-keychain-failed = The new client secret could not be kept in the OS keychain ({ $detail }); it was removed in Azure again, since nobody else holds its value.
    .fix = Unlock or start the keychain (see the message), then run the same command with --resume.
setup-replication-timeout = Entra ID did not accept the new app and its secret within { $secs } s (last answer: { $detail }). New apps usually become usable within minutes.
    .fix = Run the same command with --resume in a few minutes; the app and the secret are kept.

fix-plan = graphwiz will change the app registration of profile { $profile } like this:
fix-nothing = The app registration requests the three permissions with the right types, and admin consent is granted: nothing to repair.
fix-repair-add = add { $perm } ({ $kind ->
    [application] Application
   *[delegated] Delegated
}) to API permissions
fix-repair-replace = remove { $wrong } ({ $wrong_kind ->
    [application] Application
   *[delegated] Delegated
}) and add { $perm } ({ $kind ->
    [application] Application
   *[delegated] Delegated
}) in API permissions
fix-repair-consent-role = grant admin consent to { $perm } ({ $kind ->
    [application] Application
   *[delegated] Delegated
})
fix-repair-revoke = revoke the admin consent to { $perm } ({ $kind ->
    [application] Application
   *[delegated] Delegated
}), which Genesys Cloud does not need
fix-repair-grant = grant admin consent to User.Read (Delegated) for all users
fix-repair-rotate = the client secret expires soon or has expired: rotate it with graphwiz rotate --profile "{ $profile }" --admin-sign-in browser (not part of this repair)
fix-confirm = Apply these changes in Azure? [y/N]
fix-not-confirmed = Nothing was changed. Run graphwiz fix --profile "{ $profile }" --admin-sign-in … --yes to apply the plan.
fix-failed = The repair stopped at "{ $repair }": { $detail }. What ran before is kept; every repair can run again.
    .fix = Run graphwiz fix --profile "{ $profile }" --admin-sign-in … --yes again to finish it.
fix-read-failed = The app registration could not be read with the administrator's sign-in ({ $detail }). Nothing was changed. Check the profile's Application (client) ID, sign in with an account that may manage app registrations (Application Administrator or Cloud Application Administrator; admin consent needs Privileged Role Administrator or Global Administrator), and run graphwiz fix again.
fix-checking = Checking again…
fix-done = The app registration of profile { $profile } is repaired and its check passes. Disable and enable the Microsoft Graph integration in Genesys Cloud so it picks up the change.
fix-still-failing = The check of profile { $profile } still fails: { $failed }. graphwiz check --profile "{ $profile }" shows each failure with its fix.

# The app's wording of the same outcomes: it names the app's buttons, not command lines.
setup-done-app = Profile “{ $profile }” is set up: the app registration '{ $app_name }' (Application (client) ID { $app_id }) has Mail.ReadWrite and Mail.Send (Application) and User.Read (Delegated) with admin consent, its client secret (valid until { $end }) is in the keychain, and the check passed.{ $capped ->
    [yes] { " " }The tenant's policy '{ $policy }' allows secrets for at most { $max_days } days, so the secret ends sooner than asked.
   *[no] {""}
}
    .fix = Next: add the mailboxes, run the live test, then enter the tenant ID, the Application (client) ID and the secret in the Genesys Cloud integration (the Genesys Cloud step).
setup-check-failed-app = Profile “{ $profile }” is set up (app registration '{ $app_name }', Application (client) ID { $app_id }, secret valid until { $end }), but its check failed: { $failed }.{ $capped ->
    [yes] { " " }The tenant's policy '{ $policy }' caps secrets at { $max_days } days.
   *[no] {""}
}
    .fix = The Permissions step shows each failure with its fix; "Fix it" there repairs permission and consent problems.
setup-already-open-app = A setup of profile “{ $profile }” is already open.
    .fix = Continue it with “Resume”, or undo it with “Roll back”, below.
setup-nothing-open-app = No setup of profile “{ $profile }” is open.
    .fix = Start one with “Create app registration”.
setup-profile-exists-app = A profile named “{ $profile }” already exists; creating an app makes a new profile and never changes an existing one.
    .fix = Enter another profile name, or remove the old profile first (Profiles → Remove).
setup-store-failed-app = The profiles file could not be read or written ({ $detail }).
    .fix = Fix the data folder (see the message), then press “Resume”.
setup-journal-failed-app = graphwiz could not write its setup journal ({ $detail }), so it stopped before the next change in Azure.
    .fix = Fix the data folder (see the message), then press “Resume”.
setup-lifetime-refused-app = Entra ID refused the client secret's lifetime ({ $detail }).
    .fix = Choose fewer months and press “Resume”; the tenant's app management policy names the longest lifetime it allows.
setup-refused-app = Entra ID refused { setup-step-name } ({ $detail }): the account that signed in lacks a role for it.
    .fix = Creating the app needs Cloud Application Administrator or Application Administrator; admin consent to application permissions needs Privileged Role Administrator or Global Administrator. Press “Resume” and sign in with such an account, or “Roll back” to delete what was created.
setup-step-failed-app = The setup stopped while { setup-step-name }: { $detail }.
    .fix = Press “Resume” to continue where it stopped, or “Roll back” to delete what it created.
setup-keychain-failed-app = The new client secret could not be kept in the OS keychain ({ $detail }); it was removed in Azure again, since nobody else holds its value.
    .fix = Unlock or start the keychain (see the message), then press “Resume”.
setup-replication-timeout-app = Entra ID did not accept the new app and its secret within { $secs } s (last answer: { $detail }). New apps usually become usable within minutes.
    .fix = Press “Resume” in a few minutes; the app and the secret are kept.
fix-read-failed-app = The app registration could not be read with the administrator's sign-in ({ $detail }). Nothing was changed. Check the Application (client) ID on the Azure app step, then press “Fix it” again and sign in with an account that may manage app registrations (Application Administrator or Cloud Application Administrator; admin consent needs Privileged Role Administrator or Global Administrator).
fix-failed-app = The repair stopped at "{ $repair }": { $detail }. What ran before is kept; every repair can run again.
    .fix = Press “Fix it” again to finish it.
fix-repair-rotate-app = The client secret expires soon or has expired: rotate it on the Secret expiry step (not part of this repair).
