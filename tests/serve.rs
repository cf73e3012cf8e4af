//! `lantoa serve` through real HTTP on a free loopback port: pages and banners, content types,
//! redirects, 404, HEAD, ETags, path escapes; live reload after an edit (seen over HTTP and the
//! event stream), the error overlay and its recovery, debouncing, CSS swaps, a taken port;
//! and hostile input on raw sockets: oversized heads (431), silent and dribbling connections
//! (closed at the deadline), foreign `Host` headers (421), a flood of idle connections,
//! keep-alive, an event stream that outlives the idle timeout.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::TestProject;

/// A running server; stopped when dropped.
struct Server {
    child: Child,
    port: u16,
    log: Arc<Mutex<String>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(p: &TestProject, extra: &[&str]) -> Server {
        Server::start_env(p, extra, &[])
    }

    fn start_env(p: &TestProject, extra: &[&str], env: &[(&str, &str)]) -> Server {
        let mut args = vec![
            "--root".to_string(),
            p.path().display().to_string(),
            "serve".into(),
            "--now".into(),
            common::NOW.into(),
        ];
        if !extra.contains(&"--port") {
            args.extend(["--port".to_string(), "0".to_string()]);
        }
        args.extend(extra.iter().map(|s| s.to_string()));
        let mut child = Command::new(env!("CARGO_BIN_EXE_lantoa"))
            .args(&args)
            .env_remove("LANTOA_LANG")
            .env_remove("LANTOA_SERVE_IDLE_MS")
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start lantoa serve");
        let log = Arc::new(Mutex::new(String::new()));
        for stream in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let log = log.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    log.lock().unwrap().push_str(&(line + "\n"));
                }
            });
        }
        // Owned by `Server` from here on, so the process is stopped even if starting fails.
        let mut server = Server {
            child,
            port: 0,
            log,
        };
        let started = Instant::now();
        loop {
            let text = server.log();
            if let Some(i) = text.find("http://127.0.0.1:") {
                let port: String = text[i + "http://127.0.0.1:".len()..]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                server.port = port.parse().unwrap();
                return server;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "server did not start:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    fn get(&self, path: &str) -> Response {
        request(self.port, "GET", path, &[])
    }

    /// Polls `path` until `pred` holds (the rebuild is asynchronous).
    fn wait_for(&self, path: &str, what: &str, pred: impl Fn(&Response) -> bool) -> Response {
        let started = Instant::now();
        loop {
            let r = self.get(path);
            if pred(&r) {
                return r;
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "timed out waiting for {what} on {path}; log:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

#[derive(Debug)]
struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A minimal HTTP/1.1 client (the raw target is sent as is, so escapes reach the server).
fn request(port: u16, method: &str, target: &str, headers: &[(&str, &str)]) -> Response {
    let mut req = format!("{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    raw_request(port, &req)
}

/// Sends `text` as is and reads the answer until the server closes the connection.
fn raw_request(port: u16, text: &str) -> Response {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    // The server may stop reading (and close) before everything is sent: not an error here.
    let _ = s.write_all(text.as_bytes());
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    parse_response(&raw)
}

fn parse_response(raw: &[u8]) -> Response {
    let text = String::from_utf8_lossy(raw).to_string();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .unwrap_or("")
        .split(' ')
        .nth(1)
        .unwrap_or("0")
        .parse()
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    Response {
        status,
        headers,
        body: body.to_string(),
    }
}

fn project() -> TestProject {
    let p = TestProject::new();
    p.post(
        "content/sites/thcs-a/articles/2026-11-01-bai.md",
        "Bài đầu tiên",
        "",
        "Nội dung.\n",
    );
    p.write(
        "content/sites/thcs-a/articles/2026-11-02-nhap.md",
        "---\ntitle: Bản nháp\nstatus: draft\n---\nx\n",
    );
    p.post(
        "content/sites/thcs-a/articles/2026-12-24-hen.md",
        "Hẹn giờ",
        "",
        "x\n",
    );
    p
}

#[test]
fn pages_types_redirects_404_head_etag_and_escapes() {
    let p = project();
    let server = Server::start(&p, &[]);
    let index = server.get("/");
    assert_eq!(index.status, 200);
    assert!(index.body.contains("thcs-a/"), "network index at /");
    let page = server.get("/thcs-a/bai-viet/bai/");
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert!(
        page.body.contains("Bài đầu tiên") && page.body.contains("/__lantoa/events"),
        "page with the reload script"
    );
    let draft = server.get("/thcs-a/bai-viet/nhap/");
    assert!(
        draft.body.contains("Bản nháp — chưa xuất bản"),
        "drafts are shown with a banner"
    );
    assert!(
        server
            .get("/thcs-a/bai-viet/hen/")
            .body
            .contains("Hẹn đăng ngày 24/12/2026")
    );
    assert!(
        server.get("/_editorial/").body.contains("Trường THCS A"),
        "editorial calendar"
    );
    for (path, ctype) in [
        ("/thcs-a/style.css", "text/css; charset=utf-8"),
        ("/thcs-a/feed.xml", "application/xml; charset=utf-8"),
        ("/thcs-a/calendar.ics", "text/calendar; charset=utf-8"),
        ("/_editorial/report.json", "application/json; charset=utf-8"),
    ] {
        assert_eq!(
            server.get(path).header("Content-Type"),
            Some(ctype),
            "{path}"
        );
    }
    let redirect = server.get("/thcs-a/bai-viet/bai");
    assert_eq!(redirect.status, 301);
    assert_eq!(redirect.header("Location"), Some("/thcs-a/bai-viet/bai/"));
    let missing = server.get("/thcs-a/khong-co/");
    assert_eq!(missing.status, 404);
    assert!(
        missing.body.contains("thcs-a") || missing.body.contains("Không tìm thấy"),
        "the site's 404 page"
    );
    assert_eq!(
        server.get("/thcs-a/media/").status,
        404,
        "no directory listing"
    );
    let head = request(server.port, "HEAD", "/thcs-a/", &[]);
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty(), "HEAD has no body");
    let tag = page.header("ETag").expect("ETag").to_string();
    assert_eq!(
        request(
            server.port,
            "GET",
            "/thcs-a/bai-viet/bai/",
            &[("If-None-Match", &tag)]
        )
        .status,
        304
    );
    for bad in [
        "/../Cargo.toml",
        "/thcs-a/%2e%2e/%2e%2e/content/network.yaml",
        "/thcs-a/..%2f..%2fcontent%2fnetwork.yaml",
        "/thcs-a\\..\\..\\content\\network.yaml",
        "/%2fetc%2fpasswd",
        "//etc/passwd",
    ] {
        let r = request(server.port, "GET", bad, &[]);
        assert!(r.status == 400 || r.status == 404, "{bad} → {}", r.status);
        assert!(!r.body.contains("name:"), "{bad} leaked a file");
    }
}

/// Reads Server-Sent Events until one named `name` arrives.
fn wait_event(port: u16, name: &str, trigger: impl FnOnce()) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    s.write_all(b"GET /__lantoa/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .unwrap();
    let mut reader = BufReader::new(s);
    let mut line = String::new();
    // Wait for the stream to open before triggering.
    while reader.read_line(&mut line).unwrap() > 0 && !line.starts_with("retry:") {
        line.clear();
    }
    trigger();
    let mut seen = String::new();
    loop {
        line.clear();
        let n = reader
            .read_line(&mut line)
            .expect("event stream stays open");
        assert!(n > 0, "stream closed; saw: {seen}");
        seen.push_str(&line);
        if line.trim() == format!("event: {name}") {
            let mut data = String::new();
            reader.read_line(&mut data).unwrap();
            return data;
        }
    }
}

#[test]
fn an_edit_reloads_the_browser_and_shows_the_new_page() {
    let p = project();
    let server = Server::start(&p, &[]);
    let data = wait_event(server.port, "reload", || {
        p.post(
            "content/sites/thcs-a/articles/2026-11-01-bai.md",
            "Tiêu đề mới",
            "",
            "Nội dung.\n",
        );
    });
    assert!(data.starts_with("data:"));
    server.wait_for("/thcs-a/bai-viet/bai/", "the new title", |r| {
        r.body.contains("Tiêu đề mới")
    });
    assert!(server.log().contains("rebuilt in"), "{}", server.log());
    assert!(
        !p.path().join("public").exists(),
        "serve writes nothing to public/"
    );
}

#[test]
fn a_broken_save_shows_the_overlay_and_the_next_good_save_clears_it() {
    let p = project();
    let mut server = Server::start(&p, &[]);
    let file = "content/sites/thcs-a/articles/2026-11-01-bai.md";
    p.write(
        file,
        "---\ntitle: Bài\ntittle: lỗi\nstatus: approved\napproved_by: X\n---\nx\n",
    );
    let broken = server.wait_for("/thcs-a/bai-viet/bai/", "the overlay", |r| {
        r.body.contains("lantoa-error")
    });
    assert!(
        broken.body.contains("2026-11-01-bai.md:3") && broken.body.contains("title"),
        "file, line and the fix in the overlay"
    );
    assert!(
        server.get("/thcs-a/").body.contains("lantoa-error"),
        "every page shows it"
    );
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(
        server.log().matches("unknown field").count(),
        1,
        "the terminal prints it once:\n{}",
        server.log()
    );
    p.post(file, "Đã sửa", "", "x\n");
    let fixed = server.wait_for("/thcs-a/bai-viet/bai/", "the fixed page", |r| {
        r.body.contains("Đã sửa")
    });
    assert!(!fixed.body.contains("lantoa-error"));
    assert!(
        server.child.try_wait().unwrap().is_none(),
        "the server is still running"
    );
}

#[test]
fn a_burst_of_saves_causes_a_bounded_number_of_rebuilds_and_swap_files_none() {
    let p = project();
    let server = Server::start(&p, &[]);
    for i in 0..50 {
        p.post(
            "content/sites/thcs-a/articles/2026-11-01-bai.md",
            &format!("Lần {i}"),
            "",
            "x\n",
        );
    }
    server.wait_for("/thcs-a/bai-viet/bai/", "the last save", |r| {
        r.body.contains("Lần 49")
    });
    std::thread::sleep(Duration::from_millis(600));
    let rebuilds = server.log().matches("rebuilt in").count();
    assert!(
        (1..=5).contains(&rebuilds),
        "{rebuilds} rebuilds for 50 saves:\n{}",
        server.log()
    );
    p.write(
        "content/sites/thcs-a/articles/.2026-11-01-bai.md.swp",
        "junk",
    );
    p.write("content/sites/thcs-a/articles/2026-11-01-bai.md~", "junk");
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(
        server.log().matches("rebuilt in").count(),
        rebuilds,
        "editor temp files are ignored"
    );
}

#[test]
fn a_css_change_swaps_the_stylesheet_without_a_rebuild() {
    let p = project();
    let server = Server::start(&p, &[]);
    let css = p.path().join("themes/default/static/style.css");
    let data = wait_event(server.port, "css", || {
        let mut text = std::fs::read_to_string(&css).unwrap();
        text.push_str("\n.lantoa-test { color: red; }\n");
        std::fs::write(&css, text).unwrap();
    });
    assert!(data.starts_with("data:"));
    assert!(
        server
            .get("/thcs-a/style.css")
            .body
            .contains(".lantoa-test")
    );
    assert!(!server.log().contains("rebuilt in"));
}

#[test]
fn a_taken_port_moves_to_the_next_one() {
    let p = project();
    let blocker = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = blocker.local_addr().unwrap().port();
    let server = Server::start(&p, &["--port", &port.to_string()]);
    assert_ne!(server.port, port);
    assert!(
        server.log().contains(&format!("port {port}")),
        "{}",
        server.log()
    );
    assert_eq!(server.get("/").status, 200);
}

#[test]
fn lists_tags_and_search_follow_an_edit_too() {
    let p = project();
    p.post(
        "content/sites/thcs-a/articles/2026-11-03-the.md",
        "Có thẻ",
        "tags: [tin tốt]\n",
        "x\n",
    );
    let server = Server::start(&p, &[]);
    assert!(
        server.get("/thcs-a/bai-viet/").body.contains("Có thẻ"),
        "a list page"
    );
    assert!(
        server.get("/thcs-a/the/tin-tot/").body.contains("Có thẻ"),
        "a tag page"
    );
    assert_eq!(server.get("/thcs-a/tim-kiem/index.js").status, 200);
    p.post(
        "content/sites/thcs-a/articles/2026-11-03-the.md",
        "Thẻ đã đổi tên",
        "tags: [tin tốt]\n",
        "x\n",
    );
    server.wait_for(
        "/thcs-a/the/tin-tot/",
        "the renamed post on its tag page",
        |r| r.body.contains("Thẻ đã đổi tên"),
    );
    assert!(
        server
            .get("/thcs-a/bai-viet/")
            .body
            .contains("Thẻ đã đổi tên"),
        "the list was rendered again"
    );
    assert!(
        (0..3).any(|i| server
            .get(&format!("/thcs-a/tim-kiem/d/{i}.js"))
            .body
            .contains("Thẻ đã đổi tên")),
        "the search index too"
    );
    assert!(
        !server.get("/thcs-a/").body.contains("Có thẻ"),
        "and the home page"
    );
}

/// Reads one answer from a kept-alive connection (by its `Content-Length`; none after HEAD).
fn read_one(s: &mut TcpStream, head_only: bool) -> Response {
    let mut raw = Vec::new();
    let mut byte = [0u8; 1];
    while !raw.ends_with(b"\r\n\r\n") {
        match s.read(&mut byte) {
            Ok(1) => raw.push(byte[0]),
            _ => return parse_response(&raw),
        }
    }
    let mut r = parse_response(&raw);
    let len: usize = r
        .header("Content-Length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    if !head_only {
        let mut body = vec![0u8; len];
        s.read_exact(&mut body).expect("the whole body");
        r.body = String::from_utf8_lossy(&body).to_string();
    }
    r
}

/// Whether the server closed `s`: EOF or a reset, not a read timeout.
fn closed_by_server(s: &mut TcpStream) -> bool {
    let mut buf = [0u8; 64];
    match s.read(&mut buf) {
        Ok(0) => true,
        Ok(_) => false,
        Err(e) => !matches!(
            e.kind(),
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
        ),
    }
}

#[test]
fn an_oversized_head_gets_431_and_the_server_answers_the_next_request() {
    let p = project();
    let server = Server::start(&p, &[]);
    let big = format!(
        "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: {}\r\n\r\n",
        "a".repeat(64 * 1024)
    );
    let r = raw_request(server.port, &big);
    assert_eq!(r.status, 431, "{r:?}");
    assert!(!r.body.contains("thcs-a/"), "no page for an oversized head");
    let many: String = (0..200).map(|i| format!("X-{i}: y\r\n")).collect();
    let r = raw_request(
        server.port,
        &format!("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n{many}\r\n"),
    );
    assert_eq!(r.status, 431, "200 headers: {r:?}");
    assert_eq!(server.get("/").status, 200, "the server goes on");
}

#[test]
fn silent_dribbling_and_idle_connections_are_closed_at_the_deadline() {
    let p = project();
    let server = Server::start_env(&p, &[], &[("LANTOA_SERVE_IDLE_MS", "500")]);
    // Sends nothing.
    let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let started = Instant::now();
    assert!(closed_by_server(&mut s), "a silent connection is closed");
    let waited = started.elapsed();
    // Closed by the deadline (the read above waits 5 s), not at once.
    assert!(
        waited >= Duration::from_millis(300),
        "closed after {waited:?}"
    );
    // Sends its head one byte at a time, each well within the timeout (slowloris).
    let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    s.set_read_timeout(Some(Duration::from_millis(100)))
        .unwrap();
    let started = Instant::now();
    let head = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    let mut cut = false;
    for b in head.iter().cycle() {
        if s.write_all(&[*b]).is_err() || closed_by_server(&mut s) {
            cut = true;
            break;
        }
        if started.elapsed() > Duration::from_secs(5) {
            break;
        }
    }
    assert!(cut, "a dribbled head is cut at the deadline");
    // Kept alive after an answer, then idle.
    let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    s.write_all(b"GET /thcs-a/style.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .unwrap();
    assert_eq!(read_one(&mut s, false).status, 200);
    assert!(
        closed_by_server(&mut s),
        "an idle kept-alive connection is closed"
    );
}

#[test]
fn only_the_served_host_names_are_answered() {
    let p = project();
    let server = Server::start(&p, &["--allow-host", "Lop9A.local"]);
    let port = server.port;
    let get = |host: &str| {
        raw_request(
            port,
            &format!(
                "GET /thcs-a/bai-viet/bai/ HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
            ),
        )
    };
    for host in [
        "evil.example",
        &format!("evil.example:{port}"),
        "localhost.evil.example",
        "localhost:1",
        "192.168.1.9",
    ] {
        let r = get(host);
        assert_eq!(r.status, 421, "{host}");
        assert!(
            !r.body.contains("Bài đầu tiên") && !r.body.contains("<html"),
            "{host}: no page body"
        );
    }
    let no_host = raw_request(
        port,
        "GET /thcs-a/bai-viet/bai/ HTTP/1.1\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(no_host.status, 421, "HTTP/1.1 without Host");
    let events = raw_request(
        port,
        "GET /__lantoa/events HTTP/1.1\r\nHost: evil.example\r\n\r\n",
    );
    assert_eq!(events.status, 421, "the event stream too");
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("LOCALHOST:{port}"),
        "localhost".to_string(),
        format!("[::1]:{port}"),
        format!("lop9a.local:{port}"),
    ] {
        let r = get(&host);
        assert_eq!(r.status, 200, "{host}");
        assert!(r.body.contains("Bài đầu tiên"), "{host}");
    }
    let post = raw_request(
        port,
        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n\r\nabc",
    );
    assert_eq!(post.status, 405);
    assert_eq!(post.header("Allow"), Some("GET, HEAD"));
    let with_body = raw_request(
        port,
        "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n\r\nabc",
    );
    assert_eq!(with_body.status, 200);
    assert_eq!(with_body.header("Connection"), Some("close"));
}

#[test]
fn keep_alive_answers_several_requests_on_one_connection() {
    let p = project();
    let server = Server::start(&p, &[]);
    let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    for (method, path, status) in [
        ("GET", "/thcs-a/bai-viet/bai/", 200),
        ("HEAD", "/thcs-a/style.css", 200),
        ("GET", "/thcs-a/bai-viet/bai", 301),
        ("GET", "/thcs-a/khong-co/", 404),
        ("GET", "/thcs-a/style.css", 200),
    ] {
        s.write_all(format!("{method} {path} HTTP/1.1\r\nHost: localhost\r\n\r\n").as_bytes())
            .unwrap();
        let r = read_one(&mut s, method == "HEAD");
        assert_eq!(r.status, status, "{method} {path}");
        assert_ne!(r.header("Connection"), Some("close"), "{method} {path}");
    }
}

#[test]
fn a_flood_of_idle_connections_does_not_stop_a_request() {
    let p = project();
    let server = Server::start(&p, &[]);
    let idle: Vec<TcpStream> = (0..150)
        .filter_map(|_| TcpStream::connect(("127.0.0.1", server.port)).ok())
        .collect();
    assert!(idle.len() >= 140);
    std::thread::sleep(Duration::from_millis(500));
    #[cfg(target_os = "linux")]
    {
        let status =
            std::fs::read_to_string(format!("/proc/{}/status", server.child.id())).unwrap();
        let threads: usize = status
            .lines()
            .find_map(|l| l.strip_prefix("Threads:"))
            .and_then(|v| v.trim().parse().ok())
            .unwrap();
        assert!(
            threads < 64 + 40,
            "{threads} threads for {} idle connections",
            idle.len()
        );
    }
    let r = server.get("/thcs-a/bai-viet/bai/");
    assert_eq!(r.status, 200, "{r:?}");
    drop(idle);
}

#[test]
fn the_event_stream_outlives_the_idle_timeout() {
    let p = project();
    let server = Server::start_env(&p, &[], &[("LANTOA_SERVE_IDLE_MS", "300")]);
    let data = wait_event(server.port, "reload", || {
        std::thread::sleep(Duration::from_millis(1500));
        p.post(
            "content/sites/thcs-a/articles/2026-11-01-bai.md",
            "Sau khi chờ",
            "",
            "x\n",
        );
    });
    assert!(data.starts_with("data:"));
}

#[test]
fn saving_an_image_bomb_while_serving_never_ends_the_server() {
    // A 47 KB-class JPEG claiming 65,500 × 65,500 px used to make the decoder allocate 12 GB
    // and abort the process.
    let p = project();
    let mut server = Server::start(&p, &[]);
    let bundle = "content/sites/thcs-a/articles/2026-11-01-bom";
    p.write_bytes(
        &format!("{bundle}/bom.jpg"),
        &common::bomb("jpeg", (65_500, 65_500)),
    );
    p.write(
        &format!("{bundle}/index.md"),
        "---\ntitle: Bom\nstatus: approved\napproved_by: X\n---\n![Ảnh](bom.jpg)\n",
    );
    let broken = server.wait_for("/thcs-a/", "the overlay", |r| {
        r.body.contains("lantoa-error")
    });
    assert!(
        broken.body.contains("65500") && broken.body.contains("bom.jpg"),
        "the overlay names the image and its claimed size:\n{}",
        broken.body
    );
    assert!(
        server.child.try_wait().unwrap().is_none(),
        "the server is still running"
    );
    assert_eq!(server.get("/thcs-a/").status, 200);
}

/// A second school with a post, for the isolation tests.
fn two_schools() -> TestProject {
    let p = project();
    p.post(
        "content/sites/th-b/articles/2026-11-01-tin-b.md",
        "Tin của trường B",
        "",
        "Nội dung của B.\n",
    );
    p
}

const BROKEN_A: &str = "content/sites/thcs-a/articles/2026-11-03-loi.md";

fn break_a(p: &TestProject) {
    p.write(
        BROKEN_A,
        "---\ntitle: Lỗi\ntittle: gõ nhầm\nstatus: approved\napproved_by: X\n---\nx\n",
    );
}

#[test]
fn serve_started_with_one_broken_file_serves_every_other_site() {
    let p = two_schools();
    break_a(&p);
    let mut server = Server::start(&p, &[]);
    let b = server.wait_for("/th-b/bai-viet/tin-b/", "the other school's page", |r| {
        r.status == 200
    });
    assert!(b.body.contains("Tin của trường B"));
    assert!(
        !b.body.contains("lantoa-error"),
        "no overlay on a sound site"
    );
    let a = server.get("/thcs-a/");
    assert!(
        a.body.contains("lantoa-error") && a.body.contains("2026-11-03-loi.md:3"),
        "the broken school shows its problems:\n{}",
        a.body
    );
    let index = server.get("/");
    assert_eq!(index.status, 200);
    assert!(
        index.body.contains("lantoa-problems") && index.body.contains("thcs-a"),
        "the network index names the site with problems"
    );
    p.post(BROKEN_A, "Đã sửa lỗi", "", "x\n");
    let fixed = server.wait_for("/thcs-a/bai-viet/loi/", "the fixed page", |r| {
        r.status == 200 && r.body.contains("Đã sửa lỗi")
    });
    assert!(!fixed.body.contains("lantoa-error"));
    assert!(!server.get("/").body.contains("lantoa-problems"));
    assert!(server.child.try_wait().unwrap().is_none());
}

#[test]
fn a_save_that_breaks_one_school_never_blanks_another_and_keeps_its_last_good_pages() {
    let p = two_schools();
    let server = Server::start(&p, &[]);
    server.wait_for("/thcs-a/bai-viet/bai/", "the first build", |r| {
        r.status == 200
    });
    break_a(&p);
    let a = server.wait_for("/thcs-a/bai-viet/bai/", "the overlay", |r| {
        r.body.contains("lantoa-error")
    });
    assert_eq!(a.status, 200, "the last good page, under the overlay");
    assert!(
        a.body.contains("Bài đầu tiên"),
        "the last good version is shown"
    );
    let b = server.get("/th-b/bai-viet/tin-b/");
    assert_eq!(b.status, 200);
    assert!(b.body.contains("Tin của trường B"));
    assert!(
        !b.body.contains("lantoa-error"),
        "another school is never blanked"
    );
}

#[test]
fn a_burst_alternating_broken_and_fixed_saves_ends_in_the_right_state() {
    let p = two_schools();
    let server = Server::start(&p, &[]);
    server.wait_for("/thcs-a/", "the first build", |r| r.status == 200);
    for i in 0..6 {
        if i % 2 == 0 {
            break_a(&p);
        } else {
            p.post(BROKEN_A, &format!("Bản sửa {i}"), "", "x\n");
        }
        std::thread::sleep(Duration::from_millis(30));
    }
    // The last save fixed it.
    let ok = server.wait_for("/thcs-a/bai-viet/loi/", "the last save", |r| {
        r.status == 200 && r.body.contains("Bản sửa 5") && !r.body.contains("lantoa-error")
    });
    assert!(ok.body.contains("Bản sửa 5"));
    break_a(&p);
    server.wait_for("/thcs-a/", "broken again", |r| {
        r.body.contains("lantoa-error")
    });
    assert!(!server.get("/th-b/").body.contains("lantoa-error"));
}

#[test]
fn each_list_page_the_tag_index_and_the_feed_are_served_alone_and_follow_an_edit() {
    let p = project();
    p.post(
        "content/sites/thcs-a/articles/2026-11-03-the.md",
        "Có thẻ",
        "tags: [tin tốt]\n",
        "x\n",
    );
    let server = Server::start(&p, &[]);
    // Four articles (drafts and scheduled ones are shown in serve), two to a page.
    let first = server.get("/thcs-a/bai-viet/");
    let second = server.get("/thcs-a/bai-viet/trang/2/");
    assert_eq!((first.status, second.status), (200, 200));
    for title in ["Bài đầu tiên", "Bản nháp", "Hẹn giờ", "Có thẻ"] {
        assert!(
            first.body.contains(title) ^ second.body.contains(title),
            "{title} is on exactly one of the two list pages"
        );
    }
    assert!(second.body.contains("aria-current=\"page\""), "its pager");
    assert_eq!(server.get("/thcs-a/bai-viet/trang/3/").status, 404);
    assert_eq!(server.get("/thcs-a/bai-viet/trang/1/").status, 404);
    assert!(server.get("/thcs-a/the/").body.contains("tin tốt"));
    assert!(server.get("/thcs-a/feed.xml").body.contains("Có thẻ"));
    p.post(
        "content/sites/thcs-a/articles/2026-11-03-the.md",
        "Thẻ đã đổi tên",
        "tags: [tin tốt]\n",
        "x\n",
    );
    server.wait_for("/thcs-a/feed.xml", "the renamed post in the feed", |r| {
        r.body.contains("Thẻ đã đổi tên")
    });
    let both = server.get("/thcs-a/bai-viet/").body + &server.get("/thcs-a/bai-viet/trang/2/").body;
    assert!(both.contains("Thẻ đã đổi tên") && !both.contains("Có thẻ"));
}

/// The problems the overlay of a page shows (its text).
fn overlay(body: &str) -> String {
    let start = body.find("<div id=\"lantoa-error\"").expect("an overlay");
    let rest = &body[start..];
    rest[..rest.find("</div>").unwrap()].to_string()
}

#[test]
fn a_save_that_breaks_or_mends_a_link_on_another_page_updates_the_problems_like_a_full_rebuild() {
    let p = project();
    let linker = "content/sites/thcs-a/articles/2026-11-01-bai.md";
    let target = "content/sites/thcs-a/articles/2026-11-03-dich.md";
    let link = "Xem [mục](@/sites/thcs-a/articles/2026-11-03-dich.md#em-can-lam-gi).\n";
    let with_heading = "## Em cần làm gì\n\nx\n";
    p.post(linker, "Bài đầu tiên", "", link);
    p.post(target, "Bài đích", "", with_heading);
    let server = Server::start(&p, &[]);
    let page = "/thcs-a/bai-viet/bai/";
    assert!(!server.get(page).body.contains("lantoa-error"));
    // The target loses its heading: the link of the other page is broken, and the overlay
    // says so as a full rebuild (a server started now) does.
    p.post(target, "Bài đích", "", "x\n");
    let broken = server.wait_for(page, "the broken link", |r| r.body.contains("lantoa-error"));
    let shown = overlay(&broken.body);
    assert!(
        shown.contains("2026-11-01-bai.md:") && shown.contains("em-can-lam-gi"),
        "{shown}"
    );
    let fresh = Server::start(&p, &[]);
    assert_eq!(
        shown,
        overlay(&fresh.get(page).body),
        "what a full rebuild shows"
    );
    drop(fresh);
    // The heading is back: so is the page, without problems.
    p.post(target, "Bài đích", "", with_heading);
    server.wait_for(page, "the mended link", |r| {
        r.status == 200 && !r.body.contains("lantoa-error") && r.body.contains("Bài đầu tiên")
    });
    // The target becomes a draft: in a preview the link is a warning, printed as a full
    // rebuild prints it; approved again, the warning is gone from the next rebuild.
    let before = server.log().len();
    p.write(
        target,
        &format!("---\ntitle: Bài đích\nstatus: draft\n---\n{with_heading}"),
    );
    let started = Instant::now();
    let warning = loop {
        let log = server.log();
        let new = &log[before..];
        if let Some(at) = new.find("warning: link to")
            && let Some(len) = new[at..].find("\n\n")
        {
            break new[at..at + len].to_string();
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "no warning:\n{log}"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(
        warning.contains("2026-11-01-bai.md:6") && warning.contains("draft"),
        "{warning}"
    );
    let fresh = Server::start(&p, &[]);
    std::thread::sleep(Duration::from_millis(300));
    assert!(fresh.log().contains(&warning), "{warning}\n{}", fresh.log());
    drop(fresh);
    let before = server.log().len();
    p.post(target, "Bài đích đã duyệt", "", with_heading);
    server.wait_for("/thcs-a/bai-viet/dich/", "the approved target", |r| {
        r.body.contains("Bài đích đã duyệt")
    });
    assert!(
        !server.log()[before..].contains("draft"),
        "{}",
        server.log()
    );
}

#[test]
fn saving_a_notice_and_a_document_new_kinds_of_file_shows_them_and_their_sections() {
    let p = project();
    let server = Server::start(&p, &[]);
    let notice = "content/sites/thcs-a/notices/2026-11-20-hop.md";
    p.post(notice, "Họp phụ huynh", "", "Thứ Bảy.\n");
    server.wait_for("/thcs-a/thong-bao/", "the notice list", |r| {
        r.status == 200 && r.body.contains("Họp phụ huynh")
    });
    assert!(
        server.get("/thcs-a/").body.contains("Họp phụ huynh"),
        "a current notice is on the home page"
    );
    // Saved again: the change shows on the home page and in the list.
    p.post(notice, "Họp phụ huynh khối 9", "", "Thứ Bảy.\n");
    server.wait_for("/thcs-a/", "the edited notice", |r| {
        r.body.contains("Họp phụ huynh khối 9")
    });
    assert!(
        server
            .get("/thcs-a/thong-bao/")
            .body
            .contains("Họp phụ huynh khối 9")
    );
    // A document bundle: a new folder with its file.
    let pdf: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
    p.write_bytes("content/sites/thcs-a/documents/ke-hoach/ke-hoach.pdf", pdf);
    p.post(
        "content/sites/thcs-a/documents/ke-hoach/index.md",
        "Kế hoạch năm học",
        "number: \"12/KH-THCSA\"\ndoc_type: ke-hoach\nissued: 2026-09-10\nfile: ke-hoach.pdf\n",
        "Ghi chú.\n",
    );
    server.wait_for("/thcs-a/van-ban/", "the document list", |r| {
        r.status == 200 && r.body.contains("Kế hoạch năm học")
    });
    let page = server.wait_for("/thcs-a/van-ban/ke-hoach/", "the document", |r| {
        r.status == 200
    });
    assert!(page.body.contains("12/KH-THCSA"), "{}", page.body);
    assert!(!page.body.contains("lantoa-error"));
}
