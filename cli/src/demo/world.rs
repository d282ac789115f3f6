//! The practice world the walkthrough runs in: the demo account of `phum_core::demo` in its
//! folder (its database, the pristine copy it resets to, and the key file this command keeps
//! beside them), and the roles the steps need from the bundled dataset (the trainee's health
//! centre and its villages, the immunization and NCD programs, the village report), each with
//! its name in the reader's language.
//!
//! The people live at the health centre (the programs are assigned to it); their village is the
//! "Village" attribute, an option per village (`dataset::org_units::TRAINEE_VILLAGES`). The
//! monthly report is per village.
//!
//! Owns the key file and naming the roles. Does not own the data, opening or resetting it
//! (`phum_core::demo`).

use std::path::{Path, PathBuf};

use phum_core::demo::dataset::{immunization, ncd, org_units, person, vhsg};
use phum_core::i18n::{name_in, Locale, Localize, Message};
use phum_core::model::{DeviceClock, OrganisationUnit, Uid};
use phum_core::store::{DbKey, Store};

use crate::error::CliError;

/// A place by name.
#[derive(Debug, Clone)]
pub struct Place {
    pub uid: Uid,
    pub name: String,
    /// A village's option code in the people's "Village" attribute.
    pub code: Option<String>,
}

/// What the steps need from the practice data.
#[derive(Debug, Clone)]
pub struct Setup {
    /// Where people are registered and visits recorded.
    pub health_centre: Place,
    pub villages: Vec<Place>,
    /// The people's "Village" attribute.
    pub village_attribute: Option<Uid>,
    pub immunization: Uid,
    /// The NCD program and its repeatable follow-up stage.
    pub ncd: Option<(Uid, Uid)>,
    /// The monthly village report.
    pub report: Option<Uid>,
}

/// The demo account open: its database, and the key its files are encrypted with.
pub struct Opened {
    pub store: Store,
    pub key: DbKey,
    pub setup: Setup,
}

/// The file holding the demo database's key, beside it (made with the database, mode 0600).
pub fn key_file(dir: &Path) -> PathBuf {
    dir.join("phum-demo.key")
}

/// The demo account's files other than the key: the database (with its journal files) and the
/// pristine copy.
fn account_files(dir: &Path) -> Vec<PathBuf> {
    let live = dir.join(phum_core::store::Account::Demo.database_file_name());
    let pristine = phum_core::demo::pristine_path(&live);
    let mut files = Vec::new();
    for file in [live, pristine] {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = file.as_os_str().to_owned();
            name.push(suffix);
            files.push(PathBuf::from(name));
        }
    }
    files
}

/// The demo database's key: the one in its key file, or a new one (and file). Without its key
/// a demo database cannot be opened: it is made again.
fn key(dir: &Path) -> Result<DbKey, CliError> {
    let path = key_file(dir);
    match crate::db::read_key(&path)? {
        Some(key) => Ok(key),
        None => {
            for file in account_files(dir) {
                let _ = std::fs::remove_file(file);
            }
            crate::db::write_new_key(&path)
        }
    }
}

/// Opens the demo account in `dir` (making the folder, and the practice data relative to the
/// clock's today, the first time), back at its initial state when `reset`, with the roles named
/// in `locale`.
pub fn open(dir: &Path, reset: bool, clock: &DeviceClock, locale: Locale) -> Result<Opened, CliError> {
    std::fs::create_dir_all(dir).map_err(|source| CliError::Io { path: dir.to_path_buf(), source })?;
    let key = key(dir)?;
    let opened = phum_core::demo::open(dir, &key, clock)?;
    let store = if reset && !opened.created { phum_core::demo::reset(opened.store, &key)? } else { opened.store };
    let setup = roles(&store, locale);
    Ok(Opened { store, key, setup })
}

/// Puts the practice data back to its initial state; what went wrong, as a message.
pub fn reset(store: &mut Store, key: &DbKey) -> Result<(), Message> {
    phum_core::demo::reset_in_place(store, key).map_err(|e| e.message())
}

/// The roles of the bundled dataset, named in `locale`.
pub fn roles(store: &Store, locale: Locale) -> Setup {
    let place = |uid: Uid, code: Option<&str>| {
        let name = match store.get::<OrganisationUnit>(uid) {
            Ok(Some(unit)) => name_in(&unit.identity, locale.lang),
            _ => uid.to_string(),
        };
        Place { uid, name, code: code.map(str::to_string) }
    };
    Setup {
        health_centre: place(org_units::TRAINEE_HEALTH_CENTRE, None),
        villages: org_units::TRAINEE_VILLAGES.iter().map(|(uid, code)| place(*uid, Some(code))).collect(),
        village_attribute: Some(person::VILLAGE),
        immunization: immunization::PROGRAM,
        ncd: Some((ncd::PROGRAM, ncd::FOLLOW_UP)),
        report: Some(vhsg::DATA_SET),
    }
}
