// The launcher's presenter: where the app opens (Session.start, in the background: reopening the
// demo reads its database), and on the first run the language first (Khmer offered first), then
// a real account or training mode.
// Owns that choice. Does not own signing in (LoginPresenter) or the demo's data (the core's).
package org.phum.app.presenter

import org.phum.app.platform.KeyVaultException
import org.phum.core.PhumException

class FirstRunPresenter(private val session: Session) : Presenter<FirstRunPresenter.State>(State.of(session, null)) {
    data class State(
        val texts: Texts,
        /** The language is chosen: the screen offers the two ways in. */
        val languageChosen: Boolean,
        val busy: Boolean = false,
        val error: String? = null,
    ) {
        val welcome get() = texts("screen-first-run-welcome")
        val intro get() = texts("screen-first-run-intro")
        val chooseLanguage get() = texts("screen-first-run-choose-language")
        val khmer get() = texts("screen-settings-language-km")
        val english get() = texts("screen-settings-language-en")
        val signIn get() = texts("screen-first-run-sign-in")
        val training get() = texts("screen-first-run-training")
        val trainingHint get() = texts("screen-first-run-training-hint")

        companion object {
            fun of(session: Session, error: String?) =
                State(session.texts, languageChosen = session.preferences.language != null, error = error)
        }
    }

    /** Whether the app has been sent where it was left (once per presenter: not again on rotation). */
    private var started = false

    /** Goes where the app was left: the demo's home, the last account's login, or stays here. */
    override fun attached() {
        if (started) return
        started = true
        update(state.copy(busy = true))
        session.work.background {
            var next: Destination = Destination.FirstRun
            var error: String? = null
            try {
                next = session.start()
            } catch (e: PhumException) {
                error = session.texts.explain(e)
            } catch (e: KeyVaultException) {
                error = session.texts.explain(e)
            }
            session.work.onMain {
                update(State.of(session, error))
                if (next != Destination.FirstRun) {
                    navigator?.go(next)
                    navigator?.close()
                }
            }
        }
    }

    fun chooseLanguage(code: String) {
        val p = session.preferences
        session.changeSettings(code, p.khmerDigits, p.textSize)
        update(State.of(session, null))
    }

    /** Back to the language choice. */
    fun changeLanguage() = update(state.copy(languageChosen = false))

    fun signIn() = navigator?.go(Destination.Login)

    fun startTraining() {
        update(state.copy(busy = true, error = null))
        session.work.background {
            val error =
                try {
                    session.openDemo()
                    null
                } catch (e: PhumException) {
                    session.texts.explain(e)
                } catch (e: KeyVaultException) {
                    session.texts.explain(e)
                }
            session.work.onMain {
                update(State.of(session, error))
                if (error == null) navigator?.go(Destination.Home)
            }
        }
    }
}
