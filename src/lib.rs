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
pub mod deploy;
pub mod diagnostics;
pub mod features;
pub mod files;
pub mod load;
pub mod messages;
pub mod output;
pub mod prepare;
pub mod render;
pub mod report;
pub mod resolve;
pub mod safe;
pub mod scaffold;
pub mod serve;
pub mod text;
pub mod timings;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use diagnostics::Diagnostic;
use load::Project;
use messages::{Lang, Problem};
use render::{RenderOptions, Renderer, SiteOutput};
use resolve::Mode;

/// The write stage of `build`: each page and list page as soon as it is rendered, the rest of
/// each site once it is (a site given to a sink is not kept in memory afterwards), and the
/// pages already written of a site that failed.
pub struct SinkTo<'a> {
    pub page: render::PageSink<'a>,
    pub site: &'a (dyn Fn(&SiteOutput) -> std::io::Result<()> + Sync),
    /// Removes what `page` wrote for this site id.
    pub discard: &'a (dyn Fn(&str) -> std::io::Result<()> + Sync),
}

pub type Sink<'a> = &'a SinkTo<'a>;

/// What to build.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Only these site ids (empty: all).
    pub sites: Vec<String>,
    /// `--shard K/N`: every N-th site starting at the K-th (1-based).
    pub shard: Option<(usize, usize)>,
}

/// The output of the pipeline before writing: every selected site that could be built, the
/// network index, and the problems that kept the others from being built.
pub struct Generated {
    pub project: Project,
    pub output: Output,
    /// Images processed by this run, and reused from the cache.
    pub images: (usize, usize),
    /// Problems that do not stop the build (see `check.rs`).
    pub warnings: Vec<Diagnostic>,
    /// Errors, each with the sites it affects (`Diagnostic::sites`): those sites were not
    /// built and keep their previous output.
    pub errors: Vec<Diagnostic>,
    /// The selected sites that were not built because of `errors`, with the number of errors
    /// affecting each (units whose `site.yaml` failed included).
    pub kept: Vec<(String, usize)>,
    pub now: jiff::Zoned,
}

/// How a problem in one unit is handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Policy {
    /// Build every site no problem affects; the others keep their previous output.
    #[default]
    Isolate,
    /// `--all-or-nothing`: any error and nothing is built.
    AllOrNothing,
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

/// The language of messages before `network.yaml` is read (or when it cannot be):
/// `LANTOA_LANG`, else Vietnamese. `network.yaml` is read once, by `load`; its `language` is
/// then `Project::lang` (or `load::NotLoaded::lang`).
pub fn language_before_load() -> Lang {
    Lang::choose(None)
}

/// The rendered network, before writing or serving.
pub struct Output {
    pub sites: Vec<SiteOutput>,
    pub network_index: Vec<u8>,
    /// `_editorial/`: the editorial calendar, reports and `next-change.json` (not deployed).
    pub editorial: std::collections::BTreeMap<String, files::FileData>,
    pub next_change: Option<features::calendar::NextChange>,
}

/// Where processed images are kept between builds: `LANTOA_CACHE`, else `<root>/.lantoa-cache`.
pub fn cache_dir(root: &Path) -> PathBuf {
    std::env::var_os("LANTOA_CACHE")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join(".lantoa-cache"))
        .join("images")
}

/// load → resolve → render, in memory. With `Policy::Isolate`, a problem keeps only the sites
/// it affects from being built (see `resolve::affected`); it fails only when nothing can be
/// built, or on any error with `Policy::AllOrNothing`.
pub fn generate(
    root: &Path,
    now: Option<&str>,
    selection: &Selection,
    mode: Mode,
    sink: Option<Sink>,
    policy: Policy,
) -> Result<Generated, Failure> {
    let timer = timings::Timer::new();
    let loaded = load_stage(root)?;
    timer.lap("load");
    generate_loaded(root, loaded, now, selection, mode, sink, policy)
}

/// The load stage of `generate`: fails only when there is no project at all (see
/// `load::load_partial`), in the language of `network.yaml` when it could be parsed.
pub fn load_stage(root: &Path) -> Result<load::Loaded, Failure> {
    load::load_partial(root).map_err(|e| Failure::new(e.problems, e.lang))
}

/// `generate` after its load stage.
#[allow(clippy::too_many_arguments)]
pub fn generate_loaded(
    root: &Path,
    loaded: load::Loaded,
    now: Option<&str>,
    selection: &Selection,
    mode: Mode,
    sink: Option<Sink>,
    policy: Policy,
) -> Result<Generated, Failure> {
    let timer = timings::Timer::new();
    let project = loaded.project;
    let lang = project.lang();
    let now = dates::build_time(now).map_err(|v| {
        Failure::new(
            vec![Diagnostic::error("--now", 0, Problem::BadDate { value: v })],
            lang,
        )
    })?;
    let fail = |mut errors: Vec<Diagnostic>, warnings: &[Diagnostic]| {
        errors.extend(warnings.iter().cloned());
        Failure::new(errors, lang)
    };
    let selected = select_sites(&project, selection).map_err(|e| fail(e, &[]))?;
    let theme = match render::theme::Theme::load(root, &project.themes, &project.network.theme) {
        Ok(t) => t,
        Err(mut e) => {
            e.extend(loaded.problems);
            return Err(fail(e, &[])); // every site uses the theme
        }
    };
    let cache = cache_dir(root);
    let prepare::Ready {
        table,
        images,
        mut errors,
        warnings,
        blocked,
    } = prepare::prepare(
        &project,
        prepare::LoadProblems {
            problems: loaded.problems,
            failed: &loaded.failed,
            missing_sites: &loaded.missing_sites,
        },
        &now,
        mode,
        Some(prepare::Photos {
            cache: &cache,
            memo: None,
        }),
        None,
    );
    timer.lap("prepare");
    if policy == Policy::AllOrNothing && !errors.is_empty() {
        return Err(fail(errors, &warnings));
    }
    let buildable: Vec<usize> = selected
        .iter()
        .copied()
        .filter(|i| !blocked.contains(i))
        .collect();
    let rendered = render_project(
        &project,
        &table,
        &theme,
        &images,
        &now,
        &buildable,
        &RenderOptions { mode },
        sink,
    )
    .map_err(|e| fail(e, &warnings))?;
    timer.lap("render");
    let (output, render_errors) = rendered;
    if policy == Policy::AllOrNothing && !render_errors.is_empty() {
        return Err(fail(render_errors, &warnings));
    }
    errors.extend(render_errors);
    diagnostics::sort(&mut errors);
    let built: std::collections::BTreeSet<&str> =
        output.sites.iter().map(|s| s.site_id.as_str()).collect();
    let errors_of = |id: &str| {
        errors
            .iter()
            .filter(|d| d.sites.iter().any(|s| s == id))
            .count()
    };
    let mut kept: Vec<(String, usize)> = selected
        .iter()
        .map(|&i| project.sites[i].id.as_str())
        .filter(|id| !built.contains(id))
        .map(|id| (id.to_string(), errors_of(id)))
        .collect();
    if selection.sites.is_empty() && selection.shard.is_none() {
        kept.extend(
            loaded
                .missing_sites
                .iter()
                .map(|id| (id.clone(), errors_of(id).max(1))),
        );
    }
    if output.sites.is_empty() && !kept.is_empty() {
        return Err(fail(errors, &warnings)); // nothing could be built
    }
    Ok(Generated {
        project,
        output,
        images: (images.processed, images.reused),
        warnings,
        errors,
        kept,
        now,
    })
}

/// resolve → render of the sites `build` (a loaded project), the network index and the
/// editorial calendar (of every unit, so every shard writes the same). `options.preview` also decides which
/// pages are resolved (drafts, review and scheduled pages too). A site that fails to resolve
/// or render is left out, its problems returned with its id; an error in the network index or
/// the editorial calendar fails the whole run.
#[allow(clippy::too_many_arguments)]
pub fn render_project(
    project: &Project,
    table: &resolve::Table,
    theme: &render::theme::Theme,
    images: &features::images::ImageSet,
    now: &jiff::Zoned,
    build: &[usize],
    options: &RenderOptions,
    sink: Option<Sink>,
) -> Result<(Output, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mode = options.mode;
    let search = std::sync::OnceLock::new();
    let renderer = Renderer {
        project,
        theme,
        images,
        search: &search,
        now,
        options,
        table,
    };
    let write_failed = std::sync::Mutex::new(Vec::new());
    // The disk, not the content: a write that fails fails the whole run.
    let io_failed = |site: &str, e: &std::io::Error| {
        let d = Diagnostic::error(
            site,
            0,
            Problem::Io {
                detail: e.to_string(),
            },
        );
        write_failed
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(d);
    };
    let write_page = |site: &str, file: &str, bytes: &[u8]| {
        let written = sink.map(|s| (s.page)(site, file, bytes)).transpose();
        written.map(|_| ()).inspect_err(|e| io_failed(site, e))
    };
    let rendered: Vec<Result<SiteOutput, Vec<Diagnostic>>> = build
        .par_iter()
        .map(|&i| {
            let b = resolve::resolve_site(project, table, i, mode)?;
            let write: Option<render::PageSink> = sink.map(|_| &write_page as render::PageSink);
            let mut site = match renderer.render_site_to(&b, write) {
                Ok(site) => site,
                Err(e) => {
                    let id = &project.sites[i].id;
                    if let Some(Err(d)) = sink.map(|s| (s.discard)(id)) {
                        io_failed(id, &d);
                    }
                    return Err(e);
                }
            };
            if let Some(sink) = sink {
                if let Err(e) = (sink.site)(&site) {
                    io_failed(&site.site_id, &e);
                    return Ok(site);
                }
                site.written = site.files.len();
                site.files = Default::default(); // written: free the memory
            }
            Ok(site)
        })
        .collect();
    let write_failed = write_failed.into_inner().unwrap_or_else(|p| p.into_inner());
    if !write_failed.is_empty() {
        return Err(write_failed);
    }
    let mut sites = Vec::new();
    let mut site_errors = Vec::new();
    for (r, &i) in rendered.into_iter().zip(build) {
        match r {
            Ok(s) => sites.push(s),
            Err(mut e) => {
                for d in &mut e {
                    d.sites = vec![project.sites[i].id.clone()];
                }
                site_errors.extend(e);
            }
        }
    }
    let mut errors = Vec::new();
    let all: Vec<usize> = (0..project.sites.len()).collect();
    let network_index = renderer.render_network_index(&all).unwrap_or_else(|e| {
        errors.extend(e);
        Vec::new()
    });
    let next_change = features::calendar::next_change(project, now);
    let (from, to) = features::calendar::default_range(now.date());
    // Network-wide outputs are the same whatever is selected (every shard writes the same
    // index and editorial calendar): every unit, not only the selected ones.
    let units: Vec<&load::config::Site> = project.sites.iter().collect();
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
    Ok((
        Output {
            sites,
            network_index,
            editorial,
            next_change,
        },
        site_errors,
    ))
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
    /// Errors that kept some sites from being updated (each with its `sites`).
    pub errors: Vec<Diagnostic>,
    /// Per site: updated or kept, its problems, whether its folder changed.
    pub report: report::BuildReport,
}

impl BuildReport {
    /// Sites kept at their previous output because of problems.
    pub fn kept(&self) -> impl Iterator<Item = &report::SiteReport> {
        self.report
            .sites
            .iter()
            .filter(|s| s.state == report::SiteState::Kept)
    }
}

/// `lantoa build`: generate, then write atomically into `out`.
pub fn build(
    root: &Path,
    out: &Path,
    now: Option<&str>,
    selection: &Selection,
    drafts: bool,
    policy: Policy,
) -> Result<BuildReport, Failure> {
    let started = Instant::now();
    let timer = timings::Timer::new();
    // `network.yaml` is read once, here, so that every message is in its language.
    let loaded = load_stage(root)?;
    timer.lap("load");
    let lang = loaded.project.lang();
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
    let digests = std::sync::Mutex::new(std::collections::BTreeMap::new());
    let write_site = |site: &SiteOutput| {
        staging.write(&format!("{}/", site.site_id), &site.files)?;
        let digest = report::digest(&site.files);
        digests
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(site.site_id.clone(), digest);
        Ok(())
    };
    let write_page =
        |site: &str, file: &str, bytes: &[u8]| staging.write_one(&format!("{site}/{file}"), bytes);
    let discard = |site: &str| staging.discard(&format!("{site}/"));
    let sink = SinkTo {
        page: &write_page,
        site: &write_site,
        discard: &discard,
    };
    let generated = generate_loaded(
        root,
        loaded,
        now,
        selection,
        if drafts { Mode::Preview } else { Mode::Publish },
        Some(&sink),
        policy,
    )?;
    let digests = digests.into_inner().unwrap_or_else(|p| p.into_inner());
    let previous = report::BuildReport::read(out);
    let lang = generated.project.lang();
    let build_report = report::BuildReport::new(
        &generated.project,
        &generated.now,
        &digests,
        &generated.kept,
        &generated.errors,
        previous.as_ref(),
        lang,
    );
    let report_name = report::FILE.to_string();
    let report_data = files::FileData::Bytes(build_report.to_json().into_bytes());
    staging
        .write("_editorial/", [(&report_name, &report_data)])
        .map_err(io_error)?;
    let index = files::FileData::Bytes(generated.output.network_index.clone());
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
    // Freeing every parsed source takes a noticeable moment with 10,000 of them: it is done on
    // another thread (a `lantoa build` process exits without waiting for it).
    let project = generated.project;
    std::thread::spawn(move || drop(project));
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
        lang,
        warnings: generated.warnings,
        images: generated.images,
        errors: generated.errors,
        report: build_report,
    })
}
