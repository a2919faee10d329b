//! The preview's HTTP side: files from the preview folder, with a small script added to HTML
//! pages that reloads them after a rebuild and shows build errors.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use axum::extract::State as AxState;
use axum::http::{StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

use super::{Notice, State};

const RELOAD_JS: &str = r#"// anslag serve: reload after a rebuild, show build errors.
(function () {
  var events = new EventSource("/__anslag/events");
  events.addEventListener("reload", function () { location.reload(); });
  events.addEventListener("failed", function (e) {
    var box = document.getElementById("anslag-build-error") || document.createElement("pre");
    box.id = "anslag-build-error";
    box.setAttribute("role", "alert");
    box.textContent = e.data;
    box.style.cssText = "position:fixed;inset:0 0 auto 0;max-height:60vh;overflow:auto;margin:0;padding:1rem;background:#fff;color:#8b0000;border-bottom:4px solid #8b0000;z-index:9999;white-space:pre-wrap;font:14px/1.4 monospace";
    document.body.prepend(box);
  });
})();
"#;

pub async fn run(listen: SocketAddr, state: Arc<State>) -> anyhow::Result<()> {
    let app = Router::new()
        .route("/__anslag/events", get(events))
        .route(
            "/__anslag/reload.js",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
                    RELOAD_JS,
                )
            }),
        )
        .fallback(file)
        .with_state(state);
    let listener = tokio::net::TcpListener::bind(listen).await?;
    println!(
        "Serving the preview on http://{}/ (drafts included; Ctrl+C stops)",
        listener.local_addr()?
    );
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}

async fn events(
    AxState(state): AxState<Arc<State>>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, Infallible>>> {
    let stream = BroadcastStream::new(state.notices.subscribe()).filter_map(|n| match n {
        Ok(Notice::Reload) => Some(Ok(Event::default().event("reload").data("reload"))),
        Ok(Notice::Failed(text)) => Some(Ok(Event::default().event("failed").data(text))),
        Err(_) => None,
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// The file for a URL path, never outside the preview folder.
fn resolve(out_dir: &Path, uri_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(uri_path)?;
    let rel = Path::new(decoded.trim_start_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let mut path = out_dir.join(rel);
    if path.is_dir() {
        path = path.join("index.html");
    }
    Some(path)
}

fn percent_decode(s: &str) -> Option<String> {
    // Refused, as a request for no file: a `%` not followed by two hex digits (which
    // percent-encoding would keep as written), and a path that is not UTF-8.
    let malformed = s.split('%').skip(1).any(|after| {
        !after
            .as_bytes()
            .get(..2)
            .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit))
    });
    if malformed {
        return None;
    }
    percent_encoding::percent_decode_str(s)
        .decode_utf8()
        .ok()
        .map(|c| c.into_owned())
}

async fn file(AxState(state): AxState<Arc<State>>, uri: Uri) -> Response {
    let error = state.error.read().ok().and_then(|e| e.clone());
    let found = match resolve(&state.out_dir, uri.path()) {
        Some(path) => tokio::fs::read(&path).await.ok().map(|b| (path, b)),
        None => None,
    };
    let (status, path, bytes) = match found {
        Some((path, bytes)) => (StatusCode::OK, path, bytes),
        None => match tokio::fs::read(state.out_dir.join("404.html")).await {
            Ok(b) => (StatusCode::NOT_FOUND, state.out_dir.join("404.html"), b),
            Err(_) => {
                let text = error.unwrap_or_else(|| "Not found".into());
                return (
                    StatusCode::NOT_FOUND,
                    [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                    text,
                )
                    .into_response();
            }
        },
    };
    let mime = mime_guess::from_path(&path).first_or_octet_stream();
    if mime.essence_str() == "text/html" {
        let html = inject(&String::from_utf8_lossy(&bytes), error.as_deref());
        return (
            status,
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8".to_owned()),
                (header::CACHE_CONTROL, "no-store".to_owned()),
            ],
            html,
        )
            .into_response();
    }
    (
        status,
        [
            (header::CONTENT_TYPE, mime.to_string()),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response()
}

/// Adds the reload script (allowing it in the page's Content-Security-Policy) and, after a
/// failed rebuild, the errors at the top of the page, so they show without JavaScript too.
fn inject(html: &str, error: Option<&str>) -> String {
    let mut html = html.replacen(
        "default-src 'none';",
        "default-src 'none'; script-src 'self'; connect-src 'self';",
        1,
    );
    if let Some(err) = error {
        // Element text: `& < >` are enough.
        let escaped = html_escape::encode_text(err);
        let block = format!("<pre id=\"anslag-build-error\" role=\"alert\">{escaped}</pre>");
        if let Some(i) = html.find("<body>") {
            html.insert_str(i + "<body>".len(), &block);
        }
    }
    match html.rfind("</body>") {
        Some(i) => html.insert_str(i, "<script src=\"/__anslag/reload.js\"></script>\n"),
        None => html.push_str("<script src=\"/__anslag/reload.js\"></script>\n"),
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_folder() {
        let out = Path::new("/srv/preview");
        assert_eq!(resolve(out, "/sv/../../etc/passwd"), None);
        assert_eq!(resolve(out, "/%2e%2e/secret"), None);
        assert_eq!(
            resolve(out, "/files/minutes/m/bilag%201.pdf"),
            Some(out.join("files/minutes/m/bilag 1.pdf"))
        );
        assert_eq!(resolve(out, "/sv/v%C3%A4g"), Some(out.join("sv/väg")));
        // Not an escape, or not UTF-8: no file.
        for bad in ["/a%zz", "/a%2", "/a%", "/a%ff", "/a%C3"] {
            assert_eq!(resolve(out, bad), None, "{bad}");
        }
    }

    #[test]
    fn injection_allows_the_script_and_shows_errors() {
        let page = "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'\"></head><body><p>x</p></body></html>";
        let out = inject(page, Some("error: <bad>"));
        assert!(out.contains("script-src 'self'"));
        assert!(out.contains(
            "<body><pre id=\"anslag-build-error\" role=\"alert\">error: &lt;bad&gt;</pre>"
        ));
        assert!(out.contains("<script src=\"/__anslag/reload.js\"></script>\n</body>"));
    }
}
