// Finding a person or registering one: the search box stays above the results (typing never
// re-makes it), each person a card (name, Latin name, sex · age · village, last visit) that
// opens their dashboard, or for someone not enrolled in this program a card that enrolls them;
// the register button below.
package org.phum.app.ui

import android.os.Bundle
import android.widget.EditText
import org.phum.app.R
import org.phum.app.presenter.PeoplePresenter

class PeopleActivity : Screen<PeoplePresenter.State, PeoplePresenter>() {
    private lateinit var search: EditText
    private lateinit var views: PeopleViews

    override fun makePresenter() = PeoplePresenter(session, Screens.people(intent))

    override fun title() = presenter.state.title

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        views = PeopleViews(ui)
        search = ui.field(presenter.state.hint).apply { id = R.id.people_search }
        search.onTyped { text -> presenter.search(text) }
        fixed.addView(ui.fill(search))
    }

    override fun render(state: PeoplePresenter.State) {
        state.error?.let { body.addView(ui.error(it)) }
        state.status?.let { body.addView(ui.text(it, Ui.SMALL)) }
        for (result in state.results) body.addView(card(state, result))
        body.addView(ui.fill(ui.button(state.register) { presenter.register() }))
    }

    private fun card(state: PeoplePresenter.State, result: PeoplePresenter.Result) =
        views.card(onClick = { presenter.open(result) }).apply {
            addView(ui.text(result.name, bold = true))
            result.others?.let { addView(ui.text(it, Ui.SMALL)) }
            result.details?.let { addView(ui.text(it, Ui.SMALL)) }
            result.lastVisit?.let { addView(ui.text(it, Ui.SMALL)) }
            if (result.enrollment == null) {
                addView(ui.text(state.notEnrolled(), Ui.SMALL))
                addView(ui.fill(ui.button(state.enroll()) { presenter.open(result) }))
            }
        }
}
