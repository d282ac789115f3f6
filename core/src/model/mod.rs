//! DHIS2 metadata and data types as DHIS2 2.39-2.42 send them (serde), with UIDs, value types,
//! ISO periods, the device's clock (`clock`: today and now in the device's time zone), and
//! digits typed in Khmer or ASCII (`digits`). Value types, period types and statuses have names
//! for people in both languages (`Localize`); a value refused while deserialising keeps its
//! message for the importer (`decode_error`).
//!
//! Owns the wire shapes and the checks that need nothing but one value (a UID's format, a period
//! string, an enum name). Does not own storage, cross-object references (the importer in
//! `store` checks those) or behaviour such as rules and validation.

pub mod category;
pub mod clock;
pub mod collection;
pub mod common;
pub mod data_element;
pub mod data_set;
pub mod decode_error;
pub mod digits;
pub mod org_unit;
pub mod period;
pub mod program;
pub mod tracked_entity;
pub mod uid;
pub mod user;
pub mod value_type;

pub use category::{Category, CategoryCombo, CategoryOption, CategoryOptionCombo};
pub use clock::{ClockError, DeviceClock};
pub use collection::Collection;
pub use common::{Access, Child, DataAccess, IdRef, Identity, Style, Timestamp, Translation, UtcOffset};
pub use data_element::{DataElement, OptionGroup, OptionItem, OptionSet};
pub use data_set::{Constant, DataSet, DataSetElement, DataSetSection, ValidationRule, ValidationSide};
pub use org_unit::{OrganisationUnit, OrganisationUnitGroup, OrganisationUnitLevel};
pub use period::{Period, PeriodType};
pub use program::{
    Program, ProgramRule, ProgramRuleAction, ProgramRuleVariable, ProgramSection, ProgramStage,
    ProgramStageDataElement, ProgramStageSection, ProgramTrackedEntityAttribute,
};
pub use tracked_entity::{TrackedEntityAttribute, TrackedEntityType, TrackedEntityTypeAttribute};
pub use uid::{Uid, UidError};
pub use user::{CurrentUser, SystemInfo};
pub use value_type::ValueType;
