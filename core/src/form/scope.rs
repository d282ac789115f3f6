//! Capture scope: data may be captured only at an org unit that is one of the user's capture org
//! units or below one (by the unit's `path`), and to which the program or data set is assigned
//! (the unit's `programs` / `dataSets`).
//!
//! Owns that check and its specific error. Does not own search scope or sharing.

use super::error::ObjectKind;
use super::error::{FormError, ScopeProblem};
use super::FormContext;
use crate::model::{OrganisationUnit, Uid};
use crate::store::Store;

/// What must be assigned to the org unit.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Assigned {
    Program(Uid),
    DataSet(Uid),
}

/// The user's capture org units: given in the context, else the signed-in user's.
pub(crate) fn capture_units(store: &Store, ctx: &FormContext) -> Result<Vec<Uid>, FormError> {
    if let Some(units) = &ctx.capture_org_units {
        return Ok(units.clone());
    }
    match store.current_user()? {
        Some(user) => Ok(user.organisation_units.iter().map(|r| r.id).collect()),
        None => Err(FormError::NoCaptureScope),
    }
}

/// Refused unless `unit` is a capture org unit of the user or under one.
pub(crate) fn check_in_scope(store: &Store, ctx: &FormContext, unit: &OrganisationUnit) -> Result<(), FormError> {
    let capture = capture_units(store, ctx)?;
    let org_unit = unit.identity.id;
    let path = unit.path_uids().unwrap_or_else(|| vec![org_unit]);
    if !path.iter().any(|u| capture.contains(u)) {
        return Err(FormError::OrgUnitOutOfScope { org_unit, problem: ScopeProblem::NotInUserScope });
    }
    Ok(())
}

/// The org unit, if capture is allowed there for `assigned`.
pub(crate) fn check(
    store: &Store,
    ctx: &FormContext,
    org_unit: Uid,
    assigned: Assigned,
) -> Result<OrganisationUnit, FormError> {
    let Some(unit) = store.get::<OrganisationUnit>(org_unit)? else {
        return Err(FormError::NotFound { kind: ObjectKind::OrgUnit, uid: org_unit });
    };
    check_in_scope(store, ctx, &unit)?;
    let (listed, to) = match assigned {
        Assigned::Program(p) => (unit.programs.iter().any(|r| r.id == p), p),
        Assigned::DataSet(d) => (unit.data_sets.iter().any(|r| r.id == d), d),
    };
    if !listed {
        return Err(FormError::OrgUnitOutOfScope { org_unit, problem: ScopeProblem::NotAssigned { to } });
    }
    Ok(unit)
}
