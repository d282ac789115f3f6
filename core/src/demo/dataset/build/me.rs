//! The trainee's `/api/me`: capture at Chanleas Dai Health Centre, view the whole operational
//! district, both programs and the VHSG report, Khmer by default. Does not own the org units or
//! programs it names (`demo::dataset`).

use serde_json::{json, Value};

use super::r;
use crate::demo::dataset::{immunization, ncd, org_units, vhsg};

/// The trainee's `/api/me` answer.
pub fn me() -> Value {
    json!({
        "id": "DmUsTraine1",
        "username": "trainee",
        "firstName": "Trainee",
        "surname": "Demo",
        "displayName": "Demo Trainee",
        "organisationUnits": [r(org_units::TRAINEE_HEALTH_CENTRE)],
        "teiSearchOrganisationUnits": [r(org_units::TRAINEE_HEALTH_CENTRE)],
        "dataViewOrganisationUnits": [r(org_units::OPERATIONAL_DISTRICT)],
        "programs": [immunization::PROGRAM, ncd::PROGRAM],
        "dataSets": [vhsg::DATA_SET],
        "userRoles": [{ "id": "DmUrTrainee", "name": "Trainee (demo)" }],
        "authorities": ["F_TRACKED_ENTITY_INSTANCE_ADD", "F_PROGRAM_ENROLLMENT", "F_DATAVALUE_ADD"],
        "settings": { "keyUiLocale": "km", "keyDbLocale": "km" },
    })
}
