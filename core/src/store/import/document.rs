//! A file that is not one JSON object: empty, cut off, not JSON, or another kind of JSON value.
//! The import says so in these words, and so do the other readers of whole JSON documents
//! (`lint`, the command line's form scripts), so that every command explains a bad file alike.
//!
//! Owns the error and the check of a document held in memory. Does not own walking a streamed
//! document (`split`, `stream`, which report through the same error) or what the object must
//! contain (each reader).

use serde::de::IgnoredAny;

use super::split::{is_ws, what_starts_with};

/// What an import expects a document to be, for messages.
pub const METADATA_DOCUMENT: &str = "a JSON object with metadata collections (like {\"programs\": [...]})";

/// Why a file is not a JSON document of the shape its reader expects. `file` is the name
/// messages use; `expected` says what the reader wanted (e.g. [`METADATA_DOCUMENT`]).
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("{file}: the file is empty; expected {expected}")]
    Empty { file: String, expected: &'static str },
    #[error("{file}: the JSON ends early (line {line}, column {column}): the file is truncated")]
    Truncated { file: String, line: usize, column: usize },
    #[error("{file}: not valid JSON at line {line}, column {column}: {message}")]
    Syntax { file: String, line: usize, column: usize, message: String },
    #[error("{file}: expected {expected}, found {found}")]
    NotAnObject { file: String, expected: &'static str, found: &'static str },
}

/// Checks that `bytes` hold one JSON object and nothing after it. Positions are 1-based, as
/// editors show them.
pub fn check_json_object(file: &str, bytes: &[u8], expected: &'static str) -> Result<(), DocumentError> {
    match bytes.iter().copied().find(|&b| !is_ws(b)) {
        None => return Err(DocumentError::Empty { file: file.to_string(), expected }),
        Some(b'{') => {}
        Some(b) => {
            return Err(DocumentError::NotAnObject { file: file.to_string(), expected, found: what_starts_with(b) })
        }
    }
    serde_json::from_slice::<IgnoredAny>(bytes).map(|_| ()).map_err(|e| json_error(file, &e))
}

/// A serde_json error over a whole document as a [`DocumentError`].
pub fn json_error(file: &str, e: &serde_json::Error) -> DocumentError {
    let file = file.to_string();
    // serde_json counts columns from 0 at the end of the input and puts its own position at the
    // end of its message; ours come 1-based, once.
    let (line, column) = (e.line(), e.column().max(1));
    if e.is_eof() {
        return DocumentError::Truncated { file, line, column: e.column() + 1 };
    }
    let full = e.to_string();
    let message = full.split(" at line ").next().unwrap_or(&full).to_string();
    DocumentError::Syntax { file, line, column, message }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> String {
        match check_json_object("f.json", text.as_bytes(), METADATA_DOCUMENT) {
            Ok(()) => "ok".into(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn each_kind_of_bad_document_has_its_own_message() {
        assert_eq!(check(" {\"programs\": []}\n"), "ok");
        assert_eq!(
            check(""),
            "f.json: the file is empty; expected a JSON object with metadata collections (like {\"programs\": [...]})"
        );
        assert_eq!(check(" \n\t"), check(""));
        assert!(
            check("[1, 2]").ends_with("collections (like {\"programs\": [...]}), found a list"),
            "{}",
            check("[1]")
        );
        assert!(check("hello").ends_with(", found something that is not JSON"));
        assert!(check("42").ends_with(", found a number"));
        assert_eq!(check("{\"programs\": ["), "f.json: the JSON ends early (line 1, column 15): the file is truncated");
        assert_eq!(check("{\n\"a\" 1}"), "f.json: not valid JSON at line 2, column 5: expected `:`");
        assert_eq!(check("{} x"), "f.json: not valid JSON at line 1, column 4: trailing characters");
    }
}
