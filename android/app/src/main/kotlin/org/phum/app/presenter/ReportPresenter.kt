// A data set's report at an org unit (the VHSG monthly village report): one period chosen from
// the data set's periods, the grid of cells (ReportGrid), every value sent to the core as it is
// typed, and completing with every reason it is refused.
//
// Flow: [attached] reads what the org unit captures (the data set's periods, newest first, with
// why a closed one takes no values) and opens the report of the chosen period: the destination's,
// else the newest open period that has ended unless its report is completed (the month just
// ended, until it is done), else the newest open one. [type] keeps what was typed and sends it
// (setValue commits at once); a refused value stays typed with the core's reason. [complete]
// completes, or lists each refusal (a validation rule's name and instruction, an empty required
// cell) with the cell to jump to. [detached] ends the form once what was typed is sent; the next
// attach opens it again, so a rotation or a return to the screen reads what is stored.
//
// The core's calls run one at a time, in the order asked (a value typed before "complete" is
// sent before completing), each in the background with its answer on the main thread.
//
// Owns the report screen's state. Does not own periods, values, validation or completion (the
// core's) or how the grid is drawn and fitted to the screen (ui/ReportActivity, ui/Grid).
package org.phum.app.presenter

import java.io.Serializable
import org.phum.core.App
import org.phum.core.DataSetInfo
import org.phum.core.FormSession
import org.phum.core.FormView
import org.phum.core.PhumException
import org.phum.core.Refusal

class ReportPresenter(private val session: Session, private val report: Destination.Report, kept: Kept? = null) :
    Presenter<ReportPresenter.State>(
        State(session.texts, period = kept?.period ?: report.period, typed = kept?.typed.orEmpty(), refused = kept?.refused.orEmpty(), columns = kept?.columns.orEmpty()),
    ) {
    /** What a new presenter of the same screen starts from (a language change makes a new one). */
    data class Kept(
        val period: String?,
        val typed: Map<String, String>,
        val refused: Map<String, String>,
        val columns: Map<String, Int>,
    ) : Serializable

    /** A period of the picker; [closed] says why it takes no values. */
    data class Period(val id: String, val name: String, val closed: String?)

    /** A reason completing was refused: what (a rule's name, a cell's label), why, and the cell. */
    data class Problem(val title: String, val detail: String?, val field: String?)

    /** A place the screen is asked to show once: a cell (focused), or the top when [field] is null. */
    data class Jump(val field: String?, val serial: Int)

    data class State(
        val texts: Texts,
        val loading: Boolean = true,
        val dataSet: String = "",
        val orgUnit: String = "",
        val periods: List<Period> = emptyList(),
        val period: String? = null,
        val view: FormView? = null,
        /** What was typed in cells on this screen, by key. */
        val typed: Map<String, String> = emptyMap(),
        /** Why a typed value was refused, by key. */
        val refused: Map<String, String> = emptyMap(),
        val problems: List<Problem> = emptyList(),
        /** The column shown of each table too wide for the screen, by table id. */
        val columns: Map<String, Int> = emptyMap(),
        val jump: Jump? = null,
        val error: String? = null,
    ) {
        val title get() = texts("screen-report-title")
        val periodLabel get() = texts("screen-report-period")
        val totalLabel get() = texts("screen-report-total")
        val columnShown get() = texts("screen-report-column-shown")
        val completeLabel get() = texts("screen-report-complete")
        val loadingText get() = texts("screen-common-loading")
        val grid: List<ReportBlock> get() = view?.let { v -> ReportGrid.of(v, typed, refused) { texts("screen-report-sum", "total" to it.toDouble()) } }.orEmpty()
        val completed get() = view?.completed == true

        /** Completed, or why the report takes no values (a closed period). */
        val status: String? get() = if (completed) texts("screen-report-completed") else view?.readOnlyReason?.text
        val canComplete get() = view != null && !completed && view.readOnlyReason == null
        val problemsTitle get() = problems.takeIf { it.isNotEmpty() }?.let { texts("screen-event-errors-count", "count" to it.size) }

        /** "3 cells are empty", while the report takes values. */
        val emptyCells: String? get() =
            if (!canComplete) null else ReportGrid.cells(grid).count { it.editable && it.value == null }.takeIf { it > 0 }?.let { texts("screen-report-empty-cells", "count" to it) }

        /** The index of the chosen period in [periods]. */
        val chosen get() = periods.indexOfFirst { it.id == period }

        /** What a new presenter needs to show the same: the refused values typed (the others are stored). */
        val kept get() = Kept(period, typed.filterKeys { it in refused }, refused, columns)
    }

    private var form: FormSession? = null
    private val calls = ArrayDeque<() -> (() -> Unit)>()
    private var calling = false
    private var serial = 0

    override fun attached() = load()

    /** The screen goes: end the form once everything asked of it is done (nothing typed is lost). */
    override fun detached() =
        call {
            end()
            return@call {}
        }

    /** Shows the report of [period] (an id of [State.periods]). */
    fun choosePeriod(period: String) {
        if (period == state.period) return
        update(state.copy(period = period, typed = emptyMap(), refused = emptyMap(), problems = emptyList(), jump = null))
        call {
            end()
            val next = open(period)
            return@call { update(next(state)) }
        }
    }

    /** The user typed [text] in cell [key]: kept as typed and sent at once (empty clears the cell). */
    fun type(key: String, text: String) {
        val now = state.typed[key] ?: ReportGrid.cells(state.grid).firstOrNull { it.key == key }?.text
        if (now == text) return
        update(state.copy(typed = state.typed + (key to text)))
        call {
            val answer =
                try {
                    form?.setValue(key, text.trim().ifEmpty { null })
                    null
                } catch (e: PhumException) {
                    refusal(e)
                }
            val view = viewNow()
            return@call {
                // A later value typed in the same cell has its own answer coming.
                if (state.typed[key] == text) {
                    val refused = if (answer == null) state.refused - key else state.refused + (key to answer)
                    update(state.copy(view = view ?: state.view, refused = refused))
                } else if (view != null) {
                    update(state.copy(view = view))
                }
            }
        }
    }

    /** Completes the report, or lists every reason it cannot be completed yet. */
    fun complete() =
        call {
            val done =
                try {
                    form?.complete()
                } catch (e: PhumException) {
                    return@call { update(state.copy(error = e.said)) }
                }
            val view = viewNow()
            return@call {
                val problems = done?.refusals.orEmpty().map(::problem)
                val next = state.copy(view = view ?: state.view, problems = problems, error = null)
                update(if (problems.isEmpty()) next else next.copy(jump = Jump(null, ++serial)))
            }
        }

    /** Shows [column] of the table [table] (a table too wide for the screen shows one at a time). */
    fun showColumn(table: String, column: Int) {
        if (state.columns[table] != column) update(state.copy(columns = state.columns + (table to column)))
    }

    /** Takes the user to cell [field]: its column shown, the cell focused. */
    fun jump(field: String) {
        val table = ReportGrid.tableOf(state.grid, field)
        val columns = table?.columnOf(field)?.let { state.columns + (table.id to it) } ?: state.columns
        update(state.copy(columns = columns, jump = Jump(field, ++serial)))
    }

    private fun load() {
        val app = session.app
        if (app == null) {
            update(state.copy(loading = false))
            return
        }
        val wanted = state.period
        call {
            val read =
                try {
                    val options = app.captureOptions(report.orgUnit)
                    val dataSet = options.dataSets.firstOrNull { it.uid == report.dataSet }
                    if (dataSet == null) {
                        val none = session.texts("screen-report-no-data-sets", "org_unit" to options.orgUnit.name)
                        return@call { update(state.copy(loading = false, orgUnit = options.orgUnit.name, error = none)) }
                    }
                    val period = wanted ?: defaultPeriod(app, dataSet)
                    val periods = dataSet.periods.map { Period(it.id, it.name, it.closed?.text) }
                    val opened = period?.let { if (form == null) open(it) else showing() }
                    val base = { s: State -> s.copy(dataSet = dataSet.name, orgUnit = options.orgUnit.name, periods = periods, period = period) }
                    val read: (State) -> State = { s -> (opened?.invoke(base(s)) ?: base(s)).copy(loading = false) }
                    read
                } catch (e: PhumException) {
                    val error = e.said
                    val read: (State) -> State = { s -> s.copy(loading = false, error = error) }
                    read
                }
            return@call { update(read(state)) }
        }
    }

    /**
     * The period a report opens at: the newest open period that has ended, unless its report is
     * completed; else the newest open one (or the newest, closed, when none is open).
     */
    private fun defaultPeriod(app: App, dataSet: DataSetInfo): String? {
        val open = dataSet.periods.filter { it.closed == null }
        val today = session.today()
        val due = open.firstOrNull { it.end < today }
        if (due != null && !completed(app, due.id)) return due.id
        return open.firstOrNull()?.id ?: dataSet.periods.firstOrNull()?.id
    }

    private fun completed(app: App, period: String): Boolean =
        FormSession.openDataSet(app, report.dataSet, report.orgUnit, period, null).use { f ->
            try {
                f.view().completed
            } finally {
                f.end()
            }
        }

    /** Opens the report of [period] (in the background); what it changes in the state. */
    private fun open(period: String): (State) -> State {
        val app = session.app ?: return { it }
        return try {
            form = FormSession.openDataSet(app, report.dataSet, report.orgUnit, period, null)
            showing()
        } catch (e: PhumException) {
            val error = e.said
            return { s -> s.copy(view = null, error = error) }
        }
    }

    /** The open form's view now, as a change of the state. */
    private fun showing(): (State) -> State {
        val view = viewNow()
        return { s -> s.copy(view = view, error = null) }
    }

    private fun viewNow(): FormView? =
        try {
            form?.view()
        } catch (e: PhumException) {
            null
        }

    private fun end() {
        form?.let {
            it.end()
            it.close()
        }
        form = null
    }

    /** Runs [task] in the background after the calls asked before it; its answer on the main thread. */
    private fun call(task: () -> (() -> Unit)) {
        calls.addLast(task)
        if (!calling) next()
    }

    private fun next() {
        val task = calls.removeFirstOrNull()
        if (task == null) {
            calling = false
            return
        }
        calling = true
        session.work.background {
            val answer = task()
            session.work.onMain {
                answer()
                next()
            }
        }
    }

    /** What the user reads next to a cell whose value was refused: the problem, without the cell's key. */
    private fun refusal(e: PhumException): String =
        (e as? PhumException.Invalid)?.takeIf { it.id == "form-invalid-value" }?.args?.get("problem") ?: e.said

    private fun problem(r: Refusal): Problem {
        val args = r.text.args
        return when (r.text.id) {
            "form-refusal-validation-rule", "form-refusal-validation-rule-instruction" ->
                Problem(args["name"] ?: r.text.text, args["instruction"], r.field)
            "form-refusal-mandatory-empty" -> Problem(args["label"] ?: r.text.text, session.texts("screen-common-required"), r.field)
            else -> Problem(r.text.text, null, r.field)
        }
    }
}
