// The sync screen: the process's one sync (SyncRunner, in the Session) as it runs (phase,
// done/total) and as it ended (the report's summary, or what went wrong), the last sync, and the
// records the server refused, each opening the record at the field the server named. In training
// mode the sync button only explains that practice data is never sent.
//
// Flow: while the screen shows (attached), the presenter hears the runner; after every sync that
// ended it reads the core's SyncStatus again. The runner outlives the screen, so a rotation (or
// the home screen's sync) finds the sync where it is.
//
// Owns what the sync screen shows and asks. Does not own the sync (the core's App.sync and
// SyncRunner) or the record view (RecordPresenter).
package org.phum.app.presenter

import org.phum.core.PhumException
import org.phum.core.RecordIssue
import org.phum.core.SyncStatus

class SyncPresenter(private val session: Session) : Presenter<SyncPresenter.State>(State(session.texts, session.demo)) {
    /** One record the server refused (or stored with a warning), and where opening it goes. */
    data class Issue(val text: String, val refused: Boolean, val record: Destination.Record)

    data class State(
        val texts: Texts,
        val demo: Boolean,
        val sync: SyncState = SyncState.Idle,
        /** The core's SyncStatus, once read. */
        val status: SyncStatus? = null,
        /** The training-mode notice, after the sync button in the demo. */
        val notice: String? = null,
        /** Why the status could not be read. */
        val error: String? = null,
    ) {
        val title get() = texts("screen-sync-title")
        val syncNow get() = texts("screen-sync-now")
        val cancel get() = texts("screen-common-cancel")
        val rejectedTitle get() = texts("screen-sync-rejected-title")
        val fixHint get() = texts("screen-sync-fix-hint")
        val open get() = texts("screen-sync-open-record")

        val running get() = sync is SyncState.Running

        /** The phase and how far it is, while running. */
        val progress: String? get() = texts.syncProgress(sync)

        /** The last sync's report in one sentence. */
        val summary: String? get() = (sync as? SyncState.Finished)?.report?.summary?.text

        /** What stopped the last sync, as the core says it (a cancel included). */
        val failure: String? get() = (sync as? SyncState.Failed)?.error?.said

        val lastSync: String? get() = status?.let { texts.lastSync(it) }

        /** Refused records first, then those stored with a warning. */
        val issues: List<Issue>
            get() =
                status?.issues.orEmpty()
                    .sortedBy { !it.refused }
                    .map { Issue(it.text.text, it.refused, it.destination()) }

        /** "Everything has been sent": nothing waits and nothing was refused. */
        val allSent: String?
            get() = status?.takeIf { it.waiting == 0uL && it.refused == 0uL && !running }?.let { texts("screen-sync-all-sent") }
    }

    private val heard: (SyncState) -> Unit = { sync ->
        update(state.copy(sync = sync))
        if (sync !is SyncState.Running) readStatus()
    }

    /** The screen shows: hear the runner (it tells its state now) and read the status. */
    override fun attached() = session.sync.listen(heard)

    /** The screen goes: stop hearing the runner (the sync goes on). */
    override fun detached() = session.sync.stopListening(heard)

    /** The sync button: syncs, or in training mode says that practice data is never sent. */
    fun syncNow() {
        if (state.demo) {
            update(state.copy(notice = state.texts("screen-sync-training-never-sends")))
            return
        }
        update(state.copy(notice = null))
        session.sync.start()
    }

    fun cancel() = session.sync.cancel()

    fun open(issue: Issue) = navigator?.go(issue.record)

    private fun readStatus() {
        val app = session.app ?: return
        session.work.background {
            var status: SyncStatus? = null
            var error: String? = null
            try {
                status = app.syncStatus()
            } catch (e: PhumException) {
                error = e.said
            }
            session.work.onMain { update(state.copy(status = status ?: state.status, error = error)) }
        }
    }

    private companion object {
        fun RecordIssue.destination() = Destination.Record(recordKind, recordKey, field)
    }
}
