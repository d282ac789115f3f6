//! The whole sync against the DHIS2 test server (`phum_tests::dhis2_server`), over real HTTP on
//! loopback, driven through form sessions as a health worker would: sign in, download the
//! metadata, register a child
//! and record her visit, send, edit and clear values and send again, receive what was changed on
//! the server, delete a visit, and the village's monthly report with its completion; for each of
//! the list shapes and parameter names of DHIS2 2.40, 2.41 and 2.42.

use phum_core::demo::dataset::{immunization, org_units, person, vhsg};
use phum_core::form::FormSession;
use phum_core::model::{DeviceClock, Uid};
use phum_core::store::data::SyncState;
use phum_core::store::Store;
use phum_core::sync::client::{Client, ClientOptions};
use phum_core::sync::progress::Quiet;
use phum_core::sync::run::{self, SyncOptions};
use phum_tests::dhis2_server::{ApiVersion, ServerSetup, TestServer};
use phum_tests::sync_support::{birth_visit, ctx, open, register_child, sign_in};
use serde_json::Value;

const VERSIONS: [ApiVersion; 3] = [ApiVersion::V2_40, ApiVersion::V2_41, ApiVersion::V2_42];

fn sync(client: &Client, store: &mut Store) -> run::SyncSummary {
    run::sync(client, store, &DeviceClock::default(), &Quiet, &SyncOptions::default()).unwrap()
}

fn find<'a>(list: &'a [Value], key: &str, uid: &str) -> &'a Value {
    list.iter().find(|o| o[key] == uid).unwrap_or_else(|| panic!("{key} {uid} is not on the server"))
}

fn value_of(list: &Value, key: &str, id: &str) -> Option<String> {
    list.as_array()?.iter().find(|v| v[key] == id).and_then(|v| v["value"].as_str()).map(str::to_string)
}

/// A device signed in to a fresh server of `version`, whose first sync brought the metadata.
fn device(version: ApiVersion) -> (TestServer, tempfile::TempDir, Store, Client) {
    let server = TestServer::start(ServerSetup { version, ..ServerSetup::demo() });
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("account.db"));
    let client = sign_in(&server, &store, ClientOptions::default());
    let first = sync(&client, &mut store);
    assert!(
        first.metadata_updated,
        "{version:?}: the first sync brings the metadata: {:?}",
        first.metadata_refused.as_ref().map(|m| m.render(phum_core::i18n::Locale::ENGLISH))
    );
    let programs: Vec<phum_core::model::Program> = store.list().unwrap();
    assert_eq!(programs.len(), 2, "{version:?}");
    (server, dir, store, client)
}

#[test]
fn a_child_registered_and_visited_here_reaches_the_server_once_and_changes_go_both_ways() {
    for version in VERSIONS {
        child_round_trip(version);
    }
}

fn child_round_trip(version: ApiVersion) {
    let (server, _dir, mut store, client) = device(version);
    let (enrollment, te) = register_child(&mut store, "សុខ ដារ៉ា");
    let event = birth_visit(&mut store, enrollment);

    let summary = sync(&client, &mut store);
    assert_eq!(summary.refused, 0, "{version:?} {summary:?} {:?}", store.data().record_issues().unwrap());
    assert_eq!(summary.waiting, 0, "{version:?} {summary:?}");
    let people = server.tracked_entities();
    let sent = find(&people, "trackedEntity", te.as_str());
    assert_eq!(value_of(&sent["attributes"], "attribute", person::NAME_KHMER.as_str()).as_deref(), Some("សុខ ដារ៉ា"));
    let events = server.events();
    let sent_visit = find(&events, "event", event.as_str());
    assert_eq!(value_of(&sent_visit["dataValues"], "dataElement", immunization::BCG.as_str()).as_deref(), Some("true"));
    for uid in [te, enrollment, event] {
        assert_eq!(server.creations(uid.as_str()), 1, "{version:?}: {uid} created once");
    }
    assert_eq!(store.data().event(event).unwrap().unwrap().sync_state, SyncState::Synced);

    // Clear one dose; send again.
    let (mut visit, _) = FormSession::open_event(&mut store, event, &ctx()).unwrap();
    visit.set_value(&mut store, immunization::HEPB_BIRTH.as_str(), None).unwrap();
    sync(&client, &mut store);
    let events = server.events();
    let sent_visit = find(&events, "event", event.as_str());
    assert_eq!(value_of(&sent_visit["dataValues"], "dataElement", immunization::HEPB_BIRTH.as_str()), None);
    assert_eq!(server.creations(event.as_str()), 1, "an update is no second creation");

    // A change made on the server arrives here.
    server.set_attribute_value(te.as_str(), person::PHONE.as_str(), Some("098765432"));
    let summary = sync(&client, &mut store);
    assert!(summary.received.received >= 1, "{version:?} {summary:?}");
    let phone = store.data().attribute_values(te).unwrap().into_iter().find(|(a, _)| *a == person::PHONE);
    assert_eq!(phone.map(|(_, v)| v).as_deref(), Some("098765432"), "{version:?}");

    // A visit deleted here is deleted there.
    store.data().delete_event(event, DeviceClock::default().now()).unwrap();
    sync(&client, &mut store);
    let events = server.events();
    assert_eq!(find(&events, "event", event.as_str())["deleted"], true);
    assert!(store.data().event(event).unwrap().is_none(), "gone here once the server has the deletion");
}

#[test]
fn a_monthly_report_and_its_completion_reach_the_server() {
    let (server, _dir, mut store, client) = device(ApiVersion::V2_41);
    let village = org_units::TRAINEE_VILLAGES[0].0;
    let last_month =
        phum_core::model::Period::containing(phum_core::model::PeriodType::Monthly, DeviceClock::default().today())
            .previous()
            .iso();
    let (mut report, _) =
        FormSession::open_data_set(&mut store, vhsg::DATA_SET, village, &last_month, None, &ctx()).unwrap();
    let cell = |de: Uid, coc: Uid| format!("{de}.{coc}");
    report.set_value(&mut store, &cell(vhsg::HOUSEHOLDS_VISITED, vhsg::DEFAULT_COMBO), Some("12")).unwrap();
    report.set_value(&mut store, &cell(vhsg::EDUCATION_SESSIONS, vhsg::DEFAULT_COMBO), Some("2")).unwrap();
    report.complete(&mut store).unwrap();
    let summary = sync(&client, &mut store);
    assert_eq!((summary.refused, summary.waiting), (0, 0), "{summary:?} {:?}", store.data().record_issues().unwrap());
    let values = server.data_values();
    let visited = values
        .iter()
        .find(|v| v["dataElement"] == vhsg::HOUSEHOLDS_VISITED.as_str() && v["period"] == last_month.as_str())
        .expect("the value is on the server");
    assert_eq!(visited["value"], "12");
    assert!(server.completions().iter().any(|c| c["period"] == last_month.as_str()));
}
