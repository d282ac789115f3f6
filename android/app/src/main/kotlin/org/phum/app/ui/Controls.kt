// The settings' controls, built like Ui's views (framework only): a choice among a few (a radio
// button) and an on/off switch, at least 48 dp high, with Khmer's line spacing and the user's
// text size. Owns how they look; the presenters decide what they say and do.
package org.phum.app.ui

import android.widget.CompoundButton
import android.widget.RadioButton
import android.widget.Switch

class Controls(private val ui: Ui) {
    /** One of a few choices; checked when it is the current one. */
    fun choice(label: String, checked: Boolean, onChoose: () -> Unit): RadioButton =
        RadioButton(ui.context).apply {
            style(label)
            isChecked = checked
            setOnClickListener { if (!checked) onChoose() else isChecked = true }
        }

    /** On or off, the label (also its accessible name) before the switch. */
    @Suppress("DEPRECATION")
    fun toggle(label: String, on: Boolean, onChange: (Boolean) -> Unit): Switch =
        Switch(ui.context).apply {
            style(label)
            isChecked = on
            setOnCheckedChangeListener { _, now -> if (now != on) onChange(now) }
        }

    private fun CompoundButton.style(label: String) {
        text = label
        contentDescription = label
        ui.touchable(this)
        // Room between choices when the text is large (Khmer's stacked vowels above and below).
        setPadding(paddingLeft, ui.dp(4), paddingRight, ui.dp(4))
    }
}
