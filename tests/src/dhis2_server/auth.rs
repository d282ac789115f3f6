//! Credentials and who is asking: `Authorization: Basic` and `Authorization: ApiToken <token>`
//! (401 with DHIS2's JSON body otherwise), then `GET /api/me` (the user's document, with the org
//! units it names expanded to full objects so `organisationUnits[id,path]` works),
//! `GET /api/me/authorization` and `GET /api/system/info` (on the server clock).
//!
//! Owns authentication and the identity endpoints. Does not own scopes' use (`validation`).

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::Extension;
use base64::Engine;
use serde_json::{json, Value};

use super::fields::Field;
use super::metadata::fields_param;
use super::store::stamp;
use super::{fields, http, Shared, TestUser};

/// The authenticated user of a request.
#[derive(Clone)]
pub struct CurrentUser(pub TestUser);

/// The user named by the `Authorization` header, or DHIS2's 401.
pub fn authenticate(shared: &Shared, headers: &HeaderMap) -> Result<CurrentUser, Box<Response>> {
    let unauthorized = || Box::new(http::web_message(StatusCode::UNAUTHORIZED, "Unauthorized"));
    let Some(value) = headers.get(axum::http::header::AUTHORIZATION).and_then(|v| v.to_str().ok()) else {
        return Err(unauthorized());
    };
    let found = if let Some(b64) = value.strip_prefix("Basic ") {
        let decoded = base64::engine::general_purpose::STANDARD.decode(b64.trim()).ok();
        let text = decoded.and_then(|d| String::from_utf8(d).ok()).unwrap_or_default();
        let (name, password) = text.split_once(':').unwrap_or((&text, ""));
        shared.users.iter().find(|u| u.username == name && u.password == password)
    } else if let Some(token) = value.strip_prefix("ApiToken ") {
        shared.users.iter().find(|u| u.token.as_deref() == Some(token.trim()))
    } else {
        None
    };
    found.cloned().map(CurrentUser).ok_or_else(unauthorized)
}

/// `GET /api/system/info`.
pub async fn system_info(State(shared): State<Arc<Shared>>, Query(params): Query<Vec<(String, String)>>) -> Response {
    let (version, now) = {
        let inner = shared.lock();
        (inner.version, shared.now(&inner))
    };
    let system = &shared.meta.system;
    let text = |key: &str, default: &str| system[key].as_str().unwrap_or(default).to_string();
    let info = json!({
        "contextPath": shared.base_url,
        "userAgent": "phum-tests",
        "calendar": text("calendar", "iso8601"),
        "dateFormat": text("dateFormat", "yyyy-mm-dd"),
        "serverDate": stamp(now),
        "lastAnalyticsTableSuccess": stamp(now - chrono::TimeDelta::hours(8)),
        "intervalSinceLastAnalyticsTableSuccess": "8 h, 0 m, 0 s",
        "lastAnalyticsTableRuntime": "1 m, 2 s",
        "version": version.as_str(),
        "revision": text("revision", "a1b2c3d"),
        "buildTime": "2024-06-01T10:00:00.000",
        "jasperReportsVersion": "6.20.6",
        "environmentVariable": "DHIS2_HOME",
        "databaseInfo": {"type": "PostgreSQL", "spatialSupport": true},
        "encryption": false,
        "systemId": "0b8e5c4a-0d5d-4b5e-9f6e-7d2b1c3a4e5f",
        "systemName": text("systemName", "DHIS 2 test server"),
        "serverTimeZoneId": shared.meta.time_zone_id(),
        "isMetadataVersionEnabled": true,
        "isMetadataSyncEnabled": false,
    });
    http::json(StatusCode::OK, &fields::apply(&info, &fields_param(&params, "*")))
}

const ORG_UNIT_KEYS: [&str; 3] = ["organisationUnits", "teiSearchOrganisationUnits", "dataViewOrganisationUnits"];

/// The user's document with referenced org units expanded (`id`, `path`, `name`, ...).
fn expanded_me(shared: &Shared, user: &TestUser) -> Value {
    let mut me = user.me.clone();
    for key in ORG_UNIT_KEYS {
        if let Some(list) = me[key].as_array_mut() {
            for ou in list.iter_mut() {
                if let Some(full) = ou["id"].as_str().and_then(|id| shared.meta.get("organisationUnits", id)) {
                    *ou = full.clone();
                }
            }
        }
    }
    if me.get("userCredentials").is_none() {
        me["userCredentials"] = json!({"username": user.username, "userRoles": me["userRoles"]});
    }
    me
}

/// `GET /api/me`.
pub async fn me(
    State(shared): State<Arc<Shared>>,
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    Query(params): Query<Vec<(String, String)>>,
) -> Response {
    let spec = fields_param(&params, "*");
    let mut projected = fields::apply(&expanded_me(&shared, &user), &spec);
    // As DHIS2: a collection named without nested fields (or through `*`) is references only.
    for key in ORG_UNIT_KEYS {
        let bare = spec.iter().any(|f| matches!(f, Field::All) || matches!(f, Field::Named(n, None) if n == key));
        if bare && projected.get(key).is_some() {
            projected[key] = user.me[key].clone();
        }
    }
    http::json(StatusCode::OK, &projected)
}

/// `GET /api/userSettings`: the `settings` of the user's document (`keyUiLocale`, `keyDbLocale`).
pub async fn user_settings(
    Extension(CurrentUser(user)): Extension<CurrentUser>,
    Query(params): Query<Vec<(String, String)>>,
) -> Response {
    let settings = user.me.get("settings").cloned().unwrap_or(json!({}));
    http::json(StatusCode::OK, &fields::apply(&settings, &fields_param(&params, "*")))
}

/// `GET /api/me/authorization`: the user's authorities.
pub async fn authorization(Extension(CurrentUser(user)): Extension<CurrentUser>) -> Response {
    http::json(StatusCode::OK, &user.me.get("authorities").cloned().unwrap_or(json!([])))
}
