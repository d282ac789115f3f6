//! A seeded workload of what health workers do at the demo's health centre, for the sync's
//! end-to-end and fault tests: register children (immunization) and adults (hypertension and
//! diabetes) with their enrollments, record visits, edit and clear values of existing records
//! (synced ones included), delete events, fill, edit, clear and complete VHSG monthly reports, and
//! complete enrollments.
//!
//! Every change goes through `phum_core::form` sessions (`new_registration`, `new_event`,
//! `open_event`, `open_registration`, `open_data_set`, `set_value`, `complete`,
//! `complete_enrollment`), so every value is one the form layer accepts and every completed
//! record passed its completion checks; the only store call is deleting an event
//! (`store.data().delete_event`), which the form layer does not offer. The metadata is the demo's,
//! imported WITHOUT the demo mark ([`Workload::prepare`]), so the records are real ones that a
//! sync sends. Values are chosen to be valid for a real DHIS2 2.41: option codes of the option
//! sets, numbers in the rules' plausible ranges, no future dates, org units in the trainee's
//! capture scope (the health centre `DmOuHcChnDi` for people, its villages for reports).
//!
//! An action the form layer refuses for a legitimate reason (a closed enrollment, a rule-assigned
//! field, a completion the rules refuse) is not an error: the step picks another action. A value
//! whose rule shows an error is taken back. A registration is always completed in the step that
//! creates it.
//!
//! Same seed and same clock, same actions: people, events and reports are chosen from lists kept
//! in creation order, never by their (random) UIDs, and descriptions name people, not UIDs.
//!
//! Owns the actions and their values. Does not own checking a store against a server
//! (`sync_check`) or the server.

use chrono::{Duration, NaiveDate as Date};
use phum_core::demo::dataset::{immunization, ncd, org_units, person, vhsg};
use phum_core::form::{
    complete_enrollment, FieldView, FormContext, FormError, FormSession, FormView, NewEventForm, Refusal,
};
use phum_core::model::period::{Period, PeriodType};
use phum_core::model::value_type::{EnrollmentStatus, EventStatus};
use phum_core::model::{DeviceClock, Timestamp, Uid, ValueType};
use phum_core::store::data::aggregate::AggregateKey;
use phum_core::store::data::outbox::Outcome;
use phum_core::store::data::{DataError, RecordKind};
use phum_core::store::Store;

use crate::rng::Rng;

const HC: Uid = org_units::TRAINEE_HEALTH_CENTRE;

/// The immunization stages in schedule order, and NCD's two: how events of one enrollment are
/// ordered when they are first seen.
const STAGE_ORDER: [Uid; 9] = [
    immunization::BIRTH,
    immunization::WEEKS_6,
    immunization::WEEKS_10,
    immunization::WEEKS_14,
    immunization::MONTHS_9,
    immunization::MONTHS_18,
    immunization::HPV,
    ncd::SCREENING,
    ncd::FOLLOW_UP,
];

/// The reason a dose was not given (data element of the immunization stages, option codes).
const NOT_GIVEN: Uid = Uid::constant("DmDeNotGivn");
const NOT_GIVEN_REASONS: [&str; 4] = ["STOCKOUT", "ILL", "REFUSED", "OTHER"];

/// Report cells a health worker may change or clear without breaking a validation rule.
const FREE_CELLS: [Uid; 6] = [
    vhsg::LIVE_BIRTHS,
    vhsg::DEATHS,
    vhsg::SICK_REFERRED,
    vhsg::REFERRED_NCD,
    vhsg::HOUSEHOLDS_VISITED,
    vhsg::EDUCATION_SESSIONS,
];

const KHMER_NAMES: [&str; 12] = ["សុខ", "ចាន់", "ស្រីមុំ", "វណ្ណា", "បុប្ផា", "រតនា", "សុភា", "ដារ៉ា", "ធីតា", "សំណាង", "វិចិត្រ", "ពិសិដ្ឋ"];
const LATIN_NAMES: [&str; 12] =
    ["Sok", "Chan", "Sreymom", "Vanna", "Bopha", "Ratana", "Sophea", "Dara", "Thida", "Samnang", "Vichet", "Piseth"];
const FAMILY_KHMER: [&str; 6] = ["កែវ", "ម៉ៅ", "សុខ", "ហេង", "លី", "ជា"];
const FAMILY_LATIN: [&str; 6] = ["Keo", "Mao", "Sok", "Heng", "Ly", "Chea"];

/// A person registered by the workload, in creation order.
#[derive(Debug, Clone)]
struct Person {
    enrollment: Uid,
    program: Uid,
    name: String,
    birth: Date,
    enrolled: Date,
}

/// A person about to be registered.
struct NewPerson {
    program: Uid,
    name: String,
    birth: Date,
    enrolled: Date,
    incident: Date,
}

/// A step's attempt: done (its description), or refused for a legitimate reason.
type Attempt = Result<Option<String>, String>;

/// The seeded workload (see the module doc).
pub struct Workload {
    rng: Rng,
    seed: u64,
    ctx: FormContext,
    people: Vec<Person>,
    /// Events seen so far, in the order first seen: (enrollment, event).
    events: Vec<(Uid, Uid)>,
    serial: u64,
}

impl Workload {
    /// A workload on `clock` (pin it for repeatable runs), capturing as the demo's trainee.
    pub fn new(seed: u64, clock: DeviceClock) -> Workload {
        Workload {
            rng: Rng::new(seed),
            seed,
            ctx: FormContext::new(clock),
            people: Vec::new(),
            events: Vec::new(),
            serial: 0,
        }
    }

    /// The enrollments registered so far, in creation order.
    pub fn enrollments(&self) -> Vec<Uid> {
        self.people.iter().map(|p| p.enrollment).collect()
    }

    /// The context the workload's forms open with (the trainee's scope comes from `/api/me`).
    pub fn context(&self) -> &FormContext {
        &self.ctx
    }

    /// Imports the demo's metadata and the trainee's `/api/me` as a server's answer: no demo mark,
    /// so what is captured is sent.
    pub fn prepare(store: &mut Store) -> Result<(), String> {
        phum_core::demo::dataset::import(store).map(|_| ()).map_err(|e| format!("importing the demo metadata: {e}"))
    }

    /// Runs `steps` steps and returns their descriptions.
    pub fn run(&mut self, store: &mut Store, steps: usize) -> Result<Vec<String>, String> {
        (0..steps).map(|_| self.step(store)).collect()
    }

    /// One seeded action (see the module doc); returns what it did. An error is a defect of the
    /// workload or of the form layer, never a refusal.
    pub fn step(&mut self, store: &mut Store) -> Result<String, String> {
        for _ in 0..30 {
            let roll = self.rng.below(100);
            let attempt = match roll {
                _ if self.people.len() < 2 || roll < 7 => self.register_child(store),
                7..=12 => self.register_adult(store),
                13..=27 => self.immunization_visit(store),
                28..=42 => self.ncd_visit(store),
                43..=52 => self.edit_event_value(store, false),
                53..=64 => self.edit_event_value(store, true),
                65..=69 => self.complete_open_visit(store),
                70..=75 => self.edit_person(store),
                76..=79 => self.delete_event(store),
                80..=95 => self.report(store),
                _ => self.complete_enrollment(store),
            }?;
            if let Some(done) = attempt {
                return Ok(done);
            }
        }
        Ok("nothing to do".into())
    }

    // ---- registrations ----

    fn register_child(&mut self, store: &mut Store) -> Attempt {
        let today = self.ctx.today();
        let birth = today - days(self.rng.range(0, 700));
        let age = (today - birth).num_days();
        let enrolled = today - days(self.rng.range(0, age.min(30)));
        let sex = if self.rng.chance(50) { "M" } else { "F" };
        let (khmer, latin) = self.name();
        let caregiver = format!("{} {}", self.rng.pick(&FAMILY_KHMER), self.rng.pick(&KHMER_NAMES));
        let mut values = vec![
            (person::NAME_KHMER, Some(khmer)),
            (person::NAME_LATIN, self.rng.chance(70).then(|| latin.clone())),
            (person::SEX, Some(sex.to_string())),
            (person::CAREGIVER, Some(caregiver)),
        ];
        values.extend(self.home());
        let new = NewPerson { program: immunization::PROGRAM, name: latin, birth, enrolled, incident: birth };
        self.register(store, new, &values).map(Some)
    }

    fn register_adult(&mut self, store: &mut Store) -> Attempt {
        let today = self.ctx.today();
        let birth = today - days(self.rng.range(30, 75) * 365 + self.rng.range(0, 364));
        let enrolled = today - days(self.rng.range(0, 60));
        let (khmer, latin) = self.name();
        let sex = if self.rng.chance(50) { "M" } else { "F" };
        self.serial += 1;
        let national_id = format!("{:03}{:06}", self.seed % 1000, self.serial);
        let mut values = vec![
            (person::NAME_KHMER, Some(khmer)),
            (person::NAME_LATIN, self.rng.chance(70).then(|| latin.clone())),
            (person::SEX, Some(sex.to_string())),
            (person::DATE_OF_BIRTH, Some(birth.to_string())),
            (person::NATIONAL_ID, self.rng.chance(50).then_some(national_id)),
        ];
        values.extend(self.home());
        // The program shows no incident date: it is the enrollment date, as Android sets it.
        let new = NewPerson { program: ncd::PROGRAM, name: latin, birth, enrolled, incident: enrolled };
        self.register(store, new, &values).map(Some)
    }

    fn name(&mut self) -> (String, String) {
        let (f, g) = (self.rng.below(FAMILY_KHMER.len()), self.rng.below(KHMER_NAMES.len()));
        self.serial += 1;
        (
            format!("{} {}", FAMILY_KHMER[f], KHMER_NAMES[g]),
            format!("{} {} {}", FAMILY_LATIN[f], LATIN_NAMES[g], self.serial),
        )
    }

    fn home(&mut self) -> Vec<(Uid, Option<String>)> {
        let (_, village) = *self.rng.pick(&org_units::TRAINEE_VILLAGES);
        let phone = format!("0{} {:03} {:03}", self.rng.range(10, 99), self.rng.range(0, 999), self.rng.range(0, 999));
        vec![(person::VILLAGE, Some(village.to_string())), (person::PHONE, self.rng.chance(60).then_some(phone))]
    }

    /// Registers a person with `values` and completes the registration in the same step.
    fn register(
        &mut self,
        store: &mut Store,
        new: NewPerson,
        values: &[(Uid, Option<String>)],
    ) -> Result<String, String> {
        let NewPerson { program, name, birth, enrolled, incident } = new;
        let (mut s, _) = FormSession::new_registration(store, program, HC, enrolled, incident, &self.ctx)
            .map_err(|e| format!("registering {name}: {e}"))?;
        for (attribute, value) in values {
            let Some(value) = value else { continue };
            match s.set_value(store, attribute.as_str(), Some(value)) {
                Ok(_) => {}
                // The date of birth of a child is the incident date, assigned by a rule.
                Err(FormError::ReadOnlyField { .. }) => {}
                Err(e) => return Err(format!("registering {name}: {e}")),
            }
        }
        if !self.finish(store, &mut s)? {
            return Err(format!("registering {name}: the registration could not be completed: {:?}", s.view()));
        }
        let enrollment = s.record_uid().ok_or("a registration without enrollment")?;
        self.people.push(Person { enrollment, program, name: name.clone(), birth, enrolled });
        self.discover(store, enrollment)?;
        let what = if program == immunization::PROGRAM { "child" } else { "adult" };
        Ok(format!("register {what} {name}, born {birth}, enrolled {enrolled}"))
    }

    /// Records the events of `enrollment` not seen yet, in stage order, then by date.
    fn discover(&mut self, store: &Store, enrollment: Uid) -> Result<(), String> {
        let mut new: Vec<_> = store
            .data()
            .events_of_enrollment(enrollment)
            .map_err(|e| e.to_string())?
            .into_iter()
            .filter(|e| !self.events.iter().any(|(_, uid)| *uid == e.uid))
            .collect();
        new.sort_by_key(|e| {
            (STAGE_ORDER.iter().position(|s| *s == e.program_stage), e.event_date.or(e.due_date), e.status.as_str())
        });
        self.events.extend(new.into_iter().map(|e| (enrollment, e.uid)));
        Ok(())
    }

    // ---- visits ----

    /// People of `program` whose enrollment is active, in creation order.
    fn active_people(&self, store: &Store, program: Uid) -> Result<Vec<Person>, String> {
        let mut out = Vec::new();
        for p in self.people.iter().filter(|p| p.program == program) {
            let en = store.data().enrollment(p.enrollment).map_err(|e| e.to_string())?;
            if en.is_some_and(|en| en.status == EnrollmentStatus::Active && !en.deleted) {
                out.push(p.clone());
            }
        }
        Ok(out)
    }

    fn immunization_visit(&mut self, store: &mut Store) -> Attempt {
        let today = self.ctx.today();
        let children = self.active_people(store, immunization::PROGRAM)?;
        if children.is_empty() {
            return Ok(None);
        }
        let child = self.rng.pick(&children).clone();
        // The earliest contact waiting and due.
        let waiting = store
            .data()
            .events_of_enrollment(child.enrollment)
            .map_err(|e| e.to_string())?
            .into_iter()
            .filter(|e| matches!(e.status, EventStatus::Schedule | EventStatus::Overdue))
            .filter(|e| e.due_date.is_some_and(|d| d <= today))
            .min_by_key(|e| (e.due_date, STAGE_ORDER.iter().position(|s| *s == e.program_stage)));
        let Some(contact) = waiting else { return Ok(None) };
        let due = contact.due_date.unwrap_or(today);
        // Doses of a series 4 weeks apart at least: a child seen late comes back 4 weeks later.
        let last_visit = store
            .data()
            .events_of_enrollment(child.enrollment)
            .map_err(|e| e.to_string())?
            .iter()
            .filter(|e| matches!(e.status, EventStatus::Completed | EventStatus::Active))
            .filter_map(|e| e.event_date)
            .max();
        let earliest = last_visit.map(|d| d + days(28)).unwrap_or(child.enrolled).max(child.enrolled);
        let date = (due + days(self.rng.range(0, 5))).max(earliest);
        if date > today {
            return Ok(None);
        }
        let new = NewEventForm {
            program: immunization::PROGRAM,
            stage: contact.program_stage,
            org_unit: HC,
            enrollment: Some(child.enrollment),
            event_date: date,
        };
        let (mut s, view) = match FormSession::new_event(store, new, &self.ctx) {
            Ok(opened) => opened,
            Err(e) if legitimate(&e) => return Ok(None),
            Err(e) => return Err(format!("immunization visit of {}: {e}", child.name)),
        };
        let doses: Vec<String> = immunization::CONTACTS
            .iter()
            .find(|(stage, _)| *stage == contact.program_stage)
            .map(|(_, doses)| doses.iter().map(|d| d.to_string()).collect())
            .unwrap_or_default();
        let mut values: Vec<(String, Option<String>)> = vec![
            (immunization::FEVER.to_string(), Some(bool_text(self.rng.chance(5)))),
            (immunization::SEVERE_REACTION.to_string(), Some("false".into())),
            (immunization::WEAK_IMMUNITY.to_string(), Some(bool_text(self.rng.chance(3)))),
        ];
        let mut missed = false;
        for dose in &doses {
            let given = self.rng.chance(90);
            missed |= !given;
            values.push((dose.clone(), Some(bool_text(given))));
        }
        if missed && view.fields.iter().any(|f| f.uid == NOT_GIVEN.as_str()) {
            values.push((NOT_GIVEN.to_string(), Some(self.rng.pick(&NOT_GIVEN_REASONS).to_string())));
        }
        let age = (date - child.birth).num_days() as f64;
        let weight = (3.2 + age * 0.018 + self.rng.range(-5, 5) as f64 / 10.0).max(2.0);
        values.push((immunization::CHILD_WEIGHT.to_string(), Some(format!("{weight:.1}"))));
        self.fill(store, &mut s, &values, &child.name)?;
        // Some visits are left open, to be finished later (values of an open visit can change).
        let completed = self.rng.chance(75) && self.finish(store, &mut s)?;
        self.discover(store, child.enrollment)?;
        Ok(Some(format!(
            "immunization visit of {} on {date}: {} ({})",
            child.name,
            view.title,
            if completed { "completed" } else { "left open" }
        )))
    }

    fn ncd_visit(&mut self, store: &mut Store) -> Attempt {
        let today = self.ctx.today();
        let adults = self.active_people(store, ncd::PROGRAM)?;
        if adults.is_empty() {
            return Ok(None);
        }
        let adult = self.rng.pick(&adults).clone();
        let events = store.data().events_of_enrollment(adult.enrollment).map_err(|e| e.to_string())?;
        let screening_waits =
            events.iter().any(|e| e.program_stage == ncd::SCREENING && e.status == EventStatus::Schedule);
        let last_visit = events.iter().filter_map(|e| e.event_date).max().unwrap_or(adult.enrolled);
        let (stage, date) = if screening_waits {
            (ncd::SCREENING, adult.enrolled)
        } else {
            let from = (today - days(self.rng.range(0, 10))).max(last_visit);
            (ncd::FOLLOW_UP, from.min(today))
        };
        let new = NewEventForm {
            program: ncd::PROGRAM,
            stage,
            org_unit: HC,
            enrollment: Some(adult.enrollment),
            event_date: date,
        };
        let (mut s, view) = match FormSession::new_event(store, new, &self.ctx) {
            Ok(opened) => opened,
            Err(e) if legitimate(&e) => return Ok(None),
            Err(e) => return Err(format!("NCD visit of {}: {e}", adult.name)),
        };
        let systolic = self.rng.range(100, 200);
        let diastolic = self.rng.range(60, (systolic - 25).min(125));
        let mut values: Vec<(String, Option<String>)> = vec![
            (ncd::SYSTOLIC.to_string(), Some(systolic.to_string())),
            (ncd::DIASTOLIC.to_string(), Some(diastolic.to_string())),
            (ncd::WEIGHT.to_string(), Some(format!("{}.{}", self.rng.range(40, 95), self.rng.below(10)))),
            (ncd::SMOKER.to_string(), Some(bool_text(self.rng.chance(20)))),
            (ncd::BP_MEDICINE.to_string(), Some(bool_text(self.rng.chance(40)))),
            (ncd::DIABETES_MEDICINE.to_string(), Some(bool_text(self.rng.chance(25)))),
        ];
        if stage == ncd::SCREENING {
            values.push((ncd::HEIGHT.to_string(), Some(self.rng.range(145, 185).to_string())));
        } else {
            values.push((ncd::MEDICINES_AS_PRESCRIBED.to_string(), Some(bool_text(self.rng.chance(80)))));
        }
        if self.rng.chance(60) {
            values.push((ncd::GLUCOSE.to_string(), Some(format!("{}.{}", self.rng.range(4, 14), self.rng.below(10)))));
        }
        self.fill(store, &mut s, &values, &adult.name)?;
        // The referral: none unless the rules hide "none" (a reading to refer today).
        let referral = s.view().fields.into_iter().find(|f| f.uid == ncd::REFERRAL.as_str());
        if let Some(f) = referral.filter(|f| f.editable && !f.hidden && f.value.is_none()) {
            if let Some(o) = f.options.first() {
                self.fill(store, &mut s, &[(f.uid.clone(), Some(o.code.clone()))], &adult.name)?;
            }
        }
        // Some visits are left open, to be finished later (values of an open visit can change).
        let completed = self.rng.chance(75) && self.finish(store, &mut s)?;
        self.discover(store, adult.enrollment)?;
        Ok(Some(format!(
            "NCD visit of {} on {date}: {} ({}), BP {systolic}/{diastolic}",
            adult.name,
            view.title,
            if completed { "completed" } else { "left open" }
        )))
    }

    // ---- edits of existing records ----

    /// Edits (or, with `clear`, clears) one value of an existing event: one already synced when
    /// there is one, most of the time for a clearing and half of the time for an edit.
    fn edit_event_value(&mut self, store: &mut Store, clear: bool) -> Attempt {
        let mut candidates = Vec::new();
        let mut synced = Vec::new();
        for (enrollment, uid) in &self.events {
            let Some(ev) = store.data().event(*uid).map_err(|e| e.to_string())? else { continue };
            // A completed visit is not edited (the form layer refuses); an open one is.
            if ev.deleted || ev.event_date.is_none() || ev.status != EventStatus::Active {
                continue;
            }
            if matches!(ev.sync_state, phum_core::store::data::SyncState::Synced) {
                synced.push((*enrollment, *uid));
            }
            candidates.push((*enrollment, *uid));
        }
        let prefer_synced = self.rng.chance(if clear { 80 } else { 50 });
        let pool = if !synced.is_empty() && prefer_synced { synced } else { candidates };
        if pool.is_empty() {
            return Ok(None);
        }
        let (enrollment, event) = *self.rng.pick(&pool);
        let name = self.person_name(enrollment);
        let (mut s, view) = match FormSession::open_event(store, event, &self.ctx) {
            Ok(opened) => opened,
            Err(e) if legitimate(&e) => return Ok(None),
            Err(e) => return Err(format!("opening a visit of {name}: {e}")),
        };
        if view.read_only_reason.is_some() {
            return Ok(None);
        }
        let fields: Vec<&FieldView> = view
            .fields
            .iter()
            .filter(|f| f.editable && !f.hidden && f.uid != phum_core::form::EVENT_DATE)
            .filter(|f| if clear { f.value.is_some() && !f.mandatory } else { true })
            .collect();
        if fields.is_empty() {
            return Ok(None);
        }
        let field = (*self.rng.pick(&fields)).clone();
        let new = if clear { None } else { self.value_for(&field) };
        if !clear && (new.is_none() || new == field.value) {
            return Ok(None);
        }
        let what = if clear { "clear" } else { "edit" };
        let kept = self.change(store, &mut s, &field, new.clone(), &name)?;
        Ok(kept.then(|| format!("{what} {} of {name}'s {}: {:?} -> {:?}", field.label, view.title, field.value, new)))
    }

    /// Completes a visit left open.
    fn complete_open_visit(&mut self, store: &mut Store) -> Attempt {
        let mut pool = Vec::new();
        for (enrollment, uid) in &self.events {
            let Some(ev) = store.data().event(*uid).map_err(|e| e.to_string())? else { continue };
            if !ev.deleted && ev.status == EventStatus::Active {
                pool.push((*enrollment, *uid));
            }
        }
        if pool.is_empty() {
            return Ok(None);
        }
        let (enrollment, event) = *self.rng.pick(&pool);
        let name = self.person_name(enrollment);
        let (mut s, view) = match FormSession::open_event(store, event, &self.ctx) {
            Ok(opened) => opened,
            Err(e) if legitimate(&e) => return Ok(None),
            Err(e) => return Err(format!("opening a visit of {name}: {e}")),
        };
        if view.read_only_reason.is_some() || !self.finish(store, &mut s)? {
            return Ok(None);
        }
        self.discover(store, enrollment)?;
        Ok(Some(format!("complete {name}'s open {}", view.title)))
    }

    /// Edits or clears a person's phone or Latin name (a registration stays editable).
    fn edit_person(&mut self, store: &mut Store) -> Attempt {
        if self.people.is_empty() {
            return Ok(None);
        }
        let p = self.rng.pick(&self.people).clone();
        let (mut s, view) = match FormSession::open_registration(store, p.enrollment, &self.ctx) {
            Ok(opened) => opened,
            Err(e) if legitimate(&e) => return Ok(None),
            Err(e) => return Err(format!("opening the registration of {}: {e}", p.name)),
        };
        let key = if self.rng.chance(50) { person::PHONE } else { person::NAME_LATIN };
        let Some(field) = view.fields.iter().find(|f| f.uid == key.as_str() && f.editable && !f.hidden).cloned() else {
            return Ok(None);
        };
        let new = if field.value.is_some() && self.rng.chance(50) { None } else { self.value_for(&field) };
        if new == field.value {
            return Ok(None);
        }
        let kept = self.change(store, &mut s, &field, new.clone(), &p.name)?;
        let what = if new.is_none() { "clear" } else { "edit" };
        Ok(kept.then(|| format!("{what} {} of {}: {:?} -> {:?}", field.label, p.name, field.value, new)))
    }

    /// Sets one field and keeps the change only when the rules show no error for it; on a
    /// completed form, fields the change made mandatory are filled. Returns whether it was kept.
    fn change(
        &mut self,
        store: &mut Store,
        s: &mut FormSession,
        field: &FieldView,
        new: Option<String>,
        name: &str,
    ) -> Result<bool, String> {
        match s.set_value(store, &field.uid, new.as_deref()) {
            Ok(_) => {}
            Err(e) if legitimate(&e) => return Ok(false),
            Err(e) => return Err(format!("changing {} of {name}: {e}", field.label)),
        }
        let view = s.view();
        if has_errors(&view) {
            s.set_value(store, &field.uid, field.value.as_deref())
                .map_err(|e| format!("taking back {} of {name}: {e}", field.label))?;
            if has_errors(&s.view()) {
                return Err(format!("{name}'s form shows errors after taking a change back: {:?}", s.view()));
            }
            return Ok(false);
        }
        if view.completed {
            self.fill_mandatory(store, s, name)?;
        }
        Ok(true)
    }

    fn person_name(&self, enrollment: Uid) -> String {
        self.people.iter().find(|p| p.enrollment == enrollment).map(|p| p.name.clone()).unwrap_or_default()
    }

    fn delete_event(&mut self, store: &mut Store) -> Attempt {
        let mut pool = Vec::new();
        for (enrollment, uid) in &self.events {
            let Some(ev) = store.data().event(*uid).map_err(|e| e.to_string())? else { continue };
            let active = store
                .data()
                .enrollment(*enrollment)
                .map_err(|e| e.to_string())?
                .is_some_and(|en| en.status == EnrollmentStatus::Active);
            if !ev.deleted && active && matches!(ev.status, EventStatus::Active | EventStatus::Completed) {
                pool.push((*enrollment, ev));
            }
        }
        if pool.is_empty() {
            return Ok(None);
        }
        let (enrollment, ev) = self.rng.pick(&pool).clone();
        let now = self.ctx.clock.now();
        store
            .write(|d| d.delete_event(ev.uid, now))
            .map_err(|e: DataError| format!("deleting a visit of {}: {e}", self.person_name(enrollment)))?;
        Ok(Some(format!(
            "delete {}'s {} visit of {}",
            self.person_name(enrollment),
            ev.status.as_str(),
            ev.event_date.map(|d| d.to_string()).unwrap_or_default()
        )))
    }

    fn complete_enrollment(&mut self, store: &mut Store) -> Attempt {
        let mut pool = self.active_people(store, immunization::PROGRAM)?;
        pool.extend(self.active_people(store, ncd::PROGRAM)?);
        if pool.is_empty() {
            return Ok(None);
        }
        let p = self.rng.pick(&pool).clone();
        match complete_enrollment(store, p.enrollment, &self.ctx) {
            Ok(_) => Ok(Some(format!("complete the enrollment of {}", p.name))),
            Err(e) if legitimate(&e) => Ok(None),
            Err(e) => Err(format!("completing the enrollment of {}: {e}", p.name)),
        }
    }

    // ---- VHSG monthly reports ----

    fn report(&mut self, store: &mut Store) -> Attempt {
        let (village, code) = *self.rng.pick(&org_units::TRAINEE_VILLAGES);
        let mut period = Period::containing(PeriodType::Monthly, self.ctx.today());
        for _ in 0..self.rng.below(4) {
            period = period.previous();
        }
        let iso = period.iso();
        let (mut s, view) = match FormSession::open_data_set(store, vhsg::DATA_SET, village, &iso, None, &self.ctx) {
            Ok(opened) => opened,
            Err(e) if legitimate(&e) => return Ok(None),
            Err(e) => return Err(format!("opening the VHSG report of {code} for {iso}: {e}")),
        };
        if view.read_only_reason.is_some() {
            return Ok(None);
        }
        let label = format!("VHSG report of village {code} for {iso}");
        if view.fields.iter().all(|f| f.value.is_none()) {
            let values = self.report_values();
            self.fill(store, &mut s, &values, &label)?;
            return Ok(Some(format!("fill the {label}")));
        }
        let roll = self.rng.below(100);
        if roll < 20 && !view.completed {
            return Ok(match s.complete(store) {
                Ok(_) => Some(format!("complete the {label}")),
                Err(e) if legitimate(&e) => None,
                Err(e) => return Err(format!("completing the {label}: {e}")),
            });
        }
        let free: Vec<FieldView> = view
            .fields
            .iter()
            .filter(|f| f.editable && FREE_CELLS.iter().any(|de| f.uid.starts_with(de.as_str())))
            .cloned()
            .collect();
        let clear = roll >= 75;
        let pool: Vec<FieldView> = free.into_iter().filter(|f| !clear || f.value.is_some()).collect();
        if pool.is_empty() {
            return Ok(None);
        }
        let field = self.rng.pick(&pool).clone();
        let new = if clear { None } else { Some(self.cell_value(&field.uid)) };
        if new == field.value {
            return Ok(None);
        }
        let kept = self.change(store, &mut s, &field, new.clone(), &label)?;
        let what = if clear { "clear" } else { "edit" };
        Ok(kept.then(|| format!("{what} {} of the {label}: {:?} -> {:?}", field.uid, field.value, new)))
    }

    /// A plausible new value for one of the [`FREE_CELLS`] of a village's month.
    fn cell_value(&mut self, key: &str) -> String {
        let (lo, hi) = match key {
            _ if key.starts_with(vhsg::DEATHS.as_str()) => (0, 1),
            _ if key.starts_with(vhsg::HOUSEHOLDS_VISITED.as_str()) => (20, 60),
            _ if key.starts_with(vhsg::EDUCATION_SESSIONS.as_str()) => (1, 4),
            _ => (0, 3),
        };
        self.rng.range(lo, hi).to_string()
    }

    /// A whole report that passes the data set's validation rules (vaccinated children at most
    /// the children under 2, antenatal referrals at most the pregnant women).
    fn report_values(&mut self) -> Vec<(String, Option<String>)> {
        let mut out = Vec::new();
        let mut put = |de: Uid, coc: Uid, n: i64| out.push((format!("{de}.{coc}"), Some(n.to_string())));
        for coc in [vhsg::MALE, vhsg::FEMALE] {
            let living = self.rng.range(10, 35);
            put(vhsg::LIVE_BIRTHS, coc, self.rng.range(0, 2));
            put(vhsg::CHILDREN_UNDER_2, coc, living);
            put(vhsg::CHILDREN_VACCINATED, coc, self.rng.range(0, living.min(8)));
            put(vhsg::REFERRED_NCD, coc, self.rng.range(0, 3));
        }
        for coc in vhsg::SEX_AGE {
            put(vhsg::DEATHS, coc, i64::from(self.rng.chance(8)));
            put(vhsg::SICK_REFERRED, coc, self.rng.range(0, 2));
        }
        let pregnant = self.rng.range(1, 12);
        put(vhsg::PREGNANT_WOMEN, vhsg::DEFAULT_COMBO, pregnant);
        put(vhsg::REFERRED_ANTENATAL, vhsg::DEFAULT_COMBO, self.rng.range(0, pregnant.min(4)));
        put(vhsg::HOUSEHOLDS_VISITED, vhsg::DEFAULT_COMBO, self.rng.range(20, 60));
        put(vhsg::EDUCATION_SESSIONS, vhsg::DEFAULT_COMBO, self.rng.range(1, 4));
        out
    }

    // ---- filling and completing forms ----

    /// Sets `values` in order; a field the rules made read-only or hidden is left as the rules
    /// say.
    fn fill(
        &mut self,
        store: &mut Store,
        s: &mut FormSession,
        values: &[(String, Option<String>)],
        name: &str,
    ) -> Result<(), String> {
        for (field, value) in values {
            match s.set_value(store, field, value.as_deref()) {
                Ok(_) => {}
                Err(FormError::ReadOnlyField { .. } | FormError::HiddenField { .. }) => {}
                Err(e) => return Err(format!("{name}: setting {field} to {value:?}: {e}")),
            }
        }
        Ok(())
    }

    /// Completes the form, answering its refusals as a health worker would: an empty mandatory
    /// field is filled, a value a rule shows an error on is cleared. Returns whether the form is
    /// complete (false: the rules still refuse, the form stays open).
    fn finish(&mut self, store: &mut Store, s: &mut FormSession) -> Result<bool, String> {
        for _ in 0..5 {
            let reasons = match s.complete(store) {
                Ok(_) => return Ok(true),
                Err(FormError::CompletionRefused { reasons, .. }) => reasons,
                Err(e) if legitimate(&e) => return Ok(false),
                Err(e) => return Err(format!("completing {}: {e}", s.record())),
            };
            let view = s.view();
            for reason in reasons {
                let key = match &reason {
                    Refusal::MandatoryEmpty { field, .. } | Refusal::FieldError { field, .. } => field.clone(),
                    _ => return Ok(false),
                };
                let Some(field) = view.fields.iter().find(|f| f.uid == key && f.editable && !f.hidden) else {
                    return Ok(false);
                };
                let value = match reason {
                    Refusal::MandatoryEmpty { .. } => self.value_for(field),
                    _ => None,
                };
                match s.set_value(store, &key, value.as_deref()) {
                    Ok(_) => {}
                    Err(e) if legitimate(&e) => return Ok(false),
                    Err(e) => return Err(format!("answering a refusal of {}: {e}", s.record())),
                }
            }
        }
        Ok(false)
    }

    /// Fills the empty mandatory fields of a form (a rule may make a field mandatory).
    fn fill_mandatory(&mut self, store: &mut Store, s: &mut FormSession, name: &str) -> Result<(), String> {
        let view = s.view();
        for f in view.fields.iter().filter(|f| f.mandatory && f.editable && !f.hidden && f.value.is_none()) {
            let value = self.value_for(f);
            self.fill(store, s, &[(f.uid.clone(), value)], name)?;
        }
        Ok(())
    }

    /// A plausible value for a field: by data element or attribute where the rules constrain it,
    /// else by its options or value type.
    fn value_for(&mut self, f: &FieldView) -> Option<String> {
        let uid = f.uid.as_str();
        let decimal = |rng: &mut Rng, lo: i64, hi: i64| format!("{}.{}", rng.range(lo, hi), rng.below(10));
        let value = match uid {
            _ if uid == ncd::SYSTOLIC.as_str() => self.rng.range(125, 170).to_string(),
            _ if uid == ncd::DIASTOLIC.as_str() => self.rng.range(65, 95).to_string(),
            _ if uid == ncd::WEIGHT.as_str() => decimal(&mut self.rng, 40, 95),
            _ if uid == ncd::HEIGHT.as_str() => self.rng.range(145, 185).to_string(),
            _ if uid == ncd::GLUCOSE.as_str() => decimal(&mut self.rng, 4, 14),
            _ if uid == immunization::CHILD_WEIGHT.as_str() => {
                let current = f.value.as_deref().and_then(|v| v.parse::<f64>().ok()).unwrap_or(6.0);
                format!("{:.1}", (current + self.rng.range(-3, 3) as f64 / 10.0).max(2.0))
            }
            _ if uid == person::PHONE.as_str() => {
                format!("0{} {:03} {:03}", self.rng.range(10, 99), self.rng.range(0, 999), self.rng.range(0, 999))
            }
            _ if uid == person::NAME_LATIN.as_str() => {
                self.serial += 1;
                format!("{} {} {}", self.rng.pick(&FAMILY_LATIN), self.rng.pick(&LATIN_NAMES), self.serial)
            }
            _ if !f.options.is_empty() => self.rng.pick(&f.options).code.clone(),
            _ => match f.value_type {
                ValueType::Boolean => bool_text(self.rng.chance(50)),
                ValueType::TrueOnly => "true".into(),
                ValueType::IntegerZeroOrPositive | ValueType::IntegerPositive | ValueType::Integer => {
                    self.rng.range(1, 30).to_string()
                }
                ValueType::Number => self.rng.range(1, 30).to_string(),
                ValueType::Date => self.ctx.today().to_string(),
                ValueType::Text | ValueType::LongText => "note".into(),
                _ => return None,
            },
        };
        Some(value)
    }
}

fn days(n: i64) -> Duration {
    Duration::days(n)
}

fn bool_text(b: bool) -> String {
    if b { "true" } else { "false" }.into()
}

/// Errors of the form layer that are legitimate refusals (pick another action), not defects.
fn legitimate(e: &FormError) -> bool {
    matches!(
        e,
        FormError::HiddenField { .. }
            | FormError::ReadOnlyField { .. }
            | FormError::OptionHidden { .. }
            | FormError::PeriodInFuture { .. }
            | FormError::PeriodExpired { .. }
            | FormError::PeriodClosed { .. }
            | FormError::AlreadyCompleted { .. }
            | FormError::CompletionRefused { .. }
            | FormError::StageNotRepeatable { .. }
            | FormError::EnrollmentNotActive { .. }
            | FormError::EnrollmentStatusUnchanged { .. }
    )
}

/// Whether a form shows an error (on a field or on the whole form).
pub fn has_errors(view: &FormView) -> bool {
    view.fields.iter().any(|f| !f.errors.is_empty())
        || view.messages.iter().any(|m| m.kind == phum_core::form::MessageKind::Error)
}

/// Whether a form passes the form layer's own checks: no rule error, and when it is completed, no
/// empty mandatory field shown. Returns what is wrong.
pub fn form_problems(view: &FormView) -> Vec<String> {
    let mut out = Vec::new();
    for f in &view.fields {
        for e in &f.errors {
            out.push(format!("{}: {} shows an error: {}", view.title, f.label, e.text));
        }
        if view.completed && f.mandatory && !f.hidden && f.value.is_none() {
            out.push(format!("{}: {} is mandatory and empty on a completed form", view.title, f.label));
        }
    }
    for m in view.messages.iter().filter(|m| m.kind == phum_core::form::MessageKind::Error) {
        out.push(format!("{}: {}", view.title, m.text));
    }
    out
}

/// What [`settle_all_as_stored`] settled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Settled {
    /// Tracker records settled (people, enrollments, events; deletions included).
    pub records: usize,
    /// Event deletions among them.
    pub deletions: usize,
    /// Values cleared on records the server had, sent empty: attribute values of people, data
    /// values of events.
    pub cleared_attribute_values: usize,
    pub cleared_data_values: usize,
    /// Aggregate values settled, and how many of them were clearings.
    pub aggregate_values: usize,
    pub cleared_aggregate_values: usize,
    pub completions: usize,
}

/// Settles everything waiting as a server that stored it all would: the records are marked
/// UPLOADING and read (`Data::take_for_upload`, `take_aggregate`, `take_completion`), then
/// settled `Stored` exactly as an upload's answer is (SYNCED; a deletion removed; cleared values
/// forgotten). For tests that need synced records without a server.
pub fn settle_all_as_stored(store: &mut Store, now: Timestamp) -> Result<Settled, String> {
    store
        .write(|d| {
            let mut n = Settled::default();
            let waiting = d.waiting_tracker()?;
            n.deletions = waiting.iter().filter(|w| w.deleted).count();
            let batch = d.take_for_upload(&waiting)?;
            let mut records: Vec<(RecordKind, Uid)> = Vec::new();
            for (te, values) in &batch.people {
                records.push((RecordKind::TrackedEntity, te.uid));
                n.cleared_attribute_values += values.cleared.len();
            }
            records.extend(batch.enrollments.iter().map(|en| (RecordKind::Enrollment, en.uid)));
            for (ev, values) in &batch.events {
                records.push((RecordKind::Event, ev.uid));
                n.cleared_data_values += values.cleared.len();
            }
            for (kind, uid) in records {
                n.records += usize::from(d.settle(kind, uid, &Outcome::Stored, None, now)?);
            }
            let keys: Vec<AggregateKey> = d.waiting_aggregate()?.into_iter().map(|(k, _)| k).collect();
            for (key, value) in d.take_aggregate(&keys)? {
                n.cleared_aggregate_values += usize::from(value.is_none());
                n.aggregate_values += usize::from(d.settle_aggregate(&key, &Outcome::Stored, now)?);
            }
            for (form, _, _) in d.waiting_completions()? {
                if d.take_completion(&form)? {
                    n.completions += usize::from(d.settle_completion(&form, &Outcome::Stored, now)?);
                }
            }
            Ok(n)
        })
        .map_err(|e: DataError| e.to_string())
}
