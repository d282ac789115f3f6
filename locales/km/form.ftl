# ទម្រង់ (core::form)៖ អ្វីដែលទម្រង់បដិសេធ និងមូលហេតុ អ្វីដែលវានិយាយ និងពាក្យរបស់វា។

## កំណត់ត្រា និងវត្ថុមេតាទិន្នន័យ ដូចដែលកំហុសហៅវា
form-record-event = ព្រឹត្តិការណ៍ { $uid }
form-record-enrollment = ការចុះឈ្មោះ { $uid }
form-record-data-set = សំណុំទិន្នន័យ { $data_set } សម្រាប់ { $period } នៅ { $org_unit } ({ $attribute_option_combo })
form-object-category-combo = បន្សំប្រភេទ
form-object-data-element = ធាតុទិន្នន័យ
form-object-data-set = សំណុំទិន្នន័យ
form-object-enrollment = ការចុះឈ្មោះ
form-object-event = ព្រឹត្តិការណ៍
form-object-org-unit = អង្គភាព
form-object-program = កម្មវិធី
form-object-program-stage = ដំណាក់កាលកម្មវិធី
form-object-tracked-entity = បុគ្គល
form-object-tracked-entity-attribute = លក្ខណៈបុគ្គល
form-enrollment-active = សកម្ម
form-enrollment-completed = បានបញ្ចប់
form-enrollment-cancelled = បានលុបចោល

## ហេតុអ្វីវាល ឬទម្រង់មិនទទួលការកែប្រែ
form-read-only-greyed-cell = ក្រឡាពណ៌ប្រផេះ
form-read-only-assigned-by-rule = តម្លៃរបស់វាត្រូវបានកំណត់ដោយច្បាប់កម្មវិធី
form-scope-not-in-user-scope = វាមិនមែនជាអង្គភាពបញ្ចូលទិន្នន័យរបស់អ្នក ឬនៅក្រោមអង្គភាពណាមួយនោះទេ
form-scope-not-assigned = { $to } មិនត្រូវបានចាត់ឱ្យអង្គភាពនេះទេ
form-program-needs-enrollment = កម្មវិធីមានការចុះឈ្មោះ៖ ព្រឹត្តិការណ៍ត្រូវការការចុះឈ្មោះ
form-program-has-no-enrollments = កម្មវិធីព្រឹត្តិការណ៍៖ ព្រឹត្តិការណ៍របស់វាគ្មានការចុះឈ្មោះទេ
form-program-has-no-registration = កម្មវិធីព្រឹត្តិការណ៍៖ វាគ្មានការចុះឈ្មោះទេ
form-program-no-tracked-entity-type = គ្មានប្រភេទបុគ្គលដែលត្រូវតាមដាន
form-input-window-not-listed = វាគ្មានរយៈពេលបញ្ចូលទិន្នន័យទេ
form-input-window-between = បើកពី { $opens } ដល់ { $closes }

## កំហុស
form-unknown-field = { $record } គ្មានវាល { $field } ទេ។
form-hidden-field = វាល { $field } នៃ { $record } ត្រូវបានលាក់ដោយច្បាប់កម្មវិធី ហើយមិនទទួលតម្លៃទេ។
form-read-only-field = វាល { $field } នៃ { $record } មិនអាចកែបានទេ ({ $why })។
form-invalid-value = វាល { $field }៖ '{ $value }' — { $problem }
form-option-not-in-set = វាល { $field }៖ '{ $code }' មិនមែនជាជម្រើសនៃសំណុំជម្រើសរបស់វាទេ។
form-option-hidden = វាល { $field }៖ ជម្រើស '{ $code }' ត្រូវបានលាក់ដោយច្បាប់កម្មវិធី។
form-future-date = វាល { $field }៖ { $date } ស្ថិតនៅអនាគត (ថ្ងៃនេះគឺ { $today }) ហើយវាលនេះមិនអនុញ្ញាតកាលបរិច្ឆេទអនាគតទេ។
form-not-unique = វាល { $field }៖ '{ $value }' ត្រូវបានប្រើរួចហើយដោយបុគ្គល { $other }។ តម្លៃនេះមិនត្រូវស្ទួនទេ។
form-org-unit-out-of-scope = អង្គភាព { $org_unit } នៅក្រៅដែនបញ្ចូលទិន្នន័យរបស់អ្នក៖ { $problem }។
form-no-capture-scope = គ្មានអ្នកប្រើដែលបានចូល ហើយក៏គ្មានអង្គភាពបញ្ចូលទិន្នន័យដែរ។
form-not-found = { $kind } { $uid } មិនមាននៅក្នុងទិន្នន័យលើឧបករណ៍ទេ។
form-stage-not-in-program = ដំណាក់កាលកម្មវិធី { $stage } មិនមែនជារបស់កម្មវិធី { $program } ទេ។
form-wrong-program-type = កម្មវិធី { $program }៖ { $why }។
form-enrollment-not-in-program = ការចុះឈ្មោះ { $enrollment } ស្ថិតក្នុងកម្មវិធី { $found } មិនមែន { $expected } ទេ។
form-invalid-period = កំឡុងពេល '{ $period }' មិនត្រូវនឹងសំណុំទិន្នន័យ { $data_set } ទេ៖ { $problem }
form-period-in-future = កំឡុងពេល { $period } ស្ថិតនៅអនាគត៖ សំណុំទិន្នន័យ { $data_set } បើកតែ { $open_future_periods } កំឡុងពេលអនាគតប៉ុណ្ណោះ។
form-period-expired = កំឡុងពេល { $period } បានផុតកំណត់នៅ { $expired_on }៖ សំណុំទិន្នន័យ { $data_set } អនុញ្ញាត { $expiry_days } ថ្ងៃក្រោយកំឡុងពេល។
form-period-closed = កំឡុងពេល { $period } នៃសំណុំទិន្នន័យ { $data_set } បានបិទសម្រាប់ការបញ្ចូលទិន្នន័យ ({ $window })។
form-invalid-attribute-option-combo = បន្សំជម្រើសលក្ខណៈ { $combo } មិនមែនជារបស់សំណុំទិន្នន័យ { $data_set } ទេ។
form-changed-elsewhere = { $record } ត្រូវបានកែប្រែនៅកន្លែងផ្សេង ចាប់តាំងពីទម្រង់នេះបានអានវា។ សូមបើកទម្រង់ឡើងវិញ។
form-already-completed = { $record } បានបញ្ចប់ហើយ។ សូមបើកវាឡើងវិញដើម្បីកែប្រែ។
form-completion-refused = មិនអាចបញ្ចប់ { $record } បានទេ៖ { $reasons }
form-no-default-category-combo = គ្មានបន្សំប្រភេទលំនាំដើមក្នុងទិន្នន័យលើឧបករណ៍ទេ។
form-empty-category-combo = បន្សំប្រភេទ { $combo } គ្មានបន្សំជម្រើសប្រភេទទេ។
form-date-required = { $field } មិនអាចទុកទទេបានទេ។
form-stage-not-repeatable = ដំណាក់កាលកម្មវិធី { $stage } មិនអាចធ្វើម្ដងទៀតបានទេ ហើយការចុះឈ្មោះនេះមានព្រឹត្តិការណ៍ { $existing } រួចហើយ។
form-bad-field-key = កូនសោវាល '{ $field }' មិនមែនជា UID (ឬ deUid.cocUid) ទេ។
form-enrollment-not-active = ការចុះឈ្មោះ { $enrollment } { $status }៖ មិនអាចកែប្រែ ឬបន្ថែមព្រឹត្តិការណ៍របស់វាបានទេ។ សូមបើកការចុះឈ្មោះឡើងវិញជាមុនសិន។
form-enrollment-status-unchanged = ការចុះឈ្មោះ { $enrollment } { $status } រួចហើយ។
form-active-enrollment-exists = មិនអាចបើកការចុះឈ្មោះ { $enrollment } ឡើងវិញបានទេ៖ ការចុះឈ្មោះ { $other } របស់បុគ្គលនេះក្នុងកម្មវិធី { $program } កំពុងសកម្ម។
form-enrolled-once = កម្មវិធី { $program } ចុះឈ្មោះបុគ្គលម្នាក់តែម្ដង ហើយការចុះឈ្មោះ { $other } របស់បុគ្គលនេះ { $status }៖ ការចុះឈ្មោះ { $enrollment } មិនអាចក្លាយជាសកម្ម ឬបានបញ្ចប់ទេ។
form-already-enrolled = បុគ្គល { $tracked_entity } បានចុះឈ្មោះក្នុងកម្មវិធី { $program } រួចហើយ៖ ការចុះឈ្មោះ { $other } របស់គាត់កំពុងសកម្ម។
form-only-enroll-once = កម្មវិធី { $program } ចុះឈ្មោះបុគ្គលម្នាក់តែម្ដង ហើយបុគ្គល { $tracked_entity } មានការចុះឈ្មោះ { $other } ដែល{ $status }។
form-tracked-entity-type-mismatch = បុគ្គល { $tracked_entity } ជាប្រភេទ { $found } ប៉ុន្តែកម្មវិធី { $program } ចុះឈ្មោះប្រភេទ { $expected }។
form-no-data-write-access = អ្នកអាចអានបាន ប៉ុន្តែមិនអាចសរសេរទិន្នន័យនៃកម្មវិធី { $program } បានទេ។
form-schedule-failed = មិនបានបញ្ចប់ទេ៖ ការបង្កើតព្រឹត្តិការណ៍បន្ទាប់បានបរាជ័យ៖ { $problem }

## ហេតុអ្វីការបញ្ចប់ត្រូវបានបដិសេធ (មូលហេតុមួយៗ)
form-refusal-mandatory-empty = '{ $label }' ចាំបាច់ត្រូវបំពេញ ប៉ុន្តែនៅទទេ
form-refusal-field-error = { $label }៖ { $message }
form-refusal-validation-rule = ច្បាប់ផ្ទៀងផ្ទាត់ '{ $name }' ({ $rule }) ត្រូវបានបំពាន
form-refusal-validation-rule-instruction = ច្បាប់ផ្ទៀងផ្ទាត់ '{ $name }' ({ $rule }) ត្រូវបានបំពាន៖ { $instruction }

## អ្វីដែលទម្រង់បង្ហាញ
# អត្ថបទរបស់ច្បាប់កម្មវិធី (ខ្លឹមសារពីមេតាទិន្នន័យ ជាភាសារបស់អ្នកអាននៅពេលមានការបកប្រែ និងទិន្នន័យរបស់វា)។
form-rule-text = { $text }
form-duplicates-not-looked-for = មិនអាចស្វែងរកអ្នកដែលអាចស្ទួនបានទេ៖ { $problem }
form-label-event-date = កាលបរិច្ឆេទព្រឹត្តិការណ៍
form-label-enrollment-date = កាលបរិច្ឆេទចុះឈ្មោះ
form-label-incident-date = កាលបរិច្ឆេទកើតហេតុ
form-value-yes = បាទ/ចាស
form-value-no = ទេ
