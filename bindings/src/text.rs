//! The screens' texts for the shell: [`screen_text`] renders one text of the core's screen
//! catalogue (`locales/*/screen.ftl`, `screen-…` ids) in the reader's language and digits, so the
//! Android shell holds no string of its own. It needs no open [`crate::App`]: the first-run
//! screen speaks before there is one.
//!
//! Owns taking a text's id and arguments across the FFI. Does not own what the texts say (the
//! catalogue) or which texts exist (`phum_core::i18n::ScreenText` lists them).

use chrono::NaiveDate;
use phum_core::i18n::{try_render_id, Arg, Lang, Locale};

use crate::error::{guard, ArgumentError, PhumError};

/// One named argument of a screen text.
#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum TextArg {
    /// Shown as it is (a name, a phase).
    Text { name: String, value: String },
    /// A count or number: English plurals, Khmer digits when the reader chose them.
    Number { name: String, value: f64 },
    /// An ISO date (`2026-12-05`), written as the language writes dates.
    Date { name: String, iso: String },
}

/// The screen text `id` (`screen-home-title`) with `args`, in `language` (`km`, `en`) and digits.
/// Refused (`Invalid`) for a language Phum has no texts in, an id that is not a screen text, an
/// argument it lacks or a date that is not one; said in `language` when it is known, else English.
#[uniffi::export]
pub fn screen_text(language: String, khmer_digits: bool, id: String, args: Vec<TextArg>) -> Result<String, PhumError> {
    let lang = Lang::from_code(&language);
    let locale = Locale::new(lang.unwrap_or_default(), khmer_digits);
    guard(locale, || {
        let invalid = |e: ArgumentError| PhumError::from_core(&e, locale);
        lang.ok_or_else(|| invalid(ArgumentError::Language { code: language.clone() }))?;
        if !id.starts_with("screen-") {
            return Err(invalid(ArgumentError::NotAScreenText { id: id.clone() }));
        }
        let args = args.iter().map(arg).collect::<Result<Vec<_>, _>>().map_err(invalid)?;
        let args: Vec<(&str, Arg)> = args.iter().map(|(n, a)| (n.as_str(), a.clone())).collect();
        try_render_id(&id, &args, locale).map_err(|_| invalid(ArgumentError::NotAScreenText { id: id.clone() }))
    })
}

fn arg(a: &TextArg) -> Result<(String, Arg), ArgumentError> {
    Ok(match a {
        TextArg::Text { name, value } => (name.clone(), Arg::Text(value.clone())),
        TextArg::Number { name, value } => (name.clone(), Arg::Number(*value)),
        TextArg::Date { name, iso } => {
            let date =
                NaiveDate::parse_from_str(iso, "%Y-%m-%d").map_err(|_| ArgumentError::Date { value: iso.clone() })?;
            (name.clone(), Arg::Date(date))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(name: &str, value: f64) -> TextArg {
        TextArg::Number { name: name.into(), value }
    }

    #[test]
    fn a_screen_text_renders_in_khmer_with_khmer_digits_and_in_english_plurals() {
        let km = screen_text("km".into(), true, "screen-home-not-sent-count".into(), vec![number("count", 12.0)]);
        assert!(km.unwrap().contains("១២"));
        let en = screen_text("en".into(), false, "screen-home-not-sent-count".into(), vec![number("count", 1.0)]);
        let en2 = screen_text("en".into(), false, "screen-home-not-sent-count".into(), vec![number("count", 2.0)]);
        assert_ne!(en.unwrap().replace('1', ""), en2.unwrap().replace('2', ""));
    }

    #[test]
    fn dates_are_written_as_the_language_writes_them() {
        let date = || vec![TextArg::Date { name: "date".into(), iso: "2026-12-05".into() }];
        let en = screen_text("en".into(), false, "screen-sync-last".into(), date()).unwrap();
        let km = screen_text("km".into(), false, "screen-sync-last".into(), date()).unwrap();
        assert!(!en.contains("2026-12-05") && en.contains("2026"), "{en}");
        assert_ne!(en, km);
    }

    #[test]
    fn unknown_ids_other_catalogues_missing_arguments_and_bad_dates_are_refused() {
        let refused = |language: &str, id: &str, args: Vec<TextArg>| {
            let error = screen_text(language.into(), false, id.into(), args).unwrap_err();
            let PhumError::Invalid { id, text, .. } = error else { panic!("{error:?}") };
            (id, text)
        };
        assert_eq!(refused("en", "screen-no-such-text", vec![]).0, "bindings-not-a-screen-text");
        // An error message of the core is not a screen text, even though the catalogue has it.
        assert_eq!(refused("en", "sync-cancelled", vec![]).0, "bindings-not-a-screen-text");
        assert_eq!(refused("km", "screen-home-working-in", vec![]).0, "bindings-not-a-screen-text");
        let (id, text) =
            refused("km", "screen-sync-last", vec![TextArg::Date { name: "date".into(), iso: "5/12".into() }]);
        assert_eq!(id, "bindings-bad-date");
        assert!(text.chars().any(|c| ('\u{1780}'..='\u{17FF}').contains(&c)), "{text}");
        assert_eq!(refused("fr", "screen-home-title", vec![]).0, "bindings-unknown-language");
    }
}
