//! Writes the deterministic synthetic DHIS2 metadata that the import benchmark reads
//! (`phum_tests::synth`) as one `/api/metadata` export, and prints what it wrote.
//!
//! Usage: `synth_metadata --out FILE [--scale national|small] [--seed N]`; scripts/demo runs it.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use phum_tests::synth::{self, Scale};

/// Write deterministic synthetic DHIS2 metadata (the benchmark input) as an /api/metadata export.
#[derive(Parser)]
#[command(name = "synth_metadata")]
struct Args {
    /// How much metadata.
    #[arg(long, value_enum, default_value = "national")]
    scale: ScaleArg,
    /// The file to write.
    #[arg(long)]
    out: PathBuf,
    /// The random seed; the same scale and seed write the same bytes.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

#[derive(Clone, Copy, ValueEnum)]
enum ScaleArg {
    /// 25 provinces, 103 ODs, 1,300 health centres, 14,600 villages, 10 programs, 2,000 rules.
    National,
    /// A few of everything, for quick tests.
    Small,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let scale = match args.scale {
        ScaleArg::National => Scale::National,
        ScaleArg::Small => Scale::Small,
    };
    let write = || -> std::io::Result<synth::SynthCounts> {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&args.out)?);
        let counts = synth::write_metadata(scale, args.seed, &mut out)?;
        out.flush()?;
        Ok(counts)
    };
    match write() {
        Ok(c) => {
            println!(
                "wrote {}: {} org units, {} programs ({} stages), {} data elements, {} option sets with {} options, \
                 {} program rules ({} actions, {} variables), {} attributes, {} data sets, {} category option combos",
                args.out.display(),
                c.organisation_units,
                c.programs,
                c.program_stages,
                c.data_elements,
                c.option_sets,
                c.options,
                c.program_rules,
                c.program_rule_actions,
                c.program_rule_variables,
                c.tracked_entity_attributes,
                c.data_sets,
                c.category_option_combos
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("synth_metadata: {}: {e}", args.out.display());
            ExitCode::FAILURE
        }
    }
}
