// Test doubles of the platform: preferences in memory, a key vault that really transforms the
// key (so a test can see it is never stored in clear) without the Android Keystore, a scheduler
// that records what it was asked, and a Session on them over a temporary folder.
package org.phum.app.testing

import java.io.File
import java.nio.file.Files
import org.phum.app.platform.ImmediateWork
import org.phum.app.platform.KeyVault
import org.phum.app.platform.KeyVaultException
import org.phum.app.platform.Preferences
import org.phum.app.platform.SyncScheduler
import org.phum.app.platform.Work
import org.phum.app.presenter.Session

class MemoryPreferences : Preferences {
    val values = linkedMapOf<String, String>()

    override fun string(key: String): String? = values[key]

    override fun put(key: String, value: String?) {
        if (value == null) values.remove(key) else values[key] = value
    }
}

/** XORs with a fixed pad and prefixes a marker; refuses anything it did not wrap. */
class TestVault(var refuse: Boolean = false) : KeyVault {
    override fun wrap(secret: ByteArray): ByteArray {
        if (refuse) throw KeyVaultException("the test vault refuses")
        return MARK + secret.mapIndexed { i, b -> (b.toInt() xor PAD[i % PAD.size].toInt()).toByte() }
    }

    override fun unwrap(wrapped: ByteArray): ByteArray {
        if (refuse || wrapped.size < MARK.size || !wrapped.copyOf(MARK.size).contentEquals(MARK)) {
            throw KeyVaultException("not wrapped by the test vault")
        }
        return wrapped.drop(MARK.size).mapIndexed { i, b -> (b.toInt() xor PAD[i % PAD.size].toInt()).toByte() }.toByteArray()
    }

    private companion object {
        val MARK = byteArrayOf(0x50, 0x48)
        val PAD = byteArrayOf(0x13, 0x37, 0x42, 0x24, 0x66, 0x01, 0x7f)
    }
}

class RecordingScheduler : SyncScheduler {
    var scheduled = 0
    var cancelled = 0

    override fun schedule() {
        scheduled++
    }

    override fun cancel() {
        cancelled++
    }
}

/** A Session on test doubles in a new temporary folder, speaking [language] (null: not chosen). */
fun testSession(
    language: String? = "en",
    preferences: MemoryPreferences = MemoryPreferences(),
    vault: TestVault = TestVault(),
    work: Work = ImmediateWork,
    scheduler: RecordingScheduler = RecordingScheduler(),
    folder: File = Files.createTempDirectory("phum-app").toFile().apply { deleteOnExit() },
): Session {
    if (language != null && preferences.string("language") == null) preferences.put("language", language)
    return Session(preferences, vault, work, scheduler, folder.path) { "Asia/Phnom_Penh" }
}

