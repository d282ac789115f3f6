// The login screen against the real core and the DHIS2 test server: the first sign-in goes home
// and starts the first sync; each way a sign-in fails is said plainly and opens nothing.
package org.phum.app.presenter

import java.nio.file.Files
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.ClassRule
import org.junit.Test
import org.phum.app.platform.Mode
import org.phum.app.testing.MemoryPreferences
import org.phum.app.testing.RecordingNavigator
import org.phum.app.testing.ServerRule
import org.phum.app.testing.testSession
import org.phum.testserver.Dhis2TestServer

class LoginPresenterTest {
    private fun attached(session: Session): Pair<LoginPresenter, RecordingNavigator> {
        val navigator = RecordingNavigator()
        return LoginPresenter(session).apply { attach(navigator) {} } to navigator
    }

    /** Signs in with [password] and says what the login screen shows as its error. */
    private fun refusal(url: String, password: String = Dhis2TestServer.PASSWORD, language: String = "en"): String {
        val session = testSession(language)
        val (presenter, navigator) = attached(session)
        presenter.signIn(url, Dhis2TestServer.USER, password)
        assertTrue(navigator.went.isEmpty())
        assertNull(session.app)
        assertEquals(Mode.NONE, session.preferences.mode)
        assertFalse(presenter.state.busy)
        return presenter.state.error!!
    }

    @Test
    fun `the first sign-in goes home and runs the first sync, which brings the org units`() {
        val preferences = MemoryPreferences()
        val folder = Files.createTempDirectory("phum-login").toFile()
        val session = testSession(preferences = preferences, folder = folder)
        val (presenter, navigator) = attached(session)
        presenter.signIn(server.url, " ${Dhis2TestServer.USER} ", Dhis2TestServer.PASSWORD)
        assertNull(presenter.state.error)
        assertEquals(listOf(Destination.Home, Destination.Sync), navigator.went)
        assertTrue(session.sync.state is SyncState.Finished)
        assertTrue(session.app!!.orgUnits().isNotEmpty())
        assertEquals(Mode.ACCOUNT, session.preferences.mode)
        assertEquals(Dhis2TestServer.USER, session.preferences.username)
        // Next time the app opens at the login screen, with the account filled in and offline
        // sign-in possible.
        val again = testSession(preferences = preferences, folder = folder)
        assertEquals(Destination.Login, again.start())
        val (next, _) = attached(again)
        assertEquals(server.url, next.state.serverUrl)
        assertTrue(next.state.offlinePossible)
        assertTrue(next.state.offlineHint!!.contains("password"))
    }

    @Test
    fun `a second sign-in with the metadata already here goes straight home`() {
        val preferences = MemoryPreferences()
        val folder = Files.createTempDirectory("phum-login").toFile()
        val first = testSession(preferences = preferences, folder = folder)
        attached(first).first.signIn(server.url, Dhis2TestServer.USER, Dhis2TestServer.PASSWORD)
        val again = testSession(preferences = preferences, folder = folder)
        val (presenter, navigator) = attached(again)
        presenter.signIn(server.url, Dhis2TestServer.USER, Dhis2TestServer.PASSWORD)
        assertEquals(listOf(Destination.Home), navigator.went)
    }

    @Test
    fun `empty fields are asked for before anything is tried`() {
        val session = testSession()
        val (presenter, navigator) = attached(session)
        presenter.signIn(server.url, "", "")
        assertEquals("Type the server address, your username and your password.", presenter.state.error)
        assertTrue(navigator.went.isEmpty())
    }

    @Test
    fun `a wrong password is refused in the user's language`() {
        assertTrue(refusal(server.url, "wrong").contains("refused the username or password"))
        val km = refusal(server.url, "wrong", language = "km")
        assertTrue(km, km.any { it in '\u1780'..'\u17FF' })
    }

    @Test
    fun `plain http to a real server is refused`() {
        assertTrue(refusal("http://hmis.example.org").contains("https"))
    }

    @Test
    fun `an unreachable server is said to be unreachable`() {
        assertTrue(refusal("https://127.0.0.1:9").contains("Could not reach"))
    }

    @Test
    fun `a server that does not answer as DHIS2 does is said not to be one`() {
        server.inject("GET", "/api", "malformed-json", 20)
        val said = refusal(server.url)
        assertTrue(said, said.contains("not a DHIS2 server"))
        server.clearFaults()
    }

    private val server get() = running.server

    companion object {
        @ClassRule
        @JvmField
        val running = ServerRule()
    }
}
