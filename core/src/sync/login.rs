//! Signing in to a DHIS2 account on this device, online and offline, and signing out.
//!
//! - **Online** ([`login_online`]): [`Client::connect`] (address, TLS, version gate), then
//!   `GET /api/me` for who the credentials belong to, then the database's `credential` row is
//!   written: the server's address (normalised), the username, an argon2id hash of the password,
//!   the user's UID, the server's version and the time. The hash is a PHC string with a random
//!   16-byte salt and OWASP's parameters for argon2id (m = 19456 KiB, t = 2, p = 1; OWASP
//!   Password Storage Cheat Sheet): the password itself is never stored. DHIS2's Android SDK
//!   stores MD5("username:password") for the same purpose (`research/dhis2-api.md` §1.4); a
//!   phone that is lost should not give the password away to a few seconds of hashing.
//! - **Offline** ([`login_offline`]): the password is checked against the stored hash
//!   (argon2's `verify_password`, which compares in constant time). An account that never
//!   signed in online on this device, or signed in with a personal access token (no password,
//!   so no hash), cannot sign in offline, with a message that says so.
//! - A database belongs to one account: signing in to a database whose row names another server
//!   or username is refused ([`LoginError::OtherAccount`]) before anything is asked of the
//!   server. Each account has its own file ([`account_database`]), so several people can share
//!   a phone.
//! - **Signing out** ([`logout`]) refuses while records wait to be sent, unless the caller
//!   confirms that they may be lost; it removes the credential row. Deleting the database file
//!   (and its key) is the shell's job, once the database is closed.
//!
//! Owns these steps and [`LoginError`]. Does not own the HTTP client (`client`), the row itself
//! (`store::Credential`) or the file names (`store::Account`).

use std::path::{Path, PathBuf};

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use serde::Deserialize;

use crate::i18n::{Localize, Message};
use crate::model::DeviceClock;
use crate::msg;
use crate::store::{Account, Credential, Store, StoreError};
use crate::sync::client::{Client, ClientOptions, Credentials, ServerUrl};
use crate::sync::{Api, ClientError, ServerTarget};

/// What `login_online` asks `/api/me`.
const ME: &str =
    "/api/me?fields=id,username,firstName,surname,organisationUnits[id],authorities,userRoles[id,authorities]";

/// OWASP's argon2id parameters: 19 MiB of memory, 2 passes, 1 lane.
const ARGON2_MEMORY_KIB: u32 = 19_456;
const ARGON2_PASSES: u32 = 2;
const ARGON2_LANES: u32 = 1;

/// Why signing in or out did not happen.
#[derive(Debug, thiserror::Error)]
pub enum LoginError {
    /// The server could not be reached, or refused, or is no DHIS2 2.39+.
    Client(#[from] ClientError),
    Store(#[from] StoreError),
    /// The database belongs to another account (its credential row names this server and user).
    OtherAccount {
        server_url: String,
        username: String,
    },
    /// The server knows the credentials as another user than the one typed.
    UserMismatch {
        typed: String,
        server: String,
    },
    /// Offline sign-in for an account that never signed in online on this device.
    NeverSignedIn {
        username: String,
    },
    /// Offline sign-in for an account that signed in with a personal access token.
    TokenOnly {
        username: String,
    },
    /// Offline sign-in with a password that does not match the stored hash.
    WrongPassword {
        username: String,
    },
    /// The password hash could not be made, or the stored one read (`detail`: argon2's words).
    PasswordHash {
        detail: String,
    },
    /// Signing out would lose `count` records not yet on the server.
    UnsentData {
        count: u64,
    },
}

impl Localize for LoginError {
    fn message(&self) -> Message {
        match self {
            LoginError::Client(e) => e.message(),
            LoginError::Store(e) => e.message(),
            LoginError::OtherAccount { server_url, username } => {
                msg!("sync-login-other-account", server = server_url, username = username)
            }
            LoginError::UserMismatch { typed, server } => {
                msg!("sync-login-user-mismatch", typed = typed, server = server)
            }
            LoginError::NeverSignedIn { username } => msg!("sync-login-never-signed-in", username = username),
            LoginError::TokenOnly { username } => msg!("sync-login-token-only", username = username),
            LoginError::WrongPassword { username } => msg!("sync-login-wrong-password", username = username),
            LoginError::PasswordHash { detail } => msg!("sync-login-password-hash", detail = detail),
            LoginError::UnsentData { count } => msg!("sync-login-unsent-data", count = *count as i64),
        }
    }
}
crate::english_display!(LoginError);

/// The signed-in user, as `/api/me` describes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub uid: String,
    pub username: String,
    pub first_name: Option<String>,
    pub surname: Option<String>,
    /// The UIDs of the user's data capture org units.
    pub org_units: Vec<String>,
    /// The user's authorities and those of their roles, sorted, each once.
    pub authorities: Vec<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct MeJson {
    id: String,
    username: String,
    first_name: Option<String>,
    surname: Option<String>,
    #[serde(default)]
    organisation_units: Vec<IdJson>,
    #[serde(default)]
    authorities: Vec<String>,
    #[serde(default)]
    user_roles: Vec<RoleJson>,
}

#[derive(Deserialize)]
struct IdJson {
    id: String,
}

#[derive(Deserialize)]
struct RoleJson {
    #[serde(default)]
    authorities: Vec<String>,
}

impl User {
    fn read(url: &str, body: &[u8]) -> Result<User, ClientError> {
        let mut de = serde_json::Deserializer::from_slice(body);
        let me: MeJson = serde_path_to_error::deserialize(&mut de)
            .map_err(|e| ClientError::BadAnswer { url: url.to_string(), detail: e.to_string() })?;
        let mut authorities: Vec<String> =
            me.authorities.into_iter().chain(me.user_roles.into_iter().flat_map(|r| r.authorities)).collect();
        authorities.sort();
        authorities.dedup();
        Ok(User {
            uid: me.id,
            username: me.username,
            first_name: me.first_name,
            surname: me.surname,
            org_units: me.organisation_units.into_iter().map(|o| o.id).collect(),
            authorities,
        })
    }
}

/// A successful online sign-in: the connected client, and who signed in.
#[derive(Debug)]
pub struct OnlineLogin {
    pub client: Client,
    pub user: User,
}

/// The database file of `account` in `dir` (the shell's private storage): one file per server
/// and username, one for demo mode.
pub fn account_database(dir: &Path, account: &Account) -> PathBuf {
    dir.join(account.database_file_name())
}

/// Signs in to `target` with `credentials` over the network and writes the database's
/// credential row (see the module comment). The username of password credentials is the
/// target's; a token's user must be the target's user.
pub fn login_online(
    store: &Store,
    target: &ServerTarget,
    credentials: Credentials,
    options: ClientOptions,
    clock: &DeviceClock,
) -> Result<OnlineLogin, LoginError> {
    let url = ServerUrl::parse(target.url())?;
    check_owner(store, &url, target.username())?;
    if let Credentials::Password { username, .. } = &credentials {
        if username != target.username() {
            return Err(LoginError::UserMismatch { typed: target.username().into(), server: username.clone() });
        }
    }
    let password = match &credentials {
        Credentials::Password { password, .. } => Some(password.clone()),
        Credentials::Token(_) => None,
    };
    let client = Client::connect(target, credentials, options)?;
    let user = User::read(&url.join(ME), &client.get(ME)?)?;
    if user.username != target.username() {
        return Err(LoginError::UserMismatch { typed: target.username().into(), server: user.username });
    }
    let password_hash = password.as_deref().map(hash_password).transpose()?;
    store.save_credential(&Credential {
        server_url: url.to_string(),
        username: target.username().to_string(),
        password_hash,
        user_uid: Some(user.uid.clone()),
        server_version: Some(client.system().version_text.clone()),
        signed_in_at: clock.now().to_string(),
    })?;
    Ok(OnlineLogin { client, user })
}

/// Signs in to `target` without the network: `password` must match the hash the last online
/// sign-in on this device stored. Returns the stored row.
pub fn login_offline(store: &Store, target: &ServerTarget, password: &str) -> Result<Credential, LoginError> {
    let url = ServerUrl::parse(target.url())?;
    let username = target.username();
    let credential = check_owner(store, &url, username)?
        .ok_or_else(|| LoginError::NeverSignedIn { username: username.to_string() })?;
    let stored = credential.password_hash.as_deref().ok_or(LoginError::TokenOnly { username: username.to_string() })?;
    let hash = PasswordHash::new(stored).map_err(|e| LoginError::PasswordHash { detail: e.to_string() })?;
    match Argon2::default().verify_password(password.as_bytes(), &hash) {
        Ok(()) => Ok(credential),
        Err(argon2::password_hash::Error::Password) => {
            Err(LoginError::WrongPassword { username: username.to_string() })
        }
        Err(e) => Err(LoginError::PasswordHash { detail: e.to_string() }),
    }
}

/// Signs out of the account of `store`: refused with [`LoginError::UnsentData`] while records
/// wait to be sent, unless `confirm_loss` (the person was told how many and agreed to lose
/// them). Removes the credential row, so the account can no longer sign in offline with this
/// database. The shell deletes the database file itself after closing the store, when the
/// person chose to remove the account's data from the phone.
pub fn logout(store: &Store, confirm_loss: bool) -> Result<(), LoginError> {
    let count = store.unsent_count()?;
    if count > 0 && !confirm_loss {
        return Err(LoginError::UnsentData { count });
    }
    store.remove_credential()?;
    Ok(())
}

/// The stored credential, refused when it names another account than `url` and `username`.
fn check_owner(store: &Store, url: &ServerUrl, username: &str) -> Result<Option<Credential>, LoginError> {
    match store.credential()? {
        Some(c) if c.server_url != url.as_str() || c.username != username => {
            Err(LoginError::OtherAccount { server_url: c.server_url, username: c.username })
        }
        found => Ok(found),
    }
}

/// The argon2id PHC string of `password` with a fresh random salt.
fn hash_password(password: &str) -> Result<String, LoginError> {
    let fail = |e: argon2::password_hash::Error| LoginError::PasswordHash { detail: e.to_string() };
    let params = Params::new(ARGON2_MEMORY_KIB, ARGON2_PASSES, ARGON2_LANES, None)
        .map_err(|e| LoginError::PasswordHash { detail: e.to_string() })?;
    let salt = SaltString::encode_b64(&rand::random::<[u8; 16]>()).map_err(fail)?;
    let hash = Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password(password.as_bytes(), &salt)
        .map_err(fail)?;
    Ok(hash.to_string())
}

#[cfg(test)]
mod tests;
