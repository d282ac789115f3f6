# គំរូ៖ UID កំឡុងពេល និងប្រភេទកំឡុងពេល ប្រភេទតម្លៃ និងស្ថានភាព នាឡិកានៃឧបករណ៍ (core::model)។

## UID
model-uid-wrong-length = '{ $text }' មិនមែនជា UID របស់ DHIS2 ទេ៖ វាមាន { $len } តួអក្សរ ប៉ុន្តែ UID មាន 11 តួអក្សរ។
model-uid-first-not-letter = '{ $text }' មិនមែនជា UID របស់ DHIS2 ទេ៖ វាត្រូវចាប់ផ្ដើមដោយអក្សរ (A-Z ឬ a-z)។
model-uid-bad-character = '{ $text }' មិនមែនជា UID របស់ DHIS2 ទេ៖ តួអក្សរទី { $position } មិនមែនជាអក្សរ ឬលេខ (A-Z, a-z, 0-9) ទេ។

## ត្រាពេលវេលា
model-timestamp-invalid = '{ $text }' មិនមែនជាកាលបរិច្ឆេទ ឬត្រាពេលវេលារបស់ DHIS2 ទេ (ត្រូវការ yyyy-MM-dd ឬ yyyy-MM-ddTHH:mm:ss.SSS ដែលអាចមាន Z ឬ ±hh:mm)។

## រយៈពេល
model-period-unknown-format = `{ $text }` មិនមែនជាលេខសម្គាល់កំឡុងពេលរបស់ DHIS2 ទេ។
model-period-unknown-type = `{ $text }` មិនមែនជាប្រភេទកំឡុងពេលរបស់ DHIS2 ទេ។
model-period-year-out-of-range = `{ $text }`៖ ឆ្នាំ { $year } នៅក្រៅឆ្នាំដែលកម្មវិធីគាំទ្រ ({ $min } ដល់ { $max })។
model-period-invalid-date = `{ $text }` មិនមែនជាកាលបរិច្ឆេទក្នុងប្រតិទិនទេ។
model-period-week-out-of-range = `{ $text }`៖ គ្មានសប្ដាហ៍ទី { $week } ទេ ឆ្នាំនោះមានសប្ដាហ៍ទី 1 ដល់ទី { $max }។
model-period-index-out-of-range = `{ $text }`៖ គ្មាន{ $unit }ទី { $index } ទេ តម្លៃត្រឹមត្រូវគឺ 1 ដល់ { $max }។
model-period-wrong-type = `{ $text }` ជាកំឡុងពេល{ $found } ប៉ុន្តែត្រូវការកំឡុងពេល{ $expected }។

## ឈ្មោះនៃកំឡុងពេលមួយដែលមានលេខរៀង
model-period-unit-day = ថ្ងៃ
model-period-unit-week = សប្ដាហ៍
model-period-unit-bi-week = ពីរសប្ដាហ៍
model-period-unit-month = ខែ
model-period-unit-bi-month = ពីរខែ
model-period-unit-quarter = ត្រីមាស
model-period-unit-six-months = ឆមាស
model-period-unit-year = ឆ្នាំ

## ប្រភេទកំឡុងពេល
model-period-type-daily = ប្រចាំថ្ងៃ
model-period-type-weekly = ប្រចាំសប្ដាហ៍
model-period-type-weekly-wednesday = ប្រចាំសប្ដាហ៍ (ចាប់ពីថ្ងៃពុធ)
model-period-type-weekly-thursday = ប្រចាំសប្ដាហ៍ (ចាប់ពីថ្ងៃព្រហស្បតិ៍)
model-period-type-weekly-saturday = ប្រចាំសប្ដាហ៍ (ចាប់ពីថ្ងៃសៅរ៍)
model-period-type-weekly-sunday = ប្រចាំសប្ដាហ៍ (ចាប់ពីថ្ងៃអាទិត្យ)
model-period-type-bi-weekly = ប្រចាំពីរសប្ដាហ៍
model-period-type-monthly = ប្រចាំខែ
model-period-type-bi-monthly = ប្រចាំពីរខែ
model-period-type-quarterly = ប្រចាំត្រីមាស
model-period-type-quarterly-nov = ប្រចាំត្រីមាស (ចាប់ពីខែវិច្ឆិកា)
model-period-type-six-monthly = ប្រចាំឆមាស
model-period-type-six-monthly-april = ប្រចាំឆមាស (ចាប់ពីខែមេសា)
model-period-type-six-monthly-nov = ប្រចាំឆមាស (ចាប់ពីខែវិច្ឆិកា)
model-period-type-yearly = ប្រចាំឆ្នាំ
model-period-type-financial-feb = ឆ្នាំហិរញ្ញវត្ថុ (ចាប់ពីខែកុម្ភៈ)
model-period-type-financial-april = ឆ្នាំហិរញ្ញវត្ថុ (ចាប់ពីខែមេសា)
model-period-type-financial-july = ឆ្នាំហិរញ្ញវត្ថុ (ចាប់ពីខែកក្កដា)
model-period-type-financial-aug = ឆ្នាំហិរញ្ញវត្ថុ (ចាប់ពីខែសីហា)
model-period-type-financial-sep = ឆ្នាំហិរញ្ញវត្ថុ (ចាប់ពីខែកញ្ញា)
model-period-type-financial-oct = ឆ្នាំហិរញ្ញវត្ថុ (ចាប់ពីខែតុលា)
model-period-type-financial-nov = ឆ្នាំហិរញ្ញវត្ថុ (ចាប់ពីខែវិច្ឆិកា)

## ប្រភេទតម្លៃ ជាប្រភេទតម្លៃនៃប្រអប់មួយ
model-value-type-text = អត្ថបទ
model-value-type-long-text = អត្ថបទវែង
model-value-type-multi-text = ជម្រើសច្រើន
model-value-type-letter = អក្សរមួយ
model-value-type-phone-number = លេខទូរស័ព្ទ
model-value-type-email = អាសយដ្ឋានអ៊ីមែល
model-value-type-boolean = បាទ/ចាស ឬ ទេ
model-value-type-true-only = បាទ/ចាស តែប៉ុណ្ណោះ
model-value-type-date = កាលបរិច្ឆេទ
model-value-type-date-time = កាលបរិច្ឆេទ និងម៉ោង
model-value-type-time = ម៉ោង
model-value-type-number = លេខ
model-value-type-unit-interval = លេខពី 0 ដល់ 1
model-value-type-percentage = ភាគរយ
model-value-type-integer = ចំនួនគត់
model-value-type-integer-positive = ចំនួនគត់វិជ្ជមាន
model-value-type-integer-negative = ចំនួនគត់អវិជ្ជមាន
model-value-type-integer-zero-or-positive = ចំនួនគត់សូន្យ ឬវិជ្ជមាន
model-value-type-tracker-associate = បុគ្គលដែលភ្ជាប់
model-value-type-username = ឈ្មោះគណនី
model-value-type-coordinate = កូអរដោនេ
model-value-type-organisation-unit = អង្គភាព
model-value-type-reference = ឯកសារយោង
model-value-type-age = អាយុ
model-value-type-url = អាសយដ្ឋានគេហទំព័រ
model-value-type-file-resource = ឯកសារ
model-value-type-image = រូបភាព
model-value-type-geojson = រូបរាងលើផែនទី (GeoJSON)

## ស្ថានភាពនៃព្រឹត្តិការណ៍ និងការចុះឈ្មោះ
model-event-status-active = បើក
model-event-status-completed = បានបញ្ចប់
model-event-status-visited = បានមកពិនិត្យ
model-event-status-schedule = បានកំណត់ពេល
model-event-status-overdue = ហួសកាលកំណត់
model-event-status-skipped = បានរំលង
model-enrollment-status-active = សកម្ម
model-enrollment-status-completed = បានបញ្ចប់
model-enrollment-status-cancelled = បានបោះបង់

## នាឡិកានៃឧបករណ៍
model-clock-unknown-time-zone = មិនស្គាល់តំបន់ម៉ោង '{ $name }' ទេ៖ សូមប្រើឈ្មោះ IANA ដូចជា Asia/Phnom_Penh។
