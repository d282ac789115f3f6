//! One sync, start to end: metadata, then upload, then download, as a state machine kept in the
//! store (`sync_job`), so that a sync that was killed, lost its network for good or was
//! cancelled goes on from the phase it reached.
//!
//! The flow:
//! 1. the phase to start from: the stored job's, or metadata for a new sync;
//! 2. each phase from there, recorded in the job before it runs; every request goes through
//!    [`Retrying`] (backoff, `Retry-After`); a phase that fails leaves the job at that phase;
//! 3. metadata (`metadata::download`): first, so that what is uploaded and downloaded is
//!    checked against the server's current forms. Metadata the import refuses (for one, a
//!    program the user lost while records of it wait here) does not stop the sync: the previous
//!    metadata stays in use, the data still goes both ways, and the summary says why the
//!    metadata was not updated;
//! 4. upload (`upload::tracker`, then `upload::aggregate`): before the download, so that the
//!    download sees the server with this device's changes and has fewer conflicts;
//! 5. download (`download::{tracker, events, aggregate}`), per unit with its own cursor;
//! 6. the job ends, the time of the last complete sync is kept, and the summary says what was
//!    sent, refused (with the server's reasons, `status`), received and in conflict.
//!
//! Within a phase, resuming needs no bookkeeping of its own: an upload sends what still waits
//! (records left UPLOADING by a killed sync included) and a download starts each unit from its
//! cursor, which moves only when the unit is complete.
//!
//! Owns the order of phases, the job, retries and the summary. Does not own the phases.

use std::time::Duration;

use super::download::{self, DownloadCounts, DownloadOptions};
use super::progress::{Observer, Phase};
use super::retry::{RetryPolicy, Retrying};
use super::upload::{self, UploadCounts};
use super::{Api, SyncError};
use crate::i18n::{Localize, Message};
use crate::model::DeviceClock;
use crate::msg;
use crate::store::Store;

/// The sync value holding when the last complete sync ended (device time with its offset).
pub const LAST_SYNC: &str = "sync.last";

/// Choices of one sync.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SyncOptions {
    pub retry: RetryPolicy,
    pub download: DownloadOptions,
}

/// What a sync did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyncSummary {
    /// The metadata changed on the server and was imported (false: unchanged, or the phase was
    /// already done by the sync this one resumed).
    pub metadata_updated: bool,
    /// Why the server's metadata could not be used (the previous metadata stays in use).
    pub metadata_refused: Option<Message>,
    pub sent: UploadCounts,
    pub received: DownloadCounts,
    /// Records the server refuses, as they stand after this sync (each with its reasons:
    /// `status::refusals`).
    pub refused: usize,
    /// Records waiting for a later sync (not mentioned in an answer, or edited meanwhile).
    pub waiting: usize,
}

impl Localize for SyncSummary {
    fn message(&self) -> Message {
        msg!(
            "sync-summary",
            sent = self.sent.stored as i64,
            refused = self.refused as i64,
            received = self.received.received as i64,
            removed = self.received.removed as i64,
            conflicts = self.received.conflicts as i64,
            waiting = self.waiting as i64
        )
    }
}
crate::english_display!(SyncSummary);

/// Runs (or resumes) a sync of `store` with the server behind `api`, which the caller built for
/// the target `connect_target` gave (demo databases are refused here too).
pub fn sync(
    api: &dyn Api,
    store: &mut Store,
    clock: &DeviceClock,
    observer: &dyn Observer,
    options: &SyncOptions,
) -> Result<SyncSummary, SyncError> {
    sync_with_sleep(api, store, clock, observer, options, &std::thread::sleep)
}

/// [`sync`] with the sleep between retries given (tests pass one that does not wait).
pub fn sync_with_sleep(
    api: &dyn Api,
    store: &mut Store,
    clock: &DeviceClock,
    observer: &dyn Observer,
    options: &SyncOptions,
    sleep: &dyn Fn(Duration),
) -> Result<SyncSummary, SyncError> {
    if store.is_demo() {
        return Err(SyncError::DemoAccount);
    }
    let api = Retrying { inner: api, policy: options.retry, observer, sleep };
    let first = match store.sync_job()? {
        Some(job) => Phase::from_stored(&job.phase).unwrap_or(Phase::Metadata),
        None => Phase::Metadata,
    };
    let mut summary = SyncSummary::default();
    for phase in Phase::ALL.into_iter().filter(|p| *p >= first) {
        if observer.cancelled() {
            return Err(SyncError::Cancelled);
        }
        store.set_sync_job(phase.as_str(), clock.now())?;
        log::info!("sync phase {}", phase.as_str());
        match phase {
            Phase::Metadata => match super::metadata::download(&api, store, observer) {
                Ok(outcome) => summary.metadata_updated = outcome.imported(),
                Err(SyncError::Import(refused)) => summary.metadata_refused = Some(refused.message()),
                Err(other) => return Err(other),
            },
            Phase::Upload => {
                summary.sent.add(upload::tracker::upload(&api, store, clock, observer)?);
                summary.sent.add(upload::aggregate::upload(&api, store, clock, observer)?);
            }
            Phase::Download => {
                let scope = download::scope::Scope::read(store)?;
                let mut done = 0u64;
                let o = options.download;
                let counts = [
                    download::tracker::download(&api, store, &scope, clock, observer, o, &mut done)?,
                    download::events::download(&api, store, &scope, clock, observer, o, &mut done)?,
                    download::aggregate::download(&api, store, &scope, clock, observer, &mut done)?,
                ];
                for c in counts {
                    summary.received.add(c);
                }
            }
        }
    }
    store.finish_sync_job()?;
    store.set_sync_value(LAST_SYNC, &clock.now().to_string())?;
    let waiting = store.data().waiting_counts()?;
    summary.refused = waiting.refused;
    summary.waiting = waiting.waiting();
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use std::cell::{Cell, RefCell};

    use serde_json::{json, Value};

    use super::*;
    use crate::model::value_type::EventStatus;
    use crate::model::Uid;
    use crate::store::data::tracker::NewEvent;
    use crate::sync::api::{Answer, ClientError, ServerVersion};
    use crate::sync::progress::Quiet;
    use crate::test_dates::ymd;

    /// A server that serves the demo's metadata (the metadata download's fake), stores every
    /// record it is sent, answers downloads with nothing, and fails the next `fail` uploads with
    /// a 500.
    struct Accepting {
        metadata: crate::sync::metadata::tests::fake::Fake,
        fail: Cell<u32>,
        requests: RefCell<Vec<String>>,
        stored: RefCell<Vec<String>>,
    }

    impl Default for Accepting {
        fn default() -> Accepting {
            Accepting {
                metadata: crate::sync::metadata::tests::fake::Fake::demo(),
                fail: Cell::default(),
                requests: RefCell::default(),
                stored: RefCell::default(),
            }
        }
    }

    impl Api for Accepting {
        fn version(&self) -> ServerVersion {
            ServerVersion::new(2, 41, 0)
        }

        fn get(&self, path: &str) -> Result<Vec<u8>, ClientError> {
            self.requests.borrow_mut().push(format!("GET {path}"));
            let data = ["/api/tracker", "/api/dataValueSets", "/api/completeDataSetRegistrations"];
            let body = if path.starts_with("/api/system/info") {
                let mut system: Value = serde_json::from_slice(&self.metadata.get(path)?).unwrap();
                system["serverDate"] = json!("2026-11-01T09:00:00.000");
                system
            } else if data.iter().any(|d| path.starts_with(d)) {
                json!({"pager": {"page": 1}, "trackedEntities": [], "events": [], "dataValues": []})
            } else {
                return self.metadata.get(path);
            };
            Ok(body.to_string().into_bytes())
        }

        fn post_json(&self, path: &str, body: &[u8]) -> Result<Answer, ClientError> {
            self.requests.borrow_mut().push(format!("POST {path}"));
            if self.fail.get() > 0 {
                self.fail.set(self.fail.get() - 1);
                return Err(ClientError::Http { url: path.into(), status: 500, retry_after: None });
            }
            let payload: Value = serde_json::from_slice(body).unwrap();
            let mut map = serde_json::Map::new();
            for (key, kind, id) in [
                ("trackedEntities", "TRACKED_ENTITY", "trackedEntity"),
                ("enrollments", "ENROLLMENT", "enrollment"),
                ("events", "EVENT", "event"),
            ] {
                let reports: Vec<Value> = payload[key]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|o| {
                        self.stored.borrow_mut().push(o[id].as_str().unwrap().to_string());
                        json!({"trackerType": kind, "uid": o[id]})
                    })
                    .collect();
                map.insert(kind.to_string(), json!({"objectReports": reports}));
            }
            let report = json!({"status": "OK", "bundleReport": {"typeReportMap": map}});
            Ok(Answer { status: 200, body: report.to_string().into_bytes() })
        }
    }

    fn no_wait(_: Duration) {}

    fn options() -> SyncOptions {
        SyncOptions { retry: RetryPolicy { attempts: 2, ..RetryPolicy::default() }, ..SyncOptions::default() }
    }

    fn capture(store: &mut Store) -> Uid {
        let clock = DeviceClock::default().pinned_on(ymd(2026, 11, 1));
        store
            .write(|d| {
                d.insert_event(
                    &NewEvent {
                        enrollment: None,
                        program: Uid::parse("PhumEvProgr").unwrap(),
                        program_stage: Uid::parse("PhumEvStage").unwrap(),
                        org_unit: Uid::parse("PhumOUHC001").unwrap(),
                        status: EventStatus::Completed,
                        event_date: Some(ymd(2026, 11, 1)),
                        due_date: None,
                        attribute_option_combo: None,
                    },
                    clock.now(),
                )
            })
            .unwrap()
            .uid
    }

    #[test]
    fn a_sync_sends_what_waits_and_ends_with_nothing_waiting() {
        let mut store = Store::open_in_memory().unwrap();
        let event = capture(&mut store);
        let server = Accepting::default();
        let clock = DeviceClock::default().pinned_on(ymd(2026, 11, 1));
        let summary = sync_with_sleep(&server, &mut store, &clock, &Quiet, &options(), &no_wait).unwrap();
        assert_eq!((summary.sent.sent, summary.sent.stored, summary.refused, summary.waiting), (1, 1, 0, 0));
        assert_eq!(*server.stored.borrow(), [event.as_str()]);
        assert_eq!(store.data().event(event).unwrap().unwrap().sync_state, crate::store::data::SyncState::Synced);
        assert_eq!(store.sync_job().unwrap(), None, "the job ends with the sync");
        assert!(store.sync_value(LAST_SYNC).unwrap().is_some());
        crate::i18n::catalogue_tests::assert_renders_in_both(&summary.message());
    }

    #[test]
    fn a_sync_that_stops_goes_on_from_the_phase_it_reached() {
        let mut store = Store::open_in_memory().unwrap();
        let event = capture(&mut store);
        let server = Accepting::default();
        // Both tries of the upload fail: the sync stops in the upload phase, after the metadata.
        server.fail.set(2);
        let clock = DeviceClock::default().pinned_on(ymd(2026, 11, 1));
        let err = sync_with_sleep(&server, &mut store, &clock, &Quiet, &options(), &no_wait).unwrap_err();
        assert!(matches!(err, SyncError::Client(ClientError::Http { status: 500, .. })), "{err}");
        assert_eq!(store.sync_job().unwrap().unwrap().phase, "UPLOAD");
        assert_eq!(store.data().event(event).unwrap().unwrap().sync_state, crate::store::data::SyncState::Uploading);

        server.requests.borrow_mut().clear();
        sync_with_sleep(&server, &mut store, &clock, &Quiet, &options(), &no_wait).unwrap();
        assert!(
            server.requests.borrow()[0].starts_with("POST /api/tracker"),
            "resumed at the upload, not the metadata"
        );
        assert_eq!(*server.stored.borrow(), [event.as_str()]);
        assert_eq!(store.sync_job().unwrap(), None);
    }

    #[test]
    fn a_cancelled_sync_sends_nothing_more_and_resumes_later() {
        struct Cancel;
        impl Observer for Cancel {
            fn cancelled(&self) -> bool {
                true
            }
        }
        let mut store = Store::open_in_memory().unwrap();
        capture(&mut store);
        let server = Accepting::default();
        let clock = DeviceClock::default().pinned_on(ymd(2026, 11, 1));
        let err = sync_with_sleep(&server, &mut store, &clock, &Cancel, &options(), &no_wait).unwrap_err();
        assert!(matches!(err, SyncError::Cancelled));
        assert!(server.requests.borrow().is_empty());
        assert_eq!(store.data().waiting_counts().unwrap().total(), 1);
    }

    #[test]
    fn a_demo_database_is_never_synced() {
        let mut store = Store::open_in_memory().unwrap();
        let clock = DeviceClock::default().pinned_on(ymd(2026, 11, 1));
        crate::demo::populate(&mut store, &clock).unwrap();
        let server = Accepting::default();
        let err = sync_with_sleep(&server, &mut store, &clock, &Quiet, &options(), &no_wait).unwrap_err();
        assert!(matches!(err, SyncError::DemoAccount));
        assert!(server.requests.borrow().is_empty());
    }
}
