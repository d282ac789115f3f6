//! The data set form: an aggregate report for one org unit, period and attribute option combo.
//! Fields are the grid cells `deUid.cocUid`: each data set element's data element x the category
//! option combos of its category combo (the data set element's combo when it overrides the data
//! element's), each with its row (the data element's form name) and column (the combo's label,
//! none for the default combo) so that a screen lays the grid out without reading labels.
//! Sections come from the data set; greyed cells are never editable; compulsory operands are
//! mandatory.
//!
//! A period is open when it is not after the last open future period (`openFuturePeriods`), not
//! expired (`expiryDays` after its end), and, when the data set has `dataInputPeriods`, listed
//! there with today inside its window. A form on a period that is not open is read-only and every
//! change is refused with that reason. Completing runs the data set's validation rules
//! (`validate::aggregate`): rules of the data set's period type (or none) whose expressions name
//! one of its data elements; a violated rule refuses completion, naming the cells it reads (the
//! first is where a screen takes the user to fix it).
//!
//! Owns the grid, period openness and data set completion. Does not own the validation engine.

use std::collections::BTreeMap;

use chrono::{NaiveDate as Date, TimeDelta};

use super::edit::Stamp;
use super::error::ObjectKind;
use super::error::{FormError, InputWindow, Refusal};
use super::fields;
use super::scope::{self, Assigned};
use super::view::{Label, Title};
use super::{CellSpec, FieldSpec, FormContext, FormSession, Kind, Parts, RecordRef, SectionSpec};
use crate::i18n::translation;
use crate::i18n::Lang;
use crate::model::{
    Category, CategoryCombo, CategoryOption, CategoryOptionCombo, Child, Constant, DataElement, DataSet,
    DataSetSection, Period, Timestamp, Uid, ValidationRule,
};
use crate::store::data::aggregate::{AggregateKey, FormKey};
use crate::store::data::tracker::Data;
use crate::store::Store;
use crate::validate::aggregate::{run_validation_rules, DataItemRef, DataValueInput, RuleResult, ValidationInput};

/// Why a data set form's period does not take data.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum PeriodLock {
    Future { data_set: Uid, period: String, open_future_periods: i64 },
    Expired { data_set: Uid, period: String, expired_on: Date, expiry_days: f64 },
    Closed { data_set: Uid, period: String, window: InputWindow },
}

impl PeriodLock {
    pub(crate) fn error(&self) -> FormError {
        match self.clone() {
            PeriodLock::Future { data_set, period, open_future_periods } => {
                FormError::PeriodInFuture { data_set, period, open_future_periods }
            }
            PeriodLock::Expired { data_set, period, expired_on, expiry_days } => {
                FormError::PeriodExpired { data_set, period, expired_on, expiry_days }
            }
            PeriodLock::Closed { data_set, period, window } => FormError::PeriodClosed { data_set, period, window },
        }
    }
}

pub(crate) struct DataSetForm {
    key: FormKey,
    period: Period,
    org_unit_level: u32,
    /// The data set's data elements (for choosing its validation rules).
    data_elements: Vec<Uid>,
    completed_by: Option<String>,
}

/// Whether `period` of `ds` takes data on `today`.
pub(crate) fn period_lock(ds: &DataSet, period: &Period, today: Date) -> Option<PeriodLock> {
    let data_set = ds.identity.id;
    let iso = period.iso();
    let mut last_open = Period::containing(ds.period_type, today);
    for _ in 0..ds.open_future_periods.max(0) {
        last_open = last_open.next();
    }
    if period.start() > last_open.start() {
        return Some(PeriodLock::Future { data_set, period: iso, open_future_periods: ds.open_future_periods });
    }
    if ds.expiry_days > 0.0 {
        let days = ds.expiry_days.ceil() as i64;
        let expired_on = period.end().checked_add_signed(TimeDelta::days(days)).unwrap_or(Date::MAX);
        if today > expired_on {
            return Some(PeriodLock::Expired { data_set, period: iso, expired_on, expiry_days: ds.expiry_days });
        }
    }
    if !ds.data_input_periods.is_empty() {
        let Some(window) = ds.data_input_periods.iter().find(|p| p.period.id == iso) else {
            return Some(PeriodLock::Closed { data_set, period: iso, window: InputWindow::NotListed });
        };
        let opens = window.opening_date.map(|t| t.date());
        let closes = window.closing_date.map(|t| t.date());
        if opens.is_some_and(|o| today < o) || closes.is_some_and(|c| today > c) {
            return Some(PeriodLock::Closed { data_set, period: iso, window: InputWindow::Between { opens, closes } });
        }
    }
    None
}

impl DataSetForm {
    fn aggregate_key(&self, field: &str) -> Result<AggregateKey, FormError> {
        let bad = || FormError::BadFieldKey { field: field.to_string() };
        let (de, coc) = field.split_once('.').ok_or_else(bad)?;
        Ok(AggregateKey {
            data_element: Uid::parse(de).map_err(|_| bad())?,
            period: self.key.period.clone(),
            org_unit: self.key.org_unit,
            category_option_combo: Uid::parse(coc).map_err(|_| bad())?,
            attribute_option_combo: self.key.attribute_option_combo,
        })
    }

    pub(crate) fn stamp(&self, d: &Data<'_>) -> Result<Stamp, FormError> {
        let mut parts = vec![d.is_complete(&self.key)?.to_string()];
        for v in d.aggregate_values(&self.key.period, self.key.org_unit, self.key.attribute_option_combo)? {
            parts.push(format!("{}.{}={:?}@{}", v.key.data_element, v.key.category_option_combo, v.value, v.updated));
        }
        Ok(Stamp(parts))
    }

    pub(crate) fn save(
        &self,
        d: &Data<'_>,
        writes: &BTreeMap<String, Option<String>>,
        now: Timestamp,
    ) -> Result<(), FormError> {
        for (field, value) in writes {
            d.set_aggregate_value(&self.aggregate_key(field)?, value.as_deref(), now)?;
        }
        Ok(())
    }

    pub(crate) fn mark_complete(&self, d: &Data<'_>, now: Timestamp) -> Result<(), FormError> {
        d.set_completion(&self.key, true, self.completed_by.as_deref(), now)?;
        Ok(())
    }

    /// The violated validation rules of the data set for these values, named (and their
    /// instruction) in `lang` when the metadata translates them (NAME, INSTRUCTION), each with
    /// the cells of `cells` it reads ([`cells_read`]).
    pub(crate) fn validation_refusals(
        &self,
        store: &Store,
        values: &BTreeMap<String, String>,
        cells: &[FieldSpec],
        lang: Lang,
    ) -> Result<Vec<Refusal>, FormError> {
        let names: Vec<String> = self.data_elements.iter().map(|u| format!("#{{{u}")).collect();
        let rules: Vec<ValidationRule> = store
            .list::<ValidationRule>()?
            .into_iter()
            .filter(|r| r.period_type.is_none_or(|t| t == self.period.period_type()))
            .filter(|r| names.iter().any(|n| r.left_side.expression.contains(n) || r.right_side.expression.contains(n)))
            .collect();
        let mut data_values = Vec::new();
        for (field, value) in values {
            let key = self.aggregate_key(field)?;
            data_values.push(DataValueInput {
                data_element: key.data_element,
                category_option_combo: key.category_option_combo,
                value: value.clone(),
            });
        }
        let constants = store.list::<Constant>()?.into_iter().map(|c| (c.identity.id, c.value)).collect();
        let days = (self.period.end() - self.period.start()).num_days() + 1;
        let input = ValidationInput {
            data_values,
            constants,
            org_unit_group_counts: Default::default(),
            days_in_period: u32::try_from(days).ok(),
            org_unit_level: Some(self.org_unit_level),
        };
        Ok(run_validation_rules(&rules, &input)
            .into_iter()
            .filter_map(|o| match o.result {
                RuleResult::Violated(v) => {
                    let translated = |property: &str| {
                        let rule = rules.iter().find(|r| r.identity.id == v.rule)?;
                        translation(&rule.identity.translations, property, lang).map(str::to_string)
                    };
                    let name = translated("NAME").unwrap_or(v.name);
                    let instruction = v.instruction.map(|i| translated("INSTRUCTION").unwrap_or(i));
                    let items: Vec<DataItemRef> = v.left.data_items.into_iter().chain(v.right.data_items).collect();
                    let fields = cells_read(&items, cells);
                    Some(Refusal::ValidationRule { rule: v.rule, name, instruction, fields })
                }
                _ => None,
            })
            .collect())
    }
}

/// The keys of the cells among `cells` that `items` (a rule's data items, in order) read:
/// `#{de.coc}` its cell, `#{de}` (also written `#{de.*}`) every cell of the data element, in
/// form order; no key twice. An item's attribute option combo (`#{de.coc.aoc}`) is not looked at:
/// the form is of one attribute option combo, and its cell is still the one to check. Items of
/// data elements outside the form name no cell.
fn cells_read(items: &[DataItemRef], cells: &[FieldSpec]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for item in items {
        let de = item.data_element.as_str();
        for cell in cells {
            let Some((cell_de, cell_coc)) = cell.key.split_once('.') else { continue };
            let reads = cell_de == de && item.category_option_combo.is_none_or(|coc| coc.as_str() == cell_coc);
            if reads && !keys.contains(&cell.key) {
                keys.push(cell.key.clone());
            }
        }
    }
    keys
}

/// The category option combos of a combo, in the combo's order.
fn combos_of(store: &Store, combo: Uid) -> Result<(CategoryCombo, Vec<CategoryOptionCombo>), FormError> {
    let cc = store
        .get::<CategoryCombo>(combo)?
        .ok_or(FormError::NotFound { kind: ObjectKind::CategoryCombo, uid: combo })?;
    let mut cocs = Vec::new();
    for child in &cc.category_option_combos {
        match child {
            Child::Full(c) => cocs.push((**c).clone()),
            Child::Ref(uid) => cocs.extend(store.get::<CategoryOptionCombo>(*uid)?),
        }
    }
    if cocs.is_empty() {
        cocs = store.children::<CategoryOptionCombo>(combo)?;
    }
    // The grid's order: by the position of each combo's options in the combo's categories (as
    // DHIS2 lays out the columns), whatever order the server listed the combos in.
    let mut order: Vec<Vec<Uid>> = Vec::new();
    for c in &cc.categories {
        if let Some(category) = store.get::<Category>(c.id)? {
            order.push(category.category_options.iter().map(|o| o.id).collect());
        }
    }
    cocs.sort_by_cached_key(|coc| {
        order
            .iter()
            .map(|options| {
                options.iter().position(|o| coc.category_options.iter().any(|x| x.id == *o)).unwrap_or(usize::MAX)
            })
            .collect::<Vec<usize>>()
    });
    Ok((cc, cocs))
}

/// A category option combo's label: its own translation, else its options' names (translated)
/// joined as DHIS2 names combos, else its name.
fn combo_label(store: &Store, coc: &CategoryOptionCombo) -> Result<Label, FormError> {
    let mut options = Vec::new();
    for o in &coc.category_options {
        match store.get::<CategoryOption>(o.id)? {
            Some(option) => options.push(Label::name(&option.identity)),
            None => return Ok(Label::name(&coc.identity)),
        }
    }
    Ok(Label::each(|lang| {
        if let Some(t) = translation(&coc.identity.translations, "NAME", lang) {
            return t.to_string();
        }
        if options.is_empty() {
            return coc.identity.name.clone();
        }
        options.iter().map(|l| l.get(lang)).collect::<Vec<_>>().join(", ")
    }))
}

fn default_combo(store: &Store) -> Result<Uid, FormError> {
    store
        .list::<CategoryCombo>()?
        .into_iter()
        .find(|c| c.is_default)
        .map(|c| c.identity.id)
        .ok_or(FormError::NoDefaultCategoryCombo)
}

pub(crate) fn open(
    store: &mut Store,
    data_set: Uid,
    org_unit: Uid,
    period: &str,
    attribute_option_combo: Option<Uid>,
    ctx: &FormContext,
) -> Result<FormSession, FormError> {
    let ds = store.get::<DataSet>(data_set)?.ok_or(FormError::NotFound { kind: ObjectKind::DataSet, uid: data_set })?;
    let unit = scope::check(store, ctx, org_unit, Assigned::DataSet(data_set))?;
    // A period is typed in digits too (២០២៦១១ is 202611).
    let typed = crate::model::digits::ascii_digits(period);
    let parsed = Period::parse_as(&typed, ds.period_type).map_err(|source| FormError::InvalidPeriod {
        data_set,
        period: period.to_string(),
        source,
    })?;
    let attribute_combo = match ds.category_combo {
        Some(c) => c.id,
        None => default_combo(store)?,
    };
    let (_, aocs) = combos_of(store, attribute_combo)?;
    let aoc = match attribute_option_combo {
        Some(a) if aocs.iter().any(|c| c.identity.id == a) => a,
        Some(a) => return Err(FormError::InvalidAttributeOptionCombo { data_set, combo: a }),
        None => aocs.first().map(|c| c.identity.id).ok_or(FormError::EmptyCategoryCombo { combo: attribute_combo })?,
    };

    let mut ds_sections = Vec::new();
    for child in &ds.sections {
        match child {
            Child::Full(s) => ds_sections.push((**s).clone()),
            Child::Ref(uid) => ds_sections.extend(store.get::<DataSetSection>(*uid)?),
        }
    }
    if ds_sections.is_empty() {
        ds_sections = store.children::<DataSetSection>(data_set)?;
    }
    ds_sections.sort_by_key(|s| s.sort_order.unwrap_or(i64::MAX));

    let mut specs = Vec::new();
    let mut data_elements = Vec::new();
    for dse in &ds.data_set_elements {
        let uid = dse.data_element.id;
        let de = store.get::<DataElement>(uid)?.ok_or(FormError::NotFound { kind: ObjectKind::DataElement, uid })?;
        data_elements.push(uid);
        let combo = match dse.category_combo.or(de.category_combo) {
            Some(c) => c.id,
            None => default_combo(store)?,
        };
        let (cc, cocs) = combos_of(store, combo)?;
        let options = fields::options(store, de.option_set)?;
        let section = ds_sections.iter().find(|s| s.data_elements.iter().any(|r| r.id == uid));
        for coc in cocs {
            let c = coc.identity.id;
            let matches = |o: &crate::model::data_set::Operand| {
                o.data_element.id == uid && o.category_option_combo.is_none_or(|x| x.id == c)
            };
            let row = Label::form_name(&de.identity);
            let column = if cc.is_default { None } else { Some(combo_label(store, &coc)?) };
            let label = match &column {
                None => row.clone(),
                Some(combo) => Label::each(|lang| format!("{} ({})", row.get(lang), combo.get(lang))),
            };
            specs.push(FieldSpec {
                key: format!("{uid}.{c}"),
                label,
                value_type: de.value_type,
                options: options.clone(),
                mandatory: ds.compulsory_data_element_operands.iter().any(matches),
                allow_future_date: false,
                section: section.map(|s| s.identity.id.to_string()),
                greyed: section.is_some_and(|s| s.greyed_fields.iter().any(matches)),
                unique: false,
                cell: Some(CellSpec { row, column }),
            });
        }
    }
    let sections = ds_sections
        .iter()
        .map(|s| SectionSpec {
            uid: s.identity.id.to_string(),
            label: Label::name(&s.identity),
            fields: specs
                .iter()
                .filter(|f| f.section.as_deref() == Some(s.identity.id.as_str()))
                .map(|f| f.key.clone())
                .collect(),
            row_totals: s.show_row_totals,
            column_totals: s.show_column_totals,
        })
        .collect();
    let key = FormKey { data_set, period: parsed.iso(), org_unit, attribute_option_combo: aoc };
    let d = store.data();
    let values: BTreeMap<String, String> = d
        .aggregate_values(&key.period, org_unit, aoc)?
        .into_iter()
        .filter_map(|v| Some((format!("{}.{}", v.key.data_element, v.key.category_option_combo), v.value?)))
        .filter(|(k, _)| specs.iter().any(|f| &f.key == k))
        .collect();
    let completed = d.is_complete(&key)?;
    let record = RecordRef::DataSetForm { data_set, period: key.period.clone(), org_unit, attribute_option_combo: aoc };
    let completed_by = store.current_user()?.map(|u| u.username);
    let parts = Parts {
        kind: Kind::DataSet(Box::new(DataSetForm {
            key,
            period: parsed,
            org_unit_level: unit.level,
            data_elements,
            completed_by,
        })),
        record,
        title: Title::DataSet {
            data_set: Label::name(&ds.identity),
            period: parsed,
            org_unit: Label::name(&unit.identity),
        },
        fields: specs,
        sections,
        locale: ctx.locale,
        rule_contents: Default::default(),
        values,
        option_groups: Default::default(),
        clock: ctx.clock,
        completed,
        locked: period_lock(&ds, &parsed, ctx.today()).map(super::lock::Lock::Period),
    };
    FormSession::assemble(parts, store)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(key: &str) -> FieldSpec {
        FieldSpec {
            key: key.into(),
            label: Label::plain(key),
            value_type: crate::model::ValueType::IntegerZeroOrPositive,
            options: vec![],
            mandatory: false,
            allow_future_date: false,
            section: None,
            greyed: false,
            unique: false,
            cell: None,
        }
    }

    fn item(de: &str, coc: Option<&str>) -> DataItemRef {
        DataItemRef {
            data_element: Uid::parse(de).unwrap(),
            category_option_combo: coc.map(|c| Uid::parse(c).unwrap()),
            attribute_option_combo: None,
        }
    }

    #[test]
    fn a_rule_points_at_the_cells_it_reads_left_side_first() {
        let cells: Vec<FieldSpec> = [
            "DmDeU2Child.DmCocMale01",
            "DmDeU2Child.DmCocFemal1",
            "DmDeVaccin1.DmCocMale01",
            "DmDeVaccin1.DmCocFemal1",
        ]
        .map(cell)
        .into();
        // #{vaccinated.male} <= #{under2.male}: the vaccinated boys first.
        let boys = [item("DmDeVaccin1", Some("DmCocMale01")), item("DmDeU2Child", Some("DmCocMale01"))];
        assert_eq!(cells_read(&boys, &cells), ["DmDeVaccin1.DmCocMale01", "DmDeU2Child.DmCocMale01"]);
        // #{vaccinated} (every combo) <= #{under2.female} + 1: all of a data element's cells in
        // form order, a cell read twice named once.
        let all = [
            item("DmDeVaccin1", None),
            item("DmDeVaccin1", Some("DmCocFemal1")),
            item("DmDeU2Child", Some("DmCocFemal1")),
        ];
        assert_eq!(
            cells_read(&all, &cells),
            ["DmDeVaccin1.DmCocMale01", "DmDeVaccin1.DmCocFemal1", "DmDeU2Child.DmCocFemal1"]
        );
        // A data element of another data set names no cell.
        assert!(cells_read(&[item("DmDeOther01", None)], &cells).is_empty());
    }
}
