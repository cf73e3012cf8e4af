//! Site search that works offline and without a search server: an index of folded words
//! (case, tone marks and their placement, other diacritics and `đ` folded, so "nguoi tot"
//! finds "Người tốt" and "hoà" finds "hòa"), split so that a query downloads only what it
//! needs (as Pagefind does): `tim-kiem/index.js`, a small manifest; `tim-kiem/c/N.js`, the
//! chunks of the sorted vocabulary with their postings; `tim-kiem/d/N.js`, the result entries
//! (a file per page; one file for a small site). Every file is a script calling `lantoaSearch(kind, n, data)` — a `<script>` works
//! even from `file://`, where `fetch` does not. The page's script (theme `static/search.js`)
//! folds queries the same way, adds the phrase and title boosts and orders the results.
//!
//! What can be computed at build time is: each (word, page) score is BM25 per field, weighted
//! (title ≫ summary, tags and kind > text), against the pages the site publishes. Each
//! source's words are counted once, at load (`load::search::SearchTerms`).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

pub use crate::load::search::SearchTerms;
use crate::load::search::write_pair_key;
use crate::load::search::{Counts, FIELDS};

/// Weight of a field: a word in the title counts far more than one in the summary, tags or
/// kind of page, which count more than one in the text.
const WEIGHT: [f64; FIELDS] = [5.0, 2.0, 1.0];
/// BM25 length normalisation per field, and the saturation of repeated words.
const B: [f64; FIELDS] = [0.5, 0.6, 0.75];
const K1: f64 = 1.2;
/// Scores are written as integers: the score times this.
const SCALE: f64 = 2.0;
/// A chunk is closed once its text passes a target (a word's postings never split): about a
/// 64th of the index, between these bounds — small sites get small chunks, and a big site's
/// manifest stays small.
const CHUNK_BYTES: (usize, usize) = (4_000, 16_000);
const CHUNKS: usize = 64;
/// A site whose result entries weigh no more than this together (a school of about 150
/// pages; some 16 KB gzipped) gets them in one file: one request instead of twenty on a
/// slow phone, and one file to upload instead of one per page. A bigger one gets a file per
/// page, so a query loads only the results it shows.
const ENTRIES_TOGETHER: usize = 64_000;

/// The search data of every source, prepared once for all sites: the vocabulary in the
/// index's sorted order (so output is reproducible) — first the pairs of words (their key
/// `" a b"` starts with a space), then the words —, each source's (term, counts), field
/// lengths, and each source's result entry, already serialised.
pub struct Corpus {
    /// The distinct words, sorted.
    words: Vec<String>,
    /// The distinct pairs, as the numbers of their words in `words`, sorted: since words hold
    /// only letters and digits (all above a space), this is the order of their keys.
    pairs: Vec<[u32; 2]>,
    /// Per source: (term, counts); term `t` is pair `t` below `pairs.len()`, else word
    /// `t - pairs.len()`.
    postings: Vec<Box<[(u32, Counts)]>>,
    len: Vec<[u16; FIELDS]>,
    docs: Vec<String>,
    /// Sites publishing exactly the same pages, none of their own (schools showing only what
    /// is shared down to them), get the same index: made once.
    made: Mutex<Made>,
}

/// The postings of a site's pages by term (see `Corpus::by_term`).
struct ByTerm {
    terms: Vec<u32>,
    start: Vec<u32>,
    entries: Vec<(u32, u32)>,
}

/// One term's text in a chunk (see `Corpus::term_json`).
struct TermJson {
    postings: String,
    titles: Option<String>,
}

/// Indexes made, by the (source, own) list they were made for.
type Made = HashMap<Vec<(usize, bool)>, Arc<IndexFiles>>;

/// The files of one site's index: (path below the search page's folder, bytes).
pub type IndexFiles = Vec<(String, Vec<u8>)>;

/// What a page shows in the results.
#[derive(Clone)]
pub struct DocInfo<'a> {
    pub title: &'a str,
    pub path: &'a str,
    pub summary: &'a str,
    pub date: String,
    /// The kind of page as readers name it; also searched, with the summary.
    pub kind: String,
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// A script calling the page's `lantoaSearch(kind, n, data)`.
fn script(kind: &str, n: usize, data: &str) -> Vec<u8> {
    format!("lantoaSearch(\"{kind}\",{n},{data});\n")
        .replace("</", "<\\/")
        .into_bytes()
}

/// BM25's length normalisation of a page's fields against the site's average lengths.
fn norms(len: &[u16; FIELDS], avg: &[f64; FIELDS]) -> [f64; FIELDS] {
    std::array::from_fn(|f| 1.0 - B[f] + B[f] * f64::from(len[f]) / avg[f])
}

/// The score of a term in a page: BM25 per field, weighted (`norm`: the page's `norms`).
fn score(tf: &[u16; FIELDS], norm: &[f64; FIELDS], idf: f64) -> u32 {
    let s: f64 = (0..FIELDS)
        .filter(|&f| tf[f] > 0)
        .map(|f| {
            let tf = f64::from(tf[f]);
            WEIGHT[f] * tf * (K1 + 1.0) / (tf + K1 * norm[f])
        })
        .sum();
    ((idf * s * SCALE).round() as u32).max(1)
}

/// Words, numbered in the order first met, then ranked in sorted order.
#[derive(Default)]
struct Vocabulary<'t> {
    ids: FxHashMap<&'t str, u32>,
    words: Vec<&'t str>,
}

impl<'t> Vocabulary<'t> {
    /// The number of each word of `terms`, in the order of `terms.words()`.
    fn add(&mut self, terms: &'t SearchTerms) -> Vec<u32> {
        terms
            .words()
            .map(|(w, _)| {
                let next = self.words.len() as u32;
                let id = *self.ids.entry(w).or_insert(next);
                if id == next {
                    self.words.push(w);
                }
                id
            })
            .collect()
    }

    /// The words sorted, and the rank of each word number.
    fn sorted(self) -> (Vec<String>, Vec<u32>) {
        let mut order: Vec<u32> = (0..self.words.len() as u32).collect();
        order.par_sort_unstable_by_key(|&i| self.words[i as usize]);
        let mut rank = vec![0u32; order.len()];
        for (r, &i) in order.iter().enumerate() {
            rank[i as usize] = r as u32;
        }
        let words = order
            .iter()
            .map(|&i| self.words[i as usize].to_string())
            .collect();
        (words, rank)
    }
}

/// A source's (or a label's) words as ranks, and its pairs as pairs of ranks.
struct Ranked<'t> {
    terms: &'t SearchTerms,
    words: Vec<u32>,
}

impl Ranked<'_> {
    fn pair(&self, [a, b]: [u32; 2]) -> [u32; 2] {
        [self.words[a as usize], self.words[b as usize]]
    }
}

impl Corpus {
    /// `sources[i]` is the (terms, result entry) of source `i`.
    pub fn new(sources: &[(&SearchTerms, DocInfo)]) -> Corpus {
        let mut labels: HashMap<&str, SearchTerms> = HashMap::new();
        for (_, d) in sources {
            labels
                .entry(d.kind.as_str())
                .or_insert_with(|| SearchTerms::label(&d.kind));
        }
        let mut vocabulary = Vocabulary::default();
        let mut source_ids: Vec<Vec<u32>> =
            sources.iter().map(|(t, _)| vocabulary.add(t)).collect();
        let mut label_ids: HashMap<&str, (Vec<u32>, &SearchTerms)> = labels
            .iter()
            .map(|(k, t)| (*k, (vocabulary.add(t), t)))
            .collect();
        let (words, rank) = vocabulary.sorted();
        let to_rank = |ids: &mut Vec<u32>| ids.iter_mut().for_each(|i| *i = rank[*i as usize]);
        source_ids.par_iter_mut().for_each(to_rank);
        label_ids.values_mut().for_each(|(ids, _)| to_rank(ids));
        let ranked: Vec<Ranked> = sources
            .iter()
            .zip(source_ids)
            .map(|((terms, _), words)| Ranked { terms, words })
            .collect();
        let labels: HashMap<&str, Ranked> = label_ids
            .into_iter()
            .map(|(k, (words, terms))| (k, Ranked { terms, words }))
            .collect();

        let mut pair_set: rustc_hash::FxHashSet<[u32; 2]> = Default::default();
        for r in ranked.iter().chain(labels.values()) {
            pair_set.extend(r.terms.pairs().map(|(p, _)| r.pair(p)));
        }
        let mut pairs: Vec<[u32; 2]> = pair_set.into_iter().collect();
        pairs.par_sort_unstable();
        let pair_ids: FxHashMap<[u32; 2], u32> = pairs
            .iter()
            .enumerate()
            .map(|(i, p)| (*p, i as u32))
            .collect();
        let first_word = pairs.len() as u32;
        let postings_of = |r: &Ranked| -> Vec<(u32, Counts)> {
            let words = r.words.iter().zip(r.terms.words());
            words
                .map(|(rank, (_, c))| (first_word + rank, *c))
                .chain(r.terms.pairs().map(|(p, c)| (pair_ids[&r.pair(p)], c)))
                .collect()
        };
        let label_postings: HashMap<&str, Vec<(u32, Counts)>> =
            labels.iter().map(|(k, r)| (*k, postings_of(r))).collect();
        let postings = ranked
            .par_iter()
            .zip(sources)
            .map(|(r, (_, d))| {
                let mut own = postings_of(r);
                for (term, counts) in &label_postings[d.kind.as_str()] {
                    match own.iter_mut().find(|(t, _)| t == term) {
                        Some((_, c)) => c.merge(counts),
                        None => own.push((*term, *counts)),
                    }
                }
                own.into_boxed_slice()
            })
            .collect();
        let len = sources
            .iter()
            .map(|(t, d)| {
                let mut len = t.len;
                for (l, more) in len.iter_mut().zip(labels[d.kind.as_str()].terms.len) {
                    *l = l.saturating_add(more);
                }
                len
            })
            .collect();
        let docs = sources
            .par_iter()
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
            words,
            pairs,
            postings,
            len,
            docs,
            made: Default::default(),
        }
    }

    /// How many terms (pairs and words) the vocabulary has.
    fn terms(&self) -> usize {
        self.pairs.len() + self.words.len()
    }

    /// Writes term `t`'s key: `word` or ` a b` (see `write_pair_key`).
    fn write_key(&self, out: &mut String, t: u32) {
        match self.pairs.get(t as usize) {
            Some([a, b]) => write_pair_key(out, &self.words[*a as usize], &self.words[*b as usize]),
            None => out.push_str(&self.words[t as usize - self.pairs.len()]),
        }
    }

    /// The index of a site publishing these sources (`(source, written by the site itself)`):
    /// its files, relative to the search page's folder.
    ///
    /// - `index.js`: `{"v":3,"n":pages,"own":K,"g":g,"chunks":[first term of each chunk…]}`; pages
    ///   are numbered the site's own first (`0..K`), so a lower number wins a tie.
    /// - `c/N.js`: `{"w":{term:[page,score,…]},"t":{word:[page,title positions,…]}}`, pages
    ///   as differences from the previous one; a term is a word or `" a b"`, two words that
    ///   follow each other; title positions are bits (bit `i`: the title's `i`-th word).
    /// - `d/N.js`: the results of pages `N×g … N×g+g-1`, `[{"t":title,"u":path,"s":summary,
    ///   "d":date,"k":kind}, …]`; `g` (in the manifest) is 1, or every page for a small site.
    pub fn index_files(&self, sources: &[(usize, bool)]) -> Arc<IndexFiles> {
        // A site with pages of its own is the only one publishing them: its index is never
        // made twice, so it is not kept (a province would keep hundreds).
        if sources.iter().any(|s| s.1) {
            return Arc::new(self.build_files(sources));
        }
        if let Some(done) = self.made.lock().ok().and_then(|m| m.get(sources).cloned()) {
            return done;
        }
        let files = Arc::new(self.build_files(sources));
        if let Ok(mut m) = self.made.lock() {
            m.insert(sources.to_vec(), files.clone());
        }
        files
    }

    /// The terms the pages of `order` hold, in order, and for each the (page, posting) pairs
    /// of the pages holding it (`entries[start[i]..start[i + 1]]` for `terms[i]`; pages in
    /// order within a term). A site with many pages gets a counting sort over the whole
    /// vocabulary; a small one (a school among hundreds) sorts its own postings instead.
    fn by_term(&self, order: &[usize]) -> ByTerm {
        let total: usize = order.iter().map(|&s| self.postings[s].len()).sum();
        if total * 8 < self.terms() {
            self.by_term_sorted(order, total)
        } else {
            self.by_term_counting(order, total)
        }
    }

    fn by_term_counting(&self, order: &[usize], total: usize) -> ByTerm {
        let mut start = vec![0u32; self.terms() + 1];
        for &src in order {
            for (t, _) in self.postings[src].iter() {
                start[*t as usize + 1] += 1;
            }
        }
        for i in 1..start.len() {
            start[i] += start[i - 1];
        }
        let mut next = start.clone();
        let mut entries = vec![(0u32, 0u32); total];
        for (doc, &src) in order.iter().enumerate() {
            for (k, (t, _)) in self.postings[src].iter().enumerate() {
                let at = &mut next[*t as usize];
                entries[*at as usize] = (doc as u32, k as u32);
                *at += 1;
            }
        }
        let terms: Vec<u32> = (0..self.terms() as u32)
            .filter(|&t| start[t as usize] < start[t as usize + 1])
            .collect();
        let start = terms
            .iter()
            .map(|&t| start[t as usize])
            .chain([total as u32])
            .collect();
        ByTerm {
            terms,
            start,
            entries,
        }
    }

    fn by_term_sorted(&self, order: &[usize], total: usize) -> ByTerm {
        let mut all: Vec<(u32, u32, u32)> = Vec::with_capacity(total);
        for (doc, &src) in order.iter().enumerate() {
            for (k, (t, _)) in self.postings[src].iter().enumerate() {
                all.push((*t, doc as u32, k as u32));
            }
        }
        all.sort_unstable();
        let mut terms = Vec::new();
        let mut start = Vec::new();
        for (i, (t, ..)) in all.iter().enumerate() {
            if terms.last() != Some(t) {
                terms.push(*t);
                start.push(i as u32);
            }
        }
        start.push(total as u32);
        let entries = all.into_iter().map(|(_, doc, k)| (doc, k)).collect();
        ByTerm {
            terms,
            start,
            entries,
        }
    }

    /// Term `t`'s entries in a chunk: `"key":[page,score,…]` and, when it is in titles,
    /// `"key":[page,title positions,…]` (pages as differences from the previous one).
    fn term_json(
        &self,
        t: u32,
        postings: &[(u32, u32)],
        order: &[usize],
        norm: &[[f64; FIELDS]],
    ) -> TermJson {
        let n = order.len() as f64;
        let df = postings.len() as f64;
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        let mut num = itoa::Buffer::new();
        let mut out = String::with_capacity(24 + postings.len() * 8);
        out.push('"');
        self.write_key(&mut out, t);
        out.push('"');
        let key_end = out.len();
        out.push_str(":[");
        let (mut last, mut last_title) = (0u32, 0u32);
        let mut in_title = String::new();
        for (j, &(doc, k)) in postings.iter().enumerate() {
            let src = order[doc as usize];
            let (_, counts) = &self.postings[src][k as usize];
            let s = score(&counts.tf, &norm[doc as usize], idf);
            if j > 0 {
                out.push(',');
            }
            out.push_str(num.format(doc - last));
            out.push(',');
            out.push_str(num.format(s));
            last = doc;
            if counts.title_at != 0 {
                if !in_title.is_empty() {
                    in_title.push(',');
                }
                in_title.push_str(num.format(doc - last_title));
                in_title.push(',');
                in_title.push_str(num.format(counts.title_at));
                last_title = doc;
            }
        }
        out.push(']');
        let titles = (!in_title.is_empty()).then(|| format!("{}:[{in_title}]", &out[..key_end]));
        TermJson {
            postings: out,
            titles,
        }
    }

    fn build_files(&self, sources: &[(usize, bool)]) -> IndexFiles {
        let order: Vec<usize> = sources
            .iter()
            .filter(|s| s.1)
            .chain(sources.iter().filter(|s| !s.1))
            .map(|s| s.0)
            .collect();
        let own = sources.iter().filter(|s| s.1).count();
        let n = order.len();
        let mut avg = [1.0f64; FIELDS];
        for (f, a) in avg.iter_mut().enumerate() {
            let total: f64 = order.iter().map(|&s| f64::from(self.len[s][f])).sum();
            *a = (total / n.max(1) as f64).max(1.0);
        }
        let norm: Vec<[f64; FIELDS]> = order.iter().map(|&s| norms(&self.len[s], &avg)).collect();
        let ByTerm {
            terms: present,
            start,
            entries,
        } = self.by_term(&order);
        // About 6 bytes a posting ("12,34,").
        let target = (entries.len() * 6 / CHUNKS).clamp(CHUNK_BYTES.0, CHUNK_BYTES.1);
        let mut files = Vec::with_capacity(n + 64);
        let mut chunks: Vec<String> = Vec::new();
        let mut terms = String::new();
        let mut titles = String::new();
        let flush = |terms: &mut String, titles: &mut String, files: &mut Vec<_>| {
            let data = format!("{{\"w\":{{{terms}}},\"t\":{{{titles}}}}}");
            let i = files.len();
            files.push((format!("c/{i}.js"), script("c", i, &data)));
            terms.clear();
            titles.clear();
        };
        let written: Vec<(u32, TermJson)> = present
            .par_iter()
            .enumerate()
            .map(|(i, &t)| {
                let postings = &entries[start[i] as usize..start[i + 1] as usize];
                (t, self.term_json(t, postings, &order, &norm))
            })
            .collect();
        let mut chunk_files = Vec::new();
        for (t, term) in written {
            if terms.is_empty() {
                let mut bound = String::new();
                if !chunks.is_empty() {
                    self.write_key(&mut bound, t);
                }
                chunks.push(bound);
            } else {
                terms.push(',');
            }
            terms.push_str(&term.postings);
            if let Some(in_title) = term.titles {
                if !titles.is_empty() {
                    titles.push(',');
                }
                titles.push_str(&in_title);
            }
            if terms.len() + titles.len() >= target {
                flush(&mut terms, &mut titles, &mut chunk_files);
            }
        }
        if !terms.is_empty() || chunk_files.is_empty() {
            if chunks.is_empty() {
                chunks.push(String::new());
            }
            flush(&mut terms, &mut titles, &mut chunk_files);
        }
        let bounds: Vec<String> = chunks.iter().map(|c| json_str(c)).collect();
        let together =
            order.iter().map(|&s| self.docs[s].len() + 1).sum::<usize>() <= ENTRIES_TOGETHER;
        let group = if together { n.max(1) } else { 1 };
        files.push((
            "index.js".to_string(),
            script(
                "m",
                0,
                &format!(
                    "{{\"v\":3,\"n\":{n},\"own\":{own},\"g\":{group},\"chunks\":[{}]}}",
                    bounds.join(",")
                ),
            ),
        ));
        files.extend(chunk_files);
        for (k, docs) in order.chunks(group).enumerate() {
            let entries: Vec<&str> = docs.iter().map(|&s| self.docs[s].as_str()).collect();
            files.push((
                format!("d/{k}.js"),
                script("d", k, &format!("[{}]", entries.join(","))),
            ));
        }
        files
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    fn data(file: &[u8]) -> serde_json::Value {
        let s = std::str::from_utf8(file).unwrap();
        let start = s.match_indices(',').nth(1).unwrap().0 + 1;
        serde_json::from_str(s[start..].trim_end().trim_end_matches(");")).unwrap()
    }

    #[test]
    fn titles_score_higher_than_repeated_text_and_own_pages_come_first() {
        let a = SearchTerms::new("Hoà nhập", "", &[], "");
        let b = SearchTerms::new("Khác", "", &[], "hòa bình hòa hòa hòa hòa");
        let info = |title, path| DocInfo {
            title,
            path,
            summary: "",
            date: String::new(),
            kind: "Bài viết".into(),
        };
        let corpus = Corpus::new(&[(&a, info("Hoà nhập", "a/")), (&b, info("Khác", "b/"))]);
        // b is the site's own page: it is page 0.
        let files = corpus.index_files(&[(0, false), (1, true)]);
        let file = |name: &str| &files.iter().find(|f| f.0 == name).unwrap().1;
        let manifest = data(file("index.js"));
        assert_eq!(manifest["n"], 2);
        assert_eq!(manifest["own"], 1);
        assert_eq!(manifest["chunks"], serde_json::json!([""]));
        let chunk = data(file("c/0.js"));
        let hoa = chunk["w"]["hoa"].as_array().unwrap();
        assert_eq!(hoa[0], 0, "page 0 (b) first, pages as differences");
        assert_eq!(hoa[2], 1);
        assert!(
            hoa[3].as_u64() > hoa[1].as_u64(),
            "title beats text: {hoa:?}"
        );
        assert_eq!(
            chunk["t"]["hoa"],
            serde_json::json!([1, 1]),
            "a's first title word"
        );
        assert!(chunk["w"][" hoa nhap"].is_array(), "pairs of words");
        assert!(
            chunk["w"]["viet"].is_array(),
            "the kind of page is searched"
        );
        assert_eq!(manifest["g"], 2, "a small site's entries in one file");
        assert_eq!(data(file("d/0.js"))[0]["u"], "b/");
        let only_b = corpus.index_files(&[(1, true)]);
        assert!(
            only_b
                .iter()
                .all(|f| !String::from_utf8_lossy(&f.1).contains("nhap")),
            "a site's index holds only its own pages' words"
        );
    }

    #[test]
    fn chunks_split_the_sorted_vocabulary() {
        let text: String = (0..400).map(|i| format!("tu{i:03} ")).collect();
        let pages: Vec<SearchTerms> = (0..40)
            .map(|_| SearchTerms::new("x", "", &[], &text))
            .collect();
        let sources: Vec<_> = pages
            .iter()
            .map(|t| {
                (
                    t,
                    DocInfo {
                        title: "x",
                        path: "x/",
                        summary: "",
                        date: String::new(),
                        kind: String::new(),
                    },
                )
            })
            .collect();
        let corpus = Corpus::new(&sources);
        let all: Vec<_> = (0..40).map(|i| (i, true)).collect();
        let files = corpus.index_files(&all);
        let manifest = data(&files.iter().find(|f| f.0 == "index.js").unwrap().1);
        let bounds: Vec<String> = manifest["chunks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b.as_str().unwrap().to_string())
            .collect();
        assert!(bounds.len() > 2, "{bounds:?}");
        assert!(bounds.windows(2).all(|w| w[0] < w[1]));
        for (i, bound) in bounds.iter().enumerate().skip(1) {
            let chunk = data(&files.iter().find(|f| f.0 == format!("c/{i}.js")).unwrap().1);
            assert!(
                chunk["w"][bound].is_array(),
                "chunk {i} starts with {bound}"
            );
        }
    }

    #[test]
    fn a_small_site_sorts_its_postings_as_the_counting_sort_does() {
        let texts: Vec<String> = (0..30)
            .map(|i| (0..50).map(|j| format!("w{i}x{j} chung ")).collect())
            .collect();
        let pages: Vec<SearchTerms> = texts
            .iter()
            .map(|t| SearchTerms::new("tin", "", &[], t))
            .collect();
        let sources: Vec<_> = pages
            .iter()
            .map(|t| {
                let info = DocInfo {
                    title: "tin",
                    path: "x/",
                    summary: "",
                    date: String::new(),
                    kind: "Bài viết".into(),
                };
                (t, info)
            })
            .collect();
        let corpus = Corpus::new(&sources);
        let order = [3, 7];
        let total: usize = order.iter().map(|&s| corpus.postings[s].len()).sum();
        assert!(
            total * 8 < corpus.terms(),
            "a small site takes the sorted path"
        );
        let sorted = corpus.by_term_sorted(&order, total);
        let counting = corpus.by_term_counting(&order, total);
        assert_eq!(sorted.terms, counting.terms);
        assert_eq!(sorted.start, counting.start);
        assert_eq!(sorted.entries, counting.entries);
        let chung = corpus.words.iter().position(|w| w == "chung").unwrap() + corpus.pairs.len();
        let i = sorted
            .terms
            .iter()
            .position(|&t| t as usize == chung)
            .unwrap();
        let pages: Vec<u32> = sorted.entries
            [sorted.start[i] as usize..sorted.start[i + 1] as usize]
            .iter()
            .map(|e| e.0)
            .collect();
        assert_eq!(
            pages,
            [0, 1],
            "both pages hold \"chung\", in the site's order"
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
