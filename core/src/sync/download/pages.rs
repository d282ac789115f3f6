//! One unit of an incremental download (a program at a capture org unit): its cursor, the
//! server's clock read at the start, the pages fetched and read on this thread while the
//! previous page is written on a thread of its own (the network and the database work at the
//! same time; two pages wait at most), and the cursor moved to the start's clock once the unit is
//! complete, so that an interrupted unit is downloaded again from its old cursor.
//!
//! Owns paging, the writer thread and the cursor. Does not own the queries or what a page's
//! records become (`tracker`, `events`).

use serde::de::DeserializeOwned;

use super::{server_date, DownloadCounts, DownloadOptions};
use crate::model::{DeviceClock, Timestamp};
use crate::store::data::tracker::Data;
use crate::store::Store;
use crate::sync::progress::{Observer, Phase, Progress};
use crate::sync::wire::parse;
use crate::sync::{Api, SyncError};

/// Writes a page's records (in the writer's transaction), counting what became of them.
pub(super) type WritePage<'a, P> =
    dyn Fn(&Data<'_>, &P, Timestamp, &mut DownloadCounts) -> Result<(), SyncError> + Sync + 'a;

/// What a kind of download tells about its pages.
pub(super) struct Unit<'a, P> {
    /// The sync value holding the unit's cursor.
    pub cursor: String,
    /// For errors: the endpoint the pages come from.
    pub endpoint: &'static str,
    /// The query of page `page` of `size` records changed after the cursor.
    pub path: &'a dyn Fn(Option<&str>, usize, usize) -> String,
    /// How many records a page holds.
    pub len: fn(&P) -> usize,
    pub write: &'a WritePage<'a, P>,
}

pub(super) fn download<P: DeserializeOwned + Send>(
    api: &dyn Api,
    store: &mut Store,
    clock: &DeviceClock,
    observer: &dyn Observer,
    options: DownloadOptions,
    unit: &Unit<'_, P>,
    progress: &mut u64,
) -> Result<DownloadCounts, SyncError> {
    let since = store.sync_value(&unit.cursor)?;
    let started = server_date(api)?;
    let (counts, store) = std::thread::scope(|threads| {
        let (pages, received) = std::sync::mpsc::sync_channel::<P>(2);
        let write = unit.write;
        let writer = threads.spawn(move || {
            let mut counts = DownloadCounts::default();
            for page in received {
                let now = clock.now();
                counts.add(store.write(|d| {
                    let mut c = DownloadCounts::default();
                    write(d, &page, now, &mut c)?;
                    Ok::<_, SyncError>(c)
                })?);
            }
            Ok::<_, SyncError>((counts, store))
        });
        let fetched = fetch(api, observer, options, unit, since.as_deref(), progress, &pages);
        drop(pages);
        // The writer's error comes first: a page that could not be written stops the fetching.
        let written = writer.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        fetched?;
        Ok::<_, SyncError>(written)
    })?;
    store.set_sync_value(&unit.cursor, &started)?;
    Ok(counts)
}

/// Fetches and reads the pages, handing each to `pages`, until a page is short or the limit is
/// reached; stops early when the writer has stopped.
fn fetch<P: DeserializeOwned>(
    api: &dyn Api,
    observer: &dyn Observer,
    options: DownloadOptions,
    unit: &Unit<'_, P>,
    since: Option<&str>,
    progress: &mut u64,
    pages: &std::sync::mpsc::SyncSender<P>,
) -> Result<(), SyncError> {
    let mut seen = 0usize;
    for page in 1.. {
        if observer.cancelled() {
            return Err(SyncError::Cancelled);
        }
        let size = options.page_size.min(options.limit_per_org_unit - seen).max(1);
        let answer: P = parse(unit.endpoint, &api.get(&(unit.path)(since, page, size))?)?;
        let n = (unit.len)(&answer);
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
