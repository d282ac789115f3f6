//! The database schema and its migrations, versioned by SQLite's `user_version`.
//!
//! Owns the table definitions. Migration N turns a version N-1 database into version N; each runs
//! in its own transaction. Does not own what goes into the tables (`metadata`, `import`, `data`).

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
    // 2: captured data. Every record has a client-generated UID, created/updated timestamps
    // (ISO 8601 with milliseconds: the device's local time with its UTC offset, as
    // `2026-03-02T01:30:00.000+07:00`; rows written before offsets were kept hold UTC without
    // one) and a sync state: TO_POST (never sent), TO_UPDATE (changed
    // since sent), UPLOADING, SYNCED, WARNING, ERROR. `deleted` marks a record whose deletion
    // must still reach the server.
    "
    CREATE TABLE tracked_entity (
        uid                 TEXT PRIMARY KEY,
        tracked_entity_type TEXT NOT NULL,
        org_unit            TEXT NOT NULL,
        created             TEXT NOT NULL,
        updated             TEXT NOT NULL,
        sync_state          TEXT NOT NULL,
        deleted             INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX tracked_entity_by_org_unit ON tracked_entity (org_unit);

    CREATE TABLE attribute_value (
        tracked_entity TEXT NOT NULL REFERENCES tracked_entity (uid) ON DELETE CASCADE,
        attribute      TEXT NOT NULL,
        value          TEXT NOT NULL,
        created        TEXT NOT NULL,
        updated        TEXT NOT NULL,
        PRIMARY KEY (tracked_entity, attribute)
    ) WITHOUT ROWID;
    CREATE INDEX attribute_value_by_value ON attribute_value (attribute, value);

    CREATE TABLE enrollment (
        uid             TEXT PRIMARY KEY,
        tracked_entity  TEXT NOT NULL REFERENCES tracked_entity (uid) ON DELETE CASCADE,
        program         TEXT NOT NULL,
        org_unit        TEXT NOT NULL,
        enrollment_date TEXT NOT NULL,
        incident_date   TEXT NOT NULL,
        status          TEXT NOT NULL,
        completed_date  TEXT,
        created         TEXT NOT NULL,
        updated         TEXT NOT NULL,
        sync_state      TEXT NOT NULL,
        deleted         INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX enrollment_by_tracked_entity ON enrollment (tracked_entity);
    CREATE INDEX enrollment_by_program ON enrollment (program, org_unit);

    CREATE TABLE event (
        uid                    TEXT PRIMARY KEY,
        enrollment             TEXT REFERENCES enrollment (uid) ON DELETE CASCADE,
        program                TEXT NOT NULL,
        program_stage          TEXT NOT NULL,
        org_unit               TEXT NOT NULL,
        status                 TEXT NOT NULL,
        event_date             TEXT,
        due_date               TEXT,
        completed_date         TEXT,
        attribute_option_combo TEXT,
        created                TEXT NOT NULL,
        updated                TEXT NOT NULL,
        sync_state             TEXT NOT NULL,
        deleted                INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX event_by_enrollment ON event (enrollment);
    CREATE INDEX event_by_program ON event (program, org_unit, status);

    CREATE TABLE event_data_value (
        event              TEXT NOT NULL REFERENCES event (uid) ON DELETE CASCADE,
        data_element       TEXT NOT NULL,
        value              TEXT NOT NULL,
        provided_elsewhere INTEGER NOT NULL DEFAULT 0,
        created            TEXT NOT NULL,
        updated            TEXT NOT NULL,
        PRIMARY KEY (event, data_element)
    ) WITHOUT ROWID;

    CREATE TABLE aggregate_value (
        data_element           TEXT NOT NULL,
        period                 TEXT NOT NULL,
        org_unit               TEXT NOT NULL,
        category_option_combo  TEXT NOT NULL,
        attribute_option_combo TEXT NOT NULL,
        value                  TEXT,
        comment                TEXT,
        follow_up              INTEGER NOT NULL DEFAULT 0,
        created                TEXT NOT NULL,
        updated                TEXT NOT NULL,
        sync_state             TEXT NOT NULL,
        deleted                INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (data_element, period, org_unit, category_option_combo, attribute_option_combo)
    ) WITHOUT ROWID;
    CREATE INDEX aggregate_value_by_form ON aggregate_value (period, org_unit, attribute_option_combo);

    CREATE TABLE data_set_completion (
        data_set               TEXT NOT NULL,
        period                 TEXT NOT NULL,
        org_unit               TEXT NOT NULL,
        attribute_option_combo TEXT NOT NULL,
        completed              INTEGER NOT NULL,
        completed_at           TEXT NOT NULL,
        completed_by           TEXT,
        sync_state             TEXT NOT NULL,
        PRIMARY KEY (data_set, period, org_unit, attribute_option_combo)
    ) WITHOUT ROWID;
    ",
    // 3: the local search index (`search::index`). Tokens and normalised values of attribute
    // values; rows go with their person (cascade) and with a changed or removed value
    // (triggers), so the index never holds a stale value; `search::index` adds the new ones.
    "
    CREATE TABLE search_token (
        token          TEXT NOT NULL,
        attribute      TEXT NOT NULL,
        tracked_entity TEXT NOT NULL REFERENCES tracked_entity (uid) ON DELETE CASCADE,
        PRIMARY KEY (attribute, token, tracked_entity)
    ) WITHOUT ROWID;
    CREATE INDEX search_token_by_person ON search_token (tracked_entity, token);

    CREATE TABLE search_value (
        tracked_entity TEXT NOT NULL REFERENCES tracked_entity (uid) ON DELETE CASCADE,
        attribute      TEXT NOT NULL,
        norm           TEXT NOT NULL,
        PRIMARY KEY (tracked_entity, attribute)
    ) WITHOUT ROWID;
    CREATE INDEX search_value_by_norm ON search_value (attribute, norm);

    CREATE TRIGGER search_forget_changed_value AFTER UPDATE OF value ON attribute_value
    WHEN new.value IS NOT old.value
    BEGIN
        DELETE FROM search_token WHERE tracked_entity = old.tracked_entity AND attribute = old.attribute;
        DELETE FROM search_value WHERE tracked_entity = old.tracked_entity AND attribute = old.attribute;
    END;
    CREATE TRIGGER search_forget_removed_value AFTER DELETE ON attribute_value
    BEGIN
        DELETE FROM search_token WHERE tracked_entity = old.tracked_entity AND attribute = old.attribute;
        DELETE FROM search_value WHERE tracked_entity = old.tracked_entity AND attribute = old.attribute;
    END;
    ",
    // 4: the rule engine's context of an event-program event is read around it by date
    // (`data::rule_queries`): the index serves the range and the order, so opening a form reads
    // about 20 events whatever the number at the health centre.
    "
    CREATE INDEX event_by_stage_date ON event (program_stage, org_unit, event_date);
    ",
    // 5: the demo mark (`store::demo`): one row in a database that holds the bundled training
    // data, saying so for as long as the file exists. It can be neither removed nor changed, so
    // a demo database never turns into one that `sync` would connect.
    "
    CREATE TABLE demo_account (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        -- The day the practice data is relative to (ISO date).
        anchor_date TEXT NOT NULL,
        -- Which bundled dataset it holds.
        dataset     TEXT NOT NULL
    );
    CREATE TRIGGER demo_account_stays BEFORE DELETE ON demo_account
    BEGIN
        SELECT RAISE(ABORT, 'a demo database stays a demo database');
    END;
    CREATE TRIGGER demo_account_unchanged BEFORE UPDATE ON demo_account
    BEGIN
        SELECT RAISE(ABORT, 'a demo database stays a demo database');
    END;
    ",
    // 6: sync with a DHIS2 server (`sync`; rows written by `data::outbox`, `data::inbox` and
    // `sync_log`).
    "
    -- The server's updatedAt of a record as last received or confirmed (its own clock, as it
    -- writes it): what an incremental download compares against.
    ALTER TABLE tracked_entity ADD COLUMN server_updated TEXT;
    ALTER TABLE enrollment ADD COLUMN server_updated TEXT;
    ALTER TABLE event ADD COLUMN server_updated TEXT;

    -- A value cleared on a record the server may already have. DHIS2 deletes a value only when
    -- it is sent empty, so the clearing is kept here, and sent, until the server has it; setting
    -- the value again removes the row.
    CREATE TABLE cleared_attribute_value (
        tracked_entity TEXT NOT NULL REFERENCES tracked_entity (uid) ON DELETE CASCADE,
        attribute      TEXT NOT NULL,
        cleared_at     TEXT NOT NULL,
        PRIMARY KEY (tracked_entity, attribute)
    ) WITHOUT ROWID;
    CREATE TABLE cleared_data_value (
        event        TEXT NOT NULL REFERENCES event (uid) ON DELETE CASCADE,
        data_element TEXT NOT NULL,
        cleared_at   TEXT NOT NULL,
        PRIMARY KEY (event, data_element)
    ) WITHOUT ROWID;

    -- What the server said about a record it refused (or took with warnings) in the last upload
    -- that carried it: its code (E1007), its own words, and the field it names. A record's rows
    -- are replaced by the next answer about it.
    CREATE TABLE sync_error (
        id          INTEGER PRIMARY KEY,
        -- tracked_entity, enrollment, event, aggregate_value or data_set_completion.
        record_kind TEXT NOT NULL,
        -- The UID; for aggregate values data_element/period/org_unit/category_option_combo/
        -- attribute_option_combo, for completions data_set/period/org_unit/attribute_option_combo.
        record_key  TEXT NOT NULL,
        -- ERROR or WARNING.
        severity    TEXT NOT NULL,
        code        TEXT NOT NULL,
        message     TEXT NOT NULL,
        -- The report's arguments (a JSON array of text), for the localised sentence.
        args        TEXT NOT NULL,
        field       TEXT,
        at          TEXT NOT NULL
    );
    CREATE INDEX sync_error_by_record ON sync_error (record_kind, record_key);

    -- A server version of a record that a download could not take because the record had local
    -- changes waiting: both are kept, the local one is sent, and this one is shown.
    CREATE TABLE sync_conflict (
        record_kind    TEXT NOT NULL,
        uid            TEXT NOT NULL,
        server_updated TEXT,
        server_body    TEXT NOT NULL,
        found_at       TEXT NOT NULL,
        PRIMARY KEY (record_kind, uid)
    ) WITHOUT ROWID;

    -- Named values of the sync: download cursors (the server's clock at the start of the last
    -- complete download of a program at an org unit), the metadata's fingerprint, the last sync.
    CREATE TABLE sync_cursor (
        name  TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;

    -- The sync in progress, if any: the phase it reached, so that a killed or cancelled sync
    -- goes on from there (within a phase, record states and download cursors say what is done).
    CREATE TABLE sync_job (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        phase      TEXT NOT NULL,
        started_at TEXT NOT NULL
    );

    -- The account this database belongs to and how to check its password offline: a salted
    -- argon2id hash (PHC string), never the password. NULL for an account signed in with a
    -- personal access token.
    CREATE TABLE credential (
        id             INTEGER PRIMARY KEY CHECK (id = 1),
        server_url     TEXT NOT NULL,
        username       TEXT NOT NULL,
        password_hash  TEXT,
        user_uid       TEXT,
        server_version TEXT,
        signed_in_at   TEXT NOT NULL
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
