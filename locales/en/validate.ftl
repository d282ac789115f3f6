# Validation: values against their value types, and aggregate validation rules (core::validate).

## A value that does not fit its value type: "'abc' is not a valid value of type “Whole number”: ..."
validate-value-invalid = not a valid value of type “{ $value_type }”: { $problem }
validate-value-text-too-long = { $length } characters, at most { $max } are allowed
validate-value-email = expected an e-mail address such as name@example.org
validate-value-phone-number = expected 4 to 20 characters of digits, spaces and + - ( ), ending in a digit
validate-value-url = expected a web address such as https://dhis2.org
validate-value-date = expected a date written yyyy-MM-dd, such as 2025-03-14
validate-value-date-time = expected a date and time written yyyy-MM-ddTHH:mm, such as 2025-03-14T08:30
validate-value-time = expected a 24-hour time written HH:mm, such as 08:30
validate-value-coordinate = expected [longitude,latitude] such as [104.9160,11.5564]
validate-value-boolean-zero-is-not-false = write "false", not "0"
validate-value-boolean-one-is-not-true = write "true", not "1"
validate-value-boolean-malformed = expected "true" or "false"
validate-value-true-only-false-is-not-allowed = only "true" is allowed; leave the field empty for no
validate-value-true-only-one-is-not-true = write "true", not "1"
validate-value-true-only-malformed = expected "true"
validate-value-letter-empty = expected one letter, the value is empty
validate-value-letter-more-than-one = expected exactly one letter
validate-value-letter-not-a-letter = expected one letter from A to Z or a to z
validate-value-uid-too-short = expected 11 letters or digits, the value is shorter
validate-value-uid-too-long = expected 11 letters or digits, the value is longer
validate-value-uid-malformed = expected 11 letters or digits (A-Z, a-z, 0-9)
validate-value-number-not-a-number = expected a number such as 12, -3 or 4.75
validate-value-number-leading-zero = leading zeros are not allowed (write 5.2, not 005.2)
validate-value-number-scientific-notation = scientific notation such as 3e-1 is not allowed
validate-value-unit-interval-not-a-number = expected a number from 0 to 1, such as 0.25
validate-value-unit-interval-scientific-notation = scientific notation such as 3e-1 is not allowed
validate-value-unit-interval-greater-than-one = must be at most 1
validate-value-unit-interval-smaller-than-zero = must be at least 0
validate-value-percentage-not-a-whole-number = expected a whole number from 0 to 100
validate-value-percentage-greater-than-100 = must be at most 100
validate-value-percentage-negative = must be at least 0
validate-value-integer-not-a-whole-number = expected a whole number such as 12 or -3
validate-value-integer-leading-zero = leading zeros are not allowed (write 34, not 0034)
validate-value-integer-overflow = must be between -2147483648 and 2147483647
validate-value-integer-zero = zero is not allowed
validate-value-integer-negative = must not be negative
validate-value-integer-positive = must be less than zero

## Aggregate validation rules: why a rule could not be decided
validate-side-left = Left side
validate-side-right = Right side
validate-rule-side-does-not-parse = { $side } does not parse: { $error }
validate-rule-side-cannot-be-evaluated = { $side } cannot be evaluated: { $error }
validate-rule-side-not-a-number = { $side } is a { $kind }, not a number
validate-rule-side-not-finite = { $side } is { $value }, which the SDK cannot compare

## Kinds of values in rule expressions
validate-kind-number = number
validate-kind-text = text
validate-kind-boolean = true/false value
validate-cast = could not use '{ $value }' ({ $from }) as a { $to }

## Evaluating a rule expression
validate-eval-missing-constant = no constant { $constant }
validate-eval-missing-org-unit-group-count = no member count for org unit group { $group }
validate-eval-null-comparison = null compared with a value in { $function }()
validate-eval-null-argument = null argument to { $function }()
validate-arith-not-finite = the number { $number } has no decimal value (NaN or infinite)
validate-arith-division-by-zero = division by zero
validate-arith-invalid-power = invalid power: exponent { $exponent } is too large
validate-arith-overflow = number out of the decimal range

## Parsing a rule expression
validate-parse-at = at character { $position }: { $problem }
validate-parse-empty = the expression is empty
validate-parse-unexpected-char = unexpected character '{ $char }'
validate-parse-unclosed-brace = an item opened with '{"{"}' is not closed with '{"}"}'
validate-parse-unclosed-string = a string is not closed
validate-parse-bad-escape = unknown escape sequence in a string
validate-parse-bad-number = '{ $text }' is not a number
validate-parse-unexpected-number = unexpected number { $text }
validate-parse-unexpected-text = unexpected string { $text }
validate-parse-unexpected-item = unexpected item { $text }
validate-parse-unexpected-function = unexpected function { $text }
validate-parse-unexpected-word = unexpected word '{ $text }'
validate-parse-unexpected-symbol = unexpected '{ $text }'
validate-parse-unexpected-end = the expression ends too early
validate-parse-unknown-function = unknown function '{ $name }'
validate-parse-unknown-word = unknown word '{ $word }'
validate-parse-unsupported-item = items '{ $kind }{"{"}...{"}"}' are not supported in validation rules
validate-parse-bad-item-uid = '{ $text }' is not a valid item: '{ $part }' is not a UID (a letter and 10 letters or digits)
validate-parse-bad-item-shape = '{ $text }' is not a valid item: expected #{"{"}de{"}"}, #{"{"}de.coc{"}"}, #{"{"}de.coc.aoc{"}"} or #{"{"}de.*.aoc{"}"}
validate-parse-arguments-exactly = { $count }
validate-parse-arguments-between = { $min } to { $max }
validate-parse-arguments-at-least = at least { $count }
validate-parse-wrong-argument-count = { $function }() takes { $expected } arguments, found { $found }
validate-parse-too-deep = the expression is nested more than { $max } levels deep

## Why a rule was not run
validate-not-run-skip-form-validation = not run: the rule is set to skip form validation
validate-not-run-org-unit-level = not run: the rule does not apply to organisation units at level { $level }
