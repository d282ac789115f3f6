//! What the effects of one evaluation mean for an open form, as the Android Capture app 3.4.1
//! applies them (`RulesUtilsProviderImpl`, research/program-rules.md §1.6 and §3.3): which fields
//! are hidden or read-only, which values are assigned or cleared, the warnings and errors per
//! field, mandatory fields, hidden options, option groups, sections and stages, the texts for the
//! feedback and indicator panels, and whether the form may be completed.
//!
//! Owns that reduction, as a pure function of the effects and the form's fields. Does not own
//! saving values or re-running rules (the capture layer saves the changes and runs the rules
//! again at the next edit, as the app does).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::effect::RuleEffect;
use crate::expr::number::{jvm_double_to_string, parse_jvm_double};
use crate::model::value_type::{RuleActionType, ValueType};

/// An option of a field: its UID (what HIDEOPTION names) and its code (what is stored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldOption {
    pub uid: String,
    pub code: String,
}

/// A field shown in the form.
#[derive(Debug, Clone, PartialEq)]
pub struct FormField {
    /// Data element or attribute UID.
    pub uid: String,
    pub value_type: ValueType,
    /// Compulsory in metadata.
    pub mandatory: bool,
    pub section: Option<String>,
    /// The stored value (an option code for option-set fields).
    pub value: Option<String>,
    pub options: Vec<FieldOption>,
}

/// The text of a fired message action as metadata writes it: the action's static content and
/// its evaluated data. Kept apart (with the action's UID) so that a front end can show the
/// content's translation in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleText {
    /// The action's UID in metadata.
    pub action: String,
    pub content: String,
    pub data: String,
}

impl RuleText {
    pub fn of(effect: &RuleEffect) -> RuleText {
        RuleText {
            action: effect.action_uid.clone(),
            content: effect.content.clone().unwrap_or_default(),
            data: effect.data.clone().unwrap_or_default(),
        }
    }

    /// Content and data as the app shows them: separated by a space, either alone when the
    /// other is empty.
    pub fn join(content: &str, data: &str) -> String {
        match (content.is_empty(), data.is_empty()) {
            (false, false) => format!("{content} {data}"),
            (false, true) => content.to_string(),
            (true, _) => data.to_string(),
        }
    }

    /// The text as written in metadata.
    pub fn text(&self) -> String {
        RuleText::join(&self.content, &self.data)
    }
}

/// A message for the feedback or indicators panel (DISPLAYTEXT, DISPLAYKEYVALUEPAIR).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelText {
    pub location: String,
    /// The content (DISPLAYKEYVALUEPAIR: the key) and the data (the value).
    pub text: RuleText,
    /// DISPLAYKEYVALUEPAIR: `content` is the key and `data` the value.
    pub key_value: bool,
}

/// The form after applying the effects.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleOutcome {
    /// Fields removed from the form.
    pub hidden_fields: BTreeSet<String>,
    /// Fields whose new value must be saved: a value assigned by a rule (already formatted for
    /// the field's value type), or `None` for a value a rule cleared (hidden field, hidden option).
    pub changed_values: BTreeMap<String, Option<String>>,
    /// Fields a rule assigns: shown, but not editable.
    pub read_only: BTreeSet<String>,
    pub warnings: BTreeMap<String, Vec<RuleText>>,
    pub errors: BTreeMap<String, Vec<RuleText>>,
    /// Warnings and errors of actions that name no field in the form.
    pub form_warnings: Vec<RuleText>,
    pub form_errors: Vec<RuleText>,
    /// Fields made mandatory by a rule (beyond those mandatory in metadata).
    pub mandatory: BTreeSet<String>,
    /// Per field: the option UIDs that must not be offered.
    pub hidden_options: BTreeMap<String, BTreeSet<String>>,
    pub hidden_sections: BTreeSet<String>,
    pub hidden_stages: BTreeSet<String>,
    pub display_texts: Vec<PanelText>,
    /// False when a SHOWERROR on a shown field or an ERRORONCOMPLETE fired.
    pub can_complete: bool,
    /// Messages shown when the user completes (WARNINGONCOMPLETE, ERRORONCOMPLETE).
    pub messages_on_complete: Vec<RuleText>,
}

fn message(effect: &RuleEffect) -> RuleText {
    RuleText::of(effect)
}

/// Upstream's `formatData(valueType)` for an assigned value: integer types truncate through a
/// double ("2.7" → "2"), decimal types print as Java doubles ("3" → "3.0"), booleans accept
/// "1"/"0"/"true"/"false" (anything else clears), other types keep the text.
pub fn format_assigned(value_type: ValueType, data: &str) -> Option<String> {
    use ValueType::*;
    match value_type {
        Integer | IntegerPositive | IntegerNegative | IntegerZeroOrPositive => {
            // Java's double-to-int cast saturates and maps NaN to 0, as Rust's `as` does.
            Some(parse_jvm_double(data).map(|d| (d as i32).to_string()).unwrap_or_else(|| data.to_string()))
        }
        Number | UnitInterval | Percentage => {
            Some(parse_jvm_double(data).map(jvm_double_to_string).unwrap_or_else(|| data.to_string()))
        }
        Boolean | TrueOnly => match data {
            "1" | "true" => Some("true".to_string()),
            "0" | "false" => Some("false".to_string()),
            _ => None,
        },
        _ => Some(data.to_string()),
    }
}

/// Applies `effects` (in engine order) to the form's `fields`. `option_groups` maps a group UID
/// to its option UIDs.
pub fn apply(
    effects: &[RuleEffect],
    fields: &[FormField],
    option_groups: &HashMap<String, Vec<String>>,
) -> RuleOutcome {
    use RuleActionType::*;
    let by_uid: HashMap<&str, &FormField> = fields.iter().map(|f| (f.uid.as_str(), f)).collect();
    let mut out = RuleOutcome { can_complete: true, ..RuleOutcome::default() };

    // Mandatory first: a field a rule makes mandatory is never hidden in the same pass.
    for e in effects.iter().filter(|e| e.action_type == SetMandatoryField) {
        for f in fields.iter().filter(|f| !e.field.is_empty() && f.uid.starts_with(e.field.as_str())) {
            out.mandatory.insert(f.uid.clone());
        }
    }
    let is_mandatory = |f: &FormField, out: &RuleOutcome| f.mandatory || out.mandatory.contains(&f.uid);
    let mut shown_groups: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut hidden_groups: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();

    for e in effects {
        let field = by_uid.get(e.field.as_str()).copied();
        match e.action_type {
            Assign => {
                let (Some(f), Some(data)) = (field, e.data.as_deref()) else { continue };
                out.read_only.insert(f.uid.clone());
                let current = out.changed_values.get(&f.uid).cloned().unwrap_or_else(|| f.value.clone());
                if current.as_deref() != Some(data) {
                    out.changed_values.insert(f.uid.clone(), format_assigned(f.value_type, data));
                }
            }
            HideField => {
                if let Some(f) = field.filter(|f| !is_mandatory(f, &out)) {
                    out.hidden_fields.insert(f.uid.clone());
                    if f.value.is_some() || out.changed_values.contains_key(&f.uid) {
                        out.changed_values.insert(f.uid.clone(), None);
                    }
                }
            }
            HideSection => {
                if let Some(section) = &e.program_stage_section {
                    out.hidden_sections.insert(section.clone());
                    let hide: Vec<String> = fields
                        .iter()
                        .filter(|f| f.section.as_ref() == Some(section) && !is_mandatory(f, &out))
                        .map(|f| f.uid.clone())
                        .collect();
                    out.hidden_fields.extend(hide);
                }
            }
            HideProgramStage => {
                if let Some(stage) = &e.program_stage {
                    out.hidden_stages.insert(stage.clone());
                }
            }
            ShowWarning => match field {
                Some(f) => out.warnings.entry(f.uid.clone()).or_default().push(message(e)),
                None => out.form_warnings.push(message(e)),
            },
            ShowError => match field {
                Some(f) => {
                    out.errors.entry(f.uid.clone()).or_default().push(message(e));
                    out.can_complete = false;
                }
                None => out.form_errors.push(message(e)),
            },
            WarningOnComplete => {
                if let Some(f) = field {
                    out.warnings.entry(f.uid.clone()).or_default().push(message(e));
                }
                out.messages_on_complete.push(message(e));
            }
            ErrorOnComplete => {
                if let Some(f) = field {
                    out.errors.entry(f.uid.clone()).or_default().push(message(e));
                }
                out.messages_on_complete.push(message(e));
                out.can_complete = false;
            }
            SetMandatoryField => {}
            HideOption => {
                let (Some(f), Some(option)) = (field, e.option.as_ref()) else { continue };
                out.hidden_options.entry(f.uid.clone()).or_default().insert(option.clone());
            }
            HideOptionGroup | ShowOptionGroup => {
                let (Some(f), Some(group)) = (field, e.option_group.as_ref()) else { continue };
                let target = if e.action_type == HideOptionGroup { &mut hidden_groups } else { &mut shown_groups };
                target.entry(f.uid.clone()).or_default().insert(group.clone());
            }
            DisplayText | DisplayKeyValuePair => out.display_texts.push(PanelText {
                location: e.location.clone().unwrap_or_else(|| "indicators".to_string()),
                text: RuleText::of(e),
                key_value: e.action_type == DisplayKeyValuePair,
            }),
            // Not run by the app: CREATEEVENT is not implemented there; messages are the server's.
            CreateEvent | SendMessage | ScheduleMessage => {}
        }
    }

    let members = |groups: &BTreeSet<String>| -> BTreeSet<String> {
        groups.iter().filter_map(|g| option_groups.get(g)).flatten().cloned().collect()
    };
    for f in fields {
        let mut hidden = out.hidden_options.remove(&f.uid).unwrap_or_default();
        let hidden_by_group = hidden_groups.get(&f.uid).map(members).unwrap_or_default();
        hidden.extend(hidden_by_group);
        if let Some(shown) = shown_groups.get(&f.uid) {
            let visible_groups: BTreeSet<String> =
                shown.iter().filter(|g| !hidden_groups.get(&f.uid).is_some_and(|h| h.contains(*g))).cloned().collect();
            let visible = members(&visible_groups);
            hidden.extend(f.options.iter().filter(|o| !visible.contains(&o.uid)).map(|o| o.uid.clone()));
        }
        if hidden.is_empty() {
            continue;
        }
        let current = out.changed_values.get(&f.uid).cloned().unwrap_or_else(|| f.value.clone());
        if let Some(code) = current {
            if f.options.iter().any(|o| o.code == code && hidden.contains(&o.uid)) {
                out.changed_values.insert(f.uid.clone(), None);
            }
        }
        out.hidden_options.insert(f.uid.clone(), hidden);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(uid: &str, value_type: ValueType, value: Option<&str>) -> FormField {
        FormField {
            uid: uid.into(),
            value_type,
            mandatory: false,
            section: None,
            value: value.map(str::to_string),
            options: Vec::new(),
        }
    }

    fn effect(action_type: RuleActionType, field: &str, data: Option<&str>) -> RuleEffect {
        RuleEffect {
            rule_uid: "r".into(),
            action_uid: "a".into(),
            action_type,
            field: field.into(),
            attribute_type: None,
            content: Some("Check".into()),
            location: None,
            program_stage: None,
            program_stage_section: None,
            option: None,
            option_group: None,
            data: data.map(str::to_string),
        }
    }

    #[test]
    fn assigned_values_are_formatted_by_value_type_as_the_app_does() {
        assert_eq!(format_assigned(ValueType::Integer, "2.7").as_deref(), Some("2"));
        assert_eq!(format_assigned(ValueType::Integer, "1e10").as_deref(), Some("2147483647"));
        assert_eq!(format_assigned(ValueType::Number, "3").as_deref(), Some("3.0"));
        assert_eq!(format_assigned(ValueType::Percentage, "0.0001").as_deref(), Some("1.0E-4"));
        assert_eq!(format_assigned(ValueType::Boolean, "1").as_deref(), Some("true"));
        assert_eq!(format_assigned(ValueType::TrueOnly, "yes"), None);
        assert_eq!(format_assigned(ValueType::Text, "2.70").as_deref(), Some("2.70"));
    }

    #[test]
    fn assign_changes_a_shown_field_and_makes_it_read_only() {
        let fields = [field("bmi", ValueType::Number, Some("20.0")), field("age", ValueType::Integer, None)];
        let effects =
            [effect(RuleActionType::Assign, "bmi", Some("21.5")), effect(RuleActionType::Assign, "age", Some("4.9"))];
        let out = apply(&effects, &fields, &HashMap::new());
        assert_eq!(out.changed_values.get("bmi"), Some(&Some("21.5".to_string())));
        assert_eq!(out.changed_values.get("age"), Some(&Some("4".to_string())));
        assert!(out.read_only.contains("bmi") && out.read_only.contains("age"));
    }

    #[test]
    fn assign_of_the_same_value_or_to_an_absent_field_changes_nothing() {
        let fields = [field("bmi", ValueType::Text, Some("21.5"))];
        let effects =
            [effect(RuleActionType::Assign, "bmi", Some("21.5")), effect(RuleActionType::Assign, "other", Some("1"))];
        let out = apply(&effects, &fields, &HashMap::new());
        assert!(out.changed_values.is_empty());
        assert_eq!(out.read_only.len(), 1);
    }

    #[test]
    fn hide_field_clears_its_value_but_never_hides_a_mandatory_field() {
        let mut required = field("req", ValueType::Text, Some("x"));
        required.mandatory = true;
        let fields = [field("opt", ValueType::Text, Some("y")), required, field("made", ValueType::Text, None)];
        let effects = [
            effect(RuleActionType::HideField, "opt", None),
            effect(RuleActionType::HideField, "req", None),
            effect(RuleActionType::HideField, "made", None),
            effect(RuleActionType::SetMandatoryField, "made", None),
        ];
        let out = apply(&effects, &fields, &HashMap::new());
        assert_eq!(out.hidden_fields.iter().collect::<Vec<_>>(), vec!["opt"]);
        assert_eq!(out.changed_values.get("opt"), Some(&None));
        assert!(out.mandatory.contains("made"));
    }

    #[test]
    fn hide_section_hides_its_optional_fields_and_keeps_their_values() {
        let mut a = field("a", ValueType::Text, Some("1"));
        a.section = Some("sec".into());
        let mut b = field("b", ValueType::Text, Some("2"));
        b.section = Some("sec".into());
        b.mandatory = true;
        let mut e = effect(RuleActionType::HideSection, "", None);
        e.program_stage_section = Some("sec".into());
        let out = apply(&[e], &[a, b], &HashMap::new());
        assert_eq!(out.hidden_fields.iter().collect::<Vec<_>>(), vec!["a"]);
        assert!(out.changed_values.is_empty());
        assert!(out.hidden_sections.contains("sec"));
    }

    #[test]
    fn errors_block_completion_and_on_complete_messages_are_collected() {
        let fields = [field("w", ValueType::Number, Some("200"))];
        let out = apply(&[effect(RuleActionType::ShowError, "w", Some("200"))], &fields, &HashMap::new());
        let texts = |list: &[RuleText]| list.iter().map(RuleText::text).collect::<Vec<_>>();
        assert_eq!(texts(&out.errors["w"]), vec!["Check 200"]);
        assert!(!out.can_complete);
        let out = apply(&[effect(RuleActionType::ShowWarning, "w", Some(""))], &fields, &HashMap::new());
        assert_eq!(texts(&out.warnings["w"]), vec!["Check"]);
        assert!(out.can_complete);
        let out = apply(&[effect(RuleActionType::ErrorOnComplete, "", Some("x"))], &fields, &HashMap::new());
        assert_eq!(texts(&out.messages_on_complete), vec!["Check x"]);
        assert!(!out.can_complete, "ERRORONCOMPLETE blocks even without a field");
        let out = apply(&[effect(RuleActionType::WarningOnComplete, "w", None)], &fields, &HashMap::new());
        assert!(out.can_complete);
        assert_eq!(texts(&out.messages_on_complete), vec!["Check"]);
    }

    fn vaccine_field(value: Option<&str>) -> FormField {
        let mut f = field("vac", ValueType::Text, value);
        f.options =
            ["BCG", "OPV", "MR"].iter().map(|c| FieldOption { uid: format!("opt{c}"), code: c.to_string() }).collect();
        f
    }

    #[test]
    fn hidden_option_disappears_and_clears_a_chosen_value() {
        let mut e = effect(RuleActionType::HideOption, "vac", None);
        e.option = Some("optBCG".into());
        let out = apply(&[e.clone()], &[vaccine_field(Some("BCG"))], &HashMap::new());
        assert!(out.hidden_options["vac"].contains("optBCG"));
        assert_eq!(out.changed_values.get("vac"), Some(&None));
        let out = apply(&[e], &[vaccine_field(Some("MR"))], &HashMap::new());
        assert!(out.changed_values.is_empty());
    }

    #[test]
    fn shown_option_groups_limit_the_choices_unless_also_hidden() {
        let groups: HashMap<String, Vec<String>> = [
            ("birth".to_string(), vec!["optBCG".to_string()]),
            ("infant".to_string(), vec!["optOPV".to_string(), "optMR".to_string()]),
        ]
        .into();
        let mut show_birth = effect(RuleActionType::ShowOptionGroup, "vac", None);
        show_birth.option_group = Some("birth".into());
        let out = apply(&[show_birth.clone()], &[vaccine_field(Some("MR"))], &groups);
        assert_eq!(out.hidden_options["vac"], ["optMR", "optOPV"].iter().map(|s| s.to_string()).collect());
        assert_eq!(out.changed_values.get("vac"), Some(&None));

        let mut hide_birth = show_birth.clone();
        hide_birth.action_type = RuleActionType::HideOptionGroup;
        let out = apply(&[show_birth, hide_birth], &[vaccine_field(None)], &groups);
        assert_eq!(out.hidden_options["vac"].len(), 3, "a group both shown and hidden shows nothing");
    }

    #[test]
    fn display_texts_go_to_their_panel() {
        let mut kv = effect(RuleActionType::DisplayKeyValuePair, "", Some("12"));
        kv.location = Some("feedback".into());
        let out = apply(&[effect(RuleActionType::DisplayText, "", Some("ok")), kv], &[], &HashMap::new());
        assert_eq!(out.display_texts.len(), 2);
        assert_eq!(out.display_texts[0].location, "indicators");
        assert!(out.display_texts[1].key_value && out.display_texts[1].location == "feedback");
    }
}
