//! TLS for SMTP: which certificates a run trusts, and telling a TLS refusal from a network
//! failure.
//!
//! lettre runs rustls with Mozilla's list of public CAs built in (`webpki-roots`), not the
//! system's store. `mail.smtp.ca_file` adds the CAs of a private relay to that list; nothing
//! turns certificate checks off. The file is read once per run, and its errors name the
//! setting, so a wrong path is found before anything is sent.
//!
//! A TLS failure (a certificate that is not trusted, a server that does not speak TLS on that
//! port) happens again on every connection until someone changes the settings or the server,
//! unlike a network failure, which a retry may get past: [`refusal`] tells them apart.

use std::path::{Path, PathBuf};

use lettre::transport::smtp::client::{Certificate, TlsParameters};

/// `mail.smtp.ca_file`, resolved against the site folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaFile {
    /// As written in `site.yaml`, for messages.
    pub shown: String,
    pub path: PathBuf,
}

impl CaFile {
    /// `ca_file` (if set) relative to the site folder `root`.
    pub fn resolve(ca_file: Option<&str>, root: &Path) -> Option<CaFile> {
        let shown = ca_file?.trim();
        Some(CaFile {
            shown: shown.to_owned(),
            path: root.join(shown),
        })
    }
}

/// Why the TLS settings cannot be used, with what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsSetupError {
    pub message: String,
    pub hint: String,
}

/// TLS parameters for connections to `host`: the certificate must be valid for `host` and
/// chain to a public CA or to one in `ca_file`.
pub fn parameters(host: &str, ca_file: Option<&CaFile>) -> Result<TlsParameters, TlsSetupError> {
    let mut builder = TlsParameters::builder(host.to_owned());
    if let Some(ca) = ca_file {
        builder = builder.add_root_certificate(read_ca_file(ca)?);
    }
    builder.build().map_err(|e| match ca_file {
        Some(ca) => TlsSetupError {
            message: format!(
                "mail.smtp.ca_file: `{}` holds a certificate that cannot be trusted as a CA: {e}",
                ca.shown
            ),
            hint: "give the certificate of the CA that signed the relay's certificate, in PEM"
                .into(),
        },
        None => TlsSetupError {
            message: format!("cannot set up TLS for `{host}`: {e}"),
            hint: "mail.smtp.host must be a host name or an IP address".into(),
        },
    })
}

fn read_ca_file(ca: &CaFile) -> Result<Certificate, TlsSetupError> {
    let bytes = std::fs::read(&ca.path).map_err(|e| TlsSetupError {
        message: format!(
            "mail.smtp.ca_file: cannot read `{}` ({}): {e}",
            ca.shown,
            ca.path.display()
        ),
        hint: "give the path of the CA certificate (PEM) relative to the site folder, e.g. `ca_file: certs/relay-ca.pem`".into(),
    })?;
    let not_pem = |why: String| {
        TlsSetupError {
        message: format!(
            "mail.smtp.ca_file: `{}` is not a PEM certificate file: {why}",
            ca.shown
        ),
        hint: "the file must hold `-----BEGIN CERTIFICATE-----` blocks; convert a DER file with `openssl x509 -inform der -in ca.cer -out ca.pem`".into(),
    }
    };
    // lettre reads a file without any certificate block as an empty list, which would make
    // the setting do nothing without a word.
    if !bytes
        .windows(BEGIN_CERTIFICATE.len())
        .any(|w| w == BEGIN_CERTIFICATE)
    {
        return Err(not_pem("it has no certificate in it".into()));
    }
    Certificate::from_pem(&bytes).map_err(|e| not_pem(e.to_string()))
}

const BEGIN_CERTIFICATE: &[u8] = b"-----BEGIN CERTIFICATE-----";

/// How TLS refused the peer, if `e` (a lettre error) is such a refusal rather than a network
/// failure: the message to show and what to do.
pub fn refusal(
    e: &(dyn std::error::Error + 'static),
    host: &str,
    port: u16,
) -> Option<TlsSetupError> {
    let tls = rustls_error(e)?;
    let (message, hint) = match tls {
        rustls::Error::InvalidCertificate(problem) => {
            let (what, hint) = certificate_problem(problem);
            (
                format!("the TLS certificate of {host}:{port} {what} ({tls})"),
                hint.to_owned(),
            )
        }
        _ => (
            format!("TLS with {host}:{port} failed: {tls}"),
            "check that mail.smtp.port and mail.smtp.security match the server: `security: tls` for implicit TLS (usually port 465), `starttls` for STARTTLS (usually 587)".into(),
        ),
    };
    Some(TlsSetupError { message, hint })
}

/// What is wrong with the certificate, in words, and what to do.
fn certificate_problem(problem: &rustls::CertificateError) -> (&'static str, &'static str) {
    use rustls::CertificateError as C;
    match problem {
        C::UnknownIssuer => (
            "is not signed by a CA anslag trusts",
            "if the relay's certificate comes from the municipality's own CA, set mail.smtp.ca_file to that CA's certificate (a PEM file); anslag never sends without checking the certificate",
        ),
        C::NotValidForName | C::NotValidForNameContext { .. } => (
            "is for another name",
            "set mail.smtp.host to a name the certificate holds",
        ),
        C::Expired | C::ExpiredContext { .. } | C::NotValidYet | C::NotValidYetContext { .. } => (
            "is out of its validity period",
            "renew the certificate on the server, or check this machine's clock",
        ),
        _ => (
            "is not accepted",
            "ask the relay's administrators for a valid certificate; if it comes from the municipality's own CA, set mail.smtp.ca_file to that CA's certificate (a PEM file)",
        ),
    }
}

/// The rustls error somewhere under `e`. tokio-rustls hands it over inside an `io::Error`,
/// whose `source()` skips it, so it is looked for with `get_ref()` too.
fn rustls_error<'a>(e: &'a (dyn std::error::Error + 'static)) -> Option<&'a rustls::Error> {
    let mut current = Some(e);
    while let Some(err) = current {
        if let Some(tls) = err.downcast_ref::<rustls::Error>() {
            return Some(tls);
        }
        if let Some(io) = err.downcast_ref::<std::io::Error>()
            && let Some(tls) = io.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>())
        {
            return Some(tls);
        }
        current = err.source();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ca(dir: &Path, text: &[u8]) -> CaFile {
        std::fs::write(dir.join("ca.pem"), text).unwrap();
        CaFile::resolve(Some("ca.pem"), dir).unwrap()
    }

    #[test]
    fn a_missing_ca_file_names_the_setting_and_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let missing = CaFile::resolve(Some("certs/none.pem"), dir.path()).unwrap();
        let e = parameters("relay.example", Some(&missing)).err().unwrap();
        assert!(
            e.message
                .starts_with("mail.smtp.ca_file: cannot read `certs/none.pem`")
        );
        assert!(
            e.message
                .contains(&dir.path().join("certs/none.pem").display().to_string())
        );
    }

    #[test]
    fn a_file_without_a_pem_certificate_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        for text in [
            &b"not a certificate"[..],
            b"\x30\x82\x01\x0a\x02\x82",
            b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
        ] {
            let e = parameters("relay.example", Some(&ca(dir.path(), text)))
                .err()
                .unwrap();
            assert!(
                e.message.contains("`ca.pem` is not a PEM certificate file"),
                "{}",
                e.message
            );
        }
        let broken = b"-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n";
        let e = parameters("relay.example", Some(&ca(dir.path(), broken)));
        assert!(e.is_err());
    }

    #[test]
    fn without_a_ca_file_the_public_roots_are_enough() {
        assert!(parameters("relay.example", None).is_ok());
        assert!(parameters("127.0.0.1", None).is_ok());
    }

    #[test]
    fn a_network_error_is_not_a_refusal() {
        let io = std::io::Error::new(std::io::ErrorKind::ConnectionReset, "reset");
        assert!(refusal(&io, "relay.example", 587).is_none());
        let tls = std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            rustls::Error::InvalidCertificate(rustls::CertificateError::UnknownIssuer),
        );
        let r = refusal(&tls, "relay.example", 587).unwrap();
        assert!(r.message.contains("relay.example:587"), "{}", r.message);
        assert!(r.hint.contains("mail.smtp.ca_file"));
    }
}
