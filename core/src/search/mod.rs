//! Local people search: find a person by any searchable attribute (name, phone, ID) in Khmer or
//! Latin, prefix or whole word; hints of possible duplicates on registration; local checks of
//! unique attributes.
//!
//! Owns the search form of text (`normalise`), the token index in the store (`index`), queries
//! (`query`), duplicate hints (`duplicates`) and uniqueness (`unique`). Does not own storing the
//! values (`store::data`) or deciding when a registration may be saved (the form session).

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
