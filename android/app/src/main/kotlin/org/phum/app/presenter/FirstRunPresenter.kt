// PLACEHOLDER (the lead's real presenters replace it): plain Kotlin, no android.* import.
package org.phum.app.presenter

import org.phum.core.App
import org.phum.core.Settings

/** What the first screen offers: the demo, with the number of places its tree holds. */
class FirstRunPresenter(private val folder: String, private val keyHex: String) {
    fun demoPlaces(language: String): Int =
        App.openDemo(folder, keyHex, Settings(language = language, khmerDigits = false, timeZone = "Asia/Phnom_Penh"))
            .use { it.orgUnits().size }
}
