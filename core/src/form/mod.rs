//! Form sessions (`core::form`): one model for the three kinds of form a health worker fills.
//!
//! - **event**: an event program, or a program stage inside an enrollment ([`FormSession::new_event`],
//!   [`FormSession::open_event`]);
//! - **registration + enrollment**: a new person's tracked entity attributes with the enrollment
//!   and incident dates ([`FormSession::new_registration`], [`FormSession::open_registration`]),
//!   or a person already on the phone enrolled in another program ([`FormSession::new_enrollment`]);
//! - **data set**: an aggregate report for one org unit, period and attribute option combo, a grid
//!   of data elements x category option combos ([`FormSession::open_data_set`]).
//!
//! An event form starts with the event's date (`EVENT_DATE`), a registration with the enrollment
//! and incident dates (`ENROLLMENT_DATE`, `INCIDENT_DATE`): they are fields like the others, set
//! with `set_value`, except that they cannot be emptied.
//!
//! A session shows a [`FormView`] in its [`Locale`] (language and Khmer digits): sections and
//! fields with their label (the metadata's translation in that language, FORM_NAME before NAME,
//! else as written), value type, visible options, mandatory, editable, hidden, the value as stored
//! and as shown, and the field's warnings and errors, plus form-level messages; every message
//! carries its id and arguments beside its text. [`FormSession::set_locale`] switches the
//! language of an open form without reading or writing anything. [`FormSession::set_value`] checks the
//! value (value type, option set, future dates, uniqueness), re-runs the program rules once
//! (engine built once per session), applies the effects as Android Capture 3.4.1 does
//! (`rules::outcome`), saves the user's value and the rule-made changes (assigned values, values of
//! hidden fields, a chosen option that became hidden) in ONE transaction, and returns only what
//! changed ([`FormChanges`]). [`FormSession::complete`] refuses with every reason
//! ([`Refusal`]) or completes the form with what follows from it (the next visit, a
//! registration's auto-generated events) in one transaction.
//!
//! An enrollment as a whole is completed, cancelled or re-opened with [`complete_enrollment`],
//! [`cancel_enrollment`] and [`reopen_enrollment`] (the dashboard's actions in Android Capture;
//! completing runs the enrollment's rules and refuses with every reason). The events of a
//! completed or cancelled enrollment open read-only and none is added to it; its registration form
//! stays editable.
//!
//! "Today" and "now" come from the device's clock in the context ([`FormContext::new`]): today is
//! the date in the device's time zone when the form opens (future dates, period openness, rule
//! `V{current_date}`), and every write is stamped with the clock's local time and UTC offset
//! when it happens (a completed event's completion date is the day it was completed).
//!
//! Every error is specific and leaves the store and the session as they were; a call that
//! returns success has committed everything it did (advice that could not be read after the
//! commit, such as possible duplicates, is a form message, not an error). Concurrency is
//! optimistic: a session remembers the state of its record after its own last write; when the
//! stored record changed underneath (another session, another process), `set_value` and
//! `complete` fail with [`FormError::ChangedElsewhere`] and change nothing. Reopen the form to go on.
//!
//! ```text
//! let ctx = FormContext::new(DeviceClock::new("Asia/Phnom_Penh")?).with_locale(Locale::KHMER);
//! let (mut s, view) = FormSession::new_event(&mut store, NewEventForm { program, stage, org_unit,
//!                                            enrollment: Some(enr), event_date }, &ctx)?;
//! let changes = s.set_value(&mut store, "DeUid000001", Some("72.5"))?;   // data element UID
//! let changes = s.set_value(&mut store, "DeUid000001.CocUid00001", Some("4"))?; // grid cell of a data set
//! s.complete(&mut store)?;   // Err(FormError::CompletionRefused { reasons, .. }) lists why not
//! ```
//!
//! Owns what a form shows and the rules about changing it. Does not own storage (`store::data`),
//! the rule engine (`rules`), value-type checks (`validate`) or people search (`search`).

pub mod capture;
mod changes;
mod complete;
mod data_set;
mod edit;
mod enrollment;
mod error;
mod event;
mod fault;
mod fields;
mod input;
mod lock;
mod registration;
mod scope;
pub(crate) mod view;

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate as Date;

pub use changes::FormChanges;
pub use enrollment::{
    cancel_enrollment, complete_enrollment, enrollment_dashboard, reopen_enrollment, DashboardView, EnrollmentChange,
};
pub use error::{
    enrollment_status, FormError, InputWindow, ObjectKind, ProgramMismatch, ReadOnlyReason, Refusal, ScopeProblem,
};
pub use event::delete_event;
pub use view::{
    FieldView, FormKind, FormMessage, FormView, GridCell, LocalizedText, MessageKind, OptionView, SectionView,
};

use crate::i18n::{Locale, Localize, Message};
use crate::model::{DeviceClock, Uid};
use crate::rules::outcome::{RuleOutcome, RuleText};
use crate::store::Store;
use view::{Label, Title};

/// Who captures, when, and in which language.
#[derive(Debug, Clone, PartialEq)]
pub struct FormContext {
    /// The device's clock: today (future dates, period openness, rule `V{current_date}`) and
    /// the `now()` every write is stamped with.
    pub clock: DeviceClock,
    /// The language and digits the form is shown in (English by default); a session changes it
    /// with [`FormSession::set_locale`].
    pub locale: Locale,
    /// The user's capture org units (each with its descendants). `None` takes them from
    /// `store.current_user()`.
    pub capture_org_units: Option<Vec<Uid>>,
}

impl FormContext {
    /// A context on the device's clock.
    pub fn new(clock: DeviceClock) -> FormContext {
        FormContext { clock, locale: Locale::ENGLISH, capture_org_units: None }
    }

    /// Today's date on the device, in its time zone.
    pub fn today(&self) -> Date {
        self.clock.today()
    }

    pub fn with_locale(mut self, locale: Locale) -> FormContext {
        self.locale = locale;
        self
    }

    pub fn with_capture_org_units(mut self, units: Vec<Uid>) -> FormContext {
        self.capture_org_units = Some(units);
        self
    }
}

/// What a new event needs.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEventForm {
    pub program: Uid,
    pub stage: Uid,
    pub org_unit: Uid,
    /// Required for a program with registration, absent for an event program.
    pub enrollment: Option<Uid>,
    pub event_date: Date,
}

/// The stored record a session edits. Serialised as data: `{"kind": "event", "uid": ...}`,
/// `{"kind": "enrollment", "uid": ..., "tracked_entity": ...}` or `{"kind": "data_set_form",
/// "data_set": ..., "period": ..., "org_unit": ..., "attribute_option_combo": ...}`; its message
/// (`Localize`) names it in a sentence ("event AbCdEf12345"), a data set form's period in the
/// reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RecordRef {
    Event(Uid),
    /// The enrollment and its person.
    Enrollment {
        enrollment: Uid,
        tracked_entity: Uid,
    },
    DataSetForm {
        data_set: Uid,
        period: String,
        org_unit: Uid,
        attribute_option_combo: Uid,
    },
}

/// Which kind of stored record a form edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Event,
    Enrollment,
    DataSetForm,
}

impl RecordRef {
    pub fn kind(&self) -> RecordKind {
        match self {
            RecordRef::Event(_) => RecordKind::Event,
            RecordRef::Enrollment { .. } => RecordKind::Enrollment,
            RecordRef::DataSetForm { .. } => RecordKind::DataSetForm,
        }
    }

    /// The event or enrollment UID; `None` for a data set form (keyed by its parts).
    pub fn uid(&self) -> Option<Uid> {
        match self {
            RecordRef::Event(uid) => Some(*uid),
            RecordRef::Enrollment { enrollment, .. } => Some(*enrollment),
            RecordRef::DataSetForm { .. } => None,
        }
    }
}

impl serde::Serialize for RecordRef {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        #[serde(tag = "kind", rename_all = "snake_case")]
        enum Wire<'a> {
            Event { uid: &'a Uid },
            Enrollment { uid: &'a Uid, tracked_entity: &'a Uid },
            DataSetForm { data_set: &'a Uid, period: &'a str, org_unit: &'a Uid, attribute_option_combo: &'a Uid },
        }
        let wire = match self {
            RecordRef::Event(uid) => Wire::Event { uid },
            RecordRef::Enrollment { enrollment, tracked_entity } => {
                Wire::Enrollment { uid: enrollment, tracked_entity }
            }
            RecordRef::DataSetForm { data_set, period, org_unit, attribute_option_combo } => {
                Wire::DataSetForm { data_set, period, org_unit, attribute_option_combo }
            }
        };
        wire.serialize(serializer)
    }
}

impl Localize for RecordRef {
    fn message(&self) -> Message {
        match self {
            RecordRef::Event(uid) => crate::msg!("form-record-event", uid = uid),
            RecordRef::Enrollment { enrollment, .. } => crate::msg!("form-record-enrollment", uid = enrollment),
            RecordRef::DataSetForm { data_set, period, org_unit, attribute_option_combo } => crate::msg!(
                "form-record-data-set",
                data_set = data_set,
                period = error::period_arg(period),
                org_unit = org_unit,
                attribute_option_combo = attribute_option_combo
            ),
        }
    }
}
crate::english_display!(RecordRef);

/// Field key of an event's date in an event form (editable like any field; never empty).
pub const EVENT_DATE: &str = "eventDate";
/// Field key of the enrollment date in a registration form.
pub const ENROLLMENT_DATE: &str = "enrollmentDate";
/// Field key of the incident date (often the date of birth) in a registration form, shown when
/// the program displays it.
pub const INCIDENT_DATE: &str = "incidentDate";

/// Whether `key` is one of the record's own dates rather than a data element or attribute.
pub(crate) fn is_record_date(key: &str) -> bool {
    matches!(key, EVENT_DATE | ENROLLMENT_DATE | INCIDENT_DATE)
}

/// One field as metadata defines it (what does not change while the form is open).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FieldSpec {
    /// Data element or attribute UID, or `deUid.cocUid` for a grid cell.
    pub key: String,
    pub label: Label,
    pub value_type: crate::model::ValueType,
    pub options: Vec<OptionSpec>,
    /// Compulsory in metadata.
    pub mandatory: bool,
    pub allow_future_date: bool,
    pub section: Option<String>,
    /// A greyed grid cell: never editable.
    pub greyed: bool,
    /// Unique tracked entity attribute.
    pub unique: bool,
    /// Where a data set's cell sits in its grid; `None` for the fields of other forms.
    pub cell: Option<CellSpec>,
}

/// A data set cell's row and column labels, in each language (shown as [`GridCell`]).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CellSpec {
    /// The data element's form name.
    pub row: Label,
    /// The category option combo's label; `None` for the default combo (no categories).
    pub column: Option<Label>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OptionSpec {
    pub uid: String,
    pub code: String,
    pub label: Label,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SectionSpec {
    pub uid: String,
    pub label: Label,
    pub fields: Vec<String>,
    /// A data set section's totals ([`SectionView::row_totals`], [`SectionView::column_totals`]).
    pub row_totals: bool,
    pub column_totals: bool,
}

/// The kind-specific part of a session.
pub(crate) enum Kind {
    Event(Box<event::EventForm>),
    Registration(Box<registration::RegistrationForm>),
    DataSet(Box<data_set::DataSetForm>),
}

/// An open form. Keep it for as long as the screen shows the form; every method that writes
/// takes the store and does all its writes in one transaction.
pub struct FormSession {
    pub(crate) kind: Kind,
    pub(crate) record: RecordRef,
    pub(crate) title: Title,
    pub(crate) fields: Vec<FieldSpec>,
    pub(crate) sections: Vec<SectionSpec>,
    /// The language and digits the view is rendered in.
    pub(crate) locale: Locale,
    /// Translated contents of the program's rule actions, by action UID (CONTENT translations;
    /// actions without one are shown with the content as written).
    pub(crate) rule_contents: HashMap<String, Label>,
    /// Current values by field key (what is stored).
    pub(crate) values: BTreeMap<String, String>,
    /// The effects of the last rule pass, applied.
    pub(crate) outcome: RuleOutcome,
    /// Rules that failed in the last pass.
    pub(crate) rule_failures: Vec<Message>,
    /// People already stored who may be the one being registered (registration forms).
    pub(crate) duplicate_hints: Vec<Message>,
    /// Advice of the last change that could not be read (why), shown as form messages.
    pub(crate) checks_not_made: Vec<Message>,
    /// The texts of the ERRORONCOMPLETE effects of the last pass.
    pub(crate) errors_on_complete: Vec<RuleText>,
    /// Option group UID to its option UIDs (for SHOW/HIDEOPTIONGROUP).
    pub(crate) option_groups: HashMap<String, Vec<String>>,
    /// The stored record's state after this session's last write.
    pub(crate) stamp: edit::Stamp,
    /// Today for the session's checks and rules, and the `now` its writes are stamped with.
    pub(crate) clock: DeviceClock,
    pub(crate) completed: bool,
    /// Why nothing may be changed (a closed period, a closed enrollment), if so.
    pub(crate) locked: Option<lock::Lock>,
    /// The store is a demo database (practice data).
    pub(crate) demo: bool,
}

/// What each kind of form builds when it opens; the rest of a session starts empty and is set by
/// the first rule pass ([`FormSession::assemble`]).
pub(crate) struct Parts {
    pub(crate) kind: Kind,
    pub(crate) record: RecordRef,
    pub(crate) title: Title,
    pub(crate) fields: Vec<FieldSpec>,
    pub(crate) sections: Vec<SectionSpec>,
    pub(crate) locale: Locale,
    pub(crate) rule_contents: HashMap<String, Label>,
    pub(crate) values: BTreeMap<String, String>,
    pub(crate) option_groups: HashMap<String, Vec<String>>,
    pub(crate) clock: DeviceClock,
    pub(crate) completed: bool,
    pub(crate) locked: Option<lock::Lock>,
}

impl FormSession {
    /// A session from its parts, after its first rule pass (which saves what the rules change).
    pub(crate) fn assemble(p: Parts, store: &mut Store) -> Result<FormSession, FormError> {
        fault::point("open form").map_err(crate::store::data::DataError::from)?;
        let mut session = FormSession::from_parts(p, store.is_demo());
        session.settle(store)?;
        Ok(session)
    }

    /// A session from its parts after a rule pass that saves nothing: what the rules change is
    /// taken into its values in memory only.
    pub(crate) fn evaluated(p: Parts, store: &Store) -> Result<FormSession, FormError> {
        let mut session = FormSession::from_parts(p, store.is_demo());
        session.preview(&store.data())?;
        Ok(session)
    }

    fn from_parts(p: Parts, demo: bool) -> FormSession {
        FormSession {
            kind: p.kind,
            record: p.record,
            title: p.title,
            fields: p.fields,
            sections: p.sections,
            locale: p.locale,
            rule_contents: p.rule_contents,
            values: p.values,
            outcome: Default::default(),
            rule_failures: Vec::new(),
            duplicate_hints: Vec::new(),
            checks_not_made: Vec::new(),
            errors_on_complete: Vec::new(),
            option_groups: p.option_groups,
            stamp: edit::Stamp::default(),
            clock: p.clock,
            completed: p.completed,
            locked: p.locked,
            demo,
        }
    }
}

impl std::fmt::Debug for FormSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FormSession")
            .field("record", &self.record)
            .field("title", &self.title)
            .field("values", &self.values)
            .field("completed", &self.completed)
            .finish_non_exhaustive()
    }
}

impl FormSession {
    /// Creates an event (ACTIVE, dated `event_date`) and opens its form. Refused when the org unit
    /// is outside the user's capture scope or not assigned to the program, the date is in the
    /// future, the stage is not the program's, the enrollment does not fit the program, or the
    /// enrollment is completed or cancelled.
    pub fn new_event(
        store: &mut Store,
        new: NewEventForm,
        ctx: &FormContext,
    ) -> Result<(FormSession, FormView), FormError> {
        let session = event::create(store, &new, ctx)?;
        Ok(session.opened())
    }

    /// Opens a stored event's form; read-only (the view says why) when its enrollment is
    /// completed or cancelled.
    pub fn open_event(store: &mut Store, event: Uid, ctx: &FormContext) -> Result<(FormSession, FormView), FormError> {
        let session = event::open(store, event, ctx)?;
        Ok(session.opened())
    }

    /// Registers a new person (tracked entity of the program's type) and enrolls them, then opens
    /// the registration form (the program's attributes). Dates in the future are refused unless
    /// the program allows them (`selectEnrollmentDatesInFuture`, `selectIncidentDatesInFuture`).
    pub fn new_registration(
        store: &mut Store,
        program: Uid,
        org_unit: Uid,
        enrollment_date: Date,
        incident_date: Date,
        ctx: &FormContext,
    ) -> Result<(FormSession, FormView), FormError> {
        let session = registration::create(store, None, program, org_unit, enrollment_date, incident_date, ctx)?;
        Ok(session.opened())
    }

    /// Enrolls a person already on the phone (`tracked_entity`) in `program` at `org_unit` and
    /// opens the registration form with their stored attributes: saving it changes the person's
    /// attributes and this enrollment only. Refused, writing nothing, when the person is not on
    /// the phone, is of another tracked entity type, already has an active enrollment in the
    /// program, or the program enrolls a person once and they have an active or completed one;
    /// and for the checks of [`FormSession::new_registration`].
    pub fn new_enrollment(
        store: &mut Store,
        tracked_entity: Uid,
        program: Uid,
        org_unit: Uid,
        enrollment_date: Date,
        incident_date: Date,
        ctx: &FormContext,
    ) -> Result<(FormSession, FormView), FormError> {
        let person = Some(tracked_entity);
        let session = registration::create(store, person, program, org_unit, enrollment_date, incident_date, ctx)?;
        Ok(session.opened())
    }

    /// Opens the registration form of a stored enrollment, whatever its status: the person's
    /// attributes stay editable.
    pub fn open_registration(
        store: &mut Store,
        enrollment: Uid,
        ctx: &FormContext,
    ) -> Result<(FormSession, FormView), FormError> {
        let session = registration::open(store, enrollment, ctx)?;
        Ok(session.opened())
    }

    /// Opens a data set's form for an org unit, an ISO period (`202611`) and an attribute option
    /// combo (`None`: the data set's default). A period that is not open (future, expired, outside
    /// its data input window) opens read-only: the view says why and every change is refused with
    /// that reason.
    pub fn open_data_set(
        store: &mut Store,
        data_set: Uid,
        org_unit: Uid,
        period: &str,
        attribute_option_combo: Option<Uid>,
        ctx: &FormContext,
    ) -> Result<(FormSession, FormView), FormError> {
        let session = data_set::open(store, data_set, org_unit, period, attribute_option_combo, ctx)?;
        Ok(session.opened())
    }

    fn opened(self) -> (FormSession, FormView) {
        let view = self.view();
        (self, view)
    }

    /// What the screen shows now, in the session's locale.
    pub fn view(&self) -> FormView {
        view::build(self)
    }

    /// Shows the form in another language or digit setting from now on, and returns the whole
    /// view in it: labels, options, messages, refusals and shown values change; stored values,
    /// the rules' outcome and the store do not (nothing is read or written).
    pub fn set_locale(&mut self, locale: Locale) -> FormView {
        self.locale = locale;
        self.view()
    }

    /// The language and digits the session shows.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The stored record this session edits.
    pub fn record(&self) -> &RecordRef {
        &self.record
    }

    /// The event or enrollment UID; `None` for a data set form (see [`FormSession::record`]).
    pub fn record_uid(&self) -> Option<Uid> {
        self.record.uid()
    }

    /// Sets (`Some`) or clears (`None` or "") one field: a data element or attribute UID, or
    /// `deUid.cocUid` for a data set cell. Khmer digits are accepted and stored as ASCII.
    pub fn set_value(&mut self, store: &mut Store, field: &str, text: Option<&str>) -> Result<FormChanges, FormError> {
        edit::set_value(self, store, field, text)
    }

    /// Completes the form, in one transaction with what follows from it: an event becomes
    /// COMPLETED (in an enrollment, its repeatable stage's next visit is scheduled); a registration
    /// is finished and the program's auto-generated events are created, the enrollment staying
    /// ACTIVE for its visits as on Android ([`complete_enrollment`] ends the enrollment); a data
    /// set form is marked complete. Refused with every reason when mandatory fields are empty,
    /// rules show errors, an ERRORONCOMPLETE fired, or (data sets) a validation rule is violated.
    pub fn complete(&mut self, store: &mut Store) -> Result<FormChanges, FormError> {
        complete::complete(self, store)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uid(s: &str) -> Uid {
        Uid::parse(s).unwrap()
    }

    #[test]
    fn a_record_is_shown_as_its_kind_and_uids_not_as_text() {
        let event = RecordRef::Event(uid("PhumEvent01"));
        assert_eq!((event.kind(), event.uid()), (RecordKind::Event, Some(uid("PhumEvent01"))));
        assert_eq!(serde_json::to_value(&event).unwrap(), serde_json::json!({"kind": "event", "uid": "PhumEvent01"}));
        let enrollment = RecordRef::Enrollment { enrollment: uid("PhumEnrol01"), tracked_entity: uid("PhumPerson1") };
        assert_eq!(
            serde_json::to_value(&enrollment).unwrap(),
            serde_json::json!({"kind": "enrollment", "uid": "PhumEnrol01", "tracked_entity": "PhumPerson1"})
        );
        let form = RecordRef::DataSetForm {
            data_set: uid("PhumDataSet"),
            period: "202611".into(),
            org_unit: uid("PhumOUHC001"),
            attribute_option_combo: uid("PhumAocDflt"),
        };
        assert_eq!((form.kind(), form.uid()), (RecordKind::DataSetForm, None));
        assert_eq!(
            serde_json::to_value(&form).unwrap(),
            serde_json::json!({"kind": "data_set_form", "data_set": "PhumDataSet", "period": "202611",
                               "org_unit": "PhumOUHC001", "attribute_option_combo": "PhumAocDflt"})
        );
        // Display stays for logs.
        assert_eq!(enrollment.to_string(), "enrollment PhumEnrol01");
    }

    /// Creating a record and opening its form are one call: when the form cannot be opened,
    /// nothing the call wrote is left.
    mod creating_is_atomic {
        use super::uid;
        use crate::form::{fault, FormContext, FormError, FormSession, NewEventForm};
        use crate::model::value_type::EventStatus;
        use crate::model::DeviceClock;
        use crate::store::data::tracker::NewEvent;
        use crate::store::import::ImportSource;
        use crate::store::Store;
        use crate::test_dates::ymd;

        fn ncd() -> (Store, FormContext) {
            let mut store = Store::open_in_memory().unwrap();
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/phum/ncd_program.json");
            store.import_metadata(&[ImportSource::File(path)]).unwrap();
            let ctx = FormContext::new(DeviceClock::default().pinned_on(ymd(2026, 11, 20)))
                .with_capture_org_units(vec![uid("NcdProvKSp1")]);
            (store, ctx)
        }

        fn rows(store: &Store, table: &str) -> i64 {
            store.conn().query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0)).unwrap()
        }

        fn injected(err: FormError) {
            assert!(err.to_string().contains("injected failure at open form"), "{err}");
        }

        #[test]
        fn a_registration_whose_form_cannot_open_leaves_no_person_or_enrollment() {
            let (mut store, ctx) = ncd();
            let day = ymd(2026, 11, 20);
            fault::arm("open form");
            let err = FormSession::new_registration(&mut store, uid("NcdProgram1"), uid("NcdHCentre1"), day, day, &ctx)
                .unwrap_err();
            injected(err);
            assert_eq!((rows(&store, "tracked_entity"), rows(&store, "enrollment")), (0, 0));
            // The store is usable and the same call succeeds afterwards.
            FormSession::new_registration(&mut store, uid("NcdProgram1"), uid("NcdHCentre1"), day, day, &ctx).unwrap();
            assert_eq!((rows(&store, "tracked_entity"), rows(&store, "enrollment")), (1, 1));
        }

        #[test]
        fn an_event_whose_form_cannot_open_is_not_created_and_a_waiting_visit_stays_waiting() {
            let (mut store, ctx) = ncd();
            let day = ymd(2026, 11, 20);
            let (reg, _) =
                FormSession::new_registration(&mut store, uid("NcdProgram1"), uid("NcdHCentre1"), day, day, &ctx)
                    .unwrap();
            let enrollment = reg.record_uid().unwrap();
            let new = NewEventForm {
                program: uid("NcdProgram1"),
                stage: uid("NcdStgVisit"),
                org_unit: uid("NcdHCentre1"),
                enrollment: Some(enrollment),
                event_date: day,
            };
            fault::arm("open form");
            injected(FormSession::new_event(&mut store, new.clone(), &ctx).unwrap_err());
            assert_eq!(rows(&store, "event"), 0);

            // A visit the schedule waits for is taken by the new event: not when its form fails.
            let now = ctx.clock.now();
            let waiting = store
                .write(|d| {
                    d.insert_event(
                        &NewEvent {
                            enrollment: Some(enrollment),
                            program: uid("NcdProgram1"),
                            program_stage: uid("NcdStgVisit"),
                            org_unit: uid("NcdHCentre1"),
                            status: EventStatus::Schedule,
                            event_date: None,
                            due_date: Some(ymd(2026, 11, 25)),
                            attribute_option_combo: None,
                        },
                        now,
                    )
                })
                .unwrap();
            fault::arm("open form");
            injected(FormSession::new_event(&mut store, new.clone(), &ctx).unwrap_err());
            let stored = store.data().event(waiting.uid).unwrap().unwrap();
            assert_eq!((stored.status, stored.event_date), (EventStatus::Schedule, None));
            assert_eq!(rows(&store, "event"), 1);

            let (visit, _) = FormSession::new_event(&mut store, new, &ctx).unwrap();
            assert_eq!(visit.record_uid(), Some(waiting.uid));
            assert_eq!(store.data().event(waiting.uid).unwrap().unwrap().status, EventStatus::Active);
        }
    }
}
