# `phum form run` (cli/src/form.rs)៖ ហេតុអ្វីជំហាននៃស្គ្រីបមិនអាចដំណើរការ និងអត្ថបទមួយបន្ទាត់ក្នុងមួយជំហាន។

## ជំហានដែលមិនអាចដំណើរការ
cli-form-missing = ខ្វះវាល '{ $field }'
cli-form-bad-uid = '{ $field }'៖ { $value } មិនមែនជា UID ទេ
cli-form-bad-date = '{ $field }'៖ { $value } មិនមែនជាកាលបរិច្ឆេទ (yyyy-MM-dd) ទេ
cli-form-bad-language = '{ $code }' មិនមែនជាភាសារបស់កម្មវិធីទេ៖ សូមសរសេរ en ឬ km
cli-form-no-form = គ្មានទម្រង់ឈ្មោះ '{ $name }' កំពុងបើកទេ
cli-form-unknown-step = ជំហានមិនស្គាល់ '{ $step }'
cli-form-today-and-now = សូមផ្ដល់ 'today' ឬ 'now' មួយប៉ុណ្ណោះ មិនមែនទាំងពីរទេ
cli-form-bad-instant = 'now'៖ { $value } មិនមែនជាពេលវេលាតាមទម្រង់ RFC 3339 ទេ ({ $detail })
cli-form-script-shape = បន្ទាត់ទី { $line } ជួរឈរទី { $column }៖ មិនមែនជាទម្រង់នៃស្គ្រីបទម្រង់ទេ ({ $detail })

## អ្វីដែលជំហានបានធ្វើ
cli-form-refused = បានបដិសេធ ({ $kind })៖ { $problem }
cli-form-opened = បានបើក "{ $form }"៖ { $title }
cli-form-field-value = { $field }={ $value }
cli-form-field-hidden = { $field } (លាក់)
cli-form-field-read-only = { $field } (អានតែប៉ុណ្ណោះ)
cli-form-changed = បានផ្លាស់ប្ដូរ [{ $fields }]
cli-form-changed-messages = បានផ្លាស់ប្ដូរ [{ $fields }] សារ៖ { $messages }
cli-form-closed = បានបិទទម្រង់នៃ { $record }។ តម្លៃរបស់វាត្រូវបានរក្សាទុក
cli-form-deleted = បានលុបព្រឹត្តិការណ៍ { $event }
cli-form-rows-none = 0 ក្នុងចំណោម { $total } ជួរ
cli-form-rows = ជួរ { $from }-{ $to } ក្នុងចំណោម { $total }
cli-form-enrollment-change = ការចុះឈ្មោះ { $enrollment }៖ { $before } -> { $status }
cli-form-enrollment-change-on = ការចុះឈ្មោះ { $enrollment }៖ { $before } -> { $status } នៅ { $date }
cli-form-dashboard = { $stages } ដំណាក់កាល ខ្វះ { $missing } (ហួសកាលកំណត់ { $overdue })៖ { $names }
cli-form-hits = រកឃើញ { $hits }
cli-form-hits-ignored = រកឃើញ { $hits } (មិនបានស្វែងរក { $ignored } ពាក្យ)
cli-form-language = ឥឡូវជា{ $lang }៖ ទម្រង់កំពុងបើក { $forms }
cli-form-lang-en = ភាសាអង់គ្លេស
cli-form-lang-km = ភាសាខ្មែរ
# លទ្ធផលដែលបង្ហាញដូចដើម (JSON ស្ថានភាពដែលកម្មវិធីមិនស្គាល់)។
cli-form-text = { $text }
