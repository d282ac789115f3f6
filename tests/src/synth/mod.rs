//! Deterministic national-scale synthetic DHIS2 metadata: the benchmark input for the metadata
//! import (`bench_metadata_import`; on its own, `synth_metadata --scale national --out FILE`).
//!
//! Owns generating one DHIS2 2.41 `/api/metadata` JSON document (org unit levels and units,
//! category model, option sets and options, data elements, the Person tracked entity type and its
//! attributes, tracker and event programs with stages, sections, rule variables and program rules,
//! aggregate data sets, validation rules and constants) and streaming it to a writer. The same
//! scale and seed always give byte-identical output; every UID is a valid DHIS2 UID, unique in
//! the document, and every reference resolves inside it.
//!
//! Names: province and village names (Khmer and English) are the real NCDD gazetteer entries
//! embedded from `tests/data/cambodia-admin/` (MIT, licence beside the data). Operational districts
//! and health centres are not in the gazetteer and their official list is not public here, so
//! they are made up from it: an OD covers a run of neighbouring admin districts of one province
//! and is named after the first ("<district> Operational District", short "<district> OD",
//! "ស្រុកប្រតិបត្តិ<district>"); a health centre covers a run of neighbouring communes of its OD and
//! is named after the first ("<commune> Health Centre", short "<commune> HC",
//! "មណ្ឌលសុខភាព<commune>"); its villages are the real villages of those communes. The gazetteer has
//! 14,578 villages, so the national tree reuses 22 village names with a number suffix
//! ("<village> 2" / "<village>២"). Health wording comes from a small English/Khmer vocabulary
//! (`synth/vocab.rs`; the Khmer is draft and needs native clinical review). Option sets are either
//! fixed clinical lists or lists of real villages of a province or district.
//!
//! Deliberate departures from "2-4 stages per program": DHIS2 event programs
//! (WITHOUT_REGISTRATION) have exactly one stage, so the four event programs have one stage each
//! and the six tracker programs two to four.
//!
//! Does not own the command line (`src/bin/synth_metadata.rs`), the metadata model or the
//! importer (phum-core), and never reads files at run time.

mod emit;
mod gazetteer;
mod json;
mod plan;
mod rng;
mod vocab;

use std::io;

use gazetteer::{Gazetteer, TreeSize};
use plan::Sizes;
use rng::UidPool;

/// How big the generated metadata is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// The benchmark size: 25 provinces, 103 operational districts, 1,300 health centres, 14,600
    /// villages, 10 programs, 2,000 data elements, 500 option sets with 20,000 options, 2,000
    /// program rules, 100 tracked entity attributes, 4 data sets.
    National,
    /// A tiny variant for fast tests: 2 provinces, 4 ODs, 12 health centres, 48 villages,
    /// 3 programs, 80 data elements, 12 option sets, 150 options, 40 rules, 2 data sets.
    Small,
}

/// What was written, per collection (nested objects counted where they live).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SynthCounts {
    pub organisation_units: usize,
    pub programs: usize,
    pub program_stages: usize,
    pub data_elements: usize,
    pub option_sets: usize,
    pub options: usize,
    pub program_rules: usize,
    pub program_rule_actions: usize,
    pub program_rule_variables: usize,
    pub tracked_entity_attributes: usize,
    pub data_sets: usize,
    pub category_option_combos: usize,
}

const ALL_PROGRAMS: &[usize] = &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const ALL_DATA_SETS: &[usize] = &[0, 1, 2, 3];

fn sizes(scale: Scale) -> (TreeSize, Sizes) {
    match scale {
        Scale::National => (
            TreeSize { provinces: &[], operational_districts: 103, health_centres: 1_300, villages: 14_600 },
            Sizes {
                programs: ALL_PROGRAMS,
                tracker_data_elements: 1_800,
                aggregate_data_elements: 200,
                option_sets: 500,
                theme_option_sets: 350,
                options: 20_000,
                program_rules: 2_000,
                core_attributes: 22,
                attributes_per_program: 13,
                data_sets: ALL_DATA_SETS,
            },
        ),
        Scale::Small => (
            TreeSize { provinces: &["17", "21"], operational_districts: 4, health_centres: 12, villages: 48 },
            Sizes {
                programs: &[0, 1, 6],
                tracker_data_elements: 60,
                aggregate_data_elements: 20,
                option_sets: 12,
                theme_option_sets: 9,
                options: 150,
                program_rules: 40,
                core_attributes: 10,
                attributes_per_program: 3,
                data_sets: &[0, 1],
            },
        ),
    }
}

/// Writes one DHIS2 `/api/metadata` JSON document of the given scale to `out`, object by object.
/// The same `scale` and `seed` always produce the same bytes. Wrap a file in a `BufWriter` or
/// not: output is handed over in chunks of about 64 KiB either way.
pub fn write_metadata(scale: Scale, seed: u64, out: &mut dyn io::Write) -> io::Result<SynthCounts> {
    let gazetteer = Gazetteer::load()?;
    let (tree_size, sizes) = sizes(scale);
    let mut pool = UidPool::new();
    let tree = gazetteer::build_tree(&gazetteer, &tree_size, seed, &mut pool)?;
    let plan = plan::build(&gazetteer, &sizes, seed, &mut pool)?;
    drop(gazetteer);
    emit::write(&tree, &plan, out)?;
    Ok(SynthCounts {
        organisation_units: tree.units.len(),
        programs: plan.programs.len(),
        program_stages: plan.programs.iter().map(|p| p.stages.len()).sum(),
        data_elements: plan.data_elements.len(),
        option_sets: plan.option_sets.len(),
        options: plan.option_sets.iter().map(|s| s.options.len()).sum(),
        program_rules: plan.programs.iter().map(|p| p.rules.len()).sum(),
        program_rule_actions: plan.programs.iter().flat_map(|p| &p.rules).map(|r| r.actions.len()).sum(),
        program_rule_variables: plan.programs.iter().map(|p| p.variables.len()).sum(),
        tracked_entity_attributes: plan.attributes.len(),
        data_sets: plan.data_sets.len(),
        category_option_combos: plan.combos.iter().map(|c| c.cocs.len()).sum(),
    })
}

#[cfg(test)]
mod check;

#[cfg(test)]
mod tests {
    use super::check::{check_document, list, TOP_KEYS};
    use super::*;
    use serde_json::Value;
    use std::collections::HashSet;
    use std::sync::OnceLock;

    const SEED: u64 = 20_260_101;

    struct Generated {
        bytes: Vec<u8>,
        counts: SynthCounts,
        doc: Value,
    }

    fn generate(scale: Scale, seed: u64) -> (Vec<u8>, SynthCounts) {
        let mut bytes = Vec::new();
        let counts = write_metadata(scale, seed, &mut bytes).expect("generation succeeds");
        (bytes, counts)
    }

    fn parsed(scale: Scale, seed: u64) -> Generated {
        let (bytes, counts) = generate(scale, seed);
        let doc: Value = serde_json::from_slice(&bytes).expect("output is valid JSON");
        Generated { bytes, counts, doc }
    }

    fn national() -> &'static Generated {
        static CELL: OnceLock<Generated> = OnceLock::new();
        CELL.get_or_init(|| parsed(Scale::National, SEED))
    }

    fn small() -> &'static Generated {
        static CELL: OnceLock<Generated> = OnceLock::new();
        CELL.get_or_init(|| parsed(Scale::Small, SEED))
    }

    fn fnv1a(bytes: &[u8]) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h
    }

    fn assert_counts_match(g: &Generated) {
        let d = &g.doc;
        let n = |k: &str| list(d, k).len();
        let c = &g.counts;
        assert_eq!(c.organisation_units, n("organisationUnits"));
        assert_eq!(c.programs, n("programs"));
        assert_eq!(c.program_stages, n("programStages"));
        assert_eq!(c.data_elements, n("dataElements"));
        assert_eq!(c.option_sets, n("optionSets"));
        assert_eq!(c.options, n("options"));
        assert_eq!(c.program_rules, n("programRules"));
        assert_eq!(c.tracked_entity_attributes, n("trackedEntityAttributes"));
        assert_eq!(c.data_sets, n("dataSets"));
        let nested = |k: &str, inner: &str| -> usize {
            list(d, k).iter().map(|o| o[inner].as_array().map_or(0, Vec::len)).sum()
        };
        assert_eq!(c.program_rule_actions, nested("programRules", "programRuleActions"));
        assert_eq!(c.program_rule_variables, nested("programs", "programRuleVariables"));
        assert_eq!(c.category_option_combos, nested("categoryCombos", "categoryOptionCombos"));
    }

    #[test]
    fn national_has_the_benchmark_sizes() {
        let g = national();
        assert_counts_match(g);
        let c = &g.counts;
        assert_eq!(c.organisation_units, 16_029);
        assert_eq!(c.programs, 10);
        assert_eq!(c.data_elements, 2_000);
        assert_eq!(c.option_sets, 500);
        assert_eq!(c.options, 20_000);
        assert_eq!(c.program_rules, 2_000);
        assert_eq!(c.tracked_entity_attributes, 100);
        assert_eq!(c.data_sets, 4);
        let per_level = |level: i64| {
            list(&g.doc, "organisationUnits").iter().filter(|o| o["level"].as_i64() == Some(level)).count()
        };
        assert_eq!([per_level(1), per_level(2), per_level(3), per_level(4), per_level(5)], [1, 25, 103, 1_300, 14_600]);
        let tracker = list(&g.doc, "programs").iter().filter(|p| p["programType"] == "WITH_REGISTRATION").count();
        assert_eq!(tracker, 6);
        // The collections are written in the documented order.
        let text = std::str::from_utf8(&g.bytes).expect("UTF-8");
        let mut last = 0;
        for key in TOP_KEYS {
            let pos = text.find(&format!("\n\"{key}\":")).unwrap_or_else(|| panic!("{key} present"));
            assert!(pos >= last, "{key} in order");
            last = pos;
        }
        println!("national: {} bytes, fnv1a {:016x}, counts {:?}", g.bytes.len(), fnv1a(&g.bytes), g.counts);
    }

    #[test]
    fn national_document_is_consistent() {
        check_document(&national().doc);
    }

    #[test]
    fn small_document_is_consistent() {
        let g = small();
        assert_counts_match(g);
        check_document(&g.doc);
        assert_eq!(g.counts.organisation_units, 1 + 2 + 4 + 12 + 48);
        assert_eq!(g.counts.programs, 3);
        assert_eq!(g.counts.options, 150);
        assert_eq!(g.counts.program_rules, 40);
    }

    #[test]
    fn checker_catches_broken_references() {
        type Mutation = Box<dyn Fn(&mut Value)>;
        let base = &small().doc;
        let mutations: Vec<Mutation> = vec![
            Box::new(|d| {
                d["programStages"][0]["programStageDataElements"][0]["dataElement"]["id"] = "Xxxxxxxxxx1".into()
            }),
            Box::new(|d| {
                let c = d["programRules"][0]["condition"].as_str().unwrap().to_string();
                d["programRules"][0]["condition"] = format!("{c} && #{{no_such_variable}} > 1").into();
            }),
            Box::new(|d| d["options"][0]["optionSet"]["id"] = d["programs"][0]["id"].clone()),
            Box::new(|d| d["organisationUnits"][5]["path"] = "/broken".into()),
            Box::new(|d| d["dataElements"][0]["id"] = d["dataElements"][1]["id"].clone()),
            Box::new(|d| d["dataElements"][0]["id"] = "1notAValid".into()),
        ];
        for (i, mutate) in mutations.iter().enumerate() {
            let mut doc = base.clone();
            mutate(&mut doc);
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check_document(&doc)));
            assert!(result.is_err(), "mutation {i} is caught");
        }
    }

    /// The output, pinned: a change to the generator that changes one byte for the same scale and
    /// seed fails here (benchmark figures are comparable only over identical input).
    #[test]
    fn the_output_is_pinned_per_scale_and_seed() {
        for (scale, seed, len, hash) in
            [(Scale::Small, 1, 273_407, 0x7d9b_d9a8_71ce_e031), (Scale::Small, SEED, 275_225, 0x3862_0943_a80c_8017)]
        {
            let (bytes, _) = generate(scale, seed);
            assert_eq!((bytes.len(), fnv1a(&bytes)), (len, hash), "{scale:?}, seed {seed}");
        }
        let national = national();
        assert_eq!((national.bytes.len(), fnv1a(&national.bytes)), (20_639_244, 0xb8e9_6643_dd80_f59c));
    }

    #[test]
    fn same_seed_gives_identical_bytes() {
        let (again, counts) = generate(Scale::National, SEED);
        let first = national();
        assert_eq!(fnv1a(&again), fnv1a(&first.bytes));
        assert!(again == first.bytes, "byte-identical");
        assert_eq!(counts, first.counts);
        let (other, _) = generate(Scale::Small, SEED + 1);
        assert_ne!(fnv1a(&other), fnv1a(&small().bytes), "another seed gives other UIDs");
    }

    #[test]
    fn real_place_names_are_used() {
        let doc = &national().doc;
        let names: HashSet<&str> = list(doc, "organisationUnits").iter().map(|o| o["name"].as_str().unwrap()).collect();
        for name in ["Cambodia", "Phnom Penh Capital", "Siem Reap Province", "Ou Thum Village"] {
            assert!(names.contains(name), "{name}");
        }
        let siem_reap = list(doc, "organisationUnits").iter().find(|o| o["name"] == "Siem Reap Province").unwrap();
        assert!(siem_reap["translations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["locale"] == "km" && t["value"] == "ខេត្តសៀមរាប"));
        let reused = list(doc, "organisationUnits")
            .iter()
            .filter(|o| o["code"].as_str().unwrap().matches('-').count() == 2)
            .count();
        assert_eq!(reused, 22, "villages beyond the gazetteer's 14,578 reuse names with a suffix");
    }

    #[test]
    fn theme_indices_name_the_right_lists() {
        use vocab::*;
        assert_eq!(THEMES[THEME_SEX].en, "Sex");
        assert_eq!(THEMES[THEME_EDUCATION].en, "Education level");
        assert_eq!(THEMES[THEME_OCCUPATION].en, "Occupation");
        assert_eq!(THEMES[THEME_MARITAL].en, "Marital status");
        assert_eq!(THEMES[THEME_ETHNICITY].en, "Ethnicity");
        assert_eq!(THEMES[THEME_INSURANCE].en, "Health insurance");
        assert_eq!(THEMES[THEME_ENROLLMENT_SOURCE].en, "Enrollment source");
    }

    #[test]
    fn apportion_is_exact_and_bounded() {
        use gazetteer::apportion;
        assert_eq!(apportion(10, &[1, 1, 1], &[0, 0, 0], &[10, 10, 10]), Some(vec![4, 3, 3]));
        assert_eq!(apportion(5, &[100, 1], &[1, 1], &[3, 10]), Some(vec![3, 2]));
        assert_eq!(apportion(3, &[1, 1], &[2, 2], &[5, 5]), None);
        let parts = apportion(1_300, &[7, 13, 2, 40], &[1; 4], &[1_000; 4]).unwrap();
        assert_eq!(parts.iter().sum::<usize>(), 1_300);
    }

    #[test]
    fn json_strings_are_escaped() {
        let mut s = String::new();
        json::push_str_literal(&mut s, "a\"b\\c\nd\u{1}ខ");
        assert_eq!(serde_json::from_str::<String>(&s).unwrap(), "a\"b\\c\nd\u{1}ខ");
    }

    #[test]
    fn write_errors_are_returned() {
        struct Failing;
        impl io::Write for Failing {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::other("disk full"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let err = write_metadata(Scale::Small, 1, &mut Failing).unwrap_err();
        assert_eq!(err.to_string(), "disk full");
    }
}
