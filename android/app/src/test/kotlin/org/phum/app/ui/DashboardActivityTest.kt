// The enrollment dashboard under Robolectric on the demo: a baby overdue for the 10-week contact,
// with overdue doses in red, the next-visit button opening that contact's form, cancelling after
// the dialog's yes; screenshots in English, Khmer and Khmer at the largest text.
package org.phum.app.ui

import android.content.DialogInterface
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
import org.robolectric.shadows.ShadowAlertDialog

@RunWith(PhumTestRunner::class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(sdk = [34], qualifiers = "w360dp-h640dp-xhdpi")
class DashboardActivityTest {
    private fun demo(language: String = "en") = Views.use(testSession(language).apply { openDemo() })

    private fun launch(enrollment: String) =
        Robolectric.buildActivity(DashboardActivity::class.java, Screens.intent(Views.application, Destination.Dashboard(enrollment))).setup()

    @Test
    fun `a child with overdue doses shows them, and the next-visit button opens the first one`() {
        val session = demo()
        val enrollment = People.overdueBaby(session.app!!)
        launch(enrollment).use { controller ->
            val screen = controller.get()
            val texts = Views.texts(screen)
            assertTrue(texts.toString(), texts.any { it.startsWith("Overdue since ") })
            People.stableDates(screen)
            Screenshots.check(screen, "dashboard-en")
            val board = session.app!!.dashboard(enrollment)
            val first = board.stages.first { it.overdue }
            Views.click(screen, "Add ${first.name}")
            val opened = shadowOf(screen).nextStartedActivity
            val target = FormTarget.NewEvent(Demo.IMMUNIZATION, first.stage, board.enrollment.orgUnit, enrollment, session.today())
            assertEquals(target, Screens.form(opened))
        }
    }

    @Test
    fun `the dashboard in Khmer, and at the largest text size`() {
        val session = demo("km")
        val enrollment = People.overdueBaby(session.app!!)
        launch(enrollment).use {
            People.stableDates(it.get())
            Screenshots.check(it.get(), "dashboard-km")
        }
        Screenshots.largestText()
        launch(enrollment).use {
            People.stableDates(it.get())
            Screenshots.check(it.get(), "dashboard-km-largest")
        }
    }

    @Test
    fun `cancelling asks first, and the yes cancels the enrollment`() {
        val session = demo()
        val child = Demo.registerChild(session.app!!, "ហេង លីណា", "Heng Lina")
        launch(child.uid).use { controller ->
            val screen = controller.get()
            Views.click(screen, "Cancel enrollment")
            val dialog = ShadowAlertDialog.getLatestAlertDialog()
            assertTrue(dialog.isShowing)
            dialog.getButton(DialogInterface.BUTTON_POSITIVE).performClick()
            Views.idle()
            assertTrue(Views.texts(screen).toString(), Views.texts(screen).any { it.endsWith("Cancelled") })
            assertTrue(Views.texts(screen).contains("Reopen enrollment"))
            assertEquals("CANCELLED", session.app!!.dashboard(child.uid).enrollment.status)
        }
    }
}
