// A user's walk through several screens under Robolectric, as on a phone: the first Activity is
// started, each Activity a tap starts is created and shown on top (the one below stopped), and an
// Activity that finishes is destroyed and the one below shown again (restarted and resumed, so its
// presenter reloads). Every tap and every field typed in is counted, for comparing flows with
// other apps.
//
// Robolectric does not start the Activities an Activity asks for; this class does, following
// `ShadowActivity.nextStartedActivity` after each step. Owns the back stack of a test and the
// counts. Does not own finding views (Views) or what a screen shows (the screens' tests).
package org.phum.app.testing

import android.app.Activity
import android.content.Intent
import org.junit.Assert.fail
import org.robolectric.Robolectric
import org.robolectric.Shadows.shadowOf
import org.robolectric.android.controller.ActivityController

class Flow(first: Intent) : AutoCloseable {
    private val stack = ArrayDeque<ActivityController<out Activity>>()

    /** Taps on the screen: buttons, choices, list rows. */
    var taps = 0
        private set

    /** Fields the user typed a value into. */
    var typed = 0
        private set

    init {
        push(first)
    }

    /** The Activity on top. */
    val screen: Activity get() = stack.last().get()

    /** What the screen on top shows. */
    val texts: List<String> get() = Views.texts(screen)

    /** Taps the view showing [text] (or the icon it describes), then follows where it leads. */
    fun tap(text: String): Flow {
        Views.click(screen, text)
        taps++
        follow()
        return this
    }

    /** Taps the [nth] (from 0) of the views showing exactly [text] (the same button in two places). */
    fun tap(text: String, nth: Int): Flow {
        val views = Views.find(screen, text)
        if (views.size <= nth) fail("no ${nth + 1} views '$text' on the screen: $texts")
        views[nth].performClick()
        Views.idle()
        taps++
        follow()
        return this
    }

    /** Taps the view showing [text] in the form field [key]'s row (a radio button, a check box). */
    fun tapIn(key: String, text: String): Flow {
        FieldRows.click(screen, key, text)
        taps++
        follow()
        return this
    }

    /** Types [value] in the form field [key] (one field typed in). */
    fun typeIn(key: String, value: String): Flow {
        FieldRows.edit(screen, key).setText(value)
        Views.idle()
        typed++
        follow()
        return this
    }

    /** Types [value] in the field labelled [label] (one field typed in). */
    fun type(label: String, value: String): Flow {
        Views.type(screen, label, value)
        typed++
        follow()
        return this
    }

    /** Runs [step] on the screen on top (a tap the test makes its own way), counted as [taps] taps. */
    fun on(taps: Int = 0, step: (Activity) -> Unit): Flow {
        step(screen)
        Views.idle()
        this.taps += taps
        follow()
        return this
    }

    /** The screen on top is an [activity]; fails with what is shown otherwise. */
    fun expect(activity: Class<out Activity>): Flow {
        if (!activity.isInstance(screen)) fail("expected ${activity.simpleName}, showing ${screen.javaClass.simpleName}: $texts")
        return this
    }

    /** Shows what the Activities asked for: started ones on top, finished ones removed. */
    private fun follow() {
        while (true) {
            val started = shadowOf(screen).nextStartedActivity
            when {
                started != null -> {
                    // A screen that finishes as it opens the next (a registration opening the
                    // person's dashboard) leaves the stack.
                    if (screen.isFinishing) stack.removeLast().pause().stop().destroy() else stack.last().pause().stop()
                    if (started.flags and Intent.FLAG_ACTIVITY_CLEAR_TASK != 0) clear()
                    push(started)
                }
                screen.isFinishing && stack.size > 1 -> {
                    stack.removeLast().pause().stop().destroy()
                    stack.last().restart().resume()
                    Views.idle()
                }
                else -> return
            }
        }
    }

    private fun push(intent: Intent) {
        val name = intent.component?.className ?: fail("an intent without an Activity: $intent")
        @Suppress("UNCHECKED_CAST")
        val activity = Class.forName(name.toString()) as Class<out Activity>
        stack.addLast(Robolectric.buildActivity(activity, intent).setup())
        Views.idle()
    }

    private fun clear() {
        while (stack.isNotEmpty()) stack.removeLast().destroy()
    }

    override fun close() = clear()
}
