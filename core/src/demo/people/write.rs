//! Writing the plans through the store's own code paths, in one transaction: people with
//! `store::data` inserts and their search index as the registration form keeps it
//! (`search::index`), enrollments with the events that enrollment generates
//! (`schedule::generate_on_enrollment_in`), each visit completed on its day with its values and,
//! for a repeatable stage, the next visit scheduled as completing a form does
//! (`schedule::schedule_next_after_in`), the VHSG reports with `store::data::aggregate`. Every
//! write is stamped at noon of its own day in the device's time zone, so that a record looks
//! captured when it happened. At the end every record is marked SYNCED, as a download leaves it.
//!
//! Owns carrying out the plans. Does not own the plans (`children`, `adults`, `reports`).

use chrono::NaiveDate as Date;

use super::adults::{bmi, bp_result, glucose_result, AdultKind, AdultPlan, Visit};
use super::children::{ChildPlan, Schedule};
use super::reports::ReportPlan;
use super::{Home, PeopleSummary};
use crate::demo::dataset::{immunization, ncd, org_units, person, vhsg};
use crate::demo::DemoError;
use crate::expr::value::iso_date;
use crate::model::value_type::{EnrollmentStatus, EventStatus};
use crate::model::{DeviceClock, ProgramStage, Timestamp, Uid};
use crate::schedule::{first_due_date, generate_on_enrollment_in, schedule_next_after_in};
use crate::search::index::index_person;
use crate::store::data::aggregate::{AggregateKey, FormKey};
use crate::store::data::tracker::{Data, Event, NewEvent};
use crate::store::Store;

/// The stages the writing needs, read from the imported metadata.
pub(crate) struct Stages {
    immunization: Vec<ProgramStage>,
    ncd: Vec<ProgramStage>,
    hpv: ProgramStage,
    follow_up: ProgramStage,
    pub(crate) schedule: Schedule,
}

impl Stages {
    pub(crate) fn read(store: &Store) -> Result<Stages, DemoError> {
        let immunization = store.children::<ProgramStage>(immunization::PROGRAM)?;
        let ncd = store.children::<ProgramStage>(ncd::PROGRAM)?;
        let find = |stages: &[ProgramStage], uid: Uid| {
            stages.iter().find(|s| s.identity.id == uid).cloned().ok_or(DemoError::MissingStage(uid))
        };
        let mut contacts = [0; 6];
        for (i, (stage, _)) in immunization::CONTACTS.iter().enumerate() {
            contacts[i] = find(&immunization, *stage)?.min_days_from_start;
        }
        let hpv = find(&immunization, immunization::HPV)?;
        let follow_up = find(&ncd, ncd::FOLLOW_UP)?;
        let schedule = Schedule { contacts, hpv: hpv.min_days_from_start };
        Ok(Stages { immunization, ncd, hpv, follow_up, schedule })
    }
}

/// Writes everything in one transaction.
pub(crate) fn all(
    store: &mut Store,
    zone: &DeviceClock,
    stages: &Stages,
    children: &[ChildPlan],
    adults: &[AdultPlan],
    reports: &[ReportPlan],
) -> Result<PeopleSummary, DemoError> {
    store.write(|d| {
        for c in children {
            child(d, zone, stages, c)?;
        }
        for a in adults {
            adult(d, zone, stages, a)?;
        }
        for r in reports {
            report(d, zone, r)?;
        }
        d.mark_all_synced()?;
        let events: i64 = d.conn.query_row("SELECT count(*) FROM event", [], |r| r.get(0))?;
        Ok(PeopleSummary {
            children: children.len(),
            adults: adults.len(),
            events: usize::try_from(events).unwrap_or(0),
            reports: reports.len(),
        })
    })
}

/// The clock standing at noon of `day`.
fn on(zone: &DeviceClock, day: Date) -> DeviceClock {
    zone.pinned_on(day)
}

fn at(zone: &DeviceClock, day: Date) -> Timestamp {
    on(zone, day).now()
}

/// Registers a person at the trainee's health centre with `values` and indexes them for search.
fn register(d: &Data<'_>, day: Timestamp, values: &[(Uid, String)]) -> Result<Uid, DemoError> {
    let te = d.insert_tracked_entity(person::TYPE, org_units::TRAINEE_HEALTH_CENTRE, day)?;
    for (attribute, value) in values {
        d.set_attribute_value(te.uid, *attribute, Some(value), day)?;
    }
    let pairs: Vec<(Uid, &str)> = values.iter().map(|(a, v)| (*a, v.as_str())).collect();
    index_person(d, te.uid, &pairs)?;
    Ok(te.uid)
}

fn home_values(home: &Home, values: &mut Vec<(Uid, String)>) {
    if let Some(phone) = &home.phone {
        values.push((person::PHONE, phone.clone()));
    }
    values.push((person::VILLAGE, home.village.to_string()));
}

/// Completes a waiting (or open) event on `day` with `values`.
fn complete(d: &Data<'_>, event: &Event, day: Timestamp, values: &[(Uid, impl AsRef<str>)]) -> Result<(), DemoError> {
    d.update_event(event.uid, EventStatus::Completed, Some(day.date()), event.due_date, day)?;
    for (data_element, value) in values {
        d.set_data_value(event.uid, *data_element, Some(value.as_ref()), day)?;
    }
    Ok(())
}

fn child(d: &Data<'_>, zone: &DeviceClock, stages: &Stages, c: &ChildPlan) -> Result<(), DemoError> {
    let registered = on(zone, c.registered);
    let mut values = vec![
        (person::NAME_KHMER, c.name.khmer.clone()),
        (person::NAME_LATIN, c.name.latin.clone()),
        (person::SEX, c.sex.code().to_string()),
        (person::DATE_OF_BIRTH, iso_date(c.birth)),
        (person::CAREGIVER, c.caregiver.khmer.clone()),
    ];
    home_values(&c.home, &mut values);
    let te = register(d, registered.now(), &values)?;
    let hc = org_units::TRAINEE_HEALTH_CENTRE;
    let en = d.insert_enrollment(te, immunization::PROGRAM, hc, c.registered, c.birth, registered.now())?;
    let generated = generate_on_enrollment_in(d, &stages.immunization, en.uid, &registered)?;
    for ((day, weight), (stage, doses)) in c.contacts.iter().zip(immunization::CONTACTS) {
        let event = generated.iter().find(|e| e.program_stage == stage).ok_or(DemoError::MissingStage(stage))?;
        complete(d, event, at(zone, *day), &visit_values(doses, weight))?;
    }
    if let Some((scheduled_on, given)) = &c.hpv {
        let due = first_due_date(&stages.hpv, c.registered, c.birth)?;
        let event = d.insert_event(
            &NewEvent {
                enrollment: Some(en.uid),
                program: immunization::PROGRAM,
                program_stage: immunization::HPV,
                org_unit: hc,
                status: EventStatus::Schedule,
                event_date: None,
                due_date: Some(due),
                attribute_option_combo: None,
            },
            at(zone, *scheduled_on),
        )?;
        if let Some((day, weight)) = given {
            complete(d, &event, at(zone, *day), &visit_values(&[immunization::HPV_DOSE], weight))?;
        }
    }
    if let Some(day) = c.completed_on {
        d.set_enrollment_status(en.uid, EnrollmentStatus::Completed, at(zone, day))?;
    }
    Ok(())
}

/// A vaccination visit: the screening questions answered no, the doses given, the weight.
fn visit_values<'a>(doses: &[Uid], weight: &'a str) -> Vec<(Uid, &'a str)> {
    let mut values = vec![
        (immunization::FEVER, "false"),
        (immunization::SEVERE_REACTION, "false"),
        (immunization::WEAK_IMMUNITY, "false"),
    ];
    values.extend(doses.iter().map(|dose| (*dose, "true")));
    values.push((immunization::CHILD_WEIGHT, weight));
    values
}

fn adult(d: &Data<'_>, zone: &DeviceClock, stages: &Stages, a: &AdultPlan) -> Result<(), DemoError> {
    let registered = on(zone, a.registered);
    let mut values = vec![
        (person::NAME_KHMER, a.name.khmer.clone()),
        (person::NAME_LATIN, a.name.latin.clone()),
        (person::SEX, a.sex.code().to_string()),
        (person::DATE_OF_BIRTH, iso_date(a.birth)),
    ];
    if let Some(id) = &a.national_id {
        values.push((person::NATIONAL_ID, id.clone()));
    }
    home_values(&a.home, &mut values);
    let te = register(d, registered.now(), &values)?;
    let hc = org_units::TRAINEE_HEALTH_CENTRE;
    // The program shows no incident date: it is the enrollment date, as Android sets it.
    let en = d.insert_enrollment(te, ncd::PROGRAM, hc, a.registered, a.registered, registered.now())?;
    let generated = generate_on_enrollment_in(d, &stages.ncd, en.uid, &registered)?;
    let screening =
        generated.iter().find(|e| e.program_stage == ncd::SCREENING).ok_or(DemoError::MissingStage(ncd::SCREENING))?;
    let (first, follow_ups) = a.visits.split_first().ok_or(DemoError::MissingStage(ncd::SCREENING))?;
    complete(d, screening, at(zone, first.date), &ncd_values(first, a.height_cm, true))?;
    let waiting = |d: &Data<'_>| -> Result<Event, DemoError> {
        d.events_of_enrollment(en.uid)?
            .into_iter()
            .find(|e| e.program_stage == ncd::FOLLOW_UP && e.status == EventStatus::Schedule)
            .ok_or(DemoError::MissingStage(ncd::FOLLOW_UP))
    };
    if a.kind == AdultKind::ScreenedNormal {
        // Nothing to follow: the scheduled follow-up is skipped and the enrollment completed.
        let next = waiting(d)?;
        d.update_event(next.uid, EventStatus::Skipped, None, next.due_date, at(zone, first.date))?;
        d.set_enrollment_status(en.uid, EnrollmentStatus::Completed, at(zone, first.date))?;
        return Ok(());
    }
    for v in follow_ups {
        let next = waiting(d)?;
        let day = at(zone, v.date);
        complete(d, &next, day, &ncd_values(v, a.height_cm, false))?;
        schedule_next_after_in(d, &stages.follow_up, next.uid, day)?;
    }
    Ok(())
}

/// The values of an NCD visit, with what the rules derive (BMI, results) as they derive it.
fn ncd_values(v: &Visit, height_cm: u32, screening: bool) -> Vec<(Uid, String)> {
    let yes_no = |b: bool| if b { "true" } else { "false" }.to_string();
    let mut values = vec![
        (ncd::WEIGHT, v.weight.clone()),
        (ncd::SYSTOLIC, v.systolic.to_string()),
        (ncd::DIASTOLIC, v.diastolic.to_string()),
        (ncd::BP_RESULT, bp_result(v.systolic, v.diastolic).to_string()),
        (ncd::REFERRAL, v.referral.to_string()),
    ];
    if let Some(bmi) = bmi(&v.weight, height_cm) {
        values.push((ncd::BMI, bmi));
    }
    if screening {
        values.push((ncd::HEIGHT, height_cm.to_string()));
    }
    if let Some(g) = &v.glucose {
        values.push((ncd::GLUCOSE, g.clone()));
        values.push((ncd::GLUCOSE_RESULT, glucose_result(g).to_string()));
    }
    if let Some(smoker) = v.smoker {
        values.push((ncd::SMOKER, yes_no(smoker)));
    }
    if !screening {
        values.push((ncd::BP_MEDICINE, yes_no(v.bp_medicine)));
        values.push((ncd::DIABETES_MEDICINE, yes_no(v.diabetes_medicine)));
    }
    if let Some(ok) = v.as_prescribed {
        values.push((ncd::MEDICINES_AS_PRESCRIBED, yes_no(ok)));
    }
    values
}

fn report(d: &Data<'_>, zone: &DeviceClock, r: &ReportPlan) -> Result<(), DemoError> {
    let day = at(zone, r.entered);
    for (data_element, coc, value) in &r.values {
        let key = AggregateKey {
            data_element: *data_element,
            period: r.period.iso(),
            org_unit: r.village,
            category_option_combo: *coc,
            attribute_option_combo: vhsg::DEFAULT_COMBO,
        };
        d.set_aggregate_value(&key, Some(value), day)?;
    }
    if r.completed {
        let form = FormKey {
            data_set: vhsg::DATA_SET,
            period: r.period.iso(),
            org_unit: r.village,
            attribute_option_combo: vhsg::DEFAULT_COMBO,
        };
        d.set_completion(&form, true, Some("trainee"), day)?;
    }
    Ok(())
}
