//! Sync benchmarks against the DHIS2 test server running as its own process
//! (`dhis2_test_server`), so that the peak memory reported is the device's alone:
//! - `upload`: send P people with an enrollment and E visits each, captured in an encrypted
//!   store (budget: 10,000 events and 2,000 people in < 15 s, memory flat in the number of
//!   events: compare the runs at 1,000 and 10,000);
//! - `download`: receive a health centre's catchment, P people with an enrollment and 5 visits
//!   each, search index included (budget: 20,000 people in < 10 s, peak memory < 100 MB);
//! - `metadata`: download and import the national-scale metadata (time and peak memory).
//!
//! Usage: `bench_sync [--runs N]` runs every part (each run in a process of its own, the median
//! printed); `bench_sync upload|download|metadata [--people P] [--events E]` runs one part once
//! and prints `seconds peak_mb`.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Instant;

use phum_core::model::DeviceClock;
use phum_core::store::{DbKey, Store};
use phum_core::sync::client::ClientOptions;
use phum_core::sync::download::scope::Scope;
use phum_core::sync::download::DownloadOptions;
use phum_core::sync::progress::Quiet;

/// A server process and its address.
struct Server {
    child: Child,
    url: String,
}

impl Server {
    fn start(args: &[&str]) -> Server {
        let exe = std::env::current_exe().expect("own path").with_file_name("dhis2_test_server");
        let mut child = Command::new(exe)
            .args(args)
            .arg("--stop-on-eof")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("dhis2_test_server (build it with: cargo build --release -p phum-tests --bins)");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line).expect("its address");
        let url = line.trim().strip_prefix("URL ").expect("URL line").to_string();
        Server { child, url }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.wait();
    }
}

/// The process's peak resident memory, in MB.
fn peak_mb() -> f64 {
    // SAFETY: getrusage writes into the zeroed struct it is given.
    let usage = unsafe {
        let mut u: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut u);
        u
    };
    usage.ru_maxrss as f64 / 1024.0
}

/// An encrypted store signed in to `server`, without metadata.
fn connect(dir: &Path, server: &Server) -> (Store, phum_core::sync::client::Client) {
    let store = Store::open(&dir.join("account.db"), Some(&DbKey::generate())).expect("store");
    let account = phum_core::store::Account::Server { url: server.url.clone(), username: "trainee".into() };
    let target = phum_core::sync::connect_target(&store, &account).expect("target");
    let credentials = phum_core::sync::client::Credentials::Password {
        username: "trainee".into(),
        password: phum_tests::dhis2_server::DEMO_PASSWORD.into(),
    };
    let client =
        phum_core::sync::client::Client::connect(&target, credentials, ClientOptions::default()).expect("client");
    (store, client)
}

/// [`connect`], with the demo's metadata.
fn device(dir: &Path, server: &Server) -> (Store, phum_core::sync::client::Client) {
    let (mut store, client) = connect(dir, server);
    phum_core::demo::dataset::import(&mut store).expect("the demo's metadata");
    (store, client)
}

fn upload(people: usize, events: usize) -> f64 {
    let server = Server::start(&[]);
    let dir = tempfile::tempdir().expect("dir");
    let (mut store, client) = device(dir.path(), &server);
    let clock = DeviceClock::default();
    phum_tests::sync_data::captured_people(&mut store, people, events, &clock).expect("captured");
    let started = Instant::now();
    let counts = phum_core::sync::upload::tracker::upload(&client, &mut store, &clock, &Quiet).expect("upload");
    let seconds = started.elapsed().as_secs_f64();
    assert_eq!(counts.stored, people * (2 + events), "everything stored: {counts:?}");
    seconds
}

fn download(people: usize) -> f64 {
    let server = Server::start(&["--people", &people.to_string()]);
    let dir = tempfile::tempdir().expect("dir");
    let (mut store, client) = device(dir.path(), &server);
    let clock = DeviceClock::default();
    let scope = Scope::read(&store).expect("scope");
    let options = DownloadOptions { page_size: 500, limit_per_org_unit: people + 1 };
    let mut done = 0;
    let started = Instant::now();
    let counts =
        phum_core::sync::download::tracker::download(&client, &mut store, &scope, &clock, &Quiet, options, &mut done)
            .expect("download");
    let seconds = started.elapsed().as_secs_f64();
    assert_eq!(counts.received, people * 7, "every person, enrollment and visit: {counts:?}");
    seconds
}

fn metadata() -> f64 {
    let server = Server::start(&["--national"]);
    let dir = tempfile::tempdir().expect("dir");
    let (mut store, client) = connect(dir.path(), &server);
    let started = Instant::now();
    phum_core::sync::metadata::download(&client, &mut store, &Quiet).expect("metadata");
    started.elapsed().as_secs_f64()
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// Runs one part `runs` times, each in its own process; returns median seconds and peak MB.
fn measure(runs: usize, args: &[String]) -> (f64, f64) {
    let exe = std::env::current_exe().expect("own path");
    let mut seconds = Vec::new();
    let mut peaks = Vec::new();
    for _ in 0..runs {
        let out = Command::new(&exe).args(args).output().expect("a run");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8_lossy(&out.stdout);
        let mut parts = text.split_whitespace().map(|p| p.parse::<f64>().expect("a number"));
        seconds.push(parts.next().expect("seconds"));
        peaks.push(parts.next().expect("peak"));
    }
    (median(seconds), median(peaks))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str, default: usize| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .map_or(default, |v| v.parse().expect("a number"))
    };
    let one = |seconds: f64| println!("{seconds:.3} {:.1}", peak_mb());
    match args.first().map(String::as_str) {
        Some("upload") => one(upload(value("--people", 2000), value("--events", 5))),
        Some("download") => one(download(value("--people", 20_000))),
        Some("metadata") => one(metadata()),
        _ => {
            // Each run is a whole upload or download: at most 7, whatever `scripts/bench --runs` asks.
            let runs = value("--runs", 3).min(7);
            let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
            println!("sync benchmarks, median of {runs} runs, each in its own process (the server in another)");
            for (people, events) in [(200, 5), (2000, 5)] {
                let (secs, peak) =
                    measure(runs, &s(&["upload", "--people", &people.to_string(), "--events", &events.to_string()]));
                println!(
                    "upload {people} people + {} events: {secs:.2} s (budget at 10,000 events: < 15 s), peak memory {peak:.0} MB",
                    people * events
                );
            }
            let (secs, peak) = measure(runs, &s(&["download", "--people", "20000"]));
            println!("download 20,000 people x (1 enrollment + 5 events), search index kept: {secs:.2} s (budget < 10 s), peak memory {peak:.0} MB (budget < 100 MB)");
            let (secs, peak) = measure(runs, &s(&["metadata"]));
            println!("national metadata download and import: {secs:.2} s, peak memory {peak:.0} MB");
        }
    }
}
