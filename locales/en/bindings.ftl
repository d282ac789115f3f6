# What the app's bindings to the core say of their own (phum-bindings): arguments the app passed
# that the core's API does not take, and a defect inside the core.

bindings-bad-uid = The { $what } “{ $value }” is not a DHIS2 identifier (11 letters and digits, starting with a letter).
bindings-unknown-language = Phum has no texts in the language “{ $code }”: choose Khmer (km) or English (en).
bindings-bad-date = “{ $value }” is not a date (write it as 2026-12-05).
bindings-form-closed = This form is closed. Open it again to go on.
bindings-internal-error = Something went wrong inside Phum. What you saved before is kept; please try again, and tell your supervisor if it happens again.
bindings-sync-running = A sync is already running. Wait for it to finish.
bindings-sign-in-first = Sign in again before syncing: Phum keeps your password only until the app closes.
bindings-folder = Phum cannot make its folder { $path } on this phone ({ $detail }). Check that the phone has free space.
bindings-not-a-screen-text = “{ $id }” is not a text of Phum’s screens, or a text it needs is missing. This is a defect of the app; please tell your supervisor.
