//! The child process of the killed-import test (tests/tests/killed_import.rs): opens the
//! encrypted database with the hex key given, says when the import starts, and imports the file.
//!
//! Usage: `import_child DB KEY_HEX FILE`. Not a tool for people: it panics on any error, which
//! the test sees as a failed child.

use std::path::PathBuf;

use phum_core::store::import::ImportSource;
use phum_core::store::{DbKey, Store};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, db, key, file] = args.as_slice() else {
        eprintln!("usage: import_child DB KEY_HEX FILE");
        std::process::exit(2);
    };
    let key = DbKey::from_hex(key).expect("key");
    let mut store = Store::open(&PathBuf::from(db), Some(&key)).expect("open");
    println!("PHUM-CHILD-IMPORTING");
    store.import_metadata(&[ImportSource::File(PathBuf::from(file))]).expect("import");
}
