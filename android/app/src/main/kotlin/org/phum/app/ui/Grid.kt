// The report grid's views (framework only): for each section its title and tables; a table is a
// header row with the columns' names, then per data element its name on a line of its own and its
// cells side by side (a field per editable cell, a greyed box per greyed cell, a plain box when
// the report is read-only), the row's total, and under them why a typed value was refused.
//
// A table whose columns do not fit the screen's width (each column needs its header's longest
// word and four digits, at the user's text size) shows one column at a time, chosen with a
// switcher above it; the row totals stay.
//
// The grid is built once per shape (which cells, editable or not, which columns are shown) and
// then updated in place: a field being typed in keeps its focus and its text while the screen
// re-renders on every answer of the core. Owns how the grid looks and fits; what it holds comes
// from the presenter (ReportGrid).
package org.phum.app.ui

import android.content.res.ColorStateList
import android.graphics.Color
import android.graphics.Typeface
import android.graphics.drawable.GradientDrawable
import android.text.InputType
import android.view.Gravity
import android.view.View
import android.view.ViewGroup
import android.widget.AdapterView
import android.widget.ArrayAdapter
import android.widget.EditText
import android.widget.LinearLayout
import android.widget.Spinner
import android.widget.TextView
import org.phum.app.presenter.ReportBlock
import org.phum.app.presenter.ReportCell
import org.phum.app.presenter.ReportTable

class Grid(private val ui: Ui, private val host: LinearLayout, private val khmerDigits: Boolean, private val listener: Listener) {
    interface Listener {
        fun typed(key: String, text: String)

        fun showColumn(table: String, column: Int)
    }

    /** The words the grid shows besides the report's own. */
    data class Words(val total: String, val columnShown: String)

    /** A cell's views: the field (or box) and the line saying why its value was refused. */
    private class CellViews(val cell: ReportCell, val box: TextView, val refusal: TextView)

    private var shape: Any? = null
    private val cells = linkedMapOf<String, CellViews>()
    private val totals = hashMapOf<String, TextView>()

    /** Mutes the fields' watchers while the grid sets their text itself. */
    private var setting = false

    /** Whether a table of [columns] columns (and a total column) fits [width] pixels side by side. */
    fun fits(table: ReportTable, width: Int): Boolean {
        if (table.columns.size <= 1) return true
        val paint = ui.text("").paint
        val margins = ui.dp(CELL_PADDING * 2)
        val digits = paint.measureText("0000")
        val column = { header: String -> maxOf(digits, header.split(' ').maxOf { paint.measureText(it) }, ui.dp(Ui.TOUCH).toFloat()) + margins }
        val needed = table.columns.sumOf { column(it).toDouble() } + if (table.rowTotals) column("").toDouble() else 0.0
        return needed <= width
    }

    /**
     * Shows [blocks] in [width] pixels, a too wide table at its column of [columns] (by table
     * id); rebuilt only when the shape changed, else updated in place.
     */
    fun show(blocks: List<ReportBlock>, columns: Map<String, Int>, words: Words, width: Int) {
        val narrow = blocks.flatMap { it.tables }.filter { !fits(it, width) }.associate { it.id to (columns[it.id] ?: 0).coerceIn(0, it.columns.size - 1) }
        val next = listOf(words, narrow, blocks.map { b -> b.title to b.tables.map { t -> Triple(t.id, t.columns, t.rows.map { r -> r.name to r.cells.map { Triple(it.key, it.editable, it.greyed) } }) } })
        if (next != shape) {
            shape = next
            build(blocks, narrow, words)
        }
        update(blocks)
    }

    /** The view of cell [key] (its field, or its box when read-only), when it is shown. */
    fun cell(key: String): View? = cells[key]?.box

    private fun build(blocks: List<ReportBlock>, narrow: Map<String, Int>, words: Words) {
        host.removeAllViews()
        cells.clear()
        totals.clear()
        for (block in blocks) {
            block.title?.let { host.addView(ui.fill(ui.text(it, Ui.BODY, bold = true).apply { setPadding(0, ui.dp(16), 0, ui.dp(4)) })) }
            for (table in block.tables) host.addView(ui.fill(table(table, narrow[table.id], words)))
        }
    }

    private fun table(table: ReportTable, shown: Int?, words: Words): View {
        val view = ui.column()
        view.setPadding(0, ui.dp(4), 0, ui.dp(8))
        val indices = if (shown != null) listOf(shown) else table.columns.indices.toList().ifEmpty { listOf(0) }
        if (shown != null) view.addView(ui.fill(switcher(table, shown, words)))
        if (table.columns.isNotEmpty()) {
            val headers = indices.map { if (shown != null) "" else table.columns[it] } + listOfNotNull(words.total.takeIf { table.rowTotals })
            view.addView(ui.fill(ui.row(*headers.map { header(it) }.toTypedArray())))
        }
        for (row in table.rows) {
            view.addView(ui.fill(ui.text(row.name).apply { setPadding(0, ui.dp(6), 0, 0) }))
            val line = ui.row()
            val refusals = ui.column()
            for (i in indices) {
                val cell = row.cells.getOrNull(i) ?: continue
                val refusal = ui.error("").apply { visibility = View.GONE }
                val box = if (cell.editable) field(cell) else box(cell)
                line.addView(weighted(box))
                refusals.addView(ui.fill(refusal))
                cells[cell.key] = CellViews(cell, box, refusal)
            }
            if (table.rowTotals) {
                val total = ui.text("", bold = true).apply { gravity = Gravity.CENTER }
                totals[rowKey(row.cells)] = total
                line.addView(weighted(total))
            } else if (table.columns.isEmpty()) {
                // A lone cell takes half the width, as a cell beside a total does.
                line.addView(weighted(View(ui.context)))
            }
            view.addView(ui.fill(line))
            view.addView(ui.fill(refusals))
        }
        if (table.columnTotals != null) {
            val line = ui.row()
            for (i in indices) {
                val total = ui.text("", bold = true).apply { gravity = Gravity.CENTER }
                totals[columnKey(table, i)] = total
                line.addView(weighted(total))
            }
            if (table.rowTotals) line.addView(weighted(View(ui.context)))
            view.addView(ui.fill(ui.text(words.total, Ui.SMALL, bold = true)))
            view.addView(ui.fill(line))
        }
        return view
    }

    /** The switcher of a table shown one column at a time: the columns' names, [shown] chosen. */
    private fun switcher(table: ReportTable, shown: Int, words: Words): Spinner =
        Spinner(ui.context, Spinner.MODE_DROPDOWN).apply {
            contentDescription = words.columnShown
            minimumHeight = ui.dp(Ui.TOUCH)
            adapter = ChoiceAdapter(ui, table.columns)
            setSelection(shown, false)
            onItemSelectedListener =
                object : AdapterView.OnItemSelectedListener {
                    override fun onItemSelected(parent: AdapterView<*>?, view: View?, position: Int, id: Long) = listener.showColumn(table.id, position)

                    override fun onNothingSelected(parent: AdapterView<*>?) {}
                }
        }

    private fun header(text: String): TextView =
        ui.text(text, Ui.SMALL, bold = true).apply {
            gravity = Gravity.CENTER
            layoutParams = LinearLayout.LayoutParams(0, ViewGroup.LayoutParams.WRAP_CONTENT, 1f)
        }

    /** A field to type a cell's value in, named by the cell's label. */
    private fun field(cell: ReportCell): EditText =
        ui.field("").apply {
            hint = null
            contentDescription = cell.label
            gravity = Gravity.CENTER
            // Khmer digits come from the Khmer keyboard's text layout; the number pad types ASCII.
            inputType = if (cell.numeric && !khmerDigits) InputType.TYPE_CLASS_NUMBER or InputType.TYPE_NUMBER_FLAG_SIGNED or InputType.TYPE_NUMBER_FLAG_DECIMAL else InputType.TYPE_CLASS_TEXT
            setText(cell.text)
            onTyped { text ->
                if (!setting) listener.typed(cell.key, text)
            }
        }

    /** A cell that takes no value: greyed (DHIS2's greyed field), or read-only with its value. */
    private fun box(cell: ReportCell): TextView =
        ui.text(cell.text).apply {
            contentDescription = cell.label
            gravity = Gravity.CENTER
            minHeight = ui.dp(Ui.TOUCH)
            background =
                GradientDrawable().apply {
                    cornerRadius = ui.dp(4).toFloat()
                    setStroke(ui.dp(1), BORDER)
                    setColor(if (cell.greyed) GREYED else Color.TRANSPARENT)
                }
            if (cell.greyed) setTextColor(Color.DKGRAY)
        }

    private fun weighted(view: View): View =
        view.apply {
            layoutParams =
                LinearLayout.LayoutParams(0, ViewGroup.LayoutParams.WRAP_CONTENT, 1f).apply {
                    setMargins(ui.dp(CELL_PADDING), 0, ui.dp(CELL_PADDING), 0)
                }
        }

    /** The cells' texts, refusals and totals from [blocks] (the shape is the one built). */
    private fun update(blocks: List<ReportBlock>) {
        setting = true
        for (block in blocks) for (table in block.tables) {
            for (row in table.rows) {
                totals[rowKey(row.cells)]?.text = row.total ?: ""
                for (cell in row.cells) {
                    val views = cells[cell.key] ?: continue
                    // Never under the user's fingers: the field being typed in keeps its text.
                    if (!views.box.hasFocus() && views.box.text.toString() != cell.text) views.box.text = cell.text
                    val refusal = cell.refusal?.let { why -> cell.column?.let { "$it: $why" } ?: why }
                    views.refusal.text = refusal ?: ""
                    views.refusal.visibility = if (refusal == null) View.GONE else View.VISIBLE
                    if (views.box is EditText) views.box.backgroundTintList = refusal?.let { ColorStateList.valueOf(Ui.ERROR) }
                }
            }
            table.columnTotals?.forEachIndexed { i, sum -> totals[columnKey(table, i)]?.text = sum ?: "" }
        }
        setting = false
    }

    private fun rowKey(cells: List<ReportCell>) = "row:" + cells.first().key.substringBefore('.')

    private fun columnKey(table: ReportTable, column: Int) = "column:${table.id}:$column"

    /** The switcher's choices, as tall as a finger and with Khmer's line height. */
    private class ChoiceAdapter(private val ui: Ui, choices: List<String>) : ArrayAdapter<String>(ui.context, 0, choices) {
        override fun getView(position: Int, convertView: View?, parent: ViewGroup): View = choice(position)

        override fun getDropDownView(position: Int, convertView: View?, parent: ViewGroup): View = choice(position)

        private fun choice(position: Int): TextView =
            ui.text(getItem(position) ?: "").apply {
                minHeight = ui.dp(Ui.TOUCH)
                gravity = Gravity.CENTER_VERTICAL
                setPadding(ui.dp(8), ui.dp(4), ui.dp(8), ui.dp(4))
                typeface = Typeface.DEFAULT_BOLD
            }
    }

    private companion object {
        const val CELL_PADDING = 4
        val BORDER = Color.rgb(0x9E, 0x9E, 0x9E)
        val GREYED = Color.rgb(0xE0, 0xE0, 0xE0)
    }
}
