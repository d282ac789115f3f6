//! Parsing an expression into a tree, exactly as upstream groups operators.
//!
//! Upstream first reads a flat sequence `operand op operand ...` (unary operators included), then
//! groups it in passes, one operator at a time, in the order of its `BinaryOperator` enum
//! (expression-parser `Node.groupOperators`): `^` (left to right; unary operators right after it
//! become part of its right operand), then the unary `+`, `-`, `!` (each its own pass, right to
//! left), then `*`, `/`, `%`, `+`, `-`, `<`, `>`, `<=`, `>=`, `==`, `!=`, `&&`, `||`, each its own
//! pass, left to right. Because `/` and `*` (and `-` and `+`) are separate passes, `10/2*5` is
//! `10/(2*5)` = 1 and `10-2+3` is `10-(2+3)` = 5; `8/4%3` is `(8/4)%3`. Those answers are the
//! server's too, so Phum keeps them.
//!
//! Owns syntax, name resolution at parse time (functions, `V{}` names, item shapes), argument
//! rules, and the limits that keep evaluation safe (source length, nesting depth). Does not own
//! evaluation.

use super::ast::{BinaryOp, Expr, ItemKind, UnaryOp};
use super::functions::{ArgKind, Function};
use super::lexer::{raw_string, tokenize, Tok, Token};
use crate::i18n::{Localize, Message};
use crate::msg;

/// Longest expression accepted, in characters.
pub const MAX_LENGTH: usize = 100_000;
/// Deepest tree accepted (brackets, function calls and operator chains all count).
pub const MAX_DEPTH: usize = 200;

/// The environment variables `V{name}` may name (upstream's `ProgramVariable`).
pub const ENVIRONMENT_VARIABLES: &[&str] = &[
    "analytics_period_end",
    "analytics_period_start",
    "completed_date",
    "creation_date",
    "current_date",
    "due_date",
    "enrollment_count",
    "enrollment_date",
    "enrollment_id",
    "enrollment_status",
    "environment",
    "event_count",
    "scheduled_event_count",
    "event_date",
    "scheduled_date",
    "event_id",
    "event_status",
    "execution_date",
    "incident_date",
    "org_unit_count",
    "org_unit",
    "orgunit_code",
    "program_name",
    "program_stage_id",
    "program_stage_name",
    "sync_date",
    "tei_count",
    "value_count",
    "zero_pos_value_count",
];

/// Why an expression does not parse: where (character index, 0-based) and what.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ParseError {
    pub at: usize,
    pub kind: ParseErrorKind,
}

/// What is wrong with an expression that does not parse. Tokens found or wanted are kept as
/// tokens, so the message names them in the reader's language (`the end of the expression`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseErrorKind {
    TooLong {
        max: usize,
    },
    TooDeep {
        max: usize,
    },
    /// `=`, `<>`, a single `&` or `|`: an operator of other languages, and the one to write.
    WrongOperator {
        written: &'static str,
        instead: &'static str,
    },
    UnexpectedCharacter(char),
    UnclosedString,
    /// `\uXXXX` that is not a character (a lone surrogate, or not four hex digits).
    InvalidUnicodeEscape(String),
    /// `#{`, `A{`, `C{` or `V{` without its `}`.
    UnclosedItem(char),
    /// A token after a complete expression (`1 2`).
    UnexpectedAfterEnd(Tok),
    ExpectedValue(Tok),
    ExpectedNameInBrackets(Tok),
    Expected {
        want: Tok,
        found: Tok,
    },
    NotANumber(String),
    NotAnEnvironmentVariable(String),
    ConstantNeedsUid(String),
    InvalidItem {
        prefix: char,
        content: String,
    },
    UnknownFunction(String),
    TooManyArguments {
        function: &'static str,
        max: usize,
    },
    TooFewArguments {
        function: &'static str,
        min: usize,
        found: usize,
    },
    ExpectedCommaOrParen {
        function: &'static str,
        found: Tok,
    },
    ConstantNotVariable {
        function: &'static str,
        content: String,
    },
    NeedsVariable {
        function: &'static str,
        found: Tok,
    },
    NeedsWholeNumber {
        function: &'static str,
        found: Tok,
    },
    ConditionNotText {
        function: &'static str,
        found: Tok,
    },
    /// The condition text of `d2:condition` does not parse; `inner.at` counts in that text.
    InCondition {
        function: &'static str,
        inner: Box<ParseError>,
    },
    /// Operators without operands in an order that cannot be evaluated (`1 + * 2`).
    Malformed,
}

impl Localize for ParseError {
    fn message(&self) -> Message {
        msg!("expr-parse-error", position = self.at + 1, problem = self.kind.message())
    }
}

impl Localize for ParseErrorKind {
    fn message(&self) -> Message {
        use ParseErrorKind::*;
        match self {
            TooLong { max } => msg!("expr-parse-too-long", max = *max),
            TooDeep { max } => msg!("expr-parse-too-deep", max = *max),
            WrongOperator { written, instead } => {
                msg!("expr-parse-wrong-operator", written = *written, instead = *instead)
            }
            UnexpectedCharacter(c) => msg!("expr-parse-unexpected-character", character = c.to_string()),
            UnclosedString => Message::new("expr-parse-unclosed-string"),
            InvalidUnicodeEscape(hex) => msg!("expr-parse-invalid-escape", hex = hex),
            UnclosedItem(prefix) => msg!("expr-parse-unclosed-item", prefix = prefix.to_string()),
            UnexpectedAfterEnd(found) => msg!("expr-parse-unexpected-after-end", found = found.describe()),
            ExpectedValue(found) => msg!("expr-parse-expected-value", found = found.describe()),
            ExpectedNameInBrackets(found) => msg!("expr-parse-expected-name", found = found.describe()),
            Expected { want, found } => msg!("expr-parse-expected", want = want.describe(), found = found.describe()),
            NotANumber(text) => msg!("expr-parse-not-a-number", text = text),
            NotAnEnvironmentVariable(name) => msg!("expr-parse-not-environment-variable", name = name),
            ConstantNeedsUid(content) => msg!("expr-parse-constant-needs-uid", content = content),
            InvalidItem { prefix, content } => {
                msg!("expr-parse-invalid-item", prefix = prefix.to_string(), content = content)
            }
            UnknownFunction(name) => msg!("expr-parse-unknown-function", name = name),
            TooManyArguments { function, max } => {
                msg!("expr-parse-too-many-arguments", function = *function, max = *max)
            }
            TooFewArguments { function, min, found } => {
                msg!("expr-parse-too-few-arguments", function = *function, min = *min, found = *found)
            }
            ExpectedCommaOrParen { function, found } => {
                msg!("expr-parse-expected-comma-or-paren", function = *function, found = found.describe())
            }
            ConstantNotVariable { function, content } => {
                msg!("expr-parse-constant-not-variable", function = *function, content = content)
            }
            NeedsVariable { function, found } => {
                msg!("expr-parse-needs-variable", function = *function, found = found.describe())
            }
            NeedsWholeNumber { function, found } => {
                msg!("expr-parse-needs-whole-number", function = *function, found = found.describe())
            }
            ConditionNotText { function, found } => {
                msg!("expr-parse-condition-not-text", function = *function, found = found.describe())
            }
            InCondition { function, inner } => msg!(
                "expr-parse-in-condition",
                function = *function,
                position = inner.at + 1,
                problem = inner.kind.message()
            ),
            Malformed => Message::new("expr-parse-malformed"),
        }
    }
}

crate::english_display!(ParseError, ParseErrorKind);

/// Parses an expression of the program-rule modes.
pub fn parse(src: &str) -> Result<Expr, ParseError> {
    if src.chars().count() > MAX_LENGTH {
        return Err(ParseError { at: MAX_LENGTH, kind: ParseErrorKind::TooLong { max: MAX_LENGTH } });
    }
    let tokens = tokenize(src).map_err(|e| ParseError { at: e.at, kind: e.kind })?;
    let mut p = Parser { tokens, pos: 0, src: src.chars().collect() };
    let (expr, _) = p.expression(0)?;
    match &p.peek().kind {
        Tok::End => Ok(expr),
        other => Err(p.error(ParseErrorKind::UnexpectedAfterEnd(other.clone()))),
    }
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
    /// The source, for the raw text of `d2:condition`'s condition.
    src: Vec<char>,
}

/// One element of the flat sequence; an operand carries the depth of its tree.
enum Item {
    Operand(Expr, usize),
    Binary(BinaryOp),
    Unary(UnaryOp),
}

/// The binary operator a token stands for (also used by `lint` to re-read operator chains).
pub(crate) fn binary_op(tok: &Tok) -> Option<BinaryOp> {
    Some(match tok {
        Tok::Op("^") => BinaryOp::Pow,
        Tok::Op("*") => BinaryOp::Mul,
        Tok::Op("/") => BinaryOp::Div,
        Tok::Op("%") => BinaryOp::Mod,
        Tok::Op("+") => BinaryOp::Add,
        Tok::Op("-") => BinaryOp::Sub,
        Tok::Op("<") => BinaryOp::Lt,
        Tok::Op(">") => BinaryOp::Gt,
        Tok::Op("<=") => BinaryOp::Le,
        Tok::Op(">=") => BinaryOp::Ge,
        Tok::Op("==") => BinaryOp::Eq,
        Tok::Op("!=") => BinaryOp::Ne,
        Tok::Op("&&") => BinaryOp::And,
        Tok::Op("||") => BinaryOp::Or,
        Tok::Name(n) if n == "and" => BinaryOp::And,
        Tok::Name(n) if n == "or" => BinaryOp::Or,
        _ => return None,
    })
}

/// The unary operator a token stands for.
pub(crate) fn unary_op(tok: &Tok) -> Option<UnaryOp> {
    match tok {
        Tok::Op("+") => Some(UnaryOp::Plus),
        Tok::Op("-") => Some(UnaryOp::Minus),
        Tok::Op("!") => Some(UnaryOp::Not),
        Tok::Name(n) if n == "not" => Some(UnaryOp::Not),
        _ => None,
    }
}

/// The binary passes after `^` and the unary operators, in upstream's order.
const BINARY_PASSES: &[BinaryOp] = &[
    BinaryOp::Mul,
    BinaryOp::Div,
    BinaryOp::Mod,
    BinaryOp::Add,
    BinaryOp::Sub,
    BinaryOp::Lt,
    BinaryOp::Gt,
    BinaryOp::Le,
    BinaryOp::Ge,
    BinaryOp::Eq,
    BinaryOp::Ne,
    BinaryOp::And,
    BinaryOp::Or,
];

const UNARY_PASSES: &[UnaryOp] = &[UnaryOp::Plus, UnaryOp::Minus, UnaryOp::Not];

impl Parser {
    fn peek(&self) -> &Token {
        &self.tokens[self.pos.min(self.tokens.len() - 1)]
    }

    fn next(&mut self) -> Token {
        let t = self.peek().clone();
        if self.pos < self.tokens.len() - 1 {
            self.pos += 1;
        }
        t
    }

    fn error(&self, kind: ParseErrorKind) -> ParseError {
        ParseError { at: self.peek().at, kind }
    }

    fn check_depth(&self, depth: usize) -> Result<(), ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error(ParseErrorKind::TooDeep { max: MAX_DEPTH }));
        }
        Ok(())
    }

    /// `expr := operand { binop operand }`, grouped; returns the tree and its depth.
    fn expression(&mut self, depth: usize) -> Result<(Expr, usize), ParseError> {
        self.check_depth(depth)?;
        let mut items = Vec::new();
        loop {
            while let Some(op) = unary_op(&self.peek().kind) {
                self.next();
                items.push(Item::Unary(op));
            }
            let (operand, d) = self.primary(depth)?;
            items.push(Item::Operand(operand, d));
            match binary_op(&self.peek().kind) {
                Some(op) => {
                    self.next();
                    items.push(Item::Binary(op));
                }
                None => break,
            }
        }
        self.group(items)
    }

    fn primary(&mut self, depth: usize) -> Result<(Expr, usize), ParseError> {
        let token = self.next();
        match token.kind {
            Tok::LParen => {
                let (inner, d) = self.expression(depth + 1)?;
                self.expect(Tok::RParen)?;
                Ok((inner, d))
            }
            Tok::LBracket => match self.next().kind {
                Tok::Name(name) => {
                    self.expect(Tok::RBracket)?;
                    Ok((Expr::NamedValue(name), 1))
                }
                other => Err(ParseError { at: token.at + 1, kind: ParseErrorKind::ExpectedNameInBrackets(other) }),
            },
            Tok::Number(text) => match text.parse::<f64>() {
                Ok(n) => Ok((Expr::Number(n), 1)),
                Err(_) => Err(ParseError { at: token.at, kind: ParseErrorKind::NotANumber(text) }),
            },
            Tok::Str(s) => Ok((Expr::Str(s), 1)),
            Tok::Item(prefix, content) => {
                Ok((item(prefix, &content).map_err(|kind| ParseError { at: token.at, kind })?, 1))
            }
            Tok::Name(name) => match name.as_str() {
                "true" => Ok((Expr::Bool(true), 1)),
                "false" => Ok((Expr::Bool(false), 1)),
                "null" => Ok((Expr::Null, 1)),
                _ => match Function::from_name(&name) {
                    Some(f) if self.peek().kind == Tok::LParen => {
                        self.next();
                        self.call(f, depth + 1)
                    }
                    _ => Err(ParseError { at: token.at, kind: ParseErrorKind::UnknownFunction(name) }),
                },
            },
            other => Err(ParseError { at: token.at, kind: ParseErrorKind::ExpectedValue(other) }),
        }
    }

    fn expect(&mut self, want: Tok) -> Result<(), ParseError> {
        if self.peek().kind == want {
            self.next();
            Ok(())
        } else {
            Err(self.error(ParseErrorKind::Expected { want, found: self.peek().kind.clone() }))
        }
    }

    /// The arguments of `f` (after its `(`).
    fn call(&mut self, f: Function, depth: usize) -> Result<(Expr, usize), ParseError> {
        self.check_depth(depth)?;
        let (min, max) = f.arity();
        let mut args = Vec::new();
        let mut deepest = 0;
        if self.peek().kind != Tok::RParen {
            loop {
                if max.is_some_and(|m| args.len() >= m) {
                    return Err(
                        self.error(ParseErrorKind::TooManyArguments { function: f.name(), max: max.unwrap_or(0) })
                    );
                }
                let (arg, d) = self.argument(f, args.len(), depth)?;
                deepest = deepest.max(d);
                args.push(arg);
                if self.peek().kind == Tok::Comma {
                    self.next();
                } else {
                    break;
                }
            }
        }
        if self.peek().kind != Tok::RParen {
            return Err(self
                .error(ParseErrorKind::ExpectedCommaOrParen { function: f.name(), found: self.peek().kind.clone() }));
        }
        if args.len() < min {
            return Err(self.error(ParseErrorKind::TooFewArguments { function: f.name(), min, found: args.len() }));
        }
        self.next();
        Ok((Expr::Call(f, args), deepest + 1))
    }

    fn argument(&mut self, f: Function, index: usize, depth: usize) -> Result<(Expr, usize), ParseError> {
        match f.arg_kind(index) {
            ArgKind::Value => self.expression(depth + 1),
            ArgKind::DataItem => {
                let token = self.next();
                let expr = match token.kind {
                    // Upstream's `dataItem` (expression-parser `Expr.dataItem`, the same from 1.3.0
                    // to the 1.4.1 snapshot read for research/program-rules.md §2.3) takes `#{..}`,
                    // `A{..}`, `V{..}`, a quoted name or `PS_EVENTDATE:uid`, and refuses anything
                    // else, `C{..}` included ("Incomplete or malformed value"). d2:lastEventDate
                    // takes any expression there.
                    Tok::Item('C', content) if f != Function::LastEventDate => {
                        return Err(ParseError {
                            at: token.at,
                            kind: ParseErrorKind::ConstantNotVariable { function: f.name(), content },
                        });
                    }
                    Tok::Item(prefix, content) => {
                        item(prefix, &content).map_err(|kind| ParseError { at: token.at, kind })?
                    }
                    Tok::Str(name) => Expr::Variable { kind: ItemKind::Quoted, name },
                    // Upstream reads `PS_EVENTDATE:uid` as the item `uid` in the counting
                    // functions, and refuses it in d2:lastEventDate.
                    Tok::Name(name) if name.starts_with("PS_EVENTDATE:") && f != Function::LastEventDate => {
                        Expr::DataItem { kind: ItemKind::Hash, key: name["PS_EVENTDATE:".len()..].to_string() }
                    }
                    other => {
                        return Err(ParseError {
                            at: token.at,
                            kind: ParseErrorKind::NeedsVariable { function: f.name(), found: other },
                        })
                    }
                };
                Ok((expr, 1))
            }
            ArgKind::IntegerLiteral => {
                let minus_at = (self.peek().kind == Tok::Op("-")).then(|| self.next().at);
                let negative = minus_at.is_some();
                let token = self.next();
                match token.kind {
                    // Upstream reads the literal as one word: `-2`, not `- 2`.
                    Tok::Number(text)
                        if text.bytes().all(|b| b.is_ascii_digit()) && minus_at.is_none_or(|at| at + 1 == token.at) =>
                    {
                        let n: f64 = text.parse().unwrap_or(f64::MAX);
                        Ok((Expr::Number(if negative { -n } else { n }), 1))
                    }
                    other => Err(ParseError {
                        at: token.at,
                        kind: ParseErrorKind::NeedsWholeNumber { function: f.name(), found: other },
                    }),
                }
            }
            ArgKind::ConditionText => {
                let token = self.next();
                match token.kind {
                    Tok::Str(_) => {
                        // Upstream parses the literal's raw text: its escapes are read once, by the
                        // nested parse (`d2:condition("'a\\tb' == x", ..)` compares with a tab).
                        let raw = raw_string(&self.src, token.at).unwrap_or_default();
                        let inner = parse_nested(&raw, depth).map_err(|e| ParseError {
                            at: token.at,
                            kind: ParseErrorKind::InCondition { function: f.name(), inner: Box::new(e) },
                        })?;
                        Ok(inner)
                    }
                    other => Err(ParseError {
                        at: token.at,
                        kind: ParseErrorKind::ConditionNotText { function: f.name(), found: other },
                    }),
                }
            }
        }
    }

    /// Builds the tree from the flat sequence in upstream's passes.
    fn group(&self, items: Vec<Item>) -> Result<(Expr, usize), ParseError> {
        let mut items = self.binary_pass(items, BinaryOp::Pow)?;
        for op in UNARY_PASSES {
            items = self.unary_pass(items, *op)?;
        }
        for op in BINARY_PASSES {
            items = self.binary_pass(items, *op)?;
        }
        let mut items = items.into_iter();
        match (items.next(), items.next()) {
            (Some(Item::Operand(e, d)), None) => Ok((e, d)),
            _ => Err(self.malformed()),
        }
    }

    /// One binary operator, left to right. For `^`, unary operators right after it are grouped
    /// into its right operand.
    fn binary_pass(&self, items: Vec<Item>, op: BinaryOp) -> Result<Vec<Item>, ParseError> {
        if !items.iter().any(|it| matches!(it, Item::Binary(o) if *o == op)) {
            return Ok(items);
        }
        let mut grouped: Vec<Item> = Vec::with_capacity(items.len());
        let mut rest = items.into_iter();
        while let Some(item) = rest.next() {
            match item {
                Item::Binary(o) if o == op => {
                    let left = grouped.pop();
                    let right = if op == BinaryOp::Pow {
                        let mut run = Vec::new();
                        for next in rest.by_ref() {
                            let done = matches!(next, Item::Operand(..));
                            run.push(next);
                            if done {
                                break;
                            }
                        }
                        for u in UNARY_PASSES {
                            run = self.unary_pass(run, *u)?;
                        }
                        let mut run = run.into_iter();
                        match (run.next(), run.next()) {
                            (Some(only), None) => Some(only),
                            _ => None,
                        }
                    } else {
                        rest.next()
                    };
                    match (left, right) {
                        (Some(Item::Operand(l, ld)), Some(Item::Operand(r, rd))) => {
                            let d = ld.max(rd) + 1;
                            self.check_depth(d)?;
                            grouped.push(Item::Operand(Expr::Binary(op, Box::new(l), Box::new(r)), d));
                        }
                        _ => return Err(self.malformed()),
                    }
                }
                other => grouped.push(other),
            }
        }
        Ok(grouped)
    }

    /// One unary operator, right to left: each takes the element after it as its operand.
    fn unary_pass(&self, items: Vec<Item>, op: UnaryOp) -> Result<Vec<Item>, ParseError> {
        if !items.iter().any(|it| matches!(it, Item::Unary(o) if *o == op)) {
            return Ok(items);
        }
        let mut grouped = std::collections::VecDeque::with_capacity(items.len());
        let mut rev = items.into_iter().rev();
        let Some(mut operand) = rev.next() else { return Ok(Vec::new()) };
        for item in rev {
            match item {
                Item::Unary(o) if o == op => match operand {
                    Item::Operand(e, d) => {
                        self.check_depth(d + 1)?;
                        operand = Item::Operand(Expr::Unary(op, Box::new(e)), d + 1);
                    }
                    // Upstream would attach an ungrouped operator here and fail later.
                    _ => return Err(self.malformed()),
                },
                other => {
                    grouped.push_front(operand);
                    operand = other;
                }
            }
        }
        grouped.push_front(operand);
        Ok(grouped.into())
    }

    fn malformed(&self) -> ParseError {
        ParseError { at: self.peek().at, kind: ParseErrorKind::Malformed }
    }
}

/// The condition text of `d2:condition`, parsed as an expression of its own.
fn parse_nested(text: &str, depth: usize) -> Result<(Expr, usize), ParseError> {
    let tokens = tokenize(text).map_err(|e| ParseError { at: e.at, kind: e.kind })?;
    let mut p = Parser { tokens, pos: 0, src: text.chars().collect() };
    let (expr, d) = p.expression(depth + 1)?;
    match &p.peek().kind {
        Tok::End => Ok((expr, d)),
        other => Err(p.error(ParseErrorKind::UnexpectedAfterEnd(other.clone()))),
    }
}

fn is_uid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 11 && b[0].is_ascii_alphabetic() && b.iter().all(u8::is_ascii_alphanumeric)
}

/// `[tag:]uid(&uid)*` or `*` in each dot-separated part: a data item.
fn is_data_item(content: &str) -> bool {
    content.split('.').all(|part| {
        let ids = part.split_once(':').map(|(_, rest)| rest).unwrap_or(part);
        ids.split('&').all(|id| id == "*" || is_uid(id))
    })
}

/// The meaning of `#{..}`, `A{..}`, `C{..}` or `V{..}`.
fn item(prefix: char, content: &str) -> Result<Expr, ParseErrorKind> {
    let kind = match prefix {
        '#' => ItemKind::Hash,
        'A' => ItemKind::Attribute,
        'C' => ItemKind::Constant,
        _ => ItemKind::Environment,
    };
    match kind {
        ItemKind::Environment => {
            if ENVIRONMENT_VARIABLES.contains(&content) {
                Ok(Expr::Variable { kind, name: content.to_string() })
            } else {
                Err(ParseErrorKind::NotAnEnvironmentVariable(content.to_string()))
            }
        }
        ItemKind::Constant => {
            if is_uid(content) {
                Ok(Expr::DataItem { kind, key: content.to_string() })
            } else {
                Err(ParseErrorKind::ConstantNeedsUid(content.to_string()))
            }
        }
        _ => {
            if is_data_item(content) {
                Ok(Expr::DataItem { kind, key: content.to_string() })
            } else if !content.is_empty()
                && content
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-' | ' ' | '\t' | '\r' | '\n'))
            {
                Ok(Expr::Variable { kind, name: content.to_string() })
            } else {
                Err(ParseErrorKind::InvalidItem { prefix, content: content.to_string() })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(src: &str) -> String {
        parse(src).unwrap_or_else(|e| panic!("{src}: {e}")).to_string()
    }

    #[test]
    fn minus_and_plus_group_as_upstream_does() {
        assert_eq!(shape("10-2+3"), "(10 - (2 + 3))");
        assert_eq!(shape("2 + 3 - 4 + 1"), "((2 + 3) - (4 + 1))");
    }

    #[test]
    fn divide_and_multiply_group_as_upstream_does() {
        assert_eq!(shape("10/2*5"), "(10 / (2 * 5))");
        assert_eq!(shape("12 / 3 / 2 * 2"), "((12 / 3) / (2 * 2))");
        assert_eq!(shape("a % b * c".replace('a', "7").replace('b', "4").replace('c', "2").as_str()), "(7 % (4 * 2))");
        // Upstream's passes follow its enum: `/` before `%` (the research note says otherwise).
        assert_eq!(shape("8 / 4 % 3"), "((8 / 4) % 3)");
    }

    #[test]
    fn power_is_left_associative_and_binds_tighter_than_unary_minus() {
        assert_eq!(shape("2^3^2"), "((2 ^ 3) ^ 2)");
        assert_eq!(shape("-3^2"), "-(3 ^ 2)");
        assert_eq!(shape("2^-2"), "(2 ^ -2)");
        assert_eq!(shape("2^--2"), "(2 ^ --2)");
        assert_eq!(shape("1+2*-3^9*4*5+6"), "((1 + (((2 * -(3 ^ 9)) * 4) * 5)) + 6)");
        assert_eq!(shape("-1.4*(1+1)"), "(-1.4 * (1 + 1))");
    }

    #[test]
    fn comparison_and_logic_passes() {
        assert_eq!(shape("1 != 2 == true"), "(1 != (2 == true))");
        // Each comparison is its own pass too: `<` before `>`.
        assert_eq!(shape("1 > 2 < 3"), "(1 > (2 < 3))");
        assert_eq!(shape("not true == false"), "(!true == false)");
        assert_eq!(shape("#{a} > 1 && #{b} < 2 || #{c} == 'x'"), "(((#{a} > 1) && (#{b} < 2)) || (#{c} == 'x'))");
        assert_eq!(shape("true and false or true"), "((true && false) || true)");
    }

    #[test]
    fn items_are_variables_or_data_items_by_shape() {
        assert_eq!(parse("#{weight_kg}").unwrap(), Expr::Variable { kind: ItemKind::Hash, name: "weight_kg".into() });
        assert_eq!(
            parse("#{age in years}").unwrap(),
            Expr::Variable { kind: ItemKind::Hash, name: "age in years".into() }
        );
        // Eleven characters, a letter first: a UID-shaped data item (missing means null).
        assert_eq!(
            parse("#{weightInKgs}").unwrap(),
            Expr::DataItem { kind: ItemKind::Hash, key: "weightInKgs".into() }
        );
        assert_eq!(
            parse("#{Cabcde12345.Dabcde12345}").unwrap(),
            Expr::DataItem { kind: ItemKind::Hash, key: "Cabcde12345.Dabcde12345".into() }
        );
        assert_eq!(
            parse("C{Gfd3ppDfq8E}").unwrap(),
            Expr::DataItem { kind: ItemKind::Constant, key: "Gfd3ppDfq8E".into() }
        );
        assert!(parse("V{event_date}").is_ok());
        assert_eq!(
            parse("V{no_such_thing}").unwrap_err().kind,
            ParseErrorKind::NotAnEnvironmentVariable("no_such_thing".into())
        );
        assert_eq!(
            parse("#{a+b}").unwrap_err().kind,
            ParseErrorKind::InvalidItem { prefix: '#', content: "a+b".into() }
        );
    }

    #[test]
    fn functions_check_names_arity_and_argument_forms() {
        assert_eq!(shape("d2:hasValue('weight')"), "d2:hasValue('weight')");
        assert!(
            matches!(parse("d2:hasValue('weight')").unwrap(), Expr::Call(Function::HasValue, ref a) if matches!(a[0], Expr::Variable { .. }))
        );
        assert!(parse("d2:round(1.234, 2)").is_ok());
        assert!(parse("d2:round(1.234, -1)").is_ok());
        assert!(parse("d2:round(1.234, 1+1)").is_err());
        assert!(parse("d2:round(1.234, - 1)").is_err(), "the sign belongs to the literal");
        let e = parse("d2:round()").unwrap_err();
        assert!(e.to_string().contains("needs at least 1 argument, but has 0"), "{e}");
        assert_eq!(e.at, 9);
        assert!(parse("d2:addDays('2020-01-01')").is_err());
        assert!(parse("d2:left('abc', 1, 2)").is_err());
        assert_eq!(parse("if(true, 1, 2)").unwrap_err().kind, ParseErrorKind::UnknownFunction("if".into()));
        assert!(parse("TRUE").is_err());
        assert_eq!(shape("d2:condition('#{x} > 2', 'big', 'small')"), "d2:condition((#{x} > 2), 'big', 'small')");
        assert!(parse("d2:condition(#{x} > 2, 1, 2)").is_err());
        // The condition is parsed from the literal's raw text, escapes and all.
        assert!(parse(r"d2:condition('\'a\' == #{x}', 1, 2)").is_err());
        assert_eq!(shape(r#"d2:condition("'a\'b' == #{x}", 1, 2)"#), r"d2:condition(('a\'b' == #{x}), 1, 2)");
        assert!(parse("d2:zpvc()").is_ok());
    }

    #[test]
    fn malformed_expressions_name_the_place() {
        let e = parse("1 +").unwrap_err();
        assert_eq!(e.at, 3);
        assert!(parse("(1 + 2").is_err());
        assert_eq!(parse("1 2").unwrap_err().kind, ParseErrorKind::UnexpectedAfterEnd(Tok::Number("2".into())));
        assert!(parse("").is_err());
        assert_eq!(
            parse("1 = 2").unwrap_err().to_string(),
            "The expression has an error at character 3: invalid operator '=': use =="
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = format!("{}1{}", "(".repeat(10_000), ")".repeat(10_000));
        assert_eq!(parse(&deep).unwrap_err().kind, ParseErrorKind::TooDeep { max: MAX_DEPTH });
        let long_chain = vec!["1"; 5000].join("+");
        assert_eq!(parse(&long_chain).unwrap_err().kind, ParseErrorKind::TooDeep { max: MAX_DEPTH });
        let unary = format!("{}1", "-".repeat(10_000));
        assert!(parse(&unary).is_err());
        let calls = format!("{}1{}", "d2:ceil(".repeat(1000), ")".repeat(1000));
        assert!(parse(&calls).is_err());
        let moderate = vec!["#{a}"; 150].join(" + ");
        assert!(parse(&moderate).is_ok());
    }

    #[test]
    fn ps_eventdate_names_the_item_after_the_colon_and_is_refused_by_last_event_date() {
        let e = parse("d2:count(PS_EVENTDATE:Abcdefghij1)").unwrap();
        assert_eq!(e.to_string(), "d2:count(#{Abcdefghij1})");
        assert!(parse("d2:lastEventDate(PS_EVENTDATE:Abcdefghij1)").is_err());
    }

    #[test]
    fn counting_functions_refuse_a_constant_as_their_variable() {
        // Parser 1.3.0 (the oracle) and the 1.4.1 source both refuse it when parsing.
        for f in ["d2:hasValue", "d2:count", "d2:countIfZeroPos", "d2:maxValue", "d2:minValue"] {
            let e = parse(&format!("{f}(C{{Abcdefghij1}})")).unwrap_err();
            assert!(e.to_string().contains("not the constant C{Abcdefghij1}"), "{f}: {e}");
        }
        assert!(parse("d2:countIfValue(C{Abcdefghij1}, 1)").is_err());
        assert!(parse("d2:hasValue(#{Abcdefghij1})").is_ok());
        assert!(parse("C{Abcdefghij1} > 1").is_ok());
    }

    #[test]
    fn every_parse_error_kind_renders_in_both_languages() {
        use ParseErrorKind::*;
        fn name(k: &ParseErrorKind) -> &'static str {
            match k {
                TooLong { .. } => "TooLong",
                TooDeep { .. } => "TooDeep",
                WrongOperator { .. } => "WrongOperator",
                UnexpectedCharacter(_) => "UnexpectedCharacter",
                UnclosedString => "UnclosedString",
                InvalidUnicodeEscape(_) => "InvalidUnicodeEscape",
                UnclosedItem(_) => "UnclosedItem",
                UnexpectedAfterEnd(_) => "UnexpectedAfterEnd",
                ExpectedValue(_) => "ExpectedValue",
                ExpectedNameInBrackets(_) => "ExpectedNameInBrackets",
                Expected { .. } => "Expected",
                NotANumber(_) => "NotANumber",
                NotAnEnvironmentVariable(_) => "NotAnEnvironmentVariable",
                ConstantNeedsUid(_) => "ConstantNeedsUid",
                InvalidItem { .. } => "InvalidItem",
                UnknownFunction(_) => "UnknownFunction",
                TooManyArguments { .. } => "TooManyArguments",
                TooFewArguments { .. } => "TooFewArguments",
                ExpectedCommaOrParen { .. } => "ExpectedCommaOrParen",
                ConstantNotVariable { .. } => "ConstantNotVariable",
                NeedsVariable { .. } => "NeedsVariable",
                NeedsWholeNumber { .. } => "NeedsWholeNumber",
                ConditionNotText { .. } => "ConditionNotText",
                InCondition { .. } => "InCondition",
                Malformed => "Malformed",
            }
        }
        const ALL: [&str; 25] = [
            "TooLong",
            "TooDeep",
            "WrongOperator",
            "UnexpectedCharacter",
            "UnclosedString",
            "InvalidUnicodeEscape",
            "UnclosedItem",
            "UnexpectedAfterEnd",
            "ExpectedValue",
            "ExpectedNameInBrackets",
            "Expected",
            "NotANumber",
            "NotAnEnvironmentVariable",
            "ConstantNeedsUid",
            "InvalidItem",
            "UnknownFunction",
            "TooManyArguments",
            "TooFewArguments",
            "ExpectedCommaOrParen",
            "ConstantNotVariable",
            "NeedsVariable",
            "NeedsWholeNumber",
            "ConditionNotText",
            "InCondition",
            "Malformed",
        ];
        let inner = ParseError { at: 4, kind: UnexpectedCharacter('@') };
        let samples = [
            TooLong { max: MAX_LENGTH },
            TooDeep { max: MAX_DEPTH },
            WrongOperator { written: "=", instead: "==" },
            UnexpectedCharacter('@'),
            UnclosedString,
            InvalidUnicodeEscape("D83D".into()),
            UnclosedItem('#'),
            UnexpectedAfterEnd(Tok::Number("2".into())),
            ExpectedValue(Tok::End),
            ExpectedNameInBrackets(Tok::Str("x".into())),
            Expected { want: Tok::RParen, found: Tok::Comma },
            NotANumber("1.2.3".into()),
            NotAnEnvironmentVariable("no_such_thing".into()),
            ConstantNeedsUid("pi".into()),
            InvalidItem { prefix: '#', content: "a+b".into() },
            UnknownFunction("d2:ifThen".into()),
            TooManyArguments { function: "d2:left", max: 2 },
            TooFewArguments { function: "d2:addDays", min: 2, found: 1 },
            ExpectedCommaOrParen { function: "d2:round", found: Tok::Name("x".into()) },
            ConstantNotVariable { function: "d2:hasValue", content: "Abcdefghij1".into() },
            NeedsVariable { function: "d2:count", found: Tok::Op("+") },
            NeedsWholeNumber { function: "d2:round", found: Tok::Number("1.5".into()) },
            ConditionNotText { function: "d2:condition", found: Tok::Item('#', "x".into()) },
            InCondition { function: "d2:condition", inner: Box::new(inner) },
            Malformed,
        ];
        let names: std::collections::BTreeSet<&str> = samples.iter().map(name).collect();
        assert_eq!(names, ALL.into_iter().collect());
        for kind in samples {
            crate::i18n::catalogue_tests::assert_renders_in_both(&ParseError { at: 11, kind }.message());
        }
    }

    #[test]
    fn parse_errors_name_what_they_found_in_the_readers_language() {
        let e = parse("d2:ceil(1 +").unwrap_err();
        assert_eq!(e.kind, ParseErrorKind::ExpectedValue(Tok::End));
        assert_eq!(
            e.to_string(),
            "The expression has an error at character 12: expected a value, found the end of the expression"
        );
        let km = e.localized(crate::i18n::Locale::KHMER);
        assert_eq!(km, "កន្សោមមានកំហុសនៅតួអក្សរទី 12៖ ត្រូវការតម្លៃមួយ ប៉ុន្តែឃើញ ចុងបញ្ចប់នៃកន្សោម");
    }
}
