//! Benchmark: local people search over 200,000 people (Khmer and Latin names, phones, IDs).
//! Budget: < 20 ms at the 95th percentile for prefix search (DESIGN.md).
//!
//! Registers the people deterministically (names from lists of common Khmer family and given
//! names with their usual Latin spellings, Cambodian mobile numbers in the forms people write
//! them, health-centre IDs) into a fresh encrypted store through the public API, indexing each
//! person as a form session does; then times a full index rebuild, reopens the store, and times
//! prefix searches of 1-4 typed characters (Khmer, Latin, phone digits with 0 or +855, IDs, and
//! two-word queries), with every 20th query a text of 20 words (names in Khmer and Latin, a phone,
//! an ID: a pasted line; the search reads its first `MAX_QUERY_WORDS`). Reports median, p95 and
//! max per kind and overall, the load and rebuild times and the database size.
//!
//! Usage: `scripts/bench` (builds and runs this), or
//! `bench_search [--runs N] [--people N] [--seed N] [--limit N]` (`--runs`: timed searches).

use std::time::{Duration, Instant};

use phum_core::model::{DeviceClock, Uid};
use phum_core::search::index::{index_person, rebuild};
use phum_core::search::query::{search, MatchMode, SearchOptions, SearchTarget};
use phum_core::search::SearchError;
use phum_core::store::{DbKey, Store};
use phum_tests::rng::Rng;

const BUDGET_P95_MS: f64 = 20.0;

/// Common Khmer family names and their usual Latin spellings.
const FAMILY: &[(&str, &str)] = &[
    ("សុខ", "Sok"),
    ("ចាន់", "Chan"),
    ("កែវ", "Keo"),
    ("ហេង", "Heng"),
    ("លី", "Ly"),
    ("ឈឹម", "Chhim"),
    ("ស៊ុន", "Sun"),
    ("ម៉ៅ", "Mao"),
    ("ប៉ែន", "Pen"),
    ("សេង", "Seng"),
    ("ហ៊ុន", "Hun"),
    ("នួន", "Nuon"),
    ("ឃឹម", "Khim"),
    ("ជា", "Chea"),
    ("យឹម", "Yim"),
    ("ទេព", "Tep"),
    ("ពេជ្រ", "Pich"),
    ("មាស", "Meas"),
    ("អ៊ុក", "Ouk"),
    ("ឡុង", "Long"),
    ("ម៉ម", "Mom"),
    ("ប៊ុន", "Bun"),
    ("សួន", "Suon"),
    ("រស់", "Ros"),
    ("ខៀវ", "Khiev"),
    ("ស្រេង", "Sreng"),
    ("ឌួង", "Duong"),
    ("ងិន", "Ngin"),
    ("តាំង", "Taing"),
    ("ព្រំ", "Prum"),
];

/// Common Khmer given names and their usual Latin spellings.
const GIVEN: &[(&str, &str)] = &[
    ("សុភា", "Sophea"),
    ("ដារា", "Dara"),
    ("សុខា", "Sokha"),
    ("ចន្ថា", "Chantha"),
    ("វណ្ណា", "Vanna"),
    ("ស្រីមុំ", "Sreymom"),
    ("ស្រីពៅ", "Sreypov"),
    ("បុប្ផា", "Bopha"),
    ("សុផល", "Sophal"),
    ("វិបុល", "Vibol"),
    ("រតនា", "Ratana"),
    ("សុភ័ក្ត្រ", "Sopheak"),
    ("ពិសី", "Pisey"),
    ("សុវណ្ណ", "Sovann"),
    ("ធីតា", "Thida"),
    ("ម៉ាលីស", "Malis"),
    ("សំណាង", "Samnang"),
    ("វាសនា", "Veasna"),
    ("ពិសិដ្ឋ", "Piseth"),
    ("សុជាតា", "Socheata"),
    ("រដ្ឋា", "Rotha"),
    ("នារី", "Neary"),
    ("គឹមហេង", "Kimheng"),
    ("ស្រីនាង", "Sreyneang"),
    ("ភារម្យ", "Phearom"),
    ("ដាវីន", "Davin"),
    ("ស្រីលក្ខណ៍", "Sreyleak"),
    ("បូរ៉ា", "Bora"),
    ("ចំរើន", "Chamroeun"),
    ("សុខលី", "Sokly"),
    ("ធារ៉ា", "Theara"),
    ("មករា", "Makara"),
    ("វុទ្ធី", "Vuthy"),
    ("សុគន្ធា", "Sokunthea"),
    ("ចិន្តា", "Chenda"),
    ("ពៅ", "Pov"),
];

/// Cambodian mobile prefixes (without the trunk 0) and the number of subscriber digits.
const MOBILE: &[(&str, usize)] = &[
    ("12", 6),
    ("11", 6),
    ("17", 6),
    ("77", 6),
    ("92", 6),
    ("10", 6),
    ("15", 6),
    ("16", 6),
    ("69", 6),
    ("70", 6),
    ("85", 6),
    ("93", 6),
    ("97", 7),
    ("88", 7),
    ("96", 7),
    ("71", 7),
];

/// Health-centre codes for IDs (`CODE-000123`), one org unit each.
const CENTRES: &[&str] = &["KRL", "CLD", "KTK", "CCH", "DPG", "KDG", "CBK", "CPI", "DNG", "APS", "PBC", "KNB"];

const PERSON: &str = "PhumTETPers";
const KM_FAMILY: &str = "PhumTEAFmKm";
const KM_GIVEN: &str = "PhumTEAGvKm";
const LATIN: &str = "PhumTEALatn";
const PHONE: &str = "PhumTEAPhon";
const ID: &str = "PhumTEAId01";
const BIRTH: &str = "PhumTEABirt";

fn uid(s: &str) -> Uid {
    Uid::parse(s).expect("a constant UID")
}

struct Person {
    org_unit: usize,
    values: Vec<(&'static str, String)>,
}

fn person(rng: &mut Rng, n: usize) -> Person {
    let family = rng.pick(FAMILY);
    let given = rng.pick(GIVEN);
    let (prefix, digits) = rng.pick(MOBILE);
    let subscriber: String = (0..*digits).map(|_| char::from(b'0' + rng.below(10) as u8)).collect();
    let phone = match rng.below(3) {
        0 => format!("0{prefix}{subscriber}"),
        1 => format!("0{prefix} {} {}", &subscriber[..3], &subscriber[3..]),
        _ => format!("+855 {prefix} {} {}", &subscriber[..3], &subscriber[3..]),
    };
    let centre = rng.below(CENTRES.len());
    let born = format!("{}-{:02}-{:02}", rng.range(1950, 2025), rng.range(1, 12), rng.range(1, 28));
    Person {
        org_unit: centre,
        values: vec![
            (KM_FAMILY, family.0.to_string()),
            (KM_GIVEN, given.0.to_string()),
            (LATIN, format!("{} {}", family.1, given.1)),
            (PHONE, phone),
            (ID, format!("{}-{:06}", CENTRES[centre], n / CENTRES.len() + 1)),
            (BIRTH, born),
        ],
    }
}

fn org_units() -> Vec<Uid> {
    (0..CENTRES.len()).map(|i| uid(&format!("PhumOUHC{i:03}"))).collect()
}

/// A prefix search as a health worker types it: 1-4 characters of a Khmer or Latin name, the
/// start of a phone number with 0 or +855, the start of an ID, or a family name and the start
/// of a given name.
fn query(rng: &mut Rng) -> (&'static str, String) {
    let k = 1 + rng.below(4);
    let take = |s: &str, k: usize| s.chars().take(k).collect::<String>();
    match rng.below(10) {
        0..=3 => {
            let name = if rng.chance(50) { rng.pick(FAMILY).0 } else { rng.pick(GIVEN).0 };
            ("khmer", take(name, k))
        }
        4..=6 => {
            let name = if rng.chance(50) { rng.pick(FAMILY).1 } else { rng.pick(GIVEN).1 };
            let typed = take(name, k);
            ("latin", if rng.chance(50) { typed.to_lowercase() } else { typed })
        }
        7..=8 => {
            let (prefix, _) = rng.pick(MOBILE);
            let extra: String = (0..rng.below(3)).map(|_| char::from(b'0' + rng.below(10) as u8)).collect();
            let digits = format!("{prefix}{extra}");
            let typed = if rng.chance(50) { format!("0{digits}") } else { format!("+855 {digits}") };
            ("phone", typed)
        }
        _ => {
            if rng.chance(50) {
                ("id", format!("{}-{}", rng.pick(CENTRES), take("000", k - 1)))
            } else {
                ("two words", format!("{} {}", rng.pick(FAMILY).1, take(rng.pick(GIVEN).1, k)))
            }
        }
    }
}

/// A text of `WORDS` words as someone might paste it: Khmer and Latin names, a phone, an ID.
fn many_words(rng: &mut Rng) -> (&'static str, String) {
    const WORDS: usize = 20;
    let mut words = Vec::with_capacity(WORDS);
    while words.len() < WORDS {
        let word = match rng.below(6) {
            0 => rng.pick(FAMILY).0.to_string(),
            1 => rng.pick(GIVEN).0.to_string(),
            2 => rng.pick(FAMILY).1.to_string(),
            3 => rng.pick(GIVEN).1.to_string(),
            4 => format!("0{}", rng.pick(MOBILE).0),
            _ => format!("{}-{:06}", rng.pick(CENTRES), rng.range(1, 20_000)),
        };
        words.push(word);
    }
    ("20 words", words.join(" "))
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

/// Time prefix searches over people registered in an encrypted store.
#[derive(clap::Parser)]
#[command(name = "bench_search")]
struct Args {
    /// Timed searches (1-4 typed characters of names, phones and IDs).
    #[arg(long, default_value_t = 2_000, value_parser = clap::value_parser!(u64).range(1..))]
    runs: u64,
    /// People to register and index first.
    #[arg(long, default_value_t = 200_000)]
    people: usize,
    /// The random seed of the people and the queries.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Hits per search.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..))]
    limit: u64,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = <Args as clap::Parser>::parse();
    let (people, queries, seed, limit) = (args.people, args.runs as usize, args.seed, args.limit as usize);

    let dir = tempfile::tempdir()?;
    let path = dir.path().join("search.db");
    let key = DbKey::generate();
    let units = org_units();
    let tet = uid(PERSON);
    // Searchable: the names, the phone and the ID; the birth date is stored, not indexed.
    let searchable: Vec<Uid> = [KM_FAMILY, KM_GIVEN, LATIN, PHONE, ID].iter().map(|a| uid(a)).collect();

    // Register and index everyone, 10,000 people per transaction.
    let started = Instant::now();
    {
        let mut store = Store::open(&path, Some(&key))?;
        let mut rng = Rng::new(seed);
        let mut n = 0;
        let clock = DeviceClock::default();
        while n < people {
            let batch = (people - n).min(10_000);
            let now = clock.now();
            store.write(|d| {
                for i in n..n + batch {
                    let p = person(&mut rng, i);
                    let te = d.insert_tracked_entity(tet, units[p.org_unit], now)?;
                    let mut pairs = Vec::with_capacity(p.values.len());
                    for (attribute, value) in &p.values {
                        d.set_attribute_value(te.uid, uid(attribute), Some(value), now)?;
                        if *attribute != BIRTH {
                            pairs.push((uid(attribute), value.as_str()));
                        }
                    }
                    index_person(d, te.uid, &pairs)?;
                }
                Ok::<_, SearchError>(())
            })?;
            n += batch;
        }
    }
    let load = started.elapsed().as_secs_f64();
    println!("registered and indexed {people} people in {load:.1} s ({:.0} people/s)", people as f64 / load);

    let started = Instant::now();
    let stats = {
        let mut store = Store::open(&path, Some(&key))?;
        store.write(|d| rebuild(d, Some(&searchable)))?
    };
    let rebuild_s = started.elapsed().as_secs_f64();
    let db_bytes = std::fs::metadata(&path)?.len();
    println!(
        "index rebuild: {} values, {} tokens in {rebuild_s:.1} s; encrypted database {:.1} MB",
        stats.values,
        stats.tokens,
        db_bytes as f64 / 1e6
    );

    // A freshly opened store, as the app has after a start; 100 untimed warm-up searches.
    let store = Store::open(&path, Some(&key))?;
    let target = SearchTarget { tracked_entity_type: tet, attributes: searchable.clone() };
    let options = SearchOptions { mode: MatchMode::Prefix, limit, org_units: vec![] };
    let mut rng = Rng::new(seed ^ 0x5EA2C4);
    for _ in 0..100 {
        let (_, q) = query(&mut rng);
        search(&store.data(), &target, &q, &options)?;
    }
    let mut all: Vec<Duration> = Vec::with_capacity(queries);
    let mut by_kind: Vec<(&str, Vec<Duration>)> = Vec::new();
    let mut hits_total = 0usize;
    let mut slowest = (Duration::ZERO, String::new());
    let mut words_ignored = 0usize;
    for n in 0..queries {
        let (kind, q) = if n % 20 == 19 { many_words(&mut rng) } else { query(&mut rng) };
        let t = Instant::now();
        let result = search(&store.data(), &target, &q, &options)?;
        let took = t.elapsed();
        hits_total += result.hits.len();
        words_ignored += result.words_ignored.len();
        if took > slowest.0 {
            slowest = (took, q.clone());
        }
        all.push(took);
        match by_kind.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, v)) => v.push(took),
            None => by_kind.push((kind, vec![took])),
        }
    }
    by_kind.sort_by_key(|(k, _)| *k);
    for (kind, v) in &mut by_kind {
        v.sort();
        println!(
            "  {kind:<10} n={:<5} median {:6.2} ms  p95 {:6.2} ms  max {:6.2} ms",
            v.len(),
            percentile(v, 0.5),
            percentile(v, 0.95),
            percentile(v, 1.0)
        );
    }
    if let Some((_, long)) = by_kind.iter().find(|(k, _)| *k == "20 words") {
        let p95 = percentile(long, 0.95);
        println!(
            "  20-word queries: p95 {p95:.2} ms, {words_ignored} words left out in all; budget p95 < {BUDGET_P95_MS} ms: {}",
            if p95 < BUDGET_P95_MS { "within" } else { "OVER" }
        );
    }
    all.sort();
    let (median, p95, max) = (percentile(&all, 0.5), percentile(&all, 0.95), percentile(&all, 1.0));
    println!(
        "prefix search, {people} people, {queries} queries, limit {limit}: median {median:.2} ms  p95 {p95:.2} ms  max {max:.2} ms (slowest {:?})  mean hits {:.1}  budget p95 < {BUDGET_P95_MS} ms: {}",
        slowest.1,
        hits_total as f64 / queries.max(1) as f64,
        if p95 < BUDGET_P95_MS { "within" } else { "OVER" }
    );
    println!(
        "{{\"bench\":\"search\",\"people\":{people},\"queries\":{queries},\"wordsIgnored\":{words_ignored},\"medianMs\":{median:.3},\"p95Ms\":{p95:.3},\"maxMs\":{max:.3},\"loadSeconds\":{load:.2},\"rebuildSeconds\":{rebuild_s:.2},\"dbBytes\":{db_bytes}}}"
    );
    Ok(())
}
