use std::time::Duration;

use super::*;
use crate::sync::client::test_server::{json, serve, system_info, TestServer};
use crate::test_dates::ymd;

const PASSWORD: &str = "Kampot-Pepper#2026";

/// What DHIS2 2.41 answers to `ME` (trimmed).
const ME_SOKHA: &str = r#"{"id":"xE7jOejl9FI","username":"sokha","firstName":"Sokha","surname":"Chan",
    "organisationUnits":[{"id":"DiszpKrYNg8"}],"authorities":["F_TRACKED_ENTITY_INSTANCE_ADD"],
    "userRoles":[{"id":"Ufph3mGRmMo","authorities":["F_PROGRAM_ENROLLMENT","F_TRACKED_ENTITY_INSTANCE_ADD"]}]}"#;

fn target(url: &str, username: &str) -> ServerTarget {
    ServerTarget { url: url.to_string(), username: username.to_string() }
}

fn password(username: &str, password: &str) -> Credentials {
    Credentials::Password { username: username.into(), password: password.into() }
}

fn options() -> ClientOptions {
    ClientOptions {
        connect_timeout: Duration::from_secs(5),
        read_timeout: Duration::from_secs(5),
        ..Default::default()
    }
}

fn clock() -> DeviceClock {
    DeviceClock::default().pinned_on(ymd(2026, 12, 5))
}

/// A server that accepts one sign-in of sokha.
fn dhis2() -> TestServer {
    serve(vec![system_info("2.41.3"), json(200, ME_SOKHA)])
}

fn sign_in(store: &Store, server: &TestServer) -> Result<OnlineLogin, LoginError> {
    login_online(store, &target(&server.url, "sokha"), password("sokha", PASSWORD), options(), &clock())
}

#[test]
fn online_login_stores_an_argon2id_hash_and_nowhere_the_password() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plain.db");
    let store = Store::open(&path, None).unwrap();
    let server = dhis2();
    let login = sign_in(&store, &server).unwrap();
    assert_eq!(login.user.uid, "xE7jOejl9FI");
    assert_eq!(login.user.org_units, ["DiszpKrYNg8"]);
    assert_eq!(login.user.authorities, ["F_PROGRAM_ENROLLMENT", "F_TRACKED_ENTITY_INSTANCE_ADD"]);
    assert_eq!(login.client.system().version_text, "2.41.3");
    let requests = server.requests();
    assert!(requests[1].starts_with(&format!("GET {ME} HTTP/1.1")), "{}", requests[1]);

    let credential = store.credential().unwrap().unwrap();
    assert_eq!(credential.server_url, server.url);
    assert_eq!(credential.username, "sokha");
    assert_eq!(credential.user_uid.as_deref(), Some("xE7jOejl9FI"));
    assert_eq!(credential.server_version.as_deref(), Some("2.41.3"));
    assert_eq!(credential.signed_in_at, "2026-12-05T12:00:00.000+07:00");
    let hash = credential.password_hash.unwrap();
    assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
    store.close().unwrap();

    let plain = std::fs::read(&path).unwrap();
    assert!(plain.windows(hash.len()).any(|w| w == hash.as_bytes()), "the scan reads the rows as stored");
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        assert!(!bytes.windows(PASSWORD.len()).any(|w| w == PASSWORD.as_bytes()), "{}", path.display());
    }
}

#[test]
fn salts_differ_so_equal_passwords_give_different_hashes() {
    let a = hash_password(PASSWORD).unwrap();
    let b = hash_password(PASSWORD).unwrap();
    assert_ne!(a, b);
}

#[test]
fn offline_login_accepts_the_password_of_the_last_online_login_only() {
    let store = Store::open_in_memory().unwrap();
    let server = dhis2();
    sign_in(&store, &server).unwrap();
    let target = target(&format!("{}/", server.url), "sokha");
    let credential = login_offline(&store, &target, PASSWORD).unwrap();
    assert_eq!(credential.user_uid.as_deref(), Some("xE7jOejl9FI"));
    let err = login_offline(&store, &target, "kampot-pepper#2026").unwrap_err();
    assert!(matches!(err, LoginError::WrongPassword { .. }), "{err:?}");
    let err = login_offline(&store, &target, "").unwrap_err();
    assert!(matches!(err, LoginError::WrongPassword { .. }), "{err:?}");
}

#[test]
fn offline_login_before_any_online_login_says_so() {
    let store = Store::open_in_memory().unwrap();
    let err = login_offline(&store, &target("https://hmis.moh.gov.kh", "sokha"), PASSWORD).unwrap_err();
    assert!(matches!(err, LoginError::NeverSignedIn { .. }), "{err:?}");
    assert!(err.to_string().contains("internet"), "{err}");
}

#[test]
fn a_token_login_stores_no_hash_and_cannot_sign_in_offline() {
    let store = Store::open_in_memory().unwrap();
    let server = dhis2();
    let token = Credentials::Token("d2pat_5xVA12xyUbWNedQxy4ohH77WlxRGVvZZ1151814092".into());
    login_online(&store, &target(&server.url, "sokha"), token, options(), &clock()).unwrap();
    let credential = store.credential().unwrap().unwrap();
    assert_eq!(credential.password_hash, None);
    assert_eq!(credential.user_uid.as_deref(), Some("xE7jOejl9FI"));
    let err = login_offline(&store, &target(&server.url, "sokha"), PASSWORD).unwrap_err();
    assert!(matches!(err, LoginError::TokenOnly { .. }), "{err:?}");
}

#[test]
fn a_database_of_another_account_is_refused_before_the_server_is_asked() {
    let store = Store::open_in_memory().unwrap();
    let server = dhis2();
    sign_in(&store, &server).unwrap();
    let quiet = dhis2();
    for other in [target(&server.url, "dara"), target(&quiet.url, "sokha")] {
        let err = login_online(&store, &other, password(other.username(), PASSWORD), options(), &clock()).unwrap_err();
        assert!(matches!(&err, LoginError::OtherAccount { username, .. } if username == "sokha"), "{err:?}");
        let err = login_offline(&store, &other, PASSWORD).unwrap_err();
        assert!(matches!(err, LoginError::OtherAccount { .. }), "{err:?}");
    }
    assert!(quiet.requests().is_empty());
    assert_eq!(store.credential().unwrap().unwrap().username, "sokha");
}

#[test]
fn credentials_the_server_knows_as_another_user_write_nothing() {
    let store = Store::open_in_memory().unwrap();
    let server = serve(vec![system_info("2.41.3"), json(200, &ME_SOKHA.replace("\"sokha\"", "\"dara\""))]);
    let token = Credentials::Token("d2pat_5xVA12xyUbWNedQxy4ohH77WlxRGVvZZ1151814092".into());
    let err = login_online(&store, &target(&server.url, "sokha"), token, options(), &clock()).unwrap_err();
    assert!(matches!(&err, LoginError::UserMismatch { server, .. } if server == "dara"), "{err:?}");
    assert_eq!(store.credential().unwrap(), None);

    let err = login_online(&store, &target(&server.url, "sokha"), password("dara", PASSWORD), options(), &clock())
        .unwrap_err();
    assert!(matches!(err, LoginError::UserMismatch { .. }), "{err:?}");
}

#[test]
fn a_me_answer_without_the_users_uid_is_a_bad_answer_that_names_the_field() {
    let store = Store::open_in_memory().unwrap();
    let server = serve(vec![system_info("2.41.3"), json(200, r#"{"username":"sokha","organisationUnits":[{}]}"#)]);
    let err = sign_in(&store, &server).unwrap_err();
    let LoginError::Client(ClientError::BadAnswer { detail, .. }) = &err else { panic!("{err:?}") };
    assert!(detail.contains("organisationUnits[0]"), "{detail}");
    assert_eq!(store.credential().unwrap(), None);
}

#[test]
fn a_refused_online_login_writes_nothing() {
    let store = Store::open_in_memory().unwrap();
    let server = serve(vec![json(401, r#"{"httpStatusCode":401}"#)]);
    let err = sign_in(&store, &server).unwrap_err();
    assert!(matches!(err, LoginError::Client(ClientError::Unauthorized { .. })), "{err:?}");
    assert_eq!(store.credential().unwrap(), None);
}

#[test]
fn logout_keeps_unsent_records_unless_their_loss_is_confirmed() {
    let store = Store::open_in_memory().unwrap();
    let server = dhis2();
    sign_in(&store, &server).unwrap();
    store
        .conn()
        .execute(
            "INSERT INTO tracked_entity (uid, tracked_entity_type, org_unit, created, updated, sync_state)
             VALUES ('PQfMcpmXeFE', 'nEenWmSyUEp', 'DiszpKrYNg8', 'c', 'u', 'TO_POST')",
            [],
        )
        .unwrap();
    let err = logout(&store, false).unwrap_err();
    assert!(matches!(err, LoginError::UnsentData { count: 1 }), "{err:?}");
    assert!(store.credential().unwrap().is_some(), "a refused logout changes nothing");
    logout(&store, true).unwrap();
    assert_eq!(store.credential().unwrap(), None);
    assert_eq!(store.unsent_count().unwrap(), 1, "the records stay in the database");
}

#[test]
fn logout_with_everything_sent_needs_no_confirmation() {
    let store = Store::open_in_memory().unwrap();
    let server = dhis2();
    sign_in(&store, &server).unwrap();
    logout(&store, false).unwrap();
    assert_eq!(store.credential().unwrap(), None);
}

#[test]
fn each_account_has_its_own_database_file_in_the_directory() {
    let dir = Path::new("/data/phum");
    let sokha = Account::Server { url: "https://hmis.moh.gov.kh".into(), username: "sokha".into() };
    let dara = Account::Server { url: "https://hmis.moh.gov.kh".into(), username: "dara".into() };
    let path = account_database(dir, &sokha);
    assert_eq!(path.parent(), Some(dir));
    assert_eq!(path.file_name().unwrap().to_str().unwrap(), sokha.database_file_name());
    assert_ne!(path, account_database(dir, &dara));
    assert_ne!(path, account_database(dir, &Account::Demo));
}

#[test]
fn every_login_error_variant_renders_in_both_languages() {
    let samples = [
        LoginError::Client(ClientError::Unauthorized { url: "https://hmis.moh.gov.kh/api/system/info".into() }),
        LoginError::Store(StoreError::Sql(rusqlite::Error::InvalidQuery)),
        LoginError::OtherAccount { server_url: "https://hmis.moh.gov.kh".into(), username: "dara".into() },
        LoginError::UserMismatch { typed: "sokha".into(), server: "dara".into() },
        LoginError::NeverSignedIn { username: "sokha".into() },
        LoginError::TokenOnly { username: "sokha".into() },
        LoginError::WrongPassword { username: "sokha".into() },
        LoginError::PasswordHash { detail: "invalid Base64 encoding".into() },
        LoginError::UnsentData { count: 12 },
    ];
    let name = |e: &LoginError| match e {
        LoginError::Client(_) => "Client",
        LoginError::Store(_) => "Store",
        LoginError::OtherAccount { .. } => "OtherAccount",
        LoginError::UserMismatch { .. } => "UserMismatch",
        LoginError::NeverSignedIn { .. } => "NeverSignedIn",
        LoginError::TokenOnly { .. } => "TokenOnly",
        LoginError::WrongPassword { .. } => "WrongPassword",
        LoginError::PasswordHash { .. } => "PasswordHash",
        LoginError::UnsentData { .. } => "UnsentData",
    };
    let names: std::collections::BTreeSet<_> = samples.iter().map(name).collect();
    assert_eq!(names.len(), 9);
    for e in &samples {
        crate::i18n::catalogue_tests::assert_renders_in_both(&e.message());
    }
    assert!(LoginError::UnsentData { count: 1 }.to_string().starts_with("One record"));
}
