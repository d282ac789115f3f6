//! What the home screen offers before a form opens: the user's org units (the capture org units
//! and everything under them), what may be captured at one of them (the programs with their
//! stages, the data sets with the periods a report can be opened for), and the periods of a data
//! set around today with whether each takes data.
//!
//! The checks are the ones a form applies when it opens (`scope::check`, `data_set::period_lock`),
//! so what is offered here opens: a program or data set is listed only when it is assigned to the
//! org unit and the org unit is in the user's capture scope, as Android Capture lists the programs
//! of the chosen org unit (`ProgramRepositoryImpl`, filtered by `byOrgUnitUid`). A program the
//! user may not write (`access.data.write` false) is listed with `writable` false: its records
//! can be read, not added.
//!
//! Owns listing. Does not own opening forms (`event`, `registration`, `data_set`) or periods
//! themselves (`model::period`).

use chrono::NaiveDate as Date;

use super::data_set::period_lock;
use super::error::{FormError, ObjectKind};
use super::scope;
use super::FormContext;
use crate::i18n::{Localize, Message};
use crate::model::{DataSet, OrganisationUnit, Period, Program, ProgramStage, Uid};
use crate::store::Store;

/// What may be captured at one org unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Capturable {
    pub org_unit: OrganisationUnit,
    /// The org unit's programs on this device, by name.
    pub programs: Vec<CapturableProgram>,
    /// The org unit's data sets on this device, by name.
    pub data_sets: Vec<DataSet>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CapturableProgram {
    pub program: Program,
    /// Its stages by `sortOrder` (an event program's one stage included).
    pub stages: Vec<ProgramStage>,
    /// The user may add and change its records (`access.data.write`, true when not given).
    pub writable: bool,
}

/// One period of a data set and whether a report can be entered for it today.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodChoice {
    pub period: Period,
    /// Why the period takes no data today (future, expired, outside its input window); `None`
    /// when it is open.
    pub closed: Option<Message>,
}

/// The user's org units: each capture org unit and everything under it, by path (a parent
/// before its children), each once.
pub fn org_units(store: &Store, ctx: &FormContext) -> Result<Vec<OrganisationUnit>, FormError> {
    let roots = scope::capture_units(store, ctx)?;
    let mut units: Vec<OrganisationUnit> = store
        .list::<OrganisationUnit>()?
        .into_iter()
        .filter(|u| u.path_uids().unwrap_or_else(|| vec![u.identity.id]).iter().any(|p| roots.contains(p)))
        .collect();
    units.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(units)
}

/// What may be captured at `org_unit` (refused when it is unknown or outside the user's scope).
pub fn capturable(store: &Store, ctx: &FormContext, org_unit: Uid) -> Result<Capturable, FormError> {
    let Some(unit) = store.get::<OrganisationUnit>(org_unit)? else {
        return Err(FormError::NotFound { kind: ObjectKind::OrgUnit, uid: org_unit });
    };
    // What `scope::check` asks of each assignment, asked once: the unit is in the user's scope,
    // and what is listed here is assigned to it.
    scope::check_in_scope(store, ctx, &unit)?;
    let mut programs = Vec::new();
    for p in &unit.programs {
        let Some(program) = store.get::<Program>(p.id)? else { continue };
        let mut stages = store.children::<ProgramStage>(p.id)?;
        stages.sort_by_key(|s| (s.sort_order.is_none(), s.sort_order, s.identity.id.as_str().to_string()));
        let writable = program.access.and_then(|a| a.data).is_none_or(|d| d.write);
        programs.push(CapturableProgram { program, stages, writable });
    }
    let mut data_sets = Vec::new();
    for d in &unit.data_sets {
        let Some(data_set) = store.get::<DataSet>(d.id)? else { continue };
        data_sets.push(data_set);
    }
    programs.sort_by(|a, b| a.program.identity.name.cmp(&b.program.identity.name));
    data_sets.sort_by(|a, b| a.identity.name.cmp(&b.identity.name));
    Ok(Capturable { org_unit: unit, programs, data_sets })
}

/// The last `count` periods of `data_set` up to the last one open on `today` (the current period,
/// or later ones when the data set opens future periods), newest first, each with whether it
/// takes data today.
pub fn report_periods(data_set: &DataSet, today: Date, count: usize) -> Vec<PeriodChoice> {
    let mut period = Period::containing(data_set.period_type, today);
    for _ in 0..data_set.open_future_periods.max(0) {
        period = period.next();
    }
    let mut choices = Vec::with_capacity(count);
    for _ in 0..count {
        let closed = period_lock(data_set, &period, today).map(|lock| lock.error().message());
        let previous = period.previous();
        choices.push(PeriodChoice { period, closed });
        period = previous;
    }
    choices
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PeriodType;
    use crate::test_dates::ymd;

    fn monthly(open_future_periods: i64, expiry_days: f64) -> DataSet {
        let mut ds: DataSet = serde_json::from_value(serde_json::json!({
            "id": "PhumDataSet", "name": "Village report", "periodType": "Monthly"
        }))
        .unwrap();
        ds.open_future_periods = open_future_periods;
        ds.expiry_days = expiry_days;
        ds
    }

    #[test]
    fn report_periods_run_back_from_the_current_month_and_say_which_are_closed() {
        let choices = report_periods(&monthly(0, 10.0), ymd(2026, 12, 5), 3);
        let isos: Vec<String> = choices.iter().map(|c| c.period.iso()).collect();
        assert_eq!(isos, ["202612", "202611", "202610"]);
        assert!(choices[0].closed.is_none());
        assert!(choices[1].closed.is_none(), "November closes on 10 December");
        assert_eq!(choices[2].closed.as_ref().map(|m| m.id), Some("form-period-expired"));
    }

    #[test]
    fn report_periods_start_at_the_last_open_future_period() {
        let choices = report_periods(&monthly(2, 0.0), ymd(2026, 12, 5), 4);
        assert_eq!(choices[0].period.iso(), "202702");
        assert!(choices.iter().all(|c| c.closed.is_none()));
        assert_eq!(choices[0].period.period_type(), PeriodType::Monthly);
    }
}
