// The launcher screen under Robolectric against the real core: the language first (in Khmer),
// then the two ways in; training mode opens the demo's home; an open demo goes straight home;
// a rotation keeps the step; the screenshots of each step in both languages.
package org.phum.app.ui

import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.phum.app.presenter.Texts
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
class FirstRunActivityTest {
    @Test
    fun `the first screen asks for the language in Khmer, then speaks the one chosen`() {
        val session = Views.use(testSession(language = null))
        Robolectric.buildActivity(FirstRunActivity::class.java).setup().use { controller ->
            val activity = controller.get()
            val english = Texts("km", false)("screen-settings-language-en")
            assertTrue(Views.texts(activity).contains(english))
            Screenshots.check(activity, "first-run-language")
            Views.click(activity, english)
            assertEquals("en", session.preferences.language)
            // The screen says everything again in English: a new Activity.
            val rebuilt = controller.get()
            assertTrue(rebuilt !== activity)
            assertTrue(Views.texts(rebuilt).contains("Start training mode"))
            Screenshots.check(rebuilt, "first-run-en")
        }
    }

    @Test
    fun `the ways in, in Khmer, and at the largest text size`() {
        Views.use(testSession(language = "km"))
        Robolectric.buildActivity(FirstRunActivity::class.java).setup().use { Screenshots.check(it.get(), "first-run-km") }
        Screenshots.largestText()
        Robolectric.buildActivity(FirstRunActivity::class.java).setup().use { Screenshots.check(it.get(), "first-run-km-largest") }
    }

    @Test
    fun `training mode opens the demo's home, and the demo opens there next time`() {
        val session = Views.use(testSession())
        Robolectric.buildActivity(FirstRunActivity::class.java).setup().use { controller ->
            Views.click(controller.get(), "Start training mode")
            assertTrue(session.demo)
            assertEquals(HomeActivity::class.java.name, shadowOf(controller.get()).nextStartedActivity.component!!.className)
        }
        Robolectric.buildActivity(FirstRunActivity::class.java).setup().use { controller ->
            assertEquals(HomeActivity::class.java.name, shadowOf(controller.get()).nextStartedActivity.component!!.className)
            assertTrue(controller.get().isFinishing)
        }
    }

    @Test
    fun `a rotation keeps the step the user is at`() {
        Views.use(testSession(language = null))
        Robolectric.buildActivity(FirstRunActivity::class.java).setup().use { controller ->
            Views.click(controller.get(), Texts("km", false)("screen-settings-language-en"))
            controller.recreate()
            assertTrue(Views.texts(controller.get()).contains("Sign in to DHIS2"))
        }
    }
}
