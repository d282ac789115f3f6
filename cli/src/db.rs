//! Opening the account database from the command line's options: the options themselves
//! (`--db`, `--key-file`, `--unencrypted`, offered only by the commands that open a database),
//! which key, and the key file (`<db>.key`, mode 0600) that a new encrypted database gets.
//!
//! Only `metadata import` creates a database; every other command opens an existing one and
//! creates nothing. A new database whose first import fails is removed again, with the key file
//! made for it, so that a failed command leaves nothing behind; a database or key that was there
//! before is never removed.
//!
//! Owns the key file, those two rules, removing a database's files, and the default folder of
//! phum's own databases (`data_dir`: the demo's, the accounts'). Does not own the database itself (`phum_core::store`).

use std::io::Write;
use std::path::{Path, PathBuf};

use phum_core::store::{DbKey, Store};

use crate::error::CliError;

/// The options of a command that opens the account database.
#[derive(clap::Args)]
pub struct DbArgs {
    /// The account database (one file per account).
    #[arg(long, default_value = "phum.db")]
    pub db: PathBuf,
    /// The file holding the database key (64 hex digits); default: <db>.key.
    #[arg(long)]
    pub key_file: Option<PathBuf>,
    /// A database without encryption, and no key file (benchmarks and debugging only).
    #[arg(long, conflicts_with = "key_file")]
    pub unencrypted: bool,
}

/// Files that [`DbArgs::open_or_create`] made, to be removed when the command that needed them
/// fails.
#[must_use]
pub struct Created {
    db: Option<PathBuf>,
    key: Option<PathBuf>,
}

impl Created {
    /// Removes the new database (with its `-wal` and `-shm` files) and the new key file.
    /// The store must be closed first.
    pub fn remove(self) {
        if let Some(db) = &self.db {
            remove_database(db);
        }
        if let Some(key) = &self.key {
            let _ = std::fs::remove_file(key);
        }
    }
}

/// Removes a closed database file with its `-wal`, `-shm` and `-journal` files.
pub(crate) fn remove_database(db: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

/// The key file a database gets when none is named: `<db>.key`.
pub(crate) fn default_key_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".key");
    PathBuf::from(name)
}

/// Where `phum` keeps its own databases (`demo`, `accounts`) when no folder is given:
/// `$XDG_DATA_HOME/phum/<name>`, else `~/.local/share/phum/<name>`.
pub(crate) fn data_dir(name: &str) -> PathBuf {
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."));
    data.join("phum").join(name)
}

impl DbArgs {
    /// The key file in use, `None` with `--unencrypted`.
    fn key_path(&self) -> Option<PathBuf> {
        if self.unencrypted {
            return None;
        }
        Some(self.key_file.clone().unwrap_or_else(|| default_key_path(&self.db)))
    }

    /// The folder the database is in must exist (a clearer message than a missing key file).
    fn check_folder(&self) -> Result<(), CliError> {
        match self.db.parent() {
            Some(folder) if !folder.as_os_str().is_empty() && !folder.is_dir() => {
                Err(CliError::NoFolder { db: self.db.clone(), folder: folder.to_path_buf() })
            }
            _ => Ok(()),
        }
    }

    /// Opens the database that is there; creates nothing (read-only commands, form run).
    pub fn open_existing(&self) -> Result<Store, CliError> {
        self.check_folder()?;
        if !self.db.is_file() {
            return Err(CliError::NoDatabase { db: self.db.clone() });
        }
        let key = match self.key_path() {
            None => None,
            Some(path) => Some(read_key(&path)?.ok_or_else(|| self.key_missing(&path))?),
        };
        Ok(Store::open_existing(&self.db, key.as_ref())?)
    }

    /// Opens the database, creating it (and its key file) if there is none yet; the returned
    /// [`Created`] says what was made.
    pub fn open_or_create(&self) -> Result<(Store, Created), CliError> {
        self.check_folder()?;
        let db_existed = self.db.exists();
        let mut created = Created { db: (!db_existed).then(|| self.db.clone()), key: None };
        let key = match self.key_path() {
            None => None,
            Some(path) => match read_key(&path)? {
                Some(key) => Some(key),
                None => {
                    // A database with data and no key cannot be opened: never make a new key
                    // for it. An empty file (created but never written) can take a new one.
                    let db_has_data = std::fs::metadata(&self.db).map(|m| m.len() > 0).unwrap_or(false);
                    if db_has_data {
                        return Err(self.key_missing(&path));
                    }
                    let key = write_new_key(&path)?;
                    created.key = Some(path);
                    Some(key)
                }
            },
        };
        match Store::open(&self.db, key.as_ref()) {
            Ok(store) => Ok((store, created)),
            Err(e) => {
                created.remove();
                Err(e.into())
            }
        }
    }

    fn key_missing(&self, key: &Path) -> CliError {
        CliError::KeyFileMissing { db: self.db.clone(), key: key.to_path_buf() }
    }
}

/// The key in `path`, `None` when there is no such file.
pub(crate) fn read_key(path: &Path) -> Result<Option<DbKey>, CliError> {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            DbKey::from_hex(&text).map(Some).map_err(|source| CliError::BadKey { path: path.to_path_buf(), source })
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(CliError::Io { path: path.to_path_buf(), source }),
    }
}

/// A new random key, written to a new file `path` readable by its owner only.
pub(crate) fn write_new_key(path: &Path) -> Result<DbKey, CliError> {
    let io = |source| CliError::Io { path: path.to_path_buf(), source };
    let key = DbKey::generate();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(io)?;
    let written = writeln!(file, "{}", key.to_hex()).and_then(|()| file.sync_all());
    if let Err(e) = written {
        drop(file);
        let _ = std::fs::remove_file(path);
        return Err(io(e));
    }
    Ok(key)
}
