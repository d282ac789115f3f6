//! Category combos, categories, category options and category option combos: the
//! disaggregations of aggregate data (sex x age, ...) and the attribute option combos of programs
//! and data sets.
//!
//! Owns their wire shape. Does not own building the data-entry grid from them (`form`).

use super::common::{identifiable, Access, Child, IdRef, Timestamp};

identifiable! {
    pub struct CategoryCombo / CategoryComboWire {
        #[serde(default)]
        pub is_default: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub data_dimension_type: Option<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub categories: Vec<IdRef>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub category_option_combos: Vec<Child<CategoryOptionCombo>>,
    }
}

identifiable! {
    pub struct Category / CategoryWire {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub data_dimension_type: Option<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub category_options: Vec<IdRef>,
    }
}

identifiable! {
    pub struct CategoryOption / CategoryOptionWire {
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
}

identifiable! {
    pub struct CategoryOptionCombo / CategoryOptionComboWire {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub category_combo: Option<IdRef>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub category_options: Vec<IdRef>,
    }
}
