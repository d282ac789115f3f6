//! What an outreach worker looks at: the overdue and upcoming working lists of a program at one
//! org unit, and the dashboard of one enrollment (every stage with its done, open, scheduled,
//! overdue and skipped events, and which non-repeatable stages, such as vaccine doses, are still
//! missing).
//!
//! Names of stages and attributes are in the language the caller asks for (their NAME
//! translation, `km` or `km_KH` for Khmer), else as written.
//!
//! Owns classifying events against "today" and `Program.ignoreOverdueEvents`, and assembling
//! rows with the person's `displayInList` attributes, a page at a time ([`Page`]: the list's
//! length is counted in SQL, only the page's rows are read). Does not own due-date rules (`due`),
//! creating events (`generate`), or evaluating program rules: HIDEPROGRAMSTAGE effects are passed
//! in.
//!
//! As in the Android Capture app, a SCHEDULE event whose due date is before today shows as
//! overdue unless the program ignores overdue events; then it stays "scheduled" and the overdue
//! list of that program is empty.

use std::collections::HashMap;

use chrono::{NaiveDate as Date, TimeDelta};

use super::due::first_due_date;
use super::ScheduleError;
use crate::form::ObjectKind;
use crate::i18n::name_in;
use crate::i18n::{Lang, Localize, Message};
use crate::model::value_type::{EventStatus, RuleActionType};
use crate::model::{Program, ProgramStage, TrackedEntityAttribute, Uid};
use crate::rules::RuleEffect;
use crate::store::data::schedule_queries::ScheduledEvent;
use crate::store::data::tracker::{Enrollment, Event};
use crate::store::Store;

/// One `displayInList` attribute of the person on a working-list row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayValue {
    pub attribute: Uid,
    /// The attribute's name in the language asked for (its NAME translation), else as written.
    pub name: String,
    pub value: String,
}

/// One scheduled event on a working list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkingListRow {
    pub event: Uid,
    pub enrollment: Uid,
    pub tracked_entity: Uid,
    /// The program's `displayInList` attributes that have a value, in the program's sort order.
    pub display: Vec<DisplayValue>,
    pub program_stage: Uid,
    /// The stage's name in the language asked for, else as written.
    pub stage_name: String,
    pub due_date: Date,
    /// Days from the due date to today: positive when overdue, 0 when due today, negative (days
    /// still to go) on the upcoming list.
    pub days_overdue: i64,
}

/// How one event of an enrollment stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventState {
    /// COMPLETED.
    Completed,
    /// ACTIVE or VISITED with an event date: the visit took place, the form is not completed.
    Open,
    /// Waiting, due today or later (or earlier, when the program ignores overdue events).
    Scheduled,
    /// Waiting, due before today.
    Overdue,
    /// SKIPPED: it will not take place.
    Skipped,
}

impl EventState {
    pub const ALL: [EventState; 5] =
        [EventState::Completed, EventState::Open, EventState::Scheduled, EventState::Overdue, EventState::Skipped];

    /// The visit took place (completed, or open with a date).
    pub fn is_done(self) -> bool {
        matches!(self, EventState::Completed | EventState::Open)
    }
}

impl Localize for EventState {
    /// The state as one word of the reader's language ("overdue", "ហួសកាលកំណត់").
    fn message(&self) -> Message {
        match self {
            EventState::Completed => Message::new("schedule-state-completed"),
            EventState::Open => Message::new("schedule-state-open"),
            EventState::Scheduled => Message::new("schedule-state-scheduled"),
            EventState::Overdue => Message::new("schedule-state-overdue"),
            EventState::Skipped => Message::new("schedule-state-skipped"),
        }
    }
}
crate::english_display!(EventState);

impl WorkingListRow {
    /// When the visit is due, as a working list says it: "3 days overdue", "due today", "due in
    /// 5 days".
    pub fn due_message(&self) -> Message {
        match self.days_overdue {
            0 => Message::new("schedule-due-today"),
            d if d > 0 => crate::msg!("schedule-due-overdue", days = crate::msg!("unit-days", count = d)),
            d => crate::msg!("schedule-due-in", days = crate::msg!("unit-days", count = -d)),
        }
    }
}

/// One event on an enrollment's dashboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageEvent {
    pub event: Uid,
    pub status: EventStatus,
    pub state: EventState,
    pub event_date: Option<Date>,
    pub due_date: Option<Date>,
    /// Days past the due date, for overdue events.
    pub days_overdue: Option<i64>,
}

/// One program stage on an enrollment's dashboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageRow {
    pub stage: Uid,
    /// The stage's name in the language asked for, else as written.
    pub name: String,
    pub sort_order: Option<i64>,
    pub repeatable: bool,
    /// The stage's events, by event date or due date.
    pub events: Vec<StageEvent>,
    /// A non-repeatable stage without a done event (a dose not given yet; a skipped dose is still
    /// missing). Always false for repeatable stages.
    pub missing: bool,
    /// When the stage is next due: the earliest due date of its waiting events; for a missing
    /// stage with no event at all, the date computed from the stage's settings.
    pub due_date: Option<Date>,
    /// The stage has an overdue event, or is missing with a computed due date before today (not
    /// when the program ignores overdue events or the stage was skipped).
    pub overdue: bool,
}

/// An enrollment with its stages, as its dashboard shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct EnrollmentDashboard {
    pub enrollment: Enrollment,
    /// Practice data of the demo account (`Store::is_demo`).
    pub demo: bool,
    /// Every stage of the program not hidden by a HIDEPROGRAMSTAGE effect, by `sortOrder`.
    pub stages: Vec<StageRow>,
}

fn days_between(from: Date, to: Date) -> i64 {
    (to - from).num_days()
}

fn program(store: &Store, uid: Uid) -> Result<Program, ScheduleError> {
    store.get::<Program>(uid)?.ok_or(ScheduleError::NotFound { kind: ObjectKind::Program, uid })
}

/// Which part of a working list to read: `limit` rows (1 to [`Page::MAX_LIMIT`]) after skipping
/// `offset`. A health centre's overdue list can hold thousands of visits; a screen shows a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub offset: usize,
    pub limit: usize,
}

impl Page {
    /// The most rows one page may ask for.
    pub const MAX_LIMIT: usize = 500;

    /// The first `limit` rows.
    pub fn first(limit: usize) -> Page {
        Page { offset: 0, limit }
    }

    fn check(self) -> Result<Page, ScheduleError> {
        if self.limit == 0 || self.limit > Page::MAX_LIMIT {
            return Err(ScheduleError::BadPageLimit { limit: self.limit, max: Page::MAX_LIMIT });
        }
        Ok(self)
    }
}

/// One page of a working list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkingList {
    /// The page's rows, in list order.
    pub rows: Vec<WorkingListRow>,
    /// How many rows the whole list has.
    pub total: usize,
    /// The page that was read.
    pub page: Page,
    /// Practice data of the demo account (`Store::is_demo`).
    pub demo: bool,
}

/// One page of the scheduled events of `program` at `org_unit` due before `today`, most overdue
/// first, with the length of the whole list. Empty when the program ignores overdue events.
pub fn overdue(
    store: &Store,
    program_uid: Uid,
    org_unit: Uid,
    today: Date,
    page: Page,
    lang: Lang,
) -> Result<WorkingList, ScheduleError> {
    let page = page.check()?;
    let program = program(store, program_uid)?;
    let yesterday = today.pred_opt();
    if program.ignore_overdue_events || yesterday.is_none() {
        return Ok(WorkingList { rows: Vec::new(), total: 0, page, demo: store.is_demo() });
    }
    list(store, &program, org_unit, (None, yesterday), today, page, lang)
}

/// One page of the scheduled events of `program` at `org_unit` due from `today` to `within_days`
/// days later, soonest first, with the length of the whole list.
pub fn upcoming(
    store: &Store,
    program_uid: Uid,
    org_unit: Uid,
    today: Date,
    within_days: u32,
    page: Page,
    lang: Lang,
) -> Result<WorkingList, ScheduleError> {
    let page = page.check()?;
    let program = program(store, program_uid)?;
    let until = today.checked_add_signed(TimeDelta::days(i64::from(within_days))).unwrap_or(Date::MAX);
    list(store, &program, org_unit, (Some(today), Some(until)), today, page, lang)
}

/// The page of a list of scheduled events due in `from..=to`, and the list's length, both
/// computed by SQLite: only the page's rows are read.
fn list(
    store: &Store,
    program: &Program,
    org_unit: Uid,
    (from, to): (Option<Date>, Option<Date>),
    today: Date,
    page: Page,
    lang: Lang,
) -> Result<WorkingList, ScheduleError> {
    let uid = program.identity.id;
    let d = store.data();
    let total = d.count_scheduled_events_in(uid, org_unit, from, to)?;
    let events = d.scheduled_events_in(uid, org_unit, from, to, page.offset, page.limit)?;
    Ok(WorkingList { rows: rows(store, program, events, today, lang)?, total, page, demo: store.is_demo() })
}

fn rows(
    store: &Store,
    program: &Program,
    events: Vec<ScheduledEvent>,
    today: Date,
    lang: Lang,
) -> Result<Vec<WorkingListRow>, ScheduleError> {
    let stage_names: HashMap<Uid, String> = store
        .children::<ProgramStage>(program.identity.id)?
        .into_iter()
        .map(|s| (s.identity.id, name_in(&s.identity, lang)))
        .collect();
    let mut shown: Vec<_> = program.program_tracked_entity_attributes.iter().filter(|a| a.display_in_list).collect();
    shown.sort_by_key(|a| (a.sort_order.is_none(), a.sort_order));
    let mut columns = Vec::with_capacity(shown.len());
    for a in shown {
        let uid = a.tracked_entity_attribute.id;
        let Some(attribute) = store.get::<TrackedEntityAttribute>(uid)? else {
            return Err(ScheduleError::NotFound { kind: ObjectKind::TrackedEntityAttribute, uid });
        };
        columns.push((uid, name_in(&attribute.identity, lang)));
    }
    let data = store.data();
    let mut out = Vec::with_capacity(events.len());
    for ev in events {
        let values: HashMap<Uid, String> = data.attribute_values(ev.tracked_entity)?.into_iter().collect();
        let display = columns
            .iter()
            .filter_map(|(uid, name)| {
                values.get(uid).map(|v| DisplayValue { attribute: *uid, name: name.clone(), value: v.clone() })
            })
            .collect();
        out.push(WorkingListRow {
            event: ev.event,
            enrollment: ev.enrollment,
            tracked_entity: ev.tracked_entity,
            display,
            stage_name: stage_names.get(&ev.program_stage).cloned().unwrap_or_default(),
            program_stage: ev.program_stage,
            due_date: ev.due_date,
            days_overdue: days_between(ev.due_date, today),
        });
    }
    Ok(out)
}

/// How `event` stands on `today`.
pub fn event_state(event: &Event, today: Date, ignore_overdue_events: bool) -> EventState {
    match event.status {
        EventStatus::Completed => EventState::Completed,
        EventStatus::Skipped => EventState::Skipped,
        EventStatus::Active | EventStatus::Visited if event.event_date.is_some() => EventState::Open,
        _ => match event.due_date {
            Some(due) if due < today && !ignore_overdue_events => EventState::Overdue,
            _ => EventState::Scheduled,
        },
    }
}

/// The dashboard of one enrollment on `today`: every stage of its program except those hidden
/// by a HIDEPROGRAMSTAGE effect in `effects`, by `sortOrder`, with its events and, for
/// non-repeatable stages, whether the stage is still missing.
pub fn enrollment_dashboard(
    store: &Store,
    enrollment: Uid,
    today: Date,
    effects: &[RuleEffect],
    lang: Lang,
) -> Result<EnrollmentDashboard, ScheduleError> {
    let data = store.data();
    let Some(en) = data.enrollment(enrollment)? else {
        return Err(ScheduleError::NotFound { kind: ObjectKind::Enrollment, uid: enrollment });
    };
    let ignore = program(store, en.program)?.ignore_overdue_events;
    let hidden: Vec<&str> = effects
        .iter()
        .filter(|e| e.action_type == RuleActionType::HideProgramStage)
        .filter_map(|e| e.program_stage.as_deref())
        .collect();
    let mut stages: Vec<ProgramStage> = store
        .children::<ProgramStage>(en.program)?
        .into_iter()
        .filter(|s| !hidden.contains(&s.identity.id.as_str()))
        .collect();
    stages.sort_by_key(|s| (s.sort_order.is_none(), s.sort_order, s.identity.id.as_str().to_string()));
    let events = data.events_of_enrollment(enrollment)?;

    let mut rows = Vec::with_capacity(stages.len());
    for stage in stages {
        let stage_events: Vec<StageEvent> = events
            .iter()
            .filter(|e| e.program_stage == stage.identity.id)
            .map(|e| {
                let state = event_state(e, today, ignore);
                StageEvent {
                    event: e.uid,
                    status: e.status,
                    state,
                    event_date: e.event_date,
                    due_date: e.due_date,
                    days_overdue: match (state, e.due_date) {
                        (EventState::Overdue, Some(due)) => Some(days_between(due, today)),
                        _ => None,
                    },
                }
            })
            .collect();
        let missing = !stage.repeatable && !stage_events.iter().any(|e| e.state.is_done());
        let waiting = |e: &&StageEvent| matches!(e.state, EventState::Scheduled | EventState::Overdue);
        let mut due_date = stage_events.iter().filter(waiting).filter_map(|e| e.due_date).min();
        let mut overdue = stage_events.iter().any(|e| e.state == EventState::Overdue);
        if missing && stage_events.is_empty() {
            let computed = first_due_date(&stage, en.enrollment_date, en.incident_date)?;
            due_date = Some(computed);
            overdue = computed < today && !ignore;
        }
        rows.push(StageRow {
            stage: stage.identity.id,
            name: name_in(&stage.identity, lang),
            sort_order: stage.sort_order,
            repeatable: stage.repeatable,
            events: stage_events,
            missing,
            due_date,
            overdue,
        });
    }
    Ok(EnrollmentDashboard { enrollment: en, stages: rows, demo: store.is_demo() })
}
