//! [`App`]: one account (a DHIS2 user on one server) or the demo, open on this device.
//!
//! The flow the shell follows: open the demo ([`App::open_demo`]) or an account
//! ([`App::open_account`], with the database key the shell keeps wrapped in the Android
//! Keystore); for an account, sign in ([`App::login_online`], or [`App::login_offline`] without a
//! network); then capture (`form`, `people`, `capture`) and sync (`sync`). The language, the
//! Khmer-digit setting and the device's time zone are [`Settings`], changed at any time.
//!
//! The store is behind a mutex: calls from several threads take turns, each call's writes are one
//! transaction of the core. A sync runs on its own connection to the same file (the core's
//! writes begin IMMEDIATE, so the two wait for each other instead of failing), so capture goes on
//! while it runs. The credentials of the last sign-in stay in memory only, for the syncs of this
//! session.
//!
//! Owns opening, settings, sign-in state and the lock. Does not own what the calls do (the core).

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock};

use phum_core::i18n::{Lang, Locale};
use phum_core::model::DeviceClock;
use phum_core::store::{Account, DbKey, Store};
use phum_core::sync::client::{ClientOptions, Credentials};
use phum_core::sync::{connect_target, login, ClientError, ServerTarget};

use crate::error::{core, guard, ArgumentError, PhumError};

/// How the user wants to read, and where the device is.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Settings {
    /// `km` or `en` (also `km_KH`, `en-GB`: the language part is read).
    pub language: String,
    /// Show numbers in Khmer digits (values are stored in ASCII digits either way).
    pub khmer_digits: bool,
    /// The device's IANA time zone (`Asia/Phnom_Penh`): today's date and the time of every write.
    pub time_zone: String,
}

/// Who is signed in, after a sign-in.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SignedIn {
    pub username: String,
    /// The server's DHIS2 version (`2.41.3`); the one of the last online sign-in when offline.
    pub server_version: Option<String>,
    /// False when the password was checked on this device only (no network).
    pub online: bool,
}

/// What an open App is: the account, or the demo.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AccountInfo {
    /// The server's address; empty for the demo.
    pub server_url: String,
    /// The username; empty for the demo.
    pub username: String,
    /// Practice data that is never sent anywhere.
    pub demo: bool,
}

/// The settings as the core uses them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Context {
    pub locale: Locale,
    pub clock: DeviceClock,
}

impl Context {
    /// The settings as the core uses them; an error for a language or time zone it does not know
    /// is said in `speaking` (the app's language until now; English before there is an app).
    fn read(settings: &Settings, speaking: Locale) -> Result<Context, PhumError> {
        let lang = Lang::from_code(&settings.language).ok_or_else(|| {
            PhumError::from_core(&ArgumentError::Language { code: settings.language.clone() }, speaking)
        })?;
        let locale = Locale::new(lang, settings.khmer_digits);
        let clock = DeviceClock::new(&settings.time_zone).map_err(core(locale))?;
        Ok(Context { locale, clock })
    }

    /// The language a call that fails before settings are read speaks.
    fn locale_of(settings: &Settings) -> Locale {
        Locale::new(Lang::from_code(&settings.language).unwrap_or_default(), settings.khmer_digits)
    }
}

/// One account or the demo, open.
#[derive(uniffi::Object)]
pub struct App {
    pub(crate) store: Mutex<Store>,
    pub(crate) account: Account,
    pub(crate) database: PathBuf,
    pub(crate) key: DbKey,
    settings: RwLock<(Settings, Context)>,
    /// The credentials of this session's last sign-in (memory only).
    pub(crate) credentials: Mutex<Option<Credentials>>,
    /// Set by `cancel_sync`; read by the running sync between requests.
    pub(crate) cancel: AtomicBool,
    /// Held by the running sync: one at a time per account.
    pub(crate) syncing: Mutex<()>,
}

impl App {
    /// The store, for one call. A call that panicked while holding it has had its transaction
    /// rolled back by the core, so the store is usable again.
    pub(crate) fn store(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn context(&self) -> Context {
        self.settings.read().unwrap_or_else(PoisonError::into_inner).1
    }

    pub(crate) fn locale(&self) -> Locale {
        self.context().locale
    }

    /// Runs `call` with the panic guard, in the app's language.
    pub(crate) fn run<T>(&self, call: impl FnOnce() -> Result<T, PhumError>) -> Result<T, PhumError> {
        guard(self.locale(), call)
    }

    fn new(store: Store, account: Account, key: DbKey, settings: Settings, context: Context) -> Arc<App> {
        let database = store.path().to_path_buf();
        Arc::new(App {
            store: Mutex::new(store),
            account,
            database,
            key,
            settings: RwLock::new((settings, context)),
            credentials: Mutex::new(None),
            cancel: AtomicBool::new(false),
            syncing: Mutex::new(()),
        })
    }
}

/// A database key from its 64 hex digits.
fn key(hex: &str, locale: Locale) -> Result<DbKey, PhumError> {
    DbKey::from_hex(hex).map_err(core(locale))
}

fn create_folder(folder: &str, locale: Locale) -> Result<PathBuf, PhumError> {
    let path = PathBuf::from(folder);
    std::fs::create_dir_all(&path).map_err(|e| {
        PhumError::from_core(&ArgumentError::Folder { path: folder.to_string(), detail: e.to_string() }, locale)
    })?;
    Ok(path)
}

#[uniffi::export]
impl App {
    /// Opens the demo in `folder` (the app's private files), making its practice data the first
    /// time; `key_hex` is the database key (64 hex digits) the shell keeps for the demo.
    #[uniffi::constructor]
    pub fn open_demo(folder: String, key_hex: String, settings: Settings) -> Result<Arc<App>, PhumError> {
        guard(Context::locale_of(&settings), || {
            let context = Context::read(&settings, Context::locale_of(&settings))?;
            let locale = context.locale;
            let key = key(&key_hex, locale)?;
            let folder = create_folder(&folder, locale)?;
            let opened = phum_core::demo::open(&folder, &key, &context.clock).map_err(core(locale))?;
            log::info!("demo opened (made now: {})", opened.created);
            Ok(App::new(opened.store, Account::Demo, key, settings, context))
        })
    }

    /// Opens the account of `username` on `server_url` in `folder`, making its database the first
    /// time (with `key_hex`, 64 hex digits, which the shell generated and keeps). Sign in next.
    #[uniffi::constructor]
    pub fn open_account(
        folder: String,
        server_url: String,
        username: String,
        key_hex: String,
        settings: Settings,
    ) -> Result<Arc<App>, PhumError> {
        guard(Context::locale_of(&settings), || {
            let context = Context::read(&settings, Context::locale_of(&settings))?;
            let locale = context.locale;
            let key = key(&key_hex, locale)?;
            let folder = create_folder(&folder, locale)?;
            let account = Account::Server { url: server_url.trim().to_string(), username: username.trim().to_string() };
            let path = login::account_database(&folder, &account);
            let store = Store::open(&path, Some(&key)).map_err(core(locale))?;
            connect_target(&store, &account).map_err(core(locale))?;
            log::info!("account database opened");
            Ok(App::new(store, account, key, settings, context))
        })
    }

    /// The account (or the demo) this App has open.
    pub fn account(&self) -> AccountInfo {
        match &self.account {
            Account::Server { url, username } => {
                AccountInfo { server_url: url.clone(), username: username.clone(), demo: false }
            }
            Account::Demo => AccountInfo { server_url: String::new(), username: String::new(), demo: true },
        }
    }

    pub fn settings(&self) -> Settings {
        self.settings.read().unwrap_or_else(PoisonError::into_inner).0.clone()
    }

    /// Changes the language, digits or time zone; open forms keep theirs until
    /// `FormSession::set_language`. A bad setting changes nothing and is refused in the language
    /// the app had.
    pub fn set_settings(&self, settings: Settings) -> Result<(), PhumError> {
        self.run(|| {
            let context = Context::read(&settings, self.locale())?;
            *self.settings.write().unwrap_or_else(PoisonError::into_inner) = (settings, context);
            Ok(())
        })
    }

    /// Signs in over the network with a password (`token` false) or a personal access token, and
    /// keeps the credentials in memory for this session's syncs.
    pub fn login_online(&self, secret: String, token: bool) -> Result<SignedIn, PhumError> {
        self.run(|| {
            let store = self.store();
            let target = self.target(&store)?;
            self.sign_in_online(&store, &target, secret, token).map_err(core(self.locale()))
        })
    }

    /// Signs in without the network: the password must match the one of the last online sign-in
    /// on this device.
    pub fn login_offline(&self, password: String) -> Result<SignedIn, PhumError> {
        self.run(|| {
            let store = self.store();
            let target = self.target(&store)?;
            self.sign_in_offline(&store, &target, password).map_err(core(self.locale()))
        })
    }

    /// Signs in with a password online, or offline when the network is what failed (unreachable,
    /// timeout, TLS) and this device has signed in online before: the login screen's one button.
    pub fn login(&self, password: String) -> Result<SignedIn, PhumError> {
        self.run(|| {
            let store = self.store();
            let target = self.target(&store)?;
            match self.sign_in_online(&store, &target, password.clone(), false) {
                Err(login::LoginError::Client(e)) if offline_worth_trying(&e) && signed_in_before(&store) => {
                    log::info!("signing in offline: {e}");
                    self.sign_in_offline(&store, &target, password)
                }
                other => other,
            }
            .map_err(core(self.locale()))
        })
    }

    /// Whether this device has the offline sign-in of the account (an online sign-in before).
    pub fn has_signed_in_before(&self) -> bool {
        signed_in_before(&self.store())
    }

    /// Signs out: refused (`Refused`, with the count) while records wait to be sent, unless
    /// `discard_unsent` (the user was told how many and agreed). Forgets the credentials and the
    /// offline sign-in; the shell deletes the database file after dropping this App if the user
    /// chose to remove the account's data.
    pub fn logout(&self, discard_unsent: bool) -> Result<(), PhumError> {
        self.run(|| {
            let store = self.store();
            login::logout(&store, discard_unsent).map_err(core(self.locale()))?;
            *self.credentials.lock().unwrap_or_else(PoisonError::into_inner) = None;
            Ok(())
        })
    }

    /// Puts the demo's practice data back to its initial state (refused for an account).
    pub fn reset_demo(&self) -> Result<(), PhumError> {
        self.run(|| phum_core::demo::reset_in_place(&mut self.store(), &self.key).map_err(core(self.locale())))
    }
}

/// Whether the store holds an offline sign-in (an online sign-in with a password before).
fn signed_in_before(store: &Store) -> bool {
    matches!(store.credential(), Ok(Some(c)) if c.password_hash.is_some())
}

/// The network failed, not the credentials (worth an offline sign-in).
fn offline_worth_trying(e: &ClientError) -> bool {
    e.transient() || matches!(e, ClientError::Tls { .. })
}

impl App {
    fn remember(&self, credentials: Credentials) {
        *self.credentials.lock().unwrap_or_else(PoisonError::into_inner) = Some(credentials);
    }

    /// The server this account may talk to (refused for the demo).
    pub(crate) fn target(&self, store: &Store) -> Result<ServerTarget, PhumError> {
        connect_target(store, &self.account).map_err(core(self.locale()))
    }

    fn sign_in_online(
        &self,
        store: &Store,
        target: &ServerTarget,
        secret: String,
        token: bool,
    ) -> Result<SignedIn, login::LoginError> {
        let credentials = if token {
            Credentials::Token(secret)
        } else {
            Credentials::Password { username: target.username().to_string(), password: secret }
        };
        let clock = self.context().clock;
        let online = login::login_online(store, target, credentials.clone(), ClientOptions::default(), &clock)?;
        self.remember(credentials);
        let version = online.client.system().version_text.clone();
        log::info!("signed in online (DHIS2 {version})");
        Ok(SignedIn { username: online.user.username, server_version: Some(version), online: true })
    }

    fn sign_in_offline(
        &self,
        store: &Store,
        target: &ServerTarget,
        password: String,
    ) -> Result<SignedIn, login::LoginError> {
        let credential = login::login_offline(store, target, &password)?;
        let username = target.username().to_string();
        self.remember(Credentials::Password { username: username.clone(), password });
        Ok(SignedIn { username, server_version: credential.server_version, online: false })
    }
}
