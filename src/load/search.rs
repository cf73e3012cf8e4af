//! The search terms of one source, counted once at load: its folded words (see `text::fold`)
//! per field — title, summary and tags, text — with where each sits in the title, and the
//! pairs of words that follow each other (for phrase matches; written `" a b"` in the index).
//! A site's index (`features::search`) weighs these counts against the pages it publishes.
//!
//! The terms are kept compact (one string of the page's distinct words, and pairs as two
//! word numbers): every source of a province carries them until its sites are written.

use rustc_hash::FxHashMap;

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

/// A word's counts in each field and, for a word, the positions it takes in the title (bit
/// `i` = the title's `i`-th word).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tf: [u16; FIELDS],
    pub title_at: u32,
}

impl Counts {
    fn add(&mut self, field: usize) {
        self.tf[field] = self.tf[field].saturating_add(1);
    }

    /// These counts and `other`'s together.
    pub fn merge(&mut self, other: &Counts) {
        for (tf, more) in self.tf.iter_mut().zip(other.tf) {
            *tf = tf.saturating_add(more);
        }
        self.title_at |= other.title_at;
    }
}

/// The terms of one page: its distinct words (in the order first met), the pairs of words
/// that follow each other (as the numbers of both words), and the length of each field.
#[derive(Debug, Clone, Default)]
pub struct SearchTerms {
    /// The distinct words, one after the other; word `i` ends at `ends[i]`.
    text: Box<str>,
    ends: Box<[u32]>,
    counts: Box<[Counts]>,
    /// Pairs as the numbers of their two words (a page's first 65,536 distinct words: a page
    /// has a few hundred) and their counts in each field (never in title positions).
    pairs: Box<[([u16; 2], [u16; FIELDS])]>,
    pub len: [u16; FIELDS],
}

#[derive(Default)]
struct Counter<'t> {
    ids: FxHashMap<&'t str, u32>,
    words: Vec<(&'t str, Counts)>,
    pairs: FxHashMap<[u16; 2], u32>,
    pair_counts: Vec<([u16; 2], [u16; FIELDS])>,
    len: [u16; FIELDS],
}

impl<'t> Counter<'t> {
    /// Counts one run of words (a title, a summary, one tag, the text) in `field`.
    fn run(&mut self, field: usize, words: impl Iterator<Item = &'t str>) {
        let mut prev: Option<u16> = None;
        for (at, w) in words.filter(|w| keep(w)).enumerate() {
            let next = self.words.len() as u32;
            let id = *self.ids.entry(w).or_insert(next);
            if id == next {
                self.words.push((w, Counts::default()));
            }
            let counts = &mut self.words[id as usize].1;
            counts.add(field);
            if field == TITLE && at < TITLE_BITS {
                counts.title_at |= 1 << at;
            }
            if let (Some(p), Ok(w)) = (prev, u16::try_from(id)) {
                let next = self.pair_counts.len() as u32;
                let k = *self.pairs.entry([p, w]).or_insert(next);
                if k == next {
                    self.pair_counts.push(([p, w], [0; FIELDS]));
                }
                let tf = &mut self.pair_counts[k as usize].1[field];
                *tf = tf.saturating_add(1);
            }
            prev = u16::try_from(id).ok();
            self.len[field] = self.len[field].saturating_add(1);
        }
    }

    fn done(self) -> SearchTerms {
        let mut text = String::with_capacity(self.words.iter().map(|w| w.0.len()).sum());
        let mut ends = Vec::with_capacity(self.words.len());
        let mut counts = Vec::with_capacity(self.words.len());
        for (w, c) in &self.words {
            text.push_str(w);
            ends.push(text.len() as u32);
            counts.push(*c);
        }
        SearchTerms {
            text: text.into_boxed_str(),
            ends: ends.into_boxed_slice(),
            counts: counts.into_boxed_slice(),
            pairs: self.pair_counts.into_boxed_slice(),
            len: self.len,
        }
    }
}

impl SearchTerms {
    pub fn new(title: &str, summary: &str, tags: &[String], text: &str) -> Self {
        // Only the start is indexed: fold no more than it needs (about 10 bytes a word).
        let mut cut = text.len().min(BODY_WORDS * 12);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let (title, summary, body) = (fold(title), fold(summary), fold(&text[..cut]));
        let tags: Vec<String> = tags.iter().map(|t| fold(t)).collect();
        let mut c = Counter::default();
        c.run(TITLE, split(&title));
        c.run(SUMMARY, split(&summary));
        for tag in &tags {
            c.run(SUMMARY, split(tag));
        }
        c.run(BODY, split(&body).take(BODY_WORDS));
        c.done()
    }

    /// The kind of page as readers name it ("Người tốt, việc tốt"), counted with the summary:
    /// the theme names kinds, so this is added when a site's index is made.
    pub fn label(label: &str) -> Self {
        let label = fold(label);
        let mut c = Counter::default();
        c.run(SUMMARY, split(&label));
        c.done()
    }

    /// The distinct words with their counts.
    pub fn words(&self) -> impl Iterator<Item = (&str, &Counts)> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(self.ends.iter())
            .map(|(start, &end)| &self.text[start as usize..end as usize])
            .zip(self.counts.iter())
    }

    /// The pairs of words that follow each other (numbers as in `words`), with their counts.
    pub fn pairs(&self) -> impl Iterator<Item = ([u32; 2], Counts)> + '_ {
        self.pairs.iter().map(|([a, b], tf)| {
            let counts = Counts {
                tf: *tf,
                title_at: 0,
            };
            ([u32::from(*a), u32::from(*b)], counts)
        })
    }
}

/// Writes the key of two words that follow each other, ` a b`: a leading space keeps pairs
/// apart from words (and from a prefix search over words). Words hold only letters and
/// digits: nothing to escape in a JSON string.
pub fn write_pair_key(out: &mut String, a: &str, b: &str) {
    out.push(' ');
    out.push_str(a);
    out.push(' ');
    out.push_str(b);
}

/// One-letter words carry no meaning for search, except numbers.
pub fn keep(w: &str) -> bool {
    let mut chars = w.chars();
    match (chars.next(), chars.next()) {
        (Some(_), Some(_)) => true,
        (Some(c), None) => c.is_ascii_digit(),
        _ => w.is_empty(),
    }
}

fn split(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every term of `t` by its key (`" a b"` for a pair).
    fn all(t: &SearchTerms) -> std::collections::BTreeMap<String, Counts> {
        let words: Vec<(&str, &Counts)> = t.words().collect();
        let mut map: std::collections::BTreeMap<String, Counts> =
            words.iter().map(|(w, c)| (w.to_string(), **c)).collect();
        for ([a, b], c) in t.pairs() {
            let mut key = String::new();
            write_pair_key(&mut key, words[a as usize].0, words[b as usize].0);
            map.insert(key, c);
        }
        map
    }

    #[test]
    fn fields_pairs_and_title_positions() {
        let t = SearchTerms::new(
            "Tin giả, tin thật",
            "Nhận biết tin giả",
            &["an toàn mạng".into()],
            "a b tin giả",
        );
        let terms = all(&t);
        assert_eq!(terms["tin"].tf, [2, 1, 1]);
        assert_eq!(terms["tin"].title_at, 0b101);
        assert_eq!(terms[" tin gia"].tf, [1, 1, 1]);
        assert_eq!(terms[" an toan"].tf, [0, 1, 0]);
        assert!(
            terms.keys().all(|w| w != "a" && w != " biet an"),
            "one-letter words dropped; pairs do not cross a tag's end"
        );
        assert_eq!(t.len, [4, 7, 2]);
        assert_eq!(t.words().count() + t.pairs().count(), terms.len());
    }

    #[test]
    fn one_letter_words_but_numbers() {
        assert!(!keep("a"));
        assert!(!keep("ă"));
        assert!(keep("7"));
        assert!(keep("ab"));
        assert!(keep("12"));
    }
}
