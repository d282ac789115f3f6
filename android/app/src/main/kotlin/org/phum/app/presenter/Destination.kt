// Where the app goes next: every screen a presenter may ask for, with what it opens. The UI maps
// each to its Activity (ui/Screens); a destination crosses an Intent, so it holds plain values
// (UIDs, ISO periods) and never a core object.
package org.phum.app.presenter

import java.io.Serializable

sealed class Destination {
    object FirstRun : Destination()

    object Login : Destination()

    object Home : Destination()

    object OrgUnits : Destination()

    object Sync : Destination()

    object Settings : Destination()

    /** A record the server refused, read only, at the field it named. */
    data class Record(val kind: String, val key: String, val field: String?) : Destination()

    /** Finding a person in a tracker program at an org unit, or registering one. */
    data class People(val program: String, val orgUnit: String) : Destination()

    /** A person's enrollment: the stages with their visits, the next visit. */
    data class Dashboard(val enrollment: String) : Destination()

    /** A form to fill: a visit, a registration. */
    data class Form(val target: FormTarget) : Destination()

    /** A data set's report at an org unit, for [period] (ISO, `202611`) or the newest open one. */
    data class Report(val dataSet: String, val orgUnit: String, val period: String? = null) : Destination()

    /** The visits of a program at an org unit that are overdue or coming. */
    data class WorkingList(val program: String, val orgUnit: String) : Destination()
}

/** Which form a [Destination.Form] opens: a new record, or one stored on the phone. */
sealed class FormTarget : Serializable {
    /** A visit on [eventDate] (ISO): in [enrollment] for a tracker program, alone otherwise. */
    data class NewEvent(
        val program: String,
        val stage: String,
        val orgUnit: String,
        val enrollment: String?,
        val eventDate: String,
    ) : FormTarget()

    /** A stored visit. */
    data class Event(val event: String) : FormTarget()

    /** A new person in [program] at [orgUnit], enrolled on [enrollmentDate] (ISO). */
    data class NewRegistration(val program: String, val orgUnit: String, val enrollmentDate: String) : FormTarget()

    /**
     * A person already on the phone ([trackedEntity]) enrolled in [program] at [orgUnit] on
     * [enrollmentDate] (ISO): the registration form with their details (FormSession.newEnrollment).
     */
    data class NewEnrollment(
        val trackedEntity: String,
        val program: String,
        val orgUnit: String,
        val enrollmentDate: String,
    ) : FormTarget()

    /** A stored enrollment's registration: the person's details and the enrollment's dates. */
    data class Registration(val enrollment: String) : FormTarget()
}
