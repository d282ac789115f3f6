//! Name checks on an expression's tokens: unknown or misspelt d2 functions, wrong argument
//! counts, `V{}` names that do not exist or that the Android engine never fills, `#{}`/`A{}` and
//! quoted names that are not rule variables, `C{}` constants missing from the files; and syntax
//! errors from `expr::parse` that are none of these.
//!
//! Works on tokens (positions for every name, several findings per expression) and asks the
//! real parser how an item is read. Does not own types or quirks (`types`, `quirks`, `grouping`).

use std::ops::Range;

use crate::expr::functions::{ArgKind, Function};
use crate::expr::lexer::{tokenize, Tok, Token};
use crate::expr::parser::ENVIRONMENT_VARIABLES;
use crate::expr::{parse, Expr};
use crate::i18n::Localize;
use crate::model::Uid;
use crate::msg;

use super::catalog::Scope;
use super::finding::{Code, Issue};

/// The environment variables the Android engine fills (research/program-rules.md §1.5); the
/// others parse but fail with "Unknown variable" when evaluated.
pub const FILLED_ENVIRONMENT_VARIABLES: &[&str] = &[
    "current_date",
    "event_count",
    "environment",
    "enrollment_id",
    "enrollment_count",
    "tei_count",
    "enrollment_date",
    "incident_date",
    "enrollment_status",
    "org_unit",
    "program_name",
    "orgunit_code",
    "event_date",
    "due_date",
    "completed_date",
    "event_id",
    "event_status",
    "program_stage_id",
    "program_stage_name",
];

/// What names an expression may use.
pub struct Names<'a> {
    pub scope: &'a Scope,
    pub constant_exists: &'a dyn Fn(&Uid) -> bool,
}

/// Name findings, then a `syntax` finding if `parse` fails for another reason.
pub fn check(src: &str, names: &Names) -> Vec<Issue> {
    let mut issues = Vec::new();
    scan(src, 0, names, &mut issues);
    if let Err(e) = parse(src) {
        // Unknown functions, wrong argument counts and unknown V{} names are parse errors too.
        let explained = issues.iter().any(|i| {
            matches!(i.code, Code::UnknownFunction | Code::WrongArity)
                || i.message.id == "lint-not-environment-variable"
        });
        if !explained {
            issues.push(Issue::error(Code::Syntax, Some(e.at), e.kind.message()));
        }
    }
    issues
}

fn scan(src: &str, offset: usize, names: &Names, out: &mut Vec<Issue>) {
    let Ok(tokens) = tokenize(src) else { return };
    let arguments = arguments(&tokens);
    for (i, t) in tokens.iter().enumerate() {
        let at = Some(offset + t.at);
        match &t.kind {
            Tok::Name(name) if tokens.get(i + 1).is_some_and(|n| n.kind == Tok::LParen) => {
                if matches!(name.as_str(), "and" | "or" | "not") {
                    continue;
                }
                match Function::from_name(name) {
                    None => {
                        let mut issue =
                            Issue::error(Code::UnknownFunction, at, msg!("lint-unknown-function", name = name));
                        if let Some(near) = closest(name, Function::ALL.iter().map(|f| f.name())) {
                            issue = issue.suggest(msg!("lint-did-you-mean", name = near));
                        }
                        out.push(issue);
                    }
                    Some(f) => {
                        if let Some(Some(args)) = arguments.get(i + 1) {
                            call(f, &tokens, i, args, offset, names, out);
                        }
                    }
                }
            }
            Tok::Item(prefix, content) => item(*prefix, content, at, names, out),
            _ => {}
        }
    }
}

/// For each `(` token (by index), the token ranges of the arguments inside it, split at its own
/// commas; `None` for other tokens and for brackets that are never closed. One pass, so that
/// deeply nested calls cost no more than their length.
fn arguments(tokens: &[Token]) -> Vec<Option<Vec<Range<usize>>>> {
    let mut out: Vec<Option<Vec<Range<usize>>>> = vec![None; tokens.len()];
    let mut open: Vec<(usize, usize, Vec<Range<usize>>)> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        match t.kind {
            Tok::LParen => open.push((i, i + 1, Vec::new())),
            Tok::Comma => {
                if let Some((_, start, args)) = open.last_mut() {
                    args.push(*start..i);
                    *start = i + 1;
                }
            }
            Tok::RParen => {
                if let Some((at, start, mut args)) = open.pop() {
                    if !(args.is_empty() && start == i) {
                        args.push(start..i);
                    }
                    out[at] = Some(args);
                }
            }
            _ => {}
        }
    }
    out
}

/// The arguments of the call named by `tokens[name]`: count them, check quoted variable names,
/// and scan the condition text of `d2:condition`.
fn call(
    f: Function,
    tokens: &[Token],
    name: usize,
    args: &[Range<usize>],
    offset: usize,
    names: &Names,
    out: &mut Vec<Issue>,
) {
    let (min, max) = f.arity();
    let at = tokens.get(name).map(|t| offset + t.at);
    if args.len() < min || max.is_some_and(|m| args.len() > m) {
        let (function, found) = (f.name(), args.len());
        let message = match max {
            Some(m) if m == min => msg!("lint-wrong-arity-exact", function = function, count = min, found = found),
            Some(m) => msg!("lint-wrong-arity-range", function = function, min = min, max = m, found = found),
            None => msg!("lint-wrong-arity-at-least", function = function, min = min, found = found),
        };
        out.push(Issue::error(Code::WrongArity, at, message));
    }
    for (index, arg) in args.iter().enumerate() {
        let Some([only]) = tokens.get(arg.clone()) else { continue };
        match (f.arg_kind(index), &only.kind) {
            (ArgKind::DataItem, Tok::Str(name)) if names.scope.get(name).is_none() => {
                out.push(unknown_variable(name, Some(offset + only.at), names, &format!("'{name}'")));
            }
            (ArgKind::ConditionText, Tok::Str(text)) => scan(text, offset + only.at + 1, names, out),
            _ => {}
        }
    }
}

fn item(prefix: char, content: &str, at: Option<usize>, names: &Names, out: &mut Vec<Issue>) {
    let shown = format!("{prefix}{{{content}}}");
    match prefix {
        'V' if !ENVIRONMENT_VARIABLES.contains(&content) => {
            let mut issue =
                Issue::error(Code::UnknownVariable, at, msg!("lint-not-environment-variable", item = &shown));
            if let Some(near) = closest(content, ENVIRONMENT_VARIABLES.iter().copied()) {
                issue = issue.suggest(msg!("lint-did-you-mean", name = format!("V{{{near}}}")));
            }
            out.push(issue);
        }
        'V' if !FILLED_ENVIRONMENT_VARIABLES.contains(&content) && names.scope.get(content).is_none() => {
            out.push(Issue::error(
                Code::UnavailableEnvironmentVariable,
                at,
                msg!("lint-unavailable-environment-variable", item = &shown),
            ));
        }
        'C' => {
            if let Ok(Expr::DataItem { key, .. }) = parse(&shown) {
                if !Uid::parse(&key).is_ok_and(|uid| (names.constant_exists)(&uid)) {
                    out.push(Issue::error(
                        Code::UnknownConstant,
                        at,
                        msg!("lint-unknown-constant", uid = &key, item = &shown),
                    ));
                }
            }
        }
        '#' | 'A' => match parse(&shown) {
            Ok(Expr::Variable { name, .. }) if names.scope.get(&name).is_none() => {
                out.push(unknown_variable(&name, at, names, &shown));
            }
            Ok(Expr::DataItem { key, .. }) if names.scope.get(&key).is_none() && !key.starts_with("PS_EVENTDATE:") => {
                out.push(Issue::warning(Code::UnknownVariable, at, msg!("lint-unknown-uid-item", key = &key)));
            }
            _ => {}
        },
        _ => {}
    }
}

fn unknown_variable(name: &str, at: Option<usize>, names: &Names, shown: &str) -> Issue {
    let issue = Issue::error(Code::UnknownVariable, at, msg!("lint-unknown-variable", item = shown, name = name));
    match closest(name, names.scope.variables.keys().map(String::as_str)) {
        Some(near) => issue.suggest(msg!("lint-did-you-mean-variable", name = near)),
        None => issue,
    }
}

/// The candidate nearest to `word` (same letters in another case, or at most 2 edits away).
fn closest<'c>(word: &str, candidates: impl Iterator<Item = &'c str>) -> Option<&'c str> {
    let limit = 2.min(word.chars().count() / 3 + 1);
    candidates
        .map(|c| (if c.eq_ignore_ascii_case(word) { 0 } else { edit_distance(word, c) }, c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diagonal + usize::from(ca != *cb)).min(row[j] + 1).min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::catalog::VariableInfo;
    use crate::model::value_type::RuleVariableSource;

    fn scope(vars: &[&str]) -> Scope {
        let mut s = Scope::default();
        for (i, v) in vars.iter().enumerate() {
            s.variables.insert(
                v.to_string(),
                VariableInfo {
                    uid: Uid::parse(&format!("Vari000000{i}")).unwrap(),
                    name: v.to_string(),
                    source: RuleVariableSource::DataElementCurrentEvent,
                    field_type: None,
                    field_name: None,
                },
            );
        }
        s
    }

    fn issues(src: &str) -> Vec<Issue> {
        let s = scope(&["weight", "age"]);
        let known = |u: &Uid| u.as_str() == "Const000001";
        check(src, &Names { scope: &s, constant_exists: &known })
    }

    fn codes(src: &str) -> Vec<(Code, Option<usize>)> {
        issues(src).into_iter().map(|i| (i.code, i.at)).collect()
    }

    #[test]
    fn unknown_rule_variables_are_errors_with_a_near_name() {
        let found = issues("#{weight} > 2 && #{wieght} < 5");
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].code, found[0].at), (Code::UnknownVariable, Some(17)));
        assert_eq!(found[0].suggestion.as_ref().map(|s| s.to_string()).as_deref(), Some("did you mean 'weight'?"));
        assert_eq!(codes("d2:hasValue('hieght')"), vec![(Code::UnknownVariable, Some(12))]);
        assert_eq!(codes("A{age} > 1"), vec![]);
    }

    #[test]
    fn uid_shaped_items_without_a_variable_are_warnings() {
        let found = issues("#{Abcdefghijk} > 1");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, Code::UnknownVariable);
        assert_eq!(found[0].severity, crate::lint::finding::Severity::Warning);
    }

    #[test]
    fn environment_variables_must_exist_and_be_filled() {
        let found = issues("V{event_dat} > 1");
        assert_eq!((found[0].code, found[0].at), (Code::UnknownVariable, Some(0)));
        assert_eq!(found[0].suggestion.as_ref().map(|s| s.to_string()).as_deref(), Some("did you mean V{event_date}?"));
        assert_eq!(found.len(), 1, "the parse error is explained already: {found:?}");
        assert_eq!(codes("V{execution_date} == ''"), vec![(Code::UnavailableEnvironmentVariable, Some(0))]);
        assert_eq!(codes("V{event_date} == ''"), vec![]);
    }

    #[test]
    fn constants_must_be_in_the_files() {
        assert_eq!(codes("C{Const000001} + 1"), vec![]);
        assert_eq!(codes("1 + C{Const000002}"), vec![(Code::UnknownConstant, Some(4))]);
    }

    #[test]
    fn unknown_functions_and_wrong_arity_are_named_at_the_function() {
        let found = issues("d2:hasvalue(#{age}) && d2:round(1, 2, 3) > 0");
        let got: Vec<(Code, Option<usize>)> = found.iter().map(|i| (i.code, i.at)).collect();
        assert_eq!(got, vec![(Code::UnknownFunction, Some(0)), (Code::WrongArity, Some(23))]);
        assert_eq!(found[0].suggestion.as_ref().map(|s| s.to_string()).as_deref(), Some("did you mean d2:hasValue?"));
        assert!(found[1].message.to_string().contains("takes 1 to 2 arguments, found 3"), "{}", found[1].message);
        assert_eq!(codes("d2:zpvc()"), vec![]);
    }

    #[test]
    fn names_inside_condition_text_are_checked() {
        assert_eq!(codes("d2:condition('#{nope} > 1', 1, 2)"), vec![(Code::UnknownVariable, Some(14))]);
    }

    #[test]
    fn other_parse_errors_are_syntax_findings() {
        assert_eq!(codes("#{weight} > "), vec![(Code::Syntax, Some(12))]);
        assert_eq!(codes("#{weight} = 1"), vec![(Code::Syntax, Some(10))]);
        assert_eq!(codes("(#{weight} + 1"), vec![(Code::Syntax, Some(14))]);
    }

    #[test]
    fn deeply_nested_calls_give_one_syntax_finding() {
        let deep = format!("{}1{}", "d2:ceil(".repeat(5000), ")".repeat(5000));
        let found = codes(&deep);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, Code::Syntax);
    }

    #[test]
    fn edit_distance_counts_single_character_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "ab"), 2);
        assert_eq!(closest("wieght", ["weight", "age"].into_iter()), Some("weight"));
        assert_eq!(closest("zzz", ["weight"].into_iter()), None);
    }
}
