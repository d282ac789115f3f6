// What the sync tests share: a progress callback that counts (and may act), a device signed in to
// the test server with its metadata, and a Kotlin logger.
package org.phum.core

import java.io.File
import java.util.Collections
import java.util.concurrent.atomic.AtomicInteger
import org.junit.jupiter.api.Assertions.assertTrue
import org.phum.testserver.Dhis2TestServer

/** Counts the progress callbacks and checks each; `then` runs after each count. */
class CountingProgress(private val then: (Int) -> Unit = {}) : SyncProgress {
    val calls = AtomicInteger()
    val phases: MutableSet<SyncPhase> = Collections.synchronizedSet(LinkedHashSet())
    val phaseNames: MutableSet<String> = Collections.synchronizedSet(LinkedHashSet())

    override fun onProgress(phase: SyncPhase, phaseName: String, done: ULong, total: ULong) {
        assertTrue(done <= total || total == 0uL, "$phase: $done of $total")
        phases += phase
        phaseNames += phaseName
        then(calls.incrementAndGet())
    }
}

/** The log records a sync writes. */
class CollectingLogger : Logger {
    val records: MutableList<String> = Collections.synchronizedList(mutableListOf())

    override fun log(level: LogLevel, target: String, message: String) {
        records += "$level $target $message"
    }
}

/** A new device (its own folder) of the test server's user, signed in online. */
fun signedIn(server: Dhis2TestServer, folder: File, settings: Settings = settings()): App {
    val app = App.openAccount(folder.path, server.url, Dhis2TestServer.USER, keyHex(), settings)
    app.loginOnline(Dhis2TestServer.PASSWORD, false)
    return app
}

/** [signedIn], then a first sync: the server's metadata (the demo dataset) is on the device. */
fun synced(server: Dhis2TestServer, folder: File, settings: Settings = settings()): App =
    signedIn(server, folder, settings).also { it.sync(CountingProgress()) }
