//! Parsing validation-rule expressions into an [`AggregateExpr`], with the precedence of the
//! SDK's ANTLR grammar, tightest first: parentheses, `^` (right-associative), unary
//! `+ - ! not`, `* / %`, `+ -`, `< > <= >=`, `== !=`, `&& and`, `|| or`. A unary operator binds
//! looser than `^` (`-2^2` is -4) and tighter than `*`.
//!
//! Owns the grammar, item syntax (`#{de}`, `#{de.coc}`, `#{de.coc.aoc}`, `#{de.*.aoc}`,
//! `#{de.*}`, `#{de.coc.*}`, `C{uid}`, `OUG{uid}`, `[days]`), argument counts, and errors with
//! their position. Nesting deeper than [`MAX_DEPTH`] is an error, so no input can exhaust the
//! stack. Does not own evaluation (`eval`).

use super::ast::{AggregateExpr, BinaryOp, Function, Item, Node, UnaryOp};
use super::lexer::{tokenize, Tok, Token};
use crate::i18n::{Localize, Message};
use crate::model::Uid;
use crate::msg;

/// The deepest syntax tree accepted (operators and calls nested in one another, including
/// long chains like `a + b + c + ...`, which nest to the left).
pub const MAX_DEPTH: usize = 100;

/// A validation-rule expression that cannot be parsed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct AggregateParseError {
    /// Character offset (from 0) where the problem starts.
    pub position: usize,
    pub kind: ParseErrorKind,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ParseErrorKind {
    Empty,
    UnexpectedChar(char),
    UnclosedBrace,
    UnclosedString,
    BadEscape,
    BadNumber(String),
    UnexpectedToken(Unexpected),
    UnexpectedEnd,
    UnknownFunction(String),
    UnknownWord(String),
    /// The item's letters before `{` (`R`, `I`, `D`).
    UnsupportedItem(String),
    BadItem {
        text: String,
        reason: BadItemReason,
    },
    WrongArgumentCount {
        function: &'static str,
        expected: ArgumentCount,
        found: usize,
    },
    TooDeep(usize),
}

/// A token where the grammar wants another, with its text as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unexpected {
    Number(String),
    Text(String),
    /// `#{..}`, `C{..}`, `OUG{..}`, `[days]`, `R{...}`.
    Item(String),
    /// A function name with its `(`.
    Function(String),
    Word(String),
    /// An operator, parenthesis, comma or keyword (`)`, `&&`, `true`, `null`, `in`).
    Symbol(String),
}

/// Why the text of an item is not an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadItemReason {
    /// A part that should be a UID.
    NotAUid { part: String },
    /// Not one of `#{de}`, `#{de.coc}`, `#{de.coc.aoc}`, `#{de.*.aoc}`.
    Shape,
}

/// How many arguments a function takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgumentCount {
    Exactly(usize),
    Between(usize, usize),
    AtLeast(usize),
}

impl Localize for AggregateParseError {
    fn message(&self) -> Message {
        msg!("validate-parse-at", position = self.position, problem = self.kind.message())
    }
}

impl Localize for ParseErrorKind {
    fn message(&self) -> Message {
        match self {
            ParseErrorKind::Empty => Message::new("validate-parse-empty"),
            ParseErrorKind::UnexpectedChar(c) => msg!("validate-parse-unexpected-char", char = c.to_string()),
            ParseErrorKind::UnclosedBrace => Message::new("validate-parse-unclosed-brace"),
            ParseErrorKind::UnclosedString => Message::new("validate-parse-unclosed-string"),
            ParseErrorKind::BadEscape => Message::new("validate-parse-bad-escape"),
            ParseErrorKind::BadNumber(text) => msg!("validate-parse-bad-number", text = text),
            ParseErrorKind::UnexpectedToken(token) => token.message(),
            ParseErrorKind::UnexpectedEnd => Message::new("validate-parse-unexpected-end"),
            ParseErrorKind::UnknownFunction(name) => msg!("validate-parse-unknown-function", name = name),
            ParseErrorKind::UnknownWord(word) => msg!("validate-parse-unknown-word", word = word),
            ParseErrorKind::UnsupportedItem(kind) => msg!("validate-parse-unsupported-item", kind = kind),
            ParseErrorKind::BadItem { text, reason: BadItemReason::NotAUid { part } } => {
                msg!("validate-parse-bad-item-uid", text = text, part = part)
            }
            ParseErrorKind::BadItem { text, reason: BadItemReason::Shape } => {
                msg!("validate-parse-bad-item-shape", text = text)
            }
            ParseErrorKind::WrongArgumentCount { function, expected, found } => {
                let expected = match expected {
                    ArgumentCount::Exactly(n) => msg!("validate-parse-arguments-exactly", count = n),
                    ArgumentCount::Between(min, max) => msg!("validate-parse-arguments-between", min = min, max = max),
                    ArgumentCount::AtLeast(n) => msg!("validate-parse-arguments-at-least", count = n),
                };
                msg!("validate-parse-wrong-argument-count", function = *function, expected = expected, found = found)
            }
            ParseErrorKind::TooDeep(max) => msg!("validate-parse-too-deep", max = max),
        }
    }
}

impl Localize for Unexpected {
    fn message(&self) -> Message {
        match self {
            Unexpected::Number(text) => msg!("validate-parse-unexpected-number", text = text),
            Unexpected::Text(text) => msg!("validate-parse-unexpected-text", text = text),
            Unexpected::Item(text) => msg!("validate-parse-unexpected-item", text = text),
            Unexpected::Function(text) => msg!("validate-parse-unexpected-function", text = text),
            Unexpected::Word(text) => msg!("validate-parse-unexpected-word", text = text),
            Unexpected::Symbol(text) => msg!("validate-parse-unexpected-symbol", text = text),
        }
    }
}

crate::english_display!(AggregateParseError, ParseErrorKind);

/// Parses one side of a validation rule.
pub fn parse_expression(text: &str) -> Result<AggregateExpr, AggregateParseError> {
    let tokens = tokenize(text)?;
    if tokens.is_empty() {
        return Err(AggregateParseError { position: 0, kind: ParseErrorKind::Empty });
    }
    let mut p = Parser { tokens, at: 0, end: text.chars().count() };
    let (root, _) = p.expr(0, 0)?;
    if p.at < p.tokens.len() {
        return Err(unexpected(p.next()?));
    }
    Ok(AggregateExpr { root })
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
    end: usize,
}

const UNARY_BP: u8 = 7;

type Parsed = Result<(Node, usize), AggregateParseError>;

/// The binary operator a token stands for.
fn binary(tok: &Tok) -> Option<BinaryOp> {
    Some(match tok {
        Tok::Or => BinaryOp::Or,
        Tok::And => BinaryOp::And,
        Tok::Eq => BinaryOp::Equal,
        Tok::Ne => BinaryOp::NotEqual,
        Tok::Lt => BinaryOp::LessThan,
        Tok::Gt => BinaryOp::GreaterThan,
        Tok::Le => BinaryOp::LessThanOrEqual,
        Tok::Ge => BinaryOp::GreaterThanOrEqual,
        Tok::Plus => BinaryOp::Add,
        Tok::Minus => BinaryOp::Subtract,
        Tok::Star => BinaryOp::Multiply,
        Tok::Slash => BinaryOp::Divide,
        Tok::Percent => BinaryOp::Modulus,
        Tok::Caret => BinaryOp::Power,
        _ => return None,
    })
}

// The recursive functions (`expr`, `prefix`, `call`) keep their frames small: everything that
// builds text or errors lives in non-inlined helpers, so the depth limit is far from the stack
// limit even in debug builds.
impl Parser {
    fn peek_pos(&self) -> usize {
        self.tokens.get(self.at).map_or(self.end, |t| t.pos)
    }

    fn next(&mut self) -> Result<Token, AggregateParseError> {
        match self.tokens.get_mut(self.at) {
            Some(t) => {
                self.at += 1;
                Ok(Token { tok: std::mem::replace(&mut t.tok, Tok::Comma), pos: t.pos })
            }
            None => Err(error_at(self.end, ParseErrorKind::UnexpectedEnd)),
        }
    }

    /// An expression whose operators bind at least `min_bp`; returns it with its height.
    fn expr(&mut self, min_bp: u8, depth: usize) -> Parsed {
        let (mut lhs, mut height) = self.prefix(depth)?;
        while let Some(op) = self.tokens.get(self.at).and_then(|t| binary(&t.tok)) {
            let level = op.level();
            if level < min_bp {
                break;
            }
            let pos = self.peek_pos();
            self.at += 1;
            if op == BinaryOp::Power {
                let (exponent, h) = self.expr(level, depth + 1)?;
                height = height.max(h) + 1;
                lhs = Node::Power { base: Box::new(lhs), exponent: Box::new(exponent) };
            } else {
                let (rhs, h) = self.expr(level + 1, depth + 1)?;
                (lhs, height) = extend_chain(lhs, height, op, rhs, h);
            }
            if height > MAX_DEPTH {
                return Err(too_deep(pos));
            }
        }
        Ok((lhs, height))
    }

    fn prefix(&mut self, depth: usize) -> Parsed {
        let pos = self.peek_pos();
        if depth >= MAX_DEPTH {
            return Err(too_deep(pos));
        }
        let t = self.next()?;
        match t.tok {
            Tok::Plus | Tok::Minus | Tok::Not => {
                let op = unary_op(&t.tok);
                let (operand, h) = self.expr(UNARY_BP, depth + 1)?;
                Ok((Node::Unary { op, operand: Box::new(operand) }, h + 1))
            }
            Tok::LParen => {
                let (inner, h) = self.expr(0, depth + 1)?;
                let close = self.next()?;
                if close.tok != Tok::RParen {
                    return Err(unexpected(close));
                }
                Ok((Node::Paren(Box::new(inner)), h + 1))
            }
            Tok::Call(function) => self.call(function, pos, depth),
            _ => Ok((leaf(t)?, 1)),
        }
    }

    /// The arguments of a call, after its `name(`.
    fn call(&mut self, function: Function, pos: usize, depth: usize) -> Parsed {
        let mut args = Vec::new();
        let mut height = 0;
        loop {
            let (arg, h) = self.expr(0, depth + 1)?;
            args.push(arg);
            height = height.max(h);
            let t = self.next()?;
            let is_first = args.len() == 1 && function == Function::Is;
            match t.tok {
                Tok::RParen => break,
                Tok::Comma if !is_first => {}
                Tok::In if is_first => {}
                _ => return Err(unexpected(t)),
            }
        }
        check_arity(function, args.len(), pos)?;
        Ok((Node::Call { function, args }, height + 1))
    }
}

fn unary_op(tok: &Tok) -> UnaryOp {
    match tok {
        Tok::Plus => UnaryOp::Plus,
        Tok::Minus => UnaryOp::Minus,
        _ => UnaryOp::Not,
    }
}

/// Appends `op rhs` to `lhs`: to its chain when `lhs` is a chain of the same level, else as a
/// new chain. Returns the node and its height.
fn extend_chain(lhs: Node, height: usize, op: BinaryOp, rhs: Node, rhs_height: usize) -> (Node, usize) {
    match lhs {
        Node::Chain { first, mut rest } if rest.first().is_some_and(|(o, _)| o.level() == op.level()) => {
            rest.push((op, rhs));
            (Node::Chain { first, rest }, height.max(rhs_height + 1))
        }
        other => (Node::Chain { first: Box::new(other), rest: vec![(op, rhs)] }, height.max(rhs_height) + 1),
    }
}

#[inline(never)]
fn error_at(position: usize, kind: ParseErrorKind) -> AggregateParseError {
    AggregateParseError { position, kind }
}

#[inline(never)]
fn too_deep(position: usize) -> AggregateParseError {
    error_at(position, ParseErrorKind::TooDeep(MAX_DEPTH))
}

#[inline(never)]
fn unexpected(t: Token) -> AggregateParseError {
    error_at(t.pos, ParseErrorKind::UnexpectedToken(describe(&t.tok)))
}

#[inline(never)]
fn check_arity(function: Function, found: usize, pos: usize) -> Result<(), AggregateParseError> {
    let (min, max) = function.arity();
    if found >= min && max.is_none_or(|m| found <= m) {
        return Ok(());
    }
    let expected = match max {
        Some(m) if m == min => ArgumentCount::Exactly(min),
        Some(m) => ArgumentCount::Between(min, m),
        None => ArgumentCount::AtLeast(min),
    };
    Err(error_at(pos, ParseErrorKind::WrongArgumentCount { function: function.name(), expected, found }))
}

/// A token that stands alone: a literal or an item.
#[inline(never)]
fn leaf(t: Token) -> Result<Node, AggregateParseError> {
    let pos = t.pos;
    let at = |kind| error_at(pos, kind);
    Ok(match t.tok {
        Tok::Number { value, text } => Node::Number { value, text },
        Tok::Str { value, text } => Node::Text { value, text },
        Tok::Bool(b) => Node::Bool(b),
        Tok::Null => Node::Null,
        Tok::Days => Node::Item(Item::Days),
        Tok::DataItem(content) => Node::Item(data_item(&content).map_err(at)?),
        Tok::Constant(content) => {
            let text = format!("C{{{content}}}");
            let constant = uid(&content, &text).map_err(at)?;
            Node::Item(Item::Constant { constant, text })
        }
        Tok::OrgUnitGroup(content) => {
            let text = format!("OUG{{{content}}}");
            let group = uid(&content, &text).map_err(at)?;
            Node::Item(Item::OrgUnitGroup { group, text })
        }
        Tok::OtherItem(kind) => return Err(at(ParseErrorKind::UnsupportedItem(kind))),
        Tok::UnknownCall(name) => return Err(at(ParseErrorKind::UnknownFunction(name))),
        Tok::Word(word) => return Err(at(ParseErrorKind::UnknownWord(word))),
        _ => return Err(unexpected(t)),
    })
}

fn uid(part: &str, text: &str) -> Result<Uid, ParseErrorKind> {
    let first_is_letter = part.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    match Uid::parse(part) {
        Ok(uid) if first_is_letter => Ok(uid),
        _ => Err(ParseErrorKind::BadItem {
            text: text.to_string(),
            reason: BadItemReason::NotAUid { part: part.to_string() },
        }),
    }
}

/// The content of `#{...}`.
fn data_item(content: &str) -> Result<Item, ParseErrorKind> {
    let text = format!("#{{{content}}}");
    let parts: Vec<&str> = content.split('.').collect();
    let u = |p: &str| uid(p, &text);
    let item = match parts.as_slice() {
        [de] | [de, "*"] => Item::DataElement { data_element: u(de)?, text },
        [de, coc] | [de, coc, "*"] if *coc != "*" => Item::Operand {
            data_element: u(de)?,
            category_option_combo: Some(u(coc)?),
            attribute_option_combo: None,
            text,
        },
        [de, "*", aoc] if *aoc != "*" => Item::Operand {
            data_element: u(de)?,
            category_option_combo: None,
            attribute_option_combo: Some(u(aoc)?),
            text,
        },
        [de, coc, aoc] if *coc != "*" && *aoc != "*" => Item::Operand {
            data_element: u(de)?,
            category_option_combo: Some(u(coc)?),
            attribute_option_combo: Some(u(aoc)?),
            text,
        },
        _ => return Err(ParseErrorKind::BadItem { text, reason: BadItemReason::Shape }),
    };
    Ok(item)
}

fn describe(tok: &Tok) -> Unexpected {
    let symbol = |s: &str| Unexpected::Symbol(s.to_string());
    match tok {
        Tok::Number { text, .. } => Unexpected::Number(text.clone()),
        Tok::Str { text, .. } => Unexpected::Text(text.clone()),
        Tok::Bool(b) => Unexpected::Symbol(b.to_string()),
        Tok::Null => symbol("null"),
        Tok::DataItem(c) => Unexpected::Item(format!("#{{{c}}}")),
        Tok::Constant(c) => Unexpected::Item(format!("C{{{c}}}")),
        Tok::OrgUnitGroup(c) => Unexpected::Item(format!("OUG{{{c}}}")),
        Tok::Days => Unexpected::Item("[days]".into()),
        Tok::OtherItem(k) => Unexpected::Item(format!("{k}{{...}}")),
        Tok::Call(f) => Unexpected::Function(format!("{}(", f.name())),
        Tok::UnknownCall(n) => Unexpected::Function(format!("{n}(")),
        Tok::Word(w) => Unexpected::Word(w.clone()),
        Tok::In => symbol("in"),
        Tok::Plus => symbol("+"),
        Tok::Minus => symbol("-"),
        Tok::Star => symbol("*"),
        Tok::Slash => symbol("/"),
        Tok::Percent => symbol("%"),
        Tok::Caret => symbol("^"),
        Tok::Not => symbol("!"),
        Tok::And => symbol("&&"),
        Tok::Or => symbol("||"),
        Tok::Eq => symbol("=="),
        Tok::Ne => symbol("!="),
        Tok::Lt => symbol("<"),
        Tok::Gt => symbol(">"),
        Tok::Le => symbol("<="),
        Tok::Ge => symbol(">="),
        Tok::LParen => symbol("("),
        Tok::RParen => symbol(")"),
        Tok::Comma => symbol(","),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DE: &str = "sK2wroysTNW";
    const COC: &str = "tpghB93ks57";
    const AOC: &str = "zDhUuAYrxNC";

    /// The tree as a fully parenthesised string, to check grouping.
    fn shape(n: &Node) -> String {
        match n {
            Node::Number { text, .. } => text.clone(),
            Node::Text { text, .. } => text.clone(),
            Node::Bool(b) => b.to_string(),
            Node::Null => "null".into(),
            Node::Item(i) => i.text().to_string(),
            Node::Paren(inner) => shape(inner),
            Node::Unary { op, operand } => format!("({op:?} {})", shape(operand)),
            Node::Power { base, exponent } => format!("({} ^ {})", shape(base), shape(exponent)),
            Node::Chain { first, rest } => {
                rest.iter().fold(shape(first), |acc, (op, n)| format!("({acc} {} {})", op.symbol(), shape(n)))
            }
            Node::Call { function, args } => {
                format!("{}({})", function.name(), args.iter().map(shape).collect::<Vec<_>>().join(", "))
            }
        }
    }

    fn grouped(text: &str) -> String {
        shape(&parse_expression(text).unwrap().root)
    }

    fn kind(text: &str) -> (usize, ParseErrorKind) {
        let e = parse_expression(text).unwrap_err();
        (e.position, e.kind)
    }

    #[test]
    fn multiplication_binds_tighter_than_addition() {
        assert_eq!(grouped("1 + 2 * 3 - 4 / 5 % 6"), "((1 + (2 * 3)) - ((4 / 5) % 6))");
    }

    #[test]
    fn power_is_right_associative_and_tighter_than_unary_minus() {
        assert_eq!(grouped("2 ^ 3 ^ 2"), "(2 ^ (3 ^ 2))");
        assert_eq!(grouped("-2 ^ 2"), "(Minus (2 ^ 2))");
        assert_eq!(grouped("-2 * 3"), "((Minus 2) * 3)");
        assert_eq!(grouped("2 ^ -1"), "(2 ^ (Minus 1))");
    }

    #[test]
    fn comparisons_sit_between_arithmetic_and_logic() {
        assert_eq!(
            grouped("1 + 1 < 3 == true && !false || 0 >= 1"),
            "(((((1 + 1) < 3) == true) && (Not false)) || (0 >= 1))"
        );
        assert_eq!(grouped("1 or 2 and 3"), "(1 || (2 && 3))");
        assert_eq!(grouped("not 1 == 2"), "((Not 1) == 2)");
    }

    #[test]
    fn all_item_forms_parse() {
        let e = parse_expression(&format!(
            "#{{{DE}}} + #{{{DE}.{COC}}} + #{{{DE}.{COC}.{AOC}}} + #{{{DE}.*.{AOC}}} + #{{{DE}.*}} + C{{{COC}}} + OUG{{{AOC}}} + [days]"
        ))
        .unwrap();
        let keys: Vec<Option<String>> = e.items().iter().map(|i| i.value_key()).collect();
        assert_eq!(
            keys,
            vec![
                Some(DE.to_string()),
                Some(format!("{DE}.{COC}")),
                Some(format!("{DE}.{COC}.{AOC}")),
                Some(format!("{DE}.*.{AOC}")),
                Some(DE.to_string()),
                None,
                None,
                None
            ]
        );
    }

    #[test]
    fn data_items_lists_each_operand_once_in_order() {
        let e = parse_expression(&format!(
            "if(#{{{DE}}} > 0, greatest(#{{{DE}}}, #{{{AOC}}}), #{{{DE}.{COC}}}) + C{{{COC}}}"
        ))
        .unwrap();
        let items = e.data_items();
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].data_element.as_str(), DE);
        assert_eq!(items[1].data_element.as_str(), AOC);
        assert_eq!(items[2].category_option_combo.map(|c| c.to_string()), Some(COC.to_string()));
        assert_eq!(e.constants().len(), 1);
        assert!(parse_expression("[days] + 1").unwrap().data_items().is_empty());
    }

    #[test]
    fn functions_check_their_argument_counts() {
        assert_eq!(grouped("if(1, 2, 3)"), "if(1, 2, 3)");
        assert_eq!(grouped("is(1 in 2, 3)"), "is(1, 2, 3)");
        assert_eq!(grouped("log(8, 2)"), "log(8, 2)");
        assert!(matches!(kind("if(1, 2)"), (0, ParseErrorKind::WrongArgumentCount { function: "if", found: 2, .. })));
        assert!(matches!(kind("isNull(1, 2)").1, ParseErrorKind::WrongArgumentCount { .. }));
        assert!(matches!(kind("is(1, 2)").1, ParseErrorKind::UnexpectedToken(_)));
    }

    #[test]
    fn unknown_function_is_an_error_at_its_name() {
        assert_eq!(kind("1 + removeZeros(2)"), (4, ParseErrorKind::UnknownFunction("removeZeros".into())));
        assert_eq!(kind("d2:hasValue(1)"), (0, ParseErrorKind::UnknownFunction("d2:hasValue".into())));
        assert_eq!(kind("foo"), (0, ParseErrorKind::UnknownWord("foo".into())));
    }

    #[test]
    fn unbalanced_braces_and_parentheses_are_errors() {
        assert_eq!(kind(&format!("#{{{DE} + 1")), (0, ParseErrorKind::UnclosedBrace));
        assert_eq!(kind("(1 + 2"), (6, ParseErrorKind::UnexpectedEnd));
        assert_eq!(kind("1 + 2)"), (5, ParseErrorKind::UnexpectedToken(Unexpected::Symbol(")".into()))));
        assert_eq!(kind("1 +"), (3, ParseErrorKind::UnexpectedEnd));
        assert_eq!(kind("   "), (0, ParseErrorKind::Empty));
    }

    #[test]
    fn items_need_uids() {
        assert!(matches!(kind("#{abc}"), (0, ParseErrorKind::BadItem { .. })));
        assert!(matches!(kind(&format!("#{{{DE}.*.*}}")), (0, ParseErrorKind::BadItem { .. })));
        assert!(matches!(kind("C{1bcdefghijk}"), (0, ParseErrorKind::BadItem { .. })));
        assert!(
            matches!(kind(&format!("2 * R{{{DE}.REPORTING_RATE}}")), (4, ParseErrorKind::UnsupportedItem(k)) if k == "R")
        );
        assert!(matches!(kind(&format!("#{{ {DE}}}")), (0, ParseErrorKind::BadItem { .. })));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = format!("{}1{}", "(".repeat(100_000), ")".repeat(100_000));
        assert!(matches!(kind(&deep).1, ParseErrorKind::TooDeep(MAX_DEPTH)));
        let unary = format!("{}1", "-".repeat(100_000));
        assert!(matches!(kind(&unary).1, ParseErrorKind::TooDeep(MAX_DEPTH)));
        let calls = format!("{}1{}", "if(1,".repeat(100_000), ",1)".repeat(100_000));
        assert!(matches!(kind(&calls).1, ParseErrorKind::TooDeep(MAX_DEPTH)));
        let powers = vec!["2"; 100_000].join(" ^ ");
        assert!(matches!(kind(&powers).1, ParseErrorKind::TooDeep(MAX_DEPTH)));
        let at_limit = format!("{}1{}", "(".repeat(MAX_DEPTH - 1), ")".repeat(MAX_DEPTH - 1));
        assert!(parse_expression(&at_limit).is_ok());
    }

    #[test]
    fn long_sums_stay_flat() {
        let sum = vec!["1"; 10_000].join(" + ");
        let e = parse_expression(&sum).unwrap();
        let Node::Chain { rest, .. } = &e.root else { panic!() };
        assert_eq!(rest.len(), 9_999);
    }

    #[test]
    fn errors_display_their_position() {
        let e = parse_expression("1 + foo(2)").unwrap_err();
        assert_eq!(e.to_string(), "at character 4: unknown function 'foo'");
    }

    #[test]
    fn every_parse_error_variant_renders_in_both_languages() {
        use crate::i18n::catalogue_tests::assert_renders_in_both;
        use std::collections::BTreeSet;
        let kinds = vec![
            ParseErrorKind::Empty,
            ParseErrorKind::UnexpectedChar('='),
            ParseErrorKind::UnclosedBrace,
            ParseErrorKind::UnclosedString,
            ParseErrorKind::BadEscape,
            ParseErrorKind::BadNumber("1e".into()),
            ParseErrorKind::UnexpectedToken(Unexpected::Number("2".into())),
            ParseErrorKind::UnexpectedToken(Unexpected::Text("'a'".into())),
            ParseErrorKind::UnexpectedToken(Unexpected::Item("[days]".into())),
            ParseErrorKind::UnexpectedToken(Unexpected::Function("if(".into())),
            ParseErrorKind::UnexpectedToken(Unexpected::Word("foo".into())),
            ParseErrorKind::UnexpectedToken(Unexpected::Symbol(")".into())),
            ParseErrorKind::UnexpectedEnd,
            ParseErrorKind::UnknownFunction("removeZeros".into()),
            ParseErrorKind::UnknownWord("foo".into()),
            ParseErrorKind::UnsupportedItem("R".into()),
            ParseErrorKind::BadItem { text: "#{abc}".into(), reason: BadItemReason::NotAUid { part: "abc".into() } },
            ParseErrorKind::BadItem { text: format!("#{{{DE}.*.*}}"), reason: BadItemReason::Shape },
            ParseErrorKind::WrongArgumentCount { function: "if", expected: ArgumentCount::Exactly(3), found: 2 },
            ParseErrorKind::WrongArgumentCount { function: "log", expected: ArgumentCount::Between(1, 2), found: 3 },
            ParseErrorKind::WrongArgumentCount { function: "greatest", expected: ArgumentCount::AtLeast(1), found: 0 },
            ParseErrorKind::TooDeep(MAX_DEPTH),
        ];
        let name = |k: &ParseErrorKind| match k {
            ParseErrorKind::Empty => "Empty".to_string(),
            ParseErrorKind::UnexpectedChar(_) => "UnexpectedChar".into(),
            ParseErrorKind::UnclosedBrace => "UnclosedBrace".into(),
            ParseErrorKind::UnclosedString => "UnclosedString".into(),
            ParseErrorKind::BadEscape => "BadEscape".into(),
            ParseErrorKind::BadNumber(_) => "BadNumber".into(),
            ParseErrorKind::UnexpectedToken(u) => format!(
                "UnexpectedToken.{}",
                match u {
                    Unexpected::Number(_) => "Number",
                    Unexpected::Text(_) => "Text",
                    Unexpected::Item(_) => "Item",
                    Unexpected::Function(_) => "Function",
                    Unexpected::Word(_) => "Word",
                    Unexpected::Symbol(_) => "Symbol",
                }
            ),
            ParseErrorKind::UnexpectedEnd => "UnexpectedEnd".into(),
            ParseErrorKind::UnknownFunction(_) => "UnknownFunction".into(),
            ParseErrorKind::UnknownWord(_) => "UnknownWord".into(),
            ParseErrorKind::UnsupportedItem(_) => "UnsupportedItem".into(),
            ParseErrorKind::BadItem { reason: BadItemReason::NotAUid { .. }, .. } => "BadItem.NotAUid".into(),
            ParseErrorKind::BadItem { reason: BadItemReason::Shape, .. } => "BadItem.Shape".into(),
            ParseErrorKind::WrongArgumentCount { expected, .. } => format!(
                "WrongArgumentCount.{}",
                match expected {
                    ArgumentCount::Exactly(_) => "Exactly",
                    ArgumentCount::Between(..) => "Between",
                    ArgumentCount::AtLeast(_) => "AtLeast",
                }
            ),
            ParseErrorKind::TooDeep(_) => "TooDeep".into(),
        };
        assert_eq!(kinds.iter().map(name).collect::<BTreeSet<_>>().len(), 22, "one sample per variant and sub-kind");
        for kind in kinds {
            assert_renders_in_both(&AggregateParseError { position: 4, kind }.message());
        }
    }
}
