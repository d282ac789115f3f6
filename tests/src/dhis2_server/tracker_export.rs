//! `GET /api/tracker/trackedEntities`, `/enrollments`, `/events` (and `/{uid}` of each), with the
//! parameters of the version served: up to 2.40 `orgUnit` (`;`-separated), `ouMode`,
//! `trackedEntity`/`event`/`enrollment` (`;`), `skipPaging`; from 2.41 `orgUnits` (`,`),
//! `orgUnitMode`, `trackedEntities`/`events`/`enrollments` (`,`), `paging` (2.41 still takes the
//! old names, 2.42 ignores them). Common: `program`, `programStage`, `trackedEntityType`,
//! `updatedAfter` (server clock, millisecond precision, inclusive), `includeDeleted`, `page`,
//! `pageSize`, `totalPages`, `fields` (default `*`). Answers `{"page","pageSize","instances"}` up to
//! 2.40, `{"pager":{...},"page","pageSize","trackedEntities"|...}` in 2.41 (as the SDK's fixture
//! shows) and `{"pager":{...},"trackedEntities"|...}` from 2.42.
//!
//! Owns reading tracker data over HTTP. Does not own storage (`store`).
//! Source: DHIS2 docs tracker.md (2.40, 2.41, 2.42) and the SDK's `*_lower_v41`/`*_greater_equal_v41` fixtures.

use std::collections::HashSet;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Extension;
use serde_json::{json, Map, Value};

use super::auth::CurrentUser;
use super::metadata::{fields_param, me_org_units, param, OuMode};
use super::store::{stamp, Store};
use super::validation::normalize_date;
use super::{fields, http, ApiVersion, Inner, Shared};

type Params = [(String, String)];

/// The first of `names` present, with the names each version accepts.
fn versioned<'a>(params: &'a Params, version: ApiVersion, new: &str, old: &str) -> Option<(&'a str, char)> {
    match version {
        ApiVersion::V2_39 | ApiVersion::V2_40 => param(params, old).map(|v| (v, ';')),
        ApiVersion::V2_41 => param(params, new).map(|v| (v, ',')).or_else(|| param(params, old).map(|v| (v, ';'))),
        ApiVersion::V2_42 => param(params, new).map(|v| (v, ',')),
    }
}

fn list_of(params: &Params, version: ApiVersion, new: &str, old: &str) -> Option<HashSet<String>> {
    versioned(params, version, new, old)
        .map(|(v, sep)| v.split(sep).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect())
}

/// What every list request shares.
struct Query_ {
    version: ApiVersion,
    org_units: Option<HashSet<String>>,
    program: Option<String>,
    updated_after: Option<String>,
    include_deleted: bool,
    paging: bool,
    page: usize,
    page_size: usize,
    total_pages: bool,
    spec: Vec<fields::Field>,
}

/// Reads the shared parameters; an error answer for org units outside the user's scope.
fn read_query(
    shared: &Shared,
    inner: &Inner,
    user: &super::TestUser,
    params: &Params,
) -> Result<Query_, Box<Response>> {
    let version = inner.version;
    let requested = list_of(params, version, "orgUnits", "orgUnit");
    let mode = versioned(params, version, "orgUnitMode", "ouMode").map(|(m, _)| m.to_string());
    let capture = me_org_units(&user.me, "organisationUnits");
    let mut search = me_org_units(&user.me, "teiSearchOrganisationUnits");
    search.extend(capture.iter().cloned());
    let under = |roots: &[String], m: OuMode| -> HashSet<String> {
        roots.iter().flat_map(|r| shared.meta.org_units_under(r, m)).collect()
    };
    let org_units = match (mode.as_deref(), &requested) {
        (Some("ALL"), _) => None,
        (Some("CAPTURE"), _) => Some(under(&capture, OuMode::Descendants)),
        (Some("ACCESSIBLE"), _) | (None, None) => Some(under(&search, OuMode::Descendants)),
        (m, Some(ous)) => {
            if let Some(outside) = ous.iter().find(|ou| !shared.meta.within(ou, &search)) {
                return Err(Box::new(http::web_message(
                    StatusCode::FORBIDDEN,
                    &format!("User does not have access to orgUnit: {outside}"),
                )));
            }
            let m = match m {
                Some("DESCENDANTS") => OuMode::Descendants,
                Some("CHILDREN") => OuMode::Children,
                _ => OuMode::Selected,
            };
            let roots: Vec<String> = ous.iter().cloned().collect();
            Some(under(&roots, m))
        }
        (Some(_), None) => Some(under(&search, OuMode::Descendants)),
    };
    let updated_after = match param(params, "updatedAfter") {
        Some(t) => match normalize_date(t) {
            Some(t) => Some(stamp(t)),
            None => return Err(Box::new(http::web_message(StatusCode::BAD_REQUEST, &format!("Invalid date: {t}")))),
        },
        None => None,
    };
    let paging = match version {
        ApiVersion::V2_39 | ApiVersion::V2_40 => param(params, "skipPaging") != Some("true"),
        ApiVersion::V2_41 => param(params, "paging") != Some("false") && param(params, "skipPaging") != Some("true"),
        ApiVersion::V2_42 => param(params, "paging") != Some("false"),
    };
    Ok(Query_ {
        version,
        org_units,
        program: param(params, "program").map(str::to_string),
        updated_after,
        include_deleted: param(params, "includeDeleted") == Some("true"),
        paging,
        page: param(params, "page").and_then(|p| p.parse().ok()).unwrap_or(1).max(1),
        page_size: param(params, "pageSize").and_then(|p| p.parse().ok()).unwrap_or(50).max(1),
        total_pages: param(params, "totalPages") == Some("true"),
        spec: fields_param(params, "*"),
    })
}

impl Query_ {
    fn keeps(&self, json: &Value) -> bool {
        if !self.include_deleted && Store::is_deleted(json) {
            return false;
        }
        if let Some(after) = &self.updated_after {
            // Both sides are `yyyy-MM-ddTHH:mm:ss.SSS`: text order is time order.
            if json["updatedAt"].as_str().unwrap_or("") < after.as_str() {
                return false;
            }
        }
        if let Some(ous) = &self.org_units {
            if !json["orgUnit"].as_str().is_some_and(|ou| ous.contains(ou)) {
                return false;
            }
        }
        true
    }

    /// The answer: the page of `items`, built into export JSON (only the page: a 20,000-person
    /// download builds each person once), projected, in the version's list shape.
    fn answer<T>(&self, key: &str, items: Vec<T>, build: impl Fn(T) -> Option<Value>) -> Response {
        let total = items.len();
        let page_items: Vec<T> = if self.paging {
            items.into_iter().skip((self.page - 1) * self.page_size).take(self.page_size).collect()
        } else {
            items
        };
        let projected: Vec<Value> =
            page_items.into_iter().filter_map(build).map(|v| fields::apply(&v, &self.spec)).collect();
        let mut out = Map::new();
        let list_key = if self.version.new_tracker_shapes() { key } else { "instances" };
        if self.paging {
            let mut pager = json!({"page": self.page, "pageSize": self.page_size});
            if self.total_pages {
                pager["total"] = json!(total);
                pager["pageCount"] = json!(total.div_ceil(self.page_size).max(1));
            }
            if self.version >= ApiVersion::V2_41 {
                out.insert("pager".into(), pager.clone());
            }
            if self.version <= ApiVersion::V2_41 {
                if let Value::Object(p) = pager {
                    out.extend(p);
                }
            }
        }
        out.insert(list_key.into(), Value::Array(projected));
        http::json(StatusCode::OK, &Value::Object(out))
    }
}

/// The key of a list query in `Store::list_cache`: everything but the page.
fn cache_key(kind: &str, user: &super::TestUser, version: ApiVersion, params: &Params) -> String {
    let mut parts: Vec<String> = params.iter().filter(|(k, _)| k != "page").map(|(k, v)| format!("{k}={v}")).collect();
    parts.sort();
    format!("{kind}|{}|{version:?}|{}", user.username, parts.join("&"))
}

/// The UIDs cached for `key`, if no tracker write happened since.
fn cached(inner: &Inner, key: &str) -> Option<Vec<String>> {
    let (generation, uids) = inner.store.list_cache.get(key)?;
    (*generation == inner.store.generation).then(|| uids.clone())
}

/// `GET /api/tracker/trackedEntities`.
pub async fn tracked_entities(
    State(shared): State<Arc<Shared>>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    Query(params): Query<Vec<(String, String)>>,
) -> Response {
    let mut inner = shared.lock();
    let q = match read_query(&shared, &inner, &user, &params) {
        Ok(q) => q,
        Err(answer) => return *answer,
    };
    let uids = list_of(&params, q.version, "trackedEntities", "trackedEntity");
    let tet = param(&params, "trackedEntityType");
    if q.program.is_none() && tet.is_none() && uids.is_none() {
        return http::web_message(
            StatusCode::BAD_REQUEST,
            "Either `program`, `trackedEntityType` or `trackedEntities` should be specified",
        );
    }
    let key = cache_key("trackedEntities", &user, q.version, &params);
    if let Some(uids) = cached(&inner, &key) {
        let store = &inner.store;
        return q.answer("trackedEntities", uids, |uid| {
            store.tracked_entity_export(&shared.meta, &uid, q.program.as_deref(), q.include_deleted)
        });
    }
    let store = &inner.store;
    let items: Vec<String> = store
        .tracked_entities
        .iter()
        .filter(|(uid, _)| uids.as_ref().is_none_or(|u| u.contains(*uid)))
        .filter(|(_, te)| tet.is_none_or(|t| te.json["trackedEntityType"] == t))
        .filter(|(_, te)| q.keeps(&te.json))
        .filter(|(_, te)| {
            q.program.as_ref().is_none_or(|p| {
                te.enrollments.iter().any(|e| {
                    store.enrollments.get(e).is_some_and(|e| {
                        e.json["program"] == p.as_str() && (q.include_deleted || !Store::is_deleted(&e.json))
                    })
                })
            })
        })
        .map(|(uid, _)| uid.clone())
        .collect();
    let generation = store.generation;
    if inner.store.list_cache.len() >= 8 {
        inner.store.list_cache.clear();
    }
    inner.store.list_cache.insert(key, (generation, items.clone()));
    let store = &inner.store;
    q.answer("trackedEntities", items, |uid| {
        store.tracked_entity_export(&shared.meta, &uid, q.program.as_deref(), q.include_deleted)
    })
}

/// `GET /api/tracker/enrollments`.
pub async fn enrollments(
    State(shared): State<Arc<Shared>>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    Query(params): Query<Vec<(String, String)>>,
) -> Response {
    let inner = shared.lock();
    let q = match read_query(&shared, &inner, &user, &params) {
        Ok(q) => q,
        Err(answer) => return *answer,
    };
    let uids = list_of(&params, q.version, "enrollments", "enrollment");
    let te = param(&params, "trackedEntity");
    let store = &inner.store;
    let items: Vec<&super::store::Enrollment> = store
        .enrollments
        .iter()
        .filter(|(uid, _)| uids.as_ref().is_none_or(|u| u.contains(*uid)))
        .filter(|(_, e)| q.keeps(&e.json))
        .filter(|(_, e)| q.program.as_ref().is_none_or(|p| e.json["program"] == p.as_str()))
        .filter(|(_, e)| te.is_none_or(|t| e.json["trackedEntity"] == t))
        .map(|(_, e)| e)
        .collect();
    q.answer("enrollments", items, |e| {
        let mut json = store.enrollment_json(&shared.meta, e);
        json["events"] = Value::Array(
            e.events
                .iter()
                .filter_map(|ev| store.events.get(ev))
                .filter(|ev| q.include_deleted || !Store::is_deleted(ev))
                .cloned()
                .collect(),
        );
        Some(json)
    })
}

/// `GET /api/tracker/events`.
pub async fn events(
    State(shared): State<Arc<Shared>>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    Query(params): Query<Vec<(String, String)>>,
) -> Response {
    let inner = shared.lock();
    let q = match read_query(&shared, &inner, &user, &params) {
        Ok(q) => q,
        Err(answer) => return *answer,
    };
    let uids = list_of(&params, q.version, "events", "event");
    let enrollment_uids = list_of(&params, q.version, "enrollments", "enrollment");
    let stage = param(&params, "programStage");
    let te = param(&params, "trackedEntity");
    let status = param(&params, "status");
    let items: Vec<&Value> = inner
        .store
        .events
        .iter()
        .filter(|(uid, _)| uids.as_ref().is_none_or(|u| u.contains(*uid)))
        .filter(|(_, e)| q.keeps(e))
        .filter(|(_, e)| q.program.as_ref().is_none_or(|p| e["program"] == p.as_str()))
        .filter(|(_, e)| stage.is_none_or(|s| e["programStage"] == s))
        .filter(|(_, e)| te.is_none_or(|t| e["trackedEntity"] == t))
        .filter(|(_, e)| status.is_none_or(|s| e["status"] == s))
        .filter(|(_, e)| {
            enrollment_uids.as_ref().is_none_or(|u| e["enrollment"].as_str().is_some_and(|en| u.contains(en)))
        })
        .map(|(_, e)| e)
        .collect();
    q.answer("events", items, |e| Some(e.clone()))
}

fn not_found(kind: &str, uid: &str) -> Response {
    http::web_message(StatusCode::NOT_FOUND, &format!("{kind} with id {uid} could not be found."))
}

/// `GET /api/tracker/trackedEntities/{uid}`.
pub async fn tracked_entity(
    State(shared): State<Arc<Shared>>,
    Path(uid): Path<String>,
    Query(params): Query<Vec<(String, String)>>,
) -> Response {
    let inner = shared.lock();
    let program = param(&params, "program");
    match inner.store.tracked_entity_export(&shared.meta, &uid, program, false) {
        Some(te) if !Store::is_deleted(&te) => {
            http::json(StatusCode::OK, &fields::apply(&te, &fields_param(&params, "*")))
        }
        _ => not_found("TrackedEntity", &uid),
    }
}

/// `GET /api/tracker/enrollments/{uid}`.
pub async fn enrollment(
    State(shared): State<Arc<Shared>>,
    Path(uid): Path<String>,
    Query(params): Query<Vec<(String, String)>>,
) -> Response {
    let inner = shared.lock();
    match inner.store.enrollments.get(&uid).filter(|e| !Store::is_deleted(&e.json)) {
        Some(e) => {
            let json = inner.store.enrollment_json(&shared.meta, e);
            http::json(StatusCode::OK, &fields::apply(&json, &fields_param(&params, "*")))
        }
        None => not_found("Enrollment", &uid),
    }
}

/// `GET /api/tracker/events/{uid}`.
pub async fn event(
    State(shared): State<Arc<Shared>>,
    Path(uid): Path<String>,
    Query(params): Query<Vec<(String, String)>>,
) -> Response {
    let inner = shared.lock();
    match inner.store.events.get(&uid).filter(|e| !Store::is_deleted(e)) {
        Some(e) => http::json(StatusCode::OK, &fields::apply(e, &fields_param(&params, "*"))),
        None => not_found("Event", &uid),
    }
}
