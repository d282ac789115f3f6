// The login screen: server address, username, password; one button that signs in online, or
// offline when the network failed and the phone has signed in with this account before (the
// core decides, and says why it refused: wrong password, unreachable, not a DHIS2 server, plain
// http). After the first sign-in the forms and org units are not on the phone yet: the first
// sync starts and the sync screen shows it.
package org.phum.app.presenter

import org.phum.app.platform.KeyVaultException
import org.phum.core.PhumException

class LoginPresenter(private val session: Session) : Presenter<LoginPresenter.State>(State.initial(session)) {
    data class State(
        val texts: Texts,
        val serverUrl: String,
        val username: String,
        val busy: Boolean = false,
        val error: String? = null,
        /** This account can sign in without the network (it signed in online here before). */
        val offlinePossible: Boolean = false,
    ) {
        val title get() = texts("screen-login-title")
        val serverLabel get() = texts("screen-login-server-url")
        val serverHint get() = texts("screen-login-server-url-hint")
        val usernameLabel get() = texts("screen-login-username")
        val passwordLabel get() = texts("screen-login-password")
        val showPassword get() = texts("screen-login-show-password")
        val button get() = texts(if (busy) "screen-login-signing-in" else "screen-login-sign-in")
        val offlineHint get() = if (offlinePossible) texts("screen-login-offline-hint") else null
        val firstDownload get() = texts("screen-login-first-download")
        val otherAccount get() = texts("screen-login-other-account")

        companion object {
            fun initial(session: Session): State {
                val p = session.preferences
                return State(session.texts, p.serverUrl ?: "", p.username ?: "")
            }
        }
    }

    /** Whether the remembered account can sign in offline (read in the background). */
    override fun attached() {
        val (url, user) = state.serverUrl to state.username
        if (url.isEmpty() || user.isEmpty()) return
        session.work.background {
            val possible = session.hasSignedInBefore(url, user)
            session.work.onMain { if (state.serverUrl == url) update(state.copy(offlinePossible = possible)) }
        }
    }

    fun signIn(serverUrl: String, username: String, password: String) {
        if (state.busy) return
        if (serverUrl.isBlank() || username.isBlank() || password.isEmpty()) {
            update(state.copy(serverUrl = serverUrl, username = username, error = state.texts("screen-login-missing-fields")))
            return
        }
        update(state.copy(serverUrl = serverUrl, username = username, busy = true, error = null))
        session.work.background {
            val outcome: Any =
                try {
                    session.signIn(serverUrl, username, password)
                    // Never synced: the forms and org units come with the first sync.
                    session.app?.syncStatus()?.lastSync == null
                } catch (e: PhumException) {
                    session.texts.explain(e)
                } catch (e: KeyVaultException) {
                    session.texts.explain(e)
                }
            session.work.onMain {
                when (outcome) {
                    is String -> update(state.copy(busy = false, error = outcome))
                    true -> {
                        update(state.copy(busy = false))
                        session.sync.start()
                        navigator?.go(Destination.Home)
                        navigator?.go(Destination.Sync)
                    }
                    else -> {
                        update(state.copy(busy = false))
                        navigator?.go(Destination.Home)
                    }
                }
            }
        }
    }

    /** Another account: empty fields, no offline sign-in to offer. */
    fun otherAccount() = update(state.copy(serverUrl = "", username = "", error = null, offlinePossible = false))
}
