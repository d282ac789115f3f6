//! Seeded random damage to a valid metadata document (bytes flipped, inserted, deleted, the
//! file cut short): the import never panics, and a refused import leaves the stored metadata as
//! it was. The seed is printed so that a failure can be replayed.

use std::path::Path;

use phum_core::store::import::{ImportError, ImportSource};
use phum_core::store::Store;

/// A small deterministic generator (xorshift64*), so the cases are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const INTERESTING: &[u8] = b"{}[]\",:\\ 0-9eE.tfn\x00\xff\xe1";

fn mutate(doc: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut out = doc.to_vec();
    for _ in 0..1 + rng.below(4) {
        if out.is_empty() {
            break;
        }
        let at = rng.below(out.len());
        match rng.below(5) {
            0 => out[at] = INTERESTING[rng.below(INTERESTING.len())],
            1 => out.insert(at, INTERESTING[rng.below(INTERESTING.len())]),
            2 => {
                out.remove(at);
            }
            3 => out.truncate(at),
            _ => {
                // Duplicate a slice somewhere else (repeated keys, nested copies).
                let len = rng.below(64).min(out.len() - at);
                let piece = out[at..at + len].to_vec();
                let to = rng.below(out.len());
                out.splice(to..to, piece);
            }
        }
    }
    out
}

#[test]
fn damaged_documents_never_panic_and_never_half_import() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/phum/mini_export.json");
    let doc = std::fs::read(path).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    store.import_metadata(&[ImportSource::Bytes { name: "good".into(), bytes: doc.clone() }]).unwrap();
    let good = store.metadata_counts().unwrap();
    let mut rng = Rng(0x5eed_1234_abcd_0042);
    let (mut accepted, mut refused) = (0, 0);
    for case in 0..600 {
        let bad = mutate(&doc, &mut rng);
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            store.import_metadata(&[ImportSource::Bytes { name: format!("case {case}"), bytes: bad.clone() }])
        }));
        match result {
            Err(_) => panic!("case {case} panicked; document: {}", String::from_utf8_lossy(&bad)),
            Ok(Ok(_)) => {
                accepted += 1;
                // Harmless damage (white space, a changed name): put the good metadata back.
                store.import_metadata(&[ImportSource::Bytes { name: "good".into(), bytes: doc.clone() }]).unwrap();
            }
            Ok(Err(e)) => {
                refused += 1;
                // A refusal is about the document, never a database failure.
                assert!(!matches!(e, ImportError::Store(_)), "case {case}: {e}");
                assert_eq!(store.metadata_counts().unwrap(), good, "case {case} changed the store: {e}");
            }
        }
    }
    assert!(refused > 300, "most damage must be refused ({refused} refused, {accepted} accepted)");
}
