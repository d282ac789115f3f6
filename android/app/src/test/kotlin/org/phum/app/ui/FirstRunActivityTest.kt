// PLACEHOLDER (the lead's real screen tests replace it): the launcher screen under Robolectric,
// compared with its golden screenshots at the default and the largest text size.
package org.phum.app.ui

import org.junit.Test
import org.junit.runner.RunWith
import org.phum.app.testing.PhumTestRunner
import org.phum.app.testing.Screenshots
import org.robolectric.Robolectric
import org.robolectric.annotation.Config
import org.robolectric.annotation.GraphicsMode

@RunWith(PhumTestRunner::class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
@Config(sdk = [34], qualifiers = "w360dp-h640dp-xhdpi")
class FirstRunActivityTest {
    @Test
    fun `the first screen looks as approved`() {
        Robolectric.buildActivity(FirstRunActivity::class.java).setup().use { controller ->
            Screenshots.check(controller.get(), "first-run")
        }
    }

    @Test
    fun `the first screen looks as approved at the largest text size in Khmer`() {
        Screenshots.largestText()
        Screenshots.language("km")
        Robolectric.buildActivity(FirstRunActivity::class.java).setup().use { controller ->
            Screenshots.check(controller.get(), "first-run-km-largest-text")
        }
    }
}
