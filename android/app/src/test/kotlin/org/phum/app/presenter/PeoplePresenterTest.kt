// The people search on the demo: a person found by a Khmer name, a Latin name and a phone typed
// in Khmer digits, shown as a health worker recognises them; a result opens the dashboard, a
// person not enrolled in the program is enrolled, and the register button registers.
package org.phum.app.presenter

import org.junit.Assert.assertEquals
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test
import org.phum.app.testing.People
import org.phum.app.testing.RecordingNavigator
import org.phum.app.testing.Records
import org.phum.app.testing.hasKhmerLetters
import org.phum.app.testing.testSession
import org.phum.core.FormSession
import org.phum.demo.Demo

class PeoplePresenterTest {
    private fun demo(language: String = "en") = testSession(language).apply { openDemo() }

    private fun search(session: Session, navigator: RecordingNavigator = RecordingNavigator()) =
        PeoplePresenter(session, Destination.People(Demo.IMMUNIZATION, Demo.HEALTH_CENTRE)).apply { attach(navigator) {} }

    @Test
    fun `a child is found by a Khmer name, a Latin name and a phone typed in Khmer digits`() {
        val session = demo()
        val child = Demo.registerChild(session.app!!, "សុខ ស្រីនាង", "Sok Sreyneang")
        People.setPhone(session.app!!, child, "012 987 654")
        val people = search(session)
        for (text in listOf("សុខ ស្រីនាង", "sok sreyn", "០១២ ៩៨៧")) {
            people.search(text)
            val found = people.state.results.filter { it.trackedEntity == child.trackedEntity }
            assertEquals(text, 1, found.size)
            assertEquals("សុខ ស្រីនាង", found.single().name)
        }
    }

    @Test
    fun `a result shows the name, sex, age, village and last visit`() {
        val session = demo()
        val app = session.app!!
        val child = Demo.registerChild(app, "ម៉ៅ ចាន់ថា", "Mao Chantha")
        Records.recordVisit(app, child)
        val people = search(session)
        people.search("Mao Chantha")
        val result = people.state.results.single { it.trackedEntity == child.trackedEntity }
        assertEquals("Mao Chantha", result.others)
        // Born 50 days ago: 7 weeks.
        assertTrue(result.details!!, result.details!!.matches(Regex("Female · 7 weeks · .+ Village")))
        assertTrue(result.lastVisit!!, result.lastVisit!!.startsWith("Last visit "))
        assertEquals(child.uid, result.enrollment)
        assertEquals("1 person found", people.state.status)
    }

    @Test
    fun `a person with an enrollment opens its dashboard and the register button a new registration`() {
        val session = demo()
        val child = Demo.registerChild(session.app!!, "គឹម ស៊ីណា", "Kim Sina")
        val navigator = RecordingNavigator()
        val people = search(session, navigator)
        people.search("Kim Sina")
        people.open(people.state.results.single())
        people.register()
        assertEquals(
            listOf(
                Destination.Dashboard(child.uid),
                Destination.Form(FormTarget.NewRegistration(Demo.IMMUNIZATION, Demo.HEALTH_CENTRE, session.today())),
            ),
            navigator.went,
        )
    }

    @Test
    fun `a person found but not enrolled in the program is offered an enrollment, which then opens the dashboard`() {
        val session = demo()
        val app = session.app!!
        val adult = People.registerAdult(app, "ជា សុខុម")
        val navigator = RecordingNavigator()
        val people = search(session, navigator)
        people.search("ជា សុខុម")
        val result = people.state.results.single()
        assertNull(result.enrollment)
        assertEquals("Enroll in Child immunization", people.state.enroll())
        people.open(result)
        val target = FormTarget.NewEnrollment(adult.trackedEntity, Demo.IMMUNIZATION, Demo.HEALTH_CENTRE, session.today())
        assertEquals(listOf<Destination>(Destination.Form(target)), navigator.went)

        // The form the lead's FormActivity opens for it enrolls the same person.
        FormSession.newEnrollment(app, target.trackedEntity, target.program, target.orgUnit, target.enrollmentDate, target.enrollmentDate).use { it.end() }
        people.search("ជា សុខុម")
        val enrolled = people.state.results.single()
        people.open(enrolled)
        assertEquals(Destination.Dashboard(enrolled.enrollment!!), navigator.went.last())
    }

    @Test
    fun `a text too short, and one nobody matches, each say so in Khmer`() {
        val people = search(demo("km"))
        people.search("ក")
        assertTrue(people.state.tooShort)
        assertTrue(hasKhmerLetters(people.state.status!!))
        people.search("ឈ្មោះដែលគ្មាន")
        assertEquals(emptyList<PeoplePresenter.Result>(), people.state.results)
        assertEquals(Texts("km", false)("screen-search-no-results"), people.state.status)
        people.search("")
        assertNull(people.state.status)
    }
}
