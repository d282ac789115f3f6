# The local database: opening it, its key, captured records and their sync states (core::store).

## Opening the database
store-open = cannot open database { $path }: check that its folder exists and can be written to ({ $detail })
store-not-found = there is no database at { $path }
store-wrong-key-or-not-a-database = database { $path } cannot be read with this key: the key is wrong, the file is encrypted and no key was given, or it is not a Phum database
store-newer-schema = database { $path } has schema version { $found }, newer than this build of Phum knows ({ $known }); update the app
store-migration = migrating database { $path } to schema version { $version } failed, the database was left as it was; please report this to your supervisor ({ $detail })
store-corrupt-row = stored { $collection } { $uid } cannot be read back; import the metadata again ({ $detail })
store-not-empty-for-demo = database { $path } already holds data or is a demo database already, so it cannot be made a demo database
store-sql = database error: { $detail }; please report this to your supervisor

## The database key (64 hexadecimal characters)
store-key-wrong-length = a database key is 64 hexadecimal characters; this one has { $length } { $length ->
        [one] character
       *[other] characters
    }
store-key-not-hex = a database key is 64 hexadecimal characters; character { $position } is not 0-9 or a-f

## Captured records
store-record-tracked-entity = person
store-record-enrollment = enrollment
store-record-event = event
store-record-not-found = { $kind } { $uid } is not in the store

## Sync states, as the sync screen shows them
store-sync-state-to-post = Not sent
store-sync-state-to-update = Changed, not sent
store-sync-state-uploading = Sending
store-sync-state-synced = Sent
store-sync-state-warning = Warning
store-sync-state-error = Error
