//! The search terms of one source, counted once at load: its folded words (see `text::fold`)
//! per field — title, summary and tags, text — with where each sits in the title, and the
//! pairs of words that follow each other (keyed `" a b"`, for phrase matches). A site's index
//! (`features::search`) weighs these counts against the pages it publishes.

use std::collections::HashMap;

use crate::text::fold;

/// The fields a word is counted in: title, summary (with tags and the kind of page), text.
pub const FIELDS: usize = 3;
pub const TITLE: usize = 0;
pub const SUMMARY: usize = 1;
pub const BODY: usize = 2;
/// Words of the text indexed per page (the start of a page says what it is about; a long
/// text must not make the index of a big site weigh megabytes).
const BODY_WORDS: usize = 400;
/// Title positions kept (one bit each).
const TITLE_BITS: usize = 32;

/// One indexed term of a page: a folded word, or a pair of words that follow each other
/// (`" a b"`, a leading space), with its count in each field and, for a word, the positions
/// it takes in the title (bit `i` = the title's `i`-th word).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Term {
    pub word: String,
    pub tf: [u16; FIELDS],
    pub title_at: u32,
}

/// The terms of one page (sorted by word) and the length of each field in words.
#[derive(Debug, Clone, Default)]
pub struct SearchTerms {
    pub terms: Vec<Term>,
    pub len: [u16; FIELDS],
}

#[derive(Default)]
struct Counter {
    map: HashMap<String, Term>,
    len: [u16; FIELDS],
}

impl Counter {
    /// Counts one run of words (a title, a summary, one tag, the text) in `field`.
    fn run<'a>(&mut self, field: usize, words: impl Iterator<Item = &'a str>) {
        let mut prev: Option<&str> = None;
        for (at, w) in words.filter(|w| keep(w)).enumerate() {
            let t = self.map.entry(w.to_string()).or_default();
            t.tf[field] = t.tf[field].saturating_add(1);
            if field == TITLE && at < TITLE_BITS {
                t.title_at |= 1 << at;
            }
            if let Some(p) = prev {
                let pair = self.map.entry(pair_key(p, w)).or_default();
                pair.tf[field] = pair.tf[field].saturating_add(1);
            }
            prev = Some(w);
            self.len[field] = self.len[field].saturating_add(1);
        }
    }

    fn done(self) -> SearchTerms {
        let mut terms: Vec<Term> = self
            .map
            .into_iter()
            .map(|(word, t)| Term { word, ..t })
            .collect();
        terms.sort_unstable_by(|a, b| a.word.cmp(&b.word));
        SearchTerms {
            terms,
            len: self.len,
        }
    }
}

impl SearchTerms {
    pub fn new(title: &str, summary: &str, tags: &[String], text: &str) -> Self {
        let mut c = Counter::default();
        c.run(TITLE, split(&fold(title)));
        c.run(SUMMARY, split(&fold(summary)));
        for tag in tags {
            c.run(SUMMARY, split(&fold(tag)));
        }
        // Only the start is indexed: fold no more than it needs (about 10 bytes a word).
        let mut cut = text.len().min(BODY_WORDS * 12);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        c.run(BODY, split(&fold(&text[..cut])).take(BODY_WORDS));
        c.done()
    }

    /// The kind of page as readers name it ("Người tốt, việc tốt"), counted with the summary:
    /// the theme names kinds, so this is added when a site's index is made (`with`).
    pub fn label(label: &str) -> Self {
        let mut c = Counter::default();
        c.run(SUMMARY, split(&fold(label)));
        c.done()
    }

    /// These terms and `other`'s together.
    pub fn with(&self, other: &SearchTerms) -> SearchTerms {
        let mut terms = Vec::with_capacity(self.terms.len() + other.terms.len());
        let (mut a, mut b) = (self.terms.iter().peekable(), other.terms.iter().peekable());
        loop {
            let next = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) if x.word == y.word => {
                    let mut t = (*x).clone();
                    for (tf, more) in t.tf.iter_mut().zip(y.tf) {
                        *tf = tf.saturating_add(more);
                    }
                    t.title_at |= y.title_at;
                    a.next();
                    b.next();
                    Some(t)
                }
                (Some(x), Some(y)) if x.word > y.word => b.next().cloned(),
                (Some(_), _) => a.next().cloned(),
                (None, Some(_)) => b.next().cloned(),
                (None, None) => break,
            }
            .unwrap_or_default();
            terms.push(next);
        }
        let mut len = self.len;
        for (l, more) in len.iter_mut().zip(other.len) {
            *l = l.saturating_add(more);
        }
        SearchTerms { terms, len }
    }
}

/// The key of two words that follow each other: a leading space keeps pairs apart from
/// words (and from a prefix search over words).
pub fn pair_key(a: &str, b: &str) -> String {
    format!(" {a} {b}")
}

/// One-letter words carry no meaning for search, except numbers.
pub fn keep(w: &str) -> bool {
    w.chars().count() >= 2 || w.chars().all(|c| c.is_ascii_digit())
}

fn split(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Folded words of a text (letters and digits; everything else separates).
pub fn words(text: &str) -> Vec<String> {
    split(&fold(text)).map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_pairs_and_title_positions() {
        let t = SearchTerms::new(
            "Tin giả, tin thật",
            "Nhận biết tin giả",
            &["an toàn mạng".into()],
            "a b tin giả",
        )
        .with(&SearchTerms::label("Bài viết"));
        let get = |w: &str| t.terms.iter().find(|x| x.word == w).cloned().unwrap();
        assert_eq!(get("tin").tf, [2, 1, 1]);
        assert_eq!(get("tin").title_at, 0b101);
        assert_eq!(get(" tin gia").tf, [1, 1, 1]);
        assert_eq!(get(" an toan").tf, [0, 1, 0]);
        assert_eq!(get("viet").tf, [0, 1, 0]);
        assert!(
            t.terms
                .iter()
                .all(|x| x.word != "a" && x.word != " biet an"),
            "one-letter words dropped; pairs do not cross a tag's end"
        );
        assert_eq!(t.len, [4, 9, 2]);
        assert!(t.terms.windows(2).all(|w| w[0].word < w[1].word), "sorted");
    }
}
