//! Sync under faults: 200 seeded fault schedules over one device's realistic workload (people
//! registered, visits recorded, values edited and cleared, visits deleted, monthly reports
//! filled and completed, through form sessions), with a second connection editing the same
//! records WHILE each sync runs, changes made on the server meanwhile, and a server whose clock
//! is 400 days ahead of the phone's (downloads follow the server's clock only; a server clock
//! behind the phone's would refuse today's visits as future dates, as DHIS2 does).
//!
//! A schedule: a few workload steps; the server's faults switched on for it (seeded: dropped
//! connections before and after the server committed, 500, 502, 503 with Retry-After, answers
//! later than the client waits, cut bodies, a login page, partial success); a sync with a
//! concurrent editor, which may fail anywhere; then the faults stop, and a final sync (twice
//! when the editor's last changes came after the first one started). After every schedule the
//! server must hold every local record exactly once with the latest values (cleared values
//! cleared), and every local record must be as the server has it (`sync_check::compare`).

use std::time::Duration;

use phum_core::demo::dataset::person;
use phum_core::model::DeviceClock;
use phum_core::store::Store;
use phum_core::sync::client::{Client, ClientOptions};
use phum_core::sync::progress::Quiet;
use phum_core::sync::retry::RetryPolicy;
use phum_core::sync::run::{self, SyncOptions};
use phum_tests::dhis2_server::{Fault, ServerSetup, TestServer};
use phum_tests::rng::Rng;
use phum_tests::sync_check::compare;
use phum_tests::sync_support::{open, server_state, sign_in};
use phum_tests::sync_workload::Workload;

const SCHEDULES: u64 = 200;
const SEED: u64 = 20_261_205;

fn faults() -> Vec<Fault> {
    vec![
        Fault::DropBeforeCommit,
        Fault::DropAfterCommit,
        Fault::DropAfterCommit,
        Fault::Status(500),
        Fault::Status(502),
        Fault::ServiceUnavailable { retry_after_secs: 1 },
        Fault::Hang(Duration::from_millis(700)),
        Fault::Truncated,
        Fault::PartialSuccess,
        Fault::HtmlLoginPage,
    ]
}

fn no_wait(_: Duration) {}

fn sync(client: &Client, store: &mut Store, attempts: u32) -> Result<run::SyncSummary, phum_core::sync::SyncError> {
    let options = SyncOptions { retry: RetryPolicy { attempts, ..RetryPolicy::default() }, ..SyncOptions::default() };
    run::sync_with_sleep(client, store, &DeviceClock::default(), &Quiet, &options, &no_wait)
}

/// Syncs until it succeeds with nothing waiting but what the server refused (a partial
/// success refuses a record until it is sent again, which the next sync does).
fn settle(client: &Client, store: &mut Store, schedule: u64) {
    for _ in 0..4 {
        let summary =
            sync(client, store, 3).unwrap_or_else(|e| panic!("schedule {schedule}: the final sync failed: {e}"));
        if summary.waiting == 0 && summary.refused == 0 {
            return;
        }
    }
    panic!("schedule {schedule}: records still wait: {:?}", store.data().record_issues().unwrap());
}

#[test]
fn every_record_reaches_the_server_exactly_once_with_its_latest_values_whatever_the_faults() {
    let server = TestServer::start(ServerSetup::demo());
    server.set_clock_offset(chrono::TimeDelta::days(400));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("account.db");
    let mut store = open(&path);
    let options = ClientOptions {
        connect_timeout: Duration::from_millis(500),
        read_timeout: Duration::from_millis(400),
        ..ClientOptions::default()
    };
    let client = sign_in(&server, &store, options);
    // The final syncs run without faults, with the usual timeouts: a slow moment of a loaded
    // machine must not count as a fault there.
    let calm = sign_in(&server, &store, ClientOptions::default());
    sync(&calm, &mut store, 1).expect("the first sync brings the metadata");
    let clock = DeviceClock::default();
    let mut workload = Workload::new(SEED, clock);
    let mut editor = Workload::new(SEED + 1, clock);
    let mut rng = Rng::new(SEED);
    let mut failed_syncs = 0;
    for schedule in 0..SCHEDULES {
        workload.run(&mut store, 2).unwrap_or_else(|e| panic!("schedule {schedule}: {e}"));
        // Someone changes a person on the server now and then.
        if rng.chance(25) {
            let people = server.tracked_entities();
            if !people.is_empty() {
                let te = &people[rng.below(people.len())];
                let phone = format!("09{:07}", rng.below(10_000_000));
                server.set_attribute_value(te["trackedEntity"].as_str().unwrap(), person::PHONE.as_str(), Some(&phone));
            }
        }
        server.inject_random(SEED ^ schedule, 0.3, faults());
        // The editor works on its own connection while the sync runs.
        let editing = {
            let path = path.clone();
            let mut editor_work = std::mem::replace(&mut editor, Workload::new(0, clock));
            std::thread::spawn(move || {
                let mut second = open(&path);
                let done = editor_work.run(&mut second, 2);
                (editor_work, done)
            })
        };
        if sync(&client, &mut store, 3).is_err() {
            failed_syncs += 1;
        }
        let (editor_back, done) = editing.join().unwrap();
        done.unwrap_or_else(|e| panic!("schedule {schedule}: the editor: {e}"));
        editor = editor_back;
        server.clear_faults();
        settle(&calm, &mut store, schedule);
        let differences = compare(&store, &server_state(&server));
        if !differences.is_empty() {
            let posts: Vec<String> = server
                .requests()
                .iter()
                .filter(|r| r.path_and_query.contains("completeDataSet"))
                .map(|r| format!("{} {} {} {:?}", r.method, r.path_and_query, r.status, r.fault))
                .collect();
            panic!(
                "schedule {schedule}: {differences:#?}\nserver completions: {:#?}\n{posts:#?}",
                server.completions()
            );
        }
    }
    let faults_applied = server.requests().iter().filter(|r| r.fault.is_some()).count();
    println!("{SCHEDULES} schedules: {faults_applied} faults applied, {failed_syncs} syncs stopped by them");
    assert!(faults_applied > SCHEDULES as usize, "the schedules injected faults");
    assert!(failed_syncs > 10, "faults stopped syncs: {failed_syncs}");
}
