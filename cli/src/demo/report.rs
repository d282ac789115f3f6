//! The monthly village report (a VHSG's aggregate data set) for the month just ended: the grid
//! of data elements by category as a list of cells with their labels, filled with the numbers
//! the volunteer counted, and its validation rules' results when it is completed.
//!
//! Owns choosing the report's form and period. Does not own the grid, periods or validation (the
//! core).

use phum_core::form::{FormSession, RecordRef};
use phum_core::i18n::{Localize, Message, ScreenText};
use phum_core::model::{DataSet, Period, PeriodType, Uid};
use phum_core::msg;
use phum_core::store::data::SyncState;

use super::fill::{fill, problem, Filled};
use super::prompt::NoAnswer;
use super::screen::Tone;
use super::{Demo, Ui};

/// The period a village reports now: the month just ended, or this month once that one is
/// completed (the practice data holds the reports of the months before).
fn report_period(demo: &mut Demo, data_set: Uid, village: Uid) -> Period {
    let kind = match demo.store.get::<DataSet>(data_set) {
        Ok(Some(ds)) => ds.period_type,
        _ => PeriodType::Monthly,
    };
    let current = Period::containing(kind, demo.ctx.today());
    let previous = current.previous();
    match open(demo, data_set, village, &previous) {
        Ok(session) if session.view().completed => current,
        _ => previous,
    }
}

fn open(
    demo: &mut Demo,
    data_set: Uid,
    village: Uid,
    period: &Period,
) -> Result<FormSession, phum_core::form::FormError> {
    let period = period.iso();
    FormSession::open_data_set(&mut demo.store, data_set, village, &period, None, &demo.ctx).map(|(s, _)| s)
}

pub fn monthly(ui: &mut Ui, demo: &mut Demo) -> Result<(), NoAnswer> {
    let Some(data_set) = demo.setup.report else {
        ui.screen.say(Tone::Quiet, &Message::new("demo-report-none"));
        return Ok(());
    };
    let village = demo.village_uid();
    let period = report_period(demo, data_set, village);
    // Made again on every screen: the language may change while the report is open.
    let title = |demo: &Demo| msg!("demo-report-title", village = demo.village_name(), period = period);
    ui.screen.heading(&ScreenText::ReportTitle.message());
    let mut session = match open(demo, data_set, village, &period) {
        Ok(session) => session,
        Err(e) => {
            let text = problem(&e, &[], demo);
            ui.screen.write(Tone::Error, 0, &text);
            return Ok(());
        }
    };
    if fill(ui, demo, &mut session, Some(&title))? == Filled::Completed {
        ui.screen.say(Tone::Good, &Message::new("demo-report-valid"));
    }
    Ok(())
}

/// The reports of the health centre's villages for the month just ended with values waiting to
/// be sent: the report's title and how many values.
pub fn pending_values(demo: &mut Demo) -> Vec<(Message, usize)> {
    let Some(data_set) = demo.setup.report else { return Vec::new() };
    let villages: Vec<(Uid, String)> = demo.setup.villages.iter().map(|v| (v.uid, v.name.clone())).collect();
    let mut reports = Vec::new();
    for (village, name) in villages {
        let period = report_period(demo, data_set, village);
        let Ok(session) = open(demo, data_set, village, &period) else { continue };
        let RecordRef::DataSetForm { period: iso, attribute_option_combo, .. } = session.record() else { continue };
        let values = demo.store.data().aggregate_values(iso, village, *attribute_option_combo).unwrap_or_default();
        let count = values.iter().filter(|v| v.sync_state != SyncState::Synced).count();
        if count > 0 {
            reports.push((msg!("demo-report-title", village = name.as_str(), period = period), count));
        }
    }
    reports
}
