//! The saved profiles view, end to end, in the real app: seven saved profiles with long names and
//! tenants, in German (the longest labels), at 1280×800 and at 800×560: every row's actions
//! ("Öffnen", "Erneut prüfen", "Entfernen") are on screen inside the table's box, nothing
//! overflows sideways (below a width each profile is a stacked card); "Alle erneut prüfen" says
//! how far it is ("7 von 7 geprüft") and every row shows its new verdict. Run one at a time
//! (`--test-threads=1`): the app is a single instance per D-Bus session.

use graphwiz_e2e::{noon_in_days, App, Home, Result};
use serde_json::{json, Value};

const PROFILES: usize = 7;

/// `profiles.json` with seven profiles whose secrets are not in the keychain (a re-check then
/// fails each at once, without any network).
fn write_profiles(home: &Home) -> Result<()> {
    let profiles: Vec<Value> = (1..=PROFILES)
        .map(|i| {
            let tenant = format!("kundenservice-standort-{i}-produktion.onmicrosoft.com");
            json!({
                "name": format!("Kundenservice Standort {i} – Produktion"),
                "cloud": "global",
                "tenant": tenant,
                "client_id": "3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10",
                "mailboxes": [format!("support@{tenant}")],
                "login_url": "http://127.0.0.1:9",
                "graph_url": "http://127.0.0.1:9",
                "secret_ref": format!("0123456789abcdef0123456789abcd{i:02}"),
                "secret_hint": "abc",
                "secret_expiry": noon_in_days(20 + i as i64),
            })
        })
        .collect();
    std::fs::write(
        home.graphwiz_home().join("profiles.json"),
        serde_json::to_string_pretty(&json!({ "version": 1, "profiles": profiles }))?,
    )?;
    Ok(())
}

/// Where each row's buttons are, against the table's box and the window.
const GEOMETRY: &str = r##"
const wrap = document.querySelector('[data-testid="profiles-wrap"]');
const w = wrap.getBoundingClientRect();
const vw = document.documentElement.clientWidth;
const main = document.getElementById("main");
const problems = [];
let buttons = 0;
for (const row of document.querySelectorAll('[data-testid="profile-row"]')) {
  for (const b of row.querySelectorAll("button")) {
    buttons += 1;
    const r = b.getBoundingClientRect();
    const what = row.dataset.name + " / " + b.textContent;
    if (r.width < 1 || r.height < 1) problems.push(what + ": not shown");
    else if (r.left < w.left - 0.5 || r.right > w.right + 0.5) problems.push(what + ": " + r.left + ".." + r.right + " outside the box " + w.left + ".." + w.right);
    else if (r.right > vw + 0.5) problems.push(what + ": right edge " + r.right + " beyond the window " + vw);
  }
}
const thead = document.querySelector('[data-testid="profiles-table"] thead');
return {
  problems,
  buttons,
  inner: [window.innerWidth, window.innerHeight],
  wrapOverflow: wrap.scrollWidth - wrap.clientWidth,
  mainOverflow: main.scrollWidth - main.clientWidth,
  docOverflow: document.documentElement.scrollWidth - vw,
  stacked: getComputedStyle(thead).position === "absolute",
};
"##;

async fn check_size(app: &mut App, width: u32, height: u32, stacked: bool) -> Result<()> {
    app.client.set_window_size(width, height).await?;
    // The window manager-less display applies it at once; the page lays out on the next frame.
    let mut g = Value::Null;
    for _ in 0..30 {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        g = app.client.execute(GEOMETRY, vec![]).await?;
        if g["inner"][0]
            .as_u64()
            .is_some_and(|w| w + 40 >= width.into() && w <= width.into())
        {
            break;
        }
    }
    let label = format!("{width}x{height}");
    let inner = g["inner"][0].as_u64().unwrap_or(0);
    assert!(
        inner + 40 >= u64::from(width) && inner <= u64::from(width),
        "{label}: the window did not take the size: {g}"
    );
    assert_eq!(g["buttons"], json!(3 * PROFILES), "{label}: {g}");
    assert_eq!(g["problems"], json!([]), "{label}: actions cut off: {g}");
    for key in ["wrapOverflow", "mainOverflow", "docOverflow"] {
        assert!(
            g[key].as_i64().unwrap_or(1) <= 0,
            "{label}: horizontal overflow ({key}): {g}"
        );
    }
    assert_eq!(g["stacked"], json!(stacked), "{label}: {g}");
    app.show("profile-row").await?;
    app.screenshot(&format!("profiles-{label}")).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn p1_profiles_keep_their_actions_in_view_and_recheck_shows_progress() -> Result<()> {
    let home = Home::new()?;
    write_profiles(&home)?;
    let mut app = App::launch_in("p1-profiles", home).await?;
    app.wait_idle().await?;
    app.click("lang-de").await?;
    app.wait_text("rail-profiles", "Gespeicherte Profile")
        .await?;
    app.wait_idle().await?;
    app.click("rail-profiles").await?;
    app.wait_visible("profiles-table").await?;
    app.wait_text("profiles-table", "Entfernen").await?;
    assert_eq!(
        app.all("[data-testid=\"profile-row\"]").await?.len(),
        PROFILES
    );

    check_size(&mut app, 1280, 800, false).await?;
    check_size(&mut app, 800, 560, true).await?;

    // "Alle erneut prüfen": how far it is, then every row's new verdict (each secret is missing).
    assert!(!app.el("profiles-progress").await?.is_displayed().await?);
    app.click("profiles-recheck-all").await?;
    app.wait_text(
        "profiles-progress",
        &format!("{PROFILES} von {PROFILES} geprüft"),
    )
    .await?;
    app.wait_idle().await?;
    let verdicts = app.all("[data-testid=\"profile-verdict\"]").await?;
    assert_eq!(verdicts.len(), PROFILES);
    for v in verdicts {
        let text = v.text().await?;
        assert!(text.contains("fehlgeschlagen"), "{text}");
    }
    assert!(app
        .all("[data-testid=\"profile-checking\"]")
        .await?
        .is_empty());
    app.wait_text("profiles-table", "nicht im Schlüsselbund")
        .await?;
    // Still nothing cut off with the longer rows.
    check_size(&mut app, 800, 560, true).await?;
    check_size(&mut app, 1280, 800, false).await?;
    app.close().await?;
    Ok(())
}
