//! Embeds the Fluent catalogues: every `locales/en/*.ftl` with its `locales/km/` twin (a file
//! missing in one language fails the build), listed in `$OUT_DIR/catalogue_files.rs` for
//! `i18n::catalogue`.

use std::fmt::Write;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let locales = manifest.join("../locales");
    println!("cargo:rerun-if-changed={}", locales.display());
    for lang in ["en", "km"] {
        println!("cargo:rerun-if-changed={}", locales.join(lang).display());
    }
    let mut names: Vec<String> = ftl_files(&locales.join("en"));
    names.sort();
    let mut km: Vec<String> = ftl_files(&locales.join("km"));
    km.sort();
    assert_eq!(names, km, "locales/en and locales/km must hold the same .ftl files");
    let mut out = String::from("/// (file name, English text, Khmer text) of every catalogue file.\n");
    out.push_str("pub const FILES: &[(&str, &str, &str)] = &[\n");
    for name in &names {
        let en = locales.join("en").join(name);
        let km = locales.join("km").join(name);
        println!("cargo:rerun-if-changed={}", en.display());
        println!("cargo:rerun-if-changed={}", km.display());
        writeln!(out, "    ({name:?}, include_str!({:?}), include_str!({:?})),", abs(&en), abs(&km)).unwrap();
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalogue_files.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}

fn ftl_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".ftl"))
        .collect()
}

fn abs(path: &Path) -> String {
    path.canonicalize().unwrap_or_else(|e| panic!("{}: {e}", path.display())).display().to_string()
}
