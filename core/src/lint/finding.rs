//! What `phum lint` reports: one finding with its severity, stable code, the object and part it
//! concerns, where in the expression, a message and an optional rewrite (both catalogue
//! messages, `lint-*`); its one-line human form in a locale and its JSON form (message ids and
//! arguments with the English text, the same in every language).
//!
//! Owns the vocabulary of codes and the report shapes. Does not own deciding what is wrong (the
//! check modules) or printing (the command line).

use std::fmt;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::i18n::{show_digits, Locale, Localize, Message};
use crate::msg;

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

impl Localize for Severity {
    fn message(&self) -> Message {
        match self {
            Severity::Warning => Message::new("lint-severity-warning"),
            Severity::Error => Message::new("lint-severity-error"),
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
    pub message: Message,
    pub suggestion: Option<Message>,
}

impl Issue {
    pub fn error(code: Code, at: Option<usize>, message: Message) -> Issue {
        Issue { severity: Severity::Error, code, at, message, suggestion: None }
    }

    pub fn warning(code: Code, at: Option<usize>, message: Message) -> Issue {
        Issue { severity: Severity::Warning, code, at, message, suggestion: None }
    }

    /// What to do instead, in words.
    pub fn suggest(mut self, suggestion: Message) -> Issue {
        self.suggestion = Some(suggestion);
        self
    }

    /// What to write instead: an expression, shown as it is in every language.
    pub fn suggest_code(self, code: impl Into<String>) -> Issue {
        self.suggest(msg!("lint-suggest-code", code = code.into()))
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

impl Localize for ObjectKind {
    fn message(&self) -> Message {
        match self {
            ObjectKind::ProgramRule => Message::new("lint-object-rule"),
            ObjectKind::ProgramRuleVariable => Message::new("lint-object-variable"),
            ObjectKind::ValidationRule => Message::new("lint-object-validation-rule"),
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

impl Part {
    /// The part in words; `None` for the object as a whole.
    pub fn message(&self) -> Option<Message> {
        Some(match self {
            Part::Whole => return None,
            Part::Condition => Message::new("lint-part-condition"),
            Part::Action { uid, action_type } => msg!("lint-part-action", uid = uid, action_type = action_type),
            Part::LeftSide => Message::new("lint-part-left-side"),
            Part::RightSide => Message::new("lint-part-right-side"),
        })
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

/// One finding of `phum lint`. In JSON its message and suggestion are the English text, with
/// the message id and arguments beside them (`message_id`, `message_args`, `suggestion_id`,
/// `suggestion_args`) for front ends that say them in another language.
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
    #[serde(flatten, serialize_with = "message_fields")]
    pub message: Message,
    #[serde(flatten, serialize_with = "suggestion_fields")]
    pub suggestion: Option<Message>,
}

/// `message`, `message_id`, `message_args`.
fn message_fields<S: Serializer>(m: &Message, s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(3))?;
    map.serialize_entry("message", &m.to_string())?;
    map.serialize_entry("message_id", m.id)?;
    map.serialize_entry("message_args", &m_args(m))?;
    map.end()
}

/// `suggestion`, `suggestion_id`, `suggestion_args`, or nothing.
fn suggestion_fields<S: Serializer>(m: &Option<Message>, s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(None)?;
    if let Some(m) = m {
        map.serialize_entry("suggestion", &m.to_string())?;
        map.serialize_entry("suggestion_id", m.id)?;
        map.serialize_entry("suggestion_args", &m_args(m))?;
    }
    map.end()
}

/// A message's arguments as a JSON object (its serialised `args`).
fn m_args(m: &Message) -> serde_json::Value {
    serde_json::to_value(m).ok().and_then(|mut v| v.get_mut("args").map(serde_json::Value::take)).unwrap_or_default()
}

impl Finding {
    /// `file: rule 'Name' (uid) condition 1:5: error[code]: message`, then the suggestion on an
    /// indented line of its own, in `locale`. File, name, UID and code are shown as they are.
    pub fn line(&self, locale: Locale) -> String {
        let part = self.part.message().map(|m| format!(" {}", m.render(locale))).unwrap_or_default();
        let position = self
            .position
            .map(|p| show_digits(&format!(" {}:{}", p.line, p.column), locale.khmer_digits))
            .unwrap_or_default();
        let head = msg!(
            "lint-finding",
            file = &self.file,
            object = self.object.message(),
            name = &self.name,
            uid = &self.uid,
            part = part,
            position = position,
            severity = self.severity.message(),
            code = self.code.as_str(),
            message = self.message.clone()
        )
        .render(locale);
        match &self.suggestion {
            Some(s) => format!("{head}\n  {}", msg!("lint-finding-suggestion", suggestion = s.clone()).render(locale)),
            None => head,
        }
    }
}

impl fmt::Display for Finding {
    /// The English [`Finding::line`], for logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line(Locale::ENGLISH))
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

impl Localize for Summary {
    fn message(&self) -> Message {
        msg!("lint-summary", files = self.files, errors = self.errors, warnings = self.warnings)
    }
}

crate::english_display!(Summary);

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
            message: msg!("lint-unknown-variable", item = "#{wieght}", name = "wieght"),
            suggestion: Some(msg!("lint-suggest-code", code = "#{weight}")),
        };
        assert_eq!(
            f.to_string(),
            "m.json: rule 'Low weight' (Abcdefghij1) condition 1:8: error[unknown-variable]: #{wieght}: no program \
             rule variable named 'wieght' in this rule's program\n  suggestion: #{weight}"
        );
        assert_eq!(
            f.line(Locale::new(crate::i18n::Lang::Km, true)),
            "m.json៖ វិធាន 'Low weight' (Abcdefghij1) លក្ខខណ្ឌ ១:៨៖ កំហុស[unknown-variable]៖ #{wieght}៖ \
             គ្មានអថេរវិធានកម្មវិធីឈ្មោះ 'wieght' ក្នុងកម្មវិធីនៃវិធាននេះទេ\n  សំណើ៖ #{weight}"
        );
        let json = serde_json::to_value(&f).unwrap();
        assert_eq!(json["message_id"], "lint-unknown-variable");
        assert_eq!(json["message_args"], serde_json::json!({"item": "#{wieght}", "name": "wieght"}));
        assert_eq!(json["suggestion"], "#{weight}");
        assert_eq!(json["suggestion_id"], "lint-suggest-code");
        assert_eq!(json["part"], "condition");
        assert_eq!(json["code"], "unknown-variable");
        assert_eq!(json["position"]["column"], 8);
    }

    #[test]
    fn every_finding_of_the_mistakes_fixtures_renders_in_both_languages() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../cli/tests/fixtures/lint");
        let mut files = Vec::new();
        for name in ["program.json", "rules_with_mistakes.json"] {
            let text = std::fs::read_to_string(dir.join(name)).unwrap();
            files.push(crate::lint::MetadataFile::parse(name, &text).unwrap());
        }
        let findings = crate::lint::lint(&files);
        let codes: std::collections::BTreeSet<&str> = findings.iter().map(|f| f.code.as_str()).collect();
        assert!(codes.len() >= 15, "{codes:?}");
        for f in &findings {
            crate::i18n::catalogue_tests::assert_renders_in_both(&f.message);
            if let Some(s) = &f.suggestion {
                crate::i18n::catalogue_tests::assert_renders_in_both(s);
            }
            let khmer = f.line(Locale::KHMER);
            assert!(khmer.contains("៖ កំហុស[") || khmer.contains("៖ ការព្រមាន["), "{khmer}");
        }
        crate::i18n::catalogue_tests::assert_renders_in_both(&Summary { files: 2, errors: 15, warnings: 7 }.message());
        for part in [
            Part::Condition,
            Part::LeftSide,
            Part::RightSide,
            Part::Action { uid: "Actn0000001".into(), action_type: "ASSIGN".into() },
        ] {
            crate::i18n::catalogue_tests::assert_renders_in_both(&part.message().unwrap());
        }
        for object in [ObjectKind::ProgramRule, ObjectKind::ProgramRuleVariable, ObjectKind::ValidationRule] {
            crate::i18n::catalogue_tests::assert_renders_in_both(&object.message());
        }
    }

    #[test]
    fn codes_are_unique() {
        let mut names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Code::ALL.len());
    }
}
