//! Aggregate data: `POST /api/dataValueSets` (each value validated as DHIS2 does: data element,
//! period, org unit and the user's hierarchy, combos, data set membership, option set, value type;
//! an empty value or `deleted: true` deletes), answered with the WebMessage wrapping an
//! ImportSummary (200 SUCCESS, or 409 WARNING with `conflicts[{object, objects, value, errorCode,
//! property, indexes}]`, as 2.38+ and the SDK's `datavalueset/*.json` fixtures show);
//! `GET /api/dataValueSets?dataSet=&period=&orgUnit=[&children=true][&lastUpdated=][&includeDeleted=]`;
//! `POST`/`GET`/`DELETE /api/completeDataSetRegistrations`.
//!
//! Owns aggregate routes and their validation. Does not own storage (`store`).
//! Source: dhis2-core ErrorCode.java (E76xx), DHIS2 docs data.md (2.40-2.42).

use std::collections::HashSet;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Extension;
use chrono::NaiveDate;
use serde_json::{json, Value};

use super::auth::CurrentUser;
use super::faults::Fault;
use super::http::{self, ActiveFault};
use super::metadata::{fields_param, me_org_units, param, OuMode};
use super::store::{stamp, DataValueKey, Outcome};
use super::validation::{check_value, normalize_date, value_error_text};
use super::{fields, Shared, TestUser};

/// Whether `pe` is a DHIS2 ISO period identifier.
pub fn is_period(pe: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if pe.len() < 4 || !digits(&pe[..4]) {
        return false;
    }
    let (year, rest) = pe.split_at(4);
    let in_range = |n: &str, lo: u32, hi: u32| digits(n) && n.parse::<u32>().is_ok_and(|n| (lo..=hi).contains(&n));
    match rest {
        "" => true,
        r if r.len() == 2 && digits(r) => in_range(r, 1, 12),
        r if r.len() == 4 && digits(r) => NaiveDate::parse_from_str(pe, "%Y%m%d").is_ok(),
        r if r.len() == 3 && r.ends_with('B') => in_range(&r[..2], 1, 12),
        r if r.starts_with("BiW") => in_range(&r[3..], 1, 27),
        r if r.starts_with('W') => in_range(&r[1..], 1, 53),
        r if ["WedW", "ThuW", "SatW", "SunW"].iter().any(|p| r.starts_with(p)) => in_range(&r[4..], 1, 53),
        r if r.starts_with('Q') => in_range(&r[1..], 1, 4),
        r if r.starts_with("AprilS") || r.starts_with("NovS") => in_range(&r[r.len() - 1..], 1, 2),
        r if r.starts_with('S') => in_range(&r[1..], 1, 2),
        "April" | "July" | "Oct" | "Nov" | "Sep" | "Feb" | "Aug" => {
            let _ = year;
            true
        }
        _ => false,
    }
}

/// The UID of the category option combo named "default".
pub fn default_combo(meta: &super::metadata::Metadata) -> String {
    meta.collection("categoryOptionCombos")
        .into_iter()
        .flatten()
        .find(|c| c["name"] == "default")
        .and_then(|c| c["id"].as_str())
        .unwrap_or("HllvX50cXC0")
        .to_string()
}

/// One conflict before grouping.
struct Conflict {
    object: String,
    objects: Value,
    value: String,
    code: &'static str,
    property: &'static str,
    index: usize,
}

fn import_options() -> Value {
    json!({"idSchemes": {}, "dryRun": false, "async": false, "importStrategy": "CREATE_AND_UPDATE",
        "mergeMode": "REPLACE", "reportMode": "FULL", "skipExistingCheck": false, "sharing": false,
        "skipNotifications": false, "skipAudit": false, "datasetAllowsPeriods": false, "strictPeriods": false,
        "strictDataElements": false, "strictCategoryOptionCombos": false, "strictAttributeOptionCombos": false,
        "strictOrganisationUnits": false, "requireCategoryOptionCombo": false, "requireAttributeOptionCombo": false,
        "skipPatternValidation": false, "ignoreEmptyCollection": false, "force": false, "firstRowIsHeader": true,
        "skipLastUpdated": false, "mergeDataValues": false, "skipCache": false})
}

/// The WebMessage around an ImportSummary: 200 SUCCESS, or 409 WARNING when there are conflicts.
fn summary(counts: [usize; 4], conflicts: Vec<Conflict>, data_set_complete: &str) -> Response {
    let mut grouped: Vec<Value> = Vec::new();
    for c in conflicts {
        let same = grouped
            .iter_mut()
            .find(|g| g["errorCode"] == c.code && g["object"] == c.object.as_str() && g["value"] == c.value.as_str());
        match same {
            Some(g) => g["indexes"].as_array_mut().expect("indexes").push(json!(c.index)),
            None => grouped.push(json!({"object": c.object, "objects": c.objects, "value": c.value,
                "errorCode": c.code, "property": c.property, "indexes": [c.index]})),
        }
    }
    let ok = grouped.is_empty();
    let response = json!({
        "responseType": "ImportSummary",
        "status": if ok { "SUCCESS" } else { "WARNING" },
        "importOptions": import_options(),
        "description": "Import process completed successfully",
        "importCount": {"imported": counts[0], "updated": counts[1], "ignored": counts[2], "deleted": counts[3]},
        "conflicts": grouped,
        "dataSetComplete": data_set_complete,
    });
    let (status, code, web_status, message) = if ok {
        (StatusCode::OK, "OK", "OK", "Import was successful.")
    } else {
        (StatusCode::CONFLICT, "Conflict", "WARNING", "An error occurred, please check import summary.")
    };
    http::json(
        status,
        &json!({"httpStatus": code, "httpStatusCode": status.as_u16(), "status": web_status, "message": message,
            "response": response}),
    )
}

fn text(v: &Value, key: &str, fallback: &Value) -> String {
    v[key].as_str().or_else(|| fallback[key].as_str()).unwrap_or("").to_string()
}

fn value_text(v: &Value) -> Option<String> {
    match v.get("value") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(Value::Bool(b)) => Some(b.to_string()),
        _ => None,
    }
}

/// Checks one data value; the conflict, if any.
fn check_data_value(
    shared: &Shared,
    user: &TestUser,
    top: &Value,
    dv: &Value,
    key: &DataValueKey,
    index: usize,
) -> Option<Conflict> {
    let conflict = |object: &str, code, property, message: String| Conflict {
        object: object.to_string(),
        objects: json!({"dataElement": key.data_element, "period": key.period, "orgUnit": key.org_unit}),
        value: message,
        code,
        property,
        index,
    };
    let meta = &shared.meta;
    let Some(de) = meta.get("dataElements", &key.data_element) else {
        let m = format!("Data element not found or not accessible: `{}`", key.data_element);
        return Some(conflict(&key.data_element, "E7610", "dataElement", m));
    };
    if !is_period(&key.period) {
        return Some(conflict(&key.period, "E7611", "period", format!("Period not valid: `{}`", key.period)));
    }
    if meta.get("organisationUnits", &key.org_unit).is_none() {
        let m = format!("Organisation unit not found or not accessible: `{}`", key.org_unit);
        return Some(conflict(&key.org_unit, "E7612", "orgUnit", m));
    }
    if !meta.within(&key.org_unit, &me_org_units(&user.me, "organisationUnits")) {
        let m = format!("Organisation unit: `{}` not in hierarchy of current user: `{}`", key.org_unit, user.username);
        return Some(conflict(&key.org_unit, "E7617", "orgUnit", m));
    }
    if meta.get("categoryOptionCombos", &key.category_option_combo).is_none() {
        let m = format!(
            "Category option combo not found or not accessible for writing data: `{}`",
            key.category_option_combo
        );
        return Some(conflict(&key.category_option_combo, "E7613", "categoryOptionCombo", m));
    }
    if meta.get("categoryOptionCombos", &key.attribute_option_combo).is_none() {
        let m = format!(
            "Attribute option combo not found or not accessible for writing data: `{}`",
            key.attribute_option_combo
        );
        return Some(conflict(&key.attribute_option_combo, "E7615", "attributeOptionCombo", m));
    }
    if let Some(ds) = top["dataSet"].as_str().and_then(|ds| meta.get("dataSets", ds)) {
        let member = ds["dataSetElements"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|e| e["dataElement"]["id"] == key.data_element.as_str());
        if !member {
            let m = format!(
                "Data element: `{}` is not part of dataset: `{}`",
                key.data_element,
                ds["id"].as_str().unwrap_or("")
            );
            return Some(conflict(&key.data_element, "E7633", "dataElement", m));
        }
    }
    let value = value_text(dv).filter(|v| !v.is_empty() && dv["deleted"] != true)?;
    if let Some(set) = de["optionSet"]["id"].as_str() {
        if !meta.is_option(set, &value) {
            let m = format!("Data value is not a valid option of the data element option set: `{}`", key.data_element);
            return Some(conflict(&key.data_element, "E7621", "value", m));
        }
    } else if let Err(e) = check_value(de["valueType"].as_str().unwrap_or("TEXT"), &value) {
        let m =
            format!("Value must match data element's `{}` type constraints: {}", key.data_element, value_error_text(e));
        let mut c = conflict(&key.data_element, "E7619", "value", m);
        c.objects = json!({"dataElement": key.data_element, "value": e});
        return Some(c);
    }
    None
}

/// `POST /api/dataValueSets`.
pub async fn post_data_values(
    State(shared): State<Arc<Shared>>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    Extension(ActiveFault(fault)): Extension<ActiveFault>,
    body: Bytes,
) -> Response {
    let Ok(top) = serde_json::from_slice::<Value>(&body) else {
        return http::web_message(StatusCode::BAD_REQUEST, "JSON parse error: the request body is not valid JSON");
    };
    let default = shared.lock().store.default_combo.clone();
    let mut inner = shared.lock();
    let now = shared.now(&inner);
    let mut counts = [0usize; 4];
    let mut conflicts = Vec::new();
    for (index, dv) in top["dataValues"].as_array().into_iter().flatten().enumerate() {
        let mut filled = dv.clone();
        for (k, top_key) in [
            ("dataElement", "dataElement"),
            ("period", "period"),
            ("orgUnit", "orgUnit"),
            ("attributeOptionCombo", "attributeOptionCombo"),
        ] {
            if filled[k].as_str().is_none() {
                filled[k] = Value::String(text(dv, k, &json!({k: top[top_key]})));
            }
        }
        let key = DataValueKey::of(&filled, &default);
        let forced = (index == 0 && fault == Some(Fault::PartialSuccess)).then(|| Conflict {
            object: key.org_unit.clone(),
            objects: json!({"orgUnit": key.org_unit}),
            value: format!(
                "Organisation unit: `{}` not in hierarchy of current user: `{}`",
                key.org_unit, user.username
            ),
            code: "E7617",
            property: "orgUnit",
            index,
        });
        if let Some(c) = forced.or_else(|| check_data_value(&shared, &user, &top, dv, &key, index)) {
            conflicts.push(c);
            counts[2] += 1;
            continue;
        }
        let value = value_text(dv).filter(|_| dv["deleted"] != true);
        let outcome = inner.store.write_data_value(&key, value.as_deref(), dv["comment"].as_str(), &user.username, now);
        counts[match outcome {
            Outcome::Imported => 0,
            Outcome::Updated => 1,
            Outcome::Ignored => 2,
            Outcome::Deleted => 3,
        }] += 1;
    }
    let complete = top["completeDate"].as_str().unwrap_or("false").to_string();
    summary(counts, conflicts, &complete)
}

/// The org units of `orgUnit` parameters (repeated or comma-separated), with `children=true` all below.
fn org_units(shared: &Shared, params: &[(String, String)], key: &str) -> HashSet<String> {
    let children = param(params, "children") == Some("true");
    params
        .iter()
        .filter(|(k, _)| k == key)
        .flat_map(|(_, v)| v.split([',', ';']).map(str::to_string).collect::<Vec<_>>())
        .flat_map(|ou| shared.meta.org_units_under(&ou, if children { OuMode::Descendants } else { OuMode::Selected }))
        .collect()
}

fn all_of(params: &[(String, String)], key: &str) -> HashSet<String> {
    params
        .iter()
        .filter(|(k, _)| k == key)
        .flat_map(|(_, v)| v.split(',').map(str::to_string).collect::<Vec<_>>())
        .collect()
}

/// `GET /api/dataValueSets`.
pub async fn get_data_values(
    State(shared): State<Arc<Shared>>,
    Query(params): Query<Vec<(String, String)>>,
) -> Response {
    let data_sets = all_of(&params, "dataSet");
    if data_sets.is_empty() {
        return http::web_message(
            StatusCode::CONFLICT,
            "At least one data set or data element group must be specified",
        );
    }
    let ous = org_units(&shared, &params, "orgUnit");
    if ous.is_empty() {
        return http::web_message(
            StatusCode::CONFLICT,
            "At least one organisation unit or organisation unit group must be specified",
        );
    }
    let periods = all_of(&params, "period");
    let last_updated = param(&params, "lastUpdated").and_then(normalize_date).map(stamp);
    if periods.is_empty() && last_updated.is_none() && param(&params, "startDate").is_none() {
        return http::web_message(
            StatusCode::CONFLICT,
            "At least one valid period, start/end dates or last updated must be specified",
        );
    }
    let elements: HashSet<String> = data_sets
        .iter()
        .filter_map(|ds| shared.meta.get("dataSets", ds))
        .flat_map(|ds| ds["dataSetElements"].as_array().cloned().unwrap_or_default())
        .filter_map(|e| e["dataElement"]["id"].as_str().map(str::to_string))
        .collect();
    let include_deleted = param(&params, "includeDeleted") == Some("true");
    let spec = fields_param(&params, "*");
    let inner = shared.lock();
    let values: Vec<Value> = inner
        .store
        .data_values
        .iter()
        .filter(|(k, v)| {
            elements.contains(&k.data_element)
                && ous.contains(&k.org_unit)
                && (periods.is_empty() || periods.contains(&k.period))
                && last_updated.as_ref().is_none_or(|t| v["lastUpdated"].as_str().unwrap_or("") >= t.as_str())
                && (include_deleted || v["deleted"] != true)
        })
        .map(|(_, v)| fields::apply(v, &spec))
        .collect();
    http::json(StatusCode::OK, &json!({"dataValues": values}))
}

/// `POST /api/completeDataSetRegistrations`.
pub async fn post_completions(
    State(shared): State<Arc<Shared>>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    body: Bytes,
) -> Response {
    let Ok(top) = serde_json::from_slice::<Value>(&body) else {
        return http::web_message(StatusCode::BAD_REQUEST, "JSON parse error: the request body is not valid JSON");
    };
    let default = shared.lock().store.default_combo.clone();
    let mut inner = shared.lock();
    let now = stamp(shared.now(&inner));
    let mut counts = [0usize; 4];
    let mut conflicts = Vec::new();
    for (index, r) in top["completeDataSetRegistrations"].as_array().into_iter().flatten().enumerate() {
        let ds = r["dataSet"].as_str().unwrap_or("").to_string();
        let pe = r["period"].as_str().unwrap_or("").to_string();
        let ou = r["organisationUnit"].as_str().unwrap_or("").to_string();
        let aoc = r["attributeOptionCombo"].as_str().unwrap_or(&default).to_string();
        let fail = |object: &str, code, property, value: String| Conflict {
            object: object.to_string(),
            objects: json!({"dataSet": ds, "period": pe, "organisationUnit": ou}),
            value,
            code,
            property,
            index,
        };
        let problem = if shared.meta.get("dataSets", &ds).is_none() {
            Some(fail(&ds, "E7600", "dataSet", format!("Data set not found or not accessible: `{ds}`")))
        } else if !is_period(&pe) {
            Some(fail(&pe, "E7611", "period", format!("Period not valid: `{pe}`")))
        } else if !shared.meta.within(&ou, &me_org_units(&user.me, "organisationUnits")) {
            Some(fail(
                &ou,
                "E7617",
                "orgUnit",
                format!("Organisation unit: `{ou}` not in hierarchy of current user: `{}`", user.username),
            ))
        } else {
            None
        };
        if let Some(c) = problem {
            conflicts.push(c);
            counts[2] += 1;
            continue;
        }
        let key = (ds.clone(), pe.clone(), ou.clone(), aoc.clone());
        let stored = json!({"period": pe, "dataSet": ds, "organisationUnit": ou, "attributeOptionCombo": aoc,
            "date": r["date"].as_str().map(str::to_string).unwrap_or_else(|| now[..10].to_string()),
            "storedBy": user.username, "completed": r["completed"].as_bool().unwrap_or(true),
            "lastUpdated": now, "lastUpdatedBy": user.username});
        let existed = inner.store.completions.insert(key, stored).is_some();
        counts[if existed { 1 } else { 0 }] += 1;
    }
    summary(counts, conflicts, "false")
}

/// `GET /api/completeDataSetRegistrations?dataSet=&period=&orgUnit=[&children=true]`.
pub async fn get_completions(
    State(shared): State<Arc<Shared>>,
    Query(params): Query<Vec<(String, String)>>,
) -> Response {
    let data_sets = all_of(&params, "dataSet");
    let periods = all_of(&params, "period");
    let ous = org_units(&shared, &params, "orgUnit");
    let spec = fields_param(&params, "*");
    let inner = shared.lock();
    let list: Vec<Value> = inner
        .store
        .completions
        .iter()
        .filter(|((ds, pe, ou, _), _)| {
            (data_sets.is_empty() || data_sets.contains(ds))
                && (periods.is_empty() || periods.contains(pe))
                && (ous.is_empty() || ous.contains(ou))
        })
        .map(|(_, v)| fields::apply(v, &spec))
        .collect();
    http::json(StatusCode::OK, &json!({"completeDataSetRegistrations": list}))
}

/// `DELETE /api/completeDataSetRegistrations?ds=&pe=&ou=`: un-completes.
pub async fn delete_completion(
    State(shared): State<Arc<Shared>>,
    Query(params): Query<Vec<(String, String)>>,
) -> Response {
    let ds = param(&params, "ds").unwrap_or("").to_string();
    let pe = param(&params, "pe").unwrap_or("").to_string();
    let ou = param(&params, "ou").unwrap_or("").to_string();
    shared.lock().store.completions.retain(|(d, p, o, _), _| !(d == &ds && p == &pe && o == &ou));
    StatusCode::NO_CONTENT.into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_follow_dhis2_formats() {
        for ok in [
            "2025",
            "202511",
            "20251120",
            "2025W47",
            "2025BiW1",
            "2025Q4",
            "2025S2",
            "2025April",
            "202501B",
            "2025AprilS1",
        ] {
            assert!(is_period(ok), "{ok}");
        }
        for bad in ["202513", "2025W54", "2025Q5", "false_period", "25-11", "20250230"] {
            assert!(!is_period(bad), "{bad}");
        }
    }
}
