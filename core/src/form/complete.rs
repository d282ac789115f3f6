//! Completing a form: the reasons to refuse (empty mandatory fields, compulsory in metadata or
//! made mandatory by SETMANDATORYFIELD; SHOWERROR on shown fields or on the form; ERRORONCOMPLETE;
//! violated data-set validation rules), and otherwise marking the record complete in one
//! transaction (event COMPLETED, enrollment COMPLETED, data set completion recorded).
//!
//! Owns the refusal list. Does not own the rules (`rules`) or the validation rules
//! (`validate::aggregate`).

use super::changes::{diff, FormChanges};
use super::error::{FormError, Refusal};
use super::{FormSession, Kind};
use crate::store::Store;

/// Every reason the form cannot be completed now, in form order.
pub(crate) fn refusals(s: &FormSession, store: &Store) -> Result<Vec<Refusal>, FormError> {
    let o = &s.outcome;
    let mut reasons = Vec::new();
    for f in &s.fields {
        let hidden = o.hidden_fields.contains(&f.key);
        let mandatory = f.mandatory || o.mandatory.contains(&f.key);
        if mandatory && !hidden && !f.greyed && !s.values.contains_key(&f.key) {
            reasons.push(Refusal::MandatoryEmpty { field: f.key.clone(), label: f.label.clone() });
        }
    }
    for f in &s.fields {
        if o.hidden_fields.contains(&f.key) {
            continue;
        }
        for message in o.errors.get(&f.key).into_iter().flatten() {
            reasons.push(Refusal::FieldError { field: f.key.clone(), message: message.clone() });
        }
    }
    reasons.extend(o.form_errors.iter().map(|m| Refusal::FormError { message: m.clone() }));
    reasons.extend(s.errors_on_complete.iter().map(|m| Refusal::ErrorOnComplete { message: m.clone() }));
    if let Kind::DataSet(ds) = &s.kind {
        reasons.extend(ds.validation_refusals(store, &s.values)?);
    }
    Ok(reasons)
}

pub(crate) fn complete(s: &mut FormSession, store: &mut Store) -> Result<FormChanges, FormError> {
    if let Some(lock) = &s.locked {
        return Err(lock.error());
    }
    if s.completed {
        return Err(FormError::AlreadyCompleted { record: s.record.clone() });
    }
    // A session whose record changed elsewhere would judge stale values.
    s.check_stamp(&store.data())?;
    let reasons = refusals(s, store)?;
    if !reasons.is_empty() {
        return Err(FormError::CompletionRefused { record: s.record.clone(), reasons });
    }
    let before = s.view();
    let session: &FormSession = s;
    let now = session.clock.now();
    let stamp = store.write(|d| {
        session.check_stamp(d)?;
        match &session.kind {
            Kind::Event(e) => e.mark_complete(d, now)?,
            Kind::Registration(_) => {}
            Kind::DataSet(ds) => ds.mark_complete(d, now)?,
        }
        session.read_stamp(d)
    })?;
    s.stamp = stamp;
    s.completed = true;
    let changes = diff(&before, &s.view());
    // What follows from completing, each step idempotent (a repeat after a crash creates nothing
    // twice): a registration's auto-generated events, a repeatable stage's next visit.
    match &s.kind {
        Kind::Registration(r) => {
            crate::schedule::generate_on_enrollment(store, r.enrollment_uid(), &s.clock)?;
        }
        Kind::Event(_) => {
            if let Some(event) = s.record_uid() {
                crate::schedule::schedule_next_after(store, event, s.clock.now())?;
            }
        }
        Kind::DataSet(_) => {}
    }
    s.stamp = s.read_stamp(&store.data())?;
    Ok(changes)
}
