//! Accessibility of the real app, checked by axe-core inside its web view (see
//! [`graphwiz_e2e::App::axe`]): every step of the wizard on the demo tenant (Start, Azure app,
//! Permissions, Mailboxes, Live test, Secret expiry, Genesys Cloud, Summary), the profiles view
//! and the troubleshooter, each with content (checks run, a failing mailbox with its fix, a live
//! test, a walk), in English and again in German (switched with the app's language buttons),
//! in the light colours and again in the dark ones (GTK's dark theme).
//! A violation of impact "serious" or "critical" fails the test; every violation is printed
//! with its rule, help and the selectors of the elements. Run one at a time
//! (`--test-threads=1`): the app is a single instance per D-Bus session.

use graphwiz_e2e::{App, AxeViolation, Home, Result};
use std::collections::BTreeMap;

const DEMO_DOMAIN: &str = "contoso-demo.onmicrosoft.com";

/// What axe found on every screen audited so far.
#[derive(Default)]
struct Audit {
    /// rule id → (impact, screens it was found on, elements)
    rules: BTreeMap<String, (String, Vec<String>, usize)>,
    /// The serious and critical violations, printed in full.
    serious: Vec<String>,
    screens: usize,
}

impl Audit {
    /// Runs axe on the screen as it is now (after the app is idle) and keeps what it finds;
    /// takes a screenshot `<label>`.
    async fn screen(&mut self, app: &mut App, label: &str) -> Result<()> {
        app.wait_idle().await?;
        let found: Vec<AxeViolation> = app.axe().await?;
        self.screens += 1;
        for v in &found {
            println!("axe {label}: {v}");
            let e = self
                .rules
                .entry(v.id.clone())
                .or_insert_with(|| (v.impact.clone(), Vec::new(), 0));
            e.1.push(label.to_string());
            e.2 += v.nodes.len();
            if v.is_serious() {
                self.serious.push(format!("{label}: {v}"));
            }
        }
        app.scroll_top().await?;
        app.screenshot(label).await?;
        Ok(())
    }

    fn report(&self) -> Result<()> {
        println!("axe: {} screens audited", self.screens);
        for (id, (impact, screens, nodes)) in &self.rules {
            println!(
                "axe: {id} [{impact}]: {nodes} elements on {} screens ({})",
                screens.len(),
                screens.join(", ")
            );
        }
        if self.serious.is_empty() {
            return Ok(());
        }
        println!(
            "axe: the serious and critical violations:\n{}",
            self.serious.join("")
        );
        let rules: Vec<&str> = self
            .rules
            .iter()
            .filter(|(_, (impact, _, _))| matches!(impact.as_str(), "serious" | "critical"))
            .map(|(id, _)| id.as_str())
            .collect();
        Err(format!(
            "axe-core found {} serious or critical violations ({}); they are printed above",
            self.serious.len(),
            rules.join(", ")
        )
        .into())
    }
}

/// Clicks `id` once the app is idle, again when WebDriver refuses the click (a busy overlay just
/// going away, a re-render under the pointer).
async fn click(app: &App, id: &str) -> Result<()> {
    let mut last = None;
    for _ in 0..5 {
        app.wait_idle().await?;
        match app.click(id).await {
            Ok(()) => return Ok(()),
            Err(e) => last = Some(e),
        }
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
    Err(last.unwrap_or_else(|| "click failed".into()))
}

/// On the Mailboxes step: adds the demo's mailbox that an access policy blocks, checks, audits
/// the step with its failing check and fix, and removes the mailbox again (the live test needs
/// every mailbox to pass).
async fn blocked_mailbox(app: &mut App, audit: &mut Audit, label: &str) -> Result<()> {
    click(app, "demo-mailbox-blocked").await?;
    let blocked = format!("[data-testid=\"mailbox-item\"][data-address=\"blocked@{DEMO_DOMAIN}\"]");
    app.wait_selector(&blocked).await?;
    click(app, "mailboxes-check").await?;
    app.wait_attr(&blocked, "data-status", "fail").await?;
    audit.screen(app, label).await?;
    app.click_selector(&format!("{blocked} [data-testid=\"mailbox-remove\"]"))
        .await?;
    app.wait_idle().await?;
    Ok(())
}

/// Walks the wizard on the demo with content on every step and audits each screen, then the
/// same screens in German; `theme` prefixes the screenshots' labels.
async fn audit_every_screen(app: &mut App, audit: &mut Audit, theme: &str) -> Result<()> {
    let l = |label: &str| format!("{theme}{label}");
    // English, every step with content.
    audit.screen(app, &l("en-start")).await?;
    click(app, "start-demo").await?;
    app.wait_visible("step-azure-app").await?;
    audit.screen(app, &l("en-azure-app")).await?;

    click(app, "wizard-next").await?;
    app.wait_visible("step-permissions").await?;
    app.wait_text("perm-summary", "0 failed").await?;
    audit.screen(app, &l("en-permissions")).await?;

    click(app, "wizard-next").await?;
    app.wait_visible("step-mailboxes").await?;
    app.wait_idle().await?;
    app.type_into("probe-input", &format!("sales@{DEMO_DOMAIN}"))
        .await?;
    click(app, "probe-set").await?;
    blocked_mailbox(app, audit, &l("en-mailboxes")).await?;

    click(app, "wizard-next").await?;
    app.wait_visible("step-live-test").await?;
    app.select("live-sender", &format!("support@{DEMO_DOMAIN}"))
        .await?;
    click(app, "live-run").await?;
    if let Err(e) = app.wait_text("live-latency", "arrived after").await {
        app.screenshot("live-failed").await?;
        let t = app.el("live-checks").await?.text().await?;
        return Err(format!("{e}: {t}").into());
    }
    audit.screen(app, &l("en-live-test")).await?;

    click(app, "wizard-next").await?;
    app.wait_visible("step-secret-expiry").await?;
    app.wait_text("expiry-days", "days").await?;
    audit.screen(app, &l("en-secret-expiry")).await?;

    click(app, "wizard-next").await?;
    app.wait_visible("step-genesys").await?;
    click(app, "genesys-save").await?;
    app.wait_attr(
        "[data-testid=\"check-genesys_login\"]",
        "data-status",
        "pass",
    )
    .await?;
    audit.screen(app, &l("en-genesys")).await?;

    click(app, "wizard-next").await?;
    app.wait_visible("step-summary").await?;
    audit.screen(app, &l("en-summary")).await?;

    click(app, "summary-profiles").await?;
    app.wait_visible("profiles-empty").await?;
    audit.screen(app, &l("en-profiles")).await?;

    click(app, "rail-troubleshoot").await?;
    app.wait_visible("step-troubleshoot").await?;
    // A walk that ends after background checks changed the integration is dropped (its result
    // would describe another one): then it is run once more, as the admin would.
    for attempt in 0..2 {
        app.wait_idle().await?;
        app.click_selector("[data-testid=\"ts-symptom-no-mail\"] input")
            .await?;
        click(app, "ts-run").await?;
        match app.wait_visible("ts-result").await {
            Ok(_) => break,
            Err(e) if attempt == 1 => return Err(e),
            Err(_) => {}
        }
    }
    audit.screen(app, &l("en-troubleshoot")).await?;

    // German: the same screens again, reached through the rail.
    click(app, "lang-de").await?;
    app.wait_text("step-troubleshoot", "Etwas stimmt nicht?")
        .await?;
    app.wait_attr("html", "lang", "de").await?;
    audit.screen(app, &l("de-troubleshoot")).await?;
    click(app, "rail-profiles").await?;
    app.wait_visible("step-profiles").await?;
    audit.screen(app, &l("de-profiles")).await?;
    for step in [
        "start",
        "azure-app",
        "permissions",
        "live-test",
        "secret-expiry",
        "genesys",
        "summary",
        "mailboxes",
    ] {
        click(app, &format!("rail-{step}")).await?;
        app.wait_visible(&format!("step-{step}")).await?;
        if step == "mailboxes" {
            blocked_mailbox(app, audit, &l("de-mailboxes")).await?;
        } else {
            audit.screen(app, &l(&format!("de-{step}"))).await?;
        }
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_every_step_has_no_serious_axe_violation_in_english_and_german() -> Result<()> {
    let mut app = App::launch("a11y").await?;
    let mut audit = Audit::default();
    app.wait_text("step-start", "Welcome to graphwiz").await?;

    // The page's CSP holds while the tests' scripts run (inline scripts and eval are refused),
    // yet axe's source goes in through WebDriver: WebDriver's own scripts are not governed by it.
    let csp = app
        .client
        .execute(
            r#"const s = document.createElement("script");
               s.textContent = "window.__inlineRan = true;";
               document.head.append(s);
               s.remove();
               let evalRan = false;
               try { evalRan = eval("true"); } catch (_) { evalRan = false; }
               return [window.__inlineRan === true, evalRan];"#,
            vec![],
        )
        .await?;
    assert_eq!(
        csp,
        serde_json::json!([false, false]),
        "the CSP lets inline scripts or eval run"
    );

    audit_every_screen(&mut app, &mut audit, "").await?;
    app.close().await?;
    audit.report()
}

#[tokio::test(flavor = "multi_thread")]
async fn b_dark_mode_has_no_serious_axe_violation_in_english_and_german() -> Result<()> {
    // GTK's dark theme: WebKitGTK then reports prefers-color-scheme: dark (app.css's dark colours).
    let mut app =
        App::launch_with("a11y-dark", Home::new()?, &[("GTK_THEME", "Adwaita:dark")]).await?;
    let mut audit = Audit::default();
    app.wait_text("step-start", "Welcome to graphwiz").await?;
    let dark = app
        .client
        .execute(
            "return matchMedia('(prefers-color-scheme: dark)').matches;",
            vec![],
        )
        .await?;
    assert_eq!(
        dark,
        serde_json::Value::Bool(true),
        "the web view is not in dark mode"
    );
    audit_every_screen(&mut app, &mut audit, "dark-").await?;
    app.close().await?;
    audit.report()
}
