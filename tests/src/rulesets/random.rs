//! Random rule sets on random data for the differential test: a handful of data elements of
//! every kind, variables of every source type, 4-14 rules whose conditions and action data are
//! built by a small typed expression generator over those variables, actions of every type
//! (ASSIGN to fields and to calculated values included), priorities with nulls and ties, and
//! 1-5 events whose dates tie but whose creation times do not.
//!
//! Owns the random shapes. Does not own Phum's answer (`answer`) or the expected semantics.

use time::{Date, Duration};

use super::case::*;
use super::vocab::{self, DeKind};
use crate::rng::Rng;

/// A variable the expression generator can read, by the type its value is used as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Use {
    Num,
    Text,
    Bool,
    /// A DATE data element, read as TEXT holding yyyy-MM-dd (or empty).
    DateText,
    /// A calculated value: TEXT, whatever an ASSIGN put there.
    Calc,
}

struct Gen<'a> {
    rng: &'a mut Rng,
    vars: Vec<(String, Use)>,
    constants: Vec<String>,
}

const STAGES: [&str; 2] = ["StageAAAAA1", "StageBBBBB1"];

impl Gen<'_> {
    fn var(&mut self, want: Use) -> Option<String> {
        let names: Vec<&String> = self.vars.iter().filter(|(_, u)| *u == want).map(|(n, _)| n).collect();
        if names.is_empty() {
            return None;
        }
        Some(format!("#{{{}}}", self.rng.pick(&names)))
    }

    fn any_var(&mut self) -> String {
        let (n, _) = self.rng.pick(&self.vars).clone();
        format!("#{{{n}}}")
    }

    fn num(&mut self, depth: u32) -> String {
        let leaf = depth == 0 || self.rng.chance(35);
        if leaf {
            return match self.rng.below(7) {
                0 | 1 => self.rng.range(0, 60).to_string(),
                2 => format!("{}.{}", self.rng.range(0, 9), self.rng.range(1, 9)),
                3 if !self.constants.is_empty() => format!("C{{{}}}", self.rng.pick(&self.constants).clone()),
                _ => self.var(Use::Num).unwrap_or_else(|| "1".to_string()),
            };
        }
        let d = depth - 1;
        match self.rng.below(13) {
            0..=3 => {
                let op = *self.rng.pick(&["+", "-", "*", "/", "%"]);
                let (a, b) = (self.num(d), self.num(d));
                if self.rng.chance(70) {
                    format!("({a} {op} {b})")
                } else {
                    format!("{a} {op} {b}")
                }
            }
            4 => format!("d2:daysBetween({}, {})", self.date(d), self.date(d)),
            5 => format!("d2:monthsBetween({}, {})", self.date(d), self.date(d)),
            6 => format!("d2:count({})", self.any_var()),
            7 => format!("d2:length({})", self.text(d)),
            8 => format!("d2:{}({})", self.rng.pick(&["floor", "ceil", "round"]), self.num(d)),
            9 => match self.var(Use::Calc) {
                Some(c) => format!("({c} + 0)"),
                None => self.num(d),
            },
            10 => format!("d2:yearsBetween({}, {})", self.date(d), self.date(d)),
            11 => match self.rng.below(9) {
                0 => format!("d2:weeksBetween({}, {})", self.date(d), self.date(d)),
                1 => format!("d2:modulus({}, {})", self.num(d), self.rng.range(1, 7)),
                2 => format!("d2:countIfValue({}, {})", self.any_var(), self.rng.range(0, 40)),
                3 => format!("d2:countIfZeroPos({})", self.var(Use::Num).unwrap_or_else(|| "#{calc0}".into())),
                4 => format!("d2:{}({})", self.rng.pick(&["zing", "oizp"]), self.num(d)),
                5 => format!(
                    "d2:{}({})",
                    self.rng.pick(&["maxValue", "minValue"]),
                    self.var(Use::Num).unwrap_or_else(|| "V{event_date}".into())
                ),
                6 => self.rng.pick(&["V{event_count}", "V{enrollment_count}", "V{tei_count}"]).to_string(),
                7 if self.rng.chance(30) => format!("d2:minutesBetween({}, {})", self.date(d), self.date(d)),
                _ => format!("-{}", self.num(d)),
            },
            _ => format!("-{}", self.num(d)),
        }
    }

    fn text(&mut self, depth: u32) -> String {
        let leaf = depth == 0 || self.rng.chance(40);
        if leaf {
            return match self.rng.below(6) {
                0 => format!("'{}'", self.rng.pick(&["yes", "no", "A", "", "Sok", "12", "សុខ", "it''s"])),
                1 => self
                    .rng
                    .pick(&[
                        "V{event_status}",
                        "V{enrollment_status}",
                        "V{program_stage_name}",
                        "V{program_stage_id}",
                        "V{org_unit}",
                        "V{orgunit_code}",
                        "V{event_id}",
                        "V{enrollment_id}",
                        "V{program_name}",
                        "V{environment}",
                    ])
                    .to_string(),
                2 => self.var(Use::Calc).unwrap_or_else(|| "'c'".to_string()),
                _ => self.var(Use::Text).unwrap_or_else(|| "'t'".to_string()),
            };
        }
        let d = depth - 1;
        match self.rng.below(6) {
            0 => format!("d2:concatenate({}, {})", self.text(d), self.num(d)),
            1 => format!("d2:left({}, {})", self.text(d), self.rng.range(0, 3)),
            3 => format!("d2:right({}, {})", self.text(d), self.rng.range(0, 3)),
            4 => format!("d2:split({}, ' ', {})", self.text(d), self.rng.range(0, 1)),
            2 => format!("d2:substring({}, 0, {})", self.text(d), self.rng.range(1, 3)),
            _ => self.text(0),
        }
    }

    fn date(&mut self, depth: u32) -> String {
        let leaf = depth == 0 || self.rng.chance(60);
        if leaf {
            return match self.rng.below(9) {
                7 => self.rng.pick(&["V{due_date}", "V{completed_date}"]).to_string(),
                8 => format!("d2:lastEventDate({})", self.any_var()),
                0 => "V{event_date}".to_string(),
                1 => "V{current_date}".to_string(),
                2 => "V{enrollment_date}".to_string(),
                3 => "V{incident_date}".to_string(),
                4 => format!("'2026-{:02}-{:02}'", self.rng.range(1, 12), self.rng.range(1, 28)),
                _ => self.var(Use::DateText).unwrap_or_else(|| "V{event_date}".to_string()),
            };
        }
        format!("d2:addDays({}, {})", self.date(depth - 1), self.rng.range(-40, 40))
    }

    fn boolean(&mut self, depth: u32) -> String {
        let leaf = depth == 0 || self.rng.chance(25);
        if leaf {
            return match self.rng.below(6) {
                0 => self.var(Use::Bool).unwrap_or_else(|| "true".to_string()),
                1 => format!("d2:hasValue({})", self.any_var()),
                2 => format!(
                    "{} == {}",
                    self.var(Use::Bool).unwrap_or_else(|| "false".into()),
                    self.rng.pick(&["true", "false"])
                ),
                3 => format!("d2:hasUserRole('{}')", self.rng.pick(&["RoleAAAAAA1", "RoleBBBBBB1"])),
                4 => format!("d2:inOrgUnitGroup('{}')", self.rng.pick(&["GroupAAAAA1", "CHC"])),
                5 if self.rng.chance(30) => {
                    format!("d2:inUserGroup('{}')", self.rng.pick(&["UGroupAAAA1", "UGroupBBBB1"]))
                }
                _ => self.rng.pick(&["true", "false"]).to_string(),
            };
        }
        let d = depth - 1;
        match self.rng.below(10) {
            0..=2 => {
                let op = *self.rng.pick(&["<", "<=", ">", ">=", "==", "!="]);
                format!("{} {op} {}", self.num(d), self.num(d))
            }
            3 => {
                let op = *self.rng.pick(&["==", "!="]);
                if self.rng.chance(15) {
                    // A number against a text: parser 1.3.0 and 1.4.x differ here (KNOWN_DIFFERENCES.md).
                    format!("{} {op} {}", self.num(d), self.text(d))
                } else {
                    format!("{} {op} {}", self.text(d), self.text(d))
                }
            }
            4 => format!(
                "d2:daysBetween({}, {}) {} {}",
                self.date(d),
                self.date(d),
                self.rng.pick(&[">", "<", ">="]),
                self.rng.range(-30, 30)
            ),
            5 => format!("!({})", self.boolean(d)),
            6 | 7 => format!("({}) && ({})", self.boolean(d), self.boolean(d)),
            8 => format!("({}) || ({})", self.boolean(d), self.boolean(d)),
            _ => format!("d2:contains({}, '{}')", self.text(d), self.rng.pick(&["a", "S", "1"])),
        }
    }

    fn condition(&mut self) -> String {
        match self.rng.below(100) {
            0..=1 => String::new(),
            2 => "#{no_such_variable} > 1".to_string(),
            3 => "1 +".to_string(),
            _ => {
                let depth = 1 + self.rng.below(3) as u32;
                self.boolean(depth)
            }
        }
    }

    /// Data for an action: any type of expression.
    fn data(&mut self) -> String {
        let depth = self.rng.below(3) as u32;
        match self.rng.below(5) {
            0 => self.num(depth),
            1 => self.text(depth),
            2 => self.boolean(depth),
            3 => self.date(depth),
            _ => self.any_var(),
        }
    }
}

fn priority(rng: &mut Rng) -> Option<i64> {
    if rng.chance(30) {
        None
    } else {
        Some(rng.range(1, 4))
    }
}

/// Random case `index` of the run with `seed`; each case has its own stream, so it can be
/// regenerated alone.
pub fn case(seed: u64, index: u64, today: Date) -> RuleSetCase {
    let mut rng = Rng::new(seed ^ index.wrapping_mul(0xA24B_AED4_963E_E407) ^ 0x5DEE_CE66_D1CE_4E5B);
    let rng = &mut rng;
    let n_des = 3 + rng.below(5);
    let des: Vec<(String, DeKind, Vec<CaseOption>)> = (0..n_des)
        .map(|i| {
            let kind = *rng.pick(&DeKind::ALL);
            let opts = if kind == DeKind::OptionSet { vocab::options(&format!("o{i}_"), 3) } else { Vec::new() };
            (vocab::uid(rng), kind, opts)
        })
        .collect();
    let attrs: Vec<(String, DeKind)> = (0..2)
        .map(|_| (vocab::uid(rng), *rng.pick(&[DeKind::Number, DeKind::Text, DeKind::Date, DeKind::Boolean])))
        .collect();

    let mut variables = Vec::new();
    let mut uses = Vec::new();
    for (i, (de, kind, opts)) in des.iter().enumerate() {
        let sources = rng.below(2) + 1;
        for s in 0..sources {
            let source = *rng.pick(&[
                "DATAELEMENT_CURRENT_EVENT",
                "DATAELEMENT_CURRENT_EVENT",
                "DATAELEMENT_NEWEST_EVENT_PROGRAM",
                "DATAELEMENT_NEWEST_EVENT_PROGRAM_STAGE",
                "DATAELEMENT_PREVIOUS_EVENT",
            ]);
            // Now and then a name with a space, the data element's own UID (so that an ASSIGN to
            // that field is read back by key), or an environment variable's name (shadowing it).
            let name = match rng.below(20) {
                0 | 1 => format!("de {i} v{s}"),
                2 if s == 0 => de.clone(),
                3 if s == 0 && *kind == DeKind::Date => "event_date".to_string(),
                _ => format!("de{i}_v{s}"),
            };
            let stage = (source == "DATAELEMENT_NEWEST_EVENT_PROGRAM_STAGE").then(|| *rng.pick(&STAGES));
            let mut v = vocab::variable(&name, source, de, stage, kind.engine_type());
            if *kind == DeKind::OptionSet {
                v.options = opts.clone();
                v.use_code_for_option_set = rng.chance(50);
            }
            variables.push(v);
            uses.push((name, use_of(*kind)));
        }
    }
    for (i, (attr, kind)) in attrs.iter().enumerate() {
        let name = format!("attr{i}");
        variables.push(vocab::variable(&name, "TEI_ATTRIBUTE", attr, None, kind.engine_type()));
        uses.push((name, use_of(*kind)));
    }
    let n_calc = rng.below(3) + 1;
    for i in 0..n_calc {
        let name = format!("calc{i}");
        variables.push(vocab::variable(&name, "CALCULATED_VALUE", "", None, "TEXT"));
        uses.push((name, Use::Calc));
    }
    let constants = vec![
        CaseConstant { uid: "ConstAAAAA1".into(), value: "10.0".into() },
        CaseConstant { uid: "ConstBBBBB1".into(), value: "2.5".into() },
    ];

    let mut g = Gen { rng, vars: uses, constants: constants.iter().map(|c| c.uid.clone()).collect() };
    let n_rules = 4 + g.rng.below(11);
    let mut rules = Vec::with_capacity(n_rules);
    for r in 0..n_rules {
        let condition = g.condition();
        let n_actions = 1 + g.rng.below(3);
        let mut actions = Vec::with_capacity(n_actions);
        for a in 0..n_actions {
            let field = g.rng.pick(&des).0.clone();
            let mut action = if g.rng.chance(35) {
                let data = g.data();
                let mut act = vocab::action("ASSIGN", Some(&data));
                if g.rng.chance(55) {
                    let calc = g.rng.below(n_calc);
                    // A{name} is refused by 3.7.2 (and 3.4.1); 3.8 accepts it.
                    act.content =
                        Some(if g.rng.chance(5) { format!("A{{calc{calc}}}") } else { format!("#{{calc{calc}}}") });
                } else {
                    act.field = field;
                }
                act
            } else if g.rng.chance(3) {
                // What the app builds for an action it cannot run (SENDMESSAGE, a HIDESECTION
                // without section, ...).
                vocab::action("unsupported", Some("UNSUPPORTED RULE ACTION TYPE"))
            } else {
                let t = *g.rng.pick(&vocab::PASS_THROUGH);
                let data = if g.rng.chance(15) { String::new() } else { g.data() };
                vocab::typed_action(t, &data, &field, &format!("r{r} a{a}"))
            };
            action.priority = if g.rng.chance(60) { None } else { Some(g.rng.range(1, 3)) };
            actions.push(action);
        }
        let program_stage = g.rng.chance(20).then(|| g.rng.pick(&STAGES).to_string());
        rules.push(CaseRule {
            uid: format!("Rule{r:07}"),
            name: format!("random rule {r}"),
            condition,
            priority: priority(g.rng),
            program_stage,
            actions,
        });
    }

    let rng = g.rng;
    let dates: Vec<Date> = (0..3).map(|_| today - Duration::days(rng.range(0, 90))).collect();
    let n_events = 1 + rng.below(5);
    let mut minutes: Vec<i64> = (0..n_events as i64).map(|m| m * 7 + 60).collect();
    for i in (1..minutes.len()).rev() {
        let j = rng.below(i + 1);
        minutes.swap(i, j);
    }
    let mut events = Vec::with_capacity(n_events);
    for (e, minute) in minutes.iter().enumerate() {
        let values =
            vocab::some_of(rng, &des, 70, |rng, (de, kind, opts)| (de.clone(), odd_value(rng, *kind, opts, today)));
        let mut values = values;
        if rng.chance(5) && !values.is_empty() {
            // The same data element twice in one event.
            let (de, kind, opts) = des.iter().find(|d| d.0 == values[0].0).cloned().unwrap_or_else(|| des[0].clone());
            values.push((de, vocab::value(rng, kind, &opts, today)));
        }
        let mut ev =
            vocab::event(&format!("Event{e:06}"), STAGES[rng.below(2)], *rng.pick(&dates), *minute, values);
        ev.status = rng.pick(&["ACTIVE", "COMPLETED", "ACTIVE"]).to_string();
        if rng.chance(25) {
            ev.created_at_client = Some(vocab::instant(today - Duration::days(200), *minute));
        }
        if rng.chance(30) {
            ev.completed_date = Some(vocab::day(today));
        }
        events.push(ev);
    }
    let enrollment = rng.chance(85).then(|| CaseEnrollment {
        uid: "EnrollmentA".into(),
        program_name: "Random program".into(),
        incident_date: vocab::day(today - Duration::days(rng.range(0, 400))),
        enrollment_date: vocab::day(today - Duration::days(rng.range(0, 120))),
        status: rng.pick(&["ACTIVE", "COMPLETED"]).to_string(),
        org_unit: "OrgUnitAAA1".into(),
        org_unit_code: Some("KH0101".into()),
        attributes: vocab::some_of(rng, &attrs, 80, |rng, (a, kind)| (a.clone(), attribute_value(rng, *kind, today))),
    });
    let mut enrollment = enrollment;
    if let Some(e) = enrollment.as_mut() {
        if rng.chance(5) && !e.attributes.is_empty() {
            // The same attribute twice.
            let (a, _) = e.attributes[0].clone();
            let kind = attrs.iter().find(|x| x.0 == a).map(|x| x.1).unwrap_or(DeKind::Text);
            e.attributes.push((a, attribute_value(rng, kind, today)));
        }
    }
    RuleSetCase {
        id: format!("random-{seed}-{index}"),
        kind: "random".into(),
        today: vocab::day(today),
        rule_set: CaseRuleSet { rules, variables, constants },
        enrollment,
        events,
        supplementary: CaseSupplementary {
            user_roles: vec!["RoleAAAAAA1".into()],
            user_groups: vec![],
            org_unit_groups: vec![
                ("GroupAAAAA1".into(), vec!["OrgUnitAAA1".into()]),
                ("CHC".into(), vec!["OrgUnitAAA1".into()]),
            ],
        },
        bench: None,
        phum: None,
    }
}

fn use_of(kind: DeKind) -> Use {
    match kind {
        DeKind::Number | DeKind::Integer => Use::Num,
        DeKind::Boolean => Use::Bool,
        DeKind::Date => Use::DateText,
        DeKind::Text | DeKind::OptionSet => Use::Text,
    }
}

/// A stored value, now and then one that is valid but unusual ("007", "5.0", Khmer text).
fn odd_value(rng: &mut Rng, kind: DeKind, opts: &[CaseOption], today: Date) -> String {
    if !rng.chance(8) {
        return vocab::value(rng, kind, opts, today);
    }
    match kind {
        DeKind::Number | DeKind::Integer => rng.pick(&["007", "5.0", "0.10", "-0", "1000000"]).to_string(),
        DeKind::Text => rng.pick(&["សុខ", "", "a'b", "TRUE"]).to_string(),
        _ => vocab::value(rng, kind, opts, today),
    }
}

/// An attribute value as the app hands it over: numbers through a 32-bit float.
fn attribute_value(rng: &mut Rng, kind: DeKind, today: Date) -> String {
    let raw = vocab::value(rng, kind, &[], today);
    match kind {
        DeKind::Number => {
            phum_core::rules::load::normalise_attribute_value(phum_core::model::value_type::ValueType::Number, &raw)
        }
        _ => raw,
    }
}
