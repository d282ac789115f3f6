//! Tokens of the validation-rule expression language, cut as the SDK's ANTLR lexer
//! (`dhis-antlr-expression-parser`) cuts them: function names include their `(` (`if(`; `if (`
//! is not a call), items are single tokens with no space inside the braces (`#{de.coc}`,
//! `C{uid}`, `OUG{uid}`, `[days]`), numbers follow `NUMERIC_LITERAL` (no leading zeros, optional
//! fraction and exponent), strings take single or double quotes with Java escapes.
//!
//! Owns tokenising and the position of every token (in characters from 0). Does not own the
//! grammar (`parser`) or what the content of an item means (`parser` checks its UIDs).

use super::ast::Function;
use super::parser::{AggregateParseError, ParseErrorKind};

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Number {
        value: f64,
        text: String,
    },
    Str {
        value: String,
        text: String,
    },
    Bool(bool),
    Null,
    /// `#{...}`: the text between the braces.
    DataItem(String),
    Constant(String),
    OrgUnitGroup(String),
    Days,
    /// Another item kind (`A{`, `R{`, `I{`, `D{`, `N{`, `V{`, `X{`): not for validation rules.
    OtherItem(String),
    Call(Function),
    /// `name(` for a name that is not a function of validation rules.
    UnknownCall(String),
    /// A word that is neither a keyword nor followed by `(`.
    Word(String),
    In,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Caret,
    Not,
    And,
    Or,
    Eq,
    Ne,
    Lt,
    Gt,
    Le,
    Ge,
    LParen,
    RParen,
    Comma,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub tok: Tok,
    /// Character offset of the token's first character.
    pub pos: usize,
}

pub fn tokenize(text: &str) -> Result<Vec<Token>, AggregateParseError> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, ' ' | '\t' | '\n' | '\r') {
            i += 1;
            continue;
        }
        let start = i;
        let (tok, next) = lex_one(&chars, i)?;
        out.push(Token { tok, pos: start });
        i = next;
    }
    Ok(out)
}

fn err(pos: usize, kind: ParseErrorKind) -> AggregateParseError {
    AggregateParseError { position: pos, kind }
}

fn lex_one(chars: &[char], i: usize) -> Result<(Tok, usize), AggregateParseError> {
    let c = chars[i];
    let next = chars.get(i + 1).copied();
    let two = |t: Tok| Ok((t, i + 2));
    let one = |t: Tok| Ok((t, i + 1));
    match c {
        '#' if next == Some('{') => braced(chars, i, 2, Tok::DataItem),
        '[' => {
            let word: String = chars[i..].iter().take(6).collect();
            if word == "[days]" {
                Ok((Tok::Days, i + 6))
            } else {
                Err(err(i, ParseErrorKind::UnexpectedChar('[')))
            }
        }
        '\'' | '"' => string(chars, i),
        '0'..='9' => number(chars, i),
        '.' if next.is_some_and(|d| d.is_ascii_digit()) => number(chars, i),
        '+' => one(Tok::Plus),
        '-' => one(Tok::Minus),
        '*' => one(Tok::Star),
        '/' => one(Tok::Slash),
        '%' => one(Tok::Percent),
        '^' => one(Tok::Caret),
        '(' => one(Tok::LParen),
        ')' => one(Tok::RParen),
        ',' => one(Tok::Comma),
        '!' if next == Some('=') => two(Tok::Ne),
        '!' => one(Tok::Not),
        '=' if next == Some('=') => two(Tok::Eq),
        '&' if next == Some('&') => two(Tok::And),
        '|' if next == Some('|') => two(Tok::Or),
        '<' if next == Some('=') => two(Tok::Le),
        '<' => one(Tok::Lt),
        '>' if next == Some('=') => two(Tok::Ge),
        '>' => one(Tok::Gt),
        c if c.is_ascii_alphabetic() || c == '_' => word(chars, i),
        other => Err(err(i, ParseErrorKind::UnexpectedChar(other))),
    }
}

/// An item `X{...}` whose opening is `open_len` characters long; no nesting, no line breaks.
fn braced(
    chars: &[char],
    i: usize,
    open_len: usize,
    make: fn(String) -> Tok,
) -> Result<(Tok, usize), AggregateParseError> {
    let mut j = i + open_len;
    let mut content = String::new();
    while let Some(&c) = chars.get(j) {
        match c {
            '}' => return Ok((make(content), j + 1)),
            '{' | '\n' | '\r' => break,
            _ => content.push(c),
        }
        j += 1;
    }
    Err(err(i, ParseErrorKind::UnclosedBrace))
}

fn word(chars: &[char], i: usize) -> Result<(Tok, usize), AggregateParseError> {
    let mut j = i;
    while j < chars.len() && (chars[j].is_ascii_alphanumeric() || matches!(chars[j], '_' | ':' | '.')) {
        j += 1;
    }
    let name: String = chars[i..j].iter().collect();
    match chars.get(j) {
        Some('{') => {
            return match name.as_str() {
                "C" => braced(chars, i, 2, Tok::Constant),
                "OUG" => braced(chars, i, 4, Tok::OrgUnitGroup),
                _ => {
                    let (_, end) = braced(chars, i, name.chars().count() + 1, Tok::OtherItem)?;
                    Ok((Tok::OtherItem(name), end))
                }
            };
        }
        Some('(') => {
            let tok = match Function::by_name(&name) {
                Some(f) => Tok::Call(f),
                None => Tok::UnknownCall(name),
            };
            return Ok((tok, j + 1));
        }
        _ => {}
    }
    let tok = match name.as_str() {
        "true" => Tok::Bool(true),
        "false" => Tok::Bool(false),
        "null" => Tok::Null,
        "and" => Tok::And,
        "or" => Tok::Or,
        "not" => Tok::Not,
        "in" => Tok::In,
        _ => Tok::Word(name),
    };
    Ok((tok, j))
}

fn number(chars: &[char], i: usize) -> Result<(Tok, usize), AggregateParseError> {
    let digits_from = |mut j: usize| {
        while j < chars.len() && chars[j].is_ascii_digit() {
            j += 1;
        }
        j
    };
    let mut j = i;
    if chars[j] == '0' {
        j += 1;
    } else if chars[j] != '.' {
        j = digits_from(j);
    }
    if chars.get(j) == Some(&'.') {
        j = digits_from(j + 1);
    }
    if matches!(chars.get(j), Some('e' | 'E')) {
        let mut k = j + 1;
        if matches!(chars.get(k), Some('+' | '-')) {
            k += 1;
        }
        if chars.get(k).is_some_and(|c| c.is_ascii_digit()) {
            j = digits_from(k);
        }
    }
    let text: String = chars[i..j].iter().collect();
    match crate::expr::number::parse_jvm_double(&text) {
        Some(value) => Ok((Tok::Number { value, text }, j)),
        None => Err(err(i, ParseErrorKind::BadNumber(text))),
    }
}

fn string(chars: &[char], i: usize) -> Result<(Tok, usize), AggregateParseError> {
    let quote = chars[i];
    let mut value = String::new();
    let mut j = i + 1;
    loop {
        let Some(&c) = chars.get(j) else {
            return Err(err(i, ParseErrorKind::UnclosedString));
        };
        match c {
            c if c == quote => {
                let text: String = chars[i..=j].iter().collect();
                return Ok((Tok::Str { value, text }, j + 1));
            }
            '\n' | '\r' => return Err(err(i, ParseErrorKind::UnclosedString)),
            '\\' => {
                let (ch, next) = escape(chars, j)?;
                value.push(ch);
                j = next;
            }
            c => {
                value.push(c);
                j += 1;
            }
        }
    }
}

/// A Java escape sequence starting at the backslash `chars[j]`.
fn escape(chars: &[char], j: usize) -> Result<(char, usize), AggregateParseError> {
    let bad = || err(j, ParseErrorKind::BadEscape);
    let c = *chars.get(j + 1).ok_or_else(bad)?;
    let simple = match c {
        'b' => Some('\u{8}'),
        't' => Some('\t'),
        'n' => Some('\n'),
        'f' => Some('\u{c}'),
        'r' => Some('\r'),
        '"' | '\'' | '\\' => Some(c),
        _ => None,
    };
    if let Some(s) = simple {
        return Ok((s, j + 2));
    }
    if c == 'u' {
        let mut k = j + 1;
        while chars.get(k) == Some(&'u') {
            k += 1;
        }
        let hex: String = chars.get(k..k + 4).ok_or_else(bad)?.iter().collect();
        let code = u32::from_str_radix(&hex, 16).map_err(|_| bad())?;
        return Ok((char::from_u32(code).unwrap_or('\u{fffd}'), k + 4));
    }
    if ('0'..='7').contains(&c) {
        // Up to three octal digits, the first of three at most 3 (value <= 0o377).
        let max_len = if c <= '3' { 3 } else { 2 };
        let mut k = j + 1;
        let mut code = 0u32;
        while k < j + 1 + max_len && chars.get(k).is_some_and(|d| ('0'..='7').contains(d)) {
            code = code * 8 + (chars[k] as u32 - '0' as u32);
            k += 1;
        }
        return Ok((char::from_u32(code).unwrap_or('\u{fffd}'), k));
    }
    Err(bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<Tok> {
        tokenize(text).unwrap().into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn items_are_single_tokens() {
        assert_eq!(
            toks("#{a.b} + C{c} * OUG{d} - [days]"),
            vec![
                Tok::DataItem("a.b".into()),
                Tok::Plus,
                Tok::Constant("c".into()),
                Tok::Star,
                Tok::OrgUnitGroup("d".into()),
                Tok::Minus,
                Tok::Days
            ]
        );
    }

    #[test]
    fn function_names_include_their_parenthesis() {
        assert_eq!(toks("if(")[0], Tok::Call(Function::If));
        assert_eq!(toks("if (")[0], Tok::Word("if".into()));
        assert_eq!(toks("d2:hasValue(")[0], Tok::UnknownCall("d2:hasValue".into()));
    }

    #[test]
    fn keywords_and_two_character_operators() {
        assert_eq!(
            toks("true and not false or null in != == <= >= && ||"),
            vec![
                Tok::Bool(true),
                Tok::And,
                Tok::Not,
                Tok::Bool(false),
                Tok::Or,
                Tok::Null,
                Tok::In,
                Tok::Ne,
                Tok::Eq,
                Tok::Le,
                Tok::Ge,
                Tok::And,
                Tok::Or
            ]
        );
    }

    #[test]
    fn numbers_follow_the_numeric_literal_rule() {
        assert_eq!(
            toks("5.0 .5 1e3 2."),
            vec![
                Tok::Number { value: 5.0, text: "5.0".into() },
                Tok::Number { value: 0.5, text: ".5".into() },
                Tok::Number { value: 1000.0, text: "1e3".into() },
                Tok::Number { value: 2.0, text: "2.".into() },
            ]
        );
        // A leading zero ends the number: "07" is two numbers.
        assert_eq!(toks("07").len(), 2);
    }

    #[test]
    fn strings_take_java_escapes() {
        assert_eq!(
            toks(r#"'a\'b' "c\u0041\101""#),
            vec![
                Tok::Str { value: "a'b".into(), text: r"'a\'b'".into() },
                Tok::Str { value: "cAA".into(), text: r#""c\u0041\101""#.into() },
            ]
        );
    }

    #[test]
    fn bad_input_reports_its_position() {
        assert_eq!(tokenize("1 + #{abc").unwrap_err(), err(4, ParseErrorKind::UnclosedBrace));
        assert_eq!(tokenize("1 = 2").unwrap_err(), err(2, ParseErrorKind::UnexpectedChar('=')));
        assert_eq!(tokenize("'abc").unwrap_err(), err(0, ParseErrorKind::UnclosedString));
        assert_eq!(tokenize(r"'\q'").unwrap_err(), err(1, ParseErrorKind::BadEscape));
    }
}
