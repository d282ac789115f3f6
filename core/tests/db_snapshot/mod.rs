//! Shared by the metadata import tests: every row of some tables of a database file, read
//! through a second connection, as text. Equal snapshots mean the tables did not change (a
//! refused import must leave the database as it was).

use std::path::Path;

/// The rows of `tables`, each ordered by its first two columns, one line a row.
pub fn snapshot(path: &Path, tables: &[&str]) -> String {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut out = String::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2")).unwrap();
        let cols = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for i in 0..cols {
                let v: rusqlite::types::Value = row.get(i).unwrap();
                out.push_str(&format!("{v:?}|"));
            }
            out.push('\n');
        }
    }
    out
}
