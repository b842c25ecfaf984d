# graphwiz — English texts of the secret rotation. Same ids as de-rotate.ftl. Every failure says
# what happened, the state of each side, and the one next action.

rotate-progress-reading = Reading the app's client secrets…
rotate-progress-adding = Adding the new client secret in Azure…
rotate-progress-proving = Waiting for Entra ID to accept the new secret ({ $secs } s)…
rotate-progress-permissions = Checking the permissions with the new secret…
rotate-progress-genesys = Putting the new secret into the Genesys Cloud integration…
rotate-progress-manual = Waiting for you to enter the new secret in Genesys Cloud…
rotate-progress-live = Live test with the new secret…
rotate-progress-removing = Removing the old secret in Azure…
rotate-progress-rollback = Rolling the rotation back…

rotate-done = The client secret of profile { $profile } was rotated: the new secret ({ $hint }…, valid until { $end }) works in Azure{ $genesys ->
    [checked] { " " }and in Genesys Cloud (graphwiz put it there and the integration came up on it)
   *[pasted] ; that Genesys Cloud uses it is not proven (it was pasted by hand): run the pickup test to prove it
}{ $live ->
    [yes] , a live test passed with it
   *[no] ; no live test ran (the profile names no mailbox)
}, and the old one was removed. Reminders now follow the new date.
rotate-done-old-left = The client secret of profile { $profile } was rotated: the new secret ({ $hint }…, valid until { $end }) works in Azure{ $genesys ->
    [checked] { " " }and in Genesys Cloud (graphwiz put it there and the integration came up on it)
   *[pasted] ; that Genesys Cloud uses it is not proven (it was pasted by hand): run the pickup test to prove it
}{ $live ->
    [yes] , a live test passed with it
   *[no] ; no live test ran (the profile names no mailbox)
}. graphwiz could not tell which of the app's other secrets was the old one, so it left them.
    .fix = In the Azure portal open App registrations → your app → Certificates & secrets and delete the secrets that are no longer used (not "{ $hint }…").
rotate-no-profile = There is no profile { $profile }.
    .fix = graphwiz profile list shows the profiles.
rotate-no-profile-app = There is no profile { $profile }.
    .fix = "Saved profiles" lists the profiles.
rotate-store-failed = The profiles file could not be read or written ({ $detail }).
    .fix = Fix the data folder (see the message), then run: graphwiz rotate --profile "{ $profile }" --resume.
rotate-store-failed-app = The profiles file could not be read or written ({ $detail }).
    .fix = Fix the data folder (see the message), then press "Resume" on the Secret expiry step.
rotate-open = A rotation of profile { $profile } is already open (step { $stage }).
    .fix = Continue it with graphwiz rotate --profile "{ $profile }" --resume, or undo it with --roll-back.
rotate-open-app = A rotation of profile { $profile } is already open (step { $stage }).
    .fix = Continue it with "Resume" on the Secret expiry step, or undo it with "Roll back".
rotate-nothing-open = No rotation of profile { $profile } is open.
    .fix = Start one with: graphwiz rotate --profile "{ $profile }" --admin-sign-in browser|device-code.
rotate-nothing-open-app = No rotation of profile { $profile } is open.
    .fix = Start one with "Rotate secret" on the Secret expiry step.
rotate-bad-months = A new secret can be valid for 1 to 24 months, not { $months }.
    .fix = Give --months between 1 and 24 (Microsoft allows at most 24; it recommends under 12).
rotate-bad-months-app = A new secret can be valid for 1 to 24 months, not { $months }.
    .fix = Enter 1 to 24 months (Microsoft allows at most 24; it recommends under 12).
rotate-no-admin = This step needs an administrator's sign-in (the app's own credentials never get write rights to themselves). Step reached: { $stage }.
    .fix = Run it again with --admin-sign-in browser or device-code: graphwiz rotate --profile "{ $profile }" --resume --admin-sign-in device-code.
rotate-no-admin-app = This step needs an administrator's sign-in (the app's own credentials never get write rights to themselves). Step reached: { $stage }.
    .fix = Press "Resume" on the Secret expiry step and sign in as an administrator in the browser window that opens.
rotate-read-failed = The app's secrets could not be read ({ $detail }). Nothing was changed.
    .fix = Check the network and the profile's endpoints, then start again: graphwiz rotate --profile "{ $profile }" …
rotate-read-failed-app = The app's secrets could not be read ({ $detail }). Nothing was changed.
    .fix = Check the network, then try again on the Secret expiry step ("Resume", or "Rotate secret" when no rotation is open).
rotate-denied = Azure refused the administrator's request ({ $detail }). Azure: unchanged (the old secret is in use); Genesys Cloud: unchanged.
    .fix = Sign in as an owner of the app registration, an Application Administrator or a Cloud Application Administrator, and consent to Application.ReadWrite.All for graphwiz's sign-in; then: graphwiz rotate --profile "{ $profile }" --resume --admin-sign-in …
rotate-denied-app = Azure refused the administrator's request ({ $detail }). Azure: unchanged (the old secret is in use); Genesys Cloud: unchanged.
    .fix = Sign in as an owner of the app registration, an Application Administrator or a Cloud Application Administrator, and consent to Application.ReadWrite.All for graphwiz's sign-in; then try again on the Secret expiry step ("Resume", or "Rotate secret" when no rotation is open).
rotate-keychain-failed = The OS keychain could not hold the new secret ({ $detail }). Azure: the new secret was removed again (the old one is in use); Genesys Cloud: unchanged.
    .fix = Unlock or fix the OS keychain, then: graphwiz rotate --profile "{ $profile }" --resume --admin-sign-in …
rotate-keychain-failed-app = The OS keychain could not hold the new secret ({ $detail }). Azure: the new secret was removed again (the old one is in use); Genesys Cloud: unchanged.
    .fix = Unlock or fix the OS keychain, then try again on the Secret expiry step ("Resume", or "Rotate secret" when no rotation is open).
rotate-journal-failed = graphwiz could not write its rotation journal ({ $detail }); it stopped so that no step goes unrecorded.
    .fix = Make graphwiz's data folder writable, then: graphwiz rotate --profile "{ $profile }" --resume.
rotate-journal-failed-app = graphwiz could not write its rotation journal ({ $detail }); it stopped so that no step goes unrecorded.
    .fix = Make graphwiz's data folder writable, then press "Resume" on the Secret expiry step.
rotate-add-failed = Adding the new secret in Azure failed ({ $detail }). Azure: the old secret is in use; Genesys Cloud: unchanged.
    .fix = Try again: graphwiz rotate --profile "{ $profile }" --resume --admin-sign-in … (it cleans up a half-added secret first), or --roll-back.
rotate-add-failed-app = Adding the new secret in Azure failed ({ $detail }). Azure: the old secret is in use; Genesys Cloud: unchanged.
    .fix = Try again with "Resume" on the Secret expiry step (it cleans up a half-added secret first), or undo it with "Roll back".
rotate-not-accepted = Entra ID still refuses the new secret after the wait for replication ({ $detail }). Azure: old and new secret both exist, the old one is in use; Genesys Cloud: unchanged (old secret).
    .fix = Wait a few minutes and continue: graphwiz rotate --profile "{ $profile }" --resume, or undo it: --roll-back --admin-sign-in ….
rotate-not-accepted-app = Entra ID still refuses the new secret after the wait for replication ({ $detail }). Azure: old and new secret both exist, the old one is in use; Genesys Cloud: unchanged (old secret).
    .fix = Wait a few minutes and continue with "Resume" on the Secret expiry step, or undo it with "Roll back".
rotate-token-failed = Entra ID refused a token for the new secret ({ $detail }). Azure: old and new secret both exist, the old one is in use; Genesys Cloud: unchanged.
    .fix = Continue later with graphwiz rotate --profile "{ $profile }" --resume, or undo it: --roll-back --admin-sign-in ….
rotate-token-failed-app = Entra ID refused a token for the new secret ({ $detail }). Azure: old and new secret both exist, the old one is in use; Genesys Cloud: unchanged.
    .fix = Continue later with "Resume" on the Secret expiry step, or undo it with "Roll back".
rotate-permissions-failed = With the new secret a permission check fails ({ $detail }). Azure: old and new secret both exist, the old one is in use; Genesys Cloud: unchanged.
    .fix = Fix the permission (graphwiz check --profile "{ $profile }" shows how), then: graphwiz rotate --profile "{ $profile }" --resume, or --roll-back.
rotate-permissions-failed-app = With the new secret a permission check fails ({ $detail }). Azure: old and new secret both exist, the old one is in use; Genesys Cloud: unchanged.
    .fix = Fix the permission (the Permissions & consent step shows how), then press "Resume" on the Secret expiry step, or "Roll back".
rotate-genesys-failed = The new secret could not be put into the Genesys Cloud integration ({ $detail }). Azure: old and new secret both valid; Genesys Cloud: still the old secret, which keeps working.
    .fix = Fix what the message names (e.g. add integrations:integration:edit to the OAuth client's role), then: graphwiz rotate --profile "{ $profile }" --resume, or --roll-back.
rotate-genesys-failed-app = The new secret could not be put into the Genesys Cloud integration ({ $detail }). Azure: old and new secret both valid; Genesys Cloud: still the old secret, which keeps working.
    .fix = Fix what the message names (e.g. add integrations:integration:edit to the OAuth client's role), then press "Resume" on the Secret expiry step, or "Roll back".
rotate-manual-pending = The profile has no Genesys Cloud part, so you enter the new secret there yourself; graphwiz waits for you to confirm that. Azure: old and new secret both valid.
    .fix = In Genesys Cloud open Admin → Integrations → Integrations → the Microsoft Graph integration → Configuration → Credentials, enter the new secret's value, save, then disable and enable the integration; then: graphwiz rotate --profile "{ $profile }" --resume (it shows the value once more).
rotate-manual-pending-app = The profile has no Genesys Cloud part, so you enter the new secret there yourself; graphwiz waits for you to confirm that. Azure: old and new secret both valid.
    .fix = In Genesys Cloud open Admin → Integrations → Integrations → the Microsoft Graph integration → Configuration → Credentials, enter the new secret's value, save, then disable and enable the integration; then press "Resume" on the Secret expiry step (graphwiz puts the value on the clipboard once more).
rotate-restart-failed = Genesys Cloud holds the new secret, but the integration is not active after the restart ({ $detail }). Azure: old and new secret both valid.
    .fix = Continue with graphwiz rotate --profile "{ $profile }" --resume (it restarts again), or --roll-back --admin-sign-in … to put the old secret back.
rotate-restart-failed-app = Genesys Cloud holds the new secret, but the integration is not active after the restart ({ $detail }). Azure: old and new secret both valid.
    .fix = Continue with "Resume" on the Secret expiry step (it restarts again), or "Roll back" to put the old secret back.
rotate-live-failed = The live test with the new secret failed ({ $detail }). Azure: old and new secret both valid; Genesys Cloud: the new secret, active.
    .fix = Fix what the live test names, then: graphwiz rotate --profile "{ $profile }" --resume, or --roll-back --admin-sign-in ….
rotate-live-failed-app = The live test with the new secret failed ({ $detail }). Azure: old and new secret both valid; Genesys Cloud: the new secret, active.
    .fix = Fix what the live test names, then press "Resume" on the Secret expiry step, or "Roll back".
rotate-remove-failed = Removing the old secret in Azure failed ({ $detail }). The new secret is in use everywhere; the old one still exists in Azure.
    .fix = Continue with graphwiz rotate --profile "{ $profile }" --resume --admin-sign-in …; nothing else is needed.
rotate-remove-failed-app = Removing the old secret in Azure failed ({ $detail }). The new secret is in use everywhere; the old one still exists in Azure.
    .fix = Continue with "Resume" on the Secret expiry step; nothing else is needed.
rotate-rollback-too-late = The old secret was already removed, so the rotation can only be finished, not undone.
    .fix = Run graphwiz rotate --profile "{ $profile }" --resume --admin-sign-in ….
rotate-rollback-too-late-app = The old secret was already removed, so the rotation can only be finished, not undone.
    .fix = Press "Resume" on the Secret expiry step to finish it.
rotate-rolled-back = The rotation of profile { $profile } was undone: the new secret was removed in Azure, Genesys Cloud uses the old secret again, and the profile keeps the old one.
