//! The DHIS2 test server (`phum_tests::dhis2_server`) as a process of its own, so that a
//! benchmark measures the device's memory without the server's, and tests in other languages (the
//! Kotlin tests of the bindings) can sync with it.
//!
//! Usage: `dhis2_test_server [--people N] [--events E] [--national] [--stop-on-eof]`
//! - serves the demo dataset (user `trainee`, password `District1!`), or with `--national` the
//!   synthetic national metadata (`phum_tests::synth`, scale National) to the same user, whose
//!   capture scope is the whole country;
//! - `--people N`: holds N children of the demo's immunization program, E visits each (default 5);
//! - prints `URL <address>` on a line of its own once it listens;
//! - reads commands on its standard input, one a line, and answers each with one line on its
//!   standard output: `fault METHOD PATH FAULT [ARG] TIMES`, `clear`, `count WHAT`
//!   (`phum_tests::dhis2_server::commands` has the details);
//! - serves until it is killed (Ctrl-C), or with `--stop-on-eof` until its standard input closes
//!   (how `bench_sync` and the Kotlin tests run it).

use std::io::{BufRead, Write};

use phum_tests::dhis2_server::{commands, ApiVersion, ServerSetup, TestServer, TestUser, DEMO_PASSWORD};
use serde_json::{json, Value};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str| {
        args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(|v| v.parse::<usize>().expect("a number"))
    };
    let people = value("--people").unwrap_or(0);
    let events = value("--events").unwrap_or(5);
    let setup = if args.iter().any(|a| a == "--national") { national() } else { ServerSetup::demo() };
    let server = TestServer::start(setup);
    if people > 0 {
        let all = phum_tests::sync_data::server_people(people, events, 7);
        for chunk in all.chunks(1000) {
            server.bulk_load(chunk.to_vec());
        }
    }
    let mut out = std::io::stdout();
    writeln!(out, "URL {}", server.url()).expect("stdout");
    out.flush().expect("stdout");
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        writeln!(out, "{}", commands::answer(&server, &line)).expect("stdout");
        out.flush().expect("stdout");
    }
    if !args.iter().any(|a| a == "--stop-on-eof") {
        // Standard input closed (or never open): serve until killed.
        loop {
            std::thread::park();
        }
    }
}

/// The synthetic national metadata, and a user who may capture in the whole country.
fn national() -> ServerSetup {
    let mut bytes = Vec::new();
    phum_tests::synth::write_metadata(phum_tests::synth::Scale::National, 1, &mut bytes).expect("synthetic metadata");
    let metadata: Value = serde_json::from_slice(&bytes).expect("JSON");
    let ids = |key: &str| -> Vec<Value> {
        metadata[key].as_array().into_iter().flatten().map(|o| json!({"id": o["id"].clone()})).collect()
    };
    let roots: Vec<Value> = metadata["organisationUnits"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|o| o["level"] == 1)
        .map(|o| json!({"id": o["id"].clone()}))
        .collect();
    let me = json!({
        "id": "BenchUser01", "username": "trainee", "firstName": "National", "surname": "Bench",
        "organisationUnits": roots, "teiSearchOrganisationUnits": roots, "dataViewOrganisationUnits": roots,
        "programs": ids("programs").iter().map(|p| p["id"].clone()).collect::<Vec<_>>(),
        "dataSets": ids("dataSets").iter().map(|p| p["id"].clone()).collect::<Vec<_>>(),
        "authorities": ["ALL"],
    });
    ServerSetup {
        version: ApiVersion::V2_41,
        metadata,
        users: vec![TestUser { username: "trainee".into(), password: DEMO_PASSWORD.into(), token: None, me }],
        context_path: None,
    }
}
