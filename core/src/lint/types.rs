//! Static types of sub-expressions as the Android engine sees them (research/program-rules.md
//! §1.3, §2.6, §2.8) and the type mistakes they reveal: arithmetic on text, a DATE environment
//! variable compared with text (`==` always false, `<` throws), numbers or text in `&&`/`||`,
//! date functions given numbers, and conditions that are not boolean.
//!
//! Owns the type rules. Does not own names (`names`) or the number quirks (`quirks`).

use crate::expr::number::parse_jvm_double;
use crate::expr::value::parse_iso_date;
use crate::expr::{BinaryOp, Expr, Function, ItemKind, UnaryOp};
use crate::i18n::Message;
use crate::model::ValueType;
use crate::msg;

use super::catalog::{Scope, StaticType};
use super::finding::{Code, Issue};
use super::locate::Locator;

/// The type of `V{name}` when the Android engine fills it.
pub fn environment_type(name: &str) -> StaticType {
    match name {
        "current_date" | "event_date" | "due_date" | "completed_date" | "enrollment_date" | "incident_date" => {
            StaticType::Date
        }
        "event_count" | "enrollment_count" | "tei_count" => StaticType::Number,
        _ => StaticType::Text,
    }
}

pub struct Typer<'a> {
    pub scope: &'a Scope,
    pub locator: &'a Locator,
    pub issues: Vec<Issue>,
}

impl<'a> Typer<'a> {
    pub fn new(scope: &'a Scope, locator: &'a Locator) -> Typer<'a> {
        Typer { scope, locator, issues: Vec::new() }
    }

    /// Checks a rule condition: its parts, and that it is a boolean.
    pub fn condition(&mut self, expr: &Expr) {
        let t = self.type_of(expr);
        let at = self.locator.find(expr);
        match t {
            StaticType::Number | StaticType::Date | StaticType::Null => self.issues.push(Issue::error(
                Code::NonBooleanCondition,
                at,
                msg!("lint-condition-not-boolean", type_name = t.name()),
            )),
            StaticType::Text => {
                self.issues.push(Issue::warning(Code::NonBooleanCondition, at, Message::new("lint-condition-is-text")))
            }
            StaticType::Boolean | StaticType::Unknown => {}
        }
    }

    pub fn type_of(&mut self, expr: &Expr) -> StaticType {
        match expr {
            Expr::Null | Expr::NamedValue(_) => StaticType::Null,
            Expr::Bool(_) => StaticType::Boolean,
            Expr::Number(_) => StaticType::Number,
            Expr::Str(_) => StaticType::Text,
            Expr::Variable { kind: ItemKind::Environment, name } => match self.scope.get(name) {
                Some(v) => v.static_type(),
                None => environment_type(name),
            },
            Expr::Variable { name, .. } => self.scope.get(name).map_or(StaticType::Unknown, |v| v.static_type()),
            Expr::DataItem { kind: ItemKind::Constant, .. } => StaticType::Number,
            Expr::DataItem { key, .. } => self.scope.get(key).map_or(StaticType::Unknown, |v| v.static_type()),
            Expr::Unary(UnaryOp::Not, inner) => {
                self.boolean_operand(inner, &msg!("lint-operand-operator", symbol = "!"));
                StaticType::Boolean
            }
            Expr::Unary(_, inner) => {
                self.numeric_operand(inner, &Message::new("lint-operand-sign"));
                StaticType::Number
            }
            Expr::Binary(op, l, r) => self.binary(*op, l, r),
            Expr::Call(f, args) => self.call(*f, args),
        }
    }

    fn binary(&mut self, op: BinaryOp, l: &Expr, r: &Expr) -> StaticType {
        match op {
            BinaryOp::Pow | BinaryOp::Mul | BinaryOp::Div | BinaryOp::Mod | BinaryOp::Add | BinaryOp::Sub => {
                let what = msg!("lint-operand-operator", symbol = op.symbol());
                // Dates are read as epoch days: `V{event_date} - V{current_date}` is a number of days.
                self.numeric_operand(l, &what);
                self.numeric_operand(r, &what);
                StaticType::Number
            }
            BinaryOp::Lt | BinaryOp::Gt | BinaryOp::Le | BinaryOp::Ge | BinaryOp::Eq | BinaryOp::Ne => {
                let (lt, rt) = (self.type_of(l), self.type_of(r));
                self.comparison(op, (l, lt), (r, rt));
                StaticType::Boolean
            }
            BinaryOp::And | BinaryOp::Or => {
                let what = msg!("lint-operand-operator", symbol = op.symbol());
                self.boolean_operand(l, &what);
                self.boolean_operand(r, &what);
                StaticType::Boolean
            }
        }
    }

    fn comparison(&mut self, op: BinaryOp, (l, lt): (&Expr, StaticType), (r, rt): (&Expr, StaticType)) {
        let ordering = !matches!(op, BinaryOp::Eq | BinaryOp::Ne);
        let date_vs_text =
            matches!((lt, rt), (StaticType::Date, StaticType::Text) | (StaticType::Text, StaticType::Date));
        if date_vs_text {
            let comparison = format!("{l} {} {r}", op.symbol());
            let message = match op {
                BinaryOp::Eq => msg!("lint-date-text-equal", comparison = comparison),
                BinaryOp::Ne => msg!("lint-date-text-not-equal", comparison = comparison),
                _ => msg!("lint-date-text-order", comparison = comparison),
            };
            // d2:daysBetween(a, b) is b - a in days, so `l op r` is `daysBetween(r, l) op 0`.
            let days = format!("d2:daysBetween({r}, {l}) {} 0", op.symbol());
            self.issues
                .push(Issue::error(Code::QuirkDateStringCompare, self.locator.find(l), message).suggest_code(days));
            return;
        }
        if ordering {
            for (side, t) in [(l, lt), (r, rt)] {
                if t == StaticType::Null {
                    self.issues.push(Issue::error(
                        Code::TypeMismatch,
                        self.locator.find(side),
                        msg!("lint-compare-with-null", symbol = op.symbol()),
                    ));
                }
            }
            // Two texts compare as text; otherwise both sides are read as numbers.
            if lt != StaticType::Text || rt != StaticType::Text {
                for (side, t) in [(l, lt), (r, rt)] {
                    if t == StaticType::Text {
                        self.text_as_number(side, &msg!("lint-operand-operator", symbol = op.symbol()));
                    }
                }
            }
        }
    }

    /// An operand that upstream reads as a number; returns its type.
    fn numeric_operand(&mut self, e: &Expr, what: &Message) -> StaticType {
        let t = self.type_of(e);
        match t {
            StaticType::Text => self.text_as_number(e, what),
            StaticType::Null => self.issues.push(Issue::error(
                Code::TypeMismatch,
                self.locator.find(e),
                msg!("lint-null-operand", what = what.clone()),
            )),
            _ => {}
        }
        t
    }

    /// A text-typed expression read as a number: wrong for sure if it is a literal that is not a
    /// number or a date field; suspicious for other text.
    fn text_as_number(&mut self, e: &Expr, what: &Message) {
        let at = self.locator.find(e);
        match e {
            Expr::Str(s) if parse_jvm_double(s).is_none() => self.issues.push(Issue::error(
                Code::TypeMismatch,
                at,
                msg!("lint-text-literal-not-number", text = s, what = what.clone()),
            )),
            Expr::Str(_) => {}
            _ => {
                let field = self.field_of(e);
                match field {
                    Some((vt, name)) if is_date_like(vt) => self.issues.push(
                        Issue::error(
                            Code::TypeMismatch,
                            at,
                            msg!(
                                "lint-date-field-as-number",
                                expression = e.to_string(),
                                field = name.as_str(),
                                value_type = vt.to_string(),
                                what = what.clone()
                            ),
                        )
                        .suggest(Message::new("lint-date-field-as-number-fix")),
                    ),
                    Some((vt, name)) => self.issues.push(Issue::warning(
                        Code::TypeMismatch,
                        at,
                        msg!(
                            "lint-text-field-as-number",
                            expression = e.to_string(),
                            field = name.as_str(),
                            value_type = vt.to_string(),
                            what = what.clone()
                        ),
                    )),
                    None => self.issues.push(Issue::warning(
                        Code::TypeMismatch,
                        at,
                        msg!("lint-text-as-number", expression = e.to_string(), what = what.clone()),
                    )),
                }
            }
        }
    }

    fn boolean_operand(&mut self, e: &Expr, what: &Message) {
        let t = self.type_of(e);
        let at = self.locator.find(e);
        match (t, e) {
            (StaticType::Number, Expr::Number(n)) if n.fract() != 0.0 => self.issues.push(Issue::error(
                Code::TypeMismatch,
                at,
                msg!("lint-fraction-as-boolean", number = e.to_string(), what = what.clone()),
            )),
            (StaticType::Number, Expr::Number(_)) => {}
            (StaticType::Number, _) => self.issues.push(Issue::warning(
                Code::TypeMismatch,
                at,
                msg!("lint-number-as-boolean", expression = e.to_string(), what = what.clone()),
            )),
            (StaticType::Text, _) => self.issues.push(Issue::warning(
                Code::TypeMismatch,
                at,
                msg!("lint-text-as-boolean", expression = e.to_string(), what = what.clone()),
            )),
            (StaticType::Date, _) => self.issues.push(Issue::error(
                Code::TypeMismatch,
                at,
                msg!("lint-date-as-boolean", expression = e.to_string(), what = what.clone()),
            )),
            _ => {}
        }
    }

    fn call(&mut self, f: Function, args: &[Expr]) -> StaticType {
        use Function as F;
        match f {
            F::DaysBetween | F::WeeksBetween | F::MonthsBetween | F::YearsBetween | F::MinutesBetween => {
                for a in args {
                    self.date_argument(f, a);
                }
                StaticType::Number
            }
            F::AddDays => {
                if let Some(a) = args.first() {
                    self.date_argument(f, a);
                }
                for a in args.iter().skip(1) {
                    self.numeric_operand(a, &msg!("lint-operand-function", function = f.name()));
                }
                StaticType::Date
            }
            F::Ceil | F::Floor | F::Round | F::Modulus | F::Zing => {
                for a in args.iter().take(if f == F::Modulus { 2 } else { 1 }) {
                    self.numeric_operand(a, &msg!("lint-operand-function", function = f.name()));
                }
                StaticType::Number
            }
            F::Condition => {
                if let Some(c) = args.first() {
                    self.condition(c);
                }
                let branches: Vec<StaticType> = args.iter().skip(1).map(|a| self.type_of(a)).collect();
                match branches.as_slice() {
                    [a, b] if a == b => *a,
                    _ => StaticType::Unknown,
                }
            }
            _ => {
                for a in args {
                    self.type_of(a);
                }
                match f {
                    F::HasValue
                    | F::ValidatePattern
                    | F::InOrgUnitGroup
                    | F::HasUserRole
                    | F::InUserGroup
                    | F::Contains
                    | F::ContainsItems => StaticType::Boolean,
                    F::LastEventDate => StaticType::Date,
                    F::Concatenate | F::Left | F::Right | F::Substring | F::Split | F::ExtractDataMatrixValue => {
                        StaticType::Text
                    }
                    _ => StaticType::Number,
                }
            }
        }
    }

    fn date_argument(&mut self, f: Function, a: &Expr) {
        let t = self.type_of(a);
        let at = self.locator.find(a);
        match (t, a) {
            (StaticType::Number | StaticType::Boolean, _) => self.issues.push(Issue::error(
                Code::TypeMismatch,
                at,
                msg!("lint-needs-date", function = f.name(), expression = a.to_string(), type_name = t.name()),
            )),
            (StaticType::Text, Expr::Str(s)) if parse_iso_date(s).is_none() => self.issues.push(Issue::error(
                Code::TypeMismatch,
                at,
                msg!("lint-needs-iso-date", function = f.name(), text = s),
            )),
            _ => {}
        }
    }

    /// The data element or attribute behind a variable expression.
    fn field_of(&self, e: &Expr) -> Option<(ValueType, String)> {
        let name = match e {
            Expr::Variable { kind: ItemKind::Environment, .. } => return None,
            Expr::Variable { name, .. } | Expr::DataItem { key: name, .. } => name,
            _ => return None,
        };
        let v = self.scope.get(name)?;
        Some((v.field_type?, v.field_name.clone().unwrap_or_else(|| v.name.clone())))
    }
}

fn is_date_like(vt: ValueType) -> bool {
    matches!(vt, ValueType::Date | ValueType::DateTime | ValueType::Time | ValueType::Age)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::parse;
    use crate::lint::catalog::VariableInfo;
    use crate::model::value_type::RuleVariableSource;
    use crate::model::Uid;

    fn scope() -> Scope {
        let mut s = Scope::default();
        for (i, (name, vt)) in [
            ("weight", Some(ValueType::Number)),
            ("name", Some(ValueType::Text)),
            ("visit", Some(ValueType::Date)),
            ("smoker", Some(ValueType::Boolean)),
            ("calc", None),
        ]
        .into_iter()
        .enumerate()
        {
            s.variables.insert(
                name.into(),
                VariableInfo {
                    uid: Uid::parse(&format!("Vari000000{i}")).unwrap(),
                    name: name.into(),
                    source: if vt.is_some() {
                        RuleVariableSource::DataElementCurrentEvent
                    } else {
                        RuleVariableSource::CalculatedValue
                    },
                    field_type: vt,
                    field_name: Some(format!("DE {name}")),
                },
            );
        }
        s
    }

    fn condition(src: &str) -> Vec<(Code, bool, Option<usize>)> {
        let s = scope();
        let l = Locator::new(src);
        let mut t = Typer::new(&s, &l);
        t.condition(&parse(src).unwrap());
        t.issues.into_iter().map(|i| (i.code, i.severity == crate::lint::finding::Severity::Error, i.at)).collect()
    }

    #[test]
    fn well_typed_conditions_have_no_findings() {
        for src in [
            "#{weight} > 2.5 && #{smoker}",
            "#{visit} < '2020-01-01'",
            "#{visit} > #{visit}",
            "V{event_date} > V{current_date}",
            "V{event_date} - V{current_date} > 3",
            "d2:daysBetween(#{visit}, V{event_date}) > 7",
            "#{calc} + 1 > 2",
            "#{name} == 'x'",
            "!d2:hasValue(#{weight})",
            "d2:condition('#{weight} > 1', true, false)",
        ] {
            assert_eq!(condition(src), vec![], "{src}");
        }
    }

    #[test]
    fn arithmetic_on_text_is_a_mistake() {
        assert_eq!(condition("#{name} * 2 > 1"), vec![(Code::TypeMismatch, false, Some(0))]);
        assert_eq!(condition("#{visit} + 1 > 1"), vec![(Code::TypeMismatch, true, Some(0))]);
        assert_eq!(condition("'abc' + 1 > 1"), vec![(Code::TypeMismatch, true, Some(0))]);
        assert_eq!(condition("'12' + 1 > 1"), vec![]);
        assert_eq!(condition("#{weight} > #{name}"), vec![(Code::TypeMismatch, false, Some(12))]);
    }

    #[test]
    fn a_date_environment_variable_compared_with_text_is_a_quirk() {
        let s = scope();
        let src = "V{event_date} > '2019-12-31'";
        let l = Locator::new(src);
        let mut t = Typer::new(&s, &l);
        t.condition(&parse(src).unwrap());
        assert_eq!(t.issues.len(), 1);
        assert_eq!(t.issues[0].code, Code::QuirkDateStringCompare);
        assert!(t.issues[0].message.to_string().contains("NumberFormatException"), "{}", t.issues[0].message);
        assert_eq!(
            t.issues[0].suggestion.as_ref().map(|s| s.to_string()).as_deref(),
            Some("d2:daysBetween('2019-12-31', V{event_date}) > 0")
        );
        assert_eq!(condition("V{event_date} == #{visit}"), vec![(Code::QuirkDateStringCompare, true, Some(0))]);
        assert_eq!(condition("#{visit} != V{current_date}"), vec![(Code::QuirkDateStringCompare, true, Some(0))]);
    }

    #[test]
    fn conditions_must_be_boolean() {
        assert_eq!(condition("#{weight} + 1"), vec![(Code::NonBooleanCondition, true, Some(0))]);
        assert_eq!(condition("V{current_date}"), vec![(Code::NonBooleanCondition, true, Some(0))]);
        assert_eq!(condition("#{name}"), vec![(Code::NonBooleanCondition, false, Some(0))]);
    }

    #[test]
    fn logic_operands_should_be_booleans() {
        assert_eq!(condition("#{weight} && true"), vec![(Code::TypeMismatch, false, Some(0))]);
        assert_eq!(condition("1.5 || true"), vec![(Code::TypeMismatch, true, Some(0))]);
        assert_eq!(condition("1 || #{name}"), vec![(Code::TypeMismatch, false, Some(5))]);
    }

    #[test]
    fn date_functions_need_dates() {
        assert_eq!(
            condition("d2:daysBetween(#{weight}, V{event_date}) > 1"),
            vec![(Code::TypeMismatch, true, Some(15))]
        );
        assert_eq!(
            condition("d2:daysBetween('2020-1-5', V{event_date}) > 1"),
            vec![(Code::TypeMismatch, true, Some(15))]
        );
    }
}
