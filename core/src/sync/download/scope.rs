//! What this device may store: the metadata a downloaded record must find here (see the
//! `download` module doc), read once per sync.
//!
//! Owns the known-UID sets and the capture roots. Does not own the metadata (`store`).

use std::collections::HashSet;

use crate::model::{
    CategoryOptionCombo, DataElement, DataSet, OrganisationUnit, Program, ProgramStage, TrackedEntityAttribute,
    TrackedEntityType, Uid,
};
use crate::store::Store;
use crate::sync::SyncError;

pub struct Scope {
    /// The user's capture org units (`/api/me` `organisationUnits`): downloads ask for their
    /// descendants.
    pub roots: Vec<Uid>,
    pub tracker_programs: Vec<Uid>,
    pub event_programs: Vec<Uid>,
    pub data_sets: Vec<DataSet>,
    pub org_units: HashSet<Uid>,
    pub programs: HashSet<Uid>,
    pub stages: HashSet<Uid>,
    pub types: HashSet<Uid>,
    pub attributes: HashSet<Uid>,
    pub data_elements: HashSet<Uid>,
    pub option_combos: HashSet<Uid>,
}

impl Scope {
    pub fn read(store: &Store) -> Result<Scope, SyncError> {
        let roots =
            store.current_user()?.map(|u| u.organisation_units.iter().map(|r| r.id).collect()).unwrap_or_default();
        let programs: Vec<Program> = store.list()?;
        let (tracker, event): (Vec<&Program>, Vec<&Program>) =
            programs.iter().partition(|p| p.tracked_entity_type.is_some());
        let ids = |list: Vec<Uid>| list.into_iter().collect::<HashSet<Uid>>();
        Ok(Scope {
            roots,
            tracker_programs: tracker.iter().map(|p| p.identity.id).collect(),
            event_programs: event.iter().map(|p| p.identity.id).collect(),
            programs: programs.iter().map(|p| p.identity.id).collect(),
            data_sets: store.list()?,
            org_units: ids(store.list::<OrganisationUnit>()?.into_iter().map(|o| o.identity.id).collect()),
            stages: ids(store.list::<ProgramStage>()?.into_iter().map(|s| s.identity.id).collect()),
            types: ids(store.list::<TrackedEntityType>()?.into_iter().map(|t| t.identity.id).collect()),
            attributes: ids(store.list::<TrackedEntityAttribute>()?.into_iter().map(|a| a.identity.id).collect()),
            data_elements: ids(store.list::<DataElement>()?.into_iter().map(|d| d.identity.id).collect()),
            option_combos: ids(store.list::<CategoryOptionCombo>()?.into_iter().map(|c| c.identity.id).collect()),
        })
    }
}
