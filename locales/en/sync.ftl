# Sending to and receiving from a DHIS2 server (core::sync).
sync-demo-account = This is the training account: its practice data stays on this device and is never sent to a server. Sign in with your DHIS2 account to send data.

## The connection to the server (sync::api::ClientError).
sync-client-invalid-url = "{ $url }" is not a server address. Type it as the DHIS2 address you open in a browser, for example https://hmis.example.org.
sync-client-insecure-url = { $url } uses plain http, which would send your password and patients' data unprotected. Use the server's https address.
sync-client-connect = Could not reach { $url } ({ $detail }). Check the mobile data or Wi-Fi signal and try again.
sync-client-timeout = { $url } did not answer in time. The connection may be weak; try again where the signal is better.
sync-client-tls = The secure connection to { $url } failed ({ $detail }). Check the phone's date and time; if they are right, ask your system administrator about the server's certificate.
sync-client-certificate-mismatch = The server at { $url } showed a different certificate from the one this account trusts. Nothing was sent. Ask your system administrator before you go on.
sync-client-unauthorized = { $url } refused the username or password. Check them and sign in again.
sync-client-login-page = { $url } answered with a login page instead of data: your sign-in was not accepted, or a network login page (a hotspot) stands in the way. Sign in again, or open a browser to pass the hotspot.
sync-client-not-dhis2 = { $url } answered, but it is not a DHIS2 server. Check the address.
sync-client-unsupported-version = { $url } runs DHIS2 { $version }; Phum needs DHIS2 2.39 or newer.
sync-client-http = { $url } answered with an error (HTTP { $status }). Try again later; if it keeps happening, tell your system administrator.
sync-client-too-large = The answer from { $url } is larger than { $megabytes } MB, more than Phum accepts for it. Nothing was changed. Tell your system administrator.
sync-client-truncated = The connection broke while receiving from { $url }. Nothing was changed; try again.
sync-client-bad-answer = The answer from { $url } is not what a DHIS2 server sends ({ $detail }). Nothing was changed. Tell your system administrator.

## A sync that stopped (sync::SyncError).
sync-bad-answer = The server's answer at { $endpoint } is not what DHIS2 sends ({ $detail }). Nothing was changed. Tell your system administrator.
sync-metadata-not-imported = The forms and lists downloaded from the server could not be used, so the ones you had stay in use: { $reason }
sync-cancelled = The sync was stopped. It goes on from where it stopped next time; nothing is lost.

## The parts of a sync (sync::progress::Phase).
sync-phase-metadata = Updating forms and lists
sync-phase-upload = Sending
sync-phase-download = Receiving

## The end of a sync (sync::run::SyncSummary).
sync-summary = Sent { $sent }, received { $received }{ $removed ->
    [0] {""}
   *[other] , removed { $removed } deleted on the server
}. { $refused ->
    [0] Nothing was refused.
    [one] 1 record was refused by the server: open it to see why.
   *[other] { $refused } records were refused by the server: open them to see why.
}{ $conflicts ->
    [0] {""}
   *[other] { " " }{ $conflicts } changed both here and on the server: your version is kept and will be sent.
}{ $waiting ->
    [0] {""}
   *[other] { " " }{ $waiting } wait for the next sync.
}

## Records the server refused (sync::status).
sync-refusal = { $record }: { $reason }
sync-refusal-field = { $record }, field "{ $field }": { $reason }
sync-refusal-record = { $kind } { $uid }
sync-refusal-value = the value of "{ $element }" for { $period } at { $org_unit }
sync-refusal-completion = the completion of "{ $data_set }" for { $period } at { $org_unit }
sync-refusal-other = the record { $key }
sync-refusal-server-text = the server says ({ $code }): { $text }
