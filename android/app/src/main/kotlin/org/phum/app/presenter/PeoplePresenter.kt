// Finding a person in a tracker program at an org unit, or registering one: one search box (a
// name in Khmer or Latin letters, a phone number in either digit set, an ID), searched as the
// user types (App.searchPeople, in the background; an answer to an older text is dropped), each
// person as a health worker recognises them: name, sex, age, village and last visit.
//
// What a result opens: a person with an enrollment in this program, its dashboard (the ACTIVE one,
// else the latest); a person found but not enrolled in it, their enrollment in it
// (FormTarget.NewEnrollment: the registration form with their details). "Register a new person"
// opens a new registration enrolled today.
//
// Owns what the search screen shows and where it goes. Does not own searching or the person's
// card (the core's), nor the forms (FormActivity).
package org.phum.app.presenter

import org.phum.core.EnrollmentInfo
import org.phum.core.PersonHit
import org.phum.core.PhumException

class PeoplePresenter(private val session: Session, val people: Destination.People) :
    Presenter<PeoplePresenter.State>(State(session.texts, session.today())) {
    /** One person found: who they are, and their enrollment in this program if they have one. */
    data class Result(
        val trackedEntity: String,
        val name: String,
        val others: String?,
        val details: String?,
        val lastVisit: String?,
        /** Their enrollment in this program (its dashboard opens), or null: not enrolled. */
        val enrollment: String?,
    )

    data class State(
        val texts: Texts,
        val today: String,
        /** The text searched for, as typed. */
        val query: String = "",
        val results: List<Result> = emptyList(),
        /** The results are the answer to [query]. */
        val answered: Boolean = false,
        /** The program's name in the user's language (from the capture options). */
        val programName: String = "",
        val error: String? = null,
    ) {
        val title get() = texts("screen-search-title")
        val hint get() = texts("screen-search-hint")
        val register get() = texts("screen-search-register")
        val tooShort: Boolean get() = query.isNotBlank() && query.trim().length < MIN_LENGTH

        /** What the screen says above the results (too short, nobody, how many), if anything. */
        val status: String? get() =
            when {
                tooShort -> texts("screen-search-too-short", "min" to MIN_LENGTH)
                query.isBlank() || !answered || error != null -> null
                results.isEmpty() -> texts("screen-search-no-results")
                else -> texts("screen-search-results-count", "count" to results.size)
            }

        fun notEnrolled() = texts("screen-search-not-enrolled", "program" to programName)

        fun enroll() = texts("screen-enrollment-enroll-in", "program" to programName)
    }

    /** Which search is the newest: an answer to an older one is dropped. */
    private var asked = 0

    override fun attached() {
        if (state.programName.isNotEmpty()) {
            search(state.query)
            return
        }
        val app = session.app ?: return
        session.work.background {
            val name =
                try {
                    app.captureOptions(people.orgUnit).programs.firstOrNull { it.uid == people.program }?.name
                } catch (e: PhumException) {
                    null
                }
            session.work.onMain {
                update(state.copy(programName = name ?: people.program))
                search(state.query)
            }
        }
    }

    /** Searches for [text] (in the background); shows nothing for a blank or too short text. */
    fun search(text: String) {
        val ask = ++asked
        update(state.copy(query = text, answered = false, error = null))
        if (text.isBlank() || state.tooShort) {
            update(state.copy(results = emptyList()))
            return
        }
        val app = session.app ?: return
        val today = session.today()
        session.work.background {
            val (found, error) =
                try {
                    app.searchPeople(people.program, text, people.orgUnit, LIMIT).map { result(it, today) } to null
                } catch (e: PhumException) {
                    emptyList<Result>() to e.said
                }
            session.work.onMain {
                if (ask == asked) update(state.copy(answered = true, results = found, error = error, today = today))
            }
        }
    }

    private fun result(hit: PersonHit, today: String): Result {
        val person = hit.person
        val here = enrollmentIn(person.enrollments)
        val visit = (here?.lastVisit ?: person.enrollments.mapNotNull { it.lastVisit }.maxOrNull())
        return Result(
            trackedEntity = person.trackedEntity,
            name = PersonLines.name(person.values, person.trackedEntity),
            others = PersonLines.others(person.values),
            details = PersonLines.details(state.texts, person.profile, today),
            lastVisit = visit?.let { state.texts("screen-search-last-visit", "date" to DateArg(it)) },
            enrollment = here?.uid,
        )
    }

    /** The person's enrollment in this program to open: the ACTIVE one, else the latest. */
    private fun enrollmentIn(enrollments: List<EnrollmentInfo>): EnrollmentInfo? {
        val here = enrollments.filter { it.program == people.program }
        return here.firstOrNull { it.status == ACTIVE } ?: here.maxByOrNull { it.enrollmentDate }
    }

    /** Opens the person's dashboard in this program, or enrolls them in it. */
    fun open(result: Result) {
        val destination =
            result.enrollment?.let { Destination.Dashboard(it) }
                ?: Destination.Form(FormTarget.NewEnrollment(result.trackedEntity, people.program, people.orgUnit, session.today()))
        navigator?.go(destination)
    }

    /** A new person, registered in this program at this org unit today. */
    fun register() = navigator?.go(Destination.Form(FormTarget.NewRegistration(people.program, people.orgUnit, session.today())))

    companion object {
        /** The fewest characters searched for. */
        const val MIN_LENGTH = 2

        /** The most people a search shows. */
        const val LIMIT = 30u

        const val ACTIVE = "ACTIVE"
    }
}
