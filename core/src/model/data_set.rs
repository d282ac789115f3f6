//! Data sets (the monthly village report and other aggregate forms), their sections, and the
//! aggregate validation rules and constants that go with them.
//!
//! Owns their wire shape. Does not own period openness or running validation rules
//! (`form`, `validate`).

use serde::{Deserialize, Serialize};

use super::common::{identifiable, Access, Child, IdRef, Timestamp};
use super::period::PeriodType;
use super::value_type::{Importance, MissingValueStrategy, ValidationOperator};
use super::Uid;

identifiable! {
    pub struct DataSet / DataSetWire {
        pub period_type: PeriodType,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub category_combo: Option<IdRef>,
        /// How many future periods are open for entry.
        #[serde(default)]
        pub open_future_periods: i64,
        /// Days after a period's end during which it can still be edited (0: no limit). DHIS2
        /// allows fractions.
        #[serde(default)]
        pub expiry_days: f64,
        #[serde(default)]
        pub timely_days: f64,
        #[serde(default)]
        pub valid_complete_only: bool,
        #[serde(default)]
        pub no_value_requires_comment: bool,
        #[serde(default)]
        pub field_combination_required: bool,
        #[serde(default)]
        pub compulsory_fields_complete_only: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub access: Option<Access>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub data_set_elements: Vec<DataSetElement>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub sections: Vec<Child<DataSetSection>>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub data_input_periods: Vec<DataInputPeriod>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub compulsory_data_element_operands: Vec<Operand>,
    }
}

/// A data element in a data set, optionally with an overriding category combo.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DataSetElement {
    pub data_element: IdRef,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_combo: Option<IdRef>,
}

/// A data element with (optionally) one category option combo: one cell of the grid. Servers
/// send `{"dataElement":{"id"},"categoryOptionCombo":{"id"}}`, or only the operand id
/// `"deUid.cocUid"` (or `"deUid"`) when the fields were not asked for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "OperandWire")]
pub struct Operand {
    pub data_element: IdRef,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_option_combo: Option<IdRef>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct OperandWire {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    data_element: Option<IdRef>,
    #[serde(default)]
    category_option_combo: Option<IdRef>,
}

impl TryFrom<OperandWire> for Operand {
    type Error = String;
    fn try_from(w: OperandWire) -> Result<Operand, String> {
        let from_id = match w.id.as_deref() {
            Some(id) => {
                let mut parts = id.splitn(2, '.');
                let de = parts.next().map(Uid::parse).transpose().map_err(|e| format!("operand id: {e}"))?;
                let coc = parts.next().map(Uid::parse).transpose().map_err(|e| format!("operand id: {e}"))?;
                Some((de, coc))
            }
            None => None,
        };
        let data_element = match (w.data_element, &from_id) {
            (Some(de), _) => de,
            (None, Some((Some(de), _))) => IdRef { id: *de },
            _ => return Err("an operand needs a dataElement (or an id like deUid.cocUid)".into()),
        };
        let category_option_combo =
            w.category_option_combo.or_else(|| from_id.and_then(|(_, coc)| coc).map(|id| IdRef { id }));
        Ok(Operand { data_element, category_option_combo })
    }
}

/// A window in which one period of the data set is open, overriding the expiry rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DataInputPeriod {
    pub period: PeriodRef,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening_date: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing_date: Option<Timestamp>,
}

/// `{"id": "202511"}`: a period named by its ISO id (checked against the data set's type by
/// the importer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodRef {
    pub id: String,
}

identifiable! {
    pub struct DataSetSection / DataSetSectionWire {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub data_set: Option<IdRef>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub sort_order: Option<i64>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub data_elements: Vec<IdRef>,
        /// Cells that cannot be filled.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub greyed_fields: Vec<Operand>,
        #[serde(default)]
        pub show_row_totals: bool,
        #[serde(default)]
        pub show_column_totals: bool,
    }
}

identifiable! {
    pub struct ValidationRule / ValidationRuleWire {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub instruction: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub importance: Option<Importance>,
        pub operator: ValidationOperator,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub period_type: Option<PeriodType>,
        pub left_side: ValidationSide,
        pub right_side: ValidationSide,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub organisation_unit_levels: Vec<u32>,
        #[serde(default)]
        pub skip_form_validation: bool,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ValidationSide {
    pub expression: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default = "never_skip")]
    pub missing_value_strategy: MissingValueStrategy,
}

fn never_skip() -> MissingValueStrategy {
    MissingValueStrategy::NeverSkip
}

identifiable! {
    /// A named number usable as `C{uid}` in expressions.
    pub struct Constant / ConstantWire {
        pub value: f64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operands_come_as_objects_or_as_ids() {
        let full: Operand =
            serde_json::from_str(r#"{"dataElement":{"id":"g9eOBujte1U"},"categoryOptionCombo":{"id":"Gmbgme7z9BF"}}"#)
                .unwrap();
        let by_id: Operand = serde_json::from_str(r#"{"id":"g9eOBujte1U.Gmbgme7z9BF"}"#).unwrap();
        assert_eq!(full, by_id);
        let whole: Operand = serde_json::from_str(r#"{"id":"bx6fsa0t90x"}"#).unwrap();
        assert_eq!(whole.category_option_combo, None);
        let err = serde_json::from_str::<Operand>(r#"{"id":"nope.Gmbgme7z9BF"}"#).unwrap_err().to_string();
        assert!(err.contains("operand id: 'nope' is not a DHIS2 UID"), "{err}");
        assert!(serde_json::from_str::<Operand>("{}").is_err());
    }
}
