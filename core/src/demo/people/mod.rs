//! The practice people of the demo, about 200 of them at the trainee's health centre, with
//! histories relative to today: 97 children in the immunization program (up to date, overdue,
//! due today, complete, and girls at the HPV age) and 100 adults in the NCD program (controlled,
//! uncontrolled, diabetes, overdue, due today, new, screened normal), plus the VHSG reports of
//! the last six months.
//!
//! Flow: plan everything from a generator seeded with a constant and today's date (`children`,
//! `adults`, `reports`: pure, so the same today gives the same plans), then write the plans
//! through the store's own code paths in one transaction (`write`). Names, phones and IDs come
//! from `names`. Does not own the metadata (`dataset`) or the account's files (`account`).

mod adults;
mod children;
mod names;
mod reports;
mod write;

use chrono::TimeDelta;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

#[cfg(test)]
pub(crate) use adults::{AdultKind, MIX as ADULT_MIX};
#[cfg(test)]
pub(crate) use children::{ChildKind, MIX as CHILD_MIX};

use super::dataset::org_units;
use super::DemoError;
use crate::model::DeviceClock;
use crate::store::Store;
use names::Registry;

/// The seed of the plans: part of the dataset (change it and the people change).
const SEED: u64 = 0x5048_554d_4445_4d4f;

/// What [`write_people`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeopleSummary {
    pub children: usize,
    pub adults: usize,
    /// Events of both programs: visits done, waiting and skipped.
    pub events: usize,
    /// VHSG monthly reports (village x month).
    pub reports: usize,
}

/// Where a person lives and how to reach them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Home {
    /// The NCDD code of the village (the option code of the village attribute).
    pub(crate) village: &'static str,
    pub(crate) phone: Option<String>,
}

impl Home {
    /// A village of the trainee's health centre, and a phone for `phone_share` of people.
    fn draw(rng: &mut StdRng, registry: &mut Registry, phone_share: f64) -> Home {
        let (_, village) = org_units::TRAINEE_VILLAGES[rng.random_range(0..org_units::TRAINEE_VILLAGES.len())];
        Home { village, phone: rng.random_bool(phone_share).then(|| registry.phone(rng)) }
    }
}

fn days(n: i64) -> TimeDelta {
    TimeDelta::days(n)
}

/// Writes the people, their histories and the VHSG reports relative to `clock`'s today into a
/// store that holds the demo metadata; every write is stamped with `clock`'s time zone.
pub(crate) fn write_people(store: &mut Store, clock: &DeviceClock) -> Result<PeopleSummary, DemoError> {
    let today = clock.today();
    let stages = write::Stages::read(store)?;
    let mut rng = StdRng::seed_from_u64(SEED);
    let mut registry = Registry::new();
    let children = children::plan(&mut rng, &mut registry, today, &stages.schedule);
    let adults = adults::plan(&mut rng, &mut registry, today);
    let reports = reports::plan(&mut rng, today);
    write::all(store, clock, &stages, &children, &adults, &reports)
}
