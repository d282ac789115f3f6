# The phum command line (cli/): its errors, the lines it prints for a person, and its help.
# Machine output (--json) has no text of its own; names, values and codes are shown as given.

## Errors (on stderr, after "phum: error: ")
cli-error = phum: error: { $error }
cli-error-import-refused =
    { $error }
    (to import anyway, give --allow-orphaned-records)
cli-error-bad-key = key file { $path }: { $problem }
cli-error-no-database = there is no database at { $db }; metadata import creates one
cli-error-no-folder = the folder { $folder } of database { $db } does not exist
cli-error-key-file-missing = database { $db } exists but its key file { $key } does not; give the right one with --key-file (or --unencrypted for a plain database)
cli-error-io = { $path }: { $problem }
cli-error-unreadable = { $path }: cannot read: { $problem }
cli-io-not-found = there is no such file
cli-io-permission-denied = permission denied
cli-io-is-a-directory = it is a folder, not a file
cli-io-not-text = it is not text (UTF-8)
cli-io-other = { $detail }
cli-error-expr-eval = the expression cannot be computed: { $error }
cli-error-vectors =
    { $count ->
        [one] { $path } is not a vector file ({ $count } bad line):
       *[other] { $path } is not a vector file ({ $count } bad lines):
    }
cli-error-vectors-failed =
    { $count ->
        [one] { $count } vector failed
       *[other] { $count } vectors failed
    }
cli-error-bad-script = { $path } is not a form script: { $problem }
cli-error-demo-script = { $path }, line { $line }: "{ $answer }" is not one of the choices on the screen; the script no longer fits the demo.
cli-error-lint-nothing-to-check =
    { $count ->
        [one] nothing to check: the file holds no program rules, program rule variables or validation rules
       *[other] nothing to check: the { $count } files hold no program rules, program rule variables or validation rules
    }
cli-error-lint-found-errors =
    { $count ->
        [one] { $count } lint error
       *[other] { $count } lint errors
    }
cli-bad-lang = '{ $value }' is not a language of phum: use en or km
cli-bad-lang-env = { $variable }={ $value } is not a language of phum: set it to en or km, or give --lang

## Arguments that do not read
cli-arg-expected-form = expected { $form }
cli-arg-var-missing-colon = expected NAME=TYPE:VALUE (the ':' after TYPE is missing)
cli-arg-var-unknown-type = unknown TYPE '{ $type_name }': use NUMBER, TEXT, BOOLEAN or DATE

## phum expr
cli-expr-engine-text = rule engine text: { $text }
cli-expr-engine-text-none = rule engine text: none (null)
cli-vectors-fail = FAIL #{ $id } (line { $line }) { $expression }: expected { $expected }, got { $actual }
cli-vectors-skipped = skipped { $count }: { $reason }
cli-vectors-skipped-total = { $count } skipped
cli-vectors-summary = { $passed } passed, { $failed } failed

## phum metadata
cli-import-done =
    { $files ->
        [one] imported { $objects } objects from { $files } file into { $db } in { $seconds } s
       *[other] imported { $objects } objects from { $files } files into { $db } in { $seconds } s
    }
cli-import-ignored = not stored by Phum: { $collections }
cli-import-orphaned = captured records without their metadata now: { $records }
cli-summary-user =
    { $org_units ->
        [one] user: { $username } ({ $org_units } capture org unit)
       *[other] user: { $username } ({ $org_units } capture org units)
    }
cli-summary-server = server: DHIS2 { $version }

## Help: clap's headings (used in Khmer; English keeps clap's own)
cli-help-heading-usage = Usage:
cli-help-heading-commands = Commands
cli-help-heading-arguments = Arguments
cli-help-heading-options = Options
cli-help-value-command = COMMAND

## Help: commands
cli-help-phum = Phum: offline DHIS2 data capture for Cambodia's health workers (command line)
cli-help-phum-long =
    Phum: offline DHIS2 data capture for Cambodia's health workers.

    The commands that use the account database (metadata import and summary, form run) take
    --db, --key-file and --unencrypted. The database is encrypted with SQLCipher. Unless
    --key-file is given, the key is kept in <db>.key beside the database (created with mode
    0600 together with a new database). Only metadata import creates a database.

    Every command takes --lang en|km (default: the PHUM_LANG environment variable, else en)
    and --khmer-digits.
cli-help-metadata = DHIS2 metadata in the local database.
cli-help-metadata-import = Replace all metadata with the content of FILEs, in one transaction.
cli-help-metadata-import-long =
    Replace all metadata with the content of FILEs, in one transaction.

    Each FILE is an /api/metadata export (a metadata package) or a DHIS2 answer such as
    /api/programs, a page of /api/organisationUnits, /api/me or /api/system/info. Together
    they must be complete: every reference must resolve. On any error nothing changes.

    An import that holds no metadata at all is refused, and so is one that would leave
    captured records (people, enrollments, events, data values, completions) pointing at a
    program, stage, org unit, data set or other metadata it no longer has, unless
    --allow-orphaned-records is given.
cli-help-metadata-summary = Count the stored metadata per collection (the database must exist).
cli-help-expr = The DHIS2 expression language of program rules: evaluate one expression, run test vectors.
cli-help-expr-vectors = Run expression test vectors and compare Phum's answers with upstream's.
cli-help-expr-vectors-long =
    Run expression test vectors and compare Phum's answers with upstream's.

    FILE holds one vector per line, as core/tests/fixtures/rules/expression-vectors.jsonl
    (schema: research/program-rules.md §5.1). Vectors of other DHIS2 components and
    predictor-only syntax are skipped, each with its reason. Evaluate vectors are evaluated
    (value and type must match; at the engine level, the effect text or whether the rule
    fires); the others are checked by parsing alone.

    Prints one line per failure, the skipped count by reason, and last a line
    "N passed, N failed". With --json, one JSON object per vector instead (id, line, pass,
    actual, actual_type; skipped and reason when skipped), the summary line still last.
    Exit status: 0 when none failed, 1 when any failed, 2 when FILE is not a vector file.
cli-help-expr-eval = Evaluate one expression in rule mode and print its value, type and engine text.
cli-help-expr-eval-long =
    Evaluate one expression in rule mode and print its value, type and engine text.

    Prints the value with its type, e.g. "4 (NUMBER)", then the text upstream's rule engine
    would put in an effect's data ("rule engine text: 4"): whole numbers as Kotlin Ints
    (saturating), other numbers as Java prints them, a bare variable as its stored text.

    Exit status: 0 on success, 1 when evaluation fails (unknown variable, bad coercion, ...),
    2 when the expression does not parse (the place is shown with a caret).
cli-help-expr-eval-examples =
    Examples:
      phum expr eval '2 + 2'
      phum expr eval '#{"{"}weight{"}"} / (#{"{"}height{"}"} * #{"{"}height{"}"})' --var weight=NUMBER:12.5 --var height=number:0.9
      phum expr eval 'd2:hasValue(#{"{"}note{"}"})' --var note=TEXT:
      phum expr eval 'd2:daysBetween(V{"{"}enrollment_date{"}"}, V{"{"}current_date{"}"})' --env enrollment_date=2026-01-01 --env current_date=2026-12-02
      phum expr eval 'C{"{"}Gfd3ppDfq8E{"}"} * 2' --constant Gfd3ppDfq8E=3.14
cli-help-lint = Check program rules and validation rules in DHIS2 metadata files (no database needed).
cli-help-lint-long =
    Check program rules and validation rules in DHIS2 metadata files (no database needed).

    Reports syntax errors, unknown variables, functions and constants, type mistakes, and
    expressions whose result depends on upstream quirks, with a suggested rewrite.
cli-help-lint-after =
    CHECKS
      Errors: syntax, unknown-variable (#{"{"}{"}"}, A{"{"}{"}"}, V{"{"}{"}"}, quoted names), unknown-function, wrong-arity,
      unknown-constant, unavailable-environment-variable (a V{"{"}{"}"} the Android engine never fills),
      type-mismatch, non-boolean-condition, quirk-date-string-compare (a DATE V{"{"}{"}"} compared with text:
      == is always false, < fails), quirk-round-negative-precision, missing-location
      (DISPLAYKEYVALUEPAIR), missing-section (HIDESECTION), assign-without-target,
      unknown-data-element and unknown-category-option-combo (validation rules), variable-left-out (a
      rule variable that names neither a data element nor an attribute and is not CALCULATED_VALUE:
      Android Capture drops it).
      Warnings: quirk-grouping (upstream reads a - b + c as a - (b + c) and a / b * c as a / (b * c)),
      quirk-remainder (10 % 3 is 0.1 upstream), quirk-assign-truncation (ASSIGN of a fraction to an
      integer field), quirk-assign-percentage, empty-condition (never fires on Android),
      shadows-environment-variable, variable-left-out (its data element or attribute is not in the
      files: dropped on a device without it), variable-reads-nothing (a DATAELEMENT_* variable without a
      data element, TEI_ATTRIBUTE without an attribute, NEWEST_EVENT_PROGRAM_STAGE without a stage),
      and type-mismatch where a value may or may not work.

      Rules may use variables and constants from any FILE of the run.

    EXIT STATUS
      0  no errors (warnings alone are fine)
      1  at least one error
      2  a FILE cannot be read or is not valid DHIS2 metadata (the message names the file and the
         JSON path of the bad object), or no FILE holds program rules, program rule variables or
         validation rules: nothing to check
cli-help-form = Capture forms from a script: replay a visit (new or open forms, set values, complete), working lists, an enrollment's dashboard and people search, against the database.
cli-help-form-run = Replay a visit from a script: forms, values, completion, working lists, search.
cli-help-demo = The trainer's walkthrough on practice data, in Khmer or English: find or register a person, vaccination and blood-pressure visits with the rules' messages, the overdue list, the monthly village report, what would be sent. Nothing is ever sent.
cli-help-demo-long = The trainer's walkthrough on practice data, in Khmer or English (--lang km, --khmer-digits): pick a village, find or register a person, record a vaccination or a blood-pressure visit and see the rules' messages after each value, see the overdue list, fill the monthly village report, see what would be sent. The practice data lives in its own encrypted database, dated relative to the day it was first opened; nothing is ever sent to a server.
cli-help-demo-script-format =
    SCRIPT FORMAT (--script FILE)
      The answers a trainer would type, one per line, in order: a number for a numbered choice
      (Khmer digits too), or the text asked for (a name to search, a value). Lines starting with #
      are comments; empty lines are skipped. When the answers run out the demo ends as if quit.
      A date may be given as today, today-30 or today+7 (days; in Khmer ថ្ងៃនេះ-៣០), as the
      practice data is dated relative to the day of the class.
      A scripted run starts from the initial practice data (as after --reset), so it gives the same
      transcript every time and never registers a person twice. An answer that is not one of the
      numbered choices stops the run with exit status 2. Examples: scripts/demo-scenario-en.txt,
      scripts/demo-scenario-km.txt.
cli-help-arg-demo-script = Replay the answers in FILE instead of reading the terminal (see SCRIPT FORMAT)
cli-help-arg-demo-dir = Where the demo account's database lives (default: $XDG_DATA_HOME/phum/demo, or ~/.local/share/phum/demo)
cli-help-arg-demo-reset = Put the practice data back to its initial state before starting
cli-help-help-command = Print this message or the help of the given subcommand(s)

## Help: arguments
cli-help-arg-help = Print help
cli-help-arg-help-more = Print help (see more with '--help')
cli-help-arg-help-summary = Print help (see a summary with '-h')
cli-help-arg-version = Print version
cli-help-arg-help-subcommand = The command whose help to print
cli-help-arg-lang = The language of everything phum prints: en or km (default: PHUM_LANG, else en)
cli-help-arg-lang-long =
    The language of everything phum prints (messages, errors, this help): en (English) or km
    (Khmer). Without --lang, the PHUM_LANG environment variable (en, km, km_KH), else English.
    Output for machines (--json) is the same in every language.
cli-help-arg-khmer-digits = Show numbers in Khmer digits (values stored and sent stay ASCII)
cli-help-arg-db = The account database (one file per account)
cli-help-arg-key-file = The file holding the database key (64 hex digits); default: <db>.key
cli-help-arg-unencrypted = A database without encryption, and no key file (benchmarks and debugging only)
cli-help-arg-allow-orphaned-records = Import even when captured records would point at metadata the import lacks (their forms cannot be opened until metadata that has it is imported again)
cli-help-arg-import-files = Metadata files: /api/metadata exports or DHIS2 API answers
cli-help-arg-summary-json = One JSON object keyed by DHIS2 collection name
cli-help-arg-vectors-file = The vector file (JSON lines)
cli-help-arg-vectors-json = One JSON object per vector on stdout
cli-help-arg-expression = The expression, e.g. 'd2:round(#{"{"}weight{"}"} * 2.2, 1)'
cli-help-arg-var = A rule variable, read by #{"{"}NAME{"}"} and A{"{"}NAME{"}"}. TYPE is NUMBER, TEXT (or STRING), BOOLEAN or DATE, in any letter case; an empty VALUE means no value. Repeatable
cli-help-arg-constant = A constant, read by C{"{"}UID{"}"} as a NUMBER. Repeatable
cli-help-arg-env = An environment variable, read by V{"{"}NAME{"}"}: *_date names are DATEs, *_count names NUMBERs, the others TEXT; an empty VALUE means no value. Repeatable
cli-help-arg-lint-files = /api/metadata exports or API answers (programRules, programRuleVariables, programs, dataElements, trackedEntityAttributes, constants, validationRules, ...)
cli-help-arg-lint-json = Print one JSON object per finding, then one summary object ({"{"}"summary": {"{"}...{"}"}{"}"})
cli-help-arg-script = The script (see SCRIPT FORMAT below)
cli-help-arg-form-json = One JSON object per step instead of a line of text
cli-help-arg-time-zone = The device's time zone, an IANA name: today's date and the timestamps written follow it

## Usage errors (in Khmer; English shows clap's own)
cli-help-default = default: { $value }
cli-usage-unknown-argument = unexpected argument '{ $argument }'
cli-usage-unknown-command = unrecognized command '{ $command }'
cli-usage-invalid-value = invalid value '{ $value }' for '{ $argument }' (possible values: { $valid })
cli-usage-bad-value = invalid value '{ $value }' for '{ $argument }': { $problem }
cli-usage-missing-argument = the following required arguments were not provided: { $arguments }
cli-usage-try-help = For more information, try '--help'.
