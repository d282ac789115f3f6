# ការពិនិត្យវិធានកម្មវិធី និងវិធានផ្ទៀងផ្ទាត់ក្នុងឯកសារមេតាដាតា (core::lint, `phum lint`)។

## ឯកសារដែលមិនអាចពិនិត្យបាន
lint-bad-object = { $file }៖ { $path }៖ មិនមែនជាមេតាដាតា DHIS2 ត្រឹមត្រូវទេ ({ $detail })

## ការរកឃើញមួយ ដូចដែល `phum lint` បោះពុម្ព (ឯកសារ ឈ្មោះ UID និងកូដ ដូចដែលមាន)
lint-finding = { $file }៖ { $object } '{ $name }' ({ $uid }){ $part }{ $position }៖ { $severity }[{ $code }]៖ { $message }
lint-finding-suggestion = សំណើ៖ { $suggestion }
lint-summary = បានពិនិត្យឯកសារ { $files }៖ កំហុស { $errors } ការព្រមាន { $warnings }
lint-severity-error = កំហុស
lint-severity-warning = ការព្រមាន
lint-object-rule = វិធាន
lint-object-variable = អថេរ
lint-object-validation-rule = វិធានផ្ទៀងផ្ទាត់
lint-part-condition = លក្ខខណ្ឌ
lint-part-action = សកម្មភាព { $uid } ({ $action_type })
lint-part-left-side = ផ្នែកខាងឆ្វេង
lint-part-right-side = ផ្នែកខាងស្ដាំ
lint-suggest-code = { $code }

## ប្រភេទ និងតម្លៃប្រមាណវិធី ដូចដែលការរកឃើញហៅវា
lint-type-number = លេខ
lint-type-boolean = តម្លៃពិត/មិនពិត
lint-type-text = អត្ថបទ
lint-type-date = កាលបរិច្ឆេទ
lint-type-null = null (ទទេ)
lint-type-unknown = ប្រភេទមិនស្គាល់
lint-operand-sign = សញ្ញាបូក ឬដក
lint-operand-operator = សញ្ញា '{ $symbol }'
lint-operand-function = អនុគមន៍ { $function }

## ឈ្មោះ
lint-unknown-function = មិនស្គាល់អនុគមន៍ '{ $name }' ទេ
lint-did-you-mean = តើអ្នកចង់សរសេរ { $name } មែនទេ?
lint-did-you-mean-variable = តើអ្នកចង់សរសេរ '{ $name }' មែនទេ?
lint-wrong-arity-exact = { $function } ទទួលអាគុយម៉ង់ { $count } ប៉ុន្តែមាន { $found }
lint-wrong-arity-range = { $function } ទទួលអាគុយម៉ង់ពី { $min } ដល់ { $max } ប៉ុន្តែមាន { $found }
lint-wrong-arity-at-least = { $function } ទទួលអាគុយម៉ង់យ៉ាងតិច { $min } ប៉ុន្តែមាន { $found }
lint-not-environment-variable = { $item } មិនមែនជាអថេរបរិស្ថានទេ
lint-unavailable-environment-variable = ម៉ាស៊ីនវិធាន Android មិនដែលបំពេញ { $item } ទេ៖ ការគណនាវាបរាជ័យដោយ 'unknown variable'
lint-unknown-constant = គ្មានចំនួនថេរដែលមាន UID '{ $uid }' ក្នុងឯកសារទេ៖ { $item } ត្រូវបានអានជាទទេ (null)
lint-unknown-uid-item = គ្មានអថេរវិធានណាមានឈ្មោះ '{ $key }' ទេ៖ ធាតុរាង UID នេះត្រូវបានអានជាទទេ (null) លើកលែងតែ ASSIGN ទៅវាលនោះបានដំណើរការមុននេះក្នុងការគណនាដដែល
lint-unknown-variable = { $item }៖ គ្មានអថេរវិធានកម្មវិធីឈ្មោះ '{ $name }' ក្នុងកម្មវិធីនៃវិធាននេះទេ

## ប្រភេទ
lint-condition-not-boolean = លក្ខខណ្ឌជា{ $type_name }៖ វិធានដំណើរការតែពេលលក្ខខណ្ឌរបស់វាផ្ដល់ពិត (true) ប៉ុណ្ណោះ
lint-condition-is-text = លក្ខខណ្ឌជាអត្ថបទ៖ វិធានដំណើរការតែពេលអត្ថបទនោះគឺ 'true' ប៉ុណ្ណោះ
lint-date-text-equal = { $comparison } ប្រៀបធៀបកាលបរិច្ឆេទជាមួយអត្ថបទ ហើយតែងតែមិនពិត (កាលបរិច្ឆេទមិនដែលស្មើអត្ថបទទេ)
lint-date-text-not-equal = { $comparison } ប្រៀបធៀបកាលបរិច្ឆេទជាមួយអត្ថបទ ហើយតែងតែពិត (កាលបរិច្ឆេទមិនដែលស្មើអត្ថបទទេ)
lint-date-text-order = { $comparison } ប្រៀបធៀបកាលបរិច្ឆេទជាមួយអត្ថបទ ហើយបរាជ័យដោយ NumberFormatException៖ អត្ថបទត្រូវបានអានជាលេខដើម្បីប្រៀបធៀបជាមួយកាលបរិច្ឆេទ
lint-compare-with-null = '{ $symbol }' ជាមួយ null បរាជ័យ (null pointer)
lint-null-operand = null ជាតម្លៃប្រមាណវិធីនៃ { $what } បរាជ័យ
lint-text-literal-not-number = '{ $text }' មិនមែនជាលេខទេ៖ { $what } អានវាជាលេខ ហើយបរាជ័យ
lint-date-field-as-number = { $expression } អាន { $field } ({ $value_type }) ដែលកម្មវិធី Android ផ្ញើជាអត្ថបទ៖ { $what } អានវាជាលេខ ហើយបរាជ័យ
lint-date-field-as-number-fix = ប្រៀបធៀប ឬដកកាលបរិច្ឆេទដោយ d2:daysBetween(a, b)
lint-text-field-as-number = { $expression } ជាអត្ថបទ ({ $field }, { $value_type }) ដែលប្រើជាមួយ { $what }៖ វាដំណើរការតែពេលតម្លៃជាលេខ តម្លៃទទេគឺ '' ហើយបរាជ័យ
lint-text-as-number = { $expression } ជាអត្ថបទដែលប្រើជាមួយ { $what }៖ វាដំណើរការតែពេលអត្ថបទជាលេខ
lint-fraction-as-boolean = { $number } មិនមែនជាចំនួនគត់ទេ៖ { $what } មិនអាចអានវាជាពិត/មិនពិតបាន ហើយបរាជ័យ
lint-number-as-boolean = { $expression } ជាលេខដែលប្រើជាមួយ { $what }៖ ចំនួនគត់ខុសពីសូន្យគឺពិត ប្រភាគបរាជ័យ
lint-text-as-boolean = { $expression } ជាអត្ថបទដែលប្រើជាមួយ { $what }៖ វាពិតតែពេលអត្ថបទគឺ 'true'
lint-date-as-boolean = { $expression } ជាកាលបរិច្ឆេទដែលប្រើជាមួយ { $what }៖ កាលបរិច្ឆេទមិនអាចអានជាពិត/មិនពិតបានទេ
lint-needs-date = { $function } ត្រូវការកាលបរិច្ឆេទ៖ { $expression } ជា{ $type_name }
lint-needs-iso-date = { $function } ត្រូវការកាលបរិច្ឆេទសរសេរជា yyyy-MM-dd៖ '{ $text }' មិនមែនទេ

## ចំណុចចម្លែករបស់ DHIS2
lint-round-negative-precision = d2:round ជាមួយភាពជាក់លាក់ { $precision } បរាជ័យលើ Android ("Negative Scale is unsupported")
lint-remainder-literal = { $expression } ផ្ដល់ { $got } នៅ DHIS2 (កំហុសសំណល់របស់ bignum 0.3.10) មិនមែន { $expected } ទេ
lint-remainder-literal-fix = { $value } (ឬសរសេរតម្លៃផ្ទាល់)
lint-remainder = { $expression }៖ សំណល់របស់ DHIS2 មានកំហុស (bignum 0.3.10)៖ 10 % 3 ផ្ដល់ 0.1 ហើយ d2:modulus(13, 5) ផ្ដល់ 0 ដូច្នេះលទ្ធផលអាស្រ័យលើតម្លៃ
lint-remainder-fix = { $rewrite } (សំណល់សម្រាប់តម្លៃដែលមិនអវិជ្ជមាន)
lint-quirk-grouping = { $written } ត្រូវបានគណនាជា { $now } ({ $why }) មិនមែនជា { $meant } ដូចនព្វន្តធម្មតាទេ
lint-quirk-grouping-fix = សរសេរ { $meant } បើនោះជាបំណង សរសេរ { $now } ដើម្បីរក្សាលទ្ធផលបច្ចុប្បន្ន
lint-grouping-before = DHIS2 ដាក់ក្រុម '{ $first }' មុន '{ $then }'
lint-grouping-left-to-right = DHIS2 ដាក់ក្រុម '{ $operator }' ពីឆ្វេងទៅស្ដាំ
lint-grouping-one-kind = DHIS2 ដាក់ក្រុមសញ្ញាប្រមាណវិធីម្ដងមួយប្រភេទ

## វិធាន សកម្មភាព និងអថេរ ជាវត្ថុ
lint-empty-condition = លក្ខខណ្ឌទទេ៖ នៅលើ Android វិធានមិនដែលដំណើរការទេ (ម៉ាស៊ីនមេ និងវេបចាត់ទុកវាជាពិត)
lint-missing-location = DISPLAYKEYVALUEPAIR គ្មានទីតាំង (location)៖ កម្មវិធី Android គាំងដោយសារវា
lint-missing-location-fix = កំណត់ location ជា 'feedback' ឬ 'indicators'
lint-missing-section = HIDESECTION គ្មាន programStageSection៖ កម្មវិធី Android ប្ដូរវាទៅជាសកម្មភាពដែលមិនគាំទ្រ
lint-assign-without-target = ASSIGN គ្មានទាំងវាល និងខ្លឹមសារ៖ កម្មវិធី Android ប្ដូរវាទៅជាសកម្មភាពដែលមិនគាំទ្រ
lint-assign-content-not-variable = ASSIGN ដែលគ្មានវាល ត្រូវតែដាក់ឈ្មោះអថេរដែលបានគណនាក្នុងខ្លឹមសាររបស់វាជា #{"{"}name{"}"}៖ '{ $content }' មិនមែនទេ (ម៉ាស៊ីនរាយការណ៍ 'Malformed variable')
lint-assign-content-not-variable-fix = កំណត់ dataElement/trackedEntityAttribute ឬកំណត់ content ជា #{"{"}variable name{"}"}
lint-assign-truncation = ASSIGN ទៅ { $field } ({ $value_type })៖ កម្មវិធីកាត់ផ្នែកប្រភាគចោល (2.7 ត្រូវបានរក្សាទុកជា 2) ហើយតម្លៃនេះអាចជាប្រភាគ
lint-assign-percentage = ASSIGN ទៅ { $field } (PERCENTAGE)៖ កម្មវិធីសរសេរ 50 ជា "50.0" ដែលការពិនិត្យតម្លៃ PERCENTAGE បដិសេធ
lint-variable-names-nothing = អថេរ { $source_type } ដែលមិនដាក់ឈ្មោះធាតុទិន្នន័យ ឬគុណលក្ខណៈ ត្រូវបាន Android Capture ទុកចោល៖ វិធានទាំងអស់ដែលអានវាបរាជ័យដោយ 'unknown variable'
lint-variable-names-nothing-fix = ដាក់ឈ្មោះធាតុទិន្នន័យ ឬគុណលក្ខណៈដែលវាអាន ឬធ្វើឱ្យវាជា CALCULATED_VALUE
lint-variable-data-element-missing = ធាតុទិន្នន័យរបស់វា { $uid } មិនមានក្នុងឯកសារទេ៖ Android Capture ទុកអថេរចោលពេលធាតុទិន្នន័យរបស់វាមិនមាននៅលើឧបករណ៍ ហើយវិធានទាំងអស់ដែលអានវាបរាជ័យដោយ 'unknown variable'
lint-variable-attribute-missing = គុណលក្ខណៈរបស់វា { $uid } មិនមានក្នុងឯកសារទេ៖ Android Capture ទុកអថេរចោលពេលគុណលក្ខណៈរបស់វាមិនមាននៅលើឧបករណ៍ ហើយវិធានទាំងអស់ដែលអានវាបរាជ័យដោយ 'unknown variable'
lint-variable-without-data-element = អថេរ { $source_type } អានធាតុទិន្នន័យ ប៉ុន្តែអថេរនេះមិនដាក់ឈ្មោះធាតុណាមួយទេ៖ នៅលើ Android វាមិនដែលមានតម្លៃទេ (វិធានឃើញតម្លៃលំនាំដើមនៃប្រភេទ)
lint-variable-without-stage = អថេរ { $source_type } ដែលគ្មានដំណាក់កាលកម្មវិធី មិនត្រូវនឹងព្រឹត្តិការណ៍ណាមួយទេ៖ នៅលើ Android វាមិនដែលមានតម្លៃទេ (វិធានឃើញតម្លៃលំនាំដើមនៃប្រភេទ)
lint-variable-without-attribute = អថេរ { $source_type } អានគុណលក្ខណៈ ប៉ុន្តែអថេរនេះមិនដាក់ឈ្មោះគុណលក្ខណៈណាមួយទេ៖ នៅលើ Android វាមិនដែលមានតម្លៃទេ (វិធានឃើញតម្លៃលំនាំដើមនៃប្រភេទ)
lint-shadows-environment-variable = អថេរវិធាន '{ $name }' មានឈ្មោះដូចអថេរបរិស្ថាន៖ វាជំនួស V{"{"}{ $name }{"}"} ក្នុងវិធានទាំងអស់នៃកម្មវិធី
lint-shadows-environment-variable-fix = ប្ដូរឈ្មោះវា ឧ. '{ $name }_value'

## វិធានផ្ទៀងផ្ទាត់
lint-unknown-constant-in-validation-rule = { $item }៖ គ្មានចំនួនថេរដែលមាន UID '{ $uid }' ក្នុងឯកសារទេ
lint-unknown-data-element = { $item }៖ គ្មានធាតុទិន្នន័យដែលមាន UID '{ $uid }' ក្នុងឯកសារទេ
lint-unknown-category-option-combo = { $item }៖ គ្មានបន្សំជម្រើសប្រភេទដែលមាន UID '{ $uid }' ក្នុងឯកសារទេ
