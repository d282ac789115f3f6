//! One differential case as a JSON line. Every case has `id`, `case` (its kind) and `phum`
//! (Phum's answer); kind `expression` adds `mode`, `expression`, `variables`, `supplementary`
//! and `touches`. Another kind (`rules`: whole rule sets on random data) can be added beside it
//! with its own fields; the oracle dispatches on `case`.
//!
//! Owns the case format. Does not own generation (`grammar`, `context`) or answers (`answer`).

use phum_core::expr::eval::Context;
use serde_json::{json, Map, Value as Json};

use super::answer::{answer, type_name};

/// An `expression` case: `src` evaluated against `ctx`, with Phum's answer.
pub fn expression_case(id: u64, mode: &str, src: &str, ctx: &Context) -> Json {
    let (phum, touches, pointers) = answer(src, ctx);
    let mut names: Vec<&String> = ctx.variables.keys().collect();
    names.sort();
    let mut variables = Map::new();
    for name in names {
        let v = &ctx.variables[name];
        variables.insert(
            name.clone(),
            json!({
                "valueType": type_name(v.value_type),
                "value": v.value,
                "candidates": v.candidates,
                "eventDate": v.event_date,
            }),
        );
    }
    let mut keys: Vec<&String> = ctx.supplementary.keys().collect();
    keys.sort();
    let supplementary: Map<String, Json> = keys.into_iter().map(|k| (k.clone(), json!(ctx.supplementary[k]))).collect();
    json!({
        "id": id,
        "case": "expression",
        "mode": mode,
        "expression": src,
        "variables": variables,
        "supplementary": supplementary,
        "touches": touches,
        "equalities": pointers.equalities,
        "rewritten": pointers.rewritten,
        "printed": pointers.printed,
        "phum": phum,
    })
}
