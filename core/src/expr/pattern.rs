//! `d2:validatePattern(text, regex)`: does the whole text match a Java (`java.util.regex`,
//! OpenJDK 17) regular expression, as `text.matches(Regex(regex))` decides on the JVM engine.
//!
//! A Java pattern is translated into `fancy-regex` syntax with Java's meaning made explicit:
//! ASCII `\d \w \s` and POSIX `\p{Alpha}`-style classes, Java's line terminators for `.`, `^`,
//! `$`, ASCII-only `(?i)`, `\Q..\E` quoting, possessive quantifiers as atomic groups, class
//! intersection, octal and control escapes, and JDK 17's word boundary (letters, digits, `_`).
//! A Java construct with no faithful translation (blocks, `\G`, `(?u)`, case-insensitive
//! back-references, ...) is an error, never a silently different match. Compiled patterns are
//! cached (bounded) and matching is bounded in backtracking steps, so a hostile pattern ends in
//! an error instead of hanging the app.
//!
//! Owns the translation, the cache and the match. Does not own coercing the arguments (`eval`).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use fancy_regex::{Regex, RegexBuilder};

use crate::i18n::{Localize, Message};
use crate::msg;

/// Backtracking steps one match may take before it is abandoned.
pub const BACKTRACK_LIMIT: usize = 1_000_000;

/// Compiled patterns kept; the cache is emptied when it is full.
const CACHE_CAPACITY: usize = 128;

/// Why a pattern cannot be matched.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PatternError {
    /// Java refuses the pattern; `message` is Java's own description (`Unclosed group near
    /// index 2`), a technical detail for the metadata designer, shown as it is in every language.
    Invalid {
        pattern: String,
        message: String,
    },
    /// A Java construct (`\X`, `(?u)`, `\p{InGreek}`) Phum cannot match exactly.
    Unsupported {
        pattern: String,
        construct: String,
    },
    /// A construct Phum matches, but not with case ignored (`(?i)`).
    UnsupportedIgnoringCase {
        pattern: String,
        construct: String,
    },
    TooComplex {
        pattern: String,
    },
}

impl Localize for PatternError {
    fn message(&self) -> Message {
        match self {
            PatternError::Invalid { pattern, message } => {
                msg!("expr-pattern-invalid", pattern = pattern, detail = message)
            }
            PatternError::Unsupported { pattern, construct } => {
                msg!("expr-pattern-unsupported", pattern = pattern, construct = construct)
            }
            PatternError::UnsupportedIgnoringCase { pattern, construct } => {
                msg!("expr-pattern-unsupported-ignoring-case", pattern = pattern, construct = construct)
            }
            PatternError::TooComplex { pattern } => {
                msg!("expr-pattern-too-complex", pattern = pattern, steps = BACKTRACK_LIMIT)
            }
        }
    }
}

crate::english_display!(PatternError);

/// Whether all of `text` matches the Java regular expression `pattern`.
pub fn matches(text: &str, pattern: &str) -> Result<bool, PatternError> {
    let regex = compiled(pattern)?;
    regex.is_match(text).map_err(|e| match e {
        fancy_regex::Error::RuntimeError(_) => PatternError::TooComplex { pattern: pattern.to_string() },
        other => PatternError::Invalid { pattern: pattern.to_string(), message: other.to_string() },
    })
}

fn compiled(pattern: &str) -> Result<Regex, PatternError> {
    static CACHE: OnceLock<Mutex<HashMap<String, Result<Regex, PatternError>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(found) = cache.lock().unwrap_or_else(|p| p.into_inner()).get(pattern) {
        return found.clone();
    }
    let result = translate(pattern).and_then(|rust| {
        RegexBuilder::new(&rust)
            .backtrack_limit(BACKTRACK_LIMIT)
            .build()
            .map_err(|e| PatternError::Invalid { pattern: pattern.to_string(), message: e.to_string() })
    });
    let mut cache = cache.lock().unwrap_or_else(|p| p.into_inner());
    if cache.len() >= CACHE_CAPACITY {
        cache.clear();
    }
    cache.insert(pattern.to_string(), result.clone());
    result
}

/// The Java pattern as a fancy-regex pattern anchored at both ends.
pub fn translate(pattern: &str) -> Result<String, PatternError> {
    let mut t = Translator {
        pattern,
        chars: pattern.chars().collect(),
        pos: 0,
        out: String::from(r"\A(?:"),
        flags: Flags::default(),
        groups: Vec::new(),
        atom: Atom::None,
        group_count: 0,
    };
    t.sequence()?;
    t.out.push_str(r")\z");
    Ok(t.out)
}

/// Java's inline flags that change the translation.
#[derive(Debug, Clone, Copy, Default)]
struct Flags {
    case_insensitive: bool,
    dot_all: bool,
    multiline: bool,
    comments: bool,
}

/// What a following quantifier would repeat: where it starts in the output.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Atom {
    /// Nothing: a quantifier here is Java's "dangling meta character".
    None,
    Plain(usize),
    /// An atom already quantified: only `{n,m}` may follow (Java accepts `a{2}{3}`).
    Quantified(usize),
}

/// A parsed escape sequence.
enum Escape {
    Char(char),
    /// A class in fancy-regex syntax, bracketed (`[0-9]`), usable alone or nested in a class.
    Class(String),
    /// A zero-width or multi-character construct, only valid outside classes.
    Other(String),
    Quote(Vec<char>),
}

struct Translator<'a> {
    pattern: &'a str,
    chars: Vec<char>,
    pos: usize,
    out: String,
    flags: Flags,
    /// Open groups: the flags to restore at `)` and where the group starts in the output.
    groups: Vec<(Flags, usize)>,
    atom: Atom,
    group_count: usize,
}

/// Java's line terminators, for `.`, `^`, `$`.
const NOT_LINE_END: &str = r"[^\x{A}\x{D}\x{85}\x{2028}\x{2029}]";
/// JDK 17's `\b` reads a word character as `Character.isLetterOrDigit` or `_`, and a
/// non-spacing mark as one when the nearest character before it that is not such a mark is a
/// letter or digit. `WORD_BEFORE` asserts a word character just before the position,
/// `WORD_AFTER` one just after it.
const WORD_BEFORE: &str = r"(?:(?<=[\p{L}\p{Nd}_])|(?<=[\p{L}\p{Nd}]\p{Mn}+))";
const WORD_AFTER: &str = r"(?:(?=[\p{L}\p{Nd}_])|(?=\p{Mn})(?<=[\p{L}\p{Nd}]\p{Mn}*))";

impl Translator<'_> {
    fn invalid(&self, message: impl Into<String>) -> PatternError {
        PatternError::Invalid {
            pattern: self.pattern.to_string(),
            message: format!("{} near index {}", message.into(), self.pos),
        }
    }

    fn unsupported(&self, construct: impl Into<String>) -> PatternError {
        PatternError::Unsupported { pattern: self.pattern.to_string(), construct: construct.into() }
    }

    fn unsupported_ignoring_case(&self, construct: impl Into<String>) -> PatternError {
        PatternError::UnsupportedIgnoringCase { pattern: self.pattern.to_string(), construct: construct.into() }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += 1;
        Some(c)
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Skips whitespace and `#` comments in `(?x)` mode.
    fn skip_comments(&mut self) {
        while self.flags.comments {
            match self.peek() {
                Some(' ' | '\t' | '\n' | '\u{B}' | '\u{C}' | '\r') => self.pos += 1,
                Some('#') => {
                    while !matches!(self.next(), None | Some('\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')) {}
                }
                _ => break,
            }
        }
    }

    fn emit_atom(&mut self, text: &str) {
        self.atom = Atom::Plain(self.out.len());
        self.out.push_str(text);
    }

    fn sequence(&mut self) -> Result<(), PatternError> {
        loop {
            self.skip_comments();
            let Some(c) = self.next() else { break };
            match c {
                '(' => self.open_group()?,
                ')' => {
                    let (flags, start) = self.groups.pop().ok_or_else(|| self.invalid("Unmatched closing ')'"))?;
                    self.out.push(')');
                    self.flags = flags;
                    self.atom = Atom::Plain(start);
                }
                '|' => {
                    self.out.push('|');
                    self.atom = Atom::None;
                }
                '[' => {
                    let class = self.class()?;
                    self.emit_atom(&class);
                }
                '.' => {
                    let dot = if self.flags.dot_all { "(?s:.)" } else { NOT_LINE_END };
                    self.emit_atom(dot);
                }
                '^' => {
                    let caret = if self.flags.multiline {
                        r"(?:\A|(?<=[\x{A}\x{85}\x{2028}\x{2029}])(?!\z)|(?<=\x{D})(?!\x{A}|\z))"
                    } else {
                        r"\A"
                    };
                    self.emit_atom(caret);
                }
                '$' => {
                    let dollar = if self.flags.multiline { MULTILINE_DOLLAR } else { DOLLAR };
                    self.emit_atom(dollar);
                }
                '*' | '+' | '?' | '{' => self.quantifier(c)?,
                '\\' => match self.escape(false)? {
                    Escape::Char(c) => self.literal(c),
                    Escape::Class(s) | Escape::Other(s) => self.emit_atom(&s),
                    Escape::Quote(chars) => {
                        for c in chars {
                            self.literal(c);
                        }
                    }
                },
                c => self.literal(c),
            }
        }
        if !self.groups.is_empty() {
            return Err(self.invalid("Unclosed group"));
        }
        Ok(())
    }

    fn literal(&mut self, c: char) {
        let text = if self.flags.case_insensitive && c.is_ascii_alphabetic() {
            format!("[{}{}]", c.to_ascii_lowercase(), c.to_ascii_uppercase())
        } else if c.is_ascii_alphanumeric() {
            c.to_string()
        } else {
            hex(c)
        };
        self.emit_atom(&text);
    }

    fn open_group(&mut self) -> Result<(), PatternError> {
        let start = self.out.len();
        let saved = self.flags;
        if !self.eat('?') {
            self.group_count += 1;
            self.out.push('(');
        } else {
            match self.next() {
                Some(':') => self.out.push_str("(?:"),
                Some('=') => self.out.push_str("(?="),
                Some('!') => self.out.push_str("(?!"),
                Some('>') => self.out.push_str("(?>"),
                Some('<') if self.eat('=') => self.out.push_str("(?<="),
                Some('<') if self.eat('!') => self.out.push_str("(?<!"),
                Some('<') => {
                    let name = self.group_name()?;
                    self.group_count += 1;
                    self.out.push_str(&format!("(?<{name}>"));
                }
                _ => {
                    self.pos -= 1;
                    if self.inline_flags()? {
                        // `(?i)`: the flags hold to the end of the enclosing group.
                        self.atom = Atom::None;
                        return Ok(());
                    }
                    self.out.push_str("(?:");
                }
            }
        }
        self.groups.push((saved, start));
        self.atom = Atom::None;
        Ok(())
    }

    /// Reads `idmsuxU-` flags up to `)` (returns true) or `:` (returns false).
    fn inline_flags(&mut self) -> Result<bool, PatternError> {
        let mut on = true;
        loop {
            match self.next() {
                Some(')') => return Ok(true),
                Some(':') => return Ok(false),
                Some('-') => on = false,
                Some('i') => self.flags.case_insensitive = on,
                Some('s') => self.flags.dot_all = on,
                Some('m') => self.flags.multiline = on,
                Some('x') => self.flags.comments = on,
                Some(f @ ('d' | 'u' | 'U')) => return Err(self.unsupported(format!("(?{f})"))),
                _ => return Err(self.invalid("Unknown inline modifier")),
            }
        }
    }

    fn group_name(&mut self) -> Result<String, PatternError> {
        let mut name = String::new();
        while let Some(c) = self.next() {
            if c == '>' {
                let valid = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                    && name.chars().all(|c| c.is_ascii_alphanumeric());
                return if valid { Ok(name) } else { Err(self.invalid("named capturing group has a bad name")) };
            }
            name.push(c);
        }
        Err(self.invalid("named capturing group is missing trailing '>'"))
    }

    fn quantifier(&mut self, c: char) -> Result<(), PatternError> {
        let start = match (self.atom, c) {
            (Atom::Plain(start), _) => start,
            (Atom::Quantified(start), '{') => {
                // Repeat the repetition: wrap it so fancy-regex sees one atom.
                self.out.insert_str(start, "(?:");
                self.out.push(')');
                start
            }
            _ => return Err(self.invalid(format!("Dangling meta character '{c}'"))),
        };
        let mut text = c.to_string();
        if c == '{' {
            let mut body = String::new();
            loop {
                match self.next() {
                    Some('}') => break,
                    Some(d @ ('0'..='9' | ',')) => body.push(d),
                    Some(_) => return Err(self.invalid("Illegal repetition")),
                    None => return Err(self.invalid("Unclosed counted closure")),
                }
            }
            let mut parts = body.splitn(2, ',');
            let min = parts.next().unwrap_or_default();
            let max = parts.next();
            let number = |s: &str| s.parse::<u32>().ok();
            let valid = number(min).is_some()
                && match max {
                    None | Some("") => true,
                    Some(m) => number(m).zip(number(min)).is_some_and(|(m, n)| m >= n),
                };
            if !valid {
                return Err(self.invalid("Illegal repetition range"));
            }
            text.push_str(&body);
            text.push('}');
        }
        if self.eat('?') {
            text.push('?');
            self.out.push_str(&text);
        } else if self.eat('+') {
            // Possessive: an atomic group around the repetition.
            self.out.push_str(&text);
            self.out.insert_str(start, "(?>");
            self.out.push(')');
        } else {
            self.out.push_str(&text);
        }
        self.atom = Atom::Quantified(start);
        Ok(())
    }

    /// A bracketed class, `[` already read; the result is a fancy-regex class.
    fn class(&mut self) -> Result<String, PatternError> {
        let mut out = String::from("[");
        if self.eat('^') {
            out.push('^');
        }
        let mut first = true;
        loop {
            self.skip_comments();
            let c = self.next().ok_or_else(|| self.invalid("Unclosed character class"))?;
            match c {
                ']' if !first => break,
                '[' => out.push_str(&self.class()?),
                '&' if self.peek() == Some('&') => {
                    self.pos += 1;
                    out.push_str("&&");
                }
                '\\' => match self.escape(true)? {
                    Escape::Char(c) => self.class_char(c, &mut out)?,
                    Escape::Class(s) => out.push_str(&s),
                    Escape::Quote(chars) => {
                        for c in chars {
                            self.class_range(c, c, &mut out);
                        }
                    }
                    Escape::Other(_) => return Err(self.invalid("Illegal/unsupported escape sequence in a class")),
                },
                c => self.class_char(c, &mut out)?,
            }
            first = false;
        }
        out.push(']');
        Ok(out)
    }

    /// A character in a class, possibly the start of a range `c-d`.
    fn class_char(&mut self, lo: char, out: &mut String) -> Result<(), PatternError> {
        if self.peek() != Some('-') || matches!(self.peek_at(1), None | Some(']' | '[')) {
            self.class_range(lo, lo, out);
            return Ok(());
        }
        self.pos += 1;
        let hi = match self.next() {
            Some('\\') => match self.escape(true)? {
                Escape::Char(c) => c,
                _ => return Err(self.invalid("Illegal character range")),
            },
            Some(c) => c,
            None => return Err(self.invalid("Unclosed character class")),
        };
        if hi < lo {
            return Err(self.invalid("Illegal character range"));
        }
        self.class_range(lo, hi, out);
        Ok(())
    }

    /// `lo-hi` in a class, plus the other case of its ASCII letters under `(?i)`.
    fn class_range(&self, lo: char, hi: char, out: &mut String) {
        let push = |out: &mut String, a: char, b: char| {
            out.push_str(&hex(a));
            if a != b {
                out.push('-');
                out.push_str(&hex(b));
            }
        };
        push(out, lo, hi);
        if self.flags.case_insensitive {
            for (from, to) in [('a', 'A'), ('A', 'a')] {
                let (a, b) = (lo.max(from), hi.min((from as u8 + 25) as char));
                if a <= b {
                    let shift = |c: char| ((c as u8) - (from as u8) + (to as u8)) as char;
                    push(out, shift(a), shift(b));
                }
            }
        }
    }

    fn hex_digits(&mut self, count: usize) -> Result<u32, PatternError> {
        let mut value = 0;
        for _ in 0..count {
            let d =
                self.next().and_then(|c| c.to_digit(16)).ok_or_else(|| self.invalid("Illegal hexadecimal escape"))?;
            value = value * 16 + d;
        }
        Ok(value)
    }

    fn code_point(&self, value: u32) -> Result<char, PatternError> {
        char::from_u32(value).ok_or_else(|| self.unsupported(format!("U+{value:X}")))
    }

    /// An escape, `\` already read.
    fn escape(&mut self, in_class: bool) -> Result<Escape, PatternError> {
        let c = self.next().ok_or_else(|| self.invalid("Unexpected internal error (trailing backslash)"))?;
        let class = |s: &str| Ok(Escape::Class(s.to_string()));
        match c {
            'd' => class("[0-9]"),
            'D' => class("[^0-9]"),
            'w' => class("[a-zA-Z0-9_]"),
            'W' => class("[^a-zA-Z0-9_]"),
            's' => class(r"[\x{9}-\x{D}\x{20}]"),
            'S' => class(r"[^\x{9}-\x{D}\x{20}]"),
            'h' => class(HORIZONTAL_SPACE),
            'H' => Ok(Escape::Class(HORIZONTAL_SPACE.replacen('[', "[^", 1))),
            'v' => class(VERTICAL_SPACE),
            'V' => Ok(Escape::Class(VERTICAL_SPACE.replacen('[', "[^", 1))),
            'p' | 'P' => {
                let name = if self.eat('{') {
                    let mut name = String::new();
                    loop {
                        match self.next() {
                            Some('}') => break,
                            Some(c) => name.push(c),
                            None => return Err(self.invalid("Unclosed character family")),
                        }
                    }
                    name
                } else {
                    self.next().ok_or_else(|| self.invalid("Illegal character family"))?.to_string()
                };
                let set = self.property(&name)?;
                Ok(Escape::Class(if c == 'P' { set.replacen('[', "[^", 1) } else { set }))
            }
            't' => Ok(Escape::Char('\t')),
            'n' => Ok(Escape::Char('\n')),
            'r' => Ok(Escape::Char('\r')),
            'f' => Ok(Escape::Char('\u{C}')),
            'a' => Ok(Escape::Char('\u{7}')),
            'e' => Ok(Escape::Char('\u{1B}')),
            '0' => {
                let digit = |c: Option<char>| c.and_then(|c| c.to_digit(8));
                let mut value = digit(self.next()).ok_or_else(|| self.invalid("Illegal octal escape sequence"))?;
                if let Some(d) = digit(self.peek()) {
                    self.pos += 1;
                    value = value * 8 + d;
                    if let (true, Some(d)) = (value < 32, digit(self.peek())) {
                        self.pos += 1;
                        value = value * 8 + d;
                    }
                }
                Ok(Escape::Char(self.code_point(value)?))
            }
            'x' => {
                let value = if self.eat('{') {
                    let mut value: u32 = 0;
                    let mut digits = 0;
                    while let Some(d) = self.peek().and_then(|c| c.to_digit(16)) {
                        self.pos += 1;
                        digits += 1;
                        value = value.saturating_mul(16).saturating_add(d);
                    }
                    if digits == 0 || !self.eat('}') || value > 0x10FFFF {
                        return Err(self.invalid("Illegal hexadecimal escape sequence"));
                    }
                    value
                } else {
                    self.hex_digits(2)?
                };
                Ok(Escape::Char(self.code_point(value)?))
            }
            'u' => {
                let high = self.hex_digits(4)?;
                if (0xD800..0xDC00).contains(&high) && self.peek() == Some('\\') && self.peek_at(1) == Some('u') {
                    let save = self.pos;
                    self.pos += 2;
                    let low = self.hex_digits(4)?;
                    if (0xDC00..0xE000).contains(&low) {
                        return Ok(Escape::Char(self.code_point(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))?));
                    }
                    self.pos = save;
                }
                Ok(Escape::Char(self.code_point(high)?))
            }
            'c' => {
                let x = self.next().ok_or_else(|| self.invalid("Illegal control escape sequence"))?;
                Ok(Escape::Char(self.code_point(x as u32 ^ 64)?))
            }
            'Q' => {
                let mut quoted = Vec::new();
                while let Some(c) = self.next() {
                    if c == '\\' && self.peek() == Some('E') {
                        self.pos += 1;
                        break;
                    }
                    quoted.push(c);
                }
                Ok(Escape::Quote(quoted))
            }
            c if in_class && c.is_ascii_alphanumeric() => Err(self.invalid("Illegal/unsupported escape sequence")),
            'b' => Ok(Escape::Other(format!("(?:{WORD_BEFORE}(?!{WORD_AFTER})|(?!{WORD_BEFORE}){WORD_AFTER})"))),
            'B' => Ok(Escape::Other(format!("(?:{WORD_BEFORE}{WORD_AFTER}|(?!{WORD_BEFORE})(?!{WORD_AFTER}))"))),
            'A' => Ok(Escape::Other(r"\A".into())),
            'z' => Ok(Escape::Other(r"\z".into())),
            'Z' => Ok(Escape::Other(DOLLAR.into())),
            'R' => Ok(Escape::Other(r"(?>\x{D}\x{A}|[\x{A}-\x{D}\x{85}\x{2028}\x{2029}])".into())),
            'k' => {
                if !self.eat('<') {
                    return Err(self.invalid("\\k is not followed by '<' for named capturing group"));
                }
                let name = self.group_name()?;
                self.backreference(format!(r"\k<{name}>"), format!(r"\k<{name}>"))
            }
            '1'..='9' => {
                let mut number = c.to_digit(10).unwrap_or(0) as usize;
                // Java reads further digits while they still name an existing group.
                while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
                    let longer = number * 10 + d as usize;
                    if longer > self.group_count {
                        break;
                    }
                    number = longer;
                    self.pos += 1;
                }
                if number > self.group_count {
                    // Java accepts a reference to a group that does not exist; it never matches.
                    return Ok(Escape::Other("(?!)".into()));
                }
                // Grouped, so that a digit after it stays a literal.
                self.backreference(format!(r"\{number}"), format!(r"(?:\{number})"))
            }
            // The end of the previous match: for a whole-text match, the start.
            'G' => Ok(Escape::Other(r"\A".into())),
            'X' | 'N' => Err(self.unsupported(format!("\\{c}"))),
            c if c.is_ascii_alphanumeric() => Err(self.invalid("Illegal/unsupported escape sequence")),
            c => Ok(Escape::Char(c)),
        }
    }

    /// A back-reference as Java writes it, and as the translation does.
    fn backreference(&self, java: String, translated: String) -> Result<Escape, PatternError> {
        if self.flags.case_insensitive {
            return Err(self.unsupported_ignoring_case(java));
        }
        Ok(Escape::Other(translated))
    }

    /// The class for `\p{name}`, bracketed.
    fn property(&self, name: &str) -> Result<String, PatternError> {
        if let Some((_, set)) = POSIX.iter().find(|(n, _)| *n == name) {
            if self.flags.case_insensitive && matches!(name, "Lower" | "Upper") {
                // Java folds the case of these two under (?i).
                return Ok("[a-zA-Z]".into());
            }
            return Ok(set.to_string());
        }
        if name == "all" {
            return Ok(r"[\x{0}-\x{10FFFF}]".into());
        }
        if self.flags.case_insensitive {
            // Under (?i) Java widens a cased category to all cased letters.
            if matches!(name, "Lu" | "Ll" | "Lt" | "IsLu" | "IsLl" | "IsLt") {
                return Ok(r"[\p{Lu}\p{Ll}\p{Lt}]".into());
            }
            let cased = ["Lowercase", "Uppercase", "Titlecase"];
            if cased.iter().any(|c| name.ends_with(c)) {
                return Err(self.unsupported_ignoring_case(format!("\\p{{{name}}}")));
            }
        }
        let unicode = |p: &str| Ok(format!(r"[\p{{{p}}}]"));
        let is_category = |s: &str| {
            let mut c = s.chars();
            matches!(c.next(), Some('C' | 'L' | 'M' | 'N' | 'P' | 'S' | 'Z'))
                && s.len() <= 2
                && c.all(|c| c.is_ascii_lowercase() || c == 'C')
        };
        if is_category(name) {
            return unicode(name);
        }
        if let Some(rest) = name.strip_prefix("Is") {
            // After "Is": a binary property or a POSIX name read as Unicode (case-insensitive),
            // a general category, or a script.
            let upper = rest.to_ascii_uppercase();
            if let Some((_, set)) = IS_PROPERTIES.iter().find(|(n, _)| *n == upper) {
                return Ok(set.to_string());
            }
            if POSIX.iter().any(|(n, _)| n.eq_ignore_ascii_case(rest)) {
                return Err(self.unsupported(format!("\\p{{{name}}}")));
            }
            if is_category(rest) {
                return unicode(rest);
            }
            return unicode(&format!("sc={rest}"));
        }
        for prefix in ["script=", "sc=", "general_category=", "gc="] {
            if let Some(rest) = name.strip_prefix(prefix) {
                return unicode(&format!("{}={rest}", &prefix[..prefix.len() - 1]));
            }
        }
        if name.starts_with("In") || name.starts_with("block=") || name.starts_with("blk=") {
            return Err(self.unsupported(format!("\\p{{{name}}}")));
        }
        if let Some((_, set)) = JAVA_PROPERTIES.iter().find(|(n, _)| *n == name) {
            return Ok(set.to_string());
        }
        if name.starts_with("java") {
            return Err(self.unsupported(format!("\\p{{{name}}}")));
        }
        Err(self.invalid(format!("Unknown character property name {{{name}}}")))
    }
}

/// Java's `$` without MULTILINE: the end, or before a final line terminator.
const DOLLAR: &str = r"(?:\z|(?=\x{D}\x{A}\z)|(?=[\x{D}\x{85}\x{2028}\x{2029}]\z)|(?<!\x{D})(?=\x{A}\z))";
/// Java's `$` with MULTILINE: before any line terminator (not inside `\r\n`), or the end.
const MULTILINE_DOLLAR: &str = r"(?:\z|(?=[\x{D}\x{85}\x{2028}\x{2029}])|(?<!\x{D})(?=\x{A}))";
const HORIZONTAL_SPACE: &str = r"[\x{20}\x{9}\x{A0}\x{1680}\x{180E}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}]";
const VERTICAL_SPACE: &str = r"[\x{A}-\x{D}\x{85}\x{2028}\x{2029}]";

/// Java's POSIX classes (US-ASCII only, as without UNICODE_CHARACTER_CLASS).
const POSIX: [(&str, &str); 13] = [
    ("Lower", "[a-z]"),
    ("Upper", "[A-Z]"),
    ("ASCII", r"[\x{0}-\x{7F}]"),
    ("Alpha", "[a-zA-Z]"),
    ("Digit", "[0-9]"),
    ("Alnum", "[a-zA-Z0-9]"),
    ("Punct", r"[\x{21}-\x{2F}\x{3A}-\x{40}\x{5B}-\x{60}\x{7B}-\x{7E}]"),
    ("Graph", r"[\x{21}-\x{7E}]"),
    ("Print", r"[\x{20}-\x{7E}]"),
    ("Blank", r"[\x{20}\x{9}]"),
    ("Cntrl", r"[\x{0}-\x{1F}\x{7F}]"),
    ("XDigit", "[0-9a-fA-F]"),
    ("Space", r"[\x{9}-\x{D}\x{20}]"),
];

/// Names after `Is` (upper-cased, as Java compares them) that are not categories or scripts:
/// JDK 17's binary properties and the POSIX names it reads as Unicode properties. The other
/// POSIX names are refused after `Is`.
const IS_PROPERTIES: [(&str, &str); 26] = [
    ("ALPHABETIC", r"[\p{Alphabetic}]"),
    ("ASSIGNED", r"[\p{Assigned}]"),
    ("CONTROL", r"[\p{Cc}]"),
    ("HEXDIGIT", r"[\p{Nd}\p{Hex_Digit}]"),
    ("HEX_DIGIT", r"[\p{Nd}\p{Hex_Digit}]"),
    ("IDEOGRAPHIC", r"[\p{Ideographic}]"),
    ("JOINCONTROL", r"[\p{Join_Control}]"),
    ("JOIN_CONTROL", r"[\p{Join_Control}]"),
    ("LETTER", r"[\p{L}]"),
    ("LOWERCASE", r"[\p{Lowercase}]"),
    ("UPPERCASE", r"[\p{Uppercase}]"),
    ("TITLECASE", r"[\p{Lt}]"),
    ("PUNCTUATION", r"[\p{P}]"),
    ("NONCHARACTERCODEPOINT", r"[\p{Noncharacter_Code_Point}]"),
    ("NONCHARACTER_CODE_POINT", r"[\p{Noncharacter_Code_Point}]"),
    ("WHITESPACE", r"[\p{White_Space}]"),
    ("WHITE_SPACE", r"[\p{White_Space}]"),
    ("WORD", r"[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]"),
    ("ALPHA", r"[\p{Alphabetic}]"),
    ("LOWER", r"[\p{Lowercase}]"),
    ("UPPER", r"[\p{Uppercase}]"),
    ("DIGIT", r"[\p{Nd}]"),
    ("ALNUM", r"[\p{Alphabetic}\p{Nd}]"),
    ("PUNCT", r"[\p{P}]"),
    ("SPACE", r"[\p{White_Space}]"),
    ("CNTRL", r"[\p{Cc}]"),
];

/// `\p{javaXxx}`: the `java.lang.Character` predicates that have a Unicode property.
const JAVA_PROPERTIES: [(&str, &str); 8] = [
    ("javaLowerCase", r"[\p{Lowercase}]"),
    ("javaUpperCase", r"[\p{Uppercase}]"),
    ("javaTitleCase", r"[\p{Lt}]"),
    ("javaDigit", r"[\p{Nd}]"),
    ("javaLetter", r"[\p{L}]"),
    ("javaLetterOrDigit", r"[\p{L}\p{Nd}]"),
    ("javaAlphabetic", r"[\p{Alphabetic}]"),
    ("javaIdeographic", r"[\p{Ideographic}]"),
];

/// A character written so that fancy-regex reads it literally anywhere.
fn hex(c: char) -> String {
    format!(r"\x{{{:X}}}", c as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(text: &str, pattern: &str) -> bool {
        matches(text, pattern).unwrap_or_else(|e| panic!("{pattern}: {e}"))
    }

    #[test]
    fn the_whole_text_must_match() {
        assert!(m("123", r"\d+"));
        assert!(!m("123a", r"\d+"));
        assert!(!m("a123", r"\d+"));
        assert!(m("abc", "a|abc"), "alternatives are tried until the whole text matches");
        assert!(m("", "a*"));
    }

    #[test]
    fn shorthand_and_posix_classes_are_ascii_only() {
        assert!(!m("\u{661}", r"\d"), "Arabic-Indic digit one");
        assert!(m("\u{661}", r"\p{Nd}"));
        assert!(!m("é", r"\w"));
        assert!(!m("\u{A0}", r"\s"));
        assert!(m("Ab9", r"\p{Alpha}\p{Alpha}\p{Digit}"));
        assert!(!m("é", r"\p{Alpha}"));
        assert!(m("é", r"\p{IsAlpha}"), "after Is, POSIX names are Unicode properties");
        assert!(m("é", r"\p{javaLowerCase}"));
        assert!(m("កក", r"\p{IsLetter}\p{IsLo}"));
        assert!(m("a", r"\p{IsALPHABETIC}"), "Java upper-cases property names after Is");
        assert!(m("a1_", r"[\p{Alnum}_]+"));
        assert!(m("!", r"\p{Punct}"));
        assert!(m("x", r"\P{Digit}"));
        assert!(m("ក", r"\p{IsKhmer}"));
        assert!(m("ក", r"\p{L}"));
        assert!(m("ក", r"\p{sc=Khmer}"));
        assert!(m("ក", r"\pL"));
    }

    #[test]
    fn java_dot_excludes_every_java_line_terminator() {
        for t in ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"] {
            assert!(!m(t, "."), "{t:?}");
            assert!(m(t, "(?s)."), "{t:?}");
        }
        assert!(m("\u{B}", "."));
    }

    #[test]
    fn dollar_may_stand_before_a_final_line_terminator() {
        assert!(!m("a\n", "a$"), "the terminator itself is still unmatched");
        assert!(m("a\n", "a$\n"));
        assert!(m("a\nb", "(?m)a$\nb"));
        assert!(!m("a\nb", "a$\nb"));
        assert!(m("a\nb", "(?m)a\n^b"));
    }

    #[test]
    fn quoting_octal_hex_unicode_and_control_escapes() {
        assert!(m("a.b", r"a\Q.\Eb"));
        assert!(!m("axb", r"a\Q.\Eb"));
        assert!(m("abb", r"a\Qb\E*"), "a quantifier after \\E repeats the last quoted character");
        assert!(m("a(", r"a\Q("), "an unterminated \\Q quotes to the end");
        assert!(m("a", r"\0141"));
        assert!(m("ab", r"\Gab"), "\\G is the start of a whole-text match");
        assert!(m("a", r"\x61"));
        assert!(m("a", r"\x{61}"));
        assert!(m("a", r"\u0061"));
        assert!(m("😀", r"\uD83D\uDE00"));
        assert!(m("\u{18}", r"\cX"));
        assert!(m("\u{1B}", r"\e"));
    }

    #[test]
    fn possessive_quantifiers_do_not_give_back() {
        assert!(!m("aaa", "a*+a"));
        assert!(m("aaa", "a*+"));
        assert!(m("aab", "a++b"));
        assert!(!m("aab", "a++ab"));
        assert!(m("aab", "a{2}{1}b"), "Java repeats a counted repetition");
    }

    #[test]
    fn class_syntax_java_style() {
        assert!(m("f", "[a-z&&[^e]]"));
        assert!(!m("e", "[a-z&&[^e]]"));
        assert!(m("]", "[]a]"), "a ] first in a class is literal");
        assert!(!m("]", "[^]a]"));
        assert!(m("-", "[a-]"));
        assert!(m("b", "[a[b]]"), "a nested class is a union");
        assert!(m("^", r"[\^]"));
        assert!(m("[", r"[\[]"));
    }

    #[test]
    fn case_insensitivity_is_ascii_only() {
        assert!(m("ABC", "(?i)abc"));
        assert!(m("B", "(?i)[a-c]"));
        assert!(!m("\u{212A}", "(?i)k"), "Kelvin sign folds to k only in Unicode mode");
        assert!(!m("É", "(?i)é"));
        assert!(m("aB", "a(?i)b"));
        assert!(!m("Ab", "a(?i)b"));
        assert!(!m("aB", "(?:(?i)a)b"), "flags end with their group");
        assert!(m("Ab", "(?i:a)b"));
        assert!(m("A", r"(?i)\p{Lower}"), "Java folds POSIX Lower and Upper");
        assert!(m("a", r"(?i)\p{Lu}"));
        assert!(!m("1", r"(?i)\p{Ll}"));
    }

    #[test]
    fn backreferences_and_named_groups() {
        assert!(m("abab", "(ab)\\1"));
        assert!(!m("abac", "(ab)\\1"));
        assert!(m("aa", "(?<x>a)\\k<x>"));
        assert!(!m("aa", "(a)\\2"), "a reference to a missing group never matches");
        assert!(m("aa1", "(a)\\11"), "digits after a reference that name no group are literal");
    }

    #[test]
    fn word_boundaries_use_jdk17_letters_and_digits() {
        assert!(m("é", r"\b.\b"));
        assert!(m("a b", r"a\b \bb"));
        assert!(!m("ab", r"a\bb"));
        assert!(m("ab", r"a\Bb"));
        // A non-spacing mark after a letter is part of the word; after a space it is not.
        assert!(m("e\u{301}", r"\b..\b"));
        assert!(!m(" \u{301}a", r".\b.."));
        assert!(m(" \u{301}a", r"..\ba"));
        // A spacing mark (Khmer vowel sign AA) is not a word character in JDK 17.
        assert!(!m("\u{17B6}", r".\b"));
        assert!(m("\u{1780}\u{17B6}", r".\b."));
    }

    #[test]
    fn comments_mode_ignores_whitespace_and_comments() {
        assert!(m("ab", "(?x) a b # letters"));
        assert!(m("a b", r"(?x) a \  b"));
    }

    #[test]
    fn java_only_constructs_without_a_translation_are_errors() {
        for p in [r"\p{InGreek}", r"\p{javaSpaceChar}", "(?u)a", "(?U)a", r"(?i)(a)\1", r"(?i)\p{IsLowercase}", r"\X"] {
            assert!(
                matches!(
                    matches("a", p),
                    Err(PatternError::Unsupported { .. } | PatternError::UnsupportedIgnoringCase { .. })
                ),
                "{p}"
            );
        }
    }

    #[test]
    fn invalid_java_patterns_are_errors() {
        for p in [
            "a**",
            "(a",
            "a)",
            "[a",
            "a{",
            "a{,2}",
            "[]",
            r"\p{alpha}",
            r"\p{Latin}",
            r"[a-\d]",
            r"[\b]",
            "(?#c)a",
            r"\y",
            "[z-a]",
            r"\p{IsEmoji}",
        ] {
            assert!(matches!(matches("a", p), Err(PatternError::Invalid { .. })), "{p}");
        }
    }

    #[test]
    fn hostile_patterns_stop_with_an_error() {
        let text = format!("{}!", "a".repeat(40));
        // A back-reference forces the backtracking engine.
        let result = matches(&text, r"(a*)*\1b");
        assert_eq!(result, Err(PatternError::TooComplex { pattern: r"(a*)*\1b".into() }));
        // Without fancy features the automaton engine answers at once.
        assert_eq!(matches(&text, "(a+)+b"), Ok(false));
    }

    #[test]
    fn compiled_patterns_are_cached() {
        let first = compiled(r"[0-9]{3}").unwrap();
        let again = compiled(r"[0-9]{3}").unwrap();
        assert_eq!(first.as_str(), again.as_str());
        assert_eq!(translate(r"\d").unwrap(), r"\A(?:[0-9])\z");
    }

    #[test]
    fn every_pattern_error_variant_renders_in_both_languages() {
        fn name(e: &PatternError) -> &'static str {
            match e {
                PatternError::Invalid { .. } => "Invalid",
                PatternError::Unsupported { .. } => "Unsupported",
                PatternError::UnsupportedIgnoringCase { .. } => "UnsupportedIgnoringCase",
                PatternError::TooComplex { .. } => "TooComplex",
            }
        }
        let samples = [
            matches("a", "(a").unwrap_err(),
            matches("a", r"\X").unwrap_err(),
            matches("a", r"(?i)(a)\1").unwrap_err(),
            PatternError::TooComplex { pattern: r"(a*)*\1b".into() },
        ];
        let names: std::collections::BTreeSet<&str> = samples.iter().map(name).collect();
        assert_eq!(names, ["Invalid", "Unsupported", "UnsupportedIgnoringCase", "TooComplex"].into_iter().collect());
        for e in &samples {
            crate::i18n::catalogue_tests::assert_renders_in_both(&e.message());
        }
        assert_eq!(
            samples[2].to_string(),
            r"d2:validatePattern: the construct \1 in '(?i)(a)\1' is not supported with (?i)."
        );
    }
}
