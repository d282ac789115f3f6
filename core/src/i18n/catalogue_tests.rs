//! Tests of the catalogues as a whole: every file parses, both languages have the same ids and
//! the same variables per message, every id the code uses exists and every message is used (by
//! scanning the sources for `msg!("..")` and `Message::new("..")` outside test modules), and the
//! Khmer catalogue is Khmer. Also the check every module's tests run on its own messages
//! ([`assert_renders_in_both`]).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;

use super::{try_render, Arg, Lang, Locale, Message, CATALOGUE_FILES};

/// One message of one language's catalogue.
struct Entry {
    file: &'static str,
    /// `$variables` it uses, in its value, variants and attributes.
    variables: BTreeSet<String>,
    /// Other messages it refers to (`{ other-id }`).
    references: BTreeSet<String>,
    /// Its literal text (without placeables' variables), to check the script.
    text: String,
}

fn catalogue(lang: Lang) -> BTreeMap<String, Entry> {
    let mut entries = BTreeMap::new();
    for (file, en, km) in CATALOGUE_FILES {
        let source = if lang == Lang::En { *en } else { *km };
        let resource = fluent_syntax::parser::parse(source)
            .unwrap_or_else(|(_, errors)| panic!("locales/{}/{file}: {errors:?}", lang.code()));
        for entry in resource.body {
            match entry {
                ast::Entry::Message(m) => {
                    let mut e =
                        Entry { file, variables: BTreeSet::new(), references: BTreeSet::new(), text: String::new() };
                    if let Some(p) = &m.value {
                        walk_pattern(p, &mut e);
                    }
                    for a in &m.attributes {
                        walk_pattern(&a.value, &mut e);
                    }
                    let id = m.id.name.to_string();
                    if let Some(previous) = entries.insert(id.clone(), e) {
                        panic!("locales/{}: {id} is in both {} and {file}", lang.code(), previous.file);
                    }
                }
                ast::Entry::Junk { content } => panic!("locales/{}/{file}: junk {content:?}", lang.code()),
                _ => {}
            }
        }
    }
    entries
}

fn walk_pattern(p: &ast::Pattern<&str>, e: &mut Entry) {
    for element in &p.elements {
        match element {
            ast::PatternElement::TextElement { value } => e.text.push_str(value),
            ast::PatternElement::Placeable { expression } => walk_expression(expression, e),
        }
    }
}

fn walk_expression(x: &ast::Expression<&str>, e: &mut Entry) {
    match x {
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, e);
            for v in variants {
                walk_pattern(&v.value, e);
            }
        }
        ast::Expression::Inline(i) => walk_inline(i, e),
    }
}

fn walk_inline(i: &ast::InlineExpression<&str>, e: &mut Entry) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            e.variables.insert(id.name.to_string());
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            e.references.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for p in &arguments.positional {
                walk_inline(p, e);
            }
            for n in &arguments.named {
                walk_inline(&n.value, e);
            }
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, e),
        ast::InlineExpression::StringLiteral { value } => e.text.push_str(value),
        _ => {}
    }
}

fn is_khmer(c: char) -> bool {
    ('\u{1780}'..='\u{17FF}').contains(&c) || ('\u{19E0}'..='\u{19FF}').contains(&c)
}

/// Checks one message a module says: it renders in English and Khmer without error, it gives
/// exactly the variables its text uses (nested messages too), and its Khmer text is Khmer unless
/// the English one has no words of its own (a bare name or number).
#[track_caller]
pub(crate) fn assert_renders_in_both(message: &Message) {
    let en = catalogue_cached(Lang::En);
    let entry = en.get(message.id).unwrap_or_else(|| panic!("{} is not in the English catalogue", message.id));
    let given: BTreeSet<String> = message.args.iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(given, entry.variables, "arguments of {} differ from the variables its text uses", message.id);
    for (_, arg) in &message.args {
        match arg {
            Arg::Message(m) => assert_renders_in_both(m),
            Arg::List(list) => list.iter().for_each(assert_renders_in_both),
            _ => {}
        }
    }
    let english = try_render(message, Locale::ENGLISH).unwrap_or_else(|e| panic!("{e}"));
    let khmer = try_render(message, Locale::KHMER).unwrap_or_else(|e| panic!("{e}"));
    let english_has_words = entry.text.chars().any(|c| c.is_alphabetic());
    assert!(
        !english_has_words || khmer.chars().any(is_khmer),
        "the Khmer text of {} is not Khmer: {khmer:?} (English: {english:?})",
        message.id
    );
}

fn catalogue_cached(lang: Lang) -> &'static BTreeMap<String, Entry> {
    static EN: std::sync::OnceLock<BTreeMap<String, Entry>> = std::sync::OnceLock::new();
    static KM: std::sync::OnceLock<BTreeMap<String, Entry>> = std::sync::OnceLock::new();
    match lang {
        Lang::En => EN.get_or_init(|| catalogue(Lang::En)),
        Lang::Km => KM.get_or_init(|| catalogue(Lang::Km)),
    }
}

/// The message ids the code uses: `msg!("id"` and `Message::new("id"` in `.rs` files of the
/// core and the command line, outside `#[cfg(test)] mod tests` blocks (code a person runs, not
/// the tests' own messages).
fn ids_used_in_code() -> BTreeMap<String, PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let pattern = fancy_regex::Regex::new(r#"(?:msg!\(|Message::new\()\s*"([a-z0-9][a-z0-9-]*)""#).unwrap();
    let mut used = BTreeMap::new();
    for dir in ["core/src", "cli/src", "bindings/src"] {
        for path in source_files(&root.join(dir)) {
            if path.ends_with("i18n/catalogue_tests.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let code: String = text
                .split("#[cfg(test)]\nmod tests")
                .next()
                .unwrap_or("")
                .lines()
                .filter(|line| !line.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            for caps in pattern.captures_iter(code.as_str()) {
                let caps = caps.unwrap();
                used.entry(caps[1].to_string()).or_insert_with(|| path.clone());
            }
        }
    }
    used
}

fn source_files(dir: &Path) -> Vec<PathBuf> {
    source_files_with(dir, "rs")
}

/// The files under `dir` whose name ends in `.extension`.
fn source_files_with(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(source_files_with(&path, extension));
        } else if path.extension().is_some_and(|e| e == extension) {
            files.push(path);
        }
    }
    files
}

#[test]
fn every_catalogue_file_parses_without_error_in_both_languages() {
    assert!(!CATALOGUE_FILES.is_empty());
    for lang in Lang::ALL {
        catalogue(lang);
    }
}

#[test]
fn both_languages_have_the_same_ids_and_variables() {
    let en = catalogue_cached(Lang::En);
    let km = catalogue_cached(Lang::Km);
    let en_ids: BTreeSet<&String> = en.keys().collect();
    let km_ids: BTreeSet<&String> = km.keys().collect();
    assert_eq!(en_ids.difference(&km_ids).collect::<Vec<_>>(), Vec::<&&String>::new(), "ids only in English");
    assert_eq!(km_ids.difference(&en_ids).collect::<Vec<_>>(), Vec::<&&String>::new(), "ids only in Khmer");
    for (id, e) in en {
        let k = &km[id];
        assert_eq!(e.file, k.file, "{id} is in different files");
        assert_eq!(e.variables, k.variables, "{id} uses different variables in English and Khmer");
    }
}

#[test]
fn every_id_used_in_code_is_in_the_catalogue_and_every_message_is_used() {
    let en = catalogue_cached(Lang::En);
    let used = ids_used_in_code();
    let missing: Vec<String> =
        used.iter().filter(|(id, _)| !en.contains_key(*id)).map(|(id, p)| format!("{id} ({})", p.display())).collect();
    assert!(missing.is_empty(), "ids used in code but not in the catalogue: {missing:#?}");
    let referenced: BTreeSet<&String> = en.values().flat_map(|e| e.references.iter()).collect();
    let unused: Vec<&String> = en.keys().filter(|id| !used.contains_key(*id) && !referenced.contains(id)).collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:#?}");
}

/// The screen texts the Android shell asks for by id (`"screen-…"` string literals in its Kotlin,
/// rendered through the bindings' `screen_text`), each with the file that names it.
fn screen_ids_used_in_android() -> BTreeMap<String, PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../android/app/src/main/kotlin");
    let pattern = fancy_regex::Regex::new(r#""(screen-[a-z0-9-]+)""#).unwrap();
    let mut used = BTreeMap::new();
    if root.is_dir() {
        for path in source_files_with(&root, "kt") {
            let text = std::fs::read_to_string(&path).unwrap();
            for caps in pattern.captures_iter(text.as_str()) {
                let caps = caps.unwrap();
                used.entry(caps[1].to_string()).or_insert_with(|| path.clone());
            }
        }
    }
    used
}

#[test]
fn every_screen_text_the_android_shell_names_is_in_the_catalogue() {
    let en = catalogue_cached(Lang::En);
    let missing: Vec<String> = screen_ids_used_in_android()
        .iter()
        .filter(|(id, _)| !en.contains_key(*id))
        .map(|(id, p)| format!("{id} ({})", p.display()))
        .collect();
    assert!(missing.is_empty(), "screen texts the Android shell names but the catalogue lacks: {missing:#?}");
}

#[test]
fn at_least_95_percent_of_khmer_messages_are_in_khmer_script() {
    let km = catalogue_cached(Lang::Km);
    let khmer = km.values().filter(|e| e.text.chars().any(is_khmer)).count();
    let share = khmer as f64 / km.len() as f64;
    println!("Khmer messages: {} of {} in Khmer script ({:.1}%)", khmer, km.len(), share * 100.0);
    assert!(share >= 0.95, "only {:.1}% of Khmer messages contain Khmer script", share * 100.0);
}

#[test]
fn khmer_messages_never_select_on_plural_categories() {
    // Khmer has only `other`: a `[one]` or `[few]` variant in a Khmer message is dead text.
    for (file, _, km) in CATALOGUE_FILES {
        for category in ["[zero]", "[one]", "[two]", "[few]", "[many]"] {
            assert!(!km.contains(category), "locales/km/{file} selects on {category}");
        }
    }
}
