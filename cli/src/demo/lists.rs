//! The village's lists: the overdue visits of each program (people by name, the visit, its due
//! date, days overdue) and what would be sent to the server from the demo account (counts by
//! kind, then each person's records), with "training mode: nothing is sent".
//!
//! Owns these two screens. Does not own the lists or the sync states (the core).

use phum_core::i18n::{name_in, Localize, Message};
use phum_core::model::value_type::EventStatus;
use phum_core::model::{Program, Uid};
use phum_core::msg;
use phum_core::schedule::{self, Page};
use phum_core::store::data::SyncState;

use super::card::stage_name;
use super::screen::Tone;
use super::{people, report, Demo, Ui};

/// How many overdue visits a program's list shows.
const OVERDUE_SHOWN: usize = 30;

/// The programs of the demo, with their names in the reader's language.
fn programs(demo: &Demo) -> Vec<(Uid, String)> {
    let mut uids = vec![demo.setup.immunization];
    uids.extend(demo.setup.ncd.map(|(p, _)| p));
    uids.into_iter()
        .map(|uid| {
            let name = match demo.store.get::<Program>(uid) {
                Ok(Some(p)) => name_in(&p.identity, demo.locale.lang),
                _ => String::new(),
            };
            (uid, name)
        })
        .collect()
}

pub fn overdue(ui: &mut Ui, demo: &mut Demo) {
    ui.screen.heading(&msg!("demo-overdue-title", village = demo.village_name()));
    for (program, name) in programs(demo) {
        ui.screen.blank();
        ui.screen.write(Tone::Heading, 0, &name);
        let today = demo.ctx.today();
        let centre = demo.setup.health_centre.uid;
        let list = match schedule::overdue(
            &demo.store,
            program,
            centre,
            today,
            Page::first(Page::MAX_LIMIT),
            demo.ctx.locale.lang,
        ) {
            Ok(list) => list,
            Err(e) => {
                ui.screen.write(Tone::Error, 2, &e.localized(demo.locale));
                continue;
            }
        };
        let rows: Vec<_> = list.rows.iter().filter(|r| demo.lives_in_village(r.tracked_entity)).collect();
        if rows.is_empty() {
            ui.screen.say(Tone::Good, &Message::new("demo-overdue-none"));
        }
        for row in rows.iter().take(OVERDUE_SHOWN) {
            let person = people::label(demo, row.tracked_entity);
            let stage = stage_name(demo, row.program_stage, &row.stage_name);
            let line = ui.screen.text(&msg!(
                "demo-overdue-row",
                person = person.as_str(),
                visit = stage.as_str(),
                date = row.due_date,
                days = msg!("unit-days", count = row.days_overdue)
            ));
            ui.screen.write(Tone::Plain, 2, &line);
        }
        if rows.len() > OVERDUE_SHOWN {
            let more = rows.len() - OVERDUE_SHOWN;
            ui.screen.say(Tone::Quiet, &msg!("demo-overdue-more", count = more));
        }
    }
}

/// The pending records of one person.
struct Pending {
    person: String,
    items: Vec<Message>,
}

fn pending(state: SyncState) -> bool {
    state != SyncState::Synced
}

/// Every record of the health centre's villages that a sync would send.
#[allow(clippy::type_complexity)]
fn outbox_of(
    demo: &mut Demo,
) -> Result<(Vec<Pending>, Vec<(Message, usize)>, [usize; 4]), phum_core::store::data::DataError> {
    let values = report::pending_values(demo);
    let mut people_pending = Vec::new();
    // people, enrollments, visits, report values
    let mut counts = [0usize; 4];
    let data = demo.store.data();
    {
        for (program, _) in programs(demo) {
            for enrollment in data.enrollments_in(program, demo.setup.health_centre.uid)? {
                let mut items = Vec::new();
                if let Some(te) = data.tracked_entity(enrollment.tracked_entity)? {
                    if pending(te.sync_state) && !items.iter().any(|m: &Message| m.id == "demo-outbox-registration") {
                        counts[0] += 1;
                        items.push(Message::new("demo-outbox-registration"));
                    }
                }
                if pending(enrollment.sync_state) {
                    counts[1] += 1;
                    let name = programs(demo).into_iter().find(|(p, _)| *p == program).map(|(_, n)| n);
                    items.push(msg!("demo-outbox-enrollment", program = name.unwrap_or_default()));
                }
                for event in data.events_of_enrollment(enrollment.uid)? {
                    if pending(event.sync_state) && !(event.deleted && event.sync_state == SyncState::ToPost) {
                        counts[2] += 1;
                        let stage = stage_name(demo, event.program_stage, "");
                        items.push(if event.status == EventStatus::Schedule {
                            msg!("demo-outbox-scheduled", visit = stage.as_str())
                        } else {
                            msg!("demo-outbox-visit", visit = stage.as_str())
                        });
                    }
                }
                if !items.is_empty() {
                    people_pending.push(Pending { person: people::label(demo, enrollment.tracked_entity), items });
                }
            }
        }
    }
    counts[3] = values.iter().map(|(_, n)| n).sum();
    Ok((people_pending, values, counts))
}

pub fn outbox(ui: &mut Ui, demo: &mut Demo) {
    ui.screen.heading(&msg!("demo-outbox-title", health_centre = demo.setup.health_centre.name.as_str()));
    let (people, reports, counts) = match outbox_of(demo) {
        Ok(found) => found,
        Err(e) => {
            ui.screen.write(Tone::Error, 0, &e.localized(demo.locale));
            return;
        }
    };
    ui.screen.say(
        Tone::Plain,
        &msg!(
            "demo-outbox-counts",
            people = counts[0],
            enrollments = counts[1],
            visits = counts[2],
            values = counts[3]
        ),
    );
    for p in &people {
        let line = ui.screen.text(&msg!("demo-outbox-person", person = p.person.as_str(), records = p.items.clone()));
        ui.screen.write(Tone::Plain, 2, &line);
    }
    for (report, count) in reports {
        let line = ui.screen.text(&msg!("demo-outbox-report", report = report, count = count));
        ui.screen.write(Tone::Plain, 2, &line);
    }
    ui.screen.blank();
    // Sending goes through the core's one gate to a server, which refuses practice data.
    match phum_core::sync::connect_target(&demo.store, &phum_core::store::Account::Demo) {
        Err(phum_core::sync::SyncError::DemoAccount) => {
            ui.screen.say(Tone::Warning, &Message::new("demo-outbox-not-sent"))
        }
        Ok(_) => ui.screen.say(Tone::Error, &Message::new("demo-outbox-not-a-demo")),
        // The gate answers only DemoAccount or a target; any other error is shown as it is.
        Err(other) => ui.screen.say(Tone::Error, &other.message()),
    }
}
