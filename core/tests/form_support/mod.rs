//! Shared setup of the form tests: a store on a temporary file with a fixture imported, the
//! contexts the tests capture in, and a dump of every captured-data row read through a second
//! connection (to prove that a refused change changed nothing).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use phum_core::form::{FormContext, FormError};
use phum_core::model::{DeviceClock, Uid};
use phum_core::store::import::ImportSource;
use phum_core::store::Store;

pub const TODAY: NaiveDate = ymd(2026, 11, 20);

/// The calendar date `year-month-day` (a test constant; a bad one does not compile).
pub const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => panic!("no such date"),
    }
}

/// The device's clock in Phnom Penh, standing at noon on `day`.
pub fn on(day: NaiveDate) -> DeviceClock {
    DeviceClock::default().pinned_on(day)
}

pub fn uid(s: &str) -> Uid {
    Uid::parse(s).unwrap()
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/phum").join(name)
}

/// A store on a temporary file (kept alive by the returned directory) with `sources` imported.
pub fn store_with(sources: Vec<ImportSource>) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("phum.db"), None).unwrap();
    if let Err(e) = store.import_metadata(&sources) {
        panic!("{e}");
    }
    (dir, store)
}

pub fn mini() -> (tempfile::TempDir, Store) {
    store_with(vec![ImportSource::File(fixture("mini_export.json"))])
}

pub fn ncd() -> (tempfile::TempDir, Store) {
    store_with(vec![ImportSource::File(fixture("ncd_program.json"))])
}

/// Capturing in Kampong Speu province (mini_export).
pub fn mini_ctx() -> FormContext {
    FormContext::new(on(TODAY)).with_capture_org_units(vec![uid("PhumProv001")])
}

/// Capturing in Kampong Speu province (ncd_program).
pub fn ncd_ctx() -> FormContext {
    FormContext::new(on(TODAY)).with_capture_org_units(vec![uid("NcdProvKSp1")])
}

/// Registers a person in the NCD program at its health centre (enrolled 2026-11-01) with these
/// attribute values; returns the enrollment.
pub fn register_ncd(store: &mut phum_core::store::Store, values: &[(&str, &str)]) -> Uid {
    let day = ymd(2026, 11, 1);
    let (mut reg, _) = phum_core::form::FormSession::new_registration(
        store,
        uid("NcdProgram1"),
        uid("NcdHCentre1"),
        day,
        day,
        &ncd_ctx(),
    )
    .unwrap();
    for (field, value) in values {
        reg.set_value(store, field, Some(value)).unwrap();
    }
    reg.record_uid().unwrap()
}

/// A new NCD follow-up visit of `enrollment` at its health centre, dated today.
pub fn new_ncd_visit(
    store: &mut phum_core::store::Store,
    enrollment: Uid,
) -> Result<(phum_core::form::FormSession, phum_core::form::FormView), FormError> {
    phum_core::form::FormSession::new_event(
        store,
        phum_core::form::NewEventForm {
            program: uid("NcdProgram1"),
            stage: uid("NcdStgVisit"),
            org_unit: uid("NcdHCentre1"),
            enrollment: Some(enrollment),
            event_date: TODAY,
        },
        &ncd_ctx(),
    )
}

/// Every row of every captured-data table, read through a second connection.
pub fn dump(dir: &tempfile::TempDir) -> Vec<String> {
    let conn = rusqlite::Connection::open(dir.path().join("phum.db")).unwrap();
    let mut out = Vec::new();
    for table in [
        "tracked_entity",
        "attribute_value",
        "enrollment",
        "event",
        "event_data_value",
        "aggregate_value",
        "data_set_completion",
        "search_value",
        "search_token",
    ] {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
        let n = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| {
                let cells: Vec<String> =
                    (0..n).map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap())).collect();
                Ok(format!("{table}: {}", cells.join(" | ")))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        rows.sort();
        out.extend(rows);
    }
    out
}

/// Runs `f`, which must fail, and checks that no captured row changed.
pub fn refused<T: std::fmt::Debug>(dir: &tempfile::TempDir, f: impl FnOnce() -> Result<T, FormError>) -> FormError {
    let before = dump(dir);
    let err = f().expect_err("the change must be refused");
    assert_eq!(dump(dir), before, "a refused change ({err}) must change nothing");
    err
}
