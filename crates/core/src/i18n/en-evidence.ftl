# graphwiz — English texts of the claims graphwiz proves about an integration (store/evidence.rs).
# Same ids and arguments as de-evidence.ftl. Face-neutral: no command lines, no button names.

evidence-validated = Validated: every claim this setup needs is proven.
evidence-not-validated = Not validated yet. { $open }
evidence-stale = The integration changed since the last check (another secret, app or Genesys Cloud client): check again.
evidence-azure-proven = The Azure app is valid: its secret gets a token with Mail.ReadWrite and Mail.Send.
evidence-azure-disproven = The Azure app is not valid: { $detail }
evidence-azure-unknown = The Azure app has not been checked yet: run the checks.
evidence-azure-user-read = The Azure app's User.Read (Delegated) consent is not proven yet: an administrator's sign-in verifies it (the app's own token cannot read it).
evidence-mailbox-none = No mailbox is named: add the mailboxes Genesys Cloud serves.
evidence-mailbox-proven = { $mailbox } is reachable.
evidence-mailbox-disproven = { $mailbox } is not reachable: { $detail }
evidence-mailbox-unknown = { $mailbox } has not been checked yet: check the mailboxes.
evidence-flow-proven = Mail flows: the live test from { $mailbox } passed.
evidence-flow-disproven = Mail does not flow: the live test from { $mailbox } failed; run it again once what it names is fixed.
evidence-flow-unknown = That mail flows is not proven yet: run the live test.
evidence-secret-proven = The client secret is valid until { $date } ({ $days } days).
evidence-secret-soon = The client secret expires on { $date } (in { $days } days): rotate it.
evidence-secret-expired = The client secret expired on { $date }: rotate it.
evidence-secret-unknown = The client secret's expiry is not known: check again, or set the date by hand.
evidence-genesys-proven = Genesys Cloud is set up: the integration is active with this app, and its domain and routes are in place.
evidence-genesys-disproven = Genesys Cloud is not set up right: { $detail }
evidence-genesys-unknown = Genesys Cloud has not been checked yet: run the checks.
evidence-in-use-proven = Genesys Cloud's integration is active with this profile's app.
evidence-in-use-other = Genesys Cloud uses another secret than this profile: Entra ID refuses the secret in the integration while this profile's secret works. Put this profile's secret into the integration's credential (a rotation does it), then disable and enable the integration.
evidence-in-use-unknown = Which secret Genesys Cloud uses is not proven yet: run the checks with the Genesys Cloud part.
evidence-pickup-proven = Genesys Cloud fetched the test mail (pickup test).
evidence-pickup-disproven = Genesys Cloud did not fetch the test mail: { $detail }
evidence-pickup-unknown = That Genesys Cloud fetches the mail is not proven yet: run the pickup test.
