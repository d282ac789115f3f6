# Signing in and out of a DHIS2 account on this device (core::sync::login::LoginError).
sync-login-other-account = This phone's data for this account belongs to { $username } on { $server }. Sign in as that account, or choose your own account.
sync-login-user-mismatch = The server knows these sign-in details as { $server }, not { $typed }. Sign in with the username { $server }, or use your own password or token.
sync-login-never-signed-in = { $username } has not signed in on this phone with an internet connection yet. Connect to the internet and sign in once; after that you can sign in without it.
sync-login-token-only = { $username } signed in with an access token, which cannot be checked without the internet. Connect to the internet to sign in, or sign in once online with your password.
sync-login-wrong-password = The password for { $username } is not the one used at the last sign-in on this phone. Check it and try again; if you changed it on the server, connect to the internet to sign in.
sync-login-password-hash = The saved sign-in of this account cannot be read ({ $detail }). Connect to the internet and sign in again.
sync-login-unsent-data = { $count ->
    [one] One record on this phone has not been sent to the server yet. Send it before you sign out, or confirm that it may be lost.
   *[other] { $count } records on this phone have not been sent to the server yet. Send them before you sign out, or confirm that they may be lost.
}
