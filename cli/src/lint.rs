//! `phum lint FILE... [--json]`: check the program rules and validation rules of DHIS2 metadata
//! files and print the findings. Reading files and printing are here; every check is
//! `phum_core::lint`.

use phum_core::lint::{self, Finding, MetadataFile, Summary};
use std::path::PathBuf;

use crate::error::CliError;

#[derive(clap::Args)]
#[command(after_long_help = "\
CHECKS
  Errors: syntax, unknown-variable (#{}, A{}, V{}, quoted names), unknown-function, wrong-arity,
  unknown-constant, unavailable-environment-variable (a V{} the Android engine never fills),
  type-mismatch, non-boolean-condition, quirk-date-string-compare (a DATE V{} compared with text:
  == is always false, < fails), quirk-round-negative-precision, missing-location
  (DISPLAYKEYVALUEPAIR), missing-section (HIDESECTION), assign-without-target,
  unknown-data-element and unknown-category-option-combo (validation rules), variable-left-out (a
  rule variable that names neither a data element nor an attribute and is not CALCULATED_VALUE:
  Android Capture drops it).
  Warnings: quirk-grouping (upstream reads a - b + c as a - (b + c) and a / b * c as a / (b * c)),
  quirk-remainder (10 % 3 is 0.1 upstream), quirk-assign-truncation (ASSIGN of a fraction to an
  integer field), quirk-assign-percentage, empty-condition (never fires on Android),
  shadows-environment-variable, variable-left-out (its data element or attribute is not in the
  files: dropped on a device without it), variable-reads-nothing (a DATAELEMENT_* variable without a
  data element, TEI_ATTRIBUTE without an attribute, NEWEST_EVENT_PROGRAM_STAGE without a stage),
  and type-mismatch where a value may or may not work.

  Rules may use variables and constants from any FILE of the run.

EXIT STATUS
  0  no errors (warnings alone are fine)
  1  at least one error
  2  a FILE cannot be read or is not valid DHIS2 metadata (the message names the file and the
     JSON path of the bad object), or no FILE holds program rules, program rule variables or
     validation rules: nothing to check")]
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
            println!("{f}");
        }
        println!("{summary}");
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
