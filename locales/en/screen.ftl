# The texts of the Android screens and of `phum demo` (core::i18n::screens::ScreenText).
# Names of programs, stages, data elements and org units come from the server's metadata, not from here.

## Shared buttons and states
screen-common-ok = OK
screen-common-cancel = Cancel
screen-common-save = Save
screen-common-back = Back
screen-common-next = Next
screen-common-close = Close
screen-common-yes = Yes
screen-common-no = No
screen-common-edit = Edit
screen-common-delete = Delete
screen-common-retry = Try again
screen-common-loading = Loading…
screen-common-required = Required
screen-common-discard-title = Discard your changes?
screen-common-discard-body = The values you changed since the last save will be lost.
screen-common-discard = Discard
screen-common-keep-editing = Keep editing
screen-common-key-unavailable = Phum cannot unlock its data on this phone: the phone's key store refused. Restart the phone and try again.

## First run
screen-first-run-welcome = Welcome to Phum
screen-first-run-intro = Phum records health data on this phone without a network and sends it to DHIS2 when you are online.
screen-first-run-choose-language = Choose your language
screen-first-run-sign-in = Sign in to DHIS2
screen-first-run-training = Start training mode
screen-first-run-training-hint = Practise with sample data from Cambodia. No server is needed and nothing is ever sent.

## Login and PIN
screen-login-title = Sign in
screen-login-server-url = Server address
screen-login-server-url-hint = For example https://dhis2.example.org
screen-login-username = Username
screen-login-password = Password
screen-login-show-password = Show password
screen-login-sign-in = Sign in
screen-login-signing-in = Signing in…
screen-login-first-download = Downloading your programs, forms and org units. This can take a few minutes; keep the phone connected.
screen-login-needs-network = The first sign-in needs an internet connection. Connect to mobile data or Wi-Fi and try again.
screen-login-other-account = Use another account
screen-login-offline-hint = No internet? You can sign in with the password you used last time on this phone.
screen-login-missing-fields = Type the server address, your username and your password.
screen-login-pin-create =
    { $digits ->
        [one] Choose a PIN of { $digits } digit. You will open Phum with it instead of your password.
       *[other] Choose a PIN of { $digits } digits. You will open Phum with it instead of your password.
    }
screen-login-pin-confirm = Enter the same PIN again
screen-login-pin-mismatch = The two PINs are different. Choose your PIN again.
screen-login-pin-enter = Enter your PIN
screen-login-pin-wrong =
    { $attempts_left ->
        [one] Wrong PIN. { $attempts_left } attempt left before you must sign in with your password.
       *[other] Wrong PIN. { $attempts_left } attempts left before you must sign in with your password.
    }
screen-login-pin-forgot = Forgot your PIN? Sign in with your password

## Home
screen-home-title = Home
screen-home-working-in = Working in { $org_unit }
screen-home-change-org-unit = Change
screen-home-programs = Programs
screen-home-reports = Reports
screen-home-find-person = Find or register a person
screen-home-new-event = New event
screen-home-overdue-count = { $count } overdue
screen-home-due-today-count = { $count } due today
screen-home-not-sent-count =
    { $count ->
        [one] { $count } record not yet sent
       *[other] { $count } records not yet sent
    }
screen-home-rejected-count =
    { $count ->
        [one] { $count } record rejected by the server: open Sync to fix it
       *[other] { $count } records rejected by the server: open Sync to fix them
    }
screen-home-no-programs = Your account has no programs at this org unit. Ask your supervisor to give you access in DHIS2.
screen-home-nothing-due = Nobody is due or overdue. Well done!

## Org unit picker
screen-org-unit-title = Choose an org unit
screen-org-unit-search-hint = Search by name or code
screen-org-unit-show-below =
    { $count ->
        [one] { $count } unit under { $org_unit }
       *[other] { $count } units under { $org_unit }
    }
screen-org-unit-no-match = No org unit matches "{ $query }".
screen-org-unit-none-assigned = Your account has no org units for data entry. Ask your supervisor to assign yours in DHIS2.
screen-org-unit-program-not-here = { $program } is not used at { $org_unit }. Choose another org unit.
screen-org-unit-choose = Choose { $org_unit }

## Search and registration
screen-search-title = Find a person
screen-search-hint = Name, phone number or ID
screen-search-program = Program
screen-search-button = Search
screen-search-too-short =
    { $min ->
        [one] Type at least { $min } character.
       *[other] Type at least { $min } characters.
    }
screen-search-results-count =
    { $count ->
        [one] { $count } person found
       *[other] { $count } people found
    }
screen-search-no-results = Nobody on this phone matches. Check the spelling, search by phone number, or register a new person.
screen-search-age-years =
    { $years ->
        [one] { $years } year
       *[other] { $years } years
    }
screen-search-age-months =
    { $months ->
        [one] { $months } month
       *[other] { $months } months
    }
screen-search-age-weeks =
    { $weeks ->
        [one] { $weeks } week
       *[other] { $weeks } weeks
    }
screen-search-register = Register a new person
screen-register-title = Register a person in { $program }
screen-register-enrollment-date = Enrollment date
screen-register-incident-date = Incident date
screen-register-possible-duplicates =
    { $count ->
        [one] { $count } person with similar details is already registered. Check that it is not the same person.
       *[other] { $count } people with similar details are already registered. Check that none of them is the same person.
    }
screen-register-not-duplicate = None of them: register
screen-register-save = Register
screen-register-done = { $person } is registered in { $program }.

## Enrollment dashboard
screen-enrollment-enrolled-on = Enrolled on { $date }
screen-enrollment-status-active = Active
screen-enrollment-status-completed = Completed
screen-enrollment-status-cancelled = Cancelled
screen-enrollment-events = Events
screen-enrollment-no-events = No events yet. Add the first one.
screen-enrollment-add-event = Add { $stage }
screen-enrollment-schedule = Schedule { $stage }
screen-enrollment-event-scheduled = Scheduled for { $date }
screen-enrollment-event-overdue =
    { $days ->
        [one] Overdue since { $date } ({ $days } day)
       *[other] Overdue since { $date } ({ $days } days)
    }
screen-enrollment-event-completed = Completed on { $date }
screen-enrollment-event-open = Open, not completed
screen-enrollment-event-skipped = Skipped
screen-enrollment-next-due = Next: { $stage } on { $date }
screen-enrollment-edit-profile = Edit details
screen-enrollment-other-programs = Other programs
screen-enrollment-enroll-in = Enroll in { $program }
screen-enrollment-complete = Complete enrollment
screen-enrollment-complete-confirm = Complete the enrollment of { $person } in { $program }? No events can be added until it is reopened.
screen-enrollment-reopen = Reopen enrollment
screen-enrollment-cannot-add = { $stage } can be recorded only once and is already there.
screen-enrollment-cancel = Cancel enrollment
screen-enrollment-cancel-confirm = Cancel the enrollment of { $person } in { $program }? No events can be added until it is reopened.
screen-enrollment-reopen-confirm = Reopen the enrollment of { $person } in { $program }?
screen-enrollment-continue-event = Continue { $stage }
screen-search-last-visit = Last visit { $date }
screen-search-not-enrolled = Not enrolled in { $program }

## Working list
screen-working-list-title = Visits to make
screen-working-list-overdue = Overdue
screen-working-list-upcoming =
    { $days ->
        [one] Due in the next { $days } day
       *[other] Due in the next { $days } days
    }
screen-working-list-shown = { $shown } of { $total }
screen-working-list-more = Show more
screen-working-list-all-villages = All villages

## Event form
screen-event-date = Event date
screen-event-due-date = Due date
screen-event-org-unit = Org unit
screen-event-choose-option = Choose an option
screen-event-clear-value = Clear
screen-event-complete = Complete
screen-event-complete-confirm = Complete this event? You can reopen it later if a value is wrong.
screen-event-reopen = Reopen
screen-event-delete-confirm = Delete this event? Its values are removed from this phone, and from the server at the next sync.
screen-event-saved = Saved on this phone. It is sent at the next sync.
screen-event-errors-count =
    { $count ->
        [one] { $count } error to fix before you can complete
       *[other] { $count } errors to fix before you can complete
    }
screen-event-warnings-count =
    { $count ->
        [one] { $count } warning: check the value
       *[other] { $count } warnings: check the values
    }
screen-event-read-only = This event is completed. Reopen it to change a value.
screen-event-section-empty = Nothing to fill in this section.

## Form (a visit, a registration)
screen-form-nothing-to-open = There is no form to open.
screen-form-completed = This visit is completed. Its values can no longer be changed.
screen-form-date-hint = year-month-day
screen-form-date-time-hint = year-month-day hour:minute
screen-form-time-hint = hour:minute
screen-form-choose-date = Choose a date
screen-form-choose-time = Choose a time
screen-form-age-years = Years
screen-form-age-months = Months
screen-form-age-days = Days
screen-form-coordinate-hint = Latitude, longitude
screen-form-use-location = Use this phone's location
screen-form-locating = Finding the location…
screen-form-location-denied = Phum may not read the location. Type the latitude and longitude.
screen-form-location-unavailable = No location found: location may be off on this phone. Type the latitude and longitude, or try again outside.
screen-form-filter = Type to search

## Monthly report grid
screen-report-title = Monthly report
screen-report-period = Period
screen-report-previous-period = Previous period
screen-report-next-period = Next period
screen-report-total = Total
screen-report-empty-cells =
    { $count ->
        [one] { $count } cell is empty
       *[other] { $count } cells are empty
    }
screen-report-complete = Mark as complete
screen-report-complete-confirm = Mark the report for { $period } as complete? It is sent at the next sync.
screen-report-completed-on = Completed on { $date }
screen-report-reopen = Reopen
screen-report-no-data-sets = No report is assigned to { $org_unit }.
screen-report-sum = { $total }
screen-report-completed = This report is marked as complete: its values can no longer be changed.
screen-report-column-shown = Category shown

## Sync
screen-sync-title = Sync
screen-sync-now = Sync now
screen-sync-running = Syncing…
screen-sync-sending =
    { $count ->
        [one] Sending { $count } record…
       *[other] Sending { $count } records…
    }
screen-sync-downloading = Downloading updates from the server…
screen-sync-progress = { $phase }: { $done } of { $total }
screen-sync-done = Sync finished: { $sent } sent, { $received } received.
screen-sync-last = Last sync: { $date }
screen-sync-never = Not synced yet
screen-sync-all-sent = Everything on this phone has been sent.
screen-sync-offline = No internet connection. Your data is safe on this phone; sync again when you have a signal.
screen-sync-stopped = Sync stopped: { $reason } Nothing was lost; Phum tries again in { $minutes } min.
screen-sync-rejected-title = Rejected by the server
screen-sync-record-rejected = { $record }: { $reason }
screen-sync-fix-hint = Open the record, correct the value, save it and sync again.
screen-sync-open-record = Open
screen-sync-training-never-sends = Training mode never sends data. Sign in with a real account to sync.

## A record the server refused, read only
screen-record-title = Record details
screen-record-refused-here = The server refused this value

## Settings
screen-settings-title = Settings
screen-settings-language = Language
screen-settings-language-km = ខ្មែរ (Khmer)
screen-settings-language-en = English
screen-settings-khmer-digits = Khmer digits
screen-settings-khmer-digits-hint = Show numbers as ០១២៣ instead of 0123. Values are still sent to DHIS2 as 0123.
screen-settings-text-size = Text size
screen-settings-text-size-normal = Normal
screen-settings-text-size-large = Large
screen-settings-text-size-largest = Largest
screen-settings-account = Account
screen-settings-signed-in-as = Signed in as { $username } on { $server }
screen-settings-change-pin = Change PIN
screen-settings-sign-out = Sign out
screen-settings-sign-out-confirm =
    { $count ->
        [0] Sign out of this account?
        [one] Sign out? { $count } record is not yet sent; it stays on this phone and is sent after you sign in again.
       *[other] Sign out? { $count } records are not yet sent; they stay on this phone and are sent after you sign in again.
    }
screen-settings-version = Phum version { $version }

## Training mode (demo)
screen-demo-banner = Training mode: practice data, never sent
screen-demo-reset = Reset practice data
screen-demo-reset-confirm = Reset the practice data? Everything entered in training mode is deleted and the sample data comes back.
screen-demo-reset-done = The practice data is back to its start.
screen-demo-leave = Leave training mode
