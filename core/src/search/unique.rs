//! Local checks of unique attributes: a value of an attribute marked `unique` that another
//! person (not deleted) already has is refused with the attribute and that person's UID; with
//! `orgunitScope` only people owned by the same org unit count.
//!
//! Owns the check. Values are compared as stored, as the server compares them (the form session
//! stores values in canonical form: ASCII digits, trimmed). Does not own the server's own check
//! at upload (`sync`) or generated values (reserved by the server).

use crate::i18n::{Localize, Message};
use crate::model::{TrackedEntityAttribute, Uid};
use crate::msg;
use crate::store::data::tracker::Data;
use crate::store::data::DataError;
use crate::store::{Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum UniqueError {
    Taken { attribute: Uid, attribute_name: String, value: String, other: Uid },
    TakenInOrgUnit { attribute: Uid, attribute_name: String, value: String, other: Uid, org_unit: Uid },
    UnknownAttribute(Uid),
    Data(#[from] DataError),
    Store(#[from] StoreError),
}

impl Localize for UniqueError {
    fn message(&self) -> Message {
        match self {
            UniqueError::Taken { attribute, attribute_name, value, other } => msg!(
                "search-unique-taken",
                attribute_name = attribute_name,
                attribute = attribute,
                value = value,
                other = other
            ),
            UniqueError::TakenInOrgUnit { attribute, attribute_name, value, other, org_unit } => msg!(
                "search-unique-taken-in-org-unit",
                attribute_name = attribute_name,
                attribute = attribute,
                value = value,
                other = other,
                org_unit = org_unit
            ),
            UniqueError::UnknownAttribute(uid) => msg!("search-unique-unknown-attribute", attribute = uid),
            UniqueError::Data(e) => e.message(),
            UniqueError::Store(e) => e.message(),
        }
    }
}
crate::english_display!(UniqueError);

/// Checks one value of `attribute` for `tracked_entity` (being registered or edited), owned by
/// `org_unit`. Attributes that are not unique and empty values always pass.
pub fn check_unique(
    d: &Data<'_>,
    attribute: &TrackedEntityAttribute,
    tracked_entity: Option<Uid>,
    org_unit: Uid,
    value: &str,
) -> Result<(), UniqueError> {
    if !attribute.unique || value.is_empty() {
        return Ok(());
    }
    let uid = attribute.identity.id;
    for other in d.tracked_entities_with_value(uid, value)? {
        if Some(other) == tracked_entity {
            continue;
        }
        let attribute_name = attribute.identity.name.clone();
        if !attribute.orgunit_scope {
            return Err(UniqueError::Taken { attribute: uid, attribute_name, value: value.to_string(), other });
        }
        let owner = d.tracked_entity(other)?.map(|te| te.org_unit);
        if owner == Some(org_unit) {
            return Err(UniqueError::TakenInOrgUnit {
                attribute: uid,
                attribute_name,
                value: value.to_string(),
                other,
                org_unit,
            });
        }
    }
    Ok(())
}

/// Checks several values, reading each attribute from the stored metadata; the first conflict
/// is the error.
pub fn check_unique_values(
    store: &Store,
    tracked_entity: Option<Uid>,
    org_unit: Uid,
    values: &[(Uid, &str)],
) -> Result<(), UniqueError> {
    for (uid, value) in values {
        let attribute = store.get::<TrackedEntityAttribute>(*uid)?.ok_or(UniqueError::UnknownAttribute(*uid))?;
        check_unique(&store.data(), &attribute, tracked_entity, org_unit, value)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::tests::{register, uid, HC1, HC2, ID, NAME};
    use crate::store::import::ImportSource;

    fn with_metadata() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/phum/mini_export.json");
        store.import_metadata(&[ImportSource::File(path)]).unwrap();
        store
    }

    #[test]
    fn a_unique_value_used_by_another_person_is_refused_naming_the_attribute_and_the_person() {
        let mut store = with_metadata();
        let owner = register(&mut store, HC1, &[(NAME, "Sok"), (ID, "BSD-000123")]);
        let err = check_unique_values(&store, None, uid(HC2), &[(uid(ID), "BSD-000123")]).unwrap_err();
        assert!(
            matches!(&err, UniqueError::Taken { other, attribute, .. } if *other == owner && *attribute == uid(ID))
        );
        let message = err.to_string();
        assert!(
            message.contains("Child ID") && message.contains(owner.as_str()) && message.contains("BSD-000123"),
            "{message}"
        );
        // The owner may keep their own value; another value passes; a non-unique attribute passes.
        check_unique_values(&store, Some(owner), uid(HC1), &[(uid(ID), "BSD-000123")]).unwrap();
        check_unique_values(&store, None, uid(HC1), &[(uid(ID), "BSD-000124")]).unwrap();
        register(&mut store, HC1, &[(NAME, "Dara")]);
        check_unique_values(&store, None, uid(HC1), &[(uid(NAME), "Dara")]).unwrap();
    }

    #[test]
    fn a_deleted_person_does_not_hold_a_unique_value() {
        let mut store = with_metadata();
        let owner = register(&mut store, HC1, &[(ID, "BSD-000123")]);
        store.conn().execute("UPDATE tracked_entity SET deleted = 1 WHERE uid = ?1", [owner.as_str()]).unwrap();
        check_unique_values(&store, None, uid(HC1), &[(uid(ID), "BSD-000123")]).unwrap();
    }

    #[test]
    fn with_org_unit_scope_only_people_of_the_same_org_unit_conflict() {
        let mut store = with_metadata();
        let owner = register(&mut store, HC1, &[(ID, "0001")]);
        let mut attribute = store.get::<TrackedEntityAttribute>(uid(ID)).unwrap().unwrap();
        attribute.orgunit_scope = true;
        check_unique(&store.data(), &attribute, None, uid(HC2), "0001").unwrap();
        let err = check_unique(&store.data(), &attribute, None, uid(HC1), "0001").unwrap_err();
        assert!(
            matches!(&err, UniqueError::TakenInOrgUnit { other, org_unit, .. } if *other == owner && *org_unit == uid(HC1)),
            "{err}"
        );
    }

    #[test]
    fn an_unknown_attribute_is_a_specific_error() {
        let store = with_metadata();
        let err = check_unique_values(&store, None, uid(HC1), &[(uid("NoSuchAttr1"), "x")]).unwrap_err();
        assert!(matches!(err, UniqueError::UnknownAttribute(a) if a == uid("NoSuchAttr1")));
    }
}
