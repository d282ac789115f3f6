# ការនាំចូលទិន្នន័យមេ និងការអានឯកសារ JSON ទាំងមូល៖ ឯកសារណា វត្ថុណា ប្រអប់ណា និងអ្វីដែលខុសនៅទីនោះ
# (core::store::import)។

## អ្វីដែលកម្មវិធីរំពឹងថាឯកសារមួយគួរតែជា
import-expected-metadata = វត្ថុ JSON ដែលមានបណ្ដុំទិន្នន័យមេ (ដូចជា {"{"}"programs": [...]{"}"})
import-expected-form-script = ស្គ្រីបទម្រង់៖ វត្ថុ JSON ដែលមាន "steps" (សូមមើល phum form run --help)
import-expected-expression-vectors = ឧទាហរណ៍សាកល្បងកន្សោម វត្ថុ JSON មួយក្នុងមួយបន្ទាត់

## ឯកសារដែលមិនមែនជាវត្ថុ JSON មួយ
import-document-empty = { $file }៖ ឯកសារទទេ ប៉ុន្តែត្រូវការ{ $expected }។
import-document-truncated = { $file }៖ JSON បញ្ចប់មុនពេល (បន្ទាត់ { $line } ជួរឈរ { $column })៖ ឯកសារត្រូវបានកាត់ខ្លី។
import-document-syntax = { $file }៖ មិនមែនជា JSON ត្រឹមត្រូវនៅបន្ទាត់ { $line } ជួរឈរ { $column } ទេ៖ { $problem }។
import-document-not-an-object = { $file }៖ ត្រូវការ{ $expected } ប៉ុន្តែបានរកឃើញ{ $found }។
import-json-kind-object = វត្ថុមួយ
import-json-kind-list = បញ្ជីមួយ
import-json-kind-text = ខ្សែអក្សរមួយ
import-json-kind-number = លេខមួយ
import-json-kind-boolean = តម្លៃពិត/មិនពិតមួយ
import-json-kind-null = តម្លៃទទេ (null)
import-json-kind-not-json = អ្វីមួយដែលមិនមែនជា JSON
import-json-expected-object = ត្រូវការ `{"{"}`
import-json-expected-key = ត្រូវការកូនសោក្នុងសញ្ញាសម្រង់ពីរ
import-json-bad-key = កូនសោខុស៖ { $detail }
import-json-expected-colon = ត្រូវការ `:` បន្ទាប់ពីកូនសោ
import-json-expected-value = ត្រូវការតម្លៃ JSON
import-json-expected-comma-or-bracket = ត្រូវការ `,` ឬ `]` បន្ទាប់ពីធាតុក្នុងបញ្ជី
import-json-expected-comma-or-brace = ត្រូវការ `,` ឬ `{"}"}` បន្ទាប់ពីតម្លៃ
import-json-trailing-content = មាន JSON បន្ថែមទៀតបន្ទាប់ពីចុងឯកសារ
# ពាក្យរបស់ serde_json ផ្ទាល់។
import-json-parser = កំហុស៖ { $detail }

## ដែនកំណត់ដែលការពារទិន្នន័យបង្កគ្រោះ
import-limit-long-key = កូនសោវែងជាង { $kib } KiB
import-limit-large-object = វត្ថុមួយធំជាង { $mib } MiB (ចាប់ផ្ដើមនៅបន្ទាត់ { $start_line } ជួរឈរ { $start_column })
import-limit-nesting = ជាន់គ្នាជ្រៅជាង { $max } កម្រិត
import-limit-long-string = ខ្សែអក្សរវែងជាង { $mib } MiB
import-split-io = មិនអាចអានបានទេ៖ { $detail }
import-split-truncated = បញ្ចប់មុនពេលនៅបន្ទាត់ { $line } ជួរឈរ { $column }
import-split-syntax = { $problem } នៅបន្ទាត់ { $line } ជួរឈរ { $column }
import-split-limit = { $limit } នៅបន្ទាត់ { $line } ជួរឈរ { $column }

## វត្ថុ ដូចដែលសារដាក់ឈ្មោះ
import-object-named = { $kind } «{ $name }» ({ $uid })
import-object = { $kind } { $uid }
import-name-quoted = «{ $name }»
import-name-none = វត្ថុមួយដែលគ្មានឈ្មោះ

## មូលហេតុដែលការនាំចូលត្រូវបានបដិសេធ (គ្មានអ្វីត្រូវបានផ្លាស់ប្ដូរទេ)
import-io-not-found = { $file }៖ មិនអាចអានបានទេ៖ គ្មានឯកសារនេះទេ។
import-io-permission-denied = { $file }៖ មិនអាចអានបានទេ៖ គ្មានសិទ្ធិអានឯកសារនេះទេ។
import-io = { $file }៖ មិនអាចអានបានទេ៖ { $detail }។
import-limit = { $file }៖ ត្រូវបានបដិសេធ៖ { $limit } នៅបន្ទាត់ { $line } ជួរឈរ { $column }។
import-invalid = { $file }៖ { $location }៖ { $problem }។
import-invalid-not-a-list = ត្រូវការបញ្ជីនៃ { $collection } (បន្ទាត់ { $line } ជួរឈរ { $column })
# ពាក្យរបស់ serde ផ្ទាល់៖ ប្រអប់ដែលបាត់ ប្រភេទខុស ប្រភេទតម្លៃមិនស្គាល់ UID ខុស។
import-invalid-decode = តម្លៃមិនត្រឹមត្រូវ៖ { $detail }
import-invalid-encode = មិនអាចរក្សាទុកជា JSON បានទេ៖ { $detail }
import-field = { $file }៖ { $location }៖ { $object }៖ { $field }៖ { $problem }។
import-duplicate-uid = { $file }៖ { $location }៖ UID { $uid } ត្រូវបានប្រើពីរដងក្នុង { $collection } ដោយមានខ្លឹមសារខុសគ្នា៖ { $first } និង { $second }។
import-missing-reference = { $file }៖ { $object }៖ { $field } យោងទៅ { $target_uid } ដែលមិនមាននៅក្នុង { $target } ដែលបាននាំចូលទេ
import-missing-references = ការយោងចំនួន { $total } ចង្អុលទៅវត្ថុដែលមិនមានក្នុងការនាំចូលទេ៖ { $references }។
import-missing-references-first = ការយោងចំនួន { $total } ចង្អុលទៅវត្ថុដែលមិនមានក្នុងការនាំចូលទេ (បង្ហាញតែ { $shown } ដំបូង)៖ { $references }។
import-orphan = { $object } គ្មាន { $owner } ទេ
import-orphans = វត្ថុចំនួន { $count } មិនជាកម្មសិទ្ធិរបស់អ្វីទាំងអស់៖ { $orphans }។
import-no-sources = មិនបានផ្ដល់ប្រភពទិន្នន័យមេណាមួយទេ។
import-no-metadata = { $sources } គ្មានទិន្នន័យមេទេ៖ គ្មានកម្មវិធី អង្គភាព ធាតុទិន្នន័យ ឬវត្ថុផ្សេងទៀតនៃបណ្ដុំដែល Phum រក្សាទុកសូម្បីតែមួយ (ចំនួនឯកសារ { $count })៖ គ្មានអ្វីត្រូវបានផ្លាស់ប្ដូរទេ។
import-no-metadata-found-only = { $sources } គ្មានទិន្នន័យមេទេ៖ គ្មានកម្មវិធី អង្គភាព ធាតុទិន្នន័យ ឬវត្ថុផ្សេងទៀតនៃបណ្ដុំដែល Phum រក្សាទុកសូម្បីតែមួយ (ចំនួនឯកសារ { $count }; រកឃើញតែ៖ { $ignored })៖ គ្មានអ្វីត្រូវបានផ្លាស់ប្ដូរទេ។
import-would-orphan-records = ការនាំចូលនេះខ្វះទិន្នន័យមេដែលកំណត់ត្រាដែលបានបញ្ចូលកំពុងប្រើ ដូច្នេះគ្មានអ្វីត្រូវបានផ្លាស់ប្ដូរទេ៖ { $records }។
import-orphaned-records = { $collection }៖ បាត់ { $missing } ({ $first }) ដែលកំណត់ត្រាដែលបានបញ្ចូល { $records } កំពុងប្រើ
import-orphaned-records-more = { $collection }៖ បាត់ { $missing } ({ $first }, ...) ដែលកំណត់ត្រាដែលបានបញ្ចូល { $records } កំពុងប្រើ

## អ្វីដែលខុសនៅប្រអប់មួយនៃវត្ថុមួយ
import-field-empty-name = ឈ្មោះទទេ
import-field-tracker-program-without-type = កម្មវិធីតាមដាន (WITH_REGISTRATION) ត្រូវការប្រភេទបុគ្គល
import-field-action-needs = សកម្មភាព { $action } ត្រូវការ{ $needs }
import-action-needs-field = ធាតុទិន្នន័យ ឬលក្ខណៈបុគ្គល
import-action-needs-assign-target = ប្រអប់ដើម្បីកំណត់តម្លៃ (ធាតុទិន្នន័យ លក្ខណៈ ឬឈ្មោះអថេរក្នុង content)
import-action-needs-section = ផ្នែកនៃដំណាក់កាល
import-action-needs-stage = ដំណាក់កាល
import-action-needs-option = ជម្រើសមួយ
import-action-needs-option-group = ក្រុមជម្រើសមួយ
import-field-option-without-code = ជម្រើសត្រូវការកូដ៖ កូដគឺជាតម្លៃដែលត្រូវរក្សាទុក និងផ្ញើ
import-field-path-not-uids = '{ $path }' មិនមែនជាផ្លូវនៃ UID ដូចជា /ImspTQPwCqd/O6uvpzGd5pu ទេ
import-field-path-not-own-uid = ផ្លូវ '{ $path }' មិនបញ្ចប់ដោយ UID ផ្ទាល់របស់អង្គភាពទេ
import-field-level-not-path = កម្រិត { $level } មិនត្រូវនឹងផ្លូវ '{ $path }' (ជ្រៅ { $depth } កម្រិត) ទេ
import-field-parent-not-in-path = អង្គភាពមេមិនត្រូវនឹងផ្លូវ '{ $path }' ទេ
import-field-closed-before-opened = បានបិទនៅ { $closed } មុនពេលបើកនៅ { $opened }
import-field-level-zero = កម្រិតចាប់ផ្ដើមពី 1
import-field-ends-before-starts = បញ្ចប់នៅ { $end } មុនពេលចាប់ផ្ដើមនៅ { $start }
import-field-expiry-days = { $days } មិនមែនជាចំនួនថ្ងៃទេ
import-field-not-finite = មិនមែនជាលេខកំណត់ទេ
import-field-encode = មិនអាចរក្សាទុកជា JSON បានទេ៖ { $detail }
