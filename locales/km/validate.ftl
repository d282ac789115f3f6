# ការត្រួតពិនិត្យ៖ តម្លៃធៀបនឹងប្រភេទតម្លៃ និងច្បាប់ត្រួតពិនិត្យទិន្នន័យសរុប (core::validate)។

## តម្លៃដែលមិនត្រូវនឹងប្រភេទតម្លៃរបស់វា
validate-value-invalid = មិនមែនជាតម្លៃត្រឹមត្រូវនៃប្រភេទ «{ $value_type }» ទេ៖ { $problem }។
validate-value-text-too-long = មាន { $length } តួអក្សរ ប៉ុន្តែអនុញ្ញាតយ៉ាងច្រើន { $max } តួអក្សរ
validate-value-email = ត្រូវការអាសយដ្ឋានអ៊ីមែល ដូចជា name@example.org
validate-value-phone-number = ត្រូវការពី 4 ដល់ 20 តួ ជាលេខ ដកឃ្លា និង + - ( ) ហើយបញ្ចប់ដោយលេខ
validate-value-url = ត្រូវការអាសយដ្ឋានគេហទំព័រ ដូចជា https://dhis2.org
validate-value-date = ត្រូវការកាលបរិច្ឆេទសរសេរជា yyyy-MM-dd ដូចជា 2025-03-14
validate-value-date-time = ត្រូវការកាលបរិច្ឆេទ និងម៉ោងសរសេរជា yyyy-MM-ddTHH:mm ដូចជា 2025-03-14T08:30
validate-value-time = ត្រូវការម៉ោង 24 ម៉ោងសរសេរជា HH:mm ដូចជា 08:30
validate-value-coordinate = ត្រូវការ [រយៈបណ្ដោយ,រយៈទទឹង] ដូចជា [104.9160,11.5564]
validate-value-boolean-zero-is-not-false = សូមសរសេរ "false" មិនមែន "0" ទេ
validate-value-boolean-one-is-not-true = សូមសរសេរ "true" មិនមែន "1" ទេ
validate-value-boolean-malformed = ត្រូវការ "true" ឬ "false"
validate-value-true-only-false-is-not-allowed = អនុញ្ញាតតែ "true" ប៉ុណ្ណោះ សូមទុកប្រអប់ទទេសម្រាប់ "ទេ"
validate-value-true-only-one-is-not-true = សូមសរសេរ "true" មិនមែន "1" ទេ
validate-value-true-only-malformed = ត្រូវការ "true"
validate-value-letter-empty = ត្រូវការអក្សរមួយ ប៉ុន្តែតម្លៃទទេ
validate-value-letter-more-than-one = ត្រូវការអក្សរតែមួយគត់
validate-value-letter-not-a-letter = ត្រូវការអក្សរមួយពី A ដល់ Z ឬ a ដល់ z
validate-value-uid-too-short = ត្រូវការអក្សរ ឬលេខ 11 តួ ប៉ុន្តែតម្លៃខ្លីជាងនេះ
validate-value-uid-too-long = ត្រូវការអក្សរ ឬលេខ 11 តួ ប៉ុន្តែតម្លៃវែងជាងនេះ
validate-value-uid-malformed = ត្រូវការអក្សរ ឬលេខ 11 តួ (A-Z, a-z, 0-9)
validate-value-number-not-a-number = ត្រូវការលេខ ដូចជា 12, -3 ឬ 4.75
validate-value-number-leading-zero = មិនអនុញ្ញាតលេខសូន្យនៅខាងមុខទេ (សរសេរ 5.2 មិនមែន 005.2)
validate-value-number-scientific-notation = មិនអនុញ្ញាតការសរសេរបែបវិទ្យាសាស្ត្រ ដូចជា 3e-1 ទេ
validate-value-unit-interval-not-a-number = ត្រូវការលេខពី 0 ដល់ 1 ដូចជា 0.25
validate-value-unit-interval-scientific-notation = មិនអនុញ្ញាតការសរសេរបែបវិទ្យាសាស្ត្រ ដូចជា 3e-1 ទេ
validate-value-unit-interval-greater-than-one = ត្រូវតែមិនលើសពី 1
validate-value-unit-interval-smaller-than-zero = ត្រូវតែយ៉ាងតិច 0
validate-value-percentage-not-a-whole-number = ត្រូវការចំនួនគត់ពី 0 ដល់ 100
validate-value-percentage-greater-than-100 = ត្រូវតែមិនលើសពី 100
validate-value-percentage-negative = ត្រូវតែយ៉ាងតិច 0
validate-value-integer-not-a-whole-number = ត្រូវការចំនួនគត់ ដូចជា 12 ឬ -3
validate-value-integer-leading-zero = មិនអនុញ្ញាតលេខសូន្យនៅខាងមុខទេ (សរសេរ 34 មិនមែន 0034)
validate-value-integer-overflow = ត្រូវតែនៅចន្លោះ -2147483648 និង 2147483647
validate-value-integer-zero = មិនអនុញ្ញាតលេខសូន្យទេ
validate-value-integer-negative = មិនអាចជាលេខអវិជ្ជមានទេ
validate-value-integer-positive = ត្រូវតែតូចជាងសូន្យ

## ច្បាប់ត្រួតពិនិត្យទិន្នន័យសរុប៖ មូលហេតុដែលមិនអាចសម្រេចច្បាប់បាន
validate-side-left = ផ្នែកខាងឆ្វេង
validate-side-right = ផ្នែកខាងស្ដាំ
validate-rule-side-does-not-parse = មិនអាចអាន{ $side }បានទេ៖ { $error }
validate-rule-side-cannot-be-evaluated = មិនអាចគណនា{ $side }បានទេ៖ { $error }
validate-rule-side-not-a-number = { $side }ជា{ $kind } មិនមែនជាលេខទេ។
validate-rule-side-not-finite = { $side }ស្មើ { $value } ដែល SDK មិនអាចប្រៀបធៀបបានទេ។

## ប្រភេទតម្លៃក្នុងកន្សោមច្បាប់
validate-kind-number = លេខ
validate-kind-text = អត្ថបទ
validate-kind-boolean = តម្លៃពិត/មិនពិត
validate-cast = មិនអាចប្រើ '{ $value }' ({ $from }) ជា{ $to }បានទេ

## ការគណនាកន្សោមច្បាប់
validate-eval-missing-constant = គ្មានចំនួនថេរ { $constant } ទេ
validate-eval-missing-org-unit-group-count = គ្មានចំនួនសមាជិកនៃក្រុមអង្គភាព { $group } ទេ
validate-eval-null-comparison = តម្លៃទទេ (null) ត្រូវបានប្រៀបធៀបជាមួយតម្លៃមួយក្នុង { $function }()
validate-eval-null-argument = អាគុយម៉ង់ទទេ (null) ក្នុង { $function }()
validate-arith-not-finite = លេខ { $number } គ្មានតម្លៃទសភាគទេ (NaN ឬគ្មានទីបញ្ចប់)
validate-arith-division-by-zero = ការចែកនឹងសូន្យ
validate-arith-invalid-power = ស្វ័យគុណមិនត្រឹមត្រូវ៖ និទស្សន្ត { $exponent } ធំពេក
validate-arith-overflow = លេខនៅក្រៅដែនកំណត់ទសភាគ

## ការអានកន្សោមច្បាប់
validate-parse-at = នៅតួអក្សរទី { $position }៖ { $problem }
validate-parse-empty = កន្សោមទទេ
validate-parse-unexpected-char = តួអក្សរ '{ $char }' មិននៅកន្លែងត្រឹមត្រូវទេ
validate-parse-unclosed-brace = ធាតុដែលបើកដោយ '{"{"}' មិនត្រូវបានបិទដោយ '{"}"}' ទេ
validate-parse-unclosed-string = ខ្សែអក្សរមិនត្រូវបានបិទទេ
validate-parse-bad-escape = លំដាប់ escape មិនស្គាល់ក្នុងខ្សែអក្សរ
validate-parse-bad-number = '{ $text }' មិនមែនជាលេខទេ
validate-parse-unexpected-number = លេខ { $text } មិននៅកន្លែងត្រឹមត្រូវទេ
validate-parse-unexpected-text = ខ្សែអក្សរ { $text } មិននៅកន្លែងត្រឹមត្រូវទេ
validate-parse-unexpected-item = ធាតុ { $text } មិននៅកន្លែងត្រឹមត្រូវទេ
validate-parse-unexpected-function = អនុគមន៍ { $text } មិននៅកន្លែងត្រឹមត្រូវទេ
validate-parse-unexpected-word = ពាក្យ '{ $text }' មិននៅកន្លែងត្រឹមត្រូវទេ
validate-parse-unexpected-symbol = '{ $text }' មិននៅកន្លែងត្រឹមត្រូវទេ
validate-parse-unexpected-end = កន្សោមបញ្ចប់មុនពេល
validate-parse-unknown-function = មិនស្គាល់អនុគមន៍ '{ $name }' ទេ
validate-parse-unknown-word = មិនស្គាល់ពាក្យ '{ $word }' ទេ
validate-parse-unsupported-item = ធាតុ '{ $kind }{"{"}...{"}"}' មិនត្រូវបានគាំទ្រក្នុងច្បាប់ត្រួតពិនិត្យទេ
validate-parse-bad-item-uid = '{ $text }' មិនមែនជាធាតុត្រឹមត្រូវទេ៖ '{ $part }' មិនមែនជា UID ទេ (អក្សរមួយ និងអក្សរ ឬលេខ 10 តួ)
validate-parse-bad-item-shape = '{ $text }' មិនមែនជាធាតុត្រឹមត្រូវទេ៖ ត្រូវការ #{"{"}de{"}"}, #{"{"}de.coc{"}"}, #{"{"}de.coc.aoc{"}"} ឬ #{"{"}de.*.aoc{"}"}
validate-parse-arguments-exactly = { $count }
validate-parse-arguments-between = ពី { $min } ដល់ { $max }
validate-parse-arguments-at-least = យ៉ាងតិច { $count }
validate-parse-wrong-argument-count = { $function }() ត្រូវការអាគុយម៉ង់ { $expected } ប៉ុន្តែមាន { $found }
validate-parse-too-deep = កន្សោមមានកម្រិតជាន់គ្នាលើសពី { $max } កម្រិត

## មូលហេតុដែលច្បាប់មិនត្រូវបានដំណើរការ
validate-not-run-skip-form-validation = មិនបានដំណើរការទេ៖ ច្បាប់នេះត្រូវបានកំណត់ឱ្យរំលងការត្រួតពិនិត្យទម្រង់។
validate-not-run-org-unit-level = មិនបានដំណើរការទេ៖ ច្បាប់នេះមិនអនុវត្តចំពោះអង្គភាពនៅកម្រិត { $level } ទេ។
