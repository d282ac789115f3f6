//! Khmer and English: every text a person reads is made here from a message id and its
//! arguments, in the caller's language, from the Project Fluent catalogues in `locales/`.
//!
//! The flow: code that has something to say builds a [`Message`] (`msg!("form-unknown-field",
//! field = ..)`) or implements [`Localize`] on its error enum; a front end (the Android shell
//! through the bindings, the `phum` command line) renders it with a [`Locale`]: the language and
//! whether digits are shown as Khmer digits. Arguments that are themselves messages (an error's
//! cause, a status, a kind of record), dates and periods are rendered in the same locale, so no
//! sentence is ever glued together from English pieces.
//!
//! - `message`: [`Message`], [`Arg`], the [`msg!`](crate::msg) macro and the [`Localize`] trait.
//! - `catalogue`: the `.ftl` files embedded into the library, one bundle per language and digit
//!   setting, built once and shared between threads, with Unicode isolation marks off.
//! - `dates`: dates (`14 មីនា 2025`), months, weekdays and DHIS2 periods (`មីនា 2025`,
//!   `ត្រីមាស 1 2025`) in the locale.
//! - `digits`: ASCII digits shown as Khmer digits (reading them back is `model::digits`).
//! - `metadata`: a metadata object's translation in the reader's language, else its text as
//!   written.
//! - `screens`: [`ScreenText`], the typed texts of the Android screens and `phum demo`.
//! - `server_codes`: [`server_error_message`], the DHIS2 server's import error codes as sentences
//!   that say what to do, for sync to show beside a rejected record.
//!
//! Khmer has one plural category (`other`), so km messages never select on plurals. Stored and
//! sent values stay ASCII; only what is shown changes. English `Display` impls elsewhere render the
//! same catalogue in English and serve logs.
//!
//! Owns the catalogues, rendering and the formats of dates, periods and numbers. Does not own
//! which message a module says (each module's error enum does) or which metadata property a
//! screen shows (`form::view`).

mod catalogue;
#[cfg(test)]
pub(crate) mod catalogue_tests;
mod dates;
mod digits;
mod message;
mod metadata;
mod screens;
mod server_codes;

pub use catalogue::{render, try_render, try_render_id, RenderError, CATALOGUE_FILES};
pub use dates::{format_date, format_period, month_name, weekday_name};
pub use digits::{show_digits, show_number};
pub use message::{Arg, Localize, Message};
pub use metadata::{name_in, translation};
pub use screens::ScreenText;
pub use server_codes::{server_error_message, ServerDetails, SERVER_CODES};

use serde::{Deserialize, Serialize};

/// A language the catalogues are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Km,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Km];

    /// The language code: `en`, `km`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Km => "km",
        }
    }

    /// Reads a language code as DHIS2 and devices write it: `km`, `km_KH`, `km-KH`, `EN`, `en_GB`.
    /// `None` for a language without a catalogue.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['_', '-']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "km" => Some(Lang::Km),
            _ => None,
        }
    }

    /// Whether a DHIS2 translation's `locale` (`km`, `km_KH`) is in this language.
    pub fn matches_dhis2_locale(self, locale: &str) -> bool {
        Lang::from_code(locale) == Some(self)
    }
}

/// How text is shown to one person: the language, and whether digits are Khmer digits (a
/// setting; CLDR's default for Khmer is ASCII digits, as DHIS2's own Khmer screens use).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Locale {
    pub lang: Lang,
    pub khmer_digits: bool,
}

impl Locale {
    pub const ENGLISH: Locale = Locale { lang: Lang::En, khmer_digits: false };
    pub const KHMER: Locale = Locale { lang: Lang::Km, khmer_digits: false };

    pub fn new(lang: Lang, khmer_digits: bool) -> Locale {
        Locale { lang, khmer_digits }
    }
}
