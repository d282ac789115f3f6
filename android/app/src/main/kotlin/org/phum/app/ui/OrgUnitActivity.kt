// The org unit picker: a search field that stays above the list (typing never re-makes it), and the matching org units as
// buttons (each at least 48 dp, named by its org unit for accessibility).
package org.phum.app.ui

import android.os.Bundle
import android.widget.EditText
import org.phum.app.R
import org.phum.app.presenter.OrgUnitPresenter

class OrgUnitActivity : Screen<OrgUnitPresenter.State, OrgUnitPresenter>() {
    private lateinit var search: EditText

    override fun makePresenter() = OrgUnitPresenter(session)

    override fun title() = presenter.state.title

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        search = ui.field(presenter.state.searchHint).apply { id = R.id.org_unit_search }
        search.onTyped { text -> presenter.search(text) }
        fixed.addView(ui.fill(search))
    }

    override fun render(state: OrgUnitPresenter.State) {
        state.error?.let { body.addView(ui.error(it)) }
        state.empty?.let { body.addView(ui.text(it)) }
        state.rows.forEach { row ->
            val label = if (row.within.isEmpty()) row.name else "${row.name}\n${row.within}"
            body.addView(
                ui.fill(
                    ui.button(label) { presenter.choose(row.uid) }.apply {
                        contentDescription = state.choose(row)
                        isSelected = row.chosen
                    },
                ),
            )
        }
    }
}
