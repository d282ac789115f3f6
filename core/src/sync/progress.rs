//! How a sync reports where it is and learns that it should stop: the phase, how much of it is
//! done, and an observer the front end implements (the CLI's progress bar, the Android sync
//! screen through a foreign trait).
//!
//! Owns the progress record and the observer trait. Does not own what the phases do (`metadata`,
//! `upload`, `download`) or their order (`run`).

use crate::i18n::{Localize, Message};

/// The parts of a sync, in the order a sync runs them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Phase {
    /// Programs, data sets, org units and everything they use.
    Metadata,
    /// What was captured here goes to the server.
    Upload,
    /// What others captured (and the server changed) comes here.
    Download,
}

impl Phase {
    pub const ALL: [Phase; 3] = [Phase::Metadata, Phase::Upload, Phase::Download];

    /// The name stored in the sync job.
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Metadata => "METADATA",
            Phase::Upload => "UPLOAD",
            Phase::Download => "DOWNLOAD",
        }
    }

    pub fn from_stored(text: &str) -> Option<Phase> {
        Phase::ALL.into_iter().find(|p| p.as_str() == text)
    }
}

impl Localize for Phase {
    fn message(&self) -> Message {
        match self {
            Phase::Metadata => Message::new("sync-phase-metadata"),
            Phase::Upload => Message::new("sync-phase-upload"),
            Phase::Download => Message::new("sync-phase-download"),
        }
    }
}

/// Where a sync is: `done` of `total` steps of `phase` (requests, records or pages, as the
/// phase counts them; `total` may grow as a phase learns how much there is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub phase: Phase,
    pub done: u64,
    pub total: u64,
}

/// The front end's side of a sync. Both methods are called from the syncing thread, between
/// requests: `cancelled` returning true stops the sync with `SyncError::Cancelled` before its
/// next request, with everything done so far kept.
pub trait Observer {
    fn progress(&self, _progress: Progress) {}
    fn cancelled(&self) -> bool {
        false
    }
}

/// An observer that wants nothing (tests, background syncs without a screen).
pub struct Quiet;

impl Observer for Quiet {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_keep_their_stored_names_and_have_names_in_both_languages() {
        for phase in Phase::ALL {
            assert_eq!(Phase::from_stored(phase.as_str()), Some(phase));
            crate::i18n::catalogue_tests::assert_renders_in_both(&phase.message());
        }
        assert_eq!(Phase::from_stored("metadata"), None);
        let index = |p: Phase| match p {
            Phase::Metadata => 0,
            Phase::Upload => 1,
            Phase::Download => 2,
        };
        assert_eq!(Phase::ALL.map(index), [0, 1, 2]);
    }
}
