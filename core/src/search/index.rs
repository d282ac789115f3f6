//! The search index in the store (tables `search_token` and `search_value`, migration 3): for
//! each attribute value of a person, its words in search form, the words run together, its
//! national phone form, and the whole normalised value.
//!
//! Owns writing these rows: index a person's values after they are saved, re-index a person
//! from the store, rebuild everything. Removing rows is the database's job: triggers drop the
//! rows of a changed or removed value and deleting a person cascades, so the index never holds a
//! value that is no longer stored. Does not own reading it (`query`, `duplicates`).

use std::collections::BTreeSet;

use rusqlite::params;

use super::normalise::{normalise_phone, normalise_text};
use super::SearchError;
use crate::model::Uid;
use crate::store::data::tracker::Data;
use crate::store::data::{uid_column, DataError};

/// What the index holds for one value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedValue {
    /// The whole value in search form (names compare on this for duplicates).
    pub norm: String,
    /// Every token a search can start from, without repeats, sorted.
    pub tokens: Vec<String>,
}

/// The index entries of one value. A Cambodian phone number is indexed once, in national form
/// (`+855 12 345 678` is `012345678`), and found by its start typed with 0 or +855. Any other
/// value is indexed by its words and, when it has several, its words run together (so
/// `សុខចាន់` finds `សុខ ចាន់` and `BSD000` finds `BSD-000123`).
pub fn index_entries(value: &str) -> IndexedValue {
    if let Some(phone) = normalise_phone(value) {
        return IndexedValue { norm: phone.clone(), tokens: vec![phone] };
    }
    let norm = normalise_text(value);
    let mut tokens: BTreeSet<String> = norm.split(' ').filter(|t| !t.is_empty()).map(str::to_string).collect();
    if norm.contains(' ') {
        tokens.insert(norm.replace(' ', ""));
    }
    IndexedValue { norm, tokens: tokens.into_iter().collect() }
}

/// Counts after a rebuild.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexStats {
    pub values: u64,
    pub tokens: u64,
}

/// Indexes the given stored values of a person, replacing what the index held for those
/// attributes. Each value must be the one stored (`Data::set_attribute_value` first).
pub fn index_person(d: &Data<'_>, tracked_entity: Uid, values: &[(Uid, &str)]) -> Result<(), SearchError> {
    if d.tracked_entity(tracked_entity)?.is_none() {
        return Err(DataError::NotFound {
            kind: crate::store::data::RecordKind::TrackedEntity,
            uid: tracked_entity.as_str().to_string(),
        }
        .into());
    }
    let mut stored = d.conn.prepare_cached(
        "SELECT value FROM attribute_value WHERE tracked_entity = ?1 AND attribute = ?2 AND value = ?3",
    )?;
    for (attribute, value) in values {
        if !stored.exists(params![tracked_entity.as_str(), attribute.as_str(), value])? {
            return Err(SearchError::NotStored { tracked_entity, attribute: *attribute, value: value.to_string() });
        }
    }
    for (attribute, value) in values {
        write_value(d, tracked_entity, *attribute, value)?;
    }
    Ok(())
}

/// Indexes the values of a person a download has just written in the same transaction
/// (`sync::download`): the values are the stored ones by construction, so they are not read back
/// to be checked as [`index_person`] does. `new`: the person was not here before, so the index
/// has nothing of theirs to replace.
pub(crate) fn index_received(
    d: &Data<'_>,
    tracked_entity: Uid,
    values: &[(Uid, String)],
    new: bool,
) -> Result<(), SearchError> {
    for (attribute, value) in values {
        if new {
            insert_value(d, tracked_entity, *attribute, value)?;
        } else {
            write_value(d, tracked_entity, *attribute, value)?;
        }
    }
    Ok(())
}

/// Re-indexes every stored value of a person.
pub fn reindex_person(d: &Data<'_>, tracked_entity: Uid) -> Result<(), SearchError> {
    let values = d.attribute_values(tracked_entity)?;
    let pairs: Vec<(Uid, &str)> = values.iter().map(|(a, v)| (*a, v.as_str())).collect();
    index_person(d, tracked_entity, &pairs)
}

/// Page cache for a rebuild: the index is written in token order, not person order, so a
/// small cache would read and decrypt the same pages again and again.
const REBUILD_CACHE_KIB: i64 = 32 * 1024;

/// Drops the whole index and builds it again from the stored values of `attributes` (the
/// searchable ones and those duplicate hints compare), or of every attribute when `None`.
pub fn rebuild(d: &Data<'_>, attributes: Option<&[Uid]>) -> Result<IndexStats, SearchError> {
    let previous: i64 = d.conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    d.conn.pragma_update(None, "cache_size", -REBUILD_CACHE_KIB)?;
    let result = rebuild_all(d, attributes);
    d.conn.pragma_update(None, "cache_size", previous)?;
    result
}

fn rebuild_all(d: &Data<'_>, attributes: Option<&[Uid]>) -> Result<IndexStats, SearchError> {
    d.conn.execute("DELETE FROM search_token", [])?;
    d.conn.execute("DELETE FROM search_value", [])?;
    let mut stmt = d.conn.prepare("SELECT tracked_entity, attribute, value FROM attribute_value")?;
    let mut rows = stmt.query([])?;
    let mut stats = IndexStats { values: 0, tokens: 0 };
    while let Some(row) = rows.next()? {
        let attribute = stored_uid(row.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?, 1)?;
        if attributes.is_some_and(|only| !only.contains(&attribute)) {
            continue;
        }
        let te = stored_uid(row.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?, 0)?;
        let value: String = row.get(2)?;
        stats.tokens += write_value(d, te, attribute, &value)? as u64;
        stats.values += 1;
    }
    Ok(stats)
}

fn stored_uid(text: &str, column: usize) -> Result<Uid, SearchError> {
    uid_column(text).map_err(|e| {
        SearchError::from(rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e)))
    })
}

/// Writes the rows of a value the index has nothing of yet; returns how many tokens it wrote.
fn insert_value(d: &Data<'_>, te: Uid, attribute: Uid, value: &str) -> Result<usize, SearchError> {
    let entries = index_entries(value);
    if entries.norm.is_empty() {
        return Ok(0);
    }
    let (te, attribute) = (te.as_str(), attribute.as_str());
    d.conn
        .prepare_cached("INSERT INTO search_value (tracked_entity, attribute, norm) VALUES (?1, ?2, ?3)")?
        .execute([te, attribute, &entries.norm])?;
    let mut insert =
        d.conn.prepare_cached("INSERT INTO search_token (token, attribute, tracked_entity) VALUES (?1, ?2, ?3)")?;
    for token in &entries.tokens {
        insert.execute([token.as_str(), attribute, te])?;
    }
    Ok(entries.tokens.len())
}

/// Replaces the rows of one value; returns how many tokens it wrote.
fn write_value(d: &Data<'_>, te: Uid, attribute: Uid, value: &str) -> Result<usize, SearchError> {
    let (te, attribute) = (te.as_str(), attribute.as_str());
    d.conn
        .prepare_cached("DELETE FROM search_token WHERE tracked_entity = ?1 AND attribute = ?2")?
        .execute([te, attribute])?;
    let entries = index_entries(value);
    if entries.norm.is_empty() {
        d.conn
            .prepare_cached("DELETE FROM search_value WHERE tracked_entity = ?1 AND attribute = ?2")?
            .execute([te, attribute])?;
        return Ok(0);
    }
    d.conn
        .prepare_cached(
            "INSERT INTO search_value (tracked_entity, attribute, norm) VALUES (?1, ?2, ?3)
             ON CONFLICT (tracked_entity, attribute) DO UPDATE SET norm = excluded.norm",
        )?
        .execute([te, attribute, &entries.norm])?;
    let mut insert =
        d.conn.prepare_cached("INSERT INTO search_token (token, attribute, tracked_entity) VALUES (?1, ?2, ?3)")?;
    for token in &entries.tokens {
        insert.execute([token.as_str(), attribute, te])?;
    }
    Ok(entries.tokens.len())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::store::Store;
    use crate::test_dates::now;

    pub(crate) fn uid(s: &str) -> Uid {
        Uid::parse(s).unwrap()
    }

    pub(crate) const PERSON: &str = "PhumTETPers";
    pub(crate) const NAME: &str = "PhumTEAName";
    pub(crate) const PHONE: &str = "PhumTEAPhon";
    pub(crate) const BIRTH: &str = "PhumTEABirt";
    pub(crate) const ID: &str = "PhumTEAId01";
    pub(crate) const HC1: &str = "PhumOUHC001";
    pub(crate) const HC2: &str = "PhumOUHC002";

    /// Registers a person with values and indexes them, as a form session does.
    pub(crate) fn register(store: &mut Store, org_unit: &str, values: &[(&str, &str)]) -> Uid {
        store
            .write(|d| {
                let te = d.insert_tracked_entity(uid(PERSON), uid(org_unit), now())?;
                let mut pairs = Vec::new();
                for (a, v) in values {
                    d.set_attribute_value(te.uid, uid(a), Some(v), now())?;
                    pairs.push((uid(a), *v));
                }
                index_person(d, te.uid, &pairs)?;
                Ok::<_, SearchError>(te.uid)
            })
            .unwrap()
    }

    fn tokens_of(store: &Store, te: Uid) -> Vec<(String, String)> {
        let mut stmt = store
            .conn()
            .prepare("SELECT attribute, token FROM search_token WHERE tracked_entity = ?1 ORDER BY attribute, token")
            .unwrap();
        stmt.query_map([te.as_str()], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().collect::<Result<_, _>>().unwrap()
    }

    #[test]
    fn a_value_is_indexed_by_its_words_and_joined_words_and_a_phone_by_its_national_form() {
        assert_eq!(index_entries("Sok  CHAN").tokens, vec!["chan", "sok", "sokchan"]);
        assert_eq!(index_entries("Sok  CHAN").norm, "sok chan");
        let phone = index_entries("+855 12 345 678");
        assert_eq!((phone.norm.as_str(), phone.tokens), ("012345678", vec!["012345678".to_string()]));
        assert_eq!(index_entries("BSD-000123").tokens, vec!["000123", "bsd", "bsd000123"]);
        assert!(index_entries("\u{200B} ").tokens.is_empty());
    }

    #[test]
    fn a_changed_value_replaces_its_tokens_and_a_removed_value_loses_them() {
        let mut store = Store::open_in_memory().unwrap();
        let te = register(&mut store, HC1, &[(NAME, "Sok Chan"), (PHONE, "012 345 678")]);
        assert!(tokens_of(&store, te).contains(&(NAME.into(), "sok".into())));
        // The value changes: the trigger drops the old tokens even before re-indexing.
        store.data().set_attribute_value(te, uid(NAME), Some("Dara Keo"), now()).unwrap();
        assert!(!tokens_of(&store, te).iter().any(|(a, _)| a == NAME), "old name still indexed");
        index_person(&store.data(), te, &[(uid(NAME), "Dara Keo")]).unwrap();
        let tokens = tokens_of(&store, te);
        assert!(tokens.contains(&(NAME.into(), "dara".into())) && !tokens.contains(&(NAME.into(), "sok".into())));
        store.data().set_attribute_value(te, uid(PHONE), None, now()).unwrap();
        assert!(!tokens_of(&store, te).iter().any(|(a, _)| a == PHONE));
        let n: i64 = store
            .conn()
            .query_row("SELECT count(*) FROM search_value WHERE attribute = ?1", [PHONE], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0);
    }

    #[test]
    fn deleting_a_person_removes_their_index_rows() {
        let mut store = Store::open_in_memory().unwrap();
        let te = register(&mut store, HC1, &[(NAME, "Sok Chan")]);
        store.conn().execute("DELETE FROM tracked_entity WHERE uid = ?1", [te.as_str()]).unwrap();
        assert!(tokens_of(&store, te).is_empty());
        let n: i64 = store.conn().query_row("SELECT count(*) FROM search_value", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 0);
    }

    #[test]
    fn indexing_a_value_that_is_not_stored_is_refused_and_changes_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        let te = register(&mut store, HC1, &[(NAME, "Sok Chan")]);
        let before = tokens_of(&store, te);
        let err = index_person(&store.data(), te, &[(uid(NAME), "Sok Chan"), (uid(PHONE), "012 345 678")]).unwrap_err();
        assert!(matches!(err, SearchError::NotStored { attribute, .. } if attribute == uid(PHONE)), "{err}");
        assert_eq!(tokens_of(&store, te), before);
        let err = index_person(&store.data(), uid("NoSuchPers1"), &[]).unwrap_err();
        assert!(matches!(err, SearchError::Data(DataError::NotFound { .. })), "{err}");
    }

    #[test]
    fn a_rebuild_indexes_every_stored_value() {
        let mut store = Store::open_in_memory().unwrap();
        let te = store
            .write(|d| {
                let te = d.insert_tracked_entity(uid(PERSON), uid(HC1), now())?;
                d.set_attribute_value(te.uid, uid(NAME), Some("សុខ ចាន់"), now())?;
                Ok::<_, DataError>(te.uid)
            })
            .unwrap();
        assert!(tokens_of(&store, te).is_empty());
        store.data().set_attribute_value(te, uid(BIRTH), Some("2020-01-01"), now()).unwrap();
        let stats = store.write(|d| rebuild(d, Some(&[uid(NAME)]))).unwrap();
        assert_eq!(stats, IndexStats { values: 1, tokens: 3 });
        assert_eq!(tokens_of(&store, te).len(), 3);
        let stats = store.write(|d| rebuild(d, None)).unwrap();
        assert_eq!(stats.values, 2);
        let cache: i64 = store.conn().query_row("PRAGMA cache_size", [], |r| r.get(0)).unwrap();
        assert_eq!(cache, -2000, "the rebuild puts the page cache back");
    }
}
