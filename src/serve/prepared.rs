//! What `serve` answers from after a rebuild: the resolved network, rendered on demand. A page
//! is rendered when a browser asks for it (so a save of one file of a 10,000-page site does
//! not re-render 10,000 pages), and so is each list page, the tag index and the feed; the rest
//! of a site (search, contests, calendar, sitemap, 404) is rendered the first time any of it is
//! asked for, then kept until the next save.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use jiff::Zoned;
use rayon::prelude::*;

use crate::Selection;
use crate::diagnostics::{self, Diagnostic};
use crate::features::images::ImageSet;
use crate::features::search::Corpus;
use crate::files::FileData;
use crate::load::Project;
use crate::messages::Lang;
use crate::render::theme::Theme;
use crate::render::{RenderOptions, Renderer, SiteOutput};
use crate::resolve::{Mode, SiteBuild};

type Rendered<T> = OnceLock<Result<T, String>>;

pub struct Prepared {
    project: Arc<Project>,
    /// What is public on which site at `now`.
    table: crate::resolve::Table,
    theme: Arc<Theme>,
    images: Arc<ImageSet>,
    now: Zoned,
    options: RenderOptions,
    root: PathBuf,
    lang: Lang,
    builds: Vec<SiteBuild>,
    /// Per site: page path (`bai-viet/x/`) → index in its `pages`.
    pages: Vec<HashMap<String, usize>>,
    /// Per site: files that need no template.
    assets: Vec<BTreeMap<String, FileData>>,
    /// Per site: everything, rendered when first needed.
    sites: Vec<Rendered<Arc<SiteOutput>>>,
    corpus: OnceLock<Corpus>,
    network_index: Vec<u8>,
    editorial: Rendered<BTreeMap<String, FileData>>,
    /// Problems already printed to the terminal (each is printed once).
    printed: Mutex<HashSet<String>>,
    /// Every error of this rebuild, each with the sites it keeps out (`Diagnostic::sites`).
    errors: Vec<Diagnostic>,
    /// The selected sites that could not be prepared (their problems are in `errors`).
    blocked: Vec<String>,
    /// Warnings of this rebuild to print once (links to pages not published yet).
    pub warnings: Vec<Diagnostic>,
}

/// The answer to a request path.
pub enum Answer {
    Bytes(Vec<u8>),
    Disk(PathBuf),
    Redirect(String),
    /// The 404 page to show, when the path is inside a site.
    NotFound(Option<Vec<u8>>),
    /// Rendering failed: the problems, as text.
    Failed(String),
    /// A site kept out by problems that has no good version to show (it never built).
    NeverBuilt,
}

impl Prepared {
    /// Resolves the selected sites and renders the network index; nothing else yet.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        project: Arc<Project>,
        table: crate::resolve::Table,
        theme: Arc<Theme>,
        images: Arc<ImageSet>,
        now: Zoned,
        selection: &Selection,
        root: PathBuf,
        mut errors: Vec<Diagnostic>,
        before: Option<(&Prepared, &[usize])>,
    ) -> Result<Prepared, Vec<Diagnostic>> {
        let timer = crate::timings::Timer::new();
        let lang = Lang::choose(project.network.language.as_deref());
        let options = RenderOptions { mode: Mode::Serve };
        let selected = crate::select_sites(&project, selection)?;
        let affected: HashSet<String> = errors
            .iter()
            .flat_map(|d| d.sites.iter().cloned())
            .collect();
        let mut blocked: Vec<String> = Vec::new();
        let mut builds = Vec::new();
        for &i in &selected {
            let id = &project.sites[i].id;
            if affected.contains(id) {
                blocked.push(id.clone());
                continue;
            }
            // After a save that replaced sources in place: the site's previous build, patched.
            let patched = before.and_then(|(b, changed)| {
                let build = b.builds.iter().find(|x| x.site == i)?;
                let before = crate::resolve::patch::Before {
                    build,
                    project: &b.project,
                    table: &b.table,
                };
                crate::resolve::patch::site(&project, &table, i, Mode::Serve, &before, changed)
            });
            if let Some(b) = patched {
                #[cfg(debug_assertions)]
                crate::resolve::patch::assert_same(&b, &project, &table, i, Mode::Serve);
                builds.push(b);
                continue;
            }
            match crate::resolve::resolve_site(&project, &table, i, Mode::Serve) {
                Ok(b) => builds.push(b),
                Err(mut e) => {
                    for d in &mut e {
                        d.sites = vec![id.clone()];
                    }
                    errors.extend(e);
                    blocked.push(id.clone());
                }
            }
        }
        for d in &errors {
            for id in &d.sites {
                if !blocked.contains(id) && project.site(id).is_none() {
                    blocked.push(id.clone()); // a unit whose site.yaml failed
                }
            }
        }
        diagnostics::sort(&mut errors);
        timer.lap("resolve");
        let pages = builds
            .iter()
            .map(|b| {
                b.pages
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (p.path.clone(), i))
                    .collect()
            })
            .collect();
        let sites = builds.iter().map(|_| OnceLock::new()).collect();
        let mut p = Prepared {
            table,
            project,
            theme,
            images,
            now,
            options,
            root,
            lang,
            builds,
            pages,
            assets: Vec::new(),
            sites,
            corpus: OnceLock::new(),
            network_index: Vec::new(),
            editorial: OnceLock::new(),
            printed: Mutex::new(HashSet::new()),
            errors,
            blocked,
            warnings: Vec::new(),
        };
        let (assets, index) = {
            let r = p.renderer();
            let assets = p.builds.par_iter().map(|b| r.site_assets(b)).collect();
            let all: Vec<usize> = (0..p.project.sites.len()).collect();
            (assets, r.render_network_index(&all)?)
        };
        p.assets = assets;
        p.network_index = index;
        timer.lap("assets");
        Ok(p)
    }

    /// What is public on which site at this rebuild's time.
    pub fn table(&self) -> &crate::resolve::Table {
        &self.table
    }

    fn renderer(&self) -> Renderer<'_> {
        Renderer {
            project: &self.project,
            theme: &self.theme,
            images: &self.images,
            search: &self.corpus,
            now: &self.now,
            options: &self.options,
            table: &self.table,
        }
    }

    pub fn site_count(&self) -> usize {
        self.builds.len()
    }

    /// Every error of this rebuild (each names the sites it keeps out).
    pub fn errors(&self) -> &[Diagnostic] {
        &self.errors
    }

    /// The ids of the sites this rebuild prepared.
    pub fn site_ids(&self) -> Vec<String> {
        self.builds
            .iter()
            .map(|b| self.project.sites[b.site].id.clone())
            .collect()
    }

    /// The sites kept out of this rebuild by problems.
    pub fn blocked(&self) -> &[String] {
        &self.blocked
    }

    /// The problems that keep site `id` out, when it is kept out.
    pub fn problems_of(&self, id: &str) -> Option<Vec<Diagnostic>> {
        self.blocked.iter().any(|b| b == id).then(|| {
            self.errors
                .iter()
                .filter(|d| d.sites.iter().any(|s| s == id))
                .cloned()
                .collect()
        })
    }

    /// The problems as the terminal shows them.
    pub fn problems_text(&self, problems: &[Diagnostic]) -> String {
        diagnostics::render(problems, diagnostics::Format::Text, self.lang, &self.root)
    }

    pub fn page_count(&self) -> usize {
        self.builds.iter().map(|b| b.pages.len()).sum()
    }

    /// Problems as the terminal shows them; printed to stderr the first time.
    fn failed(&self, errors: &[Diagnostic]) -> String {
        let text = diagnostics::render(errors, diagnostics::Format::Text, self.lang, &self.root);
        if self
            .printed
            .lock()
            .is_ok_and(|mut p| p.insert(text.clone()))
        {
            eprint!("{text}");
        }
        text
    }

    fn site_output(&self, b: usize) -> Result<Arc<SiteOutput>, String> {
        self.sites[b]
            .get_or_init(|| {
                self.renderer()
                    .render_site(&self.builds[b])
                    .map(Arc::new)
                    .map_err(|e| self.failed(&e))
            })
            .clone()
    }

    fn editorial(&self) -> Result<&BTreeMap<String, FileData>, String> {
        let files = self.editorial.get_or_init(|| {
            let next = crate::features::calendar::next_change(&self.project, &self.now);
            let (from, to) = crate::features::calendar::default_range(self.now.date());
            let units: Vec<_> = self
                .builds
                .iter()
                .map(|b| &self.project.sites[b.site])
                .collect();
            let plan = crate::features::calendar::plan(&self.project, &self.now, &units, from, to);
            self.renderer()
                .render_editorial(&plan, next.as_ref())
                .map_err(|e| self.failed(&e))
        });
        files.as_ref().map_err(Clone::clone)
    }

    fn file(data: &FileData) -> Answer {
        match data {
            FileData::Bytes(b) => Answer::Bytes(b.clone()),
            FileData::Copy(p) => Answer::Disk(p.clone()),
            // Only `build` writes pages as they are rendered; `serve` keeps them.
            FileData::Written(_) => Answer::NotFound(None),
        }
    }

    /// Answers a clean request path (no leading `/`).
    pub fn answer(&self, path: &str) -> Answer {
        if path.is_empty() || path == "index.html" {
            return Answer::Bytes(self.network_index.clone());
        }
        if let Some(rest) = path
            .strip_prefix("_editorial/")
            .or((path == "_editorial").then_some(""))
        {
            if path == "_editorial" {
                return Answer::Redirect("/_editorial/".into());
            }
            let files = match self.editorial() {
                Ok(f) => f,
                Err(text) => return Answer::Failed(text),
            };
            let key = if rest.is_empty() || rest.ends_with('/') {
                format!("{rest}index.html")
            } else {
                rest.to_string()
            };
            return files
                .get(&key)
                .map(Self::file)
                .unwrap_or(Answer::NotFound(None));
        }
        let (site, rest) = path.split_once('/').unwrap_or((path, ""));
        let Some(b) = self
            .builds
            .iter()
            .position(|b| self.project.sites[b.site].id == site)
        else {
            return Answer::NotFound(None);
        };
        if !path.contains('/') {
            return Answer::Redirect(format!("/{site}/"));
        }
        // The home page or a page: render it alone.
        let page_key = rest.strip_suffix("index.html").unwrap_or(rest);
        if page_key.is_empty() {
            return match self.renderer().render_home_page(&self.builds[b]) {
                Ok(html) => Answer::Bytes(html),
                Err(e) => Answer::Failed(self.failed(&e)),
            };
        }
        if (page_key.is_empty() || page_key.ends_with('/'))
            && let Some(&i) = self.pages[b].get(page_key)
        {
            return match self.renderer().render_one_page(&self.builds[b], i) {
                Ok(html) => Answer::Bytes(html),
                Err(e) => Answer::Failed(self.failed(&e)),
            };
        }
        if !rest.ends_with('/') && self.pages[b].contains_key(&format!("{rest}/")) {
            return Answer::Redirect(format!("/{site}/{rest}/"));
        }
        if let Some(data) = self.assets[b].get(rest) {
            return Self::file(data);
        }
        // A list page, the tag index or the feed: render it alone.
        if let Some(result) = self.renderer().render_list_path(&self.builds[b], rest) {
            return match result {
                Ok(bytes) => Answer::Bytes(bytes),
                Err(e) => Answer::Failed(self.failed(&e)),
            };
        }
        // Anything else of the site: render the whole site once.
        let out = match self.site_output(b) {
            Ok(o) => o,
            Err(text) => return Answer::Failed(text),
        };
        let key = if rest.is_empty() || rest.ends_with('/') {
            format!("{rest}index.html")
        } else {
            rest.to_string()
        };
        if let Some(data) = out.files.get(&key) {
            return Self::file(data);
        }
        if !rest.ends_with('/') && out.files.contains_key(&format!("{rest}/index.html")) {
            return Answer::Redirect(format!("/{site}/{rest}/"));
        }
        Answer::NotFound(out.files.get("404.html").and_then(|d| match d {
            FileData::Bytes(b) => Some(b.clone()),
            FileData::Copy(_) | FileData::Written(_) => None,
        }))
    }
}
