//! The whole sync against the DHIS2 test server (`phum_tests::dhis2_server`), over real HTTP on
//! loopback, driven through form sessions as a health worker would: sign in, download the
//! metadata, register a child and record her visit, send, edit and clear values and send again,
//! receive what was changed on the server, delete a visit, and the village's monthly report with
//! its completion.

use phum_core::demo::dataset::{immunization, org_units, person, vhsg};
use phum_core::form::{FormContext, FormSession, NewEventForm};
use phum_core::model::{DeviceClock, Uid};
use phum_core::store::data::SyncState;
use phum_core::store::{Account, Store};
use phum_core::sync::client::{Client, ClientOptions, Credentials};
use phum_core::sync::progress::Quiet;
use phum_core::sync::run::{self, SyncOptions};
use phum_core::sync::{connect_target, login};
use phum_tests::dhis2_server::{ServerSetup, TestServer, DEMO_PASSWORD};
use serde_json::Value;

const USER: &str = "trainee";

fn clock() -> DeviceClock {
    DeviceClock::default()
}

fn account(server: &TestServer) -> Account {
    Account::Server { url: server.url(), username: USER.into() }
}

/// Signs in online (which writes the credential) and returns the client.
fn sign_in(server: &TestServer, store: &Store) -> Client {
    let target = connect_target(store, &account(server)).unwrap();
    let credentials = Credentials::Password { username: USER.into(), password: DEMO_PASSWORD.into() };
    login::login_online(store, &target, credentials, ClientOptions::default(), &clock()).unwrap().client
}

fn sync(client: &Client, store: &mut Store) -> run::SyncSummary {
    run::sync(client, store, &clock(), &Quiet, &SyncOptions::default()).unwrap()
}

fn ctx() -> FormContext {
    FormContext::new(clock()).with_capture_org_units(vec![org_units::TRAINEE_HEALTH_CENTRE])
}

fn find<'a>(list: &'a [Value], key: &str, uid: &str) -> &'a Value {
    list.iter().find(|o| o[key] == uid).unwrap_or_else(|| panic!("{key} {uid} is not on the server"))
}

fn value_of(list: &Value, key: &str, id: &str) -> Option<String> {
    list.as_array()?.iter().find(|v| v[key] == id).and_then(|v| v["value"].as_str()).map(str::to_string)
}

/// The server's metadata imported as the sync's metadata phase would: until that phase is merged,
/// straight from the document the server serves.
fn metadata(store: &mut Store) {
    use phum_core::store::import::ImportSource;
    let doc = phum_core::demo::dataset::build::metadata().to_string().into_bytes();
    let me = phum_core::demo::dataset::build::me().to_string().into_bytes();
    store
        .import_metadata(&[
            ImportSource::Bytes { name: "metadata".into(), bytes: doc },
            ImportSource::Bytes { name: "me".into(), bytes: me },
        ])
        .unwrap();
}

#[test]
fn a_child_registered_and_visited_here_reaches_the_server_once_and_changes_go_both_ways() {
    let server = TestServer::start(ServerSetup::demo());
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("account.db"), None).unwrap();
    let client = sign_in(&server, &store);
    metadata(&mut store);
    let today = clock().today();

    // Register a girl born 40 days ago, and record her birth doses (the visit stays open).
    let born = today - chrono::Days::new(40);
    let (mut reg, _) = FormSession::new_registration(
        &mut store,
        immunization::PROGRAM,
        org_units::TRAINEE_HEALTH_CENTRE,
        today,
        born,
        &ctx(),
    )
    .unwrap();
    let village = org_units::TRAINEE_VILLAGES[0].1;
    for (field, value) in [
        (person::NAME_KHMER, "សុខ ដារ៉ា"),
        (person::SEX, "F"),
        (person::CAREGIVER, "ចាន់ សុភា"),
        (person::PHONE, "012345678"),
        (person::VILLAGE, village),
    ] {
        reg.set_value(&mut store, field.as_str(), Some(value)).unwrap();
    }
    let enrollment = reg.record_uid().unwrap();
    reg.complete(&mut store).unwrap();
    let te = store.data().enrollment(enrollment).unwrap().unwrap().tracked_entity;
    let (mut visit, _) = FormSession::new_event(
        &mut store,
        NewEventForm {
            program: immunization::PROGRAM,
            stage: immunization::BIRTH,
            org_unit: org_units::TRAINEE_HEALTH_CENTRE,
            enrollment: Some(enrollment),
            event_date: today,
        },
        &ctx(),
    )
    .unwrap();
    visit.set_value(&mut store, immunization::BCG.as_str(), Some("true")).unwrap();
    visit.set_value(&mut store, immunization::HEPB_BIRTH.as_str(), Some("true")).unwrap();
    let event = visit.record_uid().unwrap();

    let summary = sync(&client, &mut store);
    assert_eq!(summary.refused, 0, "{summary:?} {:?}", store.data().record_issues().unwrap());
    assert_eq!(summary.waiting, 0, "{summary:?}");
    let people = server.tracked_entities();
    let sent = find(&people, "trackedEntity", te.as_str());
    assert_eq!(value_of(&sent["attributes"], "attribute", person::NAME_KHMER.as_str()).as_deref(), Some("សុខ ដារ៉ា"));
    let events = server.events();
    let sent_visit = find(&events, "event", event.as_str());
    assert_eq!(value_of(&sent_visit["dataValues"], "dataElement", immunization::BCG.as_str()).as_deref(), Some("true"));
    for uid in [te, enrollment, event] {
        assert_eq!(server.creations(uid.as_str()), 1, "{uid} created once");
    }
    assert_eq!(store.data().event(event).unwrap().unwrap().sync_state, SyncState::Synced);

    // Edit one dose and clear the other; send again.
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
    assert!(summary.received.received >= 1, "{summary:?}");
    let phone = store.data().attribute_values(te).unwrap().into_iter().find(|(a, _)| *a == person::PHONE);
    assert_eq!(phone.map(|(_, v)| v).as_deref(), Some("098765432"));

    // A visit deleted here is deleted there.
    store.data().delete_event(event, clock().now()).unwrap();
    sync(&client, &mut store);
    let events = server.events();
    assert_eq!(find(&events, "event", event.as_str())["deleted"], true);
    assert!(store.data().event(event).unwrap().is_none(), "gone here once the server has the deletion");
}

#[test]
fn a_monthly_report_and_its_completion_reach_the_server() {
    let server = TestServer::start(ServerSetup::demo());
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("account.db"), None).unwrap();
    let client = sign_in(&server, &store);
    metadata(&mut store);
    let village = org_units::TRAINEE_VILLAGES[0].0;
    let last_month =
        phum_core::model::Period::containing(phum_core::model::PeriodType::Monthly, clock().today()).previous().iso();
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
