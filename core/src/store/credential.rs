//! The account a database belongs to (the one row of `credential`, migration 6), and the count
//! of records not yet on the server, which signing out must not lose silently.
//!
//! Owns reading and writing the row and the count. Does not own hashing or checking passwords,
//! or deciding who may sign in (`sync::login`).

use rusqlite::{params, OptionalExtension};

use super::{Store, StoreError};

/// Who signed in to this database online, and how to check their password offline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credential {
    /// The server's address, normalised (`sync::client::ServerUrl`).
    pub server_url: String,
    pub username: String,
    /// An argon2id PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`), never the password; `None`
    /// for an account signed in with a personal access token.
    pub password_hash: Option<String>,
    /// The user's DHIS2 UID.
    pub user_uid: Option<String>,
    /// The server's version at the sign-in, as it writes it.
    pub server_version: Option<String>,
    /// When: the device's local time with its offset.
    pub signed_in_at: String,
}

impl Store {
    /// The account this database belongs to; `None` before the first online sign-in.
    pub fn credential(&self) -> Result<Option<Credential>, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT server_url, username, password_hash, user_uid, server_version, signed_in_at
                 FROM credential WHERE id = 1",
                [],
                |r| {
                    Ok(Credential {
                        server_url: r.get(0)?,
                        username: r.get(1)?,
                        password_hash: r.get(2)?,
                        user_uid: r.get(3)?,
                        server_version: r.get(4)?,
                        signed_in_at: r.get(5)?,
                    })
                },
            )
            .optional()?;
        Ok(row)
    }

    /// Writes `credential` in place of the one there was.
    pub fn save_credential(&self, credential: &Credential) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT OR REPLACE INTO credential
             (id, server_url, username, password_hash, user_uid, server_version, signed_in_at)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                credential.server_url,
                credential.username,
                credential.password_hash,
                credential.user_uid,
                credential.server_version,
                credential.signed_in_at,
            ],
        )?;
        Ok(())
    }

    /// Removes the row: the database no longer signs anyone in offline.
    pub fn remove_credential(&self) -> Result<(), StoreError> {
        self.conn.execute("DELETE FROM credential", [])?;
        Ok(())
    }

    /// How many tracked entities, enrollments, events, aggregate values and data set
    /// completions are not on the server as they are here (`data::outbox::WaitingCounts`),
    /// deleted ones whose deletion is still to be sent included.
    pub fn unsent_count(&self) -> Result<u64, StoreError> {
        Ok(super::data::outbox::waiting_counts(&self.conn)?.total() as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credential() -> Credential {
        Credential {
            server_url: "https://hmis.moh.gov.kh".into(),
            username: "sokha".into(),
            password_hash: Some("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA".into()),
            user_uid: Some("xE7jOejl9FI".into()),
            server_version: Some("2.41.3".into()),
            signed_in_at: "2026-12-05T10:00:00.000+07:00".into(),
        }
    }

    #[test]
    fn the_credential_row_is_written_replaced_and_removed() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.credential().unwrap(), None);
        store.save_credential(&credential()).unwrap();
        assert_eq!(store.credential().unwrap(), Some(credential()));
        let token = Credential { password_hash: None, ..credential() };
        store.save_credential(&token).unwrap();
        assert_eq!(store.credential().unwrap(), Some(token));
        store.remove_credential().unwrap();
        assert_eq!(store.credential().unwrap(), None);
    }

    #[test]
    fn unsent_records_of_every_kind_are_counted_and_sent_ones_are_not() {
        let store = Store::open_in_memory().unwrap();
        let states = ["TO_POST", "TO_UPDATE", "UPLOADING", "ERROR", "SYNCED", "WARNING"];
        for (i, state) in states.iter().enumerate() {
            let t = format!("Te{i:09}");
            let sql = "INSERT INTO tracked_entity (uid, tracked_entity_type, org_unit, created, updated, sync_state)
                       VALUES (?1, 'nEenWmSyUEp', 'DiszpKrYNg8', 'c', 'u', ?2)";
            store.conn.execute(sql, params![t, state]).unwrap();
        }
        assert_eq!(store.unsent_count().unwrap(), 4);
        let t = "Te000000004";
        store
            .conn
            .execute(
                "INSERT INTO enrollment (uid, tracked_entity, program, org_unit, enrollment_date, incident_date,
                 status, created, updated, sync_state) VALUES ('En000000001', ?1, 'p', 'o', 'd', 'd', 'ACTIVE',
                 'c', 'u', 'TO_UPDATE')",
                [t],
            )
            .unwrap();
        store
            .conn
            .execute(
                "INSERT INTO event (uid, program, program_stage, org_unit, status, created, updated, sync_state,
                 deleted) VALUES ('Ev000000001', 'p', 's', 'o', 'ACTIVE', 'c', 'u', 'TO_UPDATE', 1)",
                [],
            )
            .unwrap();
        store
            .conn
            .execute(
                "INSERT INTO aggregate_value (data_element, period, org_unit, category_option_combo,
                 attribute_option_combo, value, created, updated, sync_state)
                 VALUES ('d', '202612', 'o', 'c', 'a', '4', 'c', 'u', 'ERROR')",
                [],
            )
            .unwrap();
        store
            .conn
            .execute(
                "INSERT INTO data_set_completion (data_set, period, org_unit, attribute_option_combo, completed,
                 completed_at, sync_state) VALUES ('ds', '202612', 'o', 'a', 1, 'c', 'TO_POST')",
                [],
            )
            .unwrap();
        assert_eq!(store.unsent_count().unwrap(), 8);
    }
}
