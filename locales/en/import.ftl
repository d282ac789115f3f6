# The metadata import and the readers of whole JSON documents: which file, which object, which
# field, and what is wrong there (core::store::import).

## What a reader expects a document to be
import-expected-metadata = a JSON object with metadata collections (like {"{"}"programs": [...]{"}"})
import-expected-form-script = a form script: a JSON object with "steps" (see phum form run --help)
import-expected-expression-vectors = expression test vectors, one JSON object per line

## A file that is not one JSON object
import-document-empty = { $file }: the file is empty; expected { $expected }
import-document-truncated = { $file }: the JSON ends early (line { $line }, column { $column }): the file is truncated
import-document-syntax = { $file }: not valid JSON at line { $line }, column { $column }: { $problem }
import-document-not-an-object = { $file }: expected { $expected }, found { $found }
import-json-kind-object = an object
import-json-kind-list = a list
import-json-kind-text = a string
import-json-kind-number = a number
import-json-kind-boolean = a boolean
import-json-kind-null = null
import-json-kind-not-json = something that is not JSON
import-json-expected-object = expected `{"{"}`
import-json-expected-key = expected a key in double quotes
import-json-bad-key = bad key: { $detail }
import-json-expected-colon = expected `:` after a key
import-json-expected-value = expected a JSON value
import-json-expected-comma-or-bracket = expected `,` or `]` after a list entry
import-json-expected-comma-or-brace = expected `,` or `{"}"}` after a value
import-json-trailing-content = more JSON after the end of the document
# serde_json's own words ("expected `:`", "trailing characters").
import-json-parser = { $detail }

## Limits that stop hostile input
import-limit-long-key = a key longer than { $kib } KiB
import-limit-large-object = one object larger than { $mib } MiB (it starts at line { $start_line }, column { $start_column })
import-limit-nesting = nesting deeper than { $max } levels
import-limit-long-string = a string longer than { $mib } MiB
import-split-io = cannot read: { $detail }
import-split-truncated = ends early at line { $line }, column { $column }
import-split-syntax = { $problem } at line { $line }, column { $column }
import-split-limit = { $limit } at line { $line }, column { $column }

## Objects as messages name them
import-object-named = { $kind } '{ $name }' ({ $uid })
import-object = { $kind } { $uid }
import-name-quoted = '{ $name }'
import-name-none = an unnamed one

## Why an import was refused (nothing was changed)
import-io-not-found = { $file }: cannot read: there is no such file
import-io-permission-denied = { $file }: cannot read: permission denied
import-io = { $file }: cannot read: { $detail }
import-limit = { $file }: refused: { $limit } at line { $line }, column { $column }
import-invalid = { $file }: { $location }: { $problem }
import-invalid-not-a-list = expected a list of { $collection } (line { $line }, column { $column })
# serde's own words: a missing field, a wrong type, an unknown value type, a malformed UID.
import-invalid-decode = { $detail }
import-invalid-encode = cannot be stored as JSON: { $detail }
import-field = { $file }: { $location }: { $object }: { $field }: { $problem }
import-duplicate-uid = { $file }: { $location }: UID { $uid } is used twice in { $collection }, with different content: { $first } and { $second }
import-missing-reference = { $file }: { $object }: { $field } points to { $target_uid }, which is not among the { $target } imported
import-missing-references =
    { $total ->
        [one] { $total } reference points to an object that is not in the import: { $references }
       *[other] { $total } references point to objects that are not in the import: { $references }
    }
import-missing-references-first = { $total } references point to objects that are not in the import (first { $shown } shown): { $references }
import-orphan = { $object } has no { $owner }
import-orphans =
    { $count ->
        [one] { $count } object belongs to nothing: { $orphans }
       *[other] { $count } objects belong to nothing: { $orphans }
    }
import-no-sources = no metadata sources given
import-no-metadata =
    { $sources } { $count ->
        [one] holds
       *[other] hold
    } no metadata: not one program, organisation unit, data element or other object of a collection Phum stores; nothing was changed
import-no-metadata-found-only =
    { $sources } { $count ->
        [one] holds
       *[other] hold
    } no metadata: not one program, organisation unit, data element or other object of a collection Phum stores (found only: { $ignored }); nothing was changed
import-would-orphan-records = the import lacks metadata that captured records use, so nothing was changed: { $records }
import-orphaned-records =
    { $collection }: { $missing } missing ({ $first }), used by { $records } captured { $records ->
        [one] record
       *[other] records
    }
import-orphaned-records-more =
    { $collection }: { $missing } missing ({ $first }, ...), used by { $records } captured { $records ->
        [one] record
       *[other] records
    }

## What is wrong with one field of one object
import-field-empty-name = the name is empty
import-field-tracker-program-without-type = a tracker program (WITH_REGISTRATION) needs a tracked entity type
import-field-action-needs = action { $action } needs { $needs }
import-action-needs-field = a data element or tracked entity attribute
import-action-needs-assign-target = a field to assign to (data element, attribute, or a variable name in content)
import-action-needs-section = a program stage section
import-action-needs-stage = a program stage
import-action-needs-option = an option
import-action-needs-option-group = an option group
import-field-option-without-code = an option needs a code: the code is the value that is stored and sent
import-field-path-not-uids = '{ $path }' is not a path of UIDs like /ImspTQPwCqd/O6uvpzGd5pu
import-field-path-not-own-uid = path '{ $path }' does not end with the unit's own UID
import-field-level-not-path =
    level { $level } does not match path '{ $path }' ({ $depth } { $depth ->
        [one] level
       *[other] levels
    } deep)
import-field-parent-not-in-path = parent does not match path '{ $path }'
import-field-closed-before-opened = closed { $closed } before it opened { $opened }
import-field-level-zero = levels start at 1
import-field-ends-before-starts = ends { $end } before it starts { $start }
import-field-expiry-days = { $days } is not a number of days
import-field-not-finite = not a finite number
import-field-encode = cannot be stored as JSON: { $detail }
