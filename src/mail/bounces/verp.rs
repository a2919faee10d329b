//! Per-message return paths (VERP): `mail.bounce_address` `bounce@ekvik.example` becomes
//! `bounce+ROW-SIGNATURE@ekvik.example` for outbox row `ROW`, where `SIGNATURE` is
//! [`LinkKey::bounce_signature`] of the row and its recipient. A bounce addressed to it names the
//! row (and so the subscriber) whatever the reporting server wrote about the recipient, and
//! nobody without the link key can make one that names someone else.

use crate::config::mail::MailSettings;
use crate::diagnostics::Diagnostic;
use crate::mail::links::{BOUNCE_SIGNATURE_BYTES, LinkKey};

/// The longest part before `@` that `mail.bounce_address` may have: room is left for
/// `+`, a row number of up to 19 digits, `-` and the signature within the 64 characters an
/// address has (RFC 5321 §4.5.3.1.1).
pub const MAX_LOCAL: usize = 64 - 1 - 19 - 1 - 2 * BOUNCE_SIGNATURE_BYTES;

/// `mail.bounce_address` split at its `@`, or why it cannot carry return paths.
pub fn parts(bounce_address: &str) -> Result<(&str, &str), String> {
    let a = bounce_address.trim();
    let Some((local, domain)) = a.rsplit_once('@') else {
        return Err(format!("`{a}` has no @"));
    };
    if local.is_empty() || local.len() > MAX_LOCAL || local.contains('+') {
        return Err(format!(
            "the part before @ of `{a}` must have 1 to {MAX_LOCAL} characters and no `+` (the \
             return path of each message adds `+` and its signed row number)"
        ));
    }
    if crate::mail::normalise_address(a).is_err() {
        return Err(format!("`{a}` is not an address"));
    }
    Ok((local, domain))
}

/// Checks `mail.bounce_address` before anything is sent.
pub fn check(settings: &MailSettings) -> Result<(), Diagnostic> {
    match &settings.bounce_address {
        Some(a) => parts(a).map(|_| ()).map_err(|e| {
            Diagnostic::setting(crate::config::CONFIG_FILE, "mail.bounce_address", e)
                .hint("e.g. `bounce_address: bounce@ekvik.example`, an address whose mail is piped to `anslag bounces receive`")
        }),
        None => Ok(()),
    }
}

/// The return path of outbox row `row` sent to `to` (normalised).
pub fn return_path(bounce_address: &str, key: &LinkKey, row: i64, to: &str) -> Option<String> {
    let (local, domain) = parts(bounce_address).ok()?;
    Some(format!(
        "{local}+{row}-{}@{domain}",
        key.bounce_signature(row, to)
    ))
}

/// A return path found in a message, not yet verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub row: i64,
    pub signature: String,
}

/// Every return path of `bounce_address` in `text`, in order, each once (compared without
/// case: some servers change it).
pub fn find(text: &str, bounce_address: &str) -> Vec<Token> {
    let Ok((local, domain)) = parts(bounce_address) else {
        return Vec::new();
    };
    let hay = text.to_ascii_lowercase();
    let prefix = format!("{}+", local.to_ascii_lowercase());
    let suffix = format!("@{}", domain.to_ascii_lowercase());
    let mut found: Vec<Token> = Vec::new();
    let mut from = 0;
    while let Some(at) = hay[from..].find(&prefix) {
        let start = from + at;
        from = start + prefix.len();
        // Not the tail of a longer local part (`xbounce+…`).
        let before = hay[..start].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || ".-_+".contains(c)) {
            continue;
        }
        let rest = &hay[from..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let Some(sig) = rest[digits..].strip_prefix('-') else {
            continue;
        };
        let hex = sig.bytes().take_while(u8::is_ascii_hexdigit).count();
        if digits == 0
            || digits > 19
            || hex != 2 * BOUNCE_SIGNATURE_BYTES
            || !sig[hex..].starts_with(&suffix)
        {
            continue;
        }
        // Not the start of a longer domain (`@ekvik.example.org`).
        let after = sig[hex + suffix.len()..].chars().next();
        if after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-') {
            continue;
        }
        let Ok(row) = rest[..digits].parse::<i64>() else {
            continue;
        };
        let t = Token {
            row,
            signature: sig[..hex].to_owned(),
        };
        if !found.contains(&t) {
            found.push(t);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn return_paths_are_found_again_and_verify() {
        let key = LinkKey::from_bytes([3; 32]);
        let rp = return_path("bounce@ekvik.example", &key, 4711, "anna@example.org").unwrap();
        assert!(
            rp.starts_with("bounce+4711-") && rp.ends_with("@ekvik.example"),
            "{rp}"
        );
        assert!(rp.split('@').next().unwrap().len() <= 64);
        let text = format!("To: <{}>\nX-Failed: {rp}, again {rp}", rp.to_uppercase());
        let found = find(&text, "Bounce@Ekvik.example");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].row, 4711);
        assert!(key.verify_bounce_signature(&found[0].signature, 4711, "anna@example.org"));
        assert!(!key.verify_bounce_signature(&found[0].signature, 4712, "anna@example.org"));
        assert!(!key.verify_bounce_signature(&found[0].signature, 4711, "bo@example.org"));
        assert!(!LinkKey::from_bytes([4; 32]).verify_bounce_signature(
            &found[0].signature,
            4711,
            "anna@example.org"
        ));
        for other in [
            "xbounce+1-0123456789abcdef01234567@ekvik.example",
            "bounce+1-0123456789abcdef0123456@ekvik.example",
            "bounce+1-0123456789abcdef01234567@ekvik.example.org",
            "bounce+-0123456789abcdef01234567@ekvik.example",
        ] {
            assert!(find(other, "bounce@ekvik.example").is_empty(), "{other}");
        }
    }

    #[test]
    fn bounce_addresses_that_cannot_carry_a_return_path_are_refused() {
        assert!(parts("bounce@ekvik.example").is_ok());
        for bad in ["bounce", "a+b@ekvik.example", "@ekvik.example", "b@x"] {
            assert!(parts(bad).is_err(), "{bad}");
        }
        assert!(parts(&format!("{}@ekvik.example", "b".repeat(MAX_LOCAL + 1))).is_err());
    }
}
