//! A DHIS2 server for tests: real HTTP on loopback (axum on hyper, a 2-worker tokio runtime on its
//! own thread), answering the endpoints a Phum phone uses in the shapes of DHIS2 2.40 and 2.41+
//! (2.39 best effort), storing what it receives, validating imports with DHIS2's error codes and
//! injecting faults on command. Started inside a test with [`TestServer::start`]; dropped, it stops.
//!
//! The flow of one request (`http`): the connection loop hands it to [`http::handle`], which
//! strips the context path, picks a fault (`faults`), checks credentials (`auth`), runs the route
//! (`metadata`, `tracker_import`, `tracker_export`, `aggregate`), then applies the answer's fault
//! and gzip, and records it. What the server holds lives in `store`; the loaded metadata and the
//! user's scope in `metadata`; DHIS2's field filter in `fields`; import validation in `validation`.
//! Faults and counts as lines of text, for a server in a process of its own: `commands`.
//!
//! Owns the public API the sync tests code against. Does not own the phone's client (core/src/sync).
//! Sources: dhis2-core (ValidationCode.java, ErrorCode.java, TrackerImportController), the DHIS2
//! 2.40-2.42 Web API docs and the Android SDK's fixtures (tests/data/dhis2-api, BSD-3-Clause).

mod aggregate;
mod auth;
pub mod commands;
mod faults;
mod fields;
mod http;
mod metadata;
mod store;
mod tracker_export;
mod tracker_import;
mod validation;

use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;

use chrono::{NaiveDateTime, TimeDelta, Utc};
use serde_json::Value;

pub use faults::{Fault, FaultRule};
pub use store::DataValueKey;

/// The DHIS2 version the server pretends to be (its `system/info` version and its API shapes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ApiVersion {
    V2_39,
    V2_40,
    V2_41,
    V2_42,
}

impl ApiVersion {
    /// The `version` of `/api/system/info`.
    pub fn as_str(self) -> &'static str {
        match self {
            ApiVersion::V2_39 => "2.39.6",
            ApiVersion::V2_40 => "2.40.5",
            ApiVersion::V2_41 => "2.41.3",
            ApiVersion::V2_42 => "2.42.1",
        }
    }

    /// The minor version: 39, 40, 41, 42.
    pub fn minor(self) -> u32 {
        match self {
            ApiVersion::V2_39 => 39,
            ApiVersion::V2_40 => 40,
            ApiVersion::V2_41 => 41,
            ApiVersion::V2_42 => 42,
        }
    }

    /// 2.41 and later: `pager` list shape, `orgUnits`/`orgUnitMode`/`trackedEntities` parameters.
    pub(crate) fn new_tracker_shapes(self) -> bool {
        self >= ApiVersion::V2_41
    }
}

/// A user the server knows: Basic credentials, an optional personal access token
/// (`Authorization: ApiToken <token>`) and its `/api/me` document (`organisationUnits` is the
/// capture scope, `teiSearchOrganisationUnits` the search scope, `authorities` what it may do).
#[derive(Debug, Clone)]
pub struct TestUser {
    pub username: String,
    pub password: String,
    pub token: Option<String>,
    pub me: Value,
}

/// What the server starts with.
#[derive(Debug, Clone)]
pub struct ServerSetup {
    pub version: ApiVersion,
    /// An `/api/metadata`-shaped document: each array is a collection served at `/api/{key}`;
    /// `system` (an object) supplies `systemName`, `serverTimeZoneId`, `revision`.
    pub metadata: Value,
    pub users: Vec<TestUser>,
    /// A context path such as `/dhis` (the server then answers only under it).
    pub context_path: Option<String>,
}

/// The demo user's password.
pub const DEMO_PASSWORD: &str = "District1!";

impl ServerSetup {
    /// The demo dataset (`phum_core::demo::dataset::build`) served as DHIS2 2.41, with its trainee
    /// user and the password [`DEMO_PASSWORD`].
    pub fn demo() -> ServerSetup {
        use phum_core::demo::dataset::build;
        let me = build::me();
        let username = me["username"].as_str().unwrap_or("trainee").to_string();
        ServerSetup {
            version: ApiVersion::V2_41,
            metadata: build::metadata(),
            users: vec![TestUser { username, password: DEMO_PASSWORD.to_string(), token: None, me }],
            context_path: None,
        }
    }
}

/// One request the server answered (or dropped).
#[derive(Debug, Clone, PartialEq)]
pub struct RequestRecord {
    pub method: String,
    /// As received, context path included.
    pub path_and_query: String,
    /// The status sent; 0 while no answer has been sent (a drop fault, or a hang still waiting).
    pub status: u16,
    pub fault: Option<Fault>,
    /// Bytes of the request body.
    pub body_size: usize,
}

/// The state every request handler sees.
pub(crate) struct Shared {
    pub meta: metadata::Metadata,
    pub users: Vec<TestUser>,
    /// "" or "/dhis".
    pub context_path: String,
    /// "http://127.0.0.1:PORT" + context path, set once bound.
    pub base_url: String,
    pub inner: Mutex<Inner>,
}

/// What changes while the server runs.
pub(crate) struct Inner {
    pub version: ApiVersion,
    pub clock_offset: TimeDelta,
    pub faults: faults::Faults,
    pub records: Vec<RequestRecord>,
    pub store: store::Store,
    pub jobs: tracker_import::Jobs,
}

impl Shared {
    pub fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panicking handler must not take the whole test server down with a poisoned lock.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The server clock, in the server's time zone (how DHIS2 writes `createdAt`/`updatedAt`).
    pub fn now(&self, inner: &Inner) -> NaiveDateTime {
        let utc = Utc::now() + inner.clock_offset;
        self.meta.local_time(utc)
    }
}

/// A running test server. Dropping it stops the server and its runtime.
pub struct TestServer {
    shared: Arc<Shared>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl TestServer {
    /// Binds 127.0.0.1 on a free port and serves `setup` until dropped.
    pub fn start(setup: ServerSetup) -> TestServer {
        let (shared, shutdown, thread) = http::start(setup);
        TestServer { shared, shutdown: Some(shutdown), thread: Some(thread) }
    }

    /// "http://127.0.0.1:PORT", plus the context path.
    pub fn url(&self) -> String {
        self.shared.base_url.clone()
    }

    pub fn set_version(&self, v: ApiVersion) {
        self.shared.lock().version = v;
    }

    /// The server clock becomes now + `offset` (serverDate, createdAt/updatedAt, updatedAfter).
    pub fn set_clock_offset(&self, offset: TimeDelta) {
        self.shared.lock().clock_offset = offset;
    }

    /// Adds a fault rule; rules are tried in the order injected, before random faults.
    pub fn inject(&self, rule: FaultRule) {
        self.shared.lock().faults.rules.push(rule);
    }

    /// From now on, each request gets one of `faults` with `probability`, drawn from a generator
    /// seeded with `seed` (the same request sequence gets the same faults).
    pub fn inject_random(&self, seed: u64, probability: f64, faults: Vec<Fault>) {
        self.shared.lock().faults.random = Some(faults::RandomFaults::new(seed, probability, faults));
    }

    /// How many requests the injected fault rules will still fault (random faults not counted).
    pub fn pending_faults(&self) -> usize {
        self.shared.lock().faults.rules.iter().map(|r| r.times as usize).sum()
    }

    pub fn clear_faults(&self) {
        let mut inner = self.shared.lock();
        inner.faults.rules.clear();
        inner.faults.random = None;
    }

    pub fn requests(&self) -> Vec<RequestRecord> {
        self.shared.lock().records.clone()
    }

    /// The tracked entities held, as 2.41 export JSON with `attributes` (enrollments not nested;
    /// deleted ones included with `deleted: true`).
    pub fn tracked_entities(&self) -> Vec<Value> {
        let inner = self.shared.lock();
        inner.store.tracked_entities.values().map(|te| te.json.clone()).collect()
    }

    pub fn enrollments(&self) -> Vec<Value> {
        let inner = self.shared.lock();
        inner.store.enrollments.values().map(|e| inner.store.enrollment_json(&self.shared.meta, e)).collect()
    }

    pub fn events(&self) -> Vec<Value> {
        self.shared.lock().store.events.values().cloned().collect()
    }

    pub fn data_values(&self) -> Vec<Value> {
        self.shared.lock().store.data_values.values().cloned().collect()
    }

    pub fn completions(&self) -> Vec<Value> {
        self.shared.lock().store.completions.values().cloned().collect()
    }

    /// How many times an object with this UID was created (an import that creates it twice is a bug).
    pub fn creations(&self, uid: &str) -> usize {
        self.shared.lock().store.creations.get(uid).copied().unwrap_or(0)
    }

    /// A change made on the server by someone else: creates or replaces `te` (2.41 nested shape:
    /// attributes, enrollments[events[dataValues]]), stamped with the server clock.
    pub fn put_tracked_entity(&self, te: Value) {
        self.bulk_load(vec![te]);
    }

    /// Sets (or with `None` removes) one attribute value of a tracked entity.
    pub fn set_attribute_value(&self, te: &str, attribute: &str, value: Option<&str>) {
        let mut inner = self.shared.lock();
        let now = self.shared.now(&inner);
        inner.store.set_attribute_value(te, attribute, value, now);
    }

    /// Sets (or with `None` removes) one data value of an event.
    pub fn set_event_value(&self, event: &str, data_element: &str, value: Option<&str>) {
        let mut inner = self.shared.lock();
        let now = self.shared.now(&inner);
        inner.store.set_event_value(event, data_element, value, now);
    }

    /// Soft-deletes an event (exports with `includeDeleted=true` show it with `deleted: true`).
    pub fn delete_event(&self, event: &str) {
        let mut inner = self.shared.lock();
        let now = self.shared.now(&inner);
        inner.store.delete_event(event, now);
    }

    /// Sets (or with `None` deletes) one aggregate data value.
    pub fn set_data_value(&self, key: DataValueKey, value: Option<&str>) {
        let mut inner = self.shared.lock();
        let now = self.shared.now(&inner);
        inner.store.set_data_value(&key, value, "admin", now);
    }

    /// Loads many tracked entities (2.41 nested shape) at once, without validation.
    pub fn bulk_load(&self, tracked_entities: Vec<Value>) {
        let mut inner = self.shared.lock();
        let now = self.shared.now(&inner);
        for te in tracked_entities {
            inner.store.put_nested(&self.shared.meta, te, now);
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
