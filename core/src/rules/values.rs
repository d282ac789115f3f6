//! Building the value map a rule set is evaluated against: environment variables, program rule
//! variables from the event history and the enrollment, and constants (research/program-rules.md
//! §1.4-§1.5, in upstream's order, later writes overwriting earlier ones).
//!
//! Owns which value, candidates and event date each variable gets. Does not own evaluating rules
//! (`engine`) or reading events from the store.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate as Date, Utc};

use super::input::{date_key, RuleEnrollment, RuleEvent};
use super::model::{RuleSet, RuleVariable, VariableSource};
use crate::expr::eval::{VariableType, VariableValue};
use crate::expr::value::iso_date;

/// The map rules read and ASSIGN writes: variable name (or field UID, or constant UID) to value.
pub type ValueMap = HashMap<String, VariableValue>;

/// One data value in the history of a data element.
#[derive(Debug, Clone)]
struct HistoryEntry {
    value: String,
    event_date: Option<Date>,
    created: DateTime<Utc>,
    program_stage: String,
}

/// Every value of every data element over the event set, newest first by (event date, resolved
/// creation time). Built once per evaluation and shared by the enrollment and event maps.
#[derive(Debug, Clone, Default)]
pub struct History {
    by_data_element: HashMap<String, Vec<HistoryEntry>>,
}

impl History {
    pub fn new(events: &[&RuleEvent]) -> History {
        let mut by_data_element: HashMap<String, Vec<HistoryEntry>> = HashMap::new();
        for event in events {
            for (de, value) in &event.data_values {
                by_data_element.entry(de.clone()).or_default().push(HistoryEntry {
                    value: value.clone(),
                    event_date: event.event_date,
                    created: event.resolved_created(),
                    program_stage: event.program_stage.clone(),
                });
            }
        }
        for entries in by_data_element.values_mut() {
            // Stable: entries of equal keys keep the event order, as upstream's sortedByDescending.
            entries.sort_by_key(|e| std::cmp::Reverse((date_key(e.event_date), e.created)));
        }
        History { by_data_element }
    }

    fn of(&self, data_element: &str) -> &[HistoryEntry] {
        self.by_data_element.get(data_element).map(Vec::as_slice).unwrap_or(&[])
    }
}

fn date_text(d: Option<Date>) -> Option<String> {
    d.map(iso_date)
}

fn entry(
    value_type: VariableType,
    value: Option<String>,
    candidates: Vec<String>,
    event_date: Option<String>,
) -> VariableValue {
    VariableValue { value_type, value, candidates, event_date }
}

/// An environment variable whose candidates are its value and whose event date is today.
fn env_today(value_type: VariableType, value: Option<String>, today: &str) -> VariableValue {
    let candidates = value.iter().cloned().collect();
    entry(value_type, value, candidates, Some(today.to_string()))
}

/// An environment variable with no candidates and no event date.
fn env_bare(value: Option<String>) -> VariableValue {
    entry(VariableType::Text, value, Vec::new(), None)
}

/// Builds the map for one target: the enrollment (if any) and the target event (if any), with
/// `events` the whole event set (the target included).
pub fn build(
    set: &RuleSet,
    history: &History,
    events_in_set: usize,
    enrollment: Option<&RuleEnrollment>,
    target: Option<&RuleEvent>,
    today: Date,
) -> ValueMap {
    let today_text = iso_date(today);
    let t = today_text.as_str();
    let mut map = ValueMap::with_capacity(32 + set.variables.len() + set.constants.len());
    let count = events_in_set.to_string();
    map.insert("current_date".into(), env_today(VariableType::Date, Some(today_text.clone()), t));
    map.insert("event_count".into(), env_today(VariableType::Number, Some(count.clone()), t));
    map.insert("environment".into(), env_today(VariableType::Text, Some("Server".into()), t));

    if let Some(e) = enrollment {
        map.insert("enrollment_id".into(), env_today(VariableType::Text, Some(e.uid.clone()), t));
        map.insert("enrollment_count".into(), env_today(VariableType::Number, Some("1".into()), t));
        map.insert("tei_count".into(), env_today(VariableType::Number, Some("1".into()), t));
        map.insert("enrollment_date".into(), env_today(VariableType::Date, Some(iso_date(e.enrollment_date)), t));
        map.insert("incident_date".into(), env_today(VariableType::Date, Some(iso_date(e.incident_date)), t));
        map.insert("enrollment_status".into(), env_today(VariableType::Text, Some(e.status.as_str().into()), t));
        map.insert("org_unit".into(), env_bare(Some(e.org_unit.clone())));
        map.insert("program_name".into(), env_bare(Some(e.program_name.clone())));
        map.insert("orgunit_code".into(), env_bare(e.org_unit_code.clone()));
    }

    if let Some(ev) = target {
        map.insert("event_date".into(), env_today(VariableType::Date, date_text(ev.event_date), t));
        map.insert("due_date".into(), env_today(VariableType::Date, date_text(ev.due_date), t));
        map.insert("completed_date".into(), env_today(VariableType::Date, date_text(ev.completed_date), t));
        map.insert("event_count".into(), env_today(VariableType::Number, Some(count), t));
        let id = Some(ev.uid.clone());
        map.insert(
            "event_id".into(),
            entry(VariableType::Text, id.clone(), id.into_iter().collect(), date_text(ev.event_date)),
        );
        map.insert("event_status".into(), env_today(VariableType::Text, Some(ev.status.as_str().into()), t));
        map.insert("org_unit".into(), env_bare(Some(ev.org_unit.clone())));
        map.insert("program_stage_id".into(), env_bare(Some(ev.program_stage.clone())));
        map.insert("program_stage_name".into(), env_bare(Some(ev.program_stage_name.clone())));
        map.insert("orgunit_code".into(), env_bare(ev.org_unit_code.clone()));
    }

    for variable in &set.variables {
        map.insert(variable.name.clone(), variable_value(variable, history, enrollment, target, t));
    }

    for (uid, value) in &set.constants {
        map.insert(uid.clone(), entry(VariableType::Number, Some(value.clone()), vec![value.clone()], None));
    }
    map
}

/// The stored code, or the option's name when the variable asks for names.
fn option_value(variable: &RuleVariable, code: &str) -> String {
    if variable.use_code_for_option_set {
        return code.to_string();
    }
    variable.options.iter().find(|o| o.code == code).map(|o| o.name.clone()).unwrap_or_else(|| code.to_string())
}

fn from_history(variable: &RuleVariable, entries: &[HistoryEntry], chosen: Option<&HistoryEntry>) -> VariableValue {
    match chosen {
        Some(h) => entry(
            variable.value_type,
            Some(option_value(variable, &h.value)),
            entries.iter().map(|e| e.value.clone()).collect(),
            date_text(h.event_date),
        ),
        None => entry(variable.value_type, None, Vec::new(), None),
    }
}

fn variable_value(
    variable: &RuleVariable,
    history: &History,
    enrollment: Option<&RuleEnrollment>,
    target: Option<&RuleEvent>,
    today: &str,
) -> VariableValue {
    let empty = entry(variable.value_type, None, Vec::new(), None);
    match &variable.source {
        VariableSource::CurrentEvent { data_element } => {
            let Some(ev) = target else { return empty };
            match ev.data_values.iter().find(|(de, _)| de == data_element) {
                Some((_, value)) => {
                    let shown = option_value(variable, value);
                    entry(variable.value_type, Some(shown.clone()), vec![shown], date_text(ev.event_date))
                }
                None => empty,
            }
        }
        VariableSource::NewestEvent { data_element } => {
            let entries = history.of(data_element);
            from_history(variable, entries, entries.first())
        }
        VariableSource::NewestEventInStage { data_element, program_stage } => {
            let entries: Vec<HistoryEntry> =
                history.of(data_element).iter().filter(|h| &h.program_stage == program_stage).cloned().collect();
            from_history(variable, &entries, entries.first())
        }
        VariableSource::PreviousEvent { data_element } => {
            let Some(ev) = target else { return empty };
            let entries = history.of(data_element);
            let target_date = date_key(ev.event_date);
            let target_created = ev.resolved_created();
            let previous = entries.iter().find(|h| {
                let d = date_key(h.event_date);
                target_date > d || (target_date == d && target_created > h.created)
            });
            from_history(variable, entries, previous)
        }
        VariableSource::Attribute { attribute } => {
            // Upstream keys the attribute values by attribute (`associateBy`): the last one wins.
            let value = enrollment.and_then(|e| e.attribute_values.iter().rev().find(|(a, _)| a == attribute));
            match value {
                Some((_, v)) => {
                    let shown = option_value(variable, v);
                    entry(variable.value_type, Some(shown.clone()), vec![shown], Some(today.to_string()))
                }
                None => empty,
            }
        }
        VariableSource::Calculated => empty,
    }
}
