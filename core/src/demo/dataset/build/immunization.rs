//! Child immunization: the vaccines of Cambodia's national schedule, one stage per contact
//! (generated at enrollment from the date of birth, the incident date, except HPV for girls at
//! 9, scheduled by hand), the enrollment form, the rule variables and the rules (age at the
//! visit, contraindications, minimum ages, gaps in a series, contacts reached late). Does not own
//! the data elements' definitions (`elements`).

use serde_json::Value;

use super::categories::CC_DEFAULT;
use super::elements::NOT_GIVEN;
use super::program::{
    current, ids_of, newest, program_attributes, program_section, stage_data_element, stage_section, variable, Built,
    Source,
};
use super::rules::{assign, error, hide_stage, rule, text, warn, Rules};
use super::{named, r};
use crate::demo::dataset::immunization::{self as imm, PROGRAM};
use crate::demo::dataset::person;
use crate::model::Uid;

/// A vaccine dose: its rule variable name, data element, short name in English and Khmer, the
/// Khmer verb for giving it, and what it protects against in English and Khmer.
pub(super) struct Dose {
    pub key: &'static str,
    pub de: Uid,
    pub short: &'static str,
    pub short_km: &'static str,
    pub verb: &'static str,
    pub against: &'static str,
    pub against_km: &'static str,
}

const PENTA: &str = "diphtheria, tetanus, whooping cough, hepatitis B and Hib";
const PENTA_KM: &str = "ខាន់ស្លាក់ តេតាណូស ក្អកមាន់ រលាកថ្លើមប្រភេទបេ និង Hib";
const INJECT: &str = "ចាក់";
const POLIO: (&str, &str) = ("polio", "ស្វិតដៃជើង");
const PCV: (&str, &str) = ("pneumococcal pneumonia", "រលាកសួតបង្កដោយបាក់តេរីភ្នូម៉ូកុក");
const MR: (&str, &str) = ("measles and rubella", "កញ្ជ្រឹល និងស្អូច");

const fn dose(
    key: &'static str,
    de: Uid,
    short: &'static str,
    short_km: &'static str,
    verb: &'static str,
    (against, against_km): (&'static str, &'static str),
) -> Dose {
    Dose { key, de, short, short_km, verb, against, against_km }
}

// The doses of the schedule.
const DOSE_BCG: Dose = dose("bcg", imm::BCG, "BCG", "BCG", INJECT, ("tuberculosis", "របេង"));
const DOSE_HEPB0: Dose =
    dose("hepb0", imm::HEPB_BIRTH, "HepB birth dose", "HepB ដូសពេលកើត", INJECT, ("hepatitis B", "រលាកថ្លើមប្រភេទបេ"));
const DOSE_PENTA1: Dose = dose("penta1", imm::PENTA_1, "Penta 1", "Penta ១", INJECT, (PENTA, PENTA_KM));
const DOSE_PENTA2: Dose = dose("penta2", imm::PENTA_2, "Penta 2", "Penta ២", INJECT, (PENTA, PENTA_KM));
const DOSE_PENTA3: Dose = dose("penta3", imm::PENTA_3, "Penta 3", "Penta ៣", INJECT, (PENTA, PENTA_KM));
const DOSE_OPV1: Dose = dose("opv1", imm::BOPV_1, "bOPV 1", "bOPV ១", "បន្តក់", POLIO);
const DOSE_OPV2: Dose = dose("opv2", imm::BOPV_2, "bOPV 2", "bOPV ២", "បន្តក់", POLIO);
const DOSE_OPV3: Dose = dose("opv3", imm::BOPV_3, "bOPV 3", "bOPV ៣", "បន្តក់", POLIO);
const DOSE_PCV1: Dose = dose("pcv1", imm::PCV_1, "PCV 1", "PCV ១", INJECT, PCV);
const DOSE_PCV2: Dose = dose("pcv2", imm::PCV_2, "PCV 2", "PCV ២", INJECT, PCV);
const DOSE_PCV3: Dose = dose("pcv3", imm::PCV_3, "PCV 3", "PCV ៣", INJECT, PCV);
const DOSE_IPV: Dose = dose("ipv", imm::IPV, "IPV", "IPV", INJECT, POLIO);
const DOSE_MR1: Dose = dose("mr1", imm::MR_1, "MR 1", "MR ១", INJECT, MR);
const DOSE_MR2: Dose = dose("mr2", imm::MR_2, "MR 2", "MR ២", INJECT, MR);
const DOSE_JE: Dose = dose("je", imm::JE, "JE", "JE", INJECT, ("Japanese encephalitis", "រលាកខួរក្បាលជប៉ុន"));
const DOSE_HPV: Dose = dose("hpv", imm::HPV_DOSE, "HPV", "HPV", INJECT, ("cervical cancer", "មហារីកមាត់ស្បូន"));

/// Every dose, in the order the data elements and rule variables are listed.
pub(super) const DOSES: [&Dose; 16] = [
    &DOSE_BCG,
    &DOSE_HEPB0,
    &DOSE_PENTA1,
    &DOSE_PENTA2,
    &DOSE_PENTA3,
    &DOSE_OPV1,
    &DOSE_OPV2,
    &DOSE_OPV3,
    &DOSE_PCV1,
    &DOSE_PCV2,
    &DOSE_PCV3,
    &DOSE_IPV,
    &DOSE_MR1,
    &DOSE_MR2,
    &DOSE_JE,
    &DOSE_HPV,
];

/// A contact: stage, key (in the UIDs of its sections and fields), English and Khmer names,
/// minimum age in days, generated at enrollment, doses.
struct Contact {
    stage: Uid,
    key: &'static str,
    name: &'static str,
    name_km: &'static str,
    min_days: u32,
    generated: bool,
    doses: &'static [&'static Dose],
}

const CONTACTS: [Contact; 7] = [
    Contact {
        stage: imm::BIRTH,
        key: "Bir",
        name: "Birth: BCG, HepB",
        name_km: "ពេលកើត៖ BCG, HepB",
        min_days: 0,
        generated: true,
        doses: &[&DOSE_BCG, &DOSE_HEPB0],
    },
    Contact {
        stage: imm::WEEKS_6,
        key: "W06",
        name: "6 weeks: Penta 1, bOPV 1, PCV 1",
        name_km: "៦ សប្ដាហ៍៖ Penta ១, bOPV ១, PCV ១",
        min_days: 42,
        generated: true,
        doses: &[&DOSE_PENTA1, &DOSE_OPV1, &DOSE_PCV1],
    },
    Contact {
        stage: imm::WEEKS_10,
        key: "W10",
        name: "10 weeks: Penta 2, bOPV 2, PCV 2",
        name_km: "១០ សប្ដាហ៍៖ Penta ២, bOPV ២, PCV ២",
        min_days: 70,
        generated: true,
        doses: &[&DOSE_PENTA2, &DOSE_OPV2, &DOSE_PCV2],
    },
    Contact {
        stage: imm::WEEKS_14,
        key: "W14",
        name: "14 weeks: Penta 3, bOPV 3, PCV 3, IPV",
        name_km: "១៤ សប្ដាហ៍៖ Penta ៣, bOPV ៣, PCV ៣, IPV",
        min_days: 98,
        generated: true,
        doses: &[&DOSE_PENTA3, &DOSE_OPV3, &DOSE_PCV3, &DOSE_IPV],
    },
    Contact {
        stage: imm::MONTHS_9,
        key: "M09",
        name: "9 months: MR 1, JE",
        name_km: "៩ ខែ៖ MR ១, JE",
        min_days: 275,
        generated: true,
        doses: &[&DOSE_MR1, &DOSE_JE],
    },
    Contact {
        stage: imm::MONTHS_18,
        key: "M18",
        name: "18 months: MR 2",
        name_km: "១៨ ខែ៖ MR ២",
        min_days: 548,
        generated: true,
        doses: &[&DOSE_MR2],
    },
    Contact {
        stage: imm::HPV,
        key: "Hpv",
        name: "Girls at 9 years: HPV",
        name_km: "កុមារីអាយុ ៩ ឆ្នាំ៖ HPV",
        min_days: 3288,
        generated: false,
        doses: &[&DOSE_HPV],
    },
];

/// Stages and their sections: before vaccinating, the vaccines, growth.
fn stages() -> (Vec<Value>, Vec<Value>) {
    let (mut stages, mut sections) = (Vec::new(), Vec::new());
    let before: Vec<String> =
        [imm::FEVER, imm::SEVERE_REACTION, imm::WEAK_IMMUNITY].iter().map(|u| u.to_string()).collect();
    for (i, c) in CONTACTS.iter().enumerate() {
        let doses: Vec<String> = c.doses.iter().map(|d| d.de.to_string()).collect();
        let vaccines: Vec<String> = doses.iter().cloned().chain([NOT_GIVEN.to_string()]).collect();
        let weight = vec![imm::CHILD_WEIGHT.to_string()];
        let fields: Vec<String> = before.iter().chain(&vaccines).chain(&weight).cloned().collect();
        let own = [
            stage_section(&format!("DmSs{}Befr", c.key), "Before vaccinating", "មុនពេលចាក់ថ្នាំ", 1, &before, c.stage),
            stage_section(&format!("DmSs{}Vacc", c.key), "Vaccines", "វ៉ាក់សាំង", 2, &vaccines, c.stage),
            stage_section(&format!("DmSs{}Grow", c.key), "Growth", "ការលូតលាស់", 3, &weight, c.stage),
        ];
        let data_elements: Vec<Value> =
            fields.iter().enumerate().map(|(n, de)| stage_data_element(c.key, n + 1, de.clone(), false)).collect();
        stages.push(
            named(c.stage, c.name, c.name_km)
                .with("program", r(PROGRAM))
                .with("sortOrder", i + 1)
                .with("repeatable", false)
                .with("minDaysFromStart", c.min_days)
                .with("generatedByEnrollmentDate", false)
                .with("autoGenerateEvent", c.generated)
                .with("openAfterEnrollment", false)
                .with("hideDueDate", false)
                .with("allowGenerateNextVisit", false)
                .with("executionDateLabel", "Vaccination date")
                .with("dueDateLabel", "Due date")
                .with("validationStrategy", "ON_COMPLETE")
                .with("featureType", "NONE")
                .with("programStageDataElements", data_elements)
                .with("programStageSections", ids_of(&own))
                .km("EXECUTION_DATE_LABEL", "ថ្ងៃចាក់ថ្នាំ")
                .km("DUE_DATE_LABEL", "ថ្ងៃណាត់")
                .build(),
        );
        sections.extend(own);
    }
    (stages, sections)
}

fn variables() -> Vec<Value> {
    let mut out = vec![variable("DmRvImSex01", PROGRAM, "sex", Source::Attribute(person::SEX), true)];
    for d in &DOSES {
        out.push(variable(format!("DmRv{}", &d.de.as_str()[4..]), PROGRAM, d.key, current(d.de), false));
    }
    for (dose, uid) in [
        (&DOSE_PENTA1, "DmRvErPent1"),
        (&DOSE_PENTA2, "DmRvErPent2"),
        (&DOSE_OPV1, "DmRvErBopv1"),
        (&DOSE_OPV2, "DmRvErBopv2"),
        (&DOSE_PCV1, "DmRvErPcv01"),
        (&DOSE_PCV2, "DmRvErPcv02"),
        (&DOSE_MR1, "DmRvErMr001"),
    ] {
        out.push(variable(uid, PROGRAM, &format!("{}_earlier", dose.key), newest(dose.de), false));
    }
    out.extend([
        variable("DmRvImFever", PROGRAM, "fever", current(imm::FEVER), false),
        variable("DmRvImReact", PROGRAM, "reaction", current(imm::SEVERE_REACTION), false),
        variable("DmRvImWeakI", PROGRAM, "weak_immunity", current(imm::WEAK_IMMUNITY), false),
        variable("DmRvImWeigh", PROGRAM, "child_weight", current(imm::CHILD_WEIGHT), false),
    ]);
    out
}

/// The program with its enrollment form, stages and rule variables.
pub(super) fn program() -> Built {
    let (stages, stage_sections) = stages();
    let variables = variables();
    let sections = vec![
        program_section(
            "DmPsImChild",
            PROGRAM,
            "Child",
            "កុមារ",
            1,
            &[person::NAME_KHMER, person::NAME_LATIN, person::SEX, person::DATE_OF_BIRTH],
        ),
        program_section(
            "DmPsImFamly",
            PROGRAM,
            "Family",
            "គ្រួសារ",
            2,
            &[person::CAREGIVER, person::PHONE, person::VILLAGE],
        ),
    ];
    let program = named(PROGRAM, "Child immunization", "ការចាក់ថ្នាំបង្ការកុមារ")
        .short("Immunization", "ថ្នាំបង្ការកុមារ")
        .with("programType", "WITH_REGISTRATION")
        .with("trackedEntityType", r(person::TYPE))
        .with("categoryCombo", r(CC_DEFAULT))
        .with("accessLevel", "PROTECTED")
        .with("onlyEnrollOnce", true)
        .with("displayIncidentDate", true)
        .with("incidentDateLabel", "Date of birth")
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
                (person::DATE_OF_BIRTH, false, true, false),
                (person::CAREGIVER, true, true, false),
                (person::PHONE, false, false, true),
                (person::VILLAGE, true, true, false),
            ]),
        )
        .with("programSections", ids_of(&sections))
        .with("programStages", ids_of(&stages))
        .with("programRuleVariables", ids_of(&variables))
        .km("INCIDENT_DATE_LABEL", "ថ្ងៃខែឆ្នាំកំណើត")
        .km("ENROLLMENT_DATE_LABEL", "ថ្ងៃចុះឈ្មោះ")
        .build();
    Built { program, sections, stages, stage_sections, variables }
}

const AGE_DAYS: &str = "d2:daysBetween(V{incident_date}, V{event_date})";
const AGE_WEEKS: &str = "d2:weeksBetween(V{incident_date}, V{event_date})";
const AGE_MONTHS: &str = "d2:monthsBetween(V{incident_date}, V{event_date})";
const AGE_YEARS: &str = "d2:yearsBetween(V{incident_date}, V{event_date})";

/// The rules of the immunization program, in order.
pub(super) fn rules(rules: &mut Rules) {
    rules.add(rule(
        "ImDobIn",
        PROGRAM,
        "Date of birth is the incident date",
        "ថ្ងៃខែឆ្នាំកំណើតគឺជាថ្ងៃកើត",
        "d2:hasValue(V{incident_date})",
        vec![assign(person::DATE_OF_BIRTH, "V{incident_date}")],
    ));
    rules.add(rule(
        "ImHpvSt",
        PROGRAM,
        "No HPV stage for boys",
        "គ្មានដំណាក់កាល HPV សម្រាប់ក្មេងប្រុស",
        "#{sex} == 'M'",
        vec![hide_stage(imm::HPV)],
    ));
    age_rules(rules);
    precaution_rules(rules);
    birth_dose_rules(rules);
    minimum_age_rules(rules);
    series_rules(rules);
    late_contact_rules(rules);
}

/// Age at the visit, in the unit a health worker uses at that age.
fn age_rules(rules: &mut Rules) {
    for (key, name, name_km, cond, data, en, k) in [
        (
            "ImAgeWk",
            "Age in weeks",
            "អាយុគិតជាសប្ដាហ៍",
            format!("{AGE_DAYS} < 182"),
            AGE_WEEKS,
            "Age at this visit, in weeks:",
            "អាយុនៅថ្ងៃចាក់ថ្នាំ (គិតជាសប្ដាហ៍)៖",
        ),
        (
            "ImAgeMo",
            "Age in months",
            "អាយុគិតជាខែ",
            format!("{AGE_DAYS} >= 182 && {AGE_DAYS} < 1826"),
            AGE_MONTHS,
            "Age at this visit, in months:",
            "អាយុនៅថ្ងៃចាក់ថ្នាំ (គិតជាខែ)៖",
        ),
        (
            "ImAgeYr",
            "Age in years",
            "អាយុគិតជាឆ្នាំ",
            format!("{AGE_DAYS} >= 1826"),
            AGE_YEARS,
            "Age at this visit, in years:",
            "អាយុនៅថ្ងៃចាក់ថ្នាំ (គិតជាឆ្នាំ)៖",
        ),
    ] {
        rules.add(rule(
            key,
            PROGRAM,
            name,
            name_km,
            &format!("d2:hasValue(V{{event_date}}) && {cond}"),
            vec![text(en, k).data(data)],
        ));
    }
}

/// Contraindications and precautions, and the weight's plausible range.
fn precaution_rules(rules: &mut Rules) {
    rules.add(rule(
        "ImFever",
        PROGRAM,
        "Fever or severe illness",
        "ក្តៅខ្លួន ឬឈឺធ្ងន់",
        "#{fever}",
        vec![warn(
            imm::FEVER,
            "Wait: vaccinate when the child is well, and refer a very sick child to the health centre now. \
             A mild cold, or diarrhoea without fever, is no reason to wait.",
            "សូមរង់ចាំ៖ ចាក់ថ្នាំនៅពេលកុមារជាសះស្បើយ ហើយបញ្ជូនកុមារដែលឈឺធ្ងន់ទៅមណ្ឌលសុខភាពភ្លាម។ \
             ផ្តាសាយស្រាល ឬរាគដោយគ្មានក្តៅខ្លួន មិនមែនជាហេតុដែលត្រូវរង់ចាំទេ។",
        )],
    ));
    rules.add(rule(
        "ImReact",
        PROGRAM,
        "Severe reaction to an earlier dose",
        "ប្រតិកម្មធ្ងន់ធ្ងរចំពោះដូសមុន",
        "#{reaction}",
        vec![warn(
            imm::SEVERE_REACTION,
            "Do not give the vaccine that caused the reaction again. Ask the health centre doctor which doses \
             can be given.",
            "កុំចាក់វ៉ាក់សាំងដែលបង្កប្រតិកម្មនោះម្តងទៀត។ សូមសួរគ្រូពេទ្យនៅមណ្ឌលសុខភាព \
             ថាតើដូសណាខ្លះអាចចាក់បាន។",
        )],
    ));
    rules.add(rule(
        "ImWeakI",
        PROGRAM,
        "Weakened immune system and live vaccines",
        "ប្រព័ន្ធការពាររាងកាយខ្សោយ និងវ៉ាក់សាំងរស់",
        "#{weak_immunity}",
        vec![warn(
            imm::WEAK_IMMUNITY,
            "BCG, bOPV, MR and JE are live vaccines: ask the health centre doctor before giving them.",
            "BCG, bOPV, MR និង JE ជាវ៉ាក់សាំងរស់៖ សូមសួរគ្រូពេទ្យនៅមណ្ឌលសុខភាពមុនពេលផ្តល់។",
        )],
    ));
    rules.add(rule(
        "ImWeigh",
        PROGRAM,
        "Child's weight out of range",
        "ទម្ងន់កុមារមិនសមហេតុផល",
        "d2:hasValue(#{child_weight}) && (#{child_weight} < 0.5 || #{child_weight} > 60)",
        vec![error(
            imm::CHILD_WEIGHT,
            "Check the weight: a child weighs between 0.5 and 60 kg.",
            "សូមពិនិត្យទម្ងន់ឡើងវិញ៖ ទម្ងន់កុមារគួរនៅចន្លោះ ០,៥ ដល់ ៦០ គ.ក។",
        )],
    ));
}

/// Birth doses given late.
fn birth_dose_rules(rules: &mut Rules) {
    rules.add(
        rule(
            "ImHepBL",
            PROGRAM,
            "HepB birth dose after 24 hours",
            "HepB ពេលកើតក្រោយ ២៤ ម៉ោង",
            &format!("#{{hepb0}} && {AGE_DAYS} > 1"),
            vec![warn(
                imm::HEPB_BIRTH,
                "The HepB birth dose is due within 24 hours of birth. Days since birth:",
                "ដូស HepB ពេលកើត ត្រូវចាក់ក្នុងរយៈពេល ២៤ ម៉ោងក្រោយកំណើត។ ចំនួនថ្ងៃក្រោយកំណើត៖",
            )
            .data(AGE_DAYS)],
        )
        .stage(imm::BIRTH),
    );
    rules.add(
        rule(
            "ImBcgLt",
            PROGRAM,
            "BCG after the first birthday",
            "BCG ក្រោយខួបកំណើតទី ១",
            &format!("#{{bcg}} && {AGE_YEARS} >= 1"),
            vec![warn(
                imm::BCG,
                "BCG after the first birthday: ask the health centre before giving it.",
                "BCG ក្រោយខួបកំណើតទី ១៖ សូមសួរមណ្ឌលសុខភាពមុនពេលចាក់។",
            )],
        )
        .stage(imm::BIRTH),
    );
}

/// Minimum ages (errors: the dose cannot be recorded as given), and HPV for girls only.
fn minimum_age_rules(rules: &mut Rules) {
    let under_days = |days: u32| format!("{AGE_DAYS} < {days}");
    for (key, dose, contact, cond, en_age, km_age) in [
        ("ImYngP1", &DOSE_PENTA1, imm::WEEKS_6, under_days(42), "6 weeks", "៦ សប្ដាហ៍"),
        ("ImYngO1", &DOSE_OPV1, imm::WEEKS_6, under_days(42), "6 weeks", "៦ សប្ដាហ៍"),
        ("ImYngC1", &DOSE_PCV1, imm::WEEKS_6, under_days(42), "6 weeks", "៦ សប្ដាហ៍"),
        ("ImYngIp", &DOSE_IPV, imm::WEEKS_14, under_days(98), "14 weeks", "១៤ សប្ដាហ៍"),
        ("ImYngM1", &DOSE_MR1, imm::MONTHS_9, format!("{AGE_MONTHS} < 9"), "9 months", "៩ ខែ"),
        ("ImYngJe", &DOSE_JE, imm::MONTHS_9, format!("{AGE_MONTHS} < 9"), "9 months", "៩ ខែ"),
        ("ImYngM2", &DOSE_MR2, imm::MONTHS_18, format!("{AGE_MONTHS} < 15"), "15 months", "១៥ ខែ"),
        ("ImYngHp", &DOSE_HPV, imm::HPV, format!("{AGE_YEARS} < 9"), "9 years", "៩ ឆ្នាំ"),
    ] {
        let d: &Dose = dose;
        rules.add(
            rule(
                key,
                PROGRAM,
                &format!("{} before {en_age}", d.short),
                &format!("{} មុនអាយុ {km_age}", d.short_km),
                &format!("#{{{}}} && {cond}", d.key),
                vec![error(
                    d.de,
                    &format!("Too early: {} is given from {en_age} of age.", d.short),
                    &format!("លឿនពេក៖ {} ត្រូវ{}ចាប់ពីអាយុ {km_age}។", d.short_km, d.verb),
                )],
            )
            .stage(contact),
        );
    }
    rules.add(
        rule(
            "ImHpvBo",
            PROGRAM,
            "HPV for a boy",
            "HPV សម្រាប់ក្មេងប្រុស",
            "#{hpv} && #{sex} == 'M'",
            vec![error(imm::HPV_DOSE, "HPV vaccine is given to girls.", "វ៉ាក់សាំង HPV ចាក់សម្រាប់តែកុមារី។")],
        )
        .stage(imm::HPV),
    );
}

/// Series: at least 4 weeks after the previous dose, and the previous dose recorded.
fn series_rules(rules: &mut Rules) {
    for (dose, previous, contact, key) in [
        (&DOSE_PENTA2, &DOSE_PENTA1, imm::WEEKS_10, "P2"),
        (&DOSE_PENTA3, &DOSE_PENTA2, imm::WEEKS_14, "P3"),
        (&DOSE_OPV2, &DOSE_OPV1, imm::WEEKS_10, "O2"),
        (&DOSE_OPV3, &DOSE_OPV2, imm::WEEKS_14, "O3"),
        (&DOSE_PCV2, &DOSE_PCV1, imm::WEEKS_10, "C2"),
        (&DOSE_PCV3, &DOSE_PCV2, imm::WEEKS_14, "C3"),
        (&DOSE_MR2, &DOSE_MR1, imm::MONTHS_18, "M2"),
    ] {
        let (d, p): (&Dose, &Dose) = (dose, previous);
        let (dose, previous) = (d.key, p.key);
        let (short, short_km, verb) = (d.short, d.short_km, d.verb);
        let (prev, prev_km) = (p.short, p.short_km);
        let since = format!("d2:daysBetween(d2:lastEventDate('{previous}_earlier'), V{{event_date}})");
        rules.add(
            rule(
                &format!("ImGap{key}"),
                PROGRAM,
                &format!("{short} less than 4 weeks after {prev}"),
                &format!("{short_km} តិចជាង ៤ សប្ដាហ៍ក្រោយ {prev_km}"),
                &format!("#{{{dose}}} && #{{{previous}_earlier}} && {since} < 28"),
                vec![error(
                    d.de,
                    &format!("Too soon after {prev}: leave at least 4 weeks between doses. Days since {prev}:"),
                    &format!("ជិតពេកពី {prev_km}៖ ដូសនីមួយៗត្រូវឃ្លាតគ្នាយ៉ាងតិច ៤ សប្ដាហ៍។ ចំនួនថ្ងៃតាំងពី {prev_km}៖"),
                )
                .data(&since)],
            )
            .stage(contact),
        );
        rules.add(
            rule(
                &format!("ImMis{key}"),
                PROGRAM,
                &format!("{short} without {prev}"),
                &format!("{short_km} ដោយគ្មាន {prev_km}"),
                &format!("#{{{dose}}} && !#{{{previous}_earlier}}"),
                vec![warn(
                    d.de,
                    &format!(
                        "{prev} is not recorded as given: check the child's card. If it was never given, \
                         give {prev} today and {short} 4 weeks later."
                    ),
                    &format!(
                        "មិនមានកំណត់ត្រាថាបាន{verb} {prev_km}៖ សូមពិនិត្យប័ណ្ណកុមារ។ \
                         បើមិនធ្លាប់{verb}ទេ សូម{verb} {prev_km} ថ្ងៃនេះ ហើយ {short_km} ៤ សប្ដាហ៍ក្រោយ។"
                    ),
                )],
            )
            .stage(contact),
        );
    }
}

/// Contacts reached late (4 weeks or more after their due age).
fn late_contact_rules(rules: &mut Rules) {
    let weeks = ("weeks", "សប្ដាហ៍", AGE_WEEKS);
    let months = ("months", "ខែ", AGE_MONTHS);
    for (key, contact, first_dose, cond, en_due, km_due, (en_unit, km_unit, age)) in [
        ("ImLtW06", imm::WEEKS_6, &DOSE_PENTA1, format!("{AGE_DAYS} > 70"), "6 weeks", "៦ សប្ដាហ៍", weeks),
        ("ImLtW10", imm::WEEKS_10, &DOSE_PENTA2, format!("{AGE_DAYS} > 98"), "10 weeks", "១០ សប្ដាហ៍", weeks),
        ("ImLtW14", imm::WEEKS_14, &DOSE_PENTA3, format!("{AGE_DAYS} > 126"), "14 weeks", "១៤ សប្ដាហ៍", weeks),
        ("ImLtM09", imm::MONTHS_9, &DOSE_MR1, format!("{AGE_MONTHS} >= 12"), "9 months", "៩ ខែ", months),
        ("ImLtM18", imm::MONTHS_18, &DOSE_MR2, format!("{AGE_MONTHS} >= 24"), "18 months", "១៨ ខែ", months),
    ] {
        rules.add(
            rule(
                key,
                PROGRAM,
                &format!("{en_due} contact reached late"),
                &format!("ការណាត់ {km_due} យឺត"),
                &format!("d2:hasValue(V{{event_date}}) && {cond}"),
                vec![warn(
                    first_dose.de,
                    &format!(
                        "Late: these doses were due at {en_due}. Give them today and book the next contact. \
                         Age in {en_unit}:"
                    ),
                    &format!("យឺត៖ ដូសទាំងនេះត្រូវចាក់នៅអាយុ {km_due}។ សូមចាក់ថ្ងៃនេះ ហើយណាត់ពេលបន្ទាប់។ អាយុ ({km_unit})៖"),
                )
                .data(age)],
            )
            .stage(contact),
        );
    }
}
