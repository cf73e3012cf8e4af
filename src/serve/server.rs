//! The HTTP/1.1 server under `serve`, on `std::net` with `httparse` reading the request head,
//! one thread per connection, built so that no input brings it down:
//!
//! - the request head is bounded (16 KiB, 100 headers): over it → 431 and the connection closed;
//! - a request head must arrive within a deadline (10 s; slowloris), a kept-alive connection is
//!   closed after 5 s without a new request, and every write has a timeout;
//! - at most 64 connections: a new one closes the connection that has waited longest for a
//!   request (then the oldest event stream) to make room, or gets 503 when every slot is busy;
//! - the `Host` header must name the address served (DNS rebinding): 421 otherwise;
//! - GET and HEAD only (405 with `Allow`); a request body is never read: the connection is
//!   closed after the answer;
//! - a panic while answering gives 500 and the server goes on.
//!
//! Server-Sent Events streams (`Body::Events`) only write, with a ping every 15 s; they have no
//! read deadline. `LANTOA_SERVE_IDLE_MS` sets the head deadline and the keep-alive idle time
//! (for tests).

use std::collections::HashMap;
use std::io::{ErrorKind, Read, Write};
use std::net::{IpAddr, Shutdown, TcpListener, TcpStream};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use crate::messages::{Lang, Refusal};

/// Environment variable overriding the head deadline and keep-alive idle time, in ms.
pub const IDLE_ENV: &str = "LANTOA_SERVE_IDLE_MS";

/// How much a client may ask of the server.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Bytes of a request head (request line and headers).
    pub max_head: usize,
    /// Headers in a request head.
    pub max_headers: usize,
    /// Time to receive a whole request head, from the connection or its first byte.
    pub head_timeout: Duration,
    /// Time a kept-alive connection may wait for its next request.
    pub idle_timeout: Duration,
    /// Time one write may block (a client that does not read).
    pub write_timeout: Duration,
    /// Connections served at once (each has a thread).
    pub max_connections: usize,
    /// Interval of the keep-alive comment on event streams.
    pub ping: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_head: 16 * 1024,
            max_headers: 100,
            head_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(5),
            write_timeout: Duration::from_secs(10),
            max_connections: 64,
            ping: Duration::from_secs(15),
        }
    }
}

impl Limits {
    /// The defaults, with `LANTOA_SERVE_IDLE_MS` applied.
    pub fn from_env() -> Limits {
        let mut limits = Limits::default();
        if let Some(ms) = std::env::var(IDLE_ENV)
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
            .filter(|&ms| ms > 0)
        {
            limits.head_timeout = Duration::from_millis(ms);
            limits.idle_timeout = Duration::from_millis(ms);
        }
        limits
    }
}

/// The names a `Host` header may carry: the loopback names, the bound address when it is not
/// loopback (any IP address when bound to all interfaces: an IP literal cannot be rebound),
/// and the names given with `--allow-host`; with or without the port served.
#[derive(Debug, Clone)]
pub struct Hosts {
    names: Vec<String>,
    port: u16,
    any_ip: bool,
}

impl Hosts {
    pub fn new(bind: IpAddr, port: u16, extra: &[String]) -> Hosts {
        let mut names: Vec<String> = vec!["localhost".into(), "127.0.0.1".into(), "[::1]".into()];
        if !bind.is_loopback() && !bind.is_unspecified() {
            names.push(match bind {
                IpAddr::V4(a) => a.to_string(),
                IpAddr::V6(a) => format!("[{a}]"),
            });
        }
        for name in extra {
            let name = name.trim().to_ascii_lowercase();
            let name = split_host(&name).map_or(name.as_str(), |(n, _)| n);
            if !name.is_empty() {
                names.push(name.to_string());
            }
        }
        Hosts {
            names,
            port,
            any_ip: bind.is_unspecified(),
        }
    }

    /// Whether a `Host` header value names this server.
    pub fn allows(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        let Some((name, port)) = split_host(&host) else {
            return false;
        };
        if port.is_some_and(|p| p != self.port) {
            return false;
        }
        self.names.iter().any(|n| n == name)
            || (self.any_ip
                && (name.parse::<std::net::Ipv4Addr>().is_ok()
                    || name
                        .strip_prefix('[')
                        .and_then(|n| n.strip_suffix(']'))
                        .is_some_and(|n| n.parse::<std::net::Ipv6Addr>().is_ok())))
    }
}

/// `name[:port]` or `[v6][:port]` → (name, port); `None` when malformed.
fn split_host(host: &str) -> Option<(&str, Option<u16>)> {
    let (name, port) = if host.starts_with('[') {
        let end = host.find(']')?;
        let (name, rest) = host.split_at(end + 1);
        match rest {
            "" => (name, None),
            r => (name, Some(r.strip_prefix(':')?)),
        }
    } else {
        match host.split_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        }
    };
    if name.is_empty() || name.contains(['/', '@', ' ', '\\']) {
        return None;
    }
    let port = match port {
        None | Some("") => None,
        Some(p) => Some(p.parse::<u16>().ok()?),
    };
    Some((name, port))
}

/// A request head, read and checked: the method is GET or HEAD and the host is ours.
#[derive(Debug)]
pub struct Request {
    pub method: String,
    /// The request target as sent (`/thcs-a/?v=1`).
    pub target: String,
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    pub version: u8,
    pub headers: Vec<(String, String)>,
}

impl Request {
    /// The first header of that name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn all(&self, name: &str) -> impl Iterator<Item = &str> {
        self.headers
            .iter()
            .filter(move |(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Whether `Connection` names this token.
    fn connection(&self, token: &str) -> bool {
        self.all("connection")
            .flat_map(|v| v.split(','))
            .any(|t| t.trim().eq_ignore_ascii_case(token))
    }
}

/// What a response carries.
pub enum Body {
    Bytes(Vec<u8>),
    /// A Server-Sent Events stream: each message is written as it arrives.
    Events(mpsc::Receiver<String>),
}

pub struct Response {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Body,
}

impl Response {
    pub fn new(status: u16, body: Vec<u8>) -> Response {
        Response {
            status,
            headers: Vec::new(),
            body: Body::Bytes(body),
        }
    }

    pub fn events(rx: mpsc::Receiver<String>) -> Response {
        Response {
            status: 200,
            headers: Vec::new(),
            body: Body::Events(rx),
        }
    }

    /// The short plain-text answer to a refused request.
    pub fn refusal(why: Refusal, lang: Lang) -> Response {
        Response::new(why.status().0, why.text(lang).into_bytes())
            .header("Content-Type", "text/plain; charset=utf-8")
            .header("Cache-Control", "no-store")
    }

    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Response {
        self.headers.push((name, value.into()));
        self
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        304 => "Not Modified",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// Answers a checked request. May panic: the server turns a panic into a 500.
pub type Handler = dyn Fn(&Request) -> Response + Send + Sync;

pub struct Config {
    pub limits: Limits,
    pub hosts: Hosts,
    pub lang: Lang,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Waiting for (the rest of) a request head: may be closed to make room.
    Waiting,
    /// Answering.
    Busy,
    /// Writing an event stream: may be closed to make room when no connection is waiting.
    Streaming,
}

struct Slot {
    state: State,
    since: Instant,
    stream: TcpStream,
    closing: Arc<AtomicBool>,
}

#[derive(Default)]
struct Registry {
    slots: Mutex<HashMap<u64, Slot>>,
    next: AtomicU64,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A connection's place in the registry; freed when the connection's thread ends.
struct Ticket {
    id: u64,
    registry: Arc<Registry>,
    closing: Arc<AtomicBool>,
}

impl Ticket {
    fn set(&self, state: State) {
        if let Some(slot) = lock(&self.registry.slots).get_mut(&self.id) {
            slot.state = state;
            slot.since = Instant::now();
        }
    }

    fn closing(&self) -> bool {
        self.closing.load(Ordering::Relaxed)
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        lock(&self.registry.slots).remove(&self.id);
    }
}

impl Registry {
    /// A slot for a new connection, closing a waiting one (or an event stream) when all are
    /// taken; `None` when every slot is busy answering.
    fn admit(self: &Arc<Self>, stream: &TcpStream, max: usize) -> Option<Ticket> {
        let clone = stream.try_clone().ok()?;
        let mut slots = lock(&self.slots);
        // Closed connections leave within a moment; never more than this many threads.
        if slots.len() > max + max / 4 {
            return None;
        }
        if slots.len() >= max {
            let victim = slots
                .values()
                .filter(|s| s.state != State::Busy && !s.closing.load(Ordering::Relaxed))
                .min_by_key(|s| (s.state != State::Waiting, s.since))?;
            victim.closing.store(true, Ordering::Relaxed);
            let _ = victim.stream.shutdown(Shutdown::Both);
        }
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        let closing = Arc::new(AtomicBool::new(false));
        slots.insert(
            id,
            Slot {
                state: State::Waiting,
                since: Instant::now(),
                stream: clone,
                closing: closing.clone(),
            },
        );
        Some(Ticket {
            id,
            registry: self.clone(),
            closing,
        })
    }
}

/// Accepts connections forever.
pub fn run(listener: TcpListener, config: Config, handler: Arc<Handler>) {
    let config = Arc::new(config);
    let registry = Arc::new(Registry::default());
    for stream in listener.incoming() {
        let stream = match stream {
            Ok(s) => s,
            Err(_) => {
                // Out of file descriptors, or a connection reset before it was accepted.
                std::thread::sleep(Duration::from_millis(20));
                continue;
            }
        };
        let Some(ticket) = registry.admit(&stream, config.limits.max_connections) else {
            busy(stream, config.lang);
            continue;
        };
        let (config, handler) = (config.clone(), handler.clone());
        let spawned = std::thread::Builder::new()
            .name("lantoa-http".into())
            .spawn(move || connection(stream, ticket, &config, &*handler));
        if spawned.is_err() {
            // The closure (stream and ticket) is dropped: the connection is closed.
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// 503 without a thread; the answer is small enough for the socket buffer.
fn busy(mut stream: TcpStream, lang: Lang) {
    let _ = stream.set_write_timeout(Some(Duration::from_millis(200)));
    let response = Response::refusal(Refusal::Busy, lang).header("Retry-After", "1");
    let _ = write_response(&mut stream, response, false, true);
    let _ = stream.shutdown(Shutdown::Both);
}

enum HeadError {
    /// End of stream, timeout or a socket error: close silently.
    Closed,
    TooLarge,
    Malformed,
}

/// Reads one request head into `buf` (which may hold bytes of it already) and removes it from
/// there. The first head of a connection must arrive within `head_timeout`; a later one must
/// start within `idle_timeout`, then finish within `head_timeout`.
fn read_head(
    stream: &mut TcpStream,
    buf: &mut Vec<u8>,
    limits: &Limits,
    kept_alive: bool,
) -> Result<Request, HeadError> {
    let mut deadline = Instant::now()
        + if kept_alive && buf.is_empty() {
            limits.idle_timeout
        } else {
            limits.head_timeout
        };
    let mut started = !kept_alive || !buf.is_empty();
    let mut chunk = [0u8; 4096];
    // Bytes of `buf` known to hold no empty line: a head dribbled byte by byte is parsed once
    // its empty line has come, not after every byte.
    let mut scanned = 0;
    loop {
        if has_empty_line(buf, scanned) {
            match parse(buf, limits.max_headers) {
                Ok(Some((request, used))) => {
                    buf.drain(..used);
                    return Ok(request);
                }
                Ok(None) => {}
                Err(httparse::Error::TooManyHeaders) => return Err(HeadError::TooLarge),
                Err(_) => return Err(HeadError::Malformed),
            }
        }
        if buf.len() >= limits.max_head {
            return Err(HeadError::TooLarge);
        }
        scanned = buf.len();
        let now = Instant::now();
        if now >= deadline || stream.set_read_timeout(Some(deadline - now)).is_err() {
            return Err(HeadError::Closed);
        }
        let room = (limits.max_head - buf.len()).min(chunk.len());
        match stream.read(&mut chunk[..room]) {
            Ok(0) => return Err(HeadError::Closed),
            Ok(n) => {
                buf.extend_from_slice(&chunk[..n]);
                if !started {
                    started = true;
                    deadline = Instant::now() + limits.head_timeout;
                }
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(_) => return Err(HeadError::Closed),
        }
    }
}

/// Whether `buf` may end a head (an empty line) in the bytes after `scanned`.
fn has_empty_line(buf: &[u8], scanned: usize) -> bool {
    let tail = &buf[scanned.saturating_sub(2)..];
    tail.windows(2).any(|w| w == b"\n\n") || tail.windows(3).any(|w| w == b"\n\r\n")
}

/// A complete head and its length, or `None` when more bytes are needed.
fn parse(buf: &[u8], max_headers: usize) -> Result<Option<(Request, usize)>, httparse::Error> {
    let mut headers = vec![httparse::EMPTY_HEADER; max_headers];
    let mut req = httparse::Request::new(&mut headers);
    match req.parse(buf)? {
        httparse::Status::Partial => Ok(None),
        httparse::Status::Complete(used) => Ok(Some((
            Request {
                method: req.method.unwrap_or_default().to_string(),
                target: req.path.unwrap_or_default().to_string(),
                version: req.version.unwrap_or(1),
                headers: req
                    .headers
                    .iter()
                    .map(|h| {
                        (
                            h.name.to_string(),
                            String::from_utf8_lossy(h.value).into_owned(),
                        )
                    })
                    .collect(),
            },
            used,
        ))),
    }
}

/// What follows an answer.
enum Next {
    /// Read the next request.
    KeepAlive,
    /// Close, draining what the client still sends so it reads the answer (no reset).
    Linger,
    /// Close now.
    Close,
}

fn connection(mut stream: TcpStream, ticket: Ticket, config: &Config, handler: &Handler) {
    let limits = &config.limits;
    let _ = stream.set_nodelay(true);
    let _ = stream.set_write_timeout(Some(limits.write_timeout));
    let mut buf = Vec::new();
    let mut kept_alive = false;
    loop {
        ticket.set(State::Waiting);
        let refused = match read_head(&mut stream, &mut buf, limits, kept_alive) {
            Ok(request) => {
                if ticket.closing() {
                    return;
                }
                ticket.set(State::Busy);
                match answer(&mut stream, request, config, handler, &ticket) {
                    Next::KeepAlive => {
                        kept_alive = true;
                        continue;
                    }
                    Next::Linger => break,
                    Next::Close => return,
                }
            }
            Err(HeadError::Closed) => return,
            Err(HeadError::TooLarge) => Refusal::HeadTooLarge,
            Err(HeadError::Malformed) => Refusal::BadRequest,
        };
        if ticket.closing() {
            return;
        }
        ticket.set(State::Busy);
        let response = Response::refusal(refused, config.lang);
        if write_response(&mut stream, response, false, true).is_err() {
            return;
        }
        break;
    }
    linger(&mut stream);
}

/// Checks and answers one request; writes the answer.
fn answer(
    stream: &mut TcpStream,
    request: Request,
    config: &Config,
    handler: &Handler,
    ticket: &Ticket,
) -> Next {
    let lang = config.lang;
    // A body is never read: after the answer the connection is closed instead.
    let has_body = request.all("content-length").any(|v| v.trim() != "0")
        || request.header("transfer-encoding").is_some();
    let mut close = has_body
        || request.version == 0
        || request.connection("close")
        || request.connection("upgrade");
    let head_only = request.method == "HEAD";
    let hosts: Vec<&str> = request.all("host").collect();
    let host_ok = match hosts.as_slice() {
        [] => request.version == 0,
        [host] => config.hosts.allows(host),
        _ => false,
    };
    let response = if request.method != "GET" && !head_only {
        close = true;
        Response::refusal(Refusal::Method, lang).header("Allow", "GET, HEAD")
    } else if !host_ok {
        close = true;
        Response::refusal(Refusal::WrongHost, lang)
    } else {
        match catch_unwind(AssertUnwindSafe(|| handler(&request))) {
            Ok(response) => response,
            Err(panic) => {
                let crashed = crate::messages::ServeLine::Crashed {
                    target: request.target.clone(),
                    detail: panic_text(&*panic),
                };
                eprintln!("{}", crate::messages::serve_line(lang, &crashed));
                Response::refusal(Refusal::Crashed, lang)
            }
        }
    };
    if let Body::Events(rx) = response.body {
        ticket.set(State::Streaming);
        let head = Response {
            body: Body::Bytes(Vec::new()),
            ..response
        };
        if write_head(stream, &head, None, true).is_err() || head_only {
            return Next::Close;
        }
        stream_events(stream, rx, &config.limits, ticket);
        return Next::Close;
    }
    match write_response(stream, response, head_only, close) {
        Err(_) => Next::Close,
        Ok(()) if close => Next::Linger,
        Ok(()) => Next::KeepAlive,
    }
}

/// The text of a caught panic.
pub fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".into())
}

/// Writes messages as they arrive and a comment every `ping`, until the client goes away or
/// the slot is taken back.
fn stream_events(stream: &mut TcpStream, rx: mpsc::Receiver<String>, limits: &Limits, t: &Ticket) {
    let mut last = Instant::now();
    loop {
        if t.closing() {
            return;
        }
        let message = match rx.recv_timeout(Duration::from_secs(1).min(limits.ping)) {
            Ok(m) => m,
            Err(mpsc::RecvTimeoutError::Timeout) if last.elapsed() >= limits.ping => {
                ": ping\n\n".to_string()
            }
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        };
        if stream
            .write_all(message.as_bytes())
            .and_then(|_| stream.flush())
            .is_err()
        {
            return;
        }
        last = Instant::now();
    }
}

fn write_head(
    stream: &mut TcpStream,
    response: &Response,
    length: Option<usize>,
    close: bool,
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\n",
        response.status,
        reason(response.status)
    );
    for (name, value) in &response.headers {
        // A value with a line break would start a header of its own: never written.
        if !value.chars().any(|c| c.is_control()) {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
    }
    if let Some(n) = length {
        head.push_str(&format!("Content-Length: {n}\r\n"));
    }
    if close {
        head.push_str("Connection: close\r\n");
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())
}

fn write_response(
    stream: &mut TcpStream,
    response: Response,
    head_only: bool,
    close: bool,
) -> std::io::Result<()> {
    let body = match &response.body {
        Body::Bytes(b) => b.as_slice(),
        Body::Events(_) => &[],
    };
    let length = (response.status != 304).then_some(body.len());
    write_head(stream, &response, length, close)?;
    if !head_only && response.status != 304 && !body.is_empty() {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// Closes after an answer while the client may still be sending (a body, an oversized head):
/// stops writing, then reads and discards for a moment so the answer is not lost to a reset.
fn linger(stream: &mut TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let end = Instant::now() + Duration::from_secs(2);
    let mut chunk = [0u8; 8192];
    let mut drained = 0usize;
    while drained < 1 << 20 {
        let now = Instant::now();
        if now >= end || stream.set_read_timeout(Some(end - now)).is_err() {
            break;
        }
        match stream.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => drained += n,
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::{Ipv4Addr, SocketAddr};

    #[test]
    fn empty_lines() {
        assert!(has_empty_line(b"GET / HTTP/1.1\r\n\r\n", 0));
        assert!(has_empty_line(b"GET / HTTP/1.1\r\n\r\n", 17));
        assert!(has_empty_line(b"GET / HTTP/1.1\n\n", 15));
        assert!(!has_empty_line(b"GET / HTTP/1.1\r\nHost: x\r\n", 0));
        assert!(!has_empty_line(b"", 0));
    }

    #[test]
    fn hosts() {
        let local = Hosts::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 1111, &[]);
        for ok in [
            "localhost",
            "LocalHost:1111",
            "127.0.0.1",
            "127.0.0.1:1111",
            "[::1]",
            "[::1]:1111",
            " localhost: ",
        ] {
            assert!(local.allows(ok), "{ok}");
        }
        for bad in [
            "evil.example",
            "evil.example:1111",
            "localhost:2222",
            "localhost.evil.example",
            "192.168.1.5",
            "::1",
            "127.0.0.1:x",
            "",
            "user@localhost",
        ] {
            assert!(!local.allows(bad), "{bad}");
        }
        let lan = Hosts::new(
            "192.168.1.5".parse().unwrap(),
            1111,
            &["Lop9A.local".into()],
        );
        assert!(lan.allows("192.168.1.5:1111") && lan.allows("lop9a.local"));
        assert!(lan.allows("localhost") && !lan.allows("192.168.1.6"));
        let all = Hosts::new("0.0.0.0".parse().unwrap(), 1111, &[]);
        assert!(all.allows("10.0.0.7:1111") && all.allows("[fe80::1]"));
        assert!(!all.allows("evil.example"));
    }

    fn start(handler: Arc<Handler>, limits: Limits) -> SocketAddr {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let config = Config {
            limits,
            hosts: Hosts::new(addr.ip(), addr.port(), &[]),
            lang: Lang::En,
        };
        std::thread::spawn(move || run(listener, config, handler));
        addr
    }

    fn exchange(stream: &mut TcpStream, request: &str) -> String {
        stream.write_all(request.as_bytes()).unwrap();
        let mut out = Vec::new();
        let mut chunk = [0u8; 4096];
        // Reads one answer (ours always carry Content-Length).
        loop {
            let n = stream.read(&mut chunk).unwrap();
            out.extend_from_slice(&chunk[..n]);
            let text = String::from_utf8_lossy(&out).to_string();
            if let Some((head, body)) = text.split_once("\r\n\r\n") {
                let len: usize = head
                    .lines()
                    .find_map(|l| l.strip_prefix("Content-Length: "))
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                if body.len() >= len {
                    return text;
                }
            }
            if n == 0 {
                return text;
            }
        }
    }

    #[test]
    fn a_panic_gives_500_and_the_connection_goes_on() {
        let handler: Arc<Handler> = Arc::new(|r: &Request| {
            if r.target == "/panic" {
                panic!("deliberate test panic");
            }
            Response::new(200, b"ok".to_vec())
        });
        let addr = start(handler, Limits::default());
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let host = format!("Host: localhost:{}\r\n", addr.port());
        let first = exchange(&mut s, &format!("GET /panic HTTP/1.1\r\n{host}\r\n"));
        assert!(first.starts_with("HTTP/1.1 500 "), "{first}");
        let second = exchange(&mut s, &format!("GET / HTTP/1.1\r\n{host}\r\n"));
        assert!(second.starts_with("HTTP/1.1 200 ") && second.ends_with("ok"));
    }

    #[test]
    fn methods_bodies_and_malformed_heads() {
        let handler: Arc<Handler> = Arc::new(|_: &Request| Response::new(200, b"ok".to_vec()));
        let addr = start(handler, Limits::default());
        let host = format!("Host: 127.0.0.1:{}\r\n", addr.port());
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let post = exchange(&mut s, &format!("POST / HTTP/1.1\r\n{host}\r\n"));
        assert!(post.starts_with("HTTP/1.1 405 ") && post.contains("Allow: GET, HEAD"));
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let with_body = exchange(
            &mut s,
            &format!("GET / HTTP/1.1\r\n{host}Content-Length: 5\r\n\r\nhello"),
        );
        assert!(with_body.starts_with("HTTP/1.1 200 ") && with_body.contains("Connection: close"));
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let bad = exchange(&mut s, "GET / HTTP/1.1\r\nBad Header\r\n\r\n");
        assert!(bad.starts_with("HTTP/1.1 400 "), "{bad}");
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let many: String = (0..150).map(|i| format!("X-{i}: y\r\n")).collect();
        let too_many = exchange(&mut s, &format!("GET / HTTP/1.1\r\n{host}{many}\r\n"));
        assert!(too_many.starts_with("HTTP/1.1 431 "), "{too_many}");
    }
}
