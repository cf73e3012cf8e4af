//! FTP with explicit TLS (`ftps://`: `AUTH TLS`, then the control and data connections
//! encrypted; the certificate checked against the web's roots plus `LANTOA_DEPLOY_CA_FILE`),
//! and plain FTP (`ftp://`, only when a host offers nothing else: `deploy` warns that the
//! password and the files cross the network in clear). `suppaftp` with `rustls` (ring).
//! The user is in the address; the password comes from `LANTOA_DEPLOY_PASSWORD` (or
//! `LANTOA_DEPLOY_PASSWORD_<SITE>`, or the `_FILE` variants naming a file that holds it).
//! Each file is stored as `.<name>.lantoa-tmp` and renamed (`RNFR`/`RNTO`) over the old one.

use std::io::{self, Cursor};
use std::net::ToSocketAddrs;
use std::sync::Arc;
use std::time::Duration;

use suppaftp::types::FileType;
use suppaftp::{FtpError, FtpStream, RustlsConnector, RustlsFtpStream};

use super::{Remote, RemoteUrl, credential, problem, temp_name};
use crate::messages::DeployProblem;

enum Conn {
    Plain(FtpStream),
    Tls(RustlsFtpStream),
}

macro_rules! with {
    ($self:expr, $s:ident => $e:expr) => {
        match &mut $self.conn {
            Conn::Plain($s) => $e,
            Conn::Tls($s) => $e,
        }
    };
}

pub struct Ftp {
    conn: Conn,
    base: String,
    /// Folders made or known to exist (one `MKD` per folder, not per file).
    made: std::collections::HashSet<String>,
}

fn err(e: FtpError) -> io::Error {
    match e {
        FtpError::ConnectionError(e) => e,
        other => io::Error::other(other.to_string()),
    }
}

fn not_found(e: &FtpError) -> bool {
    matches!(e, FtpError::UnexpectedResponse(r) if r.status.code() == 550)
}

fn tls_config() -> io::Result<Arc<rustls::ClientConfig>> {
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    if let Some(file) = std::env::var_os("LANTOA_DEPLOY_CA_FILE") {
        use rustls::pki_types::{CertificateDer, pem::PemObject};
        let certs = CertificateDer::pem_file_iter(&file)
            .map_err(|e| io::Error::other(format!("LANTOA_DEPLOY_CA_FILE: {e}")))?;
        for cert in certs {
            let cert = cert.map_err(|e| io::Error::other(format!("LANTOA_DEPLOY_CA_FILE: {e}")))?;
            roots
                .add(cert)
                .map_err(|e| io::Error::other(format!("LANTOA_DEPLOY_CA_FILE: {e}")))?;
        }
    }
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| io::Error::other(e.to_string()))?
    .with_root_certificates(roots)
    .with_no_client_auth();
    Ok(Arc::new(config))
}

impl Ftp {
    pub fn connect(url: &RemoteUrl, site: &str, tls: bool) -> io::Result<Ftp> {
        let port = url.port.unwrap_or(21);
        let addr = (url.host.as_str(), port)
            .to_socket_addrs()?
            .next()
            .ok_or_else(|| io::Error::other(format!("{}: no address", url.host)))?;
        let timeout = Duration::from_secs(15);
        let password = credential("LANTOA_DEPLOY_PASSWORD", site)
            .ok_or_else(|| problem(io::ErrorKind::PermissionDenied, DeployProblem::NoPassword))?;
        let user = if url.user.is_empty() {
            "anonymous"
        } else {
            url.user.as_str()
        };
        let refused = |e: FtpError| {
            problem(
                io::ErrorKind::PermissionDenied,
                DeployProblem::LoginRefused {
                    user: user.to_string(),
                    detail: err(e).to_string(),
                },
            )
        };
        let conn = if tls {
            let s = RustlsFtpStream::connect_timeout(addr, timeout).map_err(err)?;
            let mut s = s
                .into_secure(RustlsConnector::from(tls_config()?), &url.host)
                .map_err(|e| {
                    problem(
                        io::ErrorKind::PermissionDenied,
                        DeployProblem::Tls {
                            detail: err(e).to_string(),
                        },
                    )
                })?;
            s.login(user, password.as_str()).map_err(refused)?;
            s.transfer_type(FileType::Binary).map_err(err)?;
            Conn::Tls(s)
        } else {
            let mut s = FtpStream::connect_timeout(addr, timeout).map_err(err)?;
            s.login(user, password.as_str()).map_err(refused)?;
            s.transfer_type(FileType::Binary).map_err(err)?;
            Conn::Plain(s)
        };
        drop(password);
        let mut this = Ftp {
            conn,
            base: url.path.clone(),
            made: Default::default(),
        };
        let base = this.base.trim_end_matches('/').to_string();
        this.mkdirs(&base)?;
        Ok(this)
    }

    fn path(&self, rel: &str) -> String {
        format!("{}{rel}", self.base)
    }

    fn mkdirs(&mut self, abs: &str) -> io::Result<()> {
        let mut at = String::new();
        for seg in abs.split('/').filter(|s| !s.is_empty()) {
            at.push('/');
            at.push_str(seg);
            if !self.made.insert(at.clone()) {
                continue;
            }
            // Exists already, or made now; an error shows on the upload.
            let _ = with!(self, s => s.mkdir(&at));
        }
        Ok(())
    }

    pub fn close(mut self) {
        let _ = with!(self, s => s.quit());
    }
}

impl Remote for Ftp {
    fn read_deployed(&mut self) -> io::Result<Option<Vec<u8>>> {
        let path = self.path(super::DEPLOYED);
        match with!(self, s => s.retr_as_buffer(&path)) {
            Ok(c) => Ok(Some(c.into_inner())),
            Err(e) if not_found(&e) => Ok(None),
            Err(e) => Err(err(e)),
        }
    }

    fn put(&mut self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let (dir, _) = super::split(rel);
        if !dir.is_empty() {
            let d = self.path(dir);
            self.mkdirs(&d)?;
        }
        let tmp = self.path(&temp_name(rel));
        let dest = self.path(rel);
        with!(self, s => s.put_file(&tmp, &mut Cursor::new(bytes))).map_err(err)?;
        with!(self, s => s.rename(&tmp, &dest)).map_err(|e| {
            let e = err(e);
            let _ = with!(self, s => s.rm(&tmp));
            e
        })
    }

    fn remove(&mut self, rel: &str) -> io::Result<()> {
        let path = self.path(rel);
        match with!(self, s => s.rm(&path)) {
            Ok(()) => Ok(()),
            Err(e) if not_found(&e) => Ok(()),
            Err(e) => Err(err(e)),
        }
    }

    fn remove_dir_if_empty(&mut self, rel: &str) {
        let path = self.path(rel);
        if with!(self, s => s.rmdir(&path)).is_ok() {
            self.made
                .retain(|d| d != &path && !d.starts_with(&format!("{path}/")));
        }
    }
}
