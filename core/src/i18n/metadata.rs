//! Metadata in the reader's language: DHIS2 sends each object's translations
//! (`translations: [{property, locale, value}]`, downloaded for every locale so the language can
//! change offline); a label is the translation in the reader's language, else the text as
//! written (the server's default language).
//!
//! Owns matching a translation to a language. Does not own which property a screen shows
//! (`form::view`: FORM_NAME before NAME for fields).

use super::Lang;
use crate::model::{Identity, Translation};

/// The translation of `property` in `lang`, from DHIS2's `translations` (the first whose locale
/// is in the language: `km`, `km_KH`); empty translations do not count.
pub fn translation<'a>(list: &'a [Translation], property: &str, lang: Lang) -> Option<&'a str> {
    list.iter()
        .find(|t| t.property == property && lang.matches_dhis2_locale(&t.locale) && !t.value.trim().is_empty())
        .map(|t| t.value.as_str())
}

/// The NAME of a metadata object in `lang` (its translation), else as written.
pub fn name_in(identity: &Identity, lang: Lang) -> String {
    translation(&identity.translations, "NAME", lang).unwrap_or(&identity.name).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn a_translation_counts_for_its_language_whatever_its_region_and_never_when_empty() {
        let t = |locale: &str, value: &str| Translation {
            property: "NAME".into(),
            locale: locale.into(),
            value: value.into(),
        };
        let list = [t("fr", "Poids"), t("km", " "), t("km_KH", "ទម្ងន់"), t("en_GB", "Weight")];
        assert_eq!(translation(&list, "NAME", Lang::Km), Some("ទម្ងន់"));
        assert_eq!(translation(&list, "NAME", Lang::En), Some("Weight"));
        assert_eq!(translation(&list, "FORM_NAME", Lang::Km), None);
    }
}
