//! Reading one document: decides what it is (`/api/me`, `/api/system/info`, or a document of
//! collections) and streams collection entries one at a time into the importer.
//!
//! Owns the document-level JSON walk and turning serde_json errors into specific import errors.
//! Does not own what an entry means (`objects`, `super`).

use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::guard::{self, Guard, Stopped};
use super::{ImportError, ImportSource, Importer};
use crate::model::{Collection, CurrentUser, SystemInfo};

/// What a document holds, decided from its top-level keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DocumentKind {
    /// `/api/me`: a user object (its `organisationUnits` are the user's, not a collection).
    CurrentUser,
    /// `/api/system/info`.
    SystemInfo,
    /// Collections of metadata objects.
    Collections,
}

pub(super) fn read_document(imp: &mut Importer<'_>, source: &ImportSource) -> Result<(), ImportError> {
    let keys = top_level_keys(imp, source)?;
    let has = |k: &str| keys.iter().any(|key| key == k);
    let kind = if has("username") || has("userCredentials") {
        DocumentKind::CurrentUser
    } else if has("version") && (has("serverDate") || has("contextPath")) && !keys.iter().any(|k| Collection::from_key(k).is_some()) {
        DocumentKind::SystemInfo
    } else {
        DocumentKind::Collections
    };
    let mut de = serde_json::Deserializer::from_reader(Guard::new(source.open()?));
    let result = match kind {
        DocumentKind::CurrentUser => serde_json::Value::deserialize_from(&mut de).map(Some),
        DocumentKind::SystemInfo => serde_json::Value::deserialize_from(&mut de).map(Some),
        DocumentKind::Collections => de::Deserializer::deserialize_map(&mut de, DocumentVisitor { imp: &mut *imp }).map(|_| None),
    }
    .and_then(|v| de.end().map(|_| v));
    let value = match result {
        Ok(v) => v,
        Err(e) => return Err(imp.failure.take().unwrap_or_else(|| json_error(&imp.source, e))),
    };
    imp.location = String::new();
    match (kind, value) {
        (DocumentKind::CurrentUser, Some(v)) => {
            let user: CurrentUser = imp.deserialize(v)?;
            imp.set_user(user)
        }
        (DocumentKind::SystemInfo, Some(v)) => {
            let info: SystemInfo = imp.deserialize(v)?;
            imp.set_system(info)
        }
        _ => Ok(()),
    }
}

/// Helper so that `Value` can be read from an existing deserializer.
trait DeserializeFrom: Sized {
    fn deserialize_from<R: serde_json::de::Read<'static>>(de: &mut serde_json::Deserializer<R>) -> Result<Self, serde_json::Error>;
}

impl DeserializeFrom for serde_json::Value {
    fn deserialize_from<R: serde_json::de::Read<'static>>(de: &mut serde_json::Deserializer<R>) -> Result<Self, serde_json::Error> {
        serde::Deserialize::deserialize(de)
    }
}

/// The top-level keys of a document, read without keeping any value.
fn top_level_keys(imp: &Importer<'_>, source: &ImportSource) -> Result<Vec<String>, ImportError> {
    struct Keys;
    impl<'de> Visitor<'de> for Keys {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<String>, A::Error> {
            let mut keys = Vec::new();
            while let Some(key) = map.next_key::<String>()? {
                map.next_value::<IgnoredAny>()?;
                if keys.len() < 1000 {
                    keys.push(key);
                }
            }
            Ok(keys)
        }
    }
    let mut de = serde_json::Deserializer::from_reader(Guard::new(source.open()?));
    let keys = match de::Deserializer::deserialize_any(&mut de, Keys) {
        Ok(keys) => keys,
        Err(e) if e.is_data() => {
            // Not an object at all: say what it is.
            let found = e.to_string();
            let found = found.split(", expected").next().unwrap_or(&found).trim_start_matches("invalid type: ").to_string();
            return Err(ImportError::NotMetadata { file: imp.source.clone(), found });
        }
        Err(e) => return Err(json_error(&imp.source, e)),
    };
    de.end().map_err(|e| json_error(&imp.source, e))?;
    Ok(keys)
}

fn json_error(source: &str, e: serde_json::Error) -> ImportError {
    let file = source.to_string();
    let e = match guard::classify(e) {
        Stopped::Limit(limit) => return ImportError::Limit { file, what: limit.to_string() },
        Stopped::Io(error) => return ImportError::Io { file, error },
        Stopped::Json(e) => e,
    };
    if e.classify() == serde_json::error::Category::Eof {
        return ImportError::Truncated { file, line: e.line(), column: e.column() };
    }
    let full = e.to_string();
    let message = full.split(" at line ").next().unwrap_or(&full).to_string();
    ImportError::Syntax { file, line: e.line(), column: e.column(), message }
}

/// Signals serde to stop; the real error waits in `Importer::failure`.
fn stop<E: de::Error>(imp: &mut Importer<'_>, err: ImportError) -> E {
    imp.failure = Some(err);
    E::custom("import stopped")
}

struct DocumentVisitor<'i, 't> {
    imp: &'i mut Importer<'t>,
}

impl<'de> Visitor<'de> for DocumentVisitor<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object of metadata collections")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if let Some(collection) = Collection::from_key(&key) {
                map.next_value_seed(CollectionSeed { imp: &mut *self.imp, collection })?;
            } else if key == "system" {
                let value: serde_json::Value = map.next_value()?;
                self.imp.location = "system".into();
                let info = self.imp.deserialize::<SystemInfo>(value).map_err(|e| stop(self.imp, e))?;
                self.imp.set_system(info).map_err(|e| stop(self.imp, e))?;
            } else {
                let n = map.next_value_seed(CountEntries)?;
                if key != "pager" && key != "date" {
                    *self.imp.ignored.entry(key).or_default() += n;
                }
            }
        }
        Ok(())
    }
}

struct CollectionSeed<'i, 't> {
    imp: &'i mut Importer<'t>,
    collection: Collection,
}

impl<'de> DeserializeSeed<'de> for CollectionSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for CollectionSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a list of {}", self.collection)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        while let Some(value) = seq.next_element::<serde_json::Value>()? {
            self.imp.add_entry(self.collection, index, value).map_err(|e| stop(self.imp, e))?;
            index += 1;
        }
        Ok(())
    }
}

/// Skips a value, counting its entries if it is a list (for the report of ignored keys).
struct CountEntries;

impl<'de> DeserializeSeed<'de> for CountEntries {
    type Value = usize;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for CountEntries {
    type Value = usize;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<usize, A::Error> {
        let mut n = 0;
        while seq.next_element::<IgnoredAny>()?.is_some() {
            n += 1;
        }
        Ok(n)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<usize, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(1)
    }
    fn visit_bool<E>(self, _: bool) -> Result<usize, E> { Ok(1) }
    fn visit_i64<E>(self, _: i64) -> Result<usize, E> { Ok(1) }
    fn visit_u64<E>(self, _: u64) -> Result<usize, E> { Ok(1) }
    fn visit_f64<E>(self, _: f64) -> Result<usize, E> { Ok(1) }
    fn visit_str<E>(self, _: &str) -> Result<usize, E> { Ok(1) }
    fn visit_unit<E>(self) -> Result<usize, E> { Ok(0) }
}

