//! The wizard tells the truth, in the real app: each step in the side rail shows the core's
//! verdict (never a green tick over a failure or over a test that never ran), the summary names
//! every failed check with a way to its step, and the live test's pills say how each phase came
//! out. Run one at a time (`--test-threads=1`).

use graphwiz_e2e::{App, Result};

async fn rail_status(app: &App, step: &str) -> Result<String> {
    let el = app
        .wait_selector(&format!(".steps li[data-step=\"{step}\"]"))
        .await?;
    Ok(el.attr("data-status").await?.unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_expired_secret_is_red_in_the_rail_and_named_in_the_summary() -> Result<()> {
    let mut app = App::launch("h-expired").await?;
    app.click("start-demo").await?;
    app.wait_visible("step-azure-app").await?;
    app.select("demo-scenario", "expired-secret").await?;
    app.wait_text("demo-scenario-desc", "expired").await?;
    app.click("wizard-next").await?;
    app.wait_visible("step-permissions").await?;
    app.wait_idle().await?;
    app.wait_attr("[data-testid=\"check-credentials\"]", "data-status", "fail")
        .await?;

    // The steps the failure is on are red; nothing after it is green.
    app.wait_attr(
        ".steps li[data-step=\"permissions\"]",
        "data-status",
        "failed",
    )
    .await?;
    app.wait_attr(
        ".steps li[data-step=\"azure-app\"]",
        "data-status",
        "failed",
    )
    .await?;
    for step in ["mailboxes", "live-test", "summary"] {
        let s = rail_status(&app, step).await?;
        assert_ne!(s, "passed", "{step} is green over an expired secret");
    }
    assert_eq!(rail_status(&app, "live-test").await?, "not_run");
    assert_eq!(rail_status(&app, "secret-expiry").await?, "failed");
    let label = app
        .el("rail-permissions")
        .await?
        .attr("aria-label")
        .await?
        .unwrap_or_default();
    assert!(
        label.contains("failed"),
        "the rail says it in words: {label}"
    );
    app.screenshot("rail-expired").await?;

    // The summary names the failed check and leads to its step.
    for _ in 0..8 {
        if app.el("step-summary").await?.is_displayed().await? {
            break;
        }
        app.click("wizard-next").await?;
        app.wait_idle().await?;
    }
    app.wait_visible("step-summary").await?;
    app.wait_visible("summary-problems-box").await?;
    app.wait_selector_text(
        "[data-testid=\"summary-problem\"][data-check=\"credentials\"]",
        "Client ID and secret",
    )
    .await?;
    app.screenshot("summary-problems").await?;
    app.click_selector(
        "[data-testid=\"summary-problem\"][data-check=\"credentials\"] [data-testid=\"summary-problem-go\"]",
    )
    .await?;
    app.wait_visible("step-permissions").await?;

    // The expiry step uses what Entra ID said: expired, in red, with the fix and the deep link.
    app.click("rail-secret-expiry").await?;
    app.wait_visible("step-secret-expiry").await?;
    app.wait_text("expiry-date", "Expired").await?;
    app.wait_text("expiry-check", "AADSTS7000222").await?;
    app.wait_attr(
        "[data-testid=\"expiry-days-tile\"]",
        "data-state",
        "expired",
    )
    .await?;
    app.wait_visible("portal-secret_expiry").await?;
    app.screenshot("expiry-expired").await?;

    // German: the same verdicts, in German words.
    app.click("lang-de").await?;
    app.wait_text("rail-permissions", "Berechtigungen").await?;
    let label = app
        .el("rail-permissions")
        .await?
        .attr("aria-label")
        .await?
        .unwrap_or_default();
    assert!(label.contains("fehlgeschlagen"), "{label}");
    app.close().await?;
    Ok(())
}

const DOMAIN: &str = "contoso-demo.onmicrosoft.com";

async fn walk_to(app: &App, testid: &str) -> Result<()> {
    for _ in 0..8 {
        app.wait_idle().await?;
        if app.el(testid).await?.is_displayed().await? {
            return Ok(());
        }
        // No Next on the last step: the target is on its way.
        if !app.el("wizard-next").await?.is_displayed().await? {
            break;
        }
        app.click("wizard-next").await?;
        app.wait_idle().await?;
    }
    app.wait_visible(testid).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn b_the_live_test_needs_only_its_own_mailbox() -> Result<()> {
    let mut app = App::launch("h-live").await?;
    app.click("start-demo").await?;
    app.wait_visible("step-azure-app").await?;
    app.click("wizard-next").await?;
    app.wait_visible("step-permissions").await?;
    app.wait_idle().await?;
    app.click("wizard-next").await?;
    app.wait_visible("step-mailboxes").await?;
    // Two broken mailboxes beside the healthy one.
    for m in ["unlicensed", "blocked"] {
        app.type_into("mailbox-input", &format!("{m}@{DOMAIN}"))
            .await?;
        app.click("mailbox-add").await?;
        app.wait_idle().await?;
    }
    app.click("mailboxes-check").await?;
    app.wait_idle().await?;
    app.wait_attr(
        ".steps li[data-step=\"mailboxes\"]",
        "data-status",
        "failed",
    )
    .await?;

    // Sent from the healthy one, the test runs and passes: the others do not stop it.
    app.click("wizard-next").await?;
    app.wait_visible("step-live-test").await?;
    app.select("live-sender", &format!("support@{DOMAIN}"))
        .await?;
    app.click("live-run").await?;
    app.wait_text("live-latency", "arrived").await?;
    app.wait_idle().await?;
    for phase in ["sending", "waiting", "marking_read", "cleaning_up"] {
        app.wait_attr(&format!("[data-phase=\"{phase}\"]"), "data-status", "pass")
            .await?;
    }
    app.wait_attr(
        ".steps li[data-step=\"live-test\"]",
        "data-status",
        "passed",
    )
    .await?;
    app.screenshot("live-passes-beside-broken-mailboxes")
        .await?;

    // Sent from a broken one, it is refused, says what blocks it, and every pill says skipped.
    app.select("live-sender", &format!("blocked@{DOMAIN}"))
        .await?;
    app.click("live-run").await?;
    app.wait_idle().await?;
    app.wait_text("live-checks", "needs these checks to pass first")
        .await?;
    app.wait_text("live-checks", &format!("blocked@{DOMAIN}"))
        .await?;
    for phase in ["sending", "waiting", "marking_read", "cleaning_up"] {
        app.wait_attr(&format!("[data-phase=\"{phase}\"]"), "data-status", "skip")
            .await?;
    }
    app.wait_selector_text("[data-phase=\"sending\"] .phase-state", "Skipped")
        .await?;
    app.screenshot("live-refused-for-broken-sender").await?;
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn c_import_says_what_it_does_and_waits_for_the_admin() -> Result<()> {
    let mut app = App::launch("h-import").await?;
    app.click("start-demo").await?;
    app.wait_visible("step-azure-app").await?;
    app.click("wizard-next").await?;
    app.wait_visible("step-permissions").await?;
    app.wait_idle().await?;
    walk_to(&app, "step-summary").await?;
    // The happy demo passes every check; should a check not have run, export it anyway.
    if app.el("export-anyway-row").await?.is_displayed().await? {
        app.click("export-anyway").await?;
    }
    app.click("summary-export").await?;
    app.wait_text("summary-export-note", ".graphwiz.json")
        .await?;
    let exported = std::fs::read_dir(app.home.export_dir())?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().ends_with(".graphwiz.json"))
        .ok_or("no config file was exported")?;
    std::fs::copy(&exported, app.home.import_file())?;

    // Import while the demo is open: what the file holds, that the demo closes, and that it
    // points at a loopback test endpoint — and nothing changes until confirmed.
    app.click("rail-start").await?;
    app.wait_visible("step-start").await?;
    app.click("start-import").await?;
    app.wait_visible("import-confirm").await?;
    app.wait_text("import-notes", "closes the demo tenant")
        .await?;
    app.wait_text("import-notes", "an address on this computer")
        .await?;
    app.wait_text("import-notes", "1 mailbox").await?;
    app.wait_visible("import-keep-row").await?;
    app.wait_text("import-confirm-go", "Close the demo and import")
        .await?;
    app.wait_visible("demo-banner").await?;
    app.screenshot("import-preview").await?;

    // Cancelled: still the demo.
    app.click("import-cancel").await?;
    app.wait_visible("demo-banner").await?;

    // Confirmed: the demo is closed, the Azure app step opens and a notice says what happened.
    app.click("start-import").await?;
    app.wait_visible("import-confirm").await?;
    app.click("import-confirm-go").await?;
    app.wait_visible("step-azure-app").await?;
    app.wait_text("notices", "Imported").await?;
    app.wait_text("notices", "test endpoints were left out")
        .await?;
    assert!(!app.el("demo-banner").await?.is_displayed().await?);
    app.screenshot("imported").await?;
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn d_export_with_failed_checks_is_refused_beside_the_button() -> Result<()> {
    let mut app = App::launch("h-export").await?;
    app.click("start-demo").await?;
    app.wait_visible("step-azure-app").await?;
    app.select("demo-scenario", "expired-secret").await?;
    app.wait_text("demo-scenario-desc", "expired").await?;
    app.click("wizard-next").await?;
    app.wait_visible("step-permissions").await?;
    app.wait_idle().await?;
    walk_to(&app, "step-summary").await?;

    // Refused, and said beside the button (not in the banner at the top); no file written.
    app.wait_visible("export-anyway-row").await?;
    app.click("summary-export").await?;
    app.wait_text("summary-export-error", "Not exported")
        .await?;
    assert!(!app.el("error-banner").await?.is_displayed().await?);
    assert!(!app.el("summary-export-note").await?.is_displayed().await?);
    let written = |app: &App| -> Result<usize> {
        Ok(std::fs::read_dir(app.home.export_dir())
            .map(|d| d.filter_map(|e| e.ok()).count())
            .unwrap_or(0))
    };
    assert_eq!(written(&app)?, 0, "a refused export wrote a file");
    // In view: the note is inside the visible part of the window, above the step navigation.
    let inside: bool = app
        .client
        .execute(
            r#"const r = document.querySelector('[data-testid="summary-export-error"]').getBoundingClientRect();
               const nav = document.querySelector('[data-testid="wizard-nav"]').getBoundingClientRect();
               return r.top >= 0 && r.bottom <= nav.top;"#,
            vec![],
        )
        .await?
        .as_bool()
        .unwrap_or(false);
    assert!(inside, "the refusal is hidden under the step navigation");
    app.screenshot("export-refused").await?;

    // Export anyway: written, marked not validated, and the result replaces the refusal.
    app.click("export-anyway").await?;
    app.click("summary-export").await?;
    app.wait_text("summary-export-note", ".graphwiz.json")
        .await?;
    assert!(!app.el("summary-export-error").await?.is_displayed().await?);
    assert_eq!(written(&app)?, 1);
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn e_field_messages_are_fresh_one_per_field_and_the_scope_audit_explains() -> Result<()> {
    let mut app = App::launch("h-form").await?;
    app.click("start-demo").await?;
    app.wait_visible("step-azure-app").await?;
    let problems = "[data-testid=\"problems-tenant\"] .problem";

    // A problem under the field while it is wrong ...
    app.type_into("field-tenant", "not a tenant").await?;
    app.wait_text("problems-tenant", "Neither a GUID nor a domain")
        .await?;
    // ... gone when another scenario fills the form with a valid tenant.
    app.select("demo-scenario", "wrong-secret").await?;
    app.wait_idle().await?;
    app.wait_attr("[data-testid=\"field-tenant\"]", "aria-invalid", "false")
        .await?;
    assert!(
        app.all(problems).await?.is_empty(),
        "a stale message stayed"
    );
    assert!(app.value("field-tenant").await?.contains('-'));

    // Refused on Save: the field is marked and has exactly one message next to it.
    app.type_into("field-tenant", "{not a tenant}").await?;
    app.click("wizard-next").await?;
    app.wait_attr("[data-testid=\"field-tenant\"]", "aria-invalid", "true")
        .await?;
    assert_eq!(app.all(problems).await?.len(), 1, "one message per field");
    app.screenshot("form-refused").await?;

    // The happy tenant again: on to the mailboxes.
    app.select("demo-scenario", "healthy").await?;
    app.wait_idle().await?;
    assert!(
        app.all(problems).await?.is_empty(),
        "a stale message stayed"
    );
    walk_to(&app, "step-mailboxes").await?;

    // The scope audit takes Enter, and says under its field why it refuses a mailbox.
    app.type_into("probe-input", &format!("support@{DOMAIN}\u{E007}"))
        .await?;
    app.wait_text(
        "problems-probe_mailbox",
        "is one of the integration's mailboxes",
    )
    .await?;
    assert!(!app.el("error-banner").await?.is_displayed().await?);

    // The demo offers a mailbox outside the app's access policy; on it the audit passes.
    app.wait_text("probe-demo", &format!("blocked@{DOMAIN}"))
        .await?;
    app.click("probe-demo-use").await?;
    app.wait_idle().await?;
    assert_eq!(app.value("probe-input").await?, format!("blocked@{DOMAIN}"));
    assert!(!app.el("probe-demo").await?.is_displayed().await?);
    app.click("mailboxes-check").await?;
    app.wait_idle().await?;
    app.wait_attr("[data-testid=\"scope-audit\"] li", "data-status", "pass")
        .await?;
    app.screenshot("scope-audit-passes").await?;
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn f_throttling_is_said_not_silent() -> Result<()> {
    let mut app = App::launch("h-throttled").await?;
    app.click("start-demo").await?;
    app.wait_visible("step-azure-app").await?;
    app.select("demo-scenario", "throttled").await?;
    app.wait_idle().await?;
    app.click("wizard-next").await?;
    app.wait_visible("step-permissions").await?;
    app.wait_idle().await?;
    // The checks pass after the waits, and the step says Microsoft Graph throttled and how long
    // graphwiz waited.
    app.wait_text("perm-summary", "Microsoft Graph throttled")
        .await?;
    app.wait_text("perm-summary", "waited").await?;
    app.screenshot("throttled").await?;
    // In German too, without checking again.
    app.click("lang-de").await?;
    app.wait_text("perm-summary", "gedrosselt").await?;
    app.close().await?;
    Ok(())
}

/// The summary says "validated" only when every claim is proven: with every mailbox removed it
/// says which claim is missing (in English and German), and a live test that ran from a mailbox
/// no longer in the profile proves nothing.
#[tokio::test(flavor = "multi_thread")]
async fn g_without_a_mailbox_nothing_is_validated() -> Result<()> {
    let mut app = App::launch("h-no-mailbox").await?;
    app.click("start-demo").await?;
    app.wait_visible("step-azure-app").await?;
    app.click("wizard-next").await?;
    app.wait_visible("step-permissions").await?;
    walk_to(&app, "step-live-test").await?;
    app.click("live-run").await?;
    app.wait_text("live-latency", "arrived").await?;
    app.wait_idle().await?;
    walk_to(&app, "step-summary").await?;
    // The mailbox goes: nothing needs to run for the summary to stop saying "validated".
    app.click("rail-mailboxes").await?;
    app.wait_visible("step-mailboxes").await?;
    app.click_selector(&format!(
        "[data-address=\"support@{DOMAIN}\"] [data-testid=\"mailbox-remove\"]"
    ))
    .await?;
    app.wait_idle().await?;
    app.click("rail-summary").await?;
    app.wait_visible("step-summary").await?;
    let verdict = app.wait_text("summary-verdict", "Not validated").await?;
    assert!(!verdict.contains("Validated:"), "{verdict}");
    let none = app
        .wait_selector("[data-testid=\"summary-claim\"][data-claim=\"mailbox\"]")
        .await?;
    assert_eq!(none.attr("data-state").await?.as_deref(), Some("unknown"));
    assert!(none.text().await?.contains("No mailbox is named"));
    let flow = app
        .wait_selector("[data-testid=\"summary-claim\"][data-claim=\"mail_flow\"]")
        .await?;
    assert_ne!(flow.attr("data-state").await?.as_deref(), Some("proven"));
    let view = app.invoke("get_view", serde_json::json!({})).await?;
    assert_eq!(view["ok"]["summary"]["validated"], false, "{view}");
    app.screenshot("no-mailbox-summary").await?;
    app.click("lang-de").await?;
    app.wait_text("summary-verdict", "Noch nicht validiert")
        .await?;
    app.wait_text("summary-claims", "Es ist kein Postfach genannt")
        .await?;
    app.screenshot("no-mailbox-summary-de").await?;
    app.close().await?;
    Ok(())
}
