//! Part `two-sided`: a full check of both halves (Azure and Genesys Cloud) with the round-trip
//! time R injected on both emulators, beside each half alone and beside a sequential client that
//! makes the same Genesys requests one after another. Goal: both halves together take at most
//! the longer chain plus 0.2 R, because the two chains run at the same time.

use crate::{input_for, median, spread, Out};
use graphwiz_core::genesys::checks::gather;
use graphwiz_core::genesys::client::{login, GenesysApi};
use graphwiz_core::genesys::model::*;
use graphwiz_core::genesys::{GenesysConnection, GenesysEndpoints, GenesysInput, Region};
use graphwiz_core::http::HttpClient;
use graphwiz_core::{checks::run_check_with, ClientSecret, Status};
use graphwiz_emulator::{Emulator, GenesysEmulator, GenesysOptions, Options, Scenario};
use std::time::{Duration, Instant};

fn genesys_input(gen: &GenesysEmulator, mailboxes: &[String]) -> GenesysInput {
    let region = Region::parse("eu_central_1").expect("region");
    let base = gen.base_url();
    GenesysInput {
        conn: GenesysConnection {
            endpoints: GenesysEndpoints::new(region, Some(&base), Some(&base)).expect("loopback"),
            client_id: gen.client_id(),
            secret: ClientSecret::new(gen.client_secret()),
        },
        mailboxes: mailboxes.to_vec(),
        profile: None,
    }
}

/// The Genesys requests of a check, one after another.
async fn sequential_genesys(http: &HttpClient, g: &GenesysInput) {
    let Ok(token) = login(http, &g.conn).await else {
        return;
    };
    let api = GenesysApi::new(http, &g.conn.endpoints, token);
    let types: Vec<IntegrationType> = api
        .get_all("/api/v2/integrations/types", &[])
        .await
        .unwrap_or_default();
    let all: Vec<Integration> = api
        .get_all("/api/v2/integrations", &[])
        .await
        .unwrap_or_default();
    let ids = graphwiz_core::genesys::checks::graph_type_ids(&types);
    for i in all.iter().filter(|i| {
        i.integration_type
            .as_ref()
            .and_then(|t| t.id.as_ref())
            .is_some_and(|t| ids.contains(t))
    }) {
        let config: IntegrationConfig = api
            .get(
                &format!("/api/v2/integrations/{}/config/current", i.id),
                &[],
            )
            .await
            .unwrap_or_default();
        let t = i
            .integration_type
            .as_ref()
            .and_then(|t| t.id.clone())
            .unwrap_or_default();
        let _: Result<serde_json::Value, _> = api
            .get(
                &format!("/api/v2/integrations/types/{t}/configschemas/properties"),
                &[],
            )
            .await;
        let _: Result<serde_json::Value, _> = api
            .get(
                &format!("/api/v2/integrations/types/{t}/configschemas/advanced"),
                &[],
            )
            .await;
        for c in config
            .credentials
            .unwrap_or_default()
            .into_values()
            .filter_map(|c| c.id)
        {
            let _: Result<Credential, _> = api
                .get(&format!("/api/v2/integrations/credentials/{c}"), &[])
                .await;
        }
    }
    let domains: Vec<InboundDomain> = api
        .get_all("/api/v2/routing/email/domains", &[])
        .await
        .unwrap_or_default();
    for d in domains.iter().filter(|d| d.graph_api_settings.is_some()) {
        let routes: Vec<InboundRoute> = api
            .get_all(
                &format!("/api/v2/routing/email/domains/{}/routes", d.id),
                &[],
            )
            .await
            .unwrap_or_default();
        for q in routes
            .iter()
            .filter_map(|r| r.queue.as_ref().and_then(|q| q.id.clone()))
        {
            let _: Result<Vec<QueueMember>, _> = api
                .get_all(
                    &format!("/api/v2/routing/queues/{q}/members?joined=true&expand=routingStatus"),
                    &[],
                )
                .await;
        }
    }
    let _: Result<EmailSettings, _> = api.get("/api/v2/emails/settings", &[]).await;
}

pub(crate) async fn part_two_sided(out: &mut Out, smoke: bool) {
    let rtts: &[u64] = if smoke { &[20] } else { &[50, 100, 200] };
    let reps = if smoke { 2 } else { 7 };
    out.line("\n### Two-sided check (Azure + Genesys Cloud) vs round-trip time R\n");
    out.line("| R | Azure alone / R | Genesys alone / R | both / R (median, spread) | goal: longer + 0.2 R | Genesys requests | Genesys sequential / R |");
    out.line("|---|---|---|---|---|---|---|");
    for &r in rtts {
        let delay = Duration::from_millis(r);
        let emu = Emulator::start(Options {
            delay,
            ..Options::scenario(Scenario::Healthy)
        })
        .await
        .expect("emulator");
        let demo = emu.demo();
        let gen = GenesysEmulator::start(GenesysOptions {
            delay,
            azure_tenant_id: demo.tenant_id.clone(),
            azure_client_id: demo.client_id.clone(),
            domain: demo.tenant_domain.clone(),
            ..GenesysOptions::default()
        })
        .await
        .expect("genesys emulator");
        let azure = input_for(&emu, 0, 1);
        let mut both = azure.clone();
        both.genesys = Some(genesys_input(&gen, &both.mailboxes));
        let g = both.genesys.clone().expect("set");
        let http = HttpClient::new(Duration::from_secs(30));
        let rs = r as f64 / 1000.0;
        let _ = run_check_with(&http, &both).await;
        let (mut a_walls, mut g_walls, mut b_walls, mut seqs) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut requests = 0;
        for _ in 0..reps {
            let t = Instant::now();
            let _ = run_check_with(&http, &azure).await;
            a_walls.push(t.elapsed().as_secs_f64() / rs);
            let before = gen.request_count();
            let t = Instant::now();
            let _ = gather(&http, &g).await;
            g_walls.push(t.elapsed().as_secs_f64() / rs);
            requests = gen.request_count() - before;
            let t = Instant::now();
            let report = run_check_with(&http, &both).await;
            b_walls.push(t.elapsed().as_secs_f64() / rs);
            assert!(
                report
                    .checks
                    .iter()
                    .filter(|c| c.id.starts_with("genesys_"))
                    .all(|c| c.status == Status::Pass),
                "the healthy organization must pass: {report:?}"
            );
            let t = Instant::now();
            sequential_genesys(&http, &g).await;
            seqs.push(t.elapsed().as_secs_f64() / rs);
        }
        let (a, gg, b, s) = (
            median(&mut a_walls),
            median(&mut g_walls),
            median(&mut b_walls.clone()),
            median(&mut seqs),
        );
        let goal = a.max(gg) + 0.2;
        out.line(&format!(
            "| {r} ms | {a:.2} R | {gg:.2} R | {b:.2} R ({}) | {goal:.2} R {} | {requests} | {s:.2} R |",
            spread(&b_walls),
            if b <= goal { "met" } else { "NOT met" },
        ));
        gen.shutdown();
        emu.shutdown();
    }
}
