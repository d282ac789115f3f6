//! Checks on aggregate validation rules: each side must parse with the validation-rule parser of
//! `validate::aggregate`, and the data elements, category option combos and constants it reads
//! must be in the files of the run.
//!
//! Owns those checks. Does not own the validation-rule language (`validate::aggregate`) or
//! running the rules.

use crate::i18n::Localize;
use crate::model::Uid;
use crate::msg;
use crate::validate::aggregate::{parse_expression, Item};

use super::catalog::Catalog;
use super::finding::{Code, Issue};

/// Findings for one side of a validation rule.
pub fn check_side(src: &str, catalog: &Catalog) -> Vec<Issue> {
    let expr = match parse_expression(src) {
        Ok(expr) => expr,
        Err(e) => return vec![Issue::error(Code::Syntax, Some(e.position), e.message())],
    };
    let mut out = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for item in expr.items() {
        if seen.contains(&item.text()) {
            continue;
        }
        seen.push(item.text());
        let at = char_offset(src, item.text());
        let (data_element, combos) = match item {
            Item::DataElement { data_element, .. } => (*data_element, vec![]),
            Item::Operand { data_element, category_option_combo, attribute_option_combo, .. } => {
                (*data_element, [*category_option_combo, *attribute_option_combo].into_iter().flatten().collect())
            }
            Item::Constant { constant, text } => {
                if !catalog.constants.contains(constant) {
                    out.push(Issue::error(
                        Code::UnknownConstant,
                        at,
                        msg!("lint-unknown-constant-in-validation-rule", item = text, uid = constant),
                    ));
                }
                continue;
            }
            _ => continue,
        };
        if !catalog.data_elements.contains(&data_element) {
            out.push(Issue::error(
                Code::UnknownDataElement,
                at,
                msg!("lint-unknown-data-element", item = item.text(), uid = data_element),
            ));
        }
        for combo in combos.iter().filter(|c: &&Uid| !catalog.category_option_combos.contains(c)) {
            out.push(Issue::error(
                Code::UnknownCategoryOptionCombo,
                at,
                msg!("lint-unknown-category-option-combo", item = item.text(), uid = combo),
            ));
        }
    }
    out
}

/// The character index of the first `needle` in `src`.
fn char_offset(src: &str, needle: &str) -> Option<usize> {
    src.find(needle).map(|byte| src[..byte].chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::metadata_files::MetadataFile;

    fn files() -> Vec<MetadataFile> {
        vec![MetadataFile::parse(
            "v.json",
            r##"{"dataElements": [{"id": "Dele0000001", "name": "Children", "valueType": "INTEGER"}],
                 "categoryOptionCombos": [{"id": "Coc00000001", "name": "Male"}],
                 "constants": [{"id": "Const000001", "name": "k", "value": 2}]}"##,
        )
        .unwrap()]
    }

    fn codes(src: &str) -> Vec<(Code, Option<usize>)> {
        let f = files();
        let c = Catalog::build(&f);
        check_side(src, &c).into_iter().map(|i| (i.code, i.at)).collect()
    }

    #[test]
    fn known_items_have_no_findings() {
        assert_eq!(codes("#{Dele0000001} + #{Dele0000001.Coc00000001} * C{Const000001}"), vec![]);
    }

    #[test]
    fn missing_data_elements_combos_and_constants_are_errors() {
        assert_eq!(codes("#{Dele0000001} + #{Dele0000002}"), vec![(Code::UnknownDataElement, Some(17))]);
        assert_eq!(codes("#{Dele0000001.Coc00000002}"), vec![(Code::UnknownCategoryOptionCombo, Some(0))]);
        assert_eq!(codes("C{Const000002} * 2"), vec![(Code::UnknownConstant, Some(0))]);
    }

    #[test]
    fn unparsable_sides_are_syntax_errors() {
        let found = codes("#{Dele0000001} +");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, Code::Syntax);
    }
}
