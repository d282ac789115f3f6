//! Small wire types that many metadata objects share: references, identity, translations,
//! DHIS2 timestamps, sharing access, styles, and `Child` (an embedded object or a bare reference).
//!
//! Owns how these look in DHIS2 JSON. Does not own what a reference must point to: the importer
//! checks that.

use std::cmp::Ordering;
use std::fmt;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Timelike, Utc};
use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

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

/// A DHIS2 timestamp as its text says it: a wall-clock date and time (to the millisecond) and,
/// when the text has one, its UTC offset.
///
/// Servers send `2016-04-12T15:34:04.929` (no offset: the server's own time zone, which
/// `/api/system/info` names as `serverTimeZoneId`), sometimes a bare date, and sometimes a
/// trailing `Z` or an offset (`+07:00`, `+0700`, `+07`). Phum stamps its own records with the
/// device's local time and offset (`model::clock::DeviceClock::now`). Nothing is dropped:
/// `2025-03-01T10:00:00+07:00` and `2025-03-01T10:00:00` are different timestamps, and
/// [`Timestamp::instant`] says that `…T03:00:00Z` and `…T10:00:00+07:00` are the same moment.
/// [`fmt::Display`] writes the timestamp back with its offset as written (`Z` stays `Z`; a
/// numeric offset is written `±hh:mm`).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Timestamp {
    local: NaiveDateTime,
    offset: Option<UtcOffset>,
}

/// The UTC offset a timestamp's text carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UtcOffset {
    /// `Z`.
    Z,
    /// `±hh:mm` (also read from `±hhmm` and `±hh`).
    Fixed(FixedOffset),
}

impl UtcOffset {
    pub fn fixed(self) -> FixedOffset {
        match self {
            UtcOffset::Z => Utc.fix(),
            UtcOffset::Fixed(f) => f,
        }
    }
}

impl Timestamp {
    /// A wall-clock time without offset (as DHIS2 servers write theirs), cut to the millisecond.
    pub fn without_offset(local: NaiveDateTime) -> Timestamp {
        Timestamp { local: to_millis(local), offset: None }
    }

    /// A wall-clock time at a UTC offset, cut to the millisecond.
    pub fn with_offset(local: NaiveDateTime, offset: FixedOffset) -> Timestamp {
        Timestamp { local: to_millis(local), offset: Some(UtcOffset::Fixed(offset)) }
    }

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
        let year = i32::try_from(num(0..4)?).ok()?;
        let date = NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?)?;
        let rest = &text[10..];
        if rest.is_empty() {
            return Some(Timestamp { local: date.and_time(NaiveTime::MIN), offset: None });
        }
        if !(rest.starts_with('T') || rest.starts_with(' ')) || rest.len() < 6 || rest.as_bytes()[3] != b':' {
            return None;
        }
        let hour = num(11..13)?;
        let minute = num(14..16)?;
        let mut second = 0;
        let mut milli = 0;
        let mut pos = 16;
        if b.get(pos) == Some(&b':') {
            second = num(17..19)?;
            pos = 19;
            if b.get(pos) == Some(&b'.') {
                let digits = b[pos + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
                if digits == 0 {
                    return None;
                }
                let frac = &text[pos + 1..pos + 1 + digits.min(3)];
                milli = frac.parse::<u32>().ok()? * 10u32.pow(3 - frac.len() as u32);
                pos += 1 + digits;
            }
        }
        let offset = parse_offset(&text[pos..])?;
        let time = NaiveTime::from_hms_milli_opt(hour, minute, second, milli)?;
        Some(Timestamp { local: date.and_time(time), offset })
    }

    /// The date as written (the local date where the timestamp was taken).
    pub fn date(&self) -> NaiveDate {
        self.local.date()
    }

    /// The date and time as written, without the offset.
    pub fn wall_time(&self) -> NaiveDateTime {
        self.local
    }

    /// The offset the text carries, if any.
    pub fn offset(&self) -> Option<UtcOffset> {
        self.offset
    }

    /// The moment in time, when the timestamp says its offset; `None` for a server-local one.
    pub fn instant(&self) -> Option<DateTime<Utc>> {
        let offset = self.offset?.fixed();
        offset.from_local_datetime(&self.local).single().map(|t| t.with_timezone(&Utc))
    }

    /// Which comes first: by instant when both say their offset, by wall time when neither does;
    /// `None` when only one does (they were read on different clocks).
    pub fn compare(&self, other: &Timestamp) -> Option<Ordering> {
        match (self.instant(), other.instant()) {
            (Some(a), Some(b)) => Some(a.cmp(&b)),
            (None, None) => Some(self.local.cmp(&other.local)),
            _ => None,
        }
    }
}

/// `""` (no offset), `Z`, `±hh:mm`, `±hhmm` or `±hh`; `None` for anything else.
fn parse_offset(text: &str) -> Option<Option<UtcOffset>> {
    if text.is_empty() {
        return Some(None);
    }
    if text == "Z" {
        return Some(Some(UtcOffset::Z));
    }
    let sign = match text.as_bytes()[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits = |s: &str| -> Option<i32> { s.bytes().all(|c| c.is_ascii_digit()).then(|| s.parse().ok()).flatten() };
    let rest = &text[1..];
    if !rest.bytes().all(|c| c.is_ascii_digit() || c == b':') {
        return None;
    }
    let (hours, minutes) = match rest.len() {
        2 => (digits(rest)?, 0),
        4 => (digits(&rest[..2])?, digits(&rest[2..])?),
        5 if rest.as_bytes()[2] == b':' => (digits(&rest[..2])?, digits(&rest[3..])?),
        _ => return None,
    };
    if hours > 23 || minutes > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60)).map(|f| Some(UtcOffset::Fixed(f)))
}

/// `t` without its sub-millisecond part.
fn to_millis(t: NaiveDateTime) -> NaiveDateTime {
    let nanos = t.nanosecond() % 1_000_000_000;
    t.with_nanosecond(nanos - nanos % 1_000_000).unwrap_or(t)
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = self.local;
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}",
            t.year(),
            t.month(),
            t.day(),
            t.hour(),
            t.minute(),
            t.second(),
            (t.nanosecond() % 1_000_000_000) / 1_000_000
        )?;
        match self.offset {
            None => Ok(()),
            Some(UtcOffset::Z) => f.write_str("Z"),
            Some(UtcOffset::Fixed(o)) => {
                let secs = o.local_minus_utc();
                let sign = if secs < 0 { '-' } else { '+' };
                let minutes = secs.unsigned_abs() / 60;
                write!(f, "{sign}{:02}:{:02}", minutes / 60, minutes % 60)
            }
        }
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
            super::decode_error::custom(crate::msg!("model-timestamp-invalid", text = super::uid::shorten(&text)))
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
            ("2018-01-09T23:00:00.000Z", "2018-01-09T23:00:00.000Z"),
            ("2024-06-12T20:37:48.66", "2024-06-12T20:37:48.660"),
            ("2024-06-12T20:37:48", "2024-06-12T20:37:48.000"),
            ("2024-06-12T20:37", "2024-06-12T20:37:00.000"),
            ("2024-06-12T20:37:48.123456+07:00", "2024-06-12T20:37:48.123+07:00"),
            ("2024-06-12T20:37:48+0700", "2024-06-12T20:37:48.000+07:00"),
            ("2024-06-12T20:37:48-03", "2024-06-12T20:37:48.000-03:00"),
            ("2024-06-12T20:37:48.5-09:30", "2024-06-12T20:37:48.500-09:30"),
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
            "2016-04-12T10:00:00+7",
            "2016-04-12T10:00:00+07:0",
            "2016-04-12T10:00:00+24:00",
            "2016-04-12T10:00:00+07:60",
            "2016-04-12T10:00:00+07:00Z",
            "2016-04-12T10:00:00+aé1",
            "2016-04-12T10:00:00+០៧:00",
        ] {
            assert!(Timestamp::parse(text).is_none(), "{text}");
        }
        let err = serde_json::from_str::<Timestamp>("\"yesterday\"").unwrap_err().to_string();
        assert!(err.contains("'yesterday' is not a DHIS2 date"), "{err}");
    }

    #[test]
    fn an_offset_is_kept_and_makes_a_different_timestamp() {
        let with = Timestamp::parse("2025-03-01T10:00:00+07:00").unwrap();
        let without = Timestamp::parse("2025-03-01T10:00:00").unwrap();
        assert_ne!(with, without);
        assert_eq!(with.to_string(), "2025-03-01T10:00:00.000+07:00");
        assert_eq!(with.date(), without.date());
        assert_eq!(without.instant(), None, "a server-local time is no instant by itself");
        assert_eq!(Timestamp::without_offset(without.wall_time()), without);
        let cut = Timestamp::with_offset(with.wall_time() + chrono::TimeDelta::microseconds(1500), Utc.fix());
        assert_eq!(cut.to_string(), "2025-03-01T10:00:00.001+00:00", "to the millisecond");
    }

    #[test]
    fn the_same_moment_at_two_offsets_is_the_same_instant() {
        let utc = Timestamp::parse("2025-03-01T03:00:00Z").unwrap();
        let phnom_penh = Timestamp::parse("2025-03-01T10:00:00+07:00").unwrap();
        assert_ne!(utc, phnom_penh, "the texts differ");
        assert_eq!(utc.instant(), phnom_penh.instant());
        assert_eq!(utc.instant().unwrap().to_rfc3339(), "2025-03-01T03:00:00+00:00");
        assert_eq!(utc.compare(&phnom_penh), Some(Ordering::Equal));
        let later = Timestamp::parse("2025-03-01T10:00:00.001+0700").unwrap();
        assert_eq!(later.compare(&utc), Some(Ordering::Greater));
        let server = Timestamp::parse("2025-03-01T09:00:00").unwrap();
        assert_eq!(server.compare(&utc), None, "a server-local time has no common clock with an instant");
        assert_eq!(server.compare(&Timestamp::parse("2025-03-01").unwrap()), Some(Ordering::Greater));
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
