# Scheduling and working lists (core::schedule).

schedule-not-found = { $kind } { $uid } is not in the store
schedule-date-out-of-range = program stage { $stage }: { $days } from { $from } is outside the supported calendar
schedule-bad-page-limit = a page of a working list holds 1 to { $max } rows, not { $limit }

## How an event stands today (dashboards, working lists)
schedule-state-completed = completed
schedule-state-open = open
schedule-state-scheduled = scheduled
schedule-state-overdue = overdue
schedule-state-skipped = skipped

## When a visit on a working list is due
schedule-due-today = due today
schedule-due-overdue = { $days } overdue
schedule-due-in = due in { $days }
