//! What the screen shows: [`FormView`] with its sections, fields (label, value type, visible
//! options, mandatory, editable, hidden, value, warnings, errors) and form-level messages; and the
//! labels of metadata objects by locale.
//!
//! Owns turning a session's metadata, values and applied rule outcome into a view, and the label
//! choice: the translated FORM_NAME, then the translated NAME, then the FORM_NAME and NAME as
//! written (a Khmer user sees Khmer whenever the server has any Khmer label). Does not own rules
//! or saving.

use serde::Serialize;

use super::{FormSession, Kind};
use crate::model::{Identity, ValueType};

/// Which of the three kinds a form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FormKind {
    Event,
    Registration,
    DataSet,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OptionView {
    /// What is stored.
    pub code: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldView {
    /// Data element or attribute UID, or `deUid.cocUid` for a data set cell.
    pub uid: String,
    pub label: String,
    pub value_type: ValueType,
    pub section: Option<String>,
    /// The options that may be chosen now (rule-hidden options left out); empty without an option set.
    pub options: Vec<OptionView>,
    pub mandatory: bool,
    pub editable: bool,
    pub hidden: bool,
    pub value: Option<String>,
    pub warnings: Vec<String>,
    pub errors: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionView {
    pub uid: String,
    pub label: String,
    pub hidden: bool,
    /// Field keys, in form order.
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    /// SHOWWARNING on no field of the form.
    Warning,
    /// SHOWERROR on no field of the form.
    Error,
    /// DISPLAYTEXT / DISPLAYKEYVALUEPAIR (`location` in `field`).
    Text,
    /// WARNINGONCOMPLETE / ERRORONCOMPLETE.
    OnComplete,
    /// A rule that could not be evaluated.
    RuleFailure,
    /// A person already stored may be the one being registered (same name and birth date, or
    /// same phone).
    PossibleDuplicate,
    /// Advice that is read after a value is saved (possible duplicates) could not be read: the
    /// value is saved, the advice is missing.
    CheckFailed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FormMessage {
    pub kind: MessageKind,
    /// For texts: the panel (`feedback`, `indicators`).
    pub location: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FormView {
    pub kind: FormKind,
    /// The stored record, as data (kind and UID, or a data set form's key).
    pub record: super::RecordRef,
    pub title: String,
    pub sections: Vec<SectionView>,
    pub fields: Vec<FieldView>,
    pub messages: Vec<FormMessage>,
    /// False when rules block completion (SHOWERROR on a shown field, ERRORONCOMPLETE).
    pub can_complete: bool,
    pub completed: bool,
    /// Why the form cannot be changed (a closed period), if so.
    pub read_only_reason: Option<String>,
    /// Practice data of the demo account: never sent anywhere.
    pub demo: bool,
}

/// The label of a metadata object for `locale`.
pub(crate) fn label(identity: &Identity, locale: Option<&str>) -> String {
    if let Some(l) = locale {
        if let Some(t) = identity.translation("FORM_NAME", l).or_else(|| identity.translation("NAME", l)) {
            return t.to_string();
        }
    }
    identity.form_name.clone().unwrap_or_else(|| identity.name.clone())
}

/// The translated NAME (not FORM_NAME) of an object: option, org unit, program, section titles.
pub(crate) fn name(identity: &Identity, locale: Option<&str>) -> String {
    locale.and_then(|l| identity.translation("NAME", l)).map(str::to_string).unwrap_or_else(|| identity.name.clone())
}

pub(crate) fn build(s: &FormSession) -> FormView {
    let o = &s.outcome;
    let fields: Vec<FieldView> = s
        .fields
        .iter()
        .map(|f| {
            let hidden_options = o.hidden_options.get(&f.key);
            FieldView {
                uid: f.key.clone(),
                label: f.label.clone(),
                value_type: f.value_type,
                section: f.section.clone(),
                options: f
                    .options
                    .iter()
                    .filter(|opt| !hidden_options.is_some_and(|h| h.contains(&opt.uid)))
                    .map(|opt| OptionView { code: opt.code.clone(), label: opt.label.clone() })
                    .collect(),
                mandatory: f.mandatory || o.mandatory.contains(&f.key),
                editable: !f.greyed && !o.read_only.contains(&f.key) && !s.completed && s.locked.is_none(),
                hidden: o.hidden_fields.contains(&f.key),
                value: s.values.get(&f.key).cloned(),
                warnings: o.warnings.get(&f.key).cloned().unwrap_or_default(),
                errors: o.errors.get(&f.key).cloned().unwrap_or_default(),
            }
        })
        .collect();
    let sections = s
        .sections
        .iter()
        .map(|sec| SectionView {
            uid: sec.uid.clone(),
            label: sec.label.clone(),
            hidden: o.hidden_sections.contains(&sec.uid),
            fields: sec.fields.clone(),
        })
        .collect();
    let mut messages = Vec::new();
    let msg = |kind, location: Option<String>, text: &str| FormMessage { kind, location, text: text.to_string() };
    messages.extend(o.form_warnings.iter().map(|t| msg(MessageKind::Warning, None, t)));
    messages.extend(o.form_errors.iter().map(|t| msg(MessageKind::Error, None, t)));
    messages.extend(o.display_texts.iter().map(|t| {
        let text = match (t.content.is_empty(), t.data.is_empty()) {
            (false, false) => format!("{} {}", t.content, t.data),
            (false, true) => t.content.clone(),
            (true, _) => t.data.clone(),
        };
        msg(MessageKind::Text, Some(t.location.clone()), &text)
    }));
    messages.extend(o.messages_on_complete.iter().map(|t| msg(MessageKind::OnComplete, None, t)));
    messages.extend(s.rule_failures.iter().map(|t| msg(MessageKind::RuleFailure, None, t)));
    messages.extend(s.duplicate_hints.iter().map(|t| msg(MessageKind::PossibleDuplicate, None, t)));
    messages.extend(s.checks_not_made.iter().map(|t| msg(MessageKind::CheckFailed, None, t)));
    let kind = match s.kind {
        Kind::Event(_) => FormKind::Event,
        Kind::Registration(_) => FormKind::Registration,
        Kind::DataSet(_) => FormKind::DataSet,
    };
    FormView {
        kind,
        record: s.record.clone(),
        title: s.title.clone(),
        sections,
        fields,
        messages,
        can_complete: o.can_complete,
        completed: s.completed,
        read_only_reason: s.locked.as_ref().map(|l| l.error().to_string()),
        demo: s.demo,
    }
}
