//! The probe's functions really run the app's paths (so the sizes measure working code), on the
//! immunization fixture: import, a registration with its dashboard and working lists, the rule
//! engine, search, value checks.

use std::ffi::CString;
use std::path::Path;

use phum_size_probe::*;

fn c(s: &str) -> CString {
    CString::new(s).unwrap()
}

#[test]
fn the_app_paths_run_through_the_probe() {
    let dir = tempfile::tempdir().unwrap();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../core/tests/fixtures/phum/immunization_program.json");
    let json = c(&std::fs::read_to_string(fixture).unwrap());
    let path = c(dir.path().join("probe.db").to_str().unwrap());
    let key = c(&"ab".repeat(32));
    // SAFETY: every pointer is a live CString or the open store, closed once at the end.
    unsafe {
        let store = phum_probe_open(path.as_ptr(), key.as_ptr());
        assert!(!store.is_null());
        assert!(phum_probe_import(store, c("imm.json").as_ptr(), json.as_ptr()) > 10);
        let (program, unit, today) = (c("SchImmProg1"), c("SchOUHCAngT"), c("2026-11-20"));
        let name = (c("SchTEAName1"), c("Sok Dara"));
        let shown = phum_probe_registration(
            store,
            program.as_ptr(),
            unit.as_ptr(),
            today.as_ptr(),
            name.0.as_ptr(),
            name.1.as_ptr(),
        );
        assert!(shown > 0, "{shown}");
        assert!(phum_probe_rules(store, program.as_ptr(), today.as_ptr()) >= 0);
        assert_eq!(phum_probe_search(store, program.as_ptr(), c("sok").as_ptr()), 1);
        assert_eq!(phum_probe_check_value(c("INTEGER_POSITIVE").as_ptr(), c("12").as_ptr()), 1);
        assert_eq!(phum_probe_check_value(c("INTEGER_POSITIVE").as_ptr(), c("-1").as_ptr()), 0);
        phum_probe_close(store);
    }
}
