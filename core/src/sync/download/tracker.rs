//! Downloading people with their enrollments and events, per tracker program and capture org
//! unit: `GET /api/tracker/trackedEntities` with the org units' descendants, paged, from the
//! unit's cursor (`updatedAfter`, deleted records included so that deletions arrive), up to the
//! limit per org unit (research/dhis2-api.md §3.3, §7.5).
//!
//! Parameter names follow the server: `orgUnits`/`orgUnitMode` from 2.41, `orgUnit`/`ouMode`
//! before. Enrollments of programs this device does not have, and events of stages it does not
//! have, are left out (see the `download` module doc); a person is indexed for search as they
//! are stored.
//!
//! Owns these requests and the order of writes. Does not own the records' rules (`inbox`).

use super::scope::Scope;
use super::{pages, query_value, DownloadCounts, DownloadOptions};
use crate::model::{DeviceClock, Uid};
use crate::store::data::inbox::Received;
use crate::store::data::tracker::Data;
use crate::store::Store;
use crate::sync::progress::Observer;
use crate::sync::wire::tracker::{ExportEvent, ExportTrackedEntity, TrackedEntityPage};
use crate::sync::wire::Reader;
use crate::sync::{Api, SyncError};

const ENDPOINT: &str = "/api/tracker/trackedEntities";

/// The fields of a person the download reads (what `wire::tracker` reads, nothing more).
pub const FIELDS: &str = "trackedEntity,trackedEntityType,orgUnit,createdAt,updatedAt,deleted,\
attributes[attribute,value],enrollments[enrollment,trackedEntity,program,orgUnit,status,enrolledAt,occurredAt,\
completedAt,createdAt,updatedAt,deleted,events[event,enrollment,program,programStage,orgUnit,status,occurredAt,\
scheduledAt,completedAt,attributeOptionCombo,createdAt,updatedAt,deleted,dataValues[dataElement,value]]]";

/// The cursor of one program at one org unit.
pub fn cursor_name(program: Uid, org_unit: Uid) -> String {
    format!("download.tracker.{program}.{org_unit}")
}

/// The query of one page.
pub fn page_path(api: &dyn Api, program: Uid, org_unit: Uid, since: Option<&str>, page: usize, size: usize) -> String {
    let (ou, mode) = super::org_unit_params(api);
    let mut path = format!(
        "{ENDPOINT}?program={program}&{ou}={org_unit}&{mode}=DESCENDANTS&fields={}&includeDeleted=true\
         &order=updatedAt:desc&page={page}&pageSize={size}",
        query_value(FIELDS)
    );
    if let Some(since) = since {
        path.push_str(&format!("&updatedAfter={}", query_value(since)));
    }
    path
}

/// The page cache of a download, in KiB: a catchment's people and visits fit.
pub(super) const DOWNLOAD_CACHE_KIB: i64 = 32 * 1024;

/// Downloads every tracker program at every capture org unit.
pub fn download(
    api: &dyn Api,
    store: &mut Store,
    scope: &Scope,
    clock: &DeviceClock,
    observer: &dyn Observer,
    options: DownloadOptions,
    progress: &mut u64,
) -> Result<DownloadCounts, SyncError> {
    store.with_page_cache(DOWNLOAD_CACHE_KIB, |store| {
        let mut counts = DownloadCounts::default();
        for &program in &scope.tracker_programs {
            for &root in &scope.roots {
                counts.add(download_unit(api, store, scope, clock, observer, options, program, root, progress)?);
            }
        }
        Ok(counts)
    })?
}

#[allow(clippy::too_many_arguments)]
fn download_unit(
    api: &dyn Api,
    store: &mut Store,
    scope: &Scope,
    clock: &DeviceClock,
    observer: &dyn Observer,
    options: DownloadOptions,
    program: Uid,
    root: Uid,
    progress: &mut u64,
) -> Result<DownloadCounts, SyncError> {
    let path = |since: Option<&str>, page, size| page_path(api, program, root, since, page, size);
    let write = |d: &Data<'_>, answer: &TrackedEntityPage, now, counts: &mut DownloadCounts| {
        for (i, te) in answer.tracked_entities.iter().enumerate() {
            let r = Reader { endpoint: ENDPOINT, place: format!("trackedEntities[{i}]") };
            write_person(d, scope, &r, te, now, counts)?;
        }
        Ok(())
    };
    let unit = pages::Unit {
        cursor: cursor_name(program, root),
        endpoint: ENDPOINT,
        path: &path,
        len: |p: &TrackedEntityPage| p.tracked_entities.len(),
        write: &write,
    };
    pages::download(api, store, clock, observer, options, &unit, progress)
}

/// Writes one person with the enrollments and events of programs this device has.
fn write_person(
    d: &Data<'_>,
    scope: &Scope,
    r: &Reader<'_>,
    te: &ExportTrackedEntity,
    now: crate::model::Timestamp,
    counts: &mut DownloadCounts,
) -> Result<(), SyncError> {
    let mut person = te.to_record(r, now)?;
    if !scope.org_units.contains(&person.org_unit) || !scope.types.contains(&person.tracked_entity_type) {
        counts.skipped += 1;
        return Ok(());
    }
    person.attributes.retain(|(a, _)| scope.attributes.contains(a));
    let body = || serde_json::to_string(te).unwrap_or_default();
    let received = d.receive_person(&person, &body, now)?;
    counts.count(received);
    let person_new = received == Received::New;
    if matches!(received, Received::New | Received::Stored) {
        crate::search::index::index_received(d, person.uid, &person.attributes, person_new)?;
    }
    if matches!(received, Received::Removed | Received::Skipped) {
        return Ok(());
    }
    for (j, en) in te.enrollments.iter().enumerate() {
        let r = Reader { endpoint: r.endpoint, place: format!("{}.enrollments[{j}]", r.place) };
        let enrollment = en.to_record(&r, person.uid, now)?;
        if !scope.programs.contains(&enrollment.program) || !scope.org_units.contains(&enrollment.org_unit) {
            counts.skipped += 1;
            continue;
        }
        let body = || serde_json::to_string(en).unwrap_or_default();
        let received = d.receive_enrollment(&enrollment, person_new, &body, now)?;
        counts.count(received);
        if matches!(received, Received::Removed | Received::Skipped) {
            continue;
        }
        let enrollment_new = received == Received::New;
        for (k, ev) in en.events.iter().enumerate() {
            let r = Reader { endpoint: r.endpoint, place: format!("{}.events[{k}]", r.place) };
            write_event(d, scope, &r, ev, Some(enrollment.uid), enrollment_new, now, counts)?;
        }
    }
    Ok(())
}

/// Writes one event if this device has its program, stage and org unit; `enrollment`: the one
/// it came inside, `enrollment_new` whether that one was new here.
#[allow(clippy::too_many_arguments)]
pub(super) fn write_event(
    d: &Data<'_>,
    scope: &Scope,
    r: &Reader<'_>,
    ev: &ExportEvent,
    enrollment: Option<Uid>,
    enrollment_new: bool,
    now: crate::model::Timestamp,
    counts: &mut DownloadCounts,
) -> Result<(), SyncError> {
    let mut event = ev.to_record(r, now)?;
    if event.enrollment.is_none() {
        event.enrollment = enrollment;
    }
    let known = scope.programs.contains(&event.program)
        && scope.stages.contains(&event.program_stage)
        && scope.org_units.contains(&event.org_unit)
        && event.attribute_option_combo.is_none_or(|c| scope.option_combos.contains(&c));
    // An event of an enrollment that is not here (skipped, or deleted) cannot be stored; the
    // enrollment it came inside was just written.
    let parent_here = match event.enrollment {
        Some(en) if Some(en) == enrollment => true,
        Some(en) => d.enrollment(en)?.is_some(),
        None => true,
    };
    if !known || !parent_here {
        counts.skipped += 1;
        return Ok(());
    }
    event.values.retain(|(de, _)| scope.data_elements.contains(de));
    let body = || serde_json::to_string(ev).unwrap_or_default();
    let parent_new = enrollment_new && event.enrollment == enrollment;
    counts.count(d.receive_event(&event, parent_new, &body, now)?);
    Ok(())
}
