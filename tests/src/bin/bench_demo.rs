//! Benchmark: the demo account. Budget: reset < 1 s (issue 9: "reset to its initial state in
//! under a second").
//!
//! Times, in a fresh folder each run and an encrypted database as on a phone:
//! - the first open: `demo::open` with no file yet (mark, import of the bundled metadata, about 200
//!   people with their histories, the VHSG reports, the pristine copy, the database opened);
//! - reset: `demo::reset` after a trainee's change (a person registered, a visit's value set),
//!   back to the exact initial state and opened again.
//!
//! Usage: `scripts/bench` (builds and runs this), or `bench_demo [--runs N]`.

use std::time::{Duration, Instant};

use phum_core::demo::{self, dataset};
use phum_core::form::{FormContext, FormSession};
use phum_core::model::DeviceClock;
use phum_core::schedule::{overdue, Page};
use phum_core::store::{DbKey, Store};

const BUDGET_RESET_MS: f64 = 1000.0;

fn median_ms(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    (ms(times[times.len() / 2]), ms(times[times.len() - 1]))
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

/// What a trainee does between two resets: registers someone, records a weight at an overdue visit.
fn practise(store: &mut Store, clock: &DeviceClock) -> Result<(), Box<dyn std::error::Error>> {
    let ctx = FormContext::new(*clock);
    let today = clock.today();
    let hc = dataset::org_units::TRAINEE_HEALTH_CENTRE;
    let (mut reg, _) = FormSession::new_registration(store, dataset::ncd::PROGRAM, hc, today, today, &ctx)?;
    reg.set_value(store, dataset::person::NAME_KHMER.as_str(), Some("ទេព សុភា"))?;
    let list = overdue(store, dataset::immunization::PROGRAM, hc, today, Page::first(1), phum_core::i18n::Lang::En)?;
    let (mut visit, _) = FormSession::open_event(store, list.rows[0].event, &ctx)?;
    visit.set_value(store, dataset::immunization::CHILD_WEIGHT.as_str(), Some("7.5"))?;
    Ok(())
}

/// Time the demo account's first open and its reset, in an encrypted database.
#[derive(clap::Parser)]
#[command(name = "bench_demo")]
struct Args {
    /// Timed first opens (each in a new folder) and timed resets.
    #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u64).range(1..))]
    runs: u64,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = <Args as clap::Parser>::parse();
    let runs = args.runs as usize;
    let clock = DeviceClock::default();
    let key = DbKey::generate();
    let load_before = load_average();

    let mut first_opens = Vec::with_capacity(runs);
    let mut kept = None;
    let mut summary = None;
    for _ in 0..runs {
        let dir = tempfile::tempdir()?;
        let started = Instant::now();
        let opened = demo::open(dir.path(), &key, &clock)?;
        first_opens.push(started.elapsed());
        summary = opened.people;
        kept = Some((dir, opened.store));
    }
    let (dir, mut store) = kept.ok_or("no run")?;
    let sizes: u64 = std::fs::read_dir(dir.path())?
        .map(|e| e.map(|e| e.metadata().map(|m| m.len()).unwrap_or(0)))
        .sum::<Result<u64, _>>()?;

    let mut resets = Vec::with_capacity(runs);
    for _ in 0..runs {
        practise(&mut store, &clock)?;
        let started = Instant::now();
        store = demo::reset(store, &key)?;
        resets.push(started.elapsed());
    }
    let load_after = load_average();

    let (open_median, open_max) = median_ms(first_opens);
    let (reset_median, reset_max) = median_ms(resets);
    if let Some(s) = summary {
        println!(
            "demo dataset: {} children, {} adults, {} events, {} village reports; files {:.1} MB (database and pristine copy)",
            s.children,
            s.adults,
            s.events,
            s.reports,
            sizes as f64 / 1e6
        );
    }
    println!("first open (mark, import, people, reports, pristine copy, open), {runs} runs: median {open_median:.0} ms  max {open_max:.0} ms");
    println!(
        "reset after a trainee's changes, {runs} runs: median {reset_median:.1} ms  max {reset_max:.1} ms  budget < {BUDGET_RESET_MS} ms: {}",
        if reset_max < BUDGET_RESET_MS { "within" } else { "OVER" }
    );
    println!("load average before {load_before}, after {load_after}");
    println!(
        "{{\"bench\":\"demo\",\"runs\":{runs},\"firstOpenMedianMs\":{open_median:.1},\"firstOpenMaxMs\":{open_max:.1},\
         \"resetMedianMs\":{reset_median:.2},\"resetMaxMs\":{reset_max:.2}}}"
    );
    Ok(())
}
