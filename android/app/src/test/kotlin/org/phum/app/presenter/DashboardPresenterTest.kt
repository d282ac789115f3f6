// The enrollment dashboard on the demo: a child with overdue doses shows them and the next-visit
// button opens the first waiting contact; a past visit opens, a started one is continued; the
// enrollment is cancelled, reopened and completed after a question, and a refused completion says
// the core's reasons.
package org.phum.app.presenter

import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test
import org.phum.app.testing.People
import org.phum.app.testing.RecordingNavigator
import org.phum.app.testing.Records
import org.phum.app.testing.testSession
import org.phum.core.FormSession
import org.phum.demo.Demo

class DashboardPresenterTest {
    private fun demo(language: String = "en") = testSession(language).apply { openDemo() }

    private fun board(session: Session, enrollment: String, navigator: RecordingNavigator = RecordingNavigator()) =
        DashboardPresenter(session, Destination.Dashboard(enrollment)).apply { attach(navigator) {} }

    @Test
    fun `a child with overdue doses shows them, and the next visit is the first waiting contact today`() {
        val session = demo()
        val enrollment = People.overdueBaby(session.app!!)
        val navigator = RecordingNavigator()
        val board = board(session, enrollment, navigator)
        val late = board.state.stages.filter { it.tone == DashboardPresenter.Tone.LATE }
        assertTrue(board.state.stages.toString(), late.isNotEmpty())
        assertTrue(late.first().waiting!!, late.first().waiting!!.matches(Regex("Overdue since .+ \\(\\d+ days?\\)")))
        val e = board.state.board!!.enrollment
        val first = board.state.board!!.stages.first { it.overdue }
        board.openNext()
        assertEquals(
            listOf<Destination>(Destination.Form(FormTarget.NewEvent(Demo.IMMUNIZATION, first.stage, e.orgUnit, enrollment, session.today()))),
            navigator.went,
        )
        assertEquals("Add ${first.name}", board.state.next!!.label)
        assertTrue(board.state.details!!, board.state.details!!.contains(" · "))
    }

    @Test
    fun `a child first seen at 6 weeks can get her 6-week doses before the birth doses`() {
        val session = demo()
        val child = Demo.registerChild(session.app!!, "ហ៊ាង ស្រីនាង", "Hang Sreyneang")
        val navigator = RecordingNavigator()
        val board = board(session, child.uid, navigator)
        val next = board.state.next!!
        assertTrue("the next button is another stage: ${next.label}", (next.target as FormTarget.NewEvent).stage != Demo.WEEKS_6)
        val sixWeeks = board.state.stages.single { it.stage == Demo.WEEKS_6 }
        val add = sixWeeks.add!!
        assertEquals("Add ${sixWeeks.name}", add.label)
        assertNull("the next stage has no second button", board.state.stages.single { it.stage == (next.target as FormTarget.NewEvent).stage }.add)
        board.open(add)
        assertEquals(listOf<Destination>(Destination.Form(FormTarget.NewEvent(Demo.IMMUNIZATION, Demo.WEEKS_6, Demo.HEALTH_CENTRE, child.uid, session.today()))), navigator.went)
    }

    @Test
    fun `a visit that took place opens, and one started and not completed is continued`() {
        val session = demo()
        val app = session.app!!
        val child = Demo.registerChild(app, "ស៊ុន ដាវី", "Sun Davy")
        val visit = Records.recordVisit(app, child)
        val navigator = RecordingNavigator()
        val board = board(session, child.uid, navigator)
        val weeks6 = board.state.stages.single { it.stage == Demo.WEEKS_6 }
        assertEquals(visit, weeks6.visits.single().event)
        board.openVisit(weeks6.visits.single().event)
        assertEquals(Destination.Form(FormTarget.Event(visit)), navigator.went.last())
        // The 6-week visit was started, not completed: the birth contact is first and waits.
        val next = board.state.next!!
        assertTrue(next.target.toString(), next.target is FormTarget.NewEvent || next.target is FormTarget.Event)
    }

    @Test
    fun `cancel, reopen and complete each ask first and change the enrollment`() {
        val session = demo()
        val child = Demo.registerChild(session.app!!, "ហេង លីណា", "Heng Lina")
        val board = board(session, child.uid)
        assertEquals(listOf(DashboardPresenter.Action.COMPLETE, DashboardPresenter.Action.CANCEL), board.state.actions)
        board.ask(DashboardPresenter.Action.CANCEL)
        assertTrue(board.state.question(DashboardPresenter.Action.CANCEL).startsWith("Cancel the enrollment of ហេង លីណា in Child immunization?"))
        board.dismiss()
        assertEquals("ACTIVE", session.app!!.dashboard(child.uid).enrollment.status)
        board.ask(DashboardPresenter.Action.CANCEL)
        board.confirm()
        assertEquals("CANCELLED", board.state.board!!.enrollment.status)
        assertNull(board.state.next)
        assertEquals(listOf(DashboardPresenter.Action.REOPEN), board.state.actions)
        board.ask(DashboardPresenter.Action.REOPEN)
        board.confirm()
        board.ask(DashboardPresenter.Action.COMPLETE)
        board.confirm()
        assertNull(board.state.error)
        assertEquals("COMPLETED", board.state.board!!.enrollment.status)
    }

    @Test
    fun `a completion the rules refuse is shown in the core's words and changes nothing`() {
        val session = demo()
        val app = session.app!!
        // Registered with nothing filled in: its mandatory attributes are empty.
        val enrollment =
            FormSession.newRegistration(app, Demo.IMMUNIZATION, Demo.HEALTH_CENTRE, session.today(), session.today()).use { form ->
                (form.record() as org.phum.core.Record.Enrollment).uid.also { form.end() }
            }
        val board = board(session, enrollment)
        board.ask(DashboardPresenter.Action.COMPLETE)
        board.confirm()
        assertNotNull(board.state.error)
        assertTrue(board.state.error!!, board.state.error!!.contains("mandatory"))
        assertEquals("ACTIVE", board.state.board!!.enrollment.status)
    }

    @Test
    fun `edit details opens the registration, and coming back reads the dashboard again`() {
        val session = demo()
        val app = session.app!!
        val child = Demo.registerChild(app, "ទេព សុភាព", "Tep Sopheap")
        val navigator = RecordingNavigator()
        val board = board(session, child.uid, navigator)
        board.editDetails()
        assertEquals(Destination.Form(FormTarget.Registration(child.uid)), navigator.went.last())
        assertTrue(board.state.stages.single { it.stage == Demo.WEEKS_6 }.visits.isEmpty())
        board.detach()
        Records.recordVisit(app, child)
        board.attach(navigator) {}
        assertEquals(1, board.state.stages.single { it.stage == Demo.WEEKS_6 }.visits.size)
    }
}
