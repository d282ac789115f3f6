# What sync shows when the DHIS2 server rejects a record (core::i18n::server_codes): one sentence per
# import error code a phone can cause, saying what happened and what to do.
# Variables hold the details of the server's report: names where sync could resolve them, else codes.

## Tracker import (/api/tracker): access
server-e1000 = Your account may not enter data for { $org_unit }. Ask your supervisor to add this org unit to your account in DHIS2.
server-e1001 = Your account may not save { $type } records. Ask your supervisor for write access in DHIS2.
server-e1003 = This person is registered at { $org_unit }, outside the area your account may search. Ask your supervisor for access.
server-e1091 = Your account may not enter data in the program { $program }. Ask your supervisor for write access in DHIS2.
server-e1095 = Your account may not enter data in the stage { $stage }. Ask your supervisor for write access in DHIS2.
server-e1096 = Your account may not see data of the program { $program }. Ask your supervisor for access in DHIS2.
server-e1099 = Your account may not enter data for { $option }. Ask your supervisor for access in DHIS2.
server-e1100 = Your account may not delete a person who has enrollments. Ask your supervisor to delete the person.
server-e1102 = This person is now owned by another org unit, and your account has no access to them in { $program }. Ask your supervisor.
server-e1103 = Your account may not delete an enrollment that has events. Ask your supervisor to delete it.
server-e1104 = Your account may not see { $type } records in the program { $program }. Ask your supervisor for access in DHIS2.
server-e1083 = This event is completed, and your account may not change completed events. Ask your supervisor to reopen it or to give you that right.

## Tracker import: the person, enrollment or event on the server
server-e1002 = This person is already on the server. Sync again; if this message stays, tell your supervisor.
server-e1030 = This event is already on the server. Sync again; if this message stays, tell your supervisor.
server-e1080 = This enrollment is already on the server. Sync again; if this message stays, tell your supervisor.
server-e1032 = The server no longer has this event; someone may have deleted it. Sync to update this phone.
server-e1063 = The server no longer has this person; someone may have deleted them. Sync to update this phone.
server-e1081 = The server no longer has this enrollment; someone may have deleted it. Sync to update this phone.
server-e1068 = The person of this enrollment is not on the server. Sync the person first, then this enrollment.
server-e1082 = This event was deleted on the server and can no longer be changed. Sync to update this phone.
server-e1113 = This enrollment was deleted on the server and can no longer be changed. Sync to update this phone.
server-e1114 = This person was deleted on the server and can no longer be changed. Sync to update this phone.
server-e5000 = This record was not saved because a record it belongs to was rejected. Fix that record first, then sync again.

## Tracker import: enrollments
server-e1014 = The program { $program } does not register people, so nobody can be enrolled in it. Record a single event instead.
server-e1015 = This person already has an active enrollment in { $program }. Open that enrollment instead of enrolling again.
server-e1016 = This person was already enrolled in { $program }, which allows only one enrollment. Open the existing enrollment.
server-e1018 = { $attribute } is required in { $program }. Fill it in on the person's details and sync again.
server-e1019 = { $attribute } is not part of this program. Remove the value and sync again.
server-e1020 = The enrollment date { $date } is in the future. Correct it and sync again.
server-e1021 = The incident date { $date } is in the future. Correct it and sync again.
server-e1022 = This person's type does not match the program { $program }. Register the person in the right program.
server-e1023 = The incident date is missing or not a date. Fill it in and sync again.
server-e1025 = The enrollment date is missing or not a date. Fill it in and sync again.
server-e1041 = The program { $program } is not used at { $org_unit }. Enroll the person at an org unit that runs this program.
server-e1069 = The server does not have the program { $program } of this enrollment. Sync to update the forms on this phone; if this message stays, tell your supervisor.
server-e1070 = The server does not have the org unit { $org_unit } of this enrollment. Sync to update this phone; if this message stays, tell your supervisor.
server-e1049 = The server does not have the org unit { $org_unit } of this person. Sync to update this phone; if this message stays, tell your supervisor.
server-e1094 = An enrollment cannot move to another program. Enroll the person in the other program instead.

## Tracker import: events
server-e1029 = The program { $program } is not used at { $org_unit }. Record the event at an org unit that runs this program.
server-e1031 = The event date is missing. Fill it in and sync again.
server-e1033 = This event is not linked to an enrollment. Open the person's enrollment and record the event there.
server-e1035 = This event has no program stage. Record it again from the enrollment.
server-e1039 = The stage { $stage } can be recorded only once and already has an event. Edit the existing event instead.
server-e1042 = This completed event has no completion date. Reopen it, complete it again and sync.
server-e1043 = This event was completed too long ago to be changed. Ask your supervisor if a value must be corrected.
server-e1044 = The event date is missing. Fill it in and sync again.
server-e1045 = The time allowed for changes in { $program } has passed. Ask your supervisor if a value must be corrected.
server-e1046 = This event has neither an event date nor a due date. Fill in one of them and sync again.
server-e1047 = The event date is in a period that is already closed. Check the date; ask your supervisor if it is right.
server-e1050 = The due date of this scheduled event is missing. Fill it in and sync again.
server-e1056 = The event date { $date } is before { $option } starts ({ $start }). Correct the date or the option.
server-e1057 = The event date { $date } is after { $option } ends ({ $end }). Correct the date or the option.
server-e1079 = This event belongs to another program than its enrollment. Record it again from the right enrollment.
server-e1086 = This event has no valid program stage. Record it again from the enrollment.
server-e1089 = The stage { $stage } is not part of the program { $program }. Sync to update the forms on this phone and record the event again.
server-e1110 = An event cannot move to another program. Record a new event in the other program instead.

## Tracker import: values
server-e1006 = The server does not know the attribute { $attribute }. Sync to update the forms on this phone, then check the person's details.
server-e1007 = A value of this person's details has the wrong type (for example text in a number field). Correct it and sync again.
server-e1009 = This file or photo is already attached to another record. Attach it again and sync.
server-e1012 = The location does not have the shape the form expects (a point or an area). Capture the location again.
server-e1064 = The value { $value } of { $attribute } is already used by another person. Check the value; if it is right, search for that person instead of registering a new one.
server-e1076 = { $field } is required. Fill it in and sync again.
server-e1077 = The text of { $attribute } is too long. Shorten it and sync again.
server-e1084 = A file or photo of this record did not reach the server. Attach it again and sync.
server-e1085 = The value of { $attribute } is not a valid { $value_type }. Correct it and sync again.
server-e1087 = The server does not know the data element { $field }. Sync to update the forms on this phone, then check the event.
server-e1090 = { $attribute } is required for every { $type }. Fill it in on the person's details and sync again.
server-e1125 = { $value } is not one of the options of { $option_set }. Choose an option from the list and sync again.
server-e1302 = The value of { $field } is not valid: { $problem }. Correct it and sync again.
server-e1303 = { $field } is required. Fill it in and sync again.
server-e1304 = The server does not know the data element { $field }. Sync to update the forms on this phone, then check the event.
server-e1305 = { $field } is not part of the stage { $stage }. Sync to update the forms on this phone, then check the event.

## Tracker import: program rules run by the server
server-e1300 = A program rule on the server ({ $rule }) stopped this record: { $problem }. Check the values and sync again.
server-e1301 = A program rule on the server ({ $rule }) requires { $field }. Fill it in and sync again.
server-e1306 = A program rule on the server ({ $rule }) requires { $attribute }. Fill it in on the person's details and sync again.
server-e1307 = A program rule on the server ({ $rule }) calculates { $value } for { $field }. Leave the field empty or enter { $value }, then sync again.
server-e1308 = The server replaced the value of { $field } with the value its program rule ({ $rule }) calculates. Check the event.
server-e1309 = A program rule on the server ({ $rule }) calculates { $value } for { $attribute }. Leave the field empty or enter { $value }, then sync again.
server-e1310 = The server replaced the value of { $attribute } with the value its program rule ({ $rule }) calculates. Check the person's details.

## Tracker import: forms out of date on this phone
server-e1005 = The server does not know the person type { $type }. Sync to update the forms on this phone; if this message stays, tell your supervisor.
server-e1008 = The stage { $stage } is not linked to a program on the server. Tell your supervisor: the program needs fixing in DHIS2.
server-e1010 = The server does not have the program { $program } of this event. Sync to update the forms on this phone; if this message stays, tell your supervisor.
server-e1011 = The server does not have the org unit { $org_unit } of this event. Sync to update this phone; if this message stays, tell your supervisor.
server-e1013 = The server does not have the stage { $stage } of this event. Sync to update the forms on this phone; if this message stays, tell your supervisor.
server-e1054 = The option { $option } is not used by this program. Sync to update the forms on this phone, then choose the option again.
server-e1055 = This program needs a category option, and none was chosen. Sync to update the forms on this phone, then choose one.
server-e1088 = The server does not have the program or stage of this event. Sync to update the forms on this phone; if this message stays, tell your supervisor.
server-e1115 = The server does not know the category option combination { $option }. Sync to update the forms on this phone.
server-e1116 = The server does not know the category option { $option }. Sync to update the forms on this phone.
server-e1117 = The chosen category options do not form a valid combination on the server. Sync to update the forms on this phone and choose them again.

## Tracker import: records Phum built wrongly (a defect: report it)
server-e1048 = The record has an identifier the server does not accept ({ $uid }). Tell your supervisor: this is a problem of Phum.
server-e1121 = Phum sent a person without { $property }. Tell your supervisor: this is a problem of Phum.
server-e1122 = Phum sent an enrollment without { $property }. Tell your supervisor: this is a problem of Phum.
server-e1123 = Phum sent an event without { $property }. Tell your supervisor: this is a problem of Phum.
server-e1126 = The server does not allow this change to the person. Undo the change, or ask your supervisor to make it in DHIS2.
server-e1127 = The server does not allow this change to the enrollment. Undo the change, or ask your supervisor to make it in DHIS2.
server-e1128 = The server does not allow this change to the event. Undo the change, or ask your supervisor to make it in DHIS2.

## Aggregate data (/api/dataValueSets): access
server-e7600 = The server does not have the data set { $data_set }. Sync to update the forms on this phone; if this message stays, tell your supervisor.
server-e7601 = Your account may not enter data in { $data_set }. Ask your supervisor for write access in DHIS2.
server-e7603 = The server does not have the org unit { $org_unit }, or your account may not use it. Ask your supervisor.
server-e7604 = The server does not have the category option combination { $option }, or your account may not use it. Sync to update the forms on this phone.
server-e7612 = The server does not have the org unit { $org_unit }, or your account may not use it. Ask your supervisor.
server-e7613 = Your account may not enter data for the category option combination { $option }. Ask your supervisor.
server-e7614 = Your account may not enter data for { $category_option } (in { $option }). Ask your supervisor.
server-e7615 = Your account may not enter data for the category option combination { $option }. Ask your supervisor.
server-e7616 = Your account may not enter data for { $category_option } (in { $option }). Ask your supervisor.
server-e7617 = { $org_unit } is outside the org units of your account. Ask your supervisor to add it in DHIS2.

## Aggregate data: values
server-e7610 = The server does not have the data element { $field }, or your account may not use it. Sync to update the forms on this phone.
server-e7611 = The period { $period } is not valid. Choose the period again and sync.
server-e7618 = The value of { $field } is empty. Fill it in or clear the cell, then sync again.
server-e7619 = The value of { $field } does not have the type the form expects (for example text in a number field). Correct it and sync again.
server-e7620 = The comment is not valid (it may be too long). Shorten it and sync again.
server-e7621 = The value of { $field } is not one of its options. Choose an option from the list and sync again.
server-e7630 = A value was sent without its category option combination. Sync to update the forms on this phone and enter it again.
server-e7631 = A value was sent without its attribute option combination. Sync to update the forms on this phone and enter it again.
server-e7632 = The period { $period } does not fit { $field } (wrong period type). Sync to update the forms on this phone.
server-e7633 = { $field } is not part of { $data_set } on the server. Sync to update the forms on this phone.
server-e7634 = The category option combination { $option } does not belong to { $field }. Sync to update the forms on this phone.
server-e7635 = The attribute option combination { $option } does not belong to { $field }. Sync to update the forms on this phone.
server-e7636 = { $field } is not assigned to { $org_unit }. Ask your supervisor to assign the data set to this org unit in DHIS2.
server-e7637 = The server did not accept the name stored with this value. Tell your supervisor: this is a problem of Phum.
server-e7645 = A file of { $field } did not reach the server. Attach it again and sync.

## Aggregate data: periods that are closed
server-e7638 = The period { $period } is outside the dates of { $option }. Check the period and the option.
server-e7639 = { $org_unit } may not use { $option }. Check the option, or ask your supervisor.
server-e7640 = The time allowed for entering { $period } in { $data_set } has passed. Ask your supervisor if the data must still be entered.
server-e7641 = The period { $period } is too far in the future. Enter the data when the period has begun.
server-e7642 = The data of { $period } for { $org_unit } is already approved and cannot be changed. Ask your supervisor to remove the approval first.
server-e7643 = The period { $period } is not open for { $data_set } now. Check the period, or ask your supervisor when it opens.
server-e7644 = The period { $period } is not open for entry. Check the period, or ask your supervisor.
