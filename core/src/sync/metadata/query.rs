//! Requests as paths with encoded queries: one GET of a metadata endpoint, and the split of a UID
//! list into `filter=<field>:in:[a,b,...]` requests whose query stays under a length that every
//! server and proxy on the way accepts.
//!
//! Owns the query text and the chunking. Does not own what is asked for (`plan`) or sending it
//! (`fetch`). Source: the SDK's `UrlLengthHelper` allows 2,500 query characters minus 200 for
//! the server's URL; [`MAX_QUERY`] keeps to that.

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

use crate::model::Uid;

/// The longest query string (after `?`, encoded) a request may have.
pub const MAX_QUERY: usize = 2_300;

/// What is encoded in a query value: what is not allowed there unencoded (RFC 3986) or would end
/// the value. `,`, `:` and `.` stay as DHIS2's own examples write them.
const VALUE: &AsciiSet =
    &CONTROLS.add(b' ').add(b'"').add(b'#').add(b'%').add(b'&').add(b'+').add(b'<').add(b'=').add(b'>');
const VALUE_STRICT: &AsciiSet =
    &VALUE.add(b'[').add(b']').add(b'`').add(b'{').add(b'|').add(b'}').add(b'^').add(b'\\').add(b'?');

/// One GET of a metadata endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// `/api/programs`.
    pub path: &'static str,
    /// Parameters in order, values not yet encoded.
    pub params: Vec<(&'static str, String)>,
}

impl Request {
    pub fn new(path: &'static str) -> Request {
        Request { path, params: Vec::new() }
    }

    pub fn param(mut self, name: &'static str, value: impl Into<String>) -> Request {
        self.params.push((name, value.into()));
        self
    }

    /// The encoded query, without `?`.
    pub fn query(&self) -> String {
        let parts: Vec<String> = self
            .params
            .iter()
            .map(|(name, value)| format!("{name}={}", utf8_percent_encode(value, VALUE_STRICT)))
            .collect();
        parts.join("&")
    }

    /// What [`crate::sync::Api::get`] takes.
    pub fn path_and_query(&self) -> String {
        match self.query() {
            q if q.is_empty() => self.path.to_string(),
            q => format!("{}?{q}", self.path),
        }
    }
}

/// `base` once per chunk of `ids` (sorted, without repeats), each with
/// `filter=<field>:in:[...]` added, every query within [`MAX_QUERY`]. A chunk holds at least
/// one UID whatever the length (the field lists are short enough that this never matters).
pub fn by_ids<'a>(base: &Request, field: &str, ids: impl IntoIterator<Item = &'a Uid>) -> Vec<Request> {
    let ids: std::collections::BTreeSet<&Uid> = ids.into_iter().collect();
    let with = |chunk: &[&Uid]| {
        let list: Vec<&str> = chunk.iter().map(|u| u.as_str()).collect();
        base.clone().param("filter", format!("{field}:in:[{}]", list.join(",")))
    };
    let mut out = Vec::new();
    let mut chunk: Vec<&Uid> = Vec::new();
    for id in ids {
        chunk.push(id);
        if chunk.len() > 1 && with(&chunk).query().len() > MAX_QUERY {
            chunk.pop();
            out.push(with(&chunk));
            chunk = vec![id];
        }
    }
    if !chunk.is_empty() {
        out.push(with(&chunk));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::metadata::fields;

    /// `n` distinct valid UIDs.
    pub(crate) fn uids(n: usize) -> Vec<Uid> {
        (0..n).map(|i| Uid::parse(&format!("PhumU{i:06}")).unwrap()).collect()
    }

    #[test]
    fn brackets_and_separators_are_encoded_and_uids_stay_readable() {
        let r = Request::new("/api/programs")
            .param("fields", "id,name,translations[property,locale,value]")
            .param("filter", "id:in:[IpHINAT79UW,eBAyeGv0exc]")
            .param("paging", "false");
        assert_eq!(
            r.path_and_query(),
            "/api/programs?fields=id,name,translations%5Bproperty,locale,value%5D\
             &filter=id:in:%5BIpHINAT79UW,eBAyeGv0exc%5D&paging=false"
        );
        assert_eq!(Request::new("/api/me").path_and_query(), "/api/me");
        assert_eq!(Request::new("/x").param("q", "a b&c=d").query(), "q=a%20b%26c%3Dd");
    }

    #[test]
    fn a_thousand_uids_go_in_chunks_whose_queries_stay_under_the_limit() {
        let ids = uids(1000);
        for fields in fields::ALL {
            let base = Request::new("/api/programs")
                .param("fields", fields)
                .param("filter", "access.data.read:eq:true")
                .param("paging", "false");
            let requests = by_ids(&base, "program.id", &ids);
            assert!(requests.len() > 1);
            let mut seen = Vec::new();
            for r in &requests {
                let q = r.query();
                assert!(q.len() <= MAX_QUERY, "{} characters", q.len());
                assert!(r.path_and_query().len() < MAX_QUERY + 20);
                let list = q.split("program.id:in:%5B").nth(1).unwrap().split("%5D").next().unwrap();
                seen.extend(list.split(',').map(str::to_string));
            }
            let expected: Vec<String> = ids.iter().map(|u| u.as_str().to_string()).collect();
            assert_eq!(seen, expected, "every UID once, in order");
            // Chunks are full: merging two neighbours would pass the limit.
            assert!(requests[0].query().len() > MAX_QUERY - 12 - 3);
        }
    }

    #[test]
    fn repeated_uids_are_asked_for_once_and_no_uids_give_no_request() {
        let ids = uids(3);
        let twice: Vec<&Uid> = ids.iter().chain(ids.iter()).collect();
        let requests = by_ids(&Request::new("/api/dataElements"), "id", twice);
        assert_eq!(requests.len(), 1);
        assert_eq!(requests[0].query(), "filter=id:in:%5BPhumU000000,PhumU000001,PhumU000002%5D");
        assert!(by_ids(&Request::new("/api/dataElements"), "id", &[]).is_empty());
    }
}
