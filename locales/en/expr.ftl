# The expression language of program rules (core::expr): why an expression does not parse or
# cannot be computed. A form shows these as the reason a rule did not run, so each says what is
# wrong and where, in words a health worker can pass on and a metadata designer can act on.

## Tokens, as a parse error names what it found or wanted
expr-token-number = the number { $number }
expr-token-text = a quoted text
expr-token-symbol = '{ $symbol }'
expr-token-end = the end of the expression

## Parsing
expr-parse-error = The expression has an error at character { $position }: { $problem }
expr-parse-too-long =
    { $max ->
        [one] the expression is longer than { $max } character
       *[other] the expression is longer than { $max } characters
    }
expr-parse-too-deep =
    { $max ->
        [one] the expression is nested more than { $max } level deep
       *[other] the expression is nested more than { $max } levels deep
    }
expr-parse-wrong-operator = invalid operator '{ $written }': use { $instead }
expr-parse-unexpected-character = unexpected character '{ $character }'
expr-parse-unclosed-string = a quoted text is not closed
expr-parse-invalid-escape = invalid escape \u{ $hex }: it is not a character
expr-parse-unclosed-item = { $prefix }{"{"} is not closed with {"}"}
expr-parse-unexpected-after-end = unexpected { $found } after the end of the expression
expr-parse-expected-value = expected a value, found { $found }
expr-parse-expected-name = expected a name after '[', found { $found }
expr-parse-expected = expected { $want }, found { $found }
expr-parse-not-a-number = '{ $text }' is not a number
expr-parse-not-environment-variable = V{"{"}{ $name }{"}"} is not an environment variable
expr-parse-constant-needs-uid = C{"{"}{ $content }{"}"} must hold the UID of a constant
expr-parse-invalid-item = invalid value: '{ $content }' in { $prefix }{"{"}...{"}"}
expr-parse-unknown-function = unknown function or constant: '{ $name }'
expr-parse-too-many-arguments =
    { $max ->
        [one] { $function } takes at most { $max } argument
       *[other] { $function } takes at most { $max } arguments
    }
expr-parse-too-few-arguments =
    { $min ->
        [one] { $function } needs at least { $min } argument, but has { $found }
       *[other] { $function } needs at least { $min } arguments, but has { $found }
    }
expr-parse-expected-comma-or-paren = expected ',' or ')' in the arguments of { $function }, found { $found }
expr-parse-constant-not-variable = { $function } needs a variable (#{"{"}..{"}"}, A{"{"}..{"}"}, V{"{"}..{"}"} or a quoted name), not the constant C{"{"}{ $content }{"}"}
expr-parse-needs-variable = { $function } needs a variable (#{"{"}..{"}"}, A{"{"}..{"}"}, V{"{"}..{"}"} or a quoted name), found { $found }
expr-parse-needs-whole-number = { $function } needs a whole number written out here, found { $found }
expr-parse-condition-not-text = { $function } needs its condition as a quoted text, found { $found }
expr-parse-in-condition = the condition text of { $function } has an error at its character { $position }: { $problem }
expr-parse-malformed = operators without operands in this order cannot be computed

## Computing
expr-eval-unknown-variable = The expression uses the variable '{ $name }', which the program does not define.
expr-eval-variable-not-a-number = The variable '{ $name }' has the value '{ $value }', which is not a number.
expr-eval-variable-not-a-date = The variable '{ $name }' has the value '{ $value }', which is not a date (yyyy-MM-dd).
expr-eval-null-left-operand = The left side of { $op } is empty.
expr-eval-null-right-operand = The right side of { $op } is empty.
expr-eval-null-operand = The value after { $op } is empty.
expr-eval-internal = Phum could not compute the expression because of a defect in Phum ({ $detail }). Please report this to your supervisor.
expr-eval-function-number = { $function }: { $problem }
expr-eval-function-needs-variable = { $function } needs a variable.
expr-eval-function-null-start = { $function }: the start date is empty.
expr-eval-function-null-end = { $function }: the end date is empty.
expr-eval-function-date-out-of-range = { $function }: { $days } days from { $from } is beyond the dates Phum holds ({ $first } to { $last }).
expr-eval-function-length-out-of-range = { $function }: the length { $length } does not fit a text of { $text_length } characters.
expr-eval-function-begin-after-end = { $function }: the start { $begin } is after the end { $end } (the text has { $text_length } characters).
expr-eval-function-no-user-data = { $function } needs the user's roles and groups, and this device does not have them.
expr-eval-function-no-values = { $function } needs at least one value to look for.
expr-eval-function-null-text = { $function }: the text to search is empty.
expr-eval-function-null-list = { $function }: the list is empty.

## Reading a value as another type
expr-coercion-not-a-number = '{ $value }' is not a number.
expr-coercion-not-a-boolean = { $value } cannot be read as yes or no: only whole numbers can.
expr-coercion-not-a-date = '{ $value }' is not a date in the form yyyy-MM-dd.
expr-coercion-number-as-date = A number ({ $value }) cannot be used as a date.
expr-coercion-not-an-integer = Expected a whole number but got { $value }.

## Numbers
expr-number-negative-scale = the number of decimal places to round to must not be negative.
expr-number-zero-to-negative-power = zero cannot be raised to a negative power.

## d2:validatePattern
expr-pattern-invalid = d2:validatePattern: '{ $pattern }' is not a valid regular expression ({ $detail }).
expr-pattern-unsupported = d2:validatePattern: the construct { $construct } in '{ $pattern }' is not supported.
expr-pattern-unsupported-ignoring-case = d2:validatePattern: the construct { $construct } in '{ $pattern }' is not supported with (?i).
expr-pattern-too-complex = d2:validatePattern: matching '{ $pattern }' was stopped after { $steps } steps; the pattern is too complex.

## d2:extractDataMatrixValue (GS1 DataMatrix and QR codes)
expr-gs1-missing-key = d2:extractDataMatrixValue: the GS1 key is empty.
expr-gs1-unknown-key = d2:extractDataMatrixValue: '{ $key }' is not a GS1 key Phum knows.
expr-gs1-missing-value = d2:extractDataMatrixValue: the scanned value is empty.
expr-gs1-too-short = d2:extractDataMatrixValue: the scanned value '{ $value }' is too short to hold any data.
expr-gs1-unsupported-symbology = d2:extractDataMatrixValue: the code type { $prefix } is not supported (only GS1 DataMatrix ]d2 and GS1 QR ]Q3).
expr-gs1-no-symbology-identifier = d2:extractDataMatrixValue: the scanned value does not start with a GS1 code type (it starts '{ $prefix }').
expr-gs1-unknown-ai = d2:extractDataMatrixValue: no GS1 application identifier starts '{ $group }'.
expr-gs1-truncated-group = d2:extractDataMatrixValue: the group '{ $group }' is too short for the fixed-length application identifier { $ai }.
expr-gs1-key-not-in-value = d2:extractDataMatrixValue: the scanned value has no element with application identifier { $ai }.

## Z-scores (WHO growth standards)
expr-zscore-missing-parameter = The z-score needs the age or height, and it is empty.
expr-zscore-missing-weight = The z-score needs the weight or height, and it is empty.
expr-zscore-missing-gender = The z-score needs the sex, and it is empty.
expr-zscore-no-row-age-boy = { $function }: the WHO table has no row for a boy aged { $months } months.
expr-zscore-no-row-age-girl = { $function }: the WHO table has no row for a girl aged { $months } months.
expr-zscore-no-row-height-boy = { $function }: the WHO table has no row for a boy { $height } cm tall.
expr-zscore-no-row-height-girl = { $function }: the WHO table has no row for a girl { $height } cm tall.

## Test vectors (feature vectors; for developers)
expr-vector-not-json = line { $line }: not a vector of the schema: { $detail }
expr-vector-invalid = line { $line } (vector { $id }): { $problem }
expr-vector-unknown-level = unknown level '{ $level }' (expected expression or engine)
expr-vector-unknown-kind = unknown kind '{ $kind }' (expected evaluate, validate, describe, normalise or regenerate)
expr-vector-unknown-value-type = variable '{ $name }' has unknown valueType '{ $value_type }' (expected NUMBER, STRING, BOOLEAN or DATE)
expr-vector-bad-expected = expected_type '{ $expected_type }' does not fit expected { $expected }
expr-vector-skip-predictor-word = uses '{ $word }', which the predictor mode has and rule mode does not (unknown there)
expr-vector-skip-other-mode = mode { $mode } is neither a rule-engine mode nor the operator mode; another DHIS2 component evaluates it
expr-vector-actual-parse-error = parse error { $error }
expr-vector-actual-parsed = parsed as { $tree }
expr-vector-actual-null = null
expr-vector-actual-value = { $value } ({ $type_name })
expr-vector-actual-eval-error = evaluation error: { $error }
expr-vector-actual-engine-text = { $text } (engine text)
expr-vector-actual-no-engine-text = no engine text (null)
expr-vector-actual-fired = { $fires } (rule fires)
