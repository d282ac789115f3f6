//! A file that is not one JSON object: empty, cut off, not JSON, or another kind of JSON value.
//! The import says so in these words, and so do the other readers of whole JSON documents
//! (`lint`, the command line's form scripts), so that every command explains a bad file alike.
//!
//! Owns the error and the check of a document held in memory. Does not own walking a streamed
//! document (`split`, `stream`, which report through the same error) or what the object must
//! contain (each reader).

use serde::de::IgnoredAny;

use super::split::{is_ws, what_starts_with, JsonKind, SyntaxProblem};
use crate::i18n::{Localize, Message};
use crate::msg;

/// What a reader expects a whole document to be, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExpectedDocument {
    /// A metadata import or lint: `{"programs": [...], ...}`.
    Metadata,
    /// `phum form run`: a JSON object with `steps`.
    FormScript,
    /// `phum expr test`: expression test vectors, one JSON object per line.
    ExpressionVectors,
}

/// What an import expects a document to be.
pub const METADATA_DOCUMENT: ExpectedDocument = ExpectedDocument::Metadata;

impl Localize for ExpectedDocument {
    fn message(&self) -> Message {
        match self {
            ExpectedDocument::Metadata => Message::new("import-expected-metadata"),
            ExpectedDocument::FormScript => Message::new("import-expected-form-script"),
            ExpectedDocument::ExpressionVectors => Message::new("import-expected-expression-vectors"),
        }
    }
}

/// Why a file is not a JSON document of the shape its reader expects. `file` is the name
/// messages use; `expected` says what the reader wanted (e.g. [`METADATA_DOCUMENT`]).
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    Empty { file: String, expected: ExpectedDocument },
    Truncated { file: String, line: usize, column: usize },
    Syntax { file: String, line: usize, column: usize, problem: SyntaxProblem },
    NotAnObject { file: String, expected: ExpectedDocument, found: JsonKind },
}

impl Localize for DocumentError {
    fn message(&self) -> Message {
        match self {
            DocumentError::Empty { file, expected } => {
                msg!("import-document-empty", file = file, expected = expected.message())
            }
            DocumentError::Truncated { file, line, column } => {
                msg!("import-document-truncated", file = file, line = line, column = column)
            }
            DocumentError::Syntax { file, line, column, problem } => {
                msg!("import-document-syntax", file = file, line = line, column = column, problem = problem.message())
            }
            DocumentError::NotAnObject { file, expected, found } => {
                msg!(
                    "import-document-not-an-object",
                    file = file,
                    expected = expected.message(),
                    found = found.message()
                )
            }
        }
    }
}
crate::english_display!(DocumentError, ExpectedDocument, JsonKind);

/// Checks that `bytes` hold one JSON object and nothing after it. Positions are 1-based, as
/// editors show them.
pub fn check_json_object(file: &str, bytes: &[u8], expected: ExpectedDocument) -> Result<(), DocumentError> {
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
    DocumentError::Syntax { file, line, column, problem: parser_problem(e) }
}

/// serde_json's own words for a syntax error, without the position it appends.
pub(super) fn parser_problem(e: &serde_json::Error) -> SyntaxProblem {
    let full = e.to_string();
    SyntaxProblem::Parser(full.split(" at line ").next().unwrap_or(&full).to_string())
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

    #[test]
    fn every_document_error_variant_renders_in_both_languages() {
        use crate::i18n::catalogue_tests::assert_renders_in_both;
        let file = || "f.json".to_string();
        let problems = [
            SyntaxProblem::ExpectedObject,
            SyntaxProblem::ExpectedKey,
            SyntaxProblem::BadKey("invalid escape".into()),
            SyntaxProblem::ExpectedColon,
            SyntaxProblem::ExpectedValue,
            SyntaxProblem::ExpectedCommaOrBracket,
            SyntaxProblem::ExpectedCommaOrBrace,
            SyntaxProblem::TrailingContent,
            SyntaxProblem::Parser("expected `:`".into()),
        ];
        let problem_name = |p: &SyntaxProblem| match p {
            SyntaxProblem::ExpectedObject => 0,
            SyntaxProblem::ExpectedKey => 1,
            SyntaxProblem::BadKey(_) => 2,
            SyntaxProblem::ExpectedColon => 3,
            SyntaxProblem::ExpectedValue => 4,
            SyntaxProblem::ExpectedCommaOrBracket => 5,
            SyntaxProblem::ExpectedCommaOrBrace => 6,
            SyntaxProblem::TrailingContent => 7,
            SyntaxProblem::Parser(_) => 8,
        };
        assert_eq!(problems.iter().map(problem_name).collect::<Vec<_>>(), (0..9).collect::<Vec<_>>());
        let kinds = [
            JsonKind::Object,
            JsonKind::List,
            JsonKind::Text,
            JsonKind::Number,
            JsonKind::Boolean,
            JsonKind::Null,
            JsonKind::NotJson,
        ];
        let kind_name = |k: &JsonKind| match k {
            JsonKind::Object => 0,
            JsonKind::List => 1,
            JsonKind::Text => 2,
            JsonKind::Number => 3,
            JsonKind::Boolean => 4,
            JsonKind::Null => 5,
            JsonKind::NotJson => 6,
        };
        assert_eq!(kinds.iter().map(kind_name).collect::<Vec<_>>(), (0..7).collect::<Vec<_>>());
        let expected = [ExpectedDocument::Metadata, ExpectedDocument::FormScript, ExpectedDocument::ExpressionVectors];
        let expected_name = |e: &ExpectedDocument| match e {
            ExpectedDocument::Metadata => 0,
            ExpectedDocument::FormScript => 1,
            ExpectedDocument::ExpressionVectors => 2,
        };
        assert_eq!(expected.iter().map(expected_name).collect::<Vec<_>>(), [0, 1, 2]);
        let mut samples = vec![DocumentError::Truncated { file: file(), line: 1, column: 15 }];
        samples.extend(expected.iter().map(|&expected| DocumentError::Empty { file: file(), expected }));
        samples.extend(kinds.iter().map(|&found| DocumentError::NotAnObject {
            file: file(),
            expected: METADATA_DOCUMENT,
            found,
        }));
        samples.extend(problems.into_iter().map(|problem| DocumentError::Syntax {
            file: file(),
            line: 2,
            column: 5,
            problem,
        }));
        let name = |e: &DocumentError| match e {
            DocumentError::Empty { .. } => "Empty",
            DocumentError::Truncated { .. } => "Truncated",
            DocumentError::Syntax { .. } => "Syntax",
            DocumentError::NotAnObject { .. } => "NotAnObject",
        };
        let names: std::collections::BTreeSet<_> = samples.iter().map(name).collect();
        assert_eq!(names.len(), 4);
        for e in &samples {
            assert_renders_in_both(&e.message());
        }
    }
}
