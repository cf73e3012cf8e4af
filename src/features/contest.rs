//! Contests ("Cuộc thi") on loaded data (`load::contest` reads the files): the checks of every
//! contest, a site's own edition (`extends:` + `year:`) merged over the network's yearly
//! definition, the edition to show at the build time (this year's, or next year's once this
//! year's window has passed), its status, the rule page ("Thể lệ") data, the archive of other
//! editions, and a `.ics` per edition.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::Zoned;
use jiff::civil::Date;
use serde::Serialize;

use crate::dates;
use crate::diagnostics::Diagnostic;
use crate::load::Owner;
use crate::load::config::{Site, UnitKind};
use crate::load::contest::{
    Contact, ContestFm, ContestSource, Judging, Prize, Recurrence, Submission,
};
use crate::load::frontmatter::Status;
use crate::messages::Problem;

/// Checks every contest once: `extends` targets, windows, required fields.
pub fn validate(contests: &[ContestSource]) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for c in contests {
        let base = c.fm.extends.as_ref().map(|e| {
            (
                e,
                contests
                    .iter()
                    .find(|o| o.owner == Owner::Common && o.id == e.value),
            )
        });
        match base {
            Some((e, None)) => errors.push(Diagnostic::error(
                &c.file,
                c.line(Some(e)),
                Problem::BadValue {
                    field: "extends".into(),
                    value: e.value.clone(),
                    expected: common_ids(contests),
                },
            )),
            Some((e, Some(_))) if c.fm.year.is_none() => errors.push(Diagnostic::error(
                &c.file,
                c.line(Some(e)),
                Problem::MissingField {
                    field: "year".into(),
                },
            )),
            _ => {}
        }
        if c.owner == Owner::Common && c.fm.extends.is_some() {
            errors.push(Diagnostic::error(
                &c.file,
                c.line(c.fm.extends.as_ref()),
                Problem::BadValue {
                    field: "extends".into(),
                    value: "common/".into(),
                    expected:
                        "chỉ cuộc thi của một đơn vị (sites/<id>/contests/) mới dùng `extends`"
                            .into(),
                },
            ));
        }
        let merged = merge(c, base.and_then(|(_, b)| b));
        if merged.title.is_none() {
            errors.push(Diagnostic::error(
                &c.file,
                c.line(c.fm.title.as_ref()),
                Problem::MissingField {
                    field: "title".into(),
                },
            ));
        }
        if merged.recurrence.as_deref() == Some(&Recurrence::Once) && merged.year.is_none() {
            errors.push(Diagnostic::error(
                &c.file,
                c.line(c.fm.recurrence.as_ref()),
                Problem::MissingField {
                    field: "year".into(),
                },
            ));
        }
        if merged.status.as_deref() == Some(&Status::Approved) && merged.approved_by.is_none() {
            errors.push(Diagnostic::error(
                &c.file,
                c.line(c.fm.status.as_ref()),
                Problem::ApprovedWithoutApprover,
            ));
        }
        if let Some(w) = &c.fm.window {
            let line = c.line(Some(w));
            let start = parse_month_day(&w.start);
            let end = parse_month_day(&w.end);
            for (v, ok) in [(&w.start, start.is_some()), (&w.end, end.is_some())] {
                if !ok {
                    errors.push(Diagnostic::error(
                        &c.file,
                        line,
                        Problem::BadDate { value: v.clone() },
                    ));
                }
            }
            if let (Some(s), Some(e)) = (start, end)
                && e < s
            {
                errors.push(Diagnostic::error(&c.file, line, Problem::BadValue { field: "window".into(), value: format!("{} → {}", w.start, w.end), expected: "ngày kết thúc (end) sau ngày bắt đầu (start), ví dụ {start: \"03-10\", end: \"03-20\"}".into() }));
            }
        }
        for m in c.fm.timeline.iter().flatten() {
            if parse_month_day(&m.date).is_none() {
                errors.push(Diagnostic::error(
                    &c.file,
                    c.line(Some(&m.date)),
                    Problem::BadDate {
                        value: m.date.value.clone(),
                    },
                ));
            }
        }
    }
    errors
}

fn common_ids(contests: &[ContestSource]) -> String {
    let ids: Vec<&str> = contests
        .iter()
        .filter(|c| c.owner == Owner::Common)
        .map(|c| c.id.as_str())
        .collect();
    if ids.is_empty() {
        "(chưa có cuộc thi chung nào trong content/common/contests/)".into()
    } else {
        ids.join(", ")
    }
}

/// `"03-10"` → (3, 10).
pub fn parse_month_day(s: &str) -> Option<(i8, i8)> {
    let (m, d) = s.trim().split_once('-')?;
    if m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (m, d): (i8, i8) = (m.parse().ok()?, d.parse().ok()?);
    jiff::civil::Date::new(2024, m, d).ok()?; // 2024: a leap year accepts 02-29
    Some((m, d))
}

/// An edition's fields: the site's own over the common definition.
fn merge(own: &ContestSource, base: Option<&ContestSource>) -> ContestFm {
    let b = base.map(|b| b.fm.clone()).unwrap_or_default();
    let o = own.fm.clone();
    ContestFm {
        title: o.title.or(b.title),
        recurrence: o.recurrence.or(b.recurrence),
        year: o.year.or(b.year),
        extends: o.extends,
        window: o.window.or(b.window),
        formats: o.formats.or(b.formats),
        purpose: o.purpose.or(b.purpose),
        audience: o.audience.or(b.audience),
        topics: o.topics.or(b.topics),
        organizer: o.organizer.or(b.organizer),
        timeline: o.timeline.or(b.timeline),
        prizes: o.prizes.or(b.prizes),
        judging: o.judging.or(b.judging),
        submission: o.submission.or(b.submission),
        contact: o.contact.or(b.contact),
        summary: o.summary.or(b.summary),
        status: o.status.or(b.status),
        approved_by: o.approved_by.or(b.approved_by),
        levels: o.levels.or(b.levels),
        sites: o.sites.or(b.sites),
    }
}

/// Where an edition stands at the build time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    Upcoming,
    Open,
    Closed,
}

/// One edition of a contest, as a site shows it.
#[derive(Debug, Clone)]
pub struct Edition {
    pub id: String,
    pub year: i16,
    pub fm: ContestFm,
    /// The source whose body is shown (the site's edition, else the common definition).
    pub body_source: usize,
    pub start: Date,
    pub end: Date,
    pub file: PathBuf,
    pub visible: bool,
}

impl Edition {
    pub fn phase(&self, today: Date) -> Phase {
        if today < self.start {
            Phase::Upcoming
        } else if today <= self.end {
            Phase::Open
        } else {
            Phase::Closed
        }
    }
    /// Days until the start (upcoming) or left including today (open).
    pub fn days_left(&self, today: Date) -> i32 {
        match self.phase(today) {
            Phase::Upcoming => (self.start - today).get_days(),
            Phase::Open => (self.end - today).get_days() + 1,
            Phase::Closed => 0,
        }
    }
    pub fn title(&self) -> String {
        self.fm
            .title
            .as_ref()
            .map(|t| t.value.clone())
            .unwrap_or_default()
    }
    /// "… năm 2027", unless the title already names the year.
    pub fn full_title(&self) -> String {
        let t = self.title();
        if t.contains(&self.year.to_string()) {
            t
        } else {
            format!("{t} năm {}", self.year)
        }
    }
}

fn window_of(fm: &ContestFm) -> ((i8, i8), (i8, i8)) {
    let w = fm.window.as_ref();
    let start = w.and_then(|w| parse_month_day(&w.start)).unwrap_or((3, 10));
    let end = w.and_then(|w| parse_month_day(&w.end)).unwrap_or((3, 20));
    (start, end)
}

fn make_edition(
    id: &str,
    year: i16,
    fm: ContestFm,
    body_source: usize,
    file: &Path,
    visible: bool,
) -> Edition {
    let ((sm, sd), (em, ed)) = window_of(&fm);
    let start = Date::new(year, sm, sd).unwrap_or(jiff::civil::date(year, 3, 10));
    let end = Date::new(year, em, ed).unwrap_or(jiff::civil::date(year, 3, 20));
    Edition {
        id: id.to_string(),
        year,
        fm,
        body_source,
        start,
        end,
        file: file.to_path_buf(),
        visible,
    }
}

/// The year whose edition is current: this year's until its window ends, then next year's.
pub fn current_year(fm: &ContestFm, today: Date) -> i16 {
    let (_, (em, ed)) = window_of(fm);
    let end = Date::new(today.year(), em, ed).unwrap_or(today);
    if today > end {
        today.year() + 1
    } else {
        today.year()
    }
}

/// A site's contests: for each contest id, the current edition and the others (archive).
pub struct SiteContests {
    pub current: Vec<Edition>,
    pub others: Vec<Edition>,
}

/// Whether a contest definition is published at the build time (`preview` shows all).
/// An edition is public when it passes the approval gate (the publication rule's).
fn visible(fm: &ContestFm, require_approval: bool) -> bool {
    crate::resolve::publication::gate(
        fm.status.as_ref().map_or(Status::Draft, |s| s.value),
        require_approval,
    )
    .is_none()
}

fn targeted(fm: &ContestFm, site: &Site) -> bool {
    let levels = fm.levels.as_deref().unwrap_or(&[]);
    let sites = fm.sites.as_deref().unwrap_or(&[]);
    let level_ok = levels.is_empty() || site.config.level.is_some_and(|l| levels.contains(&l));
    let site_ok = if sites.is_empty() {
        site.config.kind == UnitKind::School
    } else {
        sites.contains(&site.id)
    };
    level_ok && site_ok
}

/// Which editions a site shows at `now`.
pub fn for_site(
    contests: &[ContestSource],
    site: &Site,
    now: &Zoned,
    require_approval: bool,
    preview: bool,
) -> SiteContests {
    let today = now.date();
    let mut current = Vec::new();
    let mut others = Vec::new();
    let own = Owner::Site(site.id.clone());
    let show = |fm: &ContestFm| preview || visible(fm, require_approval);
    // The network's contests, and a site's standalone contests.
    let roots = contests.iter().enumerate().filter(|(_, c)| {
        c.fm.extends.is_none()
            && (c.owner == own || (c.owner == Owner::Common && targeted(&c.fm, site)))
    });
    for (i, base) in roots {
        let editions: Vec<(usize, ContestFm)> = contests
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                c.owner == own && c.fm.extends.as_ref().is_some_and(|e| e.value == base.id)
            })
            .map(|(j, c)| (j, merge(c, Some(base))))
            .filter(|(_, fm)| show(fm))
            .collect();
        let year = match base
            .fm
            .recurrence
            .as_ref()
            .map(|r| r.value)
            .unwrap_or_default()
        {
            Recurrence::Once => base.fm.year.unwrap_or(today.year()),
            Recurrence::Yearly => current_year(&base.fm, today),
        };
        match editions.iter().find(|(_, fm)| fm.year == Some(year)) {
            Some((j, fm)) => current.push(make_edition(
                &base.id,
                year,
                fm.clone(),
                *j,
                &contests[*j].file,
                true,
            )),
            None if show(&base.fm) => current.push(make_edition(
                &base.id,
                year,
                base.fm.clone(),
                i,
                &base.file,
                true,
            )),
            None => {}
        }
        for (j, fm) in editions.into_iter().filter(|(_, fm)| fm.year != Some(year)) {
            let y = fm.year.unwrap_or(year);
            others.push(make_edition(&base.id, y, fm, j, &contests[j].file, true));
        }
    }
    current.sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
    others.sort_by(|a, b| {
        (std::cmp::Reverse(a.year), &a.id).cmp(&(std::cmp::Reverse(b.year), &b.id))
    });
    SiteContests { current, others }
}

/// Output paths: the current edition at a stable `cuoc-thi/<id>/`, others at `cuoc-thi/<id>/<year>/`.
pub fn edition_path(section: &str, e: &Edition, current: bool) -> String {
    if current {
        format!("{section}/{}/", e.id)
    } else {
        format!("{section}/{}/{}/", e.id, e.year)
    }
}

// ---- views for templates ----

#[derive(Serialize)]
pub struct FormatView {
    pub id: &'static str,
    pub label: String,
}

#[derive(Serialize)]
pub struct MilestoneView {
    pub date_vi: String,
    pub title: String,
}

#[derive(Serialize)]
pub struct EditionLink {
    pub title: String,
    pub year: i16,
    pub path: String,
    pub current: bool,
}

#[derive(Serialize)]
pub struct ContestView {
    pub id: String,
    pub title: String,
    pub full_title: String,
    pub year: i16,
    pub path: String,
    pub permalink: String,
    pub ics_path: String,
    pub start: String,
    pub end: String,
    pub start_vi: String,
    pub end_vi: String,
    pub status: Phase,
    pub status_label: String,
    pub days_left: i32,
    pub formats: Vec<FormatView>,
    pub purpose: Vec<String>,
    pub audience: String,
    pub topics: Vec<String>,
    pub organizer: String,
    pub timeline: Vec<MilestoneView>,
    pub prizes: Vec<Prize>,
    /// Every prize was written as a plain line of text: the theme shows a list, not a table.
    pub prize_lines: bool,
    pub judging: Judging,
    pub submission: Submission,
    pub contact: Contact,
    pub summary: String,
    pub content: String,
    pub editions: Vec<EditionLink>,
}

/// Status words ("Sắp diễn ra — còn 102 ngày"), from the theme's strings (every key is
/// there: the theme checks them when it loads, `render::theme::CODE_KEYS`).
pub fn status_label(t: &BTreeMap<String, String>, e: &Edition, today: Date) -> String {
    let get = |k: &str| t.get(k).cloned().unwrap_or_default();
    let days = e.days_left(today);
    match e.phase(today) {
        Phase::Upcoming => format!(
            "{} — {} {days} {}",
            get("contest_upcoming"),
            get("contest_days_before"),
            get("contest_days")
        ),
        Phase::Open => format!(
            "{} — {} {days} {}",
            get("contest_open"),
            get("contest_days_left"),
            get("contest_days")
        ),
        Phase::Closed => get("contest_closed"),
    }
}

pub struct ViewInput<'a> {
    pub edition: &'a Edition,
    pub path: String,
    pub base_url: &'a str,
    pub today: Date,
    pub strings: &'a BTreeMap<String, String>,
    pub content: String,
    pub editions: Vec<EditionLink>,
}

pub fn view(input: ViewInput) -> ContestView {
    let e = input.edition;
    let fm = &e.fm;
    ContestView {
        id: e.id.clone(),
        title: e.title(),
        full_title: e.full_title(),
        year: e.year,
        permalink: format!("{}{}", input.base_url, input.path),
        ics_path: format!("{}contest.ics", input.path),
        path: input.path,
        start: e.start.to_string(),
        end: e.end.to_string(),
        start_vi: dates::vi_prose(e.start),
        end_vi: dates::vi_prose(e.end),
        status: e.phase(input.today),
        status_label: status_label(input.strings, e, input.today),
        days_left: e.days_left(input.today),
        formats: fm
            .formats
            .iter()
            .flatten()
            .map(|f| FormatView {
                id: f.id(),
                label: input.strings.get(f.key()).cloned().unwrap_or_default(),
            })
            .collect(),
        purpose: fm.purpose.clone().unwrap_or_default(),
        audience: fm.audience.clone().unwrap_or_default(),
        topics: fm.topics.clone().unwrap_or_default(),
        organizer: fm.organizer.clone().unwrap_or_default(),
        timeline: fm
            .timeline
            .iter()
            .flatten()
            .filter_map(|m| {
                let (mo, d) = parse_month_day(&m.date)?;
                let date = Date::new(e.year, mo, d).ok()?;
                Some(MilestoneView {
                    date_vi: dates::vi_prose(date),
                    title: m.title.clone(),
                })
            })
            .collect(),
        prizes: fm.prizes.iter().flatten().map(|p| p.0.clone()).collect(),
        prize_lines: fm
            .prizes
            .iter()
            .flatten()
            .all(|p| p.0.count.is_none() && p.0.value.is_none()),
        judging: fm.judging.clone().unwrap_or_default(),
        submission: fm.submission.clone().unwrap_or_default(),
        contact: fm.contact.clone().unwrap_or_default(),
        summary: fm.summary.clone().unwrap_or_default(),
        content: input.content,
        editions: input.editions,
    }
}

/// The `.ics` of one edition: the window as an all-day event, and each milestone.
pub fn ics(e: &Edition, site: &Site, permalink: &str, now: &Zoned) -> String {
    let host = site.host();
    let mut events = vec![super::ics::Event {
        uid: format!("cuoc-thi-{}-{}@{host}", e.id, e.year),
        start: e.start,
        end: e.end,
        summary: e.full_title(),
        description: e.fm.summary.clone().unwrap_or_else(|| e.full_title()),
        url: permalink.to_string(),
        categories: "Cuộc thi".into(),
    }];
    for (i, m) in e.fm.timeline.iter().flatten().enumerate() {
        if let Some((mo, d)) = parse_month_day(&m.date)
            && let Ok(date) = Date::new(e.year, mo, d)
        {
            events.push(super::ics::Event {
                uid: format!("cuoc-thi-{}-{}-moc-{}@{host}", e.id, e.year, i + 1),
                start: date,
                end: date,
                summary: format!("{}: {}", e.full_title(), m.title),
                description: String::new(),
                url: permalink.to_string(),
                categories: "Cuộc thi".into(),
            });
        }
    }
    super::ics::calendar(&e.full_title(), now, &events)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fm() -> ContestFm {
        ContestFm {
            title: Some(crate::load::yaml::Lined::new("T".into(), 0)),
            ..Default::default()
        }
    }

    #[test]
    fn current_year_rolls_over_after_the_window() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(current_year(&fm(), d("2026-03-01")), 2026);
        assert_eq!(current_year(&fm(), d("2026-03-20")), 2026);
        assert_eq!(current_year(&fm(), d("2026-03-21")), 2027);
        assert_eq!(current_year(&fm(), d("2026-12-31")), 2027);
        assert_eq!(current_year(&fm(), d("2027-01-01")), 2027);
    }

    #[test]
    fn phases_and_days() {
        let e = make_edition("x", 2027, fm(), 0, Path::new("x"), true);
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(e.phase(d("2027-03-09")), Phase::Upcoming);
        assert_eq!(e.days_left(d("2027-03-09")), 1);
        assert_eq!(e.phase(d("2027-03-10")), Phase::Open);
        assert_eq!(e.days_left(d("2027-03-10")), 11);
        assert_eq!(e.days_left(d("2027-03-20")), 1);
        assert_eq!(e.phase(d("2027-03-21")), Phase::Closed);
    }

    #[test]
    fn month_day_parsing() {
        assert_eq!(parse_month_day("03-10"), Some((3, 10)));
        assert_eq!(parse_month_day("3-10"), None);
        assert_eq!(parse_month_day("02-30"), None);
    }
}
