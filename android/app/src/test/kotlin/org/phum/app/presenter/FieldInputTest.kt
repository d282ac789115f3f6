// The form's inputs decided from the core's fields, and the text between a person and the core:
// dates and times typed with a space, places as "latitude, longitude", ages in years, months and
// days, Khmer digits shown where the reader chose them. Plain JVM, no core needed.
package org.phum.app.presenter

import java.time.LocalDate
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNull
import org.junit.Test
import org.phum.core.Field
import org.phum.core.OptionItem

class FieldInputTest {
    private fun field(type: String, value: String? = null, shown: String? = value, options: Int = 0) =
        Field("f", "F", type, null, (1..options).map { OptionItem("C$it", "Option $it") }, false, true, false, value, shown, emptyList(), emptyList(), row = null, column = null)

    @Test
    fun `every value type has its input and the ones without their own are text`() {
        val expected =
            mapOf(
                "TEXT" to Input.TEXT, "LONG_TEXT" to Input.LONG_TEXT, "NUMBER" to Input.NUMBER, "INTEGER" to Input.NUMBER,
                "INTEGER_POSITIVE" to Input.NUMBER, "INTEGER_NEGATIVE" to Input.NUMBER, "INTEGER_ZERO_OR_POSITIVE" to Input.NUMBER,
                "PERCENTAGE" to Input.NUMBER, "UNIT_INTERVAL" to Input.NUMBER, "PHONE_NUMBER" to Input.PHONE, "EMAIL" to Input.EMAIL,
                "URL" to Input.URL, "DATE" to Input.DATE, "DATETIME" to Input.DATETIME, "TIME" to Input.TIME, "AGE" to Input.AGE,
                "BOOLEAN" to Input.BOOLEAN, "TRUE_ONLY" to Input.TRUE_ONLY, "ORGANISATION_UNIT" to Input.ORG_UNIT,
                "COORDINATE" to Input.COORDINATE, "USERNAME" to Input.TEXT, "LETTER" to Input.TEXT, "MULTI_TEXT" to Input.TEXT,
                "TRACKER_ASSOCIATE" to Input.TEXT, "FILE_RESOURCE" to Input.TEXT,
            )
        for ((type, input) in expected) assertEquals(type, input, FieldInput.of(field(type)))
    }

    @Test
    fun `a few options are radio buttons, many a list, several choices check boxes`() {
        assertEquals(Input.CHOICE, FieldInput.of(field("TEXT", options = FieldInput.FEW_OPTIONS)))
        assertEquals(Input.LIST, FieldInput.of(field("TEXT", options = FieldInput.FEW_OPTIONS + 1)))
        assertEquals(Input.CHOICE, FieldInput.of(field("INTEGER", options = 3)))
        assertEquals(Input.CHECKS, FieldInput.of(field("MULTI_TEXT", options = 20)))
    }

    @Test
    fun `a date and time is typed with a space and stored with a T`() {
        val f = field("DATETIME", "2026-11-02T08:30", "2 November 2026 08:30")
        assertEquals("2026-11-02 08:30", FieldInput.editable(f, khmerDigits = false))
        assertEquals("២០២៦-១១-០២ ០៨:៣០", FieldInput.editable(f, khmerDigits = true))
        assertEquals("2026-11-02T08:30", FieldInput.value(f, " 2026-11-02 08:30 "))
        assertEquals("2026-11-02T08:30", FieldInput.value(f, "2026-11-02T08:30"))
        assertEquals("a date alone goes to the core to judge", "2026-11-02", FieldInput.value(f, "2026-11-02"))
    }

    @Test
    fun `a date is typed in digits while its words are shown under it`() {
        val f = field("DATE", "2025-03-14", "14 March 2025")
        assertEquals("2025-03-14", FieldInput.editable(f, khmerDigits = false))
        assertEquals("២០២៥-០៣-១៤", FieldInput.editable(f, khmerDigits = true))
    }

    @Test
    fun `a place is typed latitude first and stored longitude first, as DHIS2 does`() {
        val f = field("COORDINATE", "[104.9, 11.5]")
        assertEquals("11.5, 104.9", FieldInput.editable(f, khmerDigits = false))
        assertEquals("[104.9, 11.5]", FieldInput.value(f, "11.5, 104.9"))
        assertEquals("[១០៤.៩, ១១.៥]", FieldInput.value(f, "១១.៥, ១០៤.៩"))
        assertEquals("bracketed is DHIS2's own order", "[104.9, 11.5]", FieldInput.value(f, "[104.9, 11.5]"))
        assertEquals("malformed goes to the core to refuse", "11.5", FieldInput.value(f, "11.5"))
        assertEquals("[104.912345, 13.000001]", FieldInput.coordinate(13.000001, 104.912345))
    }

    @Test
    fun `an age in years, months and days is the birth date, and back`() {
        val today = LocalDate.of(2026, 11, 20)
        assertEquals("1981-09-13", FieldInput.ageDate(today, 45, 2, 7))
        assertEquals(Triple(45, 2, 7), FieldInput.ageParts("1981-09-13", today))
        assertEquals(Triple(0, 0, 0), FieldInput.ageParts("2026-11-20", today))
        assertNull("a date after today is no age", FieldInput.ageParts("2026-11-21", today))
        assertNull(FieldInput.ageParts("not a date", today))
        assertEquals(12, FieldInput.wholeNumber("១២"))
    }

    @Test
    fun `numbers are shown as the core shows them and sent as typed, an empty input clears`() {
        val f = field("NUMBER", "3.5", "៣,៥")
        assertEquals("៣,៥", FieldInput.editable(f, khmerDigits = true))
        assertEquals("៣,៥", FieldInput.value(f, " ៣,៥ "))
        assertNull(FieldInput.value(f, "  "))
        assertEquals("", FieldInput.editable(field("NUMBER"), khmerDigits = false))
        assertEquals("text keeps its spaces", "Sok ", FieldInput.value(field("TEXT"), "Sok "))
    }
}
