//! `bench_rules [--runs N] FILE...`: for each rule-set case file written by `rule_cases`
//! (its first line), times "the user changed one value of the target event, re-evaluate every
//! rule" as the app does it: the event is rebuilt with the new value and `evaluate_event` builds
//! the value map from the events again. Warm-up, then N timed runs (default 5,000); prints
//! a table and one JSON line per program (`{"program", "phumMedianMicros", ...}`) for
//! scripts/bench. Build with --release.

use std::process::ExitCode;

use clap::Parser;
use std::time::Instant;

use phum_core::rules::RuleEngine;
use phum_tests::rulesets::{convert, RuleSetCase};

struct Timing {
    program: String,
    rules: usize,
    variables: usize,
    median_us: f64,
    p95_us: f64,
    effects: usize,
}

fn bench(path: &str, iterations: usize) -> Result<Timing, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let line = text.lines().next().ok_or_else(|| format!("{path}: empty"))?;
    let case: RuleSetCase = serde_json::from_str(line).map_err(|e| format!("{path}: {e}"))?;
    let spec = case.bench.clone().ok_or_else(|| format!("{path}: the case has no \"bench\""))?;
    let p = convert::prepare(&case)?;
    let engine = RuleEngine::new(p.rule_set.clone());
    let pos =
        p.events.iter().position(|e| e.uid == spec.event).ok_or_else(|| format!("{path}: no event {}", spec.event))?;
    let target = p.events[pos].clone();
    let others: Vec<_> = p.events.iter().enumerate().filter(|(i, _)| *i != pos).map(|(_, e)| e.clone()).collect();
    let mut effects = 0;
    let mut run = |i: usize| -> f64 {
        let start = Instant::now();
        let mut event = target.clone();
        let value = spec.values[i % spec.values.len()].clone();
        match event.data_values.iter_mut().find(|(de, _)| *de == spec.field) {
            Some(slot) => slot.1 = value,
            None => event.data_values.push((spec.field.clone(), value)),
        }
        let out = engine.evaluate_event(&event, p.enrollment.as_ref(), &others, &p.supplementary, p.today);
        let elapsed = start.elapsed().as_secs_f64() * 1e6;
        effects = std::hint::black_box(out.effects.len());
        elapsed
    };
    for i in 0..iterations.min(2_000) {
        run(i);
    }
    let mut times: Vec<f64> = (0..iterations).map(&mut run).collect();
    times.sort_by(f64::total_cmp);
    Ok(Timing {
        program: case.kind.clone(),
        rules: case.rule_set.rules.len(),
        variables: case.rule_set.variables.len(),
        median_us: times[times.len() / 2],
        p95_us: times[(times.len() * 95 / 100).min(times.len() - 1)],
        effects,
    })
}

/// Time re-evaluating every program rule after one value change, per rule-set case file.
#[derive(Parser)]
#[command(name = "bench_rules")]
struct Args {
    /// Timed re-evaluations per program, after a warm-up of as many (at most 2,000).
    #[arg(long, default_value_t = 5_000, value_parser = clap::value_parser!(u64).range(1..))]
    runs: u64,
    /// Case files written by `rule_cases --kind synthetic|immunization` (the first line is used).
    #[arg(required = true)]
    files: Vec<String>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let (iterations, files) = (args.runs as usize, args.files);
    if cfg!(debug_assertions) {
        eprintln!("bench_rules: this is a debug build; build with --release for real numbers");
    }
    println!(
        "{:<14} {:>6} {:>10} {:>8} {:>12} {:>10}",
        "program", "rules", "variables", "effects", "median (us)", "p95 (us)"
    );
    let mut json = Vec::new();
    for f in &files {
        match bench(f, iterations) {
            Ok(t) => {
                println!(
                    "{:<14} {:>6} {:>10} {:>8} {:>12.1} {:>10.1}",
                    t.program, t.rules, t.variables, t.effects, t.median_us, t.p95_us
                );
                json.push(serde_json::json!({
                    "program": t.program, "runs": iterations,
                    "phumMedianMicros": t.median_us, "phumP95Micros": t.p95_us,
                }));
            }
            Err(e) => {
                eprintln!("bench_rules: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    for j in json {
        println!("{j}");
    }
    ExitCode::SUCCESS
}
