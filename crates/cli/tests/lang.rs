//! The command line speaks the language it was asked for: `--lang de` (or `GRAPHWIZ_LANG=de`)
//! words errors, listings and labels in German, and none of their English wording shows. Every
//! command here fails or reads before any network or keychain use (the profile file is written by
//! hand; the keychain is pointed at a bus that does not exist), so no Secret Service is needed.

use std::path::Path;

mod common;
use common::Run;

/// A D-Bus address where nothing listens: the keychain answers "not available" at once.
const NO_BUS: (&str, &str) = (
    "DBUS_SESSION_BUS_ADDRESS",
    "unix:path=/nonexistent/graphwiz-lang-test-bus",
);

fn run(home: &Path, args: &[&str]) -> Run {
    common::graphwiz_in(home, args, None, &[NO_BUS, ("GRAPHWIZ_LANG", "en")])
}

fn german(home: &Path, args: &[&str]) -> Run {
    let mut all = vec!["--lang", "de"];
    all.extend_from_slice(args);
    run(home, &all)
}

/// `text` has every German phrase and none of the English ones.
fn assert_german(text: &str, german: &[&str], english: &[&str]) {
    for g in german {
        assert!(text.contains(g), "missing German {g:?} in:\n{text}");
    }
    for e in english {
        assert!(!text.contains(e), "English {e:?} in German output:\n{text}");
    }
}

const CLIENT: &str = "00000000-0000-4000-8000-00000000c11e";

/// Writes a profiles file with one profile whose secret expired, checked never.
fn one_profile(home: &Path) {
    let file = serde_json::json!({
        "version": 1,
        "profiles": [{
            "name": "contoso",
            "cloud": "global",
            "tenant": "contoso.onmicrosoft.com",
            "client_id": CLIENT,
            "mailboxes": [],
            "secret_ref": "0123456789abcdef",
            "secret_hint": "abc",
            "secret_expiry": "2020-01-31T23:59:59Z",
        }],
    });
    std::fs::write(
        home.join("profiles.json"),
        serde_json::to_string_pretty(&file).unwrap(),
    )
    .unwrap();
}

#[test]
fn usage_errors_are_german() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();

    let check = german(h, &["check"]);
    assert_eq!(check.code, 2, "{}", check.stderr);
    assert_german(
        &check.stderr,
        &["Fehler: Sagen Sie, was geprüft werden soll"],
        &["error:", "say what to check"],
    );

    let all = german(h, &["check", "--all"]);
    assert_eq!(all.code, 2, "{}", all.stderr);
    assert_german(
        &all.stderr,
        &["gibt es noch keine Profile; legen Sie eines an mit"],
        &["error:", "there are no profiles"],
    );

    let expiry = german(h, &["expiry"]);
    assert_eq!(expiry.code, 2, "{}", expiry.stderr);
    assert_german(
        &expiry.stderr,
        &["Fehler: Es gibt noch keine Profile"],
        &["error:", "there are no profiles yet", "add one with"],
    );

    let date = german(h, &["profile", "set-expiry", "contoso", "31.05.2027"]);
    assert_eq!(date.code, 2, "{}", date.stderr);
    assert_german(
        &date.stderr,
        &["Ablaufdatum des Schlüssels: „31.05.2027“ ist kein Datum"],
        &["Secret expiry", "is not a date"],
    );

    let redirect = german(
        h,
        &[
            "consent-url",
            "--tenant",
            "contoso.onmicrosoft.com",
            "--client-id",
            CLIENT,
            "--redirect-uri",
            "ftp://localhost",
        ],
    );
    assert_eq!(redirect.code, 2, "{}", redirect.stderr);
    assert_german(
        &redirect.stderr,
        &["muss mit https:// oder http://localhost beginnen"],
        &["must start with", "give a redirect URI"],
    );

    // The profile store's own error has no German text yet; the line around it is German.
    let show = german(h, &["profile", "show", "missing"]);
    assert_eq!(show.code, 2, "{}", show.stderr);
    assert_german(&show.stderr, &["Fehler: "], &["error:"]);

    let bad = h.join("bad.json");
    std::fs::write(&bad, "this is not JSON").unwrap();
    let import = german(h, &["import", bad.to_str().unwrap()]);
    assert_eq!(import.code, 2, "{}", import.stderr);
    assert_german(
        &import.stderr,
        &["Fehler: ", "bad.json lässt sich nicht importieren: "],
        &["error:"],
    );

    let list = german(h, &["profile", "list"]);
    assert_eq!(list.code, 0, "{}", list.stderr);
    assert_german(
        &list.stdout,
        &[
            "Noch keine Profile in",
            "Legen Sie eines an mit: graphwiz profile add",
        ],
        &["No profiles yet", "Add one with"],
    );
}

#[test]
fn the_environment_picks_the_language_and_the_option_wins() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let env = common::graphwiz_in(h, &["check"], None, &[NO_BUS, ("GRAPHWIZ_LANG", "de")]);
    assert_eq!(env.code, 2);
    assert!(env.stderr.contains("Fehler: Sagen Sie"), "{}", env.stderr);
    let en = common::graphwiz_in(
        h,
        &["--lang", "en", "check"],
        None,
        &[NO_BUS, ("GRAPHWIZ_LANG", "de")],
    );
    assert_eq!(en.code, 2);
    assert!(
        en.stderr.contains("error: say what to check"),
        "{}",
        en.stderr
    );
}

#[test]
fn listings_and_labels_are_german() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    one_profile(h);

    let show = german(h, &["profile", "show", "contoso"]);
    assert_eq!(show.code, 0, "{}", show.stderr);
    assert_german(
        &show.stdout,
        &[
            "Verzeichnis-ID (Mandant):",
            "Anwendungs-ID (Client):",
            "Postfächer:",
            "keine",
            "Schlüssel läuft ab:",
            "31.01.2020 23:59 UTC",
            "Genesys Cloud:",
            "nicht eingerichtet",
            "Letzte Prüfung:",
            "nie (prüfen mit: graphwiz check --profile \"contoso\")",
        ],
        // (The secret's line may carry the keychain's own English error text.)
        &[
            "Directory (tenant) ID",
            "Application (client) ID",
            "Mailboxes:",
            "Secret expires:",
            "Last check:",
            "never (run",
            "not set (graphwiz",
        ],
    );

    let list = german(h, &["profile", "list"]);
    assert_eq!(list.code, 0, "{}", list.stderr);
    assert_german(
        &list.stdout,
        &["MANDANT", "LETZTE PRÜFUNG", " nie"],
        &["TENANT", "LAST CHECK", "never"],
    );

    let expiry = german(h, &["expiry"]);
    assert_eq!(expiry.code, 1, "an expired secret: {}", expiry.stdout);
    assert_german(
        &expiry.stdout,
        &["PROFIL", "LÄUFT AB", "31.01.2020", "abgelaufen"],
        &["EXPIRES", "DAYS LEFT", "expired", "2020-01-31"],
    );

    // JSON keeps its stable fields and values in every language.
    let json = german(h, &["expiry", "--json"]);
    let rows: serde_json::Value = json.json();
    assert_eq!(rows[0]["state"], "expired");
    assert_eq!(rows[0]["profile"], "contoso");

    // English stays as it was.
    let english = run(h, &["profile", "show", "contoso"]);
    assert!(
        english.stdout.contains("Application (client) ID:  ")
            && english.stdout.contains("Last check:               never"),
        "{}",
        english.stdout
    );
}
