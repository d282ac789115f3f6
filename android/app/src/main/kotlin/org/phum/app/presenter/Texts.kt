// The screens' words: every text a screen shows comes from the core's catalogue through the
// bindings' screenText, in the reader's language and digits. Owns the Kotlin side of asking
// (argument types); the catalogue (locales/*/screen.ftl) owns what the texts say.
package org.phum.app.presenter

import org.phum.app.platform.KeyVaultException
import org.phum.core.PhumException
import org.phum.core.SyncStatus
import org.phum.core.TextArg
import org.phum.core.screenText

/** A date argument, as ISO `2026-12-05` (the catalogue writes it as the language does). */
data class DateArg(val iso: String)

class Texts(val language: String, val khmerDigits: Boolean) {
    /** The text [id] with [args]: numbers, [DateArg]s, anything else as text. */
    operator fun invoke(id: String, vararg args: Pair<String, Any>): String =
        screenText(language, khmerDigits, id, args.map { (name, value) -> arg(name, value) })

    private fun arg(name: String, value: Any): TextArg =
        when (value) {
            is Number -> TextArg.Number(name, value.toDouble())
            is ULong -> TextArg.Number(name, value.toDouble())
            is UInt -> TextArg.Number(name, value.toDouble())
            is DateArg -> TextArg.Date(name, value.iso)
            else -> TextArg.Text(name, value.toString())
        }

    /**
     * What went wrong, for the user: the core's errors say it themselves; a key the platform
     * would not unwrap gets the screen text for it. Anything else is a defect and is thrown on.
     */
    fun explain(error: Exception): String =
        when (error) {
            is PhumException -> error.said
            is KeyVaultException -> this("screen-common-key-unavailable")
            else -> throw error
        }

    companion object {
        /** Khmer first: the language the app speaks until the user chooses. */
        val FIRST = Texts("km", khmerDigits = false)
    }
}

/** What an error of the core says, in the language it was raised in. */
val PhumException.said: String
    get() =
        when (this) {
            is PhumException.Invalid -> text
            is PhumException.NotFound -> text
            is PhumException.Refused -> text
            is PhumException.Login -> text
            is PhumException.Network -> text
            is PhumException.Server -> text
            is PhumException.Storage -> text
            is PhumException.Cancelled -> text
            is PhumException.Internal -> text
        }

/** "Last sync: 5 Dec 2026" (the date part of the core's timestamp), or "Not synced yet". */
fun Texts.lastSync(status: SyncStatus): String =
    status.lastSync?.let { this("screen-sync-last", "date" to DateArg(it.take(ISO_DATE_LENGTH))) } ?: this("screen-sync-never")

/** A running sync's phase and how far it is: "Sending: 3 of 12", or "Syncing…" before a phase reports. */
fun Texts.syncProgress(sync: SyncState): String? =
    (sync as? SyncState.Running)?.let {
        when {
            it.phase.isEmpty() -> this("screen-sync-running")
            it.total == 0uL -> it.phase
            else -> this("screen-sync-progress", "phase" to it.phase, "done" to it.done, "total" to it.total)
        }
    }

/** `2026-12-05` of `2026-12-05T08:30:00+07:00`. */
private const val ISO_DATE_LENGTH = 10
