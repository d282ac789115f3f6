// A person's enrollment: who they are, what the rules say, the next visit as the prominent
// button, then every stage as a card line (given ✓ on its date in green, overdue in red,
// scheduled, skipped), each visit that took place a button opening it, a stage that can take a
// visit out of turn its own button; edit details and the
// enrollment's actions below, each action asked first in a dialog.
package org.phum.app.ui

import android.app.AlertDialog
import org.phum.app.presenter.DashboardPresenter

class DashboardActivity : Screen<DashboardPresenter.State, DashboardPresenter>() {
    private val views by lazy { PeopleViews(ui) }
    private var question: AlertDialog? = null

    override fun makePresenter() = DashboardPresenter(session, Screens.dashboard(intent))

    override fun title() = presenter.state.title

    override fun render(state: DashboardPresenter.State) {
        if (state.loading && state.board == null) body.addView(ui.text(state.texts("screen-common-loading")))
        state.error?.let { body.addView(ui.error(it)) }
        state.others?.let { body.addView(ui.text(it, Ui.SMALL)) }
        state.details?.let { body.addView(ui.text(it)) }
        state.enrolled?.let { body.addView(ui.text(it, Ui.SMALL)) }
        for (message in state.messages) body.addView(ui.fill(views.ruleMessage(message.text, message.error)))
        state.next?.let { next -> body.addView(ui.fill(ui.button(next.label) { presenter.openNext() }.apply { setTypeface(typeface, android.graphics.Typeface.BOLD) })) }
        for (stage in state.stages) {
            val card = views.card(ui.text(stage.name, bold = true))
            for (visit in stage.visits) {
                card.addView(ui.fill(ui.button(visit.text) { presenter.openVisit(visit.event) }.apply { if (visit.tone == DashboardPresenter.Tone.DONE) setTextColor(PeopleViews.DONE) }))
            }
            stage.waiting?.let { card.addView(views.toned(it, stage.tone)) }
            stage.add?.let { add -> card.addView(ui.fill(ui.button(add.label) { presenter.open(add) })) }
            body.addView(card)
        }
        if (state.board != null) {
            body.addView(ui.fill(ui.button(state.editDetails) { presenter.editDetails() }))
            for (action in state.actions) body.addView(ui.fill(ui.button(state.label(action)) { presenter.ask(action) }))
        }
        ask(state)
    }

    /** Shows the question of the action asked about, once; closes it when none is. */
    private fun ask(state: DashboardPresenter.State) {
        val action = state.asking
        if (action == null) {
            question?.dismiss()
            question = null
            return
        }
        if (question?.isShowing == true) return
        question =
            views.ask(state.question(action), state.label(action), state.texts("screen-common-no"), { presenter.confirm() }, { presenter.dismiss() })
                .also { it.show() }
    }

    override fun onStop() {
        question?.dismiss()
        question = null
        super.onStop()
    }
}
