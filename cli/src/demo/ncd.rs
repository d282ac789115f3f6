//! An adult's blood-pressure visit in the NCD program: today's visit form of the person's
//! enrollment, filled with the rules' messages after each value (high blood pressure, referral,
//! BMI, blood glucose), then completed.
//!
//! Owns choosing the visit. Does not own the form (the core) or the dialogue (`fill`).

use phum_core::msg;
use phum_core::schedule::{enrollment_dashboard, EventState};

use super::card::{continue_visit, enrollment_in, person, visit};
use super::prompt::NoAnswer;
use super::screen::Tone;
use super::{Demo, Ui};

pub fn blood_pressure_visit(ui: &mut Ui, demo: &mut Demo) -> Result<(), NoAnswer> {
    let Some((program, stage)) = demo.setup.ncd else { return Ok(()) };
    let Some(person) = person(ui, demo)? else { return Ok(()) };
    let Some(enrollment) = enrollment_in(demo, person.tracked_entity, program) else {
        ui.screen.say(Tone::Warning, &msg!("demo-ncd-not-enrolled", person = person.label.as_str()));
        return Ok(());
    };
    ui.screen.heading(&msg!("demo-ncd-title", person = person.label.as_str()));
    // A visit started and not completed (the screening opened at registration) first; then the
    // first visit while it is missing; then follow-up visits.
    let stages = enrollment_dashboard(&demo.store, enrollment, demo.ctx.today(), &[], demo.ctx.locale.lang)
        .map(|board| board.stages)
        .unwrap_or_default();
    let started = stages.iter().flat_map(|s| &s.events).find(|e| e.state == EventState::Open);
    if let Some(event) = started {
        return continue_visit(ui, demo, event.event);
    }
    let first = stages.iter().find(|s| s.missing).map(|s| s.stage);
    visit(ui, demo, program, first.unwrap_or(stage), enrollment)
}
