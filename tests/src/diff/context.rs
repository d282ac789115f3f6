//! The random data a case is evaluated against: rule variables of every type (with empty values,
//! odd spellings, candidates and event dates), environment variables, a constant, UID-shaped
//! data items, and supplementary data (user roles, user groups, org-unit groups).
//!
//! Owns the variable names the grammar may refer to and the values behind them. Does not own
//! expressions (`grammar`) or answers (`answer`).

use std::collections::HashMap;

use phum_core::expr::eval::{Context, VariableType, VariableValue};

use phum_tests::rng::Rng;

/// Names of rule variables, with their type (some are left out of a case at random).
pub const VARIABLES: &[(&str, VariableType)] = &[
    ("n1", VariableType::Number),
    ("n2", VariableType::Number),
    ("age in years", VariableType::Number),
    ("s1", VariableType::Text),
    ("s2", VariableType::Text),
    ("b1", VariableType::Boolean),
    ("d1", VariableType::Date),
    ("dt2", VariableType::Text),
    // UID-shaped: read as data items (a missing one is null, not an error).
    ("Abcdefghij1", VariableType::Number),
    ("Bcdefghijk2", VariableType::Text),
    // A constant's UID (C{..}).
    ("Cnst0000001", VariableType::Number),
    // Environment variables (V{..}).
    ("event_date", VariableType::Date),
    ("current_date", VariableType::Date),
    ("enrollment_date", VariableType::Date),
    ("org_unit", VariableType::Text),
    ("event_count", VariableType::Number),
    ("enrollment_status", VariableType::Text),
];

/// Names the grammar uses that are never defined (unknown variable / missing data item).
pub const MISSING_NAME: &str = "no_such_var";
pub const MISSING_UID: &str = "Zyxwvutsrq9";

const NUMBERS: &[&str] = &[
    "0",
    "1",
    "2",
    "2.5",
    "-3",
    "007",
    "1e3",
    " 12 ",
    "0.1",
    "1.0",
    "13",
    "-0.5",
    "2147483648",
    "1e-5",
    "NaN",
    "123456789.25",
    "0x1p3",
    "1d",
    "-Infinity",
];
const BAD_NUMBERS: &[&str] = &["abc", "", "1,5", "12kg"];
const TEXTS: &[&str] = &[
    "",
    "abc",
    "ភូមិ",
    "ស្រុក កំពង់ចាម",
    "10",
    "2.5",
    "true",
    "TRUE",
    "a,b,c",
    "b",
    "2020-02-29",
    "x y",
    "😀ab",
    "A",
    "1e3",
    "null",
];
const BOOLEANS: &[&str] = &["true", "false", "TRUE", "False", "yes", ""];
const DATES: &[&str] =
    &["2020-02-29", "2021-01-01", "2019-12-31", "2024-03-01", "2020-01-31", "2000-03-01", "1970-01-01"];
const BAD_DATES: &[&str] = &["2021-02-29", "2020-1-5", "", "20200105"];
const ORG_UNITS: &[&str] = &["ou1", "ou2", "'ou1'", "ou9"];

fn value_for(rng: &mut Rng, t: VariableType) -> Option<String> {
    if rng.chance(15) {
        return None;
    }
    let v = match t {
        VariableType::Number if rng.chance(4) => rng.pick(BAD_NUMBERS),
        VariableType::Number => rng.pick(NUMBERS),
        VariableType::Text => rng.pick(TEXTS),
        VariableType::Boolean => rng.pick(BOOLEANS),
        VariableType::Date if rng.chance(4) => rng.pick(BAD_DATES),
        VariableType::Date => rng.pick(DATES),
    };
    Some(v.to_string())
}

fn candidates_for(rng: &mut Rng, t: VariableType) -> Vec<String> {
    let n = rng.below(5);
    (0..n)
        .map(|_| match t {
            VariableType::Number if rng.chance(5) => rng.pick(BAD_NUMBERS).to_string(),
            VariableType::Number | VariableType::Text if rng.chance(60) => rng.pick(NUMBERS).to_string(),
            VariableType::Text => rng.pick(TEXTS).to_string(),
            VariableType::Boolean => rng.pick(BOOLEANS).to_string(),
            VariableType::Date => rng.pick(DATES).to_string(),
            VariableType::Number => rng.pick(NUMBERS).to_string(),
        })
        .collect()
}

/// A random context: most variables present, each possibly empty.
pub fn context(rng: &mut Rng) -> Context {
    let mut ctx = Context::default();
    for (name, t) in VARIABLES {
        if rng.chance(8) {
            continue;
        }
        let value = if *name == "org_unit" && !rng.chance(10) {
            Some(rng.pick(ORG_UNITS).to_string())
        } else {
            value_for(rng, *t)
        };
        let event_date = match rng.below(10) {
            0..=3 => None,
            4 => Some(rng.pick(BAD_DATES).to_string()),
            _ => Some(rng.pick(DATES).to_string()),
        };
        let candidates = candidates_for(rng, *t);
        ctx.variables.insert(name.to_string(), VariableValue { value_type: *t, value, candidates, event_date });
    }
    let mut supplementary: HashMap<String, Vec<String>> = HashMap::new();
    if !rng.chance(10) {
        supplementary.insert("USER_ROLES".into(), subset(rng, &["role1", "admin", "ភូមិ"]));
    }
    if !rng.chance(10) {
        supplementary.insert("USER_GROUPS".into(), subset(rng, &["group1", "nurses"]));
    }
    supplementary.insert("grpA".into(), subset(rng, &["ou1", "ou2"]));
    if rng.chance(50) {
        supplementary.insert("grpB".into(), Vec::new());
    }
    ctx.supplementary = supplementary;
    ctx
}

fn subset(rng: &mut Rng, items: &[&str]) -> Vec<String> {
    items.iter().filter(|_| rng.chance(60)).map(|s| s.to_string()).collect()
}
