//! Which sites a problem affects, decided here once for `build`, `check` and `serve`: the
//! sites that publish the source it is in (ownership, targeting, sharing down), or every site
//! for an input they all use (`network.yaml`, `laws.yaml`, `content/media/`, the shared
//! theme, a `common/` file whose front matter could not be read). A site that no problem
//! affects is built; the others keep their previous output.

use std::collections::BTreeSet;
use std::path::Path;

use crate::diagnostics::{Diagnostic, display_path};
use crate::load::{FailedSource, Owner, Project};

/// The sites (indexes into `project.sites`) that a problem in `file` affects.
pub fn sites_affected_by(project: &Project, failed: &[FailedSource], file: &Path) -> Vec<usize> {
    let all = || (0..project.sites.len()).collect();
    let shown = display_path(file);
    if let Some(src) = project.sources.iter().find(|s| s.file == file) {
        return carrying(project, |site| super::carries(src, site).is_some());
    }
    if let Some(f) = failed.iter().find(|f| f.file == file) {
        return match (&f.meta, &f.owner) {
            (Some(meta), owner) => carrying(project, |site| {
                super::carried(meta, None, owner, site).is_some()
            }),
            // Front matter unreadable: who would publish it is unknown. A unit's file is
            // assumed to reach the units below it; a common file, everyone.
            (None, Owner::Site(id)) => unit_and_below(project, id),
            (None, Owner::Common) => all(),
        };
    }
    let Some(rest) = shown.strip_prefix("content/sites/") else {
        return all(); // network.yaml, laws.yaml, media, common contests, the theme, flags
    };
    let (id, inside) = rest.split_once('/').unwrap_or((rest, ""));
    if inside == "site.yaml" || inside.starts_with("theme/") {
        return project
            .sites
            .iter()
            .position(|s| s.id == id)
            .into_iter()
            .collect();
    }
    unit_and_below(project, id)
}

fn carrying(project: &Project, carries: impl Fn(&crate::load::config::Site) -> bool) -> Vec<usize> {
    (0..project.sites.len())
        .filter(|&i| carries(&project.sites[i]))
        .collect()
}

fn unit_and_below(project: &Project, id: &str) -> Vec<usize> {
    (0..project.sites.len())
        .filter(|&i| {
            let s = &project.sites[i];
            s.id == id || s.ancestors.iter().any(|a| a == id)
        })
        .collect()
}

/// Fills each error's `sites` (the ids it affects) and returns the set of affected sites.
/// Warnings affect nothing.
/// `missing` are the units left out of the tree (their `site.yaml` failed): a problem in one of
/// their files names them too.
pub fn attribute(
    project: &Project,
    failed: &[FailedSource],
    missing: &[String],
    problems: &mut [Diagnostic],
) -> BTreeSet<usize> {
    let mut blocked = BTreeSet::new();
    for d in problems.iter_mut().filter(|d| d.is_error()) {
        let sites = sites_affected_by(project, failed, &d.file);
        d.sites = sites.iter().map(|&i| project.sites[i].id.clone()).collect();
        let shown = display_path(&d.file);
        if let Some(rest) = shown.strip_prefix("content/sites/") {
            let id = rest.split('/').next().unwrap_or(rest);
            if missing.iter().any(|m| m == id) {
                d.sites.push(id.to_string());
            }
        }
        blocked.extend(sites);
    }
    blocked
}
