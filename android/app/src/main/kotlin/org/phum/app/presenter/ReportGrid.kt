// The monthly report's grid, made from a data set form's view: for each section (or the whole
// form when the data set has none) its tables, each table the data elements that share their
// columns (the same category combo: Male, Female), a row per data element and a column per
// category option combination, with the totals the section asks for (DHIS2's showRowTotals,
// showColumnTotals) over the numeric cells' stored values.
//
// A cell's row and column come from the core (Field.row, Field.column): nothing is read out of
// labels. A cell key is `deUid.cocUid`, so the data element of a cell is the part before the dot.
//
// Owns the grid's shape and its totals. Does not own the values, what a cell accepts (the core's)
// or how the grid is drawn and whether it fits the screen (ui/Grid).
package org.phum.app.presenter

import java.math.BigDecimal
import org.phum.core.Field
import org.phum.core.FormView

/** One cell as the screen shows it. */
data class ReportCell(
    val key: String,
    /** Its column's label; null for a data element without categories. */
    val column: String?,
    /** The whole label ("Children under 2 (Male)"): the cell's accessible name. */
    val label: String,
    /** False for a greyed cell, and for every cell of a completed or closed report. */
    val editable: Boolean,
    /** Not editable while the rest of the report is: a greyed cell (DHIS2's greyedFields). */
    val greyed: Boolean,
    val numeric: Boolean,
    /** As stored (ASCII digits). */
    val value: String?,
    /** What the cell holds: what was typed in it on this screen, else the value as shown. */
    val text: String,
    /** Why the value typed in it was refused, in the user's language. */
    val refusal: String?,
)

/** A data element's cells, and their total when the section shows row totals. */
data class ReportRow(val name: String, val cells: List<ReportCell>, val total: String?)

/** Data elements with the same columns, drawn as one table; [id] names it (its first cell's data element). */
data class ReportTable(
    val id: String,
    /** The columns' labels; empty for data elements without categories (one cell per row). */
    val columns: List<String>,
    val rows: List<ReportRow>,
    /** Whether a total column follows the cells. */
    val rowTotals: Boolean,
    /** Each column's total, when the section shows column totals and the table has several rows. */
    val columnTotals: List<String?>?,
) {
    /** The column of the cell [key] in this table, or null when it is not here. */
    fun columnOf(key: String): Int? =
        rows.firstNotNullOfOrNull { row -> row.cells.indexOfFirst { it.key == key }.takeIf { it >= 0 } }
}

/** A section of the data set (its title), or the cells outside any section (no title). */
data class ReportBlock(val title: String?, val tables: List<ReportTable>)

object ReportGrid {
    private val NUMERIC =
        setOf("INTEGER", "INTEGER_POSITIVE", "INTEGER_NEGATIVE", "INTEGER_ZERO_OR_POSITIVE", "NUMBER", "PERCENTAGE", "UNIT_INTERVAL")

    /**
     * The grid of [view]: [typed] holds what was typed in cells on this screen (by key), [refused]
     * why a typed value was refused; [sum] writes a total in the reader's digits.
     */
    fun of(view: FormView, typed: Map<String, String>, refused: Map<String, String>, sum: (BigDecimal) -> String): List<ReportBlock> {
        val fields = view.fields.filter { !it.hidden }.associateBy { it.key }
        // A cell that is not editable in a report that takes values is greyed.
        val open = !view.completed && view.readOnlyReason == null
        val cell = { f: Field -> cell(f, open, typed, refused) }
        val blocks = mutableListOf<ReportBlock>()
        val placed = mutableSetOf<String>()
        for (section in view.sections.filter { !it.hidden }) {
            val members = section.fields.mapNotNull { fields[it] }
            placed += members.map { it.key }
            val tables = tables(members, cell, sum, section.rowTotals, section.columnTotals)
            if (tables.isNotEmpty()) blocks += ReportBlock(section.label, tables)
        }
        val rest = fields.values.filter { it.key !in placed }
        // Without sections DHIS2 draws the default form, with each row's total.
        if (rest.isNotEmpty()) blocks += ReportBlock(null, tables(rest, cell, sum, rowTotals = true, columnTotals = false))
        return blocks
    }

    /** Every cell of [blocks], in order. */
    fun cells(blocks: List<ReportBlock>): List<ReportCell> = blocks.flatMap { b -> b.tables.flatMap { t -> t.rows.flatMap { it.cells } } }

    /** The table holding [key]. */
    fun tableOf(blocks: List<ReportBlock>, key: String): ReportTable? = blocks.flatMap { it.tables }.firstOrNull { it.columnOf(key) != null }

    private fun dataElement(f: Field) = f.key.substringBefore('.')

    private fun combo(f: Field) = f.key.substringAfter('.', "")

    private fun tables(
        fields: List<Field>,
        cell: (Field) -> ReportCell,
        sum: (BigDecimal) -> String,
        rowTotals: Boolean,
        columnTotals: Boolean,
    ): List<ReportTable> {
        // Each data element's cells in form order, then consecutive data elements with the same
        // combos together.
        val rows = fields.groupBy(::dataElement).values.toList()
        val groups = mutableListOf<MutableList<List<Field>>>()
        for (row in rows) {
            val last = groups.lastOrNull()
            if (last != null && last.first().map(::combo) == row.map(::combo)) last += row else groups += mutableListOf(row)
        }
        return groups.map { group -> table(group, cell, sum, rowTotals, columnTotals) }
    }

    private fun table(
        group: List<List<Field>>,
        cell: (Field) -> ReportCell,
        sum: (BigDecimal) -> String,
        rowTotals: Boolean,
        columnTotals: Boolean,
    ): ReportTable {
        val first = group.first()
        val columns = if (first.all { it.column == null }) emptyList() else first.map { it.column ?: it.label }
        val totals = rowTotals && first.size > 1 && first.any { it.valueType in NUMERIC }
        val rows =
            group.map { fields ->
                val cells = fields.map(cell)
                ReportRow(fields.first().row ?: fields.first().label, cells, if (totals) total(cells)?.let(sum) else null)
            }
        val byColumn =
            if (columnTotals && group.size > 1) first.indices.map { i -> total(rows.mapNotNull { it.cells.getOrNull(i) })?.let(sum) } else null
        return ReportTable(dataElement(first.first()), columns, rows, totals, byColumn)
    }

    private fun cell(f: Field, open: Boolean, typed: Map<String, String>, refused: Map<String, String>) =
        ReportCell(
            key = f.key,
            column = f.column,
            label = f.label,
            editable = f.editable,
            greyed = open && !f.editable,
            numeric = f.valueType in NUMERIC,
            value = f.value,
            text = typed[f.key] ?: f.shown ?: "",
            refusal = refused[f.key],
        )

    /** The sum of the numeric stored values among [cells]; null when none has one. */
    private fun total(cells: List<ReportCell>): BigDecimal? =
        cells.filter { it.numeric }.mapNotNull { it.value?.toBigDecimalOrNull() }.takeIf { it.isNotEmpty() }?.fold(BigDecimal.ZERO, BigDecimal::add)
}
