// The home screen: where the user works, what they can capture there, what waits and what was
// refused, the last sync and the sync button; settings in the header. Each program and report
// is a button into its capture screens.
package org.phum.app.ui

import org.phum.app.presenter.HomePresenter

class HomeActivity : Screen<HomePresenter.State, HomePresenter>() {
    override fun makePresenter() = HomePresenter(session)

    override fun title() = presenter.state.title

    override fun addHeaderButtons() {
        header.addView(ui.iconButton(android.R.drawable.ic_menu_preferences, presenter.state.settings) { presenter.openSettings() })
    }

    override fun render(state: HomePresenter.State) {
        state.workingIn?.let { working ->
            body.addView(ui.row(ui.fill(ui.text(working, bold = true), 1f), ui.button(state.change) { presenter.chooseOrgUnit() }))
        }
        state.error?.let { body.addView(ui.error(it)) }
        state.noPrograms?.let { body.addView(ui.text(it)) }
        if (state.programs.isNotEmpty()) {
            body.addView(ui.text(state.programsTitle, Ui.SMALL, bold = true))
            for (program in state.programs) {
                body.addView(ui.text(program.name, bold = true))
                program.entries.forEach { entry -> body.addView(ui.fill(ui.button(entry.label) { presenter.open(entry) })) }
            }
        }
        if (state.reports.isNotEmpty()) {
            body.addView(ui.text(state.reportsTitle, Ui.SMALL, bold = true))
            state.reports.forEach { entry -> body.addView(ui.fill(ui.button(entry.label) { presenter.open(entry) })) }
        }
        state.notSent?.let { body.addView(ui.text(it)) }
        // Tapping the refused count opens the sync screen: a full touch target, not a line of text.
        state.refused?.let { body.addView(ui.touchable(ui.error(it)).apply { setOnClickListener { presenter.openSync() } }) }
        state.lastSync?.let { body.addView(ui.text(it, Ui.SMALL)) }
        state.syncing?.let { body.addView(ui.text(it, Ui.SMALL)) }
        state.notice?.let { body.addView(ui.text(it)) }
        body.addView(ui.fill(ui.button(state.syncButton) { presenter.sync() }))
    }
}
