//! The HTTP side: binds loopback, runs the connection loop on a 2-worker tokio runtime on its own
//! thread (hyper HTTP/1.1 connections around the axum router, each connection closable from a
//! handler for the drop faults), and wraps every request: context path, fault choice, credentials,
//! the route, the answer's fault, gzip, and the request record.
//!
//! Owns transport and the request pipeline. Does not own routes (`metadata`, `tracker_*`,
//! `aggregate`, `auth`) or fault choice (`faults`).

use std::convert::Infallible;
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use hyper_util::rt::TokioIo;
use serde_json::{json, Value};
use tokio::sync::oneshot;
use tower::ServiceExt;

use super::faults::{self, Fault};
use super::{aggregate, auth, metadata, store, tracker_export, tracker_import};
use super::{Inner, RequestRecord, ServerSetup, Shared};

/// Closes the request's connection without an answer.
#[derive(Clone)]
pub struct Hangup(Arc<Mutex<Option<oneshot::Sender<()>>>>);

impl Hangup {
    fn now(&self) {
        if let Some(tx) = self.0.lock().unwrap_or_else(|e| e.into_inner()).take() {
            let _ = tx.send(());
        }
    }
}

/// The fault chosen for this request, for the routes that act on it (PartialSuccess).
#[derive(Clone)]
pub struct ActiveFault(pub Option<Fault>);

/// Binds, starts the runtime thread, and returns the shared state, the shutdown switch and the thread.
pub fn start(setup: ServerSetup) -> (Arc<Shared>, oneshot::Sender<()>, JoinHandle<()>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    listener.set_nonblocking(true).expect("non-blocking listener");
    let port = listener.local_addr().expect("local address").port();
    let context_path = match setup.context_path.as_deref().map(|p| p.trim_matches('/')) {
        Some(p) if !p.is_empty() => format!("/{p}"),
        _ => String::new(),
    };
    let meta = metadata::Metadata::new(setup.metadata);
    let store = store::Store { default_combo: aggregate::default_combo(&meta), ..Default::default() };
    let shared = Arc::new(Shared {
        meta,
        users: setup.users,
        base_url: format!("http://127.0.0.1:{port}{context_path}"),
        context_path,
        inner: Mutex::new(Inner {
            version: setup.version,
            clock_offset: chrono::TimeDelta::zero(),
            faults: faults::Faults::default(),
            records: Vec::new(),
            store,
            jobs: tracker_import::Jobs::default(),
        }),
    });
    let (tx, rx) = oneshot::channel();
    let for_thread = shared.clone();
    let thread = std::thread::Builder::new()
        .name("dhis2-test-server".into())
        .spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("tokio runtime");
            runtime.block_on(serve(listener, for_thread, rx));
            runtime.shutdown_timeout(std::time::Duration::from_secs(1));
        })
        .expect("server thread");
    (shared, tx, thread)
}

fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/api/ping", get(|| async { "pong" }))
        .route("/api/system/ping", get(|| async { "pong" }))
        .route("/api/system/info", get(auth::system_info))
        .route("/api/me", get(auth::me))
        .route("/api/me/authorization", get(auth::authorization))
        .route("/api/userSettings", get(auth::user_settings))
        .route("/api/systemSettings", get(|| async { json(StatusCode::OK, &json!({})) }))
        .route("/api/metadata", get(metadata::whole))
        .route("/api/tracker", post(tracker_import::import))
        .route("/api/tracker/jobs/{id}", get(tracker_import::job))
        .route("/api/tracker/jobs/{id}/report", get(tracker_import::job_report))
        .route("/api/tracker/trackedEntities", get(tracker_export::tracked_entities))
        .route("/api/tracker/trackedEntities/{uid}", get(tracker_export::tracked_entity))
        .route("/api/tracker/enrollments", get(tracker_export::enrollments))
        .route("/api/tracker/enrollments/{uid}", get(tracker_export::enrollment))
        .route("/api/tracker/events", get(tracker_export::events))
        .route("/api/tracker/events/{uid}", get(tracker_export::event))
        .route("/api/dataValueSets", get(aggregate::get_data_values).post(aggregate::post_data_values))
        .route(
            "/api/completeDataSetRegistrations",
            get(aggregate::get_completions).post(aggregate::post_completions).delete(aggregate::delete_completion),
        )
        .route("/api/{collection}", get(metadata::list))
        .route("/api/{collection}/{id}", get(metadata::one))
        .route("/dhis-web-commons/security/login.action", get(|| async { faults::login_page() }))
        .fallback(|| async { web_message(StatusCode::NOT_FOUND, "Not Found") })
        .with_state(shared)
}

async fn serve(listener: std::net::TcpListener, shared: Arc<Shared>, mut shutdown: oneshot::Receiver<()>) {
    let listener = tokio::net::TcpListener::from_std(listener).expect("tokio listener");
    let app = router(shared.clone());
    loop {
        let (stream, _) = tokio::select! {
            _ = &mut shutdown => return,
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(_) => continue,
            },
        };
        let app = app.clone();
        let shared = shared.clone();
        tokio::spawn(async move {
            let (tx, rx) = oneshot::channel();
            let hangup = Hangup(Arc::new(Mutex::new(Some(tx))));
            let service = hyper::service::service_fn(move |req: Request<hyper::body::Incoming>| {
                let (app, shared, hangup) = (app.clone(), shared.clone(), hangup.clone());
                async move { Ok::<_, Infallible>(handle(shared, app, hangup, req.map(Body::new)).await) }
            });
            let connection = hyper::server::conn::http1::Builder::new().serve_connection(TokioIo::new(stream), service);
            tokio::select! {
                _ = connection => {}
                _ = rx => {}
            }
        });
    }
}

/// One request, start to end.
async fn handle(shared: Arc<Shared>, app: Router, hangup: Hangup, req: Request) -> Response {
    let method = req.method().to_string();
    let path_and_query = req.uri().path_and_query().map(|p| p.to_string()).unwrap_or_default();
    let gzip =
        req.headers().get(header::ACCEPT_ENCODING).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("gzip"));
    let (mut parts, body) = req.into_parts();
    let body = axum::body::to_bytes(body, usize::MAX).await.unwrap_or_default();
    let body_size = body.len();
    // Recorded on arrival with status 0 ("no answer yet"); a dropped connection keeps it.
    let index = {
        let mut inner = shared.lock();
        inner.records.push(RequestRecord {
            method: method.clone(),
            path_and_query: path_and_query.clone(),
            status: 0,
            fault: None,
            body_size,
        });
        inner.records.len() - 1
    };
    let record = |status: u16, fault: &Option<Fault>| {
        if let Some(r) = shared.lock().records.get_mut(index) {
            r.status = status;
            r.fault = fault.clone();
        }
    };

    // The context path: everything the server answers lives under it.
    let Some(inner_path) = path_and_query.strip_prefix(shared.context_path.as_str()).map(str::to_string) else {
        record(404, &None);
        return web_message(StatusCode::NOT_FOUND, "Not Found");
    };
    let inner_path = if inner_path.is_empty() { "/".to_string() } else { inner_path };
    parts.uri = inner_path.parse().unwrap_or_else(|_| "/".parse().expect("a URI"));
    let path = parts.uri.path().to_string();

    let fault = shared.lock().faults.pick(&method, &path);
    record(0, &fault);
    if fault == Some(Fault::DropBeforeCommit) {
        record(0, &fault);
        hangup.now();
        return std::future::pending().await;
    }
    if let Some(Fault::Hang(d)) = &fault {
        tokio::time::sleep(*d).await;
    }
    if let Some(answer) = fault.as_ref().and_then(|f| faults::replacing_answer(f, &shared.context_path)) {
        record(answer.status().as_u16(), &fault);
        return answer;
    }

    if path.starts_with("/api/") && !matches!(path.as_str(), "/api/ping" | "/api/system/ping") {
        match auth::authenticate(&shared, &parts.headers) {
            Ok(user) => {
                parts.extensions.insert(user);
            }
            Err(answer) => {
                record(answer.status().as_u16(), &fault);
                return *answer;
            }
        }
    }
    parts.extensions.insert(ActiveFault(fault.clone()));
    let response = match app.oneshot(Request::from_parts(parts, Body::from(body))).await {
        Ok(r) => r,
        Err(never) => match never {},
    };
    if fault == Some(Fault::DropAfterCommit) {
        record(0, &fault);
        hangup.now();
        return std::future::pending().await;
    }
    let status = response.status();
    let (mut parts, body) = response.into_parts();
    let mut bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap_or_default();
    if let Some(f) = &fault {
        bytes = faults::transform_body(f, bytes);
    }
    if gzip && !bytes.is_empty() && fault.is_none() {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        if encoder.write_all(&bytes).is_ok() {
            if let Ok(compressed) = encoder.finish() {
                bytes = Bytes::from(compressed);
                parts.headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            }
        }
    }
    record(status.as_u16(), &fault);
    let body = match fault {
        Some(Fault::Slow { bytes_per_sec }) => {
            parts.headers.insert(header::CONTENT_LENGTH, HeaderValue::from(bytes.len()));
            faults::slow_body(bytes, bytes_per_sec)
        }
        Some(Fault::Truncated) => {
            parts.headers.insert(header::CONTENT_LENGTH, HeaderValue::from(bytes.len().max(2)));
            faults::truncated_body(bytes)
        }
        _ => {
            parts.headers.remove(header::CONTENT_LENGTH);
            Body::from(bytes)
        }
    };
    Response::from_parts(parts, body)
}

/// A JSON answer.
pub fn json(status: StatusCode, value: &Value) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json;charset=UTF-8")], value.to_string()).into_response()
}

/// DHIS2's WebMessage for an error: `{httpStatus, httpStatusCode, status: "ERROR", message}`.
pub fn web_message(status: StatusCode, message: &str) -> Response {
    json(
        status,
        &json!({
            "httpStatus": status.canonical_reason().unwrap_or("Error"),
            "httpStatusCode": status.as_u16(),
            "status": "ERROR",
            "message": message,
        }),
    )
}
