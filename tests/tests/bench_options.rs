//! The benchmarks' command lines: `scripts/bench --help` prints usage instead of benchmarking,
//! unknown options are refused, `--runs` reaches every part, and every bench binary takes
//! `--runs N` and `--help`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn bench_script(args: &[&str]) -> Output {
    Command::new("bash").arg(root().join("scripts/bench")).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const BENCHES: [(&str, &str); 4] = [
    ("bench_metadata_import", env!("CARGO_BIN_EXE_bench_metadata_import")),
    ("bench_rules", env!("CARGO_BIN_EXE_bench_rules")),
    ("bench_search", env!("CARGO_BIN_EXE_bench_search")),
    ("bench_form", env!("CARGO_BIN_EXE_bench_form")),
];

#[test]
fn scripts_bench_help_prints_usage_and_runs_nothing() {
    for flag in ["--help", "-h"] {
        let started = std::time::Instant::now();
        let out = bench_script(&[flag]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let usage = text(&out.stdout);
        assert!(usage.starts_with("Usage: scripts/bench [--runs N] [--dry-run]\n"), "{usage}");
        assert!(usage.contains("--runs N    timed runs of every part"), "{usage}");
        assert!(!usage.contains("== metadata import"), "it must not start benchmarking: {usage}");
        assert!(started.elapsed().as_secs() < 10, "--help must not build or benchmark");
    }
}

#[test]
fn scripts_bench_refuses_unknown_options_and_bad_run_counts() {
    for args in [&["--bogus"][..], &["--runs"], &["--runs", "0"], &["--runs", "many"], &["5"]] {
        let out = bench_script(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}: {}", text(&out.stdout));
        let err = text(&out.stderr);
        assert!(err.starts_with("scripts/bench: "), "{args:?}: {err}");
    }
}

#[test]
fn runs_reaches_every_timed_part() {
    let out = bench_script(&["--runs", "3", "--dry-run"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let commands = format!("{}{}", text(&out.stdout), text(&out.stderr));
    for (bench, _) in BENCHES {
        let line = commands
            .lines()
            .find(|l| l.starts_with(&format!("target/release/{bench}")))
            .unwrap_or_else(|| panic!("{bench} is not run:\n{commands}"));
        assert!(line.contains(" --runs 3"), "{line}");
    }
    let jvm = commands.lines().find(|l| l.starts_with("java ")).expect("the JVM RuleBench runs");
    assert!(jvm.contains("RuleBench --iterations 3 "), "{jvm}");
    // Without --runs every part keeps its own default.
    let out = bench_script(&["--dry-run"]);
    assert!(out.status.success());
    assert!(!text(&out.stdout).contains("--runs") && !text(&out.stdout).contains("--iterations"));
}

#[test]
fn every_bench_binary_takes_runs_and_help_and_refuses_unknown_options() {
    for (bench, exe) in BENCHES {
        let out = Command::new(exe).arg("--help").output().unwrap();
        assert!(out.status.success(), "{bench} --help: {}", text(&out.stderr));
        let help = text(&out.stdout);
        assert!(help.contains("--runs <RUNS>"), "{bench}: {help}");
        let out = Command::new(exe).arg("--bogus").output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{bench} --bogus");
        let out = Command::new(exe).args(["--runs", "0"]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{bench} --runs 0");
    }
}

#[test]
fn bench_rules_and_bench_search_time_as_many_runs_as_asked() {
    let dir = tempfile::tempdir().unwrap();
    let cases = dir.path().join("immunization.jsonl");
    let made = Command::new(env!("CARGO_BIN_EXE_rule_cases"))
        .args(["--kind", "immunization", "--seed", "1", "--count", "1", "--out"])
        .arg(&cases)
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", text(&made.stderr));
    let out = Command::new(env!("CARGO_BIN_EXE_bench_rules")).args(["--runs", "3"]).arg(&cases).output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json = text(&out.stdout);
    let line = json.lines().find(|l| l.starts_with('{')).expect("a JSON line");
    let value: serde_json::Value = serde_json::from_str(line).unwrap();
    assert_eq!(value["runs"], 3, "{line}");

    let out =
        Command::new(env!("CARGO_BIN_EXE_bench_search")).args(["--runs", "5", "--people", "40"]).output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let summary = text(&out.stdout);
    assert!(summary.contains("prefix search, 40 people, 5 queries"), "{summary}");
}
