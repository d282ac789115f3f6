// The working list under Robolectric on the demo: overdue visits as cards, "Show more" reading
// the next page, a card opening the person's dashboard; screenshots in English and Khmer.
package org.phum.app.ui

import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.phum.app.presenter.Destination
import org.phum.app.testing.People
import org.phum.app.testing.PhumTestRunner
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
class WorkingListActivityTest {
    private fun demo(language: String = "en") = Views.use(testSession(language).apply { openDemo() })

    private fun launch() =
        Robolectric.buildActivity(
            WorkingListActivity::class.java,
            Screens.intent(Views.application, Destination.WorkingList(Demo.IMMUNIZATION, Demo.HEALTH_CENTRE)),
        ).setup()

    @Test
    fun `overdue visits page with show more, and a visit opens the person's dashboard`() {
        val session = demo()
        val first = session.app!!.overdue(Demo.IMMUNIZATION, Demo.HEALTH_CENTRE, 0uL, 1u).rows.single()
        launch().use { controller ->
            val screen = controller.get()
            Screenshots.check(screen, "working-list-en")
            val before = Views.texts(screen).count { it.endsWith(" overdue") }
            Views.click(screen, "Show more")
            assertTrue(Views.texts(screen).count { it.endsWith(" overdue") } > before)
            People.clickCard(screen, first.values.first().shown)
            val opened = shadowOf(screen).nextStartedActivity
            assertEquals(Destination.Dashboard(first.enrollment), Screens.dashboard(opened))
        }
    }

    @Test
    fun `the working list in Khmer`() {
        demo("km")
        launch().use { Screenshots.check(it.get(), "working-list-km") }
    }
}
