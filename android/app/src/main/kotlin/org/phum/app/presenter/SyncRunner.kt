// The one sync of the process: started from the home or sync screen, or by the background job;
// it runs on a background thread and its state (progress, the report, the failure) outlives the
// screens that show it, so a rotation or a new screen picks it up where it is. When the process
// dies mid-sync, the core's resumable sync goes on from the phase it recorded at the next sync.
//
// Owns starting, cancelling and publishing the sync's state. Does not own the sync (the core's
// App.sync) or what a screen shows of it (SyncPresenter, HomePresenter).
package org.phum.app.presenter

import java.util.concurrent.atomic.AtomicBoolean
import org.phum.app.platform.Work
import org.phum.core.App
import org.phum.core.PhumException
import org.phum.core.RecordIssue
import org.phum.core.SyncPhase
import org.phum.core.SyncProgress
import org.phum.core.SyncReport

/** The server refused the record (severity ERROR); otherwise it stored it with a warning. */
val RecordIssue.refused: Boolean
    get() = severity == "ERROR"

sealed class SyncState {
    object Idle : SyncState()

    data class Running(val phase: String, val done: ULong, val total: ULong) : SyncState()

    data class Finished(val report: SyncReport) : SyncState()

    data class Failed(val error: PhumException) : SyncState()
}

class SyncRunner(private val work: Work, private val app: () -> App?) {
    private val running = AtomicBoolean(false)

    /**
     * Cancel was asked for this run. The core's App.sync forgets a cancel asked before it
     * began, so the request is passed on again at every progress report until the sync ends.
     */
    private val cancelRequested = AtomicBoolean(false)
    private val listeners = mutableListOf<(SyncState) -> Unit>()

    var state: SyncState = SyncState.Idle
        private set

    val isRunning: Boolean
        get() = running.get()

    /**
     * Starts a sync unless one runs (false then, or without an open App); [done] hears whether
     * it finished, on the main thread.
     */
    fun start(done: (Boolean) -> Unit = {}): Boolean {
        val open = app() ?: return false
        if (!running.compareAndSet(false, true)) return false
        cancelRequested.set(false)
        publish(SyncState.Running("", 0u, 0u))
        work.background {
            val outcome =
                try {
                    SyncState.Finished(open.sync(Relay()))
                } catch (e: PhumException) {
                    SyncState.Failed(e)
                }
            running.set(false)
            work.onMain {
                publish(outcome)
                done(outcome is SyncState.Finished)
            }
        }
        return true
    }

    /** Asks a running sync to stop between requests; what it did is kept. */
    fun cancel() {
        if (!running.get()) return
        cancelRequested.set(true)
        app()?.cancelSync()
    }

    /** Adds [listener] and tells it the state now. */
    fun listen(listener: (SyncState) -> Unit) {
        listeners += listener
        listener(state)
    }

    fun stopListening(listener: (SyncState) -> Unit) {
        listeners -= listener
    }

    private fun publish(next: SyncState) {
        state = next
        listeners.toList().forEach { it(next) }
    }

    private inner class Relay : SyncProgress {
        override fun onProgress(phase: SyncPhase, phaseName: String, done: ULong, total: ULong) {
            if (cancelRequested.get()) app()?.cancelSync()
            work.onMain { if (running.get()) publish(SyncState.Running(phaseName, done, total)) }
        }
    }
}
