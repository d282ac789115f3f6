//! Running a rule set for a target event or enrollment, exactly as rule engine 3.7.2 (the one
//! Android Capture 3.4.1 ships) does (research/program-rules.md §3.1-§3.2):
//!
//! - one pass over the rules, sorted by priority (lower first, rules without priority last, ties
//!   in metadata order); stage-scoped rules only for events of that stage, never for enrollments;
//! - a rule fires when its condition's text is "true" (any case); an empty condition never fires;
//! - inside a fired rule the actions run sorted by their own priority;
//! - ASSIGN with a field emits an effect and writes the value under the field UID; ASSIGN without a
//!   field writes the calculated value named by its content `#{name}` and emits nothing. Later
//!   rules see the value only under that key (a variable sourced from the assigned field keeps its
//!   stored value until the next evaluation), and always as text;
//! - a failing condition or action becomes a [`RuleError`]; the other rules and actions still run.
//!
//! Deliberate difference from the newer engine 3.8.x (scenario D5): an ASSIGN whose content is
//! `A{name}` is an error here and `#{name}` of a data-element variable emits no effect, because
//! 3.7.2 does so.
//!
//! Owns ordering, scoping, firing and ASSIGN. Does not own variable values (`values`), the
//! expression language (`expr`) or applying effects to a form.

use std::collections::HashMap;

use chrono::NaiveDate as Date;

use super::effect::{unsupported_reason, Evaluation, RuleEffect, RuleError, RuleErrorCause, TargetEffects, TargetKind};
use super::input::{RuleEnrollment, RuleEvent, Supplementary};
use super::model::{AttributeType, Compiled, Rule, RuleAction, RuleSet};
use super::values::{self, History};
use crate::expr::engine_text::engine_text;
use crate::expr::eval::{Context, VariableType, VariableValue};
use crate::model::value_type::RuleActionType;

/// A rule set prepared for evaluation: rules sorted by priority, each rule's actions sorted and
/// split by the pass they run in.
#[derive(Debug, Clone)]
pub struct RuleEngine {
    set: RuleSet,
    /// Indices into `set.rules`, in evaluation order.
    order: Vec<usize>,
    /// Per rule: indices of actions for the event pass and for the enrollment pass.
    event_actions: Vec<Vec<usize>>,
    enrollment_actions: Vec<Vec<usize>>,
}

/// Ascending priority, a missing priority after every present one; `sort_by` is stable, so ties
/// keep their input order.
fn by_priority(a: Option<i64>, b: Option<i64>) -> std::cmp::Ordering {
    use std::cmp::Ordering::*;
    match (a, b) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Less,
        (None, Some(_)) => Greater,
        (None, None) => Equal,
    }
}

fn sorted_actions(rule: &Rule, keep: impl Fn(Option<AttributeType>) -> bool) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..rule.actions.len()).filter(|&i| keep(rule.actions[i].attribute_type)).collect();
    idx.sort_by(|&a, &b| by_priority(rule.actions[a].priority, rule.actions[b].priority));
    idx
}

impl RuleEngine {
    pub fn new(set: RuleSet) -> RuleEngine {
        let mut order: Vec<usize> = (0..set.rules.len()).collect();
        order.sort_by(|&a, &b| by_priority(set.rules[a].priority, set.rules[b].priority));
        let event_actions =
            set.rules.iter().map(|r| sorted_actions(r, |t| t != Some(AttributeType::TrackedEntityAttribute))).collect();
        let enrollment_actions =
            set.rules.iter().map(|r| sorted_actions(r, |t| t != Some(AttributeType::DataElement))).collect();
        RuleEngine { set, order, event_actions, enrollment_actions }
    }

    pub fn rule_set(&self) -> &RuleSet {
        &self.set
    }

    /// Rules for `target` (an event) with the enrollment, if any, and the enrollment's other
    /// events. Errors are returned beside the effects (upstream logs and drops them).
    pub fn evaluate_event(
        &self,
        target: &RuleEvent,
        enrollment: Option<&RuleEnrollment>,
        other_events: &[RuleEvent],
        supplementary: &Supplementary,
        today: Date,
    ) -> Evaluation {
        let events = event_set(Some(target), other_events);
        let history = History::new(&events);
        let map = values::build(&self.set, &history, events.len(), enrollment, Some(target), today);
        self.run(TargetKind::Event, &target.uid, Some(&target.program_stage), map, supplementary)
    }

    /// Rules without a program stage for the enrollment, with all its events.
    pub fn evaluate_enrollment(
        &self,
        enrollment: &RuleEnrollment,
        events: &[RuleEvent],
        supplementary: &Supplementary,
        today: Date,
    ) -> Evaluation {
        let events = event_set(None, events);
        let history = History::new(&events);
        let map = values::build(&self.set, &history, events.len(), Some(enrollment), None, today);
        self.run(TargetKind::Enrollment, &enrollment.uid, None, map, supplementary)
    }

    /// The enrollment (if given) and then every event, each with its own value map over the same
    /// event set, as upstream's `evaluateAll` (used by the server importer and for bulk checks).
    pub fn evaluate_all(
        &self,
        enrollment: Option<&RuleEnrollment>,
        events: &[RuleEvent],
        supplementary: &Supplementary,
        today: Date,
    ) -> Vec<TargetEffects> {
        let set = event_set(None, events);
        let history = History::new(&set);
        let mut out = Vec::with_capacity(events.len() + 1);
        if let Some(e) = enrollment {
            let map = values::build(&self.set, &history, set.len(), Some(e), None, today);
            let evaluation = self.run(TargetKind::Enrollment, &e.uid, None, map, supplementary);
            out.push(TargetEffects { target: TargetKind::Enrollment, target_uid: e.uid.clone(), evaluation });
        }
        for ev in &set {
            let map = values::build(&self.set, &history, set.len(), enrollment, Some(ev), today);
            let evaluation = self.run(TargetKind::Event, &ev.uid, Some(&ev.program_stage), map, supplementary);
            out.push(TargetEffects { target: TargetKind::Event, target_uid: ev.uid.clone(), evaluation });
        }
        out
    }

    fn run(
        &self,
        target: TargetKind,
        target_uid: &str,
        stage: Option<&str>,
        variables: HashMap<String, VariableValue>,
        supplementary: &Supplementary,
    ) -> Evaluation {
        let mut ctx = Context { variables, supplementary: supplementary.to_map() };
        let mut out = Evaluation::default();
        for &i in &self.order {
            let rule = &self.set.rules[i];
            let in_scope = match (&rule.program_stage, stage) {
                (None, _) => true,
                (Some(s), Some(t)) => s == t,
                (Some(_), None) => false,
            };
            if !in_scope {
                continue;
            }
            let error = |action: Option<&RuleAction>, cause| RuleError {
                rule_uid: rule.uid.clone(),
                rule_name: rule.name.clone(),
                action_uid: action.map(|a| a.uid.clone()),
                target,
                target_uid: target_uid.to_string(),
                condition: rule.condition.text.clone(),
                cause,
            };
            match fires(&rule.condition, &ctx) {
                Ok(false) => continue,
                Ok(true) => {}
                Err(cause) => {
                    out.errors.push(error(None, cause));
                    continue;
                }
            }
            let actions = match target {
                TargetKind::Event => &self.event_actions[i],
                TargetKind::Enrollment => &self.enrollment_actions[i],
            };
            for &a in actions {
                let action = &rule.actions[a];
                match run_action(rule, action, &mut ctx) {
                    Ok(Some(effect)) => out.effects.push(effect),
                    Ok(None) => {}
                    Err(cause) => out.errors.push(error(Some(action), cause)),
                }
            }
        }
        out
    }
}

/// The target event and the other events as one set, each event once (the target wins).
fn event_set<'a>(target: Option<&'a RuleEvent>, others: &'a [RuleEvent]) -> Vec<&'a RuleEvent> {
    let mut set: Vec<&RuleEvent> = Vec::with_capacity(others.len() + 1);
    for e in others {
        if target.is_some_and(|t| t.uid == e.uid) || set.iter().any(|s| s.uid == e.uid) {
            continue;
        }
        set.push(e);
    }
    if let Some(t) = target {
        set.push(t);
    }
    set
}

/// Upstream's `process`: an empty expression is ""; otherwise the result as text.
fn process(expr: &Compiled, ctx: &Context) -> Result<Option<String>, RuleErrorCause> {
    if expr.text.is_empty() {
        return Ok(Some(String::new()));
    }
    let parsed = expr.parsed.as_ref().map_err(|e| RuleErrorCause::Parse(e.clone()))?;
    engine_text(parsed, ctx).map_err(RuleErrorCause::Eval)
}

fn fires(condition: &Compiled, ctx: &Context) -> Result<bool, RuleErrorCause> {
    Ok(process(condition, ctx)?.is_some_and(|t| t.eq_ignore_ascii_case("true")))
}

fn action_data(action: &RuleAction, ctx: &Context) -> Result<Option<String>, RuleErrorCause> {
    match &action.data {
        Some(data) => process(data, ctx),
        None => Ok(Some(String::new())),
    }
}

/// Upstream 3.7.2's `unwrapVariableName`: `#{...}` gives what is between the braces.
fn calculated_value_name(content: Option<&str>) -> Option<&str> {
    content.and_then(|c| c.strip_prefix("#{")).and_then(|c| c.strip_suffix('}'))
}

fn run_action(rule: &Rule, action: &RuleAction, ctx: &mut Context) -> Result<Option<RuleEffect>, RuleErrorCause> {
    if let Some(reason) = unsupported_reason(&action.kind) {
        return Err(RuleErrorCause::UnsupportedAction(reason.clone()));
    }
    let Some(kind) = action.action_type() else {
        return Ok(None);
    };
    if kind != RuleActionType::Assign {
        let data = action_data(action, ctx)?;
        return Ok(Some(RuleEffect::new(rule, action, kind, data)));
    }
    if action.field.is_empty() {
        let name = calculated_value_name(action.content.as_deref())
            .ok_or_else(|| RuleErrorCause::MalformedAssignTarget { content: action.content.clone() })?;
        let data = action_data(action, ctx)?;
        ctx.variables.insert(name.to_string(), assigned(data));
        return Ok(None);
    }
    // The map gets the value as evaluated ("" stays "", so d2:hasValue sees it); only the
    // effect turns an empty value into null.
    let data = action_data(action, ctx)?;
    ctx.variables.insert(action.field.clone(), assigned(data.clone()));
    Ok(Some(RuleEffect::new(rule, action, kind, data.filter(|d| !d.is_empty()))))
}

/// An assigned value: always text, no candidates, no event date.
fn assigned(data: Option<String>) -> VariableValue {
    VariableValue { value_type: VariableType::Text, value: data, candidates: Vec::new(), event_date: None }
}
