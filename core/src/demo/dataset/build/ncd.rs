//! Hypertension and diabetes (NCD) on WHO HEARTS thresholds: a screening visit generated at
//! enrollment and a repeatable follow-up visit every 28 days, the enrollment form, the rule
//! variables and the rules (BMI, blood pressure and glucose bands, plausible ranges, referral).
//! Does not own the data elements' definitions (`elements`).

use serde_json::Value;

use super::categories::CC_DEFAULT;
use super::elements::NO_REFERRAL;
use super::program::{
    current, ids_of, newest, previous, program_attributes, program_section, stage_data_element, stage_section,
    variable, Built, Source,
};
use super::rules::{assign, error, hide_option, rule, set_mandatory, text, warn, Action, Rules};
use super::{named, r};
use crate::demo::dataset::ncd::{self, FOLLOW_UP, PROGRAM, SCREENING};
use crate::demo::dataset::person;
use crate::model::Uid;

/// A form section: (uid, English, Khmer, data elements).
type Section = (&'static str, &'static str, &'static str, &'static [Uid]);

const SCREENING_SECTIONS: [Section; 4] = [
    ("DmSsScrMeas", "Measurements", "ការវាស់", &[ncd::HEIGHT, ncd::WEIGHT, ncd::BMI]),
    ("DmSsScrBpr1", "Blood pressure", "សម្ពាធឈាម", &[ncd::SYSTOLIC, ncd::DIASTOLIC, ncd::BP_RESULT]),
    ("DmSsScrGluc", "Blood glucose", "ជាតិស្ករក្នុងឈាម", &[ncd::GLUCOSE, ncd::GLUCOSE_RESULT]),
    (
        "DmSsScrTrea",
        "Risks, treatment and referral",
        "ហានិភ័យ ការព្យាបាល និងការបញ្ជូន",
        &[ncd::SMOKER, ncd::BP_MEDICINE, ncd::DIABETES_MEDICINE, ncd::REFERRAL],
    ),
];

const FOLLOW_UP_SECTIONS: [Section; 4] = [
    ("DmSsFluBpr1", "Blood pressure", "សម្ពាធឈាម", &[ncd::SYSTOLIC, ncd::DIASTOLIC, ncd::BP_RESULT]),
    ("DmSsFluGluc", "Blood glucose", "ជាតិស្ករក្នុងឈាម", &[ncd::GLUCOSE, ncd::GLUCOSE_RESULT]),
    ("DmSsFluWeig", "Weight", "ទម្ងន់", &[ncd::WEIGHT, ncd::BMI]),
    (
        "DmSsFluTrea",
        "Treatment and referral",
        "ការព្យាបាល និងការបញ្ជូន",
        &[ncd::MEDICINES_AS_PRESCRIBED, ncd::BP_MEDICINE, ncd::DIABETES_MEDICINE, ncd::SMOKER, ncd::REFERRAL],
    ),
];

/// A visit stage: (stage, key in its UIDs, English, Khmer, sections, repeatable, minimum days
/// from enrollment, standard interval).
type Visit = (Uid, &'static str, &'static str, &'static str, &'static [Section], bool, u32, Option<u32>);

/// The screening visit (sort order 1) and the follow-up visit (2), and their sections.
fn stages() -> (Vec<Value>, Vec<Value>) {
    let (mut stages, mut sections) = (Vec::new(), Vec::new());
    let visits: [Visit; 2] = [
        (SCREENING, "Scr", "First visit (screening)", "ការពិនិត្យលើកដំបូង (ស្រាវជ្រាវ)", &SCREENING_SECTIONS, false, 0, None),
        (FOLLOW_UP, "Flu", "Follow-up visit", "ការមកពិនិត្យតាមដាន", &FOLLOW_UP_SECTIONS, true, 28, Some(28)),
    ];
    for (i, (stage, key, name, name_km, secs, repeatable, min_days, interval)) in visits.into_iter().enumerate() {
        let own: Vec<Value> = secs
            .iter()
            .enumerate()
            .map(|(n, &(uid, en, k, des))| {
                let des: Vec<String> = des.iter().map(|d| d.to_string()).collect();
                stage_section(uid, en, k, n + 1, &des, stage)
            })
            .collect();
        let fields: Vec<Uid> = secs.iter().flat_map(|s| s.3.iter().copied()).collect();
        let data_elements: Vec<Value> = fields
            .iter()
            .enumerate()
            .map(|(n, &de)| stage_data_element(key, n + 1, de, de == ncd::SYSTOLIC || de == ncd::DIASTOLIC))
            .collect();
        let mut built = named(stage, name, name_km)
            .with("program", r(PROGRAM))
            .with("sortOrder", i + 1)
            .with("repeatable", repeatable)
            .with("minDaysFromStart", min_days)
            .with("generatedByEnrollmentDate", true)
            .with("autoGenerateEvent", true)
            .with("openAfterEnrollment", false)
            .with("hideDueDate", false)
            .with("allowGenerateNextVisit", repeatable)
            .with("executionDateLabel", "Visit date")
            .with("dueDateLabel", "Due date")
            .with("validationStrategy", "ON_COMPLETE")
            .with("featureType", "NONE")
            .with("programStageDataElements", data_elements)
            .with("programStageSections", ids_of(&own));
        if let Some(interval) = interval {
            built = built.with("standardInterval", interval);
        }
        stages.push(built.km("EXECUTION_DATE_LABEL", "ថ្ងៃមកពិនិត្យ").km("DUE_DATE_LABEL", "ថ្ងៃណាត់").build());
        sections.extend(own);
    }
    (stages, sections)
}

fn variables() -> Vec<Value> {
    vec![
        variable("DmRvNcHeigh", PROGRAM, "height", newest(ncd::HEIGHT), false),
        variable("DmRvNcWeigh", PROGRAM, "weight", current(ncd::WEIGHT), false),
        variable("DmRvNcBmi01", PROGRAM, "bmi", current(ncd::BMI), false),
        variable("DmRvNcSysto", PROGRAM, "systolic", current(ncd::SYSTOLIC), false),
        variable("DmRvNcDiast", PROGRAM, "diastolic", current(ncd::DIASTOLIC), false),
        variable("DmRvNcBpRes", PROGRAM, "bp_result", current(ncd::BP_RESULT), true),
        variable("DmRvNcBpPrv", PROGRAM, "bp_result_before", previous(ncd::BP_RESULT), true),
        variable("DmRvNcGluco", PROGRAM, "glucose", current(ncd::GLUCOSE), false),
        variable("DmRvNcMedOk", PROGRAM, "meds_as_prescribed", current(ncd::MEDICINES_AS_PRESCRIBED), false),
        variable("DmRvNcSmoke", PROGRAM, "smoker", current(ncd::SMOKER), false),
        variable("DmRvNcDob01", PROGRAM, "dob", Source::Attribute(person::DATE_OF_BIRTH), false),
    ]
}

/// The program with its enrollment form, stages and rule variables.
pub(super) fn program() -> Built {
    let (stages, stage_sections) = stages();
    let variables = variables();
    let sections = vec![
        program_section(
            "DmPsNcIdent",
            PROGRAM,
            "Identity",
            "អត្តសញ្ញាណ",
            1,
            &[person::NAME_KHMER, person::NAME_LATIN, person::SEX, person::DATE_OF_BIRTH, person::NATIONAL_ID],
        ),
        program_section("DmPsNcCntct", PROGRAM, "Contact", "ទំនាក់ទំនង", 2, &[person::PHONE, person::VILLAGE]),
    ];
    let program = named(PROGRAM, "Hypertension and diabetes", "ជំងឺលើសសម្ពាធឈាម និងទឹកនោមផ្អែម")
        .short("NCD", "ជំងឺមិនឆ្លង")
        .with("programType", "WITH_REGISTRATION")
        .with("trackedEntityType", r(person::TYPE))
        .with("categoryCombo", r(CC_DEFAULT))
        .with("accessLevel", "PROTECTED")
        .with("onlyEnrollOnce", true)
        .with("displayIncidentDate", false)
        .with("enrollmentDateLabel", "Registration date")
        .with("selectEnrollmentDatesInFuture", false)
        .with("selectIncidentDatesInFuture", false)
        .with("ignoreOverdueEvents", false)
        .with("expiryDays", 0)
        .with("featureType", "NONE")
        .with(
            "programTrackedEntityAttributes",
            program_attributes(&[
                (person::NAME_KHMER, true, true, true),
                (person::NAME_LATIN, false, false, true),
                (person::SEX, true, false, false),
                (person::DATE_OF_BIRTH, true, false, false),
                (person::NATIONAL_ID, false, false, true),
                (person::PHONE, false, true, true),
                (person::VILLAGE, true, true, false),
            ]),
        )
        .with("programSections", ids_of(&sections))
        .with("programStages", ids_of(&stages))
        .with("programRuleVariables", ids_of(&variables))
        .km("ENROLLMENT_DATE_LABEL", "ថ្ងៃចុះឈ្មោះ")
        .build();
    Built { program, sections, stages, stage_sections, variables }
}

const BOTH_BP: &str = "d2:hasValue(#{systolic}) && d2:hasValue(#{diastolic})";

/// A reading that needs a referral today: the referral becomes mandatory and "no referral" is
/// hidden.
fn refer_now() -> [Action; 2] {
    [set_mandatory(ncd::REFERRAL), hide_option(ncd::REFERRAL, NO_REFERRAL)]
}

/// The rules of the NCD program, in order.
pub(super) fn rules(rules: &mut Rules) {
    bmi_rules(rules);
    blood_pressure_rules(rules);
    glucose_rules(rules);
    follow_up_rules(rules);
    range_rules(rules);
}

fn bmi_rules(rules: &mut Rules) {
    rules.add(
        rule(
            "NcBmiAs",
            PROGRAM,
            "BMI from weight and height",
            "BMI ពីទម្ងន់ និងកម្ពស់",
            "d2:hasValue(#{weight}) && d2:hasValue(#{height}) && #{height} > 0",
            vec![assign(ncd::BMI, "d2:round((#{weight} * 10000) / (#{height} * #{height}), 1)")],
        )
        .priority(1),
    );
    for (key, name, name_km, cond, en, k) in [
        (
            "NcBmiOb",
            "Obese",
            "ធាត់ខ្លាំង",
            "#{bmi} >= 30",
            "Obese: BMI 30 or more. Advise on diet and activity.",
            "ធាត់ខ្លាំង៖ BMI ៣០ ឬលើស។ សូមផ្តល់ដំបូន្មានអំពីរបបអាហារ និងការហាត់ប្រាណ។",
        ),
        (
            "NcBmiOv",
            "Overweight",
            "លើសទម្ងន់",
            "#{bmi} >= 25 && #{bmi} < 30",
            "Overweight: BMI 25 to 29.9. Advise on diet and activity.",
            "លើសទម្ងន់៖ BMI ២៥ ដល់ ២៩,៩។ សូមផ្តល់ដំបូន្មានអំពីរបបអាហារ និងការហាត់ប្រាណ។",
        ),
        (
            "NcBmiUn",
            "Underweight",
            "ស្គមពេក",
            "#{bmi} < 18.5",
            "Underweight: BMI below 18.5. Ask about eating and weight loss.",
            "ស្គមពេក៖ BMI ក្រោម ១៨,៥។ សូមសួរអំពីការហូបចុក និងការស្រកទម្ងន់។",
        ),
    ] {
        rules.add(
            rule(key, PROGRAM, name, name_km, &format!("d2:hasValue(#{{bmi}}) && {cond}"), vec![text(en, k)])
                .priority(2),
        );
    }
}

fn blood_pressure_rules(rules: &mut Rules) {
    rules.add(rule(
        "NcSysRg",
        PROGRAM,
        "Systolic out of range",
        "សម្ពាធឈាមលើមិនសមហេតុផល",
        "d2:hasValue(#{systolic}) && (#{systolic} < 60 || #{systolic} > 260)",
        vec![error(
            ncd::SYSTOLIC,
            "Check the reading: the upper number is expected between 60 and 260 mmHg.",
            "សូមពិនិត្យលទ្ធផលឡើងវិញ៖ សម្ពាធឈាមលើគួរនៅចន្លោះ ៦០ ដល់ ២៦០ mmHg។",
        )],
    ));
    rules.add(rule(
        "NcDiaRg",
        PROGRAM,
        "Diastolic out of range",
        "សម្ពាធឈាមក្រោមមិនសមហេតុផល",
        "d2:hasValue(#{diastolic}) && (#{diastolic} < 40 || #{diastolic} > 160)",
        vec![error(
            ncd::DIASTOLIC,
            "Check the reading: the lower number is expected between 40 and 160 mmHg.",
            "សូមពិនិត្យលទ្ធផលឡើងវិញ៖ សម្ពាធឈាមក្រោមគួរនៅចន្លោះ ៤០ ដល់ ១៦០ mmHg។",
        )],
    ));
    rules.add(rule(
        "NcBpOrd",
        PROGRAM,
        "Lower number not below the upper",
        "សម្ពាធឈាមក្រោមមិនទាបជាងលើ",
        &format!("{BOTH_BP} && #{{diastolic}} >= #{{systolic}}"),
        vec![error(
            ncd::DIASTOLIC,
            "The lower number must be below the upper number: measure again.",
            "សម្ពាធឈាមក្រោមត្រូវតែទាបជាងសម្ពាធឈាមលើ៖ សូមវាស់ម្តងទៀត។",
        )],
    ));
    rules.add(
        rule(
            "NcBpNor",
            PROGRAM,
            "Blood pressure below 140/90",
            "សម្ពាធឈាមក្រោម ១៤០/៩០",
            &format!("{BOTH_BP} && #{{systolic}} < 140 && #{{diastolic}} < 90"),
            vec![assign(ncd::BP_RESULT, "'NORMAL'")],
        )
        .priority(10),
    );
    rules.add(
        rule(
            "NcBpRai",
            PROGRAM,
            "Blood pressure 140/90 or more",
            "សម្ពាធឈាម ១៤០/៩០ ឬលើស",
            &format!(
                "{BOTH_BP} && (#{{systolic}} >= 140 || #{{diastolic}} >= 90) && #{{systolic}} < 180 && #{{diastolic}} < 110"
            ),
            vec![
                assign(ncd::BP_RESULT, "'RAISED'"),
                warn(
                    ncd::SYSTOLIC,
                    "Raised blood pressure (140/90 or more). Let the person rest for 5 minutes, measure \
                     again and record the second reading.",
                    "សម្ពាធឈាមខ្ពស់ (១៤០/៩០ ឬលើស)។ សូមឲ្យអ្នកជំងឺសម្រាក ៥ នាទី រួចវាស់ម្តងទៀត \
                     ហើយកត់ត្រាលទ្ធផលលើកទីពីរ។",
                ),
            ],
        )
        .priority(10),
    );
    let mut very_high = vec![
        assign(ncd::BP_RESULT, "'VERY_HIGH'"),
        warn(
            ncd::SYSTOLIC,
            "Very high blood pressure (180/110 or more): refer to the referral hospital today.",
            "សម្ពាធឈាមខ្ពស់ខ្លាំង (១៨០/១១០ ឬលើស)៖ សូមបញ្ជូនទៅមន្ទីរពេទ្យបង្អែកនៅថ្ងៃនេះ។",
        ),
    ];
    very_high.extend(refer_now());
    rules.add(
        rule(
            "NcBpVHi",
            PROGRAM,
            "Blood pressure 180/110 or more",
            "សម្ពាធឈាម ១៨០/១១០ ឬលើស",
            &format!("{BOTH_BP} && (#{{systolic}} >= 180 || #{{diastolic}} >= 110)"),
            very_high,
        )
        .priority(10),
    );
}

fn glucose_rules(rules: &mut Rules) {
    rules.add(rule(
        "NcGlRng",
        PROGRAM,
        "Fasting glucose out of range",
        "ជាតិស្ករពេលតមអាហារមិនសមហេតុផល",
        "d2:hasValue(#{glucose}) && (#{glucose} < 1 || #{glucose} > 35)",
        vec![error(
            ncd::GLUCOSE,
            "Check the reading: fasting glucose is expected between 1 and 35 mmol/L. A reading in \
             mg/dL is 18 times larger: divide it by 18.",
            "សូមពិនិត្យលទ្ធផលឡើងវិញ៖ ជាតិស្ករពេលតមអាហារគួរនៅចន្លោះ ១ ដល់ ៣៥ mmol/L។ \
             លទ្ធផលជា mg/dL ធំជាង ១៨ ដង៖ សូមចែកនឹង ១៨។",
        )],
    ));
    rules.add(
        rule(
            "NcGlNor",
            PROGRAM,
            "Fasting glucose below 6.1",
            "ជាតិស្ករពេលតមអាហារក្រោម ៦,១",
            "d2:hasValue(#{glucose}) && #{glucose} < 6.1",
            vec![assign(ncd::GLUCOSE_RESULT, "'NORMAL'")],
        )
        .priority(10),
    );
    rules.add(
        rule(
            "NcGlRai",
            PROGRAM,
            "Fasting glucose 6.1 to 6.9",
            "ជាតិស្ករពេលតមអាហារ ៦,១ ដល់ ៦,៩",
            "d2:hasValue(#{glucose}) && #{glucose} >= 6.1 && #{glucose} < 7",
            vec![
                assign(ncd::GLUCOSE_RESULT, "'RAISED'"),
                warn(
                    ncd::GLUCOSE,
                    "Raised fasting glucose (6.1 to 6.9 mmol/L): advise on diet and activity, and measure \
                     again at the next visit.",
                    "ជាតិស្ករពេលតមអាហារខ្ពស់ (៦,១ ដល់ ៦,៩ mmol/L)៖ សូមផ្តល់ដំបូន្មានអំពីរបបអាហារ \
                     និងការហាត់ប្រាណ ហើយវាស់ម្តងទៀតនៅពេលមកពិនិត្យលើកក្រោយ។",
                ),
            ],
        )
        .priority(10),
    );
    rules.add(
        rule(
            "NcGlDia",
            PROGRAM,
            "Fasting glucose 7.0 or more",
            "ជាតិស្ករពេលតមអាហារ ៧,០ ឬលើស",
            "d2:hasValue(#{glucose}) && #{glucose} >= 7 && #{glucose} < 18",
            vec![
                assign(ncd::GLUCOSE_RESULT, "'DIABETES'"),
                warn(
                    ncd::GLUCOSE,
                    "Fasting glucose 7.0 mmol/L or more (diabetes range). If not yet treated, refer to the \
                     health centre doctor.",
                    "ជាតិស្ករពេលតមអាហារ ៧,០ mmol/L ឬលើស (កម្រិតទឹកនោមផ្អែម)។ \
                     បើមិនទាន់បានព្យាបាលទេ សូមបញ្ជូនទៅគ្រូពេទ្យនៅមណ្ឌលសុខភាព។",
                ),
            ],
        )
        .priority(10),
    );
    let mut very_high = vec![
        assign(ncd::GLUCOSE_RESULT, "'DIABETES'"),
        warn(
            ncd::GLUCOSE,
            "Very high blood glucose (18 mmol/L or more): refer to the referral hospital today.",
            "ជាតិស្ករក្នុងឈាមខ្ពស់ខ្លាំង (១៨ mmol/L ឬលើស)៖ សូមបញ្ជូនទៅមន្ទីរពេទ្យបង្អែកនៅថ្ងៃនេះ។",
        ),
    ];
    very_high.extend(refer_now());
    rules.add(
        rule(
            "NcGlVHi",
            PROGRAM,
            "Fasting glucose 18 or more",
            "ជាតិស្ករពេលតមអាហារ ១៨ ឬលើស",
            "d2:hasValue(#{glucose}) && #{glucose} >= 18",
            very_high,
        )
        .priority(10),
    );
}

fn follow_up_rules(rules: &mut Rules) {
    rules.add(
        rule(
            "NcNotCt",
            PROGRAM,
            "Blood pressure raised at two visits in a row",
            "សម្ពាធឈាមខ្ពស់ពីរដងជាប់គ្នា",
            "d2:hasValue(#{bp_result}) && #{bp_result} != 'NORMAL' && d2:hasValue(#{bp_result_before}) \
             && #{bp_result_before} != 'NORMAL'",
            vec![warn(
                ncd::BP_RESULT,
                "Raised at two visits in a row: refer to the health centre doctor to review the medicines.",
                "សម្ពាធឈាមខ្ពស់ពីរដងជាប់គ្នា៖ សូមបញ្ជូនទៅគ្រូពេទ្យនៅមណ្ឌលសុខភាព ដើម្បីពិនិត្យថ្នាំឡើងវិញ។",
            )],
        )
        .stage(FOLLOW_UP)
        .priority(20),
    );
    rules.add(
        rule(
            "NcMedsM",
            PROGRAM,
            "Medicines not taken as prescribed",
            "មិនបានលេបថ្នាំតាមវេជ្ជបញ្ជា",
            "d2:hasValue(#{meds_as_prescribed}) && !#{meds_as_prescribed}",
            vec![warn(
                ncd::MEDICINES_AS_PRESCRIBED,
                "Ask why (cost, side effects, forgetting) and explain why the medicines matter.",
                "សូមសួរមូលហេតុ (តម្លៃ ផលរំខាន ឬការភ្លេច) ហើយពន្យល់ពីសារៈសំខាន់របស់ថ្នាំ។",
            )],
        )
        .stage(FOLLOW_UP),
    );
    rules.add(rule(
        "NcSmoke",
        PROGRAM,
        "Smoker",
        "អ្នកជក់បារី",
        "#{smoker}",
        vec![text(
            "Advise to stop smoking: it raises the risk of heart attack and stroke.",
            "សូមណែនាំឲ្យឈប់ជក់បារី៖ វាបង្កើនហានិភ័យនៃការគាំងបេះដូង និងដាច់សរសៃឈាមខួរក្បាល។",
        )],
    ));
    rules.add(rule(
        "NcNextV",
        PROGRAM,
        "Next follow-up visit",
        "ការមកពិនិត្យតាមដានលើកក្រោយ",
        "d2:hasValue(V{event_date})",
        vec![text("Next follow-up visit, 4 weeks after this one:", "ការមកពិនិត្យតាមដានលើកក្រោយ (៤ សប្ដាហ៍ក្រោយ)៖")
            .data("d2:addDays(V{event_date}, 28)")],
    ));
}

/// Age, weight and height outside what an adult can have.
fn range_rules(rules: &mut Rules) {
    rules.add(rule(
        "NcAdult",
        PROGRAM,
        "Adults only",
        "សម្រាប់តែមនុស្សពេញវ័យ",
        "d2:hasValue(#{dob}) && d2:yearsBetween(#{dob}, V{current_date}) < 18",
        vec![warn(
            person::DATE_OF_BIRTH,
            "This program is for adults aged 18 and over.",
            "កម្មវិធីនេះសម្រាប់មនុស្សពេញវ័យអាយុ ១៨ ឆ្នាំឡើងទៅ។",
        )],
    ));
    rules.add(rule(
        "NcOldAg",
        PROGRAM,
        "Implausible date of birth",
        "ថ្ងៃខែឆ្នាំកំណើតមិនសមហេតុផល",
        "d2:hasValue(#{dob}) && d2:yearsBetween(#{dob}, V{current_date}) > 110",
        vec![error(
            person::DATE_OF_BIRTH,
            "Check the date of birth: the age is over 110 years.",
            "សូមពិនិត្យថ្ងៃខែឆ្នាំកំណើតឡើងវិញ៖ អាយុលើស ១១០ ឆ្នាំ។",
        )],
    ));
    rules.add(rule(
        "NcWtRng",
        PROGRAM,
        "Adult weight out of range",
        "ទម្ងន់មិនសមហេតុផល",
        "d2:hasValue(#{weight}) && (#{weight} < 20 || #{weight} > 250)",
        vec![error(
            ncd::WEIGHT,
            "Check the weight: an adult weighs between 20 and 250 kg.",
            "សូមពិនិត្យទម្ងន់ឡើងវិញ៖ ទម្ងន់មនុស្សពេញវ័យគួរនៅចន្លោះ ២០ ដល់ ២៥០ គ.ក។",
        )],
    ));
    rules.add(rule(
        "NcHtRng",
        PROGRAM,
        "Height out of range",
        "កម្ពស់មិនសមហេតុផល",
        "d2:hasValue(#{height}) && (#{height} < 100 || #{height} > 220)",
        vec![error(
            ncd::HEIGHT,
            "Check the height: an adult is between 100 and 220 cm tall.",
            "សូមពិនិត្យកម្ពស់ឡើងវិញ៖ កម្ពស់មនុស្សពេញវ័យគួរនៅចន្លោះ ១០០ ដល់ ២២០ ស.ម។",
        )],
    ));
}
