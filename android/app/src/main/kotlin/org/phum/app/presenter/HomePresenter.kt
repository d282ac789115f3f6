// The home screen: the org unit the user works in (chosen once, changed with the picker), the
// programs and data sets they may capture there, what waits to be sent and what the server
// refused, when the last sync ended, and the sync button (which in training mode explains that
// practice data is never sent). Capturing opens in part 2 of the app; here the lists show what
// the account can do at the org unit.
package org.phum.app.presenter

import org.phum.app.platform.KeyVaultException
import org.phum.core.CaptureOptions
import org.phum.core.PhumException
import org.phum.core.SyncStatus

class HomePresenter(private val session: Session) : Presenter<HomePresenter.State>(State(session.texts)) {
    data class State(
        val texts: Texts,
        val loading: Boolean = true,
        val options: CaptureOptions? = null,
        val status: SyncStatus? = null,
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
        val programs get() = options?.programs.orEmpty().map { it.name }
        val reports get() = options?.dataSets.orEmpty().map { it.name }
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
                    Read(unit?.let { app.captureOptions(it.uid) }, app.syncStatus(), unit == null, null)
                } catch (e: PhumException) {
                    Read(error = session.texts.explain(e))
                } catch (e: KeyVaultException) {
                    Read(error = session.texts.explain(e))
                }
            session.work.onMain {
                val base = state.copy(loading = false, error = read.error, sync = session.sync.state)
                update(if (read.error != null) base else base.copy(options = read.options, status = read.status, noOrgUnits = read.noOrgUnits))
            }
        }
    }

    /** What [load] read, or why it could not. */
    private data class Read(
        val options: CaptureOptions? = null,
        val status: SyncStatus? = null,
        val noOrgUnits: Boolean = false,
        val error: String? = null,
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
}
