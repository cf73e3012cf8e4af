//! A local folder as a deploy target (a web server on the CI machine): each file written
//! under a temporary name beside its place, then renamed over it (atomic on one filesystem).

use std::fs;
use std::io::{self, Write};
use std::path::PathBuf;

use super::{Remote, temp_name};

pub struct Local {
    dir: PathBuf,
}

impl Local {
    /// The folder is created when missing (not in a dry run).
    pub fn new(dir: PathBuf, dry_run: bool) -> io::Result<Local> {
        if !dry_run {
            fs::create_dir_all(&dir)?;
        }
        Ok(Local { dir })
    }
}

impl Remote for Local {
    fn read_deployed(&mut self) -> io::Result<Option<Vec<u8>>> {
        match fs::read(self.dir.join(super::DEPLOYED)) {
            Ok(b) => Ok(Some(b)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn put(&mut self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let dest = self.dir.join(rel);
        if let Some(parent) = dest.parent() {
            fs::create_dir_all(parent)?;
        }
        let tmp = self.dir.join(temp_name(rel));
        let result = (|| {
            let mut f = fs::File::create(&tmp)?;
            f.write_all(bytes)?;
            f.sync_all()?;
            fs::rename(&tmp, &dest)
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        result
    }

    fn remove(&mut self, rel: &str) -> io::Result<()> {
        match fs::remove_file(self.dir.join(rel)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    fn remove_dir_if_empty(&mut self, rel: &str) {
        let _ = fs::remove_dir(self.dir.join(rel)); // fails unless empty
    }
}
