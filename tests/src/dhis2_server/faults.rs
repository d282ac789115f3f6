//! Faults injected on command: which request gets which fault (rules in order of injection, then
//! the seeded random draw), the answers that replace the route's (proxy errors, login pages), and
//! the bad bodies (cut JSON, wrong types, unknown enums, huge, deeply nested, slow, truncated).
//! Dropping connections is done by `http`, which owns the connection.
//!
//! Owns fault selection and fault answers. Does not own the routes.

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::rng::Rng;

/// What goes wrong with one request.
#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    /// The connection closes without an answer; nothing is stored.
    DropBeforeCommit,
    /// The request is handled (an import committed), then the connection closes without an answer.
    DropAfterCommit,
    /// This status with DHIS2's JSON error body (502 and 504 with a proxy's HTML page).
    Status(u16),
    /// 503 with `Retry-After`.
    ServiceUnavailable { retry_after_secs: u64 },
    /// The answer waits this long before the request is handled.
    Hang(Duration),
    /// The answer's body trickles at this rate.
    Slow { bytes_per_sec: u64 },
    /// A `Content-Length` larger than the bytes sent, then the connection closes.
    Truncated,
    /// 200 `text/html` with a login form (a session expired behind a proxy).
    HtmlLoginPage,
    /// 302 to `/dhis-web-commons/security/login.action`.
    RedirectToLogin,
    /// On a tracker import, the first object is rejected (E1000) and the rest committed; on a
    /// data value set, the first value is rejected (E7617).
    PartialSuccess,
    /// The JSON answer cut in the middle (status and headers as normal).
    MalformedJson,
    /// Every string in the JSON answer replaced by a number.
    WrongTypes,
    /// Every `status` (and `valueType`, `httpStatus`) in the JSON answer set to an unknown value.
    UnknownEnum,
    /// A 200 JSON body of this many bytes, streamed.
    Huge { bytes: u64 },
    /// `[[[[...]]]]` this deep.
    DeeplyNested { depth: usize },
}

/// A fault for the next `times` requests matching `method` (e.g. "POST") and `path_prefix`
/// (e.g. "/api/tracker", without the context path); `None` matches any.
#[derive(Debug, Clone, PartialEq)]
pub struct FaultRule {
    pub method: Option<&'static str>,
    pub path_prefix: Option<String>,
    pub fault: Fault,
    pub times: u32,
}

/// Random faults: each request gets one of `faults` with `probability`.
pub struct RandomFaults {
    rng: Rng,
    probability: f64,
    faults: Vec<Fault>,
}

impl RandomFaults {
    pub fn new(seed: u64, probability: f64, faults: Vec<Fault>) -> RandomFaults {
        RandomFaults { rng: Rng::new(seed), probability, faults }
    }

    fn draw(&mut self) -> Option<Fault> {
        // Two draws per request whatever the outcome, so the sequence depends only on the count.
        let roll = (self.rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        let pick = self.rng.below(self.faults.len());
        (roll < self.probability && !self.faults.is_empty()).then(|| self.faults[pick].clone())
    }
}

#[derive(Default)]
pub struct Faults {
    pub rules: Vec<FaultRule>,
    pub random: Option<RandomFaults>,
}

impl Faults {
    /// The fault for this request, if any (consumes one use of the matching rule).
    pub fn pick(&mut self, method: &str, path: &str) -> Option<Fault> {
        let matching = self.rules.iter_mut().position(|r| {
            r.times > 0
                && r.method.is_none_or(|m| m.eq_ignore_ascii_case(method))
                && r.path_prefix.as_deref().is_none_or(|p| path.starts_with(p))
        });
        if let Some(i) = matching {
            let fault = self.rules[i].fault.clone();
            self.rules[i].times -= 1;
            if self.rules[i].times == 0 {
                self.rules.remove(i);
            }
            return Some(fault);
        }
        self.random.as_mut().and_then(RandomFaults::draw)
    }
}

/// The answer that replaces the route's for faults that never reach it; `None` for the others.
pub fn replacing_answer(fault: &Fault, context_path: &str) -> Option<Response> {
    match fault {
        Fault::Status(502) | Fault::Status(504) => {
            let code = if *fault == Fault::Status(502) { "502 Bad Gateway" } else { "504 Gateway Time-out" };
            let html = format!("<html>\r\n<head><title>{code}</title></head>\r\n<body>\r\n<center><h1>{code}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
            let status =
                if *fault == Fault::Status(502) { StatusCode::BAD_GATEWAY } else { StatusCode::GATEWAY_TIMEOUT };
            Some((status, [(header::CONTENT_TYPE, "text/html")], html).into_response())
        }
        Fault::Status(code) => {
            let status = StatusCode::from_u16(*code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            Some(super::http::web_message(status, "An unexpected error occurred, please try again later."))
        }
        Fault::ServiceUnavailable { retry_after_secs } => {
            let mut r = super::http::web_message(StatusCode::SERVICE_UNAVAILABLE, "Service Unavailable");
            r.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(*retry_after_secs));
            Some(r)
        }
        Fault::HtmlLoginPage => Some(login_page()),
        Fault::RedirectToLogin => Some(
            (StatusCode::FOUND, [(header::LOCATION, format!("{context_path}/dhis-web-commons/security/login.action"))])
                .into_response(),
        ),
        Fault::Huge { bytes } => Some(huge(*bytes)),
        Fault::DeeplyNested { depth } => {
            let body = format!("{}{}", "[".repeat(*depth), "]".repeat(*depth));
            Some(([(header::CONTENT_TYPE, "application/json")], body).into_response())
        }
        _ => None,
    }
}

/// DHIS2's login page (what a proxy or an expired session serves instead of JSON).
pub fn login_page() -> Response {
    let html = "<!DOCTYPE html>\n<html><head><title>DHIS 2 Login</title></head><body>\n\
        <form id=\"loginForm\" action=\"../../dhis-web-commons-security/login.action\" method=\"post\">\n\
        <input type=\"text\" id=\"j_username\" name=\"j_username\"><input type=\"password\" id=\"j_password\" name=\"j_password\">\n\
        <input type=\"submit\" value=\"Sign in\"></form></body></html>\n";
    ([(header::CONTENT_TYPE, "text/html;charset=UTF-8")], html).into_response()
}

/// A JSON object `{"pad":"aaa..."}` of exactly `bytes` bytes (at least 10), streamed in 64 KiB
/// chunks: never held in memory.
fn huge(bytes: u64) -> Response {
    let bytes = bytes.max(10);
    let fill = bytes - 10;
    let stream = futures_util::stream::unfold(0u64, move |sent| async move {
        const CHUNK: u64 = 64 * 1024;
        let total = fill + 10;
        if sent >= total {
            return None;
        }
        let mut chunk = Vec::with_capacity(CHUNK as usize);
        let mut pos = sent;
        while pos < total && (chunk.len() as u64) < CHUNK {
            let b = if pos < 8 {
                b"{\"pad\":\""[pos as usize]
            } else if pos >= total - 2 {
                b"\"}"[(pos - (total - 2)) as usize]
            } else {
                b'a'
            };
            chunk.push(b);
            pos += 1;
        }
        Some((Ok::<Bytes, std::io::Error>(Bytes::from(chunk)), pos))
    });
    let mut r = Response::new(Body::from_stream(stream));
    r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    r.headers_mut().insert(header::CONTENT_LENGTH, HeaderValue::from(bytes));
    r
}

/// Applies a body fault to a buffered JSON answer.
pub fn transform_body(fault: &Fault, body: Bytes) -> Bytes {
    let parsed = || serde_json::from_slice::<Value>(&body).ok();
    match fault {
        Fault::MalformedJson => body.slice(..body.len() / 2),
        Fault::WrongTypes => match parsed() {
            Some(mut v) => {
                strings_to_numbers(&mut v);
                Bytes::from(v.to_string())
            }
            None => body,
        },
        Fault::UnknownEnum => match parsed() {
            Some(mut v) => {
                unknown_enums(&mut v);
                Bytes::from(v.to_string())
            }
            None => body,
        },
        _ => body,
    }
}

fn strings_to_numbers(v: &mut Value) {
    match v {
        Value::String(_) => *v = Value::from(12345),
        Value::Array(items) => items.iter_mut().for_each(strings_to_numbers),
        Value::Object(map) => map.values_mut().for_each(strings_to_numbers),
        _ => {}
    }
}

fn unknown_enums(v: &mut Value) {
    match v {
        Value::Array(items) => items.iter_mut().for_each(unknown_enums),
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                if matches!(k.as_str(), "status" | "valueType" | "httpStatus" | "level" | "trackerType")
                    && v.is_string()
                {
                    *v = Value::String("SOMETHING_NEW_IN_2_99".into());
                } else {
                    unknown_enums(v);
                }
            }
        }
        _ => {}
    }
}

/// A body that trickles out at `bytes_per_sec` (chunks every 100 ms).
pub fn slow_body(body: Bytes, bytes_per_sec: u64) -> Body {
    let chunk = (bytes_per_sec / 10).max(1) as usize;
    let stream = futures_util::stream::unfold(0usize, move |pos| {
        let body = body.clone();
        async move {
            if pos >= body.len() {
                return None;
            }
            if pos > 0 {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            let end = (pos + chunk).min(body.len());
            Some((Ok::<Bytes, std::io::Error>(body.slice(pos..end)), end))
        }
    });
    Body::from_stream(stream)
}

/// Half the body, as a stream (so the server keeps the declared, larger `Content-Length`).
pub fn truncated_body(body: Bytes) -> Body {
    let half = body.slice(..body.len() / 2);
    let stream = futures_util::stream::iter([Ok::<Bytes, std::io::Error>(half)]);
    Body::from_stream(stream)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_apply_in_order_and_run_out() {
        let mut f = Faults::default();
        f.rules.push(FaultRule {
            method: Some("POST"),
            path_prefix: Some("/api/tracker".into()),
            fault: Fault::Truncated,
            times: 1,
        });
        f.rules.push(FaultRule { method: None, path_prefix: None, fault: Fault::Status(500), times: 2 });
        assert_eq!(f.pick("GET", "/api/me"), Some(Fault::Status(500)));
        assert_eq!(f.pick("POST", "/api/tracker"), Some(Fault::Truncated));
        assert_eq!(f.pick("POST", "/api/tracker"), Some(Fault::Status(500)));
        assert_eq!(f.pick("POST", "/api/tracker"), None);
    }

    #[test]
    fn random_faults_are_the_same_for_the_same_seed() {
        let draws = |seed| {
            let mut r = RandomFaults::new(seed, 0.3, vec![Fault::Status(500), Fault::Truncated]);
            (0..200).map(|_| r.draw()).collect::<Vec<_>>()
        };
        assert_eq!(draws(7), draws(7));
        let hits = draws(7).iter().filter(|d| d.is_some()).count();
        assert!((30..90).contains(&hits), "{hits} faults in 200 at 30%");
    }
}
