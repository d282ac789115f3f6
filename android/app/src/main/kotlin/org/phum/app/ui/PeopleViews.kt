// The views the people screens share (search results, the dashboard, the working list), built
// like Ui's: a card for one person or visit (a framed, tappable block at least 48 dp high), the
// colours of a visit's state, and a yes/no question. Owns how they look; the presenters decide
// what they say.
package org.phum.app.ui

import android.app.AlertDialog
import android.graphics.Color
import android.graphics.drawable.GradientDrawable
import android.view.View
import android.widget.LinearLayout
import android.widget.TextView
import org.phum.app.presenter.DashboardPresenter.Tone

class PeopleViews(private val ui: Ui) {
    /** A framed block of [children], the whole of it tapped as one when [onClick] is given. */
    fun card(vararg children: View, onClick: (() -> Unit)? = null): LinearLayout =
        ui.column(*children).apply {
            setPadding(ui.dp(12), ui.dp(8), ui.dp(12), ui.dp(8))
            background =
                GradientDrawable().apply {
                    setStroke(ui.dp(1), FRAME)
                    cornerRadius = ui.dp(6).toFloat()
                }
            minimumHeight = ui.dp(Ui.TOUCH)
            if (onClick != null) {
                isClickable = true
                setOnClickListener { onClick() }
            }
            layoutParams =
                LinearLayout.LayoutParams(LinearLayout.LayoutParams.MATCH_PARENT, LinearLayout.LayoutParams.WRAP_CONTENT).apply {
                    setMargins(0, ui.dp(4), 0, ui.dp(4))
                }
        }

    /** A text in the colour of [tone] (done green, late red, quiet grey, waiting as any text). */
    fun toned(value: String, tone: Tone, size: Float = Ui.BODY): TextView =
        ui.text(value, size, bold = tone == Tone.LATE).apply {
            when (tone) {
                Tone.DONE -> setTextColor(DONE)
                Tone.LATE -> setTextColor(Ui.ERROR)
                Tone.QUIET -> setTextColor(QUIET)
                Tone.WAITING -> {}
            }
        }

    /** A rule's warning (amber ground) or error (red text). */
    fun ruleMessage(value: String, error: Boolean): TextView =
        if (error) {
            ui.error(value)
        } else {
            ui.text(value).apply {
                setBackgroundColor(WARNING_GROUND)
                setTextColor(Color.BLACK)
                setPadding(ui.dp(8), ui.dp(4), ui.dp(8), ui.dp(4))
            }
        }

    /** Asks [question]; [yes] and [no] say the answers. Dismissing it is a no. */
    fun ask(question: String, yes: String, no: String, onYes: () -> Unit, onNo: () -> Unit): AlertDialog =
        AlertDialog.Builder(ui.context)
            .setMessage(question)
            .setPositiveButton(yes) { _, _ -> onYes() }
            .setNegativeButton(no) { _, _ -> onNo() }
            .setOnCancelListener { onNo() }
            .create()

    companion object {
        val FRAME = Color.rgb(0xBD, 0xBD, 0xBD)
        val DONE = Color.rgb(0x2E, 0x7D, 0x32)
        val QUIET = Color.rgb(0x61, 0x61, 0x61)
        val WARNING_GROUND = Color.rgb(0xFF, 0xF3, 0xCD)
    }
}
