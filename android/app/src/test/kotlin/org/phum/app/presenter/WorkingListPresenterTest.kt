// The working list on the demo: overdue visits a page at a time, "more" reads the next page, the
// upcoming week, a village's rows, and a row opening the person's dashboard.
package org.phum.app.presenter

import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test
import org.phum.app.testing.RecordingNavigator
import org.phum.app.testing.hasKhmerLetters
import org.phum.app.testing.testSession
import org.phum.demo.Demo

class WorkingListPresenterTest {
    private fun list(language: String = "en", navigator: RecordingNavigator = RecordingNavigator()): WorkingListPresenter {
        val session = testSession(language).apply { openDemo() }
        return WorkingListPresenter(session, Destination.WorkingList(Demo.IMMUNIZATION, Demo.HEALTH_CENTRE)).apply { attach(navigator) {} }
    }

    @Test
    fun `overdue visits come a page at a time and more reads the next page`() {
        val list = list()
        val total = list.state.total
        assertTrue("the demo has more than a page overdue: $total", total > WorkingListPresenter.PAGE.toLong())
        assertEquals(WorkingListPresenter.PAGE.toInt(), list.state.read.size)
        assertTrue(list.state.rows.all { it.late && it.due.endsWith("overdue") })
        assertEquals("20 of $total", list.state.count)
        list.more()
        assertEquals(minOf(total, 40L).toInt(), list.state.read.size)
        assertEquals(list.state.read.size, list.state.read.map { it.enrollment to it.visit }.distinct().size)
    }

    @Test
    fun `a row opens the person's dashboard, and the upcoming week lists visits not yet due`() {
        val navigator = RecordingNavigator()
        val list = list(navigator = navigator)
        val row = list.state.rows.first()
        list.open(row)
        assertEquals(listOf<Destination>(Destination.Dashboard(row.enrollment)), navigator.went)
        list.show(WorkingListPresenter.Kind.UPCOMING)
        assertTrue(list.state.rows.isNotEmpty())
        assertTrue(list.state.rows.none { it.late })
    }

    @Test
    fun `the village filter shows the rows of one of the health centre's villages, in Khmer`() {
        val list = list("km")
        assertEquals(6, list.state.villages.size)
        val row = list.state.read.first { it.villageUnit != null }
        list.filter(row.villageUnit)
        assertTrue(list.state.rows.isNotEmpty())
        assertTrue(list.state.rows.all { it.villageUnit == row.villageUnit && it.village == row.village })
        assertTrue(hasKhmerLetters(row.village!!))
        list.filter(null)
        assertEquals(list.state.read, list.state.rows)
    }

    @Test
    fun `a village shows all its overdue visits, those beyond the first page too`() {
        val session = testSession().apply { openDemo() }
        val app = session.app!!
        val everyone = app.overdue(Demo.IMMUNIZATION, Demo.HEALTH_CENTRE, 0uL, 500u).rows
        val later = everyone.drop(WorkingListPresenter.PAGE.toInt()).first { it.profile.villageOrgUnit != null }
        val village = later.profile.villageOrgUnit!!
        val list = WorkingListPresenter(session, Destination.WorkingList(Demo.IMMUNIZATION, Demo.HEALTH_CENTRE)).apply { attach(RecordingNavigator()) {} }
        list.filter(village)
        assertEquals("the whole list is read", list.state.total, list.state.read.size.toLong())
        assertEquals(everyone.count { it.profile.villageOrgUnit == village }, list.state.rows.size)
        assertTrue("a visit from beyond the first page: ${later.enrollment}", list.state.rows.any { it.enrollment == later.enrollment })
    }
}
