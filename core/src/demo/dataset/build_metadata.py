#!/usr/bin/env python3
"""Writes the demo's DHIS2 metadata: metadata.json (an /api/metadata export) and me.json (the
/api/me answer of the trainee), next to this script.

The JSON files are what ships (embedded in phum-core with include_str!); this script is how they
are made and changed. Run it from anywhere: `python3 core/src/demo/dataset/build_metadata.py`.
Output is deterministic (same script, same bytes). After a change, run `phum lint` on
metadata.json and the demo tests (`cargo test -p phum-core demo::`).

Design notes (the program design is Phum's own; public WHO and DHIS2 packages informed the
choice of fields, nothing is copied from them):

- Org units: Cambodia > Siem Reap Province > Kralanh Operational District > two health centres
  (Chanleas Dai, the trainee's, with 6 villages; Kralanh with 4) > villages. Province, district,
  commune and village names and NCDD codes are real (NCDD gazetteer via pumi and
  CambodianAddressSDK, MIT: LICENSE-CambodianAddressSDK and THIRD_PARTY_NOTICES.md here); the
  operational district and health centre names are made up from them (see SOURCE.md).
- Child immunization: one stage per contact of Cambodia's national schedule, each generated at
  enrollment from the date of birth (the incident date): birth (BCG, HepB), 6, 10, 14 weeks
  (Penta, bOPV, PCV; IPV at 14), 9 months (MR 1, JE), 18 months (MR 2), and HPV for girls at 9
  (scheduled by hand, never generated, hidden for boys). Ages in days are chosen so that a dose
  given on its due date passes the age rules: 9 months is 275 days (the longest 9 calendar
  months), 9 years 3288 days.
- NCD: WHO HEARTS thresholds: raised blood pressure at 140/90 mmHg, very high (refer) at
  180/110, fasting glucose 7.0 mmol/L (diabetes range), 18 mmol/L (refer today); BMI from weight
  and height with WHO cut-offs; a screening visit at enrollment and a monthly follow-up visit
  (standardInterval 28) scheduled after each one.
- VHSG monthly village report: per village, sex and sex x age group disaggregations, three
  validation rules.
Demo figures: verify every threshold against the national programmes before any clinical use.
"""

import json
import pathlib
import re

HERE = pathlib.Path(__file__).resolve().parent
UID = re.compile(r"^[A-Za-z][A-Za-z0-9]{10}$")
SEEN = set()


def uid(text):
    """A hand-made UID, checked against DHIS2's rule and used once."""
    assert UID.match(text), f"not a UID: {text}"
    assert text not in SEEN, f"UID used twice: {text}"
    SEEN.add(text)
    return text


def ref(text):
    return {"id": text}


def km(**props):
    """Khmer translations: km(NAME="...", FORM_NAME="...")."""
    return [{"property": p, "locale": "km", "value": v} for p, v in props.items()]


def named(id_, name, name_km, short=None, short_km=None, form=None, form_km=None, description=None,
          description_km=None, code=None, **extra):
    obj = {"id": uid(id_)}
    if code is not None:
        obj["code"] = code
    obj["name"] = name
    props = {"NAME": name_km}
    if short is not None:
        obj["shortName"] = short
        props["SHORT_NAME"] = short_km if short_km is not None else name_km
    if form is not None:
        obj["formName"] = form
        props["FORM_NAME"] = form_km
    if description is not None:
        obj["description"] = description
        props["DESCRIPTION"] = description_km
    obj.update(extra)
    obj["translations"] = km(**props)
    return obj


# ---------------------------------------------------------------------------------------------
# Organisation units

LEVELS = [
    ("DmOuLevel01", 1, "Country", "ប្រទេស"),
    ("DmOuLevel02", 2, "Province", "ខេត្ត"),
    ("DmOuLevel03", 3, "Operational district", "ស្រុកប្រតិបត្តិ"),
    ("DmOuLevel04", 4, "Health centre", "មណ្ឌលសុខភាព"),
    ("DmOuLevel05", 5, "Village", "ភូមិ"),
]

COUNTRY = "DmOuCountry"
PROVINCE = "DmOuProvSR1"
OD = "DmOuOdKrlnh"
HC_TRAINEE = "DmOuHcChnDi"
HC_OTHER = "DmOuHcKrlnh"

# (NCDD code, English, Khmer): villages of Chanleas Dai and Kralanh communes (Kralanh district).
VILLAGES = {
    HC_TRAINEE: [
        ("17060101", "Tram Kang", "ត្រាំកង់"),
        ("17060102", "Chhuk Roat", "ឈូករ័ត្ន"),
        ("17060103", "Run", "រុន"),
        ("17060104", "Kouk Tnaot", "គោកត្នោត"),
        ("17060105", "Khnar Chour", "ខ្នាជោ"),
        ("17060108", "Chanlas Dai", "ចន្លាស់ដៃ"),
    ],
    HC_OTHER: [
        ("17060301", "Ta Chraeng", "តាច្រែង"),
        ("17060302", "Trapeang Chrang", "ត្រពាំងច្រាំង"),
        ("17060303", "Ou Kralanh", "អូរក្រឡាញ់"),
        ("17060304", "Kaoh Krabau", "កោះក្របៅ"),
    ],
}


def village_uid(code):
    return "DmV" + code


def org_unit(id_, code, name, name_km, short, level, parent_path, parent=None, programs=(), data_sets=()):
    path = f"{parent_path}/{id_}"
    obj = named(id_, name, name_km, short=short, short_km=name_km, code=code)
    obj.update({"path": path, "level": level, "openingDate": "1993-01-01T00:00:00.000"})
    if parent:
        obj["parent"] = ref(parent)
    if programs:
        obj["programs"] = [ref(p) for p in programs]
    if data_sets:
        obj["dataSets"] = [ref(d) for d in data_sets]
    # translations last, as DHIS2 writes them
    obj["translations"] = obj.pop("translations")
    return obj, path


# ---------------------------------------------------------------------------------------------
# Categories

CC_DEFAULT = "DmCcDefault"
CC_SEX = "DmCcSex0001"
CC_SEX_AGE = "DmCcSexAge1"
COC_DEFAULT = "DmCocDefaul"
COC_MALE = "DmCocMale01"
COC_FEMALE = "DmCocFemal1"
AGE_GROUPS = [  # (option uid, COC suffix, English, Khmer)
    ("DmCoAgeU1Yr", "U1Yr", "Under 1 year", "ក្រោម ១ ឆ្នាំ"),
    ("DmCoAge1to4", "1to4", "1 to 4 years", "១ ដល់ ៤ ឆ្នាំ"),
    ("DmCoAge5Plu", "5Plu", "5 years and over", "៥ ឆ្នាំឡើងទៅ"),
]
SEXES = [("DmCoMale001", "M", "Male", "ប្រុស"), ("DmCoFemale1", "F", "Female", "ស្រី")]


def sex_age_coc(sex_letter, age_suffix):
    return f"DmCoc{sex_letter}{age_suffix}1"


def categories():
    options = [named("DmCoDefault", "default", "លំនាំដើម", code="default")]
    options += [named(u, en, k, short=en) for u, _, en, k in SEXES]
    options += [named(u, en, k, short=en) for u, _, en, k in AGE_GROUPS]
    cats = [
        named("DmCaDefault", "default", "លំនាំដើម", dataDimensionType="DISAGGREGATION",
              categoryOptions=[ref("DmCoDefault")]),
        named("DmCaSex0001", "Sex", "ភេទ", dataDimensionType="DISAGGREGATION",
              categoryOptions=[ref(u) for u, *_ in SEXES]),
        named("DmCaAgeGrp1", "Age group", "ក្រុមអាយុ", dataDimensionType="DISAGGREGATION",
              categoryOptions=[ref(u) for u, *_ in AGE_GROUPS]),
    ]
    cocs = [named(COC_DEFAULT, "default", "លំនាំដើម", categoryCombo=ref(CC_DEFAULT),
                  categoryOptions=[ref("DmCoDefault")])]
    cocs.append(named(COC_MALE, "Male", "ប្រុស", categoryCombo=ref(CC_SEX), categoryOptions=[ref("DmCoMale001")]))
    cocs.append(named(COC_FEMALE, "Female", "ស្រី", categoryCombo=ref(CC_SEX), categoryOptions=[ref("DmCoFemale1")]))
    sex_age = []
    for sex_uid, letter, sex_en, sex_km in SEXES:
        for age_uid, suffix, age_en, age_km in AGE_GROUPS:
            coc = sex_age_coc(letter, suffix)
            sex_age.append(coc)
            cocs.append(named(coc, f"{sex_en}, {age_en}", f"{sex_km}, {age_km}", categoryCombo=ref(CC_SEX_AGE),
                              categoryOptions=[ref(sex_uid), ref(age_uid)]))
    combos = [
        named(CC_DEFAULT, "default", "លំនាំដើម", isDefault=True, dataDimensionType="DISAGGREGATION",
              categories=[ref("DmCaDefault")], categoryOptionCombos=[ref(COC_DEFAULT)]),
        named(CC_SEX, "Sex", "ភេទ", isDefault=False, dataDimensionType="DISAGGREGATION",
              categories=[ref("DmCaSex0001")], categoryOptionCombos=[ref(COC_MALE), ref(COC_FEMALE)]),
        named(CC_SEX_AGE, "Sex and age group", "ភេទ និងក្រុមអាយុ", isDefault=False,
              dataDimensionType="DISAGGREGATION", categories=[ref("DmCaSex0001"), ref("DmCaAgeGrp1")],
              categoryOptionCombos=[ref(c) for c in sex_age]),
    ]
    return options, cats, combos, cocs


# ---------------------------------------------------------------------------------------------
# Option sets

OS_SEX = "DmOsSex0001"
OS_VILLAGE = "DmOsVillage"
OS_NOT_GIVEN = "DmOsNotGivn"
OS_BP = "DmOsBpResul"
OS_GLUCOSE = "DmOsGlResul"
OS_REFERRAL = "DmOsReferrl"

OPTION_SETS = [
    # (uid, name, Khmer name, [(option uid, code, English, Khmer)])
    (OS_SEX, "Sex", "ភេទ", [
        ("DmOpSexMale", "M", "Male", "ប្រុស"),
        ("DmOpSexFeml", "F", "Female", "ស្រី"),
    ]),
    (OS_VILLAGE, "Villages of Kralanh Operational District", "ភូមិក្នុងស្រុកប្រតិបត្តិក្រឡាញ់", [
        ("DmO" + code, code, f"{en} Village", f"ភូមិ{k}") for hc in (HC_TRAINEE, HC_OTHER) for code, en, k in VILLAGES[hc]
    ]),
    (OS_NOT_GIVEN, "Reason a dose was not given", "មូលហេតុដែលមិនបានចាក់ថ្នាំ", [
        ("DmOpNgStock", "STOCKOUT", "Vaccine out of stock", "អស់វ៉ាក់សាំង"),
        ("DmOpNgIll01", "ILL", "Child ill: postponed", "កុមារឈឺ៖ ពន្យារពេល"),
        ("DmOpNgContr", "CONTRAINDICATION", "Contraindication", "មានហេតុហាមឃាត់"),
        ("DmOpNgRefus", "REFUSED", "Caregiver refused", "អ្នកថែទាំបដិសេធ"),
        ("DmOpNgOther", "OTHER", "Other", "ផ្សេងៗ"),
    ]),
    (OS_BP, "Blood pressure result", "លទ្ធផលសម្ពាធឈាម", [
        ("DmOpBpNorml", "NORMAL", "Below 140/90", "ក្រោម ១៤០/៩០"),
        ("DmOpBpRaisd", "RAISED", "Raised: 140/90 or more", "ខ្ពស់៖ ១៤០/៩០ ឬលើស"),
        ("DmOpBpVHigh", "VERY_HIGH", "Very high: 180/110 or more", "ខ្ពស់ខ្លាំង៖ ១៨០/១១០ ឬលើស"),
    ]),
    (OS_GLUCOSE, "Fasting glucose result", "លទ្ធផលជាតិស្ករក្នុងឈាមពេលតមអាហារ", [
        ("DmOpGlNorml", "NORMAL", "Below 6.1 mmol/L", "ក្រោម ៦,១ mmol/L"),
        ("DmOpGlRaisd", "RAISED", "Raised: 6.1 to 6.9 mmol/L", "ខ្ពស់៖ ៦,១ ដល់ ៦,៩ mmol/L"),
        ("DmOpGlDiabt", "DIABETES", "Diabetes range: 7.0 mmol/L or more", "កម្រិតទឹកនោមផ្អែម៖ ៧,០ mmol/L ឬលើស"),
    ]),
    (OS_REFERRAL, "Referral", "ការបញ្ជូន", [
        ("DmOpRfNone1", "NONE", "No referral", "មិនបញ្ជូន"),
        ("DmOpRfHcDoc", "HC_DOCTOR", "Health centre doctor", "គ្រូពេទ្យនៅមណ្ឌលសុខភាព"),
        ("DmOpRfHospt", "HOSPITAL", "Referral hospital", "មន្ទីរពេទ្យបង្អែក"),
    ]),
]


def option_sets():
    sets, options = [], []
    for set_uid, name, name_km, opts in OPTION_SETS:
        sets.append(named(set_uid, name, name_km, valueType="TEXT", version=1,
                          options=[ref(o[0]) for o in opts]))
        for i, (o_uid, code, en, k) in enumerate(opts, 1):
            options.append(named(o_uid, en, k, code=code, sortOrder=i, optionSet=ref(set_uid)))
    return sets, options


# ---------------------------------------------------------------------------------------------
# Data elements

# The vaccines: (data element uid, short name, Khmer short name, verb in Khmer, what it protects
# against in English and Khmer).
PENTA_EN = "diphtheria, tetanus, whooping cough, hepatitis B and Hib"
PENTA_KM = "ខាន់ស្លាក់ តេតាណូស ក្អកមាន់ រលាកថ្លើមប្រភេទបេ និង Hib"
DOSES = {
    "bcg": ("DmDeBcgDose", "BCG", "BCG", "ចាក់", "tuberculosis", "របេង"),
    "hepb0": ("DmDeHepB0Bd", "HepB birth dose", "HepB ដូសពេលកើត", "ចាក់", "hepatitis B", "រលាកថ្លើមប្រភេទបេ"),
    "penta1": ("DmDePenta01", "Penta 1", "Penta ១", "ចាក់", PENTA_EN, PENTA_KM),
    "penta2": ("DmDePenta02", "Penta 2", "Penta ២", "ចាក់", PENTA_EN, PENTA_KM),
    "penta3": ("DmDePenta03", "Penta 3", "Penta ៣", "ចាក់", PENTA_EN, PENTA_KM),
    "opv1": ("DmDeBopv001", "bOPV 1", "bOPV ១", "បន្តក់", "polio", "ស្វិតដៃជើង"),
    "opv2": ("DmDeBopv002", "bOPV 2", "bOPV ២", "បន្តក់", "polio", "ស្វិតដៃជើង"),
    "opv3": ("DmDeBopv003", "bOPV 3", "bOPV ៣", "បន្តក់", "polio", "ស្វិតដៃជើង"),
    "pcv1": ("DmDePcv0001", "PCV 1", "PCV ១", "ចាក់", "pneumococcal pneumonia", "រលាកសួតបង្កដោយបាក់តេរីភ្នូម៉ូកុក"),
    "pcv2": ("DmDePcv0002", "PCV 2", "PCV ២", "ចាក់", "pneumococcal pneumonia", "រលាកសួតបង្កដោយបាក់តេរីភ្នូម៉ូកុក"),
    "pcv3": ("DmDePcv0003", "PCV 3", "PCV ៣", "ចាក់", "pneumococcal pneumonia", "រលាកសួតបង្កដោយបាក់តេរីភ្នូម៉ូកុក"),
    "ipv": ("DmDeIpv0001", "IPV", "IPV", "ចាក់", "polio", "ស្វិតដៃជើង"),
    "mr1": ("DmDeMr00001", "MR 1", "MR ១", "ចាក់", "measles and rubella", "កញ្ជ្រឹល និងស្អូច"),
    "mr2": ("DmDeMr00002", "MR 2", "MR ២", "ចាក់", "measles and rubella", "កញ្ជ្រឹល និងស្អូច"),
    "je": ("DmDeJe00001", "JE", "JE", "ចាក់", "Japanese encephalitis", "រលាកខួរក្បាលជប៉ុន"),
    "hpv": ("DmDeHpv0001", "HPV", "HPV", "ចាក់", "cervical cancer", "មហារីកមាត់ស្បូន"),
}

DE_FEVER = "DmDeFeverIl"
DE_REACTION = "DmDeReactn1"
DE_IMM_WEAK = "DmDeImmWeak"
DE_CHILD_WEIGHT = "DmDeChildWt"
DE_NOT_GIVEN = "DmDeNotGivn"
DE_HEIGHT = "DmDeHeightC"
DE_WEIGHT = "DmDeWeightK"
DE_BMI = "DmDeBmi0001"
DE_SYSTOLIC = "DmDeSystol1"
DE_DIASTOLIC = "DmDeDiastol"
DE_BP_RESULT = "DmDeBpResul"
DE_GLUCOSE = "DmDeGlucose"
DE_GL_RESULT = "DmDeGlResul"
DE_SMOKER = "DmDeSmoker1"
DE_BP_MEDS = "DmDeBpMeds1"
DE_DM_MEDS = "DmDeDmMeds1"
DE_MEDS_OK = "DmDeMedsOk1"
DE_REFERRAL = "DmDeReferTo"


def tracker_de(id_, name, name_km, short, short_km, value_type, form=None, form_km=None, description=None,
               description_km=None, option_set=None):
    extra = {"valueType": value_type, "domainType": "TRACKER", "aggregationType": "NONE",
             "categoryCombo": ref(CC_DEFAULT), "zeroIsSignificant": False}
    if option_set:
        extra["optionSet"] = ref(option_set)
    return named(id_, name, name_km, short=short, short_km=short_km, form=form, form_km=form_km,
                 description=description, description_km=description_km, **extra)


def tracker_data_elements():
    des = []
    for key, (de, short, short_km, verb, against, against_km) in DOSES.items():
        given = "given" if key[:3] != "opv" else "given (drops)"
        des.append(tracker_de(
            de, f"{short} {given}", f"បាន{verb} {short_km}", short, short_km, "BOOLEAN",
            description=f"{short} protects against {against}.",
            description_km=f"{short_km} ការពារ{against_km}។"))
    des += [
        tracker_de(DE_FEVER, "Fever or severe illness today", "ក្តៅខ្លួន ឬឈឺធ្ងន់ថ្ងៃនេះ", "Fever or severe illness",
                   "ក្តៅខ្លួន ឬឈឺធ្ងន់", "BOOLEAN"),
        tracker_de(DE_REACTION, "Severe reaction after an earlier dose", "ប្រតិកម្មធ្ងន់ធ្ងរក្រោយដូសមុន",
                   "Severe reaction before", "ប្រតិកម្មធ្ងន់ធ្ងរពីមុន", "BOOLEAN",
                   description="For example breathing difficulty, swelling of the face or collapse after a vaccine.",
                   description_km="ឧទាហរណ៍ ពិបាកដកដង្ហើម ហើមមុខ ឬសន្លប់ក្រោយចាក់វ៉ាក់សាំង។"),
        tracker_de(DE_IMM_WEAK, "Severely weakened immune system", "ប្រព័ន្ធការពាររាងកាយខ្សោយខ្លាំង",
                   "Weak immune system", "ប្រព័ន្ធការពារខ្សោយ", "BOOLEAN",
                   description="For example HIV with symptoms, or treatment for cancer.",
                   description_km="ឧទាហរណ៍ មេរោគអេដស៍ដែលមានរោគសញ្ញា ឬកំពុងព្យាបាលជំងឺមហារីក។"),
        tracker_de(DE_CHILD_WEIGHT, "Child's weight (kg)", "ទម្ងន់កុមារ (គ.ក)", "Child's weight", "ទម្ងន់កុមារ",
                   "NUMBER"),
        tracker_de(DE_NOT_GIVEN, "Reason a dose was not given", "មូលហេតុដែលមិនបានចាក់ថ្នាំ", "Reason not given",
                   "មូលហេតុមិនបានចាក់", "TEXT", option_set=OS_NOT_GIVEN),
        tracker_de(DE_HEIGHT, "Height (cm)", "កម្ពស់ (ស.ម)", "Height", "កម្ពស់", "NUMBER"),
        tracker_de(DE_WEIGHT, "Weight (kg)", "ទម្ងន់ (គ.ក)", "Weight", "ទម្ងន់", "NUMBER"),
        tracker_de(DE_BMI, "Body mass index (BMI)", "សន្ទស្សន៍ម៉ាសរាងកាយ (BMI)", "BMI", "BMI", "NUMBER",
                   form="BMI (calculated)", form_km="BMI (គណនាដោយស្វ័យប្រវត្តិ)"),
        tracker_de(DE_SYSTOLIC, "Systolic blood pressure (mmHg)", "សម្ពាធឈាមស៊ីស្តូលិក (mmHg)", "Systolic",
                   "ស៊ីស្តូលិក", "INTEGER_POSITIVE", form="Upper number, systolic (mmHg)",
                   form_km="សម្ពាធឈាមលើ (mmHg)"),
        tracker_de(DE_DIASTOLIC, "Diastolic blood pressure (mmHg)", "សម្ពាធឈាមឌីយ៉ាស្តូលិក (mmHg)", "Diastolic",
                   "ឌីយ៉ាស្តូលិក", "INTEGER_POSITIVE", form="Lower number, diastolic (mmHg)",
                   form_km="សម្ពាធឈាមក្រោម (mmHg)"),
        tracker_de(DE_BP_RESULT, "Blood pressure result", "លទ្ធផលសម្ពាធឈាម", "BP result", "លទ្ធផលសម្ពាធឈាម",
                   "TEXT", option_set=OS_BP),
        tracker_de(DE_GLUCOSE, "Fasting blood glucose (mmol/L)", "ជាតិស្ករក្នុងឈាមពេលតមអាហារ (mmol/L)",
                   "Fasting glucose", "ជាតិស្ករពេលតមអាហារ", "NUMBER"),
        tracker_de(DE_GL_RESULT, "Fasting glucose result", "លទ្ធផលជាតិស្ករក្នុងឈាម", "Glucose result",
                   "លទ្ធផលជាតិស្ករ", "TEXT", option_set=OS_GLUCOSE),
        tracker_de(DE_SMOKER, "Smokes tobacco", "ជក់បារី", "Smoker", "ជក់បារី", "BOOLEAN"),
        tracker_de(DE_BP_MEDS, "Takes blood pressure medicine", "លេបថ្នាំសម្ពាធឈាម", "BP medicine",
                   "ថ្នាំសម្ពាធឈាម", "BOOLEAN"),
        tracker_de(DE_DM_MEDS, "Takes diabetes medicine", "លេបថ្នាំទឹកនោមផ្អែម", "Diabetes medicine",
                   "ថ្នាំទឹកនោមផ្អែម", "BOOLEAN"),
        tracker_de(DE_MEDS_OK, "Took the medicines as prescribed since the last visit",
                   "បានលេបថ្នាំតាមវេជ្ជបញ្ជាតាំងពីការមកពិនិត្យលើកមុន", "Medicines as prescribed",
                   "លេបថ្នាំតាមវេជ្ជបញ្ជា", "BOOLEAN"),
        tracker_de(DE_REFERRAL, "Referral", "ការបញ្ជូន", "Referral", "ការបញ្ជូន", "TEXT", option_set=OS_REFERRAL),
    ]
    return des


# Aggregate data elements of the VHSG report: (uid, name, Khmer, short, Khmer short, category combo).
AGGREGATE = [
    ("DmDeAgBirth", "Live births this month", "កំណើតរស់ក្នុងខែនេះ", "Live births", "កំណើតរស់", CC_SEX),
    ("DmDeAgDeath", "Deaths this month", "មរណភាពក្នុងខែនេះ", "Deaths", "មរណភាព", CC_SEX_AGE),
    ("DmDeAgU2Liv", "Children under 2 living in the village", "កុមារអាយុក្រោម ២ ឆ្នាំ ដែលរស់នៅក្នុងភូមិ",
     "Children under 2", "កុមារក្រោម ២ ឆ្នាំ", CC_SEX),
    ("DmDeAgU2Vac", "Children under 2 vaccinated this month",
     "កុមារអាយុក្រោម ២ ឆ្នាំ ដែលបានចាក់ថ្នាំបង្ការក្នុងខែនេះ", "Children under 2 vaccinated",
     "កុមារក្រោម ២ ឆ្នាំ បានចាក់ថ្នាំ", CC_SEX),
    ("DmDeAgPregW", "Pregnant women in the village", "ស្ត្រីមានផ្ទៃពោះក្នុងភូមិ", "Pregnant women",
     "ស្ត្រីមានផ្ទៃពោះ", CC_DEFAULT),
    ("DmDeAgAncRf", "Pregnant women referred for antenatal care",
     "ស្ត្រីមានផ្ទៃពោះដែលបានបញ្ជូនទៅពិនិត្យផ្ទៃពោះ", "Referred for antenatal care", "បញ្ជូនពិនិត្យផ្ទៃពោះ",
     CC_DEFAULT),
    ("DmDeAgSickR", "Sick people referred to the health centre", "អ្នកជំងឺដែលបានបញ្ជូនទៅមណ្ឌលសុខភាព",
     "Sick people referred", "អ្នកជំងឺបានបញ្ជូន", CC_SEX_AGE),
    ("DmDeAgNcdRf", "Adults referred for a blood pressure or blood sugar check",
     "មនុស្សពេញវ័យដែលបានបញ្ជូនទៅពិនិត្យសម្ពាធឈាម ឬជាតិស្ករក្នុងឈាម", "Referred for BP or sugar check",
     "បញ្ជូនពិនិត្យសម្ពាធឈាម ឬជាតិស្ករ", CC_SEX),
    ("DmDeAgHhVis", "Households visited", "គ្រួសារដែលបានចុះសួរសុខទុក្ខ", "Households visited",
     "គ្រួសារបានចុះសួរ", CC_DEFAULT),
    ("DmDeAgHeSes", "Health education sessions held", "វគ្គអប់រំសុខភាពដែលបានរៀបចំ", "Health education sessions",
     "វគ្គអប់រំសុខភាព", CC_DEFAULT),
]


def aggregate_data_elements():
    return [named(u, name, k, short=short, short_km=short_km, valueType="INTEGER_ZERO_OR_POSITIVE",
                  domainType="AGGREGATE", aggregationType="SUM", zeroIsSignificant=True, categoryCombo=ref(cc))
            for u, name, k, short, short_km, cc in AGGREGATE]


# ---------------------------------------------------------------------------------------------
# People: attributes and type

TEA_NAME = "DmAtNameKhm"
TEA_LATIN = "DmAtNameLat"
TEA_SEX = "DmAtSex0001"
TEA_DOB = "DmAtDob0001"
TEA_CAREGIVER = "DmAtCaregvr"
TEA_PHONE = "DmAtPhone01"
TEA_VILLAGE = "DmAtVillage"
TEA_NATIONAL_ID = "DmAtNatId01"
TET_PERSON = "DmTePerson1"


def attributes():
    def tea(u, name, k, short, short_km, value_type, **extra):
        return named(u, name, k, short=short, short_km=short_km, valueType=value_type,
                     aggregationType="NONE", **extra)
    return [
        tea(TEA_NAME, "Full name (Khmer script)", "ឈ្មោះពេញ (អក្សរខ្មែរ)", "Name", "ឈ្មោះ", "TEXT", unique=False),
        tea(TEA_LATIN, "Name in Latin letters", "ឈ្មោះជាអក្សរឡាតាំង", "Latin name", "ឈ្មោះឡាតាំង", "TEXT",
            unique=False),
        tea(TEA_SEX, "Sex", "ភេទ", "Sex", "ភេទ", "TEXT", optionSet=ref(OS_SEX)),
        tea(TEA_DOB, "Date of birth", "ថ្ងៃខែឆ្នាំកំណើត", "Date of birth", "ថ្ងៃកំណើត", "DATE"),
        tea(TEA_CAREGIVER, "Mother or caregiver", "ម្តាយ ឬអ្នកថែទាំ", "Caregiver", "អ្នកថែទាំ", "TEXT"),
        tea(TEA_PHONE, "Phone number", "លេខទូរស័ព្ទ", "Phone", "ទូរស័ព្ទ", "PHONE_NUMBER"),
        tea(TEA_VILLAGE, "Village", "ភូមិ", "Village", "ភូមិ", "TEXT", optionSet=ref(OS_VILLAGE)),
        tea(TEA_NATIONAL_ID, "National ID card number", "លេខអត្តសញ្ញាណប័ណ្ណសញ្ជាតិខ្មែរ", "National ID",
            "អត្តសញ្ញាណប័ណ្ណ", "TEXT", unique=True),
    ]


def tracked_entity_types():
    def tet_attr(a, searchable, in_list):
        return {"trackedEntityAttribute": ref(a), "searchable": searchable, "displayInList": in_list,
                "mandatory": False}
    return [named(TET_PERSON, "Person", "បុគ្គល", featureType="NONE", trackedEntityTypeAttributes=[
        tet_attr(TEA_NAME, True, True),
        tet_attr(TEA_LATIN, True, True),
        tet_attr(TEA_PHONE, True, False),
        tet_attr(TEA_NATIONAL_ID, True, False),
    ])]


# ---------------------------------------------------------------------------------------------
# Programs, stages, sections

PR_IMM = "DmPrImmuniz"
PR_NCD = "DmPrNcdHtDm"

# (stage uid, key, English, Khmer, minDaysFromStart, autoGenerateEvent, dose keys)
IMM_STAGES = [
    ("DmStImBirth", "Bir", "Birth: BCG, HepB", "ពេលកើត៖ BCG, HepB", 0, True, ["bcg", "hepb0"]),
    ("DmStIm06Wks", "W06", "6 weeks: Penta 1, bOPV 1, PCV 1", "៦ សប្ដាហ៍៖ Penta ១, bOPV ១, PCV ១", 42, True,
     ["penta1", "opv1", "pcv1"]),
    ("DmStIm10Wks", "W10", "10 weeks: Penta 2, bOPV 2, PCV 2", "១០ សប្ដាហ៍៖ Penta ២, bOPV ២, PCV ២", 70, True,
     ["penta2", "opv2", "pcv2"]),
    ("DmStIm14Wks", "W14", "14 weeks: Penta 3, bOPV 3, PCV 3, IPV", "១៤ សប្ដាហ៍៖ Penta ៣, bOPV ៣, PCV ៣, IPV", 98,
     True, ["penta3", "opv3", "pcv3", "ipv"]),
    ("DmStIm09Mth", "M09", "9 months: MR 1, JE", "៩ ខែ៖ MR ១, JE", 275, True, ["mr1", "je"]),
    ("DmStIm18Mth", "M18", "18 months: MR 2", "១៨ ខែ៖ MR ២", 548, True, ["mr2"]),
    ("DmStImHpv09", "Hpv", "Girls at 9 years: HPV", "កុមារីអាយុ ៩ ឆ្នាំ៖ HPV", 3288, False, ["hpv"]),
]
ST_NCD_SCREEN = "DmStNcdScrn"
ST_NCD_FOLLOW = "DmStNcdFlwU"


def psde(stage_key, n, de, compulsory=False):
    return {"id": uid(f"DmPsde{stage_key}{n:02d}"), "dataElement": ref(de), "compulsory": compulsory,
            "allowProvidedElsewhere": False, "allowFutureDate": False, "sortOrder": n}


def section(id_, name, name_km, order, des):
    return named(id_, name, name_km, sortOrder=order, dataElements=[ref(d) for d in des])


def immunization_stages():
    stages, sections = [], []
    for st, key, name, name_km, min_days, auto, doses in IMM_STAGES:
        dose_des = [DOSES[d][0] for d in doses]
        fields = [DE_FEVER, DE_REACTION, DE_IMM_WEAK] + dose_des + [DE_NOT_GIVEN, DE_CHILD_WEIGHT]
        sec = [
            section(f"DmSs{key}Befr", "Before vaccinating", "មុនពេលចាក់ថ្នាំ", 1, [DE_FEVER, DE_REACTION, DE_IMM_WEAK]),
            section(f"DmSs{key}Vacc", "Vaccines", "វ៉ាក់សាំង", 2, dose_des + [DE_NOT_GIVEN]),
            section(f"DmSs{key}Grow", "Growth", "ការលូតលាស់", 3, [DE_CHILD_WEIGHT]),
        ]
        for s in sec:
            s["programStage"] = ref(st)
        sections += sec
        stage = named(st, name, name_km, program=ref(PR_IMM), sortOrder=len(stages) + 1, repeatable=False,
                      minDaysFromStart=min_days, generatedByEnrollmentDate=False, autoGenerateEvent=auto,
                      openAfterEnrollment=False, hideDueDate=False, allowGenerateNextVisit=False,
                      executionDateLabel="Vaccination date", dueDateLabel="Due date",
                      validationStrategy="ON_COMPLETE", featureType="NONE",
                      programStageDataElements=[psde(key, i, de) for i, de in enumerate(fields, 1)],
                      programStageSections=[ref(s["id"]) for s in sec])
        stage["translations"] += km(EXECUTION_DATE_LABEL="ថ្ងៃចាក់ថ្នាំ", DUE_DATE_LABEL="ថ្ងៃណាត់")
        stages.append(stage)
    return stages, sections


def ncd_stages():
    screen_sections = [
        ("DmSsScrMeas", "Measurements", "ការវាស់", [DE_HEIGHT, DE_WEIGHT, DE_BMI]),
        ("DmSsScrBpr1", "Blood pressure", "សម្ពាធឈាម", [DE_SYSTOLIC, DE_DIASTOLIC, DE_BP_RESULT]),
        ("DmSsScrGluc", "Blood glucose", "ជាតិស្ករក្នុងឈាម", [DE_GLUCOSE, DE_GL_RESULT]),
        ("DmSsScrTrea", "Risks, treatment and referral", "ហានិភ័យ ការព្យាបាល និងការបញ្ជូន",
         [DE_SMOKER, DE_BP_MEDS, DE_DM_MEDS, DE_REFERRAL]),
    ]
    follow_sections = [
        ("DmSsFluBpr1", "Blood pressure", "សម្ពាធឈាម", [DE_SYSTOLIC, DE_DIASTOLIC, DE_BP_RESULT]),
        ("DmSsFluGluc", "Blood glucose", "ជាតិស្ករក្នុងឈាម", [DE_GLUCOSE, DE_GL_RESULT]),
        ("DmSsFluWeig", "Weight", "ទម្ងន់", [DE_WEIGHT, DE_BMI]),
        ("DmSsFluTrea", "Treatment and referral", "ការព្យាបាល និងការបញ្ជូន",
         [DE_MEDS_OK, DE_BP_MEDS, DE_DM_MEDS, DE_SMOKER, DE_REFERRAL]),
    ]
    compulsory = {DE_SYSTOLIC, DE_DIASTOLIC}
    stages, sections = [], []
    for st, key, name, name_km, secs, repeatable, min_days, interval in [
        (ST_NCD_SCREEN, "Scr", "First visit (screening)", "ការពិនិត្យលើកដំបូង (ស្រាវជ្រាវ)", screen_sections, False,
         0, None),
        (ST_NCD_FOLLOW, "Flu", "Follow-up visit", "ការមកពិនិត្យតាមដាន", follow_sections, True, 28, 28),
    ]:
        made = [section(u, n, k, i, des) for i, (u, n, k, des) in enumerate(secs, 1)]
        for s in made:
            s["programStage"] = ref(st)
        sections += made
        fields = [de for *_, des in secs for de in des]
        extra = {}
        if interval:
            extra["standardInterval"] = interval
        stage = named(st, name, name_km, program=ref(PR_NCD), sortOrder=len(stages) + 1, repeatable=repeatable,
                      minDaysFromStart=min_days, generatedByEnrollmentDate=True, autoGenerateEvent=True,
                      openAfterEnrollment=False, hideDueDate=False, allowGenerateNextVisit=repeatable,
                      executionDateLabel="Visit date", dueDateLabel="Due date", validationStrategy="ON_COMPLETE",
                      featureType="NONE", **extra,
                      programStageDataElements=[psde(key, i, de, de in compulsory) for i, de in enumerate(fields, 1)],
                      programStageSections=[ref(s["id"]) for s in made])
        stage["translations"] += km(EXECUTION_DATE_LABEL="ថ្ងៃមកពិនិត្យ", DUE_DATE_LABEL="ថ្ងៃណាត់")
        stages.append(stage)
    return stages, sections


def program_attr(a, mandatory, in_list, searchable, order):
    return {"trackedEntityAttribute": ref(a), "mandatory": mandatory, "displayInList": in_list,
            "searchable": searchable, "allowFutureDate": False, "sortOrder": order}


def programs(imm_stages, ncd_stages_, variables, imm_sections, ncd_sections):
    imm = named(PR_IMM, "Child immunization", "ការចាក់ថ្នាំបង្ការកុមារ", short="Immunization",
                short_km="ថ្នាំបង្ការកុមារ", programType="WITH_REGISTRATION", trackedEntityType=ref(TET_PERSON),
                categoryCombo=ref(CC_DEFAULT), accessLevel="PROTECTED", onlyEnrollOnce=True,
                displayIncidentDate=True, incidentDateLabel="Date of birth", enrollmentDateLabel="Registration date",
                selectEnrollmentDatesInFuture=False, selectIncidentDatesInFuture=False, ignoreOverdueEvents=False,
                expiryDays=0, featureType="NONE",
                programTrackedEntityAttributes=[
                    program_attr(TEA_NAME, True, True, True, 1),
                    program_attr(TEA_LATIN, False, False, True, 2),
                    program_attr(TEA_SEX, True, False, False, 3),
                    program_attr(TEA_DOB, False, True, False, 4),
                    program_attr(TEA_CAREGIVER, True, True, False, 5),
                    program_attr(TEA_PHONE, False, False, True, 6),
                    program_attr(TEA_VILLAGE, True, True, False, 7),
                ],
                programSections=[ref(s["id"]) for s in imm_sections],
                programStages=[ref(s["id"]) for s in imm_stages],
                programRuleVariables=[ref(v["id"]) for v in variables if v["program"]["id"] == PR_IMM])
    imm["translations"] += km(INCIDENT_DATE_LABEL="ថ្ងៃខែឆ្នាំកំណើត", ENROLLMENT_DATE_LABEL="ថ្ងៃចុះឈ្មោះ")
    ncd = named(PR_NCD, "Hypertension and diabetes", "ជំងឺលើសសម្ពាធឈាម និងទឹកនោមផ្អែម", short="NCD",
                short_km="ជំងឺមិនឆ្លង", programType="WITH_REGISTRATION", trackedEntityType=ref(TET_PERSON),
                categoryCombo=ref(CC_DEFAULT), accessLevel="PROTECTED", onlyEnrollOnce=True,
                displayIncidentDate=False, enrollmentDateLabel="Registration date",
                selectEnrollmentDatesInFuture=False, selectIncidentDatesInFuture=False, ignoreOverdueEvents=False,
                expiryDays=0, featureType="NONE",
                programTrackedEntityAttributes=[
                    program_attr(TEA_NAME, True, True, True, 1),
                    program_attr(TEA_LATIN, False, False, True, 2),
                    program_attr(TEA_SEX, True, False, False, 3),
                    program_attr(TEA_DOB, True, False, False, 4),
                    program_attr(TEA_NATIONAL_ID, False, False, True, 5),
                    program_attr(TEA_PHONE, False, True, True, 6),
                    program_attr(TEA_VILLAGE, True, True, False, 7),
                ],
                programSections=[ref(s["id"]) for s in ncd_sections],
                programStages=[ref(s["id"]) for s in ncd_stages_],
                programRuleVariables=[ref(v["id"]) for v in variables if v["program"]["id"] == PR_NCD])
    ncd["translations"] += km(ENROLLMENT_DATE_LABEL="ថ្ងៃចុះឈ្មោះ")
    return [imm, ncd]


def program_sections():
    def psec(u, program, name, k, order, attrs):
        return named(u, name, k, program=ref(program), sortOrder=order,
                     trackedEntityAttributes=[ref(a) for a in attrs])
    imm = [
        psec("DmPsImChild", PR_IMM, "Child", "កុមារ", 1, [TEA_NAME, TEA_LATIN, TEA_SEX, TEA_DOB]),
        psec("DmPsImFamly", PR_IMM, "Family", "គ្រួសារ", 2, [TEA_CAREGIVER, TEA_PHONE, TEA_VILLAGE]),
    ]
    ncd = [
        psec("DmPsNcIdent", PR_NCD, "Identity", "អត្តសញ្ញាណ", 1, [TEA_NAME, TEA_LATIN, TEA_SEX, TEA_DOB, TEA_NATIONAL_ID]),
        psec("DmPsNcCntct", PR_NCD, "Contact", "ទំនាក់ទំនង", 2, [TEA_PHONE, TEA_VILLAGE]),
    ]
    return imm, ncd


# ---------------------------------------------------------------------------------------------
# Program rule variables

def variable(u, program, name, source, de=None, tea=None, codes=False):
    # A variable's name is the identifier rules use (#{name}), not a label: it is not translated.
    v = {"id": uid(u), "name": name, "program": ref(program), "programRuleVariableSourceType": source,
         "useCodeForOptionSet": codes}
    if de:
        v["dataElement"] = ref(de)
    if tea:
        v["trackedEntityAttribute"] = ref(tea)
    return v


def rule_variables():
    out = [variable("DmRvImSex01", PR_IMM, "sex", "TEI_ATTRIBUTE", tea=TEA_SEX, codes=True)]
    for key, (de, *_rest) in DOSES.items():
        out.append(variable("DmRv" + de[4:], PR_IMM, key, "DATAELEMENT_CURRENT_EVENT", de=de))
    for key, u in [("penta1", "DmRvErPent1"), ("penta2", "DmRvErPent2"), ("opv1", "DmRvErBopv1"),
                   ("opv2", "DmRvErBopv2"), ("pcv1", "DmRvErPcv01"), ("pcv2", "DmRvErPcv02"), ("mr1", "DmRvErMr001")]:
        out.append(variable(u, PR_IMM, f"{key}_earlier", "DATAELEMENT_NEWEST_EVENT_PROGRAM", de=DOSES[key][0]))
    out += [
        variable("DmRvImFever", PR_IMM, "fever", "DATAELEMENT_CURRENT_EVENT", de=DE_FEVER),
        variable("DmRvImReact", PR_IMM, "reaction", "DATAELEMENT_CURRENT_EVENT", de=DE_REACTION),
        variable("DmRvImWeakI", PR_IMM, "weak_immunity", "DATAELEMENT_CURRENT_EVENT", de=DE_IMM_WEAK),
        variable("DmRvImWeigh", PR_IMM, "child_weight", "DATAELEMENT_CURRENT_EVENT", de=DE_CHILD_WEIGHT),
        variable("DmRvNcHeigh", PR_NCD, "height", "DATAELEMENT_NEWEST_EVENT_PROGRAM", de=DE_HEIGHT),
        variable("DmRvNcWeigh", PR_NCD, "weight", "DATAELEMENT_CURRENT_EVENT", de=DE_WEIGHT),
        variable("DmRvNcBmi01", PR_NCD, "bmi", "DATAELEMENT_CURRENT_EVENT", de=DE_BMI),
        variable("DmRvNcSysto", PR_NCD, "systolic", "DATAELEMENT_CURRENT_EVENT", de=DE_SYSTOLIC),
        variable("DmRvNcDiast", PR_NCD, "diastolic", "DATAELEMENT_CURRENT_EVENT", de=DE_DIASTOLIC),
        variable("DmRvNcBpRes", PR_NCD, "bp_result", "DATAELEMENT_CURRENT_EVENT", de=DE_BP_RESULT, codes=True),
        variable("DmRvNcBpPrv", PR_NCD, "bp_result_before", "DATAELEMENT_PREVIOUS_EVENT", de=DE_BP_RESULT,
                 codes=True),
        variable("DmRvNcGluco", PR_NCD, "glucose", "DATAELEMENT_CURRENT_EVENT", de=DE_GLUCOSE),
        variable("DmRvNcMedOk", PR_NCD, "meds_as_prescribed", "DATAELEMENT_CURRENT_EVENT", de=DE_MEDS_OK),
        variable("DmRvNcSmoke", PR_NCD, "smoker", "DATAELEMENT_CURRENT_EVENT", de=DE_SMOKER),
        variable("DmRvNcDob01", PR_NCD, "dob", "TEI_ATTRIBUTE", tea=TEA_DOB),
    ]
    return out


# ---------------------------------------------------------------------------------------------
# Program rules and actions

RULES, ACTIONS = [], []


def rule(key, program, name, name_km, condition, actions, stage=None, priority=None):
    """A rule `DmRu<key>` (key: 7 characters) with actions `DmA<key><n>`: (type, target or None, content en, content km,
    data, extra fields)."""
    assert len(key) == 7, key
    ru = named(f"DmRu{key}", name, name_km, program=ref(program), condition=condition)
    if stage:
        ru["programStage"] = ref(stage)
    if priority is not None:
        ru["priority"] = priority
    ru["programRuleActions"] = []
    for n, (kind, target, content, content_km, data, extra) in enumerate(actions, 1):
        a = {"id": uid(f"DmA{key}{n}"), "programRule": ref(ru["id"]), "programRuleActionType": kind}
        if target:
            field = "trackedEntityAttribute" if target.startswith("DmAt") else "dataElement"
            a[field] = ref(target)
        if content:
            a["content"] = content
        if data:
            a["data"] = data
        a.update(extra)
        if content_km:
            a["translations"] = km(CONTENT=content_km)
        ru["programRuleActions"].append(ref(a["id"]))
        ACTIONS.append(a)
    RULES.append(ru)


def warn(target, en, k, data=None):
    return ("SHOWWARNING", target, en, k, data, {})


def error(target, en, k, data=None):
    return ("SHOWERROR", target, en, k, data, {})


def assign(target, data):
    return ("ASSIGN", target, None, None, data, {})


def text(en, k, data=None):
    return ("DISPLAYTEXT", None, en, k, data, {"location": "feedback"})


AGE_DAYS = "d2:daysBetween(V{incident_date}, V{event_date})"
AGE_MONTHS = "d2:monthsBetween(V{incident_date}, V{event_date})"
AGE_YEARS = "d2:yearsBetween(V{incident_date}, V{event_date})"
STAGE = {key: st for st, key, *_ in IMM_STAGES}


def immunization_rules():
    rule("ImDobIn", PR_IMM, "Date of birth is the incident date", "ថ្ងៃខែឆ្នាំកំណើតគឺជាថ្ងៃកើត",
         "d2:hasValue(V{incident_date})", [assign(TEA_DOB, "V{incident_date}")])
    rule("ImHpvSt", PR_IMM, "No HPV stage for boys", "គ្មានដំណាក់កាល HPV សម្រាប់ក្មេងប្រុស", "#{sex} == 'M'",
         [("HIDEPROGRAMSTAGE", None, None, None, None, {"programStage": ref(STAGE["Hpv"])})])
    # Age at the visit, in the unit a health worker uses at that age.
    for key, name, name_km, cond, data, en, k in [
        ("ImAgeWk", "Age in weeks", "អាយុគិតជាសប្ដាហ៍", f"{AGE_DAYS} < 182",
         "d2:weeksBetween(V{incident_date}, V{event_date})", "Age at this visit, in weeks:",
         "អាយុនៅថ្ងៃចាក់ថ្នាំ (គិតជាសប្ដាហ៍)៖"),
        ("ImAgeMo", "Age in months", "អាយុគិតជាខែ", f"{AGE_DAYS} >= 182 && {AGE_DAYS} < 1826", AGE_MONTHS,
         "Age at this visit, in months:", "អាយុនៅថ្ងៃចាក់ថ្នាំ (គិតជាខែ)៖"),
        ("ImAgeYr", "Age in years", "អាយុគិតជាឆ្នាំ", f"{AGE_DAYS} >= 1826", AGE_YEARS,
         "Age at this visit, in years:", "អាយុនៅថ្ងៃចាក់ថ្នាំ (គិតជាឆ្នាំ)៖"),
    ]:
        rule(key, PR_IMM, name, name_km, f"d2:hasValue(V{{event_date}}) && {cond}", [text(en, k, data)])
    # Contraindications and precautions.
    rule("ImFever", PR_IMM, "Fever or severe illness", "ក្តៅខ្លួន ឬឈឺធ្ងន់", "#{fever}", [warn(
        DE_FEVER,
        "Wait: vaccinate when the child is well, and refer a very sick child to the health centre now. "
        "A mild cold, or diarrhoea without fever, is no reason to wait.",
        "សូមរង់ចាំ៖ ចាក់ថ្នាំនៅពេលកុមារជាសះស្បើយ ហើយបញ្ជូនកុមារដែលឈឺធ្ងន់ទៅមណ្ឌលសុខភាពភ្លាម។ "
        "ផ្តាសាយស្រាល ឬរាគដោយគ្មានក្តៅខ្លួន មិនមែនជាហេតុដែលត្រូវរង់ចាំទេ។")])
    rule("ImReact", PR_IMM, "Severe reaction to an earlier dose", "ប្រតិកម្មធ្ងន់ធ្ងរចំពោះដូសមុន", "#{reaction}",
         [warn(DE_REACTION,
               "Do not give the vaccine that caused the reaction again. Ask the health centre doctor which doses "
               "can be given.",
               "កុំចាក់វ៉ាក់សាំងដែលបង្កប្រតិកម្មនោះម្តងទៀត។ សូមសួរគ្រូពេទ្យនៅមណ្ឌលសុខភាព "
               "ថាតើដូសណាខ្លះអាចចាក់បាន។")])
    rule("ImWeakI", PR_IMM, "Weakened immune system and live vaccines",
         "ប្រព័ន្ធការពាររាងកាយខ្សោយ និងវ៉ាក់សាំងរស់", "#{weak_immunity}",
         [warn(DE_IMM_WEAK,
               "BCG, bOPV, MR and JE are live vaccines: ask the health centre doctor before giving them.",
               "BCG, bOPV, MR និង JE ជាវ៉ាក់សាំងរស់៖ សូមសួរគ្រូពេទ្យនៅមណ្ឌលសុខភាពមុនពេលផ្តល់។")])
    rule("ImWeigh", PR_IMM, "Child's weight out of range", "ទម្ងន់កុមារមិនសមហេតុផល",
         "d2:hasValue(#{child_weight}) && (#{child_weight} < 0.5 || #{child_weight} > 60)",
         [error(DE_CHILD_WEIGHT, "Check the weight: a child weighs between 0.5 and 60 kg.",
                "សូមពិនិត្យទម្ងន់ឡើងវិញ៖ ទម្ងន់កុមារគួរនៅចន្លោះ ០,៥ ដល់ ៦០ គ.ក។")])
    # Birth doses given late.
    rule("ImHepBL", PR_IMM, "HepB birth dose after 24 hours", "HepB ពេលកើតក្រោយ ២៤ ម៉ោង",
         f"#{{hepb0}} && {AGE_DAYS} > 1",
         [warn(DOSES["hepb0"][0], "The HepB birth dose is due within 24 hours of birth. Days since birth:",
               "ដូស HepB ពេលកើត ត្រូវចាក់ក្នុងរយៈពេល ២៤ ម៉ោងក្រោយកំណើត។ ចំនួនថ្ងៃក្រោយកំណើត៖", AGE_DAYS)],
         stage=STAGE["Bir"])
    rule("ImBcgLt", PR_IMM, "BCG after the first birthday", "BCG ក្រោយខួបកំណើតទី ១", f"#{{bcg}} && {AGE_YEARS} >= 1",
         [warn(DOSES["bcg"][0], "BCG after the first birthday: ask the health centre before giving it.",
               "BCG ក្រោយខួបកំណើតទី ១៖ សូមសួរមណ្ឌលសុខភាពមុនពេលចាក់។")], stage=STAGE["Bir"])
    # Minimum ages (errors: the dose cannot be recorded as given).
    for key, dose, stage, cond, en_age, km_age in [
        ("ImYngP1", "penta1", "W06", f"{AGE_DAYS} < 42", "6 weeks", "៦ សប្ដាហ៍"),
        ("ImYngO1", "opv1", "W06", f"{AGE_DAYS} < 42", "6 weeks", "៦ សប្ដាហ៍"),
        ("ImYngC1", "pcv1", "W06", f"{AGE_DAYS} < 42", "6 weeks", "៦ សប្ដាហ៍"),
        ("ImYngIp", "ipv", "W14", f"{AGE_DAYS} < 98", "14 weeks", "១៤ សប្ដាហ៍"),
        ("ImYngM1", "mr1", "M09", f"{AGE_MONTHS} < 9", "9 months", "៩ ខែ"),
        ("ImYngJe", "je", "M09", f"{AGE_MONTHS} < 9", "9 months", "៩ ខែ"),
        ("ImYngM2", "mr2", "M18", f"{AGE_MONTHS} < 15", "15 months", "១៥ ខែ"),
        ("ImYngHp", "hpv", "Hpv", f"{AGE_YEARS} < 9", "9 years", "៩ ឆ្នាំ"),
    ]:
        de, short, short_km, verb, *_ = DOSES[dose]
        rule(key, PR_IMM, f"{short} before {en_age}", f"{short_km} មុនអាយុ {km_age}", f"#{{{dose}}} && {cond}",
             [error(de, f"Too early: {short} is given from {en_age} of age.",
                    f"លឿនពេក៖ {short_km} ត្រូវ{verb}ចាប់ពីអាយុ {km_age}។")], stage=STAGE[stage])
    rule("ImHpvBo", PR_IMM, "HPV for a boy", "HPV សម្រាប់ក្មេងប្រុស", "#{hpv} && #{sex} == 'M'",
         [error(DOSES["hpv"][0], "HPV vaccine is given to girls.", "វ៉ាក់សាំង HPV ចាក់សម្រាប់តែកុមារី។")],
         stage=STAGE["Hpv"])
    # Series: at least 4 weeks after the previous dose, and the previous dose recorded.
    for dose, previous, stage, key in [
        ("penta2", "penta1", "W10", "P2"), ("penta3", "penta2", "W14", "P3"),
        ("opv2", "opv1", "W10", "O2"), ("opv3", "opv2", "W14", "O3"),
        ("pcv2", "pcv1", "W10", "C2"), ("pcv3", "pcv2", "W14", "C3"),
        ("mr2", "mr1", "M18", "M2"),
    ]:
        de, short, short_km, verb, *_ = DOSES[dose]
        _, prev_short, prev_short_km, *_ = DOSES[previous]
        since = f"d2:daysBetween(d2:lastEventDate('{previous}_earlier'), V{{event_date}})"
        rule(f"ImGap{key}", PR_IMM, f"{short} less than 4 weeks after {prev_short}",
             f"{short_km} តិចជាង ៤ សប្ដាហ៍ក្រោយ {prev_short_km}",
             f"#{{{dose}}} && #{{{previous}_earlier}} && {since} < 28",
             [error(de, f"Too soon after {prev_short}: leave at least 4 weeks between doses. Days since {prev_short}:",
                    f"ជិតពេកពី {prev_short_km}៖ ដូសនីមួយៗត្រូវឃ្លាតគ្នាយ៉ាងតិច ៤ សប្ដាហ៍។ "
                    f"ចំនួនថ្ងៃតាំងពី {prev_short_km}៖", since)], stage=STAGE[stage])
        rule(f"ImMis{key}", PR_IMM, f"{short} without {prev_short}", f"{short_km} ដោយគ្មាន {prev_short_km}",
             f"#{{{dose}}} && !#{{{previous}_earlier}}",
             [warn(de, f"{prev_short} is not recorded as given: check the child's card. If it was never given, "
                       f"give {prev_short} today and {short} 4 weeks later.",
                   f"មិនមានកំណត់ត្រាថាបាន{verb} {prev_short_km}៖ សូមពិនិត្យប័ណ្ណកុមារ។ "
                   f"បើមិនធ្លាប់{verb}ទេ សូម{verb} {prev_short_km} ថ្ងៃនេះ ហើយ {short_km} ៤ សប្ដាហ៍ក្រោយ។")],
             stage=STAGE[stage])
    # Contacts reached late (4 weeks or more after their due age).
    for key, stage, first_dose, cond, en_due, km_due, age, en_unit, km_unit in [
        ("ImLtW06", "W06", "penta1", f"{AGE_DAYS} > 70", "6 weeks", "៦ សប្ដាហ៍",
         "d2:weeksBetween(V{incident_date}, V{event_date})", "weeks", "សប្ដាហ៍"),
        ("ImLtW10", "W10", "penta2", f"{AGE_DAYS} > 98", "10 weeks", "១០ សប្ដាហ៍",
         "d2:weeksBetween(V{incident_date}, V{event_date})", "weeks", "សប្ដាហ៍"),
        ("ImLtW14", "W14", "penta3", f"{AGE_DAYS} > 126", "14 weeks", "១៤ សប្ដាហ៍",
         "d2:weeksBetween(V{incident_date}, V{event_date})", "weeks", "សប្ដាហ៍"),
        ("ImLtM09", "M09", "mr1", f"{AGE_MONTHS} >= 12", "9 months", "៩ ខែ", AGE_MONTHS, "months", "ខែ"),
        ("ImLtM18", "M18", "mr2", f"{AGE_MONTHS} >= 24", "18 months", "១៨ ខែ", AGE_MONTHS, "months", "ខែ"),
    ]:
        rule(key, PR_IMM, f"{en_due} contact reached late", f"ការណាត់ {km_due} យឺត",
             f"d2:hasValue(V{{event_date}}) && {cond}",
             [warn(DOSES[first_dose][0],
                   f"Late: these doses were due at {en_due}. Give them today and book the next contact. "
                   f"Age in {en_unit}:",
                   f"យឺត៖ ដូសទាំងនេះត្រូវចាក់នៅអាយុ {km_due}។ សូមចាក់ថ្ងៃនេះ ហើយណាត់ពេលបន្ទាប់។ "
                   f"អាយុ ({km_unit})៖", age)], stage=STAGE[stage])


BOTH_BP = "d2:hasValue(#{systolic}) && d2:hasValue(#{diastolic})"
REFER_NOW = [("SETMANDATORYFIELD", DE_REFERRAL, None, None, None, {}),
             ("HIDEOPTION", DE_REFERRAL, None, None, None, {"option": ref("DmOpRfNone1")})]


def ncd_rules():
    rule("NcBmiAs", PR_NCD, "BMI from weight and height", "BMI ពីទម្ងន់ និងកម្ពស់",
         "d2:hasValue(#{weight}) && d2:hasValue(#{height}) && #{height} > 0",
         [assign(DE_BMI, "d2:round((#{weight} * 10000) / (#{height} * #{height}), 1)")], priority=1)
    for key, name, name_km, cond, en, k in [
        ("NcBmiOb", "Obese", "ធាត់ខ្លាំង", "#{bmi} >= 30", "Obese: BMI 30 or more. Advise on diet and activity.",
         "ធាត់ខ្លាំង៖ BMI ៣០ ឬលើស។ សូមផ្តល់ដំបូន្មានអំពីរបបអាហារ និងការហាត់ប្រាណ។"),
        ("NcBmiOv", "Overweight", "លើសទម្ងន់", "#{bmi} >= 25 && #{bmi} < 30",
         "Overweight: BMI 25 to 29.9. Advise on diet and activity.",
         "លើសទម្ងន់៖ BMI ២៥ ដល់ ២៩,៩។ សូមផ្តល់ដំបូន្មានអំពីរបបអាហារ និងការហាត់ប្រាណ។"),
        ("NcBmiUn", "Underweight", "ស្គមពេក", "#{bmi} < 18.5",
         "Underweight: BMI below 18.5. Ask about eating and weight loss.",
         "ស្គមពេក៖ BMI ក្រោម ១៨,៥។ សូមសួរអំពីការហូបចុក និងការស្រកទម្ងន់។"),
    ]:
        rule(key, PR_NCD, name, name_km, f"d2:hasValue(#{{bmi}}) && {cond}", [text(en, k)], priority=2)
    rule("NcSysRg", PR_NCD, "Systolic out of range", "សម្ពាធឈាមលើមិនសមហេតុផល",
         "d2:hasValue(#{systolic}) && (#{systolic} < 60 || #{systolic} > 260)",
         [error(DE_SYSTOLIC, "Check the reading: the upper number is expected between 60 and 260 mmHg.",
                "សូមពិនិត្យលទ្ធផលឡើងវិញ៖ សម្ពាធឈាមលើគួរនៅចន្លោះ ៦០ ដល់ ២៦០ mmHg។")])
    rule("NcDiaRg", PR_NCD, "Diastolic out of range", "សម្ពាធឈាមក្រោមមិនសមហេតុផល",
         "d2:hasValue(#{diastolic}) && (#{diastolic} < 40 || #{diastolic} > 160)",
         [error(DE_DIASTOLIC, "Check the reading: the lower number is expected between 40 and 160 mmHg.",
                "សូមពិនិត្យលទ្ធផលឡើងវិញ៖ សម្ពាធឈាមក្រោមគួរនៅចន្លោះ ៤០ ដល់ ១៦០ mmHg។")])
    rule("NcBpOrd", PR_NCD, "Lower number not below the upper", "សម្ពាធឈាមក្រោមមិនទាបជាងលើ",
         f"{BOTH_BP} && #{{diastolic}} >= #{{systolic}}",
         [error(DE_DIASTOLIC, "The lower number must be below the upper number: measure again.",
                "សម្ពាធឈាមក្រោមត្រូវតែទាបជាងសម្ពាធឈាមលើ៖ សូមវាស់ម្តងទៀត។")])
    rule("NcBpNor", PR_NCD, "Blood pressure below 140/90", "សម្ពាធឈាមក្រោម ១៤០/៩០",
         f"{BOTH_BP} && #{{systolic}} < 140 && #{{diastolic}} < 90", [assign(DE_BP_RESULT, "'NORMAL'")], priority=10)
    rule("NcBpRai", PR_NCD, "Blood pressure 140/90 or more", "សម្ពាធឈាម ១៤០/៩០ ឬលើស",
         f"{BOTH_BP} && (#{{systolic}} >= 140 || #{{diastolic}} >= 90) && #{{systolic}} < 180 && #{{diastolic}} < 110",
         [assign(DE_BP_RESULT, "'RAISED'"),
          warn(DE_SYSTOLIC, "Raised blood pressure (140/90 or more). Let the person rest for 5 minutes, measure "
                            "again and record the second reading.",
               "សម្ពាធឈាមខ្ពស់ (១៤០/៩០ ឬលើស)។ សូមឲ្យអ្នកជំងឺសម្រាក ៥ នាទី រួចវាស់ម្តងទៀត "
               "ហើយកត់ត្រាលទ្ធផលលើកទីពីរ។")], priority=10)
    rule("NcBpVHi", PR_NCD, "Blood pressure 180/110 or more", "សម្ពាធឈាម ១៨០/១១០ ឬលើស",
         f"{BOTH_BP} && (#{{systolic}} >= 180 || #{{diastolic}} >= 110)",
         [assign(DE_BP_RESULT, "'VERY_HIGH'"),
          warn(DE_SYSTOLIC, "Very high blood pressure (180/110 or more): refer to the referral hospital today.",
               "សម្ពាធឈាមខ្ពស់ខ្លាំង (១៨០/១១០ ឬលើស)៖ សូមបញ្ជូនទៅមន្ទីរពេទ្យបង្អែកនៅថ្ងៃនេះ។")] + REFER_NOW,
         priority=10)
    rule("NcGlRng", PR_NCD, "Fasting glucose out of range", "ជាតិស្ករពេលតមអាហារមិនសមហេតុផល",
         "d2:hasValue(#{glucose}) && (#{glucose} < 1 || #{glucose} > 35)",
         [error(DE_GLUCOSE, "Check the reading: fasting glucose is expected between 1 and 35 mmol/L. A reading in "
                            "mg/dL is 18 times larger: divide it by 18.",
                "សូមពិនិត្យលទ្ធផលឡើងវិញ៖ ជាតិស្ករពេលតមអាហារគួរនៅចន្លោះ ១ ដល់ ៣៥ mmol/L។ "
                "លទ្ធផលជា mg/dL ធំជាង ១៨ ដង៖ សូមចែកនឹង ១៨។")])
    rule("NcGlNor", PR_NCD, "Fasting glucose below 6.1", "ជាតិស្ករពេលតមអាហារក្រោម ៦,១",
         "d2:hasValue(#{glucose}) && #{glucose} < 6.1", [assign(DE_GL_RESULT, "'NORMAL'")], priority=10)
    rule("NcGlRai", PR_NCD, "Fasting glucose 6.1 to 6.9", "ជាតិស្ករពេលតមអាហារ ៦,១ ដល់ ៦,៩",
         "d2:hasValue(#{glucose}) && #{glucose} >= 6.1 && #{glucose} < 7",
         [assign(DE_GL_RESULT, "'RAISED'"),
          warn(DE_GLUCOSE, "Raised fasting glucose (6.1 to 6.9 mmol/L): advise on diet and activity, and measure "
                           "again at the next visit.",
               "ជាតិស្ករពេលតមអាហារខ្ពស់ (៦,១ ដល់ ៦,៩ mmol/L)៖ សូមផ្តល់ដំបូន្មានអំពីរបបអាហារ "
               "និងការហាត់ប្រាណ ហើយវាស់ម្តងទៀតនៅពេលមកពិនិត្យលើកក្រោយ។")], priority=10)
    rule("NcGlDia", PR_NCD, "Fasting glucose 7.0 or more", "ជាតិស្ករពេលតមអាហារ ៧,០ ឬលើស",
         "d2:hasValue(#{glucose}) && #{glucose} >= 7 && #{glucose} < 18",
         [assign(DE_GL_RESULT, "'DIABETES'"),
          warn(DE_GLUCOSE, "Fasting glucose 7.0 mmol/L or more (diabetes range). If not yet treated, refer to the "
                           "health centre doctor.",
               "ជាតិស្ករពេលតមអាហារ ៧,០ mmol/L ឬលើស (កម្រិតទឹកនោមផ្អែម)។ "
               "បើមិនទាន់បានព្យាបាលទេ សូមបញ្ជូនទៅគ្រូពេទ្យនៅមណ្ឌលសុខភាព។")], priority=10)
    rule("NcGlVHi", PR_NCD, "Fasting glucose 18 or more", "ជាតិស្ករពេលតមអាហារ ១៨ ឬលើស",
         "d2:hasValue(#{glucose}) && #{glucose} >= 18",
         [assign(DE_GL_RESULT, "'DIABETES'"),
          warn(DE_GLUCOSE, "Very high blood glucose (18 mmol/L or more): refer to the referral hospital today.",
               "ជាតិស្ករក្នុងឈាមខ្ពស់ខ្លាំង (១៨ mmol/L ឬលើស)៖ សូមបញ្ជូនទៅមន្ទីរពេទ្យបង្អែកនៅថ្ងៃនេះ។")]
         + REFER_NOW, priority=10)
    rule("NcNotCt", PR_NCD, "Blood pressure raised at two visits in a row", "សម្ពាធឈាមខ្ពស់ពីរដងជាប់គ្នា",
         "d2:hasValue(#{bp_result}) && #{bp_result} != 'NORMAL' && d2:hasValue(#{bp_result_before}) "
         "&& #{bp_result_before} != 'NORMAL'",
         [warn(DE_BP_RESULT, "Raised at two visits in a row: refer to the health centre doctor to review the "
                             "medicines.",
               "សម្ពាធឈាមខ្ពស់ពីរដងជាប់គ្នា៖ សូមបញ្ជូនទៅគ្រូពេទ្យនៅមណ្ឌលសុខភាព ដើម្បីពិនិត្យថ្នាំឡើងវិញ។")],
         stage=ST_NCD_FOLLOW, priority=20)
    rule("NcMedsM", PR_NCD, "Medicines not taken as prescribed", "មិនបានលេបថ្នាំតាមវេជ្ជបញ្ជា",
         "d2:hasValue(#{meds_as_prescribed}) && !#{meds_as_prescribed}",
         [warn(DE_MEDS_OK, "Ask why (cost, side effects, forgetting) and explain why the medicines matter.",
               "សូមសួរមូលហេតុ (តម្លៃ ផលរំខាន ឬការភ្លេច) ហើយពន្យល់ពីសារៈសំខាន់របស់ថ្នាំ។")],
         stage=ST_NCD_FOLLOW)
    rule("NcSmoke", PR_NCD, "Smoker", "អ្នកជក់បារី", "#{smoker}",
         [text("Advise to stop smoking: it raises the risk of heart attack and stroke.",
               "សូមណែនាំឲ្យឈប់ជក់បារី៖ វាបង្កើនហានិភ័យនៃការគាំងបេះដូង និងដាច់សរសៃឈាមខួរក្បាល។")])
    rule("NcNextV", PR_NCD, "Next follow-up visit", "ការមកពិនិត្យតាមដានលើកក្រោយ", "d2:hasValue(V{event_date})",
         [text("Next follow-up visit, 4 weeks after this one:", "ការមកពិនិត្យតាមដានលើកក្រោយ (៤ សប្ដាហ៍ក្រោយ)៖",
               "d2:addDays(V{event_date}, 28)")])
    rule("NcAdult", PR_NCD, "Adults only", "សម្រាប់តែមនុស្សពេញវ័យ",
         "d2:hasValue(#{dob}) && d2:yearsBetween(#{dob}, V{current_date}) < 18",
         [warn(TEA_DOB, "This program is for adults aged 18 and over.",
               "កម្មវិធីនេះសម្រាប់មនុស្សពេញវ័យអាយុ ១៨ ឆ្នាំឡើងទៅ។")])
    rule("NcOldAg", PR_NCD, "Implausible date of birth", "ថ្ងៃខែឆ្នាំកំណើតមិនសមហេតុផល",
         "d2:hasValue(#{dob}) && d2:yearsBetween(#{dob}, V{current_date}) > 110",
         [error(TEA_DOB, "Check the date of birth: the age is over 110 years.",
                "សូមពិនិត្យថ្ងៃខែឆ្នាំកំណើតឡើងវិញ៖ អាយុលើស ១១០ ឆ្នាំ។")])
    rule("NcWtRng", PR_NCD, "Adult weight out of range", "ទម្ងន់មិនសមហេតុផល",
         "d2:hasValue(#{weight}) && (#{weight} < 20 || #{weight} > 250)",
         [error(DE_WEIGHT, "Check the weight: an adult weighs between 20 and 250 kg.",
                "សូមពិនិត្យទម្ងន់ឡើងវិញ៖ ទម្ងន់មនុស្សពេញវ័យគួរនៅចន្លោះ ២០ ដល់ ២៥០ គ.ក។")])
    rule("NcHtRng", PR_NCD, "Height out of range", "កម្ពស់មិនសមហេតុផល",
         "d2:hasValue(#{height}) && (#{height} < 100 || #{height} > 220)",
         [error(DE_HEIGHT, "Check the height: an adult is between 100 and 220 cm tall.",
                "សូមពិនិត្យកម្ពស់ឡើងវិញ៖ កម្ពស់មនុស្សពេញវ័យគួរនៅចន្លោះ ១០០ ដល់ ២២០ ស.ម។")])


# ---------------------------------------------------------------------------------------------
# The VHSG monthly report

DS_VHSG = "DmDsVhsgMon"


def data_set():
    ds_sections = [
        ("DmDsSecBrth", "Births and deaths", "កំណើត និងមរណភាព", ["DmDeAgBirth", "DmDeAgDeath"]),
        ("DmDsSecChld", "Children and immunization", "កុមារ និងការចាក់ថ្នាំបង្ការ", ["DmDeAgU2Liv", "DmDeAgU2Vac"]),
        ("DmDsSecPreg", "Pregnant women", "ស្ត្រីមានផ្ទៃពោះ", ["DmDeAgPregW", "DmDeAgAncRf"]),
        ("DmDsSecRefr", "Referrals and home visits", "ការបញ្ជូន និងការចុះសួរសុខទុក្ខ",
         ["DmDeAgSickR", "DmDeAgNcdRf", "DmDeAgHhVis", "DmDeAgHeSes"]),
    ]
    sections = [named(u, n, k, dataSet=ref(DS_VHSG), sortOrder=i, showRowTotals=True, showColumnTotals=False,
                      dataElements=[ref(d) for d in des]) for i, (u, n, k, des) in enumerate(ds_sections, 1)]
    ds = named(DS_VHSG, "VHSG monthly village report", "របាយការណ៍ប្រចាំខែរបស់ក្រុមទ្រទ្រង់សុខភាពភូមិ",
               short="VHSG monthly report", short_km="របាយការណ៍ប្រចាំខែ VHSG", periodType="Monthly",
               categoryCombo=ref(CC_DEFAULT), openFuturePeriods=0, expiryDays=0, timelyDays=15,
               validCompleteOnly=False, noValueRequiresComment=False,
               dataSetElements=[{"dataElement": ref(u)} for u, *_ in AGGREGATE],
               sections=[ref(s["id"]) for s in sections])
    return ds, sections


def validation_rules():
    def vr(u, name, k, instruction, instruction_km, left, right):
        obj = named(u, name, k, instruction=instruction, importance="MEDIUM", operator="less_than_or_equal_to",
                    periodType="Monthly",
                    leftSide={"expression": left, "missingValueStrategy": "SKIP_IF_ANY_VALUE_MISSING"},
                    rightSide={"expression": right, "missingValueStrategy": "SKIP_IF_ANY_VALUE_MISSING"})
        obj["translations"] += km(INSTRUCTION=instruction_km)
        return obj
    return [
        vr("DmVrVacBoys", "Boys vaccinated: not more than boys under 2",
           "ក្មេងប្រុសបានចាក់ថ្នាំ៖ មិនលើសក្មេងប្រុសអាយុក្រោម ២ ឆ្នាំ",
           "Boys under 2 vaccinated this month cannot be more than the boys under 2 living in the village. "
           "Check both numbers.",
           "ចំនួនក្មេងប្រុសអាយុក្រោម ២ ឆ្នាំ ដែលបានចាក់ថ្នាំបង្ការក្នុងខែនេះ "
           "មិនអាចលើសចំនួនក្មេងប្រុសអាយុក្រោម ២ ឆ្នាំ ដែលរស់នៅក្នុងភូមិបានទេ។ សូមពិនិត្យលេខទាំងពីរ។",
           f"#{{DmDeAgU2Vac.{COC_MALE}}}", f"#{{DmDeAgU2Liv.{COC_MALE}}}"),
        vr("DmVrVacGirl", "Girls vaccinated: not more than girls under 2",
           "ក្មេងស្រីបានចាក់ថ្នាំ៖ មិនលើសក្មេងស្រីអាយុក្រោម ២ ឆ្នាំ",
           "Girls under 2 vaccinated this month cannot be more than the girls under 2 living in the village. "
           "Check both numbers.",
           "ចំនួនក្មេងស្រីអាយុក្រោម ២ ឆ្នាំ ដែលបានចាក់ថ្នាំបង្ការក្នុងខែនេះ "
           "មិនអាចលើសចំនួនក្មេងស្រីអាយុក្រោម ២ ឆ្នាំ ដែលរស់នៅក្នុងភូមិបានទេ។ សូមពិនិត្យលេខទាំងពីរ។",
           f"#{{DmDeAgU2Vac.{COC_FEMALE}}}", f"#{{DmDeAgU2Liv.{COC_FEMALE}}}"),
        vr("DmVrAncRefr", "Referred for antenatal care: not more than pregnant women",
           "បញ្ជូនពិនិត្យផ្ទៃពោះ៖ មិនលើសស្ត្រីមានផ្ទៃពោះ",
           "Pregnant women referred for antenatal care cannot be more than the pregnant women in the village.",
           "ចំនួនស្ត្រីមានផ្ទៃពោះដែលបានបញ្ជូនទៅពិនិត្យផ្ទៃពោះ មិនអាចលើសចំនួនស្ត្រីមានផ្ទៃពោះក្នុងភូមិបានទេ។",
           "#{DmDeAgAncRf}", "#{DmDeAgPregW}"),
    ]


# ---------------------------------------------------------------------------------------------
# The document

def build():
    options_c, cats, combos, cocs = categories()
    sets, options = option_sets()
    imm_stages, imm_stage_sections = immunization_stages()
    ncd_stages_, ncd_stage_sections = ncd_stages()
    variables = rule_variables()
    imm_sections, ncd_sections = program_sections()
    immunization_rules()
    ncd_rules()
    ds, ds_sections = data_set()

    units = []
    country, country_path = org_unit(COUNTRY, "KH", "Cambodia", "កម្ពុជា", "Cambodia", 1, "")
    province, province_path = org_unit(PROVINCE, "KH-17", "Siem Reap Province", "ខេត្តសៀមរាប", "Siem Reap", 2,
                                       country_path, COUNTRY)
    od, od_path = org_unit(OD, "OD-1706", "Kralanh Operational District", "ស្រុកប្រតិបត្តិក្រឡាញ់", "Kralanh OD", 3,
                           province_path, PROVINCE)
    units += [country, province, od]
    for hc, code, en, k in [(HC_TRAINEE, "HC-170601", "Chanleas Dai", "ចន្លាសដៃ"),
                            (HC_OTHER, "HC-170603", "Kralanh", "ក្រឡាញ់")]:
        unit, hc_path = org_unit(hc, code, f"{en} Health Centre", f"មណ្ឌលសុខភាព{k}", f"{en} HC", 4, od_path, OD,
                                 programs=[PR_IMM, PR_NCD])
        units.append(unit)
        for v_code, v_en, v_km in VILLAGES[hc]:
            village, _ = org_unit(village_uid(v_code), f"V-{v_code}", f"{v_en} Village", f"ភូមិ{v_km}", v_en, 5,
                                  hc_path, hc, data_sets=[DS_VHSG])
            units.append(village)

    return {
        "system": {"version": "2.41.3", "revision": "demo", "systemName": "Phum training data",
                   "serverTimeZoneId": "Asia/Phnom_Penh", "calendar": "iso8601", "dateFormat": "yyyy-mm-dd"},
        "organisationUnitLevels": [named(u, en, k, level=lv) for u, lv, en, k in LEVELS],
        "organisationUnits": units,
        "categoryOptions": options_c,
        "categories": cats,
        "categoryCombos": combos,
        "categoryOptionCombos": cocs,
        "optionSets": sets,
        "options": options,
        "dataElements": tracker_data_elements() + aggregate_data_elements(),
        "trackedEntityAttributes": attributes(),
        "trackedEntityTypes": tracked_entity_types(),
        "programs": programs(imm_stages, ncd_stages_, variables, imm_sections, ncd_sections),
        "programSections": imm_sections + ncd_sections,
        "programStages": imm_stages + ncd_stages_,
        "programStageSections": imm_stage_sections + ncd_stage_sections,
        "programRuleVariables": variables,
        "programRules": RULES,
        "programRuleActions": ACTIONS,
        "dataSets": [ds],
        "sections": ds_sections,
        "validationRules": validation_rules(),
    }


def me():
    return {
        "id": uid("DmUsTraine1"),
        "username": "trainee",
        "firstName": "Trainee",
        "surname": "Demo",
        "displayName": "Demo Trainee",
        "organisationUnits": [ref(HC_TRAINEE)],
        "teiSearchOrganisationUnits": [ref(HC_TRAINEE)],
        "dataViewOrganisationUnits": [ref(OD)],
        "programs": [PR_IMM, PR_NCD],
        "dataSets": [DS_VHSG],
        "userRoles": [{"id": uid("DmUrTrainee"), "name": "Trainee (demo)"}],
        "authorities": ["F_TRACKED_ENTITY_INSTANCE_ADD", "F_PROGRAM_ENROLLMENT", "F_DATAVALUE_ADD"],
        "settings": {"keyUiLocale": "km", "keyDbLocale": "km"},
    }


def write(name, doc):
    text = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    (HERE / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write("metadata.json", build())
    write("me.json", me())
