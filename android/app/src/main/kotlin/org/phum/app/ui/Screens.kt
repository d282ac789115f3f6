// Which Activity shows which destination, and the extras a record is passed with. The ways in
// (first run, login, home) start a new task, so back from them leaves the app.
package org.phum.app.ui

import android.content.Context
import android.content.Intent
import org.phum.app.presenter.Destination

object Screens {
    const val EXTRA_KIND = "org.phum.app.kind"
    const val EXTRA_KEY = "org.phum.app.key"
    const val EXTRA_FIELD = "org.phum.app.field"

    fun intent(context: Context, destination: Destination): Intent =
        when (destination) {
            Destination.FirstRun -> root(context, FirstRunActivity::class.java)
            Destination.Login -> root(context, LoginActivity::class.java)
            Destination.Home -> root(context, HomeActivity::class.java)
            Destination.OrgUnits -> Intent(context, OrgUnitActivity::class.java)
            Destination.Sync -> Intent(context, SyncActivity::class.java)
            Destination.Settings -> Intent(context, SettingsActivity::class.java)
            is Destination.Record ->
                Intent(context, RecordActivity::class.java)
                    .putExtra(EXTRA_KIND, destination.kind)
                    .putExtra(EXTRA_KEY, destination.key)
                    .putExtra(EXTRA_FIELD, destination.field)
        }

    /** The record an intent of [intent] names. */
    fun record(intent: Intent): Destination.Record =
        Destination.Record(
            intent.getStringExtra(EXTRA_KIND) ?: "",
            intent.getStringExtra(EXTRA_KEY) ?: "",
            intent.getStringExtra(EXTRA_FIELD),
        )

    private fun root(context: Context, activity: Class<*>): Intent =
        Intent(context, activity).addFlags(Intent.FLAG_ACTIVITY_NEW_TASK or Intent.FLAG_ACTIVITY_CLEAR_TASK)
}
