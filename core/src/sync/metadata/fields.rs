//! The `fields=` filter of every metadata request: exactly what the model reads
//! (`model::*` serde structs), nested children included, with `translations` for every locale
//! wherever the model keeps them (DESIGN: the language can change offline).
//!
//! Owns the field lists. Does not own which objects are asked for (`plan`) or the query syntax
//! (`query`). Sources: the SDK's `*Fields.kt` (research/dhis2-api.md, Appendix A) for the names
//! DHIS2 uses; fields the SDK asks for and Phum does not store (`displayName`, `created`,
//! `attributeValues`, `legendSets`, ...) are left out. When a model struct gains a field, its
//! list here must gain it too, or a real server leaves it out of the answer.

/// What every identifiable object carries (`model::common::Identity`).
macro_rules! identity {
    () => {
        "id,code,name,shortName,formName,description,translations[property,locale,value]"
    };
}

/// Sharing flags (`model::common::Access`).
macro_rules! access {
    () => {
        "access[read,write,data[read,write]]"
    };
}

/// `/api/system/info` (`model::SystemInfo`).
pub const SYSTEM_INFO: &str = "version,revision,serverDate,serverTimeZoneId,calendar,dateFormat,systemName,contextPath";

/// `/api/me` (`model::CurrentUser`, 2.38+ shape); `path` of the org units tells which of them
/// lie inside another (one download per subtree).
pub const ME: &str = "id,username,firstName,surname,displayName,organisationUnits[id,path],\
teiSearchOrganisationUnits[id,path],dataViewOrganisationUnits[id],programs,dataSets,authorities,\
userRoles[id,name],userGroups[id,name],settings";

pub const ORGANISATION_UNITS: &str = concat!(
    identity!(),
    ",path,level,parent[id],openingDate,closedDate,programs[id],dataSets[id],organisationUnitGroups[id],geometry"
);

pub const ORGANISATION_UNIT_LEVELS: &str = concat!(identity!(), ",level");

pub const ORGANISATION_UNIT_GROUPS: &str = concat!(identity!(), ",organisationUnits[id]");

/// Programs with their rule variables and registration sections nested (`model::Program`).
pub const PROGRAMS: &str = concat!(
    identity!(),
    ",programType,trackedEntityType[id],categoryCombo[id],enrollmentCategoryCombo[id],accessLevel,",
    access!(),
    ",featureType,onlyEnrollOnce,displayIncidentDate,selectEnrollmentDatesInFuture,selectIncidentDatesInFuture,\
ignoreOverdueEvents,useFirstStageDuringRegistration,enrollmentDateLabel,incidentDateLabel,expiryDays,\
expiryPeriodType,completeEventsExpiryDays,minAttributesRequiredToSearch,maxTeiCountToReturn,style[color,icon],\
programTrackedEntityAttributes[trackedEntityAttribute[id],mandatory,allowFutureDate,displayInList,searchable,\
sortOrder,renderType],programRuleVariables[",
    identity!(),
    ",program[id],programRuleVariableSourceType,dataElement[id],trackedEntityAttribute[id],programStage[id],\
useCodeForOptionSet,valueType],programSections[",
    identity!(),
    ",program[id],sortOrder,trackedEntityAttributes[id],renderType]"
);

/// Stages with their sections nested; data elements by id (`/api/dataElements` sends them once).
pub const PROGRAM_STAGES: &str = concat!(
    identity!(),
    ",program[id],sortOrder,repeatable,standardInterval,minDaysFromStart,generatedByEnrollmentDate,\
autoGenerateEvent,openAfterEnrollment,reportDateToUse,periodType,hideDueDate,blockEntryForm,\
allowGenerateNextVisit,remindCompleted,validCompleteOnly,executionDateLabel,dueDateLabel,validationStrategy,\
featureType,",
    access!(),
    ",style[color,icon],programStageDataElements[id,dataElement[id],compulsory,allowFutureDate,\
allowProvidedElsewhere,displayInReports,sortOrder,renderType],programStageSections[",
    identity!(),
    ",programStage[id],sortOrder,dataElements[id],renderType]"
);

/// Rules with their actions nested (`model::ProgramRule`, `model::ProgramRuleAction`).
pub const PROGRAM_RULES: &str = concat!(
    identity!(),
    ",program[id],programStage[id],condition,priority,programRuleActions[id,programRule[id],\
programRuleActionType,data,content,location,dataElement[id],trackedEntityAttribute[id],programStage[id],\
programStageSection[id],option[id],optionGroup[id],priority,translations[property,locale,value]]"
);

pub const TRACKED_ENTITY_TYPES: &str = concat!(
    identity!(),
    ",featureType,minAttributesRequiredToSearch,maxTeiCountToReturn,\
trackedEntityTypeAttributes[trackedEntityAttribute[id],mandatory,searchable,displayInList]"
);

pub const TRACKED_ENTITY_ATTRIBUTES: &str = concat!(
    identity!(),
    ",valueType,optionSet[id],unique,orgunitScope,generated,pattern,confidential,inherit,\
displayInListNoProgram,displayOnVisitSchedule,fieldMask,minCharactersToSearch,preferredSearchOperator,\
blockedSearchOperators"
);

pub const DATA_ELEMENTS: &str = concat!(
    identity!(),
    ",valueType,domainType,aggregationType,zeroIsSignificant,optionSet[id],categoryCombo[id],fieldMask"
);

/// Option sets without their options: those come from `/api/options`, paged.
pub const OPTION_SETS: &str = concat!(identity!(), ",valueType,version");

pub const OPTIONS: &str = concat!(identity!(), ",optionSet[id],sortOrder,style[color,icon]");

pub const OPTION_GROUPS: &str = concat!(identity!(), ",optionSet[id],options[id]");

/// Data sets with their sections nested (`model::DataSet`).
pub const DATA_SETS: &str = concat!(
    identity!(),
    ",periodType,categoryCombo[id],openFuturePeriods,expiryDays,timelyDays,validCompleteOnly,\
noValueRequiresComment,fieldCombinationRequired,compulsoryFieldsCompleteOnly,",
    access!(),
    ",dataSetElements[dataElement[id],categoryCombo[id]],sections[",
    identity!(),
    ",dataSet[id],sortOrder,dataElements[id],greyedFields[dataElement[id],categoryOptionCombo[id]],\
showRowTotals,showColumnTotals],dataInputPeriods[period,openingDate,closingDate],\
compulsoryDataElementOperands[dataElement[id],categoryOptionCombo[id]]"
);

pub const VALIDATION_RULES: &str = concat!(
    identity!(),
    ",instruction,importance,operator,periodType,leftSide[expression,description,missingValueStrategy],\
rightSide[expression,description,missingValueStrategy],organisationUnitLevels,skipFormValidation"
);

/// Category combos with their option combos nested.
pub const CATEGORY_COMBOS: &str = concat!(
    identity!(),
    ",isDefault,dataDimensionType,categories[id],categoryOptionCombos[",
    identity!(),
    ",categoryCombo[id],categoryOptions[id]]"
);

pub const CATEGORIES: &str = concat!(identity!(), ",dataDimensionType,categoryOptions[id]");

pub const CATEGORY_OPTIONS: &str = concat!(identity!(), ",startDate,endDate,", access!(), ",organisationUnits[id]");

pub const CONSTANTS: &str = concat!(identity!(), ",value");

/// Every list above, for the tests.
#[cfg(test)]
pub const ALL: [&str; 20] = [
    SYSTEM_INFO,
    ME,
    ORGANISATION_UNITS,
    ORGANISATION_UNIT_LEVELS,
    ORGANISATION_UNIT_GROUPS,
    PROGRAMS,
    PROGRAM_STAGES,
    PROGRAM_RULES,
    TRACKED_ENTITY_TYPES,
    TRACKED_ENTITY_ATTRIBUTES,
    DATA_ELEMENTS,
    OPTION_SETS,
    OPTIONS,
    OPTION_GROUPS,
    DATA_SETS,
    VALIDATION_RULES,
    CATEGORY_COMBOS,
    CATEGORIES,
    CATEGORY_OPTIONS,
    CONSTANTS,
];

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// The names at the top level of a field list, checking that brackets balance.
    fn top_level(fields: &str) -> Vec<&str> {
        let (mut depth, mut start, mut out) = (0i32, 0, Vec::new());
        for (i, c) in fields.char_indices() {
            match c {
                '[' => depth += 1,
                ']' => depth -= 1,
                ',' if depth == 0 => {
                    out.push(fields[start..i].split('[').next().unwrap());
                    start = i + 1;
                }
                _ => {}
            }
            assert!(depth >= 0, "unbalanced: {fields}");
        }
        assert_eq!(depth, 0, "unbalanced: {fields}");
        out.push(fields[start..].split('[').next().unwrap());
        out
    }

    #[test]
    fn field_lists_are_well_formed_without_repeats_or_blanks() {
        for fields in ALL.iter() {
            let names = top_level(fields);
            assert!(names.iter().all(|n| !n.is_empty() && !n.contains(' ')), "{fields}");
            assert_eq!(names.iter().collect::<BTreeSet<_>>().len(), names.len(), "a repeat in {fields}");
        }
    }

    #[test]
    fn every_identifiable_list_asks_for_translations_in_every_locale() {
        for fields in ALL.iter().skip(2) {
            assert!(top_level(fields).contains(&"translations"), "{fields}");
            assert!(fields.contains("translations[property,locale,value]"));
        }
        // Nested children and rule actions carry theirs too.
        assert_eq!(PROGRAMS.matches("translations[").count(), 3);
        assert_eq!(PROGRAM_STAGES.matches("translations[").count(), 2);
        assert_eq!(PROGRAM_RULES.matches("translations[").count(), 2);
    }

    /// The field names a model type's `Deserialize` reads (serde's list for a struct, aliases
    /// included), caught by a deserializer that stops at `deserialize_struct`.
    fn model_fields<T: serde::de::DeserializeOwned>() -> &'static [&'static str] {
        use serde::de::{Error as _, Visitor};
        type Error = serde::de::value::Error;
        struct Catch<'a>(&'a mut &'static [&'static str]);
        impl<'de> serde::Deserializer<'de> for Catch<'_> {
            type Error = Error;
            fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
                Err(Error::custom("not a struct"))
            }
            fn deserialize_struct<V: Visitor<'de>>(
                self,
                _: &'static str,
                fields: &'static [&'static str],
                _: V,
            ) -> Result<V::Value, Error> {
                *self.0 = fields;
                Err(Error::custom("caught"))
            }
            serde::forward_to_deserialize_any! {
                bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
                unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
            }
        }
        let mut fields: &'static [&'static str] = &[];
        let _ = T::deserialize(Catch(&mut fields));
        assert!(!fields.is_empty(), "{} is not a struct", std::any::type_name::<T>());
        fields
    }

    /// A field list as a tree: each name with its nested list, if it has one.
    struct Node(Vec<(String, Option<Node>)>);

    fn tree(text: &str) -> Node {
        fn list(chars: &mut std::str::Chars<'_>) -> Node {
            let (mut out, mut name) = (Vec::new(), String::new());
            while let Some(c) = chars.next() {
                match c {
                    ',' if !name.is_empty() => out.push((std::mem::take(&mut name), None)),
                    ',' => {}
                    '[' => out.push((std::mem::take(&mut name), Some(list(chars)))),
                    ']' => break,
                    c => name.push(c),
                }
            }
            if !name.is_empty() {
                out.push((name, None));
            }
            Node(out)
        }
        list(&mut text.chars())
    }

    impl Node {
        /// The list nested under `path` (`a.b`); `None` when the path names a field asked for
        /// whole (no list: everything of it comes).
        fn at(&self, path: &str) -> Option<&Node> {
            let mut node = self;
            for step in path.split('.').filter(|s| !s.is_empty()) {
                let (_, sub) = node.0.iter().find(|(n, _)| n == step).unwrap_or_else(|| panic!("no {step} in {path}"));
                node = sub.as_ref()?;
            }
            Some(node)
        }
    }

    /// Every field of `T` is asked for at `path` of `list`, except `unasked` (with the reason at
    /// the call).
    fn check<T: serde::de::DeserializeOwned>(list: &str, path: &str, unasked: &[&str]) {
        let whole = tree(list);
        let Some(node) = whole.at(path) else { return };
        let asked: Vec<&str> = node.0.iter().map(|(n, _)| n.as_str()).collect();
        let missing: Vec<&&str> =
            model_fields::<T>().iter().filter(|f| !asked.contains(f) && !unasked.contains(f)).collect();
        assert!(missing.is_empty(), "{} reads {missing:?}, not asked for at '{path}'", std::any::type_name::<T>());
    }

    #[test]
    fn every_field_the_model_reads_is_asked_for() {
        use crate::model::data_set::{DataInputPeriod, DataSetElement, Operand, ValidationSide};
        use crate::model::user::NamedRef;
        use crate::model::*;
        check::<SystemInfo>(SYSTEM_INFO, "", &[]);
        // `userCredentials`: only servers below 2.38 send it, and Phum needs 2.39.
        check::<CurrentUser>(ME, "", &["userCredentials"]);
        check::<NamedRef>(ME, "userRoles", &[]);
        check::<NamedRef>(ME, "userGroups", &[]);
        check::<OrganisationUnit>(ORGANISATION_UNITS, "", &[]);
        check::<OrganisationUnitLevel>(ORGANISATION_UNIT_LEVELS, "", &[]);
        check::<OrganisationUnitGroup>(ORGANISATION_UNIT_GROUPS, "", &[]);
        check::<Program>(PROGRAMS, "", &[]);
        check::<Access>(PROGRAMS, "access", &[]);
        check::<DataAccess>(PROGRAMS, "access.data", &[]);
        check::<Style>(PROGRAMS, "style", &[]);
        check::<Translation>(PROGRAMS, "translations", &[]);
        check::<ProgramTrackedEntityAttribute>(PROGRAMS, "programTrackedEntityAttributes", &[]);
        check::<ProgramRuleVariable>(PROGRAMS, "programRuleVariables", &[]);
        // The old name of `trackedEntityAttributes`, read from servers that still send it.
        check::<ProgramSection>(PROGRAMS, "programSections", &["programTrackedEntityAttribute"]);
        check::<ProgramStage>(PROGRAM_STAGES, "", &[]);
        check::<Access>(PROGRAM_STAGES, "access", &[]);
        check::<ProgramStageDataElement>(PROGRAM_STAGES, "programStageDataElements", &[]);
        check::<ProgramStageSection>(PROGRAM_STAGES, "programStageSections", &[]);
        check::<ProgramRule>(PROGRAM_RULES, "", &[]);
        check::<ProgramRuleAction>(PROGRAM_RULES, "programRuleActions", &[]);
        check::<Translation>(PROGRAM_RULES, "programRuleActions.translations", &[]);
        check::<TrackedEntityType>(TRACKED_ENTITY_TYPES, "", &[]);
        check::<TrackedEntityTypeAttribute>(TRACKED_ENTITY_TYPES, "trackedEntityTypeAttributes", &[]);
        check::<TrackedEntityAttribute>(TRACKED_ENTITY_ATTRIBUTES, "", &[]);
        check::<DataElement>(DATA_ELEMENTS, "", &[]);
        // Options come from `/api/options`, paged, not nested in their set.
        check::<OptionSet>(OPTION_SETS, "", &["options"]);
        check::<OptionItem>(OPTIONS, "", &[]);
        check::<OptionGroup>(OPTION_GROUPS, "", &[]);
        check::<DataSet>(DATA_SETS, "", &[]);
        check::<DataSetElement>(DATA_SETS, "dataSetElements", &[]);
        check::<DataSetSection>(DATA_SETS, "sections", &[]);
        check::<DataInputPeriod>(DATA_SETS, "dataInputPeriods", &[]);
        // An operand's `id` ("de.coc") only stands in for the two references asked for.
        check::<Operand>(DATA_SETS, "compulsoryDataElementOperands", &["id"]);
        check::<Operand>(DATA_SETS, "sections.greyedFields", &["id"]);
        check::<ValidationRule>(VALIDATION_RULES, "", &[]);
        check::<ValidationSide>(VALIDATION_RULES, "leftSide", &[]);
        check::<ValidationSide>(VALIDATION_RULES, "rightSide", &[]);
        check::<CategoryCombo>(CATEGORY_COMBOS, "", &[]);
        check::<CategoryOptionCombo>(CATEGORY_COMBOS, "categoryOptionCombos", &[]);
        check::<Category>(CATEGORIES, "", &[]);
        check::<CategoryOption>(CATEGORY_OPTIONS, "", &[]);
        check::<Access>(CATEGORY_OPTIONS, "access", &[]);
        check::<Constant>(CONSTANTS, "", &[]);
        // The check sees a field left out.
        let caught = std::panic::catch_unwind(|| check::<Constant>("id,name", "", &[]));
        assert!(caught.is_err());
    }
}
