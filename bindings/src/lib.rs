//! phum-bindings: the core's API for the Android shell, through UniFFI.
//!
//! The shell (Kotlin) calls these blocking functions from a background executor; the generated
//! Kotlin needs JNA and nothing else. What crosses is plain data: records whose texts are already
//! in the user's language, records named by kind and UID, and one error type ([`PhumError`]) whose
//! variants carry the Fluent message id, its arguments and the localised text.
//!
//! - `app`: [`App`], one account (or the demo) open: its store behind a mutex, the language,
//!   digits and time zone, login and logout.
//! - `capture`: the user's org units and what may be captured at one (programs, stages, data sets
//!   and their periods).
//! - `people`: people search, working lists, enrollment dashboards, enrollment actions, deletion.
//! - `form`: [`FormSession`], one open form.
//! - `sync`: the sync on its own connection, with progress ([`SyncProgress`]) and cancel; the
//!   status of each record.
//! - `text`: the screens' texts from the core's catalogue, by id.
//! - `records`: the plain records that cross, made from the core's views.
//! - `error`: [`PhumError`], and the guard that turns a panic into one.
//! - `logging`: Rust's log records to the app's log ([`Logger`]).
//! - `android`: the platform trust store for TLS (Android only; nothing exported is gated).
//!
//! Owns the shape of the API across the FFI and nothing else: every behaviour is the core's.

uniffi::setup_scaffolding!();

#[cfg(target_os = "android")]
mod android;
mod app;
mod capture;
mod error;
mod form;
mod logging;
mod people;
mod records;
mod sync;
mod text;

pub use app::{AccountInfo, App, Settings, SignedIn};
pub use capture::{CaptureOptions, DataSetInfo, OrgUnit, PeriodInfo, ProgramInfo, StageInfo};
pub use error::PhumError;
pub use form::FormSession;
pub use logging::{set_logger, LogLevel, Logger};
pub use people::{
    Dashboard, EnrollmentInfo, Person, PersonHit, PersonValue, StageCard, Visit, VisitState, WorkingListPage,
    WorkingListRow,
};
pub use records::{
    Completion, Field, FormMessage, FormMessageKind, FormType, FormUpdate, FormView, OptionItem, Record, Refusal,
    Section, Text,
};
pub use sync::{RecordIssue, SyncPhase, SyncProgress, SyncReport, SyncStatus};
pub use text::{screen_text, TextArg};
