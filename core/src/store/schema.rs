//! The database schema and its migrations, versioned by SQLite's `user_version`.
//!
//! Owns the table definitions. Migration N turns a version N-1 database into version N; each runs
//! in its own transaction. Does not own what goes into the tables (`metadata`, `import`).

use std::path::Path;

use rusqlite::Connection;

use super::StoreError;

/// Migrations in order; index 0 is version 1.
const MIGRATIONS: &[&str] = &[
    // 1: metadata.
    "
    -- Every stored metadata object of every collection: key columns for lookups, the object
    -- itself as the model serialises it in `body`.
    CREATE TABLE metadata_object (
        collection TEXT NOT NULL,
        uid        TEXT NOT NULL,
        -- The object this one belongs to: the program of a stage, rule or variable, the rule of
        -- an action, the option set of an option, the parent of an org unit, ...
        parent     TEXT,
        code       TEXT,
        name       TEXT,
        -- 1 when it came nested in another object (a data element inside a program stage); a
        -- top-level copy of the same object replaces it.
        embedded   INTEGER NOT NULL DEFAULT 0,
        body       TEXT NOT NULL
    );
    -- A rowid table with a separate key index: bodies are large, and rows go in in import order.
    CREATE UNIQUE INDEX metadata_object_key ON metadata_object (collection, uid);
    CREATE INDEX metadata_object_by_parent ON metadata_object (collection, parent);

    -- Objects that exist once: the signed-in user ('me') and the server ('system').
    CREATE TABLE metadata_singleton (
        name TEXT PRIMARY KEY,
        body TEXT NOT NULL
    );

    -- One row per finished metadata import.
    CREATE TABLE metadata_import (
        id          INTEGER PRIMARY KEY,
        finished_at TEXT NOT NULL,
        sources     TEXT NOT NULL,
        objects     INTEGER NOT NULL
    );
    ",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    migrate_to(conn, path, SCHEMA_VERSION)
}

/// Brings the database to `target` (tests use lower targets to build old databases).
pub(crate) fn migrate_to(conn: &mut Connection, path: &Path, target: i64) -> Result<(), StoreError> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema { path: path.to_path_buf(), found, known: SCHEMA_VERSION });
    }
    for version in (found + 1)..=target {
        let sql = MIGRATIONS[(version - 1) as usize];
        let fail = |source| StoreError::Migration { path: path.to_path_buf(), version, source };
        let tx = conn.transaction().map_err(fail)?;
        tx.execute_batch(sql).map_err(fail)?;
        tx.pragma_update(None, "user_version", version).map_err(fail)?;
        tx.commit().map_err(fail)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{DbKey, Store};

    fn tables(store: &Store) -> Vec<String> {
        let mut stmt = store.conn().prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
    }

    #[test]
    fn a_database_of_every_earlier_version_opens_and_reaches_the_current_schema() {
        let fresh = Store::open_in_memory().unwrap();
        let want = tables(&fresh);
        for version in 0..SCHEMA_VERSION {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join(format!("v{version}.db"));
            let key = DbKey::generate();
            {
                let conn = Connection::open(&path).unwrap();
                conn.execute_batch(&format!("PRAGMA key = \"x'{}'\";", key.to_hex())).unwrap();
                let mut conn = conn;
                migrate_to(&mut conn, &path, version).unwrap();
                let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
                assert_eq!(v, version);
            }
            let store = Store::open(&path, Some(&key)).unwrap();
            assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION, "from version {version}");
            assert_eq!(tables(&store), want, "from version {version}");
        }
    }

    #[test]
    fn a_database_from_a_newer_app_is_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("newer.db");
        {
            let conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "user_version", SCHEMA_VERSION + 5).unwrap();
        }
        let err = Store::open(&path, None).err().unwrap();
        assert!(matches!(err, StoreError::NewerSchema { found, .. } if found == SCHEMA_VERSION + 5), "{err}");
        let conn = Connection::open(&path).unwrap();
        let n: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 0);
    }
}
