// The database keys: each account (and the demo) has a random 256-bit SQLCipher key, kept only
// wrapped by a key the platform guards (the Android Keystore: org.phum.app.android.KeystoreVault;
// a test double on the JVM). The key in clear lives in memory only while the App is open.
// Owns making, wrapping and unwrapping keys. Does not own the cipher (the platform's) or the
// database (the core's).
package org.phum.app.platform

import java.security.SecureRandom

/** Wraps and unwraps secrets with a key that never leaves the platform's guard. */
interface KeyVault {
    /** [secret] encrypted; throws [KeyVaultException] when the platform refuses. */
    fun wrap(secret: ByteArray): ByteArray

    /** The secret [wrap] was given; throws [KeyVaultException] when it cannot be recovered. */
    fun unwrap(wrapped: ByteArray): ByteArray
}

class KeyVaultException(message: String, cause: Throwable? = null) : Exception(message, cause)

class DatabaseKeys(
    private val preferences: AppPreferences,
    private val vault: KeyVault,
    private val random: SecureRandom = SecureRandom(),
) {
    /**
     * The key of [account] as 64 hex digits (what the core takes): unwrapped from the
     * preferences, or made now and stored wrapped the first time.
     */
    fun keyHex(account: String): String {
        val stored = preferences.wrappedKey(account)
        if (stored != null) return hex(vault.unwrap(unhex(stored)))
        val key = ByteArray(KEY_BYTES).also(random::nextBytes)
        preferences.putWrappedKey(account, hex(vault.wrap(key)))
        return hex(key)
    }

    companion object {
        const val KEY_BYTES = 32
        const val DEMO = "demo"

        /** The name an account's key is stored under. */
        fun accountName(serverUrl: String, username: String) = "${serverUrl.trim()}|${username.trim()}"

        fun hex(bytes: ByteArray): String = bytes.joinToString("") { "%02x".format(it) }

        fun unhex(text: String): ByteArray {
            if (text.length % 2 != 0) throw KeyVaultException("a wrapped key of odd length")
            return ByteArray(text.length / 2) { i ->
                text.substring(2 * i, 2 * i + 2).toIntOrNull(16)?.toByte()
                    ?: throw KeyVaultException("a wrapped key that is not hexadecimal")
            }
        }
    }
}
