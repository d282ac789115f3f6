//! Tokens of the expression language: numbers, strings (with upstream's escapes), names
//! (`d2:hasValue`, `true`, `PS_EVENTDATE:uid`), `#{}`/`A{}`/`C{}`/`V{}` items, operators, and
//! comments and white space skipped.
//!
//! Owns the lexical rules of research/program-rules.md §2.2. Does not own what a name means
//! (`parser`, `functions`).

use std::fmt;

use super::parser::ParseErrorKind;
use crate::i18n::Message;

/// A token and where it starts (character index, 0-based).
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub kind: Tok,
    pub at: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    /// The literal's text, parsed by the parser (upstream parses with `String.toDouble()`).
    Number(String),
    Str(String),
    /// A run of `[A-Za-z0-9#:_.]`: function names, `true`/`false`/`null`, word operators.
    Name(String),
    /// `#{content}`, `A{content}`, `C{content}`, `V{content}`: the prefix and the raw content.
    Item(char, String),
    Op(&'static str),
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    End,
}

impl fmt::Display for Tok {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tok::Number(n) => write!(f, "number {n}"),
            Tok::Str(_) => f.write_str("a string"),
            Tok::Name(n) => write!(f, "'{n}'"),
            Tok::Item(p, c) => write!(f, "{p}{{{c}}}"),
            Tok::Op(o) => write!(f, "'{o}'"),
            Tok::LParen => f.write_str("'('"),
            Tok::RParen => f.write_str("')'"),
            Tok::LBracket => f.write_str("'['"),
            Tok::RBracket => f.write_str("']'"),
            Tok::Comma => f.write_str("','"),
            Tok::End => f.write_str("the end of the expression"),
        }
    }
}

impl Tok {
    /// How a parse error names the token it found or wanted: `number 12`, `a text`, `'('`,
    /// `the end of the expression`.
    pub fn describe(&self) -> Message {
        match self {
            Tok::Number(n) => crate::msg!("expr-token-number", number = n),
            Tok::Str(_) => Message::new("expr-token-text"),
            Tok::End => Message::new("expr-token-end"),
            other => crate::msg!("expr-token-symbol", symbol = other.to_string().trim_matches('\'')),
        }
    }
}

/// A lexical error: where (character index, 0-based), and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexError {
    pub at: usize,
    pub kind: ParseErrorKind,
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '#' | ':' | '_' | '.')
}

/// Splits `src` into tokens, ending with [`Tok::End`].
pub fn tokenize(src: &str) -> Result<Vec<Token>, LexError> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let err = |at: usize, kind: ParseErrorKind| Err(LexError { at, kind });
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        match c {
            ' ' | '\t' | '\n' | '\r' => i += 1,
            '/' if chars.get(i + 1) == Some(&'*') => {
                // An unclosed comment swallows the rest of the input.
                i += 2;
                while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                    i += 1;
                }
                i = (i + 2).min(chars.len());
            }
            '\'' | '"' => {
                let (text, next) = string(&chars, i)?;
                out.push(Token { kind: Tok::Str(text), at: start });
                i = next;
            }
            '0'..='9' => {
                let next = number_end(&chars, i);
                out.push(Token { kind: Tok::Number(chars[i..next].iter().collect()), at: start });
                i = next;
            }
            '.' if chars.get(i + 1).is_some_and(|d| d.is_ascii_digit()) => {
                let next = number_end(&chars, i);
                out.push(Token { kind: Tok::Number(chars[i..next].iter().collect()), at: start });
                i = next;
            }
            '(' | ')' | '[' | ']' | ',' => {
                out.push(Token {
                    kind: match c {
                        '(' => Tok::LParen,
                        ')' => Tok::RParen,
                        '[' => Tok::LBracket,
                        ']' => Tok::RBracket,
                        _ => Tok::Comma,
                    },
                    at: start,
                });
                i += 1;
            }
            '^' | '*' | '/' | '%' | '+' | '-' => {
                out.push(Token { kind: Tok::Op(op_str(c)), at: start });
                i += 1;
            }
            '&' | '|' => {
                if chars.get(i + 1) != Some(&c) {
                    let (written, instead) = if c == '&' { ("&", "&&") } else { ("|", "||") };
                    return err(start, ParseErrorKind::WrongOperator { written, instead });
                }
                out.push(Token { kind: Tok::Op(if c == '&' { "&&" } else { "||" }), at: start });
                i += 2;
            }
            '<' | '>' | '=' | '!' => {
                let two = chars.get(i + 1) == Some(&'=');
                let op = match (c, two) {
                    ('<', true) => "<=",
                    ('>', true) => ">=",
                    ('=', true) => "==",
                    ('!', true) => "!=",
                    ('<', false) if chars.get(i + 1) == Some(&'>') => {
                        return err(start, ParseErrorKind::WrongOperator { written: "<>", instead: "!=" });
                    }
                    ('<', false) => "<",
                    ('>', false) => ">",
                    ('!', false) => "!",
                    _ => return err(start, ParseErrorKind::WrongOperator { written: "=", instead: "==" }),
                };
                out.push(Token { kind: Tok::Op(op), at: start });
                i += if two { 2 } else { 1 };
            }
            c if is_name_char(c) => {
                let mut end = i;
                while end < chars.len() && is_name_char(chars[end]) {
                    end += 1;
                }
                // Upstream ends a word operator where no letter or '_' follows it: `or#{x}`,
                // `and2` and `not#{x}` are an operator and an operand; `order` is one name.
                for keyword in ["and", "or", "not"] {
                    let k = i + keyword.len();
                    if end > k
                        && chars[i..k].iter().copied().eq(keyword.chars())
                        && !(chars[k].is_ascii_alphabetic() || chars[k] == '_')
                    {
                        end = k;
                    }
                }
                let name: String = chars[i..end].iter().collect();
                if matches!(name.as_str(), "#" | "A" | "C" | "V") && chars.get(end) == Some(&'{') {
                    let close = match chars[end + 1..].iter().position(|&c| c == '}') {
                        Some(p) => end + 1 + p,
                        None => return err(start, ParseErrorKind::UnclosedItem(name.chars().next().unwrap_or('#'))),
                    };
                    let content: String = chars[end + 1..close].iter().collect();
                    out.push(Token { kind: Tok::Item(name.chars().next().unwrap_or('#'), content), at: start });
                    i = close + 1;
                } else {
                    out.push(Token { kind: Tok::Name(name), at: start });
                    i = end;
                }
            }
            other => return err(start, ParseErrorKind::UnexpectedCharacter(other)),
        }
    }
    out.push(Token { kind: Tok::End, at: chars.len() });
    Ok(out)
}

fn op_str(c: char) -> &'static str {
    match c {
        '^' => "^",
        '*' => "*",
        '/' => "/",
        '%' => "%",
        '+' => "+",
        _ => "-",
    }
}

/// `digits [. digits*] [(e|E) [+|-] digits]`, or starting with `.`.
fn number_end(chars: &[char], mut i: usize) -> usize {
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if chars.get(i) == Some(&'.') {
        i += 1;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
    }
    if matches!(chars.get(i), Some('e' | 'E')) {
        let mut j = i + 1;
        if matches!(chars.get(j), Some('+' | '-')) {
            j += 1;
        }
        if chars.get(j).is_some_and(|c| c.is_ascii_digit()) {
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            i = j;
        }
    }
    i
}

/// The source text between the quotes of the string literal starting at character `at`, escapes
/// left as written: upstream parses `d2:condition`'s condition from this raw text, so
/// `d2:condition('\'a\' == x', ..)` does not parse there.
pub fn raw_string(src: &[char], at: usize) -> Option<String> {
    let (_, next) = string(src, at).ok()?;
    let closed = next >= at + 2 && src.get(next - 1) == src.get(at);
    Some(src[at + 1..if closed { next - 1 } else { next }].iter().collect())
}

/// A quoted string starting at `i`: returns its text and the index after it. Escapes: `\uXXXX`,
/// `\ddd` (octal), `\b \t \n \f \r`; any other escaped character stands for itself. An
/// unescaped line break ends the string.
fn string(chars: &[char], i: usize) -> Result<(String, usize), LexError> {
    let quote = chars[i];
    let mut out = String::new();
    let mut j = i + 1;
    loop {
        let Some(&c) = chars.get(j) else {
            return Err(LexError { at: i, kind: ParseErrorKind::UnclosedString });
        };
        match c {
            c if c == quote => return Ok((out, j + 1)),
            '\n' | '\r' => return Ok((out, j)),
            '\\' => {
                let Some(&e) = chars.get(j + 1) else {
                    return Err(LexError { at: i, kind: ParseErrorKind::UnclosedString });
                };
                j += 2;
                match e {
                    'b' => out.push('\u{8}'),
                    't' => out.push('\t'),
                    'n' => out.push('\n'),
                    'f' => out.push('\u{c}'),
                    'r' => out.push('\r'),
                    'u' => {
                        let hex: String = chars.get(j..j + 4).map(|s| s.iter().collect()).unwrap_or_default();
                        let code = u32::from_str_radix(&hex, 16).ok().filter(|_| hex.len() == 4);
                        // A high surrogate escape followed by a low one is one character, as
                        // in a Kotlin string: '\uD83D\uDE31' is U+1F631.
                        let low = code.filter(|c| (0xD800..0xDC00).contains(c)).and_then(|_| {
                            let next: String = chars.get(j + 4..j + 10)?.iter().collect();
                            let low = u32::from_str_radix(next.strip_prefix("\\u")?, 16).ok()?;
                            (0xDC00..0xE000).contains(&low).then_some(low)
                        });
                        let ch = match (code, low) {
                            (Some(high), Some(low)) => {
                                char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                            }
                            (code, _) => code.and_then(char::from_u32),
                        };
                        match ch {
                            Some(ch) => out.push(ch),
                            // A lone surrogate cannot be held in a Rust string.
                            None => {
                                return Err(LexError { at: j - 2, kind: ParseErrorKind::InvalidUnicodeEscape(hex) })
                            }
                        }
                        j += if low.is_some() { 10 } else { 4 };
                    }
                    '0'..='7' if chars.get(j..j + 2).is_some_and(|s| s.iter().all(|d| ('0'..='7').contains(d))) => {
                        let oct: String = std::iter::once(e).chain(chars[j..j + 2].iter().copied()).collect();
                        let code = u32::from_str_radix(&oct, 8).unwrap_or(0);
                        out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                        j += 2;
                    }
                    other => out.push(other),
                }
            }
            c => {
                out.push(c);
                j += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<Tok> {
        tokenize(src).unwrap().into_iter().map(|t| t.kind).collect()
    }

    #[test]
    fn numbers_in_every_accepted_shape() {
        for n in ["5", "5.", ".5", "1.5e3", "1E-2", "007"] {
            assert_eq!(kinds(n), [Tok::Number(n.into()), Tok::End], "{n}");
        }
        // A sign is an operator, not part of the literal.
        assert_eq!(kinds("-1"), [Tok::Op("-"), Tok::Number("1".into()), Tok::End]);
    }

    #[test]
    fn string_escapes_follow_upstream() {
        assert_eq!(kinds(r"'a\tb'"), [Tok::Str("a\tb".into()), Tok::End]);
        assert_eq!(kinds(r"'\d'"), [Tok::Str("d".into()), Tok::End]);
        assert_eq!(kinds(r"'\\d'"), [Tok::Str("\\d".into()), Tok::End]);
        assert_eq!(kinds(r"'\u0041\101'"), [Tok::Str("AA".into()), Tok::End]);
        assert_eq!(kinds(r#""it's""#), [Tok::Str("it's".into()), Tok::End]);
        assert!(tokenize("'open").is_err());
    }

    #[test]
    fn surrogate_pair_escapes_make_one_character_and_lone_ones_are_refused() {
        assert_eq!(kinds(r"'a\uD83D\uDE31b'"), [Tok::Str("a\u{1F631}b".into()), Tok::End]);
        assert!(tokenize(r"'\uD83D'").is_err());
        assert!(tokenize(r"'\uD83Dx\uDE31'").is_err());
        assert!(tokenize(r"'\uDE31\uD83D'").is_err());
    }

    #[test]
    fn raw_string_keeps_escapes() {
        let src: Vec<char> = r"x 'a\'b' ''".chars().collect();
        assert_eq!(raw_string(&src, 2).as_deref(), Some(r"a\'b"));
        assert_eq!(raw_string(&src, 9).as_deref(), Some(""));
        assert_eq!(raw_string(&src, 0), None);
    }

    #[test]
    fn items_names_and_comments() {
        assert_eq!(
            kinds("#{hemoglobin} /* note */ > A{age in years} && V{event_date}"),
            [
                Tok::Item('#', "hemoglobin".into()),
                Tok::Op(">"),
                Tok::Item('A', "age in years".into()),
                Tok::Op("&&"),
                Tok::Item('V', "event_date".into()),
                Tok::End
            ]
        );
        assert_eq!(kinds("d2:hasValue(x)")[0], Tok::Name("d2:hasValue".into()));
        assert_eq!(kinds("1 /* unclosed"), [Tok::Number("1".into()), Tok::End]);
        assert_eq!(
            kinds("true or#{b}and2"),
            [
                Tok::Name("true".into()),
                Tok::Name("or".into()),
                Tok::Item('#', "b".into()),
                Tok::Name("and".into()),
                Tok::Number("2".into()),
                Tok::End
            ]
        );
        assert_eq!(kinds("not#{b}")[0], Tok::Name("not".into()));
        assert_eq!(kinds("or_x ortrue")[..2], [Tok::Name("or_x".into()), Tok::Name("ortrue".into())]);
    }

    #[test]
    fn operators_upstream_refuses() {
        for bad in ["1 & 2", "1 | 2", "1 = 2", "1 <> 2", "1 &| 2"] {
            assert!(tokenize(bad).is_err(), "{bad}");
        }
        assert_eq!(kinds("!=")[0], Tok::Op("!="));
    }
}
