# Model: UIDs, periods and period types, value types and statuses, the device's clock (core::model).

## UIDs
model-uid-wrong-length = '{ $text }' is not a DHIS2 UID: it has { $len } { $len ->
        [one] character
       *[other] characters
    }, a UID has 11
model-uid-first-not-letter = '{ $text }' is not a DHIS2 UID: it must start with a letter (A-Z or a-z)
model-uid-bad-character = '{ $text }' is not a DHIS2 UID: character { $position } is not a letter or digit (A-Z, a-z, 0-9)

## Timestamps
model-timestamp-invalid = '{ $text }' is not a DHIS2 date or timestamp (expected yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss.SSS, optionally with Z or ±hh:mm)

## Periods
model-period-unknown-format = `{ $text }` is not a DHIS2 period identifier
model-period-unknown-type = `{ $text }` is not a DHIS2 period type
model-period-year-out-of-range = `{ $text }`: year { $year } is outside the supported years { $min }..={ $max }
model-period-invalid-date = `{ $text }` is not a calendar date
model-period-week-out-of-range = `{ $text }`: week { $week } does not exist, that year has weeks 1..={ $max }
model-period-index-out-of-range = `{ $text }`: { $unit } { $index } does not exist, valid values are 1..={ $max }
model-period-wrong-type = `{ $text }` is a { $found } period, expected { $expected }

## What one numbered period is called
model-period-unit-day = day
model-period-unit-week = week
model-period-unit-bi-week = bi-week
model-period-unit-month = month
model-period-unit-bi-month = bi-month
model-period-unit-quarter = quarter
model-period-unit-six-months = six-month period
model-period-unit-year = year

## Period types
model-period-type-daily = Daily
model-period-type-weekly = Weekly
model-period-type-weekly-wednesday = Weekly (starting Wednesday)
model-period-type-weekly-thursday = Weekly (starting Thursday)
model-period-type-weekly-saturday = Weekly (starting Saturday)
model-period-type-weekly-sunday = Weekly (starting Sunday)
model-period-type-bi-weekly = Bi-weekly
model-period-type-monthly = Monthly
model-period-type-bi-monthly = Bi-monthly
model-period-type-quarterly = Quarterly
model-period-type-quarterly-nov = Quarterly (starting November)
model-period-type-six-monthly = Six-monthly
model-period-type-six-monthly-april = Six-monthly (starting April)
model-period-type-six-monthly-nov = Six-monthly (starting November)
model-period-type-yearly = Yearly
model-period-type-financial-feb = Financial year (starting February)
model-period-type-financial-april = Financial year (starting April)
model-period-type-financial-july = Financial year (starting July)
model-period-type-financial-aug = Financial year (starting August)
model-period-type-financial-sep = Financial year (starting September)
model-period-type-financial-oct = Financial year (starting October)
model-period-type-financial-nov = Financial year (starting November)

## Value types, as a field's kind of value
model-value-type-text = Text
model-value-type-long-text = Long text
model-value-type-multi-text = Several options
model-value-type-letter = Letter
model-value-type-phone-number = Phone number
model-value-type-email = E-mail address
model-value-type-boolean = Yes/No
model-value-type-true-only = Yes only
model-value-type-date = Date
model-value-type-date-time = Date and time
model-value-type-time = Time
model-value-type-number = Number
model-value-type-unit-interval = Number from 0 to 1
model-value-type-percentage = Percentage
model-value-type-integer = Whole number
model-value-type-integer-positive = Positive whole number
model-value-type-integer-negative = Negative whole number
model-value-type-integer-zero-or-positive = Zero or positive whole number
model-value-type-tracker-associate = Linked person
model-value-type-username = Username
model-value-type-coordinate = Coordinates
model-value-type-organisation-unit = Organisation unit
model-value-type-reference = Reference
model-value-type-age = Age
model-value-type-url = Web address
model-value-type-file-resource = File
model-value-type-image = Image
model-value-type-geojson = Map shape (GeoJSON)

## Statuses of events and enrollments
model-event-status-active = Open
model-event-status-completed = Completed
model-event-status-visited = Visited
model-event-status-schedule = Scheduled
model-event-status-overdue = Overdue
model-event-status-skipped = Skipped
model-enrollment-status-active = Active
model-enrollment-status-completed = Completed
model-enrollment-status-cancelled = Cancelled

## The device's clock
model-clock-unknown-time-zone = unknown time zone '{ $name }': expected an IANA name such as Asia/Phnom_Penh
