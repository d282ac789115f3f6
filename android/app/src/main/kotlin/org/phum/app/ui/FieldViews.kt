// A form field's views, one kind of input per FieldInput.Input: text and numbers typed (numbers
// on the number pad, Khmer digits accepted), dates and times typed or picked with the framework's
// pickers, an age as a birth date or in years, months and days, yes/no, a tick, a few options as
// radio buttons and many as a list to filter, several options as check boxes, an org unit, a place
// from the phone's location or typed. Under the input: the date spelled out, the field's warnings
// and errors, and the core's reason when it refused what was typed.
//
// A row is built once per form (FormActivity) and [FieldRow.bind] shows each new state in place:
// an input being typed in keeps its text, cursor and focus (its text is set only when it differs
// from what it should show). Where a field cannot be changed (assigned by a rule, a read-only
// form) the row shows its value as text instead of the input.
//
// Owns how a field looks and what a touch on it asks for (FieldActions). Does not own what a
// value becomes (FieldInput) or sending it (FormPresenter).
package org.phum.app.ui

import android.graphics.Color
import android.text.InputType
import android.text.method.NumberKeyListener
import android.view.View
import android.widget.Button
import android.widget.CheckBox
import android.widget.EditText
import android.widget.LinearLayout
import android.widget.RadioButton
import android.widget.RadioGroup
import android.widget.TextView
import java.time.LocalDate
import java.time.LocalTime
import java.util.Locale
import org.phum.app.presenter.FieldInput
import org.phum.app.presenter.FormPresenter
import org.phum.app.presenter.Input
import org.phum.app.presenter.Texts
import org.phum.core.Field

/** What a field's inputs ask of the screen. */
interface FieldActions {
    /** [text] was typed in [key]'s input. */
    fun type(key: String, text: String)

    /** [value] (as stored) was chosen for [key]; null clears it. */
    fun choose(key: String, value: String?)

    /** The phone's location is wanted for the place [key]. */
    fun locate(key: String)
}

/** One field: its label, its input, its value where it cannot be changed, and what is said about it. */
class FieldRow(
    private val ui: Ui,
    private val texts: Texts,
    private val dialogs: FieldDialogs,
    val key: String,
    val input: Input,
    private val actions: FieldActions,
) {
    private val label = ui.text("", bold = true)
    private val widget: Widget = widget(input)
    private val readOnlyValue = ui.text("")
    private val notes = ui.column()

    /** The row; its tag is the field's key. */
    val view: LinearLayout = ui.column(label, widget.view, readOnlyValue, notes).apply {
        tag = key
        setPadding(0, ui.dp(8), 0, ui.dp(8))
    }

    private var bound: List<Any?>? = null
    private var last: Pair<Field, FormPresenter.State>? = null

    /** How finding the location goes (a place's row), said under the input. */
    private var status: String? = null

    /** Shows [field] as [state] has it; nothing is redrawn when nothing it shows changed. */
    fun bind(field: Field, state: FormPresenter.State) {
        last = field to state
        val editable = state.editable(field)
        val typed = state.typed[key]
        val refused = state.refused[key]
        val visible = state.visible(field)
        val orgUnit = if (input == Input.ORG_UNIT) state.shown(field) else null
        val now = listOf(field, editable, typed, refused, visible, state.khmerDigits, status, orgUnit)
        if (now == bound) return
        bound = now
        view.visibility = if (visible) View.VISIBLE else View.GONE
        label.text = if (field.mandatory) "${field.label} *" else field.label
        widget.view.visibility = if (editable) View.VISIBLE else View.GONE
        readOnlyValue.visibility = if (editable) View.GONE else View.VISIBLE
        readOnlyValue.text = state.shown(field)
        if (editable) widget.show(field, state)
        notes.removeAllViews()
        // A date as the language writes it, under the digits typed.
        if (refused == null && editable && input in SPELLED && field.value != null) field.shown?.let { notes.addView(ui.text(it, Ui.SMALL)) }
        status?.let { notes.addView(ui.text(it, Ui.SMALL)) }
        refused?.let { notes.addView(note(it, Ui.ERROR)) }
        field.errors.forEach { notes.addView(note(it.text, Ui.ERROR)) }
        field.warnings.forEach { notes.addView(note(it.text, WARNING)) }
    }

    private fun note(text: String, colour: Int): TextView = ui.text(text, Ui.SMALL).apply { setTextColor(colour) }

    /** Says how finding the location goes under the input (null: nothing to say). */
    fun status(text: String?) {
        status = text
        last?.let { (field, state) -> bind(field, state) }
    }

    /** Puts the cursor in the field's input (a typed one), for a refusal that names it. */
    fun focus() = widget.focus()

    // The inputs.

    private abstract class Widget {
        abstract val view: View

        abstract fun show(field: Field, state: FormPresenter.State)

        open fun focus(): Boolean = view.requestFocus()
    }

    private fun widget(input: Input): Widget =
        when (input) {
            Input.TEXT, Input.LONG_TEXT, Input.NUMBER, Input.PHONE, Input.EMAIL, Input.URL -> TypedWidget(typed(input))
            Input.DATE, Input.DATETIME, Input.TIME -> PickedWidget(input)
            Input.AGE -> AgeWidget()
            Input.BOOLEAN -> BooleanWidget()
            Input.TRUE_ONLY -> TickWidget()
            Input.CHOICE -> ChoiceWidget()
            Input.LIST, Input.ORG_UNIT -> ListWidget(input)
            Input.CHECKS -> ChecksWidget()
            Input.COORDINATE -> PlaceWidget()
        }

    /** An input typed in, sending each change; set from the state only when it shows something else. */
    private inner class Typing(type: Int, hint: String?, onText: (String) -> Unit = { actions.type(key, it) }) {
        private var quiet = false
        val edit: EditText =
            ui.field(hint ?: "", type).apply {
                if (type and InputType.TYPE_TEXT_FLAG_MULTI_LINE != 0) {
                    isSingleLine = false
                    minLines = 3
                    setHorizontallyScrolling(false)
                }
                if (type and InputType.TYPE_MASK_CLASS == InputType.TYPE_CLASS_NUMBER) keyListener = NumberKeys(type)
                if (hint == null) this.hint = null
                onTyped { text ->
                    if (!quiet) onText(text)
                }
            }

        fun show(text: String, description: String) {
            edit.contentDescription = description
            if (edit.text.toString() == text) return
            quiet = true
            edit.setText(text)
            edit.setSelection(edit.text.length)
            quiet = false
        }
    }

    private fun typed(input: Input): Typing =
        Typing(
            when (input) {
                Input.LONG_TEXT -> InputType.TYPE_CLASS_TEXT or InputType.TYPE_TEXT_FLAG_MULTI_LINE or InputType.TYPE_TEXT_FLAG_CAP_SENTENCES
                Input.NUMBER -> InputType.TYPE_CLASS_NUMBER or InputType.TYPE_NUMBER_FLAG_DECIMAL or InputType.TYPE_NUMBER_FLAG_SIGNED
                Input.PHONE -> InputType.TYPE_CLASS_PHONE
                Input.EMAIL -> InputType.TYPE_CLASS_TEXT or InputType.TYPE_TEXT_VARIATION_EMAIL_ADDRESS
                Input.URL -> InputType.TYPE_CLASS_TEXT or InputType.TYPE_TEXT_VARIATION_URI
                else -> InputType.TYPE_CLASS_TEXT or InputType.TYPE_TEXT_FLAG_CAP_SENTENCES
            },
            null,
        )

    /** What a typed input shows: what was typed, else the stored value as it can be typed back. */
    private fun text(field: Field, state: FormPresenter.State) = state.typed[key] ?: FieldInput.editable(field, state.khmerDigits)

    private inner class TypedWidget(private val typing: Typing) : Widget() {
        override val view: View = ui.fill(typing.edit)

        override fun show(field: Field, state: FormPresenter.State) = typing.show(text(field, state), field.label)

        override fun focus(): Boolean = typing.edit.requestFocus()
    }

    /** A date, a date and time, or a time: typed, or picked with the framework's dialogs. */
    private inner class PickedWidget(private val kind: Input) : Widget() {
        private val typing =
            Typing(
                if (kind == Input.TIME) InputType.TYPE_CLASS_DATETIME or InputType.TYPE_DATETIME_VARIATION_TIME else InputType.TYPE_CLASS_DATETIME,
                texts(
                    when (kind) {
                        Input.TIME -> "screen-form-time-hint"
                        Input.DATETIME -> "screen-form-date-time-hint"
                        else -> "screen-form-date-hint"
                    },
                ),
            )
        private var current: Field? = null
        private val pick =
            icon(
                if (kind == Input.TIME) android.R.drawable.ic_menu_recent_history else android.R.drawable.ic_menu_my_calendar,
                texts(if (kind == Input.TIME) "screen-form-choose-time" else "screen-form-choose-date"),
            ) { current?.let(::pick) }

        override val view: View = ui.fill(ui.row(ui.fill(typing.edit, 1f), pick))

        override fun show(field: Field, state: FormPresenter.State) {
            current = field
            typing.show(text(field, state), field.label)
        }

        override fun focus(): Boolean = typing.edit.requestFocus()

        private fun pick(field: Field) {
            val value = field.value
            val date = value?.take(DATE_LENGTH)?.let { runCatching { LocalDate.parse(it) }.getOrNull() }
            val time = value?.let { if (kind == Input.TIME) it else it.substringAfter('T', "") }?.let { runCatching { LocalTime.parse(it) }.getOrNull() }
            when (kind) {
                Input.TIME -> dialogs.time(time) { actions.choose(key, hhmm(it)) }
                Input.DATETIME -> dialogs.date(date) { day -> dialogs.time(time) { actions.choose(key, "${day}T${hhmm(it)}") } }
                else -> dialogs.date(date) { actions.choose(key, it.toString()) }
            }
        }
    }

    /** An age: the birth date typed or picked, or the age in years, months and days. */
    private inner class AgeWidget : Widget() {
        private val date = PickedWidget(Input.DATE)
        private val parts = listOf("screen-form-age-years", "screen-form-age-months", "screen-form-age-days").map { id -> Typing(InputType.TYPE_CLASS_NUMBER, texts(id)) { changedParts() } }
        private var today: LocalDate = LocalDate.now()

        override val view: View = ui.column(date.view, ui.fill(ui.row(*parts.map { ui.fill(it.edit, 1f) }.toTypedArray())))

        override fun show(field: Field, state: FormPresenter.State) {
            today = LocalDate.parse(state.today)
            date.show(field, state)
            val age = FieldInput.ageParts(field.value, today)
            parts.forEachIndexed { i, part ->
                val shown = age?.toList()?.get(i)?.let { FieldInput.digits(it.toString(), state.khmerDigits) } ?: ""
                if (!part.edit.hasFocus()) part.show(shown, part.edit.hint.toString()) else part.edit.contentDescription = part.edit.hint
            }
        }

        override fun focus(): Boolean = date.focus()

        private fun changedParts() {
            val typed = parts.map { it.edit.text.toString() }
            if (typed.all { it.isBlank() }) return actions.choose(key, null)
            val numbers = typed.map { if (it.isBlank()) 0 else FieldInput.wholeNumber(it) ?: return }
            actions.choose(key, FieldInput.ageDate(today, numbers[0], numbers[1], numbers[2]))
        }
    }

    /** An icon button (a picker, the location) without the grey box of a button. */
    private fun icon(icon: Int, description: String, onClick: () -> Unit) =
        ui.iconButton(icon, description, onClick).apply {
            val attributes = context.obtainStyledAttributes(intArrayOf(android.R.attr.selectableItemBackgroundBorderless))
            background = attributes.getDrawable(0)
            attributes.recycle()
        }

    /** A clear button, shown when there is something to clear. */
    private fun clear(): Button = small(texts("screen-event-clear-value")) { actions.choose(key, null) }

    private fun small(label: String, onClick: () -> Unit): Button =
        Button(ui.context, null, android.R.attr.borderlessButtonStyle).apply {
            text = label
            isAllCaps = false
            ui.touchable(this)
            setOnClickListener { onClick() }
        }

    private fun radio(label: String, onClick: () -> Unit): RadioButton =
        RadioButton(ui.context).apply {
            id = View.generateViewId()
            text = label
            ui.touchable(this)
            setOnClickListener { onClick() }
        }

    /** Yes or no, and clear. */
    private inner class BooleanWidget : Widget() {
        private val yes = radio(texts("screen-common-yes")) { actions.choose(key, "true") }
        private val no = radio(texts("screen-common-no")) { actions.choose(key, "false") }
        private val group =
            RadioGroup(ui.context).apply {
                orientation = RadioGroup.HORIZONTAL
                addView(yes, RadioGroup.LayoutParams(0, RadioGroup.LayoutParams.WRAP_CONTENT, 1f))
                addView(no, RadioGroup.LayoutParams(0, RadioGroup.LayoutParams.WRAP_CONTENT, 1f))
            }
        private val clear = clear()
        override val view: View = ui.fill(ui.row(ui.fill(group, 2f), clear))

        override fun show(field: Field, state: FormPresenter.State) {
            when (field.value) {
                "true" -> group.check(yes.id)
                "false" -> group.check(no.id)
                else -> group.clearCheck()
            }
            clear.visibility = if (field.value != null) View.VISIBLE else View.INVISIBLE
            group.jumpDrawablesToCurrentState()
        }

        override fun focus(): Boolean = yes.requestFocus()
    }

    /** A tick: checked is "true", unchecked is no value (DHIS2's TRUE_ONLY). */
    private inner class TickWidget : Widget() {
        private val box =
            CheckBox(ui.context).apply {
                text = texts("screen-common-yes")
                ui.touchable(this)
                setOnClickListener { actions.choose(key, if (isChecked) "true" else null) }
            }
        override val view: View = box

        override fun show(field: Field, state: FormPresenter.State) {
            box.isChecked = field.value == "true"
            box.contentDescription = field.label
            box.jumpDrawablesToCurrentState()
        }
    }

    /** One of a few options, a radio button each, and clear. */
    private inner class ChoiceWidget : Widget() {
        private val group = RadioGroup(ui.context)
        private val clear = clear()
        private var codes: List<String> = emptyList()
        override val view: View = ui.column(group, clear)

        override fun show(field: Field, state: FormPresenter.State) {
            if (field.options.map { it.code } != codes) {
                group.removeAllViews()
                codes = field.options.map { it.code }
                field.options.forEach { option -> group.addView(radio(option.label) { actions.choose(key, option.code) }) }
            }
            val chosen = codes.indexOf(field.value)
            if (chosen >= 0) group.check(group.getChildAt(chosen).id) else group.clearCheck()
            clear.visibility = if (field.value != null) View.VISIBLE else View.GONE
            group.jumpDrawablesToCurrentState()
        }

        override fun focus(): Boolean = group.getChildAt(0)?.requestFocus() ?: false
    }

    /** One of many options (or an org unit): the chosen one on a button that opens the list to filter. */
    private inner class ListWidget(private val kind: Input) : Widget() {
        private var current: Field? = null
        private var orgUnits: Map<String, String> = emptyMap()
        private val button = ui.button("") { current?.let(::pick) }
        private val clear = clear()
        override val view: View = ui.column(ui.fill(button), clear)

        override fun show(field: Field, state: FormPresenter.State) {
            current = field
            orgUnits = state.orgUnits
            val chosen = field.value?.let { state.shown(field) }
            button.text = chosen ?: texts(if (kind == Input.ORG_UNIT) "screen-org-unit-title" else "screen-event-choose-option")
            button.contentDescription = field.label
            clear.visibility = if (field.value != null) View.VISIBLE else View.GONE
        }

        private fun pick(field: Field) {
            val items =
                if (kind == Input.ORG_UNIT) orgUnits.entries.sortedBy { it.value }.map { it.key to it.value } else field.options.map { it.code to it.label }
            dialogs.list(field.label, items) { actions.choose(key, it) }
        }
    }

    /** Several options (MULTI_TEXT): a check box each; the value is the chosen codes, comma-separated. */
    private inner class ChecksWidget : Widget() {
        private val column = ui.column()
        private var codes: List<String> = emptyList()
        override val view: View = column

        override fun show(field: Field, state: FormPresenter.State) {
            val chosen = field.value?.split(',')?.toSet().orEmpty()
            if (field.options.map { it.code } != codes) {
                column.removeAllViews()
                codes = field.options.map { it.code }
                field.options.forEach { option ->
                    column.addView(
                        CheckBox(ui.context).apply {
                            text = option.label
                            ui.touchable(this)
                            setOnClickListener { toggled() }
                        },
                    )
                }
            }
            codes.forEachIndexed { i, code -> (column.getChildAt(i) as CheckBox).isChecked = code in chosen }
            column.jumpDrawablesToCurrentState()
        }

        private fun toggled() {
            val chosen = codes.filterIndexed { i, _ -> (column.getChildAt(i) as CheckBox).isChecked }
            actions.choose(key, chosen.joinToString(",").ifEmpty { null })
        }
    }

    /** A place: the phone's location, or typed as "latitude, longitude". */
    private inner class PlaceWidget : Widget() {
        private val typing = Typing(InputType.TYPE_CLASS_TEXT, texts("screen-form-coordinate-hint"))
        private val locate = icon(android.R.drawable.ic_menu_mylocation, texts("screen-form-use-location")) { actions.locate(key) }
        override val view: View = ui.fill(ui.row(ui.fill(typing.edit, 1f), locate))

        override fun show(field: Field, state: FormPresenter.State) = typing.show(text(field, state), field.label)

        override fun focus(): Boolean = typing.edit.requestFocus()
    }

    /**
     * Digits of both sets, the decimal point and comma, and a sign, on the number pad. Not a
     * filter: what is pasted or comes from another keyboard reaches the core, which says what is wrong.
     */
    private class NumberKeys(private val type: Int) : NumberKeyListener() {
        override fun getAcceptedChars(): CharArray = ACCEPTED

        override fun getInputType(): Int = type

        private companion object {
            val ACCEPTED = "0123456789០១២៣៤៥៦៧៨៩.,-+".toCharArray()
        }
    }

    companion object {
        private const val DATE_LENGTH = 10
        private val SPELLED = setOf(Input.DATE, Input.DATETIME, Input.AGE)

        /** Readable on white in the sun: a dark amber. */
        val WARNING = Color.rgb(0x8A, 0x4B, 0x00)

        private fun hhmm(time: LocalTime) = String.format(Locale.ROOT, "%02d:%02d", time.hour, time.minute)
    }
}
