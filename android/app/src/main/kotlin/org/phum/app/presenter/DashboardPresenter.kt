// A person's enrollment (App.dashboard): who they are (name, sex, age, village), what the
// enrollment's rules say, and the program's stages as a card a mother would recognise: each dose
// or contact given on its date (✓), scheduled, overdue since its due date (and for how many
// days), or skipped, as the CLI's card says it (cli/src/demo/card.rs).
//
// Flow: [attached] reads the dashboard again (coming back from a form shows the new visit and the
// next dose the core scheduled). The next-visit button opens the first stage that waits (overdue,
// due, missing, else scheduled): a new visit there today in this enrollment, or the visit already
// started there and not completed. Every other stage that can take a visit (a dose not given
// yet, a repeatable visit) has its own button, for a dose given out of turn (a child first seen
// at 6 weeks whose birth doses were given elsewhere). A visit that took place opens its form. Complete, cancel and
// reopen ask first ([ask], [confirm]); a refusal is shown in the core's words. "Edit details"
// opens the registration.
//
// Owns what the dashboard shows and where it goes. Does not own schedules, rules or the
// enrollment's actions (the core's), nor the forms (FormActivity).
package org.phum.app.presenter

import org.phum.core.Dashboard
import org.phum.core.FormMessageKind
import org.phum.core.PhumException
import org.phum.core.StageCard
import org.phum.core.Visit
import org.phum.core.VisitState

class DashboardPresenter(private val session: Session, val dashboard: Destination.Dashboard) :
    Presenter<DashboardPresenter.State>(State(session.texts, session.today())) {
    /** How a stage or a visit stands, for its colour. */
    enum class Tone { DONE, WAITING, LATE, QUIET }

    /** A visit that took place (or started), opening its form. */
    data class VisitLine(val event: String, val text: String, val tone: Tone)

    /**
     * One stage: its name, its visits, what it waits for (scheduled, overdue, skipped), and [add]:
     * a visit in it out of turn (a dose not given yet, a repeatable visit), unless it is [State.next].
     */
    data class StageLine(val stage: String, val name: String, val visits: List<VisitLine>, val waiting: String?, val tone: Tone, val add: Next? = null)

    /** The next visit: what the button says and the form it opens. */
    data class Next(val label: String, val target: FormTarget)

    /** An enrollment action waiting for the user's yes. */
    enum class Action { COMPLETE, CANCEL, REOPEN }

    /** A rule message and whether it is an error. */
    data class Message(val text: String, val error: Boolean)

    data class State(
        val texts: Texts,
        val today: String,
        val loading: Boolean = true,
        val board: Dashboard? = null,
        /** The action asked about, until the user answers. */
        val asking: Action? = null,
        val error: String? = null,
    ) {
        private val person get() = board?.person
        val name: String get() = person?.let { PersonLines.name(it.values, it.trackedEntity) } ?: ""
        val others: String? get() = person?.let { PersonLines.others(it.values) }
        val details: String? get() = person?.let { PersonLines.details(texts, it.profile, today) }
        val title: String get() = name.ifEmpty { texts("screen-common-loading") }
        val program: String get() = board?.enrollment?.programName ?: ""
        val active: Boolean get() = board?.enrollment?.status == ACTIVE

        /** "Immunization · Enrolled on 2 November 2026 · Active". */
        val enrolled: String? get() =
            board?.enrollment?.let { e ->
                val status =
                    when (e.status) {
                        ACTIVE -> texts("screen-enrollment-status-active")
                        COMPLETED -> texts("screen-enrollment-status-completed")
                        else -> texts("screen-enrollment-status-cancelled")
                    }
                listOf(e.programName, texts("screen-enrollment-enrolled-on", "date" to DateArg(e.enrollmentDate)), status).joinToString(" · ")
            }

        val messages: List<Message> get() =
            board?.messages.orEmpty().map { Message(it.text.text, it.kind == FormMessageKind.ERROR || it.kind == FormMessageKind.RULE_FAILURE) }

        val stages: List<StageLine> get() {
            val next = nextStage()?.stage
            return board?.stages.orEmpty().map { line(it, next) }
        }

        /** The first stage that waits, as a button (none while the enrollment is not active). */
        val next: Next? get() = nextStage()?.let { entry(it) }

        /** The first stage that waits: overdue, due, missing, else scheduled. */
        private fun nextStage(): StageCard? {
            val stages = board?.stages ?: return null
            if (!active) return null
            return stages.firstOrNull { it.overdue || waitsBy(it, today) || it.missing && (it.dueDate == null || it.dueDate!! <= today) }
                ?: stages.firstOrNull { it.missing }
                ?: stages.firstOrNull { s -> s.visits.any { it.state == VisitState.SCHEDULED } }
        }

        /** A visit in [stage]: the one already started there, else a new one today. */
        private fun entry(stage: StageCard): Next {
            val started = stage.visits.firstOrNull { it.state == VisitState.OPEN }
            if (started != null) return Next(texts("screen-enrollment-continue-event", "stage" to stage.name), FormTarget.Event(started.event))
            val e = board!!.enrollment
            return Next(texts("screen-enrollment-add-event", "stage" to stage.name), FormTarget.NewEvent(e.program, stage.stage, e.orgUnit, e.uid, today))
        }

        val actions: List<Action> get() =
            when (board?.enrollment?.status) {
                null -> emptyList()
                ACTIVE -> listOf(Action.COMPLETE, Action.CANCEL)
                else -> listOf(Action.REOPEN)
            }

        val editDetails get() = texts("screen-enrollment-edit-profile")

        fun label(action: Action): String =
            when (action) {
                Action.COMPLETE -> texts("screen-enrollment-complete")
                Action.CANCEL -> texts("screen-enrollment-cancel")
                Action.REOPEN -> texts("screen-enrollment-reopen")
            }

        /** The question asked before [action]. */
        fun question(action: Action): String =
            when (action) {
                Action.COMPLETE -> texts("screen-enrollment-complete-confirm", "person" to name, "program" to program)
                Action.CANCEL -> texts("screen-enrollment-cancel-confirm", "person" to name, "program" to program)
                Action.REOPEN -> texts("screen-enrollment-reopen-confirm", "person" to name, "program" to program)
            }

        /** [stage]'s line; [next] is the stage of the next-visit button, which gets no second button. */
        private fun line(stage: StageCard, next: String?): StageLine {
            val visits = stage.visits.filter { it.state == VisitState.COMPLETED || it.state == VisitState.OPEN }.map { visit(it) }
            val late = stage.visits.firstOrNull { it.state == VisitState.OVERDUE }
            val due = stage.dueDate
            val (waiting, tone) =
                when {
                    !stage.repeatable && visits.any { it.tone == Tone.DONE } -> null to Tone.DONE
                    due != null && (late != null || stage.overdue) -> {
                        val days = late?.daysOverdue ?: java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse(due), java.time.LocalDate.parse(today))
                        texts("screen-enrollment-event-overdue", "date" to DateArg(due), "days" to days) to Tone.LATE
                    }
                    due != null -> texts("screen-enrollment-event-scheduled", "date" to DateArg(due)) to Tone.WAITING
                    visits.isEmpty() && stage.visits.any { it.state == VisitState.SKIPPED } -> texts("screen-enrollment-event-skipped") to Tone.QUIET
                    else -> null to if (visits.isEmpty()) Tone.QUIET else Tone.DONE
                }
            val takesVisit = active && (stage.missing || stage.repeatable) && stage.stage != next
            return StageLine(stage.stage, stage.name, visits, waiting, tone, if (takesVisit) entry(stage) else null)
        }

        private fun visit(v: Visit): VisitLine =
            if (v.state == VisitState.COMPLETED) {
                VisitLine(v.event, "✓ " + texts("screen-enrollment-event-completed", "date" to DateArg(v.eventDate ?: v.dueDate ?: today)), Tone.DONE)
            } else {
                VisitLine(v.event, texts("screen-enrollment-event-open"), Tone.WAITING)
            }

        private fun waitsBy(stage: StageCard, today: String) =
            stage.visits.any { (it.state == VisitState.SCHEDULED || it.state == VisitState.OVERDUE) && (it.dueDate ?: today) <= today }
    }

    override fun attached() = load()

    /** Reads the dashboard again (in the background). */
    fun load() {
        val app = session.app ?: return
        val today = session.today()
        session.work.background {
            val (board, error) =
                try {
                    app.dashboard(dashboard.enrollment) to null
                } catch (e: PhumException) {
                    null to e.said
                }
            session.work.onMain { update(state.copy(loading = false, board = board ?: state.board, error = error, today = today)) }
        }
    }

    fun openNext() = state.next?.let(::open)

    /** Opens the visit a button names (the next one, or one in a stage out of turn). */
    fun open(visit: Next) = navigator?.go(Destination.Form(visit.target))

    fun openVisit(event: String) = navigator?.go(Destination.Form(FormTarget.Event(event)))

    fun editDetails() = navigator?.go(Destination.Form(FormTarget.Registration(dashboard.enrollment)))

    /** Asks before [action]. */
    fun ask(action: Action) = update(state.copy(asking = action, error = null))

    /** The user said no. */
    fun dismiss() = update(state.copy(asking = null))

    /** The user said yes: does the action asked about, then reads the dashboard again. */
    fun confirm() {
        val action = state.asking ?: return
        val app = session.app ?: return
        update(state.copy(asking = null))
        session.work.background {
            val refused =
                try {
                    when (action) {
                        Action.COMPLETE -> app.completeEnrollment(dashboard.enrollment)
                        Action.CANCEL -> app.cancelEnrollment(dashboard.enrollment)
                        Action.REOPEN -> app.reopenEnrollment(dashboard.enrollment)
                    }
                    null
                } catch (e: PhumException) {
                    e.said
                }
            session.work.onMain {
                if (refused != null) update(state.copy(error = refused)) else load()
            }
        }
    }

    companion object {
        const val ACTIVE = "ACTIVE"
        const val COMPLETED = "COMPLETED"
    }
}
