// The report screen's presenter on the demo's VHSG monthly village report, against the real core:
// the period it opens at, the grid's tables and totals, values sent as they are typed (a refused
// one kept with the core's reason), completion refused by a validation rule pointing at its cell
// and done once fixed, Khmer digits, and what a new presenter keeps.
package org.phum.app.presenter

import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test
import org.phum.app.testing.RecordingNavigator
import org.phum.app.testing.Reports
import org.phum.app.testing.testSession
import org.phum.demo.Demo

class ReportPresenterTest {
    private fun demo(language: String = "en", khmerDigits: Boolean = false) =
        testSession(language).apply {
            preferences.khmerDigits = khmerDigits
            openDemo()
        }

    private fun open(session: Session, village: String, period: String? = null, kept: ReportPresenter.Kept? = null) =
        ReportPresenter(session, Destination.Report(Demo.VHSG, village, period), kept).apply { attach(RecordingNavigator()) {} }

    private fun ReportPresenter.cell(key: String) = ReportGrid.cells(state.grid).single { it.key == key }

    @Test
    fun `the report opens at the month just ended until it is completed, then at this month`() {
        val session = demo()
        val app = session.app!!
        assertTrue(Reports.villages(app).containsAll(listOf(Reports.COMPLETED_VILLAGE, Reports.UNFINISHED_VILLAGE, Reports.SILENT_VILLAGE)))
        val periods = Reports.periods(app, Reports.COMPLETED_VILLAGE).map { it.id }
        assertEquals("last month, not completed", periods[1], open(session, Reports.UNFINISHED_VILLAGE).state.period)
        assertEquals("last month, not reported", periods[1], open(session, Reports.SILENT_VILLAGE).state.period)
        assertEquals("last month is done", periods[0], open(session, Reports.COMPLETED_VILLAGE).state.period)
        assertEquals("the destination's period", periods[3], open(session, Reports.SILENT_VILLAGE, periods[3]).state.period)
        val report = open(session, Reports.COMPLETED_VILLAGE)
        assertEquals(periods, report.state.periods.map { it.id })
        assertTrue(report.state.periods.all { it.closed == null })
        assertEquals("VHSG monthly village report", report.state.dataSet)
    }

    @Test
    fun `the grid has a table per category combo with the section's row totals`() {
        val report = open(demo(), Reports.COMPLETED_VILLAGE)
        val s = report.state
        assertFalse(s.loading)
        assertEquals(listOf("Births and deaths", "Children and immunization", "Pregnant women", "Referrals and home visits"), s.grid.map { it.title })
        val births = s.grid[0].tables
        assertEquals(listOf(listOf("Male", "Female"), 6), listOf(births[0].columns, births[1].columns.size))
        assertEquals("Male, Under 1 year", births[1].columns[0])
        val children = s.grid[1].tables.single()
        assertEquals(listOf("Children under 2 living in the village", "Children under 2 vaccinated this month"), children.rows.map { it.name })
        assertTrue(children.rowTotals)
        assertNull("the section shows no column totals", children.columnTotals)
        val pregnant = s.grid[2].tables.single()
        assertEquals("no categories: no columns, no totals", listOf(emptyList<String>(), false), listOf(pregnant.columns, pregnant.rowTotals))
        assertTrue(ReportGrid.cells(s.grid).all { it.editable && !it.greyed && it.numeric && it.value == null })
        assertEquals("24 cells are empty", s.emptyCells)

        report.type(Reports.UNDER_2_MALE, "5")
        report.type(Reports.UNDER_2_FEMALE, "7")
        assertEquals("12", report.state.grid[1].tables.single().rows[0].total)
        assertNull(report.state.grid[1].tables.single().rows[1].total)
        assertEquals("22 cells are empty", report.state.emptyCells)
    }

    @Test
    fun `a value is sent as it is typed, and a refused one stays typed with the core's reason`() {
        val session = demo()
        val report = open(session, Reports.COMPLETED_VILLAGE)
        report.type(Reports.VACCINATED_MALE, "-3")
        val refused = report.cell(Reports.VACCINATED_MALE)
        assertEquals("-3", refused.text)
        assertNull(refused.value)
        assertNotNull(refused.refusal)
        assertFalse("the reason does not name the cell's key: ${refused.refusal}", refused.refusal!!.contains("DmDeAgU2Vac"))

        report.type(Reports.VACCINATED_MALE, "4")
        assertEquals(listOf("4", "4", null), report.cell(Reports.VACCINATED_MALE).let { listOf(it.text, it.value, it.refusal) })
        report.type(Reports.VACCINATED_MALE, "")
        assertNull("an emptied cell is cleared", report.cell(Reports.VACCINATED_MALE).value)
        report.type(Reports.VACCINATED_MALE, "6")
        report.detach()
        assertEquals("stored at once", "6", open(session, Reports.COMPLETED_VILLAGE).cell(Reports.VACCINATED_MALE).value)
    }

    @Test
    fun `completing is refused by the boys' rule pointing at its cell, and done once the value is fixed`() {
        val report = open(demo(), Reports.COMPLETED_VILLAGE)
        report.type(Reports.UNDER_2_MALE, "5")
        report.type(Reports.VACCINATED_MALE, "9")
        report.complete()
        val (rule, instruction) = Reports.boysRule("en")
        assertEquals(listOf(ReportPresenter.Problem(rule, instruction, Reports.VACCINATED_MALE)), report.state.problems)
        assertEquals("1 error to fix before you can complete", report.state.problemsTitle)
        assertEquals("the screen is taken to the list", null, report.state.jump!!.field)
        assertFalse(report.state.completed)

        report.jump(Reports.VACCINATED_MALE)
        assertEquals(Reports.VACCINATED_MALE, report.state.jump!!.field)
        report.type(Reports.VACCINATED_MALE, "4")
        report.complete()
        assertTrue(report.state.completed)
        assertTrue(report.state.problems.isEmpty())
        assertEquals("This report is marked as complete: its values can no longer be changed.", report.state.status)
        assertFalse(report.state.canComplete)
        assertNull(report.state.emptyCells)
        assertTrue("read-only, and none greyed", ReportGrid.cells(report.state.grid).all { !it.editable && !it.greyed })
        assertEquals("4", report.cell(Reports.VACCINATED_MALE).text)
    }

    @Test
    fun `Khmer digits typed are stored as ASCII, and totals are written in Khmer digits`() {
        val report = open(demo("km", khmerDigits = true), Reports.COMPLETED_VILLAGE)
        report.type(Reports.UNDER_2_MALE, "១២")
        report.type(Reports.UNDER_2_FEMALE, "៣")
        assertEquals("12", report.cell(Reports.UNDER_2_MALE).value)
        assertEquals("១២", report.cell(Reports.UNDER_2_MALE).text)
        assertEquals("១៥", report.state.grid[1].tables.single().rows[0].total)
        assertEquals("សរុប", report.state.totalLabel)
        report.type(Reports.VACCINATED_MALE, "១៣")
        report.complete()
        assertEquals(Reports.boysRule("km").first, report.state.problems.single().title)
    }

    @Test
    fun `jumping to a cell of a table shown one column at a time shows its column`() {
        val report = open(demo(), Reports.COMPLETED_VILLAGE)
        val deaths = report.state.grid[0].tables[1]
        val female = deaths.rows.single().cells[4].key
        report.jump(female)
        assertEquals(mapOf(Reports.DEATHS to 4), report.state.columns)
        report.showColumn(Reports.DEATHS, 1)
        assertEquals(1, report.state.columns[Reports.DEATHS])
    }

    @Test
    fun `a new presenter from what the old one kept shows the same period, refused values and columns`() {
        val session = demo()
        val periods = Reports.periods(session.app!!, Reports.SILENT_VILLAGE)
        val report = open(session, Reports.SILENT_VILLAGE, periods[2].id)
        report.type(Reports.UNDER_2_MALE, "8")
        report.type(Reports.VACCINATED_MALE, "x")
        report.showColumn(Reports.DEATHS, 2)
        val kept = report.state.kept
        report.detach()
        val again = open(session, Reports.SILENT_VILLAGE, null, kept)
        assertEquals(periods[2].id, again.state.period)
        assertEquals("x", again.cell(Reports.VACCINATED_MALE).text)
        assertNotNull(again.cell(Reports.VACCINATED_MALE).refusal)
        assertEquals("8", again.cell(Reports.UNDER_2_MALE).text)
        assertEquals(2, again.state.columns[Reports.DEATHS])
    }

    @Test
    fun `another period opens its own report`() {
        val session = demo()
        val periods = Reports.periods(session.app!!, Reports.UNFINISHED_VILLAGE)
        val report = open(session, Reports.UNFINISHED_VILLAGE)
        assertEquals(periods[1].id, report.state.period)
        assertTrue("last month is filled", ReportGrid.cells(report.state.grid).any { it.value != null })
        report.choosePeriod(periods[0].id)
        assertEquals(periods[0].id, report.state.period)
        assertTrue("this month is empty", ReportGrid.cells(report.state.grid).all { it.value == null })
    }
}
