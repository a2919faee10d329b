//! The preview's HTTP side: files from the preview folder, with a small script added to HTML
//! pages that reloads them after a rebuild and shows build errors. While the first build runs,
//! a request for a file that is not there yet waits for it.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use axum::Router;
use axum::extract::State as AxState;
use axum::http::{StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::wrappers::errors::BroadcastStreamRecvError;

use super::{Notice, State};

/// How long a request waits for a file during the first build (a large site takes seconds).
const FIRST_BUILD_WAIT: Duration = Duration::from_secs(60);
/// How often a waiting request looks for its file: the build writes each file as soon as it is
/// rendered, and says nothing until it is done.
const LOOK_AGAIN: Duration = Duration::from_millis(10);

const RELOAD_JS: &str = r#"// anslag serve: reload after a rebuild (or if one came since the page was served), show build errors.
(function () {
  var me = document.currentScript;
  var shown = me ? me.getAttribute("data-generation") : null;
  var events = new EventSource("/__anslag/events");
  events.addEventListener("reload", function (e) {
    if (e.data !== shown) { location.reload(); }
  });
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

/// Listens on `listen`, and says where.
pub async fn bind(listen: SocketAddr) -> anyhow::Result<tokio::net::TcpListener> {
    let listener = tokio::net::TcpListener::bind(listen).await?;
    println!(
        "Serving the preview on http://{}/ (drafts included; Ctrl+C stops)",
        listener.local_addr()?
    );
    Ok(listener)
}

pub async fn run(listener: tokio::net::TcpListener, state: Arc<State>) -> anyhow::Result<()> {
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
    let notices = BroadcastStream::new(state.notices.subscribe());
    // First the number of the last good rebuild: a page served before it reloads.
    let current = state.generation.load(Ordering::SeqCst);
    let first = tokio_stream::once(Ok::<_, BroadcastStreamRecvError>(Notice::Reload(current)));
    let stream = first.chain(notices).filter_map(|n| match n {
        Ok(Notice::Reload(g)) => Some(Ok(Event::default().event("reload").data(g.to_string()))),
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

/// The file for a URL path and its bytes, if it is there.
async fn read(out_dir: &Path, uri_path: &str) -> Option<(PathBuf, Vec<u8>)> {
    let path = resolve(out_dir, uri_path)?;
    tokio::fs::read(&path).await.ok().map(|b| (path, b))
}

/// A file found, and the number of the last good rebuild before it was read.
type Found = (u64, Option<(PathBuf, Vec<u8>)>);

/// The file for a URL path, waited for while the first build runs; `Err` when that build
/// took longer than [`FIRST_BUILD_WAIT`].
async fn read_when_built(state: &State, uri_path: &str) -> Result<Found, ()> {
    let mut ready = state.ready.subscribe();
    let deadline = tokio::time::Instant::now() + FIRST_BUILD_WAIT;
    loop {
        // Whether the build is done, then the file: a file not there after the build is not
        // part of the site.
        let built = *ready.borrow_and_update();
        let generation = state.generation.load(Ordering::SeqCst);
        if let Some(found) = read(&state.out_dir, uri_path).await {
            return Ok((generation, Some(found)));
        }
        if built {
            return Ok((generation, None));
        }
        tokio::select! {
            _ = ready.changed() => {}
            _ = tokio::time::sleep(LOOK_AGAIN) => {}
            _ = tokio::time::sleep_until(deadline) => return Err(()),
        }
    }
}

async fn file(AxState(state): AxState<Arc<State>>, uri: Uri) -> Response {
    let Ok((generation, found)) = read_when_built(&state, uri.path()).await else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            [
                (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
                (header::RETRY_AFTER, "5"),
            ],
            "The first build of the preview is still running; try again in a moment.",
        )
            .into_response();
    };
    let error = state.error.read().ok().and_then(|e| e.clone());
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
        let html = inject(
            &String::from_utf8_lossy(&bytes),
            error.as_deref(),
            generation,
        );
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
/// failed rebuild, the errors at the top of the page, so they show without JavaScript too. The
/// script is told the number of the last good rebuild (`generation`).
fn inject(html: &str, error: Option<&str>, generation: u64) -> String {
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
    let script =
        format!("<script src=\"/__anslag/reload.js\" data-generation=\"{generation}\"></script>\n");
    match html.rfind("</body>") {
        Some(i) => html.insert_str(i, &script),
        None => html.push_str(&script),
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
        let out = inject(page, Some("error: <bad>"), 3);
        assert!(out.contains("script-src 'self'"));
        assert!(out.contains(
            "<body><pre id=\"anslag-build-error\" role=\"alert\">error: &lt;bad&gt;</pre>"
        ));
        assert!(out.contains(
            "<script src=\"/__anslag/reload.js\" data-generation=\"3\"></script>\n</body>"
        ));
    }
}
