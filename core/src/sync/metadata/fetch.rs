//! Sending the requests of a metadata download and keeping the answers: one GET at a time, each
//! after asking the observer whether to stop, each answer checked to be the JSON object the
//! endpoint sends (with its collection's list), pages followed to the last.
//!
//! Owns the answers held in memory until the import, the counts (requests, bytes), progress, and
//! feeding each answer to the fingerprint as it arrives.
//! Does not own what is asked (`plan`) or importing (`super`).

use serde_json::Value;

use super::fingerprint::Fingerprint;
use super::query::Request;
use crate::sync::{Api, Observer, Phase, Progress, SyncError};

/// The most pages one paged request is followed to: a server whose pager never ends (or that
/// ignores `page`) stops the download instead of running it forever. 1,000 pages of 500 org
/// units is far beyond a country's tree.
pub const MAX_PAGES: u64 = 1_000;

/// Objects per page of a paged request (the SDK's sizes).
pub const ORG_UNIT_PAGE: u64 = 500;
pub const OPTION_PAGE: u64 = 5_000;

/// One answer as downloaded.
pub struct Fetched {
    /// The request's path and query.
    pub request: String,
    pub body: Vec<u8>,
}

pub struct Fetcher<'a> {
    api: &'a dyn Api,
    observer: &'a dyn Observer,
    pub answers: Vec<Fetched>,
    pub bytes: u64,
    /// The fingerprint of the answers so far.
    pub fingerprint: Fingerprint,
    total: u64,
    /// The last answer, parsed.
    last: Value,
}

/// An answer that is not what `request` (its path names the endpoint) should give.
fn bad(request: &Request, detail: impl Into<String>) -> SyncError {
    SyncError::BadAnswer { endpoint: request.path.to_string(), detail: detail.into() }
}

impl<'a> Fetcher<'a> {
    pub fn new(api: &'a dyn Api, observer: &'a dyn Observer) -> Fetcher<'a> {
        Fetcher {
            api,
            observer,
            answers: Vec::new(),
            bytes: 0,
            fingerprint: Fingerprint::new(),
            total: 0,
            last: Value::Null,
        }
    }

    /// Requests sent so far.
    pub fn requests(&self) -> u64 {
        self.answers.len() as u64
    }

    /// Tells progress that `n` more requests are known to come.
    pub fn expect(&mut self, n: usize) {
        self.total += n as u64;
    }

    /// Sends one request and keeps its answer, which must be a JSON object; returns it parsed.
    pub fn get(&mut self, request: &Request) -> Result<&Value, SyncError> {
        if self.observer.cancelled() {
            return Err(SyncError::Cancelled);
        }
        let path = request.path_and_query();
        let body = self.api.get(&path)?;
        let json: Value = serde_json::from_slice(&body).map_err(|e| bad(request, e.to_string()))?;
        if !json.is_object() {
            return Err(bad(request, "the answer is not a JSON object"));
        }
        self.bytes += body.len() as u64;
        self.fingerprint.add(&path, &json);
        self.answers.push(Fetched { request: path, body });
        self.last = json;
        let done = self.requests();
        self.total = self.total.max(done);
        self.observer.progress(Progress { phase: Phase::Metadata, done, total: self.total });
        Ok(&self.last)
    }

    /// Sends `request` (unpaged: `paging=false` is added) and returns the objects of its
    /// `collection` list.
    pub fn list(&mut self, request: Request, collection: &str) -> Result<Vec<Value>, SyncError> {
        let request = request.param("paging", "false");
        let answer = self.get(&request)?;
        Ok(objects(answer, collection).map_err(|d| bad(&request, d))?.to_vec())
    }

    /// Each of `requests` (one expected step each), their objects together.
    pub fn lists(&mut self, requests: Vec<Request>, collection: &str) -> Result<Vec<Value>, SyncError> {
        self.expect(requests.len());
        let mut out = Vec::new();
        for r in requests {
            out.extend(self.list(r, collection)?);
        }
        Ok(out)
    }

    /// Sends `request` page by page (`paging=true&pageSize=<page_size>&page=N`) until the pager
    /// says there is no next page, and returns the objects of every page. Reads both pager
    /// shapes: `{"pager":{"page","pageCount",...}}` and the pager's fields at the top level; a
    /// pager without `pageCount` goes on while `nextPage` is given or a page comes full.
    pub fn paged(&mut self, request: Request, collection: &str, page_size: u64) -> Result<Vec<Value>, SyncError> {
        let mut out = Vec::new();
        for page in 1..=MAX_PAGES {
            let r = request
                .clone()
                .param("paging", "true")
                .param("pageSize", page_size.to_string())
                .param("page", page.to_string());
            let answer = self.get(&r)?;
            let items = objects(answer, collection).map_err(|d| bad(&r, d))?;
            let count = items.len() as u64;
            out.extend(items.iter().cloned());
            let pager = answer.get("pager").unwrap_or(answer);
            let more = match pager.get("pageCount").and_then(Value::as_u64) {
                Some(pages) => page < pages,
                None if pager.get("nextPage").is_some_and(|n| !n.is_null()) => true,
                None => count >= page_size,
            };
            if !more {
                return Ok(out);
            }
            self.expect(1);
        }
        let r = request.param("page", (MAX_PAGES + 1).to_string());
        Err(bad(&r, format!("more than {MAX_PAGES} pages")))
    }
}

/// The list `collection` of an answer.
pub fn objects<'v>(answer: &'v Value, collection: &str) -> Result<&'v [Value], String> {
    match answer.get(collection) {
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(format!("`{collection}` is not a list")),
        None => Err(format!("no `{collection}` list in the answer")),
    }
}
