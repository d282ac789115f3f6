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
    /// A person (tracked entity).
    TrackedEntity,
    TrackedEntityAttribute,
}

impl ObjectKind {
    pub const ALL: [ObjectKind; 10] = [
        ObjectKind::CategoryCombo,
        ObjectKind::DataElement,
        ObjectKind::DataSet,
        ObjectKind::Enrollment,
        ObjectKind::Event,
        ObjectKind::OrgUnit,
        ObjectKind::Program,
        ObjectKind::ProgramStage,
        ObjectKind::TrackedEntity,
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
            ObjectKind::TrackedEntity => Message::new("form-object-tracked-entity"),
            ObjectKind::TrackedEntityAttribute => Message::new("form-object-tracked-entity-attribute"),
        }
    }
}
crate::english_display!(ObjectKind);

/// An enrollment's status as a word of the reader's language ("completed", "cancelled").
pub fn enrollment_status(status: EnrollmentStatus) -> Message {
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
    /// A rule shows an error on a field (SHOWERROR): its text from metadata. `label` is in the
    /// session's language when the refusal was made.
    FieldError { field: String, label: String, message: Message },
    /// A rule shows an error on the whole form (SHOWERROR without a field in the form).
    FormError { message: Message },
    /// An ERRORONCOMPLETE fired.
    ErrorOnComplete { message: Message },
    /// A data-set validation rule is violated. `fields`: the form's cells the rule reads, its
    /// left side's first, then its right side's (a screen shows the first one to fix).
    ValidationRule { rule: Uid, name: String, instruction: Option<String>, fields: Vec<String> },
}

impl Localize for Refusal {
    fn message(&self) -> Message {
        match self {
            // The field's key is not said: a health worker knows the field by its label (the
            // key travels beside it, for the screen to go to).
            Refusal::MandatoryEmpty { label, .. } => msg!("form-refusal-mandatory-empty", label = label),
            Refusal::FieldError { label, message, .. } => {
                msg!("form-refusal-field-error", label = label, message = message.clone())
            }
            Refusal::FormError { message } | Refusal::ErrorOnComplete { message } => message.clone(),
            Refusal::ValidationRule { rule, name, instruction, .. } => match instruction {
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
    /// Enrolling a person who already has an ACTIVE enrollment in the program (the server's
    /// E1015).
    AlreadyEnrolled {
        tracked_entity: Uid,
        program: Uid,
        other: Uid,
    },
    /// Enrolling again in a program that enrolls a person once, while the person has an active or
    /// completed enrollment in it (the server's E1016).
    OnlyEnrollOnce {
        tracked_entity: Uid,
        program: Uid,
        other: Uid,
        status: EnrollmentStatus,
    },
    /// Enrolling a person whose tracked entity type is not the program's.
    TrackedEntityTypeMismatch {
        tracked_entity: Uid,
        program: Uid,
        expected: Uid,
        found: Uid,
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
            AlreadyEnrolled { tracked_entity, program, other } => {
                msg!("form-already-enrolled", tracked_entity = tracked_entity, program = program, other = other)
            }
            OnlyEnrollOnce { tracked_entity, program, other, status } => msg!(
                "form-only-enroll-once",
                program = program,
                tracked_entity = tracked_entity,
                other = other,
                status = enrollment_status(*status)
            ),
            TrackedEntityTypeMismatch { tracked_entity, program, expected, found } => msg!(
                "form-tracked-entity-type-mismatch",
                tracked_entity = tracked_entity,
                found = found,
                program = program,
                expected = expected
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::catalogue_tests::assert_renders_in_both;
    use crate::model::ValueType;
    use std::collections::BTreeSet;

    fn uid(s: &str) -> Uid {
        Uid::parse(s).unwrap()
    }

    fn day(d: u32) -> Date {
        crate::test_dates::ymd(2026, 11, d)
    }

    fn records() -> Vec<RecordRef> {
        vec![
            RecordRef::Event(uid("PhumEvent01")),
            RecordRef::Enrollment { enrollment: uid("PhumEnrol01"), tracked_entity: uid("PhumPerson1") },
            RecordRef::DataSetForm {
                data_set: uid("PhumDataSet"),
                period: "202611".into(),
                org_unit: uid("PhumOUHC001"),
                attribute_option_combo: uid("PhumAocDflt"),
            },
        ]
    }

    fn refusals() -> Vec<Refusal> {
        let rule_text = crate::msg!("form-rule-text", text = "Weight over 300 kg: check the scale");
        vec![
            Refusal::MandatoryEmpty { field: "NcdTEASex01".into(), label: "Sex".into() },
            Refusal::FieldError { field: "NcdDEWeight".into(), label: "Weight".into(), message: rule_text.clone() },
            Refusal::FormError { message: rule_text.clone() },
            Refusal::ErrorOnComplete { message: rule_text },
            Refusal::ValidationRule {
                rule: uid("PhumValRul1"),
                name: "Doses given".into(),
                instruction: None,
                fields: vec![],
            },
            Refusal::ValidationRule {
                rule: uid("PhumValRul1"),
                name: "Doses given".into(),
                instruction: Some("Check the tally sheet".into()),
                fields: vec!["PhumDEChild.PhumCOCMale".into()],
            },
        ]
    }

    fn errors() -> Vec<FormError> {
        use FormError::*;
        let record = RecordRef::Event(uid("PhumEvent01"));
        let field = || "NcdDESystol".to_string();
        let (ds, program, enrollment) = (uid("PhumDataSet"), uid("PhumImmProg"), uid("PhumEnrol01"));
        vec![
            UnknownField { record: record.clone(), field: field() },
            HiddenField { record: record.clone(), field: field() },
            ReadOnlyField { record: record.clone(), field: field(), why: ReadOnlyReason::AssignedByRule },
            InvalidValue {
                field: field(),
                value: "abc".into(),
                source: crate::validate::value_type::validate(ValueType::Number, "abc").unwrap_err(),
            },
            OptionNotInSet { field: field(), code: "BCG2".into() },
            OptionHidden { field: field(), code: "BCG".into() },
            FutureDate { field: field(), date: day(21), today: day(20) },
            NotUnique { field: field(), value: "BSD-000123".into(), other: uid("PhumPerson2") },
            OrgUnitOutOfScope { org_unit: uid("PhumOUHC001"), problem: ScopeProblem::NotInUserScope },
            NoCaptureScope,
            NotFound { kind: ObjectKind::ProgramStage, uid: uid("PhumStgBirt") },
            StageNotInProgram { stage: uid("PhumStgBirt"), program },
            WrongProgramType { program, why: ProgramMismatch::NeedsEnrollment },
            EnrollmentNotInProgram { enrollment, expected: program, found: uid("NcdProgram1") },
            InvalidPeriod { data_set: ds, period: "2026W99".into(), source: Period::parse("2026W99").unwrap_err() },
            PeriodInFuture { data_set: ds, period: "202612".into(), open_future_periods: 0 },
            PeriodExpired { data_set: ds, period: "202610".into(), expired_on: day(15), expiry_days: 15.0 },
            PeriodClosed { data_set: ds, period: "202610".into(), window: InputWindow::NotListed },
            InvalidAttributeOptionCombo { data_set: ds, combo: uid("PhumAocOthr") },
            ChangedElsewhere { record: record.clone() },
            AlreadyCompleted { record: record.clone() },
            CompletionRefused { record, reasons: refusals() },
            NoDefaultCategoryCombo,
            EmptyCategoryCombo { combo: uid("PhumCatComb") },
            DateRequired { field: "eventDate".into() },
            StageNotRepeatable { stage: uid("PhumStgBirt"), existing: uid("PhumEvent01") },
            BadFieldKey { field: "weight".into() },
            EnrollmentNotActive { enrollment, status: EnrollmentStatus::Cancelled },
            EnrollmentStatusUnchanged { enrollment, status: EnrollmentStatus::Completed },
            ActiveEnrollmentExists { enrollment, program, other: uid("PhumEnrol02") },
            EnrolledOnce { enrollment, program, other: uid("PhumEnrol02"), status: EnrollmentStatus::Active },
            AlreadyEnrolled { tracked_entity: uid("PhumPerson1"), program, other: uid("PhumEnrol02") },
            OnlyEnrollOnce {
                tracked_entity: uid("PhumPerson1"),
                program,
                other: uid("PhumEnrol02"),
                status: EnrollmentStatus::Completed,
            },
            TrackedEntityTypeMismatch {
                tracked_entity: uid("PhumPerson1"),
                program,
                expected: uid("PhumTeType1"),
                found: uid("PhumTeType2"),
            },
            NoDataWriteAccess { program },
            Rules(LoadError::ProgramNotFound(program)),
            Data(DataError::from(rusqlite::Error::QueryReturnedNoRows)),
            Search(crate::search::SearchError::EmptyQuery),
            Schedule(crate::schedule::ScheduleError::BadPageLimit { limit: 0, max: 500 }),
        ]
    }

    fn error_name(e: &FormError) -> &'static str {
        use FormError::*;
        match e {
            UnknownField { .. } => "UnknownField",
            HiddenField { .. } => "HiddenField",
            ReadOnlyField { .. } => "ReadOnlyField",
            InvalidValue { .. } => "InvalidValue",
            OptionNotInSet { .. } => "OptionNotInSet",
            OptionHidden { .. } => "OptionHidden",
            FutureDate { .. } => "FutureDate",
            NotUnique { .. } => "NotUnique",
            OrgUnitOutOfScope { .. } => "OrgUnitOutOfScope",
            NoCaptureScope => "NoCaptureScope",
            NotFound { .. } => "NotFound",
            StageNotInProgram { .. } => "StageNotInProgram",
            WrongProgramType { .. } => "WrongProgramType",
            EnrollmentNotInProgram { .. } => "EnrollmentNotInProgram",
            InvalidPeriod { .. } => "InvalidPeriod",
            PeriodInFuture { .. } => "PeriodInFuture",
            PeriodExpired { .. } => "PeriodExpired",
            PeriodClosed { .. } => "PeriodClosed",
            InvalidAttributeOptionCombo { .. } => "InvalidAttributeOptionCombo",
            ChangedElsewhere { .. } => "ChangedElsewhere",
            AlreadyCompleted { .. } => "AlreadyCompleted",
            CompletionRefused { .. } => "CompletionRefused",
            NoDefaultCategoryCombo => "NoDefaultCategoryCombo",
            EmptyCategoryCombo { .. } => "EmptyCategoryCombo",
            DateRequired { .. } => "DateRequired",
            StageNotRepeatable { .. } => "StageNotRepeatable",
            BadFieldKey { .. } => "BadFieldKey",
            EnrollmentNotActive { .. } => "EnrollmentNotActive",
            EnrollmentStatusUnchanged { .. } => "EnrollmentStatusUnchanged",
            ActiveEnrollmentExists { .. } => "ActiveEnrollmentExists",
            EnrolledOnce { .. } => "EnrolledOnce",
            AlreadyEnrolled { .. } => "AlreadyEnrolled",
            OnlyEnrollOnce { .. } => "OnlyEnrollOnce",
            TrackedEntityTypeMismatch { .. } => "TrackedEntityTypeMismatch",
            NoDataWriteAccess { .. } => "NoDataWriteAccess",
            Rules(_) => "Rules",
            Data(_) => "Data",
            Search(_) => "Search",
            Schedule(_) => "Schedule",
        }
    }

    const ERROR_NAMES: [&str; 39] = [
        "UnknownField",
        "HiddenField",
        "ReadOnlyField",
        "InvalidValue",
        "OptionNotInSet",
        "OptionHidden",
        "FutureDate",
        "NotUnique",
        "OrgUnitOutOfScope",
        "NoCaptureScope",
        "NotFound",
        "StageNotInProgram",
        "WrongProgramType",
        "EnrollmentNotInProgram",
        "InvalidPeriod",
        "PeriodInFuture",
        "PeriodExpired",
        "PeriodClosed",
        "InvalidAttributeOptionCombo",
        "ChangedElsewhere",
        "AlreadyCompleted",
        "CompletionRefused",
        "NoDefaultCategoryCombo",
        "EmptyCategoryCombo",
        "DateRequired",
        "StageNotRepeatable",
        "BadFieldKey",
        "EnrollmentNotActive",
        "EnrollmentStatusUnchanged",
        "ActiveEnrollmentExists",
        "EnrolledOnce",
        "AlreadyEnrolled",
        "OnlyEnrollOnce",
        "TrackedEntityTypeMismatch",
        "NoDataWriteAccess",
        "Rules",
        "Data",
        "Search",
        "Schedule",
    ];

    #[test]
    fn every_form_error_variant_renders_in_both_languages() {
        let samples = errors();
        let names: BTreeSet<&str> = samples.iter().map(error_name).collect();
        assert_eq!(names, ERROR_NAMES.into_iter().collect::<BTreeSet<_>>());
        for e in &samples {
            assert_renders_in_both(&e.message());
        }
    }

    #[test]
    fn every_refusal_variant_renders_in_both_languages() {
        let name = |r: &Refusal| match r {
            Refusal::MandatoryEmpty { .. } => "MandatoryEmpty",
            Refusal::FieldError { .. } => "FieldError",
            Refusal::FormError { .. } => "FormError",
            Refusal::ErrorOnComplete { .. } => "ErrorOnComplete",
            Refusal::ValidationRule { .. } => "ValidationRule",
        };
        let samples = refusals();
        let names: BTreeSet<&str> = samples.iter().map(name).collect();
        assert_eq!(
            names,
            ["MandatoryEmpty", "FieldError", "FormError", "ErrorOnComplete", "ValidationRule"].into_iter().collect()
        );
        samples.iter().for_each(|r| assert_renders_in_both(&r.message()));
    }

    #[test]
    fn every_record_ref_variant_renders_in_both_languages() {
        let name = |r: &RecordRef| match r {
            RecordRef::Event(_) => "Event",
            RecordRef::Enrollment { .. } => "Enrollment",
            RecordRef::DataSetForm { .. } => "DataSetForm",
        };
        let samples = records();
        assert_eq!(samples.iter().map(name).collect::<BTreeSet<_>>(), ["Event", "Enrollment", "DataSetForm"].into());
        samples.iter().for_each(|r| assert_renders_in_both(&r.message()));
        // The period of a data set form is shown in the reader's language.
        let text = records()[2].localized(crate::i18n::Locale::KHMER);
        assert!(text.contains("វិច្ឆិកា 2026"), "{text}");
    }

    #[test]
    fn every_reason_and_word_of_the_form_renders_in_both_languages() {
        // ScopeProblem, ReadOnlyReason, ProgramMismatch, InputWindow, ObjectKind, statuses: each
        // match lists every variant, so a new one fails to compile here until it has a sample.
        let scope = [ScopeProblem::NotInUserScope, ScopeProblem::NotAssigned { to: uid("PhumImmProg") }];
        for s in &scope {
            match s {
                ScopeProblem::NotInUserScope | ScopeProblem::NotAssigned { .. } => assert_renders_in_both(&s.message()),
            }
        }
        for r in [ReadOnlyReason::GreyedCell, ReadOnlyReason::AssignedByRule] {
            match r {
                ReadOnlyReason::GreyedCell | ReadOnlyReason::AssignedByRule => assert_renders_in_both(&r.message()),
            }
        }
        let mismatches = [
            ProgramMismatch::NeedsEnrollment,
            ProgramMismatch::HasNoEnrollments,
            ProgramMismatch::HasNoRegistration,
            ProgramMismatch::NoTrackedEntityType,
        ];
        for m in mismatches {
            match m {
                ProgramMismatch::NeedsEnrollment
                | ProgramMismatch::HasNoEnrollments
                | ProgramMismatch::HasNoRegistration
                | ProgramMismatch::NoTrackedEntityType => assert_renders_in_both(&m.message()),
            }
        }
        let windows = [
            InputWindow::NotListed,
            InputWindow::Between { opens: Some(day(1)), closes: Some(day(10)) },
            InputWindow::Between { opens: None, closes: Some(day(10)) },
        ];
        for w in windows {
            match w {
                InputWindow::NotListed | InputWindow::Between { .. } => assert_renders_in_both(&w.message()),
            }
        }
        for k in ObjectKind::ALL {
            assert_renders_in_both(&k.message());
        }
        let statuses = [EnrollmentStatus::Active, EnrollmentStatus::Completed, EnrollmentStatus::Cancelled];
        for s in statuses {
            assert_renders_in_both(&enrollment_status(s));
        }
    }

    #[test]
    fn errors_say_dates_and_periods_in_the_readers_language() {
        use crate::i18n::{Lang, Locale};
        let e = FormError::FutureDate { field: "eventDate".into(), date: day(21), today: day(20) };
        assert_eq!(
            e.to_string(),
            "field eventDate: 21 November 2026 is in the future (today is 20 November 2026) and the field does not \
             allow future dates"
        );
        let km = e.localized(Locale::new(Lang::Km, true));
        assert!(km.contains("២១ វិច្ឆិកា ២០២៦") && km.contains("ថ្ងៃនេះគឺ ២០ វិច្ឆិកា ២០២៦"), "{km}");
        let closed = FormError::PeriodClosed {
            data_set: uid("PhumDataSet"),
            period: "202610".into(),
            window: InputWindow::Between { opens: Some(day(1)), closes: None },
        };
        assert_eq!(
            closed.to_string(),
            "period October 2026 of data set PhumDataSet is closed for data entry (open from 1 November 2026 to -)"
        );
    }
}
