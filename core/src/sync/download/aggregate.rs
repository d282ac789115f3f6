//! Downloading aggregate values and completions of the current and the previous period of each
//! data set, for the descendants of each capture org unit (`children=true`):
//! `GET /api/dataValueSets` and `GET /api/completeDataSetRegistrations` (research/dhis2-api.md
//! §4.1). Both periods are asked for in full each time: a month's report is small, and the
//! server's `lastUpdated` filter would miss a value deleted there.
//!
//! Owns these requests. Does not own the values' rules (`inbox`).

use super::scope::Scope;
use super::{query_value, DownloadCounts};
use crate::model::{DataSet, DeviceClock, Period, Uid};
use crate::store::data::aggregate::{AggregateKey, FormKey};
use crate::store::Store;
use crate::sync::progress::{Observer, Phase, Progress};
use crate::sync::wire::aggregate::{ReceivedCompletions, ReceivedDataValueSet};
use crate::sync::wire::{parse, Reader};
use crate::sync::{Api, SyncError};

const VALUES: &str = "/api/dataValueSets";
const COMPLETIONS: &str = "/api/completeDataSetRegistrations";

/// The periods downloaded for a data set today: the current and the previous one.
pub fn periods(data_set: &DataSet, clock: &DeviceClock) -> Vec<Period> {
    let current = Period::containing(data_set.period_type, clock.today());
    [current.checked_previous(), Some(current)].into_iter().flatten().collect()
}

pub fn download(
    api: &dyn Api,
    store: &mut Store,
    scope: &Scope,
    clock: &DeviceClock,
    observer: &dyn Observer,
    progress: &mut u64,
) -> Result<DownloadCounts, SyncError> {
    let mut counts = DownloadCounts::default();
    let default_aoc = default_option_combo(store)?;
    for ds in &scope.data_sets {
        let periods: Vec<String> = periods(ds, clock).iter().map(Period::iso).collect();
        let period_query: String = periods.iter().map(|p| format!("&period={}", query_value(p))).collect();
        for &root in &scope.roots {
            if observer.cancelled() {
                return Err(SyncError::Cancelled);
            }
            let id = ds.identity.id;
            let path = format!(
                "{VALUES}?dataSet={id}{period_query}&orgUnit={root}&children=true&includeDeleted=true\
                 &fields=dataElement,period,orgUnit,categoryOptionCombo,attributeOptionCombo,value,deleted"
            );
            let values: ReceivedDataValueSet = parse(VALUES, &api.get(&path)?)?;
            let path = format!("{COMPLETIONS}?dataSet={id}{period_query}&orgUnit={root}&children=true");
            let completions: ReceivedCompletions = parse(COMPLETIONS, &api.get(&path)?)?;
            let now = clock.now();
            let unit = store.write(|d| {
                let mut c = DownloadCounts::default();
                for (i, v) in values.data_values.iter().enumerate() {
                    let r = Reader { endpoint: VALUES, place: format!("dataValues[{i}]") };
                    let key = AggregateKey {
                        data_element: r.uid("dataElement", &v.data_element)?,
                        period: v.period.clone(),
                        org_unit: r.uid("orgUnit", &v.org_unit)?,
                        category_option_combo: r.uid("categoryOptionCombo", &v.category_option_combo)?,
                        attribute_option_combo: r.uid("attributeOptionCombo", &v.attribute_option_combo)?,
                    };
                    if Period::parse(&key.period).is_err() {
                        return Err(r.bad("period", format!("`{}` is not a period", key.period)));
                    }
                    let known = scope.data_elements.contains(&key.data_element)
                        && scope.org_units.contains(&key.org_unit)
                        && scope.option_combos.contains(&key.category_option_combo)
                        && scope.option_combos.contains(&key.attribute_option_combo);
                    if !known {
                        c.skipped += 1;
                        continue;
                    }
                    let value = v.value.as_deref().filter(|_| !v.deleted);
                    c.count(d.receive_aggregate_value(&key, value, now)?);
                }
                for (i, reg) in completions.complete_data_set_registrations.iter().enumerate() {
                    let r = Reader { endpoint: COMPLETIONS, place: format!("completeDataSetRegistrations[{i}]") };
                    let aoc = match &reg.attribute_option_combo {
                        Some(text) => r.uid("attributeOptionCombo", text)?,
                        None => match default_aoc {
                            Some(aoc) => aoc,
                            None => continue,
                        },
                    };
                    let form = FormKey {
                        data_set: r.uid("dataSet", &reg.data_set)?,
                        period: reg.period.clone(),
                        org_unit: r.uid("organisationUnit", &reg.organisation_unit)?,
                        attribute_option_combo: aoc,
                    };
                    if form.data_set != id || !scope.org_units.contains(&form.org_unit) {
                        c.skipped += 1;
                        continue;
                    }
                    c.count(d.receive_completion(&form, reg.completed, now)?);
                }
                Ok::<_, SyncError>(c)
            })?;
            *progress += (values.data_values.len() + completions.complete_data_set_registrations.len()) as u64;
            observer.progress(Progress { phase: Phase::Download, done: *progress, total: *progress });
            counts.add(unit);
        }
    }
    Ok(counts)
}

/// The `default` category option combo, which a completion without one belongs to.
fn default_option_combo(store: &Store) -> Result<Option<Uid>, SyncError> {
    Ok(store
        .list::<crate::model::CategoryOptionCombo>()?
        .into_iter()
        .find(|c| c.identity.name == "default")
        .map(|c| c.identity.id))
}
