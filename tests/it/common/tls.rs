//! Certificates for the TLS tests, made at test time with the `openssl` command: a private CA
//! (as a municipality's internal relay would have) and server certificates it signs.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A CA made for one test, in its own folder.
pub struct TestCa {
    dir: PathBuf,
    /// The CA's certificate (PEM): what `mail.smtp.ca_file` points at.
    pub cert: PathBuf,
}

/// A server certificate and its key (PEM), for `tests/smtp/server.py --tls-cert --tls-key`.
pub struct ServerCert {
    pub cert: PathBuf,
    pub key: PathBuf,
}

/// Extensions as a strict verifier (webpki) wants them: a CA that may only sign, a server
/// certificate that is not a CA, for server authentication, with its names in the SAN.
const CONFIG: &str = "\
[req]
distinguished_name = dn
prompt = no
[dn]
CN = anslag test CA
[ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[server]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = @names
";

impl TestCa {
    /// Makes a CA in `dir` (created if needed).
    pub fn new(dir: &Path) -> TestCa {
        std::fs::create_dir_all(dir).unwrap();
        let ca = TestCa {
            dir: dir.to_owned(),
            cert: dir.join("ca.pem"),
        };
        std::fs::write(dir.join("ca.cnf"), CONFIG).unwrap();
        openssl(
            dir,
            "req -x509 -config ca.cnf -extensions ca -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
             -nodes -keyout ca.key -out ca.pem -days 2",
        );
        ca
    }

    /// A server certificate signed by this CA for `names` (`DNS:localhost`, `IP:127.0.0.1`),
    /// saved as `NAME.pem` and `NAME.key`.
    pub fn server(&self, name: &str, names: &[&str]) -> ServerCert {
        let mut config = CONFIG.to_owned();
        config.push_str("[names]\n");
        for (i, n) in names.iter().enumerate() {
            let (kind, value) = n
                .split_once(':')
                .expect("names look like DNS:host or IP:addr");
            config.push_str(&format!("{kind}.{i} = {value}\n"));
        }
        let cnf = format!("{name}.cnf");
        std::fs::write(self.dir.join(&cnf), config).unwrap();
        openssl(
            &self.dir,
            &format!(
                "req -new -config {cnf} -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
                 -keyout {name}.key -out {name}.csr -subj /CN={name}"
            ),
        );
        openssl(
            &self.dir,
            &format!(
                "x509 -req -in {name}.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
                 -extfile {cnf} -extensions server -out {name}.pem"
            ),
        );
        ServerCert {
            cert: self.dir.join(format!("{name}.pem")),
            key: self.dir.join(format!("{name}.key")),
        }
    }
}

/// Runs `openssl` with `args` (split at white space) in `dir`.
fn openssl(dir: &Path, args: &str) {
    let out = Command::new("openssl")
        .args(args.split_whitespace())
        .current_dir(dir)
        .output()
        .expect("run `openssl` (the TLS tests need it: apt-get install openssl)");
    assert!(
        out.status.success(),
        "openssl {args}:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
