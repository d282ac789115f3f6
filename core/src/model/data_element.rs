//! Data elements, option sets, options and option groups.
//!
//! Owns their wire shape. Does not own checking a captured value against them (`validate`).

use super::common::{identifiable, Child, IdRef, Style};
use super::value_type::{AggregationType, DomainType, ValueType};

identifiable! {
    pub struct DataElement / DataElementWire {
        pub value_type: ValueType,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub domain_type: Option<DomainType>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub aggregation_type: Option<AggregationType>,
        /// Whether a zero is stored for aggregate data (otherwise a 0 is not sent).
        #[serde(default)]
        pub zero_is_significant: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub option_set: Option<IdRef>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub category_combo: Option<IdRef>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub field_mask: Option<String>,
    }
}

identifiable! {
    pub struct OptionSet / OptionSetWire {
        pub value_type: ValueType,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub version: Option<i64>,
        /// Exports list the options by id; the importer links them and stores options on their own.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub options: Vec<Child<OptionItem>>,
    }
}

identifiable! {
    /// One option of an option set (DHIS2 calls it `Option`). The code is what is stored and sent.
    pub struct OptionItem / OptionItemWire {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub option_set: Option<IdRef>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub sort_order: Option<i64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub style: Option<Style>,
    }
}

identifiable! {
    pub struct OptionGroup / OptionGroupWire {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub option_set: Option<IdRef>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub options: Vec<IdRef>,
    }
}
