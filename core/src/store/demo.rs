//! The demo mark: whether a database holds the bundled training data (table `demo_account`,
//! migration 5). A demo database is marked once, while it is still empty, and stays marked for as
//! long as the file exists: the table's triggers refuse to remove or change the row, so no later
//! write can turn practice data into data that `sync` would send.
//!
//! Owns the mark: writing it, reading it, and the flag [`Store::is_demo`] that every status the
//! core reports copies. Does not own what a demo database holds (`demo`) or refusing to connect
//! one to a server (`sync`).

use chrono::NaiveDate as Date;
use rusqlite::{Connection, OptionalExtension};

use super::{Store, StoreError};
use crate::expr::value::{iso_date, parse_iso_date};

/// What the mark of a demo database says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoMark {
    /// The day the practice data was made relative to ("due today" on that day).
    pub anchor_date: Date,
    /// Which bundled dataset it holds (`demo::dataset::VERSION`).
    pub dataset: String,
}

/// Whether the database on `conn` carries the demo mark.
pub(super) fn is_marked(conn: &Connection) -> Result<bool, StoreError> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM demo_account)", [], |r| r.get(0))?)
}

impl Store {
    /// Whether this is a demo database: practice data that must never reach a server. Read when
    /// the database is opened; every status the core reports (forms, working lists, dashboards)
    /// carries it.
    pub fn is_demo(&self) -> bool {
        self.demo
    }

    /// The demo mark, or `None` for a server account's database.
    pub fn demo_mark(&self) -> Result<Option<DemoMark>, StoreError> {
        let row: Option<(String, String)> = self
            .conn
            .query_row("SELECT anchor_date, dataset FROM demo_account", [], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((anchor, dataset)) = row else { return Ok(None) };
        let anchor_date = parse_iso_date(&anchor).ok_or_else(|| StoreError::CorruptRow {
            collection: "demo_account".into(),
            uid: "1".into(),
            message: format!("anchor date '{anchor}' is not an ISO date"),
        })?;
        Ok(Some(DemoMark { anchor_date, dataset }))
    }

    /// Marks this database as a demo database for good. Only an empty database (no metadata, no
    /// captured data, not marked yet) can be marked: a server account's data must never become
    /// practice data that can no longer be sent.
    pub(crate) fn mark_demo(&mut self, anchor_date: Date, dataset: &str) -> Result<(), StoreError> {
        let used: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM metadata_object) OR EXISTS (SELECT 1 FROM metadata_singleton)
                 OR EXISTS (SELECT 1 FROM tracked_entity) OR EXISTS (SELECT 1 FROM event)
                 OR EXISTS (SELECT 1 FROM aggregate_value) OR EXISTS (SELECT 1 FROM demo_account)",
            [],
            |r| r.get(0),
        )?;
        if used {
            return Err(StoreError::NotEmptyForDemo { path: self.path.clone() });
        }
        self.conn.execute(
            "INSERT INTO demo_account (id, anchor_date, dataset) VALUES (1, ?1, ?2)",
            (iso_date(anchor_date), dataset),
        )?;
        self.demo = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::DbKey;
    use crate::test_dates::ymd;

    #[test]
    fn a_marked_database_says_so_after_reopening_and_the_mark_cannot_be_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.db");
        let key = DbKey::generate();
        {
            let mut store = Store::open(&path, Some(&key)).unwrap();
            assert!(!store.is_demo());
            assert_eq!(store.demo_mark().unwrap(), None);
            store.mark_demo(ymd(2026, 12, 5), "1").unwrap();
            assert!(store.is_demo());
        }
        let store = Store::open_existing(&path, Some(&key)).unwrap();
        assert!(store.is_demo());
        assert_eq!(store.demo_mark().unwrap(), Some(DemoMark { anchor_date: ymd(2026, 12, 5), dataset: "1".into() }));
        for sql in ["DELETE FROM demo_account", "UPDATE demo_account SET anchor_date = '2020-01-01'"] {
            let err = store.conn().execute_batch(sql).unwrap_err();
            assert!(err.to_string().contains("stays a demo database"), "{sql}: {err}");
        }
        assert!(store.demo_mark().unwrap().is_some());
    }

    #[test]
    fn only_an_empty_database_can_become_a_demo() {
        let mut store = Store::open_in_memory().unwrap();
        store.conn().execute("INSERT INTO metadata_singleton (name, body) VALUES ('me', '{}')", []).unwrap();
        let err = store.mark_demo(ymd(2026, 12, 5), "1").unwrap_err();
        assert!(matches!(err, StoreError::NotEmptyForDemo { .. }), "{err}");
        assert!(!store.is_demo());
        assert_eq!(store.demo_mark().unwrap(), None);

        let mut fresh = Store::open_in_memory().unwrap();
        fresh.mark_demo(ymd(2026, 12, 5), "1").unwrap();
        assert!(matches!(fresh.mark_demo(ymd(2026, 12, 6), "1"), Err(StoreError::NotEmptyForDemo { .. })));
    }
}
