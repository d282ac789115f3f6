//! What the test server holds: tracked entities (with all their attribute values, as DHIS2 keeps
//! program attributes on the tracked entity), enrollments, events, aggregate data values and data
//! set completions, each as the JSON DHIS2 2.41 exports, stamped with the server clock. Writes
//! merge as DHIS2's importer does: scalar properties replaced, attribute and data values merged
//! one by one, an empty or absent value deleting the stored one, notes appended; a change to a
//! child bumps the parents' `updatedAt`. Deletion is soft (`deleted: true`).
//!
//! Owns storage and the export documents. Does not own validation (`validation`) or HTTP.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDateTime;
use serde_json::{json, Map, Value};

use super::metadata::Metadata;
use super::validation::normalize_date;

/// The key of one aggregate data value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DataValueKey {
    pub data_element: String,
    pub period: String,
    pub org_unit: String,
    pub category_option_combo: String,
    pub attribute_option_combo: String,
}

impl DataValueKey {
    /// The key of a `dataValues[]` element (`categoryOptionCombo`/`attributeOptionCombo` default
    /// to `default_combo`).
    pub fn of(v: &Value, default_combo: &str) -> DataValueKey {
        let s = |k: &str| v[k].as_str().unwrap_or("").to_string();
        let combo = |k: &str| v[k].as_str().filter(|s| !s.is_empty()).unwrap_or(default_combo).to_string();
        DataValueKey {
            data_element: s("dataElement"),
            period: s("period"),
            org_unit: s("orgUnit"),
            category_option_combo: combo("categoryOptionCombo"),
            attribute_option_combo: combo("attributeOptionCombo"),
        }
    }
}

pub struct TrackedEntity {
    /// Export JSON without `enrollments`; `attributes` holds every attribute value.
    pub json: Value,
    pub enrollments: BTreeSet<String>,
}

pub struct Enrollment {
    /// Export JSON without `events` and `attributes`.
    pub json: Value,
    pub events: BTreeSet<String>,
}

/// What happened to one written aggregate value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Imported,
    Updated,
    Deleted,
    Ignored,
}

#[derive(Default)]
pub struct Store {
    pub tracked_entities: BTreeMap<String, TrackedEntity>,
    pub enrollments: BTreeMap<String, Enrollment>,
    pub events: BTreeMap<String, Value>,
    pub data_values: BTreeMap<DataValueKey, Value>,
    pub completions: BTreeMap<(String, String, String, String), Value>,
    pub creations: HashMap<String, usize>,
    /// The default category option combo: the `attributeOptionCombo` of events that name none.
    pub default_combo: String,
    /// Bumped by every tracker write: list answers cached for paging are valid while it stays.
    pub generation: u64,
    /// The UIDs a tracker list query selected (key: kind, user, version and every parameter but
    /// `page`), so that paging through 20,000 people filters them once, not once per page.
    pub list_cache: HashMap<String, (u64, Vec<String>)>,
}

/// DHIS2's timestamp format: local time, milliseconds, no offset.
pub fn stamp(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.3f").to_string()
}

fn is_cleared(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        _ => false,
    }
}

/// The value as DHIS2 stores it: text.
fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Copies the scalar properties `keys` of `from` into `to`; dates normalised to DHIS2's format.
fn copy_scalars(to: &mut Map<String, Value>, from: &Value, keys: &[&str]) {
    for key in keys {
        let Some(v) = from.get(*key) else { continue };
        let v = match (key.ends_with("At"), v.as_str()) {
            (true, Some(s)) => Value::String(normalize_date(s).map(stamp).unwrap_or_else(|| s.to_string())),
            _ => v.clone(),
        };
        if v.is_null() {
            to.remove(*key);
        } else {
            to.insert(key.to_string(), v);
        }
    }
}

/// Merges `values` (`[{key: uid, value}]`) into the list `list`, keyed by `key`.
fn merge_values(list: &mut Value, values: &Value, key: &str, stored_by: &str, now: &str) -> bool {
    if !list.is_array() {
        *list = json!([]);
    }
    let mut changed = false;
    let items = list.as_array_mut().expect("an array");
    for incoming in values.as_array().into_iter().flatten() {
        let Some(uid) = incoming[key].as_str() else { continue };
        let pos = items.iter().position(|v| v[key] == uid);
        let value = incoming.get("value").unwrap_or(&Value::Null);
        match (pos, is_cleared(value)) {
            (Some(i), true) => {
                items.remove(i);
                changed = true;
            }
            (None, true) => {}
            (Some(i), false) => {
                let text = value_text(value);
                if items[i]["value"] != text.as_str() {
                    items[i]["value"] = Value::String(text);
                    items[i]["updatedAt"] = Value::String(now.to_string());
                    changed = true;
                }
                if let Some(pe) = incoming.get("providedElsewhere") {
                    items[i]["providedElsewhere"] = pe.clone();
                }
            }
            (None, false) => {
                let mut v = json!({key: uid, "value": value_text(value), "createdAt": now, "updatedAt": now,
                    "storedBy": stored_by});
                if key == "dataElement" {
                    v["providedElsewhere"] = incoming.get("providedElsewhere").cloned().unwrap_or(Value::Bool(false));
                    v["createdBy"] = json!({"username": stored_by});
                    v["updatedBy"] = json!({"username": stored_by});
                }
                items.push(v);
                changed = true;
            }
        }
    }
    changed
}

fn append_notes(list: &mut Value, notes: &Value, stored_by: &str, now: &str) {
    if !list.is_array() {
        *list = json!([]);
    }
    let items = list.as_array_mut().expect("an array");
    for note in notes.as_array().into_iter().flatten() {
        let uid = note["note"].as_str().unwrap_or("").to_string();
        if !uid.is_empty() && items.iter().any(|n| n["note"] == uid.as_str()) {
            continue;
        }
        items.push(json!({"note": uid, "value": note["value"], "storedAt": now, "storedBy": stored_by,
            "createdBy": {"username": stored_by}}));
    }
}

const TE_SCALARS: &[&str] = &[
    "trackedEntityType",
    "orgUnit",
    "geometry",
    "inactive",
    "potentialDuplicate",
    "createdAtClient",
    "updatedAtClient",
];
const ENROLLMENT_SCALARS: &[&str] = &[
    "program",
    "trackedEntity",
    "status",
    "orgUnit",
    "enrolledAt",
    "occurredAt",
    "completedAt",
    "followUp",
    "geometry",
    "createdAtClient",
    "updatedAtClient",
    "attributeOptionCombo",
];
const EVENT_SCALARS: &[&str] = &[
    "status",
    "program",
    "programStage",
    "enrollment",
    "orgUnit",
    "occurredAt",
    "scheduledAt",
    "completedAt",
    "completedBy",
    "geometry",
    "attributeOptionCombo",
    "attributeCategoryOptions",
    "assignedUser",
    "followUp",
    "createdAtClient",
    "updatedAtClient",
];

impl Store {
    fn created(&mut self, uid: &str) {
        *self.creations.entry(uid.to_string()).or_insert(0) += 1;
    }

    pub fn is_deleted(json: &Value) -> bool {
        json["deleted"].as_bool().unwrap_or(false)
    }

    /// Creates or updates a tracked entity from an import payload (flat shape). Returns true when created.
    pub fn write_tracked_entity(&mut self, te: &Value, stored_by: &str, now: NaiveDateTime) -> bool {
        self.generation += 1;
        let uid = te["trackedEntity"].as_str().unwrap_or_default().to_string();
        let now_s = stamp(now);
        let created = !self.tracked_entities.contains_key(&uid);
        let entry = self.tracked_entities.entry(uid.clone()).or_insert_with(|| TrackedEntity {
            json: json!({"trackedEntity": uid, "createdAt": now_s, "createdBy": {"username": stored_by},
                "inactive": false, "deleted": false, "potentialDuplicate": false, "attributes": []}),
            enrollments: BTreeSet::new(),
        });
        let map = entry.json.as_object_mut().expect("an object");
        copy_scalars(map, te, TE_SCALARS);
        merge_values(&mut entry.json["attributes"], &te["attributes"], "attribute", stored_by, &now_s);
        entry.json["updatedAt"] = Value::String(now_s.clone());
        entry.json["updatedBy"] = json!({"username": stored_by});
        if created {
            self.created(&uid);
        }
        created
    }

    /// Creates or updates an enrollment; its `attributes` go to its tracked entity.
    pub fn write_enrollment(&mut self, e: &Value, stored_by: &str, now: NaiveDateTime) -> bool {
        self.generation += 1;
        let uid = e["enrollment"].as_str().unwrap_or_default().to_string();
        let now_s = stamp(now);
        let created = !self.enrollments.contains_key(&uid);
        let entry = self.enrollments.entry(uid.clone()).or_insert_with(|| Enrollment {
            json: json!({"enrollment": uid, "createdAt": now_s, "createdBy": {"username": stored_by},
                "deleted": false, "followUp": false, "status": "ACTIVE", "storedBy": stored_by, "notes": []}),
            events: BTreeSet::new(),
        });
        copy_scalars(entry.json.as_object_mut().expect("an object"), e, ENROLLMENT_SCALARS);
        append_notes(&mut entry.json["notes"], &e["notes"], stored_by, &now_s);
        entry.json["updatedAt"] = Value::String(now_s.clone());
        entry.json["updatedBy"] = json!({"username": stored_by});
        if entry.json["status"] == "COMPLETED" && entry.json.get("completedAt").is_none() {
            entry.json["completedAt"] = Value::String(now_s.clone());
        }
        let te = entry.json["trackedEntity"].as_str().unwrap_or_default().to_string();
        if let Some(t) = self.tracked_entities.get_mut(&te) {
            t.enrollments.insert(uid.clone());
            merge_values(&mut t.json["attributes"], &e["attributes"], "attribute", stored_by, &now_s);
            t.json["updatedAt"] = Value::String(now_s);
        }
        if created {
            self.created(&uid);
        }
        created
    }

    /// Creates or updates an event, merging its data values.
    pub fn write_event(&mut self, ev: &Value, stored_by: &str, now: NaiveDateTime) -> bool {
        self.generation += 1;
        let uid = ev["event"].as_str().unwrap_or_default().to_string();
        let now_s = stamp(now);
        let created = !self.events.contains_key(&uid);
        let entry = self.events.entry(uid.clone()).or_insert_with(|| {
            json!({"event": uid, "createdAt": now_s, "createdBy": {"username": stored_by}, "deleted": false,
                "followUp": false, "storedBy": stored_by, "dataValues": [], "notes": [], "relationships": []})
        });
        copy_scalars(entry.as_object_mut().expect("an object"), ev, EVENT_SCALARS);
        if entry.get("attributeOptionCombo").is_none() {
            entry["attributeOptionCombo"] = Value::String(self.default_combo.clone());
        }
        merge_values(&mut entry["dataValues"], &ev["dataValues"], "dataElement", stored_by, &now_s);
        append_notes(&mut entry["notes"], &ev["notes"], stored_by, &now_s);
        entry["updatedAt"] = Value::String(now_s.clone());
        entry["updatedBy"] = json!({"username": stored_by});
        if entry["status"] == "COMPLETED" && entry.get("completedAt").is_none() {
            entry["completedAt"] = Value::String(now_s.clone());
            entry["completedBy"] = Value::String(stored_by.to_string());
        }
        let enrollment = entry["enrollment"].as_str().map(str::to_string);
        if let Some(en) = enrollment.and_then(|en| self.enrollments.get_mut(&en)) {
            en.events.insert(uid.clone());
            en.json["updatedAt"] = Value::String(now_s.clone());
            let te = en.json["trackedEntity"].clone();
            if let Some(ev) = self.events.get_mut(&uid) {
                ev["trackedEntity"] = te.clone();
            }
            if let Some(t) = te.as_str().and_then(|te| self.tracked_entities.get_mut(te)) {
                t.json["updatedAt"] = Value::String(now_s);
            }
        }
        if created {
            self.created(&uid);
        }
        created
    }

    fn touch_parents_of_event(&mut self, event: &str, now_s: &str) {
        let Some(en) = self.events.get(event).and_then(|e| e["enrollment"].as_str()).map(str::to_string) else {
            return;
        };
        if let Some(en) = self.enrollments.get_mut(&en) {
            en.json["updatedAt"] = Value::String(now_s.to_string());
            if let Some(t) = en.json["trackedEntity"].as_str().and_then(|te| self.tracked_entities.get_mut(te)) {
                t.json["updatedAt"] = Value::String(now_s.to_string());
            }
        }
    }

    pub fn delete_event(&mut self, uid: &str, now: NaiveDateTime) {
        self.generation += 1;
        let now_s = stamp(now);
        if let Some(ev) = self.events.get_mut(uid) {
            ev["deleted"] = Value::Bool(true);
            ev["updatedAt"] = Value::String(now_s.clone());
        }
        self.touch_parents_of_event(uid, &now_s);
    }

    pub fn delete_enrollment(&mut self, uid: &str, now: NaiveDateTime) {
        self.generation += 1;
        let now_s = stamp(now);
        let events: Vec<String> =
            self.enrollments.get(uid).map(|e| e.events.iter().cloned().collect()).unwrap_or_default();
        for ev in events {
            self.delete_event(&ev, now);
        }
        if let Some(en) = self.enrollments.get_mut(uid) {
            en.json["deleted"] = Value::Bool(true);
            en.json["updatedAt"] = Value::String(now_s.clone());
            if let Some(t) = en.json["trackedEntity"].as_str().and_then(|te| self.tracked_entities.get_mut(te)) {
                t.json["updatedAt"] = Value::String(now_s);
            }
        }
    }

    pub fn delete_tracked_entity(&mut self, uid: &str, now: NaiveDateTime) {
        self.generation += 1;
        let enrollments: Vec<String> =
            self.tracked_entities.get(uid).map(|t| t.enrollments.iter().cloned().collect()).unwrap_or_default();
        for en in enrollments {
            self.delete_enrollment(&en, now);
        }
        if let Some(t) = self.tracked_entities.get_mut(uid) {
            t.json["deleted"] = Value::Bool(true);
            t.json["updatedAt"] = Value::String(stamp(now));
        }
    }

    pub fn set_attribute_value(&mut self, te: &str, attribute: &str, value: Option<&str>, now: NaiveDateTime) {
        self.generation += 1;
        let payload = json!({"attributes": [{"attribute": attribute, "value": value}]});
        let now_s = stamp(now);
        if let Some(t) = self.tracked_entities.get_mut(te) {
            merge_values(&mut t.json["attributes"], &payload["attributes"], "attribute", "admin", &now_s);
            t.json["updatedAt"] = Value::String(now_s);
        }
    }

    pub fn set_event_value(&mut self, event: &str, data_element: &str, value: Option<&str>, now: NaiveDateTime) {
        self.generation += 1;
        let payload = json!([{"dataElement": data_element, "value": value}]);
        let now_s = stamp(now);
        if let Some(ev) = self.events.get_mut(event) {
            merge_values(&mut ev["dataValues"], &payload, "dataElement", "admin", &now_s);
            ev["updatedAt"] = Value::String(now_s.clone());
        }
        self.touch_parents_of_event(event, &now_s);
    }

    /// Writes one aggregate value; `None` or an empty value deletes (soft: `deleted: true`).
    pub fn set_data_value(
        &mut self,
        key: &DataValueKey,
        value: Option<&str>,
        stored_by: &str,
        now: NaiveDateTime,
    ) -> Outcome {
        self.write_data_value(key, value, None, stored_by, now)
    }

    pub fn write_data_value(
        &mut self,
        key: &DataValueKey,
        value: Option<&str>,
        comment: Option<&str>,
        stored_by: &str,
        now: NaiveDateTime,
    ) -> Outcome {
        let now_s = stamp(now);
        let value = value.filter(|v| !v.is_empty());
        let existing = self.data_values.get_mut(key).filter(|v| !Store::is_deleted(v));
        match (existing, value) {
            (None, None) => Outcome::Ignored,
            (Some(v), None) => {
                v["deleted"] = Value::Bool(true);
                v["lastUpdated"] = Value::String(now_s);
                Outcome::Deleted
            }
            (Some(v), Some(text)) => {
                let same_comment = comment.is_none_or(|c| v["comment"] == c);
                if v["value"] == text && same_comment {
                    return Outcome::Ignored;
                }
                v["value"] = Value::String(text.to_string());
                if let Some(c) = comment {
                    v["comment"] = Value::String(c.to_string());
                }
                v["storedBy"] = Value::String(stored_by.to_string());
                v["lastUpdated"] = Value::String(now_s);
                Outcome::Updated
            }
            (None, Some(text)) => {
                let mut v = json!({"dataElement": key.data_element, "period": key.period, "orgUnit": key.org_unit,
                    "categoryOptionCombo": key.category_option_combo, "attributeOptionCombo": key.attribute_option_combo,
                    "value": text, "storedBy": stored_by, "created": now_s, "lastUpdated": now_s,
                    "followup": false, "deleted": false});
                if let Some(c) = comment {
                    v["comment"] = Value::String(c.to_string());
                }
                self.data_values.insert(key.clone(), v);
                Outcome::Imported
            }
        }
    }

    /// The enrollment as exported: its program's attribute values (held on the tracked entity) inside.
    pub fn enrollment_json(&self, meta: &Metadata, e: &Enrollment) -> Value {
        let mut json = e.json.clone();
        let program = json["program"].as_str().unwrap_or_default().to_string();
        let te = json["trackedEntity"].as_str().and_then(|t| self.tracked_entities.get(t));
        let attributes: Vec<Value> = te
            .and_then(|t| t.json["attributes"].as_array())
            .into_iter()
            .flatten()
            .filter(|a| program_has_attribute(meta, &program, a["attribute"].as_str().unwrap_or_default()))
            .cloned()
            .collect();
        json["attributes"] = Value::Array(attributes);
        json
    }

    /// The tracked entity as `GET /api/tracker/trackedEntities` answers it: attributes of its
    /// type (and of `program` when given), enrollments with events nested, program owners.
    pub fn tracked_entity_export(
        &self,
        meta: &Metadata,
        uid: &str,
        program: Option<&str>,
        include_deleted: bool,
    ) -> Option<Value> {
        let te = self.tracked_entities.get(uid)?;
        let mut json = te.json.clone();
        let tet = json["trackedEntityType"].as_str().unwrap_or_default().to_string();
        let attributes: Vec<Value> = json["attributes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|a| {
                let id = a["attribute"].as_str().unwrap_or_default();
                type_has_attribute(meta, &tet, id) || program.is_some_and(|p| program_has_attribute(meta, p, id))
            })
            .cloned()
            .collect();
        json["attributes"] = Value::Array(attributes);
        let mut enrollments = Vec::new();
        let mut owners = Vec::new();
        for en_uid in &te.enrollments {
            let Some(en) = self.enrollments.get(en_uid) else { continue };
            if program.is_some_and(|p| en.json["program"] != p) || (!include_deleted && Store::is_deleted(&en.json)) {
                continue;
            }
            let mut ej = self.enrollment_json(meta, en);
            let events: Vec<Value> = en
                .events
                .iter()
                .filter_map(|e| self.events.get(e))
                .filter(|e| include_deleted || !Store::is_deleted(e))
                .cloned()
                .collect();
            ej["events"] = Value::Array(events);
            ej["relationships"] = json!([]);
            owners.push(json!({"orgUnit": json["orgUnit"], "trackedEntity": uid, "program": ej["program"]}));
            enrollments.push(ej);
        }
        json["enrollments"] = Value::Array(enrollments);
        json["relationships"] = json!([]);
        json["programOwners"] = Value::Array(owners);
        Some(json)
    }

    /// Stores a tracked entity given in the nested 2.41 shape (a change made on the server).
    pub fn put_nested(&mut self, meta: &Metadata, te: Value, now: NaiveDateTime) {
        let _ = meta;
        let uid = te["trackedEntity"].as_str().unwrap_or_default().to_string();
        let mut flat = te.clone();
        if let Some(map) = flat.as_object_mut() {
            map.remove("enrollments");
        }
        self.write_tracked_entity(&flat, "admin", now);
        for en in te["enrollments"].as_array().into_iter().flatten() {
            let mut flat_en = en.clone();
            flat_en["trackedEntity"] = Value::String(uid.clone());
            if let Some(map) = flat_en.as_object_mut() {
                map.remove("events");
            }
            self.write_enrollment(&flat_en, "admin", now);
            for ev in en["events"].as_array().into_iter().flatten() {
                let mut flat_ev = ev.clone();
                flat_ev["enrollment"] = en["enrollment"].clone();
                if flat_ev.get("program").is_none() {
                    flat_ev["program"] = en["program"].clone();
                }
                self.write_event(&flat_ev, "admin", now);
            }
        }
    }
}

/// Whether `attribute` is one of `program`'s attributes.
pub fn program_has_attribute(meta: &Metadata, program: &str, attribute: &str) -> bool {
    meta.get("programs", program).is_some_and(|p| {
        p["programTrackedEntityAttributes"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|a| a["trackedEntityAttribute"]["id"] == attribute)
    })
}

/// Whether `attribute` is one of tracked entity type `tet`'s attributes.
pub fn type_has_attribute(meta: &Metadata, tet: &str, attribute: &str) -> bool {
    meta.get("trackedEntityTypes", tet).is_some_and(|t| {
        t["trackedEntityTypeAttributes"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|a| a["trackedEntityAttribute"]["id"] == attribute)
    })
}
