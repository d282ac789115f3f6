//! A person as lists and search results show them: the values of the attributes their tracked
//! entity type shows in lists (`trackedEntityTypeAttributes[].displayInList`, in that order, as
//! Android Capture's search results show them), each as a person reads it in the locale (dates
//! written in the language, digits as chosen), with the attribute's name in the language.
//!
//! A list shows many people of few types: [`Cards`] reads each type's listed attributes once.
//!
//! Owns choosing and showing those values. Does not own finding people (`query`).

use std::collections::HashMap;

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

/// One listed attribute of a type, read from metadata once.
#[derive(Debug, Clone)]
struct Listed {
    attribute: Uid,
    name: String,
    is_date: bool,
}

/// Shows people one after the other, as a list or search results do: each tracked entity type's
/// listed attributes are read from metadata once, not once per person.
pub struct Cards<'a> {
    store: &'a Store,
    locale: Locale,
    types: HashMap<Uid, Vec<Listed>>,
}

impl<'a> Cards<'a> {
    pub fn new(store: &'a Store, locale: Locale) -> Cards<'a> {
        Cards { store, locale, types: HashMap::new() }
    }

    /// The values `person` shows in lists, in the order of their type's attributes; empty for a
    /// person who is not on this device.
    pub fn values(&mut self, person: Uid) -> Result<Vec<ShownValue>, SearchError> {
        let data = self.store.data();
        let Some(te) = data.tracked_entity(person)? else { return Ok(Vec::new()) };
        let values = data.attribute_values(person)?;
        let locale = self.locale;
        let listed = self.listed(te.tracked_entity_type)?;
        let mut shown = Vec::new();
        for l in listed {
            let Some((_, value)) = values.iter().find(|(a, _)| *a == l.attribute) else { continue };
            let text = match parse_iso_date(value) {
                Some(day) if l.is_date => format_date(day, locale),
                _ => show_digits(value, locale.khmer_digits),
            };
            shown.push(ShownValue { attribute: l.attribute, name: l.name.clone(), value: value.clone(), shown: text });
        }
        Ok(shown)
    }

    /// The listed attributes of a tracked entity type (none for a type not on this device).
    fn listed(&mut self, kind: Uid) -> Result<&[Listed], SearchError> {
        if !self.types.contains_key(&kind) {
            let mut listed = Vec::new();
            if let Some(t) = self.store.get::<TrackedEntityType>(kind)? {
                for a in t.tracked_entity_type_attributes.iter().filter(|a| a.display_in_list) {
                    let uid = a.tracked_entity_attribute.id;
                    let attribute = self.store.get::<TrackedEntityAttribute>(uid)?;
                    listed.push(Listed {
                        attribute: uid,
                        is_date: attribute.as_ref().is_some_and(|a| a.value_type == ValueType::Date),
                        name: attribute
                            .map(|a| name_in(&a.identity, self.locale.lang))
                            .unwrap_or_else(|| uid.to_string()),
                    });
                }
            }
            self.types.insert(kind, listed);
        }
        Ok(self.types.get(&kind).map(Vec::as_slice).unwrap_or_default())
    }
}

/// The values one person shows in lists ([`Cards::values`] for a single person).
pub fn shown_values(store: &Store, person: Uid, locale: Locale) -> Result<Vec<ShownValue>, SearchError> {
    Cards::new(store, locale).values(person)
}
