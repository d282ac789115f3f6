//! Bad answers from the server (cut JSON, wrong types, unknown statuses, a 200 MB body, deeply
//! nested JSON), at a download and at an upload's report: each stops the sync with a specific
//! error that names the endpoint, and leaves the captured data exactly as it was; the next sync
//! with a sound server finishes the job without sending anything twice.

use phum_core::model::DeviceClock;
use phum_core::sync::client::ClientOptions;
use phum_core::sync::progress::Quiet;
use phum_core::sync::run::{self, SyncOptions};
use phum_core::sync::{ClientError, SyncError};
use phum_tests::dhis2_server::{Fault, FaultRule, ServerSetup, TestServer};
use phum_tests::sync_support::{birth_visit, data_rows, open, register_child, sign_in};

const BAD: [(&str, Fault); 5] = [
    ("cut JSON", Fault::MalformedJson),
    ("wrong types", Fault::WrongTypes),
    ("unknown status", Fault::UnknownEnum),
    ("200 MB", Fault::Huge { bytes: 200 * 1024 * 1024 }),
    ("deep nesting", Fault::DeeplyNested { depth: 100_000 }),
];

fn expected(what: &str, err: &SyncError) -> bool {
    match what {
        "200 MB" => matches!(err, SyncError::Client(ClientError::TooLarge { .. })),
        _ => matches!(err, SyncError::BadAnswer { .. } | SyncError::Client(ClientError::BadAnswer { .. })),
    }
}

#[test]
fn a_bad_download_answer_is_a_specific_error_and_changes_nothing_here() {
    for (what, fault) in BAD {
        let server = TestServer::start(ServerSetup::demo());
        let dir = tempfile::tempdir().unwrap();
        let mut store = open(&dir.path().join("a.db"));
        let client = sign_in(&server, &store, ClientOptions::default());
        phum_core::demo::dataset::import(&mut store).unwrap();
        let (enrollment, te) = register_child(&mut store, "សុខ ដារ៉ា");
        birth_visit(&mut store, enrollment);
        let clock = DeviceClock::default();
        run::sync(&client, &mut store, &clock, &Quiet, &SyncOptions::default()).unwrap();
        // Someone changes the child on the server; the answer bringing it is bad.
        server.set_attribute_value(te.as_str(), phum_core::demo::dataset::person::PHONE.as_str(), Some("099"));
        let before = data_rows(&store);
        server.inject(FaultRule {
            method: Some("GET"),
            path_prefix: Some("/api/tracker/trackedEntities".into()),
            fault,
            times: 1,
        });
        let err = run::sync(&client, &mut store, &clock, &Quiet, &SyncOptions::default()).unwrap_err();
        assert!(expected(what, &err), "{what}: {err:?}");
        assert!(
            err.to_string().contains("/api/tracker/trackedEntities"),
            "{what}: the error names the endpoint: {err}"
        );
        assert_eq!(data_rows(&store), before, "{what}: nothing changed here");
        // Sound again: the change arrives.
        run::sync(&client, &mut store, &clock, &Quiet, &SyncOptions::default()).unwrap();
        let phone = store.data().attribute_values(te).unwrap();
        assert!(phone.iter().any(|(_, v)| v == "099"), "{what}: {phone:?}");
    }
}

#[test]
fn a_bad_import_report_leaves_the_records_waiting_and_they_are_never_created_twice() {
    for (what, fault) in BAD {
        let server = TestServer::start(ServerSetup::demo());
        let dir = tempfile::tempdir().unwrap();
        let mut store = open(&dir.path().join("a.db"));
        let client = sign_in(&server, &store, ClientOptions::default());
        phum_core::demo::dataset::import(&mut store).unwrap();
        let (enrollment, te) = register_child(&mut store, "ដារ៉ា");
        let event = birth_visit(&mut store, enrollment);
        server.inject(FaultRule { method: Some("POST"), path_prefix: Some("/api/tracker".into()), fault, times: 1 });
        let clock = DeviceClock::default();
        let result = run::sync(&client, &mut store, &clock, &Quiet, &SyncOptions::default());
        let err = result.err().unwrap_or_else(|| panic!("{what}: the sync went through"));
        assert!(expected(what, &err), "{what}: {err:?}");
        let waiting = store.data().waiting_counts().unwrap();
        assert_eq!(waiting.refused, 0, "{what}: an unreadable answer refuses nothing");
        assert!(waiting.total() >= 3, "{what}: the records still wait: {waiting:?}");
        let summary = run::sync(&client, &mut store, &clock, &Quiet, &SyncOptions::default()).unwrap();
        assert_eq!((summary.refused, summary.waiting), (0, 0), "{what}: {summary:?}");
        for uid in [te, enrollment, event] {
            assert_eq!(server.creations(uid.as_str()), 1, "{what}: {uid} created once");
        }
    }
}
