# ភាសាកន្សោមនៃវិធានកម្មវិធី (core::expr)៖ ហេតុអ្វីកន្សោមមិនអាចអាន ឬគណនាបាន។ ទម្រង់បង្ហាញសារទាំងនេះ
# ជាមូលហេតុដែលវិធានមិនដំណើរការ ដូច្នេះសារនីមួយៗប្រាប់ថាអ្វីខុស និងនៅកន្លែងណា។

## សញ្ញាសម្គាល់ ដូចដែលកំហុសការអានហៅវា
expr-token-number = លេខ { $number }
expr-token-text = អត្ថបទក្នុងសញ្ញាសម្រង់
expr-token-symbol = '{ $symbol }'
expr-token-end = ចុងបញ្ចប់នៃកន្សោម

## ការអានកន្សោម
expr-parse-error = កន្សោមមានកំហុសនៅតួអក្សរទី { $position }៖ { $problem }
expr-parse-too-long = កន្សោមវែងជាង { $max } តួអក្សរ
expr-parse-too-deep = កន្សោមមានកម្រិតជាន់គ្នាច្រើនជាង { $max } កម្រិត
expr-parse-wrong-operator = សញ្ញាប្រមាណវិធី '{ $written }' មិនត្រឹមត្រូវ៖ សូមប្រើ { $instead }
expr-parse-unexpected-character = តួអក្សរ '{ $character }' មិនគួរនៅទីនេះទេ
expr-parse-unclosed-string = អត្ថបទក្នុងសញ្ញាសម្រង់មិនត្រូវបានបិទ
expr-parse-invalid-escape = \u{ $hex } មិនមែនជាតួអក្សរទេ
expr-parse-unclosed-item = { $prefix }{"{"} មិនត្រូវបានបិទដោយ {"}"} ទេ
expr-parse-unexpected-after-end = មាន { $found } នៅក្រោយចុងបញ្ចប់នៃកន្សោម
expr-parse-expected-value = ត្រូវការតម្លៃមួយ ប៉ុន្តែឃើញ { $found }
expr-parse-expected-name = ត្រូវការឈ្មោះមួយនៅក្រោយ '[' ប៉ុន្តែឃើញ { $found }
expr-parse-expected = ត្រូវការ { $want } ប៉ុន្តែឃើញ { $found }
expr-parse-not-a-number = '{ $text }' មិនមែនជាលេខទេ
expr-parse-not-environment-variable = V{"{"}{ $name }{"}"} មិនមែនជាអថេរបរិស្ថានទេ
expr-parse-constant-needs-uid = C{"{"}{ $content }{"}"} ត្រូវតែមាន UID នៃចំនួនថេរមួយ
expr-parse-invalid-item = តម្លៃ '{ $content }' ក្នុង { $prefix }{"{"}...{"}"} មិនត្រឹមត្រូវ
expr-parse-unknown-function = មិនស្គាល់អនុគមន៍ ឬចំនួនថេរ '{ $name }' ទេ
expr-parse-too-many-arguments = { $function } ទទួលអាគុយម៉ង់បានច្រើនបំផុត { $max }
expr-parse-too-few-arguments = { $function } ត្រូវការអាគុយម៉ង់យ៉ាងតិច { $min } ប៉ុន្តែមានតែ { $found }
expr-parse-expected-comma-or-paren = ត្រូវការ ',' ឬ ')' ក្នុងអាគុយម៉ង់របស់ { $function } ប៉ុន្តែឃើញ { $found }
expr-parse-constant-not-variable = { $function } ត្រូវការអថេរ (#{"{"}..{"}"}, A{"{"}..{"}"}, V{"{"}..{"}"} ឬឈ្មោះក្នុងសញ្ញាសម្រង់) មិនមែនចំនួនថេរ C{"{"}{ $content }{"}"} ទេ
expr-parse-needs-variable = { $function } ត្រូវការអថេរ (#{"{"}..{"}"}, A{"{"}..{"}"}, V{"{"}..{"}"} ឬឈ្មោះក្នុងសញ្ញាសម្រង់) ប៉ុន្តែឃើញ { $found }
expr-parse-needs-whole-number = { $function } ត្រូវការចំនួនគត់ដែលសរសេរផ្ទាល់នៅទីនេះ ប៉ុន្តែឃើញ { $found }
expr-parse-condition-not-text = { $function } ត្រូវការលក្ខខណ្ឌរបស់វាជាអត្ថបទក្នុងសញ្ញាសម្រង់ ប៉ុន្តែឃើញ { $found }
expr-parse-in-condition = អត្ថបទលក្ខខណ្ឌរបស់ { $function } មានកំហុសនៅតួអក្សរទី { $position } របស់វា៖ { $problem }
expr-parse-malformed = សញ្ញាប្រមាណវិធីដែលគ្មានតម្លៃតាមលំដាប់នេះ មិនអាចគណនាបានទេ

## ការគណនា
expr-eval-unknown-variable = កន្សោមប្រើអថេរ '{ $name }' ដែលកម្មវិធីមិនបានកំណត់។
expr-eval-variable-not-a-number = អថេរ '{ $name }' មានតម្លៃ '{ $value }' ដែលមិនមែនជាលេខ។
expr-eval-variable-not-a-date = អថេរ '{ $name }' មានតម្លៃ '{ $value }' ដែលមិនមែនជាកាលបរិច្ឆេទ (yyyy-MM-dd)។
expr-eval-null-left-operand = ផ្នែកខាងឆ្វេងនៃ { $op } ទទេ។
expr-eval-null-right-operand = ផ្នែកខាងស្ដាំនៃ { $op } ទទេ។
expr-eval-null-operand = តម្លៃនៅក្រោយ { $op } ទទេ។
expr-eval-internal = Phum មិនអាចគណនាកន្សោមបានទេ ដោយសារកំហុសក្នុង Phum ({ $detail })។ សូមរាយការណ៍ទៅអ្នកគ្រប់គ្រងរបស់អ្នក។
expr-eval-function-number = { $function }៖ { $problem }
expr-eval-function-needs-variable = { $function } ត្រូវការអថេរមួយ។
expr-eval-function-null-start = { $function }៖ កាលបរិច្ឆេទចាប់ផ្ដើមទទេ។
expr-eval-function-null-end = { $function }៖ កាលបរិច្ឆេទបញ្ចប់ទទេ។
expr-eval-function-date-out-of-range = { $function }៖ { $days } ថ្ងៃពី { $from } ហួសពីកាលបរិច្ឆេទដែល Phum អាចរក្សាទុកបាន ({ $first } ដល់ { $last })។
expr-eval-function-length-out-of-range = { $function }៖ ប្រវែង { $length } មិនត្រូវនឹងអត្ថបទដែលមាន { $text_length } តួអក្សរទេ។
expr-eval-function-begin-after-end = { $function }៖ ទីតាំងចាប់ផ្ដើម { $begin } នៅក្រោយទីតាំងបញ្ចប់ { $end } (អត្ថបទមាន { $text_length } តួអក្សរ)។
expr-eval-function-no-user-data = { $function } ត្រូវការតួនាទី និងក្រុមរបស់អ្នកប្រើ ប៉ុន្តែឧបករណ៍នេះមិនមានទេ។
expr-eval-function-no-values = { $function } ត្រូវការតម្លៃយ៉ាងតិចមួយដើម្បីស្វែងរក។
expr-eval-function-null-text = { $function }៖ អត្ថបទដែលត្រូវស្វែងរកទទេ។
expr-eval-function-null-list = { $function }៖ បញ្ជីទទេ។

## ការអានតម្លៃជាប្រភេទផ្សេង
expr-coercion-not-a-number = '{ $value }' មិនមែនជាលេខទេ។
expr-coercion-not-a-boolean = { $value } មិនអាចអានជាពិត ឬមិនពិតបានទេ៖ មានតែចំនួនគត់ប៉ុណ្ណោះដែលអាចអានបាន។
expr-coercion-not-a-date = '{ $value }' មិនមែនជាកាលបរិច្ឆេទក្នុងទម្រង់ yyyy-MM-dd ទេ។
expr-coercion-number-as-date = លេខ ({ $value }) មិនអាចប្រើជាកាលបរិច្ឆេទបានទេ។
expr-coercion-not-an-integer = ត្រូវការចំនួនគត់ ប៉ុន្តែបានទទួល { $value }។

## លេខ
expr-number-negative-scale = ចំនួនខ្ទង់ទសភាគសម្រាប់បង្គត់ មិនអាចជាចំនួនអវិជ្ជមានបានទេ។
expr-number-zero-to-negative-power = សូន្យមិនអាចលើកជាស្វ័យគុណអវិជ្ជមានបានទេ។

## d2:validatePattern
expr-pattern-invalid = d2:validatePattern៖ '{ $pattern }' មិនមែនជាកន្សោមលំនាំ (regular expression) ត្រឹមត្រូវទេ ({ $detail })។
expr-pattern-unsupported = d2:validatePattern៖ ទម្រង់ { $construct } ក្នុង '{ $pattern }' មិនត្រូវបានគាំទ្រទេ។
expr-pattern-unsupported-ignoring-case = d2:validatePattern៖ ទម្រង់ { $construct } ក្នុង '{ $pattern }' មិនត្រូវបានគាំទ្រជាមួយ (?i) ទេ។
expr-pattern-too-complex = d2:validatePattern៖ ការផ្ទៀងផ្ទាត់ '{ $pattern }' ត្រូវបានបញ្ឈប់បន្ទាប់ពី { $steps } ជំហាន ព្រោះលំនាំស្មុគស្មាញពេក។

## d2:extractDataMatrixValue (កូដ GS1 DataMatrix និង QR)
expr-gs1-missing-key = d2:extractDataMatrixValue៖ កូនសោ GS1 ទទេ។
expr-gs1-unknown-key = d2:extractDataMatrixValue៖ '{ $key }' មិនមែនជាកូនសោ GS1 ដែល Phum ស្គាល់ទេ។
expr-gs1-missing-value = d2:extractDataMatrixValue៖ តម្លៃដែលបានស្កេនទទេ។
expr-gs1-too-short = d2:extractDataMatrixValue៖ តម្លៃដែលបានស្កេន '{ $value }' ខ្លីពេក មិនមានទិន្នន័យទេ។
expr-gs1-unsupported-symbology = d2:extractDataMatrixValue៖ ប្រភេទកូដ { $prefix } មិនត្រូវបានគាំទ្រទេ (មានតែ GS1 DataMatrix ]d2 និង GS1 QR ]Q3)។
expr-gs1-no-symbology-identifier = d2:extractDataMatrixValue៖ តម្លៃដែលបានស្កេនមិនចាប់ផ្ដើមដោយប្រភេទកូដ GS1 ទេ (វាចាប់ផ្ដើមដោយ '{ $prefix }')។
expr-gs1-unknown-ai = d2:extractDataMatrixValue៖ គ្មានលេខសម្គាល់កម្មវិធី GS1 (application identifier) ណាចាប់ផ្ដើមដោយ '{ $group }' ទេ។
expr-gs1-truncated-group = d2:extractDataMatrixValue៖ ក្រុម '{ $group }' ខ្លីពេកសម្រាប់លេខសម្គាល់កម្មវិធីប្រវែងថេរ { $ai }។
expr-gs1-key-not-in-value = d2:extractDataMatrixValue៖ តម្លៃដែលបានស្កេនគ្មានធាតុដែលមានលេខសម្គាល់កម្មវិធី { $ai } ទេ។

## z-score (ស្តង់ដារលូតលាស់របស់ WHO)
expr-zscore-missing-parameter = ការគណនា z-score ត្រូវការអាយុ ឬកម្ពស់ ប៉ុន្តែវាទទេ។
expr-zscore-missing-weight = ការគណនា z-score ត្រូវការទម្ងន់ ឬកម្ពស់ ប៉ុន្តែវាទទេ។
expr-zscore-missing-gender = ការគណនា z-score ត្រូវការភេទ ប៉ុន្តែវាទទេ។
expr-zscore-no-row-age-boy = { $function }៖ តារាង WHO គ្មានជួរសម្រាប់ក្មេងប្រុសអាយុ { $months } ខែទេ។
expr-zscore-no-row-age-girl = { $function }៖ តារាង WHO គ្មានជួរសម្រាប់ក្មេងស្រីអាយុ { $months } ខែទេ។
expr-zscore-no-row-height-boy = { $function }៖ តារាង WHO គ្មានជួរសម្រាប់ក្មេងប្រុសកម្ពស់ { $height } សង់ទីម៉ែត្រទេ។
expr-zscore-no-row-height-girl = { $function }៖ តារាង WHO គ្មានជួរសម្រាប់ក្មេងស្រីកម្ពស់ { $height } សង់ទីម៉ែត្រទេ។

## វ៉ិចទ័រសាកល្បង (feature vectors សម្រាប់អ្នកអភិវឌ្ឍន៍)
expr-vector-not-json = បន្ទាត់ { $line }៖ មិនមែនជាវ៉ិចទ័រតាមគ្រោងការណ៍ទេ៖ { $detail }
expr-vector-invalid = បន្ទាត់ { $line } (វ៉ិចទ័រ { $id })៖ { $problem }
expr-vector-unknown-level = មិនស្គាល់កម្រិត '{ $level }' (ត្រូវតែជា expression ឬ engine)
expr-vector-unknown-kind = មិនស្គាល់ប្រភេទ '{ $kind }' (ត្រូវតែជា evaluate, validate, describe, normalise ឬ regenerate)
expr-vector-unknown-value-type = អថេរ '{ $name }' មាន valueType '{ $value_type }' ដែលមិនស្គាល់ (ត្រូវតែជា NUMBER, STRING, BOOLEAN ឬ DATE)
expr-vector-bad-expected = expected_type '{ $expected_type }' មិនត្រូវនឹងតម្លៃរំពឹងទុក { $expected }
expr-vector-skip-predictor-word = ប្រើ '{ $word }' ដែលមាននៅក្នុងរបៀប predictor ប៉ុន្តែមិនមាននៅក្នុងរបៀបវិធាន (មិនស្គាល់នៅទីនោះ)
expr-vector-skip-other-mode = របៀប { $mode } មិនមែនជារបៀបម៉ាស៊ីនវិធាន ឬរបៀបសញ្ញាប្រមាណវិធីទេ៖ ផ្នែកផ្សេងទៀតរបស់ DHIS2 គណនាវា
expr-vector-actual-parse-error = កំហុសការអាន { $error }
expr-vector-actual-parsed = បានអានជា { $tree }
expr-vector-actual-null = null (ទទេ)
expr-vector-actual-value = { $value } (ប្រភេទ { $type_name })
expr-vector-actual-eval-error = កំហុសការគណនា៖ { $error }
expr-vector-actual-engine-text = { $text } (អត្ថបទម៉ាស៊ីន)
expr-vector-actual-no-engine-text = គ្មានអត្ថបទម៉ាស៊ីន (null)
expr-vector-actual-fired = { $fires } (វិធានដំណើរការ)
