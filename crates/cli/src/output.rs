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
                let place = if url.contains("portal.azure") {
                    "Azure portal"
                } else {
                    "Genesys Cloud"
                };
                let _ = writeln!(out, "      {place}: {url}");
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
            format!(" (+{} more)", failed.len() - 1)
        } else {
            String::new()
        };
        ("✘ FAIL", format!("{}: {}{more}", first.id, first.summary))
    } else if let Some(first) = warned.first() {
        ("! WARN", format!("{}: {}", first.id, first.summary))
    } else {
        ("✔ OK  ", format!("{} checks passed", r.count(Status::Pass)))
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
    let _ = writeln!(
        out,
        "Totals: {} profiles: {} ok, {} with warnings, {} failed.{}",
        results.len(),
        results.len() - failed - warned,
        warned,
        failed,
        if failed > 0 {
            " Run graphwiz check --profile NAME for the fixes."
        } else {
            ""
        }
    );
}

fn when(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// `profile list`.
pub fn print_profiles(profiles: &[graphwiz_core::profiles::Profile], path: &std::path::Path) {
    let mut out = std::io::stdout().lock();
    if profiles.is_empty() {
        let _ = writeln!(out, "No profiles yet in {}.", path.display());
        let _ = writeln!(
            out,
            "Add one with: graphwiz profile add NAME --tenant … --client-id … --secret-stdin"
        );
        return;
    }
    let width = profiles
        .iter()
        .map(|p| p.name.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let _ = writeln!(
        out,
        "  {:<width$}  {:<38}  {:<36}  LAST CHECK",
        "NAME", "TENANT", "CLIENT ID"
    );
    for p in profiles {
        let last = match &p.last_check {
            Some(c) => format!(
                "{} {}",
                if c.report.ok { "ok" } else { "FAILED" },
                when(c.at)
            ),
            None => "never".to_string(),
        };
        let _ = writeln!(
            out,
            "  {:<width$}  {:<38}  {:<36}  {last}",
            p.name, p.tenant, p.client_id
        );
    }
}

/// `profile show`.
pub fn print_profile(
    p: &graphwiz_core::profiles::Profile,
    in_keychain: &Result<bool, graphwiz_core::keychain::KeychainError>,
) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "Profile:                  {}", p.name);
    let _ = writeln!(out, "Cloud:                    {}", p.cloud.display_name());
    let _ = writeln!(
        out,
        "Directory (tenant) ID:    {}{}",
        p.tenant,
        p.tenant_id
            .as_ref()
            .filter(|t| **t != p.tenant)
            .map(|t| format!(" ({t})"))
            .unwrap_or_default()
    );
    let _ = writeln!(out, "Application (client) ID:  {}", p.client_id);
    let _ = writeln!(
        out,
        "Mailboxes:                {}",
        if p.mailboxes.is_empty() {
            "none".to_string()
        } else {
            p.mailboxes.join(", ")
        }
    );
    let secret = match in_keychain {
        Ok(true) => "in the OS keychain".to_string(),
        Ok(false) => {
            "MISSING from the OS keychain; store it again with profile add --replace".to_string()
        }
        Err(e) => format!("unknown ({e})"),
    };
    let _ = writeln!(
        out,
        "Client secret:            {secret}{}",
        p.secret_hint
            .as_deref()
            .map(|h| format!(", hint {h}…"))
            .unwrap_or_default()
    );
    if let Some(exp) = p.secret_expiry {
        let _ = writeln!(out, "Secret expires:           {}", when(exp));
    }
    if let (Some(l), Some(g)) = (&p.login_url, &p.graph_url) {
        let _ = writeln!(out, "Endpoints:                login {l}, Graph {g}");
    }
    match &p.genesys {
        Some(g) => {
            let _ = writeln!(
                out,
                "Genesys Cloud:            region {}, OAuth client {} (secret in the OS keychain)",
                g.region, g.client_id
            );
            if let (Some(l), Some(a)) = (&g.login_url, &g.api_url) {
                let _ = writeln!(out, "Genesys endpoints:        login {l}, API {a}");
            }
        }
        None => {
            let _ = writeln!(
                out,
                "Genesys Cloud:            not set (graphwiz profile set-genesys {} --region … --client-id … --secret-stdin)",
                p.name
            );
        }
    }
    match &p.last_check {
        Some(c) => {
            let (mark, text) = verdict(&c.report);
            let _ = writeln!(
                out,
                "Last check:               {} {mark} {text}",
                when(c.at)
            );
        }
        None => {
            let _ = writeln!(
                out,
                "Last check:               never (run graphwiz check --profile {})",
                p.name
            );
        }
    }
}
