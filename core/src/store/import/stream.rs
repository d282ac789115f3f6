//! Reading one document: decides what it is (`/api/me`, `/api/system/info`, or a document of
//! collections), walks it with the [`Splitter`], and hands each collection entry to the
//! importer.
//!
//! Owns the document-level walk and turning split errors into import errors. Does not own the
//! byte-level scanning (`split`) or what an entry means (`objects`, `super`).

use std::io::BufReader;

use serde::de::IgnoredAny;

use super::document::{parser_problem, DocumentError, METADATA_DOCUMENT};
use super::split::{self, Pos, SplitError, Splitter, SyntaxProblem};
use super::{ImportError, ImportSource, Importer, InvalidValue};
use crate::model::{Collection, CurrentUser, SystemInfo};

/// What a document holds, decided from its top-level keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DocumentKind {
    /// `/api/me`: a user object (its `organisationUnits` are the user's, not a collection).
    CurrentUser,
    /// `/api/system/info`.
    SystemInfo,
    /// Collections of metadata objects.
    Collections,
}

/// Why a walk stopped: the document's structure, or an entry the importer refused.
enum Stop {
    Split(SplitError),
    Import(Box<ImportError>),
}

impl From<SplitError> for Stop {
    fn from(e: SplitError) -> Stop {
        Stop::Split(e)
    }
}

impl From<ImportError> for Stop {
    fn from(e: ImportError) -> Stop {
        Stop::Import(Box::new(e))
    }
}

const READ_BUFFER: usize = 256 * 1024;

pub(super) fn read_document(imp: &mut Importer<'_>, source: &ImportSource) -> Result<(), ImportError> {
    let keys = match split::top_level_keys(BufReader::with_capacity(READ_BUFFER, source.open()?)) {
        Ok(Ok(keys)) => keys,
        Ok(Err(None)) => {
            return Err(DocumentError::Empty { file: imp.source.clone(), expected: METADATA_DOCUMENT }.into())
        }
        Ok(Err(Some(found))) => {
            return Err(
                DocumentError::NotAnObject { file: imp.source.clone(), expected: METADATA_DOCUMENT, found }.into()
            )
        }
        Err(error) => return Err(ImportError::Io { file: imp.source.clone(), error }),
    };
    let has = |k: &str| keys.iter().any(|key| key == k);
    let kind = if has("username") || has("userCredentials") {
        DocumentKind::CurrentUser
    } else if has("version")
        && (has("serverDate") || has("contextPath"))
        && !keys.iter().any(|k| Collection::from_key(k).is_some())
    {
        DocumentKind::SystemInfo
    } else {
        DocumentKind::Collections
    };
    let mut s = Splitter::new(BufReader::with_capacity(READ_BUFFER, source.open()?));
    let result = match kind {
        DocumentKind::Collections => walk_collections(imp, &mut s),
        single => read_single(imp, &mut s, single),
    };
    result.map_err(|stop| match stop {
        Stop::Import(e) => *e,
        Stop::Split(e) => split_error(&imp.source, e),
    })
}

fn split_error(file: &str, e: SplitError) -> ImportError {
    let file = file.to_string();
    match e {
        SplitError::Io(error) => ImportError::Io { file, error },
        SplitError::Truncated(pos) => DocumentError::Truncated { file, line: pos.line, column: pos.column }.into(),
        SplitError::Syntax { pos, problem } => {
            DocumentError::Syntax { file, line: pos.line, column: pos.column, problem }.into()
        }
        SplitError::Limit { pos, limit } => ImportError::Limit { file, line: pos.line, column: pos.column, limit },
    }
}

/// `/api/me` or `/api/system/info`: one object.
fn read_single<R: std::io::BufRead>(
    imp: &mut Importer<'_>,
    s: &mut Splitter<R>,
    kind: DocumentKind,
) -> Result<(), Stop> {
    let first = s.expect_token()?;
    let pos = s.pos();
    let mut buf = Vec::new();
    s.value(first, 0, &mut buf)?;
    end_of_document(s)?;
    imp.location.clear();
    if kind == DocumentKind::CurrentUser {
        let user: CurrentUser = imp.parse(&buf, pos)?;
        imp.set_user(user)?;
    } else {
        let info: SystemInfo = imp.parse(&buf, pos)?;
        imp.set_system(info)?;
    }
    Ok(())
}

fn walk_collections<R: std::io::BufRead>(imp: &mut Importer<'_>, s: &mut Splitter<R>) -> Result<(), Stop> {
    if s.expect_token()? != b'{' {
        return Err(s.syntax(SyntaxProblem::ExpectedObject).into());
    }
    let mut buf = Vec::new();
    let mut first = true;
    loop {
        let b = s.expect_token()?;
        if first && b == b'}' {
            break;
        }
        if b != b'"' {
            return Err(s.syntax(SyntaxProblem::ExpectedKey).into());
        }
        let key = s.key()?;
        let b = s.expect_token()?;
        if let Some(collection) = Collection::from_key(&key) {
            if b != b'[' {
                let pos = s.pos();
                let problem = InvalidValue::NotAList { collection, line: pos.line, column: pos.column };
                return Err(ImportError::Invalid { file: imp.source.clone(), location: key, problem }.into());
            }
            let mut index = 0;
            s.list(1, &mut buf, |bytes, pos| {
                imp.add_entry(collection, index, bytes, pos)?;
                index += 1;
                Ok::<(), Stop>(())
            })?;
        } else {
            let source = imp.source.clone();
            let check = |bytes: &[u8], pos: Pos| -> Result<(), Stop> {
                serde_json::from_slice::<IgnoredAny>(bytes)
                    .map(|_| ())
                    .map_err(|e| Stop::from(json_syntax(&source, &e, pos)))
            };
            let n = if b == b'[' {
                let mut n = 0;
                s.list(1, &mut buf, |bytes, pos| {
                    n += 1;
                    check(bytes, pos)
                })?;
                n
            } else {
                let pos = s.pos();
                s.value(b, 1, &mut buf)?;
                if key == "system" {
                    imp.location = "system".into();
                    let info: SystemInfo = imp.parse(&buf, pos)?;
                    imp.set_system(info)?;
                } else {
                    check(&buf, pos)?;
                }
                1
            };
            if !matches!(key.as_str(), "pager" | "date" | "system") {
                *imp.ignored.entry(key).or_default() += n;
            }
        }
        first = false;
        match s.expect_token()? {
            b',' => continue,
            b'}' => break,
            _ => return Err(s.syntax(SyntaxProblem::ExpectedCommaOrBrace).into()),
        }
    }
    end_of_document(s)
}

fn end_of_document<R: std::io::BufRead>(s: &mut Splitter<R>) -> Result<(), Stop> {
    match s.next_token()? {
        None => Ok(()),
        Some(_) => Err(s.syntax(SyntaxProblem::TrailingContent).into()),
    }
}

/// A serde_json error inside an entry that starts at `start`, as a document-level error.
pub(super) fn json_syntax(file: &str, e: &serde_json::Error, start: Pos) -> ImportError {
    let pos = start.offset_by(e.line(), e.column());
    DocumentError::Syntax { file: file.to_string(), line: pos.line, column: pos.column, problem: parser_problem(e) }
        .into()
}
