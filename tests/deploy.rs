//! `lantoa deploy` against real servers on loopback, started and stopped by the tests:
//! a local folder, OpenSSH's `sshd` (SFTP) with a throw-away host key and user key, an FTP
//! server (`pyftpdlib`, plain and with explicit TLS), and `nginx -t` on the output of
//! `lantoa server-config nginx`. A missing server binary fails the test with what to install
//! (`scripts/test.sh` installs them).

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{copy_dir, repo};

const NOW: &str = "2026-11-28";
const SITES: [&str; 5] = [
    "phong-gddt-mong-cai",
    "so-gddt-quang-ninh",
    "th-ka-long",
    "thcs-hai-hoa",
    "thcs-hai-yen",
];
const EDITED: &str = "content/sites/thcs-hai-yen/articles/2026-11-09-chao-co-ngay-phap-luat.md";
const REMOVED: &str = "content/sites/thcs-hai-yen/articles/2026-10-27-chuan-bi-don-doan-so-ket.md";

/// The bundled network in a temporary folder.
struct Network {
    dir: tempfile::TempDir,
}

impl Network {
    fn new() -> Network {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&repo().join("content"), &dir.path().join("content"));
        copy_dir(&repo().join("themes"), &dir.path().join("themes"));
        Network { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Sets `deploy:` in a site's site.yaml.
    fn target(&self, site: &str, url: &str) {
        let file = self.path().join(format!("content/sites/{site}/site.yaml"));
        let mut text = std::fs::read_to_string(&file).unwrap();
        text.push_str(&format!("\ndeploy: \"{url}\"\n"));
        std::fs::write(file, text).unwrap();
    }

    fn lantoa(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_lantoa"));
        cmd.arg("--root").arg(self.path()).args(args);
        cmd.env("LANTOA_LANG", "en").env_remove("SOURCE_DATE_EPOCH");
        for var in [
            "LANTOA_DEPLOY_PASSWORD",
            "LANTOA_DEPLOY_SSH_KEY",
            "LANTOA_DEPLOY_KNOWN_HOSTS",
            "LANTOA_DEPLOY_CA_FILE",
            "SSH_AUTH_SOCK",
        ] {
            cmd.env_remove(var);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().unwrap()
    }

    fn build(&self) {
        let out = self.lantoa(&["build", "--now", NOW], &[]);
        assert!(out.status.success(), "build failed: {}", text(&out));
    }

    /// `deploy --format json`: the exit code, the deploy report per site, and all the output.
    fn deploy(&self, env: &[(&str, &str)]) -> (i32, BTreeMap<String, serde_json::Value>, String) {
        let out = self.lantoa(&["deploy", "--format", "json"], env);
        let stdout = String::from_utf8_lossy(&out.stdout).to_string();
        let last = stdout.lines().last().unwrap_or_default().to_string();
        let report: serde_json::Value = serde_json::from_str(&last)
            .unwrap_or_else(|e| panic!("no deploy report ({e}): {}", text(&out)));
        let sites = report["deploy_report"]["sites"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| (s["id"].as_str().unwrap().to_string(), s.clone()))
            .collect();
        (out.status.code().unwrap_or(-1), sites, text(&out))
    }

    /// The files of a site as built: path → bytes.
    fn built(&self, site: &str) -> BTreeMap<String, Vec<u8>> {
        files(&self.path().join("public").join(site))
    }

    fn edit_and_remove(&self) {
        let file = self.path().join(EDITED);
        let mut text = std::fs::read_to_string(&file).unwrap();
        text.push_str("\nMột câu mới được thêm vào sau buổi chào cờ.\n");
        std::fs::write(&file, text).unwrap();
        std::fs::remove_file(self.path().join(REMOVED)).unwrap();
    }
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Every file under `dir` (relative path → bytes).
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .to_string();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

fn paths(v: &serde_json::Value, field: &str) -> BTreeSet<String> {
    v[field]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect()
}

fn count(v: &serde_json::Value, field: &str) -> u64 {
    v[field].as_u64().unwrap()
}

/// The target holds exactly the built files (plus the deployed manifest and `foreign`).
fn assert_mirrors(built: &BTreeMap<String, Vec<u8>>, target: &Path, foreign: &[&str]) {
    let mut on_target = files(target);
    assert!(
        on_target.remove(".lantoa-deployed").is_some(),
        "no deployed manifest"
    );
    for f in foreign {
        assert!(
            on_target.remove(*f).is_some(),
            "{f} (not lantoa's) was removed"
        );
    }
    let extra: Vec<_> = on_target
        .keys()
        .filter(|k| !built.contains_key(*k))
        .collect();
    assert!(extra.is_empty(), "left on the target: {extra:?}");
    for (p, bytes) in built {
        assert_eq!(on_target.get(p), Some(bytes), "{p} differs on the target");
    }
}

/// The two-build scenario against one site's target folder (as seen on the disk):
/// first deploy sends everything; after one edit and one removed page, only the files whose
/// bytes changed are sent, the removed page is removed, a file lantoa never wrote is kept.
fn two_builds(net: &Network, site: &str, dir: &Path, env: &[(&str, &str)]) -> String {
    net.build();
    let (code, report, out1) = net.deploy(env);
    assert_eq!(code, 0, "{out1}");
    let first = net.built(site);
    let r = &report[site];
    assert_eq!(count(r, "sent") as usize, first.len(), "{out1}");
    assert_eq!((count(r, "removed"), count(r, "failed")), (0, 0));
    assert_mirrors(&first, dir, &[]);

    std::fs::write(dir.join("google1234.html"), "verification").unwrap();
    std::fs::create_dir_all(dir.join("bai-viet")).unwrap();
    std::fs::write(dir.join("bai-viet/cua-truong.txt"), "ours").unwrap();
    net.edit_and_remove();
    net.build();
    let second = net.built(site);
    let changed: BTreeSet<String> = second
        .iter()
        .filter(|(p, b)| first.get(*p) != Some(*b))
        .map(|(p, _)| p.clone())
        .collect();
    let gone: BTreeSet<String> = first
        .keys()
        .filter(|p| !second.contains_key(*p))
        .cloned()
        .collect();
    assert!(!changed.is_empty() && changed.len() < second.len() / 2);
    assert!(
        gone.iter().any(|p| p.contains("chuan-bi-don-doan-so-ket")),
        "{gone:?}"
    );

    let (code, report, out2) = net.deploy(env);
    assert_eq!(code, 0, "{out2}");
    let r = &report[site];
    assert_eq!(
        paths(r, "sent_paths"),
        changed,
        "only the changed files are sent"
    );
    assert_eq!(paths(r, "removed_paths"), gone);
    assert_eq!(count(r, "unchanged") as usize, second.len() - changed.len());
    assert_mirrors(
        &second,
        dir,
        &["google1234.html", "bai-viet/cua-truong.txt"],
    );
    assert!(!dir.join("bai-viet/chuan-bi-don-doan-so-ket").exists());
    // Every other site is unchanged: nothing sent.
    for other in SITES.iter().filter(|s| **s != site) {
        if let Some(o) = report.get(*other) {
            assert_eq!(count(o, "sent"), 0, "{other}: {out2}");
        }
    }
    format!("{out1}{out2}")
}

#[test]
fn a_local_folder_gets_the_first_deploy_then_only_changed_files_and_keeps_foreign_files() {
    let net = Network::new();
    let www = net.path().join("www");
    net.target(
        "thcs-hai-yen",
        &format!("file://{}/{{site}}/", www.display()),
    );
    for s in SITES.iter().filter(|s| **s != "thcs-hai-yen") {
        net.target(s, &format!("{}/{{site}}/", www.display()));
    }
    two_builds(&net, "thcs-hai-yen", &www.join("thcs-hai-yen"), &[]);
    for s in SITES {
        assert_mirrors(
            &net.built(s),
            &www.join(s),
            if s == "thcs-hai-yen" {
                &["google1234.html", "bai-viet/cua-truong.txt"]
            } else {
                &[]
            },
        );
    }
    // No temporary name is left anywhere.
    assert!(files(&www).keys().all(|k| !k.contains(".lantoa-tmp")));
    // A dry run sends nothing and says so.
    let out = net.lantoa(&["deploy", "--dry-run"], &[]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("dry run"), "{}", text(&out));
}

// ---------------------------------------------------------------------------------------
// Servers

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A server process, killed when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn wait_for_port(port: u16, child: &mut Child, what: &str) {
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(status)) = child.try_wait() {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                use std::io::Read;
                let _ = e.read_to_string(&mut err);
            }
            panic!("{what} exited ({status}) before listening: {err}");
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{what} never listened on {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn need(path: &str, package: &str) -> PathBuf {
    let p = PathBuf::from(path);
    assert!(
        p.exists(),
        "{path} is missing: install Debian's `{package}` (scripts/test.sh does: apt-get install {package})"
    );
    p
}

fn run(cmd: &mut Command) {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(out.status.success(), "{cmd:?}: {}", text(&out));
}

fn user() -> String {
    let out = Command::new("id").arg("-un").output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// `sshd` on a free loopback port, run as the current user, with a throw-away host key and
/// an authorised throw-away user key.
struct Sshd {
    _server: Server,
    port: u16,
    dir: tempfile::TempDir,
}

impl Sshd {
    fn start() -> Sshd {
        let sshd = need("/usr/sbin/sshd", "openssh-server");
        need("/usr/bin/ssh-keygen", "openssh-client");
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for key in ["host_key", "user_key", "other_host_key"] {
            run(Command::new("ssh-keygen")
                .args(["-q", "-t", "ed25519", "-N", "", "-C", "lantoa-test", "-f"])
                .arg(d.join(key)));
        }
        std::fs::copy(d.join("user_key.pub"), d.join("authorized_keys")).unwrap();
        let port = free_port();
        let config = format!(
            "Port {port}\nListenAddress 127.0.0.1\nHostKey {d}/host_key\nPidFile {d}/sshd.pid\n\
             UsePAM no\nStrictModes no\nAuthorizedKeysFile {d}/authorized_keys\n\
             PubkeyAuthentication yes\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n\
             PermitRootLogin prohibit-password\nSubsystem sftp internal-sftp\n",
            d = d.display()
        );
        std::fs::write(d.join("sshd_config"), config).unwrap();
        if user() == "root" {
            let _ = std::fs::create_dir_all("/run/sshd"); // privilege separation folder
        }
        let mut child = Command::new(sshd)
            .args(["-D", "-e", "-f"])
            .arg(d.join("sshd_config"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start sshd");
        wait_for_port(port, &mut child, "sshd");
        let sshd = Sshd {
            _server: Server(child),
            port,
            dir,
        };
        sshd.known_hosts("known_hosts", "host_key.pub");
        sshd.known_hosts("wrong_known_hosts", "other_host_key.pub");
        sshd
    }

    fn known_hosts(&self, name: &str, key: &str) {
        let public = std::fs::read_to_string(self.dir.path().join(key)).unwrap();
        let mut parts = public.split_whitespace();
        let (kind, blob) = (parts.next().unwrap(), parts.next().unwrap());
        std::fs::write(
            self.dir.path().join(name),
            format!("[127.0.0.1]:{} {kind} {blob}\n", self.port),
        )
        .unwrap();
    }

    fn path(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }

    fn env(&self, known_hosts: &str) -> Vec<(String, String)> {
        vec![
            ("LANTOA_DEPLOY_SSH_KEY".into(), self.path("user_key")),
            ("LANTOA_DEPLOY_KNOWN_HOSTS".into(), self.path(known_hosts)),
        ]
    }
}

fn refs(env: &[(String, String)]) -> Vec<(&str, &str)> {
    env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

#[test]
fn sftp_to_a_real_sshd_sends_only_changed_files_and_a_refusing_host_stops_no_other_site() {
    let sshd = Sshd::start();
    let net = Network::new();
    let remote = net.path().join("host");
    let url = |site: &str| {
        format!(
            "sftp://{}@127.0.0.1:{}{}/{site}/",
            user(),
            sshd.port,
            remote.display()
        )
    };
    for s in SITES {
        net.target(s, &url(s));
    }
    let env = sshd.env("known_hosts");
    two_builds(
        &net,
        "thcs-hai-yen",
        &remote.join("thcs-hai-yen"),
        &refs(&env),
    );

    // One host refuses the connection: the other sites are still deployed, exit code 4.
    let closed = free_port();
    net.target(
        "th-ka-long",
        &format!("sftp://deploy@127.0.0.1:{closed}/srv/{{site}}/"),
    );
    std::fs::remove_dir_all(&remote).unwrap();
    let (code, report, out) = net.deploy(&refs(&env));
    assert_eq!(code, 4, "{out}");
    assert!(report["th-ka-long"]["error"].is_string(), "{out}");
    assert!(out.contains("th-ka-long"), "{out}");
    for s in SITES.iter().filter(|s| **s != "th-ka-long") {
        assert!(report[*s]["error"].is_null(), "{s}: {out}");
        assert_mirrors(&net.built(s), &remote.join(s), &[]);
    }
}

#[test]
fn sftp_refuses_a_host_whose_key_is_not_the_known_one() {
    let sshd = Sshd::start();
    let net = Network::new();
    let remote = net.path().join("host");
    for s in SITES {
        net.target(
            s,
            &format!(
                "sftp://{}@127.0.0.1:{}{}/{s}/",
                user(),
                sshd.port,
                remote.display()
            ),
        );
    }
    net.build();
    let env = sshd.env("wrong_known_hosts");
    let (code, report, out) = net.deploy(&refs(&env));
    assert_eq!(code, 4, "{out}");
    for s in SITES {
        let e = report[s]["error"].as_str().unwrap_or_default();
        assert!(e.contains("host key"), "{s}: {out}");
        assert_eq!(count(&report[s], "sent"), 0);
    }
    assert!(!remote.exists(), "something was written to a refused host");
    // A host missing from known_hosts is refused too.
    std::fs::write(sshd.dir.path().join("empty_known_hosts"), "").unwrap();
    let (code, _, out) = net.deploy(&refs(&sshd.env("empty_known_hosts")));
    assert_eq!(code, 4, "{out}");
    assert!(out.contains("not in"), "{out}");
    assert!(!remote.exists());
}

// ---------------------------------------------------------------------------------------
// FTP (pyftpdlib, in the virtualenv scripts/test.sh makes)

const FTP_SERVER: &str = r#"
import sys
from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import FTPHandler, TLS_FTPHandler
from pyftpdlib.servers import FTPServer
port, root, password, tls = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4] == "tls"
auth = DummyAuthorizer()
auth.add_user("deploy", password, root, perm="elradfmwMT")
handler = TLS_FTPHandler if tls else FTPHandler
if tls:
    handler.certfile = sys.argv[5]
    handler.keyfile = sys.argv[6]
    handler.tls_control_required = True
    handler.tls_data_required = True
handler.authorizer = auth
FTPServer(("127.0.0.1", port), handler).serve_forever()
"#;

const PASSWORD: &str = "Bi-mat-FTP-7f3kq9";

fn python() -> PathBuf {
    let p = std::env::var_os("LANTOA_TEST_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("target/test-venv/bin/python"));
    assert!(
        p.exists(),
        "{} is missing: the FTP tests need pyftpdlib and pyopenssl in a virtualenv \
         (scripts/test.sh makes it: python3 -m venv target/test-venv && target/test-venv/bin/pip install pyftpdlib pyopenssl)",
        p.display()
    );
    p
}

fn ftp_server(root: &Path, tls: Option<(&Path, &Path)>) -> (Server, u16) {
    let py = python();
    std::fs::create_dir_all(root).unwrap();
    let script = root.with_extension("py");
    std::fs::write(&script, FTP_SERVER).unwrap();
    let port = free_port();
    let mut cmd = Command::new(py);
    cmd.arg(&script)
        .arg(port.to_string())
        .arg(root)
        .arg(PASSWORD)
        .arg(if tls.is_some() { "tls" } else { "plain" });
    if let Some((cert, key)) = tls {
        cmd.arg(cert).arg(key);
    }
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the FTP server");
    wait_for_port(port, &mut child, "pyftpdlib");
    // Its log goes to stderr: drain it so the server never blocks on a full pipe.
    let mut err = child.stderr.take().unwrap();
    std::thread::spawn(move || std::io::copy(&mut err, &mut std::io::sink()));
    (Server(child), port)
}

/// A throw-away CA and a certificate for 127.0.0.1 signed by it.
fn certificates(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let openssl = || Command::new("openssl");
    let p = |n: &str| dir.join(n);
    run(openssl()
        .args([
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=lantoa test CA",
        ])
        .arg("-keyout")
        .arg(p("ca.key"))
        .arg("-out")
        .arg(p("ca.pem")));
    run(openssl()
        .args([
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=127.0.0.1",
        ])
        .arg("-keyout")
        .arg(p("key.pem"))
        .arg("-out")
        .arg(p("leaf.csr")));
    std::fs::write(
        p("ext.cnf"),
        "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n",
    )
    .unwrap();
    run(openssl()
        .args(["x509", "-req", "-days", "2", "-CAcreateserial"])
        .arg("-in")
        .arg(p("leaf.csr"))
        .arg("-CA")
        .arg(p("ca.pem"))
        .arg("-CAkey")
        .arg(p("ca.key"))
        .arg("-extfile")
        .arg(p("ext.cnf"))
        .arg("-out")
        .arg(p("cert.pem")));
    (p("ca.pem"), p("cert.pem"), p("key.pem"))
}

fn assert_no_password(net: &Network, output: &str) {
    assert!(
        !output.contains(PASSWORD),
        "the password was printed:\n{output}"
    );
    for (path, bytes) in files(&net.path().join("public")) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains(PASSWORD),
            "the password is in public/{path}"
        );
    }
}

#[test]
fn ftp_with_explicit_tls_deploys_only_changed_files_and_never_shows_the_password() {
    let net = Network::new();
    let host = net.path().join("ftp-root");
    let (ca, cert, key) = certificates(net.path());
    let (_server, port) = ftp_server(&host, Some((&cert, &key)));
    for s in SITES {
        net.target(s, &format!("ftps://deploy@127.0.0.1:{port}/sites/{s}/"));
    }
    let ca = ca.display().to_string();
    let env = [
        ("LANTOA_DEPLOY_PASSWORD", PASSWORD),
        ("LANTOA_DEPLOY_CA_FILE", ca.as_str()),
    ];
    let output = two_builds(&net, "thcs-hai-yen", &host.join("sites/thcs-hai-yen"), &env);
    assert!(!output.contains("unencrypted"), "{output}");
    assert_no_password(&net, &output);

    // A certificate the machine does not trust is refused.
    let (code, report, out) = net.deploy(&[("LANTOA_DEPLOY_PASSWORD", PASSWORD)]);
    assert_eq!(code, 4, "{out}");
    assert!(
        report["thcs-hai-yen"]["error"]
            .as_str()
            .unwrap()
            .contains("TLS"),
        "{out}"
    );
    assert_no_password(&net, &out);
}

#[test]
fn plain_ftp_deploys_with_a_warning_and_a_wrong_password_is_refused_without_showing_it() {
    let net = Network::new();
    let host = net.path().join("ftp-root");
    let (_server, port) = ftp_server(&host, None);
    for s in SITES {
        net.target(s, &format!("ftp://deploy@127.0.0.1:{port}/{s}/"));
    }
    let pw_file = net.path().join("ftp-password");
    std::fs::write(&pw_file, format!("{PASSWORD}\n")).unwrap();
    let pw_file = pw_file.display().to_string();
    let env = [("LANTOA_DEPLOY_PASSWORD_FILE", pw_file.as_str())];
    let output = two_builds(&net, "thcs-hai-yen", &host.join("thcs-hai-yen"), &env);
    assert!(output.contains("unencrypted FTP"), "{output}");
    assert_no_password(&net, &output);

    let wrong = "Sai-mat-khau-x81";
    let (code, report, out) = net.deploy(&[("LANTOA_DEPLOY_PASSWORD", wrong)]);
    assert_eq!(code, 4, "{out}");
    assert!(
        report["so-gddt-quang-ninh"]["error"]
            .as_str()
            .unwrap()
            .contains("login"),
        "{out}"
    );
    assert!(!out.contains(wrong), "{out}");
}

// ---------------------------------------------------------------------------------------
// nginx

#[test]
fn nginx_accepts_the_generated_server_configuration() {
    let nginx = need("/usr/sbin/nginx", "nginx");
    let net = Network::new();
    let conf = net.path().join("lantoa.conf");
    let out = net.lantoa(
        &[
            "server-config",
            "nginx",
            "--sites-root",
            "/srv/sites/{site}/",
            "--out",
        ],
        &[],
    );
    assert!(!out.status.success(), "--out needs a file");
    let out = net.lantoa(
        &["server-config", "nginx", "--out", conf.to_str().unwrap()],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out));
    let config = std::fs::read_to_string(&conf).unwrap();
    assert_eq!(config.matches("server {").count(), 5, "{config}");
    for s in SITES {
        assert!(
            config.contains(&format!("root /srv/sites/{s};")),
            "{config}"
        );
    }
    assert!(
        config.contains("server_name thcshaiyen.example.edu.vn;")
            || config.contains("server_name thcs-hai-yen.example.edu.vn;"),
        "{config}"
    );
    assert!(config.contains("error_page 404 /404.html;"));
    assert!(config.contains("frame-src https://www.youtube.com https://www.youtube-nocookie.com https://www.facebook.com"));
    assert!(config.contains("X-Content-Type-Options \"nosniff\""));
    assert!(config.contains("Referrer-Policy"));
    assert!(config.contains("immutable"));

    let prefix = net.path().join("nginx");
    std::fs::create_dir_all(prefix.join("logs")).unwrap();
    let main = prefix.join("nginx.conf");
    std::fs::write(
        &main,
        format!(
            "pid {p}/nginx.pid;\nerror_log {p}/logs/error.log;\nevents {{}}\nhttp {{\n  access_log off;\n  include {c};\n}}\n",
            p = prefix.display(),
            c = conf.display()
        ),
    )
    .unwrap();
    let out = Command::new(nginx)
        .arg("-t")
        .arg("-p")
        .arg(&prefix)
        .arg("-e")
        .arg(prefix.join("logs/error.log"))
        .arg("-c")
        .arg(&main)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "nginx -t refused it:\n{}\n{config}",
        text(&out)
    );
    assert!(!text(&out).contains("[warn]"), "{}", text(&out));
}

#[test]
fn check_refuses_a_password_in_a_deploy_address_without_showing_it() {
    let net = Network::new();
    net.target(
        "th-ka-long",
        "ftp://truong:MatKhau-Lo-123@ftp.example.vn/www/",
    );
    let out = net.lantoa(&["check", "--now", NOW], &[]);
    let all = text(&out);
    assert_eq!(out.status.code(), Some(1), "{all}");
    assert!(all.contains("deploy"), "{all}");
    assert!(all.contains("content/sites/th-ka-long/site.yaml"), "{all}");
    assert!(
        !all.contains("MatKhau-Lo-123"),
        "the password was printed: {all}"
    );
}
