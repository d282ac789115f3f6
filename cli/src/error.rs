//! The command line's error type: what failed, with the file or database it concerns.

use std::path::PathBuf;

use phum_core::store::import::ImportError;
use phum_core::store::{KeyError, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Import(Box<ImportError>),
    #[error("key file {path}: {source}")]
    BadKey { path: PathBuf, source: KeyError },
    #[error("database {db} exists but its key file {key} does not; give the right one with --key-file (or --unencrypted for a plain database)")]
    KeyFileMissing { db: PathBuf, key: PathBuf },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
}

impl From<ImportError> for CliError {
    fn from(e: ImportError) -> CliError {
        CliError::Import(Box::new(e))
    }
}
