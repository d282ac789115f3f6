//! The client against canned servers on 127.0.0.1 (`test_server`). The certificates in
//! `testdata/` are self-signed P-256 certificates for `localhost` and 127.0.0.1, valid for 100
//! years, made for these tests with
//! `openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 36500
//! -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1` (keys as PKCS#8 DER).

use std::io::Write;
use std::time::{Duration, Instant};

use super::test_server::{answer, closed_port, json, serve, serve_tls, system_info, Reply, TestServer};
use super::*;

const SERVER_CERT: &[u8] = include_bytes!("testdata/server-cert.der");
const SERVER_KEY: &[u8] = include_bytes!("testdata/server-key.der");
const OTHER_CERT: &[u8] = include_bytes!("testdata/other-cert.der");

fn target(url: &str) -> ServerTarget {
    ServerTarget { url: url.to_string(), username: "sokha".to_string() }
}

fn password() -> Credentials {
    Credentials::Password { username: "sokha".into(), password: "Phum!2026".into() }
}

fn options() -> ClientOptions {
    ClientOptions {
        connect_timeout: Duration::from_secs(5),
        read_timeout: Duration::from_secs(5),
        ..Default::default()
    }
}

fn connect(server: &TestServer) -> Result<Client, ClientError> {
    Client::connect(&target(&server.url), password(), options())
}

/// A client connected to a server that then gives `replies`.
fn connected(replies: Vec<Reply>) -> (Client, TestServer) {
    let mut all = vec![system_info("2.41.3")];
    all.extend(replies);
    let server = serve(all);
    let client = connect(&server).unwrap();
    (client, server)
}

fn header<'a>(request: &'a str, name: &str) -> Option<&'a str> {
    request
        .lines()
        .filter_map(|l| l.split_once(':'))
        .find(|(n, _)| n.trim().eq_ignore_ascii_case(name))
        .map(|(_, v)| v.trim())
}

#[test]
fn connect_reads_the_system_info_with_basic_auth_under_the_context_path() {
    let server = serve(vec![system_info("2.41.3-SNAPSHOT")]);
    let client = Client::connect(&target(&format!("{}/dhis/", server.url)), password(), options()).unwrap();
    let system = client.system();
    assert_eq!(system.version, ServerVersion::new(2, 41, 3));
    assert_eq!(system.version_text, "2.41.3-SNAPSHOT");
    assert_eq!(system.server_date.as_deref(), Some("2026-12-05T10:02:11.123"));
    assert_eq!(system.time_zone.as_deref(), Some("Asia/Phnom_Penh"));
    assert_eq!(client.version(), ServerVersion::new(2, 41, 3));
    assert_eq!(client.url().as_str(), format!("{}/dhis", server.url));
    let requests = server.requests();
    assert!(requests[0].starts_with(&format!("GET /dhis{SYSTEM_INFO} HTTP/1.1")), "{}", requests[0]);
    assert_eq!(header(&requests[0], "authorization"), Some("Basic c29raGE6UGh1bSEyMDI2"));
    assert_eq!(header(&requests[0], "accept-encoding"), Some("gzip"));
}

#[test]
fn a_personal_access_token_goes_in_the_api_token_header() {
    let server = serve(vec![system_info("2.40.2")]);
    Client::connect(
        &target(&server.url),
        Credentials::Token("d2pat_5xVA12xyUbWNedQxy4ohH77WlxRGVvZZ1151814092".into()),
        options(),
    )
    .unwrap();
    let request = &server.requests()[0];
    assert_eq!(header(request, "authorization"), Some("ApiToken d2pat_5xVA12xyUbWNedQxy4ohH77WlxRGVvZZ1151814092"));
}

#[test]
fn servers_older_than_2_39_are_refused_and_2_39_to_2_42_accepted() {
    for version in ["2.39.0", "2.40.4.1", "2.41.0", "2.42.1-SNAPSHOT"] {
        let server = serve(vec![system_info(version)]);
        let client = connect(&server).unwrap_or_else(|e| panic!("{version}: {e}"));
        assert_eq!(client.system().version_text, version);
    }
    for version in ["2.38.4", "2.36.0"] {
        let server = serve(vec![system_info(version)]);
        let err = connect(&server).err().unwrap();
        assert!(matches!(&err, ClientError::UnsupportedVersion { version: v, .. } if v == version), "{err:?}");
    }
}

#[test]
fn a_server_without_the_system_info_of_dhis2_is_not_dhis2() {
    let replies = [
        json(200, r#"{"status":"UP"}"#),
        json(200, r#"{"version":"latest"}"#),
        answer(200, &[("Content-Type", "text/plain")], b"It works!"),
        json(404, r#"{"error":"Not Found"}"#),
    ];
    for reply in replies {
        let server = serve(vec![reply]);
        let err = connect(&server).err().unwrap();
        assert!(matches!(err, ClientError::NotDhis2 { .. }), "{err:?}");
    }
}

#[test]
fn wrong_credentials_are_unauthorized() {
    for status in [401, 403] {
        let server = serve(vec![json(status, r#"{"httpStatus":"Unauthorized","httpStatusCode":401}"#)]);
        let err = connect(&server).err().unwrap();
        assert!(matches!(err, ClientError::Unauthorized { .. }), "{status}: {err:?}");
    }
}

#[test]
fn an_html_page_or_a_redirect_where_json_was_expected_is_a_login_page() {
    let replies = [
        answer(200, &[("Content-Type", "text/html;charset=UTF-8")], b"<!DOCTYPE html><title>DHIS 2</title>"),
        answer(200, &[("Content-Type", "application/json")], b"  \n<html><body>Captive portal</body></html>"),
        answer(302, &[("Location", "/dhis-web-login/")], b""),
        answer(301, &[("Location", "https://elsewhere.example/")], b""),
    ];
    for reply in replies {
        let server = serve(vec![reply, system_info("2.41.0")]);
        let err = connect(&server).err().unwrap();
        assert!(matches!(err, ClientError::LoginPage { .. }), "{err:?}");
        assert_eq!(server.requests().len(), 1, "a redirect is not followed");
    }
}

#[test]
fn other_statuses_carry_retry_after_in_seconds_or_as_a_date() {
    let (client, _server) = connected(vec![
        answer(503, &[("Retry-After", "30")], b"busy"),
        answer(
            429,
            &[("Date", "Sat, 05 Dec 2026 03:00:00 GMT"), ("Retry-After", "Sat, 05 Dec 2026 03:01:30 GMT")],
            b"",
        ),
        json(500, r#"{"message":"NullPointerException"}"#),
    ]);
    let err = client.get("/api/me").unwrap_err();
    assert!(matches!(err, ClientError::Http { status: 503, .. }), "{err:?}");
    assert_eq!(err.retry_after(), Some(Duration::from_secs(30)));
    let err = client.get("/api/me").unwrap_err();
    assert!(matches!(err, ClientError::Http { status: 429, .. }), "{err:?}");
    assert_eq!(err.retry_after(), Some(Duration::from_secs(90)), "read against the server's Date");
    let err = client.get("/api/me").unwrap_err();
    assert_eq!(err, ClientError::Http { url: format!("{}/api/me", client.url()), status: 500, retry_after: None });
}

#[test]
fn a_409_import_report_is_an_answer_to_a_post_but_not_to_a_get() {
    let report = r#"{"status":"ERROR","validationReport":{"errorReports":[]}}"#;
    let (client, server) = connected(vec![json(409, report), json(200, r#"{"status":"OK"}"#), json(409, report)]);
    let answer = client.post_json("/api/tracker?async=false", br#"{"events":[]}"#).unwrap();
    assert_eq!(answer, Answer { status: 409, body: report.as_bytes().to_vec() });
    let answer = client.post_json("/api/tracker?async=false", b"{}").unwrap();
    assert_eq!(answer.status, 200);
    let err = client.get("/api/tracker/events").unwrap_err();
    assert!(matches!(err, ClientError::Http { status: 409, .. }), "{err:?}");
    let requests = server.requests();
    assert!(requests[1].starts_with("POST /api/tracker?async=false HTTP/1.1"), "{}", requests[1]);
    assert_eq!(header(&requests[1], "content-type"), Some("application/json"));
    assert!(requests[1].ends_with(r#"{"events":[]}"#), "{}", requests[1]);
}

#[test]
fn a_gzip_body_is_inflated() {
    let body = format!(r#"{{"trackedEntities":[{}]}}"#, vec![r#"{"trackedEntity":"PQfMcpmXeFE"}"#; 200].join(","));
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(body.as_bytes()).unwrap();
    let gzipped = encoder.finish().unwrap();
    assert!(gzipped.len() < body.len() / 10);
    let (client, _server) =
        connected(vec![answer(200, &[("Content-Type", "application/json"), ("Content-Encoding", "gzip")], &gzipped)]);
    assert_eq!(client.get("/api/tracker/trackedEntities").unwrap(), body.as_bytes());
}

fn small_limit() -> ClientOptions {
    ClientOptions { max_body_bytes: 1024 * 1024, ..options() }
}

#[test]
fn a_body_over_the_limit_is_refused_without_reading_it_all() {
    let head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 209715200\r\n\r\n".to_vec();
    let chunked_head =
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    let server = serve(vec![
        system_info("2.41.0"),
        Reply::Endless { head, chunked: false },
        Reply::Endless { head: chunked_head, chunked: true },
    ]);
    let client = Client::connect(&target(&server.url), password(), small_limit()).unwrap();
    for _ in 0..2 {
        let started = Instant::now();
        let err = client.get("/api/metadata").unwrap_err();
        assert!(matches!(err, ClientError::TooLarge { limit: 1048576, .. }), "{err:?}");
        let written = server.endless_written();
        assert!(written < 64 * 1024 * 1024, "the client stopped reading: {written} bytes were sent");
        assert!(started.elapsed() < Duration::from_secs(10));
    }
}

#[test]
fn a_body_cut_short_is_truncated() {
    let cut = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"events\":[".to_vec();
    let (client, _server) = connected(vec![Reply::Raw(cut)]);
    let err = client.get("/api/tracker/events").unwrap_err();
    assert!(matches!(err, ClientError::Truncated { .. }), "{err:?}");
    assert!(err.transient());
}

#[test]
fn a_silent_server_times_out_and_a_closed_port_is_a_connection_failure() {
    let server = serve(vec![Reply::Silent(Duration::from_secs(5))]);
    let quick = ClientOptions { read_timeout: Duration::from_millis(300), ..options() };
    let started = Instant::now();
    let err = Client::connect(&target(&server.url), password(), quick).err().unwrap();
    assert!(matches!(err, ClientError::Timeout { .. }), "{err:?}");
    assert!(started.elapsed() < Duration::from_secs(3), "{:?}", started.elapsed());

    let url = format!("http://127.0.0.1:{}", closed_port());
    let err = Client::connect(&target(&url), password(), options()).err().unwrap();
    assert!(matches!(err, ClientError::Connect { .. }), "{err:?}");
    assert!(err.transient());
}

#[test]
fn plain_http_to_another_host_is_refused_before_connecting() {
    let err = Client::connect(&target("http://hmis.moh.gov.kh"), password(), options()).err().unwrap();
    assert!(matches!(err, ClientError::InsecureUrl { .. }), "{err:?}");
    let err = Client::connect(&target("hmis moh"), password(), options()).err().unwrap();
    assert!(matches!(err, ClientError::InvalidUrl { .. }), "{err:?}");
}

#[test]
fn a_pinned_certificate_is_the_only_one_accepted() {
    let pinned = |der: &[u8]| ClientOptions { pinned_certificate: Some(der.to_vec()), ..options() };

    let server = serve_tls(SERVER_CERT, SERVER_KEY, vec![system_info("2.41.0"), json(200, r#"{"id":"xE7jOejl9FI"}"#)]);
    let client = Client::connect(&target(&server.url), password(), pinned(SERVER_CERT)).unwrap();
    assert_eq!(client.get("/api/me?fields=id").unwrap(), br#"{"id":"xE7jOejl9FI"}"#);
    assert_eq!(header(&server.requests()[0], "authorization"), Some("Basic c29raGE6UGh1bSEyMDI2"));

    let server = serve_tls(SERVER_CERT, SERVER_KEY, vec![system_info("2.41.0")]);
    let err = Client::connect(&target(&server.url), password(), pinned(OTHER_CERT)).err().unwrap();
    assert!(matches!(err, ClientError::CertificateMismatch { .. }), "{err:?}");
    assert!(server.requests().is_empty(), "nothing was sent to the wrong server");

    // Without a pin, the self-signed certificate is checked against the public roots, and fails.
    let server = serve_tls(SERVER_CERT, SERVER_KEY, vec![system_info("2.41.0")]);
    let err = Client::connect(&target(&server.url), password(), options()).err().unwrap();
    assert!(matches!(err, ClientError::Tls { .. }), "{err:?}");
    assert!(server.requests().is_empty());
}

#[test]
fn credentials_never_show_the_secret() {
    let shown = format!("{:?} {:?}", password(), Credentials::Token("d2pat_secret".into()));
    assert!(!shown.contains("Phum!2026") && !shown.contains("d2pat_secret"), "{shown}");
    assert!(shown.contains("sokha"));
}
