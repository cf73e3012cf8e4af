//! What is public, where and when: the one rule. For every source and every site, one
//! `Publication` at the build time — published, scheduled (at), draft, in review, expired, not
//! targeted, not owned — computed once for the network (`Table`). Every output that depends on
//! it is derived from the table: a site's pages, lists, home, feed, sitemap, search index and
//! quiz (through `resolve_site`), link targets and the links-follow-publication check
//! (`links.rs`), the posting calendar and the next change (`features/calendar.rs`); contest
//! editions use the same approval gate (`gate`). Pure functions: no file is read.

use std::collections::HashMap;

use jiff::Zoned;

use crate::load::config::Site;
use crate::load::frontmatter::{Kind, Meta, Share, Status};
use crate::load::{Owner, Project, Source};

/// A source's state on one site at the build time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Publication {
    Published,
    /// Approved (or not gated) with a date after the build time: public from `at` on.
    Scheduled(Zoned),
    Draft,
    /// Waiting for approval (`status: review` with `require_approval`).
    Review,
    /// `expires` has passed.
    Expired,
    /// A `common/` source (or a shared-down one) whose `levels`/`sites` leave this site out.
    NotTargeted,
    /// Another unit's source that does not reach this site.
    NotOwned,
}

/// What the run is for: which states are shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Mode {
    /// `build`, `check`: published pages only.
    #[default]
    Publish,
    /// `build --drafts`: drafts, pages in review and scheduled pages too, each with a banner.
    Preview,
    /// `serve`: as `Preview`, sites served under `/<site-id>/`.
    Serve,
}

impl Mode {
    /// Drafts, pages in review and scheduled pages are shown (with a banner).
    pub fn preview(self) -> bool {
        self != Mode::Publish
    }
}

impl Publication {
    pub fn is_published(&self) -> bool {
        *self == Publication::Published
    }

    /// Whether the site shows a page in this state in `mode`: published pages always; drafts,
    /// pages in review and scheduled pages in previews; never an expired page or one the site
    /// does not carry.
    pub fn shown(&self, mode: Mode) -> bool {
        match self {
            Publication::Published => true,
            Publication::Draft | Publication::Review | Publication::Scheduled(_) => mode.preview(),
            Publication::Expired | Publication::NotTargeted | Publication::NotOwned => false,
        }
    }

    /// Whether the site carries the source at all (whatever its state).
    pub fn carried(&self) -> bool {
        !matches!(self, Publication::NotTargeted | Publication::NotOwned)
    }
}

/// The approval gate alone: a draft is never public; a page in review only when the network
/// does not require approval.
pub fn gate(status: Status, require_approval: bool) -> Option<Publication> {
    match status {
        Status::Draft => Some(Publication::Draft),
        Status::Review if require_approval => Some(Publication::Review),
        _ => None,
    }
}

/// The state of a source on a site that carries it: expiry first, then the approval gate,
/// then the schedule.
pub fn lifecycle(meta: &Meta, now: &Zoned, require_approval: bool) -> Publication {
    if meta.expires.as_ref().is_some_and(|e| e <= now) {
        return Publication::Expired;
    }
    if let Some(p) = gate(meta.status, require_approval) {
        return p;
    }
    match &meta.date {
        Some(d) if d > now => Publication::Scheduled(d.clone()),
        _ => Publication::Published,
    }
}

/// Whether a notice is current at `now`: its `until` has not passed (it is on the home page).
/// An `until` is a moment the site changes by itself (see `features::calendar::next_change`).
pub fn notice_current(meta: &Meta, now: &Zoned) -> bool {
    meta.notice
        .as_ref()
        .and_then(|n| n.until.as_ref())
        .is_none_or(|u| u > now)
}

/// The state of `src` on `site` at `now`.
pub fn publication(src: &Source, site: &Site, now: &Zoned, require_approval: bool) -> Publication {
    if super::carries(src, site).is_some() {
        return lifecycle(&src.meta, now, require_approval);
    }
    not_carried(&src.meta, src.kind, &src.owner, site)
}

/// Why a site does not carry a source: left out by targeting, or another unit's.
fn not_carried(meta: &Meta, kind: Kind, owner: &Owner, site: &Site) -> Publication {
    match owner {
        Owner::Common => Publication::NotTargeted,
        Owner::Site(id)
            if meta.share == Share::Down && kind.shares_down() && site.ancestors.contains(id) =>
        {
            Publication::NotTargeted
        }
        Owner::Site(_) => Publication::NotOwned,
    }
}

/// Every source on every site, computed once: per site, the sources it carries with their
/// state (a source a site does not carry is `NotTargeted` or `NotOwned`, computed on demand).
#[derive(Debug, Clone, Default)]
pub struct Table {
    rows: Vec<Vec<(usize, Publication)>>,
    index: Vec<HashMap<usize, usize>>,
    /// The network's `require_approval`, and the build time.
    pub require_approval: bool,
    pub now: Option<Zoned>,
}

impl Table {
    pub fn new(project: &Project, now: &Zoned) -> Table {
        use rayon::prelude::*;
        let require_approval = project.network.require_approval;
        let rows: Vec<Vec<(usize, Publication)>> = project
            .sites
            .par_iter()
            .map(|site| {
                project
                    .sources
                    .iter()
                    .enumerate()
                    .filter(|(_, src)| super::carries(src, site).is_some())
                    .map(|(i, src)| (i, lifecycle(&src.meta, now, require_approval)))
                    .collect()
            })
            .collect();
        let index = rows
            .iter()
            .map(|row| row.iter().enumerate().map(|(k, (i, _))| (*i, k)).collect())
            .collect();
        Table {
            rows,
            index,
            require_approval,
            now: Some(now.clone()),
        }
    }

    /// The table after the sources `changed` (indexes) were replaced in place, from the table
    /// of the project before (`serve` after a save): the rows of the other sources are kept.
    /// `None` when the time or the approval rule changed (then every state may have).
    pub fn patched(&self, project: &Project, now: &Zoned, changed: &[usize]) -> Option<Table> {
        let require_approval = project.network.require_approval;
        if self.now.as_ref() != Some(now)
            || self.require_approval != require_approval
            || self.rows.len() != project.sites.len()
        {
            return None;
        }
        let mut table = self.clone();
        for (s, site) in project.sites.iter().enumerate() {
            let row = &mut table.rows[s];
            let mut moved = false;
            for &c in changed {
                let src = project.sources.get(c)?;
                let state = super::carries(src, site)
                    .is_some()
                    .then(|| lifecycle(&src.meta, now, require_approval));
                match (row.binary_search_by_key(&c, |(i, _)| *i), state) {
                    (Ok(k), Some(p)) => row[k].1 = p,
                    (Ok(k), None) => {
                        row.remove(k);
                        moved = true;
                    }
                    (Err(k), Some(p)) => {
                        row.insert(k, (c, p));
                        moved = true;
                    }
                    (Err(_), None) => {}
                }
            }
            if moved {
                table.index[s] = row.iter().enumerate().map(|(k, (i, _))| (*i, k)).collect();
            }
        }
        Some(table)
    }

    /// In debug builds (the tests): this table says what `other` says.
    #[cfg(debug_assertions)]
    pub fn assert_same(&self, other: &Table) {
        assert_eq!(self.rows, other.rows, "the patched table differs");
        assert_eq!(self.index, other.index, "the patched table's index differs");
    }

    /// The sources site `site` carries, with their state, in source order.
    pub fn row(&self, site: usize) -> &[(usize, Publication)] {
        &self.rows[site]
    }

    /// The state of source `source` on site `site`, when the site carries it.
    pub fn carried_state(&self, site: usize, source: usize) -> Option<&Publication> {
        self.index[site]
            .get(&source)
            .map(|&k| &self.rows[site][k].1)
    }

    /// Whether this table gives every source but the `changed` ones (indexes) the state
    /// `before` gave it on site `site`.
    pub fn same_except(&self, before: &Table, site: usize, changed: &[usize]) -> bool {
        let kept = |e: &&(usize, Publication)| !changed.contains(&e.0);
        match (self.rows.get(site), before.rows.get(site)) {
            (Some(a), Some(b)) => a.iter().filter(kept).eq(b.iter().filter(kept)),
            _ => false,
        }
    }

    /// The state of source `source` on site `site`.
    pub fn get(&self, project: &Project, site: usize, source: usize) -> Publication {
        match self.index[site].get(&source) {
            Some(&k) => self.rows[site][k].1.clone(),
            None => {
                let src = &project.sources[source];
                not_carried(&src.meta, src.kind, &src.owner, &project.sites[site])
            }
        }
    }

    /// The first site (in tree order) that publishes `source`, if any.
    pub fn published_on(&self, source: usize) -> Option<usize> {
        (0..self.rows.len()).find(|&s| {
            self.index[s]
                .get(&source)
                .is_some_and(|&k| self.rows[s][k].1.is_published())
        })
    }

    /// The state of a source on the unit that owns it (or, for `common/`, on the first site
    /// that carries it): what a link to it should say when it is not public.
    pub fn own_state(&self, project: &Project, source: usize) -> Option<Publication> {
        let src = &project.sources[source];
        let site = match &src.owner {
            Owner::Site(id) => project.sites.iter().position(|s| s.id == *id),
            Owner::Common => (0..self.rows.len()).find(|&s| self.index[s].contains_key(&source)),
        }?;
        Some(self.get(project, site, source))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::frontmatter::Meta;

    fn at(s: &str) -> Zoned {
        crate::dates::build_time(Some(s)).unwrap()
    }

    fn meta(status: Status, date: Option<&str>, expires: Option<&str>) -> Meta {
        Meta {
            status,
            date: date.map(at),
            expires: expires.map(at),
            ..Meta::default()
        }
    }

    #[test]
    fn lifecycle_table() {
        use Publication::*;
        use Status as S;
        let now = at("2026-12-01 12:00");
        // (status, date, expires, require_approval, expected)
        type Case<'a> = (Status, Option<&'a str>, Option<&'a str>, bool, Publication);
        let cases: Vec<Case> = vec![
            (S::Approved, Some("2026-11-30"), None, true, Published),
            (S::Approved, None, None, true, Published),
            (S::Draft, Some("2026-11-30"), None, true, Draft),
            (S::Draft, Some("2026-11-30"), None, false, Draft),
            (S::Review, Some("2026-11-30"), None, true, Review),
            // Without the approval requirement, a page in review is public…
            (S::Review, Some("2026-11-30"), None, false, Published),
            // …and a future one is scheduled, not lost.
            (
                S::Review,
                Some("2026-12-07 08:00"),
                None,
                false,
                Scheduled(at("2026-12-07 08:00")),
            ),
            (
                S::Approved,
                Some("2026-12-07 08:00"),
                None,
                true,
                Scheduled(at("2026-12-07 08:00")),
            ),
            (S::Approved, Some("2026-12-01 12:00"), None, true, Published),
            (
                S::Approved,
                Some("2026-11-01"),
                Some("2026-12-01 12:00"),
                true,
                Expired,
            ),
            (
                S::Approved,
                Some("2026-11-01"),
                Some("2026-12-02"),
                true,
                Published,
            ),
            // Expiry wins over everything.
            (S::Draft, None, Some("2026-11-02"), true, Expired),
        ];
        for (status, date, expires, gated, expected) in cases {
            let m = meta(status, date, expires);
            assert_eq!(
                lifecycle(&m, &now, gated),
                expected,
                "{status:?} date {date:?} expires {expires:?} require_approval {gated}"
            );
        }
    }

    #[test]
    fn shown_by_mode() {
        use Publication::*;
        let s = Scheduled(at("2027-01-01"));
        for (p, publish, preview) in [
            (Published, true, true),
            (Draft, false, true),
            (Review, false, true),
            (s, false, true),
            (Expired, false, false),
            (NotTargeted, false, false),
            (NotOwned, false, false),
        ] {
            assert_eq!(p.shown(Mode::Publish), publish, "{p:?}");
            assert_eq!(p.shown(Mode::Preview), preview, "{p:?}");
            assert_eq!(p.shown(Mode::Serve), preview, "{p:?}");
        }
    }

    #[test]
    fn the_approval_gate() {
        assert_eq!(gate(Status::Draft, false), Some(Publication::Draft));
        assert_eq!(gate(Status::Review, true), Some(Publication::Review));
        assert_eq!(gate(Status::Review, false), None);
        assert_eq!(gate(Status::Approved, true), None);
    }
}
