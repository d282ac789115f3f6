//! Packs the library's relative relocations, which are most of its relocation table: every
//! pointer in its read-only data (vtables, string slices, panic locations) needs one, 24 bytes
//! each unpacked. Only the cdylib is linked this way (`rustc-cdylib-link-arg`), not the tests.
//!
//! - Android: the platform's packed relocations (`--pack-dyn-relocs=android`, lld; loaded by
//!   Android 6.0 (API 23) and later, below the app's minSdk 24).
//! - Linux with GNU ld 2.38+ and glibc 2.36+ (Debian 12): RELR (`-z pack-relative-relocs`).

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    match (os.as_str(), env.as_str()) {
        ("android", _) => println!("cargo:rustc-cdylib-link-arg=-Wl,--pack-dyn-relocs=android"),
        ("linux", "gnu") => println!("cargo:rustc-cdylib-link-arg=-Wl,-z,pack-relative-relocs"),
        _ => {}
    }
    println!("cargo:rerun-if-changed=build.rs");
}
