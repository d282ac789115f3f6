//! What changed between two views of one form: the fields and sections whose state differs
//! (value, options, hidden, editable, mandatory, warnings, errors), the messages that appeared or
//! went, and whether completion became possible or impossible.
//!
//! Owns the diff. Does not own building views (`view`).

use serde::Serialize;

use super::view::{FieldView, FormMessage, FormView, SectionView};

/// Only what changed after one call.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct FormChanges {
    /// Fields whose state changed, in their new state (in form order).
    pub fields: Vec<FieldView>,
    pub sections: Vec<SectionView>,
    pub messages_added: Vec<FormMessage>,
    pub messages_removed: Vec<FormMessage>,
    /// The new value of `can_complete` when it changed.
    pub can_complete: Option<bool>,
    /// `Some(true)` when the form was completed by this call.
    pub completed: Option<bool>,
}

impl FormChanges {
    pub fn is_empty(&self) -> bool {
        *self == FormChanges::default()
    }

    /// The changed field with this key, if it changed.
    pub fn field(&self, key: &str) -> Option<&FieldView> {
        self.fields.iter().find(|f| f.uid == key)
    }
}

pub(crate) fn diff(before: &FormView, after: &FormView) -> FormChanges {
    let fields = after.fields.iter().filter(|f| !before.fields.contains(f)).cloned().collect();
    let sections = after.sections.iter().filter(|s| !before.sections.contains(s)).cloned().collect();
    let messages_added = after.messages.iter().filter(|m| !before.messages.contains(m)).cloned().collect();
    let messages_removed = before.messages.iter().filter(|m| !after.messages.contains(m)).cloned().collect();
    FormChanges {
        fields,
        sections,
        messages_added,
        messages_removed,
        can_complete: (before.can_complete != after.can_complete).then_some(after.can_complete),
        completed: (before.completed != after.completed).then_some(after.completed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::view::{FormKind, MessageKind};
    use crate::model::ValueType;

    fn field(uid: &str, value: Option<&str>) -> FieldView {
        FieldView {
            uid: uid.into(),
            label: uid.into(),
            value_type: ValueType::Text,
            section: None,
            options: vec![],
            mandatory: false,
            editable: true,
            hidden: false,
            value: value.map(str::to_string),
            shown: value.map(str::to_string),
            warnings: vec![],
            errors: vec![],
            cell: None,
        }
    }

    fn view(fields: Vec<FieldView>, messages: Vec<&str>) -> FormView {
        FormView {
            kind: FormKind::Event,
            record: crate::form::RecordRef::Event(crate::model::Uid::parse("PhumEvent01").unwrap()),
            locale: crate::i18n::Locale::ENGLISH,
            title: "t".into(),
            sections: vec![],
            fields,
            messages: messages
                .into_iter()
                .map(|t| FormMessage {
                    kind: MessageKind::Warning,
                    location: None,
                    message: crate::msg!("form-rule-text", text = t),
                    text: t.into(),
                })
                .collect(),
            can_complete: true,
            completed: false,
            read_only_reason: None,
            demo: false,
        }
    }

    #[test]
    fn only_changed_fields_and_messages_are_reported() {
        let before = view(vec![field("a", None), field("b", Some("1"))], vec!["old", "kept"]);
        let after = view(vec![field("a", Some("x")), field("b", Some("1"))], vec!["kept", "new"]);
        let c = diff(&before, &after);
        assert_eq!(c.fields.iter().map(|f| f.uid.as_str()).collect::<Vec<_>>(), ["a"]);
        assert_eq!(c.messages_added[0].text, "new");
        assert_eq!(c.messages_removed[0].text, "old");
        assert_eq!(c.can_complete, None);
        assert!(diff(&after, &after).is_empty());
    }
}
