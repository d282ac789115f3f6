//! A person as lists and search results show them: the values of the attributes their tracked
//! entity type shows in lists (`trackedEntityTypeAttributes[].displayInList`, in that order, as
//! Android Capture's search results show them), each as a person reads it in the locale (dates
//! written in the language, digits as chosen), with the attribute's name in the language.
//!
//! A list shows many people of few types: [`Cards`] reads each type's listed attributes once.
//!
//! Beside them, what a health worker recognises a person by ([`Profile`]): sex, birth date and
//! village. DHIS2 metadata gives attributes no such roles, so they are found by what the
//! attributes hold, as `duplicates` finds a birth date: the sex is an attribute whose option set
//! has the codes M and F (or MALE and FEMALE); the birth date the only DATE attribute; the village
//! an attribute whose options are org units on the phone (an option with an org unit's code or
//! name: Cambodia's villages are both options and org units), shown by the option's name. An attribute found for no role is simply not in the
//! profile. And the person's last visit in an enrollment ([`last_visit`]).
//!
//! Owns choosing and showing those values. Does not own finding people (`query`).

use std::collections::HashMap;

use super::SearchError;
use crate::expr::value::parse_iso_date;
use crate::i18n::{format_date, name_in, show_digits, Locale};
use crate::model::value_type::EventStatus;
use crate::model::{OptionItem, OrganisationUnit, TrackedEntityAttribute, TrackedEntityType, Uid, ValueType};
use crate::store::data::tracker::Data;
use crate::store::Store;
use chrono::NaiveDate as Date;

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
    /// Which attributes play the profile's parts, read at the first profile.
    roles: Option<Roles>,
}

/// What a health worker recognises a person by, beside their name (see the module).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    /// The sex as its option's name in the locale.
    pub sex: Option<ShownValue>,
    pub birth_date: Option<Date>,
    /// The village as its option's name in the locale.
    pub village: Option<ShownValue>,
    /// The org unit whose code the village's option has.
    pub village_org_unit: Option<Uid>,
}

/// An attribute with options: its UID, its name, its options' names by code (in the locale)
/// and the names they are written with (for matching org units).
#[derive(Debug, Clone)]
struct Coded {
    attribute: Uid,
    name: String,
    options: HashMap<String, String>,
    written: HashMap<String, String>,
}

/// The attributes that play the profile's parts.
#[derive(Debug, Clone, Default)]
struct Roles {
    sex: Option<Coded>,
    birth_date: Option<Uid>,
    village: Option<Coded>,
    /// The org unit of each village option, by option code.
    org_units: HashMap<String, Uid>,
}

const MALE: [&str; 2] = ["M", "MALE"];
const FEMALE: [&str; 2] = ["F", "FEMALE"];

impl<'a> Cards<'a> {
    pub fn new(store: &'a Store, locale: Locale) -> Cards<'a> {
        Cards { store, locale, types: HashMap::new(), roles: None }
    }

    /// The sex, birth date and village of `person` (none for a person not on this device).
    pub fn profile(&mut self, person: Uid) -> Result<Profile, SearchError> {
        let values = self.store.data().attribute_values(person)?;
        let roles = self.roles()?;
        let value_of = |a: Uid| values.iter().find(|(b, _)| *b == a).map(|(_, v)| v.clone());
        let shown = |coded: &Coded| {
            let value = value_of(coded.attribute)?;
            let shown = coded.options.get(&value).cloned().unwrap_or_else(|| value.clone());
            Some(ShownValue { attribute: coded.attribute, name: coded.name.clone(), value, shown })
        };
        let village = roles.village.as_ref().and_then(shown);
        Ok(Profile {
            sex: roles.sex.as_ref().and_then(shown),
            birth_date: roles.birth_date.and_then(value_of).and_then(|v| parse_iso_date(&v)),
            village_org_unit: village.as_ref().and_then(|v| roles.org_units.get(&v.value).copied()),
            village,
        })
    }

    fn roles(&mut self) -> Result<&Roles, SearchError> {
        if self.roles.is_none() {
            self.roles = Some(self.read_roles()?);
        }
        Ok(self.roles.get_or_insert_with(Roles::default))
    }

    fn read_roles(&self) -> Result<Roles, SearchError> {
        let mut attributes = self.store.list::<TrackedEntityAttribute>()?;
        attributes.sort_by_key(|a| a.identity.id);
        // Org units by code and by name.
        let mut units: HashMap<String, Uid> = HashMap::new();
        for o in self.store.list::<OrganisationUnit>()? {
            units.entry(o.identity.name.clone()).or_insert(o.identity.id);
            if let Some(code) = o.identity.code {
                units.insert(code, o.identity.id);
            }
        }
        let mut roles = Roles::default();
        let dates: Vec<Uid> =
            attributes.iter().filter(|a| a.value_type == ValueType::Date).map(|a| a.identity.id).collect();
        if let [only] = dates.as_slice() {
            roles.birth_date = Some(*only);
        }
        for a in &attributes {
            let Some(set) = a.option_set else { continue };
            let items = self.store.children::<OptionItem>(set.id)?;
            let coded = Coded {
                attribute: a.identity.id,
                name: name_in(&a.identity, self.locale.lang),
                options: items
                    .iter()
                    .filter_map(|o| Some((o.identity.code.clone()?, name_in(&o.identity, self.locale.lang))))
                    .collect(),
                written: items
                    .iter()
                    .filter_map(|o| Some((o.identity.code.clone()?, o.identity.name.clone())))
                    .collect(),
            };
            let has = |codes: [&str; 2]| coded.options.keys().any(|c| codes.contains(&c.to_uppercase().as_str()));
            if roles.sex.is_none() && has(MALE) && has(FEMALE) {
                roles.sex = Some(coded);
                continue;
            }
            if roles.village.is_some() {
                continue;
            }
            let places: HashMap<String, Uid> = coded
                .written
                .iter()
                .filter_map(|(code, name)| Some((code.clone(), *units.get(code).or_else(|| units.get(name))?)))
                .collect();
            if !places.is_empty() {
                roles.org_units = places;
                roles.village = Some(coded);
            }
        }
        Ok(roles)
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

/// The date of the latest visit that took place in `enrollment` (completed, or open with a date),
/// if any.
pub fn last_visit(d: &Data<'_>, enrollment: Uid) -> Result<Option<Date>, SearchError> {
    let events = d.events_of_enrollment(enrollment)?;
    let done = events
        .iter()
        .filter(|e| matches!(e.status, EventStatus::Completed | EventStatus::Active | EventStatus::Visited));
    Ok(done.filter_map(|e| e.event_date).max())
}

/// The values one person shows in lists ([`Cards::values`] for a single person).
pub fn shown_values(store: &Store, person: Uid, locale: Locale) -> Result<Vec<ShownValue>, SearchError> {
    Cards::new(store, locale).values(person)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::dataset::{immunization, org_units, person};
    use crate::form::{FormContext, FormSession, NewEventForm};
    use crate::i18n::{Lang, Locale};
    use crate::model::DeviceClock;
    use crate::test_dates::ymd;

    #[test]
    fn a_profile_has_the_sex_and_village_by_their_option_names_and_the_birth_date_and_a_last_visit() {
        let mut store = Store::open_in_memory().unwrap();
        crate::demo::dataset::import(&mut store).unwrap();
        let today = ymd(2026, 12, 5);
        let ctx = FormContext::new(DeviceClock::default().pinned_on(today));
        let hc = org_units::TRAINEE_HEALTH_CENTRE;
        let (mut form, _) =
            FormSession::new_registration(&mut store, immunization::PROGRAM, hc, today, ymd(2026, 10, 1), &ctx)
                .unwrap();
        let (village, code) = org_units::TRAINEE_VILLAGES[0];
        form.set_value(&mut store, &person::SEX.to_string(), Some("F")).unwrap();
        form.set_value(&mut store, &person::VILLAGE.to_string(), Some(code)).unwrap();
        let crate::form::RecordRef::Enrollment { enrollment, tracked_entity } = form.record().clone() else { panic!() };

        let mut khmer = Cards::new(&store, Locale::new(Lang::Km, false));
        let profile = khmer.profile(tracked_entity).unwrap();
        assert_eq!(profile.sex.as_ref().map(|s| (s.value.as_str(), s.shown.as_str())), Some(("F", "ស្រី")));
        // The rules assign the birth date from the incident date.
        assert_eq!(profile.birth_date, Some(ymd(2026, 10, 1)));
        let shown = profile.village.unwrap();
        assert_eq!(shown.value, code);
        assert_ne!(shown.shown, code, "the village is shown by its name");
        assert_eq!(profile.village_org_unit, Some(village));
        assert_eq!(Cards::new(&store, Locale::ENGLISH).profile(tracked_entity).unwrap().sex.unwrap().shown, "Female");
        // Someone not on the phone has an empty profile.
        assert_eq!(khmer.profile(Uid::parse("PhumNobody1").unwrap()).unwrap(), Profile::default());

        assert_eq!(last_visit(&store.data(), enrollment).unwrap(), None);
        let visit = |day| NewEventForm {
            program: immunization::PROGRAM,
            stage: immunization::WEEKS_6,
            org_unit: hc,
            enrollment: Some(enrollment),
            event_date: day,
        };
        FormSession::new_event(&mut store, visit(ymd(2026, 11, 20)), &ctx).unwrap();
        assert_eq!(last_visit(&store.data(), enrollment).unwrap(), Some(ymd(2026, 11, 20)));
    }
}
