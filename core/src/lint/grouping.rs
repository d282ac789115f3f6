//! The grouping quirk (research/program-rules.md §2.4): where upstream's pass-per-operator
//! grouping reads an unbracketed operator chain differently from normal precedence.
//!
//! For every chain of operators at one bracket level, upstream's reading comes from
//! `expr::parse` of the chain with its operands replaced by placeholders; the normal reading
//! (`^` right-associative and tighter than unary operators; then unary `+ - !`; `* / %`; `+ -`;
//! `< > <= >=`; `== !=`; `&&`; `||`; each level left-associative) is computed here from the same
//! flat sequence. Where the two trees differ, the smallest differing part is reported with what
//! upstream computes and a bracketed rewrite (checked with `expr::parse`) that means the normal
//! reading. Owns only that comparison; does not own parsing (`expr::parser`).

use crate::expr::lexer::{tokenize, Tok, Token};
use crate::expr::parser::{binary_op as binary, unary_op as unary};
use crate::expr::{parse, BinaryOp, Expr, ItemKind, UnaryOp};
use crate::i18n::Message;
use crate::msg;

use super::finding::{Code, Issue};

/// One element of a chain: an operand (token range), or an operator.
#[derive(Debug, Clone)]
enum Element {
    Operand { text: String },
    Binary(BinaryOp),
    Unary(UnaryOp),
}

/// A reading of a chain; leaves and operators are element indices.
#[derive(Debug, Clone, PartialEq)]
enum Node {
    Leaf(usize),
    Unary(UnaryOp, usize, Box<Node>),
    Binary(BinaryOp, usize, Box<Node>, Box<Node>),
}

impl Node {
    fn start(&self) -> usize {
        match self {
            Node::Leaf(i) | Node::Unary(_, i, _) => *i,
            Node::Binary(_, _, l, _) => l.start(),
        }
    }
}

/// Grouping findings for `src` (which must parse).
pub fn check(src: &str) -> Vec<Issue> {
    let mut out = Vec::new();
    check_at(src, 0, &mut out);
    out
}

fn check_at(src: &str, offset: usize, out: &mut Vec<Issue>) {
    let Ok(tokens) = tokenize(src) else { return };
    let chars: Vec<char> = src.chars().collect();
    let mut pos = 0;
    level(&tokens, &chars, &mut pos, offset, out);
}

/// Reads one bracket level from `tokens[*pos]` to its `)`, `,` or end, checking nested levels
/// first, then this level's chain.
fn level(tokens: &[Token], chars: &[char], pos: &mut usize, offset: usize, out: &mut Vec<Issue>) {
    let mut elements: Vec<Element> = Vec::new();
    let mut starts: Vec<usize> = Vec::new();
    let mut expect_operand = true;
    while let Some(t) = tokens.get(*pos) {
        let start = t.at;
        match &t.kind {
            Tok::RParen | Tok::Comma | Tok::End | Tok::RBracket => break,
            kind if expect_operand && unary(kind).is_some() => {
                if let Some(op) = unary(kind) {
                    elements.push(Element::Unary(op));
                    starts.push(start);
                }
                *pos += 1;
                continue;
            }
            kind if !expect_operand => match binary(kind) {
                Some(op) => {
                    elements.push(Element::Binary(op));
                    starts.push(start);
                    *pos += 1;
                    expect_operand = true;
                    continue;
                }
                None => return,
            },
            Tok::LParen => {
                *pos += 1;
                level(tokens, chars, pos, offset, out);
                *pos += 1;
            }
            Tok::Name(name) if tokens.get(*pos + 1).is_some_and(|n| n.kind == Tok::LParen) => {
                let condition_text = name == "d2:condition";
                *pos += 2;
                let mut first = true;
                loop {
                    if let (true, true, Some(Token { kind: Tok::Str(text), at })) =
                        (condition_text, first, tokens.get(*pos))
                    {
                        check_at(text, offset + at + 1, out);
                    }
                    first = false;
                    if tokens.get(*pos).is_some_and(|t| t.kind == Tok::RParen) {
                        break;
                    }
                    level(tokens, chars, pos, offset, out);
                    match tokens.get(*pos).map(|t| &t.kind) {
                        Some(Tok::Comma) => *pos += 1,
                        _ => break,
                    }
                }
                *pos += 1;
            }
            Tok::LBracket => *pos += 3,
            _ => *pos += 1,
        }
        let end = tokens.get(*pos).map_or(chars.len(), |t| t.at).min(chars.len());
        let text: String = chars.get(start..end).unwrap_or_default().iter().collect::<String>().trim_end().to_string();
        elements.push(Element::Operand { text });
        starts.push(start);
        expect_operand = false;
    }
    let binaries = elements.iter().filter(|e| matches!(e, Element::Binary(_))).count();
    if binaries < 2 && !elements.iter().any(|e| matches!(e, Element::Unary(_))) {
        return;
    }
    compare(&elements, &starts, offset, out);
}

fn compare(elements: &[Element], starts: &[usize], offset: usize, out: &mut Vec<Issue>) {
    let Some(normal) = normal_reading(elements) else { return };
    let Some(upstream) = upstream_reading(elements, &all_bracketed(&normal, elements, false)) else { return };
    // `all_bracketed` of the normal tree must read back as itself: a self-check of the reader.
    if upstream != normal {
        return;
    }
    let Some(upstream) = upstream_reading(elements, &flat_text(elements)) else { return };
    let mut regions = Vec::new();
    differences(&normal, &upstream, &mut regions);
    for (n, u) in regions {
        let now = all_bracketed(u, elements, true);
        let meant = minimal_brackets(n, elements);
        let written = render(n, elements, true, &|_| false, true);
        let why = match (root_op(n), root_op(u)) {
            (Some(a), Some(b)) if a != b => msg!("lint-grouping-before", first = a.symbol(), then = b.symbol()),
            (Some(a), _) => msg!("lint-grouping-left-to-right", operator = a.symbol()),
            _ => Message::new("lint-grouping-one-kind"),
        };
        let at = starts.get(n.start()).map(|s| offset + s);
        out.push(
            Issue::warning(
                Code::QuirkGrouping,
                at,
                msg!("lint-quirk-grouping", written = written, now = &now, why = why, meant = &meant),
            )
            .suggest(msg!("lint-quirk-grouping-fix", meant = meant, now = now)),
        );
    }
}

fn root_op(node: &Node) -> Option<BinaryOp> {
    match node {
        Node::Binary(op, ..) => Some(*op),
        _ => None,
    }
}

/// Pairs of subtrees (normal, upstream) covering the same elements but grouped differently.
fn differences<'n>(n: &'n Node, u: &'n Node, out: &mut Vec<(&'n Node, &'n Node)>) {
    match (n, u) {
        (Node::Leaf(a), Node::Leaf(b)) if a == b => {}
        (Node::Unary(o1, i1, c1), Node::Unary(o2, i2, c2)) if o1 == o2 && i1 == i2 => differences(c1, c2, out),
        (Node::Binary(o1, i1, l1, r1), Node::Binary(o2, i2, l2, r2)) if o1 == o2 && i1 == i2 => {
            differences(l1, l2, out);
            differences(r1, r2, out);
        }
        _ => out.push((n, u)),
    }
}

/// Binding powers of normal precedence (left, right).
fn power(op: BinaryOp) -> (u8, u8) {
    let level = match op {
        BinaryOp::Or => 1,
        BinaryOp::And => 2,
        BinaryOp::Eq | BinaryOp::Ne => 3,
        BinaryOp::Lt | BinaryOp::Gt | BinaryOp::Le | BinaryOp::Ge => 4,
        BinaryOp::Add | BinaryOp::Sub => 5,
        BinaryOp::Mul | BinaryOp::Div | BinaryOp::Mod => 6,
        BinaryOp::Pow => return (16, 16),
    };
    (2 * level, 2 * level + 1)
}

const UNARY_POWER: u8 = 14;

fn normal_reading(elements: &[Element]) -> Option<Node> {
    let mut pos = 0;
    let node = climb(elements, &mut pos, 0)?;
    (pos == elements.len()).then_some(node)
}

fn climb(elements: &[Element], pos: &mut usize, min: u8) -> Option<Node> {
    let mut lhs = match elements.get(*pos)? {
        Element::Operand { .. } => {
            *pos += 1;
            Node::Leaf(*pos - 1)
        }
        Element::Unary(op) => {
            let at = *pos;
            *pos += 1;
            Node::Unary(*op, at, Box::new(climb(elements, pos, UNARY_POWER)?))
        }
        Element::Binary(_) => return None,
    };
    while let Some(Element::Binary(op)) = elements.get(*pos) {
        let (left, right) = power(*op);
        if left < min {
            break;
        }
        let at = *pos;
        *pos += 1;
        let rhs = climb(elements, pos, right)?;
        lhs = Node::Binary(*op, at, Box::new(lhs), Box::new(rhs));
    }
    Some(lhs)
}

fn placeholder(index: usize) -> String {
    format!("#{{_{index}}}")
}

/// The chain as written, operands replaced by placeholders.
fn flat_text(elements: &[Element]) -> String {
    let mut s = String::new();
    for (i, e) in elements.iter().enumerate() {
        match e {
            Element::Operand { .. } => s.push_str(&placeholder(i)),
            Element::Binary(op) => {
                s.push(' ');
                s.push_str(op.symbol());
                s.push(' ');
            }
            Element::Unary(op) => s.push_str(unary_symbol(*op)),
        }
    }
    s
}

fn unary_symbol(op: UnaryOp) -> &'static str {
    match op {
        UnaryOp::Plus => "+",
        UnaryOp::Minus => "-",
        UnaryOp::Not => "!",
    }
}

/// How `expr::parse` reads a placeholder text, as a tree over `elements`.
fn upstream_reading(elements: &[Element], placeholder_text: &str) -> Option<Node> {
    to_node(&parse(placeholder_text).ok()?, elements)
}

fn to_node(e: &Expr, elements: &[Element]) -> Option<Node> {
    Some(match e {
        Expr::Variable { kind: ItemKind::Hash, name } => {
            let i: usize = name.strip_prefix('_')?.parse().ok()?;
            matches!(elements.get(i)?, Element::Operand { .. }).then_some(Node::Leaf(i))?
        }
        Expr::Unary(op, inner) => {
            let child = to_node(inner, elements)?;
            Node::Unary(*op, child.start().checked_sub(1)?, Box::new(child))
        }
        Expr::Binary(op, l, r) => {
            let left = to_node(l, elements)?;
            let right = to_node(r, elements)?;
            Node::Binary(*op, right.start().checked_sub(1)?, Box::new(left), Box::new(right))
        }
        _ => return None,
    })
}

/// `node` with brackets around every inner operation; `texts` picks the operands' source text
/// (else placeholders). The outermost operation is not bracketed.
fn all_bracketed(node: &Node, elements: &[Element], texts: bool) -> String {
    render(node, elements, texts, &|_| true, true)
}

fn render(node: &Node, elements: &[Element], texts: bool, bracket: &dyn Fn(usize) -> bool, top: bool) -> String {
    match node {
        Node::Leaf(i) => match (&elements[*i], texts) {
            (Element::Operand { text }, true) => text.clone(),
            _ => placeholder(*i),
        },
        Node::Unary(op, _, child) => format!("{}{}", unary_symbol(*op), render(child, elements, texts, bracket, false)),
        Node::Binary(op, at, l, r) => {
            let inner = format!(
                "{} {} {}",
                render(l, elements, texts, bracket, false),
                op.symbol(),
                render(r, elements, texts, bracket, false)
            );
            if !top && bracket(*at) {
                format!("({inner})")
            } else {
                inner
            }
        }
    }
}

/// The normal reading with as few brackets as upstream needs to read it the same way: brackets
/// are dropped one at a time, outermost first, while `expr::parse` still agrees.
fn minimal_brackets(node: &Node, elements: &[Element]) -> String {
    let mut ops = Vec::new();
    binary_ops(node, &mut ops);
    let mut kept: Vec<usize> = ops.clone();
    for op in ops {
        let trial: Vec<usize> = kept.iter().copied().filter(|o| *o != op).collect();
        let text = render(node, elements, false, &|at| trial.contains(&at), true);
        if upstream_reading(elements, &text).as_ref() == Some(node) {
            kept = trial;
        }
    }
    render(node, elements, true, &|at| kept.contains(&at), true)
}

fn binary_ops(node: &Node, out: &mut Vec<usize>) {
    match node {
        Node::Leaf(_) => {}
        Node::Unary(_, _, c) => binary_ops(c, out),
        Node::Binary(_, at, l, r) => {
            out.push(*at);
            binary_ops(l, out);
            binary_ops(r, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(src: &str) -> Vec<(Option<usize>, String)> {
        check(src).into_iter().map(|i| (i.at, i.suggestion.map(|s| s.to_string()).unwrap_or_default())).collect()
    }

    #[test]
    fn minus_then_plus_is_reported_with_both_readings() {
        let got = check("#{a} - #{b} + #{c}");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].code, Code::QuirkGrouping);
        assert_eq!(got[0].at, Some(0));
        assert_eq!(
            got[0].message.to_string(),
            "#{a} - #{b} + #{c} is computed as #{a} - (#{b} + #{c}) (upstream groups '+' before '-'), not as \
             (#{a} - #{b}) + #{c} as in normal arithmetic"
        );
        assert_eq!(
            got[0].suggestion.as_ref().map(|s| s.to_string()).as_deref(),
            Some("write (#{a} - #{b}) + #{c} if that is the intent; write #{a} - (#{b} + #{c}) to keep today's result")
        );
    }

    #[test]
    fn divide_then_multiply_is_reported() {
        let got = found("10 / #{n} * 2 > 1");
        assert_eq!(got.len(), 1);
        assert!(got[0].1.starts_with("write (10 / #{n}) * 2 if"), "{got:?}");
    }

    #[test]
    fn chains_that_group_the_same_either_way_are_not_reported() {
        for src in [
            "#{a} - #{b} - #{c}",
            "#{a} + #{b} - #{c}",
            "#{a} * #{b} / #{c}",
            "#{a} + #{b} * #{c}",
            "#{a} > 1 && #{b} < 2 || #{c} == 'x'",
            "-#{a} * 2",
            "!#{a} == false",
            "(#{a} - #{b}) + #{c}",
            "#{a} - (#{b} + #{c})",
            "d2:round(#{a} * 2, 1)",
        ] {
            assert_eq!(found(src), vec![], "{src}");
        }
    }

    #[test]
    fn the_smallest_differing_part_is_reported_inside_longer_chains() {
        let got = check("#{x} > 0 && #{a} - #{b} + 1 > 2");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].at, Some(12));
        assert!(
            got[0]
                .suggestion
                .as_ref()
                .map(|s| s.to_string())
                .as_deref()
                .unwrap_or("")
                .starts_with("write (#{a} - #{b}) + 1 if"),
            "{got:?}"
        );
    }

    #[test]
    fn nested_levels_and_condition_text_are_checked() {
        assert_eq!(found("d2:round(#{a} - #{b} + 1)").len(), 1);
        assert_eq!(found("(#{a} / #{b} * 100) > 5").len(), 1);
        let inside = check("d2:condition('#{a} - #{b} + 1 > 0', 1, 2)");
        assert_eq!(inside.len(), 1);
        assert_eq!(inside[0].at, Some(14));
    }

    #[test]
    fn comparisons_and_equalities_in_one_chain() {
        assert_eq!(found("#{a} != #{b} == true").len(), 1);
        assert_eq!(found("#{a} == #{b} != true").len(), 0);
        assert_eq!(found("1 > #{b} < 3").len(), 1);
    }

    #[test]
    fn power_is_left_associative_upstream() {
        let got = found("2 ^ #{n} ^ 2");
        assert_eq!(got.len(), 1);
        assert!(got[0].1.starts_with("write 2 ^ (#{n} ^ 2) if"), "{got:?}");
    }

    #[test]
    fn longer_chains_get_minimal_brackets() {
        let got = found("#{a} * #{b} + #{c} - #{d} + #{e}");
        assert_eq!(got.len(), 1);
        assert!(got[0].1.starts_with("write (#{a} * #{b} + #{c} - #{d}) + #{e} if"), "{got:?}");
    }
}
