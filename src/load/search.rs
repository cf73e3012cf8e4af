//! The search terms of one source, counted once at load: its folded words (see `text::fold`)
//! with where they appear. A site's index (`features::search`) only merges the counts of the
//! pages it publishes.

use std::collections::HashMap;

use crate::text::fold;

/// Weights: a word in the title counts more than one in the summary or the text.
const TITLE: u32 = 10;
const SUMMARY: u32 = 3;
const BODY: u32 = 1;
/// Repetitions in the text count up to this many times.
const BODY_CAP: u32 = 3;
/// Words of the text indexed per page (the start of a page says what it is about; a long
/// text must not make the index of a big site weigh megabytes).
const BODY_WORDS: usize = 400;

/// The folded words of one page with where they appear: (word, in title, in summary, times in
/// the text). Computed once per source file.
#[derive(Debug, Clone, Default)]
pub struct SearchTerms(pub Vec<(String, bool, bool, u16)>);

impl SearchTerms {
    pub fn new(title: &str, summary: &str, text: &str) -> Self {
        let mut map: HashMap<String, (bool, bool, u16)> = HashMap::with_capacity(256);
        for w in words(title) {
            map.entry(w).or_default().0 = true;
        }
        for w in words(summary) {
            map.entry(w).or_default().1 = true;
        }
        // Only the start is indexed: fold no more than it needs (about 10 bytes a word).
        let mut cut = text.len().min(BODY_WORDS * 12);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let folded = fold(&text[..cut]);
        for w in split(&folded).take(BODY_WORDS) {
            if let Some(e) = map.get_mut(w) {
                e.2 = e.2.saturating_add(1);
            } else {
                map.insert(w.to_string(), (false, false, 1));
            }
        }
        let mut v: Vec<_> = map
            .into_iter()
            .filter(|(w, _)| keep(w))
            .map(|(w, (t, s, b))| (w, t, s, b))
            .collect();
        v.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        SearchTerms(v)
    }

    /// The score of the `i`-th word: title, summary and text weighed.
    pub fn score(&self, i: usize) -> u32 {
        let (_, t, s, b) = &self.0[i];
        u32::from(*t) * TITLE + u32::from(*s) * SUMMARY + u32::from(*b).min(BODY_CAP) * BODY
    }
}

/// One-letter words carry no meaning for search, except numbers.
fn keep(w: &str) -> bool {
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
