//! Searching people by text over the searchable attributes of a program or a tracked entity
//! type: prefix or whole-word, ranked (the whole value > whole words > prefixes), limited, each
//! hit with the attribute it matched. A query is searched by its first [`MAX_QUERY_WORDS`] words
//! (the result names the words left out). Several words are matched by intersecting the people of
//! the two rarest words, read in index order, and checking the others person by person; when
//! those words are too common to hold, by scanning the rarest and checking the others per person.
//!
//! Owns choosing the attributes from metadata (`searchable`, plus unique attributes, which a
//! person can always be found by) and reading the index. Does not own the index rows (`index`)
//! or what the screen shows of a hit.

use std::collections::HashSet;

use rusqlite::{params_from_iter, OptionalExtension};

use super::normalise::{normalise_phone, normalise_phone_prefix, normalise_text};
use super::SearchError;
use crate::model::{Program, TrackedEntityAttribute, TrackedEntityType, Uid};
use crate::store::data::tracker::Data;
use crate::store::data::uid_column;
use crate::store::Store;

/// Where to search: the people of a program, or of a tracked entity type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchScope {
    Program(Uid),
    TrackedEntityType(Uid),
}

/// How query words match indexed words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchMode {
    /// Every query word starts a word of the person (`so` finds `Sok`).
    Prefix,
    /// Every query word is a whole word of the person.
    WholeWord,
}

/// How well a hit matched, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchKind {
    /// The whole value is the query.
    Exact,
    /// Every query word is a whole word.
    WholeWord,
    /// Every query word starts a word.
    Prefix,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchOptions {
    pub mode: MatchMode,
    /// At most this many hits.
    pub limit: usize,
    /// Only people owned by one of these org units (all when empty).
    pub org_units: Vec<Uid>,
}

/// The attributes and people a search looks at, resolved from metadata once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchTarget {
    pub tracked_entity_type: Uid,
    pub attributes: Vec<Uid>,
}

/// What a search found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchResult {
    /// The hits, best first, at most the limit.
    pub hits: Vec<SearchHit>,
    /// Words of the query that were not searched: a query of more than [`MAX_QUERY_WORDS`] words
    /// is searched by its first ones (the screen can say which were left out).
    pub words_ignored: Vec<String>,
}

/// How many words of a query are searched. Each further word adds index lookups for every
/// searchable attribute; names, phones and IDs are a few words, and a longer text (a pasted
/// address, a whole sentence) is searched by its first words, which already narrow it down.
pub const MAX_QUERY_WORDS: usize = 8;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub tracked_entity: Uid,
    pub org_unit: Uid,
    /// The attribute whose value matched (for several query words, the one the rarest word
    /// matched).
    pub attribute: Uid,
    /// That attribute's value as stored.
    pub value: String,
    pub kind: MatchKind,
}

/// The searchable attributes of a program (its `programTrackedEntityAttributes` marked
/// searchable, and its unique ones) or of a tracked entity type.
pub fn search_target(store: &Store, scope: SearchScope) -> Result<SearchTarget, SearchError> {
    let (tet, candidates): (Uid, Vec<(Uid, bool)>) = match scope {
        SearchScope::Program(uid) => {
            let program = store.get::<Program>(uid)?.ok_or(SearchError::UnknownProgram(uid))?;
            let tet = program.tracked_entity_type.ok_or(SearchError::ProgramWithoutTrackedEntityType(uid))?.id;
            let attrs = program
                .program_tracked_entity_attributes
                .iter()
                .map(|a| (a.tracked_entity_attribute.id, a.searchable))
                .collect();
            (tet, attrs)
        }
        SearchScope::TrackedEntityType(uid) => {
            let tet = store.get::<TrackedEntityType>(uid)?.ok_or(SearchError::UnknownTrackedEntityType(uid))?;
            let attrs = tet
                .tracked_entity_type_attributes
                .iter()
                .map(|a| (a.tracked_entity_attribute.id, a.searchable))
                .collect();
            (uid, attrs)
        }
    };
    let mut attributes = Vec::new();
    for (attribute, searchable) in candidates {
        let unique = store.get::<TrackedEntityAttribute>(attribute)?.is_some_and(|a| a.unique);
        if (searchable || unique) && !attributes.contains(&attribute) {
            attributes.push(attribute);
        }
    }
    if attributes.is_empty() {
        return Err(SearchError::NoSearchableAttributes { scope });
    }
    Ok(SearchTarget { tracked_entity_type: tet, attributes })
}

/// The query in index form: the words, or for something typed like a phone number, its
/// national digits.
fn query_tokens(text: &str) -> Vec<String> {
    if let Some(phone) = normalise_phone_prefix(text) {
        return vec![phone];
    }
    normalise_text(text).split(' ').filter(|t| !t.is_empty()).map(str::to_string).collect()
}

/// A hit before its value is read: the matched word, the person, their org unit, the attribute.
type Candidate = (String, Uid, Uid, Uid);

/// An index row: the word, the person, the attribute.
type IndexRow = (String, Uid, Uid);

/// The last string that starts with `prefix` in SQLite's binary order (for range scans).
fn prefix_end(prefix: &str) -> String {
    format!("{prefix}\u{10FFFF}")
}

/// Searches the people of `target` for `text` (its first [`MAX_QUERY_WORDS`] words; the whole
/// text for an exact match).
pub fn search(
    d: &Data<'_>,
    target: &SearchTarget,
    text: &str,
    options: &SearchOptions,
) -> Result<SearchResult, SearchError> {
    if options.limit == 0 {
        return Err(SearchError::ZeroLimit);
    }
    let mut tokens = query_tokens(text);
    if tokens.is_empty() {
        return Err(SearchError::EmptyQuery);
    }
    // A word typed twice matches like once.
    let mut distinct = HashSet::new();
    tokens.retain(|t| distinct.insert(t.clone()));
    let words_ignored = tokens.split_off(tokens.len().min(MAX_QUERY_WORDS));
    let mut hits: Vec<SearchHit> = Vec::new();
    let mut seen: HashSet<Uid> = HashSet::new();
    // A whole phone number compares in national form, anything else in search form.
    let norm = normalise_phone(text).unwrap_or_else(|| normalise_text(text));
    if !norm.is_empty() {
        collect_exact(d, target, &norm, options, &mut hits, &mut seen)?;
    }
    let mut kinds = vec![MatchKind::WholeWord];
    if options.mode == MatchMode::Prefix {
        kinds.push(MatchKind::Prefix);
    }
    for kind in kinds {
        if hits.len() >= options.limit {
            break;
        }
        collect_tokens(d, target, &tokens, kind, options, &mut hits, &mut seen)?;
    }
    hits.truncate(options.limit);
    Ok(SearchResult { hits, words_ignored })
}

/// `AND e.tracked_entity_type = ? AND e.deleted = 0 [AND e.org_unit IN (...)]` with its
/// parameters appended.
fn person_filter(target: &SearchTarget, options: &SearchOptions, args: &mut Vec<String>) -> String {
    args.push(target.tracked_entity_type.as_str().to_string());
    let mut sql = format!(" AND e.deleted = 0 AND e.tracked_entity_type = ?{}", args.len());
    if !options.org_units.is_empty() {
        let marks: Vec<String> = options
            .org_units
            .iter()
            .map(|ou| {
                args.push(ou.as_str().to_string());
                format!("?{}", args.len())
            })
            .collect();
        sql.push_str(&format!(" AND e.org_unit IN ({})", marks.join(", ")));
    }
    sql
}

fn collect_exact(
    d: &Data<'_>,
    target: &SearchTarget,
    norm: &str,
    options: &SearchOptions,
    hits: &mut Vec<SearchHit>,
    seen: &mut HashSet<Uid>,
) -> Result<(), SearchError> {
    let mut found: Vec<Candidate> = Vec::new();
    for attribute in &target.attributes {
        let mut args = vec![attribute.as_str().to_string(), norm.to_string()];
        let filter = person_filter(target, options, &mut args);
        let sql = format!(
            "SELECT v.tracked_entity, e.org_unit FROM search_value v JOIN tracked_entity e ON e.uid = v.tracked_entity
             WHERE v.attribute = ?1 AND v.norm = ?2{filter} ORDER BY v.tracked_entity"
        );
        let mut stmt = d.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params_from_iter(args.iter()))?;
        let mut n = 0;
        while let Some(row) = rows.next()? {
            let te = uid_at(row, 0)?;
            if seen.contains(&te) {
                continue;
            }
            found.push((String::new(), te, uid_at(row, 1)?, *attribute));
            n += 1;
            if n >= options.limit {
                break;
            }
        }
    }
    finish(d, found, MatchKind::Exact, options.limit, hits, seen)
}

/// One tier of word matches. A query of several words is first looked up with its words run
/// together (the typed text with spaces ignored starts a word, or a value's words run
/// together: Khmer is often typed without spaces); the people found so are usually enough, and
/// only when they are not does the slower scan match each word on its own (in prefix mode, only
/// in the prefix tier: words found in different attributes then rank as prefix matches).
fn collect_tokens(
    d: &Data<'_>,
    target: &SearchTarget,
    tokens: &[String],
    kind: MatchKind,
    options: &SearchOptions,
    hits: &mut Vec<SearchHit>,
    seen: &mut HashSet<Uid>,
) -> Result<(), SearchError> {
    if tokens.len() > 1 {
        scan_tokens(d, target, &[tokens.concat()], kind, options, hits, seen)?;
        // In prefix mode the prefix tier that follows finds words matched one by one anyway;
        // scanning for them twice is what made two common but unrelated names slow.
        if hits.len() >= options.limit || (kind == MatchKind::WholeWord && options.mode == MatchMode::Prefix) {
            return Ok(());
        }
    }
    scan_tokens(d, target, tokens, kind, options, hits, seen)
}

fn scan_tokens(
    d: &Data<'_>,
    target: &SearchTarget,
    tokens: &[String],
    kind: MatchKind,
    options: &SearchOptions,
    hits: &mut Vec<SearchHit>,
    seen: &mut HashSet<Uid>,
) -> Result<(), SearchError> {
    if tokens.len() == 1 {
        return scan_driver(d, target, tokens, 0, kind, options, hits, seen);
    }
    // The words by how many index rows they have (counted up to a cap); a word without any row
    // empties the tier.
    let mut counts = Vec::with_capacity(tokens.len());
    for token in tokens {
        let (lo, hi) = token_range(token, kind);
        let n = rows_up_to(d, &target.attributes, &lo, &hi, DRIVER_COUNT_CAP)?;
        if n == 0 {
            return Ok(());
        }
        counts.push(n);
    }
    let mut order: Vec<usize> = (0..tokens.len()).collect();
    order.sort_by_key(|&i| (counts[i], usize::MAX - tokens[i].len()));
    let want = options.limit - hits.len().min(options.limit);
    if let Some(found) = intersect_rarest(d, target, tokens, &order, kind, options, want, seen)? {
        return finish(d, found, kind, options.limit, hits, seen);
    }
    scan_driver(d, target, tokens, order[0], kind, options, hits, seen)
}

/// The index range of a query word: the word itself, or every word it starts.
fn token_range(token: &str, kind: MatchKind) -> (String, String) {
    match kind {
        MatchKind::Prefix => (token.to_string(), prefix_end(token)),
        _ => (token.to_string(), token.to_string()),
    }
}

/// Index rows read for one word before its people are too many to hold in memory: the words are
/// then matched by [`scan_driver`] instead.
const SET_CAP: usize = 20_000;

/// How many people are left to check word by word (one probe each) rather than by reading the
/// next word's index range.
const PROBE_MAX: usize = 64;

/// The people who have the rarest words, by reading the words' index ranges in order (a few
/// hundred pages read one after the other) and intersecting them in memory, rarest first, while
/// more than [`PROBE_MAX`] people are left; then each person left is checked for the other words
/// and the person filter. Several common words that rarely go together (two names of different
/// people, a pasted line) cost a few range reads instead of a probe per person of the rarest
/// word. `None` when one of the two rarest words has more than [`SET_CAP`] rows (a one-letter
/// prefix): [`scan_driver`] then finds enough people quickly.
#[allow(clippy::too_many_arguments)]
fn intersect_rarest(
    d: &Data<'_>,
    target: &SearchTarget,
    tokens: &[String],
    order: &[usize],
    kind: MatchKind,
    options: &SearchOptions,
    want: usize,
    seen: &HashSet<Uid>,
) -> Result<Option<Vec<Candidate>>, SearchError> {
    let (lo, hi) = token_range(&tokens[order[0]], kind);
    let Some(driver) = rows_in(d, &target.attributes, &lo, &hi, SET_CAP)? else { return Ok(None) };
    let mut candidates: Vec<IndexRow> = driver;
    let mut next = 1;
    while next < order.len() {
        let people: HashSet<Uid> = candidates.iter().map(|(_, te, _)| *te).collect();
        if next >= 2 && people.len() <= PROBE_MAX {
            break;
        }
        let (lo, hi) = token_range(&tokens[order[next]], kind);
        let Some(rows) = rows_in(d, &target.attributes, &lo, &hi, SET_CAP)? else {
            if next == 1 {
                return Ok(None);
            }
            break;
        };
        let with_word: HashSet<Uid> = rows.into_iter().map(|(_, te, _)| te).collect();
        candidates.retain(|(_, te, _)| with_word.contains(te));
        next += 1;
    }
    // In the order the driving scan gives: by matched word, then person (first attribute first).
    candidates.sort_by(|a, b| (&a.0, a.1.as_str()).cmp(&(&b.0, b.1.as_str())));

    let mut args = vec![String::new()];
    let filter = person_filter(target, options, &mut args);
    let mut person =
        d.conn.prepare_cached(&format!("SELECT e.org_unit FROM tracked_entity e WHERE e.uid = ?1{filter}"))?;
    let marks: Vec<String> = (0..target.attributes.len()).map(|i| format!("?{}", i + 4)).collect();
    let mut has_word = d.conn.prepare_cached(&format!(
        "SELECT 1 FROM search_token o INDEXED BY search_token_by_person
         WHERE o.tracked_entity = ?1 AND o.token >= ?2 AND o.token <= ?3 AND o.attribute IN ({}) LIMIT 1",
        marks.join(", ")
    ))?;
    let others: Vec<(String, String)> = order[next..].iter().map(|&i| token_range(&tokens[i], kind)).collect();
    let mut found = Vec::new();
    let mut taken: HashSet<Uid> = HashSet::new();
    for (token, te, attribute) in candidates {
        if found.len() >= want {
            break;
        }
        if seen.contains(&te) || taken.contains(&te) {
            continue;
        }
        args[0] = te.as_str().to_string();
        let org_unit: Option<String> =
            person.query_row(params_from_iter(args.iter()), |r| r.get(0)).optional().map_err(SearchError::from)?;
        let Some(org_unit) = org_unit else { continue };
        let mut every = true;
        for (lo, hi) in &others {
            let mut probe = vec![te.as_str(), lo.as_str(), hi.as_str()];
            probe.extend(target.attributes.iter().map(|a| a.as_str()));
            if !has_word.exists(params_from_iter(probe.iter()))? {
                every = false;
                break;
            }
        }
        if every {
            let org_unit = uid_column(&org_unit)
                .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))?;
            taken.insert(te);
            found.push((token, te, org_unit, attribute));
        }
    }
    Ok(Some(found))
}

/// The index rows (word, person, attribute) of the searchable attributes with a word in
/// `lo..=hi`, attribute by attribute, each by word and person; `None` past `cap` rows.
fn rows_in(
    d: &Data<'_>,
    attributes: &[Uid],
    lo: &str,
    hi: &str,
    cap: usize,
) -> Result<Option<Vec<IndexRow>>, SearchError> {
    let mut stmt = d.conn.prepare_cached(
        "SELECT token, tracked_entity FROM search_token WHERE attribute = ?1 AND token >= ?2 AND token <= ?3
         ORDER BY token, tracked_entity LIMIT ?4",
    )?;
    let mut out = Vec::new();
    for attribute in attributes {
        let left = (cap + 1 - out.len()) as i64;
        let mut rows = stmt.query(rusqlite::params![attribute.as_str(), lo, hi, left])?;
        while let Some(row) = rows.next()? {
            out.push((row.get(0)?, uid_at(row, 1)?, *attribute));
        }
        if out.len() > cap {
            return Ok(None);
        }
    }
    Ok(Some(out))
}

/// Matches `tokens` by scanning the index rows of the driving word and checking, person by
/// person, that the other words match some searchable value of the same person.
#[allow(clippy::too_many_arguments)]
fn scan_driver(
    d: &Data<'_>,
    target: &SearchTarget,
    tokens: &[String],
    driver: usize,
    kind: MatchKind,
    options: &SearchOptions,
    hits: &mut Vec<SearchHit>,
    seen: &mut HashSet<Uid>,
) -> Result<(), SearchError> {
    let range = |t: &str| token_range(t, kind);
    let want = options.limit - hits.len().min(options.limit);
    let mut found: Vec<Candidate> = Vec::new();
    for attribute in &target.attributes {
        let (lo, hi) = range(&tokens[driver]);
        let mut args = vec![attribute.as_str().to_string(), lo, hi];
        let mut others = String::new();
        let all_attrs: Vec<String> = target
            .attributes
            .iter()
            .map(|a| {
                args.push(a.as_str().to_string());
                format!("?{}", args.len())
            })
            .collect();
        for (i, token) in tokens.iter().enumerate() {
            if i == driver {
                continue;
            }
            let (lo, hi) = range(token);
            args.push(lo);
            args.push(hi);
            others.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM search_token o INDEXED BY search_token_by_person
                   WHERE o.tracked_entity = t.tracked_entity AND o.attribute IN ({}) AND o.token >= ?{} AND o.token <= ?{})",
                all_attrs.join(", "),
                args.len() - 1,
                args.len()
            ));
        }
        let filter = person_filter(target, options, &mut args);
        let sql = format!(
            "SELECT t.tracked_entity, e.org_unit, t.token FROM search_token t JOIN tracked_entity e ON e.uid = t.tracked_entity
             WHERE t.attribute = ?1 AND t.token >= ?2 AND t.token <= ?3{filter}{others}
             ORDER BY t.token, t.tracked_entity"
        );
        let mut stmt = d.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params_from_iter(args.iter()))?;
        let mut mine: HashSet<Uid> = HashSet::new();
        while let Some(row) = rows.next()? {
            let te = uid_at(row, 0)?;
            if seen.contains(&te) || !mine.insert(te) {
                continue;
            }
            found.push((row.get(2)?, te, uid_at(row, 1)?, *attribute));
            if mine.len() >= want {
                break;
            }
        }
    }
    finish(d, found, kind, options.limit, hits, seen)
}

/// How far index rows are counted to choose the driving word of a several-word query.
const DRIVER_COUNT_CAP: usize = 2_000;

/// The index rows of the searchable attributes with a token in `lo..=hi`, counted up to `cap`.
fn rows_up_to(d: &Data<'_>, attributes: &[Uid], lo: &str, hi: &str, cap: usize) -> Result<usize, SearchError> {
    let mut stmt = d.conn.prepare_cached(
        "SELECT count(*) FROM (SELECT 1 FROM search_token WHERE attribute = ?1 AND token >= ?2 AND token <= ?3 LIMIT ?4)",
    )?;
    let mut total = 0;
    for attribute in attributes {
        if total >= cap {
            break;
        }
        let left = (cap - total) as i64;
        let n: i64 = stmt.query_row(rusqlite::params![attribute.as_str(), lo, hi, left], |r| r.get(0))?;
        total += n.max(0) as usize;
    }
    Ok(total)
}

/// Orders one tier's candidates (by matched word, then person), drops repeats across
/// attributes, and adds them with their stored values until the limit.
fn finish(
    d: &Data<'_>,
    mut found: Vec<Candidate>,
    kind: MatchKind,
    limit: usize,
    hits: &mut Vec<SearchHit>,
    seen: &mut HashSet<Uid>,
) -> Result<(), SearchError> {
    found.sort_by(|a, b| (&a.0, a.1.as_str()).cmp(&(&b.0, b.1.as_str())));
    let mut value_of =
        d.conn.prepare_cached("SELECT value FROM attribute_value WHERE tracked_entity = ?1 AND attribute = ?2")?;
    for (_, te, org_unit, attribute) in found {
        if hits.len() >= limit {
            break;
        }
        if !seen.insert(te) {
            continue;
        }
        let value: String = value_of.query_row([te.as_str(), attribute.as_str()], |r| r.get(0))?;
        hits.push(SearchHit { tracked_entity: te, org_unit, attribute, value, kind });
    }
    Ok(())
}

fn uid_at(row: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Uid> {
    let text: String = row.get(i)?;
    uid_column(&text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::tests::{register, uid, BIRTH, HC1, HC2, ID, NAME, PERSON, PHONE};
    use crate::store::import::ImportSource;
    use crate::test_dates::now;

    fn target() -> SearchTarget {
        SearchTarget { tracked_entity_type: uid(PERSON), attributes: vec![uid(NAME), uid(PHONE), uid(ID)] }
    }

    fn opts(mode: MatchMode) -> SearchOptions {
        SearchOptions { mode, limit: 10, org_units: vec![] }
    }

    fn found(store: &Store, text: &str, mode: MatchMode) -> Vec<(Uid, MatchKind)> {
        search(&store.data(), &target(), text, &opts(mode))
            .unwrap()
            .hits
            .into_iter()
            .map(|h| (h.tracked_entity, h.kind))
            .collect()
    }

    #[test]
    fn a_khmer_name_typed_on_another_keyboard_is_found() {
        let mut store = Store::open_in_memory().unwrap();
        // ស្ត្រី ចាន់ stored in encoding order (SA, COENG TA, COENG RO, II); searched as typed
        // with the subscript RO first, and with zero-width spaces around.
        let te = register(&mut store, HC1, &[(NAME, "\u{179F}\u{17D2}\u{178F}\u{17D2}\u{179A}\u{17B8} ចាន់")]);
        let typed = "\u{179F}\u{17D2}\u{179A}\u{17D2}\u{178F}\u{17B8}"; // COENG RO before COENG TA
        assert_eq!(found(&store, typed, MatchMode::WholeWord), vec![(te, MatchKind::WholeWord)]);
        assert_eq!(found(&store, "\u{200B}ចាន់\u{200B}", MatchMode::WholeWord), vec![(te, MatchKind::WholeWord)]);
    }

    #[test]
    fn latin_search_ignores_case() {
        let mut store = Store::open_in_memory().unwrap();
        let te = register(&mut store, HC1, &[(NAME, "Sok Chan")]);
        assert_eq!(found(&store, "SOK CHAN", MatchMode::WholeWord), vec![(te, MatchKind::Exact)]);
        assert_eq!(found(&store, "chan", MatchMode::WholeWord), vec![(te, MatchKind::WholeWord)]);
    }

    #[test]
    fn prefix_mode_finds_word_starts_and_whole_word_mode_does_not() {
        let mut store = Store::open_in_memory().unwrap();
        let sok = register(&mut store, HC1, &[(NAME, "Sok Chan")]);
        let sokha = register(&mut store, HC1, &[(NAME, "Sokha Dara")]);
        register(&mut store, HC1, &[(NAME, "Keo Sophal")]);
        assert_eq!(found(&store, "sok", MatchMode::WholeWord), vec![(sok, MatchKind::WholeWord)]);
        assert_eq!(
            found(&store, "sok", MatchMode::Prefix),
            vec![(sok, MatchKind::WholeWord), (sokha, MatchKind::Prefix)]
        );
        assert!(found(&store, "okh", MatchMode::Prefix).is_empty(), "only word starts match");
        // Every word must match: "so da" is Sokha Dara only.
        assert_eq!(found(&store, "so da", MatchMode::Prefix), vec![(sokha, MatchKind::Prefix)]);
        // Khmer prefixes by typed syllable.
        let khmer = register(&mut store, HC1, &[(NAME, "សុខា ដារា")]);
        assert_eq!(found(&store, "សុ", MatchMode::Prefix), vec![(khmer, MatchKind::Prefix)]);
        // Khmer typed without the space, or with it, finds the same person.
        assert_eq!(found(&store, "សុខាដា", MatchMode::Prefix), vec![(khmer, MatchKind::Prefix)]);
        assert_eq!(found(&store, "សុខា ដា", MatchMode::Prefix), vec![(khmer, MatchKind::Prefix)]);
    }

    #[test]
    fn words_are_matched_across_attributes() {
        let mut store = Store::open_in_memory().unwrap();
        let te = register(&mut store, HC1, &[(NAME, "Sok"), (ID, "BSD-000123")]);
        register(&mut store, HC1, &[(NAME, "Sok"), (ID, "KRL-000001")]);
        assert_eq!(found(&store, "sok bsd", MatchMode::WholeWord), vec![(te, MatchKind::WholeWord)]);
        assert_eq!(found(&store, "sok bs", MatchMode::Prefix), vec![(te, MatchKind::Prefix)]);
        assert_eq!(found(&store, "sok bsd", MatchMode::Prefix), vec![(te, MatchKind::Prefix)]);
    }

    #[test]
    fn results_rank_exact_before_whole_word_before_prefix_and_stop_at_the_limit() {
        let mut store = Store::open_in_memory().unwrap();
        let prefix = register(&mut store, HC1, &[(NAME, "Sokha Keo")]);
        let word = register(&mut store, HC1, &[(NAME, "Sok Dara")]);
        let exact = register(&mut store, HC1, &[(NAME, "Sok")]);
        assert_eq!(
            found(&store, "sok", MatchMode::Prefix),
            vec![(exact, MatchKind::Exact), (word, MatchKind::WholeWord), (prefix, MatchKind::Prefix)]
        );
        let hits = search(&store.data(), &target(), "sok", &SearchOptions { limit: 2, ..opts(MatchMode::Prefix) })
            .unwrap()
            .hits;
        assert_eq!(hits.iter().map(|h| h.tracked_entity).collect::<Vec<_>>(), vec![exact, word]);
        assert_eq!(hits[0].attribute, uid(NAME));
        assert_eq!(hits[0].value, "Sok");
    }

    #[test]
    fn a_phone_is_found_whether_typed_with_855_or_0() {
        let mut store = Store::open_in_memory().unwrap();
        let te = register(&mut store, HC1, &[(NAME, "Sok"), (PHONE, "+855 12 345 678")]);
        let other = register(&mut store, HC1, &[(NAME, "Dara"), (PHONE, "097 123 4567")]);
        for typed in ["012345678", "012 345", "+85512", "+855 12 34", "00855 12", "០១២៣"] {
            let hits = search(&store.data(), &target(), typed, &opts(MatchMode::Prefix)).unwrap().hits;
            assert_eq!(hits.len(), 1, "{typed}");
            assert_eq!((hits[0].tracked_entity, hits[0].attribute), (te, uid(PHONE)), "{typed}");
        }
        assert_eq!(found(&store, "+855 97 123 4567", MatchMode::WholeWord), vec![(other, MatchKind::Exact)]);
    }

    #[test]
    fn only_searchable_attributes_of_the_type_and_the_given_org_units_are_searched() {
        let mut store = Store::open_in_memory().unwrap();
        let here = register(&mut store, HC1, &[(NAME, "Sok"), (BIRTH, "2020-01-01")]);
        let there = register(&mut store, HC2, &[(NAME, "Sok")]);
        assert!(found(&store, "2020", MatchMode::Prefix).is_empty(), "birth date is not searchable here");
        let only_hc2 = SearchOptions { org_units: vec![uid(HC2)], ..opts(MatchMode::Prefix) };
        let hits = search(&store.data(), &target(), "sok", &only_hc2).unwrap().hits;
        assert_eq!(hits.iter().map(|h| h.tracked_entity).collect::<Vec<_>>(), vec![there]);
        // A person of another type and a deleted person are not found.
        let other_type = SearchTarget { tracked_entity_type: uid("PhumTETHous"), ..target() };
        assert!(search(&store.data(), &other_type, "sok", &opts(MatchMode::Prefix)).unwrap().hits.is_empty());
        store.conn().execute("UPDATE tracked_entity SET deleted = 1 WHERE uid = ?1", [here.as_str()]).unwrap();
        assert_eq!(found(&store, "sok", MatchMode::Prefix), vec![(there, MatchKind::Exact)]);
    }

    #[test]
    fn a_changed_name_is_found_by_the_new_name_only() {
        let mut store = Store::open_in_memory().unwrap();
        let te = register(&mut store, HC1, &[(NAME, "Sok Chan")]);
        store
            .write(|d| {
                d.set_attribute_value(te, uid(NAME), Some("Dara Keo"), now())?;
                crate::search::index::index_person(d, te, &[(uid(NAME), "Dara Keo")])
            })
            .unwrap();
        assert!(found(&store, "sok", MatchMode::Prefix).is_empty());
        assert_eq!(found(&store, "dar", MatchMode::Prefix), vec![(te, MatchKind::Prefix)]);
    }

    #[test]
    fn a_query_of_many_words_is_searched_by_its_first_words_and_says_which_were_left_out() {
        let mut store = Store::open_in_memory().unwrap();
        let te = register(&mut store, HC1, &[(NAME, "Sok Chan Dara")]);
        register(&mut store, HC1, &[(NAME, "Sok Keo")]);
        let text = "sok chan dara a b c d e f g h i";
        let result = search(&store.data(), &target(), text, &opts(MatchMode::Prefix)).unwrap();
        // The first eight words are searched; "a b c d e" start words nobody has.
        assert!(result.hits.is_empty(), "{result:?}");
        assert_eq!(result.words_ignored, ["f", "g", "h", "i"]);
        let result = search(&store.data(), &target(), "sok chan dara", &opts(MatchMode::Prefix)).unwrap();
        assert_eq!(result.hits.iter().map(|h| h.tracked_entity).collect::<Vec<_>>(), [te]);
        assert!(result.words_ignored.is_empty());
        // The first words find the person whatever follows them; a word typed twice counts once.
        let long = "sok chan dara dara s c d so ch zz qq ww ee rr tt yy";
        let result = search(&store.data(), &target(), long, &opts(MatchMode::Prefix)).unwrap();
        assert_eq!(result.hits.iter().map(|h| h.tracked_entity).collect::<Vec<_>>(), [te]);
        assert_eq!(result.words_ignored, ["zz", "qq", "ww", "ee", "rr", "tt", "yy"]);
    }

    #[test]
    fn intersecting_the_two_rarest_words_finds_what_scanning_the_rarest_finds() {
        let mut store = Store::open_in_memory().unwrap();
        let family = ["Sok", "Chan", "Keo", "Heng", "សុខ", "ចាន់"];
        let given = ["Dara", "Sokha", "Dalin", "Sophea", "ដារា", "សុភា"];
        for i in 0..240 {
            let name = format!("{} {} {}", family[i % 6], given[(i / 6) % 6], given[(i / 36) % 6]);
            let id = format!("KRL-{:06}", i % 17);
            register(&mut store, if i % 3 == 0 { HC2 } else { HC1 }, &[(NAME, &name), (ID, &id)]);
        }
        let queries = [
            "sok da",
            "chan sophea d",
            "keo krl",
            "ចាន់ ដា",
            "so so",
            "heng dara krl-000003",
            "dal d s",
            "s d k",
            "c d s krl",
        ];
        let mut with_hits = 0;
        for mode in [MatchMode::Prefix, MatchMode::WholeWord] {
            for org_units in [vec![], vec![uid(HC2)]] {
                let options = SearchOptions { mode, limit: 7, org_units };
                let kind = if mode == MatchMode::Prefix { MatchKind::Prefix } else { MatchKind::WholeWord };
                for text in queries {
                    let tokens = query_tokens(text);
                    let d = store.data();
                    let counts: Vec<usize> = tokens
                        .iter()
                        .map(|t| {
                            let (lo, hi) = token_range(t, kind);
                            rows_up_to(&d, &target().attributes, &lo, &hi, DRIVER_COUNT_CAP).unwrap()
                        })
                        .collect();
                    let mut order: Vec<usize> = (0..tokens.len()).collect();
                    order.sort_by_key(|&i| (counts[i], usize::MAX - tokens[i].len()));
                    let (mut by_sets, mut by_scan) = (Vec::new(), Vec::new());
                    let found = intersect_rarest(&d, &target(), &tokens, &order, kind, &options, 7, &HashSet::new())
                        .unwrap()
                        .expect("small sets");
                    finish(&d, found, kind, 7, &mut by_sets, &mut HashSet::new()).unwrap();
                    scan_driver(&d, &target(), &tokens, order[0], kind, &options, &mut by_scan, &mut HashSet::new())
                        .unwrap();
                    assert_eq!(by_sets, by_scan, "{text:?} {mode:?} {:?}", options.org_units);
                    with_hits += usize::from(!by_scan.is_empty());
                }
            }
        }
        assert!(with_hits >= 10, "most queries find people: {with_hits}");
    }

    #[test]
    fn empty_queries_and_a_zero_limit_are_refused() {
        let store = Store::open_in_memory().unwrap();
        for text in ["", "  ", "\u{200B}", "-.-"] {
            let err = search(&store.data(), &target(), text, &opts(MatchMode::Prefix)).unwrap_err();
            assert!(matches!(err, SearchError::EmptyQuery), "{text:?}: {err}");
        }
        let zero = SearchOptions { limit: 0, ..opts(MatchMode::Prefix) };
        assert!(matches!(search(&store.data(), &target(), "sok", &zero), Err(SearchError::ZeroLimit)));
    }

    #[test]
    fn the_target_comes_from_searchable_and_unique_attributes_in_metadata() {
        let mut store = Store::open_in_memory().unwrap();
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/phum/mini_export.json");
        store.import_metadata(&[ImportSource::File(path)]).unwrap();
        let program = search_target(&store, SearchScope::Program(uid("PhumImmProg"))).unwrap();
        assert_eq!(program, SearchTarget { tracked_entity_type: uid(PERSON), attributes: vec![uid(NAME)] });
        let tet = search_target(&store, SearchScope::TrackedEntityType(uid(PERSON))).unwrap();
        assert_eq!(tet.attributes, vec![uid(NAME), uid(ID)]);
        assert!(matches!(
            search_target(&store, SearchScope::Program(uid("NoSuchProg1"))),
            Err(SearchError::UnknownProgram(_))
        ));
    }
}
