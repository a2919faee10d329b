//! A real SMTP server on loopback for the tests: `tests/smtp/server.py` (Python's aiosmtpd),
//! which saves every message it accepts as a file.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::time::Duration;

use super::mime::{Parsed, parse_files};
use super::wait_until;

pub struct SmtpServer {
    child: Child,
    _stdin: ChildStdin,
    pub port: u16,
    pub dir: PathBuf,
}

/// One message as the server received it.
#[derive(Debug, Clone)]
pub struct Received {
    /// Envelope recipients.
    pub to: Vec<String>,
    /// The envelope sender (`MAIL FROM`).
    pub from: String,
    pub path: PathBuf,
    /// The TLS version of the connection (`TLSv1.3`), if it was encrypted.
    pub tls: Option<String>,
    /// The user the client logged in as, if it did.
    pub login: Option<String>,
}

impl SmtpServer {
    /// Starts the server, saving into `dir`, with extra options (`--reject ADDR`, `--defer
    /// ADDR`, `--drop-after ADDR`, `--delay SECONDS`; `--tls-cert FILE --tls-key FILE` with
    /// `--starttls` or `--implicit-tls`; `--auth USER:PASS`).
    pub fn start(dir: &Path, options: &[&str]) -> SmtpServer {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/smtp/server.py");
        let mut child = Command::new("python3")
            .arg(script)
            .arg("--dir")
            .arg(dir)
            .args(options)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start python3 tests/smtp/server.py (needs `pip install aiosmtpd`)");
        let stdin = child.stdin.take().expect("stdin");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("read the server's port");
        let port = line
            .trim()
            .strip_prefix("PORT ")
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| {
                panic!("the SMTP server did not start (is aiosmtpd installed?): {line:?}")
            });
        SmtpServer {
            child,
            _stdin: stdin,
            port,
            dir: dir.to_owned(),
        }
    }

    /// The messages received so far, in order.
    pub fn received(&self) -> Vec<Received> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(&self.dir)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        names.retain(|p| p.extension().is_some_and(|e| e == "json"));
        names.sort();
        names
            .into_iter()
            .filter_map(|json| {
                let eml = json.with_extension("eml");
                if !eml.exists() {
                    return None;
                }
                let v: serde_json::Value =
                    serde_json::from_slice(&std::fs::read(&json).ok()?).ok()?;
                let to = v["to"]
                    .as_array()?
                    .iter()
                    .filter_map(|a| a.as_str().map(|s| s.to_lowercase()))
                    .collect();
                let text = |key: &str| v[key].as_str().map(str::to_owned);
                Some(Received {
                    to,
                    from: v["from"].as_str().unwrap_or_default().to_owned(),
                    tls: text("tls"),
                    login: text("login"),
                    path: eml,
                })
            })
            .collect()
    }

    /// Waits until at least `n` messages have arrived (panics after `limit`); all that have.
    pub fn wait_for(&self, n: usize, limit: Duration) -> Vec<Received> {
        let what = format!("the SMTP server has received {n} messages");
        wait_until(limit, &what, || self.received().len() >= n);
        self.received()
    }

    /// Waits until the server has done with every client connection (its `sessions` file reads
    /// 0). Once the clients have gone, every message that the server will keep is then saved:
    /// what arrives later is something sent after this call.
    pub fn wait_until_idle(&self) {
        let sessions = self.dir.join("sessions");
        wait_until(
            Duration::from_secs(30),
            "the SMTP server has closed every connection",
            || std::fs::read_to_string(&sessions).is_ok_and(|n| n.trim() == "0"),
        );
    }

    /// Parses received messages with the MIME parser.
    pub fn parse(received: &[Received]) -> Vec<Parsed> {
        parse_files(&received.iter().map(|r| r.path.clone()).collect::<Vec<_>>())
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
