//! The pieces both tracker programs are made of: stage data elements, stage and enrollment form
//! sections, program attributes and rule variables, and [`Built`], what a program module hands
//! to the document. Does not own either program's content (`immunization`, `ncd`).

use serde_json::{json, Value};

use super::{named, r, refs, Id};
use crate::model::Uid;

/// A program and the objects of its own that the export lists in other collections.
pub(super) struct Built {
    pub program: Value,
    /// Enrollment form sections (`programSections`).
    pub sections: Vec<Value>,
    pub stages: Vec<Value>,
    pub stage_sections: Vec<Value>,
    pub variables: Vec<Value>,
}

/// The `n`th data element of the stage keyed `stage_key` (UID `DmPsde<key><nn>`).
pub(super) fn stage_data_element(stage_key: &str, n: usize, de: impl Id, compulsory: bool) -> Value {
    json!({
        "id": format!("DmPsde{stage_key}{n:02}"),
        "dataElement": r(de),
        "compulsory": compulsory,
        "allowProvidedElsewhere": false,
        "allowFutureDate": false,
        "sortOrder": n,
    })
}

/// A stage's form section.
pub(super) fn stage_section(uid: &str, name: &str, name_km: &str, order: usize, des: &[String], stage: Uid) -> Value {
    named(uid, name, name_km)
        .with("sortOrder", order)
        .with("dataElements", refs(des.iter().cloned()))
        .with("programStage", r(stage))
        .build()
}

/// An enrollment form section of `program` listing `attributes`.
pub(super) fn program_section(
    uid: &str,
    program: Uid,
    name: &str,
    name_km: &str,
    order: u32,
    attributes: &[Uid],
) -> Value {
    named(uid, name, name_km)
        .with("program", r(program))
        .with("sortOrder", order)
        .with("trackedEntityAttributes", refs(attributes.iter().copied()))
        .build()
}

/// An attribute of a program's enrollment form: (attribute, mandatory, shown in lists,
/// searchable), numbered in order.
pub(super) fn program_attributes(rows: &[(Uid, bool, bool, bool)]) -> Value {
    rows.iter()
        .enumerate()
        .map(|(i, &(a, mandatory, in_list, searchable))| {
            json!({
                "trackedEntityAttribute": r(a),
                "mandatory": mandatory,
                "displayInList": in_list,
                "searchable": searchable,
                "allowFutureDate": false,
                "sortOrder": i + 1,
            })
        })
        .collect()
}

/// Where a rule variable takes its value from.
pub(super) enum Source {
    Attribute(Uid),
    DataElement(&'static str, String),
}

/// A rule variable. Its name is the identifier rules use (`#{name}`), not a label: it is not
/// translated. `codes`: an option set's code rather than its name.
pub(super) fn variable(uid: impl Id, program: Uid, name: &str, source: Source, codes: bool) -> Value {
    let mut v = json!({
        "id": uid.id(),
        "name": name,
        "program": r(program),
        "useCodeForOptionSet": codes,
    });
    match source {
        Source::Attribute(tea) => {
            v["programRuleVariableSourceType"] = "TEI_ATTRIBUTE".into();
            v["trackedEntityAttribute"] = r(tea);
        }
        Source::DataElement(kind, de) => {
            v["programRuleVariableSourceType"] = kind.into();
            v["dataElement"] = r(de);
        }
    }
    v
}

/// A data element in the current event.
pub(super) fn current(de: impl Id) -> Source {
    Source::DataElement("DATAELEMENT_CURRENT_EVENT", de.id())
}

/// A data element's newest value in the enrollment.
pub(super) fn newest(de: impl Id) -> Source {
    Source::DataElement("DATAELEMENT_NEWEST_EVENT_PROGRAM", de.id())
}

/// A data element's value in the event before this one.
pub(super) fn previous(de: impl Id) -> Source {
    Source::DataElement("DATAELEMENT_PREVIOUS_EVENT", de.id())
}

/// The refs of `objects`' ids.
pub(super) fn ids_of(objects: &[Value]) -> Value {
    objects.iter().map(|o| json!({ "id": o["id"] })).collect()
}
