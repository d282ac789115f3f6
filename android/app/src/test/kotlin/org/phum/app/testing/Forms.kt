// What the form screen's tests open and touch: a child's 6-week visit, an adult's NCD follow-up visit (the
// demo's first adult whose follow-up is overdue at the health centre), a new registration, the fields
// of the demo's NCD program, and a field's row on the screen (its tag is the field's key). UIDs are core/src/demo/dataset.rs's.
package org.phum.app.testing

import android.app.Activity
import android.view.View
import android.view.ViewGroup
import android.widget.EditText
import android.widget.TextView
import org.phum.app.presenter.DateArg
import org.phum.app.presenter.FormTarget
import org.phum.app.presenter.Texts
import org.phum.core.App
import org.phum.core.Record
import org.phum.demo.Demo

object Ncd {
    const val PROGRAM = "DmPrNcdHtDm"
    const val FOLLOW_UP = "DmStNcdFlwU"
    const val SYSTOLIC = "DmDeSystol1"
    const val DIASTOLIC = "DmDeDiastol"
    const val BP_RESULT = "DmDeBpResul"
    const val REFERRAL = "DmDeReferTo"
    const val SMOKER = "DmDeSmoker1"
    const val WEIGHT = "DmDeWeightK"
}

object Forms {
    const val OPV_1 = "DmDeBopv001"
    const val PCV_1 = "DmDePcv0001"
    const val FEVER = "DmDeFeverIl"
    const val DATE_OF_BIRTH = "DmAtDob0001"
    const val PHONE = "DmAtPhone01"
    const val EVENT_DATE = "eventDate"
    const val INCIDENT_DATE = "incidentDate"

    /** The 6-week visit of a child registered now, today. */
    fun sixWeekVisit(app: App, khmerName: String = "ស៊ុន ស្រីពៅ", latinName: String = "Sun Sreypov"): FormTarget.NewEvent {
        val child: Record.Enrollment = Demo.registerChild(app, khmerName, latinName)
        return FormTarget.NewEvent(Demo.IMMUNIZATION, Demo.WEEKS_6, Demo.HEALTH_CENTRE, child.uid, Demo.today().toString())
    }

    /** Today's follow-up visit of the demo's most overdue adult at the health centre. */
    fun ncdFollowUp(app: App): FormTarget.NewEvent {
        val row = app.overdue(Ncd.PROGRAM, Demo.HEALTH_CENTRE, 0uL, 1u).rows.first()
        return FormTarget.NewEvent(Ncd.PROGRAM, Ncd.FOLLOW_UP, Demo.HEALTH_CENTRE, row.enrollment, Demo.today().toString())
    }

    /**
     * [iso] as the core writes a date in [texts]' language: a screen text with a date, less the
     * words around the date (found by two dates that differ in their first and last characters).
     */
    fun spelledDate(texts: Texts, iso: String): String {
        fun said(date: String) = texts("screen-enrollment-event-scheduled", "date" to DateArg(date))
        val (a, b) = said("2000-01-01") to said("2011-02-22")
        return said(iso).removePrefix(a.commonPrefixWith(b)).removeSuffix(a.commonSuffixWith(b))
    }

    /** A new child in the immunization program at the health centre, enrolled today. */
    fun newChild(): FormTarget.NewRegistration = FormTarget.NewRegistration(Demo.IMMUNIZATION, Demo.HEALTH_CENTRE, Demo.today().toString())
}

/** A form field's row on the screen, found by the field's key (the row's tag). */
object FieldRows {
    fun row(activity: Activity, key: String): ViewGroup =
        activity.window.decorView.findViewWithTag<ViewGroup>(key) ?: throw AssertionError("no row for field $key")

    /** The shown texts of [key]'s row, in layout order (label, input, notes). */
    fun texts(activity: Activity, key: String): List<String> = all(row(activity, key)).filterIsInstance<TextView>().filter { it.isShown }.map { it.text.toString() }

    /** The input typed in for [key]. */
    fun edit(activity: Activity, key: String): EditText = all(row(activity, key)).filterIsInstance<EditText>().first { it.isShown }

    /** Clicks the view of [key]'s row that shows exactly [text] (a radio button, a check box, a button). */
    fun click(activity: Activity, key: String, text: String) {
        val view = all(row(activity, key)).filterIsInstance<TextView>().firstOrNull { it.isShown && it.text.toString() == text } ?: throw AssertionError("no '$text' in $key: ${texts(activity, key)}")
        (view as View).performClick()
        Views.idle()
    }

    fun all(view: View): List<View> = if (view is ViewGroup) listOf(view) + (0 until view.childCount).flatMap { all(view.getChildAt(it)) } else listOf(view)
}
