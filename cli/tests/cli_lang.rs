//! End-to-end tests of `--lang`, `--khmer-digits` and `PHUM_LANG`: help, output and errors of
//! `phum` in Khmer and English, and machine output (`--json`) the same in both.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `phum ARGS` with `PHUM_LANG` set to `env` (or unset).
fn phum(env: Option<&str>, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_phum"));
    cmd.args(args).env_remove("PHUM_LANG");
    if let Some(lang) = env {
        cmd.env("PHUM_LANG", lang);
    }
    cmd.output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn lint_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lint").join(name)
}

fn has_khmer(s: &str) -> bool {
    s.chars().any(|c| ('\u{1780}'..='\u{17FF}').contains(&c))
}

#[test]
fn help_is_in_khmer_with_lang_km() {
    let out = phum(None, &["--lang", "km", "--help"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let help = text(&out.stdout);
    assert!(help.starts_with("Phum៖ ការប្រមូលទិន្នន័យ DHIS2 ក្រៅបណ្ដាញ"), "{help}");
    assert!(help.contains("របៀបប្រើ៖ phum"), "{help}");
    assert!(help.contains("  lint      ពិនិត្យវិធានកម្មវិធី"), "{help}");
    for english in ["Usage:", "Commands:", "Options:", "Print help", "Phum: offline"] {
        assert!(!help.contains(english), "{english} in:\n{help}");
    }
    // The environment chooses Khmer too; --lang en wins over it.
    let by_env = text(&phum(Some("km"), &["--help"]).stdout);
    assert_eq!(by_env, help);
    let english = text(&phum(Some("km"), &["--help", "--lang", "en"]).stdout);
    assert!(english.starts_with("Phum: offline DHIS2 data capture") && english.contains("\nUsage: phum"), "{english}");
}

#[test]
fn subcommand_help_is_in_khmer_every_line_that_is_not_a_name() {
    let out = phum(None, &["--lang", "km", "metadata", "import", "--help"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let help = text(&out.stdout);
    assert!(help.starts_with("ជំនួសមេតាដាតាទាំងអស់ដោយខ្លឹមសារនៃ FILE"), "{help}");
    assert!(help.contains("--allow-orphaned-records\n          នាំចូលទោះបី"), "{help}");
    assert!(help.contains("អាគុយម៉ង់:") && help.contains("ជម្រើស:"), "{help}");
    // Every description line (indented, not an option or argument name) is Khmer.
    for line in help.lines().filter(|l| l.starts_with("          ") && !l.trim().is_empty()) {
        let line = line.trim();
        assert!(has_khmer(line), "English help line: {line:?}");
    }
    // --lang after the subcommand works too (a global option).
    let after = text(&phum(None, &["metadata", "import", "--help", "--lang", "km"]).stdout);
    assert_eq!(after, help);
}

#[test]
fn errors_are_in_the_chosen_language() {
    let out = phum(None, &["--lang", "km", "expr", "eval", "#{weight} + 1"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), "phum៖ កំហុស៖ មិនអាចគណនាកន្សោមបានទេ៖ កន្សោមប្រើអថេរ 'weight' ដែលកម្មវិធីមិនបានកំណត់។\n");
    let out = phum(Some("km"), &["lint", "gone.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr), "phum៖ កំហុស៖ gone.json៖ មិនអាចអានបានទេ៖ គ្មានឯកសារនេះទេ\n");
    let out = phum(None, &["expr", "eval", "--lang", "km", "d2:left('abc', -3)", "--khmer-digits"]);
    assert_eq!(text(&out.stderr), "phum៖ កំហុស៖ មិនអាចគណនាកន្សោមបានទេ៖ d2:left៖ ប្រវែង -៣ មិនត្រូវនឹងអត្ថបទដែលមាន ៣ តួអក្សរទេ។\n");
}

#[test]
fn a_language_phum_does_not_speak_is_refused_with_exit_2() {
    let out = phum(None, &["--lang", "fr", "expr", "eval", "1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("'fr' is not a language of phum: use en or km"), "{}", text(&out.stderr));
    let out = phum(Some("fr"), &["expr", "eval", "1"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "phum: error: PHUM_LANG=fr is not a language of phum: set it to en or km, or give --lang\n"
    );
    // A bad environment does not matter when --lang is given.
    assert!(phum(Some("fr"), &["--lang", "km", "expr", "eval", "1"]).status.success());
}

#[test]
fn output_for_a_person_is_in_khmer_and_numbers_in_khmer_digits_on_request() {
    let out = phum(None, &["--lang", "km", "expr", "eval", "2 + 2"]);
    assert_eq!(text(&out.stdout), "4 (NUMBER)\nអត្ថបទរបស់ម៉ាស៊ីនវិធាន៖ 4\n");
    let clean = lint_fixture("clean.json");
    let out = phum(None, &["--lang", "km", "--khmer-digits", "lint", clean.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "បានពិនិត្យឯកសារ ១៖ កំហុស ០ ការព្រមាន ០\n");
}

#[test]
fn json_output_is_the_same_in_every_language() {
    let program = lint_fixture("program.json");
    let rules = lint_fixture("rules_with_mistakes.json");
    let args = ["lint", "--json", program.to_str().unwrap(), rules.to_str().unwrap()];
    let english = phum(None, &args);
    let mut khmer_args = vec!["--lang", "km", "--khmer-digits"];
    khmer_args.extend_from_slice(&args);
    let khmer = phum(None, &khmer_args);
    assert_eq!(english.status.code(), Some(1));
    assert_eq!(text(&english.stdout), text(&khmer.stdout));
}

#[test]
fn usage_errors_and_defaults_are_in_khmer_too() {
    let out = phum(None, &["--lang", "km", "lint", "--db", "x.db", "a.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr), "phum៖ កំហុស៖ អាគុយម៉ង់ '--db' មិនត្រូវបានរំពឹងទុកទេ\nសម្រាប់ព័ត៌មានបន្ថែម សូមសាកល្បង '--help'។\n");
    let out = phum(Some("km"), &["expr", "eval", "1", "--var", "w=AGE:3"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("មិនស្គាល់ TYPE 'AGE'"), "{}", text(&out.stderr));
    let help = text(&phum(None, &["--lang", "km", "metadata", "summary", "-h"]).stdout);
    assert!(help.contains("[លំនាំដើម៖ phum.db]") && !help.contains("[default:"), "{help}");
    // English keeps clap's own words.
    let out = phum(None, &["lint", "--db", "x.db", "a.json"]);
    assert!(text(&out.stderr).starts_with("error: unexpected argument '--db' found"), "{}", text(&out.stderr));
}
