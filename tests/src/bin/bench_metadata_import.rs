//! Benchmark: national-scale metadata import (25 provinces, 103 ODs, 1,300 health centres,
//! 14,600 villages, 10 programs, 2,000 data elements, 20,000 options, 2,000 rules, en + km).
//!
//! Writes the synthetic metadata once (`phum_tests::synth`), then runs the release `phum` binary
//! to import it into a fresh database N times encrypted (the default) and N times unencrypted,
//! each in its own process, and reports the median wall time, the peak resident memory of the importing process
//! (from wait4's rusage) and the database size. Budget: < 2 s median, < 64 MB peak.
//!
//! Usage: `scripts/bench` (builds and runs this), or
//! `bench_metadata_import [--phum PATH] [--runs N]`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use phum_tests::synth::{self, Scale};

const BUDGET_SECONDS: f64 = 2.0;
const BUDGET_PEAK_MIB: f64 = 64.0;

struct Run {
    seconds: f64,
    peak_kib: u64,
    db_bytes: u64,
}

/// Time importing the national synthetic metadata with the release `phum`, encrypted and not.
#[derive(clap::Parser)]
#[command(name = "bench_metadata_import")]
struct Args {
    /// Imports per mode (encrypted, unencrypted), each into a fresh database in its own process.
    #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u64).range(1..))]
    runs: u64,
    /// The `phum` binary to run; default: the one beside this binary.
    #[arg(long)]
    phum: Option<PathBuf>,
}

fn main() {
    let args = <Args as clap::Parser>::parse();
    let phum = args.phum.unwrap_or_else(default_phum);
    let runs = args.runs as usize;
    if !phum.exists() {
        eprintln!("bench: {} not found; build it first: cargo build --release -p phum-cli", phum.display());
        std::process::exit(2);
    }
    let dir = std::env::temp_dir().join(format!("phum-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let input = dir.join("national.json");
    let started = Instant::now();
    write_input(&input);
    let input_bytes = std::fs::metadata(&input).map(|m| m.len()).unwrap_or(0);
    println!(
        "input: {} ({:.1} MB), written in {:.2} s",
        input.display(),
        input_bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );

    let mut results = Vec::new();
    for (label, encrypted) in [("encrypted (SQLCipher)", true), ("unencrypted", false)] {
        let mut measured: Vec<Run> = (0..runs).map(|i| import_once(&phum, &dir, &input, encrypted, i)).collect();
        measured.sort_by(|a, b| a.seconds.total_cmp(&b.seconds));
        let median = measured[measured.len() / 2].seconds;
        let peak = measured.iter().map(|r| r.peak_kib).max().unwrap_or(0) as f64 / 1024.0;
        let size = measured[0].db_bytes as f64 / 1e6;
        println!(
            "{label:<22} median {median:.3} s  (min {:.3}, max {:.3}, n={runs})  peak RSS {peak:.1} MiB  database {size:.1} MB",
            measured[0].seconds,
            measured[measured.len() - 1].seconds
        );
        results.push((label, median, peak));
    }
    let (_, enc_median, enc_peak) = results[0];
    let (_, plain_median, _) = results[1];
    println!(
        "cost of encryption: {:+.0}% ({:.3} s vs {:.3} s)",
        (enc_median / plain_median - 1.0) * 100.0,
        enc_median,
        plain_median
    );
    let time_ok = enc_median < BUDGET_SECONDS;
    let mem_ok = enc_peak < BUDGET_PEAK_MIB;
    println!(
        "budget: median < {BUDGET_SECONDS} s: {}; peak < {BUDGET_PEAK_MIB} MiB: {}",
        verdict(time_ok),
        verdict(mem_ok)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "met"
    } else {
        "MISSED"
    }
}

fn default_phum() -> PathBuf {
    let here = std::env::current_exe().unwrap_or_default();
    // target/release/bench_metadata_import -> target/release/phum
    here.with_file_name(format!("phum{}", std::env::consts::EXE_SUFFIX))
}

/// The national synthetic metadata, seed 1 (`phum_tests::synth`).
fn write_input(path: &Path) {
    let write = || -> std::io::Result<()> {
        let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
        synth::write_metadata(Scale::National, 1, &mut out)?;
        out.flush()
    };
    if let Err(e) = write() {
        eprintln!("bench: writing {}: {e}", path.display());
        std::process::exit(1);
    }
}

// The child is reaped by wait4 (for its rusage), not by `Child::wait`.
#[allow(clippy::zombie_processes)]
fn import_once(phum: &Path, dir: &Path, input: &Path, encrypted: bool, i: usize) -> Run {
    let db = dir.join(format!("run-{i}-{}.db", if encrypted { "enc" } else { "plain" }));
    let mut cmd = Command::new(phum);
    cmd.args(["metadata", "import", "--db"]).arg(&db);
    if !encrypted {
        cmd.arg("--unencrypted");
    }
    cmd.arg(input).stdout(Stdio::null());
    let start = Instant::now();
    let child = cmd.spawn().expect("spawn phum");
    let (ok, peak_kib) = wait_with_peak(child.id());
    let elapsed = start.elapsed();
    if !ok {
        eprintln!("bench: import {i} failed");
        std::process::exit(1);
    }
    let db_bytes = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
    for suffix in ["", "-wal", "-shm", ".key"] {
        let mut p = db.clone().into_os_string();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
    Run { seconds: secs(elapsed), peak_kib, db_bytes }
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

/// Waits for the child and returns (exited successfully, its peak resident set in KiB).
fn wait_with_peak(pid: u32) -> (bool, u64) {
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our own child, status and usage are valid out-pointers.
    let r = unsafe { libc::wait4(pid as libc::pid_t, &mut status, 0, &mut usage) };
    if r < 0 {
        return (false, 0);
    }
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    (ok, usage.ru_maxrss as u64)
}
