# អត្ថបទនៃអេក្រង់ Android និង `phum demo` (core::i18n::screens::ScreenText)។ ពាក្យបច្ចេកទេស៖ locales/GLOSSARY.md
# ឈ្មោះកម្មវិធី ដំណាក់កាល ធាតុទិន្នន័យ និងអង្គភាព មកពីម៉ាស៊ីនមេ មិនមែនពីទីនេះទេ។

## ប៊ូតុង និងស្ថានភាពរួម
screen-common-ok = យល់ព្រម
screen-common-cancel = បោះបង់
screen-common-save = រក្សាទុក
screen-common-back = ថយក្រោយ
screen-common-next = បន្ទាប់
screen-common-close = បិទ
screen-common-yes = បាទ/ចាស
screen-common-no = ទេ
screen-common-edit = កែសម្រួល
screen-common-delete = លុប
screen-common-retry = ព្យាយាមម្ដងទៀត
screen-common-loading = កំពុងផ្ទុក…
screen-common-required = ទាមទារ
screen-common-discard-title = បោះបង់ការកែប្រែរបស់អ្នកឬ?
screen-common-discard-body = តម្លៃដែលអ្នកបានកែប្រែតាំងពីការរក្សាទុកចុងក្រោយ នឹងបាត់បង់។
screen-common-discard = បោះបង់ការកែប្រែ
screen-common-keep-editing = បន្តកែសម្រួល
screen-common-key-unavailable = Phum មិនអាចបើកទិន្នន័យរបស់វានៅលើទូរស័ព្ទនេះបានទេ ព្រោះឃ្លាំងសោរបស់ទូរស័ព្ទបានបដិសេធ។ សូមចាប់ផ្ដើមទូរស័ព្ទឡើងវិញ ហើយព្យាយាមម្ដងទៀត។

## ការបើកលើកដំបូង
screen-first-run-welcome = សូមស្វាគមន៍មកកាន់ Phum
screen-first-run-intro = Phum កត់ត្រាទិន្នន័យសុខភាពនៅលើទូរស័ព្ទនេះ ទោះគ្មានបណ្ដាញក៏ដោយ ហើយផ្ញើទៅ DHIS2 នៅពេលអ្នកមានអ៊ីនធឺណិត។
screen-first-run-choose-language = ជ្រើសរើសភាសារបស់អ្នក
screen-first-run-sign-in = ចូលប្រើ DHIS2
screen-first-run-training = ចាប់ផ្ដើមរបៀបហ្វឹកហាត់
screen-first-run-training-hint = ហ្វឹកហាត់ជាមួយទិន្នន័យគំរូពីកម្ពុជា។ មិនត្រូវការម៉ាស៊ីនមេ ហើយគ្មានអ្វីត្រូវបានផ្ញើចេញឡើយ។

## ការចូលប្រើ និងលេខកូដ PIN
screen-login-title = ចូលប្រើ
screen-login-server-url = អាសយដ្ឋានម៉ាស៊ីនមេ
screen-login-server-url-hint = ឧទាហរណ៍ https://dhis2.example.org
screen-login-username = ឈ្មោះគណនី
screen-login-password = ពាក្យសម្ងាត់
screen-login-show-password = បង្ហាញពាក្យសម្ងាត់
screen-login-sign-in = ចូលប្រើ
screen-login-signing-in = កំពុងចូលប្រើ…
screen-login-first-download = កំពុងទាញយកកម្មវិធី ទម្រង់ និងអង្គភាពរបស់អ្នក។ វាអាចចំណាយពេលពីរបីនាទី សូមទុកទូរស័ព្ទឱ្យនៅភ្ជាប់បណ្ដាញ។
screen-login-needs-network = ការចូលប្រើលើកដំបូងត្រូវការអ៊ីនធឺណិត។ សូមភ្ជាប់ទិន្នន័យទូរស័ព្ទ ឬ Wi-Fi ហើយព្យាយាមម្ដងទៀត។
screen-login-other-account = ប្រើគណនីផ្សេង
screen-login-offline-hint = គ្មានអ៊ីនធឺណិតទេឬ? អ្នកអាចចូលដោយប្រើពាក្យសម្ងាត់ដែលអ្នកបានប្រើលើកមុននៅលើទូរស័ព្ទនេះ។
screen-login-missing-fields = សូមវាយអាសយដ្ឋានម៉ាស៊ីនមេ ឈ្មោះអ្នកប្រើ និងពាក្យសម្ងាត់របស់អ្នក។
screen-login-pin-create = សូមជ្រើសរើសលេខកូដ PIN ចំនួន { $digits } ខ្ទង់។ អ្នកនឹងបើក Phum ដោយប្រើវាជំនួសពាក្យសម្ងាត់។
screen-login-pin-confirm = សូមបញ្ចូលលេខកូដ PIN ដដែលម្ដងទៀត
screen-login-pin-mismatch = លេខកូដ PIN ទាំងពីរមិនដូចគ្នាទេ។ សូមជ្រើសរើសលេខកូដ PIN របស់អ្នកម្ដងទៀត។
screen-login-pin-enter = សូមបញ្ចូលលេខកូដ PIN របស់អ្នក
screen-login-pin-wrong = លេខកូដ PIN មិនត្រឹមត្រូវ។ នៅសល់ { $attempts_left } ដងទៀត មុនពេលអ្នកត្រូវចូលប្រើដោយពាក្យសម្ងាត់។
screen-login-pin-forgot = ភ្លេចលេខកូដ PIN? ចូលប្រើដោយពាក្យសម្ងាត់

## ផ្ទាំងដើម
screen-home-title = ផ្ទាំងដើម
screen-home-working-in = កំពុងធ្វើការនៅ { $org_unit }
screen-home-change-org-unit = ប្ដូរ
screen-home-programs = កម្មវិធី
screen-home-reports = របាយការណ៍
screen-home-find-person = ស្វែងរក ឬចុះឈ្មោះបុគ្គល
screen-home-new-event = ព្រឹត្តិការណ៍ថ្មី
screen-home-overdue-count = ហួសពេលកំណត់ { $count }
screen-home-due-today-count = ដល់ពេលកំណត់ថ្ងៃនេះ { $count }
screen-home-not-sent-count = កំណត់ត្រា { $count } មិនទាន់ផ្ញើ
screen-home-rejected-count = កំណត់ត្រា { $count } ត្រូវម៉ាស៊ីនមេបដិសេធ៖ សូមបើកផ្ទាំងសមកាលកម្ម ដើម្បីកែ
screen-home-no-programs = គណនីរបស់អ្នកមិនមានកម្មវិធីណាមួយនៅអង្គភាពនេះទេ។ សូមស្នើអ្នកគ្រប់គ្រងរបស់អ្នកឱ្យផ្ដល់សិទ្ធិក្នុង DHIS2។
screen-home-nothing-due = គ្មាននរណាម្នាក់ដល់ពេលកំណត់ ឬហួសពេលកំណត់ទេ។ ល្អណាស់!

## ការជ្រើសរើសអង្គភាព
screen-org-unit-title = ជ្រើសរើសអង្គភាព
screen-org-unit-search-hint = ស្វែងរកតាមឈ្មោះ ឬលេខកូដ
screen-org-unit-show-below = អង្គភាព { $count } នៅក្រោម { $org_unit }
screen-org-unit-no-match = គ្មានអង្គភាពណាត្រូវនឹង «{ $query }» ទេ។
screen-org-unit-none-assigned = គណនីរបស់អ្នកមិនមានអង្គភាពសម្រាប់បញ្ចូលទិន្នន័យទេ។ សូមស្នើអ្នកគ្រប់គ្រងរបស់អ្នកឱ្យកំណត់អង្គភាពរបស់អ្នកក្នុង DHIS2។
screen-org-unit-program-not-here = កម្មវិធី { $program } មិនប្រើនៅ { $org_unit } ទេ។ សូមជ្រើសរើសអង្គភាពផ្សេង។
screen-org-unit-choose = ជ្រើសរើស { $org_unit }

## ការស្វែងរក និងការចុះឈ្មោះ
screen-search-title = ស្វែងរកបុគ្គល
screen-search-hint = ឈ្មោះ លេខទូរស័ព្ទ ឬលេខសម្គាល់
screen-search-program = កម្មវិធី
screen-search-button = ស្វែងរក
screen-search-too-short = សូមវាយយ៉ាងហោចណាស់ { $min } តួអក្សរ។
screen-search-results-count = រកឃើញបុគ្គល { $count } នាក់
screen-search-no-results = គ្មាននរណាម្នាក់នៅលើទូរស័ព្ទនេះត្រូវនឹងការស្វែងរកទេ។ សូមពិនិត្យអក្ខរាវិរុទ្ធ ស្វែងរកតាមលេខទូរស័ព្ទ ឬចុះឈ្មោះបុគ្គលថ្មី។
screen-search-age-years = { $years } ឆ្នាំ
screen-search-age-months = { $months } ខែ
screen-search-age-weeks = { $weeks } សប្ដាហ៍
screen-search-register = ចុះឈ្មោះបុគ្គលថ្មី
screen-register-title = ចុះឈ្មោះបុគ្គលក្នុងកម្មវិធី { $program }
screen-register-enrollment-date = ថ្ងៃខែឆ្នាំចុះឈ្មោះ
screen-register-incident-date = ថ្ងៃខែឆ្នាំកើតហេតុ
screen-register-possible-duplicates = មានបុគ្គល { $count } នាក់ដែលមានព័ត៌មានស្រដៀងគ្នា បានចុះឈ្មោះរួចហើយ។ សូមពិនិត្យមើលថា បុគ្គលនេះមិនមែនជាម្នាក់ក្នុងចំណោមពួកគេទេ។
screen-register-not-duplicate = មិនមែនម្នាក់ក្នុងចំណោមនេះទេ៖ ចុះឈ្មោះ
screen-register-save = ចុះឈ្មោះ
screen-register-done = { $person } បានចុះឈ្មោះក្នុងកម្មវិធី { $program } ហើយ។

## ផ្ទាំងការចុះឈ្មោះ
screen-enrollment-enrolled-on = បានចុះឈ្មោះនៅ { $date }
screen-enrollment-status-active = សកម្ម
screen-enrollment-status-completed = បានបញ្ចប់
screen-enrollment-status-cancelled = បានបោះបង់
screen-enrollment-events = ព្រឹត្តិការណ៍
screen-enrollment-no-events = មិនទាន់មានព្រឹត្តិការណ៍នៅឡើយទេ។ សូមបន្ថែមព្រឹត្តិការណ៍ទីមួយ។
screen-enrollment-add-event = បន្ថែម { $stage }
screen-enrollment-schedule = ណាត់ { $stage }
screen-enrollment-event-scheduled = បានណាត់នៅ { $date }
screen-enrollment-event-overdue = ហួសពេលកំណត់តាំងពី { $date } ({ $days } ថ្ងៃ)
screen-enrollment-event-completed = បានបញ្ចប់នៅ { $date }
screen-enrollment-event-open = បើក មិនទាន់បញ្ចប់
screen-enrollment-event-skipped = បានរំលង
screen-enrollment-next-due = បន្ទាប់៖ { $stage } នៅ { $date }
screen-enrollment-edit-profile = កែសម្រួលព័ត៌មាន
screen-enrollment-other-programs = កម្មវិធីផ្សេងទៀត
screen-enrollment-enroll-in = ចុះឈ្មោះក្នុងកម្មវិធី { $program }
screen-enrollment-complete = បញ្ចប់ការចុះឈ្មោះ
screen-enrollment-complete-confirm = បញ្ចប់ការចុះឈ្មោះរបស់ { $person } ក្នុងកម្មវិធី { $program } ឬ? មិនអាចបន្ថែមព្រឹត្តិការណ៍បានទេ រហូតដល់វាត្រូវបានបើកឡើងវិញ។
screen-enrollment-reopen = បើកការចុះឈ្មោះឡើងវិញ
screen-enrollment-cannot-add = { $stage } អាចកត់ត្រាបានតែម្ដងប៉ុណ្ណោះ ហើយមានរួចហើយ។
screen-enrollment-cancel = បោះបង់ការចុះឈ្មោះ
screen-enrollment-cancel-confirm = បោះបង់ការចុះឈ្មោះរបស់ { $person } ក្នុងកម្មវិធី { $program } ឬ? មិនអាចបន្ថែមព្រឹត្តិការណ៍បានទេ រហូតដល់វាត្រូវបានបើកឡើងវិញ។
screen-enrollment-reopen-confirm = បើកការចុះឈ្មោះរបស់ { $person } ក្នុងកម្មវិធី { $program } ឡើងវិញឬ?
screen-enrollment-continue-event = បន្ត { $stage }
screen-search-last-visit = ការមកពិនិត្យចុងក្រោយ { $date }
screen-search-not-enrolled = មិនទាន់ចុះឈ្មោះក្នុងកម្មវិធី { $program }

## Working list
screen-working-list-title = ការមកពិនិត្យដែលត្រូវធ្វើ
screen-working-list-overdue = ហួសពេលកំណត់
screen-working-list-upcoming = ដល់ពេលកំណត់ក្នុងរយៈពេល { $days } ថ្ងៃខាងមុខ
screen-working-list-shown = { $shown } ក្នុងចំណោម { $total }
screen-working-list-more = បង្ហាញបន្ថែម
screen-working-list-all-villages = គ្រប់ភូមិ

## ទម្រង់ព្រឹត្តិការណ៍
screen-event-date = ថ្ងៃខែឆ្នាំរាយការណ៍
screen-event-due-date = កាលបរិច្ឆេទកំណត់
screen-event-org-unit = អង្គភាព
screen-event-choose-option = ជ្រើសរើសជម្រើសមួយ
screen-event-clear-value = លុបតម្លៃ
screen-event-complete = បញ្ចប់
screen-event-complete-confirm = បញ្ចប់ព្រឹត្តិការណ៍នេះឬ? អ្នកអាចបើកវាឡើងវិញនៅពេលក្រោយ ប្រសិនបើតម្លៃណាមួយខុស។
screen-event-reopen = បើកឡើងវិញ
screen-event-delete-confirm = លុបព្រឹត្តិការណ៍នេះឬ? តម្លៃរបស់វានឹងត្រូវលុបចេញពីទូរស័ព្ទនេះ និងពីម៉ាស៊ីនមេនៅពេលធ្វើសមកាលកម្មលើកក្រោយ។
screen-event-saved = បានរក្សាទុកនៅលើទូរស័ព្ទនេះ។ វានឹងត្រូវផ្ញើនៅពេលធ្វើសមកាលកម្មលើកក្រោយ។
screen-event-errors-count = មានកំហុស { $count } ដែលត្រូវកែ មុនពេលអ្នកអាចបញ្ចប់
screen-event-warnings-count = មានការព្រមាន { $count }៖ សូមពិនិត្យតម្លៃ
screen-event-read-only = ព្រឹត្តិការណ៍នេះបានបញ្ចប់ហើយ។ សូមបើកវាឡើងវិញ ដើម្បីកែតម្លៃ។
screen-event-section-empty = គ្មានអ្វីត្រូវបំពេញក្នុងផ្នែកនេះទេ។

## ទម្រង់ (ការមកពិនិត្យ ការចុះឈ្មោះ)
screen-form-nothing-to-open = គ្មានទម្រង់ដែលត្រូវបើកទេ។
screen-form-completed = ការមកពិនិត្យនេះបានបញ្ចប់ហើយ។ តម្លៃរបស់វាមិនអាចកែប្រែបានទៀតទេ។
screen-form-date-hint = ឆ្នាំ-ខែ-ថ្ងៃ
screen-form-date-time-hint = ឆ្នាំ-ខែ-ថ្ងៃ ម៉ោង:នាទី
screen-form-time-hint = ម៉ោង:នាទី
screen-form-choose-date = ជ្រើសរើសកាលបរិច្ឆេទ
screen-form-choose-time = ជ្រើសរើសម៉ោង
screen-form-age-years = ឆ្នាំ
screen-form-age-months = ខែ
screen-form-age-days = ថ្ងៃ
screen-form-coordinate-hint = រយៈទទឹង, រយៈបណ្តោយ
screen-form-use-location = ប្រើទីតាំងរបស់ទូរស័ព្ទនេះ
screen-form-locating = កំពុងរកទីតាំង…
screen-form-location-denied = Phum គ្មានសិទ្ធិអានទីតាំងទេ។ សូមវាយរយៈទទឹង និងរយៈបណ្តោយ។
screen-form-location-unavailable = រកមិនឃើញទីតាំងទេ៖ ប្រហែលជាទីតាំងត្រូវបានបិទនៅលើទូរស័ព្ទនេះ។ សូមវាយរយៈទទឹង និងរយៈបណ្តោយ ឬព្យាយាមម្ដងទៀតនៅខាងក្រៅ។
screen-form-filter = វាយដើម្បីស្វែងរក

## តារាងរបាយការណ៍ប្រចាំខែ
screen-report-title = របាយការណ៍ប្រចាំខែ
screen-report-period = កំឡុងពេល
screen-report-previous-period = កំឡុងពេលមុន
screen-report-next-period = កំឡុងពេលបន្ទាប់
screen-report-total = សរុប
screen-report-empty-cells = ក្រឡា { $count } នៅទទេ
screen-report-complete = សម្គាល់ថាបានបញ្ចប់
screen-report-complete-confirm = សម្គាល់របាយការណ៍សម្រាប់ { $period } ថាបានបញ្ចប់ឬ? វានឹងត្រូវផ្ញើនៅពេលធ្វើសមកាលកម្មលើកក្រោយ។
screen-report-completed-on = បានបញ្ចប់នៅ { $date }
screen-report-reopen = បើកឡើងវិញ
screen-report-no-data-sets = មិនមានរបាយការណ៍ណាមួយសម្រាប់ { $org_unit } ទេ។
screen-report-sum = { $total }
screen-report-completed = របាយការណ៍នេះត្រូវបានសម្គាល់ថាបានបញ្ចប់៖ មិនអាចប្តូរតម្លៃរបស់វាបានទៀតទេ។
screen-report-column-shown = ជម្រើសប្រភេទដែលបង្ហាញ

## សមកាលកម្ម
screen-sync-title = សមកាលកម្ម
screen-sync-now = ធ្វើសមកាលកម្មឥឡូវនេះ
screen-sync-running = កំពុងធ្វើសមកាលកម្ម…
screen-sync-sending = កំពុងផ្ញើកំណត់ត្រា { $count }…
screen-sync-downloading = កំពុងទាញយកបច្ចុប្បន្នភាពពីម៉ាស៊ីនមេ…
screen-sync-progress = { $phase }៖ { $done } នៃ { $total }
screen-sync-done = ការធ្វើសមកាលកម្មបានបញ្ចប់៖ បានផ្ញើ { $sent } បានទទួល { $received }។
screen-sync-last = សមកាលកម្មចុងក្រោយ៖ { $date }
screen-sync-never = មិនទាន់បានធ្វើសមកាលកម្មនៅឡើយ
screen-sync-all-sent = អ្វីៗទាំងអស់នៅលើទូរស័ព្ទនេះត្រូវបានផ្ញើរួចហើយ។
screen-sync-offline = គ្មានអ៊ីនធឺណិត។ ទិន្នន័យរបស់អ្នកមានសុវត្ថិភាពនៅលើទូរស័ព្ទនេះ។ សូមធ្វើសមកាលកម្មម្ដងទៀតនៅពេលមានអ៊ីនធឺណិត។
screen-sync-stopped = ការធ្វើសមកាលកម្មបានឈប់៖ { $reason } គ្មានអ្វីបាត់បង់ទេ។ Phum នឹងព្យាយាមម្ដងទៀតក្នុងរយៈពេល { $minutes } នាទី។
screen-sync-rejected-title = ត្រូវម៉ាស៊ីនមេបដិសេធ
screen-sync-record-rejected = { $record }៖ { $reason }
screen-sync-fix-hint = សូមបើកកំណត់ត្រា កែតម្លៃ រក្សាទុក ហើយធ្វើសមកាលកម្មម្ដងទៀត។
screen-sync-open-record = បើក
screen-sync-training-never-sends = របៀបហ្វឹកហាត់មិនដែលផ្ញើទិន្នន័យទេ។ សូមចូលប្រើដោយគណនីពិត ដើម្បីធ្វើសមកាលកម្ម។

## A record the server refused, read only
screen-record-title = ព័ត៌មានលម្អិតនៃកំណត់ត្រា
screen-record-refused-here = ម៉ាស៊ីនមេបានបដិសេធតម្លៃនេះ

## ការកំណត់
screen-settings-title = ការកំណត់
screen-settings-language = ភាសា
screen-settings-language-km = ខ្មែរ
screen-settings-language-en = English (អង់គ្លេស)
screen-settings-khmer-digits = លេខខ្មែរ
screen-settings-khmer-digits-hint = បង្ហាញលេខជា ០១២៣ ជំនួសឱ្យ 0123។ តម្លៃនៅតែត្រូវបានផ្ញើទៅ DHIS2 ជា 0123។
screen-settings-text-size = ទំហំអក្សរ
screen-settings-text-size-normal = ធម្មតា
screen-settings-text-size-large = ធំ
screen-settings-text-size-largest = ធំបំផុត
screen-settings-account = គណនី
screen-settings-signed-in-as = បានចូលប្រើជា { $username } នៅលើ { $server }
screen-settings-change-pin = ប្ដូរលេខកូដ PIN
screen-settings-sign-out = ចាកចេញ
screen-settings-sign-out-confirm =
    { $count ->
        [0] ចាកចេញពីគណនីនេះឬ?
       *[other] ចាកចេញឬ? កំណត់ត្រា { $count } មិនទាន់ផ្ញើ។ វានៅលើទូរស័ព្ទនេះ ហើយនឹងត្រូវផ្ញើបន្ទាប់ពីអ្នកចូលប្រើម្ដងទៀត។
    }
screen-settings-version = Phum កំណែ { $version }

## របៀបហ្វឹកហាត់ (demo)
screen-demo-banner = របៀបហ្វឹកហាត់៖ ទិន្នន័យហ្វឹកហាត់ មិនដែលផ្ញើទេ
screen-demo-reset = កំណត់ទិន្នន័យហ្វឹកហាត់ឡើងវិញ
screen-demo-reset-confirm = កំណត់ទិន្នន័យហ្វឹកហាត់ឡើងវិញឬ? អ្វីៗទាំងអស់ដែលបានបញ្ចូលក្នុងរបៀបហ្វឹកហាត់នឹងត្រូវលុប ហើយទិន្នន័យគំរូនឹងត្រឡប់មកវិញ។
screen-demo-reset-done = ទិន្នន័យហ្វឹកហាត់បានត្រឡប់ទៅដូចដើមវិញ។
screen-demo-leave = ចាកចេញពីរបៀបហ្វឹកហាត់
