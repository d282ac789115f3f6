//! The d2 functions available to program rules, with their arity and the kind of each argument.
//!
//! Owns the table of research/program-rules.md §2.1 and §2.7 (which functions exist in rule mode
//! and how their arguments are read). Does not own evaluating them.

/// How an argument is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgKind {
    /// Any expression.
    Value,
    /// A variable reference: `#{..}`, `A{..}`, `V{..}`, a quoted variable name, or
    /// `PS_EVENTDATE:uid`. A quoted string names a variable, it is not a value.
    DataItem,
    /// An integer literal, possibly negative (the precision of `d2:round`).
    IntegerLiteral,
    /// A string literal holding an expression, parsed with the rest (`d2:condition`).
    ConditionText,
}

macro_rules! functions {
    ($($variant:ident = $name:literal, $min:literal ..= $max:expr, [$($kind:ident),*];)+) => {
        /// A d2 function of rule mode.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Function { $($variant),+ }

        impl Function {
            pub const ALL: &'static [Function] = &[$(Function::$variant),+];

            pub fn name(self) -> &'static str {
                match self { $(Function::$variant => $name),+ }
            }

            pub fn from_name(name: &str) -> Option<Function> {
                match name { $($name => Some(Function::$variant),)+ _ => None }
            }

            /// Fewest and most arguments (`None`: no upper limit).
            pub fn arity(self) -> (usize, Option<usize>) {
                match self { $(Function::$variant => ($min, $max)),+ }
            }

            /// How the argument at `index` is written (the last kind repeats for variadic ones).
            pub fn arg_kind(self, index: usize) -> ArgKind {
                let kinds: &[ArgKind] = match self { $(Function::$variant => &[$(ArgKind::$kind),*]),+ };
                kinds.get(index).or(kinds.last()).copied().unwrap_or(ArgKind::Value)
            }
        }
    };
}

const MANY: Option<usize> = None;

functions! {
    HasValue = "d2:hasValue", 1 ..= Some(1), [DataItem];
    Count = "d2:count", 1 ..= Some(1), [DataItem];
    CountIfValue = "d2:countIfValue", 2 ..= Some(2), [DataItem, Value];
    CountIfZeroPos = "d2:countIfZeroPos", 1 ..= Some(1), [DataItem];
    MaxValue = "d2:maxValue", 1 ..= Some(1), [DataItem];
    MinValue = "d2:minValue", 1 ..= Some(1), [DataItem];
    LastEventDate = "d2:lastEventDate", 1 ..= Some(1), [DataItem];
    DaysBetween = "d2:daysBetween", 2 ..= Some(2), [Value, Value];
    WeeksBetween = "d2:weeksBetween", 2 ..= Some(2), [Value, Value];
    MonthsBetween = "d2:monthsBetween", 2 ..= Some(2), [Value, Value];
    YearsBetween = "d2:yearsBetween", 2 ..= Some(2), [Value, Value];
    MinutesBetween = "d2:minutesBetween", 2 ..= Some(2), [Value, Value];
    AddDays = "d2:addDays", 2 ..= Some(2), [Value, Value];
    Ceil = "d2:ceil", 1 ..= Some(1), [Value];
    Floor = "d2:floor", 1 ..= Some(1), [Value];
    Round = "d2:round", 1 ..= Some(2), [Value, IntegerLiteral];
    Modulus = "d2:modulus", 2 ..= Some(2), [Value, Value];
    Zing = "d2:zing", 1 ..= Some(1), [Value];
    Oizp = "d2:oizp", 1 ..= Some(1), [Value];
    Zpvc = "d2:zpvc", 0 ..= MANY, [Value];
    Concatenate = "d2:concatenate", 0 ..= MANY, [Value];
    Length = "d2:length", 1 ..= Some(1), [Value];
    Left = "d2:left", 2 ..= Some(2), [Value, Value];
    Right = "d2:right", 2 ..= Some(2), [Value, Value];
    Substring = "d2:substring", 3 ..= Some(3), [Value, Value, Value];
    Split = "d2:split", 3 ..= Some(3), [Value, Value, Value];
    ValidatePattern = "d2:validatePattern", 2 ..= Some(2), [Value, Value];
    InOrgUnitGroup = "d2:inOrgUnitGroup", 1 ..= Some(1), [Value];
    HasUserRole = "d2:hasUserRole", 1 ..= Some(1), [Value];
    InUserGroup = "d2:inUserGroup", 1 ..= Some(1), [Value];
    Condition = "d2:condition", 3 ..= Some(3), [ConditionText, Value, Value];
    Contains = "d2:contains", 1 ..= MANY, [Value];
    ContainsItems = "d2:containsItems", 1 ..= MANY, [Value];
    ExtractDataMatrixValue = "d2:extractDataMatrixValue", 2 ..= Some(2), [Value, Value];
    ZScoreWfa = "d2:zScoreWFA", 3 ..= Some(3), [Value, Value, Value];
    ZScoreHfa = "d2:zScoreHFA", 3 ..= Some(3), [Value, Value, Value];
    ZScoreWfh = "d2:zScoreWFH", 3 ..= Some(3), [Value, Value, Value];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_function_is_found_by_its_name() {
        for f in Function::ALL {
            assert_eq!(Function::from_name(f.name()), Some(*f));
        }
        assert_eq!(Function::from_name("if"), None, "if() is not available in rule mode");
        assert_eq!(Function::from_name("d2:relationshipCount"), None);
        assert_eq!(Function::Round.arg_kind(1), ArgKind::IntegerLiteral);
        assert_eq!(Function::Zpvc.arg_kind(7), ArgKind::Value);
        assert_eq!(Function::Zpvc.arity(), (0, None));
    }
}
