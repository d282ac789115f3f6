//! Changing a form: the shared flow of every kind. Find the field (known, shown, editable), check
//! the value (`input`), re-run the rules on the new values, apply their effects as the app does
//! (`rules::outcome::apply`), and in ONE transaction check that the stored record is still what
//! this session last wrote (optimistic versioning), save the user's value and every rule-made
//! change, and read the record's new state back. The session changes only after the commit, and
//! nothing after the commit fails the call: advice read afterwards (possible duplicates) that
//! cannot be read becomes a form message ([`MessageKind::CheckFailed`]).
//!
//! [`MessageKind::CheckFailed`]: super::MessageKind::CheckFailed
//!
//! Owns that flow and the record [`Stamp`]. Does not own the kind-specific reads and writes
//! (`event`, `registration`, `data_set`) or completion (`complete`).

use std::collections::BTreeMap;

use super::changes::{diff, FormChanges};
use super::error::{FormError, ReadOnlyReason};
use super::{input, FormSession, Kind};
use crate::i18n::{Localize, Message};
use crate::model::value_type::RuleActionType;
use crate::msg;
use crate::rules::outcome::{apply, FieldOption, FormField, RuleOutcome, RuleText};
use crate::store::data::tracker::Data;
use crate::store::Store;

/// The stored state of a session's record as the session last saw it: timestamps, status and
/// values. Comparing whole states (not only `updated`) also catches two writes within the same
/// millisecond.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Stamp(pub Vec<String>);

/// One rule pass, applied.
pub(crate) struct Pass {
    pub outcome: RuleOutcome,
    /// Rules that could not be evaluated.
    pub failures: Vec<Message>,
    pub errors_on_complete: Vec<RuleText>,
}

impl FormSession {
    /// The rule pass for `values`: the applied outcome and the failed rules' messages.
    pub(crate) fn run_rules(&self, values: &BTreeMap<String, String>) -> Pass {
        let evaluation = match &self.kind {
            Kind::Event(e) => e.evaluate(values, self.clock.today()),
            Kind::Registration(r) => r.evaluate(values, self.clock.today()),
            Kind::DataSet(_) => {
                return Pass {
                    outcome: RuleOutcome { can_complete: true, ..RuleOutcome::default() },
                    failures: Vec::new(),
                    errors_on_complete: Vec::new(),
                }
            }
        };
        let fields: Vec<FormField> = self
            .fields
            .iter()
            .map(|f| FormField {
                uid: f.key.clone(),
                value_type: f.value_type,
                mandatory: f.mandatory,
                section: f.section.clone(),
                value: values.get(&f.key).cloned(),
                options: f.options.iter().map(|o| FieldOption { uid: o.uid.clone(), code: o.code.clone() }).collect(),
            })
            .collect();
        let outcome = apply(&evaluation.effects, &fields, &self.option_groups);
        let errors_on_complete = evaluation
            .effects
            .iter()
            .filter(|e| e.action_type == RuleActionType::ErrorOnComplete)
            .map(RuleText::of)
            .collect();
        Pass { outcome, failures: evaluation.errors.iter().map(Localize::message).collect(), errors_on_complete }
    }

    fn take_pass(&mut self, pass: Pass) {
        self.outcome = pass.outcome;
        self.rule_failures = pass.failures;
        self.errors_on_complete = pass.errors_on_complete;
    }

    /// Reads the record's stored state.
    pub(crate) fn read_stamp(&self, d: &Data<'_>) -> Result<Stamp, FormError> {
        match &self.kind {
            Kind::Event(e) => e.stamp(d),
            Kind::Registration(r) => r.stamp(d),
            Kind::DataSet(ds) => ds.stamp(d),
        }
    }

    /// Writes `writes`, stamped with the clock's now.
    fn save(&self, d: &Data<'_>, writes: &BTreeMap<String, Option<String>>) -> Result<(), FormError> {
        let now = self.clock.now();
        match &self.kind {
            Kind::Event(e) => e.save(d, writes, now),
            Kind::Registration(r) => r.save(d, writes, now),
            Kind::DataSet(ds) => ds.save(d, writes, now),
        }
    }

    /// The rule pass on the current values: the pass, the values as the rules leave them, and
    /// the writes that takes.
    fn pass_on_current_values(&self) -> (Pass, BTreeMap<String, String>, BTreeMap<String, Option<String>>) {
        let pass = self.run_rules(&self.values);
        let mut values = self.values.clone();
        let writes = rule_writes(&self.values, &pass.outcome.changed_values, &mut values);
        (pass, values, writes)
    }

    /// Runs the rules on the current values and saves what they change (at open, as the app
    /// does when it first shows a form; not in a completed or read-only form). Sets the stamp.
    pub(crate) fn settle(&mut self, store: &mut Store) -> Result<(), FormError> {
        let (pass, values, writes) = self.pass_on_current_values();
        let save = !writes.is_empty() && !self.completed && self.locked.is_none();
        let stamp = if save {
            store.write(|d| {
                self.save(d, &writes)?;
                self.read_stamp(d)
            })?
        } else {
            self.read_stamp(&store.data())?
        };
        if save {
            self.values = values;
        }
        self.take_pass(pass);
        self.stamp = stamp;
        Ok(())
    }

    /// The rule pass on the current values, taken into the session without saving anything.
    pub(crate) fn preview(&mut self, d: &Data<'_>) -> Result<(), FormError> {
        let (pass, values, _) = self.pass_on_current_values();
        self.values = values;
        self.take_pass(pass);
        self.stamp = self.read_stamp(d)?;
        Ok(())
    }

    /// Fails with `ChangedElsewhere` unless the stored record is as this session left it.
    pub(crate) fn check_stamp(&self, d: &Data<'_>) -> Result<(), FormError> {
        if self.read_stamp(d)? != self.stamp {
            return Err(FormError::ChangedElsewhere { record: self.record.clone() });
        }
        Ok(())
    }
}

/// Applies the rule-made changes to `values` and returns them as writes (only real changes).
fn rule_writes(
    before: &BTreeMap<String, String>,
    changed: &BTreeMap<String, Option<String>>,
    values: &mut BTreeMap<String, String>,
) -> BTreeMap<String, Option<String>> {
    let mut writes = BTreeMap::new();
    for (key, value) in changed {
        if before.get(key) == value.as_ref() {
            continue;
        }
        match value {
            Some(v) => values.insert(key.clone(), v.clone()),
            None => values.remove(key),
        };
        writes.insert(key.clone(), value.clone());
    }
    writes
}

pub(crate) fn set_value(
    s: &mut FormSession,
    store: &mut Store,
    field: &str,
    text: Option<&str>,
) -> Result<FormChanges, FormError> {
    let Some(spec) = s.fields.iter().find(|f| f.key == field) else {
        return Err(FormError::UnknownField { record: s.record.clone(), field: field.to_string() });
    };
    if let Some(lock) = &s.locked {
        return Err(lock.error());
    }
    if s.completed {
        return Err(FormError::AlreadyCompleted { record: s.record.clone() });
    }
    if s.outcome.hidden_fields.contains(field) {
        return Err(FormError::HiddenField { record: s.record.clone(), field: field.to_string() });
    }
    if spec.greyed {
        return Err(FormError::ReadOnlyField {
            record: s.record.clone(),
            field: field.to_string(),
            why: ReadOnlyReason::GreyedCell,
        });
    }
    if s.outcome.read_only.contains(field) {
        return Err(FormError::ReadOnlyField {
            record: s.record.clone(),
            field: field.to_string(),
            why: ReadOnlyReason::AssignedByRule,
        });
    }
    let value = input::check(spec, text, s.outcome.hidden_options.get(field), s.clock.today())?;
    if value.is_none() && super::is_record_date(field) {
        return Err(FormError::DateRequired { field: field.to_string() });
    }
    if let (Some(v), true) = (&value, spec.unique) {
        if let Kind::Registration(r) = &s.kind {
            r.check_unique(&store.data(), field, v)?;
        }
    }

    let before = s.view();
    let mut values = s.values.clone();
    match &value {
        Some(v) => values.insert(field.to_string(), v.clone()),
        None => values.remove(field),
    };
    let mut writes = BTreeMap::new();
    if s.values.get(field) != value.as_ref() {
        writes.insert(field.to_string(), value.clone());
    }
    let pass = s.run_rules(&values);
    let user_values = values.clone();
    writes.extend(rule_writes(&user_values, &pass.outcome.changed_values, &mut values));

    let session: &FormSession = s;
    let stamp = store.write(|d| {
        session.check_stamp(d)?;
        if !writes.is_empty() {
            session.save(d, &writes)?;
        }
        session.read_stamp(d)
    })?;
    s.values = values;
    s.take_pass(pass);
    s.stamp = stamp;
    // Saved: from here on nothing may fail. Possible duplicates are advice read after the
    // save; if they cannot be read the form says so and the value stays saved.
    s.checks_not_made.clear();
    if let Kind::Registration(r) = &s.kind {
        match r.duplicate_hints(&store.data(), &s.fields, &s.values) {
            Ok(hints) => s.duplicate_hints = hints,
            Err(e) => {
                s.duplicate_hints.clear();
                s.checks_not_made.push(msg!("form-duplicates-not-looked-for", problem = e.message()));
            }
        }
    }
    Ok(diff(&before, &s.view()))
}

#[cfg(test)]
mod tests {
    use crate::form::{fault, FormContext, FormSession, MessageKind};
    use crate::model::{DeviceClock, Uid};
    use crate::store::import::ImportSource;
    use crate::store::Store;
    use crate::test_dates::ymd;

    fn uid(s: &str) -> Uid {
        Uid::parse(s).unwrap()
    }

    #[test]
    fn a_value_is_saved_and_answered_even_when_possible_duplicates_cannot_be_read() {
        let mut store = Store::open_in_memory().unwrap();
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/phum/ncd_program.json");
        store.import_metadata(&[ImportSource::File(path)]).unwrap();
        let today = ymd(2026, 11, 20);
        let ctx =
            FormContext::new(DeviceClock::default().pinned_on(today)).with_capture_org_units(vec![uid("NcdProvKSp1")]);
        let (mut reg, _) =
            FormSession::new_registration(&mut store, uid("NcdProgram1"), uid("NcdHCentre1"), today, today, &ctx)
                .unwrap();

        fault::arm("duplicate hints");
        let changes = reg.set_value(&mut store, "NcdTEAName1", Some("Chan Dara")).unwrap();
        assert_eq!(changes.field("NcdTEAName1").unwrap().value.as_deref(), Some("Chan Dara"));
        let failed: Vec<&str> = changes
            .messages_added
            .iter()
            .filter(|m| m.kind == MessageKind::CheckFailed)
            .map(|m| m.text.as_str())
            .collect();
        assert_eq!(failed.len(), 1, "{changes:?}");
        assert!(failed[0].starts_with("possible duplicates could not be looked for"), "{}", failed[0]);
        let person = store.data().enrollment(reg.record_uid().unwrap()).unwrap().unwrap().tracked_entity;
        assert_eq!(store.data().attribute_values(person).unwrap(), [(uid("NcdTEAName1"), "Chan Dara".to_string())]);

        // The session is in step with the store: the next change is saved and the message goes.
        let changes = reg.set_value(&mut store, "NcdTEASex01", Some("M")).unwrap();
        assert!(changes.messages_removed.iter().any(|m| m.kind == MessageKind::CheckFailed), "{changes:?}");
        assert!(!reg.view().messages.iter().any(|m| m.kind == MessageKind::CheckFailed));
    }
}
