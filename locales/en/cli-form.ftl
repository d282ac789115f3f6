# `phum form run` (cli/src/form.rs): why a step of a script could not run, and one line of text per step.

## A step that cannot run
cli-form-missing = missing field '{ $field }'
cli-form-bad-uid = '{ $field }': { $value } is not a UID
cli-form-bad-date = '{ $field }': { $value } is not a date (yyyy-MM-dd)
cli-form-bad-language = '{ $code }' is not a language of the app: write en or km
cli-form-no-form = no form named '{ $name }' is open
cli-form-unknown-step = unknown step '{ $step }'
cli-form-today-and-now = give 'today' or 'now', not both
cli-form-bad-instant = 'now': { $value } is not an RFC 3339 instant ({ $detail })
cli-form-script-shape = line { $line }, column { $column }: not the shape of a form script ({ $detail })

## What a step did
cli-form-refused = refused ({ $kind }): { $problem }
cli-form-opened = opened "{ $form }": { $title }
cli-form-field-value = { $field }={ $value }
cli-form-field-hidden = { $field } (hidden)
cli-form-field-read-only = { $field } (read-only)
cli-form-changed = changed [{ $fields }]
cli-form-changed-messages = changed [{ $fields }] messages: { $messages }
cli-form-closed = closed the form of { $record }; its values are saved
cli-form-deleted = deleted event { $event }
cli-form-rows-none =
    { $total ->
        [one] 0 of { $total } row
       *[other] 0 of { $total } rows
    }
cli-form-rows = rows { $from }-{ $to } of { $total }
cli-form-enrollment-change = enrollment { $enrollment }: { $before } -> { $status }
cli-form-enrollment-change-on = enrollment { $enrollment }: { $before } -> { $status } on { $date }
cli-form-dashboard =
    { $stages ->
        [one] { $stages } stage, { $missing } missing ({ $overdue } overdue): { $names }
       *[other] { $stages } stages, { $missing } missing ({ $overdue } overdue): { $names }
    }
cli-form-hits =
    { $hits ->
        [one] { $hits } hit
       *[other] { $hits } hits
    }
cli-form-hits-ignored =
    { $ignored ->
        [one] { $hits } hits ({ $ignored } word not searched)
       *[other] { $hits } hits ({ $ignored } words not searched)
    }
cli-form-language =
    { $forms ->
        [one] now in { $lang }: { $forms } open form
       *[other] now in { $lang }: { $forms } open forms
    }
cli-form-lang-en = English
cli-form-lang-km = Khmer
# A result shown as it is (JSON, a status the app does not know).
cli-form-text = { $text }
