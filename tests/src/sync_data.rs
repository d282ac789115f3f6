//! Bulk sync data for benchmarks: people of the demo dataset's child immunization program as the
//! server exports them (for the server to hold), and the same shape written straight into a
//! device's store (for a device to send). Values are valid for the demo metadata.
//!
//! Owns generating these records. Does not own the server (`dhis2_server`) or timing.

use phum_core::demo::dataset::{immunization, org_units, person};
use phum_core::model::value_type::EventStatus;
use phum_core::model::{DeviceClock, Uid};
use phum_core::store::data::tracker::NewEvent;
use phum_core::store::data::DataError;
use phum_core::store::Store;
use serde_json::{json, Value};

use crate::rng::Rng;

/// The first `n` contacts of the schedule, with their doses.
fn contacts(n: usize) -> &'static [(Uid, &'static [Uid])] {
    &immunization::CONTACTS[..n.min(immunization::CONTACTS.len())]
}

fn uid(rng: &mut Rng) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const ALNUM: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut s = String::with_capacity(11);
    s.push(LETTERS[rng.below(LETTERS.len())] as char);
    for _ in 0..10 {
        s.push(ALNUM[rng.below(ALNUM.len())] as char);
    }
    s
}

/// `people` children (2.41 nested export shape), each with an enrollment and `events` visits with
/// their doses given, at the trainee's health centre; seeded.
pub fn server_people(people: usize, events: usize, seed: u64) -> Vec<Value> {
    let mut rng = Rng::new(seed);
    let hc = org_units::TRAINEE_HEALTH_CENTRE.as_str();
    (0..people)
        .map(|i| {
            let te = uid(&mut rng);
            let enrollment = uid(&mut rng);
            let visits: Vec<Value> = contacts(events)
                .iter()
                .map(|(stage, doses)| {
                    json!({
                        "event": uid(&mut rng), "program": immunization::PROGRAM.as_str(), "programStage": stage.as_str(),
                        "orgUnit": hc, "status": "COMPLETED", "occurredAt": "2026-01-15T00:00:00.000",
                        "dataValues": doses.iter().map(|d| json!({"dataElement": d.as_str(), "value": "true"})).collect::<Vec<_>>(),
                    })
                })
                .collect();
            json!({
                "trackedEntity": te, "trackedEntityType": person::TYPE.as_str(), "orgUnit": hc,
                "attributes": [
                    {"attribute": person::NAME_KHMER.as_str(), "value": format!("កុមារ {i}")},
                    {"attribute": person::NAME_LATIN.as_str(), "value": format!("Child {i}")},
                    {"attribute": person::SEX.as_str(), "value": if i % 2 == 0 { "F" } else { "M" }},
                    {"attribute": person::PHONE.as_str(), "value": format!("012{:06}", i % 1_000_000)},
                    {"attribute": person::CAREGIVER.as_str(), "value": "ចាន់ សុភា"},
                    {"attribute": person::VILLAGE.as_str(), "value": org_units::TRAINEE_VILLAGES[i % 6].1},
                ],
                "enrollments": [{
                    "enrollment": enrollment, "program": immunization::PROGRAM.as_str(), "orgUnit": hc,
                    "status": "ACTIVE", "enrolledAt": "2026-01-01T00:00:00.000", "occurredAt": "2025-12-20T00:00:00.000",
                    "events": visits,
                }],
            })
        })
        .collect()
}

/// Writes `people` children with an enrollment and `events` visits each straight into the
/// store (as captured, waiting to be sent), in one transaction.
pub fn captured_people(store: &mut Store, people: usize, events: usize, clock: &DeviceClock) -> Result<(), DataError> {
    let hc = org_units::TRAINEE_HEALTH_CENTRE;
    let now = clock.now();
    let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2026, 1, d).expect("a day of January");
    store.write(|d| {
        for i in 0..people {
            let te = d.insert_tracked_entity(person::TYPE, hc, now)?;
            let name_km = format!("កុមារ {i}");
            let name = format!("Child {i}");
            let phone = format!("012{:06}", i % 1_000_000);
            let values: [(Uid, &str); 6] = [
                (person::NAME_KHMER, &name_km),
                (person::NAME_LATIN, &name),
                (person::SEX, if i % 2 == 0 { "F" } else { "M" }),
                (person::PHONE, &phone),
                (person::CAREGIVER, "ចាន់ សុភា"),
                (person::VILLAGE, org_units::TRAINEE_VILLAGES[i % 6].1),
            ];
            for (a, v) in values {
                d.set_attribute_value(te.uid, a, Some(v), now)?;
            }
            let en = d.insert_enrollment(te.uid, immunization::PROGRAM, hc, day(2), day(1), now)?;
            for (stage, doses) in contacts(events) {
                let ev = d.insert_event(
                    &NewEvent {
                        enrollment: Some(en.uid),
                        program: immunization::PROGRAM,
                        program_stage: *stage,
                        org_unit: hc,
                        status: EventStatus::Completed,
                        event_date: Some(day(15)),
                        due_date: None,
                        attribute_option_combo: None,
                    },
                    now,
                )?;
                for dose in doses.iter() {
                    d.set_data_value(ev.uid, *dose, Some("true"), now)?;
                }
            }
        }
        Ok(())
    })
}
