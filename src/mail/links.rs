//! The links in every message that let a subscriber manage their subscription, and the key
//! that signs them.
//!
//! A digest or crisis message carries two links, to the preferences page and to the
//! unsubscribe page (also the RFC 8058 one-click target). They must keep working for as long as
//! the message sits in someone's inbox, for every one of perhaps a hundred thousand recipients
//! of every message, so they are not stored: a link token is
//! `base64url(subscriber id) "." base64url(HMAC-SHA256(key, purpose, id, address))`, 256 bits
//! of MAC under a random key. Verifying recomputes the MAC, so nothing grows with the number
//! of messages sent, an erased subscriber's links die with their row, and a token for one
//! purpose does not work for another.
//!
//! The key lives with the store, though not in it (a copy of the store alone cannot be used
//! to act for anyone): the file `STORE.key` beside the store, created with it (readable by its
//! owner only). It may instead be given from outside in the environment variable [`KEY_ENV`]
//! (64 hexadecimal digits). Either way its fingerprint is recorded in the store the first time
//! it is used, and [`LinkKey::load`] refuses a key with another fingerprint: `anslag publish`
//! and `anslag subscriptions serve` cannot silently sign and check with different keys (which
//! would make every link answer 410).
//!
//! Confirmation links of the double opt-in are different: random, single-use, expiring after
//! [`crate::mail::compose::CONFIRM_VALID_HOURS`], stored as hashes
//! ([`crate::mail::store::issue_token`]).

use std::io::Write;
use std::path::{Path, PathBuf};

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::config::mail::MailSettings;

/// The environment variable that may hold the link key (64 hexadecimal digits).
pub const KEY_ENV: &str = "ANSLAG_LINK_KEY";

/// What a link lets its holder do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Show and change the subscriber's language, topics and frequency.
    Preferences,
    /// Unsubscribe: a page that asks (GET), or at once (POST, RFC 8058 one-click).
    Unsubscribe,
    /// The return path of one outbox row (VERP, see [`crate::mail::bounces::verp`]).
    Bounce,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Preferences => "preferences",
            Purpose::Unsubscribe => "unsubscribe",
            Purpose::Bounce => "bounce",
        }
    }
}

/// The path of a link on the subscription service, below `mail.service_url`.
pub const CONFIRM_PATH: &str = "confirm";
pub const PREFERENCES_PATH: &str = "preferences";
pub const UNSUBSCRIBE_PATH: &str = "unsubscribe";

/// `{service_url}/confirm/{token}`: the link of a confirmation message.
pub fn confirm_url(settings: &MailSettings, token: &str) -> String {
    format!("{}/{CONFIRM_PATH}/{token}", service(settings))
}

/// `{service_url}/preferences/{token}`.
pub fn preferences_url(settings: &MailSettings, token: &str) -> String {
    format!("{}/{PREFERENCES_PATH}/{token}", service(settings))
}

/// `{service_url}/unsubscribe/{token}`: the `List-Unsubscribe` link.
pub fn unsubscribe_url(settings: &MailSettings, token: &str) -> String {
    format!("{}/{UNSUBSCRIBE_PATH}/{token}", service(settings))
}

fn service(settings: &MailSettings) -> &str {
    settings.service_url.trim_end_matches('/')
}

/// Why the link key could not be had.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("{KEY_ENV} must be 64 hexadecimal digits (32 random bytes)")]
    BadEnv,
    #[error(
        "the link key file `{0}` must hold 64 hexadecimal digits; it has been changed or damaged"
    )]
    BadFile(PathBuf),
    #[error("cannot read or create the link key file `{path}`: {error}")]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("no random numbers from the operating system: {0}")]
    Random(String),
    #[error(
        "the link key from {origin} (fingerprint {given}) is not the key this store's links are signed with (fingerprint {recorded}): every unsubscribe and preferences link would be refused. Give `anslag publish` and `anslag subscriptions serve` the same key: unset {KEY_ENV} for both (the key file `{file}` beside the store is then used), or set it to the same value for both, from wherever cron and the service's systemd unit read it"
    )]
    Mismatch {
        origin: String,
        given: String,
        recorded: String,
        file: PathBuf,
    },
    #[error("cannot record the link key's fingerprint in the store: {0}")]
    Store(String),
}

/// The key that signs link tokens.
#[derive(Clone)]
pub struct LinkKey([u8; 32]);

impl std::fmt::Debug for LinkKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LinkKey(…)")
    }
}

impl LinkKey {
    /// The key from [`KEY_ENV`], else from `STORE.key` beside the store at `store`, made on
    /// first use.
    ///
    /// The key's fingerprint is recorded in the store on first use; a key with another one is
    /// refused ([`KeyError::Mismatch`]).
    pub fn load(store: &Path) -> Result<LinkKey, KeyError> {
        let (key, origin) = match std::env::var(KEY_ENV) {
            Ok(hex) => (
                parse_hex(hex.trim()).map(LinkKey).ok_or(KeyError::BadEnv)?,
                format!("the environment variable {KEY_ENV}"),
            ),
            Err(_) => (
                Self::from_file(store)?,
                format!("the key file `{}`", key_path(store).display()),
            ),
        };
        key.check_recorded(store, origin)?;
        Ok(key)
    }

    /// A short, one-way fingerprint of the key: safe to log and to keep in the store.
    pub fn fingerprint(&self) -> String {
        let mut m =
            <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("HMAC takes a key of any length");
        m.update(b"anslag link key fingerprint");
        let bytes = m.finalize().into_bytes();
        bytes[..8].iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Records the fingerprint in the store if none is, else compares it.
    fn check_recorded(&self, store: &Path, origin: String) -> Result<(), KeyError> {
        let given = self.fingerprint();
        let conn = super::store::open(store).map_err(|e| KeyError::Store(e.to_string()))?;
        let recorded: Option<String> = conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'link_key_fingerprint'",
                [],
                |r| r.get(0),
            )
            .ok();
        match recorded {
            Some(recorded) if recorded != given => Err(KeyError::Mismatch {
                origin,
                given,
                recorded,
                file: key_path(store),
            }),
            Some(_) => Ok(()),
            None => conn
                .execute(
                    "INSERT OR IGNORE INTO meta (key, value) VALUES ('link_key_fingerprint', ?1)",
                    [&given],
                )
                .map(|_| ())
                .map_err(|e| KeyError::Store(e.to_string())),
        }
    }

    fn from_file(store: &Path) -> Result<LinkKey, KeyError> {
        let path = key_path(store);
        match std::fs::read_to_string(&path) {
            Ok(text) => parse_hex(text.trim())
                .map(LinkKey)
                .ok_or(KeyError::BadFile(path)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => create(&path),
            Err(error) => Err(KeyError::Io { path, error }),
        }
    }

    /// A key from bytes (tests).
    pub fn from_bytes(bytes: [u8; 32]) -> LinkKey {
        LinkKey(bytes)
    }

    /// The token for `purpose` for subscriber `id` at `address` (normalised).
    pub fn token(&self, purpose: Purpose, id: i64, address: &str) -> String {
        let mac = self.mac(purpose, id, address);
        format!("{}.{}", b64(&id.to_be_bytes()), b64(&mac))
    }

    /// The subscriber id a token names, before checking it: look the subscriber up, then
    /// [`LinkKey::verify`] the token against their address. `None` for anything malformed.
    pub fn subscriber_id(token: &str) -> Option<i64> {
        let (id, mac) = token.split_once('.')?;
        if mac.len() != 43 {
            return None;
        }
        let bytes: [u8; 8] = unb64(id)?.try_into().ok()?;
        Some(i64::from_be_bytes(bytes)).filter(|id| *id > 0)
    }

    /// Whether `token` is this key's token for `purpose`, subscriber `id` and `address`
    /// (compared in constant time).
    pub fn verify(&self, token: &str, purpose: Purpose, id: i64, address: &str) -> bool {
        let Some((_, mac)) = token.split_once('.') else {
            return false;
        };
        let Some(mac) = unb64(mac) else {
            return false;
        };
        // verify_slice compares in constant time.
        self.hmac(purpose, id, address).verify_slice(&mac).is_ok()
    }

    /// A short signature of outbox row `row` sent to `address`, for its return path:
    /// [`BOUNCE_SIGNATURE_BYTES`] of the MAC in lower-case hex, since some mail systems change
    /// the case of the part before `@`.
    pub fn bounce_signature(&self, row: i64, address: &str) -> String {
        self.mac(Purpose::Bounce, row, address)[..BOUNCE_SIGNATURE_BYTES]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// Whether `signature` (any case) is [`LinkKey::bounce_signature`] of `row` and `address`
    /// (compared in constant time).
    pub fn verify_bounce_signature(&self, signature: &str, row: i64, address: &str) -> bool {
        let s = signature.to_ascii_lowercase();
        if s.len() != 2 * BOUNCE_SIGNATURE_BYTES || !s.is_ascii() {
            return false;
        }
        let Some(bytes) = (0..BOUNCE_SIGNATURE_BYTES)
            .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok())
            .collect::<Option<Vec<u8>>>()
        else {
            return false;
        };
        self.hmac(Purpose::Bounce, row, address)
            .verify_truncated_left(&bytes)
            .is_ok()
    }

    fn hmac(&self, purpose: Purpose, id: i64, address: &str) -> Hmac<Sha256> {
        let mut m =
            <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("HMAC takes a key of any length");
        // Length-prefixed fields, so that no two (purpose, id, address) give the same input.
        for field in [
            purpose.as_str().as_bytes(),
            &id.to_be_bytes(),
            address.as_bytes(),
        ] {
            m.update(&(field.len() as u64).to_be_bytes());
            m.update(field);
        }
        m
    }

    fn mac(&self, purpose: Purpose, id: i64, address: &str) -> [u8; 32] {
        self.hmac(purpose, id, address)
            .finalize()
            .into_bytes()
            .into()
    }
}

/// Bytes of MAC in a return path: 96 bits, plenty against guessing (each guess costs the
/// forger a message), short enough for the 64 characters an address has before `@`.
pub const BOUNCE_SIGNATURE_BYTES: usize = 12;

/// `STORE.key` beside the store.
pub fn key_path(store: &Path) -> PathBuf {
    let mut name = store.file_name().unwrap_or_default().to_os_string();
    name.push(".key");
    store.with_file_name(name)
}

fn create(path: &Path) -> Result<LinkKey, KeyError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| KeyError::Random(e.to_string()))?;
    let io = |error| KeyError::Io {
        path: path.to_owned(),
        error,
    };
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(mut f) => {
            let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            f.write_all(format!("{hex}\n").as_bytes()).map_err(io)?;
            f.sync_all().map_err(io)?;
            Ok(LinkKey(bytes))
        }
        // Another process made it first: use theirs.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => LinkKey::load_file(path),
        Err(e) => Err(io(e)),
    }
}

impl LinkKey {
    fn load_file(path: &Path) -> Result<LinkKey, KeyError> {
        let text = std::fs::read_to_string(path).map_err(|error| KeyError::Io {
            path: path.to_owned(),
            error,
        })?;
        parse_hex(text.trim())
            .map(LinkKey)
            .ok_or_else(|| KeyError::BadFile(path.to_owned()))
    }
}

fn parse_hex(s: &str) -> Option<[u8; 32]> {
    if s.len() != 64 || !s.is_ascii() {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, b) in out.iter_mut().enumerate() {
        *b = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

fn b64(bytes: &[u8]) -> String {
    crate::mail::store::base64url(bytes)
}

fn unb64(s: &str) -> Option<Vec<u8>> {
    use base64::Engine as _;
    // The longest part of a token is 43 characters (a 256-bit MAC).
    if s.len() > 64 {
        return None;
    }
    // The engine refuses padding and left-over bits that are not zero, so that each token has
    // one spelling.
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(s)
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_verify_only_for_their_purpose_id_and_address() {
        let key = LinkKey::from_bytes([7; 32]);
        let t = key.token(Purpose::Unsubscribe, 42, "a@example.org");
        assert_eq!(LinkKey::subscriber_id(&t), Some(42));
        assert!(key.verify(&t, Purpose::Unsubscribe, 42, "a@example.org"));
        assert!(!key.verify(&t, Purpose::Preferences, 42, "a@example.org"));
        assert!(!key.verify(&t, Purpose::Unsubscribe, 43, "a@example.org"));
        assert!(!key.verify(&t, Purpose::Unsubscribe, 42, "b@example.org"));
        assert!(!LinkKey::from_bytes([8; 32]).verify(
            &t,
            Purpose::Unsubscribe,
            42,
            "a@example.org"
        ));
        // Any change to the MAC breaks it.
        let mut bad = t.clone();
        let last = bad.pop().unwrap();
        bad.push(if last == 'A' { 'B' } else { 'A' });
        assert!(!key.verify(&bad, Purpose::Unsubscribe, 42, "a@example.org"));
        for junk in ["", ".", "x.y", "AAAAAAAAAAE", "AAAAAAAAAAE.", "é.é"] {
            assert!(!key.verify(junk, Purpose::Unsubscribe, 1, "a@example.org"));
        }
        assert_eq!(LinkKey::subscriber_id("AAAAAAAAAAA.short"), None);
    }

    #[test]
    fn each_token_part_has_one_spelling() {
        assert_eq!(unb64("Zg").as_deref(), Some(&b"f"[..]));
        assert_eq!(unb64("-_8").as_deref(), Some(&[0xfb, 0xff][..]));
        // The same byte with a left-over bit set, padded, or in the standard alphabet.
        for other in ["Zh", "Zg==", "+/8"] {
            assert_eq!(unb64(other), None, "{other}");
        }
    }

    #[test]
    fn the_key_file_is_made_once_and_private() {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("s.sqlite");
        // SAFETY of the test: the variable is not set in the test environment.
        if std::env::var(KEY_ENV).is_ok() {
            return;
        }
        let a = LinkKey::load(&store).unwrap();
        let b = LinkKey::load(&store).unwrap();
        assert_eq!(a.0, b.0);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(key_path(&store))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o077, 0);
        }
        std::fs::write(key_path(&store), "nonsense").unwrap();
        assert!(matches!(LinkKey::load(&store), Err(KeyError::BadFile(_))));
    }
}
