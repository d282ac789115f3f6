//! The VHSG monthly village report: its aggregate data elements (by sex, or sex x age group),
//! the data set with its four sections, and the three validation rules. Does not own the
//! disaggregations themselves (`categories`) or which villages report (`org_units`).

use serde_json::{json, Value};

use super::categories::{CC_DEFAULT, CC_SEX, CC_SEX_AGE};
use super::{named, r, refs};
use crate::demo::dataset::vhsg::{self, DATA_SET};
use crate::model::Uid;

/// (data element, English, Khmer, short, Khmer short, category combo).
const ELEMENTS: [(Uid, &str, &str, &str, &str, &str); 10] = [
    (vhsg::LIVE_BIRTHS, "Live births this month", "កំណើតរស់ក្នុងខែនេះ", "Live births", "កំណើតរស់", CC_SEX),
    (vhsg::DEATHS, "Deaths this month", "មរណភាពក្នុងខែនេះ", "Deaths", "មរណភាព", CC_SEX_AGE),
    (
        vhsg::CHILDREN_UNDER_2,
        "Children under 2 living in the village",
        "កុមារអាយុក្រោម ២ ឆ្នាំ ដែលរស់នៅក្នុងភូមិ",
        "Children under 2",
        "កុមារក្រោម ២ ឆ្នាំ",
        CC_SEX,
    ),
    (
        vhsg::CHILDREN_VACCINATED,
        "Children under 2 vaccinated this month",
        "កុមារអាយុក្រោម ២ ឆ្នាំ ដែលបានចាក់ថ្នាំបង្ការក្នុងខែនេះ",
        "Children under 2 vaccinated",
        "កុមារក្រោម ២ ឆ្នាំ បានចាក់ថ្នាំ",
        CC_SEX,
    ),
    (
        vhsg::PREGNANT_WOMEN,
        "Pregnant women in the village",
        "ស្ត្រីមានផ្ទៃពោះក្នុងភូមិ",
        "Pregnant women",
        "ស្ត្រីមានផ្ទៃពោះ",
        CC_DEFAULT,
    ),
    (
        vhsg::REFERRED_ANTENATAL,
        "Pregnant women referred for antenatal care",
        "ស្ត្រីមានផ្ទៃពោះដែលបានបញ្ជូនទៅពិនិត្យផ្ទៃពោះ",
        "Referred for antenatal care",
        "បញ្ជូនពិនិត្យផ្ទៃពោះ",
        CC_DEFAULT,
    ),
    (
        vhsg::SICK_REFERRED,
        "Sick people referred to the health centre",
        "អ្នកជំងឺដែលបានបញ្ជូនទៅមណ្ឌលសុខភាព",
        "Sick people referred",
        "អ្នកជំងឺបានបញ្ជូន",
        CC_SEX_AGE,
    ),
    (
        vhsg::REFERRED_NCD,
        "Adults referred for a blood pressure or blood sugar check",
        "មនុស្សពេញវ័យដែលបានបញ្ជូនទៅពិនិត្យសម្ពាធឈាម ឬជាតិស្ករក្នុងឈាម",
        "Referred for BP or sugar check",
        "បញ្ជូនពិនិត្យសម្ពាធឈាម ឬជាតិស្ករ",
        CC_SEX,
    ),
    (
        vhsg::HOUSEHOLDS_VISITED,
        "Households visited",
        "គ្រួសារដែលបានចុះសួរសុខទុក្ខ",
        "Households visited",
        "គ្រួសារបានចុះសួរ",
        CC_DEFAULT,
    ),
    (
        vhsg::EDUCATION_SESSIONS,
        "Health education sessions held",
        "វគ្គអប់រំសុខភាពដែលបានរៀបចំ",
        "Health education sessions",
        "វគ្គអប់រំសុខភាព",
        CC_DEFAULT,
    ),
];

/// The aggregate data elements: whole numbers, summed, zero significant.
pub(super) fn data_elements() -> Vec<Value> {
    ELEMENTS
        .iter()
        .map(|&(uid, name, name_km, short, short_km, combo)| {
            named(uid, name, name_km)
                .short(short, short_km)
                .with("valueType", "INTEGER_ZERO_OR_POSITIVE")
                .with("domainType", "AGGREGATE")
                .with("aggregationType", "SUM")
                .with("zeroIsSignificant", true)
                .with("categoryCombo", r(combo))
                .build()
        })
        .collect()
}

/// The data set and its sections.
pub(super) fn data_set() -> (Value, Vec<Value>) {
    let rows: [(&str, &str, &str, &[Uid]); 4] = [
        ("DmDsSecBrth", "Births and deaths", "កំណើត និងមរណភាព", &[vhsg::LIVE_BIRTHS, vhsg::DEATHS]),
        (
            "DmDsSecChld",
            "Children and immunization",
            "កុមារ និងការចាក់ថ្នាំបង្ការ",
            &[vhsg::CHILDREN_UNDER_2, vhsg::CHILDREN_VACCINATED],
        ),
        ("DmDsSecPreg", "Pregnant women", "ស្ត្រីមានផ្ទៃពោះ", &[vhsg::PREGNANT_WOMEN, vhsg::REFERRED_ANTENATAL]),
        (
            "DmDsSecRefr",
            "Referrals and home visits",
            "ការបញ្ជូន និងការចុះសួរសុខទុក្ខ",
            &[vhsg::SICK_REFERRED, vhsg::REFERRED_NCD, vhsg::HOUSEHOLDS_VISITED, vhsg::EDUCATION_SESSIONS],
        ),
    ];
    let sections: Vec<Value> = rows
        .iter()
        .enumerate()
        .map(|(i, &(uid, name, name_km, des))| {
            named(uid, name, name_km)
                .with("dataSet", r(DATA_SET))
                .with("sortOrder", i + 1)
                .with("showRowTotals", true)
                .with("showColumnTotals", false)
                .with("dataElements", refs(des.iter().copied()))
                .build()
        })
        .collect();
    let data_set = named(DATA_SET, "VHSG monthly village report", "របាយការណ៍ប្រចាំខែរបស់ក្រុមទ្រទ្រង់សុខភាពភូមិ")
        .short("VHSG monthly report", "របាយការណ៍ប្រចាំខែ VHSG")
        .with("periodType", "Monthly")
        .with("categoryCombo", r(CC_DEFAULT))
        .with("openFuturePeriods", 0)
        .with("expiryDays", 0)
        .with("timelyDays", 15)
        .with("validCompleteOnly", false)
        .with("noValueRequiresComment", false)
        .with("dataSetElements", ELEMENTS.iter().map(|e| json!({ "dataElement": r(e.0) })).collect::<Vec<_>>())
        .with("sections", refs(sections.iter().map(|s| s["id"].as_str().unwrap_or_default().to_string())))
        .build();
    (data_set, sections)
}

/// A monthly rule `left <= right`, skipped when a value is missing.
fn validation_rule(uid: &str, name: &str, name_km: &str, instruction: (&str, &str), left: &str, right: &str) -> Value {
    let side =
        |expression: &str| json!({ "expression": expression, "missingValueStrategy": "SKIP_IF_ANY_VALUE_MISSING" });
    named(uid, name, name_km)
        .with("instruction", instruction.0)
        .with("importance", "MEDIUM")
        .with("operator", "less_than_or_equal_to")
        .with("periodType", "Monthly")
        .with("leftSide", side(left))
        .with("rightSide", side(right))
        .km("INSTRUCTION", instruction.1)
        .build()
}

pub(super) fn validation_rules() -> Vec<Value> {
    let operand = |de: Uid, combo: Uid| format!("#{{{de}.{combo}}}");
    vec![
        validation_rule(
            "DmVrVacBoys",
            "Boys vaccinated: not more than boys under 2",
            "ក្មេងប្រុសបានចាក់ថ្នាំ៖ មិនលើសក្មេងប្រុសអាយុក្រោម ២ ឆ្នាំ",
            (
                "Boys under 2 vaccinated this month cannot be more than the boys under 2 living in the village. \
                 Check both numbers.",
                "ចំនួនក្មេងប្រុសអាយុក្រោម ២ ឆ្នាំ ដែលបានចាក់ថ្នាំបង្ការក្នុងខែនេះ \
                 មិនអាចលើសចំនួនក្មេងប្រុសអាយុក្រោម ២ ឆ្នាំ ដែលរស់នៅក្នុងភូមិបានទេ។ សូមពិនិត្យលេខទាំងពីរ។",
            ),
            &operand(vhsg::CHILDREN_VACCINATED, vhsg::MALE),
            &operand(vhsg::CHILDREN_UNDER_2, vhsg::MALE),
        ),
        validation_rule(
            "DmVrVacGirl",
            "Girls vaccinated: not more than girls under 2",
            "ក្មេងស្រីបានចាក់ថ្នាំ៖ មិនលើសក្មេងស្រីអាយុក្រោម ២ ឆ្នាំ",
            (
                "Girls under 2 vaccinated this month cannot be more than the girls under 2 living in the village. \
                 Check both numbers.",
                "ចំនួនក្មេងស្រីអាយុក្រោម ២ ឆ្នាំ ដែលបានចាក់ថ្នាំបង្ការក្នុងខែនេះ \
                 មិនអាចលើសចំនួនក្មេងស្រីអាយុក្រោម ២ ឆ្នាំ ដែលរស់នៅក្នុងភូមិបានទេ។ សូមពិនិត្យលេខទាំងពីរ។",
            ),
            &operand(vhsg::CHILDREN_VACCINATED, vhsg::FEMALE),
            &operand(vhsg::CHILDREN_UNDER_2, vhsg::FEMALE),
        ),
        validation_rule(
            "DmVrAncRefr",
            "Referred for antenatal care: not more than pregnant women",
            "បញ្ជូនពិនិត្យផ្ទៃពោះ៖ មិនលើសស្ត្រីមានផ្ទៃពោះ",
            (
                "Pregnant women referred for antenatal care cannot be more than the pregnant women in the village.",
                "ចំនួនស្ត្រីមានផ្ទៃពោះដែលបានបញ្ជូនទៅពិនិត្យផ្ទៃពោះ មិនអាចលើសចំនួនស្ត្រីមានផ្ទៃពោះក្នុងភូមិបានទេ។",
            ),
            &format!("#{{{}}}", vhsg::REFERRED_ANTENATAL),
            &format!("#{{{}}}", vhsg::PREGNANT_WOMEN),
        ),
    ]
}
