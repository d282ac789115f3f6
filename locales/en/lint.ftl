# Checking program rules and validation rules in metadata files (core::lint, `phum lint`).

## Files that cannot be checked
lint-bad-object = { $file }: { $path }: not valid DHIS2 metadata ({ $detail })
