//! `lantoa serve`: builds every site in memory (drafts, pages in review and scheduled pages
//! shown with a banner), serves them under `/<site-id>/` with the network index at `/` and the
//! editorial calendar at `/_editorial/`, watches `content/` and `themes/`, rebuilds what
//! changed, and reloads the browser over Server-Sent Events. A broken save shows an overlay
//! with the problems instead of the page; the server never exits because of bad content: a
//! panic in a rebuild becomes an overlay too (and the next save reloads everything), a panic
//! while answering a request becomes a 500 (`server.rs`), and a poisoned lock is recovered.

pub mod http;
pub mod prepared;
pub mod server;
pub mod session;

use std::io::Write;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::{Duration, Instant};

use crate::Selection;
use crate::diagnostics::{self, Diagnostic};
use crate::messages::{Lang, Problem, Refusal, ServeLine, serve_line};
use prepared::Prepared;
use server::{Request, Response};
use session::{Change, Session};

/// How `serve` was asked to run.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub port: u16,
    pub bind: IpAddr,
    pub sites: Vec<String>,
    pub now: Option<String>,
    pub open: bool,
    /// More names the `Host` header may carry (`--allow-host`), e.g. a LAN name.
    pub allow_hosts: Vec<String>,
}

/// What the server answers with: the last good build (rendered on request), and the problems
/// of the last attempt.
#[derive(Default)]
struct Snapshot {
    prepared: Option<Arc<Prepared>>,
    /// Per site, the last rebuild in which it was sound: a site kept out by a problem is
    /// served from there, under the overlay of its problems.
    good: std::collections::HashMap<String, Arc<Prepared>>,
    /// Problems that stop every site (no project, a broken theme), over every page.
    overlay: Option<String>,
    /// The problems last printed to the terminal (each set is printed once).
    printed: String,
    version: u64,
}

type Clients = Arc<Mutex<Vec<mpsc::Sender<String>>>>;

/// Runs the server until the process is stopped. Returns an error message only when it cannot
/// start (no free port).
pub fn serve(opts: ServeOptions) -> Result<(), String> {
    // Until the first build has read `network.yaml`: `LANTOA_LANG`, else Vietnamese.
    let lang = crate::language_before_load();
    let mut session = Session::new(
        &opts.root,
        opts.now.clone(),
        Selection {
            sites: opts.sites.clone(),
            shard: None,
        },
    );
    let state = Arc::new(RwLock::new(Snapshot::default()));
    let clients: Clients = Arc::new(Mutex::new(Vec::new()));
    // Watching starts before the first build, so no save is missed between the build (or the
    // address printed) and the watch.
    let (_watcher, changes) = watch(&opts.root)?;
    let started = Instant::now();
    apply(
        &mut session,
        &Change::Full,
        &state,
        &clients,
        &opts.root,
        lang,
        started,
        false,
    );
    // The language of `network.yaml` as the first build parsed it (`LANTOA_LANG` first).
    let lang = session.lang().unwrap_or(lang);

    let (listener, addr) = bind(opts.bind, opts.port, lang)?;
    if !opts.bind.is_loopback() {
        let bind = opts.bind.to_string();
        eprintln!("{}", serve_line(lang, &ServeLine::OpenToNetwork { bind }));
    }
    let url = format!("http://{addr}/");
    println!(
        "{}",
        serve_line(lang, &ServeLine::Listening { url: url.clone() })
    );
    let _ = std::io::stdout().flush();
    if opts.open {
        open_browser(&url);
    }
    let config = server::Config {
        limits: server::Limits::from_env(),
        hosts: server::Hosts::new(opts.bind, addr.port(), &opts.allow_hosts),
        lang,
    };
    let handler: Arc<server::Handler> = {
        let (state, clients) = (state.clone(), clients.clone());
        Arc::new(move |request: &Request| handle(request, &state, &clients, lang))
    };
    std::thread::Builder::new()
        .name("lantoa-accept".into())
        .spawn(move || server::run(listener, config, handler))
        .map_err(|e| e.to_string())?;
    watch_loop(&changes, &opts.root, &mut session, &state, &clients, lang);
    Ok(())
}

fn bind(ip: IpAddr, port: u16, lang: Lang) -> Result<(TcpListener, SocketAddr), String> {
    for candidate in port..port.saturating_add(20) {
        let addr = SocketAddr::new(ip, candidate);
        match TcpListener::bind(addr) {
            Ok(s) => {
                if candidate != port {
                    let used = candidate;
                    println!("{}", serve_line(lang, &ServeLine::PortTaken { port, used }));
                }
                let real = s.local_addr().unwrap_or(addr);
                return Ok((s, real));
            }
            Err(_) => continue,
        }
    }
    let (from, to) = (port, port.saturating_add(19));
    Err(serve_line(lang, &ServeLine::NoPort { from, to }))
}

fn open_browser(url: &str) {
    let cmd = if cfg!(target_os = "windows") {
        ("cmd", vec!["/C", "start", url])
    } else if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else {
        ("xdg-open", vec![url])
    };
    let _ = std::process::Command::new(cmd.0).args(cmd.1).spawn();
}

/// Rebuilds for one change, swaps the snapshot, notifies browsers, prints the outcome once.
/// Messages are in the language of the `network.yaml` the rebuild parsed, else in `lang`.
#[allow(clippy::too_many_arguments)]
fn apply(
    session: &mut Session,
    change: &Change,
    state: &RwLock<Snapshot>,
    clients: &Clients,
    root: &Path,
    lang: Lang,
    started: Instant,
    announce: bool,
) {
    if *change == Change::CssOnly {
        let version = {
            let mut s = write(state);
            s.version += 1;
            s.version
        };
        broadcast(clients, &format!("event: css\ndata: {version}\n\n"));
        println!("{}", serve_line(lang, &ServeLine::CssUpdated));
        return;
    }
    // The builds this one replaces: freed after the browsers were told (on another thread,
    // since freeing 10,000 resolved pages takes a moment).
    let mut retired: Vec<Arc<Prepared>> = Vec::new();
    // A panic in a rebuild (a bug that some content triggers) is shown like a problem of the
    // content; the session is reset so the next save reloads everything.
    let outcome =
        catch_unwind(AssertUnwindSafe(|| session.rebuild(change))).unwrap_or_else(|panic| {
            session.reset();
            let file = match change {
                Change::Sources(paths) if !paths.is_empty() => paths[0]
                    .strip_prefix(root)
                    .unwrap_or(&paths[0])
                    .to_path_buf(),
                _ => PathBuf::from("content"),
            };
            Err(vec![Diagnostic::error(
                file,
                0,
                Problem::Internal {
                    detail: server::panic_text(&*panic),
                },
            )])
        });
    let lang = session.lang().unwrap_or(lang);
    match outcome {
        Ok(prepared) => {
            let (sites, pages) = (prepared.site_count(), prepared.page_count());
            let problems = prepared.errors().to_vec();
            let shown: Vec<Diagnostic> =
                problems.iter().chain(&prepared.warnings).cloned().collect();
            let text = prepared.problems_text(&shown);
            let (had_error, print) = {
                let mut s = write(state);
                let had = s.overlay.is_some() || !s.printed.is_empty();
                for id in prepared.site_ids() {
                    retired.extend(s.good.insert(id, prepared.clone()));
                }
                retired.extend(s.prepared.replace(prepared.clone()));
                s.overlay = None;
                s.version += 1;
                let print = s.printed != text;
                s.printed = text.clone();
                (had, print)
            };
            let ms = started.elapsed().as_millis();
            if print && problems.is_empty() && !shown.is_empty() {
                eprint!("{text}"); // warnings only: printed once
            }
            if !problems.is_empty() {
                if print {
                    eprint!("{text}");
                    eprintln!(
                        "{}",
                        crate::messages::serve_sites_with_problems(
                            lang,
                            problems.len(),
                            prepared.blocked()
                        )
                    );
                }
            } else if had_error {
                println!("{}", serve_line(lang, &ServeLine::Fixed { ms }));
            } else if announce {
                println!("{}", serve_line(lang, &ServeLine::Rebuilt { ms }));
            } else {
                let ready = ServeLine::Ready { sites, pages, ms };
                println!("{}", serve_line(lang, &ready));
            }
        }
        Err(mut errors) => {
            diagnostics::sort(&mut errors);
            errors.dedup_by(|a, b| a.file == b.file && a.line == b.line && a.problem == b.problem);
            let text = diagnostics::render(&errors, diagnostics::Format::Text, lang, root);
            let changed = {
                let mut s = write(state);
                let overlay = http::overlay(&text, lang);
                let changed = s.overlay.as_deref() != Some(overlay.as_str());
                s.overlay = Some(overlay);
                s.printed.clear();
                s.version += 1;
                changed
            };
            if changed {
                eprint!("{text}");
                let errors = errors.iter().filter(|d| d.is_error()).count();
                eprintln!("{}", serve_line(lang, &ServeLine::Broken { errors }));
            }
        }
    }
    broadcast(clients, "event: reload\ndata: 1\n\n");
    std::thread::spawn(move || drop(retired));
}

fn broadcast(clients: &Clients, message: &str) {
    let mut list = lock(clients);
    list.retain(|tx| tx.send(message.to_string()).is_ok());
}

type Changes = mpsc::Receiver<Option<Vec<PathBuf>>>;

/// Watches `content/` and `themes/`: each event's paths, or `None` when events were lost.
/// Access events (our own reads) are ignored, or every rebuild would trigger the next.
fn watch(root: &Path) -> Result<(notify::RecommendedWatcher, Changes), String> {
    use notify::{EventKind, RecursiveMode, Watcher};
    let (tx, rx) = mpsc::channel::<Option<Vec<PathBuf>>>();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let message = match res {
            Ok(event) if matches!(event.kind, EventKind::Access(_)) => return,
            Ok(event) => Some(event.paths),
            Err(_) => None, // e.g. the kernel's event queue overflowed: rebuild everything
        };
        let _ = tx.send(message);
    })
    .map_err(|e| e.to_string())?;
    for dir in ["content", "themes"] {
        let path = root.join(dir);
        if path.exists() {
            watcher
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok((watcher, rx))
}

/// Rebuilds as soon as a change arrives, until the watcher stops. Events that arrive while a
/// rebuild runs are coalesced into the next one (an editor saving ten files at once causes one
/// or two rebuilds, never ten), so a save never waits for a quiet window.
fn watch_loop(
    rx: &Changes,
    root: &Path,
    session: &mut Session,
    state: &RwLock<Snapshot>,
    clients: &Clients,
    lang: Lang,
) {
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    while let Ok(first) = rx.recv() {
        let started = Instant::now();
        // The same save's other events (truncate, write, rename) come within microseconds:
        // take what is queued, waiting at most SETTLE for each, then rebuild at once.
        const SETTLE: Duration = Duration::from_millis(2);
        let mut batch = vec![first];
        while let Ok(more) = rx.recv_timeout(SETTLE) {
            batch.push(more);
            if started.elapsed() > Duration::from_millis(20) {
                break;
            }
        }
        let change = if batch.iter().any(Option::is_none) {
            Some(Change::Full)
        } else {
            let paths: Vec<PathBuf> = batch.into_iter().flatten().flatten().collect();
            session::classify(&root, &paths)
        };
        let change = match change {
            // A new or removed folder may hold files the watcher did not report: re-walk all.
            Some(Change::Sources(ps)) if ps.iter().any(|p| p.is_dir()) => Change::Full,
            Some(c) => c,
            None => continue,
        };
        apply(session, &change, state, clients, &root, lang, started, true);
    }
}

fn read<T>(lock: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    lock.read().unwrap_or_else(PoisonError::into_inner)
}

fn write<T>(lock: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    lock.write().unwrap_or_else(PoisonError::into_inner)
}

fn lock<T>(lock: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    lock.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Answers a GET or HEAD whose host was checked (the server strips the body of a HEAD).
fn handle(request: &Request, state: &RwLock<Snapshot>, clients: &Clients, lang: Lang) -> Response {
    use prepared::Answer;
    let path = match http::clean_path(&request.target) {
        Ok(p) => p,
        Err(_) => return Response::refusal(Refusal::BadPath, lang),
    };
    if path == http::EVENTS_PATH {
        return events(clients);
    }
    let site = path.split('/').next().unwrap_or("").to_string();
    let (prepared, overlay, version, good) = {
        let s = read(state);
        (
            s.prepared.clone(),
            s.overlay.clone(),
            s.version,
            s.good.get(&site).cloned(),
        )
    };
    // A site kept out by a problem: its last good version under the overlay of its problems,
    // or the problems alone when it never built.
    let kept = prepared.as_ref().and_then(|p| {
        p.problems_of(&site)
            .map(|problems| http::overlay(&p.problems_text(&problems), lang))
    });
    let overlay = kept.clone().or(overlay);
    let answer = match (&prepared, &kept, &good) {
        (Some(_), Some(_), Some(g)) => g.answer(&path),
        (Some(_), Some(_), None) => Answer::NeverBuilt,
        (Some(p), None, _) => p.answer(&path),
        (None, _, _) => Answer::NotFound(None),
    };
    // The network index names the sites that have problems.
    let overlay = match (&prepared, path.is_empty() || path == "index.html") {
        (Some(p), true) if !p.blocked().is_empty() && overlay.is_none() => Some(http::notice(
            &crate::messages::serve_sites_with_problems(lang, p.errors().len(), p.blocked()),
            &p.blocked()
                .iter()
                .map(|id| {
                    let n = p.problems_of(id).map(|v| v.len()).unwrap_or(0);
                    crate::messages::site_kept(lang, id, n)
                        .trim_start_matches("lantoa:")
                        .trim()
                        .to_string()
                })
                .collect::<Vec<_>>(),
        )),
        _ => overlay,
    };
    let (status, body, name) = match answer {
        Answer::Redirect(to) => {
            return Response::new(301, Vec::new()).header("Location", http::location(&to));
        }
        Answer::Bytes(b) => (200, b, path.clone()),
        Answer::Disk(p) => match std::fs::read(&p) {
            Ok(b) => (200, b, path.clone()),
            Err(_) => (404, not_found_page(lang), "404.html".into()),
        },
        Answer::NotFound(page) => (
            404,
            page.unwrap_or_else(|| not_found_page(lang)),
            "404.html".into(),
        ),
        // The problems are the overlay, injected below.
        Answer::NeverBuilt => (500, not_found_page(lang), "500.html".into()),
        Answer::Failed(text) => (
            500,
            http::inject(
                not_found_page(lang).as_slice(),
                Some(&http::overlay(&text, lang)),
            ),
            "500.html".into(),
        ),
    };
    let name = if name.is_empty() || name.ends_with('/') {
        format!("{name}index.html")
    } else {
        name
    };
    let ctype = http::content_type(&name);
    let (body, tag) = if ctype.starts_with("text/html") {
        let body = http::inject(&body, overlay.as_deref());
        let tag = format!("\"{}-{version}\"", http::etag(&body).trim_matches('"'));
        (body, tag)
    } else {
        let tag = http::etag(&body);
        (body, tag)
    };
    if status == 200 && http::not_modified(request.header("If-None-Match"), &tag) {
        return Response::new(304, Vec::new()).header("ETag", tag);
    }
    Response::new(status, body)
        .header("Content-Type", ctype)
        .header("Cache-Control", "no-cache")
        .header("ETag", tag)
}

fn not_found_page(lang: Lang) -> Vec<u8> {
    crate::messages::not_found_page(lang).into_bytes()
}

/// Server-Sent Events: `reload` after each rebuild, `css` after a stylesheet change. The
/// server writes each message as it is broadcast, and a ping comment when there is none.
fn events(clients: &Clients) -> Response {
    let (tx, rx) = mpsc::channel::<String>();
    let _ = tx.send("retry: 1000\n\n".into());
    lock(clients).push(tx);
    Response::events(rx)
        .header("Content-Type", "text/event-stream; charset=utf-8")
        .header("Cache-Control", "no-store")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicking_rebuild_becomes_an_overlay_and_the_next_one_reloads() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(session::TEST_PANIC), "").unwrap();
        let selection = Selection {
            sites: Vec::new(),
            shard: None,
        };
        let mut session = Session::new(dir.path(), None, selection);
        let state = RwLock::new(Snapshot::default());
        let clients: Clients = Arc::default();
        let (tx, rx) = mpsc::channel();
        lock(&clients).push(tx);
        let change = Change::Sources(vec![dir.path().join("content/sites/a/articles/x.md")]);
        let started = Instant::now();
        apply(
            &mut session,
            &change,
            &state,
            &clients,
            dir.path(),
            Lang::En,
            started,
            true,
        );
        let overlay = read(&state).overlay.clone().expect("an overlay");
        assert!(
            overlay.contains("internal lantoa error") && overlay.contains("deliberate test panic"),
            "{overlay}"
        );
        assert!(
            overlay.contains("content/sites/a/articles/x.md"),
            "{overlay}"
        );
        assert_eq!(
            rx.try_recv().ok().as_deref(),
            Some("event: reload\ndata: 1\n\n")
        );
        // The session was reset: the next rebuild loads the project again (here: it has none).
        std::fs::remove_file(dir.path().join(session::TEST_PANIC)).unwrap();
        apply(
            &mut session,
            &Change::Full,
            &state,
            &clients,
            dir.path(),
            Lang::En,
            started,
            true,
        );
        let overlay = read(&state)
            .overlay
            .clone()
            .expect("the project's own problems");
        assert!(!overlay.contains("internal lantoa error"), "{overlay}");
    }
}
