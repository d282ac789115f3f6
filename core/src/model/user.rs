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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn users_of_servers_before_2_38_are_lifted_out_of_user_credentials() {
        let json = r#"{"id":"DXyJmlo9rge","userCredentials":{"username":"sokha","userRoles":[{"id":"Ufph3mGRmMo","name":"Data entry"}]},
                       "organisationUnits":[{"id":"YuQRtpLP10I"}],"programs":["IpHINAT79UW"],"authorities":["F_TRACKED_ENTITY_INSTANCE_ADD"],
                       "settings":{"keyUiLocale":"km"}}"#;
        let user = serde_json::from_str::<CurrentUser>(json).unwrap().normalise();
        assert_eq!(user.username, "sokha");
        assert_eq!(user.user_roles[0].name.as_deref(), Some("Data entry"));
        assert_eq!(user.programs, vec![Uid::parse("IpHINAT79UW").unwrap()]);
        assert_eq!(user.authorities, ["F_TRACKED_ENTITY_INSTANCE_ADD"]);
        assert_eq!(user.settings.as_ref().unwrap()["keyUiLocale"], "km");
        // Stored back without the old nesting.
        assert!(!serde_json::to_string(&user).unwrap().contains("userCredentials"));
    }

    #[test]
    fn server_versions_parse_with_suffixes() {
        let info = |v: &str| SystemInfo {
            version: v.into(),
            revision: None,
            server_date: None,
            server_time_zone_id: None,
            calendar: None,
            date_format: None,
            system_name: None,
            context_path: None,
        };
        assert_eq!(info("2.41.0").version_number(), Some((2, 41)));
        assert_eq!(info("2.42.1-SNAPSHOT").version_number(), Some((2, 42)));
        assert_eq!(info("2.40-rc1").version_number(), Some((2, 40)));
        assert_eq!(info("unknown").version_number(), None);
    }
}
