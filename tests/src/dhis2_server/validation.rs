//! Validation of tracker imports as DHIS2 does it, for what a phone can send wrong: UID format,
//! metadata that does not exist, org units outside the user's capture scope, value types, option
//! codes, mandatory attributes and data elements, dates in the future or missing, objects that
//! already exist (CREATE) or do not (UPDATE, DELETE), non-repeatable stages, cascade deletion
//! without the authority, and children of rejected parents (E5000). Codes and message templates
//! are dhis2-core's `ValidationCode` (tracker) and, for value types, `ValidationUtils`.
//!
//! Owns the rules and the error reports. Does not own writing (`store`) or the report's JSON
//! (`tracker_import`). Not validated (the phone does not send them or this server does not model
//! them): program rules (E13xx from the server's rule engine), relationships, ownership, expiry
//! periods, category option dates, unique attributes.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::Value;

use super::metadata::{me_org_units, Metadata};
use super::store::{program_has_attribute, Store};
use super::TestUser;

/// DHIS2's UID: 11 characters, a letter then letters or digits.
pub fn is_uid(s: &str) -> bool {
    s.len() == 11
        && s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && s.chars().all(|c| c.is_ascii_alphanumeric())
}

/// A date or date-time as DHIS2 accepts it (`2025-11-20`, `2025-11-20T09:14:03.120`, with or
/// without an offset, which is dropped as DHIS2 stores local time).
pub fn normalize_date(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return d.and_hms_opt(0, 0, 0);
    }
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(t.naive_local());
    }
    for f in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S%.f"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, f) {
            return Some(t);
        }
    }
    None
}

/// Checks `value` against a DHIS2 value type; the error is DHIS2's key (`value_not_numeric`).
pub fn check_value(value_type: &str, value: &str) -> Result<(), &'static str> {
    let int = || value.parse::<i64>().ok();
    let ok = |b: bool, e: &'static str| if b { Ok(()) } else { Err(e) };
    match value_type {
        "NUMBER" | "UNIT_INTERVAL" | "PERCENTAGE" => {
            let n = value.parse::<f64>().ok().filter(|n| n.is_finite());
            match (value_type, n) {
                (_, None) => Err("value_not_numeric"),
                ("UNIT_INTERVAL", Some(n)) => ok((0.0..=1.0).contains(&n), "value_not_unit_interval"),
                ("PERCENTAGE", Some(n)) => ok((0.0..=100.0).contains(&n), "value_not_percentage"),
                _ => Ok(()),
            }
        }
        "INTEGER" => ok(int().is_some(), "value_not_integer"),
        "INTEGER_POSITIVE" => ok(int().is_some_and(|n| n > 0), "value_not_positive_integer"),
        "INTEGER_NEGATIVE" => ok(int().is_some_and(|n| n < 0), "value_not_negative_integer"),
        "INTEGER_ZERO_OR_POSITIVE" => ok(int().is_some_and(|n| n >= 0), "value_not_zero_or_positive_integer"),
        "BOOLEAN" => ok(matches!(value, "true" | "false"), "value_not_bool"),
        "TRUE_ONLY" => ok(value == "true", "value_not_true_only"),
        "DATE" | "AGE" => ok(NaiveDate::parse_from_str(value, "%Y-%m-%d").is_ok(), "value_not_valid_date"),
        "DATETIME" => ok(normalize_date(value).is_some(), "value_not_valid_datetime"),
        "TIME" => ok(chrono::NaiveTime::parse_from_str(value, "%H:%M").is_ok(), "value_not_valid_time"),
        "TEXT" => ok(value.chars().count() <= 50_000, "value_length_greater_than_max_length"),
        "PHONE_NUMBER" => ok(
            value.len() <= 50 && value.chars().all(|c| c.is_ascii_digit() || " +-()".contains(c)),
            "value_not_valid_phone_number",
        ),
        "EMAIL" => ok(value.contains('@') && !value.contains(' '), "value_not_valid_email"),
        "COORDINATE" => ok(value.starts_with('[') && value.ends_with(']'), "value_not_coordinate"),
        _ => Ok(()),
    }
}

/// English wording of a value-type key, as DHIS2's aggregate conflicts print it.
pub fn value_error_text(key: &str) -> &'static str {
    match key {
        "value_not_numeric" => "Data value is not numeric",
        "value_not_unit_interval" => "Data value is not a unit interval",
        "value_not_percentage" => "Data value is not a percentage",
        "value_not_integer" => "Data value is not an integer",
        "value_not_positive_integer" => "Data value is not a positive integer",
        "value_not_negative_integer" => "Data value is not a negative integer",
        "value_not_zero_or_positive_integer" => "Data value is not zero or positive integer",
        "value_not_bool" => "Data value is not a boolean",
        "value_not_true_only" => "Data value is not true (true-only value type)",
        "value_not_valid_date" | "value_not_valid_datetime" => "Data value is not a valid date",
        "value_not_valid_time" => "Data value is not a valid time",
        "value_not_valid_phone_number" => "Data value is not a valid phone number",
        "value_not_valid_email" => "Data value is not a valid email",
        _ => "Data value is not valid",
    }
}

/// The message template of a tracker validation code (dhis2-core `ValidationCode`).
pub fn template(code: &str) -> &'static str {
    match code {
        "E1000" => "User: `{0}`, has no write access to OrganisationUnit: `{1}`.",
        "E1002" => "TrackedEntityInstance: `{0}`, already exists.",
        "E1005" => "Could not find TrackedEntityType: `{0}`.",
        "E1006" => "Attribute: `{0}`, does not exist.",
        "E1007" => "Error validating attribute value type: `{0}`; Error: `{1}`.",
        "E1010" => "Could not find Program: `{0}`, linked to Event.",
        "E1011" => "Could not find OrganisationUnit: `{0}`, linked to Event.",
        "E1013" => "Could not find ProgramStage: `{0}`, linked to Event.",
        "E1014" => "Provided Program: `{0}`, is a Program without registration. An Enrollment cannot be created into Program without registration.",
        "E1015" => "TrackedEntityInstance: `{0}`, already has an active Enrollment in Program `{1}`.",
        "E1018" => "Attribute: `{0}`, is mandatory in program `{1}` but not declared in enrollment `{2}`.",
        "E1019" => "Only Program attributes is allowed for enrollment; Non valid attribute: `{0}`.",
        "E1020" => "Enrollment date: `{0}`, cannot be a future date.",
        "E1021" => "Incident date: `{0}`, cannot be a future date.",
        "E1025" => "Property enrolledAt is null or has an invalid format: `{0}`.",
        "E1030" => "Event: `{0}`, already exists.",
        "E1031" => "Event OccurredAt date is missing.",
        "E1032" => "Event: `{0}`, do not exist.",
        "E1033" => "Event: `{0}`, Enrollment value is null.",
        "E1039" => "ProgramStage: `{0}`, is not repeatable and an event already exists.",
        "E1048" => "Object: `{0}`, uid: `{1}`, has an invalid uid format.",
        "E1049" => "Could not find OrganisationUnit: `{0}`, linked to Tracked Entity.",
        "E1050" => "Event ScheduledAt date is missing.",
        "E1063" => "TrackedEntityInstance: `{0}`, does not exist.",
        "E1068" => "Could not find TrackedEntityInstance: `{0}`, linked to Enrollment.",
        "E1069" => "Could not find Program: `{0}`, linked to Enrollment.",
        "E1070" => "Could not find OrganisationUnit: `{0}`, linked to Enrollment.",
        "E1080" => "Enrollment: `{0}`, already exists.",
        "E1081" => "Enrollment: `{0}`, do not exist.",
        "E1082" => "Event: `{0}`, is already deleted and cannot be modified.",
        "E1089" => "Event: `{0}`, references a Program Stage `{1}` that does not belong to Program `{2}`.",
        "E1090" => "Attribute: `{0}`, is mandatory in tracked entity type `{1}` but not declared in tracked entity `{2}`.",
        "E1100" => "User: `{0}`, is lacking 'F_TEI_CASCADE_DELETE' authority to delete TrackedEntityInstance: `{1}`.",
        "E1103" => "User: `{0}`, is lacking 'F_ENROLLMENT_CASCADE_DELETE' authority to delete Enrollment : `{1}`.",
        "E1113" => "Enrollment: `{0}`, is already deleted and cannot be modified.",
        "E1114" => "TrackedEntity: `{0}`, is already deleted and cannot be modified.",
        "E1121" => "Missing required trackedEntity property: `{0}`.",
        "E1122" => "Missing required enrollment property: `{0}`.",
        "E1123" => "Missing required event property: `{0}`.",
        "E1125" => "Value `{0}` is not a valid option code in option set `{1}`",
        "E1302" => "DataElement `{0}` is not valid: `{1}`",
        "E1303" => "Mandatory DataElement `{0}` is not present",
        "E1304" => "DataElement `{0}` is not a valid data element",
        "E1305" => "DataElement `{0}` is not part of `{1}` program stage",
        "E5000" => "\"{0}\" `{1}` cannot be persisted because \"{2}\" `{3}` referenced by it cannot be persisted.",
        _ => "N/A",
    }
}

/// One error of an import: `errorReports[]` of the ImportReport.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorReport {
    pub tracker_type: &'static str,
    pub uid: String,
    pub code: &'static str,
    pub args: Vec<String>,
}

impl ErrorReport {
    pub fn new(tracker_type: &'static str, uid: &str, code: &'static str, args: Vec<String>) -> ErrorReport {
        ErrorReport { tracker_type, uid: uid.to_string(), code, args }
    }

    pub fn message(&self) -> String {
        let mut text = template(self.code).to_string();
        for (i, arg) in self.args.iter().enumerate() {
            text = text.replace(&format!("{{{i}}}"), arg);
        }
        text
    }
}

/// `importStrategy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strategy {
    Create,
    Update,
    CreateAndUpdate,
    Delete,
}

impl Strategy {
    pub fn parse(s: Option<&str>) -> Strategy {
        match s {
            Some("UPDATE") => Strategy::Update,
            Some("CREATE_AND_UPDATE") => Strategy::CreateAndUpdate,
            Some("DELETE") => Strategy::Delete,
            _ => Strategy::Create,
        }
    }
}

/// What validation reads.
pub struct Ctx<'a> {
    pub meta: &'a Metadata,
    pub store: &'a Store,
    pub user: &'a TestUser,
    pub strategy: Strategy,
    pub now: NaiveDateTime,
    /// An object to reject with E1000 whatever it holds (the PartialSuccess fault).
    pub forced_e1000: Option<String>,
}

/// The flat import payload.
pub struct Bundle<'a> {
    pub tracked_entities: &'a [Value],
    pub enrollments: &'a [Value],
    pub events: &'a [Value],
}

fn s(v: &Value, key: &str) -> Option<String> {
    v[key].as_str().filter(|s| !s.is_empty()).map(str::to_string)
}

/// Validates the whole bundle; the errors, in payload order (tracked entities, enrollments, events).
pub fn validate(ctx: &Ctx, bundle: &Bundle) -> Vec<ErrorReport> {
    let mut errors = Vec::new();
    let mut invalid: HashSet<String> = HashSet::new();
    let payload_tes: HashMap<String, &Value> =
        bundle.tracked_entities.iter().filter_map(|t| Some((s(t, "trackedEntity")?, t))).collect();
    let payload_enrollments: HashMap<String, &Value> =
        bundle.enrollments.iter().filter_map(|e| Some((s(e, "enrollment")?, e))).collect();

    let payload_event_uids: HashSet<String> = bundle.events.iter().filter_map(|e| s(e, "event")).collect();
    for te in bundle.tracked_entities {
        let own = tracked_entity(ctx, te, &payload_enrollments);
        let uid = s(te, "trackedEntity").unwrap_or_default();
        if !own.is_empty() {
            invalid.insert(uid);
        }
        errors.extend(own);
    }
    for en in bundle.enrollments {
        let uid = s(en, "enrollment").unwrap_or_default();
        let mut own = enrollment(ctx, en, &payload_tes, &payload_event_uids);
        let te = s(en, "trackedEntity").unwrap_or_default();
        if own.is_empty() && invalid.contains(&te) && ctx.strategy != Strategy::Delete {
            own.push(ErrorReport::new("ENROLLMENT", &uid, "E5000", e5000("ENROLLMENT", &uid, "TRACKED_ENTITY", &te)));
        }
        if !own.is_empty() {
            invalid.insert(uid);
        }
        errors.extend(own);
    }
    let mut seen_stage_events: HashSet<(String, String)> = HashSet::new();
    for ev in bundle.events {
        let uid = s(ev, "event").unwrap_or_default();
        let mut own = event(ctx, ev, &payload_enrollments, &mut seen_stage_events);
        let en = s(ev, "enrollment").unwrap_or_default();
        if own.is_empty() && invalid.contains(&en) && ctx.strategy != Strategy::Delete {
            own.push(ErrorReport::new("EVENT", &uid, "E5000", e5000("EVENT", &uid, "ENROLLMENT", &en)));
        }
        errors.extend(own);
    }
    errors
}

/// The E1000 of the PartialSuccess fault, if `uid` is the object it names.
fn forced(ctx: &Ctx, kind: &'static str, uid: &str, object: &Value) -> Option<Vec<ErrorReport>> {
    (ctx.forced_e1000.as_deref() == Some(uid)).then(|| {
        let ou = s(object, "orgUnit").unwrap_or_default();
        vec![ErrorReport::new(kind, uid, "E1000", vec![ctx.user.username.clone(), ou])]
    })
}

fn e5000(kind: &str, uid: &str, parent_kind: &str, parent: &str) -> Vec<String> {
    vec![kind.to_string(), uid.to_string(), parent_kind.to_string(), parent.to_string()]
}

/// UID format and existence per strategy. Returns the stored object, if any.
fn existence<'s>(
    ctx: &Ctx,
    kind: &'static str,
    uid: &str,
    stored: Option<&'s Value>,
    codes: (&'static str, &'static str, &'static str),
    out: &mut Vec<ErrorReport>,
) -> Option<&'s Value> {
    let (exists_code, missing_code, deleted_code) = codes;
    if !is_uid(uid) {
        out.push(ErrorReport::new(kind, uid, "E1048", vec![uid.to_string(), kind.to_string()]));
        return None;
    }
    match (ctx.strategy, stored) {
        (Strategy::Create, Some(_)) => out.push(ErrorReport::new(kind, uid, exists_code, vec![uid.to_string()])),
        (Strategy::Update | Strategy::Delete, None) => {
            out.push(ErrorReport::new(kind, uid, missing_code, vec![uid.to_string()]))
        }
        (Strategy::Update | Strategy::CreateAndUpdate | Strategy::Delete, Some(v)) if Store::is_deleted(v) => {
            out.push(ErrorReport::new(kind, uid, deleted_code, vec![uid.to_string()]))
        }
        _ => {}
    }
    stored
}

fn user_may_capture(ctx: &Ctx, ou: &str) -> bool {
    ctx.meta.within(ou, &me_org_units(&ctx.user.me, "organisationUnits"))
}

fn has_authority(ctx: &Ctx, authority: &str) -> bool {
    ctx.user.me["authorities"].as_array().into_iter().flatten().any(|a| a == authority || a == "ALL")
}

/// The attribute values after this import: stored ones, then the payload's (null removes).
fn merged_attributes(stored: Option<&Value>, payloads: &[&Value]) -> HashMap<String, String> {
    let mut values: HashMap<String, String> = HashMap::new();
    for a in stored.and_then(|t| t["attributes"].as_array()).into_iter().flatten() {
        if let (Some(id), Some(v)) = (a["attribute"].as_str(), a["value"].as_str()) {
            values.insert(id.to_string(), v.to_string());
        }
    }
    for p in payloads {
        for a in p["attributes"].as_array().into_iter().flatten() {
            let Some(id) = a["attribute"].as_str() else { continue };
            match a.get("value") {
                Some(Value::String(v)) if !v.is_empty() => values.insert(id.to_string(), v.clone()),
                Some(Value::Number(n)) => values.insert(id.to_string(), n.to_string()),
                Some(Value::Bool(b)) => values.insert(id.to_string(), b.to_string()),
                _ => values.remove(id),
            };
        }
    }
    values
}

/// Value type and option set of each attribute value in `object`.
fn attribute_values(ctx: &Ctx, kind: &'static str, uid: &str, object: &Value, out: &mut Vec<ErrorReport>) {
    for a in object["attributes"].as_array().into_iter().flatten() {
        let id = a["attribute"].as_str().unwrap_or_default();
        let Some(tea) = ctx.meta.get("trackedEntityAttributes", id) else {
            out.push(ErrorReport::new(kind, uid, "E1006", vec![id.to_string()]));
            continue;
        };
        let value = match a.get("value") {
            Some(Value::String(v)) if !v.is_empty() => v.clone(),
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Bool(b)) => b.to_string(),
            _ => continue,
        };
        let value_type = tea["valueType"].as_str().unwrap_or("TEXT");
        if let Some(set) = tea["optionSet"]["id"].as_str() {
            if !ctx.meta.is_option(set, &value) {
                out.push(ErrorReport::new(kind, uid, "E1125", vec![value.clone(), set.to_string()]));
            }
        } else if let Err(e) = check_value(value_type, &value) {
            out.push(ErrorReport::new(kind, uid, "E1007", vec![value_type.to_string(), e.to_string()]));
        }
    }
}

/// `deleted_too`: the enrollments of the same payload (deleted along with a deleted tracked entity,
/// they need no cascade).
fn tracked_entity(ctx: &Ctx, te: &Value, deleted_too: &HashMap<String, &Value>) -> Vec<ErrorReport> {
    const K: &str = "TRACKED_ENTITY";
    let mut out = Vec::new();
    let uid = s(te, "trackedEntity").unwrap_or_default();
    if let Some(e) = forced(ctx, K, &uid, te) {
        return e;
    }
    let stored = ctx.store.tracked_entities.get(&uid).map(|t| &t.json);
    let stored = existence(ctx, K, &uid, stored, ("E1002", "E1063", "E1114"), &mut out);
    if !out.is_empty() {
        return out;
    }
    if ctx.strategy == Strategy::Delete {
        let live = ctx.store.tracked_entities.get(&uid).is_some_and(|t| {
            t.enrollments.iter().any(|e| {
                !deleted_too.contains_key(e)
                    && ctx.store.enrollments.get(e).is_some_and(|e| !Store::is_deleted(&e.json))
            })
        });
        if live && !has_authority(ctx, "F_TEI_CASCADE_DELETE") {
            out.push(ErrorReport::new(K, &uid, "E1100", vec![ctx.user.username.clone(), uid.clone()]));
        }
        return out;
    }
    let Some(tet) = s(te, "trackedEntityType") else {
        out.push(ErrorReport::new(K, &uid, "E1121", vec!["trackedEntityType".into()]));
        return out;
    };
    let Some(tet_object) = ctx.meta.get("trackedEntityTypes", &tet) else {
        out.push(ErrorReport::new(K, &uid, "E1005", vec![tet]));
        return out;
    };
    let Some(ou) = s(te, "orgUnit") else {
        out.push(ErrorReport::new(K, &uid, "E1121", vec!["orgUnit".into()]));
        return out;
    };
    if ctx.meta.get("organisationUnits", &ou).is_none() {
        out.push(ErrorReport::new(K, &uid, "E1049", vec![ou]));
        return out;
    }
    if !user_may_capture(ctx, &ou) {
        out.push(ErrorReport::new(K, &uid, "E1000", vec![ctx.user.username.clone(), ou]));
        return out;
    }
    attribute_values(ctx, K, &uid, te, &mut out);
    let values = merged_attributes(stored, &[te]);
    for a in tet_object["trackedEntityTypeAttributes"].as_array().into_iter().flatten() {
        let id = a["trackedEntityAttribute"]["id"].as_str().unwrap_or_default();
        if a["mandatory"].as_bool() == Some(true) && !values.contains_key(id) {
            out.push(ErrorReport::new(K, &uid, "E1090", vec![id.to_string(), tet.clone(), uid.clone()]));
        }
    }
    out
}

fn future(ctx: &Ctx, date: &NaiveDateTime) -> bool {
    date.date() > ctx.now.date()
}

fn enrollment(
    ctx: &Ctx,
    en: &Value,
    payload_tes: &HashMap<String, &Value>,
    deleted_too: &HashSet<String>,
) -> Vec<ErrorReport> {
    const K: &str = "ENROLLMENT";
    let mut out = Vec::new();
    let uid = s(en, "enrollment").unwrap_or_default();
    if let Some(e) = forced(ctx, K, &uid, en) {
        return e;
    }
    let stored = ctx.store.enrollments.get(&uid).map(|e| &e.json);
    existence(ctx, K, &uid, stored, ("E1080", "E1081", "E1113"), &mut out);
    if !out.is_empty() {
        return out;
    }
    if ctx.strategy == Strategy::Delete {
        let live = ctx.store.enrollments.get(&uid).is_some_and(|e| {
            e.events.iter().any(|ev| {
                !deleted_too.contains(ev) && ctx.store.events.get(ev).is_some_and(|ev| !Store::is_deleted(ev))
            })
        });
        if live && !has_authority(ctx, "F_ENROLLMENT_CASCADE_DELETE") {
            out.push(ErrorReport::new(K, &uid, "E1103", vec![ctx.user.username.clone(), uid.clone()]));
        }
        return out;
    }
    let Some(program) = s(en, "program") else {
        out.push(ErrorReport::new(K, &uid, "E1122", vec!["program".into()]));
        return out;
    };
    let Some(program_object) = ctx.meta.get("programs", &program) else {
        out.push(ErrorReport::new(K, &uid, "E1069", vec![program]));
        return out;
    };
    if program_object["programType"] == "WITHOUT_REGISTRATION" {
        out.push(ErrorReport::new(K, &uid, "E1014", vec![program]));
        return out;
    }
    let Some(ou) = s(en, "orgUnit") else {
        out.push(ErrorReport::new(K, &uid, "E1122", vec!["orgUnit".into()]));
        return out;
    };
    if ctx.meta.get("organisationUnits", &ou).is_none() {
        out.push(ErrorReport::new(K, &uid, "E1070", vec![ou]));
        return out;
    }
    if !user_may_capture(ctx, &ou) {
        out.push(ErrorReport::new(K, &uid, "E1000", vec![ctx.user.username.clone(), ou]));
        return out;
    }
    let Some(te) = s(en, "trackedEntity") else {
        out.push(ErrorReport::new(K, &uid, "E1122", vec!["trackedEntity".into()]));
        return out;
    };
    let stored_te = ctx.store.tracked_entities.get(&te).filter(|t| !Store::is_deleted(&t.json));
    if stored_te.is_none() && !payload_tes.contains_key(&te) {
        out.push(ErrorReport::new(K, &uid, "E1068", vec![te]));
        return out;
    }
    match s(en, "enrolledAt").as_deref().map(|d| (d, normalize_date(d))) {
        None => out.push(ErrorReport::new(K, &uid, "E1025", vec!["null".into()])),
        Some((d, None)) => out.push(ErrorReport::new(K, &uid, "E1025", vec![d.to_string()])),
        Some((d, Some(t))) => {
            if future(ctx, &t) && program_object["selectEnrollmentDatesInFuture"] != true {
                out.push(ErrorReport::new(K, &uid, "E1020", vec![d.to_string()]));
            }
        }
    }
    if let Some(d) = s(en, "occurredAt") {
        if normalize_date(&d).is_some_and(|t| future(ctx, &t)) && program_object["selectIncidentDatesInFuture"] != true
        {
            out.push(ErrorReport::new(K, &uid, "E1021", vec![d]));
        }
    }
    for a in en["attributes"].as_array().into_iter().flatten() {
        let id = a["attribute"].as_str().unwrap_or_default();
        if ctx.meta.get("trackedEntityAttributes", id).is_some() && !program_has_attribute(ctx.meta, &program, id) {
            out.push(ErrorReport::new(K, &uid, "E1019", vec![format!("{id}=")]));
        }
    }
    attribute_values(ctx, K, &uid, en, &mut out);
    let mut payloads: Vec<&Value> = payload_tes.get(&te).copied().into_iter().collect();
    payloads.push(en);
    let values = merged_attributes(stored_te.map(|t| &t.json), &payloads);
    for a in program_object["programTrackedEntityAttributes"].as_array().into_iter().flatten() {
        let id = a["trackedEntityAttribute"]["id"].as_str().unwrap_or_default();
        if a["mandatory"].as_bool() == Some(true) && !values.contains_key(id) {
            out.push(ErrorReport::new(K, &uid, "E1018", vec![id.to_string(), program.clone(), uid.clone()]));
        }
    }
    if stored.is_none() && en["status"].as_str().unwrap_or("ACTIVE") == "ACTIVE" {
        let active_elsewhere = stored_te.into_iter().flat_map(|t| t.enrollments.iter()).any(|other| {
            ctx.store.enrollments.get(other).is_some_and(|o| {
                o.json["program"] == program.as_str() && o.json["status"] == "ACTIVE" && !Store::is_deleted(&o.json)
            })
        });
        if active_elsewhere {
            out.push(ErrorReport::new(K, &uid, "E1015", vec![te, program]));
        }
    }
    out
}

fn event(
    ctx: &Ctx,
    ev: &Value,
    payload_enrollments: &HashMap<String, &Value>,
    seen_stage_events: &mut HashSet<(String, String)>,
) -> Vec<ErrorReport> {
    const K: &str = "EVENT";
    let mut out = Vec::new();
    let uid = s(ev, "event").unwrap_or_default();
    if let Some(e) = forced(ctx, K, &uid, ev) {
        return e;
    }
    let stored = ctx.store.events.get(&uid);
    existence(ctx, K, &uid, stored, ("E1030", "E1032", "E1082"), &mut out);
    if !out.is_empty() || ctx.strategy == Strategy::Delete {
        return out;
    }
    let stage_id = s(ev, "programStage");
    let stage = stage_id.as_deref().and_then(|id| ctx.meta.get("programStages", id));
    if let (Some(id), None) = (&stage_id, stage) {
        out.push(ErrorReport::new(K, &uid, "E1013", vec![id.clone()]));
        return out;
    }
    let program_id = s(ev, "program").or_else(|| stage.and_then(|st| s(&st["program"], "id")));
    let Some(program_id) = program_id else {
        out.push(ErrorReport::new(K, &uid, "E1123", vec!["program".into()]));
        return out;
    };
    let Some(program) = ctx.meta.get("programs", &program_id) else {
        out.push(ErrorReport::new(K, &uid, "E1010", vec![program_id]));
        return out;
    };
    let stage = match stage {
        Some(st) => st,
        None => {
            let stages: Vec<&Value> = ctx
                .meta
                .collection("programStages")
                .into_iter()
                .flatten()
                .filter(|st| st["program"]["id"] == program_id.as_str())
                .collect();
            match (program["programType"].as_str(), stages.as_slice()) {
                (Some("WITHOUT_REGISTRATION"), [only]) => *only,
                _ => {
                    out.push(ErrorReport::new(K, &uid, "E1123", vec!["programStage".into()]));
                    return out;
                }
            }
        }
    };
    let stage_uid = stage["id"].as_str().unwrap_or_default().to_string();
    if stage["program"]["id"] != program_id.as_str() {
        out.push(ErrorReport::new(K, &uid, "E1089", vec![uid.clone(), stage_uid, program_id]));
        return out;
    }
    let Some(ou) = s(ev, "orgUnit") else {
        out.push(ErrorReport::new(K, &uid, "E1123", vec!["orgUnit".into()]));
        return out;
    };
    if ctx.meta.get("organisationUnits", &ou).is_none() {
        out.push(ErrorReport::new(K, &uid, "E1011", vec![ou]));
        return out;
    }
    if !user_may_capture(ctx, &ou) {
        out.push(ErrorReport::new(K, &uid, "E1000", vec![ctx.user.username.clone(), ou]));
        return out;
    }
    if program["programType"] != "WITHOUT_REGISTRATION" {
        let Some(en) = s(ev, "enrollment") else {
            out.push(ErrorReport::new(K, &uid, "E1033", vec![uid.clone()]));
            return out;
        };
        let stored_en = ctx.store.enrollments.get(&en).filter(|e| !Store::is_deleted(&e.json));
        if stored_en.is_none() && !payload_enrollments.contains_key(&en) {
            out.push(ErrorReport::new(K, &uid, "E1081", vec![en]));
            return out;
        }
        if stored.is_none() && stage["repeatable"] == false {
            let stored_twin = stored_en.into_iter().flat_map(|e| e.events.iter()).any(|other| {
                other != &uid
                    && ctx
                        .store
                        .events
                        .get(other)
                        .is_some_and(|o| o["programStage"] == stage_uid.as_str() && !Store::is_deleted(o))
            });
            let payload_twin = !seen_stage_events.insert((en.clone(), stage_uid.clone()));
            if stored_twin || payload_twin {
                out.push(ErrorReport::new(K, &uid, "E1039", vec![stage_uid.clone()]));
            }
        }
    }
    let status = ev["status"].as_str().unwrap_or("ACTIVE");
    match status {
        "SCHEDULE" | "SKIPPED" | "OVERDUE" => {
            if s(ev, "scheduledAt").and_then(|d| normalize_date(&d)).is_none() {
                out.push(ErrorReport::new(K, &uid, "E1050", vec![]));
            }
        }
        _ => {
            if s(ev, "occurredAt").and_then(|d| normalize_date(&d)).is_none() {
                out.push(ErrorReport::new(K, &uid, "E1031", vec![]));
            }
        }
    }
    let stage_elements: Vec<&Value> = stage["programStageDataElements"].as_array().into_iter().flatten().collect();
    for dv in ev["dataValues"].as_array().into_iter().flatten() {
        let id = dv["dataElement"].as_str().unwrap_or_default();
        let Some(de) = ctx.meta.get("dataElements", id) else {
            out.push(ErrorReport::new(K, &uid, "E1304", vec![id.to_string()]));
            continue;
        };
        if !stage_elements.iter().any(|p| p["dataElement"]["id"] == id) {
            out.push(ErrorReport::new(K, &uid, "E1305", vec![id.to_string(), stage_uid.clone()]));
            continue;
        }
        let value = match dv.get("value") {
            Some(Value::String(v)) if !v.is_empty() => v.clone(),
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Bool(b)) => b.to_string(),
            _ => continue,
        };
        if let Some(set) = de["optionSet"]["id"].as_str() {
            if !ctx.meta.is_option(set, &value) {
                out.push(ErrorReport::new(K, &uid, "E1125", vec![value.clone(), set.to_string()]));
            }
        } else if let Err(e) = check_value(de["valueType"].as_str().unwrap_or("TEXT"), &value) {
            out.push(ErrorReport::new(K, &uid, "E1302", vec![id.to_string(), e.to_string()]));
        }
    }
    let on_every_save = stage["validationStrategy"] == "ON_UPDATE_AND_INSERT";
    if status == "COMPLETED" || on_every_save {
        let mut present: HashSet<String> = stored
            .and_then(|e| e["dataValues"].as_array())
            .into_iter()
            .flatten()
            .filter_map(|d| d["dataElement"].as_str().map(str::to_string))
            .collect();
        for dv in ev["dataValues"].as_array().into_iter().flatten() {
            let id = dv["dataElement"].as_str().unwrap_or_default().to_string();
            match dv.get("value") {
                Some(Value::Null) | None => present.remove(&id),
                Some(Value::String(v)) if v.is_empty() => present.remove(&id),
                _ => present.insert(id),
            };
        }
        for p in &stage_elements {
            let id = p["dataElement"]["id"].as_str().unwrap_or_default();
            if p["compulsory"] == true && !present.contains(id) {
                out.push(ErrorReport::new(K, &uid, "E1303", vec![id.to_string()]));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uids_are_a_letter_then_ten_letters_or_digits() {
        assert!(is_uid("PgmUFEQYZdt"));
        assert!(!is_uid("1gmUFEQYZdt"));
        assert!(!is_uid("PgmUFEQYZd"));
        assert!(!is_uid("PgmUFEQYZd-"));
    }

    #[test]
    fn value_types_reject_what_dhis2_rejects() {
        assert_eq!(check_value("NUMBER", "5.7"), Ok(()));
        assert_eq!(check_value("NUMBER", "abc"), Err("value_not_numeric"));
        assert_eq!(check_value("INTEGER_POSITIVE", "0"), Err("value_not_positive_integer"));
        assert_eq!(check_value("INTEGER_ZERO_OR_POSITIVE", "0"), Ok(()));
        assert_eq!(check_value("BOOLEAN", "yes"), Err("value_not_bool"));
        assert_eq!(check_value("TRUE_ONLY", "false"), Err("value_not_true_only"));
        assert_eq!(check_value("DATE", "2025-02-30"), Err("value_not_valid_date"));
        assert_eq!(check_value("AGE", "2025-02-28"), Ok(()));
    }

    #[test]
    fn messages_fill_dhis2_templates() {
        let e = ErrorReport::new("EVENT", "x", "E1125", vec!["Z".into(), "os".into()]);
        assert_eq!(e.message(), "Value `Z` is not a valid option code in option set `os`");
    }
}
