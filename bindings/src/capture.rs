//! The home screen's questions: which org units the user works in, and what may be captured at
//! one of them (programs with their stages, data sets with the periods a report opens for).
//!
//! Owns the records of these answers. Does not own the scope rules (the core's `form::capture`).

use std::sync::Arc;

use phum_core::form::capture;
use phum_core::i18n::{format_period, name_in, Locale};
use phum_core::model::value_type::ProgramType;
use phum_core::model::{DataSet, OrganisationUnit, Program};

use crate::app::App;
use crate::error::{core, PhumError};
use crate::form::{context, uid};
use crate::records::Text;

/// How many periods of a data set the report picker offers.
const REPORT_PERIODS: usize = 12;

/// One org unit of the user's tree.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct OrgUnit {
    pub uid: String,
    /// Its name in the user's language (its NAME translation), else as written.
    pub name: String,
    pub parent: Option<String>,
    /// 1 for the country, then province, district, health centre or commune, village.
    pub level: u32,
    /// `/root/.../uid`.
    pub path: String,
    /// Programs or data sets are assigned to it: a place where something can be captured.
    pub captures: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct StageInfo {
    pub uid: String,
    pub name: String,
    pub repeatable: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ProgramInfo {
    pub uid: String,
    pub name: String,
    /// A program with registration (people, enrollments): false for an event program.
    pub tracker: bool,
    pub stages: Vec<StageInfo>,
    /// The user may add and change its records.
    pub writable: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PeriodInfo {
    /// ISO: `202611`.
    pub id: String,
    /// As the language writes it: `November 2026`, `វិច្ឆិកា 2026`.
    pub name: String,
    /// Why no report can be entered for it today; `None` when it is open.
    pub closed: Option<Text>,
    /// Its last day (ISO, `2026-11-30`): a period that ended before today is one to report.
    pub end: String,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DataSetInfo {
    pub uid: String,
    pub name: String,
    /// DHIS2's period type: `Monthly`, `Quarterly`, ...
    pub period_type: String,
    /// Newest first, from the last period open today.
    pub periods: Vec<PeriodInfo>,
}

#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CaptureOptions {
    pub org_unit: OrgUnit,
    pub programs: Vec<ProgramInfo>,
    pub data_sets: Vec<DataSetInfo>,
    /// Practice data of the demo, never sent.
    pub demo: bool,
}

fn org_unit(unit: &OrganisationUnit, locale: Locale) -> OrgUnit {
    OrgUnit {
        uid: unit.identity.id.to_string(),
        name: name_in(&unit.identity, locale.lang),
        parent: unit.parent.as_ref().map(|p| p.id.to_string()),
        level: unit.level,
        path: unit.path.clone(),
        captures: !unit.programs.is_empty() || !unit.data_sets.is_empty(),
    }
}

fn program(p: &capture::CapturableProgram, locale: Locale) -> ProgramInfo {
    let Program { identity, program_type, .. } = &p.program;
    ProgramInfo {
        uid: identity.id.to_string(),
        name: name_in(identity, locale.lang),
        tracker: *program_type == ProgramType::WithRegistration,
        stages: p
            .stages
            .iter()
            .map(|s| StageInfo {
                uid: s.identity.id.to_string(),
                name: name_in(&s.identity, locale.lang),
                repeatable: s.repeatable,
            })
            .collect(),
        writable: p.writable,
    }
}

fn data_set(ds: &DataSet, today: chrono::NaiveDate, locale: Locale) -> DataSetInfo {
    let periods = capture::report_periods(ds, today, REPORT_PERIODS)
        .into_iter()
        .map(|c| PeriodInfo {
            id: c.period.iso(),
            name: format_period(&c.period, locale),
            closed: c.closed.map(|m| Text::of(&m, locale)),
            end: c.period.end().to_string(),
        })
        .collect();
    DataSetInfo {
        uid: ds.identity.id.to_string(),
        name: name_in(&ds.identity, locale.lang),
        period_type: ds.period_type.name().to_string(),
        periods,
    }
}

#[uniffi::export]
impl App {
    /// The user's org units: their capture org units and everything under them, a parent before
    /// its children.
    pub fn org_units(self: Arc<Self>) -> Result<Vec<OrgUnit>, PhumError> {
        self.run(|| {
            let ctx = context(&self);
            let units = capture::org_units(&self.store(), &ctx).map_err(core(ctx.locale))?;
            Ok(units.iter().map(|u| org_unit(u, ctx.locale)).collect())
        })
    }

    /// What may be captured at `org_unit`.
    pub fn capture_options(self: Arc<Self>, org_unit: String) -> Result<CaptureOptions, PhumError> {
        self.run(|| {
            let ctx = context(&self);
            let locale = ctx.locale;
            let uid = uid("org_unit", &org_unit, locale)?;
            let store = self.store();
            let found = capture::capturable(&store, &ctx, uid).map_err(core(locale))?;
            Ok(CaptureOptions {
                org_unit: self::org_unit(&found.org_unit, locale),
                programs: found.programs.iter().map(|p| program(p, locale)).collect(),
                data_sets: found.data_sets.iter().map(|d| data_set(d, ctx.today(), locale)).collect(),
                demo: store.is_demo(),
            })
        })
    }
}
