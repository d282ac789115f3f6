// What the screens' Robolectric tests do with an Activity: put a Session on test doubles in the
// application before it starts, follow the Activity that is showing (a settings change recreates
// it), read its texts, click and type by what the screen says, and make a render deterministic for
// a screenshot.
package org.phum.app.testing

import android.app.Activity
import android.app.Application
import android.os.Bundle
import android.os.Looper
import android.view.View
import android.view.ViewGroup
import android.widget.Button
import android.widget.EditText
import android.widget.TextView
import org.junit.Assert.fail
import org.phum.app.PhumApplication
import org.phum.app.platform.Work
import org.phum.app.presenter.Session
import org.robolectric.RuntimeEnvironment
import org.robolectric.Shadows.shadowOf

object Views {
    val application: PhumApplication get() = RuntimeEnvironment.getApplication() as PhumApplication

    /** Screens built from now on use [session]. */
    fun use(session: Session): Session = session.also { application.session = it }

    fun idle() = shadowOf(Looper.getMainLooper()).idle()

    /** Every text shown in [activity]'s window (texts, buttons, switches), in layout order. */
    fun texts(activity: Activity): List<String> = textViews(activity.window.decorView).filter { it.isShown }.map { it.text.toString() }

    /**
     * Clicks the view showing exactly [text] (a button before a title saying the same), or the
     * icon whose content description it is; a text that is not clickable itself clicks the
     * clickable view around it (a card).
     */
    fun click(activity: Activity, text: String) {
        val shown = allViews(activity.window.decorView).filter { it.isShown }.sortedByDescending { it.isClickable }
        val view = shown.firstOrNull { it is TextView && it.text.toString() == text } ?: shown.firstOrNull { it.contentDescription?.toString() == text }
        if (view == null) fail("no '$text' on the screen: ${texts(activity)}")
        // As a finger does: a text inside a clickable card clicks the card.
        generateSequence(view) { it.parent as? View }.firstOrNull { it.isClickable }?.performClick() ?: view!!.performClick()
        idle()
    }

    /** Types [value] into the field labelled [label] (its accessible name, or its hint). */
    fun type(activity: Activity, label: String, value: String) {
        val field =
            textViews(activity.window.decorView).filterIsInstance<EditText>()
                .firstOrNull { it.contentDescription?.toString() == label || it.hint?.toString() == label }
        if (field == null) fail("no field '$label' on the screen: ${texts(activity)}")
        field!!.setText(value)
        idle()
    }

    /** The shown button whose text starts with [start]. */
    fun buttonStartingWith(activity: Activity, start: String): Button =
        textViews(activity.window.decorView).filterIsInstance<Button>().first { it.isShown && it.text.startsWith(start) }

    /** The views showing exactly [text]. */
    fun find(activity: Activity, text: String): List<TextView> =
        textViews(activity.window.decorView).filter { it.isShown && it.text.toString() == text }

    /**
     * Replaces [replacements]' keys by their values in every text of [activity] (UIDs made at
     * random, today's date, the test server's port), so a screenshot is the same on every run.
     */
    fun stabilize(activity: Activity, replacements: Map<String, String>) {
        for (view in textViews(activity.window.decorView)) {
            val text = view.text.toString()
            val stable = replacements.entries.fold(text) { t, (from, to) -> t.replace(from, to) }
            if (stable != text) view.text = stable
        }
        idle()
    }

    private fun allViews(view: View): List<View> =
        if (view is ViewGroup) listOf(view) + (0 until view.childCount).flatMap { allViews(view.getChildAt(it)) } else listOf(view)

    private fun textViews(view: View): List<TextView> =
        when (view) {
            is TextView -> listOf(view)
            is ViewGroup -> (0 until view.childCount).flatMap { textViews(view.getChildAt(it)) }
            else -> emptyList()
        }

    /** Follows the Activity that is resumed now (a recreated one included). */
    class Current : Application.ActivityLifecycleCallbacks {
        var activity: Activity? = null
            private set

        init {
            application.registerActivityLifecycleCallbacks(this)
        }

        fun stop() = application.unregisterActivityLifecycleCallbacks(this)

        override fun onActivityResumed(activity: Activity) {
            this.activity = activity
        }

        override fun onActivityCreated(activity: Activity, savedInstanceState: Bundle?) {}

        override fun onActivityStarted(activity: Activity) {}

        override fun onActivityPaused(activity: Activity) {}

        override fun onActivityStopped(activity: Activity) {}

        override fun onActivitySaveInstanceState(activity: Activity, outState: Bundle) {}

        override fun onActivityDestroyed(activity: Activity) {}
    }
}

/** Background work kept until [runAll] (a sync that is still running); answers at once. */
class QueuedWork : Work {
    private val queue = ArrayDeque<() -> Unit>()

    override fun background(task: () -> Unit) {
        queue.addLast(task)
    }

    override fun onMain(task: () -> Unit) = task()

    fun runAll() {
        while (queue.isNotEmpty()) queue.removeFirst()()
    }
}
