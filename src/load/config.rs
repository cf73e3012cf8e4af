//! The network's configuration files: `network.yaml`, each `sites/<id>/site.yaml`, and
//! `laws.yaml`; and the unit tree (every `parent` exists, one root, no cycles).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::Deserialize;

use crate::diagnostics::Diagnostic;
use crate::load::yaml::Lined;
use crate::messages::Problem;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Network {
    pub name: String,
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default = "default_theme")]
    pub theme: String,
    #[serde(default = "default_base_url")]
    pub base_url: crate::safe::BaseUrl,
    /// Where `lantoa deploy` publishes each site: a pattern with `{site}` (see `deploy`).
    #[serde(default)]
    pub deploy: Option<String>,
    #[serde(default = "yes")]
    pub require_approval: bool,
    #[serde(default = "default_paginate")]
    pub paginate: usize,
    #[serde(default)]
    pub quotas: BTreeMap<UnitKind, Vec<QuotaRule>>,
    #[serde(default)]
    pub key_dates: Vec<KeyDate>,
    /// Words of an instruction to editors ("mỗi trường ghi"): `check` warns when a published
    /// page or contest contains one.
    #[serde(default)]
    pub editor_words: Vec<String>,
    #[serde(default)]
    pub paths: Paths,
    /// The kinds of official documents (`doc_type` of a document), in menu order.
    #[serde(default = "default_document_types")]
    pub document_types: Vec<DocumentType>,
    /// Attachments above this size (in MB) are a warning: school hosting is small.
    #[serde(default = "default_max_attachment_mb")]
    pub max_attachment_mb: u64,
}

/// `menu:` of a page or a document type: `true` (an entry labelled with the title) or
/// `{label, parent, weight}`.
#[derive(Debug, Clone, Deserialize, Default, PartialEq)]
#[serde(untagged)]
pub enum MenuFm {
    #[default]
    None,
    Flag(bool),
    Entry(MenuEntry),
}

#[derive(Debug, Clone, Deserialize, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MenuEntry {
    #[serde(default)]
    pub label: Option<String>,
    /// The id of the entry it is under (`gioi-thieu`), for one level of sub-menus.
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub weight: Option<i64>,
}

impl MenuFm {
    /// The entry, if the page is in the menu.
    pub fn entry(&self) -> Option<MenuEntry> {
        match self {
            MenuFm::None | MenuFm::Flag(false) => None,
            MenuFm::Flag(true) => Some(MenuEntry::default()),
            MenuFm::Entry(e) => Some(e.clone()),
        }
    }
}

/// A kind of official document (`document_types` of network.yaml).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentType {
    pub id: String,
    pub name: String,
    /// Its own entry in the main menu (the public disclosures, `cong-khai`).
    #[serde(default)]
    pub menu: MenuFm,
}

fn default_document_types() -> Vec<DocumentType> {
    [
        ("ke-hoach", "Kế hoạch"),
        ("the-le", "Thể lệ"),
        ("quyet-dinh", "Quyết định"),
        ("cong-van", "Công văn"),
        ("thong-bao", "Thông báo"),
        ("bao-cao", "Báo cáo"),
        ("huong-dan", "Hướng dẫn"),
        ("cong-khai", "Công khai"),
    ]
    .into_iter()
    .map(|(id, name)| DocumentType {
        id: id.into(),
        name: name.into(),
        // The public disclosures have their own menu entry.
        menu: if id == "cong-khai" {
            MenuFm::Entry(MenuEntry {
                label: Some(name.into()),
                parent: None,
                weight: Some(70),
            })
        } else {
            MenuFm::None
        },
    })
    .collect()
}
fn default_max_attachment_mb() -> u64 {
    20
}

fn default_theme() -> String {
    "default".into()
}
fn default_base_url() -> crate::safe::BaseUrl {
    crate::safe::BaseUrl::new("https://{site}.example.edu.vn/")
}
fn yes() -> bool {
    true
}
fn default_paginate() -> usize {
    10
}

/// URL segments of the sections (Vietnamese without diacritics by default).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Paths {
    pub articles: String,
    pub stories: String,
    pub primers: String,
    pub contests: String,
    pub calendar: String,
    pub search: String,
    pub tags: String,
    pub quiz: String,
    pub documents: String,
    pub notices: String,
    pub albums: String,
    /// The school's introduction (`Giới thiệu`): a generated list of its pages, unless the
    /// unit writes a page with this slug (which then shows the list); and `<about>/to-chuc/`.
    pub about: String,
    /// The slug of the page the menu's "Liên hệ" entry links to (`pages/lien-he.md`).
    pub contact: String,
}

impl Paths {
    /// The addresses at a site's root that belong to lantoa: every section and feature, the
    /// shared media folder, and the names of the home and 404 pages. No page may take one.
    pub fn reserved(&self) -> Vec<&str> {
        let mut r: Vec<&str> = [
            &self.articles,
            &self.stories,
            &self.primers,
            &self.contests,
            &self.calendar,
            &self.search,
            &self.tags,
            &self.quiz,
            &self.documents,
            &self.notices,
            &self.albums,
        ]
        .iter()
        .map(|s| s.as_str())
        .collect();
        r.extend(["media", "index", "404"]);
        r
    }
}

impl Default for Paths {
    fn default() -> Self {
        Paths {
            articles: "bai-viet".into(),
            stories: "guong-nguoi-tot-viec-tot".into(),
            primers: "phap-luat".into(),
            contests: "cuoc-thi".into(),
            calendar: "lich-dang-bai".into(),
            search: "tim-kiem".into(),
            tags: "the".into(),
            quiz: "on-tap".into(),
            documents: "van-ban".into(),
            notices: "thong-bao".into(),
            albums: "thu-vien-anh".into(),
            about: "gioi-thieu".into(),
            contact: "lien-he".into(),
        }
    }
}

#[derive(
    Debug, Clone, Copy, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize,
)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    Department,
    Office,
    School,
}

impl UnitKind {
    pub fn label(self) -> &'static str {
        match self {
            UnitKind::Department => "Sở Giáo dục và Đào tạo",
            UnitKind::Office => "Phòng Giáo dục và Đào tạo",
            UnitKind::School => "Trường học",
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Department => "department",
            UnitKind::Office => "office",
            UnitKind::School => "school",
        }
    }
}

#[derive(
    Debug, Clone, Copy, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    MamNon,
    TieuHoc,
    Thcs,
    Thpt,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::MamNon => "mam-non",
            Level::TieuHoc => "tieu-hoc",
            Level::Thcs => "thcs",
            Level::Thpt => "thpt",
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Per {
    Day,
    Week,
    Month,
    Year,
}

/// `{per: week, min: 1, kinds: [stories], tags: [tin-tot]}`.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct QuotaRule {
    pub per: Per,
    pub min: u32,
    #[serde(default)]
    pub kinds: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// The plan the rule comes from, shown with it in the calendar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A campaign rule: counted and shown, but a week short of it is not a missed week.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
    /// Units (site ids) whose posts count together for the rule, e.g. the Đoàn–Hội–Đội pages;
    /// empty: the unit's own posts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<String>,
}

/// A yearly (`MM-DD`) or one-off (`YYYY-MM-DD`) date, optionally for some units only.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyDate {
    /// With its line in network.yaml (a bad date is reported there).
    pub date: Lined<String>,
    pub title: String,
    #[serde(default)]
    pub kinds: Vec<UnitKind>,
    /// Each with its line in network.yaml (an unknown unit is reported there).
    #[serde(default)]
    pub sites: Vec<Lined<String>>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Colors {
    #[serde(default)]
    pub primary: Lined<Option<String>>,
    #[serde(default)]
    pub accent: Lined<Option<String>>,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct BoardMember {
    pub name: String,
    #[serde(default)]
    pub role: String,
}

/// `menu:` of site.yaml.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct SiteMenu {
    #[serde(default)]
    pub hide: Vec<String>,
    #[serde(default)]
    pub order: Vec<String>,
}

/// `content/sites/<id>/site.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub name: String,
    pub kind: UnitKind,
    #[serde(default)]
    pub level: Option<Level>,
    /// With its line in site.yaml (0 when not written: the root unit).
    #[serde(default)]
    pub parent: Lined<Option<String>>,
    #[serde(default)]
    pub base_url: Option<crate::safe::BaseUrl>,
    /// Where `lantoa deploy` publishes this site (over the network's pattern), with its line.
    #[serde(default)]
    pub deploy: Lined<Option<String>>,
    #[serde(default)]
    pub short_name: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub hotline: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub fanpage: Option<crate::safe::SafeUrl>,
    #[serde(default)]
    pub zalo: Option<crate::safe::SafeUrl>,
    #[serde(default)]
    pub editorial_board: Vec<BoardMember>,
    /// Ban Chỉ đạo.
    #[serde(default)]
    pub steering_committee: Vec<BoardMember>,
    /// Ban Quản trị (the website, Fanpage, Zalo).
    #[serde(default)]
    pub admin_board: Vec<BoardMember>,
    /// The main menu: entries to hide and the order of the first ones (by id).
    #[serde(default)]
    pub menu: SiteMenu,
    #[serde(default)]
    pub quotas: Option<Vec<QuotaRule>>,
    #[serde(default)]
    pub colors: Colors,
}

/// A unit of the network, with its place in the tree.
#[derive(Debug, Clone)]
pub struct Site {
    pub id: String,
    pub config: SiteConfig,
    /// `content/sites/<id>/site.yaml`, relative to the project.
    pub file: PathBuf,
    /// Absolute URL ending in `/`.
    pub base_url: String,
    /// Ids from the root down to the parent.
    pub ancestors: Vec<String>,
    /// `content/sites/<id>/theme`, when the site overrides the theme.
    pub theme_dir: Option<PathBuf>,
}

impl Site {
    pub fn depth(&self) -> usize {
        self.ancestors.len()
    }
    /// The host of `base_url` (`thcshaiyen.example.edu.vn`), for stable calendar UIDs.
    pub fn host(&self) -> &str {
        let rest = self
            .base_url
            .split_once("://")
            .map(|(_, r)| r)
            .unwrap_or(&self.base_url);
        rest.split('/').next().unwrap_or(rest)
    }
    pub fn short_name(&self) -> &str {
        self.config
            .short_name
            .as_deref()
            .unwrap_or(&self.config.name)
    }
}

/// One entry of `laws.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LawConfig {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub number: Option<String>,
    #[serde(default)]
    pub issuer: Option<String>,
    #[serde(default)]
    pub issued: Lined<Option<String>>,
    #[serde(default)]
    pub effective: Lined<Option<String>>,
    #[serde(default)]
    pub repealed: Lined<Option<String>>,
    #[serde(default)]
    pub replaced_by: Lined<Option<String>>,
    /// Parts (chapters, articles) replaced by another text while the rest stays in force.
    #[serde(default)]
    pub replaced: Vec<Lined<ReplacedConfig>>,
    #[serde(default)]
    pub url: Option<crate::safe::SafeUrl>,
    /// Number → title. `None` (no `articles:` at all): every number is accepted, unverified.
    #[serde(default)]
    pub articles: Option<BTreeMap<String, String>>,
    /// Number → what the article is about, in the editors' words, when its official title
    /// could not be checked. Shown as a description, never as the title; the number is
    /// accepted in links like one in `articles`.
    #[serde(default)]
    pub about: BTreeMap<String, String>,
}

/// One entry of a law's `replaced:` list: `{parts: "Chương II", articles: [101], by: id, from: date}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplacedConfig {
    /// The parts in words, as the replacing text names them ("Chương IV, Chương V").
    pub parts: String,
    /// The article numbers within those parts that pages cite (a link to one of them relies
    /// on a replaced part).
    #[serde(default)]
    pub articles: Vec<String>,
    /// The id of the replacing text.
    pub by: Lined<String>,
    /// The day the replacement takes effect.
    pub from: Lined<String>,
}

/// A replaced part with its date parsed.
#[derive(Debug, Clone)]
pub struct Replaced {
    pub parts: String,
    pub articles: Vec<String>,
    pub by: String,
    pub from: Date,
}

/// What a text is on a day: before `effective`, in force, some parts replaced, wholly replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LawState {
    NotYetInForce,
    InForce,
    PartlyReplaced,
    Replaced,
}

impl LawState {
    /// Its name in templates and tests (`law_state_<name>` in i18n).
    pub fn name(self) -> &'static str {
        match self {
            LawState::NotYetInForce => "not_yet_in_force",
            LawState::InForce => "in_force",
            LawState::PartlyReplaced => "partly_replaced",
            LawState::Replaced => "replaced",
        }
    }
}

/// A law with its dates parsed.
#[derive(Debug, Clone)]
pub struct Law {
    pub config: LawConfig,
    pub repealed: Option<Date>,
    pub effective: Option<Date>,
    /// Its `replaced:` parts, in the order written.
    pub replaced: Vec<Replaced>,
    /// The line of its entry in laws.yaml (its first key, `- id: …`).
    pub line: usize,
}

impl Law {
    /// "Luật An ninh mạng (24/2018/QH14)".
    /// A title that already holds the number ("Nghị định số 174/2026/NĐ-CP") is not repeated.
    pub fn full_title(&self) -> String {
        match &self.config.number {
            Some(n) if !self.config.title.contains(n.as_str()) => {
                format!("{} ({n})", self.config.title)
            }
            _ => self.config.title.clone(),
        }
    }
    /// Whether the text as a whole applies on `day` (some of its parts may be replaced).
    pub fn in_force_on(&self, day: Date) -> bool {
        self.repealed.is_none_or(|r| day < r) && self.effective.is_none_or(|e| day >= e)
    }
    pub fn state_on(&self, day: Date) -> LawState {
        if self.effective.is_some_and(|e| day < e) {
            LawState::NotYetInForce
        } else if self.repealed.is_some_and(|r| r <= day) {
            LawState::Replaced
        } else if self.replaced.iter().any(|p| p.from <= day) {
            LawState::PartlyReplaced
        } else {
            LawState::InForce
        }
    }
    /// The parts already replaced on `day`.
    pub fn parts_replaced_on(&self, day: Date) -> impl Iterator<Item = &Replaced> {
        self.replaced.iter().filter(move |p| p.from <= day)
    }
    /// Whether article `number` no longer applies on `day`: the whole text was replaced, or
    /// a replaced part lists it.
    pub fn article_replaced_on(&self, number: &str, day: Date) -> bool {
        self.repealed.is_some_and(|r| r <= day)
            || self
                .parts_replaced_on(day)
                .any(|p| p.articles.iter().any(|a| a == number))
    }
    /// The ids of the texts that replace this one or some of its parts.
    pub fn replacements(&self) -> impl Iterator<Item = &str> {
        self.config
            .replaced_by
            .as_deref()
            .into_iter()
            .chain(self.replaced.iter().map(|p| p.by.as_str()))
    }
}

pub type Laws = BTreeMap<String, Law>;

/// Reads `laws.yaml` (optional: a network may cite no law).
pub fn load_laws(rel: &Path, text: &str) -> Result<Laws, Vec<Diagnostic>> {
    let list: Vec<Lined<LawConfig>> = super::yaml::parse(text, rel, 1).map_err(|d| vec![d])?;
    let mut laws = Laws::new();
    let mut errors = Vec::new();
    for Lined { value: cfg, line } in list {
        let mut date = |v: &Lined<Option<String>>| -> Option<Date> {
            let written = v.as_deref()?;
            match written.trim().parse::<Date>() {
                Ok(d) => Some(d),
                Err(_) => {
                    errors.push(Diagnostic::error(
                        rel,
                        v.line,
                        Problem::BadDate {
                            value: written.into(),
                        },
                    ));
                    None
                }
            }
        };
        let repealed = date(&cfg.repealed);
        let effective = date(&cfg.effective);
        let _ = date(&cfg.issued);
        let mut cfg = cfg;
        if let Some(listed) = cfg.articles.as_mut() {
            for number in cfg.about.keys() {
                listed.entry(number.clone()).or_default();
            }
        }
        let replaced = cfg
            .replaced
            .iter()
            .filter_map(|p| {
                let from = Lined::new(Some(p.value.from.value.clone()), p.value.from.line);
                Some(Replaced {
                    parts: p.value.parts.clone(),
                    articles: p.value.articles.clone(),
                    by: p.value.by.value.clone(),
                    from: date(&from)?,
                })
            })
            .collect();
        laws.insert(
            cfg.id.clone(),
            Law {
                config: cfg,
                repealed,
                effective,
                replaced,
                line,
            },
        );
    }
    for law in laws.values() {
        if let Some(r) = law.config.replaced_by.as_ref()
            && !laws.contains_key(r)
        {
            errors.push(Diagnostic::error(
                rel,
                law.config.replaced_by.line,
                Problem::UnknownReplacement { id: r.clone() },
            ));
        }
        for p in &law.config.replaced {
            if !laws.contains_key(p.value.by.as_str()) {
                errors.push(Diagnostic::error(
                    rel,
                    p.value.by.line,
                    Problem::UnknownReplacement {
                        id: p.value.by.value.clone(),
                    },
                ));
            }
        }
    }
    if errors.is_empty() {
        Ok(laws)
    } else {
        Err(errors)
    }
}

/// A CSS colour written in `site.yaml`: only `#rgb` / `#rrggbb` (it goes into a `<style>`).
pub fn valid_color(c: &str) -> bool {
    let hex = c.strip_prefix('#').unwrap_or("");
    (hex.len() == 3 || hex.len() == 6) && hex.chars().all(|ch| ch.is_ascii_hexdigit())
}

/// `#rgb` / `#rrggbb` → (r, g, b).
fn rgb(c: &str) -> Option<[u8; 3]> {
    let hex = c.strip_prefix('#')?;
    let hex: String = if hex.len() == 3 {
        hex.chars().flat_map(|ch| [ch, ch]).collect()
    } else {
        hex.to_string()
    };
    let v = u32::from_str_radix(&hex, 16).ok()?;
    Some([(v >> 16) as u8, (v >> 8) as u8, v as u8])
}

/// WCAG 2.1 contrast ratio of a colour against white.
pub fn contrast_with_white(c: [u8; 3]) -> f64 {
    let lin = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.03928 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
    1.05 / (l + 0.05)
}

/// The same hue, darkened until white text on it (and it on white) reaches 4.5:1.
fn darkened(mut c: [u8; 3]) -> String {
    while contrast_with_white(c) < 4.5 {
        c = c.map(|v| (f64::from(v) * 0.92) as u8);
    }
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

/// Checks what the schema of `site.yaml` cannot: colours are hex (they go into a `<style>`),
/// and the primary colour (links on white, white text on it) meets WCAG 2.1 AA, 4.5:1.
pub fn check_site(site: &Site) -> Vec<Diagnostic> {
    let c = &site.config.colors;
    let mut out = Vec::new();
    // The folder name is the site's address in every link: plain letters, digits and dashes.
    let plain = site
        .id
        .chars()
        .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
        && site.id.starts_with(|ch: char| ch.is_ascii_alphanumeric());
    if !plain {
        out.push(Diagnostic::error(
            &site.file,
            0,
            Problem::BadSiteId {
                id: site.id.clone(),
                suggestion: crate::text::slugify(&site.id),
            },
        ));
    }
    for (name, written) in [("primary", &c.primary), ("accent", &c.accent)] {
        let Some(v) = written.as_ref() else { continue };
        let line = written.line;
        match rgb(v).filter(|_| valid_color(v)) {
            None => out.push(Diagnostic::error(
                &site.file,
                line,
                Problem::BadValue {
                    field: format!("colors.{name}"),
                    value: v.clone(),
                    expected: "#0b5394 (mã màu dạng #rrggbb)".into(),
                },
            )),
            Some(color) if name == "primary" && contrast_with_white(color) < 4.5 => {
                out.push(Diagnostic::error(
                    &site.file,
                    line,
                    Problem::LowContrast {
                        color: v.clone(),
                        ratio: format!("{:.1}", contrast_with_white(color)),
                        suggestion: darkened(color),
                    },
                ))
            }
            Some(_) => {}
        }
    }
    out
}

/// Orders sites as a tree (root first, children by id) and checks parents and cycles.
pub fn build_tree(mut sites: Vec<Site>, network: &Network) -> Result<Vec<Site>, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let ids: BTreeMap<String, usize> = sites
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), i))
        .collect();
    let mut root: Option<String> = None;
    for s in &sites {
        match s.config.parent.as_ref() {
            Some(p) if !ids.contains_key(p) => errors.push(Diagnostic::error(
                &s.file,
                s.config.parent.line,
                Problem::UnknownParent { parent: p.clone() },
            )),
            Some(_) => {}
            None => match &root {
                // No `parent:` is written: the whole file (line 0) is the problem.
                Some(other) => errors.push(Diagnostic::error(
                    &s.file,
                    0,
                    Problem::SecondRoot {
                        other: other.clone(),
                    },
                )),
                None => root = Some(s.id.clone()),
            },
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // Ancestors, detecting cycles.
    for i in 0..sites.len() {
        let mut chain = vec![sites[i].id.clone()];
        let mut cur = sites[i].config.parent.value.clone();
        let mut ancestors = Vec::new();
        while let Some(p) = cur {
            if chain.contains(&p) {
                chain.push(p);
                errors.push(Diagnostic::error(
                    &sites[i].file,
                    sites[i].config.parent.line,
                    Problem::ParentCycle {
                        chain: chain.join(" → "),
                    },
                ));
                ancestors.clear();
                break;
            }
            chain.push(p.clone());
            ancestors.insert(0, p.clone());
            cur = sites[ids[&p]].config.parent.value.clone();
        }
        sites[i].ancestors = ancestors;
    }
    if !errors.is_empty() {
        errors.truncate(1.max(errors.len().min(sites.len())));
        return Err(errors);
    }
    if root.is_none() && !sites.is_empty() {
        return Err(vec![Diagnostic::error(
            &sites[0].file,
            0,
            Problem::MissingParentField,
        )]);
    }
    for s in &mut sites {
        s.base_url = site_base_url(network, &s.id, s.config.base_url.as_deref());
    }
    // Depth-first order: root, then each child subtree, children by kind then id.
    let mut ordered = Vec::with_capacity(sites.len());
    let mut stack = vec![root.expect("checked above")];
    while let Some(id) = stack.pop() {
        let mut children: Vec<&Site> = sites
            .iter()
            .filter(|s| s.config.parent.as_deref() == Some(id.as_str()))
            .collect();
        children.sort_by(|a, b| (b.config.kind, &b.id).cmp(&(a.config.kind, &a.id)));
        stack.extend(children.into_iter().map(|s| s.id.clone()));
        ordered.push(id);
    }
    let mut by_id: BTreeMap<String, Site> = sites.into_iter().map(|s| (s.id.clone(), s)).collect();
    Ok(ordered
        .into_iter()
        .filter_map(|id| by_id.remove(&id))
        .collect())
}

fn site_base_url(network: &Network, id: &str, own: Option<&str>) -> String {
    let mut url = own
        .map(str::to_string)
        .unwrap_or_else(|| network.base_url.replace("{site}", id));
    if !url.ends_with('/') {
        url.push('/');
    }
    url
}

/// `UnknownSite` for `id`, with the nearest of the `known` unit ids as "did you mean".
pub fn unknown_site<'a>(id: &str, known: impl Iterator<Item = &'a str>) -> Problem {
    let known: Vec<String> = known.map(str::to_string).collect();
    let suggestion = super::yaml::did_you_mean(id, &known).or_else(|| {
        // A longer typo ("thcs-hai-yenn" vs two close ids): the smallest edit distance.
        known
            .iter()
            .map(|k| (strsim::levenshtein(id, k), k))
            .filter(|(d, _)| *d <= 3)
            .min()
            .map(|(_, k)| k.clone())
    });
    Problem::UnknownSite {
        id: id.to_string(),
        suggestion,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_of_site_colours() {
        assert!(contrast_with_white([0x0b, 0x53, 0x94]) > 4.5);
        let light = [0x7f, 0xb3, 0xff];
        assert!(contrast_with_white(light) < 3.0);
        let dark = darkened(light);
        assert!(contrast_with_white(rgb(&dark).unwrap()) >= 4.5, "{dark}");
        assert_eq!(rgb("#fff"), Some([255, 255, 255]));
        assert!(!valid_color("red; x: y"));
    }
}
