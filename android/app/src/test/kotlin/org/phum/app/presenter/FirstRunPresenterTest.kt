// PLACEHOLDER (the lead's real presenter tests replace it): a presenter on the plain JVM with
// the real core (JNA, target/debug/libphum_bindings.so), no Robolectric.
package org.phum.app.presenter

import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import org.junit.rules.TemporaryFolder

class FirstRunPresenterTest {
    @get:Rule
    val folder = TemporaryFolder()

    @Test
    fun `the first screen counts the demo's places from the core`() {
        val places = FirstRunPresenter(folder.root.path, "11".repeat(32)).demoPlaces("km")
        assertTrue("the demo's tree has places, got $places", places > 1)
    }
}
