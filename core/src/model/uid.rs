//! DHIS2 identifiers (UIDs): the format check and client-side generation.
//!
//! Owns the rule "11 characters, a letter first, then letters or digits" and a generator that
//! follows it, random by default and reproducible inside [`with_seeded_uids`] (the bundled demo
//! data is the same every time it is made). Does not own which collection a UID belongs to: that
//! is the metadata store's job.

use std::cell::RefCell;
use std::fmt;
use std::str::FromStr;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Length of every DHIS2 UID.
pub const UID_LEN: usize = 11;

const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const ALPHANUMERIC: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

thread_local! {
    /// The source of [`Uid::generate`] on this thread while [`with_seeded_uids`] runs.
    static SEEDED: RefCell<Option<StdRng>> = const { RefCell::new(None) };
}

/// Runs `f` with every [`Uid::generate`] on this thread drawn from a generator seeded with
/// `seed`, so that records written by the same steps get the same UIDs every time (the bundled
/// demo data). Afterwards, even when `f` panics, generation is as before.
pub(crate) fn with_seeded_uids<T>(seed: u64, f: impl FnOnce() -> T) -> T {
    struct Restore(Option<StdRng>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0.take();
            SEEDED.with(|s| *s.borrow_mut() = previous);
        }
    }
    let _restore = Restore(SEEDED.with(|s| s.replace(Some(StdRng::seed_from_u64(seed)))));
    f()
}

/// A valid DHIS2 UID. The only ways to get one are parsing (checked), [`Uid::constant`] (checked
/// when compiled) and [`Uid::generate`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Uid([u8; UID_LEN]);

/// Why a text is not a UID.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UidError {
    #[error("'{text}' is not a DHIS2 UID: it has {len} characters, a UID has 11")]
    WrongLength { text: String, len: usize },
    #[error("'{text}' is not a DHIS2 UID: it must start with a letter (A-Z or a-z)")]
    FirstNotLetter { text: String },
    #[error("'{text}' is not a DHIS2 UID: character {position} is not a letter or digit (A-Z, a-z, 0-9)")]
    BadCharacter { text: String, position: usize },
}

impl Uid {
    /// Checks `text` against DHIS2's UID rule.
    pub fn parse(text: &str) -> Result<Uid, UidError> {
        let shown = || shorten(text);
        let len = text.chars().count();
        if len != UID_LEN || text.len() != UID_LEN {
            return Err(UidError::WrongLength { text: shown(), len });
        }
        let bytes = text.as_bytes();
        if !bytes[0].is_ascii_alphabetic() {
            return Err(UidError::FirstNotLetter { text: shown() });
        }
        if let Some(i) = bytes.iter().position(|b| !b.is_ascii_alphanumeric()) {
            return Err(UidError::BadCharacter { text: shown(), position: i + 1 });
        }
        let mut out = [0u8; UID_LEN];
        out.copy_from_slice(bytes);
        Ok(Uid(out))
    }

    /// A UID written in the source: `const HC: Uid = Uid::constant("DmOuHcChnDi");`. In a
    /// constant, a text that breaks the rule does not compile.
    pub const fn constant(text: &'static str) -> Uid {
        let bytes = text.as_bytes();
        assert!(bytes.len() == UID_LEN, "a UID has 11 characters");
        assert!(bytes[0].is_ascii_alphabetic(), "a UID starts with a letter");
        let mut out = [0u8; UID_LEN];
        let mut i = 0;
        while i < UID_LEN {
            assert!(bytes[i].is_ascii_alphanumeric(), "a UID has only letters and digits");
            out[i] = bytes[i];
            i += 1;
        }
        Uid(out)
    }

    /// A new random UID, as DHIS2's own `CodeGenerator` makes them (reproducible inside
    /// [`with_seeded_uids`]).
    pub fn generate() -> Uid {
        SEEDED.with(|s| match s.borrow_mut().as_mut() {
            Some(seeded) => Self::generate_with(seeded),
            None => Self::generate_with(&mut rand::rng()),
        })
    }

    /// A new UID from the given random source (deterministic with a seeded generator).
    pub fn generate_with<R: Rng + ?Sized>(rng: &mut R) -> Uid {
        let mut out = [0u8; UID_LEN];
        out[0] = LETTERS[rng.random_range(0..LETTERS.len())];
        for b in out.iter_mut().skip(1) {
            *b = ALPHANUMERIC[rng.random_range(0..ALPHANUMERIC.len())];
        }
        Uid(out)
    }

    pub fn as_str(&self) -> &str {
        // Only ASCII letters and digits are ever stored.
        std::str::from_utf8(&self.0).unwrap_or("")
    }
}

/// Long or hostile texts are cut in error messages so that an error stays readable.
pub(crate) fn shorten(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(MAX).collect();
        s.push('…');
        s
    }
}

impl FromStr for Uid {
    type Err = UidError;
    fn from_str(s: &str) -> Result<Uid, UidError> {
        Uid::parse(s)
    }
}

impl fmt::Display for Uid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Uid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Uid({})", self.as_str())
    }
}

impl Serialize for Uid {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Uid {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Uid, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Uid;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a DHIS2 UID (11 letters or digits, a letter first)")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Uid, E> {
                Uid::parse(v).map_err(E::custom)
            }
        }
        d.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn accepts_real_dhis2_uids() {
        for t in ["lxAQ7Zs9VYR", "IpHINAT79UW", "bjDvmb4bfuf", "a0000000000", "Z9999999999"] {
            assert_eq!(Uid::parse(t).unwrap().as_str(), t);
        }
    }

    #[test]
    fn rejects_each_way_a_uid_can_be_wrong() {
        assert!(matches!(Uid::parse(""), Err(UidError::WrongLength { len: 0, .. })));
        assert!(matches!(Uid::parse("lxAQ7Zs9VY"), Err(UidError::WrongLength { len: 10, .. })));
        assert!(matches!(Uid::parse("lxAQ7Zs9VYRR"), Err(UidError::WrongLength { len: 12, .. })));
        assert!(matches!(Uid::parse("1xAQ7Zs9VYR"), Err(UidError::FirstNotLetter { .. })));
        assert!(matches!(Uid::parse("lxAQ7Zs_VYR"), Err(UidError::BadCharacter { position: 8, .. })));
        assert!(matches!(Uid::parse("event1Id"), Err(UidError::WrongLength { .. })));
        // Eleven characters but not eleven bytes: Khmer letters are not UID characters.
        assert!(Uid::parse("ក១២៣៤៥៦៧៨៩០").is_err());
        assert!(Uid::parse("lxAQ7Zs9VYé").is_err());
    }

    #[test]
    fn error_messages_cut_long_input() {
        let long = "x".repeat(10_000);
        let msg = Uid::parse(&long).unwrap_err().to_string();
        assert!(msg.len() < 200, "{msg}");
        assert!(msg.contains("10000 characters"));
    }

    #[test]
    fn generated_uids_follow_the_rule_and_differ() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        let mut seen = std::collections::HashSet::new();
        for _ in 0..10_000 {
            let uid = Uid::generate_with(&mut rng);
            assert_eq!(Uid::parse(uid.as_str()), Ok(uid));
            assert!(seen.insert(uid));
        }
        assert_ne!(Uid::generate(), Uid::generate());
    }

    #[test]
    fn seeded_generation_repeats_and_ends_with_its_scope() {
        let draw = || (0..5).map(|_| Uid::generate()).collect::<Vec<_>>();
        let first = with_seeded_uids(9, draw);
        assert_eq!(with_seeded_uids(9, draw), first);
        assert_ne!(with_seeded_uids(10, draw), first);
        // Nested scopes restore the outer one; outside every scope generation is random again.
        let outer = with_seeded_uids(9, || {
            let a = Uid::generate();
            let _ = with_seeded_uids(10, draw);
            vec![a, Uid::generate()]
        });
        assert_eq!(outer, first[..2]);
        let panicked = std::panic::catch_unwind(|| with_seeded_uids(9, || panic!("in the middle")));
        assert!(panicked.is_err());
        assert_ne!(draw(), first);
    }

    #[test]
    fn constants_are_checked_uids() {
        const HC: Uid = Uid::constant("DmOuHcChnDi");
        assert_eq!(HC, Uid::parse("DmOuHcChnDi").unwrap());
        assert!(std::panic::catch_unwind(|| Uid::constant("1mOuHcChnDi")).is_err());
        assert!(std::panic::catch_unwind(|| Uid::constant("DmOu-cChnDi")).is_err());
        assert!(std::panic::catch_unwind(|| Uid::constant("short")).is_err());
    }

    #[test]
    fn serde_round_trip_and_rejection() {
        let uid: Uid = serde_json::from_str("\"lxAQ7Zs9VYR\"").unwrap();
        assert_eq!(serde_json::to_string(&uid).unwrap(), "\"lxAQ7Zs9VYR\"");
        let err = serde_json::from_str::<Uid>("\"workflowId\"").unwrap_err().to_string();
        assert!(err.contains("'workflowId' is not a DHIS2 UID"), "{err}");
        assert!(serde_json::from_str::<Uid>("42").is_err());
    }
}
