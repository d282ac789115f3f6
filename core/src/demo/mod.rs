//! Demo mode (`core::demo`): the bundled training dataset and the sandbox rules around it.
//!
//! A demo account has its own database file (`Account::Demo`'s file name, in the folder where the
//! shell keeps accounts), encrypted like every account's with a key the shell gives. [`open`]
//! creates it the first time: it marks the empty database as a demo database for good
//! (`store::demo`), imports the bundled metadata through the import a server's answer goes
//! through (`dataset`), writes about 200 practice people with their histories and six months of
//! village reports through the store's capture paths (`people`), and keeps a pristine copy of the
//! result beside it. [`reset`] copies the pristine file back: the exact initial state, in
//! milliseconds. [`rebuild`] makes the data afresh for a new day (as long as a first open).
//!
//! **Days.** The practice data is relative to the day the demo was first opened, its anchor (kept
//! in the demo mark): a child due that day is overdue the next, as in a real health centre, and a
//! class that resets between exercises finds the same data. A trainer who wants "due today" to
//! mean today again calls [`rebuild`] with today's clock.
//!
//! **Never syncs.** The mark cannot be removed, and `sync::connect_target`, the one gate every
//! connection to a server goes through, refuses a marked database; every status the core reports
//! (forms, working lists, dashboards) says `demo`.
//!
//! **Deterministic.** The same today gives the same database: UIDs come from a seeded generator
//! (`model::uid::with_seeded_uids`) and every record is stamped at noon of its own day; only the
//! import log's finish time is the real time.
//!
//! Owns the dataset, the people and the account's files (`account`). Does not own storage,
//! import, scheduling or search: it uses them as captured and synced data does.

mod account;
pub mod dataset;
mod people;

use std::path::PathBuf;

pub use account::{open, pristine_path, rebuild, reset, reset_in_place, DemoOpened};
pub use people::PeopleSummary;

use crate::i18n::{Localize, Message};
use crate::model::uid::with_seeded_uids;
use crate::model::{DeviceClock, Uid};
use crate::msg;
use crate::schedule::ScheduleError;
use crate::search::SearchError;
use crate::store::data::DataError;
use crate::store::import::ImportError;
use crate::store::{Store, StoreError};

/// The seed of the UIDs of the practice records.
const UID_SEED: u64 = 0x0070_6875_6d55_4944;

/// What can go wrong with the demo account.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Reset and rebuild replace a file: never one that holds an account's data.
    NotADemo {
        path: PathBuf,
    },
    NotAFile {
        path: PathBuf,
    },
    NoPristineCopy {
        path: PathBuf,
    },
    MissingStage(Uid),
    Import(#[from] ImportError),
    Store(#[from] StoreError),
    Data(#[from] DataError),
    Schedule(#[from] ScheduleError),
    Search(#[from] SearchError),
}

impl Localize for DemoError {
    fn message(&self) -> Message {
        match self {
            DemoError::Io { path, source } => msg!("demo-error-io", path = path, detail = source.to_string()),
            DemoError::NotADemo { path } => msg!("demo-error-not-a-demo", path = path),
            DemoError::NotAFile { path } => msg!("demo-error-not-a-file", path = path),
            DemoError::NoPristineCopy { path } => msg!("demo-error-no-pristine-copy", path = path),
            DemoError::MissingStage(stage) => msg!("demo-error-missing-stage", stage = stage),
            DemoError::Import(e) => msg!("demo-error-import", reason = e.message()),
            DemoError::Store(e) => e.message(),
            DemoError::Data(e) => e.message(),
            DemoError::Schedule(e) => e.message(),
            DemoError::Search(e) => e.message(),
        }
    }
}
crate::english_display!(DemoError);

impl From<rusqlite::Error> for DemoError {
    fn from(e: rusqlite::Error) -> DemoError {
        DemoError::Store(StoreError::Sql(e))
    }
}

/// Makes `store`, an empty database, the demo database of `clock`'s today: the mark, the bundled
/// metadata, the people and the reports. A file-less store (tests) gets everything but the
/// pristine copy; [`open`] uses this for its files.
pub fn populate(store: &mut Store, clock: &DeviceClock) -> Result<PeopleSummary, DemoError> {
    with_seeded_uids(UID_SEED, || {
        store.mark_demo(clock.today(), dataset::VERSION)?;
        dataset::import(store)?;
        people::write_people(store, clock)
    })
}

#[cfg(test)]
mod tests;
