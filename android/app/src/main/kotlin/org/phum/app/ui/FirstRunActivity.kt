// The first-run screen (the launcher): where the app opens decides which screen follows, so an
// open demo or a remembered account goes straight on; otherwise the language, then the way in.
package org.phum.app.ui

import android.os.Bundle
import org.phum.app.presenter.Destination
import org.phum.app.presenter.FirstRunPresenter
import org.phum.core.PhumException

class FirstRunActivity : Screen<FirstRunPresenter.State, FirstRunPresenter>() {
    override fun makePresenter() = FirstRunPresenter(session)

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        if (savedInstanceState == null) {
            val start =
                try {
                    session.start()
                } catch (e: PhumException) {
                    Destination.FirstRun
                }
            if (start != Destination.FirstRun) {
                go(start)
                finish()
            }
        }
    }

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
