//! SMTP over TLS with a login (issue 5, "Sending"): `anslag publish` against a real TLS server
//! on loopback (`tests/smtp/server.py`), whose certificate comes from a CA made for the test
//! (`openssl`), as a municipality's internal relay with its own CA would be. STARTTLS and
//! implicit TLS deliver with `mail.smtp.ca_file`; a certificate that is not trusted, a wrong
//! password and a server without STARTTLS stop the run with an error that says what to change,
//! send nothing, and leave every message queued for the next run.

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::{Command, Output};

use anslag::mail::Frequency;
use common::mail::{outbox_attempts, outbox_states, subscribe};
use common::mime::Parsed;
use common::smtp::SmtpServer;
use common::tls::{ServerCert, TestCa};
use common::{NOW, TestSite};
use tempfile::TempDir;

const USER: &str = "nyheter@ekvik.example";
const PASSWORD: &str = "correct horse battery staple";
// Names of our own, so that nothing in the environment of the machine is picked up.
const USER_VAR: &str = "ANSLAG_TEST_SMTP_USER";
const PASSWORD_VAR: &str = "ANSLAG_TEST_SMTP_PASSWORD";
const CA_FILE: &str = "certs/relay-ca.pem";

const PEOPLE: &[(&str, &str, &[&str], Frequency)] = &[
    ("sv@test.example", "sv", &[], Frequency::Daily),
    ("ar@test.example", "ar", &[], Frequency::Weekly),
    ("uk@test.example", "uk", &[], Frequency::Immediate),
];

/// How the test site reaches the server.
struct Smtp<'a> {
    host: &'a str,
    port: u16,
    security: &'a str,
    login: bool,
    /// Copy this CA's certificate into the site and name it in `ca_file`.
    ca: Option<&'a TestCa>,
}

/// The example site with `mail.smtp` as `smtp` says, and [`PEOPLE`] subscribed.
fn site(smtp: &Smtp) -> TestSite {
    let site = TestSite::example();
    site.edit(
        "site.yaml",
        "host: 127.0.0.1",
        &format!("host: {}", smtp.host),
    );
    site.edit("site.yaml", "port: 2525", &format!("port: {}", smtp.port));
    let mut security = format!("security: {}", smtp.security);
    if smtp.login {
        security.push_str(&format!(
            "\n    username_env: {USER_VAR}\n    password_env: {PASSWORD_VAR}"
        ));
    }
    if let Some(ca) = smtp.ca {
        site.write(CA_FILE, std::fs::read(&ca.cert).unwrap());
        security.push_str(&format!("\n    ca_file: {CA_FILE}"));
    }
    site.edit("site.yaml", "security: none", &security);
    subscribe(&site, PEOPLE);
    site
}

fn publish(site: &TestSite, password: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_anslag"))
        .arg("--site")
        .arg(site.root())
        .args(["publish", "--now", NOW, "--output"])
        .arg(site.out())
        .env(USER_VAR, USER)
        .env(PASSWORD_VAR, password)
        .output()
        .expect("run anslag publish")
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

/// A CA and a server certificate for `localhost` and `127.0.0.1`, in a folder of `scratch`.
fn certificates(scratch: &TempDir) -> (TestCa, ServerCert) {
    let ca = TestCa::new(&dir(scratch, "ca"));
    let cert = ca.server("relay", &["DNS:localhost", "IP:127.0.0.1"]);
    (ca, cert)
}

/// Starts the server with a certificate, in `mode` (`--starttls`, `--implicit-tls`), taking
/// mail only after a login as USER with PASSWORD. It saves into a folder named after `mode`.
fn tls_server(scratch: &TempDir, cert: &ServerCert, mode: &str) -> SmtpServer {
    let auth = format!("{USER}:{PASSWORD}");
    let (cert, key) = (cert.cert.to_str().unwrap(), cert.key.to_str().unwrap());
    SmtpServer::start(
        &dir(scratch, mode.trim_start_matches('-')),
        &["--tls-cert", cert, "--tls-key", key, mode, "--auth", &auth],
    )
}

/// Everyone got the crisis message, over TLS, from the server's logged-in user; every row is
/// sent.
fn assert_delivered_over_tls(site: &TestSite, server: &SmtpServer, out: &Output) {
    let (stdout, stderr) = text(out);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("sent 6, failed 0, unknown 0"), "{stdout}");
    let received = server.received();
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
    let states = outbox_states(site);
    assert!(states.values().all(|s| s == "sent"), "{states:?}");
    assert_eq!(received.len(), states.len());
}

fn is_crisis(p: &Parsed) -> bool {
    p.has("importance")
}

/// The run failed with `error` (and `hint`) on stderr, nothing reached the server, and every
/// message is still queued, its attempt not counted.
fn assert_refused(site: &TestSite, server: &SmtpServer, out: &Output, error: &str, hint: &str) {
    let (stdout, stderr) = text(out);
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
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert!(server.received().is_empty(), "something was sent");
    let states = outbox_states(site);
    assert_eq!(
        states.len(),
        6,
        "a crisis message and a digest each: {states:?}"
    );
    assert!(states.values().all(|s| s == "pending"), "{states:?}");
    let attempts = outbox_attempts(site);
    assert!(attempts.values().all(|&n| n == 0), "{attempts:?}");
}

#[test]
fn starttls_with_a_login_and_the_relays_own_ca_delivers() {
    let scratch = common::temp_dir();
    let (ca, cert) = certificates(&scratch);
    let server = tls_server(&scratch, &cert, "--starttls");
    let site = site(&Smtp {
        host: "localhost",
        port: server.port,
        security: "starttls",
        login: true,
        ca: Some(&ca),
    });
    let out = publish(&site, PASSWORD);
    assert_delivered_over_tls(&site, &server, &out);
}

#[test]
fn implicit_tls_with_a_login_delivers_to_an_ip_address_in_the_certificate() {
    let scratch = common::temp_dir();
    let (ca, cert) = certificates(&scratch);
    let server = tls_server(&scratch, &cert, "--implicit-tls");
    let site = site(&Smtp {
        host: "127.0.0.1",
        port: server.port,
        security: "tls",
        login: true,
        ca: Some(&ca),
    });
    let out = publish(&site, PASSWORD);
    assert_delivered_over_tls(&site, &server, &out);
}

#[test]
fn a_certificate_from_an_unknown_ca_is_refused_until_ca_file_names_it() {
    let scratch = common::temp_dir();
    let (ca, cert) = certificates(&scratch);
    for mode in ["--starttls", "--implicit-tls"] {
        let server = tls_server(&scratch, &cert, mode);
        let security = if mode == "--starttls" {
            "starttls"
        } else {
            "tls"
        };
        let smtp = Smtp {
            host: "localhost",
            port: server.port,
            security,
            login: true,
            ca: None,
        };
        let site = site(&smtp);
        let out = publish(&site, PASSWORD);
        assert_refused(
            &site,
            &server,
            &out,
            &format!(
                "the TLS certificate of localhost:{} is not signed by a CA anslag trusts (invalid peer certificate: UnknownIssuer)",
                server.port
            ),
            "set mail.smtp.ca_file to that CA's certificate",
        );

        // With the CA named, the next run sends what the refused one left.
        site.write(CA_FILE, std::fs::read(&ca.cert).unwrap());
        site.edit(
            "site.yaml",
            &format!("security: {security}"),
            &format!("security: {security}\n    ca_file: {CA_FILE}"),
        );
        let out = publish(&site, PASSWORD);
        assert_delivered_over_tls(&site, &server, &out);
    }
}

#[test]
fn a_certificate_for_another_name_is_refused() {
    let scratch = common::temp_dir();
    let ca = TestCa::new(&dir(&scratch, "ca"));
    let cert = ca.server("other", &["DNS:relay.ekvik.example"]);
    let server = tls_server(&scratch, &cert, "--starttls");
    let site = site(&Smtp {
        host: "localhost",
        port: server.port,
        security: "starttls",
        login: true,
        ca: Some(&ca),
    });
    let out = publish(&site, PASSWORD);
    assert_refused(
        &site,
        &server,
        &out,
        &format!(
            "the TLS certificate of localhost:{} is for another name (invalid peer certificate: certificate not valid for name \"localhost\"",
            server.port
        ),
        "set mail.smtp.host to a name the certificate holds",
    );
}

#[test]
fn a_wrong_password_is_refused_and_nothing_is_sent() {
    let scratch = common::temp_dir();
    let (ca, cert) = certificates(&scratch);
    let server = tls_server(&scratch, &cert, "--starttls");
    let site = site(&Smtp {
        host: "localhost",
        port: server.port,
        security: "starttls",
        login: true,
        ca: Some(&ca),
    });
    let out = publish(&site, "Tr0ub4dor&3");
    assert_refused(
        &site,
        &server,
        &out,
        &format!(
            "localhost:{} refused the login: permanent error (535): 5.7.8 Authentication credentials invalid",
            server.port
        ),
        &format!(
            "check the user name and password in the environment variables `{USER_VAR}` and `{PASSWORD_VAR}`"
        ),
    );
}

#[test]
fn starttls_is_required_when_the_settings_say_so() {
    let scratch = common::temp_dir();
    // A server that speaks only plain SMTP: the password and the messages would go in clear.
    let server = SmtpServer::start(&dir(&scratch, "mail"), &[]);
    let site = site(&Smtp {
        host: "localhost",
        port: server.port,
        security: "starttls",
        login: true,
        ca: None,
    });
    let out = publish(&site, PASSWORD);
    assert_refused(
        &site,
        &server,
        &out,
        &format!(
            "localhost:{} does not offer STARTTLS, and `security: starttls` forbids sending in clear",
            server.port
        ),
        "point mail.smtp.host and port at the relay's submission port",
    );
}

#[test]
fn implicit_tls_against_a_port_without_tls_is_refused() {
    let scratch = common::temp_dir();
    let server = SmtpServer::start(&dir(&scratch, "mail"), &[]);
    let site = site(&Smtp {
        host: "localhost",
        port: server.port,
        security: "tls",
        login: true,
        ca: None,
    });
    let out = publish(&site, PASSWORD);
    assert_refused(
        &site,
        &server,
        &out,
        &format!("TLS with localhost:{} failed", server.port),
        "check that mail.smtp.port and mail.smtp.security match the server",
    );
}

#[test]
fn a_ca_file_that_cannot_be_used_is_named_with_its_path() {
    let scratch = common::temp_dir();
    // No server: the file is read before anything connects.
    let server = SmtpServer::start(&dir(&scratch, "mail"), &[]);
    let smtp = Smtp {
        host: "localhost",
        port: server.port,
        security: "starttls",
        login: false,
        ca: None,
    };
    let site = site(&smtp);
    site.edit(
        "site.yaml",
        "security: starttls",
        &format!("security: starttls\n    ca_file: {CA_FILE}"),
    );
    let out = publish(&site, PASSWORD);
    assert_refused(
        &site,
        &server,
        &out,
        &format!(
            "mail.smtp.ca_file: cannot read `{CA_FILE}` ({})",
            site.path(CA_FILE).display()
        ),
        "give the path of the CA certificate (PEM) relative to the site folder",
    );

    // A DER file where PEM is wanted.
    site.write(CA_FILE, b"\x30\x82\x01\x0a\x02\x82\x01\x01\x00");
    let out = publish(&site, PASSWORD);
    assert_refused(
        &site,
        &server,
        &out,
        &format!(
            "mail.smtp.ca_file: `{CA_FILE}` is not a PEM certificate file: it has no certificate in it"
        ),
        "convert a DER file with `openssl x509 -inform der",
    );
}
