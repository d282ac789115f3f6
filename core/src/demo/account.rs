//! The demo account's files: the database the app uses (`phum-demo.db`, `Account::Demo`'s file
//! name) and its pristine copy beside it (`phum-demo.pristine.db`), both encrypted with the
//! account's key.
//!
//! Owns making them (first open, rebuild) and putting the pristine copy back (reset). A new file
//! is always written under a temporary name and renamed into place, so a crash leaves the old
//! file or the new one, never half of one; the database being replaced is closed first, its
//! write-ahead log checkpointed. Reset and rebuild refuse a database without the demo mark.
//! Does not own what the files hold (`populate`).

use std::fs;
use std::path::{Path, PathBuf};

use super::{populate, DemoError, PeopleSummary};
use crate::model::DeviceClock;
use crate::store::{Account, DbKey, Store};

/// The demo database, open.
pub struct DemoOpened {
    pub store: Store,
    /// This call made the database (the first open, or the first after its file was removed).
    pub created: bool,
    /// What the dataset holds, when this call made the pristine copy too.
    pub people: Option<PeopleSummary>,
}

/// Opens the demo account's database in `folder` (which must exist), making it the first time:
/// from the pristine copy when there is one, otherwise from the bundled dataset relative to
/// `clock`'s today (and the pristine copy with it). Refuses a file of that name without the demo
/// mark.
pub fn open(folder: &Path, key: &DbKey, clock: &DeviceClock) -> Result<DemoOpened, DemoError> {
    let live = folder.join(Account::Demo.database_file_name());
    if live.is_file() {
        let store = Store::open_existing(&live, Some(key))?;
        if !store.is_demo() {
            return Err(DemoError::NotADemo { path: live });
        }
        return Ok(DemoOpened { store, created: false, people: None });
    }
    let pristine = pristine_path(&live);
    let people = if pristine.is_file() { None } else { Some(build(&pristine, key, clock)?) };
    let store = restore(&pristine, &live, key)?;
    Ok(DemoOpened { store, created: true, people })
}

/// Puts the demo database back to its initial state, the pristine copy made when it was first
/// opened (the same anchor day), and opens it again. `store` must be the only connection to it.
pub fn reset(store: Store, key: &DbKey) -> Result<Store, DemoError> {
    let live = demo_file(&store)?;
    let pristine = pristine_path(&live);
    if !pristine.is_file() {
        return Err(DemoError::NoPristineCopy { path: pristine });
    }
    store.close()?;
    restore(&pristine, &live, key)
}

/// [`reset`] of the store a front end holds open: `store` is the reset database afterwards. When
/// the reset is refused (not a demo, no pristine copy) or fails, the database is opened again as
/// it was, so the caller keeps a usable store.
pub fn reset_in_place(store: &mut Store, key: &DbKey) -> Result<(), DemoError> {
    let path = store.path().to_path_buf();
    let open = std::mem::replace(store, Store::open_in_memory()?);
    match reset(open, key) {
        Ok(reset) => {
            *store = reset;
            Ok(())
        }
        Err(e) => {
            if let Ok(again) = Store::open_existing(&path, Some(key)) {
                *store = again;
            }
            Err(e)
        }
    }
}

/// Makes the demo data afresh relative to `clock`'s today, as the new pristine copy and the
/// database, and opens it. `store` must be the only connection to the demo database.
pub fn rebuild(store: Store, key: &DbKey, clock: &DeviceClock) -> Result<(Store, PeopleSummary), DemoError> {
    let live = demo_file(&store)?;
    let pristine = pristine_path(&live);
    let people = build(&pristine, key, clock)?;
    store.close()?;
    Ok((restore(&pristine, &live, key)?, people))
}

/// Where the pristine copy of the demo database at `live` is kept.
pub fn pristine_path(live: &Path) -> PathBuf {
    sibling(live, ".pristine.db")
}

/// The file of a demo store; refuses any other store.
fn demo_file(store: &Store) -> Result<PathBuf, DemoError> {
    let path = store.path().to_path_buf();
    if !store.is_demo() {
        return Err(DemoError::NotADemo { path });
    }
    if !path.is_file() {
        return Err(DemoError::NotAFile { path });
    }
    Ok(path)
}

/// `live` with its `.db` extension replaced by `suffix` (`phum-demo` + `.pristine.db`).
fn sibling(live: &Path, suffix: &str) -> PathBuf {
    let stem = live.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    live.with_file_name(format!("{stem}{suffix}"))
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> DemoError + '_ {
    move |source| DemoError::Io { path: path.to_path_buf(), source }
}

fn remove_if_there(file: &Path) -> Result<(), DemoError> {
    match fs::remove_file(file) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(file)(e)),
        _ => Ok(()),
    }
}

/// Removes the write-ahead log and shared-memory files of the database at `path`, if there.
fn remove_logs(path: &Path) -> Result<(), DemoError> {
    remove_if_there(&journal(path, "-wal"))?;
    remove_if_there(&journal(path, "-shm"))
}

fn journal(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Makes the dataset in a new file and renames it to `pristine`.
fn build(pristine: &Path, key: &DbKey, clock: &DeviceClock) -> Result<PeopleSummary, DemoError> {
    let partial = sibling(pristine, ".partial");
    remove_if_there(&partial)?;
    remove_logs(&partial)?;
    let made = (|| {
        let mut store = Store::open(&partial, Some(key))?;
        let people = populate(&mut store, clock)?;
        store.close()?;
        Ok::<_, DemoError>(people)
    })();
    let people = match made {
        Ok(people) => people,
        Err(e) => {
            // The half-made file is of no use; the error says why it was made in vain.
            let _ = remove_if_there(&partial).and_then(|()| remove_logs(&partial));
            return Err(e);
        }
    };
    remove_logs(pristine)?;
    fs::rename(&partial, pristine).map_err(io(pristine))?;
    Ok(people)
}

/// Copies `pristine` over `live` (closed) and opens it.
fn restore(pristine: &Path, live: &Path, key: &DbKey) -> Result<Store, DemoError> {
    let copying = sibling(live, ".restoring");
    fs::copy(pristine, &copying).map_err(io(&copying))?;
    fs::File::open(&copying).and_then(|f| f.sync_all()).map_err(io(&copying))?;
    // A log left by the old database must not be applied to the new one.
    remove_logs(live)?;
    fs::rename(&copying, live).map_err(io(live))?;
    let store = Store::open_existing(live, Some(key))?;
    if !store.is_demo() {
        return Err(DemoError::NotADemo { path: pristine.to_path_buf() });
    }
    Ok(store)
}
