//! `POST /api/tracker` (flat or nested payload; `async`, `importStrategy`, `atomicMode`,
//! `importMode`), and the async job endpoints `/api/tracker/jobs/{id}` and `/report`. Validates the
//! bundle (`validation`), commits the valid objects (all or nothing with `atomicMode=ALL`), and
//! answers DHIS2's ImportReport: 200 when OK, 409 when ERROR (synchronous import, as
//! TrackerImportController does). Jobs run at once; their report is kept in memory.
//!
//! Owns the import flow and the report's JSON. Does not own rules (`validation`) or storage (`store`).
//! Shapes: DHIS2 docs "Import summary response" (2.40-2.42) and the SDK fixtures
//! `imports/tracker-importer/*.json`; `args` on error reports from 2.42.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Extension;
use serde_json::{json, Value};

use super::auth::CurrentUser;
use super::faults::Fault;
use super::http::{self, ActiveFault};
use super::metadata::param;
use super::store::stamp;
use super::validation::{self, Bundle, Ctx, ErrorReport, Strategy};
use super::{ApiVersion, Shared};

/// Finished jobs: id -> (report, finish time).
#[derive(Default)]
pub struct Jobs {
    reports: HashMap<String, (Value, String)>,
    next: u64,
}

impl Jobs {
    fn next_id(&mut self) -> String {
        self.next += 1;
        format!("Job{:08}", self.next)
    }
}

const TYPES: [&str; 3] = ["TRACKED_ENTITY", "ENROLLMENT", "EVENT"];

/// The payload made flat: nested enrollments and events moved to the top level with their
/// parent's UID, missing UIDs generated, program and stage filled from one another.
fn flatten(body: &Value, shared: &Shared, next_uid: &mut impl FnMut() -> String) -> [Vec<Value>; 3] {
    let mut tes = Vec::new();
    let mut enrollments = Vec::new();
    let mut events = Vec::new();
    let push_event = |mut ev: Value, enrollment: Option<&Value>, events: &mut Vec<Value>| {
        if let Some(en) = enrollment {
            ev["enrollment"] = en["enrollment"].clone();
        }
        events.push(ev);
    };
    for te in body["trackedEntities"].as_array().into_iter().flatten() {
        let mut te = te.clone();
        if te["trackedEntity"].as_str().is_none_or(str::is_empty) {
            te["trackedEntity"] = Value::String(next_uid());
        }
        let nested = te.as_object_mut().and_then(|m| m.remove("enrollments"));
        for en in nested.and_then(|n| n.as_array().cloned()).into_iter().flatten() {
            let mut en = en;
            en["trackedEntity"] = te["trackedEntity"].clone();
            enrollments.push(en);
        }
        tes.push(te);
    }
    enrollments.extend(body["enrollments"].as_array().into_iter().flatten().cloned());
    let mut flat_enrollments = Vec::new();
    for mut en in enrollments {
        if en["enrollment"].as_str().is_none_or(str::is_empty) {
            en["enrollment"] = Value::String(next_uid());
        }
        let nested = en.as_object_mut().and_then(|m| m.remove("events"));
        for ev in nested.and_then(|n| n.as_array().cloned()).into_iter().flatten() {
            push_event(ev, Some(&en), &mut events);
        }
        flat_enrollments.push(en);
    }
    events.extend(body["events"].as_array().into_iter().flatten().cloned());
    for ev in events.iter_mut() {
        if ev["event"].as_str().is_none_or(str::is_empty) {
            ev["event"] = Value::String(next_uid());
        }
        let stage = ev["programStage"].as_str().and_then(|s| shared.meta.get("programStages", s));
        if ev["program"].as_str().is_none() {
            if let Some(p) = stage.and_then(|s| s["program"]["id"].as_str()) {
                ev["program"] = Value::String(p.to_string());
            }
        }
        if ev["programStage"].as_str().is_none() {
            let program = ev["program"].as_str().unwrap_or_default().to_string();
            let stages: Vec<&Value> = shared
                .meta
                .collection("programStages")
                .into_iter()
                .flatten()
                .filter(|s| s["program"]["id"] == program.as_str())
                .collect();
            let without_registration =
                shared.meta.get("programs", &program).is_some_and(|p| p["programType"] == "WITHOUT_REGISTRATION");
            if let ([only], true) = (stages.as_slice(), without_registration) {
                ev["programStage"] = only["id"].clone();
            }
        }
    }
    [tes, flat_enrollments, events]
}

fn uid_of(kind: usize, v: &Value) -> String {
    let key = ["trackedEntity", "enrollment", "event"][kind];
    v[key].as_str().unwrap_or_default().to_string()
}

#[derive(Default, Clone, Copy)]
struct Stats {
    created: usize,
    updated: usize,
    deleted: usize,
    ignored: usize,
}

impl Stats {
    fn json(&self) -> Value {
        json!({"created": self.created, "updated": self.updated, "deleted": self.deleted,
            "ignored": self.ignored, "total": self.created + self.updated + self.deleted + self.ignored})
    }

    fn add(&mut self, o: &Stats) {
        self.created += o.created;
        self.updated += o.updated;
        self.deleted += o.deleted;
        self.ignored += o.ignored;
    }
}

/// Runs one import; the ImportReport.
fn run_import(
    shared: &Shared,
    user: &super::TestUser,
    params: &[(String, String)],
    body: &Value,
    fault: &Option<Fault>,
) -> Value {
    let mut inner = shared.lock();
    let now = shared.now(&inner);
    let version = inner.version;
    let strategy = Strategy::parse(param(params, "importStrategy"));
    let atomic_all = param(params, "atomicMode").unwrap_or("ALL") != "OBJECT";
    let validate_only = param(params, "importMode") == Some("VALIDATE");
    let mut counter = inner.store.creations.len() as u64 + inner.store.events.len() as u64;
    let mut next_uid = || {
        counter += 1;
        format!("G{counter:010}")
    };
    let payload = flatten(body, shared, &mut next_uid);
    let forced_e1000 = (*fault == Some(Fault::PartialSuccess))
        .then(|| payload.iter().enumerate().find_map(|(k, list)| list.first().map(|v| uid_of(k, v))))
        .flatten();
    let errors = {
        let ctx = Ctx { meta: &shared.meta, store: &inner.store, user, strategy, now, forced_e1000 };
        let bundle = Bundle { tracked_entities: &payload[0], enrollments: &payload[1], events: &payload[2] };
        validation::validate(&ctx, &bundle)
    };
    let invalid: HashSet<(&str, String)> = errors.iter().map(|e| (e.tracker_type, e.uid.clone())).collect();
    let total: usize = payload.iter().map(Vec::len).sum();
    let commit = !validate_only && (!atomic_all || errors.is_empty());

    let mut type_stats = [Stats::default(); 3];
    let mut object_reports: [Vec<Value>; 3] = Default::default();
    for (k, list) in payload.iter().enumerate() {
        for (index, object) in list.iter().enumerate() {
            let uid = uid_of(k, object);
            if !commit || invalid.contains(&(TYPES[k], uid.clone())) {
                type_stats[k].ignored += 1;
                continue;
            }
            let store = &mut inner.store;
            let existed = match k {
                0 => store.tracked_entities.contains_key(&uid),
                1 => store.enrollments.contains_key(&uid),
                _ => store.events.contains_key(&uid),
            };
            if strategy == Strategy::Delete {
                match k {
                    0 => store.delete_tracked_entity(&uid, now),
                    1 => store.delete_enrollment(&uid, now),
                    _ => store.delete_event(&uid, now),
                }
                type_stats[k].deleted += 1;
            } else {
                match k {
                    0 => store.write_tracked_entity(object, &user.username, now),
                    1 => store.write_enrollment(object, &user.username, now),
                    _ => store.write_event(object, &user.username, now),
                };
                if existed {
                    type_stats[k].updated += 1;
                } else {
                    type_stats[k].created += 1;
                }
            }
            object_reports[k].push(json!({"trackerType": TYPES[k], "uid": uid, "index": index, "errorReports": []}));
        }
    }
    let mut stats = Stats::default();
    type_stats.iter().for_each(|s| stats.add(s));
    debug_assert_eq!(stats.created + stats.updated + stats.deleted + stats.ignored, total);
    let status = if errors.is_empty() { "OK" } else { "ERROR" };
    let mut report = json!({
        "status": status,
        "validationReport": {
            "errorReports": errors.iter().map(|e| error_json(e, version)).collect::<Vec<_>>(),
            "warningReports": [],
        },
        "stats": stats.json(),
    });
    if commit {
        let map: serde_json::Map<String, Value> = (0..3)
            .map(|k| {
                (
                    TYPES[k].to_string(),
                    json!({"trackerType": TYPES[k], "stats": type_stats[k].json(), "objectReports": object_reports[k]}),
                )
            })
            .chain(std::iter::once((
                "RELATIONSHIP".to_string(),
                json!({"trackerType": "RELATIONSHIP", "stats": Stats::default().json(), "objectReports": []}),
            )))
            .collect();
        report["bundleReport"] = json!({"status": "OK", "typeReportMap": map, "stats": stats.json()});
    }
    report
}

fn error_json(e: &ErrorReport, version: ApiVersion) -> Value {
    let mut v = json!({"message": e.message(), "errorCode": e.code, "trackerType": e.tracker_type, "uid": e.uid});
    if version >= ApiVersion::V2_42 {
        v["args"] = json!(e.args);
    }
    v
}

/// `POST /api/tracker`.
pub async fn import(
    State(shared): State<Arc<Shared>>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    Extension(ActiveFault(fault)): Extension<ActiveFault>,
    Query(params): Query<Vec<(String, String)>>,
    body: Bytes,
) -> Response {
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        return http::web_message(StatusCode::BAD_REQUEST, "JSON parse error: the request body is not valid JSON");
    };
    if !body.is_object() {
        return http::web_message(StatusCode::BAD_REQUEST, "JSON parse error: the request body must be an object");
    }
    let report = run_import(&shared, &user, &params, &body, &fault);
    if param(&params, "async") == Some("false") {
        let status = if report["status"] == "ERROR" { StatusCode::CONFLICT } else { StatusCode::OK };
        return http::json(status, &report);
    }
    let mut inner = shared.lock();
    let id = inner.jobs.next_id();
    let finished = stamp(shared.now(&inner));
    let version = inner.version;
    inner.jobs.reports.insert(id.clone(), (report, finished));
    let mut response = json!({"id": id, "location": format!("{}/api/tracker/jobs/{id}", shared.base_url)});
    if version <= ApiVersion::V2_40 {
        response["responseType"] = Value::String("TrackerJob".into());
    }
    http::json(
        StatusCode::OK,
        &json!({"httpStatus": "OK", "httpStatusCode": 200, "status": "OK", "message": "Tracker job added",
            "response": response}),
    )
}

/// `GET /api/tracker/jobs/{id}`: the job's notifications, newest first.
pub async fn job(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Response {
    let inner = shared.lock();
    let Some((report, time)) = inner.jobs.reports.get(&id) else {
        return http::web_message(StatusCode::NOT_FOUND, &format!("Job {id} not found"));
    };
    let s = &report["stats"];
    let done = format!(
        "Import complete with status {}, {} created, {} updated, {} deleted, {} ignored",
        report["status"].as_str().unwrap_or("OK"),
        s["created"],
        s["updated"],
        s["deleted"],
        s["ignored"]
    );
    let note = |n: u32, message: &str, completed: bool| {
        let uid = format!("{id}N{n}");
        json!({"uid": uid, "level": "INFO", "category": "TRACKER_IMPORT_JOB", "time": time, "message": message,
            "completed": completed, "id": uid})
    };
    http::json(
        StatusCode::OK,
        &json!([note(3, &done, true), note(2, "Running Validation", false), note(1, "Tracker import started", false)]),
    )
}

/// `GET /api/tracker/jobs/{id}/report`.
pub async fn job_report(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Response {
    match shared.lock().jobs.reports.get(&id) {
        Some((report, _)) => http::json(StatusCode::OK, report),
        None => http::web_message(StatusCode::NOT_FOUND, &format!("Job {id} not found")),
    }
}
