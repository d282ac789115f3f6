# បន្ទាត់ពាក្យបញ្ជា phum (cli/)៖ កំហុស បន្ទាត់ដែលវាបោះពុម្ពសម្រាប់មនុស្ស និងជំនួយរបស់វា។
# លទ្ធផលសម្រាប់ម៉ាស៊ីន (--json) គ្មានអត្ថបទផ្ទាល់ខ្លួនទេ៖ ឈ្មោះ តម្លៃ និងកូដ បង្ហាញដូចដែលបានផ្ដល់។

## កំហុស (លើ stderr បន្ទាប់ពី "phum៖ កំហុស៖ ")
cli-error = phum៖ កំហុស៖ { $error }
cli-error-import-refused =
    { $error }
    (ដើម្បីនាំចូលទោះយ៉ាងណាក៏ដោយ សូមផ្ដល់ --allow-orphaned-records)
cli-error-bad-key = ឯកសារសោ { $path }៖ { $problem }
cli-error-no-database = គ្មានមូលដ្ឋានទិន្នន័យនៅ { $db } ទេ។ ការនាំចូលមេតាដាតា (metadata import) បង្កើតវា
cli-error-no-folder = ថត { $folder } នៃមូលដ្ឋានទិន្នន័យ { $db } មិនមានទេ
cli-error-key-file-missing = មូលដ្ឋានទិន្នន័យ { $db } មាន ប៉ុន្តែឯកសារសោរបស់វា { $key } មិនមានទេ។ សូមផ្ដល់ឯកសារត្រឹមត្រូវដោយ --key-file (ឬ --unencrypted សម្រាប់មូលដ្ឋានទិន្នន័យគ្មានការអ៊ិនគ្រីប)
cli-error-io = { $path }៖ { $problem }
cli-error-unreadable = { $path }៖ មិនអាចអានបានទេ៖ { $problem }
cli-io-not-found = គ្មានឯកសារនេះទេ
cli-io-permission-denied = គ្មានសិទ្ធិចូលប្រើ
cli-io-is-a-directory = វាជាថត មិនមែនជាឯកសារទេ
cli-io-not-text = វាមិនមែនជាអត្ថបទ (UTF-8) ទេ
cli-io-other = { $detail }
cli-error-expr-eval = មិនអាចគណនាកន្សោមបានទេ៖ { $error }
cli-error-vectors = { $path } មិនមែនជាឯកសារវ៉ិចទ័រទេ (មាន { $count } បន្ទាត់ខុស)៖
cli-error-vectors-failed = វ៉ិចទ័រ { $count } បរាជ័យ
cli-error-bad-script = { $path } មិនមែនជាស្គ្រីបទម្រង់ទេ៖ { $problem }
cli-error-demo-script = { $path } បន្ទាត់ទី { $line }៖ «{ $answer }» មិនមែនជាជម្រើសមួយនៅលើអេក្រង់ទេ ស្គ្រីបនេះលែងត្រូវនឹងការបង្ហាញហើយ។
cli-error-lint-nothing-to-check = គ្មានអ្វីត្រូវពិនិត្យទេ៖ ឯកសារ { $count } មិនមានវិធានកម្មវិធី អថេរវិធានកម្មវិធី ឬវិធានផ្ទៀងផ្ទាត់ទេ
cli-error-lint-found-errors = មានកំហុស lint ចំនួន { $count }
cli-bad-lang = '{ $value }' មិនមែនជាភាសារបស់ phum ទេ៖ សូមប្រើ en ឬ km
cli-bad-lang-env = { $variable }={ $value } មិនមែនជាភាសារបស់ phum ទេ៖ សូមកំណត់វាជា en ឬ km ឬផ្ដល់ --lang

## អាគុយម៉ង់ដែលមិនអាចអានបាន
cli-arg-expected-form = ត្រូវការ { $form }
cli-arg-var-missing-colon = ត្រូវការ NAME=TYPE:VALUE (បាត់ ':' នៅក្រោយ TYPE)
cli-arg-var-unknown-type = មិនស្គាល់ TYPE '{ $type_name }'៖ សូមប្រើ NUMBER, TEXT, BOOLEAN ឬ DATE

## phum expr
cli-expr-engine-text = អត្ថបទរបស់ម៉ាស៊ីនវិធាន៖ { $text }
cli-expr-engine-text-none = អត្ថបទរបស់ម៉ាស៊ីនវិធាន៖ គ្មាន (null)
cli-vectors-fail = បរាជ័យ #{ $id } (បន្ទាត់ { $line }) { $expression }៖ រំពឹងទុក { $expected } ប៉ុន្តែបាន { $actual }
cli-vectors-skipped = បានរំលង { $count }៖ { $reason }
cli-vectors-skipped-total = បានរំលង { $count }
cli-vectors-summary = ជាប់ { $passed } បរាជ័យ { $failed }

## phum metadata
cli-import-done = បាននាំចូលវត្ថុ { $objects } ពីឯកសារ { $files } ទៅក្នុង { $db } ក្នុងរយៈពេល { $seconds } វិនាទី
cli-import-ignored = Phum មិនរក្សាទុក៖ { $collections }
cli-import-orphaned = កំណត់ត្រាដែលបានប្រមូល ដែលឥឡូវគ្មានមេតាដាតារបស់វា៖ { $records }
cli-summary-user = អ្នកប្រើ៖ { $username } (អង្គភាព { $org_units } សម្រាប់ប្រមូលទិន្នន័យ)
cli-summary-server = ម៉ាស៊ីនមេ៖ DHIS2 { $version }

## ជំនួយ៖ ចំណងជើងរបស់ clap
cli-help-heading-usage = របៀបប្រើ៖
cli-help-heading-commands = ពាក្យបញ្ជា
cli-help-heading-arguments = អាគុយម៉ង់
cli-help-heading-options = ជម្រើស
cli-help-value-command = ពាក្យបញ្ជា

## ជំនួយ៖ ពាក្យបញ្ជា
cli-help-phum = Phum៖ ការប្រមូលទិន្នន័យ DHIS2 ក្រៅបណ្ដាញ សម្រាប់បុគ្គលិកសុខាភិបាលនៅកម្ពុជា (បន្ទាត់ពាក្យបញ្ជា)
cli-help-phum-long =
    Phum៖ ការប្រមូលទិន្នន័យ DHIS2 ក្រៅបណ្ដាញ សម្រាប់បុគ្គលិកសុខាភិបាលនៅកម្ពុជា។

    ពាក្យបញ្ជាដែលប្រើមូលដ្ឋានទិន្នន័យគណនី (metadata import និង summary, form run) ទទួល
    --db, --key-file និង --unencrypted។ មូលដ្ឋានទិន្នន័យត្រូវបានអ៊ិនគ្រីបដោយ SQLCipher។ បើមិនផ្ដល់
    --key-file ទេ សោត្រូវបានរក្សាទុកក្នុង <db>.key ក្បែរមូលដ្ឋានទិន្នន័យ (បង្កើតជាមួយសិទ្ធិ
    0600 ព្រមជាមួយមូលដ្ឋានទិន្នន័យថ្មី)។ មានតែ metadata import ទេដែលបង្កើតមូលដ្ឋានទិន្នន័យ។

    ពាក្យបញ្ជានីមួយៗទទួល --lang en|km (លំនាំដើម៖ អថេរបរិស្ថាន PHUM_LANG បើមិនមានទេ en)
    និង --khmer-digits។
cli-help-metadata = មេតាដាតា DHIS2 ក្នុងមូលដ្ឋានទិន្នន័យលើឧបករណ៍។
cli-help-metadata-import = ជំនួសមេតាដាតាទាំងអស់ដោយខ្លឹមសារនៃ FILE ក្នុងប្រតិបត្តិការតែមួយ។
cli-help-metadata-import-long =
    ជំនួសមេតាដាតាទាំងអស់ដោយខ្លឹមសារនៃ FILE ក្នុងប្រតិបត្តិការតែមួយ។

    FILE នីមួយៗជាការនាំចេញ /api/metadata (កញ្ចប់មេតាដាតា) ឬចម្លើយរបស់ DHIS2 ដូចជា
    /api/programs ទំព័រមួយនៃ /api/organisationUnits, /api/me ឬ /api/system/info។ រួមគ្នា
    ពួកវាត្រូវតែពេញលេញ៖ ឯកសារយោងនីមួយៗត្រូវតែរកឃើញ។ បើមានកំហុសណាមួយ គ្មានអ្វីផ្លាស់ប្ដូរទេ។

    ការនាំចូលដែលគ្មានមេតាដាតាសោះ ត្រូវបានបដិសេធ ហើយការនាំចូលដែលនឹងទុកកំណត់ត្រាដែលបាន
    ប្រមូល (មនុស្ស ការចុះឈ្មោះ ព្រឹត្តិការណ៍ តម្លៃទិន្នន័យ ការបញ្ចប់) ឱ្យចង្អុលទៅកម្មវិធី ដំណាក់កាល
    អង្គភាព សំណុំទិន្នន័យ ឬមេតាដាតាផ្សេងទៀតដែលវាលែងមាន ក៏ត្រូវបានបដិសេធដែរ លើកលែងតែផ្ដល់
    --allow-orphaned-records។
cli-help-metadata-summary = រាប់មេតាដាតាដែលបានរក្សាទុកតាមបណ្ដុំនីមួយៗ (មូលដ្ឋានទិន្នន័យត្រូវតែមាន)។
cli-help-expr = ភាសាកន្សោម DHIS2 នៃវិធានកម្មវិធី៖ គណនាកន្សោមមួយ ឬដំណើរការវ៉ិចទ័រសាកល្បង។
cli-help-expr-vectors = ដំណើរការវ៉ិចទ័រសាកល្បងកន្សោម ហើយប្រៀបធៀបចម្លើយរបស់ Phum ជាមួយរបស់ DHIS2។
cli-help-expr-vectors-long =
    ដំណើរការវ៉ិចទ័រសាកល្បងកន្សោម ហើយប្រៀបធៀបចម្លើយរបស់ Phum ជាមួយរបស់ DHIS2។

    FILE មានវ៉ិចទ័រមួយក្នុងមួយបន្ទាត់ ដូច core/tests/fixtures/rules/expression-vectors.jsonl
    (គ្រោងការណ៍៖ research/program-rules.md §5.1)។ វ៉ិចទ័រនៃផ្នែកផ្សេងទៀតរបស់ DHIS2 និងវាក្យសម្ពន្ធ
    សម្រាប់តែ predictor ត្រូវបានរំលង ដោយមានហេតុផលរៀងៗខ្លួន។ វ៉ិចទ័រ evaluate ត្រូវបានគណនា
    (តម្លៃ និងប្រភេទត្រូវតែដូចគ្នា៖ នៅកម្រិតម៉ាស៊ីន អត្ថបទនៃឥទ្ធិពល ឬថាតើវិធានដំណើរការឬអត់)
    វ៉ិចទ័រផ្សេងទៀតត្រូវបានពិនិត្យដោយការអានតែប៉ុណ្ណោះ។

    បោះពុម្ពមួយបន្ទាត់សម្រាប់ការបរាជ័យនីមួយៗ ចំនួនដែលបានរំលងតាមហេតុផល ហើយចុងក្រោយបន្ទាត់
    សរុប។ ជាមួយ --json វត្ថុ JSON មួយសម្រាប់វ៉ិចទ័រនីមួយៗជំនួសវិញ (id, line, pass, actual,
    actual_type; skipped និង reason ពេលរំលង) បន្ទាត់សរុបនៅតែចុងក្រោយ។
    ស្ថានភាពចេញ៖ 0 ពេលគ្មានបរាជ័យ 1 ពេលមានបរាជ័យ 2 ពេល FILE មិនមែនជាឯកសារវ៉ិចទ័រ។
cli-help-expr-eval = គណនាកន្សោមមួយក្នុងរបៀបវិធាន ហើយបោះពុម្ពតម្លៃ ប្រភេទ និងអត្ថបទម៉ាស៊ីនរបស់វា។
cli-help-expr-eval-long =
    គណនាកន្សោមមួយក្នុងរបៀបវិធាន ហើយបោះពុម្ពតម្លៃ ប្រភេទ និងអត្ថបទម៉ាស៊ីនរបស់វា។

    បោះពុម្ពតម្លៃជាមួយប្រភេទរបស់វា ឧ. "4 (NUMBER)" បន្ទាប់មកអត្ថបទដែលម៉ាស៊ីនវិធានរបស់ DHIS2
    នឹងដាក់ក្នុងទិន្នន័យនៃឥទ្ធិពល៖ ចំនួនគត់ជា Int របស់ Kotlin (កំណត់ត្រឹមព្រំដែន) លេខផ្សេងទៀត
    ដូចដែល Java បោះពុម្ព អថេរតែឯងជាអត្ថបទដែលបានរក្សាទុករបស់វា។

    ស្ថានភាពចេញ៖ 0 ពេលជោគជ័យ 1 ពេលការគណនាបរាជ័យ (អថេរមិនស្គាល់ ការបំប្លែងខុស ...)
    2 ពេលមិនអាចអានកន្សោមបាន (កន្លែងខុសត្រូវបានបង្ហាញដោយសញ្ញា ^)។
cli-help-expr-eval-examples =
    ឧទាហរណ៍៖
      phum expr eval '2 + 2'
      phum expr eval '#{"{"}weight{"}"} / (#{"{"}height{"}"} * #{"{"}height{"}"})' --var weight=NUMBER:12.5 --var height=number:0.9
      phum expr eval 'd2:hasValue(#{"{"}note{"}"})' --var note=TEXT:
      phum expr eval 'd2:daysBetween(V{"{"}enrollment_date{"}"}, V{"{"}current_date{"}"})' --env enrollment_date=2026-01-01 --env current_date=2026-12-02
      phum expr eval 'C{"{"}Gfd3ppDfq8E{"}"} * 2' --constant Gfd3ppDfq8E=3.14
cli-help-lint = ពិនិត្យវិធានកម្មវិធី និងវិធានផ្ទៀងផ្ទាត់ក្នុងឯកសារមេតាដាតា DHIS2 (មិនត្រូវការមូលដ្ឋានទិន្នន័យ)។
cli-help-lint-long =
    ពិនិត្យវិធានកម្មវិធី និងវិធានផ្ទៀងផ្ទាត់ក្នុងឯកសារមេតាដាតា DHIS2 (មិនត្រូវការមូលដ្ឋានទិន្នន័យ)។

    រាយការណ៍កំហុសវាក្យសម្ពន្ធ អថេរ អនុគមន៍ និងចំនួនថេរដែលមិនស្គាល់ កំហុសប្រភេទ និង
    កន្សោមដែលលទ្ធផលអាស្រ័យលើចំណុចចម្លែករបស់ DHIS2 ជាមួយការសរសេរឡើងវិញដែលបានណែនាំ។
cli-help-lint-after =
    ការពិនិត្យ
      កំហុស៖ syntax, unknown-variable (#{"{"}{"}"}, A{"{"}{"}"}, V{"{"}{"}"}, ឈ្មោះក្នុងសញ្ញាសម្រង់), unknown-function,
      wrong-arity, unknown-constant, unavailable-environment-variable (V{"{"}{"}"} ដែលម៉ាស៊ីន Android មិនដែលបំពេញ),
      type-mismatch, non-boolean-condition, quirk-date-string-compare (V{"{"}{"}"} ប្រភេទ DATE ប្រៀបធៀបជាមួយអត្ថបទ៖
      == តែងតែមិនពិត < បរាជ័យ), quirk-round-negative-precision, missing-location
      (DISPLAYKEYVALUEPAIR), missing-section (HIDESECTION), assign-without-target,
      unknown-data-element និង unknown-category-option-combo (វិធានផ្ទៀងផ្ទាត់), variable-left-out
      (អថេរវិធានដែលមិនដាក់ឈ្មោះធាតុទិន្នន័យ ឬគុណលក្ខណៈ ហើយមិនមែនជា CALCULATED_VALUE៖
      Android Capture ទម្លាក់វាចោល)។
      ការព្រមាន៖ quirk-grouping (DHIS2 អាន a - b + c ជា a - (b + c) និង a / b * c ជា a / (b * c)),
      quirk-remainder (10 % 3 គឺ 0.1 នៅ DHIS2), quirk-assign-truncation (ASSIGN ប្រភាគទៅវាល
      ចំនួនគត់), quirk-assign-percentage, empty-condition (មិនដែលដំណើរការលើ Android),
      shadows-environment-variable, variable-left-out (ធាតុទិន្នន័យ ឬគុណលក្ខណៈរបស់វាមិនមាន
      ក្នុងឯកសារ៖ ត្រូវបានទម្លាក់លើឧបករណ៍ដែលគ្មានវា), variable-reads-nothing (អថេរ DATAELEMENT_*
      គ្មានធាតុទិន្នន័យ TEI_ATTRIBUTE គ្មានគុណលក្ខណៈ NEWEST_EVENT_PROGRAM_STAGE គ្មានដំណាក់កាល)
      និង type-mismatch ដែលតម្លៃអាចដំណើរការ ឬមិនដំណើរការ។

      វិធានអាចប្រើអថេរ និងចំនួនថេរពី FILE ណាមួយនៃការដំណើរការ។

    ស្ថានភាពចេញ
      0  គ្មានកំហុស (មានតែការព្រមានគឺមិនអីទេ)
      1  មានកំហុសយ៉ាងហោចណាស់មួយ
      2  FILE មួយមិនអាចអានបាន ឬមិនមែនជាមេតាដាតា DHIS2 ត្រឹមត្រូវ (សារដាក់ឈ្មោះឯកសារ និង
         ផ្លូវ JSON នៃវត្ថុខុស) ឬគ្មាន FILE ណាមានវិធានកម្មវិធី អថេរវិធានកម្មវិធី ឬវិធាន
         ផ្ទៀងផ្ទាត់៖ គ្មានអ្វីត្រូវពិនិត្យ
cli-help-form = ទម្រង់ប្រមូលទិន្នន័យពីស្គ្រីប៖ ចាក់ឡើងវិញនូវការមកពិនិត្យ (បង្កើត ឬបើកទម្រង់ បញ្ចូលតម្លៃ បញ្ចប់) បញ្ជីការងារ ផ្ទាំងនៃការចុះឈ្មោះ និងការស្វែងរកមនុស្ស លើមូលដ្ឋានទិន្នន័យ។
cli-help-form-run = ចាក់ឡើងវិញនូវការមកពិនិត្យពីស្គ្រីប៖ ទម្រង់ តម្លៃ ការបញ្ចប់ បញ្ជីការងារ ការស្វែងរក។
cli-help-demo = ការបង្ហាញរបស់គ្រូបង្គោលលើទិន្នន័យហ្វឹកហាត់ ជាភាសាខ្មែរ ឬអង់គ្លេស៖ ស្វែងរក ឬចុះឈ្មោះបុគ្គល ការមកចាក់ថ្នាំបង្ការ និងវាស់សម្ពាធឈាម ជាមួយសាររបស់វិធាន បញ្ជីហួសពេលកំណត់ របាយការណ៍ភូមិប្រចាំខែ អ្វីដែលនឹងត្រូវផ្ញើ។ គ្មានអ្វីត្រូវបានផ្ញើទេ។
cli-help-demo-long = ការបង្ហាញរបស់គ្រូបង្គោលលើទិន្នន័យហ្វឹកហាត់ ជាភាសាខ្មែរ ឬអង់គ្លេស (--lang km, --khmer-digits)៖ ជ្រើសភូមិ ស្វែងរក ឬចុះឈ្មោះបុគ្គល កត់ត្រាការមកចាក់ថ្នាំបង្ការ ឬវាស់សម្ពាធឈាម ហើយមើលសាររបស់វិធានក្រោយតម្លៃនីមួយៗ មើលបញ្ជីហួសពេលកំណត់ បំពេញរបាយការណ៍ភូមិប្រចាំខែ មើលអ្វីដែលនឹងត្រូវផ្ញើ។ ទិន្នន័យហ្វឹកហាត់ស្ថិតក្នុងមូលដ្ឋានទិន្នន័យអ៊ិនគ្រីបដាច់ដោយឡែក ដែលមានកាលបរិច្ឆេទធៀបនឹងថ្ងៃដែលវាត្រូវបានបើកលើកដំបូង។ គ្មានអ្វីត្រូវបានផ្ញើទៅម៉ាស៊ីនមេទេ។
cli-help-demo-script-format =
    ទម្រង់ស្គ្រីប (--script FILE)
      ចម្លើយដែលគ្រូបង្គោលនឹងវាយ មួយបន្ទាត់មួយ តាមលំដាប់៖ លេខសម្រាប់ជម្រើសដែលមានលេខ
      (លេខខ្មែរក៏បាន) ឬអត្ថបទដែលត្រូវសួរ (ឈ្មោះដែលត្រូវស្វែងរក តម្លៃ)។ បន្ទាត់ដែលចាប់ផ្ដើមដោយ #
      ជាការពន្យល់ ហើយបន្ទាត់ទទេត្រូវរំលង។ ពេលចម្លើយអស់ ការបង្ហាញបញ្ចប់ដូចជាការចាកចេញ។
      កាលបរិច្ឆេទអាចសរសេរជា ថ្ងៃនេះ ថ្ងៃនេះ-៣០ ឬ ថ្ងៃនេះ+៧ (ថ្ងៃ; ជាភាសាអង់គ្លេស today-30)
      ព្រោះទិន្នន័យហ្វឹកហាត់មានកាលបរិច្ឆេទធៀបនឹងថ្ងៃនៃថ្នាក់រៀន។
      ការដំណើរការតាមស្គ្រីបចាប់ផ្ដើមពីទិន្នន័យហ្វឹកហាត់ដើម (ដូចក្រោយ --reset) ដូច្នេះវាផ្ដល់
      លទ្ធផលដូចគ្នារាល់ដង ហើយមិនដែលចុះឈ្មោះបុគ្គលពីរដងទេ។ ចម្លើយដែលមិនមែនជាជម្រើសដែលមានលេខ
      បញ្ឈប់ការដំណើរការដោយស្ថានភាពចេញ 2។ ឧទាហរណ៍៖ scripts/demo-scenario-en.txt,
      scripts/demo-scenario-km.txt។
cli-help-arg-demo-script = ចាក់ចម្លើយក្នុង FILE ជំនួសឱ្យការអានពីស្ថានីយ (មើលទម្រង់ស្គ្រីប)
cli-help-arg-demo-dir = កន្លែងដែលមូលដ្ឋានទិន្នន័យរបស់គណនីហ្វឹកហាត់ស្ថិតនៅ (លំនាំដើម៖ $XDG_DATA_HOME/phum/demo ឬ ~/.local/share/phum/demo)
cli-help-arg-demo-reset = ដាក់ទិន្នន័យហ្វឹកហាត់ត្រឡប់ទៅស្ថានភាពដើមវិញ មុនពេលចាប់ផ្ដើម
cli-help-help-command = បោះពុម្ពសារនេះ ឬជំនួយនៃពាក្យបញ្ជារងដែលបានផ្ដល់

## ជំនួយ៖ អាគុយម៉ង់
cli-help-arg-help = បោះពុម្ពជំនួយ
cli-help-arg-help-more = បោះពុម្ពជំនួយ (មើលបន្ថែមដោយ '--help')
cli-help-arg-help-summary = បោះពុម្ពជំនួយ (មើលសេចក្ដីសង្ខេបដោយ '-h')
cli-help-arg-version = បោះពុម្ពកំណែ
cli-help-arg-help-subcommand = ពាក្យបញ្ជាដែលត្រូវបោះពុម្ពជំនួយ
cli-help-arg-lang = ភាសានៃអ្វីៗទាំងអស់ដែល phum បោះពុម្ព៖ en ឬ km (លំនាំដើម៖ PHUM_LANG បើមិនមានទេ en)
cli-help-arg-lang-long =
    ភាសានៃអ្វីៗទាំងអស់ដែល phum បោះពុម្ព (សារ កំហុស ជំនួយនេះ)៖ en (អង់គ្លេស) ឬ km (ខ្មែរ)។
    បើគ្មាន --lang ទេ អថេរបរិស្ថាន PHUM_LANG (en, km, km_KH) បើមិនមានទេ អង់គ្លេស។
    លទ្ធផលសម្រាប់ម៉ាស៊ីន (--json) ដូចគ្នាក្នុងគ្រប់ភាសា។
cli-help-arg-khmer-digits = បង្ហាញលេខជាលេខខ្មែរ (តម្លៃដែលរក្សាទុក និងផ្ញើនៅតែជា ASCII)
cli-help-arg-db = មូលដ្ឋានទិន្នន័យគណនី (ឯកសារមួយក្នុងមួយគណនី)
cli-help-arg-key-file = ឯកសារដែលមានសោមូលដ្ឋានទិន្នន័យ (លេខគោលដប់ប្រាំមួយ 64 ខ្ទង់)៖ លំនាំដើម <db>.key
cli-help-arg-unencrypted = មូលដ្ឋានទិន្នន័យគ្មានការអ៊ិនគ្រីប និងគ្មានឯកសារសោ (សម្រាប់តែការវាស់ល្បឿន និងការបំបាត់កំហុស)
cli-help-arg-allow-orphaned-records = នាំចូលទោះបីកំណត់ត្រាដែលបានប្រមូលនឹងចង្អុលទៅមេតាដាតាដែលការនាំចូលខ្វះក៏ដោយ (ទម្រង់របស់វាមិនអាចបើកបានទេ រហូតដល់មេតាដាតាដែលមានវាត្រូវបាននាំចូលម្ដងទៀត)
cli-help-arg-import-files = ឯកសារមេតាដាតា៖ ការនាំចេញ /api/metadata ឬចម្លើយរបស់ DHIS2 API
cli-help-arg-summary-json = វត្ថុ JSON មួយ ដែលមានកូនសោជាឈ្មោះបណ្ដុំ DHIS2
cli-help-arg-vectors-file = ឯកសារវ៉ិចទ័រ (បន្ទាត់ JSON)
cli-help-arg-vectors-json = វត្ថុ JSON មួយសម្រាប់វ៉ិចទ័រនីមួយៗលើ stdout
cli-help-arg-expression = កន្សោម ឧ. 'd2:round(#{"{"}weight{"}"} * 2.2, 1)'
cli-help-arg-var = អថេរវិធាន អានដោយ #{"{"}NAME{"}"} និង A{"{"}NAME{"}"}។ TYPE គឺ NUMBER, TEXT (ឬ STRING), BOOLEAN ឬ DATE អក្សរតូចឬធំក៏បាន។ VALUE ទទេមានន័យថាគ្មានតម្លៃ។ អាចផ្ដល់ច្រើនដង
cli-help-arg-constant = ចំនួនថេរ អានដោយ C{"{"}UID{"}"} ជា NUMBER។ អាចផ្ដល់ច្រើនដង
cli-help-arg-env = អថេរបរិស្ថាន អានដោយ V{"{"}NAME{"}"}៖ ឈ្មោះ *_date ជា DATE ឈ្មោះ *_count ជា NUMBER ផ្សេងទៀតជា TEXT។ VALUE ទទេមានន័យថាគ្មានតម្លៃ។ អាចផ្ដល់ច្រើនដង
cli-help-arg-lint-files = ការនាំចេញ /api/metadata ឬចម្លើយ API (programRules, programRuleVariables, programs, dataElements, trackedEntityAttributes, constants, validationRules, ...)
cli-help-arg-lint-json = បោះពុម្ពវត្ថុ JSON មួយសម្រាប់ការរកឃើញនីមួយៗ បន្ទាប់មកវត្ថុសរុបមួយ ({"{"}"summary": {"{"}...{"}"}{"}"})
cli-help-arg-script = ស្គ្រីប (មើល SCRIPT FORMAT ខាងក្រោម)
cli-help-arg-form-json = វត្ថុ JSON មួយសម្រាប់ជំហាននីមួយៗ ជំនួសឱ្យបន្ទាត់អត្ថបទ
cli-help-arg-time-zone = តំបន់ម៉ោងរបស់ឧបករណ៍ ឈ្មោះ IANA៖ កាលបរិច្ឆេទថ្ងៃនេះ និងត្រាពេលវេលាដែលសរសេរ អនុវត្តតាមវា

## កំហុសការប្រើ (ជាភាសាខ្មែរ ភាសាអង់គ្លេសបង្ហាញអត្ថបទផ្ទាល់របស់ clap)
cli-help-default = លំនាំដើម៖ { $value }
cli-usage-unknown-argument = អាគុយម៉ង់ '{ $argument }' មិនត្រូវបានរំពឹងទុកទេ
cli-usage-unknown-command = មិនស្គាល់ពាក្យបញ្ជា '{ $command }' ទេ
cli-usage-invalid-value = តម្លៃ '{ $value }' មិនត្រឹមត្រូវសម្រាប់ '{ $argument }' (តម្លៃដែលអាចប្រើ៖ { $valid })
cli-usage-bad-value = តម្លៃ '{ $value }' មិនត្រឹមត្រូវសម្រាប់ '{ $argument }'៖ { $problem }
cli-usage-missing-argument = មិនបានផ្ដល់អាគុយម៉ង់ដែលត្រូវការទាំងនេះទេ៖ { $arguments }
cli-usage-try-help = សម្រាប់ព័ត៌មានបន្ថែម សូមសាកល្បង '--help'។
