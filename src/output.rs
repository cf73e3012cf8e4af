//! The write stage: every file goes into a staging folder beside the output, which is swapped
//! in only when everything was written, so a failed build leaves the last good output as it
//! was. A manifest (`.lantoa-manifest`) lists what lantoa wrote; files it did not write are
//! carried over, never deleted, and a folder that is not lantoa's is refused.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

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

/// What to write: `(path relative to the output, data)`; `keep` says which old generated
/// paths to carry over (a build of some sites keeps the other sites' folders).
pub struct Plan<'a> {
    pub files: Vec<(String, &'a FileData)>,
    pub keep: &'a dyn Fn(&str) -> bool,
}

/// Writes `plan` into `<out>` atomically. Returns the number of files written.
pub fn write_atomically(out: &Path, plan: &Plan) -> io::Result<usize> {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "public".into());
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(parent)?;
    let staging = parent.join(format!(".{name}.staging-{}", std::process::id()));
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    let result = fill_staging(out, &staging, plan);
    if let Err(e) = result {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    if out.exists() {
        fs::rename(out, &old)?;
    }
    if let Err(e) = fs::rename(&staging, out) {
        // Put the previous output back.
        if old.exists() {
            let _ = fs::rename(&old, out);
        }
        return Err(e);
    }
    if old.exists() {
        fs::remove_dir_all(&old)?;
    }
    Ok(plan.files.len())
}

fn fill_staging(out: &Path, staging: &Path, plan: &Plan) -> io::Result<()> {
    fs::create_dir_all(staging)?;
    // Folders first (once each), then every file in parallel.
    let dirs: BTreeSet<&Path> = plan
        .files
        .iter()
        .filter_map(|(rel, _)| Path::new(rel).parent())
        .collect();
    for dir in dirs {
        fs::create_dir_all(staging.join(dir))?;
    }
    plan.files
        .par_iter()
        .try_for_each(|(rel, data)| -> io::Result<()> {
            let dest = staging.join(rel);
            match data {
                FileData::Bytes(b) => fs::write(&dest, b),
                FileData::Copy(src) => fs::copy(src, &dest).map(|_| ()),
            }
        })?;
    let mut written: BTreeSet<String> = plan.files.iter().map(|(rel, _)| rel.clone()).collect();
    // Carry over what the previous output holds and this build does not replace.
    let old_manifest = read_manifest(out);
    if out.is_dir() {
        for entry in walkdir::WalkDir::new(out)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
        {
            let Ok(rel) = entry.path().strip_prefix(out) else {
                continue;
            };
            let rel = rel.to_string_lossy().replace('\\', "/");
            if rel == MANIFEST || written.contains(&rel) {
                continue;
            }
            let ours = old_manifest.contains(&rel);
            if ours && !(plan.keep)(&rel) {
                continue; // a file we generated before and no longer generate
            }
            let dest = staging.join(&rel);
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
    fs::write(staging.join(MANIFEST), manifest)
}

fn read_manifest(out: &Path) -> BTreeSet<String> {
    fs::read_to_string(out.join(MANIFEST))
        .map(|t| t.lines().map(str::to_string).collect())
        .unwrap_or_default()
}
