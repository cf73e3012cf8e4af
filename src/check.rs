//! Warnings: what `build` publishes anyway but an editor should look at — a post in review
//! for more than 14 days, personal data in published text (phone numbers other than the
//! units' own contacts, e-mail addresses, 12-digit citizen ID numbers), `http://` links, a
//! primer whose law is no longer in force, a primer not reviewed for over a year. `serve`
//! keeps each source's scan of its text (`Memo`) between saves, so a save scans the changed
//! file alone; what depends on the time is decided again at every save.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, PoisonError};

use jiff::{ToSpan, Zoned};
use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::load::frontmatter::{Kind, Status};
use crate::load::{Project, Source};
use crate::messages::Problem;

/// Days a post may wait in review before a warning.
pub const REVIEW_DAYS: i64 = 14;

/// Every warning of the project at `now`.
pub fn warnings(project: &Project, now: &Zoned) -> Vec<Diagnostic> {
    warnings_kept(project, now, None)
}

/// What a source's text says whatever the time (`scan`), kept per source by `serve`: the
/// entry of a source stays valid while the project holds the very same parsed source (a save
/// re-parses a file into a new one) and the network's settings the scan reads are unchanged.
#[derive(Default)]
pub struct Memo(Mutex<MemoState>);

#[derive(Default)]
struct MemoState {
    /// What the scans read outside the source: the units' contacts, `editor_words`,
    /// `max_attachment_mb`.
    context: Option<(BTreeSet<String>, Vec<String>, u64)>,
    /// By the address of the source, with the source itself (so the address is not reused).
    scans: HashMap<usize, (Arc<Source>, Arc<Scan>)>,
}

/// `warnings`, reusing the scans `memo` kept and keeping the new ones.
pub fn warnings_kept(project: &Project, now: &Zoned, memo: Option<&Memo>) -> Vec<Diagnostic> {
    let contacts = unit_contacts(project);
    let words = editor_words(project);
    let context = (
        contacts.clone(),
        words.clone(),
        project.network.max_attachment_mb,
    );
    let mut state =
        memo.map(|m| std::mem::take(&mut *m.0.lock().unwrap_or_else(PoisonError::into_inner)));
    if let Some(st) = &mut state
        && st.context.as_ref() != Some(&context)
    {
        st.scans.clear();
    }
    let known = |src: &Arc<Source>| {
        let (kept, scan) = state.as_ref()?.scans.get(&(Arc::as_ptr(src) as usize))?;
        Arc::ptr_eq(kept, src).then(|| scan.clone())
    };
    let mut out = crate::resolve::links::unverified_articles(project);
    // Each source on its own, in parallel; the warnings stay in the order of the sources.
    let per_source: Vec<(Arc<Scan>, Vec<Diagnostic>)> = project
        .sources
        .par_iter()
        .map(|src| {
            let scan =
                known(src).unwrap_or_else(|| Arc::new(scan(project, src, &contacts, &words)));
            let warnings = source_warnings(project, src, &scan, now);
            (scan, warnings)
        })
        .collect();
    if let (Some(memo), Some(mut st)) = (memo, state) {
        st.context = Some(context);
        st.scans = project
            .sources
            .iter()
            .zip(&per_source)
            .map(|(src, (scan, _))| (Arc::as_ptr(src) as usize, (src.clone(), scan.clone())))
            .collect();
        *memo.0.lock().unwrap_or_else(PoisonError::into_inner) = st;
    }
    out.extend(per_source.into_iter().flat_map(|(_, w)| w));
    for c in &project.contests {
        if c.fm
            .status
            .as_ref()
            .is_some_and(|s| s.value == Status::Draft)
        {
            continue;
        }
        let fm = &c.fm;
        let line = c.yaml_line;
        let texts = [
            (
                fm.title.as_ref().map(|t| t.value.as_str()).unwrap_or(""),
                line,
            ),
            (fm.summary.as_deref().unwrap_or(""), line),
            (fm.organizer.as_deref().unwrap_or(""), line),
            (
                fm.contact
                    .as_ref()
                    .and_then(|c| c.name.as_deref())
                    .unwrap_or(""),
                line,
            ),
        ];
        editor_text(&words, &c.file, &texts, &c.body, &mut out);
    }
    out
}

/// The warnings of one source's text that do not depend on the time.
pub struct Scan {
    /// Personal data, editor words and `http://` links.
    text: Vec<Diagnostic>,
    /// Attachments over the size limit.
    attachments: Vec<Diagnostic>,
}

fn scan(project: &Project, src: &Source, contacts: &BTreeSet<String>, words: &[String]) -> Scan {
    let mut text = Vec::new();
    if src.meta.status != Status::Draft {
        personal_data(src, contacts, &mut text);
        let texts = [
            (src.meta.title.as_str(), src.meta.lines.title),
            (
                src.meta.summary.as_deref().unwrap_or(""),
                src.meta.lines.title,
            ),
        ];
        editor_text(words, &src.file, &texts, &src.body, &mut text);
    }
    for (url, line) in &src.body.external_links {
        if url.to_ascii_lowercase().starts_with("http://") {
            text.push(Diagnostic::warning(
                &src.file,
                *line,
                Problem::InsecureLink { url: url.clone() },
            ));
        }
    }
    let mut attachments = Vec::new();
    large_attachments(project, src, &mut attachments);
    Scan { text, attachments }
}

/// The warnings of one source file at `now`, its `scan` in place.
fn source_warnings(project: &Project, src: &Source, scan: &Scan, now: &Zoned) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    review_age(src, now, &mut out);
    out.extend(scan.text.iter().cloned());
    if src.kind == Kind::Primer {
        primer_currency(project, src, now, &mut out);
    }
    out.extend(scan.attachments.iter().cloned());
    out
}

/// network.yaml's `editor_words`, lowercased, without blank ones.
fn editor_words(project: &Project) -> Vec<String> {
    project
        .network
        .editor_words
        .iter()
        .map(|w| w.to_lowercase())
        .filter(|w| !w.trim().is_empty())
        .collect()
}

/// Front-matter field names that must not reach a reader (whole ASCII words).
const FIELD_NAMES: &[&str] = &[
    "approved_by",
    "verified_by",
    "deed_date",
    "replaced_by",
    "draft",
    "review",
    "approved",
    "status",
    "reviewed",
    "expires",
];

/// The length of the shortest of `FIELD_NAMES`.
const FIELD_NAME_MIN: usize = 5;

/// Field names and `editor_words` in a published text: each front-matter string at its line,
/// the body at the line of each hit.
fn editor_text(
    words: &[String],
    file: &std::path::Path,
    texts: &[(&str, usize)],
    body: &crate::load::markdown::Rendered,
    out: &mut Vec<Diagnostic>,
) {
    let mut scan = |text: &str, line_of: &dyn Fn(usize) -> usize| {
        for token in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
            let start = token.as_ptr() as usize - text.as_ptr() as usize;
            // Most tokens are shorter than any field name: skip the list for them.
            if token.len() >= FIELD_NAME_MIN && FIELD_NAMES.contains(&token) {
                out.push(Diagnostic::warning(
                    file,
                    line_of(start),
                    Problem::EditorText {
                        found: token.to_string(),
                        field: true,
                    },
                ));
            }
        }
        if words.is_empty() {
            return;
        }
        let lower = text.to_lowercase();
        for w in words {
            if let Some(i) = lower.find(w.as_str()) {
                out.push(Diagnostic::warning(
                    file,
                    line_of(i.min(text.len())),
                    Problem::EditorText {
                        found: w.clone(),
                        field: false,
                    },
                ));
            }
        }
    };
    for (text, line) in texts {
        scan(text, &|_| *line);
    }
    scan(&body.text, &|offset| body.line_at(offset));
}

fn review_age(src: &Source, now: &Zoned, out: &mut Vec<Diagnostic>) {
    if src.meta.status != Status::Review {
        return;
    }
    // Front matter does not say when the post went to review: the last save tells.
    let path = std::path::Path::new(&src.dir).join(src.file.file_name().unwrap_or_default());
    let Some(saved) = std::fs::metadata(&path).and_then(|m| m.modified()).ok() else {
        return;
    };
    let Ok(saved) = jiff::Timestamp::try_from(saved) else {
        return;
    };
    let days = (now.timestamp().as_second() - saved.as_second()) / 86_400;
    if days > REVIEW_DAYS {
        out.push(Diagnostic::warning(
            &src.file,
            src.meta.lines.status,
            Problem::LongInReview { days },
        ));
    }
}

/// Digits of every phone number and every e-mail written in any `site.yaml`: a unit's own
/// contacts may appear anywhere.
fn unit_contacts(project: &Project) -> BTreeSet<String> {
    let mut set = BTreeSet::new();
    for s in &project.sites {
        let c = &s.config;
        for v in [&c.phone, &c.hotline].into_iter().flatten() {
            set.insert(digits(v));
        }
        if let Some(e) = &c.email {
            set.insert(e.to_lowercase());
        }
    }
    set
}

fn digits(s: &str) -> String {
    let d: String = s.chars().filter(char::is_ascii_digit).collect();
    d.strip_prefix("84").map(|r| format!("0{r}")).unwrap_or(d)
}

fn personal_data(src: &Source, contacts: &BTreeSet<String>, out: &mut Vec<Diagnostic>) {
    let text = &src.body.text;
    let line_at = |offset: usize| src.body.line_at(offset);
    for (offset, number) in digit_runs(text) {
        let d = digits(&number);
        if d.len() == 12 && !number.contains([' ', '.', '-']) {
            out.push(Diagnostic::warning(
                &src.file,
                line_at(offset),
                Problem::PersonalData {
                    what: "số căn cước".into(),
                    sample: mask(&number),
                },
            ));
        } else if is_phone(&d) && !contacts.contains(&d) {
            out.push(Diagnostic::warning(
                &src.file,
                line_at(offset),
                Problem::PersonalData {
                    what: "số điện thoại".into(),
                    sample: mask(&number),
                },
            ));
        }
    }
    for (offset, email) in emails(text) {
        if !contacts.contains(&email.to_lowercase()) {
            out.push(Diagnostic::warning(
                &src.file,
                line_at(offset),
                Problem::PersonalData {
                    what: "email".into(),
                    sample: email,
                },
            ));
        }
    }
}

/// Vietnamese phone numbers: 10 digits from 0 (mobile 03/05/07/08/09, landline 02), or +84.
fn is_phone(d: &str) -> bool {
    d.len() == 10
        && d.starts_with('0')
        && matches!(d.as_bytes()[1], b'2' | b'3' | b'5' | b'7' | b'8' | b'9')
}

fn mask(s: &str) -> String {
    let n = s.chars().count();
    s.chars()
        .enumerate()
        .map(|(i, c)| {
            if i + 3 < n && c.is_ascii_digit() && i > 2 {
                '•'
            } else {
                c
            }
        })
        .collect()
}

/// Runs of digits, allowing single spaces, dots or dashes inside (`0912 345 678`, `0912.345.678`),
/// each with its byte offset in `text`.
fn digit_runs(text: &str) -> Vec<(usize, String)> {
    let mut runs = Vec::new();
    let (offsets, chars): (Vec<usize>, Vec<char>) = text.char_indices().unzip();
    let mut i = 0;
    while i < chars.len() {
        let starts = (chars[i].is_ascii_digit()
            || (chars[i] == '+' && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
            && (i == 0 || !chars[i - 1].is_alphanumeric());
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        // A digit, or one separator between two digits.
        let continues = |j: usize| {
            chars[j].is_ascii_digit()
                || (matches!(chars[j], ' ' | '.' | '-')
                    && chars.get(j + 1).is_some_and(char::is_ascii_digit)
                    && chars[j - 1].is_ascii_digit())
        };
        while j < chars.len() && continues(j) {
            j += 1;
        }
        let run: String = chars[i..j].iter().collect();
        if run.chars().filter(char::is_ascii_digit).count() >= 9 {
            runs.push((offsets[i], run));
        }
        i = j;
    }
    runs
}

/// The e-mail addresses of `text`, each with its byte offset.
fn emails(text: &str) -> Vec<(usize, String)> {
    let is_part = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+');
    let mut found = Vec::new();
    for (at, _) in text.match_indices('@') {
        let local: String = text[..at]
            .chars()
            .rev()
            .take_while(|c| is_part(*c))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let domain: String = text[at + 1..].chars().take_while(|c| is_part(*c)).collect();
        let domain = domain.trim_end_matches('.');
        if !local.is_empty() && domain.contains('.') {
            found.push((at - local.len(), format!("{local}@{domain}")));
        }
    }
    found
}

fn primer_currency(project: &Project, src: &Source, now: &Zoned, out: &mut Vec<Diagnostic>) {
    let Some(primer) = &src.meta.primer else {
        return;
    };
    let today = now.date();
    if let Some(law) = project.laws.get(&primer.law)
        && !primer.historical
    {
        let title = |id: &str| {
            project
                .laws
                .get(id)
                .map(|r| r.full_title())
                .unwrap_or_default()
        };
        if law.repealed.is_some_and(|r| r <= today) {
            out.push(Diagnostic::warning(
                &src.file,
                src.meta.lines.law,
                Problem::LawNotInForce {
                    law: law.full_title(),
                    replaced_by: law
                        .config
                        .replaced_by
                        .as_deref()
                        .map(title)
                        .unwrap_or_default(),
                },
            ));
        } else {
            for part in law.parts_replaced_on(today) {
                let replaced: Vec<&str> = primer
                    .articles
                    .iter()
                    .filter(|a| part.articles.contains(a))
                    .map(String::as_str)
                    .collect();
                if !replaced.is_empty() {
                    out.push(Diagnostic::warning(
                        &src.file,
                        src.meta.lines.law,
                        Problem::LawArticlesReplaced {
                            law: law.full_title(),
                            articles: replaced.join(", "),
                            replaced_by: title(&part.by),
                        },
                    ));
                }
            }
        }
    }
    let year_ago = today.checked_sub(1.year()).unwrap_or(today);
    match &primer.reviewed {
        Some(r) if r.date() >= year_ago => {}
        Some(r) => out.push(Diagnostic::warning(
            &src.file,
            src.meta.lines.reviewed,
            Problem::ReviewOutdated {
                reviewed: crate::dates::vi_short(r),
            },
        )),
        // No `reviewed:` written: the front matter it belongs in.
        None => out.push(Diagnostic::warning(
            &src.file,
            src.meta.lines.reviewed,
            Problem::ReviewOutdated {
                reviewed: String::new(),
            },
        )),
    }
}

/// Attachments above network.yaml's `max_attachment_mb` (school hosting is small).
fn large_attachments(project: &Project, src: &crate::load::Source, out: &mut Vec<Diagnostic>) {
    let limit_mb = project.network.max_attachment_mb;
    for a in &src.attachments {
        if a.size > limit_mb.saturating_mul(1024 * 1024) {
            out.push(Diagnostic::warning(
                &src.file,
                a.line,
                Problem::LargeAttachment {
                    src: a.name.clone(),
                    size: crate::text::file_size(a.size),
                    limit_mb,
                },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_name_min_is_the_shortest_field_name() {
        assert_eq!(
            FIELD_NAMES.iter().map(|n| n.len()).min(),
            Some(FIELD_NAME_MIN)
        );
    }

    #[test]
    fn finds_phones_ids_and_emails() {
        let runs =
            digit_runs("Gọi 0912 345 678 hoặc 0912.345.678, CCCD 001203004567, năm 2026, 10/3.");
        let runs: Vec<&str> = runs.iter().map(|(_, r)| r.as_str()).collect();
        assert_eq!(runs, vec!["0912 345 678", "0912.345.678", "001203004567"]);
        assert!(is_phone(&digits("0912 345 678")));
        assert!(is_phone(&digits("+84 912 345 678")));
        assert!(!is_phone(&digits("001203004567")));
        assert_eq!(
            emails("viết cho an.nguyen@gmail.com."),
            vec![(11, "an.nguyen@gmail.com".to_string())]
        );
        assert!(emails("@ một mình, a@b").is_empty());
    }
}
