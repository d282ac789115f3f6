//! The sync tests' checker: compares a local store with what a DHIS2 server holds after a sync,
//! given the server's records as DHIS2 2.41 export JSON ([`ServerState`]), and lists every
//! difference in words ([`compare`]; empty when they agree).
//!
//! What "agree" means, after a sync that finished:
//! - nothing waits to be sent (`waiting_counts`), and every local record is SYNCED (or WARNING);
//! - every local record that is not deleted is on the server exactly once (listed once, created
//!   at most once: [`ServerState::creations`]), with the same org unit, program, stage, links,
//!   status and dates (enrollment and incident dates, event and due dates; compared as dates),
//!   and the same values: a value cleared locally is absent or empty on the server, a value the
//!   server has that the local record lacks is a difference;
//! - an event deleted locally (still waiting to be sent) is absent or `deleted: true` on the
//!   server; an event the server marks deleted is not in the store;
//! - aggregate values and data set completions are equal;
//! - every server record in the user's capture org units (with their descendants) is in the store:
//!   the download brought it.
//!
//! How local records are found: the store has no "list everything" query, so tracker records are
//! reached through enrollments (`enrollments_in` for every program with registration and every
//! org unit), their people and their events; events of event programs are checked from the
//! server's side only (each server event must be in the store, equal). Aggregate forms are reached
//! through the data sets of each org unit, every category option combo as attribute option combo,
//! and the periods from 36 before to 12 after the period containing the system's today, plus
//! every period the server lists.
//!
//! Completion dates (`completedAt`) are not compared: a server may stamp its own time.
//!
//! [`server_state_of`] builds the state of a server that agrees with a store (the checker's tests
//! start from it and change one thing at a time).
//!
//! Owns the comparison. Does not own the server (`dhis2_server`) or the workload
//! (`sync_workload`).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use phum_core::model::period::Period;
use phum_core::model::value_type::ProgramType;
use phum_core::model::{CategoryOptionCombo, DataSet, OrganisationUnit, Program, Uid};
use phum_core::store::data::aggregate::{AggregateKey, AggregateValue, FormKey};
use phum_core::store::data::tracker::{Enrollment, Event, TrackedEntity};
use phum_core::store::data::SyncState;
use phum_core::store::Store;
use serde_json::{json, Value};

/// What a server holds, as its 2.41 exports list it.
#[derive(Debug, Clone, Default)]
pub struct ServerState {
    /// `{trackedEntity, trackedEntityType, orgUnit, attributes: [{attribute, value}], deleted}`
    /// (enrollments not nested).
    pub tracked_entities: Vec<Value>,
    /// `{enrollment, trackedEntity, program, orgUnit, status, enrolledAt, occurredAt, deleted}`.
    pub enrollments: Vec<Value>,
    /// `{event, enrollment, program, programStage, orgUnit, status, occurredAt, scheduledAt,
    /// dataValues: [{dataElement, value}], deleted}`.
    pub events: Vec<Value>,
    /// `{dataElement, period, orgUnit, categoryOptionCombo, attributeOptionCombo, value}`.
    pub data_values: Vec<Value>,
    /// `{dataSet, period, organisationUnit (or orgUnit), attributeOptionCombo, completed}`
    /// (`completed` true when absent).
    pub completions: Vec<Value>,
    /// How many times the server created each record (by UID): more than once is a doubled
    /// creation.
    pub creations: HashMap<String, usize>,
}

/// Every difference between the store and the server (see the module doc); empty when they agree.
pub fn compare(store: &Store, server: &ServerState) -> Vec<String> {
    let mut c = Checker { store, out: Vec::new() };
    match c.run(server) {
        Ok(()) => c.out,
        Err(e) => {
            c.out.push(format!("the store could not be read: {e}"));
            c.out
        }
    }
}

struct Checker<'s> {
    store: &'s Store,
    out: Vec<String>,
}

/// Server records of one kind by UID (a UID listed twice keeps both), in UID order so that
/// differences are listed in the same order every time.
type ByUid<'v> = BTreeMap<String, Vec<&'v Value>>;

fn by_uid<'v>(records: &'v [Value], key: &str) -> ByUid<'v> {
    let mut map: ByUid<'v> = BTreeMap::new();
    for r in records {
        map.entry(text(r, key).unwrap_or_default().to_string()).or_default().push(r);
    }
    map
}

fn text<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    v.get(key).and_then(Value::as_str)
}

fn deleted(v: &Value) -> bool {
    v.get("deleted").and_then(Value::as_bool).unwrap_or(false)
}

/// The date part of a server date or timestamp (`2026-11-20T00:00:00.000` -> `2026-11-20`).
fn date_part(v: &Value, key: &str) -> Option<String> {
    text(v, key).map(|t| t.get(..10).unwrap_or(t).to_string())
}

/// The non-empty values of a list of `{key, value}` objects.
fn values_of(v: &Value, list: &str, key: &str) -> BTreeMap<String, String> {
    v.get(list)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|x| Some((text(x, key)?.to_string(), text(x, "value").filter(|s| !s.is_empty())?.to_string())))
        .collect()
}

fn settled(state: SyncState) -> bool {
    matches!(state, SyncState::Synced | SyncState::Warning)
}

impl Checker<'_> {
    fn run(&mut self, server: &ServerState) -> Result<(), String> {
        let people = by_uid(&server.tracked_entities, "trackedEntity");
        let enrollments = by_uid(&server.enrollments, "enrollment");
        let events = by_uid(&server.events, "event");
        self.creations(server);
        self.waiting()?;
        let scope = self.scope()?;

        // Local -> server, tracker.
        let (local_people, local_enrollments, local_events) = local_tracker(self.store)?;
        for te in local_people.values() {
            self.person(te, people.get(te.uid.as_str()))?;
        }
        for en in &local_enrollments {
            self.enrollment(en, enrollments.get(en.uid.as_str()));
        }
        for ev in &local_events {
            self.event(ev, events.get(ev.uid.as_str()))?;
        }
        self.deleted_events(&events)?;

        // Server -> local, tracker.
        let d = self.store.data();
        for (uid, list) in &people {
            let Some(v) = list.iter().find(|v| !deleted(v)) else { continue };
            if local_people.contains_key(uid) || !in_scope(&scope, text(v, "orgUnit")) {
                continue;
            }
            match Uid::parse(uid).ok().map(|u| d.tracked_entity(u)).transpose().map_err(|e| e.to_string())?.flatten() {
                Some(te) if !te.deleted => self.person(&te, Some(list))?,
                _ => self.out.push(format!("person {uid} is on the server but not in the store")),
            }
        }
        for (uid, list) in &enrollments {
            let Some(v) = list.iter().find(|v| !deleted(v)) else { continue };
            if local_enrollments.iter().any(|e| e.uid.as_str() == uid) || !in_scope(&scope, text(v, "orgUnit")) {
                continue;
            }
            match Uid::parse(uid).ok().map(|u| d.enrollment(u)).transpose().map_err(|e| e.to_string())?.flatten() {
                Some(en) if !en.deleted => self.enrollment(&en, Some(list)),
                _ => self.out.push(format!("enrollment {uid} is on the server but not in the store")),
            }
        }
        for (uid, list) in &events {
            let Some(v) = list.iter().find(|v| !deleted(v)) else { continue };
            if local_events.iter().any(|e| e.uid.as_str() == uid) || !in_scope(&scope, text(v, "orgUnit")) {
                continue;
            }
            match Uid::parse(uid).ok().map(|u| d.event(u)).transpose().map_err(|e| e.to_string())?.flatten() {
                Some(ev) if !ev.deleted => self.event(&ev, Some(list))?,
                _ => self.out.push(format!("event {uid} is on the server but not in the store")),
            }
        }

        self.aggregate(server, &scope)?;
        Ok(())
    }

    fn creations(&mut self, server: &ServerState) {
        let mut doubled: Vec<_> = server.creations.iter().filter(|(_, n)| **n > 1).collect();
        doubled.sort();
        for (uid, n) in doubled {
            self.out.push(format!("{uid} was created {n} times on the server"));
        }
    }

    fn waiting(&mut self) -> Result<(), String> {
        let d = self.store.data();
        let counts = d.waiting_counts().map_err(|e| e.to_string())?;
        if counts.total() > 0 {
            let kinds: Vec<String> =
                counts.by_kind.iter().filter(|(_, n)| **n > 0).map(|(k, n)| format!("{n} {k}")).collect();
            self.out.push(format!("records wait to be sent: {} ({} refused)", kinds.join(", "), counts.refused));
        }
        Ok(())
    }

    /// The user's capture org units and their descendants.
    fn scope(&self) -> Result<BTreeSet<String>, String> {
        let user = self.store.current_user().map_err(|e| e.to_string())?;
        let roots: Vec<String> =
            user.map(|u| u.organisation_units.iter().map(|r| r.id.to_string()).collect()).unwrap_or_default();
        let units = self.store.list::<OrganisationUnit>().map_err(|e| e.to_string())?;
        Ok(units
            .iter()
            .filter(|u| u.path.split('/').any(|p| roots.iter().any(|r| r == p)))
            .map(|u| u.identity.id.to_string())
            .collect())
    }

    /// The one server record of a local record, or why there is not exactly one.
    fn one<'v>(&mut self, what: &str, list: Option<&Vec<&'v Value>>) -> Option<&'v Value> {
        match list.map(Vec::as_slice).unwrap_or_default() {
            [] => {
                self.out.push(format!("{what} is not on the server"));
                None
            }
            [one] => Some(one),
            many => {
                self.out.push(format!("{what} is on the server {} times", many.len()));
                many.first().copied()
            }
        }
    }

    fn state(&mut self, what: &str, state: SyncState) {
        if !settled(state) {
            self.out.push(format!("{what} is {} in the store, not SYNCED", state.as_str()));
        }
    }

    fn same(&mut self, what: &str, field: &str, local: Option<String>, server: Option<String>) {
        if local != server {
            self.out.push(format!("{what}: {field} is {local:?} in the store and {server:?} on the server"));
        }
    }

    fn values(&mut self, what: &str, local: BTreeMap<String, String>, server: BTreeMap<String, String>) {
        for (key, value) in &local {
            match server.get(key) {
                None => self.out.push(format!("{what}: {key} = {value:?} in the store is not on the server")),
                Some(s) if s != value => {
                    self.out.push(format!("{what}: {key} is {value:?} in the store and {s:?} on the server"))
                }
                Some(_) => {}
            }
        }
        for (key, value) in &server {
            if !local.contains_key(key) {
                self.out.push(format!("{what}: {key} = {value:?} on the server is not in the store (cleared here?)"));
            }
        }
    }

    fn person(&mut self, te: &TrackedEntity, list: Option<&Vec<&Value>>) -> Result<(), String> {
        let what = format!("person {}", te.uid);
        self.state(&what, te.sync_state);
        let Some(v) = self.one(&what, list) else { return Ok(()) };
        if deleted(v) {
            self.out.push(format!("{what} is deleted on the server"));
        }
        self.same(&what, "orgUnit", Some(te.org_unit.to_string()), text(v, "orgUnit").map(str::to_string));
        self.same(
            &what,
            "trackedEntityType",
            Some(te.tracked_entity_type.to_string()),
            text(v, "trackedEntityType").map(str::to_string),
        );
        let local = self.store.data().attribute_values(te.uid).map_err(|e| e.to_string())?;
        let local = local.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        self.values(&what, local, values_of(v, "attributes", "attribute"));
        Ok(())
    }

    fn enrollment(&mut self, en: &Enrollment, list: Option<&Vec<&Value>>) {
        let what = format!("enrollment {}", en.uid);
        self.state(&what, en.sync_state);
        let Some(v) = self.one(&what, list) else { return };
        if deleted(v) {
            self.out.push(format!("{what} is deleted on the server"));
        }
        let s = |k: &str| text(v, k).map(str::to_string);
        self.same(&what, "trackedEntity", Some(en.tracked_entity.to_string()), s("trackedEntity"));
        self.same(&what, "program", Some(en.program.to_string()), s("program"));
        self.same(&what, "orgUnit", Some(en.org_unit.to_string()), s("orgUnit"));
        self.same(&what, "status", Some(en.status.as_str().to_string()), s("status"));
        self.same(&what, "enrolledAt", Some(en.enrollment_date.to_string()), date_part(v, "enrolledAt"));
        self.same(&what, "occurredAt", Some(en.incident_date.to_string()), date_part(v, "occurredAt"));
    }

    fn event(&mut self, ev: &Event, list: Option<&Vec<&Value>>) -> Result<(), String> {
        let what = format!("event {}", ev.uid);
        self.state(&what, ev.sync_state);
        let Some(v) = self.one(&what, list) else { return Ok(()) };
        if deleted(v) {
            self.out.push(format!("{what} is deleted on the server"));
        }
        let s = |k: &str| text(v, k).map(str::to_string);
        self.same(&what, "enrollment", ev.enrollment.map(|u| u.to_string()), s("enrollment"));
        self.same(&what, "program", Some(ev.program.to_string()), s("program"));
        self.same(&what, "programStage", Some(ev.program_stage.to_string()), s("programStage"));
        self.same(&what, "orgUnit", Some(ev.org_unit.to_string()), s("orgUnit"));
        self.same(&what, "status", Some(ev.status.as_str().to_string()), s("status"));
        self.same(&what, "occurredAt", ev.event_date.map(|d| d.to_string()), date_part(v, "occurredAt"));
        if let (Some(due), Some(server)) = (ev.due_date, date_part(v, "scheduledAt")) {
            self.same(&what, "scheduledAt", Some(due.to_string()), Some(server));
        }
        let local = self.store.data().data_values(ev.uid).map_err(|e| e.to_string())?;
        let local = local.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        self.values(&what, local, values_of(v, "dataValues", "dataElement"));
        Ok(())
    }

    /// Events deleted here and still waiting are absent or deleted on the server; events the
    /// server deleted are not in the store.
    fn deleted_events(&mut self, events: &ByUid<'_>) -> Result<(), String> {
        let d = self.store.data();
        for w in d.waiting_tracker().map_err(|e| e.to_string())?.iter().filter(|w| w.deleted) {
            let on_server = events.get(w.uid.as_str()).map(Vec::as_slice).unwrap_or_default();
            if on_server.iter().any(|v| !deleted(v)) {
                self.out.push(format!("event {} is deleted in the store but not on the server", w.uid));
            }
        }
        for (uid, list) in events {
            if !list.iter().all(|v| deleted(v)) {
                continue;
            }
            let local = Uid::parse(uid).ok().map(|u| d.event(u)).transpose().map_err(|e| e.to_string())?.flatten();
            if local.is_some_and(|ev| !ev.deleted) {
                self.out.push(format!("event {uid} is deleted on the server but not in the store"));
            }
        }
        Ok(())
    }

    fn aggregate(&mut self, server: &ServerState, scope: &BTreeSet<String>) -> Result<(), String> {
        // The server's values and completions, by key.
        let mut values: BTreeMap<ValueKey, Vec<String>> = BTreeMap::new();
        for v in &server.data_values {
            let key = |k: &str| text(v, k).unwrap_or_default().to_string();
            let value = text(v, "value").filter(|s| !s.is_empty() && !deleted(v));
            values
                .entry((
                    key("orgUnit"),
                    key("period"),
                    key("attributeOptionCombo"),
                    key("dataElement"),
                    key("categoryOptionCombo"),
                ))
                .or_default()
                .extend(value.map(str::to_string));
        }
        let mut completions: BTreeMap<FormText, bool> = BTreeMap::new();
        for v in &server.completions {
            let key = |k: &str| text(v, k).unwrap_or_default().to_string();
            let completed = v.get("completed").and_then(Value::as_bool).unwrap_or(true);
            // DHIS2 names a completion's org unit `organisationUnit`.
            let org_unit = text(v, "organisationUnit").or_else(|| text(v, "orgUnit")).unwrap_or_default().to_string();
            completions.insert((key("dataSet"), org_unit, key("period"), key("attributeOptionCombo")), completed);
        }
        let server_periods: BTreeSet<String> =
            values.keys().map(|k| k.1.clone()).chain(completions.keys().map(|k| k.2.clone())).collect();
        let (local_values, local_complete) = local_aggregate(self.store, &server_periods)?;

        let mut seen = BTreeSet::new();
        for local in &local_values {
            let key = value_key(&local.key);
            seen.insert(key.clone());
            let what = format!("aggregate value {}", key_text(&key));
            self.state(&what, local.sync_state);
            let on_server = values.get(&key).cloned().unwrap_or_default();
            match (local.value.as_deref().filter(|v| !v.is_empty()), on_server.as_slice()) {
                (None, []) => {}
                (Some(l), [s]) if l == s => {}
                (l, s) => self.out.push(format!("{what} is {l:?} in the store and {s:?} on the server")),
            }
        }
        for (key, list) in &values {
            if !list.is_empty() && !seen.contains(key) && scope.contains(&key.0) {
                self.out.push(format!(
                    "aggregate value {} = {list:?} is on the server but not in the store",
                    key_text(key)
                ));
            }
        }

        for form in &local_complete {
            let key = form_text(form);
            if completions.get(&key) != Some(&true) {
                self.out
                    .push(format!("data set form {} is complete in the store, not on the server", form_key_text(&key)));
            }
        }
        let d = self.store.data();
        for (key, completed) in &completions {
            if !completed || !scope.contains(&key.1) || local_complete.iter().any(|f| form_text(f) == *key) {
                continue;
            }
            let uid = |t: &str| Uid::parse(t).map_err(|e| e.to_string());
            let form = FormKey {
                data_set: uid(&key.0)?,
                org_unit: uid(&key.1)?,
                period: key.2.clone(),
                attribute_option_combo: uid(&key.3)?,
            };
            if !d.is_complete(&form).map_err(|e| e.to_string())? {
                self.out
                    .push(format!("data set form {} is complete on the server, not in the store", form_key_text(key)));
            }
        }
        Ok(())
    }
}

/// An aggregate value's key as text: org unit, period, attribute option combo, data element,
/// category option combo.
type ValueKey = (String, String, String, String, String);
/// A data set form's key as text: data set, org unit, period, attribute option combo.
type FormText = (String, String, String, String);

fn form_key_text(k: &FormText) -> String {
    format!("{}/{}/{}/{}", k.0, k.1, k.2, k.3)
}

fn value_key(k: &AggregateKey) -> ValueKey {
    (
        k.org_unit.to_string(),
        k.period.clone(),
        k.attribute_option_combo.to_string(),
        k.data_element.to_string(),
        k.category_option_combo.to_string(),
    )
}

fn form_text(f: &FormKey) -> FormText {
    (f.data_set.to_string(), f.org_unit.to_string(), f.period.clone(), f.attribute_option_combo.to_string())
}

/// The aggregate values (not deleted) and the complete forms of the store, reached through the
/// data sets of each org unit, every category option combo as attribute option combo, and the
/// periods from 36 before to 12 after the one containing the system's today plus `periods`.
fn local_aggregate(store: &Store, periods: &BTreeSet<String>) -> Result<(Vec<AggregateValue>, Vec<FormKey>), String> {
    let d = store.data();
    let data_sets = store.list::<DataSet>().map_err(|e| e.to_string())?;
    let units = store.list::<OrganisationUnit>().map_err(|e| e.to_string())?;
    let combos: Vec<Uid> =
        store.list::<CategoryOptionCombo>().map_err(|e| e.to_string())?.into_iter().map(|c| c.identity.id).collect();
    let today = chrono::Utc::now().date_naive();
    let (mut values, mut complete) = (BTreeMap::new(), Vec::new());
    for ds in &data_sets {
        let mut periods = periods.clone();
        let mut p = Period::containing(ds.period_type, today);
        for _ in 0..12 {
            p = p.next();
        }
        for _ in 0..48 {
            periods.insert(p.iso());
            p = p.previous();
        }
        for u in units.iter().filter(|u| u.data_sets.iter().any(|r| r.id == ds.identity.id)) {
            for period in &periods {
                for aoc in &combos {
                    for v in d.aggregate_values(period, u.identity.id, *aoc).map_err(|e| e.to_string())? {
                        values.insert(value_key(&v.key), v);
                    }
                    let form = FormKey {
                        data_set: ds.identity.id,
                        period: period.clone(),
                        org_unit: u.identity.id,
                        attribute_option_combo: *aoc,
                    };
                    if d.is_complete(&form).map_err(|e| e.to_string())? {
                        complete.push(form);
                    }
                }
            }
        }
    }
    Ok((values.into_values().collect(), complete))
}

/// The [`ServerState`] of a server that agrees with `store`: its records (as [`compare`] reaches
/// them) in the 2.41 export shapes, each created once. For the checker's tests, and to start a
/// test server from a store's content.
pub fn server_state_of(store: &Store) -> Result<ServerState, String> {
    let d = store.data();
    let (people, enrollments, events) = local_tracker(store)?;
    let day = |date: chrono::NaiveDate| format!("{date}T00:00:00.000");
    let mut state = ServerState::default();
    for te in people.values() {
        let attributes: Vec<Value> = d
            .attribute_values(te.uid)
            .map_err(|e| e.to_string())?
            .into_iter()
            .map(|(a, v)| json!({"attribute": a.to_string(), "value": v}))
            .collect();
        state.tracked_entities.push(json!({
            "trackedEntity": te.uid.to_string(), "trackedEntityType": te.tracked_entity_type.to_string(),
            "orgUnit": te.org_unit.to_string(), "attributes": attributes, "deleted": false,
        }));
        state.creations.insert(te.uid.to_string(), 1);
    }
    for en in &enrollments {
        state.enrollments.push(json!({
            "enrollment": en.uid.to_string(), "trackedEntity": en.tracked_entity.to_string(),
            "program": en.program.to_string(), "orgUnit": en.org_unit.to_string(), "status": en.status.as_str(),
            "enrolledAt": day(en.enrollment_date), "occurredAt": day(en.incident_date), "deleted": false,
        }));
        state.creations.insert(en.uid.to_string(), 1);
    }
    for ev in &events {
        let data_values: Vec<Value> = d
            .data_values(ev.uid)
            .map_err(|e| e.to_string())?
            .into_iter()
            .map(|(de, v)| json!({"dataElement": de.to_string(), "value": v}))
            .collect();
        state.events.push(json!({
            "event": ev.uid.to_string(), "enrollment": ev.enrollment.map(|u| u.to_string()),
            "program": ev.program.to_string(), "programStage": ev.program_stage.to_string(),
            "orgUnit": ev.org_unit.to_string(), "status": ev.status.as_str(),
            "occurredAt": ev.event_date.map(day), "scheduledAt": ev.due_date.map(day),
            "dataValues": data_values, "deleted": false,
        }));
        state.creations.insert(ev.uid.to_string(), 1);
    }
    let (values, complete) = local_aggregate(store, &BTreeSet::new())?;
    for v in values {
        let Some(value) = v.value else { continue };
        let k = &v.key;
        state.data_values.push(json!({
            "dataElement": k.data_element.to_string(), "period": k.period, "orgUnit": k.org_unit.to_string(),
            "categoryOptionCombo": k.category_option_combo.to_string(),
            "attributeOptionCombo": k.attribute_option_combo.to_string(), "value": value,
        }));
    }
    for f in complete {
        state.completions.push(json!({
            "dataSet": f.data_set.to_string(), "period": f.period, "orgUnit": f.org_unit.to_string(),
            "attributeOptionCombo": f.attribute_option_combo.to_string(), "completed": true,
        }));
    }
    Ok(state)
}

/// People, enrollments and events reached through the enrollments of every program with
/// registration at every org unit (none deleted).
#[allow(clippy::type_complexity)]
fn local_tracker(store: &Store) -> Result<(BTreeMap<String, TrackedEntity>, Vec<Enrollment>, Vec<Event>), String> {
    let d = store.data();
    let programs = store.list::<Program>().map_err(|e| e.to_string())?;
    let units = store.list::<OrganisationUnit>().map_err(|e| e.to_string())?;
    let (mut people, mut enrollments, mut events) = (BTreeMap::new(), Vec::new(), Vec::new());
    for p in programs.iter().filter(|p| p.program_type == ProgramType::WithRegistration) {
        for u in &units {
            for en in d.enrollments_in(p.identity.id, u.identity.id).map_err(|e| e.to_string())? {
                if let Some(te) = d.tracked_entity(en.tracked_entity).map_err(|e| e.to_string())? {
                    if !te.deleted {
                        people.insert(te.uid.to_string(), te);
                    }
                }
                events.extend(d.events_of_enrollment(en.uid).map_err(|e| e.to_string())?);
                enrollments.push(en);
            }
        }
    }
    Ok((people, enrollments, events))
}

fn key_text(k: &ValueKey) -> String {
    format!("{}/{}/{}/{}.{}", k.0, k.1, k.2, k.3, k.4)
}

fn in_scope(scope: &BTreeSet<String>, org_unit: Option<&str>) -> bool {
    org_unit.is_some_and(|u| scope.contains(u))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync_workload::{settle_all_as_stored, Workload};
    use phum_core::demo::dataset::{org_units, person};
    use phum_core::form::{FormContext, FormSession};
    use phum_core::model::DeviceClock;

    fn clock() -> DeviceClock {
        DeviceClock::new("Asia/Phnom_Penh").unwrap().pinned_on(chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap())
    }

    /// A store after 150 workload steps, everything settled as stored, and the server that agrees.
    fn synced() -> (Store, Workload, ServerState) {
        let mut store = Store::open_in_memory().unwrap();
        Workload::prepare(&mut store).unwrap();
        let mut w = Workload::new(11, clock());
        w.run(&mut store, 150).unwrap();
        settle_all_as_stored(&mut store, clock().now()).unwrap();
        let state = server_state_of(&store).unwrap();
        let sizes =
            [state.tracked_entities.len(), state.events.len(), state.data_values.len(), state.completions.len()];
        assert!(sizes[0] >= 5 && sizes[1] >= 10 && sizes[2] >= 10 && sizes[3] >= 1, "{sizes:?}");
        (store, w, state)
    }

    fn has(found: &[String], parts: &[&str]) -> bool {
        found.iter().any(|f| parts.iter().all(|p| f.contains(p)))
    }

    fn uid_of(v: &Value, key: &str) -> String {
        text(v, key).unwrap().to_string()
    }

    /// An event with data values, on the server.
    fn event_with_values(state: &mut ServerState) -> &mut Value {
        state.events.iter_mut().find(|e| !values_of(e, "dataValues", "dataElement").is_empty()).unwrap()
    }

    /// The registration of a person with a phone or Latin name (optional attributes), and which.
    fn person_with_optional_value(store: &mut Store, w: &Workload) -> (FormSession, String, String) {
        let ctx = FormContext::new(clock());
        for en in w.enrollments() {
            let (s, view) = FormSession::open_registration(store, en, &ctx).unwrap();
            for key in [person::PHONE, person::NAME_LATIN] {
                if view.fields.iter().any(|f| f.uid == key.as_str() && f.value.is_some()) {
                    let te = store.data().enrollment(en).unwrap().unwrap().tracked_entity;
                    return (s, key.to_string(), te.to_string());
                }
            }
        }
        panic!("nobody has a phone or a Latin name");
    }

    #[test]
    fn a_store_and_the_server_that_agrees_with_it_show_no_difference() {
        let (store, _, state) = synced();
        assert_eq!(compare(&store, &state), Vec::<String>::new());
    }

    #[test]
    fn a_record_missing_on_the_server_is_reported() {
        let (store, _, mut state) = synced();
        let event = state.events.remove(0);
        let enrollment = state.enrollments.remove(0);
        let found = compare(&store, &state);
        assert!(has(&found, &[&uid_of(&event, "event"), "is not on the server"]), "{found:#?}");
        assert!(has(&found, &[&uid_of(&enrollment, "enrollment"), "is not on the server"]), "{found:#?}");
        assert_eq!(found.len(), 2, "{found:#?}");
    }

    #[test]
    fn a_record_created_twice_or_listed_twice_is_reported() {
        let (store, _, mut state) = synced();
        let person = uid_of(&state.tracked_entities[0], "trackedEntity");
        state.creations.insert(person.clone(), 2);
        let event = state.events[0].clone();
        state.events.push(event.clone());
        let found = compare(&store, &state);
        assert!(has(&found, &[&person, "created 2 times"]), "{found:#?}");
        assert!(has(&found, &[&uid_of(&event, "event"), "on the server 2 times"]), "{found:#?}");
        assert_eq!(found.len(), 2, "{found:#?}");
    }

    #[test]
    fn stale_values_statuses_and_dates_on_the_server_are_reported() {
        let (store, _, mut state) = synced();
        let event = event_with_values(&mut state);
        event["dataValues"][0]["value"] = json!("999");
        event["occurredAt"] = json!("2020-01-01T00:00:00.000");
        let event_uid = uid_of(event, "event");
        let element = uid_of(&event["dataValues"][0], "dataElement");
        state.enrollments[0]["status"] = json!("CANCELLED");
        let enrollment = uid_of(&state.enrollments[0], "enrollment");
        state.tracked_entities[0]["attributes"][0]["value"] = json!("someone else");
        let person = uid_of(&state.tracked_entities[0], "trackedEntity");
        state.data_values[0]["value"] = json!("77");
        let cell = uid_of(&state.data_values[0], "dataElement");
        let found = compare(&store, &state);
        assert!(has(&found, &[&event_uid, &element, "\"999\" on the server"]), "{found:#?}");
        assert!(has(&found, &[&event_uid, "occurredAt", "2020-01-01"]), "{found:#?}");
        assert!(has(&found, &[&enrollment, "status", "CANCELLED"]), "{found:#?}");
        assert!(has(&found, &[&person, "someone else"]), "{found:#?}");
        assert!(has(&found, &["aggregate value", &cell, "\"77\""]), "{found:#?}");
        assert_eq!(found.len(), 5, "{found:#?}");
    }

    #[test]
    fn a_value_cleared_here_but_still_on_the_server_is_reported() {
        let (mut store, w, state) = synced();
        let (mut s, attribute, person) = person_with_optional_value(&mut store, &w);
        s.set_value(&mut store, &attribute, None).unwrap();
        settle_all_as_stored(&mut store, clock().now()).unwrap();
        let found = compare(&store, &state);
        assert!(has(&found, &[&person, &attribute, "on the server is not in the store"]), "{found:#?}");
        assert_eq!(found.len(), 1, "{found:#?}");
        // Absent or empty on the server: no difference.
        let mut cleared = state.clone();
        let te = cleared.tracked_entities.iter_mut().find(|t| t["trackedEntity"] == json!(person)).unwrap();
        for a in te["attributes"].as_array_mut().unwrap() {
            if a["attribute"] == json!(attribute) {
                a["value"] = json!("");
            }
        }
        assert_eq!(compare(&store, &cleared), Vec::<String>::new());
    }

    #[test]
    fn a_local_record_not_synced_is_reported_with_what_waits() {
        let (mut store, w, state) = synced();
        let (mut s, attribute, person) = person_with_optional_value(&mut store, &w);
        let new = if attribute == person::PHONE.as_str() { "012 345 678" } else { "Someone Else" };
        s.set_value(&mut store, &attribute, Some(new)).unwrap();
        let found = compare(&store, &state);
        assert!(has(&found, &[&person, "TO_UPDATE in the store, not SYNCED"]), "{found:#?}");
        assert!(has(&found, &["records wait to be sent", "1 tracked_entity"]), "{found:#?}");
        assert!(has(&found, &[&person, &attribute, new]), "{found:#?}");
        assert_eq!(found.len(), 3, "{found:#?}");
    }

    #[test]
    fn a_deleted_event_must_be_absent_or_deleted_on_the_server() {
        let (mut store, _, mut state) = synced();
        let uid = uid_of(&state.events[0], "event");
        let event = Uid::parse(&uid).unwrap();
        store.write(|d| d.delete_event(event, clock().now())).unwrap();
        let found = compare(&store, &state);
        assert!(has(&found, &[&uid, "deleted in the store but not on the server"]), "{found:#?}");
        state.events[0]["deleted"] = json!(true);
        let found = compare(&store, &state);
        assert!(!has(&found, &[&uid]), "{found:#?}");
        assert!(has(&found, &["records wait to be sent", "1 event"]), "{found:#?}");
        // Sent: the store forgets it, and a server that marks it deleted agrees.
        settle_all_as_stored(&mut store, clock().now()).unwrap();
        assert_eq!(compare(&store, &state), Vec::<String>::new());
        let mut absent = state.clone();
        absent.events.remove(0);
        assert_eq!(compare(&store, &absent), Vec::<String>::new());
        // A server that still holds it: the download should have brought it back.
        state.events[0]["deleted"] = json!(false);
        let found = compare(&store, &state);
        assert!(has(&found, &[&uid, "on the server but not in the store"]), "{found:#?}");
    }

    #[test]
    fn server_records_in_the_users_org_units_the_store_lacks_are_reported_and_others_are_not() {
        let (store, _, mut state) = synced();
        let mut person = state.tracked_entities[0].clone();
        person["trackedEntity"] = json!("SrvPerson01");
        state.tracked_entities.push(person.clone());
        person["trackedEntity"] = json!("SrvPerson02");
        person["orgUnit"] = json!(org_units::OTHER_HEALTH_CENTRE.to_string());
        state.tracked_entities.push(person);
        let mut event = state.events[0].clone();
        event["event"] = json!("SrvEvent001");
        state.events.push(event);
        let mut value = state.data_values[0].clone();
        value["period"] = json!("202001");
        state.data_values.push(value);
        let mut form = state.completions[0].clone();
        form["period"] = json!("202001");
        state.completions.push(form);
        let found = compare(&store, &state);
        assert!(has(&found, &["SrvPerson01", "on the server but not in the store"]), "{found:#?}");
        assert!(has(&found, &["SrvEvent001", "on the server but not in the store"]), "{found:#?}");
        assert!(has(&found, &["202001", "on the server but not in the store"]), "{found:#?}");
        assert!(has(&found, &["202001", "complete on the server, not in the store"]), "{found:#?}");
        assert!(!has(&found, &["SrvPerson02"]), "{found:#?}");
        assert_eq!(found.len(), 4, "{found:#?}");
    }

    #[test]
    fn a_completion_or_aggregate_value_missing_on_the_server_is_reported() {
        let (store, _, mut state) = synced();
        let form = state.completions.remove(0);
        let value = state.data_values.remove(0);
        let found = compare(&store, &state);
        assert!(has(&found, &[&uid_of(&form, "orgUnit"), "complete in the store, not on the server"]), "{found:#?}");
        assert!(has(&found, &[&uid_of(&value, "dataElement"), "in the store and [] on the server"]), "{found:#?}");
        assert_eq!(found.len(), 2, "{found:#?}");
    }
}
