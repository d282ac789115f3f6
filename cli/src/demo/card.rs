//! A child's immunization card (every contact of the schedule: given on which date, due, or
//! overdue by how many days, by the stage's name in the reader's language) and recording a
//! vaccination visit: the contact is chosen from the card, the visit's form filled with the
//! rules' messages after each value, then completed (the core schedules the next contact).
//!
//! Owns the card and visit dialogue. Does not own the schedule or the form (the core).

use phum_core::form::{FormSession, NewEventForm};
use phum_core::i18n::{name_in, Localize, Message, ScreenText};
use phum_core::model::{ProgramStage, Uid};
use phum_core::msg;
use phum_core::schedule::{enrollment_dashboard, EventState, StageRow};

use super::fill::{fill, problem};
use super::prompt::NoAnswer;
use super::screen::Tone;
use super::{people, Demo, Person, Ui};

/// The person looked at; when there is none, the trainee finds one first.
pub fn person(ui: &mut Ui, demo: &mut Demo) -> Result<Option<Person>, NoAnswer> {
    if demo.person.is_none() {
        people::find_or_register(ui, demo)?;
    }
    Ok(demo.person.clone())
}

/// The person's active enrollment in `program`, if any.
pub fn enrollment_in(demo: &Demo, person: Uid, program: Uid) -> Option<Uid> {
    let enrollments = demo.store.data().enrollments_of(person).ok()?;
    enrollments.iter().filter(|e| e.program == program && !e.deleted).map(|e| e.uid).next_back()
}

/// A stage's name in the reader's language.
pub fn stage_name(demo: &Demo, stage: Uid, fallback: &str) -> String {
    match demo.store.get::<ProgramStage>(stage) {
        Ok(Some(s)) => name_in(&s.identity, demo.locale.lang),
        _ => fallback.to_string(),
    }
}

pub fn immunization(ui: &mut Ui, demo: &mut Demo) -> Result<(), NoAnswer> {
    let Some(person) = person(ui, demo)? else { return Ok(()) };
    let program = demo.setup.immunization;
    let Some(enrollment) = enrollment_in(demo, person.tracked_entity, program) else {
        ui.screen.say(Tone::Warning, &msg!("demo-card-not-enrolled", person = person.label.as_str()));
        return Ok(());
    };
    ui.screen.heading(&msg!("demo-card-title", person = person.label.as_str()));
    let board = match enrollment_dashboard(&demo.store, enrollment, demo.ctx.today(), &[], demo.ctx.locale.lang) {
        Ok(board) => board,
        Err(e) => {
            ui.screen.write(Tone::Error, 0, &e.localized(demo.locale));
            return Ok(());
        }
    };
    // The stages a visit can be recorded in, with the visit already started there.
    let mut open: Vec<(Uid, Option<Uid>)> = Vec::new();
    for stage in &board.stages {
        let name = stage_name(demo, stage.stage, &stage.name);
        let started = stage.events.iter().find(|e| e.state == EventState::Open);
        let (tone, state) = match started {
            Some(_) => (Tone::Warning, ScreenText::EventOpen.message()),
            None => stage_state(demo, stage),
        };
        let line = ui.screen.text(&msg!("demo-field-value", field = name, value = state));
        if stage.missing || stage.repeatable || started.is_some() {
            open.push((stage.stage, started.map(|e| e.event)));
            ui.screen.choice(open.len(), &line);
            continue;
        }
        ui.screen.write(tone, 5, &line);
    }
    let text = ui.screen.text(&ScreenText::Back.message());
    ui.screen.choice(0, &text);
    let chosen = ui.prompter.number(&mut ui.screen, &Message::new("demo-card-choose"), open.len())?;
    if chosen == 0 {
        return Ok(());
    }
    match open[chosen - 1] {
        (_, Some(event)) => continue_visit(ui, demo, event),
        (stage, None) => visit(ui, demo, program, stage, enrollment),
    }
}

/// What the card says of a stage, and its colour.
fn stage_state(demo: &Demo, stage: &StageRow) -> (Tone, Message) {
    let given: Vec<_> = stage.events.iter().filter(|e| e.state.is_done()).filter_map(|e| e.event_date).collect();
    if let Some(last) = given.last() {
        if !stage.repeatable || stage.due_date.is_none() {
            return (Tone::Good, ScreenText::EventCompletedOn { date: *last }.message());
        }
    }
    let late = stage.events.iter().find(|e| e.state == EventState::Overdue);
    match (stage.due_date, late.and_then(|e| e.days_overdue)) {
        (Some(due), Some(days)) => (Tone::Error, overdue(due, days)),
        (Some(due), None) if stage.overdue => {
            let days = (demo.ctx.today() - due).num_days();
            (Tone::Error, overdue(due, days))
        }
        (Some(due), None) => (Tone::Plain, ScreenText::EventScheduled { date: due }.message()),
        (None, _) if stage.events.iter().any(|e| e.state == EventState::Skipped) => {
            (Tone::Quiet, ScreenText::EventSkipped.message())
        }
        (None, _) => (Tone::Quiet, Message::new("demo-card-not-due")),
    }
}

/// "Overdue since {date} ({days} days)".
fn overdue(due: chrono::NaiveDate, days: i64) -> Message {
    ScreenText::EventOverdue { date: due, days: u32::try_from(days).unwrap_or(0) }.message()
}

/// A visit started earlier and not completed: its form again.
pub fn continue_visit(ui: &mut Ui, demo: &mut Demo, event: Uid) -> Result<(), NoAnswer> {
    match FormSession::open_event(&mut demo.store, event, &demo.ctx) {
        Ok((mut session, _)) => fill(ui, demo, &mut session, None).map(|_| ()),
        Err(e) => {
            let text = problem(&e, &[], demo);
            ui.screen.write(Tone::Error, 0, &text);
            Ok(())
        }
    }
}

/// A visit today in `stage` of the enrollment: the form, filled and completed.
pub fn visit(ui: &mut Ui, demo: &mut Demo, program: Uid, stage: Uid, enrollment: Uid) -> Result<(), NoAnswer> {
    let new = NewEventForm {
        program,
        stage,
        org_unit: demo.setup.health_centre.uid,
        enrollment: Some(enrollment),
        event_date: demo.ctx.today(),
    };
    match FormSession::new_event(&mut demo.store, new, &demo.ctx) {
        Ok((mut session, _)) => fill(ui, demo, &mut session, None).map(|_| ()),
        Err(e) => {
            let text = problem(&e, &[], demo);
            ui.screen.write(Tone::Error, 0, &text);
            Ok(())
        }
    }
}
