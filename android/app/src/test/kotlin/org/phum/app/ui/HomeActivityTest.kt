// The home screen under Robolectric on the demo: the training banner, the org unit and what can
// be captured there, the sync button's explanation, a language switch while it is open, a
// rotation, and the org unit picker's search and choice.
package org.phum.app.ui

import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.phum.app.testing.PhumTestRunner
import org.phum.app.testing.Screenshots
import org.phum.app.testing.Views
import org.phum.app.testing.testSession
import org.robolectric.Robolectric
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.Config
import org.robolectric.annotation.GraphicsMode

@RunWith(PhumTestRunner::class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(sdk = [34], qualifiers = "w360dp-h640dp-xhdpi")
class HomeActivityTest {
    private fun demo(language: String = "en") = Views.use(testSession(language)).apply { openDemo() }

    @Test
    fun `home in training mode shows the banner, the org unit and what can be captured`() {
        demo()
        Robolectric.buildActivity(HomeActivity::class.java).setup().use { controller ->
            val texts = Views.texts(controller.get())
            assertEquals("Training mode: practice data, never sent", texts.first())
            assertTrue(texts.any { it.startsWith("Working in ") })
            assertTrue(texts.contains("Programs"))
            Screenshots.check(controller.get(), "home-en")
        }
    }

    @Test
    fun `home in Khmer, and at the largest text size`() {
        demo("km")
        Robolectric.buildActivity(HomeActivity::class.java).setup().use { Screenshots.check(it.get(), "home-km") }
        Screenshots.largestText()
        Robolectric.buildActivity(HomeActivity::class.java).setup().use { Screenshots.check(it.get(), "home-km-largest") }
    }

    @Test
    fun `the sync button explains that practice data is never sent and starts nothing`() {
        val session = demo()
        Robolectric.buildActivity(HomeActivity::class.java).setup().use { controller ->
            Views.click(controller.get(), "Sync now")
            assertTrue(Views.texts(controller.get()).contains("Training mode never sends data. Sign in with a real account to sync."))
            assertEquals(null, shadowOf(controller.get()).nextStartedActivity)
            assertFalse(session.sync.isRunning)
        }
    }

    @Test
    fun `a language switch while home is open says it again in Khmer, and a rotation keeps it`() {
        val session = demo()
        Robolectric.buildActivity(HomeActivity::class.java).setup().use { controller ->
            session.changeSettings("km", khmerDigits = true, textSize = session.textSize)
            shadowOf(android.os.Looper.getMainLooper()).idle()
            val khmer = Views.texts(controller.get())
            assertFalse(khmer.contains("Programs"))
            assertTrue(khmer.first().any { it in '\u1780'..'\u17FF' })
            controller.recreate()
            assertEquals(khmer, Views.texts(controller.get()))
        }
    }

    @Test
    fun `the picker in Khmer, and at the largest text size`() {
        demo("km")
        Robolectric.buildActivity(OrgUnitActivity::class.java).setup().use { Screenshots.check(it.get(), "org-units-km") }
        Screenshots.largestText()
        Robolectric.buildActivity(OrgUnitActivity::class.java).setup().use { Screenshots.check(it.get(), "org-units-km-largest") }
    }

    @Test
    fun `the picker filters as the user types and the choice becomes home's org unit`() {
        val session = demo()
        Robolectric.buildActivity(OrgUnitActivity::class.java).setup().use { controller ->
            val activity = controller.get()
            val before = Views.texts(activity).size
            Screenshots.check(activity, "org-units-en")
            Views.type(activity, "Search by name or code", "zzzz")
            assertTrue(Views.texts(activity).contains("No org unit matches \"zzzz\"."))
            Views.type(activity, "Search by name or code", "")
            assertEquals(before, Views.texts(activity).size)
        }
        val units = session.app!!.orgUnits().filter { it.captures }
        val other = units.first { it.uid != session.preferences.orgUnit }
        Robolectric.buildActivity(OrgUnitActivity::class.java).setup().use { controller ->
            Views.type(controller.get(), "Search by name or code", other.name)
            Views.buttonStartingWith(controller.get(), other.name).performClick()
            assertTrue(controller.get().isFinishing)
        }
        assertEquals(other.uid, session.preferences.orgUnit)
        Robolectric.buildActivity(HomeActivity::class.java).setup().use { controller ->
            assertTrue(Views.texts(controller.get()).contains("Working in ${other.name}"))
        }
    }
}

