// The first run against the real core: Khmer until a language is chosen, then the two ways in;
// training mode opens the demo and remembers it; a refused key store is said plainly.
package org.phum.app.presenter

import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test
import org.phum.app.platform.Mode
import org.phum.app.testing.MemoryPreferences
import org.phum.app.testing.RecordingNavigator
import org.phum.app.testing.TestVault
import org.phum.app.testing.testSession

class FirstRunPresenterTest {
    @Test
    fun `the first run speaks Khmer until a language is chosen, then offers the ways in`() {
        val session = testSession(language = null)
        val presenter = FirstRunPresenter(session)
        val states = mutableListOf<FirstRunPresenter.State>()
        presenter.attach(RecordingNavigator()) { states += it }
        assertFalse(states.last().languageChosen)
        assertTrue(states.last().welcome.any { it in '\u1780'..'\u17FF' })
        presenter.chooseLanguage("en")
        assertEquals("Welcome to Phum", states.last().welcome)
        assertTrue(states.last().languageChosen)
        assertEquals("en", session.preferences.language)
        assertEquals(Destination.FirstRun, session.start())
    }

    @Test
    fun `training mode opens the demo, goes home and is where the app opens next time`() {
        val preferences = MemoryPreferences()
        val session = testSession(preferences = preferences)
        val navigator = RecordingNavigator()
        val presenter = FirstRunPresenter(session).apply { attach(navigator) {} }
        presenter.startTraining()
        assertEquals(listOf(Destination.Home), navigator.went)
        assertTrue(session.demo)
        assertEquals(Mode.DEMO, session.preferences.mode)
        assertNull(presenter.state.error)
        assertTrue(preferences.values.containsKey("key.demo"))
        val again = testSession(preferences = preferences)
        assertEquals(Destination.Home, again.start())
        assertTrue(again.demo)
    }

    @Test
    fun `the launcher sends a demo left open to its home, and says why when it cannot reopen it`() {
        val preferences = MemoryPreferences()
        FirstRunPresenter(testSession(preferences = preferences)).apply { attach(RecordingNavigator()) {} }.startTraining()
        val navigator = RecordingNavigator()
        FirstRunPresenter(testSession(preferences = preferences)).attach(navigator) {}
        assertEquals(listOf(Destination.Home), navigator.went)
        assertEquals(1, navigator.closed)

        val refused = RecordingNavigator()
        val presenter = FirstRunPresenter(testSession(preferences = preferences, vault = TestVault(refuse = true)))
        presenter.attach(refused) {}
        assertTrue(refused.went.isEmpty())
        assertEquals("Phum cannot unlock its data on this phone: the phone's key store refused. Restart the phone and try again.", presenter.state.error)
        assertFalse(presenter.state.busy)
    }

    @Test
    fun `a key store that refuses is said in the user's language and opens nothing`() {
        val session = testSession(language = "km", vault = TestVault(refuse = true))
        val presenter = FirstRunPresenter(session).apply { attach(RecordingNavigator()) {} }
        presenter.startTraining()
        val error = presenter.state.error!!
        assertTrue(error, error.any { it in '\u1780'..'\u17FF' })
        assertFalse(session.demo)
        assertEquals(Mode.NONE, session.preferences.mode)
    }
}
