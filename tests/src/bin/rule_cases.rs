//! `rule_cases --kind random|synthetic|immunization|program --seed S --count N --out FILE [--today D]`:
//! writes N rule-set cases (`program`: a real-style program as DHIS2 metadata, see
//! tests/src/rulesets/program.rs), one JSON line each, with Phum's answers, for the JVM side
//! (`RuleSetDifferentialTest`, `RuleBench`) to evaluate with the official engine. `--today`
//! (yyyy-MM-dd, default: today in Asia/Phnom_Penh, the device's default zone) must be the date the
//! JVM engine runs on, because rule engine 3.4.1 reads the system clock: the JVM side passes its
//! `LocalDate.now()`. See tests/src/rulesets/.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use phum_tests::rulesets;

fn usage() -> ExitCode {
    eprintln!(
        "usage: rule_cases --kind random|synthetic|immunization|program --seed S --count N --out FILE [--today yyyy-MM-dd]"
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mut kind, mut seed, mut count, mut out) = (None, None, None, None);
    let mut today = phum_core::model::DeviceClock::default().today();
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let Some(value) = it.next() else { return usage() };
        match flag.as_str() {
            "--kind" => kind = Some(value.clone()),
            "--seed" => seed = value.parse::<u64>().ok(),
            "--count" => count = value.parse::<u64>().ok(),
            "--out" => out = Some(value.clone()),
            "--today" => match rulesets::convert::date(value) {
                Ok(d) => today = d,
                Err(e) => {
                    eprintln!("rule_cases: --today: {e}");
                    return usage();
                }
            },
            _ => return usage(),
        }
    }
    let (Some(kind), Some(seed), Some(count), Some(out)) = (kind, seed, count, out) else { return usage() };
    let file = match std::fs::File::create(&out) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("rule_cases: cannot write {out}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut w = BufWriter::new(file);
    for i in 0..count {
        let line = if kind == "program" {
            serde_json::to_string(&rulesets::program::case(seed, i, today))
        } else {
            let Some(case) = rulesets::generate(&kind, seed, i, today) else { return usage() };
            serde_json::to_string(&case)
        };
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("rule_cases: case {i}: {e}");
                return ExitCode::FAILURE;
            }
        };
        if let Err(e) = writeln!(w, "{line}") {
            eprintln!("rule_cases: writing {out}: {e}");
            return ExitCode::FAILURE;
        }
    }
    if let Err(e) = w.flush() {
        eprintln!("rule_cases: writing {out}: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
