//! What a rule evaluation produces: effects (a fired action with its evaluated data) and rule
//! errors (a condition or action that could not be evaluated).
//!
//! Owns the output shapes and the error message wording. Does not own deciding which actions
//! fire (`engine`), the text of a result (`expr::engine_text`) or applying effects (`outcome`).

use std::fmt;

use super::model::{ActionKind, AttributeType, Rule, RuleAction, Unsupported};
use crate::expr::eval::EvalError;
use crate::expr::ParseError;
use crate::i18n::{Localize, Message};
use crate::model::value_type::RuleActionType;
use crate::msg;

/// Whether the evaluation was for an event or for an enrollment (upstream `TrackerObjectType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    Event,
    Enrollment,
}

impl TargetKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TargetKind::Event => "EVENT",
            TargetKind::Enrollment => "ENROLLMENT",
        }
    }
}

/// A fired action. `data` is the evaluated `data` expression as text: "" when the action has no
/// expression; `None` only for an ASSIGN whose value is empty.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleEffect {
    pub rule_uid: String,
    pub action_uid: String,
    pub action_type: RuleActionType,
    pub field: String,
    pub attribute_type: Option<AttributeType>,
    pub content: Option<String>,
    pub location: Option<String>,
    pub program_stage: Option<String>,
    pub program_stage_section: Option<String>,
    pub option: Option<String>,
    pub option_group: Option<String>,
    pub data: Option<String>,
}

impl RuleEffect {
    pub(crate) fn new(rule: &Rule, action: &RuleAction, action_type: RuleActionType, data: Option<String>) -> Self {
        RuleEffect {
            rule_uid: rule.uid.clone(),
            action_uid: action.uid.clone(),
            action_type,
            field: action.field.clone(),
            attribute_type: action.attribute_type,
            content: action.content.clone(),
            location: action.location.clone(),
            program_stage: action.program_stage.clone(),
            program_stage_section: action.program_stage_section.clone(),
            option: action.option.clone(),
            option_group: action.option_group.clone(),
            data,
        }
    }
}

/// Why a rule or one of its actions produced no effect.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RuleErrorCause {
    #[error("{0}")]
    Parse(ParseError),
    #[error("{0}")]
    Eval(EvalError),
    /// An ASSIGN without a field whose content is not `#{name}` (upstream: "Malformed variable").
    #[error("ASSIGN has no 'field', and its 'content' ({content:?}) does not name a variable as #{{name}}")]
    MalformedAssignTarget { content: Option<String> },
    /// An action the Android app does not run (SENDMESSAGE, a HIDESECTION without a section, ...).
    #[error("unsupported action: {0}")]
    UnsupportedAction(Unsupported),
}

impl RuleErrorCause {
    /// Upstream words expression errors "raised an error" and other exceptions "raised an
    /// unexpected exception".
    fn is_expression_error(&self) -> bool {
        matches!(self, RuleErrorCause::Parse(_) | RuleErrorCause::Eval(EvalError::UnknownVariable(_)))
    }
}

/// A rule (or one action of it) that failed for one target. The other rules and actions ran.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleError {
    pub rule_uid: String,
    pub rule_name: String,
    /// The failing action's UID, or `None` when the condition failed.
    pub action_uid: Option<String>,
    pub target: TargetKind,
    pub target_uid: String,
    pub condition: String,
    pub cause: RuleErrorCause,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(action) = &self.action_uid {
            write!(f, "Action {action} from rule ")?;
        } else {
            f.write_str("Rule ")?;
        }
        let raised = if self.cause.is_expression_error() { "an error" } else { "an unexpected exception" };
        write!(
            f,
            "{} with id {} executed for {}({}) with condition ({}) raised {raised}: {}",
            self.rule_name,
            self.rule_uid,
            self.target.as_str(),
            self.target_uid,
            self.condition,
            self.cause
        )
    }
}

impl Localize for RuleErrorCause {
    fn message(&self) -> Message {
        match self {
            RuleErrorCause::Parse(e) => e.message(),
            RuleErrorCause::Eval(e) => e.message(),
            RuleErrorCause::MalformedAssignTarget { content } => {
                msg!("rules-malformed-assign-target", content = content.as_deref().unwrap_or(""))
            }
            RuleErrorCause::UnsupportedAction(why) => msg!("rules-unsupported-action", why = why.message()),
        }
    }
}

impl Localize for RuleError {
    /// Which rule (or action of it) failed and why; the condition and target stay in the English
    /// `Display`, upstream's log line.
    fn message(&self) -> Message {
        match &self.action_uid {
            Some(action) => msg!(
                "rules-action-failed",
                action = action,
                rule_name = &self.rule_name,
                rule = &self.rule_uid,
                cause = self.cause.message()
            ),
            None => msg!(
                "rules-condition-failed",
                rule_name = &self.rule_name,
                rule = &self.rule_uid,
                condition = &self.condition,
                cause = self.cause.message()
            ),
        }
    }
}

/// Effects and errors of one target.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evaluation {
    pub effects: Vec<RuleEffect>,
    pub errors: Vec<RuleError>,
}

/// The result of `evaluate_all` for one target.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetEffects {
    pub target: TargetKind,
    pub target_uid: String,
    pub evaluation: Evaluation,
}

pub(crate) fn unsupported_reason(kind: &ActionKind) -> Option<&Unsupported> {
    match kind {
        ActionKind::Unsupported(reason) => Some(reason),
        ActionKind::Known(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::catalogue_tests::assert_renders_in_both;
    use crate::i18n::Locale;
    use std::collections::BTreeSet;

    fn causes() -> Vec<RuleErrorCause> {
        let unsupported = [
            Unsupported::NoLocation,
            Unsupported::NoSection,
            Unsupported::NoProgramStage,
            Unsupported::AssignWithoutTarget,
            Unsupported::NoOption,
            Unsupported::NoOptionGroup,
            Unsupported::ServerMessage,
            Unsupported::UnknownType("SHOWBANNER".into()),
        ];
        let mut out = vec![
            RuleErrorCause::Parse(crate::expr::parse("1 +").unwrap_err()),
            RuleErrorCause::Eval(EvalError::UnknownVariable("weight".into())),
            RuleErrorCause::MalformedAssignTarget { content: Some("weight".into()) },
            RuleErrorCause::MalformedAssignTarget { content: None },
        ];
        for u in unsupported {
            // Every reason the app cannot run an action, listed without a wildcard.
            match u {
                Unsupported::NoLocation
                | Unsupported::NoSection
                | Unsupported::NoProgramStage
                | Unsupported::AssignWithoutTarget
                | Unsupported::NoOption
                | Unsupported::NoOptionGroup
                | Unsupported::ServerMessage
                | Unsupported::UnknownType(_) => out.push(RuleErrorCause::UnsupportedAction(u)),
            }
        }
        out
    }

    #[test]
    fn every_rule_error_cause_variant_renders_in_both_languages() {
        let name = |c: &RuleErrorCause| match c {
            RuleErrorCause::Parse(_) => "Parse",
            RuleErrorCause::Eval(_) => "Eval",
            RuleErrorCause::MalformedAssignTarget { .. } => "MalformedAssignTarget",
            RuleErrorCause::UnsupportedAction(_) => "UnsupportedAction",
        };
        let samples = causes();
        let names: BTreeSet<&str> = samples.iter().map(name).collect();
        assert_eq!(names, ["Parse", "Eval", "MalformedAssignTarget", "UnsupportedAction"].into());
        samples.iter().for_each(|c| assert_renders_in_both(&c.message()));
        assert_eq!(samples.len(), 12, "every unsupported reason");
    }

    #[test]
    fn every_rule_error_renders_in_both_languages_and_display_stays_upstreams_log_line() {
        let error = |action: Option<&str>| RuleError {
            rule_uid: "PhumRulLBW1".into(),
            rule_name: "Low birth weight".into(),
            action_uid: action.map(str::to_string),
            target: TargetKind::Event,
            target_uid: "PhumEvent01".into(),
            condition: "#{weight} < 2.5".into(),
            cause: RuleErrorCause::UnsupportedAction(Unsupported::ServerMessage),
        };
        for e in [error(None), error(Some("PhumActLBW1"))] {
            assert_renders_in_both(&e.message());
        }
        assert_eq!(
            error(Some("PhumActLBW1")).localized(Locale::ENGLISH),
            "action PhumActLBW1 of rule \"Low birth weight\" (PhumRulLBW1) could not be run: unsupported action: \
             messages are sent by the server, not the app"
        );
        assert!(error(None).to_string().starts_with("Rule Low birth weight with id PhumRulLBW1 executed for EVENT"));
    }

    #[test]
    fn every_load_error_variant_renders_in_both_languages() {
        use super::super::load::LoadError;
        use crate::model::Uid;
        let uid = |s: &str| Uid::parse(s).unwrap();
        let samples = [
            LoadError::ProgramNotFound(uid("PhumImmProg")),
            LoadError::MissingAction { rule: uid("PhumRulLBW1"), action: uid("PhumActLBW1") },
            LoadError::Store(crate::store::StoreError::from(rusqlite::Error::QueryReturnedNoRows)),
        ];
        let name = |e: &LoadError| match e {
            LoadError::ProgramNotFound(_) => "ProgramNotFound",
            LoadError::MissingAction { .. } => "MissingAction",
            LoadError::Store(_) => "Store",
        };
        let names: BTreeSet<&str> = samples.iter().map(name).collect();
        assert_eq!(names, ["ProgramNotFound", "MissingAction", "Store"].into());
        samples.iter().for_each(|e| assert_renders_in_both(&e.message()));
    }
}
