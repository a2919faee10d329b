//! Reading email back with a real MIME parser: Python's `email` package, through
//! `tests/smtp/parse.py`.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

/// The message as a MIME parser reads it.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub headers: BTreeMap<String, Vec<String>>,
    pub content_type: String,
    pub defects: Vec<String>,
    /// (content type, charset, decoded body) of each leaf part, in order.
    pub parts: Vec<(String, String, String)>,
}

impl Parsed {
    /// The one value of a header; panics if it is missing or repeated.
    pub fn header(&self, name: &str) -> &str {
        match self
            .headers
            .get(&name.to_ascii_lowercase())
            .map(Vec::as_slice)
        {
            Some([one]) => one,
            other => panic!("header {name}: expected exactly one, found {other:?}"),
        }
    }
    pub fn has(&self, name: &str) -> bool {
        self.headers.contains_key(&name.to_ascii_lowercase())
    }
    pub fn text(&self) -> &str {
        &self.parts[0].2
    }
    pub fn html(&self) -> &str {
        &self.parts[1].2
    }
}

fn parser() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/smtp/parse.py")
}

fn from_json(v: &Value) -> Parsed {
    let s = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    Parsed {
        headers: v["headers"]
            .as_object()
            .expect("headers")
            .iter()
            .map(|(k, vs)| {
                (
                    k.clone(),
                    vs.as_array().expect("values").iter().map(s).collect(),
                )
            })
            .collect(),
        content_type: s(&v["type"]),
        defects: v["defects"]
            .as_array()
            .expect("defects")
            .iter()
            .map(s)
            .collect(),
        parts: v["parts"]
            .as_array()
            .expect("parts")
            .iter()
            .map(|p| (s(&p["type"]), s(&p["charset"]), s(&p["body"])))
            .collect(),
    }
}

/// Parses one message.
pub fn parse(bytes: &[u8]) -> Parsed {
    let mut child = Command::new("python3")
        .arg(parser())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run python3 (the MIME parser of these tests)");
    child.stdin.take().unwrap().write_all(bytes).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "python3 cannot parse the message: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    from_json(&serde_json::from_slice(&out.stdout).unwrap())
}

/// Parses message files, in one run of the parser.
pub fn parse_files(paths: &[std::path::PathBuf]) -> Vec<Parsed> {
    if paths.is_empty() {
        return Vec::new();
    }
    let out = Command::new("python3")
        .arg(parser())
        .args(paths)
        .output()
        .expect("run python3 (the MIME parser of these tests)");
    assert!(
        out.status.success(),
        "python3 cannot parse the messages: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v.as_array()
        .expect("a list")
        .iter()
        .map(from_json)
        .collect()
}
