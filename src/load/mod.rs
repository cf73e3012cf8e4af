//! The load stage: walk `content/`, read and parse every file once (in parallel), and return
//! the `Project` — configuration, the unit tree, laws, every source with its HTML and search
//! terms (`search.rs`), and the contest files (`contest.rs`). Nothing here depends on which
//! site will publish a page, and nothing here uses a later stage.

pub mod config;
pub mod contest;
pub mod file;
pub mod frontmatter;
pub mod markdown;
pub mod search;
pub mod yaml;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::messages::{Lang, Problem};
use config::{Laws, Network, Site, SiteConfig};
use frontmatter::{Kind, Meta};
use markdown::Rendered;

/// Who owns a source: the network (`common/`) or one unit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Owner {
    Common,
    Site(String),
}

/// One content file, parsed once.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path relative to the project root (`content/sites/x/articles/a.md`).
    pub file: PathBuf,
    /// Path relative to `content/` with forward slashes: the `@/` link key.
    pub key: String,
    pub owner: Owner,
    pub kind: Kind,
    pub meta: Meta,
    pub body: Rendered,
    /// Folder the page's own images are read from.
    pub dir: PathBuf,
    /// The file of a local `cover` (in the page's folder or content/media/), resolved once.
    pub cover_file: Option<PathBuf>,
    /// Its words for the site search, counted once.
    pub search: search::SearchTerms,
    /// Every local file it publishes as an attachment (documents it links, a document's
    /// `file`), found once.
    pub attachments: Vec<Attachment>,
    /// An album's photos, in display order (captions first, then by file name).
    pub photos: Vec<Photo>,
}

/// A local file a page links (PDF, DOCX…): published beside the page, or from content/media/.
#[derive(Debug, Clone)]
pub struct Attachment {
    /// As the page names it, decoded: relative to the page's folder, or `/media/<name>`.
    pub name: String,
    pub file: PathBuf,
    pub size: u64,
    pub line: usize,
}

impl Attachment {
    /// Published with the shared media (every site has it), not beside the page.
    pub fn in_media(&self) -> bool {
        self.name.starts_with("/media/")
    }
}

/// A photo of an album (a file beside its index.md).
#[derive(Debug, Clone)]
pub struct Photo {
    /// The file name, relative to the album's folder.
    pub name: String,
    pub file: PathBuf,
    pub caption: String,
}

/// Everything loaded from disk.
#[derive(Debug, Clone)]
pub struct Project {
    pub root: PathBuf,
    pub content: PathBuf,
    pub themes: PathBuf,
    pub network: Network,
    pub laws: Laws,
    pub sites: Vec<Site>,
    /// Shared (`Arc`): `serve` keeps the project between saves and replaces only changed files.
    pub sources: Vec<std::sync::Arc<Source>>,
    /// Contest definitions and editions.
    pub contests: Vec<contest::ContestSource>,
    /// Every file of `content/media/`, checked once (publishable types only).
    pub media: Vec<MediaFile>,
}

/// A file of `content/media/`, published on every site as `media/<name>`.
#[derive(Debug, Clone)]
pub struct MediaFile {
    /// Relative to `content/media/`, with forward slashes.
    pub name: String,
    pub file: PathBuf,
    pub kind: crate::safe::FileType,
}

impl Project {
    /// The language of messages: `LANTOA_LANG`, else `network.yaml`'s `language`.
    pub fn lang(&self) -> Lang {
        Lang::choose(self.network.language.as_deref())
    }
    pub fn site(&self, id: &str) -> Option<&Site> {
        self.sites.iter().find(|s| s.id == id)
    }
    pub fn rel(&self, p: &Path) -> PathBuf {
        p.strip_prefix(&self.root)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| p.to_path_buf())
    }
}

/// A project loaded as far as it could be: every source and site that loaded, and the
/// problems of the others (each names its file, so it can be traced to the sites it affects).
#[derive(Debug)]
pub struct Loaded {
    pub project: Project,
    pub problems: Vec<Diagnostic>,
    /// Sources that failed to load, with their front matter when it could be read (to know
    /// which sites would have published them).
    pub failed: Vec<FailedSource>,
    /// Units left out of the tree (their `site.yaml`, or an ancestor's, failed).
    pub missing_sites: Vec<String>,
}

/// A source file that could not be loaded.
#[derive(Debug, Clone)]
pub struct FailedSource {
    pub file: PathBuf,
    pub owner: Owner,
    pub meta: Option<Meta>,
}

/// Loads the project at `root` (`root/content`, `root/themes`). Returns every problem found;
/// any problem fails (see `load_partial` for a load that keeps what is sound).
pub fn load(root: &Path) -> Result<Project, NotLoaded> {
    let loaded = load_partial(root)?;
    if loaded.problems.is_empty() {
        Ok(loaded.project)
    } else {
        Err(NotLoaded {
            problems: loaded.problems,
            lang: loaded.project.lang(),
        })
    }
}

/// Why a project could not be loaded, and the language to tell it in: `network.yaml`'s (read
/// once, here), or `LANTOA_LANG` / Vietnamese when it could not be read.
#[derive(Debug)]
pub struct NotLoaded {
    pub problems: Vec<Diagnostic>,
    pub lang: Lang,
}

/// Loads what can be loaded. Fails only when there is no project at all to build: no readable
/// `network.yaml`, no unit, or a unit tree that cannot be put together.
pub fn load_partial(root: &Path) -> Result<Loaded, NotLoaded> {
    let content = root.join("content");
    let rel = |p: &Path| {
        p.strip_prefix(root)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| p.to_path_buf())
    };
    let mut errors = Vec::new();

    let network_path = content.join("network.yaml");
    let network: Option<Network> = file::read_text(&network_path, &rel(&network_path))
        .and_then(|t| yaml::parse(&t, &rel(&network_path), 1))
        .map_err(|d| errors.push(d))
        .ok();

    let laws_path = content.join("laws.yaml");
    let laws = if laws_path.exists() {
        match file::read_text(&laws_path, &rel(&laws_path)) {
            Ok(t) => config::load_laws(&rel(&laws_path), &t).unwrap_or_else(|e| {
                errors.extend(e);
                Laws::new()
            }),
            Err(d) => {
                errors.push(d);
                Laws::new()
            }
        }
    } else {
        Laws::new()
    };

    // Links out of the content and theme folders are refused before anything is read.
    for (dir, allowed) in [
        (&content, &content),
        (&root.join("themes"), &root.join("themes")),
    ] {
        for (link, target) in crate::safe::links_outside(dir, allowed) {
            errors.push(Diagnostic::error(
                rel(&link),
                0,
                Problem::SymlinkOutside {
                    link: crate::diagnostics::display_path(&rel(&link)),
                    target: target.display().to_string(),
                },
            ));
        }
    }
    let media = load_media(&content, root, &mut errors);
    let (sites, broken_sites) = load_sites(&content, root, &mut errors);

    // Every content file, in parallel.
    let mut jobs: Vec<(Owner, Kind, PathBuf)> = Vec::new();
    let mut contest_files = Vec::new();
    collect_kind_files(
        &content.join("common"),
        Owner::Common,
        root,
        &mut jobs,
        &mut contest_files,
        &mut errors,
    );
    for s in &sites {
        collect_kind_files(
            &content.join("sites").join(&s.id),
            Owner::Site(s.id.clone()),
            root,
            &mut jobs,
            &mut contest_files,
            &mut errors,
        );
    }
    let results: Vec<Result<Source, Failure>> = jobs
        .par_iter()
        .map(|(owner, kind, path)| {
            let rel = path.strip_prefix(root).unwrap_or(path).to_path_buf();
            file::read_text(path, &rel)
                .map_err(|d| Failure {
                    diagnostics: vec![d],
                    meta: None,
                })
                .and_then(|text| {
                    parse_source_full(root, &content, owner.clone(), *kind, path, &text)
                })
        })
        .collect();
    let contest_results: Vec<_> = contest_files
        .par_iter()
        .map(|(owner, path)| contest::load(root, owner.clone(), path))
        .collect();
    let mut contests = Vec::new();
    for r in contest_results {
        match r {
            Ok(c) => contests.push(c),
            Err(e) => errors.extend(e),
        }
    }
    let mut sources = Vec::with_capacity(results.len());
    let mut failed = Vec::new();
    for (r, (owner, _, path)) in results.into_iter().zip(&jobs) {
        match r {
            Ok(s) => sources.push(std::sync::Arc::new(s)),
            Err(f) => {
                failed.push(FailedSource {
                    file: rel(path),
                    owner: owner.clone(),
                    meta: f.meta,
                });
                errors.extend(f.diagnostics);
            }
        }
    }

    let Some(network) = network else {
        return Err(NotLoaded {
            problems: errors,
            lang: Lang::choose(None),
        });
    };
    let (sites, missing_sites) = without_orphans(sites, &broken_sites);
    let sites = if sites.is_empty() {
        errors.push(Diagnostic::error(
            rel(&content.join("sites")),
            0,
            Problem::NoSites,
        ));
        Vec::new()
    } else {
        match config::build_tree(sites, &network) {
            Ok(s) => s,
            Err(e) => {
                errors.extend(e);
                Vec::new()
            }
        }
    };
    if sites.is_empty() {
        return Err(NotLoaded {
            problems: errors,
            lang: Lang::choose(network.language.as_deref()),
        });
    }
    sources.sort_by(|a, b| a.key.cmp(&b.key));
    Ok(Loaded {
        project: Project {
            root: root.to_path_buf(),
            themes: root.join("themes"),
            content,
            network,
            laws,
            sites,
            sources,
            contests,
            media,
        },
        problems: errors,
        failed,
        missing_sites,
    })
}

/// Leaves out the units whose `site.yaml` failed and every unit below them (they cannot be
/// placed in the tree); returns the units kept and the ids left out.
fn without_orphans(sites: Vec<Site>, broken: &[String]) -> (Vec<Site>, Vec<String>) {
    let mut missing: Vec<String> = broken.to_vec();
    let mut sites = sites;
    loop {
        let before = sites.len();
        let (orphans, kept): (Vec<Site>, Vec<Site>) = sites.into_iter().partition(|s| {
            s.config
                .parent
                .as_ref()
                .is_some_and(|p| missing.contains(p))
        });
        missing.extend(orphans.into_iter().map(|s| s.id));
        sites = kept;
        if sites.len() == before {
            break;
        }
    }
    missing.sort();
    (sites, missing)
}

/// Why a source failed, with its front matter when it was read.
pub struct Failure {
    pub diagnostics: Vec<Diagnostic>,
    pub meta: Option<Meta>,
}

/// Walks `content/media/` once: every publishable file, and an error for every other one.
fn load_media(content: &Path, root: &Path, errors: &mut Vec<Diagnostic>) -> Vec<MediaFile> {
    use crate::safe::Refused;
    let dir = content.join("media");
    let mut media = Vec::new();
    for e in walkdir::WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let Ok(name) = e.path().strip_prefix(&dir) else {
            continue;
        };
        let name = name.to_string_lossy().replace('\\', "/");
        if name.split('/').any(|part| part.starts_with('.')) {
            continue; // hidden files (.DS_Store, editors' swap files)
        }
        let rel = e
            .path()
            .strip_prefix(root)
            .unwrap_or(e.path())
            .to_path_buf();
        let src = crate::diagnostics::display_path(&rel);
        let problem = match crate::safe::file_type(&name) {
            Ok(kind) => {
                media.push(MediaFile {
                    name,
                    file: e.path().to_path_buf(),
                    kind,
                });
                continue;
            }
            Err(Refused::Svg) => Problem::SvgRefused { src },
            Err(Refused::UnsupportedPhoto(format)) => Problem::UnsupportedImage {
                src,
                format: format.into(),
            },
            Err(Refused::NotAllowed(ext)) => Problem::FileRefused { src, ext },
        };
        errors.push(Diagnostic::error(rel, 0, problem));
    }
    media
}

/// Every unit of `content/sites/`, and the ids of those whose `site.yaml` failed.
fn load_sites(
    content: &Path,
    root: &Path,
    errors: &mut Vec<Diagnostic>,
) -> (Vec<Site>, Vec<String>) {
    let dir = content.join("sites");
    let mut broken = Vec::new();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return (Vec::new(), broken);
    };
    // `file_type` does not follow links: a linked unit folder is never read.
    let mut ids: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| crate::text::nfc(&e.file_name().to_string_lossy()))
        .collect();
    ids.sort();
    let mut sites = Vec::new();
    for id in ids {
        let path = dir.join(&id).join("site.yaml");
        let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
        if !path.exists() {
            errors.push(Diagnostic::error(
                &rel,
                0,
                Problem::Io {
                    detail: format!("thiếu tệp {}", rel.display()),
                },
            ));
            broken.push(id);
            continue;
        }
        let parsed =
            file::read_text(&path, &rel).and_then(|t| yaml::parse::<SiteConfig>(&t, &rel, 1));
        match parsed {
            Ok(config) => {
                let theme_dir = Some(dir.join(&id).join("theme")).filter(|p| p.is_dir());
                let site = Site {
                    id,
                    config,
                    file: rel,
                    base_url: String::new(),
                    ancestors: Vec::new(),
                    theme_dir,
                };
                errors.extend(config::check_site(&site));
                sites.push(site);
            }
            Err(d) => {
                errors.push(d);
                broken.push(id);
            }
        }
    }
    (sites, broken)
}

/// Finds `articles/ stories/ primers/ pages/` (and `contests/`) files under `base`.
fn collect_kind_files(
    base: &Path,
    owner: Owner,
    root: &Path,
    jobs: &mut Vec<(Owner, Kind, PathBuf)>,
    contests: &mut Vec<(Owner, PathBuf)>,
    errors: &mut Vec<Diagnostic>,
) {
    let Ok(entries) = std::fs::read_dir(base) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        // `file_type` does not follow links: a linked section folder is never read.
        if !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let folder = entry.file_name().to_string_lossy().to_string();
        if folder == "theme" {
            continue;
        }
        let kind = Kind::from_folder(&folder);
        if kind.is_none() && folder != "contests" {
            let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            errors.push(Diagnostic::error(rel, 0, Problem::UnknownFolder { folder }));
            continue;
        }
        for f in walkdir::WalkDir::new(&path)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            let p = f.path();
            let is_md = p.extension().is_some_and(|e| e.eq_ignore_ascii_case("md"));
            let hidden = p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(['.', '~', '#']));
            if !f.file_type().is_file() || !is_md || hidden {
                continue;
            }
            match kind {
                Some(k) => jobs.push((owner.clone(), k, p.to_path_buf())),
                None => contests.push((owner.clone(), p.to_path_buf())),
            }
        }
    }
}

/// Reads, splits and parses one file (front matter + Markdown), once.
pub fn load_source(
    root: &Path,
    content: &Path,
    owner: Owner,
    kind: Kind,
    path: &Path,
) -> Result<Source, Vec<Diagnostic>> {
    let rel = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let text = file::read_text(path, &rel).map_err(|d| vec![d])?;
    parse_source(root, content, owner, kind, path, &text)
}

/// Parses the (decoded) text of a source file at `path`. Never panics, whatever the text.
pub fn parse_source(
    root: &Path,
    content: &Path,
    owner: Owner,
    kind: Kind,
    path: &Path,
    text: &str,
) -> Result<Source, Vec<Diagnostic>> {
    parse_source_full(root, content, owner, kind, path, text).map_err(|f| f.diagnostics)
}

/// `parse_source`, keeping the front matter of a file that failed later (a missing image, a
/// bad link), so the sites it would be published on are known.
pub fn parse_source_full(
    root: &Path,
    content: &Path,
    owner: Owner,
    kind: Kind,
    path: &Path,
    text: &str,
) -> Result<Source, Failure> {
    let failure = |diagnostics| Failure {
        diagnostics,
        meta: None,
    };
    let rel = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let split =
        file::split_front_matter(text).map_err(|p| failure(vec![Diagnostic::error(&rel, 1, p)]))?;
    let is_bundle = path
        .file_name()
        .is_some_and(|n| n.eq_ignore_ascii_case("index.md"));
    let stem = if is_bundle {
        path.parent()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default()
    } else {
        path.file_stem()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default()
    };
    let name = frontmatter::name_parts(&crate::text::nfc(&stem));
    let meta = frontmatter::parse(kind, split.yaml, split.yaml_line, &rel, &name);
    let (body, body_problems) = markdown::render(split.body, split.body_line);
    let dir = path.parent().unwrap_or(root).to_path_buf();
    let mut body = body;
    let mut errs: Vec<Diagnostic> = body_problems
        .into_iter()
        .map(|(line, p)| Diagnostic::error(&rel, line, p))
        .collect();
    for img in &mut body.local_images {
        img.name = percent_decode(&img.src);
        match resolve_image(&dir, &img.name, content) {
            Ok(file) => img.file = file,
            Err(problem) => errs.push(Diagnostic::error(&rel, img.line, problem)),
        }
    }
    for (src, line) in &body.media_images {
        let found = match src.strip_prefix("/media/") {
            Some(name) => resolve_image(&content.join("media"), &percent_decode(name), content),
            None => Err(Problem::PathOutside { src: src.clone() }),
        };
        if let Err(problem) = found {
            errs.push(Diagnostic::error(&rel, *line, problem));
        }
    }
    let mut meta = match meta {
        Ok(m) => m,
        Err(e) => {
            errs.extend(e);
            return Err(failure(errs));
        }
    };
    let mut attachments = Vec::new();
    let mut written: Vec<(String, usize)> = body
        .file_links
        .iter()
        .map(|(src, line)| {
            let path = src.split(['#', '?']).next().unwrap_or("");
            (percent_decode(path), *line)
        })
        .collect();
    if let Some(d) = &meta.document
        && !d.file.is_empty()
    {
        if crate::safe::file_type(&d.file) == Ok(crate::safe::FileType::Document) {
            written.insert(0, (d.file.clone(), meta.lines.file));
        } else {
            errs.push(Diagnostic::error(
                &rel,
                meta.lines.file,
                Problem::NotADocument {
                    src: d.file.clone(),
                },
            ));
        }
    }
    for (name, line) in written {
        if attachments.iter().any(|a: &Attachment| a.name == name) {
            continue;
        }
        match locate(&dir, &name, content, |src| Problem::MissingAttachment {
            src,
        }) {
            Ok(file) => attachments.push(Attachment {
                size: std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0),
                name,
                file,
                line,
            }),
            Err(problem) => errs.push(Diagnostic::error(&rel, line, problem)),
        }
    }
    let photos = match &meta.album {
        Some(album) => album_photos(&dir, album, &meta.lines, &rel, &mut errs),
        None => Vec::new(),
    };
    // An album's cover is its first photo unless it names one.
    if meta.album.is_some()
        && meta.cover.is_none()
        && let Some(first) = photos.first()
    {
        meta.cover = Some(first.name.clone());
        meta.cover_alt = Some(if first.caption.is_empty() {
            meta.title.clone()
        } else {
            first.caption.clone()
        });
    }
    let cover_file = match meta.cover.as_deref() {
        Some(cover) if !is_web_image(cover) => {
            let found = locate(&dir, cover, content, |src| Problem::MissingImage { src })
                .and_then(|file| image_type(cover).map(|()| file));
            match found {
                Ok(file) => Some(file),
                Err(problem) => {
                    errs.push(Diagnostic::error(&rel, meta.lines.cover, problem));
                    None
                }
            }
        }
        _ => None,
    };
    if !errs.is_empty() {
        return Err(Failure {
            diagnostics: errs,
            meta: Some(meta),
        });
    }
    let key = crate::text::nfc(
        &path
            .strip_prefix(content)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/"),
    );
    let summary = meta.summary.as_deref().unwrap_or(&body.first_paragraph);
    // A document is found by its number and issuer too.
    let text = match &meta.document {
        Some(d) => format!(
            "{} {}\n{}",
            d.number,
            d.issuer.as_deref().unwrap_or(""),
            body.text
        ),
        None => body.text.clone(),
    };
    let search = search::SearchTerms::new(&meta.title, summary, &meta.tags, &text);
    Ok(Source {
        search,
        file: rel,
        key,
        owner,
        kind,
        meta,
        body,
        dir,
        cover_file,
        attachments,
        photos,
    })
}

/// The photos of an album: every photo beside its index.md, those with a caption first (in
/// the order of `captions`), then the others by file name.
fn album_photos(
    dir: &Path,
    album: &frontmatter::AlbumMeta,
    lines: &frontmatter::FieldLines,
    rel: &Path,
    errs: &mut Vec<Diagnostic>,
) -> Vec<Photo> {
    let mut found: Vec<(String, PathBuf)> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .map(|e| (crate::text::nfc(&e.file_name().to_string_lossy()), e.path()))
                .filter(|(name, _)| {
                    !name.starts_with('.')
                        && crate::safe::file_type(name) == Ok(crate::safe::FileType::Photo)
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    let mut photos = Vec::new();
    for (file, caption) in &album.captions {
        match found.iter().position(|(n, _)| n == file) {
            Some(i) => {
                let (name, path) = found.remove(i);
                photos.push(Photo {
                    name,
                    file: path,
                    caption: caption.trim().to_string(),
                });
            }
            None => errs.push(Diagnostic::error(
                rel,
                lines.captions,
                Problem::UnknownCaptionFile { file: file.clone() },
            )),
        }
    }
    photos.extend(found.into_iter().map(|(name, file)| Photo {
        name,
        file,
        caption: String::new(),
    }));
    if photos.is_empty() {
        errs.push(Diagnostic::error(
            rel,
            lines.front,
            Problem::AlbumWithoutPhotos,
        ));
    }
    photos
}

/// The file a page names (a cover, an attachment): inside the page's folder, or in
/// content/media/ for `/media/…`; `missing` words the problem when there is no such file.
/// The one place a name written in a page becomes a file.
pub fn locate(
    dir: &Path,
    name: &str,
    content: &Path,
    missing: impl Fn(String) -> Problem,
) -> Result<PathBuf, Problem> {
    use crate::safe::PathError;
    let (base, rel_name) = match name.strip_prefix("/media/") {
        Some(rest) => (content.join("media"), rest),
        None if name.starts_with('/') => {
            return Err(Problem::PathOutside {
                src: name.to_string(),
            });
        }
        None => (dir.to_path_buf(), name),
    };
    crate::safe::resolve_inside(&base, rel_name, content).map_err(|e| match e {
        PathError::Outside => Problem::PathOutside {
            src: name.to_string(),
        },
        PathError::Symlink(target) => Problem::SymlinkOutside {
            link: name.to_string(),
            target: target.display().to_string(),
        },
        PathError::Missing => missing(name.to_string()),
    })
}

/// Whether a file named `name` may be shown as an image (a photo or a GIF).
fn image_type(name: &str) -> Result<(), Problem> {
    use crate::safe::{FileType, Refused};
    let src = name.to_string();
    match crate::safe::file_type(name) {
        Ok(FileType::Photo | FileType::Gif) => Ok(()),
        Ok(FileType::Document) | Err(Refused::NotAllowed(_)) => Err(Problem::NotAnImage { src }),
        Err(Refused::Svg) => Err(Problem::SvgRefused { src }),
        Err(Refused::UnsupportedPhoto(format)) => Err(Problem::UnsupportedImage {
            src,
            format: format.into(),
        }),
    }
}

/// A cover on another host: `https://…` only.
pub fn is_web_image(src: &str) -> bool {
    matches!(crate::safe::scheme(src).as_deref(), Some("http" | "https"))
}

/// The file an image named by a page refers to, inside `dir` (the page's folder, or
/// content/media/ for `/media/…`): it must stay there and be a photo or a GIF.
pub fn resolve_image(dir: &Path, name: &str, content: &Path) -> Result<PathBuf, Problem> {
    let file = locate(dir, name, content, |src| Problem::MissingImage { src })?;
    image_type(name).map(|()| file)
}

/// `anh%20lop.jpg` → `anh lop.jpg` (Markdown destinations are URL-encoded).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Some(v) = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// The source with `@/` key `key` (the last one, as `index_by_key` keeps), found by bisection:
/// sources are kept in the order of their keys (`load` sorts them, `serve` inserts in place).
pub fn find_by_key(sources: &[std::sync::Arc<Source>], key: &str) -> Option<usize> {
    let after = sources.partition_point(|s| s.key.as_str() <= key);
    after.checked_sub(1).filter(|&i| sources[i].key == key)
}

/// Sources by `@/` key, for link resolution.
pub fn index_by_key(sources: &[std::sync::Arc<Source>]) -> HashMap<&str, usize> {
    sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.key.as_str(), i))
        .collect()
}
