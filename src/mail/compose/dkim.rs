//! DKIM signing keys as people have them: the PEM files `openssl` writes (PKCS#1 or PKCS#8,
//! RSA or Ed25519), or lettre's own form of an Ed25519 key (the 32-byte seed in base64).

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, STANDARD_PAD_INDIFFERENT};
use lettre::message::dkim::{DkimSigningAlgorithm, DkimSigningKey};

/// Reads a private key; the error says what was wrong without quoting the key.
pub(super) fn signing_key(text: &str) -> Result<DkimSigningKey, String> {
    let text = text.trim();
    let rsa = |pem: &str| {
        DkimSigningKey::new(pem, DkimSigningAlgorithm::Rsa)
            .map_err(|e| format!("the RSA key cannot be read ({e})"))
    };
    if text.contains("-----BEGIN RSA PRIVATE KEY-----") {
        return rsa(text);
    }
    if text.contains("ENCRYPTED PRIVATE KEY") || text.contains("Proc-Type: 4,ENCRYPTED") {
        return Err(
            "the key is encrypted: store it unencrypted (`openssl pkey -in KEY -out PLAIN`)".into(),
        );
    }
    if text.contains("-----BEGIN PRIVATE KEY-----") {
        let der = pem_body(text, "PRIVATE KEY")
            .ok_or("the PEM key has no body between its BEGIN and END lines")?;
        return match pkcs8(&der)? {
            Pkcs8::Rsa(pkcs1) => rsa(&pem("RSA PRIVATE KEY", &pkcs1)),
            Pkcs8::Ed25519(seed) => ed25519(&seed),
        };
    }
    if text.contains("-----BEGIN") {
        return Err(
            "the key is not an RSA or Ed25519 private key in PEM (PKCS#1 or PKCS#8)".into(),
        );
    }
    // lettre's form: the Ed25519 seed in base64.
    match base64_decode(text) {
        Some(seed) if seed.len() == 32 => ed25519(&seed),
        _ => Err("the key is neither PEM nor a base64 Ed25519 key".into()),
    }
}

fn ed25519(seed: &[u8]) -> Result<DkimSigningKey, String> {
    DkimSigningKey::new(&base64_encode(seed), DkimSigningAlgorithm::Ed25519)
        .map_err(|e| format!("the Ed25519 key cannot be read ({e})"))
}

enum Pkcs8 {
    Rsa(Vec<u8>),
    Ed25519(Vec<u8>),
}

const OID_RSA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
const OID_ED25519: &[u8] = &[0x2b, 0x65, 0x70];

/// The private key inside a PKCS#8 `PrivateKeyInfo` (RFC 5208, RFC 8410).
fn pkcs8(der: &[u8]) -> Result<Pkcs8, String> {
    let bad = || "the PKCS#8 key is malformed".to_owned();
    let (tag, info, _) = tlv(der).ok_or_else(bad)?;
    if tag != 0x30 {
        return Err(bad());
    }
    let (tag, _version, rest) = tlv(info).ok_or_else(bad)?;
    if tag != 0x02 {
        return Err(bad());
    }
    let (tag, algorithm, rest) = tlv(rest).ok_or_else(bad)?;
    if tag != 0x30 {
        return Err(bad());
    }
    let (tag, oid, _) = tlv(algorithm).ok_or_else(bad)?;
    if tag != 0x06 {
        return Err(bad());
    }
    let (tag, key, _) = tlv(rest).ok_or_else(bad)?;
    if tag != 0x04 {
        return Err(bad());
    }
    if oid == OID_RSA {
        Ok(Pkcs8::Rsa(key.to_vec()))
    } else if oid == OID_ED25519 {
        // CurvePrivateKey ::= OCTET STRING (the 32-byte seed).
        match tlv(key) {
            Some((0x04, seed, _)) if seed.len() == 32 => Ok(Pkcs8::Ed25519(seed.to_vec())),
            _ => Err(bad()),
        }
    } else {
        Err("the key is neither RSA nor Ed25519 (DKIM signs with one of these)".into())
    }
}

/// One DER tag-length-value: the tag, the value and what follows.
fn tlv(b: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let tag = *b.first()?;
    let first = *b.get(1)?;
    let (len, head) = if first < 0x80 {
        (usize::from(first), 2)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 {
            return None;
        }
        let mut len = 0usize;
        for i in 0..n {
            len = (len << 8) | usize::from(*b.get(2 + i)?);
        }
        (len, 2 + n)
    };
    let end = head.checked_add(len)?;
    if end > b.len() {
        return None;
    }
    Some((tag, &b[head..end], &b[end..]))
}

fn pem_body(text: &str, label: &str) -> Option<Vec<u8>> {
    let begin = format!("-----BEGIN {label}-----");
    let end = format!("-----END {label}-----");
    let start = text.find(&begin)? + begin.len();
    let stop = start + text[start..].find(&end)?;
    base64_decode(&text[start..stop]).filter(|d| !d.is_empty())
}

fn pem(label: &str, der: &[u8]) -> String {
    let b64 = base64_encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
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
    }
}
