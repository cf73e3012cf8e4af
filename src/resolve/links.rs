//! Link targets. `validate` checks once, for the whole project, that every `@/` link names an
//! existing page (and heading) and every `law:` link a known law and article. `fill` writes a
//! page's placeholders with the URLs of the site that publishes it. `serve` keeps each
//! source's link problems between saves (`Memo`): a save re-checks the changed sources and
//! the sources that link to them.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Mutex, PoisonError};

use crate::diagnostics::Diagnostic;
use crate::load::markdown::{LinkTarget, PLACEHOLDER};
use crate::load::{Project, Source};
use crate::messages::Problem;

/// Checks every link of every source; returns all problems.
pub fn validate(project: &Project) -> Vec<Diagnostic> {
    let by_key = crate::load::index_by_key(&project.sources);
    let find = |key: &str| by_key.get(key).copied();
    let declared = declared_articles(project);
    project
        .sources
        .iter()
        .flat_map(|src| source_problems(project, src, &find, &declared))
        .collect()
}

/// The link problems of one source; `find` gives the index of the source with an `@/` key.
fn source_problems(
    project: &Project,
    src: &Source,
    find: &dyn Fn(&str) -> Option<usize>,
    declared: &std::collections::BTreeSet<(&str, &str)>,
) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for link in &src.body.links {
        match &link.target {
            LinkTarget::Internal { path, anchor } => match find(path.as_str()) {
                None => errors.push(Diagnostic::error(
                    &src.file,
                    link.line,
                    Problem::MissingPage {
                        target: format!("@/{path}"),
                    },
                )),
                Some(t) => {
                    if let Some(a) = anchor
                        && !project.sources[t].body.anchors.contains(a)
                    {
                        errors.push(Diagnostic::error(
                            &src.file,
                            link.line,
                            Problem::MissingAnchor {
                                target: format!("@/{path}"),
                                anchor: a.clone(),
                            },
                        ));
                    }
                }
            },
            LinkTarget::Law { id, article } => match project.laws.get(id) {
                None => errors.push(Diagnostic::error(
                    &src.file,
                    link.line,
                    unknown_law(project, id),
                )),
                Some(law) => {
                    if let Some(a) = article
                        && let Some(listed) = &law.config.articles
                        && !listed.contains_key(a)
                        && !declared.contains(&(id.as_str(), a.as_str()))
                    {
                        errors.push(Diagnostic::error(
                            &src.file,
                            link.line,
                            Problem::UnknownLawArticle {
                                id: id.clone(),
                                article: a.clone(),
                                nearest: nearest_articles(a, listed.keys()),
                            },
                        ));
                    }
                }
            },
            LinkTarget::SiteRoot { .. } => {}
        }
    }
    for (anchor, line) in &src.body.same_page_anchors {
        let is_footnote = anchor
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            && src.body.html.contains(&format!("id=\"{anchor}\""));
        if !src.body.anchors.contains(anchor) && !is_footnote {
            errors.push(Diagnostic::error(
                &src.file,
                *line,
                Problem::MissingAnchor {
                    target: crate::diagnostics::display_path(&src.file),
                    anchor: anchor.clone(),
                },
            ));
        }
    }
    if let Some(p) = &src.meta.primer
        && !p.law.is_empty()
        && !project.laws.contains_key(&p.law)
    {
        // A primer's own `articles` declare what it explains: they need no laws.yaml entry.
        let line = src.meta.lines.law;
        errors.push(Diagnostic::error(
            &src.file,
            line,
            unknown_law(project, &p.law),
        ));
    }
    errors
}

/// (law id, article) pairs that some primer declares in its `articles`.
fn declared_articles(project: &Project) -> std::collections::BTreeSet<(&str, &str)> {
    project
        .sources
        .iter()
        .filter_map(|s| s.meta.primer.as_ref())
        .flat_map(|p| p.articles.iter().map(|a| (p.law.as_str(), a.as_str())))
        .collect()
}

fn unknown_law(project: &Project, id: &str) -> Problem {
    let known: Vec<String> = project.laws.keys().cloned().collect();
    Problem::UnknownLaw {
        id: id.to_string(),
        suggestion: crate::load::yaml::did_you_mean(id, &known),
        known,
    }
}

/// The listed article numbers nearest to `wanted` (by number, else by spelling), at most two.
fn nearest_articles<'a>(wanted: &str, listed: impl Iterator<Item = &'a String>) -> Vec<String> {
    let listed: Vec<&String> = listed.collect();
    if let Ok(n) = wanted.trim().parse::<i64>() {
        let mut by_distance: Vec<(i64, &String)> = listed
            .iter()
            .filter_map(|a| a.trim().parse::<i64>().ok().map(|m| ((m - n).abs(), *a)))
            .collect();
        by_distance.sort();
        if let Some(&(best, _)) = by_distance.first() {
            return by_distance
                .iter()
                .take_while(|(d, _)| *d == best)
                .map(|(_, a)| (*a).clone())
                .collect();
        }
    }
    let owned: Vec<String> = listed.iter().map(|a| (*a).clone()).collect();
    crate::load::yaml::did_you_mean(wanted, &owned)
        .into_iter()
        .collect()
}

/// Laws without any `articles:` in laws.yaml that a link names by article (not declared by a
/// primer): a warning once per law, at its line of laws.yaml.
pub fn unverified_articles(project: &Project) -> Vec<Diagnostic> {
    let declared = declared_articles(project);
    let mut ids = std::collections::BTreeSet::new();
    for src in &project.sources {
        for link in &src.body.links {
            if let LinkTarget::Law {
                id,
                article: Some(a),
            } = &link.target
                && let Some(law) = project.laws.get(id)
                && law.config.articles.is_none()
                && !declared.contains(&(id.as_str(), a.as_str()))
            {
                ids.insert(id.clone());
            }
        }
    }
    ids.into_iter()
        .map(|id| {
            let line = project.laws[&id].line;
            Diagnostic::warning(
                "content/laws.yaml",
                line,
                Problem::LawArticlesUnverified { id },
            )
        })
        .collect()
}

/// Links follow publication: a page a site shows that links (`@/…`) a page which is public
/// nowhere it could point to — a draft, a page in review, a scheduled or expired page — is an
/// error naming both files and the target's state; in previews (`--drafts`, `serve`), where
/// the target is shown too, a warning (and the link is marked in the page, see `fill`).
pub fn check_published(
    project: &Project,
    table: &super::Table,
    mode: super::Mode,
) -> Vec<Diagnostic> {
    let by_key = crate::load::index_by_key(&project.sources);
    let find = |key: &str| by_key.get(key).copied();
    (0..project.sources.len())
        .flat_map(|i| source_published(project, table, mode, i, &find))
        .collect()
}

/// `check_published` for the links of source `i`, on every site that shows it.
fn source_published(
    project: &Project,
    table: &super::Table,
    mode: super::Mode,
    i: usize,
    find: &dyn Fn(&str) -> Option<usize>,
) -> Vec<Diagnostic> {
    let src = &project.sources[i];
    let mut out: Vec<Diagnostic> = Vec::new();
    if !src
        .body
        .links
        .iter()
        .any(|l| matches!(l.target, LinkTarget::Internal { .. }))
    {
        return out;
    }
    for site in 0..project.sites.len() {
        let Some(state) = table.carried_state(site, i) else {
            continue;
        };
        if !state.shown(mode) {
            continue;
        }
        for link in &src.body.links {
            let LinkTarget::Internal { path, .. } = &link.target else {
                continue;
            };
            let Some(t) = find(path.as_str()) else {
                continue; // a missing page: `validate` reports it
            };
            let here = table.get(project, site, t);
            if here.is_published() || (!here.carried() && table.published_on(t).is_some()) {
                continue;
            }
            let target_state = if here.carried() {
                here
            } else {
                table
                    .own_state(project, t)
                    .unwrap_or(super::Publication::NotOwned)
            };
            let problem = Problem::LinkToUnpublished {
                target: crate::diagnostics::display_path(&project.sources[t].file),
                state: state_word(&target_state),
            };
            let d = if target_state.shown(mode) {
                Diagnostic::warning(&src.file, link.line, problem)
            } else {
                Diagnostic::error(&src.file, link.line, problem)
            };
            if !out
                .iter()
                .any(|o| o.file == d.file && o.line == d.line && o.problem == d.problem)
            {
                out.push(d);
            }
        }
    }
    out
}

/// Each source's link problems (`validate`, `check_published`), kept by `serve` between
/// saves. An entry stays valid while the project holds the very same parsed source and no
/// source it links to (`@/`) was replaced, added or removed; a change to any primer (whose
/// `articles` declare law articles for every page) checks every source again.
#[derive(Default)]
pub struct Memo(Mutex<MemoState>);

#[derive(Default)]
struct MemoState {
    /// By the address of the source.
    entries: HashMap<usize, Entry>,
    /// `@/` key → the sources (addresses) that link to it.
    linked_from: HashMap<String, HashSet<usize>>,
    /// The sources the last `validate_kept` checked again (addresses).
    checked: HashSet<usize>,
}

struct Entry {
    /// Kept so that its address is not reused while the entry lives.
    src: Arc<Source>,
    problems: Vec<Diagnostic>,
    /// `check_published`'s problems, once computed.
    published: Option<Vec<Diagnostic>>,
}

fn address(src: &Arc<Source>) -> usize {
    Arc::as_ptr(src) as usize
}

fn internal_targets(src: &Source) -> impl Iterator<Item = &str> {
    src.body.links.iter().filter_map(|l| match &l.target {
        LinkTarget::Internal { path, .. } => Some(path.as_str()),
        _ => None,
    })
}

/// `validate`, checking again only what changed since the last call with `memo`.
pub fn validate_kept(project: &Project, memo: Option<&Memo>) -> Vec<Diagnostic> {
    let Some(memo) = memo else {
        return validate(project);
    };
    let mut st = memo.0.lock().unwrap_or_else(PoisonError::into_inner);
    let current: HashSet<usize> = project.sources.iter().map(address).collect();
    let fresh: Vec<&Arc<Source>> = project
        .sources
        .iter()
        .filter(|s| !st.entries.contains_key(&address(s)))
        .collect();
    let gone: Vec<usize> = st
        .entries
        .keys()
        .filter(|k| !current.contains(k))
        .copied()
        .collect();
    let primer = fresh.iter().any(|s| s.meta.primer.is_some())
        || gone.iter().any(|k| st.entries[k].src.meta.primer.is_some());
    if primer {
        *st = MemoState::default();
    }
    let mut checked: HashSet<usize> = project
        .sources
        .iter()
        .map(address)
        .filter(|a| !st.entries.contains_key(a))
        .collect();
    let changed_keys: Vec<String> = fresh
        .iter()
        .map(|s| s.key.clone())
        .chain(
            gone.iter()
                .filter_map(|k| st.entries.get(k).map(|e| e.src.key.clone())),
        )
        .collect();
    for key in &changed_keys {
        if let Some(from) = st.linked_from.get(key) {
            checked.extend(from.iter().copied());
        }
    }
    for k in &gone {
        if let Some(e) = st.entries.remove(k) {
            for target in internal_targets(&e.src) {
                if let Some(from) = st.linked_from.get_mut(target) {
                    from.remove(k);
                }
            }
        }
    }
    let declared = declared_articles(project);
    let by_key;
    let find: &dyn Fn(&str) -> Option<usize> = if checked.len() > 64 {
        by_key = crate::load::index_by_key(&project.sources);
        &|key| by_key.get(key).copied()
    } else {
        &|key| crate::load::find_by_key(&project.sources, key)
    };
    let st = &mut *st;
    for src in &project.sources {
        let a = address(src);
        if !checked.contains(&a) {
            continue;
        }
        let problems = source_problems(project, src, find, &declared);
        match st.entries.get_mut(&a) {
            Some(e) => {
                e.problems = problems;
                e.published = None;
            }
            None => {
                for target in internal_targets(src) {
                    st.linked_from
                        .entry(target.to_string())
                        .or_default()
                        .insert(a);
                }
                st.entries.insert(
                    a,
                    Entry {
                        src: src.clone(),
                        problems,
                        published: None,
                    },
                );
            }
        }
    }
    st.checked = checked;
    project
        .sources
        .iter()
        .flat_map(|s| st.entries[&address(s)].problems.clone())
        .collect()
}

/// `check_published`, after `validate_kept` with the same `memo`. `same_states`: the table
/// gives every source but the ones `validate_kept` checked again the state it gave before.
pub fn check_published_kept(
    project: &Project,
    table: &super::Table,
    mode: super::Mode,
    memo: Option<&Memo>,
    same_states: bool,
) -> Vec<Diagnostic> {
    let Some(memo) = memo else {
        return check_published(project, table, mode);
    };
    let mut st = memo.0.lock().unwrap_or_else(PoisonError::into_inner);
    let st = &mut *st;
    let by_key;
    let find: &dyn Fn(&str) -> Option<usize> = if !same_states || st.checked.len() > 64 {
        by_key = crate::load::index_by_key(&project.sources);
        &|key| by_key.get(key).copied()
    } else {
        &|key| crate::load::find_by_key(&project.sources, key)
    };
    let mut out = Vec::new();
    for (i, src) in project.sources.iter().enumerate() {
        let a = address(src);
        let Some(e) = st.entries.get_mut(&a) else {
            out.extend(source_published(project, table, mode, i, find));
            continue;
        };
        if !same_states || st.checked.contains(&a) || e.published.is_none() {
            e.published = Some(source_published(project, table, mode, i, find));
        }
        out.extend(e.published.iter().flatten().cloned());
    }
    out
}

/// The state of a link's target, as the message about it says it.
fn state_word(p: &super::Publication) -> crate::messages::TargetState {
    use super::Publication::*;
    use crate::messages::TargetState;
    match p {
        Published => TargetState::Published,
        Scheduled(at) => TargetState::Scheduled(at.strftime("%d/%m/%Y %H:%M").to_string()),
        Draft => TargetState::Draft,
        Review => TargetState::Review,
        Expired => TargetState::Expired,
        NotTargeted | NotOwned => TargetState::Elsewhere,
    }
}

/// Where each link of a site points: a path relative to the site root (no leading `/`), or an
/// absolute URL.
pub struct SiteLinks<'a> {
    pub project: &'a Project,
    pub site: usize,
    /// What is public on which site.
    pub table: &'a super::Table,
    /// `@/` key → (path on this site, source), for the pages this site shows.
    pub local: BTreeMap<&'a str, (String, usize)>,
    /// (law id, article) → primer path on this site.
    pub primers: BTreeMap<(&'a str, &'a str), String>,
    pub primer_by_law: BTreeMap<&'a str, String>,
}

pub enum Href {
    /// Relative to the site root.
    Site(String),
    Absolute(String),
}

impl<'a> SiteLinks<'a> {
    pub fn new(project: &'a Project, build: &super::SiteBuild, table: &'a super::Table) -> Self {
        let mut local = BTreeMap::new();
        let mut primers = BTreeMap::new();
        let mut primer_by_law = BTreeMap::new();
        for page in &build.pages {
            let src = &project.sources[page.source];
            local.insert(src.key.as_str(), (page.path.clone(), page.source));
        }
        for page in &build.pages {
            let src = &project.sources[page.source];
            if let Some(p) = &src.meta.primer {
                primer_by_law
                    .entry(p.law.as_str())
                    .or_insert_with(|| page.path.clone());
                for a in &p.articles {
                    primers
                        .entry((p.law.as_str(), a.as_str()))
                        .or_insert_with(|| page.path.clone());
                }
            }
        }
        SiteLinks {
            project,
            site: build.site,
            table,
            local,
            primers,
            primer_by_law,
        }
    }

    pub fn href(&self, target: &LinkTarget) -> Href {
        match target {
            LinkTarget::Internal { path, anchor } => {
                let frag = anchor.as_ref().map(|a| format!("#{a}")).unwrap_or_default();
                if let Some((p, _)) = self.local.get(path.as_str()) {
                    return Href::Site(format!("{p}{frag}"));
                }
                // Not shown on this site: the first site that publishes it. (A link to a page
                // public nowhere is an error, `check_published`; its href leads nowhere.)
                let target = self.project.sources.iter().position(|s| s.key == *path);
                match target.and_then(|t| self.table.published_on(t).map(|site| (t, site))) {
                    Some((t, site)) => Href::Absolute(format!(
                        "{}{}{frag}",
                        self.project.sites[site].base_url,
                        super::page_path(self.project, &self.project.sources[t])
                    )),
                    None => Href::Site(String::new()),
                }
            }
            LinkTarget::Law { id, article } => {
                let primer = match article {
                    Some(a) => self.primers.get(&(id.as_str(), a.as_str())),
                    None => self.primer_by_law.get(id.as_str()),
                };
                match primer {
                    Some(p) => Href::Site(p.clone()),
                    None => Href::Absolute(
                        self.project
                            .laws
                            .get(id)
                            .and_then(|l| l.config.url.clone())
                            .map(String::from)
                            .unwrap_or_default(),
                    ),
                }
            }
            LinkTarget::SiteRoot { path } => Href::Site(path.clone()),
        }
    }

    /// The page's HTML with placeholders replaced; `root` is the relative way to the site root.
    /// In a preview, a link to a page this site shows but does not publish yet is marked
    /// (`data-unpublished="draft|review|scheduled"`, styled by the theme).
    pub fn fill(&self, src: &Source, root: &str) -> String {
        if src.body.links.is_empty() {
            return src.body.html.clone(); // no placeholder to look for
        }
        fill_placeholders(&src.body.html, |i| {
            let target = &src.body.links[i].target;
            let url = match self.href(target) {
                Href::Site(p) => format!("{root}{p}"),
                Href::Absolute(u) => u,
            };
            (url, self.unpublished(target))
        })
    }

    /// The state word of an `@/` target this site shows but has not published.
    fn unpublished(&self, target: &LinkTarget) -> Option<&'static str> {
        let LinkTarget::Internal { path, .. } = target else {
            return None;
        };
        let (_, t) = self.local.get(path.as_str())?;
        match self.table.get(self.project, self.site, *t) {
            super::Publication::Draft => Some("draft"),
            super::Publication::Review => Some("review"),
            super::Publication::Scheduled(_) => Some("scheduled"),
            _ => None,
        }
    }
}

/// Replaces every `lantoa-link:N` (always inside a double-quoted `href`) with the URL of
/// `link(N)`, and adds its marker attribute when it has one.
pub fn fill_placeholders(
    html: &str,
    link: impl Fn(usize) -> (String, Option<&'static str>),
) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(pos) = rest.find(PLACEHOLDER) {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + PLACEHOLDER.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        match after[..digits].parse::<usize>() {
            Ok(n) => {
                let (url, mark) = link(n);
                out.push_str(&crate::text::escape_html(&url));
                if let Some(mark) = mark
                    && after[digits..].starts_with('"')
                {
                    out.push_str(&format!("\" data-unpublished=\"{mark}"));
                }
            }
            Err(_) => out.push_str(PLACEHOLDER),
        }
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
}
