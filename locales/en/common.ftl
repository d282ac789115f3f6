# Shared words and formats: dates, periods, units, and the catalogue's own errors (core::i18n).

## Dates (day first, as Cambodian registers write them)
date-long = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
weekday-sat = Saturday
weekday-sun = Sunday

## Periods
period-day = { $date }
period-week = Week { $week } { $year }
period-biweek = Bi-week { $biweek } { $year }
period-month = { $month } { $year }
period-quarter = Quarter { $quarter } { $year }
period-year = { $year }
period-range = { $start } – { $end }

## Units
unit-days =
    { $count ->
        [one] { $count } day
       *[other] { $count } days
    }

## The catalogue's own errors (defects of the app, not of the user's input)
i18n-unknown-id = The text "{ $id }" is missing from the { $lang } translation of the app. Please report this to your supervisor.
i18n-bad-message = The text "{ $id }" in the { $lang } translation of the app is broken ({ $problems }). Please report this to your supervisor.

