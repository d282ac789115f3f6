//! The signed-in user (`/api/me`) and the server (`/api/system/info`).
//!
//! Owns both shapes, including the pre-2.38 `userCredentials` nesting. Does not own logging in
//! or offline credentials (`sync`).

use serde::{Deserialize, Serialize};

use super::common::IdRef;
use super::Uid;

/// `/api/me`, normalised: [`CurrentUser::from_wire`] lifts the username and roles out of
/// `userCredentials` for servers below 2.38.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CurrentUser {
    pub id: Uid,
    #[serde(default)]
    pub username: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surname: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Where the user captures data.
    #[serde(default)]
    pub organisation_units: Vec<IdRef>,
    /// Where the user may search for people.
    #[serde(default)]
    pub tei_search_organisation_units: Vec<IdRef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_view_organisation_units: Vec<IdRef>,
    /// Program and data set UIDs the server lists for the user.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programs: Vec<Uid>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_sets: Vec<Uid>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authorities: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub user_roles: Vec<NamedRef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub user_groups: Vec<NamedRef>,
    /// User settings (`keyUiLocale`, `keyDbLocale`, ...), kept as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<serde_json::Value>,
    /// Servers below 2.38 nest username and roles here.
    #[serde(default, skip_serializing)]
    pub user_credentials: Option<UserCredentials>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserCredentials {
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub user_roles: Vec<NamedRef>,
}

/// `{"id": ..., "name": ...}` for roles and groups.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NamedRef {
    pub id: Uid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl CurrentUser {
    /// Lifts `userCredentials` (servers below 2.38) into the 2.38+ shape.
    pub fn normalise(mut self) -> CurrentUser {
        if let Some(creds) = self.user_credentials.take() {
            if self.username.is_empty() {
                self.username = creds.username;
            }
            if self.user_roles.is_empty() {
                self.user_roles = creds.user_roles;
            }
        }
        self
    }
}

/// `/api/system/info`, or the `system` block of an `/api/metadata` export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SystemInfo {
    pub version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_time_zone_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_format: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context_path: Option<String>,
}

impl SystemInfo {
    /// `(major, minor)` from `version`: `"2.41.0"` and `"2.42.1-SNAPSHOT"` give `(2, 41)`,
    /// `(2, 42)`.
    pub fn version_number(&self) -> Option<(u32, u32)> {
        let mut parts = self.version.split(['.', '-']);
        let major = parts.next()?.parse().ok()?;
        let minor = parts.next()?.parse().ok()?;
        Some((major, minor))
    }
}
