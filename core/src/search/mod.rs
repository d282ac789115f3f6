//! Local people search: find a person by any searchable attribute (name, phone, ID) in Khmer or
//! Latin, prefix or whole word; hints of possible duplicates on registration; local checks of
//! unique attributes.
//!
//! Owns the search form of text (`normalise`), the token index in the store (`index`), queries
//! (`query`), a person as results show them (`card`), duplicate hints (`duplicates`) and uniqueness (`unique`). Does not own storing the
//! values (`store::data`) or deciding when a registration may be saved (the form session).

pub mod card;
pub mod duplicates;
pub mod index;
pub mod normalise;
pub mod query;
pub mod unique;

use crate::i18n::{Localize, Message};
use crate::model::Uid;
use crate::msg;
use crate::store::data::DataError;
use crate::store::StoreError;

/// What can go wrong indexing or searching.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    EmptyQuery,
    ZeroLimit,
    UnknownProgram(Uid),
    ProgramWithoutTrackedEntityType(Uid),
    UnknownTrackedEntityType(Uid),
    NoSearchableAttributes { scope: query::SearchScope },
    NotStored { tracked_entity: Uid, attribute: Uid, value: String },
    Data(#[from] DataError),
    Store(#[from] StoreError),
}

impl Localize for SearchError {
    fn message(&self) -> Message {
        use query::SearchScope;
        match self {
            SearchError::EmptyQuery => Message::new("search-empty-query"),
            SearchError::ZeroLimit => Message::new("search-zero-limit"),
            SearchError::UnknownProgram(uid) => msg!("search-unknown-program", program = uid),
            SearchError::ProgramWithoutTrackedEntityType(uid) => {
                msg!("search-program-without-tracked-entity-type", program = uid)
            }
            SearchError::UnknownTrackedEntityType(uid) => msg!("search-unknown-tracked-entity-type", uid = uid),
            SearchError::NoSearchableAttributes { scope: SearchScope::Program(uid) } => {
                msg!("search-no-searchable-attributes-program", program = uid)
            }
            SearchError::NoSearchableAttributes { scope: SearchScope::TrackedEntityType(uid) } => {
                msg!("search-no-searchable-attributes-type", uid = uid)
            }
            SearchError::NotStored { tracked_entity, attribute, value } => {
                msg!("search-not-stored", tracked_entity = tracked_entity, value = value, attribute = attribute)
            }
            SearchError::Data(e) => e.message(),
            SearchError::Store(e) => e.message(),
        }
    }
}
crate::english_display!(SearchError);

impl From<rusqlite::Error> for SearchError {
    fn from(e: rusqlite::Error) -> SearchError {
        SearchError::Data(DataError::from(e))
    }
}

#[cfg(test)]
mod tests {
    use super::duplicates::{DuplicateReason, PossibleDuplicate};
    use super::query::SearchScope;
    use super::unique::UniqueError;
    use super::*;
    use crate::i18n::catalogue_tests::assert_renders_in_both;
    use std::collections::BTreeSet;

    fn uid(s: &str) -> Uid {
        Uid::parse(s).unwrap()
    }

    #[test]
    fn every_search_error_variant_renders_in_both_languages() {
        let samples = [
            SearchError::EmptyQuery,
            SearchError::ZeroLimit,
            SearchError::UnknownProgram(uid("PhumImmProg")),
            SearchError::ProgramWithoutTrackedEntityType(uid("PhumImmProg")),
            SearchError::UnknownTrackedEntityType(uid("PhumPersonT")),
            SearchError::NoSearchableAttributes { scope: SearchScope::Program(uid("PhumImmProg")) },
            SearchError::NoSearchableAttributes { scope: SearchScope::TrackedEntityType(uid("PhumPersonT")) },
            SearchError::NotStored {
                tracked_entity: uid("PhumPerson1"),
                attribute: uid("PhumTEAName"),
                value: "Sok".into(),
            },
            SearchError::Data(DataError::from(rusqlite::Error::QueryReturnedNoRows)),
            SearchError::Store(StoreError::from(rusqlite::Error::QueryReturnedNoRows)),
        ];
        let name = |e: &SearchError| match e {
            SearchError::EmptyQuery => "EmptyQuery",
            SearchError::ZeroLimit => "ZeroLimit",
            SearchError::UnknownProgram(_) => "UnknownProgram",
            SearchError::ProgramWithoutTrackedEntityType(_) => "ProgramWithoutTrackedEntityType",
            SearchError::UnknownTrackedEntityType(_) => "UnknownTrackedEntityType",
            SearchError::NoSearchableAttributes { .. } => "NoSearchableAttributes",
            SearchError::NotStored { .. } => "NotStored",
            SearchError::Data(_) => "Data",
            SearchError::Store(_) => "Store",
        };
        let names: BTreeSet<&str> = samples.iter().map(name).collect();
        let all = [
            "EmptyQuery",
            "ZeroLimit",
            "UnknownProgram",
            "ProgramWithoutTrackedEntityType",
            "UnknownTrackedEntityType",
            "NoSearchableAttributes",
            "NotStored",
            "Data",
            "Store",
        ];
        assert_eq!(names, all.into_iter().collect());
        samples.iter().for_each(|e| assert_renders_in_both(&e.message()));
    }

    #[test]
    fn every_unique_error_variant_renders_in_both_languages() {
        let samples = [
            UniqueError::Taken {
                attribute: uid("PhumTEAIdNo"),
                attribute_name: "Child ID".into(),
                value: "BSD-000123".into(),
                other: uid("PhumPerson1"),
            },
            UniqueError::TakenInOrgUnit {
                attribute: uid("PhumTEAIdNo"),
                attribute_name: "Child ID".into(),
                value: "0001".into(),
                other: uid("PhumPerson1"),
                org_unit: uid("PhumHC00001"),
            },
            UniqueError::UnknownAttribute(uid("NoSuchAttr1")),
            UniqueError::Data(DataError::from(rusqlite::Error::QueryReturnedNoRows)),
            UniqueError::Store(StoreError::from(rusqlite::Error::QueryReturnedNoRows)),
        ];
        let name = |e: &UniqueError| match e {
            UniqueError::Taken { .. } => "Taken",
            UniqueError::TakenInOrgUnit { .. } => "TakenInOrgUnit",
            UniqueError::UnknownAttribute(_) => "UnknownAttribute",
            UniqueError::Data(_) => "Data",
            UniqueError::Store(_) => "Store",
        };
        let names: BTreeSet<&str> = samples.iter().map(name).collect();
        assert_eq!(names, ["Taken", "TakenInOrgUnit", "UnknownAttribute", "Data", "Store"].into());
        samples.iter().for_each(|e| assert_renders_in_both(&e.message()));
    }

    #[test]
    fn every_possible_duplicate_reason_renders_in_both_languages() {
        let reasons = vec![
            DuplicateReason::NameAndBirthDate,
            DuplicateReason::Phone { attribute: uid("PhumTEAPhon"), phone: "012345678".into() },
        ];
        for r in &reasons {
            match r {
                DuplicateReason::NameAndBirthDate | DuplicateReason::Phone { .. } => {
                    assert_renders_in_both(&r.message())
                }
            }
        }
        let hint = PossibleDuplicate { tracked_entity: uid("PhumPerson1"), org_unit: uid("PhumHC00001"), reasons };
        assert_renders_in_both(&hint.message());
        assert_eq!(
            hint.message().to_string(),
            "possible duplicate: person PhumPerson1 registered at PhumHC00001 (same name and birth date; same phone \
             012345678)"
        );
    }
}
