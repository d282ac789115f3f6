// The form screen, for every visit (an event) and every registration (a new person and their
// enrollment, or a stored enrollment's registration): the core's FormSession opened for the
// FormTarget, each value sent as it is typed or chosen, what changed applied to the form as the
// core answers, completing with every reason it is refused, and leaving.
//
// Flow: open (a new event or registration is made by the core at once, so a screen rebuilt for
// another language or after the process died reopens the record it made: [reopen]); [type] and
// [choose] send one value each (FormSession.setValue commits it before it answers: nothing typed
// is lost); the answer (a FormUpdate, only what changed) is applied to the FormView kept in the
// state, and a value the core refuses keeps its typed text with the core's reason at the field;
// [complete] completes, or lists every refusal (each with the field to jump to); a completed
// visit closes the screen, a new registration opens the new enrollment's dashboard. [leave] ends
// the session when the screen goes for good (not on a rotation: the presenter is kept).
//
// The core's calls run one at a time, in the order they were asked (a second value typed before
// the first one's answer waits, and replaces a value still waiting for the same field): values
// typed fast are saved in order, and ending waits for them.
//
// Owns what the form screen shows and asks of the core. Does not own the form's behaviour
// (rules, checks, saving: the core), how values are typed (FieldInput) or drawing (ui/FormActivity).
package org.phum.app.presenter

import org.phum.core.App
import org.phum.core.Field
import org.phum.core.FormMessage
import org.phum.core.FormMessageKind
import org.phum.core.FormSession
import org.phum.core.FormType
import org.phum.core.FormUpdate
import org.phum.core.FormView
import org.phum.core.PhumException
import org.phum.core.Record
import org.phum.core.Refusal
import org.phum.core.Section

class FormPresenter(
    private val session: Session,
    target: FormTarget?,
    /** The record this screen made or opened before it was rebuilt, to open again. */
    reopen: FormTarget? = null,
) : Presenter<FormPresenter.State>(State(session.texts, target, today = session.today())) {
    enum class Tone { ERROR, WARNING, INFO }

    /** A message of the whole form. */
    data class Notice(val text: String, val tone: Tone)

    /** Fields under a section's title (none for the fields outside every section: the record's dates). */
    data class Group(val section: String?, val keys: List<String>)

    /**
     * A person already on the phone who may be the one being registered: who ([person], their
     * names), where ([place]), why ([reasons]), and their enrollment in this program to open.
     * [text] is the core's whole hint, said when the person cannot be read.
     */
    data class Duplicate(val text: String, val person: String?, val place: String?, val reasons: String?, val enrollment: String?)

    data class State(
        val texts: Texts,
        val target: FormTarget?,
        val loading: Boolean = true,
        /** Why the form could not be opened. */
        val error: String? = null,
        val form: FormView? = null,
        /** Changes when [form] is replaced whole (opened): the screen builds its inputs again. */
        val shape: Int = 0,
        /** Today in the phone's time zone (ISO): ages are counted to it. */
        val today: String,
        /** What was typed in a field, as typed, until something else changes its value. */
        val typed: Map<String, String> = emptyMap(),
        /** The core's reason for refusing what was typed in a field. */
        val refused: Map<String, String> = emptyMap(),
        /** Why completing was refused, until the fields they name are changed. */
        val refusals: List<Refusal> = emptyList(),
        val duplicates: List<Duplicate> = emptyList(),
        /** Org unit names by UID, for ORGANISATION_UNIT fields and duplicates. */
        val orgUnits: Map<String, String> = emptyMap(),
        val completing: Boolean = false,
        /** Why completing failed (not a refusal: the store, a record changed elsewhere). */
        val saveError: String? = null,
        /** Completed: the screen goes to [next] (or back when null). */
        val done: Boolean = false,
        val next: Destination? = null,
    ) {
        val title: String get() {
            val form = form ?: return if (loading) texts("screen-common-loading") else ""
            return if (target.enrolls) texts("screen-register-title", "program" to form.title) else form.title
        }

        val khmerDigits: Boolean get() = form?.khmerDigits ?: texts.khmerDigits

        /** Why nothing can be changed, when so. */
        val readOnly: String? get() {
            val form = form ?: return null
            return form.readOnlyReason?.text ?: if (form.completed) texts("screen-form-completed") else null
        }

        fun field(key: String): Field? = form?.fields?.firstOrNull { it.key == key }

        fun section(uid: String): Section? = form?.sections?.firstOrNull { it.uid == uid }

        fun editable(field: Field): Boolean = field.editable && readOnly == null && !done

        fun visible(field: Field): Boolean = !field.hidden && (field.section?.let { section(it)?.hidden != true } ?: true)

        /** Every field in form order: first those outside sections (the record's dates), then each section's. */
        val groups: List<Group> get() {
            val form = form ?: return emptyList()
            val inSections = form.sections.flatMap { it.fields }.toSet()
            val loose = form.fields.map { it.key }.filter { it !in inSections }
            val known = form.fields.map { it.key }.toSet()
            return listOfNotNull(loose.takeIf { it.isNotEmpty() }?.let { Group(null, it) }) +
                form.sections.map { s -> Group(s.uid, s.fields.filter { it in known }) }
        }

        /** The form's messages (not the duplicates), errors first, then warnings, then the rules' texts. */
        val notices: List<Notice> get() =
            form?.messages.orEmpty().mapNotNull { m ->
                val tone =
                    when (m.kind) {
                        FormMessageKind.ERROR, FormMessageKind.RULE_FAILURE, FormMessageKind.CHECK_FAILED -> Tone.ERROR
                        FormMessageKind.WARNING, FormMessageKind.ON_COMPLETE -> Tone.WARNING
                        FormMessageKind.TEXT -> Tone.INFO
                        FormMessageKind.POSSIBLE_DUPLICATE -> null
                    }
                tone?.let { Notice(m.text.text, it) }
            }.sortedBy { it.tone.ordinal }

        /** The value as read where it cannot be changed (an org unit by its name). */
        fun shown(field: Field): String =
            field.value?.let { value -> if (FieldInput.of(field) == Input.ORG_UNIT) orgUnits[value] ?: field.shown else field.shown }
                ?: field.value ?: RecordPresenter.NONE

        val completeLabel: String get() =
            when {
                form?.formType != FormType.REGISTRATION -> texts("screen-event-complete")
                !target.enrolls -> texts("screen-common-save")
                duplicates.isNotEmpty() -> texts("screen-register-not-duplicate")
                else -> texts("screen-register-save")
            }

        val canComplete: Boolean get() = form != null && readOnly == null && !completing && !done

        val refusalsTitle: String get() = texts("screen-event-errors-count", "count" to refusals.size)

        val duplicatesTitle: String get() = texts("screen-register-possible-duplicates", "count" to duplicates.size)

        val openDuplicate: String get() = texts("screen-sync-open-record")
    }

    /** The open form; null before it opens and after [leave]. Read by the core's calls, one at a time. */
    @Volatile private var form: FormSession? = null

    /** The program of a registration, for the duplicates' enrollments. */
    @Volatile private var program: String? = null

    /** The record once opened, as the target that opens it again (kept by a rebuilt screen). */
    var reopen: FormTarget? = reopen
        private set

    private val jobs = ArrayDeque<Job>()
    private var running = false

    init {
        run(Open(reopen ?: target))
    }

    override fun attached() {
        if (state.done) finish()
    }

    /** [text] was typed in [key]'s input: kept as typed, and sent. */
    fun type(key: String, text: String) {
        val field = state.field(key) ?: return
        update(state.copy(typed = state.typed + (key to text)))
        send(key, FieldInput.value(field, text), typed = true)
    }

    /** [value] (as stored: a code, an ISO date, `true`) was chosen for [key], or cleared (null). */
    fun choose(key: String, value: String?) {
        update(state.copy(typed = state.typed - key, refused = state.refused - key))
        send(key, value, typed = false)
    }

    fun complete() {
        if (!state.canComplete) return
        update(state.copy(completing = true, saveError = null))
        run(Complete())
    }

    /** Opens the dashboard of a person who may be the one being registered. */
    fun open(duplicate: Duplicate) {
        duplicate.enrollment?.let { navigator?.go(Destination.Dashboard(it)) }
    }

    /** The screen goes for good: what is waiting is saved, then the session ends. */
    fun leave() = run(Leave())

    private fun send(key: String, value: String?, typed: Boolean) {
        val waiting = jobs.firstOrNull { it is SetValue && it.key == key } as SetValue?
        if (waiting != null) {
            waiting.value = value
            waiting.typed = typed
        } else {
            run(SetValue(key, value, typed))
        }
    }

    private fun finish() {
        val next = state.next
        navigator?.let {
            if (next != null) it.go(next)
            it.close()
        }
    }

    // The core's calls, one at a time: each runs in the background and answers on the main thread.

    private abstract class Job {
        /** In the background: the call; returns what to do on the main thread with its answer. */
        abstract fun call(): () -> Unit
    }

    private fun run(job: Job) {
        jobs.addLast(job)
        next()
    }

    private fun next() {
        if (running) return
        val job = jobs.removeFirstOrNull() ?: return
        running = true
        session.work.background {
            val answer = job.call()
            session.work.onMain {
                running = false
                answer()
                next()
            }
        }
    }

    private inner class Open(private val which: FormTarget?) : Job() {
        override fun call(): () -> Unit {
            val app = session.app
            if (which == null || app == null) return { update(state.copy(loading = false, error = state.texts("screen-form-nothing-to-open"))) }
            try {
                val opened = open(app, which)
                form = opened
                val view = opened.view()
                val record = opened.record()
                program = (which as? FormTarget.NewRegistration)?.program ?: (which as? FormTarget.NewEnrollment)?.program ?: (record as? Record.Enrollment)?.let { programOf(app, it) }
                val names = if (view.fields.any { FieldInput.of(it) == Input.ORG_UNIT } || hasDuplicates(view.messages)) orgUnitNames(app) else emptyMap()
                val duplicates = duplicates(app, view.messages, names)
                val again =
                    when (record) {
                        is Record.Event -> FormTarget.Event(record.uid)
                        is Record.Enrollment -> FormTarget.Registration(record.uid)
                        is Record.DataSetForm -> null
                    }
                return {
                    reopen = again
                    update(state.copy(loading = false, form = view, shape = state.shape + 1, orgUnits = names, duplicates = duplicates))
                }
            } catch (e: PhumException) {
                val said = e.said
                return { update(state.copy(loading = false, error = said)) }
            }
        }

        private fun open(app: App, which: FormTarget): FormSession =
            when (which) {
                is FormTarget.NewEvent -> FormSession.newEvent(app, which.program, which.stage, which.orgUnit, which.enrollment, which.eventDate)
                is FormTarget.Event -> FormSession.openEvent(app, which.event)
                // The incident date starts as the enrollment date; a form that asks for it shows it as a field.
                is FormTarget.NewRegistration -> FormSession.newRegistration(app, which.program, which.orgUnit, which.enrollmentDate, which.enrollmentDate)
                is FormTarget.Registration -> FormSession.openRegistration(app, which.enrollment)
                is FormTarget.NewEnrollment ->
                    FormSession.newEnrollment(app, which.trackedEntity, which.program, which.orgUnit, which.enrollmentDate, which.enrollmentDate)
            }
    }

    /** Sends one value; [value] and [typed] are replaced while it waits (a newer value for the same field). */
    private inner class SetValue(val key: String, var value: String?, var typed: Boolean) : Job() {
        override fun call(): () -> Unit {
            val form = form ?: return {}
            // The form as the previous call's answer left it: only answers change it, and this
            // call started after the last one was applied on the main thread.
            val before = state.form ?: return {}
            try {
                val change = form.setValue(key, value)
                val after = applied(before, change)
                val duplicates = if (dupesChanged(change)) session.app?.let { duplicates(it, after.messages, state.orgUnits) } else null
                return { changed(key, before, change, duplicates) }
            } catch (e: PhumException) {
                val said = e.said
                val typed = typed
                val value = value
                return {
                    // A refused choice is shown as it was chosen, beside the reason.
                    val shown = if (typed) state.typed else state.typed + (key to (value ?: ""))
                    update(state.copy(typed = shown, refused = state.refused + (key to said)))
                }
            }
        }
    }

    /** [key]'s value was saved: [change] applied; fields something else changed show their new value. */
    private fun changed(key: String, before: FormView, change: FormUpdate, duplicates: List<Duplicate>?) {
        val form = state.form ?: return
        val old = before.fields.associateBy { it.key }
        val moved = change.fields.filter { it.key != key && it.value != old[it.key]?.value }.map { it.key }.toSet()
        val hidden = change.fields.filter { it.hidden }.map { it.key }.toSet()
        update(
            state.copy(
                form = applied(form, change),
                typed = state.typed - moved,
                refused = state.refused - key - moved,
                refusals = state.refusals.filter { it.field == null || (it.field != key && it.field !in hidden) },
                duplicates = duplicates ?: state.duplicates,
            ),
        )
    }

    private inner class Complete : Job() {
        override fun call(): () -> Unit {
            val form = form ?: return { update(state.copy(completing = false)) }
            try {
                val completion = form.complete()
                val record = if (completion.completed) form.record() else null
                return {
                    val applied = state.form?.let { applied(it, completion.update) }
                    if (completion.completed) {
                        val next = (record as? Record.Enrollment)?.takeIf { state.target.enrolls }?.let { Destination.Dashboard(it.uid) }
                        update(state.copy(form = applied, completing = false, refusals = emptyList(), done = true, next = next))
                        finish()
                    } else {
                        update(state.copy(form = applied, completing = false, refusals = completion.refusals))
                    }
                }
            } catch (e: PhumException) {
                val said = e.said
                return { update(state.copy(completing = false, saveError = said)) }
            }
        }
    }

    private inner class Leave : Job() {
        override fun call(): () -> Unit {
            form?.let { it.use { open -> open.end() } }
            form = null
            return {}
        }
    }

    private fun dupesChanged(change: FormUpdate): Boolean = hasDuplicates(change.messagesAdded) || hasDuplicates(change.messagesRemoved)

    private fun hasDuplicates(messages: List<FormMessage>) = messages.any { it.kind == FormMessageKind.POSSIBLE_DUPLICATE }

    /** The possible duplicates among [messages], each person read from the phone. */
    private fun duplicates(app: App, messages: List<FormMessage>, known: Map<String, String>): List<Duplicate> {
        val hints = messages.filter { it.kind == FormMessageKind.POSSIBLE_DUPLICATE }
        if (hints.isEmpty()) return emptyList()
        val names = known.ifEmpty { orgUnitNames(app) }
        return hints.map { hint ->
            val person = hint.text.args["person"]?.let { uid -> try { app.person(uid) } catch (e: PhumException) { null } }
            Duplicate(
                text = hint.text.text,
                person = person?.values?.joinToString(" · ") { it.shown }?.ifEmpty { null },
                place = person?.let { names[it.orgUnit] },
                reasons = hint.text.args["reasons"],
                enrollment = person?.enrollments?.firstOrNull { it.program == program }?.uid,
            )
        }
    }

    private fun orgUnitNames(app: App): Map<String, String> =
        try {
            app.orgUnits().associate { it.uid to it.name }
        } catch (e: PhumException) {
            emptyMap()
        }

    private fun programOf(app: App, enrollment: Record.Enrollment): String? =
        try {
            app.person(enrollment.trackedEntity).enrollments.firstOrNull { it.uid == enrollment.uid }?.program
        } catch (e: PhumException) {
            null
        }

    companion object {
        /** [form] with [change] applied: its fields and sections replaced, its messages added and removed. */
        fun applied(form: FormView, change: FormUpdate): FormView {
            val fields = change.fields.associateBy { it.key }
            val sections = change.sections.associateBy { it.uid }
            val messages = form.messages.toMutableList()
            change.messagesRemoved.forEach { messages.remove(it) }
            messages.addAll(change.messagesAdded)
            return form.copy(
                fields = form.fields.map { fields[it.key] ?: it },
                sections = form.sections.map { sections[it.uid] ?: it },
                messages = messages,
                canComplete = change.canComplete ?: form.canComplete,
                completed = change.completed ?: form.completed,
            )
        }
    }
}

/** A form that enrolls someone (a new person, or one already on the phone): saving opens their dashboard. */
private val FormTarget?.enrolls: Boolean
    get() = this is FormTarget.NewRegistration || this is FormTarget.NewEnrollment
