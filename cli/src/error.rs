//! The command line's error type: what failed, with the file or database it concerns.

use std::path::PathBuf;

use phum_core::expr::eval::EvalError;
use phum_core::expr::vectors::VectorError;
use phum_core::expr::ParseError;
use phum_core::lint::MetadataFileError;
use phum_core::model::ClockError;
use phum_core::store::import::{DocumentError, ImportError};
use phum_core::store::{KeyError, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{}", import_message(.0))]
    Import(Box<ImportError>),
    #[error("key file {path}: {source}")]
    BadKey { path: PathBuf, source: KeyError },
    #[error("there is no database at {db}; metadata import creates one")]
    NoDatabase { db: PathBuf },
    #[error("the folder {folder} of database {db} does not exist")]
    NoFolder { db: PathBuf, folder: PathBuf },
    #[error("database {db} exists but its key file {key} does not; give the right one with --key-file (or --unencrypted for a plain database)")]
    KeyFileMissing { db: PathBuf, key: PathBuf },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    /// `phum expr eval`: the expression does not parse (exit status 2).
    #[error("{}", crate::expr::with_caret(.expression, .error))]
    ExprParse { expression: String, error: ParseError },
    /// `phum expr eval`: evaluation failed (exit status 1).
    #[error("evaluation failed: {0}")]
    ExprEval(#[from] EvalError),
    /// `phum expr vectors`: lines of FILE that are not vectors (exit status 2).
    #[error("{path} is not a vector file:\n{}", .errors.iter().map(|e| format!("  {e}")).collect::<Vec<_>>().join("\n"))]
    Vectors { path: PathBuf, errors: Vec<VectorError> },
    /// `phum expr vectors`: some vectors failed; already reported on stdout (exit status 1).
    #[error("{failed} vector(s) failed")]
    VectorsFailed { failed: usize },
    /// `phum form run`: the script cannot be read (exit status 2).
    #[error("{path}: cannot read: {source}")]
    ScriptUnreadable { path: PathBuf, source: std::io::Error },
    /// `phum form run --time-zone`: not a zone this build knows (exit status 2).
    #[error(transparent)]
    TimeZone(#[from] ClockError),
    /// A file that is empty, not JSON or not a JSON object, in the import's words (exit status 2).
    #[error(transparent)]
    Document(#[from] DocumentError),
    /// `phum form run`: the script is not a script (exit status 2).
    #[error("{path} is not a form script: {message}")]
    BadScript { path: PathBuf, message: String },
    /// `phum demo --script`: an answer that is not one of the choices on the screen (exit status 2).
    #[error(
        "{path}, line {line}: '{answer}' is not one of the choices on the screen; the script no longer fits the demo"
    )]
    DemoScript { path: PathBuf, line: usize, answer: String },
    /// `phum demo`: the demo account cannot be opened or made.
    #[error(transparent)]
    Demo(#[from] phum_core::demo::DemoError),
    /// `phum lint`: a file that cannot be read (exit status 2).
    #[error("{path}: cannot read: {source}")]
    LintUnreadable { path: PathBuf, source: std::io::Error },
    /// `phum lint`: a file that is not DHIS2 metadata (exit status 2).
    #[error(transparent)]
    LintInput(#[from] MetadataFileError),
    /// `phum lint`: no file holds anything the checks look at (exit status 2).
    #[error("nothing to check: the {files} file(s) hold no program rules, program rule variables or validation rules")]
    LintNothingToCheck { files: usize },
    /// `phum lint`: the rules have errors; already reported on stdout (exit status 1).
    #[error("{errors} lint error(s)")]
    LintFoundErrors { errors: usize },
}

impl CliError {
    /// The process exit status: 2 for input that cannot be used at all, 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::ExprParse { .. }
            | CliError::Vectors { .. }
            | CliError::LintUnreadable { .. }
            | CliError::LintInput(_)
            | CliError::LintNothingToCheck { .. }
            | CliError::ScriptUnreadable { .. }
            | CliError::TimeZone(_)
            | CliError::Document(_)
            | CliError::BadScript { .. }
            | CliError::DemoScript { .. } => 2,
            _ => 1,
        }
    }

    /// Whether the command has already told the user (its output ends with the summary).
    pub fn already_reported(&self) -> bool {
        matches!(self, CliError::VectorsFailed { .. } | CliError::LintFoundErrors { .. })
    }
}

/// The import's own message, with the option that lets a refused import through.
fn import_message(e: &ImportError) -> String {
    match e {
        ImportError::WouldOrphanRecords(_) => format!("{e}\n(to import anyway, give --allow-orphaned-records)"),
        _ => e.to_string(),
    }
}

impl From<ImportError> for CliError {
    fn from(e: ImportError) -> CliError {
        CliError::Import(Box::new(e))
    }
}
