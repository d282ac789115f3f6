//! End-to-end tests of `phum metadata ...` through the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn mini_export() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/phum/mini_export.json")
}

fn phum(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_phum")).current_dir(dir).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = phum(dir, args);
    assert!(out.status.success(), "phum {args:?} failed: {}", text(&out.stderr));
    text(&out.stdout)
}

fn summary_json(dir: &Path, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["metadata", "summary", "--json"];
    args.extend_from_slice(extra);
    serde_json::from_str(&ok(dir, &args)).unwrap()
}

#[test]
fn import_then_summary_counts_every_collection() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(dir.path(), &["metadata", "import", mini_export().to_str().unwrap()]);
    assert!(out.contains("imported 44 objects from 1 file into"), "{out}");
    assert!(out.contains("not stored by Phum: dashboards (0), indicators (1)"), "{out}");
    let json = summary_json(dir.path(), &[]);
    for (key, n) in [
        ("programs", 1),
        ("programStages", 1),
        ("dataElements", 3),
        ("optionSets", 2),
        ("options", 5),
        ("trackedEntityTypes", 1),
        ("trackedEntityAttributes", 4),
        ("programRules", 2),
        ("programRuleActions", 2),
        ("programRuleVariables", 2),
        ("organisationUnits", 3),
        ("categoryCombos", 2),
        ("categoryOptionCombos", 3),
        ("dataSets", 1),
        ("validationRules", 1),
        ("constants", 1),
    ] {
        assert_eq!(json[key], n, "{key} in {json}");
    }
    let table = ok(dir.path(), &["metadata", "summary"]);
    assert!(table.lines().any(|l| l.starts_with("organisationUnits") && l.trim_end().ends_with(" 3")), "{table}");
    assert!(table.contains("server: DHIS2 2.41.2"), "{table}");
}

#[test]
fn a_new_database_is_encrypted_with_a_private_key_file() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["metadata", "import", mini_export().to_str().unwrap()]);
    let db = std::fs::read(dir.path().join("phum.db")).unwrap();
    assert!(!db.starts_with(b"SQLite format 3\0"));
    let key = dir.path().join("phum.db.key");
    let hex = std::fs::read_to_string(&key).unwrap();
    assert_eq!(hex.trim().len(), 64);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&key).unwrap().permissions().mode() & 0o777, 0o600);
    }
}

#[test]
fn key_problems_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["metadata", "import", mini_export().to_str().unwrap()]);
    std::fs::rename(dir.path().join("phum.db.key"), dir.path().join("saved.key")).unwrap();
    let out = phum(dir.path(), &["metadata", "summary"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("database phum.db exists but its key file phum.db.key does not"),
        "{}",
        text(&out.stderr)
    );

    std::fs::write(dir.path().join("other.key"), format!("{}\n", "ab".repeat(32))).unwrap();
    let out = phum(dir.path(), &["metadata", "summary", "--key-file", "other.key"]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("cannot be read with this key"), "{}", text(&out.stderr));

    std::fs::write(dir.path().join("short.key"), "abc").unwrap();
    let out = phum(dir.path(), &["metadata", "summary", "--key-file", "short.key"]);
    assert!(
        text(&out.stderr).contains("key file short.key: a database key is 64 hexadecimal characters"),
        "{}",
        text(&out.stderr)
    );

    let json = summary_json(dir.path(), &["--key-file", "saved.key"]);
    assert_eq!(json["programs"], 1);
}

#[test]
fn a_bad_file_fails_with_the_object_and_field_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["metadata", "import", mini_export().to_str().unwrap()]);
    let before = summary_json(dir.path(), &[]);
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"programRuleActions":[{"id":"PhumPRABad1","programRuleActionType":"HIDEFIELD","programRule":{"id":"PhumPRLowWt"}}]}"#,
    )
    .unwrap();
    let out = phum(dir.path(), &["metadata", "import", mini_export().to_str().unwrap(), "bad.json"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.starts_with("phum: error: bad.json: programRuleActions[0]: "), "{err}");
    assert!(err.contains("PhumPRABad1") && err.contains("dataElement: action HIDEFIELD needs"), "{err}");
    assert!(out.stdout.is_empty());
    assert_eq!(summary_json(dir.path(), &[]), before);

    let out = phum(dir.path(), &["metadata", "import", "does-not-exist.json"]);
    assert!(text(&out.stderr).contains("does-not-exist.json: cannot read"), "{}", text(&out.stderr));
    assert_eq!(summary_json(dir.path(), &[]), before);
}

#[test]
fn unencrypted_databases_are_plain_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["metadata", "import", "--unencrypted", "--db", "plain.db", mini_export().to_str().unwrap()]);
    assert!(std::fs::read(dir.path().join("plain.db")).unwrap().starts_with(b"SQLite format 3\0"));
    assert!(!dir.path().join("plain.db.key").exists());
}

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn an_import_that_holds_no_metadata_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["metadata", "import", mini_export().to_str().unwrap()]);
    let before = summary_json(dir.path(), &[]);
    std::fs::write(dir.path().join("empty-object.json"), "{}").unwrap();
    std::fs::write(dir.path().join("unrelated.json"), r#"{"name": "shopping", "items": [1, 2]}"#).unwrap();
    std::fs::write(dir.path().join("empty-lists.json"), r#"{"programs": [], "organisationUnits": []}"#).unwrap();
    for (file, found) in
        [("empty-object.json", ""), ("unrelated.json", " (found only: items (2), name (1))"), ("empty-lists.json", "")]
    {
        let out = phum(dir.path(), &["metadata", "import", file]);
        assert_eq!(out.status.code(), Some(1), "{file}: {}", text(&out.stdout));
        assert_eq!(
            text(&out.stderr),
            format!(
                "phum: error: {file} holds no metadata: not one program, organisation unit, data element or \
                 other object of a collection Phum stores{found}; nothing was changed\n"
            )
        );
        assert_eq!(summary_json(dir.path(), &[]), before, "{file}");
    }
}

#[test]
fn an_import_that_would_orphan_captured_records_is_refused_with_the_list_unless_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let program = fixture("../core/tests/fixtures/phum/immunization_program.json");
    ok(dir.path(), &["metadata", "import", program.to_str().unwrap()]);
    // A visit: a registered child with an enrollment and events.
    ok(dir.path(), &["form", "run", fixture("tests/fixtures/form/immunization_visit.json").to_str().unwrap()]);
    let before = summary_json(dir.path(), &[]);

    // Metadata of another program: the child's program, stages and org unit would be gone.
    let out = phum(dir.path(), &["metadata", "import", mini_export().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.starts_with("phum: error: the import lacks metadata that captured records use, so nothing was changed: "),
        "{err}"
    );
    for collection in ["programs", "programStages", "organisationUnits", "trackedEntityTypes", "dataElements"] {
        assert!(
            err.contains(&format!("; {collection}: ")) || err.contains(&format!("changed: {collection}: ")),
            "{collection} not listed:\n{err}"
        );
    }
    assert!(err.contains("programs: 1 missing (SchImmProg1), used by "), "{err}");
    assert!(err.trim_end().ends_with("(to import anyway, give --allow-orphaned-records)"), "{err}");
    assert_eq!(summary_json(dir.path(), &[]), before, "a refused import changes nothing");

    // With the flag the import goes through and says what is orphaned now.
    let out = ok(dir.path(), &["metadata", "import", "--allow-orphaned-records", mini_export().to_str().unwrap()]);
    assert!(out.contains("captured records without their metadata now: programs: 1 missing (SchImmProg1)"), "{out}");
    assert_eq!(summary_json(dir.path(), &[])["programs"], 1);
    // The original program brings every record home again.
    ok(dir.path(), &["metadata", "import", program.to_str().unwrap()]);
    assert_eq!(summary_json(dir.path(), &[]), before);
}

#[test]
fn read_only_commands_never_create_a_database() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["metadata", "summary"][..],
        &["metadata", "summary", "--json", "--db", "other.db"],
        &["form", "run", fixture("tests/fixtures/form/immunization_visit.json").to_str().unwrap()],
    ] {
        let out = phum(dir.path(), args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let db = if args.contains(&"other.db") { "other.db" } else { "phum.db" };
        assert_eq!(
            text(&out.stderr),
            format!("phum: error: there is no database at {db}; metadata import creates one\n"),
            "{args:?}"
        );
        assert!(out.stdout.is_empty(), "{args:?}: {}", text(&out.stdout));
        assert_eq!(files_in(dir.path()), Vec::<String>::new(), "{args:?} left files behind");
    }
}

#[test]
fn a_failed_first_import_leaves_nothing_behind_but_never_removes_what_was_there() {
    let dir = tempfile::tempdir().unwrap();
    for file in ["does-not-exist.json", "empty.json"] {
        std::fs::write(dir.path().join("empty.json"), "").unwrap();
        let out = phum(dir.path(), &["metadata", "import", "--db", "new.db", file]);
        assert_eq!(out.status.code(), Some(1), "{file}");
        assert_eq!(files_in(dir.path()), vec!["empty.json"], "{file}: {}", text(&out.stderr));
    }
    // A key file given for the new database stays.
    std::fs::write(dir.path().join("mine.key"), format!("{}\n", "cd".repeat(32))).unwrap();
    let out = phum(dir.path(), &["metadata", "import", "--db", "new.db", "--key-file", "mine.key", "empty.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(files_in(dir.path()), vec!["empty.json", "mine.key"]);
    // An existing database and its key stay too.
    ok(dir.path(), &["metadata", "import", mini_export().to_str().unwrap()]);
    let out = phum(dir.path(), &["metadata", "import", "empty.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(dir.path().join("phum.db").is_file() && dir.path().join("phum.db.key").is_file());
    assert_eq!(summary_json(dir.path(), &[])["programs"], 1);
}

#[test]
fn a_database_in_a_missing_folder_names_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    for command in [&["metadata", "import"][..], &["metadata", "summary"]] {
        let mut args = command.to_vec();
        args.extend(["--db", "no/such/folder/phum.db"]);
        let export = mini_export();
        if command[1] == "import" {
            args.push(export.to_str().unwrap());
        }
        let out = phum(dir.path(), &args);
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(
            text(&out.stderr),
            "phum: error: the folder no/such/folder of database no/such/folder/phum.db does not exist\n"
        );
        assert_eq!(files_in(dir.path()), Vec::<String>::new());
    }
}
