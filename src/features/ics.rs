//! A small iCalendar (RFC 5545) writer: CRLF lines folded at 75 octets on character
//! boundaries, TEXT escaping, all-day events. Deterministic: `DTSTAMP` is the build time and
//! every `UID` is derived from the content, so rebuilds give the same bytes.

use jiff::Zoned;
use jiff::civil::Date;

/// One all-day event (or several days: `end` is the last day, inclusive).
pub struct Event {
    pub uid: String,
    pub start: Date,
    pub end: Date,
    pub summary: String,
    pub description: String,
    pub url: String,
    pub categories: String,
}

/// A whole calendar with the given name.
pub fn calendar(name: &str, now: &Zoned, events: &[Event]) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//lantoa//lantoa//VI");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    line(&mut out, "X-WR-TIMEZONE:Asia/Ho_Chi_Minh");
    let stamp = now.timestamp().strftime("%Y%m%dT%H%M%SZ").to_string();
    for e in events {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", e.uid));
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(
            &mut out,
            &format!("DTSTART;VALUE=DATE:{}", e.start.strftime("%Y%m%d")),
        );
        // All-day DTEND is exclusive: the day after the last day.
        let end = e.end.tomorrow().unwrap_or(e.end);
        line(
            &mut out,
            &format!("DTEND;VALUE=DATE:{}", end.strftime("%Y%m%d")),
        );
        line(&mut out, &format!("SUMMARY:{}", escape(&e.summary)));
        if !e.description.is_empty() {
            line(&mut out, &format!("DESCRIPTION:{}", escape(&e.description)));
        }
        if !e.url.is_empty() {
            line(&mut out, &format!("URL:{}", e.url));
        }
        if !e.categories.is_empty() {
            line(&mut out, &format!("CATEGORIES:{}", escape(&e.categories)));
        }
        line(&mut out, "TRANSP:TRANSPARENT");
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// TEXT escaping (RFC 5545 §3.3.11).
pub fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => o.push_str("\\\\"),
            ';' => o.push_str("\\;"),
            ',' => o.push_str("\\,"),
            '\n' => o.push_str("\\n"),
            '\r' => {}
            c => o.push(c),
        }
    }
    o
}

/// Writes one content line, folded so no physical line exceeds 75 octets (§3.1).
pub fn line(out: &mut String, text: &str) {
    let (mut start, mut limit) = (0, 75);
    while text.len() - start > limit {
        let mut end = start + limit;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        out.push_str(&text[start..end]);
        out.push_str("\r\n ");
        start = end;
        limit = 74;
    }
    out.push_str(&text[start..]);
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_lines_short_and_characters_whole() {
        let mut out = String::new();
        let long = format!(
            "SUMMARY:{}",
            "Cuộc thi tìm hiểu Luật An ninh mạng ".repeat(5)
        );
        line(&mut out, &long);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded.strip_suffix("\r\n").unwrap(), long);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }

    #[test]
    fn all_day_end_is_exclusive() {
        let now = crate::dates::parse("2026-11-28").unwrap();
        let cal = calendar(
            "x",
            &now,
            &[Event {
                uid: "a@b".into(),
                start: jiff::civil::date(2027, 3, 10),
                end: jiff::civil::date(2027, 3, 20),
                summary: "s".into(),
                description: String::new(),
                url: String::new(),
                categories: String::new(),
            }],
        );
        assert!(cal.contains("DTSTART;VALUE=DATE:20270310\r\n"));
        assert!(cal.contains("DTEND;VALUE=DATE:20270321\r\n"));
        assert!(cal.contains("DTSTAMP:20261127T170000Z\r\n"));
    }
}
