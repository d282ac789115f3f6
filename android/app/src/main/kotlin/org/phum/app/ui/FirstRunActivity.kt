// The first-run screen (the launcher): its presenter sends an open demo or a remembered account
// straight on; otherwise the language, then the way in.
package org.phum.app.ui

import org.phum.app.presenter.FirstRunPresenter

class FirstRunActivity : Screen<FirstRunPresenter.State, FirstRunPresenter>() {
    override fun makePresenter() = FirstRunPresenter(session)

    override fun title() = presenter.state.welcome

    override fun render(state: FirstRunPresenter.State) {
        body.addView(ui.text(state.intro))
        if (!state.languageChosen) {
            body.addView(ui.text(state.chooseLanguage, bold = true))
            body.addView(ui.fill(ui.button(state.khmer) { presenter.chooseLanguage("km") }))
            body.addView(ui.fill(ui.button(state.english) { presenter.chooseLanguage("en") }))
            return
        }
        body.addView(ui.fill(ui.button(state.signIn) { presenter.signIn() }))
        body.addView(ui.fill(ui.button(state.training) { presenter.startTraining() }.apply { isEnabled = !state.busy }))
        body.addView(ui.text(state.trainingHint, Ui.SMALL))
        state.error?.let { body.addView(ui.error(it)) }
        body.addView(ui.fill(ui.button(state.chooseLanguage) { presenter.changeLanguage() }))
    }
}
