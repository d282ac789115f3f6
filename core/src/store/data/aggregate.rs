//! Aggregate data: the values of a data set's form (data element x category option combo, for an
//! org unit, period and attribute option combo) and the form's completeness.
//!
//! Owns the rows. Does not own which values a form has or whether its period is open (`form`).

use rusqlite::{params, OptionalExtension, Row};

use super::tracker::Data;
use super::{timestamp_column, uid_column, DataError, SyncState};
use crate::model::{Timestamp, Uid};

/// Where an aggregate value belongs.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AggregateKey {
    pub data_element: Uid,
    /// ISO period (`202611`, `2026W48`, ...).
    pub period: String,
    pub org_unit: Uid,
    pub category_option_combo: Uid,
    pub attribute_option_combo: Uid,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AggregateValue {
    pub key: AggregateKey,
    pub value: Option<String>,
    pub comment: Option<String>,
    pub updated: Timestamp,
    pub sync_state: SyncState,
}

/// A data set's form for one org unit, period and attribute option combo.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FormKey {
    pub data_set: Uid,
    pub period: String,
    pub org_unit: Uid,
    pub attribute_option_combo: Uid,
}

fn conv(i: usize, e: rusqlite::types::FromSqlError) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
}

fn value_row(r: &Row) -> rusqlite::Result<AggregateValue> {
    let uid = |i: usize| -> rusqlite::Result<Uid> { uid_column(&r.get::<_, String>(i)?).map_err(|e| conv(i, e)) };
    Ok(AggregateValue {
        key: AggregateKey {
            data_element: uid(0)?,
            period: r.get(1)?,
            org_unit: uid(2)?,
            category_option_combo: uid(3)?,
            attribute_option_combo: uid(4)?,
        },
        value: r.get(5)?,
        comment: r.get(6)?,
        updated: timestamp_column(&r.get::<_, String>(7)?).map_err(|e| conv(7, e))?,
        sync_state: r.get(8)?,
    })
}

const VALUE_COLUMNS: &str = "data_element, period, org_unit, category_option_combo, attribute_option_combo, value, \
     comment, updated, sync_state";

impl Data<'_> {
    /// Sets (or with `None` clears) one aggregate value. A cleared value that was sent before is
    /// kept as a deletion for the server; one never sent is removed.
    /// The row is stamped `now` (the device's local time with its offset).
    pub fn set_aggregate_value(
        &self,
        key: &AggregateKey,
        value: Option<&str>,
        now: Timestamp,
    ) -> Result<(), DataError> {
        let k = params![
            key.data_element.as_str(),
            key.period,
            key.org_unit.as_str(),
            key.category_option_combo.as_str(),
            key.attribute_option_combo.as_str()
        ];
        let where_key = "data_element = ?1 AND period = ?2 AND org_unit = ?3 AND category_option_combo = ?4 \
                         AND attribute_option_combo = ?5";
        let state: Option<SyncState> = self
            .conn
            .prepare_cached(&format!("SELECT sync_state FROM aggregate_value WHERE {where_key}"))?
            .query_row(k, |r| r.get(0))
            .optional()?;
        let now = now.to_string();
        match (state, value) {
            (None, None) => {}
            (Some(SyncState::ToPost), None) => {
                self.conn.execute(&format!("DELETE FROM aggregate_value WHERE {where_key}"), k)?;
            }
            (None, Some(v)) => {
                self.conn.execute(
                    "INSERT INTO aggregate_value (data_element, period, org_unit, category_option_combo,
                     attribute_option_combo, value, created, updated, sync_state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
                    params![
                        key.data_element.as_str(),
                        key.period,
                        key.org_unit.as_str(),
                        key.category_option_combo.as_str(),
                        key.attribute_option_combo.as_str(),
                        v,
                        now,
                        SyncState::ToPost
                    ],
                )?;
            }
            (Some(old), v) => {
                self.conn.execute(
                    &format!(
                        "UPDATE aggregate_value SET value = ?6, deleted = ?7, updated = ?8, sync_state = ?9 WHERE {where_key}"
                    ),
                    params![
                        key.data_element.as_str(),
                        key.period,
                        key.org_unit.as_str(),
                        key.category_option_combo.as_str(),
                        key.attribute_option_combo.as_str(),
                        v,
                        v.is_none(),
                        now,
                        old.after_local_change()
                    ],
                )?;
            }
        }
        Ok(())
    }

    /// The (not deleted) values of one org unit, period and attribute option combo.
    pub fn aggregate_values(
        &self,
        period: &str,
        org_unit: Uid,
        attribute_option_combo: Uid,
    ) -> Result<Vec<AggregateValue>, DataError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {VALUE_COLUMNS} FROM aggregate_value
             WHERE period = ?1 AND org_unit = ?2 AND attribute_option_combo = ?3 AND deleted = 0
             ORDER BY data_element, category_option_combo"
        ))?;
        let rows = stmt.query_map(params![period, org_unit.as_str(), attribute_option_combo.as_str()], value_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Marks a data set's form complete (or not) for the server, as of `now`.
    pub fn set_completion(
        &self,
        form: &FormKey,
        completed: bool,
        by: Option<&str>,
        now: Timestamp,
    ) -> Result<(), DataError> {
        self.conn.execute(
            "INSERT INTO data_set_completion (data_set, period, org_unit, attribute_option_combo, completed,
             completed_at, completed_by, sync_state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'TO_POST')
             ON CONFLICT (data_set, period, org_unit, attribute_option_combo) DO UPDATE SET
             completed = excluded.completed, completed_at = excluded.completed_at,
             completed_by = excluded.completed_by,
             sync_state = CASE data_set_completion.sync_state WHEN 'TO_POST' THEN 'TO_POST' ELSE 'TO_UPDATE' END",
            params![
                form.data_set.as_str(),
                form.period,
                form.org_unit.as_str(),
                form.attribute_option_combo.as_str(),
                completed,
                now.to_string(),
                by
            ],
        )?;
        Ok(())
    }

    /// Whether the form is marked complete.
    pub fn is_complete(&self, form: &FormKey) -> Result<bool, DataError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT completed FROM data_set_completion
                 WHERE data_set = ?1 AND period = ?2 AND org_unit = ?3 AND attribute_option_combo = ?4",
            )?
            .query_row(
                params![
                    form.data_set.as_str(),
                    form.period,
                    form.org_unit.as_str(),
                    form.attribute_option_combo.as_str()
                ],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use crate::test_dates::now;

    fn key(coc: &str) -> AggregateKey {
        AggregateKey {
            data_element: Uid::parse("PhumDEChild").unwrap(),
            period: "202611".into(),
            org_unit: Uid::parse("PhumOUVil01").unwrap(),
            category_option_combo: Uid::parse(coc).unwrap(),
            attribute_option_combo: Uid::parse("PhumDefCOC1").unwrap(),
        }
    }

    #[test]
    fn values_are_set_changed_and_cleared_with_the_right_sync_state() {
        let store = Store::open_in_memory().unwrap();
        let d = store.data();
        d.set_aggregate_value(&key("PhumCOCMale"), Some("4"), now()).unwrap();
        d.set_aggregate_value(&key("PhumCOCFeml"), Some("5"), now()).unwrap();
        d.set_aggregate_value(&key("PhumCOCFeml"), None, now()).unwrap();
        let ou = Uid::parse("PhumOUVil01").unwrap();
        let aoc = Uid::parse("PhumDefCOC1").unwrap();
        let values = d.aggregate_values("202611", ou, aoc).unwrap();
        assert_eq!(values.len(), 1, "a never-sent value cleared is gone");
        assert_eq!(values[0].value.as_deref(), Some("4"));

        store.conn().execute("UPDATE aggregate_value SET sync_state = 'SYNCED'", []).unwrap();
        d.set_aggregate_value(&key("PhumCOCMale"), None, now()).unwrap();
        assert!(d.aggregate_values("202611", ou, aoc).unwrap().is_empty());
        let state: String = store.conn().query_row("SELECT sync_state FROM aggregate_value", [], |r| r.get(0)).unwrap();
        assert_eq!(state, "TO_UPDATE", "a sent value cleared stays as a deletion to send");
    }

    #[test]
    fn completion_is_recorded_per_form() {
        let store = Store::open_in_memory().unwrap();
        let d = store.data();
        let form = FormKey {
            data_set: Uid::parse("PhumDSVill1").unwrap(),
            period: "202611".into(),
            org_unit: Uid::parse("PhumOUVil01").unwrap(),
            attribute_option_combo: Uid::parse("PhumDefCOC1").unwrap(),
        };
        assert!(!d.is_complete(&form).unwrap());
        d.set_completion(&form, true, Some("volunteer"), now()).unwrap();
        assert!(d.is_complete(&form).unwrap());
        d.set_completion(&form, false, None, now()).unwrap();
        assert!(!d.is_complete(&form).unwrap());
    }
}
