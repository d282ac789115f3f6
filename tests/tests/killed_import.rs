//! A metadata import killed with SIGKILL at any moment leaves the previous metadata intact and
//! the database consistent. The child process is `import_child` (tests/src/bin/import_child.rs).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use phum_core::model::Collection;
use phum_core::store::import::ImportSource;
use phum_core::store::{DbKey, Store};
use serde_json::{json, Value};

fn mini_export() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures/phum/mini_export.json")).unwrap()
}

/// A large document: the mini export plus `n` extra options, so that an import takes a while.
fn large_export(n: usize) -> Vec<u8> {
    let mut v: Value = serde_json::from_slice(&mini_export()).unwrap();
    let mut ids = Vec::new();
    let options = v["options"].as_array_mut().unwrap();
    for i in 0..n {
        let id = format!("Big{i:08}");
        ids.push(json!({"id": id}));
        options.push(json!({"id": id, "code": format!("C{i}"), "name": format!("Option {i}"), "sortOrder": i,
            "translations": [{"property": "NAME", "locale": "km", "value": format!("ជម្រើស {i}")}]}));
    }
    v["optionSets"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "BigOptSet01", "name": "Big", "valueType": "TEXT", "options": ids}));
    serde_json::to_vec(&v).unwrap()
}

const KEY_HEX: &str = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

fn options_count(db: &Path) -> usize {
    let store = Store::open(db, Some(&DbKey::from_hex(KEY_HEX).unwrap())).unwrap();
    store.metadata_counts().unwrap()[&Collection::Options]
}

#[test]
fn a_killed_import_leaves_the_previous_metadata_intact() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("account.db");
    let big = dir.path().join("big.json");
    std::fs::write(&big, large_export(15_000)).unwrap();
    let key = DbKey::from_hex(KEY_HEX).unwrap();
    Store::open(&db, Some(&key))
        .unwrap()
        .import_metadata(&[ImportSource::Bytes { name: "mini".into(), bytes: mini_export() }])
        .unwrap();
    assert_eq!(options_count(&db), 5);

    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_import_child"))
            .arg(&db)
            .arg(KEY_HEX)
            .arg(&big)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    // How long a whole import takes in a child, measured on a copy.
    let full = {
        let start = Instant::now();
        let copy_db = dir.path().join("timing.db");
        std::fs::copy(&db, &copy_db).unwrap();
        let status = Command::new(env!("CARGO_BIN_EXE_import_child"))
            .arg(&copy_db)
            .arg(KEY_HEX)
            .arg(&big)
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(options_count(&copy_db), 15_005);
        start.elapsed()
    };

    let mut killed_mid_import = 0;
    for round in 0..12u32 {
        let mut child = spawn();
        // Wait until the child has opened the database and starts the import.
        let mut reader = BufReader::new(child.stdout.as_mut().unwrap());
        let mut line = String::new();
        while !line.contains("PHUM-CHILD-IMPORTING") {
            line.clear();
            assert!(reader.read_line(&mut line).unwrap() > 0, "the child ended before importing");
        }
        // Spread the kills over the import: 5% .. 66% of a full run.
        std::thread::sleep(full.mul_f64(0.05 + 0.055 * round as f64));
        child.kill().unwrap();
        let status = child.wait().unwrap();
        let store = Store::open(&db, Some(&key)).unwrap();
        assert_eq!(store.check_integrity().unwrap(), Vec::<String>::new(), "round {round}");
        if status.success() {
            // The import finished before the kill (a slow moment on this machine): all of it
            // is there. Put the old metadata back for the next round.
            assert_eq!(options_count(&db), 15_005, "round {round}: a finished import is complete");
            drop(store);
            Store::open(&db, Some(&key))
                .unwrap()
                .import_metadata(&[ImportSource::Bytes { name: "mini".into(), bytes: mini_export() }])
                .unwrap();
        } else {
            killed_mid_import += 1;
            assert_eq!(options_count(&db), 5, "round {round}: a killed import must leave the old metadata");
            assert_eq!(store.metadata_counts().unwrap()[&Collection::Programs], 1);
        }
    }
    assert!(
        killed_mid_import >= 6,
        "only {killed_mid_import} of 12 kills landed during the import (full run {full:?})"
    );

    // Left alone, the same import completes.
    let status = spawn().wait_with_output().unwrap();
    assert!(status.status.success());
    assert_eq!(options_count(&db), 15_005);
}
