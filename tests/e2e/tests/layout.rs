//! Layout and keyboard, end to end, in the real app on the demo (screenshots of each in
//! `e2e-screenshots/layout-*`): the live test's "Send from" select as wide as the mailbox address;
//! each phase pill's status dot beside its label, in German too; the reminder day boxes in one
//! aligned group; a visible focus ring on every control the keyboard reaches, the pressed
//! language button included, and every focused control clear of the sticky step navigation; the
//! profiles view saying that demo tenants are not saved. Run one at a time (`--test-threads=1`):
//! the app is a single instance per D-Bus session.

use graphwiz_e2e::{App, Result};
use serde_json::Value;

const DEMO_DOMAIN: &str = "contoso-demo.onmicrosoft.com";

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

/// What the focused element is and how it shows its focus.
const FOCUS_INFO: &str = r##"
const e = document.activeElement;
if (!e || e === document.body || e === document.documentElement) return null;
const cs = getComputedStyle(e);
const r = e.getBoundingClientRect();
const main = document.getElementById("main").getBoundingClientRect();
const nav = document.querySelector('[data-testid="wizard-nav"]');
const navTop = nav && !nav.hidden ? nav.getBoundingClientRect().top : null;
const id = e.dataset.testid || e.id || (e.className && String(e.className)) || "";
return {
  what: e.tagName.toLowerCase() + (id ? "[" + id + "]" : "") + (e.type ? ":" + e.type : ""),
  visible: e.matches(":focus-visible"),
  outline: cs.outlineStyle + " " + cs.outlineWidth,
  ring: cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 2,
  offset: parseFloat(cs.outlineOffset),
  inMain: e.closest("#main") !== null && e.closest(".wizard-nav") === null,
  top: r.top, bottom: r.bottom, mainTop: main.top, navTop,
};
"##;

/// Walks the whole page with Tab from where the focus is until it comes round again: every
/// control it reaches shows a focus ring (2 px or more, outside the control, so a pressed
/// button's fill can't hide it), and every control of the step is scrolled clear of the sticky
/// step navigation and the top of the view. Returns how many controls it saw.
async fn tab_round(app: &mut App, label: &str) -> Result<usize> {
    let mut seen: Vec<String> = Vec::new();
    let mut problems = Vec::new();
    let mut shot = false;
    for _ in 0..160 {
        app.tab(false).await?;
        let info = app.client.execute(FOCUS_INFO, vec![]).await?;
        if info.is_null() {
            continue; // the focus is outside the page for a moment (the window's own chain)
        }
        let what = info["what"].as_str().unwrap_or_default().to_string();
        if seen.first() == Some(&what) && seen.len() > 1 {
            break;
        }
        if !info["visible"].as_bool().unwrap_or(false) || !info["ring"].as_bool().unwrap_or(false) {
            problems.push(format!(
                "{what}: no visible focus ring (outline {})",
                info["outline"]
            ));
        }
        if info["offset"].as_f64().unwrap_or(0.0) < 0.0 {
            problems.push(format!(
                "{what}: the focus ring is drawn inside the control"
            ));
        }
        if info["inMain"].as_bool().unwrap_or(false) {
            let bottom = info["bottom"].as_f64().unwrap_or(0.0);
            let top = info["top"].as_f64().unwrap_or(0.0);
            if let Some(nav) = info["navTop"].as_f64() {
                if bottom > nav + 1.0 {
                    problems.push(format!(
                        "{what}: focused under the step navigation (bottom {bottom:.0} > {nav:.0})"
                    ));
                    if !shot {
                        app.screenshot(&format!("{label}-under-nav")).await?;
                        shot = true;
                    }
                }
            }
            if top < info["mainTop"].as_f64().unwrap_or(0.0) - 1.0 {
                problems.push(format!("{what}: focused above the view (top {top:.0})"));
            }
        }
        seen.push(what);
    }
    if !problems.is_empty() {
        return Err(format!("{label}: {}", problems.join("; ")).into());
    }
    if seen.len() < 10 {
        return Err(format!("{label}: Tab reached only {seen:?}").into());
    }
    Ok(seen.len())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_layout_and_keyboard_on_every_step() -> Result<()> {
    let mut app = App::launch("layout").await?;
    app.wait_text("step-start", "Welcome to graphwiz").await?;

    // The pressed language button shows its focus ring when reached with the keyboard.
    click(&app, "lang-de").await?;
    app.wait_text("step-start", "Willkommen").await?;
    app.tab(false).await?;
    app.tab(true).await?;
    let info = app.client.execute(FOCUS_INFO, vec![]).await?;
    assert_eq!(info["what"], "button[lang-de]:button", "{info}");
    assert_eq!(info["visible"], Value::Bool(true), "{info}");
    assert_eq!(info["ring"], Value::Bool(true), "{info}");
    assert!(info["offset"].as_f64().unwrap_or(-1.0) >= 0.0, "{info}");
    app.screenshot("focus-pressed-language").await?;
    let n = tab_round(&mut app, "de-start").await?;
    println!("de-start: {n} controls");

    click(&app, "start-demo").await?;
    app.wait_visible("step-azure-app").await?;
    let n = tab_round(&mut app, "de-azure-app").await?;
    println!("de-azure-app: {n} controls");
    for (testid, step) in [
        ("step-permissions", "permissions"),
        ("step-mailboxes", "mailboxes"),
    ] {
        click(&app, "wizard-next").await?;
        app.wait_visible(testid).await?;
        app.wait_idle().await?;
        let n = tab_round(&mut app, &format!("de-{step}")).await?;
        println!("de-{step}: {n} controls");
    }

    // Live test: the select shows the whole address; every phase's dot sits beside its label.
    click(&app, "wizard-next").await?;
    app.wait_visible("step-live-test").await?;
    click(&app, "live-run").await?;
    app.wait_text("live-latency", "ms").await?;
    app.wait_idle().await?;
    let fit = app
        .client
        .execute(
            r#"const s = document.querySelector('[data-testid="live-sender"]');
               const c = document.createElement("canvas").getContext("2d");
               const cs = getComputedStyle(s);
               c.font = cs.fontWeight + " " + cs.fontSize + " " + cs.fontFamily;
               return { text: c.measureText(s.value).width, box: s.clientWidth, value: s.value };"#,
            vec![],
        )
        .await?;
    assert_eq!(fit["value"], format!("support@{DEMO_DOMAIN}"), "{fit}");
    let text = fit["text"].as_f64().unwrap_or(f64::MAX);
    let bx = fit["box"].as_f64().unwrap_or(0.0);
    // Room for the padding and the arrow beside the text.
    assert!(
        text + 40.0 <= bx,
        "the sender select clips its address: {fit}"
    );
    let pills = app
        .client
        .execute(
            r#"return Array.from(document.querySelectorAll('[data-phase]')).map((li) => {
                 const d = li.querySelector(".phase-dot").getBoundingClientRect();
                 const t = li.querySelector(".phase-text").getBoundingClientRect();
                 return { phase: li.dataset.phase, text: li.textContent,
                          beside: d.right <= t.left && d.bottom > t.top && d.top < t.bottom };
               });"#,
            vec![],
        )
        .await?;
    for p in pills.as_array().ok_or("no phases")? {
        assert_eq!(
            p["beside"],
            Value::Bool(true),
            "dot not beside its label: {p}"
        );
        assert!(
            p["text"].as_str().unwrap_or_default().contains("Bestanden"),
            "no status word in the pill: {p}"
        );
    }
    app.wait_text("live-phase-mark_read", "Als gelesen markieren")
        .await?;
    app.show("live-phases").await?;
    app.screenshot("de-live-test").await?;
    let n = tab_round(&mut app, "de-live-test").await?;
    println!("de-live-test: {n} controls");

    // Secret expiry: the reminder days in one aligned row under their caption.
    click(&app, "wizard-next").await?;
    app.wait_visible("step-secret-expiry").await?;
    app.wait_text("expiry-state", "rechtzeitig").await?;
    let boxes = app
        .client
        .execute(
            r#"const cap = document.querySelector('[data-testid="reminder-days"] .help').getBoundingClientRect();
               return Array.from(document.querySelectorAll('[data-day]')).map((b) => {
                 const r = b.getBoundingClientRect();
                 return { day: b.dataset.day, top: Math.round(r.top), left: Math.round(r.left), below: r.top >= cap.bottom };
               });"#,
            vec![],
        )
        .await?;
    let boxes = boxes.as_array().ok_or("no reminder days")?;
    let first = &boxes[0];
    assert_eq!(first["day"], "30");
    for b in boxes {
        assert_eq!(
            b["top"], first["top"],
            "reminder boxes not in one row: {boxes:?}"
        );
        assert_eq!(
            b["below"],
            Value::Bool(true),
            "a box beside the caption: {boxes:?}"
        );
    }
    for w in boxes.windows(2) {
        assert!(
            w[0]["left"].as_i64() < w[1]["left"].as_i64(),
            "reminder boxes out of order: {boxes:?}"
        );
    }
    app.show("reminder-days").await?;
    app.screenshot("de-reminder-days").await?;
    let n = tab_round(&mut app, "de-secret-expiry").await?;
    println!("de-secret-expiry: {n} controls");

    for (testid, step) in [("step-genesys", "genesys"), ("step-summary", "summary")] {
        click(&app, "wizard-next").await?;
        app.wait_visible(testid).await?;
        app.wait_idle().await?;
        let n = tab_round(&mut app, &format!("de-{step}")).await?;
        println!("de-{step}: {n} controls");
    }

    // The profiles view says the demo is not saved, in both languages.
    click(&app, "rail-profiles").await?;
    app.wait_text("profiles-demo-note", "nie als Profil gespeichert")
        .await?;
    app.screenshot("de-profiles").await?;
    click(&app, "lang-en").await?;
    app.wait_text("profiles-demo-note", "never saved as profiles")
        .await?;
    let n = tab_round(&mut app, "en-profiles").await?;
    println!("en-profiles: {n} controls");
    app.screenshot("en-profiles").await?;

    // English Live test and reminders too (the widest texts are German, the layout the same).
    click(&app, "rail-live-test").await?;
    app.wait_visible("step-live-test").await?;
    app.scroll_top().await?;
    app.screenshot("en-live-test").await?;
    click(&app, "rail-secret-expiry").await?;
    app.wait_visible("step-secret-expiry").await?;
    app.show("reminder-days").await?;
    app.screenshot("en-reminder-days").await?;
    app.close().await?;
    Ok(())
}
