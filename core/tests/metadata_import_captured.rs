//! A metadata import over captured data: an import that holds no metadata, or one that would
//! leave captured records pointing at programs, stages, org units, data sets and other metadata
//! it lacks, is refused and changes nothing, unless `ImportOptions::allow_orphaned_records`.

mod db_snapshot;

use std::path::{Path, PathBuf};

use phum_core::expr::value::parse_iso_date;
use phum_core::model::value_type::EventStatus;
use phum_core::model::{Collection, DeviceClock, Uid};
use phum_core::store::data::aggregate::{AggregateKey, FormKey};
use phum_core::store::data::tracker::NewEvent;
use phum_core::store::import::{ImportError, ImportOptions, ImportSource, OrphanedRecords};
use phum_core::store::Store;

fn mini_export() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/phum/mini_export.json");
    std::fs::read_to_string(path).unwrap()
}

fn doc(name: &str, text: &str) -> ImportSource {
    ImportSource::Bytes { name: name.into(), bytes: text.as_bytes().to_vec() }
}

fn uid(s: &str) -> Uid {
    Uid::parse(s).unwrap()
}

/// Every row of the metadata and captured tables, as text.
fn snapshot(path: &Path) -> String {
    db_snapshot::snapshot(
        path,
        &["metadata_object", "metadata_singleton", "metadata_import", "tracked_entity", "enrollment", "event"],
    )
}

/// A plain database with the mini export and, at its health centre, a person with a name, an
/// enrollment in the immunization program, a birth event with a weight, and the village report
/// with one value, completed.
fn captured() -> (tempfile::TempDir, PathBuf, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("phum.db");
    let mut store = Store::open(&path, None).unwrap();
    store.import_metadata(&[doc("mini_export.json", &mini_export())]).unwrap();
    let day = parse_iso_date("2026-11-01").unwrap();
    let now = DeviceClock::default().pinned_on(day).now();
    let hc = uid("PhumHC00001");
    store
        .write(|d| {
            let person = d.insert_tracked_entity(uid("PhumTETPers"), hc, now)?;
            d.set_attribute_value(person.uid, uid("PhumTEAName"), Some("Sok Dara"), now)?;
            let enrollment = d.insert_enrollment(person.uid, uid("PhumImmProg"), hc, day, day, now)?;
            let event = d.insert_event(
                &NewEvent {
                    enrollment: Some(enrollment.uid),
                    program: uid("PhumImmProg"),
                    program_stage: uid("PhumStgBirt"),
                    org_unit: hc,
                    status: EventStatus::Active,
                    event_date: Some(day),
                    due_date: None,
                    attribute_option_combo: None,
                },
                now,
            )?;
            d.set_data_value(event.uid, uid("PhumDEWeigh"), Some("3.1"), now)?;
            let key = AggregateKey {
                data_element: uid("PhumDEChild"),
                period: "202611".into(),
                org_unit: hc,
                category_option_combo: uid("PhumCOCMale"),
                attribute_option_combo: uid("PhumDefCOC1"),
            };
            d.set_aggregate_value(&key, Some("4"), now)?;
            let form = FormKey {
                data_set: uid("PhumVhsgRep"),
                period: "202611".into(),
                org_unit: hc,
                attribute_option_combo: uid("PhumDefCOC1"),
            };
            d.set_completion(&form, true, None, now)?;
            Ok::<_, phum_core::store::data::DataError>(())
        })
        .unwrap();
    (dir, path, store)
}

/// The mini export with some UIDs renamed throughout (so the document stays whole).
fn renamed(pairs: &[(&str, &str)]) -> String {
    pairs.iter().fold(mini_export(), |text, (from, to)| text.replace(from, to))
}

fn orphaned(collection: Collection, first: &[&str], records: usize) -> OrphanedRecords {
    OrphanedRecords { collection, missing: first.len(), records, first: first.iter().map(|s| s.to_string()).collect() }
}

#[test]
fn the_same_metadata_again_orphans_nothing() {
    let (_dir, _path, mut store) = captured();
    let report = store.import_metadata(&[doc("again.json", &mini_export())]).unwrap();
    assert!(report.orphaned_records.is_empty(), "{:?}", report.orphaned_records);
}

#[test]
fn an_import_that_would_orphan_captured_records_is_refused_with_what_they_use() {
    let (_dir, path, mut store) = captured();
    let before = snapshot(&path);
    let other = renamed(&[
        ("PhumImmProg", "PhumImmPro2"),
        ("PhumStgBirt", "PhumStgBir2"),
        ("PhumHC00001", "PhumHC00002"),
        ("PhumVhsgRep", "PhumVhsgRe2"),
        ("PhumCOCMale", "PhumCOCMal2"),
        ("PhumTEAName", "PhumTEANam2"),
        ("PhumDEWeigh", "PhumDEWeig2"),
    ]);
    let err = store.import_metadata(&[doc("other.json", &other)]).expect_err("must be refused");
    let ImportError::WouldOrphanRecords(found) = &err else { panic!("{err}") };
    let want = vec![
        orphaned(Collection::Programs, &["PhumImmProg"], 2),
        orphaned(Collection::ProgramStages, &["PhumStgBirt"], 1),
        // The person, the enrollment, the event, the aggregate value and the completion.
        orphaned(Collection::OrganisationUnits, &["PhumHC00001"], 5),
        orphaned(Collection::DataSets, &["PhumVhsgRep"], 1),
        orphaned(Collection::TrackedEntityAttributes, &["PhumTEAName"], 1),
        orphaned(Collection::DataElements, &["PhumDEWeigh"], 1),
        orphaned(Collection::CategoryOptionCombos, &["PhumCOCMale"], 1),
    ];
    assert_eq!(found, &want);
    let text = err.to_string();
    assert!(
        text.starts_with("the import lacks metadata that captured records use, so nothing was changed: programs: "),
        "{text}"
    );
    assert!(text.contains("programs: 1 missing (PhumImmProg), used by 2 captured records; "), "{text}");
    assert_eq!(snapshot(&path), before, "a refused import changes nothing");

    let options = ImportOptions { allow_orphaned_records: true };
    let report = store.import_metadata_with(&[doc("other.json", &other)], &options).unwrap();
    assert_eq!(report.orphaned_records, want);
    assert!(store.get::<phum_core::model::Program>(uid("PhumImmPro2")).unwrap().is_some());
}

#[test]
fn records_marked_deleted_do_not_hold_metadata_back() {
    let (_dir, path, mut store) = captured();
    // An event whose deletion waits for sync: only its UID is still needed.
    rusqlite::Connection::open(&path).unwrap().execute("UPDATE event SET deleted = 1", []).unwrap();
    let other = renamed(&[("PhumStgBirt", "PhumStgBir2"), ("PhumDEWeigh", "PhumDEWeig2")]);
    let report = store.import_metadata(&[doc("other.json", &other)]).unwrap();
    assert!(report.orphaned_records.is_empty(), "{:?}", report.orphaned_records);
}

#[test]
fn an_import_without_metadata_is_refused_and_changes_nothing() {
    let (_dir, path, mut store) = captured();
    let before = snapshot(&path);
    for (name, text, found) in [
        ("empty-object.json", "{}", ""),
        ("unrelated.json", r#"{"name": "shopping", "items": [1, 2]}"#, " (found only: items (2), name (1))"),
        ("empty-lists.json", r#"{"programs": [], "organisationUnits": [], "pager": {"page": 1}}"#, ""),
        ("system.json", r#"{"version": "2.41.2", "serverDate": "2026-11-01T08:00:00.000"}"#, ""),
    ] {
        let err = store.import_metadata(&[doc(name, text)]).expect_err(name);
        assert!(matches!(err, ImportError::NoMetadata { .. }), "{name}: {err}");
        assert_eq!(
            err.to_string(),
            format!(
                "{name} holds no metadata: not one program, organisation unit, data element or other object \
                 of a collection Phum stores{found}; nothing was changed"
            )
        );
        assert_eq!(snapshot(&path), before, "{name}");
    }
}
