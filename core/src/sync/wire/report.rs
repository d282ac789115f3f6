//! The tracker import report (`ImportReport`, research/dhis2-api.md §3.4): what the server did
//! with each record of an upload, read into one [`Outcome`] per record.
//!
//! The rule (the DHIS2 Android SDK's `JobReportHandler`): a record named in an error report is
//! refused; one in an object report (and in no error report) is stored; one in neither is not
//! mentioned and is sent again. Warnings are kept on a stored record. The report's `status`
//! says nothing per record (ERROR as soon as one record failed), so it is not used.
//!
//! Owns reading the report. Does not own applying the outcomes (`store::data::outbox`).

use std::collections::HashMap;

use serde::Deserialize;

use crate::store::data::outbox::{Outcome, ServerIssue};
use crate::store::data::RecordKind;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    /// Not used per record (see the module doc), but read strictly: a report whose status is
    /// none of DHIS2's is no report to trust.
    #[serde(default)]
    pub status: Option<ReportStatus>,
    #[serde(default)]
    pub validation_report: Option<ValidationReport>,
    #[serde(default)]
    pub bundle_report: Option<BundleReport>,
    /// Set when the import stopped as a whole.
    #[serde(default)]
    pub message: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ReportStatus {
    Ok,
    Warning,
    Error,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ValidationReport {
    #[serde(default)]
    pub error_reports: Vec<ErrorReport>,
    #[serde(default)]
    pub warning_reports: Vec<ErrorReport>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorReport {
    #[serde(default)]
    pub message: String,
    pub error_code: String,
    pub tracker_type: TrackerType,
    pub uid: String,
    #[serde(default)]
    pub args: Vec<serde_json::Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TrackerType {
    TrackedEntity,
    Enrollment,
    Event,
    Relationship,
}

impl TrackerType {
    fn kind(self) -> Option<RecordKind> {
        match self {
            TrackerType::TrackedEntity => Some(RecordKind::TrackedEntity),
            TrackerType::Enrollment => Some(RecordKind::Enrollment),
            TrackerType::Event => Some(RecordKind::Event),
            TrackerType::Relationship => None,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BundleReport {
    #[serde(default)]
    pub type_report_map: HashMap<TrackerType, TypeReport>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TypeReport {
    #[serde(default)]
    pub object_reports: Vec<ObjectReport>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ObjectReport {
    pub uid: String,
}

/// An argument as text: the server sends strings, and sometimes numbers or objects.
fn arg_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl ErrorReport {
    /// The issue, with the field it names: the first of its arguments (or back-quoted pieces of
    /// its message) that is one of `fields` (the record's attribute or data element UIDs).
    fn issue(&self, fields: &dyn Fn(&str) -> bool) -> ServerIssue {
        let args: Vec<String> = self.args.iter().map(arg_text).collect();
        let quoted = self.message.split('`').skip(1).step_by(2).map(str::to_string);
        let field = args.iter().cloned().chain(quoted).find(|a| fields(a));
        ServerIssue { code: self.error_code.clone(), message: self.message.clone(), args, field }
    }
}

impl ImportReport {
    /// The outcome for one record the upload sent. `fields` tells which texts are fields of
    /// that record.
    pub fn outcome(&self, kind: RecordKind, uid: &str, fields: &dyn Fn(&str) -> bool) -> Outcome {
        let of_record = |r: &&ErrorReport| r.tracker_type.kind() == Some(kind) && r.uid == uid;
        let empty = ValidationReport::default();
        let validation = self.validation_report.as_ref().unwrap_or(&empty);
        let errors: Vec<ServerIssue> =
            validation.error_reports.iter().filter(of_record).map(|r| r.issue(fields)).collect();
        if !errors.is_empty() {
            return Outcome::Refused(errors);
        }
        let stored = self.bundle_report.as_ref().is_some_and(|b| {
            b.type_report_map
                .iter()
                .any(|(t, report)| t.kind() == Some(kind) && report.object_reports.iter().any(|o| o.uid == uid))
        });
        if !stored {
            return Outcome::NotMentioned;
        }
        let warnings: Vec<ServerIssue> =
            validation.warning_reports.iter().filter(of_record).map(|r| r.issue(fields)).collect();
        if warnings.is_empty() {
            Outcome::Stored
        } else {
            Outcome::StoredWithWarnings(warnings)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = r#"{
      "status": "ERROR",
      "validationReport": {
        "errorReports": [{"message": "Value: `heavy`, is not a valid numeric type for data element `PhumDEWeigh`",
                          "errorCode": "E1302", "trackerType": "EVENT", "uid": "PhumEvent02",
                          "args": ["heavy", "PhumDEWeigh"]}],
        "warningReports": [{"message": "Generated by program rule (`Rule1`) - check the dose",
                            "errorCode": "E1300", "trackerType": "EVENT", "uid": "PhumEvent01"}]
      },
      "stats": {"created": 2, "updated": 0, "deleted": 0, "ignored": 1, "total": 3},
      "bundleReport": {"typeReportMap": {
        "TRACKED_ENTITY": {"trackerType": "TRACKED_ENTITY", "objectReports": [{"trackerType": "TRACKED_ENTITY", "uid": "PhumPerson1", "index": 0, "errorReports": []}]},
        "EVENT": {"trackerType": "EVENT", "objectReports": [{"trackerType": "EVENT", "uid": "PhumEvent01"}]}
      }}
    }"#;

    #[test]
    fn each_record_gets_its_outcome_from_the_report() {
        let report: ImportReport = serde_json::from_str(REPORT).unwrap();
        let no_fields = |_: &str| false;
        let is_field = |s: &str| s == "PhumDEWeigh";
        assert_eq!(report.outcome(RecordKind::TrackedEntity, "PhumPerson1", &no_fields), Outcome::Stored);
        assert!(matches!(
            report.outcome(RecordKind::Event, "PhumEvent01", &no_fields),
            Outcome::StoredWithWarnings(w) if w[0].code == "E1300"
        ));
        let Outcome::Refused(errors) = report.outcome(RecordKind::Event, "PhumEvent02", &is_field) else {
            panic!("refused expected")
        };
        assert_eq!(errors[0].code, "E1302");
        assert_eq!(errors[0].field.as_deref(), Some("PhumDEWeigh"));
        assert_eq!(errors[0].args, ["heavy", "PhumDEWeigh"]);
        assert_eq!(report.outcome(RecordKind::Event, "PhumEvent03", &no_fields), Outcome::NotMentioned);
        // The same UID of another kind is another record.
        assert_eq!(report.outcome(RecordKind::Enrollment, "PhumPerson1", &no_fields), Outcome::NotMentioned);
    }

    #[test]
    fn a_report_with_an_unknown_status_is_not_read() {
        assert!(serde_json::from_str::<ImportReport>(r#"{"status":"FINE"}"#).is_err());
        assert!(serde_json::from_str::<ImportReport>(r#"{"status":"WARNING"}"#).is_ok());
    }

    #[test]
    fn a_report_without_bundle_leaves_unrefused_records_waiting() {
        let report: ImportReport = serde_json::from_str(
            r#"{"status":"ERROR","validationReport":{"errorReports":[{"message":"Could not find TrackedEntityType: `Q9GufDoplCL`.","errorCode":"E1005","trackerType":"TRACKED_ENTITY","uid":"Kj6vYde4LHh"}]},"stats":{"ignored":2}}"#,
        )
        .unwrap();
        let no_fields = |_: &str| false;
        assert!(matches!(report.outcome(RecordKind::TrackedEntity, "Kj6vYde4LHh", &no_fields), Outcome::Refused(_)));
        assert_eq!(report.outcome(RecordKind::Enrollment, "PhumEnrol01", &no_fields), Outcome::NotMentioned);
    }
}
