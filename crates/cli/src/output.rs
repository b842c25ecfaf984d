//! Printing reports: aligned text for people, one JSON object for scripts.

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

/// The human report: one line per check, then the fixes.
pub fn print_human(input: &CheckInput, report: &Report) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "graphwiz check: tenant {} · app {} · {}",
        input.tenant,
        input.client_id,
        input.endpoints.cloud.display_name()
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
    if let Some(te) = &report.token_endpoint {
        let _ = writeln!(out);
        let _ = writeln!(out, "OAuth 2.0 token endpoint (v2) for Genesys Cloud: {te}");
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
        let _ = writeln!(out, "What to do:");
        for (ids, fix, url) in fixes {
            let _ = writeln!(out, "  {}: {}", ids.join(", "), fix);
            if let Some(url) = url {
                let _ = writeln!(out, "      Azure portal: {url}");
            }
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "Result: {} passed, {} warnings, {} failed, {} skipped.{}",
        report.count(Status::Pass),
        report.count(Status::Warn),
        report.count(Status::Fail),
        report.count(Status::Skip),
        if report.ok {
            " After any change in Azure, disable and enable the Microsoft Graph integration in Genesys Cloud."
        } else {
            ""
        }
    );
}
