//! The child process of the killed-capture test (tests/tests/killed_capture.rs): opens the
//! encrypted database with the hex key given and captures NCD visits through `core::form` in a
//! loop until it is killed (or has done `ITERATIONS`): per iteration a new person is registered
//! and enrolled (name, sex, date of birth, unique national ID) and one visit is filled in
//! (height and weight, which make the BMI rule ASSIGN; high blood pressure, a referral whose
//! option a rule later hides and clears; the pregnancy question, hidden for men; a counselling
//! topic; a second weight and blood pressure). Values depend only on ROUND and the iteration.
//!
//! It reports on stdout, each report in ONE write(2) of less than PIPE_BUF bytes (so a kill
//! never leaves half a report):
//! - `READY` once the store is open;
//! - `OPENED <record uid>` and `RULE ...` lines for values the opened form already holds;
//! - `SAVING <record uid> <field> <value>` before each `set_value`;
//! - `SAVED <record uid> <field> <value>` after it returned Ok, with `RULE <record uid> <field>
//!   <value>` for every other field whose value the rules changed in the same save;
//! - `DONE` after the last iteration.
//!
//! A value is the rest of its line; `<none>` is a cleared value.
//!
//! Usage: `capture_child DB KEY_HEX ROUND ITERATIONS`. Not a tool for people: it panics on any
//! error, which the test sees as a child that was not killed.

use std::collections::BTreeMap;
use std::path::PathBuf;

use phum_core::form::{FormContext, FormSession, FormView, NewEventForm};
use phum_core::model::{DeviceClock, Uid};
use phum_core::store::{DbKey, Store};

fn ymd(year: i32, month: u32, day: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(year, month, day).expect("a date")
}

/// Writes `text` with one write(2): on a pipe, a write of at most PIPE_BUF bytes is atomic.
fn emit(text: &str) {
    assert!(text.len() < 4096, "a report must fit in one atomic pipe write");
    let bytes = text.as_bytes();
    let mut done = 0;
    while done < bytes.len() {
        // SAFETY: writes from a live buffer to stdout's descriptor.
        let n = unsafe { libc::write(1, bytes[done..].as_ptr().cast(), bytes.len() - done) };
        assert!(n > 0, "stdout closed");
        done += n as usize;
    }
}

fn uid(s: &str) -> Uid {
    Uid::parse(s).unwrap()
}

fn shown(value: Option<&str>) -> &str {
    value.unwrap_or("<none>")
}

/// One open form and the values it shows, as this process last saw them.
struct Form {
    session: FormSession,
    record: Uid,
    values: BTreeMap<String, Option<String>>,
}

impl Form {
    fn opened(session: FormSession, view: FormView) -> Form {
        let record = session.record_uid().expect("an event or an enrollment");
        let values: BTreeMap<String, Option<String>> =
            view.fields.iter().map(|f| (f.uid.clone(), f.value.clone())).collect();
        let mut report = format!("OPENED {record}\n");
        for (field, value) in values.iter().filter(|(_, v)| v.is_some()) {
            report.push_str(&format!("RULE {record} {field} {}\n", shown(value.as_deref())));
        }
        emit(&report);
        Form { session, record, values }
    }

    fn set(&mut self, store: &mut Store, field: &str, value: &str) {
        emit(&format!("SAVING {} {field} {value}\n", self.record));
        let changes = match self.session.set_value(store, field, Some(value)) {
            Ok(c) => c,
            Err(e) => panic!("set_value({field}, {value}) on {}: {e}", self.record),
        };
        let saved = changes.field(field).map_or(Some(value.to_string()), |f| f.value.clone());
        let mut report = format!("SAVED {} {field} {}\n", self.record, shown(saved.as_deref()));
        self.values.insert(field.to_string(), saved);
        for f in changes.fields.iter().filter(|f| f.uid != field) {
            if self.values.get(&f.uid) != Some(&f.value) {
                report.push_str(&format!("RULE {} {} {}\n", self.record, f.uid, shown(f.value.as_deref())));
                self.values.insert(f.uid.clone(), f.value.clone());
            }
        }
        emit(&report);
    }
}

/// One registration and one visit, with values from `round` and `i` only.
fn iteration(store: &mut Store, ctx: &FormContext, round: u64, i: u64) {
    let program = uid("NcdProgram1");
    let unit = uid("NcdHCentre1");
    let (session, view) = FormSession::new_registration(store, program, unit, ymd(2026, 11, 1), ymd(2026, 11, 1), ctx)
        .unwrap_or_else(|e| panic!("new registration: {e}"));
    let mut reg = Form::opened(session, view);
    let female = (round + i).is_multiple_of(2);
    let youth = i % 5 == 4;
    reg.set(store, "NcdTEAName1", &format!("សុខ ដារា Sok Dara {round}-{i}"));
    reg.set(store, "NcdTEASex01", if female { "F" } else { "M" });
    let birth_year = if youth { 2010 } else { 1950 + (round * 7 + i) % 50 };
    reg.set(store, "NcdTEADob01", &format!("{birth_year}-{:02}-{:02}", 1 + i % 12, 1 + (round + i) % 28));
    reg.set(store, "NcdTEANatId", &format!("KH{round:03}{i:06}"));
    reg.set(store, "NcdTEAPhone", &format!("0{}", 12_000_000 + round * 10_000 + i));

    let (session, view) = FormSession::new_event(
        store,
        NewEventForm {
            program,
            stage: uid("NcdStgVisit"),
            org_unit: unit,
            enrollment: Some(reg.record),
            event_date: ctx.today(),
        },
        ctx,
    )
    .unwrap_or_else(|e| panic!("new visit: {e}"));
    let mut visit = Form::opened(session, view);
    let height = 145 + (round * 3 + i) % 40;
    let weight = 45 + (round * 5 + i) % 40;
    visit.set(store, "NcdDEHeight", &height.to_string());
    visit.set(store, "NcdDEWeight", &weight.to_string()); // BMI assigned
    visit.set(store, "NcdDESystol", "150"); // warning, referral mandatory
    visit.set(store, "NcdDEDiasto", &(84 + i % 10).to_string());
    visit.set(store, "NcdDERefer1", "HTN");
    if female {
        visit.set(store, "NcdDEPregnt", if i.is_multiple_of(3) { "true" } else { "false" });
    }
    visit.set(store, "NcdDETopic1", "DIET");
    // Normal systolic: with diastolic < 90 the HTN option is hidden and the referral cleared.
    visit.set(store, "NcdDESystol", &(120 + i % 15).to_string());
    visit.set(store, "NcdDEWeight", &(weight + 1 + i % 3).to_string()); // BMI assigned again
    visit.set(store, "NcdDEGluc01", &format!("{}.{}", 4 + i % 6, i % 10));
    visit.set(store, "NcdDEDiagDt", &format!("2026-{:02}-{:02}", 1 + i % 10, 1 + i % 28));
    visit.set(store, "NcdDEHeight", &(height + 1).to_string()); // BMI assigned again
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, db, key, round, iterations] = args.as_slice() else {
        eprintln!("usage: capture_child DB KEY_HEX ROUND ITERATIONS");
        std::process::exit(2);
    };
    let round: u64 = round.parse().expect("ROUND");
    let iterations: u64 = iterations.parse().expect("ITERATIONS");
    let key = DbKey::from_hex(key).expect("key");
    let mut store = Store::open(&PathBuf::from(db), Some(&key)).expect("open");
    let clock = DeviceClock::default().pinned_on(ymd(2026, 11, 20));
    let ctx = FormContext::new(clock).with_capture_org_units(vec![uid("NcdProvKSp1")]);
    emit("READY\n");
    for i in 0..iterations {
        iteration(&mut store, &ctx, round, i);
    }
    emit("DONE\n");
}
