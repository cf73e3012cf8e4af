//! The hostile corpus (`tests/hostile/<case>/`): one folder per attack, each a copy of the
//! bundled network with the attacker's files laid over it (`files/`) and set up as
//! `case.yaml` says (symbolic links, image bombs, huge nesting, files outside the project).
//! Every case must fail safely:
//! - `expect: error`: `check` and `build` exit 1 with the named error code (file, line), and
//!   `build` writes no output;
//! - `expect: safe`: `build` exits 0 and the pages named in `open:` hold nothing executable
//!   (no event handler, no script but the theme's, no URL outside the allowed schemes).
//!
//! In both, no file of the project or outside it is created, changed or removed (the
//! output folder and the photo cache aside). The same pages are opened in Chromium by
//! `tests/browser/run.mjs`, which fails if any script ran.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;

mod common;
use common::dangers;

const NOW: &str = "2026-12-01";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    attack: String,
    expect: Expect,
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    file: Option<String>,
    #[serde(default)]
    line: Option<usize>,
    #[serde(default)]
    setup: Vec<Setup>,
    #[serde(default)]
    open: Vec<String>,
    /// CSV files of the output whose cells must not start a formula.
    #[serde(default)]
    csv: Vec<String>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "lowercase")]
enum Expect {
    Error,
    Safe,
}

/// One preparation step; exactly one of the first fields is set.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct Setup {
    /// A symbolic link at this project path, to `to`.
    symlink: Option<String>,
    to: Option<String>,
    /// A file beside the project (in the temporary folder), with `text`.
    outside: Option<String>,
    /// A file of the project with `text` (for names git should not hold, such as `a:b`).
    write: Option<String>,
    text: Option<String>,
    /// A real photo at this project path.
    photo: Option<String>,
    /// An image at this project path whose header claims `size`, in `format`.
    bomb: Option<String>,
    format: Option<String>,
    size: Option<(u32, u32)>,
    /// Replace this project folder by a link to `to_outside` (beside the project).
    replace_with_symlink: Option<String>,
    to_outside: Option<String>,
    /// Replace `@@REPEAT@@` in `into` by `repeat` written `times` times.
    repeat: Option<String>,
    times: Option<usize>,
    into: Option<String>,
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_lantoa"))
}

fn copy_tree(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let dest = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

/// A photo cache holding the bundled network's photos (the albums' 18 would otherwise be
/// decoded again in a debug build for every case), made once per test run.
fn bundled_photo_cache() -> &'static Path {
    static CACHE: std::sync::OnceLock<(tempfile::TempDir, PathBuf)> = std::sync::OnceLock::new();
    let (_, cache) = CACHE.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let project = tmp.path().join("project");
        copy_tree(&repo().join("content"), &project.join("content"));
        copy_tree(&repo().join("themes"), &project.join("themes"));
        let public = tmp.path().join("public");
        let out = lantoa(&project, &["build", "--out", public.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "the bundled network does not build: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let cache = project.join(".lantoa-cache");
        std::fs::create_dir_all(&cache).unwrap();
        (tmp, cache)
    });
    cache
}

/// The temporary folder: `project/` (the bundled network + the case) and the files beside it.
fn prepare(case_dir: &Path, case: &Case) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path().join("project");
    copy_tree(&repo().join("content"), &project.join("content"));
    copy_tree(&repo().join("themes"), &project.join("themes"));
    // The bundled photos, processed once for every case (each case still has its own cache).
    copy_tree(bundled_photo_cache(), &project.join(".lantoa-cache"));
    if case_dir.join("files").is_dir() {
        copy_tree(&case_dir.join("files"), &project);
    }
    for s in &case.setup {
        if let (Some(link), Some(to)) = (&s.symlink, &s.to) {
            let link = project.join(link);
            std::fs::create_dir_all(link.parent().unwrap()).unwrap();
            std::os::unix::fs::symlink(to, link).unwrap();
        }
        if let (Some(path), Some(text)) = (&s.outside, &s.text) {
            let path = tmp.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        if let (Some(path), Some(text)) = (&s.write, &s.text) {
            let path = project.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        if let Some(path) = &s.photo {
            let img = image::RgbImage::from_fn(2000, 1500, |x, y| {
                image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
            });
            img.save(project.join(path)).unwrap();
        }
        if let (Some(path), Some(format), Some(size)) = (&s.bomb, &s.format, s.size) {
            let path = project.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, common::bomb(format, size)).unwrap();
        }
        if let (Some(folder), Some(target)) = (&s.replace_with_symlink, &s.to_outside) {
            let folder = project.join(folder);
            let _ = std::fs::remove_dir_all(&folder);
            std::os::unix::fs::symlink(tmp.path().join(target), folder).unwrap();
        }
        if let (Some(unit), Some(times), Some(into)) = (&s.repeat, s.times, &s.into) {
            let path = project.join(into);
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(path, text.replace("@@REPEAT@@", &unit.repeat(times))).unwrap();
        }
    }
    tmp
}

/// Every entry of the temporary folder but the output and the cache: type, target, bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, String> {
    let skip = |p: &Path| {
        p.components().any(|c| {
            let c = c.as_os_str().to_string_lossy();
            c == "public" || c.starts_with(".public") || c == ".lantoa-cache"
        })
    };
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| !skip(e.path().strip_prefix(dir).unwrap()))
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().to_path_buf();
            let what = if e.path_is_symlink() {
                format!("link {:?}", std::fs::read_link(e.path()).unwrap())
            } else if e.file_type().is_dir() {
                "dir".to_string()
            } else {
                let bytes = std::fs::read(e.path()).unwrap_or_default();
                format!("file {} {:x}", bytes.len(), fnv(&bytes))
            };
            (rel, what)
        })
        .collect()
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100000001b3)
    })
}

fn lantoa(project: &Path, args: &[&str]) -> std::process::Output {
    Command::new(bin())
        .args(args)
        .args(["--root", project.to_str().unwrap(), "--now", NOW])
        .env("LANTOA_LANG", "en")
        .env("LANTOA_CACHE", project.join(".lantoa-cache"))
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap()
}

/// Cells of a CSV text (RFC 4180 quoting) that a spreadsheet would read as a formula.
fn formula_cells(text: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let (mut cell, mut quoted, mut chars) = (String::new(), false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' | '\n' if !quoted => cells.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    cells.push(cell);
    cells
        .into_iter()
        .filter(|c| {
            c.starts_with(['=', '+', '@', '\t', '\r'])
                || (c.starts_with('-') && c.parse::<f64>().is_err())
        })
        .collect()
}

fn run_case(case_dir: &Path) -> Result<(), String> {
    let name = case_dir.file_name().unwrap().to_string_lossy().to_string();
    let text = std::fs::read_to_string(case_dir.join("case.yaml")).unwrap();
    let case: Case = serde_saphyr::from_str(&text).map_err(|e| format!("{name}: {e}"))?;
    let tmp = prepare(case_dir, &case);
    let project = tmp.path().join("project");
    let before = snapshot(tmp.path());
    let fail = |what: String| Err(format!("{name} ({}): {what}", case.attack));

    let check = lantoa(&project, &["check", "--format", "json"]);
    let check_out = String::from_utf8_lossy(&check.stdout).to_string()
        + &String::from_utf8_lossy(&check.stderr);
    let out_dir = project.join("public");
    let build = lantoa(
        &project,
        &[
            "build",
            "--format",
            "json",
            "--out",
            out_dir.to_str().unwrap(),
        ],
    );
    let build_out = String::from_utf8_lossy(&build.stdout).to_string()
        + &String::from_utf8_lossy(&build.stderr);
    if build_out.contains("panicked") || check_out.contains("panicked") {
        return fail(format!("lantoa panicked:\n{check_out}\n{build_out}"));
    }
    match case.expect {
        Expect::Error => {
            let code = case.code.as_deref().unwrap_or_default();
            let diagnostics: Vec<serde_json::Value> = check_out
                .lines()
                .filter_map(|l| serde_json::from_str(l).ok())
                .collect();
            let hit = diagnostics.iter().find(|d| {
                d["code"] == code
                    && case.file.as_deref().is_none_or(|f| d["file"] == f)
                    && case.line.is_none_or(|l| d["line"] == l)
            });
            if check.status.code() != Some(1) || hit.is_none() {
                return fail(format!(
                    "check: expected exit 1 with `{code}` at {:?}:{:?}, got {:?}:\n{check_out}",
                    case.file,
                    case.line,
                    check.status.code()
                ));
            }
            if hit.is_some_and(|d| d["help"].as_str().unwrap_or("").is_empty()) {
                return fail("the error has no help line".into());
            }
            // Exit 1 (nothing built) or 3 (the other sites built): the sites the error
            // affects are never written.
            if !matches!(build.status.code(), Some(1 | 3)) || !build_out.contains(code) {
                return fail(format!(
                    "build: expected exit 1 or 3 naming `{code}`, got {:?}:\n{build_out}",
                    build.status.code()
                ));
            }
            let affected: Vec<String> = hit
                .and_then(|d| d["sites"].as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default();
            if build.status.code() == Some(3) && affected.is_empty() {
                return fail("a partial build whose error names no site".into());
            }
            if build.status.code() == Some(1) && out_dir.exists() {
                return fail("a failed first build wrote an output folder".into());
            }
            for site in &affected {
                if out_dir.join(site).exists() {
                    return fail(format!("the affected site {site} was written"));
                }
            }
        }
        Expect::Safe => {
            if build.status.code() != Some(0) {
                return fail(format!("build failed:\n{build_out}"));
            }
            for page in &case.open {
                let file = out_dir.join(page).join("index.html");
                let html = std::fs::read_to_string(&file)
                    .map_err(|e| format!("{name}: {}: {e}", file.display()))?;
                let found = dangers(&html);
                if !found.is_empty() {
                    return fail(format!("{page} holds {found:?}"));
                }
            }
            for csv in &case.csv {
                let text = std::fs::read_to_string(out_dir.join(csv))
                    .map_err(|e| format!("{name}: {csv}: {e}"))?;
                let formulas = formula_cells(&text);
                if !formulas.is_empty() {
                    return fail(format!("{csv} has formula cells {formulas:?}"));
                }
                if !text.contains("HYPERLINK") {
                    return fail(format!("{csv} does not hold the unit at all"));
                }
            }
        }
    }
    let after = snapshot(tmp.path());
    if before != after {
        let changed: Vec<_> = before
            .iter()
            .filter(|(k, v)| after.get(*k) != Some(v))
            .map(|(k, _)| k.display().to_string())
            .chain(
                after
                    .keys()
                    .filter(|k| !before.contains_key(*k))
                    .map(|k| format!("new {}", k.display())),
            )
            .collect();
        return fail(format!("files outside the output changed: {changed:?}"));
    }
    Ok(())
}

#[test]
fn every_hostile_case_fails_safely() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(repo().join("tests/hostile"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("case.yaml").is_file())
        .collect();
    cases.sort();
    assert!(cases.len() >= 40, "the corpus lost cases: {}", cases.len());
    let failures = std::sync::Mutex::new(Vec::new());
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    let Some(dir) = cases.get(i) else { break };
                    if let Err(e) = run_case(dir) {
                        failures.lock().unwrap().push(e);
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(
        failures.is_empty(),
        "{} of {} hostile cases did not fail safely:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

#[test]
fn the_scanner_sees_what_it_must_refuse() {
    // The check above is only as good as `dangers`: it must see each kind of danger.
    for bad in [
        "<p onclick=\"x()\">a</p>",
        "<a href=\"javascript:alert(1)\">a</a>",
        "<script>alert(1)</script>",
        "<img src=\"data:image/svg+xml,x\">",
        "<iframe src=\"https://evil.example/\"></iframe>",
        "<script type=\"application/json\">[1,</script>",
        "<form action=\"javascript:x\"></form>",
        "<p style=\"background:url(x)\">a</p>",
    ] {
        assert!(!dangers(bad).is_empty(), "{bad} must be seen");
    }
    assert!(
        dangers("<p><a href=\"https://x.vn/\">a</a></p><script src=\"../search.js\"></script>")
            .is_empty()
    );
}
