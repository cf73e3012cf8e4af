//! The values templates see (docs/theme.md is their contract): the site (`SiteView`), each
//! page (`PageView`: its content with the site's links and images filled in, cover with its
//! processed sizes, story and primer fields, origin, the preview banner, notices of repealed
//! laws), pagination, and the theme's strings (`t_or`, `kind_label`). Built per site by a
//! `Viewer` from the resolved site, its links and the processed images; every key is always
//! present (an absent value is `null` or empty: Tera 2 treats an undefined key as an error).

use serde::Serialize;

use crate::dates;
use crate::load::frontmatter::Kind;
use crate::load::{Project, Source};
use crate::resolve::{PageEntry, Publication, SiteBuild};
use crate::text::truncate_chars;

#[derive(Serialize)]
pub struct Link {
    pub title: String,
    pub path: String,
}

#[derive(Serialize)]
pub struct ParentView {
    pub name: String,
    pub base_url: String,
}

#[derive(Serialize)]
pub struct ColorsView {
    pub primary: String,
    pub accent: String,
}

#[derive(Serialize)]
pub struct SiteView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub short_name: &'a str,
    pub kind: &'static str,
    pub kind_label: &'static str,
    pub level: &'static str,
    pub base_url: &'a str,
    pub address: &'a str,
    pub phone: &'a str,
    pub hotline: &'a str,
    pub hotline_tel: String,
    pub email: &'a str,
    pub fanpage: &'a str,
    pub zalo: &'a str,
    pub logo: String,
    pub colors: ColorsView,
    pub parent: Option<ParentView>,
    pub editorial_board: &'a [crate::load::config::BoardMember],
    pub steering_committee: &'a [crate::load::config::BoardMember],
    pub admin_board: &'a [crate::load::config::BoardMember],
    pub menu: Vec<super::menu::MenuItem>,
    pub sections: std::collections::BTreeMap<&'static str, Link>,
}

#[derive(Serialize)]
pub struct TagLink {
    pub name: String,
    pub path: String,
}

#[derive(Serialize)]
pub struct Cover {
    pub src: String,
    pub url: String,
    pub alt: String,
    /// For processed images: every size (paths relative to the site root), and the largest's size.
    pub sizes: Vec<CoverSize>,
    pub width: u32,
    pub height: u32,
}

#[derive(Serialize)]
pub struct CoverSize {
    pub src: String,
    pub w: u32,
}

#[derive(Serialize)]
pub struct Origin {
    pub name: String,
    pub permalink: String,
}

#[derive(Serialize)]
pub struct LawNotice {
    pub title: String,
    /// `replaced` (the whole text) or `partly_replaced` (the parts named in `parts`).
    pub state: &'static str,
    /// The replaced parts in words (empty when the whole text was replaced).
    pub parts: String,
    /// The day it stopped applying.
    pub repealed_vi: String,
    pub replaced_by_title: String,
    pub replaced_by_url: String,
}

#[derive(Serialize)]
pub struct StoryView {
    pub person_name: String,
    pub person_role: String,
    pub deed_date_vi: String,
    pub place: String,
    pub verified_by: String,
}

#[derive(Serialize)]
pub struct ArticleRef {
    pub number: String,
    /// Its official title (empty when not verified).
    pub title: String,
    /// What it is about, in the editors' words (`about:` in laws.yaml).
    pub about: String,
}

#[derive(Serialize)]
pub struct PrimerView {
    pub law_title: String,
    /// Title and number, the number not repeated ("Luật An ninh mạng (24/2018/QH14)").
    pub law_full_title: String,
    pub law_number: String,
    pub law_url: String,
    pub law_in_force: bool,
    /// `not_yet_in_force`, `in_force`, `partly_replaced` or `replaced` on the build day.
    pub law_state: &'static str,
    /// The theme's words for it (`law_state_<state>`), with the day when there is one.
    pub law_state_label: String,
    pub law_state_vi: String,
    /// For a partly replaced text: each replaced part and what replaced it.
    pub law_replaced_parts: Vec<String>,
    pub articles: Vec<ArticleRef>,
    pub reviewed_vi: String,
    pub questions_count: usize,
}

#[derive(Serialize)]
pub struct PageView<'a> {
    pub kind: &'static str,
    pub kind_label: String,
    pub title: &'a str,
    pub path: &'a str,
    pub permalink: String,
    pub date: String,
    pub date_vi: String,
    pub date_short: String,
    pub updated_vi: String,
    pub summary: String,
    pub content: String,
    pub author: &'a str,
    pub category: &'a str,
    pub tags: Vec<TagLink>,
    pub cover: Option<Cover>,
    pub origin: Option<Origin>,
    pub law_notices: Vec<LawNotice>,
    pub sources: &'a [crate::load::frontmatter::SourceRef],
    pub status: &'static str,
    pub banner: String,
    pub story: Option<StoryView>,
    pub primer: Option<PrimerView>,
    pub attachments: Vec<AttachmentView>,
    pub document: Option<DocumentView>,
    pub notice: Option<NoticeView>,
    pub album: Option<AlbumView>,
}

/// A file attached to a page: where it is published (relative to the site root), its type
/// and size in words ("PDF", "240 KB").
#[derive(Serialize)]
pub struct AttachmentView {
    pub name: String,
    pub path: String,
    pub type_label: String,
    pub size: String,
}

#[derive(Serialize)]
pub struct DocumentView {
    pub number: String,
    pub doc_type: String,
    pub doc_type_name: String,
    pub issuer: String,
    pub signer: String,
    pub issued: String,
    pub issued_vi: String,
    pub effective_vi: String,
    pub year: i16,
    pub file: Option<AttachmentView>,
}

#[derive(Serialize)]
pub struct NoticeView {
    pub until_vi: String,
    /// Not past its `until` at the build time (shown on the home page).
    pub current: bool,
}

#[derive(Serialize)]
pub struct PhotoView {
    /// The photo's own page (relative to the site root).
    pub path: String,
    pub src: String,
    pub sizes: Vec<CoverSize>,
    pub width: u32,
    pub height: u32,
    pub caption: String,
    pub alt: String,
}

#[derive(Serialize)]
pub struct AlbumView {
    pub photos: Vec<PhotoView>,
    pub count: usize,
    pub students: bool,
}

#[derive(Serialize)]
pub struct PageNumber {
    pub number: usize,
    pub path: String,
}

#[derive(Serialize)]
pub struct Pagination {
    pub current: usize,
    pub total: usize,
    pub prev_path: String,
    pub next_path: String,
    pub pages: Vec<PageNumber>,
}

/// Everything needed to turn a resolved page into a `PageView`.
pub struct Viewer<'a> {
    pub project: &'a Project,
    pub build: &'a SiteBuild,
    pub theme: &'a super::theme::Theme,
    pub now: &'a jiff::Zoned,
    pub links: crate::resolve::links::SiteLinks<'a>,
    pub images: &'a crate::features::images::ImageSet,
}

impl<'a> Viewer<'a> {
    pub fn site(&self) -> &'a crate::load::config::Site {
        &self.project.sites[self.build.site]
    }

    /// A page's view; `content` is filled only when `with_content` (single pages, feeds).
    pub fn page(&self, entry: &'a PageEntry, with_content: Option<&str>) -> PageView<'a> {
        let src: &'a Source = &self.project.sources[entry.source];
        let m = &src.meta;
        let site = self.site();
        let tags = m
            .tag_keys
            .iter()
            .filter_map(|key| self.build.tag_index.get(key).map(|&i| &self.build.tags[i]))
            .map(|e| TagLink {
                name: e.name.clone(),
                path: format!("{}/{}/", self.project.network.paths.tags, e.slug),
            })
            .collect();
        let cover = m.cover.as_ref().map(|c| {
            // A processed cover is published under the name of its largest size.
            let file = src.cover_file.clone().unwrap_or_default();
            let name = |original: &str| match self.images.get(&file) {
                Some(p) => crate::features::images::variant_name(original, p, p.largest()),
                None => original.to_string(),
            };
            let src_path = match c.strip_prefix('/') {
                Some(p) => name(p),
                None if crate::load::is_web_image(c) => c.clone(),
                None => format!("{}{}", entry.path, name(c)),
            };
            let url = if crate::load::is_web_image(&src_path) {
                src_path.clone()
            } else {
                format!("{}{}", site.base_url, src_path)
            };
            // Every size is published for a page's own cover (shared media: the largest only).
            let processed = self.images.get(&file);
            let sizes = match (
                processed,
                c.starts_with('/') || crate::load::is_web_image(c),
            ) {
                (Some(p), false) => p
                    .variants
                    .iter()
                    .map(|v| CoverSize {
                        src: format!(
                            "{}{}",
                            entry.path,
                            crate::features::images::variant_name(c, p, v)
                        ),
                        w: v.width,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            Cover {
                src: src_path,
                url,
                alt: m.cover_alt.clone().unwrap_or_default(),
                sizes,
                width: processed.map(|p| p.width).unwrap_or(0),
                height: processed.map(|p| p.height).unwrap_or(0),
            }
        });
        let origin = entry
            .origin
            .as_ref()
            .and_then(|id| self.project.site(id))
            .map(|o| Origin {
                name: o.config.name.clone(),
                permalink: format!("{}{}", o.base_url, entry.path),
            });
        let summary = m
            .summary
            .clone()
            .unwrap_or_else(|| truncate_chars(&src.body.first_paragraph, 220));
        // A document's own file is shown with its fields (`document.file`), not again here.
        let own_file = m.document.as_ref().map(|d| d.file.as_str());
        let attachments: Vec<AttachmentView> = src
            .attachments
            .iter()
            .filter(|a| Some(a.name.as_str()) != own_file)
            .map(|a| attachment_view(a, &entry.path))
            .collect();
        let document = m
            .document
            .as_ref()
            .map(|d| self.document_view(src, d, &entry.path));
        let notice = m.notice.as_ref().map(|n| NoticeView {
            until_vi: n.until.as_ref().map(dates::vi_long).unwrap_or_default(),
            current: crate::resolve::publication::notice_current(m, self.now),
        });
        let album = m.album.as_ref().map(|a| AlbumView {
            photos: self.photo_views(src, &entry.path),
            count: src.photos.len(),
            students: a.students,
        });
        PageView {
            attachments,
            document,
            notice,
            album,
            kind: src.kind.as_str(),
            kind_label: kind_label(self.theme, src.kind),
            title: &m.title,
            path: &entry.path,
            permalink: format!("{}{}", site.base_url, entry.path),
            date: m.date.as_ref().map(dates::rfc3339).unwrap_or_default(),
            date_vi: m.date.as_ref().map(dates::vi_long).unwrap_or_default(),
            date_short: m.date.as_ref().map(dates::vi_short).unwrap_or_default(),
            updated_vi: m.updated.as_ref().map(dates::vi_long).unwrap_or_default(),
            summary,
            content: with_content
                .map(|root| {
                    crate::features::images::fill(&self.links.fill(src, root), src, self.images)
                })
                .unwrap_or_default(),
            author: m.author.as_deref().unwrap_or(""),
            category: m.category.as_deref().unwrap_or(""),
            tags,
            cover,
            origin,
            law_notices: self.law_notices(src),
            sources: &m.sources,
            status: match m.status {
                crate::load::frontmatter::Status::Draft => "draft",
                crate::load::frontmatter::Status::Review => "review",
                crate::load::frontmatter::Status::Approved => "approved",
            },
            banner: self.banner(entry),
            story: m.story.as_ref().map(|s| StoryView {
                person_name: s.person.name.clone().unwrap_or_default(),
                person_role: s.person.role.clone().unwrap_or_default(),
                deed_date_vi: s
                    .deed_date
                    .as_ref()
                    .map(|d| dates::vi_prose(d.date()))
                    .unwrap_or_default(),
                place: s.place.clone().unwrap_or_default(),
                verified_by: s.verified_by.clone().unwrap_or_default(),
            }),
            primer: m.primer.as_ref().map(|p| {
                let law = self.project.laws.get(&p.law);
                PrimerView {
                    law_title: law.map(|l| l.config.title.clone()).unwrap_or_default(),
                    law_full_title: law.map(|l| l.full_title()).unwrap_or_default(),
                    law_number: law
                        .and_then(|l| l.config.number.clone())
                        .unwrap_or_default(),
                    law_url: law
                        .and_then(|l| l.config.url.clone())
                        .map(String::from)
                        .unwrap_or_default(),
                    law_in_force: law.is_none_or(|l| l.in_force_on(self.now.date())),
                    law_state: law
                        .map(|l| l.state_on(self.now.date()).name())
                        .unwrap_or("in_force"),
                    law_state_label: self.theme.t(&format!(
                        "law_state_{}",
                        law.map(|l| l.state_on(self.now.date()).name())
                            .unwrap_or("in_force")
                    )),
                    law_state_vi: law.map(|l| self.law_state_day(l)).unwrap_or_default(),
                    law_replaced_parts: law
                        .map(|l| {
                            l.parts_replaced_on(self.now.date())
                                .map(|p| {
                                    format!(
                                        "{} → {}",
                                        p.parts,
                                        self.project
                                            .laws
                                            .get(&p.by)
                                            .map(|r| r.full_title())
                                            .unwrap_or_default()
                                    )
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                    articles: p
                        .articles
                        .iter()
                        .map(|a| ArticleRef {
                            number: a.clone(),
                            title: law
                                .and_then(|l| l.config.articles.as_ref()?.get(a).cloned())
                                .unwrap_or_default(),
                            about: law
                                .and_then(|l| l.config.about.get(a).cloned())
                                .unwrap_or_default(),
                        })
                        .collect(),
                    reviewed_vi: p.reviewed.as_ref().map(dates::vi_short).unwrap_or_default(),
                    questions_count: p.questions.len(),
                }
            }),
        }
    }

    fn document_view(
        &self,
        src: &Source,
        d: &crate::load::frontmatter::DocumentMeta,
        path: &str,
    ) -> DocumentView {
        let doc_type_name = self
            .project
            .network
            .document_types
            .iter()
            .find(|t| t.id == d.doc_type)
            .map(|t| t.name.clone())
            .unwrap_or_else(|| d.doc_type.clone());
        DocumentView {
            number: d.number.clone(),
            doc_type: d.doc_type.clone(),
            doc_type_name,
            issuer: crate::resolve::document_issuer(self.project, src),
            signer: d.signer.clone().unwrap_or_default(),
            issued: d.issued.as_ref().map(dates::rfc3339).unwrap_or_default(),
            issued_vi: d.issued.as_ref().map(dates::vi_short).unwrap_or_default(),
            effective_vi: d
                .effective
                .as_ref()
                .map(dates::vi_short)
                .unwrap_or_default(),
            year: d.issued.as_ref().map(|i| i.year()).unwrap_or(0),
            file: src
                .attachments
                .iter()
                .find(|a| a.name == d.file)
                .map(|a| attachment_view(a, path)),
        }
    }

    /// An album's photos with their processed sizes and their own pages.
    fn photo_views(&self, src: &Source, path: &str) -> Vec<PhotoView> {
        let images = crate::features::images::photo_pages(src.photos.len());
        src.photos
            .iter()
            .zip(images)
            .enumerate()
            .map(|(i, (photo, page))| {
                let processed = self.images.get(&photo.file);
                let name = |v: Option<&crate::features::images::Variant>| match (processed, v) {
                    (Some(p), Some(v)) => crate::features::images::variant_name(&photo.name, p, v),
                    _ => photo.name.clone(),
                };
                PhotoView {
                    path: format!("{path}{page}"),
                    src: format!("{path}{}", name(processed.map(|p| p.largest()))),
                    sizes: processed
                        .map(|p| {
                            p.variants
                                .iter()
                                .map(|v| CoverSize {
                                    src: format!("{path}{}", name(Some(v))),
                                    w: v.width,
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                    width: processed.map(|p| p.width).unwrap_or(0),
                    height: processed.map(|p| p.height).unwrap_or(0),
                    caption: photo.caption.clone(),
                    alt: if photo.caption.is_empty() {
                        format!("{} – {} {}", src.meta.title, self.theme.t("photo"), i + 1)
                    } else {
                        photo.caption.clone()
                    },
                }
            })
            .collect()
    }

    fn banner(&self, entry: &PageEntry) -> String {
        let src = &self.project.sources[entry.source];
        match entry.visibility {
            // A site shows neither (`Publication::shown`).
            Publication::Published | Publication::NotTargeted | Publication::NotOwned => {
                String::new()
            }
            Publication::Draft => self.theme.t("banner_draft"),
            Publication::Review => self.theme.t("banner_review"),
            Publication::Scheduled(_) => format!(
                "{} {}",
                self.theme.t("banner_scheduled"),
                src.meta
                    .date
                    .as_ref()
                    .map(|d| d.strftime("%d/%m/%Y %H:%M").to_string())
                    .unwrap_or_default()
            ),
            Publication::Expired => self.theme.t("banner_expired"),
        }
    }

    /// The day that goes with a law's state: from when it applies, was replaced, or its
    /// first part was replaced.
    fn law_state_day(&self, law: &crate::load::config::Law) -> String {
        use crate::load::config::LawState;
        let today = self.now.date();
        let day = match law.state_on(today) {
            LawState::NotYetInForce => law.effective,
            LawState::InForce => None,
            LawState::PartlyReplaced => law.parts_replaced_on(today).map(|p| p.from).min(),
            LawState::Replaced => law.repealed,
        };
        day.map(dates::vi_date_short).unwrap_or_default()
    }

    /// Where a replacing text is explained: its primer on this site, else its official text.
    fn law_url(&self, id: &str) -> String {
        match self.links.primer_by_law.get(id) {
            Some(p) => format!("{}{}", self.site().base_url, p),
            None => self
                .project
                .laws
                .get(id)
                .and_then(|r| r.config.url.clone())
                .map(String::from)
                .unwrap_or_default(),
        }
    }

    /// A notice for each replaced text or part the page relies on at the build time
    /// (`resolve::replaced_reliances`: citing an old text next to its replacement is history).
    pub fn law_notices(&self, src: &Source) -> Vec<LawNotice> {
        let today = self.now.date();
        crate::resolve::replaced_reliances(&self.project.laws, src, today)
            .into_iter()
            .map(|r| {
                let (by, state, parts, day) = match r.part {
                    None => (
                        r.law.config.replaced_by.value.clone(),
                        "replaced",
                        String::new(),
                        r.law.repealed,
                    ),
                    Some(p) => (
                        Some(p.by.clone()),
                        "partly_replaced",
                        p.parts.clone(),
                        Some(p.from),
                    ),
                };
                let replacement = by.as_deref().and_then(|b| self.project.laws.get(b));
                LawNotice {
                    title: r.law.full_title(),
                    state,
                    parts,
                    repealed_vi: day.map(dates::vi_date_short).unwrap_or_default(),
                    replaced_by_title: replacement.map(|x| x.full_title()).unwrap_or_default(),
                    replaced_by_url: replacement
                        .map(|x| self.law_url(&x.config.id))
                        .unwrap_or_default(),
                }
            })
            .collect()
    }
}

/// The theme's word for a kind of page (`kind_article`, … of `i18n/vi.yaml`).
pub fn kind_label(theme: &super::theme::Theme, kind: Kind) -> String {
    theme.t(match kind {
        Kind::Article => "kind_article",
        Kind::Story => "kind_story",
        Kind::Primer => "kind_primer",
        Kind::Page => "kind_page",
        Kind::Document => "kind_document",
        Kind::Notice => "kind_notice",
        Kind::Album => "kind_album",
    })
}

/// How a page shows one of its attachments; `page_path` is where the page is published.
pub fn attachment_view(a: &crate::load::Attachment, page_path: &str) -> AttachmentView {
    let path = match a.name.strip_prefix('/') {
        Some(media) => media.to_string(),
        None => format!("{page_path}{}", a.name),
    };
    AttachmentView {
        name: a.name.rsplit('/').next().unwrap_or(&a.name).to_string(),
        path,
        type_label: crate::safe::extension(&a.name).to_uppercase(),
        size: crate::text::file_size(a.size),
    }
}

/// `tel:` form of a phone number: digits and a leading `+` only.
pub fn tel(phone: &str) -> String {
    phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect()
}

/// `../` once per folder level of `path` (`bai-viet/x/` → `../../`).
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}
