//! The loaded metadata: an index of the `/api/metadata`-shaped document (collections by name,
//! objects by UID, org unit paths, option codes, the server's time zone), the user's org unit
//! scopes, and the `GET /api/{collection}` route with DHIS2's `fields`, `filter` (ANDed; `eq`,
//! `!eq`, `in`, `!in`, `like`, `ilike`, `null`, `!null` on dotted paths such as `program.id`) and
//! paging (`page`, `pageSize`, `paging=false`).
//!
//! Owns reading metadata. Does not own tracker or aggregate data (`store`).
//! Source: DHIS2 Web API docs (metadata.md: "Object filter", "Field filter", paging).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{DateTime, NaiveDateTime, Utc};
use serde_json::{json, Map, Value};

use super::store::stamp;
use super::{fields, http, Shared};

/// The metadata document, indexed.
pub struct Metadata {
    collections: HashMap<String, Vec<Value>>,
    by_id: HashMap<String, HashMap<String, usize>>,
    options_by_set: HashMap<String, HashSet<String>>,
    pub system: Value,
    pub time_zone: chrono_tz::Tz,
}

impl Metadata {
    /// The object with this UID in any collection.
    pub fn find_any(&self, id: &str) -> Option<&Value> {
        self.by_id.iter().find_map(|(name, ids)| ids.get(id).map(|&i| &self.collections[name][i]))
    }
}

/// `access` of an object the user may read, change and capture data for.
fn full_access() -> Value {
    json!({"read": true, "update": true, "write": true, "delete": false, "externalize": false, "manage": false,
           "data": {"read": true, "write": true}})
}

impl Metadata {
    pub fn new(doc: Value) -> Metadata {
        let mut collections = HashMap::new();
        let mut system = Value::Null;
        if let Value::Object(map) = doc {
            for (key, value) in map {
                match value {
                    Value::Array(mut items) => {
                        // DHIS2 works out `access` per user and object; the test server's users
                        // may read and capture everything the document holds.
                        for item in items.iter_mut().filter_map(Value::as_object_mut) {
                            item.entry("access").or_insert_with(full_access);
                        }
                        collections.insert(key, items);
                    }
                    other if key == "system" => system = other,
                    _ => {}
                }
            }
        }
        let by_id = collections
            .iter()
            .map(|(name, items)| {
                let ids = items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, o)| o["id"].as_str().map(|id| (id.to_string(), i)))
                    .collect();
                (name.clone(), ids)
            })
            .collect();
        let mut options_by_set: HashMap<String, HashSet<String>> = HashMap::new();
        let options: HashMap<&str, &Value> =
            collections.get("options").into_iter().flatten().filter_map(|o| Some((o["id"].as_str()?, o))).collect();
        for set in collections.get("optionSets").into_iter().flatten() {
            let Some(set_id) = set["id"].as_str() else { continue };
            let codes = options_by_set.entry(set_id.to_string()).or_default();
            for option in set["options"].as_array().into_iter().flatten() {
                let full = option["id"].as_str().and_then(|id| options.get(id)).copied().unwrap_or(option);
                if let Some(code) = full["code"].as_str() {
                    codes.insert(code.to_string());
                }
            }
        }
        for option in options.values() {
            if let (Some(set), Some(code)) = (option["optionSet"]["id"].as_str(), option["code"].as_str()) {
                options_by_set.entry(set.to_string()).or_default().insert(code.to_string());
            }
        }
        let time_zone = system["serverTimeZoneId"].as_str().and_then(|z| z.parse().ok()).unwrap_or(chrono_tz::UTC);
        Metadata { collections, by_id, options_by_set, system, time_zone }
    }

    pub fn collection(&self, name: &str) -> Option<&Vec<Value>> {
        self.collections.get(name)
    }

    pub fn get(&self, collection: &str, id: &str) -> Option<&Value> {
        let i = *self.by_id.get(collection)?.get(id)?;
        self.collections.get(collection)?.get(i)
    }

    /// The server's local time for a UTC instant (DHIS2 writes timestamps without an offset).
    pub fn local_time(&self, utc: DateTime<Utc>) -> NaiveDateTime {
        utc.with_timezone(&self.time_zone).naive_local()
    }

    pub fn time_zone_id(&self) -> String {
        self.system["serverTimeZoneId"].as_str().unwrap_or("Etc/UTC").to_string()
    }

    /// Whether `code` is an option of `option_set`.
    pub fn is_option(&self, option_set: &str, code: &str) -> bool {
        self.options_by_set.get(option_set).is_some_and(|codes| codes.contains(code))
    }

    pub fn org_unit_path(&self, id: &str) -> Option<&str> {
        self.get("organisationUnits", id)?["path"].as_str()
    }

    /// Whether org unit `id` is one of `roots` or below one of them.
    pub fn within(&self, id: &str, roots: &[String]) -> bool {
        let Some(path) = self.org_unit_path(id) else { return roots.iter().any(|r| r == id) };
        path.split('/').any(|part| roots.iter().any(|r| r == part))
    }

    /// `root` and, with `descendants`, every org unit below it (`children`: one level down).
    pub fn org_units_under(&self, root: &str, mode: OuMode) -> Vec<String> {
        let mut out = vec![root.to_string()];
        if mode == OuMode::Selected {
            return out;
        }
        let Some(root_path) = self.org_unit_path(root) else { return out };
        let depth = root_path.matches('/').count();
        for ou in self.collection("organisationUnits").into_iter().flatten() {
            let (Some(id), Some(path)) = (ou["id"].as_str(), ou["path"].as_str()) else { continue };
            if id == root || !path.starts_with(&format!("{root_path}/")) {
                continue;
            }
            if mode == OuMode::Children && path.matches('/').count() != depth + 1 {
                continue;
            }
            out.push(id.to_string());
        }
        out
    }
}

/// How an org unit selection extends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OuMode {
    Selected,
    Children,
    Descendants,
}

/// The UIDs of a `/api/me` list of org unit references (`organisationUnits`, ...).
pub fn me_org_units(me: &Value, key: &str) -> Vec<String> {
    me[key].as_array().into_iter().flatten().filter_map(|o| o["id"].as_str().map(str::to_string)).collect()
}

/// `GET /api/{collection}`.
pub async fn list(
    State(shared): State<Arc<Shared>>,
    Path(collection): Path<String>,
    Query(params): Query<Vec<(String, String)>>,
) -> Response {
    let collection = collection.trim_end_matches(".json").to_string();
    let empty = Vec::new();
    // A collection every DHIS2 has answers an empty list when the loaded document has none of it.
    let items = match shared.meta.collection(&collection) {
        Some(items) => items,
        None if phum_core::model::Collection::from_key(&collection).is_some() || collection == "constants" => &empty,
        None => return http::web_message(StatusCode::NOT_FOUND, &format!("Collection not found: `{collection}`")),
    };
    let filters: Vec<Filter> =
        params.iter().filter(|(k, _)| k == "filter").filter_map(|(_, v)| Filter::parse(v)).collect();
    let selected: Vec<&Value> = items.iter().filter(|o| filters.iter().all(|f| f.matches(o))).collect();
    let spec = fields_param(&params, "id,displayName");
    let paging = param(&params, "paging").is_none_or(|p| p != "false");
    let mut out = Map::new();
    let page_items: Vec<&Value> = if paging {
        let page_size: usize = param(&params, "pageSize").and_then(|p| p.parse().ok()).unwrap_or(50).max(1);
        let page: usize = param(&params, "page").and_then(|p| p.parse().ok()).unwrap_or(1).max(1);
        let total = selected.len();
        let page_count = total.div_ceil(page_size).max(1);
        let mut pager = json!({"page": page, "pageCount": page_count, "total": total, "pageSize": page_size});
        if page < page_count {
            pager["nextPage"] = Value::String(format!("{}/api/{collection}?page={}", shared.base_url, page + 1));
        }
        out.insert("pager".into(), pager);
        selected.into_iter().skip((page - 1) * page_size).take(page_size).collect()
    } else {
        selected
    };
    let resolve = |id: &str| shared.meta.find_any(id).cloned();
    let projected: Vec<Value> = page_items.into_iter().map(|o| fields::apply_resolving(o, &spec, &resolve)).collect();
    out.insert(collection, Value::Array(projected));
    http::json(StatusCode::OK, &Value::Object(out))
}

/// `GET /api/metadata`: every collection (optionally only those named by `{collection}=true`
/// parameters, as DHIS2's metadata export takes them), with `fields` applied to each object, and
/// `system`.
pub async fn whole(State(shared): State<Arc<Shared>>, Query(params): Query<Vec<(String, String)>>) -> Response {
    let spec = fields_param(&params, ":owner");
    let chosen: Vec<&str> = params.iter().filter(|(_, v)| v == "true").map(|(k, _)| k.as_str()).collect();
    let mut out = Map::new();
    let mut names: Vec<&String> = shared.meta.collections.keys().collect();
    names.sort();
    for name in names {
        if chosen.is_empty() || chosen.contains(&name.as_str()) {
            let items = shared.meta.collections[name].iter().map(|o| fields::apply(o, &spec)).collect();
            out.insert(name.clone(), Value::Array(items));
        }
    }
    let (version, now) = {
        let inner = shared.lock();
        (inner.version, shared.now(&inner))
    };
    out.insert("system".into(), json!({"version": version.as_str(), "date": stamp(now)}));
    http::json(StatusCode::OK, &Value::Object(out))
}

/// `GET /api/{collection}/{id}`.
pub async fn one(
    State(shared): State<Arc<Shared>>,
    Path((collection, id)): Path<(String, String)>,
    Query(params): Query<Vec<(String, String)>>,
) -> Response {
    let id = id.trim_end_matches(".json");
    match shared.meta.get(&collection, id) {
        Some(o) => http::json(StatusCode::OK, &fields::apply(o, &fields_param(&params, "*"))),
        None => http::web_message(StatusCode::NOT_FOUND, &format!("{collection} with id {id} could not be found.")),
    }
}

/// The first value of query parameter `name`.
pub fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// Every `fields` parameter joined (DHIS2 accepts several), or `default`.
pub fn fields_param(params: &[(String, String)], default: &str) -> Vec<fields::Field> {
    let all: Vec<&str> = params.iter().filter(|(k, _)| k == "fields").map(|(_, v)| v.as_str()).collect();
    if all.is_empty() {
        fields::parse(default)
    } else {
        fields::parse(&all.join(","))
    }
}

/// One `filter=property:operator:value`.
#[derive(Debug)]
struct Filter {
    path: Vec<String>,
    op: String,
    value: String,
}

impl Filter {
    fn parse(text: &str) -> Option<Filter> {
        let mut parts = text.splitn(3, ':');
        let path = parts.next()?.split('.').map(str::to_string).collect();
        let op = parts.next()?.to_string();
        let value = parts.next().unwrap_or("").to_string();
        Some(Filter { path, op, value })
    }

    fn matches(&self, object: &Value) -> bool {
        let mut values = Vec::new();
        collect(object, &self.path, &mut values);
        let texts: Vec<String> = values
            .iter()
            .filter_map(|v| match v {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                Value::Bool(b) => Some(b.to_string()),
                _ => None,
            })
            .collect();
        let list = || -> Vec<String> {
            self.value.trim_start_matches('[').trim_end_matches(']').split(',').map(|s| s.trim().to_string()).collect()
        };
        match self.op.as_str() {
            "eq" => texts.contains(&self.value),
            "!eq" | "ne" | "neq" => !texts.contains(&self.value),
            "in" => {
                let l = list();
                texts.iter().any(|t| l.contains(t))
            }
            "!in" => {
                let l = list();
                !texts.iter().any(|t| l.contains(t))
            }
            "like" => texts.iter().any(|t| t.contains(&self.value)),
            "ilike" => texts.iter().any(|t| t.to_lowercase().contains(&self.value.to_lowercase())),
            "$like" | "$ilike" => texts.iter().any(|t| t.to_lowercase().starts_with(&self.value.to_lowercase())),
            "like$" | "ilike$" => texts.iter().any(|t| t.to_lowercase().ends_with(&self.value.to_lowercase())),
            "null" => texts.is_empty(),
            "!null" => !texts.is_empty(),
            // An operator this server does not know: DHIS2 answers 400; matching nothing makes the
            // mistake just as visible to a test.
            _ => false,
        }
    }
}

/// Every value at `path` below `value`, through arrays.
fn collect<'a>(value: &'a Value, path: &[String], out: &mut Vec<&'a Value>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect(v, path, out)),
        _ if path.is_empty() => out.push(value),
        Value::Object(map) => {
            if let Some(v) = map.get(&path[0]) {
                collect(v, &path[1..], out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_follow_dotted_paths_into_arrays() {
        let o = json!({"id": "a", "program": {"id": "p"}, "dataSetElements": [{"dataElement": {"id": "d1"}}]});
        assert!(Filter::parse("program.id:in:[x,p]").unwrap().matches(&o));
        assert!(Filter::parse("dataSetElements.dataElement.id:eq:d1").unwrap().matches(&o));
        assert!(!Filter::parse("id:in:[b,c]").unwrap().matches(&o));
        assert!(Filter::parse("code:null").unwrap().matches(&o));
    }
}
