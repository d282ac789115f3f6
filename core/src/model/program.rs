//! Programs and everything under them: stages, stage data elements, sections, program
//! attributes, program rules with their actions and variables.
//!
//! Owns the wire shape of these objects (per-endpoint answers nest children; `/api/metadata`
//! exports reference them by id, see [`Child`]). Does not own evaluating rules (`rules`, `expr`).

use serde::{Deserialize, Serialize};

use super::common::{identifiable, Access, Child, IdRef, Style, Translation};
use super::data_element::DataElement;
use super::period::PeriodType;
use super::value_type::{AccessLevel, FeatureType, ProgramType, RuleActionType, RuleVariableSource, ValueType};
use super::Uid;

identifiable! {
    /// A program as `/api/programs` sends it.
    pub struct Program / ProgramWire {
        pub program_type: ProgramType,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub tracked_entity_type: Option<IdRef>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub category_combo: Option<IdRef>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub enrollment_category_combo: Option<IdRef>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub access_level: Option<AccessLevel>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub access: Option<Access>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub feature_type: Option<FeatureType>,
        #[serde(default)]
        pub only_enroll_once: bool,
        #[serde(default)]
        pub display_incident_date: bool,
        #[serde(default)]
        pub select_enrollment_dates_in_future: bool,
        #[serde(default)]
        pub select_incident_dates_in_future: bool,
        #[serde(default)]
        pub ignore_overdue_events: bool,
        #[serde(default)]
        pub use_first_stage_during_registration: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub enrollment_date_label: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub incident_date_label: Option<String>,
        #[serde(default)]
        pub expiry_days: i64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub expiry_period_type: Option<PeriodType>,
        #[serde(default)]
        pub complete_events_expiry_days: i64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub min_attributes_required_to_search: Option<i64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub max_tei_count_to_return: Option<i64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub style: Option<Style>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub program_tracked_entity_attributes: Vec<ProgramTrackedEntityAttribute>,
        /// Nested in `/api/programs` answers; taken out and stored on their own by the importer.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub program_rule_variables: Vec<Child<ProgramRuleVariable>>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub program_sections: Vec<Child<ProgramSection>>,
    }
}

/// A tracked entity attribute as one program uses it (embedded in the program).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProgramTrackedEntityAttribute {
    pub tracked_entity_attribute: IdRef,
    #[serde(default)]
    pub mandatory: bool,
    #[serde(default)]
    pub allow_future_date: bool,
    #[serde(default)]
    pub display_in_list: bool,
    #[serde(default)]
    pub searchable: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort_order: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub render_type: Option<serde_json::Value>,
}

identifiable! {
    /// A section of the registration form of a tracker program.
    pub struct ProgramSection / ProgramSectionWire {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub program: Option<IdRef>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub sort_order: Option<i64>,
        /// Older servers call this list `programTrackedEntityAttribute`.
        #[serde(default, alias = "programTrackedEntityAttribute", skip_serializing_if = "Vec::is_empty")]
        pub tracked_entity_attributes: Vec<IdRef>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub render_type: Option<serde_json::Value>,
    }
}

identifiable! {
    pub struct ProgramStage / ProgramStageWire {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub program: Option<IdRef>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub sort_order: Option<i64>,
        #[serde(default)]
        pub repeatable: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub standard_interval: Option<i64>,
        #[serde(default)]
        pub min_days_from_start: i64,
        #[serde(default)]
        pub generated_by_enrollment_date: bool,
        #[serde(default)]
        pub auto_generate_event: bool,
        #[serde(default)]
        pub open_after_enrollment: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub report_date_to_use: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub period_type: Option<PeriodType>,
        #[serde(default)]
        pub hide_due_date: bool,
        #[serde(default)]
        pub block_entry_form: bool,
        #[serde(default)]
        pub allow_generate_next_visit: bool,
        #[serde(default)]
        pub remind_completed: bool,
        #[serde(default)]
        pub valid_complete_only: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub execution_date_label: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub due_date_label: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub validation_strategy: Option<ValidationStrategy>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub feature_type: Option<FeatureType>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub access: Option<Access>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub style: Option<Style>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub program_stage_data_elements: Vec<ProgramStageDataElement>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub program_stage_sections: Vec<Child<ProgramStageSection>>,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ValidationStrategy {
    OnComplete,
    OnUpdateAndInsert,
}

/// A data element as one stage uses it (embedded in the stage). Per-endpoint answers nest the
/// whole data element; exports give only its id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProgramStageDataElement {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Uid>,
    pub data_element: Child<DataElement>,
    #[serde(default)]
    pub compulsory: bool,
    #[serde(default)]
    pub allow_future_date: bool,
    #[serde(default)]
    pub allow_provided_elsewhere: bool,
    #[serde(default)]
    pub display_in_reports: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort_order: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub render_type: Option<serde_json::Value>,
}

impl ProgramStageDataElement {
    pub fn data_element_uid(&self) -> Uid {
        match &self.data_element {
            Child::Full(de) => de.identity.id,
            Child::Ref(id) => *id,
        }
    }
}

identifiable! {
    pub struct ProgramStageSection / ProgramStageSectionWire {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub program_stage: Option<IdRef>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub sort_order: Option<i64>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub data_elements: Vec<IdRef>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub render_type: Option<serde_json::Value>,
    }
}

identifiable! {
    pub struct ProgramRuleVariable / ProgramRuleVariableWire {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub program: Option<IdRef>,
        #[serde(rename = "programRuleVariableSourceType")]
        pub source_type: RuleVariableSource,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub data_element: Option<IdRef>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub tracked_entity_attribute: Option<IdRef>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub program_stage: Option<IdRef>,
        #[serde(default)]
        pub use_code_for_option_set: bool,
        /// Calculated values declare their type (2.38+); others take the field's.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub value_type: Option<ValueType>,
    }
}

identifiable! {
    pub struct ProgramRule / ProgramRuleWire {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub program: Option<IdRef>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub program_stage: Option<IdRef>,
        /// The rule's condition in the DHIS2 expression language; DHIS2 treats a missing one as true.
        #[serde(default)]
        pub condition: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub priority: Option<i64>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub program_rule_actions: Vec<Child<ProgramRuleAction>>,
    }
}

/// What a rule does when its condition holds. Actions have no name in DHIS2.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProgramRuleAction {
    pub id: Uid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program_rule: Option<IdRef>,
    #[serde(rename = "programRuleActionType")]
    pub action_type: RuleActionType,
    /// An expression (ASSIGN, DISPLAYTEXT, ...), evaluated by the rule engine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    /// Static text shown to the user; translated through `translations` (property CONTENT).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_element: Option<IdRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracked_entity_attribute: Option<IdRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program_stage: Option<IdRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program_stage_section: Option<IdRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<IdRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option_group: Option<IdRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<i64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<Translation>,
}
