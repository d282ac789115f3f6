# ការទាញយកទម្រង់ និងបញ្ជី (core::sync::metadata::MetadataOutcome)។
sync-metadata-imported = បានធ្វើបច្ចុប្បន្នភាពទម្រង់ និងបញ្ជី៖ ធាតុ { $objects } ពីម៉ាស៊ីនមេ (សំណើ { $requests }, { $kilobytes } KB)។
sync-metadata-unchanged = ទម្រង់ និងបញ្ជីទាន់សម័យហើយ គ្មានអ្វីផ្លាស់ប្តូរនៅលើម៉ាស៊ីនមេទេ (សំណើ { $requests }, { $kilobytes } KB)។
