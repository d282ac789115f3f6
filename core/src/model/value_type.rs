//! DHIS2 value types and the other closed vocabularies (enums) that metadata uses.
//!
//! Owns the names exactly as DHIS2 2.39-2.42 send them, so an unknown name is a specific import
//! error. Does not own checking a typed value against its value type: that is `validate`.

use serde::{Deserialize, Serialize};

/// Declares a closed DHIS2 vocabulary: serde uses the wire names, `ALL` lists them, `as_str` gives
/// the wire name back.
macro_rules! dhis2_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $wire)] $variant),+
        }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire),+ }
            }
            /// The value with this wire name.
            pub fn from_wire(name: &str) -> Option<$name> {
                match name { $($wire => Some($name::$variant),)+ _ => None }
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

dhis2_enum! {
    /// The value type of a data element, attribute or option set.
    ValueType {
        Text = "TEXT", LongText = "LONG_TEXT", MultiText = "MULTI_TEXT", Letter = "LETTER",
        PhoneNumber = "PHONE_NUMBER", Email = "EMAIL", Boolean = "BOOLEAN", TrueOnly = "TRUE_ONLY",
        Date = "DATE", DateTime = "DATETIME", Time = "TIME", Number = "NUMBER",
        UnitInterval = "UNIT_INTERVAL", Percentage = "PERCENTAGE", Integer = "INTEGER",
        IntegerPositive = "INTEGER_POSITIVE", IntegerNegative = "INTEGER_NEGATIVE",
        IntegerZeroOrPositive = "INTEGER_ZERO_OR_POSITIVE", TrackerAssociate = "TRACKER_ASSOCIATE",
        Username = "USERNAME", Coordinate = "COORDINATE", OrganisationUnit = "ORGANISATION_UNIT",
        Reference = "REFERENCE", Age = "AGE", Url = "URL", FileResource = "FILE_RESOURCE",
        Image = "IMAGE", GeoJson = "GEOJSON",
    }
}

impl ValueType {
    pub fn is_numeric(self) -> bool {
        matches!(
            self,
            ValueType::Number
                | ValueType::UnitInterval
                | ValueType::Percentage
                | ValueType::Integer
                | ValueType::IntegerPositive
                | ValueType::IntegerNegative
                | ValueType::IntegerZeroOrPositive
        )
    }
}

dhis2_enum! {
    /// Whether a data element is captured in events (tracker) or in data sets (aggregate).
    DomainType { Aggregate = "AGGREGATE", Tracker = "TRACKER" }
}

dhis2_enum! {
    ProgramType { WithRegistration = "WITH_REGISTRATION", WithoutRegistration = "WITHOUT_REGISTRATION" }
}

dhis2_enum! {
    /// Who may see a tracker program's data outside its owner org unit.
    AccessLevel { Open = "OPEN", Audited = "AUDITED", Protected = "PROTECTED", Closed = "CLOSED" }
}

dhis2_enum! {
    FeatureType {
        None = "NONE", Point = "POINT", Polygon = "POLYGON", MultiPolygon = "MULTI_POLYGON",
        Symbol = "SYMBOL",
    }
}

dhis2_enum! {
    /// Where a program rule variable takes its value from.
    RuleVariableSource {
        DataElementNewestEventProgramStage = "DATAELEMENT_NEWEST_EVENT_PROGRAM_STAGE",
        DataElementNewestEventProgram = "DATAELEMENT_NEWEST_EVENT_PROGRAM",
        DataElementCurrentEvent = "DATAELEMENT_CURRENT_EVENT",
        DataElementPreviousEvent = "DATAELEMENT_PREVIOUS_EVENT",
        CalculatedValue = "CALCULATED_VALUE",
        TeiAttribute = "TEI_ATTRIBUTE",
    }
}

dhis2_enum! {
    /// The state of an event (DHIS2's `EventStatus`).
    EventStatus {
        Active = "ACTIVE", Completed = "COMPLETED", Visited = "VISITED", Schedule = "SCHEDULE",
        Overdue = "OVERDUE", Skipped = "SKIPPED",
    }
}

dhis2_enum! {
    /// The state of an enrollment (DHIS2's `EnrollmentStatus`).
    EnrollmentStatus { Active = "ACTIVE", Completed = "COMPLETED", Cancelled = "CANCELLED" }
}

dhis2_enum! {
    RuleActionType {
        DisplayText = "DISPLAYTEXT", DisplayKeyValuePair = "DISPLAYKEYVALUEPAIR",
        HideField = "HIDEFIELD", HideSection = "HIDESECTION", HideProgramStage = "HIDEPROGRAMSTAGE",
        Assign = "ASSIGN", ShowWarning = "SHOWWARNING", WarningOnComplete = "WARNINGONCOMPLETE",
        ShowError = "SHOWERROR", ErrorOnComplete = "ERRORONCOMPLETE", CreateEvent = "CREATEEVENT",
        SetMandatoryField = "SETMANDATORYFIELD", SendMessage = "SENDMESSAGE",
        ScheduleMessage = "SCHEDULEMESSAGE", HideOption = "HIDEOPTION",
        ShowOptionGroup = "SHOWOPTIONGROUP", HideOptionGroup = "HIDEOPTIONGROUP",
    }
}

dhis2_enum! {
    AggregationType {
        Sum = "SUM", Average = "AVERAGE", AverageSumOrgUnit = "AVERAGE_SUM_ORG_UNIT",
        Last = "LAST", LastAverageOrgUnit = "LAST_AVERAGE_ORG_UNIT",
        LastInPeriod = "LAST_IN_PERIOD", LastInPeriodAverageOrgUnit = "LAST_IN_PERIOD_AVERAGE_ORG_UNIT",
        First = "FIRST", FirstAverageOrgUnit = "FIRST_AVERAGE_ORG_UNIT",
        FirstFirstOrgUnit = "FIRST_FIRST_ORG_UNIT", LastLastOrgUnit = "LAST_LAST_ORG_UNIT",
        Count = "COUNT", StdDev = "STDDEV", Variance = "VARIANCE", Min = "MIN", Max = "MAX",
        MinSumOrgUnit = "MIN_SUM_ORG_UNIT", MaxSumOrgUnit = "MAX_SUM_ORG_UNIT", None = "NONE",
        Custom = "CUSTOM", Default = "DEFAULT", AverageSum = "AVERAGE_SUM_INT",
        AverageSumIntDisaggregation = "AVERAGE_SUM_INT_DISAGGREGATION",
        AverageInt = "AVERAGE_INT", AverageIntDisaggregation = "AVERAGE_INT_DISAGGREGATION",
        AverageBool = "AVERAGE_BOOL",
    }
}

dhis2_enum! {
    /// The comparison of an aggregate validation rule.
    ValidationOperator {
        Equal = "equal_to", NotEqual = "not_equal_to", GreaterThan = "greater_than",
        GreaterThanOrEqual = "greater_than_or_equal_to", LessThan = "less_than",
        LessThanOrEqual = "less_than_or_equal_to", CompulsoryPair = "compulsory_pair",
        ExclusivePair = "exclusive_pair",
    }
}

dhis2_enum! {
    MissingValueStrategy {
        SkipIfAnyValueMissing = "SKIP_IF_ANY_VALUE_MISSING",
        SkipIfAllValuesMissing = "SKIP_IF_ALL_VALUES_MISSING", NeverSkip = "NEVER_SKIP",
    }
}

dhis2_enum! {
    Importance { High = "HIGH", Medium = "MEDIUM", Low = "LOW" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_types_use_dhis2_wire_names() {
        for vt in ValueType::ALL {
            let json = serde_json::to_string(vt).unwrap();
            assert_eq!(json, format!("\"{}\"", vt.as_str()));
            assert_eq!(serde_json::from_str::<ValueType>(&json).unwrap(), *vt);
        }
        assert_eq!(ValueType::ALL.len(), 28);
    }

    #[test]
    fn unknown_value_type_names_the_bad_word_and_the_choices() {
        let err = serde_json::from_str::<ValueType>("\"NUMBR\"").unwrap_err().to_string();
        assert!(err.contains("unknown variant `NUMBR`"), "{err}");
        assert!(err.contains("NUMBER"), "{err}");
        // DHIS2 names are case-sensitive.
        assert!(serde_json::from_str::<ValueType>("\"number\"").is_err());
    }

    #[test]
    fn validation_operators_are_lower_case_on_the_wire() {
        let op: ValidationOperator = serde_json::from_str("\"less_than_or_equal_to\"").unwrap();
        assert_eq!(op, ValidationOperator::LessThanOrEqual);
    }
}
