//! Program rules and their actions as DHIS2 exports them: a rule `DmRu<key>` (key: 7
//! characters) lists its actions `DmA<key><n>`, each action points back to its rule and carries
//! its Khmer content. Owns that shape and the action kinds the demo uses; the rules themselves
//! are in `immunization` and `ncd`.

use serde_json::{Map, Value};

use super::{km, named, r, Id};
use crate::model::Uid;

/// The rules and actions built so far, in the order they were added.
#[derive(Default)]
pub(super) struct Rules {
    pub rules: Vec<Value>,
    pub actions: Vec<Value>,
}

/// One action: its type, target (an attribute if the UID starts with `DmAt`, else a data
/// element), content in English and Khmer, expression, and other fields.
pub(super) struct Action {
    kind: &'static str,
    target: Option<String>,
    content: Option<(String, String)>,
    data: Option<String>,
    extra: Vec<(&'static str, Value)>,
}

impl Action {
    fn new(kind: &'static str, target: Option<String>, content: Option<(&str, &str)>) -> Action {
        let content = content.map(|(en, k)| (en.to_string(), k.to_string()));
        Action { kind, target, content, data: None, extra: Vec::new() }
    }

    /// The expression whose value the action shows after its content (or assigns).
    pub(super) fn data(mut self, data: &str) -> Action {
        self.data = Some(data.to_string());
        self
    }

    pub(super) fn with(mut self, field: &'static str, value: Value) -> Action {
        self.extra.push((field, value));
        self
    }
}

pub(super) fn warn(target: impl Id, en: &str, k: &str) -> Action {
    Action::new("SHOWWARNING", Some(target.id()), Some((en, k)))
}

pub(super) fn error(target: impl Id, en: &str, k: &str) -> Action {
    Action::new("SHOWERROR", Some(target.id()), Some((en, k)))
}

pub(super) fn assign(target: impl Id, data: &str) -> Action {
    Action::new("ASSIGN", Some(target.id()), None).data(data)
}

/// Text in the form's feedback panel.
pub(super) fn text(en: &str, k: &str) -> Action {
    Action::new("DISPLAYTEXT", None, Some((en, k))).with("location", Value::from("feedback"))
}

pub(super) fn hide_stage(stage: Uid) -> Action {
    Action::new("HIDEPROGRAMSTAGE", None, None).with("programStage", r(stage))
}

pub(super) fn set_mandatory(target: impl Id) -> Action {
    Action::new("SETMANDATORYFIELD", Some(target.id()), None)
}

pub(super) fn hide_option(target: impl Id, option: &str) -> Action {
    Action::new("HIDEOPTION", Some(target.id()), None).with("option", r(option))
}

/// A rule to add: the optional stage and priority are set with [`Rule::stage`] and
/// [`Rule::priority`].
pub(super) struct Rule {
    key: String,
    program: Uid,
    name: String,
    name_km: String,
    condition: String,
    actions: Vec<Action>,
    stage: Option<Uid>,
    priority: Option<u32>,
}

pub(super) fn rule(key: &str, program: Uid, name: &str, name_km: &str, condition: &str, actions: Vec<Action>) -> Rule {
    Rule {
        key: key.to_string(),
        program,
        name: name.to_string(),
        name_km: name_km.to_string(),
        condition: condition.to_string(),
        actions,
        stage: None,
        priority: None,
    }
}

impl Rule {
    pub(super) fn stage(mut self, stage: Uid) -> Rule {
        self.stage = Some(stage);
        self
    }

    pub(super) fn priority(mut self, priority: u32) -> Rule {
        self.priority = Some(priority);
        self
    }
}

impl Rules {
    pub(super) fn add(&mut self, rule: Rule) {
        debug_assert_eq!(rule.key.len(), 7, "{}", rule.key);
        let rule_id = format!("DmRu{}", rule.key);
        let mut action_refs = Vec::new();
        for (n, action) in rule.actions.into_iter().enumerate() {
            let id = format!("DmA{}{}", rule.key, n + 1);
            let mut object = Map::new();
            object.insert("id".into(), Value::from(id.as_str()));
            object.insert("programRule".into(), r(rule_id.as_str()));
            object.insert("programRuleActionType".into(), Value::from(action.kind));
            if let Some(target) = action.target {
                let field = if target.starts_with("DmAt") { "trackedEntityAttribute" } else { "dataElement" };
                object.insert(field.into(), r(target));
            }
            if let Some((en, _)) = &action.content {
                object.insert("content".into(), Value::from(en.as_str()));
            }
            if let Some(data) = action.data {
                object.insert("data".into(), Value::from(data));
            }
            for (field, value) in action.extra {
                object.insert(field.into(), value);
            }
            if let Some((_, k)) = &action.content {
                object.insert("translations".into(), Value::Array(vec![km("CONTENT", k)]));
            }
            action_refs.push(r(id));
            self.actions.push(Value::Object(object));
        }
        let mut built = named(rule_id.as_str(), &rule.name, &rule.name_km)
            .with("program", r(rule.program))
            .with("condition", rule.condition);
        if let Some(stage) = rule.stage {
            built = built.with("programStage", r(stage));
        }
        if let Some(priority) = rule.priority {
            built = built.with("priority", priority);
        }
        self.rules.push(built.with("programRuleActions", action_refs).build());
    }
}
