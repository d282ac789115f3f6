// How the people screens say who a person is: the name (the first value their type lists), the
// other listed values (a name in Latin letters), and "Female · 7 weeks · Trapeang Village" from
// the profile the core found (sex, birth date, village), the age in the unit a health worker
// uses at that age. Owns these words; the core owns which values a person shows.
package org.phum.app.presenter

import java.time.LocalDate
import java.time.temporal.ChronoUnit
import org.phum.core.PersonValue
import org.phum.core.Profile

object PersonLines {
    /** Under this many days an age is said in weeks. */
    private const val WEEKS_UNDER_DAYS = 91L

    /** Under this many months an age is said in months. */
    private const val MONTHS_UNDER = 24L

    /** The person's name: the first value their type lists, or the UID when they have none. */
    fun name(values: List<PersonValue>, fallback: String): String = values.firstOrNull()?.shown?.ifBlank { null } ?: fallback

    /** The other listed values (a Latin name), in order, joined. */
    fun others(values: List<PersonValue>): String? = values.drop(1).map { it.shown }.filter { it.isNotBlank() }.joinToString(" · ").ifEmpty { null }

    /** "Female · 7 weeks · Trapeang Village", each part when it is known; null when none is. */
    fun details(texts: Texts, profile: Profile, today: String): String? =
        listOfNotNull(profile.sex, profile.birthDate?.let { age(texts, it, today) }, profile.village)
            .joinToString(" · ").ifEmpty { null }

    /**
     * An age on [today] (ISO) for a birth date (ISO): weeks under 13 weeks, months under two
     * years, years after; null for a date that cannot be read or lies ahead.
     */
    fun age(texts: Texts, birthDate: String, today: String): String? {
        val born = runCatching { LocalDate.parse(birthDate) }.getOrNull() ?: return null
        val now = runCatching { LocalDate.parse(today) }.getOrNull() ?: return null
        if (born.isAfter(now)) return null
        val days = ChronoUnit.DAYS.between(born, now)
        val months = ChronoUnit.MONTHS.between(born, now)
        return when {
            days < WEEKS_UNDER_DAYS -> texts("screen-search-age-weeks", "weeks" to days / 7)
            months < MONTHS_UNDER -> texts("screen-search-age-months", "months" to months)
            else -> texts("screen-search-age-years", "years" to ChronoUnit.YEARS.between(born, now))
        }
    }
}
