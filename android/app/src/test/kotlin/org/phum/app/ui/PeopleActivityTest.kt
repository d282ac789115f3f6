// The people search under Robolectric on the demo: typing finds people by a Khmer name and by a
// phone in Khmer digits, each a card (name, sex, age, village, last visit) that opens the
// dashboard; someone not enrolled is offered an enrollment; the register button; screenshots in
// English and Khmer.
package org.phum.app.ui

import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.phum.app.presenter.Destination
import org.phum.app.presenter.FormTarget
import org.phum.app.testing.People
import org.phum.app.testing.PhumTestRunner
import org.phum.app.testing.Records
import org.phum.app.testing.Screenshots
import org.phum.app.testing.Views
import org.phum.app.testing.testSession
import org.phum.demo.Demo
import org.robolectric.Robolectric
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.Config
import org.robolectric.annotation.GraphicsMode

@RunWith(PhumTestRunner::class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(sdk = [34], qualifiers = "w360dp-h640dp-xhdpi")
class PeopleActivityTest {
    private fun demo(language: String = "en") = Views.use(testSession(language).apply { openDemo() })

    private fun launch() =
        Robolectric.buildActivity(PeopleActivity::class.java, Screens.intent(Views.application, Destination.People(Demo.IMMUNIZATION, Demo.HEALTH_CENTRE))).setup()

    /** Two sisters, the younger one seen for her 6-week visit. */
    private fun sisters(language: String) =
        demo(language).also { session ->
            val app = session.app!!
            Demo.registerChild(app, "ពេជ្រ ចរិយា", "Pich Chariya", enrolled = Demo.today().minusDays(300))
            Records.recordVisit(app, Demo.registerChild(app, "ពេជ្រ ដាលីន", "Pich Dalin"))
        }

    @Test
    fun `typing a Khmer name shows each person as a card, and tapping one opens the dashboard`() {
        val session = sisters("en")
        launch().use { controller ->
            val screen = controller.get()
            // Both sisters match "ពេជ្រ" equally well and are ordered by their UIDs, made at
            // random when they are registered: the second word keeps the picture the same.
            Views.type(screen, "Name, phone number or ID", "ពេជ្រ")
            assertTrue(Views.texts(screen).contains("ពេជ្រ ចរិយា"))
            Views.type(screen, "Name, phone number or ID", "ពេជ្រ ដា")
            val texts = Views.texts(screen)
            assertTrue("only Dalin: $texts", !texts.contains("ពេជ្រ ចរិយា"))
            assertTrue(texts.toString(), texts.contains("ពេជ្រ ដាលីន") && texts.contains("Pich Dalin"))
            assertTrue(texts.toString(), texts.any { it.matches(Regex("Female · 7 weeks · .+ Village")) })
            assertTrue(texts.toString(), texts.any { it.startsWith("Last visit ") })
            People.stableDates(screen)
            Screenshots.check(screen, "people-en")
            People.clickCard(screen, "ពេជ្រ ដាលីន")
            val opened = shadowOf(screen).nextStartedActivity
            assertEquals(DashboardActivity::class.java.name, opened.component!!.className)
            val dalin = session.app!!.searchPeople(Demo.IMMUNIZATION, "Pich Dalin", null, 1u).single().person.enrollments.single()
            assertEquals(Destination.Dashboard(dalin.uid), Screens.dashboard(opened))
        }
    }

    @Test
    fun `the search in Khmer finds a phone typed in Khmer digits`() {
        val session = sisters("km")
        val app = session.app!!
        People.setPhone(app, Demo.registerChild(app, "ឈឹម សុផល", "Chhim Sophal"), "097 555 1234")
        launch().use { controller ->
            val screen = controller.get()
            Views.type(screen, session.texts("screen-search-hint"), "ពេជ្រ ច")
            People.stableDates(screen)
            Screenshots.check(screen, "people-km")
            Views.type(screen, session.texts("screen-search-hint"), "០៩៧ ៥៥៥")
            assertTrue(Views.texts(screen).contains("ឈឹម សុផល"))
        }
    }

    @Test
    fun `someone not enrolled is offered an enrollment, and the register button registers`() {
        val session = demo()
        val adult = People.registerAdult(session.app!!, "ជា សុខុម")
        launch().use { controller ->
            val screen = controller.get()
            Views.type(screen, "Name, phone number or ID", "ជា សុខុម")
            assertTrue(Views.texts(screen).contains("Not enrolled in Child immunization"))
            Views.click(screen, "Enroll in Child immunization")
            val enroll = shadowOf(screen).nextStartedActivity
            assertEquals(FormTarget.NewEnrollment(adult.trackedEntity, Demo.IMMUNIZATION, Demo.HEALTH_CENTRE, session.today()), Screens.form(enroll))
            Views.click(screen, "Register a new person")
            val register = shadowOf(screen).nextStartedActivity
            assertEquals("org.phum.app.ui.FormActivity", register.component!!.className)
            assertEquals(FormTarget.NewRegistration(Demo.IMMUNIZATION, Demo.HEALTH_CENTRE, session.today()), Screens.form(register))
        }
    }
}
