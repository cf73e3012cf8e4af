//! The write stage. The output folder (`public/`) is never lost and never half-written:
//!
//! - **A lock** (`.public.lock`, beside the output) is held from [`Staging::begin`] until the
//!   commit or the failure is done, so two builds into one folder never interleave: the second
//!   one says so once on stderr and waits.
//! - Every file goes into **a staging folder** beside the output (`.public.staging-PID`). The
//!   writer refuses any path that would leave it (`..`, absolute paths, empty components, …).
//! - [`Staging::commit`] **carries over** into the staging folder what the previous output holds
//!   and this build does not replace: every entry lantoa did not write, of every type (files,
//!   symlinks, FIFOs, empty folders), by hard link, so it keeps its type, target and content.
//!   A manifest (`.lantoa-manifest`) lists what lantoa wrote; a folder that is not lantoa's is
//!   refused ([`check_output_dir`]), and a read-only one too ([`check_writable`]), before anything
//!   changes.
//! - **The swap is atomic** on Linux: `renameat2(RENAME_EXCHANGE)` exchanges the staging folder
//!   and the output, so at every instant there is a complete `public/`. Elsewhere (or on a
//!   filesystem without the exchange) two renames, with the old output put back on failure.
//!   The old tree, now at the staging path, is then removed best-effort.
//! - A build that was killed leaves at most a staging or old folder beside the output, never a
//!   missing output; the next build (holding the lock, so they cannot be anyone else's) removes
//!   them when it starts (and, should the output be missing after a fallback swap was killed
//!   between its two renames, puts the old one back first).
//!
//! Any failure before the swap leaves the previous output exactly as it was.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::files::FileData;
use crate::messages::Problem;

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

/// Refuses an output folder that exists but cannot be written into (read-only `public/`, a
/// read-only mount): checked before anything is rendered, so nothing changes.
pub fn check_writable(out: &Path) -> Result<(), Diagnostic> {
    check_writable_with(out, probe_write)
}

/// [`check_writable`] with the probe given, so the refusal can be tested where permissions do
/// not apply (as root).
pub fn check_writable_with(
    out: &Path,
    probe: impl Fn(&Path) -> io::Result<()>,
) -> Result<(), Diagnostic> {
    if !out.is_dir() {
        return Ok(()); // created by the swap; its parent is checked by `Staging::begin`
    }
    probe(out).map_err(|e| {
        Diagnostic::error(
            out,
            0,
            Problem::OutputReadOnly {
                path: out.display().to_string(),
                detail: e.to_string(),
            },
        )
    })
}

/// Creates and removes a file in `dir`: the only test of writability that also holds for
/// read-only mounts and access control lists.
fn probe_write(dir: &Path) -> io::Result<()> {
    let probe = dir.join(format!(".lantoa-write-test-{}", std::process::id()));
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)?;
    fs::remove_file(&probe)
}

/// A staging folder beside the output. Pages are written into it as soon as they are rendered
/// (`write_one`; a site that then fails is removed with `discard`) and the rest of each site
/// once it is (so a province's output never has to fit in memory), then `commit` carries over what must
/// be kept and swaps it in. Dropped without `commit` (a failed build), it is removed and the
/// previous output is untouched. It holds the output's lock for its whole life.
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    /// `dir`, canonical: a `FileData::Copy` source inside it is refused.
    dir_canonical: PathBuf,
    written: Mutex<BTreeSet<String>>,
    committed: bool,
    /// Released when the `Staging` is dropped, after `Drop::drop` has removed the folder.
    _lock: fs::File,
}

impl Staging {
    /// Takes the output's lock (calling `on_wait` once if another build holds it, then
    /// waiting), removes what dead builds left, and creates the staging folder.
    pub fn begin(out: &Path, on_wait: &dyn Fn()) -> io::Result<Staging> {
        let name = out_name(out);
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(parent)?;
        let lock = lock_output(&parent.join(format!(".{name}.lock")), on_wait)?;
        remove_leftovers(parent, &name, out);
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        if fs::symlink_metadata(&dir).is_ok() {
            remove_tree(&dir)?;
        }
        fs::create_dir(&dir)?;
        let dir_canonical = fs::canonicalize(&dir)?;
        Ok(Staging {
            out: out.to_path_buf(),
            dir,
            dir_canonical,
            written: Mutex::new(BTreeSet::new()),
            committed: false,
            _lock: lock,
        })
    }

    /// Writes files (paths relative to the output, under `prefix`), in parallel. A path that is
    /// not a plain relative path (`..`, `.`, empty component, absolute, backslash, NUL, drive
    /// prefix) is refused, and so is a copy whose source is inside the staging folder: nothing
    /// is ever written outside it, nor copied onto itself.
    pub fn write<'f>(
        &self,
        prefix: &str,
        files: impl IntoIterator<Item = (&'f String, &'f FileData)>,
    ) -> io::Result<usize> {
        let files: Vec<(String, &FileData)> = files
            .into_iter()
            .map(|(p, d)| (format!("{prefix}{p}"), d))
            .collect();
        files.par_iter().try_for_each(|(rel, data)| {
            check_relative(rel)?;
            match data {
                FileData::Copy(src) => self.check_source(src, rel),
                FileData::Bytes(_) | FileData::Written(_) => Ok(()),
            }
        })?;
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
                    FileData::Written(_) => Ok(()), // by `write_one`
                }
            })?;
        let n = files.len();
        self.written
            .lock()
            .expect("staging lock")
            .extend(files.into_iter().map(|(rel, _)| rel));
        Ok(n)
    }

    /// Writes one file as soon as it is made (path relative to the output), with the checks
    /// of `write`.
    pub fn write_one(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        check_relative(rel)?;
        let dest = self.dir.join(rel);
        if let Some(dir) = dest.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(&dest, bytes)?;
        self.written
            .lock()
            .expect("staging lock")
            .insert(rel.to_string());
        Ok(())
    }

    /// Removes what was written under `prefix` (a site that failed after some of its pages
    /// were written): `commit` then keeps the site's previous output, as if nothing had been.
    pub fn discard(&self, prefix: &str) -> io::Result<()> {
        check_relative(prefix.trim_end_matches('/'))?;
        self.written
            .lock()
            .expect("staging lock")
            .retain(|rel| !rel.starts_with(prefix));
        let dir = self.dir.join(prefix);
        if fs::symlink_metadata(&dir).is_ok() {
            remove_tree(&dir)?;
        }
        Ok(())
    }

    /// A copy's source must not be inside the staging folder (it would be copied onto itself
    /// or onto another generated file).
    fn check_source(&self, src: &Path, rel: &str) -> io::Result<()> {
        // A source that cannot be resolved does not exist: the copy reports it.
        if fs::canonicalize(src).is_ok_and(|c| c.starts_with(&self.dir_canonical)) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "refused to copy `{}` to `{rel}`: the source is inside the staging folder",
                    src.display()
                ),
            ));
        }
        Ok(())
    }

    /// Carries over what the previous output holds and this build does not replace (entries
    /// lantoa did not write always, of every type; its own files where `keep` says so), writes
    /// the manifest, and swaps the staging folder in. Returns the number of files written by
    /// this build. An error before the swap leaves the previous output as it was.
    pub fn commit(mut self, keep: &dyn Fn(&str) -> bool) -> io::Result<usize> {
        let mut written = std::mem::take(&mut *self.written.lock().expect("staging lock"));
        let count = written.len();
        if self.out.is_dir() {
            self.carry_over(&mut written, keep)?;
            // The output folder keeps its permissions too.
            fs::set_permissions(&self.dir, fs::metadata(&self.out)?.permissions())?;
        }
        let manifest: String = written.iter().map(|p| format!("{p}\n")).collect();
        fs::write(self.dir.join(MANIFEST), manifest)?;
        let old = self.dir.with_file_name(format!(
            ".{}.old-{}",
            out_name(&self.out),
            std::process::id()
        ));
        let old_tree = swap(&self.dir, &self.out, &old)?;
        self.committed = true;
        if let Some(old_tree) = old_tree {
            // Best-effort: what is left is removed by the next build when it starts.
            let _ = remove_tree(&old_tree);
        }
        Ok(count)
    }

    fn carry_over(
        &self,
        written: &mut BTreeSet<String>,
        keep: &dyn Fn(&str) -> bool,
    ) -> io::Result<()> {
        let old_manifest = read_manifest(&self.out);
        // lantoa's own folders (those holding a file it wrote) are only recreated for what is
        // carried into them: a folder left empty by a removed page goes with it.
        let our_folders: BTreeSet<&str> = old_manifest
            .iter()
            .flat_map(|f| f.match_indices('/').map(move |(i, _)| &f[..i]))
            .collect();
        // The user's folders are created with their permissions, set at the end, once
        // everything inside them is in place (a read-only folder could not be filled).
        let mut folders: Vec<(PathBuf, fs::Permissions)> = Vec::new();
        let mut walk = walkdir::WalkDir::new(&self.out)
            .follow_links(false)
            .min_depth(1)
            .into_iter();
        while let Some(entry) = walk.next() {
            let entry = entry.map_err(io::Error::from)?;
            let Ok(rel_path) = entry.path().strip_prefix(&self.out) else {
                continue;
            };
            let rel = rel_path.to_string_lossy().replace('\\', "/");
            let dest = self.dir.join(rel_path);
            let kind = entry.file_type();
            if kind.is_dir() {
                match fs::symlink_metadata(&dest) {
                    Ok(m) if m.is_dir() => {}
                    Ok(_) => walk.skip_current_dir(), // this build writes a file there
                    Err(_) if our_folders.contains(rel.as_str()) => {}
                    Err(_) => {
                        fs::create_dir_all(&dest)?;
                        folders.push((dest, entry.metadata()?.permissions()));
                    }
                }
                continue;
            }
            if rel == MANIFEST || written.contains(&rel) {
                continue;
            }
            let ours = old_manifest.contains(&rel);
            if ours && !keep(&rel) {
                continue; // a file we generated before and no longer generate
            }
            if let Some(dir) = dest.parent() {
                fs::create_dir_all(dir)?;
            }
            link_entry(entry.path(), &dest, kind)?;
            if ours {
                written.insert(rel);
            }
        }
        for (dir, permissions) in folders.into_iter().rev() {
            fs::set_permissions(dir, permissions)?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = remove_tree(&self.dir);
        }
    }
}

fn out_name(out: &Path) -> String {
    out.file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "public".into())
}

/// Opens and locks `path`, waiting (after calling `on_wait` once) while another build holds
/// it. A filesystem without locks is written without one, as before.
fn lock_output(path: &Path, on_wait: &dyn Fn()) -> io::Result<fs::File> {
    let file = match fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
    {
        // Left by another user (say, a build run once as root): a lock needs no write access.
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => fs::File::open(path)?,
        file => file?,
    };
    match file.try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => {
            on_wait();
            file.lock()?;
        }
        Err(fs::TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {}
        Err(fs::TryLockError::Error(e)) => return Err(e),
    }
    Ok(file)
}

/// A path the writer accepts: relative, `/`-separated, every component a plain name.
fn check_relative(rel: &str) -> io::Result<()> {
    let refuse = |why: &str| {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "refused output path `{rel}`: {why}; it would be written outside the output folder"
            ),
        ))
    };
    if rel.is_empty() {
        return refuse("empty path");
    }
    if rel.contains('\0') {
        return refuse("NUL character");
    }
    if rel.contains('\\') {
        return refuse("backslash");
    }
    if rel.starts_with('/') || Path::new(rel).has_root() {
        return refuse("absolute path");
    }
    let first = rel.split('/').next().unwrap_or_default().as_bytes();
    if first.len() >= 2 && first[0].is_ascii_alphabetic() && first[1] == b':' {
        return refuse("drive prefix");
    }
    for component in rel.split('/') {
        match component {
            "" => return refuse("empty component"),
            "." | ".." => return refuse("`.` or `..` component"),
            _ => {}
        }
    }
    let plain = Path::new(rel)
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)));
    if !plain {
        return refuse("not a plain relative path");
    }
    Ok(())
}

/// Puts the user's entry `src` at `dest` with its type, target and content: a hard link of the
/// entry itself (on Linux `link` never follows a symlink), else a copy of the file, a new
/// symlink to the same target, or a new FIFO with the same permissions.
fn link_entry(src: &Path, dest: &Path, kind: fs::FileType) -> io::Result<()> {
    let Err(link_error) = fs::hard_link(src, dest) else {
        return Ok(());
    };
    if kind.is_file() {
        return fs::copy(src, dest).map(|_| ());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_symlink() {
            return std::os::unix::fs::symlink(fs::read_link(src)?, dest);
        }
        #[cfg(target_os = "linux")]
        if kind.is_fifo() {
            use std::os::unix::ffi::OsStrExt;
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::symlink_metadata(src)?.permissions().mode();
            let c = std::ffi::CString::new(dest.as_os_str().as_bytes())?;
            // SAFETY: `c` is a valid NUL-terminated path that outlives the call.
            if unsafe { libc::mkfifo(c.as_ptr(), mode as libc::mode_t) } == 0 {
                return Ok(());
            }
            return Err(io::Error::last_os_error());
        }
    }
    Err(link_error)
}

/// Swaps the complete staging folder in as `out`. Returns where the previous output now is
/// (to be removed), `None` when there was none. On error, `out` is as it was.
fn swap(staging: &Path, out: &Path, old: &Path) -> io::Result<Option<PathBuf>> {
    if fs::symlink_metadata(out).is_err() {
        fs::rename(staging, out)?;
        return Ok(None);
    }
    #[cfg(target_os = "linux")]
    match exchange(staging, out) {
        Ok(()) => return Ok(Some(staging.to_path_buf())),
        Err(e) if matches!(e.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS)) => {}
        Err(e) => return Err(e),
    }
    swap_by_renames(staging, out, old).map(Some)
}

/// The fallback swap, two renames: there is an instant without `out`, and if the second rename
/// fails the previous output is put back.
fn swap_by_renames(staging: &Path, out: &Path, old: &Path) -> io::Result<PathBuf> {
    if fs::symlink_metadata(old).is_ok() {
        remove_tree(old)?;
    }
    fs::rename(out, old)?;
    if let Err(e) = fs::rename(staging, out) {
        let _ = fs::rename(old, out);
        return Err(e);
    }
    Ok(old.to_path_buf())
}

/// `renameat2(a, b, RENAME_EXCHANGE)`: both paths exist before and after, each naming the other's
/// tree. Through `syscall`, so it also works with a C library older than the call.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let a = std::ffi::CString::new(a.as_os_str().as_bytes())?;
    let b = std::ffi::CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both are valid NUL-terminated paths that outlive the call; AT_FDCWD makes them
    // relative to the current directory, like `fs::rename`.
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// Removes a tree; if that fails on a folder without write permission (a user's read-only
/// folder carried over), gives the owner write permission on its folders and tries again.
fn remove_tree(path: &Path) -> io::Result<()> {
    if fs::remove_dir_all(path).is_ok() || fs::symlink_metadata(path).is_err() {
        return Ok(());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for entry in walkdir::WalkDir::new(path)
            .follow_links(false)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_dir())
        {
            if let Ok(m) = entry.metadata() {
                let mut p = m.permissions();
                p.set_mode(p.mode() | 0o700);
                let _ = fs::set_permissions(entry.path(), p);
            }
        }
    }
    fs::remove_dir_all(path)
}

/// Staging and old folders beside the output. Called with the lock held, so each one was left
/// by a build that died (killed, power cut): they only ever hold copies of generated files and
/// links to the user's. If the output itself is missing (a build killed between the two renames
/// of the fallback swap), the newest old folder is the last complete output: it is put back.
fn remove_leftovers(parent: &Path, name: &str, out: &Path) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let staging = format!(".{name}.staging-");
    let old = format!(".{name}.old-");
    let mut olds: Vec<(std::time::SystemTime, PathBuf)> = Vec::new();
    for e in entries.filter_map(Result::ok) {
        let file_name = e.file_name().to_string_lossy().to_string();
        if !e.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        if file_name.starts_with(&old) {
            let modified = e.metadata().and_then(|m| m.modified());
            olds.push((modified.unwrap_or(std::time::UNIX_EPOCH), e.path()));
        } else if file_name.starts_with(&staging) {
            let _ = remove_tree(&e.path());
        }
    }
    olds.sort();
    if fs::symlink_metadata(out).is_err()
        && let Some((_, newest)) = olds.pop()
    {
        let _ = fs::rename(newest, out);
    }
    for (_, dir) in olds {
        let _ = remove_tree(&dir);
    }
}

fn read_manifest(out: &Path) -> BTreeSet<String> {
    fs::read_to_string(out.join(MANIFEST))
        .map(|t| t.lines().map(str::to_string).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, mpsc};
    use std::time::Duration;

    fn bytes(s: &str) -> FileData {
        FileData::Bytes(s.as_bytes().to_vec())
    }

    #[test]
    fn only_plain_relative_paths_are_written() {
        for ok in [
            "index.html",
            "thcs-a/bai-viet/a/index.html",
            "_editorial/report.csv",
            "a/..b/c..",
            ".x",
        ] {
            assert!(check_relative(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "a//b",
            "a/",
            "../x",
            "a/../../x",
            "a/..",
            "./a",
            "a/./b",
            ".",
            "..",
            "/etc/passwd",
            "a\\b",
            "..\\x",
            "a\0b",
            "C:/x",
            "c:x",
            "D:",
        ] {
            let e = check_relative(bad).expect_err(bad);
            assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
            assert!(
                e.to_string().contains(&format!("`{bad}`")),
                "names the path: {e}"
            );
        }
    }

    #[test]
    fn pages_written_early_are_kept_or_discarded_with_their_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let first = Staging::begin(&out, &|| {}).unwrap();
        first.write_one("a/index.html", b"old a").unwrap();
        first.write_one("b/index.html", b"old b").unwrap();
        first.commit(&|_| false).unwrap();

        let second = Staging::begin(&out, &|| {}).unwrap();
        second.write_one("a/x/index.html", b"new a").unwrap();
        second.write_one("b/index.html", b"half of b").unwrap();
        assert!(second.write_one("../evil", b"x").is_err());
        // Site b failed after one page: it keeps its previous output.
        second.discard("b/").unwrap();
        let index = FileData::Written(crate::files::content_hash(b"new a"));
        let name = "x/index.html".to_string();
        assert_eq!(second.write("a/", [(&name, &index)]).unwrap(), 1);
        second.commit(&|rel| rel.starts_with("b/")).unwrap();
        let read = |p: &str| fs::read_to_string(out.join(p)).unwrap();
        assert_eq!(read("a/x/index.html"), "new a");
        assert!(!out.join("a/index.html").exists(), "a was rebuilt");
        assert_eq!(read("b/index.html"), "old b");
        let manifest = fs::read_to_string(out.join(MANIFEST)).unwrap();
        assert_eq!(manifest, "a/x/index.html\nb/index.html\n");
    }

    #[test]
    fn the_writer_refuses_destinations_outside_the_staging_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("site/public");
        let staging = Staging::begin(&out, &|| {}).unwrap();
        let data = bytes("x");
        for rel in ["../../escape.txt", "../escape.txt", "/tmp/escape.txt"] {
            let name = rel.to_string();
            assert!(staging.write("", [(&name, &data)]).is_err(), "{rel}");
        }
        let name = "../escape.txt".to_string();
        assert!(
            staging.write("a/", [(&name, &data)]).is_err(),
            "with a prefix"
        );
        assert!(!tmp.path().join("escape.txt").exists());
        assert!(!tmp.path().join("site/escape.txt").exists());
        let name = "ok.txt".to_string();
        assert_eq!(staging.write("a/", [(&name, &data)]).unwrap(), 1);
    }

    #[test]
    fn a_copy_never_reads_from_the_staging_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let staging = Staging::begin(&out, &|| {}).unwrap();
        let (a, data) = ("a.txt".to_string(), bytes("nội dung"));
        staging.write("", [(&a, &data)]).unwrap();
        let onto_itself = FileData::Copy(staging.dir.join("a.txt"));
        let e = staging.write("", [(&a, &onto_itself)]).unwrap_err();
        assert!(e.to_string().contains("a.txt"), "{e}");
        let b = "b.txt".to_string();
        assert!(staging.write("", [(&b, &onto_itself)]).is_err());
        assert_eq!(
            fs::read_to_string(staging.dir.join("a.txt")).unwrap(),
            "nội dung"
        );
        let outside = tmp.path().join("src.txt");
        fs::write(&outside, "ảnh").unwrap();
        staging.write("", [(&b, &FileData::Copy(outside))]).unwrap();
        assert_eq!(
            fs::read_to_string(staging.dir.join("b.txt")).unwrap(),
            "ảnh"
        );
    }

    #[test]
    fn a_read_only_output_is_refused_before_anything_changes() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        assert!(
            check_writable(&out).is_ok(),
            "not there yet: created by the swap"
        );
        fs::create_dir(&out).unwrap();
        fs::write(out.join("a.txt"), "a").unwrap();
        assert!(check_writable(&out).is_ok());
        assert_eq!(
            fs::read_dir(&out).unwrap().count(),
            1,
            "the probe is removed"
        );
        let denied = |_: &Path| -> io::Result<()> { Err(io::ErrorKind::PermissionDenied.into()) };
        let d = check_writable_with(&out, denied).unwrap_err();
        assert_eq!(d.problem.code(), "output-read-only");
        for lang in [crate::messages::Lang::Vi, crate::messages::Lang::En] {
            let (message, help) = d.problem.text(lang);
            assert!(message.contains(&out.display().to_string()), "{message}");
            assert!(help.contains("chmod u+w"), "{help}");
        }
    }

    #[test]
    fn the_fallback_swap_puts_the_old_output_back_on_failure() {
        let tmp = tempfile::tempdir().unwrap();
        let (out, staging, old) = (
            tmp.path().join("public"),
            tmp.path().join(".public.staging-1"),
            tmp.path().join(".public.old-1"),
        );
        fs::create_dir(&out).unwrap();
        fs::write(out.join("a.txt"), "cũ").unwrap();
        assert!(
            swap_by_renames(&staging, &out, &old).is_err(),
            "no staging folder"
        );
        assert_eq!(fs::read_to_string(out.join("a.txt")).unwrap(), "cũ");
        assert!(!old.exists());
        fs::create_dir(&staging).unwrap();
        fs::write(staging.join("a.txt"), "mới").unwrap();
        assert_eq!(swap_by_renames(&staging, &out, &old).unwrap(), old);
        assert_eq!(fs::read_to_string(out.join("a.txt")).unwrap(), "mới");
        assert_eq!(fs::read_to_string(old.join("a.txt")).unwrap(), "cũ");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_exchange_leaves_both_trees_complete() {
        let tmp = tempfile::tempdir().unwrap();
        let (out, staging) = (
            tmp.path().join("public"),
            tmp.path().join(".public.staging-1"),
        );
        fs::create_dir(&out).unwrap();
        fs::write(out.join("a.txt"), "cũ").unwrap();
        fs::create_dir(&staging).unwrap();
        fs::write(staging.join("a.txt"), "mới").unwrap();
        let old = swap(&staging, &out, &tmp.path().join(".public.old-1")).unwrap();
        assert_eq!(
            old.as_deref(),
            Some(staging.as_path()),
            "the old tree is at the staging path"
        );
        assert_eq!(fs::read_to_string(out.join("a.txt")).unwrap(), "mới");
        assert_eq!(fs::read_to_string(staging.join("a.txt")).unwrap(), "cũ");
        assert!(
            !tmp.path().join(".public.old-1").exists(),
            "one exchange, no rename"
        );
    }

    #[test]
    fn a_second_build_waits_for_the_lock() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let first = Staging::begin(&out, &|| panic!("nobody holds the lock")).unwrap();
        let waited = Arc::new(AtomicBool::new(false));
        let (done_tx, done_rx) = mpsc::channel();
        let (out2, waited2) = (out.clone(), waited.clone());
        let second = std::thread::spawn(move || {
            let s = Staging::begin(&out2, &|| waited2.store(true, Ordering::SeqCst)).unwrap();
            done_tx.send(()).unwrap();
            drop(s);
        });
        assert!(
            done_rx.recv_timeout(Duration::from_millis(500)).is_err(),
            "the second one waits"
        );
        assert!(waited.load(Ordering::SeqCst), "and said so");
        let data = bytes("x");
        let name = "index.html".to_string();
        first.write("", [(&name, &data)]).unwrap();
        first.commit(&|_| true).unwrap();
        done_rx
            .recv_timeout(Duration::from_secs(10))
            .expect("then goes on");
        second.join().unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "x");
    }

    #[test]
    fn leftovers_of_dead_builds_are_removed_at_the_start() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        for dead in [".public.staging-999999/a/b", ".public.old-999998"] {
            fs::create_dir_all(tmp.path().join(dead)).unwrap();
        }
        fs::write(tmp.path().join(".public.staging-999999/a/b/x.html"), "x").unwrap();
        fs::create_dir(tmp.path().join(".other.staging-1")).unwrap();
        let staging = Staging::begin(&out, &|| {}).unwrap();
        assert!(!tmp.path().join(".public.staging-999999").exists());
        assert!(!tmp.path().join(".public.old-999998").exists());
        assert!(
            tmp.path().join(".other.staging-1").exists(),
            "another output's"
        );
        drop(staging);
        let left: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        assert!(
            !left.iter().any(|n| n.starts_with(".public.staging")),
            "{left:?}"
        );
    }

    #[test]
    fn an_output_lost_between_the_two_renames_is_put_back() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        fs::create_dir(tmp.path().join(".public.old-7")).unwrap();
        fs::write(tmp.path().join(".public.old-7/index.html"), "cũ").unwrap();
        fs::create_dir(tmp.path().join(".public.staging-7")).unwrap();
        drop(Staging::begin(&out, &|| {}).unwrap());
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "cũ");
        assert!(!tmp.path().join(".public.old-7").exists());
        assert!(!tmp.path().join(".public.staging-7").exists());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_users_entries_of_every_type_are_carried_over() {
        use std::os::unix::fs::{FileTypeExt, PermissionsExt};
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let first = Staging::begin(&out, &|| {}).unwrap();
        let (name, data) = ("s/index.html".to_string(), bytes("1"));
        let removed = "s/bai/cu/index.html".to_string();
        first
            .write("", [(&name, &data), (&removed, &data)])
            .unwrap();
        first.commit(&|_| true).unwrap();
        fs::create_dir(out.join("s/bai/cu/cua-toi")).unwrap();
        std::os::unix::fs::symlink("s/index.html", out.join("link")).unwrap();
        std::os::unix::fs::symlink("/khong/co", out.join("s/dangling")).unwrap();
        fs::create_dir_all(out.join("empty/nested")).unwrap();
        fs::set_permissions(out.join("empty"), fs::Permissions::from_mode(0o750)).unwrap();
        let fifo = std::ffi::CString::new(out.join("pipe").as_os_str().as_encoded_bytes()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o640) }, 0);
        fs::write(out.join("notes.txt"), "ghi chú").unwrap();
        fs::set_permissions(&out, fs::Permissions::from_mode(0o750)).unwrap();
        let second = Staging::begin(&out, &|| {}).unwrap();
        let data = bytes("2");
        second.write("", [(&name, &data)]).unwrap();
        second.commit(&|_| false).unwrap();
        assert_eq!(fs::read_to_string(out.join("s/index.html")).unwrap(), "2");
        assert!(
            !out.join("s/bai/cu/index.html").exists(),
            "no longer generated"
        );
        assert!(
            out.join("s/bai/cu/cua-toi").is_dir(),
            "the user's folder inside it kept"
        );
        assert!(out.join("s/bai").is_dir());
        assert_eq!(
            fs::read_link(out.join("link")).unwrap(),
            Path::new("s/index.html")
        );
        assert_eq!(
            fs::read_link(out.join("s/dangling")).unwrap(),
            Path::new("/khong/co")
        );
        assert!(
            fs::symlink_metadata(out.join("pipe"))
                .unwrap()
                .file_type()
                .is_fifo()
        );
        assert!(out.join("empty/nested").is_dir());
        let mode = fs::metadata(out.join("empty"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o750);
        let mode = fs::metadata(&out).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o750, "the output folder's own permissions");
        assert_eq!(
            fs::read_to_string(out.join("notes.txt")).unwrap(),
            "ghi chú"
        );
        assert_eq!(
            read_manifest(&out),
            BTreeSet::from(["s/index.html".to_string()])
        );
    }
}
