//! End-to-end tests of `phum expr eval` and `phum expr vectors` through the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn phum(args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_phum")).current_dir(dir.path()).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn vectors_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/rules/expression-vectors.jsonl")
}

/// A vector line of the rule-action mode with `fields` (expression, expected, expected_type).
fn vector(id: u32, fields: &str) -> String {
    format!(
        r#"{{"id": {id}, "source": "cli test", "level": "expression", "kind": "evaluate", "mode": "RULE_ENGINE_ACTION", "variables": {{}}, "env": {{}}, {fields}}}"#
    )
}

fn summary(stdout: &str) -> (usize, usize) {
    let last = stdout.lines().last().unwrap_or_default();
    let words: Vec<&str> = last.split(' ').collect();
    assert!(
        words.len() == 4 && words[1] == "passed," && words[3] == "failed",
        "last line is not the summary: {last:?}\n{stdout}"
    );
    (words[0].parse().unwrap(), words[2].parse().unwrap())
}

#[test]
fn eval_prints_value_type_and_engine_text() {
    let out = phum(&["expr", "eval", "2 + 2"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "4 (NUMBER)\nrule engine text: 4\n");

    let out = phum(&["expr", "eval", "1 / 10000"]);
    assert_eq!(text(&out.stdout), "1.0E-4 (NUMBER)\nrule engine text: 1.0E-4\n");

    let out = phum(&["expr", "eval", "d2:daysBetween('2026-01-01', '2026-03-01')"]);
    assert_eq!(text(&out.stdout), "59 (INTEGER)\nrule engine text: 59\n");
}

#[test]
fn eval_reads_variables_of_every_type_and_empty_ones() {
    let out = phum(&[
        "expr",
        "eval",
        "d2:concatenate(#{w} * 2, '|', #{name}, '|', #{ok}, '|', d2:addDays(#{seen}, 1), '|', d2:hasValue(#{empty}))",
        "--var",
        "w=number:2.5",
        "--var",
        "name=STRING:Sok",
        "--var",
        "ok=Boolean:true",
        "--var",
        "seen=DATE:2026-02-28",
        "--var",
        "empty=TEXT:",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "5|Sok|true|2026-03-01|false (STRING)\nrule engine text: 5|Sok|true|2026-03-01|false\n"
    );

    // A bare variable keeps its stored text in the engine's text; computing with it does not.
    let out = phum(&["expr", "eval", "#{code}", "--var", "code=NUMBER:007"]);
    assert_eq!(text(&out.stdout), "7 (NUMBER)\nrule engine text: 007\n");

    let out = phum(&["expr", "eval", "#{d}", "--var", "d=date:"]);
    assert_eq!(text(&out.stdout), "null (NULL)\nrule engine text: none (null)\n");
}

#[test]
fn eval_reads_constants_and_environment_variables() {
    let out = phum(&[
        "expr",
        "eval",
        "d2:daysBetween(V{enrollment_date}, V{current_date}) + C{Gfd3ppDfq8E} + V{event_count}",
        "--env",
        "enrollment_date=2026-01-01",
        "--env",
        "current_date=2026-01-11",
        "--env",
        "event_count=2",
        "--constant",
        "Gfd3ppDfq8E=0.5",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "12.5 (NUMBER)\nrule engine text: 12.5\n");
}

#[test]
fn eval_of_a_bad_expression_shows_the_place_and_exits_2() {
    let out = phum(&["expr", "eval", "1 + * 2"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert!(
        lines[0] == "phum: error: The expression has an error at character 5: expected a value, found '*'",
        "{err}"
    );
    assert_eq!(lines[1], "  1 + * 2");
    assert_eq!(lines[2], "      ^", "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn eval_errors_exit_1_and_bad_arguments_are_refused() {
    let out = phum(&["expr", "eval", "#{missing} + 1"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains(
            "the expression cannot be computed: The expression uses the variable 'missing', which the program does \
             not define."
        ),
        "{}",
        text(&out.stderr)
    );

    let out = phum(&["expr", "eval", "#{w}", "--var", "w=AGE:3"]);
    assert_eq!(out.status.code(), Some(2), "clap's usage error");
    assert!(text(&out.stderr).contains("unknown TYPE 'AGE'"), "{}", text(&out.stderr));
}

#[test]
fn vectors_of_the_fixture_all_pass_or_are_skipped_for_a_reason() {
    let out = phum(&["expr", "vectors", vectors_file().to_str().unwrap()]);
    let stdout = text(&out.stdout);
    let (passed, failed) = summary(&stdout);
    assert_eq!(failed, 0, "{stdout}");
    assert!(out.status.success(), "{stdout}");
    assert!(passed > 450, "{stdout}");
    let skipped_line = stdout.lines().rev().nth(1).unwrap();
    let skipped: usize = skipped_line.strip_suffix(" skipped").unwrap().parse().unwrap();
    assert_eq!(passed + failed + skipped, 737);
    assert!(stdout.contains("INDICATOR_EXPRESSION is neither a rule-engine mode"), "{stdout}");
}

#[test]
fn vectors_failures_are_listed_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("v.jsonl");
    let lines = [
        vector(1, r#""expression": "1 + 1", "expected": 2.0, "expected_type": "number""#),
        vector(2, r#""expression": "1 + 1", "expected": 3.0, "expected_type": "number""#),
        vector(3, r#""expression": "d2:count(#{x})", "expected": 0, "expected_type": "integer""#)
            .replace("RULE_ENGINE_ACTION", "INDICATOR_EXPRESSION"),
    ];
    std::fs::write(&file, lines.join("\n")).unwrap();
    let out = phum(&["expr", "vectors", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert_eq!(summary(&stdout), (1, 1));
    assert!(stdout.contains("FAIL #2 (line 2) 1 + 1: expected 3.0 (number), got 2.0 (number)"), "{stdout}");
    assert!(stdout.lines().any(|l| l == "1 skipped"), "{stdout}");
    assert!(out.stderr.is_empty(), "the summary is the last word: {}", text(&out.stderr));

    let out = phum(&["expr", "vectors", "--json", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert_eq!(summary(&stdout), (1, 1));
    let objects: Vec<serde_json::Value> =
        stdout.lines().filter(|l| l.starts_with('{')).map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(objects.len(), 3);
    assert_eq!(objects[0]["id"], 1);
    assert_eq!(objects[0]["pass"], true);
    assert_eq!(objects[0]["actual"], 2.0);
    assert_eq!(objects[0]["actual_type"], "number");
    assert_eq!(objects[1]["pass"], false);
    assert_eq!(objects[2]["skipped"], true);
    assert!(objects[2]["reason"].as_str().unwrap().contains("INDICATOR_EXPRESSION"));
    assert!(objects[0].get("skipped").is_none());
}

#[test]
fn vectors_file_with_a_bad_line_names_the_line_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("v.jsonl");
    let good = vector(1, r#""expression": "1", "expected": 1.0, "expected_type": "number""#);
    std::fs::write(&file, format!("{good}\n{{\"id\": 2}}\n")).unwrap();
    let out = phum(&["expr", "vectors", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("line 2: not a vector of the schema"), "{}", text(&out.stderr));
}

#[test]
fn help_explains_types_and_exit_statuses() {
    let out = phum(&["expr", "eval", "--help"]);
    let help = text(&out.stdout);
    for needle in ["NAME=TYPE:VALUE", "NUMBER, TEXT (or STRING), BOOLEAN", "UID=VALUE", "Exit status", "4 (NUMBER)"] {
        assert!(help.contains(needle), "{needle} missing from:\n{help}");
    }
    let out = phum(&["expr", "vectors", "--help"]);
    let help = text(&out.stdout);
    for needle in ["N passed, N failed", "--json", "Exit status"] {
        assert!(help.contains(needle), "{needle} missing from:\n{help}");
    }
}
