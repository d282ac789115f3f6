//! Small wire types that many metadata objects share: references, identity, translations,
//! DHIS2 timestamps, sharing access, styles, and `Child` (an embedded object or a bare reference).
//!
//! Owns how these look in DHIS2 JSON. Does not own what a reference must point to: the importer
//! checks that.

use std::fmt;

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::{Date, Month, PrimitiveDateTime, Time};

use super::Uid;

/// A reference to another object: `{"id": "..."}`. Other keys DHIS2 adds are ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct IdRef {
    pub id: Uid,
}

/// The name, code and descriptions every identifiable DHIS2 object has, with their translations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Identity {
    pub id: Uid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Every locale the server sent, kept so that the language can change offline.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<Translation>,
}

/// Declares a metadata type that has an [`Identity`]. Serialised, the identity is flattened into
/// the object as DHIS2 has it; deserialised, serde reads a private twin struct with the identity
/// fields inline, because `flatten` on deserialisation buffers every field of every object (a
/// third of the import's parsing time) and loses the field path in error messages.
macro_rules! identifiable {
    (
        $(#[$meta:meta])*
        pub struct $name:ident / $wire:ident {
            $( $(#[$fmeta:meta])* pub $field:ident : $ty:ty ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            #[serde(flatten)]
            pub identity: $crate::model::common::Identity,
            $( $(#[$fmeta])* pub $field : $ty ),*
        }

        #[derive(serde::Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct $wire {
            id: $crate::model::Uid,
            #[serde(default)]
            code: Option<String>,
            name: String,
            #[serde(default)]
            short_name: Option<String>,
            #[serde(default)]
            form_name: Option<String>,
            #[serde(default)]
            description: Option<String>,
            #[serde(default)]
            translations: Vec<$crate::model::common::Translation>,
            $( $(#[$fmeta])* $field : $ty ),*
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let w = <$wire as serde::Deserialize>::deserialize(d)?;
                Ok($name {
                    identity: $crate::model::common::Identity {
                        id: w.id,
                        code: w.code,
                        name: w.name,
                        short_name: w.short_name,
                        form_name: w.form_name,
                        description: w.description,
                        translations: w.translations,
                    },
                    $( $field: w.$field ),*
                })
            }
        }
    };
}
pub(crate) use identifiable;

/// One entry of DHIS2's `translations` array.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translation {
    /// The translated property as DHIS2 names it: `NAME`, `SHORT_NAME`, `FORM_NAME`,
    /// `DESCRIPTION`, `CONTENT`, ... (kept as text: servers add properties over time).
    pub property: String,
    pub locale: String,
    pub value: String,
}

impl Identity {
    /// The translation of `property` for `locale`, if the server sent one.
    pub fn translation(&self, property: &str, locale: &str) -> Option<&str> {
        find_translation(&self.translations, property, locale)
    }
}

pub fn find_translation<'a>(list: &'a [Translation], property: &str, locale: &str) -> Option<&'a str> {
    list.iter().find(|t| t.property == property && t.locale == locale).map(|t| t.value.as_str())
}

/// Sharing flags that decide whether the user may capture data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Access {
    #[serde(default)]
    pub read: Option<bool>,
    #[serde(default)]
    pub write: Option<bool>,
    #[serde(default)]
    pub data: Option<DataAccess>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DataAccess {
    #[serde(default)]
    pub read: bool,
    #[serde(default)]
    pub write: bool,
}

/// Colour and icon of an option, program or stage.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Style {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon: Option<String>,
}

/// A list entry that is either an embedded object (per-endpoint answers nest them) or a bare
/// `{"id": ...}` reference to an object sent elsewhere (`/api/metadata` exports do that).
#[derive(Debug, Clone, PartialEq)]
pub enum Child<T> {
    Full(Box<T>),
    Ref(Uid),
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Child<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(d)?;
        let is_bare_ref = matches!(&value, serde_json::Value::Object(map) if map.len() == 1 && map.contains_key("id"));
        if is_bare_ref {
            let r: IdRef = serde_json::from_value(value).map_err(D::Error::custom)?;
            Ok(Child::Ref(r.id))
        } else {
            serde_path_to_error::deserialize(value).map(|t| Child::Full(Box::new(t))).map_err(|e| {
                let path = e.path().to_string();
                if path == "." {
                    D::Error::custom(e.into_inner())
                } else {
                    D::Error::custom(format_args!("{path}: {}", e.into_inner()))
                }
            })
        }
    }
}

impl<T: Serialize> Serialize for Child<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Child::Full(t) => t.serialize(s),
            Child::Ref(id) => IdRef { id: *id }.serialize(s),
        }
    }
}

/// A DHIS2 timestamp. Servers send `2016-04-12T15:34:04.929` (no zone: server time), sometimes a
/// bare date, and sometimes a trailing `Z` or offset, which is dropped (the server's time zone is
/// kept separately from `/api/system/info`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub PrimitiveDateTime);

impl Timestamp {
    pub fn parse(text: &str) -> Option<Timestamp> {
        let b = text.as_bytes();
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let s = text.get(r)?;
            if s.bytes().all(|c| c.is_ascii_digit()) {
                s.parse().ok()
            } else {
                None
            }
        };
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = num(0..4)? as i32;
        let month = Month::try_from(num(5..7)? as u8).ok()?;
        let date = Date::from_calendar_date(year, month, num(8..10)? as u8).ok()?;
        let rest = &text[10..];
        if rest.is_empty() {
            return Some(Timestamp(PrimitiveDateTime::new(date, Time::MIDNIGHT)));
        }
        if !(rest.starts_with('T') || rest.starts_with(' ')) || rest.len() < 6 || rest.as_bytes()[3] != b':' {
            return None;
        }
        let hour = num(11..13)? as u8;
        let minute = num(14..16)? as u8;
        let mut second = 0u8;
        let mut milli = 0u16;
        let mut pos = 16;
        if b.get(pos) == Some(&b':') {
            second = num(17..19)? as u8;
            pos = 19;
            if b.get(pos) == Some(&b'.') {
                let digits = b[pos + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
                if digits == 0 {
                    return None;
                }
                let frac = &text[pos + 1..pos + 1 + digits.min(3)];
                milli = frac.parse::<u16>().ok()? * 10u16.pow(3 - frac.len() as u32);
                pos += 1 + digits;
            }
        }
        let zone = &text[pos..];
        let zone_ok = zone.is_empty()
            || zone == "Z"
            || ((zone.starts_with('+') || zone.starts_with('-'))
                && zone.len() <= 6
                && zone[1..].bytes().all(|c| c.is_ascii_digit() || c == b':'));
        if !zone_ok {
            return None;
        }
        let time = Time::from_hms_milli(hour, minute, second, milli).ok()?;
        Some(Timestamp(PrimitiveDateTime::new(date, time)))
    }

    pub fn date(&self) -> Date {
        self.0.date()
    }

    /// The current time in UTC, to the millisecond (what is stored and sent).
    pub fn now() -> Timestamp {
        let now = time::OffsetDateTime::now_utc();
        let ms = now.millisecond();
        let t = Time::from_hms_milli(now.hour(), now.minute(), now.second(), ms).unwrap_or(Time::MIDNIGHT);
        Timestamp(PrimitiveDateTime::new(now.date(), t))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (d, t) = (self.0.date(), self.0.time());
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}",
            d.year(),
            d.month() as u8,
            d.day(),
            t.hour(),
            t.minute(),
            t.second(),
            t.millisecond()
        )
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({self})")
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        let text = String::deserialize(d)?;
        Timestamp::parse(&text).ok_or_else(|| {
            D::Error::custom(format!(
                "'{}' is not a DHIS2 date or timestamp (expected yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss.SSS)",
                super::uid::shorten(&text)
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_in_every_shape_dhis2_sends() {
        for (text, shown) in [
            ("2016-04-12T15:34:04.929", "2016-04-12T15:34:04.929"),
            ("2016-04-12", "2016-04-12T00:00:00.000"),
            ("2018-01-09T23:00:00.000Z", "2018-01-09T23:00:00.000"),
            ("2024-06-12T20:37:48.66", "2024-06-12T20:37:48.660"),
            ("2024-06-12T20:37:48", "2024-06-12T20:37:48.000"),
            ("2024-06-12T20:37", "2024-06-12T20:37:00.000"),
            ("2024-06-12T20:37:48.123456+07:00", "2024-06-12T20:37:48.123"),
        ] {
            assert_eq!(Timestamp::parse(text).map(|t| t.to_string()).as_deref(), Some(shown), "{text}");
        }
    }

    #[test]
    fn impossible_timestamps_are_refused() {
        for text in [
            "",
            "2016",
            "2016-02-30",
            "2016-13-01",
            "2016-04-12T25:00",
            "2016-04-12X",
            "٢٠١٦-04-12",
            "2016-04-12T10:00:00.",
            "2016-04-12T10:00Zulu",
        ] {
            assert!(Timestamp::parse(text).is_none(), "{text}");
        }
        let err = serde_json::from_str::<Timestamp>("\"yesterday\"").unwrap_err().to_string();
        assert!(err.contains("'yesterday' is not a DHIS2 date"), "{err}");
    }

    #[test]
    fn child_is_a_reference_only_when_it_has_nothing_but_an_id() {
        let c: Child<Identity> = serde_json::from_str(r#"{"id":"lxAQ7Zs9VYR"}"#).unwrap();
        assert_eq!(c, Child::Ref(Uid::parse("lxAQ7Zs9VYR").unwrap()));
        let c: Child<Identity> = serde_json::from_str(r#"{"id":"lxAQ7Zs9VYR","name":"ANC"}"#).unwrap();
        assert!(matches!(c, Child::Full(ref i) if i.name == "ANC"));
        let err = serde_json::from_str::<Child<Identity>>(r#"{"id":"lxAQ7Zs9VYR","code":"X"}"#).unwrap_err();
        assert!(err.to_string().contains("missing field `name`"), "{err}");
    }
}
