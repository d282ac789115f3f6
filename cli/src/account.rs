//! `phum login`, `phum sync`, `phum status` and `phum logout`: a DHIS2 account on this computer,
//! as the phone has one.
//!
//! Accounts live in one folder (`--dir`, default `$XDG_DATA_HOME/phum/accounts` or
//! `~/.local/share/phum/accounts`): one encrypted database per server and username
//! (`sync::login::account_database`) with its key file beside it (`<db>.key`, mode 0600), and a
//! file `current` naming the account signed in last (its server and username, one per line), which
//! `sync`, `status` and `logout` use.
//!
//! Secrets never come from the command line (where other users could read them in the process
//! list): the password from `PHUM_PASSWORD`, else the first line of standard input; with
//! `--token`, a personal access token from `PHUM_TOKEN`, else standard input. `phum sync` needs
//! them again (the command line keeps no session); with a password it checks it against the
//! offline hash first, so that a mistyped password never reaches the server.
//!
//! Owns these commands, the account folder and reading secrets. Does not own signing in, the
//! sync or its messages (`phum_core::sync`).

use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};
use phum_core::i18n::{Locale, Localize, Message};
use phum_core::model::DeviceClock;
use phum_core::msg;
use phum_core::store::{Account, Store};
use phum_core::sync::client::{Client, ClientOptions, Credentials};
use phum_core::sync::progress::{Observer, Progress};
use phum_core::sync::run::{SyncOptions, LAST_SYNC};
use phum_core::sync::{connect_target, login, run, status, ClientError};

use crate::db::{read_key, write_new_key};
use crate::error::CliError;
use crate::locale::say;

/// Where the accounts are.
#[derive(clap::Args)]
pub struct AccountDir {
    /// The folder of the accounts' databases (default: $XDG_DATA_HOME/phum/accounts, or
    /// ~/.local/share/phum/accounts).
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct LoginArgs {
    /// The DHIS2 server's address, e.g. https://hmis.example.org.
    #[arg(long, value_name = "URL")]
    pub server: String,
    /// The DHIS2 username.
    #[arg(long, value_name = "NAME")]
    pub user: String,
    /// Sign in with a personal access token (PHUM_TOKEN or standard input) instead of a password.
    #[arg(long)]
    pub token: bool,
    #[command(flatten)]
    pub dir: AccountDir,
}

#[derive(clap::Args)]
pub struct SyncArgs {
    /// Use a personal access token (PHUM_TOKEN or standard input) instead of the password.
    #[arg(long)]
    pub token: bool,
    /// At most this many people (or events) per program and org unit in a download.
    #[arg(long, value_name = "N", default_value_t = 500)]
    pub limit: usize,
    #[command(flatten)]
    pub dir: AccountDir,
}

#[derive(clap::Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub dir: AccountDir,
}

#[derive(clap::Args)]
pub struct LogoutArgs {
    /// Also delete the account's database, with records not yet sent.
    #[arg(long)]
    pub discard_unsent: bool,
    #[command(flatten)]
    pub dir: AccountDir,
}

impl AccountDir {
    fn path(&self) -> PathBuf {
        self.dir.clone().unwrap_or_else(|| crate::db::data_dir("accounts"))
    }

    /// The account signed in last.
    fn current(&self) -> Result<Account, CliError> {
        let dir = self.path();
        let file = dir.join("current");
        let text = std::fs::read_to_string(&file).map_err(|_| CliError::NotSignedIn { dir: dir.clone() })?;
        let mut lines = text.lines();
        match (lines.next(), lines.next()) {
            (Some(url), Some(username)) if !url.is_empty() && !username.is_empty() => {
                Ok(Account::Server { url: url.to_string(), username: username.to_string() })
            }
            _ => Err(CliError::NotSignedIn { dir }),
        }
    }
}

/// The database and key file of `account` in `dir`.
fn files(dir: &Path, account: &Account) -> (PathBuf, PathBuf) {
    let db = login::account_database(dir, account);
    let key = crate::db::default_key_path(&db);
    (db, key)
}

/// Reads a secret: the environment variable, else the first line of standard input (with a
/// prompt on a terminal).
fn secret(env: &str, prompt: &Message) -> Result<String, CliError> {
    if let Some(value) = std::env::var_os(env).filter(|v| !v.is_empty()) {
        return Ok(value.to_string_lossy().into_owned());
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("{}: ", say(prompt));
    }
    let mut line = String::new();
    stdin.lock().read_line(&mut line).map_err(|source| CliError::Io { path: PathBuf::from("-"), source })?;
    let line = line.trim_end_matches(['\r', '\n']).to_string();
    if line.is_empty() {
        return Err(CliError::NoSecret { variable: env.to_string() });
    }
    Ok(line)
}

fn credentials(token: bool, username: &str) -> Result<Credentials, CliError> {
    Ok(if token {
        Credentials::Token(secret("PHUM_TOKEN", &Message::new("cli-account-token-prompt"))?)
    } else {
        let password = secret("PHUM_PASSWORD", &Message::new("cli-account-password-prompt"))?;
        Credentials::Password { username: username.to_string(), password }
    })
}

/// Opens the account's database, creating it and its key the first time; `new` says whether it
/// was made now.
fn open(dir: &Path, account: &Account) -> Result<(Store, bool), CliError> {
    std::fs::create_dir_all(dir).map_err(|source| CliError::Io { path: dir.to_path_buf(), source })?;
    let (db, key_path) = files(dir, account);
    let new = !db.exists();
    let key = match read_key(&key_path)? {
        Some(key) => key,
        None if new => write_new_key(&key_path)?,
        None => return Err(CliError::KeyFileMissing { db, key: key_path }),
    };
    Ok((Store::open(&db, Some(&key))?, new))
}

fn remove_account_files(dir: &Path, account: &Account) {
    let (db, key) = files(dir, account);
    crate::db::remove_database(&db);
    let _ = std::fs::remove_file(key);
}

/// `phum login`: online, or offline when the server cannot be reached and this account signed in
/// online here before.
pub fn login(args: &LoginArgs) -> Result<(), CliError> {
    let dir = args.dir.path();
    let account = Account::Server { url: args.server.clone(), username: args.user.clone() };
    let credentials = credentials(args.token, &args.user)?;
    let (store, new) = open(&dir, &account)?;
    let target = connect_target(&store, &account)?;
    let clock = DeviceClock::default();
    let signed_in = match login::login_online(&store, &target, credentials.clone(), ClientOptions::default(), &clock) {
        Ok(online) => msg!(
            "cli-account-signed-in",
            user = online.user.username.as_str(),
            server = online.client.url().as_str(),
            version = online.client.system().version_text.as_str()
        ),
        Err(login::LoginError::Client(e)) if offline_worth_trying(&e) && !new => {
            let Credentials::Password { password, .. } = &credentials else {
                return Err(login::LoginError::Client(e).into());
            };
            login::login_offline(&store, &target, password)?;
            msg!("cli-account-signed-in-offline", user = args.user.as_str(), reason = e.message())
        }
        Err(e) => {
            drop(store);
            if new {
                remove_account_files(&dir, &account);
            }
            return Err(e.into());
        }
    };
    let current = format!("{}\n{}\n", args.server.trim(), args.user);
    std::fs::write(dir.join("current"), current)
        .map_err(|source| CliError::Io { path: dir.join("current"), source })?;
    println!("{}", say(&signed_in));
    if new {
        println!("{}", say(&Message::new("cli-account-first-sync")));
    }
    Ok(())
}

/// The network is what failed, not the credentials.
fn offline_worth_trying(e: &ClientError) -> bool {
    e.transient() || matches!(e, ClientError::Tls { .. })
}

/// A progress bar of the sync on standard error.
struct Bar {
    bar: ProgressBar,
    locale: Locale,
}

impl Observer for Bar {
    fn progress(&self, p: Progress) {
        self.bar.set_message(p.phase.localized(self.locale));
        self.bar.set_length(p.total.max(p.done));
        self.bar.set_position(p.done);
    }
}

/// `phum sync`.
pub fn sync(args: &SyncArgs) -> Result<(), CliError> {
    let dir = args.dir.path();
    let account = args.dir.current()?;
    let (mut store, _) = open(&dir, &account)?;
    let target = connect_target(&store, &account)?;
    let credentials = credentials(args.token, target.username())?;
    if let Credentials::Password { password, .. } = &credentials {
        login::login_offline(&store, &target, password)?;
    }
    let client = Client::connect(&target, credentials, ClientOptions::default())?;
    let locale = crate::locale::get();
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{msg:24} [{bar:30}] {pos}/{len}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let observer = Bar { bar, locale };
    let mut options = SyncOptions::default();
    options.download.limit_per_org_unit = args.limit.max(1);
    let result = run::sync(&client, &mut store, &DeviceClock::default(), &observer, &options);
    observer.bar.finish_and_clear();
    let summary = result?;
    println!("{}", say(&summary.message()));
    if let Some(refused) = &summary.metadata_refused {
        println!("{}", say(&msg!("cli-account-metadata-refused", reason = refused.clone())));
    }
    for refusal in status::refusals(&store, locale.lang)? {
        println!("  {}", say(&refusal.message()));
    }
    Ok(())
}

/// `phum status`: what waits, what the server refused and why, the last sync. No network.
pub fn status(args: &StatusArgs) -> Result<(), CliError> {
    let dir = args.dir.path();
    let account = args.dir.current()?;
    let (store, _) = open(&dir, &account)?;
    let locale = crate::locale::get();
    let (url, user) = match &account {
        Account::Server { url, username } => (url.as_str(), username.as_str()),
        Account::Demo => ("", ""),
    };
    println!("{}", say(&msg!("cli-account-status-account", user = user, server = url)));
    let last = store.sync_value(LAST_SYNC)?;
    println!(
        "{}",
        say(&match last {
            Some(at) => msg!("cli-account-status-last-sync", at = at),
            None => Message::new("cli-account-status-never-synced"),
        })
    );
    let counts = store.data().waiting_counts().map_err(phum_core::sync::SyncError::from)?;
    let waiting = counts.waiting();
    println!("{}", say(&msg!("cli-account-status-waiting", waiting = waiting as i64, refused = counts.refused as i64)));
    for refusal in status::refusals(&store, locale.lang)? {
        println!("  {}", say(&refusal.message()));
    }
    let conflicts = store.data().conflicts().map_err(phum_core::sync::SyncError::from)?.len();
    if conflicts > 0 {
        println!("{}", say(&msg!("cli-account-status-conflicts", count = conflicts as i64)));
    }
    Ok(())
}

/// `phum logout`.
pub fn logout(args: &LogoutArgs) -> Result<(), CliError> {
    let dir = args.dir.path();
    let account = args.dir.current()?;
    let (store, _) = open(&dir, &account)?;
    login::logout(&store, args.discard_unsent)?;
    drop(store);
    if args.discard_unsent {
        remove_account_files(&dir, &account);
    }
    let _ = std::fs::remove_file(dir.join("current"));
    println!(
        "{}",
        say(&if args.discard_unsent {
            Message::new("cli-account-signed-out-removed")
        } else {
            Message::new("cli-account-signed-out")
        })
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_of(dir: &Path, account: &Account) -> Option<phum_core::store::DbKey> {
        read_key(&files(dir, account).1).ok().flatten()
    }

    #[test]
    fn each_account_has_its_database_and_key_in_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let a = Account::Server { url: "https://hmis.moh.gov.kh".into(), username: "sokha".into() };
        let b = Account::Server { url: "https://hmis.moh.gov.kh".into(), username: "dara".into() };
        let (store, new) = open(dir.path(), &a).unwrap();
        assert!(new);
        drop(store);
        let (_, new_again) = open(dir.path(), &a).unwrap();
        assert!(!new_again);
        open(dir.path(), &b).unwrap();
        assert_ne!(files(dir.path(), &a), files(dir.path(), &b));
        assert!(key_of(dir.path(), &a).is_some());
        remove_account_files(dir.path(), &a);
        assert!(key_of(dir.path(), &a).is_none());
        assert!(!files(dir.path(), &a).0.exists());
    }
}
