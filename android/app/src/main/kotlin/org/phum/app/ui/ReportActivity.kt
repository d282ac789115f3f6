// A data set's report: renders ReportPresenter's state. The period picker sits above the scroll
// (in `fixed`); in the scroll, the body (re-rendered on every state: the data set and org unit,
// whether the report is completed or closed, the refusals of the last completion, each tappable)
// is followed by the grid (ui/Grid, updated in place so that the field being typed in keeps its
// focus) and the complete button.
//
// A change of language or text size makes a new presenter (Screen): what it needs to show the
// same report (the period, values refused but typed, the columns shown) crosses in the saved
// instance state. A rotation keeps the presenter.
package org.phum.app.ui

import android.content.Context
import android.os.Bundle
import android.view.Gravity
import android.view.View
import android.view.ViewGroup
import android.view.inputmethod.InputMethodManager
import android.widget.AdapterView
import android.widget.BaseAdapter
import android.widget.LinearLayout
import android.widget.ScrollView
import android.widget.Spinner
import org.phum.app.presenter.ReportPresenter

class ReportActivity : Screen<ReportPresenter.State, ReportPresenter>() {
    private var saved: Bundle? = null
    private lateinit var scroll: ScrollView
    private lateinit var grid: Grid
    private lateinit var gridHost: LinearLayout
    private lateinit var footer: LinearLayout
    private lateinit var picker: Spinner
    private val periods = Periods()
    private var jumped = 0

    override fun onCreate(savedInstanceState: Bundle?) {
        saved = savedInstanceState
        super.onCreate(savedInstanceState)
        // The body is emptied on every render; the grid and the button live beside it.
        scroll = body.parent as ScrollView
        scroll.removeView(body)
        gridHost = ui.column().apply { setPadding(ui.dp(16), 0, ui.dp(16), 0) }
        footer = ui.column().apply { setPadding(ui.dp(16), ui.dp(8), ui.dp(16), ui.dp(24)) }
        // The page holds the focus when no cell has it: opening the report does not focus the
        // first cell (nor pop the keyboard up over the period and the title).
        val page =
            ui.column(body, gridHost, footer).apply {
                isFocusableInTouchMode = true
                descendantFocusability = ViewGroup.FOCUS_BEFORE_DESCENDANTS
            }
        scroll.addView(page)
        grid =
            Grid(
                ui, gridHost, session.texts.khmerDigits,
                object : Grid.Listener {
                    override fun typed(key: String, text: String) = presenter.type(key, text)

                    override fun showColumn(table: String, column: Int) = presenter.showColumn(table, column)
                },
            )
        picker = periodPicker()
        fixed.addView(ui.fill(picker))
    }

    override fun makePresenter(): ReportPresenter {
        @Suppress("DEPRECATION")
        val kept = saved?.getSerializable(KEPT) as? ReportPresenter.Kept
        return ReportPresenter(session, Screens.report(intent), kept)
    }

    override fun onSaveInstanceState(outState: Bundle) {
        super.onSaveInstanceState(outState)
        outState.putSerializable(KEPT, presenter.state.kept)
    }

    override fun title() = presenter.state.title

    override fun render(state: ReportPresenter.State) {
        if (state.loading) body.addView(ui.text(state.loadingText))
        state.error?.let { body.addView(ui.error(it)) }
        if (state.dataSet.isNotEmpty()) body.addView(ui.fill(ui.text(state.dataSet, bold = true)))
        if (state.orgUnit.isNotEmpty()) body.addView(ui.fill(ui.text(state.orgUnit, Ui.SMALL)))
        state.status?.let { body.addView(ui.fill(status(it, state.completed))) }
        state.problemsTitle?.let { title ->
            body.addView(ui.fill(ui.error(title).apply { setTypeface(typeface, android.graphics.Typeface.BOLD) }))
            for (problem in state.problems) body.addView(ui.fill(problem(problem)))
        }
        periods.show(state)
        val width = resources.displayMetrics.widthPixels - gridHost.paddingLeft - gridHost.paddingRight
        grid.show(state.grid, state.columns, Grid.Words(state.totalLabel, state.columnShown), width)
        footer.removeAllViews()
        state.emptyCells?.let { footer.addView(ui.fill(ui.text(it, Ui.SMALL))) }
        if (state.canComplete) footer.addView(ui.fill(ui.button(state.completeLabel) { presenter.complete() }))
        state.jump?.takeIf { it.serial != jumped }?.let { jump ->
            jumped = jump.serial
            scroll.post { show(jump.field) }
        }
    }

    /** Completed (calm) or closed (a warning): why the report takes no values. */
    private fun status(text: String, completed: Boolean): View =
        ui.text(text, bold = true).apply {
            setPadding(ui.dp(8), ui.dp(8), ui.dp(8), ui.dp(8))
            setBackgroundColor(if (completed) COMPLETED_GROUND else Ui.BANNER)
            if (!completed) setTextColor(android.graphics.Color.BLACK)
        }

    /** A refusal: what and why, a 48 dp target that takes the user to its cell. */
    private fun problem(problem: ReportPresenter.Problem): View {
        val view = ui.column(ui.text(problem.title, bold = true))
        problem.detail?.let { view.addView(ui.error(it)) }
        view.setPadding(ui.dp(8), ui.dp(4), ui.dp(8), ui.dp(4))
        view.minimumHeight = ui.dp(Ui.TOUCH)
        view.setBackgroundColor(Ui.REFUSED_GROUND)
        view.layoutParams = LinearLayout.LayoutParams(ViewGroup.LayoutParams.MATCH_PARENT, ViewGroup.LayoutParams.WRAP_CONTENT).apply { topMargin = ui.dp(4) }
        problem.field?.let { field ->
            view.contentDescription = problem.title
            // The whole box takes the tap, its texts included.
            val go = View.OnClickListener { presenter.jump(field) }
            view.setOnClickListener(go)
            for (i in 0 until view.childCount) view.getChildAt(i).setOnClickListener(go)
        }
        return view
    }

    /** Scrolls to the cell [field] (its row's name in sight) and focuses it; the top when null. */
    private fun show(field: String?) {
        val cell = field?.let { grid.cell(it) }
        if (cell == null) {
            scroll.scrollTo(0, 0)
            return
        }
        val place = android.graphics.Rect()
        cell.getDrawingRect(place)
        scroll.offsetDescendantRectToMyCoords(cell, place)
        scroll.scrollTo(0, (place.top - ui.dp(ROW_NAME_ROOM)).coerceAtLeast(0))
        if (cell.isFocusable && cell.requestFocus()) {
            (getSystemService(Context.INPUT_METHOD_SERVICE) as InputMethodManager).showSoftInput(cell, InputMethodManager.SHOW_IMPLICIT)
        }
    }

    /** The period picker: the label, then the data set's periods (a closed one says why). */
    private fun periodPicker(): Spinner =
        Spinner(this, Spinner.MODE_DROPDOWN).apply {
            adapter = periods
            minimumHeight = ui.dp(Ui.TOUCH)
            onItemSelectedListener =
                object : AdapterView.OnItemSelectedListener {
                    override fun onItemSelected(parent: AdapterView<*>?, view: View?, position: Int, id: Long) {
                        periods.at(position)?.let { presenter.choosePeriod(it.id) }
                    }

                    override fun onNothingSelected(parent: AdapterView<*>?) {}
                }
        }

    /** The picker's periods: the chosen one with the label "Period"; each choice with why it is closed. */
    private inner class Periods : BaseAdapter() {
        private var shown: List<ReportPresenter.Period> = emptyList()
        private var label = ""

        fun show(state: ReportPresenter.State) {
            picker.contentDescription = state.periodLabel
            if (state.periods != shown || state.periodLabel != label) {
                shown = state.periods
                label = state.periodLabel
                notifyDataSetChanged()
            }
            picker.visibility = if (shown.isEmpty()) View.GONE else View.VISIBLE
            if (state.chosen >= 0 && picker.selectedItemPosition != state.chosen) picker.setSelection(state.chosen, false)
        }

        fun at(position: Int) = shown.getOrNull(position)

        override fun getCount() = shown.size

        override fun getItem(position: Int) = shown[position]

        override fun getItemId(position: Int) = position.toLong()

        /** The chosen period under the label, each on its full width (Khmer at the largest size wraps otherwise). */
        override fun getView(position: Int, convertView: View?, parent: ViewGroup): View =
            ui.column(ui.text(label, Ui.SMALL).apply { setPadding(0, 0, 0, 0) }, ui.text(shown[position].name, bold = true).apply { setPadding(0, 0, 0, ui.dp(4)) }).apply {
                minimumHeight = ui.dp(Ui.TOUCH)
            }

        override fun getDropDownView(position: Int, convertView: View?, parent: ViewGroup): View {
            val period = shown[position]
            val view = ui.column(ui.text(period.name, bold = period.closed == null))
            period.closed?.let { view.addView(ui.text(it, Ui.SMALL).apply { alpha = CLOSED_ALPHA }) }
            view.setPadding(ui.dp(12), ui.dp(4), ui.dp(12), ui.dp(4))
            view.minimumHeight = ui.dp(Ui.TOUCH)
            view.gravity = Gravity.CENTER_VERTICAL
            return view
        }
    }

    private companion object {
        const val KEPT = "org.phum.app.report.kept"
        const val ROW_NAME_ROOM = 72
        const val CLOSED_ALPHA = 0.7f
        val COMPLETED_GROUND = android.graphics.Color.rgb(0xE3, 0xF2, 0xE5)
    }
}
