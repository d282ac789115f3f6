//! The DHIS2 test server over real HTTP: every endpoint in the 2.40 and 2.41+ shapes, its answers
//! compared with real DHIS2 answers (tests/data/dhis2-api, from the Android SDK) field by field,
//! each validation error code, each fault, the field filter, paging, `updatedAfter` on a skewed
//! clock and creation counting.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use phum_core::demo::dataset::{immunization, ncd, org_units, person, vhsg};
use phum_tests::dhis2_server::{ApiVersion, DataValueKey, Fault, FaultRule, ServerSetup, TestServer, TestUser};
use serde_json::{json, Value};

const USER: &str = "trainee";
const PASSWORD: &str = "District1!";
const HC: &str = "DmOuHcChnDi";
const VILLAGE: &str = "DmV17060101";

/// A blocking client with the demo user's credentials.
struct Client {
    agent: ureq::Agent,
    base: String,
    auth: Option<String>,
}

fn basic(user: &str, password: &str) -> String {
    use base64::Engine;
    format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}")))
}

impl Client {
    fn new(server: &TestServer) -> Client {
        Client::with(server, Some(basic(USER, PASSWORD)), 10)
    }

    fn with(server: &TestServer, auth: Option<String>, redirects: u32) -> Client {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(redirects)
            .timeout_global(Some(Duration::from_secs(5)))
            .build()
            .new_agent();
        Client { agent, base: server.url(), auth }
    }

    fn get_text(&self, path: &str) -> Result<(u16, String), ureq::Error> {
        let mut req = self.agent.get(format!("{}{path}", self.base));
        if let Some(a) = &self.auth {
            req = req.header("Authorization", a);
        }
        let mut resp = req.call()?;
        let status = resp.status().as_u16();
        let text = resp.body_mut().with_config().limit(50_000_000).read_to_string()?;
        Ok((status, text))
    }

    fn get(&self, path: &str) -> (u16, Value) {
        let (status, text) = self.get_text(path).expect("an answer");
        (status, serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}: {text}")))
    }

    fn post_raw(&self, path: &str, body: &Value) -> Result<(u16, String), ureq::Error> {
        let mut req = self.agent.post(format!("{}{path}", self.base)).header("Content-Type", "application/json");
        if let Some(a) = &self.auth {
            req = req.header("Authorization", a);
        }
        let mut resp = req.send(body.to_string())?;
        let status = resp.status().as_u16();
        Ok((status, resp.body_mut().read_to_string()?))
    }

    fn post(&self, path: &str, body: &Value) -> (u16, Value) {
        let (status, text) = self.post_raw(path, body).expect("an answer");
        (status, serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}: {text}")))
    }

    fn import(&self, strategy: &str, body: &Value) -> (u16, Value) {
        self.post(&format!("/api/tracker?async=false&atomicMode=OBJECT&importStrategy={strategy}"), body)
    }
}

fn demo() -> (TestServer, Client) {
    let server = TestServer::start(ServerSetup::demo());
    let client = Client::new(&server);
    (server, client)
}

fn fixture(name: &str) -> Value {
    let path = format!("{}/data/dhis2-api/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).expect(&path)).expect("fixture JSON")
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Every key of the real answer is in ours with the same JSON type, recursively (array elements
/// compared pairwise as far as both go). Returns the differences.
fn shape_differences(real: &Value, ours: &Value, path: &str, ignore: &[&str], out: &mut Vec<String>) {
    if kind(real) != kind(ours) {
        out.push(format!("{path}: {} in DHIS2, {} here", kind(real), kind(ours)));
        return;
    }
    match (real, ours) {
        (Value::Object(r), Value::Object(o)) => {
            for (k, v) in r {
                let p = format!("{path}.{k}");
                if ignore.contains(&k.as_str()) {
                    continue;
                }
                match o.get(k) {
                    Some(ov) => shape_differences(v, ov, &p, ignore, out),
                    None => out.push(format!("{p}: missing here")),
                }
            }
        }
        (Value::Array(r), Value::Array(o)) => {
            if !r.is_empty() && o.is_empty() {
                out.push(format!("{path}: empty here"));
            }
            for (i, (rv, ov)) in r.iter().zip(o.iter()).enumerate() {
                shape_differences(rv, ov, &format!("{path}[{i}]"), ignore, out);
            }
        }
        _ => {}
    }
}

fn assert_same_shape(name: &str, ours: &Value, ignore: &[&str]) {
    let mut diffs = Vec::new();
    shape_differences(&fixture(name), ours, "$", ignore, &mut diffs);
    assert!(diffs.is_empty(), "{name}:\n{}\nours: {ours:#}", diffs.join("\n"));
}

// ----- payload builders -----

fn person(te: &str) -> Value {
    json!({"trackedEntity": te, "trackedEntityType": person::TYPE.as_str(), "orgUnit": VILLAGE,
        "attributes": [{"attribute": person::NAME_KHMER.as_str(), "value": "សុខា"}]})
}

fn ncd_enrollment(en: &str, te: &str) -> Value {
    json!({"enrollment": en, "trackedEntity": te, "program": ncd::PROGRAM.as_str(), "orgUnit": VILLAGE,
    "status": "ACTIVE", "enrolledAt": "2025-11-20T00:00:00.000", "occurredAt": "2025-11-20T00:00:00.000",
    "attributes": [
        {"attribute": person::SEX.as_str(), "value": "F"},
        {"attribute": person::DATE_OF_BIRTH.as_str(), "value": "1970-05-01"},
        {"attribute": person::VILLAGE.as_str(), "value": "17060101"},
    ]})
}

fn screening(ev: &str, en: &str) -> Value {
    json!({"event": ev, "enrollment": en, "program": ncd::PROGRAM.as_str(), "programStage": ncd::SCREENING.as_str(),
        "orgUnit": VILLAGE, "status": "ACTIVE", "occurredAt": "2025-11-20T00:00:00.000",
        "scheduledAt": "2025-11-20T00:00:00.000", "dataValues": [{"dataElement": ncd::SYSTOLIC.as_str(), "value": "150"},
                       {"dataElement": ncd::DIASTOLIC.as_str(), "value": "95"}]})
}

fn bundle(tes: Vec<Value>, enrollments: Vec<Value>, events: Vec<Value>) -> Value {
    json!({"trackedEntities": tes, "enrollments": enrollments, "events": events})
}

fn one_person() -> Value {
    bundle(
        vec![person("PersonAAA01")],
        vec![ncd_enrollment("EnrolAAA001", "PersonAAA01")],
        vec![screening("EventAAA001", "EnrolAAA001")],
    )
}

fn error_codes(report: &Value) -> Vec<(String, String)> {
    report["validationReport"]["errorReports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["errorCode"].as_str().unwrap().to_string(), e["uid"].as_str().unwrap().to_string()))
        .collect()
}

// ----- auth, system info, me -----

#[test]
fn system_info_has_the_real_fields_and_the_server_clock() {
    let (server, client) = demo();
    server.set_clock_offset(chrono::TimeDelta::hours(-30));
    let (status, info) = client.get("/api/system/info");
    assert_eq!(status, 200);
    assert_same_shape("system_info.json", &info, &[]);
    assert_eq!(info["version"], "2.41.3");
    assert_eq!(info["serverTimeZoneId"], "Asia/Phnom_Penh");
    let server_date =
        chrono::NaiveDateTime::parse_from_str(info["serverDate"].as_str().unwrap(), "%Y-%m-%dT%H:%M:%S%.3f").unwrap();
    let expected = chrono::Utc::now().naive_utc() + chrono::TimeDelta::hours(7 - 30);
    assert!((server_date - expected).num_seconds().abs() < 5, "{server_date} vs {expected}");
    server.set_version(ApiVersion::V2_40);
    assert_eq!(client.get("/api/system/info?fields=version").1, json!({"version": "2.40.5"}));
}

#[test]
fn wrong_password_and_missing_credentials_are_401_with_dhis2_body() {
    let server = TestServer::start(ServerSetup::demo());
    let wrong = Client::with(&server, Some(basic(USER, "nope")), 0);
    let (status, body) = wrong.get("/api/me");
    assert_eq!(status, 401);
    assert_eq!(
        body,
        json!({"httpStatus": "Unauthorized", "httpStatusCode": 401, "status": "ERROR", "message": "Unauthorized"})
    );
    let none = Client::with(&server, None, 0);
    assert_eq!(none.get("/api/system/info").0, 401);
    assert_eq!(none.get_text("/api/ping").unwrap(), (200, "pong".to_string()));
}

#[test]
fn api_tokens_authenticate() {
    let mut setup = ServerSetup::demo();
    setup.users.push(TestUser {
        username: "script".into(),
        password: "x".into(),
        token: Some("d2pat_abc1234567890".into()),
        me: json!({"id": "ScriptUser1", "username": "script", "organisationUnits": [{"id": HC}]}),
    });
    let server = TestServer::start(setup);
    let client = Client::with(&server, Some("ApiToken d2pat_abc1234567890".into()), 0);
    assert_eq!(client.get("/api/me?fields=username").1, json!({"username": "script"}));
    let bad = Client::with(&server, Some("ApiToken d2pat_wrong".into()), 0);
    assert_eq!(bad.get("/api/me").0, 401);
}

#[test]
fn me_projects_fields_and_expands_org_units() {
    let (_server, client) = demo();
    let (status, me) = client.get("/api/me?fields=id,username,organisationUnits[id,path]");
    assert_eq!(status, 200);
    assert_eq!(me["username"], USER);
    assert!(me.get("firstName").is_none());
    let path = me["organisationUnits"][0]["path"].as_str().unwrap();
    assert!(path.ends_with(HC), "{path}");
    assert!(me["organisationUnits"][0].get("name").is_none());
    let (_, bare) = client.get("/api/me?fields=organisationUnits");
    assert_eq!(bare, json!({"organisationUnits": [{"id": HC}]}), "references only, as DHIS2");
}

// ----- metadata -----

#[test]
fn metadata_field_filter_gives_exactly_what_was_asked() {
    let (_server, client) = demo();
    let (status, body) = client.get(&format!(
        "/api/programs?paging=false&fields=id,name,programStages[id,programStageDataElements[dataElement[id],compulsory]]&filter=id:in:[{}]",
        ncd::PROGRAM
    ));
    assert_eq!(status, 200);
    assert!(body.get("pager").is_none());
    let programs = body["programs"].as_array().unwrap();
    assert_eq!(programs.len(), 1);
    let p = &programs[0];
    let mut keys: Vec<&String> = p.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["id", "name", "programStages"]);
    // Programs hold stage references; asking for more than the id expands them, as DHIS2 does.
    let mut stage_keys: Vec<&String> = p["programStages"][0].as_object().unwrap().keys().collect();
    stage_keys.sort();
    assert_eq!(stage_keys, ["id", "programStageDataElements"]);
    let (_, only_ids) =
        client.get(&format!("/api/programs?paging=false&fields=id,programStages[id]&filter=id:in:[{}]", ncd::PROGRAM));
    assert_eq!(only_ids["programs"][0]["programStages"][0].as_object().unwrap().keys().collect::<Vec<_>>(), ["id"]);
    let (_, stages) = client.get(&format!(
        "/api/programStages?paging=false&filter=program.id:in:[{}]&fields=id,programStageDataElements[dataElement[id],compulsory]",
        ncd::PROGRAM
    ));
    let stages = stages["programStages"].as_array().unwrap();
    assert_eq!(stages.len(), 2);
    let psde = &stages[0]["programStageDataElements"][0];
    assert_eq!(psde.as_object().unwrap().len(), 2, "{psde}");
    assert!(psde["dataElement"]["id"].is_string());
}

#[test]
fn metadata_filters_and_paging() {
    let (_server, client) = demo();
    let (_, all) = client.get("/api/organisationUnits?paging=false&fields=id,path");
    let total = all["organisationUnits"].as_array().unwrap().len();
    let (_, page) = client.get("/api/organisationUnits?page=2&pageSize=3&fields=id");
    assert_eq!(
        page["pager"],
        json!({"page": 2, "pageCount": total.div_ceil(3), "total": total, "pageSize": 3,
        "nextPage": page["pager"]["nextPage"]})
    );
    assert_eq!(page["organisationUnits"].as_array().unwrap().len(), 3);
    let (_, under) = client.get(&format!("/api/organisationUnits?paging=false&fields=id&filter=path:like:{HC}"));
    assert_eq!(under["organisationUnits"].as_array().unwrap().len(), 7, "the health centre and its 6 villages");
    let (_, both) = client.get(&format!(
        "/api/organisationUnits?paging=false&fields=id&filter=path:like:{HC}&filter=id:in:[{VILLAGE},{}]",
        org_units::OTHER_HEALTH_CENTRE
    ));
    assert_eq!(both["organisationUnits"], json!([{"id": VILLAGE}]));
    let (_, default_fields) = client.get("/api/dataSets");
    assert_eq!(default_fields["dataSets"][0].as_object().unwrap().keys().collect::<Vec<_>>(), ["displayName", "id"]);
    let (_, whole) = client.get("/api/metadata?programs=true&optionSets=true&fields=id");
    assert_eq!(whole["programs"].as_array().unwrap().len(), 2);
    assert!(whole.get("dataSets").is_none());
    assert_eq!(whole["optionSets"][0].as_object().unwrap().len(), 1);
    assert_eq!(client.get("/api/userSettings?fields=keyUiLocale").1, json!({"keyUiLocale": "km"}));
    let (status, body) = client.get("/api/noSuchThings");
    assert_eq!((status, body["httpStatusCode"].clone()), (404, json!(404)));
}

// ----- tracker import and export -----

#[test]
fn import_then_export_in_the_41_shape_matches_the_real_answer() {
    let (server, client) = demo();
    let (status, report) = client.import("CREATE_AND_UPDATE", &one_person());
    assert_eq!(status, 200, "{report:#}");
    assert_eq!(report["status"], "OK");
    assert_eq!(report["stats"], json!({"created": 3, "updated": 0, "deleted": 0, "ignored": 0, "total": 3}));
    let objects = &report["bundleReport"]["typeReportMap"]["EVENT"]["objectReports"];
    assert_eq!(objects[0]["uid"], "EventAAA001");
    let (status, list) = client
        .get(&format!("/api/tracker/trackedEntities?program={}&orgUnits={HC}&orgUnitMode=DESCENDANTS", ncd::PROGRAM));
    assert_eq!(status, 200);
    assert_same_shape("new_tracker_importer_tracked_entities_greater_equal_v41.json", &list, &[]);
    let te = &list["trackedEntities"][0];
    assert_eq!(te["enrollments"][0]["events"][0]["dataValues"].as_array().unwrap().len(), 2);
    assert_eq!(te["attributes"].as_array().unwrap().len(), 4, "type and program attributes: {te:#}");
    assert_eq!(server.tracked_entities().len(), 1);
    assert!(server.tracked_entities()[0].get("enrollments").is_none());
    assert_eq!(server.enrollments()[0]["attributes"].as_array().unwrap().len(), 4, "the program's attributes");
    assert_eq!(server.events()[0]["trackedEntity"], "PersonAAA01");
}

#[test]
fn export_in_the_40_shape_takes_the_old_parameters() {
    let (server, client) = demo();
    client.import("CREATE_AND_UPDATE", &one_person());
    server.set_version(ApiVersion::V2_40);
    let (_, list) = client.get(&format!(
        "/api/tracker/trackedEntities?program={}&orgUnit={HC}&ouMode=DESCENDANTS&trackedEntity=PersonAAA01;Nobody00001",
        ncd::PROGRAM
    ));
    assert_same_shape("new_tracker_importer_tracked_entities_lower_v41.json", &list, &[]);
    assert!(list.get("pager").is_none());
    // 2.40 does not know `orgUnits`: the village is not the selected org unit, so nothing matches.
    let (_, selected) = client.get(&format!("/api/tracker/trackedEntities?program={}&orgUnit={HC}", ncd::PROGRAM));
    assert_eq!(selected["instances"], json!([]));
    let (_, events) = client.get(&format!(
        "/api/tracker/events?program={}&orgUnit={HC}&ouMode=DESCENDANTS&event=EventAAA001",
        ncd::PROGRAM
    ));
    // The fixture's second event carries a stray legacy `trackedEntityInstance`: not in DHIS2's event.
    assert_same_shape("new_tracker_importer_events_lower_v41.json", &events, &["trackedEntityInstance"]);
    server.set_version(ApiVersion::V2_41);
    let (_, events) = client.get(&format!(
        "/api/tracker/events?program={}&orgUnits={HC}&orgUnitMode=DESCENDANTS&events=EventAAA001",
        ncd::PROGRAM
    ));
    assert_same_shape("new_tracker_importer_events_greater_equal_v41.json", &events, &["trackedEntityInstance"]);
    server.set_version(ApiVersion::V2_42);
    let (_, events) =
        client.get(&format!("/api/tracker/events?program={}&orgUnits={HC}&orgUnitMode=DESCENDANTS", ncd::PROGRAM));
    assert!(events.get("page").is_none() && events["pager"]["page"] == 1);
    let (_, enrollments) =
        client.get(&format!("/api/tracker/enrollments?program={}&orgUnits={HC}&orgUnitMode=DESCENDANTS", ncd::PROGRAM));
    assert_eq!(enrollments["enrollments"][0]["enrollment"], "EnrolAAA001");
}

#[test]
fn export_fields_paging_and_deleted() {
    let (_server, client) = demo();
    let tes: Vec<Value> = (0..7).map(|i| person(&format!("PersonPg{i:03}"))).collect();
    let ens: Vec<Value> =
        (0..7).map(|i| ncd_enrollment(&format!("EnrolPg{i:04}"), &format!("PersonPg{i:03}"))).collect();
    assert_eq!(client.import("CREATE", &bundle(tes, ens, vec![])).0, 200);
    let base = format!("/api/tracker/trackedEntities?program={}&orgUnits={HC}&orgUnitMode=DESCENDANTS", ncd::PROGRAM);
    let (_, p3) = client.get(&format!("{base}&page=3&pageSize=3&fields=trackedEntity"));
    assert_eq!(p3["trackedEntities"], json!([{"trackedEntity": "PersonPg006"}]));
    // Paging reuses the selection until a write: a new person shows on the next page asked.
    let newcomer = bundle(vec![person("PersonPg00A")], vec![ncd_enrollment("EnrolPg000A", "PersonPg00A")], vec![]);
    assert_eq!(client.import("CREATE", &newcomer).0, 200);
    let (_, p3) = client.get(&format!("{base}&page=3&pageSize=3&fields=trackedEntity"));
    assert_eq!(p3["trackedEntities"], json!([{"trackedEntity": "PersonPg006"}, {"trackedEntity": "PersonPg00A"}]));
    let (_, all) = client.get(&format!("{base}&paging=false&fields=trackedEntity,enrollments[enrollment]"));
    assert_eq!(all["trackedEntities"].as_array().unwrap().len(), 8);
    assert!(all.get("pager").is_none());
    assert_eq!(all["trackedEntities"][0]["enrollments"][0].as_object().unwrap().len(), 1);
    let (status, _) = client.import("DELETE", &json!({"enrollments": [{"enrollment": "EnrolPg0000"}]}));
    assert_eq!(status, 200);
    let (_, after) = client.get(&format!("{base}&paging=false&fields=trackedEntity"));
    assert_eq!(after["trackedEntities"].as_array().unwrap().len(), 7);
    let (_, with_deleted) = client
        .get(&format!("/api/tracker/enrollments?program={}&includeDeleted=true&enrollments=EnrolPg0000", ncd::PROGRAM));
    assert_eq!(with_deleted["enrollments"][0]["deleted"], true);
    let (status, _) = client.get("/api/tracker/trackedEntities");
    assert_eq!(status, 400, "a program, type or UIDs are required");
    let (status, _) =
        client.get(&format!("{base}&orgUnits={}", org_units::COUNTRY).replace(&format!("orgUnits={HC}&"), ""));
    assert_eq!(status, 403, "outside the search scope");
}

#[test]
fn updated_after_uses_the_skewed_server_clock() {
    let (server, client) = demo();
    server.set_clock_offset(chrono::TimeDelta::days(-400));
    let mut payload = one_person();
    for path in [["enrollments", "0", "enrolledAt"], ["enrollments", "0", "occurredAt"], ["events", "0", "occurredAt"]]
    {
        payload = with(payload, &path, json!("2024-01-02T00:00:00.000"));
    }
    assert_eq!(client.import("CREATE_AND_UPDATE", &payload).0, 200);
    let (_, info) = client.get("/api/system/info");
    let watermark = info["serverDate"].as_str().unwrap().to_string();
    let query = |after: &str| {
        let (_, l) = client.get(&format!("/api/tracker/trackedEntities?program={}&orgUnits={HC}&orgUnitMode=DESCENDANTS&updatedAfter={after}&fields=trackedEntity", ncd::PROGRAM));
        l["trackedEntities"].as_array().unwrap().len()
    };
    assert_eq!(query(&watermark), 0, "nothing changed since the watermark (server time, not the phone's)");
    std::thread::sleep(Duration::from_millis(5));
    server.set_event_value("EventAAA001", ncd::SYSTOLIC.as_str(), Some("170"));
    assert_eq!(query(&watermark), 1, "a change on the server bumps the tracked entity's updatedAt");
    // The phone's clock (400 days ahead of the server) would miss it.
    let phone_now = (chrono::Utc::now() + chrono::TimeDelta::hours(7)).format("%Y-%m-%dT%H:%M:%S%.3f").to_string();
    assert_eq!(query(&phone_now), 0);
    let ev = &server.events()[0];
    assert_eq!(
        ev["dataValues"].as_array().unwrap().iter().find(|d| d["dataElement"] == ncd::SYSTOLIC.as_str()).unwrap()
            ["value"],
        "170"
    );
}

#[test]
fn cleared_values_delete_and_creations_are_counted_once() {
    let (server, client) = demo();
    client.import("CREATE_AND_UPDATE", &one_person());
    let (status, report) = client.import("CREATE_AND_UPDATE", &one_person());
    assert_eq!((status, report["stats"]["updated"].clone()), (200, json!(3)));
    for uid in ["PersonAAA01", "EnrolAAA001", "EventAAA001"] {
        assert_eq!(server.creations(uid), 1, "{uid}");
    }
    let mut ev = screening("EventAAA001", "EnrolAAA001");
    ev["dataValues"] = json!([{"dataElement": ncd::DIASTOLIC.as_str(), "value": null}]);
    client.import("UPDATE", &bundle(vec![], vec![], vec![ev]));
    let values = server.events()[0]["dataValues"].clone();
    assert_eq!(values.as_array().unwrap().len(), 1, "{values}");
    assert_eq!(values[0]["dataElement"], ncd::SYSTOLIC.as_str());
    let mut te = person("PersonAAA01");
    te["attributes"] = json!([{"attribute": person::NAME_KHMER.as_str()}]);
    client.import("UPDATE", &bundle(vec![te], vec![], vec![]));
    let attrs = server.tracked_entities()[0]["attributes"].clone();
    assert!(!attrs.as_array().unwrap().iter().any(|a| a["attribute"] == person::NAME_KHMER.as_str()), "{attrs}");
}

#[test]
fn atomic_all_commits_nothing_when_anything_fails() {
    let (server, client) = demo();
    let mut payload = one_person();
    payload["events"][0]["dataValues"][0]["value"] = json!("high");
    let (status, report) =
        client.post("/api/tracker?async=false&importStrategy=CREATE_AND_UPDATE&atomicMode=ALL", &payload);
    assert_eq!(status, 409);
    assert_same_shape("tei-with-enrollment-error-new.json", &report, &[]);
    assert!(report.get("bundleReport").is_none());
    assert_eq!(report["stats"]["ignored"], 3);
    assert!(server.tracked_entities().is_empty());
    let (status, report) = client.import("CREATE_AND_UPDATE", &payload);
    assert_eq!(status, 409);
    assert_eq!(report["stats"], json!({"created": 2, "updated": 0, "deleted": 0, "ignored": 1, "total": 3}));
    assert_eq!(error_codes(&report), [("E1302".to_string(), "EventAAA001".to_string())]);
    assert_eq!(
        report["validationReport"]["errorReports"][0]["message"],
        format!("DataElement `{}` is not valid: `value_not_positive_integer`", ncd::SYSTOLIC)
    );
}

#[test]
fn async_import_answers_a_job_and_its_report() {
    let (server, client) = demo();
    let (status, job) = client.post("/api/tracker?importStrategy=CREATE_AND_UPDATE&atomicMode=OBJECT", &one_person());
    assert_eq!(status, 200);
    assert!(job["response"].get("responseType").is_none(), "2.41 drops responseType");
    let location = job["response"]["location"].as_str().unwrap();
    assert!(location.starts_with(&server.url()));
    let id = job["response"]["id"].as_str().unwrap();
    let (_, notes) = client.get(&format!("/api/tracker/jobs/{id}"));
    assert_same_shape("job_response_completed.json", &notes, &[]);
    assert_eq!(notes[0]["completed"], true);
    let (_, report) = client.get(&format!("/api/tracker/jobs/{id}/report"));
    assert_eq!(report["stats"]["created"], 3);
    assert_eq!(client.get("/api/tracker/jobs/NoSuchJob01/report").0, 404);
    server.set_version(ApiVersion::V2_40);
    let (_, job) = client.post("/api/tracker?importStrategy=CREATE_AND_UPDATE", &json!({"trackedEntities": []}));
    assert_same_shape("job_response.json", &job, &[]);
}

#[test]
fn nested_payloads_are_flattened() {
    let (server, client) = demo();
    let mut te = person("PersonNst01");
    let mut en = ncd_enrollment("EnrolNst001", "PersonNst01");
    en["events"] = json!([screening("EventNst001", "EnrolNst001")]);
    te["enrollments"] = json!([en]);
    let (status, report) = client.import("CREATE", &json!({"trackedEntities": [te]}));
    assert_eq!((status, report["stats"]["created"].clone()), (200, json!(3)), "{report:#}");
    assert_eq!(server.events()[0]["enrollment"], "EnrolNst001");
}

/// One validation case: a payload change and the error code and UID it must produce.
fn expect_error(setup: ServerSetup, seed: Option<Value>, strategy: &str, payload: Value, code: &str, uid: &str) {
    let server = TestServer::start(setup);
    let client = Client::new(&server);
    if let Some(seed) = seed {
        let (status, report) = client.import("CREATE_AND_UPDATE", &seed);
        assert_eq!(status, 200, "seed: {report:#}");
    }
    let (status, report) = client.import(strategy, &payload);
    assert_eq!(status, 409, "{code}: {report:#}");
    assert_eq!(report["status"], "ERROR");
    let codes = error_codes(&report);
    assert!(codes.contains(&(code.to_string(), uid.to_string())), "{code} on {uid}: got {codes:?}");
    let e =
        report["validationReport"]["errorReports"].as_array().unwrap().iter().find(|e| e["errorCode"] == code).unwrap();
    assert!(!e["message"].as_str().unwrap().contains("{0}"), "{e}");
}

fn with(mut payload: Value, path: &[&str], value: Value) -> Value {
    let mut target = &mut payload;
    for p in &path[..path.len() - 1] {
        target = match p.parse::<usize>() {
            Ok(i) => &mut target[i],
            Err(_) => &mut target[*p],
        };
    }
    let last = path[path.len() - 1];
    match value {
        Value::Null if last != "value" => {
            target.as_object_mut().unwrap().remove(last);
        }
        v => target[last] = v,
    }
    payload
}

#[test]
fn each_validation_error_has_dhis2s_code() {
    let d = ServerSetup::demo;
    let p = one_person;
    let future = (chrono::Utc::now() + chrono::TimeDelta::days(3)).format("%Y-%m-%d").to_string();
    let cases: Vec<(&str, Value, &str)> = vec![
        ("E1048", with(p(), &["trackedEntities", "0", "trackedEntity"], json!("bad-uid")), "bad-uid"),
        (
            "E1000",
            with(p(), &["trackedEntities", "0", "orgUnit"], json!(org_units::OTHER_HEALTH_CENTRE.as_str())),
            "PersonAAA01",
        ),
        ("E1049", with(p(), &["trackedEntities", "0", "orgUnit"], json!("NoSuchOu001")), "PersonAAA01"),
        ("E1005", with(p(), &["trackedEntities", "0", "trackedEntityType"], json!("NoSuchTet01")), "PersonAAA01"),
        ("E1121", with(p(), &["trackedEntities", "0", "trackedEntityType"], Value::Null), "PersonAAA01"),
        (
            "E1006",
            with(p(), &["trackedEntities", "0", "attributes", "0", "attribute"], json!("NoSuchAttr1")),
            "PersonAAA01",
        ),
        ("E1125", with(p(), &["enrollments", "0", "attributes", "0", "value"], json!("X")), "EnrolAAA001"),
        ("E1007", with(p(), &["enrollments", "0", "attributes", "1", "value"], json!("01/05/1970")), "EnrolAAA001"),
        ("E1018", with(p(), &["enrollments", "0", "attributes", "2", "value"], Value::Null), "EnrolAAA001"),
        (
            "E1019",
            with(p(), &["enrollments", "0", "attributes", "0", "attribute"], json!(person::CAREGIVER.as_str())),
            "EnrolAAA001",
        ),
        ("E1020", with(p(), &["enrollments", "0", "enrolledAt"], json!(future)), "EnrolAAA001"),
        ("E1021", with(p(), &["enrollments", "0", "occurredAt"], json!(future)), "EnrolAAA001"),
        ("E1025", with(p(), &["enrollments", "0", "enrolledAt"], Value::Null), "EnrolAAA001"),
        ("E1069", with(p(), &["enrollments", "0", "program"], json!("NoSuchProg1")), "EnrolAAA001"),
        ("E1070", with(p(), &["enrollments", "0", "orgUnit"], json!("NoSuchOu001")), "EnrolAAA001"),
        (
            "E1000",
            with(p(), &["enrollments", "0", "orgUnit"], json!(org_units::OTHER_HEALTH_CENTRE.as_str())),
            "EnrolAAA001",
        ),
        ("E1068", with(p(), &["enrollments", "0", "trackedEntity"], json!("NoSuchTe001")), "EnrolAAA001"),
        ("E1010", with(p(), &["events", "0", "program"], json!("NoSuchProg1")), "EventAAA001"),
        ("E1013", with(p(), &["events", "0", "programStage"], json!("NoSuchStag1")), "EventAAA001"),
        ("E1089", with(p(), &["events", "0", "programStage"], json!(immunization::BIRTH.as_str())), "EventAAA001"),
        ("E1011", with(p(), &["events", "0", "orgUnit"], json!("NoSuchOu001")), "EventAAA001"),
        (
            "E1000",
            with(p(), &["events", "0", "orgUnit"], json!(org_units::OTHER_HEALTH_CENTRE.as_str())),
            "EventAAA001",
        ),
        ("E1033", with(p(), &["events", "0", "enrollment"], Value::Null), "EventAAA001"),
        ("E1081", with(p(), &["events", "0", "enrollment"], json!("NoSuchEnr01")), "EventAAA001"),
        ("E1031", with(p(), &["events", "0", "occurredAt"], Value::Null), "EventAAA001"),
        (
            "E1050",
            with(
                with(p(), &["events", "0", "status"], json!("SCHEDULE")),
                &["events", "0", "scheduledAt"],
                Value::Null,
            ),
            "EventAAA001",
        ),
        ("E1302", with(p(), &["events", "0", "dataValues", "0", "value"], json!("-3")), "EventAAA001"),
        ("E1304", with(p(), &["events", "0", "dataValues", "0", "dataElement"], json!("NoSuchDe001")), "EventAAA001"),
        (
            "E1305",
            with(p(), &["events", "0", "dataValues", "0", "dataElement"], json!(immunization::BCG.as_str())),
            "EventAAA001",
        ),
        (
            "E1303",
            with(
                with(p(), &["events", "0", "status"], json!("COMPLETED")),
                &["events", "0", "dataValues", "1", "value"],
                Value::Null,
            ),
            "EventAAA001",
        ),
        (
            "E5000",
            with(p(), &["trackedEntities", "0", "orgUnit"], json!(org_units::OTHER_HEALTH_CENTRE.as_str())),
            "EnrolAAA001",
        ),
    ];
    for (code, payload, uid) in cases {
        expect_error(d(), None, "CREATE_AND_UPDATE", payload, code, uid);
    }
    // Codes that need something stored first.
    expect_error(d(), Some(p()), "CREATE", p(), "E1002", "PersonAAA01");
    expect_error(d(), Some(p()), "CREATE", p(), "E1080", "EnrolAAA001");
    expect_error(d(), Some(p()), "CREATE", p(), "E1030", "EventAAA001");
    let second_screening = bundle(vec![], vec![], vec![screening("EventAAA002", "EnrolAAA001")]);
    expect_error(d(), Some(p()), "CREATE", second_screening, "E1039", "EventAAA002");
    let second_enrollment = bundle(vec![], vec![ncd_enrollment("EnrolAAA002", "PersonAAA01")], vec![]);
    expect_error(d(), Some(p()), "CREATE", second_enrollment, "E1015", "EnrolAAA002");
    expect_error(d(), None, "UPDATE", bundle(vec![person("PersonZZZ01")], vec![], vec![]), "E1063", "PersonZZZ01");
    expect_error(d(), None, "DELETE", json!({"enrollments": [{"enrollment": "EnrolZZZ001"}]}), "E1081", "EnrolZZZ001");
    expect_error(d(), None, "DELETE", json!({"events": [{"event": "EventZZZ001"}]}), "E1032", "EventZZZ001");
    expect_error(
        d(),
        Some(p()),
        "DELETE",
        json!({"trackedEntities": [{"trackedEntity": "PersonAAA01"}]}),
        "E1100",
        "PersonAAA01",
    );
    expect_error(
        d(),
        Some(p()),
        "DELETE",
        json!({"enrollments": [{"enrollment": "EnrolAAA001"}]}),
        "E1103",
        "EnrolAAA001",
    );
    // A mandatory tracked entity type attribute (the demo has none: make one).
    let mut setup = d();
    for tet in setup.metadata["trackedEntityTypes"].as_array_mut().unwrap() {
        tet["trackedEntityTypeAttributes"][1]["mandatory"] = json!(true);
    }
    expect_error(setup, None, "CREATE", p(), "E1090", "PersonAAA01");
}

#[test]
fn deleting_a_person_with_everything_below_needs_no_cascade_authority() {
    let (server, client) = demo();
    client.import("CREATE_AND_UPDATE", &one_person());
    let all = json!({"trackedEntities": [{"trackedEntity": "PersonAAA01"}], "enrollments": [{"enrollment": "EnrolAAA001"}],
        "events": [{"event": "EventAAA001"}]});
    let (status, report) = client.import("DELETE", &all);
    assert_eq!(status, 200, "{report:#}");
    assert_eq!(report["stats"]["deleted"], 3);
    assert!(server.events().iter().all(|e| e["deleted"] == true));
    assert!(server.tracked_entities().iter().all(|t| t["deleted"] == true));
}

#[test]
fn error_reports_carry_args_from_2_42() {
    let (server, client) = demo();
    server.set_version(ApiVersion::V2_42);
    let payload = with(one_person(), &["events", "0", "dataValues", "0", "value"], json!("x"));
    let (_, report) = client.import("CREATE_AND_UPDATE", &payload);
    assert_eq!(
        report["validationReport"]["errorReports"][0]["args"],
        json!([ncd::SYSTOLIC.as_str(), "value_not_positive_integer"])
    );
}

#[test]
fn server_side_changes_show_in_exports() {
    let (server, client) = demo();
    let mut te = person("PersonWeb01");
    let mut en = ncd_enrollment("EnrolWeb001", "PersonWeb01");
    en["events"] = json!([screening("EventWeb001", "EnrolWeb001")]);
    te["enrollments"] = json!([en]);
    server.put_tracked_entity(te);
    server.set_attribute_value("PersonWeb01", person::PHONE.as_str(), Some("012345678"));
    server.delete_event("EventWeb001");
    let (_, list) = client.get(&format!(
        "/api/tracker/trackedEntities?program={}&trackedEntities=PersonWeb01&includeDeleted=true",
        ncd::PROGRAM
    ));
    let te = &list["trackedEntities"][0];
    assert!(te["attributes"].as_array().unwrap().iter().any(|a| a["value"] == "012345678"));
    assert_eq!(te["enrollments"][0]["events"][0]["deleted"], true);
    server.bulk_load((0..2000).map(|i| person(&format!("PersonBk{i:03}"))).collect());
    assert_eq!(server.tracked_entities().len(), 2001);
}

// ----- aggregate -----

fn data_value(de: &str, coc: &str, value: Value) -> Value {
    json!({"dataElement": de, "period": "202511", "orgUnit": VILLAGE, "categoryOptionCombo": coc,
        "attributeOptionCombo": vhsg::DEFAULT_COMBO.as_str(), "value": value})
}

#[test]
fn data_value_sets_import_validate_delete_and_download() {
    let (server, client) = demo();
    let values = json!({"dataSet": vhsg::DATA_SET.as_str(), "dataValues": [
        data_value(vhsg::LIVE_BIRTHS.as_str(), vhsg::MALE.as_str(), json!("3")),
        data_value(vhsg::LIVE_BIRTHS.as_str(), vhsg::FEMALE.as_str(), json!("2")),
    ]});
    let (status, summary) = client.post("/api/dataValueSets", &values);
    assert_eq!(status, 200);
    assert_same_shape("data_value_set_success.json", &summary, &[]);
    assert_eq!(summary["response"]["importCount"], json!({"imported": 2, "updated": 0, "ignored": 0, "deleted": 0}));
    let bad = json!({"dataSet": vhsg::DATA_SET.as_str(), "dataValues": [
        data_value(vhsg::LIVE_BIRTHS.as_str(), vhsg::MALE.as_str(), json!("4")),
        data_value(vhsg::LIVE_BIRTHS.as_str(), vhsg::FEMALE.as_str(), json!("-1")),
        data_value(vhsg::DEATHS.as_str(), vhsg::MALE.as_str(), json!("two")),
        data_value(vhsg::DEATHS.as_str(), vhsg::FEMALE.as_str(), json!("")),
    ]});
    let (status, summary) = client.post("/api/dataValueSets", &bad);
    assert_eq!(status, 409);
    assert_same_shape("data_value_set_warning.json", &summary, &[]);
    let conflicts = summary["response"]["conflicts"].as_array().unwrap();
    assert_eq!(conflicts.len(), 2, "{conflicts:#?}");
    assert_eq!(conflicts[0]["errorCode"], "E7619");
    assert_eq!(conflicts[0]["indexes"], json!([1]));
    assert_eq!(summary["response"]["importCount"], json!({"imported": 0, "updated": 1, "ignored": 3, "deleted": 0}));
    let clear = json!({"dataValues": [data_value(vhsg::LIVE_BIRTHS.as_str(), vhsg::FEMALE.as_str(), json!(""))]});
    let (_, summary) = client.post("/api/dataValueSets", &clear);
    assert_eq!(summary["response"]["importCount"]["deleted"], 1);
    let outside = json!({"dataValues": [json!({"dataElement": vhsg::DEATHS.as_str(), "period": "202511",
        "orgUnit": org_units::OTHER_HEALTH_CENTRE.as_str(), "value": "1"})]});
    let (_, summary) = client.post("/api/dataValueSets", &outside);
    assert_eq!(summary["response"]["conflicts"][0]["errorCode"], "E7617");
    let bad_period = json!({"dataValues": [json!({"dataElement": vhsg::DEATHS.as_str(), "period": "2025-11", "orgUnit": VILLAGE, "value": "1"})]});
    assert_eq!(client.post("/api/dataValueSets", &bad_period).1["response"]["conflicts"][0]["errorCode"], "E7611");
    let (_, down) =
        client.get(&format!("/api/dataValueSets?dataSet={}&period=202511&orgUnit={HC}&children=true", vhsg::DATA_SET));
    let got = down["dataValues"].as_array().unwrap();
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(
        (got[0]["categoryOptionCombo"].clone(), got[0]["value"].clone()),
        (json!(vhsg::MALE.as_str()), json!("4"))
    );
    let (_, with_deleted) = client.get(&format!(
        "/api/dataValueSets?dataSet={}&period=202511&orgUnit={VILLAGE}&includeDeleted=true",
        vhsg::DATA_SET
    ));
    assert_eq!(with_deleted["dataValues"].as_array().unwrap().len(), 2);
    let key = DataValueKey {
        data_element: vhsg::DEATHS.as_str().into(),
        period: "202511".into(),
        org_unit: VILLAGE.into(),
        category_option_combo: vhsg::MALE.as_str().into(),
        attribute_option_combo: vhsg::DEFAULT_COMBO.as_str().into(),
    };
    server.set_data_value(key, Some("7"));
    assert_eq!(server.data_values().iter().filter(|v| v["deleted"] == false).count(), 2);
    assert_eq!(client.get(&format!("/api/dataValueSets?dataSet={}&period=202511", vhsg::DATA_SET)).0, 409);
}

#[test]
fn completions_post_get_and_delete() {
    let (server, client) = demo();
    let body = json!({"completeDataSetRegistrations": [{"period": "202511", "dataSet": vhsg::DATA_SET.as_str(),
        "organisationUnit": VILLAGE, "attributeOptionCombo": vhsg::DEFAULT_COMBO.as_str(), "date": "2025-11-30",
        "storedBy": USER, "completed": true}]});
    let (status, summary) = client.post("/api/completeDataSetRegistrations", &body);
    assert_eq!((status, summary["response"]["importCount"]["imported"].clone()), (200, json!(1)));
    let (_, list) = client.get(&format!(
        "/api/completeDataSetRegistrations?dataSet={}&period=202511&orgUnit={HC}&children=true",
        vhsg::DATA_SET
    ));
    assert_same_shape("data_set_complete_registrations.json", &list, &[]);
    assert_eq!(server.completions().len(), 1);
    let req = client.agent.delete(format!(
        "{}/api/completeDataSetRegistrations?ds={}&pe=202511&ou={VILLAGE}",
        client.base,
        vhsg::DATA_SET
    ));
    let resp = req.header("Authorization", client.auth.as_ref().unwrap()).call().unwrap();
    assert_eq!(resp.status().as_u16(), 204);
    assert!(server.completions().is_empty());
}

// ----- faults -----

fn rule(method: Option<&'static str>, prefix: &str, fault: Fault) -> FaultRule {
    FaultRule { method, path_prefix: Some(prefix.to_string()), fault, times: 1 }
}

#[test]
fn drop_before_commit_stores_nothing_and_drop_after_commit_stores() {
    let (server, client) = demo();
    server.inject(rule(Some("POST"), "/api/tracker", Fault::DropBeforeCommit));
    assert!(client.post_raw("/api/tracker?async=false&importStrategy=CREATE_AND_UPDATE", &one_person()).is_err());
    assert!(server.tracked_entities().is_empty());
    server.inject(rule(Some("POST"), "/api/tracker", Fault::DropAfterCommit));
    assert!(client.post_raw("/api/tracker?async=false&importStrategy=CREATE_AND_UPDATE", &one_person()).is_err());
    assert_eq!(server.tracked_entities().len(), 1);
    assert_eq!(server.creations("EventAAA001"), 1);
    let records = server.requests();
    assert_eq!(records.iter().filter(|r| r.status == 0).count(), 2);
    assert_eq!(records[0].fault, Some(Fault::DropBeforeCommit));
    assert!(records[0].body_size > 100);
    // The next request is answered normally.
    assert_eq!(client.import("CREATE_AND_UPDATE", &one_person()).0, 200);
    assert_eq!(server.creations("EventAAA001"), 1);
}

#[test]
fn status_faults_answer_like_a_server_behind_a_proxy() {
    let (server, client) = demo();
    server.inject(rule(None, "/api/me", Fault::Status(500)));
    server.inject(rule(None, "/api/me", Fault::Status(502)));
    server.inject(rule(None, "/api/me", Fault::ServiceUnavailable { retry_after_secs: 42 }));
    let (status, body) = client.get("/api/me");
    assert_eq!((status, body["httpStatusCode"].clone()), (500, json!(500)));
    let (status, text) = client.get_text("/api/me").unwrap();
    assert_eq!(status, 502);
    assert!(text.contains("502 Bad Gateway"));
    let resp = client.agent.get(format!("{}/api/me", client.base)).call().unwrap();
    assert_eq!(resp.status().as_u16(), 503);
    assert_eq!(resp.headers().get("retry-after").unwrap(), "42");
    assert_eq!(client.get("/api/me").0, 200);
}

#[test]
fn login_page_and_redirect_faults() {
    let server = TestServer::start(ServerSetup::demo());
    let client = Client::with(&server, Some(basic(USER, PASSWORD)), 0);
    server.inject(rule(None, "/api/", Fault::HtmlLoginPage));
    server.inject(rule(None, "/api/", Fault::RedirectToLogin));
    let (status, text) = client.get_text("/api/me").unwrap();
    assert_eq!(status, 200);
    assert!(text.contains("<html") && text.contains("login"), "{text}");
    let resp = client
        .agent
        .get(format!("{}/api/me", client.base))
        .header("Authorization", basic(USER, PASSWORD))
        .call()
        .unwrap();
    assert_eq!(resp.status().as_u16(), 302);
    assert_eq!(resp.headers().get("location").unwrap(), "/dhis-web-commons/security/login.action");
    // A client that follows the redirect lands on the HTML login page.
    server.inject(rule(None, "/api/", Fault::RedirectToLogin));
    let following = Client::new(&server);
    let (status, text) = following.get_text("/api/me").unwrap();
    assert_eq!(status, 200);
    assert!(text.contains("loginForm"));
}

#[test]
fn partial_success_rejects_the_first_object_and_commits_the_rest() {
    let (server, client) = demo();
    server.inject(rule(Some("POST"), "/api/tracker", Fault::PartialSuccess));
    let mut payload = one_person();
    payload["trackedEntities"].as_array_mut().unwrap().push(person("PersonBBB01"));
    let (status, report) = client.import("CREATE_AND_UPDATE", &payload);
    assert_eq!(status, 409);
    let codes = error_codes(&report);
    assert_eq!(codes[0], ("E1000".to_string(), "PersonAAA01".to_string()));
    assert!(codes.contains(&("E5000".to_string(), "EnrolAAA001".to_string())));
    assert!(codes.contains(&("E5000".to_string(), "EventAAA001".to_string())));
    assert_eq!(server.tracked_entities().len(), 1);
    assert_eq!(server.tracked_entities()[0]["trackedEntity"], "PersonBBB01");
    server.inject(rule(Some("POST"), "/api/dataValueSets", Fault::PartialSuccess));
    let values = json!({"dataValues": [
        data_value(vhsg::LIVE_BIRTHS.as_str(), vhsg::MALE.as_str(), json!("3")),
        data_value(vhsg::LIVE_BIRTHS.as_str(), vhsg::FEMALE.as_str(), json!("2")),
    ]});
    let (status, summary) = client.post("/api/dataValueSets", &values);
    assert_eq!(status, 409);
    assert_eq!(summary["response"]["conflicts"][0]["indexes"], json!([0]));
    assert_eq!(server.data_values().len(), 1);
}

#[test]
fn hang_slow_and_truncated_answers() {
    let (server, client) = demo();
    let quick = Client::with(&server, Some(basic(USER, PASSWORD)), 0);
    let quick = Client {
        agent: ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_millis(300)))
            .build()
            .new_agent(),
        ..quick
    };
    server.inject(rule(None, "/api/system/info", Fault::Hang(Duration::from_secs(3))));
    let start = Instant::now();
    assert!(quick.get_text("/api/system/info").is_err(), "times out");
    assert!(start.elapsed() < Duration::from_secs(2));
    assert_eq!(server.requests()[0].status, 0, "not answered yet when the client gave up");
    assert_eq!(server.requests()[0].fault, Some(Fault::Hang(Duration::from_secs(3))));

    server.inject(rule(None, "/api/system/info", Fault::Slow { bytes_per_sec: 2000 }));
    let start = Instant::now();
    let (status, text) = client.get_text("/api/system/info").unwrap();
    assert_eq!(status, 200);
    assert!(serde_json::from_str::<Value>(&text).is_ok());
    assert!(
        start.elapsed() >= Duration::from_millis(text.len() as u64 * 1000 / 2000 / 2),
        "{:?} for {} bytes",
        start.elapsed(),
        text.len()
    );

    server.inject(rule(None, "/api/system/info", Fault::Truncated));
    assert!(client.get_text("/api/system/info").is_err(), "a body shorter than its Content-Length is an error");
    assert_eq!(client.get("/api/system/info").0, 200);
}

#[test]
fn bad_json_answers() {
    let (server, client) = demo();
    for fault in [Fault::MalformedJson, Fault::WrongTypes, Fault::UnknownEnum] {
        server.inject(rule(None, "/api/system/info", fault));
    }
    let (status, text) = client.get_text("/api/system/info").unwrap();
    assert_eq!(status, 200);
    assert!(serde_json::from_str::<Value>(&text).is_err(), "{text}");
    let (_, wrong) = client.get("/api/system/info");
    assert!(wrong["version"].is_number());
    client.import("CREATE_AND_UPDATE", &one_person());
    server.inject(rule(Some("POST"), "/api/tracker", Fault::UnknownEnum));
    let (_, report) = client.import("CREATE_AND_UPDATE", &one_person());
    assert_eq!(report["status"], "SOMETHING_NEW_IN_2_99");
    server.inject(rule(None, "/api/me", Fault::DeeplyNested { depth: 100_000 }));
    let (_, text) = client.get_text("/api/me").unwrap();
    assert_eq!(text.len(), 200_000);
    assert!(text.starts_with("[[[["));
}

#[test]
fn huge_answers_are_streamed_with_their_length() {
    let (server, client) = demo();
    let bytes = 200 * 1024 * 1024;
    server.inject(rule(None, "/api/programs", Fault::Huge { bytes }));
    let mut resp = client
        .agent
        .get(format!("{}/api/programs", client.base))
        .header("Authorization", client.auth.as_ref().unwrap())
        .call()
        .unwrap();
    assert_eq!(resp.headers().get("content-length").unwrap().to_str().unwrap(), bytes.to_string());
    let mut reader = resp.body_mut().with_config().limit(u64::MAX).reader();
    let mut head = [0u8; 16];
    reader.read_exact(&mut head).unwrap();
    assert_eq!(&head[..8], b"{\"pad\":\"");
    // A client with a size limit stops early; the server does not hold the body.
    drop(reader);
    std::thread::sleep(Duration::from_millis(100));
    assert_eq!(server.requests()[0].status, 200);
    assert_eq!(client.get("/api/system/info").0, 200);
}

#[test]
fn random_faults_are_deterministic_per_request_sequence() {
    let run = || {
        let (server, client) = demo();
        server.inject_random(99, 0.5, vec![Fault::Status(500), Fault::ServiceUnavailable { retry_after_secs: 1 }]);
        let statuses: Vec<u16> = (0..30).map(|_| client.get("/api/system/info").0).collect();
        server.clear_faults();
        assert_eq!(client.get("/api/system/info").0, 200);
        statuses
    };
    let first = run();
    assert_eq!(first, run());
    assert!(first.contains(&500) && first.contains(&503) && first.contains(&200), "{first:?}");
}

// ----- transport -----

fn raw_get(server: &TestServer, path: &str, extra: &str) -> (String, Vec<u8>) {
    let addr = server.url().trim_start_matches("http://").split('/').next().unwrap().to_string();
    let mut stream = TcpStream::connect(&addr).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: {}\r\n{extra}Connection: close\r\n\r\n",
        basic(USER, PASSWORD)
    )
    .unwrap();
    let mut all = Vec::new();
    stream.read_to_end(&mut all).unwrap();
    let split = all.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    (String::from_utf8_lossy(&all[..split]).to_string(), all[split + 4..].to_vec())
}

#[test]
fn answers_are_gzipped_when_asked() {
    let (server, _client) = demo();
    let (head, body) = raw_get(&server, "/api/organisationUnits?paging=false&fields=*", "Accept-Encoding: gzip\r\n");
    assert!(head.to_lowercase().contains("content-encoding: gzip"), "{head}");
    let mut text = String::new();
    flate2::read::GzDecoder::new(&body[..]).read_to_string(&mut text).unwrap();
    assert!(serde_json::from_str::<Value>(&text).unwrap()["organisationUnits"].is_array());
    let (head, _) = raw_get(&server, "/api/system/info", "");
    assert!(!head.to_lowercase().contains("content-encoding"), "{head}");
}

#[test]
fn a_context_path_prefixes_everything() {
    let mut setup = ServerSetup::demo();
    setup.context_path = Some("dhis/".into());
    let server = TestServer::start(setup);
    assert!(server.url().ends_with("/dhis"));
    let client = Client::new(&server);
    assert_eq!(client.get("/api/me?fields=username").1, json!({"username": USER}));
    assert!(client.get("/api/system/info").1["contextPath"].as_str().unwrap().ends_with("/dhis"));
    let root = Client { base: server.url().trim_end_matches("/dhis").to_string(), ..Client::new(&server) };
    assert_eq!(root.get("/api/me").0, 404);
    assert_eq!(server.requests()[0].path_and_query, "/dhis/api/me?fields=username");
}

#[test]
fn a_bulk_loaded_population_downloads_page_by_page() {
    let (server, client) = demo();
    let n = 5000;
    let start = Instant::now();
    server.bulk_load(
        (0..n)
            .map(|i| {
                let mut te = person(&format!("PersonBl{i:03}"));
                let mut en = ncd_enrollment(&format!("EnrolBl{i:04}"), "");
                en["events"] = json!([screening(&format!("EventBl{i:04}"), "")]);
                te["enrollments"] = json!([en]);
                te
            })
            .collect(),
    );
    let loaded = start.elapsed();
    let start = Instant::now();
    let mut seen = std::collections::HashSet::new();
    for page in 1.. {
        let (status, body) = client.get(&format!(
            "/api/tracker/trackedEntities?program={}&orgUnits={HC}&orgUnitMode=DESCENDANTS&page={page}&pageSize=200&fields=trackedEntity,attributes[attribute,value],enrollments[enrollment,events[event,dataValues[dataElement,value]]]",
            ncd::PROGRAM
        ));
        assert_eq!(status, 200);
        let list = body["trackedEntities"].as_array().unwrap();
        for te in list {
            assert_eq!(te["enrollments"][0]["events"][0]["dataValues"].as_array().unwrap().len(), 2);
            assert!(seen.insert(te["trackedEntity"].as_str().unwrap().to_string()));
        }
        if list.len() < 200 {
            break;
        }
    }
    assert_eq!(seen.len(), n);
    eprintln!("{n} people: loaded in {loaded:?}, downloaded in {:?}", start.elapsed());
}
