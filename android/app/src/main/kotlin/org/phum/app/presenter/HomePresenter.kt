// The home screen: the org unit the user works in (chosen once, changed with the picker), the
// programs and data sets they may capture there, what waits to be sent and what the server
// refused, when the last sync ended, and the sync button (which in training mode explains that
// practice data is never sent).
//
// What each program and report opens: a tracker program, the people search (find or register)
// and its working list (with today's overdue count); an event program, a new event of its first
// stage today; a data set, its report (the newest open period). Read-only programs list no way in.
package org.phum.app.presenter

import org.phum.app.platform.KeyVaultException
import org.phum.core.CaptureOptions
import org.phum.core.PhumException
import org.phum.core.SyncStatus

class HomePresenter(private val session: Session) : Presenter<HomePresenter.State>(State(session.texts)) {
    /** A way in from home: what the button says and where it goes. */
    data class Entry(val label: String, val destination: Destination)

    /** A program by name, with its ways in. */
    data class ProgramEntry(val name: String, val entries: List<Entry>)

    data class State(
        val texts: Texts,
        val loading: Boolean = true,
        val options: CaptureOptions? = null,
        val status: SyncStatus? = null,
        /** Overdue visits per tracker program at the org unit, by program UID. */
        val overdue: Map<String, ULong> = emptyMap(),
        /** Today in the phone's time zone (ISO), the date a new event is made on. */
        val today: String = "",
        /** The account has no org unit to capture in. */
        val noOrgUnits: Boolean = false,
        val sync: SyncState = SyncState.Idle,
        /** Said once after the sync button in training mode. */
        val notice: String? = null,
        val error: String? = null,
    ) {
        val title get() = texts("screen-home-title")
        val workingIn get() = options?.let { texts("screen-home-working-in", "org_unit" to it.orgUnit.name) }
        val change get() = texts("screen-home-change-org-unit")
        val programsTitle get() = texts("screen-home-programs")
        val reportsTitle get() = texts("screen-home-reports")
        val programs: List<ProgramEntry> get() {
            val unit = options?.orgUnit?.uid ?: return emptyList()
            return options.programs.map { p ->
                val entries =
                    when {
                        !p.writable -> emptyList()
                        p.tracker ->
                            listOf(
                                Entry(texts("screen-home-find-person"), Destination.People(p.uid, unit)),
                                Entry(texts("screen-home-overdue-count", "count" to (overdue[p.uid] ?: 0uL)), Destination.WorkingList(p.uid, unit)),
                            )
                        else ->
                            p.stages.take(1).map { stage ->
                                Entry(texts("screen-home-new-event"), Destination.Form(FormTarget.NewEvent(p.uid, stage.uid, unit, null, today)))
                            }
                    }
                ProgramEntry(p.name, entries)
            }
        }
        val reports: List<Entry> get() {
            val unit = options?.orgUnit?.uid ?: return emptyList()
            return options.dataSets.map { Entry(it.name, Destination.Report(it.uid, unit)) }
        }
        val noPrograms get() =
            when {
                noOrgUnits -> texts("screen-org-unit-none-assigned")
                options != null && options.programs.isEmpty() && options.dataSets.isEmpty() -> texts("screen-home-no-programs")
                else -> null
            }
        val notSent get() = status?.let { texts("screen-home-not-sent-count", "count" to it.waiting) }
        val refused get() = status?.takeIf { it.refused > 0u }?.let { texts("screen-home-rejected-count", "count" to it.refused) }
        val lastSync get() = status?.let { texts.lastSync(it) }
        val syncButton get() = texts("screen-sync-now")
        val settings get() = texts("screen-settings-title")
        val syncing get() = texts.syncProgress(sync)
    }

    private val onSync: (SyncState) -> Unit = { s ->
        update(state.copy(sync = s))
        if (s is SyncState.Finished || s is SyncState.Failed) load()
    }

    override fun attached() {
        session.sync.listen(onSync)
        load()
    }

    override fun detached() = session.sync.stopListening(onSync)

    /** Reads the org unit's options and the sync status again (in the background). */
    fun load() {
        val app = session.app ?: return
        session.work.background {
            val read =
                try {
                    val units = app.orgUnits().filter { it.captures }
                    val unit = units.firstOrNull { it.uid == session.preferences.orgUnit } ?: units.firstOrNull()
                    unit?.let { session.preferences.orgUnit = it.uid }
                    val options = unit?.let { app.captureOptions(it.uid) }
                    val overdue =
                        options?.programs.orEmpty().filter { it.tracker && it.writable }
                            .associate { it.uid to app.overdue(it.uid, options!!.orgUnit.uid, 0uL, 1u).total }
                    Read(options, app.syncStatus(), unit == null, null, overdue)
                } catch (e: PhumException) {
                    Read(error = session.texts.explain(e))
                } catch (e: KeyVaultException) {
                    Read(error = session.texts.explain(e))
                }
            session.work.onMain {
                val base = state.copy(loading = false, error = read.error, sync = session.sync.state)
                update(
                    if (read.error != null) {
                        base
                    } else {
                        base.copy(options = read.options, status = read.status, noOrgUnits = read.noOrgUnits, overdue = read.overdue, today = session.today())
                    },
                )
            }
        }
    }

    /** What [load] read, or why it could not. */
    private data class Read(
        val options: CaptureOptions? = null,
        val status: SyncStatus? = null,
        val noOrgUnits: Boolean = false,
        val error: String? = null,
        val overdue: Map<String, ULong> = emptyMap(),
    )

    /** Syncs now; in training mode says instead that practice data is never sent. */
    fun sync() {
        if (session.demo) {
            update(state.copy(notice = state.texts("screen-sync-training-never-sends")))
            return
        }
        session.sync.start()
        navigator?.go(Destination.Sync)
    }

    fun chooseOrgUnit() = navigator?.go(Destination.OrgUnits)

    fun openSync() = navigator?.go(Destination.Sync)

    fun openSettings() = navigator?.go(Destination.Settings)

    /** Opens what a program or report entry names. */
    fun open(entry: Entry) = navigator?.go(entry.destination)
}
