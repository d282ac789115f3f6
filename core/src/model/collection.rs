//! The metadata collections Phum stores, named as DHIS2 names them in `/api/metadata` and in
//! per-endpoint answers (`programs`, `dataElements`, ...).
//!
//! Owns the list and the names. Does not own what each collection's objects look like (the
//! other `model` modules) or how they are stored (`store`).

use std::fmt;

macro_rules! collections {
    ($($variant:ident = $wire:literal),+ $(,)?) => {
        /// A stored metadata collection.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Collection { $($variant),+ }

        impl Collection {
            pub const ALL: &'static [Collection] = &[$(Collection::$variant),+];

            /// The DHIS2 name, as used for the JSON key and in the store.
            pub fn as_str(self) -> &'static str {
                match self { $(Collection::$variant => $wire),+ }
            }

            /// The collection a top-level JSON key names, if Phum stores it.
            pub fn from_key(key: &str) -> Option<Collection> {
                match key { $($wire => Some(Collection::$variant),)+ _ => None }
            }
        }
    };
}

collections! {
    Programs = "programs",
    ProgramStages = "programStages",
    ProgramStageSections = "programStageSections",
    ProgramSections = "programSections",
    ProgramRules = "programRules",
    ProgramRuleActions = "programRuleActions",
    ProgramRuleVariables = "programRuleVariables",
    DataElements = "dataElements",
    OptionSets = "optionSets",
    Options = "options",
    OptionGroups = "optionGroups",
    TrackedEntityTypes = "trackedEntityTypes",
    TrackedEntityAttributes = "trackedEntityAttributes",
    OrganisationUnits = "organisationUnits",
    OrganisationUnitLevels = "organisationUnitLevels",
    OrganisationUnitGroups = "organisationUnitGroups",
    CategoryCombos = "categoryCombos",
    Categories = "categories",
    CategoryOptions = "categoryOptions",
    CategoryOptionCombos = "categoryOptionCombos",
    DataSets = "dataSets",
    DataSetSections = "sections",
    ValidationRules = "validationRules",
    Constants = "constants",
}

impl Collection {
    /// The name of one object of the collection, for messages: `programRuleVariable`.
    pub fn singular(self) -> &'static str {
        match self {
            Collection::Categories => "category",
            Collection::DataSetSections => "section",
            Collection::Options => "option",
            other => other.as_str().strip_suffix('s').unwrap_or(other.as_str()),
        }
    }
}

impl fmt::Display for Collection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_collection_round_trips_through_its_key() {
        for c in Collection::ALL {
            assert_eq!(Collection::from_key(c.as_str()), Some(*c));
        }
        assert_eq!(Collection::from_key("indicators"), None);
        assert_eq!(Collection::ProgramRuleVariables.singular(), "programRuleVariable");
        assert_eq!(Collection::Categories.singular(), "category");
    }
}
