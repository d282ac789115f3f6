//! Running expression test vectors (`core/tests/fixtures/rules/expression-vectors.jsonl`, schema
//! in research/program-rules.md §5.1): reading one JSON line into a typed [`Vector`], deciding
//! whether it applies to Phum, running it (parsing or evaluating, by its kind and level) and
//! comparing value and type with upstream's answer.
//!
//! Which vectors apply (each rule in [`skip_reason`] gives its reason):
//! - the rule-engine modes (`RULE_ENGINE_ACTION`, `RULE_ENGINE_CONDITION`) apply in full;
//! - the operator mode (`PREDICTOR_GENERATOR_EXPRESSION`, the parser's default mode, whose
//!   operators are the same code) applies unless the expression uses a word rule mode does not
//!   have (`if`, `firstNonNull`, `distinct`, ...);
//! - every other mode (indicators, program indicators, custom intents, SDK validation rules)
//!   belongs to another DHIS2 component and is skipped.
//!
//! The `runtime_check_js_3_3_9` field only records whether the old JavaScript bundle of the web
//! app agreed; the expected values are always the JVM engine's (parser 1.4.1), so a
//! disagreement there is no reason to skip.
//!
//! Owns the vector schema, the applicability rules and the comparison. Does not own parsing,
//! evaluation or the engine's text of a result (`parser`, `eval`, `engine_text`).

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use serde::Deserialize;
use serde_json::Value as Json;

use crate::i18n::{Localize, Message};
use crate::msg;

use super::engine_text::engine_text;
use super::eval::{evaluate, Context, EvalError, VariableType, VariableValue};
use super::lexer::{tokenize, Tok};
use super::number::jvm_double_to_string;
use super::parser::{parse, ParseError};
use super::value::Value;
use super::Function;

/// Why a line is not a vector.
#[derive(Debug, thiserror::Error)]
pub enum VectorError {
    Json { line: usize, source: serde_json::Error },
    Invalid { line: usize, id: u64, problem: Problem },
}

/// What is wrong in a line that is valid JSON.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    UnknownLevel(String),
    UnknownKind(String),
    UnknownValueType { name: String, value_type: String },
    BadExpected { expected_type: String, expected: String },
}

impl Localize for VectorError {
    fn message(&self) -> Message {
        match self {
            // serde_json's own description (`expected value at line 1 column 2`), as it is.
            VectorError::Json { line, source } => {
                msg!("expr-vector-not-json", line = *line, detail = source.to_string())
            }
            VectorError::Invalid { line, id, problem } => {
                msg!("expr-vector-invalid", line = *line, id = *id, problem = problem.message())
            }
        }
    }
}

impl Localize for Problem {
    fn message(&self) -> Message {
        match self {
            Problem::UnknownLevel(level) => msg!("expr-vector-unknown-level", level = level),
            Problem::UnknownKind(kind) => msg!("expr-vector-unknown-kind", kind = kind),
            Problem::UnknownValueType { name, value_type } => {
                msg!("expr-vector-unknown-value-type", name = name, value_type = value_type)
            }
            Problem::BadExpected { expected_type, expected } => {
                msg!("expr-vector-bad-expected", expected_type = expected_type, expected = expected)
            }
        }
    }
}

crate::english_display!(VectorError, Problem);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    RuleEngineAction,
    RuleEngineCondition,
    /// `PREDICTOR_GENERATOR_EXPRESSION`: the parser's default mode, used by its operator tests.
    PredictorGenerator,
    /// Any other mode, by name.
    Other(String),
}

/// Whether `expected` is the raw result of `Expression.evaluate` or what the rule engine makes
/// of it (the effect-data text of an action, whether a condition fires).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Expression,
    Engine,
}

/// What upstream's test did with the expression. Only `Evaluate` vectors are evaluated; the
/// others (type validation, description, normalisation) are checked by parsing alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Evaluate,
    Validate,
    Describe,
    Normalise,
    Regenerate,
}

/// Upstream's answer, by `expected_type`.
#[derive(Debug, Clone, PartialEq)]
pub enum Expected {
    Null,
    Boolean(bool),
    /// A Kotlin `Double` (NaN and the infinities included).
    Number(f64),
    /// A Kotlin `Int`.
    Integer(i64),
    Text(String),
    /// yyyy-MM-dd.
    Date(String),
    /// An exception; `ParseException` means the expression does not parse.
    Error {
        exception: String,
        message: Option<String>,
    },
    /// The result of a tool Phum does not have (validation issues, normalised text, ...), kept
    /// as written.
    Other {
        expected_type: String,
        value: Json,
    },
}

impl Expected {
    pub fn is_parse_error(&self) -> bool {
        matches!(self, Expected::Error { exception, .. } if exception == "ParseException")
    }
}

/// One vector, read from one line.
#[derive(Debug, Clone)]
pub struct Vector {
    pub id: u64,
    /// 1-based line number in the file.
    pub line: usize,
    pub source: String,
    pub level: Level,
    pub kind: Kind,
    pub mode: Mode,
    pub expression: String,
    pub variables: BTreeMap<String, VariableValue>,
    pub supplementary: HashMap<String, Vec<String>>,
    pub expected: Expected,
    /// Absolute tolerance for numbers (0: exact).
    pub tolerance: f64,
    pub notes: Option<String>,
}

/// What Phum produced for a vector.
#[derive(Debug, Clone, PartialEq)]
pub enum Actual {
    ParseError(ParseError),
    /// Parsed (vectors checked by parsing alone): the tree in its bracketed form.
    Parsed(String),
    Value(Value),
    EvalError(EvalError),
    /// Engine level, action: the effect-data text (`None`: no text).
    EngineText(Option<String>),
    /// Engine level, condition: whether the rule fires.
    Fired(bool),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Pass { actual: Actual },
    Fail { expected: Expected, actual: Actual },
    Skipped { reason: SkipReason },
}

/// Why a vector does not apply to Phum.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum SkipReason {
    /// A predictor vector using a word (function) rule mode does not have.
    PredictorWord(String),
    /// A mode another DHIS2 component evaluates (`INDICATOR_EXPRESSION`, ...).
    OtherMode(String),
}

impl Localize for SkipReason {
    fn message(&self) -> Message {
        match self {
            SkipReason::PredictorWord(word) => msg!("expr-vector-skip-predictor-word", word = word),
            SkipReason::OtherMode(mode) => msg!("expr-vector-skip-other-mode", mode = mode),
        }
    }
}

impl Localize for Actual {
    /// What Phum produced, values written exactly (`2.0 (number)`, `"a" (engine text)`).
    fn message(&self) -> Message {
        match self {
            Actual::ParseError(e) => msg!("expr-vector-actual-parse-error", error = e.message()),
            Actual::Parsed(tree) => msg!("expr-vector-actual-parsed", tree = tree),
            Actual::Value(Value::Null) => Message::new("expr-vector-actual-null"),
            Actual::Value(v) => msg!("expr-vector-actual-value", value = exact_text(v), type_name = type_name(v)),
            Actual::EvalError(e) => msg!("expr-vector-actual-eval-error", error = e.message()),
            Actual::EngineText(Some(t)) => msg!("expr-vector-actual-engine-text", text = format!("{t:?}")),
            Actual::EngineText(None) => Message::new("expr-vector-actual-no-engine-text"),
            Actual::Fired(fires) => msg!("expr-vector-actual-fired", fires = fires.to_string()),
        }
    }
}

crate::english_display!(SkipReason, Actual);

#[derive(Debug, Clone, PartialEq)]
pub struct VectorResult {
    pub id: u64,
    pub line: usize,
    pub outcome: Outcome,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVector {
    id: u64,
    #[serde(default)]
    source: String,
    level: String,
    kind: String,
    mode: String,
    expression: String,
    #[serde(default)]
    variables: BTreeMap<String, RawVariable>,
    #[serde(default)]
    env: RawEnv,
    expected: Json,
    expected_type: String,
    #[serde(default)]
    tolerance: Option<f64>,
    #[serde(default)]
    notes: Option<String>,
    #[serde(default, rename = "runtime_check_js_3_3_9")]
    _runtime_check_js: Option<String>,
    /// The engine a vector of another component came from (SDK validation rules).
    #[serde(default, rename = "engine")]
    _engine: Option<String>,
}

#[derive(Deserialize)]
struct RawVariable {
    #[serde(rename = "valueType")]
    value_type: String,
    #[serde(default)]
    value: Option<String>,
    #[serde(default)]
    candidates: Vec<String>,
    #[serde(default, rename = "eventDate")]
    event_date: Option<String>,
}

/// The part of `env` expressions of rule mode read; the rest belongs to other modes.
#[derive(Deserialize, Default)]
struct RawEnv {
    #[serde(default, rename = "supplementaryValues")]
    supplementary_values: HashMap<String, Vec<String>>,
}

/// Reads the vector on line `line` (1-based).
pub fn parse_line(line: usize, text: &str) -> Result<Vector, VectorError> {
    let raw: RawVector = serde_json::from_str(text).map_err(|source| VectorError::Json { line, source })?;
    let invalid = |problem| VectorError::Invalid { line, id: raw.id, problem };
    let level = match raw.level.as_str() {
        "expression" => Level::Expression,
        "engine" => Level::Engine,
        other => return Err(invalid(Problem::UnknownLevel(other.to_string()))),
    };
    let kind = match raw.kind.as_str() {
        "evaluate" => Kind::Evaluate,
        "validate" => Kind::Validate,
        "describe" => Kind::Describe,
        "normalise" => Kind::Normalise,
        "regenerate" => Kind::Regenerate,
        other => return Err(invalid(Problem::UnknownKind(other.to_string()))),
    };
    let mode = match raw.mode.as_str() {
        "RULE_ENGINE_ACTION" => Mode::RuleEngineAction,
        "RULE_ENGINE_CONDITION" => Mode::RuleEngineCondition,
        "PREDICTOR_GENERATOR_EXPRESSION" => Mode::PredictorGenerator,
        other => Mode::Other(other.to_string()),
    };
    let mut variables = BTreeMap::new();
    for (name, var) in &raw.variables {
        let value_type = match var.value_type.as_str() {
            "NUMBER" => VariableType::Number,
            "STRING" | "TEXT" => VariableType::Text,
            "BOOLEAN" => VariableType::Boolean,
            "DATE" => VariableType::Date,
            other => {
                return Err(invalid(Problem::UnknownValueType { name: name.clone(), value_type: other.to_string() }))
            }
        };
        variables.insert(
            name.clone(),
            VariableValue {
                value_type,
                value: var.value.clone(),
                candidates: var.candidates.clone(),
                event_date: var.event_date.clone(),
            },
        );
    }
    let expected = expected(&raw.expected_type, &raw.expected).ok_or_else(|| {
        invalid(Problem::BadExpected { expected_type: raw.expected_type.clone(), expected: raw.expected.to_string() })
    })?;
    Ok(Vector {
        id: raw.id,
        line,
        source: raw.source.clone(),
        level,
        kind,
        mode,
        expression: raw.expression.clone(),
        variables,
        supplementary: raw.env.supplementary_values.clone(),
        expected,
        tolerance: raw.tolerance.unwrap_or(0.0),
        notes: raw.notes.clone(),
    })
}

/// Reads every non-blank line; on failure, the error of every bad line.
pub fn parse_file(text: &str) -> Result<Vec<Vector>, Vec<VectorError>> {
    let (mut vectors, mut errors) = (Vec::new(), Vec::new());
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match parse_line(i + 1, line) {
            Ok(v) => vectors.push(v),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(vectors)
    } else {
        Err(errors)
    }
}

fn expected(expected_type: &str, e: &Json) -> Option<Expected> {
    Some(match expected_type {
        "null" => Expected::Null,
        "boolean" => Expected::Boolean(e.as_bool()?),
        "number" => Expected::Number(match e {
            Json::Number(n) => n.as_f64()?,
            Json::String(s) if s == "NaN" => f64::NAN,
            Json::String(s) if s == "Infinity" => f64::INFINITY,
            Json::String(s) if s == "-Infinity" => f64::NEG_INFINITY,
            _ => return None,
        }),
        "integer" => Expected::Integer(e.as_i64()?),
        "string" => Expected::Text(e.as_str()?.to_string()),
        "date" => Expected::Date(e.as_str()?.to_string()),
        "error" => Expected::Error {
            exception: e.get("exception")?.as_str()?.to_string(),
            message: e.get("message").and_then(Json::as_str).map(String::from),
        },
        other => Expected::Other { expected_type: other.to_string(), value: e.clone() },
    })
}

impl Vector {
    /// The variables and supplementary data the vector gives the expression.
    pub fn context(&self) -> Context {
        Context {
            variables: self.variables.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            supplementary: self.supplementary.clone(),
        }
    }
}

/// Why `v` does not apply to Phum; `None` when it does.
pub fn skip_reason(v: &Vector) -> Option<SkipReason> {
    match &v.mode {
        Mode::RuleEngineAction | Mode::RuleEngineCondition => None,
        Mode::PredictorGenerator => word_outside_rule_mode(&v.expression).map(SkipReason::PredictorWord),
        Mode::Other(mode) => Some(SkipReason::OtherMode(mode.clone())),
    }
}

/// The first name in `src` that rule mode does not know: not a d2 function, constant, word
/// operator or `PS_EVENTDATE:` item. `None` also when `src` does not even lex (the run judges it).
fn word_outside_rule_mode(src: &str) -> Option<String> {
    tokenize(src).ok()?.into_iter().find_map(|t| match t.kind {
        Tok::Name(n)
            if !matches!(n.as_str(), "true" | "false" | "null" | "and" | "or" | "not")
                && Function::from_name(&n).is_none()
                && !n.starts_with("PS_EVENTDATE:") =>
        {
            Some(n)
        }
        _ => None,
    })
}

/// Runs `v` as its kind asks: `Evaluate` vectors are evaluated (at the engine level, turned into
/// effect text or a firing decision), the others are parsed only.
pub fn run(v: &Vector) -> VectorResult {
    if v.kind != Kind::Evaluate {
        return check_parse(v);
    }
    let outcome = match skip_reason(v) {
        Some(reason) => Outcome::Skipped { reason },
        None => judge(&v.expected, evaluate_vector(v), v.tolerance),
    };
    VectorResult { id: v.id, line: v.line, outcome }
}

/// Checks only that `v` parses exactly when upstream parses it (whatever its kind).
pub fn check_parse(v: &Vector) -> VectorResult {
    let outcome = match skip_reason(v) {
        Some(reason) => Outcome::Skipped { reason },
        None => {
            let actual = match parse(&v.expression) {
                Ok(tree) => Actual::Parsed(tree.to_string()),
                Err(e) => Actual::ParseError(e),
            };
            if matches!(actual, Actual::ParseError(_)) == v.expected.is_parse_error() {
                Outcome::Pass { actual }
            } else {
                Outcome::Fail { expected: v.expected.clone(), actual }
            }
        }
    };
    VectorResult { id: v.id, line: v.line, outcome }
}

fn evaluate_vector(v: &Vector) -> Actual {
    let tree = match parse(&v.expression) {
        Ok(tree) => tree,
        Err(e) => return Actual::ParseError(e),
    };
    let ctx = v.context();
    match (v.level, &v.mode) {
        (Level::Expression, _) => match evaluate(&tree, &ctx) {
            Ok(value) => Actual::Value(value),
            Err(e) => Actual::EvalError(e),
        },
        // Upstream's engine fires a rule when the condition's text reads as Kotlin's
        // `toBoolean()`: "true" in any letter case.
        (Level::Engine, Mode::RuleEngineCondition) => match engine_text(&tree, &ctx) {
            Ok(text) => Actual::Fired(text.is_some_and(|t| t.eq_ignore_ascii_case("true"))),
            Err(e) => Actual::EvalError(e),
        },
        (Level::Engine, _) => match engine_text(&tree, &ctx) {
            Ok(text) => Actual::EngineText(text),
            Err(e) => Actual::EvalError(e),
        },
    }
}

fn judge(expected: &Expected, actual: Actual, tolerance: f64) -> Outcome {
    let pass = match (expected, &actual) {
        (Expected::Error { .. }, Actual::ParseError(_)) => expected.is_parse_error(),
        (Expected::Error { .. }, Actual::EvalError(_)) => !expected.is_parse_error(),
        (Expected::Null, Actual::Value(Value::Null) | Actual::EngineText(None)) => true,
        (Expected::Boolean(b), Actual::Value(Value::Bool(x)) | Actual::Fired(x)) => b == x,
        (Expected::Text(s), Actual::Value(Value::Str(x)) | Actual::EngineText(Some(x))) => s == x,
        (Expected::Date(s), Actual::Value(d @ Value::Date(_))) => d.to_text().as_deref() == Some(s.as_str()),
        (Expected::Integer(i), Actual::Value(Value::Int(x))) => *i == i64::from(*x),
        (Expected::Number(e), Actual::Value(Value::Number(x))) => {
            if e.is_nan() {
                x.is_nan()
            } else {
                e == x || (tolerance > 0.0 && (e - x).abs() <= tolerance)
            }
        }
        _ => false,
    };
    if pass {
        Outcome::Pass { actual }
    } else {
        Outcome::Fail { expected: expected.clone(), actual }
    }
}

/// The vector schema's name of a value's type (`expected_type`).
pub fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::Int(_) => "integer",
        Value::Str(_) => "string",
        Value::Date(_) => "date",
    }
}

/// A value written exactly: numbers as Java's `Double.toString` ("4.0", "1.0E-4"), so that a
/// number and an integer, or 4 and 4.000001, never look alike.
pub fn exact_text(v: &Value) -> String {
    match v {
        Value::Number(n) => jvm_double_to_string(*n),
        Value::Str(s) => format!("{s:?}"),
        other => other.to_string(),
    }
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expected::Null => f.write_str("null"),
            Expected::Boolean(b) => write!(f, "{b} (boolean)"),
            Expected::Number(n) => write!(f, "{} (number)", jvm_double_to_string(*n)),
            Expected::Integer(i) => write!(f, "{i} (integer)"),
            Expected::Text(s) => write!(f, "{s:?} (string)"),
            Expected::Date(d) => write!(f, "{d} (date)"),
            Expected::Error { exception, message: Some(m) } => write!(f, "{exception}: {m:?}"),
            Expected::Error { exception, message: None } => write!(f, "{exception}"),
            Expected::Other { expected_type, value } => write!(f, "{value} ({expected_type})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(fields: &str) -> String {
        format!(
            r#"{{"id": 7, "source": "t", "level": "expression", "kind": "evaluate", "mode": "RULE_ENGINE_ACTION", "variables": {{}}, "env": {{}}, {fields}}}"#
        )
    }

    fn outcome(fields: &str) -> Outcome {
        run(&parse_line(1, &line(fields)).unwrap()).outcome
    }

    #[test]
    fn a_vector_line_becomes_a_typed_vector() {
        let v = parse_line(
            3,
            r##"{"id": 9, "source": "s", "level": "engine", "kind": "evaluate", "mode": "RULE_ENGINE_CONDITION",
                "expression": "#{a} > 1", "variables": {"a": {"valueType": "NUMBER", "value": "2", "candidates": ["2"]}},
                "env": {"supplementaryValues": {"USER_ROLES": ["r"]}}, "expected": true, "expected_type": "boolean",
                "runtime_check_js_3_3_9": "match"}"##,
        )
        .unwrap();
        assert_eq!(
            (v.id, v.line, v.level, v.kind, v.mode.clone()),
            (9, 3, Level::Engine, Kind::Evaluate, Mode::RuleEngineCondition)
        );
        assert_eq!(v.variables["a"].value_type, VariableType::Number);
        assert_eq!(v.supplementary["USER_ROLES"], vec!["r".to_string()]);
        assert_eq!(v.expected, Expected::Boolean(true));
        assert!(matches!(run(&v).outcome, Outcome::Pass { actual: Actual::Fired(true) }));
    }

    #[test]
    fn bad_lines_name_their_line_and_problem() {
        let e = parse_line(12, "{not json").unwrap_err();
        assert!(e.to_string().starts_with("line 12: "), "{e}");
        let e = parse_line(4, &line(r#""expression": "1", "expected": "x", "expected_type": "boolean""#)).unwrap_err();
        assert!(matches!(e, VectorError::Invalid { line: 4, id: 7, problem: Problem::BadExpected { .. } }), "{e}");
        let bad_type = line(r#""expression": "1", "expected": 1, "expected_type": "integer""#).replace(
            r#""variables": {}"#,
            r#""variables": {"x": {"valueType": "AGE", "value": null, "candidates": []}}"#,
        );
        let e = parse_line(5, &bad_type).unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 5 (vector 7): variable 'x' has unknown valueType 'AGE' (expected NUMBER, STRING, BOOLEAN or DATE)"
        );
        let errors = parse_file(&format!(
            "{}\n\n{{}}\n",
            line(r#""expression": "1", "expected": 1.0, "expected_type": "number""#)
        ))
        .unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(errors[0].to_string().starts_with("line 3: "), "{}", errors[0]);
    }

    #[test]
    fn value_and_type_must_both_match() {
        assert!(matches!(
            outcome(r#""expression": "1 + 1", "expected": 2.0, "expected_type": "number""#),
            Outcome::Pass { .. }
        ));
        let fail = outcome(r#""expression": "1 + 1", "expected": 2, "expected_type": "integer""#);
        assert!(matches!(fail, Outcome::Fail { actual: Actual::Value(Value::Number(_)), .. }), "{fail:?}");
        assert!(matches!(
            outcome(r#""expression": "'2'", "expected": 2.0, "expected_type": "number""#),
            Outcome::Fail { .. }
        ));
        assert!(matches!(
            outcome(r#""expression": "1/3", "expected": 0.333333, "expected_type": "number", "tolerance": 1e-6"#),
            Outcome::Pass { .. }
        ));
        assert!(matches!(
            outcome(r#""expression": "1/3", "expected": 0.333333, "expected_type": "number""#),
            Outcome::Fail { .. }
        ));
        assert!(matches!(
            outcome(r#""expression": "0/0", "expected": "NaN", "expected_type": "number""#),
            Outcome::Pass { .. }
        ));
    }

    #[test]
    fn parse_errors_are_only_right_where_upstream_refuses_to_parse() {
        let refused =
            r#""expression": "d2:round()", "expected": {"exception": "ParseException"}, "expected_type": "error""#;
        assert!(matches!(outcome(refused), Outcome::Pass { actual: Actual::ParseError(_) }));
        let eval_error = r#""expression": "d2:round()", "expected": {"exception": "IllegalArgumentException"}, "expected_type": "error""#;
        assert!(matches!(outcome(eval_error), Outcome::Fail { .. }));
        let parses =
            r#""expression": "d2:ceil('x')", "expected": {"exception": "ParseException"}, "expected_type": "error""#;
        assert!(matches!(outcome(parses), Outcome::Fail { .. }));
    }

    #[test]
    fn other_modes_and_predictor_only_words_are_skipped_with_a_reason() {
        let indicator = parse_line(
            1,
            &line(r#""expression": "1", "expected": 1.0, "expected_type": "number""#)
                .replace("RULE_ENGINE_ACTION", "INDICATOR_EXPRESSION"),
        )
        .unwrap();
        assert!(skip_reason(&indicator).unwrap().to_string().contains("INDICATOR_EXPRESSION"));
        let predictor = |expr: &str| {
            parse_line(
                1,
                &line(&format!(r#""expression": "{expr}", "expected": 1.0, "expected_type": "number""#))
                    .replace("RULE_ENGINE_ACTION", "PREDICTOR_GENERATOR_EXPRESSION"),
            )
            .unwrap()
        };
        assert!(skip_reason(&predictor("firstNonNull(null, 1)")).unwrap().to_string().contains("'firstNonNull'"));
        assert_eq!(skip_reason(&predictor("2 ^ 2 and true")), None);
        assert_eq!(skip_reason(&predictor("d2:ceil(0.5)")), None);
        assert!(matches!(run(&predictor("1 + 0")).outcome, Outcome::Pass { .. }));
    }

    #[test]
    fn engine_actions_compare_the_effect_text() {
        let action = |expr: &str, expected: &str| {
            let text = line(&format!(r#""expression": "{expr}", "expected": {expected}, "expected_type": "string""#))
                .replace(r#""level": "expression""#, r#""level": "engine""#)
                .replace(
                    r#""variables": {}"#,
                    r#""variables": {"v": {"valueType": "NUMBER", "value": "007", "candidates": []}}"#,
                );
            run(&parse_line(1, &text).unwrap()).outcome
        };
        assert!(matches!(action("#{v}", r#""007""#), Outcome::Pass { .. }));
        assert!(matches!(action("#{v} + 0", r#""7""#), Outcome::Pass { .. }));
        assert!(matches!(action("4.0", r#""4.0""#), Outcome::Fail { .. }));
    }

    #[test]
    fn every_vector_error_and_problem_variant_renders_in_both_languages() {
        fn name(e: &VectorError) -> &'static str {
            match e {
                VectorError::Json { .. } => "Json",
                VectorError::Invalid { problem, .. } => match problem {
                    Problem::UnknownLevel(_) => "UnknownLevel",
                    Problem::UnknownKind(_) => "UnknownKind",
                    Problem::UnknownValueType { .. } => "UnknownValueType",
                    Problem::BadExpected { .. } => "BadExpected",
                },
            }
        }
        let invalid = |problem| VectorError::Invalid { line: 4, id: 7, problem };
        let samples = [
            parse_line(12, "{not json").unwrap_err(),
            invalid(Problem::UnknownLevel("server".into())),
            invalid(Problem::UnknownKind("explain".into())),
            invalid(Problem::UnknownValueType { name: "x".into(), value_type: "AGE".into() }),
            invalid(Problem::BadExpected { expected_type: "boolean".into(), expected: "\"x\"".into() }),
        ];
        let names: std::collections::BTreeSet<&str> = samples.iter().map(name).collect();
        let all = ["Json", "UnknownLevel", "UnknownKind", "UnknownValueType", "BadExpected"];
        assert_eq!(names, all.into_iter().collect());
        for e in &samples {
            crate::i18n::catalogue_tests::assert_renders_in_both(&e.message());
        }
    }

    #[test]
    fn every_actual_and_skip_reason_variant_renders_in_both_languages() {
        fn name(a: &Actual) -> &'static str {
            match a {
                Actual::ParseError(_) => "ParseError",
                Actual::Parsed(_) => "Parsed",
                Actual::Value(Value::Null) => "Value/Null",
                Actual::Value(_) => "Value",
                Actual::EvalError(_) => "EvalError",
                Actual::EngineText(Some(_)) => "EngineText",
                Actual::EngineText(None) => "EngineText/None",
                Actual::Fired(_) => "Fired",
            }
        }
        let samples = [
            Actual::ParseError(parse("1 +").unwrap_err()),
            Actual::Parsed("(1 + 2)".into()),
            Actual::Value(Value::Null),
            Actual::Value(Value::Number(2.0)),
            Actual::EvalError(EvalError::UnknownVariable("weight".into())),
            Actual::EngineText(Some("4".into())),
            Actual::EngineText(None),
            Actual::Fired(true),
        ];
        let names: std::collections::BTreeSet<&str> = samples.iter().map(name).collect();
        let all =
            ["ParseError", "Parsed", "Value/Null", "Value", "EvalError", "EngineText", "EngineText/None", "Fired"];
        assert_eq!(names, all.into_iter().collect());
        for a in &samples {
            crate::i18n::catalogue_tests::assert_renders_in_both(&a.message());
        }
        assert_eq!(samples[3].to_string(), "2.0 (number)");
        for reason in
            [SkipReason::PredictorWord("firstNonNull".into()), SkipReason::OtherMode("INDICATOR_EXPRESSION".into())]
        {
            match &reason {
                SkipReason::PredictorWord(_) | SkipReason::OtherMode(_) => {}
            }
            crate::i18n::catalogue_tests::assert_renders_in_both(&reason.message());
        }
    }
}
