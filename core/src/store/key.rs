//! The 256-bit database key and its hex text form (as the CLI keeps it in `<db>.key`).
//!
//! Owns generating and parsing keys. Does not own storing them: on Android the shell wraps the
//! key with the Keystore; the CLI writes the key file.

use std::fmt;

use rand::RngCore;

use crate::i18n::{Localize, Message};

/// A raw SQLCipher key (32 random bytes, used directly, without key derivation).
#[derive(Clone, PartialEq, Eq)]
pub struct DbKey([u8; 32]);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// The number of characters the text has.
    WrongLength(usize),
    /// The position (from 1) of the first character that is not a hex digit.
    NotHex(usize),
}

impl Localize for KeyError {
    fn message(&self) -> Message {
        match self {
            KeyError::WrongLength(length) => crate::msg!("store-key-wrong-length", length = length),
            KeyError::NotHex(position) => crate::msg!("store-key-not-hex", position = position),
        }
    }
}
crate::english_display!(KeyError);

impl DbKey {
    pub fn generate() -> DbKey {
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        DbKey(bytes)
    }

    pub fn from_bytes(bytes: [u8; 32]) -> DbKey {
        DbKey(bytes)
    }

    /// Parses 64 hex digits; surrounding white space (a trailing newline) is ignored.
    pub fn from_hex(text: &str) -> Result<DbKey, KeyError> {
        let text = text.trim();
        if text.len() != 64 || text.chars().count() != 64 {
            return Err(KeyError::WrongLength(text.chars().count()));
        }
        let digit = |pos: usize| (text.as_bytes()[pos] as char).to_digit(16).ok_or(KeyError::NotHex(pos + 1));
        let mut bytes = [0u8; 32];
        for (i, byte) in bytes.iter_mut().enumerate() {
            *byte = (digit(2 * i)? * 16 + digit(2 * i + 1)?) as u8;
        }
        Ok(DbKey(bytes))
    }

    pub fn to_hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }
}

impl fmt::Debug for DbKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DbKey(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trip_and_errors() {
        let key = DbKey::generate();
        assert_eq!(DbKey::from_hex(&format!("{}\n", key.to_hex())).unwrap(), key);
        assert_eq!(DbKey::from_hex("abc"), Err(KeyError::WrongLength(3)));
        let bad = format!("{}zz", "0".repeat(62));
        assert_eq!(DbKey::from_hex(&bad), Err(KeyError::NotHex(63)));
        assert_ne!(DbKey::generate(), DbKey::generate());
        assert_eq!(format!("{key:?}"), "DbKey(..)");
    }

    #[test]
    fn every_key_error_variant_renders_in_both_languages() {
        let samples = [KeyError::WrongLength(63), KeyError::NotHex(7)];
        let name = |e: &KeyError| match e {
            KeyError::WrongLength(_) => "WrongLength",
            KeyError::NotHex(_) => "NotHex",
        };
        assert_eq!(samples.iter().map(name).collect::<Vec<_>>(), ["WrongLength", "NotHex"]);
        for e in &samples {
            crate::i18n::catalogue_tests::assert_renders_in_both(&e.message());
        }
        assert_eq!(
            DbKey::from_hex("abc").unwrap_err().to_string(),
            "a database key is 64 hexadecimal characters; this one has 3 characters"
        );
    }
}
