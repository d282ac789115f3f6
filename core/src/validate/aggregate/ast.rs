//! The syntax tree of a validation-rule expression, and the data items it references.
//!
//! Owns the node types, the function table of validation rules (names and arities) and
//! [`AggregateExpr::data_items`]. Does not own parsing (`parser`) or evaluation (`eval`).

use crate::model::Uid;

/// A parsed validation-rule expression (one side of a rule).
#[derive(Debug, Clone, PartialEq)]
pub struct AggregateExpr {
    pub root: Node,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// A number as written (`text` is kept to regenerate the expression).
    Number {
        value: f64,
        text: String,
    },
    /// A string literal: its value and its source text with quotes.
    Text {
        value: String,
        text: String,
    },
    Bool(bool),
    Null,
    Item(Item),
    Paren(Box<Node>),
    Unary {
        op: UnaryOp,
        operand: Box<Node>,
    },
    /// `left ^ right` (right-associative, so nested to the right).
    Power {
        base: Box<Node>,
        exponent: Box<Node>,
    },
    /// Left-associative operators of one precedence level applied in order:
    /// `first op1 n1 op2 n2` is `(first op1 n1) op2 n2`. Kept flat so that long sums do not
    /// make deep trees.
    Chain {
        first: Box<Node>,
        rest: Vec<(BinaryOp, Node)>,
    },
    Call {
        function: Function,
        args: Vec<Node>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Plus,
    Minus,
    /// `!` or `not`.
    Not,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    Power,
    Multiply,
    Divide,
    Modulus,
    Add,
    Subtract,
    LessThan,
    GreaterThan,
    LessThanOrEqual,
    GreaterThanOrEqual,
    Equal,
    NotEqual,
    /// `&&` or `and`.
    And,
    /// `||` or `or`.
    Or,
}

impl BinaryOp {
    /// Binding strength: `||` 1, `&&` 2, `== !=` 3, `< > <= >=` 4, `+ -` 5, `* / %` 6, `^` 8
    /// (unary operators are 7).
    pub fn level(self) -> u8 {
        match self {
            BinaryOp::Or => 1,
            BinaryOp::And => 2,
            BinaryOp::Equal | BinaryOp::NotEqual => 3,
            BinaryOp::LessThan | BinaryOp::GreaterThan | BinaryOp::LessThanOrEqual | BinaryOp::GreaterThanOrEqual => 4,
            BinaryOp::Add | BinaryOp::Subtract => 5,
            BinaryOp::Multiply | BinaryOp::Divide | BinaryOp::Modulus => 6,
            BinaryOp::Power => 8,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Power => "^",
            BinaryOp::Multiply => "*",
            BinaryOp::Divide => "/",
            BinaryOp::Modulus => "%",
            BinaryOp::Add => "+",
            BinaryOp::Subtract => "-",
            BinaryOp::LessThan => "<",
            BinaryOp::GreaterThan => ">",
            BinaryOp::LessThanOrEqual => "<=",
            BinaryOp::GreaterThanOrEqual => ">=",
            BinaryOp::Equal => "==",
            BinaryOp::NotEqual => "!=",
            BinaryOp::And => "&&",
            BinaryOp::Or => "||",
        }
    }
}

/// The functions the SDK's validation-rule expression service knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Function {
    FirstNonNull,
    Greatest,
    Least,
    If,
    IsNull,
    IsNotNull,
    Log,
    Log10,
    /// `is(x in a, b, ...)`: is `x` equal to one of the candidates.
    Is,
    /// `contains(text, part, ...)`: does `text` contain every part.
    Contains,
    /// `containsItems(list, item, ...)`: is every item one of the comma-separated list.
    ContainsItems,
}

impl Function {
    pub const ALL: &'static [Function] = &[
        Function::FirstNonNull,
        Function::Greatest,
        Function::Least,
        Function::If,
        Function::IsNull,
        Function::IsNotNull,
        Function::Log,
        Function::Log10,
        Function::Is,
        Function::Contains,
        Function::ContainsItems,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Function::FirstNonNull => "firstNonNull",
            Function::Greatest => "greatest",
            Function::Least => "least",
            Function::If => "if",
            Function::IsNull => "isNull",
            Function::IsNotNull => "isNotNull",
            Function::Log => "log",
            Function::Log10 => "log10",
            Function::Is => "is",
            Function::Contains => "contains",
            Function::ContainsItems => "containsItems",
        }
    }

    pub fn by_name(name: &str) -> Option<Function> {
        Function::ALL.iter().copied().find(|f| f.name() == name)
    }

    /// Smallest and largest number of arguments (`None`: no upper bound). For `is`, the
    /// arguments are the value and its candidates.
    pub fn arity(self) -> (usize, Option<usize>) {
        match self {
            Function::FirstNonNull | Function::Greatest | Function::Least => (1, None),
            Function::If => (3, Some(3)),
            Function::IsNull | Function::IsNotNull | Function::Log10 => (1, Some(1)),
            Function::Log => (1, Some(2)),
            Function::Is | Function::Contains | Function::ContainsItems => (2, None),
        }
    }
}

/// A value the expression takes from the data set's context.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Item {
    /// `#{de}` (also written `#{de.*}`): the total of a data element over its category
    /// option combos.
    DataElement { data_element: Uid, text: String },
    /// `#{de.coc}`, `#{de.coc.*}`, `#{de.coc.aoc}`, `#{de.*.aoc}`.
    Operand { data_element: Uid, category_option_combo: Option<Uid>, attribute_option_combo: Option<Uid>, text: String },
    /// `C{uid}`.
    Constant { constant: Uid, text: String },
    /// `OUG{uid}`: the number of org units in the group.
    OrgUnitGroup { group: Uid, text: String },
    /// `[days]`: the number of days in the period.
    Days,
}

impl Item {
    /// The item as written in the expression.
    pub fn text(&self) -> &str {
        match self {
            Item::DataElement { text, .. }
            | Item::Operand { text, .. }
            | Item::Constant { text, .. }
            | Item::OrgUnitGroup { text, .. } => text,
            Item::Days => "[days]",
        }
    }

    /// The key of the item in the SDK's value map: `de`, `de.coc`, `de.*.aoc`, `de.coc.aoc`.
    /// `None` for items that are not data.
    pub fn value_key(&self) -> Option<String> {
        match self {
            Item::DataElement { data_element, .. } => Some(data_element.to_string()),
            Item::Operand { data_element, category_option_combo, attribute_option_combo, .. } => {
                let mut key = data_element.to_string();
                key.push('.');
                match category_option_combo {
                    Some(coc) => key.push_str(coc.as_str()),
                    None => key.push('*'),
                }
                if let Some(aoc) = attribute_option_combo {
                    key.push('.');
                    key.push_str(aoc.as_str());
                }
                Some(key)
            }
            _ => None,
        }
    }
}

/// A data element, or one of its category option combos, that an expression reads
/// (the SDK's `getDataElementOperands`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DataItemRef {
    pub data_element: Uid,
    pub category_option_combo: Option<Uid>,
    pub attribute_option_combo: Option<Uid>,
}

impl AggregateExpr {
    /// Every item of the expression, in order of appearance, repeats included.
    pub fn items(&self) -> Vec<&Item> {
        let mut out = Vec::new();
        let mut stack = vec![&self.root];
        while let Some(node) = stack.pop() {
            match node {
                Node::Item(item) => out.push(item),
                Node::Paren(inner) | Node::Unary { operand: inner, .. } => stack.push(inner),
                Node::Power { base, exponent } => {
                    stack.push(exponent);
                    stack.push(base);
                }
                Node::Chain { first, rest } => {
                    stack.extend(rest.iter().rev().map(|(_, n)| n));
                    stack.push(first);
                }
                Node::Call { args, .. } => stack.extend(args.iter().rev()),
                Node::Number { .. } | Node::Text { .. } | Node::Bool(_) | Node::Null => {}
            }
        }
        out
    }

    /// The data elements and operands the expression reads, first appearance first, without
    /// repeats. Constants, org unit groups and `[days]` are not data items.
    pub fn data_items(&self) -> Vec<DataItemRef> {
        let mut out: Vec<DataItemRef> = Vec::new();
        for item in self.items() {
            let reference = match item {
                Item::DataElement { data_element, .. } => DataItemRef {
                    data_element: *data_element,
                    category_option_combo: None,
                    attribute_option_combo: None,
                },
                Item::Operand { data_element, category_option_combo, attribute_option_combo, .. } => DataItemRef {
                    data_element: *data_element,
                    category_option_combo: *category_option_combo,
                    attribute_option_combo: *attribute_option_combo,
                },
                _ => continue,
            };
            if !out.contains(&reference) {
                out.push(reference);
            }
        }
        out
    }

    /// The constants the expression reads (`C{uid}`), without repeats.
    pub fn constants(&self) -> Vec<Uid> {
        let mut out = Vec::new();
        for item in self.items() {
            if let Item::Constant { constant, .. } = item {
                if !out.contains(constant) {
                    out.push(*constant);
                }
            }
        }
        out
    }

    /// The org unit groups the expression counts (`OUG{uid}`), without repeats.
    pub fn org_unit_groups(&self) -> Vec<Uid> {
        let mut out = Vec::new();
        for item in self.items() {
            if let Item::OrgUnitGroup { group, .. } = item {
                if !out.contains(group) {
                    out.push(*group);
                }
            }
        }
        out
    }
}
