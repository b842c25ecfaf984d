//! The CLI as a citizen of its shell: `--version` with commit and build date, completions for
//! bash, zsh, fish and PowerShell, and man pages, all generated from the clap definitions.

mod common;

fn run(args: &[&str]) -> common::Run {
    let home = tempfile::tempdir().expect("temporary data folder");
    common::graphwiz_in(home.path(), args, None, &[])
}

#[test]
fn version_shows_version_commit_and_build_date() {
    let r = run(&["--version"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let line = r.stdout.trim();
    let rest = line
        .strip_prefix(&format!("graphwiz {} (commit ", env!("CARGO_PKG_VERSION")))
        .unwrap_or_else(|| panic!("{line}"));
    let (commit, rest) = rest
        .split_once(", built ")
        .unwrap_or_else(|| panic!("{line}"));
    assert!(
        commit == "unknown" || (commit.len() >= 7 && commit.chars().all(|c| c.is_ascii_hexdigit())),
        "{line}"
    );
    let date = rest.strip_suffix(')').unwrap_or_else(|| panic!("{line}"));
    let parts: Vec<&str> = date.split('-').collect();
    assert!(
        parts.len() == 3
            && parts[0].len() == 4
            && parts[1].len() == 2
            && parts[2].len() == 2
            && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit())),
        "{line}"
    );
    let year: u32 = parts[0].parse().unwrap();
    assert!(year >= 2024, "{line}");
    // A checkout with git names one of its commits (HEAD at build time; it may have moved on).
    if commit != "unknown" {
        let known = std::process::Command::new("git")
            .args(["cat-file", "-e", &format!("{commit}^{{commit}}")])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .is_ok_and(|s| s.success());
        assert!(known, "{commit} is not a commit of this repository: {line}");
    }
}

#[test]
fn completions_for_every_shell() {
    for (shell, marker) in [
        ("bash", "complete -F _graphwiz"),
        ("zsh", "#compdef graphwiz"),
        ("fish", "complete -c graphwiz"),
        ("powershell", "Register-ArgumentCompleter"),
        ("pwsh", "Register-ArgumentCompleter"),
    ] {
        let r = run(&["completions", shell]);
        assert_eq!(r.code, 0, "{shell}: {}", r.stderr);
        assert!(r.stdout.contains(marker), "{shell} lacks {marker}");
        for word in ["check", "live-test", "expiry", "profile", "lang"] {
            assert!(r.stdout.contains(word), "{shell} completions lack {word}");
        }
    }
    // The bash script is valid bash.
    let home = tempfile::tempdir().unwrap();
    let script = home.path().join("graphwiz.bash");
    std::fs::write(&script, run(&["completions", "bash"]).stdout).unwrap();
    let ok = std::process::Command::new("bash")
        .arg("-n")
        .arg(&script)
        .status()
        .expect("bash runs");
    assert!(ok.success());
    let bad = run(&["completions", "tcsh"]);
    assert_eq!(bad.code, 2, "{}", bad.stdout);
}

#[test]
fn man_pages_are_generated() {
    let r = run(&["man"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for part in [
        ".TH graphwiz 1",
        ".SH NAME",
        ".SH SYNOPSIS",
        "live\\-test",
        env!("CARGO_PKG_VERSION"),
    ] {
        assert!(r.stdout.contains(part), "man page lacks {part}");
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("man1");
    let w = run(&["man", "--out-dir", out.to_str().unwrap(), "--lang", "de"]);
    assert_eq!(w.code, 0, "{}", w.stderr);
    assert!(w.stderr.contains("Man-Pages nach"), "{}", w.stderr);
    for page in [
        "graphwiz.1",
        "graphwiz-check.1",
        "graphwiz-profile.1",
        "graphwiz-expiry.1",
    ] {
        let text =
            std::fs::read_to_string(out.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"));
        assert!(text.contains(".TH"), "{page}");
    }
    assert!(!out.join("graphwiz-man.1").exists() && !out.join("graphwiz-completions.1").exists());
    // man(1) reads it, where man is installed.
    if std::process::Command::new("man")
        .arg("--version")
        .output()
        .is_ok()
    {
        let rendered = std::process::Command::new("man")
            .arg("-l")
            .arg(out.join("graphwiz.1"))
            .env("MANPAGER", "cat")
            .env("MANWIDTH", "100")
            .output()
            .expect("man runs");
        let text = String::from_utf8_lossy(&rendered.stdout);
        assert!(
            text.contains("graphwiz") && text.contains("check"),
            "{text}"
        );
    }
}
