//! The incremental rebuild behind `serve`: the loaded project and theme are kept between
//! saves; a changed Markdown file is re-parsed alone, a template change reloads the theme
//! only, a CSS-only change rebuilds nothing, and anything else (configuration, new folders)
//! reloads the whole project. A rebuild validates and resolves the network through the same
//! stages as `build` (`prepare.rs`), reusing what the session kept: each file's warning scan
//! and link problems, and, after a save that replaced files in place, the last rebuild's
//! table and sites, patched. Pages are rendered later, on request (`prepared.rs`), in preview
//! mode. After a rebuild that panicked (caught in `mod.rs`), `reset` makes the next one
//! reload everything.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::prepared::Prepared;
use crate::Selection;
use crate::diagnostics::Diagnostic;
use crate::load::frontmatter::Kind;
use crate::load::{self, Owner, Project};
use crate::render::theme::Theme;

/// What a batch of changed paths asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Change {
    /// Only stylesheets of a theme changed: the browser swaps them, nothing is rebuilt.
    CssOnly,
    /// Re-parse these Markdown sources (content/…/<kind>/…md).
    Sources(Vec<PathBuf>),
    /// Reload the theme, keep the content.
    Theme,
    /// Reload everything.
    Full,
}

/// Editors' temporary and swap files, and hidden files: never a reason to rebuild.
pub fn ignored(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    name.starts_with('.')
        || name.starts_with('#')
        || name.starts_with("~$")
        || name.ends_with('~')
        || name == "4913"
        || [
            ".swp",
            ".swx",
            ".swo",
            ".tmp",
            ".temp",
            ".bak",
            ".part",
            ".crdownload",
            ".kate-swp",
        ]
        .iter()
        .any(|e| name.ends_with(e))
}

/// Classifies changed paths (absolute) for the project at `root`.
pub fn classify(root: &Path, paths: &[PathBuf]) -> Option<Change> {
    let paths: Vec<&PathBuf> = paths.iter().filter(|p| !ignored(p)).collect();
    if paths.is_empty() {
        return None;
    }
    let content = root.join("content");
    let themes = root.join("themes");
    let css = |p: &Path| {
        p.starts_with(&themes)
            && p.components().any(|c| c.as_os_str() == "static")
            && p.extension().is_some_and(|e| e == "css")
    };
    if paths.iter().all(|p| css(p)) {
        return Some(Change::CssOnly);
    }
    if paths.iter().all(|p| p.starts_with(&themes)) {
        return Some(Change::Theme);
    }
    let is_source = |p: &Path| {
        p.starts_with(&content)
            && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("md"))
            && source_place(&content, p).is_some()
    };
    if paths.iter().all(|p| is_source(p)) {
        return Some(Change::Sources(paths.into_iter().cloned().collect()));
    }
    Some(Change::Full)
}

/// Owner and kind of a Markdown file from its place: `common/<kind>/…` or `sites/<id>/<kind>/…`.
fn source_place(content: &Path, path: &Path) -> Option<(Owner, Option<Kind>)> {
    let rel = path.strip_prefix(content).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .collect();
    let (owner, folder) = match parts.first()?.as_str() {
        "common" => (Owner::Common, parts.get(1)?),
        "sites" => (Owner::Site(crate::text::nfc(parts.get(1)?)), parts.get(2)?),
        _ => return None,
    };
    match folder.as_str() {
        "contests" => Some((owner, None)),
        f => Kind::from_folder(f).map(|k| (owner, Some(k))),
    }
}

/// In unit tests only: a rebuild of a project holding this file panics.
#[cfg(test)]
pub const TEST_PANIC: &str = ".lantoa-test-panic";

/// The state kept between rebuilds.
pub struct Session {
    pub root: PathBuf,
    pub now: Option<String>,
    pub selection: Selection,
    /// Shared with the last `Prepared` (a change clones it cheaply: sources are `Arc`s).
    project: Option<Arc<Project>>,
    /// The language of messages while no project is loaded (see `lang`).
    lang_unloaded: Option<crate::messages::Lang>,
    theme: Option<Arc<Theme>>,
    /// Files that failed to parse, with their problems (kept until they parse again).
    broken: BTreeMap<PathBuf, Vec<Diagnostic>>,
    /// The sources among them, with what is known of who would publish them.
    failed: BTreeMap<PathBuf, load::FailedSource>,
    /// Units left out of the tree (their `site.yaml` failed).
    missing_sites: Vec<String>,
    /// Photos processed since the server started.
    images: crate::features::images::Memo,
    /// Each source's scan for warnings, kept between saves.
    warnings: crate::check::Memo,
    /// Each source's link problems, kept between saves.
    links: crate::resolve::links::Memo,
    /// The last rebuild, patched by the next one when a save only replaced sources.
    last: Option<Arc<Prepared>>,
}

impl Session {
    /// The language of messages: `LANTOA_LANG`, else the last parsed `network.yaml`'s
    /// `language`; `None` before anything was loaded.
    pub fn lang(&self) -> Option<crate::messages::Lang> {
        match &self.project {
            Some(p) => Some(p.lang()),
            None => self.lang_unloaded,
        }
    }

    pub fn new(root: &Path, now: Option<String>, selection: Selection) -> Self {
        Session {
            root: root.to_path_buf(),
            now,
            selection,
            project: None,
            lang_unloaded: None,
            theme: None,
            broken: BTreeMap::new(),
            failed: BTreeMap::new(),
            missing_sites: Vec::new(),
            images: Default::default(),
            warnings: Default::default(),
            links: Default::default(),
            last: None,
        }
    }

    /// Applies a change and prepares the network for serving (pages render on request). A
    /// problem keeps only the sites it affects out (`Prepared::problems_of`); `Err` holds the
    /// problems when there is nothing to serve at all (no project, or a broken theme).
    pub fn rebuild(&mut self, change: &Change) -> Result<Arc<Prepared>, Vec<Diagnostic>> {
        #[cfg(test)]
        if self.root.join(TEST_PANIC).exists() {
            panic!("deliberate test panic");
        }
        let timer = crate::timings::Timer::new();
        // The sources replaced in place (same file, same index), when that is all that changed:
        // the previous rebuild is then patched rather than redone (`resolve::patch`).
        let mut replaced: Option<Vec<usize>> = None;
        let before = self.last.take();
        match change {
            Change::Full => self.reload_all(),
            Change::Theme => self.theme = None,
            Change::Sources(paths) if self.project.is_some() => {
                let mut paths = paths.clone();
                paths.sort();
                paths.dedup();
                replaced = Some(Vec::new());
                for p in &paths {
                    let at = self.reparse(p);
                    replaced = replaced.zip(at).map(|(mut v, i)| {
                        v.push(i);
                        v
                    });
                }
            }
            Change::Sources(_) => self.reload_all(),
            Change::CssOnly => {}
        }
        if self.project.is_none() && self.broken.is_empty() {
            self.reload_all();
            replaced = None;
        }
        let before = before.zip(replaced);
        timer.lap("reparse");
        let errors: Vec<Diagnostic> = self.broken.values().flatten().cloned().collect();
        let Some(project) = self.project.clone() else {
            return Err(errors);
        };
        if self.theme.is_none() {
            match Theme::load(&self.root, &project.themes, &project.network.theme) {
                Ok(t) => self.theme = Some(Arc::new(t)),
                Err(mut e) => {
                    e.extend(errors);
                    return Err(e); // every site uses the theme
                }
            }
        }
        let Some(theme) = self.theme.clone() else {
            return Err(errors);
        };
        let now = crate::dates::build_time(self.now.as_deref()).map_err(|v| {
            vec![Diagnostic::error(
                "--now",
                0,
                crate::messages::Problem::BadDate { value: v },
            )]
        })?;
        // The same stages as `build` and `check` (`prepare.rs`), in serve's mode, with the
        // photos processed since the server started.
        let failed: Vec<load::FailedSource> = self.failed.values().cloned().collect();
        let cache = crate::cache_dir(&self.root);
        let ready = crate::prepare::prepare(
            &project,
            crate::prepare::LoadProblems {
                problems: errors,
                failed: &failed,
                missing_sites: &self.missing_sites,
            },
            &now,
            crate::resolve::Mode::Serve,
            Some(crate::prepare::Photos {
                cache: &cache,
                memo: Some(&self.images),
            }),
            Some(crate::prepare::Kept {
                warnings: &self.warnings,
                links: &self.links,
                table: before
                    .as_ref()
                    .map(|(b, changed)| (b.table(), changed.as_slice())),
            }),
        );
        timer.lap("prepare");
        let mut prepared = Prepared::new(
            project,
            ready.table,
            theme,
            Arc::new(ready.images),
            now,
            &self.selection,
            self.root.clone(),
            ready.errors,
            before
                .as_ref()
                .map(|(b, changed)| (&**b, changed.as_slice())),
        )?;
        prepared.warnings = ready.warnings;
        timer.lap("prepared");
        let prepared = Arc::new(prepared);
        self.last = Some(prepared.clone());
        Ok(prepared)
    }

    /// Forgets everything loaded, after a rebuild panicked half-way: the next rebuild reloads
    /// the whole project.
    pub fn reset(&mut self) {
        self.lang_unloaded = self.lang(); // the language stays the last one parsed
        self.project = None;
        self.theme = None;
        self.last = None;
        self.broken.clear();
        self.failed.clear();
        if self.images.is_poisoned() {
            self.images = Default::default();
        }
    }

    fn reload_all(&mut self) {
        self.broken.clear();
        self.failed.clear();
        self.theme = None;
        let errors = match load::load_partial(&self.root) {
            Ok(loaded) => {
                self.project = Some(Arc::new(loaded.project));
                self.failed = loaded
                    .failed
                    .into_iter()
                    .map(|f| (f.file.clone(), f))
                    .collect();
                self.missing_sites = loaded.missing_sites;
                loaded.problems
            }
            Err(not_loaded) => {
                self.project = None;
                self.lang_unloaded = Some(not_loaded.lang);
                not_loaded.problems
            }
        };
        for d in errors {
            self.broken.entry(d.file.clone()).or_default().push(d);
        }
    }

    /// Re-reads one Markdown file (or drops it when deleted). Returns the source's index when
    /// the new version replaced the old one in place.
    fn reparse(&mut self, path: &Path) -> Option<usize> {
        let project = self.project.as_mut().map(Arc::make_mut)?;
        let content = project.content.clone();
        let (owner, kind) = source_place(&content, path)?;
        let rel = path.strip_prefix(&self.root).unwrap_or(path).to_path_buf();
        self.broken.remove(&rel);
        self.failed.remove(&rel);
        // The file's old version, found without comparing 10,000 paths component by component.
        let name = rel.file_name().unwrap_or_default().as_encoded_bytes();
        let is_rel =
            |file: &Path| file.as_os_str().as_encoded_bytes().ends_with(name) && file == rel;
        let was = project.sources.iter().position(|s| is_rel(&s.file));
        if let Some(i) = was {
            project.sources.remove(i);
        }
        project.contests.retain(|c| c.file != rel);
        if !path.exists() {
            return None;
        }
        let mut at = None;
        let result = match kind {
            Some(kind) => load::file::read_text(path, &rel)
                .map_err(|d| load::Failure {
                    diagnostics: vec![d],
                    meta: None,
                })
                .and_then(|text| {
                    load::parse_source_full(&self.root, &content, owner.clone(), kind, path, &text)
                })
                .map(|s| {
                    // Sources stay in the order of their keys (as `load` leaves them).
                    let i = project.sources.partition_point(|o| o.key <= s.key);
                    project.sources.insert(i, Arc::new(s));
                    at = Some(i);
                }),
            None => crate::load::contest::load(&self.root, owner.clone(), path)
                .map(|c| project.contests.push(c))
                .map_err(|diagnostics| load::Failure {
                    diagnostics,
                    meta: None,
                }),
        };
        if let Err(f) = result {
            self.failed.insert(
                rel.clone(),
                load::FailedSource {
                    file: rel.clone(),
                    owner,
                    meta: f.meta,
                },
            );
            self.broken.insert(rel, f.diagnostics);
        }
        at.filter(|&i| was == Some(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classification() {
        let root = Path::new("/p");
        let c =
            |paths: &[&str]| classify(root, &paths.iter().map(PathBuf::from).collect::<Vec<_>>());
        assert_eq!(
            c(&["/p/themes/default/static/style.css"]),
            Some(Change::CssOnly)
        );
        assert_eq!(
            c(&["/p/themes/default/templates/base.html"]),
            Some(Change::Theme)
        );
        assert_eq!(
            c(&["/p/content/sites/a/articles/x.md"]),
            Some(Change::Sources(vec![PathBuf::from(
                "/p/content/sites/a/articles/x.md"
            )]))
        );
        assert_eq!(c(&["/p/content/sites/a/site.yaml"]), Some(Change::Full));
        assert_eq!(
            c(&[
                "/p/content/sites/a/articles/.x.md.swp",
                "/p/content/sites/a/articles/x.md~"
            ]),
            None
        );
    }
}
