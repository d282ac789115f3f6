// Which Activity shows which destination, and the extras a destination is passed with (read back
// by the Activity with the function named for it). The ways in (first run, login, home) start a
// new task, so back from them leaves the app.
package org.phum.app.ui

import android.content.Context
import android.content.Intent
import org.phum.app.presenter.Destination
import org.phum.app.presenter.FormTarget

object Screens {
    const val EXTRA_KIND = "org.phum.app.kind"
    const val EXTRA_KEY = "org.phum.app.key"
    const val EXTRA_FIELD = "org.phum.app.field"
    const val EXTRA_PROGRAM = "org.phum.app.program"
    const val EXTRA_ORG_UNIT = "org.phum.app.org_unit"
    const val EXTRA_ENROLLMENT = "org.phum.app.enrollment"
    const val EXTRA_FORM = "org.phum.app.form"
    const val EXTRA_DATA_SET = "org.phum.app.data_set"
    const val EXTRA_PERIOD = "org.phum.app.period"

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
            is Destination.People ->
                Intent(context, PeopleActivity::class.java)
                    .putExtra(EXTRA_PROGRAM, destination.program)
                    .putExtra(EXTRA_ORG_UNIT, destination.orgUnit)
            is Destination.Dashboard -> Intent(context, DashboardActivity::class.java).putExtra(EXTRA_ENROLLMENT, destination.enrollment)
            is Destination.Form -> Intent(context, FormActivity::class.java).putExtra(EXTRA_FORM, destination.target)
            is Destination.Report ->
                Intent(context, ReportActivity::class.java)
                    .putExtra(EXTRA_DATA_SET, destination.dataSet)
                    .putExtra(EXTRA_ORG_UNIT, destination.orgUnit)
                    .putExtra(EXTRA_PERIOD, destination.period)
            is Destination.WorkingList ->
                Intent(context, WorkingListActivity::class.java)
                    .putExtra(EXTRA_PROGRAM, destination.program)
                    .putExtra(EXTRA_ORG_UNIT, destination.orgUnit)
        }

    /** The record an intent of [intent] names. */
    fun record(intent: Intent): Destination.Record =
        Destination.Record(
            intent.getStringExtra(EXTRA_KIND) ?: "",
            intent.getStringExtra(EXTRA_KEY) ?: "",
            intent.getStringExtra(EXTRA_FIELD),
        )

    fun people(intent: Intent): Destination.People =
        Destination.People(intent.getStringExtra(EXTRA_PROGRAM) ?: "", intent.getStringExtra(EXTRA_ORG_UNIT) ?: "")

    fun dashboard(intent: Intent): Destination.Dashboard = Destination.Dashboard(intent.getStringExtra(EXTRA_ENROLLMENT) ?: "")

    /** The form an intent names; `null` when it names none (the screen then says so). */
    @Suppress("DEPRECATION")
    fun form(intent: Intent): FormTarget? = intent.getSerializableExtra(EXTRA_FORM) as? FormTarget

    fun report(intent: Intent): Destination.Report =
        Destination.Report(
            intent.getStringExtra(EXTRA_DATA_SET) ?: "",
            intent.getStringExtra(EXTRA_ORG_UNIT) ?: "",
            intent.getStringExtra(EXTRA_PERIOD),
        )

    fun workingList(intent: Intent): Destination.WorkingList =
        Destination.WorkingList(intent.getStringExtra(EXTRA_PROGRAM) ?: "", intent.getStringExtra(EXTRA_ORG_UNIT) ?: "")

    private fun root(context: Context, activity: Class<*>): Intent =
        Intent(context, activity).addFlags(Intent.FLAG_ACTIVITY_NEW_TASK or Intent.FLAG_ACTIVITY_CLEAR_TASK)
}
