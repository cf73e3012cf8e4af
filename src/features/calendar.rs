//! The posting calendar: which posts each unit published, scheduled, has in review or in
//! draft, per ISO week (Vietnam time); the quota rules of `network.yaml` / `site.yaml` and
//! whether each is met, missed or still reachable; key dates; and the next moment the
//! published output changes by itself. Output formats (table, CSV, JSON, ICS) live here too;
//! the HTML pages are rendered by the render stage from the same `Plan`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use jiff::civil::{Date, Weekday};
use jiff::{ToSpan, Zoned};
use serde::Serialize;

use crate::load::config::{KeyDate, Per, QuotaRule, Site, UnitKind};
use crate::load::frontmatter::Kind;
use crate::load::{Owner, Project, Source};
use crate::messages::{self, ChangeReason, Lang};
use crate::text::fold;

/// Where a post stands at the build time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    Published,
    Scheduled,
    Review,
    Draft,
}

/// One dated post owned by a unit (shared copies are not posts of the units that show them).
#[derive(Debug, Clone)]
pub struct Post<'a> {
    pub source: &'a Source,
    pub unit: &'a str,
    pub day: Date,
    pub state: State,
}

/// Every dated post of every unit, with its state at `now`.
pub fn posts<'a>(project: &'a Project, now: &Zoned) -> Vec<Post<'a>> {
    project
        .sources
        .iter()
        .filter_map(|s| {
            let Owner::Site(unit) = &s.owner else {
                return None;
            };
            let date = s.meta.date.as_ref()?;
            // The owner always carries its own posts: their state is the publication rule's.
            // A post that has expired since counts for the week it was published in.
            use crate::resolve::Publication;
            let state = match crate::resolve::publication::lifecycle(
                &s.meta,
                now,
                project.network.require_approval,
            ) {
                Publication::Draft => State::Draft,
                Publication::Review => State::Review,
                Publication::Scheduled(_) => State::Scheduled,
                Publication::Published
                | Publication::Expired
                | Publication::NotTargeted
                | Publication::NotOwned => State::Published,
            };
            Some(Post {
                source: s,
                unit,
                day: date.date(),
                state,
            })
        })
        .collect()
}

/// The rules that apply to a unit: its own `quotas`, else its kind's in `network.yaml`.
pub fn rules_for<'a>(project: &'a Project, site: &'a Site) -> &'a [QuotaRule] {
    site.config
        .quotas
        .as_deref()
        .or_else(|| {
            project
                .network
                .quotas
                .get(&site.config.kind)
                .map(Vec::as_slice)
        })
        .unwrap_or(&[])
}

fn kind_word(kind: Kind) -> &'static str {
    kind.folder()
}

/// Whether a post counts for a rule (`kinds`, `tags`; by default articles and stories).
pub fn matches(rule: &QuotaRule, post: &Post) -> bool {
    let kind = post.source.kind;
    let kind_ok = if rule.kinds.is_empty() {
        matches!(kind, Kind::Article | Kind::Story)
    } else {
        rule.kinds
            .iter()
            .any(|k| k == kind_word(kind) || k == kind.as_str())
    };
    let tags_ok = rule.tags.is_empty()
        || rule
            .tags
            .iter()
            .any(|t| post.source.meta.tags.iter().any(|pt| fold(pt) == fold(t)));
    kind_ok && tags_ok
}

/// The name of a period as written in `network.yaml` (`day`, `week`, `month`, `year`).
fn per_key(per: Per) -> &'static str {
    match per {
        Per::Day => "day",
        Per::Week => "week",
        Per::Month => "month",
        Per::Year => "year",
    }
}

/// "≥ 1 bài/tuần (stories, #người tốt việc tốt)", in the language of messages.
pub fn rule_label(rule: &QuotaRule, lang: Lang) -> String {
    let mut filters: Vec<String> = rule.kinds.clone();
    filters.extend(rule.tags.iter().map(|t| format!("#{t}")));
    let mut label = messages::rule_label(lang, rule.min, per_key(rule.per), &filters);
    let vi = lang == Lang::Vi;
    if !rule.units.is_empty() {
        let together = if vi {
            "tính chung"
        } else {
            "counted together"
        };
        label.push_str(&format!(" [{together}: {}]", rule.units.join(", ")));
    }
    if rule.optional {
        label.push_str(if vi { " (tùy chọn)" } else { " (optional)" });
    }
    if let Some(s) = &rule.source {
        label.push_str(&format!(" — {}: {s}", if vi { "nguồn" } else { "source" }));
    }
    label
}

/// Whether a quota is met in a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Enough posts published.
    Met,
    /// The period is over and it was short.
    Missed,
    /// The period is under way and still short: there is time.
    Reachable,
    /// The period has not started; scheduled posts are counted.
    Upcoming,
}

impl Verdict {
    /// The name in JSON and in the editorial pages' classes.
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::Missed => "missed",
            Verdict::Reachable => "reachable",
            Verdict::Upcoming => "upcoming",
        }
    }

    /// The verdict as a word of the language of messages.
    pub fn label(self, lang: Lang) -> &'static str {
        messages::verdict_word(lang, self.key())
    }
}

fn verdict(start: Date, end: Date, today: Date, published: u32, min: u32) -> Verdict {
    if published >= min {
        Verdict::Met
    } else if end < today {
        Verdict::Missed
    } else if start <= today {
        Verdict::Reachable
    } else {
        Verdict::Upcoming
    }
}

/// One rule, evaluated for one week row.
#[derive(Debug, Clone, Serialize)]
pub struct RuleCell {
    pub rule: String,
    pub per: Per,
    pub min: u32,
    /// Matching posts published in the rule's period (for `day`: days that met it).
    pub count: u32,
    pub scheduled: u32,
    /// How many more are needed (0 when met).
    pub gap: u32,
    pub period_start: Date,
    pub period_end: Date,
    pub verdict: Verdict,
    /// A campaign rule (`optional: true`): never makes a week missed.
    pub optional: bool,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct KindCounts {
    pub articles: u32,
    pub stories: u32,
    pub primers: u32,
    pub pages: u32,
    pub documents: u32,
    pub notices: u32,
    pub albums: u32,
}

impl KindCounts {
    fn add(&mut self, kind: Kind) {
        match kind {
            Kind::Article => self.articles += 1,
            Kind::Story => self.stories += 1,
            Kind::Primer => self.primers += 1,
            Kind::Page => self.pages += 1,
            Kind::Document => self.documents += 1,
            Kind::Notice => self.notices += 1,
            Kind::Album => self.albums += 1,
        }
    }
    pub fn total(&self) -> u32 {
        self.articles
            + self.stories
            + self.primers
            + self.pages
            + self.documents
            + self.notices
            + self.albums
    }
}

/// A unit's ISO week.
#[derive(Debug, Clone, Serialize)]
pub struct WeekRow {
    /// `2026-W45`.
    pub week: String,
    pub start: Date,
    pub end: Date,
    pub published: KindCounts,
    pub scheduled: u32,
    pub review: u32,
    pub draft: u32,
    pub rules: Vec<RuleCell>,
    /// Titles of the week's posts with their state, for the editorial page.
    pub items: Vec<WeekItem>,
    /// Posts published this week, all kinds.
    pub total: u32,
    /// The worst verdict of the week's rules (none: no rule).
    pub verdict: Option<Verdict>,
}

impl WeekRow {
    /// The worst verdict of the week's rules (none: no rule).
    pub fn overall(&self) -> Option<Verdict> {
        // An optional rule short in a week over is reported in its cell, not as the week's.
        let vs: Vec<Verdict> = self
            .rules
            .iter()
            .map(|r| match r.verdict {
                Verdict::Missed if r.optional => Verdict::Reachable,
                v => v,
            })
            .collect();
        [
            Verdict::Missed,
            Verdict::Reachable,
            Verdict::Upcoming,
            Verdict::Met,
        ]
        .into_iter()
        .find(|v| vs.contains(v))
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct WeekItem {
    pub title: String,
    pub date: Date,
    pub kind: Kind,
    pub state: State,
    pub file: String,
}

/// One unit's plan over the period.
#[derive(Debug, Clone, Serialize)]
pub struct UnitPlan {
    pub id: String,
    pub name: String,
    pub kind: UnitKind,
    pub depth: usize,
    pub parent: Option<String>,
    pub rules: Vec<String>,
    pub weeks: Vec<WeekRow>,
}

impl UnitPlan {
    /// Weeks that are over and missed a quota.
    pub fn missed_weeks(&self) -> usize {
        self.weeks
            .iter()
            .filter(|w| {
                w.rules
                    .iter()
                    .any(|r| r.verdict == Verdict::Missed && !r.optional)
            })
            .count()
    }
}

/// A key date, a contest window or a scheduled post, on a day.
#[derive(Debug, Clone, Serialize)]
pub struct DayEvent {
    pub start: Date,
    pub end: Date,
    pub title: String,
    pub kind: &'static str,
}

/// The posting plan of some units between two dates.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    pub from: Date,
    pub to: Date,
    pub today: Date,
    pub units: Vec<UnitPlan>,
    /// The language of the table's and the CSV's words (`LANTOA_LANG`, `language:`).
    #[serde(skip)]
    pub lang: Lang,
}

/// The school year (1 September – 31 August) that contains `day`.
pub fn school_year(day: Date) -> (Date, Date) {
    let y = if day.month() >= 9 {
        day.year()
    } else {
        day.year() - 1
    };
    (jiff::civil::date(y, 9, 1), jiff::civil::date(y + 1, 8, 31))
}

/// Default period: from the start of the school year to four weeks ahead.
pub fn default_range(today: Date) -> (Date, Date) {
    let (start, _) = school_year(today);
    (start, today.checked_add(28.days()).unwrap_or(today))
}

fn monday_of(d: Date) -> Date {
    d.checked_sub((d.weekday().to_monday_zero_offset() as i64).days())
        .unwrap_or(d)
}

/// ISO week label of a date (`2026-W01` for 29/12/2025–04/01/2026).
pub fn iso_week(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{}-W{:02}", w.year(), w.week())
}

fn period_of(per: Per, d: Date) -> (Date, Date) {
    match per {
        Per::Day => (d, d),
        Per::Week => {
            let m = monday_of(d);
            (m, m.checked_add(6.days()).unwrap_or(m))
        }
        Per::Month => (d.first_of_month(), d.last_of_month()),
        Per::Year => (
            jiff::civil::date(d.year(), 1, 1),
            jiff::civil::date(d.year(), 12, 31),
        ),
    }
}

/// Builds the plan of the given units (all when empty) over `[from, to]`.
pub fn plan(project: &Project, now: &Zoned, units: &[&Site], from: Date, to: Date) -> Plan {
    let today = now.date();
    let lang = Lang::choose(project.network.language.as_deref());
    let all = posts(project, now);
    let mut by_unit: BTreeMap<&str, Vec<&Post>> = BTreeMap::new();
    for p in &all {
        by_unit.entry(p.unit).or_default().push(p);
    }
    let first_monday = monday_of(from);
    let mut weeks = Vec::new();
    let mut m = first_monday;
    while m <= to {
        weeks.push(m);
        m = m
            .checked_add(7.days())
            .unwrap_or(to.tomorrow().unwrap_or(to));
    }
    let units = units
        .iter()
        .map(|site| {
            let posts = by_unit
                .get(site.id.as_str())
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let rules = rules_for(project, site);
            // A rule counted across units sees all their posts.
            let rule_posts: Vec<Vec<&Post>> = rules
                .iter()
                .map(|r| {
                    if r.units.is_empty() {
                        posts.to_vec()
                    } else {
                        all.iter()
                            .filter(|p| r.units.iter().any(|u| u == p.unit))
                            .collect()
                    }
                })
                .collect();
            UnitPlan {
                id: site.id.clone(),
                name: site.config.name.clone(),
                kind: site.config.kind,
                depth: site.depth(),
                parent: site.config.parent.value.clone(),
                rules: rules.iter().map(|r| rule_label(r, lang)).collect(),
                weeks: weeks
                    .iter()
                    .map(|&monday| week_row(monday, posts, rules, &rule_posts, today, lang))
                    .collect(),
            }
        })
        .collect();
    Plan {
        from,
        to,
        today,
        units,
        lang,
    }
}

fn week_row(
    monday: Date,
    posts: &[&Post],
    rules: &[QuotaRule],
    rule_posts: &[Vec<&Post>],
    today: Date,
    lang: Lang,
) -> WeekRow {
    let sunday = monday.checked_add(6.days()).unwrap_or(monday);
    let in_week: Vec<&&Post> = posts
        .iter()
        .filter(|p| p.day >= monday && p.day <= sunday)
        .collect();
    let mut row = WeekRow {
        week: iso_week(monday),
        start: monday,
        end: sunday,
        published: KindCounts::default(),
        scheduled: 0,
        review: 0,
        draft: 0,
        rules: Vec::new(),
        items: Vec::new(),
        total: 0,
        verdict: None,
    };
    for p in &in_week {
        match p.state {
            State::Published => row.published.add(p.source.kind),
            State::Scheduled => row.scheduled += 1,
            State::Review => row.review += 1,
            State::Draft => row.draft += 1,
        }
        row.items.push(WeekItem {
            title: p.source.meta.title.clone(),
            date: p.day,
            kind: p.source.kind,
            state: p.state,
            file: crate::diagnostics::display_path(&p.source.file),
        });
    }
    row.items
        .sort_by(|a, b| (a.date, &a.title).cmp(&(b.date, &b.title)));
    row.rules = rules
        .iter()
        .zip(rule_posts)
        .map(|(rule, posts)| rule_cell(rule, (monday, sunday), posts, today, lang))
        .collect();
    row.total = row.published.total();
    row.verdict = row.overall();
    row
}

fn count(posts: &[&Post], rule: &QuotaRule, start: Date, end: Date, state: State) -> u32 {
    posts
        .iter()
        .filter(|p| p.state == state && p.day >= start && p.day <= end && matches(rule, p))
        .count() as u32
}

fn rule_cell(
    rule: &QuotaRule,
    (monday, sunday): (Date, Date),
    posts: &[&Post],
    today: Date,
    lang: Lang,
) -> RuleCell {
    if rule.per == Per::Day {
        // A daily rule in a weekly row: how many of the 7 days met it.
        let days: Vec<Date> = (0..7)
            .filter_map(|i| monday.checked_add((i as i64).days()).ok())
            .collect();
        let verdicts: Vec<Verdict> = days
            .iter()
            .map(|&d| {
                verdict(
                    d,
                    d,
                    today,
                    count(posts, rule, d, d, State::Published),
                    rule.min,
                )
            })
            .collect();
        let met = verdicts.iter().filter(|v| **v == Verdict::Met).count() as u32;
        let verdict = if verdicts.contains(&Verdict::Missed) {
            Verdict::Missed
        } else if met == 7 {
            Verdict::Met
        } else if sunday < today || monday <= today {
            Verdict::Reachable
        } else {
            Verdict::Upcoming
        };
        return RuleCell {
            rule: rule_label(rule, lang),
            per: rule.per,
            min: rule.min,
            count: met,
            scheduled: count(posts, rule, monday, sunday, State::Scheduled),
            gap: 7 - met,
            period_start: monday,
            period_end: sunday,
            verdict,
            optional: rule.optional,
        };
    }
    // Week rules use the week; month and year rules the period holding the week's Thursday.
    let thursday = monday.checked_add(3.days()).unwrap_or(monday);
    let (start, end) = if rule.per == Per::Week {
        (monday, sunday)
    } else {
        period_of(rule.per, thursday)
    };
    let published = count(posts, rule, start, end, State::Published);
    RuleCell {
        rule: rule_label(rule, lang),
        per: rule.per,
        min: rule.min,
        count: published,
        scheduled: count(posts, rule, start, end, State::Scheduled),
        gap: rule.min.saturating_sub(published),
        period_start: start,
        period_end: end,
        verdict: verdict(start, end, today, published, rule.min),
        optional: rule.optional,
    }
}

/// Key dates of `network.yaml` that concern a unit, expanded between two dates.
pub fn key_dates(project: &Project, site: &Site, from: Date, to: Date) -> Vec<DayEvent> {
    let mut out = Vec::new();
    for kd in &project.network.key_dates {
        if !key_date_applies(kd, site) {
            continue;
        }
        for day in expand_key_date(&kd.date, from, to) {
            out.push(DayEvent {
                start: day,
                end: day,
                title: kd.title.clone(),
                kind: "key-date",
            });
        }
    }
    out.sort_by(|a, b| (a.start, &a.title).cmp(&(b.start, &b.title)));
    out
}

fn key_date_applies(kd: &KeyDate, site: &Site) -> bool {
    (kd.kinds.is_empty() || kd.kinds.contains(&site.config.kind))
        && (kd.sites.is_empty() || kd.sites.iter().any(|s| s.value == site.id))
}

/// `"11-09"` (every year) or `"2027-02-06"` (once), within `[from, to]`.
pub fn expand_key_date(spec: &str, from: Date, to: Date) -> Vec<Date> {
    if let Ok(d) = spec.trim().parse::<Date>() {
        return if d >= from && d <= to {
            vec![d]
        } else {
            vec![]
        };
    }
    let Some((m, d)) = super::contest::parse_month_day(spec) else {
        return vec![];
    };
    (from.year()..=to.year())
        .filter_map(|y| Date::new(y, m, d).ok())
        .filter(|day| *day >= from && *day <= to)
        .collect()
}

/// Checks the key dates of `network.yaml`.
pub fn validate(project: &Project) -> Vec<crate::diagnostics::Diagnostic> {
    let file = std::path::Path::new("content/network.yaml");
    let mut errors = Vec::new();
    for kd in &project.network.key_dates {
        let ok = kd.date.trim().parse::<Date>().is_ok()
            || super::contest::parse_month_day(&kd.date).is_some();
        if !ok {
            errors.push(crate::diagnostics::Diagnostic::error(
                file,
                kd.date.line,
                crate::messages::Problem::BadDate {
                    value: kd.date.value.clone(),
                },
            ));
        }
        for s in &kd.sites {
            if project.site(s).is_none() {
                errors.push(crate::diagnostics::Diagnostic::error(
                    file,
                    s.line,
                    crate::load::config::unknown_site(
                        s,
                        project.sites.iter().map(|s| s.id.as_str()),
                    ),
                ));
            }
        }
    }
    errors
}

/// The next moment after `now` when the published output changes by itself.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct NextChange {
    /// RFC 3339, +07:00.
    pub at: String,
    pub reason: String,
    pub file: String,
}

pub fn next_change(project: &Project, now: &Zoned) -> Option<NextChange> {
    let lang = Lang::choose(project.network.language.as_deref());
    let mut candidates: Vec<(jiff::Timestamp, String, String)> = Vec::new();
    for s in &project.sources {
        let file = crate::diagnostics::display_path(&s.file);
        // The publication rule says when a post goes live by itself: scheduled, whatever
        // lets it through the approval gate (`require_approval: false` too).
        let state =
            crate::resolve::publication::lifecycle(&s.meta, now, project.network.require_approval);
        if let crate::resolve::Publication::Scheduled(d) = &state {
            candidates.push((
                d.timestamp(),
                messages::change_reason(lang, ChangeReason::Scheduled, &s.meta.title),
                file.clone(),
            ));
        }
        let gated = matches!(
            state,
            crate::resolve::Publication::Draft | crate::resolve::Publication::Review
        );
        if let Some(e) = s.meta.expires.as_ref().filter(|e| *e > now && !gated) {
            candidates.push((
                e.timestamp(),
                messages::change_reason(lang, ChangeReason::Expires, &s.meta.title),
                file.clone(),
            ));
        }
        // A notice leaves the home page at its `until` (`publication::notice_current`).
        if let Some(u) = s
            .meta
            .notice
            .as_ref()
            .and_then(|n| n.until.as_ref())
            .filter(|u| *u > now && !gated)
        {
            candidates.push((
                u.timestamp(),
                messages::change_reason(lang, ChangeReason::NoticeEnds, &s.meta.title),
                file.clone(),
            ));
        }
    }
    let midnight = |d: Date| d.to_zoned(crate::dates::vn()).ok().map(|z| z.timestamp());
    for law in project.laws.values() {
        // Each day a text's state changes: the notices and law boxes change with it.
        let days = law
            .repealed
            .map(|d| (d, ChangeReason::Repealed))
            .into_iter()
            .chain(law.effective.map(|d| (d, ChangeReason::InForce)))
            .chain(
                law.replaced
                    .iter()
                    .map(|p| (p.from, ChangeReason::PartReplaced)),
            );
        for (day, reason) in days {
            if let Some(t) = midnight(day)
                && t > now.timestamp()
            {
                candidates.push((
                    t,
                    messages::change_reason(lang, reason, &law.full_title()),
                    "content/laws.yaml".into(),
                ));
            }
        }
    }
    for site in &project.sites {
        let contests = super::contest::for_site(
            &project.contests,
            site,
            now,
            project.network.require_approval,
            false,
        );
        for e in contests.current {
            for (day, what) in [
                (e.start, ChangeReason::ContestStarts),
                (e.end.tomorrow().unwrap_or(e.end), ChangeReason::ContestEnds),
            ] {
                if let Some(t) = midnight(day)
                    && t > now.timestamp()
                {
                    candidates.push((
                        t,
                        messages::change_reason(lang, what, &e.full_title()),
                        crate::diagnostics::display_path(&e.file),
                    ));
                }
            }
        }
    }
    // The day changes "còn N ngày" on contest pages: not counted; CI builds daily anyway.
    candidates.sort();
    candidates
        .into_iter()
        .next()
        .map(|(t, reason, file)| NextChange {
            at: crate::dates::rfc3339(&t.to_zoned(crate::dates::vn())),
            reason,
            file,
        })
}

// ---- output formats ----

/// Weeks as rows, the count against each rule and the gap.
pub fn to_table(plan: &Plan) -> String {
    let lang = plan.lang;
    let mut out = String::new();
    for u in &plan.units {
        let _ = writeln!(
            out,
            "{} ({}) — {}",
            u.name,
            u.id,
            if u.rules.is_empty() {
                messages::no_rules(lang).into()
            } else {
                u.rules.join("; ")
            }
        );
        let [week, from, published, scheduled, review, draft] = messages::table_columns(lang);
        let mut header =
            format!("{week:<9} {from:<11} {published:>4} {scheduled:>4} {review:>4} {draft:>4}");
        for (i, _) in u.rules.iter().enumerate() {
            let _ = write!(header, "  {:<22}", messages::table_rule_column(lang, i + 1));
        }
        let _ = writeln!(out, "{header}");
        for w in &u.weeks {
            let mut line = format!(
                "{:<9} {:<11} {:>4} {:>4} {:>4} {:>4}",
                w.week,
                crate::dates::vi_date_short(w.start),
                w.published.total(),
                w.scheduled,
                w.review,
                w.draft
            );
            for r in &w.rules {
                let cell = messages::table_cell(
                    lang,
                    r.verdict.key(),
                    (r.count, r.gap, r.scheduled, r.min),
                    r.per == Per::Day,
                );
                let _ = write!(line, "  {cell:<22}");
            }
            let _ = writeln!(out, "{}", line.trim_end());
        }
        let missed = u.missed_weeks();
        if missed > 0 {
            let _ = writeln!(out, "{}", messages::table_missed(lang, missed));
        }
        out.push('\n');
    }
    out
}

/// One row per unit and week: the numbers for a spreadsheet report. Text cells (id, name,
/// rules) go through [`crate::text::csv_text`] (formula characters neutralised); the numbers,
/// dates and verdicts lantoa computes are written as they are, so they stay numbers.
pub fn to_csv(plan: &Plan) -> String {
    let mut out = format!("{}\n", messages::csv_header(plan.lang));
    for u in &plan.units {
        for w in &u.weeks {
            let verdict = w
                .overall()
                .map(|v| v.label(plan.lang).to_string())
                .unwrap_or_default();
            let gap: u32 = w
                .rules
                .iter()
                .map(|r| if r.per == Per::Day { 0 } else { r.gap })
                .max()
                .unwrap_or(0);
            let _ = writeln!(
                out,
                "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
                crate::text::csv_text(&u.id),
                crate::text::csv_text(&u.name),
                u.kind.as_str(),
                w.week,
                w.start,
                w.end,
                w.published.articles,
                w.published.stories,
                w.published.primers,
                w.published.total(),
                w.scheduled,
                w.review,
                w.draft,
                crate::text::csv_text(&u.rules.join("; ")),
                verdict,
                gap
            );
        }
    }
    out
}

pub fn to_json(plan: &Plan) -> String {
    serde_json::to_string_pretty(plan).unwrap_or_default()
}

/// The key dates, contest windows and scheduled posts of one unit, for a phone calendar.
pub fn to_ics(
    project: &Project,
    site: &Site,
    now: &Zoned,
    from: Date,
    to: Date,
    with_scheduled: bool,
) -> String {
    let host = site.host();
    let mut events: Vec<super::ics::Event> = key_dates(project, site, from, to)
        .into_iter()
        .map(|e| super::ics::Event {
            uid: format!("ngay-{}-{}@{host}", e.start, crate::text::slugify(&e.title)),
            start: e.start,
            end: e.end,
            summary: e.title,
            description: String::new(),
            url: String::new(),
            categories: "Ngày quan trọng".into(),
        })
        .collect();
    let contests = super::contest::for_site(
        &project.contests,
        site,
        now,
        project.network.require_approval,
        false,
    );
    for e in contests
        .current
        .iter()
        .chain(contests.others.iter())
        .filter(|e| e.end >= from && e.start <= to)
    {
        events.push(super::ics::Event {
            uid: format!("cuoc-thi-{}-{}@{host}", e.id, e.year),
            start: e.start,
            end: e.end,
            summary: e.full_title(),
            description: String::new(),
            url: format!(
                "{}{}/{}/",
                site.base_url, project.network.paths.contests, e.id
            ),
            categories: "Cuộc thi".into(),
        });
    }
    if with_scheduled {
        for p in posts(project, now).iter().filter(|p| {
            p.unit == site.id && p.state == State::Scheduled && p.day >= from && p.day <= to
        }) {
            events.push(super::ics::Event {
                uid: format!(
                    "bai-{}@{host}",
                    crate::text::slugify(&crate::diagnostics::display_path(&p.source.file))
                ),
                start: p.day,
                end: p.day,
                summary: format!("Hẹn đăng: {}", p.source.meta.title),
                description: crate::diagnostics::display_path(&p.source.file),
                url: String::new(),
                categories: "Bài hẹn giờ".into(),
            });
        }
    }
    events.sort_by(|a, b| (a.start, &a.uid).cmp(&(b.start, &b.uid)));
    super::ics::calendar(&format!("Lịch — {}", site.config.name), now, &events)
}

/// Units below `site` (itself first), in tree order.
pub fn subtree<'a>(project: &'a Project, site: &Site) -> Vec<&'a Site> {
    project
        .sites
        .iter()
        .filter(|s| s.id == site.id || s.ancestors.contains(&site.id))
        .collect()
}

/// Month grid of the public calendar: weeks of 7 days (Monday first).
#[derive(Debug, Serialize)]
pub struct MonthView {
    pub key: String,
    pub title: String,
    pub path: String,
    pub prev_path: String,
    pub next_path: String,
    pub weeks: Vec<Vec<DayCell>>,
    pub events: Vec<ListedEvent>,
}

#[derive(Debug, Serialize)]
pub struct DayCell {
    pub day: i8,
    pub date: String,
    pub in_month: bool,
    pub today: bool,
    pub posts: Vec<PostLink>,
    pub events: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct PostLink {
    pub title: String,
    pub path: String,
}

#[derive(Debug, Serialize)]
pub struct ListedEvent {
    pub date_vi: String,
    pub title: String,
}

/// The months of the school year holding `today`, with published posts and events; `month`
/// is the theme's word for a month (the title is "Tháng 3/2026").
pub fn months(
    section: &str,
    month: &str,
    today: Date,
    posts: &[(Date, String, String)],
    events: &[DayEvent],
) -> Vec<MonthView> {
    let (start, _) = school_year(today);
    let months: Vec<Date> = (0..12)
        .filter_map(|i| start.checked_add((i as i64).months()).ok())
        .collect();
    let key = |d: Date| format!("{}-{:02}", d.year(), d.month());
    months
        .iter()
        .enumerate()
        .map(|(i, &first)| {
            let last = first.last_of_month();
            let mut weeks = Vec::new();
            let mut day = monday_of(first);
            while day <= last {
                let mut week = Vec::new();
                for _ in 0..7 {
                    week.push(DayCell {
                        day: day.day(),
                        date: day.to_string(),
                        in_month: day.month() == first.month(),
                        today: day == today,
                        posts: posts
                            .iter()
                            .filter(|(d, _, _)| *d == day)
                            .map(|(_, title, path)| PostLink {
                                title: title.clone(),
                                path: path.clone(),
                            })
                            .collect(),
                        events: events
                            .iter()
                            .filter(|e| {
                                e.start <= day
                                    && day <= e.end
                                    && (e.start == day || day.weekday() == Weekday::Monday)
                            })
                            .map(|e| e.title.clone())
                            .collect(),
                    });
                    day = day.tomorrow().unwrap_or(day);
                }
                weeks.push(week);
            }
            let path_of = |d: Date| format!("{section}/{}/", key(d));
            MonthView {
                key: key(first),
                title: format!("{month} {}/{}", first.month(), first.year()),
                path: path_of(first),
                prev_path: if i > 0 {
                    path_of(months[i - 1])
                } else {
                    String::new()
                },
                next_path: months.get(i + 1).map(|&d| path_of(d)).unwrap_or_default(),
                weeks,
                events: events
                    .iter()
                    .filter(|e| e.start <= last && e.end >= first)
                    .map(|e| ListedEvent {
                        date_vi: if e.start == e.end {
                            crate::dates::vi_date_short(e.start)
                        } else {
                            format!(
                                "{} – {}",
                                crate::dates::vi_date_short(e.start),
                                crate::dates::vi_date_short(e.end)
                            )
                        },
                        title: e.title.clone(),
                    })
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_weeks_across_the_year_end() {
        assert_eq!(iso_week(jiff::civil::date(2026, 12, 31)), "2026-W53");
        assert_eq!(iso_week(jiff::civil::date(2027, 1, 3)), "2026-W53");
        assert_eq!(iso_week(jiff::civil::date(2027, 1, 4)), "2027-W01");
        assert_eq!(iso_week(jiff::civil::date(2025, 12, 29)), "2026-W01");
    }

    #[test]
    fn key_dates_expand_yearly_and_once() {
        let from = jiff::civil::date(2026, 9, 1);
        let to = jiff::civil::date(2027, 8, 31);
        assert_eq!(
            expand_key_date("11-09", from, to),
            vec![jiff::civil::date(2026, 11, 9)]
        );
        assert_eq!(
            expand_key_date("01-09", from, to),
            vec![jiff::civil::date(2027, 1, 9)]
        );
        assert_eq!(
            expand_key_date("2027-02-06", from, to),
            vec![jiff::civil::date(2027, 2, 6)]
        );
        assert!(expand_key_date("2025-02-06", from, to).is_empty());
    }

    #[test]
    fn verdicts() {
        let d = |m, day| jiff::civil::date(2026, m, day);
        assert_eq!(verdict(d(3, 2), d(3, 8), d(3, 10), 0, 1), Verdict::Missed);
        assert_eq!(
            verdict(d(3, 9), d(3, 15), d(3, 10), 0, 1),
            Verdict::Reachable
        );
        assert_eq!(verdict(d(3, 9), d(3, 15), d(3, 10), 1, 1), Verdict::Met);
        assert_eq!(
            verdict(d(3, 16), d(3, 22), d(3, 10), 0, 1),
            Verdict::Upcoming
        );
    }
}
