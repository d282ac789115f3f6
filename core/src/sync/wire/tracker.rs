//! Tracker JSON: the export of tracked entities (with their enrollments, events and values) and
//! of events, in the list shapes before 2.41 (`{"page":1,"instances":[...]}`) and from 2.41
//! (`{"pager":{...},"trackedEntities":[...]}`), and the flat import payload of `/api/tracker`
//! (research/dhis2-api.md §3.2, §3.3).
//!
//! Owns these shapes and their conversion to `store::data::inbox` records and from
//! `store::data::outbox` batches. Does not own which attributes go where (`upload::tracker`).

use serde::{Deserialize, Serialize};

use super::{instant_of, Reader};
use crate::model::value_type::{EnrollmentStatus, EventStatus};
use crate::model::{Timestamp, Uid};
use crate::store::data::inbox::{ServerEnrollment, ServerEvent, ServerPerson};
use crate::store::data::outbox::OutgoingValues;
use crate::store::data::tracker::{Enrollment, Event, TrackedEntity};
use crate::sync::SyncError;

/// A page of tracked entities, either shape.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrackedEntityPage {
    #[serde(alias = "instances", default)]
    pub tracked_entities: Vec<ExportTrackedEntity>,
}

/// A page of events, either shape.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EventPage {
    #[serde(alias = "instances", default)]
    pub events: Vec<ExportEvent>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportAttribute {
    pub attribute: String,
    #[serde(default)]
    pub value: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportDataValue {
    pub data_element: String,
    #[serde(default)]
    pub value: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportTrackedEntity {
    pub tracked_entity: String,
    pub tracked_entity_type: String,
    pub org_unit: String,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub updated_at: Option<String>,
    #[serde(default)]
    pub deleted: bool,
    #[serde(default)]
    pub attributes: Vec<ExportAttribute>,
    #[serde(default)]
    pub enrollments: Vec<ExportEnrollment>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportEnrollment {
    pub enrollment: String,
    #[serde(default)]
    pub tracked_entity: Option<String>,
    pub program: String,
    pub org_unit: String,
    pub status: String,
    pub enrolled_at: String,
    #[serde(default)]
    pub occurred_at: Option<String>,
    #[serde(default)]
    pub completed_at: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub updated_at: Option<String>,
    #[serde(default)]
    pub deleted: bool,
    #[serde(default)]
    pub events: Vec<ExportEvent>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportEvent {
    pub event: String,
    #[serde(default)]
    pub enrollment: Option<String>,
    pub program: String,
    pub program_stage: String,
    pub org_unit: String,
    pub status: String,
    #[serde(default)]
    pub occurred_at: Option<String>,
    #[serde(default)]
    pub scheduled_at: Option<String>,
    #[serde(default)]
    pub completed_at: Option<String>,
    #[serde(default)]
    pub attribute_option_combo: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    #[serde(default)]
    pub updated_at: Option<String>,
    #[serde(default)]
    pub deleted: bool,
    #[serde(default)]
    pub data_values: Vec<ExportDataValue>,
}

/// The server's `updatedAt`, or an empty text when it gives none (never equal to a stored one,
/// so such a record is always written).
fn updated(text: &Option<String>) -> String {
    text.clone().unwrap_or_default()
}

fn values(
    r: &Reader<'_>,
    field: &str,
    pairs: impl Iterator<Item = (String, Option<String>)>,
) -> Result<Vec<(Uid, String)>, SyncError> {
    let mut out = Vec::new();
    for (key, value) in pairs {
        let uid = r.uid(field, &key)?;
        // A value without text is no value (the server's way of saying it was deleted).
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            out.push((uid, v));
        }
    }
    Ok(out)
}

impl ExportTrackedEntity {
    pub fn to_record(&self, r: &Reader<'_>, now: Timestamp) -> Result<ServerPerson, SyncError> {
        Ok(ServerPerson {
            uid: r.uid("trackedEntity", &self.tracked_entity)?,
            tracked_entity_type: r.uid("trackedEntityType", &self.tracked_entity_type)?,
            org_unit: r.uid("orgUnit", &self.org_unit)?,
            created: r.timestamp("createdAt", self.created_at.as_deref(), now)?,
            server_updated: updated(&self.updated_at),
            deleted: self.deleted,
            attributes: values(
                r,
                "attributes.attribute",
                self.attributes.iter().map(|a| (a.attribute.clone(), a.value.clone())),
            )?,
        })
    }
}

impl ExportEnrollment {
    /// `tracked_entity`: the person it came inside (the export leaves it out of nested ones).
    pub fn to_record(
        &self,
        r: &Reader<'_>,
        tracked_entity: Uid,
        now: Timestamp,
    ) -> Result<ServerEnrollment, SyncError> {
        let enrolled = r.date("enrolledAt", &self.enrolled_at)?;
        Ok(ServerEnrollment {
            uid: r.uid("enrollment", &self.enrollment)?,
            tracked_entity: match &self.tracked_entity {
                Some(te) => r.uid("trackedEntity", te)?,
                None => tracked_entity,
            },
            program: r.uid("program", &self.program)?,
            org_unit: r.uid("orgUnit", &self.org_unit)?,
            enrollment_date: enrolled,
            incident_date: r.opt_date("occurredAt", self.occurred_at.as_deref())?.unwrap_or(enrolled),
            status: r.status("status", &self.status, EnrollmentStatus::from_wire)?,
            completed_date: r.opt_date("completedAt", self.completed_at.as_deref())?,
            created: r.timestamp("createdAt", self.created_at.as_deref(), now)?,
            server_updated: updated(&self.updated_at),
            deleted: self.deleted,
        })
    }
}

impl ExportEvent {
    pub fn to_record(&self, r: &Reader<'_>, now: Timestamp) -> Result<ServerEvent, SyncError> {
        Ok(ServerEvent {
            uid: r.uid("event", &self.event)?,
            enrollment: r.opt_uid("enrollment", self.enrollment.as_deref())?,
            program: r.uid("program", &self.program)?,
            program_stage: r.uid("programStage", &self.program_stage)?,
            org_unit: r.uid("orgUnit", &self.org_unit)?,
            status: r.status("status", &self.status, EventStatus::from_wire)?,
            event_date: r.opt_date("occurredAt", self.occurred_at.as_deref())?,
            due_date: r.opt_date("scheduledAt", self.scheduled_at.as_deref())?,
            completed_date: r.opt_date("completedAt", self.completed_at.as_deref())?,
            attribute_option_combo: r.opt_uid("attributeOptionCombo", self.attribute_option_combo.as_deref())?,
            created: r.timestamp("createdAt", self.created_at.as_deref(), now)?,
            server_updated: updated(&self.updated_at),
            deleted: self.deleted,
            values: values(
                r,
                "dataValues.dataElement",
                self.data_values.iter().map(|v| (v.data_element.clone(), v.value.clone())),
            )?,
        })
    }
}

// ---- the import payload ----

/// One value sent: `value: null` deletes it on the server.
#[derive(Debug, Serialize, PartialEq)]
pub struct SentAttribute {
    pub attribute: Uid,
    pub value: Option<String>,
}

#[derive(Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SentDataValue {
    pub data_element: Uid,
    pub value: Option<String>,
}

#[derive(Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SentTrackedEntity {
    pub tracked_entity: Uid,
    pub tracked_entity_type: Uid,
    pub org_unit: Uid,
    pub created_at_client: String,
    pub updated_at_client: String,
    pub attributes: Vec<SentAttribute>,
}

#[derive(Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SentEnrollment {
    pub enrollment: Uid,
    pub tracked_entity: Uid,
    pub program: Uid,
    pub org_unit: Uid,
    pub enrolled_at: String,
    pub occurred_at: String,
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<String>,
    pub created_at_client: String,
    pub updated_at_client: String,
    pub attributes: Vec<SentAttribute>,
}

#[derive(Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SentEvent {
    pub event: Uid,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enrollment: Option<Uid>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tracked_entity: Option<Uid>,
    pub program: Uid,
    pub program_stage: Uid,
    pub org_unit: Uid,
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub occurred_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheduled_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute_option_combo: Option<Uid>,
    pub created_at_client: String,
    pub updated_at_client: String,
    pub data_values: Vec<SentDataValue>,
}

/// The flat payload of `POST /api/tracker`.
#[derive(Debug, Default, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Payload {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tracked_entities: Vec<SentTrackedEntity>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub enrollments: Vec<SentEnrollment>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<SentEvent>,
}

/// The payload of a deletion (`importStrategy=DELETE`): UIDs only.
#[derive(Debug, Default, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct DeletionPayload {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tracked_entities: Vec<DeletedTrackedEntity>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub enrollments: Vec<DeletedEnrollment>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<DeletedEvent>,
}

#[derive(Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct DeletedTrackedEntity {
    pub tracked_entity: Uid,
}

#[derive(Debug, Serialize, PartialEq)]
pub struct DeletedEnrollment {
    pub enrollment: Uid,
}

#[derive(Debug, Serialize, PartialEq)]
pub struct DeletedEvent {
    pub event: Uid,
}

/// The attributes of `values` that `keep` selects, cleared ones as `null`.
pub fn sent_attributes(values: &OutgoingValues, keep: impl Fn(Uid) -> bool) -> Vec<SentAttribute> {
    let set = values
        .values
        .iter()
        .filter(|(k, _)| keep(*k))
        .map(|(k, v)| SentAttribute { attribute: *k, value: Some(v.clone()) });
    let cleared = values.cleared.iter().filter(|k| keep(**k)).map(|k| SentAttribute { attribute: *k, value: None });
    set.chain(cleared).collect()
}

impl SentTrackedEntity {
    pub fn new(te: &TrackedEntity, attributes: Vec<SentAttribute>) -> SentTrackedEntity {
        SentTrackedEntity {
            tracked_entity: te.uid,
            tracked_entity_type: te.tracked_entity_type,
            org_unit: te.org_unit,
            created_at_client: te.created.to_string(),
            updated_at_client: te.updated.to_string(),
            attributes,
        }
    }
}

impl SentEnrollment {
    pub fn new(e: &Enrollment, attributes: Vec<SentAttribute>) -> SentEnrollment {
        SentEnrollment {
            enrollment: e.uid,
            tracked_entity: e.tracked_entity,
            program: e.program,
            org_unit: e.org_unit,
            enrolled_at: instant_of(e.enrollment_date),
            occurred_at: instant_of(e.incident_date),
            status: e.status.as_str(),
            completed_at: e.completed_date.map(instant_of),
            created_at_client: e.created.to_string(),
            updated_at_client: e.updated.to_string(),
            attributes,
        }
    }
}

impl SentEvent {
    /// `tracked_entity`: the person of the event's enrollment, if it has one.
    pub fn new(ev: &Event, values: &OutgoingValues, tracked_entity: Option<Uid>) -> SentEvent {
        let set = values.values.iter().map(|(k, v)| SentDataValue { data_element: *k, value: Some(v.clone()) });
        let cleared = values.cleared.iter().map(|k| SentDataValue { data_element: *k, value: None });
        SentEvent {
            event: ev.uid,
            enrollment: ev.enrollment,
            tracked_entity,
            program: ev.program,
            program_stage: ev.program_stage,
            org_unit: ev.org_unit,
            status: ev.status.as_str(),
            occurred_at: ev.event_date.map(instant_of),
            scheduled_at: ev.due_date.map(instant_of),
            completed_at: ev.completed_date.map(instant_of),
            attribute_option_combo: ev.attribute_option_combo,
            created_at_client: ev.created.to_string(),
            updated_at_client: ev.updated.to_string(),
            data_values: set.chain(cleared).collect(),
        }
    }
}
