//! `serve`'s shortcut after a save that replaced sources in place (the same files at the same
//! indexes): a site's resolved pages are patched from its previous `SiteBuild` instead of
//! resolved again over the whole network. `site` returns `None` whenever the shortcut is not
//! sure to give what `resolve_site` would (another page changed state, a page took another
//! page's address, two pages tie in the order); the caller then resolves the site in full.

use super::{PageEntry, SiteBuild, Table, carries, order_key, page_path};
use crate::load::Project;
use crate::resolve::Mode;

/// The previous resolution of a site: its build, and the project and table it was made from.
pub struct Before<'a> {
    pub build: &'a SiteBuild,
    pub project: &'a Project,
    pub table: &'a Table,
}

/// `resolve_site` for `site_idx`, from `before`, after the sources `changed` were replaced.
pub fn site(
    project: &Project,
    table: &Table,
    site_idx: usize,
    mode: Mode,
    before: &Before,
    changed: &[usize],
) -> Option<SiteBuild> {
    let old = before.build;
    if old.site != site_idx || before.project.sources.len() != project.sources.len() {
        return None;
    }
    let is_changed = |i: usize| changed.contains(&i);
    // Every other source keeps its state on this site.
    if !table.same_except(before.table, site_idx, changed) {
        return None;
    }
    let new_row = table.row(site_idx);
    let site = &project.sites[site_idx];
    let mut pages: Vec<PageEntry> = old
        .pages
        .iter()
        .filter(|p| !is_changed(p.source))
        .cloned()
        .collect();
    for &c in changed {
        let Some((_, state)) = new_row.iter().find(|(i, _)| *i == c) else {
            continue;
        };
        if !state.shown(mode) {
            continue;
        }
        let src = &project.sources[c];
        let entry = PageEntry {
            source: c,
            path: page_path(project, src),
            origin: carries(src, site).flatten(),
            visibility: state.clone(),
        };
        // Two pages with one address: the full resolution reports it.
        if pages.iter().any(|p| p.path == entry.path) {
            return None;
        }
        let key = order_key(project, &entry);
        match pages.binary_search_by(|p| order_key(project, p).cmp(&key)) {
            Ok(_) => return None, // a tie: the full sort decides
            Err(at) => pages.insert(at, entry),
        }
    }
    // Each changed page kept its place, its date and its tags: so did every tag list.
    let same_place = changed.iter().all(|&c| {
        let (new, was) = (&project.sources[c].meta, &before.project.sources[c].meta);
        pages.iter().position(|p| p.source == c) == old.by_source.get(&c).copied()
            && new.date == was.date
            && new.tags == was.tags
            && new.tag_keys == was.tag_keys
    });
    if same_place {
        return Some(SiteBuild {
            site: site_idx,
            pages,
            by_source: old.by_source.clone(),
            tags: old.tags.clone(),
            tag_index: old.tag_index.clone(),
        });
    }
    Some(SiteBuild::of_pages(project, site_idx, pages))
}

/// In debug builds (the tests): a patched build is exactly what `resolve_site` gives.
#[cfg(debug_assertions)]
pub fn assert_same(patched: &SiteBuild, project: &Project, table: &Table, site: usize, mode: Mode) {
    let full = super::resolve_site(project, table, site, mode).expect("the patch found no error");
    let sorted = |b: &SiteBuild| {
        let mut by_source: Vec<_> = b.by_source.iter().map(|(k, v)| (*k, *v)).collect();
        let mut tag_index: Vec<_> = b.tag_index.iter().map(|(k, v)| (k.clone(), *v)).collect();
        by_source.sort();
        tag_index.sort();
        format!("{:?} {:?} {by_source:?} {tag_index:?}", b.pages, b.tags)
    };
    assert_eq!(sorted(patched), sorted(&full), "the patched site differs");
}
