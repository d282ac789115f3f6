//! `phum metadata ...`: import and summary.

use std::path::PathBuf;

use phum_core::msg;
use phum_core::store::import::{ImportOptions, ImportSource};

use crate::db::DbArgs;
use crate::error::CliError;
use crate::locale::say;

/// Imports `files`; a database this import created is removed again when the import fails.
pub fn import(db: &DbArgs, files: &[PathBuf], allow_orphaned_records: bool) -> Result<(), CliError> {
    let (mut store, created) = db.open_or_create()?;
    let sources: Vec<ImportSource> = files.iter().cloned().map(ImportSource::File).collect();
    let started = std::time::Instant::now();
    let options = ImportOptions { allow_orphaned_records };
    let report = match store.import_metadata_with(&sources, &options) {
        Ok(report) => report,
        Err(e) => {
            drop(store);
            created.remove();
            return Err(e.into());
        }
    };
    let db_path = &db.db;
    let seconds = (started.elapsed().as_secs_f64() * 100.0).round() / 100.0;
    let done = msg!("cli-import-done", objects = report.total(), files = files.len(), db = db_path, seconds = seconds);
    println!("{}", say(&done));
    if !report.ignored.is_empty() {
        // DHIS2 collection names and counts, as the server writes them.
        let ignored: Vec<String> = report.ignored.iter().map(|(k, n)| format!("{k} ({n})")).collect();
        println!("{}", say(&msg!("cli-import-ignored", collections = ignored.join(", "))));
    }
    for orphaned in &report.orphaned_records {
        println!("{}", say(&msg!("cli-import-orphaned", records = orphaned.to_string())));
    }
    Ok(())
}

pub fn summary(db: &DbArgs, json: bool) -> Result<(), CliError> {
    let store = db.open_existing()?;
    let counts = store.metadata_counts()?;
    if json {
        let map: serde_json::Map<String, serde_json::Value> =
            counts.iter().map(|(c, n)| (c.as_str().to_string(), serde_json::Value::from(*n))).collect();
        println!("{}", serde_json::Value::Object(map));
        return Ok(());
    }
    let width = counts.keys().map(|c| c.as_str().len()).max().unwrap_or(0);
    for (collection, n) in &counts {
        println!("{:width$}  {n:>7}", collection.as_str());
    }
    if let Some(user) = store.current_user()? {
        let line = msg!("cli-summary-user", username = &user.username, org_units = user.organisation_units.len());
        println!("{}", say(&line));
    }
    if let Some(system) = store.system_info()? {
        println!("{}", say(&msg!("cli-summary-server", version = &system.version)));
    }
    Ok(())
}
