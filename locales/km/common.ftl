# ពាក្យ និងទម្រង់រួម៖ កាលបរិច្ឆេទ រយៈពេល ឯកតា និងកំហុសនៃកម្រងសារ (core::i18n)។

## កាលបរិច្ឆេទ (ថ្ងៃមុន ដូចបញ្ជីនៅកម្ពុជា)
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

## រយៈពេល
period-day = { $date }
period-week = សប្ដាហ៍ { $week } { $year }
period-biweek = ពីរសប្ដាហ៍ទី { $biweek } { $year }
period-month = { $month } { $year }
period-quarter = ត្រីមាស { $quarter } { $year }
period-year = ឆ្នាំ { $year }
period-range = { $start } – { $end }

## ឯកតា
unit-days = { $count } ថ្ងៃ

## កំហុសនៃកម្រងសារផ្ទាល់ (កំហុសរបស់កម្មវិធី មិនមែនរបស់អ្នកប្រើទេ)
i18n-unknown-id = អត្ថបទ "{ $id }" បាត់ពីការបកប្រែ { $lang } នៃកម្មវិធី។ សូមរាយការណ៍ទៅអ្នកគ្រប់គ្រងរបស់អ្នក។
i18n-bad-message = អត្ថបទ "{ $id }" ក្នុងការបកប្រែ { $lang } នៃកម្មវិធីខូច ({ $problems })។ សូមរាយការណ៍ទៅអ្នកគ្រប់គ្រងរបស់អ្នក។

## បណ្ដោះអាសន្ន៖ សារដែលមិនទាន់បកប្រែ ជាភាសាអង់គ្លេស។
untranslated = { $text }
