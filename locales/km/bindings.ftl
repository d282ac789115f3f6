# What the app's bindings to the core say of their own (phum-bindings), in Khmer.

bindings-bad-uid = { $what } “{ $value }” មិនមែនជាលេខសម្គាល់ DHIS2 ទេ (អក្សរ និងលេខ ១១ តួ ចាប់ផ្តើមដោយអក្សរ)។
bindings-unknown-language = Phum មិនមានអត្ថបទជាភាសា “{ $code }” ទេ៖ សូមជ្រើសរើសភាសាខ្មែរ (km) ឬអង់គ្លេស (en)។
bindings-bad-date = “{ $value }” មិនមែនជាកាលបរិច្ឆេទទេ (សូមសរសេរជា 2026-12-05)។
bindings-form-closed = ទម្រង់នេះត្រូវបានបិទហើយ។ សូមបើកវាម្តងទៀតដើម្បីបន្ត។
bindings-internal-error = មានបញ្ហាកើតឡើងនៅក្នុង Phum។ អ្វីដែលអ្នកបានរក្សាទុកពីមុននៅតែមាន។ សូមព្យាយាមម្តងទៀត ហើយប្រាប់អ្នកគ្រប់គ្រងរបស់អ្នក ប្រសិនបើវាកើតឡើងម្តងទៀត។
bindings-sync-running = ការធ្វើសមកាលកម្មកំពុងដំណើរការរួចហើយ។ សូមរង់ចាំឱ្យវាបញ្ចប់។
bindings-sign-in-first = សូមចូលប្រើម្តងទៀតមុនពេលធ្វើសមកាលកម្ម៖ Phum រក្សាពាក្យសម្ងាត់របស់អ្នកតែរហូតដល់កម្មវិធីបិទប៉ុណ្ណោះ។
