//! A small streaming JSON writer for the synthetic metadata document.
//!
//! Owns the JSON syntax (commas, brackets, string escaping) and the buffering towards the output.
//! Each top-level object is built in a reusable buffer and handed to the writer in chunks of about
//! 64 KiB, so the whole document never sits in memory. Does not own what goes into the objects.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::rng::Uid;

/// Appends `text` as a JSON string literal.
pub(crate) fn push_str_literal(out: &mut String, text: &str) {
    out.push('"');
    let mut start = 0;
    for (i, ch) in text.char_indices() {
        let escape: Option<&str> = match ch {
            '"' => Some("\\\""),
            '\\' => Some("\\\\"),
            '\n' => Some("\\n"),
            '\r' => Some("\\r"),
            '\t' => Some("\\t"),
            c if (c as u32) < 0x20 => None,
            _ => continue,
        };
        out.push_str(&text[start..i]);
        match escape {
            Some(e) => out.push_str(e),
            None => {
                let _ = write!(out, "\\u{:04x}", ch as u32);
            }
        }
        start = i + ch.len_utf8();
    }
    out.push_str(&text[start..]);
    out.push('"');
}

/// A JSON object being written; keys are plain ASCII identifiers chosen by this module's callers.
pub(crate) struct Obj<'a> {
    buf: &'a mut String,
    first: bool,
}

impl<'a> Obj<'a> {
    fn key(&mut self, key: &str) {
        if !self.first {
            self.buf.push(',');
        }
        self.first = false;
        self.buf.push('"');
        self.buf.push_str(key);
        self.buf.push_str("\":");
    }

    pub(crate) fn str(&mut self, key: &str, value: &str) -> &mut Self {
        self.key(key);
        push_str_literal(self.buf, value);
        self
    }

    pub(crate) fn int(&mut self, key: &str, value: i64) -> &mut Self {
        self.key(key);
        let _ = write!(self.buf, "{value}");
        self
    }

    /// A number already formatted as a JSON number.
    pub(crate) fn num(&mut self, key: &str, value: &str) -> &mut Self {
        self.key(key);
        self.buf.push_str(value);
        self
    }

    pub(crate) fn bool(&mut self, key: &str, value: bool) -> &mut Self {
        self.key(key);
        self.buf.push_str(if value { "true" } else { "false" });
        self
    }

    pub(crate) fn id(&mut self, uid: Uid) -> &mut Self {
        self.str("id", uid.as_str())
    }

    /// `"key":{"id":"..."}`
    pub(crate) fn reference(&mut self, key: &str, uid: Uid) -> &mut Self {
        self.key(key);
        push_ref(self.buf, uid);
        self
    }

    /// `"key":[{"id":"..."},...]`
    pub(crate) fn references<I: IntoIterator<Item = Uid>>(&mut self, key: &str, uids: I) -> &mut Self {
        self.key(key);
        self.buf.push('[');
        for (i, uid) in uids.into_iter().enumerate() {
            if i > 0 {
                self.buf.push(',');
            }
            push_ref(self.buf, uid);
        }
        self.buf.push(']');
        self
    }

    pub(crate) fn array(&mut self, key: &str, fill: impl FnOnce(&mut Arr<'_>)) -> &mut Self {
        self.key(key);
        self.buf.push('[');
        {
            let mut arr = Arr { buf: self.buf, first: true };
            fill(&mut arr);
        }
        self.buf.push(']');
        self
    }

    pub(crate) fn object(&mut self, key: &str, fill: impl FnOnce(&mut Obj<'_>)) -> &mut Self {
        self.key(key);
        write_object(self.buf, fill);
        self
    }

    /// `"translations":[{"property":P,"locale":"km","value":KM},{"property":P,"locale":"en","value":EN},...]`
    /// from `(property, km, en)` triples.
    pub(crate) fn translations(&mut self, entries: &[(&str, &str, &str)]) -> &mut Self {
        self.array("translations", |arr| {
            for (property, km, en) in entries {
                for (locale, value) in [("km", km), ("en", en)] {
                    arr.object(|o| {
                        o.str("property", property).str("locale", locale).str("value", value);
                    });
                }
            }
        })
    }
}

/// A JSON array being written.
pub(crate) struct Arr<'a> {
    buf: &'a mut String,
    first: bool,
}

impl<'a> Arr<'a> {
    fn sep(&mut self) {
        if !self.first {
            self.buf.push(',');
        }
        self.first = false;
    }

    pub(crate) fn object(&mut self, fill: impl FnOnce(&mut Obj<'_>)) {
        self.sep();
        write_object(self.buf, fill);
    }

    pub(crate) fn int(&mut self, value: i64) {
        self.sep();
        let _ = write!(self.buf, "{value}");
    }
}

fn push_ref(buf: &mut String, uid: Uid) {
    buf.push_str("{\"id\":\"");
    buf.push_str(uid.as_str());
    buf.push_str("\"}");
}

fn write_object(buf: &mut String, fill: impl FnOnce(&mut Obj<'_>)) {
    buf.push('{');
    {
        let mut obj = Obj { buf, first: true };
        fill(&mut obj);
    }
    buf.push('}');
}

const FLUSH_AT: usize = 64 * 1024;

/// Writes one top-level JSON object whose values are (mostly) lists of objects.
pub(crate) struct DocWriter<'w> {
    out: &'w mut dyn Write,
    buf: String,
    first_key: bool,
    first_item: bool,
    written: u64,
}

impl<'w> DocWriter<'w> {
    pub(crate) fn begin(out: &'w mut dyn Write) -> DocWriter<'w> {
        let mut buf = String::with_capacity(FLUSH_AT * 2);
        buf.push('{');
        DocWriter { out, buf, first_key: true, first_item: true, written: 0 }
    }

    fn key(&mut self, key: &str) {
        if !self.first_key {
            self.buf.push(',');
        }
        self.first_key = false;
        self.buf.push('\n');
        push_str_literal(&mut self.buf, key);
        self.buf.push(':');
    }

    fn maybe_flush(&mut self) -> io::Result<()> {
        if self.buf.len() >= FLUSH_AT {
            self.flush_buf()?;
        }
        Ok(())
    }

    fn flush_buf(&mut self) -> io::Result<()> {
        self.out.write_all(self.buf.as_bytes())?;
        self.written += self.buf.len() as u64;
        self.buf.clear();
        Ok(())
    }

    /// `"key":{...}` at the top level.
    pub(crate) fn single(&mut self, key: &str, fill: impl FnOnce(&mut Obj<'_>)) -> io::Result<()> {
        self.key(key);
        write_object(&mut self.buf, fill);
        self.maybe_flush()
    }

    pub(crate) fn begin_list(&mut self, key: &str) -> io::Result<()> {
        self.key(key);
        self.buf.push('[');
        self.first_item = true;
        self.maybe_flush()
    }

    /// One object of the current list, on its own line.
    pub(crate) fn item(&mut self, fill: impl FnOnce(&mut Obj<'_>)) -> io::Result<()> {
        if !self.first_item {
            self.buf.push(',');
        }
        self.first_item = false;
        self.buf.push('\n');
        write_object(&mut self.buf, fill);
        self.maybe_flush()
    }

    pub(crate) fn end_list(&mut self) -> io::Result<()> {
        self.buf.push_str("\n]");
        self.maybe_flush()
    }

    /// `"key":[...]` with one object per item, each filled by `fill`.
    pub(crate) fn list<T>(
        &mut self,
        key: &str,
        items: impl IntoIterator<Item = T>,
        mut fill: impl FnMut(&mut Obj<'_>, T),
    ) -> io::Result<()> {
        self.begin_list(key)?;
        for item in items {
            self.item(|o| fill(o, item))?;
        }
        self.end_list()
    }

    /// Closes the document and flushes; returns the number of bytes written.
    pub(crate) fn finish(mut self) -> io::Result<u64> {
        self.buf.push_str("\n}\n");
        self.flush_buf()?;
        self.out.flush()?;
        Ok(self.written)
    }
}
