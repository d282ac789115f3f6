//! Phum's answer to a rule-set case: for each target (every event with the other events as
//! context, then the enrollment with all events), the effects in engine order and the rules that
//! failed, exactly as `RuleEngine::evaluate_event` / `evaluate_enrollment` return them, and the
//! rules that may meet a known parser-version difference (`touches`).
//!
//! Owns running a prepared case and writing the answer. Does not own the rules' semantics.

use phum_core::rules::{Evaluation, RuleEngine};

use super::case::{EffectAnswer, PhumAnswer, RuleSetCase, TargetAnswer, Touch};
use super::convert::{prepare, Prepared};
use super::touches::touches;

pub fn answer(case: &RuleSetCase) -> Result<PhumAnswer, String> {
    let p = prepare(case)?;
    let engine = RuleEngine::new(p.rule_set.clone());
    Ok(PhumAnswer { broken: None, targets: evaluate_targets(&engine, &p) })
}

/// An answer that records why the case could not be run (the Java side reports it).
pub fn broken(why: &str) -> PhumAnswer {
    PhumAnswer { broken: Some(why.to_string()), targets: Vec::new() }
}

pub fn evaluate_targets(engine: &RuleEngine, p: &Prepared) -> Vec<TargetAnswer> {
    let mut out = Vec::with_capacity(p.events.len() + 1);
    for (i, target) in p.events.iter().enumerate() {
        let others: Vec<_> = p.events.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, e)| e.clone()).collect();
        let ev = engine.evaluate_event(target, p.enrollment.as_ref(), &others, &p.supplementary, p.today);
        let marks = touches(&p.rule_set, Some(target), p.enrollment.as_ref(), &others, &p.supplementary, p.today);
        out.push(target_answer("EVENT", &target.uid, &ev, marks));
    }
    if let Some(enr) = &p.enrollment {
        let ev = engine.evaluate_enrollment(enr, &p.events, &p.supplementary, p.today);
        let marks = touches(&p.rule_set, None, Some(enr), &p.events, &p.supplementary, p.today);
        out.push(target_answer("ENROLLMENT", &enr.uid, &ev, marks));
    }
    out
}

fn target_answer(kind: &str, uid: &str, ev: &Evaluation, marks: Vec<(String, &str)>) -> TargetAnswer {
    TargetAnswer {
        kind: kind.to_string(),
        uid: uid.to_string(),
        effects: ev
            .effects
            .iter()
            .map(|e| EffectAnswer {
                rule: e.rule_uid.clone(),
                action_type: e.action_type.as_str().to_string(),
                field: e.field.clone(),
                data: e.data.clone(),
            })
            .collect(),
        errors: ev.errors.len(),
        error_rules: ev.errors.iter().map(|e| e.rule_uid.clone()).collect(),
        error_messages: ev.errors.iter().map(|e| e.to_string()).collect(),
        touches: marks.into_iter().map(|(rule, what)| Touch { rule, what: what.to_string() }).collect(),
    }
}
