//! `phum login`, `sync`, `status` and `logout` against the DHIS2 test server
//! (`phum_tests::dhis2_server`) over HTTP on loopback: a wrong password is refused and leaves no
//! account behind, the right one signs in and syncs, `status` reports nothing waiting, and
//! signing out works; the same in Khmer.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use phum_tests::dhis2_server::{ServerSetup, TestServer, DEMO_PASSWORD};

/// Runs phum with `password` on standard input (no PHUM_PASSWORD).
fn phum(dir: &Path, args: &[&str], password: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_phum"))
        .args(args)
        .args(["--dir", dir.to_str().unwrap()])
        .env_remove("PHUM_PASSWORD")
        .env_remove("PHUM_LANG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
    child.wait_with_output().unwrap()
}

fn text(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

#[test]
fn a_health_worker_signs_in_syncs_checks_and_signs_out() {
    let server = TestServer::start(ServerSetup::demo());
    let dir = tempfile::tempdir().unwrap();
    let url = server.url();

    let wrong = phum(dir.path(), &["login", "--server", &url, "--user", "trainee"], "not-the-password");
    assert_eq!(wrong.status.code(), Some(1), "{}", text(&wrong));
    assert!(text(&wrong).contains("refused the username or password"), "{}", text(&wrong));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "a failed first sign-in leaves nothing");

    let login = phum(dir.path(), &["login", "--server", &url, "--user", "trainee"], DEMO_PASSWORD);
    assert!(login.status.success(), "{}", text(&login));
    assert!(text(&login).contains("Signed in as trainee"), "{}", text(&login));

    let sync = phum(dir.path(), &["sync"], DEMO_PASSWORD);
    assert!(sync.status.success(), "{}", text(&sync));
    assert!(text(&sync).contains("Nothing was refused"), "{}", text(&sync));
    assert!(
        server.requests().iter().any(|r| r.path_and_query.starts_with("/api/system/info")),
        "the sync asked the server"
    );

    let wrong_sync = phum(dir.path(), &["sync"], "not-the-password");
    assert_eq!(wrong_sync.status.code(), Some(1));
    let before = server.requests().len();
    assert!(text(&wrong_sync).contains("trainee"), "{}", text(&wrong_sync));
    assert_eq!(server.requests().len(), before, "a wrong password is caught before the server");

    let status = phum(dir.path(), &["--lang", "km", "status"], "");
    assert!(status.status.success(), "{}", text(&status));
    assert!(text(&status).contains("កំពុងរង់ចាំផ្ញើ"), "{}", text(&status));

    let logout = phum(dir.path(), &["logout"], "");
    assert!(logout.status.success(), "{}", text(&logout));
    let after = phum(dir.path(), &["status"], "");
    assert_eq!(after.status.code(), Some(1));
    assert!(text(&after).contains("phum login"), "{}", text(&after));
}
