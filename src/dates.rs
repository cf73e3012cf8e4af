//! Dates and times: parsing the three front-matter forms in Vietnam time (+07:00, no DST),
//! and formatting them the Vietnamese way ("Thứ Năm, 12/03/2026").

use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, Zoned};

/// Vietnam's time zone: a fixed +07:00 (no tz database needed).
pub fn vn() -> TimeZone {
    TimeZone::fixed(Offset::constant(7))
}

/// Parses `2026-03-10`, `2026-03-10 07:30[:ss]`, `2026-03-10T07:30` or RFC 3339.
pub fn parse(s: &str) -> Option<Zoned> {
    let s = s.trim();
    let tz = vn();
    if let Ok(t) = s.parse::<Timestamp>() {
        return Some(t.to_zoned(tz));
    }
    if s.len() == 10 {
        return s.parse::<Date>().ok()?.to_zoned(tz).ok();
    }
    s.parse::<DateTime>().ok()?.to_zoned(tz).ok()
}

/// Parses the build time given with `--now` (same forms as front matter).
pub fn parse_now(s: &str) -> Option<Zoned> {
    parse(s)
}

/// The build time: `--now`, else `SOURCE_DATE_EPOCH`, else the clock.
pub fn build_time(now: Option<&str>) -> Result<Zoned, String> {
    if let Some(s) = now {
        return parse_now(s).ok_or_else(|| s.to_string());
    }
    if let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") {
        let secs: i64 = epoch.trim().parse().map_err(|_| epoch.clone())?;
        let t = Timestamp::from_second(secs).map_err(|_| epoch.clone())?;
        return Ok(t.to_zoned(vn()));
    }
    Ok(Timestamp::now().to_zoned(vn()))
}

const WEEKDAYS: [&str; 7] = [
    "Thứ Hai",
    "Thứ Ba",
    "Thứ Tư",
    "Thứ Năm",
    "Thứ Sáu",
    "Thứ Bảy",
    "Chủ Nhật",
];

/// "Thứ Năm, 12/03/2026".
pub fn vi_long(z: &Zoned) -> String {
    let d = z.date();
    format!("{}, {}", weekday(d), vi_short(z))
}

/// "12/03/2026".
pub fn vi_short(z: &Zoned) -> String {
    vi_date_short(z.date())
}

pub fn vi_date_short(d: Date) -> String {
    format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
}

/// "Thứ Ba, ngày 10 tháng 3 năm 2026".
pub fn vi_prose(d: Date) -> String {
    format!(
        "{}, ngày {} tháng {} năm {}",
        weekday(d),
        d.day(),
        d.month(),
        d.year()
    )
}

pub fn weekday(d: Date) -> &'static str {
    WEEKDAYS[d.weekday().to_monday_zero_offset() as usize]
}

/// RFC 3339 with the +07:00 offset: `2026-03-10T07:30:00+07:00`.
pub fn rfc3339(z: &Zoned) -> String {
    z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_forms_in_vietnam_time() {
        assert_eq!(
            rfc3339(&parse("2026-03-10").unwrap()),
            "2026-03-10T00:00:00+07:00"
        );
        assert_eq!(
            rfc3339(&parse("2026-03-10 07:30").unwrap()),
            "2026-03-10T07:30:00+07:00"
        );
        assert_eq!(
            rfc3339(&parse("2026-03-10T00:30:00Z").unwrap()),
            "2026-03-10T07:30:00+07:00"
        );
        assert!(parse("2026-3-10").is_none());
        assert!(parse("10/03/2026").is_none());
    }

    #[test]
    fn vietnamese_formats() {
        let z = parse("2026-03-12").unwrap();
        assert_eq!(vi_long(&z), "Thứ Năm, 12/03/2026");
        assert_eq!(vi_prose(z.date()), "Thứ Năm, ngày 12 tháng 3 năm 2026");
        assert_eq!(weekday(parse("2026-03-10").unwrap().date()), "Thứ Ba");
    }
}
