# ការស្វែងរកមនុស្ស ការស្ទួនដែលអាចមាន និងតម្លៃមិនស្ទួន (core::search)។

search-empty-query = អត្ថបទស្វែងរកនៅទទេ បន្ទាប់ពីដកដកឃ្លា វណ្ណយុត្តិ និងតួអក្សរមើលមិនឃើញចេញ។
search-zero-limit = ចំនួនលទ្ធផលស្វែងរកត្រូវតែយ៉ាងហោចណាស់ 1។
search-unknown-program = កម្មវិធី { $program } មិនមាននៅក្នុងមេតាទិន្នន័យលើឧបករណ៍ទេ។
search-program-without-tracked-entity-type = កម្មវិធី { $program } គ្មានប្រភេទបុគ្គលដែលត្រូវតាមដាន ដូច្នេះគ្មានមនុស្សដើម្បីស្វែងរកទេ។
search-unknown-tracked-entity-type = ប្រភេទបុគ្គលដែលត្រូវតាមដាន { $uid } មិនមាននៅក្នុងមេតាទិន្នន័យលើឧបករណ៍ទេ។
search-no-searchable-attributes-program = កម្មវិធី { $program } គ្មានលក្ខណៈដែលអាចស្វែងរកបានទេ។
search-no-searchable-attributes-type = ប្រភេទបុគ្គលដែលត្រូវតាមដាន { $uid } គ្មានលក្ខណៈដែលអាចស្វែងរកបានទេ។
search-not-stored = បុគ្គល { $tracked_entity } គ្មានតម្លៃ "{ $value }" សម្រាប់លក្ខណៈ { $attribute } ក្នុងទិន្នន័យលើឧបករណ៍ទេ។ សូមធ្វើលិបិក្រមតែតម្លៃដែលបានរក្សាទុកប៉ុណ្ណោះ។

## អ្នកដែលអាចស្ទួន
search-possible-duplicate = អាចស្ទួន៖ បុគ្គល { $person } បានចុះឈ្មោះនៅ { $org_unit } ({ $reasons })
search-duplicate-name-and-birth-date = ឈ្មោះ និងថ្ងៃខែឆ្នាំកំណើតដូចគ្នា
search-duplicate-phone = លេខទូរសព្ទដូចគ្នា { $phone }

## លក្ខណៈមិនស្ទួន
search-unique-taken = { $attribute_name } ({ $attribute }) មិនត្រូវស្ទួនទេ៖ តម្លៃ "{ $value }" ជារបស់បុគ្គល { $other } រួចហើយ។
search-unique-taken-in-org-unit = { $attribute_name } ({ $attribute }) មិនត្រូវស្ទួនក្នុងអង្គភាពតែមួយទេ៖ តម្លៃ "{ $value }" ជារបស់បុគ្គល { $other } នៅអង្គភាព { $org_unit } រួចហើយ។
search-unique-unknown-attribute = លក្ខណៈ { $attribute } មិនមាននៅក្នុងមេតាទិន្នន័យលើឧបករណ៍ទេ។
