//! Finding a person by name or phone (Khmer or Latin, as the core's search reads them), or
//! registering a new child (immunization) or adult (NCD) in the village; and a person's label:
//! the attributes the tracked entity type shows in lists (the name first), dates as the reader
//! reads them.
//!
//! Owns the search and register dialogue. Does not own search or registration (the core).

use phum_core::form::{FormSession, RecordRef};
use phum_core::i18n::{Localize, Message, ScreenText};
use phum_core::model::Uid;
use phum_core::msg;
use phum_core::search::query::{search, search_target, MatchMode, SearchOptions, SearchScope};

use super::fill::{fill, problem};
use super::prompt::NoAnswer;
use super::screen::Tone;
use super::{Demo, Person, Ui};

/// How many people a search shows.
const SHOWN: usize = 9;

/// Search, then choose a person or register a new one. Sets `demo.person`.
pub fn find_or_register(ui: &mut Ui, demo: &mut Demo) -> Result<(), NoAnswer> {
    ui.screen.heading(&msg!("demo-person-title", village = demo.village_name()));
    let text = ui.prompter.text(&mut ui.screen, &Message::new("demo-person-search"))?;
    let people = match found(demo, &text) {
        Ok(people) => people,
        Err(message) => {
            ui.screen.say(Tone::Error, &message);
            Vec::new()
        }
    };
    if people.is_empty() {
        ui.screen.say(Tone::Quiet, &msg!("demo-person-none", text = text.as_str()));
    }
    // Registering comes first, so that its numbers do not depend on who was found.
    let mut programs = vec![(demo.setup.immunization, Message::new("demo-register-child"))];
    programs.extend(demo.setup.ncd.map(|(p, _)| (p, Message::new("demo-register-adult"))));
    for (i, (_, label)) in programs.iter().enumerate() {
        let label = ui.screen.text(label);
        ui.screen.choice(i + 1, &label);
    }
    for (i, person) in people.iter().enumerate() {
        ui.screen.choice(programs.len() + i + 1, &person.label);
    }
    let label = ui.screen.text(&ScreenText::Back.message());
    ui.screen.choice(0, &label);
    let last = programs.len() + people.len();
    match ui.prompter.number(&mut ui.screen, &Message::new("demo-person-choose"), last)? {
        0 => Ok(()),
        n if n <= programs.len() => register(ui, demo, programs[n - 1].0),
        n => {
            let person = people[n - 1 - programs.len()].clone();
            ui.screen.say(Tone::Good, &msg!("demo-person-chosen", person = person.label.as_str()));
            demo.person = Some(person);
            Ok(())
        }
    }
}

/// The people of the village whose name or phone matches `text`.
fn found(demo: &Demo, text: &str) -> Result<Vec<Person>, Message> {
    let target = search_target(&demo.store, SearchScope::Program(demo.setup.immunization)).map_err(|e| e.message())?;
    let options = SearchOptions { mode: MatchMode::Prefix, limit: 200, org_units: vec![demo.setup.health_centre.uid] };
    let result = search(&demo.store.data(), &target, text, &options).map_err(|e| e.message())?;
    let mut people: Vec<Person> = Vec::new();
    for hit in result.hits {
        if people.iter().any(|p| p.tracked_entity == hit.tracked_entity) || !demo.lives_in_village(hit.tracked_entity) {
            continue;
        }
        people.push(Person { tracked_entity: hit.tracked_entity, label: label(demo, hit.tracked_entity) });
        if people.len() == SHOWN {
            break;
        }
    }
    Ok(people)
}

/// A person as lists show them: the values of the attributes their type shows in lists.
pub fn label(demo: &Demo, person: Uid) -> String {
    let locale = demo.locale;
    let Ok(values) = phum_core::search::card::shown_values(&demo.store, person, locale) else {
        return String::from("?");
    };
    let mut parts: Vec<String> = values.into_iter().map(|v| v.shown).collect();
    // The name in the reader's script first: a Latin-letter name first in English.
    if locale.lang == phum_core::i18n::Lang::En {
        if let Some(i) = parts.iter().position(|p| p.is_ascii()) {
            let latin = parts.remove(i);
            parts.insert(0, latin);
        }
    }
    match parts.split_first() {
        None => String::from("?"),
        Some((first, [])) => first.clone(),
        Some((first, rest)) => format!("{first} ({})", rest.join(", ")),
    }
}

/// A new person in `program` at the village: the registration form, then they are the person
/// looked at.
fn register(ui: &mut Ui, demo: &mut Demo, program: Uid) -> Result<(), NoAnswer> {
    let today = demo.ctx.today();
    let centre = demo.setup.health_centre.uid;
    let opened = FormSession::new_registration(&mut demo.store, program, centre, today, today, &demo.ctx);
    let mut session = match opened {
        Ok((session, _)) => session,
        Err(e) => {
            let text = problem(&e, &[], demo);
            ui.screen.write(Tone::Error, 0, &text);
            return Ok(());
        }
    };
    // The person lives in the village picked.
    if let (Some(attribute), Some(code)) = (demo.setup.village_attribute, &demo.setup.villages[demo.village].code) {
        let code = code.clone();
        if let Err(e) = session.set_value(&mut demo.store, attribute.as_str(), Some(&code)) {
            let text = problem(&e, &session.view().fields, demo);
            ui.screen.write(Tone::Error, 0, &text);
        }
    }
    fill(ui, demo, &mut session, None)?;
    if let RecordRef::Enrollment { tracked_entity, .. } = session.record() {
        let person = Person { tracked_entity: *tracked_entity, label: label(demo, *tracked_entity) };
        ui.screen.say(Tone::Good, &msg!("demo-person-chosen", person = person.label.as_str()));
        demo.person = Some(person);
    }
    Ok(())
}
