// The demo's dataset as the Kotlin tests use it (core/src/demo/dataset.rs names these UIDs), and
// the steps several flows share: registering a child, finding an empty village report. Shared by
// the bindings' tests and the Android app's tests (both compile tests/kotlin), so it uses no test
// framework: a step that fails throws.
package org.phum.demo

import java.time.LocalDate
import java.time.ZoneId
import org.phum.core.App
import org.phum.core.FormSession
import org.phum.core.Record

object Demo {
    const val IMMUNIZATION = "DmPrImmuniz"
    const val HEALTH_CENTRE = "DmOuHcChnDi"
    const val BIRTH = "DmStImBirth"
    const val WEEKS_6 = "DmStIm06Wks"
    const val WEEKS_10 = "DmStIm10Wks"
    const val WEEKS_14 = "DmStIm14Wks"

    const val NAME_KHMER = "DmAtNameKhm"
    const val NAME_LATIN = "DmAtNameLat"
    const val SEX = "DmAtSex0001"
    const val DATE_OF_BIRTH = "DmAtDob0001"
    const val CAREGIVER = "DmAtCaregvr"
    const val PHONE = "DmAtPhone01"
    const val VILLAGE = "DmAtVillage"

    const val HEPB_BIRTH = "DmDeHepB0Bd"
    const val PENTA_1 = "DmDePenta01"
    const val FEVER = "DmDeFeverIl"
    const val CHILD_WEIGHT = "DmDeChildWt"

    const val VHSG = "DmDsVhsgMon"
    const val CHILDREN_UNDER_2 = "DmDeAgU2Liv"
    const val CHILDREN_VACCINATED = "DmDeAgU2Vac"
    const val MALE = "DmCocMale01"

    fun today(): LocalDate = LocalDate.now(ZoneId.of("Asia/Phnom_Penh"))

    /**
     * A girl born [ageDays] before [enrolled], registered on [enrolled] (today unless a fixed date
     * keeps a screenshot the same) at the health centre, in the first village; her enrollment.
     */
    fun registerChild(
        app: App,
        khmerName: String,
        latinName: String,
        phone: String? = null,
        ageDays: Long = 50,
        enrolled: LocalDate = today(),
    ): Record.Enrollment =
        FormSession.newRegistration(app, IMMUNIZATION, HEALTH_CENTRE, enrolled.toString(), enrolled.minusDays(ageDays).toString()).use { form ->
            try {
                val village = form.view().fields.single { it.key == VILLAGE }.options.first().code
                form.setValue(NAME_KHMER, khmerName)
                form.setValue(NAME_LATIN, latinName)
                form.setValue(SEX, "F")
                form.setValue(CAREGIVER, "ចាន់ សុភា")
                form.setValue(VILLAGE, village)
                if (phone != null) form.setValue(PHONE, phone)
                val done = form.complete()
                check(done.completed) { "registration refused: ${done.refusals}" }
                form.record() as Record.Enrollment
            } finally {
                form.end()
            }
        }

    /** A village and an open month whose report has no value yet (the practice data has some). */
    fun emptyVillageReport(app: App): Pair<String, String> {
        for (unit in app.orgUnits().filter { it.captures && it.level == 5u }) {
            val set = app.captureOptions(unit.uid).dataSets.singleOrNull { it.uid == VHSG } ?: continue
            for (period in set.periods.filter { it.closed == null }) {
                val empty = FormSession.openDataSet(app, VHSG, unit.uid, period.id, null).use { form ->
                    val view = form.view()
                    !view.completed && view.readOnlyReason == null && view.fields.all { it.value == null }
                }
                if (empty) return unit.uid to period.id
            }
        }
        error("no open, empty village report")
    }
}
