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
use super::{query_value, server_date, DownloadCounts, DownloadOptions};
use crate::model::{DeviceClock, Uid};
use crate::store::data::inbox::Received;
use crate::store::Store;
use crate::sync::progress::{Observer, Phase, Progress};
use crate::sync::wire::tracker::{ExportEvent, ExportTrackedEntity, TrackedEntityPage};
use crate::sync::wire::{parse, Reader};
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
    let (ou, mode) = if api.version().at_least(41) { ("orgUnits", "orgUnitMode") } else { ("orgUnit", "ouMode") };
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
    let cursor = cursor_name(program, root);
    let since = store.sync_value(&cursor)?;
    let started = server_date(api)?;
    // Pages are written on a thread of their own while the next one is fetched and read: the
    // network and the database work at the same time. Two pages wait at most.
    let counts = std::thread::scope(|threads| {
        let (pages, received) = std::sync::mpsc::sync_channel::<TrackedEntityPage>(2);
        let writer = threads.spawn(move || {
            let mut counts = DownloadCounts::default();
            for answer in received {
                let now = clock.now();
                counts.add(store.write(|d| {
                    let mut c = DownloadCounts::default();
                    for (i, te) in answer.tracked_entities.iter().enumerate() {
                        let r = Reader { endpoint: ENDPOINT, place: format!("trackedEntities[{i}]") };
                        write_person(d, scope, &r, te, now, &mut c)?;
                    }
                    Ok::<_, SyncError>(c)
                })?);
            }
            Ok::<_, SyncError>((counts, store))
        });
        let fetched = fetch_pages(api, observer, options, program, root, since.as_deref(), progress, &pages);
        drop(pages);
        // The writer's error comes first: a page that could not be written stops the fetching.
        let written = writer.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        let (counts, store) = written?;
        fetched?;
        Ok::<_, SyncError>((counts, store))
    })?;
    let (counts, store) = counts;
    store.set_sync_value(&cursor, &started)?;
    Ok(counts)
}

/// Fetches and reads the pages of one unit, handing each to `pages`, until a page is short or
/// the limit is reached; stops early when the writer has stopped (its error is the one told).
#[allow(clippy::too_many_arguments)]
fn fetch_pages(
    api: &dyn Api,
    observer: &dyn Observer,
    options: DownloadOptions,
    program: Uid,
    root: Uid,
    since: Option<&str>,
    progress: &mut u64,
    pages: &std::sync::mpsc::SyncSender<TrackedEntityPage>,
) -> Result<(), SyncError> {
    let mut seen = 0usize;
    for page in 1.. {
        if observer.cancelled() {
            return Err(SyncError::Cancelled);
        }
        let size = options.page_size.min(options.limit_per_org_unit - seen).max(1);
        let path = page_path(api, program, root, since, page, size);
        let answer: TrackedEntityPage = parse(ENDPOINT, &api.get(&path)?)?;
        let n = answer.tracked_entities.len();
        if pages.send(answer).is_err() {
            return Ok(());
        }
        seen += n;
        *progress += n as u64;
        observer.progress(Progress { phase: Phase::Download, done: *progress, total: *progress });
        if n < size || seen >= options.limit_per_org_unit {
            break;
        }
    }
    Ok(())
}

/// Writes one person with the enrollments and events of programs this device has.
fn write_person(
    d: &crate::store::data::tracker::Data<'_>,
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
    if received == Received::Stored {
        crate::search::index::index_received(d, person.uid, &person.attributes)?;
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
        let received = d.receive_enrollment(&enrollment, &body, now)?;
        counts.count(received);
        if matches!(received, Received::Removed | Received::Skipped) {
            continue;
        }
        for (k, ev) in en.events.iter().enumerate() {
            let r = Reader { endpoint: r.endpoint, place: format!("{}.events[{k}]", r.place) };
            write_event(d, scope, &r, ev, Some(enrollment.uid), now, counts)?;
        }
    }
    Ok(())
}

/// Writes one event if this device has its program, stage and org unit; `enrollment`: the one
/// it came inside.
pub(super) fn write_event(
    d: &crate::store::data::tracker::Data<'_>,
    scope: &Scope,
    r: &Reader<'_>,
    ev: &ExportEvent,
    enrollment: Option<Uid>,
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
    counts.count(d.receive_event(&event, &body, now)?);
    Ok(())
}
