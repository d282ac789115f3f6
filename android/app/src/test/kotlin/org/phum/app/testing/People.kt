// What the people screens' tests need from the demo: its NCD program, an adult registered there
// (a person not enrolled in immunization), a phone added to a registration, a baby overdue
// for the 10-week contact, and screenshots made the same on every
// day: every long date shown ("14 March 2026", "១៤ មីនា ២០២៦") moved by the days between today and
// a fixed day, so relative dates stay relative and the picture does not change.
package org.phum.app.testing

import android.app.Activity
import java.time.LocalDate
import java.time.temporal.ChronoUnit
import org.phum.core.App
import org.phum.core.FormSession
import org.phum.core.Record
import org.phum.demo.Demo

object People {
    const val NCD = "DmPrNcdHtDm"
    const val PHONE = "DmAtPhone01"

    /** The day screenshots are drawn as if it were today. */
    val SCREENSHOT_DAY: LocalDate = LocalDate.of(2026, 12, 5)

    /** An adult registered in the NCD program today with [khmerName]; the enrollment. */
    fun registerAdult(app: App, khmerName: String): Record.Enrollment =
        FormSession.newRegistration(app, NCD, Demo.HEALTH_CENTRE, Demo.today().toString(), Demo.today().toString()).use { form ->
            try {
                form.setValue(Demo.NAME_KHMER, khmerName)
                form.record() as Record.Enrollment
            } finally {
                form.end()
            }
        }

    /** Sets the phone of [enrollment]'s person to [phone]. */
    fun setPhone(app: App, enrollment: Record.Enrollment, phone: String) =
        FormSession.openRegistration(app, enrollment.uid).use { form ->
            try {
                form.setValue(PHONE, phone)
            } finally {
                form.end()
            }
        }

    /**
     * The enrollment of the first baby on the immunization working list overdue for the 10-week
     * contact: a card with doses given and doses overdue.
     */
    fun overdueBaby(app: App): String =
        app.overdue(Demo.IMMUNIZATION, Demo.HEALTH_CENTRE, 0uL, 500u).rows.first { it.stage == "DmStIm10Wks" }.enrollment

    /** Taps the card (a tappable block) holding the text [text]. */
    fun clickCard(activity: Activity, text: String) {
        val view = Views.find(activity, text).firstOrNull() ?: error("no '$text' on the screen: ${Views.texts(activity)}")
        (view.parent as android.view.View).performClick()
        Views.idle()
    }

    private val ENGLISH_MONTHS =
        listOf("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
    private val KHMER_MONTHS = listOf("មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ")
    private val DATE = Regex("([0-9០-៩]{1,2}) (${(ENGLISH_MONTHS + KHMER_MONTHS).joinToString("|")}) ([0-9០-៩]{4})")

    /** Moves every long date [activity] shows as if today were [SCREENSHOT_DAY]. */
    fun stableDates(activity: Activity) {
        val shift = ChronoUnit.DAYS.between(Demo.today(), SCREENSHOT_DAY)
        val replacements = mutableMapOf<String, String>()
        for (text in Views.texts(activity)) {
            val moved =
                DATE.replace(text) { match ->
                    val (day, month, year) = match.destructured
                    val months = if (month in KHMER_MONTHS) KHMER_MONTHS else ENGLISH_MONTHS
                    val date = LocalDate.of(ascii(year).toInt(), months.indexOf(month) + 1, ascii(day).toInt()).plusDays(shift)
                    val digits = if (day.any { it in '០'..'៩' }) ::khmerDigits else { s: String -> s }
                    "${digits(date.dayOfMonth.toString())} ${months[date.monthValue - 1]} ${digits(date.year.toString())}"
                }
            // Whole texts, in one pass each: a moved date is never moved again.
            if (moved != text) replacements[text] = moved
        }
        Views.stabilize(activity, replacements)
    }

    private fun ascii(s: String) = s.map { if (it in '០'..'៩') '0' + (it - '០') else it }.joinToString("")

    private fun khmerDigits(s: String) = s.map { if (it in '0'..'9') '០' + (it - '0') else it }.joinToString("")
}
