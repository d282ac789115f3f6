//! A person as lists and search results show them: the values of the attributes their tracked
//! entity type shows in lists (`trackedEntityTypeAttributes[].displayInList`, in that order, as
//! Android Capture's search results show them), each as a person reads it in the locale (dates
//! written in the language, digits as chosen), with the attribute's name in the language.
//!
//! Owns choosing and showing those values. Does not own finding people (`query`).

use super::SearchError;
use crate::expr::value::parse_iso_date;
use crate::i18n::{format_date, name_in, show_digits, Locale};
use crate::model::{TrackedEntityAttribute, TrackedEntityType, Uid, ValueType};
use crate::store::Store;

/// One value shown for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownValue {
    pub attribute: Uid,
    /// The attribute's name in the locale's language, else as written.
    pub name: String,
    /// As stored.
    pub value: String,
    /// As a person reads it in the locale.
    pub shown: String,
}

/// The values `person` shows in lists, in the order of their type's attributes; empty for a
/// person who is not on this device.
pub fn shown_values(store: &Store, person: Uid, locale: Locale) -> Result<Vec<ShownValue>, SearchError> {
    let data = store.data();
    let Some(te) = data.tracked_entity(person)? else { return Ok(Vec::new()) };
    let values = data.attribute_values(person)?;
    let Some(kind) = store.get::<TrackedEntityType>(te.tracked_entity_type)? else { return Ok(Vec::new()) };
    let mut shown = Vec::new();
    for listed in kind.tracked_entity_type_attributes.iter().filter(|a| a.display_in_list) {
        let uid = listed.tracked_entity_attribute.id;
        let Some((_, value)) = values.iter().find(|(a, _)| *a == uid) else { continue };
        let attribute = store.get::<TrackedEntityAttribute>(uid)?;
        let is_date = attribute.as_ref().is_some_and(|a| a.value_type == ValueType::Date);
        let text = match parse_iso_date(value) {
            Some(day) if is_date => format_date(day, locale),
            _ => show_digits(value, locale.khmer_digits),
        };
        let name = attribute.map(|a| name_in(&a.identity, locale.lang)).unwrap_or_else(|| uid.to_string());
        shown.push(ShownValue { attribute: uid, name, value: value.clone(), shown: text });
    }
    Ok(shown)
}
