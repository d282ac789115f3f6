//! `phum form run SCRIPT.json [--json] [--time-zone NAME]`: replays a health worker's visit from
//! a script (open or create forms, set values, complete forms, delete events, complete, cancel or
//! re-open an enrollment, list overdue and upcoming visits a page at a time, look at an
//! enrollment's dashboard, search people) and prints what each step did. Trainers use it to show
//! a visit; tests use it to replay one. Every step is a call into `phum_core`; a step that fails
//! prints its error and the script goes on (a refused value is a result worth showing). "Today"
//! and every timestamp written come from the device clock in `--time-zone` (the system clock,
//! or the instant or date the script pins).

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::{DateTime, NaiveDate as Date};
use phum_core::form::{
    cancel_enrollment, complete_enrollment, enrollment_status, reopen_enrollment, EnrollmentChange, FormChanges,
    FormContext, FormError, FormSession, FormView, NewEventForm, RecordRef,
};
use phum_core::i18n::{Lang, Locale, Localize, Message};
use phum_core::model::value_type::EnrollmentStatus;
use phum_core::model::{DeviceClock, Uid};
use phum_core::msg;
use phum_core::schedule::{self, Page, WorkingList, WorkingListRow};
use phum_core::search;
use phum_core::search::query::{self as search_query, MatchMode, SearchOptions, SearchScope};
use phum_core::store::import::{check_json_object, ExpectedDocument};
use phum_core::store::Store;
use serde::Deserialize;
use serde_json::{json, Value as Json};

use crate::db::DbArgs;
use crate::error::CliError;

pub const SCRIPT_HELP: &str = "\
SCRIPT FORMAT
  A JSON object:
    {\"today\": \"2026-11-20\",            the device's date: its clock stands at noon that day in
                                       --time-zone (default: the system clock)
     \"now\": \"2026-03-01T18:30:00Z\",    or the instant its clock stands at (RFC 3339)
     \"locale\": \"km\",                   forms, messages and text lines in Khmer (default: English;
                                       labels as written where the metadata has no translation)
     \"khmer_digits\": true,             numbers and dates shown in Khmer digits (default: false)
     \"capture_org_units\": [\"uid\"],     the user's org units (default: the stored /api/me)
     \"steps\": [ {\"do\": ..., ...}, ... ]}
  Steps (\"as\" names a form; later steps refer to it by that name, and \"$name\" in any UID
  field stands for the form's record: the event, or the enrollment of a registration;
  \"$name.person\" for a registration's tracked entity):
    {\"do\": \"new_event\", \"as\": \"visit\", \"program\", \"stage\", \"org_unit\", \"enrollment\"?, \"event_date\"?}
    {\"do\": \"open_event\", \"as\": \"visit\", \"event\"}
    {\"do\": \"new_registration\", \"as\": \"child\", \"program\", \"org_unit\", \"enrollment_date\"?, \"incident_date\"?}
    {\"do\": \"open_registration\", \"as\": \"child\", \"enrollment\"}
    {\"do\": \"open_data_set\", \"as\": \"report\", \"data_set\", \"org_unit\", \"period\", \"attribute_option_combo\"?}
    {\"do\": \"set\", \"form\": \"visit\", \"field\": \"uid\", \"value\": \"text\" or null}
        field: a data element or attribute UID, \"deUid.cocUid\" in a data set, or the record's
        dates \"eventDate\", \"enrollmentDate\", \"incidentDate\"
    {\"do\": \"complete\", \"form\": \"visit\"}
        an event becomes COMPLETED (its next visit is scheduled); a registration is finished
        (its auto-generated events are created) and its enrollment stays ACTIVE
    {\"do\": \"complete_enrollment\", \"enrollment\"}   after its rules and mandatory attributes allow it
    {\"do\": \"cancel_enrollment\", \"enrollment\"}
    {\"do\": \"reopen_enrollment\", \"enrollment\"}
        a completed or cancelled enrollment takes no new event and its events are read-only
    {\"do\": \"view\", \"form\": \"visit\"}
    {\"do\": \"save\", \"form\": \"visit\"}      values are saved by every set; this closes the form
    {\"do\": \"delete\", \"event\"}
    {\"do\": \"overdue\", \"program\", \"org_unit\", \"offset\"? (default 0), \"limit\"? (default 50, at most 500)}
    {\"do\": \"upcoming\", \"program\", \"org_unit\", \"within_days\"? (default 28), \"offset\"?, \"limit\"?}
        one page of the list and \"total\", the length of the whole list; each row says when it is
        due (\"due_text\": \"3 days overdue\", with its message id and arguments in \"due\")
    {\"do\": \"dashboard\", \"enrollment\"}
    {\"do\": \"search\", \"program\" or \"tracked_entity_type\", \"text\", \"mode\"?: \"prefix\"|\"whole_word\", \"limit\"?}
    {\"do\": \"language\", \"lang\": \"km\"|\"en\", \"khmer_digits\"?: true|false}
        shows every open form (and every later step) in that language without reopening it;
        returns each open form's whole view
  A search of more than 8 words searches the first 8 (\"words_ignored\" lists the others).
  Numbers, phones, dates and times may be typed with Khmer digits; they are stored as ASCII. A
  number in Khmer digits may have a decimal comma, as Khmer digits show it (\"៣,៥\" is 3.5).
  Dates are yyyy-MM-dd and default to \"today\": the date in --time-zone, so that at
  01:30 in Phnom Penh it is already the new day. Records are stamped with the local time
  and its UTC offset (2026-03-02T01:30:00.000+07:00).

OUTPUT
  One line per step. With --json, one JSON object per step:
    {\"step\": N, \"do\": ..., \"ok\": true, ...what it returned}
    {\"step\": N, \"do\": ..., \"ok\": false, \"error\": {\"kind\": \"HiddenField\", \"id\": \"form-hidden-field\",
                                                 \"args\": {...}, \"message\": ...}}
  set and complete return only what changed (fields, sections, messages, can_complete); a form
  names its record as data: {\"kind\": \"enrollment\", \"uid\": ..., \"tracked_entity\": ...}.
  Every message (errors, a field's warnings and errors, form messages) carries its catalogue id
  and arguments beside its text; a field has its stored \"value\" and the \"shown\" text.

EXIT STATUS
  0 the script ran (steps may have failed: see their lines); 2 the script cannot be read.";

/// What a script file must be, for the message when it is not.

#[derive(clap::Args)]
#[command(after_long_help = SCRIPT_HELP)]
pub struct RunArgs {
    #[command(flatten)]
    db: DbArgs,
    /// The script (see SCRIPT FORMAT below).
    script: PathBuf,
    /// One JSON object per step instead of a line of text.
    #[arg(long)]
    json: bool,
    /// The device's time zone, an IANA name: today's date and the timestamps written follow it.
    #[arg(long, value_name = "NAME", default_value = phum_core::model::clock::DEFAULT_TIME_ZONE)]
    time_zone: String,
}

#[derive(clap::Subcommand)]
pub enum FormCommand {
    /// Replay a visit from a script: forms, values, completion, working lists, search.
    Run(RunArgs),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Script {
    today: Option<String>,
    now: Option<String>,
    locale: Option<String>,
    khmer_digits: Option<bool>,
    capture_org_units: Option<Vec<String>>,
    steps: Vec<Json>,
}

/// Why a step could not run at all (as opposed to a form refusing it).
#[derive(Debug, thiserror::Error)]
enum StepError {
    Missing(&'static str),
    BadUid { field: &'static str, value: String },
    BadDate { field: &'static str, value: String },
    BadLanguage(String),
    NoForm(String),
    UnknownStep(String),
    Form(#[from] FormError),
    Schedule(#[from] schedule::ScheduleError),
    Search(#[from] search::SearchError),
    Data(#[from] phum_core::store::data::DataError),
    Store(#[from] phum_core::store::StoreError),
}

impl Localize for StepError {
    fn message(&self) -> Message {
        match self {
            StepError::Missing(field) => msg!("cli-form-missing", field = *field),
            StepError::BadUid { field, value } => msg!("cli-form-bad-uid", field = *field, value = value),
            StepError::BadDate { field, value } => msg!("cli-form-bad-date", field = *field, value = value),
            StepError::BadLanguage(code) => msg!("cli-form-bad-language", code = code),
            StepError::NoForm(name) => msg!("cli-form-no-form", name = name),
            StepError::UnknownStep(step) => msg!("cli-form-unknown-step", step = step),
            StepError::Form(e) => e.message(),
            StepError::Schedule(e) => e.message(),
            StepError::Search(e) => e.message(),
            StepError::Data(e) => e.message(),
            StepError::Store(e) => e.message(),
        }
    }
}
phum_core::english_display!(StepError);

impl StepError {
    /// A stable name for machines: the error's variant.
    fn kind(&self) -> String {
        let debug = match self {
            StepError::Form(e) => format!("{e:?}"),
            StepError::Schedule(e) => format!("{e:?}"),
            StepError::Search(e) => format!("{e:?}"),
            StepError::Data(e) => format!("{e:?}"),
            StepError::Store(e) => format!("{e:?}"),
            other => format!("{other:?}"),
        };
        debug.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_string()
    }
}

struct Runner<'a> {
    store: &'a mut Store,
    ctx: FormContext,
    forms: HashMap<String, FormSession>,
}

fn parse_date(field: &'static str, text: &str) -> Result<Date, StepError> {
    let typed = phum_core::model::digits::ascii_digits(text);
    phum_core::expr::value::parse_iso_date(&typed).ok_or(StepError::BadDate { field, value: text.to_string() })
}

impl Runner<'_> {
    fn text<'j>(&self, step: &'j Json, field: &'static str) -> Result<&'j str, StepError> {
        step[field].as_str().ok_or(StepError::Missing(field))
    }

    /// A UID field; `$name` is the record of the form named `name`, `$name.person` its person.
    fn uid(&self, step: &Json, field: &'static str) -> Result<Uid, StepError> {
        let text = self.text(step, field)?;
        let bad = || StepError::BadUid { field, value: text.to_string() };
        let Some(reference) = text.strip_prefix('$') else { return Uid::parse(text).map_err(|_| bad()) };
        let (name, part) = reference.split_once('.').unwrap_or((reference, ""));
        let form = self.forms.get(name).ok_or_else(|| StepError::NoForm(name.to_string()))?;
        match (form.record(), part) {
            (RecordRef::Event(uid), "") => Ok(*uid),
            (RecordRef::Enrollment { enrollment, .. }, "") => Ok(*enrollment),
            (RecordRef::Enrollment { tracked_entity, .. }, "person") => Ok(*tracked_entity),
            _ => Err(bad()),
        }
    }

    fn opt_uid(&self, step: &Json, field: &'static str) -> Result<Option<Uid>, StepError> {
        if step[field].is_null() {
            return Ok(None);
        }
        self.uid(step, field).map(Some)
    }

    fn date_or_today(&self, step: &Json, field: &'static str) -> Result<Date, StepError> {
        match step[field].as_str() {
            Some(text) => parse_date(field, text),
            None => Ok(self.ctx.today()),
        }
    }

    fn form(&mut self, step: &Json) -> Result<(&mut FormSession, &mut Store), StepError> {
        let name = self.text(step, "form")?.to_string();
        let form = self.forms.get_mut(&name).ok_or(StepError::NoForm(name))?;
        Ok((form, &mut *self.store))
    }

    fn opened(&mut self, step: &Json, session: FormSession, view: FormView) -> Result<Json, StepError> {
        let name = self.text(step, "as")?.to_string();
        let record = json!(session.record());
        self.forms.insert(name.clone(), session);
        Ok(json!({"form": name, "record": record, "view": view}))
    }

    fn run_step(&mut self, step: &Json) -> Result<Json, StepError> {
        let action = self.text(step, "do")?.to_string();
        match action.as_str() {
            "new_event" => {
                let new = NewEventForm {
                    program: self.uid(step, "program")?,
                    stage: self.uid(step, "stage")?,
                    org_unit: self.uid(step, "org_unit")?,
                    enrollment: self.opt_uid(step, "enrollment")?,
                    event_date: self.date_or_today(step, "event_date")?,
                };
                let (session, view) = FormSession::new_event(self.store, new, &self.ctx)?;
                self.opened(step, session, view)
            }
            "open_event" => {
                let event = self.uid(step, "event")?;
                let (session, view) = FormSession::open_event(self.store, event, &self.ctx)?;
                self.opened(step, session, view)
            }
            "new_registration" => {
                let (program, org_unit) = (self.uid(step, "program")?, self.uid(step, "org_unit")?);
                let enrolled = self.date_or_today(step, "enrollment_date")?;
                let incident = self.date_or_today(step, "incident_date")?;
                let (session, view) =
                    FormSession::new_registration(self.store, program, org_unit, enrolled, incident, &self.ctx)?;
                self.opened(step, session, view)
            }
            "open_registration" => {
                let enrollment = self.uid(step, "enrollment")?;
                let (session, view) = FormSession::open_registration(self.store, enrollment, &self.ctx)?;
                self.opened(step, session, view)
            }
            "open_data_set" => {
                let (data_set, org_unit) = (self.uid(step, "data_set")?, self.uid(step, "org_unit")?);
                let period = self.text(step, "period")?.to_string();
                let aoc = self.opt_uid(step, "attribute_option_combo")?;
                let (session, view) =
                    FormSession::open_data_set(self.store, data_set, org_unit, &period, aoc, &self.ctx)?;
                self.opened(step, session, view)
            }
            "set" => {
                let field = self.text(step, "field")?.to_string();
                let value = step["value"].as_str().map(str::to_string);
                let (form, store) = self.form(step)?;
                let changes = form.set_value(store, &field, value.as_deref())?;
                Ok(changes_json(&changes))
            }
            "complete" => {
                let (form, store) = self.form(step)?;
                Ok(changes_json(&form.complete(store)?))
            }
            "view" => {
                let (form, _) = self.form(step)?;
                Ok(json!({"view": form.view()}))
            }
            "save" => {
                let name = self.text(step, "form")?.to_string();
                let form = self.forms.remove(&name).ok_or(StepError::NoForm(name))?;
                Ok(json!({"closed": form.record()}))
            }
            "delete" => {
                let event = self.uid(step, "event")?;
                let now = self.ctx.clock.now();
                self.store.write(|d| d.delete_event(event, now))?;
                Ok(json!({"deleted": event.as_str()}))
            }
            "complete_enrollment" | "cancel_enrollment" | "reopen_enrollment" => {
                let enrollment = self.uid(step, "enrollment")?;
                let change = match action.as_str() {
                    "complete_enrollment" => complete_enrollment(self.store, enrollment, &self.ctx)?,
                    "cancel_enrollment" => cancel_enrollment(self.store, enrollment, &self.ctx)?,
                    _ => reopen_enrollment(self.store, enrollment, &self.ctx)?,
                };
                Ok(change_json(&change))
            }
            "overdue" | "upcoming" => {
                let (program, org_unit) = (self.uid(step, "program")?, self.uid(step, "org_unit")?);
                let count =
                    |field: &str, default: u64| step[field].as_u64().unwrap_or(default).min(u64::from(u32::MAX));
                let page = Page { offset: count("offset", 0) as usize, limit: count("limit", 50) as usize };
                let list = if action == "overdue" {
                    schedule::overdue(self.store, program, org_unit, self.ctx.today(), page, self.ctx.locale.lang)?
                } else {
                    let within = count("within_days", 28) as u32;
                    schedule::upcoming(
                        self.store,
                        program,
                        org_unit,
                        self.ctx.today(),
                        within,
                        page,
                        self.ctx.locale.lang,
                    )?
                };
                Ok(list_json(&list, self.ctx.locale))
            }
            "dashboard" => {
                let enrollment = self.uid(step, "enrollment")?;
                let board = schedule::enrollment_dashboard(
                    self.store,
                    enrollment,
                    self.ctx.today(),
                    &[],
                    self.ctx.locale.lang,
                )?;
                let stages: Vec<Json> = board
                    .stages
                    .iter()
                    .map(|s| {
                        json!({
                            "stage": s.stage.as_str(), "name": s.name, "missing": s.missing,
                            "due_date": s.due_date.map(|d| d.to_string()), "overdue": s.overdue,
                            "events": s.events.iter().map(|e| json!({
                                "event": e.event.as_str(), "status": e.status.as_str(),
                                "state": format!("{:?}", e.state),
                                "state_text": e.state.localized(self.ctx.locale),
                                "event_date": e.event_date.map(|d| d.to_string()),
                                "due_date": e.due_date.map(|d| d.to_string()),
                            })).collect::<Vec<_>>(),
                        })
                    })
                    .collect();
                Ok(json!({"enrollment": enrollment.as_str(), "stages": stages}))
            }
            "search" => {
                let scope = match self.opt_uid(step, "program")? {
                    Some(p) => SearchScope::Program(p),
                    None => SearchScope::TrackedEntityType(self.uid(step, "tracked_entity_type")?),
                };
                let mode = match step["mode"].as_str() {
                    Some("whole_word") => MatchMode::WholeWord,
                    _ => MatchMode::Prefix,
                };
                let limit = step["limit"].as_u64().unwrap_or(20).min(1000) as usize;
                let target = search_query::search_target(self.store, scope)?;
                let options = SearchOptions { mode, limit, org_units: Vec::new() };
                let result = search_query::search(&self.store.data(), &target, self.text(step, "text")?, &options)?;
                let hits: Vec<Json> = result
                    .hits
                    .iter()
                    .map(|h| {
                        json!({"person": h.tracked_entity.as_str(), "org_unit": h.org_unit.as_str(),
                               "attribute": h.attribute.as_str(), "value": h.value, "match": format!("{:?}", h.kind)})
                    })
                    .collect();
                Ok(json!({"hits": hits, "words_ignored": result.words_ignored}))
            }
            "language" => {
                let code = self.text(step, "lang")?;
                let lang = Lang::from_code(code).ok_or_else(|| StepError::BadLanguage(code.to_string()))?;
                let khmer_digits = step["khmer_digits"].as_bool().unwrap_or(self.ctx.locale.khmer_digits);
                self.ctx.locale = Locale::new(lang, khmer_digits);
                let locale = self.ctx.locale;
                for form in self.forms.values_mut() {
                    form.set_locale(locale);
                }
                let views: serde_json::Map<String, Json> =
                    self.forms.iter().map(|(name, form)| (name.clone(), json!(form.view()))).collect();
                Ok(json!({"locale": locale, "views": views}))
            }
            other => Err(StepError::UnknownStep(other.to_string())),
        }
    }
}

fn change_json(c: &EnrollmentChange) -> Json {
    json!({
        "enrollment": c.enrollment.as_str(), "before": c.before.as_str(), "status": c.status.as_str(),
        "completed_date": c.completed_date.map(|d| d.to_string()),
    })
}

fn list_json(list: &WorkingList, locale: Locale) -> Json {
    json!({
        "rows": list.rows.iter().map(|r| row_json(r, locale)).collect::<Vec<_>>(), "total": list.total,
        "offset": list.page.offset, "limit": list.page.limit,
    })
}

fn changes_json(changes: &FormChanges) -> Json {
    json!({ "changes": changes })
}

fn row_json(r: &WorkingListRow, locale: Locale) -> Json {
    json!({
        "event": r.event.as_str(), "enrollment": r.enrollment.as_str(), "person": r.tracked_entity.as_str(),
        "display": r.display.iter().map(|d| json!({"attribute": d.attribute.as_str(), "name": d.name, "value": d.value})).collect::<Vec<_>>(),
        "stage": r.program_stage.as_str(), "stage_name": r.stage_name, "due_date": r.due_date.to_string(),
        "days_overdue": r.days_overdue, "due": r.due_message(), "due_text": r.due_message().render(locale),
    })
}

/// One line of text for a step's result, in `locale`: the step's number and keyword, then what
/// it did or why it was refused.
fn human(n: usize, action: &str, result: &Result<Json, StepError>, locale: Locale) -> String {
    let detail = match result {
        Err(e) => msg!("cli-form-refused", kind = e.kind(), problem = e.message()),
        Ok(r) => detail(r),
    };
    format!("{n:>3} {action}: {}", detail.render(locale))
}

/// What a step's result says, from its JSON.
fn detail(r: &Json) -> Message {
    let text = |v: &Json| v.as_str().unwrap_or("").to_string();
    let count = |v: &Json| v.as_u64().unwrap_or(0);
    if let Some(changes) = r.get("changes") {
        let fields: Vec<Message> = changes["fields"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|f| {
                // What the reader reads (option labels, Khmer digits, dates), else what is stored.
                let value = if f["shown"].is_null() { &f["value"] } else { &f["shown"] };
                let mut m = msg!("cli-form-field-value", field = text(&f["uid"]), value = value.to_string());
                if f["hidden"] == true {
                    m = msg!("cli-form-field-hidden", field = m);
                }
                if f["editable"] == false {
                    m = msg!("cli-form-field-read-only", field = m);
                }
                m
            })
            .collect();
        let messages: Vec<String> =
            changes["messages_added"].as_array().into_iter().flatten().map(|m| text(&m["text"])).collect();
        if messages.is_empty() {
            msg!("cli-form-changed", fields = fields)
        } else {
            msg!("cli-form-changed-messages", fields = fields, messages = messages.join(" | "))
        }
    } else if let Some(rows) = r.get("rows").and_then(Json::as_array) {
        let (from, total) = (count(&r["offset"]), count(&r["total"]));
        match rows.len() as u64 {
            0 => msg!("cli-form-rows-none", total = total),
            n => msg!("cli-form-rows", from = from + 1, to = from + n, total = total),
        }
    } else if let Some(status) = r.get("status").and_then(Json::as_str) {
        let word = |code: &str| match EnrollmentStatus::from_wire(code) {
            Some(s) => enrollment_status(s),
            None => msg!("cli-form-text", text = code),
        };
        let (enrollment, before, status) = (text(&r["enrollment"]), word(&text(&r["before"])), word(status));
        match r["completed_date"].as_str().and_then(phum_core::expr::value::parse_iso_date) {
            Some(day) => msg!(
                "cli-form-enrollment-change-on",
                enrollment = enrollment,
                before = before,
                status = status,
                date = day
            ),
            None => msg!("cli-form-enrollment-change", enrollment = enrollment, before = before, status = status),
        }
    } else if let Some(stages) = r.get("stages").and_then(Json::as_array) {
        let missing: Vec<String> = stages
            .iter()
            .filter(|s| s["missing"] == true)
            .filter_map(|s| s["name"].as_str())
            .map(String::from)
            .collect();
        let overdue = stages.iter().filter(|s| s["overdue"] == true).count();
        msg!(
            "cli-form-dashboard",
            stages = stages.len(),
            missing = missing.len(),
            overdue = overdue,
            names = missing.join("; ")
        )
    } else if let Some(hits) = r.get("hits").and_then(Json::as_array) {
        match r["words_ignored"].as_array().filter(|w| !w.is_empty()) {
            Some(ignored) => msg!("cli-form-hits-ignored", hits = hits.len(), ignored = ignored.len()),
            None => msg!("cli-form-hits", hits = hits.len()),
        }
    } else if let Some(view) = r.get("view").filter(|_| r.get("form").is_some()) {
        msg!("cli-form-opened", form = text(&r["form"]), title = text(&view["title"]))
    } else if let Some(record) = r.get("closed") {
        let uid = record["uid"].as_str().or(record["data_set"].as_str()).unwrap_or("");
        msg!("cli-form-closed", record = uid)
    } else if let Some(event) = r.get("deleted").and_then(Json::as_str) {
        msg!("cli-form-deleted", event = event)
    } else if let Some(views) = r.get("views").and_then(Json::as_object) {
        let lang = if r["locale"]["lang"] == "km" {
            Message::new("cli-form-lang-km")
        } else {
            Message::new("cli-form-lang-en")
        };
        msg!("cli-form-language", lang = lang, forms = views.len())
    } else {
        msg!("cli-form-text", text = r.to_string())
    }
}

/// Runs a script, writing its text lines in `locale` (a script's `locale` and `khmer_digits`
/// override it).
pub fn run(command: FormCommand, locale: Locale) -> Result<(), CliError> {
    let FormCommand::Run(args) = command;
    let text = std::fs::read_to_string(&args.script)
        .map_err(|source| CliError::ScriptUnreadable { path: args.script.clone(), source })?;
    check_json_object(&args.script.display().to_string(), text.as_bytes(), ExpectedDocument::FormScript)?;
    let bad = |problem: Message| CliError::BadScript { path: args.script.clone(), problem };
    let script: Script = serde_json::from_str(&text).map_err(|e| {
        bad(msg!("cli-form-script-shape", line = e.line(), column = e.column(), detail = e.to_string()))
    })?;
    let clock = DeviceClock::new(&args.time_zone)?;
    let clock = match (&script.today, &script.now) {
        (Some(_), Some(_)) => return Err(bad(Message::new("cli-form-today-and-now"))),
        (Some(t), None) => clock.pinned_on(parse_date("today", t).map_err(|e| bad(e.message()))?),
        (None, Some(t)) => {
            let instant = DateTime::parse_from_rfc3339(t)
                .map_err(|e| bad(msg!("cli-form-bad-instant", value = t, detail = e.to_string())))?;
            clock.pinned_at(instant.to_utc())
        }
        (None, None) => clock,
    };
    let mut ctx = FormContext::new(clock).with_locale(locale);
    if let Some(code) = &script.locale {
        let lang = Lang::from_code(code).ok_or_else(|| bad(StepError::BadLanguage(code.clone()).message()))?;
        ctx.locale.lang = lang;
    }
    if let Some(khmer_digits) = script.khmer_digits {
        ctx.locale.khmer_digits = khmer_digits;
    }
    if let Some(units) = &script.capture_org_units {
        let units = units
            .iter()
            .map(|u| {
                Uid::parse(u)
                    .map_err(|_| bad(StepError::BadUid { field: "capture_org_units", value: u.clone() }.message()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        ctx = ctx.with_capture_org_units(units);
    }
    let mut store = args.db.open_existing()?;
    let mut runner = Runner { store: &mut store, ctx, forms: HashMap::new() };
    for (i, step) in script.steps.iter().enumerate() {
        let n = i + 1;
        let action = step["do"].as_str().unwrap_or("?").to_string();
        let result = runner.run_step(step);
        if args.json {
            let mut line = json!({"step": n, "do": action});
            match result {
                Ok(Json::Object(fields)) => {
                    line["ok"] = json!(true);
                    for (k, v) in fields {
                        line[k] = v;
                    }
                }
                Ok(other) => {
                    line["ok"] = json!(true);
                    line["result"] = other;
                }
                Err(e) => {
                    line["ok"] = json!(false);
                    let said = e.message();
                    let text = said.render(runner.ctx.locale);
                    let said = json!(said);
                    line["error"] = json!({"kind": e.kind(), "id": said["id"], "args": said["args"], "message": text});
                }
            }
            println!("{line}");
        } else {
            println!("{}", human(n, &action, &result, runner.ctx.locale));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use phum_core::i18n::try_render;

    /// `message` renders in English and Khmer without a missing message or variable.
    fn renders_in_both(message: &Message) {
        for locale in [Locale::ENGLISH, Locale::new(Lang::Km, true)] {
            if let Err(e) = try_render(message, locale) {
                panic!("{e}");
            }
        }
    }

    fn no_store() -> phum_core::store::StoreError {
        phum_core::store::StoreError::NotFound { path: PathBuf::from("phum.db") }
    }

    #[test]
    fn every_step_error_variant_renders_in_both_languages() {
        let samples = [
            StepError::Missing("form"),
            StepError::BadUid { field: "program", value: "abc".into() },
            StepError::BadDate { field: "event_date", value: "20-11-2026".into() },
            StepError::BadLanguage("fr".into()),
            StepError::NoForm("visit".into()),
            StepError::UnknownStep("dance".into()),
            StepError::Form(FormError::NoCaptureScope),
            StepError::Schedule(schedule::ScheduleError::BadPageLimit { limit: 0, max: 500 }),
            StepError::Search(search::SearchError::EmptyQuery),
            StepError::Data(phum_core::store::data::DataError::Store(no_store())),
            StepError::Store(no_store()),
        ];
        let name = |e: &StepError| match e {
            StepError::Missing(_) => "Missing",
            StepError::BadUid { .. } => "BadUid",
            StepError::BadDate { .. } => "BadDate",
            StepError::BadLanguage(_) => "BadLanguage",
            StepError::NoForm(_) => "NoForm",
            StepError::UnknownStep(_) => "UnknownStep",
            StepError::Form(_) => "Form",
            StepError::Schedule(_) => "Schedule",
            StepError::Search(_) => "Search",
            StepError::Data(_) => "Data",
            StepError::Store(_) => "Store",
        };
        let names: std::collections::BTreeSet<&str> = samples.iter().map(name).collect();
        assert_eq!(names.len(), samples.len(), "one sample of each variant");
        for e in &samples {
            renders_in_both(&e.message());
            renders_in_both(&msg!("cli-form-refused", kind = e.kind(), problem = e.message()));
        }
        assert_eq!(samples[4].to_string(), "no form named 'visit' is open");
    }

    #[test]
    fn every_kind_of_step_result_has_a_line_in_both_languages() {
        let field = json!({"uid": "SchTEASex01", "value": "F", "shown": "Female", "hidden": true, "editable": false});
        let results = [
            json!({"changes": {"fields": [field], "messages_added": []}}),
            json!({"changes": {"fields": [], "messages_added": [{"text": "Check the weight"}]}}),
            json!({"rows": [], "total": 0, "offset": 0}),
            json!({"rows": [{}], "total": 3, "offset": 1}),
            json!({"enrollment": "PhumEnrol01", "before": "ACTIVE", "status": "COMPLETED", "completed_date": "2026-11-20"}),
            json!({"enrollment": "PhumEnrol01", "before": "COMPLETED", "status": "ACTIVE", "completed_date": null}),
            json!({"stages": [{"name": "Birth", "missing": true, "overdue": true}]}),
            json!({"hits": [{}], "words_ignored": []}),
            json!({"hits": [], "words_ignored": ["x"]}),
            json!({"form": "child", "record": {}, "view": {"title": "Child immunization"}}),
            json!({"closed": {"kind": "event", "uid": "PhumEvent01"}}),
            json!({"deleted": "PhumEvent01"}),
            json!({"locale": {"lang": "km", "khmer_digits": false}, "views": {"child": {}}}),
            json!({"something": "else"}),
        ];
        let ids: std::collections::BTreeSet<&str> = results.iter().map(|r| detail(r).id).collect();
        assert_eq!(ids.len(), 14, "each result has its own message: {ids:?}");
        results.iter().for_each(|r| renders_in_both(&detail(r)));
        assert_eq!(
            detail(&results[0]).render(Locale::ENGLISH),
            "changed [SchTEASex01=\"Female\" (hidden) (read-only)]"
        );
        assert_eq!(
            detail(&results[4]).render(Locale::new(Lang::Km, true)),
            "ការចុះឈ្មោះ PhumEnrol01៖ សកម្ម -> បានបញ្ចប់ នៅ ២០ វិច្ឆិកា ២០២៦"
        );
    }
}
