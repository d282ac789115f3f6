//! Sync cursors: small named values a sync keeps between runs (the fingerprint of the last
//! imported metadata, later the watermarks of data downloads), in the `sync_cursor` table
//! (migration 6).
//!
//! Owns reading and writing one cursor by name. Does not own what a cursor means (`sync`).

use rusqlite::{params, OptionalExtension};

use super::{Store, StoreError};

impl Store {
    /// The value of the cursor `name`, if one was set.
    pub fn sync_cursor(&self, name: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn()
            .prepare_cached("SELECT value FROM sync_cursor WHERE name = ?1")?
            .query_row([name], |r| r.get(0))
            .optional()?)
    }

    /// Sets the cursor `name` to `value`, replacing any value it had.
    pub fn set_sync_cursor(&mut self, name: &str, value: &str) -> Result<(), StoreError> {
        self.conn()
            .prepare_cached(
                "INSERT INTO sync_cursor (name, value) VALUES (?1, ?2)
                 ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            )?
            .execute(params![name, value])?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_reads_back_what_was_set_last_and_others_stay_unset() {
        let mut store = Store::open_in_memory().unwrap();
        assert_eq!(store.sync_cursor("metadata.fingerprint").unwrap(), None);
        store.set_sync_cursor("metadata.fingerprint", "a").unwrap();
        store.set_sync_cursor("metadata.fingerprint", "b").unwrap();
        assert_eq!(store.sync_cursor("metadata.fingerprint").unwrap().as_deref(), Some("b"));
        assert_eq!(store.sync_cursor("events.lastUpdated").unwrap(), None);
    }
}
