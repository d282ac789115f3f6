//! Building blocks the generators share: data element kinds and their stored values, UIDs,
//! dates and instants in the case format, and actions of every type.
//!
//! Owns small constructors. Does not own any program's design (`synthetic`, `immunization`,
//! `random`).

use chrono::{NaiveDate as Date, NaiveTime, TimeDelta, Timelike};

use super::case::{CaseAction, CaseEvent, CaseOption, CaseVariable};
use crate::rng::Rng;
use phum_core::expr::value::iso_date;

/// What a data element holds, and so which values it gets and which engine type its variables
/// have (DATE and option sets read as TEXT, as the Android app maps them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeKind {
    Number,
    Integer,
    Text,
    Boolean,
    Date,
    OptionSet,
}

impl DeKind {
    pub const ALL: [DeKind; 6] =
        [DeKind::Number, DeKind::Integer, DeKind::Text, DeKind::Boolean, DeKind::Date, DeKind::OptionSet];

    pub fn engine_type(self) -> &'static str {
        match self {
            DeKind::Number | DeKind::Integer => "NUMERIC",
            DeKind::Boolean => "BOOLEAN",
            DeKind::Text | DeKind::Date | DeKind::OptionSet => "TEXT",
        }
    }
}

const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/// A DHIS2-shaped UID: a letter, then ten letters or digits.
pub fn uid(rng: &mut Rng) -> String {
    let mut s = String::with_capacity(11);
    s.push(ALNUM[rng.below(52)] as char);
    for _ in 0..10 {
        s.push(ALNUM[rng.below(62)] as char);
    }
    s
}

pub fn day(d: Date) -> String {
    iso_date(d)
}

/// `d` at `minute` minutes past midnight UTC, RFC 3339.
pub fn instant(d: Date, minute: i64) -> String {
    let t = d.and_time(NaiveTime::MIN) + TimeDelta::minutes(minute);
    format!("{}T{:02}:{:02}:{:02}Z", iso_date(t.date()), t.hour(), t.minute(), t.second())
}

pub fn options(prefix: &str, n: usize) -> Vec<CaseOption> {
    (1..=n).map(|i| CaseOption { code: format!("{prefix}{i}"), name: format!("{prefix} option {i}") }).collect()
}

/// A stored value of `kind` as the app would save it; `today` anchors dates.
pub fn value(rng: &mut Rng, kind: DeKind, opts: &[CaseOption], today: Date) -> String {
    match kind {
        DeKind::Number => match rng.below(4) {
            0 => format!("{}.{}", rng.range(0, 120), rng.range(1, 9)),
            1 => rng.range(-5, 200).to_string(),
            2 => format!("{}.{}5", rng.range(0, 3), rng.range(0, 9)),
            _ => rng.range(0, 60).to_string(),
        },
        DeKind::Integer => rng.range(0, 40).to_string(),
        DeKind::Text => rng.pick(&["yes", "no", "Sok", "Dara", "A", "abc", "12", "Phnom Penh", "x y"]).to_string(),
        DeKind::Boolean => rng.pick(&["true", "false"]).to_string(),
        DeKind::Date => day(today - TimeDelta::days(rng.range(-10, 400))),
        DeKind::OptionSet => match opts.is_empty() {
            true => String::new(),
            false => rng.pick(opts).code.clone(),
        },
    }
}

pub fn variable(name: &str, source: &str, field: &str, stage: Option<&str>, value_type: &str) -> CaseVariable {
    CaseVariable {
        name: name.to_string(),
        source_type: source.to_string(),
        field: field.to_string(),
        program_stage: stage.map(str::to_string),
        value_type: value_type.to_string(),
        use_code_for_option_set: true,
        options: Vec::new(),
    }
}

pub fn action(action_type: &str, data: Option<&str>) -> CaseAction {
    CaseAction { action_type: action_type.to_string(), data: data.map(str::to_string), ..CaseAction::default() }
}

/// The engine action the app builds for `action_type`, targeting `field` (a data element UID)
/// where the type has one, with the extra values the app requires (§1.3 of the spec).
pub fn typed_action(action_type: &str, data: &str, field: &str, content: &str) -> CaseAction {
    let mut a = action(action_type, Some(data));
    a.content = Some(content.to_string());
    match action_type {
        "HIDEFIELD" => {
            a.data = None;
            a.field = field.to_string();
        }
        "HIDESECTION" => {
            a.data = None;
            a.program_stage_section = Some("SectionAAAA1".to_string());
        }
        "DISPLAYTEXT" | "DISPLAYKEYVALUEPAIR" => a.location = Some("feedback".to_string()),
        "HIDEPROGRAMSTAGE" | "CREATEEVENT" => a.program_stage = Some("StageBBBBB1".to_string()),
        "HIDEOPTION" => {
            a.field = field.to_string();
            a.option = Some("OptionAAAA1".to_string());
        }
        "SHOWOPTIONGROUP" | "HIDEOPTIONGROUP" => {
            a.field = field.to_string();
            a.option_group = Some("OptGroupAA1".to_string());
        }
        _ => a.field = field.to_string(),
    }
    a
}

/// Every action type the Android app runs, ASSIGN excepted.
pub const PASS_THROUGH: [&str; 14] = [
    "DISPLAYTEXT",
    "DISPLAYKEYVALUEPAIR",
    "HIDEFIELD",
    "HIDESECTION",
    "HIDEPROGRAMSTAGE",
    "SHOWWARNING",
    "WARNINGONCOMPLETE",
    "SHOWERROR",
    "ERRORONCOMPLETE",
    "CREATEEVENT",
    "SETMANDATORYFIELD",
    "HIDEOPTION",
    "SHOWOPTIONGROUP",
    "HIDEOPTIONGROUP",
];

/// An event of `stage` on `date`, created `minute` minutes after that midnight.
pub fn event(uid: &str, stage: &str, date: Date, minute: i64, values: Vec<(String, String)>) -> CaseEvent {
    CaseEvent {
        uid: uid.to_string(),
        program_stage: stage.to_string(),
        program_stage_name: format!("{stage} name"),
        status: "ACTIVE".to_string(),
        event_date: day(date),
        created: instant(date, minute),
        created_at_client: None,
        due_date: Some(day(date)),
        completed_date: None,
        org_unit: "OrgUnitAAA1".to_string(),
        org_unit_code: Some("KH0101".to_string()),
        data_values: values,
    }
}

/// Each item kept with probability `percent`/100 and mapped by `f`, in order (the keep draw comes
/// before `f`'s draws, item by item).
pub fn some_of<T, U>(rng: &mut Rng, items: &[T], percent: usize, mut f: impl FnMut(&mut Rng, &T) -> U) -> Vec<U> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        if rng.chance(percent) {
            out.push(f(rng, item));
        }
    }
    out
}
