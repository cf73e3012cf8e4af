//! The build report (`public/_editorial/build-report.json`, and the last line of `build
//! --format json`): for each unit, whether this build updated its folder or kept the previous
//! one because of problems, those problems, and whether the folder's content changed since the
//! last build (by a digest of its files), so a CI job deploys exactly the sites that changed.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::files::FileData;
use crate::load::Project;
use crate::messages::Lang;

/// The report's file name inside `_editorial/`.
pub const FILE: &str = "build-report.json";

/// What this build did with a unit's folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SiteState {
    /// Rendered and written.
    Updated,
    /// Not written because of problems: the previous output is kept (or, on a first build,
    /// there is none).
    Kept,
    /// Not selected by `--site`/`--shard`: its folder is carried over untouched.
    NotSelected,
}

/// One unit in the report.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SiteReport {
    pub id: String,
    pub state: SiteState,
    /// Whether the folder's files differ from the last build's (always false when kept).
    pub changed: bool,
    /// The digest of the folder's files as last written (carried over when not written).
    pub digest: Option<String>,
    /// The errors that kept it (empty when updated), in the JSON shape of `--format json`.
    pub problems: Vec<serde_json::Value>,
}

/// The whole report.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BuildReport {
    /// The build time (`--now`).
    pub built_at: String,
    pub sites: Vec<SiteReport>,
}

impl BuildReport {
    /// The report of a build: `digests` of the sites written, `kept` sites with their error
    /// counts, every error (with its `sites`), and the previous report for `changed`.
    pub fn new(
        project: &Project,
        now: &jiff::Zoned,
        digests: &BTreeMap<String, String>,
        kept: &[(String, usize)],
        errors: &[Diagnostic],
        previous: Option<&BuildReport>,
        lang: Lang,
    ) -> BuildReport {
        let before = |id: &str| previous.and_then(|p| p.sites.iter().find(|s| s.id == id).cloned());
        let problems_of = |id: &str| {
            errors
                .iter()
                .filter(|d| d.sites.iter().any(|s| s == id))
                .filter_map(|d| {
                    serde_json::from_str(&crate::diagnostics::render_json(d, lang)).ok()
                })
                .collect()
        };
        let mut ids: Vec<String> = project.sites.iter().map(|s| s.id.clone()).collect();
        ids.extend(kept.iter().map(|(id, _)| id.clone()));
        ids.sort();
        ids.dedup();
        let sites = ids
            .into_iter()
            .map(|id| {
                let old = before(&id);
                let old_digest = old.as_ref().and_then(|o| o.digest.clone());
                if let Some(d) = digests.get(&id) {
                    SiteReport {
                        changed: old_digest.as_deref() != Some(d.as_str()),
                        digest: Some(d.clone()),
                        state: SiteState::Updated,
                        problems: Vec::new(),
                        id,
                    }
                } else if kept.iter().any(|(k, _)| *k == id) {
                    SiteReport {
                        changed: false,
                        digest: old_digest,
                        state: SiteState::Kept,
                        problems: problems_of(&id),
                        id,
                    }
                } else {
                    SiteReport {
                        changed: false,
                        digest: old_digest,
                        state: SiteState::NotSelected,
                        problems: Vec::new(),
                        id,
                    }
                }
            })
            .collect();
        BuildReport {
            built_at: now.timestamp().to_string(),
            sites,
        }
    }

    /// The previous build's report in `out`, if there is one.
    pub fn read(out: &Path) -> Option<BuildReport> {
        let text = std::fs::read_to_string(out.join("_editorial").join(FILE)).ok()?;
        serde_json::from_str(&text).ok()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }
}

/// A digest of a site's files: paths and bytes (for a copied file, its source path, size and
/// modification time, which change whenever its bytes do). The same files give the same
/// digest with the same lantoa.
pub fn digest(files: &BTreeMap<String, FileData>) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for (path, data) in files {
        path.hash(&mut h);
        match data {
            FileData::Bytes(b) => crate::files::content_hash(b).hash(&mut h),
            FileData::Written(hash) => hash.hash(&mut h),
            FileData::Copy(src) => {
                src.hash(&mut h);
                if let Ok(m) = std::fs::metadata(src) {
                    m.len().hash(&mut h);
                    m.modified().ok().hash(&mut h);
                }
            }
        }
    }
    format!("{:016x}", h.finish())
}
