//! `d2:extractDataMatrixValue(key, value)`: one element of a scanned GS1 DataMatrix or GS1 QR
//! code, found the way the JVM engine finds it (research/program-rules.md §2.7): the value must
//! start with the symbology identifier `]d2` or `]Q3`, groups are separated by GS (U+001D), and a
//! group may hold several fixed-length elements one after another before a variable-length one.
//!
//! Owns key lookup (names, spellings and application identifiers), the splitting of a scanned
//! value and its errors. Does not own coercing the arguments (`eval`). Texts are handled as
//! UTF-16 units, as upstream's indices are.

use std::collections::HashMap;

use crate::i18n::{Localize, Message};
use crate::msg;

/// Why no element can be extracted (upstream's IllegalArgumentExceptions and index errors).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Gs1Error {
    MissingKey,
    UnknownKey(String),
    MissingValue,
    TooShort(String),
    UnsupportedSymbology(String),
    NoSymbologyIdentifier(String),
    UnknownApplicationIdentifier(String),
    TruncatedGroup { ai: &'static str, group: String },
    KeyNotInValue(&'static str),
}

impl Localize for Gs1Error {
    fn message(&self) -> Message {
        match self {
            Gs1Error::MissingKey => Message::new("expr-gs1-missing-key"),
            Gs1Error::UnknownKey(key) => msg!("expr-gs1-unknown-key", key = key),
            Gs1Error::MissingValue => Message::new("expr-gs1-missing-value"),
            Gs1Error::TooShort(value) => msg!("expr-gs1-too-short", value = value),
            Gs1Error::UnsupportedSymbology(prefix) => msg!("expr-gs1-unsupported-symbology", prefix = prefix),
            Gs1Error::NoSymbologyIdentifier(prefix) => msg!("expr-gs1-no-symbology-identifier", prefix = prefix),
            Gs1Error::UnknownApplicationIdentifier(group) => msg!("expr-gs1-unknown-ai", group = group),
            Gs1Error::TruncatedGroup { ai, group } => msg!("expr-gs1-truncated-group", ai = *ai, group = group),
            Gs1Error::KeyNotInValue(ai) => msg!("expr-gs1-key-not-in-value", ai = *ai),
        }
    }
}

crate::english_display!(Gs1Error);

/// The symbology identifiers whose data Phum reads: GS1 DataMatrix and GS1 QR Code.
const SUPPORTED_SYMBOLOGIES: [&str; 2] = ["GS1_d2_IDENTIFIER", "GS1_Q3_IDENTIFIER"];

/// GS, the separator between variable-length groups.
const GROUP_SEPARATOR: u16 = 0x1D;

/// Total length (identifier and data) of the fixed-length elements, by the first two digits of
/// the application identifier; every other element runs to the end of its group.
const FIXED_LENGTH: [(&str, usize); 22] = [
    ("00", 20),
    ("01", 16),
    ("02", 16),
    ("03", 16),
    ("04", 18),
    ("11", 8),
    ("12", 8),
    ("13", 8),
    ("14", 8),
    ("15", 8),
    ("16", 8),
    ("17", 8),
    ("18", 8),
    ("19", 8),
    ("20", 4),
    ("31", 10),
    ("32", 10),
    ("33", 10),
    ("34", 10),
    ("35", 10),
    ("36", 10),
    ("41", 16),
];

/// The element `key` names in the scanned `value`.
pub fn extract(key: Option<&str>, value: Option<&str>) -> Result<String, Gs1Error> {
    let wanted = element_for_key(key.ok_or(Gs1Error::MissingKey)?)?;
    let value: Vec<u16> = value.ok_or(Gs1Error::MissingValue)?.encode_utf16().collect();
    if value.len() < 3 {
        return Err(Gs1Error::TooShort(String::from_utf16_lossy(&value)));
    }
    let prefix = String::from_utf16_lossy(&value[..3]);
    let (symbology, _) = ELEMENTS[element_for_key(&prefix)?];
    if !SUPPORTED_SYMBOLOGIES.contains(&symbology) {
        return Err(if symbology.ends_with("_IDENTIFIER") {
            Gs1Error::UnsupportedSymbology(prefix)
        } else {
            Gs1Error::NoSymbologyIdentifier(prefix)
        });
    }
    let mut data: HashMap<&'static str, String> = HashMap::new();
    for group in value[3..].split(|u| *u == GROUP_SEPARATOR) {
        read_group(group, &mut data)?;
    }
    let (_, code) = ELEMENTS[wanted];
    data.remove(code).ok_or(Gs1Error::KeyNotInValue(code))
}

/// Reads the elements of one group into `data`; a later element with the same identifier wins.
fn read_group(mut group: &[u16], data: &mut HashMap<&'static str, String>) -> Result<(), Gs1Error> {
    while !group.is_empty() {
        let ai = application_identifier(group)?;
        let fixed = FIXED_LENGTH.iter().find(|(first, _)| ai.get(..2) == Some(*first)).map(|(_, n)| *n);
        let end = fixed.unwrap_or(group.len());
        if end > group.len() || end < ai.len() {
            return Err(Gs1Error::TruncatedGroup { ai, group: String::from_utf16_lossy(group) });
        }
        data.insert(ai, String::from_utf16_lossy(&group[ai.len()..end]));
        group = &group[end..];
    }
    Ok(())
}

/// The first element, in upstream's order, whose code starts `group`.
fn application_identifier(group: &[u16]) -> Result<&'static str, Gs1Error> {
    ELEMENTS
        .iter()
        .map(|(_, code)| *code)
        .find(|code| {
            let code: Vec<u16> = code.encode_utf16().collect();
            group.starts_with(&code)
        })
        .ok_or_else(|| Gs1Error::UnknownApplicationIdentifier(String::from_utf16_lossy(group)))
}

/// Upstream's `GS1Elements.fromKey`: a few English names, then the first element whose code is
/// `key` or whose name equals `key` ignoring case, spaces, underscores and hyphens.
fn element_for_key(key: &str) -> Result<usize, Gs1Error> {
    let by_name = |name: &str| ELEMENTS.iter().position(|(n, _)| *n == name);
    let named = match key {
        "gtin" => by_name("GTIN"),
        "lot number" | "batch number" => by_name("LOT_NUMBER"),
        "production date" => by_name("PROD_DATE"),
        "best before date" => by_name("BEST_BEFORE_DATE"),
        "expiration date" => by_name("EXP_DATE"),
        "serial number" => by_name("SERIAL_NUMBER"),
        _ => None,
    };
    if let Some(i) = named {
        return Ok(i);
    }
    let simple = simplified(key);
    ELEMENTS
        .iter()
        .position(|(name, code)| *code == key || simplified(name) == simple)
        .ok_or_else(|| Gs1Error::UnknownKey(key.to_string()))
}

fn simplified(s: &str) -> String {
    s.to_lowercase().chars().filter(|c| !matches!(c, ' ' | '_' | '-')).collect()
}

/// Upstream's `GS1Elements` in declaration order (the order matters: lookups take the first
/// match): name and code. Facts from expression parser 1.3.0 (BSD-3-Clause, University of Oslo),
/// read from the compiled enum.
const ELEMENTS: &[(&str, &str)] = &[
    ("GS1_E0_IDENTIFIER", "]E0"),
    ("GS1_E1_IDENTIFIER", "]E1"),
    ("GS1_E2_IDENTIFIER", "]E2"),
    ("GS1_E3_IDENTIFIER", "]E3"),
    ("GS1_E4_IDENTIFIER", "]E4"),
    ("GS1_I1_IDENTIFIER", "]I1"),
    ("GS1_C1_IDENTIFIER", "]C1"),
    ("GS1_e0_IDENTIFIER", "]e0"),
    ("GS1_e1_IDENTIFIER", "]e1"),
    ("GS1_e2_IDENTIFIER", "]e2"),
    ("GS1_d2_IDENTIFIER", "]d2"),
    ("GS1_Q3_IDENTIFIER", "]Q3"),
    ("GS1_J1_IDENTIFIER", "]J1"),
    ("GS1_d1_IDENTIFIER", "]d1"),
    ("GS1_Q1_IDENTIFIER", "]Q1"),
    ("GS1_GROUP_SEPARATOR", "\u{1d}"),
    ("SSCC", "00"),
    ("GTIN", "01"),
    ("CONTENT", "02"),
    ("LOT_NUMBER", "10"),
    ("PROD_DATE", "11"),
    ("DUE_DATE", "12"),
    ("PACK_DATE", "13"),
    ("BEST_BEFORE_DATE", "15"),
    ("SELL_BY", "16"),
    ("EXP_DATE", "17"),
    ("VARIANT", "20"),
    ("SERIAL_NUMBER", "21"),
    ("CPV", "22"),
    ("TPX", "235"),
    ("ADDITIONAL_ID", "240"),
    ("CUSTOMER_PART_NUMBER", "241"),
    ("MTO_VARIANT_NUMBER", "242"),
    ("PCN", "243"),
    ("SECONDARY_SERIAL", "250"),
    ("REF_TO_SOURCE", "251"),
    ("GDTI", "253"),
    ("GLN_EXTENSION_COMPONENT", "254"),
    ("GCN", "255"),
    ("VAR_COUNT", "30"),
    ("NET_WEIGHT_KG_0", "3100"),
    ("NET_WEIGHT_KG_1", "3101"),
    ("NET_WEIGHT_KG_2", "3102"),
    ("NET_WEIGHT_KG_3", "3103"),
    ("NET_WEIGHT_KG_4", "3104"),
    ("NET_WEIGHT_KG_5", "3105"),
    ("LENGTH_M_0", "3110"),
    ("LENGTH_M_1", "3111"),
    ("LENGTH_M_2", "3112"),
    ("LENGTH_M_3", "3113"),
    ("LENGTH_M_4", "3114"),
    ("LENGTH_M_5", "3115"),
    ("WIDTH_M_0", "3120"),
    ("WIDTH_M_1", "3121"),
    ("WIDTH_M_2", "3122"),
    ("WIDTH_M_3", "3123"),
    ("WIDTH_M_4", "3124"),
    ("WIDTH_M_5", "3125"),
    ("HEIGHT_M_0", "3130"),
    ("HEIGHT_M_1", "3131"),
    ("HEIGHT_M_2", "3132"),
    ("HEIGHT_M_3", "3133"),
    ("HEIGHT_M_4", "3134"),
    ("HEIGHT_M_5", "3135"),
    ("AREA_M2_0", "3140"),
    ("AREA_M2_1", "3141"),
    ("AREA_M2_2", "3142"),
    ("AREA_M2_3", "3143"),
    ("AREA_M2_4", "3144"),
    ("AREA_M2_5", "3145"),
    ("NET_VOLUME_L_0", "3150"),
    ("NET_VOLUME_L_1", "3151"),
    ("NET_VOLUME_L_2", "3152"),
    ("NET_VOLUME_L_3", "3153"),
    ("NET_VOLUME_L_4", "3154"),
    ("NET_VOLUME_L_5", "3155"),
    ("NET_VOLUME_M3_0", "3160"),
    ("NET_VOLUME_M3_1", "3161"),
    ("NET_VOLUME_M3_2", "3162"),
    ("NET_VOLUME_M3_3", "3163"),
    ("NET_VOLUME_M3_4", "3164"),
    ("NET_VOLUME_M3_5", "3165"),
    ("NET_WEIGHT_LB_0", "3200"),
    ("NET_WEIGHT_LB_1", "3201"),
    ("NET_WEIGHT_LB_2", "3202"),
    ("NET_WEIGHT_LB_3", "3203"),
    ("NET_WEIGHT_LB_4", "3204"),
    ("NET_WEIGHT_LB_5", "3205"),
    ("LENGTH_I_0", "3210"),
    ("LENGTH_I_1", "3211"),
    ("LENGTH_I_2", "3212"),
    ("LENGTH_I_3", "3213"),
    ("LENGTH_I_4", "3214"),
    ("LENGTH_I_5", "3215"),
    ("LENGTH_F_0", "3220"),
    ("LENGTH_F_1", "3221"),
    ("LENGTH_F_2", "3222"),
    ("LENGTH_F_3", "3223"),
    ("LENGTH_F_4", "3224"),
    ("LENGTH_F_5", "3225"),
    ("LENGTH_Y_0", "3230"),
    ("LENGTH_Y_1", "3231"),
    ("LENGTH_Y_2", "3232"),
    ("LENGTH_Y_3", "3233"),
    ("LENGTH_Y_4", "3234"),
    ("LENGTH_Y_5", "3235"),
    ("WIDTH_I_0", "3240"),
    ("WIDTH_I_1", "3241"),
    ("WIDTH_I_2", "3242"),
    ("WIDTH_I_3", "3243"),
    ("WIDTH_I_4", "3244"),
    ("WIDTH_I_5", "3245"),
    ("WIDTH_F_0", "3250"),
    ("WIDTH_F_1", "3251"),
    ("WIDTH_F_2", "3252"),
    ("WIDTH_F_3", "3253"),
    ("WIDTH_F_4", "3254"),
    ("WIDTH_F_5", "3255"),
    ("WIDTH_Y_0", "3260"),
    ("WIDTH_Y_1", "3261"),
    ("WIDTH_Y_2", "3262"),
    ("WIDTH_Y_3", "3263"),
    ("WIDTH_Y_4", "3264"),
    ("WIDTH_Y_5", "3265"),
    ("HEIGHT_I_0", "3270"),
    ("HEIGHT_I_1", "3271"),
    ("HEIGHT_I_2", "3272"),
    ("HEIGHT_I_3", "3273"),
    ("HEIGHT_I_4", "3274"),
    ("HEIGHT_I_5", "3275"),
    ("HEIGHT_F_0", "3280"),
    ("HEIGHT_F_1", "3281"),
    ("HEIGHT_F_2", "3282"),
    ("HEIGHT_F_3", "3283"),
    ("HEIGHT_F_4", "3284"),
    ("HEIGHT_F_5", "3285"),
    ("HEIGHT_Y_0", "3290"),
    ("HEIGHT_Y_1", "3291"),
    ("HEIGHT_Y_2", "3292"),
    ("HEIGHT_Y_3", "3293"),
    ("HEIGHT_Y_4", "3294"),
    ("HEIGHT_Y_5", "3295"),
    ("GROSS_WEIGHT_GF_0", "3300"),
    ("GROSS_WEIGHT_GF_1", "3301"),
    ("GROSS_WEIGHT_GF_2", "3302"),
    ("GROSS_WEIGHT_GF_3", "3303"),
    ("GROSS_WEIGHT_GF_4", "3304"),
    ("GROSS_WEIGHT_GF_5", "3305"),
    ("LENGTH_M_LOG_0", "3310"),
    ("LENGTH_M_LOG_1", "3311"),
    ("LENGTH_M_LOG_2", "3312"),
    ("LENGTH_M_LOG_3", "3313"),
    ("LENGTH_M_LOG_4", "3314"),
    ("LENGTH_M_LOG_5", "3315"),
    ("WIDTH_M_LOG_0", "3320"),
    ("WIDTH_M_LOG_1", "3321"),
    ("WIDTH_M_LOG_2", "3322"),
    ("WIDTH_M_LOG_3", "3323"),
    ("WIDTH_M_LOG_4", "3324"),
    ("WIDTH_M_LOG_5", "3325"),
    ("HEIGHT_M_LOG_0", "3330"),
    ("HEIGHT_M_LOG_1", "3331"),
    ("HEIGHT_M_LOG_2", "3332"),
    ("HEIGHT_M_LOG_3", "3333"),
    ("HEIGHT_M_LOG_4", "3334"),
    ("HEIGHT_M_LOG_5", "3335"),
    ("AREA_M2_LOG_0", "3340"),
    ("AREA_M2_LOG_1", "3341"),
    ("AREA_M2_LOG_2", "3342"),
    ("AREA_M2_LOG_3", "3343"),
    ("AREA_M2_LOG_4", "3344"),
    ("AREA_M2_LOG_5", "3345"),
    ("VOLUME_L_LOG_0", "3350"),
    ("VOLUME_L_LOG_1", "3351"),
    ("VOLUME_L_LOG_2", "3352"),
    ("VOLUME_L_LOG_3", "3353"),
    ("VOLUME_L_LOG_4", "3354"),
    ("VOLUME_L_LOG_5", "3355"),
    ("VOLUME_M3_LOG_0", "3360"),
    ("VOLUME_M3_LOG_1", "3361"),
    ("VOLUME_M3_LOG_2", "3362"),
    ("VOLUME_M3_LOG_3", "3363"),
    ("VOLUME_M3_LOG_4", "3364"),
    ("VOLUME_M3_LOG_5", "3365"),
    ("KG_PER_M2_0", "3370"),
    ("KG_PER_M2_1", "3371"),
    ("KG_PER_M2_2", "3372"),
    ("KG_PER_M2_3", "3373"),
    ("KG_PER_M2_4", "3374"),
    ("KG_PER_M2_5", "3375"),
    ("GROSS_WHEIGHT_LB_0", "3400"),
    ("GROSS_WHEIGHT_LB_1", "3401"),
    ("GROSS_WHEIGHT_LB_2", "3402"),
    ("GROSS_WHEIGHT_LB_3", "3403"),
    ("GROSS_WHEIGHT_LB_4", "3404"),
    ("GROSS_WHEIGHT_LB_5", "3405"),
    ("LENGTH_I_LOG_0", "3410"),
    ("LENGTH_I_LOG_1", "3411"),
    ("LENGTH_I_LOG_2", "3412"),
    ("LENGTH_I_LOG_3", "3413"),
    ("LENGTH_I_LOG_4", "3414"),
    ("LENGTH_I_LOG_5", "3415"),
    ("LENGTH_F_LOG_0", "3420"),
    ("LENGTH_F_LOG_1", "3421"),
    ("LENGTH_F_LOG_2", "3422"),
    ("LENGTH_F_LOG_3", "3423"),
    ("LENGTH_F_LOG_4", "3424"),
    ("LENGTH_F_LOG_5", "3425"),
    ("LENGTH_Y_LOG_0", "3430"),
    ("LENGTH_Y_LOG_1", "3431"),
    ("LENGTH_Y_LOG_2", "3432"),
    ("LENGTH_Y_LOG_3", "3433"),
    ("LENGTH_Y_LOG_4", "3434"),
    ("LENGTH_Y_LOG_5", "3435"),
    ("WIDTH_I_LOG_0", "3440"),
    ("WIDTH_I_LOG_1", "3441"),
    ("WIDTH_I_LOG_2", "3442"),
    ("WIDTH_I_LOG_3", "3443"),
    ("WIDTH_I_LOG_4", "3444"),
    ("WIDTH_I_LOG_5", "3445"),
    ("WIDTH_F_LOG_0", "3450"),
    ("WIDTH_F_LOG_1", "3451"),
    ("WIDTH_F_LOG_2", "3452"),
    ("WIDTH_F_LOG_3", "3453"),
    ("WIDTH_F_LOG_4", "3454"),
    ("WIDTH_F_LOG_5", "3455"),
    ("WIDTH_Y_LOG_0", "3460"),
    ("WIDTH_Y_LOG_1", "3461"),
    ("WIDTH_Y_LOG_2", "3462"),
    ("WIDTH_Y_LOG_3", "3463"),
    ("WIDTH_Y_LOG_4", "3464"),
    ("WIDTH_Y_LOG_5", "3465"),
    ("HEIGHT_I_LOG_0", "3470"),
    ("HEIGHT_I_LOG_1", "3471"),
    ("HEIGHT_I_LOG_2", "3472"),
    ("HEIGHT_I_LOG_3", "3473"),
    ("HEIGHT_I_LOG_4", "3474"),
    ("HEIGHT_I_LOG_5", "3475"),
    ("HEIGHT_F_LOG_0", "3480"),
    ("HEIGHT_F_LOG_1", "3481"),
    ("HEIGHT_F_LOG_2", "3482"),
    ("HEIGHT_F_LOG_3", "3483"),
    ("HEIGHT_F_LOG_4", "3484"),
    ("HEIGHT_F_LOG_5", "3485"),
    ("HEIGHT_Y_LOG_0", "3490"),
    ("HEIGHT_Y_LOG_1", "3491"),
    ("HEIGHT_Y_LOG_2", "3492"),
    ("HEIGHT_Y_LOG_3", "3493"),
    ("HEIGHT_Y_LOG_4", "3494"),
    ("HEIGHT_Y_LOG_5", "3495"),
    ("AREA_I2_0", "3500"),
    ("AREA_I2_1", "3501"),
    ("AREA_I2_2", "3502"),
    ("AREA_I2_3", "3503"),
    ("AREA_I2_4", "3504"),
    ("AREA_I2_5", "3505"),
    ("AREA_F2_0", "3510"),
    ("AREA_F2_1", "3511"),
    ("AREA_F2_2", "3512"),
    ("AREA_F2_3", "3513"),
    ("AREA_F2_4", "3514"),
    ("AREA_F2_5", "3515"),
    ("AREA_Y2_0", "3520"),
    ("AREA_Y2_1", "3521"),
    ("AREA_Y2_2", "3522"),
    ("AREA_Y2_3", "3523"),
    ("AREA_Y2_4", "3524"),
    ("AREA_Y2_5", "3525"),
    ("AREA_I2_LOG_0", "3530"),
    ("AREA_I2_LOG_1", "3531"),
    ("AREA_I2_LOG_2", "3532"),
    ("AREA_I2_LOG_3", "3533"),
    ("AREA_I2_LOG_4", "3534"),
    ("AREA_I2_LOG_5", "3535"),
    ("AREA_F2_LOG_0", "3540"),
    ("AREA_F2_LOG_1", "3541"),
    ("AREA_F2_LOG_2", "3542"),
    ("AREA_F2_LOG_3", "3543"),
    ("AREA_F2_LOG_4", "3544"),
    ("AREA_F2_LOG_5", "3545"),
    ("AREA_Y2_LOG_0", "3550"),
    ("AREA_Y2_LOG_1", "3551"),
    ("AREA_Y2_LOG_2", "3552"),
    ("AREA_Y2_LOG_3", "3553"),
    ("AREA_Y2_LOG_4", "3554"),
    ("AREA_Y2_LOG_5", "3555"),
    ("NET_WEIGHT_T_0", "3560"),
    ("NET_WEIGHT_T_1", "3561"),
    ("NET_WEIGHT_T_2", "3562"),
    ("NET_WEIGHT_T_3", "3563"),
    ("NET_WEIGHT_T_4", "3564"),
    ("NET_WEIGHT_T_5", "3565"),
    ("NET_VOLUME_OZ_0", "3570"),
    ("NET_VOLUME_OZ_1", "3571"),
    ("NET_VOLUME_OZ_2", "3572"),
    ("NET_VOLUME_OZ_3", "3573"),
    ("NET_VOLUME_OZ_4", "3574"),
    ("NET_VOLUME_OZ_5", "3575"),
    ("NET_VOLUME_Q_0", "3600"),
    ("NET_VOLUME_Q_1", "3601"),
    ("NET_VOLUME_Q_2", "3602"),
    ("NET_VOLUME_Q_3", "3603"),
    ("NET_VOLUME_Q_4", "3604"),
    ("NET_VOLUME_Q_5", "3605"),
    ("NET_VOLUME_G_0", "3610"),
    ("NET_VOLUME_G_1", "3611"),
    ("NET_VOLUME_G_2", "3612"),
    ("NET_VOLUME_G_3", "3613"),
    ("NET_VOLUME_G_4", "3614"),
    ("NET_VOLUME_G_5", "3615"),
    ("VOLUME_Q_LOG_0", "3620"),
    ("VOLUME_Q_LOG_1", "3621"),
    ("VOLUME_Q_LOG_2", "3622"),
    ("VOLUME_Q_LOG_3", "3623"),
    ("VOLUME_Q_LOG_4", "3624"),
    ("VOLUME_Q_LOG_5", "3625"),
    ("VOLUME_G_LOG_0", "3630"),
    ("VOLUME_G_LOG_1", "3631"),
    ("VOLUME_G_LOG_2", "3632"),
    ("VOLUME_G_LOG_3", "3633"),
    ("VOLUME_G_LOG_4", "3634"),
    ("VOLUME_G_LOG_5", "3635"),
    ("VOLUME_I3_0", "3640"),
    ("VOLUME_I3_1", "3641"),
    ("VOLUME_I3_2", "3642"),
    ("VOLUME_I3_3", "3643"),
    ("VOLUME_I3_4", "3644"),
    ("VOLUME_I3_5", "3645"),
    ("VOLUME_F3_0", "3650"),
    ("VOLUME_F3_1", "3651"),
    ("VOLUME_F3_2", "3652"),
    ("VOLUME_F3_3", "3653"),
    ("VOLUME_F3_4", "3654"),
    ("VOLUME_F3_5", "3655"),
    ("VOLUME_Y3_0", "3660"),
    ("VOLUME_Y3_1", "3661"),
    ("VOLUME_Y3_2", "3662"),
    ("VOLUME_Y3_3", "3663"),
    ("VOLUME_Y3_4", "3664"),
    ("VOLUME_Y3_5", "3665"),
    ("VOLUME_I3_LOG_0", "3670"),
    ("VOLUME_I3_LOG_1", "3671"),
    ("VOLUME_I3_LOG_2", "3672"),
    ("VOLUME_I3_LOG_3", "3673"),
    ("VOLUME_I3_LOG_4", "3674"),
    ("VOLUME_I3_LOG_5", "3675"),
    ("VOLUME_F3_LOG_0", "3680"),
    ("VOLUME_F3_LOG_1", "3681"),
    ("VOLUME_F3_LOG_2", "3682"),
    ("VOLUME_F3_LOG_3", "3683"),
    ("VOLUME_F3_LOG_4", "3684"),
    ("VOLUME_F3_LOG_5", "3685"),
    ("VOLUME_Y3_LOG_0", "3690"),
    ("VOLUME_Y3_LOG_1", "3691"),
    ("VOLUME_Y3_LOG_2", "3692"),
    ("VOLUME_Y3_LOG_3", "3693"),
    ("VOLUME_Y3_LOG_4", "3694"),
    ("VOLUME_Y3_LOG_5", "3695"),
    ("COUNT", "37"),
    ("AMOUNT_0", "3900"),
    ("AMOUNT_1", "3901"),
    ("AMOUNT_2", "3902"),
    ("AMOUNT_3", "3903"),
    ("AMOUNT_4", "3904"),
    ("AMOUNT_5", "3905"),
    ("AMOUNT_6", "3906"),
    ("AMOUNT_7", "3907"),
    ("AMOUNT_8", "3908"),
    ("AMOUNT_9", "3909"),
    ("AMOUNT_ISO_0", "3910"),
    ("AMOUNT_ISO_1", "3911"),
    ("AMOUNT_ISO_2", "3912"),
    ("AMOUNT_ISO_3", "3913"),
    ("AMOUNT_ISO_4", "3914"),
    ("AMOUNT_ISO_5", "3915"),
    ("AMOUNT_ISO_6", "3916"),
    ("AMOUNT_ISO_7", "3917"),
    ("AMOUNT_ISO_8", "3918"),
    ("AMOUNT_ISO_9", "3919"),
    ("PRICE_0", "3920"),
    ("PRICE_1", "3921"),
    ("PRICE_2", "3922"),
    ("PRICE_3", "3923"),
    ("PRICE_4", "3924"),
    ("PRICE_5", "3925"),
    ("PRICE_6", "3926"),
    ("PRICE_7", "3927"),
    ("PRICE_8", "3928"),
    ("PRICE_9", "3929"),
    ("PRICE_ISO_0", "3930"),
    ("PRICE_ISO_1", "3931"),
    ("PRICE_ISO_2", "3932"),
    ("PRICE_ISO_3", "3933"),
    ("PRICE_ISO_4", "3934"),
    ("PRICE_ISO_5", "3935"),
    ("PRICE_ISO_6", "3936"),
    ("PRICE_ISO_7", "3937"),
    ("PRICE_ISO_8", "3938"),
    ("PRICE_ISO_9", "3939"),
    ("PRCNT_OFF_0", "3940"),
    ("PRCNT_OFF_1", "3941"),
    ("PRCNT_OFF_2", "3942"),
    ("PRCNT_OFF_3", "3943"),
    ("PRICE_UOM_0", "3950"),
    ("PRICE_UOM_1", "3951"),
    ("PRICE_UOM_2", "3952"),
    ("PRICE_UOM_3", "3953"),
    ("PRICE_UOM_4", "3954"),
    ("PRICE_UOM_5", "3955"),
    ("ORDER_NUMBER", "400"),
    ("GINC", "401"),
    ("ROUTE", "403"),
    ("SHIP_TO_GLOB_LOC", "410"),
    ("BILL_TO_LOC", "411"),
    ("PURCHASED_FROM", "412"),
    ("SHIP_FOR_LOG", "413"),
    ("LOC_NUMBER", "414"),
    ("PAY_TO", "415"),
    ("PROD_SERV_LOC", "416"),
    ("PARTY", "417"),
    ("SHIP_TO_POST", "420"),
    ("SHIP_TO_POST_ISO", "421"),
    ("ORIGIN", "422"),
    ("COUNTRY_INITIAL_PROCESS", "423"),
    ("COUNTRY_PROCESS", "424"),
    ("COUNTRY_DISASSEMBLY", "425"),
    ("COUNTRY_FULL_PROCESS", "426"),
    ("ORIGIN_SUBDIVISION", "427"),
    ("SHIP_TO_COMP", "4300"),
    ("SHIP_TO_NAME", "4301"),
    ("SHIP_TO_ADD1", "4302"),
    ("SHIP_TO_ADD2", "4303"),
    ("SHIP_TO_SUB", "4304"),
    ("SHIP_TO_LOCALITY", "4305"),
    ("SHIP_TO_REG", "4306"),
    ("SHIP_TO_COUNTRY", "4307"),
    ("SHIP_TO_PHONE", "4308"),
    ("RTN_TO_COMP", "4310"),
    ("RTN_TO_NAME", "4311"),
    ("RTN_TO_ADD1", "4312"),
    ("RTN_TO_ADD2", "4313"),
    ("RTN_TO_SUB", "4314"),
    ("RTN_TO_LOCALITY", "4315"),
    ("RTN_TO_REG", "4316"),
    ("RTN_TO_COUNTRY", "4317"),
    ("RTN_TO_POST", "4318"),
    ("RTN_TO_PHONE", "4319"),
    ("SRV_DESCRIPTION", "4320"),
    ("DANGEROUS_GOODS", "4321"),
    ("AUTH_LEAV", "4322"),
    ("SIG_REQUIRED", "4323"),
    ("NBEF_DEL_DT", "4324"),
    ("NAFT_DEL_DT", "4325"),
    ("REL_DATE", "4326"),
    ("NSN", "7001"),
    ("MEAT_CUT", "7002"),
    ("EXP_TIME", "7003"),
    ("ACTIVE_POTENCY", "7004"),
    ("CATCH_AREA", "7005"),
    ("FIRST_FREEZE_DATE", "7006"),
    ("HARVEST_DATE", "7007"),
    ("AQUATIC_SPECIES", "7008"),
    ("FISHING_GEAR_TYPE", "7009"),
    ("PROD_METHID", "7010"),
    ("REFURB_LOT", "7020"),
    ("FUNC_STAT", "7021"),
    ("REV_STAT", "7022"),
    ("GIAI_ASSEMBLY", "7023"),
    ("PROCESSOR_NUMBER_0", "7030"),
    ("PROCESSOR_NUMBER_1", "7031"),
    ("PROCESSOR_NUMBER_2", "7032"),
    ("PROCESSOR_NUMBER_3", "7033"),
    ("PROCESSOR_NUMBER_4", "7034"),
    ("PROCESSOR_NUMBER_5", "7035"),
    ("PROCESSOR_NUMBER_6", "7036"),
    ("PROCESSOR_NUMBER_7", "7037"),
    ("PROCESSOR_NUMBER_8", "7038"),
    ("PROCESSOR_NUMBER_9", "7039"),
    ("UIC_EXT", "7040"),
    ("NHRN_PZN", "710"),
    ("NHRN_CIP", "711"),
    ("NHRN_CN", "712"),
    ("NHRN_DRN", "713"),
    ("NHRN_AIM", "714"),
    ("CERT_NUMBER_0", "7230"),
    ("CERT_NUMBER_1", "7231"),
    ("CERT_NUMBER_2", "7232"),
    ("CERT_NUMBER_3", "7233"),
    ("CERT_NUMBER_4", "7234"),
    ("CERT_NUMBER_5", "7235"),
    ("CERT_NUMBER_6", "7236"),
    ("CERT_NUMBER_7", "7237"),
    ("CERT_NUMBER_8", "7238"),
    ("CERT_NUMBER_9", "7239"),
    ("PROTOCOL", "7240"),
    ("DIMENSIONS", "8001"),
    ("CMT_NUMBER", "8002"),
    ("GRAI", "8003"),
    ("GIAI", "8004"),
    ("PRICE_PER_UNIT", "8005"),
    ("ITIP", "8006"),
    ("IBAN", "8007"),
    ("PROD_TIME", "8008"),
    ("OPTSEN", "8009"),
    ("CPID", "8010"),
    ("CPID_SERIAL", "8011"),
    ("VERSION", "8012"),
    ("GMN", "8013"),
    ("GSRN_PROVIDER", "8017"),
    ("GSRN_RECIPIENT", "8018"),
    ("SRIN", "8019"),
    ("REF_NUMBER", "8020"),
    ("ITIP_CONTENT", "8026"),
    ("COUPON_USA", "8110"),
    ("POINTS", "8111"),
    ("POSITIVE_OFFER_COUPON_USA", "8121"),
    ("PRODUCT_URL", "8200"),
    ("AGREEMENT_INTERNAL", "90"),
    ("COMPANY_INTERNAL_1", "91"),
    ("COMPANY_INTERNAL_2", "92"),
    ("COMPANY_INTERNAL_3", "93"),
    ("COMPANY_INTERNAL_4", "94"),
    ("COMPANY_INTERNAL_5", "95"),
    ("COMPANY_INTERNAL_6", "96"),
    ("COMPANY_INTERNAL_7", "97"),
    ("COMPANY_INTERNAL_8", "98"),
    ("COMPANY_INTERNAL_9", "99"),
];

#[cfg(test)]
mod tests {
    use super::*;

    const SCAN: &str = "]d2\u{1d}01084700069915412110081996195256\u{1d}10DXB2005\u{1d}17220228";

    fn get(key: &str, value: &str) -> Result<String, Gs1Error> {
        extract(Some(key), Some(value))
    }

    #[test]
    fn fixed_length_elements_share_a_group_with_a_variable_one() {
        // 01 (GTIN, 14 digits) then 21 (serial number, to the end of the group).
        assert_eq!(get("gtin", SCAN).as_deref(), Ok("08470006991541"));
        assert_eq!(get("serial number", SCAN).as_deref(), Ok("10081996195256"));
        assert_eq!(get("21", SCAN).as_deref(), Ok("10081996195256"));
        assert_eq!(get("lot number", SCAN).as_deref(), Ok("DXB2005"));
        assert_eq!(get("batch number", SCAN).as_deref(), Ok("DXB2005"));
        assert_eq!(get("expiration date", SCAN).as_deref(), Ok("220228"));
    }

    #[test]
    fn the_first_group_needs_no_separator_and_qr_codes_work_too() {
        let value = "]Q301084700069915412110081996195256\u{1d}10DXB2005";
        assert_eq!(get("serial number", value).as_deref(), Ok("10081996195256"));
        assert_eq!(get("01", value).as_deref(), Ok("08470006991541"));
    }

    #[test]
    fn keys_are_names_codes_or_enum_names_in_any_case_and_spacing() {
        assert_eq!(get("SERIAL_NUMBER", SCAN).as_deref(), Ok("10081996195256"));
        assert_eq!(get("Serial-Number", SCAN).as_deref(), Ok("10081996195256"));
        assert_eq!(get("exp date", SCAN).as_deref(), Ok("220228"));
        assert_eq!(get("Batch Number", SCAN), Err(Gs1Error::UnknownKey("Batch Number".into())));
        assert_eq!(get("colour", SCAN), Err(Gs1Error::UnknownKey("colour".into())));
    }

    #[test]
    fn six_digit_measures_follow_four_digit_identifiers() {
        // 3103 (net weight, kg, 3 decimals) is fixed: 6 digits, then 10 (lot) runs to the end.
        let value = "]d23103001250";
        assert_eq!(get("3103", value).as_deref(), Ok("001250"));
        let value = "]d231030012501012345";
        assert_eq!(get("3103", value).as_deref(), Ok("001250"));
        assert_eq!(get("lot number", value).as_deref(), Ok("12345"));
    }

    #[test]
    fn other_symbologies_and_bad_prefixes_are_refused() {
        assert_eq!(get("gtin", "]E001084700069915"), Err(Gs1Error::UnsupportedSymbology("]E0".into())));
        assert_eq!(get("gtin", "]d101084700069915"), Err(Gs1Error::UnsupportedSymbology("]d1".into())));
        // "010" is no key at all; "235" is an element, not a symbology identifier.
        assert_eq!(get("gtin", "01084700069915"), Err(Gs1Error::UnknownKey("010".into())));
        assert_eq!(get("gtin", "235abc"), Err(Gs1Error::NoSymbologyIdentifier("235".into())));
        assert_eq!(get("gtin", "]d"), Err(Gs1Error::TooShort("]d".into())));
        assert_eq!(extract(Some("gtin"), None), Err(Gs1Error::MissingValue));
        assert_eq!(extract(None, Some(SCAN)), Err(Gs1Error::MissingKey));
    }

    #[test]
    fn missing_elements_and_broken_groups_are_errors() {
        assert_eq!(get("production date", SCAN), Err(Gs1Error::KeyNotInValue("11")));
        assert!(matches!(get("gtin", "]d2010847"), Err(Gs1Error::TruncatedGroup { ai: "01", .. })));
        // No element is coded 14 or 03, though their fixed lengths are listed.
        assert!(matches!(get("gtin", "]d21412345678"), Err(Gs1Error::UnknownApplicationIdentifier(_))));
    }

    #[test]
    fn the_key_is_checked_before_the_value() {
        assert_eq!(extract(Some("colour"), None), Err(Gs1Error::UnknownKey("colour".into())));
    }

    #[test]
    fn every_gs1_error_variant_renders_in_both_languages() {
        fn name(e: &Gs1Error) -> &'static str {
            match e {
                Gs1Error::MissingKey => "MissingKey",
                Gs1Error::UnknownKey(_) => "UnknownKey",
                Gs1Error::MissingValue => "MissingValue",
                Gs1Error::TooShort(_) => "TooShort",
                Gs1Error::UnsupportedSymbology(_) => "UnsupportedSymbology",
                Gs1Error::NoSymbologyIdentifier(_) => "NoSymbologyIdentifier",
                Gs1Error::UnknownApplicationIdentifier(_) => "UnknownApplicationIdentifier",
                Gs1Error::TruncatedGroup { .. } => "TruncatedGroup",
                Gs1Error::KeyNotInValue(_) => "KeyNotInValue",
            }
        }
        let samples = [
            extract(None, Some(SCAN)).unwrap_err(),
            get("colour", SCAN).unwrap_err(),
            extract(Some("gtin"), None).unwrap_err(),
            get("gtin", "]d").unwrap_err(),
            get("gtin", "]E001084700069915").unwrap_err(),
            get("gtin", "235abc").unwrap_err(),
            get("gtin", "]d21412345678").unwrap_err(),
            get("gtin", "]d2010847").unwrap_err(),
            get("production date", SCAN).unwrap_err(),
        ];
        let names: std::collections::BTreeSet<&str> = samples.iter().map(name).collect();
        let all = [
            "MissingKey",
            "UnknownKey",
            "MissingValue",
            "TooShort",
            "UnsupportedSymbology",
            "NoSymbologyIdentifier",
            "UnknownApplicationIdentifier",
            "TruncatedGroup",
            "KeyNotInValue",
        ];
        assert_eq!(names, all.into_iter().collect());
        for e in &samples {
            crate::i18n::catalogue_tests::assert_renders_in_both(&e.message());
        }
    }
}
