//! DKIM signing keys as people have them: the PEM files `openssl` writes (PKCS#1 or PKCS#8,
//! RSA or Ed25519), or lettre's own form of an Ed25519 key (the 32-byte seed in base64).

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, STANDARD_PAD_INDIFFERENT};
use lettre::message::dkim::{DkimSigningAlgorithm, DkimSigningKey};
use rsa::RsaPrivateKey;
use rsa::pkcs1::{DecodeRsaPrivateKey, EncodeRsaPrivateKey, LineEnding};
use rsa::pkcs8::der::Decode;
use rsa::pkcs8::der::asn1::OctetStringRef;
use rsa::pkcs8::{ObjectIdentifier, PrivateKeyInfo, SecretDocument};

/// Ed25519's algorithm in a PKCS#8 key (RFC 8410).
const OID_ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");

/// How to fix a PEM file that `openssl` can read but that is not written as RFC 7468 asks.
const REWRITE: &str = "rewrite it with `openssl pkey -in KEY -out KEY.pem`";

/// How to make a key DKIM can use.
const MAKE: &str = "make one with `openssl genpkey -algorithm ed25519` (or `-algorithm RSA`)";

/// Reads a private key; the error says what was wrong without quoting the key.
pub(super) fn signing_key(text: &str) -> Result<DkimSigningKey, String> {
    let text = text.trim();
    if text.contains("ENCRYPTED PRIVATE KEY") || text.contains("Proc-Type: 4,ENCRYPTED") {
        return Err(
            "the key is encrypted: store it unencrypted (`openssl pkey -in KEY -out PLAIN`)".into(),
        );
    }
    let Some(begin) = text.find("-----BEGIN") else {
        // lettre's form: the Ed25519 seed in base64.
        return match base64_decode(text) {
            Some(seed) if seed.len() == 32 => ed25519(&seed),
            _ => Err("the key is neither PEM nor a base64 Ed25519 key".into()),
        };
    };
    // A SecretDocument: the key's DER is zeroed when dropped.
    let (label, der) = SecretDocument::from_pem(first_block(&text[begin..]))
        .map_err(|e| format!("the PEM key cannot be read ({e}): {REWRITE}"))?;
    match label {
        // PKCS#1, as `openssl genrsa -traditional` writes it.
        "RSA PRIVATE KEY" => rsa(RsaPrivateKey::from_pkcs1_der(der.as_bytes())
            .map_err(|e| format!("the RSA key is malformed ({e}): {REWRITE}"))?),
        "PRIVATE KEY" => pkcs8(der.as_bytes()),
        other => Err(format!(
            "the PEM file holds `{other}`, not an RSA or Ed25519 private key (PKCS#1 or PKCS#8): {MAKE}"
        )),
    }
}

/// The first PEM block of `text` (which starts with its BEGIN line): the file may go on with
/// a certificate, which the PEM decoder would refuse.
fn first_block(text: &str) -> &str {
    let Some(end) = text.find("-----END ") else {
        return text;
    };
    let label = end + "-----END ".len();
    match text[label..].find("-----") {
        Some(close) => &text[..label + close + "-----".len()],
        None => text,
    }
}

/// The private key inside a PKCS#8 `PrivateKeyInfo` (RFC 5208, RFC 8410).
fn pkcs8(der: &[u8]) -> Result<DkimSigningKey, String> {
    let info = PrivateKeyInfo::try_from(der)
        .map_err(|e| format!("the PKCS#8 key is malformed ({e}): {REWRITE}"))?;
    let oid = info.algorithm.oid;
    if oid == rsa::pkcs1::ALGORITHM_OID {
        rsa(RsaPrivateKey::try_from(info)
            .map_err(|e| format!("the RSA key is malformed ({e}): {REWRITE}"))?)
    } else if oid == OID_ED25519 {
        // CurvePrivateKey ::= OCTET STRING (the 32-byte seed).
        let seed = OctetStringRef::from_der(info.private_key)
            .map_err(|e| format!("the Ed25519 key is malformed ({e}): {REWRITE}"))?;
        ed25519(seed.as_bytes())
    } else {
        Err(format!(
            "the key is neither RSA nor Ed25519 (its algorithm is {oid}; DKIM signs with one of these): {MAKE}"
        ))
    }
}

fn rsa(key: RsaPrivateKey) -> Result<DkimSigningKey, String> {
    // lettre takes an RSA key only as PKCS#1 PEM.
    let pem = key
        .to_pkcs1_pem(LineEnding::LF)
        .map_err(|e| format!("the RSA key cannot be read ({e})"))?;
    DkimSigningKey::new(&pem, DkimSigningAlgorithm::Rsa)
        .map_err(|e| format!("the RSA key cannot be read ({e})"))
}

fn ed25519(seed: &[u8]) -> Result<DkimSigningKey, String> {
    if seed.len() != 32 {
        return Err(format!(
            "the Ed25519 key is malformed (its seed is {} bytes, not 32): {MAKE}",
            seed.len()
        ));
    }
    DkimSigningKey::new(&base64_encode(seed), DkimSigningAlgorithm::Ed25519)
        .map_err(|e| format!("the Ed25519 key cannot be read ({e})"))
}

pub(super) fn base64_encode(data: &[u8]) -> String {
    STANDARD.encode(data)
}

/// Standard base64, whitespace ignored (PEM bodies are wrapped; a pasted key may be too) and
/// padding optional; `None` if anything else is not base64.
pub(super) fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let compact: String = text.split_ascii_whitespace().collect();
    STANDARD_PAD_INDIFFERENT.decode(compact).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips() {
        for data in [&b""[..], b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar"] {
            let e = base64_encode(data);
            assert_eq!(base64_decode(&e).as_deref(), Some(data), "{e}");
        }
        assert_eq!(base64_encode(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64_encode(b"fo"), "Zm8=");
        assert!(base64_decode("Zm9v!").is_none());
    }

    #[test]
    fn pkcs8_ed25519_key_is_read() {
        // `openssl genpkey -algorithm ed25519` (RFC 8410 example key).
        let pem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----\n";
        assert!(signing_key(pem).is_ok());
        assert!(signing_key("not a key").is_err());
        assert!(
            signing_key("-----BEGIN PRIVATE KEY-----\nMAA=\n-----END PRIVATE KEY-----").is_err()
        );
        // lettre's form: the same seed in base64, and text around a PEM block.
        assert!(signing_key("1O5y2/kTWErVttjx92n4rTr+fCjL8dT74Jeoj0R1WEI=").is_ok());
        let around = format!(
            "a comment\n{pem}-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n"
        );
        assert!(signing_key(&around).is_ok());
    }

    fn openssl(args: &[&str]) -> String {
        let out = std::process::Command::new("openssl")
            .args(args)
            .output()
            .expect("run openssl to make a key");
        assert!(out.status.success(), "openssl {args:?}");
        String::from_utf8(out.stdout).unwrap()
    }

    #[test]
    fn rsa_keys_are_read_as_pkcs1_and_pkcs8() {
        let pkcs1 = openssl(&["genrsa", "-traditional", "2048"]);
        assert!(pkcs1.starts_with("-----BEGIN RSA PRIVATE KEY-----"));
        let pkcs8 = openssl(&[
            "genpkey",
            "-algorithm",
            "RSA",
            "-pkeyopt",
            "rsa_keygen_bits:2048",
        ]);
        assert!(pkcs8.starts_with("-----BEGIN PRIVATE KEY-----"));
        for pem in [&pkcs1, &pkcs8] {
            signing_key(pem).unwrap_or_else(|e| panic!("{e}"));
        }
        // A line cut short is refused with the way to fix it.
        let broken = pkcs1.replacen('\n', "", 2).replacen(
            "RSA PRIVATE KEY-----",
            "RSA PRIVATE KEY-----\n",
            1,
        );
        let e = signing_key(&broken).err().unwrap();
        assert!(e.contains("openssl pkey"), "{e}");
    }

    #[test]
    fn other_keys_are_refused_with_the_reason() {
        let encrypted = openssl(&[
            "genpkey",
            "-algorithm",
            "ed25519",
            "-aes-128-cbc",
            "-pass",
            "pass:x",
        ]);
        let e = signing_key(&encrypted).err().unwrap();
        assert!(e.contains("encrypted") && e.contains("openssl"), "{e}");
        let ec = openssl(&[
            "genpkey",
            "-algorithm",
            "EC",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
        ]);
        let e = signing_key(&ec).err().unwrap();
        assert!(
            e.contains("neither RSA nor Ed25519") && e.contains("openssl genpkey"),
            "{e}"
        );
        let e = signing_key("-----BEGIN EC PRIVATE KEY-----\nMAA=\n-----END EC PRIVATE KEY-----")
            .err()
            .unwrap();
        assert!(e.contains("EC PRIVATE KEY"), "{e}");
    }
}
