//! What the sync tests share: a device signed in to the DHIS2 test server, with the server's
//! metadata, and the form context of the demo dataset's trainee.
//!
//! Owns these few steps. Does not own the server (`dhis2_server`) or the checks (`sync_check`).

use std::path::Path;

use phum_core::demo::dataset::org_units;
use phum_core::form::FormContext;
use phum_core::model::DeviceClock;
use phum_core::store::{Account, Store};
use phum_core::sync::client::{Client, ClientOptions, Credentials};
use phum_core::sync::{connect_target, login};

use crate::dhis2_server::{TestServer, DEMO_PASSWORD};

pub const USER: &str = "trainee";

pub fn account(server: &TestServer) -> Account {
    Account::Server { url: server.url(), username: USER.into() }
}

/// Signs in online with the demo password (which writes the credential) and returns the client.
pub fn sign_in(server: &TestServer, store: &Store, options: ClientOptions) -> Client {
    let target = connect_target(store, &account(server)).expect("not a demo database");
    let credentials = Credentials::Password { username: USER.into(), password: DEMO_PASSWORD.into() };
    login::login_online(store, &target, credentials, options, &DeviceClock::default()).expect("signed in").client
}

/// A plain (unencrypted, for speed) database at `path`.
pub fn open(path: &Path) -> Store {
    Store::open(path, None).expect("a database")
}

/// The trainee's form context: today, the health centre as capture scope.
pub fn ctx() -> FormContext {
    FormContext::new(DeviceClock::default()).with_capture_org_units(vec![org_units::TRAINEE_HEALTH_CENTRE])
}

/// The rows of the captured-data tables (and the search index), for "nothing changed" checks.
pub fn data_rows(store: &Store) -> Vec<String> {
    const DATA: [&str; 11] = [
        "tracked_entity:",
        "attribute_value:",
        "enrollment:",
        "event:",
        "event_data_value:",
        "aggregate_value:",
        "data_set_completion:",
        "cleared_attribute_value:",
        "cleared_data_value:",
        "search_token:",
        "search_value:",
    ];
    store.table_rows().expect("rows").into_iter().filter(|r| DATA.iter().any(|t| r.starts_with(t))).collect()
}

/// Registers a girl born 40 days ago in child immunization, through the registration form, and
/// returns her enrollment and person.
pub fn register_child(store: &mut Store, name: &str) -> (phum_core::model::Uid, phum_core::model::Uid) {
    use phum_core::demo::dataset::{immunization, person};
    use phum_core::form::FormSession;
    let today = DeviceClock::default().today();
    let born = today - chrono::Days::new(40);
    let (mut reg, _) = FormSession::new_registration(
        store,
        immunization::PROGRAM,
        org_units::TRAINEE_HEALTH_CENTRE,
        today,
        born,
        &ctx(),
    )
    .expect("registration opens");
    for (field, value) in [
        (person::NAME_KHMER, name),
        (person::SEX, "F"),
        (person::CAREGIVER, "ចាន់ សុភា"),
        (person::PHONE, "012345678"),
        (person::VILLAGE, org_units::TRAINEE_VILLAGES[0].1),
    ] {
        reg.set_value(store, field.as_str(), Some(value)).expect("a valid value");
    }
    let enrollment = reg.record_uid().expect("an enrollment");
    reg.complete(store).expect("the registration completes");
    let te = store.data().enrollment(enrollment).expect("read").expect("stored").tracked_entity;
    (enrollment, te)
}

/// Opens the birth visit of `enrollment` today and gives both birth doses; the visit stays open.
pub fn birth_visit(store: &mut Store, enrollment: phum_core::model::Uid) -> phum_core::model::Uid {
    use phum_core::demo::dataset::immunization;
    use phum_core::form::{FormSession, NewEventForm};
    let (mut visit, _) = FormSession::new_event(
        store,
        NewEventForm {
            program: immunization::PROGRAM,
            stage: immunization::BIRTH,
            org_unit: org_units::TRAINEE_HEALTH_CENTRE,
            enrollment: Some(enrollment),
            event_date: DeviceClock::default().today(),
        },
        &ctx(),
    )
    .expect("the visit opens");
    for dose in [immunization::BCG, immunization::HEPB_BIRTH] {
        visit.set_value(store, dose.as_str(), Some("true")).expect("a dose");
    }
    visit.record_uid().expect("an event")
}

/// What the test server holds, for `sync_check::compare`: its records and how many times each
/// was created.
pub fn server_state(server: &TestServer) -> crate::sync_check::ServerState {
    let tracked_entities = server.tracked_entities();
    let enrollments = server.enrollments();
    let events = server.events();
    let mut creations = std::collections::HashMap::new();
    for (list, key) in [(&tracked_entities, "trackedEntity"), (&enrollments, "enrollment"), (&events, "event")] {
        for record in list.iter() {
            if let Some(uid) = record[key].as_str() {
                creations.insert(uid.to_string(), server.creations(uid));
            }
        }
    }
    crate::sync_check::ServerState {
        tracked_entities,
        enrollments,
        events,
        data_values: server.data_values(),
        completions: server.completions(),
        creations,
    }
}
