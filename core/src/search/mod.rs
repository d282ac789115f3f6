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

use crate::model::Uid;
use crate::store::data::DataError;
use crate::store::StoreError;

/// What can go wrong indexing or searching.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("the search text is empty once spaces, punctuation and invisible characters are removed")]
    EmptyQuery,
    #[error("the search limit must be at least 1")]
    ZeroLimit,
    #[error("program {0} is not in the stored metadata")]
    UnknownProgram(Uid),
    #[error("program {0} has no tracked entity type, so it has no people to search")]
    ProgramWithoutTrackedEntityType(Uid),
    #[error("tracked entity type {0} is not in the stored metadata")]
    UnknownTrackedEntityType(Uid),
    #[error("{scope} has no searchable attributes")]
    NoSearchableAttributes { scope: String },
    #[error("tracked entity {tracked_entity} has no stored value {value:?} for attribute {attribute}; index only stored values")]
    NotStored { tracked_entity: Uid, attribute: Uid, value: String },
    #[error(transparent)]
    Data(#[from] DataError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for SearchError {
    fn from(e: rusqlite::Error) -> SearchError {
        SearchError::Data(DataError::from(e))
    }
}
