//! A sync killed at random moments loses and doubles nothing: a device signed in to the DHIS2
//! test server (in this process) captures through the seeded workload (`sync_workload`) and then
//! a child process (`sync_child`, tests/src/bin/sync_child.rs) syncs its encrypted store and is
//! killed with SIGKILL after a seeded delay, 50 times. The delays spread from 0 to a little more
//! than a sync takes (measured first, then again as the records grow), so kills land while
//! connecting, in the metadata, upload and download phases, and after the end; some rounds make the server hang before it handles a
//! request, trickle its answers, or commit an upload and drop the connection, so kills also land
//! mid-request and uploads are committed without an answer.
//!
//! After each kill the store must open and be consistent (`check_integrity`), no record may be
//! refused (the workload captures only what the server accepts) and the server must have created
//! no record twice. After the last round a sync left alone must finish with nothing
//! waiting, and the store and the server must agree (`sync_check::compare`): nothing captured is
//! lost, nothing is doubled.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use phum_core::model::DeviceClock;
use phum_core::store::{DbKey, Store};
use phum_core::sync::client::{Client, ClientOptions};
use phum_core::sync::progress::Quiet;
use phum_core::sync::run::{self, SyncOptions, SyncSummary};
use phum_tests::dhis2_server::{Fault, FaultRule, ServerSetup, TestServer};
use phum_tests::rng::Rng;
use phum_tests::sync_check::{compare, ServerState};
use phum_tests::sync_support::server_state;
use phum_tests::sync_support::sign_in;
use phum_tests::sync_workload::Workload;

const KEY_HEX: &str = "8899aabbccddeeff00112233445566778899aabbccddeeff0011223344556677";
const ROUNDS: u64 = 50;
const SEED: u64 = 20_261_205;
/// Workload steps before each round's sync.
const STEPS_PER_ROUND: usize = 4;

fn spawn(db: &Path, server: &TestServer) -> Child {
    Command::new(env!("CARGO_BIN_EXE_sync_child"))
        .arg(db)
        .arg(KEY_HEX)
        .arg(server.url())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// What a child said on stdout and stderr (it has exited or was killed).
fn output_of(child: &mut Child) -> (String, String) {
    let (mut out, mut err) = (String::new(), String::new());
    child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    (out, err)
}

/// Runs a child to its end; returns how long it took.
fn sync_to_end(db: &Path, server: &TestServer) -> Duration {
    let started = Instant::now();
    let mut child = spawn(db, server);
    let status = child.wait().unwrap();
    let took = started.elapsed();
    let (out, err) = output_of(&mut child);
    assert!(status.success(), "the child failed: {status:?} {out} {err}");
    took
}

fn open(db: &Path) -> Store {
    Store::open(db, Some(&DbKey::from_hex(KEY_HEX).unwrap())).expect("the store opens")
}

fn sync_here(client: &Client, store: &mut Store) -> SyncSummary {
    match run::sync(client, store, &DeviceClock::default(), &Quiet, &SyncOptions::default()) {
        Ok(summary) => summary,
        Err(e) => panic!("the sync failed: {e}"),
    }
}

/// Records the server created more than once.
fn doubled(state: &ServerState) -> Vec<String> {
    state.creations.iter().filter(|(_, n)| **n > 1).map(|(uid, n)| format!("{uid} created {n} times")).collect()
}

/// The fault of a round, if any: the server hangs before handling a request (a kill lands
/// mid-request), trickles its answers, or commits an upload and drops the connection.
fn fault_of(rng: &mut Rng) -> Option<FaultRule> {
    let rule = |method: &'static str, path: &str, fault: Fault, times: u32| FaultRule {
        method: Some(method),
        path_prefix: Some(path.to_string()),
        fault,
        times,
    };
    let hang = Duration::from_millis(rng.range(100, 1500) as u64);
    match rng.below(10) {
        0 => Some(rule("POST", "/api/tracker", Fault::Hang(hang), 1)),
        1 => Some(rule("POST", "/api/dataValueSets", Fault::Hang(hang), 1)),
        2 => Some(rule("GET", "/api/tracker", Fault::Hang(hang), 2)),
        3 => Some(rule("GET", "/api/", Fault::Slow { bytes_per_sec: 200_000 }, 3)),
        4 => Some(rule("POST", "/api/tracker", Fault::DropAfterCommit, 1)),
        5 => Some(rule("POST", "/api/", Fault::DropAfterCommit, 2)),
        _ => None,
    }
}

#[test]
fn a_sync_killed_at_random_moments_finishes_later_with_nothing_lost_or_doubled() {
    let started = Instant::now();
    let server = TestServer::start(ServerSetup::demo());
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("account.db");
    let mut store = open(&db);
    let client = sign_in(&server, &store, ClientOptions::default());
    let first = sync_here(&client, &mut store);
    assert!(first.metadata_updated, "the first sync brings the metadata");
    let mut workload = Workload::new(SEED, DeviceClock::default());

    // How long a sync of one round's captures takes, to spread the kills over it; syncs grow
    // with the records, so every child that finishes before its kill (on a server without
    // faults) updates it.
    let mut typical = Duration::ZERO;
    for _ in 0..2 {
        workload.run(&mut store, STEPS_PER_ROUND).unwrap();
        drop(store);
        let took = sync_to_end(&db, &server);
        typical = typical.max(took);
        store = open(&db);
    }
    drop(store);

    let mut rng = Rng::new(SEED);
    let mut landed: BTreeMap<String, usize> = BTreeMap::new();
    let mut actions = Vec::new();
    for round in 0..ROUNDS {
        let mut store = open(&db);
        actions.extend(workload.run(&mut store, STEPS_PER_ROUND).unwrap());
        drop(store);
        server.clear_faults();
        let fault = fault_of(&mut rng);
        if let Some(rule) = &fault {
            server.inject(rule.clone());
        }
        let delay = Duration::from_millis(rng.range(0, typical.as_millis() as i64 * 13 / 10) as u64);
        let requests_before = server.requests().len();

        let spawned = Instant::now();
        let mut child = spawn(&db, &server);
        let exited = loop {
            if let Some(status) = child.try_wait().unwrap() {
                if fault.is_none() {
                    typical = (typical + spawned.elapsed()) / 2;
                }
                break Some(status);
            }
            if spawned.elapsed() >= delay {
                break None;
            }
            std::thread::sleep(Duration::from_millis(1));
        };
        let status = match exited {
            Some(status) => status,
            None => {
                child.kill().unwrap();
                child.wait().unwrap()
            }
        };
        let (out, err) = output_of(&mut child);
        let store = open(&db);
        // The sync's own requests (connecting reads the system info first).
        let requests = server.requests()[requests_before..]
            .iter()
            .filter(|r| !r.path_and_query.starts_with("/api/system/info"))
            .count();
        let phase = match (status.signal(), status.code()) {
            (Some(libc::SIGKILL), _) if requests == 0 => "starting".to_string(),
            (Some(libc::SIGKILL), _) => match store.sync_job().unwrap() {
                Some(job) => job.phase,
                None => "ending".to_string(),
            },
            (None, Some(0)) => "finished before the kill".into(),
            (None, Some(3)) => "stopped by an error".into(),
            _ => panic!("round {round}: the child failed by itself: {status:?} {out} {err}"),
        };
        *landed.entry(phase.clone()).or_default() += 1;
        assert_eq!(
            store.check_integrity().unwrap(),
            Vec::<String>::new(),
            "round {round} (seed {SEED}, kill after {delay:?} in {phase}, fault {fault:?})"
        );
        // The workload captures only what the server accepts: a refusal is a sync's mistake.
        let refused = store.data().waiting_counts().unwrap().refused;
        assert_eq!(
            refused,
            0,
            "round {round} (seed {SEED}, kill after {delay:?} in {phase}, fault {fault:?}): {:?}",
            store.data().record_issues().unwrap()
        );
        let twice = doubled(&server_state(&server));
        assert!(twice.is_empty(), "round {round} (seed {SEED}, kill after {delay:?} in {phase}): {twice:?}");
    }

    // Left alone, syncs finish the job: the first may resume at the download (and leave the last
    // round's captures waiting), the next sends them.
    server.clear_faults();
    let mut store = open(&db);
    let mut summaries = Vec::new();
    loop {
        let summary = sync_here(&client, &mut store);
        let waiting = (summary.waiting, summary.refused);
        summaries.push(summary);
        if waiting == (0, 0) || summaries.len() == 3 {
            break;
        }
    }
    let last = summaries.last().unwrap();
    assert_eq!((last.waiting, last.refused), (0, 0), "{summaries:?} {:?}", store.data().record_issues().unwrap());
    assert_eq!(store.sync_job().unwrap(), None);
    let state = server_state(&server);
    assert_eq!(compare(&store, &state), Vec::<String>::new(), "seed {SEED}");
    assert_eq!(doubled(&state), Vec::<String>::new());

    let uids: BTreeSet<&str> =
        state.tracked_entities.iter().filter_map(|t| t["trackedEntity"].as_str()).collect::<BTreeSet<_>>();
    let count = |prefix: &str| actions.iter().filter(|a: &&String| a.starts_with(prefix)).count();
    eprintln!(
        "{ROUNDS} rounds, typical sync {typical:?}, kills by phase {landed:?}; {} people and {} events on the server, \
         {} registrations, {} visits, {} deletions; {:.1} s",
        uids.len(),
        state.events.len(),
        count("register"),
        count("immunization visit") + count("NCD visit"),
        count("delete"),
        started.elapsed().as_secs_f64()
    );
    for phase in ["UPLOAD", "DOWNLOAD"] {
        assert!(landed.contains_key(phase), "no kill landed in {phase}: {landed:?}");
    }
}
