//! `phum metadata ...`: import and summary.

use std::path::PathBuf;

use phum_core::store::import::{ImportOptions, ImportSource};

use crate::db::DbArgs;
use crate::error::CliError;

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
    println!(
        "imported {} objects from {} file(s) into {} in {:.2} s",
        report.total(),
        files.len(),
        db_path.display(),
        started.elapsed().as_secs_f64()
    );
    if !report.ignored.is_empty() {
        let ignored: Vec<String> = report.ignored.iter().map(|(k, n)| format!("{k} ({n})")).collect();
        println!("not stored by Phum: {}", ignored.join(", "));
    }
    for orphaned in &report.orphaned_records {
        println!("captured records without their metadata now: {orphaned}");
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
        println!("user: {} ({} capture org units)", user.username, user.organisation_units.len());
    }
    if let Some(system) = store.system_info()? {
        println!("server: DHIS2 {}", system.version);
    }
    Ok(())
}
