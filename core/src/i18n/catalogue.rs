//! The catalogues: `locales/<lang>/*.ftl`, embedded at build time (`build.rs` lists them), parsed
//! into one Fluent bundle per language and digit setting the first time it is needed, and shared
//! by every thread from then on.
//!
//! Owns building the bundles and rendering a [`Message`] with them. Does not own the formats of
//! dates and periods (`dates`) or what any message says (the `.ftl` files).

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent::concurrent::FluentBundle;
use fluent::{FluentArgs, FluentResource, FluentValue};
use intl_memoizer::concurrent::IntlLangMemoizer;

use super::{dates, digits, Arg, Lang, Locale, Localize, Message};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/catalogue_files.rs"));
}

/// The catalogue files: (file name, English text, Khmer text).
pub const CATALOGUE_FILES: &[(&str, &str, &str)] = embedded::FILES;

type Bundle = FluentBundle<FluentResource>;

/// Why a message could not be rendered exactly as written: a defect of the catalogue or of the
/// code that built the message (the catalogue tests look for these; [`render`] falls back).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RenderError {
    #[error("message {id} is not in the {lang} catalogue")]
    UnknownId { id: String, lang: &'static str },
    #[error("message {id} in the {lang} catalogue: {problems}")]
    Fluent { id: String, lang: &'static str, problems: String },
}

/// `message` in `locale`. Never fails: a message the catalogue of the language lacks is taken
/// from the English one, and one that cannot be rendered at all is shown as its id and
/// arguments (the catalogue tests keep both from happening).
pub fn render(message: &Message, locale: Locale) -> String {
    try_render(message, locale)
        .or_else(|_| try_render(message, Locale { lang: Lang::En, ..locale }))
        .unwrap_or_else(|_| fallback_text(message))
}

/// `message` in `locale`, or what is wrong with the catalogue or the message's arguments
/// (an unknown id, a variable the message uses but was not given, a reference to a missing
/// message).
pub fn try_render(message: &Message, locale: Locale) -> Result<String, RenderError> {
    try_render_id(message.id, &message.args, locale)
}

/// The message `id` with `args` in `locale`, for an id that is not known at compile time (a
/// front end asking for a screen text by its id); otherwise as [`try_render`].
pub fn try_render_id(id: &str, args: &[(&str, Arg)], locale: Locale) -> Result<String, RenderError> {
    let bundle = bundle(locale);
    let lang = locale.lang.code();
    let found = bundle.get_message(id).ok_or(RenderError::UnknownId { id: id.to_string(), lang })?;
    let pattern = found.value().ok_or(RenderError::UnknownId { id: id.to_string(), lang })?;
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, arg) in args {
        fluent_args.set(*name, fluent_value(arg, locale)?);
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned();
    if errors.is_empty() {
        Ok(text)
    } else {
        let problems = errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; ");
        Err(RenderError::Fluent { id: id.to_string(), lang, problems })
    }
}

fn fluent_value(arg: &Arg, locale: Locale) -> Result<FluentValue<'static>, RenderError> {
    Ok(match arg {
        Arg::Text(t) => FluentValue::String(Cow::Owned(t.clone())),
        Arg::Number(n) => FluentValue::from(*n),
        Arg::Date(d) => FluentValue::String(Cow::Owned(dates::format_date(*d, locale))),
        Arg::Period(p) => FluentValue::String(Cow::Owned(dates::format_period(p, locale))),
        Arg::Message(m) => FluentValue::String(Cow::Owned(try_render(m, locale)?)),
        Arg::List(list) => {
            let parts = list.iter().map(|m| try_render(m, locale)).collect::<Result<Vec<_>, _>>()?;
            FluentValue::String(Cow::Owned(parts.join("; ")))
        }
    })
}

/// `id(name: value, ..)`: what [`render`] shows for a message no catalogue can render.
fn fallback_text(message: &Message) -> String {
    let args: Vec<String> = message
        .args
        .iter()
        .map(|(name, arg)| match arg {
            Arg::Text(t) => format!("{name}: {t}"),
            Arg::Number(n) => format!("{name}: {n}"),
            Arg::Date(d) => format!("{name}: {d}"),
            Arg::Period(p) => format!("{name}: {}", p.iso()),
            Arg::Message(m) => format!("{name}: {}", fallback_text(m)),
            Arg::List(l) => format!("{name}: [{}]", l.iter().map(fallback_text).collect::<Vec<_>>().join("; ")),
        })
        .collect();
    format!("{}({})", message.id, args.join(", "))
}

/// The bundle of `locale`, built on first use.
fn bundle(locale: Locale) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 4] = [OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let index = match (locale.lang, locale.khmer_digits) {
        (Lang::En, false) => 0,
        (Lang::En, true) => 1,
        (Lang::Km, false) => 2,
        (Lang::Km, true) => 3,
    };
    BUNDLES[index].get_or_init(|| build(locale))
}

fn build(locale: Locale) -> Bundle {
    // Both codes are valid language subtags, so parsing cannot fail; the default is English.
    let langid: unic_langid::LanguageIdentifier = locale.lang.code().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(false);
    if locale.khmer_digits {
        bundle.set_formatter(Some(khmer_digit_numbers));
    }
    for (_, en, km) in CATALOGUE_FILES {
        let text = match locale.lang {
            Lang::En => *en,
            Lang::Km => *km,
        };
        // A file with syntax errors still yields its good entries; the catalogue tests fail on
        // any error, so a shipped build has none.
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(partial, _)| partial);
        // Ids repeated across files: the first wins (the tests fail on repeats).
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// Numbers in Khmer digits (Fluent's own formatting otherwise: no grouping).
fn khmer_digit_numbers(value: &FluentValue, _: &IntlLangMemoizer) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(digits::show_number(&n.as_string(), true)),
        _ => None,
    }
}

impl Localize for RenderError {
    fn message(&self) -> Message {
        match self {
            RenderError::UnknownId { id, lang } => crate::msg!("i18n-unknown-id", id = id, lang = *lang),
            RenderError::Fluent { id, lang, problems } => {
                crate::msg!("i18n-bad-message", id = id, lang = *lang, problems = problems)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::msg;

    #[test]
    fn english_and_khmer_bundles_render_the_same_message() {
        let m = msg!("i18n-unknown-id", id = "x-y", lang = "km");
        assert!(try_render(&m, Locale::ENGLISH).unwrap().contains("x-y"));
        let km = try_render(&m, Locale::KHMER).unwrap();
        assert!(km.contains("x-y") && km.chars().any(|c| ('\u{1780}'..='\u{17FF}').contains(&c)), "{km}");
    }

    #[test]
    fn no_isolation_marks_around_arguments() {
        let text = render(&msg!("i18n-unknown-id", id = "x-y", lang = "km"), Locale::ENGLISH);
        assert!(!text.contains('\u{2068}') && !text.contains('\u{2069}'), "{text:?}");
    }

    #[test]
    fn unknown_id_is_an_error_and_renders_as_its_id_and_arguments() {
        let m = msg!("no-such-message", field = "AbCdEf12345");
        assert_eq!(
            try_render(&m, Locale::KHMER),
            Err(RenderError::UnknownId { id: "no-such-message".into(), lang: "km" })
        );
        assert_eq!(render(&m, Locale::KHMER), "no-such-message(field: AbCdEf12345)");
    }

    #[test]
    fn missing_variable_is_an_error() {
        let m = Message::new("i18n-unknown-id");
        assert!(matches!(try_render(&m, Locale::ENGLISH), Err(RenderError::Fluent { .. })));
    }

    #[test]
    fn numbers_follow_the_digit_setting() {
        let m = msg!("unit-days", count = 12.5);
        assert_eq!(try_render(&m, Locale::ENGLISH).unwrap(), "12.5 days");
        assert_eq!(try_render(&m, Locale::new(Lang::Km, true)).unwrap(), "១២,៥ ថ្ងៃ");
    }

    #[test]
    fn bundles_are_shared_between_threads() {
        let handles: Vec<_> = (0..4)
            .map(|i| {
                std::thread::spawn(move || {
                    let lang = if i % 2 == 0 { Lang::En } else { Lang::Km };
                    render(&msg!("unit-days", count = i), Locale::new(lang, false))
                })
            })
            .collect();
        let texts: Vec<String> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        assert_eq!(texts[0], "0 days");
        assert_eq!(texts[2], "2 days");
    }
}
