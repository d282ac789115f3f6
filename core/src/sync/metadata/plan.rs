//! What a metadata download asks for, in the order the SDK asks (research/dhis2-api.md §2.1),
//! each step's UIDs taken from the answers before it:
//!
//! 1. `/api/system/info`, `/api/me`;
//! 2. the org units of the capture and search scopes: one subtree per root
//!    (`filter=path:like:<root>`, paged by 500; a root inside another root's subtree is not asked
//!    twice), then every org unit level and the org unit groups the units are in;
//! 3. the programs assigned to those units that the user may read data of
//!    (`access.data.read:eq:true`, as the SDK), with rule variables and registration sections
//!    nested; their stages (sections nested) and rules (actions nested) by `program.id`;
//! 4. the data sets assigned to the units (sections nested), and per data set its validation
//!    rules (`/api/validationRules?dataSet=`);
//! 5. what those reference: tracked entity types, tracked entity attributes, data elements (of
//!    stages, stage sections, rules, data sets), option sets, their options (paged by 5,000) and
//!    option groups, category combos (option combos nested), categories, category options;
//! 6. every constant.
//!
//! Lists of UIDs go in `filter=...:in:[...]` chunks (`query::by_ids`). Owns the steps and which
//! UIDs each one takes from which answer. Does not own the field lists (`fields`), sending
//! (`fetch`) or importing (`super`).

use std::collections::BTreeSet;

use serde_json::Value;

use super::fetch::{Fetcher, OPTION_PAGE, ORG_UNIT_PAGE};
use super::fields;
use super::query::{by_ids, Request};
use crate::model::Uid;
use crate::sync::SyncError;

/// The filter the SDK adds where a user without data access has no use for an object.
const DATA_READ: &str = "access.data.read:eq:true";

/// The UIDs found at `path` (`a.b.c`: through objects and lists) in each of `objects`: a
/// reference `{"id": ...}` or a bare UID string at the end of the path. Text that is not a UID is
/// refused: it would break the next request's filter (and the import would refuse it anyway).
pub fn ids(objects: &[Value], path: &str, endpoint: &str) -> Result<BTreeSet<Uid>, SyncError> {
    fn walk(value: &Value, path: &[&str], out: &mut Vec<String>) {
        match value {
            Value::Array(items) => items.iter().for_each(|v| walk(v, path, out)),
            Value::Object(map) => match path.split_first() {
                Some((first, rest)) => {
                    if let Some(v) = map.get(*first) {
                        walk(v, rest, out)
                    }
                }
                None => {
                    if let Some(Value::String(id)) = map.get("id") {
                        out.push(id.clone())
                    }
                }
            },
            Value::String(id) if path.is_empty() => out.push(id.clone()),
            _ => {}
        }
    }
    let steps: Vec<&str> = if path.is_empty() { Vec::new() } else { path.split('.').collect() };
    let mut found = Vec::new();
    objects.iter().for_each(|o| walk(o, &steps, &mut found));
    found
        .iter()
        .map(|id| {
            Uid::parse(id)
                .map_err(|e| SyncError::BadAnswer { endpoint: endpoint.to_string(), detail: format!("{path}: {e}") })
        })
        .collect()
}

/// The UIDs at each of `paths` in `objects`, together.
fn ids_at(objects: &[Value], paths: &[&str], endpoint: &str) -> Result<BTreeSet<Uid>, SyncError> {
    let mut out = BTreeSet::new();
    for path in paths {
        out.extend(ids(objects, path, endpoint)?);
    }
    Ok(out)
}

/// The org units whose subtrees are downloaded: the user's capture and search units, without
/// those inside another one's subtree (their `path` names it).
pub fn scope_roots(me: &Value) -> Result<Vec<Uid>, SyncError> {
    let units: Vec<&Value> = ["organisationUnits", "teiSearchOrganisationUnits"]
        .iter()
        .filter_map(|k| me.get(*k).and_then(Value::as_array))
        .flatten()
        .collect();
    let all = ids(&units.iter().map(|v| (*v).clone()).collect::<Vec<_>>(), "", "/api/me")?;
    let inside_another = |unit: &Value| {
        let own = unit.get("id").and_then(Value::as_str).unwrap_or_default();
        let path = unit.get("path").and_then(Value::as_str).unwrap_or_default();
        path.split('/').any(|ancestor| ancestor != own && all.iter().any(|u| u.as_str() == ancestor))
    };
    let nested: BTreeSet<&str> =
        units.iter().filter(|u| inside_another(u)).filter_map(|u| u.get("id").and_then(Value::as_str)).collect();
    Ok(all.into_iter().filter(|u| !nested.contains(u.as_str())).collect())
}

/// Runs every step; the answers stay in `fetcher`.
pub fn run(f: &mut Fetcher<'_>) -> Result<(), SyncError> {
    f.expect(2);
    f.get(&Request::new("/api/system/info").param("fields", fields::SYSTEM_INFO))?;
    let me = f.get(&Request::new("/api/me").param("fields", fields::ME))?.clone();
    let assigned = org_units(f, &scope_roots(&me)?)?;
    let tracker = programs(f, &assigned.programs)?;
    let data_sets = data_sets(f, &assigned.data_sets)?;
    let (elements, attributes) = elements_and_attributes(f, &tracker, &data_sets)?;
    options(f, &elements, &attributes)?;
    categories(f, &tracker.programs, &elements, &data_sets)?;
    f.expect(1);
    f.list(Request::new("/api/constants").param("fields", fields::CONSTANTS), "constants")?;
    Ok(())
}

/// What the org units of the scope have assigned.
struct Assigned {
    programs: BTreeSet<Uid>,
    data_sets: BTreeSet<Uid>,
}

/// The subtree of each root, every level, and the groups the units are in. Only the UIDs the
/// next steps need are kept of the units, not the units themselves.
fn org_units(f: &mut Fetcher<'_>, roots: &[Uid]) -> Result<Assigned, SyncError> {
    const OU: &str = "/api/organisationUnits";
    f.expect(roots.len() + 1);
    let mut assigned = Assigned { programs: BTreeSet::new(), data_sets: BTreeSet::new() };
    let mut groups = BTreeSet::new();
    for root in roots {
        let r = Request::new(OU)
            .param("fields", fields::ORGANISATION_UNITS)
            .param("filter", format!("path:like:{root}"))
            .param("order", "id:asc");
        let units = f.paged(r, "organisationUnits", ORG_UNIT_PAGE)?;
        assigned.programs.extend(ids(&units, "programs", OU)?);
        assigned.data_sets.extend(ids(&units, "dataSets", OU)?);
        groups.extend(ids(&units, "organisationUnitGroups", OU)?);
    }
    let r = Request::new("/api/organisationUnitLevels").param("fields", fields::ORGANISATION_UNIT_LEVELS);
    f.list(r, "organisationUnitLevels")?;
    let r = Request::new("/api/organisationUnitGroups").param("fields", fields::ORGANISATION_UNIT_GROUPS);
    f.lists(by_ids(&r, "id", &groups), "organisationUnitGroups")?;
    Ok(assigned)
}

/// Programs (rule variables and sections nested), their stages and rules.
struct Tracker {
    programs: Vec<Value>,
    stages: Vec<Value>,
    rules: Vec<Value>,
}

fn programs(f: &mut Fetcher<'_>, assigned: &BTreeSet<Uid>) -> Result<Tracker, SyncError> {
    let r = Request::new("/api/programs").param("fields", fields::PROGRAMS).param("filter", DATA_READ);
    let programs = f.lists(by_ids(&r, "id", assigned), "programs")?;
    let program_ids = ids(&programs, "", "/api/programs")?;
    let r = Request::new("/api/programStages").param("fields", fields::PROGRAM_STAGES);
    let stages = f.lists(by_ids(&r, "program.id", &program_ids), "programStages")?;
    let r = Request::new("/api/programRules").param("fields", fields::PROGRAM_RULES);
    let rules = f.lists(by_ids(&r, "program.id", &program_ids), "programRules")?;
    Ok(Tracker { programs, stages, rules })
}

/// Data sets (sections nested) and, per data set, its validation rules.
fn data_sets(f: &mut Fetcher<'_>, assigned: &BTreeSet<Uid>) -> Result<Vec<Value>, SyncError> {
    let r = Request::new("/api/dataSets").param("fields", fields::DATA_SETS).param("filter", DATA_READ);
    let data_sets = f.lists(by_ids(&r, "id", assigned), "dataSets")?;
    let data_set_ids = ids(&data_sets, "", "/api/dataSets")?;
    f.expect(data_set_ids.len());
    for data_set in &data_set_ids {
        let r = Request::new("/api/validationRules")
            .param("dataSet", data_set.as_str())
            .param("fields", fields::VALIDATION_RULES);
        f.list(r, "validationRules")?;
    }
    Ok(data_sets)
}

/// Tracked entity types, and the data elements and attributes that anything downloaded so far
/// names (a rule's action or variable included); returns the data elements and attributes.
fn elements_and_attributes(
    f: &mut Fetcher<'_>,
    tracker: &Tracker,
    data_sets: &[Value],
) -> Result<(Vec<Value>, Vec<Value>), SyncError> {
    const PROGRAMS: &str = "/api/programs";
    let r = Request::new("/api/trackedEntityTypes").param("fields", fields::TRACKED_ENTITY_TYPES);
    let type_ids = ids(&tracker.programs, "trackedEntityType", PROGRAMS)?;
    let types = f.lists(by_ids(&r, "id", &type_ids), "trackedEntityTypes")?;
    let mut attribute_ids = ids_at(
        &tracker.programs,
        &[
            "programTrackedEntityAttributes.trackedEntityAttribute",
            "programSections.trackedEntityAttributes",
            "programRuleVariables.trackedEntityAttribute",
        ],
        PROGRAMS,
    )?;
    attribute_ids.extend(ids(&types, "trackedEntityTypeAttributes.trackedEntityAttribute", "/api/trackedEntityTypes")?);
    attribute_ids.extend(ids(&tracker.rules, "programRuleActions.trackedEntityAttribute", "/api/programRules")?);
    let r = Request::new("/api/trackedEntityAttributes").param("fields", fields::TRACKED_ENTITY_ATTRIBUTES);
    let attributes = f.lists(by_ids(&r, "id", &attribute_ids), "trackedEntityAttributes")?;

    let mut element_ids = ids_at(
        &tracker.stages,
        &["programStageDataElements.dataElement", "programStageSections.dataElements"],
        "/api/programStages",
    )?;
    element_ids.extend(ids(&tracker.programs, "programRuleVariables.dataElement", PROGRAMS)?);
    element_ids.extend(ids(&tracker.rules, "programRuleActions.dataElement", "/api/programRules")?);
    element_ids.extend(ids_at(
        data_sets,
        &[
            "dataSetElements.dataElement",
            "sections.dataElements",
            "sections.greyedFields.dataElement",
            "compulsoryDataElementOperands.dataElement",
        ],
        "/api/dataSets",
    )?);
    let r = Request::new("/api/dataElements").param("fields", fields::DATA_ELEMENTS);
    let elements = f.lists(by_ids(&r, "id", &element_ids), "dataElements")?;
    Ok((elements, attributes))
}

/// The option sets of data elements and attributes, their options (paged) and option groups.
fn options(f: &mut Fetcher<'_>, elements: &[Value], attributes: &[Value]) -> Result<(), SyncError> {
    let mut set_ids = ids(elements, "optionSet", "/api/dataElements")?;
    set_ids.extend(ids(attributes, "optionSet", "/api/trackedEntityAttributes")?);
    let r = Request::new("/api/optionSets").param("fields", fields::OPTION_SETS);
    f.lists(by_ids(&r, "id", &set_ids), "optionSets")?;
    let r = Request::new("/api/options").param("fields", fields::OPTIONS).param("order", "id:asc");
    let option_requests = by_ids(&r, "optionSet.id", &set_ids);
    f.expect(option_requests.len());
    for r in option_requests {
        f.paged(r, "options", OPTION_PAGE)?;
    }
    let r = Request::new("/api/optionGroups").param("fields", fields::OPTION_GROUPS);
    f.lists(by_ids(&r, "optionSet.id", &set_ids), "optionGroups")?;
    Ok(())
}

/// Every category combo named anywhere (option combos nested), their categories and options.
fn categories(
    f: &mut Fetcher<'_>,
    programs: &[Value],
    elements: &[Value],
    data_sets: &[Value],
) -> Result<(), SyncError> {
    let mut combo_ids = ids_at(programs, &["categoryCombo", "enrollmentCategoryCombo"], "/api/programs")?;
    combo_ids.extend(ids(elements, "categoryCombo", "/api/dataElements")?);
    combo_ids.extend(ids_at(data_sets, &["categoryCombo", "dataSetElements.categoryCombo"], "/api/dataSets")?);
    let r = Request::new("/api/categoryCombos").param("fields", fields::CATEGORY_COMBOS);
    let combos = f.lists(by_ids(&r, "id", &combo_ids), "categoryCombos")?;
    let r = Request::new("/api/categories").param("fields", fields::CATEGORIES);
    let category_ids = ids(&combos, "categories", "/api/categoryCombos")?;
    let categories = f.lists(by_ids(&r, "id", &category_ids), "categories")?;
    let mut option_ids = ids(&categories, "categoryOptions", "/api/categories")?;
    option_ids.extend(ids(&combos, "categoryOptionCombos.categoryOptions", "/api/categoryCombos")?);
    let r = Request::new("/api/categoryOptions").param("fields", fields::CATEGORY_OPTIONS);
    f.lists(by_ids(&r, "id", &option_ids), "categoryOptions")?;
    Ok(())
}
