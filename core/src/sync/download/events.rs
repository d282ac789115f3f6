//! Downloading the events of event programs (no person, no enrollment), per program and
//! capture org unit: `GET /api/tracker/events`, paged, from the unit's cursor, up to the limit
//! per org unit (research/dhis2-api.md §3.3). The list key is `events` from 2.41 and
//! `instances` before; parameter names as for people (`tracker`).
//!
//! Owns these requests. Does not own the records' rules (`inbox`).

use super::scope::Scope;
use super::tracker::write_event;
use super::{pages, query_value, DownloadCounts, DownloadOptions};
use crate::model::{DeviceClock, Uid};
use crate::store::data::tracker::Data;
use crate::store::Store;
use crate::sync::progress::Observer;
use crate::sync::wire::tracker::EventPage;
use crate::sync::wire::Reader;
use crate::sync::{Api, SyncError};

const ENDPOINT: &str = "/api/tracker/events";

const FIELDS: &str = "event,enrollment,program,programStage,orgUnit,status,occurredAt,scheduledAt,completedAt,\
attributeOptionCombo,createdAt,updatedAt,deleted,dataValues[dataElement,value]";

pub fn cursor_name(program: Uid, org_unit: Uid) -> String {
    format!("download.events.{program}.{org_unit}")
}

pub fn download(
    api: &dyn Api,
    store: &mut Store,
    scope: &Scope,
    clock: &DeviceClock,
    observer: &dyn Observer,
    options: DownloadOptions,
    progress: &mut u64,
) -> Result<DownloadCounts, SyncError> {
    let mut counts = DownloadCounts::default();
    let (ou, mode) = super::org_unit_params(api);
    let write = |d: &Data<'_>, answer: &EventPage, now, counts: &mut DownloadCounts| {
        for (i, ev) in answer.events.iter().enumerate() {
            let r = Reader { endpoint: ENDPOINT, place: format!("events[{i}]") };
            write_event(d, scope, &r, ev, None, false, now, counts)?;
        }
        Ok(())
    };
    for &program in &scope.event_programs {
        for &root in &scope.roots {
            let path = |since: Option<&str>, page, size| {
                let mut path = format!(
                    "{ENDPOINT}?program={program}&{ou}={root}&{mode}=DESCENDANTS&fields={}&includeDeleted=true\
                     &order=updatedAt:desc&page={page}&pageSize={size}",
                    query_value(FIELDS)
                );
                if let Some(since) = since {
                    path.push_str(&format!("&updatedAfter={}", query_value(since)));
                }
                path
            };
            let unit = pages::Unit {
                cursor: cursor_name(program, root),
                endpoint: ENDPOINT,
                path: &path,
                len: |p: &EventPage| p.events.len(),
                write: &write,
            };
            counts.add(pages::download(api, store, clock, observer, options, &unit, progress)?);
        }
    }
    Ok(counts)
}
