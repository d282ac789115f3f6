//! English and Khmer wording for the synthetic metadata: health concepts, option lists, programs,
//! stages, data sets, attributes and rule messages.
//!
//! Owns words only. Khmer health terms follow the project glossary (research/khmer-and-cambodia.md
//! §6.2); many are drafts from general usage and need native clinical review before anyone shows
//! them to a health worker. Vaccine short names stay Latin in both languages, as on EPI cards.
//! Does not own which object uses which word (that is the planner's job).

/// Western digits to Khmer digits (០-៩); other characters unchanged.
pub(crate) fn km_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(0x17E0 + d).unwrap_or(c),
            None => c,
        })
        .collect()
}

/// A question on a form, with its DHIS2 value type and, for numbers, a plausible range.
pub(crate) struct Concept {
    pub(crate) en: &'static str,
    pub(crate) km: &'static str,
    pub(crate) value_type: &'static str,
    pub(crate) lo: f64,
    pub(crate) hi: f64,
}

const fn c(en: &'static str, km: &'static str, value_type: &'static str, lo: f64, hi: f64) -> Concept {
    Concept { en, km, value_type, lo, hi }
}

/// Questions for tracker and event forms (no option set).
pub(crate) const CONCEPTS: &[Concept] = &[
    c("Weight (kg)", "ទម្ងន់ (គីឡូក្រាម)", "NUMBER", 0.5, 150.0),
    c("Height (cm)", "កម្ពស់ (សង់ទីម៉ែត្រ)", "NUMBER", 30.0, 200.0),
    c("Systolic blood pressure (mmHg)", "សម្ពាធឈាមស៊ីស្តូលិក (mmHg)", "INTEGER_POSITIVE", 60.0, 260.0),
    c("Diastolic blood pressure (mmHg)", "សម្ពាធឈាមឌីយ៉ាស្តូលិក (mmHg)", "INTEGER_POSITIVE", 40.0, 160.0),
    c("Fasting blood glucose (mmol/L)", "ជាតិស្ករក្នុងឈាមពេលតមអាហារ (mmol/L)", "NUMBER", 2.0, 30.0),
    c("Random blood glucose (mmol/L)", "ជាតិស្ករក្នុងឈាមពេលណាមួយ (mmol/L)", "NUMBER", 2.0, 33.0),
    c("Body temperature (°C)", "សីតុណ្ហភាពរាងកាយ (°C)", "NUMBER", 34.0, 42.0),
    c("Pulse (beats/min)", "ជីពចរ (ដង/នាទី)", "INTEGER_POSITIVE", 30.0, 220.0),
    c("Respiratory rate (breaths/min)", "អត្រាដកដង្ហើម (ដង/នាទី)", "INTEGER_POSITIVE", 8.0, 90.0),
    c("Haemoglobin (g/dL)", "អេម៉ូក្លូប៊ីន (g/dL)", "NUMBER", 3.0, 20.0),
    c("Mid-upper arm circumference (cm)", "បរិមាត្រកណ្តាលដើមដៃ (សង់ទីម៉ែត្រ)", "NUMBER", 8.0, 40.0),
    c("Head circumference (cm)", "បរិមាត្រក្បាល (សង់ទីម៉ែត្រ)", "NUMBER", 25.0, 60.0),
    c("Waist circumference (cm)", "បរិមាត្រចង្កេះ (សង់ទីម៉ែត្រ)", "NUMBER", 40.0, 160.0),
    c("HbA1c (%)", "HbA1c (%)", "PERCENTAGE", 3.0, 20.0),
    c("Oxygen saturation (%)", "កម្រិតអុកស៊ីសែនក្នុងឈាម (%)", "PERCENTAGE", 50.0, 100.0),
    c("Gestational age (weeks)", "អាយុគភ៌ (សប្តាហ៍)", "INTEGER_POSITIVE", 4.0, 44.0),
    c("Number of previous pregnancies", "ចំនួនការមានផ្ទៃពោះពីមុន", "INTEGER_ZERO_OR_POSITIVE", 0.0, 15.0),
    c("Number of household members", "ចំនួនសមាជិកគ្រួសារ", "INTEGER_POSITIVE", 1.0, 20.0),
    c("Days since symptom onset", "ចំនួនថ្ងៃចាប់តាំងពីចេញរោគសញ្ញា", "INTEGER_ZERO_OR_POSITIVE", 0.0, 60.0),
    c("Doses of medicine given", "ចំនួនដូសថ្នាំដែលបានផ្តល់", "INTEGER_ZERO_OR_POSITIVE", 0.0, 90.0),
    c("Tablets remaining", "ចំនួនគ្រាប់ថ្នាំនៅសល់", "INTEGER_ZERO_OR_POSITIVE", 0.0, 120.0),
    c("Distance to health centre (km)", "ចម្ងាយទៅមណ្ឌលសុខភាព (គីឡូម៉ែត្រ)", "NUMBER", 0.0, 80.0),
    c("Change in weight since last visit (kg)", "ការប្រែប្រួលទម្ងន់តាំងពីការមកលើកមុន (គីឡូក្រាម)", "NUMBER", -20.0, 20.0),
    c("Age at first visit (years)", "អាយុនៅពេលមកលើកដំបូង (ឆ្នាំ)", "INTEGER_ZERO_OR_POSITIVE", 0.0, 110.0),
    c("Date of last menstrual period", "ថ្ងៃចុងក្រោយនៃការមករដូវ", "DATE", 0.0, 0.0),
    c("Expected delivery date", "ថ្ងៃរំពឹងថានឹងសម្រាល", "DATE", 0.0, 0.0),
    c("Date of symptom onset", "ថ្ងៃចាប់ផ្តើមមានរោគសញ្ញា", "DATE", 0.0, 0.0),
    c("Next appointment date", "ថ្ងៃណាត់ជួបបន្ទាប់", "DATE", 0.0, 0.0),
    c("Date of referral", "ថ្ងៃបញ្ជូន", "DATE", 0.0, 0.0),
    c("Date treatment started", "ថ្ងៃចាប់ផ្តើមព្យាបាល", "DATE", 0.0, 0.0),
    c("Date of previous dose", "ថ្ងៃចាក់ដូសមុន", "DATE", 0.0, 0.0),
    c("Referred to hospital", "បានបញ្ជូនទៅមន្ទីរពេទ្យ", "BOOLEAN", 0.0, 0.0),
    c("Counselling given", "បានផ្តល់ការប្រឹក្សា", "TRUE_ONLY", 0.0, 0.0),
    c("Current smoker", "កំពុងជក់បារី", "BOOLEAN", 0.0, 0.0),
    c("Drinks alcohol", "ផឹកស្រា", "BOOLEAN", 0.0, 0.0),
    c("Danger signs present", "មានសញ្ញាគ្រោះថ្នាក់", "BOOLEAN", 0.0, 0.0),
    c("Fever", "គ្រុនក្តៅ", "TRUE_ONLY", 0.0, 0.0),
    c("Cough for two weeks or more", "ក្អករយៈពេលពីរសប្តាហ៍ ឬលើស", "TRUE_ONLY", 0.0, 0.0),
    c("Diarrhoea", "រាគរូស", "TRUE_ONLY", 0.0, 0.0),
    c("Oedema of both feet", "ហើមជើងទាំងពីរ", "TRUE_ONLY", 0.0, 0.0),
    c("Takes medicine regularly", "លេបថ្នាំទៀងទាត់", "BOOLEAN", 0.0, 0.0),
    c("Vaccine given today", "បានចាក់វ៉ាក់សាំងថ្ងៃនេះ", "BOOLEAN", 0.0, 0.0),
    c("Vitamin A given", "បានផ្តល់វីតាមីន A", "TRUE_ONLY", 0.0, 0.0),
    c("Iron and folic acid given", "បានផ្តល់ជាតិដែក និងអាស៊ីតហ្វូលិក", "TRUE_ONLY", 0.0, 0.0),
    c("Deworming tablet given", "បានផ្តល់ថ្នាំទម្លាក់ព្រូន", "TRUE_ONLY", 0.0, 0.0),
    c("Slept under a bed net last night", "បានដេកក្នុងមុងកាលពីយប់មិញ", "BOOLEAN", 0.0, 0.0),
    c("Vaccine batch number", "លេខឡូត៍វ៉ាក់សាំង", "TEXT", 0.0, 0.0),
    c("Name of health worker", "ឈ្មោះបុគ្គលិកសុខាភិបាល", "TEXT", 0.0, 0.0),
    c("Medicine prescribed", "ថ្នាំដែលបានចេញវេជ្ជបញ្ជា", "TEXT", 0.0, 0.0),
    c("Contact phone number", "លេខទូរស័ព្ទទំនាក់ទំនង", "PHONE_NUMBER", 0.0, 0.0),
    c("Clinical notes", "កំណត់ចំណាំគ្លីនិក", "LONG_TEXT", 0.0, 0.0),
    c("Reason for missed visit", "មូលហេតុដែលខកខានការមកពិនិត្យ", "LONG_TEXT", 0.0, 0.0),
];

/// An option list: the option set's name is also the question asked with it.
pub(crate) struct Theme {
    pub(crate) en: &'static str,
    pub(crate) km: &'static str,
    pub(crate) value_type: &'static str,
    /// (code, English, Khmer)
    pub(crate) options: &'static [(&'static str, &'static str, &'static str)],
}

const fn t(
    en: &'static str,
    km: &'static str,
    value_type: &'static str,
    options: &'static [(&'static str, &'static str, &'static str)],
) -> Theme {
    Theme { en, km, value_type, options }
}

pub(crate) const THEME_SEX: usize = 1;
pub(crate) const THEME_EDUCATION: usize = 9;
pub(crate) const THEME_OCCUPATION: usize = 10;
pub(crate) const THEME_MARITAL: usize = 11;
pub(crate) const THEME_ETHNICITY: usize = 12;
pub(crate) const THEME_INSURANCE: usize = 26;
pub(crate) const THEME_ENROLLMENT_SOURCE: usize = 27;

pub(crate) const THEMES: &[Theme] = &[
    t(
        "Yes, no or unknown",
        "បាទ/ចាស ទេ ឬមិនដឹង",
        "TEXT",
        &[("YES", "Yes", "បាទ/ចាស"), ("NO", "No", "ទេ"), ("UNK", "Unknown", "មិនដឹង")],
    ),
    t("Sex", "ភេទ", "TEXT", &[("M", "Male", "ប្រុស"), ("F", "Female", "ស្រី")]),
    t(
        "Referral reason",
        "មូលហេតុនៃការបញ្ជូន",
        "TEXT",
        &[
            ("HTN", "High blood pressure", "សម្ពាធឈាមខ្ពស់"),
            ("DM", "High blood sugar", "ជាតិស្ករក្នុងឈាមខ្ពស់"),
            ("DANGER", "Danger signs", "សញ្ញាគ្រោះថ្នាក់"),
            ("PREG", "Pregnancy complication", "ផលវិបាកនៃការមានផ្ទៃពោះ"),
            ("MALNUT", "Malnutrition", "កង្វះអាហារូបត្ថម្ភ"),
            ("OTHER", "Other", "ផ្សេងៗ"),
        ],
    ),
    t(
        "Visit outcome",
        "លទ្ធផលនៃការមកពិនិត្យ",
        "TEXT",
        &[
            ("DONE", "Completed", "បានបញ្ចប់"),
            ("RESCHED", "Rescheduled", "បានកំណត់ពេលថ្មី"),
            ("REFER", "Referred", "បានបញ្ជូន"),
            ("LTFU", "Lost to follow-up", "បាត់ការតាមដាន"),
            ("DIED", "Died", "បានស្លាប់"),
        ],
    ),
    t(
        "Malaria rapid test result",
        "លទ្ធផលតេស្តរហ័សជំងឺគ្រុនចាញ់",
        "TEXT",
        &[
            ("PF", "P. falciparum", "P. falciparum"),
            ("PV", "P. vivax", "P. vivax"),
            ("MIX", "Mixed infection", "ឆ្លងចម្រុះ"),
            ("NEG", "Negative", "អវិជ្ជមាន"),
            ("INV", "Invalid test", "តេស្តមិនត្រឹមត្រូវ"),
        ],
    ),
    t(
        "TB treatment outcome",
        "លទ្ធផលនៃការព្យាបាលជំងឺរបេង",
        "TEXT",
        &[
            ("CURED", "Cured", "ជាសះស្បើយ"),
            ("COMPLETE", "Treatment completed", "បានបញ្ចប់ការព្យាបាល"),
            ("FAILED", "Treatment failed", "ការព្យាបាលបរាជ័យ"),
            ("DIED", "Died", "បានស្លាប់"),
            ("LTFU", "Lost to follow-up", "បាត់ការតាមដាន"),
            ("NOTEVAL", "Not evaluated", "មិនបានវាយតម្លៃ"),
        ],
    ),
    t(
        "Injection site",
        "កន្លែងចាក់",
        "TEXT",
        &[
            ("LARM", "Left arm", "ដៃឆ្វេង"),
            ("RARM", "Right arm", "ដៃស្តាំ"),
            ("LTHIGH", "Left thigh", "ភ្លៅឆ្វេង"),
            ("RTHIGH", "Right thigh", "ភ្លៅស្តាំ"),
            ("ORAL", "By mouth", "តាមមាត់"),
        ],
    ),
    t(
        "Place of delivery",
        "ទីកន្លែងសម្រាលកូន",
        "TEXT",
        &[
            ("HC", "Health centre", "មណ្ឌលសុខភាព"),
            ("RH", "Referral hospital", "មន្ទីរពេទ្យបង្អែក"),
            ("HOME", "Home", "ផ្ទះ"),
            ("PRIV", "Private clinic", "គ្លីនិកឯកជន"),
            ("OTHER", "Other", "ផ្សេងៗ"),
        ],
    ),
    t(
        "Birth attendant",
        "អ្នកជួយសម្រាល",
        "TEXT",
        &[
            ("MW", "Midwife", "ឆ្មប"),
            ("DR", "Doctor", "វេជ្ជបណ្ឌិត"),
            ("TBA", "Traditional birth attendant", "ឆ្មបបុរាណ"),
            ("NONE", "No one", "គ្មាននរណាម្នាក់"),
        ],
    ),
    t(
        "Education level",
        "កម្រិតវប្បធម៌",
        "TEXT",
        &[
            ("NONE", "No schooling", "មិនបានសិក្សា"),
            ("PRI", "Primary school", "បឋមសិក្សា"),
            ("LSEC", "Lower secondary school", "អនុវិទ្យាល័យ"),
            ("USEC", "Upper secondary school", "វិទ្យាល័យ"),
            ("HIGH", "Higher education", "ឧត្តមសិក្សា"),
        ],
    ),
    t(
        "Occupation",
        "មុខរបរ",
        "TEXT",
        &[
            ("FARM", "Farmer", "កសិករ"),
            ("FISH", "Fisher", "អ្នកនេសាទ"),
            ("FACT", "Factory worker", "កម្មកររោងចក្រ"),
            ("TRADE", "Trader", "អ្នកលក់ដូរ"),
            ("CIVIL", "Civil servant", "មន្ត្រីរាជការ"),
            ("STUDENT", "Student", "សិស្ស"),
            ("HOME", "Homemaker", "មេផ្ទះ"),
            ("OTHER", "Other", "ផ្សេងៗ"),
        ],
    ),
    t(
        "Marital status",
        "ស្ថានភាពអាពាហ៍ពិពាហ៍",
        "TEXT",
        &[
            ("SINGLE", "Single", "នៅលីវ"),
            ("MARRIED", "Married", "រៀបការ"),
            ("WIDOWED", "Widowed", "មេម៉ាយ ឬពោះម៉ាយ"),
            ("DIVORCED", "Divorced", "លែងលះ"),
        ],
    ),
    t(
        "Ethnicity",
        "ជនជាតិ",
        "TEXT",
        &[
            ("KHMER", "Khmer", "ខ្មែរ"),
            ("CHAM", "Cham", "ចាម"),
            ("VIET", "Vietnamese", "វៀតណាម"),
            ("CHINESE", "Chinese", "ចិន"),
            ("INDIG", "Indigenous", "ជនជាតិដើមភាគតិច"),
            ("OTHER", "Other", "ផ្សេងៗ"),
        ],
    ),
    t(
        "Blood pressure category",
        "ប្រភេទសម្ពាធឈាម",
        "TEXT",
        &[
            ("NORMAL", "Normal (below 140/90)", "ធម្មតា (ក្រោម ១៤០/៩០)"),
            ("HIGH", "High (140/90 or more)", "ខ្ពស់ (១៤០/៩០ ឬលើស)"),
            ("SEVERE", "Severe (180/110 or more)", "ធ្ងន់ធ្ងរ (១៨០/១១០ ឬលើស)"),
        ],
    ),
    t(
        "Blood glucose test type",
        "ប្រភេទតេស្តជាតិស្ករក្នុងឈាម",
        "TEXT",
        &[
            ("FBS", "Fasting", "ពេលតមអាហារ"),
            ("RBS", "Random", "ពេលណាមួយ"),
            ("PPBS", "After a meal", "ក្រោយអាហារ"),
            ("HBA1C", "HbA1c", "HbA1c"),
        ],
    ),
    t(
        "Nutrition status",
        "ស្ថានភាពអាហារូបត្ថម្ភ",
        "TEXT",
        &[
            ("NORMAL", "Normal", "ធម្មតា"),
            ("MAM", "Moderate acute malnutrition", "កង្វះអាហារូបត្ថម្ភស្រួចស្រាវកម្រិតមធ្យម"),
            ("SAM", "Severe acute malnutrition", "កង្វះអាហារូបត្ថម្ភស្រួចស្រាវធ្ងន់ធ្ងរ"),
            ("OW", "Overweight", "លើសទម្ងន់"),
        ],
    ),
    t(
        "Family planning method",
        "វិធីសាស្ត្រពន្យារកំណើត",
        "TEXT",
        &[
            ("PILL", "Pill", "ថ្នាំគ្រាប់"),
            ("INJ", "Injection", "ថ្នាំចាក់"),
            ("IMPLANT", "Implant", "ថ្នាំបង្កប់"),
            ("IUD", "IUD", "ឧបករណ៍ក្នុងស្បូន"),
            ("CONDOM", "Condom", "ស្រោមអនាម័យ"),
            ("NONE", "None", "គ្មាន"),
        ],
    ),
    t(
        "Dengue severity",
        "កម្រិតធ្ងន់ធ្ងរនៃជំងឺគ្រុនឈាម",
        "TEXT",
        &[
            ("DF", "Without warning signs", "គ្មានសញ្ញាព្រមាន"),
            ("DWS", "With warning signs", "មានសញ្ញាព្រមាន"),
            ("SD", "Severe dengue", "គ្រុនឈាមធ្ងន់ធ្ងរ"),
        ],
    ),
    t(
        "Source of drinking water",
        "ប្រភពទឹកផឹក",
        "TEXT",
        &[
            ("PIPE", "Piped water", "ទឹកម៉ាស៊ីន"),
            ("WELL", "Well", "អណ្តូង"),
            ("RAIN", "Rain water", "ទឹកភ្លៀង"),
            ("POND", "Pond or river", "ស្រះ ឬទន្លេ"),
            ("BOTTLE", "Bottled water", "ទឹកដប"),
        ],
    ),
    t(
        "Toilet type",
        "ប្រភេទបង្គន់",
        "TEXT",
        &[
            ("FLUSH", "Pour-flush toilet", "បង្គន់ចាក់ទឹក"),
            ("PIT", "Pit latrine", "បង្គន់រណ្តៅ"),
            ("NONE", "No toilet", "គ្មានបង្គន់"),
        ],
    ),
    t(
        "Pain score",
        "កម្រិតឈឺចាប់",
        "INTEGER_ZERO_OR_POSITIVE",
        &[
            ("0", "0", "០"),
            ("1", "1", "១"),
            ("2", "2", "២"),
            ("3", "3", "៣"),
            ("4", "4", "៤"),
            ("5", "5", "៥"),
            ("6", "6", "៦"),
            ("7", "7", "៧"),
            ("8", "8", "៨"),
            ("9", "9", "៩"),
            ("10", "10", "១០"),
        ],
    ),
    t(
        "Antenatal visit number",
        "លើកទីនៃការពិនិត្យផ្ទៃពោះ",
        "INTEGER_POSITIVE",
        &[
            ("1", "1", "១"),
            ("2", "2", "២"),
            ("3", "3", "៣"),
            ("4", "4", "៤"),
            ("5", "5", "៥"),
            ("6", "6", "៦"),
            ("7", "7", "៧"),
            ("8", "8", "៨"),
        ],
    ),
    t(
        "Urine protein (dipstick)",
        "ប្រូតេអ៊ីនក្នុងទឹកនោម",
        "TEXT",
        &[
            ("NEG", "Negative", "អវិជ្ជមាន"),
            ("TRACE", "Trace", "តិចតួច"),
            ("P1", "+", "+"),
            ("P2", "++", "++"),
            ("P3", "+++", "+++"),
        ],
    ),
    t(
        "HIV test result",
        "លទ្ធផលតេស្តមេរោគអេដស៍",
        "TEXT",
        &[
            ("NEG", "Negative", "អវិជ្ជមាន"),
            ("POS", "Positive", "វិជ្ជមាន"),
            ("IND", "Indeterminate", "មិនច្បាស់លាស់"),
            ("NOTDONE", "Not done", "មិនបានធ្វើ"),
        ],
    ),
    t(
        "TB case type",
        "ប្រភេទករណីជំងឺរបេង",
        "TEXT",
        &[
            ("NEW", "New", "ថ្មី"),
            ("RELAPSE", "Relapse", "កើតឡើងវិញ"),
            ("TAF", "Treatment after failure", "ព្យាបាលក្រោយបរាជ័យ"),
            ("TALF", "Treatment after loss to follow-up", "ព្យាបាលក្រោយបាត់ការតាមដាន"),
            ("OTHER", "Other", "ផ្សេងៗ"),
        ],
    ),
    t(
        "Vaccine",
        "វ៉ាក់សាំង",
        "TEXT",
        &[
            ("BCG", "BCG", "BCG"),
            ("HEPB0", "HepB birth dose", "HepB ពេលកើត"),
            ("PENTA1", "Penta 1", "Penta 1"),
            ("PENTA2", "Penta 2", "Penta 2"),
            ("PENTA3", "Penta 3", "Penta 3"),
            ("BOPV1", "bOPV 1", "bOPV 1"),
            ("BOPV2", "bOPV 2", "bOPV 2"),
            ("BOPV3", "bOPV 3", "bOPV 3"),
            ("PCV1", "PCV 1", "PCV 1"),
            ("PCV2", "PCV 2", "PCV 2"),
            ("PCV3", "PCV 3", "PCV 3"),
            ("IPV", "IPV", "IPV"),
            ("MR1", "MR 1", "MR 1"),
            ("MR2", "MR 2", "MR 2"),
            ("JE", "JE", "JE"),
            ("HPV", "HPV", "HPV"),
            ("TD1", "Td 1", "Td 1"),
            ("TD2", "Td 2", "Td 2"),
            ("TD3", "Td 3", "Td 3"),
            ("TD4", "Td 4", "Td 4"),
            ("TD5", "Td 5", "Td 5"),
            ("ROTA1", "Rota 1", "Rota 1"),
            ("ROTA2", "Rota 2", "Rota 2"),
        ],
    ),
    t(
        "Health insurance",
        "ការធានារ៉ាប់រងសុខភាព",
        "TEXT",
        &[
            ("HEF", "Health Equity Fund", "មូលនិធិសមធម៌សុខាភិបាល"),
            ("NSSF", "National Social Security Fund", "បេឡាជាតិរបបសន្តិសុខសង្គម"),
            ("PRIVATE", "Private insurance", "ធានារ៉ាប់រងឯកជន"),
            ("NONE", "None", "គ្មាន"),
        ],
    ),
    t(
        "Enrollment source",
        "ប្រភពនៃការចុះឈ្មោះ",
        "TEXT",
        &[
            ("SELF", "Came by themselves", "មកដោយខ្លួនឯង"),
            ("VHSG", "Referred by VHSG", "បញ្ជូនដោយក្រុមគាំទ្រសុខភាពភូមិ"),
            ("OUTREACH", "Outreach", "ការចុះមូលដ្ឋាន"),
            ("HOSPITAL", "Hospital", "មន្ទីរពេទ្យ"),
        ],
    ),
    t(
        "Severity",
        "កម្រិតធ្ងន់ធ្ងរ",
        "TEXT",
        &[("MILD", "Mild", "ស្រាល"), ("MODERATE", "Moderate", "មធ្យម"), ("SEVERE", "Severe", "ធ្ងន់ធ្ងរ")],
    ),
    t(
        "Notifiable disease",
        "ជំងឺដែលត្រូវរាយការណ៍",
        "TEXT",
        &[
            ("TB", "Tuberculosis", "របេង"),
            ("HEPB", "Hepatitis B", "រលាកថ្លើមប្រភេទបេ"),
            ("DIPH", "Diphtheria", "ខាន់ស្លាក់"),
            ("TET", "Tetanus", "តេតាណូស"),
            ("PERT", "Pertussis", "ក្អកមាន់"),
            ("POLIO", "Polio", "ស្វិតដៃជើង"),
            ("MEAS", "Measles", "កញ្ជ្រឹល"),
            ("RUB", "Rubella", "ស្អូច"),
            ("JE", "Japanese encephalitis", "រលាកខួរក្បាលជប៉ុន"),
            ("DENGUE", "Dengue", "គ្រុនឈាម"),
            ("MAL", "Malaria", "គ្រុនចាញ់"),
            ("CHOL", "Cholera", "អាសន្នរោគ"),
        ],
    ),
];

/// Diseases for the weekly surveillance data set (English, Khmer).
pub(crate) const DISEASES: &[(&str, &str)] = &[
    ("Tuberculosis", "របេង"),
    ("Hepatitis B", "រលាកថ្លើមប្រភេទបេ"),
    ("Diphtheria", "ខាន់ស្លាក់"),
    ("Tetanus", "តេតាណូស"),
    ("Pertussis", "ក្អកមាន់"),
    ("Polio", "ស្វិតដៃជើង"),
    ("Measles", "កញ្ជ្រឹល"),
    ("Rubella", "ស្អូច"),
    ("Japanese encephalitis", "រលាកខួរក្បាលជប៉ុន"),
    ("Pneumonia", "រលាកសួត"),
    ("Diarrhoea", "រាគរូស"),
    ("Dengue", "គ្រុនឈាម"),
    ("Malaria", "គ្រុនចាញ់"),
    ("Cholera", "អាសន្នរោគ"),
];

/// Vaccines of the national schedule (kept Latin in both languages).
pub(crate) const VACCINES: &[&str] = &[
    "BCG",
    "HepB birth dose",
    "Penta 1",
    "Penta 2",
    "Penta 3",
    "bOPV 1",
    "bOPV 2",
    "bOPV 3",
    "PCV 1",
    "PCV 2",
    "PCV 3",
    "IPV",
    "MR 1",
    "MR 2",
    "JE",
    "HPV",
    "Td 1",
    "Td 2",
    "Td 3",
    "Td 4",
    "Td 5",
    "Rota 1",
    "Rota 2",
];

pub(crate) struct StageDef {
    pub(crate) en: &'static str,
    pub(crate) km: &'static str,
    pub(crate) repeatable: bool,
    /// Relative share of the program's data elements.
    pub(crate) weight: u64,
}

pub(crate) struct ProgramDef {
    pub(crate) code: &'static str,
    pub(crate) en: &'static str,
    pub(crate) km: &'static str,
    pub(crate) short_en: &'static str,
    pub(crate) short_km: &'static str,
    pub(crate) tracker: bool,
    /// Org unit level the program is assigned to (4 health centres, 5 villages).
    pub(crate) level: u8,
    pub(crate) stages: &'static [StageDef],
}

const fn s(en: &'static str, km: &'static str, repeatable: bool, weight: u64) -> StageDef {
    StageDef { en, km, repeatable, weight }
}

/// The ten programs: six tracker programs and four event programs. DHIS2 event programs
/// (WITHOUT_REGISTRATION) have exactly one stage.
pub(crate) const PROGRAMS: &[ProgramDef] = &[
    ProgramDef {
        code: "IMM",
        en: "Immunization (EPI)",
        km: "ការចាក់វ៉ាក់សាំង (EPI)",
        short_en: "Immunization",
        short_km: "ការចាក់វ៉ាក់សាំង",
        tracker: true,
        level: 4,
        stages: &[
            s("Birth doses", "វ៉ាក់សាំងពេលកើត", false, 3),
            s("6, 10 and 14 week doses", "វ៉ាក់សាំងអាយុ ៦ ១០ និង ១៤ សប្តាហ៍", true, 4),
            s("9 and 18 month doses", "វ៉ាក់សាំងអាយុ ៩ និង ១៨ ខែ", true, 3),
            s("HPV and Td doses", "វ៉ាក់សាំង HPV និង Td", true, 2),
        ],
    },
    ProgramDef {
        code: "NCD",
        en: "Hypertension and diabetes (NCD)",
        km: "ជំងឺលើសសម្ពាធឈាម និងជំងឺទឹកនោមផ្អែម",
        short_en: "NCD care",
        short_km: "ការថែទាំជំងឺមិនឆ្លង",
        tracker: true,
        level: 4,
        stages: &[
            s("Screening", "ការពិនិត្យស្រាវជ្រាវ", false, 5),
            s("Follow-up visit", "ការមកពិនិត្យតាមដាន", true, 4),
            s("Referral", "ការបញ្ជូន", true, 2),
        ],
    },
    ProgramDef {
        code: "MCH",
        en: "Maternal and newborn care",
        km: "ការថែទាំមាតា និងទារកទើបកើត",
        short_en: "Maternal care",
        short_km: "ការថែទាំមាតា",
        tracker: true,
        level: 4,
        stages: &[
            s("Antenatal care visit", "ការពិនិត្យផ្ទៃពោះ", true, 4),
            s("Delivery", "ការសម្រាលកូន", false, 3),
            s("Postnatal care visit", "ការពិនិត្យក្រោយសម្រាល", true, 3),
            s("Newborn check", "ការពិនិត្យទារកទើបកើត", false, 2),
        ],
    },
    ProgramDef {
        code: "TB",
        en: "Tuberculosis case management",
        km: "ការគ្រប់គ្រងករណីជំងឺរបេង",
        short_en: "TB care",
        short_km: "ការថែទាំជំងឺរបេង",
        tracker: true,
        level: 4,
        stages: &[
            s("Diagnosis", "ការធ្វើរោគវិនិច្ឆ័យ", false, 3),
            s("Treatment follow-up", "ការតាមដានការព្យាបាល", true, 3),
            s("Treatment outcome", "លទ្ធផលនៃការព្យាបាល", false, 2),
        ],
    },
    ProgramDef {
        code: "NUT",
        en: "Child growth monitoring",
        km: "ការតាមដានការលូតលាស់កុមារ",
        short_en: "Child growth",
        short_km: "ការលូតលាស់កុមារ",
        tracker: true,
        level: 4,
        stages: &[
            s("Growth monitoring visit", "ការតាមដានការលូតលាស់", true, 3),
            s("Malnutrition treatment", "ការព្យាបាលកង្វះអាហារូបត្ថម្ភ", true, 2),
        ],
    },
    ProgramDef {
        code: "FP",
        en: "Family planning",
        km: "ការពន្យារកំណើត",
        short_en: "Family planning",
        short_km: "ការពន្យារកំណើត",
        tracker: true,
        level: 4,
        stages: &[s("First visit", "ការមកពិនិត្យលើកដំបូង", false, 2), s("Follow-up visit", "ការមកពិនិត្យតាមដាន", true, 2)],
    },
    ProgramDef {
        code: "MAL",
        en: "Malaria case notification",
        km: "ការជូនដំណឹងករណីជំងឺគ្រុនចាញ់",
        short_en: "Malaria cases",
        short_km: "ករណីគ្រុនចាញ់",
        tracker: false,
        level: 4,
        stages: &[s("Malaria case", "ករណីគ្រុនចាញ់", true, 3)],
    },
    ProgramDef {
        code: "DEN",
        en: "Dengue case report",
        km: "របាយការណ៍ករណីជំងឺគ្រុនឈាម",
        short_en: "Dengue cases",
        short_km: "ករណីគ្រុនឈាម",
        tracker: false,
        level: 4,
        stages: &[s("Dengue case", "ករណីគ្រុនឈាម", true, 3)],
    },
    ProgramDef {
        code: "VHV",
        en: "VHSG household visit",
        km: "ការចុះសួរសុខទុក្ខតាមផ្ទះរបស់ក្រុមគាំទ្រសុខភាពភូមិ",
        short_en: "VHSG visits",
        short_km: "ការចុះសួរតាមផ្ទះ",
        tracker: false,
        level: 5,
        stages: &[s("Household visit", "ការចុះសួរតាមផ្ទះ", true, 2)],
    },
    ProgramDef {
        code: "OUT",
        en: "Outreach session",
        km: "វគ្គចុះមូលដ្ឋាន",
        short_en: "Outreach",
        short_km: "ការចុះមូលដ្ឋាន",
        tracker: false,
        level: 4,
        stages: &[s("Outreach session", "វគ្គចុះមូលដ្ឋាន", true, 2)],
    },
];

pub(crate) struct DataSetDef {
    pub(crate) code: &'static str,
    pub(crate) en: &'static str,
    pub(crate) km: &'static str,
    pub(crate) short_en: &'static str,
    pub(crate) short_km: &'static str,
    pub(crate) period_type: &'static str,
    pub(crate) level: u8,
    /// Index into the category combos: 0 default, 1 sex, 2 sex and age, 3 age.
    pub(crate) combo: usize,
    pub(crate) weight: u64,
}

pub(crate) const DATA_SETS: &[DataSetDef] = &[
    DataSetDef {
        code: "VHSG",
        en: "VHSG monthly village report",
        km: "របាយការណ៍ប្រចាំខែរបស់ក្រុមគាំទ្រសុខភាពភូមិ",
        short_en: "VHSG monthly report",
        short_km: "របាយការណ៍ប្រចាំខែ VHSG",
        period_type: "Monthly",
        level: 5,
        combo: 0,
        weight: 4,
    },
    DataSetDef {
        code: "EPI",
        en: "Health centre monthly immunization report",
        km: "របាយការណ៍ការចាក់វ៉ាក់សាំងប្រចាំខែរបស់មណ្ឌលសុខភាព",
        short_en: "HC immunization monthly",
        short_km: "របាយការណ៍វ៉ាក់សាំងប្រចាំខែ",
        period_type: "Monthly",
        level: 4,
        combo: 1,
        weight: 6,
    },
    DataSetDef {
        code: "NCDR",
        en: "Health centre monthly NCD report",
        km: "របាយការណ៍ជំងឺមិនឆ្លងប្រចាំខែរបស់មណ្ឌលសុខភាព",
        short_en: "HC NCD monthly",
        short_km: "របាយការណ៍ជំងឺមិនឆ្លងប្រចាំខែ",
        period_type: "Monthly",
        level: 4,
        combo: 2,
        weight: 5,
    },
    DataSetDef {
        code: "CDC",
        en: "Weekly communicable disease report",
        km: "របាយការណ៍ជំងឺឆ្លងប្រចាំសប្តាហ៍",
        short_en: "Weekly disease report",
        short_km: "របាយការណ៍ជំងឺឆ្លងប្រចាំសប្តាហ៍",
        period_type: "Weekly",
        level: 4,
        combo: 3,
        weight: 5,
    },
];

/// Counted items of the VHSG monthly village report.
pub(crate) const VHSG_ITEMS: &[(&str, &str)] = &[
    ("Households visited", "ចំនួនគ្រួសារដែលបានចុះសួរ"),
    ("Pregnant women visited", "ស្ត្រីមានផ្ទៃពោះដែលបានចុះសួរ"),
    ("Pregnant women referred for antenatal care", "ស្ត្រីមានផ្ទៃពោះដែលបានបញ្ជូនទៅពិនិត្យផ្ទៃពោះ"),
    ("Births in the village", "កំណើតក្នុងភូមិ"),
    ("Births at a health facility", "កំណើតនៅមូលដ្ឋានសុខាភិបាល"),
    ("Deaths in the village", "មរណភាពក្នុងភូមិ"),
    ("Deaths of children under 5", "មរណភាពកុមារអាយុក្រោម ៥ ឆ្នាំ"),
    ("Children under 5 with diarrhoea", "កុមារអាយុក្រោម ៥ ឆ្នាំមានរាគរូស"),
    ("Children under 5 with fever", "កុមារអាយុក្រោម ៥ ឆ្នាំមានគ្រុនក្តៅ"),
    ("Children under 5 with cough", "កុមារអាយុក្រោម ៥ ឆ្នាំមានក្អក"),
    ("Children referred to the health centre", "កុមារដែលបានបញ្ជូនទៅមណ្ឌលសុខភាព"),
    ("Children who missed a vaccination", "កុមារដែលខកខានការចាក់វ៉ាក់សាំង"),
    ("Health education sessions held", "វគ្គអប់រំសុខភាពដែលបានធ្វើ"),
    ("People at health education sessions", "អ្នកចូលរួមវគ្គអប់រំសុខភាព"),
    ("Bed nets distributed", "មុងដែលបានចែកចាយ"),
    ("ORS packets distributed", "កញ្ចប់ ORS ដែលបានចែកចាយ"),
    ("People with fever referred", "អ្នកមានគ្រុនក្តៅដែលបានបញ្ជូន"),
    ("Adults referred for blood pressure check", "មនុស្សពេញវ័យដែលបានបញ្ជូនទៅវាស់សម្ពាធឈាម"),
    ("Households with a toilet", "គ្រួសារដែលមានបង្គន់"),
    ("Households with safe drinking water", "គ្រួសារដែលមានទឹកស្អាតសម្រាប់ផឹក"),
];

/// Counted items of the NCD monthly report.
pub(crate) const NCD_ITEMS: &[(&str, &str)] = &[
    ("People screened for hypertension", "អ្នកដែលបានពិនិត្យរកជំងឺលើសសម្ពាធឈាម"),
    ("People screened for diabetes", "អ្នកដែលបានពិនិត្យរកជំងឺទឹកនោមផ្អែម"),
    ("New hypertension cases", "ករណីថ្មីជំងឺលើសសម្ពាធឈាម"),
    ("New diabetes cases", "ករណីថ្មីជំងឺទឹកនោមផ្អែម"),
    ("Patients on hypertension treatment", "អ្នកជំងឺកំពុងព្យាបាលជំងឺលើសសម្ពាធឈាម"),
    ("Patients on diabetes treatment", "អ្នកជំងឺកំពុងព្យាបាលជំងឺទឹកនោមផ្អែម"),
    ("Patients with controlled blood pressure", "អ្នកជំងឺដែលគ្រប់គ្រងសម្ពាធឈាមបាន"),
    ("Patients with controlled blood glucose", "អ្នកជំងឺដែលគ្រប់គ្រងជាតិស្ករបាន"),
    ("Patients referred to hospital", "អ្នកជំងឺដែលបានបញ្ជូនទៅមន្ទីរពេទ្យ"),
    ("Patients lost to follow-up", "អ្នកជំងឺដែលបាត់ការតាមដាន"),
    ("Smokers counselled", "អ្នកជក់បារីដែលបានទទួលការប្រឹក្សា"),
    ("Tablets dispensed: amlodipine", "គ្រាប់ថ្នាំដែលបានផ្តល់៖ amlodipine"),
    ("Tablets dispensed: metformin", "គ្រាប់ថ្នាំដែលបានផ្តល់៖ metformin"),
    ("Tablets dispensed: glibenclamide", "គ្រាប់ថ្នាំដែលបានផ្តល់៖ glibenclamide"),
    ("Tablets dispensed: enalapril", "គ្រាប់ថ្នាំដែលបានផ្តល់៖ enalapril"),
    ("Tablets dispensed: atorvastatin", "គ្រាប់ថ្នាំដែលបានផ្តល់៖ atorvastatin"),
];

/// Section names for stages and data sets.
pub(crate) const SECTIONS: &[(&str, &str)] = &[
    ("General", "ទូទៅ"),
    ("Vital signs", "សញ្ញាជីវិត"),
    ("History", "ប្រវត្តិ"),
    ("Examination", "ការពិនិត្យ"),
    ("Laboratory", "មន្ទីរពិសោធន៍"),
    ("Treatment", "ការព្យាបាល"),
    ("Counselling", "ការប្រឹក្សា"),
    ("Referral", "ការបញ្ជូន"),
    ("Follow-up", "ការតាមដាន"),
    ("Notes", "កំណត់ចំណាំ"),
];

/// A tracked entity attribute template: (English, Khmer, value type, theme for an option set).
pub(crate) struct AttributeDef {
    pub(crate) en: &'static str,
    pub(crate) km: &'static str,
    pub(crate) value_type: &'static str,
    pub(crate) theme: Option<usize>,
    pub(crate) unique: bool,
}

const fn a(
    en: &'static str,
    km: &'static str,
    value_type: &'static str,
    theme: Option<usize>,
    unique: bool,
) -> AttributeDef {
    AttributeDef { en, km, value_type, theme, unique }
}

/// Person attributes shared by every tracker program; the first ones are the most used.
pub(crate) const CORE_ATTRIBUTES: &[AttributeDef] = &[
    a("First name", "នាមខ្លួន", "TEXT", None, false),
    a("Family name", "នាមត្រកូល", "TEXT", None, false),
    a("Sex", "ភេទ", "TEXT", Some(THEME_SEX), false),
    a("Date of birth", "ថ្ងៃខែឆ្នាំកំណើត", "DATE", None, false),
    a("Phone number", "លេខទូរស័ព្ទ", "PHONE_NUMBER", None, false),
    a("Village of residence", "ភូមិលំនៅ", "ORGANISATION_UNIT", None, false),
    a("National ID card number", "លេខអត្តសញ្ញាណប័ណ្ណសញ្ជាតិខ្មែរ", "TEXT", None, true),
    a("Unique health ID", "លេខសម្គាល់សុខភាព", "TEXT", None, true),
    a("Name in Latin letters", "ឈ្មោះជាអក្សរឡាតាំង", "TEXT", None, false),
    a("Age in years (estimated)", "អាយុ (ឆ្នាំ ប្រហាក់ប្រហែល)", "INTEGER_ZERO_OR_POSITIVE", None, false),
    a("ID Poor card number", "លេខប័ណ្ណគ្រួសារក្រីក្រ", "TEXT", None, false),
    a("Health Equity Fund member", "សមាជិកមូលនិធិសមធម៌សុខាភិបាល", "BOOLEAN", None, false),
    a("Home address", "អាសយដ្ឋានផ្ទះ", "TEXT", None, false),
    a("Mother's name", "ឈ្មោះម្តាយ", "TEXT", None, false),
    a("Father's name", "ឈ្មោះឪពុក", "TEXT", None, false),
    a("Guardian phone number", "លេខទូរស័ព្ទអាណាព្យាបាល", "PHONE_NUMBER", None, false),
    a("Occupation", "មុខរបរ", "TEXT", Some(THEME_OCCUPATION), false),
    a("Education level", "កម្រិតវប្បធម៌", "TEXT", Some(THEME_EDUCATION), false),
    a("Marital status", "ស្ថានភាពអាពាហ៍ពិពាហ៍", "TEXT", Some(THEME_MARITAL), false),
    a("Ethnicity", "ជនជាតិ", "TEXT", Some(THEME_ETHNICITY), false),
    a("Has a disability", "មានពិការភាព", "BOOLEAN", None, false),
    a("Date of death", "ថ្ងៃស្លាប់", "DATE", None, false),
];

/// Attributes each tracker program adds for itself (named "<program>: <attribute>").
pub(crate) const PROGRAM_ATTRIBUTES: &[AttributeDef] = &[
    a("registration number", "លេខចុះឈ្មោះ", "TEXT", None, true),
    a("enrollment source", "ប្រភពនៃការចុះឈ្មោះ", "TEXT", Some(THEME_ENROLLMENT_SOURCE), false),
    a("date first seen", "ថ្ងៃជួបលើកដំបូង", "DATE", None, false),
    a("referred by", "បញ្ជូនដោយ", "TEXT", None, false),
    a("caregiver name", "ឈ្មោះអ្នកថែទាំ", "TEXT", None, false),
    a("caregiver phone number", "លេខទូរស័ព្ទអ្នកថែទាំ", "PHONE_NUMBER", None, false),
    a("household size", "ចំនួនសមាជិកគ្រួសារ", "INTEGER_POSITIVE", None, false),
    a("distance to health centre (km)", "ចម្ងាយទៅមណ្ឌលសុខភាព (គីឡូម៉ែត្រ)", "NUMBER", None, false),
    a("agrees to SMS reminders", "យល់ព្រមទទួលសារ SMS រំលឹក", "BOOLEAN", None, false),
    a("health insurance", "ការធានារ៉ាប់រងសុខភាព", "TEXT", Some(THEME_INSURANCE), false),
    a("known allergies", "អាឡែស៊ីដែលបានដឹង", "LONG_TEXT", None, false),
    a("transferred in", "បានផ្ទេរចូល", "TRUE_ONLY", None, false),
    a("remarks", "កំណត់សម្គាល់", "LONG_TEXT", None, false),
];

/// (code, English, Khmer, value)
pub(crate) const CONSTANTS: &[(&str, &str, &str, &str)] = &[
    ("HTN_SBP", "Hypertension threshold, systolic (mmHg)", "កម្រិតលើសសម្ពាធឈាម ស៊ីស្តូលិក (mmHg)", "140"),
    ("HTN_DBP", "Hypertension threshold, diastolic (mmHg)", "កម្រិតលើសសម្ពាធឈាម ឌីយ៉ាស្តូលិក (mmHg)", "90"),
    ("DM_FBG", "Diabetes threshold, fasting glucose (mmol/L)", "កម្រិតជំងឺទឹកនោមផ្អែម ជាតិស្ករពេលតមអាហារ (mmol/L)", "7.0"),
    ("BMI_OW", "Overweight threshold, BMI (kg/m2)", "កម្រិតលើសទម្ងន់ BMI (kg/m2)", "25"),
    ("DOSE_GAP", "Minimum days between vaccine doses", "ចំនួនថ្ងៃអប្បបរមារវាងដូសវ៉ាក់សាំង", "28"),
];

/// Rule messages: (English, Khmer) with `{}` standing for the field's label.
pub(crate) const WARNINGS: &[(&str, &str)] = &[
    ("Please check {}: the value is unusual.", "សូមពិនិត្យ {}៖ តម្លៃនេះមិនធម្មតាទេ។"),
    ("{} looks high. Measure again.", "{} ហាក់ដូចជាខ្ពស់។ សូមវាស់ម្តងទៀត។"),
    ("{} is missing for this visit.", "មិនទាន់មាន {} សម្រាប់ការមកពិនិត្យនេះទេ។"),
];
pub(crate) const ERRORS: &[(&str, &str)] = &[
    ("{} is outside the allowed range.", "{} នៅក្រៅចន្លោះដែលអនុញ្ញាត។"),
    ("{} cannot be in the future.", "{} មិនអាចជាថ្ងៃអនាគតបានទេ។"),
    ("{} is not valid.", "{} មិនត្រឹមត្រូវទេ។"),
];
pub(crate) const ON_COMPLETE: &[(&str, &str)] = &[
    ("The form cannot be completed: {} is missing.", "មិនអាចបញ្ចប់ទម្រង់បានទេ៖ ខ្វះ {}។"),
    ("Check {} before completing.", "សូមពិនិត្យ {} មុនពេលបញ្ចប់។"),
];
pub(crate) const ADVICE: &[(&str, &str)] = &[
    ("Refer to the health centre.", "សូមបញ្ជូនទៅមណ្ឌលសុខភាព។"),
    ("Refer to the referral hospital.", "សូមបញ្ជូនទៅមន្ទីរពេទ្យបង្អែក។"),
    ("Give counselling and book a follow-up visit.", "សូមផ្តល់ការប្រឹក្សា និងណាត់ជួបតាមដាន។"),
    ("High blood pressure: measure again in 5 minutes.", "សម្ពាធឈាមខ្ពស់៖ សូមវាស់ម្តងទៀតក្នុងរយៈពេល ៥ នាទី។"),
    ("Vaccination is due.", "ដល់ពេលចាក់វ៉ាក់សាំងហើយ។"),
];
pub(crate) const KEY_VALUE: &[(&str, &str)] = &[
    ("Calculated score", "ពិន្ទុដែលបានគណនា"),
    ("Days since last visit", "ចំនួនថ្ងៃចាប់តាំងពីការមកលើកមុន"),
    ("Body mass index", "សន្ទស្សន៍ម៉ាសរាងកាយ"),
];
