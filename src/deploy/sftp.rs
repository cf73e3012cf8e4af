//! SFTP over SSH (`ssh2`, libssh2). The host key is checked against `known_hosts`
//! (`LANTOA_DEPLOY_KNOWN_HOSTS`, default `~/.ssh/known_hosts`): an unknown or different key
//! refuses the host. The user's key comes from the file named by `LANTOA_DEPLOY_SSH_KEY`
//! (its passphrase from `LANTOA_DEPLOY_SSH_PASSPHRASE`), else from the SSH agent.
//!
//! OpenSSH's SFTP server (protocol 3) refuses to rename over an existing file, so a changed
//! file is uploaded as `.<name>.lantoa-tmp`; then the old file is moved aside and the new one
//! renamed in (two renames: a reader gets the old file or the new one, never half a page).

use std::io::{self, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::time::Duration;

use ssh2::{CheckResult, KnownHostFileKind, RenameFlags, Session};

use super::{Remote, RemoteUrl, credential, problem, temp_name};
use crate::messages::DeployProblem;

pub struct Sftp {
    session: Session,
    sftp: ssh2::Sftp,
    base: String,
    /// Folders known to exist (one round trip per folder, not per file).
    made: std::collections::HashSet<String>,
}

fn err(e: ssh2::Error) -> io::Error {
    io::Error::other(e.message().to_string())
}

impl Sftp {
    pub fn connect(url: &RemoteUrl, site: &str) -> io::Result<Sftp> {
        let port = url.port.unwrap_or(22);
        let addr = (url.host.as_str(), port)
            .to_socket_addrs()?
            .next()
            .ok_or_else(|| io::Error::other(format!("{}: no address", url.host)))?;
        let tcp = TcpStream::connect_timeout(&addr, Duration::from_secs(15))?;
        let mut session = Session::new().map_err(err)?;
        session.set_timeout(60_000);
        session.set_tcp_stream(tcp);
        session.handshake().map_err(err)?;

        let known_hosts = std::env::var_os("LANTOA_DEPLOY_KNOWN_HOSTS")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".ssh/known_hosts")))
            .ok_or_else(|| io::Error::other("no known_hosts file (LANTOA_DEPLOY_KNOWN_HOSTS)"))?;
        let mut kh = session.known_hosts().map_err(err)?;
        kh.read_file(&known_hosts, KnownHostFileKind::OpenSSH)
            .map_err(|e| {
                problem(
                    io::ErrorKind::NotFound,
                    DeployProblem::KnownHostsUnreadable {
                        file: known_hosts.display().to_string(),
                        detail: e.message().to_string(),
                    },
                )
            })?;
        let (key, _) = session
            .host_key()
            .ok_or_else(|| io::Error::other("the host sent no key"))?;
        let (host, file) = (url.host.clone(), known_hosts.display().to_string());
        match kh.check_port(&url.host, port, key) {
            CheckResult::Match => {}
            CheckResult::Mismatch => {
                return Err(problem(
                    io::ErrorKind::PermissionDenied,
                    DeployProblem::HostKeyChanged { host, port, file },
                ));
            }
            CheckResult::NotFound | CheckResult::Failure => {
                return Err(problem(
                    io::ErrorKind::PermissionDenied,
                    DeployProblem::HostNotKnown { host, port, file },
                ));
            }
        }

        let user = if url.user.is_empty() {
            std::env::var("USER").unwrap_or_else(|_| "root".into())
        } else {
            url.user.clone()
        };
        match std::env::var_os("LANTOA_DEPLOY_SSH_KEY") {
            Some(key) => {
                let passphrase = credential("LANTOA_DEPLOY_SSH_PASSPHRASE", site);
                session
                    .userauth_pubkey_file(&user, None, Path::new(&key), passphrase.as_deref())
                    .map_err(|e| {
                        problem(
                            io::ErrorKind::PermissionDenied,
                            DeployProblem::KeyRefused {
                                user: user.clone(),
                                detail: e.message().to_string(),
                            },
                        )
                    })?;
            }
            None => session.userauth_agent(&user).map_err(|e| {
                io::Error::new(
                    io::ErrorKind::PermissionDenied,
                    format!(
                        "no SSH key accepted from the agent for {user}: {}",
                        e.message()
                    ),
                )
            })?,
        }
        if !session.authenticated() {
            return Err(problem(
                io::ErrorKind::PermissionDenied,
                DeployProblem::KeyRefused {
                    user,
                    detail: "not authenticated".into(),
                },
            ));
        }
        let sftp = session.sftp().map_err(err)?;
        let base = url.path.clone();
        let mut this = Sftp {
            session,
            sftp,
            base,
            made: Default::default(),
        };
        let base = this.base.trim_end_matches('/').to_string();
        this.mkdirs(&base)?;
        Ok(this)
    }

    fn path(&self, rel: &str) -> PathBuf {
        PathBuf::from(format!("{}{rel}", self.base))
    }

    fn mkdirs(&mut self, abs: &str) -> io::Result<()> {
        if self.made.contains(abs) {
            return Ok(());
        }
        let mut at = String::new();
        for seg in abs.split('/').filter(|s| !s.is_empty()) {
            at.push('/');
            at.push_str(seg);
            if self.made.contains(&at) {
                continue;
            }
            let p = Path::new(&at);
            if self.sftp.stat(p).is_err() {
                self.sftp.mkdir(p, 0o755).or_else(|e| {
                    // Made meanwhile, or it exists and stat was refused: check again.
                    self.sftp.stat(p).map(|_| ()).map_err(|_| err(e))
                })?;
            }
            self.made.insert(at.clone());
        }
        Ok(())
    }

    pub fn close(self) {
        let _ = self.session.disconnect(None, "done", None);
    }
}

impl Remote for Sftp {
    fn read_deployed(&mut self) -> io::Result<Option<Vec<u8>>> {
        match self.sftp.open(self.path(super::DEPLOYED)) {
            Ok(mut f) => {
                let mut bytes = Vec::new();
                f.read_to_end(&mut bytes)?;
                Ok(Some(bytes))
            }
            Err(e) if e.code() == ssh2::ErrorCode::SFTP(2) => Ok(None), // no such file
            Err(e) => Err(err(e)),
        }
    }

    fn put(&mut self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let (dir, _) = super::split(rel);
        if !dir.is_empty() {
            let d = format!("{}{dir}", self.base);
            self.mkdirs(&d)?;
        }
        let tmp = self.path(&temp_name(rel));
        let dest = self.path(rel);
        {
            let mut f = self.sftp.create(&tmp).map_err(err)?;
            f.write_all(bytes)?;
            f.close().map_err(err)?;
        }
        let flags = Some(RenameFlags::OVERWRITE | RenameFlags::ATOMIC | RenameFlags::NATIVE);
        if self.sftp.rename(&tmp, &dest, flags).is_ok() {
            return Ok(());
        }
        // The server does not rename over a file: move the old one aside first.
        let aside = self.path(&format!("{}.old", temp_name(rel)));
        let _ = self.sftp.unlink(&aside);
        let moved = self.sftp.rename(&dest, &aside, None).is_ok();
        match self.sftp.rename(&tmp, &dest, None) {
            Ok(()) => {
                if moved {
                    let _ = self.sftp.unlink(&aside);
                }
                Ok(())
            }
            Err(e) => {
                if moved {
                    let _ = self.sftp.rename(&aside, &dest, None);
                }
                let _ = self.sftp.unlink(&tmp);
                Err(err(e))
            }
        }
    }

    fn remove(&mut self, rel: &str) -> io::Result<()> {
        match self.sftp.unlink(&self.path(rel)) {
            Ok(()) => Ok(()),
            Err(e) if e.code() == ssh2::ErrorCode::SFTP(2) => Ok(()),
            Err(e) => Err(err(e)),
        }
    }

    fn remove_dir_if_empty(&mut self, rel: &str) {
        if self.sftp.rmdir(&self.path(rel)).is_ok() {
            let gone = format!("{}{rel}", self.base);
            self.made
                .retain(|d| d != &gone && !d.starts_with(&format!("{gone}/")));
        }
    }
}
