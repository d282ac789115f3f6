# Sending to and receiving from a DHIS2 server (core::sync).
sync-demo-account = This is the training account: its practice data stays on this device and is never sent to a server. Sign in with your DHIS2 account to send data.
