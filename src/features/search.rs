//! Site search that works offline and without a search server: an index of folded words
//! (case, tone marks and their placement, other diacritics and `đ` folded, so "nguoi tot"
//! finds "Người tốt" and "hoà" finds "hòa"), written as a script (`tim-kiem/index.js`) that the
//! search page loads lazily — a `<script>` works even from `file://`, where `fetch` does not.
//! The page's script (theme `static/search.js`) folds queries the same way.
//!
//! Each source's words are counted once, at load (`load::search::SearchTerms`); a site's index
//! only merges the counts of the pages it publishes.

use std::collections::HashMap;
use std::fmt::Write as _;

pub use crate::load::search::{SearchTerms, words};

/// The search data of every source, prepared once for all sites: a dictionary of words (in
/// sorted order, so output is reproducible), each source's (word id, score) pairs, and each
/// source's entry in the `docs` array, already serialised.
pub struct Corpus {
    words: Vec<String>,
    postings: Vec<Vec<(u32, u32)>>,
    docs: Vec<String>,
    /// Sites publishing exactly the same pages (schools showing only what is shared down to
    /// them) get the same index: made once.
    made: std::sync::Mutex<HashMap<Vec<usize>, std::sync::Arc<String>>>,
}

/// What a page shows in the results.
#[derive(Clone)]
pub struct DocInfo<'a> {
    pub title: &'a str,
    pub path: &'a str,
    pub summary: &'a str,
    pub date: String,
    pub kind: String,
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

impl Corpus {
    /// `sources[i]` is the (terms, result entry) of source `i`.
    pub fn new(sources: &[(&SearchTerms, DocInfo)]) -> Corpus {
        let unique: std::collections::HashSet<&str> = sources
            .iter()
            .flat_map(|(t, _)| t.0.iter().map(|(w, ..)| w.as_str()))
            .collect();
        let mut words: Vec<&str> = unique.into_iter().collect();
        words.sort_unstable();
        let ids: HashMap<&str, u32> = words
            .iter()
            .enumerate()
            .map(|(i, w)| (*w, i as u32))
            .collect();
        let postings = sources
            .iter()
            .map(|(t, _)| {
                t.0.iter()
                    .enumerate()
                    .map(|(k, (w, ..))| (ids[w.as_str()], t.score(k)))
                    .collect()
            })
            .collect();
        let docs = sources
            .iter()
            .map(|(_, d)| {
                let summary = crate::text::truncate_chars(d.summary, 200);
                format!(
                    "{{\"t\":{},\"u\":{},\"s\":{},\"d\":{},\"k\":{}}}",
                    json_str(d.title),
                    json_str(d.path),
                    json_str(&summary),
                    json_str(&d.date),
                    json_str(&d.kind)
                )
            })
            .collect();
        Corpus {
            words: words.into_iter().map(str::to_string).collect(),
            postings,
            docs,
            made: Default::default(),
        }
    }

    /// The index of a site publishing these sources, as a script:
    /// `window.lantoaSearchIndex = {"v":2,"docs":[…],"terms":{word: [doc, score, doc, score, …]}}`
    /// with postings best first.
    pub fn index_script(&self, sources: &[usize]) -> std::sync::Arc<String> {
        if let Some(done) = self.made.lock().ok().and_then(|m| m.get(sources).cloned()) {
            return done;
        }
        let script = std::sync::Arc::new(self.build_script(sources));
        if let Ok(mut m) = self.made.lock() {
            m.insert(sources.to_vec(), script.clone());
        }
        script
    }

    fn build_script(&self, sources: &[usize]) -> String {
        let mut by_word: Vec<Vec<(u32, u32)>> = vec![Vec::new(); self.words.len()];
        for (doc, &src) in sources.iter().enumerate() {
            for &(word, score) in &self.postings[src] {
                by_word[word as usize].push((doc as u32, score));
            }
        }
        let mut out = String::with_capacity(64 * sources.len() + 12 * self.words.len());
        out.push_str("window.lantoaSearchIndex={\"v\":2,\"docs\":[");
        for (i, &src) in sources.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&self.docs[src]);
        }
        out.push_str("],\"terms\":{");
        let mut first = true;
        for (word, mut postings) in self.words.iter().zip(by_word) {
            if postings.is_empty() {
                continue;
            }
            postings.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            if !first {
                out.push(',');
            }
            first = false;
            out.push_str(&json_str(word));
            out.push_str(":[");
            for (j, (doc, score)) in postings.iter().enumerate() {
                if j > 0 {
                    out.push(',');
                }
                let _ = write!(out, "{doc},{score}");
            }
            out.push(']');
        }
        out.push_str("}};\n");
        out.replace("</", "<\\/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    #[test]
    fn folded_words() {
        assert_eq!(
            words("Người tốt, việc tốt – Đoàn TNCS"),
            vec!["nguoi", "tot", "viec", "tot", "doan", "tncs"]
        );
    }

    #[test]
    fn titles_score_higher_than_repeated_text() {
        let a = SearchTerms::new("Hoà nhập", "", "");
        let b = SearchTerms::new("Khác", "", "hòa bình hòa hòa hòa hòa");
        let info = |title, path| DocInfo {
            title,
            path,
            summary: "",
            date: String::new(),
            kind: String::new(),
        };
        let corpus = Corpus::new(&[(&a, info("Hoà nhập", "a/")), (&b, info("Khác", "b/"))]);
        let s = corpus.index_script(&[0, 1]);
        let json: serde_json::Value = serde_json::from_str(
            s.trim_start_matches("window.lantoaSearchIndex=")
                .trim_end_matches(";\n"),
        )
        .unwrap();
        assert_eq!(json["terms"]["hoa"], serde_json::json!([0, 10, 1, 3]));
        assert_eq!(json["docs"][1]["u"], "b/");
        let only_b = corpus.index_script(&[1]);
        assert!(
            !only_b.contains("nhap"),
            "a site's index holds only its own pages' words"
        );
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
