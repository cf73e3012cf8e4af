//! The resolve stage. What is public, where and when is decided once, in `publication.rs` (the
//! publication table); from it, per site: the pages it shows (its own content, `common/` as
//! targeted, what its ancestors share down) in the run's `Mode`, the URL of every page,
//! duplicate and reserved addresses, tags folded across case and accents; the site-specific
//! targets of `@/` and `law:` links and links that must follow publication (`links.rs`); which
//! sites a problem affects (`affected.rs`); `serve`'s patch of a site after a save that
//! replaced sources in place (`patch.rs`). Works on the loaded `Project`, reads no file.

pub mod affected;
pub mod links;
pub mod patch;
pub mod publication;

use std::collections::{BTreeMap, HashMap};

use crate::diagnostics::Diagnostic;
use crate::load::config::Site;
use crate::load::frontmatter::{Kind, Share};
use crate::load::{Owner, Project, Source};
use crate::messages::Problem;
use crate::text::slugify;

pub use publication::{Mode, Publication, Table};

/// A page as one site publishes it.
#[derive(Debug, Clone)]
pub struct PageEntry {
    pub source: usize,
    /// Path relative to the site root, ending in `/` (`bai-viet/chao-mung/`).
    pub path: String,
    /// The unit that wrote a shared-down copy.
    pub origin: Option<String>,
    pub visibility: Publication,
}

#[derive(Debug, Clone)]
pub struct TagEntry {
    pub name: String,
    pub slug: String,
    /// The folded form every spelling of the tag shares.
    pub key: String,
    /// Indexes into `SiteBuild::pages`, newest first.
    pub pages: Vec<usize>,
}

/// One site, resolved.
#[derive(Debug, Clone)]
pub struct SiteBuild {
    pub site: usize,
    pub pages: Vec<PageEntry>,
    pub by_source: HashMap<usize, usize>,
    pub tags: Vec<TagEntry>,
    /// Folded tag → index in `tags`.
    pub tag_index: HashMap<String, usize>,
}

impl SiteBuild {
    /// Pages of one kind in display order (already sorted).
    pub fn of_kind<'a>(
        &'a self,
        project: &'a Project,
        kind: Kind,
    ) -> impl Iterator<Item = (usize, &'a PageEntry)> + 'a {
        self.pages
            .iter()
            .enumerate()
            .filter(move |(_, p)| project.sources[p.source].kind == kind)
    }

    /// Whether the site has a section (list page, menu entry) for `kind`: articles, stories
    /// and primers always; the portal's documents, notices and albums only when it has some.
    pub fn shows_section(&self, project: &Project, kind: Kind) -> bool {
        !matches!(kind, Kind::Document | Kind::Notice | Kind::Album)
            || self.of_kind(project, kind).next().is_some()
    }
}

/// Section folder of a kind (`bai-viet`), or `None` for pages (at the root).
pub fn section_path(project: &Project, kind: Kind) -> Option<&str> {
    let p = &project.network.paths;
    match kind {
        Kind::Article => Some(&p.articles),
        Kind::Story => Some(&p.stories),
        Kind::Primer => Some(&p.primers),
        Kind::Document => Some(&p.documents),
        Kind::Notice => Some(&p.notices),
        Kind::Album => Some(&p.albums),
        Kind::Page => None,
    }
}

/// Who issued a document: its `issuer`, else the owning unit's name (the network's for `common/`).
pub fn document_issuer(project: &Project, src: &Source) -> String {
    src.meta
        .document
        .as_ref()
        .and_then(|d| d.issuer.clone())
        .filter(|i| !i.trim().is_empty())
        .unwrap_or_else(|| match &src.owner {
            Owner::Site(id) => project
                .site(id)
                .map(|s| s.config.name.clone())
                .unwrap_or_default(),
            Owner::Common => project.network.name.clone(),
        })
}

/// The list of one document type: `van-ban/loai/<id>/`.
pub fn document_type_path(project: &Project, id: &str) -> String {
    format!("{}/loai/{id}/", project.network.paths.documents)
}

/// The list of one year's documents: `van-ban/nam/<year>/`.
pub fn document_year_path(project: &Project, year: i16) -> String {
    format!("{}/nam/{year}/", project.network.paths.documents)
}

/// The documents of the units above: `van-ban/cap-tren/`.
pub fn upper_documents_path(project: &Project) -> String {
    format!("{}/cap-tren/", project.network.paths.documents)
}

/// The generated "Tổ chức" page (the three boards): `gioi-thieu/to-chuc/`.
pub fn organization_path(project: &Project) -> String {
    format!("{}/to-chuc/", project.network.paths.about)
}

/// Every document whose `doc_type` is not in network.yaml's `document_types`: one error each,
/// with the nearest id.
pub fn document_types(project: &Project) -> Vec<Diagnostic> {
    let known: Vec<String> = project
        .network
        .document_types
        .iter()
        .map(|t| t.id.clone())
        .collect();
    project
        .sources
        .iter()
        .filter_map(|s| {
            let d = s.meta.document.as_ref()?;
            (!known.contains(&d.doc_type)).then(|| {
                Diagnostic::error(
                    &s.file,
                    s.meta.lines.doc_type,
                    Problem::UnknownDocType {
                        value: d.doc_type.clone(),
                        suggestion: crate::load::yaml::did_you_mean(&d.doc_type, &known),
                        known: known.clone(),
                    },
                )
            })
        })
        .collect()
}

/// Pages live at the site's root (`<slug>/`): a slug naming a section, a feature or the
/// shared media folder would take its address. One error per such page.
pub fn reserved_slugs(project: &Project) -> Vec<crate::diagnostics::Diagnostic> {
    let reserved = project.network.paths.reserved();
    project
        .sources
        .iter()
        .filter(|s| s.kind == Kind::Page)
        .filter(|s| reserved.contains(&s.meta.slug.as_str()))
        .map(|s| {
            crate::diagnostics::Diagnostic::error(
                &s.file,
                s.meta.lines.slug,
                crate::messages::Problem::ReservedSlug {
                    slug: s.meta.slug.clone(),
                },
            )
        })
        .collect()
}

pub fn page_path(project: &Project, src: &Source) -> String {
    match section_path(project, src.kind) {
        Some(section) => format!("{section}/{}/", src.meta.slug),
        None => format!("{}/", src.meta.slug),
    }
}

/// Whether `site` carries `src` at all (ownership, targeting, sharing), whatever its status.
/// Returns the origin unit for a shared-down copy.
pub fn carries(src: &Source, site: &Site) -> Option<Option<String>> {
    carried(&src.meta, Some(src.kind), &src.owner, site)
}

/// `carries` from a source's front matter alone (a source that failed to load after its front
/// matter was read); with an unknown kind, a `share: down` source is assumed shared.
pub fn carried(
    meta: &crate::load::frontmatter::Meta,
    kind: Option<Kind>,
    owner: &Owner,
    site: &Site,
) -> Option<Option<String>> {
    let targeted = (meta.levels.is_empty()
        || site.config.level.is_some_and(|l| meta.levels.contains(&l)))
        && (meta.sites.is_empty() || meta.sites.contains(&site.id));
    match owner {
        Owner::Common => targeted.then_some(None),
        Owner::Site(id) if *id == site.id => Some(None),
        Owner::Site(id) => (meta.share == Share::Down
            && kind.is_none_or(Kind::shares_down)
            && site.ancestors.contains(id)
            && targeted)
            .then(|| Some(id.clone())),
    }
}

/// Resolves one site. Errors: two pages with one address.
/// Resolves one site from the publication table: the pages it shows in `mode`.
pub fn resolve_site(
    project: &Project,
    table: &Table,
    site_idx: usize,
    mode: Mode,
) -> Result<SiteBuild, Vec<Diagnostic>> {
    let site = &project.sites[site_idx];
    let mut pages = Vec::new();
    for (i, state) in table.row(site_idx) {
        if !state.shown(mode) {
            continue;
        }
        let src = &project.sources[*i];
        let origin = carries(src, site).flatten();
        pages.push(PageEntry {
            source: *i,
            path: page_path(project, src),
            origin,
            visibility: state.clone(),
        });
    }
    pages.sort_by_cached_key(|p| order_key(project, p));
    check_duplicates(project, site, &pages)?;
    Ok(SiteBuild::of_pages(project, site_idx, pages))
}

impl SiteBuild {
    /// The site's build from its pages in order: each source's page and the tags, indexed.
    pub(super) fn of_pages(project: &Project, site: usize, pages: Vec<PageEntry>) -> SiteBuild {
        let by_source = pages
            .iter()
            .enumerate()
            .map(|(i, p)| (p.source, i))
            .collect();
        let tags = fold_tags(project, &pages);
        let tag_index = tags
            .iter()
            .enumerate()
            .map(|(i, t)| (t.key.clone(), i))
            .collect();
        SiteBuild {
            site,
            pages,
            by_source,
            tags,
            tag_index,
        }
    }
}

/// Kind, then newest first for dated kinds, then weight and title.
fn order_key<'a>(
    project: &'a Project,
    p: &PageEntry,
) -> (
    Kind,
    std::cmp::Reverse<Option<jiff::Timestamp>>,
    i64,
    &'a str,
    &'a str,
) {
    let src = &project.sources[p.source];
    let date = if src.kind.needs_date() {
        src.meta.date.as_ref().map(|d| d.timestamp())
    } else {
        None
    };
    (
        src.kind,
        std::cmp::Reverse(date),
        src.meta.weight,
        src.meta.title.as_str(),
        src.key.as_str(),
    )
}

fn check_duplicates(
    project: &Project,
    site: &Site,
    pages: &[PageEntry],
) -> Result<(), Vec<Diagnostic>> {
    // A page taking a section's address is `reserved_slugs`'s error (found once, at validation).
    let mut seen: HashMap<&str, &Source> = HashMap::with_capacity(pages.len());
    let mut errors = Vec::new();
    for page in pages {
        let src: &Source = &project.sources[page.source];
        if let Some(other) = seen.insert(&page.path, src) {
            let (first, second) = if other.key < src.key {
                (other, src)
            } else {
                (src, other)
            };
            let _ = site;
            errors.push(Diagnostic::error(
                &second.file,
                1,
                Problem::DuplicateSlug {
                    url: format!("/{}", page.path),
                    other: crate::diagnostics::display_path(&first.file),
                },
            ));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Tags that differ only in case or accents share one page; the most used spelling names it.
fn fold_tags(project: &Project, pages: &[PageEntry]) -> Vec<TagEntry> {
    let mut groups: BTreeMap<&str, (BTreeMap<&str, usize>, Vec<usize>)> = BTreeMap::new();
    for (i, p) in pages.iter().enumerate() {
        let meta = &project.sources[p.source].meta;
        for (tag, key) in meta.tags.iter().zip(&meta.tag_keys) {
            if key.is_empty() {
                continue;
            }
            let g = groups.entry(key.as_str()).or_default();
            *g.0.entry(tag.trim()).or_default() += 1;
            // A page naming the same tag twice (in two spellings) is listed once.
            if g.1.last() != Some(&i) {
                g.1.push(i);
            }
        }
    }
    let date = |i: &usize| {
        project.sources[pages[*i].source]
            .meta
            .date
            .as_ref()
            .map(|d| d.timestamp())
    };
    let mut tags: Vec<TagEntry> = groups
        .into_iter()
        .map(|(key, (spellings, mut list))| {
            let name = spellings
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(n, _)| n.to_string())
                .unwrap_or_default();
            list.sort_by(|a, b| date(b).cmp(&date(a)).then(a.cmp(b)));
            TagEntry {
                slug: slugify(&name),
                key: key.to_string(),
                name,
                pages: list,
            }
        })
        .collect();
    tags.sort_by(|a, b| a.slug.cmp(&b.slug));
    tags
}

/// Laws a page refers to (its primer's law and every `law:` link), in order, without repeats.
pub fn laws_of(src: &Source) -> Vec<&str> {
    let mut ids: Vec<&str> = Vec::new();
    if let Some(p) = &src.meta.primer {
        ids.push(&p.law);
    }
    for l in &src.body.links {
        if let crate::load::markdown::LinkTarget::Law { id, .. } = &l.target
            && !ids.contains(&id.as_str())
        {
            ids.push(id);
        }
    }
    ids
}

/// A replaced text, or a replaced part of one (`part`), that a page relies on.
pub struct Reliance<'a> {
    pub law: &'a crate::load::config::Law,
    /// `None`: the whole text was replaced (`repealed`).
    pub part: Option<&'a crate::load::config::Replaced>,
}

/// What a page relies on that no longer applies on `day`. A page relies on a text when it is
/// its primer's `law` (on a replaced part when the primer lists an article of that part, or
/// lists none); and on a part when it links an article of it. A link to a replaced text or
/// part is history, not reliance, when the page also cites the text that replaced it.
pub fn replaced_reliances<'a>(
    laws: &'a crate::load::config::Laws,
    src: &Source,
    day: jiff::civil::Date,
) -> Vec<Reliance<'a>> {
    let cited = laws_of(src);
    let primer = src.meta.primer.as_ref();
    let mut out = Vec::new();
    for id in &cited {
        let Some(law) = laws.get(*id) else { continue };
        let is_primer = primer.is_some_and(|p| p.law == *id);
        let primer_articles: &[String] = primer
            .filter(|_| is_primer)
            .map(|p| p.articles.as_slice())
            .unwrap_or_default();
        let linked: Vec<Option<&str>> = src
            .body
            .links
            .iter()
            .filter_map(|l| match &l.target {
                crate::load::markdown::LinkTarget::Law { id: lid, article } if lid == id => {
                    Some(article.as_deref())
                }
                _ => None,
            })
            .collect();
        let cites = |other: &str| cited.contains(&other);
        if law.repealed.is_some_and(|r| r <= day) {
            let history = law.config.replaced_by.as_deref().is_some_and(cites);
            if is_primer || (!linked.is_empty() && !history) {
                out.push(Reliance { law, part: None });
            }
            continue;
        }
        for part in law.parts_replaced_on(day) {
            let in_part = |a: &str| part.articles.iter().any(|p| p == a);
            let by_primer = is_primer
                && (primer_articles.is_empty()
                    || part.articles.is_empty()
                    || primer_articles.iter().any(|a| in_part(a)));
            let by_link = !cites(&part.by) && linked.iter().flatten().any(|a| in_part(a));
            if by_primer || by_link {
                out.push(Reliance {
                    law,
                    part: Some(part),
                });
            }
        }
    }
    out
}
