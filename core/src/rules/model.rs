//! The program-rule model the engine runs: rules with their conditions and actions compiled
//! once, rule variables with their source and type, and constants (research/program-rules.md
//! §1.2-§1.3).
//!
//! Owns the engine-side shapes and compiling expressions when a rule set is built. Does not own
//! reading metadata from the store (`load`), building variable values (`values`) or running rules
//! (`engine`).

use crate::expr::eval::VariableType;
use crate::expr::{parse, Expr, ParseError};
use crate::i18n::{Localize, Message};
use crate::model::value_type::{RuleActionType, ValueType};

/// An expression as written in metadata, parsed once when the rule set is built. A parse error
/// is kept: upstream reports it as a rule error each time the rule runs.
#[derive(Debug, Clone)]
pub struct Compiled {
    pub text: String,
    pub parsed: Result<Expr, ParseError>,
}

impl Compiled {
    pub fn new(text: &str) -> Compiled {
        Compiled { text: text.to_string(), parsed: parse(text) }
    }
}

/// Which kind of field an action targets (upstream `AttributeType`). The Android app does not
/// set it (`None`), so every action runs in both the event and the enrollment pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttributeType {
    DataElement,
    TrackedEntityAttribute,
    Unknown,
}

/// What an action does. `Unsupported` is the app's mapping of an action it cannot run
/// (SENDMESSAGE, SCHEDULEMESSAGE, a HIDESECTION without section, ...): the engine still emits
/// its effect when the rule fires, and the form ignores it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionKind {
    Known(RuleActionType),
    Unsupported(Unsupported),
}

/// Why the app cannot run an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unsupported {
    /// A DISPLAYKEYVALUEPAIR without a location.
    NoLocation,
    /// A HIDESECTION without a program stage section.
    NoSection,
    /// A HIDEPROGRAMSTAGE or CREATEEVENT without a program stage.
    NoProgramStage,
    /// An ASSIGN with neither a field nor a content.
    AssignWithoutTarget,
    /// A HIDEOPTION without an option.
    NoOption,
    /// A SHOWOPTIONGROUP or HIDEOPTIONGROUP without an option group.
    NoOptionGroup,
    /// SENDMESSAGE and SCHEDULEMESSAGE: the server sends messages, not the app.
    ServerMessage,
    /// An action type the app does not know (as written).
    UnknownType(String),
}

impl Localize for Unsupported {
    fn message(&self) -> Message {
        match self {
            Unsupported::NoLocation => Message::new("rules-unsupported-no-location"),
            Unsupported::NoSection => Message::new("rules-unsupported-no-section"),
            Unsupported::NoProgramStage => Message::new("rules-unsupported-no-program-stage"),
            Unsupported::AssignWithoutTarget => Message::new("rules-unsupported-assign-without-target"),
            Unsupported::NoOption => Message::new("rules-unsupported-no-option"),
            Unsupported::NoOptionGroup => Message::new("rules-unsupported-no-option-group"),
            Unsupported::ServerMessage => Message::new("rules-unsupported-server-message"),
            Unsupported::UnknownType(t) => crate::msg!("rules-unsupported-unknown-type", action_type = t),
        }
    }
}
crate::english_display!(Unsupported);

/// One action of a rule, as the Android app hands it to the engine (§1.3).
#[derive(Debug, Clone)]
pub struct RuleAction {
    /// The action's UID in metadata ("" when built by hand in tests).
    pub uid: String,
    pub kind: ActionKind,
    /// The `data` expression; `None` when the action has none (HIDEFIELD, HIDESECTION).
    pub data: Option<Compiled>,
    /// Data element or attribute UID, or "".
    pub field: String,
    pub attribute_type: Option<AttributeType>,
    /// Static text (`displayContent` before `content`).
    pub content: Option<String>,
    pub location: Option<String>,
    pub program_stage: Option<String>,
    pub program_stage_section: Option<String>,
    pub option: Option<String>,
    pub option_group: Option<String>,
    pub priority: Option<i64>,
}

impl RuleAction {
    /// An action of `kind` with nothing else set, for building by hand.
    pub fn new(kind: RuleActionType, data: Option<&str>) -> RuleAction {
        RuleAction {
            uid: String::new(),
            kind: ActionKind::Known(kind),
            data: data.map(Compiled::new),
            field: String::new(),
            attribute_type: None,
            content: None,
            location: None,
            program_stage: None,
            program_stage_section: None,
            option: None,
            option_group: None,
            priority: None,
        }
    }

    pub fn with_field(mut self, field: &str) -> RuleAction {
        self.field = field.to_string();
        self
    }

    pub fn with_content(mut self, content: &str) -> RuleAction {
        self.content = Some(content.to_string());
        self
    }

    pub fn with_priority(mut self, priority: Option<i64>) -> RuleAction {
        self.priority = priority;
        self
    }

    pub fn action_type(&self) -> Option<RuleActionType> {
        match self.kind {
            ActionKind::Known(t) => Some(t),
            ActionKind::Unsupported(_) => None,
        }
    }
}

/// A program rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub uid: String,
    pub name: String,
    /// When set, the rule runs only for events of this stage and never in the enrollment pass.
    pub program_stage: Option<String>,
    pub priority: Option<i64>,
    pub condition: Compiled,
    pub actions: Vec<RuleAction>,
}

impl Rule {
    pub fn new(condition: &str, actions: Vec<RuleAction>) -> Rule {
        Rule {
            uid: String::new(),
            name: String::new(),
            program_stage: None,
            priority: None,
            condition: Compiled::new(condition),
            actions,
        }
    }

    pub fn with_uid(mut self, uid: &str) -> Rule {
        self.uid = uid.to_string();
        self
    }

    pub fn with_name(mut self, name: &str) -> Rule {
        self.name = name.to_string();
        self
    }

    pub fn with_stage(mut self, stage: &str) -> Rule {
        self.program_stage = Some(stage.to_string());
        self
    }

    pub fn with_priority(mut self, priority: Option<i64>) -> Rule {
        self.priority = priority;
        self
    }
}

/// Where a rule variable takes its value from (§1.4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VariableSource {
    CurrentEvent { data_element: String },
    NewestEvent { data_element: String },
    NewestEventInStage { data_element: String, program_stage: String },
    PreviousEvent { data_element: String },
    Attribute { attribute: String },
    Calculated,
}

/// An option of the variable's option set, for mapping a stored code to its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleOption {
    pub code: String,
    pub name: String,
}

/// A program rule variable.
#[derive(Debug, Clone)]
pub struct RuleVariable {
    pub name: String,
    pub source: VariableSource,
    pub value_type: VariableType,
    /// When false, `value` is the option's name instead of its stored code.
    pub use_code_for_option_set: bool,
    pub options: Vec<RuleOption>,
}

impl RuleVariable {
    pub fn new(name: &str, source: VariableSource, value_type: VariableType) -> RuleVariable {
        RuleVariable { name: name.to_string(), source, value_type, use_code_for_option_set: true, options: Vec::new() }
    }
}

/// Upstream `ValueType.toRuleValueType` as the Android app applies it: numeric types read as
/// numbers, BOOLEAN and TRUE_ONLY as booleans, everything else (DATE and AGE included) as text.
pub fn variable_type_of(value_type: ValueType) -> VariableType {
    use ValueType::*;
    match value_type {
        Integer | IntegerPositive | IntegerNegative | IntegerZeroOrPositive | Number | UnitInterval | Percentage => {
            VariableType::Number
        }
        Boolean | TrueOnly => VariableType::Boolean,
        _ => VariableType::Text,
    }
}

/// Everything the engine needs about one program: its rules in metadata order, its variables,
/// and the constants (UID to the text the app passes, a Java double: "10.0").
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub variables: Vec<RuleVariable>,
    pub constants: Vec<(String, String)>,
}
