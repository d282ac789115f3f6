// The app's one session, for the whole process: the open account or demo (the core's App), the
// user's settings, the database keys and the sync runner. Screens come and go (rotation, process
// death); the session stays, so a running sync and a sign-in survive a screen being recreated.
//
// Flow: [start] says where the app opens (first run, the login of the last account, or the
// demo's home); [openDemo] and [signIn] open an App; [changeSettings] applies language, digits
// and text size everywhere at once; [signOut] and [leaveDemo] close it.
//
// Owns which App is open and the settings. Does not own sign-in rules, sync or storage (the
// core's), nor how anything is shown (the presenters and ui). No android.* here.
package org.phum.app.presenter

import org.phum.app.platform.AppPreferences
import org.phum.app.platform.DatabaseKeys
import org.phum.app.platform.KeyVault
import org.phum.app.platform.Mode
import org.phum.app.platform.Preferences
import org.phum.app.platform.SyncScheduler
import org.phum.app.platform.TextSize
import org.phum.app.platform.Work
import org.phum.core.App
import org.phum.core.Settings
import org.phum.core.SignedIn

class Session(
    preferences: Preferences,
    vault: KeyVault,
    val work: Work,
    val scheduler: SyncScheduler,
    /** The app's private folder: the demo and the accounts' databases live under it. */
    private val folder: String,
    /** The phone's IANA time zone (`Asia/Phnom_Penh`). */
    private val timeZone: () -> String,
) {
    val preferences = AppPreferences(preferences)
    private val keys = DatabaseKeys(this.preferences, vault)
    private val listeners = mutableListOf<() -> Unit>()

    /** The open account or demo. */
    var app: App? = null
        private set

    /** Signed in during this process (the core keeps the password in memory only). */
    var signedIn: SignedIn? = null
        private set

    val sync = SyncRunner(work) { app }

    val texts: Texts
        get() = Texts(preferences.language ?: Texts.FIRST.language, preferences.khmerDigits)

    val textSize: TextSize
        get() = preferences.textSize

    val demo: Boolean
        get() = app?.account()?.demo == true

    /** Where the app opens: opens the demo again if it was in training mode. */
    fun start(): Destination {
        if (app != null) return if (signedIn != null || demo) Destination.Home else Destination.Login
        return when (preferences.mode) {
            Mode.NONE -> Destination.FirstRun
            Mode.ACCOUNT -> Destination.Login
            Mode.DEMO -> {
                openDemo()
                Destination.Home
            }
        }
    }

    /** Today in the phone's time zone, ISO (`2026-12-05`): the date a new visit is made on. */
    fun today(): String = java.time.LocalDate.now(java.time.ZoneId.of(timeZone())).toString()

    fun settings() = Settings(preferences.language ?: Texts.FIRST.language, preferences.khmerDigits, timeZone())

    /** Opens the demo (made the first time); throws the core's [org.phum.core.PhumException]. */
    fun openDemo() {
        replace(App.openDemo("$folder/demo", keys.keyHex(DatabaseKeys.DEMO), settings()))
        preferences.mode = Mode.DEMO
    }

    /**
     * Opens the account of [username] on [serverUrl] and signs in (online, or offline when the
     * network failed and the phone has signed in before). The account stays the remembered one
     * only when the sign-in succeeds.
     */
    fun signIn(serverUrl: String, username: String, password: String): SignedIn {
        val account = DatabaseKeys.accountName(serverUrl, username)
        val opened = App.openAccount("$folder/accounts", serverUrl, username, keys.keyHex(account), settings())
        val signed =
            try {
                opened.login(password)
            } catch (e: Exception) {
                opened.close()
                throw e
            }
        replace(opened)
        signedIn = signed
        preferences.mode = Mode.ACCOUNT
        preferences.serverUrl = serverUrl.trim()
        preferences.username = username.trim()
        scheduler.schedule()
        return signed
    }

    /** Whether the remembered account has signed in online on this phone before. */
    fun hasSignedInBefore(serverUrl: String, username: String): Boolean =
        try {
            App.openAccount(
                "$folder/accounts", serverUrl, username,
                keys.keyHex(DatabaseKeys.accountName(serverUrl, username)), settings(),
            ).use { it.hasSignedInBefore() }
        } catch (e: Exception) {
            false
        }

    /** Applies language, digits and text size to the open App and every screen. */
    fun changeSettings(language: String, khmerDigits: Boolean, textSize: TextSize) {
        val settings = Settings(language, khmerDigits, timeZone())
        app?.setSettings(settings)
        preferences.language = language
        preferences.khmerDigits = khmerDigits
        preferences.textSize = textSize
        listeners.toList().forEach { it() }
    }

    /** Signs out of the account; [discardUnsent] when the user agreed to leave unsent records. */
    fun signOut(discardUnsent: Boolean) {
        app?.logout(discardUnsent)
        close()
        preferences.mode = Mode.NONE
        scheduler.cancel()
    }

    /** Closes the demo and goes back to the first run. */
    fun leaveDemo() {
        close()
        preferences.mode = Mode.NONE
    }

    fun addListener(listener: () -> Unit) {
        listeners += listener
    }

    fun removeListener(listener: () -> Unit) {
        listeners -= listener
    }

    private fun replace(opened: App) {
        close()
        app = opened
    }

    private fun close() {
        sync.cancel()
        app?.close()
        app = null
        signedIn = null
    }
}
