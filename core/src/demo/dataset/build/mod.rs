//! Builds the demo's DHIS2 metadata in memory: the `/api/metadata` export ([`metadata`]) and the
//! trainee's `/api/me` ([`me`]), as `serde_json::Value` documents that `demo::dataset` serialises
//! and imports through the same path as a server's answer. Output is deterministic (same code,
//! same document); after a change, the demo tests lint the built export (`cargo test -p phum-core
//! demo::`).
//!
//! Owns the shape of the documents and the helpers every part uses ([`named`] objects with their
//! Khmer translations, references). Each collection's content lives in its own module: the org
//! unit tree (`org_units`), disaggregations (`categories`), option sets, data elements and
//! attributes (`elements`), the two programs (`immunization`, `ncd`, made of the pieces in
//! `program`, their rules written with `rules`), the VHSG report (`vhsg`) and the user (`me`).
//! Does not own importing (`store::import`) or the UIDs the rest of the demo names
//! (`demo::dataset`).
//!
//! Design notes (the program design is Phum's own; public WHO and DHIS2 packages informed the
//! choice of fields, nothing is copied from them):
//!
//! - Org units: Cambodia > Siem Reap Province > Kralanh Operational District > two health centres
//!   (Chanleas Dai, the trainee's, with 6 villages; Kralanh with 4) > villages. Province,
//!   district, commune and village names and NCDD codes are real (NCDD gazetteer via pumi and
//!   CambodianAddressSDK, MIT: `dataset/LICENSE-CambodianAddressSDK` and
//!   `dataset/THIRD_PARTY_NOTICES.md`); the operational district and health centre names are made
//!   up from them (see `dataset/SOURCE.md`).
//! - Child immunization: one stage per contact of Cambodia's national schedule, each generated at
//!   enrollment from the date of birth (the incident date): birth (BCG, HepB), 6, 10, 14 weeks
//!   (Penta, bOPV, PCV; IPV at 14), 9 months (MR 1, JE), 18 months (MR 2), and HPV for girls at
//!   9 (scheduled by hand, never generated, hidden for boys). Ages in days are chosen so that a
//!   dose given on its due date passes the age rules: 9 months is 275 days (the longest 9
//!   calendar months), 9 years 3288 days.
//! - NCD: WHO HEARTS thresholds: raised blood pressure at 140/90 mmHg, very high (refer) at
//!   180/110, fasting glucose 7.0 mmol/L (diabetes range), 18 mmol/L (refer today); BMI from
//!   weight and height with WHO cut-offs; a screening visit at enrollment and a monthly follow-up
//!   visit (standardInterval 28) scheduled after each one.
//! - VHSG monthly village report: per village, sex and sex x age group disaggregations, three
//!   validation rules.
//!
//! Demo figures: verify every threshold against the national programmes before any clinical use.

mod categories;
mod elements;
mod immunization;
mod me;
mod ncd;
mod org_units;
mod program;
mod rules;
mod vhsg;

use serde_json::{json, Map, Value};

use crate::model::Uid;

pub use me::me;

/// The `/api/metadata` export of the demo.
pub fn metadata() -> Value {
    let (category_options, categories, combos, option_combos) = categories::all();
    let (option_sets, options) = elements::option_sets();
    let mut rules = rules::Rules::default();
    immunization::rules(&mut rules);
    ncd::rules(&mut rules);
    let imm = immunization::program();
    let ncd = ncd::program();
    let (data_set, data_set_sections) = vhsg::data_set();
    let data_elements = [elements::tracker_data_elements(), vhsg::data_elements()].concat();
    let program_sections = [imm.sections, ncd.sections].concat();
    let stages = [imm.stages, ncd.stages].concat();
    let stage_sections = [imm.stage_sections, ncd.stage_sections].concat();
    let variables = [imm.variables, ncd.variables].concat();
    json!({
        "system": {
            "version": "2.41.3",
            "revision": "demo",
            "systemName": "Phum training data",
            "serverTimeZoneId": "Asia/Phnom_Penh",
            "calendar": "iso8601",
            "dateFormat": "yyyy-mm-dd",
        },
        "organisationUnitLevels": org_units::levels(),
        "organisationUnits": org_units::units(),
        "categoryOptions": category_options,
        "categories": categories,
        "categoryCombos": combos,
        "categoryOptionCombos": option_combos,
        "optionSets": option_sets,
        "options": options,
        "dataElements": data_elements,
        "trackedEntityAttributes": elements::attributes(),
        "trackedEntityTypes": elements::tracked_entity_types(),
        "programs": [imm.program, ncd.program],
        "programSections": program_sections,
        "programStages": stages,
        "programStageSections": stage_sections,
        "programRuleVariables": variables,
        "programRules": rules.rules,
        "programRuleActions": rules.actions,
        "dataSets": [data_set],
        "sections": data_set_sections,
        "validationRules": vhsg::validation_rules(),
    })
}

/// What a reference can be made of: a UID constant or a UID written as text.
pub(super) trait Id {
    fn id(&self) -> String;
}

impl Id for Uid {
    fn id(&self) -> String {
        self.as_str().to_string()
    }
}

impl Id for &str {
    fn id(&self) -> String {
        (*self).to_string()
    }
}

impl Id for String {
    fn id(&self) -> String {
        self.clone()
    }
}

/// A reference: `{"id": ...}`.
pub(super) fn r(id: impl Id) -> Value {
    json!({ "id": id.id() })
}

/// References to each of `ids`, in order.
pub(super) fn refs<I: Id>(ids: impl IntoIterator<Item = I>) -> Value {
    Value::Array(ids.into_iter().map(r).collect())
}

/// One Khmer translation of `property` (`NAME`, `SHORT_NAME`, `CONTENT`, ...).
pub(super) fn km(property: &str, value: &str) -> Value {
    json!({ "property": property, "locale": "km", "value": value })
}

/// A named object under construction: its fields, then its Khmer translations in the order
/// DHIS2 lists them (name, short name, form name, description, then any others).
pub(super) struct Named {
    object: Map<String, Value>,
    translations: Vec<Value>,
}

/// A named object `id` with an English `name` and its Khmer translation.
pub(super) fn named(id: impl Id, name: &str, name_km: &str) -> Named {
    let mut object = Map::new();
    object.insert("id".into(), Value::String(id.id()));
    object.insert("name".into(), Value::String(name.into()));
    Named { object, translations: vec![km("NAME", name_km)] }
}

impl Named {
    pub(super) fn code(self, code: &str) -> Named {
        self.with("code", code)
    }

    pub(super) fn short(self, short: &str, short_km: &str) -> Named {
        self.with("shortName", short).km("SHORT_NAME", short_km)
    }

    pub(super) fn form(self, form: &str, form_km: &str) -> Named {
        self.with("formName", form).km("FORM_NAME", form_km)
    }

    pub(super) fn description(self, description: &str, description_km: &str) -> Named {
        self.with("description", description).km("DESCRIPTION", description_km)
    }

    /// Sets a field.
    pub(super) fn with(mut self, field: &str, value: impl Into<Value>) -> Named {
        self.object.insert(field.into(), value.into());
        self
    }

    /// Adds a Khmer translation of `property`.
    pub(super) fn km(mut self, property: &str, value: &str) -> Named {
        self.translations.push(km(property, value));
        self
    }

    pub(super) fn build(mut self) -> Value {
        self.object.insert("translations".into(), Value::Array(self.translations));
        Value::Object(self.object)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// Every object's id and every stage data element's id: the UIDs this module makes up.
    fn defined_uids(doc: &Value) -> Vec<String> {
        let mut out = Vec::new();
        for objects in doc.as_object().unwrap().values() {
            for object in objects.as_array().into_iter().flatten() {
                out.extend(object["id"].as_str().map(String::from));
                for psde in object["programStageDataElements"].as_array().into_iter().flatten() {
                    out.extend(psde["id"].as_str().map(String::from));
                }
            }
        }
        let user = me();
        out.extend(user["id"].as_str().map(String::from));
        out.extend(user["userRoles"].as_array().unwrap().iter().filter_map(|r| r["id"].as_str().map(String::from)));
        out
    }

    #[test]
    fn every_uid_follows_the_dhis2_rule_and_is_used_once() {
        let uids = defined_uids(&metadata());
        assert!(uids.len() > 400, "{}", uids.len());
        let mut seen = BTreeSet::new();
        for uid in &uids {
            assert!(Uid::parse(uid).is_ok(), "not a UID: {uid}");
            assert!(seen.insert(uid), "UID used twice: {uid}");
        }
    }
}
