// The sync screen's presenter against the real core: the demo's sync button, a real sync's
// progress and report against the DHIS2 test server, a refused record listed in both languages
// and opening the record, a cancelled and a failed sync.
package org.phum.app.presenter

import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.ClassRule
import org.junit.Test
import org.phum.app.testing.QueuedWork
import org.phum.app.testing.RecordingNavigator
import org.phum.app.testing.Records
import org.phum.app.testing.ServerRule
import org.phum.app.testing.hasKhmerLetters
import org.phum.app.testing.testSession
import org.phum.core.PhumException
import org.phum.demo.Demo

class SyncPresenterTest {
    private fun shown(session: Session): Pair<SyncPresenter, MutableList<SyncPresenter.State>> {
        val states = mutableListOf<SyncPresenter.State>()
        val presenter = SyncPresenter(session)
        presenter.attach(RecordingNavigator()) { states += it }
        return presenter to states
    }

    @Test
    fun `the demo's sync button explains that practice data is never sent and syncs nothing`() {
        val session = testSession().apply { openDemo() }
        val (presenter, _) = shown(session)
        presenter.syncNow()
        assertEquals(session.texts("screen-sync-training-never-sends"), presenter.state.notice)
        assertEquals(SyncState.Idle, session.sync.state)
        assertFalse(presenter.state.running)
        assertEquals(session.texts("screen-sync-never"), presenter.state.lastSync)
    }

    @Test
    fun `a sync shows its phases with done of total, then the report's summary and the last sync`() {
        val session = Records.signedIn(server)
        val (presenter, states) = shown(session)
        states.clear()
        presenter.syncNow()
        val progress = states.filter { it.running }.mapNotNull { it.progress }
        assertTrue("progress: $progress", progress.any { Regex(".+: \\d+ of \\d+").matches(it) })
        val finished = presenter.state
        val report = (finished.sync as SyncState.Finished).report
        assertEquals(report.summary.text, finished.summary)
        assertNull(finished.failure)
        assertEquals(session.texts("screen-sync-last", "date" to DateArg(Demo.today().toString())), finished.lastSync)
        assertEquals(session.texts("screen-sync-all-sent"), finished.allSent)
        assertTrue(finished.issues.isEmpty())
    }

    @Test
    fun `a refused record is listed first with the server's reason in English and Khmer and opens the record`() {
        val session = Records.signedIn(server)
        val visit = Records.refusedVisit(server, session)
        val (presenter, _) = shown(session)
        val issue = presenter.state.issues.first()
        assertTrue(issue.refused)
        assertEquals(Destination.Record("event", visit, null), issue.record)
        assertTrue(issue.text, issue.text.isNotBlank() && !hasKhmerLetters(issue.text))
        assertNull("a refused record is not 'all sent'", presenter.state.allSent)
        assertEquals("Rejected by the server", presenter.state.rejectedTitle)

        val navigator = RecordingNavigator()
        presenter.attach(navigator) {}
        presenter.open(issue)
        assertEquals(listOf<Destination>(Destination.Record("event", visit, null)), navigator.went)

        session.changeSettings("km", false, session.textSize)
        val (khmer, _) = shown(session)
        val inKhmer = khmer.state.issues.first()
        assertEquals(issue.record, inKhmer.record)
        assertTrue(inKhmer.text, hasKhmerLetters(inKhmer.text))
        assertTrue(hasKhmerLetters(khmer.state.rejectedTitle))
    }

    @Test
    fun `a sync cancelled while running says it stopped, and the next one finishes`() {
        val session = Records.signedIn(server)
        Demo.registerChild(session.app!!, "ចាន់ ដាវីត", "Chan Davit")
        val presenter = SyncPresenter(session)
        var cancelled = false
        presenter.attach(RecordingNavigator()) {
            // At the first phase the core reports (a cancel before the core's sync begins is
            // not heard: App.sync clears the request when it starts).
            if ((it.sync as? SyncState.Running)?.phase?.isNotEmpty() == true && !cancelled) {
                cancelled = true
                presenter.cancel()
            }
        }
        presenter.syncNow()
        assertTrue(cancelled)
        val failed = presenter.state.sync as SyncState.Failed
        assertTrue(failed.error is org.phum.core.PhumException.Cancelled)
        assertEquals(failed.error.said, presenter.state.failure)
        assertTrue(presenter.state.status!!.waiting > 0uL)

        presenter.syncNow()
        assertTrue(presenter.state.sync is SyncState.Finished)
        assertEquals(0uL, presenter.state.status!!.waiting)
    }

    @Test
    fun `a sync the server fails shows the core's explanation`() {
        val session = Records.signedIn(server)
        Demo.registerChild(session.app!!, "ហេង សុជាតា", "Heng Socheata")
        server.inject("POST", "/api/tracker", "malformed-json")
        val (presenter, _) = shown(session)
        presenter.syncNow()
        val failed = presenter.state.sync as SyncState.Failed
        assertNotNull(presenter.state.failure)
        assertEquals(failed.error.said, presenter.state.failure)
        assertTrue(presenter.state.failure!!.isNotBlank())
        assertNull(presenter.state.summary)
        server.clearFaults()
    }

    @Test
    fun `a cancel pressed before the core's sync has begun is not lost`() {
        val work = QueuedWork()
        val session = Records.signedIn(server, testSession(work = work))
        work.runAll()
        Demo.registerChild(session.app!!, "សុខ ស្រីមុំ", "Sok Sreymom")
        assertTrue(session.sync.start())
        session.sync.cancel()
        work.runAll()
        val stopped = session.sync.state as SyncState.Failed
        assertTrue(stopped.error is PhumException.Cancelled)
        assertTrue(session.sync.start())
        work.runAll()
        assertTrue(session.sync.state is SyncState.Finished)
    }

    @Test
    fun `the screen keeps the runner's state when shown again, and stops hearing it when gone`() {
        val session = Records.signedIn(server)
        val (first, _) = shown(session)
        first.syncNow()
        val heard = first.state.sync
        first.detach()
        val (again, _) = shown(session)
        assertEquals(heard, again.state.sync)
        assertEquals(first.state.summary, again.state.summary)

        Records.syncNow(session)
        assertTrue("the gone screen heard nothing more", first.state.sync === heard)
        assertTrue(again.state.sync !== heard)
    }

    private val server get() = running.server

    companion object {
        @ClassRule
        @JvmField
        val running = ServerRule()
    }
}
