//! The skeleton of the synthetic metadata document: which objects exist, their UIDs, names and
//! links, decided before anything is written.
//!
//! Owns the layout (how many of what, which data element sits in which stage, which option set it
//! uses, what each program rule says). Holds names and links only, never JSON text: the writer
//! (`emit`) streams the document from this plan one object at a time. Does not own wording (see
//! `vocab`) or the org unit tree (see `gazetteer`).

use std::collections::{HashMap, HashSet};
use std::io;

use super::gazetteer::{apportion, clip, Gazetteer};
use super::rng::{SplitMix64, Uid, UidPool};
use super::vocab::{
    km_digits, AttributeDef, DataSetDef, StageDef, Theme, ADVICE, CONCEPTS, CONSTANTS, CORE_ATTRIBUTES, DATA_SETS,
    DISEASES, ERRORS, KEY_VALUE, NCD_ITEMS, ON_COMPLETE, PROGRAMS, PROGRAM_ATTRIBUTES, SECTIONS, THEMES, VACCINES,
    VHSG_ITEMS, WARNINGS,
};

/// How many of everything (besides the org unit tree).
pub(crate) struct Sizes {
    /// Indices into `vocab::PROGRAMS`.
    pub(crate) programs: &'static [usize],
    pub(crate) tracker_data_elements: usize,
    pub(crate) aggregate_data_elements: usize,
    pub(crate) option_sets: usize,
    /// Option sets built from the fixed option lists; the rest are village lists from the gazetteer.
    pub(crate) theme_option_sets: usize,
    pub(crate) options: usize,
    pub(crate) program_rules: usize,
    pub(crate) core_attributes: usize,
    pub(crate) attributes_per_program: usize,
    /// Indices into `vocab::DATA_SETS`.
    pub(crate) data_sets: &'static [usize],
}

fn invalid(msg: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, format!("synthetic metadata: {msg}"))
}

pub(crate) fn is_numeric(value_type: &str) -> bool {
    matches!(
        value_type,
        "NUMBER"
            | "INTEGER"
            | "INTEGER_POSITIVE"
            | "INTEGER_NEGATIVE"
            | "INTEGER_ZERO_OR_POSITIVE"
            | "PERCENTAGE"
            | "UNIT_INTERVAL"
    )
}

/// What a value looks like, for writing rule conditions about it.
#[derive(Clone, Copy)]
pub(crate) enum Kind {
    Number {
        lo: f64,
        hi: f64,
        int: bool,
    },
    Boolean,
    TrueOnly,
    Date,
    Text,
    Phone,
    OrgUnit,
    /// A value from option set `n`.
    Option(usize),
}

fn kind_of(value_type: &str, lo: f64, hi: f64, option_set: Option<usize>) -> Kind {
    if let Some(set) = option_set {
        return Kind::Option(set);
    }
    match value_type {
        "BOOLEAN" => Kind::Boolean,
        "TRUE_ONLY" => Kind::TrueOnly,
        "DATE" => Kind::Date,
        "PHONE_NUMBER" => Kind::Phone,
        "ORGANISATION_UNIT" => Kind::OrgUnit,
        vt if is_numeric(vt) => Kind::Number { lo, hi, int: vt != "NUMBER" && vt != "PERCENTAGE" },
        _ => Kind::Text,
    }
}

pub(crate) struct CategoryOptionPlan {
    pub(crate) uid: Uid,
    pub(crate) code: &'static str,
    pub(crate) en: &'static str,
    pub(crate) km: &'static str,
}

pub(crate) struct CategoryPlan {
    pub(crate) uid: Uid,
    pub(crate) code: &'static str,
    pub(crate) en: &'static str,
    pub(crate) km: &'static str,
    pub(crate) options: Vec<usize>,
}

pub(crate) struct CocPlan {
    pub(crate) uid: Uid,
    pub(crate) name: String,
    pub(crate) options: Vec<usize>,
}

pub(crate) struct ComboPlan {
    pub(crate) uid: Uid,
    pub(crate) code: &'static str,
    pub(crate) en: &'static str,
    pub(crate) km: &'static str,
    pub(crate) is_default: bool,
    pub(crate) categories: Vec<usize>,
    pub(crate) cocs: Vec<CocPlan>,
}

pub(crate) struct OptionPlan {
    pub(crate) uid: Uid,
    pub(crate) code: String,
    pub(crate) en: String,
    pub(crate) km: String,
}

pub(crate) struct OptionSetPlan {
    pub(crate) uid: Uid,
    pub(crate) code: String,
    pub(crate) en: String,
    pub(crate) km: String,
    /// The question asked with this list on a form.
    pub(crate) question_en: String,
    pub(crate) question_km: String,
    pub(crate) value_type: &'static str,
    pub(crate) options: Vec<OptionPlan>,
}

pub(crate) struct DataElementPlan {
    pub(crate) uid: Uid,
    pub(crate) code: String,
    pub(crate) name_en: String,
    pub(crate) name_km: String,
    pub(crate) short_en: String,
    pub(crate) short_km: String,
    pub(crate) form_en: String,
    pub(crate) form_km: String,
    pub(crate) value_type: &'static str,
    pub(crate) aggregate: bool,
    pub(crate) option_set: Option<usize>,
    pub(crate) combo: usize,
    pub(crate) kind: Kind,
}

pub(crate) struct AttributePlan {
    pub(crate) uid: Uid,
    pub(crate) code: String,
    pub(crate) name_en: String,
    pub(crate) name_km: String,
    pub(crate) short_en: String,
    pub(crate) short_km: String,
    pub(crate) form_en: String,
    pub(crate) form_km: String,
    pub(crate) value_type: &'static str,
    pub(crate) option_set: Option<usize>,
    pub(crate) unique: bool,
    pub(crate) kind: Kind,
}

pub(crate) struct SectionPlan {
    pub(crate) uid: Uid,
    pub(crate) en: String,
    pub(crate) km: String,
    pub(crate) data_elements: Vec<usize>,
}

pub(crate) struct StagePlan {
    pub(crate) uid: Uid,
    pub(crate) en: &'static str,
    pub(crate) km: &'static str,
    pub(crate) repeatable: bool,
    /// (PSDE uid, data element index)
    pub(crate) data_elements: Vec<(Uid, usize)>,
    pub(crate) sections: Vec<SectionPlan>,
}

pub(crate) struct ProgramAttributePlan {
    pub(crate) uid: Uid,
    pub(crate) attribute: usize,
    pub(crate) mandatory: bool,
    pub(crate) searchable: bool,
    pub(crate) display_in_list: bool,
}

pub(crate) struct VariablePlan {
    pub(crate) uid: Uid,
    pub(crate) name: String,
    pub(crate) source: &'static str,
    pub(crate) value_type: &'static str,
    pub(crate) data_element: Option<usize>,
    pub(crate) attribute: Option<usize>,
    /// Index of the stage in its program.
    pub(crate) stage: Option<usize>,
    /// The stage the data element sits in (for choosing rule targets), even when `stage` is None.
    pub(crate) home_stage: Option<usize>,
    pub(crate) use_code: bool,
    pub(crate) kind: Kind,
}

pub(crate) struct ActionPlan {
    pub(crate) uid: Uid,
    pub(crate) action_type: &'static str,
    pub(crate) data_element: Option<Uid>,
    pub(crate) attribute: Option<Uid>,
    pub(crate) stage: Option<Uid>,
    pub(crate) section: Option<Uid>,
    pub(crate) option: Option<Uid>,
    pub(crate) content: Option<(String, String)>,
    pub(crate) data: Option<String>,
    pub(crate) location: Option<&'static str>,
}

pub(crate) struct RulePlan {
    pub(crate) uid: Uid,
    pub(crate) name: String,
    pub(crate) description: String,
    pub(crate) condition: String,
    pub(crate) priority: Option<i64>,
    pub(crate) stage: Option<Uid>,
    pub(crate) actions: Vec<ActionPlan>,
}

pub(crate) struct ProgramPlan {
    pub(crate) uid: Uid,
    pub(crate) def: usize,
    pub(crate) stages: Vec<StagePlan>,
    pub(crate) attributes: Vec<ProgramAttributePlan>,
    pub(crate) variables: Vec<VariablePlan>,
    pub(crate) rules: Vec<RulePlan>,
}

pub(crate) struct TrackedEntityTypePlan {
    pub(crate) uid: Uid,
    /// (attribute index, display in list, searchable, mandatory)
    pub(crate) attributes: Vec<(usize, bool, bool, bool)>,
}

pub(crate) struct DataSetPlan {
    pub(crate) uid: Uid,
    pub(crate) def: usize,
    pub(crate) data_elements: Vec<usize>,
    pub(crate) sections: Vec<SectionPlan>,
}

pub(crate) struct ValidationRulePlan {
    pub(crate) uid: Uid,
    pub(crate) name: String,
    pub(crate) km: String,
    pub(crate) instruction: String,
    pub(crate) period_type: &'static str,
    pub(crate) left: (String, String),
    pub(crate) right: (String, String),
    pub(crate) level: u8,
}

pub(crate) struct ConstantPlan {
    pub(crate) uid: Uid,
    pub(crate) code: &'static str,
    pub(crate) en: &'static str,
    pub(crate) km: &'static str,
    pub(crate) value: &'static str,
}

pub(crate) struct Plan {
    pub(crate) category_options: Vec<CategoryOptionPlan>,
    pub(crate) categories: Vec<CategoryPlan>,
    pub(crate) combos: Vec<ComboPlan>,
    pub(crate) option_sets: Vec<OptionSetPlan>,
    pub(crate) data_elements: Vec<DataElementPlan>,
    pub(crate) tracked_entity_type: TrackedEntityTypePlan,
    pub(crate) attributes: Vec<AttributePlan>,
    pub(crate) programs: Vec<ProgramPlan>,
    pub(crate) data_sets: Vec<DataSetPlan>,
    pub(crate) validation_rules: Vec<ValidationRulePlan>,
    pub(crate) constants: Vec<ConstantPlan>,
}

/// DHIS2's well-known UIDs of the default category model.
pub(crate) const DEFAULT_COMBO: &str = "bjDvmb4bfuf";
pub(crate) const DEFAULT_CATEGORY: &str = "GLevLNI9wkl";
pub(crate) const DEFAULT_OPTION: &str = "xYerKDKCefk";
pub(crate) const DEFAULT_COC: &str = "HllvX50cXC0";

fn fixed(pool: &mut UidPool, text: &str) -> io::Result<Uid> {
    pool.fixed(text).ok_or_else(|| invalid("a built-in UID is not valid"))
}

fn plan_categories(
    seed: u64,
    pool: &mut UidPool,
) -> io::Result<(Vec<CategoryOptionPlan>, Vec<CategoryPlan>, Vec<ComboPlan>)> {
    let mut rng = SplitMix64::new(seed, "categories");
    let specs: [(&str, &str, &str); 8] = [
        ("default", "default", "default"),
        ("MALE", "Male", "ប្រុស"),
        ("FEMALE", "Female", "ស្រី"),
        ("AGE_LT1", "Under 1 year", "ក្រោម ១ ឆ្នាំ"),
        ("AGE_1_4", "1-4 years", "១-៤ ឆ្នាំ"),
        ("AGE_5_14", "5-14 years", "៥-១៤ ឆ្នាំ"),
        ("AGE_15_49", "15-49 years", "១៥-៤៩ ឆ្នាំ"),
        ("AGE_50P", "50 years and over", "៥០ ឆ្នាំ ឬលើស"),
    ];
    let mut options = Vec::new();
    for (i, (code, en, km)) in specs.into_iter().enumerate() {
        let uid = if i == 0 { fixed(pool, DEFAULT_OPTION)? } else { pool.next(&mut rng) };
        options.push(CategoryOptionPlan { uid, code, en, km });
    }
    let categories = vec![
        CategoryPlan {
            uid: fixed(pool, DEFAULT_CATEGORY)?,
            code: "default",
            en: "default",
            km: "default",
            options: vec![0],
        },
        CategoryPlan { uid: pool.next(&mut rng), code: "SEX", en: "Sex", km: "ភេទ", options: vec![1, 2] },
        CategoryPlan {
            uid: pool.next(&mut rng),
            code: "AGE_GROUP",
            en: "Age group",
            km: "ក្រុមអាយុ",
            options: vec![3, 4, 5, 6, 7],
        },
    ];
    let combo_specs: [(&str, &str, &str, Vec<usize>); 4] = [
        ("default", "default", "default", vec![0]),
        ("SEX", "Sex", "ភេទ", vec![1]),
        ("SEX_AGE", "Sex and age group", "ភេទ និងក្រុមអាយុ", vec![1, 2]),
        ("AGE", "Age group", "ក្រុមអាយុ", vec![2]),
    ];
    let mut combos = Vec::new();
    for (i, (code, en, km, cats)) in combo_specs.into_iter().enumerate() {
        let uid = if i == 0 { fixed(pool, DEFAULT_COMBO)? } else { pool.next(&mut rng) };
        // Cartesian product of the categories' options, first category outermost.
        let mut tuples: Vec<Vec<usize>> = vec![Vec::new()];
        for &cat in &cats {
            let mut next = Vec::new();
            for tuple in &tuples {
                for &opt in &categories[cat].options {
                    let mut t = tuple.clone();
                    t.push(opt);
                    next.push(t);
                }
            }
            tuples = next;
        }
        let mut cocs = Vec::new();
        for tuple in tuples {
            let uid = if i == 0 { fixed(pool, DEFAULT_COC)? } else { pool.next(&mut rng) };
            let name = tuple.iter().map(|&o| options[o].en).collect::<Vec<_>>().join(", ");
            cocs.push(CocPlan { uid, name, options: tuple });
        }
        combos.push(ComboPlan { uid, code, en, km, is_default: i == 0, categories: cats, cocs });
    }
    Ok((options, categories, combos))
}

/// The option sets: first `theme_option_sets` from the fixed clinical lists (repeated with a
/// list number when there are more sets than lists), then lists of real villages of a province
/// or district holding the remaining options.
fn plan_option_sets(g: &Gazetteer, sizes: &Sizes, seed: u64, pool: &mut UidPool) -> io::Result<Vec<OptionSetPlan>> {
    let mut rng = SplitMix64::new(seed, "optionSets");
    let mut opt_rng = SplitMix64::new(seed, "options");
    let n_theme = sizes.theme_option_sets.min(sizes.option_sets);
    let n_place = sizes.option_sets - n_theme;
    let mut sets = Vec::with_capacity(sizes.option_sets);
    theme_option_sets(n_theme, pool, &mut rng, &mut opt_rng, &mut sets);
    let theme_options: usize = sets.iter().map(|s| s.options.len()).sum();
    if n_place == 0 {
        if theme_options != sizes.options {
            return Err(invalid("the option total does not match the fixed option lists"));
        }
        return Ok(sets);
    }
    let remaining = sizes
        .options
        .checked_sub(theme_options)
        .ok_or_else(|| invalid("too few options for the fixed option lists"))?;
    village_option_sets(g, n_theme, n_place, remaining, pool, &mut rng, &mut opt_rng, &mut sets)?;
    Ok(sets)
}

fn theme_option_sets(
    n_theme: usize,
    pool: &mut UidPool,
    rng: &mut SplitMix64,
    opt_rng: &mut SplitMix64,
    sets: &mut Vec<OptionSetPlan>,
) {
    for i in 0..n_theme {
        let theme: &Theme = &THEMES[i % THEMES.len()];
        let variant = i / THEMES.len() + 1;
        let (en, km) = if variant == 1 {
            (theme.en.to_string(), theme.km.to_string())
        } else {
            (format!("{} (list {variant})", theme.en), format!("{} (បញ្ជី {})", theme.km, km_digits(&variant.to_string())))
        };
        let uid = pool.next(rng);
        let options = theme
            .options
            .iter()
            .map(|(code, oen, okm)| OptionPlan {
                uid: pool.next(opt_rng),
                code: (*code).to_string(),
                en: (*oen).to_string(),
                km: (*okm).to_string(),
            })
            .collect();
        sets.push(OptionSetPlan {
            uid,
            code: format!("OS_{:03}", i + 1),
            en,
            km,
            question_en: theme.en.to_string(),
            question_km: theme.km.to_string(),
            value_type: theme.value_type,
            options,
        });
    }
}

/// `n_place` sets of villages holding `remaining` options, numbered after the `n_theme` others.
#[allow(clippy::too_many_arguments)]
fn village_option_sets(
    g: &Gazetteer,
    n_theme: usize,
    n_place: usize,
    remaining: usize,
    pool: &mut UidPool,
    rng: &mut SplitMix64,
    opt_rng: &mut SplitMix64,
    sets: &mut Vec<OptionSetPlan>,
) -> io::Result<()> {
    // Village lists: first whole provinces, then districts.
    let mut sources: Vec<(bool, usize, usize)> = Vec::new(); // (is province, index, capacity)
    for p in 0..g.provinces.len() {
        let cap: usize =
            g.districts_of[p].iter().flat_map(|&d| g.communes_of[d].iter()).map(|&c| g.villages_of[c].len()).sum();
        sources.push((true, p, cap));
    }
    for d in 0..g.districts.len() {
        let cap: usize = g.communes_of[d].iter().map(|&c| g.villages_of[c].len()).sum();
        sources.push((false, d, cap));
    }
    if n_place > sources.len() {
        return Err(invalid("more village option sets than provinces and districts"));
    }
    let sources = &sources[..n_place];
    let caps: Vec<usize> = sources.iter().map(|s| s.2).collect();
    let weights: Vec<u64> = caps.iter().map(|&c| c as u64).collect();
    let counts = apportion(remaining, &weights, &vec![1; n_place], &caps)
        .ok_or_else(|| invalid("cannot spread the options over the village option sets"))?;
    for (j, (&(is_province, idx, _), &count)) in sources.iter().zip(&counts).enumerate() {
        let districts: Vec<usize> = if is_province { g.districts_of[idx].clone() } else { vec![idx] };
        let (place_en, place_km, en, km) = if is_province {
            let p = &g.provinces[idx];
            (p.en.clone(), p.km.clone(), format!("Villages of {} province", p.en), format!("ភូមិក្នុងខេត្ត{}", p.km))
        } else {
            let d = &g.districts[idx];
            (d.en.clone(), d.km.clone(), format!("Villages of {} district", d.en), format!("ភូមិក្នុងស្រុក{}", d.km))
        };
        let uid = pool.next(rng);
        let mut seen = HashSet::new();
        let mut options = Vec::with_capacity(count);
        'fill: for &d in &districts {
            for &c in &g.communes_of[d] {
                for &v in &g.villages_of[c] {
                    if options.len() == count {
                        break 'fill;
                    }
                    let village = &g.villages[v];
                    let commune = &g.communes[c];
                    let mut oen = format!("{} ({})", village.en, commune.en);
                    let mut okm = format!("{} ({})", village.km, commune.km);
                    if !seen.insert(oen.clone()) {
                        oen = format!("{oen} {}", village.code);
                        okm = format!("{okm} {}", village.code);
                        seen.insert(oen.clone());
                    }
                    options.push(OptionPlan { uid: pool.next(opt_rng), code: village.code.clone(), en: oen, km: okm });
                }
            }
        }
        sets.push(OptionSetPlan {
            uid,
            code: format!("OS_{:03}", n_theme + j + 1),
            en,
            km,
            question_en: format!("Village of residence ({place_en})"),
            question_km: format!("ភូមិលំនៅ ({place_km})"),
            value_type: "TEXT",
            options,
        });
    }
    Ok(())
}

/// Keeps form labels unique within one form by numbering repeats.
struct LabelCounter(HashMap<String, usize>);

impl LabelCounter {
    fn label(&mut self, en: &str, km: &str) -> (String, String) {
        let n = self.0.entry(en.to_string()).or_insert(0);
        *n += 1;
        if *n == 1 {
            (en.to_string(), km.to_string())
        } else {
            (format!("{en} ({n})"), format!("{km} ({})", km_digits(&n.to_string())))
        }
    }
}

fn data_element_names(code: &str, prefix_en: &str, prefix_km: &str, form_en: &str, form_km: &str) -> [String; 4] {
    [
        format!("{prefix_en} - {form_en}"),
        format!("{prefix_km} - {form_km}"),
        clip(&format!("{code} {form_en}"), 50),
        clip(&format!("{code} {form_km}"), 50),
    ]
}

fn split_sections(items: &[usize], per_section: usize, pool: &mut UidPool, rng: &mut SplitMix64) -> Vec<SectionPlan> {
    let n = items.len().div_ceil(per_section.max(1)).max(1);
    let mut out = Vec::with_capacity(n);
    for k in 0..n {
        let lo = k * items.len() / n;
        let hi = (k + 1) * items.len() / n;
        let (en, km) = SECTIONS[k % SECTIONS.len()];
        let round = k / SECTIONS.len();
        let (en, km) = if round == 0 {
            (en.to_string(), km.to_string())
        } else {
            (format!("{en} {}", round + 1), format!("{km} {}", km_digits(&(round + 1).to_string())))
        };
        out.push(SectionPlan { uid: pool.next(rng), en, km, data_elements: items[lo..hi].to_vec() });
    }
    out
}

struct AggregateItems;

impl AggregateItems {
    fn for_data_set(code: &str) -> Vec<(String, String)> {
        match code {
            "VHSG" => VHSG_ITEMS.iter().map(|(e, k)| (e.to_string(), k.to_string())).collect(),
            "NCDR" => NCD_ITEMS.iter().map(|(e, k)| (e.to_string(), k.to_string())).collect(),
            "EPI" => {
                let mut v = Vec::new();
                for (en, km) in [
                    ("Doses given", "ដូសដែលបានចាក់"),
                    ("Doses in stock at month end", "ដូសនៅសល់ក្នុងស្តុកចុងខែ"),
                    ("Doses wasted", "ដូសដែលខូចខាត"),
                ] {
                    for vaccine in VACCINES {
                        v.push((format!("{en}: {vaccine}"), format!("{km}៖ {vaccine}")));
                    }
                }
                v
            }
            _ => {
                let mut v = Vec::new();
                for (den, dkm) in DISEASES {
                    for (en, km) in
                        [("Suspected cases", "ករណីសង្ស័យ"), ("Confirmed cases", "ករណីបញ្ជាក់"), ("Deaths", "ករណីស្លាប់")]
                    {
                        v.push((format!("{en}: {den}"), format!("{km}៖ {dkm}")));
                    }
                }
                v
            }
        }
    }
}

fn slug(text: &str) -> String {
    let mut out = String::new();
    for ch in text.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
        if out.len() >= 28 {
            break;
        }
    }
    let trimmed = out.trim_end_matches('_').to_string();
    if trimmed.is_empty() {
        "v".to_string()
    } else {
        trimmed
    }
}

fn attribute_plan(
    def: &AttributeDef,
    code: String,
    en: String,
    km: String,
    uid: Uid,
    sets: &[OptionSetPlan],
    theme_sets: usize,
) -> AttributePlan {
    // The first option set made from a theme has that theme's index.
    let option_set = def.theme.filter(|&t| t < theme_sets && t < sets.len());
    let value_type = match option_set {
        Some(s) => sets[s].value_type,
        None => def.value_type,
    };
    AttributePlan {
        uid,
        short_en: clip(&en, 50),
        short_km: clip(&km, 50),
        form_en: en.clone(),
        form_km: km.clone(),
        code,
        name_en: en,
        name_km: km,
        value_type,
        option_set,
        unique: def.unique,
        kind: kind_of(value_type, 0.0, 0.0, option_set),
    }
}

/// Plans every object: categories, option sets, data elements (tracker, stage by stage, then
/// aggregate, data set by data set), attributes and the person type, constants, programs with
/// their stages, attributes and rule variables, program rules, data sets with their validation
/// rules. Each step draws from its own named random stream; UIDs come from one pool, in this
/// order, so the same seed always gives the same plan.
pub(crate) fn build(g: &Gazetteer, sizes: &Sizes, seed: u64, pool: &mut UidPool) -> io::Result<Plan> {
    check_sizes(sizes)?;
    let (category_options, categories, combos) = plan_categories(seed, pool)?;
    let option_sets = plan_option_sets(g, sizes, seed, pool)?;
    let mut data_elements = Vec::with_capacity(sizes.tracker_data_elements + sizes.aggregate_data_elements);
    let mut de_rng = SplitMix64::new(seed, "dataElements");
    let stage_des = plan_tracker_data_elements(sizes, &option_sets, seed, &mut de_rng, pool, &mut data_elements)?;
    let ds_des = plan_aggregate_data_elements(sizes, combos.len(), &mut de_rng, pool, &mut data_elements)?;
    let people = plan_attributes(sizes, &option_sets, seed, pool);
    let mut const_rng = SplitMix64::new(seed, "constants");
    // Constants come before the rules: rule conditions use their UIDs.
    let constants: Vec<ConstantPlan> = CONSTANTS
        .iter()
        .map(|&(code, en, km, value)| ConstantPlan { uid: pool.next(&mut const_rng), code, en, km, value })
        .collect();
    let mut programs = plan_programs(sizes, &stage_des, &data_elements, &people, seed, pool);
    plan_rules(sizes, &mut programs, &data_elements, &people.attributes, &option_sets, &constants, seed, pool)?;
    let (data_sets, validation_rules) = plan_data_sets(sizes, &ds_des, &data_elements, &combos, seed, pool);
    Ok(Plan {
        category_options,
        categories,
        combos,
        option_sets,
        data_elements,
        tracked_entity_type: people.tracked_entity_type,
        attributes: people.attributes,
        programs,
        data_sets,
        validation_rules,
        constants,
    })
}

fn check_sizes(sizes: &Sizes) -> io::Result<()> {
    if sizes.programs.is_empty() || sizes.programs.iter().any(|&p| p >= PROGRAMS.len()) {
        return Err(invalid("unknown program"));
    }
    if sizes.data_sets.is_empty() || sizes.data_sets.iter().any(|&d| d >= DATA_SETS.len()) {
        return Err(invalid("unknown data set"));
    }
    if sizes.option_sets == 0 {
        return Err(invalid("at least one option set is needed"));
    }
    Ok(())
}

/// The tracker data elements, stage by stage in proportion to the stages' weights, about 30% of
/// them with an option set (each set used at least once while there are enough); appended to
/// `data_elements`. Returns each stage's data elements, stages in program order.
fn plan_tracker_data_elements(
    sizes: &Sizes,
    option_sets: &[OptionSetPlan],
    seed: u64,
    de_rng: &mut SplitMix64,
    pool: &mut UidPool,
    data_elements: &mut Vec<DataElementPlan>,
) -> io::Result<Vec<Vec<usize>>> {
    let mut layout_rng = SplitMix64::new(seed, "layout");
    let stage_refs: Vec<(usize, usize)> = sizes
        .programs
        .iter()
        .enumerate()
        .flat_map(|(pi, &p)| (0..PROGRAMS[p].stages.len()).map(move |si| (pi, si)))
        .collect();
    let weights: Vec<u64> = stage_refs.iter().map(|&(pi, si)| PROGRAMS[sizes.programs[pi]].stages[si].weight).collect();
    let per_stage = apportion(
        sizes.tracker_data_elements,
        &weights,
        &vec![1; stage_refs.len()],
        &vec![sizes.tracker_data_elements; stage_refs.len()],
    )
    .ok_or_else(|| invalid("cannot spread the tracker data elements over the stages"))?;
    let total_tracker = sizes.tracker_data_elements;
    let with_options = option_sets.len().max(total_tracker * 3 / 10).min(total_tracker);
    let mut set_order: Vec<usize> = (0..option_sets.len()).collect();
    layout_rng.shuffle(&mut set_order);
    let mut stage_des: Vec<Vec<usize>> = Vec::with_capacity(stage_refs.len());
    let mut slot = 0usize;
    let mut option_slot = 0usize;
    for (&(pi, si), &count) in stage_refs.iter().zip(&per_stage) {
        let program = &PROGRAMS[sizes.programs[pi]];
        let stage = &program.stages[si];
        let mut concepts: Vec<usize> = (0..CONCEPTS.len()).collect();
        layout_rng.shuffle(&mut concepts);
        let mut labels = LabelCounter(HashMap::new());
        let mut list = Vec::with_capacity(count);
        let mut concept_slot = 0usize;
        for j in 0..count {
            let is_option = (slot + 1) * with_options / total_tracker > slot * with_options / total_tracker;
            slot += 1;
            let (form_en, form_km, value_type, option_set, lo, hi) = if is_option {
                let set = if option_slot < set_order.len() {
                    set_order[option_slot]
                } else {
                    layout_rng.below(option_sets.len())
                };
                option_slot += 1;
                let s = &option_sets[set];
                let (en, km) = labels.label(&s.question_en, &s.question_km);
                (en, km, s.value_type, Some(set), 0.0, 10.0)
            } else {
                let concept = &CONCEPTS[concepts[concept_slot % concepts.len()]];
                concept_slot += 1;
                let (en, km) = labels.label(concept.en, concept.km);
                (en, km, concept.value_type, None, concept.lo, concept.hi)
            };
            let code = format!("{}{}_{:03}", program.code, si + 1, j + 1);
            let [name_en, name_km, short_en, short_km] = data_element_names(
                &code,
                &format!("{} {}", program.code, stage.en),
                &format!("{} {}", program.code, stage.km),
                &form_en,
                &form_km,
            );
            let kind = kind_of(value_type, lo, hi, option_set);
            list.push(data_elements.len());
            data_elements.push(DataElementPlan {
                uid: pool.next(de_rng),
                code,
                name_en,
                name_km,
                short_en,
                short_km,
                form_en,
                form_km,
                value_type,
                aggregate: false,
                option_set,
                combo: 0,
                kind,
            });
        }
        stage_des.push(list);
    }
    Ok(stage_des)
}

/// The aggregate data elements, data set by data set in proportion to their weights, named
/// after each data set's items; appended to `data_elements`. Returns each data set's.
fn plan_aggregate_data_elements(
    sizes: &Sizes,
    combos: usize,
    de_rng: &mut SplitMix64,
    pool: &mut UidPool,
    data_elements: &mut Vec<DataElementPlan>,
) -> io::Result<Vec<Vec<usize>>> {
    let ds_weights: Vec<u64> = sizes.data_sets.iter().map(|&d| DATA_SETS[d].weight).collect();
    let per_ds = apportion(
        sizes.aggregate_data_elements,
        &ds_weights,
        &vec![1; ds_weights.len()],
        &vec![sizes.aggregate_data_elements; ds_weights.len()],
    )
    .ok_or_else(|| invalid("cannot spread the aggregate data elements over the data sets"))?;
    let mut ds_des: Vec<Vec<usize>> = Vec::new();
    for (&d, &count) in sizes.data_sets.iter().zip(&per_ds) {
        let def = &DATA_SETS[d];
        let items = AggregateItems::for_data_set(def.code);
        let mut labels = LabelCounter(HashMap::new());
        let mut list = Vec::with_capacity(count);
        for j in 0..count {
            let (ien, ikm) = &items[j % items.len().max(1)];
            let (form_en, form_km) = labels.label(ien, ikm);
            let code = format!("{}_{:03}", def.code, j + 1);
            let [name_en, name_km, short_en, short_km] =
                data_element_names(&code, def.code, def.code, &form_en, &form_km);
            list.push(data_elements.len());
            data_elements.push(DataElementPlan {
                uid: pool.next(de_rng),
                code,
                name_en,
                name_km,
                short_en,
                short_km,
                form_en,
                form_km,
                value_type: "INTEGER_ZERO_OR_POSITIVE",
                aggregate: true,
                option_set: None,
                combo: def.combo.min(combos - 1),
                kind: Kind::Number { lo: 0.0, hi: 500.0, int: true },
            });
        }
        ds_des.push(list);
    }
    Ok(ds_des)
}

/// The person: its attributes and type.
struct People {
    /// The core attributes first (`core` of them), then each tracker program's own.
    attributes: Vec<AttributePlan>,
    core: usize,
    /// Per program of `Sizes::programs`, its own attributes (empty for event programs).
    program_own: Vec<Vec<usize>>,
    tracked_entity_type: TrackedEntityTypePlan,
}

fn plan_attributes(sizes: &Sizes, option_sets: &[OptionSetPlan], seed: u64, pool: &mut UidPool) -> People {
    let mut tea_rng = SplitMix64::new(seed, "trackedEntityAttributes");
    let core = sizes.core_attributes.min(CORE_ATTRIBUTES.len());
    let mut attributes = Vec::new();
    for (i, def) in CORE_ATTRIBUTES.iter().take(core).enumerate() {
        let uid = pool.next(&mut tea_rng);
        attributes.push(attribute_plan(
            def,
            format!("PERSON_{:02}", i + 1),
            def.en.to_string(),
            def.km.to_string(),
            uid,
            option_sets,
            sizes.theme_option_sets,
        ));
    }
    let mut program_own = Vec::new();
    for &p in sizes.programs {
        let def = &PROGRAMS[p];
        let mut own = Vec::new();
        if def.tracker {
            for (i, adef) in PROGRAM_ATTRIBUTES.iter().take(sizes.attributes_per_program).enumerate() {
                let uid = pool.next(&mut tea_rng);
                own.push(attributes.len());
                attributes.push(attribute_plan(
                    adef,
                    format!("{}_ATTR_{:02}", def.code, i + 1),
                    format!("{}: {}", def.short_en, adef.en),
                    format!("{}៖ {}", def.short_km, adef.km),
                    uid,
                    option_sets,
                    sizes.theme_option_sets,
                ));
            }
        }
        program_own.push(own);
    }
    let mut tet_rng = SplitMix64::new(seed, "trackedEntityTypes");
    let tracked_entity_type = TrackedEntityTypePlan {
        uid: pool.next(&mut tet_rng),
        attributes: (0..core.min(8)).map(|i| (i, i < 5, matches!(i, 0 | 1 | 4 | 6 | 7), false)).collect(),
    };
    People { attributes, core, program_own, tracked_entity_type }
}

/// The programs with their stages (and sections), attributes and rule variables; rules come
/// later (`plan_rules`).
fn plan_programs(
    sizes: &Sizes,
    stage_des: &[Vec<usize>],
    data_elements: &[DataElementPlan],
    people: &People,
    seed: u64,
    pool: &mut UidPool,
) -> Vec<ProgramPlan> {
    let mut prog_rng = SplitMix64::new(seed, "programs");
    let mut stage_rng = SplitMix64::new(seed, "programStages");
    let mut var_rng = SplitMix64::new(seed, "programRuleVariables");
    let mut programs = Vec::new();
    let mut stage_des = stage_des.iter();
    for (pi, &p) in sizes.programs.iter().enumerate() {
        let def = &PROGRAMS[p];
        let uid = pool.next(&mut prog_rng);
        let stages: Vec<StagePlan> = def
            .stages
            .iter()
            .zip(stage_des.by_ref())
            .map(|(sdef, des)| plan_stage(sdef, des, pool, &mut stage_rng))
            .collect();
        let attributes = if def.tracker {
            program_attributes(people, &people.program_own[pi], pool, &mut prog_rng)
        } else {
            Vec::new()
        };
        let variables = rule_variables(&stages, &attributes, data_elements, &people.attributes, pool, &mut var_rng);
        programs.push(ProgramPlan { uid, def: p, stages, attributes, variables, rules: Vec::new() });
    }
    programs
}

fn plan_stage(sdef: &StageDef, des: &[usize], pool: &mut UidPool, rng: &mut SplitMix64) -> StagePlan {
    let uid = pool.next(rng);
    let data_elements: Vec<(Uid, usize)> = des.iter().map(|&d| (pool.next(rng), d)).collect();
    let sections = split_sections(des, 12, pool, rng);
    StagePlan { uid, en: sdef.en, km: sdef.km, repeatable: sdef.repeatable, data_elements, sections }
}

/// A tracker program's attributes: the first core ones, then its own.
fn program_attributes(
    people: &People,
    own: &[usize],
    pool: &mut UidPool,
    rng: &mut SplitMix64,
) -> Vec<ProgramAttributePlan> {
    let core: Vec<usize> = (0..people.core.min(12)).collect();
    core.iter()
        .chain(own)
        .enumerate()
        .map(|(k, &a)| ProgramAttributePlan {
            uid: pool.next(rng),
            attribute: a,
            mandatory: a < 4 && a < people.core,
            searchable: a < people.core && matches!(a, 0 | 1 | 4 | 6 | 7),
            display_in_list: k < 4,
        })
        .collect()
}

/// Rule variables: most data elements of each stage (at least one per stage), every program
/// attribute, two calculated values.
fn rule_variables(
    stages: &[StagePlan],
    program_attributes: &[ProgramAttributePlan],
    data_elements: &[DataElementPlan],
    attributes: &[AttributePlan],
    pool: &mut UidPool,
    rng: &mut SplitMix64,
) -> Vec<VariablePlan> {
    let mut variables: Vec<VariablePlan> = Vec::new();
    let mut n = 0usize;
    for (si, stage) in stages.iter().enumerate() {
        let count = stage.data_elements.len();
        let mut made = 0;
        for (k, &(_, d)) in stage.data_elements.iter().enumerate() {
            let last_chance = k + 1 == count && made == 0;
            if !(rng.chance(60) || last_chance) {
                continue;
            }
            made += 1;
            n += 1;
            let de = &data_elements[d];
            let r = rng.below(100);
            let (source, stage_ref) = if r < 70 {
                ("DATAELEMENT_CURRENT_EVENT", None)
            } else if r < 85 {
                ("DATAELEMENT_NEWEST_EVENT_PROGRAM", None)
            } else {
                ("DATAELEMENT_NEWEST_EVENT_PROGRAM_STAGE", Some(si))
            };
            variables.push(VariablePlan {
                uid: pool.next(rng),
                name: format!("{}_{}", slug(&de.form_en), n),
                source,
                value_type: de.value_type,
                data_element: Some(d),
                attribute: None,
                stage: stage_ref,
                home_stage: Some(si),
                use_code: de.option_set.is_some(),
                kind: de.kind,
            });
        }
    }
    for ptea in program_attributes {
        n += 1;
        let at = &attributes[ptea.attribute];
        variables.push(VariablePlan {
            uid: pool.next(rng),
            name: format!("{}_{}", slug(&at.form_en), n),
            source: "TEI_ATTRIBUTE",
            value_type: at.value_type,
            data_element: None,
            attribute: Some(ptea.attribute),
            stage: None,
            home_stage: None,
            use_code: at.option_set.is_some(),
            kind: at.kind,
        });
    }
    for name in ["calc_risk_score", "calc_days_since_visit"] {
        variables.push(VariablePlan {
            uid: pool.next(rng),
            name: name.to_string(),
            source: "CALCULATED_VALUE",
            value_type: "NUMBER",
            data_element: None,
            attribute: None,
            stage: None,
            home_stage: None,
            use_code: false,
            kind: Kind::Number { lo: 0.0, hi: 10.0, int: false },
        });
    }
    variables
}

/// Program rules, spread over the programs in proportion to their data elements.
#[allow(clippy::too_many_arguments)]
fn plan_rules(
    sizes: &Sizes,
    programs: &mut [ProgramPlan],
    data_elements: &[DataElementPlan],
    attributes: &[AttributePlan],
    option_sets: &[OptionSetPlan],
    constants: &[ConstantPlan],
    seed: u64,
    pool: &mut UidPool,
) -> io::Result<()> {
    let rule_weights: Vec<u64> =
        programs.iter().map(|p| p.stages.iter().map(|s| s.data_elements.len() as u64).sum()).collect();
    let per_program = apportion(
        sizes.program_rules,
        &rule_weights,
        &vec![1; programs.len()],
        &vec![sizes.program_rules; programs.len()],
    )
    .ok_or_else(|| invalid("cannot spread the program rules over the programs"))?;
    let mut rule_rng = SplitMix64::new(seed, "programRules");
    for (program, &count) in programs.iter_mut().zip(&per_program) {
        let ctx = RuleContext { program, data_elements, attributes, option_sets, constants };
        let rules = (0..count).map(|k| ctx.rule(k, pool, &mut rule_rng)).collect();
        program.rules = rules;
    }
    Ok(())
}

/// The data sets with their sections, and per data set up to two validation rules.
fn plan_data_sets(
    sizes: &Sizes,
    ds_des: &[Vec<usize>],
    data_elements: &[DataElementPlan],
    combos: &[ComboPlan],
    seed: u64,
    pool: &mut UidPool,
) -> (Vec<DataSetPlan>, Vec<ValidationRulePlan>) {
    let mut ds_rng = SplitMix64::new(seed, "dataSets");
    let mut vr_rng = SplitMix64::new(seed, "validationRules");
    let mut data_sets = Vec::new();
    let mut validation_rules = Vec::new();
    for (&d, des) in sizes.data_sets.iter().zip(ds_des) {
        let def = &DATA_SETS[d];
        let uid = pool.next(&mut ds_rng);
        let sections = split_sections(des, 10, pool, &mut ds_rng);
        validation_rules.extend(data_set_validation_rules(def, des, data_elements, combos, pool, &mut vr_rng));
        data_sets.push(DataSetPlan { uid, def: d, data_elements: des.clone(), sections });
    }
    (data_sets, validation_rules)
}

/// "second item <= first item", and "one disaggregation of the first item <= its total".
fn data_set_validation_rules(
    def: &DataSetDef,
    des: &[usize],
    data_elements: &[DataElementPlan],
    combos: &[ComboPlan],
    pool: &mut UidPool,
    rng: &mut SplitMix64,
) -> Vec<ValidationRulePlan> {
    let mut rules = Vec::new();
    if des.len() >= 2 {
        let (a, b) = (&data_elements[des[0]], &data_elements[des[1]]);
        rules.push(ValidationRulePlan {
            uid: pool.next(rng),
            name: format!("{}: {} <= {}", def.code, b.form_en, a.form_en),
            km: format!("{}: {} <= {}", def.code, b.form_km, a.form_km),
            instruction: format!("{} cannot be more than {}", b.form_en, a.form_en),
            period_type: def.period_type,
            left: (format!("#{{{}}}", b.uid.as_str()), b.form_en.clone()),
            right: (format!("#{{{}}}", a.uid.as_str()), a.form_en.clone()),
            level: def.level,
        });
    }
    if let Some(&first) = des.first() {
        let de = &data_elements[first];
        let combo = &combos[de.combo];
        if let Some(coc) = combo.cocs.last() {
            rules.push(ValidationRulePlan {
                uid: pool.next(rng),
                name: format!("{}: {} ({}) <= total", def.code, de.form_en, coc.name),
                km: format!("{}: {} ({}) <= សរុប", def.code, de.form_km, coc.name),
                instruction: format!("One disaggregation of {} cannot be more than its total", de.form_en),
                period_type: def.period_type,
                left: (
                    format!("#{{{}.{}}}", de.uid.as_str(), coc.uid.as_str()),
                    format!("{} ({})", de.form_en, coc.name),
                ),
                right: (format!("#{{{}}}", de.uid.as_str()), de.form_en.clone()),
                level: def.level,
            });
        }
    }
    rules
}

/// Everything a program rule may refer to.
struct RuleContext<'a> {
    program: &'a ProgramPlan,
    data_elements: &'a [DataElementPlan],
    attributes: &'a [AttributePlan],
    option_sets: &'a [OptionSetPlan],
    constants: &'a [ConstantPlan],
}

fn fmt_threshold(x: f64, int: bool) -> String {
    if int {
        format!("{}", x.round() as i64)
    } else {
        format!("{x:.1}")
    }
}

impl RuleContext<'_> {
    fn tracker(&self) -> bool {
        PROGRAMS[self.program.def].tracker
    }

    fn reference(&self, v: &VariablePlan) -> String {
        if v.attribute.is_some() {
            format!("A{{{}}}", v.name)
        } else {
            format!("#{{{}}}", v.name)
        }
    }

    fn label(&self, v: &VariablePlan) -> (String, String) {
        if let Some(d) = v.data_element {
            (self.data_elements[d].form_en.clone(), self.data_elements[d].form_km.clone())
        } else if let Some(a) = v.attribute {
            (self.attributes[a].form_en.clone(), self.attributes[a].form_km.clone())
        } else {
            (v.name.clone(), v.name.clone())
        }
    }

    /// One comparison about variable `v`.
    fn clause(&self, v: &VariablePlan, rng: &mut SplitMix64) -> String {
        let x = self.reference(v);
        let name = &v.name;
        let event_date = if self.tracker() && v.attribute.is_some() { "V{enrollment_date}" } else { "V{event_date}" };
        match v.kind {
            Kind::Number { lo, hi, int } => {
                let tf = lo + (hi - lo) * (0.5 + rng.below(45) as f64 / 100.0);
                let t = fmt_threshold(tf, int);
                match rng.below(6) {
                    0 => format!("{x} > {t}"),
                    1 => format!("{x} < {} || {x} > {}", fmt_threshold(lo, int), fmt_threshold(hi, int)),
                    2 => format!("d2:hasValue('{name}') && {x} >= {t}"),
                    3 => {
                        let c = &self.constants[rng.below(self.constants.len())];
                        format!("{x} >= C{{{}}}", c.uid.as_str())
                    }
                    4 => format!("d2:round({x}) == {}", fmt_threshold(tf, true)),
                    _ => format!("{x} <= {t}"),
                }
            }
            Kind::Boolean => match rng.below(3) {
                0 => format!("{x} == true"),
                1 => format!("{x} == false"),
                _ => format!("!{x}"),
            },
            Kind::TrueOnly => match rng.below(2) {
                0 => format!("{x} == true"),
                _ => format!("d2:hasValue('{name}')"),
            },
            Kind::Date => {
                let n = rng.between(1, 60);
                match rng.below(4) {
                    0 => format!("d2:daysBetween({x}, V{{current_date}}) > {n}"),
                    1 => format!("d2:weeksBetween({x}, {event_date}) < {}", n / 4 + 1),
                    // A date in the future. Not `{x} > V{current_date}`: a text date compared with a
                    // DATE environment variable throws on Android (phum lint: quirk-date-string-compare).
                    2 => format!("d2:daysBetween(V{{current_date}}, {x}) > 0"),
                    _ if self.tracker() && v.attribute.is_some() => {
                        format!("d2:yearsBetween({x}, V{{enrollment_date}}) < {}", n / 2 + 1)
                    }
                    _ => format!("d2:monthsBetween({x}, V{{current_date}}) >= {}", n / 10 + 1),
                }
            }
            Kind::Text => match rng.below(4) {
                0 => format!("d2:length({x}) > {}", rng.between(3, 40)),
                1 => format!("!d2:hasValue('{name}')"),
                2 => format!("d2:hasValue({x})"),
                _ => {
                    format!("d2:hasValue('{name}') && !d2:validatePattern({x}, '^[A-Za-z0-9 ]+$')")
                }
            },
            Kind::Phone => {
                format!("d2:hasValue('{name}') && !d2:validatePattern({x}, '^0[1-9][0-9]{{7,8}}$')")
            }
            Kind::OrgUnit => format!("d2:hasValue('{name}')"),
            Kind::Option(set) => {
                let s = &self.option_sets[set];
                let code = s.options.get(rng.below(s.options.len())).map(|o| o.code.as_str()).unwrap_or("X");
                if is_numeric(s.value_type) {
                    format!("{x} >= {code}")
                } else {
                    match rng.below(3) {
                        0 => format!("{x} == '{code}'"),
                        1 => format!("{x} != '{code}'"),
                        _ => format!("d2:hasValue('{name}') && {x} == '{code}'"),
                    }
                }
            }
        }
    }

    fn pick_input(&self, rng: &mut SplitMix64) -> usize {
        let vars = &self.program.variables;
        let inputs: Vec<usize> = (0..vars.len()).filter(|&i| vars[i].source != "CALCULATED_VALUE").collect();
        let attrs: Vec<usize> = inputs.iter().copied().filter(|&i| vars[i].attribute.is_some()).collect();
        if !attrs.is_empty() && rng.chance(20) {
            return attrs[rng.below(attrs.len())];
        }
        let des: Vec<usize> = inputs.iter().copied().filter(|&i| vars[i].data_element.is_some()).collect();
        if des.is_empty() {
            return inputs.first().copied().unwrap_or(0);
        }
        des[rng.below(des.len())]
    }

    /// Data elements a rule about `main` may act on: its stage's, or the whole program's.
    fn scope(&self, stage: Option<usize>) -> Vec<usize> {
        match stage.and_then(|s| self.program.stages.get(s)) {
            Some(s) => s.data_elements.iter().map(|&(_, d)| d).collect(),
            None => self.program.stages.iter().flat_map(|s| s.data_elements.iter().map(|&(_, d)| d)).collect(),
        }
    }

    fn pick_de(
        &self,
        scope: &[usize],
        avoid: Option<usize>,
        rng: &mut SplitMix64,
        ok: impl Fn(&DataElementPlan) -> bool,
    ) -> Option<usize> {
        if scope.is_empty() {
            return None;
        }
        let start = rng.below(scope.len());
        (0..scope.len())
            .map(|k| scope[(start + k) % scope.len()])
            .find(|&d| Some(d) != avoid && ok(&self.data_elements[d]))
    }

    fn rule(&self, k: usize, pool: &mut UidPool, rng: &mut SplitMix64) -> RulePlan {
        let def = &PROGRAMS[self.program.def];
        let vars = &self.program.variables;
        let main_i = self.pick_input(rng);
        let main = &vars[main_i];
        let mut clauses = vec![self.clause(main, rng)];
        if rng.chance(35) {
            let other = &vars[self.pick_input(rng)];
            clauses.push(self.clause(other, rng));
            if rng.chance(25) {
                let calc: Vec<&VariablePlan> = vars.iter().filter(|v| v.source == "CALCULATED_VALUE").collect();
                if let Some(c) = calc.get(rng.below(calc.len().max(1))) {
                    clauses.push(format!("#{{{}}} > {}", c.name, rng.between(0, 5)));
                }
            }
        }
        let condition = if clauses.len() == 1 {
            clauses.remove(0)
        } else {
            let mut out = String::new();
            for (i, c) in clauses.iter().enumerate() {
                if i > 0 {
                    out.push_str(if rng.chance(70) { " && " } else { " || " });
                }
                if c.contains("&&") || c.contains("||") {
                    out.push('(');
                    out.push_str(c);
                    out.push(')');
                } else {
                    out.push_str(c);
                }
            }
            out
        };
        // Scope the rule to the input's stage now and then.
        let rule_stage = match (main.home_stage, main.source) {
            (Some(s), "DATAELEMENT_CURRENT_EVENT") if rng.chance(40) => Some(s),
            _ => None,
        };
        let target_stage = rule_stage.or(main.home_stage);
        let scope = self.scope(target_stage);
        let (label_en, label_km) = self.label(main);
        let n_actions = if rng.chance(50) { 2 } else { 1 };
        let mut actions = Vec::with_capacity(n_actions);
        for _ in 0..n_actions {
            actions.push(self.action(main, &scope, target_stage, (&label_en, &label_km), pool, rng));
        }
        let verb = actions.first().map(|a| a.action_type).unwrap_or("SHOWWARNING").to_lowercase();
        RulePlan {
            uid: pool.next(rng),
            name: format!("{} rule {:04}: {} {}", def.code, k + 1, verb, label_en),
            description: format!("Synthetic rule about {label_en}"),
            condition,
            priority: if rng.chance(50) { Some(rng.between(1, 10)) } else { None },
            stage: rule_stage.map(|s| self.program.stages[s].uid),
            actions,
        }
    }

    fn message(&self, list: &[(&str, &str)], label: (&str, &str), rng: &mut SplitMix64) -> (String, String) {
        let (en, km) = list[rng.below(list.len())];
        (en.replace("{}", label.0), km.replace("{}", label.1))
    }

    /// One action of a rule about `main`: a type drawn by weight, with its target in `scope`
    /// (the data elements the rule's stage sees) or, when the type finds none, a SHOWWARNING or
    /// SHOWERROR next to the field that triggered the rule.
    fn action(
        &self,
        main: &VariablePlan,
        scope: &[usize],
        stage: Option<usize>,
        label: (&str, &str),
        pool: &mut UidPool,
        rng: &mut SplitMix64,
    ) -> ActionPlan {
        let mut a = ActionPlan {
            uid: pool.next(rng),
            action_type: "SHOWWARNING",
            data_element: None,
            attribute: None,
            stage: None,
            section: None,
            option: None,
            content: None,
            data: None,
            location: None,
        };
        let program_attrs: Vec<usize> = self.program.attributes.iter().map(|p| p.attribute).collect();
        let on_attribute = main.attribute.is_some() && !program_attrs.is_empty() && rng.chance(40);
        let wanted = action_type_for(rng.below(100));
        let done = match wanted {
            "HIDEFIELD" | "SETMANDATORYFIELD" => {
                let attributes = if on_attribute { &program_attrs[..] } else { &[] };
                self.target_field(&mut a, main, scope, attributes, rng)
            }
            "ASSIGN" => self.assign(&mut a, main, scope, rng),
            "HIDESECTION" => self.hide_section(&mut a, stage, rng),
            "HIDEOPTION" => self.hide_option(&mut a, scope, rng),
            "DISPLAYTEXT" => {
                a.content = Some(self.message(ADVICE, label, rng));
                if matches!(main.kind, Kind::Number { .. }) {
                    a.data = Some(self.reference(main));
                }
                a.location = Some(if rng.chance(50) { "feedback" } else { "indicators" });
                true
            }
            "DISPLAYKEYVALUEPAIR" => {
                let (en, km) = KEY_VALUE[rng.below(KEY_VALUE.len())];
                a.content = Some((en.to_string(), km.to_string()));
                let numeric = matches!(main.kind, Kind::Number { .. });
                a.data = Some(if numeric { self.reference(main) } else { "#{calc_risk_score}".to_string() });
                a.location = Some("indicators");
                true
            }
            "WARNINGONCOMPLETE" | "ERRORONCOMPLETE" => {
                a.content = Some(self.message(ON_COMPLETE, label, rng));
                if let Some(d) = main.data_element {
                    a.data_element = Some(self.data_elements[d].uid);
                }
                true
            }
            "HIDEPROGRAMSTAGE" => self.hide_stage(&mut a, main, rng),
            _ => false,
        };
        if done {
            a.action_type = wanted;
        } else {
            self.message_at_field(&mut a, main, wanted == "SHOWERROR", label, rng);
        }
        a
    }

    /// HIDEFIELD / SETMANDATORYFIELD: one of `attributes` when given, else a data element of
    /// `scope` other than the rule's own.
    fn target_field(
        &self,
        a: &mut ActionPlan,
        main: &VariablePlan,
        scope: &[usize],
        attributes: &[usize],
        rng: &mut SplitMix64,
    ) -> bool {
        if !attributes.is_empty() {
            let at = attributes[rng.below(attributes.len())];
            a.attribute = Some(self.attributes[at].uid);
            true
        } else if let Some(d) = self.pick_de(scope, main.data_element, rng, |_| true) {
            a.data_element = Some(self.data_elements[d].uid);
            true
        } else {
            false
        }
    }

    /// ASSIGN of a value computed from `main` to a calculated value or a NUMBER field.
    fn assign(&self, a: &mut ActionPlan, main: &VariablePlan, scope: &[usize], rng: &mut SplitMix64) -> bool {
        let calc: Vec<&VariablePlan> =
            self.program.variables.iter().filter(|v| v.source == "CALCULATED_VALUE").collect();
        let data = if matches!(main.kind, Kind::Number { .. }) {
            format!("d2:round({} * 10) / 10", self.reference(main))
        } else if main.data_element.is_some() {
            format!("d2:count('{}')", main.name)
        } else {
            "1".to_string()
        };
        if !calc.is_empty() && rng.chance(50) {
            let c = calc[rng.below(calc.len())];
            a.data = Some(data);
            // Assigning to a calculated value names it in `content` (an expression, not
            // text, so it has no translation).
            a.content = Some((format!("#{{{}}}", c.name), String::new()));
            true
        } else if let Some(d) = self.pick_de(scope, main.data_element, rng, |de| de.value_type == "NUMBER") {
            a.data_element = Some(self.data_elements[d].uid);
            a.data = Some(data);
            true
        } else {
            false
        }
    }

    /// HIDESECTION: a section of the rule's stage (or of any stage).
    fn hide_section(&self, a: &mut ActionPlan, stage: Option<usize>, rng: &mut SplitMix64) -> bool {
        let s = stage.unwrap_or_else(|| rng.below(self.program.stages.len()));
        match self.program.stages.get(s).and_then(|st| st.sections.get(rng.below(st.sections.len()))) {
            Some(sec) => {
                a.section = Some(sec.uid);
                true
            }
            None => false,
        }
    }

    /// HIDEOPTION: one option of a data element of `scope` that has an option set.
    fn hide_option(&self, a: &mut ActionPlan, scope: &[usize], rng: &mut SplitMix64) -> bool {
        let Some(d) = self.pick_de(scope, None, rng, |de| de.option_set.is_some()) else { return false };
        let de = &self.data_elements[d];
        let set = de.option_set.and_then(|s| self.option_sets.get(s));
        match set.and_then(|s| s.options.get(rng.below(s.options.len()))) {
            Some(o) => {
                a.data_element = Some(de.uid);
                a.option = Some(o.uid);
                true
            }
            None => false,
        }
    }

    /// HIDEPROGRAMSTAGE (tracker programs of two stages or more): a stage other than `main`'s.
    fn hide_stage(&self, a: &mut ActionPlan, main: &VariablePlan, rng: &mut SplitMix64) -> bool {
        let stages = &self.program.stages;
        if !self.tracker() || stages.len() < 2 {
            return false;
        }
        let mut s = rng.below(stages.len());
        if Some(s) == main.home_stage {
            s = (s + 1) % stages.len();
        }
        a.stage = Some(stages[s].uid);
        true
    }

    /// SHOWERROR (`error`) or SHOWWARNING next to the field that triggered the rule.
    fn message_at_field(
        &self,
        a: &mut ActionPlan,
        main: &VariablePlan,
        error: bool,
        label: (&str, &str),
        rng: &mut SplitMix64,
    ) {
        a.action_type = if error { "SHOWERROR" } else { "SHOWWARNING" };
        a.content = Some(if error {
            let (en, km) = match main.kind {
                Kind::Date => ERRORS[1],
                _ => ERRORS[rng.below(2) * 2],
            };
            (en.replace("{}", label.0), km.replace("{}", label.1))
        } else {
            self.message(WARNINGS, label, rng)
        });
        if let Some(d) = main.data_element {
            a.data_element = Some(self.data_elements[d].uid);
        } else if let Some(at) = main.attribute {
            a.attribute = Some(self.attributes[at].uid);
        }
    }
}

/// The type of an action, by a roll of 0-99: the mix of actions in real programs, warnings and
/// hiding fields most common.
fn action_type_for(roll: usize) -> &'static str {
    match roll {
        0..=17 => "SHOWWARNING",
        18..=31 => "SHOWERROR",
        32..=45 => "HIDEFIELD",
        46..=53 => "ASSIGN",
        54..=63 => "SETMANDATORYFIELD",
        64..=69 => "HIDESECTION",
        70..=77 => "HIDEOPTION",
        78..=85 => "DISPLAYTEXT",
        86..=89 => "DISPLAYKEYVALUEPAIR",
        90..=93 => "WARNINGONCOMPLETE",
        94..=96 => "ERRORONCOMPLETE",
        _ => "HIDEPROGRAMSTAGE",
    }
}
