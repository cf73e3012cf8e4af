//! The main menu of a site, decided here: the built-in entries of a school portal with short
//! labels (Giới thiệu, Tin tức, Thông báo, Văn bản, …), the document types and pages that ask
//! for an entry (`menu: {label, parent, weight}` or `menu: true`), one level of sub-menus,
//! and the site's `menu: {hide, order}`. Also the check that every `parent` names an entry.

use serde::Serialize;

use crate::diagnostics::Diagnostic;
use crate::load::Project;
use crate::load::frontmatter::{Kind, MenuEntry};
use crate::messages::Problem;
use crate::resolve::SiteBuild;

/// An entry of the main menu, with its sub-entries.
#[derive(Serialize, Debug, Clone)]
pub struct MenuItem {
    pub id: String,
    pub title: String,
    pub path: String,
    pub children: Vec<MenuItem>,
    #[serde(skip)]
    pub weight: i64,
}

/// The built-in entries: (id, label key of the theme, weight). Their paths and whether a
/// site shows them are decided in `build`.
pub const BUILT_IN: [(&str, &str, i64); 9] = [
    ("gioi-thieu", "menu_about", 10),
    ("tin-tuc", "menu_articles", 20),
    ("thong-bao", "menu_notices", 30),
    ("van-ban", "menu_documents", 40),
    ("nguoi-tot-viec-tot", "menu_stories", 50),
    ("phap-luat", "menu_primers", 60),
    ("cuoc-thi", "menu_contests", 80),
    ("thu-vien-anh", "menu_albums", 90),
    ("lien-he", "menu_contact", 100),
];

/// The id of the generated "Tổ chức" entry under "Giới thiệu".
const ORGANIZATION_ID: &str = "to-chuc";

/// A page's default weight in the menu: after the built-in entries, in the pages' order.
const PAGE_WEIGHT: i64 = 200;

/// The ids an entry's `parent` may name: the built-in ones and the document types with a menu.
pub fn parent_ids(project: &Project) -> Vec<String> {
    BUILT_IN
        .iter()
        .map(|(id, _, _)| id.to_string())
        .chain(
            project
                .network
                .document_types
                .iter()
                .filter(|t| t.menu.entry().is_some())
                .map(|t| t.id.clone()),
        )
        .collect()
}

/// Every page whose `menu.parent` names no entry (nor a page in a menu): one error each.
pub fn validate(project: &Project) -> Vec<Diagnostic> {
    let mut known = parent_ids(project);
    known.extend(
        project
            .sources
            .iter()
            .filter(|s| s.meta.menu.as_ref().is_some_and(|m| m.parent.is_none()))
            .map(|s| s.meta.slug.clone()),
    );
    project
        .sources
        .iter()
        .filter_map(|s| {
            let parent = s.meta.menu.as_ref()?.parent.as_ref()?;
            (!known.contains(parent)).then(|| {
                Diagnostic::error(
                    &s.file,
                    s.meta.lines.front,
                    Problem::UnknownMenuParent {
                        parent: parent.clone(),
                        suggestion: crate::load::yaml::did_you_mean(parent, &known),
                        known: parent_ids(project),
                    },
                )
            })
        })
        .collect()
}

/// Every id in a site's `menu: {hide, order}` that names no entry the site could show: one
/// error each, at its line of site.yaml, with "did you mean".
pub fn validate_site_menus(project: &Project) -> Vec<Diagnostic> {
    let mut known = parent_ids(project);
    known.push(ORGANIZATION_ID.to_string());
    known.extend(
        project
            .sources
            .iter()
            .filter(|s| s.meta.menu.is_some())
            .map(|s| s.meta.slug.clone()),
    );
    project
        .sites
        .iter()
        .flat_map(|site| {
            let menu = &site.config.menu;
            menu.hide
                .iter()
                .chain(&menu.order)
                .map(move |id| (site, id))
        })
        .filter(|(_, id)| !known.contains(&id.value))
        .map(|(site, id)| {
            Diagnostic::error(
                &site.file,
                id.line.max(1),
                Problem::UnknownMenuEntry {
                    id: id.value.clone(),
                    suggestion: crate::load::yaml::did_you_mean(&id.value, &known),
                    known: parent_ids(project),
                },
            )
        })
        .collect()
}

/// What a site's menu can link to.
pub struct Available<'a> {
    pub build: &'a SiteBuild,
    pub has_contests: bool,
    /// The theme's words (`menu_about`, …).
    pub t: &'a dyn Fn(&str) -> String,
}

/// The menu of a site, in order.
pub fn build(project: &Project, a: &Available) -> Vec<MenuItem> {
    let site = &project.sites[a.build.site];
    let paths = &project.network.paths;
    let has = |kind: Kind| a.build.shows_section(project, kind);
    let has_type = |id: &str| {
        a.build.of_kind(project, Kind::Document).any(|(_, p)| {
            project.sources[p.source]
                .meta
                .document
                .as_ref()
                .is_some_and(|d| d.doc_type == id)
        })
    };
    let mut items: Vec<MenuItem> = Vec::new();
    for (id, key, weight) in BUILT_IN {
        let (path, shown) = match id {
            "gioi-thieu" => (paths.about.clone(), true),
            "tin-tuc" => (paths.articles.clone(), true),
            "thong-bao" => (paths.notices.clone(), has(Kind::Notice)),
            "van-ban" => (paths.documents.clone(), has(Kind::Document)),
            "nguoi-tot-viec-tot" => (paths.stories.clone(), true),
            "phap-luat" => (paths.primers.clone(), true),
            "cuoc-thi" => (paths.contests.clone(), a.has_contests),
            "thu-vien-anh" => (paths.albums.clone(), has(Kind::Album)),
            // The page the unit writes for it (`pages/lien-he.md`), when there is one.
            _ => (
                paths.contact.clone(),
                a.build
                    .pages
                    .iter()
                    .any(|p| p.path == format!("{}/", paths.contact)),
            ),
        };
        if shown {
            items.push(entry(id, (a.t)(key), format!("{path}/"), weight));
        }
    }
    for t in &project.network.document_types {
        if let Some(m) = t.menu.entry()
            && has_type(&t.id)
        {
            let item = entry(
                &t.id,
                m.label.clone().unwrap_or_else(|| t.name.clone()),
                crate::resolve::document_type_path(project, &t.id),
                m.weight.unwrap_or(70),
            );
            place(&mut items, item, m.parent.as_deref());
        }
    }
    if let Some(about) = items.iter_mut().find(|i| i.id == "gioi-thieu") {
        about.children.push(entry(
            ORGANIZATION_ID,
            (a.t)("menu_organization"),
            crate::resolve::organization_path(project),
            PAGE_WEIGHT - 1,
        ));
    }
    let mut tops: Vec<MenuItem> = Vec::new();
    let mut subs: Vec<(String, MenuItem)> = Vec::new();
    for p in &a.build.pages {
        let src = &project.sources[p.source];
        let Some(m) = &src.meta.menu else { continue };
        if p.path == format!("{}/", paths.contact) || p.path == format!("{}/", paths.about) {
            continue; // it is the built-in "Liên hệ" or "Giới thiệu" entry
        }
        let item = page_entry(src, m, &p.path);
        match &m.parent {
            Some(parent) => subs.push((parent.clone(), item)),
            None => tops.push(item),
        }
    }
    items.extend(tops);
    for (parent, item) in subs {
        place(&mut items, item, Some(&parent));
    }
    for i in &mut items {
        i.children
            .sort_by(|a, b| (a.weight, &a.title).cmp(&(b.weight, &b.title)));
    }
    arrange(items, &site.config.menu)
}

fn entry(id: &str, title: String, path: String, weight: i64) -> MenuItem {
    MenuItem {
        id: id.to_string(),
        title,
        path,
        children: Vec::new(),
        weight,
    }
}

fn page_entry(src: &crate::load::Source, m: &MenuEntry, path: &str) -> MenuItem {
    entry(
        &src.meta.slug,
        m.label
            .clone()
            .filter(|l| !l.trim().is_empty())
            .unwrap_or_else(|| src.meta.title.clone()),
        path.to_string(),
        m.weight.unwrap_or(PAGE_WEIGHT + src.meta.weight),
    )
}

/// Puts an entry under `parent` (one level only), or at the top when there is no such entry.
fn place(items: &mut Vec<MenuItem>, item: MenuItem, parent: Option<&str>) {
    match parent.and_then(|p| items.iter_mut().find(|i| i.id == p)) {
        Some(parent) => parent.children.push(item),
        None => items.push(item),
    }
}

/// The site's `menu: {hide, order}`: hidden entries left out, the ordered ones first.
fn arrange(mut items: Vec<MenuItem>, menu: &crate::load::config::SiteMenu) -> Vec<MenuItem> {
    let hidden = |id: &str| menu.hide.iter().any(|h| h.value == id);
    items.retain(|i| !hidden(&i.id));
    for i in &mut items {
        i.children.retain(|c| !hidden(&c.id));
    }
    let rank = |i: &MenuItem| {
        menu.order
            .iter()
            .position(|o| o.value == i.id)
            .unwrap_or(usize::MAX)
    };
    items.sort_by(|a, b| (rank(a), a.weight, &a.title).cmp(&(rank(b), b.weight, &b.title)));
    items
}
