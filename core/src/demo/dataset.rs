//! The bundled training metadata: a DHIS2 `/api/metadata` export and the trainee's `/api/me`,
//! built by [`build`] when the demo is first opened, written out as JSON documents and imported
//! through [`Store::import_metadata`], the code path of a server's answer. [`build`] explains the
//! program design; `dataset/SOURCE.md` says where the place names come from (MIT, notices beside
//! it).
//!
//! Owns the documents' text and the UIDs that the practice people and the tests refer to. Does
//! not own importing (`store::import`) or the people (`people`).

use crate::model::Uid;
use crate::store::import::{ImportError, ImportReport, ImportSource};
use crate::store::Store;

/// Which bundled dataset a demo database holds (its demo mark); change it with the data.
pub const VERSION: &str = "phum-demo-1";

pub mod build;

/// The metadata export as a JSON document, as a server would send it.
pub fn metadata_json() -> String {
    pretty(&build::metadata())
}

/// The trainee's `/api/me` as a JSON document.
pub fn me_json() -> String {
    pretty(&build::me())
}

fn pretty(document: &serde_json::Value) -> String {
    // Serialising a Value (string keys, finite numbers) cannot fail.
    serde_json::to_string_pretty(document).unwrap_or_default()
}

/// Imports the bundled metadata into `store`, replacing any it held (one transaction).
pub fn import(store: &mut Store) -> Result<ImportReport, ImportError> {
    store.import_metadata(&[
        ImportSource::Bytes { name: "demo/metadata.json".into(), bytes: metadata_json().into_bytes() },
        ImportSource::Bytes { name: "demo/me.json".into(), bytes: me_json().into_bytes() },
    ])
}

/// The org unit tree: Cambodia > Siem Reap > Kralanh OD > two health centres > villages.
pub mod org_units {
    use super::Uid;

    pub const COUNTRY: Uid = Uid::constant("DmOuCountry");
    pub const PROVINCE: Uid = Uid::constant("DmOuProvSR1");
    pub const OPERATIONAL_DISTRICT: Uid = Uid::constant("DmOuOdKrlnh");
    /// Chanleas Dai Health Centre: the trainee's capture org unit, where the people are.
    pub const TRAINEE_HEALTH_CENTRE: Uid = Uid::constant("DmOuHcChnDi");
    /// Kralanh Health Centre: outside the trainee's scope.
    pub const OTHER_HEALTH_CENTRE: Uid = Uid::constant("DmOuHcKrlnh");
    /// The villages of Chanleas Dai Health Centre: org unit, NCDD code (the code of the village
    /// attribute's option).
    pub const TRAINEE_VILLAGES: [(Uid, &str); 6] = [
        (Uid::constant("DmV17060101"), "17060101"),
        (Uid::constant("DmV17060102"), "17060102"),
        (Uid::constant("DmV17060103"), "17060103"),
        (Uid::constant("DmV17060104"), "17060104"),
        (Uid::constant("DmV17060105"), "17060105"),
        (Uid::constant("DmV17060108"), "17060108"),
    ];
}

/// The person: tracked entity type and attributes.
pub mod person {
    use super::Uid;

    pub const TYPE: Uid = Uid::constant("DmTePerson1");
    pub const NAME_KHMER: Uid = Uid::constant("DmAtNameKhm");
    pub const NAME_LATIN: Uid = Uid::constant("DmAtNameLat");
    pub const SEX: Uid = Uid::constant("DmAtSex0001");
    pub const DATE_OF_BIRTH: Uid = Uid::constant("DmAtDob0001");
    pub const CAREGIVER: Uid = Uid::constant("DmAtCaregvr");
    pub const PHONE: Uid = Uid::constant("DmAtPhone01");
    pub const VILLAGE: Uid = Uid::constant("DmAtVillage");
    pub const NATIONAL_ID: Uid = Uid::constant("DmAtNatId01");
}

/// Child immunization: one stage per contact of the national schedule.
pub mod immunization {
    use super::Uid;

    pub const PROGRAM: Uid = Uid::constant("DmPrImmuniz");
    pub const BIRTH: Uid = Uid::constant("DmStImBirth");
    pub const WEEKS_6: Uid = Uid::constant("DmStIm06Wks");
    pub const WEEKS_10: Uid = Uid::constant("DmStIm10Wks");
    pub const WEEKS_14: Uid = Uid::constant("DmStIm14Wks");
    pub const MONTHS_9: Uid = Uid::constant("DmStIm09Mth");
    pub const MONTHS_18: Uid = Uid::constant("DmStIm18Mth");
    /// HPV for girls at 9: scheduled by hand, never generated at enrollment.
    pub const HPV: Uid = Uid::constant("DmStImHpv09");
    /// The contacts generated at enrollment, in schedule order, with their doses (data
    /// elements, BOOLEAN "given").
    pub const CONTACTS: [(Uid, &[Uid]); 6] = [
        (BIRTH, &[BCG, HEPB_BIRTH]),
        (WEEKS_6, &[PENTA_1, BOPV_1, PCV_1]),
        (WEEKS_10, &[PENTA_2, BOPV_2, PCV_2]),
        (WEEKS_14, &[PENTA_3, BOPV_3, PCV_3, IPV]),
        (MONTHS_9, &[MR_1, JE]),
        (MONTHS_18, &[MR_2]),
    ];

    pub const BCG: Uid = Uid::constant("DmDeBcgDose");
    pub const HEPB_BIRTH: Uid = Uid::constant("DmDeHepB0Bd");
    pub const PENTA_1: Uid = Uid::constant("DmDePenta01");
    pub const PENTA_2: Uid = Uid::constant("DmDePenta02");
    pub const PENTA_3: Uid = Uid::constant("DmDePenta03");
    pub const BOPV_1: Uid = Uid::constant("DmDeBopv001");
    pub const BOPV_2: Uid = Uid::constant("DmDeBopv002");
    pub const BOPV_3: Uid = Uid::constant("DmDeBopv003");
    pub const PCV_1: Uid = Uid::constant("DmDePcv0001");
    pub const PCV_2: Uid = Uid::constant("DmDePcv0002");
    pub const PCV_3: Uid = Uid::constant("DmDePcv0003");
    pub const IPV: Uid = Uid::constant("DmDeIpv0001");
    pub const MR_1: Uid = Uid::constant("DmDeMr00001");
    pub const MR_2: Uid = Uid::constant("DmDeMr00002");
    pub const JE: Uid = Uid::constant("DmDeJe00001");
    pub const HPV_DOSE: Uid = Uid::constant("DmDeHpv0001");
    pub const FEVER: Uid = Uid::constant("DmDeFeverIl");
    pub const SEVERE_REACTION: Uid = Uid::constant("DmDeReactn1");
    pub const WEAK_IMMUNITY: Uid = Uid::constant("DmDeImmWeak");
    pub const CHILD_WEIGHT: Uid = Uid::constant("DmDeChildWt");
}

/// Hypertension and diabetes (NCD).
pub mod ncd {
    use super::Uid;

    pub const PROGRAM: Uid = Uid::constant("DmPrNcdHtDm");
    /// First visit: generated open on the enrollment date.
    pub const SCREENING: Uid = Uid::constant("DmStNcdScrn");
    /// Repeatable, every 28 days after the latest visit.
    pub const FOLLOW_UP: Uid = Uid::constant("DmStNcdFlwU");

    pub const HEIGHT: Uid = Uid::constant("DmDeHeightC");
    pub const WEIGHT: Uid = Uid::constant("DmDeWeightK");
    pub const BMI: Uid = Uid::constant("DmDeBmi0001");
    pub const SYSTOLIC: Uid = Uid::constant("DmDeSystol1");
    pub const DIASTOLIC: Uid = Uid::constant("DmDeDiastol");
    /// Options NORMAL, RAISED, VERY_HIGH (assigned by rules).
    pub const BP_RESULT: Uid = Uid::constant("DmDeBpResul");
    pub const GLUCOSE: Uid = Uid::constant("DmDeGlucose");
    /// Options NORMAL, RAISED, DIABETES (assigned by rules).
    pub const GLUCOSE_RESULT: Uid = Uid::constant("DmDeGlResul");
    pub const SMOKER: Uid = Uid::constant("DmDeSmoker1");
    pub const BP_MEDICINE: Uid = Uid::constant("DmDeBpMeds1");
    pub const DIABETES_MEDICINE: Uid = Uid::constant("DmDeDmMeds1");
    pub const MEDICINES_AS_PRESCRIBED: Uid = Uid::constant("DmDeMedsOk1");
    /// Options NONE, HC_DOCTOR, HOSPITAL.
    pub const REFERRAL: Uid = Uid::constant("DmDeReferTo");
}

/// The VHSG monthly village report.
pub mod vhsg {
    use super::Uid;

    pub const DATA_SET: Uid = Uid::constant("DmDsVhsgMon");
    pub const DEFAULT_COMBO: Uid = Uid::constant("DmCocDefaul");
    pub const MALE: Uid = Uid::constant("DmCocMale01");
    pub const FEMALE: Uid = Uid::constant("DmCocFemal1");
    /// Sex x age group: male, then female; under 1 year, 1 to 4, 5 and over.
    pub const SEX_AGE: [Uid; 6] = [
        Uid::constant("DmCocMU1Yr1"),
        Uid::constant("DmCocM1to41"),
        Uid::constant("DmCocM5Plu1"),
        Uid::constant("DmCocFU1Yr1"),
        Uid::constant("DmCocF1to41"),
        Uid::constant("DmCocF5Plu1"),
    ];

    pub const LIVE_BIRTHS: Uid = Uid::constant("DmDeAgBirth");
    pub const DEATHS: Uid = Uid::constant("DmDeAgDeath");
    pub const CHILDREN_UNDER_2: Uid = Uid::constant("DmDeAgU2Liv");
    pub const CHILDREN_VACCINATED: Uid = Uid::constant("DmDeAgU2Vac");
    pub const PREGNANT_WOMEN: Uid = Uid::constant("DmDeAgPregW");
    pub const REFERRED_ANTENATAL: Uid = Uid::constant("DmDeAgAncRf");
    pub const SICK_REFERRED: Uid = Uid::constant("DmDeAgSickR");
    pub const REFERRED_NCD: Uid = Uid::constant("DmDeAgNcdRf");
    pub const HOUSEHOLDS_VISITED: Uid = Uid::constant("DmDeAgHhVis");
    pub const EDUCATION_SESSIONS: Uid = Uid::constant("DmDeAgHeSes");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{lint, MetadataFile};
    use crate::model::{Collection, DataElement, ProgramStage};

    fn imported() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        import(&mut store).unwrap();
        store
    }

    #[test]
    fn the_bundled_metadata_imports_and_every_uid_named_here_is_in_it() {
        let store = imported();
        let counts = store.metadata_counts().unwrap();
        assert_eq!(counts[&Collection::Programs], 2);
        assert_eq!(counts[&Collection::OrganisationUnits], 15);
        assert_eq!(store.current_user().unwrap().unwrap().username, "trainee");
        let user = store.current_user().unwrap().unwrap();
        assert_eq!(
            user.organisation_units.iter().map(|r| r.id).collect::<Vec<_>>(),
            [org_units::TRAINEE_HEALTH_CENTRE]
        );
        for (stage, doses) in immunization::CONTACTS {
            let stage = store.get::<ProgramStage>(stage).unwrap().expect("stage");
            let in_stage: Vec<Uid> = stage.program_stage_data_elements.iter().map(|d| d.data_element_uid()).collect();
            for dose in doses {
                assert!(in_stage.contains(dose), "{dose} in {}", stage.identity.name);
            }
        }
        for de in [ncd::BMI, ncd::BP_RESULT, ncd::REFERRAL, vhsg::CHILDREN_VACCINATED, immunization::CHILD_WEIGHT] {
            assert!(store.get::<DataElement>(de).unwrap().is_some(), "{de}");
        }
    }

    #[test]
    fn the_bundled_metadata_passes_lint_without_errors_or_warnings() {
        let file = MetadataFile::parse("demo/metadata.json", &metadata_json()).unwrap();
        assert_eq!((file.program_rules.len(), file.validation_rules.len()), (62, 3));
        let findings: Vec<String> = lint(&[file]).iter().map(|f| f.to_string()).collect();
        assert!(findings.is_empty(), "{findings:#?}");
    }

    #[test]
    fn every_named_object_has_a_khmer_label() {
        let doc: serde_json::Value = serde_json::from_str(&metadata_json()).unwrap();
        let mut missing = Vec::new();
        for (collection, objects) in doc.as_object().unwrap() {
            // A rule variable's name is the identifier rules use (`#{sex}`), not a label.
            if collection == "programRuleVariables" {
                continue;
            }
            for object in objects.as_array().into_iter().flatten() {
                let km = |property: &str| {
                    object["translations"].as_array().into_iter().flatten().any(|t| {
                        t["locale"] == "km"
                            && t["property"] == property
                            && t["value"].as_str().is_some_and(|v| !v.is_empty())
                    })
                };
                let needs = [
                    ("name", "NAME"),
                    ("shortName", "SHORT_NAME"),
                    ("formName", "FORM_NAME"),
                    ("description", "DESCRIPTION"),
                    ("content", "CONTENT"),
                    ("instruction", "INSTRUCTION"),
                    ("incidentDateLabel", "INCIDENT_DATE_LABEL"),
                    ("enrollmentDateLabel", "ENROLLMENT_DATE_LABEL"),
                    ("executionDateLabel", "EXECUTION_DATE_LABEL"),
                    ("dueDateLabel", "DUE_DATE_LABEL"),
                ];
                for (field, property) in needs {
                    if object.get(field).is_some() && !km(property) {
                        missing.push(format!("{collection} {} {field}", object["id"]));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "{missing:#?}");
    }
}
