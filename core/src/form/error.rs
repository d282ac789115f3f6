//! What a form session refuses, and why: one variant per kind of bad input, each naming the
//! record and the field, and the reasons a completion is refused.
//!
//! Owns the error shapes and their English wording. Does not own deciding (the other modules).

use super::RecordRef;
use crate::model::period::PeriodError;
use crate::model::value_type::EnrollmentStatus;
use crate::model::Uid;
use crate::rules::load::LoadError;
use crate::store::data::DataError;
use crate::store::StoreError;
use crate::validate::value_type::ValueError;

/// Why an org unit is outside the capture scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopeProblem {
    /// Not one of the user's capture org units nor below one.
    NotInUserScope,
    /// The program or data set is not assigned to it.
    NotAssigned { to: Uid },
}

impl std::fmt::Display for ScopeProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScopeProblem::NotInUserScope => f.write_str("it is not one of your capture org units or below one"),
            ScopeProblem::NotAssigned { to } => write!(f, "{to} is not assigned to it"),
        }
    }
}

/// One reason a completion is refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// A mandatory field (compulsory in metadata or made mandatory by a rule) is empty.
    MandatoryEmpty { field: String, label: String },
    /// A rule shows an error on a field (SHOWERROR).
    FieldError { field: String, message: String },
    /// A rule shows an error on the whole form (SHOWERROR without a field in the form).
    FormError { message: String },
    /// An ERRORONCOMPLETE fired.
    ErrorOnComplete { message: String },
    /// A data-set validation rule is violated.
    ValidationRule { rule: Uid, name: String, instruction: Option<String> },
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::MandatoryEmpty { field, label } => write!(f, "'{label}' ({field}) is mandatory and empty"),
            Refusal::FieldError { field, message } => write!(f, "{field}: {message}"),
            Refusal::FormError { message } | Refusal::ErrorOnComplete { message } => f.write_str(message),
            Refusal::ValidationRule { rule, name, instruction } => match instruction {
                Some(i) => write!(f, "validation rule '{name}' ({rule}) is violated: {i}"),
                None => write!(f, "validation rule '{name}' ({rule}) is violated"),
            },
        }
    }
}

fn list(reasons: &[Refusal]) -> String {
    reasons.iter().map(|r| r.to_string()).collect::<Vec<_>>().join("; ")
}

/// What a form session refuses. Every variant leaves the store and the session unchanged.
#[derive(Debug, thiserror::Error)]
pub enum FormError {
    #[error("{record} has no field {field}")]
    UnknownField { record: RecordRef, field: String },
    #[error("field {field} of {record} is hidden by a program rule and takes no value")]
    HiddenField { record: RecordRef, field: String },
    #[error("field {field} of {record} is not editable ({why})")]
    ReadOnlyField { record: RecordRef, field: String, why: &'static str },
    #[error("field {field}: '{value}' is {source}")]
    InvalidValue { field: String, value: String, source: ValueError },
    #[error("field {field}: '{code}' is not an option of its option set")]
    OptionNotInSet { field: String, code: String },
    #[error("field {field}: option '{code}' is hidden by a program rule")]
    OptionHidden { field: String, code: String },
    #[error("field {field}: {date} is in the future (today is {today}) and the field does not allow future dates")]
    FutureDate { field: String, date: String, today: String },
    #[error("field {field}: '{value}' is already used by tracked entity {other}; the value must be unique")]
    NotUnique { field: String, value: String, other: Uid },
    #[error("org unit {org_unit} is outside the capture scope: {problem}")]
    OrgUnitOutOfScope { org_unit: Uid, problem: ScopeProblem },
    #[error("there is no signed-in user and no capture org units were given")]
    NoCaptureScope,
    #[error("{kind} {uid} is not in the store")]
    NotFound { kind: &'static str, uid: Uid },
    #[error("program stage {stage} does not belong to program {program}")]
    StageNotInProgram { stage: Uid, program: Uid },
    #[error("program {program} is {why}")]
    WrongProgramType { program: Uid, why: &'static str },
    #[error("enrollment {enrollment} is in program {found}, not {expected}")]
    EnrollmentNotInProgram { enrollment: Uid, expected: Uid, found: Uid },
    #[error("period '{period}' does not fit data set {data_set}: {source}")]
    InvalidPeriod { data_set: Uid, period: String, source: PeriodError },
    #[error("period {period} is in the future: data set {data_set} opens {open_future_periods} future period(s)")]
    PeriodInFuture { data_set: Uid, period: String, open_future_periods: i64 },
    #[error(
        "period {period} expired on {expired_on}: data set {data_set} allows {expiry_days} day(s) after the period"
    )]
    PeriodExpired { data_set: Uid, period: String, expired_on: String, expiry_days: f64 },
    #[error("period {period} of data set {data_set} is closed for data entry{window}")]
    PeriodClosed { data_set: Uid, period: String, window: String },
    #[error("attribute option combo {combo} is not one of data set {data_set}'s")]
    InvalidAttributeOptionCombo { data_set: Uid, combo: Uid },
    #[error("{record} was changed elsewhere since this form read it; reopen the form")]
    ChangedElsewhere { record: RecordRef },
    #[error("{record} is completed; reopen it to change it")]
    AlreadyCompleted { record: RecordRef },
    #[error("{record} cannot be completed: {}", list(reasons))]
    CompletionRefused { record: RecordRef, reasons: Vec<Refusal> },
    #[error("no default category combo is stored")]
    NoDefaultCategoryCombo,
    #[error("category combo {combo} has no category option combos")]
    EmptyCategoryCombo { combo: Uid },
    /// A record date (event, enrollment or incident date) cannot be emptied.
    #[error("{field} cannot be empty")]
    DateRequired { field: String },
    /// A second event in a stage that takes one per enrollment.
    #[error("program stage {stage} is not repeatable and this enrollment already has its event {existing}")]
    StageNotRepeatable { stage: Uid, existing: Uid },
    /// A field key that is not a UID (or `deUid.cocUid` in a grid).
    #[error("field key '{field}' is not a UID (or deUid.cocUid)")]
    BadFieldKey { field: String },
    /// The event belongs to an enrollment that is completed or cancelled: its events can neither
    /// be changed nor added (DHIS2 Android SDK: `ENROLLMENT_IS_NOT_OPEN`).
    #[error(
        "enrollment {enrollment} is {status}: its events cannot be changed or added; re-open the enrollment first"
    )]
    EnrollmentNotActive { enrollment: Uid, status: EnrollmentStatus },
    /// An enrollment action that would not change its status.
    #[error("enrollment {enrollment} is already {status}")]
    EnrollmentStatusUnchanged { enrollment: Uid, status: EnrollmentStatus },
    /// Re-opening while the person has another ACTIVE enrollment in the program (Android
    /// Capture's `ACTIVE_EXIST`; the server's E1015).
    #[error(
        "enrollment {enrollment} cannot be re-opened: the person's enrollment {other} in program {program} is active"
    )]
    ActiveEnrollmentExists { enrollment: Uid, program: Uid, other: Uid },
    /// The program enrolls a person once and the person has another active or completed
    /// enrollment in it (the server's E1016).
    #[error("program {program} enrolls a person once and the person's enrollment {other} is {status}: enrollment {enrollment} cannot become active or completed")]
    EnrolledOnce { enrollment: Uid, program: Uid, other: Uid, status: EnrollmentStatus },
    /// The signed-in user may not write data of this program (`access.data.write` is false).
    #[error("you may read but not write data of program {program}")]
    NoDataWriteAccess { program: Uid },
    #[error(transparent)]
    Rules(#[from] LoadError),
    #[error(transparent)]
    Data(#[from] DataError),
    #[error(transparent)]
    Search(#[from] crate::search::SearchError),
    /// The events that follow from completing (the enrollment's auto-generated events, a
    /// repeatable stage's next visit) could not be created, so nothing was completed.
    #[error("not completed: creating the events that follow failed: {0}")]
    Schedule(#[from] crate::schedule::ScheduleError),
}

impl From<StoreError> for FormError {
    fn from(e: StoreError) -> FormError {
        FormError::Data(DataError::Store(e))
    }
}
