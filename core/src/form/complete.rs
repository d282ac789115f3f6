//! Completing a form: the reasons to refuse (empty mandatory fields, compulsory in metadata or
//! made mandatory by SETMANDATORYFIELD; SHOWERROR on shown fields or on the form; ERRORONCOMPLETE;
//! violated data-set validation rules), and otherwise completing the form in one transaction with
//! what follows from it: an event becomes COMPLETED and, in an enrollment, its repeatable stage's
//! next visit is scheduled; a registration is finished and the program's auto-generated events
//! are created (the enrollment stays ACTIVE for its visits, as on Android: completing the
//! enrollment is its own action, `form::enrollment`); a data set form's completion is recorded.
//!
//! Owns the refusal list and the completion's transaction. Does not own the rules (`rules`), the
//! events that follow (`schedule::generate`: their `_in` variants write in this transaction) or
//! the validation rules (`validate::aggregate`).

use super::changes::{diff, FormChanges};
use super::error::ObjectKind;
use super::error::{FormError, Refusal};
use super::view::rule_message;
use super::{FormSession, Kind};
use crate::model::{DeviceClock, ProgramStage, Uid};
use crate::schedule::{generate_on_enrollment_in, schedule_next_after_in};
use crate::store::data::tracker::Data;
use crate::store::Store;

/// Every reason the form cannot be completed now, in form order.
pub(crate) fn refusals(s: &FormSession, store: &Store) -> Result<Vec<Refusal>, FormError> {
    let o = &s.outcome;
    let rule = |t| rule_message(s, t, s.locale);
    let mut reasons = Vec::new();
    for f in &s.fields {
        let hidden = o.hidden_fields.contains(&f.key);
        let mandatory = f.mandatory || o.mandatory.contains(&f.key);
        if mandatory && !hidden && !f.greyed && !s.values.contains_key(&f.key) {
            let label = f.label.get(s.locale.lang).to_string();
            reasons.push(Refusal::MandatoryEmpty { field: f.key.clone(), label });
        }
    }
    for f in &s.fields {
        if o.hidden_fields.contains(&f.key) {
            continue;
        }
        for message in o.errors.get(&f.key).into_iter().flatten() {
            let label = f.label.get(s.locale.lang).to_string();
            reasons.push(Refusal::FieldError { field: f.key.clone(), label, message: rule(message) });
        }
    }
    reasons.extend(o.form_errors.iter().map(|m| Refusal::FormError { message: rule(m) }));
    reasons.extend(s.errors_on_complete.iter().map(|m| Refusal::ErrorOnComplete { message: rule(m) }));
    if let Kind::DataSet(ds) = &s.kind {
        reasons.extend(ds.validation_refusals(store, &s.values, &s.fields, s.locale.lang)?);
    }
    Ok(reasons)
}

/// What follows from completing, written in the completion's transaction: a registration's
/// auto-generated events, a visit's next visit. The stages are read before the transaction.
enum FollowUp {
    Nothing,
    AutoEvents { enrollment: Uid, stages: Vec<ProgramStage> },
    NextVisit { event: Uid, stage: Box<ProgramStage> },
}

impl FollowUp {
    fn plan(s: &FormSession, store: &Store) -> Result<FollowUp, FormError> {
        Ok(match &s.kind {
            Kind::Registration(r) => FollowUp::AutoEvents {
                enrollment: r.enrollment_uid(),
                stages: store.children::<ProgramStage>(r.program_uid())?,
            },
            Kind::Event(e) if e.in_enrollment() => {
                let uid = e.stage_uid();
                let stage = store
                    .get::<ProgramStage>(uid)?
                    .ok_or(FormError::NotFound { kind: ObjectKind::ProgramStage, uid })?;
                FollowUp::NextVisit { event: e.uid(), stage: Box::new(stage) }
            }
            Kind::Event(_) | Kind::DataSet(_) => FollowUp::Nothing,
        })
    }

    fn write(&self, d: &Data<'_>, clock: &DeviceClock) -> Result<(), FormError> {
        match self {
            FollowUp::Nothing => {}
            FollowUp::AutoEvents { enrollment, stages } => {
                generate_on_enrollment_in(d, stages, *enrollment, clock)?;
            }
            FollowUp::NextVisit { event, stage } => {
                schedule_next_after_in(d, stage, *event, clock.now())?;
            }
        }
        Ok(())
    }
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
    let follow_up = FollowUp::plan(s, store)?;
    let before = s.view();
    let session: &FormSession = s;
    let now = session.clock.now();
    // Completing and what follows from it are one user action: one transaction, so that a crash
    // or a failure leaves either all of it or none (never a completed visit without its next).
    let stamp = store.write(|d| {
        session.check_stamp(d)?;
        match &session.kind {
            Kind::Event(e) => e.mark_complete(d, now)?,
            Kind::Registration(_) => {}
            Kind::DataSet(ds) => ds.mark_complete(d, now)?,
        }
        follow_up.write(d, &session.clock)?;
        session.read_stamp(d)
    })?;
    s.stamp = stamp;
    s.completed = true;
    Ok(diff(&before, &s.view()))
}
