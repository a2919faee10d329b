//! The `mail:` section of `site.yaml`. Secrets (SMTP password, DKIM key) come from the
//! environment, never from the file.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Security {
    /// STARTTLS on the submission port (587).
    #[default]
    Starttls,
    /// Implicit TLS (port 465).
    Tls,
    /// Plain SMTP: only for a relay on this machine or a test server on loopback.
    None,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpSettings {
    pub host: String,
    #[serde(default)]
    pub port: Option<u16>,
    #[serde(default)]
    pub security: Security,
    /// Name of the environment variable that holds the user name (none: no authentication).
    #[serde(default)]
    pub username_env: Option<String>,
    /// Name of the environment variable that holds the password.
    #[serde(default)]
    pub password_env: Option<String>,
    /// SMTP connections used at once.
    #[serde(default = "default_connections")]
    pub connections: u32,
    /// A PEM file of CA certificates to trust besides the public ones built into anslag, for a
    /// relay whose certificate comes from the municipality's own CA. Relative to the site
    /// folder. Certificates are always checked; this only adds to what is trusted.
    #[serde(default)]
    pub ca_file: Option<String>,
    /// Seconds allowed for reaching the relay (TCP connection and its greeting). A relay that
    /// cannot be reached within it stops `anslag publish` with exit status 75, everything
    /// kept queued.
    #[serde(default = "default_connect_timeout")]
    pub connect_timeout: u64,
}

fn default_connect_timeout() -> u64 {
    10
}

fn default_connections() -> u32 {
    16
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkimSettings {
    pub domain: String,
    pub selector: String,
    /// Name of the environment variable that holds the private key (PEM, RSA or Ed25519).
    pub key_env: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailSettings {
    /// The subscriber store (SQLite). Relative to the site folder; never inside the output.
    pub store: String,
    /// `From:` address, e.g. `Ekviks kommun <nyheter@ekvik.example>`.
    pub from: String,
    #[serde(default)]
    pub reply_to: Option<String>,
    /// `List-Id:` identifier, e.g. `nyheter.ekvik.example`.
    pub list_id: String,
    /// Base URL of the subscription service (`anslag subscriptions serve`), for the
    /// unsubscribe and preferences links, e.g. `https://prenumeration.ekvik.example`.
    pub service_url: String,
    /// Local time of day (HH:MM, site time zone) when daily digests are due.
    #[serde(default = "default_digest_time")]
    pub digest_time: String,
    /// Day of the week when weekly digests are due (monday … sunday).
    #[serde(default = "default_weekly_day")]
    pub weekly_day: String,
    pub smtp: SmtpSettings,
    #[serde(default)]
    pub dkim: Option<DkimSettings>,
    /// The subscription service (`anslag subscriptions serve`); every key has a default.
    #[serde(default)]
    pub service: ServiceSettings,
    /// Where bounces go, e.g. `bounce@ekvik.example`: each message's return path is made from
    /// it per message (`bounce+ROW-SIGNATURE@ekvik.example`, signed with the link key), and
    /// `anslag bounces receive` is delivered what comes back. None: the return path is `from`.
    #[serde(default)]
    pub bounce_address: Option<String>,
    /// When bounces suppress an address; every key has a default.
    #[serde(default)]
    pub bounces: BounceSettings,
    /// How long subscriptions that were never confirmed or that ended are kept.
    #[serde(default)]
    pub retention: RetentionSettings,
}

/// `mail.bounces`: a hard bounce (5.x.x) suppresses at once; soft ones (4.x.x) when
/// `soft_limit` of them come within `soft_days` days.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BounceSettings {
    #[serde(default = "default_soft_limit")]
    pub soft_limit: u32,
    #[serde(default = "default_soft_days")]
    pub soft_days: u32,
}

impl Default for BounceSettings {
    fn default() -> BounceSettings {
        BounceSettings {
            soft_limit: default_soft_limit(),
            soft_days: default_soft_days(),
        }
    }
}

/// `mail.retention`: applied by `anslag publish` at every run (see `crate::mail::retention`).
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetentionSettings {
    /// Days after which a subscription never confirmed is deleted.
    #[serde(default = "default_pending_days")]
    pub pending_days: u32,
    /// Days after which an unsubscribed (or bounced) subscriber is reduced to the salted hash
    /// of the address.
    #[serde(default = "default_unsubscribed_days")]
    pub unsubscribed_days: u32,
}

impl Default for RetentionSettings {
    fn default() -> RetentionSettings {
        RetentionSettings {
            pending_days: default_pending_days(),
            unsubscribed_days: default_unsubscribed_days(),
        }
    }
}

fn default_soft_limit() -> u32 {
    3
}
fn default_soft_days() -> u32 {
    14
}
fn default_pending_days() -> u32 {
    7
}
fn default_unsubscribed_days() -> u32 {
    30
}

/// `mail.service`: limits and trust of the subscription service. Each value can be overridden by
/// an environment variable (see `crate::subscriptions`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceSettings {
    /// Reverse proxies whose `X-Forwarded-For` header is believed: IP addresses or CIDR ranges
    /// (default: loopback, `127.0.0.1` and `::1`).
    #[serde(default = "default_trusted_proxies")]
    pub trusted_proxies: Vec<String>,
    /// Form posts one client address may make per minute (0: no limit).
    #[serde(default = "default_rate_per_minute")]
    pub rate_per_minute: u32,
    /// Confirmation and link emails one address may be sent per 24 hours.
    #[serde(default = "default_emails_per_address")]
    pub emails_per_address: u32,
    /// Other origins (`https://host`) whose pages may post to the service, besides those of
    /// `base_url` and `service_url`.
    #[serde(default)]
    pub allowed_origins: Vec<String>,
    /// Seconds a client may take to send a request's headers, counted from when the service
    /// starts reading it (a new connection, or the end of the previous answer).
    #[serde(default = "default_header_timeout")]
    pub header_timeout: u64,
    /// Seconds a client may take to send a request's whole body, once its headers are in.
    #[serde(default = "default_body_timeout")]
    pub body_timeout: u64,
    /// Seconds a connection may stay with nothing moving either way (a kept-alive connection
    /// between requests, a client that stops reading its answer) before it is closed.
    #[serde(default = "default_idle_timeout")]
    pub idle_timeout: u64,
    /// Connections served at once; further ones wait in the system's queue until one closes.
    #[serde(default = "default_max_connections")]
    pub max_connections: u32,
}

impl Default for ServiceSettings {
    fn default() -> ServiceSettings {
        ServiceSettings {
            trusted_proxies: default_trusted_proxies(),
            rate_per_minute: default_rate_per_minute(),
            emails_per_address: default_emails_per_address(),
            allowed_origins: Vec::new(),
            header_timeout: default_header_timeout(),
            body_timeout: default_body_timeout(),
            idle_timeout: default_idle_timeout(),
            max_connections: default_max_connections(),
        }
    }
}

fn default_trusted_proxies() -> Vec<String> {
    vec!["127.0.0.1".into(), "::1".into()]
}
fn default_rate_per_minute() -> u32 {
    60
}
fn default_emails_per_address() -> u32 {
    3
}
fn default_header_timeout() -> u64 {
    10
}
fn default_body_timeout() -> u64 {
    10
}
fn default_idle_timeout() -> u64 {
    30
}
fn default_max_connections() -> u32 {
    4096
}

fn default_digest_time() -> String {
    "07:00".into()
}
fn default_weekly_day() -> String {
    "monday".into()
}

/// How often a subscriber wants messages. Crisis notices go out at once whatever this says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Frequency {
    Immediate,
    Daily,
    Weekly,
}

impl Frequency {
    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Immediate => "immediate",
            Frequency::Daily => "daily",
            Frequency::Weekly => "weekly",
        }
    }
    pub fn parse(s: &str) -> Option<Frequency> {
        match s.trim().to_ascii_lowercase().as_str() {
            "immediate" => Some(Frequency::Immediate),
            "daily" => Some(Frequency::Daily),
            "weekly" => Some(Frequency::Weekly),
            _ => None,
        }
    }
}
