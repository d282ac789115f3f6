// Finding and using views in a Robolectric test the way a person does: by what they say.
package org.phum.app.testing

import android.app.Activity
import android.os.Looper
import android.view.View
import android.view.ViewGroup
import android.widget.EditText
import android.widget.TextView
import org.junit.Assert.fail
import org.phum.app.PhumApplication
import org.phum.app.presenter.Session
import org.robolectric.RuntimeEnvironment
import org.robolectric.Shadows.shadowOf

/** Every view under [root], depth first. */
fun views(root: View): List<View> =
    if (root is ViewGroup) listOf(root) + (0 until root.childCount).flatMap { views(root.getChildAt(it)) } else listOf(root)

/** The texts the screen shows (labels, buttons, fields' contents), top to bottom. */
fun Activity.shownTexts(): List<String> {
    shadowOf(Looper.getMainLooper()).idle()
    return views(window.decorView).filterIsInstance<TextView>().filter { it.isShown }.map { it.text.toString() }
}

/**
 * The shown view whose text is [text] (or, for an icon, whose content description is); a
 * clickable one first (a button saying what the title also says).
 */
fun Activity.viewSaying(text: String): View {
    shadowOf(Looper.getMainLooper()).idle()
    val all = views(window.decorView).filter { it.isShown }.sortedByDescending { it.isClickable }
    return all.firstOrNull { it is TextView && it.text.toString() == text }
        ?: all.firstOrNull { it.contentDescription?.toString() == text }
        ?: run {
            fail("nothing on screen says \"$text\"; it shows ${shownTexts()}")
            error("unreachable")
        }
}

fun Activity.tap(text: String) {
    viewSaying(text).performClick()
    shadowOf(Looper.getMainLooper()).idle()
}

/** Types [value] into the field labelled (hinted) [label]. */
fun Activity.type(label: String, value: String) {
    val field = views(window.decorView).filterIsInstance<EditText>().firstOrNull { it.hint?.toString() == label || it.contentDescription?.toString() == label }
        ?: run {
            fail("no field \"$label\" on screen")
            error("unreachable")
        }
    field.setText(value)
    shadowOf(Looper.getMainLooper()).idle()
}

/** Makes [session] the app's, for the screens the test starts next. */
fun useSession(session: Session): Session {
    (RuntimeEnvironment.getApplication() as PhumApplication).session = session
    return session
}
