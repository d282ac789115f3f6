# phum login, sync, status, logout (cli/src/account.rs).
cli-account-password-prompt = Password
cli-account-token-prompt = Personal access token
cli-account-signed-in = Signed in as { $user } to { $server } (DHIS2 { $version }).
cli-account-signed-in-offline = Signed in as { $user } without the server, with the password checked on this computer ({ $reason }).
cli-account-first-sync = Run "phum sync" to download the forms, lists and records of your org units.
cli-account-metadata-refused = The forms were not updated, so the ones you had stay in use: { $reason }
cli-account-status-account = Account: { $user } at { $server }
cli-account-status-last-sync = Last complete sync: { $at }
cli-account-status-never-synced = Not synced yet: run "phum sync".
cli-account-status-waiting = Waiting to be sent: { $waiting ->
    [one] 1 record
   *[other] { $waiting } records
}; refused by the server: { $refused ->
    [one] 1 record
   *[other] { $refused } records
}.
cli-account-status-conflicts = { $count ->
    [one] 1 record was
   *[other] { $count } records were
} changed both here and on the server: your version is kept and sent.
cli-account-signed-out = Signed out. The account's data stays on this computer until the next sign-in.
cli-account-signed-out-removed = Signed out, and the account's data was removed from this computer.
cli-error-not-signed-in = No account is signed in in { $dir }: run "phum login --server URL --user NAME" first.
cli-error-no-secret = No password or token was given: set { $variable } or type it on the first line of standard input.
cli-help-login = Sign in to a DHIS2 account (online, or offline when it signed in here before).
cli-help-login-long = Sign in to a DHIS2 account. The password comes from PHUM_PASSWORD, else the first line of standard input (with --token, a personal access token from PHUM_TOKEN). The first sign-in needs the server; it creates the account's encrypted database in the account folder. Later, when the server cannot be reached, the password is checked against the hash kept from the last online sign-in.
cli-help-sync = Send what was captured and receive what changed: metadata, upload, download.
cli-help-sync-long = Sync the signed-in account with its server: the forms and lists (metadata), then what was captured here (upload), then what others captured (download), with a progress bar and a summary. The password is needed again (PHUM_PASSWORD or standard input). A sync that stops (network lost, Ctrl-C, a killed process) goes on from where it stopped next time; nothing is sent twice.
cli-help-status = What waits to be sent, what the server refused and why, and the last sync (no network needed).
cli-help-logout = Sign out; refused while records wait to be sent, unless --discard-unsent.
cli-help-arg-account-dir = The folder of the accounts' databases (default: $XDG_DATA_HOME/phum/accounts, or ~/.local/share/phum/accounts)
cli-help-arg-login-server = The DHIS2 server's address, e.g. https://hmis.example.org
cli-help-arg-login-user = The DHIS2 username
cli-help-arg-token = Use a personal access token (PHUM_TOKEN or standard input) instead of the password
cli-help-arg-sync-limit = At most this many people (or events) per program and org unit in a download
cli-help-arg-discard-unsent = Also delete the account's database, with records not yet sent
