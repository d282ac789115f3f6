//! `phum`: the command line front end of the Phum core: metadata import and summary, expressions
//! and lint, capture forms from scripts, and developer tools. It contains no behaviour of its own: every command is a call into
//! `phum-core`.

mod db;
mod error;
mod expr;
mod form;
mod lint;
mod metadata;
mod synth;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use error::CliError;

#[derive(Parser)]
#[command(
    name = "phum",
    version,
    about = "Phum: offline DHIS2 data capture for Cambodia's health workers (command line)",
    long_about = "Phum: offline DHIS2 data capture for Cambodia's health workers.\n\n\
        The database is encrypted with SQLCipher. Unless --key-file is given, the key is kept in\n\
        <db>.key beside the database (created with mode 0600 together with a new database)."
)]
struct Cli {
    /// The account database (one file per account).
    #[arg(long, global = true, default_value = "phum.db")]
    db: PathBuf,
    /// The file holding the database key (64 hex digits); default: <db>.key.
    #[arg(long, global = true)]
    key_file: Option<PathBuf>,
    /// Open or create the database without encryption (benchmarks and debugging only).
    #[arg(long, global = true, conflicts_with = "key_file")]
    unencrypted: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// DHIS2 metadata in the local database.
    #[command(subcommand)]
    Metadata(MetadataCommand),
    /// Developer tools.
    #[command(subcommand)]
    Dev(DevCommand),
    /// The DHIS2 expression language of program rules: evaluate one expression, run test vectors.
    #[command(subcommand)]
    Expr(expr::ExprCommand),
    /// Check program rules and validation rules in DHIS2 metadata files (no database needed).
    ///
    /// Reports syntax errors, unknown variables, functions and constants, type mistakes, and
    /// expressions whose result depends on upstream quirks, with a suggested rewrite.
    Lint(lint::LintArgs),
    /// Capture forms from a script: replay a visit (new or open forms, set values, complete),
    /// working lists, an enrollment's dashboard and people search, against the database.
    #[command(subcommand)]
    Form(form::FormCommand),
}

#[derive(Subcommand)]
enum MetadataCommand {
    /// Replace all metadata with the content of FILEs, in one transaction.
    ///
    /// Each FILE is an /api/metadata export (a metadata package) or a DHIS2 answer such as
    /// /api/programs, a page of /api/organisationUnits, /api/me or /api/system/info. Together
    /// they must be complete: every reference must resolve. On any error nothing changes.
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Count the stored metadata per collection.
    Summary {
        /// One JSON object keyed by DHIS2 collection name.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum DevCommand {
    /// Write deterministic synthetic metadata (the benchmark input) as an /api/metadata export.
    SynthMetadata {
        #[arg(long, value_enum, default_value = "national")]
        scale: ScaleArg,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ScaleArg {
    /// 25 provinces, 103 ODs, 1,300 health centres, 14,600 villages, 10 programs, 2,000 rules.
    National,
    /// A few of everything, for quick tests.
    Small,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if !e.already_reported() {
                eprintln!("phum: error: {e}");
            }
            ExitCode::from(e.exit_code())
        }
    }
}

fn run(cli: Cli) -> Result<(), CliError> {
    let key = db::KeyChoice::from_args(&cli.db, cli.key_file.as_deref(), cli.unencrypted);
    match cli.command {
        Command::Metadata(MetadataCommand::Import { files }) => metadata::import(&cli.db, &key, &files),
        Command::Metadata(MetadataCommand::Summary { json }) => metadata::summary(&cli.db, &key, json),
        Command::Dev(DevCommand::SynthMetadata { scale, out, seed }) => {
            let scale = match scale {
                ScaleArg::National => synth::Scale::National,
                ScaleArg::Small => synth::Scale::Small,
            };
            metadata::synth(scale, seed, &out)
        }
        Command::Expr(command) => expr::run(command),
        Command::Lint(args) => lint::run(&args),
        Command::Form(command) => form::run(&cli.db, &key, command),
    }
}
