// The app's few kinds of View, built in code (framework only): texts that give Khmer's stacked
// vowels and subscripts room, buttons and fields at least 48 dp high, icon buttons with a
// content description, the training-mode banner. Sizes follow the user's text size on top of
// the phone's font scale. Owns how things look; what they say comes from the presenters.
package org.phum.app.ui

import android.content.Context
import android.graphics.Color
import android.graphics.Typeface
import android.text.InputType
import android.util.TypedValue
import android.view.Gravity
import android.view.View
import android.view.ViewGroup
import android.widget.Button
import android.widget.EditText
import android.widget.ImageButton
import android.widget.LinearLayout
import android.widget.TextView

class Ui(val context: Context, private val scale: Float) {
    /**
     * The theme's primary text colour (near black by day, near white by night): a plain TextView
     * draws in the theme's grey, too faint to read in the sun.
     */
    private val primaryText =
        context.obtainStyledAttributes(intArrayOf(android.R.attr.textColorPrimary)).let { attributes ->
            attributes.getColorStateList(0).also { attributes.recycle() }
        }

    fun dp(value: Int): Int =
        TypedValue.applyDimension(TypedValue.COMPLEX_UNIT_DIP, value.toFloat(), context.resources.displayMetrics).toInt()

    /** A text; [size] in sp before the user's text size. Khmer gets room above and below. */
    fun text(value: String, size: Float = BODY, bold: Boolean = false): TextView =
        TextView(context).apply {
            text = value
            primaryText?.let(::setTextColor)
            setTextSize(TypedValue.COMPLEX_UNIT_SP, size * scale)
            if (bold) setTypeface(typeface, Typeface.BOLD)
            // Coeng subscripts and stacked vowels need more than Latin's line height.
            setLineSpacing(0f, KHMER_LINE_SPACING)
            includeFontPadding = true
            setPadding(0, dp(4), 0, dp(4))
        }

    fun title(value: String): TextView = text(value, TITLE, bold = true)

    fun button(label: String, onClick: () -> Unit): Button =
        Button(context).apply {
            text = label
            isAllCaps = false
            touchable(this)
            setOnClickListener { onClick() }
        }

    /** A field to type in, labelled by [hint] (also its accessible name). */
    fun field(hint: String, type: Int = InputType.TYPE_CLASS_TEXT): EditText =
        EditText(context).apply {
            this.hint = hint
            contentDescription = hint
            inputType = type
            touchable(this)
            isSingleLine = true
        }

    /** Body-sized text with Khmer's line height, at least a finger's height (48 dp). */
    fun touchable(view: TextView) =
        view.apply {
            setTextSize(TypedValue.COMPLEX_UNIT_SP, BODY * scale)
            setLineSpacing(0f, KHMER_LINE_SPACING)
            minHeight = dp(TOUCH)
            minimumHeight = dp(TOUCH)
        }

    /** An icon that does something, with what it does as its accessible name. */
    fun iconButton(icon: Int, description: String, onClick: () -> Unit): ImageButton =
        ImageButton(context).apply {
            setImageResource(icon)
            contentDescription = description
            minimumWidth = dp(TOUCH)
            minimumHeight = dp(TOUCH)
            setOnClickListener { onClick() }
        }

    /** The training-mode banner every screen shows while the demo is open. */
    fun banner(value: String): TextView =
        text(value, SMALL, bold = true).apply {
            setBackgroundColor(BANNER)
            setTextColor(Color.BLACK)
            gravity = Gravity.CENTER
            setPadding(dp(12), dp(6), dp(12), dp(6))
        }

    /** A message that needs attention (an error). */
    fun error(value: String): TextView = text(value).apply { setTextColor(ERROR) }

    fun column(vararg children: View): LinearLayout =
        LinearLayout(context).apply {
            orientation = LinearLayout.VERTICAL
            children.forEach { addView(it) }
        }

    fun row(vararg children: View): LinearLayout =
        LinearLayout(context).apply {
            orientation = LinearLayout.HORIZONTAL
            gravity = Gravity.CENTER_VERTICAL
            children.forEach { addView(it) }
        }

    /** Lays [view] out full width, with [weight] of the rest in a row. */
    fun fill(view: View, weight: Float = 0f): View =
        view.apply {
            layoutParams =
                if (weight > 0f) {
                    LinearLayout.LayoutParams(0, ViewGroup.LayoutParams.WRAP_CONTENT, weight)
                } else {
                    LinearLayout.LayoutParams(ViewGroup.LayoutParams.MATCH_PARENT, ViewGroup.LayoutParams.WRAP_CONTENT)
                }
        }

    companion object {
        const val BODY = 16f
        const val SMALL = 14f
        const val TITLE = 22f
        const val TOUCH = 48
        const val KHMER_LINE_SPACING = 1.25f
        val BANNER = Color.rgb(0xFF, 0xC1, 0x07)
        val ERROR = Color.rgb(0xC6, 0x28, 0x28)

        /** The ground of what was refused (a value, a record, a form's refusals). */
        val REFUSED_GROUND = Color.rgb(0xFD, 0xEC, 0xEA)
    }
}

/** Calls [action] with the whole text after every change the user (or code) makes to it. */
fun android.widget.EditText.onTyped(action: (String) -> Unit) =
    addTextChangedListener(
        object : android.text.TextWatcher {
            override fun beforeTextChanged(s: CharSequence?, start: Int, count: Int, after: Int) {}

            override fun onTextChanged(s: CharSequence?, start: Int, before: Int, count: Int) {}

            override fun afterTextChanged(s: android.text.Editable?) = action(s?.toString() ?: "")
        },
    )
