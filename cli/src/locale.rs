//! The reader's language for everything `phum` prints: `--lang en|km` and `--khmer-digits`,
//! global options of every command, else the `PHUM_LANG` environment variable, else English.
//!
//! The flow: `main` reads the two options from the raw arguments before clap parses them (the
//! help texts clap prints must already be in that language), sets the locale once for the
//! process, and every module renders its messages with [`get`]. clap parses the same options
//! again, so that they are checked, listed in `--help` and accepted after any subcommand.
//!
//! Owns choosing the locale. Does not own any text (the catalogues in `locales/`).

use std::ffi::OsString;
use std::sync::OnceLock;

use phum_core::i18n::{Lang, Locale, Localize};

/// The environment variable naming the default language (`en`, `km`, `km_KH`).
pub const ENV: &str = "PHUM_LANG";

static LOCALE: OnceLock<Locale> = OnceLock::new();

/// Why the language cannot be chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LangProblem {
    /// `PHUM_LANG` names a language phum has no catalogue for.
    UnknownEnv(String),
}

/// The locale `args` (the whole command line, program name first) and `env` (the value of
/// `PHUM_LANG`) ask for. The last `--lang` wins, as clap reads it; a `--lang` value clap will
/// refuse is ignored here. Nothing after `--` is an option.
pub fn choose(args: &[OsString], env: Option<&str>) -> Result<Locale, LangProblem> {
    let mut lang = None;
    let mut khmer_digits = false;
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        match word.as_ref() {
            "--" => break,
            "--khmer-digits" => khmer_digits = true,
            "--lang" => lang = words.next().and_then(|v| parse_lang(&v).ok()).or(lang),
            other => {
                if let Some(value) = other.strip_prefix("--lang=") {
                    lang = parse_lang(value).ok().or(lang);
                }
            }
        }
    }
    let lang = match (lang, env) {
        (Some(lang), _) => lang,
        (None, Some(code)) if !code.trim().is_empty() => {
            Lang::from_code(code).ok_or_else(|| LangProblem::UnknownEnv(code.to_string()))?
        }
        (None, _) => Lang::En,
    };
    Ok(Locale::new(lang, khmer_digits))
}

/// `--lang`'s value: exactly `en` or `km`.
pub fn parse_lang(value: &str) -> Result<Lang, String> {
    match value {
        "en" => Ok(Lang::En),
        "km" => Ok(Lang::Km),
        _ => Err(phum_core::msg!("cli-bad-lang", value = value).localized(get())),
    }
}

/// Sets the process's locale (once, in `main`).
pub fn set(locale: Locale) {
    let _ = LOCALE.set(locale);
}

/// The locale of this run (English until `main` sets it).
pub fn get() -> Locale {
    LOCALE.get().copied().unwrap_or_default()
}

/// `m` in the locale of this run.
pub fn say(m: &impl Localize) -> String {
    m.localized(get())
}

impl Localize for LangProblem {
    fn message(&self) -> phum_core::i18n::Message {
        match self {
            LangProblem::UnknownEnv(value) => phum_core::msg!("cli-bad-lang-env", variable = ENV, value = value),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<OsString> {
        std::iter::once("phum").chain(words.iter().copied()).map(OsString::from).collect()
    }

    #[test]
    fn lang_comes_from_the_option_then_the_environment_then_english() {
        let km = Locale::new(Lang::Km, false);
        assert_eq!(choose(&args(&["--lang", "km", "lint", "a.json"]), None), Ok(km));
        assert_eq!(choose(&args(&["lint", "--lang=km", "a.json"]), Some("en")), Ok(km));
        assert_eq!(choose(&args(&["lint", "a.json"]), Some("km_KH")), Ok(km));
        assert_eq!(choose(&args(&["lint", "a.json"]), None), Ok(Locale::ENGLISH));
        assert_eq!(choose(&args(&["lint", "a.json"]), Some("")), Ok(Locale::ENGLISH));
        assert_eq!(choose(&args(&["--lang", "en", "--lang", "km"]), None), Ok(km));
        assert_eq!(choose(&args(&["--khmer-digits"]), Some("km")), Ok(Locale::new(Lang::Km, true)));
        // After `--` it is an argument, not an option.
        assert_eq!(choose(&args(&["expr", "eval", "--", "--lang"]), None), Ok(Locale::ENGLISH));
        assert_eq!(choose(&args(&[]), Some("fr")), Err(LangProblem::UnknownEnv("fr".into())));
        // A bad --lang is clap's to refuse; the environment is not consulted for it.
        assert_eq!(choose(&args(&["--lang", "fr"]), None), Ok(Locale::ENGLISH));
    }
}
