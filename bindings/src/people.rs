//! People and their visits: search, a person's card (the values lists show, and the sex, birth
//! date, village and last visit a health worker recognises them by), the working lists (overdue and upcoming
//! visits, paged), an enrollment's dashboard (its rule-hidden stages left out by the core), the
//! enrollment's actions (complete, cancel, re-open) and deleting a visit.
//!
//! Owns the records of these answers. Does not own search, lists, dashboards or their rules (the
//! core's `search`, `schedule` and `form`).

use std::sync::Arc;

use phum_core::form::{self as core_form, EnrollmentChange};
use phum_core::i18n::Localize;
use phum_core::i18n::{name_in, Locale};
use phum_core::model::{Program, Uid};
use phum_core::schedule::{self, EventState, Page, WorkingList};
use phum_core::search::card::{last_visit, Cards, Profile as CoreProfile, ShownValue};
use phum_core::search::query::{search, search_target, MatchMode, SearchOptions, SearchScope};

use crate::app::App;
use crate::error::{core, PhumError};
use crate::form::{context, uid};
use crate::records::{FormMessage, Text};

/// One value shown for a person (the attributes their type shows in lists).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PersonValue {
    pub attribute: String,
    /// The attribute's name in the user's language.
    pub name: String,
    /// As stored.
    pub value: String,
    /// As a person reads it (dates in the language, digits as chosen).
    pub shown: String,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct EnrollmentInfo {
    pub uid: String,
    pub program: String,
    pub program_name: String,
    pub org_unit: String,
    /// ISO dates.
    pub enrollment_date: String,
    /// `ACTIVE`, `COMPLETED` or `CANCELLED`.
    pub status: String,
    /// The date of the latest visit that took place (ISO), if any.
    pub last_visit: Option<String>,
}

/// What a health worker recognises a person by beside their name (each when the person's
/// attributes say it; the core finds which attributes do).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Profile {
    /// The sex as its option's name (`Female`, `ស្រី`).
    pub sex: Option<String>,
    /// ISO date.
    pub birth_date: Option<String>,
    /// The village as its option's name.
    pub village: Option<String>,
    /// The org unit of that village, when it is one on the phone.
    pub village_org_unit: Option<String>,
}

/// A person as a list shows them.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Person {
    pub tracked_entity: String,
    pub org_unit: String,
    pub values: Vec<PersonValue>,
    pub profile: Profile,
    pub enrollments: Vec<EnrollmentInfo>,
}

/// A search result: the person, and what matched.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PersonHit {
    pub person: Person,
    pub matched_attribute: String,
    pub matched_value: String,
}

/// One waiting visit on a working list.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WorkingListRow {
    pub event: String,
    pub enrollment: String,
    pub tracked_entity: String,
    pub values: Vec<PersonValue>,
    pub profile: Profile,
    pub stage: String,
    pub stage_name: String,
    pub due_date: String,
    /// Positive when overdue, 0 due today, negative days still to go.
    pub days_overdue: i64,
    /// "Due 3 days ago" in the user's language.
    pub due: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct WorkingListPage {
    pub rows: Vec<WorkingListRow>,
    /// How many rows the whole list has.
    pub total: u64,
    pub offset: u64,
    pub demo: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum VisitState {
    Completed,
    /// Took place, not completed.
    Open,
    Scheduled,
    Overdue,
    Skipped,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Visit {
    pub event: String,
    /// `ACTIVE`, `COMPLETED`, `SCHEDULE`, `SKIPPED`, ...
    pub status: String,
    pub state: VisitState,
    pub event_date: Option<String>,
    pub due_date: Option<String>,
    pub days_overdue: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StageCard {
    pub stage: String,
    pub name: String,
    pub repeatable: bool,
    pub visits: Vec<Visit>,
    /// A dose or visit of a non-repeatable stage not done yet.
    pub missing: bool,
    pub due_date: Option<String>,
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Dashboard {
    pub enrollment: EnrollmentInfo,
    pub person: Person,
    /// The program's stages the rules do not hide, in order.
    pub stages: Vec<StageCard>,
    /// What the enrollment's rules say now: warnings, errors and texts (not what is said only
    /// when completing).
    pub messages: Vec<FormMessage>,
    pub demo: bool,
}

fn shown(v: ShownValue) -> PersonValue {
    PersonValue { attribute: v.attribute.to_string(), name: v.name, value: v.value, shown: v.shown }
}

fn profile(p: CoreProfile) -> Profile {
    Profile {
        sex: p.sex.map(|v| v.shown),
        birth_date: p.birth_date.map(|d| d.to_string()),
        village: p.village.map(|v| v.shown),
        village_org_unit: p.village_org_unit.map(|u| u.to_string()),
    }
}

fn enrollment_info(
    store: &phum_core::store::Store,
    e: &phum_core::store::data::tracker::Enrollment,
    locale: Locale,
) -> Result<EnrollmentInfo, PhumError> {
    let program_name = store
        .get::<Program>(e.program)
        .map_err(core(locale))?
        .map(|p| name_in(&p.identity, locale.lang))
        .unwrap_or_else(|| e.program.to_string());
    Ok(EnrollmentInfo {
        uid: e.uid.to_string(),
        program: e.program.to_string(),
        program_name,
        org_unit: e.org_unit.to_string(),
        enrollment_date: e.enrollment_date.to_string(),
        status: e.status.as_str().to_string(),
        last_visit: last_visit(&store.data(), e.uid).map_err(core(locale))?.map(|d| d.to_string()),
    })
}

fn person(
    store: &phum_core::store::Store,
    cards: &mut Cards<'_>,
    te: Uid,
    locale: Locale,
) -> Result<Person, PhumError> {
    let data = store.data();
    let org_unit = data.tracked_entity(te).map_err(core(locale))?.map(|t| t.org_unit.to_string()).unwrap_or_default();
    let values = cards.values(te).map_err(core(locale))?.into_iter().map(shown).collect();
    let mut enrollments = Vec::new();
    for e in data.enrollments_of(te).map_err(core(locale))?.iter().filter(|e| !e.deleted) {
        enrollments.push(enrollment_info(store, e, locale)?);
    }
    let profile = profile(cards.profile(te).map_err(core(locale))?);
    Ok(Person { tracked_entity: te.to_string(), org_unit, values, profile, enrollments })
}

fn page(list: WorkingList, store: &phum_core::store::Store, locale: Locale) -> Result<WorkingListPage, PhumError> {
    let mut rows = Vec::with_capacity(list.rows.len());
    let mut cards = Cards::new(store, locale);
    for r in &list.rows {
        rows.push(WorkingListRow {
            event: r.event.to_string(),
            enrollment: r.enrollment.to_string(),
            tracked_entity: r.tracked_entity.to_string(),
            values: cards.values(r.tracked_entity).map_err(core(locale))?.into_iter().map(shown).collect(),
            profile: profile(cards.profile(r.tracked_entity).map_err(core(locale))?),
            stage: r.program_stage.to_string(),
            stage_name: r.stage_name.clone(),
            due_date: r.due_date.to_string(),
            days_overdue: r.days_overdue,
            due: Text::of(&r.due_message(), locale),
        });
    }
    Ok(WorkingListPage { rows, total: list.total as u64, offset: list.page.offset as u64, demo: list.demo })
}

fn state(s: EventState) -> VisitState {
    match s {
        EventState::Completed => VisitState::Completed,
        EventState::Open => VisitState::Open,
        EventState::Scheduled => VisitState::Scheduled,
        EventState::Overdue => VisitState::Overdue,
        EventState::Skipped => VisitState::Skipped,
    }
}

/// The record of an enrollment action.
fn changed(c: EnrollmentChange) -> String {
    c.status.as_str().to_string()
}

#[uniffi::export]
impl App {
    /// People whose name, phone or ID starts with the words of `text` (Khmer or Latin, either
    /// digit set), in `program`'s searchable attributes, at `org_unit` (all of the user's when
    /// `None`), best first, each person once, at most `limit`.
    pub fn search_people(
        self: Arc<Self>,
        program: String,
        text: String,
        org_unit: Option<String>,
        limit: u32,
    ) -> Result<Vec<PersonHit>, PhumError> {
        self.run(|| {
            let locale = self.locale();
            let program = uid("program", &program, locale)?;
            let org_units = org_unit.as_deref().map(|o| uid("org_unit", o, locale)).transpose()?.into_iter().collect();
            let store = self.store();
            let target = search_target(&store, SearchScope::Program(program)).map_err(core(locale))?;
            let options = SearchOptions { mode: MatchMode::Prefix, limit: limit as usize, org_units };
            let found = search(&store.data(), &target, &text, &options).map_err(core(locale))?;
            let mut hits: Vec<PersonHit> = Vec::new();
            let mut cards = Cards::new(&store, locale);
            for hit in found.hits {
                if hits.iter().any(|h| h.person.tracked_entity == hit.tracked_entity.as_str()) {
                    continue;
                }
                hits.push(PersonHit {
                    person: person(&store, &mut cards, hit.tracked_entity, locale)?,
                    matched_attribute: hit.attribute.to_string(),
                    matched_value: hit.value,
                });
            }
            Ok(hits)
        })
    }

    /// A person's card: the values lists show and their enrollments.
    pub fn person(self: Arc<Self>, tracked_entity: String) -> Result<Person, PhumError> {
        self.run(|| {
            let locale = self.locale();
            let te = uid("tracked_entity", &tracked_entity, locale)?;
            let store = self.store();
            person(&store, &mut Cards::new(&store, locale), te, locale)
        })
    }

    /// Visits of `program` at `org_unit` due before today, most overdue first: `limit` rows
    /// (1 to 500) after `offset`.
    pub fn overdue(
        self: Arc<Self>,
        program: String,
        org_unit: String,
        offset: u64,
        limit: u32,
    ) -> Result<WorkingListPage, PhumError> {
        self.run(|| {
            let ctx = context(&self);
            let l = ctx.locale;
            let store = self.store();
            let at = Page { offset: offset as usize, limit: limit as usize };
            let list = schedule::overdue(
                &store,
                uid("program", &program, l)?,
                uid("org_unit", &org_unit, l)?,
                ctx.today(),
                at,
                l.lang,
            )
            .map_err(core(l))?;
            page(list, &store, l)
        })
    }

    /// Visits of `program` at `org_unit` due from today to `within_days` ahead, soonest first.
    pub fn upcoming(
        self: Arc<Self>,
        program: String,
        org_unit: String,
        within_days: u32,
        offset: u64,
        limit: u32,
    ) -> Result<WorkingListPage, PhumError> {
        self.run(|| {
            let ctx = context(&self);
            let l = ctx.locale;
            let store = self.store();
            let at = Page { offset: offset as usize, limit: limit as usize };
            let (program, org_unit) = (uid("program", &program, l)?, uid("org_unit", &org_unit, l)?);
            let list =
                schedule::upcoming(&store, program, org_unit, ctx.today(), within_days, at, l.lang).map_err(core(l))?;
            page(list, &store, l)
        })
    }

    /// The enrollment's dashboard today: the person, the stages its rules do not hide, with
    /// their visits, missing doses and due dates, and what its rules say.
    pub fn dashboard(self: Arc<Self>, enrollment: String) -> Result<Dashboard, PhumError> {
        self.run(|| {
            let ctx = context(&self);
            let l = ctx.locale;
            let store = self.store();
            let view =
                core_form::enrollment_dashboard(&store, uid("enrollment", &enrollment, l)?, &ctx).map_err(core(l))?;
            let messages = view.messages.iter().map(|m| FormMessage::of(m, l)).collect();
            let board = view.board;
            let stages = board
                .stages
                .into_iter()
                .map(|s| StageCard {
                    stage: s.stage.to_string(),
                    name: s.name,
                    repeatable: s.repeatable,
                    visits: s
                        .events
                        .into_iter()
                        .map(|e| Visit {
                            event: e.event.to_string(),
                            status: e.status.as_str().to_string(),
                            state: state(e.state),
                            event_date: e.event_date.map(|d| d.to_string()),
                            due_date: e.due_date.map(|d| d.to_string()),
                            days_overdue: e.days_overdue,
                        })
                        .collect(),
                    missing: s.missing,
                    due_date: s.due_date.map(|d| d.to_string()),
                    overdue: s.overdue,
                })
                .collect();
            Ok(Dashboard {
                enrollment: enrollment_info(&store, &board.enrollment, l)?,
                person: person(&store, &mut Cards::new(&store, l), board.enrollment.tracked_entity, l)?,
                stages,
                messages,
                demo: board.demo,
            })
        })
    }

    /// Completes the enrollment (refused with every reason its rules and mandatory attributes
    /// give); the new status.
    pub fn complete_enrollment(self: Arc<Self>, enrollment: String) -> Result<String, PhumError> {
        self.enrollment_action(enrollment, core_form::complete_enrollment)
    }

    /// Cancels (deactivates) the enrollment; the new status.
    pub fn cancel_enrollment(self: Arc<Self>, enrollment: String) -> Result<String, PhumError> {
        self.enrollment_action(enrollment, core_form::cancel_enrollment)
    }

    /// Re-opens a completed or cancelled enrollment; the new status.
    pub fn reopen_enrollment(self: Arc<Self>, enrollment: String) -> Result<String, PhumError> {
        self.enrollment_action(enrollment, core_form::reopen_enrollment)
    }

    /// Deletes a visit (refused when its enrollment is closed or it is outside the user's org
    /// units); a visit already sent is deleted on the server at the next sync.
    pub fn delete_event(self: Arc<Self>, event: String) -> Result<(), PhumError> {
        self.run(|| {
            let ctx = context(&self);
            let event = uid("event", &event, ctx.locale)?;
            core_form::delete_event(&mut self.store(), event, &ctx).map_err(core(ctx.locale))
        })
    }
}

impl App {
    fn enrollment_action(
        &self,
        enrollment: String,
        action: fn(
            &mut phum_core::store::Store,
            Uid,
            &core_form::FormContext,
        ) -> Result<EnrollmentChange, core_form::FormError>,
    ) -> Result<String, PhumError> {
        self.run(|| {
            let ctx = context(self);
            let enrollment = uid("enrollment", &enrollment, ctx.locale)?;
            action(&mut self.store(), enrollment, &ctx).map(changed).map_err(|e| {
                log::info!("enrollment action refused: {}", e.message().id);
                PhumError::from_core(&e, ctx.locale)
            })
        })
    }
}
