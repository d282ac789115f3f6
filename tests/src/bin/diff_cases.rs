//! `diff_cases --seed S --count N --out FILE`: writes N random expression cases, one JSON line
//! each, with Phum's own answers, for the JVM oracle's `DifferentialTest` to compare with the
//! official engine. See tests/src/diff/ and tests/jvm-oracle/KNOWN_DIFFERENCES.md.

#[path = "../diff/mod.rs"]
mod diff;

use std::io::{BufWriter, Write};
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!("usage: diff_cases --seed S --count N --out FILE");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mut seed, mut count, mut out) = (None, None, None);
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let Some(value) = it.next() else { return usage() };
        match flag.as_str() {
            "--seed" => seed = value.parse::<u64>().ok(),
            "--count" => count = value.parse::<u64>().ok(),
            "--out" => out = Some(value.clone()),
            _ => return usage(),
        }
    }
    let (Some(seed), Some(count), Some(out)) = (seed, count, out) else { return usage() };
    let file = match std::fs::File::create(&out) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("diff_cases: cannot write {out}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut w = BufWriter::new(file);
    for i in 0..count {
        if let Err(e) = writeln!(w, "{}", diff::case(seed, i)) {
            eprintln!("diff_cases: writing {out}: {e}");
            return ExitCode::FAILURE;
        }
    }
    if let Err(e) = w.flush() {
        eprintln!("diff_cases: writing {out}: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
