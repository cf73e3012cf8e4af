//! `lantoa deploy`: publishes each site the last build updated to its target, sending only the
//! files whose bytes changed. The plan is the same for every kind of target:
//!
//! 1. the site's files are the entries of `public/.lantoa-manifest` under `<id>/`, each hashed
//!    (SHA-256);
//! 2. the target keeps the manifest of the last deploy (`.lantoa-deployed`: `hash  path` per
//!    line, of the files lantoa sent there); a file whose hash differs, or that is new, is sent
//!    under a temporary name and renamed over the old one; a path in the deployed manifest that
//!    the build no longer generates is removed; nothing else on the target is ever touched;
//! 3. the deployed manifest is rewritten (temporary name, then rename) with what is on the
//!    target now, even after a failure, so the next deploy resends exactly what is missing.
//!
//! One site's failure (a refused connection, a wrong host key) is reported and the next site
//! is deployed. Credentials come only from environment variables or files they name
//! (`credentials`); they are never printed nor written anywhere.
//!
//! One file per target kind: `local.rs` (a folder), `sftp.rs` (SFTP over SSH, `ssh2`),
//! `ftp.rs` (FTP with explicit TLS, or plain FTP, `suppaftp`); `nginx.rs` writes the server
//! configuration of `lantoa server-config nginx`.

pub mod ftp;
pub mod local;
pub mod nginx;
pub mod sftp;

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::messages::{DeployProblem, Lang};

static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// The language of deploy's messages (set once by the command).
pub fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

/// A deploy problem as an `io::Error` of `kind`, in the language of messages.
pub fn problem(kind: io::ErrorKind, p: DeployProblem) -> io::Error {
    io::Error::new(
        kind,
        crate::messages::deploy_problem(LANG.get().copied().unwrap_or_default(), &p),
    )
}

/// Every unit's own `deploy:` address must be one lantoa can use: a known scheme, a host, no
/// password, no `..`. Located at the file only: the line's excerpt would print a password back.
pub fn validate(project: &crate::load::Project) -> Vec<crate::diagnostics::Diagnostic> {
    project
        .sites
        .iter()
        .filter_map(|site| {
            let d = site.config.deploy.as_ref()?;
            Target::parse(d, &site.id).err()?;
            Some(crate::diagnostics::Diagnostic::error(
                &site.file,
                0,
                crate::messages::Problem::BadValue {
                    field: "deploy".into(),
                    value: redact(d),
                    expected:
                        "file:///srv/www/{site}/, sftp://user@host/path/, ftps://user@host/path/, \
                               ftp://user@host/path/ (no password: LANTOA_DEPLOY_PASSWORD)"
                            .into(),
                },
            ))
        })
        .collect()
}

fn bad(url: &str, why: &'static str) -> String {
    crate::messages::deploy_problem(
        LANG.get().copied().unwrap_or_default(),
        &DeployProblem::BadAddress {
            url: url.to_string(),
            why,
        },
    )
}

/// The file on the target listing what lantoa deployed there.
pub const DEPLOYED: &str = ".lantoa-deployed";

/// What a target must do. Paths are relative to the site's folder on the target, with `/`.
pub trait Remote {
    /// The deployed manifest, or `None` when there is none (a first deploy).
    fn read_deployed(&mut self) -> io::Result<Option<Vec<u8>>>;
    /// Writes `bytes` at `rel` under a temporary name beside it, then renames it over `rel`
    /// (creating the folders on the way).
    fn put(&mut self, rel: &str, bytes: &[u8]) -> io::Result<()>;
    /// Removes the file `rel` (a missing file is not an error).
    fn remove(&mut self, rel: &str) -> io::Result<()>;
    /// Removes the folder `rel` if it is empty (never an error).
    fn remove_dir_if_empty(&mut self, rel: &str);
}

/// A target address: `file:///srv/www/{site}/` (or an absolute path), `sftp://user@host[:port]/path/`,
/// `ftps://user@host[:port]/path/` (FTP with explicit TLS), `ftp://user@host[:port]/path/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Local(PathBuf),
    Sftp(RemoteUrl),
    Ftps(RemoteUrl),
    Ftp(RemoteUrl),
}

/// The parts of an `sftp://`, `ftp://` or `ftps://` address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteUrl {
    pub user: String,
    pub host: String,
    pub port: Option<u16>,
    /// The folder on the host, ending in `/`.
    pub path: String,
}

impl Target {
    /// Parses a target address, `{site}` replaced by `site`. A password in the address is
    /// refused: credentials come from the environment.
    pub fn parse(pattern: &str, site: &str) -> Result<Target, String> {
        let url = pattern.trim().replace("{site}", site);
        if url.starts_with('/') {
            return Ok(Target::Local(PathBuf::from(url)));
        }
        let (scheme, rest) = url
            .split_once("://")
            .ok_or_else(|| bad(&url, "no scheme"))?;
        if scheme == "file" {
            if !rest.starts_with('/') {
                return Err(bad(&url, "file:// needs an absolute path"));
            }
            return Ok(Target::Local(PathBuf::from(rest)));
        }
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        let (user, hostport) = match authority.rsplit_once('@') {
            Some((u, h)) => (u, h),
            None => ("", authority),
        };
        if user.contains(':') {
            return Err(crate::messages::deploy_problem(
                LANG.get().copied().unwrap_or_default(),
                &DeployProblem::PasswordInAddress {
                    scheme: scheme.to_string(),
                    user: user.split(':').next().unwrap_or("").to_string(),
                },
            ));
        }
        let (host, port) = split_port(hostport).ok_or_else(|| bad(&url, "port"))?;
        if host.is_empty() {
            return Err(bad(&url, "no host"));
        }
        if path.split('/').any(|s| s == "..") {
            return Err(bad(&url, "`..` in the path"));
        }
        let mut path = path.to_string();
        if !path.ends_with('/') {
            path.push('/');
        }
        let remote = RemoteUrl {
            user: user.to_string(),
            host: host.to_string(),
            port,
            path,
        };
        match scheme {
            "sftp" | "ssh" => Ok(Target::Sftp(remote)),
            "ftps" => Ok(Target::Ftps(remote)),
            "ftp" => Ok(Target::Ftp(remote)),
            _ => Err(bad(&url, "unknown scheme")),
        }
    }

    /// The address as printed (it never holds a credential).
    pub fn display(&self) -> String {
        match self {
            Target::Local(p) => format!("file://{}", p.display()),
            Target::Sftp(r) => r.display("sftp"),
            Target::Ftps(r) => r.display("ftps"),
            Target::Ftp(r) => r.display("ftp"),
        }
    }
}

impl RemoteUrl {
    fn display(&self, scheme: &str) -> String {
        let user = if self.user.is_empty() {
            String::new()
        } else {
            format!("{}@", self.user)
        };
        let port = self.port.map(|p| format!(":{p}")).unwrap_or_default();
        format!("{scheme}://{user}{}{port}{}", self.host, self.path)
    }
}

fn split_port(hostport: &str) -> Option<(&str, Option<u16>)> {
    if let Some(rest) = hostport.strip_prefix('[') {
        let (host, after) = rest.split_once(']')?;
        return match after.strip_prefix(':') {
            Some(p) => Some((host, Some(p.parse().ok()?))),
            None if after.is_empty() => Some((host, None)),
            None => None,
        };
    }
    match hostport.rsplit_once(':') {
        Some((h, p)) => Some((h, Some(p.parse().ok()?))),
        None => Some((hostport, None)),
    }
}

/// An address with any password in it replaced by `…` (for messages).
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let end = rest.find('/').unwrap_or(rest.len());
    match rest[..end].rsplit_once('@') {
        Some((user, host)) if user.contains(':') => format!(
            "{scheme}://{}:…@{host}{}",
            user.split(':').next().unwrap_or(""),
            &rest[end..]
        ),
        _ => url.to_string(),
    }
}

/// A credential from the environment: `NAME_<SITE>` (the site id upper-cased, `-` → `_`),
/// then `NAME`, each either the value itself or, with `_FILE`, a file holding it.
pub fn credential(name: &str, site: &str) -> Option<String> {
    let site_var = format!("{name}_{}", site.to_ascii_uppercase().replace('-', "_"));
    for var in [site_var.as_str(), name] {
        if let Ok(v) = std::env::var(var)
            && !v.is_empty()
        {
            return Some(v);
        }
        if let Ok(file) = std::env::var(format!("{var}_FILE"))
            && let Ok(text) = std::fs::read_to_string(&file)
        {
            return Some(text.trim_end_matches(['\n', '\r']).to_string());
        }
    }
    None
}

/// The files of a site as built: path relative to the site's folder → SHA-256 (hex).
pub fn site_files(public: &Path, site: &str) -> io::Result<BTreeMap<String, String>> {
    let manifest = std::fs::read_to_string(public.join(crate::output::MANIFEST))?;
    let prefix = format!("{site}/");
    let mut files = BTreeMap::new();
    for line in manifest.lines() {
        let Some(rel) = line.strip_prefix(&prefix) else {
            continue;
        };
        let path = public.join(line);
        let meta = std::fs::symlink_metadata(&path)?;
        if !meta.is_file() || rel.is_empty() || rel == DEPLOYED {
            continue;
        }
        files.insert(rel.to_string(), hash(&std::fs::read(&path)?));
    }
    Ok(files)
}

pub fn hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Parses a deployed manifest (`hash  path` per line; anything else is ignored).
pub fn parse_deployed(bytes: &[u8]) -> BTreeMap<String, String> {
    String::from_utf8_lossy(bytes)
        .lines()
        .filter_map(|l| l.split_once("  "))
        .filter(|(h, p)| h.len() == 64 && safe_rel(p))
        .map(|(h, p)| (p.to_string(), h.to_string()))
        .collect()
}

fn render_deployed(files: &BTreeMap<String, String>) -> Vec<u8> {
    files
        .iter()
        .map(|(p, h)| format!("{h}  {p}\n"))
        .collect::<String>()
        .into_bytes()
}

/// A plain relative path: no `..`, no empty or `.` segment, no leading `/`, no backslash.
pub fn safe_rel(p: &str) -> bool {
    !p.is_empty()
        && !p.contains('\\')
        && !p.contains('\0')
        && p.split('/').all(|s| !s.is_empty() && s != "." && s != "..")
}

/// What a deploy did to one site.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SiteDeploy {
    pub id: String,
    /// The target address (never with a credential).
    pub target: String,
    pub sent: usize,
    pub removed: usize,
    pub unchanged: usize,
    pub failed: usize,
    /// Why the site (or some of its files) could not be deployed.
    pub error: Option<String>,
    /// The paths sent and removed (for `--dry-run` and the JSON report).
    pub sent_paths: Vec<String>,
    pub removed_paths: Vec<String>,
}

/// Deploys `files` (path → hash, read from `public/<id>/`) to `remote`. With `dry_run` only
/// the deployed manifest is read.
pub fn deploy_site(
    remote: &mut dyn Remote,
    site_dir: &Path,
    files: &BTreeMap<String, String>,
    dry_run: bool,
    report: &mut SiteDeploy,
) -> io::Result<()> {
    let old = remote
        .read_deployed()?
        .map(|b| parse_deployed(&b))
        .unwrap_or_default();
    let send: Vec<&String> = files
        .iter()
        .filter(|(p, h)| old.get(*p) != Some(*h))
        .map(|(p, _)| p)
        .collect();
    let remove: Vec<&String> = old.keys().filter(|p| !files.contains_key(*p)).collect();
    report.unchanged = files.len() - send.len();
    if dry_run {
        report.sent = send.len();
        report.removed = remove.len();
        report.sent_paths = send.into_iter().cloned().collect();
        report.removed_paths = remove.into_iter().cloned().collect();
        return Ok(());
    }
    // What is on the target, as the deployed manifest will say.
    let mut now = old.clone();
    let mut first_error: Option<io::Error> = None;
    for rel in send {
        let result = std::fs::read(site_dir.join(rel)).and_then(|bytes| {
            // The bytes sent are the bytes hashed: a file changed since is hashed again.
            let h = hash(&bytes);
            remote.put(rel, &bytes).map(|()| h)
        });
        match result {
            Ok(h) => {
                now.insert(rel.clone(), h);
                report.sent += 1;
                report.sent_paths.push(rel.clone());
            }
            Err(e) => {
                report.failed += 1;
                if is_connection_lost(&e) {
                    first_error.get_or_insert(e);
                    break;
                }
                first_error.get_or_insert(io::Error::new(e.kind(), format!("{rel}: {e}")));
            }
        }
    }
    if first_error.as_ref().is_none_or(|e| !is_connection_lost(e)) {
        for rel in remove {
            match remote.remove(rel) {
                Ok(()) => {
                    now.remove(rel.as_str());
                    report.removed += 1;
                    report.removed_paths.push(rel.clone());
                    let mut dir = rel.as_str();
                    while let Some((parent, _)) = dir.rsplit_once('/') {
                        remote.remove_dir_if_empty(parent);
                        dir = parent;
                    }
                }
                Err(e) => {
                    report.failed += 1;
                    first_error.get_or_insert(io::Error::new(e.kind(), format!("{rel}: {e}")));
                }
            }
        }
    }
    let written = remote.put(DEPLOYED, &render_deployed(&now));
    match (first_error, written) {
        (Some(e), _) | (None, Err(e)) => Err(e),
        (None, Ok(())) => Ok(()),
    }
}

fn is_connection_lost(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::BrokenPipe
            | io::ErrorKind::NotConnected
            | io::ErrorKind::TimedOut
    )
}

/// The deploy address of each site: its `site.yaml`'s `deploy:`, else the network's `deploy:`
/// pattern; `None` when neither says.
#[derive(Debug, Deserialize, Default)]
struct DeployFields {
    #[serde(default)]
    deploy: Option<String>,
    #[serde(default)]
    base_url: Option<String>,
    #[serde(default)]
    language: Option<String>,
}

fn read_fields(path: &Path) -> DeployFields {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|t| serde_saphyr::from_str::<DeployFields>(&t).ok())
        .unwrap_or_default()
}

/// What `deploy` and `server-config` read from the content: the network's language, and per
/// site its deploy pattern and base URL. Read leniently (only these fields), so a site kept
/// by problems elsewhere in its `site.yaml` still has its address.
pub struct Addresses {
    pub language: Option<String>,
    network_deploy: Option<String>,
    network_base: String,
    root: PathBuf,
}

impl Addresses {
    pub fn read(root: &Path) -> Addresses {
        let n = read_fields(&root.join("content/network.yaml"));
        Addresses {
            language: n.language,
            network_deploy: n.deploy,
            network_base: n
                .base_url
                .unwrap_or_else(|| "https://{site}.example.edu.vn/".into()),
            root: root.to_path_buf(),
        }
    }

    fn site(&self, id: &str) -> DeployFields {
        read_fields(&self.root.join("content/sites").join(id).join("site.yaml"))
    }

    /// The deploy address of `id` (`{site}` not yet replaced).
    pub fn deploy(&self, id: &str) -> Option<String> {
        self.site(id).deploy.or_else(|| self.network_deploy.clone())
    }

    /// The base URL of `id`, ending in `/`.
    pub fn base_url(&self, id: &str) -> String {
        let mut url = self
            .site(id)
            .base_url
            .unwrap_or_else(|| self.network_base.replace("{site}", id));
        if !url.ends_with('/') {
            url.push('/');
        }
        url
    }

    /// Every unit id (`content/sites/<id>/site.yaml`), sorted.
    pub fn site_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = std::fs::read_dir(self.root.join("content/sites"))
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.path().join("site.yaml").is_file())
            .filter_map(|e| e.file_name().to_str().map(str::to_string))
            .collect();
        ids.sort();
        ids
    }
}

/// Connects to `target` for `site` and deploys. Warnings (plain FTP) go to `warn`.
pub fn deploy_to(
    target: &Target,
    site: &str,
    site_dir: &Path,
    files: &BTreeMap<String, String>,
    dry_run: bool,
    report: &mut SiteDeploy,
) -> io::Result<()> {
    match target {
        Target::Local(dir) => {
            let mut remote = local::Local::new(dir.clone(), dry_run)?;
            deploy_site(&mut remote, site_dir, files, dry_run, report)
        }
        Target::Sftp(url) => {
            let mut remote = sftp::Sftp::connect(url, site)?;
            let r = deploy_site(&mut remote, site_dir, files, dry_run, report);
            remote.close();
            r
        }
        Target::Ftps(url) | Target::Ftp(url) => {
            let tls = matches!(target, Target::Ftps(_));
            let mut remote = ftp::Ftp::connect(url, site, tls)?;
            let r = deploy_site(&mut remote, site_dir, files, dry_run, report);
            remote.close();
            r
        }
    }
}

/// Splits `rel` into its folder (maybe empty) and file name.
pub fn split(rel: &str) -> (&str, &str) {
    rel.rsplit_once('/').unwrap_or(("", rel))
}

/// The temporary name `rel` is uploaded under: `.<name>.lantoa-tmp` in the same folder.
pub fn temp_name(rel: &str) -> String {
    let (dir, name) = split(rel);
    if dir.is_empty() {
        format!(".{name}.lantoa-tmp")
    } else {
        format!("{dir}/.{name}.lantoa-tmp")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_parsed_and_passwords_in_addresses_refused() {
        assert_eq!(
            Target::parse("file:///srv/www/{site}/", "a").unwrap(),
            Target::Local("/srv/www/a/".into())
        );
        let Target::Sftp(r) =
            Target::parse("sftp://deploy@web.example.edu.vn:2222/srv/{site}", "b").unwrap()
        else {
            panic!()
        };
        assert_eq!(
            (r.user.as_str(), r.host.as_str(), r.port, r.path.as_str()),
            ("deploy", "web.example.edu.vn", Some(2222), "/srv/b/")
        );
        assert!(matches!(
            Target::parse("ftps://u@h/x/", "a"),
            Ok(Target::Ftps(_))
        ));
        let err = Target::parse("ftp://u:secret@h/x/", "a").unwrap_err();
        assert!(!err.contains("secret"), "{err}");
        assert_eq!(redact("ftp://u:secret@h/x/"), "ftp://u:…@h/x/");
        assert_eq!(redact("sftp://u@h/x/"), "sftp://u@h/x/");
        assert!(Target::parse("http://h/", "a").is_err());
        assert!(Target::parse("sftp://h/a/../b", "a").is_err());
    }

    #[test]
    fn deployed_manifests_round_trip_and_ignore_unsafe_paths() {
        let mut m = BTreeMap::new();
        m.insert("index.html".to_string(), hash(b"x"));
        m.insert("a/b.css".to_string(), hash(b"y"));
        assert_eq!(parse_deployed(&render_deployed(&m)), m);
        let evil = format!("{}  ../../etc/passwd\n{}  /etc/x\n", hash(b"1"), hash(b"2"));
        assert!(parse_deployed(evil.as_bytes()).is_empty());
    }
}
