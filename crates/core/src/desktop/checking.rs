//! The wizard's network workflows: every check of the integration, admin consent, the
//! administrator's sign-in that settles User.Read, and the live test.

use super::*;
use crate::checks::{run_check, Report, Status};
use crate::http::HttpClient;
use crate::i18n::args;
use crate::microsoft::admin::{self, SignInOptions};
use crate::microsoft::livetest::{run_live_test_cancellable, LiveTestInput, Progress};
use crate::validate;
use std::sync::atomic::Ordering;

impl Desktop {
    /// Runs every check of the integration (with its mailboxes and the scope audit) and keeps
    /// the result with the profile.
    pub async fn run_checks(&self) -> Result<View, DesktopError> {
        let (input, generation, unusable) = self.lock().check_input_full_noting()?;
        let mut report = run_check(&input).await;
        if let Some(c) = unusable {
            report.checks.push(c);
            report.ok = false;
        }
        let mut s = self.lock();
        s.record(generation, &report)?;
        Ok(s.view())
    }

    /// Opens the admin consent page (system browser; the demo answers in-process), waits for
    /// the answer and checks again, repeating the check twice when nothing changed yet.
    pub async fn grant_consent(&self, browser: Opener<'_>) -> Result<View, DesktopError> {
        let (input, generation, demo, lang) = {
            let mut s = self.lock();
            let (input, g) = s.check_input_noting()?;
            (input, g, s.is_demo(), s.lang())
        };
        let before = run_check(&input).await;
        if before.get("tenant").map(|c| c.status) != Some(Status::Pass) {
            let mut s = self.lock();
            s.record(generation, &before)?;
            return Err(DesktopError::plain("tenant", "app-error-tenant-not-found"));
        }
        let tenant = before
            .tenant_id
            .clone()
            .unwrap_or_else(|| input.tenant.clone());
        let opener = |url: &str| open_for_admin(url, demo, browser, lang);
        let consent = admin::admin_consent(
            &input.endpoints,
            &tenant,
            &input.client_id,
            opener,
            admin::DEFAULT_WAIT,
        );
        match self.cancellable(consent).await {
            None => return Err(cancelled()),
            Some(Err(e)) => return Err(e.into()),
            Some(Ok(_)) => {}
        }
        let statuses = |r: &Report| -> Vec<(String, Status)> {
            r.checks.iter().map(|c| (c.id.clone(), c.status)).collect()
        };
        let mut after = run_check(&input).await;
        let mut attempts = 0;
        while statuses(&after) == statuses(&before) && !after.ok && attempts < SETTLE_ATTEMPTS {
            attempts += 1;
            if self
                .cancellable(tokio::time::sleep(SETTLE_WAIT))
                .await
                .is_none()
            {
                break;
            }
            after = run_check(&input).await;
        }
        let mut s = self.lock();
        s.record(generation, &after)?;
        Ok(s.view())
    }

    /// Lets an administrator sign in (system browser; the demo answers in-process) and settles
    /// `perm_user_read` with what the administrator's token reads. The token stays in memory.
    pub async fn verify_as_admin(&self, browser: Opener<'_>) -> Result<View, DesktopError> {
        let (input, generation, demo, report, lang) = {
            let mut s = self.lock();
            let (input, g) = s.check_input_noting()?;
            let report = s.target()?.last_check.map(|c| c.report);
            (input, g, s.is_demo(), report, s.lang())
        };
        let mut report = match report {
            Some(r) => r,
            None => run_check(&input).await,
        };
        let tenant = report
            .tenant_id
            .clone()
            .unwrap_or_else(|| input.tenant.clone());
        let opener = |url: &str| open_for_admin(url, demo, browser, lang);
        let http = HttpClient::new(REQUEST_TIMEOUT);
        let options = SignInOptions::default();
        let work = async {
            let token =
                admin::sign_in_browser(&http, &input.endpoints, &tenant, &options, opener).await?;
            admin::admin_findings(&http, &input.endpoints, &token, &input.client_id).await
        };
        let findings = match self.cancellable(work).await {
            None => return Err(cancelled()),
            Some(r) => r?,
        };
        admin::settle_user_read(
            &mut report,
            &findings,
            input.endpoints.cloud,
            &input.client_id,
        );
        let mut s = self.lock();
        s.record(generation, &report)?;
        Ok(s.view())
    }

    /// Runs the live test: the checks, then send → receive → mark read → delete, reporting
    /// progress. `sender` must be one of the mailboxes; `recipient` defaults to the sender.
    pub async fn run_live_test(
        &self,
        sender: &str,
        recipient: Option<&str>,
        progress: &(dyn Fn(ProgressView) + Send + Sync),
    ) -> Result<View, DesktopError> {
        self.live_cancel.store(false, Ordering::SeqCst);
        let (check, generation) = self.lock().check_input_noting()?;
        let sender = validate::mailbox(sender)
            .map_err(|p| DesktopError::invalid(vec![field_problem("mailbox", &p)]))?;
        if !check
            .mailboxes
            .iter()
            .any(|m| m.eq_ignore_ascii_case(&sender))
        {
            return Err(DesktopError::new(
                "sender",
                "app-error-not-a-mailbox",
                args([("mailbox", sender)]),
            ));
        }
        let recipient = match recipient.map(str::trim).filter(|r| !r.is_empty()) {
            Some(r) => validate::mailbox(r)
                .map_err(|p| DesktopError::invalid(vec![field_problem("mailbox", &p)]))?,
            None => sender.clone(),
        };
        let input = LiveTestInput {
            check,
            sender: sender.clone(),
            recipient: recipient.clone(),
            wait: LIVE_WAIT,
        };
        let on_progress = |p: Progress| progress(ProgressView::from(p));
        let cancelled = || self.live_cancel.load(Ordering::SeqCst);
        let live = run_live_test_cancellable(&input, &on_progress, &cancelled).await;
        self.lock()
            .record_test(generation, &live, &LIVE_CHECKS, sender, recipient, false)
    }
}
