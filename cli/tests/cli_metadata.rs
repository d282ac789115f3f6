//! End-to-end tests of `phum metadata ...` and `phum dev synth-metadata` through the real binary.

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
    assert!(out.contains("imported 44 objects from 1 file(s)"), "{out}");
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
    let out = phum(dir.path(), &["--key-file", "other.key", "metadata", "summary"]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("cannot be read with this key"), "{}", text(&out.stderr));

    std::fs::write(dir.path().join("short.key"), "abc").unwrap();
    let out = phum(dir.path(), &["--key-file", "short.key", "metadata", "summary"]);
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
    ok(dir.path(), &["--unencrypted", "--db", "plain.db", "metadata", "import", mini_export().to_str().unwrap()]);
    assert!(std::fs::read(dir.path().join("plain.db")).unwrap().starts_with(b"SQLite format 3\0"));
    assert!(!dir.path().join("plain.db.key").exists());
}

#[test]
fn synthetic_metadata_imports_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(dir.path(), &["dev", "synth-metadata", "--scale", "small", "--out", "small.json"]);
    assert!(out.contains("wrote small.json"), "{out}");
    ok(dir.path(), &["metadata", "import", "small.json"]);
    let json = summary_json(dir.path(), &[]);
    assert!(json["organisationUnits"].as_u64().unwrap() > 10, "{json}");
    assert!(json["programRules"].as_u64().unwrap() > 0, "{json}");
    // Deterministic: the same seed writes the same bytes.
    ok(dir.path(), &["dev", "synth-metadata", "--scale", "small", "--out", "again.json"]);
    assert_eq!(
        std::fs::read(dir.path().join("small.json")).unwrap(),
        std::fs::read(dir.path().join("again.json")).unwrap()
    );
}
