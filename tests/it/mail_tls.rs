//! SMTP over TLS with a login (issue 5, "Sending"): `anslag publish` against a real TLS server
//! on loopback (`tests/smtp/server.py`), whose certificate comes from a CA made for the test
//! (`openssl`), as a municipality's internal relay with its own CA would be. STARTTLS and
//! implicit TLS deliver with `mail.smtp.ca_file`; a certificate that is not trusted, a wrong
//! password, a server without STARTTLS or without TLS and an unusable `ca_file` stop the run
//! with an error that says what to change, send nothing, and leave every message queued for the
//! next run.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::{Command, Output};

use crate::common::mail::{outbox_attempts, outbox_states, subscribe};
use crate::common::mime::Parsed;
use crate::common::smtp::SmtpServer;
use crate::common::tls::TestCa;
use crate::common::{self, NOW, TestSite};
use anslag::mail::Frequency;
use tempfile::TempDir;

const USER: &str = "nyheter@ekvik.example";
const PASSWORD: &str = "correct horse battery staple";
// Names of our own, so that nothing in the environment of the machine is picked up.
const USER_VAR: &str = "ANSLAG_TEST_SMTP_USER";
const PASSWORD_VAR: &str = "ANSLAG_TEST_SMTP_PASSWORD";
const CA_FILE: &str = "certs/relay-ca.pem";
/// The names in the server's certificate, unless a test says otherwise.
const LOOPBACK: &[&str] = &["DNS:localhost", "IP:127.0.0.1"];

const PEOPLE: &[(&str, &str, &[&str], Frequency)] = &[
    ("sv@test.example", "sv", &[], Frequency::Daily),
    ("ar@test.example", "ar", &[], Frequency::Weekly),
    ("uk@test.example", "uk", &[], Frequency::Immediate),
];

/// The server a test sends to.
#[derive(Clone, Copy)]
enum Server {
    /// STARTTLS required, a login required.
    Starttls,
    /// TLS from the first byte, a login required.
    ImplicitTls,
    /// Plain SMTP only.
    Plain,
}

/// The site's `mail.smtp`, pointed at the test's server.
#[derive(Clone, Copy)]
struct Settings {
    host: &'static str,
    /// `starttls` or `tls`.
    security: &'static str,
    login: bool,
    /// With `ca_file` naming the test's CA.
    ca_file: bool,
}

const STARTTLS: Settings = Settings {
    host: "localhost",
    security: "starttls",
    login: true,
    ca_file: true,
};
const IMPLICIT_TLS: Settings = Settings {
    security: "tls",
    ..STARTTLS
};

/// A server with a certificate from a CA of the test's own, and the example site with
/// [`PEOPLE`] subscribed and `mail.smtp` pointed at it.
struct Scenario {
    ca: TestCa,
    server: SmtpServer,
    site: TestSite,
    _scratch: TempDir,
}

impl Scenario {
    /// `names`: the names the server's certificate holds.
    fn new(server: Server, names: &[&str], settings: Settings) -> Scenario {
        let scratch = common::temp_dir();
        let ca = TestCa::new(&dir(&scratch, "ca"));
        let cert = ca.server("relay", names);
        let auth = format!("{USER}:{PASSWORD}");
        let (cert, key) = (cert.cert.to_str().unwrap(), cert.key.to_str().unwrap());
        let tls = ["--tls-cert", cert, "--tls-key", key, "--auth", &auth];
        let options: Vec<&str> = match server {
            Server::Starttls => [&tls[..], &["--starttls"]].concat(),
            Server::ImplicitTls => [&tls[..], &["--implicit-tls"]].concat(),
            Server::Plain => Vec::new(),
        };
        let server = SmtpServer::start(&dir(&scratch, "mail"), &options);
        let site = TestSite::example();
        site.edit(
            "site.yaml",
            "host: 127.0.0.1",
            &format!("host: {}", settings.host),
        );
        site.edit("site.yaml", "port: 2525", &format!("port: {}", server.port));
        let mut security = format!("security: {}", settings.security);
        if settings.login {
            security.push_str(&format!(
                "\n    username_env: {USER_VAR}\n    password_env: {PASSWORD_VAR}"
            ));
        }
        if settings.ca_file {
            site.write(CA_FILE, std::fs::read(&ca.cert).unwrap());
            security.push_str(&format!("\n    ca_file: {CA_FILE}"));
        }
        site.edit("site.yaml", "security: none", &security);
        subscribe(&site, PEOPLE);
        Scenario {
            ca,
            server,
            site,
            _scratch: scratch,
        }
    }

    fn publish(&self, password: &str) -> Output {
        Command::new(env!("CARGO_BIN_EXE_anslag"))
            .arg("--site")
            .arg(self.site.root())
            .args(["publish", "--no-compress", "--now", NOW, "--output"])
            .arg(self.site.out())
            .env(USER_VAR, USER)
            .env(PASSWORD_VAR, password)
            .output()
            .expect("run anslag publish")
    }

    /// Everyone got the crisis message, over TLS, from the logged-in user; every row is sent.
    fn assert_delivered_over_tls(&self, out: &Output) {
        let (stdout, stderr) = text(out);
        assert!(out.status.success(), "{stdout}\n{stderr}");
        assert!(stdout.contains("sent 6, failed 0, unknown 0"), "{stdout}");
        let received = self.server.received();
        let mut crisis: BTreeMap<&str, usize> = BTreeMap::new();
        for (r, p) in received.iter().zip(SmtpServer::parse(&received)) {
            assert!(
                r.tls.as_deref().is_some_and(|v| v.starts_with("TLSv1.")),
                "{:?} came over {:?}",
                r.to,
                r.tls
            );
            assert_eq!(r.login.as_deref(), Some(USER));
            if is_crisis(&p) {
                *crisis.entry(r.to[0].as_str()).or_default() += 1;
            }
        }
        for (address, ..) in PEOPLE {
            assert_eq!(
                crisis.get(address),
                Some(&1),
                "{address}: one crisis message"
            );
        }
        let states = outbox_states(&self.site);
        assert!(states.values().all(|s| s == "sent"), "{states:?}");
        assert_eq!(received.len(), states.len());
    }

    /// The run failed with `error` (and `hint`) on stderr, nothing reached the server, and
    /// every message is still queued, its attempt not counted. `{port}` in `error` stands for
    /// the server's port.
    fn assert_refused(&self, out: &Output, error: &str, hint: &str) {
        let (stdout, stderr) = text(out);
        let error = error.replace("{port}", &self.server.port.to_string());
        assert_eq!(out.status.code(), Some(1), "{stdout}\n{stderr}");
        assert!(
            stderr.contains(&format!("cannot send: {error}")),
            "{stderr}"
        );
        assert!(stderr.contains(hint), "{stderr}");
        assert!(stderr.contains("nothing was lost"), "{stderr}");
        assert!(
            !stderr.contains(PASSWORD),
            "the password was printed: {stderr}"
        );
        self.server.wait_until_idle();
        assert!(self.server.received().is_empty(), "something was sent");
        let states = outbox_states(&self.site);
        assert_eq!(
            states.len(),
            6,
            "a crisis message and a digest each: {states:?}"
        );
        assert!(states.values().all(|s| s == "pending"), "{states:?}");
        let attempts = outbox_attempts(&self.site);
        assert!(attempts.values().all(|&n| n == 0), "{attempts:?}");
    }
}

fn text(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn dir(scratch: &TempDir, name: &str) -> PathBuf {
    let p = scratch.path().join(name);
    std::fs::create_dir_all(&p).unwrap();
    p
}

fn is_crisis(p: &Parsed) -> bool {
    p.has("importance")
}

#[test]
fn starttls_with_a_login_and_the_relays_own_ca_delivers() {
    let s = Scenario::new(Server::Starttls, LOOPBACK, STARTTLS);
    s.assert_delivered_over_tls(&s.publish(PASSWORD));
}

#[test]
fn implicit_tls_with_a_login_delivers_to_an_ip_address_in_the_certificate() {
    let settings = Settings {
        host: "127.0.0.1",
        ..IMPLICIT_TLS
    };
    let s = Scenario::new(Server::ImplicitTls, LOOPBACK, settings);
    s.assert_delivered_over_tls(&s.publish(PASSWORD));
}

#[test]
fn a_certificate_from_an_unknown_ca_is_refused_until_ca_file_names_it() {
    for (server, settings) in [
        (Server::Starttls, STARTTLS),
        (Server::ImplicitTls, IMPLICIT_TLS),
    ] {
        let without_ca = Settings {
            ca_file: false,
            ..settings
        };
        let s = Scenario::new(server, LOOPBACK, without_ca);
        s.assert_refused(
            &s.publish(PASSWORD),
            "the TLS certificate of localhost:{port} is not signed by a CA anslag trusts (invalid peer certificate: UnknownIssuer)",
            "set mail.smtp.ca_file to that CA's certificate",
        );

        // With the CA named, the next run sends what the refused one left.
        let security = format!("security: {}", settings.security);
        s.site.write(CA_FILE, std::fs::read(&s.ca.cert).unwrap());
        s.site.edit(
            "site.yaml",
            &security,
            &format!("{security}\n    ca_file: {CA_FILE}"),
        );
        s.assert_delivered_over_tls(&s.publish(PASSWORD));
    }
}

#[test]
fn a_certificate_for_another_name_is_refused() {
    let s = Scenario::new(Server::Starttls, &["DNS:relay.ekvik.example"], STARTTLS);
    s.assert_refused(
        &s.publish(PASSWORD),
        "the TLS certificate of localhost:{port} is for another name (invalid peer certificate: certificate not valid for name \"localhost\"",
        "set mail.smtp.host to a name the certificate holds",
    );
}

#[test]
fn a_wrong_password_is_refused_and_nothing_is_sent() {
    let s = Scenario::new(Server::Starttls, LOOPBACK, STARTTLS);
    s.assert_refused(
        &s.publish("Tr0ub4dor&3"),
        "localhost:{port} refused the login: permanent error (535): 5.7.8 Authentication credentials invalid",
        &format!(
            "check the user name and password in the environment variables `{USER_VAR}` and `{PASSWORD_VAR}`"
        ),
    );
}

#[test]
fn starttls_is_required_when_the_settings_say_so() {
    // The password and the messages would go in clear.
    let s = Scenario::new(Server::Plain, LOOPBACK, STARTTLS);
    s.assert_refused(
        &s.publish(PASSWORD),
        "localhost:{port} does not offer STARTTLS, and `security: starttls` forbids sending in clear",
        "point mail.smtp.host and port at the relay's submission port",
    );
}

#[test]
fn implicit_tls_against_a_port_without_tls_is_refused() {
    let s = Scenario::new(Server::Plain, LOOPBACK, IMPLICIT_TLS);
    s.assert_refused(
        &s.publish(PASSWORD),
        "TLS with localhost:{port} failed",
        "check that mail.smtp.port and mail.smtp.security match the server",
    );
}

#[test]
fn a_ca_file_that_cannot_be_used_is_named_with_its_path() {
    // The file is read before anything connects.
    let s = Scenario::new(Server::Plain, LOOPBACK, STARTTLS);
    std::fs::remove_file(s.site.path(CA_FILE)).unwrap();
    s.assert_refused(
        &s.publish(PASSWORD),
        &format!(
            "mail.smtp.ca_file: cannot read `{CA_FILE}` ({})",
            s.site.path(CA_FILE).display()
        ),
        "give the path of the CA certificate (PEM) relative to the site folder",
    );

    // A DER file where PEM is wanted.
    s.site
        .write(CA_FILE, b"\x30\x82\x01\x0a\x02\x82\x01\x01\x00");
    s.assert_refused(
        &s.publish(PASSWORD),
        &format!(
            "mail.smtp.ca_file: `{CA_FILE}` is not a PEM certificate file: it has no certificate in it"
        ),
        "convert a DER file with `openssl x509 -inform der",
    );
}
