//! [`FormSession`]: one open form (an event, a registration with its enrollment, or a data set's
//! report) of an [`App`].
//!
//! The flow: open or create the form (a constructor) and show its [`FormView`]; send each value
//! the user types to [`FormSession::set_value`] and apply the [`FormUpdate`] it returns (only
//! what changed: the field, rule effects on other fields, messages); [`FormSession::complete`]
//! completes it or lists every reason it cannot (each with the field to jump to); `end` ends
//! it. Each call that writes commits before it returns: nothing typed is lost when the app dies.
//!
//! A call takes the App's store first, then the session, so sessions on several threads never
//! wait on each other in a cycle.
//!
//! Owns the session's lifetime and the conversion of its answers. Does not own forms (the core's
//! `form`).

use std::sync::{Arc, Mutex, PoisonError};

use phum_core::form::{self as core_form, FormContext, FormError, NewEventForm};
use phum_core::i18n::{Lang, Locale};
use phum_core::model::Uid;

use crate::app::App;
use crate::error::{core, ArgumentError, PhumError};
use crate::records::{Completion, FormUpdate, FormView, Refusal};

/// One open form.
#[derive(uniffi::Object)]
pub struct FormSession {
    app: Arc<App>,
    /// `None` once closed.
    session: Mutex<Option<core_form::FormSession>>,
}

/// A UID argument, or the `Invalid` error naming the argument.
pub(crate) fn uid(what: &'static str, value: &str, locale: Locale) -> Result<Uid, PhumError> {
    Uid::parse(value.trim())
        .map_err(|_| PhumError::from_core(&ArgumentError::Uid { what, value: value.to_string() }, locale))
}

/// An ISO date argument (`2026-12-05`).
pub(crate) fn date(value: &str, locale: Locale) -> Result<chrono::NaiveDate, PhumError> {
    phum_core::expr::value::parse_iso_date(value.trim())
        .ok_or_else(|| PhumError::from_core(&ArgumentError::Date { value: value.to_string() }, locale))
}

/// The form context of `app` now: its clock and locale, the capture scope from the store.
pub(crate) fn context(app: &App) -> FormContext {
    let c = app.context();
    FormContext::new(c.clock).with_locale(c.locale)
}

impl FormSession {
    fn opened(app: Arc<App>, session: core_form::FormSession) -> Arc<FormSession> {
        Arc::new(FormSession { app, session: Mutex::new(Some(session)) })
    }

    /// Opens with `open` on the App's store, in the App's context.
    fn open_with(
        app: Arc<App>,
        open: impl FnOnce(&mut phum_core::store::Store, &FormContext, Locale) -> Result<core_form::FormSession, PhumError>,
    ) -> Result<Arc<FormSession>, PhumError> {
        let run = app.clone();
        run.run(|| {
            let ctx = context(&app);
            let session = {
                let mut store = app.store();
                open(&mut store, &ctx, ctx.locale)?
            };
            Ok(FormSession::opened(app, session))
        })
    }

    /// Runs `call` on the open session with the App's store.
    fn with_session<T>(
        &self,
        call: impl FnOnce(&mut phum_core::store::Store, &mut core_form::FormSession) -> Result<T, PhumError>,
    ) -> Result<T, PhumError> {
        self.app.run(|| {
            let mut store = self.app.store();
            let mut guard = self.session.lock().unwrap_or_else(PoisonError::into_inner);
            let session =
                guard.as_mut().ok_or_else(|| PhumError::from_core(&ArgumentError::FormClosed, self.app.locale()))?;
            call(&mut store, session)
        })
    }
}

fn first(
    opened: Result<(core_form::FormSession, core_form::FormView), FormError>,
    locale: Locale,
) -> Result<core_form::FormSession, PhumError> {
    opened.map(|(s, _)| s).map_err(core(locale))
}

#[uniffi::export]
impl FormSession {
    /// Creates an event on `event_date` (ISO) and opens its form: in an enrollment (`enrollment`)
    /// for a tracker program's stage, or alone for an event program.
    #[uniffi::constructor]
    pub fn new_event(
        app: Arc<App>,
        program: String,
        stage: String,
        org_unit: String,
        enrollment: Option<String>,
        event_date: String,
    ) -> Result<Arc<FormSession>, PhumError> {
        FormSession::open_with(app, |store, ctx, l| {
            let new = NewEventForm {
                program: uid("program", &program, l)?,
                stage: uid("stage", &stage, l)?,
                org_unit: uid("org_unit", &org_unit, l)?,
                enrollment: enrollment.as_deref().map(|e| uid("enrollment", e, l)).transpose()?,
                event_date: date(&event_date, l)?,
            };
            first(core_form::FormSession::new_event(store, new, ctx), l)
        })
    }

    /// Opens a stored event's form.
    #[uniffi::constructor]
    pub fn open_event(app: Arc<App>, event: String) -> Result<Arc<FormSession>, PhumError> {
        FormSession::open_with(app, |store, ctx, l| {
            first(core_form::FormSession::open_event(store, uid("event", &event, l)?, ctx), l)
        })
    }

    /// Registers a new person in `program` at `org_unit` and opens the registration form.
    #[uniffi::constructor]
    pub fn new_registration(
        app: Arc<App>,
        program: String,
        org_unit: String,
        enrollment_date: String,
        incident_date: String,
    ) -> Result<Arc<FormSession>, PhumError> {
        FormSession::open_with(app, |store, ctx, l| {
            let opened = core_form::FormSession::new_registration(
                store,
                uid("program", &program, l)?,
                uid("org_unit", &org_unit, l)?,
                date(&enrollment_date, l)?,
                date(&incident_date, l)?,
                ctx,
            );
            first(opened, l)
        })
    }

    /// Enrolls a person already on the phone in `program` at `org_unit` and opens the
    /// registration form with their attributes; saving it creates this enrollment only. Refused
    /// while they are actively enrolled in the program, when the program enrolls once and they
    /// have an active or completed enrollment, and as a new registration is.
    #[uniffi::constructor]
    pub fn new_enrollment(
        app: Arc<App>,
        tracked_entity: String,
        program: String,
        org_unit: String,
        enrollment_date: String,
        incident_date: String,
    ) -> Result<Arc<FormSession>, PhumError> {
        FormSession::open_with(app, |store, ctx, l| {
            let opened = core_form::FormSession::new_enrollment(
                store,
                uid("tracked_entity", &tracked_entity, l)?,
                uid("program", &program, l)?,
                uid("org_unit", &org_unit, l)?,
                date(&enrollment_date, l)?,
                date(&incident_date, l)?,
                ctx,
            );
            first(opened, l)
        })
    }

    /// Opens the registration form of a stored enrollment.
    #[uniffi::constructor]
    pub fn open_registration(app: Arc<App>, enrollment: String) -> Result<Arc<FormSession>, PhumError> {
        FormSession::open_with(app, |store, ctx, l| {
            first(core_form::FormSession::open_registration(store, uid("enrollment", &enrollment, l)?, ctx), l)
        })
    }

    /// Opens the report of `data_set` at `org_unit` for `period` (ISO: `202611`), for the data
    /// set's default attribute option combo unless one is given.
    #[uniffi::constructor]
    pub fn open_data_set(
        app: Arc<App>,
        data_set: String,
        org_unit: String,
        period: String,
        attribute_option_combo: Option<String>,
    ) -> Result<Arc<FormSession>, PhumError> {
        FormSession::open_with(app, |store, ctx, l| {
            let aoc = attribute_option_combo.as_deref().map(|a| uid("attribute_option_combo", a, l)).transpose()?;
            let opened = core_form::FormSession::open_data_set(
                store,
                uid("data_set", &data_set, l)?,
                uid("org_unit", &org_unit, l)?,
                period.trim(),
                aoc,
                ctx,
            );
            first(opened, l)
        })
    }

    /// What the form shows now.
    pub fn view(&self) -> Result<FormView, PhumError> {
        self.with_session(|_, s| Ok(FormView::of(&s.view())))
    }

    /// Sets (`Some`) or clears (`None` or empty) the field `key`; Khmer digits are accepted.
    /// Refused (changing nothing) for a value the field does not take.
    pub fn set_value(&self, key: String, value: Option<String>) -> Result<FormUpdate, PhumError> {
        self.with_session(|store, s| {
            let locale = s.locale();
            let changes = s.set_value(store, &key, value.as_deref()).map_err(core(locale))?;
            Ok(FormUpdate::of(&changes, locale))
        })
    }

    /// Completes the form, or says every reason it cannot be completed yet.
    pub fn complete(&self) -> Result<Completion, PhumError> {
        self.with_session(|store, s| {
            let locale = s.locale();
            match s.complete(store) {
                Ok(changes) => {
                    Ok(Completion { completed: true, update: FormUpdate::of(&changes, locale), refusals: Vec::new() })
                }
                Err(FormError::CompletionRefused { reasons, .. }) => Ok(Completion {
                    completed: false,
                    update: FormUpdate::of(&Default::default(), locale),
                    refusals: reasons.iter().map(|r| Refusal::of(r, locale)).collect(),
                }),
                Err(other) => Err(PhumError::from_core(&other, locale)),
            }
        })
    }

    /// Shows the form in another language (`km`, `en`) and digit setting from now on; the whole
    /// view in it. Nothing is read or written.
    pub fn set_language(&self, language: String, khmer_digits: bool) -> Result<FormView, PhumError> {
        self.with_session(|_, s| {
            let lang = Lang::from_code(&language)
                .ok_or_else(|| PhumError::from_core(&ArgumentError::Language { code: language.clone() }, s.locale()))?;
            Ok(FormView::of(&s.set_locale(Locale::new(lang, khmer_digits))))
        })
    }

    /// The stored record this form edits.
    pub fn record(&self) -> Result<crate::records::Record, PhumError> {
        self.with_session(|_, s| Ok(crate::records::Record::from(s.record())))
    }

    /// Ends the session (what was saved stays saved); later calls are refused. (Not `close`: the
    /// generated Kotlin class already has `close()`, from `AutoCloseable`, which frees the object.)
    pub fn end(&self) {
        self.session.lock().unwrap_or_else(PoisonError::into_inner).take();
    }
}
