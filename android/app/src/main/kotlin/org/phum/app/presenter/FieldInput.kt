// How a form's field is filled in, decided from what the core says of it, and the text between a
// person and the core: what an input shows for a stored value, and what is sent for what was typed.
//
// The core parses and checks every value (Khmer digits, decimal commas, value types, options:
// core/src/form/input.rs), so what is typed goes as typed, with three exceptions that are ways of
// typing, not checks: a date and time typed with a space for the `T` (`2026-12-05 08:30`), a place
// typed as "latitude, longitude" (DHIS2 stores `[longitude, latitude]`), and an age typed in years,
// months and days (DHIS2's AGE is stored as the birth date: today minus the age).
//
// Owns the choice of input and these conversions (pure functions). Does not own checking values
// (the core) or drawing inputs (ui/FieldViews).
package org.phum.app.presenter

import java.time.LocalDate
import java.time.Period
import java.util.Locale
import org.phum.core.Field

/** The kinds of input a field is filled in with. */
enum class Input {
    TEXT,
    LONG_TEXT,
    NUMBER,
    PHONE,
    EMAIL,
    URL,
    DATE,
    DATETIME,
    TIME,
    AGE,
    BOOLEAN,
    TRUE_ONLY,
    /** One of a few options, each a radio button. */
    CHOICE,
    /** One of many options, picked from a list that can be filtered. */
    LIST,
    /** Several options (MULTI_TEXT with an option set), each a check box. */
    CHECKS,
    ORG_UNIT,
    COORDINATE,
}

object FieldInput {
    /** Up to this many options are radio buttons; more are a list to filter. */
    const val FEW_OPTIONS = 7

    private val NUMBERS = setOf("NUMBER", "INTEGER", "INTEGER_POSITIVE", "INTEGER_NEGATIVE", "INTEGER_ZERO_OR_POSITIVE", "PERCENTAGE", "UNIT_INTERVAL")

    /** The input of [field]. Value types with no input of their own (USERNAME, LETTER, ...) are text. */
    fun of(field: Field): Input =
        when {
            field.options.isNotEmpty() && field.valueType == "MULTI_TEXT" -> Input.CHECKS
            field.options.isNotEmpty() -> if (field.options.size <= FEW_OPTIONS) Input.CHOICE else Input.LIST
            field.valueType in NUMBERS -> Input.NUMBER
            else ->
                when (field.valueType) {
                    "LONG_TEXT" -> Input.LONG_TEXT
                    "PHONE_NUMBER" -> Input.PHONE
                    "EMAIL" -> Input.EMAIL
                    "URL" -> Input.URL
                    "DATE" -> Input.DATE
                    "DATETIME" -> Input.DATETIME
                    "TIME" -> Input.TIME
                    "AGE" -> Input.AGE
                    "BOOLEAN" -> Input.BOOLEAN
                    "TRUE_ONLY" -> Input.TRUE_ONLY
                    "ORGANISATION_UNIT" -> Input.ORG_UNIT
                    "COORDINATE" -> Input.COORDINATE
                    else -> Input.TEXT
                }
        }

    /**
     * What a typed-in input shows for [field]'s stored value, in [khmerDigits] if chosen: the
     * core's `shown` where it can be typed back (numbers with their decimal comma, times, phones,
     * text), the ISO date where `shown` spells the month out, a place as "latitude, longitude".
     */
    fun editable(field: Field, khmerDigits: Boolean): String {
        val value = field.value ?: return ""
        return when (of(field)) {
            Input.DATE, Input.AGE -> digits(value, khmerDigits)
            Input.DATETIME -> digits(value.replaceFirst('T', ' '), khmerDigits)
            Input.COORDINATE -> digits(latitudeFirst(value) ?: value, khmerDigits)
            else -> field.shown ?: value
        }
    }

    /** What to send for [text] typed in [field]'s input: `null` clears it. */
    fun value(field: Field, text: String): String? {
        if (text.isBlank()) return null
        return when (of(field)) {
            Input.DATETIME -> text.trim().let { if (it.length > DATE_LENGTH && it[DATE_LENGTH] == ' ') it.replaceRange(DATE_LENGTH, DATE_LENGTH + 1, "T") else it }
            Input.COORDINATE -> longitudeFirst(text.trim())
            Input.NUMBER, Input.PHONE, Input.DATE, Input.TIME, Input.AGE, Input.EMAIL, Input.URL -> text.trim()
            else -> text
        }
    }

    /** A location as DHIS2 stores it: `[longitude, latitude]`, six decimals (about 10 cm). */
    fun coordinate(latitude: Double, longitude: Double): String = String.format(Locale.ROOT, "[%.6f, %.6f]", longitude, latitude)

    /** The birth date (ISO) of someone [years], [months] and [days] old on [today]. */
    fun ageDate(today: LocalDate, years: Int, months: Int, days: Int): String =
        today.minusYears(years.toLong()).minusMonths(months.toLong()).minusDays(days.toLong()).toString()

    /** Years, months and days between the birth date [value] (ISO) and [today]; `null` if not a past date. */
    fun ageParts(value: String?, today: LocalDate): Triple<Int, Int, Int>? {
        val born = value?.let { runCatching { LocalDate.parse(it) }.getOrNull() } ?: return null
        if (born.isAfter(today)) return null
        val age = Period.between(born, today)
        return Triple(age.years, age.months, age.days)
    }

    /** A whole number typed in either digit set; `null` if it is none. */
    fun wholeNumber(text: String): Int? = asciiDigits(text.trim()).toIntOrNull()

    /** [text] with its ASCII digits in Khmer digits when [khmer]. */
    fun digits(text: String, khmer: Boolean): String =
        if (!khmer) text else text.map { if (it in '0'..'9') KHMER_ZERO + (it - '0') else it }.joinToString("")

    /** [text] with its Khmer digits in ASCII. */
    fun asciiDigits(text: String): String = text.map { if (it in KHMER_ZERO..KHMER_ZERO + 9) '0' + (it - KHMER_ZERO) else it }.joinToString("")

    /** "lat, lon" of a stored `[lon, lat]`; `null` if it is not one. */
    private fun latitudeFirst(value: String): String? {
        val inner = value.trim().removePrefix("[").removeSuffix("]")
        if (inner.length == value.trim().length) return null
        val parts = inner.split(',')
        return if (parts.size == 2) "${parts[1].trim()}, ${parts[0].trim()}" else null
    }

    /** `[lon, lat]` of a typed "lat, lon"; anything else (already bracketed, or malformed) as typed, for the core to judge. */
    private fun longitudeFirst(text: String): String {
        if (text.startsWith("[")) return text
        val parts = text.split(',')
        return if (parts.size == 2) "[${parts[1].trim()}, ${parts[0].trim()}]" else text
    }

    private const val DATE_LENGTH = 10
    private const val KHMER_ZERO = '\u17E0'
}
