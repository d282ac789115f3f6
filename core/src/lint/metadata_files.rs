//! Reading the metadata files `phum lint` checks: `/api/metadata` exports and per-endpoint
//! answers, into the `model` types (serde), keeping only the collections the checks need.
//!
//! Owns which top-level keys are read and the error that names the file and the JSON path of a
//! bad object. Does not own the object shapes (`model`) or cross-file lookups (`catalog`).

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

use crate::i18n::{Localize, Message};
use crate::model::{
    CategoryCombo, CategoryOptionCombo, Child, Constant, DataElement, Program, ProgramRule, ProgramRuleAction,
    ProgramRuleVariable, ProgramStage, ProgramStageSection, TrackedEntityAttribute, ValidationRule,
};
use crate::msg;
use crate::store::import::{check_json_object, json_error, DocumentError, METADATA_DOCUMENT};

/// Why a file cannot be linted.
#[derive(Debug, thiserror::Error)]
pub enum MetadataFileError {
    /// Empty, cut off, not JSON, or not an object: in the import's words.
    Document(#[from] DocumentError),
    /// An object of the wrong shape; `message` is serde's description (`invalid type: integer
    /// `5`, expected a string`), a technical detail shown as it is in every language.
    BadObject { file: String, path: String, message: String },
}

impl Localize for MetadataFileError {
    fn message(&self) -> Message {
        match self {
            MetadataFileError::Document(e) => e.message(),
            MetadataFileError::BadObject { file, path, message } => {
                msg!("lint-bad-object", file = file, path = path, detail = message)
            }
        }
    }
}

crate::english_display!(MetadataFileError);

/// The objects of one file that the checks use.
#[derive(Debug, Clone, Default)]
pub struct MetadataFile {
    pub name: String,
    pub program_rules: Vec<ProgramRule>,
    pub program_rule_actions: Vec<ProgramRuleAction>,
    pub program_rule_variables: Vec<ProgramRuleVariable>,
    pub programs: Vec<Program>,
    /// Stages, top-level or nested in programs.
    pub program_stages: Vec<ProgramStage>,
    pub program_stage_sections: Vec<ProgramStageSection>,
    pub data_elements: Vec<DataElement>,
    pub tracked_entity_attributes: Vec<TrackedEntityAttribute>,
    pub constants: Vec<Constant>,
    pub validation_rules: Vec<ValidationRule>,
    pub category_combos: Vec<CategoryCombo>,
    pub category_option_combos: Vec<CategoryOptionCombo>,
}

/// The document as serde reads it: only the keys the checks use, every object typed.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Document {
    #[serde(default)]
    program_rules: Vec<ProgramRule>,
    #[serde(default)]
    program_rule_actions: Vec<ProgramRuleAction>,
    #[serde(default)]
    program_rule_variables: Vec<ProgramRuleVariable>,
    #[serde(default)]
    programs: Vec<ProgramWithStages>,
    #[serde(default)]
    program_stages: Vec<ProgramStage>,
    #[serde(default)]
    program_stage_sections: Vec<ProgramStageSection>,
    #[serde(default)]
    data_elements: Vec<DataElement>,
    #[serde(default)]
    tracked_entity_attributes: Vec<TrackedEntityAttribute>,
    #[serde(default)]
    constants: Vec<Constant>,
    #[serde(default)]
    validation_rules: Vec<ValidationRule>,
    #[serde(default)]
    category_combos: Vec<CategoryCombo>,
    #[serde(default)]
    category_option_combos: Vec<CategoryOptionCombo>,
}

/// A program and the stages a per-endpoint answer may nest in it (the `Program` model does not
/// keep them).
struct ProgramWithStages {
    program: Program,
    stages: Vec<ProgramStage>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NestedStages {
    #[serde(default)]
    program_stages: Vec<Child<ProgramStage>>,
}

impl<'de> Deserialize<'de> for ProgramWithStages {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(d)?;
        let program: Program = typed(&value)?;
        let nested: NestedStages = typed(&value)?;
        let stages = nested
            .program_stages
            .into_iter()
            .filter_map(|s| match s {
                Child::Full(stage) => Some(*stage),
                Child::Ref(_) => None,
            })
            .collect();
        Ok(ProgramWithStages { program, stages })
    }
}

/// Reads `value` as `T`, keeping the path inside it in the message.
fn typed<T: DeserializeOwned, E: serde::de::Error>(value: &serde_json::Value) -> Result<T, E> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        if path == "." {
            E::custom(e.into_inner())
        } else {
            E::custom(format_args!("{path}: {}", e.into_inner()))
        }
    })
}

impl MetadataFile {
    /// How many objects of the file `lint` checks: program rules (with their actions), program
    /// rule variables and validation rules. The rest (programs, data elements, constants, ...)
    /// only gives the checks their names and types.
    pub fn checkable_objects(&self) -> usize {
        self.program_rules.len() + self.program_rule_variables.len() + self.validation_rules.len()
    }

    /// Reads one document; `name` is used in messages.
    pub fn parse(name: &str, text: &str) -> Result<MetadataFile, MetadataFileError> {
        // First the document as a whole, as the import checks it (and so that serde never reads
        // a top-level array as the fields of `Document` in order).
        check_json_object(name, text.as_bytes(), METADATA_DOCUMENT)?;
        let mut de = serde_json::Deserializer::from_str(text);
        let doc: Document = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let path = e.path().to_string();
            let source = e.into_inner();
            if source.is_syntax() || source.is_eof() {
                MetadataFileError::Document(json_error(name, &source))
            } else {
                MetadataFileError::BadObject { file: name.into(), path, message: source.to_string() }
            }
        })?;
        de.end().map_err(|source| MetadataFileError::Document(json_error(name, &source)))?;
        let mut programs = Vec::with_capacity(doc.programs.len());
        let mut program_stages = doc.program_stages;
        for p in doc.programs {
            programs.push(p.program);
            program_stages.extend(p.stages);
        }
        Ok(MetadataFile {
            name: name.to_string(),
            program_rules: doc.program_rules,
            program_rule_actions: doc.program_rule_actions,
            program_rule_variables: doc.program_rule_variables,
            programs,
            program_stages,
            program_stage_sections: doc.program_stage_sections,
            data_elements: doc.data_elements,
            tracked_entity_attributes: doc.tracked_entity_attributes,
            constants: doc.constants,
            validation_rules: doc.validation_rules,
            category_combos: doc.category_combos,
            category_option_combos: doc.category_option_combos,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rules_variables_and_nested_stages() {
        let text = r#"{
            "programRules": [{"id": "Rule0000001", "name": "r", "condition": "true"}],
            "programs": [{"id": "Prog0000001", "name": "p", "programType": "WITHOUT_REGISTRATION",
                "programStages": [{"id": "Stag0000001", "name": "s"}]}],
            "pager": {"page": 1}
        }"#;
        let file = MetadataFile::parse("a.json", text).unwrap();
        assert_eq!(file.program_rules.len(), 1);
        assert_eq!(file.programs.len(), 1);
        assert_eq!(file.program_stages.len(), 1);
        assert_eq!(file.checkable_objects(), 1);
        let only_names = MetadataFile::parse("d.json", r#"{"dataElements": [], "indicators": [{}]}"#).unwrap();
        assert_eq!(only_names.checkable_objects(), 0);
    }

    #[test]
    fn a_bad_object_is_named_by_file_and_json_path() {
        let text = r#"{"programRules": [{"id": "Rule0000001", "name": "r",
            "programRuleActions": [{"id": "Actn0000001", "programRuleActionType": "SHOUT"}]}]}"#;
        let err = MetadataFile::parse("b.json", text).unwrap_err().to_string();
        assert!(err.starts_with("b.json: programRules[0].programRuleActions"), "{err}");
        assert!(err.contains("SHOUT"), "{err}");
        let err = MetadataFile::parse("c.json", "[1]").unwrap_err().to_string();
        assert!(err.ends_with("found a list"), "{err}");
        assert!(matches!(
            MetadataFile::parse("d.json", "{"),
            Err(MetadataFileError::Document(DocumentError::Truncated { .. }))
        ));
        assert!(matches!(
            MetadataFile::parse("e.json", "{} x"),
            Err(MetadataFileError::Document(DocumentError::Syntax { .. }))
        ));
        assert!(matches!(
            MetadataFile::parse("g.json", " "),
            Err(MetadataFileError::Document(DocumentError::Empty { .. }))
        ));
        let err = MetadataFile::parse("f.json", r#"{"constants": [{"id": "Const000001", "name": "k", "value": "x"}]}"#)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("f.json: constants[0].value: not valid DHIS2 metadata (invalid type"), "{err}");
    }

    #[test]
    fn every_metadata_file_error_variant_renders_in_both_languages() {
        fn name(e: &MetadataFileError) -> &'static str {
            match e {
                MetadataFileError::Document(_) => "Document",
                MetadataFileError::BadObject { .. } => "BadObject",
            }
        }
        let samples = [
            MetadataFile::parse("d.json", "{").unwrap_err(),
            MetadataFile::parse("f.json", r#"{"constants": [{"id": "Const000001", "name": "k", "value": "x"}]}"#)
                .unwrap_err(),
        ];
        let names: std::collections::BTreeSet<&str> = samples.iter().map(name).collect();
        assert_eq!(names, ["Document", "BadObject"].into_iter().collect());
        // Document errors are the import's own messages (`store::import`, tested there).
        crate::i18n::catalogue_tests::assert_renders_in_both(&samples[1].message());
    }
}
