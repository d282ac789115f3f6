// The settings screen under Robolectric against the real core: a language switch while it is
// open (the screen says everything again in Khmer), Khmer digits and text size remembered, the
// demo's reset with its confirmation (kept across a rotation) and leaving it, signing out of an
// account with the unsent count, and screenshots (English, Khmer, Khmer at the largest size).
package org.phum.app.ui

import android.app.AlertDialog
import android.widget.TextView
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.ClassRule
import org.junit.Test
import org.junit.runner.RunWith
import org.phum.app.platform.TextSize
import org.phum.app.testing.MemoryPreferences
import org.phum.app.testing.PhumTestRunner
import org.phum.app.testing.Records
import org.phum.app.testing.Screenshots
import org.phum.app.testing.ServerRule
import org.phum.app.testing.Views
import org.phum.app.testing.hasKhmerLetters
import org.phum.app.testing.testSession
import org.phum.demo.Demo
import org.phum.testserver.Dhis2TestServer
import org.robolectric.Robolectric
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.Config
import org.robolectric.annotation.GraphicsMode
import org.robolectric.shadows.ShadowDialog

@RunWith(PhumTestRunner::class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(sdk = [34], qualifiers = "w360dp-h640dp-xhdpi")
class SettingsActivityTest {
    private fun launch() = Robolectric.buildActivity(SettingsActivity::class.java).setup()

    private fun dialog(): AlertDialog? = (ShadowDialog.getLatestDialog() as? AlertDialog)?.takeIf { it.isShowing }

    private fun dialogText(dialog: AlertDialog): String =
        shadowOf(dialog).view.let { it as TextView }.text.toString()

    @Test
    fun `choosing Khmer while the screen is open says everything again in Khmer`() {
        val preferences = MemoryPreferences()
        val session = Views.use(testSession(preferences = preferences).apply { openDemo() })
        val current = Views.Current()
        launch().use { controller ->
            assertTrue(Views.texts(controller.get()).contains("Settings"))
            Views.click(controller.get(), "ខ្មែរ (Khmer)")
            val now = current.activity!!
            assertTrue(now is SettingsActivity)
            val texts = Views.texts(now)
            assertTrue(texts.contains(session.texts("screen-settings-title")))
            assertTrue("the title is Khmer: $texts", hasKhmerLetters(session.texts("screen-settings-title")))
            assertTrue("no English left: $texts", !texts.contains("Settings") && !texts.contains("Text size"))
            assertTrue("the banner too", texts.contains(session.texts("screen-demo-banner")) && hasKhmerLetters(session.texts("screen-demo-banner")))
            assertEquals("km", preferences.values["language"])

            Views.click(now, session.texts("screen-settings-text-size-largest"))
            assertEquals(TextSize.LARGEST, session.textSize)
            Views.click(current.activity!!, session.texts("screen-settings-khmer-digits"))
            assertEquals("true", preferences.values["khmer_digits"])
            assertTrue(session.app!!.settings().khmerDigits)
        }
        current.stop()
    }

    @Test
    fun `the demo's reset asks first, the question survives a rotation, and yes resets`() {
        val session = Views.use(testSession().apply { openDemo() })
        val child = Demo.registerChild(session.app!!, "ដារ៉ា ម៉ាលី", "Dara Maly")
        launch().use { controller ->
            Views.click(controller.get(), "Reset practice data")
            assertEquals(session.texts("screen-demo-reset-confirm"), dialogText(dialog()!!))

            controller.recreate()
            Views.idle()
            val again = dialog()
            assertNotNull("the question is asked again after the rotation", again)
            assertEquals(session.texts("screen-demo-reset-confirm"), dialogText(again!!))
            again.getButton(AlertDialog.BUTTON_POSITIVE).performClick()
            Views.idle()
            assertTrue(Views.texts(controller.get()).contains(session.texts("screen-demo-reset-done")))
            assertTrue(runCatching { session.app!!.dashboard(child.uid) }.isFailure)
        }
    }

    @Test
    fun `leaving the demo goes back to the first run`() {
        val session = Views.use(testSession().apply { openDemo() })
        launch().use { controller ->
            Views.click(controller.get(), "Leave training mode")
            assertEquals(FirstRunActivity::class.java.name, shadowOf(controller.get()).nextStartedActivity.component!!.className)
            assertNull(session.app)
        }
    }

    @Test
    fun `signing out warns about the records not yet sent, and no keeps the account`() {
        val session = Views.use(Records.signedIn(server))
        Demo.registerChild(session.app!!, "ម៉ៅ សុវណ្ណ", "Mao Sovann")
        val unsent = session.app!!.syncStatus().let { it.waiting + it.refused }
        assertTrue(unsent > 1uL)
        launch().use { controller ->
            val screen = controller.get()
            assertTrue(Views.texts(screen).contains("Signed in as ${Dhis2TestServer.USER} on ${server.url}"))
            Views.click(screen, "Sign out")
            val question = dialog()!!
            assertEquals(session.texts("screen-settings-sign-out-confirm", "count" to unsent), dialogText(question))
            question.getButton(AlertDialog.BUTTON_NEGATIVE).performClick()
            Views.idle()
            assertNull(dialog())
            assertNotNull(session.app)

            Views.click(screen, "Sign out")
            dialog()!!.getButton(AlertDialog.BUTTON_POSITIVE).performClick()
            Views.idle()
            assertEquals(FirstRunActivity::class.java.name, shadowOf(screen).nextStartedActivity.component!!.className)
            assertNull(session.app)
        }
    }

    @Test
    fun `the settings look as approved in English, in Khmer, and in Khmer at the largest text size`() {
        for ((name, language, largest) in listOf(Triple("settings-en", "en", false), Triple("settings-km", "km", false), Triple("settings-km-largest", "km", true))) {
            val session = Views.use(testSession(language = language).apply { openDemo() })
            if (largest) {
                session.changeSettings(language, false, TextSize.LARGEST)
                Screenshots.largestText()
            }
            Screenshots.language(language)
            launch().use { controller -> Screenshots.check(controller.get(), name) }
        }
    }

    private val server get() = running.server

    companion object {
        @ClassRule
        @JvmField
        val running = ServerRule()
    }
}
