//! The one driver between loading and rendering, shared by `build`, `check`, `serve` (after each
//! save) and `calendar`: validation and warnings, the publication table (what is public where,
//! `resolve::publication`), links that must follow it, the photos (when the command shows
//! pages), and which sites each error keeps from being built (`resolve::affected`). No command
//! runs these stages in its own way; `serve` passes what it kept from its last rebuild
//! (`Kept`), and each stage reuses it where the result is sure to be the same.

use std::collections::BTreeSet;
use std::path::Path;

use jiff::Zoned;

use crate::diagnostics::{self, Diagnostic};
use crate::features::images::{ImageSet, Memo};
use crate::load::{FailedSource, Project};
use crate::resolve::{Mode, Table};

/// What the loaded project holds besides its sources: the problems found while loading, the
/// sources that failed (with what is known of who would publish them), the units left out.
#[derive(Default)]
pub struct LoadProblems<'a> {
    pub problems: Vec<Diagnostic>,
    pub failed: &'a [FailedSource],
    pub missing_sites: &'a [String],
}

/// Where photos come from and go; `None` for a command that shows no page (`calendar`).
pub struct Photos<'a> {
    pub cache: &'a Path,
    /// `serve` keeps the photos it processed between saves.
    pub memo: Option<&'a Memo>,
}

/// What `serve` kept from its previous rebuild, so that a save redoes the work of the files
/// it changed and not of the whole network (the commands that run once keep nothing).
pub struct Kept<'a> {
    /// Each source's scan for warnings.
    pub warnings: &'a crate::check::Memo,
    /// Each source's link problems.
    pub links: &'a crate::resolve::links::Memo,
    /// The previous table, and the sources (indexes) replaced in place since it was made.
    pub table: Option<(&'a Table, &'a [usize])>,
}

/// The project checked and ready to render.
pub struct Ready {
    pub table: Table,
    pub images: ImageSet,
    /// Every error, each with the sites it keeps out (`Diagnostic::sites`), sorted.
    pub errors: Vec<Diagnostic>,
    /// Problems that do not stop anything, sorted.
    pub warnings: Vec<Diagnostic>,
    /// The sites (indexes into `project.sites`) some error keeps out.
    pub blocked: BTreeSet<usize>,
}

/// Everything that validates the project as a whole (once, not per site); `links`: what
/// `serve` kept of the last link check.
pub fn validate(project: &Project, links: Option<&crate::resolve::links::Memo>) -> Vec<Diagnostic> {
    let mut errors = crate::resolve::links::validate_kept(project, links);
    #[cfg(debug_assertions)]
    if links.is_some() {
        let full = crate::resolve::links::validate(project);
        assert_eq!(
            format!("{errors:?}"),
            format!("{full:?}"),
            "kept link problems differ"
        );
    }
    errors.extend(crate::resolve::reserved_slugs(project));
    errors.extend(crate::resolve::document_types(project));
    errors.extend(crate::render::menu::validate(project));
    errors.extend(crate::render::menu::validate_site_menus(project));
    errors.extend(crate::features::contest::validate(&project.contests));
    errors.extend(crate::features::calendar::validate(project));
    errors.extend(crate::deploy::validate(project));
    errors
}

/// Runs the shared stages on a loaded project at `now`, for `mode`.
pub fn prepare(
    project: &Project,
    loaded: LoadProblems,
    now: &Zoned,
    mode: Mode,
    photos: Option<Photos>,
    kept: Option<Kept>,
) -> Ready {
    let timer = crate::timings::Timer::new();
    let mut errors = loaded.problems;
    errors.extend(validate(project, kept.as_ref().map(|k| k.links)));
    timer.lap("validate");
    let mut warnings = crate::check::warnings_kept(project, now, kept.as_ref().map(|k| k.warnings));
    timer.lap("warnings");
    // After a save that replaced sources in place: the previous table, patched.
    let patched = kept
        .as_ref()
        .and_then(|k| k.table)
        .and_then(|(before, changed)| before.patched(project, now, changed));
    #[cfg(debug_assertions)]
    if let Some(t) = &patched {
        t.assert_same(&Table::new(project, now));
    }
    let table = patched.unwrap_or_else(|| Table::new(project, now));
    timer.lap("table");
    // Whether every source but the replaced ones kept its state everywhere.
    let same_states = kept
        .as_ref()
        .and_then(|k| k.table)
        .is_some_and(|(before, changed)| {
            (0..project.sites.len()).all(|s| table.same_except(before, s, changed))
        });
    let published = crate::resolve::links::check_published_kept(
        project,
        &table,
        mode,
        kept.as_ref().map(|k| k.links),
        same_states,
    );
    #[cfg(debug_assertions)]
    if kept.is_some() {
        let full = crate::resolve::links::check_published(project, &table, mode);
        assert_eq!(
            format!("{published:?}"),
            format!("{full:?}"),
            "kept link problems differ"
        );
    }
    let (link_errors, link_warnings): (Vec<Diagnostic>, Vec<Diagnostic>) =
        published.into_iter().partition(Diagnostic::is_error);
    errors.extend(link_errors);
    warnings.extend(link_warnings);
    timer.lap("links");
    let images = match photos {
        Some(p) => {
            let (images, image_errors) =
                crate::features::images::process_all_partial(project, p.cache, p.memo);
            errors.extend(image_errors);
            images
        }
        None => ImageSet::default(),
    };
    timer.lap("photos");
    let blocked = crate::resolve::affected::attribute(
        project,
        loaded.failed,
        loaded.missing_sites,
        &mut errors,
    );
    diagnostics::sort(&mut errors);
    diagnostics::sort(&mut warnings);
    timer.lap("attribute");
    Ready {
        table,
        images,
        errors,
        warnings,
        blocked,
    }
}
