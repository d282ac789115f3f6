// The login screen under Robolectric against the real core and the DHIS2 test server: empty
// fields asked for, a wrong password and plain http refused in words, a rotation keeping what
// was typed, and the first sign-in going home with the first sync on top.
package org.phum.app.ui

import org.junit.AfterClass
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.BeforeClass
import org.junit.Test
import org.junit.runner.RunWith
import org.phum.app.testing.PhumTestRunner
import org.phum.app.testing.Screenshots
import org.phum.app.testing.shownTexts
import org.phum.app.testing.tap
import org.phum.app.testing.testSession
import org.phum.app.testing.type
import org.phum.app.testing.useSession
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
        Robolectric.buildActivity(LoginActivity::class.java).also { useSession(testSession(language)) }.setup()

    @Test
    fun `empty fields are asked for and the screen looks as approved in both languages`() {
        login().use { controller ->
            val activity = controller.get()
            Screenshots.check(activity, "login-en")
            activity.tap("Sign in")
            assertTrue(activity.shownTexts().contains("Type the server address, your username and your password."))
        }
        login("km").use { Screenshots.check(it.get(), "login-km") }
    }

    @Test
    fun `a wrong password and plain http are refused in words`() {
        login().use { controller ->
            val activity = controller.get()
            activity.type("Server address", server.url)
            activity.type("Username", Dhis2TestServer.USER)
            activity.type("Password", "wrong")
            activity.tap("Sign in")
            assertTrue(activity.shownTexts().any { it.contains("refused the username or password") })
            activity.type("Server address", "http://hmis.example.org")
            activity.tap("Sign in")
            assertTrue(activity.shownTexts().any { it.contains("plain http") })
            Screenshots.check(activity, "login-refused-en")
        }
    }

    @Test
    fun `a rotation keeps what was typed`() {
        login().use { controller ->
            controller.get().type("Username", "nurse.sok")
            controller.recreate()
            assertTrue(controller.get().shownTexts().contains("nurse.sok"))
        }
    }

    @Test
    fun `the first sign-in goes home with the first sync on top`() {
        login().use { controller ->
            val activity = controller.get()
            activity.type("Server address", server.url)
            activity.type("Username", Dhis2TestServer.USER)
            activity.type("Password", Dhis2TestServer.PASSWORD)
            activity.tap("Sign in")
            val shadow = shadowOf(activity)
            val started = listOf(shadow.nextStartedActivity, shadow.nextStartedActivity).map { it.component!!.className }
            assertEquals(setOf(HomeActivity::class.java.name, SyncActivity::class.java.name), started.toSet())
        }
    }

    companion object {
        lateinit var server: Dhis2TestServer

        @JvmStatic
        @BeforeClass
        fun start() {
            server = Dhis2TestServer()
        }

        @JvmStatic
        @AfterClass
        fun stop() = server.close()
    }
}
