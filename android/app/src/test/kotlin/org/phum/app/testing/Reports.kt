// The demo's VHSG monthly village report, for the report screen's tests: its cells (data element
// . category option combo, core/src/demo/dataset.rs `vhsg`), the trainee's villages and what
// each has reported (core/src/demo/people/reports.rs: the first three completed last month's
// report, the fourth filled it without completing it, the last two have not reported; this
// month is empty everywhere), and the texts a screen shows for them.
package org.phum.app.testing

import org.phum.core.App
import org.phum.core.FormSession
import org.phum.core.PeriodInfo
import org.phum.demo.Demo

object Reports {
    const val UNDER_2_MALE = "DmDeAgU2Liv.DmCocMale01"
    const val UNDER_2_FEMALE = "DmDeAgU2Liv.DmCocFemal1"
    const val VACCINATED_MALE = "DmDeAgU2Vac.DmCocMale01"
    const val VACCINATED_FEMALE = "DmDeAgU2Vac.DmCocFemal1"
    const val PREGNANT_WOMEN = "DmDeAgPregW.DmCocDefaul"
    const val DEATHS = "DmDeAgDeath"

    /** A village that completed last month's report. */
    const val COMPLETED_VILLAGE = "DmV17060101"

    /** The village whose report of last month is filled but not completed. */
    const val UNFINISHED_VILLAGE = "DmV17060104"

    /** A village that has not reported last month. */
    const val SILENT_VILLAGE = "DmV17060105"

    /** The demo's villages that report (the VHSG data set is theirs), from the org unit tree. */
    fun villages(app: App): List<String> =
        app.orgUnits().map { it.uid }.filter { unit -> app.captureOptions(unit).dataSets.any { it.uid == Demo.VHSG } }

    /** The report's periods at [village], newest first. */
    fun periods(app: App, village: String): List<PeriodInfo> = app.captureOptions(village).dataSets.single { it.uid == Demo.VHSG }.periods

    /** This month: the newest open period (the demo opens no future period). */
    fun thisMonth(app: App, village: String): PeriodInfo = periods(app, village).first { it.closed == null }

    /** Each cell's label (its accessible name on the screen) in the App's language, by key. */
    fun labels(app: App, village: String): Map<String, String> =
        FormSession.openDataSet(app, Demo.VHSG, village, thisMonth(app, village).id, null).use { form ->
            try {
                form.view().fields.associate { it.key to it.label }
            } finally {
                form.end()
            }
        }

    /** The boys' rule (name, instruction) as a screen shows it, in [language]. */
    fun boysRule(language: String): Pair<String, String> =
        if (language == "km") {
            "ក្មេងប្រុសបានចាក់ថ្នាំ៖ មិនលើសក្មេងប្រុសអាយុក្រោម ២ ឆ្នាំ" to
                "ចំនួនក្មេងប្រុសអាយុក្រោម ២ ឆ្នាំ ដែលបានចាក់ថ្នាំបង្ការក្នុងខែនេះ មិនអាចលើសចំនួនក្មេងប្រុសអាយុក្រោម ២ ឆ្នាំ ដែលរស់នៅក្នុងភូមិបានទេ។ សូមពិនិត្យលេខទាំងពីរ។"
        } else {
            "Boys vaccinated: not more than boys under 2" to
                "Boys under 2 vaccinated this month cannot be more than the boys under 2 living in the village. Check both numbers."
        }
}
