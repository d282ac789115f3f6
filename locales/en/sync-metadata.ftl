# The metadata download (core::sync::metadata::MetadataOutcome).
sync-metadata-imported = Forms and lists updated: { $objects } items from the server ({ $requests } requests, { $kilobytes } KB).
sync-metadata-unchanged = Forms and lists are up to date; nothing changed on the server ({ $requests } requests, { $kilobytes } KB).
