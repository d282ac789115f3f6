//! Writes the planned synthetic metadata as one DHIS2 `/api/metadata` JSON document.
//!
//! Owns field names, enum values and the order of collections, following what DHIS2 2.41 sends
//! (see shared/fixtures/dhis2-api/). Streams object by object through `json::DocWriter`. Does not
//! decide what exists (see `plan` and `gazetteer`).

use std::io::{self, Write};

use super::gazetteer::{OrgUnit, OrgUnitLevel, OrgUnitTree};
use super::json::{DocWriter, Obj};
use super::plan::{
    is_numeric, ActionPlan, AttributePlan, CategoryOptionPlan, CategoryPlan, ComboPlan, ConstantPlan, DataElementPlan,
    DataSetPlan, OptionPlan, OptionSetPlan, Plan, ProgramPlan, RulePlan, SectionPlan, StagePlan, TrackedEntityTypePlan,
    ValidationRulePlan,
};
use super::rng::Uid;
use super::vocab::{DATA_SETS, PROGRAMS};

const OPENING_DATE: &str = "2000-01-01T00:00:00.000";

fn name_translations(o: &mut Obj<'_>, en: &str, km: &str, short: Option<(&str, &str)>, form: Option<(&str, &str)>) {
    let mut list: Vec<(&str, &str, &str)> = vec![("NAME", km, en)];
    if let Some((s_en, s_km)) = short {
        list.push(("SHORT_NAME", s_km, s_en));
    }
    if let Some((f_en, f_km)) = form {
        list.push(("FORM_NAME", f_km, f_en));
    }
    o.translations(&list);
}

fn sections(o: &mut Obj<'_>, key: &str, list: &[SectionPlan], des: &[DataElementPlan], parent: Option<(&str, Uid)>) {
    o.array(key, |arr| {
        for (i, s) in list.iter().enumerate() {
            arr.object(|so| {
                so.id(s.uid).str("name", &s.en).int("sortOrder", i as i64 + 1);
                if let Some((k, uid)) = parent {
                    so.reference(k, uid);
                }
                so.references("dataElements", s.data_elements.iter().map(|&d| des[d].uid));
                name_translations(so, &s.en, &s.km, None, None);
            });
        }
    });
}

/// Writes the document: the collections in the order DHIS2 exports them, one object at a time.
pub(crate) fn write(tree: &OrgUnitTree, plan: &Plan, out: &mut dyn Write) -> io::Result<u64> {
    let mut doc = DocWriter::begin(out);
    doc.single("system", |o| {
        o.str("version", "2.41.0");
    })?;
    doc.list("organisationUnitLevels", &tree.levels, org_unit_level)?;
    doc.list("organisationUnits", &tree.units, org_unit)?;
    doc.list("categories", &plan.categories, |o, c| category(o, plan, c))?;
    doc.list("categoryOptions", &plan.category_options, category_option)?;
    doc.list("categoryCombos", &plan.combos, |o, c| category_combo(o, plan, c))?;
    doc.list("optionSets", &plan.option_sets, option_set)?;
    let options = plan.option_sets.iter().flat_map(|s| s.options.iter().enumerate().map(move |(i, op)| (s, i, op)));
    doc.list("options", options, |o, (s, i, op)| option(o, s, i, op))?;
    doc.list("dataElements", &plan.data_elements, |o, d| data_element(o, plan, d))?;
    doc.list("trackedEntityTypes", [&plan.tracked_entity_type], |o, tet| tracked_entity_type(o, plan, tet))?;
    doc.list("trackedEntityAttributes", &plan.attributes, |o, a| attribute(o, plan, a))?;
    doc.list("programs", &plan.programs, |o, p| program(o, tree, plan, p))?;
    let stages = plan.programs.iter().flat_map(|p| p.stages.iter().enumerate().map(move |(i, s)| (p, i, s)));
    doc.list("programStages", stages, |o, (p, i, s)| program_stage(o, plan, p, i, s))?;
    let rules = plan.programs.iter().flat_map(|p| p.rules.iter().map(move |r| (p, r)));
    doc.list("programRules", rules, |o, (p, r)| program_rule(o, p, r))?;
    doc.list("dataSets", &plan.data_sets, |o, ds| data_set(o, tree, plan, ds))?;
    doc.list("validationRules", &plan.validation_rules, validation_rule)?;
    doc.list("constants", &plan.constants, constant)?;
    doc.finish()
}

fn org_unit_level(o: &mut Obj<'_>, l: &OrgUnitLevel) {
    o.id(l.uid).str("name", l.en).int("level", i64::from(l.level));
    name_translations(o, l.en, l.km, None, None);
}

fn org_unit(o: &mut Obj<'_>, u: &OrgUnit) {
    o.id(u.uid)
        .str("code", &u.code)
        .str("name", &u.name_en)
        .str("shortName", &u.short_en)
        .int("level", i64::from(u.level))
        .str("path", &u.path)
        .str("openingDate", OPENING_DATE);
    if let Some(p) = u.parent {
        o.reference("parent", p);
    }
    name_translations(o, &u.name_en, &u.name_km, Some((&u.short_en, &u.short_km)), None);
}

fn category(o: &mut Obj<'_>, plan: &Plan, c: &CategoryPlan) {
    o.id(c.uid)
        .str("code", c.code)
        .str("name", c.en)
        .str("shortName", c.en)
        .str("dataDimensionType", "DISAGGREGATION")
        .bool("dataDimension", c.code != "default")
        .references("categoryOptions", c.options.iter().map(|&i| plan.category_options[i].uid));
    if c.code != "default" {
        name_translations(o, c.en, c.km, Some((c.en, c.km)), None);
    }
}

fn category_option(o: &mut Obj<'_>, c: &CategoryOptionPlan) {
    o.id(c.uid).str("code", c.code).str("name", c.en).str("shortName", c.en);
    if c.code != "default" {
        name_translations(o, c.en, c.km, Some((c.en, c.km)), None);
    }
}

fn category_combo(o: &mut Obj<'_>, plan: &Plan, c: &ComboPlan) {
    o.id(c.uid)
        .str("code", c.code)
        .str("name", c.en)
        .bool("isDefault", c.is_default)
        .str("dataDimensionType", "DISAGGREGATION")
        .bool("skipTotal", false)
        .references("categories", c.categories.iter().map(|&i| plan.categories[i].uid))
        .array("categoryOptionCombos", |arr| {
            for coc in &c.cocs {
                arr.object(|co| {
                    co.id(coc.uid)
                        .str("name", &coc.name)
                        .reference("categoryCombo", c.uid)
                        .references("categoryOptions", coc.options.iter().map(|&i| plan.category_options[i].uid));
                });
            }
        });
    if !c.is_default {
        name_translations(o, c.en, c.km, None, None);
    }
}

fn option_set(o: &mut Obj<'_>, s: &OptionSetPlan) {
    o.id(s.uid)
        .str("code", &s.code)
        .str("name", &s.en)
        .str("valueType", s.value_type)
        .int("version", 1)
        .references("options", s.options.iter().map(|op| op.uid));
    name_translations(o, &s.en, &s.km, None, None);
}

/// Option `i` (0-based) of set `s`.
fn option(o: &mut Obj<'_>, s: &OptionSetPlan, i: usize, op: &OptionPlan) {
    o.id(op.uid).str("code", &op.code).str("name", &op.en).int("sortOrder", i as i64 + 1).reference("optionSet", s.uid);
    name_translations(o, &op.en, &op.km, None, None);
}

fn data_element(o: &mut Obj<'_>, plan: &Plan, d: &DataElementPlan) {
    let numeric = is_numeric(d.value_type);
    let aggregation = match (numeric, d.aggregate) {
        (true, true) => "SUM",
        (true, false) => "AVERAGE",
        _ => "NONE",
    };
    o.id(d.uid)
        .str("code", &d.code)
        .str("name", &d.name_en)
        .str("shortName", &d.short_en)
        .str("formName", &d.form_en)
        .str("valueType", d.value_type)
        .str("domainType", if d.aggregate { "AGGREGATE" } else { "TRACKER" })
        .str("aggregationType", aggregation)
        .bool("zeroIsSignificant", numeric && !d.aggregate)
        .bool("optionSetValue", d.option_set.is_some())
        .reference("categoryCombo", plan.combos[d.combo].uid);
    if let Some(s) = d.option_set {
        o.reference("optionSet", plan.option_sets[s].uid);
    }
    name_translations(o, &d.name_en, &d.name_km, Some((&d.short_en, &d.short_km)), Some((&d.form_en, &d.form_km)));
}

/// The Person type; `tet.attributes` are (attribute, display in list, searchable, mandatory).
fn tracked_entity_type(o: &mut Obj<'_>, plan: &Plan, tet: &TrackedEntityTypePlan) {
    o.id(tet.uid)
        .str("code", "PERSON")
        .str("name", "Person")
        .str("description", "A person registered in a tracker program")
        .str("featureType", "NONE")
        .int("minAttributesRequiredToSearch", 1)
        .int("maxTeiCountToReturn", 50)
        .bool("allowAuditLog", false)
        .array("trackedEntityTypeAttributes", |arr| {
            for &(a, in_list, searchable, mandatory) in &tet.attributes {
                arr.object(|ao| {
                    ao.bool("displayInList", in_list)
                        .bool("searchable", searchable)
                        .bool("mandatory", mandatory)
                        .reference("trackedEntityType", tet.uid)
                        .reference("trackedEntityAttribute", plan.attributes[a].uid);
                });
            }
        });
    name_translations(o, "Person", "មនុស្ស", None, None);
}

fn attribute(o: &mut Obj<'_>, plan: &Plan, a: &AttributePlan) {
    o.id(a.uid)
        .str("code", &a.code)
        .str("name", &a.name_en)
        .str("shortName", &a.short_en)
        .str("formName", &a.form_en)
        .str("valueType", a.value_type)
        .str("aggregationType", "NONE")
        .bool("unique", a.unique)
        .bool("generated", false)
        .bool("confidential", false)
        .bool("inherit", false)
        .bool("orgunitScope", false)
        .bool("displayInListNoProgram", false)
        .bool("optionSetValue", a.option_set.is_some());
    if let Some(s) = a.option_set {
        o.reference("optionSet", plan.option_sets[s].uid);
    }
    name_translations(o, &a.name_en, &a.name_km, Some((&a.short_en, &a.short_km)), Some((&a.form_en, &a.form_km)));
}

fn program(o: &mut Obj<'_>, tree: &OrgUnitTree, plan: &Plan, p: &ProgramPlan) {
    let def = &PROGRAMS[p.def];
    let org_units = if def.level == 5 { &tree.villages } else { &tree.health_centres };
    o.id(p.uid)
        .str("code", def.code)
        .str("name", def.en)
        .str("shortName", def.short_en)
        .str("programType", if def.tracker { "WITH_REGISTRATION" } else { "WITHOUT_REGISTRATION" })
        .int("version", 1)
        .reference("categoryCombo", plan.combos[0].uid)
        .str("featureType", "NONE")
        .str("accessLevel", if def.tracker { "PROTECTED" } else { "OPEN" })
        .int("expiryDays", 0)
        .int("completeEventsExpiryDays", 0)
        .bool("ignoreOverdueEvents", false)
        .bool("skipOffline", false);
    if def.tracker {
        o.reference("trackedEntityType", plan.tracked_entity_type.uid)
            .bool("onlyEnrollOnce", def.code != "NCD" && def.code != "MCH")
            .bool("displayIncidentDate", true)
            .str("enrollmentDateLabel", "Enrollment date")
            .str("incidentDateLabel", "Date of first contact")
            .bool("selectEnrollmentDatesInFuture", false)
            .bool("selectIncidentDatesInFuture", false)
            .bool("useFirstStageDuringRegistration", false)
            .int("minAttributesRequiredToSearch", 1)
            .int("maxTeiCountToReturn", 50);
    }
    o.references("programStages", p.stages.iter().map(|s| s.uid));
    program_attributes(o, plan, p);
    program_rule_variables(o, plan, p);
    o.references("organisationUnits", org_units.iter().copied());
    let mut tr: Vec<(&str, &str, &str)> = vec![("NAME", def.km, def.en), ("SHORT_NAME", def.short_km, def.short_en)];
    if def.tracker {
        tr.push(("ENROLLMENT_DATE_LABEL", "ថ្ងៃខែឆ្នាំចុះឈ្មោះ", "Enrollment date"));
        tr.push(("INCIDENT_DATE_LABEL", "ថ្ងៃជួបលើកដំបូង", "Date of first contact"));
    }
    o.translations(&tr);
}

fn program_attributes(o: &mut Obj<'_>, plan: &Plan, p: &ProgramPlan) {
    o.array("programTrackedEntityAttributes", |arr| {
        for (i, pa) in p.attributes.iter().enumerate() {
            arr.object(|ao| {
                ao.id(pa.uid)
                    .bool("mandatory", pa.mandatory)
                    .bool("allowFutureDate", false)
                    .bool("displayInList", pa.display_in_list)
                    .bool("searchable", pa.searchable)
                    .int("sortOrder", i as i64 + 1)
                    .reference("program", p.uid)
                    .reference("trackedEntityAttribute", plan.attributes[pa.attribute].uid);
            });
        }
    });
}

fn program_rule_variables(o: &mut Obj<'_>, plan: &Plan, p: &ProgramPlan) {
    o.array("programRuleVariables", |arr| {
        for v in &p.variables {
            arr.object(|vo| {
                vo.id(v.uid)
                    .str("name", &v.name)
                    .str("programRuleVariableSourceType", v.source)
                    .bool("useCodeForOptionSet", v.use_code)
                    .str("valueType", v.value_type)
                    .reference("program", p.uid);
                if let Some(d) = v.data_element {
                    vo.reference("dataElement", plan.data_elements[d].uid);
                }
                if let Some(a) = v.attribute {
                    vo.reference("trackedEntityAttribute", plan.attributes[a].uid);
                }
                if let Some(s) = v.stage {
                    vo.reference("programStage", p.stages[s].uid);
                }
            });
        }
    });
}

/// Stage `si` (0-based) of program `p`.
fn program_stage(o: &mut Obj<'_>, plan: &Plan, p: &ProgramPlan, si: usize, s: &StagePlan) {
    let def = &PROGRAMS[p.def];
    o.id(s.uid)
        .str("name", s.en)
        .int("sortOrder", si as i64 + 1)
        .bool("repeatable", s.repeatable)
        .reference("program", p.uid)
        .str("executionDateLabel", "Visit date")
        .str("featureType", "NONE")
        .str("formType", "SECTION")
        .str("validationStrategy", "ON_COMPLETE")
        .bool("autoGenerateEvent", def.tracker && si == 0)
        .bool("openAfterEnrollment", false)
        .bool("generatedByEnrollmentDate", false)
        .bool("blockEntryForm", false)
        .bool("hideDueDate", false)
        .bool("enableUserAssignment", false)
        .int("minDaysFromStart", 0);
    o.array("programStageDataElements", |arr| {
        for (i, &(psde, d)) in s.data_elements.iter().enumerate() {
            arr.object(|po| {
                po.id(psde)
                    .bool("compulsory", i % 7 == 0)
                    .bool("allowFutureDate", plan.data_elements[d].value_type == "DATE" && i % 2 == 0)
                    .bool("allowProvidedElsewhere", false)
                    .bool("displayInReports", i < 3)
                    .int("sortOrder", i as i64 + 1)
                    .reference("programStage", s.uid)
                    .reference("dataElement", plan.data_elements[d].uid);
            });
        }
    });
    sections(o, "programStageSections", &s.sections, &plan.data_elements, Some(("programStage", s.uid)));
    o.translations(&[("NAME", s.km, s.en), ("EXECUTION_DATE_LABEL", "កាលបរិច្ឆេទមកពិនិត្យ", "Visit date")]);
}

fn program_rule(o: &mut Obj<'_>, p: &ProgramPlan, r: &RulePlan) {
    o.id(r.uid)
        .str("name", &r.name)
        .str("description", &r.description)
        .str("condition", &r.condition)
        .reference("program", p.uid);
    if let Some(pr) = r.priority {
        o.int("priority", pr);
    }
    if let Some(s) = r.stage {
        o.reference("programStage", s);
    }
    o.array("programRuleActions", |arr| {
        for a in &r.actions {
            arr.object(|ao| program_rule_action(ao, r, a));
        }
    });
}

fn program_rule_action(ao: &mut Obj<'_>, r: &RulePlan, a: &ActionPlan) {
    ao.id(a.uid).str("programRuleActionType", a.action_type);
    if let Some((en, _)) = &a.content {
        ao.str("content", en);
    }
    if let Some(data) = &a.data {
        ao.str("data", data);
    }
    if let Some(loc) = a.location {
        ao.str("location", loc);
    }
    if let Some(u) = a.data_element {
        ao.reference("dataElement", u);
    }
    if let Some(u) = a.attribute {
        ao.reference("trackedEntityAttribute", u);
    }
    if let Some(u) = a.stage {
        ao.reference("programStage", u);
    }
    if let Some(u) = a.section {
        ao.reference("programStageSection", u);
    }
    if let Some(u) = a.option {
        ao.reference("option", u);
    }
    ao.reference("programRule", r.uid);
    match &a.content {
        Some((en, km)) if !km.is_empty() => {
            ao.translations(&[("CONTENT", km, en)]);
        }
        _ => {}
    }
}

fn data_set(o: &mut Obj<'_>, tree: &OrgUnitTree, plan: &Plan, ds: &DataSetPlan) {
    let def = &DATA_SETS[ds.def];
    let org_units = if def.level == 5 { &tree.villages } else { &tree.health_centres };
    o.id(ds.uid)
        .str("code", def.code)
        .str("name", def.en)
        .str("shortName", def.short_en)
        .str("periodType", def.period_type)
        .int("openFuturePeriods", 0)
        .int("expiryDays", if def.period_type == "Weekly" { 7 } else { 15 })
        .int("timelyDays", if def.period_type == "Weekly" { 2 } else { 10 })
        .int("version", 1)
        .bool("validCompleteOnly", false)
        .bool("fieldCombinationRequired", false)
        .bool("noValueRequiresComment", false)
        .bool("skipOffline", false)
        .bool("renderAsTabs", true)
        .reference("categoryCombo", plan.combos[0].uid)
        .array("dataSetElements", |arr| {
            for &d in &ds.data_elements {
                arr.object(|eo| {
                    eo.reference("dataSet", ds.uid).reference("dataElement", plan.data_elements[d].uid);
                });
            }
        });
    sections(o, "sections", &ds.sections, &plan.data_elements, Some(("dataSet", ds.uid)));
    o.references("organisationUnits", org_units.iter().copied());
    name_translations(o, def.en, def.km, Some((def.short_en, def.short_km)), None);
}

fn validation_rule(o: &mut Obj<'_>, v: &ValidationRulePlan) {
    o.id(v.uid)
        .str("name", &v.name)
        .str("instruction", &v.instruction)
        .str("importance", "MEDIUM")
        .str("operator", "less_than_or_equal_to")
        .str("periodType", v.period_type)
        .bool("skipFormValidation", false)
        .object("leftSide", |so| {
            so.str("expression", &v.left.0)
                .str("description", &v.left.1)
                .str("missingValueStrategy", "SKIP_IF_ALL_VALUES_MISSING");
        })
        .object("rightSide", |so| {
            so.str("expression", &v.right.0)
                .str("description", &v.right.1)
                .str("missingValueStrategy", "SKIP_IF_ALL_VALUES_MISSING");
        })
        .array("organisationUnitLevels", |arr| arr.int(i64::from(v.level)));
    name_translations(o, &v.name, &v.km, None, None);
}

fn constant(o: &mut Obj<'_>, c: &ConstantPlan) {
    o.id(c.uid).str("code", c.code).str("name", c.en).str("shortName", c.code).num("value", c.value);
    name_translations(o, c.en, c.km, None, None);
}
