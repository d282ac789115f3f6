//! A fake DHIS2 for the metadata download: the demo's metadata served per endpoint, honouring
//! `fields` (references expanded when more than their id is asked for), `filter=<path>:in:[...]`,
//! `:eq:`, `path:like:`, `dataSet=` of validation rules, and paging (DHIS2's default page of 50
//! when `paging=false` is not given), in three pager shapes. It can fail request k, answer one
//! endpoint with broken JSON, or never end its pages. Sharing filters (`access.*`) pass
//! everything: the demo has no sharing.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap};

use percent_encoding::percent_decode_str;
use serde_json::{json, Map, Value};

use crate::sync::{Answer, Api, ClientError, ServerVersion};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PagerShape {
    /// `{"pager":{"page","pageCount","total","pageSize"}}` (metadata endpoints).
    Counted,
    /// `{"pager":{"page","pageSize","nextPage"}}`: no totals, a link while there is more.
    NextPageOnly,
    /// `"page"` and `"pageSize"` at the top level, nothing else: a full page means "ask again".
    TopLevel,
}

pub struct Fake {
    pub collections: BTreeMap<String, Vec<Value>>,
    pub me: Value,
    pub system: Value,
    pub pager: PagerShape,
    /// Request index (from 0) that fails with a timeout.
    pub fail_at: Option<usize>,
    /// An endpoint path whose answer is cut-off JSON.
    pub malformed: Option<&'static str>,
    /// Pages never end.
    pub endless: bool,
    pub log: RefCell<Vec<String>>,
    calls: Cell<usize>,
}

struct Field {
    name: String,
    sub: Option<Vec<Field>>,
}

fn parse_fields(text: &str) -> Vec<Field> {
    fn list(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Vec<Field> {
        let mut out = Vec::new();
        let mut name = String::new();
        while let Some(c) = chars.next() {
            match c {
                ',' => {
                    if !name.is_empty() {
                        out.push(Field { name: std::mem::take(&mut name), sub: None });
                    }
                }
                '[' => {
                    let sub = list(chars);
                    out.push(Field { name: std::mem::take(&mut name), sub: Some(sub) });
                }
                ']' => break,
                c => name.push(c),
            }
        }
        if !name.is_empty() {
            out.push(Field { name, sub: None });
        }
        out
    }
    list(&mut text.chars().peekable())
}

impl Fake {
    /// The demo's metadata, the trainee's `/api/me` and system info.
    pub fn demo() -> Fake {
        let mut doc = crate::demo::dataset::build::metadata();
        let system = doc.as_object_mut().unwrap().remove("system").unwrap();
        let collections =
            doc.as_object().unwrap().iter().map(|(k, v)| (k.clone(), v.as_array().unwrap().clone())).collect();
        Fake {
            collections,
            me: crate::demo::dataset::build::me(),
            system,
            pager: PagerShape::Counted,
            fail_at: None,
            malformed: None,
            endless: false,
            log: RefCell::new(Vec::new()),
            calls: Cell::new(0),
        }
    }

    /// The demo, with the whole tree in the search scope.
    pub fn demo_whole_tree() -> Fake {
        let mut fake = Fake::demo();
        fake.me["teiSearchOrganisationUnits"] = json!([{ "id": crate::demo::dataset::org_units::COUNTRY.as_str() }]);
        fake
    }

    pub fn requests(&self) -> Vec<String> {
        self.log.borrow().clone()
    }

    fn by_uid(&self) -> HashMap<&str, &Value> {
        let mut map = HashMap::new();
        for obj in self.collections.values().flatten() {
            let id = obj["id"].as_str().unwrap();
            assert!(map.insert(id, obj).is_none(), "the demo repeats the UID {id}");
        }
        map
    }

    fn select(&self, index: &HashMap<&str, &Value>, value: &Value, fields: &[Field]) -> Value {
        match value {
            Value::Array(items) => Value::Array(items.iter().map(|v| self.select(index, v, fields)).collect()),
            Value::Object(map) => {
                let wants_more = fields.iter().any(|f| f.name != "id");
                let map = match map.get("id").and_then(Value::as_str) {
                    Some(id) if map.len() == 1 && wants_more => {
                        index.get(id).and_then(|v| v.as_object()).unwrap_or(map)
                    }
                    _ => map,
                };
                let mut out = Map::new();
                for f in fields {
                    if let Some(v) = map.get(&f.name) {
                        let v = match &f.sub {
                            None => v.clone(),
                            Some(sub) => self.select(index, v, sub),
                        };
                        out.insert(f.name.clone(), v);
                    }
                }
                Value::Object(out)
            }
            other => other.clone(),
        }
    }

    fn answer(&self, path: &str, params: &[(String, String)]) -> Result<Value, ClientError> {
        let param = |name: &str| params.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
        let index = self.by_uid();
        let fields = parse_fields(param("fields").expect("every request names its fields"));
        match path {
            "/api/system/info" => {
                let mut system = self.system.clone();
                system["serverDate"] = json!(format!("2026-12-05T03:00:{:02}.000", self.calls.get() % 60));
                return Ok(self.select(&index, &system, &fields));
            }
            "/api/me" => return Ok(self.select(&index, &self.me, &fields)),
            _ => {}
        }
        let key = path.strip_prefix("/api/").unwrap();
        let none = Vec::new();
        let known = crate::model::Collection::from_key(key).is_some();
        let Some(all) = self.collections.get(key).or(known.then_some(&none)) else {
            return Err(ClientError::Http { url: path.into(), status: 404, retry_after: None });
        };
        let mut items: Vec<&Value> = all.iter().collect();
        for (_, filter) in params.iter().filter(|(k, _)| k == "filter") {
            let mut parts = filter.splitn(3, ':');
            let (prop, op, value) = (parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap());
            if prop.starts_with("access.") {
                continue;
            }
            let at = |obj: &Value| prop.split('.').fold(obj.clone(), |v, step| v[step].clone());
            items.retain(|obj| {
                let found = at(obj);
                let found = found.as_str().unwrap_or_default();
                match op {
                    "in" => value.trim_matches(['[', ']']).split(',').any(|v| v == found),
                    "eq" => found == value,
                    "like" => found.contains(value),
                    other => panic!("the fake knows no filter operator {other}"),
                }
            });
        }
        if let Some(data_set) = param("dataSet") {
            assert_eq!(key, "validationRules");
            if !self.collections["dataSets"].iter().any(|d| d["id"] == data_set) {
                items.clear();
            }
        }
        let mut answer = json!({});
        if param("paging") != Some("false") {
            let page: usize = param("page").map_or(1, |p| p.parse().unwrap());
            let size: usize = param("pageSize").map_or(50, |p| p.parse().unwrap());
            let total = items.len();
            let pages = total.div_ceil(size).max(1);
            items = items.into_iter().skip((page - 1) * size).take(size).collect();
            let more = page < pages || self.endless;
            answer = match self.pager {
                PagerShape::Counted => json!({ "pager": {
                    "page": page, "pageCount": if self.endless { page + 1 } else { pages },
                    "total": total, "pageSize": size } }),
                PagerShape::NextPageOnly if more => json!({ "pager": {
                    "page": page, "pageSize": size, "nextPage": format!("https://fake{path}?page={}", page + 1) } }),
                PagerShape::NextPageOnly => json!({ "pager": { "page": page, "pageSize": size } }),
                PagerShape::TopLevel => json!({ "page": page, "pageSize": size }),
            };
        }
        let selected: Vec<Value> = items.iter().map(|v| self.select(&index, v, &fields)).collect();
        answer[key] = Value::Array(selected);
        Ok(answer)
    }
}

impl Api for Fake {
    fn version(&self) -> ServerVersion {
        ServerVersion::new(2, 41, 3)
    }

    fn get(&self, path_and_query: &str) -> Result<Vec<u8>, ClientError> {
        self.log.borrow_mut().push(path_and_query.to_string());
        let n = self.calls.get();
        self.calls.set(n + 1);
        if self.fail_at == Some(n) {
            return Err(ClientError::Timeout { url: format!("https://fake{path_and_query}") });
        }
        let (path, query) = path_and_query.split_once('?').unwrap_or((path_and_query, ""));
        if self.malformed == Some(path) {
            return Ok(br#"{"items": [{"id": "#.to_vec());
        }
        let params: Vec<(String, String)> = query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap();
                (k.to_string(), percent_decode_str(v).decode_utf8().unwrap().into_owned())
            })
            .collect();
        Ok(serde_json::to_vec(&self.answer(path, &params)?).unwrap())
    }

    fn post_json(&self, path_and_query: &str, _body: &[u8]) -> Result<Answer, ClientError> {
        Err(ClientError::Http { url: path_and_query.into(), status: 405, retry_after: None })
    }
}
