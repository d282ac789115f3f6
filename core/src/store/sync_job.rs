//! The sync's own rows: named values (download cursors, the last sync) and the sync in
//! progress (`sync_job`: the phase it reached), so that a sync killed or cancelled goes on from
//! the phase where it stopped.
//!
//! Owns these rows. Does not own what the values mean (`sync`).

use rusqlite::{params, OptionalExtension};

use super::{Store, StoreError};
use crate::model::Timestamp;

/// The sync in progress as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredJob {
    pub phase: String,
    pub started_at: String,
}

impl Store {
    /// A named value of the sync (`sync_cursor`), if set.
    pub fn sync_value(&self, name: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn()
            .prepare_cached("SELECT value FROM sync_cursor WHERE name = ?1")?
            .query_row([name], |r| r.get(0))
            .optional()?)
    }

    pub fn set_sync_value(&self, name: &str, value: &str) -> Result<(), StoreError> {
        self.conn()
            .prepare_cached("INSERT OR REPLACE INTO sync_cursor (name, value) VALUES (?1, ?2)")?
            .execute([name, value])?;
        Ok(())
    }

    /// The sync in progress, if one was started and not finished.
    pub fn sync_job(&self) -> Result<Option<StoredJob>, StoreError> {
        Ok(self
            .conn()
            .query_row("SELECT phase, started_at FROM sync_job WHERE id = 1", [], |r| {
                Ok(StoredJob { phase: r.get(0)?, started_at: r.get(1)? })
            })
            .optional()?)
    }

    /// Records the phase a sync reached (starting one if none is in progress).
    pub fn set_sync_job(&self, phase: &str, now: Timestamp) -> Result<(), StoreError> {
        self.conn().execute(
            "INSERT INTO sync_job (id, phase, started_at) VALUES (1, ?1, ?2)
             ON CONFLICT (id) DO UPDATE SET phase = excluded.phase",
            params![phase, now.to_string()],
        )?;
        Ok(())
    }

    /// Ends the sync in progress.
    pub fn finish_sync_job(&self) -> Result<(), StoreError> {
        self.conn().execute("DELETE FROM sync_job", [])?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_dates::now;

    #[test]
    fn sync_values_and_the_job_in_progress_are_kept_until_replaced_or_finished() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.sync_value("download.tracker.x").unwrap(), None);
        store.set_sync_value("download.tracker.x", "2026-11-01T09:00:00.000").unwrap();
        store.set_sync_value("download.tracker.x", "2026-11-02T09:00:00.000").unwrap();
        assert_eq!(store.sync_value("download.tracker.x").unwrap().as_deref(), Some("2026-11-02T09:00:00.000"));

        assert_eq!(store.sync_job().unwrap(), None);
        store.set_sync_job("UPLOAD", now()).unwrap();
        store.set_sync_job("DOWNLOAD", now()).unwrap();
        let job = store.sync_job().unwrap().unwrap();
        assert_eq!(job.phase, "DOWNLOAD");
        assert_eq!(job.started_at, now().to_string(), "the start stays the first phase's");
        store.finish_sync_job().unwrap();
        assert_eq!(store.sync_job().unwrap(), None);
    }
}
