// The settings screen: language, Khmer digits and text size (applied at once through the
// Session: the open screen says everything again in the new setting), the account and signing
// out (warned with the count of records not yet sent), or in training mode resetting the
// practice data and leaving; the app's version.
//
// A question that needs a yes (sign out, reset) is part of the state ([State.confirm]): the
// screen shows it as a dialog, and a rotation shows it again.
//
// Owns what the settings screen shows and asks. Does not own the settings' storage (the
// Session's preferences) or the rules of signing out (the core refuses while records wait unless
// the user agreed).
package org.phum.app.presenter

import org.phum.app.platform.TextSize
import org.phum.core.PhumException

class SettingsPresenter(private val session: Session, private val version: String?) :
    Presenter<SettingsPresenter.State>(State.of(session, version)) {
    /** A question before an action that cannot be undone. */
    sealed class Confirm {
        abstract val question: String
        abstract val yes: String

        data class SignOut(override val question: String, override val yes: String, val unsent: ULong) : Confirm()

        data class ResetDemo(override val question: String, override val yes: String) : Confirm()
    }

    data class State(
        val texts: Texts,
        val language: String,
        val khmerDigits: Boolean,
        val textSize: TextSize,
        val demo: Boolean,
        /** "Signed in as … on …", for an account. */
        val account: String?,
        /** The app's version as its package names it; null when the package names none. */
        val version: String?,
        val confirm: Confirm? = null,
        val busy: Boolean = false,
        /** What happened (the practice data was reset). */
        val notice: String? = null,
        val error: String? = null,
    ) {
        val title get() = texts("screen-settings-title")
        val languageTitle get() = texts("screen-settings-language")
        val khmer get() = texts("screen-settings-language-km")
        val english get() = texts("screen-settings-language-en")
        val khmerDigitsLabel get() = texts("screen-settings-khmer-digits")
        val khmerDigitsHint get() = texts("screen-settings-khmer-digits-hint")
        val textSizeTitle get() = texts("screen-settings-text-size")
        val textSizes: List<Pair<TextSize, String>> get() = TextSize.entries.map { it to texts(it.textId) }
        val accountTitle get() = texts("screen-settings-account")
        val signOut get() = texts("screen-settings-sign-out")
        val resetDemo get() = texts("screen-demo-reset")
        val leaveDemo get() = texts("screen-demo-leave")
        val cancel get() = texts("screen-common-cancel")
        val versionText get() = version?.let { texts("screen-settings-version", "version" to it) }

        companion object {
            fun of(session: Session, version: String?): State {
                val account = session.app?.account()
                val p = session.preferences
                return State(
                    texts = session.texts,
                    language = session.texts.language,
                    khmerDigits = p.khmerDigits,
                    textSize = p.textSize,
                    demo = account?.demo == true,
                    account =
                        account?.takeIf { !it.demo }?.let {
                            session.texts("screen-settings-signed-in-as", "username" to it.username, "server" to it.serverUrl)
                        },
                    version = version,
                )
            }
        }
    }

    fun chooseLanguage(code: String) = change(code, state.khmerDigits, state.textSize)

    fun setKhmerDigits(on: Boolean) = change(state.language, on, state.textSize)

    fun chooseTextSize(size: TextSize) = change(state.language, state.khmerDigits, size)

    /** Asks first, saying how many records are not yet sent. */
    fun signOut() {
        val app = session.app ?: return
        session.work.background {
            val unsent: Result<ULong> =
                try {
                    Result.success(app.syncStatus().let { it.waiting + it.refused })
                } catch (e: PhumException) {
                    Result.failure(e)
                }
            session.work.onMain {
                unsent.fold(
                    { count ->
                        val t = state.texts
                        val question = Confirm.SignOut(t("screen-settings-sign-out-confirm", "count" to count), t("screen-settings-sign-out"), count)
                        update(state.copy(confirm = question, error = null))
                    },
                    { e -> update(state.copy(error = (e as PhumException).said)) },
                )
            }
        }
    }

    fun resetDemo() {
        val t = state.texts
        update(state.copy(confirm = Confirm.ResetDemo(t("screen-demo-reset-confirm"), t("screen-demo-reset")), notice = null, error = null))
    }

    /** The user said no (or dismissed the question). */
    fun dismiss() = update(state.copy(confirm = null))

    /** The user said yes to [State.confirm]. */
    fun confirm() {
        when (val question = state.confirm) {
            is Confirm.SignOut -> signOutNow(question.unsent)
            is Confirm.ResetDemo -> resetNow()
            null -> {}
        }
    }

    fun leaveDemo() {
        session.leaveDemo()
        navigator?.go(Destination.FirstRun)
    }

    private fun signOutNow(unsent: ULong) {
        update(state.copy(confirm = null, busy = true))
        session.work.background {
            val error =
                try {
                    session.signOut(discardUnsent = unsent > 0uL)
                    null
                } catch (e: PhumException) {
                    e.said
                }
            session.work.onMain {
                update(state.copy(busy = false, error = error))
                if (error == null) navigator?.go(Destination.FirstRun)
            }
        }
    }

    private fun resetNow() {
        val app = session.app ?: return
        update(state.copy(confirm = null, busy = true))
        session.work.background {
            val error =
                try {
                    app.resetDemo()
                    null
                } catch (e: PhumException) {
                    e.said
                }
            session.work.onMain {
                update(state.copy(busy = false, error = error, notice = if (error == null) state.texts("screen-demo-reset-done") else null))
            }
        }
    }

    /** Applies the settings everywhere (an open screen rebuilds itself in them). */
    private fun change(language: String, khmerDigits: Boolean, textSize: TextSize) {
        try {
            session.changeSettings(language, khmerDigits, textSize)
        } catch (e: PhumException) {
            update(state.copy(error = e.said))
            return
        }
        update(State.of(session, version))
    }
}
