//! Building a form's fields from metadata, shared by the three kinds: options of an option set
//! (ordered, labelled in both languages), the option groups the rules may show or hide, the rule engine's
//! view of an enrollment and of stored events, and the supplementary data about the user and the
//! org unit.
//!
//! Owns these metadata-to-session mappings. Does not own which fields a kind has (`event`,
//! `registration`, `data_set`).

use std::collections::HashMap;

use super::error::FormError;
use super::view::Label;
use super::{FieldSpec, OptionSpec, SectionSpec};
use crate::i18n::translation;
use crate::i18n::{render, Locale, Message};
use crate::model::{
    IdRef, Identity, OptionGroup, OptionItem, OrganisationUnit, OrganisationUnitGroup, TrackedEntityAttribute, Uid,
};
use crate::rules::load::{load_rule_set_with_contents, normalise_attribute_value};
use crate::rules::{RuleEngine, RuleEnrollment, RuleEvent, Supplementary};
use crate::store::data::tracker::{Data, Enrollment, Event};
use crate::store::Store;

/// The options of a set, by sort order then UID.
pub(crate) fn options(store: &Store, set: Option<IdRef>) -> Result<Vec<OptionSpec>, FormError> {
    let Some(set) = set else { return Ok(Vec::new()) };
    let mut items = store.children::<OptionItem>(set.id)?;
    items.sort_by_key(|o| (o.sort_order.unwrap_or(i64::MAX), o.identity.id));
    Ok(items
        .into_iter()
        .map(|o| OptionSpec {
            uid: o.identity.id.as_str().to_string(),
            code: o.identity.code.clone().unwrap_or_else(|| o.identity.name.clone()),
            label: Label::name(&o.identity),
        })
        .collect())
}

/// Option group UID to option UIDs, for every group of the option sets the fields use.
pub(crate) fn option_groups(store: &Store, sets: &[IdRef]) -> Result<HashMap<String, Vec<String>>, FormError> {
    let mut out = HashMap::new();
    for set in sets {
        for g in store.children::<OptionGroup>(set.id)? {
            out.insert(
                g.identity.id.as_str().to_string(),
                g.options.iter().map(|o| o.id.as_str().to_string()).collect(),
            );
        }
    }
    Ok(out)
}

/// Roles and groups of the signed-in user; the org unit's groups (by UID and by code).
pub(crate) fn supplementary(store: &Store, unit: &OrganisationUnit) -> Result<Supplementary, FormError> {
    let mut sup = Supplementary::default();
    if let Some(user) = store.current_user()? {
        sup.user_roles = user.user_roles.iter().map(|r| r.id.as_str().to_string()).collect();
        sup.user_groups = user.user_groups.iter().map(|r| r.id.as_str().to_string()).collect();
    }
    for g in &unit.organisation_unit_groups {
        let members = vec![unit.identity.id.as_str().to_string()];
        sup.org_unit_groups.insert(g.id.as_str().to_string(), members.clone());
        if let Some(group) = store.get::<OrganisationUnitGroup>(g.id)? {
            if let Some(code) = group.identity.code {
                sup.org_unit_groups.insert(code, members);
            }
        }
    }
    Ok(sup)
}

/// The value types of attributes, for normalising their values for the engine.
pub(crate) fn attribute_value_types(
    store: &Store,
    attributes: impl Iterator<Item = crate::model::Uid>,
) -> Result<HashMap<String, crate::model::ValueType>, FormError> {
    let mut out = HashMap::new();
    for a in attributes {
        if let Some(attr) = store.get::<TrackedEntityAttribute>(a)? {
            out.insert(a.as_str().to_string(), attr.value_type);
        }
    }
    Ok(out)
}

/// The engine's enrollment: dates, status, and attribute values normalised as the app does.
pub(crate) fn rule_enrollment(
    enrollment: &Enrollment,
    program_name: &str,
    org_unit_code: Option<String>,
    attributes: impl Iterator<Item = (String, String)>,
    types: &HashMap<String, crate::model::ValueType>,
) -> RuleEnrollment {
    RuleEnrollment {
        uid: enrollment.uid.as_str().to_string(),
        program_name: program_name.to_string(),
        incident_date: enrollment.incident_date,
        enrollment_date: enrollment.enrollment_date,
        status: enrollment.status,
        org_unit: enrollment.org_unit.as_str().to_string(),
        org_unit_code,
        attribute_values: attributes
            .map(|(a, v)| {
                let v = match types.get(&a) {
                    Some(t) => normalise_attribute_value(*t, &v),
                    None => v,
                };
                (a, v)
            })
            .collect(),
    }
}

/// The engine's view of a stored event with the given values.
pub(crate) fn rule_event(
    event: &Event,
    stage_name: &str,
    org_unit_code: Option<String>,
    values: Vec<(String, String)>,
) -> RuleEvent {
    RuleEvent {
        uid: event.uid.as_str().to_string(),
        program_stage: event.program_stage.as_str().to_string(),
        program_stage_name: stage_name.to_string(),
        status: event.status,
        event_date: event.event_date,
        // Phum stamped its records in UTC, without an offset, before it kept offsets.
        created: event.created.instant().unwrap_or_else(|| event.created.wall_time().and_utc()),
        created_at_client: None,
        due_date: event.due_date,
        completed_date: event.completed_date,
        org_unit: event.org_unit.as_str().to_string(),
        org_unit_code,
        data_values: values,
    }
}

/// A stored event with its stored values, for the engine.
pub(crate) fn stored_rule_event(
    d: &Data<'_>,
    event: &Event,
    stage_name: &str,
    org_unit_code: Option<String>,
) -> Result<RuleEvent, FormError> {
    let values = d.data_values(event.uid)?.into_iter().map(|(de, v)| (de.as_str().to_string(), v)).collect();
    Ok(rule_event(event, stage_name, org_unit_code, values))
}

/// The field of one of the record's own dates (`EVENT_DATE`, ...): a mandatory DATE without
/// section, labelled by the metadata's label translated into each language, else as written,
/// else by `default_label` (a catalogue message) in that language.
pub(crate) fn record_date_field(
    key: &str,
    translations: &[crate::model::Translation],
    label_property: &str,
    label: Option<&str>,
    default_label: Message,
    allow_future_date: bool,
) -> FieldSpec {
    let label = Label::each(|lang| match translation(translations, label_property, lang).or(label) {
        Some(l) => l.to_string(),
        None => render(&default_label, Locale::new(lang, false)),
    });
    FieldSpec {
        key: key.to_string(),
        label,
        value_type: crate::model::ValueType::Date,
        options: Vec::new(),
        mandatory: true,
        allow_future_date,
        section: None,
        greyed: false,
        cell: None,
        unique: false,
    }
}

/// A record date held in the form's values.
pub(crate) fn date_value(values: &std::collections::BTreeMap<String, String>, key: &str) -> Option<chrono::NaiveDate> {
    values.get(key).and_then(|v| crate::expr::value::parse_iso_date(v))
}

/// What a form's rules need once per session.
pub(crate) struct RuleContext {
    /// The org unit's code.
    pub org_unit_code: Option<String>,
    /// About the user and the org unit.
    pub supplementary: Supplementary,
    /// The program's rules, with action content as written.
    pub engine: RuleEngine,
    /// The translated contents of the rule actions, by action UID.
    pub contents: HashMap<String, Label>,
}

pub(crate) fn rule_context(store: &Store, org_unit: Uid, program: Uid) -> Result<RuleContext, FormError> {
    let unit = store.get::<OrganisationUnit>(org_unit)?;
    let org_unit_code = unit.as_ref().and_then(|u| u.identity.code.clone());
    let supplementary = match &unit {
        Some(u) => supplementary(store, u)?,
        None => Supplementary::default(),
    };
    let (rules, contents) = load_rule_set_with_contents(store, program)?;
    let contents = contents
        .into_iter()
        .map(|(action, c)| {
            let label =
                Label::each(|lang| translation(&c.translations, "CONTENT", lang).unwrap_or(&c.content).to_string());
            (action, label)
        })
        .collect();
    Ok(RuleContext { org_unit_code, supplementary, engine: RuleEngine::new(rules), contents })
}

/// A section of the form: its translated name and the members that are fields of the form.
pub(crate) fn section_spec(identity: &Identity, members: &[IdRef], fields: &[FieldSpec]) -> SectionSpec {
    SectionSpec {
        uid: identity.id.to_string(),
        label: Label::name(identity),
        fields: members.iter().map(|r| r.id.to_string()).filter(|k| fields.iter().any(|f| &f.key == k)).collect(),
        row_totals: false,
        column_totals: false,
    }
}

/// The option sets fields use (for their option groups).
pub(crate) fn option_sets_of(specs: &[(FieldSpec, Option<IdRef>)]) -> Vec<IdRef> {
    let mut sets: Vec<IdRef> = specs.iter().filter_map(|(_, s)| *s).collect();
    sets.sort_by_key(|s| s.id);
    sets.dedup();
    sets
}
