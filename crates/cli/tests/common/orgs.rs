//! Two-sided set-ups for the CLI tests: an Entra/Graph emulator and a Genesys Cloud emulator on
//! loopback, and a profile `contoso` (mailboxes support@ and sales@) with its Genesys part.

use super::Run;
use graphwiz_emulator::{
    connect_pickup, model, Emulator, GenesysEmulator, GenesysOptions, GenesysScenario, Options,
    Pickup, PickupMode, Scenario,
};
use std::path::Path;
use std::time::Duration;

/// Both emulators and the data folder of one test.
pub struct Setup {
    /// GRAPHWIZ_HOME.
    pub home: tempfile::TempDir,
    /// The Entra/Graph emulator.
    pub emu: Emulator,
    /// The Genesys Cloud emulator.
    pub gen: GenesysEmulator,
    /// The tenant's domain.
    pub domain: String,
    /// The profile's name (`contoso` unless given).
    pub name: String,
}

fn graphwiz(home: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    super::graphwiz_in(home, args, stdin, &[("GRAPHWIZ_LANG", "en")])
}

/// A healthy tenant, and a Genesys organization set up by `opts`.
pub fn setup_with(opts: impl FnOnce(&mut GenesysOptions)) -> Setup {
    setup_full(Options::scenario(Scenario::Healthy), opts, true)
}

/// A healthy tenant and the Genesys scenario `s`.
pub fn setup(s: GenesysScenario) -> Setup {
    setup_with(|o| o.scenario = s)
}

/// The tenant from `entra`, the organization from `opts`; the profile gets its Genesys part
/// only when `with_genesys`.
pub fn setup_full(
    entra: Options,
    opts: impl FnOnce(&mut GenesysOptions),
    with_genesys: bool,
) -> Setup {
    setup_named("contoso", entra, opts, with_genesys)
}

/// [`setup_full`] with the profile named `name`.
pub fn setup_named(
    name: &str,
    entra: Options,
    opts: impl FnOnce(&mut GenesysOptions),
    with_genesys: bool,
) -> Setup {
    let emu = Emulator::spawn_thread(entra).expect("entra emulator");
    let demo = emu.demo();
    let mut o = GenesysOptions {
        azure_tenant_id: demo.tenant_id.clone(),
        azure_client_id: demo.client_id.clone(),
        domain: demo.tenant_domain.clone(),
        ..GenesysOptions::default()
    };
    opts(&mut o);
    let gen = GenesysEmulator::spawn_thread(o).expect("genesys emulator");
    let home = tempfile::tempdir().unwrap();
    let url = emu.base_url();
    let support = format!("support@{}", demo.tenant_domain);
    let sales = format!("sales@{}", demo.tenant_domain);
    let add = graphwiz(
        home.path(),
        &[
            "profile",
            "add",
            name,
            "--tenant",
            &demo.tenant_domain,
            "--client-id",
            &demo.client_id,
            "--login-url",
            &url,
            "--graph-url",
            &url,
            "--mailbox",
            &support,
            "--mailbox",
            &sales,
            "--secret-stdin",
            "--i-know",
        ],
        Some(&format!("{}\n", demo.client_secret)),
    );
    assert_eq!(add.code, 0, "{}{}", add.stdout, add.stderr);
    if with_genesys {
        let g = gen.base_url();
        let set = graphwiz(
            home.path(),
            &[
                "profile",
                "set-genesys",
                name,
                "--region",
                "mypurecloud.de",
                "--client-id",
                &gen.client_id(),
                "--genesys-login-url",
                &g,
                "--genesys-api-url",
                &g,
                "--secret-stdin",
            ],
            Some(&format!("{}\n", gen.client_secret())),
        );
        assert_eq!(set.code, 0, "{}{}", set.stdout, set.stderr);
    }
    Setup {
        home,
        emu,
        gen,
        domain: demo.tenant_domain,
        name: name.to_string(),
    }
}

/// A healthy tenant whose support@ and sales@ are fetched by a simulated Genesys consumer
/// (`mode`, `delay` after arrival) that reports to the Genesys emulator set up by `opts`.
pub fn setup_pickup(
    delay: Duration,
    mode: PickupMode,
    opts: impl FnOnce(&mut GenesysOptions),
    with_genesys: bool,
) -> Setup {
    let d = model::demo::TENANT_DOMAIN;
    let pickup = Pickup::new([format!("support@{d}"), format!("sales@{d}")], delay, mode);
    let entra = Options {
        pickup: Some(pickup),
        delivery_delay: Duration::from_millis(200),
        ..Options::scenario(Scenario::Healthy)
    };
    let s = setup_full(entra, opts, with_genesys);
    connect_pickup(&s.emu, &s.gen);
    s
}
