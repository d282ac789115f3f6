//! Opening the account database from the command line's options: which key, and the key file
//! (`<db>.key`, mode 0600) that a new encrypted database gets.
//!
//! Owns the key file. Does not own the database itself (`phum_core::store`).

use std::io::Write;
use std::path::{Path, PathBuf};

use phum_core::store::{DbKey, Store};

use crate::error::CliError;

pub enum KeyChoice {
    Unencrypted,
    KeyFile(PathBuf),
}

impl KeyChoice {
    pub fn from_args(db: &Path, key_file: Option<&Path>, unencrypted: bool) -> KeyChoice {
        if unencrypted {
            return KeyChoice::Unencrypted;
        }
        let default = || {
            let mut name = db.as_os_str().to_owned();
            name.push(".key");
            PathBuf::from(name)
        };
        KeyChoice::KeyFile(key_file.map(Path::to_path_buf).unwrap_or_else(default))
    }
}

/// Opens the database, creating it (and its key file) if it does not exist yet.
pub fn open(db: &Path, choice: &KeyChoice) -> Result<Store, CliError> {
    let key = match choice {
        KeyChoice::Unencrypted => None,
        KeyChoice::KeyFile(path) => Some(load_or_create_key(db, path)?),
    };
    Ok(Store::open(db, key.as_ref())?)
}

fn load_or_create_key(db: &Path, path: &Path) -> Result<DbKey, CliError> {
    let io = |source| CliError::Io { path: path.to_path_buf(), source };
    match std::fs::read_to_string(path) {
        Ok(text) => DbKey::from_hex(&text).map_err(|source| CliError::BadKey { path: path.to_path_buf(), source }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let db_has_data = std::fs::metadata(db).map(|m| m.len() > 0).unwrap_or(false);
            if db_has_data {
                return Err(CliError::KeyFileMissing { db: db.to_path_buf(), key: path.to_path_buf() });
            }
            let key = DbKey::generate();
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            let mut file = options.open(path).map_err(io)?;
            writeln!(file, "{}", key.to_hex()).map_err(io)?;
            file.sync_all().map_err(io)?;
            Ok(key)
        }
        Err(e) => Err(io(e)),
    }
}
