# Checking program rules and validation rules in metadata files (core::lint, `phum lint`).

## Files that cannot be checked
lint-bad-object = { $file }: { $path }: not valid DHIS2 metadata ({ $detail })

## A finding, as `phum lint` prints it (file, name, UID and code as they are)
lint-finding = { $file }: { $object } '{ $name }' ({ $uid }){ $part }{ $position }: { $severity }[{ $code }]: { $message }
lint-finding-suggestion = suggestion: { $suggestion }
lint-summary =
    { $files ->
        [one] { $files } file
       *[other] { $files } files
    } checked: { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }
lint-severity-error = error
lint-severity-warning = warning
lint-object-rule = rule
lint-object-variable = variable
lint-object-validation-rule = validation rule
lint-part-condition = condition
lint-part-action = action { $uid } ({ $action_type })
lint-part-left-side = left side
lint-part-right-side = right side
lint-suggest-code = { $code }

## Types and operands, as findings name them
lint-type-number = a number
lint-type-boolean = a boolean
lint-type-text = text
lint-type-date = a date
lint-type-null = null
lint-type-unknown = of unknown type
lint-operand-sign = a sign
lint-operand-operator = '{ $symbol }'
lint-operand-function = { $function }

## Names
lint-unknown-function = unknown function '{ $name }'
lint-did-you-mean = did you mean { $name }?
lint-did-you-mean-variable = did you mean '{ $name }'?
lint-wrong-arity-exact =
    { $count ->
        [one] { $function } takes { $count } argument, found { $found }
       *[other] { $function } takes { $count } arguments, found { $found }
    }
lint-wrong-arity-range = { $function } takes { $min } to { $max } arguments, found { $found }
lint-wrong-arity-at-least =
    { $min ->
        [one] { $function } takes at least { $min } argument, found { $found }
       *[other] { $function } takes at least { $min } arguments, found { $found }
    }
lint-not-environment-variable = { $item } is not an environment variable
lint-unavailable-environment-variable = { $item } is never filled by the Android rule engine: evaluating it fails with 'unknown variable'
lint-unknown-constant = no constant with UID '{ $uid }' in the files; { $item } is read as empty (null)
lint-unknown-uid-item = no rule variable is named '{ $key }'; this UID-shaped item is read as empty (null) unless an ASSIGN to that field ran earlier in the same evaluation
lint-unknown-variable = { $item }: no program rule variable named '{ $name }' in this rule's program

## Types
lint-condition-not-boolean = the condition is { $type_name }: a rule fires only when its condition gives true
lint-condition-is-text = the condition is text: the rule fires only when that text is 'true'
lint-date-text-equal = { $comparison } compares a date with text and is always false (a date never equals a text)
lint-date-text-not-equal = { $comparison } compares a date with text and is always true (a date never equals a text)
lint-date-text-order = { $comparison } compares a date with text and fails with NumberFormatException: the text is read as a number to compare with the date
lint-compare-with-null = '{ $symbol }' with null fails (null pointer)
lint-null-operand = null as an operand of { $what } fails
lint-text-literal-not-number = '{ $text }' is not a number: { $what } reads it as one and fails
lint-date-field-as-number = { $expression } reads { $field } ({ $value_type }), which the Android app passes as text: { $what } reads it as a number and fails
lint-date-field-as-number-fix = compare or subtract dates with d2:daysBetween(a, b)
lint-text-field-as-number = { $expression } is text ({ $field }, { $value_type }) used with { $what }: it works only while the value is a number; an empty value is '' and fails
lint-text-as-number = { $expression } is text used with { $what }: it works only when the text is a number
lint-fraction-as-boolean = { $number } is not a whole number: { $what } cannot read it as a boolean and fails
lint-number-as-boolean = { $expression } is a number used with { $what }: non-zero whole numbers are true, fractions fail
lint-text-as-boolean = { $expression } is text used with { $what }: it is true only when the text is 'true'
lint-date-as-boolean = { $expression } is a date used with { $what }: a date cannot be read as a boolean
lint-needs-date = { $function } needs dates; { $expression } is { $type_name }
lint-needs-iso-date = { $function } needs dates written yyyy-MM-dd; '{ $text }' is not one

## Upstream quirks
lint-round-negative-precision = d2:round with precision { $precision } fails on Android ("Negative Scale is unsupported")
lint-remainder-literal = { $expression } gives { $got } upstream (bignum 0.3.10 remainder defect), not { $expected }
lint-remainder-literal-fix = { $value } (or write the value)
lint-remainder = { $expression }: upstream's remainder is defective (bignum 0.3.10): 10 % 3 gives 0.1 and d2:modulus(13, 5) gives 0, so the result depends on the operand values
lint-remainder-fix = { $rewrite } (the remainder for operands that are not negative)
lint-quirk-grouping = { $written } is computed as { $now } ({ $why }), not as { $meant } as in normal arithmetic
lint-quirk-grouping-fix = write { $meant } if that is the intent; write { $now } to keep today's result
lint-grouping-before = upstream groups '{ $first }' before '{ $then }'
lint-grouping-left-to-right = upstream groups '{ $operator }' from left to right
lint-grouping-one-kind = upstream groups operators one kind at a time

## Rules, actions and variables as objects
lint-empty-condition = the condition is empty: on Android the rule never fires (the server and web treat it as true)
lint-missing-location = DISPLAYKEYVALUEPAIR without a location: the Android app crashes on it
lint-missing-location-fix = set location to 'feedback' or 'indicators'
lint-missing-section = HIDESECTION without a programStageSection: the Android app turns it into an unsupported action
lint-assign-without-target = ASSIGN with neither a field nor content: the Android app turns it into an unsupported action
lint-assign-content-not-variable = ASSIGN without a field must name a calculated variable in its content as #{"{"}name{"}"}; '{ $content }' is not one (the engine reports 'Malformed variable')
lint-assign-content-not-variable-fix = set dataElement/trackedEntityAttribute, or content to #{"{"}variable name{"}"}
lint-assign-truncation = ASSIGN to { $field } ({ $value_type }): the app truncates a fractional value (2.7 is stored as 2), and this value may be fractional
lint-assign-percentage = ASSIGN to { $field } (PERCENTAGE): the app formats 50 as "50.0", which the PERCENTAGE value check rejects
lint-variable-names-nothing = a { $source_type } variable that names neither a data element nor an attribute is left out by Android Capture: every rule that reads it fails with 'unknown variable'
lint-variable-names-nothing-fix = name the data element or attribute it reads, or make it CALCULATED_VALUE
lint-variable-data-element-missing = its data element { $uid } is not in the files: Android Capture leaves a variable out when its data element is not on the device, and every rule that reads it fails with 'unknown variable'
lint-variable-attribute-missing = its attribute { $uid } is not in the files: Android Capture leaves a variable out when its attribute is not on the device, and every rule that reads it fails with 'unknown variable'
lint-variable-without-data-element = a { $source_type } variable reads a data element, and this one names none: on Android it never has a value (rules see the type's default)
lint-variable-without-stage = a { $source_type } variable without a program stage matches no event: on Android it never has a value (rules see the type's default)
lint-variable-without-attribute = a { $source_type } variable reads an attribute, and this one names none: on Android it never has a value (rules see the type's default)
lint-shadows-environment-variable = the rule variable '{ $name }' has the name of an environment variable: it replaces V{"{"}{ $name }{"}"} in every rule of the program
lint-shadows-environment-variable-fix = rename it, e.g. '{ $name }_value'

## Validation rules
lint-unknown-constant-in-validation-rule = { $item }: no constant with UID '{ $uid }' in the files
lint-unknown-data-element = { $item }: no data element with UID '{ $uid }' in the files
lint-unknown-category-option-combo = { $item }: no category option combo with UID '{ $uid }' in the files
