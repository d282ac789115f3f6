// The database keys' guard on a phone: an AES-256-GCM key made inside the Android Keystore on
// first use (it never leaves it; on phones with secure hardware, never the hardware either), which
// wraps and unwraps the random SQLCipher keys that DatabaseKeys keeps in the preferences.
//
// A wrapped key is [iv length: 1 byte][iv][ciphertext with GCM's 16-byte tag]. Every failure of
// the platform (no keystore, a key lost after a lock-screen reset, a damaged or foreign blob) is a
// KeyVaultException with the platform's exception as its cause; the screens say
// "screen-common-key-unavailable". Owns the Keystore key and the blob's layout. Does not own the
// database keys themselves (platform.DatabaseKeys).
package org.phum.app.android

import android.security.keystore.KeyGenParameterSpec
import android.security.keystore.KeyProperties
import java.io.IOException
import java.security.GeneralSecurityException
import java.security.KeyStore
import javax.crypto.Cipher
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec
import org.phum.app.platform.KeyVault
import org.phum.app.platform.KeyVaultException

class KeystoreVault(private val alias: String = ALIAS) : KeyVault {
    override fun wrap(secret: ByteArray): ByteArray =
        guarded("wrap") {
            val cipher = Cipher.getInstance(TRANSFORMATION)
            cipher.init(Cipher.ENCRYPT_MODE, key())
            val iv = cipher.iv
            val sealed = cipher.doFinal(secret)
            byteArrayOf(iv.size.toByte()) + iv + sealed
        }

    override fun unwrap(wrapped: ByteArray): ByteArray {
        if (wrapped.isEmpty()) throw KeyVaultException("an empty wrapped key")
        val ivLength = wrapped[0].toInt() and 0xff
        if (ivLength == 0 || wrapped.size < 1 + ivLength + TAG_BITS / 8) {
            throw KeyVaultException("a wrapped key too short for its IV ($ivLength bytes) and tag")
        }
        val iv = wrapped.copyOfRange(1, 1 + ivLength)
        return guarded("unwrap") {
            val cipher = Cipher.getInstance(TRANSFORMATION)
            cipher.init(Cipher.DECRYPT_MODE, existingKey(), GCMParameterSpec(TAG_BITS, iv))
            cipher.doFinal(wrapped, 1 + ivLength, wrapped.size - 1 - ivLength)
        }
    }

    /** The wrapping key, made in the Keystore the first time. */
    private fun key(): SecretKey = findKey() ?: makeKey()

    /** The wrapping key, which must exist to unwrap: without it the wrapped keys are lost. */
    private fun existingKey(): SecretKey = findKey() ?: throw KeyVaultException("the key store has no key $alias")

    private fun findKey(): SecretKey? {
        val store = KeyStore.getInstance(KEYSTORE).apply { load(null) }
        return (store.getEntry(alias, null) as? KeyStore.SecretKeyEntry)?.secretKey
    }

    private fun makeKey(): SecretKey {
        val generator = KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, KEYSTORE)
        generator.init(
            KeyGenParameterSpec.Builder(alias, KeyProperties.PURPOSE_ENCRYPT or KeyProperties.PURPOSE_DECRYPT)
                .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
                .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
                .setKeySize(KEY_BITS)
                .build(),
        )
        return generator.generateKey()
    }

    /** Runs [action], turning what the platform throws into a [KeyVaultException]. */
    private fun <T> guarded(action: String, block: () -> T): T =
        try {
            block()
        } catch (e: KeyVaultException) {
            throw e
        } catch (e: GeneralSecurityException) {
            throw KeyVaultException("the key store could not $action the database key", e)
        } catch (e: IOException) {
            throw KeyVaultException("the key store could not be read to $action the database key", e)
        } catch (e: RuntimeException) {
            // The Keystore also throws ProviderException, IllegalStateException and the like.
            throw KeyVaultException("the key store failed to $action the database key", e)
        }

    companion object {
        const val ALIAS = "phum-db-key-wrap"
        private const val KEYSTORE = "AndroidKeyStore"
        private const val TRANSFORMATION = "AES/GCM/NoPadding"
        private const val KEY_BITS = 256
        private const val TAG_BITS = 128
    }
}
