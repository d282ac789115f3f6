//! [`PhumError`]: the one error type that crosses to Kotlin, and [`guard`], which runs every
//! exported call so that a panic inside the core becomes a [`PhumError::Internal`] instead of a
//! crash of the app.
//!
//! Every variant carries the same three things: the Fluent message id, its arguments (each
//! rendered as text in the user's language: nested messages, dates and numbers included), and the
//! whole message in the user's language. The variant says what the shell can do about it (show the
//! field, ask for the password again, offer to retry the sync); the id says exactly what happened.
//! Which variant a core error becomes is decided here, per core error type ([`Classify`]),
//! from what the user or the shell can do about it.
//!
//! Owns the error's shape, the classification and the panic guard. Does not own the messages
//! (each core module's error enum says what it says; `locales/*/bindings.ftl` holds the ones of
//! this crate).

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

use phum_core::demo::DemoError;
use phum_core::form::FormError;
use phum_core::i18n::{Arg, Locale, Localize, Message};
use phum_core::model::ClockError;
use phum_core::msg;
use phum_core::schedule::ScheduleError;
use phum_core::search::SearchError;
use phum_core::store::data::DataError;
use phum_core::store::{KeyError, StoreError};
use phum_core::sync::login::LoginError;
use phum_core::sync::{ClientError, SyncError};

/// Why a call failed. Each variant carries `id` (the Fluent message id), `args` (its arguments as
/// text in the user's language) and `text` (the message in the user's language).
#[derive(Debug, Clone, PartialEq, thiserror::Error, uniffi::Error)]
pub enum PhumError {
    /// An argument is not acceptable: a malformed UID, an unknown language or time zone, a bad
    /// database key, a value of the wrong type for its field, a field the form does not have.
    #[error("{text}")]
    Invalid { id: String, args: HashMap<String, String>, text: String },
    /// What was asked for is not on this device: a record, a program, an org unit, a database.
    #[error("{text}")]
    NotFound { id: String, args: HashMap<String, String>, text: String },
    /// The action is refused as things stand: a read-only record or closed period, an org unit
    /// outside the user's, a record changed elsewhere since the form read it (reopen it), unsent
    /// records at logout, a sync of the practice account.
    #[error("{text}")]
    Refused { id: String, args: HashMap<String, String>, text: String },
    /// Signing in failed: a wrong password or token, no offline sign-in yet on this device, another
    /// account's database.
    #[error("{text}")]
    Login { id: String, args: HashMap<String, String>, text: String },
    /// The server could not be reached, or did not answer as a DHIS2 server does (unreachable,
    /// timeout, TLS, a login page, an unsupported version, an HTTP error). Worth retrying later.
    #[error("{text}")]
    Network { id: String, args: HashMap<String, String>, text: String },
    /// The server answered with something that cannot be used (a damaged answer, metadata the
    /// device cannot import).
    #[error("{text}")]
    Server { id: String, args: HashMap<String, String>, text: String },
    /// The device's database or files: a wrong key, a damaged or newer database, a full disk.
    #[error("{text}")]
    Storage { id: String, args: HashMap<String, String>, text: String },
    /// The user cancelled (a sync): what was done before is kept, the next sync goes on from it.
    #[error("{text}")]
    Cancelled { id: String, args: HashMap<String, String>, text: String },
    /// A defect of Phum (a panic inside the core). The call changed nothing it had not committed;
    /// the app can go on.
    #[error("{text}")]
    Internal { id: String, args: HashMap<String, String>, text: String },
}

/// Which [`PhumError`] variant an error becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ErrorKind {
    Invalid,
    NotFound,
    Refused,
    Login,
    Network,
    Server,
    Storage,
    Cancelled,
    Internal,
}

impl PhumError {
    /// The error of `kind` saying `message` in `locale`.
    pub(crate) fn new(kind: ErrorKind, message: &Message, locale: Locale) -> PhumError {
        let id = message.id.to_string();
        let args = message.args.iter().map(|(name, arg)| (name.to_string(), arg_text(arg, locale))).collect();
        let text = message.render(locale);
        match kind {
            ErrorKind::Invalid => PhumError::Invalid { id, args, text },
            ErrorKind::NotFound => PhumError::NotFound { id, args, text },
            ErrorKind::Refused => PhumError::Refused { id, args, text },
            ErrorKind::Login => PhumError::Login { id, args, text },
            ErrorKind::Network => PhumError::Network { id, args, text },
            ErrorKind::Server => PhumError::Server { id, args, text },
            ErrorKind::Storage => PhumError::Storage { id, args, text },
            ErrorKind::Cancelled => PhumError::Cancelled { id, args, text },
            ErrorKind::Internal => PhumError::Internal { id, args, text },
        }
    }

    /// A core error in `locale`, as the variant its type classifies it.
    pub(crate) fn from_core<E: Classify + Localize>(error: &E, locale: Locale) -> PhumError {
        PhumError::new(error.kind(), &error.message(), locale)
    }

    /// The message id (every variant has one).
    pub fn id(&self) -> &str {
        match self {
            PhumError::Invalid { id, .. }
            | PhumError::NotFound { id, .. }
            | PhumError::Refused { id, .. }
            | PhumError::Login { id, .. }
            | PhumError::Network { id, .. }
            | PhumError::Server { id, .. }
            | PhumError::Storage { id, .. }
            | PhumError::Cancelled { id, .. }
            | PhumError::Internal { id, .. } => id,
        }
    }
}

/// An argument as text in `locale`: nested messages rendered, numbers in the chosen digits
/// (`i18n::show_number`), dates ISO (the shell formats them if it shows them alone).
pub(crate) fn arg_text(arg: &Arg, locale: Locale) -> String {
    match arg {
        Arg::Text(text) => text.clone(),
        Arg::Number(n) => phum_core::i18n::show_number(&n.to_string(), locale.khmer_digits),
        Arg::Date(date) => date.to_string(),
        Arg::Period(period) => phum_core::i18n::format_period(period, locale),
        Arg::Message(message) => message.render(locale),
        Arg::List(messages) => messages.iter().map(|m| m.render(locale)).collect::<Vec<_>>().join("; "),
    }
}

/// Which variant an error of the core becomes.
pub(crate) trait Classify {
    fn kind(&self) -> ErrorKind;
}

impl Classify for StoreError {
    fn kind(&self) -> ErrorKind {
        ErrorKind::Storage
    }
}

impl Classify for KeyError {
    fn kind(&self) -> ErrorKind {
        ErrorKind::Invalid
    }
}

impl Classify for ClockError {
    fn kind(&self) -> ErrorKind {
        ErrorKind::Invalid
    }
}

impl Classify for DataError {
    fn kind(&self) -> ErrorKind {
        match self {
            DataError::NotFound { .. } => ErrorKind::NotFound,
            DataError::Store(e) => e.kind(),
        }
    }
}

impl Classify for SearchError {
    fn kind(&self) -> ErrorKind {
        match self {
            SearchError::UnknownProgram(_)
            | SearchError::UnknownTrackedEntityType(_)
            | SearchError::ProgramWithoutTrackedEntityType(_) => ErrorKind::NotFound,
            SearchError::Data(e) => e.kind(),
            SearchError::Store(e) => e.kind(),
            _ => ErrorKind::Invalid,
        }
    }
}

impl Classify for ScheduleError {
    fn kind(&self) -> ErrorKind {
        match self {
            ScheduleError::NotFound { .. } => ErrorKind::NotFound,
            ScheduleError::Data(e) => e.kind(),
            ScheduleError::Store(e) => e.kind(),
            _ => ErrorKind::Invalid,
        }
    }
}

impl Classify for FormError {
    fn kind(&self) -> ErrorKind {
        use FormError::*;
        match self {
            UnknownField { .. }
            | BadFieldKey { .. }
            | InvalidValue { .. }
            | OptionNotInSet { .. }
            | FutureDate { .. }
            | NotUnique { .. }
            | InvalidPeriod { .. }
            | InvalidAttributeOptionCombo { .. }
            | DateRequired { .. } => ErrorKind::Invalid,
            NotFound { .. } | StageNotInProgram { .. } | EnrollmentNotInProgram { .. } => ErrorKind::NotFound,
            Data(e) => e.kind(),
            Search(e) => e.kind(),
            Schedule(e) => e.kind(),
            Rules(phum_core::rules::load::LoadError::Store(e)) => e.kind(),
            Rules(_) => ErrorKind::NotFound,
            _ => ErrorKind::Refused,
        }
    }
}

impl Classify for ClientError {
    fn kind(&self) -> ErrorKind {
        match self {
            ClientError::InvalidUrl { .. } | ClientError::InsecureUrl { .. } => ErrorKind::Invalid,
            ClientError::Unauthorized { .. } => ErrorKind::Login,
            ClientError::TooLarge { .. } | ClientError::BadAnswer { .. } => ErrorKind::Server,
            _ => ErrorKind::Network,
        }
    }
}

impl Classify for LoginError {
    fn kind(&self) -> ErrorKind {
        match self {
            LoginError::Client(e) => e.kind(),
            LoginError::Store(e) => e.kind(),
            LoginError::UnsentData { .. } => ErrorKind::Refused,
            _ => ErrorKind::Login,
        }
    }
}

impl Classify for SyncError {
    fn kind(&self) -> ErrorKind {
        match self {
            SyncError::DemoAccount => ErrorKind::Refused,
            SyncError::Client(e) => e.kind(),
            SyncError::BadAnswer { .. } | SyncError::Import(_) => ErrorKind::Server,
            SyncError::Data(e) => e.kind(),
            SyncError::Store(e) => e.kind(),
            SyncError::Index(e) => e.kind(),
            SyncError::Cancelled => ErrorKind::Cancelled,
        }
    }
}

impl Classify for DemoError {
    fn kind(&self) -> ErrorKind {
        match self {
            DemoError::Store(e) => e.kind(),
            DemoError::Data(e) => e.kind(),
            DemoError::Schedule(e) => e.kind(),
            DemoError::Search(e) => e.kind(),
            _ => ErrorKind::Storage,
        }
    }
}

/// Errors of the bindings' own: arguments that are not what the API takes, and the app's folder.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub(crate) enum ArgumentError {
    #[error("{what} {value:?} is not a DHIS2 UID")]
    Uid { what: &'static str, value: String },
    #[error("no catalogue for language {code:?}")]
    Language { code: String },
    #[error("{value:?} is not a date")]
    Date { value: String },
    #[error("the form is closed")]
    FormClosed,
    #[error("the folder {path} cannot be made: {detail}")]
    Folder { path: String, detail: String },
    #[error("{id:?} is not a screen text, or lacks an argument")]
    NotAScreenText { id: String },
}

impl Localize for ArgumentError {
    fn message(&self) -> Message {
        match self {
            ArgumentError::Uid { what, value } => msg!("bindings-bad-uid", what = *what, value = value.as_str()),
            ArgumentError::Language { code } => msg!("bindings-unknown-language", code = code.as_str()),
            ArgumentError::Date { value } => msg!("bindings-bad-date", value = value.as_str()),
            ArgumentError::FormClosed => Message::new("bindings-form-closed"),
            ArgumentError::Folder { path, detail } => {
                msg!("bindings-folder", path = path.as_str(), detail = detail.as_str())
            }
            ArgumentError::NotAScreenText { id } => msg!("bindings-not-a-screen-text", id = id.as_str()),
        }
    }
}

impl Classify for ArgumentError {
    fn kind(&self) -> ErrorKind {
        match self {
            ArgumentError::FormClosed => ErrorKind::Refused,
            ArgumentError::Folder { .. } => ErrorKind::Storage,
            _ => ErrorKind::Invalid,
        }
    }
}

/// Runs an exported call: its result, or [`PhumError::Internal`] in `locale` when the core
/// panicked (logged with what the panic said; the message shown names no internals).
pub(crate) fn guard<T>(locale: Locale, call: impl FnOnce() -> Result<T, PhumError>) -> Result<T, PhumError> {
    match catch_unwind(AssertUnwindSafe(call)) {
        Ok(result) => result,
        Err(payload) => {
            let said = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic without a message".to_string());
            log::error!("phum core panicked: {said}");
            Err(PhumError::new(ErrorKind::Internal, &Message::new("bindings-internal-error"), locale))
        }
    }
}

/// `Err(error)` of a core error in `locale`, for `map_err`.
pub(crate) fn core<E: Classify + Localize>(locale: Locale) -> impl Fn(E) -> PhumError {
    move |error| PhumError::from_core(&error, locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_internal_error_in_the_users_language() {
        let error = guard::<()>(Locale::KHMER, || panic!("boom")).unwrap_err();
        let PhumError::Internal { id, text, .. } = &error else { panic!("{error:?}") };
        assert_eq!(id, "bindings-internal-error");
        assert!(!text.contains("boom"), "{text}");
        assert_ne!(text, &Message::new("bindings-internal-error").render(Locale::ENGLISH));
    }

    #[test]
    fn arguments_cross_as_text_with_nested_messages_rendered() {
        let message = msg!("bindings-bad-uid", what = "program", value = "x");
        let error = PhumError::new(ErrorKind::Invalid, &message, Locale::ENGLISH);
        let PhumError::Invalid { id, args, text } = error else { panic!() };
        assert_eq!(id, "bindings-bad-uid");
        assert_eq!(args.get("value").map(String::as_str), Some("x"));
        assert!(text.contains('x'), "{text}");
    }

    #[test]
    fn errors_the_user_can_act_on_are_told_apart() {
        assert_eq!(SyncError::Cancelled.kind(), ErrorKind::Cancelled);
        assert_eq!(SyncError::DemoAccount.kind(), ErrorKind::Refused);
        assert_eq!(ClientError::Unauthorized { url: "u".into() }.kind(), ErrorKind::Login);
        assert_eq!(ClientError::Timeout { url: "u".into() }.kind(), ErrorKind::Network);
        assert_eq!(LoginError::UnsentData { count: 3 }.kind(), ErrorKind::Refused);
        let folder = ArgumentError::Folder { path: "/data/phum".into(), detail: "No space left on device".into() };
        assert_eq!(folder.kind(), ErrorKind::Storage);
        let PhumError::Storage { id, text, .. } = PhumError::from_core(&folder, Locale::KHMER) else { panic!() };
        assert_eq!(id, "bindings-folder");
        assert!(text.contains("/data/phum") && !text.contains("demo"), "{text}");
        assert_eq!(StoreError::WrongKeyOrNotADatabase { path: "p".into() }.kind(), ErrorKind::Storage);
    }
}
