// The report grid's shape from a form view made here (the demo has no greyed cell and shows no
// column totals): greyed cells, column totals, cells outside any section, what was typed.
package org.phum.app.presenter

import java.math.BigDecimal
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test
import org.phum.core.Field
import org.phum.core.FormType
import org.phum.core.FormView
import org.phum.core.Record
import org.phum.core.Section

class ReportGridTest {
    private fun cell(key: String, column: String?, value: String? = null, editable: Boolean = true, type: String = "INTEGER_ZERO_OR_POSITIVE") =
        Field(
            key = key, label = "${key.substringBefore('.')} ($column)", valueType = type, section = null, options = emptyList(),
            mandatory = false, editable = editable, hidden = false, value = value, shown = value, warnings = emptyList(),
            errors = emptyList(), row = "Row ${key.substringBefore('.')}", column = column,
        )

    private fun view(fields: List<Field>, sections: List<Section>, completed: Boolean = false) =
        FormView(
            formType = FormType.DATA_SET, record = Record.DataSetForm("DataSet0001", "202611", "OrgUnit0001", "AocDefault1"),
            language = "en", khmerDigits = false, title = "Report", sections = sections, fields = fields, messages = emptyList(),
            canComplete = true, completed = completed, readOnlyReason = null, demo = true,
        )

    private val sum = { total: BigDecimal -> "Σ${total.toPlainString()}" }

    @Test
    fun `a cell that is not editable in an open report is greyed, and in a completed one merely read-only`() {
        val fields = listOf(cell("DeA.Male", "Male", "3"), cell("DeA.Female", "Female", editable = false))
        val section = Section("Sec", "Births", false, fields.map { it.key }, rowTotals = true, columnTotals = false)
        val open = ReportGrid.cells(ReportGrid.of(view(fields, listOf(section)), emptyMap(), emptyMap(), sum))
        assertEquals(listOf(false, true), open.map { it.greyed })
        assertEquals(listOf(true, false), open.map { it.editable })
        val done = view(fields.map { it.copy(editable = false) }, listOf(section), completed = true)
        assertTrue(ReportGrid.cells(ReportGrid.of(done, emptyMap(), emptyMap(), sum)).none { it.greyed })
    }

    @Test
    fun `column totals sum each column over the rows when the section asks for them`() {
        val fields = listOf(cell("DeA.M", "Male", "3"), cell("DeA.F", "Female"), cell("DeB.M", "Male", "10"), cell("DeB.F", "Female"))
        val section = Section("Sec", "Children", false, fields.map { it.key }, rowTotals = true, columnTotals = true)
        val table = ReportGrid.of(view(fields, listOf(section)), emptyMap(), emptyMap(), sum).single().tables.single()
        assertEquals("a column without values has no total", listOf("Σ13", null), table.columnTotals)
        assertEquals(listOf("Σ3", "Σ10"), table.rows.map { it.total })
        assertEquals(1, table.columnOf("DeB.F"))
    }

    @Test
    fun `cells outside the sections come last, rows with other columns make another table, text cells have no total`() {
        val fields =
            listOf(
                cell("DeA.M", "Male", "1"), cell("DeA.F", "Female", "2"),
                cell("DeB.X", null, "5"), cell("DeC.M", "Male", "x", type = "TEXT"), cell("DeC.F", "Female", type = "TEXT"),
            )
        val section = Section("Sec", "Births", false, listOf("DeA.M", "DeA.F", "DeB.X"), rowTotals = true, columnTotals = false)
        val blocks = ReportGrid.of(view(fields, listOf(section)), mapOf("DeA.F" to "2x"), mapOf("DeA.F" to "not a number"), sum)
        assertEquals(listOf("Births", null), blocks.map { it.title })
        assertEquals(listOf(listOf("Male", "Female"), emptyList()), blocks[0].tables.map { it.columns })
        assertFalse("one cell, no total", blocks[0].tables[1].rowTotals)
        val typed = blocks[0].tables[0].rows.single().cells[1]
        assertEquals(listOf("2x", "not a number"), listOf(typed.text, typed.refusal))
        val text = blocks[1].tables.single()
        assertFalse(text.rowTotals)
        assertNull(text.rows.single().total)
    }
}
