//! What the engine evaluates: the target event or enrollment, the other events of the
//! enrollment, and the supplementary data about the user and the org unit (upstream `RuleEvent`,
//! `RuleEnrollment`, `ruleSupplementaryData`).
//!
//! Owns these input shapes and the event order upstream uses. Does not own reading them from the
//! store (the capture layer does) or turning them into variable values (`values`).

use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::{DateTime, NaiveDate as Date, Utc};

pub use crate::model::value_type::{EnrollmentStatus, EventStatus};

/// One event as the engine sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleEvent {
    pub uid: String,
    pub program_stage: String,
    pub program_stage_name: String,
    pub status: EventStatus,
    /// `None` for an event without a date (upstream's "distant future"): `V{event_date}` is then
    /// empty and the event sorts after every dated one.
    pub event_date: Option<Date>,
    pub created: DateTime<Utc>,
    pub created_at_client: Option<DateTime<Utc>>,
    pub due_date: Option<Date>,
    pub completed_date: Option<Date>,
    pub org_unit: String,
    pub org_unit_code: Option<String>,
    /// Data element UID and stored value, in storage order.
    pub data_values: Vec<(String, String)>,
}

impl RuleEvent {
    /// `createdAtClientDate ?: createdDate`.
    pub fn resolved_created(&self) -> DateTime<Utc> {
        self.created_at_client.unwrap_or(self.created)
    }

    /// Upstream's event order (`RuleEngine.order`): by event date, then by resolved creation time;
    /// an undated event last.
    pub fn chronological(a: &RuleEvent, b: &RuleEvent) -> Ordering {
        date_key(a.event_date).cmp(&date_key(b.event_date)).then(a.resolved_created().cmp(&b.resolved_created()))
    }
}

/// An undated event counts as the latest (upstream's "distant future").
pub(crate) fn date_key(d: Option<Date>) -> Date {
    d.unwrap_or(Date::MAX)
}

/// The enrollment: its dates, status and attribute values.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleEnrollment {
    pub uid: String,
    pub program_name: String,
    pub incident_date: Date,
    pub enrollment_date: Date,
    pub status: EnrollmentStatus,
    pub org_unit: String,
    pub org_unit_code: Option<String>,
    /// Attribute UID and value, as the Android app normalises them (see `normalise_attribute`).
    pub attribute_values: Vec<(String, String)>,
}

/// Facts about the user and the org unit that `d2:hasUserRole`, `d2:inUserGroup` and
/// `d2:inOrgUnitGroup` read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Supplementary {
    pub user_roles: Vec<String>,
    pub user_groups: Vec<String>,
    /// Group UID or code to the org units in it (the app adds both keys for each group of the
    /// event's or enrollment's org unit).
    pub org_unit_groups: HashMap<String, Vec<String>>,
}

impl Supplementary {
    /// The map the expression evaluator reads (`USER_ROLES`, `USER_GROUPS`, group keys).
    pub(crate) fn to_map(&self) -> HashMap<String, Vec<String>> {
        let mut map = self.org_unit_groups.clone();
        map.insert("USER_ROLES".to_string(), self.user_roles.clone());
        map.insert("USER_GROUPS".to_string(), self.user_groups.clone());
        map
    }
}
