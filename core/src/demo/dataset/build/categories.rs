//! The disaggregations: the default category combo, sex, and sex x age group (the VHSG report's
//! three combos), with their category options, categories and option combos. Does not own which
//! data elements use which combo (`vhsg`, `elements`).

use serde_json::Value;

use super::{named, r, refs};
use crate::demo::dataset::vhsg;

pub(super) const CC_DEFAULT: &str = "DmCcDefault";
pub(super) const CC_SEX: &str = "DmCcSex0001";
pub(super) const CC_SEX_AGE: &str = "DmCcSexAge1";

/// (category option uid, letter of its combos, English, Khmer).
const SEXES: [(&str, &str, &str, &str); 2] =
    [("DmCoMale001", "M", "Male", "ប្រុស"), ("DmCoFemale1", "F", "Female", "ស្រី")];
/// (category option uid, suffix of its combos, English, Khmer).
const AGE_GROUPS: [(&str, &str, &str, &str); 3] = [
    ("DmCoAgeU1Yr", "U1Yr", "Under 1 year", "ក្រោម ១ ឆ្នាំ"),
    ("DmCoAge1to4", "1to4", "1 to 4 years", "១ ដល់ ៤ ឆ្នាំ"),
    ("DmCoAge5Plu", "5Plu", "5 years and over", "៥ ឆ្នាំឡើងទៅ"),
];

/// The sex x age group option combo of `letter` (M, F) and an age group's suffix: the UIDs of
/// `demo::dataset::vhsg::SEX_AGE`.
fn sex_age_combo(letter: &str, suffix: &str) -> String {
    format!("DmCoc{letter}{suffix}1")
}

fn disaggregation(uid: &str, name: &str, name_km: &str) -> super::Named {
    named(uid, name, name_km).with("dataDimensionType", "DISAGGREGATION")
}

/// A category option combo of `combo` made of `category_options`.
fn combo_of(uid: &str, name: &str, name_km: &str, combo: &str, category_options: &[&str]) -> Value {
    named(uid, name, name_km)
        .with("categoryCombo", r(combo))
        .with("categoryOptions", refs(category_options.iter().copied()))
        .build()
}

/// Category options, categories, category combos and category option combos.
pub(super) fn all() -> (Vec<Value>, Vec<Value>, Vec<Value>, Vec<Value>) {
    let mut options = vec![named("DmCoDefault", "default", "លំនាំដើម").code("default").build()];
    options.extend(SEXES.iter().chain(&AGE_GROUPS).map(|&(uid, _, en, km)| named(uid, en, km).short(en, km).build()));

    let categories = vec![
        disaggregation("DmCaDefault", "default", "លំនាំដើម").with("categoryOptions", refs(["DmCoDefault"])).build(),
        disaggregation("DmCaSex0001", "Sex", "ភេទ").with("categoryOptions", refs(SEXES.map(|s| s.0))).build(),
        disaggregation("DmCaAgeGrp1", "Age group", "ក្រុមអាយុ")
            .with("categoryOptions", refs(AGE_GROUPS.map(|a| a.0)))
            .build(),
    ];

    let mut option_combos = vec![
        combo_of(vhsg::DEFAULT_COMBO.as_str(), "default", "លំនាំដើម", CC_DEFAULT, &["DmCoDefault"]),
        combo_of(vhsg::MALE.as_str(), "Male", "ប្រុស", CC_SEX, &["DmCoMale001"]),
        combo_of(vhsg::FEMALE.as_str(), "Female", "ស្រី", CC_SEX, &["DmCoFemale1"]),
    ];
    let mut sex_age = Vec::new();
    for (sex_uid, letter, sex_en, sex_km) in SEXES {
        for (age_uid, suffix, age_en, age_km) in AGE_GROUPS {
            let uid = sex_age_combo(letter, suffix);
            option_combos.push(combo_of(
                uid.as_str(),
                &format!("{sex_en}, {age_en}"),
                &format!("{sex_km}, {age_km}"),
                CC_SEX_AGE,
                &[sex_uid, age_uid],
            ));
            sex_age.push(uid);
        }
    }

    let combos = vec![
        disaggregation(CC_DEFAULT, "default", "លំនាំដើម")
            .with("isDefault", true)
            .with("categories", refs(["DmCaDefault"]))
            .with("categoryOptionCombos", refs([vhsg::DEFAULT_COMBO]))
            .build(),
        disaggregation(CC_SEX, "Sex", "ភេទ")
            .with("isDefault", false)
            .with("categories", refs(["DmCaSex0001"]))
            .with("categoryOptionCombos", refs([vhsg::MALE, vhsg::FEMALE]))
            .build(),
        disaggregation(CC_SEX_AGE, "Sex and age group", "ភេទ និងក្រុមអាយុ")
            .with("isDefault", false)
            .with("categories", refs(["DmCaSex0001", "DmCaAgeGrp1"]))
            .with("categoryOptionCombos", refs(sex_age))
            .build(),
    ];
    (options, categories, combos, option_combos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sex_and_age_combos_are_the_ones_the_demo_names() {
        let (_, _, combos, _) = all();
        let named: Vec<String> = vhsg::SEX_AGE.iter().map(|u| u.as_str().to_string()).collect();
        let built: Vec<String> = combos[2]["categoryOptionCombos"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(built, named);
    }
}
