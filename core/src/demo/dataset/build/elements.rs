//! The fields people and visits are captured in: option sets and their options, the tracker
//! data elements of both programs, the person's attributes and the Person tracked entity type.
//! Does not own the VHSG report's aggregate data elements (`vhsg`) or where fields appear in a
//! form (`immunization`, `ncd`).

use serde_json::{json, Value};

use super::categories::CC_DEFAULT;
use super::immunization::DOSES;
use super::org_units::HEALTH_CENTRES;
use super::{named, r, refs, Id, Named};
use crate::demo::dataset::{immunization, ncd, person};

pub(super) const OS_SEX: &str = "DmOsSex0001";
pub(super) const OS_VILLAGE: &str = "DmOsVillage";
const OS_NOT_GIVEN: &str = "DmOsNotGivn";
const OS_BP: &str = "DmOsBpResul";
const OS_GLUCOSE: &str = "DmOsGlResul";
const OS_REFERRAL: &str = "DmOsReferrl";
/// The "no referral" option, hidden when a reading calls for one.
pub(super) const NO_REFERRAL: &str = "DmOpRfNone1";
/// Reason a dose was not given (option set `OS_NOT_GIVEN`).
pub(super) const NOT_GIVEN: &str = "DmDeNotGivn";

/// (option uid, code, English, Khmer).
type OptionRow = (&'static str, &'static str, &'static str, &'static str);

/// The fixed option sets: (uid, English, Khmer, options).
const OPTION_SETS: [(&str, &str, &str, &[OptionRow]); 5] = [
    (OS_SEX, "Sex", "ភេទ", &[("DmOpSexMale", "M", "Male", "ប្រុស"), ("DmOpSexFeml", "F", "Female", "ស្រី")]),
    (
        OS_NOT_GIVEN,
        "Reason a dose was not given",
        "មូលហេតុដែលមិនបានចាក់ថ្នាំ",
        &[
            ("DmOpNgStock", "STOCKOUT", "Vaccine out of stock", "អស់វ៉ាក់សាំង"),
            ("DmOpNgIll01", "ILL", "Child ill: postponed", "កុមារឈឺ៖ ពន្យារពេល"),
            ("DmOpNgContr", "CONTRAINDICATION", "Contraindication", "មានហេតុហាមឃាត់"),
            ("DmOpNgRefus", "REFUSED", "Caregiver refused", "អ្នកថែទាំបដិសេធ"),
            ("DmOpNgOther", "OTHER", "Other", "ផ្សេងៗ"),
        ],
    ),
    (
        OS_BP,
        "Blood pressure result",
        "លទ្ធផលសម្ពាធឈាម",
        &[
            ("DmOpBpNorml", "NORMAL", "Below 140/90", "ក្រោម ១៤០/៩០"),
            ("DmOpBpRaisd", "RAISED", "Raised: 140/90 or more", "ខ្ពស់៖ ១៤០/៩០ ឬលើស"),
            ("DmOpBpVHigh", "VERY_HIGH", "Very high: 180/110 or more", "ខ្ពស់ខ្លាំង៖ ១៨០/១១០ ឬលើស"),
        ],
    ),
    (
        OS_GLUCOSE,
        "Fasting glucose result",
        "លទ្ធផលជាតិស្ករក្នុងឈាមពេលតមអាហារ",
        &[
            ("DmOpGlNorml", "NORMAL", "Below 6.1 mmol/L", "ក្រោម ៦,១ mmol/L"),
            ("DmOpGlRaisd", "RAISED", "Raised: 6.1 to 6.9 mmol/L", "ខ្ពស់៖ ៦,១ ដល់ ៦,៩ mmol/L"),
            ("DmOpGlDiabt", "DIABETES", "Diabetes range: 7.0 mmol/L or more", "កម្រិតទឹកនោមផ្អែម៖ ៧,០ mmol/L ឬលើស"),
        ],
    ),
    (
        OS_REFERRAL,
        "Referral",
        "ការបញ្ជូន",
        &[
            (NO_REFERRAL, "NONE", "No referral", "មិនបញ្ជូន"),
            ("DmOpRfHcDoc", "HC_DOCTOR", "Health centre doctor", "គ្រូពេទ្យនៅមណ្ឌលសុខភាព"),
            ("DmOpRfHospt", "HOSPITAL", "Referral hospital", "មន្ទីរពេទ្យបង្អែក"),
        ],
    ),
];

/// Option sets and options. The village option set (second) lists the villages of both health
/// centres; an option's code is the village's NCDD code.
pub(super) fn option_sets() -> (Vec<Value>, Vec<Value>) {
    let villages: Vec<(String, String, String, String)> = HEALTH_CENTRES
        .iter()
        .flat_map(|hc| hc.villages)
        .map(|&(code, en, km)| (format!("DmO{code}"), code.to_string(), format!("{en} Village"), format!("ភូមិ{km}")))
        .collect();
    let owned = |rows: &[OptionRow]| -> Vec<(String, String, String, String)> {
        rows.iter().map(|&(u, c, en, km)| (u.into(), c.into(), en.into(), km.into())).collect()
    };
    let [sex, rest @ ..] = &OPTION_SETS;
    let mut all = vec![(sex.0, sex.1, sex.2, owned(sex.3))];
    all.push((OS_VILLAGE, "Villages of Kralanh Operational District", "ភូមិក្នុងស្រុកប្រតិបត្តិក្រឡាញ់", villages));
    all.extend(rest.iter().map(|s| (s.0, s.1, s.2, owned(s.3))));

    let (mut sets, mut options) = (Vec::new(), Vec::new());
    for (set_uid, name, name_km, rows) in all {
        sets.push(
            named(set_uid, name, name_km)
                .with("valueType", "TEXT")
                .with("version", 1)
                .with("options", refs(rows.iter().map(|o| o.0.clone())))
                .build(),
        );
        for (i, (uid, code, en, km)) in rows.into_iter().enumerate() {
            options
                .push(named(uid, &en, &km).code(&code).with("sortOrder", i + 1).with("optionSet", r(set_uid)).build());
        }
    }
    (sets, options)
}

/// A tracker data element, no option set.
fn tracker(uid: impl Id, name: &str, name_km: &str, short: &str, short_km: &str, value_type: &str) -> Named {
    named(uid, name, name_km)
        .short(short, short_km)
        .with("valueType", value_type)
        .with("domainType", "TRACKER")
        .with("aggregationType", "NONE")
        .with("categoryCombo", r(CC_DEFAULT))
        .with("zeroIsSignificant", false)
}

/// The tracker data elements: the doses, then the immunization visit's other fields, then NCD's.
pub(super) fn tracker_data_elements() -> Vec<Value> {
    let mut out: Vec<Value> = DOSES
        .iter()
        .map(|d| {
            let given = if d.key.starts_with("opv") { "given (drops)" } else { "given" };
            tracker(
                d.de,
                &format!("{} {given}", d.short),
                &format!("បាន{} {}", d.verb, d.short_km),
                d.short,
                d.short_km,
                "BOOLEAN",
            )
            .description(
                &format!("{} protects against {}.", d.short, d.against),
                &format!("{} ការពារ{}។", d.short_km, d.against_km),
            )
            .build()
        })
        .collect();
    let with_options = |de: Named, set: &str| de.with("optionSet", r(set)).build();
    out.extend([
        tracker(
            immunization::FEVER,
            "Fever or severe illness today",
            "ក្តៅខ្លួន ឬឈឺធ្ងន់ថ្ងៃនេះ",
            "Fever or severe illness",
            "ក្តៅខ្លួន ឬឈឺធ្ងន់",
            "BOOLEAN",
        )
        .build(),
        tracker(
            immunization::SEVERE_REACTION,
            "Severe reaction after an earlier dose",
            "ប្រតិកម្មធ្ងន់ធ្ងរក្រោយដូសមុន",
            "Severe reaction before",
            "ប្រតិកម្មធ្ងន់ធ្ងរពីមុន",
            "BOOLEAN",
        )
        .description(
            "For example breathing difficulty, swelling of the face or collapse after a vaccine.",
            "ឧទាហរណ៍ ពិបាកដកដង្ហើម ហើមមុខ ឬសន្លប់ក្រោយចាក់វ៉ាក់សាំង។",
        )
        .build(),
        tracker(
            immunization::WEAK_IMMUNITY,
            "Severely weakened immune system",
            "ប្រព័ន្ធការពាររាងកាយខ្សោយខ្លាំង",
            "Weak immune system",
            "ប្រព័ន្ធការពារខ្សោយ",
            "BOOLEAN",
        )
        .description(
            "For example HIV with symptoms, or treatment for cancer.",
            "ឧទាហរណ៍ មេរោគអេដស៍ដែលមានរោគសញ្ញា ឬកំពុងព្យាបាលជំងឺមហារីក។",
        )
        .build(),
        tracker(
            immunization::CHILD_WEIGHT,
            "Child's weight (kg)",
            "ទម្ងន់កុមារ (គ.ក)",
            "Child's weight",
            "ទម្ងន់កុមារ",
            "NUMBER",
        )
        .build(),
        with_options(
            tracker(
                NOT_GIVEN,
                "Reason a dose was not given",
                "មូលហេតុដែលមិនបានចាក់ថ្នាំ",
                "Reason not given",
                "មូលហេតុមិនបានចាក់",
                "TEXT",
            ),
            OS_NOT_GIVEN,
        ),
        tracker(ncd::HEIGHT, "Height (cm)", "កម្ពស់ (ស.ម)", "Height", "កម្ពស់", "NUMBER").build(),
        tracker(ncd::WEIGHT, "Weight (kg)", "ទម្ងន់ (គ.ក)", "Weight", "ទម្ងន់", "NUMBER").build(),
        tracker(ncd::BMI, "Body mass index (BMI)", "សន្ទស្សន៍ម៉ាសរាងកាយ (BMI)", "BMI", "BMI", "NUMBER")
            .form("BMI (calculated)", "BMI (គណនាដោយស្វ័យប្រវត្តិ)")
            .build(),
        tracker(
            ncd::SYSTOLIC,
            "Systolic blood pressure (mmHg)",
            "សម្ពាធឈាមស៊ីស្តូលិក (mmHg)",
            "Systolic",
            "ស៊ីស្តូលិក",
            "INTEGER_POSITIVE",
        )
        .form("Upper number, systolic (mmHg)", "សម្ពាធឈាមលើ (mmHg)")
        .build(),
        tracker(
            ncd::DIASTOLIC,
            "Diastolic blood pressure (mmHg)",
            "សម្ពាធឈាមឌីយ៉ាស្តូលិក (mmHg)",
            "Diastolic",
            "ឌីយ៉ាស្តូលិក",
            "INTEGER_POSITIVE",
        )
        .form("Lower number, diastolic (mmHg)", "សម្ពាធឈាមក្រោម (mmHg)")
        .build(),
        with_options(
            tracker(ncd::BP_RESULT, "Blood pressure result", "លទ្ធផលសម្ពាធឈាម", "BP result", "លទ្ធផលសម្ពាធឈាម", "TEXT"),
            OS_BP,
        ),
        tracker(
            ncd::GLUCOSE,
            "Fasting blood glucose (mmol/L)",
            "ជាតិស្ករក្នុងឈាមពេលតមអាហារ (mmol/L)",
            "Fasting glucose",
            "ជាតិស្ករពេលតមអាហារ",
            "NUMBER",
        )
        .build(),
        with_options(
            tracker(
                ncd::GLUCOSE_RESULT,
                "Fasting glucose result",
                "លទ្ធផលជាតិស្ករក្នុងឈាម",
                "Glucose result",
                "លទ្ធផលជាតិស្ករ",
                "TEXT",
            ),
            OS_GLUCOSE,
        ),
        tracker(ncd::SMOKER, "Smokes tobacco", "ជក់បារី", "Smoker", "ជក់បារី", "BOOLEAN").build(),
        tracker(
            ncd::BP_MEDICINE,
            "Takes blood pressure medicine",
            "លេបថ្នាំសម្ពាធឈាម",
            "BP medicine",
            "ថ្នាំសម្ពាធឈាម",
            "BOOLEAN",
        )
        .build(),
        tracker(
            ncd::DIABETES_MEDICINE,
            "Takes diabetes medicine",
            "លេបថ្នាំទឹកនោមផ្អែម",
            "Diabetes medicine",
            "ថ្នាំទឹកនោមផ្អែម",
            "BOOLEAN",
        )
        .build(),
        tracker(
            ncd::MEDICINES_AS_PRESCRIBED,
            "Took the medicines as prescribed since the last visit",
            "បានលេបថ្នាំតាមវេជ្ជបញ្ជាតាំងពីការមកពិនិត្យលើកមុន",
            "Medicines as prescribed",
            "លេបថ្នាំតាមវេជ្ជបញ្ជា",
            "BOOLEAN",
        )
        .build(),
        with_options(tracker(ncd::REFERRAL, "Referral", "ការបញ្ជូន", "Referral", "ការបញ្ជូន", "TEXT"), OS_REFERRAL),
    ]);
    out
}

/// The person's attributes.
pub(super) fn attributes() -> Vec<Value> {
    let tea = |uid, name, name_km, short, short_km, value_type| {
        named(uid, name, name_km).short(short, short_km).with("valueType", value_type).with("aggregationType", "NONE")
    };
    vec![
        tea(person::NAME_KHMER, "Full name (Khmer script)", "ឈ្មោះពេញ (អក្សរខ្មែរ)", "Name", "ឈ្មោះ", "TEXT")
            .with("unique", false)
            .build(),
        tea(person::NAME_LATIN, "Name in Latin letters", "ឈ្មោះជាអក្សរឡាតាំង", "Latin name", "ឈ្មោះឡាតាំង", "TEXT")
            .with("unique", false)
            .build(),
        tea(person::SEX, "Sex", "ភេទ", "Sex", "ភេទ", "TEXT").with("optionSet", r(OS_SEX)).build(),
        tea(person::DATE_OF_BIRTH, "Date of birth", "ថ្ងៃខែឆ្នាំកំណើត", "Date of birth", "ថ្ងៃកំណើត", "DATE").build(),
        tea(person::CAREGIVER, "Mother or caregiver", "ម្តាយ ឬអ្នកថែទាំ", "Caregiver", "អ្នកថែទាំ", "TEXT").build(),
        tea(person::PHONE, "Phone number", "លេខទូរស័ព្ទ", "Phone", "ទូរស័ព្ទ", "PHONE_NUMBER").build(),
        tea(person::VILLAGE, "Village", "ភូមិ", "Village", "ភូមិ", "TEXT").with("optionSet", r(OS_VILLAGE)).build(),
        tea(person::NATIONAL_ID, "National ID card number", "លេខអត្តសញ្ញាណប័ណ្ណសញ្ជាតិខ្មែរ", "National ID", "អត្តសញ្ញាណប័ណ្ណ", "TEXT")
            .with("unique", true)
            .build(),
    ]
}

/// The Person type: searchable by name, phone and national ID.
pub(super) fn tracked_entity_types() -> Vec<Value> {
    let attribute = |a: crate::model::Uid, in_list: bool| json!({ "trackedEntityAttribute": r(a), "searchable": true, "displayInList": in_list, "mandatory": false });
    vec![named(person::TYPE, "Person", "បុគ្គល")
        .with("featureType", "NONE")
        .with(
            "trackedEntityTypeAttributes",
            vec![
                attribute(person::NAME_KHMER, true),
                attribute(person::NAME_LATIN, true),
                attribute(person::PHONE, false),
                attribute(person::NATIONAL_ID, false),
            ],
        )
        .build()]
}
