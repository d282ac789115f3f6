//! Building a program's [`RuleSet`] from stored metadata the way the Android Capture app 3.4.1
//! maps SDK objects to engine objects (`RuleEngineExtensions.kt` of dhis2-android-capture-app,
//! module dhis2-mobile-program-rules; research/program-rules.md §1.3): variables are kept or
//! dropped by what they name and typed by their source type (`engine_variable`), each action
//! type carries only the values the app gives it (`engine_action`), actions the app cannot run
//! become `Unsupported`, constants are passed as Java doubles, and numeric attribute values are
//! normalised through a 32-bit float as the app does.
//!
//! Data values reach the engine unchanged (the app's `toRuleDataValue()` passes every non-null
//! value as stored: option codes stay codes, numbers keep their text). Older app versions passed
//! numeric data values through `toFloat().toString()` and option codes through their names
//! before the engine, dropping unknown codes; every version of that file built against a rule
//! engine whose `RuleDataValue` is `(dataElement, value)` (3.4.1 and later, so 3.7.2 which the
//! app 3.4.1 ships) has the unchanged mapping, so Phum follows it. Attribute values do go through
//! `toInt()` / `toFloat()` ([`normalise_attribute_value`]).
//!
//! A form runs the rules with action content as written and keeps the CONTENT translations
//! beside them ([`load_rule_set_with_contents`]), so that the reader's language can change while
//! the form is open; the engine's behaviour does not depend on the content of message actions.
//!
//! Owns the metadata-to-engine mapping. Does not own the engine or the store's queries.

use std::collections::HashMap;

use super::model::{
    variable_type_of, ActionKind, Compiled, Rule, RuleAction, RuleOption, RuleSet, RuleVariable, Unsupported,
    VariableSource,
};
use crate::expr::eval::VariableType;
use crate::expr::number::{jvm_double_to_string, parse_jvm_double};
use crate::i18n::{Lang, Localize, Message};
use crate::model::value_type::{RuleActionType, RuleVariableSource, ValueType};
use crate::model::{
    Child, Constant, DataElement, IdRef, OptionItem, Program, ProgramRule, ProgramRuleAction, ProgramRuleVariable,
    TrackedEntityAttribute, Translation, Uid,
};
use crate::store::{Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    ProgramNotFound(Uid),
    MissingAction { rule: Uid, action: Uid },
    Store(#[from] StoreError),
}

impl Localize for LoadError {
    fn message(&self) -> Message {
        match self {
            LoadError::ProgramNotFound(uid) => crate::msg!("rules-program-not-found", program = uid),
            LoadError::MissingAction { rule, action } => {
                crate::msg!("rules-missing-action", rule = rule, action = action)
            }
            LoadError::Store(e) => e.message(),
        }
    }
}
crate::english_display!(LoadError);

/// The content of a message action as written and its translations (DHIS2's `CONTENT`
/// property), for showing a fired action's text in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionContent {
    pub content: String,
    pub translations: Vec<Translation>,
}

/// The rules, variables and constants of `program`. `lang` picks the action content translated
/// into that language (the app's `displayContent`: a translation whose DHIS2 locale is in the
/// language, `km` or `km_KH`); `None` keeps the content as written.
pub fn load_rule_set(store: &Store, program: Uid, lang: Option<Lang>) -> Result<RuleSet, LoadError> {
    Ok(load(store, program, lang)?.0)
}

/// The rule set with every action's content as written, and the content of each action that has
/// CONTENT translations, by action UID. A form runs this set and shows a fired action's text in
/// the reader's language, which may change while the form is open.
pub fn load_rule_set_with_contents(
    store: &Store,
    program: Uid,
) -> Result<(RuleSet, HashMap<String, ActionContent>), LoadError> {
    load(store, program, None)
}

fn load(
    store: &Store,
    program: Uid,
    lang: Option<Lang>,
) -> Result<(RuleSet, HashMap<String, ActionContent>), LoadError> {
    if store.get::<Program>(program)?.is_none() {
        return Err(LoadError::ProgramNotFound(program));
    }
    let mut rules = Vec::new();
    let mut contents = HashMap::new();
    for rule in store.children::<ProgramRule>(program)? {
        let stored = rule_actions(store, &rule)?;
        for a in &stored {
            let translations: Vec<Translation> =
                a.translations.iter().filter(|t| t.property == "CONTENT").cloned().collect();
            if !translations.is_empty() {
                let content = a.content.clone().unwrap_or_default();
                contents.insert(a.id.as_str().to_string(), ActionContent { content, translations });
            }
        }
        let actions = stored.iter().map(|a| engine_action(a, lang)).collect();
        rules.push(Rule {
            uid: rule.identity.id.as_str().to_string(),
            name: rule.identity.name.clone(),
            program_stage: rule.program_stage.map(|s| s.id.as_str().to_string()),
            priority: rule.priority,
            condition: Compiled::new(&rule.condition),
            actions,
        });
    }
    let mut variables = Vec::new();
    for v in store.children::<ProgramRuleVariable>(program)? {
        if let Some(variable) = engine_variable(store, &v)? {
            variables.push(variable);
        }
    }
    let constants = store
        .list::<Constant>()?
        .into_iter()
        .map(|c| (c.identity.id.as_str().to_string(), jvm_double_to_string(c.value)))
        .collect();
    Ok((RuleSet { rules, variables, constants }, contents))
}

/// A rule's actions: those nested in it in the order listed, else the stored actions that
/// belong to it (the importer stores them on their own), by UID.
fn rule_actions(store: &Store, rule: &ProgramRule) -> Result<Vec<ProgramRuleAction>, LoadError> {
    if rule.program_rule_actions.is_empty() {
        return Ok(store.children::<ProgramRuleAction>(rule.identity.id)?);
    }
    let mut actions = Vec::with_capacity(rule.program_rule_actions.len());
    for child in &rule.program_rule_actions {
        actions.push(match child {
            Child::Full(a) => (**a).clone(),
            Child::Ref(uid) => store
                .get::<ProgramRuleAction>(*uid)?
                .ok_or(LoadError::MissingAction { rule: rule.identity.id, action: *uid })?,
        });
    }
    Ok(actions)
}

/// The variable as the app builds it (`toRuleVariableList` / `toRuleVariable` in the app's
/// `RuleEngineExtensions.kt`), or `None` when the app leaves it out.
///
/// The app keeps or drops a variable by what it names, not by its source type: one that names a
/// data element is kept when that data element is on the device, else one that names an
/// attribute when that attribute is, else only a CALCULATED_VALUE. So a CALCULATED_VALUE that
/// names a data element (as immunization packages have: a flag assigned in one stage and read by
/// "hide dose" rules elsewhere) is kept, as a calculated value of type TEXT. The engine gives a
/// calculated value an empty value of its type whatever field it names (rule engine 3.7.2
/// `RuleVariableCalculatedValue.createValues`), so its field is not kept here.
///
/// Per source type (the same file): the four DATAELEMENT_* types take their type from the named
/// data element and read that data element (TEXT and field "" when the variable names none, so
/// such a variable that names only an attribute reads nothing); TEI_ATTRIBUTE takes its type from
/// the named attribute (TEXT when it names none or the attribute is not on the device) and reads
/// it (field "" when it names none); CALCULATED_VALUE is TEXT, whatever value type the metadata
/// declares. A NEWEST_EVENT_PROGRAM_STAGE variable without a stage gets the stage "", which no
/// event has. The options come from the option set of the named data element, else of the named
/// attribute, whatever `useCodeForOptionSet` says (the engine maps a code to its option's name
/// only when it is false).
fn engine_variable(store: &Store, v: &ProgramRuleVariable) -> Result<Option<RuleVariable>, StoreError> {
    use RuleVariableSource::*;
    let data_element = match v.data_element {
        Some(r) => store.get::<DataElement>(r.id)?,
        None => None,
    };
    let attribute = match v.tracked_entity_attribute {
        Some(r) => store.get::<TrackedEntityAttribute>(r.id)?,
        None => None,
    };
    let kept = match (v.data_element, v.tracked_entity_attribute) {
        (Some(_), _) => data_element.is_some(),
        (None, Some(_)) => attribute.is_some(),
        (None, None) => v.source_type == CalculatedValue,
    };
    if !kept {
        return Ok(None);
    }
    let uid = |r: Option<IdRef>| r.map(|r| r.id.as_str().to_string()).unwrap_or_default();
    let de_field = uid(v.data_element);
    let value_type = match v.source_type {
        DataElementNewestEventProgramStage
        | DataElementNewestEventProgram
        | DataElementCurrentEvent
        | DataElementPreviousEvent => {
            data_element.as_ref().map_or(VariableType::Text, |d| variable_type_of(d.value_type))
        }
        TeiAttribute => attribute.as_ref().map_or(VariableType::Text, |a| variable_type_of(a.value_type)),
        CalculatedValue => VariableType::Text,
    };
    let source = match v.source_type {
        DataElementCurrentEvent => VariableSource::CurrentEvent { data_element: de_field },
        DataElementNewestEventProgram => VariableSource::NewestEvent { data_element: de_field },
        DataElementNewestEventProgramStage => {
            VariableSource::NewestEventInStage { data_element: de_field, program_stage: uid(v.program_stage) }
        }
        DataElementPreviousEvent => VariableSource::PreviousEvent { data_element: de_field },
        TeiAttribute => VariableSource::Attribute { attribute: uid(v.tracked_entity_attribute) },
        CalculatedValue => VariableSource::Calculated,
    };
    let option_set = match (v.data_element, v.tracked_entity_attribute) {
        (Some(_), _) => data_element.and_then(|d| d.option_set),
        (None, Some(_)) => attribute.and_then(|a| a.option_set),
        (None, None) => None,
    };
    let options = match option_set {
        Some(set) => store
            .children::<OptionItem>(set.id)?
            .into_iter()
            .map(|o| RuleOption { code: o.identity.code.clone().unwrap_or_default(), name: o.identity.name })
            .collect(),
        None => Vec::new(),
    };
    Ok(Some(RuleVariable {
        name: v.identity.name.clone(),
        source,
        value_type,
        use_code_for_option_set: v.use_code_for_option_set,
        options,
    }))
}

/// The action as the app builds it (`ProgramRuleAction.toRuleEngineObject`): each type carries
/// only the values the app puts into its engine action, so an effect names a field only for
/// HIDEFIELD, ASSIGN, the four message types, SETMANDATORYFIELD and the three option types (a
/// `dataElement` left on a DISPLAYTEXT, HIDESECTION, HIDEPROGRAMSTAGE or CREATEEVENT is not its
/// field); content (`displayContent ?: content`) goes to every type except HIDESECTION and
/// HIDEPROGRAMSTAGE; location only to DISPLAYTEXT (default "indicators") and DISPLAYKEYVALUEPAIR;
/// the program stage only to HIDEPROGRAMSTAGE and CREATEEVENT, the section only to HIDESECTION,
/// the option only to HIDEOPTION, the option group only to SHOWOPTIONGROUP and HIDEOPTIONGROUP.
/// HIDEFIELD and HIDESECTION have no data expression; ASSIGN's is "" when missing. What the app
/// cannot build becomes `Unsupported`.
fn engine_action(a: &ProgramRuleAction, lang: Option<Lang>) -> RuleAction {
    use RuleActionType::*;
    let kind = a.action_type;
    let uid_text = |r: Option<IdRef>| r.map(|r| r.id.as_str().to_string());
    let field = uid_text(a.data_element).or(uid_text(a.tracked_entity_attribute)).unwrap_or_default();
    let content = lang
        .and_then(|l| a.translations.iter().find(|t| t.property == "CONTENT" && l.matches_dhis2_locale(&t.locale)))
        .map(|t| t.value.clone())
        .or_else(|| a.content.clone());
    let mut action = RuleAction::new(kind, a.data.as_deref());
    action.uid = a.id.as_str().to_string();
    action.priority = a.priority;
    let with_field = matches!(
        kind,
        HideField
            | Assign
            | ShowWarning
            | WarningOnComplete
            | ShowError
            | ErrorOnComplete
            | SetMandatoryField
            | HideOption
            | ShowOptionGroup
            | HideOptionGroup
    );
    if with_field {
        action.field = field;
    }
    if !matches!(kind, HideSection | HideProgramStage | SendMessage | ScheduleMessage) {
        action.content = content;
    }
    match kind {
        HideField | HideSection => action.data = None,
        Assign if action.data.is_none() => action.data = Some(Compiled::new("")),
        _ => {}
    }
    match kind {
        DisplayText => action.location = Some(a.location.clone().unwrap_or_else(|| "indicators".to_string())),
        DisplayKeyValuePair => action.location = a.location.clone(),
        HideProgramStage | CreateEvent => action.program_stage = uid_text(a.program_stage),
        HideSection => action.program_stage_section = uid_text(a.program_stage_section),
        HideOption => action.option = uid_text(a.option),
        ShowOptionGroup | HideOptionGroup => action.option_group = uid_text(a.option_group),
        _ => {}
    }
    let missing = match kind {
        DisplayKeyValuePair if action.location.is_none() => Some(Unsupported::NoLocation),
        HideSection if action.program_stage_section.is_none() => Some(Unsupported::NoSection),
        HideProgramStage | CreateEvent if action.program_stage.is_none() => Some(Unsupported::NoProgramStage),
        // The app tests the content as written, not its translation.
        Assign if action.field.is_empty() && a.content.as_deref().unwrap_or("").is_empty() => {
            Some(Unsupported::AssignWithoutTarget)
        }
        HideOption if action.option.is_none() => Some(Unsupported::NoOption),
        ShowOptionGroup | HideOptionGroup if action.option_group.is_none() => Some(Unsupported::NoOptionGroup),
        SendMessage | ScheduleMessage => Some(Unsupported::ServerMessage),
        _ => None,
    };
    if let Some(reason) = missing {
        action.kind = ActionKind::Unsupported(reason);
    }
    action
}

/// The attribute value the app hands the engine (`toRuleAttributeValue`): integer types through
/// Kotlin `toInt()` ("007" → "7"), NUMBER, UNIT_INTERVAL and PERCENTAGE through a 32-bit float and
/// Java's `Float.toString` ("10" → "10.0", "3.14159265" → "3.1415927", "12345678" →
/// "1.2345678E7"); a value that does not parse, and every other type, unchanged.
pub fn normalise_attribute_value(value_type: ValueType, value: &str) -> String {
    use ValueType::*;
    match value_type {
        Integer | IntegerPositive | IntegerNegative | IntegerZeroOrPositive => {
            kotlin_to_int(value).map(|i| i.to_string()).unwrap_or_else(|| value.to_string())
        }
        Number | UnitInterval | Percentage => {
            java_parse_float(value).map(java_float_to_string).unwrap_or_else(|| value.to_string())
        }
        _ => value.to_string(),
    }
}

/// Kotlin `String.toInt()`: an optional sign and ASCII digits, within 32 bits.
fn kotlin_to_int(s: &str) -> Option<i32> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse::<i32>().ok()
}

/// Java `Float.parseFloat`: the syntax of `Double.parseDouble`, rounded once to 32 bits.
fn java_parse_float(s: &str) -> Option<f32> {
    let wide = parse_jvm_double(s)?;
    let plain = s.trim_matches(|c: char| c <= ' ').trim_end_matches(['f', 'F', 'd', 'D']);
    Some(plain.parse::<f32>().unwrap_or(wide as f32))
}

/// Java `Float.toString`: shortest digits; plain between 10^-3 and 10^7, otherwise `d.dddE±n`.
fn java_float_to_string(x: f32) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity" } else { "-Infinity" }.to_string();
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0" } else { "0.0" }.to_string();
    }
    let sci = format!("{:e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let sign = if x < 0.0 { "-" } else { "" };
    let abs = x.abs();
    if (1e-3..1e7).contains(&abs) {
        let point = exp + 1;
        let (int_part, frac_part) = if point <= 0 {
            ("0".to_string(), format!("{}{}", "0".repeat((-point) as usize), digits))
        } else if point as usize >= digits.len() {
            (format!("{}{}", digits, "0".repeat(point as usize - digits.len())), String::new())
        } else {
            (digits[..point as usize].to_string(), digits[point as usize..].to_string())
        };
        let frac = if frac_part.is_empty() { "0".to_string() } else { frac_part };
        format!("{sign}{int_part}.{frac}")
    } else {
        let (first, rest) = digits.split_at(1);
        let rest = if rest.is_empty() { "0" } else { rest };
        format!("{sign}{first}.{rest}E{exp}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_attributes_pass_through_a_java_float() {
        assert_eq!(normalise_attribute_value(ValueType::Number, "10"), "10.0");
        assert_eq!(normalise_attribute_value(ValueType::Number, "3.14159265"), "3.1415927");
        assert_eq!(normalise_attribute_value(ValueType::Number, "12345678"), "1.2345678E7");
        assert_eq!(normalise_attribute_value(ValueType::Percentage, "0.0001"), "1.0E-4");
        assert_eq!(normalise_attribute_value(ValueType::UnitInterval, "0.5"), "0.5");
        assert_eq!(normalise_attribute_value(ValueType::Number, "-2.5"), "-2.5");
        assert_eq!(normalise_attribute_value(ValueType::Number, "0.001"), "0.001");
        assert_eq!(normalise_attribute_value(ValueType::Number, "1e3"), "1000.0");
    }

    #[test]
    fn integer_attributes_lose_leading_zeros_and_keep_what_does_not_parse() {
        assert_eq!(normalise_attribute_value(ValueType::Integer, "007"), "7");
        assert_eq!(normalise_attribute_value(ValueType::IntegerPositive, "+5"), "5");
        assert_eq!(normalise_attribute_value(ValueType::Integer, "2.5"), "2.5");
        assert_eq!(normalise_attribute_value(ValueType::Integer, "99999999999"), "99999999999");
        assert_eq!(normalise_attribute_value(ValueType::Number, "abc"), "abc");
        assert_eq!(normalise_attribute_value(ValueType::Text, "007"), "007");
    }
}
