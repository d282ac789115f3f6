//! `phum expr ...`: running expression test vectors against Phum and evaluating one expression
//! the way a program rule would. No behaviour of its own: reading vectors, deciding which apply,
//! parsing, evaluating and the engine's text of a result are `phum_core::expr`; this module reads
//! arguments and prints.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clap::Subcommand;
use phum_core::expr::engine_text::engine_text;
use phum_core::expr::eval::{evaluate, Context, VariableType, VariableValue};
use phum_core::expr::number::jvm_double_to_string;
use phum_core::expr::parse;
use phum_core::expr::value::Value;
use phum_core::expr::vectors::{self, Actual, Outcome, SkipReason};
use phum_core::i18n::Localize;
use phum_core::store::import::{DocumentError, ExpectedDocument};
use serde_json::{json, Value as Json};

use crate::error::CliError;
use crate::locale::say;
use phum_core::i18n::Message;
use phum_core::msg;

#[derive(Subcommand)]
pub enum ExprCommand {
    /// Run expression test vectors and compare Phum's answers with upstream's.
    ///
    /// FILE holds one vector per line, as core/tests/fixtures/rules/expression-vectors.jsonl
    /// (schema: research/program-rules.md §5.1). Vectors of other DHIS2 components and
    /// predictor-only syntax are skipped, each with its reason. Evaluate vectors are evaluated
    /// (value and type must match; at the engine level, the effect text or whether the rule
    /// fires); the others are checked by parsing alone.
    ///
    /// Prints one line per failure, the skipped count by reason, and last a line
    /// "N passed, N failed". With --json, one JSON object per vector instead (id, line, pass,
    /// actual, actual_type; skipped and reason when skipped), the summary line still last.
    /// Exit status: 0 when none failed, 1 when any failed, 2 when FILE is not a vector file.
    Vectors {
        /// The vector file (JSON lines).
        file: PathBuf,
        /// One JSON object per vector on stdout.
        #[arg(long)]
        json: bool,
    },
    /// Evaluate one expression in rule mode and print its value, type and engine text.
    ///
    /// Prints the value with its type, e.g. "4 (NUMBER)", then the text upstream's rule engine
    /// would put in an effect's data ("rule engine text: 4"): whole numbers as Kotlin Ints
    /// (saturating), other numbers as Java prints them, a bare variable as its stored text.
    ///
    /// Exit status: 0 on success, 1 when evaluation fails (unknown variable, bad coercion, ...),
    /// 2 when the expression does not parse (the place is shown with a caret).
    // Examples after the help: `cli-help-expr-eval-examples` (help.rs).
    Eval {
        /// The expression, e.g. 'd2:round(#{weight} * 2.2, 1)'.
        expression: String,
        /// A rule variable, read by #{NAME} and A{NAME}. TYPE is NUMBER, TEXT (or STRING), BOOLEAN
        /// or DATE, in any letter case; an empty VALUE means no value. Repeatable.
        #[arg(long = "var", value_name = "NAME=TYPE:VALUE", value_parser = parse_var)]
        vars: Vec<(String, VariableValue)>,
        /// A constant, read by C{UID} as a NUMBER. Repeatable.
        #[arg(long = "constant", value_name = "UID=VALUE", value_parser = parse_constant)]
        constants: Vec<(String, VariableValue)>,
        /// An environment variable, read by V{NAME}: *_date names are DATEs, *_count names
        /// NUMBERs, the others TEXT; an empty VALUE means no value. Repeatable.
        #[arg(long = "env", value_name = "NAME=VALUE", value_parser = parse_env)]
        env: Vec<(String, VariableValue)>,
    },
}

pub fn run(command: ExprCommand) -> Result<(), CliError> {
    match command {
        ExprCommand::Vectors { file, json } => run_vectors(&file, json),
        ExprCommand::Eval { expression, vars, constants, env } => {
            // Later sources win, as in the engine: environment, then rule variables, then constants.
            let mut ctx = Context::default();
            ctx.variables.extend(env.into_iter().chain(vars).chain(constants));
            eval(&expression, &ctx)
        }
    }
}

fn eval(expression: &str, ctx: &Context) -> Result<(), CliError> {
    let tree = parse(expression).map_err(|error| CliError::ExprParse { expression: expression.to_string(), error })?;
    let value = evaluate(&tree, ctx)?;
    let text = engine_text(&tree, ctx)?;
    // The type is the vector schema's name, a code: NUMBER, INTEGER, TEXT, ...
    println!("{} ({})", shown(&value), vectors::type_name(&value).to_uppercase());
    match text {
        Some(t) => println!("{}", say(&msg!("cli-expr-engine-text", text = t))),
        None => println!("{}", say(&Message::new("cli-expr-engine-text-none"))),
    }
    Ok(())
}

/// A value as a person reads it: whole numbers without ".0" (exactly, not saturated), other
/// numbers as Java prints them, an empty text as "".
fn shown(v: &Value) -> String {
    match v {
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{n:.0}"),
        Value::Number(n) => jvm_double_to_string(*n),
        Value::Str(s) if s.is_empty() => "\"\"".to_string(),
        other => other.to_string(),
    }
}

fn variable(value_type: VariableType, value: &str) -> VariableValue {
    let value = (!value.is_empty()).then(|| value.to_string());
    VariableValue { value_type, candidates: value.iter().cloned().collect(), value, event_date: None }
}

fn split_name<'a>(arg: &'a str, form: &str) -> Result<(&'a str, &'a str), String> {
    match arg.split_once('=') {
        Some((name, rest)) if !name.is_empty() => Ok((name, rest)),
        _ => Err(say(&msg!("cli-arg-expected-form", form = form))),
    }
}

fn parse_var(arg: &str) -> Result<(String, VariableValue), String> {
    let (name, rest) = split_name(arg, "NAME=TYPE:VALUE")?;
    let (type_name, value) = rest.split_once(':').ok_or_else(|| say(&Message::new("cli-arg-var-missing-colon")))?;
    let value_type = match type_name.to_ascii_uppercase().as_str() {
        "NUMBER" => VariableType::Number,
        "TEXT" | "STRING" => VariableType::Text,
        "BOOLEAN" => VariableType::Boolean,
        "DATE" => VariableType::Date,
        _ => return Err(say(&msg!("cli-arg-var-unknown-type", type_name = type_name))),
    };
    Ok((name.to_string(), variable(value_type, value)))
}

fn parse_constant(arg: &str) -> Result<(String, VariableValue), String> {
    let (uid, value) = split_name(arg, "UID=VALUE")?;
    Ok((uid.to_string(), variable(VariableType::Number, value)))
}

fn parse_env(arg: &str) -> Result<(String, VariableValue), String> {
    let (name, value) = split_name(arg, "NAME=VALUE")?;
    let value_type = if name.ends_with("_date") || name.starts_with("analytics_period_") {
        VariableType::Date
    } else if name.ends_with("_count") {
        VariableType::Number
    } else {
        VariableType::Text
    };
    Ok((name.to_string(), variable(value_type, value)))
}

fn run_vectors(path: &Path, json: bool) -> Result<(), CliError> {
    let text = std::fs::read_to_string(path).map_err(|source| CliError::Io { path: path.to_path_buf(), source })?;
    if text.trim().is_empty() {
        let file = path.display().to_string();
        return Err(DocumentError::Empty { file, expected: ExpectedDocument::ExpressionVectors }.into());
    }
    let all = vectors::parse_file(&text).map_err(|errors| CliError::Vectors { path: path.to_path_buf(), errors })?;
    let (mut passed, mut failed) = (0usize, 0usize);
    let mut skipped: BTreeMap<SkipReason, usize> = BTreeMap::new();
    for v in &all {
        let result = vectors::run(v);
        if json {
            println!("{}", json_line(&result));
        }
        match result.outcome {
            Outcome::Pass { .. } => passed += 1,
            Outcome::Fail { expected, actual } => {
                failed += 1;
                if !json {
                    // Expected and actual values are written as the vector schema writes them.
                    let fail = msg!(
                        "cli-vectors-fail",
                        id = v.id,
                        line = v.line,
                        expression = one_line(&v.expression),
                        expected = expected.to_string(),
                        actual = actual.message()
                    );
                    println!("{}", say(&fail));
                }
            }
            Outcome::Skipped { reason } => *skipped.entry(reason).or_default() += 1,
        }
    }
    if !json {
        let mut by_count: Vec<(&SkipReason, &usize)> = skipped.iter().collect();
        by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (reason, n) in by_count {
            println!("  {}", say(&msg!("cli-vectors-skipped", count = *n, reason = reason.message())));
        }
        println!("{}", say(&msg!("cli-vectors-skipped-total", count = skipped.values().sum::<usize>())));
    }
    println!("{}", say(&msg!("cli-vectors-summary", passed = passed, failed = failed)));
    if failed > 0 {
        return Err(CliError::VectorsFailed { failed });
    }
    Ok(())
}

/// `s` on one line: control characters (line breaks, tabs) as spaces.
pub fn one_line(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

fn json_line(result: &vectors::VectorResult) -> Json {
    let mut obj = json!({ "id": result.id, "line": result.line });
    let (pass, actual) = match &result.outcome {
        Outcome::Pass { actual } => (true, Some(actual)),
        Outcome::Fail { actual, .. } => (false, Some(actual)),
        Outcome::Skipped { reason } => {
            obj["skipped"] = json!(true);
            // The English text, with its message for front ends that say it in another language.
            obj["reason"] = json!(reason.to_string());
            obj["reason_message"] = json!(reason.message());
            (false, None)
        }
    };
    obj["pass"] = json!(pass);
    let (value, type_name) = actual.map(actual_json).unwrap_or((Json::Null, "none"));
    obj["actual"] = value;
    obj["actual_type"] = json!(type_name);
    obj
}

/// What Phum produced, in the vector schema's terms (special numbers as "NaN", "Infinity").
fn actual_json(actual: &Actual) -> (Json, &'static str) {
    match actual {
        Actual::Value(v) => (
            match v {
                Value::Null => Json::Null,
                Value::Bool(b) => json!(b),
                Value::Int(i) => json!(i),
                Value::Number(n) if n.is_finite() => json!(n),
                Value::Number(n) => json!(jvm_double_to_string(*n)),
                Value::Str(s) => json!(s),
                Value::Date(_) => json!(v.to_string()),
            },
            vectors::type_name(v),
        ),
        Actual::ParseError(e) => (json!({ "parse_error": e.kind.message(), "at": e.at }), "error"),
        Actual::EvalError(e) => (json!({ "error": e.message() }), "error"),
        Actual::Parsed(tree) => (json!({ "parsed": tree }), "parsed"),
        Actual::EngineText(Some(t)) => (json!(t), "string"),
        Actual::EngineText(None) => (Json::Null, "null"),
        Actual::Fired(b) => (json!(b), "boolean"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use phum_core::i18n::Locale;

    #[test]
    fn variable_arguments_read_name_type_and_value() {
        let (name, v) = parse_var("w=number:2.5").unwrap();
        assert_eq!((name.as_str(), v.value_type, v.value.as_deref()), ("w", VariableType::Number, Some("2.5")));
        assert_eq!(parse_var("t=STRING:a:b").unwrap().1.value.as_deref(), Some("a:b"));
        assert_eq!(parse_var("e=Date:").unwrap().1.value, None);
        assert!(parse_var("w=2.5").is_err());
        assert!(parse_var("w=AGE:2").unwrap_err().contains("unknown TYPE"));
        assert!(parse_var("=TEXT:x").is_err());
        assert_eq!(parse_env("event_date=2026-01-01").unwrap().1.value_type, VariableType::Date);
        assert_eq!(parse_env("event_count=3").unwrap().1.value_type, VariableType::Number);
        assert_eq!(parse_env("org_unit=OU").unwrap().1.value_type, VariableType::Text);
    }

    #[test]
    fn the_caret_points_at_the_error() {
        let e = parse("1 +\t*").unwrap_err();
        let at = e.at;
        let shown = CliError::ExprParse { expression: "1 +\t*".into(), error: e }.report(Locale::KHMER);
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines[1], "  1 + *");
        assert!(lines[0].starts_with("phum៖ កំហុស៖ កន្សោមមានកំហុសនៅតួអក្សរទី 5"), "{shown}");
        assert_eq!(lines[2].find('^'), Some(2 + at), "{shown}");
    }
}
