// A form field's row for every value type, built alone under Robolectric (the demo's forms have
// no TIME, DATETIME, AGE, TRUE_ONLY, LONG_TEXT, EMAIL, URL, ORGANISATION_UNIT, COORDINATE or
// multiple-choice field): the input each type gets, what a touch sends (as typed, or as stored
// for a picker, a tick, a list), a field that cannot be changed shown as text; and the phone's
// location read through Robolectric's LocationManager.
package org.phum.app.ui

import android.Manifest
import android.app.Activity
import android.app.AlertDialog
import android.app.DatePickerDialog
import android.app.TimePickerDialog
import android.content.DialogInterface
import android.content.Intent
import android.location.Location
import android.location.LocationManager
import android.text.InputType
import android.widget.Button
import android.widget.CheckBox
import android.widget.EditText
import android.widget.ImageButton
import android.widget.RadioButton
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.phum.app.presenter.FieldInput
import org.phum.app.presenter.FormPresenter
import org.phum.app.presenter.Texts
import org.phum.app.testing.FieldRows
import org.phum.app.testing.PhumTestRunner
import org.phum.app.testing.Views
import org.phum.app.testing.testSession
import org.phum.core.Field
import org.phum.core.FormType
import org.phum.core.FormView
import org.phum.core.OptionItem
import org.phum.core.Record
import org.robolectric.Robolectric
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.Config
import org.robolectric.shadows.ShadowDialog

@RunWith(PhumTestRunner::class)
@Config(sdk = [34], qualifiers = "w360dp-h640dp-xhdpi")
class FieldViewsTest {
    private val texts = Texts("en", khmerDigits = false)
    private val typed = mutableListOf<Pair<String, String>>()
    private val chosen = mutableListOf<Pair<String, String?>>()
    private val located = mutableListOf<String>()
    private val actions =
        object : FieldActions {
            override fun type(key: String, text: String) {
                typed += key to text
            }

            override fun choose(key: String, value: String?) {
                chosen += key to value
            }

            override fun locate(key: String) {
                located += key
            }
        }

    /** An Activity to hold the row (dialogs need one): the form screen with nothing to open. */
    private val activity: Activity by lazy {
        Views.use(testSession())
        Robolectric.buildActivity(FormActivity::class.java, Intent(Views.application, FormActivity::class.java)).setup().get()
    }

    private fun field(type: String, value: String? = null, options: Int = 0, editable: Boolean = true) =
        Field("f", "The field", type, null, (1..options).map { OptionItem("C$it", "Option $it") }, false, editable, false, value, value, emptyList(), emptyList(), row = null, column = null)

    /** [field]'s row, shown alone in the Activity. */
    private fun row(field: Field, orgUnits: Map<String, String> = emptyMap()): FieldRow {
        val ui = Ui(activity, 1f)
        val row = FieldRow(ui, texts, FieldDialogs(ui, texts), field.key, FieldInput.of(field), actions)
        val form = FormView(FormType.EVENT, Record.Event("Event000001"), "en", false, "A form", emptyList(), listOf(field), emptyList(), true, false, null, true)
        row.bind(field, FormPresenter.State(texts, null, loading = false, form = form, today = "2026-11-20", orgUnits = orgUnits))
        activity.setContentView(row.view)
        Views.idle()
        return row
    }

    private inline fun <reified T> shown(row: FieldRow): List<T> = FieldRows.all(row.view).filter { it.isShown }.filterIsInstance<T>()

    private fun edit(row: FieldRow): EditText = shown<EditText>(row).first()

    @Test
    fun `text, numbers, phones, e-mails and web addresses are typed with the keyboard for them`() {
        val classes =
            mapOf(
                "TEXT" to InputType.TYPE_CLASS_TEXT, "USERNAME" to InputType.TYPE_CLASS_TEXT, "NUMBER" to InputType.TYPE_CLASS_NUMBER,
                "INTEGER_NEGATIVE" to InputType.TYPE_CLASS_NUMBER, "PERCENTAGE" to InputType.TYPE_CLASS_NUMBER,
                "UNIT_INTERVAL" to InputType.TYPE_CLASS_NUMBER, "PHONE_NUMBER" to InputType.TYPE_CLASS_PHONE,
            )
        for ((type, inputClass) in classes) {
            val input = edit(row(field(type)))
            assertEquals(type, inputClass, input.inputType and InputType.TYPE_MASK_CLASS)
            assertEquals("The field", input.contentDescription)
        }
        assertEquals(InputType.TYPE_TEXT_VARIATION_EMAIL_ADDRESS, edit(row(field("EMAIL"))).inputType and InputType.TYPE_MASK_VARIATION)
        assertEquals(InputType.TYPE_TEXT_VARIATION_URI, edit(row(field("URL"))).inputType and InputType.TYPE_MASK_VARIATION)
        val long = edit(row(field("LONG_TEXT")))
        assertTrue("several lines", long.inputType and InputType.TYPE_TEXT_FLAG_MULTI_LINE != 0 && long.minLines >= 3)

        val number = row(field("NUMBER", "3.5"))
        assertEquals("3.5", edit(number).text.toString())
        edit(number).setText("១២,៥")
        assertEquals("Khmer digits go as typed", listOf("f" to "១២,៥"), typed)
    }

    @Test
    fun `a date, a time and a date with a time are typed or picked, and picked ones are sent as stored`() {
        val date = row(field("DATE", "2025-03-14").copy(shown = "14 March 2025"))
        assertEquals("2025-03-14", edit(date).text.toString())
        assertEquals("year-month-day", edit(date).hint.toString())
        assertTrue("the date in words under it", FieldRows.all(date.view).filterIsInstance<android.widget.TextView>().any { it.isShown && it.text == "14 March 2025" })
        shown<ImageButton>(date).single { it.contentDescription == "Choose a date" }.performClick()
        (ShadowDialog.getLatestDialog() as DatePickerDialog).apply {
            updateDate(2026, 10, 2)
            getButton(DialogInterface.BUTTON_POSITIVE).performClick()
            Views.idle()
        }
        assertEquals("f" to "2026-11-02", chosen.last())

        val time = row(field("TIME"))
        shown<ImageButton>(time).single { it.contentDescription == "Choose a time" }.performClick()
        (ShadowDialog.getLatestDialog() as TimePickerDialog).apply {
            updateTime(8, 5)
            getButton(DialogInterface.BUTTON_POSITIVE).performClick()
            Views.idle()
        }
        assertEquals("f" to "08:05", chosen.last())

        val both = row(field("DATETIME", "2026-11-02T08:30"))
        assertEquals("2026-11-02 08:30", edit(both).text.toString())
        shown<ImageButton>(both).single().performClick()
        (ShadowDialog.getLatestDialog() as DatePickerDialog).apply {
            updateDate(2026, 10, 3)
            getButton(DialogInterface.BUTTON_POSITIVE).performClick()
            Views.idle()
        }
        (ShadowDialog.getLatestDialog() as TimePickerDialog).apply {
            updateTime(14, 45)
            getButton(DialogInterface.BUTTON_POSITIVE).performClick()
            Views.idle()
        }
        assertEquals("f" to "2026-11-03T14:45", chosen.last())
    }

    @Test
    fun `an age is a birth date, or years, months and days counted back from today`() {
        val age = row(field("AGE", "1981-09-13"))
        val inputs = shown<EditText>(age)
        assertEquals(listOf("1981-09-13", "45", "2", "7"), inputs.map { it.text.toString() })
        assertEquals(listOf("The field", "Years", "Months", "Days"), inputs.map { it.contentDescription.toString() })
        inputs[1].setText("46")
        assertEquals("f" to FieldInput.ageDate(java.time.LocalDate.of(2026, 11, 20), 46, 2, 7), chosen.last())
        inputs[1].setText("")
        inputs[2].setText("")
        inputs[3].setText("")
        assertEquals("all empty clears the age", "f" to null, chosen.last())
    }

    @Test
    fun `yes or no is a pair of radio buttons with clear, and a tick is a check box`() {
        val yesNo = row(field("BOOLEAN", "true"))
        val radios = shown<RadioButton>(yesNo)
        assertEquals(listOf("Yes", "No"), radios.map { it.text.toString() })
        assertTrue(radios[0].isChecked)
        radios[1].performClick()
        assertEquals("f" to "false", chosen.last())
        shown<Button>(yesNo).single { it.text == "Clear" }.performClick()
        assertEquals("f" to null, chosen.last())

        val tick = row(field("TRUE_ONLY"))
        val box = shown<CheckBox>(tick).single()
        assertFalse(box.isChecked)
        box.performClick()
        assertEquals("f" to "true", chosen.last())
        box.performClick()
        assertEquals("unticked is no value", "f" to null, chosen.last())
    }

    @Test
    fun `a few options are radio buttons, many a list to filter, several choices check boxes`() {
        val few = row(field("TEXT", "C2", options = 3))
        val radios = shown<RadioButton>(few)
        assertEquals(3, radios.size)
        assertTrue(radios[1].isChecked)
        radios[2].performClick()
        assertEquals("f" to "C3", chosen.last())

        val many = row(field("TEXT", options = 12))
        shown<Button>(many).single { it.text == "Choose an option" }.performClick()
        val dialog = ShadowDialog.getLatestDialog() as AlertDialog
        FieldRows.all(dialog.window!!.decorView).filterIsInstance<EditText>().single().setText("option 1")
        Views.idle()
        assertEquals("Option 1, 10, 11 and 12", 4, dialog.listView.adapter.count)
        dialog.listView.performItemClick(null, 3, 0)
        assertEquals("f" to "C12", chosen.last())

        val several = row(field("MULTI_TEXT", options = 3))
        val boxes = shown<CheckBox>(several)
        boxes[0].performClick()
        boxes[2].performClick()
        assertEquals("f" to "C1,C3", chosen.last())
    }

    @Test
    fun `an org unit is picked by name from the user's org units`() {
        val units = mapOf("DmOuHcChnDi" to "Chhnean Health Centre", "DmOuHcKrlnh" to "Kralanh Health Centre")
        val unit = row(field("ORGANISATION_UNIT"), units)
        shown<Button>(unit).single { it.text == "Choose an org unit" }.performClick()
        val dialog = ShadowDialog.getLatestDialog() as AlertDialog
        assertEquals(2, dialog.listView.adapter.count)
        dialog.listView.performItemClick(null, 1, 0)
        assertEquals("f" to "DmOuHcKrlnh", chosen.last())

        val named = row(field("ORGANISATION_UNIT", "DmOuHcChnDi"), units)
        assertTrue("shown by name", shown<Button>(named).any { it.text == "Chhnean Health Centre" })
    }

    @Test
    fun `a place is typed latitude first or taken from the phone's location`() {
        val place = row(field("COORDINATE", "[104.9, 11.5]"))
        assertEquals("11.5, 104.9", edit(place).text.toString())
        assertEquals("Latitude, longitude", edit(place).hint.toString())
        shown<ImageButton>(place).single { it.contentDescription == "Use this phone's location" }.performClick()
        assertEquals(listOf("f"), located)
        place.status("Finding the location…")
        assertTrue(FieldRows.all(place.view).filterIsInstance<android.widget.TextView>().any { it.isShown && it.text == "Finding the location…" })
    }

    @Test
    fun `a field that cannot be changed shows its value as text`() {
        val fixed = row(field("NUMBER", "27.4", editable = false))
        assertTrue(shown<EditText>(fixed).isEmpty())
        assertTrue(FieldRows.all(fixed.view).filterIsInstance<android.widget.TextView>().any { it.isShown && it.text == "27.4" })
    }

    @Test
    fun `the phone's location comes once permitted, and none when location is off`() {
        val location = DeviceLocation(activity)
        assertFalse(location.permitted())
        shadowOf(Views.application).grantPermissions(Manifest.permission.ACCESS_FINE_LOCATION)
        assertTrue(location.permitted())

        val manager = activity.getSystemService(LocationManager::class.java)
        shadowOf(manager).setProviderEnabled(LocationManager.GPS_PROVIDER, false)
        shadowOf(manager).setProviderEnabled(LocationManager.NETWORK_PROVIDER, false)
        var found: Location? = Location("none")
        location.locate { found = it }
        assertNull("location is off", found)

        shadowOf(manager).setProviderEnabled(LocationManager.GPS_PROVIDER, true)
        found = null
        location.locate { found = it }
        shadowOf(manager).simulateLocation(Location(LocationManager.GPS_PROVIDER).apply {
            latitude = 13.5
            longitude = 103.1
            time = System.currentTimeMillis()
        })
        Views.idle()
        assertEquals(13.5, found!!.latitude, 0.0)
        assertEquals("[103.100000, 13.500000]", FieldInput.coordinate(found!!.latitude, found!!.longitude))
    }
}
