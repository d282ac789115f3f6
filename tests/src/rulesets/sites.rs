//! Where the oracle should look when Phum and rule engine 3.4.1 (with parser 1.3.0) differ on a
//! rule set: every `==` / `!=` and every `d2:minutesBetween` of every rule (the parts parser 1.4
//! changed or added), each written as JVM text, and each rule that holds one written again with
//! the part replaced by a placeholder `§k§`. Probe rules (`with_probes`) evaluate each part and
//! its operands at its rule's place in the evaluation, so that both engines answer what the part
//! gave there. The oracle side (`RuleSetDifferences.java`) decides with its own probes whether a
//! documented difference explains a target; nothing here explains anything by itself.
//!
//! Owns finding the parts, the placeholders and the probe rules. Does not own deciding.

use phum_core::expr::{BinaryOp, Expr, Function};
use phum_core::model::value_type::RuleActionType;
use phum_core::rules::model::Compiled;
use phum_core::rules::{Rule, RuleAction, RuleSet};
use serde::{Deserialize, Serialize};

use crate::jvm_text;

/// One part of one rule that a documented difference may touch.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Site {
    pub id: usize,
    pub rule: String,
    /// "equality" or "minutesBetween".
    pub kind: String,
    /// The part as JVM text.
    pub text: String,
    /// The part with the sites inside it written as `§id§`.
    pub inner: String,
    /// For an equality: the operator and the two sides as JVM text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub op: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub right: Option<String>,
}

/// A rule holding sites, written with each outermost site as `§id§`; `None` for an action without data.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Template {
    pub rule: String,
    pub condition: String,
    pub actions: Vec<Option<String>>,
}

/// The sites of `set` and the templates of the rules that hold them (rules whose condition or
/// data does not parse hold none).
pub fn sites(set: &RuleSet) -> (Vec<Site>, Vec<Template>) {
    let mut sites = Vec::new();
    let mut templates = Vec::new();
    for rule in &set.rules {
        let before = sites.len();
        let write = |compiled: &Compiled, sites: &mut Vec<Site>| -> Option<String> {
            let expr = compiled.parsed.as_ref().ok()?;
            let mut found = Vec::new();
            collect(expr, &mut found);
            let ids: Vec<(*const Expr, usize)> =
                found.iter().enumerate().map(|(i, e)| (*e as *const Expr, sites.len() + i)).collect();
            let placeholder = |x: &Expr, skip: *const Expr| {
                ids.iter().find(|(p, _)| std::ptr::eq(*p, x) && *p != skip).map(|(_, id)| format!("§{id}§"))
            };
            for (e, (_, id)) in found.iter().zip(&ids) {
                let mut s = site(*id, &rule.uid, e);
                s.inner = jvm_text::text_with(e, &mut |x| placeholder(x, *e as *const Expr));
                sites.push(s);
            }
            if compiled.text.is_empty() {
                return Some(String::new());
            }
            Some(jvm_text::text_with(expr, &mut |x| placeholder(x, std::ptr::null())))
        };
        let condition = write(&rule.condition, &mut sites);
        let actions: Vec<Option<String>> =
            rule.actions.iter().map(|a| a.data.as_ref().and_then(|d| write(d, &mut sites))).collect();
        if sites.len() > before {
            match condition {
                Some(condition) => templates.push(Template { rule: rule.uid.clone(), condition, actions }),
                None => sites.truncate(before),
            }
        }
    }
    (sites, templates)
}

fn collect<'a>(expr: &'a Expr, out: &mut Vec<&'a Expr>) {
    match expr {
        Expr::Binary(op, a, b) => {
            if matches!(op, BinaryOp::Eq | BinaryOp::Ne) {
                out.push(expr);
            }
            collect(a, out);
            collect(b, out);
        }
        Expr::Unary(_, e) => collect(e, out),
        Expr::Call(f, args) => {
            if *f == Function::MinutesBetween {
                out.push(expr);
            }
            args.iter().for_each(|a| collect(a, out));
        }
        _ => {}
    }
}

fn site(id: usize, rule: &str, e: &Expr) -> Site {
    match e {
        Expr::Binary(op, a, b) => Site {
            id,
            rule: rule.to_string(),
            kind: "equality".into(),
            text: jvm_text::text(e),
            inner: String::new(),
            op: Some(op.symbol().to_string()),
            left: Some(jvm_text::text(a)),
            right: Some(jvm_text::text(b)),
        },
        _ => Site {
            id,
            rule: rule.to_string(),
            kind: "minutesBetween".into(),
            text: jvm_text::text(e),
            inner: String::new(),
            op: None,
            left: None,
            right: None,
        },
    }
}

/// The UID of the probe rule for part `part` ("e" the site, "l" / "r" its sides) of site `id`.
pub fn probe_uid(id: usize, part: &str) -> String {
    format!("Probe{id}{part}")
}

/// The probes of `sites`: (probe rule UID, the text it evaluates, the rule it stands before).
pub fn probes(sites: &[Site]) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for s in sites {
        out.push((probe_uid(s.id, "e"), s.text.clone(), s.rule.clone()));
        if let (Some(l), Some(r)) = (&s.left, &s.right) {
            out.push((probe_uid(s.id, "l"), l.clone(), s.rule.clone()));
            out.push((probe_uid(s.id, "r"), r.clone(), s.rule.clone()));
        }
    }
    out
}

/// `set` with each probe (a rule `true` with one DISPLAYTEXT of the probed text) just before the
/// rule it probes, with that rule's stage and priority: a stable sort by priority keeps it there,
/// and DISPLAYTEXT changes nothing another rule reads.
pub fn with_probes(set: &RuleSet, sites: &[Site]) -> RuleSet {
    let probes = probes(sites);
    let mut out = set.clone();
    out.rules.clear();
    for rule in &set.rules {
        for (uid, text, _) in probes.iter().filter(|(_, _, r)| *r == rule.uid) {
            let mut probe = Rule::new("true", vec![RuleAction::new(RuleActionType::DisplayText, Some(text))])
                .with_uid(uid)
                .with_name(uid)
                .with_priority(rule.priority);
            probe.program_stage = rule.program_stage.clone();
            out.rules.push(probe);
        }
        out.rules.push(rule.clone());
    }
    out
}
