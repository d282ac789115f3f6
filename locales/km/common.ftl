# ពាក្យ និងទម្រង់រួម៖ កាលបរិច្ឆេទ កំឡុងពេល ឯកតា និងកំហុសនៃបញ្ជីសាររបស់កម្មវិធី (core::i18n)។ ពាក្យបច្ចេកទេស៖ locales/GLOSSARY.md

## កាលបរិច្ឆេទ (ថ្ងៃមុន ខែ និងឆ្នាំតាមក្រោយ ដូចបញ្ជីសុខាភិបាលនៅកម្ពុជា)
date-long = { $day } { $month } { $year }
month-1 = មករា
month-2 = កុម្ភៈ
month-3 = មីនា
month-4 = មេសា
month-5 = ឧសភា
month-6 = មិថុនា
month-7 = កក្កដា
month-8 = សីហា
month-9 = កញ្ញា
month-10 = តុលា
month-11 = វិច្ឆិកា
month-12 = ធ្នូ
weekday-mon = ច័ន្ទ
weekday-tue = អង្គារ
weekday-wed = ពុធ
weekday-thu = ព្រហស្បតិ៍
weekday-fri = សុក្រ
weekday-sat = សៅរ៍
weekday-sun = អាទិត្យ

## កំឡុងពេល
period-day = { $date }
period-week = សប្ដាហ៍ទី { $week } ឆ្នាំ { $year }
period-biweek = ពីរសប្ដាហ៍ទី { $biweek } ឆ្នាំ { $year }
period-month = { $month } { $year }
period-quarter = ត្រីមាសទី { $quarter } ឆ្នាំ { $year }
period-year = ឆ្នាំ { $year }
period-range = { $start } – { $end }

## ឯកតា
unit-days = { $count } ថ្ងៃ

## កំហុសនៃបញ្ជីសារផ្ទាល់ (បញ្ហារបស់កម្មវិធី Phum មិនមែនកំហុសរបស់អ្នកប្រើទេ)
i18n-unknown-id = អត្ថបទ «{ $id }» បាត់ពីការបកប្រែ ({ $lang }) របស់ Phum។ សូមរាយការណ៍បញ្ហានេះទៅអ្នកគ្រប់គ្រងរបស់អ្នក។
i18n-bad-message = អត្ថបទ «{ $id }» ក្នុងការបកប្រែ ({ $lang }) របស់ Phum មានបញ្ហា ({ $problems })។ សូមរាយការណ៍បញ្ហានេះទៅអ្នកគ្រប់គ្រងរបស់អ្នក។

## បណ្ដោះអាសន្ន៖ សារដែលមិនទាន់បកប្រែ បង្ហាញជាភាសាអង់គ្លេស។
untranslated = { $text }
