//! An adult's blood-pressure visit in the NCD program: today's visit form of the person's
//! enrollment, filled with the rules' messages after each value (high blood pressure, referral,
//! BMI, blood glucose), then completed.
//!
//! Owns choosing the visit. Does not own the form (the core) or the dialogue (`fill`).

use phum_core::msg;

use super::card::{enrollment_in, person, visit};
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
    visit(ui, demo, program, stage, enrollment)
}
