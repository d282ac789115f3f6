//! Reading stored metadata: one object by UID, a whole collection, the children of an object,
//! counts per collection, the signed-in user and the server.
//!
//! Owns the mapping between model types and their collection (the [`MetadataObject`] trait).
//! Does not own writing: only the importer replaces metadata, all at once (`import`).

use std::collections::BTreeMap;

use rusqlite::{params, OptionalExtension};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::{Store, StoreError};
use crate::model::common::IdRef;
use crate::model::*;

/// A metadata type that is stored as rows of one collection.
pub trait MetadataObject: Serialize + DeserializeOwned {
    const COLLECTION: Collection;
    fn uid(&self) -> Uid;
    fn name(&self) -> Option<&str>;
    fn code(&self) -> Option<&str>;
    /// The object this one belongs to (program of a stage, option set of an option, parent unit).
    fn parent(&self) -> Option<Uid>;
    /// Sets the owner (the importer learns it from the owner's list in `/api/metadata` exports).
    fn set_parent(&mut self, parent: Uid);
}

/// Implements [`MetadataObject`] for a type with an `identity`, naming its owner field if any.
macro_rules! stored {
    ($ty:ty, $collection:ident $(, $parent:ident)?) => {
        impl MetadataObject for $ty {
            const COLLECTION: Collection = Collection::$collection;
            fn uid(&self) -> Uid {
                self.identity.id
            }
            fn name(&self) -> Option<&str> {
                Some(&self.identity.name)
            }
            fn code(&self) -> Option<&str> {
                self.identity.code.as_deref()
            }
            fn parent(&self) -> Option<Uid> {
                None $(.or(self.$parent.map(|r| r.id)))?
            }
            #[allow(unused_variables)]
            fn set_parent(&mut self, parent: Uid) {
                $(self.$parent = Some(IdRef { id: parent });)?
            }
        }
    };
}

stored!(Program, Programs);
stored!(ProgramSection, ProgramSections, program);
stored!(ProgramStage, ProgramStages, program);
stored!(ProgramStageSection, ProgramStageSections, program_stage);
stored!(ProgramRuleVariable, ProgramRuleVariables, program);
stored!(ProgramRule, ProgramRules, program);
stored!(DataElement, DataElements);
stored!(OptionSet, OptionSets);
stored!(OptionItem, Options, option_set);
stored!(OptionGroup, OptionGroups, option_set);
stored!(TrackedEntityType, TrackedEntityTypes);
stored!(TrackedEntityAttribute, TrackedEntityAttributes);
stored!(OrganisationUnit, OrganisationUnits, parent);
stored!(OrganisationUnitLevel, OrganisationUnitLevels);
stored!(OrganisationUnitGroup, OrganisationUnitGroups);
stored!(CategoryCombo, CategoryCombos);
stored!(Category, Categories);
stored!(CategoryOption, CategoryOptions);
stored!(CategoryOptionCombo, CategoryOptionCombos, category_combo);
stored!(DataSet, DataSets);
stored!(DataSetSection, DataSetSections, data_set);
stored!(ValidationRule, ValidationRules);
stored!(Constant, Constants);

impl MetadataObject for ProgramRuleAction {
    const COLLECTION: Collection = Collection::ProgramRuleActions;
    fn uid(&self) -> Uid {
        self.id
    }
    fn name(&self) -> Option<&str> {
        None
    }
    fn code(&self) -> Option<&str> {
        None
    }
    fn parent(&self) -> Option<Uid> {
        self.program_rule.map(|r| r.id)
    }
    fn set_parent(&mut self, parent: Uid) {
        self.program_rule = Some(IdRef { id: parent });
    }
}

pub(crate) const SINGLETON_USER: &str = "me";
pub(crate) const SINGLETON_SYSTEM: &str = "system";

impl Store {
    /// One object by UID.
    pub fn get<T: MetadataObject>(&self, uid: Uid) -> Result<Option<T>, StoreError> {
        let row = self
            .conn()
            .prepare_cached("SELECT body, parent FROM metadata_object WHERE collection = ?1 AND uid = ?2")?
            .query_row(params![T::COLLECTION.as_str(), uid.as_str()], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
            })
            .optional()?;
        row.map(|(body, parent)| decode::<T>(uid.as_str(), &body, parent)).transpose()
    }

    /// Every object of a collection, ordered by UID.
    pub fn list<T: MetadataObject>(&self) -> Result<Vec<T>, StoreError> {
        self.query_objects::<T>(
            "SELECT uid, body, parent FROM metadata_object WHERE collection = ?1 ORDER BY uid",
            params![T::COLLECTION.as_str()],
        )
    }

    /// The objects of a collection that belong to `parent` (stages of a program, options of an
    /// option set, child units of a unit), ordered by UID.
    pub fn children<T: MetadataObject>(&self, parent: Uid) -> Result<Vec<T>, StoreError> {
        self.query_objects::<T>(
            // Without statistics SQLite prefers the (collection, uid) key for the ORDER BY and
            // scans the whole collection: for a program's 300 rules that was 9 ms of opening a form.
            "SELECT uid, body, parent FROM metadata_object INDEXED BY metadata_object_by_parent
             WHERE collection = ?1 AND parent = ?2 ORDER BY uid",
            params![T::COLLECTION.as_str(), parent.as_str()],
        )
    }

    fn query_objects<T: MetadataObject>(&self, sql: &str, args: impl rusqlite::Params) -> Result<Vec<T>, StoreError> {
        let mut stmt = self.conn().prepare_cached(sql)?;
        let rows = stmt.query_map(args, |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (uid, body, parent) = row?;
            out.push(decode::<T>(&uid, &body, parent)?);
        }
        Ok(out)
    }

    /// How many objects each collection holds (collections with none are included as 0).
    pub fn metadata_counts(&self) -> Result<BTreeMap<Collection, usize>, StoreError> {
        let mut counts: BTreeMap<Collection, usize> = Collection::ALL.iter().map(|c| (*c, 0)).collect();
        let mut stmt = self.conn().prepare("SELECT collection, count(*) FROM metadata_object GROUP BY collection")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        for row in rows {
            let (name, n) = row?;
            if let Some(c) = Collection::from_key(&name) {
                counts.insert(c, n as usize);
            }
        }
        Ok(counts)
    }

    /// The signed-in user as the last metadata import left it.
    pub fn current_user(&self) -> Result<Option<CurrentUser>, StoreError> {
        self.singleton(SINGLETON_USER)
    }

    /// The server the metadata came from.
    pub fn system_info(&self) -> Result<Option<SystemInfo>, StoreError> {
        self.singleton(SINGLETON_SYSTEM)
    }

    fn singleton<T: DeserializeOwned>(&self, name: &str) -> Result<Option<T>, StoreError> {
        let body: Option<String> = self
            .conn()
            .query_row("SELECT body FROM metadata_singleton WHERE name = ?1", [name], |r| r.get(0))
            .optional()?;
        body.map(|b| {
            serde_json::from_str(&b).map_err(|e| StoreError::CorruptRow {
                collection: name.into(),
                uid: name.into(),
                message: e.to_string(),
            })
        })
        .transpose()
    }
}

fn decode<T: MetadataObject>(uid: &str, body: &str, parent: Option<String>) -> Result<T, StoreError> {
    let corrupt = |message: String| StoreError::CorruptRow {
        collection: T::COLLECTION.as_str().into(),
        uid: uid.into(),
        message,
    };
    let mut obj: T = serde_json::from_str(body).map_err(|e| corrupt(e.to_string()))?;
    if let Some(parent) = parent {
        obj.set_parent(Uid::parse(&parent).map_err(|e| corrupt(e.to_string()))?);
    }
    Ok(obj)
}
