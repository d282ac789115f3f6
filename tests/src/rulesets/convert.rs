//! Turning a [`RuleSetCase`] into `phum_core::rules` inputs: the rule set, the enrollment, the
//! events and the supplementary data, with every date and name checked.
//!
//! Owns the mapping from the JSON case to engine types. Does not own evaluation (`answer`).

use chrono::{DateTime, NaiveDate as Date, Utc};
use phum_core::expr::eval::VariableType;
use phum_core::expr::value::parse_iso_date;
use phum_core::model::value_type::RuleActionType;
use phum_core::rules::model::Compiled;
use phum_core::rules::*;

use super::case::*;

/// Everything one case evaluates with.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub rule_set: RuleSet,
    pub enrollment: Option<RuleEnrollment>,
    pub events: Vec<RuleEvent>,
    pub supplementary: Supplementary,
    pub today: Date,
}

pub fn prepare(case: &RuleSetCase) -> Result<Prepared, String> {
    let rules = case.rule_set.rules.iter().map(rule).collect();
    let variables = case.rule_set.variables.iter().map(variable).collect::<Result<_, _>>()?;
    let constants = case.rule_set.constants.iter().map(|c| (c.uid.clone(), c.value.clone())).collect();
    Ok(Prepared {
        rule_set: RuleSet { rules, variables, constants },
        enrollment: case.enrollment.as_ref().map(enrollment).transpose()?,
        events: case.events.iter().map(event).collect::<Result<_, _>>()?,
        supplementary: Supplementary {
            user_roles: case.supplementary.user_roles.clone(),
            user_groups: case.supplementary.user_groups.clone(),
            org_unit_groups: case.supplementary.org_unit_groups.iter().cloned().collect(),
        },
        today: date(&case.today)?,
    })
}

pub fn date(s: &str) -> Result<Date, String> {
    parse_iso_date(s).ok_or_else(|| format!("not a yyyy-MM-dd date: {s:?}"))
}

fn instant(s: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(s).map(|t| t.to_utc()).map_err(|e| format!("not an RFC 3339 instant: {s:?} ({e})"))
}

pub fn action_type(name: &str) -> Option<RuleActionType> {
    RuleActionType::ALL.iter().copied().find(|t| t.as_str() == name)
}

fn rule(r: &CaseRule) -> Rule {
    Rule {
        uid: r.uid.clone(),
        name: r.name.clone(),
        program_stage: r.program_stage.clone().filter(|s| !s.is_empty()),
        priority: r.priority,
        condition: Compiled::new(&r.condition),
        actions: r.actions.iter().map(action).collect(),
    }
}

fn action(a: &CaseAction) -> RuleAction {
    let kind = match action_type(&a.action_type) {
        Some(t) => ActionKind::Known(t),
        None => ActionKind::Unsupported(Unsupported::UnknownType(a.action_type.clone())),
    };
    let attribute_type = a.attribute_type.as_deref().map(|t| match t {
        "DATA_ELEMENT" => AttributeType::DataElement,
        "TRACKED_ENTITY_ATTRIBUTE" => AttributeType::TrackedEntityAttribute,
        _ => AttributeType::Unknown,
    });
    RuleAction {
        uid: String::new(),
        kind,
        data: a.data.as_deref().map(Compiled::new),
        field: a.field.clone(),
        attribute_type,
        content: a.content.clone(),
        location: a.location.clone(),
        program_stage: a.program_stage.clone(),
        program_stage_section: a.program_stage_section.clone(),
        option: a.option.clone(),
        option_group: a.option_group.clone(),
        priority: a.priority,
    }
}

pub fn variable_type(name: &str) -> Result<VariableType, String> {
    match name {
        "NUMERIC" => Ok(VariableType::Number),
        "TEXT" => Ok(VariableType::Text),
        "BOOLEAN" => Ok(VariableType::Boolean),
        "DATE" => Ok(VariableType::Date),
        _ => Err(format!("unknown variable value type {name}")),
    }
}

fn variable(v: &CaseVariable) -> Result<RuleVariable, String> {
    let de = v.field.clone();
    let source = match v.source_type.as_str() {
        "DATAELEMENT_CURRENT_EVENT" => VariableSource::CurrentEvent { data_element: de },
        "DATAELEMENT_NEWEST_EVENT_PROGRAM" => VariableSource::NewestEvent { data_element: de },
        "DATAELEMENT_NEWEST_EVENT_PROGRAM_STAGE" => VariableSource::NewestEventInStage {
            data_element: de,
            program_stage: v.program_stage.clone().ok_or_else(|| format!("variable {} has no stage", v.name))?,
        },
        "DATAELEMENT_PREVIOUS_EVENT" => VariableSource::PreviousEvent { data_element: de },
        "TEI_ATTRIBUTE" => VariableSource::Attribute { attribute: de },
        "CALCULATED_VALUE" => VariableSource::Calculated,
        other => return Err(format!("variable {} has unknown source type {other}", v.name)),
    };
    Ok(RuleVariable {
        name: v.name.clone(),
        source,
        value_type: variable_type(&v.value_type)?,
        use_code_for_option_set: v.use_code_for_option_set,
        options: v.options.iter().map(|o| RuleOption { code: o.code.clone(), name: o.name.clone() }).collect(),
    })
}

fn enrollment(e: &CaseEnrollment) -> Result<RuleEnrollment, String> {
    let status = match e.status.as_str() {
        "ACTIVE" => EnrollmentStatus::Active,
        "COMPLETED" => EnrollmentStatus::Completed,
        "CANCELLED" => EnrollmentStatus::Cancelled,
        other => return Err(format!("unknown enrollment status {other}")),
    };
    Ok(RuleEnrollment {
        uid: e.uid.clone(),
        program_name: e.program_name.clone(),
        incident_date: date(&e.incident_date)?,
        enrollment_date: date(&e.enrollment_date)?,
        status,
        org_unit: e.org_unit.clone(),
        org_unit_code: e.org_unit_code.clone(),
        attribute_values: e.attributes.clone(),
    })
}

pub fn event(e: &CaseEvent) -> Result<RuleEvent, String> {
    let status = match e.status.as_str() {
        "ACTIVE" => EventStatus::Active,
        "COMPLETED" => EventStatus::Completed,
        "SCHEDULE" => EventStatus::Schedule,
        "SKIPPED" => EventStatus::Skipped,
        "VISITED" => EventStatus::Visited,
        "OVERDUE" => EventStatus::Overdue,
        other => return Err(format!("unknown event status {other}")),
    };
    Ok(RuleEvent {
        uid: e.uid.clone(),
        program_stage: e.program_stage.clone(),
        program_stage_name: e.program_stage_name.clone(),
        status,
        event_date: Some(date(&e.event_date)?),
        created: instant(&e.created)?,
        created_at_client: e.created_at_client.as_deref().map(instant).transpose()?,
        due_date: e.due_date.as_deref().map(date).transpose()?,
        completed_date: e.completed_date.as_deref().map(date).transpose()?,
        org_unit: e.org_unit.clone(),
        org_unit_code: e.org_unit_code.clone(),
        data_values: e.data_values.clone(),
    })
}
