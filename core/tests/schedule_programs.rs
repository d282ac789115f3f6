//! Scheduling, working lists and enrollment dashboards over Phum's immunization, NCD and Td test
//! programs (`fixtures/phum/immunization_program.json`, described in `fixtures/phum/README.md`)
//! and one program stage from the DHIS2 Android SDK's fixtures, on fixed "today"s.

use std::path::Path;

use chrono::NaiveDate as Date;

use phum_core::i18n::Lang;
use phum_core::model::value_type::{EventStatus, RuleActionType};
use phum_core::model::{DeviceClock, ProgramStage, Timestamp, Uid};
use phum_core::rules::RuleEffect;
use phum_core::schedule::{self, EventState, Page, ScheduleError, WorkingListRow};
use phum_core::store::data::tracker::{Enrollment, Event};
use phum_core::store::data::DataError;
use phum_core::store::import::ImportSource;
use phum_core::store::Store;

/// The calendar date `year-month-day` (a test constant; a bad one does not compile).
const fn ymd(year: i32, month: u32, day: u32) -> Date {
    match Date::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => panic!("no such date"),
    }
}

const IMM: &str = "SchImmProg1";
const NCD: &str = "SchNcdProg1";
const TD: &str = "SchTdProg01";
const ANGK_TA_SAOM: &str = "SchOUHCAngT";
const NHAENG_NHANG: &str = "SchOUHCNhae";

/// The device's clock in Phnom Penh, standing at noon on `day`.
fn on(day: Date) -> DeviceClock {
    DeviceClock::default().pinned_on(day)
}

/// When the tests write what a person would have captured.
fn now() -> Timestamp {
    on(ymd(2026, 6, 1)).now()
}

fn uid(s: &str) -> Uid {
    Uid::parse(s).unwrap()
}

fn store() -> Store {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/phum/immunization_program.json");
    let mut store = Store::open_in_memory().unwrap();
    store.import_metadata(&[ImportSource::File(path)]).unwrap();
    store
}

/// Registers a person at `org_unit` and enrols them; `incident` is the date of birth for a child.
fn enrol(store: &mut Store, org_unit: &str, program: &str, name: &str, incident: Date, enrolled: Date) -> Enrollment {
    store
        .write(|d| {
            let te = d.insert_tracked_entity(uid("SchTETPersn"), uid(org_unit), now())?;
            d.set_attribute_value(te.uid, uid("SchTEAName1"), Some(name), now())?;
            d.set_attribute_value(te.uid, uid("SchTEADob01"), Some(&incident.to_string()), now())?;
            d.set_attribute_value(te.uid, uid("SchTEAMothr"), Some("សុខ ស្រីនាង"), now())?;
            d.set_attribute_value(te.uid, uid("SchTEAPhone"), Some("012345678"), now())?;
            d.insert_enrollment(te.uid, uid(program), uid(org_unit), enrolled, incident, now())
        })
        .unwrap()
}

/// The whole overdue list (one page is enough for these tests).
fn overdue(store: &Store, program: &str, org_unit: &str, today: Date) -> Result<Vec<WorkingListRow>, ScheduleError> {
    Ok(schedule::overdue(store, uid(program), uid(org_unit), today, Page::first(100), Lang::En)?.rows)
}

/// The whole upcoming list.
fn upcoming(store: &Store, program: &str, org_unit: &str, today: Date, days: u32) -> Vec<WorkingListRow> {
    schedule::upcoming(store, uid(program), uid(org_unit), today, days, Page::first(100), Lang::En).unwrap().rows
}

fn event_of(events: &[Event], stage: &str) -> Event {
    let mut of_stage: Vec<&Event> = events.iter().filter(|e| e.program_stage == uid(stage)).collect();
    assert_eq!(of_stage.len(), 1, "one event of {stage} expected in {events:#?}");
    of_stage.remove(0).clone()
}

/// Completes `event` on `day`, the day it took place.
fn complete(store: &Store, event: Uid, day: Date) {
    let ev = store.data().event(event).unwrap().unwrap();
    store.data().update_event(event, EventStatus::Completed, Some(day), ev.due_date, on(day).now()).unwrap();
}

#[test]
fn enrolling_a_newborn_schedules_every_nip_contact_from_the_date_of_birth() {
    let mut store = store();
    let birth = ymd(2026, 3, 2);
    let en = enrol(&mut store, ANGK_TA_SAOM, IMM, "ចាន់ សុភា", birth, birth);
    let created = schedule::generate_on_enrollment(&mut store, en.uid, &on(birth)).unwrap();
    assert_eq!(created.len(), 6, "catch-up doses are not generated: {created:#?}");

    let bcg = event_of(&created, "SchImmBirth");
    assert_eq!((bcg.status, bcg.event_date), (EventStatus::Active, Some(birth)), "birth doses are given today");
    for (stage, due) in [
        ("SchImm6Week", ymd(2026, 4, 13)),
        ("SchImm10Wks", ymd(2026, 5, 11)),
        ("SchImm14Wks", ymd(2026, 6, 8)),
        ("SchImm9Mnth", ymd(2026, 12, 1)),
        ("SchImm18Mth", ymd(2027, 9, 1)),
    ] {
        let ev = event_of(&created, stage);
        assert_eq!((ev.status, ev.event_date, ev.due_date), (EventStatus::Schedule, None, Some(due)), "{stage}");
        assert_eq!((ev.org_unit, ev.enrollment), (uid(ANGK_TA_SAOM), Some(en.uid)));
    }
    assert!(
        schedule::generate_on_enrollment(&mut store, en.uid, &on(birth)).unwrap().is_empty(),
        "second call adds nothing"
    );
    assert_eq!(store.data().events_of_enrollment(en.uid).unwrap().len(), 6);
}

#[test]
fn a_child_enrolled_late_counts_from_birth_and_missed_doses_become_overdue_not_done() {
    let mut store = store();
    let birth = ymd(2026, 1, 5);
    let today = ymd(2026, 5, 20);
    let en = enrol(&mut store, ANGK_TA_SAOM, IMM, "ចាន់ សុភា", birth, today);
    let created = schedule::generate_on_enrollment(&mut store, en.uid, &on(today)).unwrap();
    let bcg = event_of(&created, "SchImmBirth");
    assert_eq!((bcg.status, bcg.event_date, bcg.due_date), (EventStatus::Schedule, None, Some(birth)));

    let list = overdue(&store, IMM, ANGK_TA_SAOM, today).unwrap();
    let got: Vec<(&str, Date, i64)> =
        list.iter().map(|r| (r.program_stage.as_str(), r.due_date, r.days_overdue)).collect();
    assert_eq!(
        got,
        vec![
            ("SchImmBirth", birth, 135),
            ("SchImm6Week", ymd(2026, 2, 16), 93),
            ("SchImm10Wks", ymd(2026, 3, 16), 65),
            ("SchImm14Wks", ymd(2026, 4, 13), 37),
        ]
    );
    let row = &list[0];
    assert_eq!(row.stage_name, "Birth doses (BCG, HepB)");
    assert_eq!(row.tracked_entity, en.tracked_entity);
    let shown: Vec<(&str, &str)> = row.display.iter().map(|d| (d.name.as_str(), d.value.as_str())).collect();
    assert_eq!(
        shown,
        vec![("Full name", "ចាន់ សុភា"), ("Date of birth", "2026-01-05"), ("Mother or caregiver name", "សុខ ស្រីនាង")],
        "displayInList attributes in the program's order; phone and sex are not shown"
    );

    // In Khmer, the stage and the attribute columns are named by their Khmer translations.
    let km = schedule::overdue(&store, uid(IMM), uid(ANGK_TA_SAOM), today, Page::first(100), Lang::Km).unwrap();
    assert_eq!(km.rows[0].stage_name, "ដូសពេលកើត (បេ.សេ.ហ្សេ, រលាកថ្លើមបេ)");
    assert_eq!(km.rows[0].display[0].name, "ឈ្មោះពេញ");
    let dash = schedule::enrollment_dashboard(&store, en.uid, today, &[], Lang::Km).unwrap();
    assert_eq!(dash.stages[1].name, "៦ សប្តាហ៍");
}

#[test]
fn the_overdue_list_keeps_to_its_org_unit_and_leaves_out_given_doses_and_closed_enrollments() {
    let mut store = store();
    let today = ymd(2026, 5, 20);
    let a = enrol(&mut store, ANGK_TA_SAOM, IMM, "សុខ ដារា", ymd(2026, 3, 30), ymd(2026, 3, 30));
    let b = enrol(&mut store, NHAENG_NHANG, IMM, "កែវ មុនី", ymd(2026, 3, 2), ymd(2026, 3, 2));
    let c = enrol(&mut store, ANGK_TA_SAOM, IMM, "លី ពិសិដ្ឋ", ymd(2026, 2, 2), ymd(2026, 2, 2));
    for en in [&a, &b, &c] {
        schedule::generate_on_enrollment(&mut store, en.uid, &on(en.enrollment_date)).unwrap();
    }
    // a: 6-week dose (due 2026-05-11) given on 2026-05-15; c moved away, enrollment completed.
    let six = event_of(&store.data().events_of_enrollment(a.uid).unwrap(), "SchImm6Week");
    complete(&store, six.uid, ymd(2026, 5, 15));
    store
        .data()
        .set_enrollment_status(c.uid, phum_core::model::value_type::EnrollmentStatus::Completed, on(today).now())
        .unwrap();

    assert!(overdue(&store, IMM, ANGK_TA_SAOM, today).unwrap().is_empty());
    let nhaeng = overdue(&store, IMM, NHAENG_NHANG, today).unwrap();
    let got: Vec<(&str, i64)> = nhaeng.iter().map(|r| (r.program_stage.as_str(), r.days_overdue)).collect();
    assert_eq!(got, vec![("SchImm6Week", 37), ("SchImm10Wks", 9)]);
    assert!(nhaeng.iter().all(|r| r.enrollment == b.uid));

    // Due today counts as upcoming, not overdue; a's 10-week dose is due 2026-06-08.
    let soon = upcoming(&store, IMM, ANGK_TA_SAOM, today, 30);
    let got: Vec<(&str, Date, i64)> =
        soon.iter().map(|r| (r.program_stage.as_str(), r.due_date, r.days_overdue)).collect();
    assert_eq!(got, vec![("SchImm10Wks", ymd(2026, 6, 8), -19)]);
    assert!(upcoming(&store, IMM, ANGK_TA_SAOM, today, 18).is_empty());
    let due_today = upcoming(&store, IMM, ANGK_TA_SAOM, ymd(2026, 6, 8), 0);
    assert_eq!(due_today.len(), 1);
    assert_eq!(due_today[0].days_overdue, 0);
}

#[test]
fn the_dashboard_shows_given_missing_overdue_and_skipped_doses_in_stage_order() {
    let mut store = store();
    let birth = ymd(2026, 1, 5);
    let today = ymd(2026, 5, 20);
    let en = enrol(&mut store, ANGK_TA_SAOM, IMM, "ចាន់ សុភា", birth, birth);
    schedule::generate_on_enrollment(&mut store, en.uid, &on(birth)).unwrap();
    let events = store.data().events_of_enrollment(en.uid).unwrap();
    complete(&store, event_of(&events, "SchImmBirth").uid, birth);
    complete(&store, event_of(&events, "SchImm6Week").uid, ymd(2026, 2, 20));
    let fourteen = event_of(&events, "SchImm14Wks");
    store.data().update_event(fourteen.uid, EventStatus::Skipped, None, fourteen.due_date, now()).unwrap();

    let dash = schedule::enrollment_dashboard(&store, en.uid, today, &[], Lang::En).unwrap();
    let got: Vec<(&str, bool, bool, Option<Date>)> =
        dash.stages.iter().map(|s| (s.stage.as_str(), s.missing, s.overdue, s.due_date)).collect();
    assert_eq!(
        got,
        vec![
            ("SchImmBirth", false, false, None),
            ("SchImm6Week", false, false, None),
            ("SchImm10Wks", true, true, Some(ymd(2026, 3, 16))),
            ("SchImm14Wks", true, false, None),
            ("SchImm9Mnth", true, false, Some(ymd(2026, 10, 6))),
            ("SchImm18Mth", true, false, Some(ymd(2027, 7, 7))),
            ("SchImmCatch", false, false, None),
        ]
    );
    let states: Vec<EventState> = dash.stages.iter().flat_map(|s| s.events.iter().map(|e| e.state)).collect();
    use EventState::*;
    assert_eq!(states, vec![Completed, Completed, Overdue, Skipped, Scheduled, Scheduled]);
    assert_eq!(dash.stages[2].events[0].days_overdue, Some(65));
    assert_eq!(dash.enrollment.uid, en.uid);
}

#[test]
fn a_stage_hidden_by_a_rule_is_left_off_the_dashboard() {
    let mut store = store();
    let birth = ymd(2026, 1, 5);
    let en = enrol(&mut store, ANGK_TA_SAOM, IMM, "ចាន់ សុភា", birth, birth);
    let hide = |stage: &str, action_type| RuleEffect {
        rule_uid: "SchRuleHide".into(),
        action_uid: "SchActHide1".into(),
        action_type,
        field: String::new(),
        attribute_type: None,
        content: None,
        location: None,
        program_stage: Some(stage.into()),
        program_stage_section: None,
        option: None,
        option_group: None,
        data: None,
    };
    let effects =
        [hide("SchImmCatch", RuleActionType::HideProgramStage), hide("SchImm18Mth", RuleActionType::ShowWarning)];
    let dash = schedule::enrollment_dashboard(&store, en.uid, ymd(2026, 5, 20), &effects, Lang::En).unwrap();
    let stages: Vec<&str> = dash.stages.iter().map(|s| s.stage.as_str()).collect();
    assert_eq!(stages.len(), 6);
    assert!(!stages.contains(&"SchImmCatch"));
    assert!(stages.contains(&"SchImm18Mth"), "only HIDEPROGRAMSTAGE hides a stage");
    // No event was generated: missing stages carry the due date computed from the date of birth.
    assert_eq!(dash.stages[1].due_date, Some(ymd(2026, 2, 16)));
    assert!(dash.stages[1].missing && dash.stages[1].overdue);
}

#[test]
fn completing_a_monthly_ncd_visit_schedules_the_next_one_thirty_days_on() {
    let mut store = store();
    let enrolled = ymd(2026, 1, 10);
    let en = enrol(&mut store, ANGK_TA_SAOM, NCD, "ហេង សំណាង", ymd(1968, 7, 1), enrolled);
    let created = schedule::generate_on_enrollment(&mut store, en.uid, &on(enrolled)).unwrap();
    let screening = event_of(&created, "SchNcdScrn1");
    assert_eq!((screening.status, screening.event_date), (EventStatus::Active, Some(enrolled)));
    let first = event_of(&created, "SchNcdVisit");
    assert_eq!(first.due_date, Some(ymd(2026, 2, 9)), "30 days from the enrollment date, not the birth date");

    // The screening stage is not repeatable: completing it schedules nothing.
    complete(&store, screening.uid, enrolled);
    assert_eq!(schedule::schedule_next_after(&mut store, screening.uid, now()).unwrap(), None);

    // Seen three days late: the next visit counts from the visit, not from the due date.
    complete(&store, first.uid, ymd(2026, 2, 12));
    let next = schedule::schedule_next_after(&mut store, first.uid, now()).unwrap().expect("next visit scheduled");
    assert_eq!((next.status, next.event_date, next.due_date), (EventStatus::Schedule, None, Some(ymd(2026, 3, 14))));
    assert_eq!(next.program_stage, uid("SchNcdVisit"));
    assert_eq!(
        schedule::schedule_next_after(&mut store, first.uid, now()).unwrap(),
        None,
        "one waiting visit is enough"
    );

    let upcoming = upcoming(&store, NCD, ANGK_TA_SAOM, ymd(2026, 3, 10), 7);
    assert_eq!(upcoming.iter().map(|r| r.event).collect::<Vec<_>>(), vec![next.uid]);
    let shown: Vec<&str> = upcoming[0].display.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(
        shown,
        vec!["Full name", "Phone number"],
        "the NCD program lists name, phone and village; no village was given"
    );

    let dash = schedule::enrollment_dashboard(&store, en.uid, ymd(2026, 3, 20), &[], Lang::En).unwrap();
    let visits = &dash.stages[1];
    assert!(visits.repeatable && !visits.missing && visits.overdue);
    assert_eq!(
        visits.events.iter().map(|e| e.state).collect::<Vec<_>>(),
        vec![EventState::Completed, EventState::Overdue]
    );
}

#[test]
fn an_uncompleted_visit_or_a_stage_without_next_visit_schedules_nothing() {
    let mut store = store();
    let birth = ymd(2026, 1, 5);
    let en = enrol(&mut store, ANGK_TA_SAOM, IMM, "ចាន់ សុភា", birth, birth);
    let catch_up = store
        .write(|d| {
            d.insert_event(
                &phum_core::store::data::tracker::NewEvent {
                    enrollment: Some(en.uid),
                    program: uid(IMM),
                    program_stage: uid("SchImmCatch"),
                    org_unit: uid(ANGK_TA_SAOM),
                    status: EventStatus::Active,
                    event_date: Some(ymd(2026, 6, 1)),
                    due_date: None,
                    attribute_option_combo: None,
                },
                now(),
            )
        })
        .unwrap();
    assert_eq!(schedule::schedule_next_after(&mut store, catch_up.uid, now()).unwrap(), None, "still active");
    complete(&store, catch_up.uid, ymd(2026, 6, 1));
    let next = schedule::schedule_next_after(&mut store, catch_up.uid, now()).unwrap().unwrap();
    assert_eq!(next.due_date, Some(ymd(2026, 6, 29)), "catch-up doses are 28 days apart");
    let err = schedule::schedule_next_after(&mut store, uid("SchNoEvent1"), now()).unwrap_err();
    assert!(matches!(err, ScheduleError::NotFound { kind: phum_core::form::ObjectKind::Event, .. }), "{err}");
}

#[test]
fn a_program_that_ignores_overdue_events_has_no_overdue_list_and_keeps_them_scheduled() {
    let mut store = store();
    let enrolled = ymd(2026, 1, 10);
    let en = enrol(&mut store, ANGK_TA_SAOM, TD, "ម៉ៅ ចន្ធូ", enrolled, enrolled);
    let created = schedule::generate_on_enrollment(&mut store, en.uid, &on(enrolled)).unwrap();
    assert_eq!(event_of(&created, "SchTdDose02").due_date, Some(ymd(2026, 2, 7)));

    let today = ymd(2026, 4, 1);
    assert!(overdue(&store, TD, ANGK_TA_SAOM, today).unwrap().is_empty());
    let dash = schedule::enrollment_dashboard(&store, en.uid, today, &[], Lang::En).unwrap();
    let td2 = &dash.stages[1];
    assert_eq!(td2.events[0].state, EventState::Scheduled);
    assert!(td2.missing && !td2.overdue);
    assert_eq!(upcoming(&store, TD, ANGK_TA_SAOM, ymd(2026, 2, 1), 7).len(), 1);
}

#[test]
fn unknown_enrollments_and_programs_are_named_in_the_error() {
    let mut store = store();
    let err = schedule::generate_on_enrollment(&mut store, uid("SchNoEnrol1"), &on(ymd(2026, 1, 1))).unwrap_err();
    assert!(err.to_string().contains("SchNoEnrol1"), "{err}");
    let err = overdue(&store, "SchNoProg01", ANGK_TA_SAOM, ymd(2026, 1, 1)).unwrap_err();
    assert!(matches!(err, ScheduleError::NotFound { kind: phum_core::form::ObjectKind::Program, .. }), "{err}");
    let err = store.write(|d| {
        d.insert_enrollment(uid("SchNoPersn1"), uid(IMM), uid(ANGK_TA_SAOM), ymd(2026, 1, 1), ymd(2026, 1, 1), now())
    });
    assert!(matches!(err, Err(DataError::NotFound { .. })));
}

#[test]
fn a_monthly_sdk_stage_is_due_on_the_first_day_of_the_month_of_its_start() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dhis2-api/program/program_stages.json");
    let body: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut raw = body["programStages"][0].clone();
    // The SDK's test answer has a stage data element without its data element; scheduling reads
    // only the stage's own settings.
    raw.as_object_mut().unwrap().remove("programStageDataElements");
    let stage: ProgramStage = serde_json::from_value(raw).unwrap();
    assert_eq!(stage.identity.id.as_str(), "dBwrot7S420");
    assert!(stage.auto_generate_event && !stage.generated_by_enrollment_date);
    // Counts from the incident date, plus 0 days, moved to the start of its month.
    let due = schedule::first_due_date(&stage, ymd(2026, 4, 20), ymd(2026, 3, 17)).unwrap();
    assert_eq!(due, ymd(2026, 3, 1));
    assert_eq!(
        schedule::auto_event(&stage, ymd(2026, 4, 20), ymd(2026, 3, 17), ymd(2026, 2, 1)).unwrap(),
        schedule::AutoEvent::Scheduled { due_date: ymd(2026, 3, 1) }
    );
    // A next event after one in March falls in the following period.
    let next = schedule::next_due_date(&stage, ymd(2026, 4, 20), ymd(2026, 3, 17), Some(ymd(2026, 3, 5)));
    assert_eq!(next.unwrap(), ymd(2026, 4, 1));
}

#[test]
fn working_lists_are_read_a_page_at_a_time_with_the_length_of_the_whole_list() {
    let mut store = store();
    let today = ymd(2026, 9, 1);
    for i in 0..12 {
        let birth = ymd(2026, 1, 5 + i);
        let en = enrol(&mut store, ANGK_TA_SAOM, IMM, "ចាន់ សុភា", birth, birth);
        schedule::generate_on_enrollment(&mut store, en.uid, &on(birth)).unwrap();
    }
    let whole =
        schedule::overdue(&store, uid(IMM), uid(ANGK_TA_SAOM), today, Page::first(Page::MAX_LIMIT), Lang::En).unwrap();
    // Every child is overdue for the 6-, 10- and 14-week doses (birth doses were given).
    assert_eq!((whole.total, whole.rows.len()), (36, 36));
    let mut paged = Vec::new();
    for offset in (0..40).step_by(7) {
        let page =
            schedule::overdue(&store, uid(IMM), uid(ANGK_TA_SAOM), today, Page { offset, limit: 7 }, Lang::En).unwrap();
        assert_eq!(page.total, 36, "every page knows the length of the list");
        assert!(page.rows.len() <= 7);
        paged.extend(page.rows);
    }
    assert_eq!(paged, whole.rows, "the pages, one after the other, are the list");
    assert!(whole.rows.windows(2).all(|w| w[0].due_date <= w[1].due_date), "most overdue first");

    let soon =
        schedule::upcoming(&store, uid(IMM), uid(ANGK_TA_SAOM), today, 365, Page { offset: 10, limit: 5 }, Lang::En)
            .unwrap();
    assert_eq!((soon.total, soon.rows.len()), (24, 5), "9- and 18-month doses of 12 children");
    let all = upcoming(&store, IMM, ANGK_TA_SAOM, today, 365);
    assert_eq!(soon.rows, all[10..15]);

    for limit in [0, Page::MAX_LIMIT + 1] {
        let err = schedule::overdue(&store, uid(IMM), uid(ANGK_TA_SAOM), today, Page { offset: 0, limit }, Lang::En)
            .unwrap_err();
        assert!(matches!(err, ScheduleError::BadPageLimit { .. }), "{err}");
    }
}
