//! End-to-end tests of `phum lint` through the real binary, on the fixtures in
//! `tests/fixtures/lint/`: a clean file, a program file and a rules file full of deliberate
//! mistakes (the rules use the program file's variables), and a file that is not valid metadata.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lint").join(name)
}

fn lint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_phum")).arg("lint").args(args).output().unwrap()
}

fn path(name: &str) -> String {
    fixture(name).to_string_lossy().into_owned()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn mistakes_json() -> Vec<serde_json::Value> {
    let out = lint(&[&path("program.json"), &path("rules_with_mistakes.json"), "--json"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn finding<'a>(all: &'a [serde_json::Value], rule_uid: &str, code: &str) -> &'a serde_json::Value {
    all.iter()
        .find(|f| f["uid"] == rule_uid && f["code"] == code)
        .unwrap_or_else(|| panic!("no {code} finding for {rule_uid} in {all:#?}"))
}

#[test]
fn a_clean_file_has_no_findings_and_exits_0() {
    let out = lint(&[&path("clean.json")]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "1 file checked: 0 errors, 0 warnings\n");
}

#[test]
fn rules_that_use_another_files_variables_are_checked_against_them() {
    // Alone, the rules file knows no variables at all.
    let alone = lint(&[&path("rules_with_mistakes.json"), "--json"]);
    let alone: Vec<serde_json::Value> = text(&alone.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(alone.iter().any(|f| f["uid"] == "LintRulText" && f["code"] == "unknown-variable"));
    // With the program file, only the misspelt one is unknown.
    let all = mistakes_json();
    let unknown: Vec<&str> =
        all.iter().filter(|f| f["code"] == "unknown-variable").filter_map(|f| f["uid"].as_str()).collect();
    assert_eq!(unknown, vec!["LintRulTypo"]);
}

#[test]
fn every_deliberate_mistake_is_reported_with_its_code_and_severity() {
    let all = mistakes_json();
    for (uid, code, severity) in [
        ("LintRulTypo", "unknown-variable", "error"),
        ("LintRulSynt", "syntax", "error"),
        ("LintRulFunc", "unknown-function", "error"),
        ("LintRulArit", "wrong-arity", "error"),
        ("LintRulCons", "unknown-constant", "error"),
        ("LintRulDate", "quirk-date-string-compare", "error"),
        ("LintRulLmp1", "quirk-date-string-compare", "error"),
        ("LintRulText", "type-mismatch", "warning"),
        ("LintRulNotB", "non-boolean-condition", "error"),
        ("LintRulExec", "unavailable-environment-variable", "error"),
        ("LintRulRemd", "quirk-remainder", "warning"),
        ("LintRulRnd1", "quirk-round-negative-precision", "error"),
        ("LintRulEmpt", "empty-condition", "warning"),
        ("LintRulAssn", "quirk-grouping", "warning"),
        ("LintRulAssn", "quirk-assign-truncation", "warning"),
        ("LintRulAssn", "quirk-assign-percentage", "warning"),
        ("LintRulAssn", "assign-without-target", "error"),
        ("LintRulAssn", "missing-location", "error"),
        ("LintRulAssn", "missing-section", "error"),
        ("LintVarEvDt", "shadows-environment-variable", "warning"),
        ("LintValDose", "unknown-data-element", "error"),
        ("LintValDose", "unknown-category-option-combo", "error"),
    ] {
        assert_eq!(finding(&all, uid, code)["severity"], severity, "{uid} {code}");
    }
    let summary = &all.last().unwrap()["summary"];
    assert_eq!(summary["files"], 2);
    assert_eq!(summary["errors"], 15);
    assert_eq!(summary["warnings"], 7);
}

#[test]
fn json_findings_carry_part_position_and_suggestion() {
    let all = mistakes_json();
    let typo = finding(&all, "LintRulTypo", "unknown-variable");
    assert_eq!(typo["part"], "condition");
    assert_eq!(typo["name"], "Misspelt variable");
    assert_eq!(typo["position"]["column"], 1);
    assert_eq!(typo["suggestion"], "did you mean 'weight'?");
    let grouping = finding(&all, "LintRulAssn", "quirk-grouping");
    assert_eq!(grouping["part"], "action");
    assert_eq!(grouping["actionUid"], "LintActNext");
    assert_eq!(grouping["actionType"], "ASSIGN");
    assert_eq!(
        grouping["suggestion"],
        "write (#{doses} - 1) + 2 if that is the intent; write #{doses} - (1 + 2) to keep today's result"
    );
    let syntax = finding(&all, "LintRulSynt", "syntax");
    assert_eq!(syntax["position"]["column"], 13);
    let missing = finding(&all, "LintValDose", "unknown-data-element");
    assert_eq!(missing["object"], "validationRule");
    assert_eq!(missing["part"], "leftSide");
    assert_eq!(missing["position"]["column"], 18);
    assert_eq!(finding(&all, "LintValDose", "unknown-category-option-combo")["part"], "rightSide");
}

#[test]
fn human_output_has_one_line_per_finding_and_a_summary() {
    let out = lint(&[&path("program.json"), &path("rules_with_mistakes.json")]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let expected_line = format!(
        "{}: rule 'Misspelt variable' (LintRulTypo) condition 1:1: error[unknown-variable]: #{{wieght}}: no program \
         rule variable named 'wieght' in this rule's program\n  suggestion: did you mean 'weight'?\n",
        path("rules_with_mistakes.json")
    );
    assert!(stdout.contains(&expected_line), "{stdout}");
    assert!(stdout.ends_with("2 files checked: 15 errors, 7 warnings\n"), "{stdout}");
}

#[test]
fn warnings_alone_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("warn.json");
    std::fs::write(
        &file,
        r#"{"programRules": [{"id": "LintWarnRul", "name": "Only a warning", "condition": "1 - 2 + 3 > 0"}]}"#,
    )
    .unwrap();
    let out = lint(&[file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("warning[quirk-grouping]"));
}

#[test]
fn invalid_or_missing_files_exit_2_naming_file_and_json_path() {
    let out = lint(&[&path("broken.json")]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("broken.json: programRules[0].programRuleActions[0]"), "{err}");
    assert!(err.contains("SHOWMESSAGE"), "{err}");
    let out = lint(&[&path("no_such_file.json")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no_such_file.json"));
}

#[test]
fn help_explains_checks_and_exit_statuses() {
    let out = lint(&["--help"]);
    assert!(out.status.success());
    let help = text(&out.stdout);
    for needle in ["--json", "quirk-grouping", "EXIT STATUS", "2  a FILE cannot be read"] {
        assert!(help.contains(needle), "{needle} missing from:\n{help}");
    }
}
