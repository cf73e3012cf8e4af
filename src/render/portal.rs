//! Rendering of the pages of a school portal: the official documents (the list, a page per
//! type and per year, "Văn bản cấp trên" grouped by issuer), the notices' feed, each album
//! photo's own page (the viewer that needs no script), and the introduction ("Giới thiệu",
//! the generated "Tổ chức" page with the three boards). Lists reuse `render_list`.

use serde::Serialize;

use super::context::root_of;
use super::{Renderer, SiteRender};
use crate::diagnostics::Diagnostic;
use crate::load::frontmatter::Kind;
use crate::resolve::Publication;

#[derive(Serialize)]
struct Filter {
    name: String,
    path: String,
    count: usize,
}

#[derive(Serialize)]
struct IssuerGroup {
    issuer: String,
    items: Vec<tera::Value>,
}

impl<'a> Renderer<'a> {
    /// `van-ban/` and its pages per type, per year, and of the units above.
    pub(super) fn render_documents(&self, r: &mut SiteRender<'a>) -> Result<(), Vec<Diagnostic>> {
        let project = self.project;
        let build = r.viewer.build;
        let docs: Vec<usize> = build
            .of_kind(project, Kind::Document)
            .map(|(i, _)| i)
            .collect();
        if docs.is_empty() {
            return Ok(());
        }
        let doc = |i: usize| {
            let src = &project.sources[build.pages[i].source];
            (src, src.meta.document.as_ref())
        };
        let (upper, own): (Vec<usize>, Vec<usize>) =
            docs.iter().partition(|&&i| build.pages[i].origin.is_some());
        let mut groups: Vec<IssuerGroup> = Vec::new();
        for &i in &upper {
            let issuer = crate::resolve::document_issuer(project, doc(i).0);
            let item = r.item(i);
            match groups.iter_mut().find(|g| g.issuer == issuer) {
                Some(g) => g.items.push(item),
                None => groups.push(IssuerGroup {
                    issuer,
                    items: vec![item],
                }),
            }
        }
        let types: Vec<(Filter, Vec<usize>)> = project
            .network
            .document_types
            .iter()
            .map(|t| {
                let items: Vec<usize> = docs
                    .iter()
                    .copied()
                    .filter(|&i| doc(i).1.is_some_and(|d| d.doc_type == t.id))
                    .collect();
                let f = Filter {
                    name: t.name.clone(),
                    path: crate::resolve::document_type_path(project, &t.id),
                    count: items.len(),
                };
                (f, items)
            })
            .filter(|(f, _)| f.count > 0)
            .collect();
        let mut years: Vec<i16> = docs
            .iter()
            .filter_map(|&i| doc(i).0.meta.date.as_ref().map(|d| d.year()))
            .collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        let year_items = |y: i16| -> Vec<usize> {
            docs.iter()
                .copied()
                .filter(|&i| doc(i).0.meta.date.as_ref().is_some_and(|d| d.year() == y))
                .collect()
        };
        let year_filters: Vec<Filter> = years
            .iter()
            .map(|&y| Filter {
                name: y.to_string(),
                path: crate::resolve::document_year_path(project, y),
                count: year_items(y).len(),
            })
            .collect();
        let section = self.theme.t("section_documents");
        let base = format!("{}/", project.network.paths.documents);
        let upper_path = if upper.is_empty() {
            String::new()
        } else {
            crate::resolve::upper_documents_path(project)
        };
        let filters = |filter: &str, groups: serde_json::Value| {
            [
                (
                    "doc_types",
                    serde_json::json!(types.iter().map(|(f, _)| f).collect::<Vec<_>>()),
                ),
                ("years", serde_json::json!(year_filters)),
                ("upper_groups", groups),
                ("upper_path", serde_json::json!(upper_path)),
                ("documents_path", serde_json::json!(base)),
                ("filter", serde_json::json!(filter)),
            ]
        };
        let all_groups = serde_json::json!(groups);
        self.render_list(
            r,
            "documents.html",
            &base,
            &section,
            &own,
            &filters("", all_groups.clone()),
        )?;
        if !upper.is_empty() {
            let title = self.theme.t("documents_upper");
            self.render_list(
                r,
                "documents.html",
                &upper_path,
                &title,
                &[],
                &filters("upper", all_groups),
            )?;
        }
        for (f, items) in &types {
            let title = format!("{section}: {}", f.name);
            self.render_list(
                r,
                "documents.html",
                &f.path,
                &title,
                items,
                &filters(&f.path, serde_json::json!([])),
            )?;
        }
        for (f, &y) in year_filters.iter().zip(&years) {
            let title = format!("{section} {} {y}", self.theme.t("year"));
            self.render_list(
                r,
                "documents.html",
                &f.path,
                &title,
                &year_items(y),
                &filters(&f.path, serde_json::json!([])),
            )?;
        }
        Ok(())
    }

    /// `thong-bao/feed.xml`: every published notice, newest first.
    pub(super) fn render_notices_feed(
        &self,
        r: &mut SiteRender<'a>,
    ) -> Result<(), Vec<Diagnostic>> {
        let notices: Vec<&'a crate::resolve::PageEntry> = r
            .viewer
            .build
            .of_kind(self.project, Kind::Notice)
            .filter(|(_, p)| p.visibility == Publication::Published)
            .map(|(_, p)| p)
            .collect();
        if notices.is_empty() {
            return Ok(());
        }
        let path = format!("{}/feed.xml", self.project.network.paths.notices);
        let title = self.theme.t("section_notices");
        self.render_feed(r, notices, &path, &title)
    }

    /// Each photo of each album on its own page (`thu-vien-anh/<album>/anh-N/`) with the
    /// previous and next photo: a viewer that works without a script and with the keyboard.
    pub(super) fn render_album_photos(
        &self,
        r: &mut SiteRender<'a>,
    ) -> Result<(), Vec<Diagnostic>> {
        let build = r.viewer.build;
        let albums: Vec<&'a crate::resolve::PageEntry> = build
            .of_kind(self.project, Kind::Album)
            .map(|(_, p)| p)
            .collect();
        for entry in albums {
            let view = r.viewer.page(entry, None);
            let photos = view.album.as_ref().map(|a| &a.photos[..]).unwrap_or(&[]);
            let mut pages = Vec::with_capacity(photos.len());
            for (i, photo) in photos.iter().enumerate() {
                let root = root_of(&photo.path);
                let mut ctx = self.page_context(r, &photo.path, &root);
                ctx.insert("page", &view);
                ctx.insert("photo", photo);
                ctx.insert("number", &(i + 1));
                ctx.insert("count", &photos.len());
                let prev = i.checked_sub(1).map(|p| photos[p].path.as_str());
                ctx.insert("prev_path", prev.unwrap_or(""));
                let next = photos.get(i + 1).map(|p| p.path.as_str());
                ctx.insert("next_path", next.unwrap_or(""));
                pages.push((
                    photo.path.clone(),
                    self.render_bytes(r, "photo.html", &ctx)?,
                ));
            }
            for (path, html) in pages {
                Self::insert_page(r, &path, html);
            }
        }
        Ok(())
    }

    /// `gioi-thieu/` (the introduction's pages, the boards, the contacts) and
    /// `gioi-thieu/to-chuc/` (Ban Chỉ đạo, Ban Biên tập, Ban Quản trị from site.yaml).
    pub(super) fn render_about(&self, r: &mut SiteRender<'a>) -> Result<(), Vec<Diagnostic>> {
        let path = format!("{}/", self.project.network.paths.about);
        // A unit's own `pages/gioi-thieu.md` takes the address (page.html lists the sub-pages).
        if !r.viewer.build.pages.iter().any(|p| p.path == path) {
            let root = root_of(&path);
            let mut ctx = self.page_context(r, &path, &root);
            ctx.insert("list_title", &self.theme.t("section_about"));
            self.render_to(r, "about.html", &path, ctx)?;
        }
        let path = crate::resolve::organization_path(self.project);
        let root = root_of(&path);
        let mut ctx = self.page_context(r, &path, &root);
        ctx.insert("list_title", &self.theme.t("menu_organization"));
        ctx.insert(
            "about_path",
            &format!("{}/", self.project.network.paths.about),
        );
        self.render_to(r, "organization.html", &path, ctx)
    }
}
