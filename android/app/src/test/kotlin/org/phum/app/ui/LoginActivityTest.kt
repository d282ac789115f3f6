// The login screen under Robolectric against the real core and the DHIS2 test server: empty
// fields asked for, a wrong password and plain http refused in words, a rotation keeping what
// was typed, and the first sign-in going home with the first sync on top.
package org.phum.app.ui

import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.ClassRule
import org.junit.Test
import org.junit.runner.RunWith
import org.phum.app.testing.PhumTestRunner
import org.phum.app.testing.Screenshots
import org.phum.app.testing.ServerRule
import org.phum.app.testing.Views
import org.phum.app.testing.testSession
import org.phum.testserver.Dhis2TestServer
import org.robolectric.Robolectric
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.Config
import org.robolectric.annotation.GraphicsMode

@RunWith(PhumTestRunner::class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(sdk = [34], qualifiers = "w360dp-h640dp-xhdpi")
class LoginActivityTest {
    private fun login(language: String = "en") =
        Robolectric.buildActivity(LoginActivity::class.java).also { Views.use(testSession(language)) }.setup()

    @Test
    fun `empty fields are asked for and the screen looks as approved in both languages and at the largest text size`() {
        login().use { controller ->
            val activity = controller.get()
            Screenshots.check(activity, "login-en")
            Views.click(activity, "Sign in")
            assertTrue(Views.texts(activity).contains("Type the server address, your username and your password."))
        }
        login("km").use { Screenshots.check(it.get(), "login-km") }
        Screenshots.largestText()
        login("km").use { Screenshots.check(it.get(), "login-km-largest") }
    }

    @Test
    fun `a wrong password and plain http are refused in words`() {
        login().use { controller ->
            val activity = controller.get()
            Views.type(activity, "Server address", server.url)
            Views.type(activity, "Username", Dhis2TestServer.USER)
            Views.type(activity, "Password", "wrong")
            Views.click(activity, "Sign in")
            assertTrue(Views.texts(activity).any { it.contains("refused the username or password") })
            Views.type(activity, "Server address", "http://hmis.example.org")
            Views.click(activity, "Sign in")
            assertTrue(Views.texts(activity).any { it.contains("plain http") })
            Screenshots.check(activity, "login-refused-en")
        }
    }

    @Test
    fun `a rotation keeps what was typed`() {
        login().use { controller ->
            Views.type(controller.get(), "Username", "nurse.sok")
            controller.recreate()
            assertTrue(Views.texts(controller.get()).contains("nurse.sok"))
        }
    }

    @Test
    fun `the first sign-in goes home with the first sync on top`() {
        login().use { controller ->
            val activity = controller.get()
            Views.type(activity, "Server address", server.url)
            Views.type(activity, "Username", Dhis2TestServer.USER)
            Views.type(activity, "Password", Dhis2TestServer.PASSWORD)
            Views.click(activity, "Sign in")
            val shadow = shadowOf(activity)
            val started = listOf(shadow.nextStartedActivity, shadow.nextStartedActivity).map { it.component!!.className }
            assertEquals(setOf(HomeActivity::class.java.name, SyncActivity::class.java.name), started.toSet())
        }
    }

    private val server get() = running.server

    companion object {
        @ClassRule
        @JvmField
        val running = ServerRule()
    }
}
