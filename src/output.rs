//! The write stage: every file goes into a staging folder beside the output, which is swapped
//! in only when everything was written, so a failed build leaves the last good output as it
//! was. A manifest (`.lantoa-manifest`) lists what lantoa wrote; files it did not write are
//! carried over, never deleted, and a folder that is not lantoa's is refused.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::messages::Problem;
use crate::render::FileData;

pub const MANIFEST: &str = ".lantoa-manifest";

/// Refuses output folders whose replacement would destroy the project or the user's files.
pub fn check_output_dir(out: &Path, project: &Path) -> Result<(), Diagnostic> {
    let abs = absolute(out);
    let project = absolute(project);
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .map(|h| absolute(&h));
    let forbidden = abs.parent().is_none()
        || project.starts_with(&abs)
        || abs == project.join("content")
        || abs.starts_with(project.join("content"))
        || abs == project.join("themes")
        || abs.starts_with(project.join("themes"))
        || abs == project.join("src")
        || home.as_ref().is_some_and(|h| &abs == h);
    if forbidden {
        return Err(Diagnostic::error(
            out,
            0,
            Problem::OutputRefused {
                path: out.display().to_string(),
            },
        ));
    }
    if abs.exists() && !abs.join(MANIFEST).exists() {
        let empty = fs::read_dir(&abs)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty || !abs.is_dir() {
            return Err(Diagnostic::error(
                out,
                0,
                Problem::OutputNotOurs {
                    path: out.display().to_string(),
                },
            ));
        }
    }
    Ok(())
}

/// Lexically absolute, with `.` and `..` removed (the folder may not exist yet).
fn absolute(p: &Path) -> PathBuf {
    let base = if p.is_absolute() {
        PathBuf::new()
    } else {
        std::env::current_dir().unwrap_or_default()
    };
    let mut out = PathBuf::new();
    for c in base.join(p).components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    fs::canonicalize(&out).unwrap_or(out)
}

/// A staging folder beside the output. Sites are written into it as soon as they are rendered
/// (so a province's output never has to fit in memory), then `commit` carries over what must
/// be kept and swaps it in. Dropped without `commit` (a failed build), it is removed and the
/// previous output is untouched.
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    written: Mutex<BTreeSet<String>>,
    committed: bool,
}

impl Staging {
    pub fn begin(out: &Path) -> io::Result<Staging> {
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| "public".into());
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(parent)?;
        remove_stale(parent, &name);
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir)?;
        }
        fs::create_dir_all(&dir)?;
        Ok(Staging {
            out: out.to_path_buf(),
            dir,
            written: Mutex::new(BTreeSet::new()),
            committed: false,
        })
    }

    /// Writes files (paths relative to the output, under `prefix`), in parallel.
    pub fn write<'f>(
        &self,
        prefix: &str,
        files: impl IntoIterator<Item = (&'f String, &'f FileData)>,
    ) -> io::Result<usize> {
        let files: Vec<(String, &FileData)> = files
            .into_iter()
            .map(|(p, d)| (format!("{prefix}{p}"), d))
            .collect();
        let dirs: BTreeSet<&Path> = files
            .iter()
            .filter_map(|(rel, _)| Path::new(rel).parent())
            .collect();
        for dir in dirs {
            fs::create_dir_all(self.dir.join(dir))?;
        }
        files
            .par_iter()
            .try_for_each(|(rel, data)| -> io::Result<()> {
                let dest = self.dir.join(rel);
                match data {
                    FileData::Bytes(b) => fs::write(&dest, b),
                    FileData::Copy(src) => fs::copy(src, &dest).map(|_| ()),
                }
            })?;
        let n = files.len();
        self.written
            .lock()
            .expect("staging lock")
            .extend(files.into_iter().map(|(rel, _)| rel));
        Ok(n)
    }

    /// Carries over what the previous output holds and this build does not replace (files lantoa
    /// did not write always; its own files where `keep` says so), writes the manifest, and swaps
    /// the staging folder in. Returns the number of files written by this build.
    pub fn commit(mut self, keep: &dyn Fn(&str) -> bool) -> io::Result<usize> {
        let mut written = std::mem::take(&mut *self.written.lock().expect("staging lock"));
        let count = written.len();
        let old_manifest = read_manifest(&self.out);
        if self.out.is_dir() {
            for entry in walkdir::WalkDir::new(&self.out)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
            {
                let Ok(rel) = entry.path().strip_prefix(&self.out) else {
                    continue;
                };
                let rel = rel.to_string_lossy().replace('\\', "/");
                if rel == MANIFEST || written.contains(&rel) {
                    continue;
                }
                let ours = old_manifest.contains(&rel);
                if ours && !keep(&rel) {
                    continue; // a file we generated before and no longer generate
                }
                let dest = self.dir.join(&rel);
                if let Some(dir) = dest.parent() {
                    fs::create_dir_all(dir)?;
                }
                if fs::hard_link(entry.path(), &dest).is_err() {
                    fs::copy(entry.path(), &dest)?;
                }
                if ours {
                    written.insert(rel);
                }
            }
        }
        let manifest: String = written.iter().map(|p| format!("{p}\n")).collect();
        fs::write(self.dir.join(MANIFEST), manifest)?;
        let parent = self.dir.parent().unwrap_or(Path::new(".")).to_path_buf();
        let name = self
            .out
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let old = parent.join(format!(".{name}.old-{}", std::process::id()));
        if self.out.exists() {
            fs::rename(&self.out, &old)?;
        }
        if let Err(e) = fs::rename(&self.dir, &self.out) {
            if old.exists() {
                let _ = fs::rename(&old, &self.out); // put the previous output back
            }
            return Err(e);
        }
        self.committed = true;
        if old.exists() {
            fs::remove_dir_all(&old)?;
        }
        Ok(count)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Staging and old folders left by a build that was killed (older than an hour): they only
/// ever hold copies of generated files.
fn remove_stale(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for e in entries.filter_map(Result::ok) {
        let file_name = e.file_name().to_string_lossy().to_string();
        let ours = file_name.starts_with(&format!(".{name}.staging-"))
            || file_name.starts_with(&format!(".{name}.old-"));
        let stale = e
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t < hour_ago);
        if ours && stale && e.path().is_dir() {
            let _ = fs::remove_dir_all(e.path());
        }
    }
}

fn read_manifest(out: &Path) -> BTreeSet<String> {
    fs::read_to_string(out.join(MANIFEST))
        .map(|t| t.lines().map(str::to_string).collect())
        .unwrap_or_default()
}
