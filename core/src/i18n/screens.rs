//! The texts of Phum's screens, as typed ids: the Android shell asks the core for them through
//! the bindings (issue 11) and `phum demo` prints them in the terminal, so both front ends say the
//! same words in Khmer and English and neither holds a string of its own.
//!
//! The screens are the ones the design names: first run, login (with the PIN), home, the org unit
//! picker, search and registration, the enrollment dashboard, the event form, the monthly report
//! grid, sync, settings, and the training-mode banner every screen shows in demo mode. A text that
//! carries a number, a date or a name is a variant with fields (`OverdueCount { count }`); the
//! catalogue turns counts into English plurals and Khmer sentences, dates and periods into the
//! reader's language, and numbers into Khmer digits when the reader chose them.
//!
//! Owns the screen texts (`locales/{en,km}/screen.ftl`, ids `screen-<screen>-<what>`). Does not
//! own metadata labels (program, stage, data element and org unit names come from the server's
//! translations), error messages (each module's error enum says its own) or the server's import
//! error codes (`server_codes`).

use chrono::NaiveDate;

use super::{Localize, Message};
use crate::model::Period;
use crate::msg;

/// One text of a screen. The English wording is in each variant's doc; the Khmer is in
/// `locales/km/screen.ftl`, with the terms of `locales/GLOSSARY.md`.
#[derive(Debug, Clone, PartialEq)]
pub enum ScreenText {
    // Shared buttons and states
    /// "OK"
    Ok,
    /// "Cancel"
    Cancel,
    /// "Save"
    Save,
    /// "Back"
    Back,
    /// "Next"
    Next,
    /// "Close"
    Close,
    /// "Yes"
    Yes,
    /// "No"
    No,
    /// "Edit"
    Edit,
    /// "Delete"
    Delete,
    /// "Try again"
    Retry,
    /// "Loading…"
    Loading,
    /// "Required"
    Required,
    /// "Discard your changes?"
    DiscardTitle,
    /// "The values you changed since the last save will be lost."
    DiscardBody,
    /// "Discard"
    Discard,
    /// "Keep editing"
    KeepEditing,
    /// "Phum cannot unlock its data on this phone: the phone's key store refused. Restart the phone and try again."
    KeyUnavailable,

    // First run: language, then a real account or training mode
    /// "Welcome to Phum"
    FirstRunWelcome,
    /// "Phum records health data on this phone without a network and sends it to DHIS2 when you are online."
    FirstRunIntro,
    /// "Choose your language"
    FirstRunChooseLanguage,
    /// "Sign in to DHIS2"
    FirstRunSignIn,
    /// "Start training mode"
    FirstRunTraining,
    /// "Practise with sample data from Cambodia. No server is needed and nothing is ever sent."
    FirstRunTrainingHint,

    // Login and PIN
    /// "Sign in"
    LoginTitle,
    /// "Server address"
    LoginServerUrl,
    /// "For example https://dhis2.example.org"
    LoginServerUrlHint,
    /// "Username"
    LoginUsername,
    /// "Password"
    LoginPassword,
    /// "Show password"
    LoginShowPassword,
    /// "Sign in"
    LoginSignIn,
    /// "Signing in…"
    LoginSigningIn,
    /// "Downloading your programs, forms and org units. This can take a few minutes; keep the phone connected."
    LoginFirstDownload,
    /// "The first sign-in needs an internet connection. Connect to mobile data or Wi-Fi and try again."
    LoginNeedsNetwork,
    /// "Use another account"
    LoginOtherAccount,
    /// "No internet? You can sign in with the password you used last time on this phone."
    LoginOfflineHint,
    /// "Type the server address, your username and your password."
    LoginMissingFields,
    /// "Choose a PIN of { $digits } digits. You will open Phum with it instead of your password."
    PinCreate { digits: u32 },
    /// "Enter the same PIN again"
    PinConfirm,
    /// "The two PINs are different. Choose your PIN again."
    PinMismatch,
    /// "Enter your PIN"
    PinEnter,
    /// "Wrong PIN. { $attempts_left } attempts left before you must sign in with your password."
    PinWrong { attempts_left: u32 },
    /// "Forgot your PIN? Sign in with your password"
    PinForgot,

    // Home: the chosen org unit, programs, reports and what is due
    /// "Home"
    HomeTitle,
    /// "Working in { $org_unit }"
    HomeWorkingIn { org_unit: String },
    /// "Change"
    HomeChangeOrgUnit,
    /// "Programs"
    HomePrograms,
    /// "Reports"
    HomeReports,
    /// "Find or register a person"
    HomeFindPerson,
    /// "New event"
    HomeNewEvent,
    /// "{ $count } overdue"
    OverdueCount { count: u32 },
    /// "{ $count } due today"
    DueTodayCount { count: u32 },
    /// "{ $count } records not yet sent"
    NotSentCount { count: u32 },
    /// "{ $count } records rejected by the server: open Sync to fix them"
    RejectedCount { count: u32 },
    /// "Your account has no programs at this org unit. Ask your supervisor to give you access in DHIS2."
    HomeNoPrograms,
    /// "Nobody is due or overdue. Well done!"
    HomeNothingDue,

    // Org unit picker
    /// "Choose an org unit"
    OrgUnitTitle,
    /// "Search by name or code"
    OrgUnitSearchHint,
    /// "{ $count } units under { $org_unit }"
    OrgUnitShowBelow { count: u32, org_unit: String },
    /// "No org unit matches "{ $query }"."
    OrgUnitNoMatch { query: String },
    /// "Your account has no org units for data entry. Ask your supervisor to assign yours in DHIS2."
    OrgUnitNoneAssigned,
    /// "{ $program } is not used at { $org_unit }. Choose another org unit."
    OrgUnitProgramNotHere { program: String, org_unit: String },
    /// "Choose { $org_unit }"
    OrgUnitChoose { org_unit: String },

    // Search and registration
    /// "Find a person"
    SearchTitle,
    /// "Name, phone number or ID"
    SearchHint,
    /// "Program"
    SearchProgram,
    /// "Search"
    SearchButton,
    /// "Type at least { $min } characters."
    SearchTooShort { min: u32 },
    /// "{ $count } people found"
    SearchResultsCount { count: u32 },
    /// "Nobody on this phone matches. Check the spelling, search by phone number, or register a new person."
    SearchNoResults,
    /// "{ $years } years"
    AgeYears { years: u32 },
    /// "{ $months } months"
    AgeMonths { months: u32 },
    /// "{ $weeks } weeks"
    AgeWeeks { weeks: u32 },
    /// "Register a new person"
    SearchRegister,
    /// "Register a person in { $program }"
    RegisterTitle { program: String },
    /// "Enrollment date"
    RegisterEnrollmentDate,
    /// "Incident date"
    RegisterIncidentDate,
    /// "{ $count } people with similar details are already registered. Check that none of them is the same person."
    PossibleDuplicates { count: u32 },
    /// "None of them: register"
    RegisterNotDuplicate,
    /// "Register"
    RegisterSave,
    /// "{ $person } is registered in { $program }."
    RegisterDone { person: String, program: String },

    // Enrollment dashboard
    /// "Enrolled on { $date }"
    EnrolledOn { date: NaiveDate },
    /// "Active"
    EnrollmentActive,
    /// "Completed"
    EnrollmentCompleted,
    /// "Cancelled"
    EnrollmentCancelled,
    /// "Events"
    EnrollmentEvents,
    /// "No events yet. Add the first one."
    EnrollmentNoEvents,
    /// "Add { $stage }"
    AddEvent { stage: String },
    /// "Schedule { $stage }"
    ScheduleEvent { stage: String },
    /// "Scheduled for { $date }"
    EventScheduled { date: NaiveDate },
    /// "Overdue since { $date } ({ $days } days)"
    EventOverdue { date: NaiveDate, days: u32 },
    /// "Completed on { $date }"
    EventCompletedOn { date: NaiveDate },
    /// "Open, not completed"
    EventOpen,
    /// "Skipped"
    EventSkipped,
    /// "Next: { $stage } on { $date }"
    NextDue { stage: String, date: NaiveDate },
    /// "Edit details"
    EditProfile,
    /// "Other programs"
    OtherPrograms,
    /// "Enroll in { $program }"
    EnrollIn { program: String },
    /// "Complete enrollment"
    CompleteEnrollment,
    /// "Complete the enrollment of { $person } in { $program }? No events can be added until it is reopened."
    CompleteEnrollmentConfirm { person: String, program: String },
    /// "Reopen enrollment"
    ReopenEnrollment,
    /// "{ $stage } can be recorded only once and is already there."
    StageNotRepeatable { stage: String },
    /// "Cancel enrollment"
    CancelEnrollment,
    /// "Cancel the enrollment of { $person } in { $program }? No events can be added until it is reopened."
    CancelEnrollmentConfirm { person: String, program: String },
    /// "Reopen the enrollment of { $person } in { $program }?"
    ReopenEnrollmentConfirm { person: String, program: String },
    /// "Continue { $stage }" (a visit started and not completed)
    ContinueEvent { stage: String },
    /// "Last visit { $date }"
    LastVisit { date: NaiveDate },
    /// "Not enrolled in { $program }"
    NotEnrolledIn { program: String },

    // Working list
    /// "Visits to make"
    WorkingListTitle,
    /// "Overdue"
    WorkingListOverdue,
    /// "Due in the next { $days } days"
    WorkingListUpcoming { days: u32 },
    /// "{ $shown } of { $total }"
    WorkingListShown { shown: u32, total: u32 },
    /// "Show more"
    WorkingListMore,
    /// "All villages"
    WorkingListAllVillages,

    // Event form
    /// "Event date"
    EventDate,
    /// "Due date"
    EventDueDate,
    /// "Org unit"
    EventOrgUnit,
    /// "Choose an option"
    ChooseOption,
    /// "Clear"
    ClearValue,
    /// "Complete"
    CompleteEvent,
    /// "Complete this event? You can reopen it later if a value is wrong."
    CompleteEventConfirm,
    /// "Reopen"
    ReopenEvent,
    /// "Delete this event? Its values are removed from this phone, and from the server at the next sync."
    DeleteEventConfirm,
    /// "Saved on this phone. It is sent at the next sync."
    EventSaved,
    /// "{ $count } errors to fix before you can complete"
    ErrorsCount { count: u32 },
    /// "{ $count } warnings: check the values"
    WarningsCount { count: u32 },
    /// "This event is completed. Reopen it to change a value."
    EventReadOnly,
    /// "Nothing to fill in this section."
    SectionEmpty,

    // The form (a visit, a registration): its inputs and what it says
    /// "There is no form to open."
    FormNothingToOpen,
    /// "This visit is completed. Its values can no longer be changed."
    FormCompleted,
    /// "year-month-day"
    FormDateHint,
    /// "year-month-day hour:minute"
    FormDateTimeHint,
    /// "hour:minute"
    FormTimeHint,
    /// "Choose a date"
    FormChooseDate,
    /// "Choose a time"
    FormChooseTime,
    /// "Years"
    FormAgeYears,
    /// "Months"
    FormAgeMonths,
    /// "Days"
    FormAgeDays,
    /// "Latitude, longitude"
    FormCoordinateHint,
    /// "Use this phone's location"
    FormUseLocation,
    /// "Finding the location…"
    FormLocating,
    /// "Phum may not read the location. Type the latitude and longitude."
    FormLocationDenied,
    /// "No location found: location may be off on this phone. Type the latitude and longitude, or try again outside."
    FormLocationUnavailable,
    /// "Type to search"
    FormFilter,

    // Monthly report grid (an aggregate data set for one org unit and period)
    /// "Monthly report"
    ReportTitle,
    /// "Period"
    ReportPeriod,
    /// "Previous period"
    PreviousPeriod,
    /// "Next period"
    NextPeriod,
    /// "Total"
    ReportTotal,
    /// "{ $count } cells are empty"
    EmptyCells { count: u32 },
    /// "Mark as complete"
    CompleteReport,
    /// "Mark the report for { $period } as complete? It is sent at the next sync."
    CompleteReportConfirm { period: Period },
    /// "Completed on { $date }"
    ReportCompletedOn { date: NaiveDate },
    /// "Reopen"
    ReopenReport,
    /// "No report is assigned to { $org_unit }."
    NoDataSets { org_unit: String },
    /// "{ $total }": a total of the grid, in the reader's digits.
    ReportSum { total: f64 },
    /// "This report is marked as complete: its values can no longer be changed."
    ReportCompleted,
    /// "Category shown": the switcher of a grid too wide for the screen, which shows one
    /// category option combination at a time.
    ReportColumnShown,

    // Sync
    /// "Sync"
    SyncTitle,
    /// "Sync now"
    SyncNow,
    /// "Syncing…"
    SyncRunning,
    /// "Sending { $count } records…"
    SyncSending { count: u32 },
    /// "Downloading updates from the server…"
    SyncDownloading,
    /// "{ $phase }: { $done } of { $total }"
    SyncProgress { phase: String, done: u32, total: u32 },
    /// "Sync finished: { $sent } sent, { $received } received."
    SyncDone { sent: u32, received: u32 },
    /// "Last sync: { $date }"
    LastSync { date: NaiveDate },
    /// "Not synced yet"
    NeverSynced,
    /// "Everything on this phone has been sent."
    AllSent,
    /// "No internet connection. Your data is safe on this phone; sync again when you have a signal."
    SyncOffline,
    /// "Sync stopped: { $reason } Nothing was lost; Phum tries again in { $minutes } min."
    SyncStopped { reason: Message, minutes: u32 },
    /// "Rejected by the server"
    RejectedTitle,
    /// "{ $record }: { $reason }"
    RecordRejected { record: Message, reason: Message },
    /// "Open the record, correct the value, save it and sync again."
    SyncFixHint,
    /// "Open"
    OpenRecord,
    /// "Training mode never sends data. Sign in with a real account to sync."
    TrainingNeverSends,

    // A record the server refused, read only (the capture screens edit it)
    /// "Record details"
    RecordTitle,
    /// "The server refused this value"
    RecordRefusedHere,

    // Settings
    /// "Settings"
    SettingsTitle,
    /// "Language"
    SettingsLanguage,
    /// "ខ្មែរ (Khmer)"
    LanguageKhmer,
    /// "English"
    LanguageEnglish,
    /// "Khmer digits"
    KhmerDigits,
    /// "Show numbers as ០១២៣ instead of 0123. Values are still sent to DHIS2 as 0123."
    KhmerDigitsHint,
    /// "Text size"
    TextSize,
    /// "Normal"
    TextSizeNormal,
    /// "Large"
    TextSizeLarge,
    /// "Largest"
    TextSizeLargest,
    /// "Account"
    SettingsAccount,
    /// "Signed in as { $username } on { $server }"
    SignedInAs { username: String, server: String },
    /// "Change PIN"
    ChangePin,
    /// "Sign out"
    SignOut,
    /// "Sign out? { $count } records are not yet sent; they stay on this phone and are sent after you sign in again."
    SignOutConfirm { count: u32 },
    /// "Phum version { $version }"
    Version { version: String },

    // Training mode: the banner every screen shows, and the trainer's reset
    /// "Training mode: practice data, never sent"
    DemoBanner,
    /// "Reset practice data"
    DemoReset,
    /// "Reset the practice data? Everything entered in training mode is deleted and the sample data comes back."
    DemoResetConfirm,
    /// "The practice data is back to its start."
    DemoResetDone,
    /// "Leave training mode"
    DemoLeave,
}

impl Localize for ScreenText {
    fn message(&self) -> Message {
        use ScreenText::*;
        match self {
            Ok => Message::new("screen-common-ok"),
            Cancel => Message::new("screen-common-cancel"),
            Save => Message::new("screen-common-save"),
            Back => Message::new("screen-common-back"),
            Next => Message::new("screen-common-next"),
            Close => Message::new("screen-common-close"),
            Yes => Message::new("screen-common-yes"),
            No => Message::new("screen-common-no"),
            Edit => Message::new("screen-common-edit"),
            Delete => Message::new("screen-common-delete"),
            Retry => Message::new("screen-common-retry"),
            Loading => Message::new("screen-common-loading"),
            Required => Message::new("screen-common-required"),
            DiscardTitle => Message::new("screen-common-discard-title"),
            DiscardBody => Message::new("screen-common-discard-body"),
            Discard => Message::new("screen-common-discard"),
            KeepEditing => Message::new("screen-common-keep-editing"),
            KeyUnavailable => Message::new("screen-common-key-unavailable"),
            FirstRunWelcome => Message::new("screen-first-run-welcome"),
            FirstRunIntro => Message::new("screen-first-run-intro"),
            FirstRunChooseLanguage => Message::new("screen-first-run-choose-language"),
            FirstRunSignIn => Message::new("screen-first-run-sign-in"),
            FirstRunTraining => Message::new("screen-first-run-training"),
            FirstRunTrainingHint => Message::new("screen-first-run-training-hint"),
            LoginTitle => Message::new("screen-login-title"),
            LoginServerUrl => Message::new("screen-login-server-url"),
            LoginServerUrlHint => Message::new("screen-login-server-url-hint"),
            LoginUsername => Message::new("screen-login-username"),
            LoginPassword => Message::new("screen-login-password"),
            LoginShowPassword => Message::new("screen-login-show-password"),
            LoginSignIn => Message::new("screen-login-sign-in"),
            LoginSigningIn => Message::new("screen-login-signing-in"),
            LoginFirstDownload => Message::new("screen-login-first-download"),
            LoginNeedsNetwork => Message::new("screen-login-needs-network"),
            LoginOtherAccount => Message::new("screen-login-other-account"),
            LoginOfflineHint => Message::new("screen-login-offline-hint"),
            LoginMissingFields => Message::new("screen-login-missing-fields"),
            PinCreate { digits } => msg!("screen-login-pin-create", digits = *digits),
            PinConfirm => Message::new("screen-login-pin-confirm"),
            PinMismatch => Message::new("screen-login-pin-mismatch"),
            PinEnter => Message::new("screen-login-pin-enter"),
            PinWrong { attempts_left } => msg!("screen-login-pin-wrong", attempts_left = *attempts_left),
            PinForgot => Message::new("screen-login-pin-forgot"),
            HomeTitle => Message::new("screen-home-title"),
            HomeWorkingIn { org_unit } => msg!("screen-home-working-in", org_unit = org_unit),
            HomeChangeOrgUnit => Message::new("screen-home-change-org-unit"),
            HomePrograms => Message::new("screen-home-programs"),
            HomeReports => Message::new("screen-home-reports"),
            HomeFindPerson => Message::new("screen-home-find-person"),
            HomeNewEvent => Message::new("screen-home-new-event"),
            OverdueCount { count } => msg!("screen-home-overdue-count", count = *count),
            DueTodayCount { count } => msg!("screen-home-due-today-count", count = *count),
            NotSentCount { count } => msg!("screen-home-not-sent-count", count = *count),
            RejectedCount { count } => msg!("screen-home-rejected-count", count = *count),
            HomeNoPrograms => Message::new("screen-home-no-programs"),
            HomeNothingDue => Message::new("screen-home-nothing-due"),
            OrgUnitTitle => Message::new("screen-org-unit-title"),
            OrgUnitSearchHint => Message::new("screen-org-unit-search-hint"),
            OrgUnitShowBelow { count, org_unit } => {
                msg!("screen-org-unit-show-below", count = *count, org_unit = org_unit)
            }
            OrgUnitNoMatch { query } => msg!("screen-org-unit-no-match", query = query),
            OrgUnitNoneAssigned => Message::new("screen-org-unit-none-assigned"),
            OrgUnitProgramNotHere { program, org_unit } => {
                msg!("screen-org-unit-program-not-here", program = program, org_unit = org_unit)
            }
            OrgUnitChoose { org_unit } => msg!("screen-org-unit-choose", org_unit = org_unit),
            SearchTitle => Message::new("screen-search-title"),
            SearchHint => Message::new("screen-search-hint"),
            SearchProgram => Message::new("screen-search-program"),
            SearchButton => Message::new("screen-search-button"),
            SearchTooShort { min } => msg!("screen-search-too-short", min = *min),
            SearchResultsCount { count } => msg!("screen-search-results-count", count = *count),
            SearchNoResults => Message::new("screen-search-no-results"),
            AgeYears { years } => msg!("screen-search-age-years", years = *years),
            AgeMonths { months } => msg!("screen-search-age-months", months = *months),
            AgeWeeks { weeks } => msg!("screen-search-age-weeks", weeks = *weeks),
            SearchRegister => Message::new("screen-search-register"),
            RegisterTitle { program } => msg!("screen-register-title", program = program),
            RegisterEnrollmentDate => Message::new("screen-register-enrollment-date"),
            RegisterIncidentDate => Message::new("screen-register-incident-date"),
            PossibleDuplicates { count } => msg!("screen-register-possible-duplicates", count = *count),
            RegisterNotDuplicate => Message::new("screen-register-not-duplicate"),
            RegisterSave => Message::new("screen-register-save"),
            RegisterDone { person, program } => msg!("screen-register-done", person = person, program = program),
            EnrolledOn { date } => msg!("screen-enrollment-enrolled-on", date = *date),
            EnrollmentActive => Message::new("screen-enrollment-status-active"),
            EnrollmentCompleted => Message::new("screen-enrollment-status-completed"),
            EnrollmentCancelled => Message::new("screen-enrollment-status-cancelled"),
            EnrollmentEvents => Message::new("screen-enrollment-events"),
            EnrollmentNoEvents => Message::new("screen-enrollment-no-events"),
            AddEvent { stage } => msg!("screen-enrollment-add-event", stage = stage),
            ScheduleEvent { stage } => msg!("screen-enrollment-schedule", stage = stage),
            EventScheduled { date } => msg!("screen-enrollment-event-scheduled", date = *date),
            EventOverdue { date, days } => msg!("screen-enrollment-event-overdue", date = *date, days = *days),
            EventCompletedOn { date } => msg!("screen-enrollment-event-completed", date = *date),
            EventOpen => Message::new("screen-enrollment-event-open"),
            EventSkipped => Message::new("screen-enrollment-event-skipped"),
            NextDue { stage, date } => msg!("screen-enrollment-next-due", stage = stage, date = *date),
            EditProfile => Message::new("screen-enrollment-edit-profile"),
            OtherPrograms => Message::new("screen-enrollment-other-programs"),
            EnrollIn { program } => msg!("screen-enrollment-enroll-in", program = program),
            CompleteEnrollment => Message::new("screen-enrollment-complete"),
            CompleteEnrollmentConfirm { person, program } => {
                msg!("screen-enrollment-complete-confirm", person = person, program = program)
            }
            ReopenEnrollment => Message::new("screen-enrollment-reopen"),
            StageNotRepeatable { stage } => msg!("screen-enrollment-cannot-add", stage = stage),
            CancelEnrollment => Message::new("screen-enrollment-cancel"),
            CancelEnrollmentConfirm { person, program } => {
                msg!("screen-enrollment-cancel-confirm", person = person, program = program)
            }
            ReopenEnrollmentConfirm { person, program } => {
                msg!("screen-enrollment-reopen-confirm", person = person, program = program)
            }
            ContinueEvent { stage } => msg!("screen-enrollment-continue-event", stage = stage),
            LastVisit { date } => msg!("screen-search-last-visit", date = *date),
            NotEnrolledIn { program } => msg!("screen-search-not-enrolled", program = program),
            WorkingListTitle => Message::new("screen-working-list-title"),
            WorkingListOverdue => Message::new("screen-working-list-overdue"),
            WorkingListUpcoming { days } => msg!("screen-working-list-upcoming", days = *days),
            WorkingListShown { shown, total } => msg!("screen-working-list-shown", shown = *shown, total = *total),
            WorkingListMore => Message::new("screen-working-list-more"),
            WorkingListAllVillages => Message::new("screen-working-list-all-villages"),
            EventDate => Message::new("screen-event-date"),
            EventDueDate => Message::new("screen-event-due-date"),
            EventOrgUnit => Message::new("screen-event-org-unit"),
            ChooseOption => Message::new("screen-event-choose-option"),
            ClearValue => Message::new("screen-event-clear-value"),
            CompleteEvent => Message::new("screen-event-complete"),
            CompleteEventConfirm => Message::new("screen-event-complete-confirm"),
            ReopenEvent => Message::new("screen-event-reopen"),
            DeleteEventConfirm => Message::new("screen-event-delete-confirm"),
            EventSaved => Message::new("screen-event-saved"),
            ErrorsCount { count } => msg!("screen-event-errors-count", count = *count),
            WarningsCount { count } => msg!("screen-event-warnings-count", count = *count),
            EventReadOnly => Message::new("screen-event-read-only"),
            SectionEmpty => Message::new("screen-event-section-empty"),
            FormNothingToOpen => Message::new("screen-form-nothing-to-open"),
            FormCompleted => Message::new("screen-form-completed"),
            FormDateHint => Message::new("screen-form-date-hint"),
            FormDateTimeHint => Message::new("screen-form-date-time-hint"),
            FormTimeHint => Message::new("screen-form-time-hint"),
            FormChooseDate => Message::new("screen-form-choose-date"),
            FormChooseTime => Message::new("screen-form-choose-time"),
            FormAgeYears => Message::new("screen-form-age-years"),
            FormAgeMonths => Message::new("screen-form-age-months"),
            FormAgeDays => Message::new("screen-form-age-days"),
            FormCoordinateHint => Message::new("screen-form-coordinate-hint"),
            FormUseLocation => Message::new("screen-form-use-location"),
            FormLocating => Message::new("screen-form-locating"),
            FormLocationDenied => Message::new("screen-form-location-denied"),
            FormLocationUnavailable => Message::new("screen-form-location-unavailable"),
            FormFilter => Message::new("screen-form-filter"),
            ReportTitle => Message::new("screen-report-title"),
            ReportPeriod => Message::new("screen-report-period"),
            PreviousPeriod => Message::new("screen-report-previous-period"),
            NextPeriod => Message::new("screen-report-next-period"),
            ReportTotal => Message::new("screen-report-total"),
            EmptyCells { count } => msg!("screen-report-empty-cells", count = *count),
            CompleteReport => Message::new("screen-report-complete"),
            CompleteReportConfirm { period } => msg!("screen-report-complete-confirm", period = *period),
            ReportCompletedOn { date } => msg!("screen-report-completed-on", date = *date),
            ReopenReport => Message::new("screen-report-reopen"),
            NoDataSets { org_unit } => msg!("screen-report-no-data-sets", org_unit = org_unit),
            ReportSum { total } => msg!("screen-report-sum", total = *total),
            ReportCompleted => Message::new("screen-report-completed"),
            ReportColumnShown => Message::new("screen-report-column-shown"),
            SyncTitle => Message::new("screen-sync-title"),
            SyncNow => Message::new("screen-sync-now"),
            SyncRunning => Message::new("screen-sync-running"),
            SyncSending { count } => msg!("screen-sync-sending", count = *count),
            SyncDownloading => Message::new("screen-sync-downloading"),
            SyncProgress { phase, done, total } => {
                msg!("screen-sync-progress", phase = phase, done = *done, total = *total)
            }
            SyncDone { sent, received } => msg!("screen-sync-done", sent = *sent, received = *received),
            LastSync { date } => msg!("screen-sync-last", date = *date),
            NeverSynced => Message::new("screen-sync-never"),
            AllSent => Message::new("screen-sync-all-sent"),
            SyncOffline => Message::new("screen-sync-offline"),
            SyncStopped { reason, minutes } => msg!("screen-sync-stopped", reason = reason.clone(), minutes = *minutes),
            RejectedTitle => Message::new("screen-sync-rejected-title"),
            RecordRejected { record, reason } => {
                msg!("screen-sync-record-rejected", record = record.clone(), reason = reason.clone())
            }
            SyncFixHint => Message::new("screen-sync-fix-hint"),
            OpenRecord => Message::new("screen-sync-open-record"),
            TrainingNeverSends => Message::new("screen-sync-training-never-sends"),
            RecordTitle => Message::new("screen-record-title"),
            RecordRefusedHere => Message::new("screen-record-refused-here"),
            SettingsTitle => Message::new("screen-settings-title"),
            SettingsLanguage => Message::new("screen-settings-language"),
            LanguageKhmer => Message::new("screen-settings-language-km"),
            LanguageEnglish => Message::new("screen-settings-language-en"),
            KhmerDigits => Message::new("screen-settings-khmer-digits"),
            KhmerDigitsHint => Message::new("screen-settings-khmer-digits-hint"),
            TextSize => Message::new("screen-settings-text-size"),
            TextSizeNormal => Message::new("screen-settings-text-size-normal"),
            TextSizeLarge => Message::new("screen-settings-text-size-large"),
            TextSizeLargest => Message::new("screen-settings-text-size-largest"),
            SettingsAccount => Message::new("screen-settings-account"),
            SignedInAs { username, server } => {
                msg!("screen-settings-signed-in-as", username = username, server = server)
            }
            ChangePin => Message::new("screen-settings-change-pin"),
            SignOut => Message::new("screen-settings-sign-out"),
            SignOutConfirm { count } => msg!("screen-settings-sign-out-confirm", count = *count),
            Version { version } => msg!("screen-settings-version", version = version),
            DemoBanner => Message::new("screen-demo-banner"),
            DemoReset => Message::new("screen-demo-reset"),
            DemoResetConfirm => Message::new("screen-demo-reset-confirm"),
            DemoResetDone => Message::new("screen-demo-reset-done"),
            DemoLeave => Message::new("screen-demo-leave"),
        }
    }
}

crate::english_display!(ScreenText);

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::ScreenText::*;
    use super::*;
    use crate::form::RecordRef;
    use crate::i18n::catalogue_tests::assert_renders_in_both;
    use crate::i18n::{server_error_message, Lang, Locale, ServerDetails, CATALOGUE_FILES};
    use crate::model::Uid;
    use crate::test_dates::ymd;

    /// One sample of every variant, with real-looking arguments.
    fn samples() -> Vec<ScreenText> {
        vec![
            Ok,
            Cancel,
            Save,
            Back,
            Next,
            Close,
            Yes,
            No,
            Edit,
            Delete,
            Retry,
            Loading,
            Required,
            DiscardTitle,
            DiscardBody,
            Discard,
            KeepEditing,
            KeyUnavailable,
            FirstRunWelcome,
            FirstRunIntro,
            FirstRunChooseLanguage,
            FirstRunSignIn,
            FirstRunTraining,
            FirstRunTrainingHint,
            LoginTitle,
            LoginServerUrl,
            LoginServerUrlHint,
            LoginUsername,
            LoginPassword,
            LoginShowPassword,
            LoginSignIn,
            LoginSigningIn,
            LoginFirstDownload,
            LoginNeedsNetwork,
            LoginOtherAccount,
            LoginOfflineHint,
            LoginMissingFields,
            PinCreate { digits: 4 },
            PinConfirm,
            PinMismatch,
            PinEnter,
            PinWrong { attempts_left: 2 },
            PinForgot,
            HomeTitle,
            HomeWorkingIn { org_unit: "Kralanh HC".into() },
            HomeChangeOrgUnit,
            HomePrograms,
            HomeReports,
            HomeFindPerson,
            HomeNewEvent,
            OverdueCount { count: 3 },
            DueTodayCount { count: 3 },
            NotSentCount { count: 3 },
            RejectedCount { count: 3 },
            HomeNoPrograms,
            HomeNothingDue,
            OrgUnitTitle,
            OrgUnitSearchHint,
            OrgUnitShowBelow { count: 3, org_unit: "Kralanh HC".into() },
            OrgUnitNoMatch { query: "Chanleas".into() },
            OrgUnitNoneAssigned,
            OrgUnitProgramNotHere { program: "Immunization".into(), org_unit: "Kralanh HC".into() },
            OrgUnitChoose { org_unit: "Kralanh HC".into() },
            SearchTitle,
            SearchHint,
            SearchProgram,
            SearchButton,
            SearchTooShort { min: 2 },
            SearchResultsCount { count: 3 },
            SearchNoResults,
            AgeYears { years: 41 },
            AgeMonths { months: 9 },
            AgeWeeks { weeks: 6 },
            SearchRegister,
            RegisterTitle { program: "Immunization".into() },
            RegisterEnrollmentDate,
            RegisterIncidentDate,
            PossibleDuplicates { count: 3 },
            RegisterNotDuplicate,
            RegisterSave,
            RegisterDone { person: "Sok Dara".into(), program: "Immunization".into() },
            EnrolledOn { date: ymd(2025, 3, 14) },
            EnrollmentActive,
            EnrollmentCompleted,
            EnrollmentCancelled,
            EnrollmentEvents,
            EnrollmentNoEvents,
            AddEvent { stage: "Immunization visit".into() },
            ScheduleEvent { stage: "Immunization visit".into() },
            EventScheduled { date: ymd(2025, 3, 14) },
            EventOverdue { date: ymd(2025, 3, 14), days: 12 },
            EventCompletedOn { date: ymd(2025, 3, 14) },
            EventOpen,
            EventSkipped,
            NextDue { stage: "Immunization visit".into(), date: ymd(2025, 3, 14) },
            EditProfile,
            OtherPrograms,
            EnrollIn { program: "Immunization".into() },
            CompleteEnrollment,
            CompleteEnrollmentConfirm { person: "Sok Dara".into(), program: "Immunization".into() },
            ReopenEnrollment,
            StageNotRepeatable { stage: "Immunization visit".into() },
            CancelEnrollment,
            CancelEnrollmentConfirm { person: "Sok Dara".into(), program: "Immunization".into() },
            ReopenEnrollmentConfirm { person: "Sok Dara".into(), program: "Immunization".into() },
            ContinueEvent { stage: "6 weeks".into() },
            LastVisit { date: ymd(2025, 3, 14) },
            NotEnrolledIn { program: "Immunization".into() },
            WorkingListTitle,
            WorkingListOverdue,
            WorkingListUpcoming { days: 7 },
            WorkingListShown { shown: 20, total: 57 },
            WorkingListMore,
            WorkingListAllVillages,
            EventDate,
            EventDueDate,
            EventOrgUnit,
            ChooseOption,
            ClearValue,
            CompleteEvent,
            CompleteEventConfirm,
            ReopenEvent,
            DeleteEventConfirm,
            EventSaved,
            ErrorsCount { count: 3 },
            WarningsCount { count: 3 },
            EventReadOnly,
            SectionEmpty,
            FormNothingToOpen,
            FormCompleted,
            FormDateHint,
            FormDateTimeHint,
            FormTimeHint,
            FormChooseDate,
            FormChooseTime,
            FormAgeYears,
            FormAgeMonths,
            FormAgeDays,
            FormCoordinateHint,
            FormUseLocation,
            FormLocating,
            FormLocationDenied,
            FormLocationUnavailable,
            FormFilter,
            ReportTitle,
            ReportPeriod,
            PreviousPeriod,
            NextPeriod,
            ReportTotal,
            EmptyCells { count: 3 },
            CompleteReport,
            CompleteReportConfirm { period: Period::parse("202503").unwrap() },
            ReportCompletedOn { date: ymd(2025, 3, 14) },
            ReopenReport,
            ReportCompleted,
            ReportColumnShown,
            NoDataSets { org_unit: "Kralanh HC".into() },
            ReportSum { total: 26.0 },
            SyncTitle,
            SyncNow,
            SyncRunning,
            SyncSending { count: 3 },
            SyncDownloading,
            SyncProgress { phase: "Sending".into(), done: 3, total: 12 },
            SyncDone { sent: 12, received: 40 },
            LastSync { date: ymd(2025, 3, 14) },
            NeverSynced,
            AllSent,
            SyncOffline,
            SyncStopped { reason: ScreenText::SyncOffline.message(), minutes: 5 },
            RejectedTitle,
            RecordRejected {
                record: RecordRef::Event(Uid::parse("EvXkCcZt8wa").unwrap()).message(),
                reason: server_error_message("E1018", &ServerDetails::from_args(["National ID", "Immunization"]))
                    .unwrap(),
            },
            SyncFixHint,
            OpenRecord,
            TrainingNeverSends,
            RecordTitle,
            RecordRefusedHere,
            SettingsTitle,
            SettingsLanguage,
            LanguageKhmer,
            LanguageEnglish,
            KhmerDigits,
            KhmerDigitsHint,
            TextSize,
            TextSizeNormal,
            TextSizeLarge,
            TextSizeLargest,
            SettingsAccount,
            SignedInAs { username: "sdara".into(), server: "https://dhis2.example.org".into() },
            ChangePin,
            SignOut,
            SignOutConfirm { count: 3 },
            Version { version: "0.9.0".into() },
            DemoBanner,
            DemoReset,
            DemoResetConfirm,
            DemoResetDone,
            DemoLeave,
        ]
    }

    /// The ids of `locales/en/screen.ftl`.
    fn catalogue_ids() -> BTreeSet<String> {
        let (_, en, _) = CATALOGUE_FILES.iter().find(|(file, _, _)| *file == "screen.ftl").expect("screen.ftl");
        en.lines()
            .filter_map(|l| l.split_once(" =").map(|(id, _)| id))
            .filter(|id| id.starts_with("screen-"))
            .map(String::from)
            .collect()
    }

    #[test]
    fn every_screen_text_variant_renders_in_both_languages() {
        for text in samples() {
            assert_renders_in_both(&text.message());
        }
    }

    #[test]
    fn the_samples_cover_every_screen_text_once() {
        // Each variant has its own id, so the samples cover every variant exactly when their ids
        // are distinct and are all the ids of screen.ftl (a new variant needs a new text there).
        let samples = samples();
        let ids: BTreeSet<String> = samples.iter().map(|t| t.message().id.to_string()).collect();
        assert_eq!(ids.len(), samples.len(), "two samples share an id");
        assert_eq!(ids, catalogue_ids());
    }

    #[test]
    fn counts_are_english_plurals_and_one_khmer_sentence() {
        assert_eq!(OverdueCount { count: 3 }.localized(Locale::ENGLISH), "3 overdue");
        assert_eq!(NotSentCount { count: 1 }.localized(Locale::ENGLISH), "1 record not yet sent");
        assert_eq!(NotSentCount { count: 12 }.localized(Locale::ENGLISH), "12 records not yet sent");
        assert_eq!(NotSentCount { count: 12 }.localized(Locale::KHMER), "កំណត់ត្រា 12 មិនទាន់ផ្ញើ");
        assert_eq!(NotSentCount { count: 12 }.localized(Locale::new(Lang::Km, true)), "កំណត់ត្រា ១២ មិនទាន់ផ្ញើ");
        assert_eq!(SearchResultsCount { count: 1 }.localized(Locale::ENGLISH), "1 person found");
    }

    #[test]
    fn signing_out_with_nothing_pending_asks_plainly() {
        assert_eq!(SignOutConfirm { count: 0 }.localized(Locale::ENGLISH), "Sign out of this account?");
        assert_eq!(SignOutConfirm { count: 0 }.localized(Locale::KHMER), "ចាកចេញពីគណនីនេះឬ?");
        assert!(SignOutConfirm { count: 2 }.localized(Locale::KHMER).contains("2"));
    }

    #[test]
    fn a_report_total_is_written_in_the_readers_digits() {
        assert_eq!(ReportSum { total: 26.0 }.localized(Locale::ENGLISH), "26");
        assert_eq!(ReportSum { total: 126.0 }.localized(Locale::new(Lang::Km, true)), "១២៦");
    }

    #[test]
    fn dates_in_screen_texts_follow_the_reader() {
        let text = EventOverdue { date: ymd(2025, 3, 14), days: 12 };
        assert_eq!(text.localized(Locale::ENGLISH), "Overdue since 14 March 2025 (12 days)");
        assert_eq!(text.localized(Locale::new(Lang::Km, true)), "ហួសពេលកំណត់តាំងពី ១៤ មីនា ២០២៥ (១២ ថ្ងៃ)");
    }

    #[test]
    fn the_demo_banner_says_practice_data_is_never_sent() {
        assert_eq!(DemoBanner.to_string(), "Training mode: practice data, never sent");
        assert_eq!(DemoBanner.localized(Locale::KHMER), "របៀបហ្វឹកហាត់៖ ទិន្នន័យហ្វឹកហាត់ មិនដែលផ្ញើទេ");
    }
}
