//! Aggregate JSON: data value sets (`/api/dataValueSets`), completions
//! (`/api/completeDataSetRegistrations`) and the import summary the server answers both with,
//! bare (before 2.38) or inside a web message (research/dhis2-api.md §4).
//!
//! Owns these shapes and reading a summary into one [`Outcome`] per value sent. Does not own
//! which values are sent together (`upload::aggregate`).

use serde::{Deserialize, Serialize};

use crate::model::Uid;
use crate::store::data::outbox::{Outcome, ServerIssue};

/// One value sent. A cleared value goes as `deleted: true` with an empty value, which deletes it.
#[derive(Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SentDataValue {
    pub data_element: Uid,
    pub period: String,
    pub org_unit: Uid,
    pub category_option_combo: Uid,
    pub attribute_option_combo: Uid,
    pub value: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
}

#[derive(Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SentDataValueSet {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_set: Option<Uid>,
    pub data_values: Vec<SentDataValue>,
}

#[derive(Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SentCompletion {
    pub data_set: Uid,
    pub period: String,
    pub organisation_unit: Uid,
    pub attribute_option_combo: Uid,
    /// The day it was marked, `2026-11-30`.
    pub date: String,
    pub completed: bool,
}

#[derive(Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SentCompletions {
    pub complete_data_set_registrations: Vec<SentCompletion>,
}

/// An import summary, bare or inside a web message's `response`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum SummaryAnswer {
    Wrapped { response: ImportSummary },
    Bare(ImportSummary),
}

impl SummaryAnswer {
    pub fn summary(self) -> ImportSummary {
        match self {
            SummaryAnswer::Wrapped { response } | SummaryAnswer::Bare(response) => response,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    pub status: SummaryStatus,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
}

/// The import summary's status (`OK` as some versions write SUCCESS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SummaryStatus {
    Success,
    Ok,
    Warning,
    Error,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    #[serde(default)]
    pub object: Option<String>,
    #[serde(default)]
    pub value: String,
    #[serde(default)]
    pub error_code: Option<String>,
    /// Positions in the `dataValues` sent (2.37 and later).
    #[serde(default)]
    pub indexes: Vec<usize>,
}

impl Conflict {
    fn issue(&self) -> ServerIssue {
        ServerIssue {
            code: self.error_code.clone().unwrap_or_else(|| "E7600".into()),
            message: self.value.clone(),
            args: self.object.iter().cloned().collect(),
            field: self.object.clone(),
        }
    }
}

impl ImportSummary {
    /// One outcome per value sent (`count` of them), after the Android SDK's
    /// `DataValueImportHandler`: ERROR refuses all; conflicts refuse the values at their
    /// indexes and the others are stored; conflicts without indexes refuse all, as the
    /// summary cannot say which values they are about.
    pub fn outcomes(&self, count: usize) -> Vec<Outcome> {
        let whole = |issues: Vec<ServerIssue>| vec![Outcome::Refused(issues); count];
        if self.status == SummaryStatus::Error && self.conflicts.iter().all(|c| c.indexes.is_empty()) {
            let mut issues: Vec<ServerIssue> = self.conflicts.iter().map(Conflict::issue).collect();
            if issues.is_empty() {
                issues.push(ServerIssue {
                    code: "E7600".into(),
                    message: self.description.clone().unwrap_or_default(),
                    args: vec![],
                    field: None,
                });
            }
            return whole(issues);
        }
        if self.conflicts.iter().any(|c| c.indexes.is_empty()) {
            return whole(self.conflicts.iter().map(Conflict::issue).collect());
        }
        let mut out: Vec<Outcome> = vec![Outcome::Stored; count];
        for conflict in &self.conflicts {
            for &i in &conflict.indexes {
                if let Some(slot) = out.get_mut(i) {
                    let mut issues = match std::mem::replace(slot, Outcome::Stored) {
                        Outcome::Refused(issues) => issues,
                        _ => Vec::new(),
                    };
                    issues.push(conflict.issue());
                    *slot = Outcome::Refused(issues);
                }
            }
        }
        out
    }
}

/// A value downloaded.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceivedDataValue {
    pub data_element: String,
    pub period: String,
    pub org_unit: String,
    pub category_option_combo: String,
    pub attribute_option_combo: String,
    #[serde(default)]
    pub value: Option<String>,
    #[serde(default)]
    pub deleted: bool,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceivedDataValueSet {
    #[serde(default)]
    pub data_values: Vec<ReceivedDataValue>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceivedCompletion {
    pub data_set: String,
    pub period: String,
    pub organisation_unit: String,
    #[serde(default)]
    pub attribute_option_combo: Option<String>,
    #[serde(default = "yes")]
    pub completed: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceivedCompletions {
    #[serde(default)]
    pub complete_data_set_registrations: Vec<ReceivedCompletion>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conflicts_refuse_exactly_the_values_at_their_indexes() {
        let answer: SummaryAnswer = serde_json::from_str(
            r#"{"httpStatus":"Conflict","httpStatusCode":409,"status":"WARNING","response":{"responseType":"ImportSummary",
            "status":"WARNING","importCount":{"imported":2,"updated":0,"ignored":1,"deleted":0},
            "conflicts":[{"object":"UOlfIjgN8X6","objects":{"dataElement":"UOlfIjgN8X6"},"value":"Data value is not numeric",
            "errorCode":"E7619","property":"value","indexes":[1]}]}}"#,
        )
        .unwrap();
        let outcomes = answer.summary().outcomes(3);
        assert_eq!(outcomes[0], Outcome::Stored);
        assert!(
            matches!(&outcomes[1], Outcome::Refused(i) if i[0].code == "E7619" && i[0].field.as_deref() == Some("UOlfIjgN8X6"))
        );
        assert_eq!(outcomes[2], Outcome::Stored);
    }

    #[test]
    fn an_error_without_indexes_refuses_every_value_and_a_bare_summary_reads_too() {
        let bare: SummaryAnswer =
            serde_json::from_str(r#"{"status":"ERROR","description":"The data set is locked","conflicts":[]}"#)
                .unwrap();
        let outcomes = bare.summary().outcomes(2);
        assert!(outcomes.iter().all(|o| matches!(o, Outcome::Refused(i) if i[0].message == "The data set is locked")));
        let ok: SummaryAnswer = serde_json::from_str(r#"{"status":"SUCCESS","importCount":{"imported":2}}"#).unwrap();
        assert_eq!(ok.summary().outcomes(2), vec![Outcome::Stored, Outcome::Stored]);
    }
}
