# ច្បាប់កម្មវិធី (core::rules)៖ ការផ្ទុកច្បាប់ និងច្បាប់ដែលមិនអាចវាយតម្លៃបាន។

rules-program-not-found = កម្មវិធី { $program } មិនមាននៅក្នុងទិន្នន័យលើឧបករណ៍ទេ។
rules-missing-action = ច្បាប់កម្មវិធី { $rule } រាយសកម្មភាព { $action } ដែលមិនមាននៅក្នុងទិន្នន័យលើឧបករណ៍ទេ។

## ច្បាប់ដែលមិនអាចវាយតម្លៃបាន
rules-condition-failed = មិនអាចវាយតម្លៃច្បាប់ "{ $rule_name }" ({ $rule }) បានទេ។ លក្ខខណ្ឌ { $condition } របស់វាបរាជ័យ៖ { $cause }
rules-action-failed = មិនអាចដំណើរការសកម្មភាព { $action } នៃច្បាប់ "{ $rule_name }" ({ $rule }) បានទេ៖ { $cause }
rules-malformed-assign-target = សកម្មភាព ASSIGN គ្មានវាល ហើយខ្លឹមសារ "{ $content }" របស់វាមិនដាក់ឈ្មោះអថេរជា #{"{"}name{"}"} ទេ
rules-unsupported-action = សកម្មភាពដែលមិនគាំទ្រ៖ { $why }
rules-unsupported-no-location = DISPLAYKEYVALUEPAIR គ្មានទីតាំងបង្ហាញទេ
rules-unsupported-no-section = HIDESECTION គ្មានផ្នែកនៃដំណាក់កាលកម្មវិធីទេ
rules-unsupported-no-program-stage = សកម្មភាពនេះគ្មានដំណាក់កាលកម្មវិធីទេ
rules-unsupported-assign-without-target = ASSIGN គ្មានទាំងវាល និងខ្លឹមសារ
rules-unsupported-no-option = HIDEOPTION គ្មានជម្រើសទេ
rules-unsupported-no-option-group = សកម្មភាពនេះគ្មានក្រុមជម្រើសទេ
rules-unsupported-server-message = សារត្រូវបានផ្ញើដោយម៉ាស៊ីនមេ មិនមែនដោយកម្មវិធីនេះទេ
rules-unsupported-unknown-type = ប្រភេទសកម្មភាព { $action_type } មិនស្គាល់ទេ
