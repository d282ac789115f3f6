//! The synthetic-metadata generator of the benchmarks (`synth_metadata`, `phum_tests::synth`):
//! its output imports cleanly, and the same seed writes the same bytes.

use std::path::Path;
use std::process::Command;

use phum_core::model::Collection;
use phum_core::store::import::ImportSource;
use phum_core::store::Store;

fn synth(dir: &Path, out: &str, args: &[&str]) -> String {
    let result = Command::new(env!("CARGO_BIN_EXE_synth_metadata"))
        .current_dir(dir)
        .args(["--out", out])
        .args(args)
        .output()
        .unwrap();
    assert!(result.status.success(), "{}", String::from_utf8_lossy(&result.stderr));
    String::from_utf8(result.stdout).unwrap()
}

#[test]
fn synthetic_metadata_imports_cleanly_and_the_same_seed_writes_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let out = synth(dir.path(), "small.json", &["--scale", "small"]);
    assert!(out.starts_with("wrote small.json: 67 org units, 3 programs"), "{out}");
    let mut store = Store::open_in_memory().unwrap();
    store.import_metadata(&[ImportSource::File(dir.path().join("small.json"))]).unwrap();
    let counts = store.metadata_counts().unwrap();
    assert_eq!(counts[&Collection::OrganisationUnits], 67);
    assert_eq!(counts[&Collection::ProgramRules], 40);
    synth(dir.path(), "again.json", &["--scale", "small", "--seed", "1"]);
    assert_eq!(
        std::fs::read(dir.path().join("small.json")).unwrap(),
        std::fs::read(dir.path().join("again.json")).unwrap()
    );
}

#[test]
fn help_describes_every_option() {
    let out = Command::new(env!("CARGO_BIN_EXE_synth_metadata")).arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for needle in ["--scale", "--out", "--seed", "same bytes"] {
        assert!(help.contains(needle), "{needle}: {help}");
    }
}
