# Program rules (core::rules): loading them and rules that could not be evaluated.

rules-program-not-found = program { $program } is not in the store
rules-missing-action = program rule { $rule } lists action { $action }, which is not in the store

## A rule that could not be evaluated
rules-condition-failed = rule "{ $rule_name }" ({ $rule }) could not be evaluated; its condition { $condition } failed: { $cause }
rules-action-failed = action { $action } of rule "{ $rule_name }" ({ $rule }) could not be run: { $cause }
rules-malformed-assign-target = the ASSIGN action has no field, and its content "{ $content }" does not name a variable as #{"{"}name{"}"}
rules-unsupported-action = unsupported action: { $why }
rules-unsupported-no-location = DISPLAYKEYVALUEPAIR has no location
rules-unsupported-no-section = HIDESECTION has no program stage section
rules-unsupported-no-program-stage = the action has no program stage
rules-unsupported-assign-without-target = ASSIGN has neither a field nor a content
rules-unsupported-no-option = HIDEOPTION has no option
rules-unsupported-no-option-group = the action has no option group
rules-unsupported-server-message = messages are sent by the server, not the app
rules-unsupported-unknown-type = the action type { $action_type } is unknown
