//! What the screen shows: [`FormView`] with its sections (a data set section's totals), fields
//! (label, value type, visible options, mandatory, editable, hidden, value as stored and as
//! shown, warnings, errors, a data set cell's row and column) and form-level messages, all in the
//! session's [`Locale`]; and the labels of metadata objects in both languages.
//!
//! Labels: a metadata object's label is resolved for each language when the form opens
//! ([`Label`]): the FORM_NAME translation, then the NAME translation whose DHIS2 locale is in that
//! language (`km`, `km_KH`: [`Lang::matches_dhis2_locale`]), then the FORM_NAME and NAME as
//! written (the server's default language). A session keeps both, so switching the language
//! ([`FormSession::set_locale`](super::FormSession::set_locale)) re-renders without reading
//! metadata again.
//!
//! Every text of the view comes with its [`Message`] (id and arguments, for front ends that
//! render it themselves): catalogue messages for what Phum says (refusals, duplicates, failed
//! checks), and `form-rule-text` wrapping the text of a program rule (its content from metadata,
//! translated when the metadata has a CONTENT translation in the language, and its evaluated data),
//! so that every message has the same shape.
//!
//! Values: `value` is what is stored (ASCII, option codes, ISO dates); `shown` is what a person
//! reads: the option's label for option sets (each code of a MULTI_TEXT, joined with ", "), the
//! number in Khmer digits with a decimal comma when the reader chose Khmer digits, a date (DATE,
//! AGE, the date part of DATETIME) written in the language (`14 មីនា 2025`), times, phone numbers
//! and coordinates in the chosen digits, yes/no for BOOLEAN and TRUE_ONLY; other text as stored.
//!
//! Owns turning a session's metadata, values and applied rule outcome into a view, and the label
//! choice. Does not own rules or saving.

use serde::Serialize;

use super::{FieldSpec, FormSession, Kind};
use crate::expr::value::parse_iso_date;
use crate::i18n::{
    format_date, format_period, name_in, render, show_digits, show_number, translation, Lang, Locale, Localize, Message,
};
use crate::model::{Identity, Period, ValueType};
use crate::msg;
use crate::rules::outcome::RuleText;

/// Which of the three kinds a form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FormKind {
    Event,
    Registration,
    DataSet,
}

/// A message with its text in the session's language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LocalizedText {
    /// The message id and its arguments.
    pub message: Message,
    /// The message in the session's locale.
    pub text: String,
}

impl LocalizedText {
    pub(crate) fn new(message: Message, locale: Locale) -> LocalizedText {
        let text = render(&message, locale);
        LocalizedText { message, text }
    }
}

/// Tests and front ends compare a text with what they expect to read.
impl PartialEq<&str> for LocalizedText {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
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
    /// The stored value: ASCII digits, option codes, ISO dates.
    pub value: Option<String>,
    /// The value as a person reads it in the session's locale (see the module comment).
    pub shown: Option<String>,
    pub warnings: Vec<LocalizedText>,
    pub errors: Vec<LocalizedText>,
    /// A data set cell's place in the grid (its row and column), so that a screen lays the grid
    /// out without taking `label` apart; `None` for the fields of other forms.
    pub cell: Option<GridCell>,
}

/// Where a data set's cell sits: the row of its data element and the column of its category
/// option combo, in the session's language. `label` says the same in one text
/// ("Children under 2 (Male)").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GridCell {
    /// The data element's form name.
    pub row: String,
    /// The category option combo's label; `None` for the default combo (a data element without
    /// categories, one cell on its row).
    pub column: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SectionView {
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FormMessage {
    pub kind: MessageKind,
    /// For texts: the panel (`feedback`, `indicators`).
    pub location: Option<String>,
    /// The message id and its arguments (`form-rule-text` for a program rule's own text).
    pub message: Message,
    /// The message in the session's locale.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FormView {
    pub kind: FormKind,
    /// The stored record, as data (kind and UID, or a data set form's key).
    pub record: super::RecordRef,
    /// The language and digits the view is rendered in.
    pub locale: Locale,
    pub title: String,
    pub sections: Vec<SectionView>,
    pub fields: Vec<FieldView>,
    pub messages: Vec<FormMessage>,
    /// False when rules block completion (SHOWERROR on a shown field, ERRORONCOMPLETE).
    pub can_complete: bool,
    pub completed: bool,
    /// Why the form cannot be changed (a closed period, a closed enrollment), if so.
    pub read_only_reason: Option<LocalizedText>,
    /// Practice data of the demo account: never sent anywhere.
    pub demo: bool,
}

/// A metadata label in each language the app speaks, resolved when the form opens.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Label {
    en: String,
    km: String,
}

impl Label {
    /// The label made by `make` for each language.
    pub(crate) fn each(mut make: impl FnMut(Lang) -> String) -> Label {
        Label { en: make(Lang::En), km: make(Lang::Km) }
    }

    /// The same text in every language (a name no translation can change).
    #[cfg(test)]
    pub(crate) fn plain(text: &str) -> Label {
        Label { en: text.to_string(), km: text.to_string() }
    }

    /// A field label: the translated FORM_NAME, then the translated NAME, then the FORM_NAME and
    /// NAME as written.
    pub(crate) fn form_name(identity: &Identity) -> Label {
        Label::each(|lang| {
            translation(&identity.translations, "FORM_NAME", lang)
                .or_else(|| translation(&identity.translations, "NAME", lang))
                .or(identity.form_name.as_deref())
                .unwrap_or(&identity.name)
                .to_string()
        })
    }

    /// The translated NAME (not FORM_NAME) of an object: option, org unit, program, section
    /// titles; the NAME as written without a translation.
    pub(crate) fn name(identity: &Identity) -> Label {
        Label::each(|lang| name_in(identity, lang))
    }

    pub(crate) fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Km => &self.km,
        }
    }
}

/// A form's title, made from its metadata's labels.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Title {
    Event { program: Label, stage: Label },
    Registration { program: Label },
    DataSet { data_set: Label, period: Period, org_unit: Label },
}

impl Title {
    /// The labels in `locale`, joined with " - " (names only, no words of the app's own); a
    /// data set's period as the language writes it (`មីនា 2025`).
    fn text(&self, locale: Locale) -> String {
        let lang = locale.lang;
        match self {
            Title::Event { program, stage } => format!("{} - {}", program.get(lang), stage.get(lang)),
            Title::Registration { program } => program.get(lang).to_string(),
            Title::DataSet { data_set, period, org_unit } => {
                format!("{} - {} - {}", data_set.get(lang), format_period(period, locale), org_unit.get(lang))
            }
        }
    }
}

/// The value of a field as a person reads it (see the module comment).
pub(crate) fn shown_value(f: &FieldSpec, value: &str, locale: Locale) -> String {
    use ValueType::*;
    let digits = locale.khmer_digits;
    if !f.options.is_empty() {
        let label = |code: &str| {
            f.options.iter().find(|o| o.code == code).map_or(code.to_string(), |o| o.label.get(locale.lang).to_string())
        };
        return match f.value_type {
            MultiText => value.split(',').map(label).collect::<Vec<_>>().join(", "),
            _ => label(value),
        };
    }
    match f.value_type {
        t if t.is_numeric() => show_number(value, digits),
        Date | Age => parse_iso_date(value).map_or_else(|| show_digits(value, digits), |d| format_date(d, locale)),
        DateTime => match (value.get(..10).and_then(parse_iso_date), value.get(10..)) {
            (Some(d), Some(rest)) => {
                let time = rest.trim_start_matches(['T', ' ']);
                let date = format_date(d, locale);
                if time.is_empty() {
                    date
                } else {
                    format!("{date} {}", show_digits(time, digits))
                }
            }
            _ => show_digits(value, digits),
        },
        Time | PhoneNumber | Coordinate => show_digits(value, digits),
        Boolean | TrueOnly => match value {
            "true" => render(&Message::new("form-value-yes"), locale),
            "false" => render(&Message::new("form-value-no"), locale),
            _ => value.to_string(),
        },
        _ => value.to_string(),
    }
}

/// The message of a program rule's text: its content in `lang` when the metadata translates it
/// (else as written), then its data ([`rule_data`]), joined as the app joins them.
pub(crate) fn rule_message(s: &FormSession, t: &RuleText, locale: Locale) -> Message {
    let content = s.rule_contents.get(&t.action).map(|l| l.get(locale.lang)).unwrap_or(&t.content);
    msg!("form-rule-text", text = RuleText::join(content, &rule_data(&t.data, locale)))
}

/// A rule text's data as the reader reads it: a number in their digits, a date (an expression
/// such as `d2:addDays(V{event_date}, 28)` gives `2027-01-02`) as their language writes dates,
/// anything else as the rule gave it. Android Capture shows the data as it comes; a health
/// worker reads dates in words everywhere else in Phum.
fn rule_data(data: &str, locale: Locale) -> String {
    if data.parse::<f64>().is_ok() && data.bytes().all(|b| b.is_ascii_digit() || b"-.".contains(&b)) {
        show_number(data, locale.khmer_digits)
    } else if let Some(date) = parse_iso_date(data) {
        format_date(date, locale)
    } else {
        data.to_string()
    }
}

pub(crate) fn build(s: &FormSession) -> FormView {
    let locale = s.locale;
    let lang = locale.lang;
    let o = &s.outcome;
    let texts = |list: Option<&Vec<RuleText>>| -> Vec<LocalizedText> {
        list.into_iter().flatten().map(|t| LocalizedText::new(rule_message(s, t, locale), locale)).collect()
    };
    let fields: Vec<FieldView> = s
        .fields
        .iter()
        .map(|f| {
            let hidden_options = o.hidden_options.get(&f.key);
            let value = s.values.get(&f.key).cloned();
            FieldView {
                uid: f.key.clone(),
                label: f.label.get(lang).to_string(),
                value_type: f.value_type,
                section: f.section.clone(),
                options: f
                    .options
                    .iter()
                    .filter(|opt| !hidden_options.is_some_and(|h| h.contains(&opt.uid)))
                    .map(|opt| OptionView { code: opt.code.clone(), label: opt.label.get(lang).to_string() })
                    .collect(),
                mandatory: f.mandatory || o.mandatory.contains(&f.key),
                editable: !f.greyed && !o.read_only.contains(&f.key) && !s.completed && s.locked.is_none(),
                hidden: o.hidden_fields.contains(&f.key),
                shown: value.as_deref().map(|v| shown_value(f, v, locale)),
                value,
                warnings: texts(o.warnings.get(&f.key)),
                errors: texts(o.errors.get(&f.key)),
                cell: f.cell.as_ref().map(|c| GridCell {
                    row: c.row.get(lang).to_string(),
                    column: c.column.as_ref().map(|l| l.get(lang).to_string()),
                }),
            }
        })
        .collect();
    let sections = s
        .sections
        .iter()
        .map(|sec| SectionView {
            uid: sec.uid.clone(),
            label: sec.label.get(lang).to_string(),
            hidden: o.hidden_sections.contains(&sec.uid),
            fields: sec.fields.clone(),
            row_totals: sec.row_totals,
            column_totals: sec.column_totals,
        })
        .collect();
    let mut messages = Vec::new();
    let said = |kind, location: Option<String>, message: Message| {
        let text = render(&message, locale);
        FormMessage { kind, location, message, text }
    };
    let rule = |t: &RuleText| rule_message(s, t, locale);
    messages.extend(o.form_warnings.iter().map(|t| said(MessageKind::Warning, None, rule(t))));
    messages.extend(o.form_errors.iter().map(|t| said(MessageKind::Error, None, rule(t))));
    messages.extend(o.display_texts.iter().map(|t| said(MessageKind::Text, Some(t.location.clone()), rule(&t.text))));
    messages.extend(o.messages_on_complete.iter().map(|t| said(MessageKind::OnComplete, None, rule(t))));
    messages.extend(s.rule_failures.iter().map(|m| said(MessageKind::RuleFailure, None, m.clone())));
    messages.extend(s.duplicate_hints.iter().map(|m| said(MessageKind::PossibleDuplicate, None, m.clone())));
    messages.extend(s.checks_not_made.iter().map(|m| said(MessageKind::CheckFailed, None, m.clone())));
    let kind = match s.kind {
        Kind::Event(_) => FormKind::Event,
        Kind::Registration(_) => FormKind::Registration,
        Kind::DataSet(_) => FormKind::DataSet,
    };
    FormView {
        kind,
        record: s.record.clone(),
        locale,
        title: s.title.text(locale),
        sections,
        fields,
        messages,
        can_complete: o.can_complete,
        completed: s.completed,
        read_only_reason: s.locked.as_ref().map(|l| LocalizedText::new(l.error().message(), locale)),
        demo: s.demo,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::OptionSpec;

    fn spec(value_type: ValueType, options: &[(&str, &str, &str)]) -> FieldSpec {
        FieldSpec {
            key: "f".into(),
            label: Label::plain("F"),
            value_type,
            options: options
                .iter()
                .map(|(code, en, km)| OptionSpec {
                    uid: format!("o{code}"),
                    code: code.to_string(),
                    label: Label::each(|l| if l == Lang::En { en.to_string() } else { km.to_string() }),
                })
                .collect(),
            mandatory: false,
            allow_future_date: false,
            section: None,
            greyed: false,
            cell: None,
            unique: false,
        }
    }

    #[test]
    fn a_rule_texts_data_is_shown_with_the_readers_digits_and_dates() {
        let km_digits = Locale::new(Lang::Km, true);
        assert_eq!(rule_data("2027-01-02", Locale::ENGLISH), "2 January 2027");
        assert!(rule_data("2027-01-02", km_digits).contains("២០២៧"), "{}", rule_data("2027-01-02", km_digits));
        assert_eq!(rule_data("27.5", km_digits), "២៧,៥");
        assert_eq!(rule_data("Refer today", km_digits), "Refer today");
    }

    #[test]
    fn values_are_shown_in_the_readers_language_and_digits() {
        use ValueType::*;
        let km_digits = Locale::new(Lang::Km, true);
        let shown = |t, v, l| shown_value(&spec(t, &[]), v, l);
        assert_eq!(shown(Integer, "-12", km_digits), "-១២");
        assert_eq!(shown(Number, "12.5", Locale::KHMER), "12.5", "Khmer without Khmer digits keeps ASCII");
        assert_eq!(shown(Date, "2025-03-14", km_digits), "១៤ មីនា ២០២៥");
        assert_eq!(shown(Age, "2025-03-14", Locale::ENGLISH), "14 March 2025");
        assert_eq!(shown(DateTime, "2025-03-14T08:30", km_digits), "១៤ មីនា ២០២៥ ០៨:៣០");
        assert_eq!(shown(PhoneNumber, "012 345 678", km_digits), "០១២ ៣៤៥ ៦៧៨");
        assert_eq!(shown(Boolean, "true", Locale::KHMER), "បាទ/ចាស");
        assert_eq!(shown(TrueOnly, "true", Locale::ENGLISH), "Yes");
        assert_eq!(shown(Boolean, "false", Locale::ENGLISH), "No");
        assert_eq!(shown(Text, "Phum 12", km_digits), "Phum 12", "text is shown as typed");
        let sex = spec(Text, &[("M", "Male", "ប្រុស"), ("F", "Female", "ស្រី")]);
        assert_eq!(shown_value(&sex, "F", Locale::KHMER), "ស្រី");
        assert_eq!(shown_value(&sex, "X", Locale::KHMER), "X", "an unknown code is shown as stored");
        let vaccines = spec(MultiText, &[("BCG", "BCG", "បេ.សេ.ហ្សេ"), ("OPV", "Polio", "ប៉ូលីយ៉ូ")]);
        assert_eq!(shown_value(&vaccines, "BCG,OPV", Locale::ENGLISH), "BCG, Polio");
    }
}
