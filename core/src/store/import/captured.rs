//! Captured records against the metadata an import brings: which programs, stages, org units,
//! data sets, person types, attributes, data elements and category option combos the captured
//! data uses (people, enrollments, events and their values, aggregate values, data-set
//! completions) that the new metadata no longer has.
//!
//! Runs inside the import's transaction, after the new metadata is written and before it is
//! committed, so a refused import changes nothing. Records marked deleted are left out: what is
//! left of them to sync is their deletion, which needs only their UID.
//!
//! Owns the list of references from captured data to metadata and the query per reference. Does
//! not own the captured tables (`schema`, `data`) or deciding whether to refuse (`super`).

use rusqlite::Transaction;

use crate::i18n::{Localize, Message};
use crate::model::Collection;
use crate::msg;

/// How many missing UIDs of one collection a report names.
const FIRST_SHOWN: usize = 5;

/// One collection of metadata that captured records use and the import lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrphanedRecords {
    pub collection: Collection,
    /// Distinct UIDs of the collection that are used and missing.
    pub missing: usize,
    /// How many captured records (and values) use one of them.
    pub records: usize,
    /// The first missing UIDs, in UID order.
    pub first: Vec<String>,
}

impl Localize for OrphanedRecords {
    fn message(&self) -> Message {
        let (collection, first) = (self.collection.as_str(), self.first.join(", "));
        if self.missing > self.first.len() {
            msg!(
                "import-orphaned-records-more",
                collection = collection,
                missing = self.missing,
                first = first,
                records = self.records
            )
        } else {
            msg!(
                "import-orphaned-records",
                collection = collection,
                missing = self.missing,
                first = first,
                records = self.records
            )
        }
    }
}
crate::english_display!(OrphanedRecords);

/// Each collection, with the captured columns that hold its UIDs (a query of one column `ref`,
/// one row per record that uses it).
const USES: &[(Collection, &str)] = &[
    (
        Collection::Programs,
        "SELECT program AS ref FROM enrollment WHERE deleted = 0
         UNION ALL SELECT program FROM event WHERE deleted = 0",
    ),
    (Collection::ProgramStages, "SELECT program_stage AS ref FROM event WHERE deleted = 0"),
    (
        Collection::OrganisationUnits,
        "SELECT org_unit AS ref FROM tracked_entity WHERE deleted = 0
         UNION ALL SELECT org_unit FROM enrollment WHERE deleted = 0
         UNION ALL SELECT org_unit FROM event WHERE deleted = 0
         UNION ALL SELECT org_unit FROM aggregate_value WHERE deleted = 0
         UNION ALL SELECT org_unit FROM data_set_completion",
    ),
    (Collection::DataSets, "SELECT data_set AS ref FROM data_set_completion"),
    (Collection::TrackedEntityTypes, "SELECT tracked_entity_type AS ref FROM tracked_entity WHERE deleted = 0"),
    (
        Collection::TrackedEntityAttributes,
        "SELECT a.attribute AS ref FROM attribute_value a
           JOIN tracked_entity t ON t.uid = a.tracked_entity WHERE t.deleted = 0",
    ),
    (
        Collection::DataElements,
        "SELECT v.data_element AS ref FROM event_data_value v JOIN event e ON e.uid = v.event WHERE e.deleted = 0
         UNION ALL SELECT data_element FROM aggregate_value WHERE deleted = 0",
    ),
    (
        Collection::CategoryOptionCombos,
        "SELECT attribute_option_combo AS ref FROM event WHERE deleted = 0 AND attribute_option_combo IS NOT NULL
         UNION ALL SELECT category_option_combo FROM aggregate_value WHERE deleted = 0
         UNION ALL SELECT attribute_option_combo FROM aggregate_value WHERE deleted = 0
         UNION ALL SELECT attribute_option_combo FROM data_set_completion",
    ),
];

/// What captured records use that `metadata_object` (as the transaction sees it) lacks; empty
/// when every record still has its metadata.
pub(super) fn orphaned_records(tx: &Transaction<'_>) -> rusqlite::Result<Vec<OrphanedRecords>> {
    let mut found = Vec::new();
    for (collection, uses) in USES {
        let sql = format!(
            "SELECT ref, count(*) FROM ({uses}) u
              WHERE NOT EXISTS (SELECT 1 FROM metadata_object m WHERE m.collection = ?1 AND m.uid = u.ref)
              GROUP BY ref ORDER BY ref"
        );
        let mut stmt = tx.prepare(&sql)?;
        let mut rows = stmt.query([collection.as_str()])?;
        let mut orphaned = OrphanedRecords { collection: *collection, missing: 0, records: 0, first: Vec::new() };
        while let Some(row) = rows.next()? {
            let (uid, records): (String, i64) = (row.get(0)?, row.get(1)?);
            if orphaned.first.len() < FIRST_SHOWN {
                orphaned.first.push(uid);
            }
            orphaned.missing += 1;
            orphaned.records += records as usize;
        }
        if orphaned.missing > 0 {
            found.push(orphaned);
        }
    }
    Ok(found)
}
