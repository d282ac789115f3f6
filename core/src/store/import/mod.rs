//! The metadata import: DHIS2 metadata JSON in, stored metadata out, all or nothing.
//!
//! Accepts `/api/metadata` exports (metadata packages), the per-endpoint answers the sync client
//! receives (`{"programs":[...]}`, paged `{"pager":...,"organisationUnits":[...]}`), `/api/me` and
//! `/api/system/info`, in any mix, as one import. The import streams: one collection entry is in
//! memory at a time. It runs in one transaction that first clears the old metadata, so it either
//! replaces all metadata or, on any error or a killed process, leaves the old metadata as it was.
//! After the last source it checks every reference (see `objects` for which ones) and reports
//! every missing target at once. It refuses an import that holds no metadata at all (an empty
//! object, or an unrelated JSON document), and one that would leave captured records pointing at
//! metadata it no longer has (`captured`), unless [`ImportOptions`] allows the latter.
//!
//! Owns parsing documents into model objects, the checks, and writing rows. Does not own reading
//! metadata back (`metadata`) or downloading it (`sync`).

mod captured;
mod document;
mod objects;
mod split;
mod stream;

use std::collections::BTreeMap;
use std::io::{self, Read};
use std::path::PathBuf;

use rusqlite::{params, Transaction, TransactionBehavior};

use super::metadata::{MetadataObject, SINGLETON_SYSTEM, SINGLETON_USER};
use super::{Store, StoreError};
use crate::i18n::{Localize, Message};
use crate::model::{Child, Collection, CurrentUser, DataElement, SystemInfo, Uid};
use crate::msg;
use objects::{FieldIssue, Importable, Reference};
use split::Pos;

pub use captured::OrphanedRecords;
pub use document::{check_json_object, json_error, DocumentError, ExpectedDocument, METADATA_DOCUMENT};
pub use objects::{ActionNeed, FieldProblem};
pub use split::{JsonKind, LimitKind, SyntaxProblem, MAX_DEPTH, MAX_ENTRY_BYTES, MAX_STRING_BYTES};

/// One document to import.
pub enum ImportSource {
    File(PathBuf),
    /// A document already in memory (a server answer), with a name for messages.
    Bytes {
        name: String,
        bytes: Vec<u8>,
    },
}

impl ImportSource {
    pub fn name(&self) -> String {
        match self {
            ImportSource::File(p) => p.display().to_string(),
            ImportSource::Bytes { name, .. } => name.clone(),
        }
    }

    /// The raw bytes of the document (the caller buffers them).
    fn open(&self) -> Result<Box<dyn Read + '_>, ImportError> {
        match self {
            ImportSource::File(p) => {
                let f = std::fs::File::open(p).map_err(|error| ImportError::Io { file: self.name(), error })?;
                Ok(Box::new(f))
            }
            ImportSource::Bytes { bytes, .. } => Ok(Box::new(bytes.as_slice())),
        }
    }
}

/// What an import stored.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportReport {
    /// Objects now stored, per collection (every collection, zeros included).
    pub counts: BTreeMap<Collection, usize>,
    /// Top-level keys Phum does not store (`indicators`, `dashboards`, ...), with how many
    /// entries each had; `pager` and `date` are not listed.
    pub ignored: BTreeMap<String, usize>,
    pub user: Option<String>,
    pub server_version: Option<String>,
    /// Metadata that captured records use and the import lacked; only ever non-empty when
    /// [`ImportOptions::allow_orphaned_records`] let the import through.
    pub orphaned_records: Vec<OrphanedRecords>,
}

/// Choices of one import.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Import even when captured records would point at programs, stages, org units, data sets
    /// or other metadata that the new metadata lacks (the report lists them). Off by default:
    /// such an import is refused with [`ImportError::WouldOrphanRecords`].
    pub allow_orphaned_records: bool,
}

impl ImportReport {
    pub fn total(&self) -> usize {
        self.counts.values().sum()
    }
}

/// A reference whose target is not in the import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingReference {
    /// The document the referring object came from.
    pub file: String,
    pub from_collection: String,
    pub from_uid: String,
    pub from_name: Option<String>,
    pub field: String,
    pub target: String,
    pub target_uid: String,
}

impl Localize for MissingReference {
    fn message(&self) -> Message {
        msg!(
            "import-missing-reference",
            file = &self.file,
            object = describe(&self.from_collection, &self.from_uid, self.from_name.as_deref()),
            field = &self.field,
            target_uid = &self.target_uid,
            target = &self.target
        )
    }
}

/// An object that must belong to another (a stage to its program, an option to its option set)
/// and was given without it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Orphan {
    pub collection: Collection,
    pub uid: String,
    pub name: Option<String>,
    /// The field that names the owner (`program`, `optionSet`).
    pub owner: &'static str,
}

impl Localize for Orphan {
    fn message(&self) -> Message {
        let object = describe(self.collection.as_str(), &self.uid, self.name.as_deref());
        msg!("import-orphan", object = object, owner = self.owner)
    }
}

/// An object as messages name it: its kind (the DHIS2 name, `programRule`), its name if it has
/// one, and its UID.
fn describe(collection: &str, uid: &str, name: Option<&str>) -> Message {
    let kind = Collection::from_key(collection).map(|c| c.singular()).unwrap_or(collection);
    match name {
        Some(n) => msg!("import-object-named", kind = kind, name = n, uid = uid),
        None => msg!("import-object", kind = kind, uid = uid),
    }
}

/// An object's name in a list of two ("'Weight (kg)'"), or that it has none.
fn shown_name(name: Option<&str>) -> Message {
    match name {
        Some(n) => msg!("import-name-quoted", name = n),
        None => Message::new("import-name-none"),
    }
}

/// Why a value in a document cannot be read as the metadata it should be.
#[derive(Debug, Clone, PartialEq)]
pub enum InvalidValue {
    /// A collection key (`programs`) whose value is not a list.
    NotAList { collection: Collection, line: usize, column: usize },
    /// A UID, period or timestamp refused its text: why (`model::decode_error`).
    Refused(Message),
    /// The value does not have the shape of its type: serde's text (a missing field, a wrong
    /// type, an unknown value type name), without its position.
    Decode(String),
    /// The object could not be written back as JSON to be stored: serde_json's text.
    Encode(String),
}

impl Localize for InvalidValue {
    fn message(&self) -> Message {
        match self {
            InvalidValue::NotAList { collection, line, column } => {
                msg!("import-invalid-not-a-list", collection = collection.as_str(), line = line, column = column)
            }
            InvalidValue::Refused(why) => why.clone(),
            InvalidValue::Decode(detail) => msg!("import-invalid-decode", detail = detail),
            InvalidValue::Encode(detail) => msg!("import-invalid-encode", detail = detail),
        }
    }
}

/// Why an import was refused. Nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    Io {
        file: String,
        error: io::Error,
    },
    /// Empty, cut off, not JSON, or not an object.
    Document(#[from] DocumentError),
    Limit {
        file: String,
        line: usize,
        column: usize,
        limit: LimitKind,
    },
    Invalid {
        file: String,
        location: String,
        problem: InvalidValue,
    },
    /// `object` names the object; the boxes keep the error small.
    Field {
        file: String,
        location: String,
        object: Box<Message>,
        field: &'static str,
        problem: Box<FieldProblem>,
    },
    /// `first` and `second` are the names of the two objects (`None`: unnamed).
    DuplicateUid {
        file: String,
        location: String,
        collection: Collection,
        uid: Uid,
        first: Option<String>,
        second: Option<String>,
    },
    /// `shown` holds the first [`MAX_REPORTED`] of `total`.
    MissingReferences {
        total: usize,
        shown: Vec<MissingReference>,
    },
    Orphans(Vec<Orphan>),
    NoSources,
    /// Not one object of a collection Phum stores came in; `ignored` names the top-level keys
    /// that did (`"a (1)"`).
    NoMetadata {
        sources: Vec<String>,
        ignored: Vec<String>,
    },
    /// Captured records use metadata that the import lacks.
    WouldOrphanRecords(Vec<OrphanedRecords>),
    Store(#[from] StoreError),
}

impl Localize for ImportError {
    fn message(&self) -> Message {
        match self {
            ImportError::Io { file, error } => match error.kind() {
                io::ErrorKind::NotFound => msg!("import-io-not-found", file = file),
                io::ErrorKind::PermissionDenied => msg!("import-io-permission-denied", file = file),
                _ => msg!("import-io", file = file, detail = error.to_string()),
            },
            ImportError::Document(e) => e.message(),
            ImportError::Limit { file, line, column, limit } => {
                msg!("import-limit", file = file, limit = limit.message(), line = line, column = column)
            }
            ImportError::Invalid { file, location, problem } => {
                msg!("import-invalid", file = file, location = location, problem = problem.message())
            }
            ImportError::Field { file, location, object, field, problem } => msg!(
                "import-field",
                file = file,
                location = location,
                object = (**object).clone(),
                field = *field,
                problem = problem.message()
            ),
            ImportError::DuplicateUid { file, location, collection, uid, first, second } => msg!(
                "import-duplicate-uid",
                file = file,
                location = location,
                uid = uid,
                collection = collection.as_str(),
                first = shown_name(first.as_deref()),
                second = shown_name(second.as_deref())
            ),
            ImportError::MissingReferences { total, shown } => {
                let references: Vec<Message> = shown.iter().map(Localize::message).collect();
                if *total > shown.len() {
                    msg!("import-missing-references-first", total = total, shown = shown.len(), references = references)
                } else {
                    msg!("import-missing-references", total = total, references = references)
                }
            }
            ImportError::Orphans(orphans) => {
                let list: Vec<Message> = orphans.iter().map(Localize::message).collect();
                msg!("import-orphans", count = orphans.len(), orphans = list)
            }
            ImportError::NoSources => Message::new("import-no-sources"),
            ImportError::NoMetadata { sources, ignored } => {
                let count = sources.len();
                let sources = sources.join(", ");
                if ignored.is_empty() {
                    msg!("import-no-metadata", count = count, sources = sources)
                } else {
                    msg!(
                        "import-no-metadata-found-only",
                        count = count,
                        sources = sources,
                        ignored = ignored.join(", ")
                    )
                }
            }
            ImportError::WouldOrphanRecords(records) => {
                let list: Vec<Message> = records.iter().map(Localize::message).collect();
                msg!("import-would-orphan-records", records = list)
            }
            ImportError::Store(e) => e.message(),
        }
    }
}
crate::english_display!(ImportError);

impl From<rusqlite::Error> for ImportError {
    fn from(e: rusqlite::Error) -> ImportError {
        ImportError::Store(StoreError::Sql(e))
    }
}

/// Page cache during an import, in KiB (SQLite's negative `cache_size`).
const IMPORT_CACHE_KIB: i64 = -16 * 1024;

/// How many missing references an error lists.
const MAX_REPORTED: usize = 50;

impl Store {
    /// Replaces all metadata with the content of `sources`, in one transaction, with the
    /// default [`ImportOptions`].
    pub fn import_metadata(&mut self, sources: &[ImportSource]) -> Result<ImportReport, ImportError> {
        self.import_metadata_with(sources, &ImportOptions::default())
    }

    /// Replaces all metadata with the content of `sources`, in one transaction.
    pub fn import_metadata_with(
        &mut self,
        sources: &[ImportSource],
        options: &ImportOptions,
    ) -> Result<ImportReport, ImportError> {
        if sources.is_empty() {
            return Err(ImportError::NoSources);
        }
        // A larger page cache for the import: fewer pages are written out (and encrypted) more
        // than once. Restored afterwards so the app stays small in memory.
        let cache: i64 = self.conn().query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        self.conn().pragma_update(None, "cache_size", IMPORT_CACHE_KIB)?;
        let result = self.import_in_transaction(sources, options);
        self.conn().pragma_update(None, "cache_size", cache)?;
        result
    }

    fn import_in_transaction(
        &mut self,
        sources: &[ImportSource],
        options: &ImportOptions,
    ) -> Result<ImportReport, ImportError> {
        let tx = Transaction::new_unchecked(self.conn(), TransactionBehavior::Immediate)?;
        tx.execute_batch(
            "DELETE FROM metadata_object;
             DELETE FROM metadata_singleton WHERE name IN ('me', 'system');
             CREATE TEMP TABLE IF NOT EXISTS import_ref (
                 source INTEGER NOT NULL, from_collection TEXT NOT NULL, from_uid TEXT NOT NULL, field TEXT NOT NULL,
                 target TEXT NOT NULL, target_uid TEXT NOT NULL);
             CREATE TEMP TABLE IF NOT EXISTS import_link (
                 collection TEXT NOT NULL, uid TEXT NOT NULL, parent TEXT NOT NULL);
             DELETE FROM import_ref;
             DELETE FROM import_link;",
        )?;
        let mut imp = Importer {
            tx: &tx,
            source: String::new(),
            source_index: 0,
            location: String::new(),
            ignored: BTreeMap::new(),
            refs: Vec::new(),
        };
        for (i, source) in sources.iter().enumerate() {
            imp.source = source.name();
            imp.source_index = i;
            stream::read_document(&mut imp, source)?;
        }
        let ignored = std::mem::take(&mut imp.ignored);
        let names: Vec<String> = sources.iter().map(ImportSource::name).collect();
        let objects: i64 = tx.query_row("SELECT count(*) FROM metadata_object", [], |r| r.get(0))?;
        if objects == 0 {
            let ignored = ignored.iter().map(|(k, n)| format!("{k} ({n})")).collect();
            return Err(ImportError::NoMetadata { sources: names, ignored });
        }
        finish(&tx, &names)?;
        let orphaned_records = captured::orphaned_records(&tx)?;
        if !orphaned_records.is_empty() && !options.allow_orphaned_records {
            return Err(ImportError::WouldOrphanRecords(orphaned_records));
        }
        tx.execute_batch("DELETE FROM import_ref; DELETE FROM import_link;")?;
        tx.execute(
            "INSERT INTO metadata_import (finished_at, sources, objects) VALUES (datetime('now'), ?1, (SELECT count(*) FROM metadata_object))",
            [names.join("\n")],
        )?;
        tx.commit()?;
        Ok(ImportReport {
            counts: self.metadata_counts()?,
            ignored,
            user: self.current_user()?.map(|u| u.username),
            server_version: self.system_info()?.map(|s| s.version),
            orphaned_records,
        })
    }
}

/// Links children listed by id to their owners, then checks references and owners.
fn finish(tx: &Transaction<'_>, sources: &[String]) -> Result<(), ImportError> {
    tx.execute_batch(
        "UPDATE metadata_object SET parent = l.parent
           FROM import_link l
          WHERE metadata_object.collection = l.collection AND metadata_object.uid = l.uid
            AND metadata_object.parent IS NULL;",
    )?;
    let total: usize = tx.query_row(
        "SELECT count(*) FROM import_ref r WHERE NOT EXISTS
           (SELECT 1 FROM metadata_object t WHERE t.collection = r.target AND t.uid = r.target_uid)",
        [],
        |r| r.get::<_, i64>(0),
    )? as usize;
    if total > 0 {
        let mut stmt = tx.prepare(
            "SELECT r.source, r.from_collection, r.from_uid, f.name, r.field, r.target, r.target_uid
               FROM import_ref r
               LEFT JOIN metadata_object f ON f.collection = r.from_collection AND f.uid = r.from_uid
              WHERE NOT EXISTS (SELECT 1 FROM metadata_object t WHERE t.collection = r.target AND t.uid = r.target_uid)
              ORDER BY r.rowid LIMIT ?1",
        )?;
        let shown = stmt
            .query_map([MAX_REPORTED as i64], |r| {
                let source: usize = r.get::<_, i64>(0)? as usize;
                Ok(MissingReference {
                    file: sources.get(source).cloned().unwrap_or_default(),
                    from_collection: r.get(1)?,
                    from_uid: r.get(2)?,
                    from_name: r.get(3)?,
                    field: r.get(4)?,
                    target: r.get(5)?,
                    target_uid: r.get(6)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        return Err(ImportError::MissingReferences { total, shown });
    }
    let owned: &[(Collection, &str)] = &[
        (Collection::ProgramStages, "program"),
        (Collection::ProgramStageSections, "programStage"),
        (Collection::ProgramSections, "program"),
        (Collection::ProgramRules, "program"),
        (Collection::ProgramRuleActions, "programRule"),
        (Collection::ProgramRuleVariables, "program"),
        (Collection::Options, "optionSet"),
        (Collection::CategoryOptionCombos, "categoryCombo"),
        (Collection::DataSetSections, "dataSet"),
    ];
    let mut orphans = Vec::new();
    for (collection, owner) in owned {
        let mut stmt = tx.prepare_cached(
            "SELECT uid, name FROM metadata_object WHERE collection = ?1 AND parent IS NULL ORDER BY uid LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![collection.as_str(), MAX_REPORTED as i64], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })?;
        for row in rows {
            let (uid, name) = row?;
            orphans.push(Orphan { collection: *collection, uid, name, owner });
        }
    }
    if !orphans.is_empty() {
        return Err(ImportError::Orphans(orphans));
    }
    Ok(())
}

/// The state of one running import, handed to the stream reader and to each object's
/// `extract_children`.
pub(crate) struct Importer<'t> {
    tx: &'t Transaction<'t>,
    source: String,
    source_index: usize,
    /// Where in the document the current object is: `programs[3].programRuleVariables[0]`.
    location: String,
    ignored: BTreeMap<String, usize>,
    refs: Vec<Reference>,
}

impl Importer<'_> {
    /// Parses one entry of a top-level collection (its bytes start at `pos`) and stores it.
    fn add_entry(&mut self, collection: Collection, index: usize, bytes: &[u8], pos: Pos) -> Result<(), ImportError> {
        use crate::model::*;
        self.location = format!("{collection}[{index}]");
        match collection {
            Collection::Programs => self.add_parsed::<Program>(bytes, pos),
            Collection::ProgramStages => self.add_parsed::<ProgramStage>(bytes, pos),
            Collection::ProgramStageSections => self.add_parsed::<ProgramStageSection>(bytes, pos),
            Collection::ProgramSections => self.add_parsed::<ProgramSection>(bytes, pos),
            Collection::ProgramRules => self.add_parsed::<ProgramRule>(bytes, pos),
            Collection::ProgramRuleActions => self.add_parsed::<ProgramRuleAction>(bytes, pos),
            Collection::ProgramRuleVariables => self.add_parsed::<ProgramRuleVariable>(bytes, pos),
            Collection::DataElements => self.add_parsed::<DataElement>(bytes, pos),
            Collection::OptionSets => self.add_parsed::<OptionSet>(bytes, pos),
            Collection::Options => self.add_parsed::<OptionItem>(bytes, pos),
            Collection::OptionGroups => self.add_parsed::<OptionGroup>(bytes, pos),
            Collection::TrackedEntityTypes => self.add_parsed::<TrackedEntityType>(bytes, pos),
            Collection::TrackedEntityAttributes => self.add_parsed::<TrackedEntityAttribute>(bytes, pos),
            Collection::OrganisationUnits => self.add_parsed::<OrganisationUnit>(bytes, pos),
            Collection::OrganisationUnitLevels => self.add_parsed::<OrganisationUnitLevel>(bytes, pos),
            Collection::OrganisationUnitGroups => self.add_parsed::<OrganisationUnitGroup>(bytes, pos),
            Collection::CategoryCombos => self.add_parsed::<CategoryCombo>(bytes, pos),
            Collection::Categories => self.add_parsed::<Category>(bytes, pos),
            Collection::CategoryOptions => self.add_parsed::<CategoryOption>(bytes, pos),
            Collection::CategoryOptionCombos => self.add_parsed::<CategoryOptionCombo>(bytes, pos),
            Collection::DataSets => self.add_parsed::<DataSet>(bytes, pos),
            Collection::DataSetSections => self.add_parsed::<DataSetSection>(bytes, pos),
            Collection::ValidationRules => self.add_parsed::<ValidationRule>(bytes, pos),
            Collection::Constants => self.add_parsed::<Constant>(bytes, pos),
        }
    }

    fn add_parsed<T: Importable>(&mut self, bytes: &[u8], pos: Pos) -> Result<(), ImportError> {
        let obj: T = self.parse(bytes, pos)?;
        self.store(obj, false)
    }

    /// Parses one JSON value (whose bytes start at `pos` in the document) into a model type;
    /// a type mistake names the field path, a syntax mistake the line and column.
    pub(crate) fn parse<T: serde::de::DeserializeOwned>(&self, bytes: &[u8], pos: Pos) -> Result<T, ImportError> {
        // Fast path; path tracking costs time on every field, so it only runs to explain an error.
        if let Ok(parsed) = serde_json::from_slice(bytes) {
            return Ok(parsed);
        }
        let mut de = serde_json::Deserializer::from_slice(bytes);
        let parsed = serde_path_to_error::deserialize::<_, T>(&mut de).map_err(|e| {
            if e.inner().is_syntax() || e.inner().is_eof() {
                return stream::json_syntax(&self.source, e.inner(), pos);
            }
            let path = e.path().to_string();
            let location = if path == "." { self.location.clone() } else { format!("{}.{path}", self.location) };
            let message = e.into_inner().to_string();
            let message = message.split(" at line ").next().unwrap_or(&message).to_string();
            // A UID, period or timestamp that refused its text left its message behind.
            let (location, problem) = match crate::model::decode_error::take_matching(&message) {
                Some((None, why)) => (location, InvalidValue::Refused(why)),
                Some((Some(inner), why)) => (format!("{location}: {inner}"), InvalidValue::Refused(why)),
                None => (location, InvalidValue::Decode(message)),
            };
            ImportError::Invalid { file: self.source.clone(), location, problem }
        })?;
        de.end().map_err(|e| stream::json_syntax(&self.source, &e, pos))?;
        Ok(parsed)
    }

    fn field_error<T: MetadataObject>(&self, obj: &T, issue: FieldIssue) -> ImportError {
        ImportError::Field {
            file: self.source.clone(),
            location: self.location.clone(),
            object: Box::new(describe(T::COLLECTION.as_str(), obj.uid().as_str(), obj.name())),
            field: issue.field,
            problem: Box::new(issue.problem),
        }
    }

    /// Checks and writes one object, its children first.
    fn store<T: Importable>(&mut self, mut obj: T, embedded: bool) -> Result<(), ImportError> {
        if obj.name().is_some_and(|n| n.trim().is_empty()) {
            return Err(self.field_error(&obj, FieldIssue { field: "name", problem: FieldProblem::EmptyName }));
        }
        obj.check().map_err(|issue| self.field_error(&obj, issue))?;
        obj.extract_children(self)?;
        let uid = obj.uid();
        let body = serde_json::to_string(&obj).map_err(|e| {
            self.field_error(&obj, FieldIssue { field: "(object)", problem: FieldProblem::Encode(e.to_string()) })
        })?;
        let collection = T::COLLECTION.as_str();
        let parent = obj.parent().map(|p| p.to_string());
        let changed = self
            .tx
            .prepare_cached(
                "INSERT INTO metadata_object (collection, uid, parent, code, name, embedded, body)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (collection, uid) DO UPDATE SET
                     parent = excluded.parent, code = excluded.code, name = excluded.name,
                     embedded = excluded.embedded, body = excluded.body
                 WHERE metadata_object.embedded = 1 AND excluded.embedded = 0",
            )?
            .execute(params![collection, uid.as_str(), parent, obj.code(), obj.name(), embedded, body])?;
        if changed == 0 {
            if embedded {
                // The same nested object seen again (a data element used in two stages): the
                // first copy stands.
                return Ok(());
            }
            let (first, first_body): (Option<String>, String) = self.tx.query_row(
                "SELECT name, body FROM metadata_object WHERE collection = ?1 AND uid = ?2",
                params![collection, uid.as_str()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            if first_body == body {
                // An identical repeat: the default category combo comes from two calls, an org
                // unit can sit on two pages. Only different content under one UID is an error.
                return Ok(());
            }
            return Err(ImportError::DuplicateUid {
                file: self.source.clone(),
                location: self.location.clone(),
                collection: T::COLLECTION,
                uid,
                first,
                second: obj.name().map(str::to_string),
            });
        }
        let mut refs = std::mem::take(&mut self.refs);
        refs.clear();
        obj.references(&mut refs);
        let result = self.record_refs(collection, uid, &refs);
        self.refs = refs;
        result
    }

    fn record_refs(&self, collection: &str, uid: Uid, refs: &[Reference]) -> Result<(), ImportError> {
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO import_ref (source, from_collection, from_uid, field, target, target_uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for r in refs {
            stmt.execute(params![
                self.source_index as i64,
                collection,
                uid.as_str(),
                r.field,
                r.target.as_str(),
                r.uid.as_str()
            ])?;
        }
        Ok(())
    }

    /// Stores the children an object carried: embedded ones as rows of their own, listed ids as
    /// links to objects that must come elsewhere in the import.
    pub(crate) fn add_children<T: Importable>(
        &mut self,
        owner: (Collection, Uid),
        field: &'static str,
        children: Vec<Child<T>>,
    ) -> Result<(), ImportError> {
        let (owner_collection, owner_uid) = owner;
        for (i, child) in children.into_iter().enumerate() {
            match child {
                Child::Full(mut obj) => {
                    obj.set_parent(owner_uid);
                    let outer = self.location.len();
                    self.location.push_str(&format!(".{field}[{i}]"));
                    self.store(*obj, false)?;
                    self.location.truncate(outer);
                }
                Child::Ref(uid) => {
                    self.tx
                        .prepare_cached("INSERT INTO import_link (collection, uid, parent) VALUES (?1, ?2, ?3)")?
                        .execute(params![T::COLLECTION.as_str(), uid.as_str(), owner_uid.as_str()])?;
                    self.record_refs(
                        owner_collection.as_str(),
                        owner_uid,
                        &[Reference { field, target: T::COLLECTION, uid }],
                    )?;
                }
            }
        }
        Ok(())
    }

    /// A data element nested in a program stage: stored unless a top-level copy comes too.
    pub(crate) fn add_embedded(&mut self, de: DataElement) -> Result<(), ImportError> {
        self.store(de, true)
    }

    fn set_singleton<T: serde::Serialize>(&self, name: &str, value: &T) -> Result<(), ImportError> {
        let body = serde_json::to_string(value).map_err(|e| ImportError::Invalid {
            file: self.source.clone(),
            location: name.into(),
            problem: InvalidValue::Encode(e.to_string()),
        })?;
        self.tx.execute(
            "INSERT INTO metadata_singleton (name, body) VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET body = excluded.body",
            params![name, body],
        )?;
        Ok(())
    }

    fn set_user(&mut self, user: CurrentUser) -> Result<(), ImportError> {
        let user = user.normalise();
        let capture = user.organisation_units.iter().map(|r| ("organisationUnits", r));
        let search = user.tei_search_organisation_units.iter().map(|r| ("teiSearchOrganisationUnits", r));
        let refs: Vec<Reference> = capture
            .chain(search)
            .map(|(field, r)| Reference { field, target: Collection::OrganisationUnits, uid: r.id })
            .collect();
        self.record_refs("users", user.id, &refs)?;
        self.set_singleton(SINGLETON_USER, &user)
    }

    fn set_system(&mut self, info: SystemInfo) -> Result<(), ImportError> {
        self.set_singleton(SINGLETON_SYSTEM, &info)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::i18n::catalogue_tests::assert_renders_in_both;
    use crate::model::value_type::RuleActionType;
    use crate::model::UidError;

    fn uid(s: &str) -> Uid {
        Uid::parse(s).unwrap()
    }

    fn missing(n: usize) -> Vec<MissingReference> {
        (0..n)
            .map(|i| MissingReference {
                file: "bad.json".into(),
                from_collection: "programRules".into(),
                from_uid: "PhumPRNoBCG".into(),
                from_name: (i == 0).then(|| "Weight only after a vaccine".to_string()),
                field: "programStage".into(),
                target: "programStages".into(),
                target_uid: "PhumMissing".into(),
            })
            .collect()
    }

    fn orphaned(first: &[&str], missing: usize) -> OrphanedRecords {
        OrphanedRecords {
            collection: Collection::Programs,
            missing,
            records: 2,
            first: first.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn field_problems() -> Vec<FieldProblem> {
        let needs = [
            ActionNeed::DataElementOrAttribute,
            ActionNeed::AssignTarget,
            ActionNeed::Section,
            ActionNeed::Stage,
            ActionNeed::Option,
            ActionNeed::OptionGroup,
        ];
        let need_index = |n: &ActionNeed| match n {
            ActionNeed::DataElementOrAttribute => 0,
            ActionNeed::AssignTarget => 1,
            ActionNeed::Section => 2,
            ActionNeed::Stage => 3,
            ActionNeed::Option => 4,
            ActionNeed::OptionGroup => 5,
        };
        assert_eq!(needs.iter().map(need_index).collect::<Vec<_>>(), (0..6).collect::<Vec<_>>());
        let path = || "/PhumCntry01/PhumHC00001".to_string();
        let mut problems = vec![
            FieldProblem::EmptyName,
            FieldProblem::TrackerProgramWithoutType,
            FieldProblem::OptionWithoutCode,
            FieldProblem::PathNotUids { path: "/ImspTQPwCqd/x".into() },
            FieldProblem::PathNotEndingInOwnUid { path: path() },
            FieldProblem::LevelNotPath { level: 3, path: path(), depth: 2 },
            FieldProblem::ParentNotInPath { path: path() },
            FieldProblem::ClosedBeforeOpened { closed: "2019-01-01".into(), opened: "2020-01-01".into() },
            FieldProblem::LevelZero,
            FieldProblem::EndsBeforeStarts { end: "2024-12-31".into(), start: "2025-01-01".into() },
            FieldProblem::NegativeExpiryDays { days: -1.0 },
            FieldProblem::DataInputPeriod(crate::model::period::PeriodError::UnknownFormat { text: "2025X".into() }),
            FieldProblem::NotFinite,
            FieldProblem::Encode("key must be a string".into()),
        ];
        problems
            .extend(needs.iter().map(|&needs| FieldProblem::ActionNeeds { action: RuleActionType::HideOption, needs }));
        let name = |p: &FieldProblem| match p {
            FieldProblem::EmptyName => "EmptyName",
            FieldProblem::TrackerProgramWithoutType => "TrackerProgramWithoutType",
            FieldProblem::ActionNeeds { .. } => "ActionNeeds",
            FieldProblem::OptionWithoutCode => "OptionWithoutCode",
            FieldProblem::PathNotUids { .. } => "PathNotUids",
            FieldProblem::PathNotEndingInOwnUid { .. } => "PathNotEndingInOwnUid",
            FieldProblem::LevelNotPath { .. } => "LevelNotPath",
            FieldProblem::ParentNotInPath { .. } => "ParentNotInPath",
            FieldProblem::ClosedBeforeOpened { .. } => "ClosedBeforeOpened",
            FieldProblem::LevelZero => "LevelZero",
            FieldProblem::EndsBeforeStarts { .. } => "EndsBeforeStarts",
            FieldProblem::NegativeExpiryDays { .. } => "NegativeExpiryDays",
            FieldProblem::DataInputPeriod(_) => "DataInputPeriod",
            FieldProblem::NotFinite => "NotFinite",
            FieldProblem::Encode(_) => "Encode",
        };
        assert_eq!(problems.iter().map(name).collect::<BTreeSet<_>>().len(), 15, "one sample per variant");
        problems
    }

    #[test]
    fn every_import_error_variant_renders_in_both_languages() {
        let file = || "bad.json".to_string();
        let location = || "programs[3].programRuleVariables[0]".to_string();
        let limits = [
            LimitKind::LongKey,
            LimitKind::LargeObject { start_line: 3, start_column: 7 },
            LimitKind::Nesting,
            LimitKind::LongString,
        ];
        let limit_index = |l: &LimitKind| match l {
            LimitKind::LongKey => 0,
            LimitKind::LargeObject { .. } => 1,
            LimitKind::Nesting => 2,
            LimitKind::LongString => 3,
        };
        assert_eq!(limits.iter().map(limit_index).collect::<Vec<_>>(), [0, 1, 2, 3]);
        let invalid = [
            InvalidValue::NotAList { collection: Collection::Programs, line: 1, column: 14 },
            InvalidValue::Refused(UidError::FirstNotLetter { text: "1hmmmmmmmmm".into() }.message()),
            InvalidValue::Decode("missing field `id`".into()),
            InvalidValue::Encode("key must be a string".into()),
        ];
        let invalid_index = |v: &InvalidValue| match v {
            InvalidValue::NotAList { .. } => 0,
            InvalidValue::Refused(_) => 1,
            InvalidValue::Decode(_) => 2,
            InvalidValue::Encode(_) => 3,
        };
        assert_eq!(invalid.iter().map(invalid_index).collect::<Vec<_>>(), [0, 1, 2, 3]);
        let io = |kind: io::ErrorKind| ImportError::Io { file: file(), error: io::Error::new(kind, "disk on fire") };
        let object = || describe("programRules", "PhumPRNoBCG", Some("Weight only after a vaccine"));
        let mut samples = vec![
            io(io::ErrorKind::NotFound),
            io(io::ErrorKind::PermissionDenied),
            io(io::ErrorKind::Other),
            ImportError::Document(DocumentError::Truncated { file: file(), line: 1, column: 15 }),
            ImportError::DuplicateUid {
                file: file(),
                location: "dataElements[3]".into(),
                collection: Collection::DataElements,
                uid: uid("PhumDEWeigh"),
                first: Some("Weight (kg)".into()),
                second: None,
            },
            ImportError::MissingReferences { total: 1, shown: missing(1) },
            ImportError::MissingReferences { total: 3, shown: missing(3) },
            ImportError::MissingReferences { total: 120, shown: missing(2) },
            ImportError::Orphans(vec![Orphan {
                collection: Collection::Options,
                uid: "PhumOptBCG1".into(),
                name: Some("BCG".into()),
                owner: "optionSet",
            }]),
            ImportError::NoSources,
            ImportError::NoMetadata { sources: vec![file()], ignored: vec![] },
            ImportError::NoMetadata { sources: vec![file(), "b.json".into()], ignored: vec!["items (2)".into()] },
            ImportError::WouldOrphanRecords(vec![orphaned(&["PhumImmProg"], 1), orphaned(&["PhumImmProg"], 7)]),
            ImportError::Store(StoreError::Sql(rusqlite::Error::InvalidQuery)),
        ];
        samples.extend(limits.iter().map(|&limit| ImportError::Limit { file: file(), line: 9, column: 2, limit }));
        samples.extend(invalid.into_iter().map(|problem| ImportError::Invalid {
            file: file(),
            location: location(),
            problem,
        }));
        samples.extend(field_problems().into_iter().map(|problem| ImportError::Field {
            file: file(),
            location: location(),
            object: Box::new(object()),
            field: "path",
            problem: Box::new(problem),
        }));
        let name = |e: &ImportError| match e {
            ImportError::Io { .. } => "Io",
            ImportError::Document(_) => "Document",
            ImportError::Limit { .. } => "Limit",
            ImportError::Invalid { .. } => "Invalid",
            ImportError::Field { .. } => "Field",
            ImportError::DuplicateUid { .. } => "DuplicateUid",
            ImportError::MissingReferences { .. } => "MissingReferences",
            ImportError::Orphans(_) => "Orphans",
            ImportError::NoSources => "NoSources",
            ImportError::NoMetadata { .. } => "NoMetadata",
            ImportError::WouldOrphanRecords(_) => "WouldOrphanRecords",
            ImportError::Store(_) => "Store",
        };
        assert_eq!(samples.iter().map(name).collect::<BTreeSet<_>>().len(), 12, "one sample per variant");
        for e in &samples {
            assert_renders_in_both(&e.message());
        }
        // The English wording other tests and the command line rely on.
        assert_eq!(
            samples[4].to_string(),
            "bad.json: dataElements[3]: UID PhumDEWeigh is used twice in dataElements, with different content: \
             'Weight (kg)' and an unnamed one"
        );
        assert!(samples[7].to_string().starts_with("120 references point to objects that are not in the import (first 2 shown): bad.json: programRule 'Weight only after a vaccine' (PhumPRNoBCG): programStage points to PhumMissing, which is not among the programStages imported; bad.json: programRule PhumPRNoBCG: "), "{}", samples[7]);
        assert_eq!(orphaned(&["A", "B"], 3).to_string(), "programs: 3 missing (A, B, ...), used by 2 captured records");
    }

    #[test]
    fn split_errors_render_in_both_languages() {
        let pos = Pos { line: 4, column: 12 };
        let samples = [
            split::SplitError::Io(io::Error::other("disk on fire")),
            split::SplitError::Truncated(pos),
            split::SplitError::Syntax { pos, problem: SyntaxProblem::ExpectedValue },
            split::SplitError::Limit { pos, limit: LimitKind::Nesting },
        ];
        let name = |e: &split::SplitError| match e {
            split::SplitError::Io(_) => "Io",
            split::SplitError::Truncated(_) => "Truncated",
            split::SplitError::Syntax { .. } => "Syntax",
            split::SplitError::Limit { .. } => "Limit",
        };
        assert_eq!(samples.iter().map(name).collect::<BTreeSet<_>>().len(), 4);
        for e in &samples {
            assert_renders_in_both(&e.message());
        }
    }

    #[test]
    fn a_refused_uid_inside_a_document_is_said_in_the_readers_language() {
        let mut store = Store::open_in_memory().unwrap();
        let doc = br#"{"dataElements": [{"id": "PhumDEWeigh", "name": "Weight", "valueType": "NUMBER",
            "domainType": "TRACKER", "aggregationType": "NONE", "optionSet": {"id": "1hmmmmmmmmm"}}]}"#;
        let source = ImportSource::Bytes { name: "bad.json".into(), bytes: doc.to_vec() };
        let err = store.import_metadata(&[source]).unwrap_err();
        let ImportError::Invalid { problem: InvalidValue::Refused(why), .. } = &err else { panic!("{err:?}") };
        assert_eq!(why.id, "model-uid-first-not-letter");
        assert_eq!(
            err.to_string(),
            "bad.json: dataElements[0].optionSet.id: '1hmmmmmmmmm' is not a DHIS2 UID: it must start with a letter (A-Z or a-z)"
        );
        let khmer = err.localized(crate::i18n::Locale::KHMER);
        assert!(
            khmer.contains("មិនមែនជា UID របស់ DHIS2 ទេ") && khmer.contains("dataElements[0].optionSet.id"),
            "{khmer}"
        );
    }
}
