//! Phum's answer to a rule-set case: for each target (every event with the other events as
//! context, then the enrollment with all events), the effects in engine order and the rules that
//! failed, exactly as `RuleEngine::evaluate_event` / `evaluate_enrollment` return them, and the
//! what each probe rule gave at its place in the same evaluation (`sites`), for the oracle to
//! compare with its own.
//!
//! Owns running a prepared case and writing the answer. Does not own the rules' semantics.

use phum_core::rules::{Evaluation, RuleEngine};

use std::collections::BTreeMap;

use super::case::{EffectAnswer, PhumAnswer, RuleSetCase, TargetAnswer};
use super::convert::{prepare, Prepared};
use super::sites::{self, Site};

/// Phum's answer; also fills the case's `sites` and `templates`.
pub fn answer(case: &mut RuleSetCase) -> Result<PhumAnswer, String> {
    let p = prepare(case)?;
    let (found, templates) = sites::sites(&p.rule_set);
    case.sites = found;
    case.templates = templates;
    Ok(answer_prepared(&p, &case.sites))
}

/// Every target of `p`, with the probes of `sites`.
pub fn answer_prepared(p: &Prepared, sites: &[Site]) -> PhumAnswer {
    let engine = RuleEngine::new(p.rule_set.clone());
    let mut targets = evaluate_targets(&engine, p);
    if !sites.is_empty() {
        let probed = RuleEngine::new(sites::with_probes(&p.rule_set, sites));
        let probes = sites::probes(sites);
        for (t, pt) in targets.iter_mut().zip(evaluate_targets(&probed, p)) {
            t.probes = probes
                .iter()
                .map(|(uid, _, _)| {
                    let data = pt.effects.iter().find(|e| &e.rule == uid).map(|e| e.data.clone().unwrap_or_default());
                    (uid.clone(), data)
                })
                .collect();
        }
    }
    PhumAnswer { broken: None, targets }
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
        out.push(target_answer("EVENT", &target.uid, &ev));
    }
    if let Some(enr) = &p.enrollment {
        let ev = engine.evaluate_enrollment(enr, &p.events, &p.supplementary, p.today);
        out.push(target_answer("ENROLLMENT", &enr.uid, &ev));
    }
    out
}

fn target_answer(kind: &str, uid: &str, ev: &Evaluation) -> TargetAnswer {
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
        probes: BTreeMap::new(),
    }
}
