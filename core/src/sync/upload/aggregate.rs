//! Uploading aggregate values and completions (research/dhis2-api.md §4.2, §4.3).
//!
//! Values go per data set (`POST /api/dataValueSets` with `dataSet`, as the Android SDK does
//! from 2.39), at most [`BATCH_VALUES`] per request; a value's data set is the first data set
//! of the metadata that has its data element. The summary's conflicts point at the values sent
//! by their index, so exactly those values are refused (`wire::aggregate`). A cleared value is
//! sent with `deleted: true`. Completions go one per request to
//! `/api/completeDataSetRegistrations` (`completed: false` takes a completion back), after the
//! values, so that a report is complete on the server only once its values are there.
//!
//! Owns grouping and the payloads. Does not own retries (`run`) or the states (`outbox`).

use std::collections::{BTreeMap, HashMap};

use super::UploadCounts;
use crate::model::{DataSet, DeviceClock, Uid};
use crate::store::data::aggregate::AggregateKey;
use crate::store::data::outbox::Outcome;
use crate::store::Store;
use crate::sync::progress::{Observer, Phase, Progress};
use crate::sync::wire::aggregate::{SentCompletion, SentCompletions, SentDataValue, SentDataValueSet, SummaryAnswer};
use crate::sync::{Api, SyncError};

/// The research's cap per payload for Cambodia's networks.
pub const BATCH_VALUES: usize = 500;

const VALUES: &str = "/api/dataValueSets?importStrategy=CREATE_AND_UPDATE";
const COMPLETIONS: &str = "/api/completeDataSetRegistrations";

pub fn upload(
    api: &dyn Api,
    store: &mut Store,
    clock: &DeviceClock,
    observer: &dyn Observer,
) -> Result<UploadCounts, SyncError> {
    let waiting = store.data().waiting_aggregate()?;
    let completions = store.data().waiting_completions()?;
    let data_set_of = data_sets_by_element(store)?;
    let mut groups: BTreeMap<Option<Uid>, Vec<AggregateKey>> = BTreeMap::new();
    for (key, _) in waiting {
        groups.entry(data_set_of.get(&key.data_element).copied()).or_default().push(key);
    }
    let total = (groups.values().map(Vec::len).sum::<usize>() + completions.len()) as u64;
    let mut done = 0u64;
    let mut counts = UploadCounts::default();
    for (data_set, keys) in &groups {
        for chunk in keys.chunks(BATCH_VALUES) {
            if observer.cancelled() {
                return Err(SyncError::Cancelled);
            }
            counts.add(send_values(api, store, clock, *data_set, chunk)?);
            done += chunk.len() as u64;
            observer.progress(Progress { phase: Phase::Upload, done, total });
        }
    }
    for (form, completed, at) in completions {
        if observer.cancelled() {
            return Err(SyncError::Cancelled);
        }
        if !store.write(|d| d.take_completion(&form))? {
            continue;
        }
        let body = SentCompletions {
            complete_data_set_registrations: vec![SentCompletion {
                data_set: form.data_set,
                period: form.period.clone(),
                organisation_unit: form.org_unit,
                attribute_option_combo: form.attribute_option_combo,
                date: at.get(..10).unwrap_or(&at).to_string(),
                completed,
            }],
        };
        let outcome = post(api, COMPLETIONS, &body)?.outcomes(1).remove(0);
        let now = clock.now();
        let settled = store.write(|d| d.settle_completion(&form, &outcome, now))?;
        counts.count(&outcome, settled);
        done += 1;
        observer.progress(Progress { phase: Phase::Upload, done, total });
    }
    Ok(counts)
}

/// The first data set of each data element.
fn data_sets_by_element(store: &Store) -> Result<HashMap<Uid, Uid>, SyncError> {
    let mut out = HashMap::new();
    for ds in store.list::<DataSet>()? {
        for element in &ds.data_set_elements {
            out.entry(element.data_element.id).or_insert(ds.identity.id);
        }
    }
    Ok(out)
}

fn post<T: serde::Serialize>(
    api: &dyn Api,
    path: &str,
    body: &T,
) -> Result<crate::sync::wire::aggregate::ImportSummary, SyncError> {
    let endpoint = path.split('?').next().unwrap_or(path);
    Ok(super::post::<T, SummaryAnswer>(api, path, endpoint, body)?.summary())
}

fn send_values(
    api: &dyn Api,
    store: &mut Store,
    clock: &DeviceClock,
    data_set: Option<Uid>,
    keys: &[AggregateKey],
) -> Result<UploadCounts, SyncError> {
    let taken = store.write(|d| d.take_aggregate(keys))?;
    if taken.is_empty() {
        return Ok(UploadCounts::default());
    }
    let body = SentDataValueSet {
        data_set,
        data_values: taken
            .iter()
            .map(|(k, v)| SentDataValue {
                data_element: k.data_element,
                period: k.period.clone(),
                org_unit: k.org_unit,
                category_option_combo: k.category_option_combo,
                attribute_option_combo: k.attribute_option_combo,
                value: v.clone().unwrap_or_default(),
                deleted: v.is_none(),
            })
            .collect(),
    };
    let outcomes = post(api, VALUES, &body)?.outcomes(taken.len());
    let now = clock.now();
    store.write(|d| {
        let mut counts = UploadCounts::default();
        for ((key, _), outcome) in taken.iter().zip(&outcomes) {
            let outcome: &Outcome = outcome;
            counts.count(outcome, d.settle_aggregate(key, outcome, now)?);
        }
        Ok::<_, SyncError>(counts)
    })
}
