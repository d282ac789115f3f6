//! The demo as a whole: what the practice data holds on its day, that it is the same every time,
//! that it passes its own rules, that it is found by search and marked as a demo everywhere, and
//! that the account's files reset to the exact initial state.

use std::collections::BTreeSet;

use chrono::{NaiveDate as Date, TimeDelta};

use super::dataset::{immunization, ncd, org_units, person, vhsg};
use super::people::{AdultKind, ChildKind, ADULT_MIX, CHILD_MIX};
use super::*;
use crate::form::{FormContext, FormSession};
use crate::i18n::{Lang, Locale};
use crate::model::{DeviceClock, ProgramStage};
use crate::schedule::{enrollment_dashboard, overdue, upcoming, Page, WorkingList};
use crate::search::query::{search, search_target, MatchMode, SearchOptions, SearchScope};
use crate::store::DbKey;
use crate::test_dates::ymd;

/// The day the tests' demo is made for.
fn day() -> Date {
    ymd(2026, 12, 5)
}

fn clock(day: Date) -> DeviceClock {
    DeviceClock::default().pinned_on(day)
}

fn demo(day: Date) -> (Store, PeopleSummary) {
    let mut store = Store::open_in_memory().unwrap();
    let summary = populate(&mut store, &clock(day)).unwrap();
    (store, summary)
}

/// Every row of every table, as text, sorted: two databases with the same dump hold the same.
pub(crate) fn dump(store: &Store) -> Vec<String> {
    store.table_rows().unwrap()
}

/// Fails with the rows only one of two dumps has.
pub(crate) fn assert_same(left: &[String], right: &[String], what: &str) {
    let only = |a: &[String], b: &[String]| -> Vec<String> {
        let b: BTreeSet<&String> = b.iter().collect();
        a.iter().filter(|row| !b.contains(row)).take(8).cloned().collect()
    };
    assert!(left == right, "{what}: only before: {:#?}\nonly after: {:#?}", only(left, right), only(right, left));
}

fn persons(list: &WorkingList) -> BTreeSet<Uid> {
    list.rows.iter().map(|r| r.tracked_entity).collect()
}

fn whole_list(store: &Store, program: Uid, today: Date, due_within: Option<u32>) -> WorkingList {
    let hc = org_units::TRAINEE_HEALTH_CENTRE;
    let page = Page::first(Page::MAX_LIMIT);
    match due_within {
        None => overdue(store, program, hc, today, page, Lang::En).unwrap(),
        Some(days) => upcoming(store, program, hc, today, days, page, Lang::En).unwrap(),
    }
}

fn kind_count<K: PartialEq + Copy>(mix: &[(K, usize)], kinds: &[K]) -> usize {
    mix.iter().filter(|(k, _)| kinds.contains(k)).map(|(_, n)| n).sum()
}

#[test]
fn the_demo_holds_about_200_people_and_six_months_of_reports() {
    let (store, summary) = demo(day());
    assert_eq!(summary.children, CHILD_MIX.iter().map(|(_, n)| n).sum::<usize>());
    assert_eq!(summary.adults, ADULT_MIX.iter().map(|(_, n)| n).sum::<usize>());
    assert_eq!((summary.children, summary.adults, summary.reports), (97, 100, 34));
    let rows = |sql: &str| -> i64 { store.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(rows("SELECT count(*) FROM tracked_entity"), 197);
    assert_eq!(rows("SELECT count(*) FROM event") as usize, summary.events);
    assert!(summary.events > 1000, "{summary:?}");
    assert_eq!(rows("SELECT count(*) FROM tracked_entity WHERE org_unit = 'DmOuHcChnDi'"), 197);
    assert_eq!(rows("SELECT count(*) FROM data_set_completion WHERE completed = 1"), 33);
    // Downloaded, not captured here: nothing waits to be sent.
    assert_eq!(rows("SELECT count(*) FROM event WHERE sync_state <> 'SYNCED'"), 0);
    let mark = store.demo_mark().unwrap().unwrap();
    assert_eq!((mark.anchor_date, mark.dataset.as_str()), (day(), dataset::VERSION));
    assert!(store.check_integrity().unwrap().is_empty());
}

#[test]
fn on_its_day_some_are_overdue_some_due_today_and_some_complete() {
    let today = day();
    let (store, _) = demo(today);
    // NCD: exactly the overdue follow-ups and the ones due today.
    let ncd_overdue = whole_list(&store, ncd::PROGRAM, today, None);
    assert_eq!(ncd_overdue.total, kind_count(&ADULT_MIX, &[AdultKind::Overdue]));
    assert!(ncd_overdue.rows.iter().all(|r| r.days_overdue >= 3 && r.program_stage == ncd::FOLLOW_UP));
    let ncd_today = whole_list(&store, ncd::PROGRAM, today, Some(0));
    assert_eq!(ncd_today.total, kind_count(&ADULT_MIX, &[AdultKind::DueToday]));
    assert!(ncd_today.rows.iter().all(|r| r.days_overdue == 0));
    let ncd_soon = whole_list(&store, ncd::PROGRAM, today, Some(27));
    assert!(ncd_soon.total > 60, "{}", ncd_soon.total);

    // Immunization: the overdue children (a contact, or HPV), and those due today.
    let imm_overdue = persons(&whole_list(&store, immunization::PROGRAM, today, None));
    assert_eq!(imm_overdue.len(), kind_count(&CHILD_MIX, &[ChildKind::Overdue, ChildKind::HpvOverdue]));
    let imm_today = whole_list(&store, immunization::PROGRAM, today, Some(0));
    let due_only_today: BTreeSet<Uid> = persons(&imm_today).difference(&imm_overdue).copied().collect();
    assert_eq!(due_only_today.len(), kind_count(&CHILD_MIX, &[ChildKind::DueToday, ChildKind::HpvDueToday]));
    let stages: BTreeSet<Uid> = imm_today.rows.iter().map(|r| r.program_stage).collect();
    assert!(stages.len() >= 4, "due today at several contacts: {stages:?}");

    // Complete: every contact of the schedule done.
    let complete: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM (SELECT enrollment FROM event WHERE program = 'DmPrImmuniz' AND status = 'COMPLETED'
               AND program_stage <> 'DmStImHpv09' GROUP BY enrollment HAVING count(*) = 6)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let all_done = kind_count(
        &CHILD_MIX,
        &[
            ChildKind::Complete,
            ChildKind::HpvGiven,
            ChildKind::HpvOverdue,
            ChildKind::HpvDueToday,
            ChildKind::HpvComing,
        ],
    );
    assert_eq!(complete as usize, all_done);
    let completed_enrollments: i64 =
        store.conn().query_row("SELECT count(*) FROM enrollment WHERE status = 'COMPLETED'", [], |r| r.get(0)).unwrap();
    assert!(completed_enrollments > kind_count(&ADULT_MIX, &[AdultKind::ScreenedNormal]) as i64);
}

#[test]
fn every_dose_was_given_at_or_after_its_age_on_the_schedule_and_before_today() {
    let today = day();
    let (store, _) = demo(today);
    let stages = store.children::<ProgramStage>(immunization::PROGRAM).unwrap();
    let mut stmt = store
        .conn()
        .prepare(
            "SELECT ev.uid, ev.program_stage, ev.event_date, en.incident_date FROM event ev
             JOIN enrollment en ON en.uid = ev.enrollment WHERE ev.program = 'DmPrImmuniz' AND ev.status = 'COMPLETED'",
        )
        .unwrap();
    let rows: Vec<(String, String, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(rows.len() > 350, "{}", rows.len());
    for (event, stage, given, birth) in rows {
        let stage = stages.iter().find(|s| s.identity.id.as_str() == stage).unwrap();
        let (given, birth): (Date, Date) = (given.parse().unwrap(), birth.parse().unwrap());
        assert!(
            (given - birth).num_days() >= stage.min_days_from_start,
            "{event} at {} days",
            (given - birth).num_days()
        );
        assert!(given < today);
        let values = store.data().data_values(Uid::parse(&event).unwrap()).unwrap();
        let doses = immunization::CONTACTS
            .iter()
            .find(|(s, _)| *s == stage.identity.id)
            .map(|(_, d)| d.to_vec())
            .unwrap_or_else(|| vec![immunization::HPV_DOSE]);
        for dose in doses {
            assert!(values.contains(&(dose, "true".into())), "{event}: {dose} given");
        }
    }
}

#[test]
fn the_same_day_makes_the_same_database_and_another_day_moves_the_dates() {
    // The import log's finish time is the real time; everything else is the day's.
    let stable = |store: &Store| -> Vec<String> {
        store.conn().execute("UPDATE metadata_import SET finished_at = ''", []).unwrap();
        dump(store)
    };
    let (a, _) = demo(day());
    let (b, _) = demo(day());
    assert_same(&stable(&a), &stable(&b), "the same day");
    let (c, summary) = demo(day() + TimeDelta::days(40));
    assert_ne!(stable(&a), stable(&c));
    assert_eq!((summary.children, summary.adults), (97, 100));
}

#[test]
fn stored_visits_are_what_their_forms_show_and_break_no_rule() {
    let (mut store, _) = demo(day());
    let ctx = FormContext::new(clock(day())).with_locale(Locale::KHMER);
    let events: Vec<Uid> = store
        .conn()
        .prepare("SELECT uid FROM event WHERE status = 'COMPLETED' ORDER BY uid")
        .unwrap()
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|u| Uid::parse(&u.unwrap()).unwrap())
        .collect();
    // A completed visit or enrollment opens read-only and saves nothing; opened for editing, a
    // form saves what its rules assign where the stored value differs.
    store
        .conn()
        .execute_batch(
            "UPDATE event SET status = 'ACTIVE' WHERE status = 'COMPLETED'; UPDATE enrollment SET status = 'ACTIVE';",
        )
        .unwrap();
    let before = dump(&store);
    let mut checked = 0;
    for event in events.iter().step_by(4) {
        let (_, view) = FormSession::open_event(&mut store, *event, &ctx).unwrap();
        assert!(view.demo);
        let errors: Vec<&String> = view.fields.iter().flat_map(|f| &f.errors).map(|e| &e.text).collect();
        assert!(errors.is_empty(), "event {event}: {errors:?}");
        assert!(view.can_complete, "event {event}");
        checked += 1;
    }
    let enrollments: Vec<Uid> = store
        .conn()
        .prepare("SELECT uid FROM enrollment ORDER BY uid")
        .unwrap()
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|u| Uid::parse(&u.unwrap()).unwrap())
        .collect();
    for enrollment in enrollments.iter().step_by(5) {
        let (_, view) = FormSession::open_registration(&mut store, *enrollment, &ctx).unwrap();
        assert!(view.fields.iter().all(|f| f.errors.is_empty()), "enrollment {enrollment}");
        assert!(view.title.chars().any(|c| ('\u{1780}'..='\u{17FF}').contains(&c)), "a Khmer title: {}", view.title);
    }
    assert!(checked > 150);
    // Nothing was saved: the stored values are the ones the rules assign.
    assert_same(&before, &dump(&store), "forms opened");
}

#[test]
fn the_rules_catch_a_dose_too_soon_or_too_early_and_refer_a_very_high_blood_pressure() {
    let today = day();
    let (mut store, _) = demo(today);
    let ctx = FormContext::new(clock(today)).with_locale(Locale::ENGLISH);
    // A child whose 10-week doses are overdue: 6-week doses given, 10-week visit waiting.
    let (enrollment, six_weeks): (String, String) = store
        .conn()
        .query_row(
            "SELECT a.enrollment, a.event_date FROM event a JOIN event b ON b.enrollment = a.enrollment
             WHERE a.program_stage = 'DmStIm06Wks' AND a.status = 'COMPLETED'
               AND b.program_stage = 'DmStIm10Wks' AND b.status = 'SCHEDULE' AND b.due_date < ?1
             ORDER BY a.enrollment LIMIT 1",
            [crate::expr::value::iso_date(today)],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let six_weeks: Date = six_weeks.parse().unwrap();
    let visit = |stage: Uid, date: Date| crate::form::NewEventForm {
        program: immunization::PROGRAM,
        stage,
        org_unit: org_units::TRAINEE_HEALTH_CENTRE,
        enrollment: Some(Uid::parse(&enrollment).unwrap()),
        event_date: date,
    };
    let (mut ten, _) =
        FormSession::new_event(&mut store, visit(immunization::WEEKS_10, six_weeks + TimeDelta::days(20)), &ctx)
            .unwrap();
    let changes = ten.set_value(&mut store, immunization::PENTA_2.as_str(), Some("true")).unwrap();
    let errors = &changes.field(immunization::PENTA_2.as_str()).unwrap().errors;
    assert!(errors.iter().any(|e| e.text.contains("at least 4 weeks") && e.text.ends_with(" 20")), "{errors:?}");
    assert_eq!(changes.can_complete, Some(false));
    let (mut nine, _) = FormSession::new_event(&mut store, visit(immunization::MONTHS_9, today), &ctx).unwrap();
    let changes = nine.set_value(&mut store, immunization::MR_1.as_str(), Some("true")).unwrap();
    let errors = &changes.field(immunization::MR_1.as_str()).unwrap().errors;
    assert_eq!(errors, &["Too early: MR 1 is given from 9 months of age."]);

    // An NCD patient overdue for follow-up comes today with 185/100.
    let row = whole_list(&store, ncd::PROGRAM, today, None).rows[0].clone();
    let (mut follow_up, _) = FormSession::new_event(
        &mut store,
        crate::form::NewEventForm {
            program: ncd::PROGRAM,
            stage: ncd::FOLLOW_UP,
            org_unit: org_units::TRAINEE_HEALTH_CENTRE,
            enrollment: Some(row.enrollment),
            event_date: today,
        },
        &ctx,
    )
    .unwrap();
    follow_up.set_value(&mut store, ncd::SYSTOLIC.as_str(), Some("185")).unwrap();
    follow_up.set_value(&mut store, ncd::DIASTOLIC.as_str(), Some("100")).unwrap();
    let view = follow_up.view();
    let field = |uid: Uid| view.fields.iter().find(|f| f.uid == uid.as_str()).unwrap();
    assert_eq!(field(ncd::BP_RESULT).value.as_deref(), Some("VERY_HIGH"));
    assert!(field(ncd::SYSTOLIC).warnings.iter().any(|w| w.text.contains("referral hospital today")));
    let referral = field(ncd::REFERRAL);
    assert!(referral.mandatory);
    assert!(referral.options.iter().all(|o| o.code != "NONE"), "{:?}", referral.options);
}

#[test]
fn people_are_found_by_khmer_and_latin_name_and_phone() {
    let (store, _) = demo(day());
    let target = search_target(&store, SearchScope::Program(ncd::PROGRAM)).unwrap();
    let options = SearchOptions { mode: MatchMode::Prefix, limit: 10, org_units: vec![] };
    let (te, khmer, latin, phone): (String, String, String, String) = store
        .conn()
        .query_row(
            "SELECT k.tracked_entity, k.value, l.value, p.value FROM attribute_value k
             JOIN attribute_value l ON l.tracked_entity = k.tracked_entity AND l.attribute = ?2
             JOIN attribute_value p ON p.tracked_entity = k.tracked_entity AND p.attribute = ?3
             JOIN enrollment e ON e.tracked_entity = k.tracked_entity AND e.program = 'DmPrNcdHtDm'
             WHERE k.attribute = ?1 ORDER BY k.tracked_entity LIMIT 1",
            [person::NAME_KHMER.as_str(), person::NAME_LATIN.as_str(), person::PHONE.as_str()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    for query in [khmer.as_str(), latin.as_str(), &latin.to_lowercase(), phone.as_str()] {
        let found = search(&store.data(), &target, query, &options).unwrap();
        assert!(found.hits.iter().any(|h| h.tracked_entity.as_str() == te), "{query}: {found:?}");
    }
}

#[test]
fn every_status_says_demo_and_an_account_database_says_not() {
    let today = day();
    let (mut store, _) = demo(today);
    let list = whole_list(&store, ncd::PROGRAM, today, None);
    assert!(list.demo);
    let row = &list.rows[0];
    assert!(enrollment_dashboard(&store, row.enrollment, today, &[], Lang::En).unwrap().demo);
    let ctx = FormContext::new(clock(today));
    let (_, view) = FormSession::open_event(&mut store, row.event, &ctx).unwrap();
    assert!(view.demo);
    let (_, view) =
        FormSession::open_data_set(&mut store, vhsg::DATA_SET, org_units::TRAINEE_VILLAGES[0].0, "202611", None, &ctx)
            .unwrap();
    assert!(view.demo);

    let mut account = Store::open_in_memory().unwrap();
    dataset::import(&mut account).unwrap();
    assert!(!account.is_demo());
    assert!(!whole_list(&account, ncd::PROGRAM, today, None).demo);
}

mod files {
    use super::*;

    fn changed_by_a_trainee(store: &mut Store, today: Date) {
        let ctx = FormContext::new(clock(today));
        let (mut reg, _) =
            FormSession::new_registration(store, ncd::PROGRAM, org_units::TRAINEE_HEALTH_CENTRE, today, today, &ctx)
                .unwrap();
        reg.set_value(store, person::NAME_KHMER.as_str(), Some("ទេព សុភា")).unwrap();
        let overdue = whole_list(store, immunization::PROGRAM, today, None);
        let (mut visit, _) = FormSession::open_event(store, overdue.rows[0].event, &ctx).unwrap();
        visit.set_value(store, immunization::CHILD_WEIGHT.as_str(), Some("7.5")).unwrap();
    }

    #[test]
    fn reset_restores_the_exact_initial_state_of_the_encrypted_file() {
        let dir = tempfile::tempdir().unwrap();
        let key = DbKey::generate();
        let opened = open(dir.path(), &key, &clock(day())).unwrap();
        assert!(opened.created && opened.people.is_some());
        let mut store = opened.store;
        assert_eq!(store.path(), dir.path().join("phum-demo.db"));
        assert!(pristine_path(store.path()).is_file());
        let bytes = std::fs::read(store.path()).unwrap();
        assert!(!bytes.starts_with(b"SQLite format 3\0"), "encrypted like every account");
        let initial = dump(&store);

        changed_by_a_trainee(&mut store, day() + TimeDelta::days(2));
        assert_ne!(dump(&store), initial);
        let store = reset(store, &key).unwrap();
        assert_same(&initial, &dump(&store), "reset");
        assert!(store.is_demo());

        // Again, after closing and opening: the file keeps the changes until the next reset.
        let mut store = store;
        changed_by_a_trainee(&mut store, day());
        let changed = dump(&store);
        drop(store);
        let reopened = open(dir.path(), &key, &clock(day() + TimeDelta::days(9))).unwrap();
        assert!(!reopened.created && reopened.people.is_none());
        assert_same(&changed, &dump(&reopened.store), "reopened");
        assert_same(&initial, &dump(&reset(reopened.store, &key).unwrap()), "second reset");
    }

    #[test]
    fn a_removed_database_comes_back_from_the_pristine_copy_and_rebuild_moves_the_day() {
        let dir = tempfile::tempdir().unwrap();
        let key = DbKey::generate();
        let store = open(dir.path(), &key, &clock(day())).unwrap().store;
        let initial = dump(&store);
        let live = store.path().to_path_buf();
        store.close().unwrap();
        std::fs::remove_file(&live).unwrap();
        let again = open(dir.path(), &key, &clock(day() + TimeDelta::days(30))).unwrap();
        assert!(again.created && again.people.is_none(), "from the copy, not made anew");
        assert_same(&initial, &dump(&again.store), "from the pristine copy");

        let later = day() + TimeDelta::days(30);
        let (store, people) = rebuild(again.store, &key, &clock(later)).unwrap();
        assert_eq!(people.children + people.adults, 197);
        assert_eq!(store.demo_mark().unwrap().unwrap().anchor_date, later);
        let rebuilt = dump(&store);
        assert_same(&rebuilt, &dump(&reset(store, &key).unwrap()), "reset after rebuild");
        let leftovers: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("partial") || n.contains("restoring"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn an_account_database_is_never_reset_or_opened_as_the_demo() {
        let dir = tempfile::tempdir().unwrap();
        let key = DbKey::generate();
        let path = dir.path().join("phum-hmis-sokha.db");
        let mut account = Store::open(&path, Some(&key)).unwrap();
        dataset::import(&mut account).unwrap();
        let before = dump(&account);
        let err = reset(account, &key).err().unwrap();
        assert!(matches!(err, DemoError::NotADemo { .. }), "{err}");
        assert!(err.to_string().contains("left alone"), "{err}");
        assert_same(&before, &dump(&Store::open_existing(&path, Some(&key)).unwrap()), "refused reset");

        // A file with the demo's name that is not a demo database is refused too.
        std::fs::copy(&path, dir.path().join("phum-demo.db")).unwrap();
        let err = open(dir.path(), &key, &clock(day())).err().unwrap();
        assert!(matches!(err, DemoError::NotADemo { .. }), "{err}");

        let (in_memory, _) = demo(day());
        assert!(matches!(reset(in_memory, &key), Err(DemoError::NotAFile { .. })));
    }
}

#[test]
fn every_demo_error_variant_renders_in_both_languages() {
    use crate::i18n::catalogue_tests::assert_renders_in_both;
    use crate::i18n::Localize;
    use std::path::PathBuf;
    let path = PathBuf::from("/home/trainer/.local/share/phum/phum-demo.db");
    let samples = [
        DemoError::Io { path: path.clone(), source: std::io::Error::from(std::io::ErrorKind::PermissionDenied) },
        DemoError::NotADemo { path: path.clone() },
        DemoError::NotAFile { path: path.clone() },
        DemoError::NoPristineCopy { path: path.clone() },
        DemoError::MissingStage(crate::model::Uid::parse("DmStIm06Wks").unwrap()),
        DemoError::Import(crate::store::import::ImportError::NoSources),
        DemoError::Store(crate::store::StoreError::NotFound { path: path.clone() }),
        DemoError::Data(crate::store::data::DataError::Store(crate::store::StoreError::NotFound {
            path: path.clone(),
        })),
        DemoError::Schedule(crate::schedule::ScheduleError::NotFound {
            kind: crate::form::ObjectKind::Program,
            uid: crate::model::Uid::parse("DmPrImmuniz").unwrap(),
        }),
        DemoError::Search(crate::search::SearchError::EmptyQuery),
    ];
    let name = |e: &DemoError| match e {
        DemoError::Io { .. } => "Io",
        DemoError::NotADemo { .. } => "NotADemo",
        DemoError::NotAFile { .. } => "NotAFile",
        DemoError::NoPristineCopy { .. } => "NoPristineCopy",
        DemoError::MissingStage(_) => "MissingStage",
        DemoError::Import(_) => "Import",
        DemoError::Store(_) => "Store",
        DemoError::Data(_) => "Data",
        DemoError::Schedule(_) => "Schedule",
        DemoError::Search(_) => "Search",
    };
    assert_eq!(samples.iter().map(name).collect::<std::collections::BTreeSet<_>>().len(), 10);
    for e in &samples {
        assert_renders_in_both(&e.message());
    }
}

#[test]
fn a_refused_reset_in_place_leaves_the_store_open_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let key = DbKey::generate();
    let path = dir.path().join("account.db");
    let mut store = Store::open(&path, Some(&key)).unwrap();
    let err = reset_in_place(&mut store, &key).unwrap_err();
    assert!(matches!(err, DemoError::NotADemo { .. }), "{err}");
    assert_eq!(store.path(), path, "the same database is open again");
    assert!(store.schema_version().unwrap() > 0);

    let folder = tempfile::tempdir().unwrap();
    let mut demo = open(folder.path(), &key, &clock(day())).unwrap().store;
    let before = demo.table_rows().unwrap();
    let event = first_event(&demo);
    demo.write(|d| d.delete_event(event, crate::test_dates::now())).unwrap();
    assert_ne!(demo.table_rows().unwrap(), before);
    reset_in_place(&mut demo, &key).unwrap();
    assert_eq!(demo.table_rows().unwrap(), before, "back to the initial state");
}

fn first_event(store: &Store) -> Uid {
    store
        .conn()
        .query_row("SELECT uid FROM event LIMIT 1", [], |r| r.get::<_, String>(0))
        .map(|u| Uid::parse(&u).unwrap())
        .unwrap()
}
