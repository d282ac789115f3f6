// The form screen under Robolectric against the real demo core: a child's 6-week visit ticked and
// completed, the NCD rules answering a typed blood pressure (an error and a warning at the field,
// the referral made mandatory, the rules' text on top) while the field keeps its focus, a value
// refused with the typed text kept, completing refused with every reason listed and a tap on one
// going to its field, a registration's possible duplicate shown before saving and the new
// enrollment's dashboard after, a rotation and a change of language (the same visit, not a new
// one), and screenshots in English and Khmer.
package org.phum.app.ui

import android.view.KeyEvent
import android.widget.EditText
import android.widget.RadioButton
import android.widget.ScrollView
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.phum.app.platform.TextSize
import org.phum.app.presenter.Destination
import org.phum.app.presenter.FormTarget
import org.phum.app.testing.FieldRows
import org.phum.app.testing.Forms
import org.phum.app.testing.Ncd
import org.phum.app.testing.PhumTestRunner
import org.phum.app.testing.Records
import org.phum.app.testing.Screenshots
import org.phum.app.testing.Views
import org.phum.app.testing.hasKhmerLetters
import org.phum.app.testing.testSession
import org.phum.demo.Demo
import org.robolectric.Robolectric
import org.robolectric.Shadows.shadowOf
import org.robolectric.android.controller.ActivityController
import org.robolectric.annotation.Config
import org.robolectric.annotation.GraphicsMode

@RunWith(PhumTestRunner::class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(sdk = [34], qualifiers = "w360dp-h640dp-xhdpi")
class FormActivityTest {
    private fun launch(target: FormTarget): ActivityController<FormActivity> =
        Robolectric.buildActivity(FormActivity::class.java, Screens.intent(Views.application, Destination.Form(target))).setup()

    private fun demo(language: String = "en") = Views.use(testSession(language = language).apply { openDemo() })

    private fun scroll(activity: FormActivity): ScrollView = FieldRows.all(activity.window.decorView).filterIsInstance<ScrollView>().first { it.isShown && it.height > 0 }

    @Test
    fun `a child's 6-week visit is ticked and completed, and the screen closes`() {
        val session = demo()
        val target = Forms.sixWeekVisit(session.app!!)
        launch(target).use { controller ->
            val screen = controller.get()
            val texts = Views.texts(screen)
            assertTrue(texts.toString(), texts.contains("Child immunization - 6 weeks: Penta 1, bOPV 1, PCV 1"))
            assertTrue("the sections' titles: $texts", texts.containsAll(listOf("Before vaccinating", "Vaccines", "Growth")))
            for (dose in listOf(Demo.PENTA_1, Forms.OPV_1, Forms.PCV_1)) FieldRows.click(screen, dose, "Yes")
            assertTrue(FieldRows.all(FieldRows.row(screen, Demo.PENTA_1)).filterIsInstance<RadioButton>().single { it.text == "Yes" }.isChecked)
            Views.type(screen, "Child's weight (kg)", "4.8")
            assertTrue(Views.texts(screen).none { it.contains("Check the weight") })

            Views.click(screen, "Complete")
            assertTrue("the visit is completed and the screen goes back", screen.isFinishing)
            val visit = session.app!!.dashboard(target.enrollment!!).stages.single { it.stage == Demo.WEEKS_6 }.visits.single()
            assertEquals("COMPLETED", visit.status)

            launch(FormTarget.Event(visit.event)).use { again ->
                val done = again.get()
                val texts = Views.texts(done)
                assertTrue("says why it cannot be changed: $texts", texts.contains("This visit is completed. Its values can no longer be changed."))
                assertFalse(texts.contains("Complete"))
                assertTrue("nothing to type in", FieldRows.all(done.window.decorView).none { it is EditText && it.isShown })
                assertTrue("the weight is read", FieldRows.texts(done, Demo.CHILD_WEIGHT).contains("4.8"))
            }
        }
    }

    @Test
    fun `a visit that cannot be opened says why and offers the way back`() {
        demo()
        launch(FormTarget.Event("NoSuchEvnt1")).use { controller ->
            val screen = controller.get()
            val texts = Views.texts(screen)
            assertTrue("the core's reason and Back: $texts", texts.contains("Back") && texts.size >= 3)
            Views.click(screen, "Back")
            assertTrue(screen.isFinishing)
        }
    }

    @Test
    fun `a very high blood pressure shows the rule's error and warning at the field and makes the referral mandatory`() {
        val session = demo()
        launch(Forms.ncdFollowUp(session.app!!)).use { controller ->
            val screen = controller.get()
            assertTrue(Views.texts(screen).any { it.startsWith("Next follow-up visit, 4 weeks after this one:") })
            assertFalse(FieldRows.texts(screen, Ncd.REFERRAL).contains("Referral *"))
            val systolic = FieldRows.edit(screen, Ncd.SYSTOLIC)
            systolic.requestFocus()
            Views.type(screen, "Upper number, systolic (mmHg)", "300")
            Views.type(screen, "Lower number, diastolic (mmHg)", "120")
            val atSystolic = FieldRows.texts(screen, Ncd.SYSTOLIC)
            assertTrue(atSystolic.toString(), atSystolic.contains("Check the reading: the upper number is expected between 60 and 260 mmHg."))
            assertTrue(atSystolic.toString(), atSystolic.any { it.startsWith("Very high blood pressure") })
            assertTrue(FieldRows.texts(screen, Ncd.REFERRAL).contains("Referral *"))
            assertTrue("the assigned result is read, not typed", FieldRows.texts(screen, Ncd.BP_RESULT).contains("Very high: 180/110 or more"))
            assertTrue("no other input was made for the field: the same one", systolic === FieldRows.edit(screen, Ncd.SYSTOLIC))
        }
    }

    @Test
    fun `a message appearing on top while the user is further down leaves the field where it was`() {
        val session = demo()
        launch(Forms.ncdFollowUp(session.app!!)).use { controller ->
            val screen = controller.get()
            val smoker = FieldRows.row(screen, Ncd.SMOKER)
            scroll(screen).scrollTo(0, 10_000)
            Views.idle()
            val before = IntArray(2).also { smoker.getLocationInWindow(it) }[1]
            FieldRows.click(screen, Ncd.SMOKER, "Yes")
            assertTrue(Views.texts(screen).any { it.startsWith("Advise to stop smoking") })
            val after = IntArray(2).also { smoker.getLocationInWindow(it) }[1]
            assertEquals("the smoker field stays put", before, after)
        }
    }

    @Test
    fun `a value the field does not take keeps what was typed, with the reason beside it`() {
        val session = demo()
        launch(Forms.ncdFollowUp(session.app!!)).use { controller ->
            val screen = controller.get()
            val systolic = FieldRows.edit(screen, Ncd.SYSTOLIC)
            systolic.dispatchKeyEvent(KeyEvent(KeyEvent.ACTION_DOWN, KeyEvent.KEYCODE_A))
            assertEquals("a letter on a keyboard does not reach a number field", "", systolic.text.toString())

            Views.type(screen, "Upper number, systolic (mmHg)", "14a")
            assertEquals("14a", systolic.text.toString())
            val said = FieldRows.texts(screen, Ncd.SYSTOLIC)
            assertTrue("the core's reason under the field: $said", said.size >= 3)

            controller.recreate()
            val again = controller.get()
            assertEquals("a rotation keeps the typed text", "14a", FieldRows.edit(again, Ncd.SYSTOLIC).text.toString())
            assertEquals(said, FieldRows.texts(again, Ncd.SYSTOLIC))
            Views.type(again, "Upper number, systolic (mmHg)", "145")
            assertEquals(listOf("Upper number, systolic (mmHg) *", "145"), FieldRows.texts(again, Ncd.SYSTOLIC).take(2))
            assertTrue(FieldRows.texts(again, Ncd.SYSTOLIC).none { it in said.drop(2) })
        }
    }

    @Test
    fun `completing too early lists every reason, and a tap on one goes to its field`() {
        val session = demo()
        launch(Forms.ncdFollowUp(session.app!!)).use { controller ->
            val screen = controller.get()
            Views.click(screen, "Complete")
            assertFalse(screen.isFinishing)
            val texts = Views.texts(screen)
            assertTrue(texts.toString(), texts.contains("2 errors to fix before you can complete"))
            val reasons = texts.filter { it.startsWith("• ") }
            assertEquals(reasons.toString(), 2, reasons.size)
            assertTrue(reasons.toString(), reasons.any { it.contains("Lower number, diastolic") })

            Views.click(screen, reasons.single { it.contains("Lower number, diastolic") })
            val diastolic = FieldRows.edit(screen, Ncd.DIASTOLIC)
            assertTrue("the cursor is in the field", diastolic.hasFocus())
            assertTrue("the form scrolled to it", scroll(screen).scrollY > 0)
        }
    }

    @Test
    fun `a registration says who may already be registered before saving, then opens the new enrollment`() {
        val session = demo()
        Demo.registerChild(session.app!!, "ចាន់ ធីតា", "Chan Thida")
        launch(Forms.newChild()).use { controller ->
            val screen = controller.get()
            Views.type(screen, "Full name (Khmer script)", "ចាន់ ធីតា")
            Views.type(screen, "Date of birth", Demo.today().minusDays(50).toString())
            val texts = Views.texts(screen)
            assertTrue(texts.toString(), texts.contains("1 person with similar details is already registered. Check that it is not the same person."))
            assertTrue(texts.toString(), texts.any { it.startsWith("ចាន់ ធីតា") })
            assertTrue(texts.contains("Open"))

            Views.type(screen, "Name in Latin letters", "Chan Thida")
            FieldRows.click(screen, Demo.SEX, "Female")
            Views.type(screen, "Mother or caregiver", "ចាន់ សុភា")
            FieldRows.click(screen, Demo.VILLAGE, "Choose an option")
            val list = org.robolectric.shadows.ShadowAlertDialog.getLatestAlertDialog()
            val filter = FieldRows.all(list.window!!.decorView).filterIsInstance<EditText>().single()
            val before = list.listView.adapter.count
            filter.setText("Chh")
            Views.idle()
            assertTrue("the list is filtered", list.listView.adapter.count in 1 until before)
            val village = list.listView.adapter.getItem(0) as String
            list.listView.performItemClick(null, 0, 0)
            Views.idle()
            assertTrue(FieldRows.texts(screen, Demo.VILLAGE).contains(village))

            Views.click(screen, "None of them: register")
            assertTrue(screen.isFinishing)
            val next = shadowOf(screen).nextStartedActivity
            assertEquals("org.phum.app.ui.DashboardActivity", next.component!!.className)
            assertNotNull(next.getStringExtra(Screens.EXTRA_ENROLLMENT))
        }
    }

    @Test
    fun `a change of language shows the same visit in Khmer, not a new one`() {
        val session = demo()
        val target = Forms.ncdFollowUp(session.app!!)
        val visits = { session.app!!.dashboard(target.enrollment!!).stages.single { it.stage == Ncd.FOLLOW_UP }.visits.size }
        val current = Views.Current()
        launch(target).use { controller ->
            Views.type(controller.get(), "Upper number, systolic (mmHg)", "150")
            val count = visits()
            session.changeSettings("km", khmerDigits = true, textSize = TextSize.NORMAL)
            Views.idle()
            val now = current.activity as FormActivity
            val texts = Views.texts(now)
            assertTrue("Khmer: $texts", texts.contains("សម្ពាធឈាមលើ (mmHg) *"))
            assertEquals("the value in Khmer digits", "១៥០", FieldRows.edit(now, Ncd.SYSTOLIC).text.toString())
            assertEquals("no second visit was made", count, visits())
        }
        current.stop()
    }

    @Test
    fun `the visit form looks as approved in English, in Khmer and at the largest text size`() {
        for (shot in listOf("en", "km", "km-largest")) {
            val language = shot.take(2)
            val session = demo(language)
            val child = Demo.registerChild(session.app!!, "ស៊ុន ស្រីពៅ", "Sun Sreypov", enrolled = Records.FIXED_ENROLLMENT)
            Screenshots.language(language)
            if (shot.endsWith("largest")) Screenshots.largestText()
            val target = FormTarget.NewEvent(Demo.IMMUNIZATION, Demo.WEEKS_6, Demo.HEALTH_CENTRE, child.uid, Records.FIXED_ENROLLMENT.toString())
            launch(target).use { controller ->
                val screen = controller.get()
                if (language == "km") assertTrue(hasKhmerLetters(Views.texts(screen).joinToString()))
                FieldRows.click(screen, Forms.FEVER, session.texts("screen-common-no"))
                Screenshots.check(screen, "form-visit-$shot")
            }
        }
    }

    @Test
    fun `the rule messages look as approved in English and Khmer`() {
        for (language in listOf("en", "km")) {
            val session = demo(language)
            Screenshots.language(language)
            launch(Forms.ncdFollowUp(session.app!!)).use { controller ->
                val screen = controller.get()
                FieldRows.edit(screen, Ncd.SYSTOLIC).setText("300")
                FieldRows.edit(screen, Ncd.DIASTOLIC).setText("120")
                Views.idle()
                stabilizeDates(screen)
                Screenshots.check(screen, "form-rule-$language")
            }
        }
    }

    @Test
    fun `the refusals look as approved in English and Khmer`() {
        for (language in listOf("en", "km")) {
            val session = demo(language)
            Screenshots.language(language)
            launch(Forms.ncdFollowUp(session.app!!)).use { controller ->
                val screen = controller.get()
                Views.click(screen, session.texts("screen-event-complete"))
                stabilizeDates(screen)
                Screenshots.check(screen, "form-refused-$language")
            }
        }
    }

    @Test
    fun `the registration with a possible duplicate looks as approved in English and Khmer`() {
        for (language in listOf("en", "km")) {
            val session = demo(language)
            val enrolled = Records.FIXED_ENROLLMENT
            Demo.registerChild(session.app!!, "ចាន់ ធីតា", "Chan Thida", enrolled = enrolled)
            Screenshots.language(language)
            launch(FormTarget.NewRegistration(Demo.IMMUNIZATION, Demo.HEALTH_CENTRE, enrolled.toString())).use { controller ->
                val screen = controller.get()
                FieldRows.edit(screen, Demo.NAME_KHMER).setText("ចាន់ ធីតា")
                FieldRows.edit(screen, Forms.INCIDENT_DATE).setText(enrolled.minusDays(50).toString())
                Views.idle()
                if (language == "km") assertTrue(hasKhmerLetters(Views.texts(screen).joinToString()))
                Screenshots.check(screen, "form-register-$language")
            }
        }
    }

    /** Today's date and the next visit's (28 days on, in words), as the NCD form shows them, made fixed. */
    private fun stabilizeDates(screen: FormActivity) {
        val today = Demo.today()
        val texts = Views.application.session.texts
        val spelled = FieldRows.texts(screen, Forms.EVENT_DATE).drop(2).firstOrNull()
        val replacements =
            mutableMapOf(
                today.toString() to "2026-12-05",
                Forms.spelledDate(texts, today.plusDays(28).toString()) to Forms.spelledDate(texts, "2027-01-02"),
            )
        if (spelled != null) replacements[spelled] = if (hasKhmerLetters(spelled)) "5 ធ្នូ 2026" else "5 December 2026"
        Views.stabilize(screen, replacements)
    }
}
