//! `phum lint`: static checks of program rules (conditions, action data, variables) and aggregate
//! validation rules in DHIS2 metadata files, before they reach a phone.
//!
//! Reads every file first (`metadata_files`), merges what they define (`catalog`), then checks
//! each expression for names (`names`), types (`types`), upstream's grouping quirk
//! (`grouping`) and number quirks (`quirks`), each rule and action as an object (`actions`) and
//! each validation rule (`validation_rules`); results are `finding::Finding`s.
//!
//! Owns orchestration and placing expression issues in files and objects. Does not own the
//! expression language (`expr`) or running rules (`rules`).

pub mod actions;
pub mod catalog;
pub mod finding;
pub mod grouping;
pub mod locate;
pub mod metadata_files;
pub mod names;
pub mod quirks;
pub mod types;
pub mod validation_rules;

pub use finding::{Code, Finding, Issue, ObjectKind, Part, Position, Severity, Summary};
pub use metadata_files::{MetadataFile, MetadataFileError};

use crate::expr::{parse, Expr};
use crate::model::Uid;

use std::collections::HashMap;

use catalog::{Catalog, Scope};
use locate::Locator;
use names::Names;
use types::Typer;

/// How an expression is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A rule condition: must be a boolean.
    Condition,
    /// An action's `data`: any value.
    Value,
}

/// The object a group of issues is about.
struct Subject<'s> {
    file: &'s str,
    object: ObjectKind,
    name: &'s str,
    uid: String,
}

impl Subject<'_> {
    /// Places `issues` of `part` (whose expression text is `src`) in the report.
    fn place(&self, part: &Part, src: &str, issues: Vec<Issue>, out: &mut Vec<Finding>) {
        for issue in issues {
            out.push(Finding {
                file: self.file.to_string(),
                severity: issue.severity,
                code: issue.code,
                object: self.object,
                name: self.name.to_string(),
                uid: self.uid.clone(),
                part: part.clone(),
                position: issue.at.map(|at| Position::in_text(src, at)),
                message: issue.message,
                suggestion: issue.suggestion,
            });
        }
    }
}

/// Every finding for the files of one run: program rules, validation rules, then rule variables.
pub fn lint(files: &[MetadataFile]) -> Vec<Finding> {
    let catalog = Catalog::build(files);
    let mut out = Vec::new();
    let constant_exists = |uid: &Uid| catalog.constants.contains(uid);
    let mut scopes: HashMap<Option<Uid>, Scope> = HashMap::new();
    for entry in &catalog.rules {
        let rule = entry.rule;
        let subject = Subject {
            file: entry.file,
            object: ObjectKind::ProgramRule,
            name: &rule.identity.name,
            uid: rule.identity.id.to_string(),
        };
        let program = rule.program.map(|p| p.id);
        let scope: &Scope = scopes.entry(program).or_insert_with(|| catalog.scope_for(program));
        let names = Names { scope, constant_exists: &constant_exists };
        let condition = match actions::empty_condition(rule) {
            Some(issue) => vec![issue],
            None => check_expression(&rule.condition, Role::Condition, &names).0,
        };
        subject.place(&Part::Condition, &rule.condition, condition, &mut out);
        for action in &entry.actions {
            let part = Part::Action { uid: action.id.to_string(), action_type: action.action_type.to_string() };
            subject.place(&part, "", actions::action_shape(action), &mut out);
            let data = action.data.as_deref().unwrap_or("");
            if !actions::evaluates_data(action.action_type) || data.trim().is_empty() {
                continue;
            }
            let (mut issues, parsed) = check_expression(data, Role::Value, &names);
            if let Some(expr) = parsed {
                issues.extend(actions::assigned_value(action, &expr, data, &catalog, scope));
            }
            subject.place(&part, data, issues, &mut out);
        }
    }
    for (file, rule) in &catalog.validation_rules {
        let subject = Subject {
            file,
            object: ObjectKind::ValidationRule,
            name: &rule.identity.name,
            uid: rule.identity.id.to_string(),
        };
        for (part, side) in [(Part::LeftSide, &rule.left_side), (Part::RightSide, &rule.right_side)] {
            let issues = validation_rules::check_side(&side.expression, &catalog);
            subject.place(&part, &side.expression, issues, &mut out);
        }
    }
    let mut variables: Vec<_> = catalog.all_variables().collect();
    variables.sort_by_key(|(file, v)| (file.to_string(), v.identity.id.to_string()));
    for (file, v) in variables {
        let subject = Subject {
            file,
            object: ObjectKind::ProgramRuleVariable,
            name: &v.identity.name,
            uid: v.identity.id.to_string(),
        };
        let mut issues: Vec<Issue> = actions::variable_shape(v).into_iter().collect();
        issues.extend(actions::variable_source(v, &catalog));
        subject.place(&Part::Whole, "", issues, &mut out);
    }
    out
}

/// All expression checks on one program-rule expression; the tree too when it parses.
pub fn check_expression(src: &str, role: Role, names: &Names) -> (Vec<Issue>, Option<Expr>) {
    let mut issues = names::check(src, names);
    let Ok(expr) = parse(src) else { return (issues, None) };
    issues.extend(grouping::check(src));
    let locator = Locator::new(src);
    issues.extend(quirks::check(&expr, &locator));
    let mut typer = Typer::new(names.scope, &locator);
    match role {
        Role::Condition => typer.condition(&expr),
        Role::Value => {
            typer.type_of(&expr);
        }
    }
    issues.extend(typer.issues);
    issues.sort_by_key(|i| i.at.unwrap_or(0));
    (issues, Some(expr))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(json: &str) -> Vec<Finding> {
        lint(&[MetadataFile::parse("t.json", json).unwrap()])
    }

    #[test]
    fn a_clean_rule_has_no_findings() {
        let found = run(r##"{
            "programRules": [{"id": "Rule0000001", "name": "Low", "program": {"id": "Prog0000001"},
                "condition": "d2:hasValue(#{w}) && #{w} < 2.5",
                "programRuleActions": [{"id": "Actn0000001", "programRuleActionType": "SHOWWARNING",
                    "dataElement": {"id": "Dele0000001"}, "data": "#{w} * 1000"}]}],
            "programRuleVariables": [{"id": "Vari0000001", "name": "w", "program": {"id": "Prog0000001"},
                "programRuleVariableSourceType": "DATAELEMENT_CURRENT_EVENT", "dataElement": {"id": "Dele0000001"}}],
            "dataElements": [{"id": "Dele0000001", "name": "Weight", "valueType": "NUMBER"}]
        }"##);
        assert_eq!(found, vec![]);
    }

    #[test]
    fn data_the_engine_ignores_is_not_checked() {
        // The Android app drops the data of HIDEFIELD (a DHIS2 fixture has "data": "data" there).
        let found = run(r##"{"programRules": [{"id": "Rule0000001", "name": "Hide", "condition": "true",
            "programRuleActions": [{"id": "Actn0000001", "programRuleActionType": "HIDEFIELD", "data": "data"},
                {"id": "Actn0000002", "programRuleActionType": "SHOWWARNING", "data": "data"}]}]}"##);
        let parts: Vec<&Part> = found.iter().map(|f| &f.part).collect();
        assert_eq!(
            parts,
            vec![&Part::Action { uid: "Actn0000002".into(), action_type: "SHOWWARNING".into() }],
            "{found:#?}"
        );
    }

    #[test]
    fn findings_name_the_rule_part_and_position() {
        let found = run(r##"{
            "programRules": [{"id": "Rule0000001", "name": "Low", "condition": "#{w} < 2.5",
                "programRuleActions": [{"id": "Actn0000001", "programRuleActionType": "SHOWWARNING",
                    "data": "#{a} - #{b} + 1"}]},
                {"id": "Rule0000002", "name": "Empty", "condition": ""}]
        }"##);
        let got: Vec<String> = found.iter().map(|f| f.to_string().lines().next().unwrap_or("").to_string()).collect();
        assert_eq!(got.len(), 5, "{got:#?}");
        assert!(
            got[0].starts_with("t.json: rule 'Low' (Rule0000001) condition 1:1: error[unknown-variable]"),
            "{got:#?}"
        );
        assert!(got.iter().any(|l| l.starts_with(
            "t.json: rule 'Low' (Rule0000001) action Actn0000001 (SHOWWARNING) 1:1: warning[quirk-grouping]"
        )));
        assert!(got.iter().any(|l| l.contains("(Rule0000002) condition: warning[empty-condition]")));
    }
}
