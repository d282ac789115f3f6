//! Cuts a metadata document into parts without holding more than one: the top-level keys, and
//! for each list one entry at a time, as the raw bytes of that entry (parsed afterwards by
//! serde_json from a slice, which is several times faster than parsing from a reader).
//!
//! Owns the document's outer structure (`{"key": [entry, ...], "key": value}`), positions (line
//! and column) for messages, and the limits that stop hostile input before it costs memory: a
//! string longer than [`MAX_STRING_BYTES`], nesting deeper than [`MAX_DEPTH`], one entry larger
//! than [`MAX_ENTRY_BYTES`]. Does not own the JSON inside an entry (serde_json checks it) or what
//! an entry means (`stream`, `objects`).

use std::io::{self, BufRead};

use crate::i18n::{Localize, Message};
use crate::msg;

/// Longest string accepted anywhere in a metadata document (custom HTML forms can be large).
pub const MAX_STRING_BYTES: usize = 8 * 1024 * 1024;
/// Deepest nesting accepted (real metadata stays below 10; GeoJSON adds a few).
pub const MAX_DEPTH: usize = 64;
/// Largest single entry (or single non-list value) of a document.
pub const MAX_ENTRY_BYTES: usize = 16 * 1024 * 1024;

/// A place in the document, 1-based as editors show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

impl Pos {
    /// Turns a (line, column) inside an entry that starts here into a document position.
    pub fn offset_by(self, line: usize, column: usize) -> Pos {
        if line <= 1 {
            Pos { line: self.line, column: self.column + column.saturating_sub(1) }
        } else {
            Pos { line: self.line + line - 1, column }
        }
    }
}

#[derive(Debug)]
pub enum SplitError {
    Io(io::Error),
    /// The document ends before its structure does.
    Truncated(Pos),
    Syntax {
        pos: Pos,
        problem: SyntaxProblem,
    },
    Limit {
        pos: Pos,
        limit: LimitKind,
    },
}

/// What is wrong where a document is not JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxProblem {
    ExpectedObject,
    ExpectedKey,
    /// A key that is not a JSON string; serde_json's text.
    BadKey(String),
    ExpectedColon,
    ExpectedValue,
    ExpectedCommaOrBracket,
    ExpectedCommaOrBrace,
    TrailingContent,
    /// Found by serde_json inside an entry or a whole document: its own text (`expected `:``,
    /// `trailing characters`), without its position.
    Parser(String),
}

/// Which limit on hostile input a document broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitKind {
    /// A key longer than 4 KiB.
    LongKey,
    /// One entry larger than [`MAX_ENTRY_BYTES`], starting at this line and column.
    LargeObject { start_line: usize, start_column: usize },
    /// Nesting deeper than [`MAX_DEPTH`].
    Nesting,
    /// A string longer than [`MAX_STRING_BYTES`].
    LongString,
}

/// What a document is when it is not an object ("a list", "a number", ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonKind {
    Object,
    List,
    Text,
    Number,
    Boolean,
    Null,
    NotJson,
}

impl Localize for SyntaxProblem {
    fn message(&self) -> Message {
        match self {
            SyntaxProblem::ExpectedObject => Message::new("import-json-expected-object"),
            SyntaxProblem::ExpectedKey => Message::new("import-json-expected-key"),
            SyntaxProblem::BadKey(detail) => msg!("import-json-bad-key", detail = detail),
            SyntaxProblem::ExpectedColon => Message::new("import-json-expected-colon"),
            SyntaxProblem::ExpectedValue => Message::new("import-json-expected-value"),
            SyntaxProblem::ExpectedCommaOrBracket => Message::new("import-json-expected-comma-or-bracket"),
            SyntaxProblem::ExpectedCommaOrBrace => Message::new("import-json-expected-comma-or-brace"),
            SyntaxProblem::TrailingContent => Message::new("import-json-trailing-content"),
            SyntaxProblem::Parser(detail) => msg!("import-json-parser", detail = detail),
        }
    }
}

impl Localize for LimitKind {
    fn message(&self) -> Message {
        match self {
            LimitKind::LongKey => msg!("import-limit-long-key", kib = 4),
            LimitKind::LargeObject { start_line, start_column } => msg!(
                "import-limit-large-object",
                mib = MAX_ENTRY_BYTES >> 20,
                start_line = start_line,
                start_column = start_column
            ),
            LimitKind::Nesting => msg!("import-limit-nesting", max = MAX_DEPTH),
            LimitKind::LongString => msg!("import-limit-long-string", mib = MAX_STRING_BYTES >> 20),
        }
    }
}

impl Localize for JsonKind {
    fn message(&self) -> Message {
        match self {
            JsonKind::Object => Message::new("import-json-kind-object"),
            JsonKind::List => Message::new("import-json-kind-list"),
            JsonKind::Text => Message::new("import-json-kind-text"),
            JsonKind::Number => Message::new("import-json-kind-number"),
            JsonKind::Boolean => Message::new("import-json-kind-boolean"),
            JsonKind::Null => Message::new("import-json-kind-null"),
            JsonKind::NotJson => Message::new("import-json-kind-not-json"),
        }
    }
}

/// The reader's own errors; the importer turns them into [`super::ImportError`]s with the file
/// name (`stream::split_error`).
impl Localize for SplitError {
    fn message(&self) -> Message {
        match self {
            SplitError::Io(e) => msg!("import-split-io", detail = e.to_string()),
            SplitError::Truncated(p) => msg!("import-split-truncated", line = p.line, column = p.column),
            SplitError::Syntax { pos, problem } => {
                msg!("import-split-syntax", problem = problem.message(), line = pos.line, column = pos.column)
            }
            SplitError::Limit { pos, limit } => {
                msg!("import-split-limit", limit = limit.message(), line = pos.line, column = pos.column)
            }
        }
    }
}

crate::english_display!(SplitError, SyntaxProblem, LimitKind);

impl From<io::Error> for SplitError {
    fn from(e: io::Error) -> SplitError {
        SplitError::Io(e)
    }
}

/// How many newlines `chunk` holds, and the column after it: counted from the last newline, or
/// the chunk's length when it has none.
fn line_advance(chunk: &[u8]) -> (usize, usize) {
    match chunk.iter().rposition(|&b| b == b'\n') {
        Some(last) => (chunk.iter().filter(|&&b| b == b'\n').count(), chunk.len() - last - 1),
        None => (0, chunk.len()),
    }
}

/// Reads a document byte by byte from a buffered reader, counting lines and columns.
pub struct Splitter<R> {
    reader: R,
    line: usize,
    column: usize,
    /// A byte read but not yet used (the delimiter after a number, say).
    pending: Option<u8>,
}

pub(super) fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

impl<R: BufRead> Splitter<R> {
    pub fn new(reader: R) -> Splitter<R> {
        Splitter { reader, line: 1, column: 0, pending: None }
    }

    /// Where the last byte read is.
    pub fn pos(&self) -> Pos {
        Pos { line: self.line, column: self.column.max(1) }
    }

    fn next(&mut self) -> Result<Option<u8>, SplitError> {
        if let Some(b) = self.pending.take() {
            return Ok(Some(b));
        }
        let b = loop {
            let buf = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e.into()),
            };
            match buf.first() {
                None => return Ok(None),
                Some(&b) => {
                    self.reader.consume(1);
                    break b;
                }
            }
        };
        if b == b'\n' {
            self.line += 1;
            self.column = 0;
        } else {
            self.column += 1;
        }
        Ok(Some(b))
    }

    fn next_or_eof(&mut self) -> Result<u8, SplitError> {
        let pos = self.pos();
        self.next()?.ok_or_else(|| SplitError::Truncated(Pos { line: pos.line, column: pos.column + 1 }))
    }

    /// Copies bytes into `out` up to and including the first one for which `stop` holds, a
    /// buffer at a time; returns that byte. Stops early (returning `None`) once `out` passes
    /// `limit` bytes.
    fn copy_until(
        &mut self,
        out: &mut Vec<u8>,
        limit: usize,
        stop: impl Fn(u8) -> bool,
    ) -> Result<Option<u8>, SplitError> {
        if let Some(b) = self.pending.take() {
            out.push(b);
            if stop(b) {
                return Ok(Some(b));
            }
        }
        loop {
            let buf = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e.into()),
            };
            if buf.is_empty() {
                let pos = self.pos();
                return Err(SplitError::Truncated(Pos { line: pos.line, column: pos.column + 1 }));
            }
            let (taken, found) = match buf.iter().position(|&b| stop(b)) {
                Some(i) => (i + 1, Some(buf[i])),
                None => (buf.len(), None),
            };
            let chunk = &buf[..taken];
            out.extend_from_slice(chunk);
            let (newlines, column) = line_advance(chunk);
            self.reader.consume(taken);
            if newlines > 0 {
                self.line += newlines;
                self.column = column;
            } else {
                self.column += column;
            }
            if found.is_some() {
                return Ok(found);
            }
            if out.len() > limit {
                return Ok(None);
            }
        }
    }

    /// The next byte that is not white space; `None` at the end of the document.
    pub fn next_token(&mut self) -> Result<Option<u8>, SplitError> {
        loop {
            match self.next()? {
                Some(b) if is_ws(b) => continue,
                other => return Ok(other),
            }
        }
    }

    /// Like [`next_token`], but the end of the document is an error.
    pub fn expect_token(&mut self) -> Result<u8, SplitError> {
        let pos = self.pos();
        self.next_token()?.ok_or(SplitError::Truncated(Pos { line: pos.line, column: pos.column + 1 }))
    }

    pub fn syntax(&self, problem: SyntaxProblem) -> SplitError {
        SplitError::Syntax { pos: self.pos(), problem }
    }

    /// Reads an object key (after its opening quote) and the colon after it.
    pub fn key(&mut self) -> Result<String, SplitError> {
        let mut raw = vec![b'"'];
        let mut escaped = false;
        loop {
            let b = self.next_or_eof()?;
            raw.push(b);
            if raw.len() > 4096 {
                return Err(SplitError::Limit { pos: self.pos(), limit: LimitKind::LongKey });
            }
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                break;
            }
        }
        let key: String =
            serde_json::from_slice(&raw).map_err(|e| self.syntax(SyntaxProblem::BadKey(e.to_string())))?;
        match self.expect_token()? {
            b':' => Ok(key),
            _ => Err(self.syntax(SyntaxProblem::ExpectedColon)),
        }
    }

    /// Copies one JSON value whose first byte (`first`, already read) is given into `out`,
    /// enforcing the limits. `depth` is the nesting the value sits in. The JSON inside is not
    /// checked here: the caller parses `out`.
    pub fn value(&mut self, first: u8, depth: usize, out: &mut Vec<u8>) -> Result<(), SplitError> {
        out.clear();
        let start = self.pos();
        let too_big = |s: &Self| SplitError::Limit {
            pos: s.pos(),
            limit: LimitKind::LargeObject { start_line: start.line, start_column: start.column },
        };
        match first {
            b'{' | b'[' => {
                out.push(first);
                let mut level = 1usize;
                if depth + level > MAX_DEPTH {
                    return Err(SplitError::Limit { pos: self.pos(), limit: LimitKind::Nesting });
                }
                loop {
                    let structural = |b: u8| matches!(b, b'"' | b'{' | b'[' | b'}' | b']');
                    let Some(b) = self.copy_until(out, MAX_ENTRY_BYTES, structural)? else {
                        return Err(too_big(self));
                    };
                    if out.len() > MAX_ENTRY_BYTES {
                        return Err(too_big(self));
                    }
                    match b {
                        b'"' => self.string_into(out)?,
                        b'{' | b'[' => {
                            level += 1;
                            if depth + level > MAX_DEPTH {
                                return Err(SplitError::Limit { pos: self.pos(), limit: LimitKind::Nesting });
                            }
                        }
                        _ => {
                            level -= 1;
                            if level == 0 {
                                return Ok(());
                            }
                        }
                    }
                }
            }
            b'"' => {
                out.push(first);
                self.string_into(out)
            }
            b'}' | b']' | b',' | b':' => Err(self.syntax(SyntaxProblem::ExpectedValue)),
            _ => {
                // A number, true, false or null: up to the next delimiter, which is kept.
                out.push(first);
                loop {
                    match self.next()? {
                        None => return Ok(()),
                        Some(b) if is_ws(b) || matches!(b, b',' | b']' | b'}') => {
                            self.pending = Some(b);
                            return Ok(());
                        }
                        Some(b) => {
                            out.push(b);
                            if out.len() > 64 {
                                return Err(self.syntax(SyntaxProblem::ExpectedValue));
                            }
                        }
                    }
                }
            }
        }
    }

    /// Copies the rest of a string (after its opening quote) into `out`, closing quote included.
    fn string_into(&mut self, out: &mut Vec<u8>) -> Result<(), SplitError> {
        let start = out.len();
        let too_long = |s: &Self| SplitError::Limit { pos: s.pos(), limit: LimitKind::LongString };
        loop {
            let Some(b) = self.copy_until(out, start + MAX_STRING_BYTES, |b| b == b'"' || b == b'\\')? else {
                return Err(too_long(self));
            };
            if out.len() - start > MAX_STRING_BYTES {
                return Err(too_long(self));
            }
            if b == b'"' {
                return Ok(());
            }
            // A backslash: the next byte is taken as it is.
            let escaped = self.next_or_eof()?;
            out.push(escaped);
        }
    }

    /// Walks a list (after its `[`), handing each entry's bytes and start to `each`.
    pub fn list<E: From<SplitError>>(
        &mut self,
        depth: usize,
        buf: &mut Vec<u8>,
        mut each: impl FnMut(&[u8], Pos) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut first = true;
        loop {
            let b = self.expect_token()?;
            if first && b == b']' {
                return Ok(());
            }
            let pos = self.pos();
            self.value(b, depth + 1, buf)?;
            each(buf, pos)?;
            first = false;
            match self.expect_token()? {
                b',' => continue,
                b']' => return Ok(()),
                _ => return Err(self.syntax(SyntaxProblem::ExpectedCommaOrBracket).into()),
            }
        }
    }
}

/// What a document that starts with `b` (its first byte that is not white space) is.
pub fn what_starts_with(b: u8) -> JsonKind {
    match b {
        b'{' => JsonKind::Object,
        b'[' => JsonKind::List,
        b'"' => JsonKind::Text,
        b'0'..=b'9' | b'-' => JsonKind::Number,
        b't' | b'f' => JsonKind::Boolean,
        b'n' => JsonKind::Null,
        _ => JsonKind::NotJson,
    }
}

/// The keys of the top-level object, found without parsing values: `Ok(Err(Some(kind)))` when the
/// document is not an object (`kind` says what it starts with), `Ok(Err(None))` when it is empty. Keys longer than 256 bytes are
/// cut; at most 1,000 are kept.
pub fn top_level_keys<R: BufRead>(mut reader: R) -> io::Result<Result<Vec<String>, Option<JsonKind>>> {
    let mut keys = Vec::new();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut current: Option<Vec<u8>> = None;
    let mut last_string: Option<Vec<u8>> = None;
    let mut started = false;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            break;
        }
        let n = buf.len();
        let mut i = 0;
        while i < n {
            let b = buf[i];
            i += 1;
            if !started {
                if is_ws(b) {
                    continue;
                }
                if b != b'{' {
                    return Ok(Err(Some(what_starts_with(b))));
                }
                started = true;
            }
            if in_string {
                if escaped {
                    escaped = false;
                } else if b == b'\\' {
                    escaped = true;
                } else if b == b'"' {
                    in_string = false;
                    last_string = current.take();
                    continue;
                } else if current.is_none() {
                    // Inside a nested string: jump to the next quote or backslash.
                    i += buf[i..].iter().position(|&c| c == b'"' || c == b'\\').unwrap_or(n - i);
                    continue;
                }
                if let Some(key) = current.as_mut() {
                    if key.len() < 256 {
                        key.push(b);
                    }
                }
                continue;
            }
            match b {
                b'"' => {
                    in_string = true;
                    current = (depth == 1).then(Vec::new);
                }
                b':' => {
                    if let Some(key) = last_string.take() {
                        if keys.len() < 1000 {
                            keys.push(String::from_utf8_lossy(&key).into_owned());
                        }
                    }
                }
                b'{' | b'[' => depth += 1,
                b'}' | b']' => depth = depth.saturating_sub(1),
                b if is_ws(b) => {}
                _ => last_string = None,
            }
        }
        reader.consume(n);
    }
    if !started {
        return Ok(Err(None));
    }
    Ok(Ok(keys))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(doc: &[u8]) -> Result<Vec<(String, Pos)>, SplitError> {
        let mut s = Splitter::new(doc);
        assert_eq!(s.expect_token()?, b'[');
        let mut out = Vec::new();
        let mut buf = Vec::new();
        s.list(1, &mut buf, |bytes, pos| {
            out.push((String::from_utf8_lossy(bytes).into_owned(), pos));
            Ok::<(), SplitError>(())
        })?;
        Ok(out)
    }

    #[test]
    fn a_list_is_cut_into_its_entries_with_their_positions() {
        let got = entries(b"[ {\"a\": \"x ] } \\\" [\"},\n  12.5 , \"s\", [1,[2]], true,null]").unwrap();
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["{\"a\": \"x ] } \\\" [\"}", "12.5", "\"s\"", "[1,[2]]", "true", "null"]);
        assert_eq!(got[0].1, Pos { line: 1, column: 3 });
        assert_eq!(got[1].1, Pos { line: 2, column: 3 });
        assert!(entries(b"[]").unwrap().is_empty());
    }

    #[test]
    fn broken_lists_are_syntax_errors_or_truncation() {
        assert!(matches!(entries(b"[1 2]"), Err(SplitError::Syntax { .. })));
        assert!(matches!(entries(b"[{\"a\": 1}"), Err(SplitError::Truncated(_))));
        assert!(matches!(entries(b"[{\"a\": \"1"), Err(SplitError::Truncated(_))));
    }

    #[test]
    fn a_huge_string_stops_at_the_limit() {
        let mut doc = b"[\"".to_vec();
        doc.extend(std::iter::repeat_n(b'a', MAX_STRING_BYTES + 10));
        doc.extend(b"\"]");
        let err = entries(&doc).unwrap_err();
        assert!(err.to_string().starts_with("a string longer than 8 MiB"), "{err}");
    }

    #[test]
    fn deep_nesting_stops_before_anything_recurses() {
        let doc = format!("[{}{}]", "[".repeat(100_000), "]".repeat(100_000));
        let err = entries(doc.as_bytes()).unwrap_err();
        assert!(err.to_string().starts_with("nesting deeper than 64 levels"), "{err}");
    }

    #[test]
    fn brackets_inside_strings_do_not_count_as_nesting() {
        let doc = format!("[{{\"x\":\"{}\"}}]", "[".repeat(1000));
        assert_eq!(entries(doc.as_bytes()).unwrap().len(), 1);
    }

    #[test]
    fn one_oversized_entry_is_refused() {
        let mut doc = b"[{\"a\":[".to_vec();
        for _ in 0..(MAX_ENTRY_BYTES / 2 + 10) {
            doc.extend(b"1,");
        }
        doc.extend(b"1]}]");
        let err = entries(&doc).unwrap_err();
        assert!(err.to_string().starts_with("one object larger than 16 MiB"), "{err}");
    }

    #[test]
    fn positions_inside_an_entry_become_document_positions() {
        let start = Pos { line: 3, column: 10 };
        assert_eq!(start.offset_by(1, 5), Pos { line: 3, column: 14 });
        assert_eq!(start.offset_by(2, 5), Pos { line: 4, column: 5 });
    }

    #[test]
    fn top_level_keys_ignore_nested_keys_and_strings() {
        let doc = br#" {"username": "a", "organisationUnits": [{"id": "x", "name": "y:z"}], "s": "\\\"k\":", "n": {"deep": 1}}"#;
        let keys = top_level_keys(&doc[..]).unwrap().unwrap();
        assert_eq!(keys, ["username", "organisationUnits", "s", "n"]);
        assert_eq!(top_level_keys(&b"  [1]"[..]).unwrap(), Err(Some(JsonKind::List)));
        assert_eq!(top_level_keys(&b""[..]).unwrap(), Err(None));
    }
}
