//! The practice world the walkthrough runs in: the demo account's database in its folder, made
//! with the practice data the first time and put back to it on reset, and the roles the steps
//! need from it (the trainee's health centre and its villages, the immunization and NCD
//! programs, the village report), each with its name in the reader's language.
//!
//! The people live at the health centre (the programs are assigned to it); their village is the
//! "Village" attribute, an option per village. The monthly report is per village.
//!
//! STOPGAP until `phum_core::demo` offers opening and resetting the demo account: the practice
//! metadata is `core/src/demo/dataset/metadata.json` with its `/api/me` (no people yet), in an
//! unencrypted database. Only this file changes when the core's API arrives.
//!
//! Owns finding the roles. Does not own the data (the core).

use std::path::{Path, PathBuf};

use phum_core::i18n::{Lang, Locale, Localize, Message};
use phum_core::model::common::Identity;
use phum_core::model::{
    DataSet, DeviceClock, OptionItem, OrganisationUnit, Program, ProgramStage, TrackedEntityAttribute, Uid,
};
use phum_core::store::import::ImportSource;
use phum_core::store::{DbKey, Store, StoreError};

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

const METADATA: &str = include_str!("../../../core/src/demo/dataset/metadata.json");
const ME: &str = include_str!("../../../core/src/demo/dataset/me.json");

fn database(dir: &Path) -> PathBuf {
    dir.join("phum-demo.db")
}

/// The file holding the demo database's key, beside it (made with the database, mode 0600).
pub fn key_file(dir: &Path) -> PathBuf {
    dir.join("phum-demo.key")
}

/// The demo database's key: the one in its key file, or a new one (and file).
fn key(dir: &Path) -> Result<DbKey, CliError> {
    let path = key_file(dir);
    match crate::db::read_key(&path)? {
        Some(key) => Ok(key),
        None => crate::db::write_new_key(&path),
    }
}

/// Opens the demo database in `dir` (making the folder and the practice data when there is
/// none, or when `reset`), with the roles named in `locale`, and the clock the demo runs on.
pub fn open(dir: &Path, reset: bool, locale: Locale) -> Result<(Store, Setup, DeviceClock), CliError> {
    std::fs::create_dir_all(dir).map_err(|source| CliError::Io { path: dir.to_path_buf(), source })?;
    let path = database(dir);
    if reset || !key_file(dir).is_file() {
        remove(&path);
    }
    let key = key(dir)?;
    let fresh = !path.exists();
    let mut store = Store::open(&path, Some(&key))?;
    if fresh {
        fill(&mut store).map_err(|e| CliError::Import(Box::new(e)))?;
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

fn fill(store: &mut Store) -> Result<(), phum_core::store::import::ImportError> {
    let sources = [
        ImportSource::Bytes { name: "practice metadata".into(), bytes: METADATA.as_bytes().to_vec() },
        ImportSource::Bytes { name: "practice account".into(), bytes: ME.as_bytes().to_vec() },
    ];
    store.import_metadata(&sources).map(|_| ())
}

/// Puts the practice data back to its initial state; what went wrong, as a message.
pub fn reset(store: &mut Store) -> Result<(), Message> {
    let path = store.path().to_path_buf();
    let dir = path.parent().unwrap_or(Path::new("."));
    let key = key(dir).map_err(|e| untranslated(&e))?;
    *store = Store::open_in_memory().map_err(|e| e.message())?;
    remove(&path);
    *store = Store::open(&path, Some(&key)).map_err(|e| e.message())?;
    fill(store).map_err(|e| e.message())
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
    let place =
        |identity: &Identity, code: Option<String>| Place { uid: identity.id, name: name(identity, locale), code };
    let user = store.current_user()?;
    let centre_uid = user.as_ref().and_then(|u| u.organisation_units.first()).map(|r| r.id);
    let units: Vec<OrganisationUnit> = store.list()?;
    let centre = units
        .iter()
        .find(|u| Some(u.identity.id) == centre_uid)
        .or_else(|| units.iter().find(|u| !u.programs.is_empty()))
        .ok_or_else(|| StoreError::CorruptRow {
            collection: "organisationUnits".into(),
            uid: "-".into(),
            message: "the practice data has no health centre".into(),
        })?;
    let programs: Vec<Program> =
        centre.programs.iter().filter_map(|p| store.get::<Program>(p.id).ok().flatten()).collect();
    let mut tracker: Vec<&Program> = programs.iter().collect();
    tracker.sort_by_key(|p| p.identity.name.clone());
    // The immunization program is the one with an incident date (the date of birth); the NCD
    // program is the one with a repeatable follow-up stage.
    let immunization = tracker.iter().find(|p| p.display_incident_date).or(tracker.first()).map(|p| p.identity.id);
    let mut ncd = None;
    for p in tracker.iter().filter(|p| Some(p.identity.id) != immunization) {
        let stages: Vec<ProgramStage> = store.children(p.identity.id)?;
        if let Some(s) = stages.iter().find(|s| s.repeatable) {
            ncd = Some((p.identity.id, s.identity.id));
        }
    }
    // Villages: the org units below the health centre; their option in the "Village" attribute
    // has the same name.
    let mut villages: Vec<&OrganisationUnit> =
        units.iter().filter(|u| u.parent.as_ref().map(|p| p.id) == Some(centre.identity.id)).collect();
    villages.sort_by_key(|u| u.identity.code.clone());
    let attributes: Vec<TrackedEntityAttribute> = store.list()?;
    let options: Vec<OptionItem> = store.list()?;
    let village_option = |u: &OrganisationUnit| options.iter().find(|o| o.identity.name == u.identity.name);
    let village_attribute = villages.first().and_then(|v| village_option(v)).and_then(|o| {
        let set = o.option_set.as_ref()?.id;
        attributes.iter().find(|a| a.option_set.as_ref().map(|s| s.id) == Some(set)).map(|a| a.identity.id)
    });
    let report = {
        let sets: Vec<DataSet> = store.list()?;
        sets.first().map(|d| d.identity.id)
    };
    Ok(Setup {
        health_centre: place(&centre.identity, None),
        villages: villages
            .iter()
            .map(|u| place(&u.identity, village_option(u).and_then(|o| o.identity.code.clone())))
            .collect(),
        village_attribute,
        immunization: immunization.unwrap_or(centre.identity.id),
        ncd,
        report,
    })
}

/// A command-line error (a key file that cannot be read) as a message, in English until the
/// command line's own errors are in the catalogue.
fn untranslated(e: &CliError) -> Message {
    phum_core::msg!("untranslated", text = e.to_string())
}
