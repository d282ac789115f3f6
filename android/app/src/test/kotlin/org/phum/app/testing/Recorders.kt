// A Navigator that records where a presenter sent the user, and a check that a text is Khmer.
package org.phum.app.testing

import org.phum.app.presenter.Destination
import org.phum.app.presenter.Navigator

class RecordingNavigator : Navigator {
    val went = mutableListOf<Destination>()
    var closed = 0

    override fun go(destination: Destination) {
        went += destination
    }

    override fun close() {
        closed++
    }
}

/** Whether [text] has a letter of the Khmer block (U+1780-U+17DD). */
fun hasKhmerLetters(text: String): Boolean = text.any { it in '\u1780'..'\u17DD' }
