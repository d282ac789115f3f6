//! What each metadata type means to the importer: its key columns, the checks it needs beyond
//! its own serde shape, the references it makes (which must resolve), and the children it carries
//! nested (taken out and stored as rows of their own).
//!
//! Owns the reference policy. A reference is checked when capture cannot work without its target
//! (a rule variable's data element, a stage's program, an option's option set, ...). References a
//! capture app does not follow are kept but not checked: an org unit's assigned programs (the user
//! may not see them all), the parent of the top unit of a downloaded subtree, legend sets,
//! program indicators. Does not own streaming or SQL (`super`).

use crate::model::common::{Child, IdRef};
use crate::model::value_type::{ProgramType, RuleActionType};
use crate::model::{
    Category, CategoryCombo, CategoryOption, CategoryOptionCombo, Collection, Constant, DataElement, DataSet,
    DataSetSection, OptionGroup, OptionItem, OptionSet, OrganisationUnit, OrganisationUnitGroup, OrganisationUnitLevel,
    Period, Program, ProgramRule, ProgramRuleAction, ProgramRuleVariable, ProgramSection, ProgramStage,
    ProgramStageSection, TrackedEntityAttribute, TrackedEntityType, Uid, ValidationRule,
};

use super::{ImportError, Importer};
use crate::i18n::{Localize, Message};
use crate::model::period::PeriodError;
use crate::msg;
use crate::store::metadata::MetadataObject;

/// A reference that must resolve: `field` of the object points to `uid` in `target`.
pub(crate) struct Reference {
    pub field: &'static str,
    pub target: Collection,
    pub uid: Uid,
}

/// A problem with one field of one object, found without looking at other objects.
pub(crate) struct FieldIssue {
    pub field: &'static str,
    pub problem: FieldProblem,
}

fn issue(field: &'static str, problem: FieldProblem) -> FieldIssue {
    FieldIssue { field, problem }
}

/// What is wrong with one field of one object.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldProblem {
    EmptyName,
    /// A WITH_REGISTRATION program without a tracked entity type.
    TrackerProgramWithoutType,
    /// A program rule action without what its type works on.
    ActionNeeds {
        action: RuleActionType,
        needs: ActionNeed,
    },
    OptionWithoutCode,
    PathNotUids {
        path: String,
    },
    PathNotEndingInOwnUid {
        path: String,
    },
    /// `depth`: how many UIDs the path has.
    LevelNotPath {
        level: u32,
        path: String,
        depth: usize,
    },
    ParentNotInPath {
        path: String,
    },
    /// Dates as the metadata wrote them.
    ClosedBeforeOpened {
        closed: String,
        opened: String,
    },
    LevelZero,
    EndsBeforeStarts {
        end: String,
        start: String,
    },
    NegativeExpiryDays {
        days: f64,
    },
    DataInputPeriod(PeriodError),
    NotFinite,
    /// The object could not be written back as JSON to be stored: serde_json's text.
    Encode(String),
}

/// What a program rule action of some type must name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionNeed {
    DataElementOrAttribute,
    AssignTarget,
    Section,
    Stage,
    Option,
    OptionGroup,
}

impl Localize for ActionNeed {
    fn message(&self) -> Message {
        match self {
            ActionNeed::DataElementOrAttribute => Message::new("import-action-needs-field"),
            ActionNeed::AssignTarget => Message::new("import-action-needs-assign-target"),
            ActionNeed::Section => Message::new("import-action-needs-section"),
            ActionNeed::Stage => Message::new("import-action-needs-stage"),
            ActionNeed::Option => Message::new("import-action-needs-option"),
            ActionNeed::OptionGroup => Message::new("import-action-needs-option-group"),
        }
    }
}

impl Localize for FieldProblem {
    fn message(&self) -> Message {
        match self {
            FieldProblem::EmptyName => Message::new("import-field-empty-name"),
            FieldProblem::TrackerProgramWithoutType => Message::new("import-field-tracker-program-without-type"),
            FieldProblem::ActionNeeds { action, needs } => {
                msg!("import-field-action-needs", action = action.as_str(), needs = needs.message())
            }
            FieldProblem::OptionWithoutCode => Message::new("import-field-option-without-code"),
            FieldProblem::PathNotUids { path } => msg!("import-field-path-not-uids", path = path),
            FieldProblem::PathNotEndingInOwnUid { path } => msg!("import-field-path-not-own-uid", path = path),
            FieldProblem::LevelNotPath { level, path, depth } => {
                msg!("import-field-level-not-path", level = level, path = path, depth = depth)
            }
            FieldProblem::ParentNotInPath { path } => msg!("import-field-parent-not-in-path", path = path),
            FieldProblem::ClosedBeforeOpened { closed, opened } => {
                msg!("import-field-closed-before-opened", closed = closed, opened = opened)
            }
            FieldProblem::LevelZero => Message::new("import-field-level-zero"),
            FieldProblem::EndsBeforeStarts { end, start } => {
                msg!("import-field-ends-before-starts", end = end, start = start)
            }
            FieldProblem::NegativeExpiryDays { days } => {
                msg!("import-field-expiry-days", days = crate::expr::number::jvm_double_to_string(*days))
            }
            FieldProblem::DataInputPeriod(e) => e.message(),
            FieldProblem::NotFinite => Message::new("import-field-not-finite"),
            FieldProblem::Encode(detail) => msg!("import-field-encode", detail = detail),
        }
    }
}

pub(crate) trait Importable: MetadataObject {
    fn check(&self) -> Result<(), FieldIssue> {
        Ok(())
    }
    fn references(&self, _out: &mut Vec<Reference>) {}
    /// Moves nested identifiable children out into their own rows.
    fn extract_children(&mut self, _imp: &mut Importer<'_>) -> Result<(), ImportError> {
        Ok(())
    }
}

fn push(out: &mut Vec<Reference>, field: &'static str, target: Collection, r: Option<&IdRef>) {
    if let Some(r) = r {
        out.push(Reference { field, target, uid: r.id });
    }
}

fn push_all<'a>(
    out: &mut Vec<Reference>,
    field: &'static str,
    target: Collection,
    refs: impl IntoIterator<Item = &'a IdRef>,
) {
    for r in refs {
        out.push(Reference { field, target, uid: r.id });
    }
}

impl Importable for Program {
    fn check(&self) -> Result<(), FieldIssue> {
        if self.program_type == ProgramType::WithRegistration && self.tracked_entity_type.is_none() {
            return Err(issue("trackedEntityType", FieldProblem::TrackerProgramWithoutType));
        }
        Ok(())
    }
    fn references(&self, out: &mut Vec<Reference>) {
        push(out, "trackedEntityType", Collection::TrackedEntityTypes, self.tracked_entity_type.as_ref());
        push(out, "categoryCombo", Collection::CategoryCombos, self.category_combo.as_ref());
        push(out, "enrollmentCategoryCombo", Collection::CategoryCombos, self.enrollment_category_combo.as_ref());
        let attrs = self.program_tracked_entity_attributes.iter().map(|a| &a.tracked_entity_attribute);
        push_all(
            out,
            "programTrackedEntityAttributes.trackedEntityAttribute",
            Collection::TrackedEntityAttributes,
            attrs,
        );
    }
    fn extract_children(&mut self, imp: &mut Importer<'_>) -> Result<(), ImportError> {
        let uid = self.identity.id;
        imp.add_children(
            (Self::COLLECTION, uid),
            "programRuleVariables",
            std::mem::take(&mut self.program_rule_variables),
        )?;
        imp.add_children((Self::COLLECTION, uid), "programSections", std::mem::take(&mut self.program_sections))
    }
}

impl Importable for ProgramSection {
    fn references(&self, out: &mut Vec<Reference>) {
        push(out, "program", Collection::Programs, self.program.as_ref());
        push_all(out, "trackedEntityAttributes", Collection::TrackedEntityAttributes, &self.tracked_entity_attributes);
    }
}

impl Importable for ProgramStage {
    fn references(&self, out: &mut Vec<Reference>) {
        push(out, "program", Collection::Programs, self.program.as_ref());
        for psde in &self.program_stage_data_elements {
            out.push(Reference {
                field: "programStageDataElements.dataElement",
                target: Collection::DataElements,
                uid: psde.data_element_uid(),
            });
        }
    }
    fn extract_children(&mut self, imp: &mut Importer<'_>) -> Result<(), ImportError> {
        // Per-endpoint answers nest whole data elements; store them once, keep only the id here.
        for psde in &mut self.program_stage_data_elements {
            if let Child::Full(_) = psde.data_element {
                let id = psde.data_element_uid();
                if let Child::Full(de) = std::mem::replace(&mut psde.data_element, Child::Ref(id)) {
                    imp.add_embedded(*de)?;
                }
            }
        }
        let uid = self.identity.id;
        imp.add_children(
            (Self::COLLECTION, uid),
            "programStageSections",
            std::mem::take(&mut self.program_stage_sections),
        )
    }
}

impl Importable for ProgramStageSection {
    fn references(&self, out: &mut Vec<Reference>) {
        push(out, "programStage", Collection::ProgramStages, self.program_stage.as_ref());
        push_all(out, "dataElements", Collection::DataElements, &self.data_elements);
    }
}

/// A rule variable's data element and attribute are not references the import requires: the
/// Android app looks them up and leaves out a variable whose data element or attribute is not on
/// the device (`rules::load`), which happens when a program's rules name a data element of no
/// stage the device has. A DATAELEMENT_* variable without a data element and a
/// NEWEST_EVENT_PROGRAM_STAGE one without a stage are accepted for the same reason: the app maps
/// them (the first is left out, the second matches no event).
impl Importable for ProgramRuleVariable {
    fn references(&self, out: &mut Vec<Reference>) {
        push(out, "program", Collection::Programs, self.program.as_ref());
        push(out, "programStage", Collection::ProgramStages, self.program_stage.as_ref());
    }
}

impl Importable for ProgramRule {
    fn references(&self, out: &mut Vec<Reference>) {
        push(out, "program", Collection::Programs, self.program.as_ref());
        push(out, "programStage", Collection::ProgramStages, self.program_stage.as_ref());
    }
    fn extract_children(&mut self, imp: &mut Importer<'_>) -> Result<(), ImportError> {
        let uid = self.identity.id;
        imp.add_children((Self::COLLECTION, uid), "programRuleActions", std::mem::take(&mut self.program_rule_actions))
    }
}

impl Importable for ProgramRuleAction {
    fn check(&self) -> Result<(), FieldIssue> {
        use RuleActionType::*;
        let field_given = self.data_element.is_some() || self.tracked_entity_attribute.is_some();
        let missing = match self.action_type {
            HideField | SetMandatoryField | HideOption | ShowOptionGroup | HideOptionGroup if !field_given => {
                Some(("dataElement", ActionNeed::DataElementOrAttribute))
            }
            Assign if !field_given && self.content.as_deref().is_none_or(str::is_empty) => {
                Some(("dataElement", ActionNeed::AssignTarget))
            }
            HideSection if self.program_stage_section.is_none() => Some(("programStageSection", ActionNeed::Section)),
            HideProgramStage | CreateEvent if self.program_stage.is_none() => Some(("programStage", ActionNeed::Stage)),
            HideOption if self.option.is_none() => Some(("option", ActionNeed::Option)),
            ShowOptionGroup | HideOptionGroup if self.option_group.is_none() => {
                Some(("optionGroup", ActionNeed::OptionGroup))
            }
            _ => None,
        };
        match missing {
            Some((field, needs)) => Err(issue(field, FieldProblem::ActionNeeds { action: self.action_type, needs })),
            None => Ok(()),
        }
    }
    fn references(&self, out: &mut Vec<Reference>) {
        use RuleActionType::*;
        push(out, "programRule", Collection::ProgramRules, self.program_rule.as_ref());
        push(out, "dataElement", Collection::DataElements, self.data_element.as_ref());
        push(
            out,
            "trackedEntityAttribute",
            Collection::TrackedEntityAttributes,
            self.tracked_entity_attribute.as_ref(),
        );
        match self.action_type {
            HideSection => {
                push(out, "programStageSection", Collection::ProgramStageSections, self.program_stage_section.as_ref())
            }
            HideProgramStage | CreateEvent => {
                push(out, "programStage", Collection::ProgramStages, self.program_stage.as_ref())
            }
            HideOption => push(out, "option", Collection::Options, self.option.as_ref()),
            ShowOptionGroup | HideOptionGroup => {
                push(out, "optionGroup", Collection::OptionGroups, self.option_group.as_ref())
            }
            _ => {}
        }
    }
}

impl Importable for DataElement {
    fn references(&self, out: &mut Vec<Reference>) {
        push(out, "optionSet", Collection::OptionSets, self.option_set.as_ref());
        push(out, "categoryCombo", Collection::CategoryCombos, self.category_combo.as_ref());
    }
}

impl Importable for OptionSet {
    fn extract_children(&mut self, imp: &mut Importer<'_>) -> Result<(), ImportError> {
        let uid = self.identity.id;
        imp.add_children((Self::COLLECTION, uid), "options", std::mem::take(&mut self.options))
    }
}

impl Importable for OptionItem {
    fn check(&self) -> Result<(), FieldIssue> {
        match self.identity.code.as_deref() {
            Some(code) if !code.trim().is_empty() => Ok(()),
            _ => Err(issue("code", FieldProblem::OptionWithoutCode)),
        }
    }
    fn references(&self, out: &mut Vec<Reference>) {
        push(out, "optionSet", Collection::OptionSets, self.option_set.as_ref());
    }
}

impl Importable for OptionGroup {
    fn references(&self, out: &mut Vec<Reference>) {
        push(out, "optionSet", Collection::OptionSets, self.option_set.as_ref());
        push_all(out, "options", Collection::Options, &self.options);
    }
}

impl Importable for TrackedEntityType {
    fn references(&self, out: &mut Vec<Reference>) {
        let attrs = self.tracked_entity_type_attributes.iter().map(|a| &a.tracked_entity_attribute);
        push_all(out, "trackedEntityTypeAttributes.trackedEntityAttribute", Collection::TrackedEntityAttributes, attrs);
    }
}

impl Importable for TrackedEntityAttribute {
    fn references(&self, out: &mut Vec<Reference>) {
        push(out, "optionSet", Collection::OptionSets, self.option_set.as_ref());
    }
}

impl Importable for OrganisationUnit {
    fn check(&self) -> Result<(), FieldIssue> {
        let path =
            self.path_uids().ok_or_else(|| issue("path", FieldProblem::PathNotUids { path: self.path.clone() }))?;
        if path.last() != Some(&self.identity.id) {
            return Err(issue("path", FieldProblem::PathNotEndingInOwnUid { path: self.path.clone() }));
        }
        if path.len() != self.level as usize {
            let problem = FieldProblem::LevelNotPath { level: self.level, path: self.path.clone(), depth: path.len() };
            return Err(issue("level", problem));
        }
        let parent_in_path = path.len().checked_sub(2).map(|i| path[i]);
        if self.parent.map(|p| p.id) != parent_in_path && self.parent.is_some() {
            return Err(issue("parent", FieldProblem::ParentNotInPath { path: self.path.clone() }));
        }
        if let (Some(open), Some(closed)) = (self.opening_date, self.closed_date) {
            if closed.compare(&open) == Some(std::cmp::Ordering::Less) {
                let problem = FieldProblem::ClosedBeforeOpened { closed: closed.to_string(), opened: open.to_string() };
                return Err(issue("closedDate", problem));
            }
        }
        Ok(())
    }
}

impl Importable for OrganisationUnitLevel {
    fn check(&self) -> Result<(), FieldIssue> {
        if self.level == 0 {
            return Err(issue("level", FieldProblem::LevelZero));
        }
        Ok(())
    }
}

impl Importable for OrganisationUnitGroup {}

impl Importable for CategoryCombo {
    fn references(&self, out: &mut Vec<Reference>) {
        push_all(out, "categories", Collection::Categories, &self.categories);
    }
    fn extract_children(&mut self, imp: &mut Importer<'_>) -> Result<(), ImportError> {
        let uid = self.identity.id;
        imp.add_children(
            (Self::COLLECTION, uid),
            "categoryOptionCombos",
            std::mem::take(&mut self.category_option_combos),
        )
    }
}

impl Importable for Category {
    fn references(&self, out: &mut Vec<Reference>) {
        push_all(out, "categoryOptions", Collection::CategoryOptions, &self.category_options);
    }
}

impl Importable for CategoryOption {
    fn check(&self) -> Result<(), FieldIssue> {
        match (self.start_date, self.end_date) {
            (Some(start), Some(end)) if end.compare(&start) == Some(std::cmp::Ordering::Less) => {
                Err(issue("endDate", FieldProblem::EndsBeforeStarts { end: end.to_string(), start: start.to_string() }))
            }
            _ => Ok(()),
        }
    }
}

impl Importable for CategoryOptionCombo {
    fn references(&self, out: &mut Vec<Reference>) {
        push(out, "categoryCombo", Collection::CategoryCombos, self.category_combo.as_ref());
        push_all(out, "categoryOptions", Collection::CategoryOptions, &self.category_options);
    }
}

impl Importable for DataSet {
    fn check(&self) -> Result<(), FieldIssue> {
        if self.expiry_days < 0.0 || !self.expiry_days.is_finite() {
            return Err(issue("expiryDays", FieldProblem::NegativeExpiryDays { days: self.expiry_days }));
        }
        for dip in &self.data_input_periods {
            Period::parse_as(&dip.period.id, self.period_type)
                .map_err(|e| issue("dataInputPeriods.period", FieldProblem::DataInputPeriod(e)))?;
        }
        Ok(())
    }
    fn references(&self, out: &mut Vec<Reference>) {
        push(out, "categoryCombo", Collection::CategoryCombos, self.category_combo.as_ref());
        for dse in &self.data_set_elements {
            push(out, "dataSetElements.dataElement", Collection::DataElements, Some(&dse.data_element));
            push(out, "dataSetElements.categoryCombo", Collection::CategoryCombos, dse.category_combo.as_ref());
        }
        for op in &self.compulsory_data_element_operands {
            push(out, "compulsoryDataElementOperands.dataElement", Collection::DataElements, Some(&op.data_element));
            push(
                out,
                "compulsoryDataElementOperands.categoryOptionCombo",
                Collection::CategoryOptionCombos,
                op.category_option_combo.as_ref(),
            );
        }
    }
    fn extract_children(&mut self, imp: &mut Importer<'_>) -> Result<(), ImportError> {
        let uid = self.identity.id;
        imp.add_children((Self::COLLECTION, uid), "sections", std::mem::take(&mut self.sections))
    }
}

impl Importable for DataSetSection {
    fn references(&self, out: &mut Vec<Reference>) {
        push(out, "dataSet", Collection::DataSets, self.data_set.as_ref());
        push_all(out, "dataElements", Collection::DataElements, &self.data_elements);
        for op in &self.greyed_fields {
            push(out, "greyedFields.dataElement", Collection::DataElements, Some(&op.data_element));
            push(
                out,
                "greyedFields.categoryOptionCombo",
                Collection::CategoryOptionCombos,
                op.category_option_combo.as_ref(),
            );
        }
    }
}

impl Importable for ValidationRule {}

impl Importable for Constant {
    fn check(&self) -> Result<(), FieldIssue> {
        if !self.value.is_finite() {
            return Err(issue("value", FieldProblem::NotFinite));
        }
        Ok(())
    }
}
