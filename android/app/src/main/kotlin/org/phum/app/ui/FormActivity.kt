// The form screen (a visit, a registration): renders FormPresenter's state. On top, why the form
// cannot be changed, why completing was refused (each reason a tap that scrolls to its field and
// puts the cursor there), people who may be the one being registered, and the rules' messages;
// then the fields by section (FieldRow); then the complete (or register, or save) button.
//
// The form lives in its own scrolling column inside the Screen's `fixed` slot, not in `body`
// (which the Screen empties on every state): its rows are built once per form and updated in
// place, so the field being typed in keeps its focus, cursor and keyboard while the rules answer
// each keystroke. Only the top part is drawn again on each state. When it grows or shrinks while
// the user is further down, the form is scrolled by as much, so the field typed in stays put.
//
// Rotation keeps the presenter (and its open form). A rebuild for another language, or after the
// process died, makes a new presenter: the record the screen made is kept in the saved state and
// opened again (a second visit is never made). The form's session ends when the screen goes for
// good (finishing, or rebuilt with a new presenter), not on a rotation.
package org.phum.app.ui

import android.content.pm.PackageManager
import android.os.Bundle
import android.view.View
import android.widget.LinearLayout
import android.widget.ScrollView
import org.phum.app.presenter.FieldInput
import org.phum.app.presenter.FormPresenter
import org.phum.app.presenter.FormTarget

class FormActivity : Screen<FormPresenter.State, FormPresenter>(), FieldActions {
    private var saved: Bundle? = null

    /** The presenter was handed to the next Activity (a rotation): the form stays open. */
    private var kept = false

    private lateinit var scroll: ScrollView
    private lateinit var top: LinearLayout
    private lateinit var fields: LinearLayout
    private lateinit var footer: LinearLayout
    private lateinit var location: DeviceLocation

    private var builtShape = -1
    private val rows = LinkedHashMap<String, FieldRow>()

    /** Each section's column (its title and rows), by section UID. */
    private val sections = LinkedHashMap<String, LinearLayout>()
    private var shownRefusals: Any? = null

    /** The top part's height at its last layout (-1 before the first). */
    private var topHeight = -1

    /** The place field waiting for the user's answer on the location permission. */
    private var locating: String? = null

    override fun onCreate(savedInstanceState: Bundle?) {
        saved = savedInstanceState
        super.onCreate(savedInstanceState)
        location = DeviceLocation(this)
        top = ui.column()
        fields = ui.column()
        footer = ui.column()
        val content =
            ui.column(ui.fill(top), ui.fill(fields), ui.fill(footer)).apply {
                setPadding(ui.dp(16), ui.dp(8), ui.dp(16), ui.dp(24))
                // The form takes the first focus itself: opening it does not put the cursor in
                // its first field (and bring up the keyboard over the form).
                isFocusableInTouchMode = true
                descendantFocusability = android.view.ViewGroup.FOCUS_BEFORE_DESCENDANTS
            }
        scroll = ScrollView(this).apply { addView(content) }
        fixed.setPadding(0, 0, 0, 0)
        fixed.addView(scroll, LinearLayout.LayoutParams(LinearLayout.LayoutParams.MATCH_PARENT, LinearLayout.LayoutParams.WRAP_CONTENT))
        top.addOnLayoutChangeListener { _, _, t, _, b, _, _, _, _ ->
            val height = b - t
            if (topHeight >= 0 && height != topHeight && scroll.scrollY > 0) scroll.scrollBy(0, height - topHeight)
            topHeight = height
        }
    }

    @Suppress("DEPRECATION")
    override fun makePresenter() = FormPresenter(session, Screens.form(intent), saved?.getSerializable(KEY_RECORD) as? FormTarget)

    override fun title() = presenter.state.title

    override fun onSaveInstanceState(outState: Bundle) {
        super.onSaveInstanceState(outState)
        presenter.reopen?.let { outState.putSerializable(KEY_RECORD, it) }
    }

    @Deprecated("The framework's way to keep an object across a configuration change")
    @Suppress("DEPRECATION")
    override fun onRetainNonConfigurationInstance(): Any? = super.onRetainNonConfigurationInstance().also { kept = it != null }

    override fun onDestroy() {
        if (!kept) presenter.leave()
        super.onDestroy()
    }

    override fun render(state: FormPresenter.State) {
        if (state.shape != builtShape) build(state)
        for ((key, row) in rows) state.field(key)?.let { row.bind(it, state) }
        for ((uid, column) in sections) {
            val shown = state.section(uid)?.hidden != true && state.groups.firstOrNull { it.section == uid }?.keys.orEmpty().any { key -> state.field(key)?.let(state::visible) == true }
            column.visibility = if (shown) View.VISIBLE else View.GONE
        }
        showTop(state)
        showFooter(state)
        if (state.refusals.isNotEmpty() && state.refusals !== shownRefusals) scroll.post { scroll.scrollTo(0, 0) }
        shownRefusals = state.refusals
    }

    /** The rows of a newly opened form, by section. */
    private fun build(state: FormPresenter.State) {
        builtShape = state.shape
        fields.removeAllViews()
        rows.clear()
        sections.clear()
        val dialogs = FieldDialogs(ui, state.texts)
        for (group in state.groups) {
            val column = ui.column()
            group.section?.let { uid ->
                state.section(uid)?.let { column.addView(ui.text(it.label, Ui.TITLE * SECTION_SCALE, bold = true).apply { setPadding(0, ui.dp(16), 0, 0) }) }
                sections[uid] = column
            }
            for (key in group.keys) {
                val field = state.field(key) ?: continue
                val row = FieldRow(ui, state.texts, dialogs, key, FieldInput.of(field), this)
                rows[key] = row
                column.addView(ui.fill(row.view))
            }
            fields.addView(ui.fill(column))
        }
    }

    /** What the form says as a whole, drawn again on each state. */
    private fun showTop(state: FormPresenter.State) {
        top.removeAllViews()
        if (state.loading) top.addView(ui.text(state.texts("screen-common-loading")))
        state.error?.let {
            top.addView(ui.error(it))
            top.addView(ui.fill(ui.button(state.texts("screen-common-back")) { finish() }))
        }
        state.readOnly?.let { top.addView(box(ui.text(it, bold = true), READ_ONLY_GROUND)) }
        state.saveError?.let { top.addView(ui.error(it)) }
        if (state.refusals.isNotEmpty()) {
            val list = ui.column(ui.error(state.refusalsTitle).apply { setTypeface(typeface, android.graphics.Typeface.BOLD) })
            for (refusal in state.refusals) {
                val line = ui.error("• ${refusal.text.text}")
                refusal.field?.let { key ->
                    ui.touchable(line)
                    line.setOnClickListener { jump(key) }
                }
                list.addView(ui.fill(line))
            }
            top.addView(box(list, Ui.REFUSED_GROUND))
        }
        if (state.duplicates.isNotEmpty()) {
            val list = ui.column(ui.text(state.duplicatesTitle, bold = true))
            for (duplicate in state.duplicates) {
                list.addView(ui.text(duplicate.person ?: duplicate.text, bold = duplicate.person != null))
                if (duplicate.person != null) {
                    listOfNotNull(duplicate.place, duplicate.reasons).joinToString(" · ").takeIf { it.isNotEmpty() }?.let { list.addView(ui.text(it, Ui.SMALL)) }
                }
                if (duplicate.enrollment != null) list.addView(ui.button(state.openDuplicate) { presenter.open(duplicate) })
            }
            top.addView(box(list, DUPLICATE_GROUND))
        }
        for (notice in state.notices) {
            val text = ui.text(notice.text)
            when (notice.tone) {
                FormPresenter.Tone.ERROR -> text.setTextColor(Ui.ERROR)
                FormPresenter.Tone.WARNING -> text.setTextColor(FieldRow.WARNING)
                FormPresenter.Tone.INFO -> {}
            }
            top.addView(ui.fill(text))
        }
    }

    private fun showFooter(state: FormPresenter.State) {
        footer.removeAllViews()
        if (state.form == null || state.readOnly != null) return
        footer.addView(ui.fill(ui.button(state.completeLabel) { presenter.complete() }.apply { isEnabled = state.canComplete }))
    }

    /** [view] on a tinted ground, full width. */
    private fun box(view: View, ground: Int): View =
        ui.column(ui.fill(view)).apply {
            setBackgroundColor(ground)
            setPadding(ui.dp(12), ui.dp(8), ui.dp(12), ui.dp(8))
            layoutParams = LinearLayout.LayoutParams(LinearLayout.LayoutParams.MATCH_PARENT, LinearLayout.LayoutParams.WRAP_CONTENT).apply { bottomMargin = ui.dp(8) }
        }

    /** Scrolls to [key]'s field and puts the cursor there. */
    private fun jump(key: String) {
        val row = rows[key] ?: return
        var y = 0
        var view: View? = row.view
        while (view != null && view !== scroll) {
            y += view.top
            view = view.parent as? View
        }
        scroll.scrollTo(0, maxOf(0, y - ui.dp(8)))
        row.focus()
    }

    override fun type(key: String, text: String) = presenter.type(key, text)

    override fun choose(key: String, value: String?) = presenter.choose(key, value)

    override fun locate(key: String) {
        val texts = presenter.state.texts
        if (!location.permitted()) {
            locating = key
            location.ask(REQUEST_LOCATION)
            return
        }
        rows[key]?.status(texts("screen-form-locating"))
        location.locate { found ->
            if (found == null) {
                rows[key]?.status(texts("screen-form-location-unavailable"))
            } else {
                rows[key]?.status(null)
                presenter.choose(key, FieldInput.coordinate(found.latitude, found.longitude))
            }
        }
    }

    override fun onRequestPermissionsResult(requestCode: Int, permissions: Array<out String>, grantResults: IntArray) {
        super.onRequestPermissionsResult(requestCode, permissions, grantResults)
        if (requestCode != REQUEST_LOCATION) return
        val key = locating ?: return
        locating = null
        if (grantResults.any { it == PackageManager.PERMISSION_GRANTED }) locate(key) else rows[key]?.status(presenter.state.texts("screen-form-location-denied"))
    }

    private companion object {
        const val KEY_RECORD = "org.phum.app.form.record"
        const val REQUEST_LOCATION = 7
        const val SECTION_SCALE = 0.8f
        val READ_ONLY_GROUND = android.graphics.Color.rgb(0xE8, 0xEA, 0xF6)
        val DUPLICATE_GROUND = android.graphics.Color.rgb(0xFF, 0xF4, 0xD6)
    }
}
