//! DHIS2's field filter (`fields=id,name,programStages[id,programStageDataElements[*]]`): parses
//! the expression and projects a JSON document onto it. A client that asks for too few fields gets
//! too few. Presets: `*` and `:all` (everything), `:owner` (everything: the stored documents hold
//! owner properties only), `:identifiable`, `:nameable`; `!name` removes a field. `displayName`,
//! `displayShortName`, `displayDescription` fall back to `name`, `shortName`, `description`, as
//! DHIS2 computes them from the stored property when there is no translation.
//!
//! Owns projection only; which default a route uses is the route's business.
//! Source: DHIS2 Web API docs, "Field filter" (metadata.md), 2.40-2.42.

use serde_json::{Map, Value};

/// One element of a field expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Field {
    /// Every property (`*`, `:all`, `:owner`).
    All,
    /// A named property, with an optional nested expression (`name[...]`).
    Named(String, Option<Vec<Field>>),
    /// `!name`: leave this property out.
    Exclude(String),
}

const IDENTIFIABLE: &[&str] = &["id", "name", "code", "created", "lastUpdated", "displayName"];
const NAMEABLE: &[&str] =
    &["id", "name", "code", "created", "lastUpdated", "displayName", "shortName", "description", "displayShortName"];

/// Parses a field expression. Unbalanced brackets are tolerated (the rest is read as nested).
pub fn parse(expr: &str) -> Vec<Field> {
    let chars: Vec<char> = expr.chars().collect();
    let mut pos = 0;
    parse_list(&chars, &mut pos)
}

fn parse_list(chars: &[char], pos: &mut usize) -> Vec<Field> {
    let mut out = Vec::new();
    let mut name = String::new();
    while *pos < chars.len() {
        let c = chars[*pos];
        *pos += 1;
        match c {
            ',' => push_name(&mut out, &mut name, None),
            '[' | '(' => {
                let nested = parse_list(chars, pos);
                push_name(&mut out, &mut name, Some(nested));
            }
            ']' | ')' => break,
            c if c.is_whitespace() => {}
            c => name.push(c),
        }
    }
    push_name(&mut out, &mut name, None);
    out
}

fn push_name(out: &mut Vec<Field>, name: &mut String, nested: Option<Vec<Field>>) {
    let n = std::mem::take(name);
    match n.as_str() {
        "" => {
            // `a[b],` after a nested list leaves an empty name: nothing to add.
        }
        "*" | ":all" | ":owner" | ":simple" | ":persisted" => out.push(Field::All),
        ":identifiable" => out.extend(IDENTIFIABLE.iter().map(|f| Field::Named(f.to_string(), None))),
        ":nameable" => out.extend(NAMEABLE.iter().map(|f| Field::Named(f.to_string(), None))),
        n if n.starts_with('!') => out.push(Field::Exclude(n[1..].to_string())),
        // `name~rename` and `name::transformer` are not used by the phone: keep the property name.
        n => {
            let base = n.split(['~', ':']).next().unwrap_or(n).to_string();
            out.push(Field::Named(base, nested));
        }
    }
}

/// Projects `value` onto `spec`: objects keep the selected properties (nested expressions apply
/// to nested objects and to each element of nested arrays); arrays are projected element-wise.
pub fn apply(value: &Value, spec: &[Field]) -> Value {
    apply_resolving(value, spec, &|_| None)
}

/// [`apply`], with references (`{"id": ...}` objects) expanded to the object `resolve` finds
/// for their UID when the field asks for more than the id, as DHIS2 does
/// (`programRuleVariables[id,name]` on a program gives the variables, not their ids).
pub fn apply_resolving(value: &Value, spec: &[Field], resolve: &dyn Fn(&str) -> Option<Value>) -> Value {
    match value {
        Value::Array(items) => Value::Array(items.iter().map(|v| apply_resolving(v, spec, resolve)).collect()),
        Value::Object(map) => {
            let wants_more = spec.iter().any(|f| !matches!(f, Field::Named(n, _) if n == "id"));
            let reference = map.len() == 1 && map.contains_key("id");
            match (wants_more && reference, map.get("id").and_then(Value::as_str).and_then(resolve)) {
                (true, Some(Value::Object(full))) => Value::Object(project(&full, spec, resolve)),
                _ => Value::Object(project(map, spec, resolve)),
            }
        }
        other => other.clone(),
    }
}

fn project(map: &Map<String, Value>, spec: &[Field], resolve: &dyn Fn(&str) -> Option<Value>) -> Map<String, Value> {
    let mut out = Map::new();
    if spec.contains(&Field::All) {
        out = map.clone();
    }
    for field in spec {
        if let Field::Named(name, nested) = field {
            let Some(v) = lookup(map, name) else { continue };
            let projected = match nested {
                Some(n) if !n.is_empty() => apply_resolving(&v, n, resolve),
                _ => v,
            };
            out.insert(name.clone(), projected);
        }
    }
    for field in spec {
        if let Field::Exclude(name) = field {
            out.remove(name);
        }
    }
    out
}

fn lookup(map: &Map<String, Value>, name: &str) -> Option<Value> {
    if let Some(v) = map.get(name) {
        return Some(v.clone());
    }
    let fallback = match name {
        "displayName" | "displayFormName" => "name",
        "displayShortName" => "shortName",
        "displayDescription" => "description",
        _ => return None,
    };
    map.get(fallback).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nested_fields_keep_only_what_was_asked() {
        let doc = json!({"id": "a", "name": "A", "code": "X",
            "programStages": [{"id": "s", "name": "S", "sortOrder": 1,
                "programStageDataElements": [{"dataElement": {"id": "d"}, "compulsory": true}]}]});
        let spec = parse("id,programStages[id,programStageDataElements[dataElement[id]]]");
        assert_eq!(
            apply(&doc, &spec),
            json!({"id": "a", "programStages": [{"id": "s", "programStageDataElements": [{"dataElement": {"id": "d"}}]}]})
        );
    }

    #[test]
    fn star_keeps_everything_and_exclusions_remove() {
        let doc = json!({"id": "a", "name": "A", "code": "X"});
        assert_eq!(apply(&doc, &parse("*,!code")), json!({"id": "a", "name": "A"}));
        assert_eq!(apply(&doc, &parse(":all")), doc);
    }

    #[test]
    fn display_name_falls_back_to_name() {
        let doc = json!({"id": "a", "name": "A"});
        assert_eq!(apply(&doc, &parse("displayName")), json!({"displayName": "A"}));
    }

    #[test]
    fn missing_fields_are_omitted() {
        let doc = json!({"id": "a"});
        assert_eq!(apply(&doc, &parse("id,path,translations[locale]")), json!({"id": "a"}));
    }
}
