//! Vietnamese text helpers shared by every stage: NFC normalisation, slugs, the diacritic
//! fold used for tags and search, and safe (char-boundary) truncation.

use unicode_normalization::{UnicodeNormalization, char::is_combining_mark, is_nfc_quick};

/// Normalises to NFC (text typed with combining accents becomes precomposed).
pub fn nfc(s: &str) -> String {
    if is_nfc(s) {
        s.to_string()
    } else {
        s.nfc().collect()
    }
}

/// `nfc` of an owned string: the same string when it is already NFC (no copy).
pub fn nfc_owned(s: String) -> String {
    if is_nfc(s.as_str()) {
        s
    } else {
        s.nfc().collect()
    }
}

/// Whether `s` is NFC, by the quick check. Characters below U+0300 and the precomposed Latin
/// letters U+1E00–U+1EFF (all of Vietnamese) are NFC by themselves and never combine with
/// what precedes them, so only the other characters need the table lookups; leaving them
/// out can only turn a "yes" into "maybe" (then the text is normalised, which is exact).
fn is_nfc(s: &str) -> bool {
    matches!(
        is_nfc_quick(others(s)),
        unicode_normalization::IsNormalized::Yes
    )
}

/// The characters of `s` outside U+0000–U+02FF and U+1E00–U+1EFF, found from the UTF-8 bytes:
/// lead bytes below 0xCC start characters below U+0300 (continuation bytes are below 0xCC
/// too), and U+1E00–U+1EFF is `E1 B8..=BB xx`; ASCII text is skipped a byte at a time.
fn others(s: &str) -> impl Iterator<Item = char> + '_ {
    let bytes = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0xCC {
                i += 1;
            } else if b == 0xE1 && matches!(bytes.get(i + 1), Some(0xB8..=0xBB)) {
                i += 3;
            } else {
                let c = s[i..].chars().next()?;
                i += c.len_utf8();
                return Some(c);
            }
        }
        None
    })
}

/// A URL segment the Vietnamese way: `Người tốt, việc tốt` → `nguoi-tot-viec-tot`, `Đ` → `d`.
pub fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in deunicode::deunicode(&nfc(s)).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    // Keep URLs short on phones: cut at a dash near 80 characters.
    if trimmed.len() > 80 {
        let cut = trimmed[..80].rfind('-').unwrap_or(80);
        trimmed[..cut].to_string()
    } else {
        trimmed.to_string()
    }
}

/// Folds case, tone marks, other diacritics and `đ` for matching: `Người Tốt` → `nguoi tot`,
/// `hoà` and `hòa` → `hoa`. The search script in the theme does the same in JavaScript.
/// (ASCII and the Latin letters are looked up, not decomposed: this runs over every word of
/// every page.)
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            match LATIN_FOLD.get(c) {
                Some(Some(f)) => out.push(f),
                Some(None) => {}
                None => fold_char(c, &mut out),
            }
        }
    }
    out
}

/// The fold of one character (what `fold` does to it).
fn fold_char(c: char, out: &mut String) {
    if c == 'đ' || c == 'Đ' {
        out.push('d');
    } else if !is_combining_mark(c) {
        unicode_normalization::char::decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                out.extend(d.to_lowercase());
            }
        });
    }
}

/// `fold_char` of U+0080–U+036F and U+1E00–U+1EFF (every Latin letter with diacritics, so all
/// of Vietnamese, and the combining marks), computed once from it: `Some(c)` for one
/// character, `None` for nothing.
struct LatinFold {
    low: Vec<Option<Option<char>>>,
    extended: Vec<Option<Option<char>>>,
}

const LOW: std::ops::Range<u32> = 0x80..0x370;
const EXTENDED: std::ops::Range<u32> = 0x1E00..0x1F00;

impl LatinFold {
    fn new() -> Self {
        let table = |range: std::ops::Range<u32>| {
            range
                .map(|u| {
                    let mut s = String::new();
                    fold_char(char::from_u32(u)?, &mut s);
                    let mut chars = s.chars();
                    match (chars.next(), chars.next()) {
                        (None, _) => Some(None),
                        (Some(f), None) => Some(Some(f)),
                        _ => None,
                    }
                })
                .collect()
        };
        LatinFold {
            low: table(LOW),
            extended: table(EXTENDED),
        }
    }

    /// The fold of `c` when the table has it (`None`: ask `fold_char`).
    fn get(&self, c: char) -> Option<Option<char>> {
        let u = c as u32;
        if LOW.contains(&u) {
            self.low[(u - LOW.start) as usize]
        } else if EXTENDED.contains(&u) {
            self.extended[(u - EXTENDED.start) as usize]
        } else {
            None
        }
    }
}

static LATIN_FOLD: std::sync::LazyLock<LatinFold> = std::sync::LazyLock::new(LatinFold::new);

/// The first `n` characters, never cutting inside a character; adds `…` when cut.
pub fn truncate_chars(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        None => s.to_string(),
        Some((idx, _)) => {
            let cut = s[..idx].rfind(' ').filter(|&i| i > idx / 2).unwrap_or(idx);
            format!("{}…", s[..cut].trim_end())
        }
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// One CSV cell holding **text** (unit ids and names, rule labels, titles, tags: anything that
/// comes from content), safe to open in a spreadsheet.
///
/// A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return would be read as a
/// formula by Excel, LibreOffice and Google Sheets (CSV injection: `=HYPERLINK(...)` in a unit
/// name becomes a live link in the Phòng's report). Such a cell is prefixed with `'`, as OWASP
/// recommends; the spreadsheet shows the text as it was written. A cell holding `,`, `"`, a
/// line break or the added `'` prefix is quoted, with `"` doubled (RFC 4180).
///
/// Numbers and dates that lantoa computes itself (counts, quotas, gaps, ISO weeks) are written
/// directly, not through this function: they are never negative, never start with a formula
/// character, and must stay numbers a spreadsheet can sum. Only text goes through here — which
/// is why a unit named `-2` is shown as `'-2`, text, not the number −2.
pub fn csv_text(s: &str) -> String {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula || s.contains([',', '"', '\n', '\r']) {
        let prefix = if formula { "'" } else { "" };
        format!("\"{prefix}{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_of_vietnamese_in_both_forms() {
        let composed = "Người tốt, việc tốt – “Đoàn – Đội” ỹ Ỵ";
        let decomposed: String = composed.nfd().collect();
        assert!(is_nfc(composed));
        assert!(!is_nfc(&decomposed));
        assert_eq!(nfc(&decomposed), composed);
        assert_eq!(nfc_owned(decomposed), composed);
        // A precomposed letter followed by a combining mark is normalised too.
        let mixed = "e\u{302}\u{301} \u{1EBF}\u{323}";
        assert!(!is_nfc(mixed));
        assert_eq!(nfc(mixed), mixed.nfc().collect::<String>());
        // U+2000 (en quad) is not NFC: it normalises to U+2002.
        assert_eq!(nfc("a\u{2000}b"), "a\u{2002}b");
    }

    #[test]
    fn csv_text_neutralises_formulas_and_quotes() {
        assert_eq!(csv_text("Trường THCS A"), "Trường THCS A");
        assert_eq!(csv_text("a, b"), "\"a, b\"");
        assert_eq!(
            csv_text("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        for s in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            let cell = csv_text(s);
            assert!(cell.starts_with("\"'"), "{s:?} → {cell:?}");
        }
        assert_eq!(csv_text("a=b"), "a=b", "only a leading formula character");
        assert_eq!(csv_text(""), "");
    }

    #[test]
    fn vietnamese_slugs() {
        assert_eq!(slugify("Người tốt, việc tốt"), "nguoi-tot-viec-tot");
        assert_eq!(slugify("Gương sáng lớp 8A"), "guong-sang-lop-8a");
        assert_eq!(slugify("Đoàn TNCS Hồ Chí Minh"), "doan-tncs-ho-chi-minh");
        assert_eq!(slugify("đăng ký “Cuộc thi” 10/3"), "dang-ky-cuoc-thi-10-3");
        let nfd: String = "Người tốt, việc tốt".nfd().collect();
        assert_eq!(slugify(&nfd), "nguoi-tot-viec-tot");
    }

    #[test]
    fn fold_ignores_tone_placement_case_and_d() {
        assert_eq!(fold("Người Tốt"), "nguoi tot");
        assert_eq!(fold("hoà"), fold("hòa"));
        assert_eq!(fold("thuý"), fold("thúy"));
        assert_eq!(fold("Đắk"), "dak");
        let nfd: String = "khoẻ".nfd().collect();
        assert_eq!(fold(&nfd), fold("khỏe"));
    }

    #[test]
    fn the_latin_table_folds_as_decomposition_does() {
        for u in 0x80..0x2000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let mut slow = String::new();
            fold_char(c, &mut slow);
            assert_eq!(fold(&c.to_string()), slow, "U+{u:04X}");
        }
    }

    #[test]
    fn the_byte_check_of_nfc_agrees_with_the_quick_check() {
        let nfd: String = "Người tốt việc tốt".nfd().collect();
        for (text, fast) in [
            ("Người tốt, việc tốt - 2026", true),
            ("Người tốt — việc tốt", false),
            ("ascii only", true),
            (nfd.as_str(), false),
            ("Ω ohm sign", false),
        ] {
            let slow: String = text
                .chars()
                .filter(|&c| c >= '\u{300}' && !('\u{1E00}'..='\u{1EFF}').contains(&c))
                .collect();
            assert_eq!(others(text).collect::<String>(), slow, "{text}");
            assert_eq!(slow.is_empty(), fast, "{text}");
            assert_eq!(
                is_nfc(text),
                text.nfc().collect::<String>() == text,
                "{text}"
            );
        }
    }

    #[test]
    fn truncation_is_char_safe() {
        let s = "Người tốt việc tốt ở trường";
        for n in 0..s.chars().count() + 2 {
            let _ = truncate_chars(s, n);
        }
        assert_eq!(truncate_chars("abc", 10), "abc");
    }
}

/// A file size in words, as Vietnamese writes it: `240 KB`, `1,5 MB` (1 KB = 1024 bytes).
pub fn file_size(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KB {
        format!("{bytes} B")
    } else if b < KB * KB {
        format!("{} KB", (b / KB).round().max(1.0))
    } else {
        let mb = b / KB / KB;
        let s = if mb < 10.0 {
            format!("{:.1}", mb)
        } else {
            format!("{:.0}", mb)
        };
        format!("{} MB", s.replace('.', ","))
    }
}

#[cfg(test)]
mod size_tests {
    #[test]
    fn sizes_in_words() {
        assert_eq!(super::file_size(500), "500 B");
        assert_eq!(super::file_size(240 * 1024), "240 KB");
        assert_eq!(super::file_size(1536 * 1024), "1,5 MB");
        assert_eq!(super::file_size(25 * 1024 * 1024), "25 MB");
    }
}
