//! The fuzz body of `fuzz/fuzz_targets/expr.rs` (`phum_core::expr::fuzz_body`) run on stable:
//! over every seed of `fuzz/corpus/expr/` and over 55,000 deterministic pseudo-random inputs
//! (mutated seeds, expressions built from the grammar, and strings of the language's tokens). Any panic fails the test and
//! names the input.

use std::panic;
use std::path::Path;

use phum_core::expr::functions::ArgKind;
use phum_core::expr::fuzz_body::{parse_and_evaluate, Reached};
use phum_core::expr::Function;

const MUTATIONS: usize = 25_000;
const GENERATED: usize = 25_000;
const TOKEN_SOUP: usize = 5_000;

/// SplitMix64: small, fast and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const TOKENS: &[&str] = &[
    "#{n}",
    "#{t}",
    "#{b}",
    "#{d}",
    "#{en}",
    "#{et}",
    "#{eb}",
    "#{ed}",
    "#{bad_n}",
    "#{bad_d}",
    "#{missing}",
    "#{Abcdefghij1}",
    "#{Abcdefghij1.*}",
    "A{n}",
    "C{Cabcdefghi1}",
    "C{Xbcdefghi1}",
    "V{current_date}",
    "V{event_date}",
    "V{org_unit}",
    "V{event_id}",
    "V{enrollment_date}",
    "'n'",
    "'t'",
    "'d'",
    "'event_id'",
    "'2024-02-29'",
    "'2023-02-30'",
    "'abc'",
    "''",
    "'admin'",
    "'g1'",
    "'Ougroup0001'",
    "'[0-9]+'",
    "'(a|b)*c'",
    "'.*'",
    "'\\\\d{3}'",
    "'('",
    "'\\uD83D\\uDE31'",
    "'ភូមិ'",
    "\"x\"",
    "0",
    "1",
    "-1",
    "2.5",
    "0.1",
    "1e308",
    "1e-320",
    "2147483648",
    "-2147483649",
    "9007199254740993",
    ".5",
    "5.",
    "1E+3",
    "true",
    "false",
    "null",
    "and",
    "or",
    "not",
    "+",
    "-",
    "*",
    "/",
    "%",
    "^",
    "<",
    ">",
    "<=",
    ">=",
    "==",
    "!=",
    "&&",
    "||",
    "!",
    "(",
    ")",
    ",",
    ",",
    "(",
    ")",
    "[days]",
    "/*",
    "*/",
    " ",
    "PS_EVENTDATE:Abcdefghij1",
    "d2:condition('#{n} > 1', ",
];

const CHARS: &[char] = &[
    '(', ')', ',', '\'', '"', '\\', '{', '}', '#', ':', '.', '-', '+', '^', '0', '9', 'e', 'u', 'x', ' ', '\n', '\t',
    '\0', 'ក', '😱', '\u{FFFD}', '\u{202E}',
];

fn random_token(rng: &mut Rng) -> String {
    if rng.below(3) == 0 {
        format!("{}(", rng.pick(Function::ALL).name())
    } else {
        rng.pick(TOKENS).to_string()
    }
}

/// The char boundary at or before byte `i`.
fn boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn mutate(rng: &mut Rng, seeds: &[String]) -> String {
    let mut s = rng.pick(seeds).clone();
    for _ in 0..1 + rng.below(2) {
        let at = boundary(&s, rng.below(s.len() + 1));
        match rng.below(6) {
            0 | 1 => s.insert_str(at, &random_token(rng)),
            2 => {
                let end = boundary(&s, at + rng.below(9));
                s.replace_range(at..end.max(at), "");
            }
            3 => s.insert(at, *rng.pick(CHARS)),
            4 => {
                let end = boundary(&s, at + rng.below(12));
                let piece = s[at..end.max(at)].to_string();
                s.insert_str(at, &piece);
            }
            _ => {
                let other = rng.pick(seeds);
                let cut = boundary(other, rng.below(other.len() + 1));
                s.truncate(at);
                s.push_str(&other[cut..]);
            }
        }
    }
    s
}

const OPERANDS: &[&str] = &[
    "#{n}",
    "#{t}",
    "#{b}",
    "#{d}",
    "#{en}",
    "#{et}",
    "#{eb}",
    "#{ed}",
    "#{bad_n}",
    "#{Abcdefghij1}",
    "A{t}",
    "C{Cabcdefghi1}",
    "V{current_date}",
    "V{event_date}",
    "V{event_id}",
    "'2024-02-29'",
    "'abc'",
    "''",
    "'3'",
    "'true'",
    "'ភូមិ😱'",
    "0",
    "1",
    "-1",
    "2.5",
    "0.1",
    "1e308",
    "4.9e-324",
    "2147483648",
    "9007199254740993",
    "true",
    "false",
    "null",
    "[days]",
];
const BINARY: &[&str] = &["+", "-", "*", "/", "%", "^", "<", ">", "<=", ">=", "==", "!=", "&&", "||", "and", "or"];
const DATA_ITEMS: &[&str] =
    &["#{n}", "#{t}", "#{d}", "#{en}", "#{bad_n}", "'t'", "'event_id'", "V{event_id}", "#{Abcdefghij1}"];

/// An expression built from the grammar: it mostly parses, so it reaches the evaluator.
fn grammar(rng: &mut Rng, depth: usize) -> String {
    match if depth > 4 { 0 } else { rng.below(6) } {
        0 | 1 => rng.pick(OPERANDS).to_string(),
        2 => format!("{}{}", rng.pick(&["-", "+", "!", "not "]), grammar(rng, depth + 1)),
        3 => format!("{} {} {}", grammar(rng, depth + 1), rng.pick(BINARY), grammar(rng, depth + 1)),
        4 => format!("({})", grammar(rng, depth + 1)),
        _ => {
            let f = *rng.pick(Function::ALL);
            let (min, max) = f.arity();
            let n = min + rng.below(max.unwrap_or(min + 3) - min + 1);
            let args: Vec<String> = (0..n)
                .map(|i| match f.arg_kind(i) {
                    ArgKind::Value => grammar(rng, depth + 1),
                    ArgKind::DataItem => rng.pick(DATA_ITEMS).to_string(),
                    ArgKind::IntegerLiteral => rng.pick(&["0", "1", "-2", "9", "400", "2147483648"]).to_string(),
                    ArgKind::ConditionText => format!("'{}'", grammar(rng, depth + 1).replace('\'', "\"")),
                })
                .collect();
            format!("{}({})", f.name(), args.join(", "))
        }
    }
}

fn token_soup(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..1 + rng.below(24) {
        s.push_str(&random_token(rng));
        if rng.below(3) == 0 {
            s.push(' ');
        }
    }
    s
}

fn seeds() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus/expr");
    let mut seeds: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e} (regenerate it with fuzz/seed-corpus)", dir.display()))
        .map(|entry| {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            (path.display().to_string(), String::from_utf8_lossy(&bytes).into_owned())
        })
        .collect();
    seeds.sort();
    seeds.into_iter().map(|(_, s)| s).collect()
}

#[test]
fn no_input_makes_the_expression_language_panic() {
    let seeds = seeds();
    assert!(seeds.len() > 500, "only {} seeds", seeds.len());
    let mut rng = Rng(0x5048_554d_2026); // "PHUM" 2026
    let mut inputs = seeds.clone();
    let built: Vec<String> = (0..GENERATED).map(|_| grammar(&mut rng, 0)).collect();
    let mixed: Vec<String> = seeds.iter().chain(&built).cloned().collect();
    inputs.extend(built);
    inputs.extend((0..MUTATIONS).map(|_| mutate(&mut rng, &mixed)));
    inputs.extend((0..TOKEN_SOUP).map(|_| token_soup(&mut rng)));

    let started = std::time::Instant::now();
    let quiet = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let (mut panics, mut evaluated, mut valued) = (Vec::new(), 0, 0);
    for input in &inputs {
        match panic::catch_unwind(|| parse_and_evaluate(input)) {
            Ok(Reached::ParseError) => {}
            Ok(Reached::EvalError) => evaluated += 1,
            Ok(Reached::Value) => {
                evaluated += 1;
                valued += 1;
            }
            Err(payload) => {
                let message = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                panics.push(format!("{input:?}: {message}"));
            }
        }
    }
    panic::set_hook(quiet);
    println!(
        "{} inputs ({} seeds) in {:.2} s: {evaluated} parsed and were evaluated, {valued} of them to a value",
        inputs.len(),
        seeds.len(),
        started.elapsed().as_secs_f64()
    );
    // The generators must keep reaching the evaluator, not only the parser's error paths.
    assert!(evaluated * 4 > inputs.len(), "only {evaluated} of {} inputs parsed", inputs.len());
    assert!(valued * 10 > inputs.len(), "only {valued} of {} inputs evaluated to a value", inputs.len());
    assert!(panics.is_empty(), "{} inputs panic:\n{}", panics.len(), panics.join("\n"));
}
