//! Everything the files of one `phum lint` run define, merged, so that a rule in one file can use
//! variables and constants from another: rule variables per program with their static types,
//! data elements, attributes, constants, category option combos, and the rules with their actions.
//!
//! Owns the lookups and the Android type mapping of rule variables (research/program-rules.md
//! §1.3). Does not own reading files (`metadata_files`) or judging expressions (the checks).

use std::collections::{HashMap, HashSet};

use crate::i18n::Message;
use crate::model::{
    value_type::RuleVariableSource, Child, ProgramRule, ProgramRuleAction, ProgramRuleVariable, Uid, ValidationRule,
    ValueType,
};

use super::metadata_files::MetadataFile;

/// The static type of a value as the Android rule engine reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaticType {
    Number,
    Boolean,
    Text,
    Date,
    Null,
    /// Not known before evaluation (calculated values, fields missing from the files).
    Unknown,
}

impl StaticType {
    /// The type in words (`a number`), as findings name it.
    pub fn name(self) -> Message {
        match self {
            StaticType::Number => Message::new("lint-type-number"),
            StaticType::Boolean => Message::new("lint-type-boolean"),
            StaticType::Text => Message::new("lint-type-text"),
            StaticType::Date => Message::new("lint-type-date"),
            StaticType::Null => Message::new("lint-type-null"),
            StaticType::Unknown => Message::new("lint-type-unknown"),
        }
    }

    /// `ValueType.toRuleValueType` of the Android app: numbers, booleans, everything else text.
    pub fn of_value_type(vt: ValueType) -> StaticType {
        if vt.is_numeric() {
            StaticType::Number
        } else if matches!(vt, ValueType::Boolean | ValueType::TrueOnly) {
            StaticType::Boolean
        } else {
            StaticType::Text
        }
    }
}

/// A rule variable as the checks see it.
#[derive(Debug, Clone, PartialEq)]
pub struct VariableInfo {
    pub uid: Uid,
    pub name: String,
    pub source: RuleVariableSource,
    /// The value type of the data element or attribute it reads, when the files have it.
    pub field_type: Option<ValueType>,
    /// The name of that data element or attribute.
    pub field_name: Option<String>,
}

impl VariableInfo {
    pub fn static_type(&self) -> StaticType {
        match (self.source, self.field_type) {
            (RuleVariableSource::CalculatedValue, _) | (_, None) => StaticType::Unknown,
            (_, Some(vt)) => StaticType::of_value_type(vt),
        }
    }
}

/// The rule variables one rule can read.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    pub variables: HashMap<String, VariableInfo>,
}

impl Scope {
    pub fn get(&self, name: &str) -> Option<&VariableInfo> {
        self.variables.get(name)
    }
}

/// A program rule with its actions, and the file it came from.
#[derive(Debug, Clone)]
pub struct RuleEntry<'a> {
    pub file: &'a str,
    pub rule: &'a ProgramRule,
    pub actions: Vec<&'a ProgramRuleAction>,
}

#[derive(Debug, Default)]
pub struct Catalog<'a> {
    /// Data elements and attributes by UID: value type and name.
    pub fields: HashMap<Uid, (ValueType, String)>,
    pub data_elements: HashSet<Uid>,
    pub constants: HashSet<Uid>,
    pub category_option_combos: HashSet<Uid>,
    /// Variables by program (`None`: variables that name no program, visible to every rule).
    variables: HashMap<Option<Uid>, Vec<(&'a str, &'a ProgramRuleVariable)>>,
    pub rules: Vec<RuleEntry<'a>>,
    pub validation_rules: Vec<(&'a str, &'a ValidationRule)>,
}

impl<'a> Catalog<'a> {
    pub fn build(files: &'a [MetadataFile]) -> Catalog<'a> {
        let mut c = Catalog::default();
        let mut actions: HashMap<Uid, &'a ProgramRuleAction> = HashMap::new();
        let mut top_variables: HashMap<Uid, (&'a str, &'a ProgramRuleVariable)> = HashMap::new();
        for f in files {
            for de in &f.data_elements {
                c.data_elements.insert(de.identity.id);
                c.fields.insert(de.identity.id, (de.value_type, de.identity.name.clone()));
            }
            for stage in &f.program_stages {
                for psde in &stage.program_stage_data_elements {
                    c.data_elements.insert(psde.data_element_uid());
                    if let Child::Full(de) = &psde.data_element {
                        c.fields.insert(de.identity.id, (de.value_type, de.identity.name.clone()));
                    }
                }
            }
            for tea in &f.tracked_entity_attributes {
                c.fields.insert(tea.identity.id, (tea.value_type, tea.identity.name.clone()));
            }
            c.constants.extend(f.constants.iter().map(|k| k.identity.id));
            c.category_option_combos.extend(f.category_option_combos.iter().map(|coc| coc.identity.id));
            for combo in &f.category_combos {
                for coc in &combo.category_option_combos {
                    c.category_option_combos.insert(match coc {
                        Child::Full(full) => full.identity.id,
                        Child::Ref(id) => *id,
                    });
                }
            }
            for a in &f.program_rule_actions {
                actions.insert(a.id, a);
            }
            c.validation_rules.extend(f.validation_rules.iter().map(|r| (f.name.as_str(), r)));
            for v in &f.program_rule_variables {
                top_variables.insert(v.identity.id, (f.name.as_str(), v));
            }
        }
        let mut placed: HashSet<Uid> = HashSet::new();
        for f in files {
            for p in &f.programs {
                for v in &p.program_rule_variables {
                    let entry = match v {
                        Child::Full(v) => Some((f.name.as_str(), v.as_ref())),
                        Child::Ref(id) => top_variables.get(id).copied(),
                    };
                    if let Some(entry) = entry {
                        placed.insert(entry.1.identity.id);
                        c.variables.entry(Some(p.identity.id)).or_default().push(entry);
                    }
                }
            }
        }
        for (uid, (file, v)) in &top_variables {
            if !placed.contains(uid) {
                c.variables.entry(v.program.map(|p| p.id)).or_default().push((file, v));
            }
        }
        for list in c.variables.values_mut() {
            list.sort_by_key(|(_, v)| v.identity.id.as_str().to_string());
        }
        let mut claimed: HashSet<Uid> = HashSet::new();
        for f in files {
            for rule in &f.program_rules {
                let mut list: Vec<&'a ProgramRuleAction> = Vec::new();
                for a in &rule.program_rule_actions {
                    let action = match a {
                        Child::Full(a) => Some(a.as_ref()),
                        Child::Ref(id) => actions.get(id).copied(),
                    };
                    if let Some(action) = action {
                        claimed.insert(action.id);
                        list.push(action);
                    }
                }
                c.rules.push(RuleEntry { file: f.name.as_str(), rule, actions: list });
            }
        }
        // Actions that point at their rule without the rule listing them.
        let by_uid: HashMap<Uid, usize> = c.rules.iter().enumerate().map(|(i, r)| (r.rule.identity.id, i)).collect();
        for f in files {
            for a in &f.program_rule_actions {
                if claimed.contains(&a.id) {
                    continue;
                }
                if let Some(&i) = a.program_rule.and_then(|r| by_uid.get(&r.id)) {
                    c.rules[i].actions.push(a);
                }
            }
        }
        c
    }

    /// Every variable with its file, for checks on the variables themselves.
    pub fn all_variables(&self) -> impl Iterator<Item = (&'a str, &'a ProgramRuleVariable)> + '_ {
        self.variables.values().flatten().copied()
    }

    /// The variables a rule of `program` can read: the program's, and those that name no
    /// program. A rule without a program sees every variable.
    pub fn scope_for(&self, program: Option<Uid>) -> Scope {
        let mut scope = Scope::default();
        let lists: Vec<&Vec<(&str, &ProgramRuleVariable)>> = match program {
            Some(p) => [self.variables.get(&None), self.variables.get(&Some(p))].into_iter().flatten().collect(),
            None => self.variables.values().collect(),
        };
        for (_, v) in lists.into_iter().flatten() {
            let field = v.data_element.or(v.tracked_entity_attribute).and_then(|r| self.fields.get(&r.id));
            let info = VariableInfo {
                uid: v.identity.id,
                name: v.identity.name.clone(),
                source: v.source_type,
                field_type: field.map(|(vt, _)| *vt),
                field_name: field.map(|(_, n)| n.clone()),
            };
            scope.variables.insert(v.identity.name.clone(), info);
        }
        scope
    }

    /// The value type of the field an action targets, with the field's name.
    pub fn action_target(&self, action: &ProgramRuleAction) -> Option<&(ValueType, String)> {
        action.data_element.or(action.tracked_entity_attribute).and_then(|r| self.fields.get(&r.id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_from_another_file_are_in_scope_with_their_field_type() {
        let a = MetadataFile::parse(
            "a.json",
            r##"{"programRules": [{"id": "Rule0000001", "name": "r", "program": {"id": "Prog0000001"},
                "condition": "#{w} > 1", "programRuleActions": [{"id": "Actn0000001"}]}],
                "programRuleActions": [{"id": "Actn0000001", "programRuleActionType": "SHOWWARNING"}]}"##,
        )
        .unwrap();
        let b = MetadataFile::parse(
            "b.json",
            r##"{"programRuleVariables": [{"id": "Vari0000001", "name": "w", "program": {"id": "Prog0000001"},
                "programRuleVariableSourceType": "DATAELEMENT_CURRENT_EVENT", "dataElement": {"id": "Dele0000001"}}],
                "dataElements": [{"id": "Dele0000001", "name": "Weight", "valueType": "NUMBER"}]}"##,
        )
        .unwrap();
        let files = [a, b];
        let c = Catalog::build(&files);
        assert_eq!(c.rules.len(), 1);
        assert_eq!(c.rules[0].actions.len(), 1);
        let scope = c.scope_for(Some(Uid::parse("Prog0000001").unwrap()));
        assert_eq!(scope.get("w").map(VariableInfo::static_type), Some(StaticType::Number));
        assert!(c.scope_for(Some(Uid::parse("Prog0000002").unwrap())).get("w").is_none());
    }

    #[test]
    fn actions_that_only_name_their_rule_are_attached_to_it() {
        let files = [MetadataFile::parse(
            "a.json",
            r##"{"programRules": [{"id": "Rule0000001", "name": "r", "condition": "true"}],
                "programRuleActions": [{"id": "Actn0000001", "programRule": {"id": "Rule0000001"},
                    "programRuleActionType": "HIDEFIELD"}]}"##,
        )
        .unwrap()];
        let c = Catalog::build(&files);
        assert_eq!(c.rules[0].actions.len(), 1);
    }

    #[test]
    fn android_maps_dates_to_text_and_calculated_values_are_unknown() {
        assert_eq!(StaticType::of_value_type(ValueType::Date), StaticType::Text);
        assert_eq!(StaticType::of_value_type(ValueType::TrueOnly), StaticType::Boolean);
        assert_eq!(StaticType::of_value_type(ValueType::Percentage), StaticType::Number);
    }
}
