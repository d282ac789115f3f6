//! `phum form run`: a trainer's immunization visit replayed from a script over the scheduling
//! fixture (register a child, refused and accepted values, completion, working lists a page at a
//! time, dashboard, search, the enrollment completed, re-opened and cancelled), checked step by
//! step through `--json`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn phum(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_phum")).current_dir(dir).args(args).output().unwrap()
}

fn with_program() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let program = fixture("../core/tests/fixtures/phum/immunization_program.json");
    let out = phum(dir.path(), &["metadata", "import", program.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    dir
}

fn run_json(dir: &Path, script: &Path) -> Vec<Value> {
    let out = phum(dir, &["form", "run", script.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn a_trainer_replays_an_immunization_visit_step_by_step() {
    let dir = with_program();
    let steps = run_json(dir.path(), &fixture("tests/fixtures/form/immunization_visit.json"));
    assert_eq!(steps.len(), 27);
    let step = |n: usize| &steps[n - 1];
    let error_kind = |n: usize| step(n)["error"]["kind"].as_str().unwrap_or("").to_string();

    // The registration form, in Khmer, refuses completion until the mandatory attributes are there.
    assert_eq!(step(1)["ok"], true);
    assert_eq!(step(1)["view"]["fields"][2]["label"], "ឈ្មោះពេញ");
    assert_eq!(error_kind(4), "CompletionRefused");
    assert_eq!(error_kind(5), "FutureDate", "a birth date in the future is refused");
    assert_eq!(step(9)["ok"], true, "{}", step(9));

    // A child born on 1 September is overdue for the birth and 10-week doses on 20 November.
    let overdue = step(10)["rows"].as_array().unwrap();
    let stages: Vec<&str> = overdue.iter().map(|r| r["stage"].as_str().unwrap()).collect();
    assert!(stages.contains(&"SchImmBirth") && stages.contains(&"SchImm10Wks"), "{stages:?}");

    // The 6-week visit: a refused value changes nothing, then the doses are recorded and completed.
    assert_eq!(error_kind(12), "InvalidValue");
    let changed = &step(13)["changes"]["fields"];
    assert_eq!(changed[0]["uid"], "SchDEPenta1");
    assert_eq!(changed[0]["value"], "true");
    assert_eq!(step(16)["ok"], true, "{}", step(16));

    // The dashboard shows the given doses and what is still missing.
    let board = step(18)["stages"].as_array().unwrap();
    let six_weeks = board.iter().find(|s| s["stage"] == "SchImm6Week").unwrap();
    assert_eq!(six_weeks["missing"], false);
    let birth = board.iter().find(|s| s["stage"] == "SchImmBirth").unwrap();
    assert_eq!((birth["missing"].as_bool(), birth["overdue"].as_bool()), (Some(true), Some(true)));

    // Search by a Khmer name prefix and by the phone (typed in Khmer digits) written another way.
    assert_eq!(step(1)["record"]["kind"], "enrollment");
    assert_eq!(step(1)["view"]["record"], step(1)["record"], "the view names its record as data");
    let person = step(1)["record"]["tracked_entity"].as_str().unwrap();
    for n in [19, 20] {
        assert!(step(n)["hits"].as_array().unwrap().iter().any(|h| h["person"] == person), "{}", step(n));
    }
    assert_eq!(step(21)["rows"].as_array().unwrap().len(), 1, "the 14-week dose is due within 60 days");
    assert_eq!(error_kind(22), "NoForm");

    // A page of the overdue list knows the length of the whole list: the birth and 10-week doses
    // are still overdue after the 6-week visit; the second of them is on the page.
    assert_eq!(step(10)["total"], 3);
    let due = &step(10)["rows"][0];
    assert_eq!(due["due"]["id"], "schedule-due-overdue", "{due}");
    assert!(due["due_text"].as_str().unwrap().starts_with("ហួសកាលកំណត់"), "the script is in Khmer: {due}");
    assert_eq!(step(23)["rows"].as_array().unwrap().len(), 1);
    assert_eq!((step(23)["total"].as_u64(), step(23)["offset"].as_u64()), (Some(2), Some(1)));
    assert_eq!(step(23)["rows"][0]["stage"], "SchImm10Wks");
    // The enrollment completed takes no new event; re-opened, then cancelled.
    assert_eq!((step(24)["before"].as_str(), step(24)["status"].as_str()), (Some("ACTIVE"), Some("COMPLETED")));
    assert_eq!(step(24)["completed_date"], "2026-11-20");
    assert_eq!(error_kind(25), "EnrollmentNotActive");
    assert_eq!(step(26)["status"], "ACTIVE");
    assert_eq!((step(27)["status"].as_str(), step(27)["completed_date"].as_str()), (Some("CANCELLED"), None));
}

#[test]
fn a_script_that_is_not_json_exits_2_and_the_help_documents_the_format() {
    let dir = with_program();
    std::fs::write(dir.path().join("bad.json"), "{\"steps\": 3}").unwrap();
    let out = phum(dir.path(), &["form", "run", "bad.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.json is not a form script"));
    let help = phum(dir.path(), &["form", "run", "--help"]);
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("SCRIPT FORMAT") && help.contains("\"do\": \"overdue\""), "{help}");
    assert!(help.contains("--time-zone <NAME>") && help.contains("[default: Asia/Phnom_Penh]"), "{help}");
}

/// Two registrations at 01:30 on 2 March in Phnom Penh (18:30 on 1 March in UTC): one dated
/// 2 March, one left to default to today.
const NIGHT_SCRIPT: &str = r#"{"now": "2026-03-01T18:30:00Z", "capture_org_units": ["SchOUProv21"], "steps": [
  {"do": "new_registration", "as": "a", "program": "SchImmProg1", "org_unit": "SchOUHCAngT",
   "enrollment_date": "2026-03-02", "incident_date": "2026-03-02"},
  {"do": "new_registration", "as": "b", "program": "SchImmProg1", "org_unit": "SchOUHCAngT"}
]}"#;

fn enrollment_date(step: &Value) -> &str {
    let fields = step["view"]["fields"].as_array().unwrap();
    fields.iter().find(|f| f["uid"] == "enrollmentDate").unwrap()["value"].as_str().unwrap()
}

#[test]
fn at_half_past_one_at_night_in_phnom_penh_today_is_already_the_new_day() {
    let dir = with_program();
    let script = dir.path().join("night.json");
    std::fs::write(&script, NIGHT_SCRIPT).unwrap();
    let steps = run_json(dir.path(), &script);
    assert_eq!(steps[0]["ok"], true, "2 March is not in the future in Phnom Penh: {}", steps[0]);
    assert_eq!(enrollment_date(&steps[1]), "2026-03-02");

    let out = phum(dir.path(), &["form", "run", script.to_str().unwrap(), "--json", "--time-zone", "UTC"]);
    let steps: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(steps[0]["error"]["kind"], "FutureDate", "{}", steps[0]);
    assert_eq!(enrollment_date(&steps[1]), "2026-03-01");
}

#[test]
fn an_unknown_time_zone_exits_2_and_names_it() {
    let dir = with_program();
    let script = dir.path().join("night.json");
    std::fs::write(&script, NIGHT_SCRIPT).unwrap();
    let out = phum(dir.path(), &["form", "run", script.to_str().unwrap(), "--time-zone", "Asia/Phnom_Pen"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("unknown time zone 'Asia/Phnom_Pen'"), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).is_empty(), "no step ran");

    let both = r#"{"today": "2026-03-02", "now": "2026-03-01T18:30:00Z", "steps": []}"#;
    std::fs::write(&script, both).unwrap();
    let out = phum(dir.path(), &["form", "run", script.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("'today' or 'now'"));
}

/// A registration in English, switched to Khmer with Khmer digits while it is open.
const LANGUAGE_SCRIPT: &str = r#"{"today": "2026-11-20", "capture_org_units": ["SchOUProv21"], "steps": [
  {"do": "new_registration", "as": "child", "program": "SchImmProg1", "org_unit": "SchOUHCAngT",
   "enrollment_date": "2026-11-20", "incident_date": "2026-09-01"},
  {"do": "set", "form": "child", "field": "SchTEADob01", "value": "2027-01-01"},
  {"do": "language", "lang": "km", "khmer_digits": true},
  {"do": "set", "form": "child", "field": "SchTEADob01", "value": "2027-01-01"},
  {"do": "set", "form": "child", "field": "SchTEASex01", "value": "F"},
  {"do": "language", "lang": "xx"}
]}"#;

#[test]
fn a_script_switches_the_language_of_its_open_forms_and_its_text_lines() {
    let dir = with_program();
    let script = dir.path().join("language.json");
    std::fs::write(&script, LANGUAGE_SCRIPT).unwrap();
    let steps = run_json(dir.path(), &script);
    let english = &steps[1]["error"];
    assert_eq!((english["kind"].as_str(), english["id"].as_str()), (Some("FutureDate"), Some("form-future-date")));
    assert_eq!(english["args"]["date"], "2027-01-01", "arguments are data: {english}");
    assert!(english["message"].as_str().unwrap().contains("1 January 2027 is in the future"), "{english}");
    assert_eq!(steps[2]["locale"], serde_json::json!({"lang": "km", "khmer_digits": true}));
    assert_eq!(steps[2]["views"]["child"]["locale"]["lang"], "km");
    let khmer = steps[3]["error"]["message"].as_str().unwrap();
    assert!(khmer.contains("១ មករា ២០២៧") && khmer.contains("ស្ថិតនៅអនាគត"), "{khmer}");
    let sex = &steps[4]["changes"]["fields"][0];
    assert_eq!((sex["value"].as_str(), sex["shown"].as_str()), (Some("F"), Some("ស្រី")), "{sex}");
    assert_eq!(steps[5]["error"]["id"], "cli-form-bad-language");

    let out = phum(dir.path(), &["form", "run", script.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("  1 new_registration: opened \"child\""), "{text}");
    assert!(lines[1].contains("refused (FutureDate): field SchTEADob01: 1 January 2027"), "{text}");
    assert!(lines[2].contains("ឥឡូវជាភាសាខ្មែរ"), "{text}");
    assert!(lines[3].contains("បានបដិសេធ (FutureDate)") && lines[3].contains("១ មករា ២០២៧"), "{text}");
    assert!(lines[4].contains("SchTEASex01=\"ស្រី\""), "{text}");
}
