//! Uploading tracker records: people, enrollments and events, to `POST /api/tracker`.
//!
//! The flow (research/dhis2-api.md §3.2, §3.4, §7):
//! 1. the waiting records (`outbox::waiting_tracker`), deletions apart;
//! 2. deletions first, in one `importStrategy=DELETE` call per batch, UIDs only; a record the
//!    server reports as not there (E1032, E1063, E1081) or as already deleted (E1082, E1113,
//!    E1114: DHIS2 refuses every strategy on a soft-deleted record, DELETE included) is gone all
//!    the same. "Already deleted" is what a deletion sent again gets when the server committed
//!    the first one but its answer was lost (a dropped connection, a killed sync);
//! 3. the rest in batches of whole families (a person with their enrollments and events, parents
//!    first; DHIS2 orders a flat payload itself), `importStrategy=CREATE_AND_UPDATE`,
//!    `atomicMode=OBJECT` (a bad record does not stop the good ones), `async=false` (the answer
//!    is the import report; nothing to poll, and nothing lost with a server's job memory);
//! 4. each record's outcome from the report (`wire::report`), settled in one transaction.
//!
//! Attributes go where DHIS2 wants them, as the Android SDK sends them: a person carries the
//! attributes of their tracked entity type, an enrollment those of its program. Phum stores
//! every attribute on the person, so an enrollment is added to the payload when a program
//! attribute of its person changed, even if the enrollment itself did not; its outcome is then
//! not settled (it was never marked UPLOADING).
//!
//! Owns batching and the payload. Does not own retries (`run`) or the states (`outbox`).

use std::collections::hash_map::Entry;
use std::collections::{BTreeSet, HashMap};

use super::UploadCounts;
use crate::model::{DeviceClock, Program, TrackedEntityType, Uid};
use crate::store::data::outbox::{Outcome, OutgoingValues, TrackerBatch, Waiting};
use crate::store::data::RecordKind;
use crate::store::Store;
use crate::sync::progress::{Observer, Phase, Progress};
use crate::sync::wire::report::ImportReport;
use crate::sync::wire::tracker::{
    sent_attributes, DeletedEnrollment, DeletedEvent, DeletedTrackedEntity, DeletionPayload, Payload, SentEnrollment,
    SentEvent, SentTrackedEntity,
};
use crate::sync::{Api, SyncError};

/// How many records go in one request: the research's cap for Cambodia's networks (about 50
/// people or 200 events per payload).
pub const BATCH_RECORDS: usize = 200;

const IMPORT: &str = "/api/tracker?async=false&importStrategy=CREATE_AND_UPDATE&atomicMode=OBJECT&reportMode=WARNINGS";
const DELETE: &str = "/api/tracker?async=false&importStrategy=DELETE&atomicMode=OBJECT&reportMode=WARNINGS";

/// Codes that say the record to delete is not on the server, or is deleted there already (event,
/// enrollment, tracked entity): its deletion is done.
const NOT_THERE: [&str; 6] = ["E1032", "E1063", "E1081", "E1082", "E1113", "E1114"];

/// Sends every waiting tracker record. Stops at the first request without an answer (the
/// caller retries); what was settled before stays settled.
pub fn upload(
    api: &dyn Api,
    store: &mut Store,
    clock: &DeviceClock,
    observer: &dyn Observer,
) -> Result<UploadCounts, SyncError> {
    let waiting = store.data().waiting_tracker()?;
    let (deletions, records): (Vec<Waiting>, Vec<Waiting>) = waiting.into_iter().partition(|w| w.deleted);
    let total = (deletions.len() + records.len()) as u64;
    let mut counts = UploadCounts::default();
    let mut done = 0u64;
    let report = |done: u64| observer.progress(Progress { phase: Phase::Upload, done, total });
    report(0);
    for batch in deletions.chunks(BATCH_RECORDS) {
        cancelled(observer)?;
        counts.add(delete_batch(api, store, clock, batch)?);
        done += batch.len() as u64;
        report(done);
    }
    for batch in families(&records, BATCH_RECORDS) {
        cancelled(observer)?;
        counts.add(send_batch(api, store, clock, batch)?);
        done += batch.len() as u64;
        report(done);
    }
    Ok(counts)
}

fn cancelled(observer: &dyn Observer) -> Result<(), SyncError> {
    if observer.cancelled() {
        Err(SyncError::Cancelled)
    } else {
        Ok(())
    }
}

/// Splits `records` (sorted by family) into batches of about `size`, never splitting a family
/// (a family larger than `size` is a batch of its own).
pub fn families(records: &[Waiting], size: usize) -> Vec<&[Waiting]> {
    let mut batches = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < records.len() {
        let family = records[i].family;
        let mut end = i;
        while end < records.len() && records[end].family == family {
            end += 1;
        }
        if end - start > size && i > start {
            batches.push(&records[start..i]);
            start = i;
        }
        i = end;
    }
    if start < records.len() {
        batches.push(&records[start..]);
    }
    batches
}

fn delete_batch(
    api: &dyn Api,
    store: &mut Store,
    clock: &DeviceClock,
    batch: &[Waiting],
) -> Result<UploadCounts, SyncError> {
    let taken = store.write(|d| d.take_for_upload(batch))?;
    let mut payload = DeletionPayload::default();
    let mut sent = Vec::new();
    for (te, _) in &taken.people {
        payload.tracked_entities.push(DeletedTrackedEntity { tracked_entity: te.uid });
        sent.push((RecordKind::TrackedEntity, te.uid));
    }
    for e in &taken.enrollments {
        payload.enrollments.push(DeletedEnrollment { enrollment: e.uid });
        sent.push((RecordKind::Enrollment, e.uid));
    }
    for (ev, _) in &taken.events {
        payload.events.push(DeletedEvent { event: ev.uid });
        sent.push((RecordKind::Event, ev.uid));
    }
    if sent.is_empty() {
        return Ok(UploadCounts::default());
    }
    let report = post(api, DELETE, &payload)?;
    let no_fields = |_: &str| false;
    let now = clock.now();
    store.write(|d| {
        let mut counts = UploadCounts::default();
        for &(kind, uid) in &sent {
            let outcome = match report.outcome(kind, uid.as_str(), &no_fields) {
                Outcome::Refused(issues) if issues.iter().all(|i| NOT_THERE.contains(&i.code.as_str())) => {
                    Outcome::Stored
                }
                other => other,
            };
            let settled = d.settle(kind, uid, &outcome, None, now)?;
            counts.count(&outcome, settled);
        }
        Ok::<_, SyncError>(counts)
    })
}

fn post<T: serde::Serialize>(api: &dyn Api, path: &str, payload: &T) -> Result<ImportReport, SyncError> {
    super::post(api, path, "/api/tracker", payload)
}

fn send_batch(
    api: &dyn Api,
    store: &mut Store,
    clock: &DeviceClock,
    batch: &[Waiting],
) -> Result<UploadCounts, SyncError> {
    let taken = store.write(|d| d.take_for_upload(batch))?;
    if taken.is_empty() {
        return Ok(UploadCounts::default());
    }
    let payload = Attributes::default().payload(store, &taken)?;
    let report = post(api, IMPORT, &payload)?;
    let now = clock.now();
    store.write(|d| {
        let mut counts = UploadCounts::default();
        for (te, values) in &taken.people {
            let outcome = report.outcome(RecordKind::TrackedEntity, te.uid.as_str(), &field_of(values));
            counts.count(&outcome, d.settle(RecordKind::TrackedEntity, te.uid, &outcome, None, now)?);
        }
        for e in &taken.enrollments {
            let values = taken.people.iter().find(|(te, _)| te.uid == e.tracked_entity).map(|(_, v)| v);
            let fields = values.map(field_of);
            let none = |_: &str| false;
            let outcome = match &fields {
                Some(f) => report.outcome(RecordKind::Enrollment, e.uid.as_str(), f),
                None => report.outcome(RecordKind::Enrollment, e.uid.as_str(), &none),
            };
            counts.count(&outcome, d.settle(RecordKind::Enrollment, e.uid, &outcome, None, now)?);
        }
        for (ev, values) in &taken.events {
            let outcome = report.outcome(RecordKind::Event, ev.uid.as_str(), &field_of(values));
            counts.count(&outcome, d.settle(RecordKind::Event, ev.uid, &outcome, None, now)?);
        }
        Ok::<_, SyncError>(counts)
    })
}

/// Whether a text names one of a record's values (set or cleared).
fn field_of(values: &OutgoingValues) -> impl Fn(&str) -> bool + '_ {
    move |text: &str| {
        values.values.iter().any(|(k, _)| k.as_str() == text) || values.cleared.iter().any(|k| k.as_str() == text)
    }
}

/// Which attributes belong to a tracked entity type and to a program, read from the metadata
/// once per batch.
#[derive(Default)]
struct Attributes {
    of_type: HashMap<Uid, BTreeSet<Uid>>,
    of_program: HashMap<Uid, BTreeSet<Uid>>,
}

impl Attributes {
    fn type_attributes(&mut self, store: &Store, tet: Uid) -> Result<&BTreeSet<Uid>, SyncError> {
        Ok(match self.of_type.entry(tet) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => e.insert(
                store
                    .get::<TrackedEntityType>(tet)?
                    .map(|t| t.tracked_entity_type_attributes.iter().map(|a| a.tracked_entity_attribute.id).collect())
                    .unwrap_or_default(),
            ),
        })
    }

    fn program_attributes(&mut self, store: &Store, program: Uid) -> Result<&BTreeSet<Uid>, SyncError> {
        Ok(match self.of_program.entry(program) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => e.insert(
                store
                    .get::<Program>(program)?
                    .map(|p| {
                        p.program_tracked_entity_attributes.iter().map(|a| a.tracked_entity_attribute.id).collect()
                    })
                    .unwrap_or_default(),
            ),
        })
    }

    /// The payload of a batch (see the module doc for where attributes go).
    fn payload(&mut self, store: &Store, taken: &TrackerBatch) -> Result<Payload, SyncError> {
        let mut payload = Payload::default();
        // Enrollments in the payload, with the values of their person their attributes come from.
        let mut enrollments: Vec<(crate::store::data::tracker::Enrollment, OutgoingValues)> = Vec::new();
        let data = store.data();
        for (te, values) in &taken.people {
            let of_type = self.type_attributes(store, te.tracked_entity_type)?.clone();
            let mut program_attrs: BTreeSet<Uid> = BTreeSet::new();
            let mut with_attrs = Vec::new();
            for e in data.enrollments_of(te.uid)? {
                let attrs = self.program_attributes(store, e.program)?;
                let touched = values.values.iter().map(|(k, _)| *k).chain(values.cleared.iter().copied());
                let mine: Vec<Uid> = touched.filter(|k| attrs.contains(k) && !of_type.contains(k)).collect();
                if !mine.is_empty() || taken.enrollments.iter().any(|x| x.uid == e.uid) {
                    program_attrs.extend(mine);
                    with_attrs.push(e);
                }
            }
            // Attributes of neither the type nor an enrolled program stay on the person.
            let on_person = |k: Uid| of_type.contains(&k) || !program_attrs.contains(&k);
            payload.tracked_entities.push(SentTrackedEntity::new(te, sent_attributes(values, on_person)));
            for e in with_attrs {
                enrollments.push((e, values.clone()));
            }
        }
        for e in &taken.enrollments {
            if enrollments.iter().any(|(x, _)| x.uid == e.uid) {
                continue;
            }
            let values = OutgoingValues { values: data.attribute_values(e.tracked_entity)?, cleared: Vec::new() };
            enrollments.push((e.clone(), values));
        }
        for (e, values) in &enrollments {
            let attrs = self.program_attributes(store, e.program)?.clone();
            let of_type = match data.tracked_entity(e.tracked_entity)? {
                Some(te) => self.type_attributes(store, te.tracked_entity_type)?.clone(),
                None => BTreeSet::new(),
            };
            let keep = |k: Uid| attrs.contains(&k) && !of_type.contains(&k);
            payload.enrollments.push(SentEnrollment::new(e, sent_attributes(values, keep)));
        }
        for (ev, values) in &taken.events {
            let person = match ev.enrollment {
                Some(en) => data.enrollment(en)?.map(|e| e.tracked_entity),
                None => None,
            };
            payload.events.push(SentEvent::new(ev, values, person));
        }
        Ok(payload)
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::*;
    use crate::demo::dataset::{immunization, org_units, person};
    use crate::sync::api::{Answer, ClientError, ServerVersion};
    use crate::sync::progress::Quiet;
    use crate::test_dates::ymd;

    /// Records the payloads and stores everything.
    #[derive(Default)]
    struct Recording {
        bodies: RefCell<Vec<serde_json::Value>>,
    }

    impl Api for Recording {
        fn version(&self) -> ServerVersion {
            ServerVersion::new(2, 41, 0)
        }
        fn get(&self, path: &str) -> Result<Vec<u8>, ClientError> {
            Err(ClientError::Http { url: path.into(), status: 404, retry_after: None })
        }
        fn post_json(&self, _: &str, body: &[u8]) -> Result<Answer, ClientError> {
            self.bodies.borrow_mut().push(serde_json::from_slice(body).unwrap());
            Ok(Answer { status: 200, body: br#"{"status":"OK"}"#.to_vec() })
        }
    }

    fn attribute_ids(list: &serde_json::Value) -> Vec<String> {
        let mut ids: Vec<String> =
            list.as_array().unwrap().iter().map(|a| a["attribute"].as_str().unwrap().to_string()).collect();
        ids.sort();
        ids
    }

    #[test]
    fn a_person_carries_the_types_attributes_and_the_enrollment_its_programs() {
        let mut store = Store::open_in_memory().unwrap();
        crate::demo::dataset::import(&mut store).unwrap();
        let clock = DeviceClock::default().pinned_on(ymd(2026, 12, 5));
        let hc = org_units::TRAINEE_HEALTH_CENTRE;
        let (te, _) = store
            .write(|d| {
                let te = d.insert_tracked_entity(person::TYPE, hc, clock.now())?;
                for (a, v) in [(person::NAME_KHMER, "សុខ ដារ៉ា"), (person::SEX, "F"), (person::PHONE, "012345678")]
                {
                    d.set_attribute_value(te.uid, a, Some(v), clock.now())?;
                }
                let en = d.insert_enrollment(
                    te.uid,
                    immunization::PROGRAM,
                    hc,
                    ymd(2026, 12, 1),
                    ymd(2026, 11, 30),
                    clock.now(),
                )?;
                Ok::<_, crate::store::data::DataError>((te.uid, en.uid))
            })
            .unwrap();
        let api = Recording::default();
        let counts = upload(&api, &mut store, &clock, &Quiet).unwrap();
        assert_eq!(counts.sent, 2);
        assert_eq!(counts.waiting, 2, "the answer named neither record");
        let body = &api.bodies.borrow()[0];
        assert_eq!(body["trackedEntities"][0]["trackedEntity"], te.as_str());
        assert_eq!(attribute_ids(&body["trackedEntities"][0]["attributes"]), ["DmAtNameKhm", "DmAtPhone01"]);
        assert_eq!(attribute_ids(&body["enrollments"][0]["attributes"]), ["DmAtSex0001"]);
        assert_eq!(body["enrollments"][0]["enrolledAt"], "2026-12-01T00:00:00.000");
    }

    /// Answers an import with every record stored, and a deletion with `deletion_code` for every
    /// record (as DHIS2 answers a DELETE of records it does not have, or has deleted already).
    struct Deleting {
        deletion_code: &'static str,
    }

    impl Api for Deleting {
        fn version(&self) -> ServerVersion {
            ServerVersion::new(2, 41, 0)
        }
        fn get(&self, path: &str) -> Result<Vec<u8>, ClientError> {
            Err(ClientError::Http { url: path.into(), status: 404, retry_after: None })
        }
        fn post_json(&self, path: &str, body: &[u8]) -> Result<Answer, ClientError> {
            let payload: serde_json::Value = serde_json::from_slice(body).unwrap();
            let (mut reports, mut errors) = (serde_json::Map::new(), Vec::new());
            for (list, id, kind) in [
                ("trackedEntities", "trackedEntity", "TRACKED_ENTITY"),
                ("enrollments", "enrollment", "ENROLLMENT"),
                ("events", "event", "EVENT"),
            ] {
                let uids: Vec<&serde_json::Value> =
                    payload[list].as_array().into_iter().flatten().map(|o| &o[id]).collect();
                if path.contains("importStrategy=DELETE") {
                    errors.extend(uids.iter().map(|uid| {
                        serde_json::json!({"errorCode": self.deletion_code, "message": "gone", "trackerType": kind, "uid": uid})
                    }));
                } else {
                    let objects: Vec<_> =
                        uids.iter().map(|uid| serde_json::json!({"trackerType": kind, "uid": uid})).collect();
                    reports.insert(kind.to_string(), serde_json::json!({"objectReports": objects}));
                }
            }
            let answer = serde_json::json!({
                "status": if errors.is_empty() { "OK" } else { "ERROR" },
                "validationReport": {"errorReports": errors},
                "bundleReport": {"typeReportMap": reports},
            });
            Ok(Answer { status: if errors.is_empty() { 200 } else { 409 }, body: answer.to_string().into_bytes() })
        }
    }

    #[test]
    fn a_deletion_the_server_has_already_committed_is_done() {
        // The first DELETE was committed but its answer lost; sent again, DHIS2 refuses it as
        // "already deleted" (E1082), or as not there (E1032).
        for code in ["E1082", "E1032"] {
            let mut store = Store::open_in_memory().unwrap();
            crate::demo::dataset::import(&mut store).unwrap();
            let clock = DeviceClock::default().pinned_on(ymd(2026, 12, 5));
            let hc = org_units::TRAINEE_HEALTH_CENTRE;
            let event = store
                .write(|d| {
                    let te = d.insert_tracked_entity(person::TYPE, hc, clock.now())?;
                    d.set_attribute_value(te.uid, person::NAME_KHMER, Some("សុខ ដារ៉ា"), clock.now())?;
                    let en = d.insert_enrollment(
                        te.uid,
                        immunization::PROGRAM,
                        hc,
                        ymd(2026, 12, 1),
                        ymd(2026, 11, 30),
                        clock.now(),
                    )?;
                    let ev = d.insert_event(
                        &crate::store::data::tracker::NewEvent {
                            enrollment: Some(en.uid),
                            program: immunization::PROGRAM,
                            program_stage: immunization::BIRTH,
                            org_unit: hc,
                            status: crate::model::value_type::EventStatus::Active,
                            event_date: Some(ymd(2026, 12, 1)),
                            due_date: None,
                            attribute_option_combo: None,
                        },
                        clock.now(),
                    )?;
                    Ok::<_, crate::store::data::DataError>(ev.uid)
                })
                .unwrap();
            let api = Deleting { deletion_code: code };
            assert_eq!(upload(&api, &mut store, &clock, &Quiet).unwrap().stored, 3);
            store.data().delete_event(event, clock.now()).unwrap();

            let counts = upload(&api, &mut store, &clock, &Quiet).unwrap();
            assert_eq!((counts.sent, counts.refused), (1, 0), "{code}");
            assert!(store.data().event(event).unwrap().is_none(), "{code}: the deletion is done");
            assert_eq!(store.data().waiting_counts().unwrap().total(), 0, "{code}");
            assert!(store.data().record_issues().unwrap().is_empty(), "{code}");
        }
    }

    fn w(family: &str, order: u8, uid: &str) -> Waiting {
        Waiting {
            family: Uid::parse(family).unwrap(),
            kind_order: order,
            uid: Uid::parse(uid).unwrap(),
            deleted: false,
        }
    }

    #[test]
    fn batches_keep_families_whole() {
        let records = [
            w("FamilyAaaa1", 0, "FamilyAaaa1"),
            w("FamilyAaaa1", 1, "EnrolAaaaa1"),
            w("FamilyAaaa1", 2, "EventAaaaa1"),
            w("FamilyBbbb1", 0, "FamilyBbbb1"),
            w("FamilyCccc1", 2, "FamilyCccc1"),
            w("FamilyCccc1", 2, "EventCccc02"),
        ];
        let sizes: Vec<usize> = families(&records, 3).iter().map(|b| b.len()).collect();
        assert_eq!(sizes, [3, 3]);
        let sizes: Vec<usize> = families(&records, 1).iter().map(|b| b.len()).collect();
        assert_eq!(sizes, [3, 1, 2], "a family larger than the batch goes whole");
        assert!(families(&[], 3).is_empty());
    }
}
