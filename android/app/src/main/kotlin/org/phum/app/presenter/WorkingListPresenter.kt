// The visits of a tracker program at a health centre that wait: overdue (most overdue first) or
// due in the coming week (soonest first), a page at a time (App.overdue / App.upcoming; "Show
// more" reads the next page), each row the person (name, village), the visit and when it was due;
// a row opens the person's dashboard.
//
// Villages: the people of a health centre live in its villages, which are its child org units,
// and the core finds a person's village (their village attribute, whose options are those org
// units). The filter offers the health centre's villages; choosing one reads the rest of the
// list (the core's lists filter by org unit, and people are registered at the health centre), so
// the village's rows are all there (the next MAX_ROWS rows); the count line says how many of the
// whole list are read.
//
// Owns what the working list shows. Does not own which visits wait (the core's schedule).
package org.phum.app.presenter

import org.phum.core.PhumException
import org.phum.core.WorkingListRow

class WorkingListPresenter(private val session: Session, val list: Destination.WorkingList) :
    Presenter<WorkingListPresenter.State>(State(session.texts)) {
    enum class Kind { OVERDUE, UPCOMING }

    /** One waiting visit: who, where they live, which visit and when it was due. */
    data class Row(val enrollment: String, val name: String, val village: String?, val villageUnit: String?, val visit: String, val due: String, val late: Boolean)

    /** A village to filter by: its org unit and name. */
    data class Village(val uid: String, val name: String)

    data class State(
        val texts: Texts,
        val kind: Kind = Kind.OVERDUE,
        val loading: Boolean = true,
        /** Every row read so far, in the list's order. */
        val read: List<Row> = emptyList(),
        /** How many rows the whole list has. */
        val total: Long = 0,
        val villages: List<Village> = emptyList(),
        /** The village shown, or null for all. */
        val village: String? = null,
        val error: String? = null,
    ) {
        val title get() = texts("screen-working-list-title")
        val overdueLabel get() = texts("screen-working-list-overdue")
        val upcomingLabel get() = texts("screen-working-list-upcoming", "days" to WITHIN_DAYS.toInt())
        val allVillages get() = texts("screen-working-list-all-villages")
        val more get() = texts("screen-working-list-more")
        val rows: List<Row> get() = read.filter { village == null || it.villageUnit == village }
        val hasMore: Boolean get() = read.size < total
        val count: String? get() = if (loading) null else texts("screen-working-list-shown", "shown" to read.size, "total" to total)
        val empty: String? get() = if (!loading && error == null && rows.isEmpty()) texts("screen-home-nothing-due") else null
    }

    override fun attached() {
        if (state.villages.isEmpty()) loadVillages()
        load(fresh = true)
    }

    /** Shows overdue or upcoming visits, from the first page. */
    fun show(kind: Kind) {
        if (kind == state.kind) return
        update(state.copy(kind = kind, read = emptyList(), total = 0))
        load(fresh = true)
    }

    /** Shows one village's rows (null: all), reading the rest of the list first for a village. */
    fun filter(village: String?) {
        update(state.copy(village = village))
        if (village != null && state.hasMore && !state.loading) load(fresh = false, all = true)
    }

    /** Reads the next page. */
    fun more() = load(fresh = false)

    fun open(row: Row) = navigator?.go(Destination.Dashboard(row.enrollment))

    /** Reads the first page ([fresh]) or the next one; with [all], the next [MAX_ROWS] rows. */
    private fun load(fresh: Boolean, all: Boolean = false) {
        val app = session.app ?: return
        val kind = state.kind
        val offset = if (fresh) 0uL else state.read.size.toULong()
        val limit = if (all) MAX_ROWS else PAGE
        update(state.copy(loading = true))
        session.work.background {
            val (page, error) =
                try {
                    val page =
                        when (kind) {
                            Kind.OVERDUE -> app.overdue(list.program, list.orgUnit, offset, limit)
                            Kind.UPCOMING -> app.upcoming(list.program, list.orgUnit, WITHIN_DAYS, offset, limit)
                        }
                    page to null
                } catch (e: PhumException) {
                    null to e.said
                }
            session.work.onMain {
                if (kind != state.kind) return@onMain
                if (page == null) {
                    update(state.copy(loading = false, error = error))
                } else {
                    val rows = page.rows.map { row(it) }
                    update(state.copy(loading = false, error = null, read = if (fresh) rows else state.read + rows, total = page.total.toLong()))
                }
            }
        }
    }

    private fun loadVillages() {
        val app = session.app ?: return
        session.work.background {
            val villages =
                try {
                    app.orgUnits().filter { it.parent == list.orgUnit }.map { Village(it.uid, it.name) }.sortedBy { it.name }
                } catch (e: PhumException) {
                    emptyList()
                }
            session.work.onMain { update(state.copy(villages = villages)) }
        }
    }

    private fun row(r: WorkingListRow) =
        Row(
            enrollment = r.enrollment,
            name = PersonLines.name(r.values, r.trackedEntity),
            village = r.profile.village,
            villageUnit = r.profile.villageOrgUnit,
            visit = r.stageName,
            due = r.due.text,
            late = r.daysOverdue > 0,
        )

    companion object {
        /** Rows read at a time. */
        const val PAGE = 20u

        /** The rows a village's filter reads at once (the core's largest page). */
        const val MAX_ROWS = 500u

        /** How far ahead the upcoming list looks. */
        const val WITHIN_DAYS = 7u
    }
}
