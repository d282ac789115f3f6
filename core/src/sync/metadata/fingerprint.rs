//! The fingerprint of a metadata download: a BLAKE2b-256 hash of every request and its answer,
//! in order, the answers written in a canonical form (object keys sorted, no spaces) without the
//! fields that change on every call (`serverDate` of `/api/system/info`; of that answer only the
//! fields Phum asks for count, in case a server sends its uptime and memory whatever `fields`
//! says). Equal answers give the same fingerprint on every run and platform; so do equal answers
//! whose keys come in another order. The app's version and the schema version are hashed too, so that a new app version
//! imports once even when the server's answers did not change.
//!
//! Owns the hash. Does not own where it is kept (`Store::sync_value`) or deciding to import
//! (`super`).

use blake2::digest::consts::U32;
use blake2::{Blake2b, Digest};
use serde_json::Value;

use super::fields;

/// Keys left out of the hash, wherever they are: they change between calls with nothing else.
const VOLATILE: [&str; 1] = ["serverDate"];

/// A fingerprint being computed, one answer at a time as they arrive (so that the parsed
/// answers need not be kept).
pub struct Fingerprint {
    hash: Blake2b<U32>,
    text: String,
}

impl Fingerprint {
    pub fn new() -> Fingerprint {
        let mut hash = Blake2b::<U32>::new();
        let versions = format!("{}\n{}\n", env!("CARGO_PKG_VERSION"), crate::store::SCHEMA_VERSION);
        hash.update(versions.as_bytes());
        Fingerprint { hash, text: String::new() }
    }

    /// Adds the answer to `request` (its path and query).
    pub fn add(&mut self, request: &str, answer: &Value) {
        let text = &mut self.text;
        text.clear();
        text.push_str(request);
        text.push('\n');
        if request.starts_with("/api/system/info") {
            canonical(&system_info(answer), text);
        } else {
            canonical(answer, text);
        }
        // Each answer with its length first, so that no two lists of answers hash the same text.
        self.hash.update((text.len() as u64).to_le_bytes());
        self.hash.update(text.as_bytes());
    }

    /// The fingerprint of the answers added, as lowercase hex.
    pub fn finish(self) -> String {
        self.hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// The fields of a `/api/system/info` answer that Phum asks for.
fn system_info(answer: &Value) -> Value {
    let wanted: Vec<&str> = fields::SYSTEM_INFO.split(',').collect();
    match answer {
        Value::Object(map) => Value::Object(
            map.iter().filter(|(k, _)| wanted.contains(&k.as_str())).map(|(k, v)| (k.clone(), v.clone())).collect(),
        ),
        other => other.clone(),
    }
}

/// `value` as JSON with sorted keys and without [`VOLATILE`] keys.
fn canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().filter(|k| !VOLATILE.contains(&k.as_str())).collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                canonical(&map[key], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(item, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(answers: &[(&str, &str)]) -> String {
        let mut f = Fingerprint::new();
        for (request, body) in answers {
            f.add(request, &serde_json::from_str(body).unwrap());
        }
        f.finish()
    }

    #[test]
    fn the_fingerprint_ignores_key_order_spacing_and_the_server_date() {
        let a = of(&[
            ("/api/system/info", r#"{"version":"2.41.3","serverDate":"2026-12-05T03:00:00.000"}"#),
            ("/api/programs", r#"{"programs":[{"id":"IpHINAT79UW","name":"Child"}]}"#),
        ]);
        let b = of(&[
            ("/api/system/info", r#"{"serverDate":"2026-12-06T09:30:00.000", "version":"2.41.3"}"#),
            ("/api/programs", r#"{ "programs": [ {"name":"Child", "id":"IpHINAT79UW"} ] }"#),
        ]);
        assert_eq!(a, b);
        assert_eq!(a.len(), 64);
        // A server that ignores `fields` on its system info and sends its uptime.
        let c = of(&[
            ("/api/system/info", r#"{"version":"2.41.3","serverDate":"2026-12-07T03:00:00.000","uptime":"3 days"}"#),
            ("/api/programs", r#"{"programs":[{"id":"IpHINAT79UW","name":"Child"}]}"#),
        ]);
        assert_eq!(a, c);
        let upgraded = of(&[
            ("/api/system/info", r#"{"version":"2.41.4"}"#),
            ("/api/programs", r#"{"programs":[{"id":"IpHINAT79UW","name":"Child"}]}"#),
        ]);
        assert_ne!(a, upgraded);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    }

    #[test]
    fn a_changed_name_order_of_objects_or_request_changes_the_fingerprint() {
        let base = of(&[("/api/programs", r#"{"programs":[{"id":"IpHINAT79UW","name":"Child"}]}"#)]);
        let renamed = of(&[("/api/programs", r#"{"programs":[{"id":"IpHINAT79UW","name":"Children"}]}"#)]);
        let other_request = of(&[("/api/programs?x", r#"{"programs":[{"id":"IpHINAT79UW","name":"Child"}]}"#)]);
        let two = of(&[("/a", r#"{"a":[1,2]}"#)]);
        let swapped = of(&[("/a", r#"{"a":[2,1]}"#)]);
        assert_ne!(base, renamed);
        assert_ne!(base, other_request);
        assert_ne!(two, swapped);
        // Answers do not run into one another.
        assert_ne!(of(&[("/a", "{}"), ("/b", "{}")]), of(&[("/a\n{}\n/b", "{}")]));
    }
}
