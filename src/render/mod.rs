//! The render stage: Tera templates, once per output page, into a `SiteOutput` (path → bytes
//! or file to copy). Also the feed, sitemap, robots.txt, 404 and the network index. Writing to
//! disk or serving is the next stage's business: `build` hands pages and list pages to its
//! writer (`PageSink`) as they are rendered, and the output keeps only their hash.

pub mod context;
mod features;
pub mod menu;
mod portal;
pub mod theme;

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::diagnostics::Diagnostic;
use crate::files::FileData;
use crate::load::Project;
use crate::load::frontmatter::Kind;
use crate::resolve::links::SiteLinks;
use crate::resolve::{Publication, SiteBuild};
use context::{Link, PageNumber, Pagination, SiteView, Viewer, root_of};
use theme::{Templates, Theme};

/// Everything one site's folder will hold, by path relative to it.
#[derive(Debug, Default)]
pub struct SiteOutput {
    pub site_id: String,
    /// Emptied once written by a sink (see `Sink`).
    pub files: BTreeMap<String, FileData>,
    pub page_count: usize,
    /// Files written by a sink.
    pub written: usize,
}

/// Options that change rendering: the run's one mode (publish, `--drafts` preview, `serve`).
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    pub mode: crate::resolve::Mode,
}

impl RenderOptions {
    /// In `serve`, sites live under `/<site-id>/`: the 404 page's links need that prefix, and
    /// pages get the live-reload script and the preview banner.
    pub fn serve(&self) -> bool {
        self.mode == crate::resolve::Mode::Serve
    }
    /// Drafts, pages in review and scheduled pages are shown (with a banner).
    pub fn preview(&self) -> bool {
        self.mode.preview()
    }
}

/// A paginated list: its template, first page's path, title, pages (indices in the site's
/// `pages`) and extra template values.
struct List<'l> {
    template: &'l str,
    base_path: &'l str,
    title: &'l str,
    items: &'l [usize],
    extra: &'l [(&'l str, serde_json::Value)],
}

impl List<'_> {
    fn total(&self, per: usize) -> usize {
        self.items.len().div_ceil(per).max(1)
    }

    fn page_path(&self, n: usize) -> String {
        if n == 1 {
            self.base_path.to_string()
        } else {
            format!("{}trang/{n}/", self.base_path)
        }
    }
}

/// Writes one rendered page at once: (site id, file below the site's folder, bytes).
pub type PageSink<'a> = &'a (dyn Fn(&str, &str, &[u8]) -> std::io::Result<()> + Sync);

/// The file of a page's path: a folder path gets `index.html`.
fn page_file(path: &str) -> String {
    if path.ends_with(".xml") || path.ends_with(".html") || path.ends_with(".txt") {
        path.to_string()
    } else {
        format!("{path}index.html")
    }
}

/// What every render of a site shares.
pub struct Renderer<'a> {
    pub project: &'a Project,
    pub theme: &'a Theme,
    /// Every source's search data, prepared once for all sites (when a site's index is written).
    pub search: &'a std::sync::OnceLock<crate::features::search::Corpus>,
    pub images: &'a crate::features::images::ImageSet,
    pub now: &'a jiff::Zoned,
    pub options: &'a RenderOptions,
    /// What is public on which site (links follow it).
    pub table: &'a crate::resolve::Table,
}

struct SiteRender<'a> {
    viewer: Viewer<'a>,
    contests: crate::features::contest::SiteContests,
    quiz: Vec<crate::features::quiz::QuizItem>,
    templates: std::sync::Arc<Templates>,
    site_value: tera::Value,
    base: Context,
    out: SiteOutput,
    /// Where pages go as soon as they are rendered (`build`); `None` keeps them in `out`.
    write: Option<PageSink<'a>>,
    /// Each page's list entry (a page shows in its section, its tags, the home page…), made once.
    items: Vec<std::sync::OnceLock<tera::Value>>,
}

impl SiteRender<'_> {
    /// The list entry of page `i` of the site (no content), as a template value.
    fn item(&self, i: usize) -> tera::Value {
        self.items[i]
            .get_or_init(|| {
                tera::Value::from_serializable(&self.viewer.page(&self.viewer.build.pages[i], None))
            })
            .clone()
    }
}

impl<'a> Renderer<'a> {
    /// What every template sees: the language, the UI strings, the network.
    fn base_context(&self) -> Context {
        let mut ctx = Context::new();
        ctx.insert("lang", "vi");
        ctx.insert_value("t", self.theme.strings.clone());
        ctx.insert(
            "network",
            &serde_json::json!({ "name": self.project.network.name }),
        );
        ctx
    }

    /// Everything rendering a page of this site needs (links, contests, quiz, the site's values).
    fn site_render(&self, build: &'a SiteBuild) -> Result<SiteRender<'a>, Vec<Diagnostic>> {
        let site = &self.project.sites[build.site];
        let templates = self
            .theme
            .for_site(&self.project.root, site.theme_dir.as_deref())?;
        let links = SiteLinks::new(self.project, build, self.table);
        let viewer = Viewer {
            project: self.project,
            build,
            theme: self.theme,
            now: self.now,
            links,
            images: self.images,
        };
        let contests = crate::features::contest::for_site(
            &self.project.contests,
            site,
            self.now,
            self.project.network.require_approval,
            self.options.preview(),
        );
        let quiz = crate::features::quiz::items(self.project, build, self.options.preview());
        let site_value = tera::Value::from_serializable(&self.site_view(
            build,
            !contests.current.is_empty(),
            !quiz.is_empty(),
        ));
        let mut base = self.base_context();
        base.insert("preview", &self.options.preview());
        base.insert("build_year", &self.now.year());
        let mut r = SiteRender {
            viewer,
            contests,
            quiz,
            templates,
            site_value,
            base,
            out: SiteOutput {
                site_id: site.id.clone(),
                ..Default::default()
            },
            write: None,
            items: build
                .pages
                .iter()
                .map(|_| std::sync::OnceLock::new())
                .collect(),
        };
        r.base.insert_value("site", r.site_value.clone());
        Ok(r)
    }

    /// Renders one page of a site alone (what `serve` does when a browser asks for it).
    pub fn render_one_page(
        &self,
        build: &'a SiteBuild,
        page: usize,
    ) -> Result<Vec<u8>, Vec<Diagnostic>> {
        let r = self.site_render(build)?;
        self.page_html(&r, &build.pages[page])
    }

    /// Renders one resolved site.
    pub fn render_site(&self, build: &'a SiteBuild) -> Result<SiteOutput, Vec<Diagnostic>> {
        self.render_site_to(build, None)
    }

    /// `render_site`, its pages and lists handed to `write` as they are rendered (their
    /// entries in the output are then `FileData::Written`).
    pub fn render_site_to(
        &self,
        build: &'a SiteBuild,
        write: Option<PageSink<'a>>,
    ) -> Result<SiteOutput, Vec<Diagnostic>> {
        let mut r = self.site_render(build)?;
        r.write = write;
        self.render_pages(&mut r)?;
        self.render_home(&mut r)?;
        self.render_sections(&mut r)?;
        self.render_tags(&mut r)?;
        self.render_contests(&mut r)?;
        self.render_quiz(&mut r)?;
        self.render_calendar(&mut r)?;
        self.render_documents(&mut r)?;
        self.render_notices_feed(&mut r)?;
        self.render_album_photos(&mut r)?;
        self.render_about(&mut r)?;
        self.render_search(&mut r)?;
        self.render_feed_and_sitemap(&mut r)?;
        self.render_404(&mut r)?;
        self.copy_assets(&mut r);
        Ok(r.out)
    }

    fn site_view(&self, build: &SiteBuild, has_contests: bool, has_quiz: bool) -> SiteView<'a> {
        let project = self.project;
        let site = &project.sites[build.site];
        let c = &site.config;
        let paths = &project.network.paths;
        let t = |k: &str| self.theme.t(k);
        let menu = menu::build(
            project,
            &menu::Available {
                build,
                has_contests,
                t: &t,
            },
        );
        let mut sections = BTreeMap::new();
        sections.insert(
            "articles",
            Link {
                title: t("section_articles"),
                path: format!("{}/", paths.articles),
            },
        );
        sections.insert(
            "stories",
            Link {
                title: t("section_stories"),
                path: format!("{}/", paths.stories),
            },
        );
        sections.insert(
            "primers",
            Link {
                title: t("section_primers"),
                path: format!("{}/", paths.primers),
            },
        );
        sections.insert(
            "tags",
            Link {
                title: t("section_tags"),
                path: format!("{}/", paths.tags),
            },
        );
        // Features a site does not have get an empty title: the theme hides them.
        let feature = |on: bool, key: &str, path: &str| match on {
            true => Link {
                title: t(key),
                path: format!("{path}/"),
            },
            false => Link {
                title: String::new(),
                path: String::new(),
            },
        };
        sections.insert(
            "contests",
            feature(has_contests, "section_contests", &paths.contests),
        );
        sections.insert("quiz", feature(has_quiz, "section_quiz", &paths.quiz));
        sections.insert(
            "calendar",
            feature(true, "section_calendar", &paths.calendar),
        );
        sections.insert("search", feature(true, "section_search", &paths.search));
        let has = |kind: Kind| build.shows_section(project, kind);
        sections.insert(
            "documents",
            feature(has(Kind::Document), "section_documents", &paths.documents),
        );
        sections.insert(
            "notices",
            feature(has(Kind::Notice), "section_notices", &paths.notices),
        );
        sections.insert(
            "albums",
            feature(has(Kind::Album), "section_albums", &paths.albums),
        );
        sections.insert("about", feature(true, "section_about", &paths.about));
        let logo = self
            .theme
            .statics_for_site(site.theme_dir.as_deref())
            .keys()
            .find(|k| *k == "logo.svg" || *k == "logo.png")
            .cloned()
            .unwrap_or_default();
        let parent = c
            .parent
            .as_ref()
            .and_then(|p| project.site(p))
            .map(|p| context::ParentView {
                name: p.config.name.clone(),
                base_url: p.base_url.clone(),
            });
        let site: &'a crate::load::config::Site = &project.sites[build.site];
        let c = &site.config;
        SiteView {
            id: &site.id,
            name: &c.name,
            short_name: site.short_name(),
            kind: c.kind.as_str(),
            kind_label: c.kind.label(),
            level: c.level.map(|l| l.as_str()).unwrap_or(""),
            base_url: &site.base_url,
            address: c.address.as_deref().unwrap_or(""),
            phone: c.phone.as_deref().unwrap_or(""),
            hotline: c.hotline.as_deref().unwrap_or(""),
            hotline_tel: context::tel(c.hotline.as_deref().or(c.phone.as_deref()).unwrap_or("")),
            email: c.email.as_deref().unwrap_or(""),
            fanpage: c.fanpage.as_deref().unwrap_or(""),
            zalo: c.zalo.as_deref().unwrap_or(""),
            logo,
            colors: context::ColorsView {
                primary: c
                    .colors
                    .primary
                    .value
                    .clone()
                    .unwrap_or_else(|| "#0b5394".into()),
                accent: c
                    .colors
                    .accent
                    .value
                    .clone()
                    .unwrap_or_else(|| "#8a1c1c".into()),
            },
            parent,
            editorial_board: &c.editorial_board,
            steering_committee: &c.steering_committee,
            admin_board: &c.admin_board,
            menu,
            sections,
        }
    }

    fn render_to(
        &self,
        r: &mut SiteRender,
        template: &str,
        path: &str,
        ctx: Context,
    ) -> Result<(), Vec<Diagnostic>> {
        let html = self.render_bytes(r, template, &ctx)?;
        Self::insert_page(r, path, html);
        Ok(())
    }

    /// Renders a template; errors point into the template file.
    fn render_bytes(
        &self,
        r: &SiteRender,
        template: &str,
        ctx: &Context,
    ) -> Result<Vec<u8>, Vec<Diagnostic>> {
        // Into bytes directly: `render` would validate every page as UTF-8 once more.
        let mut out = Vec::with_capacity(32 * 1024);
        r.templates
            .tera
            .render_to(template, ctx, &mut out)
            .map(|()| {
                // Kept until the site is written: no room left over.
                out.shrink_to_fit();
                out
            })
            .map_err(|e| {
                vec![theme::template_error(
                    &e,
                    &r.templates.files,
                    &self.theme.dir,
                )]
            })
    }

    /// Stores a rendered page: a folder path gets `index.html`.
    fn insert_page(r: &mut SiteRender, path: &str, html: Vec<u8>) {
        Self::insert_file(r, page_file(path), FileData::Bytes(html));
    }

    fn insert_file(r: &mut SiteRender, file: String, data: FileData) {
        if file.ends_with(".html") {
            r.out.page_count += 1;
        }
        r.out.files.insert(file, data);
    }

    /// A page rendered in parallel: written at once when the site has a `write` (its entry
    /// keeps only the hash), else kept.
    fn store(
        r: &SiteRender,
        path: &str,
        html: Vec<u8>,
    ) -> Result<(String, FileData), Vec<Diagnostic>> {
        let file = page_file(path);
        let Some(write) = r.write else {
            return Ok((file, FileData::Bytes(html)));
        };
        let site = &r.viewer.site().id;
        write(site, &file, &html).map_err(|e| {
            vec![Diagnostic::error(
                format!("{site}/{file}"),
                0,
                crate::messages::Problem::Io {
                    detail: e.to_string(),
                },
            )]
        })?;
        Ok((file, FileData::Written(crate::files::content_hash(&html))))
    }

    fn page_context(&self, r: &SiteRender, path: &str, root: &str) -> Context {
        let mut ctx = r.base.clone();
        ctx.insert("root", root);
        ctx.insert("current_path", path);
        ctx.insert(
            "canonical",
            &format!("{}{}", r.viewer.site().base_url, path),
        );
        ctx
    }

    /// One page's HTML.
    fn page_html(
        &self,
        r: &SiteRender<'a>,
        entry: &'a crate::resolve::PageEntry,
    ) -> Result<Vec<u8>, Vec<Diagnostic>> {
        let root = root_of(&entry.path);
        let view = r.viewer.page(entry, Some(&root));
        let mut ctx = self.page_context(r, &entry.path, &root);
        if let Some(o) = &view.origin {
            ctx.insert("canonical", &o.permalink);
        }
        ctx.insert("page", &view);
        let template = format!("{}.html", self.project.sources[entry.source].kind.as_str());
        self.render_bytes(r, &template, &ctx)
    }

    /// Every page of the site, rendered in parallel (one template render per page).
    fn render_pages(&self, r: &mut SiteRender<'a>) -> Result<(), Vec<Diagnostic>> {
        let build = r.viewer.build;
        let shared: &SiteRender<'a> = r;
        // A template error repeats on every page: the first one is reported.
        let rendered = build
            .pages
            .par_iter()
            .map(|entry| Self::store(shared, &entry.path, self.page_html(shared, entry)?))
            .collect::<Result<Vec<_>, _>>()?;
        for (file, data) in rendered {
            Self::insert_file(r, file, data);
        }
        Ok(())
    }

    fn latest(
        &self,
        r: &SiteRender<'a>,
        kind: Kind,
        n: usize,
        root: &str,
    ) -> Vec<context::PageView<'a>> {
        let _ = root;
        r.viewer
            .build
            .of_kind(self.project, kind)
            .filter(|(_, p)| p.visibility == Publication::Published || self.options.preview())
            .take(n)
            .map(|(_, p)| r.viewer.page(p, None))
            .collect()
    }

    fn home_html(&self, r: &SiteRender<'a>) -> Result<Vec<u8>, Vec<Diagnostic>> {
        let mut ctx = self.page_context(r, "", "");
        ctx.insert("latest_articles", &self.latest(r, Kind::Article, 6, ""));
        ctx.insert("latest_stories", &self.latest(r, Kind::Story, 3, ""));
        ctx.insert("primers", &self.latest(r, Kind::Primer, 100, ""));
        let notices: Vec<_> = self
            .latest(r, Kind::Notice, usize::MAX, "")
            .into_iter()
            .filter(|n| n.notice.as_ref().is_some_and(|n| n.current))
            .take(5)
            .collect();
        ctx.insert("notices", &notices);
        ctx.insert("latest_documents", &self.latest(r, Kind::Document, 5, ""));
        ctx.insert("latest_albums", &self.latest(r, Kind::Album, 3, ""));
        self.render_bytes(r, "index.html", &ctx)
    }

    fn render_home(&self, r: &mut SiteRender<'a>) -> Result<(), Vec<Diagnostic>> {
        let html = self.home_html(r)?;
        Self::insert_page(r, "", html);
        Ok(())
    }

    /// A site's home page alone (what `serve` does when a browser asks for it).
    pub fn render_home_page(&self, build: &'a SiteBuild) -> Result<Vec<u8>, Vec<Diagnostic>> {
        let r = self.site_render(build)?;
        self.home_html(&r)
    }

    /// Paginated lists: `<section>/`, `<section>/trang/2/`, …
    fn render_list(
        &self,
        r: &mut SiteRender<'a>,
        template: &str,
        base_path: &str,
        title: &str,
        items: &[usize],
        extra: &[(&str, serde_json::Value)],
    ) -> Result<(), Vec<Diagnostic>> {
        let list = List {
            template,
            base_path,
            title,
            items,
            extra,
        };
        // Every page of the list, rendered in parallel.
        let shared: &SiteRender<'a> = r;
        let rendered = (1..=list.total(self.per_page()))
            .into_par_iter()
            .map(|n| {
                Self::store(
                    shared,
                    &list.page_path(n),
                    self.list_page_html(shared, &list, n)?,
                )
            })
            .collect::<Result<Vec<_>, _>>()?;
        for (file, data) in rendered {
            Self::insert_file(r, file, data);
        }
        Ok(())
    }

    fn per_page(&self) -> usize {
        self.project.network.paginate.max(1)
    }

    /// Page `n` (from 1) of a paginated list.
    fn list_page_html(
        &self,
        shared: &SiteRender<'a>,
        list: &List,
        n: usize,
    ) -> Result<Vec<u8>, Vec<Diagnostic>> {
        let per = self.per_page();
        let total = list.total(per);
        let path = list.page_path(n);
        let root = root_of(&path);
        let items = list.items;
        let views: Vec<tera::Value> = items[(n - 1) * per..(n * per).min(items.len())]
            .iter()
            .map(|&i| shared.item(i))
            .collect();
        let pagination = Pagination {
            current: n,
            total,
            prev_path: if n > 1 {
                list.page_path(n - 1)
            } else {
                String::new()
            },
            next_path: if n < total {
                list.page_path(n + 1)
            } else {
                String::new()
            },
            // The first, the last and the two on each side of the current one: a section of
            // 1,000 list pages must not link every number from each of them.
            pages: (1..=total)
                .filter(|&k| k == 1 || k == total || k.abs_diff(n) <= 2)
                .map(|number| PageNumber {
                    number,
                    path: list.page_path(number),
                })
                .collect(),
        };
        let mut ctx = self.page_context(shared, &path, &root);
        ctx.insert("list_title", list.title);
        ctx.insert_value("items", tera::Value::from(views));
        ctx.insert("pagination", &pagination);
        for (k, v) in list.extra {
            ctx.insert(k.to_string(), v);
        }
        self.render_bytes(shared, list.template, &ctx)
    }

    /// One list page, the tag index or the feed of a site alone, by its path in the site
    /// (`bai-viet/trang/3/`, `the/`, `the/tin-gia/`, `feed.xml`): what `serve` renders when a
    /// browser asks for it after a save. `None` for any other path.
    pub fn render_list_path(
        &self,
        build: &'a SiteBuild,
        rest: &str,
    ) -> Option<Result<Vec<u8>, Vec<Diagnostic>>> {
        // `<base>` → page 1, `<base>trang/N/` → page N.
        let page_of = |base: &str| -> Option<usize> {
            let tail = rest.strip_prefix(base)?;
            if tail.is_empty() {
                return Some(1);
            }
            let n: usize = tail
                .strip_prefix("trang/")?
                .strip_suffix('/')?
                .parse()
                .ok()?;
            (n >= 2).then_some(n)
        };
        let folder_tags = &self.project.network.paths.tags;
        let is_list = rest == "feed.xml"
            || self
                .sections()
                .iter()
                .any(|(_, folder, _)| page_of(&format!("{folder}/")).is_some())
            || rest.starts_with(&format!("{folder_tags}/"));
        if !is_list {
            return None;
        }
        let r = match self.site_render(build) {
            Ok(r) => r,
            Err(e) => return Some(Err(e)),
        };
        if rest == "feed.xml" {
            return Some(self.feed_html(&r));
        }
        for (kind, folder, key) in self.sections() {
            let base = format!("{folder}/");
            if let Some(n) = page_of(&base) {
                let items = self.section_items(&r, kind)?;
                let title = self.theme.t(key);
                let list = List {
                    template: "section.html",
                    base_path: &base,
                    title: &title,
                    items: &items,
                    extra: &[],
                };
                return (n <= list.total(self.per_page()))
                    .then(|| self.list_page_html(&r, &list, n));
            }
        }
        if rest == format!("{folder_tags}/") {
            return Some(self.tags_index_html(&r));
        }
        for tag in &build.tags {
            let base = format!("{folder_tags}/{}/", tag.slug);
            if let Some(n) = page_of(&base) {
                let extra = [("tag", serde_json::json!({ "name": tag.name }))];
                let list = List {
                    template: "tag.html",
                    base_path: &base,
                    title: &tag.name,
                    items: &tag.pages,
                    extra: &extra,
                };
                return (n <= list.total(self.per_page()))
                    .then(|| self.list_page_html(&r, &list, n));
            }
        }
        None
    }

    /// The sections listed page by page: (kind, folder, title key).
    fn sections(&self) -> [(Kind, &'a String, &'static str); 5] {
        let paths = &self.project.network.paths;
        [
            (Kind::Article, &paths.articles, "section_articles"),
            (Kind::Story, &paths.stories, "section_stories"),
            (Kind::Primer, &paths.primers, "section_primers"),
            (Kind::Notice, &paths.notices, "section_notices"),
            (Kind::Album, &paths.albums, "section_albums"),
        ]
    }

    /// The pages of a section, or `None` when the site has no list for it
    /// (`SiteBuild::shows_section`).
    fn section_items(&self, r: &SiteRender<'a>, kind: Kind) -> Option<Vec<usize>> {
        let build = r.viewer.build;
        build
            .shows_section(self.project, kind)
            .then(|| build.of_kind(self.project, kind).map(|(i, _)| i).collect())
    }

    fn render_sections(&self, r: &mut SiteRender<'a>) -> Result<(), Vec<Diagnostic>> {
        for (kind, folder, key) in self.sections() {
            let Some(items) = self.section_items(r, kind) else {
                continue;
            };
            let title = self.theme.t(key);
            self.render_list(
                r,
                "section.html",
                &format!("{folder}/"),
                &title,
                &items,
                &[],
            )?;
        }
        Ok(())
    }

    fn render_tags(&self, r: &mut SiteRender<'a>) -> Result<(), Vec<Diagnostic>> {
        let folder = &self.project.network.paths.tags;
        let html = self.tags_index_html(r)?;
        Self::insert_page(r, &format!("{folder}/"), html);
        for tag in r.viewer.build.tags.clone() {
            let title = tag.name.clone();
            self.render_list(
                r,
                "tag.html",
                &format!("{folder}/{}/", tag.slug),
                &title,
                &tag.pages,
                &[("tag", serde_json::json!({ "name": title }))],
            )?;
        }
        Ok(())
    }

    /// The tag index: every tag with its count.
    fn tags_index_html(&self, r: &SiteRender<'a>) -> Result<Vec<u8>, Vec<Diagnostic>> {
        #[derive(Serialize)]
        struct TagView {
            name: String,
            path: String,
            count: usize,
        }
        let folder = &self.project.network.paths.tags;
        let tags: Vec<TagView> = r
            .viewer
            .build
            .tags
            .iter()
            .map(|t| TagView {
                name: t.name.clone(),
                path: format!("{folder}/{}/", t.slug),
                count: t.pages.len(),
            })
            .collect();
        let path = format!("{folder}/");
        let root = root_of(&path);
        let mut ctx = self.page_context(r, &path, &root);
        ctx.insert("tags", &tags);
        self.render_bytes(r, "tags.html", &ctx)
    }

    fn render_feed_and_sitemap(&self, r: &mut SiteRender<'a>) -> Result<(), Vec<Diagnostic>> {
        let feed = self.feed_html(r)?;
        Self::insert_page(r, "feed.xml", feed);
        self.render_sitemap(r)
    }

    /// The Atom feed: the 20 newest published articles and stories, with their content.
    fn feed_html(&self, r: &SiteRender<'a>) -> Result<Vec<u8>, Vec<Diagnostic>> {
        let posts: Vec<&crate::resolve::PageEntry> = r
            .viewer
            .build
            .pages
            .iter()
            .filter(|p| {
                matches!(
                    self.project.sources[p.source].kind,
                    Kind::Article | Kind::Story
                ) && p.visibility == Publication::Published
            })
            .collect();
        self.feed_bytes(r, posts, "feed.xml", "")
    }

    /// `sitemap.xml` (every page rendered so far) and `robots.txt`.
    fn render_sitemap(&self, r: &mut SiteRender<'a>) -> Result<(), Vec<Diagnostic>> {
        let site = r.viewer.site();

        #[derive(Serialize)]
        struct Url {
            loc: String,
            lastmod: String,
        }
        let by_path: std::collections::HashMap<&str, &crate::resolve::PageEntry> = r
            .viewer
            .build
            .pages
            .iter()
            .map(|p| (p.path.as_str(), p))
            .collect();
        let mut urls: Vec<Url> = Vec::new();
        for path in r.out.files.keys() {
            if let Some(dir) = path.strip_suffix("index.html") {
                let lastmod = by_path
                    .get(dir)
                    .and_then(|p| {
                        let m = &self.project.sources[p.source].meta;
                        m.updated
                            .as_ref()
                            .or(m.date.as_ref())
                            .map(crate::dates::rfc3339)
                    })
                    .unwrap_or_default();
                urls.push(Url {
                    loc: format!("{}{}", site.base_url, dir),
                    lastmod,
                });
            }
        }
        let mut ctx = self.page_context(r, "sitemap.xml", "");
        ctx.insert("urls", &urls);
        self.render_to(r, "sitemap.xml", "sitemap.xml", ctx)?;
        let robots = format!(
            "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
            site.base_url
        );
        r.out
            .files
            .insert("robots.txt".into(), FileData::Bytes(robots.into_bytes()));
        Ok(())
    }

    /// An Atom feed of `posts` (the newest 20) at `path`, stored in the site's output.
    fn render_feed(
        &self,
        r: &mut SiteRender<'a>,
        posts: Vec<&'a crate::resolve::PageEntry>,
        path: &str,
        title: &str,
    ) -> Result<(), Vec<Diagnostic>> {
        let feed = self.feed_bytes(r, posts, path, title)?;
        Self::insert_page(r, path, feed);
        Ok(())
    }

    /// An Atom feed of `posts` (the newest 20) at `path`; `title` names it after the site's.
    fn feed_bytes(
        &self,
        r: &SiteRender<'a>,
        mut newest: Vec<&'a crate::resolve::PageEntry>,
        path: &str,
        title: &str,
    ) -> Result<Vec<u8>, Vec<Diagnostic>> {
        let site = r.viewer.site();
        newest.sort_by_key(|p| {
            std::cmp::Reverse(
                self.project.sources[p.source]
                    .meta
                    .date
                    .as_ref()
                    .map(|d| d.timestamp()),
            )
        });
        let items: Vec<_> = newest
            .iter()
            .take(20)
            .map(|p| {
                r.viewer.page(
                    p,
                    Some(&format!(
                        "{}{}",
                        site.base_url,
                        root_of(&p.path).replace("../", "")
                    )),
                )
            })
            .collect();
        let updated = newest
            .first()
            .and_then(|p| self.project.sources[p.source].meta.date.as_ref())
            .map(crate::dates::rfc3339)
            .unwrap_or_else(|| crate::dates::rfc3339(self.now));
        let mut ctx = self.page_context(r, path, "");
        ctx.insert("items", &items);
        ctx.insert("updated", &updated);
        ctx.insert("feed_title", title);
        ctx.insert("feed_url", &format!("{}{path}", site.base_url));
        self.render_bytes(r, "feed.xml", &ctx)
    }

    fn render_404(&self, r: &mut SiteRender<'a>) -> Result<(), Vec<Diagnostic>> {
        let site = r.viewer.site();
        let root = if self.options.serve() {
            format!("/{}/", site.id)
        } else {
            let after_scheme = site
                .base_url
                .split_once("://")
                .map(|(_, rest)| rest)
                .unwrap_or(&site.base_url);
            after_scheme
                .find('/')
                .map(|i| after_scheme[i..].to_string())
                .unwrap_or_else(|| "/".into())
        };
        let ctx = self.page_context(r, "404.html", &root);
        self.render_to(r, "404.html", "404.html", ctx)
    }

    fn copy_assets(&self, r: &mut SiteRender<'a>) {
        let assets = self.site_assets(r.viewer.build);
        r.out.files.extend(assets);
    }

    /// The files of a site that need no template: the theme's static files, `syntax.css`,
    /// shared media and every page's own images (each size of a processed one).
    pub fn site_assets(&self, build: &SiteBuild) -> BTreeMap<String, FileData> {
        let mut files = BTreeMap::new();
        let site = &self.project.sites[build.site];
        for (path, file) in self.theme.statics_for_site(site.theme_dir.as_deref()) {
            files.insert(path, FileData::Copy(file));
        }
        files.insert(
            "syntax.css".into(),
            FileData::Bytes(crate::load::markdown::syntax_css().as_bytes().to_vec()),
        );
        // Shared media: photos are published re-encoded (no metadata) at their largest size.
        for m in &self.project.media {
            let (name, data) = match self.images.get(&m.file) {
                Some(p) => (
                    crate::features::images::variant_name(&m.name, p, p.largest()),
                    FileData::Copy(p.largest().file.clone()),
                ),
                None => (m.name.clone(), FileData::Copy(m.file.clone())),
            };
            files.insert(format!("media/{name}"), data);
        }
        // A page's own images (bundle) and cover, every size; the names were checked by the
        // load stage (no `..`, inside the page's folder).
        for entry in &build.pages {
            let src = &self.project.sources[entry.source];
            let mut local: Vec<(&str, &std::path::Path)> = src
                .body
                .local_images
                .iter()
                .map(|i| (i.name.as_str(), i.file.as_path()))
                .collect();
            if let (Some(c), Some(file)) = (&src.meta.cover, &src.cover_file)
                && !c.starts_with('/')
            {
                local.push((c.as_str(), file.as_path()));
            }
            local.extend(
                src.photos
                    .iter()
                    .map(|p| (p.name.as_str(), p.file.as_path())),
            );
            for (name, file) in local {
                for (out, data) in crate::features::images::outputs(name, file, self.images) {
                    files.insert(format!("{}{}", entry.path, out), data);
                }
            }
            // Attachments beside the page, copied as they are (shared media are above).
            for a in src.attachments.iter().filter(|a| !a.in_media()) {
                files.insert(
                    format!("{}{}", entry.path, a.name),
                    FileData::Copy(a.file.clone()),
                );
            }
        }
        files
    }

    /// `public/index.html`: every site of the network, in tree order.
    pub fn render_network_index(&self, sites: &[usize]) -> Result<Vec<u8>, Vec<Diagnostic>> {
        #[derive(Serialize)]
        struct SiteLink<'s> {
            id: &'s str,
            name: &'s str,
            kind: &'static str,
            kind_label: &'static str,
            level: &'static str,
            depth: usize,
            path: String,
            base_url: &'s str,
        }
        let list: Vec<SiteLink> = sites
            .iter()
            .map(|&i| {
                let s = &self.project.sites[i];
                SiteLink {
                    id: &s.id,
                    name: &s.config.name,
                    kind: s.config.kind.as_str(),
                    kind_label: s.config.kind.label(),
                    level: s.config.level.map(|l| l.as_str()).unwrap_or(""),
                    depth: s.depth(),
                    path: format!("{}/", s.id),
                    base_url: &s.base_url,
                }
            })
            .collect();
        let mut ctx = self.base_context();
        ctx.insert("sites", &list);
        ctx.insert("root", "");
        ctx.insert("build_year", &self.now.year());
        ctx.insert("preview", &self.options.preview());
        let t = &self.theme.default;
        t.tera
            .render("network.html", &ctx)
            .map(String::into_bytes)
            .map_err(|e| vec![theme::template_error(&e, &t.files, &self.theme.dir)])
    }
}
