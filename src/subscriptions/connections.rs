//! How the service holds its connections against slow and idle clients: each connection has a
//! time for its headers (hyper's), for its body ([`whole_body`]) and for nothing moving either
//! way ([`Watched`]), and only so many are served at once (the rest wait in the system's
//! queue). Without these, a client that opens connections and sends half a request holds them
//! for ever, and a thousand such clients use up the service.

use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::sync::{Semaphore, watch};
use tokio::time::{Instant, Sleep};
use tokio_stream::StreamExt;

use super::{Log, SHUTDOWN_GRACE};
use crate::config::mail::ServiceSettings;

/// The times and the cap, from `mail.service`.
#[derive(Debug, Clone, Copy)]
pub struct Hold {
    pub header_timeout: Duration,
    pub body_timeout: Duration,
    pub idle_timeout: Duration,
    pub max_connections: usize,
}

/// File descriptors kept free besides the connections: the store, the log, SMTP connections.
const SPARE_FILES: u64 = 256;

impl Hold {
    pub fn from_settings(s: &ServiceSettings) -> Result<Hold, String> {
        let secs = |name: &str, v: u64| {
            if v == 0 {
                Err(format!(
                    "mail.service.{name} must be at least 1 (seconds), not 0"
                ))
            } else {
                Ok(Duration::from_secs(v))
            }
        };
        if s.max_connections == 0 {
            return Err("mail.service.max_connections must be at least 1, not 0".into());
        }
        Ok(Hold {
            header_timeout: secs("header_timeout", s.header_timeout)?,
            body_timeout: secs("body_timeout", s.body_timeout)?,
            idle_timeout: secs("idle_timeout", s.idle_timeout)?,
            max_connections: s.max_connections as usize,
        })
    }

    /// Raises the process's limit of open files so that `max_connections` fit; where the
    /// system's hard limit is lower, serves fewer at once and says so (an `accept` that fails
    /// for want of file descriptors would otherwise stall every new client).
    pub fn fit_open_files(&mut self, log: &Log) {
        use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
        let want = self.max_connections as u64 + SPARE_FILES;
        let limit = getrlimit(Resource::Nofile);
        let (Some(current), maximum) = (limit.current, limit.maximum) else {
            return; // unlimited
        };
        if current >= want {
            return;
        }
        let raised = maximum.map_or(want, |m| m.min(want));
        let now = match setrlimit(
            Resource::Nofile,
            Rlimit {
                current: Some(raised),
                maximum,
            },
        ) {
            Ok(()) => raised,
            Err(_) => current,
        };
        if now < want {
            self.max_connections = now.saturating_sub(SPARE_FILES).max(1) as usize;
            log.info(format!(
                "the system allows {now} open files: serving {} connections at once, not {} (raise `ulimit -n` or LimitNOFILE= to serve more)",
                self.max_connections,
                want - SPARE_FILES
            ));
        }
    }
}

/// Accepts and serves connections until `stop` turns true, then lets the requests under way
/// finish for [`SHUTDOWN_GRACE`] at most.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: axum::Router,
    hold: Hold,
    mut stop: watch::Receiver<bool>,
    log: &Log,
) -> io::Result<()> {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(hold.header_timeout);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let slots = Arc::new(Semaphore::new(hold.max_connections));
    loop {
        let slot = tokio::select! {
            s = slots.clone().acquire_owned() => s.map_err(io::Error::other)?,
            _ = stop.wait_for(|s| *s) => break,
        };
        let (tcp, peer) = tokio::select! {
            a = listener.accept() => match a {
                Ok(a) => a,
                Err(e) => {
                    // Out of file descriptors, or a connection reset before it was taken:
                    // the next one may do; do not spin meanwhile.
                    log.detail(format!("could not accept a connection: {e}"));
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = stop.wait_for(|s| *s) => break,
        };
        let _ = tcp.set_nodelay(true);
        let app = app.clone();
        let service = hyper::service::service_fn(move |mut req: Request<hyper::body::Incoming>| {
            req.extensions_mut().insert(ConnectInfo(peer));
            let app = hyper_util::service::TowerToHyperService::new(app.clone());
            async move { hyper::service::Service::call(&app, req.map(Body::new)).await }
        });
        let io = TokioIo::new(Watched::new(tcp, hold.idle_timeout));
        let conn = graceful.watch(http.serve_connection(io, service));
        let detail = log.clone();
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                // A client that gave up or was too slow: routine, but worth seeing with --verbose.
                detail.detail(format!("a connection from {} ended: {e}", peer.ip()));
            }
            drop(slot);
        });
    }
    drop(listener);
    log.info("stopping: finishing the requests under way");
    if tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown())
        .await
        .is_err()
    {
        log.info("requests still open after 30 s; stopping anyway");
    }
    Ok(())
}

/// The body of a request, read whole within `body_timeout` before a handler sees it (a body
/// that never arrives is answered 408 and its connection closed). Reads no more than one byte
/// past [`super::routes::BODY_LIMIT`], so that the handler's limit still answers 413.
pub async fn whole_body(State(limit): State<Duration>, req: Request, next: Next) -> Response {
    let (parts, body) = req.into_parts();
    let cap = super::routes::BODY_LIMIT + 1;
    let read = async {
        let mut stream = body.into_data_stream();
        let mut buf = Vec::new();
        while buf.len() < cap
            && let Some(chunk) = stream.next().await
        {
            buf.extend_from_slice(&chunk?);
        }
        Ok::<_, axum::Error>(Bytes::from(buf))
    };
    match tokio::time::timeout(limit, read).await {
        Ok(Ok(bytes)) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        // The client closed the connection mid-body, or it went idle: nobody reads the answer.
        Ok(Err(_)) => closing(
            StatusCode::BAD_REQUEST,
            "The request did not arrive whole.\n",
        ),
        Err(_) => closing(
            StatusCode::REQUEST_TIMEOUT,
            "The request took too long to arrive.\n",
        ),
    }
}

/// A plain answer after which the connection is closed.
fn closing(status: StatusCode, text: &'static str) -> Response {
    let mut r = (status, text).into_response();
    r.headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    super::pages::security_headers(r.headers_mut());
    r
}

/// A connection that fails once nothing has moved either way for `idle` (while hyper waits to
/// read or to write; not while a handler works).
pub struct Watched<T> {
    io: T,
    idle: Duration,
    deadline: Pin<Box<Sleep>>,
}

impl<T> Watched<T> {
    pub fn new(io: T, idle: Duration) -> Watched<T> {
        Watched {
            io,
            idle,
            deadline: Box::pin(tokio::time::sleep(idle)),
        }
    }

    fn moved(&mut self) {
        let next = Instant::now() + self.idle;
        self.deadline.as_mut().reset(next);
    }

    /// After the inner connection answered `Pending`: an error if the time is up.
    fn expired<R>(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<R>> {
        match self.deadline.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "nothing sent or read for the idle timeout",
            ))),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for Watched<T> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        match Pin::new(&mut this.io).poll_read(cx, buf) {
            Poll::Ready(Ok(())) => {
                if buf.filled().len() > before {
                    this.moved();
                }
                Poll::Ready(Ok(()))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => this.expired(cx),
        }
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for Watched<T> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        match Pin::new(&mut this.io).poll_write(cx, buf) {
            Poll::Ready(Ok(n)) => {
                this.moved();
                Poll::Ready(Ok(n))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => this.expired(cx),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        match Pin::new(&mut this.io).poll_flush(cx) {
            Poll::Pending => this.expired(cx),
            done => done,
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_shutdown(cx)
    }
}
