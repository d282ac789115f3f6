//! DHIS2 value types and the other closed vocabularies (enums) that metadata uses.
//!
//! Owns the names exactly as DHIS2 2.39-2.42 send them, so an unknown name is a specific import
//! error. Does not own checking a typed value against its value type: that is `validate`.

use serde::{Deserialize, Serialize};

use crate::i18n::{Localize, Message};

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

/// The name a person reads for a value type ("Whole number"); the wire name ([`ValueType::as_str`])
/// stays for metadata, storage and logs.
impl Localize for ValueType {
    fn message(&self) -> Message {
        match self {
            ValueType::Text => Message::new("model-value-type-text"),
            ValueType::LongText => Message::new("model-value-type-long-text"),
            ValueType::MultiText => Message::new("model-value-type-multi-text"),
            ValueType::Letter => Message::new("model-value-type-letter"),
            ValueType::PhoneNumber => Message::new("model-value-type-phone-number"),
            ValueType::Email => Message::new("model-value-type-email"),
            ValueType::Boolean => Message::new("model-value-type-boolean"),
            ValueType::TrueOnly => Message::new("model-value-type-true-only"),
            ValueType::Date => Message::new("model-value-type-date"),
            ValueType::DateTime => Message::new("model-value-type-date-time"),
            ValueType::Time => Message::new("model-value-type-time"),
            ValueType::Number => Message::new("model-value-type-number"),
            ValueType::UnitInterval => Message::new("model-value-type-unit-interval"),
            ValueType::Percentage => Message::new("model-value-type-percentage"),
            ValueType::Integer => Message::new("model-value-type-integer"),
            ValueType::IntegerPositive => Message::new("model-value-type-integer-positive"),
            ValueType::IntegerNegative => Message::new("model-value-type-integer-negative"),
            ValueType::IntegerZeroOrPositive => Message::new("model-value-type-integer-zero-or-positive"),
            ValueType::TrackerAssociate => Message::new("model-value-type-tracker-associate"),
            ValueType::Username => Message::new("model-value-type-username"),
            ValueType::Coordinate => Message::new("model-value-type-coordinate"),
            ValueType::OrganisationUnit => Message::new("model-value-type-organisation-unit"),
            ValueType::Reference => Message::new("model-value-type-reference"),
            ValueType::Age => Message::new("model-value-type-age"),
            ValueType::Url => Message::new("model-value-type-url"),
            ValueType::FileResource => Message::new("model-value-type-file-resource"),
            ValueType::Image => Message::new("model-value-type-image"),
            ValueType::GeoJson => Message::new("model-value-type-geojson"),
        }
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

/// An event's status as the person reads it ("Scheduled", "Completed").
impl Localize for EventStatus {
    fn message(&self) -> Message {
        match self {
            EventStatus::Active => Message::new("model-event-status-active"),
            EventStatus::Completed => Message::new("model-event-status-completed"),
            EventStatus::Visited => Message::new("model-event-status-visited"),
            EventStatus::Schedule => Message::new("model-event-status-schedule"),
            EventStatus::Overdue => Message::new("model-event-status-overdue"),
            EventStatus::Skipped => Message::new("model-event-status-skipped"),
        }
    }
}

/// An enrollment's status as the person reads it ("Active", "Cancelled").
impl Localize for EnrollmentStatus {
    fn message(&self) -> Message {
        match self {
            EnrollmentStatus::Active => Message::new("model-enrollment-status-active"),
            EnrollmentStatus::Completed => Message::new("model-enrollment-status-completed"),
            EnrollmentStatus::Cancelled => Message::new("model-enrollment-status-cancelled"),
        }
    }
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

    #[test]
    fn every_value_type_and_status_has_a_distinct_name_in_both_languages() {
        use crate::i18n::catalogue_tests::assert_renders_in_both;
        use crate::i18n::{Lang, Locale};
        fn check<T: Localize>(all: &[T]) {
            for lang in Lang::ALL {
                let names: std::collections::BTreeSet<String> =
                    all.iter().map(|v| v.localized(Locale::new(lang, false))).collect();
                assert_eq!(names.len(), all.len(), "two share a name in {lang:?}: {names:?}");
            }
            all.iter().for_each(|v| assert_renders_in_both(&v.message()));
        }
        check(ValueType::ALL);
        check(EventStatus::ALL);
        check(EnrollmentStatus::ALL);
        assert_eq!(ValueType::IntegerZeroOrPositive.localized(Locale::ENGLISH), "Zero or positive whole number");
        assert_eq!(ValueType::Integer.localized(Locale::KHMER), "ចំនួនគត់");
    }
}
