//! `phum`: the command line front end of the Phum core: metadata import and summary, expressions
//! and lint, capture forms from scripts, the trainer's demo. It contains no behaviour of its own:
//! every command is a call into `phum-core`.

mod account;
mod db;
mod demo;
mod error;
mod expr;
mod form;
mod help;
mod lint;
mod locale;
mod metadata;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use phum_core::i18n::{Lang, Localize, Message};
use phum_core::msg;

use error::CliError;

/// The command line. Every about and help text shown is the catalogue's (`help`), in the
/// language of `--lang`; the doc comments here only say what each item is for.
#[derive(Parser)]
#[command(name = "phum", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of everything phum prints: en or km (default: PHUM_LANG, else en).
    // Read before clap by `locale::choose` (the help itself must be in this language); clap
    // checks it and offers it on every command.
    #[arg(long, global = true, value_name = "LANG", value_parser = locale::parse_lang)]
    #[allow(dead_code)]
    lang: Option<Lang>,
    /// Show numbers in Khmer digits (values stored and sent stay ASCII).
    #[arg(long, global = true)]
    #[allow(dead_code)]
    khmer_digits: bool,
}

#[derive(Subcommand)]
enum Command {
    /// DHIS2 metadata in the local database.
    #[command(subcommand)]
    Metadata(MetadataCommand),
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
    /// The trainer's walkthrough on practice data, in Khmer or English: find or register a
    /// person, vaccination and blood-pressure visits with the rules' messages, the overdue list,
    /// the monthly village report, what would be sent. Nothing is ever sent.
    Demo(demo::DemoArgs),
    /// Sign in to a DHIS2 account (online, or offline when it signed in here before).
    Login(account::LoginArgs),
    /// Send what was captured and receive what changed: metadata, upload, download.
    Sync(account::SyncArgs),
    /// What waits to be sent, what the server refused and why, the last sync.
    Status(account::StatusArgs),
    /// Sign out; refused while records wait to be sent, unless --discard-unsent.
    Logout(account::LogoutArgs),
}

#[derive(Subcommand)]
enum MetadataCommand {
    /// Replace all metadata with the content of FILEs, in one transaction.
    ///
    /// Each FILE is an /api/metadata export (a metadata package) or a DHIS2 answer such as
    /// /api/programs, a page of /api/organisationUnits, /api/me or /api/system/info. Together
    /// they must be complete: every reference must resolve. On any error nothing changes.
    ///
    /// An import that holds no metadata at all is refused, and so is one that would leave
    /// captured records (people, enrollments, events, data values, completions) pointing at a
    /// program, stage, org unit, data set or other metadata it no longer has, unless
    /// --allow-orphaned-records is given.
    Import {
        #[command(flatten)]
        db: db::DbArgs,
        /// Import even when captured records would point at metadata the import lacks (their
        /// forms cannot be opened until metadata that has it is imported again).
        #[arg(long)]
        allow_orphaned_records: bool,
        /// Metadata files: /api/metadata exports or DHIS2 API answers.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Count the stored metadata per collection (the database must exist).
    Summary {
        #[command(flatten)]
        db: db::DbArgs,
        /// One JSON object keyed by DHIS2 collection name.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    die_quietly_on_a_closed_pipe();
    let args: Vec<OsString> = std::env::args_os().collect();
    let env = std::env::var(locale::ENV).ok();
    let chosen = match locale::choose(&args, env.as_deref()) {
        Ok(chosen) => chosen,
        Err(problem) => return fail(CliError::Lang(problem)),
    };
    locale::set(chosen);
    let matches = match help::command(Cli::command(), chosen).try_get_matches_from(args) {
        Ok(matches) => matches,
        Err(e) => match help::usage_error(&e).filter(|_| chosen.lang != Lang::En) {
            // clap's usage errors exit with 2, as ours do.
            Some(problem) => {
                eprintln!("{}", msg!("cli-error", error = problem).localized(chosen));
                eprintln!("{}", Message::new("cli-usage-try-help").localized(chosen));
                return ExitCode::from(2);
            }
            None => e.exit(),
        },
    };
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

fn fail(e: CliError) -> ExitCode {
    if !e.already_reported() {
        eprintln!("{}", e.report(locale::get()));
    }
    ExitCode::from(e.exit_code())
}

/// `phum ... | head`: when the reader has gone, the next write ends the process by SIGPIPE, as
/// with other Unix tools, instead of Rust's default of ignoring the signal, which makes
/// `println!` panic with "failed printing to stdout: Broken pipe". Every write that matters (the
/// database) is committed before its result is printed, so nothing is lost.
fn die_quietly_on_a_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in `main`, before any other thread exists; SIG_DFL is a valid
    // disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        Command::Metadata(MetadataCommand::Import { db, allow_orphaned_records, files }) => {
            metadata::import(&db, &files, allow_orphaned_records)
        }
        Command::Metadata(MetadataCommand::Summary { db, json }) => metadata::summary(&db, json),
        Command::Expr(command) => expr::run(command),
        Command::Lint(args) => lint::run(&args),
        Command::Form(command) => form::run(command, locale::get()),
        Command::Demo(args) => demo::run(args, locale::get()),
        Command::Login(args) => account::login(&args),
        Command::Sync(args) => account::sync(&args),
        Command::Status(args) => account::status(&args),
        Command::Logout(args) => account::logout(&args),
    }
}
