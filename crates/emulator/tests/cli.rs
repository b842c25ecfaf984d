//! Checks of the `graphwiz-emulator` command: listing scenarios and faults, refusing bad input
//! with exit code 2, and printing the base URL and ready-to-use credentials when it starts.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use graphwiz_emulator::{Fault, Scenario};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_graphwiz-emulator"))
}

#[test]
fn list_scenarios_prints_every_name_and_description() {
    let out = bin().arg("--list-scenarios").output().expect("run");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for s in Scenario::ALL {
        let line = text
            .lines()
            .find(|l| l.split_whitespace().next() == Some(s.name()))
            .unwrap_or_else(|| panic!("{} missing from:\n{text}", s.name()));
        assert!(line.contains(s.description()), "{line}");
    }
}

#[test]
fn unknown_scenario_exits_2_and_lists_valid_names() {
    let out = bin()
        .args(["--scenario", "sunny-day"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("sunny-day"), "{err}");
    for s in Scenario::ALL {
        assert!(err.contains(s.name()), "{err}");
    }
}

#[test]
fn non_loopback_listen_address_exits_2() {
    let out = bin().args(["--listen", "0.0.0.0:0"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("loopback"), "{err}");
}

#[test]
fn starts_and_prints_credentials_and_example() {
    let mut child = bin()
        .args([
            "--scenario",
            "healthy",
            "--delay-ms",
            "0",
            "--delivery-delay-ms",
            "100",
            "--admin-outcome",
            "deny",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("line");
        let done = line.contains("Ctrl-C");
        lines.push(line);
        if done {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let text = lines.join("\n");
    assert!(text.contains("http://127.0.0.1:"), "{text}");
    assert!(
        text.contains("5f3c8a2e-9b41-4d7e-a6c0-2e8f71b4d903"),
        "{text}"
    );
    assert!(text.contains("contoso-demo.onmicrosoft.com"), "{text}");
    for mailbox in [
        "support@contoso-demo.onmicrosoft.com",
        "sales@contoso-demo.onmicrosoft.com",
        "unlicensed@contoso-demo.onmicrosoft.com",
        "blocked@contoso-demo.onmicrosoft.com",
        "admin@contoso-demo.onmicrosoft.com",
    ] {
        assert!(text.contains(mailbox), "{mailbox} missing from:\n{text}");
    }
    assert!(
        text.contains("3b9d6f4a-1c2e-4a8b-9f70-6d5e4c3b2a10"),
        "{text}"
    );
    let example = lines
        .iter()
        .find(|l| l.contains("graphwiz check"))
        .expect("example line");
    assert!(example
        .trim()
        .starts_with("GRAPHWIZ_CLIENT_SECRET='dmo8Q~Kd3vT2pXw9rLq5sZb7nYc1fHj4gUe6aMd0' graphwiz check --tenant "));
    assert!(
        example.contains("--login-url http://127.0.0.1:")
            && example.contains("--graph-url http://127.0.0.1:")
    );
}

#[test]
fn faults_are_listed_chosen_and_refused() {
    let out = bin().arg("--list-faults").output().expect("run");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for f in Fault::ALL {
        assert!(
            text.lines()
                .any(|l| l.split_whitespace().next() == Some(f.name())
                    && l.contains(f.description())),
            "{} missing from:\n{text}",
            f.name()
        );
    }
    let bad: [(&[&str], &str, &str); 2] = [
        (
            &["--fault", "gremlins"],
            "unknown fault 'gremlins'",
            "slow-body",
        ),
        (
            &["--fault", "stall", "--fault-on", "dns"],
            "unknown fault target 'dns'",
            "graph",
        ),
    ];
    for (args, want, listed) in bad {
        let out = bin().args(args).output().expect("run");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want) && err.contains(listed), "{err}");
    }
    let mut child = bin()
        .args(["--fault", "html-200", "--fault-on", "token"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let mut banner = String::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("line");
        let done = line.contains("Ctrl-C");
        banner.push_str(&line);
        banner.push('\n');
        if done {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        banner.contains("FAULT: html-200 on token requests: "),
        "{banner}"
    );
}
