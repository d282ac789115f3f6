//! The plain records that cross to Kotlin, made from the core's views: a form's view and its
//! changes, texts with their message id, and the kind + UID of a stored record.
//!
//! Every text a person reads is already in the user's language; every record is named by kind
//! and UID (never by display text); DHIS2's own enumerations (value types, statuses) cross as the
//! names DHIS2 gives them (`INTEGER_POSITIVE`, `ACTIVE`), dates as ISO dates (`2026-12-05`).
//!
//! Owns the shapes and the conversions. Does not own what they say (the core's views).

use std::collections::HashMap;

use phum_core::form::{self, FormChanges, FormKind, MessageKind, RecordRef};
use phum_core::i18n::{Locale, Localize, Message};

use crate::error::arg_text;

/// A message of the core: its Fluent id, its arguments as text, and the whole text in the user's
/// language.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Text {
    pub id: String,
    pub args: HashMap<String, String>,
    pub text: String,
}

impl Text {
    pub(crate) fn of(message: &Message, locale: Locale) -> Text {
        Text::rendered(message, &message.render(locale), locale)
    }

    /// A message the core has already rendered in `locale` (a form's texts): its text as it is,
    /// only the arguments rendered here.
    fn rendered(message: &Message, text: &str, locale: Locale) -> Text {
        Text {
            id: message.id.to_string(),
            args: message.args.iter().map(|(n, a)| (n.to_string(), arg_text(a, locale))).collect(),
            text: text.to_string(),
        }
    }

    fn localized(t: &form::LocalizedText, locale: Locale) -> Text {
        Text::rendered(&t.message, &t.text, locale)
    }

    pub(crate) fn said(thing: &impl Localize, locale: Locale) -> Text {
        Text::of(&thing.message(), locale)
    }
}

/// A stored record, by kind and UID.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum Record {
    Event {
        uid: String,
    },
    /// An enrollment and its person.
    Enrollment {
        uid: String,
        tracked_entity: String,
    },
    /// A data set's report for one org unit, period (ISO, `202611`) and attribute option combo.
    DataSetForm {
        data_set: String,
        period: String,
        org_unit: String,
        attribute_option_combo: String,
    },
}

impl From<&RecordRef> for Record {
    fn from(r: &RecordRef) -> Record {
        match r {
            RecordRef::Event(uid) => Record::Event { uid: uid.to_string() },
            RecordRef::Enrollment { enrollment, tracked_entity } => {
                Record::Enrollment { uid: enrollment.to_string(), tracked_entity: tracked_entity.to_string() }
            }
            RecordRef::DataSetForm { data_set, period, org_unit, attribute_option_combo } => Record::DataSetForm {
                data_set: data_set.to_string(),
                period: period.clone(),
                org_unit: org_unit.to_string(),
                attribute_option_combo: attribute_option_combo.to_string(),
            },
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum FormType {
    Event,
    Registration,
    DataSet,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum FormMessageKind {
    /// A rule's warning on no field of the form.
    Warning,
    /// A rule's error on no field of the form.
    Error,
    /// A rule's text for a panel (`location`: `feedback`, `indicators`).
    Text,
    /// Shown when the user completes (WARNINGONCOMPLETE, ERRORONCOMPLETE).
    OnComplete,
    /// A rule that could not be evaluated.
    RuleFailure,
    /// A person already on the device may be the one being registered.
    PossibleDuplicate,
    /// Advice read after a save could not be read (the value is saved).
    CheckFailed,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct OptionItem {
    /// What is stored.
    pub code: String,
    pub label: String,
}

/// One field of a form.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Field {
    /// The key `set_value` takes: the data element or attribute UID, `deUid.cocUid` for a cell of
    /// a data set, `EVENT_DATE`, `ENROLLMENT_DATE`, `INCIDENT_DATE` for a record's dates.
    pub key: String,
    pub label: String,
    /// DHIS2's value type: `TEXT`, `INTEGER_POSITIVE`, `DATE`, `BOOLEAN`, ...
    pub value_type: String,
    pub section: Option<String>,
    /// The options that may be chosen now (rule-hidden ones left out); empty without an option set.
    pub options: Vec<OptionItem>,
    pub mandatory: bool,
    pub editable: bool,
    pub hidden: bool,
    /// As stored: ASCII digits, option codes, ISO dates.
    pub value: Option<String>,
    /// As a person reads it in the form's language and digits.
    pub shown: Option<String>,
    pub warnings: Vec<Text>,
    pub errors: Vec<Text>,
    /// A data set cell's row: its data element's name; `None` for the fields of other forms.
    pub row: Option<String>,
    /// A data set cell's column: its category option combo's label; `None` for the default
    /// combo (a data element without categories) and for the fields of other forms.
    pub column: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Section {
    pub uid: String,
    pub label: String,
    pub hidden: bool,
    /// Field keys, in form order.
    pub fields: Vec<String>,
    /// A data set section shows each row's total over its columns (DHIS2's `showRowTotals`).
    pub row_totals: bool,
    /// A data set section shows each column's total over its rows (`showColumnTotals`).
    pub column_totals: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FormMessage {
    pub kind: FormMessageKind,
    /// For rule texts: the panel.
    pub location: Option<String>,
    pub text: Text,
}

/// What a form shows.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FormView {
    pub form_type: FormType,
    pub record: Record,
    /// `km` or `en`: the language the view is in.
    pub language: String,
    pub khmer_digits: bool,
    pub title: String,
    pub sections: Vec<Section>,
    pub fields: Vec<Field>,
    pub messages: Vec<FormMessage>,
    /// False while rules block completion.
    pub can_complete: bool,
    pub completed: bool,
    /// Why the form cannot be changed (a closed period, a closed enrollment), if so.
    pub read_only_reason: Option<Text>,
    /// Practice data of the demo, never sent.
    pub demo: bool,
}

/// What one call changed in a form.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FormUpdate {
    /// Fields whose state changed, in their new state.
    pub fields: Vec<Field>,
    pub sections: Vec<Section>,
    pub messages_added: Vec<FormMessage>,
    pub messages_removed: Vec<FormMessage>,
    /// The new `can_complete`, when it changed.
    pub can_complete: Option<bool>,
    /// True when this call completed the form.
    pub completed: Option<bool>,
}

/// One reason completing is refused, with the field to jump to when there is one.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Refusal {
    /// The empty or wrong field; for a violated validation rule, the first cell it reads (its
    /// left side's first).
    pub field: Option<String>,
    pub text: Text,
}

/// The answer to `complete`: completed (with what changed), or refused with every reason.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Completion {
    pub completed: bool,
    pub update: FormUpdate,
    pub refusals: Vec<Refusal>,
}

impl Field {
    pub(crate) fn of(f: &form::FieldView, locale: Locale) -> Field {
        Field {
            key: f.uid.clone(),
            label: f.label.clone(),
            value_type: f.value_type.as_str().to_string(),
            section: f.section.clone(),
            options: f.options.iter().map(|o| OptionItem { code: o.code.clone(), label: o.label.clone() }).collect(),
            mandatory: f.mandatory,
            editable: f.editable,
            hidden: f.hidden,
            value: f.value.clone(),
            shown: f.shown.clone(),
            warnings: f.warnings.iter().map(|t| Text::localized(t, locale)).collect(),
            errors: f.errors.iter().map(|t| Text::localized(t, locale)).collect(),
            row: f.cell.as_ref().map(|c| c.row.clone()),
            column: f.cell.as_ref().and_then(|c| c.column.clone()),
        }
    }
}

impl From<&form::SectionView> for Section {
    fn from(s: &form::SectionView) -> Section {
        Section {
            uid: s.uid.clone(),
            label: s.label.clone(),
            hidden: s.hidden,
            fields: s.fields.clone(),
            row_totals: s.row_totals,
            column_totals: s.column_totals,
        }
    }
}

impl FormMessage {
    pub(crate) fn of(m: &form::FormMessage, locale: Locale) -> FormMessage {
        let kind = match m.kind {
            MessageKind::Warning => FormMessageKind::Warning,
            MessageKind::Error => FormMessageKind::Error,
            MessageKind::Text => FormMessageKind::Text,
            MessageKind::OnComplete => FormMessageKind::OnComplete,
            MessageKind::RuleFailure => FormMessageKind::RuleFailure,
            MessageKind::PossibleDuplicate => FormMessageKind::PossibleDuplicate,
            MessageKind::CheckFailed => FormMessageKind::CheckFailed,
        };
        FormMessage { kind, location: m.location.clone(), text: Text::rendered(&m.message, &m.text, locale) }
    }
}

impl FormView {
    pub(crate) fn of(v: &form::FormView) -> FormView {
        let locale = v.locale;
        FormView {
            form_type: match v.kind {
                FormKind::Event => FormType::Event,
                FormKind::Registration => FormType::Registration,
                FormKind::DataSet => FormType::DataSet,
            },
            record: Record::from(&v.record),
            language: v.locale.lang.code().to_string(),
            khmer_digits: v.locale.khmer_digits,
            title: v.title.clone(),
            sections: v.sections.iter().map(Section::from).collect(),
            fields: v.fields.iter().map(|f| Field::of(f, locale)).collect(),
            messages: v.messages.iter().map(|m| FormMessage::of(m, locale)).collect(),
            can_complete: v.can_complete,
            completed: v.completed,
            read_only_reason: v.read_only_reason.as_ref().map(|t| Text::localized(t, locale)),
            demo: v.demo,
        }
    }
}

impl FormUpdate {
    pub(crate) fn of(c: &FormChanges, locale: Locale) -> FormUpdate {
        FormUpdate {
            fields: c.fields.iter().map(|f| Field::of(f, locale)).collect(),
            sections: c.sections.iter().map(Section::from).collect(),
            messages_added: c.messages_added.iter().map(|m| FormMessage::of(m, locale)).collect(),
            messages_removed: c.messages_removed.iter().map(|m| FormMessage::of(m, locale)).collect(),
            can_complete: c.can_complete,
            completed: c.completed,
        }
    }
}

impl Refusal {
    pub(crate) fn of(r: &form::Refusal, locale: Locale) -> Refusal {
        let field = match r {
            form::Refusal::MandatoryEmpty { field, .. } | form::Refusal::FieldError { field, .. } => {
                Some(field.clone())
            }
            form::Refusal::ValidationRule { fields, .. } => fields.first().cloned(),
            form::Refusal::FormError { .. } | form::Refusal::ErrorOnComplete { .. } => None,
        };
        Refusal { field, text: Text::said(r, locale) }
    }
}
