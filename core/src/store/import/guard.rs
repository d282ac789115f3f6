//! A reader wrapper that stops hostile JSON before it costs memory: it watches the bytes as the
//! parser pulls them and fails on a string longer than [`MAX_STRING_BYTES`], nesting deeper than
//! [`MAX_DEPTH`], or one collection entry larger than [`MAX_ENTRY_BYTES`].
//!
//! Owns those limits. Does not own JSON syntax: it only tracks strings, escapes and brackets, and
//! leaves every other judgement to serde_json.

use std::io::{self, Read};

/// Longest string accepted anywhere in a metadata document (custom HTML forms can be large).
pub const MAX_STRING_BYTES: usize = 8 * 1024 * 1024;
/// Deepest nesting accepted (real metadata stays below 10; GeoJSON adds a few).
pub const MAX_DEPTH: usize = 64;
/// Largest single object inside a top-level collection.
pub const MAX_ENTRY_BYTES: usize = 16 * 1024 * 1024;

/// Which limit a document broke; carried inside the `io::Error` the parser sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    StringLength,
    Depth,
    EntrySize,
}

#[derive(Debug)]
pub struct LimitExceeded {
    pub limit: Limit,
    /// Byte offset in the document where the limit was crossed.
    pub offset: u64,
}

impl std::fmt::Display for LimitExceeded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.limit {
            Limit::StringLength => write!(f, "a string longer than {} MiB at byte {}", MAX_STRING_BYTES >> 20, self.offset),
            Limit::Depth => write!(f, "nesting deeper than {MAX_DEPTH} levels at byte {}", self.offset),
            Limit::EntrySize => write!(f, "one object larger than {} MiB at byte {}", MAX_ENTRY_BYTES >> 20, self.offset),
        }
    }
}

impl std::error::Error for LimitExceeded {}

pub struct Guard<R> {
    inner: R,
    offset: u64,
    depth: usize,
    in_string: bool,
    escaped: bool,
    string_len: usize,
    /// Bytes since the current collection entry (depth 3) began.
    entry_len: usize,
}

impl<R: Read> Guard<R> {
    pub fn new(inner: R) -> Guard<R> {
        Guard { inner, offset: 0, depth: 0, in_string: false, escaped: false, string_len: 0, entry_len: 0 }
    }

    fn scan(&mut self, buf: &[u8]) -> Result<(), LimitExceeded> {
        for (i, &b) in buf.iter().enumerate() {
            let at = || self.offset + i as u64;
            if self.depth >= 3 {
                self.entry_len += 1;
                if self.entry_len > MAX_ENTRY_BYTES {
                    return Err(LimitExceeded { limit: Limit::EntrySize, offset: at() });
                }
            }
            if self.in_string {
                self.string_len += 1;
                if self.string_len > MAX_STRING_BYTES {
                    return Err(LimitExceeded { limit: Limit::StringLength, offset: at() });
                }
                if self.escaped {
                    self.escaped = false;
                } else if b == b'\\' {
                    self.escaped = true;
                } else if b == b'"' {
                    self.in_string = false;
                }
                continue;
            }
            match b {
                b'"' => {
                    self.in_string = true;
                    self.string_len = 0;
                }
                b'{' | b'[' => {
                    self.depth += 1;
                    if self.depth > MAX_DEPTH {
                        return Err(LimitExceeded { limit: Limit::Depth, offset: at() });
                    }
                    if self.depth == 3 {
                        self.entry_len = 1;
                    }
                }
                b'}' | b']' => self.depth = self.depth.saturating_sub(1),
                _ => {}
            }
        }
        self.offset += buf.len() as u64;
        Ok(())
    }
}

impl<R: Read> Read for Guard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.scan(&buf[..n]).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        Ok(n)
    }
}

/// Why a guarded parse stopped.
pub enum Stopped {
    Limit(LimitExceeded),
    Io(io::Error),
    Json(serde_json::Error),
}

/// Sorts an error from a guarded parse: a broken limit, a read failure, or bad JSON.
pub fn classify(err: serde_json::Error) -> Stopped {
    if err.classify() != serde_json::error::Category::Io {
        return Stopped::Json(err);
    }
    let io: io::Error = err.into();
    if io.get_ref().is_some_and(|inner| inner.is::<LimitExceeded>()) {
        if let Some(Ok(limit)) = io.into_inner().map(|inner| inner.downcast::<LimitExceeded>()) {
            return Stopped::Limit(*limit);
        }
        return Stopped::Io(io::Error::other("read failed"));
    }
    Stopped::Io(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(doc: &[u8]) -> Result<serde_json::Value, serde_json::Error> {
        serde_json::from_reader(Guard::new(doc))
    }

    fn limit(err: serde_json::Error) -> Option<Limit> {
        match classify(err) {
            Stopped::Limit(l) => Some(l.limit),
            _ => None,
        }
    }

    #[test]
    fn ordinary_json_passes_untouched() {
        let doc = br#"{"programs":[{"id":"a","name":"x \" [ { \\","n":[1,[2,[3]]]}]}"#;
        assert_eq!(parse(doc).unwrap()["programs"][0]["name"], "x \" [ { \\");
    }

    #[test]
    fn a_huge_string_stops_at_the_limit() {
        let mut doc = b"{\"x\":\"".to_vec();
        doc.extend(std::iter::repeat_n(b'a', MAX_STRING_BYTES + 10));
        doc.extend(b"\"}");
        let err = parse(&doc).unwrap_err();
        assert_eq!(limit(err), Some(Limit::StringLength));
    }

    #[test]
    fn deep_nesting_stops_before_the_parser_recurses() {
        let doc = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let err = parse(doc.as_bytes()).unwrap_err();
        assert!(err.to_string().contains("nesting deeper than 64"), "{err}");
        assert_eq!(limit(err), Some(Limit::Depth));
    }

    #[test]
    fn brackets_inside_strings_do_not_count_as_nesting() {
        let doc = format!("{{\"x\":\"{}\"}}", "[".repeat(1000));
        assert!(parse(doc.as_bytes()).is_ok());
    }

    #[test]
    fn one_oversized_entry_is_refused() {
        let mut doc = b"{\"options\":[{\"a\":[".to_vec();
        for _ in 0..(MAX_ENTRY_BYTES / 2 + 10) {
            doc.extend(b"1,");
        }
        doc.extend(b"1]}]}");
        let err = parse(&doc).unwrap_err();
        assert_eq!(limit(err), Some(Limit::EntrySize));
    }
}
