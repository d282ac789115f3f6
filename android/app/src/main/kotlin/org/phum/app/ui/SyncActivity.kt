// The sync screen: renders SyncPresenter's state (progress, the summary or the failure, the last
// sync, the refused records with a button each that opens the record) and forwards the buttons.
// It hears the process's sync only while shown; the sync itself goes on without it.
package org.phum.app.ui

import android.widget.ProgressBar
import org.phum.app.presenter.SyncPresenter
import org.phum.app.presenter.SyncState

class SyncActivity : Screen<SyncPresenter.State, SyncPresenter>() {
    override fun makePresenter() = SyncPresenter(session)

    override fun title() = presenter.state.title

    override fun render(state: SyncPresenter.State) {
        state.lastSync?.let { body.addView(ui.text(it)) }
        if (state.running) {
            state.progress?.let { body.addView(ui.text(it)) }
            body.addView(ui.fill(progressBar(state.sync as? SyncState.Running)))
            body.addView(ui.fill(ui.button(state.cancel) { presenter.cancel() }))
        } else {
            body.addView(ui.fill(ui.button(state.syncNow) { presenter.syncNow() }))
        }
        state.notice?.let { body.addView(ui.text(it, bold = true)) }
        state.summary?.let { body.addView(ui.text(it)) }
        state.failure?.let { body.addView(ui.error(it)) }
        state.error?.let { body.addView(ui.error(it)) }
        if (state.issues.isNotEmpty()) {
            body.addView(ui.text(state.rejectedTitle, bold = true).apply { setPadding(0, ui.dp(16), 0, ui.dp(4)) })
            for (issue in state.issues) {
                val reason = if (issue.refused) ui.error(issue.text) else ui.text(issue.text)
                val open = ui.button(state.open) { presenter.open(issue) }
                body.addView(ui.fill(ui.row(ui.fill(reason, 1f), open)))
            }
            body.addView(ui.text(state.fixHint, Ui.SMALL))
        }
        state.allSent?.let { body.addView(ui.text(it)) }
    }

    /** Done of total, or turning while the phase has no count yet. */
    private fun progressBar(running: SyncState.Running?): ProgressBar =
        ProgressBar(this, null, android.R.attr.progressBarStyleHorizontal).apply {
            val total = running?.total ?: 0uL
            isIndeterminate = total == 0uL
            if (running != null && total > 0uL) {
                max = total.coerceAtMost(Int.MAX_VALUE.toULong()).toInt()
                progress = running.done.coerceAtMost(total).toInt()
            }
        }
}
