//! The practice quiz ("Ôn tập"): the multiple-choice `questions` of the primers a site
//! publishes, as data for a small script that runs in the browser, offline.

use serde::Serialize;

use crate::load::Project;
use crate::resolve::{Publication, SiteBuild};

#[derive(Debug, Serialize, PartialEq)]
pub struct QuizItem {
    pub q: String,
    pub choices: Vec<String>,
    /// Index of the right choice, from 0.
    pub answer: usize,
    pub explain: String,
    pub primer_title: String,
    /// Path of the primer relative to the site root.
    pub primer_path: String,
}

/// Every question of the site's published primers, in the primers' order.
pub fn items(project: &Project, build: &SiteBuild, preview: bool) -> Vec<QuizItem> {
    build
        .pages
        .iter()
        .filter(|p| preview || p.visibility == Publication::Published)
        .filter_map(|p| {
            let src = &project.sources[p.source];
            src.meta.primer.as_ref().map(|primer| (p, src, primer))
        })
        .flat_map(|(p, src, primer)| {
            primer.questions.iter().map(move |q| QuizItem {
                q: q.q.clone(),
                choices: q.choices.clone(),
                answer: q.answer.saturating_sub(1),
                explain: q.explain.clone(),
                primer_title: src.meta.title.clone(),
                primer_path: p.path.clone(),
            })
        })
        .collect()
}

/// The quiz data as JSON safe to embed in a `<script type="application/json">` element.
pub fn json(items: &[QuizItem]) -> String {
    serde_json::to_string(items)
        .unwrap_or_else(|_| "[]".into())
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}
