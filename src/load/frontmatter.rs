//! Front matter schemas, one per content kind (unknown fields are rejected per kind), and
//! their conversion into the checked `Meta` every later stage uses.

use jiff::Zoned;
use serde::{Deserialize, Serialize};

use crate::dates;
use crate::diagnostics::Diagnostic;
use crate::load::config::Level;
use crate::load::yaml::Lined;
use crate::messages::Problem;
use std::path::Path;

/// The content kinds, named by their folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Article,
    Story,
    Primer,
    Page,
    Document,
    Notice,
    Album,
}

/// Every kind, in the order pages are listed.
pub const KINDS: [Kind; 7] = [
    Kind::Article,
    Kind::Story,
    Kind::Primer,
    Kind::Page,
    Kind::Document,
    Kind::Notice,
    Kind::Album,
];

impl Kind {
    pub fn from_folder(folder: &str) -> Option<Kind> {
        match folder {
            "articles" => Some(Kind::Article),
            "stories" => Some(Kind::Story),
            "primers" => Some(Kind::Primer),
            "pages" => Some(Kind::Page),
            "documents" => Some(Kind::Document),
            "notices" => Some(Kind::Notice),
            "albums" => Some(Kind::Album),
            _ => None,
        }
    }
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Article => "articles",
            Kind::Story => "stories",
            Kind::Primer => "primers",
            Kind::Page => "pages",
            Kind::Document => "documents",
            Kind::Notice => "notices",
            Kind::Album => "albums",
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Article => "article",
            Kind::Story => "story",
            Kind::Primer => "primer",
            Kind::Page => "page",
            Kind::Document => "document",
            Kind::Notice => "notice",
            Kind::Album => "album",
        }
    }
    /// Dated kinds: listed newest first, scheduled by their date.
    pub fn needs_date(self) -> bool {
        matches!(
            self,
            Kind::Article | Kind::Story | Kind::Document | Kind::Notice | Kind::Album
        )
    }
    /// Kinds a unit may share down to the units below it (`share: down`).
    pub fn shares_down(self) -> bool {
        matches!(self, Kind::Article | Kind::Document)
    }
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Draft,
    Review,
    Approved,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum Share {
    Down,
    #[default]
    None,
}

pub use crate::load::config::{MenuEntry, MenuFm};

/// A caption of an album's photo.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaptionFm {
    pub file: String,
    #[serde(default)]
    pub caption: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    pub title: String,
    #[serde(default)]
    pub url: crate::safe::SafeUrl,
}

#[derive(Debug, Clone, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Person {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub student: bool,
    #[serde(default)]
    pub age: Option<u32>,
}

#[derive(Debug, Clone, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    #[serde(default)]
    pub name: bool,
    #[serde(default)]
    pub photos: bool,
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub student: bool,
}

/// A quiz question, checked: `answer` is the number of the right choice, from 1.
#[derive(Debug, Clone, Serialize)]
pub struct Question {
    pub q: String,
    pub choices: Vec<String>,
    pub answer: usize,
    pub explain: String,
}

/// A quiz question as written: `answer` is a number from 1, a letter (`B`, as Vietnamese tests
/// write it; A = the first choice) or the exact text of a choice.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionFm {
    /// With its line (a bad question is reported there).
    pub q: Lined<String>,
    pub choices: Vec<String>,
    pub answer: AnswerFm,
    #[serde(default)]
    pub explain: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum AnswerFm {
    Number(u64),
    Text(String),
}

impl<'de> Deserialize<'de> for AnswerFm {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = AnswerFm;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_u64<E>(self, v: u64) -> Result<AnswerFm, E> {
                Ok(AnswerFm::Number(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<AnswerFm, E> {
                Ok(AnswerFm::Number(u64::try_from(v).unwrap_or(0)))
            }
            fn visit_str<E>(self, v: &str) -> Result<AnswerFm, E> {
                Ok(AnswerFm::Text(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

impl AnswerFm {
    /// The number of the right choice (from 1), or `None` when it names none of `choices`.
    pub fn resolve(&self, choices: &[String]) -> Option<usize> {
        let in_range = |n: usize| (1..=choices.len()).contains(&n).then_some(n);
        match self {
            AnswerFm::Number(n) => in_range(usize::try_from(*n).ok()?),
            AnswerFm::Text(t) => {
                let t = t.trim();
                let letter = t.trim_end_matches(['.', ')']);
                let mut chars = letter.chars();
                if let (Some(c), None) = (chars.next(), chars.next())
                    && c.is_ascii_alphabetic()
                {
                    return in_range((c.to_ascii_uppercase() as u8 - b'A') as usize + 1);
                }
                if let Some(i) = choices.iter().position(|c| c.trim() == t) {
                    return Some(i + 1);
                }
                t.parse::<usize>().ok().and_then(in_range)
            }
        }
    }

    pub fn as_written(&self) -> String {
        match self {
            AnswerFm::Number(n) => n.to_string(),
            AnswerFm::Text(t) => t.clone(),
        }
    }
}

/// "A, B, C" for three choices.
pub fn answer_letters(count: usize) -> String {
    (0..count.min(26))
        .map(|i| char::from(b'A' + i as u8).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Declares a front-matter struct with the fields every kind shares plus its own.
macro_rules! front_matter {
    ($name:ident { $($field:ident : $ty:ty),* $(,)? }) => {
        #[derive(Debug, Clone, Deserialize, Default)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            #[serde(default)] pub title: Lined<Option<String>>,
            #[serde(default)] pub date: Lined<Option<String>>,
            #[serde(default)] pub updated: Lined<Option<String>>,
            #[serde(default)] pub expires: Lined<Option<String>>,
            #[serde(default)] pub slug: Lined<Option<String>>,
            #[serde(default)] pub summary: Option<String>,
            #[serde(default)] pub author: Option<String>,
            #[serde(default)] pub tags: Vec<String>,
            #[serde(default)] pub category: Option<String>,
            #[serde(default)] pub cover: Lined<Option<String>>,
            #[serde(default)] pub cover_alt: Option<String>,
            #[serde(default)] pub status: Lined<Status>,
            #[serde(default)] pub approved_by: Option<String>,
            #[serde(default)] pub repost: bool,
            #[serde(default)] pub sources: Vec<SourceRef>,
            #[serde(default)] pub share: Share,
            #[serde(default)] pub levels: Vec<Level>,
            #[serde(default)] pub sites: Vec<String>,
            #[serde(default)] pub weight: Option<i64>,
            #[serde(default)] pub menu: MenuFm,
            $(#[serde(default)] pub $field: $ty,)*
        }

        impl $name {
            /// The shared fields, and their lines within the YAML (0: not written).
            fn split(self) -> (Common, [usize; 7]) {
                let lines = [
                    self.title.line, self.date.line, self.updated.line, self.expires.line,
                    self.slug.line, self.cover.line, self.status.line,
                ];
                (Common {
                    title: self.title.value, date: self.date.value, updated: self.updated.value,
                    expires: self.expires.value, slug: self.slug.value, summary: self.summary,
                    author: self.author, tags: self.tags, category: self.category,
                    cover: self.cover.value, cover_alt: self.cover_alt, status: self.status.value,
                    approved_by: self.approved_by, repost: self.repost, sources: self.sources,
                    share: self.share, levels: self.levels, sites: self.sites,
                    weight: self.weight, menu: self.menu,
                }, lines)
            }
        }
    };
}

/// The fields all kinds share, as written.
#[derive(Debug, Clone, Default)]
pub struct Common {
    pub title: Option<String>,
    pub date: Option<String>,
    pub updated: Option<String>,
    pub expires: Option<String>,
    pub slug: Option<String>,
    pub summary: Option<String>,
    pub author: Option<String>,
    pub tags: Vec<String>,
    pub category: Option<String>,
    pub cover: Option<String>,
    pub cover_alt: Option<String>,
    pub status: Status,
    pub approved_by: Option<String>,
    pub repost: bool,
    pub sources: Vec<SourceRef>,
    pub share: Share,
    pub levels: Vec<Level>,
    pub sites: Vec<String>,
    pub weight: Option<i64>,
    pub menu: MenuFm,
}

front_matter!(ArticleFm {});
front_matter!(PageFm {});
front_matter!(DocumentFm {
    number: Lined<Option<String>>,
    doc_type: Lined<Option<String>>,
    issuer: Option<String>,
    signer: Option<String>,
    issued: Lined<Option<String>>,
    effective: Lined<Option<String>>,
    file: Lined<Option<String>>,
});
front_matter!(NoticeFm {
    until: Lined<Option<String>>,
});
front_matter!(AlbumFm {
    students: Lined<Option<bool>>,
    consent: Option<Consent>,
    children_under_7: bool,
    captions: Lined<Vec<CaptionFm>>,
});
front_matter!(StoryFm {
    person: Lined<Option<Person>>,
    deed_date: Lined<Option<String>>,
    place: Option<String>,
    verified_by: Option<String>,
    consent: Option<Consent>,
});
front_matter!(PrimerFm {
    law: Lined<Option<String>>,
    articles: Vec<String>,
    historical: bool,
    reviewed: Lined<Option<String>>,
    questions: Vec<QuestionFm>,
});

/// Story-only fields.
#[derive(Debug, Clone, Default)]
pub struct StoryMeta {
    pub person: Person,
    pub deed_date: Option<Zoned>,
    pub place: Option<String>,
    pub verified_by: Option<String>,
    pub consent: Consent,
}

/// Primer-only fields.
#[derive(Debug, Clone, Default)]
pub struct PrimerMeta {
    pub law: String,
    pub articles: Vec<String>,
    /// The primer explains a text no longer in force on purpose (for history): `check` does
    /// not ask to move it to the text in force; the page still carries the notice.
    pub historical: bool,
    pub reviewed: Option<Zoned>,
    pub questions: Vec<Question>,
}

/// Document-only fields (an official document, `documents/`).
#[derive(Debug, Clone, Default)]
pub struct DocumentMeta {
    /// Số hiệu (`12/KH-THCSHY`).
    pub number: String,
    /// An id of network.yaml's `document_types`.
    pub doc_type: String,
    pub issuer: Option<String>,
    pub signer: Option<String>,
    /// Ngày ban hành (also the page's `date`).
    pub issued: Option<Zoned>,
    pub effective: Option<Zoned>,
    /// The attachment, as written (beside the page, or `/media/…`).
    pub file: String,
}

/// Notice-only fields.
#[derive(Debug, Clone, Default)]
pub struct NoticeMeta {
    /// After this moment the notice leaves the home page (it stays in the list and feed).
    pub until: Option<Zoned>,
}

/// Album-only fields.
#[derive(Debug, Clone, Default)]
pub struct AlbumMeta {
    pub students: bool,
    pub consent: Consent,
    pub children_under_7: bool,
    /// (file, caption), in the order written.
    pub captions: Vec<(String, String)>,
}

/// Checked front matter: dates parsed, defaults applied.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub title: String,
    pub date: Option<Zoned>,
    pub updated: Option<Zoned>,
    pub expires: Option<Zoned>,
    pub slug: String,
    pub summary: Option<String>,
    pub author: Option<String>,
    pub tags: Vec<String>,
    /// `tags` folded (case, accents): what tag pages group by.
    pub tag_keys: Vec<String>,
    pub category: Option<String>,
    pub cover: Option<String>,
    pub cover_alt: Option<String>,
    pub status: Status,
    pub approved_by: Option<String>,
    pub repost: bool,
    pub sources: Vec<SourceRef>,
    pub share: Share,
    pub levels: Vec<Level>,
    pub sites: Vec<String>,
    pub weight: i64,
    pub menu: Option<MenuEntry>,
    pub story: Option<StoryMeta>,
    pub primer: Option<PrimerMeta>,
    pub document: Option<DocumentMeta>,
    pub notice: Option<NoticeMeta>,
    pub album: Option<AlbumMeta>,
    /// Where the fields are written, for the checks of later stages.
    pub lines: FieldLines,
}

/// The lines of the file where front-matter fields are written, as the YAML parser found
/// them. A field that is not written has the line of the front matter's opening `---`
/// (`front`): a problem about a missing field points at the front matter.
#[derive(Debug, Clone, Default)]
pub struct FieldLines {
    /// The opening `---`.
    pub front: usize,
    pub title: usize,
    pub date: usize,
    pub updated: usize,
    pub expires: usize,
    pub slug: usize,
    pub cover: usize,
    pub status: usize,
    pub person: usize,
    pub deed_date: usize,
    pub law: usize,
    pub reviewed: usize,
    /// A document's `number`, `doc_type`, `issued`, `file`; a notice's `until`; an album's
    /// `students` and `captions`.
    pub number: usize,
    pub doc_type: usize,
    pub issued: usize,
    pub file: usize,
    pub until: usize,
    pub students: usize,
    pub captions: usize,
    /// Each quiz question's `q:`, in order.
    pub questions: Vec<usize>,
}

/// Where the file name gives a date and a slug: `2026-03-10-ten-bai.md` or `ten-bai/index.md`.
pub struct NameParts {
    pub date: Option<String>,
    pub stem: String,
}

pub fn name_parts(stem: &str) -> NameParts {
    let bytes = stem.as_bytes();
    let has_prefix = bytes.len() > 11
        && bytes[10] == b'-'
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes[..10]
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if has_prefix {
        NameParts {
            date: Some(stem[..10].to_string()),
            stem: stem[11..].to_string(),
        }
    } else {
        NameParts {
            date: None,
            stem: stem.to_string(),
        }
    }
}

/// Parses the front matter of a `kind` file and checks what the schema alone cannot say.
pub fn parse(
    kind: Kind,
    yaml: &str,
    yaml_line: usize,
    file: &Path,
    name: &NameParts,
) -> Result<Meta, Vec<Diagnostic>> {
    let front = yaml_line.saturating_sub(1);
    // A line within the YAML (0: not written) as a line of the file.
    let at = |line: usize| {
        if line == 0 {
            front
        } else {
            line + yaml_line - 1
        }
    };
    let mut document_fm = None;
    let mut notice_fm = None;
    let mut album_fm = None;
    let (common, common_lines, story, primer) = match kind {
        Kind::Document => {
            let fm = super::yaml::parse_all::<DocumentFm>(yaml, file, yaml_line)?;
            document_fm = Some((
                fm.number.clone(),
                fm.doc_type.clone(),
                (fm.issuer.clone(), fm.signer.clone()),
                fm.issued.clone(),
                fm.effective.clone(),
                fm.file.clone(),
            ));
            let (c, l) = fm.split();
            (c, l, None, None)
        }
        Kind::Notice => {
            let fm = super::yaml::parse_all::<NoticeFm>(yaml, file, yaml_line)?;
            notice_fm = Some(fm.until.clone());
            let (c, l) = fm.split();
            (c, l, None, None)
        }
        Kind::Album => {
            let fm = super::yaml::parse_all::<AlbumFm>(yaml, file, yaml_line)?;
            album_fm = Some((
                fm.students.clone(),
                fm.consent.clone(),
                fm.children_under_7,
                fm.captions.clone(),
            ));
            let (c, l) = fm.split();
            (c, l, None, None)
        }
        Kind::Article => {
            let (c, l) = super::yaml::parse_all::<ArticleFm>(yaml, file, yaml_line)?.split();
            (c, l, None, None)
        }
        Kind::Page => {
            let (c, l) = super::yaml::parse_all::<PageFm>(yaml, file, yaml_line)?.split();
            (c, l, None, None)
        }
        Kind::Story => {
            let fm = super::yaml::parse_all::<StoryFm>(yaml, file, yaml_line)?;
            let extra = (
                fm.person.clone(),
                fm.deed_date.clone(),
                fm.place.clone(),
                fm.verified_by.clone(),
                fm.consent.clone(),
            );
            let (c, l) = fm.split();
            (c, l, Some(extra), None)
        }
        Kind::Primer => {
            let fm = super::yaml::parse_all::<PrimerFm>(yaml, file, yaml_line)?;
            let extra = (
                fm.law.clone(),
                (fm.articles.clone(), fm.historical),
                fm.reviewed.clone(),
                fm.questions.clone(),
            );
            let (c, l) = fm.split();
            (c, l, None, Some(extra))
        }
    };
    let [
        title_line,
        date_line,
        updated_line,
        expires_line,
        slug_line,
        cover_line,
        status_line,
    ] = common_lines.map(at);
    let mut lines = FieldLines {
        front,
        title: title_line,
        date: date_line,
        updated: updated_line,
        expires: expires_line,
        slug: slug_line,
        cover: cover_line,
        status: status_line,
        person: front,
        deed_date: front,
        law: front,
        reviewed: front,
        number: front,
        doc_type: front,
        issued: front,
        file: front,
        until: front,
        students: front,
        captions: front,
        questions: Vec::new(),
    };
    let mut errors = Vec::new();
    let mut date_field = |line: usize, v: Option<&String>| -> Option<Zoned> {
        let v = v?;
        let parsed = dates::parse(v);
        if parsed.is_none() {
            errors.push(Diagnostic::error(
                file,
                line,
                Problem::BadDate { value: v.clone() },
            ));
        }
        parsed
    };
    let mut date = match common.date.as_ref() {
        Some(d) => date_field(lines.date, Some(d)),
        // The date of the file name: no line of the file holds it (0, the whole file).
        None => name.date.as_ref().and_then(|d| date_field(0, Some(d))),
    };
    let mut required: Vec<(&str, usize)> = Vec::new();
    let document = document_fm.map(
        |(number, doc_type, (issuer, signer), issued, effective, f)| {
            lines.number = at(number.line);
            lines.doc_type = at(doc_type.line);
            lines.issued = at(issued.line);
            lines.file = at(f.line);
            let issued_at = date_field(lines.issued, issued.as_ref());
            let effective = date_field(at(effective.line), effective.as_ref());
            for (field, value, line) in [
                ("number", &number.value, lines.number),
                ("doc_type", &doc_type.value, lines.doc_type),
                ("issued", &issued.value, lines.issued),
                ("file", &f.value, lines.file),
            ] {
                if value.as_deref().is_none_or(|v| v.trim().is_empty()) {
                    required.push((field, line));
                }
            }
            DocumentMeta {
                number: number.value.unwrap_or_default().trim().to_string(),
                doc_type: doc_type.value.unwrap_or_default().trim().to_string(),
                issuer,
                signer,
                issued: issued_at,
                effective,
                file: f.value.unwrap_or_default().trim().to_string(),
            }
        },
    );
    // A document is dated by its `issued` day unless `date` says otherwise.
    if let Some(d) = &document
        && date.is_none()
    {
        date = d.issued.clone();
    }
    let notice = notice_fm.map(|until| {
        lines.until = at(until.line);
        NoticeMeta {
            until: date_field(lines.until, until.as_ref()),
        }
    });
    let album = album_fm.map(|(students, consent, children_under_7, captions)| {
        lines.students = at(students.line);
        lines.captions = at(captions.line);
        if students.value.is_none() {
            required.push(("students", lines.students));
        }
        AlbumMeta {
            students: students.value.unwrap_or(false),
            consent: consent.unwrap_or_default(),
            children_under_7,
            captions: captions
                .value
                .into_iter()
                .map(|c| (c.file, c.caption))
                .collect(),
        }
    });
    let updated = date_field(lines.updated, common.updated.as_ref());
    let expires = date_field(lines.expires, common.expires.as_ref());
    let story = story.map(|(person, deed, place, verified_by, consent)| {
        lines.person = at(person.line);
        lines.deed_date = at(deed.line);
        StoryMeta {
            person: person.value.unwrap_or_default(),
            deed_date: date_field(lines.deed_date, deed.as_ref()),
            place,
            verified_by,
            consent: consent.unwrap_or_default(),
        }
    });
    let mut answers = Vec::new();
    let primer = primer.map(|(law, (articles, historical), reviewed, questions)| {
        lines.law = at(law.line);
        lines.reviewed = at(reviewed.line);
        lines.questions = questions.iter().map(|q| at(q.q.line)).collect();
        PrimerMeta {
            law: law.value.unwrap_or_default(),
            articles,
            historical,
            reviewed: date_field(lines.reviewed, reviewed.as_ref()),
            questions: questions
                .into_iter()
                .map(|q| {
                    let answer = q.answer.resolve(&q.choices);
                    answers.push((answer, q.answer.as_written()));
                    Question {
                        answer: answer.unwrap_or(0),
                        q: q.q.value,
                        choices: q.choices,
                        explain: q.explain,
                    }
                })
                .collect(),
        }
    });
    let title = common
        .title
        .clone()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    if title.is_none() {
        errors.push(Diagnostic::error(
            file,
            lines.title,
            Problem::MissingField {
                field: "title".into(),
            },
        ));
    }
    for (field, line) in required {
        errors.push(Diagnostic::error(
            file,
            line,
            Problem::MissingField {
                field: field.into(),
            },
        ));
    }
    if kind.needs_date()
        && kind != Kind::Document
        && date.is_none()
        && common.date.is_none()
        && name.date.is_none()
    {
        errors.push(Diagnostic::error(file, lines.front, Problem::MissingDate));
    }
    if let Some(a) = &album
        && a.students
        && let Some(missing) = consent_gaps(false, true, &a.consent, !a.children_under_7)
    {
        errors.push(Diagnostic::error(
            file,
            lines.students,
            Problem::AlbumConsentMissing { missing },
        ));
    }
    if common.cover.is_some()
        && common
            .cover_alt
            .as_deref()
            .is_none_or(|a| a.trim().is_empty())
    {
        errors.push(Diagnostic::error(
            file,
            lines.cover,
            Problem::MissingCoverAlt,
        ));
    }
    if common.status == Status::Approved
        && common
            .approved_by
            .as_deref()
            .is_none_or(|a| a.trim().is_empty())
    {
        errors.push(Diagnostic::error(
            file,
            lines.status,
            Problem::ApprovedWithoutApprover,
        ));
    }
    if (common.repost || kind == Kind::Primer) && common.sources.is_empty() {
        errors.push(Diagnostic::error(
            file,
            lines.title,
            Problem::MissingSources,
        ));
    }
    if let Some(p) = &primer {
        if p.law.is_empty() {
            errors.push(Diagnostic::error(
                file,
                lines.law,
                Problem::MissingField {
                    field: "law".into(),
                },
            ));
        }
        for (i, (q, (answer, written))) in p.questions.iter().zip(&answers).enumerate() {
            let problem = if q.choices.len() < 2 || q.choices.len() > 6 {
                Some(Problem::BadQuestion {
                    index: i + 1,
                    detail: format!("có {} lựa chọn", q.choices.len()),
                })
            } else if answer.is_none() {
                Some(Problem::BadAnswer {
                    index: i + 1,
                    answer: written.clone(),
                    letters: answer_letters(q.choices.len()),
                })
            } else {
                None
            };
            if let Some(problem) = problem {
                errors.push(Diagnostic::error(file, lines.questions[i], problem));
            }
        }
    }
    if let Some(s) = &story
        && let Some(missing) = missing_consent(s, common.cover.is_some())
    {
        errors.push(Diagnostic::error(
            file,
            lines.person,
            Problem::ConsentMissing { missing },
        ));
    }
    if let Some(value) = &common.slug
        && crate::text::slugify(value).is_empty()
    {
        errors.push(Diagnostic::error(
            file,
            lines.slug,
            Problem::EmptySlug {
                value: value.clone(),
            },
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let slug_source = common.slug.clone().unwrap_or_else(|| {
        let s = crate::text::slugify(&name.stem);
        if s.is_empty() {
            title.clone().unwrap_or_default()
        } else {
            s
        }
    });
    let slug = crate::text::slugify(&slug_source);
    if slug.is_empty() {
        // A file name and title without a letter or digit ("!!!.md", title "…").
        return Err(vec![Diagnostic::error(
            file,
            lines.title,
            Problem::EmptySlug { value: slug_source },
        )]);
    }
    Ok(Meta {
        title: title.unwrap_or_default(),
        date,
        updated,
        expires,
        slug,
        summary: common.summary,
        author: common.author,
        tag_keys: common
            .tags
            .iter()
            .map(|t| crate::text::fold(t.trim()))
            .collect(),
        tags: common.tags,
        category: common.category,
        cover: common.cover,
        cover_alt: common.cover_alt,
        status: common.status,
        approved_by: common.approved_by,
        repost: common.repost,
        sources: common.sources,
        share: common.share,
        levels: common.levels,
        sites: common.sites,
        weight: common.weight.unwrap_or(0),
        menu: common.menu.entry(),
        story,
        primer,
        document,
        notice,
        album,
        lines,
    })
}

/// What consent a story about a student lacks, if any (Luật Trẻ em 2016 Đ.6.11, NĐ 56/2017 Đ.36,
/// Luật BVDLCN 2025 Đ.24: the parent's consent, and the child's own from age 7).
pub fn missing_consent(story: &StoryMeta, has_photo: bool) -> Option<Vec<String>> {
    if !story.person.student {
        return None;
    }
    let shows_name = story
        .person
        .name
        .as_deref()
        .is_some_and(|n| !n.trim().is_empty());
    consent_gaps(
        shows_name,
        has_photo,
        &story.consent,
        story.person.age.is_none_or(|a| a >= 7),
    )
}

/// The one consent rule for a student's name or photo (a story's person, an album with
/// students): the parent's consent, consent to each thing shown, and the child's own when
/// `child_may_consent` (age 7 and over). The missing fields, if any.
pub fn consent_gaps(
    shows_name: bool,
    has_photo: bool,
    c: &Consent,
    child_may_consent: bool,
) -> Option<Vec<String>> {
    if !shows_name && !has_photo {
        return None;
    }
    let mut missing = Vec::new();
    if shows_name && !c.name {
        missing.push("consent.name".to_string());
    }
    if has_photo && !c.photos {
        missing.push("consent.photos".to_string());
    }
    if c.parent.as_deref().is_none_or(|p| p.trim().is_empty()) {
        missing.push("consent.parent".to_string());
    }
    if child_may_consent && !c.student {
        missing.push("consent.student".to_string());
    }
    (!missing.is_empty()).then_some(missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_prefix_and_stem() {
        let p = name_parts("2026-03-10-guong-sang");
        assert_eq!(p.date.as_deref(), Some("2026-03-10"));
        assert_eq!(p.stem, "guong-sang");
        assert!(name_parts("2026-gioi-thieu").date.is_none());
    }

    #[test]
    fn consent_rules() {
        let mut s = StoryMeta::default();
        s.person.student = true;
        assert!(
            missing_consent(&s, false).is_none(),
            "anonymous needs no consent"
        );
        s.person.name = Some("Nguyễn An".into());
        assert_eq!(missing_consent(&s, false).unwrap().len(), 3);
        s.consent = Consent {
            name: true,
            photos: false,
            parent: Some("Bà B (mẹ)".into()),
            student: true,
        };
        assert!(missing_consent(&s, false).is_none());
        assert_eq!(missing_consent(&s, true).unwrap(), vec!["consent.photos"]);
        s.consent.student = false;
        s.person.age = Some(6);
        assert!(
            missing_consent(&s, false).is_none(),
            "under 7: the parent's consent is enough"
        );
    }
}
