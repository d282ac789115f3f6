//! Possible-duplicate hints on registration: people already stored with the same name (in
//! search form) and the same birth date, or with the same phone number (national form).
//!
//! Owns finding the candidates and saying why each is one. Does not own which attributes are
//! the name, birth date and phone of a program (the form session passes them) or what happens
//! next (the health worker decides: open the existing person or register anyway).

use rusqlite::params_from_iter;

use super::normalise::{normalise_phone, normalise_text};
use super::SearchError;
use crate::i18n::{Localize, Message};
use crate::model::Uid;
use crate::msg;
use crate::store::data::tracker::Data;
use crate::store::data::uid_column;

/// The values of a registration that duplicates are looked for by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration<'a> {
    pub tracked_entity_type: Uid,
    /// The person being registered, if already stored (never its own duplicate).
    pub exclude: Option<Uid>,
    /// The name attributes and their values (first name, family name, ...): all must be equal.
    pub names: &'a [(Uid, &'a str)],
    /// The birth date attribute and its ISO date.
    pub birth_date: Option<(Uid, &'a str)>,
    /// Phone attributes and their values; a phone equal to any phone attribute of another
    /// person counts.
    pub phones: &'a [(Uid, &'a str)],
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DuplicateReason {
    /// Every name attribute and the birth date are the same.
    NameAndBirthDate,
    /// The phone typed in `attribute` is already the phone of this person (national form).
    Phone { attribute: Uid, phone: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PossibleDuplicate {
    pub tracked_entity: Uid,
    pub org_unit: Uid,
    pub reasons: Vec<DuplicateReason>,
}

impl Localize for DuplicateReason {
    fn message(&self) -> Message {
        match self {
            DuplicateReason::NameAndBirthDate => Message::new("search-duplicate-name-and-birth-date"),
            DuplicateReason::Phone { phone, .. } => msg!("search-duplicate-phone", phone = phone),
        }
    }
}

impl Localize for PossibleDuplicate {
    /// "possible duplicate: person X registered at Y (same phone 012 345 678)".
    fn message(&self) -> Message {
        msg!(
            "search-possible-duplicate",
            person = self.tracked_entity,
            org_unit = self.org_unit,
            reasons = self.reasons.iter().map(Localize::message).collect::<Vec<_>>()
        )
    }
}

/// People (not deleted, of the same type) who may be the one being registered, by UID.
pub fn possible_duplicates(d: &Data<'_>, reg: &Registration<'_>) -> Result<Vec<PossibleDuplicate>, SearchError> {
    let mut out: Vec<PossibleDuplicate> = Vec::new();
    let mut add = |te: Uid, org_unit: Uid, reason: DuplicateReason| {
        if reg.exclude == Some(te) {
            return;
        }
        match out.iter_mut().find(|p| p.tracked_entity == te) {
            Some(p) if p.reasons.contains(&reason) => {}
            Some(p) => p.reasons.push(reason),
            None => out.push(PossibleDuplicate { tracked_entity: te, org_unit, reasons: vec![reason] }),
        }
    };
    let names: Vec<(Uid, String)> = reg.names.iter().map(|(a, v)| (*a, normalise_text(v))).collect();
    let birth = reg.birth_date.map(|(a, v)| (a, v.trim())).filter(|(_, v)| !v.is_empty());
    if let (Some((birth_attr, birth_value)), false) =
        (birth, names.is_empty() || names.iter().any(|(_, n)| n.is_empty()))
    {
        let mut args = vec![reg.tracked_entity_type.as_str().to_string()];
        let mut conditions = String::new();
        for (i, (attribute, norm)) in names.iter().enumerate() {
            args.push(attribute.as_str().to_string());
            args.push(norm.clone());
            if i == 0 {
                continue;
            }
            conditions.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM search_value o WHERE o.tracked_entity = v.tracked_entity
                   AND o.attribute = ?{} AND o.norm = ?{})",
                args.len() - 1,
                args.len()
            ));
        }
        args.push(birth_attr.as_str().to_string());
        args.push(birth_value.to_string());
        let sql = format!(
            "SELECT v.tracked_entity, e.org_unit FROM search_value v JOIN tracked_entity e ON e.uid = v.tracked_entity
             WHERE v.attribute = ?2 AND v.norm = ?3 AND e.deleted = 0 AND e.tracked_entity_type = ?1{conditions}
               AND EXISTS (SELECT 1 FROM attribute_value b WHERE b.tracked_entity = v.tracked_entity
                   AND b.attribute = ?{} AND trim(b.value) = ?{})
             ORDER BY v.tracked_entity",
            args.len() - 1,
            args.len()
        );
        let mut stmt = d.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params_from_iter(args.iter()))?;
        while let Some(row) = rows.next()? {
            add(uid_at(row, 0)?, uid_at(row, 1)?, DuplicateReason::NameAndBirthDate);
        }
    }
    let phone_attrs: Vec<Uid> = reg.phones.iter().map(|(a, _)| *a).collect();
    for (attribute, value) in reg.phones {
        let Some(phone) = normalise_phone(value) else { continue };
        let mut args = vec![reg.tracked_entity_type.as_str().to_string(), phone.clone()];
        let marks: Vec<String> = phone_attrs
            .iter()
            .map(|a| {
                args.push(a.as_str().to_string());
                format!("?{}", args.len())
            })
            .collect();
        let sql = format!(
            "SELECT DISTINCT t.tracked_entity, e.org_unit FROM search_token t JOIN tracked_entity e ON e.uid = t.tracked_entity
             WHERE t.attribute IN ({}) AND t.token = ?2 AND e.deleted = 0 AND e.tracked_entity_type = ?1
             ORDER BY t.tracked_entity",
            marks.join(", ")
        );
        let mut stmt = d.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params_from_iter(args.iter()))?;
        while let Some(row) = rows.next()? {
            add(
                uid_at(row, 0)?,
                uid_at(row, 1)?,
                DuplicateReason::Phone { attribute: *attribute, phone: phone.clone() },
            );
        }
    }
    out.sort_by_key(|p| p.tracked_entity);
    Ok(out)
}

fn uid_at(row: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Uid> {
    let text: String = row.get(i)?;
    uid_column(&text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::tests::{register, uid, BIRTH, HC1, HC2, NAME, PERSON, PHONE};
    use crate::store::Store;

    fn reg<'a>(names: &'a [(Uid, &'a str)], birth: Option<&'a str>, phones: &'a [(Uid, &'a str)]) -> Registration<'a> {
        Registration {
            tracked_entity_type: uid(PERSON),
            exclude: None,
            names,
            birth_date: birth.map(|b| (uid(BIRTH), b)),
            phones,
        }
    }

    #[test]
    fn the_same_name_typed_differently_with_the_same_birth_date_is_a_possible_duplicate() {
        let mut store = Store::open_in_memory().unwrap();
        let te = register(&mut store, HC1, &[(NAME, "សុខ\u{200B} ចាន់"), (BIRTH, "2024-03-14")]);
        register(&mut store, HC1, &[(NAME, "សុខ ចាន់"), (BIRTH, "2024-03-15")]);
        register(&mut store, HC1, &[(NAME, "សុខ ចាន់ ដារា"), (BIRTH, "2024-03-14")]);
        let names = [(uid(NAME), "សុខ  ចាន់")];
        let found = possible_duplicates(&store.data(), &reg(&names, Some("2024-03-14"), &[])).unwrap();
        assert_eq!(
            found,
            vec![PossibleDuplicate {
                tracked_entity: te,
                org_unit: uid(HC1),
                reasons: vec![DuplicateReason::NameAndBirthDate]
            }]
        );
        // No birth date typed yet: no name hint (a name alone is too common).
        assert!(possible_duplicates(&store.data(), &reg(&names, None, &[])).unwrap().is_empty());
        // The person being edited is not their own duplicate.
        let editing = Registration { exclude: Some(te), ..reg(&names, Some("2024-03-14"), &[]) };
        assert!(possible_duplicates(&store.data(), &editing).unwrap().is_empty());
    }

    #[test]
    fn the_same_phone_in_another_form_is_a_possible_duplicate_with_its_reason() {
        let mut store = Store::open_in_memory().unwrap();
        let te = register(&mut store, HC2, &[(NAME, "Dara"), (PHONE, "+855 12 345 678")]);
        register(&mut store, HC1, &[(NAME, "Keo"), (PHONE, "012 345 679")]);
        let phones = [(uid(PHONE), "012345678")];
        let found = possible_duplicates(&store.data(), &reg(&[], None, &phones)).unwrap();
        assert_eq!(
            found,
            vec![PossibleDuplicate {
                tracked_entity: te,
                org_unit: uid(HC2),
                reasons: vec![DuplicateReason::Phone { attribute: uid(PHONE), phone: "012345678".into() }]
            }]
        );
        let not_a_phone = [(uid(PHONE), "12")];
        assert!(possible_duplicates(&store.data(), &reg(&[], None, &not_a_phone)).unwrap().is_empty());
    }

    #[test]
    fn a_person_matching_by_name_birth_date_and_phone_is_listed_once_with_both_reasons() {
        let mut store = Store::open_in_memory().unwrap();
        let te = register(&mut store, HC1, &[(NAME, "Sok Chan"), (BIRTH, "2020-01-01"), (PHONE, "097 123 4567")]);
        let names = [(uid(NAME), "SOK CHAN")];
        let phones = [(uid(PHONE), "+855971234567")];
        let found = possible_duplicates(&store.data(), &reg(&names, Some("2020-01-01"), &phones)).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].tracked_entity, te);
        assert_eq!(found[0].reasons.len(), 2);
    }
}
