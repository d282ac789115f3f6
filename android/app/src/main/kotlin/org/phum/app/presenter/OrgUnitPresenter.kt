// The org unit picker: the user's org units where something can be captured, searched by name
// as they type (in the language's names, Khmer or Latin), each shown with the units above it so
// two villages of the same name can be told apart. Choosing one makes it the home screen's.
package org.phum.app.presenter

import org.phum.core.OrgUnit
import org.phum.core.PhumException

class OrgUnitPresenter(private val session: Session) : Presenter<OrgUnitPresenter.State>(State(session.texts)) {
    /** One org unit as the list shows it: its name and where it lies. */
    data class Row(val uid: String, val name: String, val within: String, val chosen: Boolean)

    data class State(
        val texts: Texts,
        val query: String = "",
        val rows: List<Row> = emptyList(),
        val loaded: Boolean = false,
        val error: String? = null,
    ) {
        val title get() = texts("screen-org-unit-title")
        val searchHint get() = texts("screen-org-unit-search-hint")
        val empty get() =
            when {
                !loaded || rows.isNotEmpty() -> null
                query.isBlank() -> texts("screen-org-unit-none-assigned")
                else -> texts("screen-org-unit-no-match", "query" to query)
            }

        fun choose(row: Row) = texts("screen-org-unit-choose", "org_unit" to row.name)
    }

    private var all: List<Row> = emptyList()

    override fun attached() {
        if (state.loaded) return
        val app = session.app ?: return
        session.work.background {
            val loaded: Result<List<OrgUnit>> =
                try {
                    Result.success(app.orgUnits())
                } catch (e: PhumException) {
                    Result.failure(e)
                }
            session.work.onMain {
                loaded.fold(
                    { units ->
                        all = rows(units, session.preferences.orgUnit)
                        update(state.copy(loaded = true, rows = matching(state.query)))
                    },
                    { e -> update(state.copy(loaded = true, error = session.texts.explain(e as Exception))) },
                )
            }
        }
    }

    fun search(query: String) = update(state.copy(query = query, rows = matching(query)))

    fun choose(uid: String) {
        session.preferences.orgUnit = uid
        navigator?.close()
    }

    /** The rows whose name holds every word of [query], case and spacing aside. */
    private fun matching(query: String): List<Row> {
        val words = query.lowercase().split(Regex("\\s+")).filter { it.isNotEmpty() }
        return all.filter { row -> words.all { row.name.lowercase().contains(it) } }
    }

    companion object {
        /** The units where something is captured, sorted by where they lie, then by name. */
        fun rows(units: List<OrgUnit>, chosen: String?): List<Row> {
            val byUid = units.associateBy { it.uid }
            return units
                .filter { it.captures }
                .map { unit ->
                    val above = unit.path.split('/').filter { it.isNotEmpty() && it != unit.uid }.mapNotNull { byUid[it]?.name }
                    Row(unit.uid, unit.name, above.joinToString(" › "), unit.uid == chosen)
                }.sortedWith(compareBy({ it.within }, { it.name }))
        }
    }
}
