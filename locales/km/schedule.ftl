# កាលវិភាគ និងបញ្ជីការងារ (core::schedule)។

schedule-not-found = { $kind } { $uid } មិនមាននៅក្នុងទិន្នន័យលើឧបករណ៍ទេ។
schedule-date-out-of-range = ដំណាក់កាលកម្មវិធី { $stage }៖ { $days } ពី { $from } ស្ថិតនៅក្រៅប្រតិទិនដែលកម្មវិធីគាំទ្រ។
schedule-bad-page-limit = ទំព័រមួយនៃបញ្ជីការងារមាន 1 ដល់ { $max } ជួរ មិនមែន { $limit } ទេ។

## ស្ថានភាពព្រឹត្តិការណ៍ថ្ងៃនេះ (ផ្ទាំងសង្ខេប បញ្ជីការងារ)
schedule-state-completed = បានបញ្ចប់
schedule-state-open = កំពុងបើក
schedule-state-scheduled = បានកំណត់ពេល
schedule-state-overdue = ហួសកាលកំណត់
schedule-state-skipped = បានរំលង

## ពេលដែលការមកពិនិត្យលើបញ្ជីការងារដល់កំណត់
schedule-due-today = ដល់កំណត់ថ្ងៃនេះ
schedule-due-overdue = ហួសកាលកំណត់ { $days }
schedule-due-in = ដល់កំណត់ក្នុងរយៈពេល { $days }ទៀត
