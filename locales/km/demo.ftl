# ការបង្ហាញរបស់គ្រូបង្គោល (`phum demo`, cli/src/demo)៖ ផ្ទាំង សំណួរ និងសារ។

## បដា និងម៉ឺនុយ
demo-banner = ទិន្នន័យហ្វឹកហាត់របស់ { $health_centre } គិតពីថ្ងៃ { $anchor } (ថ្ងៃនេះ { $today })។ អ្វីដែលអ្នកបញ្ចូលនៅទីនេះ មិនត្រូវបានផ្ញើទៅម៉ាស៊ីនមេឡើយ។
demo-village-title = ភូមិរបស់ { $health_centre }
demo-village-choose = សូមជ្រើសរើសភូមិ
demo-menu-title = { $village }៖ តើអ្នកចង់ធ្វើអ្វី?
demo-menu-person-chosen = បុគ្គល៖ { $person }
demo-menu-card = ប័ណ្ណចាក់ថ្នាំបង្ការ និងការមកពិនិត្យចាក់ថ្នាំ
demo-menu-ncd = ការមកពិនិត្យសម្ពាធឈាម (NCD)
demo-menu-overdue = ការមកពិនិត្យដែលហួសពេលកំណត់ក្នុងភូមិ
demo-menu-outbox = អ្វីដែលនឹងត្រូវផ្ញើ
demo-menu-village = ប្ដូរភូមិ
demo-menu-quit = ចាកចេញ
demo-menu-choose = ជម្រើសរបស់អ្នក
demo-choose-a-number = សូមវាយលេខពី ០ ដល់ { $last }។
demo-goodbye = ចប់វគ្គហ្វឹកហាត់។ ទិន្នន័យហ្វឹកហាត់នៅលើកុំព្យូទ័រនេះ រហូតដល់ពេលកំណត់ឡើងវិញ។
## បុគ្គល
demo-person-title = ស្វែងរកបុគ្គលក្នុង { $village }
demo-person-search = ឈ្មោះ ឬលេខទូរស័ព្ទ (អក្សរខ្មែរ ឬឡាតាំង)
demo-person-none = គ្មាននរណាម្នាក់ក្នុងភូមិនេះត្រូវនឹង «{ $text }» ទេ។
demo-person-choose = សូមជ្រើសរើសបុគ្គល ឬចុះឈ្មោះបុគ្គលថ្មី
demo-person-chosen = ឥឡូវកំពុងមើល { $person }។
demo-register-child = ចុះឈ្មោះកុមារថ្មី (ការចាក់ថ្នាំបង្ការ)
demo-register-adult = ចុះឈ្មោះមនុស្សពេញវ័យថ្មី (NCD)

## ទម្រង់
demo-form-choose = សូមជ្រើសរើសប្រអប់ដើម្បីបំពេញ ឬបញ្ចប់ទម្រង់
demo-form-switch-language = បង្ហាញទម្រង់នេះជា { $language }
demo-form-completed = បានបញ្ចប់ និងរក្សាទុករួច។
demo-value-of = { $field }
demo-value-of-date = { $field } (ឆ្នាំ-ខែ-ថ្ងៃ ឧទាហរណ៍ 2025-03-14)
demo-field-value = { $field }៖ { $value }
demo-field-read-only = ប្រអប់ «{ $field }» ត្រូវបានបំពេញដោយទម្រង់ដោយខ្លួនឯង។
demo-rule-warning = ព្រមាន៖ { $text }
demo-rule-error = កំហុស៖ { $text }
demo-rule-text = { $text }
demo-rule-failed = ច្បាប់មួយនៃទម្រង់នេះមិនអាចពិនិត្យបានទេ សូមប្រាប់អ្នកគ្រប់គ្រងរបស់អ្នក។
demo-possible-duplicate = បុគ្គលនេះប្រហែលជាបានចុះឈ្មោះរួចហើយ៖ សូមស្វែងរកគាត់មុននឹងចុះឈ្មោះម្ដងទៀត។
demo-invalid-value = «{ $value }» មិនអាចដាក់ក្នុងប្រអប់ «{ $field }» បានទេ៖ { $reason }
demo-future-date = ប្រអប់ «{ $field }» មិនអាចជាកាលបរិច្ឆេទនាពេលអនាគតបានទេ។
demo-not-unique = «{ $value }» ក្នុងប្រអប់ «{ $field }» ជារបស់បុគ្គលផ្សេងរួចហើយ។
demo-not-completed = មិនទាន់អាចបញ្ចប់បានទេ៖ { $reasons }
demo-already-completed = ទម្រង់នេះបានបញ្ចប់រួចហើយ។
demo-refusal-mandatory = ប្រអប់ «{ $field }» ត្រូវតែបំពេញ
demo-refusal-field = «{ $field }»៖ { $text }
demo-refusal-text = { $text }
demo-refusal-validation = { $rule }៖ { $instruction }

## ប័ណ្ណចាក់ថ្នាំបង្ការ
demo-card-title = ប័ណ្ណចាក់ថ្នាំបង្ការរបស់ { $person }
demo-card-not-enrolled = { $person } មិនទាន់ចុះឈ្មោះក្នុងកម្មវិធីចាក់ថ្នាំបង្ការទេ។
demo-card-not-due = មិនទាន់ដល់ពេលកំណត់
demo-card-choose = សូមជ្រើសរើសការចាក់ថ្នាំដែលត្រូវកត់ត្រាថ្ងៃនេះ

## NCD
demo-ncd-title = ការមកពិនិត្យសម្ពាធឈាមរបស់ { $person }
demo-ncd-not-enrolled = { $person } មិនទាន់ចុះឈ្មោះក្នុងកម្មវិធី NCD ទេ។

## បញ្ជី
demo-overdue-title = ការមកពិនិត្យដែលហួសពេលកំណត់ក្នុង { $village }
demo-overdue-none = គ្មាននរណាម្នាក់ហួសពេលកំណត់ទេ។
demo-overdue-row = { $person }៖ { $visit } កំណត់នៅ { $date } (ហួស { $days })
demo-overdue-more = និង { $count } នាក់ទៀត។
demo-outbox-title = អ្វីដែល { $health_centre } នឹងផ្ញើ
demo-outbox-counts = កំពុងរង់ចាំផ្ញើ៖ បុគ្គលថ្មី { $people } ការចុះឈ្មោះក្នុងកម្មវិធី { $enrollments } ការមកពិនិត្យ { $visits } តម្លៃរបាយការណ៍ { $values }។
demo-outbox-person = { $person }៖ { $records }
demo-outbox-registration = ការចុះឈ្មោះ
demo-outbox-enrollment = ការចុះឈ្មោះក្នុង { $program }
demo-outbox-visit = ការមកពិនិត្យ «{ $visit }»
demo-outbox-scheduled = ការណាត់មកពិនិត្យ «{ $visit }»
demo-outbox-report = { $report }៖ តម្លៃ { $count }
demo-outbox-not-a-demo = មូលដ្ឋានទិន្នន័យនេះមិនមែនជាគណនីហ្វឹកហាត់ទេ៖ ការបង្ហាញនេះមិនផ្ញើអ្វីពីវាទេ។
demo-outbox-not-sent = របៀបហ្វឹកហាត់៖ គ្មានអ្វីត្រូវបានផ្ញើទេ។ នៅលើគណនីពិត កំណត់ត្រាទាំងនេះនឹងទៅម៉ាស៊ីនមេ នៅពេលធ្វើសមកាលកម្មលើកក្រោយ។

## របាយការណ៍ប្រចាំខែ
demo-report-title = របាយការណ៍ប្រចាំខែរបស់ { $village } { $period }
demo-report-none = ទិន្នន័យហ្វឹកហាត់គ្មានរបាយការណ៍ភូមិទេ។
demo-report-valid = ច្បាប់ផ្ទៀងផ្ទាត់ទាំងអស់នៃរបាយការណ៍ត្រឹមត្រូវ។
