//! `phum demo --script`: the trainer's walkthrough replayed from the scenario scripts in
//! `scripts/` (English and Khmer), checked on the lines that matter: the rules' messages after
//! each value, the overdue list, the monthly report's validation, what would be sent; no UID
//! anywhere, Khmer only in Khmer, the same transcript on a second run, and reset giving back the
//! initial database.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(rel)
}

fn phum(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_phum")).args(args).env("NO_COLOR", "1").output().unwrap()
}

/// The transcript of `script` in `lang`, run in `dir`.
fn demo(dir: &Path, lang: &str, script: &Path) -> String {
    let out = phum(&["demo", "--lang", lang, "--dir", dir.to_str().unwrap(), "--script", script.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The transcript with every run of spaces and line ends as one space, so that a message
/// wrapped over lines reads as one.
fn flat(transcript: &str) -> String {
    transcript.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The part of `text` after the first `start` and before the next `end`.
fn between<'t>(text: &'t str, start: &str, end: &str) -> &'t str {
    let from = text.find(start).unwrap_or_else(|| panic!("no '{start}' in the transcript")) + start.len();
    let rest = &text[from..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

/// Tokens that look like DHIS2 UIDs: 11 letters and digits, starting with a letter, that are not
/// a word (a word is lowercase after its first letter).
fn uid_like(transcript: &str) -> Vec<String> {
    transcript
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| t.len() == 11 && t.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter(|t| !t[1..].chars().all(|c| c.is_ascii_lowercase()))
        .map(str::to_string)
        .collect()
}

#[test]
fn english_scenario_shows_rule_messages_overdue_list_report_validation_and_outbox() {
    let dir = tempfile::tempdir().unwrap();
    let out = flat(&demo(dir.path(), "en", &repo("scripts/demo-scenario-en.txt")));
    assert!(out.contains("Training mode: practice data, never sent"), "{out}");
    assert!(out.contains("Nothing you enter here is ever sent to a server."));
    // A Latin-letter search finds the practice data's person by both names; registering comes
    // first in the list.
    let found = between(&out, "(Khmer or Latin letters) > Dara", "Choose a person");
    assert!(found.contains("1. Register a new child (immunization) 2. Register a new adult (NCD)"), "{found}");
    assert!(found.contains("3. Seng Dara (សេង ដារ៉ា)"), "{found}");
    // Registered with a date of birth 80 days ago: the birth doses are overdue by 80 days, among
    // the practice data's children.
    let overdue = between(&out, "== Overdue visits in Tram Kang Village", "==");
    assert!(overdue.contains("Sok Dara (សុខ ដារ៉ា): Birth: BCG, HepB, due on"), "{overdue}");
    assert!(overdue.contains("(80 days overdue)"), "{overdue}");
    assert!(overdue.matches(" overdue)").count() > 3, "{overdue}");
    // The 6 weeks contact, late; then Penta 2 the same day: too soon after Penta 1 (the minimum
    // interval), and completing is refused.
    assert!(out.contains("Late: these doses were due at 6 weeks."), "{out}");
    assert!(out.contains(
        "Penta 2 given > 1 Error: Too soon after Penta 1: leave at least 4 weeks between doses. Days since Penta 1: 0"
    ));
    assert!(out.contains("Not completed yet: Penta 2 given: Too soon after Penta 1: leave at least 4 weeks"));
    // The visit started and left is on the card as such; the 6 weeks contact as given today.
    assert!(out.contains("10 weeks: Penta 2, bOPV 2, PCV 2: Open, not completed"), "{out}");
    assert!(out.contains("6 weeks: Penta 1, bOPV 1, PCV 1: Completed on"), "{out}");
    assert!(out.contains("Warning: The HepB birth dose is due within 24 hours of birth. Days since birth: 80"));
    // After the birth doses, the child is no longer on the overdue list.
    let after = &out[out.find("HepB birth dose given > 1").unwrap()..];
    let overdue_after = between(after, "== Overdue visits in Tram Kang Village", "==");
    assert!(!overdue_after.contains("Sok Dara"), "{overdue_after}");
    // The adult's screening: BMI filled in, 150/95 raised, glucose 7.5 in the diabetes range.
    assert!(out.contains("Weight (kg) > 80 BMI (calculated): 29.4"), "{out}");
    assert!(out.contains("Warning: Raised blood pressure (140/90 or more)."));
    assert!(out.contains("Blood pressure result: Raised: 140/90 or more"));
    assert!(out.contains("Warning: Fasting glucose 7.0 mmol/L or more (diabetes range)."));
    // The monthly report: a grid of data elements by category, refused while boys vaccinated
    // exceed boys living, then complete.
    assert!(out.contains("Children under 2 living in the village 9. Male: - 10. Female: -"), "{out}");
    assert!(out.contains("Children under 2 living in the village 9. Male: 5 10. Female: -"));
    assert!(out.contains("== Monthly report Monthly report of Tram Kang Village,"));
    assert!(out.contains(
        "Not completed yet: Boys vaccinated: not more than boys under 2: Boys under 2 vaccinated this month \
         cannot be more than the boys under 2 living in the village."
    ));
    assert!(out.contains("Completed and saved. Every validation rule of the report passes."));
    // What would be sent, by name; nothing is; after the reset nothing waits.
    let outbox = between(&out, "== What Chanleas Dai Health Centre would send", "== ");
    assert!(outbox.contains("Waiting to be sent: 2 new people, 2 enrollments, 8 visits, 2 report values."), "{outbox}");
    assert!(outbox
        .contains("Sok Dara (សុខ ដារ៉ា): registration; enrollment in Child immunization; visit \"Birth: BCG, HepB\""));
    assert!(outbox.contains("Keo Sophal (កែវ សុផល): registration; enrollment in Hypertension and diabetes"));
    assert!(outbox.contains("Training mode: nothing is sent."));
    assert!(out.contains("The practice data is back to its start."));
    let last_outbox = &out[out.rfind("== What Chanleas Dai Health Centre would send").unwrap()..];
    assert!(last_outbox.contains("Waiting to be sent: 0 new people, 0 enrollments, 0 visits, 0 report values."));
}

#[test]
fn khmer_scenario_shows_the_same_steps_in_khmer() {
    let dir = tempfile::tempdir().unwrap();
    let out = flat(&demo(dir.path(), "km", &repo("scripts/demo-scenario-km.txt")));
    assert!(out.contains("របៀបហ្វឹកហាត់៖ ទិន្នន័យហ្វឹកហាត់ មិនដែលផ្ញើទេ"), "{out}");
    // A Khmer search finds the same person, the Khmer name first.
    let found = between(&out, "(អក្សរខ្មែរ ឬឡាតាំង) > ដារ៉ា", "សូមជ្រើសរើសបុគ្គល");
    assert!(found.contains("3. សេង ដារ៉ា (Seng Dara)"), "{found}");
    let overdue = between(&out, "== ការមកពិនិត្យដែលហួសពេលកំណត់ក្នុង ភូមិត្រាំកង់", "==");
    assert!(overdue.contains("សុខ ដារ៉ា (Sok Dara)៖ ពេលកើត៖ BCG, HepB កំណត់នៅ"), "{overdue}");
    assert!(overdue.contains("(ហួស 80 ថ្ងៃ)"), "{overdue}");
    assert!(out.contains("កំហុស៖ ជិតពេកពី Penta ១៖ ដូសនីមួយៗត្រូវឃ្លាតគ្នាយ៉ាងតិច ៤ សប្ដាហ៍។"), "{out}");
    assert!(out.contains("មិនទាន់អាចបញ្ចប់បានទេ៖ «បានចាក់ Penta ២»៖ ជិតពេកពី Penta ១"));
    assert!(out.contains("ព្រមាន៖ សម្ពាធឈាមខ្ពស់ (១៤០/៩០ ឬលើស)។"));
    assert!(out.contains("ព្រមាន៖ ជាតិស្ករពេលតមអាហារ ៧,០ mmol/L ឬលើស (កម្រិតទឹកនោមផ្អែម)។"));
    assert!(out.contains("មិនទាន់អាចបញ្ចប់បានទេ៖ ក្មេងប្រុសបានចាក់ថ្នាំ៖ មិនលើសក្មេងប្រុសអាយុក្រោម ២ ឆ្នាំ៖"));
    assert!(out.contains("ច្បាប់ផ្ទៀងផ្ទាត់ទាំងអស់នៃរបាយការណ៍ត្រឹមត្រូវ។"));
    assert!(out.contains("របៀបហ្វឹកហាត់៖ គ្មានអ្វីត្រូវបានផ្ញើទេ។"));
    // Dates in Khmer month names.
    assert!(out.contains(" ធ្នូ ") || out.contains(" វិច្ឆិកា "), "{out}");
}

#[test]
fn khmer_transcript_has_no_english_sentence_word_of_the_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let out = demo(dir.path(), "km", &repo("scripts/demo-scenario-km.txt"));
    // The words of the English catalogues the demo speaks from (names and codes such as NCD or
    // BCG are capitals).
    let english = ["locales/en/demo.ftl", "locales/en/screen.ftl", "locales/en/common.ftl"]
        .map(|file| std::fs::read_to_string(repo(file)).unwrap())
        .join("\n");
    let words: std::collections::BTreeSet<String> = english
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(" = ").map(|(_, text)| text.to_string()))
        .flat_map(|text| text.split(|c: char| !c.is_ascii_alphabetic()).map(str::to_string).collect::<Vec<_>>())
        .filter(|w| w.len() >= 4 && w.chars().all(|c| c.is_ascii_lowercase()))
        .collect();
    assert!(words.len() > 50, "{words:?}");
    let shown: Vec<&str> = out.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| words.contains(*w)).collect();
    assert!(shown.is_empty(), "English words in the Khmer transcript: {shown:?}");
    let khmer = out.chars().filter(|c| ('\u{1780}'..='\u{17FF}').contains(c)).count();
    assert!(khmer > 2000, "{khmer} Khmer characters");
}

#[test]
fn no_uid_is_ever_shown() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, script) in [("en", "scripts/demo-scenario-en.txt"), ("km", "scripts/demo-scenario-km.txt")] {
        let out = demo(dir.path(), lang, &repo(script));
        assert_eq!(uid_like(&out), Vec::<String>::new(), "{lang}");
        // Every UID of the practice metadata, by name.
        let metadata = phum_core::demo::dataset::metadata_json();
        for uid in metadata.split("\"id\": \"").skip(1).filter_map(|rest| rest.get(..11)) {
            assert!(!out.contains(uid), "{lang}: {uid}");
        }
    }
}

#[test]
fn uid_like_finds_uids_and_leaves_words() {
    assert_eq!(uid_like("Vaccination immunization DmPrImmuniz aB3dE5gH7jK"), ["DmPrImmuniz", "aB3dE5gH7jK"]);
}

#[test]
fn a_second_run_into_the_same_folder_gives_the_same_transcript_and_registers_nobody_twice() {
    let dir = tempfile::tempdir().unwrap();
    let script = repo("scripts/demo-scenario-en.txt");
    let first = demo(dir.path(), "en", &script);
    let second = demo(dir.path(), "en", &script);
    assert_eq!(first, second);
    // The child the first run registered is not found by the second run's search.
    let second = flat(&second);
    let found = between(&second, "Name or phone number (Khmer or Latin letters) > Dara", "Choose a person");
    assert!(found.contains("Register a new child"), "{found}");
    assert!(!found.contains("Sok Dara"), "{found}");
}

/// Every row of every table of the demo database, as text; the log of metadata imports (when
/// the practice metadata was imported) aside.
fn dump(dir: &Path) -> Vec<String> {
    let key = std::fs::read_to_string(dir.join("phum-demo.key")).unwrap();
    let key = phum_core::store::DbKey::from_hex(key.trim()).unwrap();
    let store = phum_core::store::Store::open_existing(&dir.join("phum-demo.db"), Some(&key)).unwrap();
    // Each folder's first opening logs its own import time.
    store.table_rows().unwrap().into_iter().filter(|row| !row.starts_with("metadata_import:")).collect()
}

/// The rows only one of two dumps has (a short message instead of two long lists).
fn difference(a: &[String], b: &[String]) -> Vec<String> {
    let only_a = a.iter().filter(|r| !b.contains(r)).map(|r| format!("- {}", &r[..r.len().min(160)]));
    let only_b = b.iter().filter(|r| !a.contains(r)).map(|r| format!("+ {}", &r[..r.len().min(160)]));
    only_a.chain(only_b).take(20).collect()
}

#[test]
fn reset_restores_the_initial_database() {
    let fresh = tempfile::tempdir().unwrap();
    let quit = fresh.path().join("quit.txt");
    std::fs::write(&quit, "1\n0\n").unwrap();
    demo(fresh.path(), "en", &quit);
    let initial = dump(fresh.path());
    assert!(initial.len() > 100, "{} rows", initial.len());

    // The scenario captures records, then resets from the menu (item 7) before it ends.
    let used = tempfile::tempdir().unwrap();
    let out = demo(used.path(), "en", &repo("scripts/demo-scenario-en.txt"));
    assert!(out.contains("The practice data is back to its start."));
    assert_eq!(difference(&initial, &dump(used.path())), Vec::<String>::new());

    // --reset does the same for a folder left with records in it.
    let script = used.path().join("register.txt");
    std::fs::write(&script, "1\n1\nDara\n1\n3\nសុខ ដារ៉ា\n0\n0\n").unwrap();
    demo(used.path(), "en", &script);
    assert!(!difference(&initial, &dump(used.path())).is_empty(), "the registration was saved");
    let out = phum(&["demo", "--reset", "--dir", used.path().to_str().unwrap(), "--script", quit.to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(difference(&initial, &dump(used.path())), Vec::<String>::new());
}

#[test]
fn a_script_answer_that_is_no_choice_stops_with_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("wrong.txt");
    std::fs::write(&script, "# a village\n99\n").unwrap();
    let out = phum(&["demo", "--dir", dir.path().to_str().unwrap(), "--script", script.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("line 2: \"99\" is not one of the choices on the screen"), "{stderr}");
}

#[test]
fn khmer_digits_show_numbers_and_dates_in_khmer_digits() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("villages.txt");
    std::fs::write(&script, "១\n០\n").unwrap();
    let out = phum(&[
        "demo",
        "--lang",
        "km",
        "--khmer-digits",
        "--dir",
        dir.path().to_str().unwrap(),
        "--script",
        script.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(out.contains("  ១. ភូមិត្រាំកង់"), "{out}");
    assert!(!out.chars().any(|c| c.is_ascii_digit()), "{out}");
}

#[test]
fn every_line_fits_80_columns_in_both_languages() {
    use unicode_width::UnicodeWidthChar;
    let dir = tempfile::tempdir().unwrap();
    for (lang, script) in [("en", "scripts/demo-scenario-en.txt"), ("km", "scripts/demo-scenario-km.txt")] {
        let out = demo(dir.path(), lang, &repo(script));
        for line in out.lines() {
            let columns: usize = line.chars().map(|c| c.width().unwrap_or(0)).sum();
            assert!(columns <= 80, "{lang}: {columns} columns: {line}");
        }
    }
}

#[test]
fn answers_typed_at_the_terminal_are_asked_again_when_they_are_no_choice() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_phum"))
        .args(["demo", "--dir", dir.path().to_str().unwrap()])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // A village that is not on the list, a word, then the first village; quit.
    child.stdin.take().unwrap().write_all("9\nvillage\n1\n0\n".as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let out = flat(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(out.matches("Please type a number from 0 to 6.").count(), 2, "{out}");
    assert!(out.contains("== Tram Kang Village: what do you want to do?"), "{out}");
    assert!(out.contains("End of the training session."), "{out}");
    assert!(!out.contains('\x1b'), "no colours when the output is not a terminal");
}

#[test]
fn settings_switch_language_and_digits_while_the_demo_runs() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("switch.txt");
    // A village, then Settings: Khmer with Khmer digits, then the overdue list, then quit.
    std::fs::write(&script, "1\n9\n1\n1\n4\n0\n").unwrap();
    let out = demo(dir.path(), "en", &script);
    let (before, after) = out.split_once("Khmer digits >").expect("the settings ask for Khmer digits");
    assert!(before.contains("Your choice > 9") && before.contains("== Settings"), "{before}");
    // After the switch: the menu and the overdue list are Khmer, with Khmer digits.
    assert!(after.contains("តើអ្នកចង់ធ្វើអ្វី"), "{after}");
    assert!(after.contains("ហួស"), "{after}");
    assert!(after.chars().any(|c| ('០'..='៩').contains(&c)), "{after}");
    assert!(!after.contains("days overdue") && !after.contains("Overdue"), "{after}");
}

#[test]
fn an_open_form_switches_to_khmer_without_being_reopened() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("switch-form.txt");
    // A village, find "Dara", register a child, type a name, show the form in Khmer, back, quit.
    std::fs::write(&script, "1\n1\nDara\n1\n3\nSok Dara\n11\n0\n0\n").unwrap();
    let out = demo(dir.path(), "en", &script);
    let (before, after) = out.rsplit_once("Show this form in ខ្មែរ (Khmer)").expect("the form offers Khmer");
    assert!(before.contains("Full name (Khmer script)"), "{before}");
    let after = after.split("> 0").next().unwrap();
    // The same form, its value kept, its labels now Khmer.
    assert!(after.contains("ឈ្មោះពេញ (អក្សរខ្មែរ)៖ Sok Dara"), "{after}");
    assert!(after.contains("ការចាក់ថ្នាំបង្ការកុមារ"), "{after}");
    assert!(!after.contains("Full name"), "{after}");
}
