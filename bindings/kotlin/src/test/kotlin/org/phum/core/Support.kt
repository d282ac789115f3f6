// What every test of the bindings shares: settings, database keys, the parts of an error that
// every PhumException variant carries, and a check that a text is Khmer.
package org.phum.core

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.assertThrows

/** The device's settings in `language` (`en` or `km`), Cambodia's time zone. */
fun settings(language: String = "en", khmerDigits: Boolean = false) =
    Settings(language = language, khmerDigits = khmerDigits, timeZone = "Asia/Phnom_Penh")

/** A database key as the shell keeps it: 64 hex digits (`seed` makes different keys). */
fun keyHex(seed: Int = 1): String = (0 until 32).joinToString("") { "%02x".format((it * 7 + seed) and 0xff) }

val PhumException.errorId: String
    get() = when (this) {
        is PhumException.Invalid -> id
        is PhumException.NotFound -> id
        is PhumException.Refused -> id
        is PhumException.Login -> id
        is PhumException.Network -> id
        is PhumException.Server -> id
        is PhumException.Storage -> id
        is PhumException.Cancelled -> id
        is PhumException.Internal -> id
    }

val PhumException.errorArgs: Map<String, String>
    get() = when (this) {
        is PhumException.Invalid -> args
        is PhumException.NotFound -> args
        is PhumException.Refused -> args
        is PhumException.Login -> args
        is PhumException.Network -> args
        is PhumException.Server -> args
        is PhumException.Storage -> args
        is PhumException.Cancelled -> args
        is PhumException.Internal -> args
    }

val PhumException.errorText: String
    get() = when (this) {
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

/** Whether `text` has a letter of the Khmer block (U+1780-U+17DD). */
fun hasKhmerLetters(text: String): Boolean = text.any { it in '\u1780'..'\u17DD' }

/**
 * Runs `call` once in English and once in Khmer: both must throw [E] with the same message id and
 * argument names and a text that is not empty, Khmer letters in the Khmer one only. Returns both.
 */
inline fun <reified E : PhumException> failsInBothLanguages(call: (Settings) -> Unit): Pair<E, E> {
    val english = assertThrows<E> { call(settings("en")) }
    val khmer = assertThrows<E> { call(settings("km")) }
    assertEquals(english.errorId, khmer.errorId, "the same message in both languages")
    assertTrue(english.errorId.isNotBlank())
    assertEquals(english.errorArgs.keys, khmer.errorArgs.keys)
    assertTrue(english.errorText.isNotBlank(), "English text of ${english.errorId}")
    assertTrue(!hasKhmerLetters(english.errorText), "English text: ${english.errorText}")
    assertTrue(hasKhmerLetters(khmer.errorText), "Khmer text: ${khmer.errorText}")
    assertNotEquals(english.errorText, khmer.errorText)
    return english to khmer
}

fun FormView.field(key: String): Field = fields.single { it.key == key }

fun FormUpdate.field(key: String): Field? = fields.singleOrNull { it.key == key }
