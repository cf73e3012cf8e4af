//! lantoa — a static site generator for the "safe social-network use" model in Vietnamese
//! schools. One pipeline, one direction: **load** (read and parse every file once) →
//! **resolve** (per site: what it publishes, where, with which links) → **render** (Tera,
//! once per output page) → **write** (staging folder, atomic swap) or **serve**.

// A `Diagnostic` is the error of every content function; it is only built on the error path,
// so its size (file, line, message data) costs nothing when content is correct.
#![allow(clippy::result_large_err)]

pub mod check;
pub mod cli;
pub mod dates;
pub mod diagnostics;
pub mod features;
pub mod load;
pub mod messages;
pub mod output;
pub mod render;
pub mod resolve;
pub mod safe;
pub mod scaffold;
pub mod serve;
pub mod text;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use diagnostics::Diagnostic;
use load::Project;
use messages::{Lang, Problem};
use render::{RenderOptions, Renderer, SiteOutput};
use resolve::Mode;

/// Phase timings on stderr when `LANTOA_TIMINGS` is set (for profiling a big network).
struct Timer {
    start: Option<Instant>,
    last: std::cell::Cell<Option<Instant>>,
}

impl Timer {
    fn new() -> Self {
        let start = std::env::var_os("LANTOA_TIMINGS").map(|_| Instant::now());
        Timer {
            start,
            last: std::cell::Cell::new(start),
        }
    }
    fn lap(&self, phase: &str) {
        if let (Some(start), Some(last)) = (self.start, self.last.get()) {
            let now = Instant::now();
            eprintln!(
                "lantoa: {phase:<10} {:>6} ms (total {} ms)",
                (now - last).as_millis(),
                (now - start).as_millis()
            );
            self.last.set(Some(now));
        }
    }
}

/// Receives each site as soon as it is rendered (the write stage of `build`); a site given to
/// a sink is not kept in memory afterwards.
pub type Sink<'a> = &'a (dyn Fn(&SiteOutput) -> std::io::Result<()> + Sync);

/// What to build.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Only these site ids (empty: all).
    pub sites: Vec<String>,
    /// `--shard K/N`: every N-th site starting at the K-th (1-based).
    pub shard: Option<(usize, usize)>,
}

/// The output of the pipeline before writing: every selected site, and the network index.
pub struct Generated {
    pub project: Project,
    pub output: Output,
    /// Images processed by this run, and reused from the cache.
    pub images: (usize, usize),
    /// Problems that do not stop the build (see `check.rs`).
    pub warnings: Vec<Diagnostic>,
    pub now: jiff::Zoned,
}

/// A failed run: every problem found, and the language to tell it in.
#[derive(Debug)]
pub struct Failure {
    pub diagnostics: Vec<Diagnostic>,
    pub lang: Lang,
}

impl Failure {
    fn new(mut diagnostics: Vec<Diagnostic>, lang: Lang) -> Self {
        diagnostics::sort(&mut diagnostics);
        diagnostics.dedup_by(|a, b| a.file == b.file && a.line == b.line && a.problem == b.problem);
        Failure { diagnostics, lang }
    }
}

/// The language of messages before `network.yaml` is read (or when it cannot be).
pub fn language_of(root: &Path) -> Lang {
    let network = std::fs::read_to_string(root.join("content/network.yaml")).unwrap_or_default();
    let lang = network
        .lines()
        .find_map(|l| l.strip_prefix("language:"))
        .map(|v| v.trim().trim_matches('"').to_string());
    Lang::choose(lang.as_deref())
}

/// The rendered network, before writing or serving.
pub struct Output {
    pub sites: Vec<SiteOutput>,
    pub network_index: Vec<u8>,
    /// `_editorial/`: the editorial calendar, reports and `next-change.json` (not deployed).
    pub editorial: std::collections::BTreeMap<String, render::FileData>,
    pub next_change: Option<features::calendar::NextChange>,
}

/// Where processed images are kept between builds: `LANTOA_CACHE`, else `<root>/.lantoa-cache`.
pub fn cache_dir(root: &Path) -> PathBuf {
    std::env::var_os("LANTOA_CACHE")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join(".lantoa-cache"))
        .join("images")
}

/// Everything that validates the project as a whole (once, not per site).
pub fn validate(project: &Project) -> Vec<Diagnostic> {
    let mut errors = resolve::links::validate(project);
    errors.extend(resolve::reserved_slugs(project));
    errors.extend(features::contest::validate(&project.contests));
    errors.extend(features::calendar::validate(project));
    errors
}

/// load → resolve → render, in memory.
pub fn generate(
    root: &Path,
    now: Option<&str>,
    selection: &Selection,
    mode: Mode,
    options: &RenderOptions,
    sink: Option<Sink>,
) -> Result<Generated, Failure> {
    let lang = language_of(root);
    let now = dates::build_time(now).map_err(|v| {
        Failure::new(
            vec![Diagnostic::error("--now", 0, Problem::BadDate { value: v })],
            lang,
        )
    })?;
    let timer = Timer::new();
    let project = load::load(root).map_err(|d| Failure::new(d, lang))?;
    timer.lap("load");
    let lang = Lang::choose(project.network.language.as_deref());
    let mut errors = validate(&project);
    let warnings = check::warnings(&project, &now);
    timer.lap("validate");
    let with_warnings = |mut errors: Vec<Diagnostic>| {
        errors.extend(warnings.iter().cloned());
        Failure::new(errors, lang)
    };
    let theme = render::theme::Theme::load(root, &project.themes, &project.network.theme);
    let theme = match theme {
        Ok(t) => Some(t),
        Err(e) => {
            errors.extend(e);
            None
        }
    };
    let (Some(theme), true) = (theme, errors.is_empty()) else {
        return Err(with_warnings(errors));
    };
    let images =
        features::images::process_all(&project, &cache_dir(root), None).map_err(with_warnings)?;
    timer.lap("images");
    let output = render_project(
        &project,
        &theme,
        &images,
        &now,
        selection,
        &RenderOptions {
            preview: mode.preview,
            ..options.clone()
        },
        sink,
    )
    .map_err(with_warnings)?;
    timer.lap("render");
    let mut warnings = warnings;
    diagnostics::sort(&mut warnings);
    Ok(Generated {
        project,
        output,
        images: (images.processed, images.reused),
        warnings,
        now,
    })
}

/// resolve → render of a loaded (and validated) project. `options.preview` also decides which
/// pages are resolved (drafts, review and scheduled pages too).
pub fn render_project(
    project: &Project,
    theme: &render::theme::Theme,
    images: &features::images::ImageSet,
    now: &jiff::Zoned,
    selection: &Selection,
    options: &RenderOptions,
    sink: Option<Sink>,
) -> Result<Output, Vec<Diagnostic>> {
    let selected = select_sites(project, selection)?;
    let builds = resolve::resolve_sites(
        project,
        &selected,
        now,
        Mode {
            preview: options.preview,
        },
    )?;
    let mut errors = Vec::new();
    let search = std::sync::OnceLock::new();
    let renderer = Renderer {
        project,
        theme,
        images,
        search: &search,
        now,
        options,
    };
    let rendered: Vec<Result<SiteOutput, Vec<Diagnostic>>> = builds
        .par_iter()
        .map(|b| {
            let mut site = renderer.render_site(b)?;
            if let Some(sink) = sink {
                sink(&site).map_err(|e| {
                    vec![Diagnostic::error(
                        &site.site_id,
                        0,
                        Problem::Io {
                            detail: e.to_string(),
                        },
                    )]
                })?;
                site.written = site.files.len();
                site.files = Default::default(); // written: free the memory
            }
            Ok(site)
        })
        .collect();
    let mut sites = Vec::new();
    for r in rendered {
        match r {
            Ok(s) => sites.push(s),
            Err(e) => errors.extend(e),
        }
    }
    let all: Vec<usize> = (0..project.sites.len()).collect();
    let network_index = renderer.render_network_index(&all).unwrap_or_else(|e| {
        errors.extend(e);
        Vec::new()
    });
    let next_change = features::calendar::next_change(project, now);
    let (from, to) = features::calendar::default_range(now.date());
    let units: Vec<&load::config::Site> = selected.iter().map(|&i| &project.sites[i]).collect();
    let plan = features::calendar::plan(project, now, &units, from, to);
    let editorial = renderer
        .render_editorial(&plan, next_change.as_ref())
        .unwrap_or_else(|e| {
            errors.extend(e);
            Default::default()
        });
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Output {
        sites,
        network_index,
        editorial,
        next_change,
    })
}

pub(crate) fn select_sites(
    project: &Project,
    selection: &Selection,
) -> Result<Vec<usize>, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    for id in &selection.sites {
        if project.site(id).is_none() {
            errors.push(Diagnostic::error(
                format!("--site {id}"),
                0,
                load::config::unknown_site(id, project.sites.iter().map(|s| s.id.as_str())),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok((0..project.sites.len())
        .filter(|&i| selection.sites.is_empty() || selection.sites.contains(&project.sites[i].id))
        .filter(|&i| selection.shard.is_none_or(|(k, n)| i % n == k - 1))
        .collect())
}

/// What `build` reports at the end.
#[derive(Debug)]
pub struct BuildReport {
    pub sites: usize,
    pub pages: usize,
    pub files: usize,
    pub elapsed: Duration,
    pub out: PathBuf,
    pub next_change: Option<features::calendar::NextChange>,
    pub warnings: Vec<Diagnostic>,
    pub lang: Lang,
    /// Images processed by this build, and reused from the cache.
    pub images: (usize, usize),
}

/// `lantoa build`: generate, then write atomically into `out`.
pub fn build(
    root: &Path,
    out: &Path,
    now: Option<&str>,
    selection: &Selection,
    drafts: bool,
) -> Result<BuildReport, Failure> {
    let started = Instant::now();
    let lang = language_of(root);
    output::check_output_dir(out, root).map_err(|d| Failure::new(vec![d], lang))?;
    let io_error = |e: std::io::Error| {
        Failure::new(
            vec![Diagnostic::error(
                out,
                0,
                Problem::Io {
                    detail: e.to_string(),
                },
            )],
            lang,
        )
    };
    let waiting = || {
        eprintln!(
            "{}",
            messages::waiting_for_output(lang, &out.display().to_string())
        )
    };
    let staging = output::Staging::begin(out, &waiting).map_err(io_error)?;
    // With the lock held (no other build is walking the output), before anything is rendered.
    output::check_writable(out).map_err(|d| Failure::new(vec![d], lang))?;
    let write_site = |site: &SiteOutput| {
        staging
            .write(&format!("{}/", site.site_id), &site.files)
            .map(|_| ())
    };
    let generated = generate(
        root,
        now,
        selection,
        Mode { preview: drafts },
        &RenderOptions::default(),
        Some(&write_site),
    )?;
    let index = render::FileData::Bytes(generated.output.network_index.clone());
    let index_name = "index.html".to_string();
    staging
        .write("", [(&index_name, &index)])
        .map_err(io_error)?;
    staging
        .write("_editorial/", &generated.output.editorial)
        .map_err(io_error)?;
    let built: Vec<String> = generated
        .output
        .sites
        .iter()
        .map(|s| format!("{}/", s.site_id))
        .collect();
    // A build of some sites keeps the other sites' folders; the index and the editorial
    // calendar are always rewritten.
    let keep = |rel: &str| {
        !built.iter().any(|b| rel.starts_with(b.as_str()))
            && rel != "index.html"
            && !rel.starts_with("_editorial/")
    };
    let written = staging.commit(&keep).map_err(io_error)?;
    if std::env::var_os("LANTOA_TIMINGS").is_some() {
        eprintln!(
            "lantoa: written    total {} ms",
            started.elapsed().as_millis()
        );
    }
    Ok(BuildReport {
        sites: generated.output.sites.len(),
        pages: generated.output.sites.iter().map(|s| s.page_count).sum(),
        files: written,
        elapsed: started.elapsed(),
        out: out.to_path_buf(),
        next_change: generated.output.next_change.clone(),
        lang: Lang::choose(generated.project.network.language.as_deref()),
        warnings: generated.warnings,
        images: generated.images,
    })
}
