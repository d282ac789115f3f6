//! The bindings' API from Rust, as the shell calls it (the Kotlin tests in `bindings/kotlin` call
//! the same through UniFFI): the demo end to end, a sync against the DHIS2 test server with
//! progress, cancel and a panicking callback, and several threads on one App.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use phum_bindings::*;
use phum_core::demo::dataset::{immunization, ncd, org_units, person, vhsg};
use phum_tests::dhis2_server::{ServerSetup, TestServer, DEMO_PASSWORD};

const KEY: &str = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

fn settings(language: &str) -> Settings {
    Settings { language: language.into(), khmer_digits: false, time_zone: "Asia/Phnom_Penh".into() }
}

fn demo(dir: &tempfile::TempDir) -> Arc<App> {
    App::open_demo(dir.path().to_string_lossy().into(), KEY.into(), settings("en")).expect("the demo opens")
}

fn today() -> String {
    phum_core::model::DeviceClock::new("Asia/Phnom_Penh").unwrap().today().to_string()
}

/// Registers a child with `name` in Khmer at the trainee's health centre; (enrollment, person).
fn register_child(app: &Arc<App>, name: &str) -> (String, String) {
    let born =
        (phum_core::model::DeviceClock::new("Asia/Phnom_Penh").unwrap().today() - chrono::Days::new(45)).to_string();
    let form = FormSession::new_registration(
        app.clone(),
        immunization::PROGRAM.to_string(),
        org_units::TRAINEE_HEALTH_CENTRE.to_string(),
        today(),
        born,
    )
    .unwrap();
    for (field, value) in [
        (person::NAME_KHMER, name),
        (person::SEX, "F"),
        (person::CAREGIVER, "ចាន់ សុភា"),
        (person::PHONE, "០១២ ៣៤៥ ៦៧៨"),
        (person::VILLAGE, org_units::TRAINEE_VILLAGES[0].1),
    ] {
        form.set_value(field.to_string(), Some(value.into())).expect("a valid value");
    }
    let completion = form.complete().unwrap();
    assert!(completion.completed, "{:?}", completion.refusals);
    let Record::Enrollment { uid, tracked_entity } = form.record().unwrap() else { panic!("an enrollment") };
    (uid, tracked_entity)
}

#[test]
fn the_demo_from_registration_to_the_monthly_report() {
    let dir = tempfile::tempdir().unwrap();
    let app = demo(&dir);
    assert!(app.account().demo);

    let units = app.clone().org_units().unwrap();
    assert!(units.iter().any(|u| u.uid == org_units::TRAINEE_HEALTH_CENTRE.as_str() && u.captures));
    let options = app.clone().capture_options(org_units::TRAINEE_HEALTH_CENTRE.to_string()).unwrap();
    assert!(options.demo);
    let imm = options.programs.iter().find(|p| p.uid == immunization::PROGRAM.as_str()).expect("immunization");
    assert!(imm.tracker && imm.writable && imm.stages.iter().any(|s| s.uid == immunization::WEEKS_6.as_str()));

    let outside = app.clone().capture_options(org_units::OTHER_HEALTH_CENTRE.to_string()).err().unwrap();
    assert!(
        matches!(outside, PhumError::Refused { .. }),
        "another health centre is outside the trainee's: {outside:?}"
    );
    assert!(units.iter().all(|u| u.uid != org_units::OTHER_HEALTH_CENTRE.as_str()));

    let (enrollment, child) = register_child(&app, "សុខ ស្រីនាង");
    let found = app.clone().search_people(immunization::PROGRAM.to_string(), "ស្រីនាង".into(), None, 20).unwrap();
    assert!(found.iter().any(|h| h.person.tracked_entity == child), "found by a Khmer name");
    let found = app.clone().search_people(immunization::PROGRAM.to_string(), "០១២៣៤៥".into(), None, 20).unwrap();
    assert!(found.iter().any(|h| h.person.tracked_entity == child), "found by a phone in Khmer digits");

    // A second registration with her phone: the form hints at her before anything is saved twice.
    let again = FormSession::new_registration(
        app.clone(),
        immunization::PROGRAM.to_string(),
        org_units::TRAINEE_HEALTH_CENTRE.to_string(),
        today(),
        today(),
    )
    .unwrap();
    let update = again.set_value(person::PHONE.to_string(), Some("012345678".into())).unwrap();
    assert!(
        update.messages_added.iter().any(|m| m.kind == FormMessageKind::PossibleDuplicate),
        "{:?}",
        update.messages_added
    );
    again.end();

    let board = app.clone().dashboard(enrollment.clone()).unwrap();
    assert_eq!(board.person.tracked_entity, child);
    assert!(board.stages.iter().any(|s| s.stage == immunization::WEEKS_6.as_str()));

    // A visit: a dose typed, a rule's effect, completion.
    let visit = FormSession::new_event(
        app.clone(),
        immunization::PROGRAM.to_string(),
        immunization::BIRTH.to_string(),
        org_units::TRAINEE_HEALTH_CENTRE.to_string(),
        Some(enrollment.clone()),
        today(),
    )
    .unwrap();
    let update = visit.set_value(immunization::BCG.to_string(), Some("true".into())).unwrap();
    assert!(update.fields.iter().any(|f| f.key == immunization::BCG.as_str() && f.value.as_deref() == Some("true")));
    let km = visit.set_language("km".into(), true).unwrap();
    assert_eq!(km.language, "km");
    assert_ne!(km.title, visit.set_language("en".into(), false).unwrap().title);
    assert!(visit.complete().unwrap().completed);
    visit.end();
    assert!(matches!(visit.view(), Err(PhumError::Refused { .. })));

    let overdue = app
        .clone()
        .overdue(immunization::PROGRAM.to_string(), org_units::TRAINEE_HEALTH_CENTRE.to_string(), 0, 50)
        .unwrap();
    assert!(overdue.total > 0 && overdue.demo, "the practice data has overdue children");

    // The monthly report of a village: refused with a reason per field, then completed.
    let village = org_units::TRAINEE_VILLAGES[0].0.to_string();
    let options = app.clone().capture_options(village.clone()).unwrap();
    let report = options.data_sets.iter().find(|d| d.uid == vhsg::DATA_SET.as_str()).expect("the village report");
    let open = report.periods.iter().find(|p| p.closed.is_none()).expect("an open period");
    assert!(open.end >= today(), "the newest open period is this month: {} ends {}", open.id, open.end);
    let form = FormSession::open_data_set(app.clone(), report.uid.clone(), village, open.id.clone(), None).unwrap();
    let cell = |de: phum_core::model::Uid, coc: phum_core::model::Uid| format!("{de}.{coc}");
    let (vaccinated, under_two) =
        (cell(vhsg::CHILDREN_VACCINATED, vhsg::MALE), cell(vhsg::CHILDREN_UNDER_2, vhsg::MALE));
    let view = form.view().unwrap();
    let boys = view.fields.iter().find(|f| f.key == vaccinated).expect("the vaccinated boys' cell");
    assert_eq!(
        (boys.row.as_deref(), boys.column.as_deref()),
        (Some("Children under 2 vaccinated this month"), Some("Male"))
    );
    form.set_value(under_two.clone(), Some("5".into())).unwrap();
    form.set_value(vaccinated.clone(), Some("9".into())).unwrap();
    let refused = form.complete().unwrap();
    assert!(!refused.completed);
    let rule =
        refused.refusals.iter().find(|r| r.text.id.starts_with("form-refusal-validation-rule")).expect("the rule");
    assert_eq!(rule.field.as_deref(), Some(vaccinated.as_str()), "the rule points at the cell its left side reads");

    // Enrollment actions and deletion.
    let ncd_options = app.clone().capture_options(org_units::TRAINEE_HEALTH_CENTRE.to_string()).unwrap();
    assert!(ncd_options.programs.iter().any(|p| p.uid == ncd::PROGRAM.as_str()));
    assert_eq!(app.clone().cancel_enrollment(enrollment.clone()).unwrap(), "CANCELLED");
    assert_eq!(app.clone().reopen_enrollment(enrollment.clone()).unwrap(), "ACTIVE");

    app.reset_demo().unwrap();
    let found = app.clone().search_people(immunization::PROGRAM.to_string(), "ស្រីនាង".into(), None, 20).unwrap();
    assert!(found.iter().all(|h| h.person.tracked_entity != child), "the reset demo has no new child");
}

#[test]
fn a_found_person_shows_sex_age_village_and_last_visit_and_is_enrolled_in_another_program() {
    let dir = tempfile::tempdir().unwrap();
    let app = demo(&dir);
    let (enrollment, child) = register_child(&app, "ស្រី ពៅ");
    let hits = app.clone().search_people(immunization::PROGRAM.to_string(), "ស្រី ពៅ".into(), None, 5).unwrap();
    let found = hits.iter().find(|h| h.person.tracked_entity == child).expect("the child is found");
    let profile = &found.person.profile;
    assert_eq!(profile.sex.as_deref(), Some("Female"));
    assert!(profile.birth_date.is_some(), "{profile:?}");
    assert!(profile.village.as_deref().is_some_and(|v| v.ends_with("Village")), "{profile:?}");
    assert_eq!(profile.village_org_unit.as_deref(), Some(org_units::TRAINEE_VILLAGES[0].0.as_str()));
    let info = found.person.enrollments.iter().find(|e| e.uid == enrollment).unwrap();
    assert_eq!(info.last_visit, None);
    let board = app.clone().dashboard(enrollment.clone()).unwrap();
    assert_eq!(board.messages, []);

    // The same person enrolled in the NCD program: one more enrollment, no new person.
    let org_unit = org_units::TRAINEE_HEALTH_CENTRE.to_string();
    let form = FormSession::new_enrollment(
        app.clone(),
        child.clone(),
        ncd::PROGRAM.to_string(),
        org_unit.clone(),
        today(),
        today(),
    )
    .unwrap();
    let Record::Enrollment { tracked_entity, .. } = form.record().unwrap() else { panic!("an enrollment") };
    assert_eq!(tracked_entity, child);
    let name = form.view().unwrap().fields.into_iter().find(|f| f.key == person::NAME_KHMER.as_str()).unwrap();
    assert_eq!(name.value.as_deref(), Some("ស្រី ពៅ"));
    let again =
        FormSession::new_enrollment(app.clone(), child.clone(), ncd::PROGRAM.to_string(), org_unit, today(), today());
    assert!(matches!(again, Err(PhumError::Refused { .. })), "{:?}", again.err());
    assert_eq!(app.clone().person(child).unwrap().enrollments.len(), 2);
}

#[test]
fn errors_carry_their_id_arguments_and_text_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let app = demo(&dir);
    let unknown = |app: &Arc<App>| FormSession::open_event(app.clone(), "AbCdEfGhIj1".into()).err().unwrap();
    let english = unknown(&app);
    app.set_settings(settings("km")).unwrap();
    let khmer = unknown(&app);
    let (PhumError::NotFound { id: en_id, text: en, .. }, PhumError::NotFound { id: km_id, text: km, .. }) =
        (&english, &khmer)
    else {
        panic!("{english:?} {khmer:?}")
    };
    assert_eq!(en_id, km_id);
    assert_ne!(en, km);
    assert!(km.chars().any(|c| ('\u{1780}'..='\u{17FF}').contains(&c)), "{km}");

    let bad = FormSession::open_event(app.clone(), "not a uid".into()).err().unwrap();
    let PhumError::Invalid { id, args, .. } = bad else { panic!("{bad:?}") };
    assert_eq!((id.as_str(), args.get("value").map(String::as_str)), ("bindings-bad-uid", Some("not a uid")));
    assert!(matches!(app.set_settings(settings("fr")), Err(PhumError::Invalid { .. })));
    assert_eq!(app.settings().language, "km", "a refused setting changes nothing");

    let refused = app.clone().sync(Box::new(Count::default())).err().unwrap();
    assert!(matches!(refused, PhumError::Refused { ref id, .. } if id == "sync-demo-account"), "{refused:?}");

    drop(app);
    let other_key = "ff".repeat(32);
    let wrong = App::open_demo(dir.path().to_string_lossy().into(), other_key, settings("en")).err().unwrap();
    assert!(matches!(wrong, PhumError::Storage { .. }), "{wrong:?}");
}

#[derive(Default)]
struct Count {
    calls: AtomicU64,
    cancel_after: Option<(u64, Mutex<Option<Arc<App>>>)>,
    panic_after: Option<u64>,
}

impl SyncProgress for Count {
    fn on_progress(&self, _phase: SyncPhase, _name: String, _done: u64, _total: u64) {
        let n = self.calls.fetch_add(1, Ordering::SeqCst) + 1;
        if let Some((after, app)) = &self.cancel_after {
            if n == *after {
                if let Some(app) = app.lock().unwrap().as_ref() {
                    app.cancel_sync();
                }
            }
        }
        if self.panic_after == Some(n) {
            panic!("the progress callback failed");
        }
    }
}

#[test]
fn a_sync_reports_progress_stops_when_cancelled_and_survives_a_panicking_callback() {
    let server = TestServer::start(ServerSetup::demo());
    let dir = tempfile::tempdir().unwrap();
    let app = App::open_account(
        dir.path().to_string_lossy().into(),
        server.url(),
        "trainee".into(),
        KEY.into(),
        settings("en"),
    )
    .unwrap();
    let before = app.clone().sync(Box::new(Count::default())).err().unwrap();
    assert!(matches!(before, PhumError::Login { ref id, .. } if id == "bindings-sign-in-first"), "{before:?}");
    let wrong = app.login_online("wrong".into(), false).err().unwrap();
    assert!(matches!(wrong, PhumError::Login { .. }), "{wrong:?}");
    let signed = app.login(DEMO_PASSWORD.into()).unwrap();
    assert!(signed.online);

    let cancel = Count { cancel_after: Some((1, Mutex::new(Some(app.clone())))), ..Count::default() };
    let cancelled = app.clone().sync(Box::new(cancel)).err().unwrap();
    assert!(matches!(cancelled, PhumError::Cancelled { .. }), "{cancelled:?}");

    let panicking = Count { panic_after: Some(2), ..Count::default() };
    let internal = app.clone().sync(Box::new(panicking)).err().unwrap();
    assert!(matches!(internal, PhumError::Internal { ref id, .. } if id == "bindings-internal-error"), "{internal:?}");

    struct Lines(Arc<Mutex<Vec<String>>>);
    impl Logger for Lines {
        fn log(&self, level: LogLevel, target: String, message: String) {
            self.0.lock().unwrap().push(format!("{level:?} {target} {message}"));
        }
    }
    let lines = Arc::new(Mutex::new(Vec::new()));
    set_logger(Box::new(Lines(lines.clone())), LogLevel::Info);
    let progress = Arc::new(Count::default());
    struct Shared(Arc<Count>);
    impl SyncProgress for Shared {
        fn on_progress(&self, phase: SyncPhase, name: String, done: u64, total: u64) {
            self.0.on_progress(phase, name, done, total)
        }
    }
    let report = app.clone().sync(Box::new(Shared(progress.clone()))).unwrap();
    assert!(progress.calls.load(Ordering::SeqCst) > 0);
    let logged = lines.lock().unwrap().clone();
    assert!(logged.iter().any(|l| l == "Info phum_core::sync::run sync phase DOWNLOAD"), "{logged:?}");
    assert!(logged.iter().all(|l| !l.contains(DEMO_PASSWORD)), "no password in the log");
    assert_eq!(report.refused, 0);
    let status = app.clone().sync_status().unwrap();
    assert!(status.last_sync.is_some() && status.waiting == 0);

    // Capture after the metadata arrived, then a sync sends it.
    let (_, child) = register_child(&app, "ស្រី ពៅ");
    assert!(
        app.clone().sync_status().unwrap().waiting >= 2,
        "the person, the enrollment and its scheduled visits wait"
    );
    let report = app.clone().sync(Box::new(Count::default())).unwrap();
    assert!(report.sent >= 2, "{report:?}");
    assert_eq!(server.creations(&child), 1);
}

#[test]
fn eight_threads_on_one_app_lose_no_write() {
    let dir = tempfile::tempdir().unwrap();
    let app = demo(&dir);
    let threads: Vec<_> = (0..8)
        .map(|i| {
            let app = app.clone();
            std::thread::spawn(move || {
                let mut people = Vec::new();
                for j in 0..3 {
                    people.push(register_child(&app, &format!("កុមារ {i} {j}")));
                    app.clone().search_people(immunization::PROGRAM.to_string(), "កុមារ".into(), None, 50).unwrap();
                }
                people
            })
        })
        .collect();
    let people: Vec<(String, String)> = threads.into_iter().flat_map(|t| t.join().expect("no panic")).collect();
    assert_eq!(people.len(), 24);
    for (enrollment, child) in &people {
        let board = app.clone().dashboard(enrollment.clone()).unwrap();
        assert_eq!(&board.person.tracked_entity, child);
    }
}
