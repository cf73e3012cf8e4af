//! Loading contest files ("Cuộc thi", `common/contests/` and `sites/<id>/contests/`): reading,
//! the front matter (`ContestFm`, every field optional so that an edition can override any of
//! them) and the rule text, once per file. What a site shows of them (editions, status, the
//! rule page) is `features::contest`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::load::config::Level;
use crate::load::frontmatter::Status;
use crate::load::markdown::Rendered;
use crate::load::yaml::Lined;
use crate::load::{Owner, file, markdown, yaml};
use crate::messages::Problem;

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    TracNghiem,
    Viet,
    SanKhauHoa,
}

impl Format {
    pub fn id(self) -> &'static str {
        match self {
            Format::TracNghiem => "trac-nghiem",
            Format::Viet => "viet",
            Format::SanKhauHoa => "san-khau-hoa",
        }
    }
    /// The key of its words in the theme's strings (`contest_format_trac_nghiem`, …).
    pub fn key(self) -> &'static str {
        match self {
            Format::TracNghiem => "contest_format_trac_nghiem",
            Format::Viet => "contest_format_viet",
            Format::SanKhauHoa => "contest_format_san_khau_hoa",
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum Recurrence {
    #[default]
    Yearly,
    Once,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Window {
    pub start: String,
    pub end: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// With its line (a bad date is reported there).
    pub date: Lined<String>,
    pub title: String,
}

/// A prize: `{name, count, value}`, or a plain line of text (`"01 giải Nhất"`) — then only
/// `name` is set.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Prize {
    pub name: String,
    #[serde(default)]
    pub count: Option<u32>,
    #[serde(default)]
    pub value: Option<String>,
}

/// A prize as written: a mapping or a line of text.
#[derive(Debug, Clone)]
pub struct PrizeFm(pub Prize);

impl<'de> Deserialize<'de> for PrizeFm {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = PrizeFm;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map")
            }
            fn visit_str<E>(self, v: &str) -> Result<PrizeFm, E> {
                Ok(PrizeFm(Prize {
                    name: v.trim().to_string(),
                    count: None,
                    value: None,
                }))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<PrizeFm, A::Error> {
                Prize::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(PrizeFm)
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub name: String,
    #[serde(default)]
    pub weight: Option<u32>,
}

#[derive(Debug, Clone, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Judging {
    #[serde(default)]
    pub jury: Vec<String>,
    #[serde(default)]
    pub criteria: Vec<Criterion>,
}

#[derive(Debug, Clone, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    #[serde(default)]
    pub how: Option<String>,
    #[serde(default, rename = "where")]
    pub place: Option<String>,
    #[serde(default)]
    pub rules: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}

/// A contest file's front matter: every field optional, so an edition can override any of them.
/// The fields a check reports keep their line within the YAML (`ContestSource::line`).
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ContestFm {
    pub title: Option<Lined<String>>,
    pub recurrence: Option<Lined<Recurrence>>,
    pub year: Option<i16>,
    pub extends: Option<Lined<String>>,
    pub window: Option<Lined<Window>>,
    pub formats: Option<Vec<Format>>,
    pub purpose: Option<Vec<String>>,
    pub audience: Option<String>,
    pub topics: Option<Vec<String>>,
    pub organizer: Option<String>,
    pub timeline: Option<Vec<Milestone>>,
    pub prizes: Option<Vec<PrizeFm>>,
    pub judging: Option<Judging>,
    pub submission: Option<Submission>,
    pub contact: Option<Contact>,
    pub summary: Option<String>,
    pub status: Option<Lined<Status>>,
    pub approved_by: Option<String>,
    pub levels: Option<Vec<Level>>,
    pub sites: Option<Vec<String>>,
}

/// One contest file, parsed once.
#[derive(Debug, Clone)]
pub struct ContestSource {
    pub file: PathBuf,
    pub owner: Owner,
    /// The file's slug: what `extends:` names.
    pub id: String,
    pub fm: ContestFm,
    pub body: Rendered,
    /// The line of the file where the YAML starts (after the opening `---`).
    pub yaml_line: usize,
}

impl ContestSource {
    /// The line in the file of a field of its own `fm`; the opening `---` when the field is
    /// not written in this file (it may come from the contest it extends).
    pub fn line<T>(&self, field: Option<&Lined<T>>) -> usize {
        field
            .and_then(|f| f.file_line(self.yaml_line))
            .unwrap_or(self.yaml_line.saturating_sub(1))
    }
}

/// Parses one contest file.
pub fn load(root: &Path, owner: Owner, path: &Path) -> Result<ContestSource, Vec<Diagnostic>> {
    let rel = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let text = file::read_text(path, &rel).map_err(|d| vec![d])?;
    let split = file::split_front_matter(&text).map_err(|p| vec![Diagnostic::error(&rel, 1, p)])?;
    let fm: ContestFm = yaml::parse_all(split.yaml, &rel, split.yaml_line)?;
    let (body, mut problems) = markdown::render(split.body, split.body_line);
    // Contest rules are single files, not bundles: pictures go in content/media/.
    problems.extend(body.local_images.iter().map(|img| {
        (
            img.line,
            Problem::MissingImage {
                src: img.src.clone(),
            },
        )
    }));
    if !problems.is_empty() {
        return Err(problems
            .into_iter()
            .map(|(l, p)| Diagnostic::error(&rel, l, p))
            .collect());
    }
    let stem = if path
        .file_name()
        .is_some_and(|n| n.eq_ignore_ascii_case("index.md"))
    {
        path.parent().and_then(|p| p.file_name())
    } else {
        path.file_stem()
    };
    let id = crate::text::slugify(
        &stem
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default(),
    );
    Ok(ContestSource {
        file: rel,
        owner,
        id,
        fm,
        body,
        yaml_line: split.yaml_line,
    })
}
