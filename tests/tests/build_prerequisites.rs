//! What building Phum needs: the workspace's `rust-version` covers every locked dependency, host
//! builds link the system's libcrypto while Android builds compile OpenSSL into SQLCipher, and
//! `scripts/lib/prerequisites.sh` (sourced by scripts/test, demo, bench and size) says how to get
//! Rust and installs with apt only the Debian packages that are missing. The script runs here on a
//! fake PATH: stand-ins for rustc, dpkg-query, apt-get, sudo and id that log what they are asked.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn cargo(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO")).args(args).current_dir(root()).output().unwrap();
    assert!(out.status.success(), "cargo {args:?}: {}", text(&out.stderr));
    text(&out.stdout)
}

/// "1.89" or "1.89.0" as comparable numbers (missing parts are 0).
fn version(text: &str) -> [u64; 3] {
    let mut parts = text.split('.').map(|p| p.parse::<u64>().unwrap());
    [0; 3].map(|_| parts.next().unwrap_or(0))
}

/// The `rust-version` of `[workspace.package]` in the root Cargo.toml.
fn workspace_rust_version() -> String {
    let manifest = fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let line = manifest.lines().find(|l| l.starts_with("rust-version")).unwrap();
    line.split('"').nth(1).unwrap().to_owned()
}

#[test]
fn workspace_rust_version_is_no_older_than_any_locked_dependency_needs() {
    let metadata: serde_json::Value =
        serde_json::from_str(&cargo(&["metadata", "--format-version", "1", "--locked"])).unwrap();
    let members = metadata["workspace_members"].as_array().unwrap();
    let ours = version(&workspace_rust_version());
    for package in metadata["packages"].as_array().unwrap() {
        let name = package["name"].as_str().unwrap();
        let needs = package["rust_version"].as_str();
        if members.contains(&package["id"]) {
            assert_eq!(needs.map(version), Some(ours), "{name} must inherit the workspace's rust-version");
        } else if let Some(needs) = needs {
            assert!(version(needs) <= ours, "{name} needs Rust {needs}, the workspace says {ours:?}");
        }
    }
}

#[test]
fn host_builds_link_system_libcrypto_and_android_builds_compile_openssl_in() {
    let tree = |target: &[&str]| {
        let mut args = vec!["tree", "-e", "features", "--workspace", "--locked"];
        args.extend(target);
        cargo(&args)
    };
    let host = tree(&[]);
    assert!(host.contains("libsqlite3-sys feature \"bundled-sqlcipher\""), "{host}");
    assert!(!host.contains("vendored") && !host.contains("openssl"), "{host}");
    let android = tree(&["--target", "aarch64-linux-android"]);
    assert!(android.contains("libsqlite3-sys feature \"bundled-sqlcipher-vendored-openssl\""), "{android}");
    assert!(android.contains("openssl-sys feature \"vendored\""), "{android}");
}

/// A PATH holding only the tools the script uses: real text tools, and stand-ins for the rest.
struct FakeHost {
    dir: tempfile::TempDir,
}

impl FakeHost {
    /// `rustc`: the version the stand-in prints (None: no Rust at all); `installed`: the Debian
    /// packages dpkg-query reports; `commands`: other commands present; `uid`: what `id -u` says.
    fn new(rustc: Option<&str>, installed: &[&str], commands: &[&str], uid: u32) -> FakeHost {
        let host = FakeHost { dir: tempfile::tempdir().unwrap() };
        fs::create_dir(host.bin()).unwrap();
        let path = std::env::var_os("PATH").unwrap();
        for tool in ["bash", "sed", "awk", "grep", "sort", "head", "cat", "env"] {
            let real = std::env::split_paths(&path).map(|d| d.join(tool)).find(|p| p.is_file()).unwrap();
            std::os::unix::fs::symlink(real, host.bin().join(tool)).unwrap();
        }
        let log = host.log_path();
        let log = log.display();
        if let Some(version) = rustc {
            host.script("rustc", &format!("echo 'rustc {version} (fake)'"));
            host.script("cargo", "exit 0");
        }
        fs::write(host.dir.path().join("installed"), installed.join("\n") + "\n").unwrap();
        let installed = host.dir.path().join("installed");
        host.script(
            "dpkg-query",
            &format!("for p; do :; done\ngrep -qx \"$p\" '{}' && printf 'install ok installed'", installed.display()),
        );
        host.script("apt-get", &format!("echo \"apt-get $*\" >> '{log}'"));
        host.script("sudo", &format!("echo sudo >> '{log}'\nexec \"$@\""));
        host.script("id", &format!("echo {uid}"));
        for command in commands {
            host.script(command, "exit 0");
        }
        host
    }

    fn bin(&self) -> PathBuf {
        self.dir.path().join("bin")
    }

    fn log_path(&self) -> PathBuf {
        self.dir.path().join("log")
    }

    fn script(&self, name: &str, body: &str) {
        let path = self.bin().join(name);
        fs::write(&path, format!("#!{}\n{body}\n", self.bin().join("bash").display())).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
    }

    /// Sources the script as scripts/test does and calls `prerequisites_install ARGS`.
    fn install(&self, args: &[&str]) -> Output {
        Command::new(self.bin().join("bash"))
            .args([
                "-c",
                "set -euo pipefail; source scripts/lib/prerequisites.sh; prerequisites_install \"$@\"",
                "bash",
            ])
            .args(args)
            .current_dir(root())
            .env_clear()
            .env("PATH", self.bin())
            .output()
            .unwrap()
    }

    /// What apt-get and sudo were asked, one line each.
    fn log(&self) -> Vec<String> {
        fs::read_to_string(self.log_path()).unwrap_or_default().lines().map(str::to_owned).collect()
    }
}

const BUILD_NEEDS: [&str; 2] = ["libc6-dev", "libssl-dev"];

#[test]
fn prerequisites_name_rustup_when_rust_is_missing_and_install_nothing() {
    let host = FakeHost::new(None, &[], &[], 0);
    let out = host.install(&[]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.starts_with("Rust is missing."), "{stderr}");
    assert!(stderr.contains(&format!("Rust {} or newer", workspace_rust_version())), "{stderr}");
    assert!(stderr.contains("https://sh.rustup.rs"), "{stderr}");
    assert_eq!(host.log(), Vec::<String>::new());
}

#[test]
fn prerequisites_refuse_a_rustc_older_than_the_workspace_rust_version() {
    let [major, minor, _] = version(&workspace_rust_version());
    let older = format!("{major}.{}.9", minor - 1);
    let host = FakeHost::new(Some(&older), &BUILD_NEEDS, &["cc"], 0);
    let out = host.install(&[]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let expected =
        format!("rustc {older} is older than Rust {}, the workspace's rust-version", workspace_rust_version());
    assert!(stderr.starts_with(&expected), "{stderr}");
    assert!(stderr.contains("rustup"), "{stderr}");

    // The same version passes, and so does a newer one with a suffix.
    for ok in [format!("{major}.{minor}.0"), format!("{major}.{}.0-nightly", minor + 1)] {
        let host = FakeHost::new(Some(&ok), &BUILD_NEEDS, &["cc"], 0);
        let out = host.install(&[]);
        assert!(out.status.success(), "rustc {ok}: {}", text(&out.stderr));
        assert_eq!(host.log(), Vec::<String>::new(), "nothing is missing, nothing installed");
    }
}

#[test]
fn prerequisites_install_only_the_missing_packages_with_apt() {
    // No C compiler, libssl-dev or javac; libc6-dev and Maven present.
    let host = FakeHost::new(Some("1.200.0"), &["libc6-dev"], &["mvn"], 0);
    let out = host.install(&["--command", "javac", "default-jdk-headless", "--command", "mvn", "maven"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "installing: gcc libssl-dev default-jdk-headless\n");
    assert_eq!(host.log(), ["apt-get update -qq", "apt-get install -y -qq gcc libssl-dev default-jdk-headless"]);
}

#[test]
fn prerequisites_install_through_sudo_when_not_root() {
    let host = FakeHost::new(Some("1.200.0"), &["libc6-dev"], &["cc"], 1000);
    let out = host.install(&[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(host.log(), ["sudo", "apt-get update -qq", "sudo", "apt-get install -y -qq libssl-dev"]);
}
