//! A size probe, never shipped: a cdylib whose exported C functions reach what an app uses of
//! phum-core (opening an encrypted store, the metadata import, event, registration and data-set
//! forms with their rules and completion, the rule engine on its own, working lists and the
//! dashboard, people search and its index, value checks). A release cdylib keeps only the code
//! its exported symbols reach, so its size is what the core costs an app.
//!
//! With the feature `dev` it also exports entry points into phum-core's developer tools
//! (`expr::vectors`, `expr::fuzz_body`, `lint`), as a library that exposed everything it compiles
//! would (a UniFFI library exports every annotated function). `scripts/size` builds it both
//! ways, and phum-core's rlib with and without those features, and prints the sizes.
//!
//! The functions are thin and take C strings; they return a number derived from each result (so
//! that nothing is optimised away) or -1 on any error. They are not an API.

use std::ffi::{c_char, CStr};

use phum_core::expr::value::parse_iso_date;
use phum_core::form::{FormContext, FormSession, NewEventForm};
use phum_core::model::value_type::ValueType;
use phum_core::model::{DeviceClock, Uid};
use phum_core::rules::load::load_rule_set;
use phum_core::rules::{RuleEngine, Supplementary};
use phum_core::schedule;
use phum_core::search::index::rebuild;
use phum_core::search::query::{search, search_target, MatchMode, SearchOptions, SearchScope};
use phum_core::store::import::ImportSource;
use phum_core::store::{DbKey, Store};

/// # Safety
/// `p` is null or a NUL-terminated string that outlives the call.
unsafe fn text<'a>(p: *const c_char) -> Option<&'a str> {
    if p.is_null() {
        return None;
    }
    // SAFETY: the caller's promise above.
    unsafe { CStr::from_ptr(p) }.to_str().ok()
}

/// # Safety
/// As [`text`].
unsafe fn uid(p: *const c_char) -> Option<Uid> {
    // SAFETY: passed on.
    unsafe { text(p) }.and_then(|t| Uid::parse(t).ok())
}

/// # Safety
/// `store` is null or a pointer from [`phum_probe_open`] not yet closed, used by one thread.
unsafe fn store<'a>(store: *mut Store) -> Option<&'a mut Store> {
    // SAFETY: the caller's promise above.
    unsafe { store.as_mut() }
}

fn count<T, E>(r: Result<T, E>, n: impl FnOnce(T) -> usize) -> i64 {
    r.map(|t| n(t) as i64).unwrap_or(-1)
}

fn context(today: &str, locale: Option<&str>) -> Option<FormContext> {
    let ctx = FormContext::new(DeviceClock::default().pinned_on(parse_iso_date(today)?));
    let lang = locale.and_then(phum_core::i18n::Lang::from_code).unwrap_or_default();
    Some(ctx.with_locale(phum_core::i18n::Locale::new(lang, false)))
}

/// Opens (creating) an encrypted store; `key_hex` is 64 hex digits. Null on error.
///
/// # Safety
/// Strings as [`text`].
#[no_mangle]
pub unsafe extern "C" fn phum_probe_open(path: *const c_char, key_hex: *const c_char) -> *mut Store {
    // SAFETY: the caller's promise.
    let (Some(path), Some(key)) = (unsafe { text(path) }, unsafe { text(key_hex) }) else {
        return std::ptr::null_mut();
    };
    let Ok(key) = DbKey::from_hex(key) else { return std::ptr::null_mut() };
    match Store::open(std::path::Path::new(path), Some(&key)) {
        Ok(s) => Box::into_raw(Box::new(s)),
        Err(_) => std::ptr::null_mut(),
    }
}

/// Closes a store from [`phum_probe_open`].
///
/// # Safety
/// `store` is null or from [`phum_probe_open`], closed once.
#[no_mangle]
pub unsafe extern "C" fn phum_probe_close(store: *mut Store) {
    if !store.is_null() {
        // SAFETY: the caller's promise: it came from Box::into_raw and is closed once.
        drop(unsafe { Box::from_raw(store) });
    }
}

/// Imports one metadata document; the number of stored objects.
///
/// # Safety
/// As [`store`] and [`text`].
#[no_mangle]
pub unsafe extern "C" fn phum_probe_import(s: *mut Store, name: *const c_char, json: *const c_char) -> i64 {
    // SAFETY: the caller's promise.
    let (Some(s), Some(name), Some(json)) = (unsafe { store(s) }, unsafe { text(name) }, unsafe { text(json) }) else {
        return -1;
    };
    let source = ImportSource::Bytes { name: name.to_string(), bytes: json.as_bytes().to_vec() };
    count(s.import_metadata(&[source]), |r| r.total())
}

/// A new event form: set one value, complete; the length of the final view as JSON.
///
/// # Safety
/// As [`store`] and [`text`].
#[no_mangle]
pub unsafe extern "C" fn phum_probe_event_form(
    s: *mut Store,
    program: *const c_char,
    stage: *const c_char,
    org_unit: *const c_char,
    today: *const c_char,
    field: *const c_char,
    value: *const c_char,
) -> i64 {
    // SAFETY: the caller's promise, for every argument.
    let run = || unsafe {
        let s = store(s)?;
        let org_unit = uid(org_unit)?;
        let ctx = context(text(today)?, Some("km"))?.with_capture_org_units(vec![org_unit]);
        let new = NewEventForm {
            program: uid(program)?,
            stage: uid(stage)?,
            org_unit,
            enrollment: None,
            event_date: ctx.today(),
        };
        let (mut form, _) = FormSession::new_event(s, new, &ctx).ok()?;
        form.set_value(s, text(field)?, text(value)).ok()?;
        let _ = form.complete(s);
        let (again, view) = FormSession::open_event(s, form.record_uid()?, &ctx).ok()?;
        drop(again);
        serde_json::to_string(&view).ok().map(|j| j.len() as i64)
    };
    run().unwrap_or(-1)
}

/// A registration and enrollment: set one attribute, complete; then its dashboard and the
/// working lists of its org unit. The number of dashboard stages and list rows.
///
/// # Safety
/// As [`store`] and [`text`].
#[no_mangle]
pub unsafe extern "C" fn phum_probe_registration(
    s: *mut Store,
    program: *const c_char,
    org_unit: *const c_char,
    today: *const c_char,
    field: *const c_char,
    value: *const c_char,
) -> i64 {
    // SAFETY: the caller's promise, for every argument.
    let run = || unsafe {
        let s = store(s)?;
        let (program, org_unit) = (uid(program)?, uid(org_unit)?);
        let ctx = context(text(today)?, None)?.with_capture_org_units(vec![org_unit]);
        let (mut form, _) = FormSession::new_registration(s, program, org_unit, ctx.today(), ctx.today(), &ctx).ok()?;
        form.set_value(s, text(field)?, text(value)).ok()?;
        // Refused while mandatory fields are empty: a result like any other here.
        let _ = form.complete(s);
        let enrollment = form.record_uid()?;
        let (form, _) = FormSession::open_registration(s, enrollment, &ctx).ok()?;
        drop(form);
        let board = schedule::enrollment_dashboard(s, enrollment, ctx.today(), &[], ctx.locale.lang).ok()?;
        let overdue =
            schedule::overdue(s, program, org_unit, ctx.today(), schedule::Page::first(50), ctx.locale.lang).ok()?;
        let upcoming =
            schedule::upcoming(s, program, org_unit, ctx.today(), 28, schedule::Page::first(50), ctx.locale.lang)
                .ok()?;
        Some((board.stages.len() + overdue.rows.len() + upcoming.rows.len()) as i64)
    };
    run().unwrap_or(-1)
}

/// A data-set form: set one value (`deUid.cocUid`), complete (validation rules run); the length
/// of the view as JSON.
///
/// # Safety
/// As [`store`] and [`text`].
#[no_mangle]
pub unsafe extern "C" fn phum_probe_data_set(
    s: *mut Store,
    data_set: *const c_char,
    org_unit: *const c_char,
    period: *const c_char,
    today: *const c_char,
    field: *const c_char,
    value: *const c_char,
) -> i64 {
    // SAFETY: the caller's promise, for every argument.
    let run = || unsafe {
        let s = store(s)?;
        let org_unit = uid(org_unit)?;
        let ctx = context(text(today)?, None)?.with_capture_org_units(vec![org_unit]);
        let (mut form, _) = FormSession::open_data_set(s, uid(data_set)?, org_unit, text(period)?, None, &ctx).ok()?;
        form.set_value(s, text(field)?, text(value)).ok()?;
        let _ = form.complete(s);
        serde_json::to_string(&form.view()).ok().map(|j| j.len() as i64)
    };
    run().unwrap_or(-1)
}

/// The program's rules loaded from the store and run for an enrollment without events; the
/// number of effects.
///
/// # Safety
/// As [`store`] and [`text`].
#[no_mangle]
pub unsafe extern "C" fn phum_probe_rules(s: *mut Store, program: *const c_char, today: *const c_char) -> i64 {
    // SAFETY: the caller's promise, for every argument.
    let run = || unsafe {
        let s = store(s)?;
        let set = load_rule_set(s, uid(program)?, Some(phum_core::i18n::Lang::Km)).ok()?;
        let engine = RuleEngine::new(set);
        let out = engine.evaluate_all(None, &[], &Supplementary::default(), parse_iso_date(text(today)?)?);
        Some(out.iter().map(|t| t.evaluation.effects.len()).sum::<usize>() as i64)
    };
    run().unwrap_or(-1)
}

/// Rebuilds the search index, then searches the program's people for `query`; the hits.
///
/// # Safety
/// As [`store`] and [`text`].
#[no_mangle]
pub unsafe extern "C" fn phum_probe_search(s: *mut Store, program: *const c_char, query: *const c_char) -> i64 {
    // SAFETY: the caller's promise, for every argument.
    let run = || unsafe {
        let s = store(s)?;
        s.write(|d| rebuild(d, None)).ok()?;
        let target = search_target(s, SearchScope::Program(uid(program)?)).ok()?;
        let options = SearchOptions { mode: MatchMode::Prefix, limit: 20, org_units: Vec::new() };
        search(&s.data(), &target, text(query)?, &options).ok().map(|r| r.hits.len() as i64)
    };
    run().unwrap_or(-1)
}

/// Checks a value against a DHIS2 value type (`"INTEGER_POSITIVE"`, ...): 1 valid, 0 not, -1
/// unknown type.
///
/// # Safety
/// As [`text`].
#[no_mangle]
pub unsafe extern "C" fn phum_probe_check_value(value_type: *const c_char, value: *const c_char) -> i64 {
    // SAFETY: the caller's promise.
    let (Some(t), Some(v)) = (unsafe { text(value_type) }, unsafe { text(value) }) else { return -1 };
    match ValueType::from_wire(t) {
        Some(t) => i64::from(phum_core::validate::value_type::validate(t, v).is_ok()),
        None => -1,
    }
}

/// The developer tools, exported only with the feature `dev`.
#[cfg(feature = "dev")]
mod dev {
    use super::*;

    /// Lints one metadata document; the number of findings.
    ///
    /// # Safety
    /// As [`text`].
    #[no_mangle]
    pub unsafe extern "C" fn phum_probe_lint(json: *const c_char) -> i64 {
        use phum_core::lint::{lint, MetadataFile};
        // SAFETY: the caller's promise.
        let Some(json) = (unsafe { text(json) }) else { return -1 };
        count(MetadataFile::parse("probe.json", json), |f| lint(&[f]).len())
    }

    /// Runs expression test vectors (JSON lines); how many pass.
    ///
    /// # Safety
    /// As [`text`].
    #[no_mangle]
    pub unsafe extern "C" fn phum_probe_vectors(jsonl: *const c_char) -> i64 {
        use phum_core::expr::vectors::{parse_file, run, Outcome};
        // SAFETY: the caller's promise.
        let Some(jsonl) = (unsafe { text(jsonl) }) else { return -1 };
        count(parse_file(jsonl), |all| all.iter().filter(|v| matches!(run(v).outcome, Outcome::Pass { .. })).count())
    }

    /// The fuzz body on one input; which stage it reached.
    ///
    /// # Safety
    /// As [`text`].
    #[no_mangle]
    pub unsafe extern "C" fn phum_probe_fuzz(src: *const c_char) -> i64 {
        // SAFETY: the caller's promise.
        let Some(src) = (unsafe { text(src) }) else { return -1 };
        phum_core::expr::fuzz_body::parse_and_evaluate(src) as i64
    }
}
