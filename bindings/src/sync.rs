//! The sync from the app: [`App::sync`] runs (or resumes) the core's sync with the server of the
//! signed-in account on a connection of its own, reporting progress through [`SyncProgress`]
//! and stopping between requests after [`App::cancel_sync`]; [`App::sync_status`] says what waits,
//! what the server refused and why (per record, in the user's language), and when the last sync
//! ended. No network without a sign-in in this session; never for the demo.
//!
//! Owns the sync's thread-safety (one sync per App, capture goes on meanwhile) and its records.
//! Does not own the sync (the core's `sync`).

use std::sync::atomic::Ordering;
use std::sync::{Arc, PoisonError, TryLockError};

use phum_core::i18n::{Locale, Localize, Message};
use phum_core::store::Store;
use phum_core::sync::client::{Client, ClientOptions};
use phum_core::sync::progress::{Observer, Phase, Progress};
use phum_core::sync::run::{self, SyncOptions, LAST_SYNC};
use phum_core::sync::{status, SyncError};

use crate::app::App;
use crate::error::{core, ErrorKind, PhumError};
use crate::records::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum SyncPhase {
    Metadata,
    Upload,
    Download,
}

/// Progress of a running sync, implemented by the shell (a foreign trait). Called on the thread
/// that runs the sync; keep it short.
#[uniffi::export(callback_interface)]
pub trait SyncProgress: Send + Sync {
    /// `done` of `total` steps of `phase` (`total` may grow as pages arrive); `phase_name` in the
    /// user's language.
    fn on_progress(&self, phase: SyncPhase, phase_name: String, done: u64, total: u64);
}

/// What a sync did.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SyncReport {
    /// New metadata from the server was imported.
    pub metadata_updated: bool,
    /// Why the server's metadata could not be used (the previous stays in use).
    pub metadata_refused: Option<Text>,
    /// Records the server stored.
    pub sent: u64,
    /// Records the server refuses (each with its reasons in `sync_status`).
    pub refused: u64,
    pub received: u64,
    pub removed: u64,
    /// Server changes to records changed here too (the local change is kept).
    pub conflicts: u64,
    /// Records left for a later sync.
    pub waiting: u64,
    /// All of it as one sentence.
    pub summary: Text,
}

/// One issue the server reported on one record.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RecordIssue {
    /// `tracked_entity`, `enrollment`, `event`, `aggregate_value` or `data_set_completion`.
    pub record_kind: String,
    /// The record's UID, or the key of an aggregate value or completion.
    pub record_key: String,
    /// The field (attribute or data element UID) the server named, to open the form at.
    pub field: Option<String>,
    /// `ERROR` (refused) or `WARNING` (stored with a warning).
    pub severity: String,
    /// The server's code (`E1007`).
    pub code: String,
    /// What it means and what to do, in the user's language.
    pub text: Text,
}

/// Where the account's records stand.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SyncStatus {
    /// When the last complete sync ended (device time with its offset), if ever.
    pub last_sync: Option<String>,
    /// Records waiting to be sent (refused ones not counted).
    pub waiting: u64,
    pub refused: u64,
    pub conflicts: u64,
    pub issues: Vec<RecordIssue>,
    pub demo: bool,
}

/// The core's observer: progress to the shell, cancel from the App.
struct Relay<'a> {
    app: &'a App,
    progress: Box<dyn SyncProgress>,
    locale: Locale,
}

impl Observer for Relay<'_> {
    fn progress(&self, p: Progress) {
        let phase = match p.phase {
            Phase::Metadata => SyncPhase::Metadata,
            Phase::Upload => SyncPhase::Upload,
            Phase::Download => SyncPhase::Download,
        };
        self.progress.on_progress(phase, p.phase.localized(self.locale), p.done, p.total);
    }

    fn cancelled(&self) -> bool {
        self.app.cancel.load(Ordering::SeqCst)
    }
}

#[uniffi::export]
impl App {
    /// Sends what waits and receives what changed, with the credentials of this session's sign-in.
    /// Refused for the demo, without a sign-in, and while another sync of this App runs. A failed
    /// or cancelled sync keeps what it did; the next one goes on from there.
    pub fn sync(self: Arc<Self>, progress: Box<dyn SyncProgress>) -> Result<SyncReport, PhumError> {
        self.run(|| {
            let ctx = self.context();
            let locale = ctx.locale;
            let target = self.target(&self.store())?;
            // A sync that panicked leaves the lock poisoned and free: the next one may run.
            let _running = match self.syncing.try_lock() {
                Ok(running) => running,
                Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
                Err(TryLockError::WouldBlock) => {
                    return Err(PhumError::new(ErrorKind::Refused, &Message::new("bindings-sync-running"), locale));
                }
            };
            let credentials = self.credentials.lock().unwrap_or_else(PoisonError::into_inner).clone();
            let Some(credentials) = credentials else {
                return Err(PhumError::new(ErrorKind::Login, &Message::new("bindings-sign-in-first"), locale));
            };
            self.cancel.store(false, Ordering::SeqCst);
            let client = Client::connect(&target, credentials, ClientOptions::default())
                .map_err(|e| PhumError::from_core(&SyncError::from(e), locale))?;
            // Its own connection: capture goes on while the sync runs.
            let mut store = Store::open_existing(&self.database, Some(&self.key)).map_err(core(locale))?;
            let relay = Relay { app: &self, progress, locale };
            log::info!("sync started");
            let summary = run::sync(&client, &mut store, &ctx.clock, &relay, &SyncOptions::default()).map_err(|e| {
                log::warn!("sync stopped: {e}");
                PhumError::from_core(&e, locale)
            })?;
            log::info!("sync done: {summary}");
            Ok(SyncReport {
                metadata_updated: summary.metadata_updated,
                metadata_refused: summary.metadata_refused.as_ref().map(|m| Text::of(m, locale)),
                sent: summary.sent.stored as u64,
                refused: summary.refused as u64,
                received: summary.received.received as u64,
                removed: summary.received.removed as u64,
                conflicts: summary.received.conflicts as u64,
                waiting: summary.waiting as u64,
                summary: Text::said(&summary, locale),
            })
        })
    }

    /// Asks the running sync to stop before its next request (it then fails with `Cancelled`).
    pub fn cancel_sync(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }

    /// What waits, what the server refused and why, and the last sync. No network.
    pub fn sync_status(self: Arc<Self>) -> Result<SyncStatus, PhumError> {
        self.run(|| {
            let locale = self.locale();
            let store = self.store();
            let sync_error = |e: SyncError| PhumError::from_core(&e, locale);
            let counts = store.data().waiting_counts().map_err(|e| sync_error(e.into()))?;
            let conflicts = store.data().conflicts().map_err(|e| sync_error(e.into()))?.len() as u64;
            let issues = status::refusals(&store, locale.lang)
                .map_err(sync_error)?
                .into_iter()
                .map(|r| RecordIssue {
                    text: Text::said(&r, locale),
                    record_kind: r.record_kind,
                    record_key: r.record_key,
                    field: r.field,
                    severity: r.severity,
                    code: r.code,
                })
                .collect();
            Ok(SyncStatus {
                last_sync: store.sync_value(LAST_SYNC).map_err(core(locale))?,
                waiting: counts.waiting() as u64,
                refused: counts.refused as u64,
                conflicts,
                issues,
                demo: store.is_demo(),
            })
        })
    }
}
