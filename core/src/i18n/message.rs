//! What something says, before it is said in a language: a message id of the catalogue and its
//! named arguments.
//!
//! Owns the [`Message`] value, its arguments and the [`Localize`] trait every error enum and
//! message-bearing value of the core implements. Does not own rendering (`catalogue`).

use std::fmt;

use chrono::NaiveDate;
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

use super::Locale;
use crate::model::{Period, Uid};

/// A message id of the catalogue (`form-unknown-field`) with its arguments. Serialised as
/// `{"id": "...", "args": {"field": "..."}}` for front ends that render it themselves.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// One argument of a message. Dates, periods and nested messages are rendered in the
/// reader's locale; numbers in the digits the reader chose; text as it is (names, codes, values
/// as typed, UIDs).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Period(Period),
    Message(Box<Message>),
    /// Several messages, shown one after the other, separated by "; ".
    List(Vec<Message>),
}

impl Message {
    /// A message without arguments. Write `msg!("id", name = value, ..)` for one with arguments:
    /// the catalogue tests find every id used in code by these two spellings.
    pub fn new(id: &'static str) -> Message {
        Message { id, args: Vec::new() }
    }

    /// This message with one more argument.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((name, value.into()));
        self
    }

    /// The argument called `name`, if given.
    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }

    /// The text in `locale`.
    pub fn render(&self, locale: Locale) -> String {
        super::render(self, locale)
    }
}

/// `msg!("form-unknown-field", record = r.message(), field = &f)`: a [`Message`] with the given
/// id and arguments; each value goes through `Into<Arg>`.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Message::new($id)$(.arg(stringify!($name), $value))*
    };
}

/// Anything that says something to a person: errors, refusals, form messages, statuses.
pub trait Localize {
    /// What it says, as a message id and arguments.
    fn message(&self) -> Message;

    /// What it says in `locale`.
    fn localized(&self, locale: Locale) -> String {
        self.message().render(locale)
    }
}

impl Localize for Message {
    fn message(&self) -> Message {
        self.clone()
    }
}

/// `Display` for logs: the English text of the catalogue. For an enum that implements
/// [`Localize`]: `crate::english_display!(FormError);`.
#[macro_export]
macro_rules! english_display {
    ($($ty:ty),+ $(,)?) => {$(
        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&$crate::i18n::Localize::localized(self, $crate::i18n::Locale::ENGLISH))
            }
        }
    )+};
}

impl fmt::Display for Message {
    /// The English text, for logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Locale::ENGLISH))
    }
}

impl From<String> for Arg {
    fn from(v: String) -> Arg {
        Arg::Text(v)
    }
}
impl From<&str> for Arg {
    fn from(v: &str) -> Arg {
        Arg::Text(v.to_string())
    }
}
impl From<&String> for Arg {
    fn from(v: &String) -> Arg {
        Arg::Text(v.clone())
    }
}
impl From<Uid> for Arg {
    fn from(v: Uid) -> Arg {
        Arg::Text(v.to_string())
    }
}
impl From<&Uid> for Arg {
    fn from(v: &Uid) -> Arg {
        Arg::Text(v.to_string())
    }
}
impl From<&std::path::Path> for Arg {
    fn from(v: &std::path::Path) -> Arg {
        Arg::Text(v.display().to_string())
    }
}
impl From<&std::path::PathBuf> for Arg {
    fn from(v: &std::path::PathBuf) -> Arg {
        Arg::Text(v.display().to_string())
    }
}
impl From<NaiveDate> for Arg {
    fn from(v: NaiveDate) -> Arg {
        Arg::Date(v)
    }
}
impl From<&NaiveDate> for Arg {
    fn from(v: &NaiveDate) -> Arg {
        Arg::Date(*v)
    }
}
impl From<Period> for Arg {
    fn from(v: Period) -> Arg {
        Arg::Period(v)
    }
}
impl From<Message> for Arg {
    fn from(v: Message) -> Arg {
        Arg::Message(Box::new(v))
    }
}
impl From<Vec<Message>> for Arg {
    fn from(v: Vec<Message>) -> Arg {
        Arg::List(v)
    }
}
impl From<f64> for Arg {
    fn from(v: f64) -> Arg {
        Arg::Number(v)
    }
}
impl From<&f64> for Arg {
    fn from(v: &f64) -> Arg {
        Arg::Number(*v)
    }
}

macro_rules! integer_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            /// Integers beyond 2^53 lose precision; counts and sizes never get there.
            fn from(v: $t) -> Arg {
                Arg::Number(v as f64)
            }
        }
        impl From<&$t> for Arg {
            fn from(v: &$t) -> Arg {
                Arg::Number(*v as f64)
            }
        }
    )*};
}
integer_args!(i32, i64, u32, u64, usize);

impl Serialize for Message {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Args<'a>(&'a [(&'static str, Arg)]);
        impl Serialize for Args<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(Some(self.0.len()))?;
                for (name, arg) in self.0 {
                    map.serialize_entry(name, arg)?;
                }
                map.end()
            }
        }
        let mut st = s.serialize_struct("Message", 2)?;
        st.serialize_field("id", self.id)?;
        st.serialize_field("args", &Args(&self.args))?;
        st.end()
    }
}

impl Serialize for Arg {
    /// Text and numbers as JSON strings and numbers; dates as ISO dates, periods as ISO periods;
    /// messages as `{"id", "args"}` objects.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Arg::Text(t) => s.serialize_str(t),
            Arg::Number(n) => s.serialize_f64(*n),
            Arg::Date(d) => s.serialize_str(&d.format("%Y-%m-%d").to_string()),
            Arg::Period(p) => s.serialize_str(&p.iso()),
            Arg::Message(m) => m.serialize(s),
            Arg::List(list) => list.serialize(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn msg_macro_keeps_argument_names_and_order() {
        let m = crate::msg!("x-y", field = "AbCdEf12345", count = 3usize);
        assert_eq!(m.id, "x-y");
        assert_eq!(m.args, vec![("field", Arg::Text("AbCdEf12345".into())), ("count", Arg::Number(3.0))]);
    }

    #[test]
    fn message_serialises_as_id_and_named_args() {
        let m = crate::msg!("x-y", when = crate::test_dates::ymd(2025, 3, 14), inner = Message::new("z"));
        let json = serde_json::to_value(&m).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"id": "x-y", "args": {"when": "2025-03-14", "inner": {"id": "z", "args": {}}}})
        );
    }
}
