// The read-only view of a record the server refused: renders RecordPresenter's state, the field
// the server named highlighted with the reason, and scrolls to it.
package org.phum.app.ui

import android.view.View
import android.widget.ScrollView
import org.phum.app.presenter.RecordPresenter

class RecordActivity : Screen<RecordPresenter.State, RecordPresenter>() {
    override fun makePresenter() = RecordPresenter(session, Screens.record(intent))

    override fun title() = presenter.state.title

    override fun render(state: RecordPresenter.State) {
        if (state.loading) body.addView(ui.text(state.texts("screen-common-loading")))
        state.error?.let { body.addView(ui.error(it)) }
        state.heading?.let { body.addView(ui.text(it, bold = true)) }
        for (part in state.keyParts) body.addView(ui.text(part, Ui.SMALL))
        for (reason in state.otherReasons) body.addView(ui.error(reason))
        var marked: View? = null
        for (row in state.rows) {
            val view = field(state, row)
            body.addView(ui.fill(view))
            if (row.refusal != null) marked = view
        }
        marked?.let { target -> body.post { (body.parent as? ScrollView)?.scrollTo(0, target.top) } }
    }

    /** A field's label above its value; the refused one on a tinted ground with the reason. */
    private fun field(state: RecordPresenter.State, row: RecordPresenter.Row): View {
        val column = ui.column(ui.text(row.label, Ui.SMALL, bold = true), ui.text(row.shown))
        column.setPadding(ui.dp(8), ui.dp(4), ui.dp(8), ui.dp(4))
        if (row.refusal != null) {
            column.setBackgroundColor(Ui.REFUSED_GROUND)
            column.addView(ui.error(state.refusedHere).apply { setTypeface(typeface, android.graphics.Typeface.BOLD) })
            if (row.refusal.isNotEmpty()) column.addView(ui.error(row.refusal))
        }
        return column
    }
}
