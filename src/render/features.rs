//! Rendering of the feature pages of a site — contests, the practice quiz, the public
//! calendar, search — and of the editorial calendar; the data behind them comes from
//! `crate::features`. The core pages (posts, lists, tags, feeds) are in `render/mod.rs`.

use std::collections::BTreeMap;

use rayon::prelude::*;
use tera::Context;

use super::context::{self, root_of};
use super::theme::Theme;
use super::{Renderer, SiteRender, theme};
use crate::diagnostics::Diagnostic;
use crate::files::FileData;
use crate::load::Project;
use crate::resolve::Publication;

impl<'a> Renderer<'a> {
    /// Contest rule pages: the index, each current edition at a stable path, the other editions
    /// (archive), and a `.ics` beside each.
    pub(super) fn render_contests(&self, r: &mut SiteRender<'a>) -> Result<(), Vec<Diagnostic>> {
        use crate::features::contest::{self, EditionLink};
        if r.contests.current.is_empty() && r.contests.others.is_empty() {
            return Ok(());
        }
        let section = self.project.network.paths.contests.clone();
        let site = r.viewer.site();
        let today = self.now.date();
        let all: Vec<(bool, contest::Edition)> = r
            .contests
            .current
            .iter()
            .map(|e| (true, e.clone()))
            .chain(r.contests.others.iter().map(|e| (false, e.clone())))
            .collect();
        let links_for = |id: &str| -> Vec<EditionLink> {
            all.iter()
                .filter(|(_, e)| e.id == id)
                .map(|(cur, e)| EditionLink {
                    title: e.full_title(),
                    year: e.year,
                    path: contest::edition_path(&section, e, *cur),
                    current: *cur,
                })
                .collect()
        };
        let mut views = Vec::new();
        for (current, e) in &all {
            let path = contest::edition_path(&section, e, *current);
            let root = root_of(&path);
            let src = &self.project.contests[e.body_source];
            let content = crate::resolve::links::fill_placeholders(&src.body.html, |i| {
                let url = match r.viewer.links.href(&src.body.links[i].target) {
                    crate::resolve::links::Href::Site(p) => format!("{root}{p}"),
                    crate::resolve::links::Href::Absolute(u) => u,
                };
                (url, None)
            });
            let view = contest::view(contest::ViewInput {
                edition: e,
                path: path.clone(),
                base_url: &site.base_url,
                today,
                strings: &self.theme.strings_map,
                content,
                editions: links_for(&e.id),
            });
            let ics = contest::ics(e, site, &view.permalink, self.now);
            r.out.files.insert(
                format!("{path}contest.ics"),
                FileData::Bytes(ics.into_bytes()),
            );
            let mut ctx = self.page_context(r, &path, &root);
            ctx.insert("contest", &view);
            self.render_to(r, "contest.html", &path, ctx)?;
            views.push((*current, view));
        }
        let path = format!("{section}/");
        let root = root_of(&path);
        let mut ctx = self.page_context(r, &path, &root);
        let (current, archive): (Vec<_>, Vec<_>) = views.into_iter().partition(|(c, _)| *c);
        ctx.insert(
            "contests",
            &current.into_iter().map(|(_, v)| v).collect::<Vec<_>>(),
        );
        ctx.insert(
            "archive",
            &archive.into_iter().map(|(_, v)| v).collect::<Vec<_>>(),
        );
        self.render_to(r, "contests.html", &path, ctx)
    }

    /// The public posting calendar: a month view of the school year with published posts,
    /// key dates and contest windows, and `calendar.ics`. Nothing unpublished appears (but in
    /// a preview, where drafts and scheduled posts are shown too).
    pub(super) fn render_calendar(&self, r: &mut SiteRender<'a>) -> Result<(), Vec<Diagnostic>> {
        use crate::features::calendar::{self, DayEvent};
        let site = r.viewer.site();
        let section = self.project.network.paths.calendar.clone();
        let today = self.now.date();
        let (start, end) = calendar::school_year(today);
        let posts: Vec<(jiff::civil::Date, String, String)> = r
            .viewer
            .build
            .pages
            .iter()
            // What the site shows: published pages, and in a preview the others too.
            .filter(|p| p.visibility == Publication::Published || self.options.preview())
            .filter_map(|p| {
                let src = &self.project.sources[p.source];
                let date = src.meta.date.as_ref().filter(|_| src.kind.needs_date())?;
                Some((date.date(), src.meta.title.clone(), p.path.clone()))
            })
            .collect();
        let mut events = calendar::key_dates(self.project, site, start, end);
        for e in r.contests.current.iter().chain(r.contests.others.iter()) {
            events.push(DayEvent {
                start: e.start,
                end: e.end,
                title: e.full_title(),
                kind: "contest",
            });
        }
        events.sort_by(|a, b| (a.start, &a.title).cmp(&(b.start, &b.title)));
        let month_word = self.theme.t("calendar_month");
        let months = calendar::months(&section, &month_word, today, &posts, &events);
        let weekdays = self.theme.t("calendar_weekdays");
        let weekdays: Vec<&str> = weekdays.split_whitespace().collect();
        let current = months
            .iter()
            .position(|m| m.key == format!("{}-{:02}", today.year(), today.month()))
            .unwrap_or(0);
        for (i, month) in months.iter().enumerate() {
            let paths = if i == current {
                vec![month.path.clone(), format!("{section}/")]
            } else {
                vec![month.path.clone()]
            };
            for path in paths {
                let root = root_of(&path);
                let mut ctx = self.page_context(r, &path, &root);
                ctx.insert("month", month);
                ctx.insert("weekdays", &weekdays);
                ctx.insert("ics_path", "calendar.ics");
                self.render_to(r, "calendar.html", &path, ctx)?;
            }
        }
        let ics = calendar::to_ics(self.project, site, self.now, start, end, false);
        r.out
            .files
            .insert("calendar.ics".into(), FileData::Bytes(ics.into_bytes()));
        Ok(())
    }

    /// The editorial calendar (`public/_editorial/`, not deployed): per unit and week, what
    /// was published, scheduled, in review and in draft, against the quotas; for an office or
    /// the department, every unit below it; the same numbers as CSV and JSON.
    pub fn render_editorial(
        &self,
        plan: &crate::features::calendar::Plan,
        next: Option<&crate::features::calendar::NextChange>,
    ) -> Result<BTreeMap<String, FileData>, Vec<Diagnostic>> {
        use crate::features::calendar;
        let mut files = BTreeMap::new();
        let t = &self.theme.default;
        let render = |ctx: &Context, name: &str| {
            t.tera
                .render(name, ctx)
                .map_err(|e| vec![theme::template_error(&e, &t.files, &self.theme.dir)])
        };
        // The editorial pages are the tool's own pages: their words are in the language of
        // messages (`crate::messages`), not the theme's strings.
        let lang = plan.lang;
        let mut base = self.base_context();
        base.insert("lang", lang.code());
        base.insert("m", &crate::messages::editorial_words(lang));
        base.insert("today_text", &crate::messages::long_date(lang, self.now));
        base.insert("next_change", &next);
        base.insert("from_text", &crate::dates::vi_date_short(plan.from));
        base.insert("to_text", &crate::dates::vi_date_short(plan.to));
        let ancestors: std::collections::HashMap<&str, &[String]> = self
            .project
            .sites
            .iter()
            .map(|s| (s.id.as_str(), s.ancestors.as_slice()))
            .collect();
        // One page and two reports per unit, in parallel (a province has hundreds of units).
        let per_unit = plan
            .units
            .par_iter()
            .map(|unit| -> Result<[(String, FileData); 3], Vec<Diagnostic>> {
                let below: Vec<&calendar::UnitPlan> = plan
                    .units
                    .iter()
                    .filter(|u| {
                        u.id != unit.id
                            && ancestors
                                .get(u.id.as_str())
                                .is_some_and(|a| a.contains(&unit.id))
                    })
                    .collect();
                let mut ctx = base.clone();
                ctx.insert("root", "../");
                ctx.insert("unit", unit);
                ctx.insert("below", &below);
                let page = render(&ctx, "editorial.html")?.into_bytes();
                let report = calendar::Plan {
                    units: std::iter::once(unit.clone())
                        .chain(below.into_iter().cloned())
                        .collect(),
                    from: plan.from,
                    to: plan.to,
                    today: plan.today,
                    lang: plan.lang,
                };
                Ok([
                    (format!("{}/index.html", unit.id), FileData::Bytes(page)),
                    (
                        format!("{}/report.csv", unit.id),
                        FileData::Bytes(calendar::to_csv(&report).into_bytes()),
                    ),
                    (
                        format!("{}/report.json", unit.id),
                        FileData::Bytes(calendar::to_json(&report).into_bytes()),
                    ),
                ])
            })
            .collect::<Result<Vec<_>, _>>()?;
        files.extend(per_unit.into_iter().flatten());
        let mut ctx = base.clone();
        ctx.insert("root", "");
        ctx.insert("units", &plan.units.iter().map(|u| serde_json::json!({ "id": u.id, "name": u.name, "depth": u.depth, "missed": u.missed_weeks(), "rules": u.rules })).collect::<Vec<_>>());
        files.insert(
            "index.html".into(),
            FileData::Bytes(render(&ctx, "editorial_index.html")?.into_bytes()),
        );
        files.insert(
            "report.csv".into(),
            FileData::Bytes(calendar::to_csv(plan).into_bytes()),
        );
        files.insert(
            "report.json".into(),
            FileData::Bytes(calendar::to_json(plan).into_bytes()),
        );
        let next_json = serde_json::to_string_pretty(&next).unwrap_or_else(|_| "null".into());
        files.insert(
            "next-change.json".into(),
            FileData::Bytes(next_json.into_bytes()),
        );
        Ok(files)
    }

    /// Prepares the search data of every source once (in parallel), for every site's index.
    pub fn search_corpus(project: &Project, theme: &Theme) -> crate::features::search::Corpus {
        use crate::features::search::{Corpus, DocInfo};
        let infos: Vec<_> = project
            .sources
            .par_iter()
            .map(|src| {
                let info = DocInfo {
                    title: &src.meta.title,
                    path: "",
                    summary: src
                        .meta
                        .summary
                        .as_deref()
                        .unwrap_or(&src.body.first_paragraph),
                    date: src
                        .meta
                        .date
                        .as_ref()
                        .filter(|_| src.kind.needs_date())
                        .map(crate::dates::vi_short)
                        .unwrap_or_default(),
                    kind: context::kind_label(theme, src.kind),
                };
                (crate::resolve::page_path(project, src), info)
            })
            .collect();
        let entries: Vec<_> = project
            .sources
            .iter()
            .zip(&infos)
            .map(|(src, (path, info))| {
                (
                    &src.search,
                    DocInfo {
                        path,
                        ..info.clone()
                    },
                )
            })
            .collect();
        Corpus::new(&entries)
    }

    /// The search page and its index (`tim-kiem/index.js` and the parts it names, loaded as
    /// the reader types). Only what the site publishes is indexed; the site's own pages first.
    pub(super) fn render_search(&self, r: &mut SiteRender<'a>) -> Result<(), Vec<Diagnostic>> {
        let section = &self.project.network.paths.search;
        let site = &r.viewer.site().id;
        let sources: Vec<(usize, bool)> = r
            .viewer
            .build
            .pages
            .iter()
            .filter(|p| p.visibility == Publication::Published || self.options.preview())
            .map(|p| {
                let own = matches!(&self.project.sources[p.source].owner,
                    crate::load::Owner::Site(id) if id == site);
                (p.source, own)
            })
            .collect();
        let files = self
            .search
            .get_or_init(|| Renderer::search_corpus(self.project, self.theme))
            .index_files(&sources);
        for (name, bytes) in files.iter() {
            r.out
                .files
                .insert(format!("{section}/{name}"), FileData::Bytes(bytes.clone()));
        }
        let path = format!("{section}/");
        let root = root_of(&path);
        let ctx = self.page_context(r, &path, &root);
        self.render_to(r, "search.html", &path, ctx)
    }

    /// The practice quiz built from the primers' questions.
    pub(super) fn render_quiz(&self, r: &mut SiteRender<'a>) -> Result<(), Vec<Diagnostic>> {
        if r.quiz.is_empty() {
            return Ok(());
        }
        let path = format!("{}/", self.project.network.paths.quiz);
        let root = root_of(&path);
        let mut ctx = self.page_context(r, &path, &root);
        ctx.insert("questions", &r.quiz);
        ctx.insert("quiz_json", &crate::features::quiz::json(&r.quiz));
        self.render_to(r, "quiz.html", &path, ctx)
    }
}
