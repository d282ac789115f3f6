//! The rule-set case: one JSON object holding a rule set in the engine's own model (after the
//! Android app's metadata mapping), an enrollment, events, supplementary data and `today`, read
//! by both Phum (`convert`) and the JVM harness (`RuleSets.java`). Every event is a target, and
//! so is the enrollment when there is one. `phum` holds Phum's answer; `bench` says which value
//! a benchmark changes.
//!
//! Owns the serde shapes. Does not own conversion (`convert`) or answers (`answer`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::sites::{Site, Template};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleSetCase {
    pub id: String,
    pub kind: String,
    /// yyyy-MM-dd; the JVM engine 3.4.1 reads the system clock, so a case must be evaluated on
    /// this date.
    pub today: String,
    pub rule_set: CaseRuleSet,
    #[serde(default)]
    pub enrollment: Option<CaseEnrollment>,
    #[serde(default)]
    pub events: Vec<CaseEvent>,
    #[serde(default)]
    pub supplementary: CaseSupplementary,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bench: Option<BenchSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phum: Option<PhumAnswer>,
    /// Where the oracle looks for a documented difference (`sites`).
    #[serde(default)]
    pub sites: Vec<Site>,
    #[serde(default)]
    pub templates: Vec<Template>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseRuleSet {
    pub rules: Vec<CaseRule>,
    pub variables: Vec<CaseVariable>,
    #[serde(default)]
    pub constants: Vec<CaseConstant>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseRule {
    pub uid: String,
    pub name: String,
    pub condition: String,
    pub priority: Option<i64>,
    pub program_stage: Option<String>,
    pub actions: Vec<CaseAction>,
}

/// An engine action: `type` as DHIS2 names it, `data` the expression (null for HIDEFIELD and
/// HIDESECTION), `field` a data element or attribute UID or "".
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseAction {
    #[serde(rename = "type")]
    pub action_type: String,
    pub data: Option<String>,
    #[serde(default)]
    pub field: String,
    pub content: Option<String>,
    pub priority: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program_stage: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program_stage_section: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option_group: Option<String>,
}

/// A rule variable. `sourceType` is DHIS2's name (DATAELEMENT_CURRENT_EVENT, ...,
/// TEI_ATTRIBUTE, CALCULATED_VALUE); `valueType` the engine's (NUMERIC, TEXT, BOOLEAN, DATE).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseVariable {
    pub name: String,
    pub source_type: String,
    #[serde(default)]
    pub field: String,
    pub program_stage: Option<String>,
    pub value_type: String,
    pub use_code_for_option_set: bool,
    #[serde(default)]
    pub options: Vec<CaseOption>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CaseOption {
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CaseConstant {
    pub uid: String,
    /// As the app passes it: a Java double's text ("10.0").
    pub value: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseEnrollment {
    pub uid: String,
    pub program_name: String,
    pub incident_date: String,
    pub enrollment_date: String,
    pub status: String,
    pub org_unit: String,
    pub org_unit_code: Option<String>,
    /// (attribute UID, value), already normalised as the app does.
    pub attributes: Vec<(String, String)>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseEvent {
    pub uid: String,
    pub program_stage: String,
    pub program_stage_name: String,
    pub status: String,
    pub event_date: String,
    /// RFC 3339 instants.
    pub created: String,
    pub created_at_client: Option<String>,
    pub due_date: Option<String>,
    pub completed_date: Option<String>,
    pub org_unit: String,
    pub org_unit_code: Option<String>,
    pub data_values: Vec<(String, String)>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CaseSupplementary {
    pub user_roles: Vec<String>,
    pub user_groups: Vec<String>,
    /// Group UID or code to member org units, in a fixed order.
    pub org_unit_groups: Vec<(String, Vec<String>)>,
}

/// What a benchmark iteration does: set `field` of event `event` to the next of `values`, then
/// evaluate that event.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BenchSpec {
    pub event: String,
    pub field: String,
    pub values: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PhumAnswer {
    /// Set when the case could not be converted; then `targets` is empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broken: Option<String>,
    pub targets: Vec<TargetAnswer>,
}

/// The effects of one target in engine order, and its rule errors (the rule UIDs, in order).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TargetAnswer {
    /// EVENT or ENROLLMENT.
    pub kind: String,
    pub uid: String,
    pub effects: Vec<EffectAnswer>,
    pub errors: usize,
    pub error_rules: Vec<String>,
    /// Phum's message for each error, for reading a failed comparison.
    pub error_messages: Vec<String>,
    /// What each probe rule (`sites::with_probes`) gave for this target: its data, or null when
    /// it failed.
    pub probes: BTreeMap<String, Option<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EffectAnswer {
    pub rule: String,
    #[serde(rename = "type")]
    pub action_type: String,
    pub field: String,
    pub data: Option<String>,
}
