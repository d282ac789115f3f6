//! Category combos, categories, category options and category option combos: the
//! disaggregations of aggregate data (sex x age, ...) and the attribute option combos of programs
//! and data sets.
//!
//! Owns their wire shape. Does not own building the data-entry grid from them (`form`).

use serde::{Deserialize, Serialize};

use super::common::{Access, Child, IdRef, Identity, Timestamp};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CategoryCombo {
    #[serde(flatten)]
    pub identity: Identity,
    #[serde(default)]
    pub is_default: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_dimension_type: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<IdRef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub category_option_combos: Vec<Child<CategoryOptionCombo>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Category {
    #[serde(flatten)]
    pub identity: Identity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_dimension_type: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub category_options: Vec<IdRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CategoryOption {
    #[serde(flatten)]
    pub identity: Identity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access: Option<Access>,
    /// Units the option is restricted to (empty: everywhere).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisation_units: Vec<IdRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CategoryOptionCombo {
    #[serde(flatten)]
    pub identity: Identity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_combo: Option<IdRef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub category_options: Vec<IdRef>,
}
