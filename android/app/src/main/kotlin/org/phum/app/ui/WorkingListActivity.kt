// The visits to make at a health centre: overdue or coming (a choice above the list), a village
// filter (a button opening the villages), how many are read of the whole list, each visit a card
// (name, village, the visit and when it was due, red when overdue) opening the person's
// dashboard, and "Show more" for the next page.
package org.phum.app.ui

import android.app.AlertDialog
import org.phum.app.presenter.DashboardPresenter.Tone
import org.phum.app.presenter.WorkingListPresenter
import org.phum.app.presenter.WorkingListPresenter.Kind

class WorkingListActivity : Screen<WorkingListPresenter.State, WorkingListPresenter>() {
    private val views by lazy { PeopleViews(ui) }
    private val controls by lazy { Controls(ui) }

    override fun makePresenter() = WorkingListPresenter(session, Screens.workingList(intent))

    override fun title() = presenter.state.title

    override fun render(state: WorkingListPresenter.State) {
        body.addView(controls.choice(state.overdueLabel, state.kind == Kind.OVERDUE) { presenter.show(Kind.OVERDUE) })
        body.addView(controls.choice(state.upcomingLabel, state.kind == Kind.UPCOMING) { presenter.show(Kind.UPCOMING) })
        if (state.villages.isNotEmpty()) {
            val chosen = state.villages.firstOrNull { it.uid == state.village }?.name ?: state.allVillages
            body.addView(ui.fill(ui.button("$chosen ▾") { chooseVillage(state) }))
        }
        state.error?.let { body.addView(ui.error(it)) }
        if (state.loading && state.read.isEmpty()) body.addView(ui.text(state.texts("screen-common-loading")))
        state.count?.let { body.addView(ui.text(it, Ui.SMALL)) }
        state.empty?.let { body.addView(ui.text(it)) }
        for (row in state.rows) {
            val card = views.card(ui.text(row.name, bold = true), onClick = { presenter.open(row) })
            row.village?.let { card.addView(ui.text(it, Ui.SMALL)) }
            card.addView(ui.text(row.visit))
            card.addView(views.toned(row.due, if (row.late) Tone.LATE else Tone.WAITING, Ui.SMALL))
            body.addView(card)
        }
        if (state.hasMore) body.addView(ui.fill(ui.button(state.more) { presenter.more() }))
    }

    private fun chooseVillage(state: WorkingListPresenter.State) {
        val names = listOf(state.allVillages) + state.villages.map { it.name }
        AlertDialog.Builder(this)
            .setItems(names.toTypedArray()) { _, which -> presenter.filter(state.villages.getOrNull(which - 1)?.uid) }
            .show()
    }
}
