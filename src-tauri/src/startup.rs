//! Start-up trace for the benchmark harness: with `GRAPHWIZ_TRACE_FILE` set to an absolute
//! path, each phase of the start appends `<phase> <UNIX epoch milliseconds>` to that file, so
//! `graphwiz-bench app` can show where the time to the first interactive step goes. Unset (the
//! normal case), nothing is written and the cost is one environment lookup per phase.

use std::io::Write;

/// Environment variable naming the trace file (see [`graphwiz_core::test_hooks`]).
pub use graphwiz_core::test_hooks::TRACE_FILE_ENV;

/// Wall-clock time in UNIX epoch milliseconds (the unit of the trace and the ready marker).
pub fn now_ms() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(0.0)
}

/// Records that `phase` was reached now.
pub fn mark(phase: &str) {
    mark_at(phase, now_ms());
}

/// Records that `phase` was reached at `epoch_ms` (phases measured in the web view).
pub fn mark_at(phase: &str, epoch_ms: f64) {
    let Some(path) = graphwiz_core::test_hooks::trace_file() else {
        return;
    };
    // Phase names are short identifiers; anything else from the web view is dropped.
    if phase.is_empty()
        || phase.len() > 40
        || !phase
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        || !epoch_ms.is_finite()
    {
        return;
    }
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = writeln!(f, "{phase} {epoch_ms:.1}");
    }
}
