//! Reading what comes back: RFC 3464 delivery status notifications (`multipart/report;
//! report-type=delivery-status`), RFC 5965 complaints (`report-type=feedback-report`), and the
//! common bounces that are neither (Exim's and qmail's plain text with `X-Failed-Recipients`).
//! MIME is parsed by `mail-parser`; the fields of a report part are header blocks, read by it
//! too.

use mail_parser::{Message, MessageParser, MimeHeaders, PartType};

use super::verp::{self, Token};

/// What a report says happened to one recipient.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Permanent (5.x.x): the address does not take mail.
    Hard,
    /// Temporary (4.x.x): full mailbox, server down, given up after days of trying.
    Soft,
    /// The recipient reported the message as spam (ARF).
    Complaint,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Hard => "hard",
            Kind::Soft => "soft",
            Kind::Complaint => "complaint",
        }
    }
}

/// One recipient a report is about. The address is what the report says (lower-cased,
/// without `<>`), if it says; the return path, where there is one, names the recipient better.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub address: Option<String>,
    pub kind: Kind,
    /// The RFC 3463 status, e.g. `5.1.1`.
    pub status: Option<String>,
}

/// A message that is a bounce or a complaint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// `delivery-status`, `feedback-report` or `plain` (no report part).
    pub format: &'static str,
    /// The recipients that failed or complained; empty for a report of delay or success.
    pub failures: Vec<Failure>,
    /// Return paths of `mail.bounce_address` found anywhere in the message (not verified).
    pub tokens: Vec<Token>,
}

/// The report in `raw`, or none if it is not a bounce or a complaint.
pub fn read(raw: &[u8], bounce_address: Option<&str>) -> Option<Report> {
    let msg = MessageParser::default().parse(raw)?;
    let tokens = bounce_address
        .map(|a| verp::find(&String::from_utf8_lossy(raw), a))
        .unwrap_or_default();
    let mut report = if let Some(fields) = part_of_type(&msg, "delivery-status") {
        Report {
            format: "delivery-status",
            failures: delivery_status(&fields),
            tokens: Vec::new(),
        }
    } else if let Some(fields) = part_of_type(&msg, "feedback-report") {
        Report {
            format: "feedback-report",
            failures: vec![feedback(&msg, &fields)],
            tokens: Vec::new(),
        }
    } else {
        Report {
            format: "plain",
            failures: plain(&msg)?,
            tokens: Vec::new(),
        }
    };
    report.tokens = tokens;
    Some(report)
}

/// The decoded body of the first part whose type is `message/{subtype}` (or
/// `message/global-{subtype}`, RFC 6533).
fn part_of_type(msg: &Message, subtype: &str) -> Option<Vec<u8>> {
    let global = format!("global-{subtype}");
    msg.parts.iter().find_map(|p| {
        let ct = p.content_type()?;
        let sub = ct.subtype()?.to_ascii_lowercase();
        (ct.ctype().eq_ignore_ascii_case("message") && (sub == subtype || sub == global))
            .then(|| p.contents().to_vec())
    })
}

/// The field blocks of a report part (RFC 3464 §2.1: one per message, then one per
/// recipient, separated by blank lines), each read as a header block by `mail-parser`.
fn field_blocks(body: &[u8]) -> Vec<Vec<(String, String)>> {
    let text = String::from_utf8_lossy(body).replace("\r\n", "\n");
    text.split("\n\n")
        .filter(|b| !b.trim().is_empty())
        .filter_map(|block| {
            let block = format!("{}\n\n", block.trim_start_matches('\n'));
            let parsed = MessageParser::default().parse_headers(block.as_bytes())?;
            let fields: Vec<(String, String)> = parsed
                .headers_raw()
                .map(|(k, v)| (k.to_ascii_lowercase(), unfold(v)))
                .collect();
            (!fields.is_empty()).then_some(fields)
        })
        .collect()
}

fn unfold(v: &str) -> String {
    v.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn field<'a>(block: &'a [(String, String)], name: &str) -> Option<&'a str> {
    block
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// `rfc822; Anna@Example.org` → `anna@example.org`.
fn typed_address(value: &str) -> Option<String> {
    let a = value.split_once(';').map_or(value, |(_, a)| a);
    let a = a
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim();
    (a.contains('@')).then(|| a.to_lowercase())
}

fn delivery_status(body: &[u8]) -> Vec<Failure> {
    field_blocks(body)
        .iter()
        .filter(|b| {
            field(b, "final-recipient").is_some() || field(b, "original-recipient").is_some()
        })
        .filter_map(|b| {
            let action = field(b, "action").unwrap_or("failed").to_ascii_lowercase();
            // `delayed`, `delivered`, `relayed`, `expanded`: nothing went wrong for good.
            if action != "failed" {
                return None;
            }
            let status = field(b, "status")
                .and_then(status_code)
                .or_else(|| field(b, "diagnostic-code").and_then(status_in));
            let address = field(b, "original-recipient")
                .and_then(typed_address)
                .or_else(|| field(b, "final-recipient").and_then(typed_address));
            Some(Failure {
                address,
                kind: kind_of(status.as_deref(), field(b, "diagnostic-code")),
                status,
            })
        })
        .collect()
}

/// A complaint (RFC 5965): about `Original-Rcpt-To`, else the `To:` of the returned message.
fn feedback(msg: &Message, body: &[u8]) -> Failure {
    let blocks = field_blocks(body);
    let first = blocks.first().map(Vec::as_slice).unwrap_or_default();
    let address = field(first, "original-rcpt-to")
        .and_then(typed_address)
        .or_else(|| returned_to(msg));
    Failure {
        address,
        kind: Kind::Complaint,
        status: None,
    }
}

/// The `To:` of the message returned inside a report (`message/rfc822`, or
/// `text/rfc822-headers`).
fn returned_to(msg: &Message) -> Option<String> {
    msg.parts.iter().find_map(|p| {
        let headers = match &p.body {
            PartType::Message(m) => m.to()?.first()?.address()?.to_lowercase(),
            _ if p.content_type().is_some_and(|c| {
                c.subtype()
                    .is_some_and(|s| s.eq_ignore_ascii_case("rfc822-headers"))
            }) =>
            {
                let h = MessageParser::default().parse_headers(p.contents())?;
                h.to()?.first()?.address()?.to_lowercase()
            }
            _ => return None,
        };
        Some(headers)
    })
}

/// A bounce without a report part: one that says who failed in `X-Failed-Recipients` (Exim,
/// and others copying it), or comes from a mailer daemon with a failure in its subject. The
/// status is the first enhanced code (else SMTP reply code) in its text.
fn plain(msg: &Message) -> Option<Vec<Failure>> {
    let failed: Vec<String> = msg
        .headers_raw()
        .filter(|(k, _)| k.eq_ignore_ascii_case("X-Failed-Recipients"))
        .flat_map(|(_, v)| v.split(',').filter_map(typed_address).collect::<Vec<_>>())
        .collect();
    let text: String = msg
        .text_bodies()
        .filter_map(|p| p.text_contents())
        .collect::<Vec<_>>()
        .join("\n");
    if failed.is_empty() && !from_mailer_daemon(msg) {
        return None;
    }
    let status = status_in(&text);
    let kind = kind_of(status.as_deref(), Some(&text));
    if failed.is_empty() {
        // A daemon's failure without names: the return path, if any, says who.
        return Some(vec![Failure {
            address: None,
            kind,
            status,
        }]);
    }
    Some(
        failed
            .into_iter()
            .map(|a| Failure {
                address: Some(a),
                kind,
                status: status.clone(),
            })
            .collect(),
    )
}

/// A message from a mailer daemon that says delivery failed.
fn from_mailer_daemon(msg: &Message) -> bool {
    let from = msg
        .from()
        .and_then(|f| f.first())
        .and_then(|a| a.address())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let subject = msg.subject().unwrap_or_default().to_ascii_lowercase();
    let daemon = from.starts_with("mailer-daemon@") || from.starts_with("postmaster@");
    let failure = [
        "undeliver",
        "delivery status notification (failure)",
        "delivery failure",
        "mail delivery failed",
        "failure notice",
        "returned mail",
        "delivery has failed",
    ]
    .iter()
    .any(|s| subject.contains(s));
    daemon && failure
}

/// `5.1.1 (user unknown)` → `5.1.1`.
fn status_code(value: &str) -> Option<String> {
    let code = value.split_whitespace().next()?;
    is_status(code).then(|| code.to_owned())
}

fn is_status(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() == 3
        && (parts[0] == "4" || parts[0] == "5")
        && parts[1..]
            .iter()
            .all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

/// The first enhanced status code in free text (`smtp; 550 5.1.1 <…>: …`).
fn status_in(text: &str) -> Option<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ';' | ':' | '(' | ')' | '[' | ']' | ','))
        .map(|w| w.trim_matches('.'))
        .find(|w| is_status(w))
        .map(str::to_owned)
}

/// Hard for 5.x.x, soft for 4.x.x; without a code, what an SMTP reply code in the text says
/// (5xx hard), else soft: a bounce that says nothing clear counts towards the soft limit only.
fn kind_of(status: Option<&str>, text: Option<&str>) -> Kind {
    match status.and_then(|s| s.chars().next()) {
        Some('5') => Kind::Hard,
        Some('4') => Kind::Soft,
        _ => {
            let smtp_5xx = text.is_some_and(|t| {
                t.split(|c: char| !c.is_ascii_digit())
                    .any(|w| w.len() == 3 && w.starts_with('5') && w.as_bytes()[1] <= b'5')
            });
            if smtp_5xx { Kind::Hard } else { Kind::Soft }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_codes_are_found_in_text() {
        assert_eq!(
            status_in("smtp; 550 5.1.1 <a@b.example>: no").as_deref(),
            Some("5.1.1")
        );
        assert_eq!(
            status_in("452 4.2.2 Mailbox full.").as_deref(),
            Some("4.2.2")
        );
        assert_eq!(status_in("version 1.2.3 and 6.1.1"), None);
        assert_eq!(kind_of(None, Some("550 User unknown")), Kind::Hard);
        assert_eq!(kind_of(None, Some("try again later")), Kind::Soft);
        assert_eq!(kind_of(Some("4.4.7"), Some("550")), Kind::Soft);
    }

    #[test]
    fn a_message_that_is_no_report_is_not_read_as_one() {
        let raw = b"From: Anna <anna@example.org>\r\nTo: bounce@ekvik.example\r\nSubject: Hej\r\n\r\nTack!\r\n";
        assert_eq!(read(raw, Some("bounce@ekvik.example")), None);
    }
}
