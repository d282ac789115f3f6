//! What a form session refuses, and why: one variant per kind of bad input, each naming the
//! record and the field, and the reasons a completion is refused; each says itself through the
//! catalogue (`locales/*/form.ftl`) in the reader's language.
//!
//! Owns the error shapes and their message ids. Does not own deciding (the other modules).

use chrono::NaiveDate as Date;

use super::RecordRef;
use crate::i18n::{Arg, Localize, Message};
use crate::model::period::PeriodError;
use crate::model::value_type::EnrollmentStatus;
use crate::model::{Period, Uid};
use crate::msg;
use crate::rules::load::LoadError;
use crate::store::data::DataError;
use crate::store::StoreError;
use crate::validate::value_type::ValueError;

/// A kind of stored record or metadata object, as an error names it ("program stage
/// AbCdEf12345 is not in the store").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ObjectKind {
    CategoryCombo,
    DataElement,
    DataSet,
    Enrollment,
    Event,
    OrgUnit,
    Program,
    ProgramStage,
    TrackedEntityAttribute,
}

impl ObjectKind {
    pub const ALL: [ObjectKind; 9] = [
        ObjectKind::CategoryCombo,
        ObjectKind::DataElement,
        ObjectKind::DataSet,
        ObjectKind::Enrollment,
        ObjectKind::Event,
        ObjectKind::OrgUnit,
        ObjectKind::Program,
        ObjectKind::ProgramStage,
        ObjectKind::TrackedEntityAttribute,
    ];
}

impl Localize for ObjectKind {
    fn message(&self) -> Message {
        match self {
            ObjectKind::CategoryCombo => Message::new("form-object-category-combo"),
            ObjectKind::DataElement => Message::new("form-object-data-element"),
            ObjectKind::DataSet => Message::new("form-object-data-set"),
            ObjectKind::Enrollment => Message::new("form-object-enrollment"),
            ObjectKind::Event => Message::new("form-object-event"),
            ObjectKind::OrgUnit => Message::new("form-object-org-unit"),
            ObjectKind::Program => Message::new("form-object-program"),
            ObjectKind::ProgramStage => Message::new("form-object-program-stage"),
            ObjectKind::TrackedEntityAttribute => Message::new("form-object-tracked-entity-attribute"),
        }
    }
}
crate::english_display!(ObjectKind);

/// An enrollment's status as a word of the reader's language ("completed", "cancelled").
pub(crate) fn enrollment_status(status: EnrollmentStatus) -> Message {
    match status {
        EnrollmentStatus::Active => Message::new("form-enrollment-active"),
        EnrollmentStatus::Completed => Message::new("form-enrollment-completed"),
        EnrollmentStatus::Cancelled => Message::new("form-enrollment-cancelled"),
    }
}

/// A period as stored (ISO, `202611`), shown in the reader's language when it parses.
pub(crate) fn period_arg(iso: &str) -> Arg {
    match Period::parse(iso) {
        Ok(p) => Arg::Period(p),
        Err(_) => Arg::Text(iso.to_string()),
    }
}

/// Why an org unit is outside the capture scope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopeProblem {
    /// Not one of the user's capture org units nor below one.
    NotInUserScope,
    /// The program or data set is not assigned to it.
    NotAssigned { to: Uid },
}

impl Localize for ScopeProblem {
    fn message(&self) -> Message {
        match self {
            ScopeProblem::NotInUserScope => Message::new("form-scope-not-in-user-scope"),
            ScopeProblem::NotAssigned { to } => msg!("form-scope-not-assigned", to = to),
        }
    }
}

/// Why a field takes no typed value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// A greyed cell of a data set section.
    GreyedCell,
    /// A program rule assigns its value.
    AssignedByRule,
}

impl Localize for ReadOnlyReason {
    fn message(&self) -> Message {
        match self {
            ReadOnlyReason::GreyedCell => Message::new("form-read-only-greyed-cell"),
            ReadOnlyReason::AssignedByRule => Message::new("form-read-only-assigned-by-rule"),
        }
    }
}

/// Why a program does not fit the form asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgramMismatch {
    /// A program with registration, asked for an event without an enrollment.
    NeedsEnrollment,
    /// An event program, asked for an event in an enrollment.
    HasNoEnrollments,
    /// An event program, asked for a registration.
    HasNoRegistration,
    /// A program with registration but no tracked entity type.
    NoTrackedEntityType,
}

impl Localize for ProgramMismatch {
    fn message(&self) -> Message {
        match self {
            ProgramMismatch::NeedsEnrollment => Message::new("form-program-needs-enrollment"),
            ProgramMismatch::HasNoEnrollments => Message::new("form-program-has-no-enrollments"),
            ProgramMismatch::HasNoRegistration => Message::new("form-program-has-no-registration"),
            ProgramMismatch::NoTrackedEntityType => Message::new("form-program-no-tracked-entity-type"),
        }
    }
}

/// When a data set's period takes data, if it has data input periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputWindow {
    /// The data set lists data input periods, and not this one.
    NotListed,
    /// Open from `opens` to `closes` (either may be open-ended).
    Between { opens: Option<Date>, closes: Option<Date> },
}

impl Localize for InputWindow {
    fn message(&self) -> Message {
        let day = |d: &Option<Date>| match d {
            Some(d) => Arg::Date(*d),
            None => Arg::Text("-".into()),
        };
        match self {
            InputWindow::NotListed => Message::new("form-input-window-not-listed"),
            InputWindow::Between { opens, closes } => {
                msg!("form-input-window-between", opens = day(opens), closes = day(closes))
            }
        }
    }
}

/// One reason a completion is refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// A mandatory field (compulsory in metadata or made mandatory by a rule) is empty. `label`
    /// is in the session's language when the refusal was made.
    MandatoryEmpty { field: String, label: String },
    /// A rule shows an error on a field (SHOWERROR): its text from metadata.
    FieldError { field: String, message: Message },
    /// A rule shows an error on the whole form (SHOWERROR without a field in the form).
    FormError { message: Message },
    /// An ERRORONCOMPLETE fired.
    ErrorOnComplete { message: Message },
    /// A data-set validation rule is violated.
    ValidationRule { rule: Uid, name: String, instruction: Option<String> },
}

impl Localize for Refusal {
    fn message(&self) -> Message {
        match self {
            Refusal::MandatoryEmpty { field, label } => {
                msg!("form-refusal-mandatory-empty", label = label, field = field)
            }
            Refusal::FieldError { field, message } => {
                msg!("form-refusal-field-error", field = field, message = message.clone())
            }
            Refusal::FormError { message } | Refusal::ErrorOnComplete { message } => message.clone(),
            Refusal::ValidationRule { rule, name, instruction } => match instruction {
                Some(i) => msg!("form-refusal-validation-rule-instruction", name = name, rule = rule, instruction = i),
                None => msg!("form-refusal-validation-rule", name = name, rule = rule),
            },
        }
    }
}

/// What a form session refuses. Every variant leaves the store and the session unchanged.
#[derive(Debug, thiserror::Error)]
pub enum FormError {
    UnknownField {
        record: RecordRef,
        field: String,
    },
    HiddenField {
        record: RecordRef,
        field: String,
    },
    ReadOnlyField {
        record: RecordRef,
        field: String,
        why: ReadOnlyReason,
    },
    InvalidValue {
        field: String,
        value: String,
        source: ValueError,
    },
    OptionNotInSet {
        field: String,
        code: String,
    },
    OptionHidden {
        field: String,
        code: String,
    },
    FutureDate {
        field: String,
        date: Date,
        today: Date,
    },
    NotUnique {
        field: String,
        value: String,
        other: Uid,
    },
    OrgUnitOutOfScope {
        org_unit: Uid,
        problem: ScopeProblem,
    },
    NoCaptureScope,
    NotFound {
        kind: ObjectKind,
        uid: Uid,
    },
    StageNotInProgram {
        stage: Uid,
        program: Uid,
    },
    WrongProgramType {
        program: Uid,
        why: ProgramMismatch,
    },
    EnrollmentNotInProgram {
        enrollment: Uid,
        expected: Uid,
        found: Uid,
    },
    InvalidPeriod {
        data_set: Uid,
        period: String,
        source: PeriodError,
    },
    PeriodInFuture {
        data_set: Uid,
        period: String,
        open_future_periods: i64,
    },
    PeriodExpired {
        data_set: Uid,
        period: String,
        expired_on: Date,
        expiry_days: f64,
    },
    PeriodClosed {
        data_set: Uid,
        period: String,
        window: InputWindow,
    },
    InvalidAttributeOptionCombo {
        data_set: Uid,
        combo: Uid,
    },
    ChangedElsewhere {
        record: RecordRef,
    },
    AlreadyCompleted {
        record: RecordRef,
    },
    CompletionRefused {
        record: RecordRef,
        reasons: Vec<Refusal>,
    },
    NoDefaultCategoryCombo,
    EmptyCategoryCombo {
        combo: Uid,
    },
    /// A record date (event, enrollment or incident date) cannot be emptied.
    DateRequired {
        field: String,
    },
    /// A second event in a stage that takes one per enrollment.
    StageNotRepeatable {
        stage: Uid,
        existing: Uid,
    },
    /// A field key that is not a UID (or `deUid.cocUid` in a grid).
    BadFieldKey {
        field: String,
    },
    /// The event belongs to an enrollment that is completed or cancelled: its events can neither
    /// be changed nor added (DHIS2 Android SDK: `ENROLLMENT_IS_NOT_OPEN`).
    EnrollmentNotActive {
        enrollment: Uid,
        status: EnrollmentStatus,
    },
    /// An enrollment action that would not change its status.
    EnrollmentStatusUnchanged {
        enrollment: Uid,
        status: EnrollmentStatus,
    },
    /// Re-opening while the person has another ACTIVE enrollment in the program (Android
    /// Capture's `ACTIVE_EXIST`; the server's E1015).
    ActiveEnrollmentExists {
        enrollment: Uid,
        program: Uid,
        other: Uid,
    },
    /// The program enrolls a person once and the person has another active or completed
    /// enrollment in it (the server's E1016).
    EnrolledOnce {
        enrollment: Uid,
        program: Uid,
        other: Uid,
        status: EnrollmentStatus,
    },
    /// The signed-in user may not write data of this program (`access.data.write` is false).
    NoDataWriteAccess {
        program: Uid,
    },
    Rules(#[from] LoadError),
    Data(#[from] DataError),
    Search(#[from] crate::search::SearchError),
    /// The events that follow from completing (the enrollment's auto-generated events, a
    /// repeatable stage's next visit) could not be created, so nothing was completed.
    Schedule(#[from] crate::schedule::ScheduleError),
}

impl Localize for FormError {
    fn message(&self) -> Message {
        use FormError::*;
        match self {
            UnknownField { record, field } => msg!("form-unknown-field", record = record.message(), field = field),
            HiddenField { record, field } => msg!("form-hidden-field", record = record.message(), field = field),
            ReadOnlyField { record, field, why } => {
                msg!("form-read-only-field", record = record.message(), field = field, why = why.message())
            }
            InvalidValue { field, value, source } => {
                msg!("form-invalid-value", field = field, value = value, problem = source.message())
            }
            OptionNotInSet { field, code } => msg!("form-option-not-in-set", field = field, code = code),
            OptionHidden { field, code } => msg!("form-option-hidden", field = field, code = code),
            FutureDate { field, date, today } => msg!("form-future-date", field = field, date = date, today = today),
            NotUnique { field, value, other } => msg!("form-not-unique", field = field, value = value, other = other),
            OrgUnitOutOfScope { org_unit, problem } => {
                msg!("form-org-unit-out-of-scope", org_unit = org_unit, problem = problem.message())
            }
            NoCaptureScope => Message::new("form-no-capture-scope"),
            NotFound { kind, uid } => msg!("form-not-found", kind = kind.message(), uid = uid),
            StageNotInProgram { stage, program } => msg!("form-stage-not-in-program", stage = stage, program = program),
            WrongProgramType { program, why } => {
                msg!("form-wrong-program-type", program = program, why = why.message())
            }
            EnrollmentNotInProgram { enrollment, expected, found } => {
                msg!("form-enrollment-not-in-program", enrollment = enrollment, expected = expected, found = found)
            }
            InvalidPeriod { data_set, period, source } => {
                msg!("form-invalid-period", period = period, data_set = data_set, problem = source.message())
            }
            PeriodInFuture { data_set, period, open_future_periods } => msg!(
                "form-period-in-future",
                period = period_arg(period),
                data_set = data_set,
                open_future_periods = open_future_periods
            ),
            PeriodExpired { data_set, period, expired_on, expiry_days } => msg!(
                "form-period-expired",
                period = period_arg(period),
                expired_on = expired_on,
                data_set = data_set,
                expiry_days = expiry_days
            ),
            PeriodClosed { data_set, period, window } => {
                msg!("form-period-closed", period = period_arg(period), data_set = data_set, window = window.message())
            }
            InvalidAttributeOptionCombo { data_set, combo } => {
                msg!("form-invalid-attribute-option-combo", combo = combo, data_set = data_set)
            }
            ChangedElsewhere { record } => msg!("form-changed-elsewhere", record = record.message()),
            AlreadyCompleted { record } => msg!("form-already-completed", record = record.message()),
            CompletionRefused { record, reasons } => msg!(
                "form-completion-refused",
                record = record.message(),
                reasons = reasons.iter().map(Localize::message).collect::<Vec<_>>()
            ),
            NoDefaultCategoryCombo => Message::new("form-no-default-category-combo"),
            EmptyCategoryCombo { combo } => msg!("form-empty-category-combo", combo = combo),
            DateRequired { field } => msg!("form-date-required", field = field),
            StageNotRepeatable { stage, existing } => {
                msg!("form-stage-not-repeatable", stage = stage, existing = existing)
            }
            BadFieldKey { field } => msg!("form-bad-field-key", field = field),
            EnrollmentNotActive { enrollment, status } => {
                msg!("form-enrollment-not-active", enrollment = enrollment, status = enrollment_status(*status))
            }
            EnrollmentStatusUnchanged { enrollment, status } => {
                msg!("form-enrollment-status-unchanged", enrollment = enrollment, status = enrollment_status(*status))
            }
            ActiveEnrollmentExists { enrollment, program, other } => {
                msg!("form-active-enrollment-exists", enrollment = enrollment, other = other, program = program)
            }
            EnrolledOnce { enrollment, program, other, status } => msg!(
                "form-enrolled-once",
                program = program,
                other = other,
                status = enrollment_status(*status),
                enrollment = enrollment
            ),
            NoDataWriteAccess { program } => msg!("form-no-data-write-access", program = program),
            Rules(e) => e.message(),
            Data(e) => e.message(),
            Search(e) => e.message(),
            Schedule(e) => msg!("form-schedule-failed", problem = e.message()),
        }
    }
}
crate::english_display!(FormError, Refusal, ScopeProblem, ReadOnlyReason, ProgramMismatch, InputWindow);

impl From<StoreError> for FormError {
    fn from(e: StoreError) -> FormError {
        FormError::Data(DataError::Store(e))
    }
}
