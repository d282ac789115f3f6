# The trainer's walkthrough (`phum demo`, cli/src/demo): screens, prompts and what they say.

## Banner and menu
demo-banner = Practice data of { $health_centre }, dated relative to { $anchor } (today is { $today }). Nothing you enter here is ever sent to a server.
demo-village-title = Villages of { $health_centre }
demo-village-choose = Choose a village
demo-menu-title = { $village }: what do you want to do?
demo-menu-person-chosen = Person: { $person }
demo-menu-card = Immunization card and vaccination visit
demo-menu-ncd = Blood pressure visit (NCD)
demo-menu-overdue = Overdue visits in the village
demo-menu-outbox = What would be sent
demo-menu-village = Change village
demo-menu-quit = Quit
demo-menu-choose = Your choice
demo-choose-a-number = Please type a number from 0 to { $last }.
demo-goodbye = End of the training session. The practice data stays on this computer until it is reset.
## People
demo-person-title = Find a person in { $village }
demo-person-search = Name or phone number (Khmer or Latin letters)
demo-person-none = Nobody in this village matches "{ $text }".
demo-person-choose = Choose a person, or register someone new
demo-person-chosen = Now looking at { $person }.
demo-register-child = Register a new child (immunization)
demo-register-adult = Register a new adult (NCD)

## Forms
demo-form-choose = Choose a field to fill, or complete the form
demo-form-switch-language = Show this form in { $language }
demo-form-completed = Completed and saved.
demo-value-of = { $field }
demo-value-of-date = { $field } (year-month-day, for example 2025-03-14)
demo-field-value = { $field }: { $value }
demo-field-read-only = { $field } is filled in by the form itself.
demo-rule-warning = Warning: { $text }
demo-rule-error = Error: { $text }
demo-rule-text = { $text }
demo-rule-failed = A rule of this form could not be checked; please tell your supervisor.
demo-possible-duplicate = This person may already be registered: search for them before registering again.
demo-invalid-value = "{ $value }" cannot go in { $field }: { $reason }
demo-future-date = { $field } cannot be a date in the future.
demo-not-unique = { $field } "{ $value }" already belongs to someone else.
demo-not-completed = Not completed yet: { $reasons }
demo-already-completed = This form is completed already.
demo-refusal-mandatory = { $field } must be filled
demo-refusal-field = { $field }: { $text }
demo-refusal-text = { $text }
demo-refusal-validation = { $rule }: { $instruction }

## Immunization card
demo-card-title = Immunization card of { $person }
demo-card-not-enrolled = { $person } is not in the immunization program.
demo-card-not-due = not due yet
demo-card-choose = Choose the vaccination to record today

## NCD
demo-ncd-title = Blood pressure visit of { $person }
demo-ncd-not-enrolled = { $person } is not in the NCD program.

## Lists
demo-overdue-title = Overdue visits in { $village }
demo-overdue-none = Nobody is overdue.
demo-overdue-row = { $person }: { $visit }, due on { $date } ({ $days } overdue)
demo-overdue-more =
    { $count ->
        [one] and { $count } more.
       *[other] and { $count } more.
    }
demo-outbox-title = What { $health_centre } would send
demo-outbox-counts = Waiting to be sent: { $people } new people, { $enrollments } enrollments, { $visits } visits, { $values } report values.
demo-outbox-person = { $person }: { $records }
demo-outbox-registration = registration
demo-outbox-enrollment = enrollment in { $program }
demo-outbox-visit = visit "{ $visit }"
demo-outbox-scheduled = next visit "{ $visit }"
demo-outbox-report =
    { $count ->
        [one] { $report }: { $count } value
       *[other] { $report }: { $count } values
    }
demo-outbox-not-a-demo = This database is not the demo account: the demo sends nothing from it.
demo-outbox-not-sent = Training mode: nothing is sent. On a real account these records would go to the server at the next sync.

## Monthly report
demo-report-title = Monthly report of { $village }, { $period }
demo-report-none = The practice data has no village report.
demo-report-valid = Every validation rule of the report passes.
