// The settings screen's presenter against the real core: language, digits and text size applied
// and remembered, signing out warned with the count of unsent records (on the DHIS2 test server),
// the demo's reset and leaving it, and a key store that refuses.
package org.phum.app.presenter

import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertThrows
import org.junit.Assert.assertTrue
import org.junit.ClassRule
import org.junit.Test
import org.phum.app.platform.KeyVaultException
import org.phum.app.platform.Mode
import org.phum.app.platform.TextSize
import org.phum.app.testing.MemoryPreferences
import org.phum.app.testing.RecordingNavigator
import org.phum.app.testing.RecordingScheduler
import org.phum.app.testing.Records
import org.phum.app.testing.ServerRule
import org.phum.app.testing.TestVault
import org.phum.app.testing.hasKhmerLetters
import org.phum.app.testing.testSession
import org.phum.core.PhumException
import org.phum.demo.Demo
import org.phum.testserver.Dhis2TestServer

class SettingsPresenterTest {
    private fun shown(session: Session, navigator: RecordingNavigator = RecordingNavigator()) =
        SettingsPresenter(session, "1.2.3").also { it.attach(navigator) {} }

    @Test
    fun `language, Khmer digits and text size apply at once, reach the core and are remembered`() {
        val preferences = MemoryPreferences()
        val session = testSession(preferences = preferences).apply { openDemo() }
        var changes = 0
        session.addListener { changes++ }
        val presenter = shown(session)
        assertEquals("Settings", presenter.state.title)

        presenter.chooseLanguage("km")
        assertEquals("km", preferences.values["language"])
        assertEquals("km", session.app!!.settings().language)
        assertEquals("km", presenter.state.language)
        assertTrue(presenter.state.title, hasKhmerLetters(presenter.state.title))

        presenter.setKhmerDigits(true)
        assertEquals("true", preferences.values["khmer_digits"])
        assertTrue(session.app!!.settings().khmerDigits)
        assertTrue("the version is said as the package names it", presenter.state.versionText!!.contains("1.2.3"))

        presenter.chooseTextSize(TextSize.LARGEST)
        assertEquals("LARGEST", preferences.values["text_size"])
        assertEquals(TextSize.LARGEST, presenter.state.textSize)
        assertEquals("every change told the open screens", 3, changes)

        val again = testSession(preferences = preferences)
        assertEquals("km", again.texts.language)
        assertTrue(again.texts.khmerDigits)
        assertEquals(TextSize.LARGEST, again.textSize)
    }

    @Test
    fun `the three text sizes are offered, in the reader's language`() {
        val presenter = shown(testSession().apply { openDemo() })
        assertEquals(listOf("Normal", "Large", "Largest"), presenter.state.textSizes.map { it.second })
        assertEquals("Phum version 1.2.3", presenter.state.versionText)
    }

    @Test
    fun `a package that names no version shows no version line rather than an invented one`() {
        val presenter = SettingsPresenter(testSession().apply { openDemo() }, null)
        assertEquals(null, presenter.state.versionText)
    }

    @Test
    fun `signing out asks first, counting the records not yet sent, then goes to the first run`() {
        val scheduler = RecordingScheduler()
        val session = Records.signedIn(server, testSession(scheduler = scheduler))
        Demo.registerChild(session.app!!, "ម៉ៅ សុវណ្ណ", "Mao Sovann")
        val status = session.app!!.syncStatus()
        val unsent = status.waiting + status.refused
        assertTrue(unsent > 0uL)
        val navigator = RecordingNavigator()
        val presenter = shown(session, navigator)
        assertEquals("Signed in as ${Dhis2TestServer.USER} on ${server.url}", presenter.state.account)
        assertFalse(presenter.state.demo)

        presenter.signOut()
        val question = presenter.state.confirm as SettingsPresenter.Confirm.SignOut
        assertEquals(unsent, question.unsent)
        assertEquals(session.texts("screen-settings-sign-out-confirm", "count" to unsent), question.question)
        assertTrue(question.question, question.question.contains("not yet sent"))
        assertTrue("nothing happens before the yes", navigator.went.isEmpty() && session.app != null)

        presenter.confirm()
        assertEquals(listOf<Destination>(Destination.FirstRun), navigator.went)
        assertNull(session.app)
        assertEquals(Mode.NONE, session.preferences.mode)
        assertEquals(1, scheduler.cancelled)
        assertNull(presenter.state.confirm)
    }

    @Test
    fun `signing out with everything sent asks plainly, and no keeps the account`() {
        val session = Records.signedIn(server)
        val navigator = RecordingNavigator()
        val presenter = shown(session, navigator)
        presenter.signOut()
        assertEquals("Sign out of this account?", presenter.state.confirm!!.question)
        presenter.dismiss()
        assertNull(presenter.state.confirm)
        assertTrue(navigator.went.isEmpty())
        assertTrue(session.app != null && session.signedIn != null)
    }

    @Test
    fun `the demo's practice data is reset after a yes, and leaving the demo goes to the first run`() {
        val session = testSession().apply { openDemo() }
        val child = Demo.registerChild(session.app!!, "ដារ៉ា ម៉ាលី", "Dara Maly")
        val navigator = RecordingNavigator()
        val presenter = shown(session, navigator)
        assertTrue(presenter.state.demo)
        assertNull("no account line in the demo", presenter.state.account)

        presenter.resetDemo()
        val question = presenter.state.confirm as SettingsPresenter.Confirm.ResetDemo
        assertEquals(session.texts("screen-demo-reset-confirm"), question.question)
        session.app!!.dashboard(child.uid) // still there before the yes
        presenter.confirm()
        assertEquals(session.texts("screen-demo-reset-done"), presenter.state.notice)
        assertThrows(PhumException.NotFound::class.java) { session.app!!.dashboard(child.uid) }

        presenter.leaveDemo()
        assertEquals(listOf<Destination>(Destination.FirstRun), navigator.went)
        assertNull(session.app)
        assertEquals(Mode.NONE, session.preferences.mode)
    }

    @Test
    fun `a key store that refuses is explained with the key-unavailable text in both languages`() {
        for (language in listOf("en", "km")) {
            val session = testSession(language = language, vault = TestVault(refuse = true))
            val refused = assertThrows(KeyVaultException::class.java) { session.openDemo() }
            val said = session.texts.explain(refused)
            assertEquals(session.texts("screen-common-key-unavailable"), said)
            assertEquals(language == "km", hasKhmerLetters(said))
            assertNull(session.app)
        }
    }

    private val server get() = running.server

    companion object {
        @ClassRule
        @JvmField
        val running = ServerRule()
    }
}
