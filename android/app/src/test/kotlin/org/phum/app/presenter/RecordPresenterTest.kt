// The read-only record view's presenter against the real core: a visit the server refused (on
// the DHIS2 test server) with the field named by the issue marked, a person, a data set's report,
// an aggregate value's key, and a record that no longer exists.
package org.phum.app.presenter

import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.ClassRule
import org.junit.Test
import org.phum.app.testing.Records
import org.phum.app.testing.ServerRule
import org.phum.app.testing.testSession
import org.phum.core.FormSession
import org.phum.core.Record
import org.phum.demo.Demo

class RecordPresenterTest {
    @Test
    fun `a refused visit shows its fields with the field the server named marked with the reason`() {
        val session = Records.signedIn(server)
        val visit = Records.refusedVisit(server, session)
        val reason = session.app!!.syncStatus().issues.single { it.recordKey == visit }.text.text

        val state = RecordPresenter(session, Destination.Record("event", visit, Demo.CHILD_WEIGHT)).state
        assertFalse(state.loading)
        assertNull(state.error)
        assertNotNull(state.heading)
        val weight = state.rows.single { it.key == Demo.CHILD_WEIGHT }
        assertEquals(reason, weight.refusal)
        assertEquals("4.5", weight.shown)
        assertEquals(state.rows.indexOf(weight), state.marked)
        assertEquals("only the named field is marked", 1, state.rows.count { it.refusal != null })
        assertEquals(listOf(reason), state.reasons)
        assertTrue("the reason is shown at the field, not again above", state.otherReasons.isEmpty())
        assertEquals("The server refused this value", state.refusedHere)

        val unnamed = RecordPresenter(session, Destination.Record("event", visit, null)).state
        assertEquals(-1, unnamed.marked)
        assertEquals(listOf(reason), unnamed.otherReasons)
    }

    @Test
    fun `a person shows their attributes as read`() {
        val session = testSession().apply { openDemo() }
        val child = Demo.registerChild(session.app!!, "ដារ៉ា ម៉ាលី", "Dara Maly")
        val state = RecordPresenter(session, Destination.Record("tracked_entity", child.trackedEntity, Demo.NAME_LATIN)).state
        assertNull(state.error)
        assertEquals("Dara Maly", state.rows.single { it.key == Demo.NAME_LATIN }.shown)
        assertEquals(Demo.NAME_LATIN, state.rows[state.marked].key)
    }

    @Test
    fun `an enrollment shows the registration and a data set's report shows its cells`() {
        val session = testSession().apply { openDemo() }
        val app = session.app!!
        val child = Demo.registerChild(app, "សុខា វិបុល", "Sokha Vibol")
        val enrollment = RecordPresenter(session, Destination.Record("enrollment", child.uid, null)).state
        assertNull(enrollment.error)
        assertEquals("Sokha Vibol", enrollment.rows.single { it.key == Demo.NAME_LATIN }.shown)

        val village = app.orgUnits().first { it.captures && app.captureOptions(it.uid).dataSets.any { d -> d.uid == Demo.VHSG } }
        val period = app.captureOptions(village.uid).dataSets.single { it.uid == Demo.VHSG }.periods.first().id
        val form = FormSession.openDataSet(app, Demo.VHSG, village.uid, period, null)
        val (record, title) = form.use { (it.record() as Record.DataSetForm) to it.view().title.also { _ -> it.end() } }
        val key = "${record.dataSet}/${record.period}/${record.orgUnit}/${record.attributeOptionCombo}"
        val report = RecordPresenter(session, Destination.Record("data_set_completion", key, null)).state
        assertNull(report.error)
        assertEquals(title, report.heading)
        assertTrue(report.rows.isNotEmpty())
        assertTrue(report.rows.all { it.shown.isNotEmpty() })
    }

    @Test
    fun `an aggregate value shows the parts of its key`() {
        val session = testSession().apply { openDemo() }
        val key = "DmDeAgU2Liv/202611/DmOuHcChnDi/DmCocMale01/HllvX50cXC0"
        val state = RecordPresenter(session, Destination.Record("aggregate_value", key, null)).state
        assertNull(state.error)
        assertEquals(key.split('/'), state.keyParts)
        assertTrue(state.rows.isEmpty())
    }

    @Test
    fun `a report's key without its three parts shows the key, not a crash`() {
        val session = testSession().apply { openDemo() }
        val state = RecordPresenter(session, Destination.Record("data_set_completion", "DmDsVhsgMon/202611", null)).state
        assertNull(state.error)
        assertEquals(listOf("DmDsVhsgMon", "202611"), state.keyParts)
    }

    @Test
    fun `a record that no longer exists shows the core's error`() {
        val session = testSession().apply { openDemo() }
        val state = RecordPresenter(session, Destination.Record("event", "NoSuchEvent", null)).state
        assertFalse(state.loading)
        assertNotNull(state.error)
        assertTrue(state.error!!.isNotBlank())
    }

    private val server get() = running.server

    companion object {
        @ClassRule
        @JvmField
        val running = ServerRule()
    }
}
