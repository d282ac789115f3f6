//! The local database: one SQLite file per account (demo mode has its own), encrypted at rest
//! with SQLCipher, in WAL mode with foreign keys on. Writes take the write lock first (IMMEDIATE
//! transactions), so a second connection (a sync running beside the capture screens) waits for
//! it instead of failing.
//!
//! Owns opening (key, pragmas, wrong-key detection), the schema and its migrations, the metadata
//! tables, the metadata import, captured data (`data`), the mark of a demo database (`demo`),
//! the account that signed in to it (`credential`) and the sync's own rows (`sync_job`).
//! Does not own where the key comes from (the shell: Android Keystore, or the CLI's key file) or
//! talking to a server (`sync`).

mod account;
mod credential;
pub mod data;
mod demo;
pub mod import;
mod key;
pub mod metadata;
mod schema;
mod sync_job;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

use crate::i18n::{Localize, Message};
use crate::msg;

pub use account::Account;
pub use credential::Credential;
pub use demo::DemoMark;
pub use key::{DbKey, KeyError};
pub use schema::SCHEMA_VERSION;
pub use sync_job::StoredJob;

/// An open account database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The database carries the demo mark (`demo`).
    demo: bool,
}

/// One stored value as [`Store::table_rows`] writes it.
fn cell_text(value: rusqlite::types::ValueRef<'_>) -> String {
    use rusqlite::types::ValueRef;
    match value {
        ValueRef::Null => "NULL".into(),
        ValueRef::Integer(n) => n.to_string(),
        ValueRef::Real(x) => x.to_string(),
        ValueRef::Text(t) => format!("'{}'", String::from_utf8_lossy(t)),
        ValueRef::Blob(b) => format!("blob of {} bytes {:x?}", b.len(), b),
    }
}

/// What can go wrong with the database itself.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    /// [`Store::open_existing`] found no file there.
    NotFound {
        path: PathBuf,
    },
    WrongKeyOrNotADatabase {
        path: PathBuf,
    },
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    Migration {
        path: PathBuf,
        version: i64,
        source: rusqlite::Error,
    },
    /// `message` is the decoder's own text (serde_json's, or why a stored UID is not one).
    CorruptRow {
        collection: String,
        uid: String,
        message: String,
    },
    /// Only an empty database can be made a demo database.
    NotEmptyForDemo {
        path: PathBuf,
    },
    Sql(#[from] rusqlite::Error),
}

/// SQLite's own words go in as a detail: they name what failed (a locked file, a full disk, a
/// constraint), which the person reporting the problem passes on.
impl Localize for StoreError {
    fn message(&self) -> Message {
        match self {
            StoreError::Open { path, source } => {
                msg!("store-open", path = path, detail = source.to_string())
            }
            StoreError::NotFound { path } => msg!("store-not-found", path = path),
            StoreError::WrongKeyOrNotADatabase { path } => msg!("store-wrong-key-or-not-a-database", path = path),
            StoreError::NewerSchema { path, found, known } => {
                msg!("store-newer-schema", path = path, found = found, known = known)
            }
            StoreError::Migration { path, version, source } => {
                msg!("store-migration", path = path, version = version, detail = source.to_string())
            }
            StoreError::CorruptRow { collection, uid, message } => {
                msg!("store-corrupt-row", collection = collection, uid = uid, detail = message)
            }
            StoreError::NotEmptyForDemo { path } => msg!("store-not-empty-for-demo", path = path),
            StoreError::Sql(e) => msg!("store-sql", detail = e.to_string()),
        }
    }
}
crate::english_display!(StoreError);

impl Store {
    /// Opens (creating if needed) the database at `path`. With a key the file is encrypted by
    /// SQLCipher; `None` opens a plain SQLite file (benchmarks and debugging only).
    pub fn open(path: &Path, key: Option<&DbKey>) -> Result<Store, StoreError> {
        let conn = Connection::open(path).map_err(|source| StoreError::Open { path: path.to_path_buf(), source })?;
        Store::init(conn, path.to_path_buf(), key)
    }

    /// Opens the database at `path` like [`Store::open`], but never creates one: a missing file
    /// is [`StoreError::NotFound`] and nothing is written to the file system.
    pub fn open_existing(path: &Path, key: Option<&DbKey>) -> Result<Store, StoreError> {
        if !path.is_file() {
            return Err(StoreError::NotFound { path: path.to_path_buf() });
        }
        // The default flags without SQLITE_OPEN_CREATE: should the file go in between, SQLite
        // refuses instead of making a new one.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|source| StoreError::Open { path: path.to_path_buf(), source })?;
        Store::init(conn, path.to_path_buf(), key)
    }

    /// A private in-memory database (tests).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory()?;
        Store::init(conn, PathBuf::from(":memory:"), None)
    }

    fn init(conn: Connection, path: PathBuf, key: Option<&DbKey>) -> Result<Store, StoreError> {
        // SQLCipher would log a failed key check to stderr; the error returned says it better.
        conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
        if let Some(key) = key {
            // The key is our own hex text, never user input, so formatting it in is safe.
            conn.execute_batch(&format!("PRAGMA key = \"x'{}'\";", key.to_hex()))?;
        }
        // The first read of the header tells a wrong key (or a plain file opened as encrypted,
        // or any other file) apart from a good one.
        match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)) {
            Ok(_) => {}
            Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == ErrorCode::NotADatabase => {
                return Err(StoreError::WrongKeyOrNotADatabase { path });
            }
            Err(e) => return Err(StoreError::Open { path, source: e }),
        }
        if path.as_os_str() != ":memory:" {
            conn.pragma_update(None, "journal_mode", "WAL")?;
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // FULL: a saved value survives power loss too, not only a killed process.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // Room for every statement the store prepares with `prepare_cached` (rusqlite keeps 16
        // by default): a download cycles through about 40 per person, and a statement that
        // falls out of the cache is parsed again for the next row.
        conn.set_prepared_statement_cache_capacity(256);
        let mut store = Store { conn, path, demo: false };
        schema::migrate(&mut store.conn, &store.path)?;
        store.demo = demo::is_marked(&store.conn)?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Closes the database with everything in its file: the write-ahead log is checkpointed
    /// into it and removed, so the file can be copied or replaced.
    pub fn close(self) -> Result<(), StoreError> {
        self.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        self.conn.close().map_err(|(_, e)| StoreError::Sql(e))
    }

    /// The schema version of the open database (always [`SCHEMA_VERSION`] after `open`).
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// SQLite's own consistency checks (page structure, indexes, foreign keys); empty when the
    /// database is sound.
    pub fn check_integrity(&self) -> Result<Vec<String>, StoreError> {
        let mut problems: Vec<String> = self
            .conn
            .prepare("PRAGMA integrity_check")?
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<Result<_, _>>()?;
        problems.retain(|p| p != "ok");
        let mut fk = self.conn.prepare("PRAGMA foreign_key_check")?;
        let rows =
            fk.query_map([], |r| Ok(format!("foreign key: {} row {}", r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        for row in rows {
            problems.push(row?);
        }
        Ok(problems)
    }

    /// Every row of every table as one line of text (`event: 'DmEv0000001' | 3 | NULL`), each
    /// table's rows sorted, after the schema version: two databases with the same lines hold the
    /// same data. For comparing two states of a database (a demo reset against its first
    /// opening), never for reading records.
    pub fn table_rows(&self) -> Result<Vec<String>, StoreError> {
        let tables: Vec<String> = self
            .conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let mut out = vec![format!("user_version {}", self.schema_version()?)];
        for table in tables {
            let mut stmt = self.conn.prepare(&format!("SELECT * FROM \"{table}\""))?;
            let columns = stmt.column_count();
            let mut rows: Vec<String> = stmt
                .query_map([], |r| {
                    let cells = (0..columns).map(|i| r.get_ref(i).map(cell_text)).collect::<Result<Vec<_>, _>>()?;
                    Ok(format!("{table}: {}", cells.join(" | ")))
                })?
                .collect::<Result<_, _>>()?;
            rows.sort();
            out.extend(rows);
        }
        Ok(out)
    }

    /// Runs `f` with a page cache of `kib` KiB (SQLite's `cache_size`), then puts the previous
    /// size back, whatever `f` returned: for bulk writes (a download of thousands of records),
    /// where a small cache reads and decrypts the same index pages again and again.
    pub fn with_page_cache<T>(&mut self, kib: i64, f: impl FnOnce(&mut Store) -> T) -> Result<T, StoreError> {
        let previous: i64 = self.conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        self.conn.pragma_update(None, "cache_size", -kib)?;
        let out = f(self);
        self.conn.pragma_update(None, "cache_size", previous)?;
        Ok(out)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Captured data, each statement on its own.
    pub fn data(&self) -> data::tracker::Data<'_> {
        data::tracker::Data { conn: &self.conn }
    }

    /// Runs `f` in one transaction: committed when it returns `Ok`, rolled back otherwise (and
    /// when it panics), so a failed step changes nothing. Inside [`Store::atomically`] it is a
    /// savepoint of the caller's transaction: its writes last only if the whole call succeeds.
    pub fn write<T, E: From<data::DataError>>(
        &mut self,
        f: impl FnOnce(&data::tracker::Data<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        let sql = |e: rusqlite::Error| E::from(data::DataError::from(e));
        if self.conn.is_autocommit() {
            // IMMEDIATE: the write lock is taken first, waiting (busy timeout) for another
            // connection's write to end, instead of a read that later fails to become a write.
            let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(sql)?;
            let out = f(&data::tracker::Data { conn: &tx })?;
            tx.commit().map_err(sql)?;
            return Ok(out);
        }
        let sp = self.conn.savepoint().map_err(sql)?;
        let out = f(&data::tracker::Data { conn: &sp })?;
        sp.commit().map_err(sql)?;
        Ok(out)
    }

    /// Runs `f`, which may read and write the store as it likes (each [`Store::write`] in it
    /// included), as ONE transaction: everything it wrote is committed when it returns `Ok`, and
    /// nothing is left when it returns an error or panics. For calls that write and then go on to
    /// read what they wrote and can still fail: creating a record and opening its form.
    pub fn atomically<T, E: From<data::DataError>>(
        &mut self,
        f: impl FnOnce(&mut Store) -> Result<T, E>,
    ) -> Result<T, E> {
        let sql = |e: rusqlite::Error| E::from(data::DataError::from(e));
        // Outermost: an IMMEDIATE transaction (see `write`); inside another: a savepoint.
        let outermost = self.conn.is_autocommit();
        let (begin, end, rollback) = if outermost {
            ("BEGIN IMMEDIATE", "COMMIT", "ROLLBACK")
        } else {
            ("SAVEPOINT phum_call", "RELEASE phum_call", "ROLLBACK TO phum_call; RELEASE phum_call")
        };
        self.conn.execute_batch(begin).map_err(sql)?;
        let undo = |conn: &Connection| {
            // Failing to undo leaves SQLite to roll the open transaction back when the
            // connection closes; nothing of it was committed.
            let _ = conn.execute_batch(rollback);
        };
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(self))) {
            Ok(Ok(out)) => match self.conn.execute_batch(end) {
                Ok(()) => Ok(out),
                Err(e) => {
                    undo(&self.conn);
                    Err(sql(e))
                }
            },
            Ok(Err(e)) => {
                undo(&self.conn);
                Err(e)
            }
            Err(panic) => {
                undo(&self.conn);
                std::panic::resume_unwind(panic)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn probes(store: &Store) -> i64 {
        store
            .conn()
            .query_row("SELECT COUNT(*) FROM metadata_singleton WHERE name LIKE 'probe%'", [], |r| r.get(0))
            .unwrap()
    }

    fn probe(store: &mut Store, name: &str) -> Result<(), data::DataError> {
        store.write(|d| {
            d.conn.execute("INSERT INTO metadata_singleton(name, body) VALUES (?1, '1')", [name])?;
            Ok(())
        })
    }

    #[test]
    fn an_atomic_call_keeps_all_its_writes_or_none() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .atomically(|s| {
                probe(s, "probe-a")?;
                probe(s, "probe-b")
            })
            .unwrap();
        assert_eq!(probes(&store), 2);

        // A later failure undoes the writes that succeeded before it, committed savepoints included.
        let err = store
            .atomically(|s| {
                probe(s, "probe-c")?;
                probe(s, "probe-a")
            })
            .unwrap_err();
        assert!(err.to_string().contains("UNIQUE"), "{err}");
        assert_eq!(probes(&store), 2);

        // A panic inside undoes them too, and the store goes on working.
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _ = store.atomically(|s| -> Result<(), data::DataError> {
                probe(s, "probe-d")?;
                panic!("a bug in the middle of a call");
            });
        }));
        assert!(panicked.is_err());
        assert_eq!(probes(&store), 2);
        probe(&mut store, "probe-e").unwrap();
        assert_eq!(probes(&store), 3);
        assert!(store.conn().is_autocommit(), "no transaction is left open");
    }

    #[test]
    fn two_connections_writing_at_once_wait_for_each_other_instead_of_failing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shared.db");
        drop(Store::open(&path, None).unwrap());
        let writer = |prefix: &'static str, path: PathBuf| {
            std::thread::spawn(move || {
                let mut store = Store::open(&path, None).unwrap();
                for i in 0..40 {
                    store
                        .atomically(|s| {
                            // A read first, then a write, with the other connection committing
                            // in between: the case a deferred transaction fails on.
                            probes(s);
                            std::thread::sleep(std::time::Duration::from_millis(1));
                            probe(s, &format!("probe-{prefix}-{i}"))
                        })
                        .unwrap();
                }
            })
        };
        let a = writer("a", path.clone());
        let b = writer("b", path.clone());
        a.join().unwrap();
        b.join().unwrap();
        assert_eq!(probes(&Store::open(&path, None).unwrap()), 80);
    }

    #[test]
    fn encrypted_database_is_not_plain_sqlite_and_needs_its_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("account.db");
        let key = DbKey::generate();
        {
            let store = Store::open(&path, Some(&key)).unwrap();
            store
                .conn()
                .execute("INSERT INTO metadata_singleton(name, body) VALUES ('probe', '\"secret-marker\"')", [])
                .unwrap();
        }
        let bytes = std::fs::read(&path).unwrap();
        assert!(!bytes.starts_with(b"SQLite format 3\0"), "header must be encrypted");
        assert!(!bytes.windows(13).any(|w| w == b"secret-marker"), "content must be encrypted");

        assert!(matches!(Store::open(&path, None), Err(StoreError::WrongKeyOrNotADatabase { .. })));
        let wrong = DbKey::generate();
        let err = Store::open(&path, Some(&wrong)).err().unwrap();
        assert!(matches!(err, StoreError::WrongKeyOrNotADatabase { .. }));
        assert!(err.to_string().contains("account.db"), "{err}");

        let store = Store::open(&path, Some(&key)).unwrap();
        assert!(store.check_integrity().unwrap().is_empty());
        let body: String =
            store.conn().query_row("SELECT body FROM metadata_singleton WHERE name='probe'", [], |r| r.get(0)).unwrap();
        assert_eq!(body, "\"secret-marker\"");
    }

    #[test]
    fn a_file_that_is_not_a_database_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.txt");
        std::fs::write(
            &path,
            "this is not a database, just text that is long enough to fill a header page ".repeat(20),
        )
        .unwrap();
        let before = std::fs::read(&path).unwrap();
        assert!(matches!(Store::open(&path, Some(&DbKey::generate())), Err(StoreError::WrongKeyOrNotADatabase { .. })));
        assert!(matches!(Store::open(&path, None), Err(StoreError::WrongKeyOrNotADatabase { .. })));
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn opening_an_existing_database_never_creates_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("absent.db");
        let err = Store::open_existing(&path, Some(&DbKey::generate())).err().unwrap();
        assert!(matches!(err, StoreError::NotFound { .. }), "{err}");
        assert_eq!(err.to_string(), format!("there is no database at {}", path.display()));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "nothing may be created");

        let key = DbKey::generate();
        drop(Store::open(&path, Some(&key)).unwrap());
        let store = Store::open_existing(&path, Some(&key)).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        assert!(matches!(Store::open_existing(&path, None), Err(StoreError::WrongKeyOrNotADatabase { .. })));
    }

    #[test]
    fn plain_database_opens_without_key_and_uses_wal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plain.db");
        let store = Store::open(&path, None).unwrap();
        let mode: String = store.conn().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = store.conn().query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
        assert_eq!(fk, 1);
        drop(store);
        assert!(std::fs::read(&path).unwrap().starts_with(b"SQLite format 3\0"));
    }

    #[test]
    fn every_store_error_variant_renders_in_both_languages() {
        use crate::i18n::catalogue_tests::assert_renders_in_both;
        let path = PathBuf::from("/data/phum/account.db");
        let sqlite = || rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(14), None);
        let samples = [
            StoreError::Open { path: path.clone(), source: sqlite() },
            StoreError::NotFound { path: path.clone() },
            StoreError::WrongKeyOrNotADatabase { path: path.clone() },
            StoreError::NewerSchema { path: path.clone(), found: 9, known: 4 },
            StoreError::Migration { path: path.clone(), version: 3, source: sqlite() },
            StoreError::CorruptRow {
                collection: "programs".into(),
                uid: "PhumImmProg".into(),
                message: "missing field `id`".into(),
            },
            StoreError::NotEmptyForDemo { path: path.clone() },
            StoreError::Sql(rusqlite::Error::QueryReturnedNoRows),
        ];
        let name = |e: &StoreError| match e {
            StoreError::Open { .. } => "Open",
            StoreError::NotFound { .. } => "NotFound",
            StoreError::WrongKeyOrNotADatabase { .. } => "WrongKeyOrNotADatabase",
            StoreError::NewerSchema { .. } => "NewerSchema",
            StoreError::Migration { .. } => "Migration",
            StoreError::CorruptRow { .. } => "CorruptRow",
            StoreError::NotEmptyForDemo { .. } => "NotEmptyForDemo",
            StoreError::Sql(_) => "Sql",
        };
        assert_eq!(samples.iter().map(name).collect::<std::collections::BTreeSet<_>>().len(), 8);
        for e in &samples {
            assert_renders_in_both(&e.message());
        }
    }
}
