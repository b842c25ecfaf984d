//! Printing reports: aligned text for people (in this run's language), one JSON object for
//! scripts. The status column (✔ PASS, ! WARN, ✘ FAIL, - SKIP) and the status words next to check
//! ids (pass, warn, fail, skip) are a fixed format in every language, like the check ids and JSON.

use crate::{lang, margs, tr, tra};
use graphwiz_core::i18n::Lang;
use graphwiz_core::{CheckInput, Report, Status};
use std::io::Write;

fn mark(s: Status) -> &'static str {
    match s {
        Status::Pass => "✔ PASS",
        Status::Warn => "! WARN",
        Status::Fail => "✘ FAIL",
        Status::Skip => "- SKIP",
    }
}

/// One JSON object on stdout, nothing else.
pub fn print_json<T: serde::Serialize>(value: &T) {
    let mut out = std::io::stdout().lock();
    let text = serde_json::to_string_pretty(value).unwrap_or_else(|e| {
        format!("{{\"ok\":false,\"error\":\"could not write the report as JSON: {e}\"}}")
    });
    let _ = writeln!(out, "{text}");
}

/// One JSON object on one line of standard output (JSON Lines), written out at once.
pub fn print_json_line<T: serde::Serialize>(value: &T) {
    let mut out = std::io::stdout().lock();
    let text = serde_json::to_string(value).unwrap_or_else(|e| {
        format!("{{\"ok\":false,\"error\":\"could not write the report as JSON: {e}\"}}")
    });
    let _ = writeln!(out, "{text}");
    let _ = out.flush();
}

/// The human report: one line per check, then the fixes.
pub fn print_human(input: &CheckInput, report: &Report) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "{}",
        tra(
            "cli-report-header",
            &margs!(
                "tenant" => input.tenant.as_str(),
                "client" => input.client_id.as_str(),
                "cloud" => input.endpoints.cloud.display_name(),
            )
        )
    );
    let _ = writeln!(out);
    let width = report.checks.iter().map(|c| c.id.len()).max().unwrap_or(10);
    for c in &report.checks {
        let code = c
            .code
            .as_deref()
            .map(|k| format!(" [{k}]"))
            .unwrap_or_default();
        let target = c
            .mailbox
            .as_deref()
            .map(|m| format!(" {m}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  {}  {:<width$}  {}{}{}",
            mark(c.status),
            c.id,
            c.summary,
            target,
            code
        );
    }
    if let Some(t) = &report.throttled {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", t.summary);
    }
    if let Some(te) = &report.token_endpoint {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "{}",
            tra("cli-token-endpoint", &margs!("url" => te.as_str()))
        );
    }
    // Checks that share a fix (e.g. three permissions missing one consent) are listed once.
    let mut fixes: Vec<(Vec<String>, &str, Option<&str>)> = Vec::new();
    for c in report
        .checks
        .iter()
        .filter(|c| matches!(c.status, Status::Fail | Status::Warn))
    {
        let Some(fix) = c.fix.as_deref() else {
            continue;
        };
        let label = format!("{} ({})", c.id, c.status.word());
        match fixes.iter_mut().find(|(_, f, _)| *f == fix) {
            Some((ids, _, _)) => ids.push(label),
            None => fixes.push((vec![label], fix, c.portal_url.as_deref())),
        }
    }
    if !fixes.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", tr("cli-what-to-do"));
        for (ids, fix, url) in fixes {
            let _ = writeln!(out, "  {}: {}", ids.join(", "), fix);
            if let Some(url) = url {
                let place = if url.contains("portal.azure") {
                    tr("cli-place-azure")
                } else {
                    tr("cli-place-genesys")
                };
                let _ = writeln!(out, "      {place}: {url}");
            }
        }
    }
    let _ = writeln!(out);
    let mut result = tra(
        "cli-result",
        &margs!(
            "passed" => report.count(Status::Pass),
            "warned" => report.count(Status::Warn),
            "failed" => report.count(Status::Fail),
            "skipped" => report.count(Status::Skip),
        ),
    );
    if report.ok {
        result.push(' ');
        result.push_str(&tr("cli-result-restart"));
    }
    let _ = writeln!(out, "{result}");
}

fn verdict(r: &Report) -> (&'static str, String) {
    let failed: Vec<_> = r
        .checks
        .iter()
        .filter(|c| c.status == Status::Fail)
        .collect();
    let warned: Vec<_> = r
        .checks
        .iter()
        .filter(|c| c.status == Status::Warn)
        .collect();
    if let Some(first) = failed.first() {
        let more = if failed.len() > 1 {
            format!(
                " {}",
                tra("cli-verdict-more", &margs!("count" => failed.len() - 1))
            )
        } else {
            String::new()
        };
        ("✘ FAIL", format!("{}: {}{more}", first.id, first.summary))
    } else if let Some(first) = warned.first() {
        ("! WARN", format!("{}: {}", first.id, first.summary))
    } else {
        (
            "✔ OK  ",
            tra(
                "cli-verdict-passed",
                &margs!("count" => r.count(Status::Pass)),
            ),
        )
    }
}

/// `check --all`: one line per profile, then totals.
pub fn print_all(results: &[(String, Report)]) {
    let mut out = std::io::stdout().lock();
    let width = results
        .iter()
        .map(|(n, _)| n.chars().count())
        .max()
        .unwrap_or(8);
    for (name, r) in results {
        let (mark, text) = verdict(r);
        let _ = writeln!(out, "  {mark}  {name:<width$}  {text}");
    }
    let failed = results.iter().filter(|(_, r)| !r.ok).count();
    let warned = results
        .iter()
        .filter(|(_, r)| r.ok && r.count(Status::Warn) > 0)
        .count();
    let _ = writeln!(out);
    let mut totals = tra(
        "cli-totals",
        &margs!(
            "count" => results.len(),
            "ok" => results.len() - failed - warned,
            "warned" => warned,
            "failed" => failed,
        ),
    );
    if failed > 0 {
        totals.push(' ');
        totals.push_str(&tr("cli-totals-hint"));
    }
    let _ = writeln!(out, "{totals}");
}

/// A moment for people: `2027-05-30 14:03 UTC`, in German `30.05.2027 14:03 UTC`.
pub fn when(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format(match lang() {
        Lang::De => "%d.%m.%Y %H:%M UTC",
        Lang::En => "%Y-%m-%d %H:%M UTC",
    })
    .to_string()
}

/// A day for people: `2027-05-30`, in German `30.05.2027`.
pub fn day(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format(match lang() {
        Lang::De => "%d.%m.%Y",
        Lang::En => "%Y-%m-%d",
    })
    .to_string()
}

/// `text` padded with spaces to `width` characters.
fn pad(text: &str, width: usize) -> String {
    format!("{text:<width$}")
}

/// `profile list`.
pub fn print_profiles(
    profiles: &[graphwiz_core::store::profiles::Profile],
    path: &std::path::Path,
) {
    let mut out = std::io::stdout().lock();
    if profiles.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            tra(
                "cli-profiles-none",
                &margs!("path" => path.display().to_string())
            )
        );
        let _ = writeln!(out, "{}", tr("cli-profiles-add-hint"));
        return;
    }
    let (name_h, tenant_h, client_h) = (
        tr("cli-col-name"),
        tr("cli-col-tenant"),
        tr("cli-col-client-id"),
    );
    let width = profiles
        .iter()
        .map(|p| p.name.chars().count())
        .chain([name_h.chars().count(), 4])
        .max()
        .unwrap_or(4);
    let tenant_w = tenant_h.chars().count().max(38);
    let client_w = client_h.chars().count().max(36);
    let _ = writeln!(
        out,
        "  {}  {}  {}  {}",
        pad(&name_h, width),
        pad(&tenant_h, tenant_w),
        pad(&client_h, client_w),
        tr("cli-col-last-check")
    );
    for p in profiles {
        let last = match &p.last_check {
            Some(c) => format!(
                "{} {}",
                if c.report.ok {
                    tr("cli-last-check-ok")
                } else {
                    tr("cli-last-check-failed")
                },
                when(c.at)
            ),
            None => tr("cli-last-check-never"),
        };
        let _ = writeln!(
            out,
            "  {:<width$}  {:<tenant_w$}  {:<client_w$}  {last}",
            p.name, p.tenant, p.client_id
        );
    }
}

/// `profile show`.
pub fn print_profile(
    p: &graphwiz_core::store::profiles::Profile,
    in_keychain: &Result<bool, graphwiz_core::store::keychain::KeychainError>,
) {
    let mut lines: Vec<(&str, String)> = Vec::new();
    lines.push(("cli-show-profile", p.name.clone()));
    lines.push(("cli-show-cloud", p.cloud.display_name().to_string()));
    lines.push((
        "cli-show-tenant",
        format!(
            "{}{}",
            p.tenant,
            p.tenant_id
                .as_ref()
                .filter(|t| **t != p.tenant)
                .map(|t| format!(" ({t})"))
                .unwrap_or_default()
        ),
    ));
    lines.push(("cli-show-client", p.client_id.clone()));
    lines.push((
        "cli-show-mailboxes",
        if p.mailboxes.is_empty() {
            tr("cli-show-none")
        } else {
            p.mailboxes.join(", ")
        },
    ));
    let secret = match in_keychain {
        Ok(true) => tr("cli-secret-in-keychain"),
        Ok(false) => tr("cli-secret-not-in-keychain"),
        // The keychain's own error has no catalog message yet.
        Err(e) => tra(
            "cli-secret-keychain-unknown",
            &margs!("detail" => e.to_string()),
        ),
    };
    let hint = p
        .secret_hint
        .as_deref()
        .map(|h| tra("cli-secret-hint", &margs!("hint" => h)))
        .unwrap_or_default();
    lines.push(("cli-show-secret", format!("{secret}{hint}")));
    if let Some(exp) = p.secret_expiry {
        lines.push(("cli-show-expires", when(exp)));
    }
    if let (Some(l), Some(g)) = (&p.login_url, &p.graph_url) {
        lines.push((
            "cli-show-endpoints",
            tra(
                "cli-show-endpoints-value",
                &margs!("login" => l.as_str(), "graph" => g.as_str()),
            ),
        ));
    }
    match &p.genesys {
        Some(g) => {
            lines.push((
                "cli-show-genesys",
                tra(
                    "cli-show-genesys-value",
                    &margs!("region" => g.region.as_str(), "client" => g.client_id.as_str()),
                ),
            ));
            if let (Some(l), Some(a)) = (&g.login_url, &g.api_url) {
                lines.push((
                    "cli-show-genesys-endpoints",
                    tra(
                        "cli-show-genesys-endpoints-value",
                        &margs!("login" => l.as_str(), "api" => a.as_str()),
                    ),
                ));
            }
        }
        None => lines.push((
            "cli-show-genesys",
            tra(
                "cli-show-genesys-not-set",
                &margs!("profile" => p.name.as_str()),
            ),
        )),
    }
    lines.push((
        "cli-show-last-check",
        match &p.last_check {
            Some(c) => {
                let (mark, text) = verdict(&c.report);
                format!("{} {mark} {text}", when(c.at))
            }
            None => tra(
                "cli-show-never-checked",
                &margs!("profile" => p.name.as_str()),
            ),
        },
    ));
    let labels: Vec<(String, String)> = lines
        .into_iter()
        .map(|(id, value)| (format!("{}:", tr(id)), value))
        .collect();
    let width = labels
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let mut out = std::io::stdout().lock();
    for (label, value) in labels {
        let _ = writeln!(out, "{}{value}", pad(&label, width));
    }
}
