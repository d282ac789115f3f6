//! The command line's error type: what failed, with the file or database it concerns, as a
//! message of the catalogue (`locales/*/cli.ftl`) rendered in the reader's language.

use std::path::PathBuf;

use phum_core::expr::eval::EvalError;
use phum_core::expr::vectors::VectorError;
use phum_core::expr::ParseError;
use phum_core::i18n::{Locale, Localize, Message};
use phum_core::lint::MetadataFileError;
use phum_core::model::ClockError;
use phum_core::msg;
use phum_core::store::import::{DocumentError, ImportError};
use phum_core::store::{KeyError, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    Store(#[from] StoreError),
    Import(Box<ImportError>),
    BadKey {
        path: PathBuf,
        source: KeyError,
    },
    NoDatabase {
        db: PathBuf,
    },
    NoFolder {
        db: PathBuf,
        folder: PathBuf,
    },
    KeyFileMissing {
        db: PathBuf,
        key: PathBuf,
    },
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// `PHUM_LANG` names a language without a catalogue (exit status 2).
    Lang(crate::locale::LangProblem),
    /// `phum expr eval`: the expression does not parse (exit status 2); shown with a caret.
    ExprParse {
        expression: String,
        error: ParseError,
    },
    /// `phum expr eval`: evaluation failed (exit status 1).
    ExprEval(#[from] EvalError),
    /// `phum expr vectors`: lines of FILE that are not vectors (exit status 2), one per line.
    Vectors {
        path: PathBuf,
        errors: Vec<VectorError>,
    },
    /// `phum expr vectors`: some vectors failed; already reported on stdout (exit status 1).
    VectorsFailed {
        failed: usize,
    },
    /// `phum form run`: the script cannot be read (exit status 2).
    ScriptUnreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    /// `phum form run --time-zone`: not a zone this build knows (exit status 2).
    TimeZone(#[from] ClockError),
    /// A file that is empty, not JSON or not a JSON object, in the import's words (exit status 2).
    Document(#[from] DocumentError),
    /// `phum form run`: the script is not a script (exit status 2).
    BadScript {
        path: PathBuf,
        problem: Message,
    },
    /// `phum demo --script`: an answer that is not one of the choices on the screen (exit status 2).
    DemoScript {
        path: PathBuf,
        line: usize,
        answer: String,
    },
    /// `phum demo`: the demo account cannot be opened or made.
    Demo(#[from] phum_core::demo::DemoError),
    /// `phum lint`: a file that cannot be read (exit status 2).
    LintUnreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    /// `phum lint`: a file that is not DHIS2 metadata (exit status 2).
    LintInput(#[from] MetadataFileError),
    /// `phum lint`: no file holds anything the checks look at (exit status 2).
    LintNothingToCheck {
        files: usize,
    },
    /// `phum lint`: the rules have errors; already reported on stdout (exit status 1).
    LintFoundErrors {
        errors: usize,
    },
    /// `phum login`, `logout`: signing in or out did not happen.
    Login(#[from] phum_core::sync::login::LoginError),
    /// `phum sync` (and the gate of `login`): the sync stopped.
    Sync(#[from] phum_core::sync::SyncError),
    /// `phum sync`, `status`, `logout` without a `phum login` before, in the account folder.
    NotSignedIn {
        dir: PathBuf,
    },
    /// No password or token in the environment variable or on standard input.
    NoSecret {
        variable: String,
    },
}

impl From<phum_core::sync::ClientError> for CliError {
    fn from(e: phum_core::sync::ClientError) -> CliError {
        CliError::Sync(e.into())
    }
}

impl CliError {
    /// The process exit status: 2 for input that cannot be used at all, 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::ExprParse { .. }
            | CliError::Lang(_)
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

    /// What `phum` prints on stderr: `phum: error: ` and the message, then the lines that
    /// show where (the expression with a caret under the place, one line per bad vector).
    pub fn report(&self, locale: Locale) -> String {
        let mut text = msg!("cli-error", error = self.message()).render(locale);
        match self {
            CliError::ExprParse { expression, error } => {
                let line = crate::expr::one_line(expression);
                let col = error.at.min(line.chars().count());
                text.push_str(&format!("\n  {line}\n  {}^", " ".repeat(col)));
            }
            CliError::Vectors { errors, .. } => {
                for e in errors {
                    text.push_str("\n  ");
                    text.push_str(&e.localized(locale));
                }
            }
            _ => {}
        }
        text
    }
}

/// An I/O error as a person reads it: the common cases in words, others as the system says.
fn io_problem(e: &std::io::Error) -> Message {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => Message::new("cli-io-not-found"),
        ErrorKind::PermissionDenied => Message::new("cli-io-permission-denied"),
        ErrorKind::IsADirectory => Message::new("cli-io-is-a-directory"),
        ErrorKind::InvalidData => Message::new("cli-io-not-text"),
        _ => msg!("cli-io-other", detail = e.to_string()),
    }
}

impl Localize for CliError {
    fn message(&self) -> Message {
        match self {
            CliError::Store(e) => e.message(),
            CliError::Import(e) => match e.as_ref() {
                ImportError::WouldOrphanRecords(_) => msg!("cli-error-import-refused", error = e.message()),
                _ => e.message(),
            },
            CliError::BadKey { path, source } => msg!("cli-error-bad-key", path = path, problem = source.message()),
            CliError::NoDatabase { db } => msg!("cli-error-no-database", db = db),
            CliError::NoFolder { db, folder } => msg!("cli-error-no-folder", db = db, folder = folder),
            CliError::KeyFileMissing { db, key } => msg!("cli-error-key-file-missing", db = db, key = key),
            CliError::Io { path, source } => msg!("cli-error-io", path = path, problem = io_problem(source)),
            CliError::Lang(problem) => problem.message(),
            CliError::ExprParse { error, .. } => error.message(),
            CliError::ExprEval(e) => msg!("cli-error-expr-eval", error = e.message()),
            CliError::Vectors { path, errors } => msg!("cli-error-vectors", path = path, count = errors.len()),
            CliError::VectorsFailed { failed } => msg!("cli-error-vectors-failed", count = *failed),
            CliError::ScriptUnreadable { path, source } | CliError::LintUnreadable { path, source } => {
                msg!("cli-error-unreadable", path = path, problem = io_problem(source))
            }
            CliError::TimeZone(e) => e.message(),
            CliError::Document(e) => e.message(),
            CliError::BadScript { path, problem } => {
                msg!("cli-error-bad-script", path = path, problem = problem.clone())
            }
            CliError::DemoScript { path, line, answer } => {
                msg!("cli-error-demo-script", path = path, line = *line, answer = answer)
            }
            CliError::Demo(e) => e.message(),
            CliError::Login(e) => e.message(),
            CliError::Sync(e) => e.message(),
            CliError::NotSignedIn { dir } => msg!("cli-error-not-signed-in", dir = dir),
            CliError::NoSecret { variable } => msg!("cli-error-no-secret", variable = variable.as_str()),
            CliError::LintInput(e) => e.message(),
            CliError::LintNothingToCheck { files } => msg!("cli-error-lint-nothing-to-check", count = *files),
            CliError::LintFoundErrors { errors } => msg!("cli-error-lint-found-errors", count = *errors),
        }
    }
}

phum_core::english_display!(CliError);

impl From<ImportError> for CliError {
    fn from(e: ImportError) -> CliError {
        CliError::Import(Box::new(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use phum_core::i18n::try_render;
    use phum_core::store::import::{check_json_object, METADATA_DOCUMENT};

    fn name(e: &CliError) -> &'static str {
        match e {
            CliError::Store(_) => "Store",
            CliError::Import(_) => "Import",
            CliError::BadKey { .. } => "BadKey",
            CliError::NoDatabase { .. } => "NoDatabase",
            CliError::NoFolder { .. } => "NoFolder",
            CliError::KeyFileMissing { .. } => "KeyFileMissing",
            CliError::Io { .. } => "Io",
            CliError::Lang(_) => "Lang",
            CliError::ExprParse { .. } => "ExprParse",
            CliError::ExprEval(_) => "ExprEval",
            CliError::Vectors { .. } => "Vectors",
            CliError::VectorsFailed { .. } => "VectorsFailed",
            CliError::ScriptUnreadable { .. } => "ScriptUnreadable",
            CliError::TimeZone(_) => "TimeZone",
            CliError::Document(_) => "Document",
            CliError::BadScript { .. } => "BadScript",
            CliError::DemoScript { .. } => "DemoScript",
            CliError::Demo(_) => "Demo",
            CliError::LintUnreadable { .. } => "LintUnreadable",
            CliError::LintInput(_) => "LintInput",
            CliError::LintNothingToCheck { .. } => "LintNothingToCheck",
            CliError::LintFoundErrors { .. } => "LintFoundErrors",
            CliError::Login(_) => "Login",
            CliError::Sync(_) => "Sync",
            CliError::NotSignedIn { .. } => "NotSignedIn",
            CliError::NoSecret { .. } => "NoSecret",
        }
    }

    fn samples() -> Vec<CliError> {
        let io = |kind| std::io::Error::from(kind);
        let expression = "#{weight} +".to_string();
        vec![
            CliError::Store(StoreError::NotFound { path: "phum.db".into() }),
            CliError::Import(Box::new(ImportError::WouldOrphanRecords(Vec::new()))),
            CliError::BadKey {
                path: "phum.db.key".into(),
                source: phum_core::store::DbKey::from_hex("xyz").unwrap_err(),
            },
            CliError::NoDatabase { db: "phum.db".into() },
            CliError::NoFolder { db: "gone/phum.db".into(), folder: "gone".into() },
            CliError::KeyFileMissing { db: "phum.db".into(), key: "phum.db.key".into() },
            CliError::Io { path: "phum.db.key".into(), source: io(std::io::ErrorKind::PermissionDenied) },
            CliError::Lang(crate::locale::LangProblem::UnknownEnv("fr".into())),
            CliError::ExprParse { error: phum_core::expr::parse(&expression).unwrap_err(), expression },
            CliError::ExprEval(EvalError::UnknownVariable("weight".into())),
            CliError::Vectors {
                path: "v.jsonl".into(),
                errors: vec![phum_core::expr::vectors::parse_line(3, "{").unwrap_err()],
            },
            CliError::VectorsFailed { failed: 2 },
            CliError::ScriptUnreadable { path: "visit.json".into(), source: io(std::io::ErrorKind::NotFound) },
            CliError::TimeZone(ClockError::UnknownTimeZone { name: "Asia/Phnom Penh".into() }),
            CliError::Document(check_json_object("empty.json", b"", METADATA_DOCUMENT).unwrap_err()),
            CliError::BadScript { path: "visit.json".into(), problem: Message::new("cli-form-today-and-now") },
            CliError::DemoScript { path: "class.txt".into(), line: 12, answer: "9".into() },
            CliError::Demo(phum_core::demo::DemoError::NotADemo { path: "phum.db".into() }),
            CliError::LintUnreadable { path: "rules".into(), source: io(std::io::ErrorKind::IsADirectory) },
            CliError::LintInput(phum_core::lint::MetadataFile::parse("r.json", "[1]").unwrap_err()),
            CliError::LintNothingToCheck { files: 2 },
            CliError::LintFoundErrors { errors: 1 },
            CliError::Login(phum_core::sync::login::LoginError::UnsentData { count: 3 }),
            CliError::Sync(phum_core::sync::SyncError::Cancelled),
            CliError::NotSignedIn { dir: "accounts".into() },
            CliError::NoSecret { variable: "PHUM_PASSWORD".into() },
        ]
    }

    #[test]
    fn every_cli_error_variant_renders_in_both_languages() {
        let samples = samples();
        let names: std::collections::BTreeSet<&str> = samples.iter().map(name).collect();
        let all = [
            "Store",
            "Import",
            "BadKey",
            "NoDatabase",
            "NoFolder",
            "KeyFileMissing",
            "Io",
            "Lang",
            "ExprParse",
            "ExprEval",
            "Vectors",
            "VectorsFailed",
            "ScriptUnreadable",
            "TimeZone",
            "Document",
            "BadScript",
            "DemoScript",
            "Demo",
            "LintUnreadable",
            "LintInput",
            "LintNothingToCheck",
            "LintFoundErrors",
            "Login",
            "Sync",
            "NotSignedIn",
            "NoSecret",
        ];
        assert_eq!(names, all.into_iter().collect());
        for e in &samples {
            let m = e.message();
            let en = try_render(&m, Locale::ENGLISH).unwrap_or_else(|err| panic!("{}: {err}", name(e)));
            let km = try_render(&m, Locale::KHMER).unwrap_or_else(|err| panic!("{}: {err}", name(e)));
            // The command line's own messages are Khmer; other areas' errors are theirs to test.
            if m.id.starts_with("cli-") {
                assert!(km.chars().any(|c| ('\u{1780}'..='\u{17FF}').contains(&c)), "{}: {km:?}", name(e));
                assert_ne!(en, km, "{}", name(e));
            }
            assert!(e.report(Locale::KHMER).starts_with("phum៖ កំហុស៖ "), "{}", name(e));
        }
    }

    #[test]
    fn a_refused_import_names_the_option_that_lets_it_through_in_both_languages() {
        let e = CliError::Import(Box::new(ImportError::WouldOrphanRecords(Vec::new())));
        assert!(e.localized(Locale::ENGLISH).ends_with("\n(to import anyway, give --allow-orphaned-records)"));
        assert!(e.localized(Locale::KHMER).ends_with("\n(ដើម្បីនាំចូលទោះយ៉ាងណាក៏ដោយ សូមផ្ដល់ --allow-orphaned-records)"));
    }
}
