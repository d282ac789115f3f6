//! `phum lint FILE... [--json]`: check the program rules and validation rules of DHIS2 metadata
//! files and print the findings. Reading files and printing are here; every check is
//! `phum_core::lint`.

use phum_core::lint::{self, Finding, MetadataFile, Summary};
use std::path::PathBuf;

use crate::error::CliError;
use crate::locale::say;

#[derive(clap::Args)]
// The checks and exit statuses after the long help: `cli-help-lint-after` (help.rs).
pub struct LintArgs {
    /// /api/metadata exports or API answers (programRules, programRuleVariables, programs,
    /// dataElements, trackedEntityAttributes, constants, validationRules, ...).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Print one JSON object per finding, then one summary object ({"summary": {...}}).
    #[arg(long)]
    json: bool,
}

/// Runs the command. Errors in the rules make `LintFoundErrors` (exit status 1, already
/// reported); a file that cannot be read or is not metadata, or files with nothing to check,
/// make exit status 2.
pub fn run(args: &LintArgs) -> Result<(), CliError> {
    let mut files = Vec::with_capacity(args.files.len());
    for path in &args.files {
        let text =
            std::fs::read_to_string(path).map_err(|source| CliError::LintUnreadable { path: path.clone(), source })?;
        files.push(MetadataFile::parse(&path.display().to_string(), &text)?);
    }
    if files.iter().all(|f| f.checkable_objects() == 0) {
        return Err(CliError::LintNothingToCheck { files: files.len() });
    }
    let findings = lint::lint(&files);
    let summary = Summary::of(files.len(), &findings);
    if args.json {
        print_json(&findings, &summary);
    } else {
        for f in &findings {
            println!("{}", f.line(crate::locale::get()));
        }
        println!("{}", say(&summary));
    }
    match summary.errors {
        0 => Ok(()),
        errors => Err(CliError::LintFoundErrors { errors }),
    }
}

fn print_json(findings: &[Finding], summary: &Summary) {
    for f in findings {
        println!("{}", serde_json::to_value(f).unwrap_or_default());
    }
    println!("{}", serde_json::json!({ "summary": summary }));
}
