# Form sessions (core::form): what a form refuses and why, what it says, and its own words.

## Records and metadata objects, as errors name them
form-record-event = event { $uid }
form-record-enrollment = enrollment { $uid }
form-record-data-set = data set { $data_set } for { $period } at { $org_unit } ({ $attribute_option_combo })
form-object-category-combo = category combo
form-object-data-element = data element
form-object-data-set = data set
form-object-enrollment = enrollment
form-object-event = event
form-object-org-unit = org unit
form-object-program = program
form-object-program-stage = program stage
form-object-tracked-entity = person
form-object-tracked-entity-attribute = tracked entity attribute
form-enrollment-active = active
form-enrollment-completed = completed
form-enrollment-cancelled = cancelled

## Why a field or a form takes no change
form-read-only-greyed-cell = greyed cell
form-read-only-assigned-by-rule = its value is assigned by a program rule
form-scope-not-in-user-scope = it is not one of your capture org units or below one
form-scope-not-assigned = { $to } is not assigned to it
form-program-needs-enrollment = a program with registration: an event needs an enrollment
form-program-has-no-enrollments = an event program: its events have no enrollment
form-program-has-no-registration = an event program: it has no registration
form-program-no-tracked-entity-type = without a tracked entity type
form-input-window-not-listed = it has no data input window
form-input-window-between = open from { $opens } to { $closes }

## Errors
form-unknown-field = { $record } has no field { $field }
form-hidden-field = field { $field } of { $record } is hidden by a program rule and takes no value
form-read-only-field = field { $field } of { $record } is not editable ({ $why })
form-invalid-value = field { $field }: '{ $value }' is { $problem }
form-option-not-in-set = field { $field }: '{ $code }' is not an option of its option set
form-option-hidden = field { $field }: option '{ $code }' is hidden by a program rule
form-future-date = field { $field }: { $date } is in the future (today is { $today }) and the field does not allow future dates
form-not-unique = field { $field }: '{ $value }' is already used by tracked entity { $other }; the value must be unique
form-org-unit-out-of-scope = org unit { $org_unit } is outside the capture scope: { $problem }
form-no-capture-scope = there is no signed-in user and no capture org units were given
form-not-found = { $kind } { $uid } is not in the store
form-stage-not-in-program = program stage { $stage } does not belong to program { $program }
form-wrong-program-type = program { $program } is { $why }
form-enrollment-not-in-program = enrollment { $enrollment } is in program { $found }, not { $expected }
form-invalid-period = period '{ $period }' does not fit data set { $data_set }: { $problem }
form-period-in-future =
    { $open_future_periods ->
        [one] period { $period } is in the future: data set { $data_set } opens { $open_future_periods } future period
       *[other] period { $period } is in the future: data set { $data_set } opens { $open_future_periods } future periods
    }
form-period-expired =
    { $expiry_days ->
        [one] period { $period } expired on { $expired_on }: data set { $data_set } allows { $expiry_days } day after the period
       *[other] period { $period } expired on { $expired_on }: data set { $data_set } allows { $expiry_days } days after the period
    }
form-period-closed = period { $period } of data set { $data_set } is closed for data entry ({ $window })
form-invalid-attribute-option-combo = attribute option combo { $combo } is not one of data set { $data_set }'s
form-changed-elsewhere = { $record } was changed elsewhere since this form read it; reopen the form
form-already-completed = { $record } is completed; reopen it to change it
form-completion-refused = { $record } cannot be completed: { $reasons }
form-no-default-category-combo = no default category combo is stored
form-empty-category-combo = category combo { $combo } has no category option combos
form-date-required = { $field } cannot be empty
form-stage-not-repeatable = program stage { $stage } is not repeatable and this enrollment already has its event { $existing }
form-bad-field-key = field key '{ $field }' is not a UID (or deUid.cocUid)
form-enrollment-not-active = enrollment { $enrollment } is { $status }: its events cannot be changed or added; re-open the enrollment first
form-enrollment-status-unchanged = enrollment { $enrollment } is already { $status }
form-active-enrollment-exists = enrollment { $enrollment } cannot be re-opened: the person's enrollment { $other } in program { $program } is active
form-enrolled-once = program { $program } enrolls a person once and the person's enrollment { $other } is { $status }: enrollment { $enrollment } cannot become active or completed
form-already-enrolled = person { $tracked_entity } is already enrolled in program { $program }: their enrollment { $other } is active
form-only-enroll-once = program { $program } enrolls a person once and person { $tracked_entity } has enrollment { $other }, which is { $status }
form-tracked-entity-type-mismatch = person { $tracked_entity } is of tracked entity type { $found }, but program { $program } enrolls { $expected }
form-no-data-write-access = you may read but not write data of program { $program }
form-schedule-failed = not completed: creating the events that follow failed: { $problem }

## Why a completion is refused (one reason each)
form-refusal-mandatory-empty = '{ $label }' is mandatory and empty
form-refusal-field-error = { $label }: { $message }
form-refusal-validation-rule = validation rule '{ $name }' ({ $rule }) is violated
form-refusal-validation-rule-instruction = validation rule '{ $name }' ({ $rule }) is violated: { $instruction }

## What a form shows
# A program rule's own text (its content from metadata, in the reader's language when translated, and its data).
form-rule-text = { $text }
form-duplicates-not-looked-for = possible duplicates could not be looked for: { $problem }
form-label-event-date = Event date
form-label-enrollment-date = Enrollment date
form-label-incident-date = Incident date
form-value-yes = Yes
form-value-no = No
