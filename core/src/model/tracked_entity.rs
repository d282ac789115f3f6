//! Tracked entity types (for example Person) and tracked entity attributes.
//!
//! Owns their wire shape. Does not own local search or uniqueness checks on captured values.

use serde::{Deserialize, Serialize};

use super::common::{identifiable, IdRef};
use super::value_type::{FeatureType, ValueType};

identifiable! {
    pub struct TrackedEntityType / TrackedEntityTypeWire {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub feature_type: Option<FeatureType>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub min_attributes_required_to_search: Option<i64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub max_tei_count_to_return: Option<i64>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub tracked_entity_type_attributes: Vec<TrackedEntityTypeAttribute>,
    }
}

/// An attribute as the type uses it (embedded in the type).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrackedEntityTypeAttribute {
    pub tracked_entity_attribute: IdRef,
    #[serde(default)]
    pub mandatory: bool,
    #[serde(default)]
    pub searchable: bool,
    #[serde(default)]
    pub display_in_list: bool,
}

identifiable! {
    pub struct TrackedEntityAttribute / TrackedEntityAttributeWire {
        pub value_type: ValueType,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub option_set: Option<IdRef>,
        /// Unique across the system (or within `orgunitScope`).
        #[serde(default)]
        pub unique: bool,
        #[serde(default)]
        pub orgunit_scope: bool,
        /// Values come from the server's reserved pool, following `pattern`.
        #[serde(default)]
        pub generated: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub pattern: Option<String>,
        #[serde(default)]
        pub confidential: bool,
        #[serde(default)]
        pub inherit: bool,
        #[serde(default)]
        pub display_in_list_no_program: bool,
        #[serde(default)]
        pub display_on_visit_schedule: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub field_mask: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub min_characters_to_search: Option<i64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub preferred_search_operator: Option<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub blocked_search_operators: Vec<String>,
    }
}
