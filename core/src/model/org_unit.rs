//! Organisation units (the health system's tree: country, province, operational district,
//! health centre, village), their levels and groups.
//!
//! Owns their wire shape and the tree facts a unit carries about itself (path, level, parent).
//! Does not own capture scope (which units a user may capture in): that is `form`.

use super::common::{identifiable, IdRef, Timestamp};
use super::Uid;

identifiable! {
    pub struct OrganisationUnit / OrganisationUnitWire {
        /// `/root/.../self`: the unit's ancestors and itself.
        pub path: String,
        pub level: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub parent: Option<IdRef>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub opening_date: Option<Timestamp>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub closed_date: Option<Timestamp>,
        /// Programs assigned to the unit (some may not be visible to the user).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub programs: Vec<IdRef>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub data_sets: Vec<IdRef>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub organisation_unit_groups: Vec<IdRef>,
        /// GeoJSON, kept as the server sent it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub geometry: Option<serde_json::Value>,
    }
}

impl OrganisationUnit {
    /// The UIDs in `path`, root first. `None` if a segment is not a UID.
    pub fn path_uids(&self) -> Option<Vec<Uid>> {
        let inner = self.path.strip_prefix('/')?;
        inner.split('/').map(|s| Uid::parse(s).ok()).collect()
    }
}

identifiable! {
    pub struct OrganisationUnitLevel / OrganisationUnitLevelWire {
        pub level: u32,
    }
}

identifiable! {
    pub struct OrganisationUnitGroup / OrganisationUnitGroupWire {
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub organisation_units: Vec<IdRef>,
    }
}
