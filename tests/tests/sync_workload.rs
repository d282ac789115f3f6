//! The sync tests' workload (`phum_tests::sync_workload`): 300 seeded steps of three seeds, with
//! everything settled as stored every 50 steps as an upload would, produce people, visits with
//! values, values cleared on records the server already had, deleted events, VHSG report values
//! (some cleared) and completions; every record it leaves passes the form layer's own checks; and
//! the same seed gives the same actions.

use phum_core::demo::dataset::{org_units, vhsg};
use phum_core::form::{FormContext, FormSession};
use phum_core::model::period::{Period, PeriodType};
use phum_core::model::DeviceClock;
use phum_core::store::Store;
use phum_tests::sync_check::{compare, server_state_of};
use phum_tests::sync_workload::{form_problems, settle_all_as_stored, Settled, Workload};

fn clock() -> DeviceClock {
    DeviceClock::new("Asia/Phnom_Penh").unwrap().pinned_on(chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap())
}

fn prepared() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    Workload::prepare(&mut store).unwrap();
    store
}

/// Runs `steps` steps of `seed`, settling everything as stored every 50 steps.
fn run(seed: u64, steps: usize) -> (Store, Workload, Vec<String>, Settled) {
    let mut store = prepared();
    let mut w = Workload::new(seed, clock());
    let (mut actions, mut total) = (Vec::new(), Settled::default());
    while actions.len() < steps {
        actions.extend(w.run(&mut store, 50.min(steps - actions.len())).unwrap());
        let s = settle_all_as_stored(&mut store, clock().now()).unwrap();
        total.records += s.records;
        total.deletions += s.deletions;
        total.cleared_attribute_values += s.cleared_attribute_values;
        total.cleared_data_values += s.cleared_data_values;
        total.aggregate_values += s.aggregate_values;
        total.cleared_aggregate_values += s.cleared_aggregate_values;
        total.completions += s.completions;
    }
    (store, w, actions, total)
}

/// Every registration, visit and report the workload left, opened as a health worker would:
/// what the form layer finds wrong.
fn problems(store: &mut Store, w: &Workload) -> (Vec<String>, usize) {
    let ctx = FormContext::new(clock());
    let (mut out, mut forms) = (Vec::new(), 0);
    for enrollment in w.enrollments() {
        let (_, view) = FormSession::open_registration(store, enrollment, &ctx).unwrap();
        out.extend(form_problems(&view));
        forms += 1;
        for ev in store.data().events_of_enrollment(enrollment).unwrap() {
            if ev.event_date.is_some() {
                let (_, view) = FormSession::open_event(store, ev.uid, &ctx).unwrap();
                out.extend(form_problems(&view));
                forms += 1;
            }
        }
    }
    let mut period = Period::containing(PeriodType::Monthly, ctx.today());
    for _ in 0..4 {
        for (village, _) in org_units::TRAINEE_VILLAGES {
            let (_, view) =
                FormSession::open_data_set(store, vhsg::DATA_SET, village, &period.iso(), None, &ctx).unwrap();
            out.extend(form_problems(&view));
            forms += 1;
        }
        period = period.previous();
    }
    (out, forms)
}

#[test]
fn three_seeds_make_people_visits_clearings_deletions_and_reports_that_pass_the_forms_checks() {
    for seed in [1, 2, 3] {
        let (mut store, w, actions, settled) = run(seed, 300);
        let count = |prefix: &str| actions.iter().filter(|a| a.starts_with(prefix)).count();
        let people = count("register");
        eprintln!("seed {seed}: {settled:?}");
        let visits = count("immunization visit") + count("NCD visit");
        assert!(people >= 20, "seed {seed}: {people} people");
        assert!(visits >= 30, "seed {seed}: {visits} visits");
        assert!(count("edit") >= 10, "seed {seed}: {} edits", count("edit"));
        assert!(count("clear") >= 10, "seed {seed}: {} clearings", count("clear"));
        assert!(count("complete the enrollment") >= 1, "seed {seed}");
        assert!(count("complete the VHSG") >= 1, "seed {seed}");
        // Clearings of values the server had, deletions of events the server had.
        assert!(settled.cleared_attribute_values >= 1, "seed {seed}: {settled:?}");
        assert!(settled.cleared_data_values >= 5, "seed {seed}: {settled:?}");
        assert!(settled.deletions >= 2, "seed {seed}: {settled:?}");
        assert!(settled.aggregate_values >= 100, "seed {seed}: {settled:?}");
        assert!(settled.cleared_aggregate_values >= 1, "seed {seed}: {settled:?}");
        assert!(settled.completions >= 1, "seed {seed}: {settled:?}");
        let with_values = w
            .enrollments()
            .into_iter()
            .flat_map(|en| store.data().events_of_enrollment(en).unwrap())
            .filter(|ev| !store.data().data_values(ev.uid).unwrap().is_empty())
            .count();
        assert!(with_values >= 20, "seed {seed}: {with_values} events with values");
        let (found, forms) = problems(&mut store, &w);
        assert!(found.is_empty(), "seed {seed}: {found:#?}");
        assert!(forms > people, "seed {seed}");
        // Opening every form changed nothing: nothing waits, and the checker finds the store
        // equal to a server holding what was settled.
        assert_eq!(store.data().waiting_counts().unwrap().total(), 0, "seed {seed}");
        let server = server_state_of(&store).unwrap();
        assert_eq!(compare(&store, &server), Vec::<String>::new(), "seed {seed}");
    }
}

#[test]
fn the_same_seed_gives_the_same_actions_and_another_seed_others() {
    let (_, _, first, _) = run(7, 120);
    let (_, _, again, _) = run(7, 120);
    let (_, _, other, _) = run(8, 120);
    assert_eq!(first, again);
    assert_ne!(first, other);
}
