//! Filling one form with the trainee: the fields by label, numbered; a value typed or chosen from
//! numbered options; after each value, what the program rules said (warnings, errors, values
//! they filled in) in the reader's language; completing, with every reason a completion is
//! refused. Serves registrations, visits and the monthly report alike: everything it shows comes
//! from the core's [`FormView`] and [`FormChanges`].
//!
//! Never shows a UID: a core error that names a field is told with the field's label
//! ([`problem`]); a possible duplicate is told without the other person's record.
//!
//! Owns the form dialogue. Does not own which form is opened (the steps) or what a value means
//! (the core).

use phum_core::form::{
    FieldView, FormChanges, FormError, FormKind, FormMessage, FormSession, FormView, MessageKind, Refusal,
};
use phum_core::i18n::{Lang, Locale, Localize, Message, ScreenText};
use phum_core::model::digits::ascii_digits;
use phum_core::model::ValueType;
use phum_core::msg;

use super::prompt::NoAnswer;
use super::screen::{width, Tone, WIDTH};
use super::{Demo, Ui};

/// How a form dialogue ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filled {
    Completed,
    /// Back to the menu; every value typed is saved already.
    Left,
}

/// The trainee fills `session` until it is completed or they go back. `title` makes the heading
/// instead of the form's own title (a report's: its village and period). The
/// choice after "complete" shows the form in the other language at once (the session re-renders
/// its view; nothing is reopened).
pub fn fill(
    ui: &mut Ui,
    demo: &mut Demo,
    session: &mut FormSession,
    title: Option<&dyn Fn(&Demo) -> Message>,
) -> Result<Filled, NoAnswer> {
    let mut first = true;
    loop {
        let view = session.view();
        ui.screen.blank();
        let heading = match title {
            Some(make) => ui.screen.text(&make(demo)),
            None => view.title.clone(),
        };
        ui.screen.write(Tone::Heading, 0, &heading);
        if std::mem::take(&mut first) {
            // What the rules say as the form opens (the child's age at this visit, ...).
            for message in &view.messages {
                show_message(ui, message);
            }
        }
        // Every shown field has a number, so that the numbers stay put when a rule fills a
        // field in and makes it read-only.
        let shown: Vec<&FieldView> = view.fields.iter().filter(|f| !f.hidden).collect();
        for (i, field) in shown.iter().enumerate() {
            // A section's name above its first field.
            let section = field.section.as_deref();
            if section.is_some() && (i == 0 || shown[i - 1].section.as_deref() != section) {
                if let Some(s) = view.sections.iter().find(|s| Some(s.uid.as_str()) == section) {
                    ui.screen.write(Tone::Heading, 2, &format!("[{}]", s.label));
                }
            }
            if view.kind == FormKind::DataSet {
                grid_cell(ui, &shown, i);
            } else {
                let line = field_line(ui, field);
                ui.screen.choice(i + 1, &line);
            }
            for warning in &field.warnings {
                ui.screen.write(Tone::Warning, 8, &warning.text);
            }
            for error in &field.errors {
                ui.screen.write(Tone::Error, 8, &error.text);
            }
        }
        let complete = shown.len() + 1;
        let text = ui.screen.text(&complete_label(&view));
        ui.screen.choice(complete, &text);
        let other = match demo.locale.lang {
            Lang::En => (Lang::Km, ScreenText::LanguageKhmer),
            Lang::Km => (Lang::En, ScreenText::LanguageEnglish),
        };
        let text = ui.screen.text(&msg!("demo-form-switch-language", language = other.1.message()));
        ui.screen.choice(complete + 1, &text);
        let text = ui.screen.text(&ScreenText::Back.message());
        ui.screen.choice(0, &text);
        let chosen = ui.prompter.number(&mut ui.screen, &Message::new("demo-form-choose"), complete + 1)?;
        if chosen == 0 {
            return Ok(Filled::Left);
        }
        if chosen == complete + 1 {
            let locale = Locale { lang: other.0, ..demo.locale };
            session.set_locale(locale);
            demo.switch_locale(locale);
            ui.screen.locale = locale;
            continue;
        }
        if chosen == complete {
            match session.complete(&mut demo.store) {
                Ok(changes) => {
                    for message in &changes.messages_added {
                        show_message(ui, message);
                    }
                    ui.screen.say(Tone::Good, &Message::new("demo-form-completed"));
                    return Ok(Filled::Completed);
                }
                Err(e) => {
                    let text = problem(&e, &view.fields, demo);
                    ui.screen.write(Tone::Error, 0, &text);
                }
            }
            continue;
        }
        let field = shown[chosen - 1].clone();
        if !field.editable {
            ui.screen.say(Tone::Quiet, &msg!("demo-field-read-only", field = &field.label));
            continue;
        }
        let value = ask_value(ui, &field, demo.ctx.today())?;
        match session.set_value(&mut demo.store, &field.uid, value.as_deref()) {
            Ok(changes) => show_changes(ui, &changes, &field.uid, &view.fields),
            Err(e) => {
                let text = problem(&e, &view.fields, demo);
                ui.screen.write(Tone::Error, 0, &text);
            }
        }
    }
}

/// "Complete", or "Mark as complete" for a report.
fn complete_label(view: &FormView) -> Message {
    match view.kind {
        FormKind::DataSet => ScreenText::CompleteReport.message(),
        _ => ScreenText::CompleteEvent.message(),
    }
}

/// The data element of a report's cell (`deUid.cocUid`).
fn data_element(field: &FieldView) -> Option<&str> {
    field.uid.split_once('.').map(|(de, _)| de)
}

/// A report's cells as a grid: a data element's name (the cell's row) on its own line, then its
/// cells by category (their columns: `9. Male: 28   10. Female: 30`) side by side as far as the
/// line allows. A data element without categories is one line as in other forms.
fn grid_cell(ui: &mut Ui, shown: &[&FieldView], i: usize) {
    let field = shown[i];
    let de = data_element(field);
    let same = |j: usize| shown.get(j).is_some_and(|f| de.is_some() && data_element(f) == de);
    let starts_row = i == 0 || !same(i - 1);
    if starts_row && !same(i + 1) {
        let line = field_line(ui, field);
        ui.screen.choice(i + 1, &line);
        return;
    }
    if !starts_row {
        return;
    }
    let mut end = i + 1;
    while same(end) {
        end += 1;
    }
    // The core gives each cell its row and column; a field without them is named by its label.
    let row = field.cell.as_ref().map_or(&field.label, |c| &c.row);
    let column = |f: &FieldView| f.cell.as_ref().and_then(|c| c.column.clone()).unwrap_or_else(|| f.label.clone());
    ui.screen.write(Tone::Plain, 2, row);
    let mut line = String::new();
    for (j, cell) in shown.iter().enumerate().take(end).skip(i) {
        let value = cell.value.as_ref().map_or_else(|| "-".to_string(), |v| shown_value(ui, cell, v));
        let text = ui.screen.text(&msg!("demo-field-value", field = column(cell), value = value));
        let cell = format!("{:>3}. {text}", ui.screen.digits(&(j + 1).to_string()));
        if !line.is_empty() && width(&line) + 2 + width(&cell) > WIDTH {
            ui.screen.write(Tone::Plain, 0, &std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push_str("  ");
        }
        line.push_str(&cell);
    }
    ui.screen.write(Tone::Plain, 0, &line);
}

/// `Label: value` (a mandatory empty field says so).
fn field_line(ui: &Ui, field: &FieldView) -> String {
    let value = match &field.value {
        Some(v) => shown_value(ui, field, v),
        None if field.mandatory => format!("({})", ui.screen.text(&ScreenText::Required.message())),
        None => "-".to_string(),
    };
    ui.screen.text(&msg!("demo-field-value", field = &field.label, value = value))
}

/// A stored value as the reader reads it: an option's label, yes/no, a date, digits.
pub fn shown_value(ui: &Ui, field: &FieldView, value: &str) -> String {
    if let Some(option) = field.options.iter().find(|o| o.code == value) {
        return option.label.clone();
    }
    match field.value_type {
        ValueType::Boolean | ValueType::TrueOnly => match value {
            "true" => ui.screen.text(&ScreenText::Yes.message()),
            "false" => ui.screen.text(&ScreenText::No.message()),
            other => other.to_string(),
        },
        ValueType::Date => match phum_core::expr::value::parse_iso_date(value) {
            Some(date) => ui.screen.date(date),
            None => value.to_string(),
        },
        _ => ui.screen.digits(value),
    }
}

/// The value for `field`: a numbered option, yes/no, or typed text (`None`: leave it empty).
fn ask_value(ui: &mut Ui, field: &FieldView, today: chrono::NaiveDate) -> Result<Option<String>, NoAnswer> {
    let choices: Vec<(String, String)> = if !field.options.is_empty() {
        field.options.iter().map(|o| (o.code.clone(), o.label.clone())).collect()
    } else {
        match field.value_type {
            ValueType::Boolean => vec![
                ("true".into(), ui.screen.text(&ScreenText::Yes.message())),
                ("false".into(), ui.screen.text(&ScreenText::No.message())),
            ],
            ValueType::TrueOnly => vec![("true".into(), ui.screen.text(&ScreenText::Yes.message()))],
            _ => Vec::new(),
        }
    };
    let question = msg!("demo-value-of", field = &field.label);
    if choices.is_empty() {
        let question = match field.value_type {
            ValueType::Date => msg!("demo-value-of-date", field = &field.label),
            _ => question,
        };
        let answer = ui.prompter.text(&mut ui.screen, &question)?;
        return Ok(Some(match field.value_type {
            ValueType::Date => relative_date(&answer, today).unwrap_or(answer),
            _ => answer,
        }));
    }
    for (i, (_, label)) in choices.iter().enumerate() {
        ui.screen.choice(i + 1, label);
    }
    let text = ui.screen.text(&ScreenText::ClearValue.message());
    ui.screen.choice(0, &text);
    let chosen = ui.prompter.number(&mut ui.screen, &question, choices.len())?;
    Ok(chosen.checked_sub(1).map(|i| choices[i].0.clone()))
}

/// `today`, `today-30` or `today+7` (days; in Khmer `ថ្ងៃនេះ-៣០`) as an ISO date; `None` for any
/// other answer. Lets a script (and a trainer) give dates relative to the day of the class, as
/// the practice data is.
pub fn relative_date(answer: &str, today: chrono::NaiveDate) -> Option<String> {
    let answer = answer.trim();
    let rest = answer.strip_prefix("today").or_else(|| answer.strip_prefix("ថ្ងៃនេះ"))?;
    let days: i64 = match rest {
        "" => 0,
        _ => {
            let (sign, number) = rest.split_at(1);
            let n: i64 = ascii_digits(number).parse().ok()?;
            match sign {
                "-" => -n,
                "+" => n,
                _ => return None,
            }
        }
    };
    let date = today.checked_add_signed(chrono::TimeDelta::days(days))?;
    Some(date.format("%Y-%m-%d").to_string())
}

/// What a change did: values the rules filled in (other than the `typed` field's, different from
/// the values `before`), the warnings and errors now on the changed fields, and the form's new
/// messages.
fn show_changes(ui: &mut Ui, changes: &FormChanges, typed: &str, before: &[FieldView]) {
    for field in &changes.fields {
        let old = before.iter().find(|f| f.uid == field.uid).and_then(|f| f.value.as_ref());
        if field.uid != typed && !field.hidden && field.value.as_ref() != old {
            if let Some(value) = &field.value {
                let value = shown_value(ui, field, value);
                let line = ui.screen.text(&msg!("demo-field-value", field = &field.label, value = value));
                ui.screen.write(Tone::Good, 2, &line);
            }
        }
        for warning in &field.warnings {
            let text = ui.screen.text(&msg!("demo-rule-warning", text = warning.text.as_str()));
            ui.screen.write(Tone::Warning, 2, &text);
        }
        for error in &field.errors {
            let text = ui.screen.text(&msg!("demo-rule-error", text = error.text.as_str()));
            ui.screen.write(Tone::Error, 2, &text);
        }
    }
    for message in &changes.messages_added {
        show_message(ui, message);
    }
}

fn show_message(ui: &mut Ui, message: &FormMessage) {
    let (tone, shown) = match message.kind {
        MessageKind::Warning | MessageKind::OnComplete => {
            (Tone::Warning, msg!("demo-rule-warning", text = message.text.as_str()))
        }
        MessageKind::Error => (Tone::Error, msg!("demo-rule-error", text = message.text.as_str())),
        MessageKind::Text => (Tone::Plain, msg!("demo-rule-text", text = message.text.as_str())),
        MessageKind::RuleFailure | MessageKind::CheckFailed => (Tone::Quiet, Message::new("demo-rule-failed")),
        MessageKind::PossibleDuplicate => (Tone::Warning, Message::new("demo-possible-duplicate")),
    };
    let text = ui.screen.text(&shown);
    ui.screen.write(tone, 2, &text);
}

/// A refused change or completion in the reader's words, the fields named by their labels.
pub fn problem(e: &FormError, fields: &[FieldView], demo: &Demo) -> String {
    let label = |key: &str| fields.iter().find(|f| f.uid == key).map_or_else(|| key.to_string(), |f| f.label.clone());
    let message = match e {
        FormError::InvalidValue { field, value, source } => {
            msg!("demo-invalid-value", field = label(field), value = value.as_str(), reason = source.message())
        }
        FormError::FutureDate { field, .. } => msg!("demo-future-date", field = label(field)),
        FormError::NotUnique { field, value, .. } => {
            msg!("demo-not-unique", field = label(field), value = value.as_str())
        }
        FormError::CompletionRefused { reasons, .. } => {
            let reasons: Vec<Message> = reasons.iter().map(|r| refusal(r, &label)).collect();
            msg!("demo-not-completed", reasons = reasons)
        }
        FormError::AlreadyCompleted { .. } => Message::new("demo-already-completed"),
        other => other.message(),
    };
    message.render(demo.locale)
}

fn refusal(r: &Refusal, label: &dyn Fn(&str) -> String) -> Message {
    match r {
        Refusal::MandatoryEmpty { label: name, .. } => msg!("demo-refusal-mandatory", field = name.as_str()),
        Refusal::FieldError { field, message, .. } => {
            msg!("demo-refusal-field", field = label(field), text = message.clone())
        }
        Refusal::FormError { message } | Refusal::ErrorOnComplete { message } => {
            msg!("demo-refusal-text", text = message.clone())
        }
        // The session names the rule and its instruction in the reader's language already.
        Refusal::ValidationRule { name, instruction, .. } => match instruction {
            Some(i) => msg!("demo-refusal-validation", rule = name, instruction = i),
            None => msg!("demo-refusal-text", text = name),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_dates_count_days_from_today() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert_eq!(relative_date("today", today).as_deref(), Some("2026-03-01"));
        assert_eq!(relative_date("today-30", today).as_deref(), Some("2026-01-30"));
        assert_eq!(relative_date("today+៧", today).as_deref(), Some("2026-03-08"));
        assert_eq!(relative_date("ថ្ងៃនេះ-៣០", today).as_deref(), Some("2026-01-30"));
        assert_eq!(relative_date("2026-01-01", today), None);
        assert_eq!(relative_date("today*2", today), None);
    }
}
