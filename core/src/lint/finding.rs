//! What `phum lint` reports: one finding with its severity, stable code, the object and part it
//! concerns, where in the expression, a message and an optional rewrite; its one-line human form
//! and its JSON form.
//!
//! Owns the vocabulary of codes and the report shapes. Does not own deciding what is wrong (the
//! check modules) or printing (the command line).

use std::fmt;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

macro_rules! codes {
    ($($variant:ident = $text:literal),+ $(,)?) => {
        /// The stable name of a kind of finding (shown as `error[unknown-variable]`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code { $($variant),+ }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $text),+ }
            }
        }
    };
}

codes! {
    Syntax = "syntax",
    UnknownVariable = "unknown-variable",
    UnknownFunction = "unknown-function",
    WrongArity = "wrong-arity",
    UnknownConstant = "unknown-constant",
    UnavailableEnvironmentVariable = "unavailable-environment-variable",
    TypeMismatch = "type-mismatch",
    NonBooleanCondition = "non-boolean-condition",
    QuirkGrouping = "quirk-grouping",
    QuirkRemainder = "quirk-remainder",
    QuirkDateStringCompare = "quirk-date-string-compare",
    QuirkAssignTruncation = "quirk-assign-truncation",
    QuirkAssignPercentage = "quirk-assign-percentage",
    QuirkRoundNegativePrecision = "quirk-round-negative-precision",
    EmptyCondition = "empty-condition",
    ShadowsEnvironmentVariable = "shadows-environment-variable",
    MissingLocation = "missing-location",
    MissingSection = "missing-section",
    AssignWithoutTarget = "assign-without-target",
    UnknownDataElement = "unknown-data-element",
    UnknownCategoryOptionCombo = "unknown-category-option-combo",
    VariableLeftOut = "variable-left-out",
    VariableReadsNothing = "variable-reads-nothing",
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A problem inside one expression, before it is placed in a file and an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub severity: Severity,
    pub code: Code,
    /// Character index (0-based) in the expression, when known.
    pub at: Option<usize>,
    pub message: String,
    pub suggestion: Option<String>,
}

impl Issue {
    pub fn error(code: Code, at: Option<usize>, message: impl Into<String>) -> Issue {
        Issue { severity: Severity::Error, code, at, message: message.into(), suggestion: None }
    }

    pub fn warning(code: Code, at: Option<usize>, message: impl Into<String>) -> Issue {
        Issue { severity: Severity::Warning, code, at, message: message.into(), suggestion: None }
    }

    pub fn suggest(mut self, suggestion: impl Into<String>) -> Issue {
        self.suggestion = Some(suggestion.into());
        self
    }
}

/// Which kind of metadata object a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ObjectKind {
    ProgramRule,
    ProgramRuleVariable,
    ValidationRule,
}

impl ObjectKind {
    fn label(self) -> &'static str {
        match self {
            ObjectKind::ProgramRule => "rule",
            ObjectKind::ProgramRuleVariable => "variable",
            ObjectKind::ValidationRule => "validation rule",
        }
    }
}

/// Which part of the object: its condition, one action, a side of a validation rule, or the
/// object as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "part", rename_all = "camelCase")]
pub enum Part {
    Whole,
    Condition,
    Action {
        #[serde(rename = "actionUid")]
        uid: String,
        #[serde(rename = "actionType")]
        action_type: String,
    },
    LeftSide,
    RightSide,
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Part::Whole => Ok(()),
            Part::Condition => f.write_str(" condition"),
            Part::Action { uid, action_type } => write!(f, " action {uid} ({action_type})"),
            Part::LeftSide => f.write_str(" left side"),
            Part::RightSide => f.write_str(" right side"),
        }
    }
}

/// A place in an expression: 1-based line and column (in characters), and the 0-based offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub offset: usize,
}

impl Position {
    /// The line and column of character `offset` of `src`.
    pub fn in_text(src: &str, offset: usize) -> Position {
        let mut line = 1;
        let mut column = 1;
        for c in src.chars().take(offset) {
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        Position { line, column, offset }
    }
}

/// One finding of `phum lint`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub file: String,
    pub severity: Severity,
    pub code: Code,
    pub object: ObjectKind,
    pub name: String,
    pub uid: String,
    #[serde(flatten)]
    pub part: Part,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

impl fmt::Display for Finding {
    /// `file: rule 'Name' (uid) condition 1:5: error[code]: message`, then the suggestion on an
    /// indented line of its own.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} '{}' ({}){}", self.file, self.object.label(), self.name, self.uid, self.part)?;
        if let Some(p) = self.position {
            write!(f, " {}:{}", p.line, p.column)?;
        }
        write!(f, ": {}[{}]: {}", self.severity.as_str(), self.code.as_str(), self.message)?;
        if let Some(s) = &self.suggestion {
            write!(f, "\n  suggestion: {s}")?;
        }
        Ok(())
    }
}

/// Counts for the final line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl Summary {
    pub fn of(files: usize, findings: &[Finding]) -> Summary {
        let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
        Summary { files, errors, warnings: findings.len() - errors }
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} file(s) checked: {} error(s), {} warning(s)", self.files, self.errors, self.warnings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_columns_from_one() {
        assert_eq!(Position::in_text("ab\ncd", 4), Position { line: 2, column: 2, offset: 4 });
        assert_eq!(Position::in_text("abc", 0), Position { line: 1, column: 1, offset: 0 });
    }

    #[test]
    fn human_line_names_file_object_part_position_and_code() {
        let f = Finding {
            file: "m.json".into(),
            severity: Severity::Error,
            code: Code::UnknownVariable,
            object: ObjectKind::ProgramRule,
            name: "Low weight".into(),
            uid: "Abcdefghij1".into(),
            part: Part::Condition,
            position: Some(Position::in_text("#{a} > #{wieght}", 7)),
            message: "no rule variable 'wieght'".into(),
            suggestion: Some("#{weight}".into()),
        };
        assert_eq!(
            f.to_string(),
            "m.json: rule 'Low weight' (Abcdefghij1) condition 1:8: error[unknown-variable]: no rule variable \
             'wieght'\n  suggestion: #{weight}"
        );
        let json = serde_json::to_value(&f).unwrap();
        assert_eq!(json["part"], "condition");
        assert_eq!(json["code"], "unknown-variable");
        assert_eq!(json["position"]["column"], 8);
    }

    #[test]
    fn codes_are_unique() {
        let mut names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Code::ALL.len());
    }
}
