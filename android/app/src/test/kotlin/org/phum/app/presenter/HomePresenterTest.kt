// The home screen on the demo: the org unit, what can be captured there, the counts and the
// sync button that explains training mode; the picker's search and choice change the home's org unit.
package org.phum.app.presenter

import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertTrue
import org.junit.Test
import org.phum.app.testing.RecordingNavigator
import org.phum.app.testing.testSession

class HomePresenterTest {
    private fun demo(language: String = "en") = testSession(language).apply { openDemo() }

    @Test
    fun `home shows the org unit, its programs and reports, and what waits`() {
        val session = demo()
        val home = HomePresenter(session).apply { attach(RecordingNavigator()) {} }
        val s = home.state
        assertFalse(s.loading)
        assertTrue(s.workingIn!!, s.workingIn!!.startsWith("Working in "))
        assertTrue(s.programs.isNotEmpty() || s.reports.isNotEmpty())
        assertNotNull(s.notSent)
        assertEquals("Not synced yet", s.lastSync)
        assertEquals(session.preferences.orgUnit, s.options!!.orgUnit.uid)
    }

    @Test
    fun `a tracker program opens the people search and its overdue list, a report its grid`() {
        val session = demo()
        val navigator = RecordingNavigator()
        val home = HomePresenter(session).apply { attach(navigator) {} }
        val unit = home.state.options!!.orgUnit.uid
        val tracker = home.state.options!!.programs.first { it.tracker && it.writable }
        val entries = home.state.programs.single { it.name == tracker.name }.entries
        assertEquals(listOf(Destination.People(tracker.uid, unit), Destination.WorkingList(tracker.uid, unit)), entries.map { it.destination })
        val overdue = session.app!!.overdue(tracker.uid, unit, 0uL, 1u).total
        assertEquals("$overdue overdue", entries[1].label)
        entries.forEach(home::open)
        home.state.reports.forEach(home::open)
        val reports = home.state.options!!.dataSets.map { Destination.Report(it.uid, unit) }
        assertEquals(entries.map { it.destination } + reports, navigator.went)
    }

    @Test
    fun `the sync button in training mode explains that practice data is never sent`() {
        val session = demo()
        val navigator = RecordingNavigator()
        val home = HomePresenter(session).apply { attach(navigator) {} }
        home.sync()
        assertEquals("Training mode never sends data. Sign in with a real account to sync.", home.state.notice)
        assertTrue(navigator.went.isEmpty())
        assertTrue(session.sync.state is SyncState.Idle)
    }

    @Test
    fun `the picker finds org units by a Khmer or Latin part of their name and the choice becomes home's`() {
        val session = demo("km")
        val navigator = RecordingNavigator()
        val picker = OrgUnitPresenter(session).apply { attach(navigator) {} }
        val all = picker.state.rows
        assertTrue(all.size > 1)
        val target = all.last()
        val part = target.name.substring(0, minOf(3, target.name.length))
        picker.search(part)
        assertTrue(picker.state.rows.contains(target))
        assertTrue(picker.state.rows.all { it.name.lowercase().contains(part.lowercase()) })
        picker.search("zzzz-no-such-place")
        assertTrue(picker.state.rows.isEmpty())
        assertTrue(picker.state.empty!!.contains("zzzz-no-such-place"))
        picker.choose(target.uid)
        assertEquals(1, navigator.closed)
        val home = HomePresenter(session).apply { attach(RecordingNavigator()) {} }
        assertEquals(target.uid, home.state.options!!.orgUnit.uid)
        assertTrue(home.state.workingIn!!.contains(target.name))
    }

    @Test
    fun `a language change says home again in Khmer with Khmer digits`() {
        val session = demo()
        session.changeSettings("km", khmerDigits = true, textSize = session.textSize)
        val home = HomePresenter(session).apply { attach(RecordingNavigator()) {} }
        val notSent = home.state.notSent!!
        assertTrue(notSent, notSent.any { it in '\u1780'..'\u17DD' } )
        assertFalse(notSent, notSent.any { it in '0'..'9' })
        assertEquals("km", session.app!!.settings().language)
    }
}
