// The monthly report screen under Robolectric against the real core, on the demo's VHSG report
// of a village: a volunteer fills this month's report, completing is refused by the boys' rule,
// the refusal takes her to the cell, the fix completes it (in English, and in Khmer with Khmer
// digits); a refused value; totals; a table too wide for 360 dp shown one category at a time (and
// whole on a wide screen); greyed cells; rotation and a language change; screenshots.
package org.phum.app.ui

import android.view.View
import android.view.ViewGroup
import android.widget.EditText
import android.widget.LinearLayout
import android.widget.ScrollView
import android.widget.Spinner
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.phum.app.platform.TextSize
import org.phum.app.presenter.Destination
import org.phum.app.presenter.ReportBlock
import org.phum.app.presenter.ReportCell
import org.phum.app.presenter.ReportRow
import org.phum.app.presenter.ReportTable
import org.phum.app.presenter.Session
import org.phum.app.testing.PhumTestRunner
import org.phum.app.testing.Reports
import org.phum.app.testing.Screenshots
import org.phum.app.testing.Views
import org.phum.app.testing.hasKhmerLetters
import org.phum.app.testing.testSession
import org.phum.demo.Demo
import org.robolectric.Robolectric
import org.robolectric.android.controller.ActivityController
import org.robolectric.annotation.Config
import org.robolectric.annotation.GraphicsMode

@RunWith(PhumTestRunner::class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(sdk = [34], qualifiers = "w360dp-h640dp-xhdpi")
class ReportActivityTest {
    private fun demo(language: String = "en", khmerDigits: Boolean = false): Session =
        Views.use(
            testSession(language).apply {
                preferences.khmerDigits = khmerDigits
                openDemo()
            },
        )

    /** This month's report of a village that completed last month's: the report Home opens. */
    private fun launch(session: Session): ActivityController<ReportActivity> {
        assertTrue(Reports.villages(session.app!!).contains(Reports.COMPLETED_VILLAGE))
        return Robolectric.buildActivity(ReportActivity::class.java, Screens.intent(Views.application, Destination.Report(Demo.VHSG, Reports.COMPLETED_VILLAGE))).setup()
    }

    private fun <T : View> all(view: View, type: Class<T>): List<T> =
        (if (type.isInstance(view)) listOf(type.cast(view)!!) else emptyList()) +
            if (view is ViewGroup) (0 until view.childCount).flatMap { all(view.getChildAt(it), type) } else emptyList()

    private fun fields(activity: ReportActivity) = all(activity.window.decorView, EditText::class.java).filter { it.isShown }

    private fun field(activity: ReportActivity, label: String) = fields(activity).single { it.contentDescription == label }

    /** The period's name as the screen shows it, replaced by a fixed one (the demo runs on today's months). */
    private fun stabilize(activity: ReportActivity, session: Session, language: String) {
        val name = session.app!!.captureOptions(Reports.COMPLETED_VILLAGE).dataSets.single { it.uid == Demo.VHSG }.periods.first { it.closed == null }.name
        Views.stabilize(activity, mapOf(name to if (language == "km") "វិច្ឆិកា 2026" else "November 2026"))
    }

    /** The flow of the issue, in [language]; [digits] turns the typed numbers into what is typed. */
    private fun fillRefuseFixComplete(language: String, digits: (String) -> String) {
        val session = demo(language, khmerDigits = language == "km")
        val labels = Reports.labels(session.app!!, Reports.COMPLETED_VILLAGE)
        val (rule, instruction) = Reports.boysRule(language)
        launch(session).use { controller ->
            val screen = controller.get()
            Views.type(screen, labels[Reports.UNDER_2_MALE]!!, digits("5"))
            Views.type(screen, labels[Reports.UNDER_2_FEMALE]!!, digits("6"))
            Views.type(screen, labels[Reports.VACCINATED_MALE]!!, digits("9"))
            Views.type(screen, labels[Reports.VACCINATED_FEMALE]!!, digits("4"))
            Views.type(screen, labels[Reports.PREGNANT_WOMEN]!!, digits("3"))
            assertTrue("the row's total: ${Views.texts(screen)}", Views.texts(screen).contains(digits("11")))

            Views.click(screen, session.texts("screen-report-complete"))
            val refused = Views.texts(screen)
            assertTrue(refused.contains(session.texts("screen-event-errors-count", "count" to 1)))
            assertTrue(refused.contains(rule) && refused.contains(instruction))
            assertFalse(refused.contains(session.texts("screen-report-completed")))
            assertEquals("the list is in sight", 0, all(screen.window.decorView, ScrollView::class.java).single().scrollY)
            stabilize(screen, session, language)
            Screenshots.check(screen, "report-refused-$language")

            Views.click(screen, rule)
            val vaccinated = field(screen, labels[Reports.VACCINATED_MALE]!!)
            assertTrue("the refused cell is focused", vaccinated.isFocused)
            assertTrue("and scrolled to", all(screen.window.decorView, ScrollView::class.java).single().scrollY > 0)
            Views.type(screen, labels[Reports.VACCINATED_MALE]!!, digits("4"))
            Views.click(screen, session.texts("screen-report-complete"))
            val done = Views.texts(screen)
            assertTrue(done.contains(session.texts("screen-report-completed")))
            assertFalse(done.contains(rule))
            assertFalse(done.contains(session.texts("screen-report-complete")))
            assertTrue("read-only: no field to type in", fields(screen).isEmpty())
            assertTrue("the values stay shown", done.contains(digits("4")) && done.contains(digits("11")))
        }
    }

    @Test
    fun `a volunteer fills the month's report, the boys' rule refuses it, the refusal leads to the cell, the fix completes it`() =
        fillRefuseFixComplete("en") { it }

    @Test
    fun `the same in Khmer, with Khmer digits typed`() =
        fillRefuseFixComplete("km") { number -> number.map { '០' + (it - '0') }.joinToString("") }

    @Test
    fun `a refused value stays typed with the core's reason beside it, and a good one replaces it`() {
        val session = demo()
        val labels = Reports.labels(session.app!!, Reports.COMPLETED_VILLAGE)
        launch(session).use { controller ->
            val screen = controller.get()
            val before = Views.texts(screen).size
            Views.type(screen, labels[Reports.UNDER_2_MALE]!!, "-3")
            val cell = field(screen, labels[Reports.UNDER_2_MALE]!!)
            assertEquals("-3", cell.text.toString())
            val reason = Views.texts(screen).single { it.startsWith("Male: ") }
            assertFalse("the reason does not name the cell's key: $reason", reason.contains("DmDeAgU2Liv"))
            assertTrue("the same field: updated in place, not rebuilt", cell === field(screen, labels[Reports.UNDER_2_MALE]!!))
            Views.type(screen, labels[Reports.UNDER_2_MALE]!!, "3")
            assertTrue(Views.texts(screen).none { it.startsWith("Male: ") })
            assertEquals(before, Views.texts(screen).size)
        }
    }

    @Test
    fun `typing keeps the field and its focus, the grid being updated in place`() {
        val session = demo()
        val labels = Reports.labels(session.app!!, Reports.COMPLETED_VILLAGE)
        launch(session).use { controller ->
            val screen = controller.get()
            val cell = field(screen, labels[Reports.UNDER_2_FEMALE]!!)
            cell.requestFocus()
            cell.setText("1")
            cell.append("2")
            Views.idle()
            assertTrue(cell === field(screen, labels[Reports.UNDER_2_FEMALE]!!))
            assertTrue(cell.isFocused)
            assertEquals("12", cell.text.toString())
            assertTrue("the row's total followed", Views.texts(screen).contains("12"))
        }
    }

    @Test
    fun `a table wider than 360 dp shows one category at a time, chosen with a switcher`() {
        val session = demo()
        val labels = Reports.labels(session.app!!, Reports.COMPLETED_VILLAGE)
        val deaths = labels.filterKeys { it.startsWith(Reports.DEATHS) }.values.toList()
        launch(session).use { controller ->
            val screen = controller.get()
            assertEquals("one deaths cell shown", listOf(deaths[0]), fields(screen).map { it.contentDescription }.filter { it in deaths })
            val switcher = all(screen.window.decorView, Spinner::class.java).first { it.contentDescription == "Category shown" }
            switcher.setSelection(4)
            Views.idle()
            assertEquals(listOf(deaths[4]), fields(screen).map { it.contentDescription }.filter { it in deaths })
            assertEquals("Deaths this month (Female, 1 to 4 years)", deaths[4])
            Views.type(screen, deaths[4], "2")
            val total = Views.texts(screen)
            assertTrue("the row total stays: $total", total.contains("2"))
            assertTrue("the sex table fits: both its fields", fields(screen).any { it.contentDescription == labels[Reports.UNDER_2_FEMALE] })
        }
    }

    @Test
    @Config(qualifiers = "w840dp-h600dp-xhdpi")
    fun `on a wide screen the widest table shows all its categories side by side`() {
        val session = demo()
        val deaths = Reports.labels(session.app!!, Reports.COMPLETED_VILLAGE).filterKeys { it.startsWith(Reports.DEATHS) }.values
        launch(session).use { controller ->
            val screen = controller.get()
            assertEquals(deaths.toSet(), fields(screen).map { it.contentDescription.toString() }.filter { it in deaths }.toSet())
            assertTrue(all(screen.window.decorView, Spinner::class.java).none { it.contentDescription == "Category shown" })
        }
    }

    @Test
    fun `a greyed cell is drawn as a grey box that takes no value`() {
        demo()
        launch(Views.application.session).use { controller ->
            val screen = controller.get()
            val host = LinearLayout(screen)
            val grid = Grid(Ui(screen, 1f), host, false, object : Grid.Listener {
                override fun typed(key: String, text: String) = error("a greyed cell takes nothing")

                override fun showColumn(table: String, column: Int) {}
            })
            fun cell(key: String, column: String, editable: Boolean) =
                ReportCell(key, column, "Pregnant women ($column)", editable, greyed = !editable, numeric = true, value = null, text = "", refusal = null)
            val row = ReportRow("Pregnant women", listOf(cell("DeA.Female", "Female", true), cell("DeA.Male", "Male", false)), null)
            grid.show(listOf(ReportBlock("Women", listOf(ReportTable("DeA", listOf("Female", "Male"), listOf(row), false, null)))), emptyMap(), Grid.Words("Total", "Category shown"), 1000)
            assertTrue(grid.cell("DeA.Female") is EditText)
            val greyed = grid.cell("DeA.Male")!!
            assertFalse("not a field", greyed is EditText)
            assertFalse(greyed.isFocusable)
            assertEquals("Pregnant women (Male)", greyed.contentDescription)
        }
    }

    @Test
    fun `a rotation keeps the values typed, a refused one, and the category shown`() {
        val session = demo()
        val labels = Reports.labels(session.app!!, Reports.COMPLETED_VILLAGE)
        launch(session).use { controller ->
            Views.type(controller.get(), labels[Reports.UNDER_2_MALE]!!, "7")
            Views.type(controller.get(), labels[Reports.VACCINATED_MALE]!!, "x")
            all(controller.get().window.decorView, Spinner::class.java).first { it.contentDescription == "Category shown" }.setSelection(2)
            Views.idle()
            val before = Views.texts(controller.get())
            controller.recreate()
            Views.idle()
            assertEquals(before, Views.texts(controller.get()))
            assertEquals("x", field(controller.get(), labels[Reports.VACCINATED_MALE]!!).text.toString())
        }
    }

    @Test
    fun `a language change says the report again in Khmer, at the same period with the refused value typed`() {
        val session = demo()
        val app = session.app!!
        val labels = Reports.labels(app, Reports.COMPLETED_VILLAGE)
        val current = Views.Current()
        launch(session).use { controller ->
            // Eight months ago: a month the demo has no report of.
            all(controller.get().window.decorView, Spinner::class.java).first { it.contentDescription == "Period" }.setSelection(8)
            Views.idle()
            Views.type(controller.get(), labels[Reports.VACCINATED_MALE]!!, "x")
            session.changeSettings("km", khmerDigits = false, textSize = session.textSize)
            Views.idle()
            val now = current.activity as ReportActivity
            val khmer = Reports.periods(app, Reports.COMPLETED_VILLAGE)[8].name
            val texts = Views.texts(now)
            assertTrue("the same period, in Khmer: $texts", texts.contains(khmer) && hasKhmerLetters(khmer))
            val kmLabel = Reports.labels(app, Reports.COMPLETED_VILLAGE)[Reports.VACCINATED_MALE]!!
            assertEquals("x", field(now, kmLabel).text.toString())
            assertTrue(texts.any { hasKhmerLetters(it) && it.contains(": ") })
        }
        current.stop()
    }

    @Test
    fun `the report looks as approved in English, in Khmer and at the largest text size`() {
        for (shot in listOf("en", "km", "km-largest")) {
            val language = shot.take(2)
            val session = demo(language)
            if (shot.endsWith("largest")) {
                session.changeSettings(language, false, TextSize.LARGEST)
                Screenshots.largestText()
            }
            Screenshots.language(language)
            val labels = Reports.labels(session.app!!, Reports.COMPLETED_VILLAGE)
            val births = labels.keys.filter { it.startsWith("DmDeAgBirth") }
            launch(session).use { controller ->
                val screen = controller.get()
                Views.type(screen, labels[births[0]]!!, "2")
                Views.type(screen, labels[births[1]]!!, "1")
                assertTrue("no cell is focused as the report opens", fields(screen).none { it.isFocused })
                if (language == "km") assertTrue(hasKhmerLetters(Views.texts(screen).joinToString()))
                if (shot.endsWith("largest")) {
                    // The grid, not the heading, at the top: how its tables fit at this size.
                    val scroll = all(screen.window.decorView, ScrollView::class.java).single()
                    val section = Views.find(screen, "កំណើត និងមរណភាព").single()
                    val place = android.graphics.Rect().also { section.getDrawingRect(it) }
                    scroll.offsetDescendantRectToMyCoords(section, place)
                    scroll.scrollTo(0, place.top)
                }
                stabilize(screen, session, language)
                Screenshots.check(screen, "report-$shot")
            }
        }
    }
}
