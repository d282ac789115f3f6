//! Checks on a rule, its actions and rule variables as objects rather than as expressions
//! (research/program-rules.md §1.3, §1.5, §1.6, §3.2, §6.3): an empty condition never fires on
//! Android, DISPLAYKEYVALUEPAIR needs a location, HIDESECTION a section, ASSIGN a field or a
//! `#{variable}` in its content; ASSIGN to an integer field truncates a fractional value, ASSIGN to
//! a PERCENTAGE field stores "50.0"; a rule variable named like an environment variable shadows
//! `V{}`, and one whose source Android Capture leaves out or never fills is said to be so.
//!
//! Owns these object checks. Does not own expression checks (`names`, `types`, `quirks`,
//! `grouping`).

use crate::expr::parser::ENVIRONMENT_VARIABLES;
use crate::expr::{parse, Expr};
use crate::i18n::Message;
use crate::model::value_type::RuleActionType;
use crate::model::{ProgramRule, ProgramRuleAction, ProgramRuleVariable, ValueType};
use crate::msg;

use super::catalog::{Catalog, Scope};
use super::finding::{Code, Issue};
use super::quirks::{is_integer_type, surely_integral};

/// Whether the engine evaluates the action's `data` (the Android app drops it for HIDEFIELD and
/// HIDESECTION and does not run message actions).
pub fn evaluates_data(t: RuleActionType) -> bool {
    !matches!(
        t,
        RuleActionType::HideField
            | RuleActionType::HideSection
            | RuleActionType::SendMessage
            | RuleActionType::ScheduleMessage
    )
}

pub fn empty_condition(rule: &ProgramRule) -> Option<Issue> {
    rule.condition
        .trim()
        .is_empty()
        .then(|| Issue::warning(Code::EmptyCondition, None, Message::new("lint-empty-condition")).suggest_code("true"))
}

/// Structural findings about one action (not about its `data` expression).
pub fn action_shape(action: &ProgramRuleAction) -> Vec<Issue> {
    let blank = |s: &Option<String>| s.as_deref().is_none_or(|s| s.trim().is_empty());
    let mut out = Vec::new();
    match action.action_type {
        RuleActionType::DisplayKeyValuePair if blank(&action.location) => out.push(
            Issue::error(Code::MissingLocation, None, Message::new("lint-missing-location"))
                .suggest(Message::new("lint-missing-location-fix")),
        ),
        RuleActionType::HideSection if action.program_stage_section.is_none() => {
            out.push(Issue::error(Code::MissingSection, None, Message::new("lint-missing-section")))
        }
        RuleActionType::Assign if action.data_element.is_none() && action.tracked_entity_attribute.is_none() => {
            let target = action.content.as_deref().map(str::trim).unwrap_or("");
            let names_variable = matches!(parse(target), Ok(Expr::Variable { .. } | Expr::DataItem { .. }))
                && (target.starts_with("#{") || target.starts_with("A{"));
            if target.is_empty() {
                out.push(Issue::error(Code::AssignWithoutTarget, None, Message::new("lint-assign-without-target")));
            } else if !names_variable {
                out.push(
                    Issue::error(
                        Code::AssignWithoutTarget,
                        None,
                        msg!("lint-assign-content-not-variable", content = target),
                    )
                    .suggest(Message::new("lint-assign-content-not-variable-fix")),
                );
            }
        }
        _ => {}
    }
    out
}

/// Findings about the value an ASSIGN writes into its field.
pub fn assigned_value(
    action: &ProgramRuleAction,
    data: &Expr,
    src: &str,
    catalog: &Catalog,
    scope: &Scope,
) -> Vec<Issue> {
    let mut out = Vec::new();
    if action.action_type != RuleActionType::Assign {
        return out;
    }
    let Some((vt, name)) = catalog.action_target(action) else { return out };
    if is_integer_type(*vt) && !surely_integral(data, scope) {
        out.push(
            Issue::warning(
                Code::QuirkAssignTruncation,
                Some(0),
                msg!("lint-assign-truncation", field = name.as_str(), value_type = vt.to_string()),
            )
            .suggest_code(format!("d2:round({})", src.trim())),
        );
    }
    if *vt == ValueType::Percentage {
        out.push(Issue::warning(
            Code::QuirkAssignPercentage,
            None,
            msg!("lint-assign-percentage", field = name.as_str()),
        ));
    }
    out
}

/// What the Android app makes of a variable's source (`toRuleVariableList` / `toRuleVariable` in
/// its `RuleEngineExtensions.kt`; `rules::load` follows it): a variable that names neither a data
/// element nor an attribute is left out unless it is a CALCULATED_VALUE, so every rule that reads
/// it fails; one whose data element or attribute is not on the device is left out too (said only
/// when the files define fields at all, so a run over rules alone stays quiet); a DATAELEMENT_*
/// variable without a data element, a TEI_ATTRIBUTE one without an attribute, and a
/// NEWEST_EVENT_PROGRAM_STAGE one without a stage are kept but never have a value.
pub fn variable_source(variable: &ProgramRuleVariable, catalog: &Catalog) -> Vec<Issue> {
    use crate::model::value_type::RuleVariableSource::*;
    let (de, tea) = (variable.data_element, variable.tracked_entity_attribute);
    let source = variable.source_type;
    let mut out = Vec::new();
    if de.is_none() && tea.is_none() {
        if source != CalculatedValue {
            out.push(
                Issue::error(
                    Code::VariableLeftOut,
                    None,
                    msg!("lint-variable-names-nothing", source_type = source.to_string()),
                )
                .suggest(Message::new("lint-variable-names-nothing-fix")),
            );
        }
        return out;
    }
    let named = de.or(tea).map(|r| r.id);
    if let Some(uid) = named.filter(|uid| !catalog.fields.is_empty() && !catalog.fields.contains_key(uid)) {
        let message = if de.is_some() {
            msg!("lint-variable-data-element-missing", uid = uid)
        } else {
            msg!("lint-variable-attribute-missing", uid = uid)
        };
        out.push(Issue::warning(Code::VariableLeftOut, None, message));
    }
    let reads_nothing = match source {
        DataElementCurrentEvent
        | DataElementNewestEventProgram
        | DataElementPreviousEvent
        | DataElementNewestEventProgramStage
            if de.is_none() =>
        {
            Some(msg!("lint-variable-without-data-element", source_type = source.to_string()))
        }
        DataElementNewestEventProgramStage if variable.program_stage.is_none() => {
            Some(msg!("lint-variable-without-stage", source_type = source.to_string()))
        }
        TeiAttribute if tea.is_none() => {
            Some(msg!("lint-variable-without-attribute", source_type = source.to_string()))
        }
        _ => None,
    };
    if let Some(message) = reads_nothing {
        out.push(Issue::warning(Code::VariableReadsNothing, None, message));
    }
    out
}

pub fn variable_shape(variable: &ProgramRuleVariable) -> Option<Issue> {
    let name = variable.identity.name.as_str();
    ENVIRONMENT_VARIABLES.contains(&name).then(|| {
        Issue::warning(Code::ShadowsEnvironmentVariable, None, msg!("lint-shadows-environment-variable", name = name))
            .suggest(msg!("lint-shadows-environment-variable-fix", name = name))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::metadata_files::MetadataFile;

    fn action(json: &str) -> ProgramRuleAction {
        serde_json::from_str(json).unwrap()
    }

    fn variable_findings(variable: &str, fields: &str) -> Vec<(Code, crate::lint::Severity)> {
        let json = format!(r#"{{"programRuleVariables": [{variable}], "dataElements": [{fields}]}}"#);
        let files = [MetadataFile::parse("t.json", &json).unwrap()];
        let catalog = Catalog::build(&files);
        let (_, v) = catalog.all_variables().next().unwrap();
        variable_source(v, &catalog).into_iter().map(|i| (i.code, i.severity)).collect()
    }

    #[test]
    fn variables_android_drops_or_never_fills_are_named() {
        use crate::lint::Severity::{Error, Warning};
        let de = r#"{"id": "Dele0000001", "name": "Weight", "valueType": "NUMBER"}"#;
        let var = |source: &str, rest: &str| {
            format!(r#"{{"id": "Vari0000001", "name": "v", "programRuleVariableSourceType": "{source}"{rest}}}"#)
        };
        // Named and present, or a calculated value naming nothing (or a data element): fine.
        let fine = [
            var("DATAELEMENT_CURRENT_EVENT", r#", "dataElement": {"id": "Dele0000001"}"#),
            var("CALCULATED_VALUE", ""),
            var("CALCULATED_VALUE", r#", "dataElement": {"id": "Dele0000001"}"#),
            var(
                "DATAELEMENT_NEWEST_EVENT_PROGRAM_STAGE",
                r#", "dataElement": {"id": "Dele0000001"}, "programStage": {"id": "Stag0000001"}"#,
            ),
        ];
        for v in &fine {
            assert_eq!(variable_findings(v, de), vec![], "{v}");
        }
        assert_eq!(variable_findings(&var("DATAELEMENT_CURRENT_EVENT", ""), de), vec![(Code::VariableLeftOut, Error)]);
        assert_eq!(
            variable_findings(&var("DATAELEMENT_CURRENT_EVENT", r#", "dataElement": {"id": "Dele0000009"}"#), de),
            vec![(Code::VariableLeftOut, Warning)]
        );
        // Rules alone (no field in the files): nothing can be said about the field.
        assert_eq!(
            variable_findings(&var("DATAELEMENT_CURRENT_EVENT", r#", "dataElement": {"id": "Dele0000009"}"#), ""),
            vec![]
        );
        assert_eq!(
            variable_findings(
                &var("DATAELEMENT_NEWEST_EVENT_PROGRAM_STAGE", r#", "dataElement": {"id": "Dele0000001"}"#),
                de
            ),
            vec![(Code::VariableReadsNothing, Warning)]
        );
        assert_eq!(
            variable_findings(&var("TEI_ATTRIBUTE", r#", "dataElement": {"id": "Dele0000001"}"#), de),
            vec![(Code::VariableReadsNothing, Warning)]
        );
        assert_eq!(
            variable_findings(
                &var("DATAELEMENT_PREVIOUS_EVENT", r#", "trackedEntityAttribute": {"id": "Attr0000001"}"#),
                de
            ),
            vec![(Code::VariableLeftOut, Warning), (Code::VariableReadsNothing, Warning)]
        );
    }

    #[test]
    fn display_key_value_pair_needs_a_location() {
        let a = action(r##"{"id": "Actn0000001", "programRuleActionType": "DISPLAYKEYVALUEPAIR", "data": "1"}"##);
        assert_eq!(action_shape(&a)[0].code, Code::MissingLocation);
        let a = action(
            r##"{"id": "Actn0000001", "programRuleActionType": "DISPLAYKEYVALUEPAIR", "location": "feedback"}"##,
        );
        assert_eq!(action_shape(&a), vec![]);
    }

    #[test]
    fn hide_section_needs_a_section() {
        let a = action(r##"{"id": "Actn0000001", "programRuleActionType": "HIDESECTION"}"##);
        assert_eq!(action_shape(&a)[0].code, Code::MissingSection);
        let a = action(
            r##"{"id": "Actn0000001", "programRuleActionType": "HIDESECTION", "programStageSection": {"id": "Sect0000001"}}"##,
        );
        assert_eq!(action_shape(&a), vec![]);
    }

    #[test]
    fn assign_needs_a_field_or_a_variable_in_content() {
        let a = action(r##"{"id": "Actn0000001", "programRuleActionType": "ASSIGN", "data": "1"}"##);
        assert_eq!(action_shape(&a)[0].code, Code::AssignWithoutTarget);
        let a = action(r##"{"id": "Actn0000001", "programRuleActionType": "ASSIGN", "data": "1", "content": "bmi"}"##);
        assert_eq!(action_shape(&a)[0].code, Code::AssignWithoutTarget);
        let a =
            action(r##"{"id": "Actn0000001", "programRuleActionType": "ASSIGN", "data": "1", "content": "#{bmi}"}"##);
        assert_eq!(action_shape(&a), vec![]);
    }

    #[test]
    fn empty_conditions_never_fire() {
        let rule: ProgramRule =
            serde_json::from_str(r##"{"id": "Rule0000001", "name": "r", "condition": "  "}"##).unwrap();
        assert_eq!(empty_condition(&rule).map(|i| i.code), Some(Code::EmptyCondition));
        let rule: ProgramRule =
            serde_json::from_str(r##"{"id": "Rule0000001", "name": "r", "condition": "true"}"##).unwrap();
        assert_eq!(empty_condition(&rule), None);
    }

    #[test]
    fn variables_named_like_environment_variables_shadow_them() {
        let v: ProgramRuleVariable = serde_json::from_str(
            r##"{"id": "Vari0000001", "name": "event_date", "programRuleVariableSourceType": "CALCULATED_VALUE"}"##,
        )
        .unwrap();
        assert_eq!(variable_shape(&v).map(|i| i.code), Some(Code::ShadowsEnvironmentVariable));
    }

    #[test]
    fn assign_to_integer_and_percentage_fields() {
        let files = [MetadataFile::parse(
            "f.json",
            r##"{"dataElements": [
                {"id": "Dele0000001", "name": "Doses", "valueType": "INTEGER_ZERO_OR_POSITIVE"},
                {"id": "Dele0000002", "name": "Coverage", "valueType": "PERCENTAGE"}]}"##,
        )
        .unwrap()];
        let catalog = Catalog::build(&files);
        let scope = Scope::default();
        let to = |de: &str, data: &str| {
            let a = action(&format!(
                r##"{{"id": "Actn0000001", "programRuleActionType": "ASSIGN", "dataElement": {{"id": "{de}"}}}}"##
            ));
            assigned_value(&a, &parse(data).unwrap(), data, &catalog, &scope)
                .into_iter()
                .map(|i| (i.code, i.suggestion.map(|s| s.to_string())))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            to("Dele0000001", "#{a} / 2"),
            vec![(Code::QuirkAssignTruncation, Some("d2:round(#{a} / 2)".to_string()))]
        );
        assert_eq!(to("Dele0000001", "d2:floor(#{a} / 2)"), vec![]);
        assert_eq!(to("Dele0000002", "50").len(), 1);
        assert_eq!(to("Dele0000002", "50")[0].0, Code::QuirkAssignPercentage);
    }
}
