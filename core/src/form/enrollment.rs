//! What can be done to an enrollment as a whole, as Android Capture's dashboard offers it
//! (`TeiDashboardMobileActivity.showMoreOptions`: "Complete", "Deactivate", "Re-open"; the
//! status is set by `DashboardRepositoryImpl.updateEnrollmentStatus` with the SDK's
//! `EnrollmentObjectRepository.setStatus`):
//!
//! - [`complete_enrollment`]: ACTIVE (or CANCELLED) to COMPLETED, the completion date the
//!   device's today;
//! - [`cancel_enrollment`]: ACTIVE or COMPLETED to CANCELLED (the app's "deactivate");
//! - [`reopen_enrollment`]: COMPLETED or CANCELLED back to ACTIVE, the completion date cleared.
//!
//! Each action is refused, changing nothing, when the enrollment is not in the store, its org
//! unit is outside the capture scope, the program's `access.data.write` is false (the app's
//! `WRITE_PERMISSION_FAIL`), or it is already in the target status (the app hides that menu
//! item). Becoming ACTIVE is refused while the person has another ACTIVE enrollment in the program
//! (the app's `ACTIVE_EXIST`, from its `reopenCheck`; the server's E1015); with the program's
//! `onlyEnrollOnce`, becoming ACTIVE or COMPLETED is refused while the person has another ACTIVE
//! or COMPLETED enrollment in it (the server's E1016 in dhis2-core's
//! `EnrollmentInExistingValidationHook`: checked here so that the change does not fail at sync).
//!
//! Completing also runs the enrollment's rules (the enrollment pass) on the stored values and is
//! refused with every reason the registration form would give: mandatory attributes empty,
//! SHOWERROR, ERRORONCOMPLETE. This is stricter than the app's dashboard, which completes after
//! the access check alone; the app runs these checks when its enrollment form is saved
//! (`FormRepositoryImpl.runDataIntegrityCheck`), and an enrollment that ends follow-up should not
//! end in a state its own form refuses.
//!
//! The enrollment's events are left as they are (the SDK's `setStatus` changes the enrollment
//! only). While the enrollment is not ACTIVE its events open read-only and no event is added
//! (`event`), its waiting visits leave the working lists (`schedule::lists`), and its
//! registration form stays editable: attributes belong to the person (the app's enrollment form
//! asks only for write access). Re-opening generates nothing.
//!
//! The dashboard ([`enrollment_dashboard`]) shows the enrollment's stages with the stages its
//! rules hide left out, and what its rules say, from one rule pass on the stored values.
//!
//! Owns these actions and their checks, and the dashboard's rule pass. Does not own the registration form (`registration`),
//! completing a form (`complete`) or storage (`store::data`).

use chrono::NaiveDate as Date;

use super::complete::refusals;
use super::error::FormError;
use super::error::ObjectKind;
use super::registration::{evaluated, tracker_program};
use super::scope::{self, Assigned};
use super::view::{FormMessage, FormView, LocalizedText, MessageKind};
use super::FormContext;
use crate::model::value_type::EnrollmentStatus;
use crate::model::{Program, Uid};
use crate::schedule::{self, EnrollmentDashboard};
use crate::store::data::tracker::Enrollment;
use crate::store::Store;

/// What an enrollment action changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnrollmentChange {
    pub enrollment: Uid,
    /// The status before the action.
    pub before: EnrollmentStatus,
    /// The status now.
    pub status: EnrollmentStatus,
    /// The completion date: the device's today for a completed enrollment, else none.
    pub completed_date: Option<Date>,
}

/// An enrollment's dashboard and what its rules say about it.
#[derive(Debug, Clone, PartialEq)]
pub struct DashboardView {
    pub board: EnrollmentDashboard,
    /// What the enrollment's rules say now, in the context's locale: the registration form's
    /// warnings, errors and texts on no field and its rules that could not be evaluated, then the
    /// warnings and errors on its visible fields (Android Capture's dashboard shows the
    /// enrollment's rule texts in its indicators and feedback; a warning on an attribute concerns
    /// the person, so the dashboard says it too). What is said only when completing
    /// (WARNINGONCOMPLETE, ERRORONCOMPLETE) is not here.
    pub messages: Vec<FormMessage>,
}

/// The enrollment's dashboard on the device's today, with the stages its rules hide
/// (HIDEPROGRAMSTAGE, evaluated on the stored values as the registration form evaluates them)
/// left out, as Android Capture's dashboard leaves them out, and the messages of that same rule
/// pass ([`DashboardView::messages`]).
pub fn enrollment_dashboard(store: &Store, enrollment: Uid, ctx: &FormContext) -> Result<DashboardView, FormError> {
    let e = stored(store, enrollment)?;
    let form = evaluated(store, e, ctx)?;
    let hidden = &form.outcome.hidden_stages;
    let mut board = schedule::enrollment_dashboard(store, enrollment, ctx.today(), &[], ctx.locale.lang)?;
    board.stages.retain(|s| !hidden.contains(s.stage.as_str()));
    Ok(DashboardView { board, messages: rule_messages(&form.view()) })
}

/// The messages of a registration form's view that a dashboard shows (see [`DashboardView`]).
fn rule_messages(view: &FormView) -> Vec<FormMessage> {
    let on_form = view.messages.iter().filter(|m| {
        matches!(m.kind, MessageKind::Warning | MessageKind::Error | MessageKind::Text | MessageKind::RuleFailure)
    });
    let on_fields = view.fields.iter().filter(|f| !f.hidden).flat_map(|f| {
        let said = |kind: MessageKind| {
            move |t: &LocalizedText| FormMessage {
                kind,
                location: None,
                message: t.message.clone(),
                text: t.text.clone(),
            }
        };
        f.warnings.iter().map(said(MessageKind::Warning)).chain(f.errors.iter().map(said(MessageKind::Error)))
    });
    on_form.cloned().chain(on_fields).collect()
}

/// Completes the enrollment after its rules and mandatory attributes allow it (see the module).
pub fn complete_enrollment(
    store: &mut Store,
    enrollment: Uid,
    ctx: &FormContext,
) -> Result<EnrollmentChange, FormError> {
    set_status(store, enrollment, EnrollmentStatus::Completed, ctx)
}

/// Cancels the enrollment (Android Capture's "deactivate").
pub fn cancel_enrollment(store: &mut Store, enrollment: Uid, ctx: &FormContext) -> Result<EnrollmentChange, FormError> {
    set_status(store, enrollment, EnrollmentStatus::Cancelled, ctx)
}

/// Makes a completed or cancelled enrollment ACTIVE again.
pub fn reopen_enrollment(store: &mut Store, enrollment: Uid, ctx: &FormContext) -> Result<EnrollmentChange, FormError> {
    set_status(store, enrollment, EnrollmentStatus::Active, ctx)
}

/// The enrollment, unless it is not on the device or deleted.
fn stored(store: &Store, uid: Uid) -> Result<Enrollment, FormError> {
    store
        .data()
        .enrollment(uid)?
        .filter(|e| !e.deleted)
        .ok_or(FormError::NotFound { kind: ObjectKind::Enrollment, uid })
}

fn set_status(
    store: &mut Store,
    uid: Uid,
    status: EnrollmentStatus,
    ctx: &FormContext,
) -> Result<EnrollmentChange, FormError> {
    let e = stored(store, uid)?;
    let program = tracker_program(store, e.program)?;
    scope::check(store, ctx, e.org_unit, Assigned::Program(e.program))?;
    if program.access.and_then(|a| a.data).is_some_and(|d| !d.write) {
        return Err(FormError::NoDataWriteAccess { program: e.program });
    }
    if e.status == status {
        return Err(FormError::EnrollmentStatusUnchanged { enrollment: uid, status });
    }
    check_other_enrollments(store, &e, &program, status)?;
    // Completing is judged on the enrollment's form as its rules see it now.
    let session = if status == EnrollmentStatus::Completed {
        let session = evaluated(store, e.clone(), ctx)?;
        let reasons = refusals(&session, store)?;
        if !reasons.is_empty() {
            return Err(FormError::CompletionRefused { record: session.record.clone(), reasons });
        }
        Some(session)
    } else {
        None
    };
    let now = ctx.clock.now();
    let before = e.status;
    store.write(|d| {
        // What was checked is what is changed: the enrollment (and, when completing, its form)
        // is as it was read.
        let current = d.enrollment(uid)?;
        if current.as_ref() != Some(&e) {
            return Err(FormError::ChangedElsewhere { record: record_of(&e) });
        }
        if let Some(session) = &session {
            session.check_stamp(d)?;
        }
        d.set_enrollment_status(uid, status, now)?;
        Ok(())
    })?;
    let completed_date = (status == EnrollmentStatus::Completed).then(|| now.date());
    Ok(EnrollmentChange { enrollment: uid, before, status, completed_date })
}

fn record_of(e: &Enrollment) -> super::RecordRef {
    super::RecordRef::Enrollment { enrollment: e.uid, tracked_entity: e.tracked_entity }
}

/// The person's other enrollments in the program that forbid `status` (see the module).
fn check_other_enrollments(
    store: &Store,
    e: &Enrollment,
    program: &Program,
    status: EnrollmentStatus,
) -> Result<(), FormError> {
    let others: Vec<Enrollment> = store
        .data()
        .enrollments_of(e.tracked_entity)?
        .into_iter()
        .filter(|o| o.program == e.program && o.uid != e.uid && !o.deleted)
        .collect();
    if status == EnrollmentStatus::Active {
        if let Some(active) = others.iter().find(|o| o.status == EnrollmentStatus::Active) {
            return Err(FormError::ActiveEnrollmentExists { enrollment: e.uid, program: e.program, other: active.uid });
        }
    }
    if program.only_enroll_once && status != EnrollmentStatus::Cancelled {
        if let Some(o) = others.iter().find(|o| o.status != EnrollmentStatus::Cancelled) {
            return Err(FormError::EnrolledOnce {
                enrollment: e.uid,
                program: e.program,
                other: o.uid,
                status: o.status,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::registration::tests::{adult, demo_with, today, HC};
    use super::*;
    use crate::demo::dataset::{immunization, ncd, person};
    use crate::form::FormSession;
    use crate::i18n::{Lang, Locale};

    /// A rule of the NCD program with one action (`action` holds its type and target).
    fn rule(doc: &mut serde_json::Value, id: &str, condition: &str, mut action: serde_json::Value) {
        let action_id = format!("{}A", &id[..10]);
        doc["programRules"].as_array_mut().unwrap().push(json!({
            "id": id, "name": id, "program": {"id": ncd::PROGRAM.to_string()}, "condition": condition,
            "programRuleActions": [{"id": action_id}]}));
        action["id"] = json!(action_id);
        action["programRule"] = json!({"id": id});
        doc["programRuleActions"].as_array_mut().unwrap().push(action);
    }

    #[test]
    fn the_dashboard_says_what_the_enrollments_rules_say_except_what_is_said_on_completing() {
        let (mut store, ctx) = demo_with(|doc| {
            doc["programRuleVariables"].as_array_mut().unwrap().push(json!({
                "id": "PhumRvPhone", "name": "phone", "program": {"id": ncd::PROGRAM.to_string()},
                "programRuleVariableSourceType": "TEI_ATTRIBUTE",
                "trackedEntityAttribute": {"id": person::PHONE.to_string()}}));
            let no_phone = "!d2:hasValue(#{phone})";
            rule(
                doc,
                "PhumRuleWrn",
                no_phone,
                json!({"programRuleActionType": "SHOWWARNING",
                "content": "No phone: visit at home"}),
            );
            rule(
                doc,
                "PhumRuleTxt",
                "true",
                json!({"programRuleActionType": "DISPLAYTEXT",
                "content": "Screen yearly", "location": "feedback"}),
            );
            rule(
                doc,
                "PhumRuleErr",
                "true",
                json!({"programRuleActionType": "SHOWERROR",
                "content": "Check the national ID", "trackedEntityAttribute": {"id": person::NATIONAL_ID.to_string()}}),
            );
            rule(
                doc,
                "PhumRuleOnC",
                "true",
                json!({"programRuleActionType": "WARNINGONCOMPLETE",
                "content": "Said when completing"}),
            );
        });
        let person_uid = adult(&mut store, &ctx);
        let enrollment = store.data().enrollments_of(person_uid).unwrap()[0].uid;
        let said = |store: &Store, ctx: &FormContext| -> Vec<(MessageKind, String)> {
            let view = enrollment_dashboard(store, enrollment, ctx).unwrap();
            view.messages.iter().map(|m| (m.kind, m.text.clone())).collect()
        };
        assert_eq!(
            said(&store, &ctx),
            [
                (MessageKind::Text, "Screen yearly".to_string()),
                (MessageKind::Error, "Check the national ID".to_string()),
            ]
        );
        // The stored values decide: without the phone, the warning is said too.
        let (mut form, _) = FormSession::open_registration(&mut store, enrollment, &ctx).unwrap();
        form.set_value(&mut store, &person::PHONE.to_string(), None).unwrap();
        let now = said(&store, &ctx);
        assert!(now.contains(&(MessageKind::Warning, "No phone: visit at home".to_string())), "{now:?}");
        assert!(now.iter().all(|(_, t)| t != "Said when completing"), "{now:?}");
    }

    #[test]
    fn the_dashboard_of_an_enrollment_whose_rules_say_nothing_has_no_messages_and_its_stages() {
        let (mut store, ctx) = demo_with(|_| {});
        let ctx = ctx.with_locale(Locale::new(Lang::Km, false));
        let (form, _) =
            FormSession::new_registration(&mut store, immunization::PROGRAM, HC, today(), today(), &ctx).unwrap();
        let view = enrollment_dashboard(&store, form.record_uid().unwrap(), &ctx).unwrap();
        assert_eq!(view.messages, []);
        assert!(view.board.stages.iter().any(|s| s.stage == immunization::WEEKS_6));
    }
}
