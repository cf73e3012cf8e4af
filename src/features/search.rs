//! Site search that works offline and without a search server: an index of folded syllables
//! (case, tone marks and their placement, other diacritics and `đ` folded, so "nguoi tot"
//! finds "Người tốt" and "hoà" finds "hòa"), written as a script (`tim-kiem/index.js`) that the
//! search page loads lazily — a `<script>` works even from `file://`, where `fetch` does not.
//! The page's script (theme `static/search.js`) folds queries the same way.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::text::fold;

/// Weights: a word in the title counts more than one in the summary or the text.
const TITLE: u32 = 10;
const SUMMARY: u32 = 3;
const BODY: u32 = 1;
const BODY_CAP: u32 = 3;
/// Characters of text kept per document for snippets.
const EXCERPT: usize = 360;

/// One searchable page.
pub struct Doc<'a> {
    pub title: &'a str,
    pub path: &'a str,
    pub summary: &'a str,
    pub text: &'a str,
    pub date: String,
    pub kind: String,
}

#[derive(Serialize)]
struct DocOut<'a> {
    t: &'a str,
    u: &'a str,
    s: String,
    x: String,
    d: String,
    k: String,
}

#[derive(Serialize)]
struct Index<'a> {
    v: u32,
    docs: Vec<DocOut<'a>>,
    /// Folded word → [[doc, score], …], best first.
    terms: BTreeMap<String, Vec<(usize, u32)>>,
}

/// Folded words of a text (letters and digits; everything else separates).
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold)
}

/// The index as a script: `window.lantoaSearchIndex = {…};`.
pub fn index_script(docs: &[Doc]) -> String {
    // Per word and page: [in title, in summary, times in the text].
    let mut seen: BTreeMap<String, BTreeMap<usize, [u32; 3]>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        for (field, text) in [d.title, d.summary, d.text].into_iter().enumerate() {
            for w in words(text) {
                if w.chars().count() < 2 && !w.chars().all(|c| c.is_ascii_digit()) {
                    continue;
                }
                let counts = seen.entry(w).or_default().entry(i).or_default();
                counts[field] = if field == 2 { counts[field] + 1 } else { 1 };
            }
        }
    }
    // A word in the title outweighs any number of repetitions in the text.
    let terms: BTreeMap<String, BTreeMap<usize, u32>> = seen
        .into_iter()
        .map(|(w, docs)| {
            (
                w,
                docs.into_iter()
                    .map(|(i, [t, s, b])| (i, t * TITLE + s * SUMMARY + b.min(BODY_CAP) * BODY))
                    .collect(),
            )
        })
        .collect();
    let terms = terms
        .into_iter()
        .map(|(t, postings)| {
            let mut v: Vec<(usize, u32)> = postings.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            (t, v)
        })
        .collect();
    let docs = docs
        .iter()
        .map(|d| DocOut {
            t: d.title,
            u: d.path,
            s: crate::text::truncate_chars(d.summary, 200),
            x: crate::text::truncate_chars(
                &d.text.split_whitespace().collect::<Vec<_>>().join(" "),
                EXCERPT,
            ),
            d: d.date.clone(),
            k: d.kind.clone(),
        })
        .collect();
    let json = serde_json::to_string(&Index { v: 1, docs, terms }).unwrap_or_else(|_| "{}".into());
    format!("window.lantoaSearchIndex={};\n", json.replace("</", "<\\/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_words() {
        let w: Vec<String> = words("Người tốt, việc tốt – Đoàn TNCS").collect();
        assert_eq!(w, vec!["nguoi", "tot", "viec", "tot", "doan", "tncs"]);
    }

    #[test]
    fn titles_score_higher_than_text() {
        let docs = [
            Doc {
                title: "Hoà nhập",
                path: "a/",
                summary: "",
                text: "",
                date: String::new(),
                kind: String::new(),
            },
            Doc {
                title: "Khác",
                path: "b/",
                summary: "",
                text: "hòa bình",
                date: String::new(),
                kind: String::new(),
            },
        ];
        let s = index_script(&docs);
        let json: serde_json::Value = serde_json::from_str(
            s.trim_start_matches("window.lantoaSearchIndex=")
                .trim_end_matches(";\n"),
        )
        .unwrap();
        assert_eq!(json["terms"]["hoa"], serde_json::json!([[0, 10], [1, 1]]));
    }

    /// The fold fixture shared with the browser test of `search.js`.
    #[test]
    fn fold_fixture() {
        let fixture: Vec<(String, String)> =
            serde_json::from_str(include_str!("../../tests/fold-fixture.json")).unwrap();
        for (input, folded) in fixture {
            assert_eq!(fold(&input), folded, "{input}");
        }
    }
}
