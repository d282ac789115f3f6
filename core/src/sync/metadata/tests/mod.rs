//! The download against a fake DHIS2 serving the demo's metadata (`fake`, which other sync tests
//! may use as a server whose metadata is the demo's).

pub(crate) mod fake;

use std::cell::{Cell, RefCell};

use fake::{Fake, PagerShape};

use super::fetch::{Fetcher, MAX_PAGES};
use super::query::Request;
use super::*;
use crate::model::{Collection, Program};
use crate::sync::{ClientError, Phase, Progress, Quiet};

fn store() -> Store {
    Store::open_in_memory().unwrap()
}

/// The rows of the stored metadata objects.
fn metadata_rows(store: &Store) -> Vec<String> {
    store.table_rows().unwrap().into_iter().filter(|r| r.starts_with("metadata_object:")).collect()
}

fn imported(outcome: &MetadataOutcome) -> &ImportReport {
    match &outcome.change {
        MetadataChange::Imported(report) => report,
        MetadataChange::Unchanged => panic!("expected an import"),
    }
}

#[test]
fn the_plan_asks_for_every_collection_the_model_stores() {
    let mut fake = Fake::demo_whole_tree();
    // The demo has no org unit group: one for the trainee's health centre.
    let centre = crate::demo::dataset::org_units::TRAINEE_HEALTH_CENTRE.as_str();
    fake.collections.insert(
        "organisationUnitGroups".into(),
        vec![serde_json::json!({"id": "PhumOuGrp01", "name": "Health centres", "organisationUnits": [{"id": centre}]})],
    );
    for unit in fake.collections.get_mut("organisationUnits").unwrap() {
        if unit["id"] == centre {
            unit["organisationUnitGroups"] = serde_json::json!([{"id": "PhumOuGrp01"}]);
        }
    }
    let mut store = store();
    let report = imported(&download(&fake, &mut store, &Quiet).unwrap()).clone();
    assert_eq!(report.counts[&Collection::OrganisationUnitGroups], 1);
    let requests = fake.requests();
    // Children the model reads nested in their owner's answer.
    let nested = |c: Collection| match c {
        Collection::ProgramSections | Collection::ProgramRuleVariables => Some(("/api/programs?", c.as_str())),
        Collection::ProgramStageSections => Some(("/api/programStages?", c.as_str())),
        Collection::ProgramRuleActions => Some(("/api/programRules?", c.as_str())),
        Collection::CategoryOptionCombos => Some(("/api/categoryCombos?", c.as_str())),
        Collection::DataSetSections => Some(("/api/dataSets?", "sections")),
        _ => None,
    };
    for c in Collection::ALL {
        let asked = match nested(*c) {
            Some((owner, field)) => {
                requests.iter().any(|r| r.starts_with(owner) && r.contains(&format!(",{field}%5Bid,")))
            }
            None => requests.iter().any(|r| r.starts_with(&format!("/api/{}?", c.as_str()))),
        };
        assert!(asked, "nothing asks for {c}: {requests:#?}");
    }
    assert!(requests.iter().all(|r| r.len() < MAX_QUERY + 40));
}

#[test]
fn downloaded_metadata_stores_what_a_direct_import_of_the_demo_stores() {
    let mut direct = store();
    crate::demo::dataset::import(&mut direct).unwrap();
    let mut synced = store();
    let fake = Fake::demo_whole_tree();
    let outcome = download(&fake, &mut synced, &Quiet).unwrap();
    let report = imported(&outcome);
    assert_eq!(metadata_rows(&synced), metadata_rows(&direct));
    assert_eq!(report.counts, direct.metadata_counts().unwrap());
    assert!(report.counts.values().filter(|n| **n > 0).count() >= 20, "{:?}", report.counts);
    // Translations of every kind came along: names, rule action content, option names.
    let rows = metadata_rows(&synced).join("\n");
    for kind in ["programs", "options", "programRuleActions", "dataElements", "organisationUnits"] {
        assert!(
            rows.lines()
                .any(|r| r.starts_with(&format!("metadata_object: '{kind}'")) && r.contains(r#""locale":"km""#)),
            "no Khmer translation on {kind}"
        );
    }
    let user = synced.current_user().unwrap().unwrap();
    assert_eq!(user.username, "trainee");
    assert_eq!(user.programs.len(), 2);
    assert_eq!(user.settings.unwrap()["keyUiLocale"], "km");
    let system = synced.system_info().unwrap().unwrap();
    assert_eq!(system.version, "2.41.3");
    assert!(system.server_date.is_some());
    assert_eq!(outcome.requests as usize, fake.requests().len());
    assert!(outcome.bytes > 100_000, "{}", outcome.bytes);
}

#[test]
fn the_org_units_are_the_subtrees_of_the_capture_and_search_units() {
    use crate::demo::dataset::org_units;
    let mut store = store();
    download(&Fake::demo(), &mut store, &Quiet).unwrap();
    let units: Vec<crate::model::OrganisationUnit> = store.list().unwrap();
    assert_eq!(units.len(), 1 + org_units::TRAINEE_VILLAGES.len());
    assert!(units.iter().all(|u| u.path.contains(org_units::TRAINEE_HEALTH_CENTRE.as_str())));
    // A capture unit inside the search unit's subtree is not downloaded twice.
    let me = serde_json::json!({
        "organisationUnits": [{"id": "DmV17060101", "path": "/DmOuCountry/DmOuProvSR1/DmOuOdKrlnh/DmOuHcChnDi/DmV17060101"}],
        "teiSearchOrganisationUnits": [{"id": "DmOuHcChnDi", "path": "/DmOuCountry/DmOuProvSR1/DmOuOdKrlnh/DmOuHcChnDi"}],
    });
    assert_eq!(plan::scope_roots(&me).unwrap(), vec![org_units::TRAINEE_HEALTH_CENTRE]);
    let apart = serde_json::json!({ "organisationUnits": [{"id": "DmOuHcKrlnh"}], "teiSearchOrganisationUnits": [{"id": "DmOuHcChnDi"}] });
    assert_eq!(plan::scope_roots(&apart).unwrap().len(), 2);
}

#[test]
fn unchanged_metadata_is_not_imported_again_and_a_renamed_program_is() {
    let mut store = store();
    let mut fake = Fake::demo();
    let first = download(&fake, &mut store, &Quiet).unwrap();
    imported(&first);
    let imports = |s: &Store| s.table_rows().unwrap().iter().filter(|r| r.starts_with("metadata_import:")).count();
    assert_eq!(imports(&store), 1);
    // The server's date differs on every call; nothing else does.
    let again = download(&fake, &mut store, &Quiet).unwrap();
    assert_eq!(again.change, MetadataChange::Unchanged);
    assert_eq!((again.requests, again.bytes), (first.requests, first.bytes));
    assert_eq!(imports(&store), 1);

    let program = crate::demo::dataset::immunization::PROGRAM;
    for p in fake.collections.get_mut("programs").unwrap() {
        if p["id"] == program.as_str() {
            p["name"] = "Child immunisation (renamed)".into();
        }
    }
    imported(&download(&fake, &mut store, &Quiet).unwrap());
    assert_eq!(imports(&store), 2);
    assert_eq!(store.get::<Program>(program).unwrap().unwrap().identity.name, "Child immunisation (renamed)");
    assert_eq!(download(&fake, &mut store, &Quiet).unwrap().change, MetadataChange::Unchanged);
}

/// A store holding the trainee's metadata, its rows, and a server whose metadata changed since.
fn synced_then_changed() -> (Store, Vec<String>, Fake) {
    let mut store = store();
    download(&Fake::demo(), &mut store, &Quiet).unwrap();
    let before = store.table_rows().unwrap();
    let mut fake = Fake::demo_whole_tree();
    for p in fake.collections.get_mut("programs").unwrap() {
        p["name"] = format!("{} (new)", p["name"].as_str().unwrap()).into();
    }
    (store, before, fake)
}

#[test]
fn a_transport_error_at_any_request_leaves_the_previous_metadata_as_it_was() {
    let (mut store, before, mut fake) = synced_then_changed();
    let total = download(&Fake::demo_whole_tree(), &mut crate::store::Store::open_in_memory().unwrap(), &Quiet)
        .unwrap()
        .requests as usize;
    assert!(total > 15, "{total}");
    for k in 0..total {
        fake.fail_at = Some(k);
        let err = download(&fake, &mut store, &Quiet).unwrap_err();
        assert!(matches!(err, SyncError::Client(ClientError::Timeout { .. })), "request {k}: {err}");
        assert_eq!(store.table_rows().unwrap(), before, "request {k} failed and something changed");
    }
    fake.fail_at = None;
    imported(&download(&fake, &mut store, &Quiet).unwrap());
    assert_ne!(store.table_rows().unwrap(), before);
}

/// Cancels once `after` requests were made.
struct CancelAfter {
    after: u64,
    seen: Cell<u64>,
    progress: RefCell<Vec<Progress>>,
}

impl Observer for CancelAfter {
    fn progress(&self, p: Progress) {
        self.seen.set(p.done);
        self.progress.borrow_mut().push(p);
    }
    fn cancelled(&self) -> bool {
        self.seen.get() >= self.after
    }
}

#[test]
fn a_cancelled_download_stops_before_its_next_request_and_changes_nothing() {
    let (mut store, before, fake) = synced_then_changed();
    let total = download(&Fake::demo_whole_tree(), &mut crate::store::Store::open_in_memory().unwrap(), &Quiet)
        .unwrap()
        .requests;
    // `total`: every request made, cancelled before the import.
    for after in 0..=total {
        fake.log.borrow_mut().clear();
        let observer = CancelAfter { after, seen: Cell::new(0), progress: RefCell::new(Vec::new()) };
        assert!(matches!(download(&fake, &mut store, &observer), Err(SyncError::Cancelled)));
        assert_eq!(fake.requests().len() as u64, after, "no request after the cancel");
        assert_eq!(observer.progress.borrow().len() as u64, after);
        assert_eq!(store.table_rows().unwrap(), before);
    }
}

#[test]
fn progress_counts_every_request_of_the_metadata_phase() {
    let fake = Fake::demo_whole_tree();
    let observer = CancelAfter { after: u64::MAX, seen: Cell::new(0), progress: RefCell::new(Vec::new()) };
    let outcome = download(&fake, &mut store(), &observer).unwrap();
    let progress = observer.progress.into_inner();
    assert_eq!(progress.len() as u64, outcome.requests);
    for (i, p) in progress.iter().enumerate() {
        assert_eq!((p.phase, p.done), (Phase::Metadata, i as u64 + 1));
        assert!(p.total >= p.done);
    }
    assert_eq!(progress.last().unwrap().total, outcome.requests, "the estimate ends exact");
}

#[test]
fn a_malformed_answer_names_its_endpoint_and_changes_nothing() {
    let (mut store, before, mut fake) = synced_then_changed();
    fake.malformed = Some("/api/programStages");
    let err = download(&fake, &mut store, &Quiet).unwrap_err();
    match &err {
        SyncError::BadAnswer { endpoint, detail } => {
            assert_eq!(endpoint, "/api/programStages");
            assert!(detail.contains("EOF"), "{detail}");
        }
        other => panic!("{other}"),
    }
    assert!(err.to_string().contains("/api/programStages"), "{err}");
    assert_eq!(store.table_rows().unwrap(), before);
}

#[test]
fn metadata_the_import_refuses_leaves_the_previous_metadata_and_fingerprint() {
    let (mut store, before, mut fake) = synced_then_changed();
    // A stage section names a data element the server no longer has.
    let gone = fake.collections["programStageSections"][0]["dataElements"][0]["id"].as_str().unwrap().to_string();
    fake.collections.get_mut("dataElements").unwrap().retain(|d| d["id"] != gone.as_str());
    let err = download(&fake, &mut store, &Quiet).unwrap_err();
    assert!(matches!(err, SyncError::Import(_)), "{err}");
    assert!(err.to_string().contains(&gone), "{err}");
    assert_eq!(store.table_rows().unwrap(), before);
}

#[test]
fn pages_are_followed_to_the_last_in_every_pager_shape() {
    use crate::demo::dataset::org_units::COUNTRY;
    for shape in [PagerShape::Counted, PagerShape::NextPageOnly, PagerShape::TopLevel] {
        let mut fake = Fake::demo();
        fake.pager = shape;
        let mut f = Fetcher::new(&fake, &Quiet);
        let r = Request::new("/api/organisationUnits")
            .param("fields", "id,path")
            .param("filter", format!("path:like:{COUNTRY}"));
        let units = f.paged(r, "organisationUnits", 4).unwrap();
        let ids: std::collections::BTreeSet<&str> = units.iter().map(|u| u["id"].as_str().unwrap()).collect();
        assert_eq!((units.len(), ids.len()), (15, 15), "{shape:?}");
        assert_eq!(f.requests(), 4, "{shape:?}: {:#?}", fake.requests());
        assert!(fake.requests()[3].ends_with("paging=true&pageSize=4&page=4"), "{:?}", fake.requests());
    }
    // A full last page in the shape without totals costs one empty page more, nothing else.
    let mut fake = Fake::demo();
    fake.pager = PagerShape::TopLevel;
    let mut f = Fetcher::new(&fake, &Quiet);
    let units = f.paged(Request::new("/api/organisationUnits").param("fields", "id"), "organisationUnits", 5).unwrap();
    assert_eq!((units.len(), f.requests()), (15, 4));
}

#[test]
fn a_pager_that_never_ends_stops_at_the_cap() {
    for shape in [PagerShape::Counted, PagerShape::NextPageOnly] {
        let mut fake = Fake::demo();
        fake.pager = shape;
        fake.endless = true;
        let mut f = Fetcher::new(&fake, &Quiet);
        let err =
            f.paged(Request::new("/api/organisationUnitLevels").param("fields", "id"), "organisationUnitLevels", 50);
        match err {
            Err(SyncError::BadAnswer { endpoint, detail }) => {
                assert_eq!(endpoint, "/api/organisationUnitLevels");
                assert!(detail.contains("1000 pages"), "{detail}");
            }
            other => panic!("{shape:?}: {:?}", other.map(|v| v.len())),
        }
        assert_eq!(f.requests(), MAX_PAGES);
    }
}

#[test]
fn an_answer_without_its_list_or_not_an_object_is_a_bad_answer() {
    struct Canned(&'static str);
    impl Api for Canned {
        fn version(&self) -> crate::sync::ServerVersion {
            crate::sync::ServerVersion::new(2, 40, 0)
        }
        fn get(&self, _: &str) -> Result<Vec<u8>, ClientError> {
            Ok(self.0.as_bytes().to_vec())
        }
        fn post_json(&self, _: &str, _: &[u8]) -> Result<crate::sync::Answer, ClientError> {
            unreachable!()
        }
    }
    for (body, expected) in [
        ("[]", "not a JSON object"),
        (r#"{"programs": {}}"#, "`programs` is not a list"),
        (r#"{"pager": {}}"#, "no `programs` list"),
    ] {
        let api = Canned(body);
        let mut f = Fetcher::new(&api, &Quiet);
        match f.list(Request::new("/api/programs"), "programs") {
            Err(SyncError::BadAnswer { endpoint, detail }) => {
                assert_eq!(endpoint, "/api/programs");
                assert!(detail.contains(expected), "{detail}");
            }
            other => panic!("{body}: {:?}", other.map(|v| v.len())),
        }
    }
    // A UID that is not one cannot go into the next request's filter.
    let err =
        plan::ids(&[serde_json::json!({"programs": [{"id": "not a uid"}]})], "programs", "/api/organisationUnits");
    assert!(matches!(err, Err(SyncError::BadAnswer { .. })));
}

#[test]
fn the_fingerprint_is_kept_under_its_cursor_name() {
    let mut store = store();
    download(&Fake::demo(), &mut store, &Quiet).unwrap();
    let kept = store.sync_value(FINGERPRINT_CURSOR).unwrap().unwrap();
    assert_eq!(kept.len(), 64);
    // A store whose metadata was replaced some other way imports again.
    store.set_sync_value(FINGERPRINT_CURSOR, "0").unwrap();
    imported(&download(&Fake::demo(), &mut store, &Quiet).unwrap());
    assert_eq!(store.sync_value(FINGERPRINT_CURSOR).unwrap().unwrap(), kept);
}

#[test]
fn both_outcomes_render_in_both_languages() {
    let mut store = store();
    let outcomes =
        [download(&Fake::demo(), &mut store, &Quiet).unwrap(), download(&Fake::demo(), &mut store, &Quiet).unwrap()];
    let name = |o: &MetadataOutcome| match o.change {
        MetadataChange::Imported(_) => "Imported",
        MetadataChange::Unchanged => "Unchanged",
    };
    assert_eq!(outcomes.iter().map(name).collect::<Vec<_>>(), ["Imported", "Unchanged"]);
    for o in &outcomes {
        crate::i18n::catalogue_tests::assert_renders_in_both(&o.message());
    }
}

#[test]
fn a_demo_database_gets_no_server_metadata() {
    use crate::model::DeviceClock;
    let mut store = store();
    crate::demo::populate(&mut store, &DeviceClock::default().pinned_on(crate::test_dates::ymd(2026, 12, 5))).unwrap();
    let before = store.table_rows().unwrap();
    let fake = Fake::demo();
    assert!(matches!(download(&fake, &mut store, &Quiet), Err(SyncError::DemoAccount)));
    assert!(fake.requests().is_empty());
    assert_eq!(store.table_rows().unwrap(), before);
}
