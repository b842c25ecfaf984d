//! Commands inside fixes, end to end, in the real app on the demo: a part of a fix written
//! between backticks shows as code on one line (scrolled sideways when long), built from text
//! only (a `<…>` placeholder stays text), with a button named "Copy command" ("Befehl kopieren"
//! in German) that puts exactly that command on the system clipboard (read back with xclip).
//! The demo's mailbox blocked by an access policy has such a fix (PowerShell), and so has the
//! scope audit of a mailbox the app can read. Run one at a time (`--test-threads=1`): the app is
//! a single instance per D-Bus session.

use graphwiz_e2e::{App, Result};
use serde_json::Value;
use std::process::Command;

const DEMO_DOMAIN: &str = "contoso-demo.onmicrosoft.com";
const DEMO_CLIENT_ID: &str = "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10";

/// Clicks `id` once the app is idle, again when WebDriver refuses the click.
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

/// The commands shown in the fix of the element matching `selector`: text, one line, scrolls
/// sideways, and the copy button's accessible name.
async fn commands_in(app: &App, selector: &str) -> Result<Vec<Value>> {
    let out = app
        .client
        .execute(
            r#"return Array.from(document.querySelectorAll(arguments[0] + ' [data-testid="fix-command"]')).map((c) => {
                 const code = c.querySelector("code");
                 const cs = getComputedStyle(code);
                 const button = c.querySelector("button");
                 return {
                   text: code.textContent, elements: code.children.length,
                   lines: (() => {
                     const range = document.createRange();
                     range.selectNodeContents(code);
                     return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
                   })(),
                   whiteSpace: cs.whiteSpace, overflowX: cs.overflowX,
                   button: button.getAttribute("aria-label"), inFix: c.closest(".check-fix") !== null,
                 };
               });"#,
            vec![Value::String(selector.to_string())],
        )
        .await?;
    Ok(out.as_array().cloned().unwrap_or_default())
}

fn clipboard() -> Result<String> {
    let out = Command::new("xclip")
        .args(["-o", "-selection", "clipboard"])
        .output()
        .map_err(|e| format!("xclip (Debian package xclip, scripts/install-prereqs.sh): {e}"))?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_a_command_in_a_fix_is_code_with_a_copy_button() -> Result<()> {
    let mut app = App::launch("commands").await?;
    click(&app, "start-demo").await?;
    app.wait_visible("step-azure-app").await?;
    for step in ["step-permissions", "step-mailboxes"] {
        click(&app, "wizard-next").await?;
        app.wait_visible(step).await?;
    }
    app.wait_idle().await?;
    click(&app, "demo-mailbox-blocked").await?;
    let blocked = format!("[data-testid=\"mailbox-item\"][data-address=\"blocked@{DEMO_DOMAIN}\"]");
    app.wait_selector(&blocked).await?;
    app.type_into("probe-input", &format!("sales@{DEMO_DOMAIN}"))
        .await?;
    click(&app, "probe-set").await?;
    click(&app, "mailboxes-check").await?;
    app.wait_attr(&blocked, "data-status", "fail").await?;
    app.wait_idle().await?;

    // The blocked mailbox's fix: three PowerShell commands, each code on one line with its button.
    let verify = format!(
        "Test-ApplicationAccessPolicy -Identity blocked@{DEMO_DOMAIN} -AppId {DEMO_CLIENT_ID}"
    );
    let cmds = commands_in(&app, &blocked).await?;
    let texts: Vec<&str> = cmds.iter().filter_map(|c| c["text"].as_str()).collect();
    assert!(texts.contains(&verify.as_str()), "{cmds:?}");
    for c in &cmds {
        assert_eq!(c["elements"], 0, "code built from HTML: {c}");
        assert_eq!(c["lines"], 1, "a command broken across lines: {c}");
        assert_eq!(c["whiteSpace"], "pre", "{c}");
        assert_eq!(c["overflowX"], "auto", "{c}");
        assert_eq!(c["button"], "Copy command", "{c}");
        assert_eq!(c["inFix"], Value::Bool(true), "{c}");
    }
    // The sentence around the commands is still there.
    app.wait_selector_text(&blocked, "Policy changes can take over an hour")
        .await?;

    // Copy: exactly the command, on the system clipboard.
    let index = texts
        .iter()
        .position(|t| *t == verify)
        .ok_or("no verify command")?;
    let button = format!(
        "{blocked} [data-testid=\"fix-command\"]:nth-of-type({}) [data-testid=\"copy-command\"]",
        index + 1
    );
    app.click_selector(&button).await?;
    app.wait_selector_text(
        &format!(
            "{blocked} [data-testid=\"fix-command\"]:nth-of-type({}) [data-testid=\"copy-command-note\"]",
            index + 1
        ),
        "Copied",
    )
    .await?;
    assert_eq!(clipboard()?, verify);
    app.show("mailbox-list").await?;
    app.screenshot("blocked-mailbox-fix").await?;

    // The scope audit's fix keeps its placeholder as text, and a long command scrolls.
    let audit = "[data-testid=\"scope-audit\"]";
    app.wait_attr("[data-testid=\"scope-audit\"] > li", "data-status", "warn")
        .await?;
    let cmds = commands_in(&app, audit).await?;
    assert!(
        cmds.iter().any(|c| c["text"]
            .as_str()
            .is_some_and(|t| t.contains("-ObjectId <Enterprise application object ID>"))),
        "{cmds:?}"
    );
    assert!(
        cmds.iter().any(|c| c["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("New-ApplicationAccessPolicy -AppId"))),
        "{cmds:?}"
    );
    app.show("scope-audit").await?;
    app.screenshot("scope-audit-fix").await?;

    // German: the fix in German with the same commands, the button's name in German.
    click(&app, "lang-de").await?;
    app.wait_text("step-mailboxes", "Postfächer").await?;
    app.wait_selector_text(&blocked, "prüfen Sie dann mit")
        .await?;
    let cmds = commands_in(&app, &blocked).await?;
    assert!(
        cmds.iter().any(|c| c["text"] == verify.as_str()),
        "{cmds:?}"
    );
    app.wait_attr(
        &format!("{blocked} [data-testid=\"copy-command\"]"),
        "aria-label",
        "Befehl kopieren",
    )
    .await?;
    app.wait_selector_text(
        &format!("{blocked} [data-testid=\"copy-command\"]"),
        "Kopieren",
    )
    .await?;
    app.show("mailbox-list").await?;
    app.screenshot("blocked-mailbox-fix-de").await?;
    app.close().await?;
    Ok(())
}
