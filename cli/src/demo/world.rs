//! The practice world the walkthrough runs in: the demo account's database in its folder, made
//! with the practice data the first time and put back to it on reset, and the roles the steps
//! need from it (the trainee's health centre and its villages, the immunization and NCD
//! programs, the village report), each with its name in the reader's language.
//!
//! STOPGAP until `phum_core::demo` (the bundled training dataset) lands: the practice data is
//! the immunization test metadata of the core's tests, and the "villages" are its health
//! centres. Only this file changes when the dataset arrives.
//!
//! Owns finding the roles by name in the reader's language. Does not own the data (the core).

use std::path::{Path, PathBuf};

use phum_core::i18n::{Lang, Locale, Localize, Message};
use phum_core::model::common::Identity;
use phum_core::model::{DeviceClock, OrganisationUnit, Program, ProgramStage, Uid};
use phum_core::store::import::ImportSource;
use phum_core::store::{Store, StoreError};

use crate::error::CliError;

/// A place by name.
#[derive(Debug, Clone)]
pub struct Place {
    pub uid: Uid,
    pub name: String,
}

/// What the steps need from the practice data.
#[derive(Debug, Clone)]
pub struct Setup {
    pub health_centre: Place,
    pub villages: Vec<Place>,
    pub immunization: Uid,
    /// The NCD program and its repeatable visit stage.
    pub ncd: Option<(Uid, Uid)>,
    /// The monthly village report.
    pub report: Option<Uid>,
}

const PRACTICE_DATA: &str = include_str!("../../../core/tests/fixtures/phum/immunization_program.json");

fn database(dir: &Path) -> PathBuf {
    dir.join("demo.db")
}

/// Opens the demo database in `dir` (making the folder and the practice data when there is
/// none, or when `reset`), with the roles named in `locale`, and the clock the demo runs on.
pub fn open(dir: &Path, reset: bool, locale: Locale) -> Result<(Store, Setup, DeviceClock), CliError> {
    std::fs::create_dir_all(dir).map_err(|source| CliError::Io { path: dir.to_path_buf(), source })?;
    let path = database(dir);
    if reset {
        remove(&path);
    }
    let fresh = !path.exists();
    let mut store = Store::open(&path, None)?;
    if fresh {
        fill(&mut store)?;
    }
    let setup = roles(&store, locale)?;
    Ok((store, setup, DeviceClock::default()))
}

fn remove(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

fn fill(store: &mut Store) -> Result<(), CliError> {
    let source = ImportSource::Bytes { name: "practice data".into(), bytes: PRACTICE_DATA.as_bytes().to_vec() };
    store.import_metadata(&[source])?;
    Ok(())
}

/// Puts the practice data back to its initial state; what went wrong, as a message.
pub fn reset(store: &mut Store) -> Result<(), Message> {
    let path = store.path().to_path_buf();
    *store = Store::open_in_memory().map_err(|e| e.message())?;
    remove(&path);
    *store = Store::open(&path, None).map_err(|e| e.message())?;
    let source = ImportSource::Bytes { name: "practice data".into(), bytes: PRACTICE_DATA.as_bytes().to_vec() };
    store.import_metadata(&[source]).map_err(|e| e.message())?;
    Ok(())
}

/// The name of a metadata object in `locale`'s language.
pub fn name(identity: &Identity, locale: Locale) -> String {
    if locale.lang == Lang::Km {
        if let Some(t) = identity.translation("NAME", "km") {
            return t.to_string();
        }
    }
    identity.name.clone()
}

fn roles(store: &Store, locale: Locale) -> Result<Setup, StoreError> {
    let units: Vec<OrganisationUnit> = store.list()?;
    let mut centres: Vec<&OrganisationUnit> = units.iter().filter(|u| !u.programs.is_empty()).collect();
    centres.sort_by_key(|u| u.identity.name.clone());
    let place = |u: &OrganisationUnit| Place { uid: u.identity.id, name: name(&u.identity, locale) };
    let programs: Vec<Program> = store.list()?;
    let immunization = programs.iter().find(|p| p.identity.name.contains("immunization")).map(|p| p.identity.id);
    let ncd = programs.iter().find(|p| p.identity.name.starts_with("NCD")).map(|p| p.identity.id);
    let ncd = match ncd {
        Some(p) => {
            let stages: Vec<ProgramStage> = store.children(p)?;
            stages.iter().find(|s| s.repeatable).map(|s| (p, s.identity.id))
        }
        None => None,
    };
    Ok(Setup {
        health_centre: place(centres[0]),
        villages: centres.iter().map(|u| place(u)).collect(),
        immunization: immunization.unwrap_or(programs[0].identity.id),
        ncd,
        report: None,
    })
}
