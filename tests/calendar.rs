//! The posting calendar: quotas per ISO week in Vietnam time, rules narrowed by kind and tag,
//! daily rules, shared copies not counted twice, scheduled posts, the year end, the +07:00 day
//! boundary; the CSV, JSON and ICS outputs; `--strict`; public and editorial pages.

mod common;

use common::TestProject;

/// A school with a week rule, a daily rule for #tin-tốt and a stories rule.
fn project() -> TestProject {
    let p = TestProject::new();
    p.site(
        "thcs-a",
        "name: \"Trường THCS A\"\nkind: school\nlevel: thcs\nparent: phong\nquotas:\n  - {per: week, min: 1}\n  - {per: day, min: 1, tags: [tin tốt]}\n  - {per: week, min: 1, kinds: [stories]}\n",
    );
    p.write(
        "content/network.yaml",
        "name: Mạng\nlanguage: en\nquotas:\n  office: [{per: week, min: 2}]\nkey_dates:\n  - {date: \"11-09\", title: \"Ngày Pháp luật Việt Nam\"}\n  - {date: \"10-15\", title: \"Hạn báo cáo năm\", kinds: [office]}\n  - {date: \"2027-02-06\", title: \"Tết Nguyên đán\"}\n",
    );
    p
}

fn art(p: &TestProject, site: &str, name: &str, date: &str, extra: &str) {
    p.post(
        &format!("content/sites/{site}/articles/{name}.md"),
        name,
        &format!("date: \"{date}\"\n{extra}"),
        "x\n",
    );
}

fn calendar(p: &TestProject, args: &[&str]) -> (i32, String) {
    let mut all = vec!["calendar", "--now", "2026-03-11 12:00"];
    all.extend_from_slice(args);
    let out = p.lantoa(&all);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr),
    )
}

fn json(p: &TestProject, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let (code, text) = calendar(p, &all);
    assert_eq!(code, 0, "{text}");
    serde_json::from_str(&text).expect("calendar JSON parses")
}

fn week<'a>(plan: &'a serde_json::Value, unit: &str, week: &str) -> &'a serde_json::Value {
    let u = plan["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["id"] == unit)
        .expect("unit");
    u["weeks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["week"] == week)
        .unwrap_or_else(|| panic!("week {week}"))
}

#[test]
fn weekly_quota_met_missed_and_reachable() {
    let p = project();
    art(&p, "thcs-a", "met", "2026-03-03", ""); // W10
    // W09 (23/02–01/03): nothing → missed. W11 (09/03–15/03), today 11/03: reachable.
    let plan = json(
        &p,
        &[
            "--site",
            "thcs-a",
            "--from",
            "2026-02-23",
            "--to",
            "2026-03-15",
        ],
    );
    assert_eq!(
        week(&plan, "thcs-a", "2026-W10")["rules"][0]["verdict"],
        "met"
    );
    assert_eq!(
        week(&plan, "thcs-a", "2026-W09")["rules"][0]["verdict"],
        "missed"
    );
    assert_eq!(
        week(&plan, "thcs-a", "2026-W11")["rules"][0]["verdict"],
        "reachable"
    );
    assert_eq!(week(&plan, "thcs-a", "2026-W11")["rules"][0]["gap"], 1);
}

#[test]
fn the_vietnam_day_boundary_decides_the_week() {
    let p = project();
    // 23:30 on Monday 9 March in Vietnam is 16:30 UTC: Monday, week 11, not Sunday week 10.
    art(&p, "thcs-a", "late", "2026-03-09T23:30:00+07:00", "");
    // 2026-03-08T17:30Z is 00:30 on Monday 9 March in Vietnam.
    art(&p, "thcs-a", "utc", "2026-03-08T17:30:00Z", "");
    let plan = json(
        &p,
        &[
            "--site",
            "thcs-a",
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-15",
        ],
    );
    assert_eq!(
        week(&plan, "thcs-a", "2026-W11")["published"]["articles"],
        2
    );
    assert_eq!(
        week(&plan, "thcs-a", "2026-W10")["published"]["articles"],
        0
    );
}

#[test]
fn rules_narrowed_by_kind_tag_and_day() {
    let p = project();
    art(&p, "thcs-a", "a1", "2026-03-02", "tags: [\"Tin tốt\"]\n");
    art(&p, "thcs-a", "a2", "2026-03-03", "tags: [\"tin tot\"]\n"); // folded: same tag
    art(&p, "thcs-a", "a3", "2026-03-04", "tags: [khác]\n");
    p.post(
        "content/sites/thcs-a/stories/s1.md",
        "s1",
        "date: 2026-03-05\n",
        "x\n",
    );
    let plan = json(
        &p,
        &[
            "--site",
            "thcs-a",
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-08",
        ],
    );
    let w = week(&plan, "thcs-a", "2026-W10");
    assert_eq!(w["rules"][0]["count"], 4, "week rule: articles and stories");
    assert_eq!(w["rules"][1]["per"], "day");
    assert_eq!(w["rules"][1]["count"], 2, "two days had a #tin-tốt post");
    assert_eq!(
        w["rules"][1]["verdict"], "missed",
        "other days of a finished week missed the daily rule"
    );
    assert_eq!(
        w["rules"][2]["count"], 1,
        "the stories rule counts the story only"
    );
}

#[test]
fn shared_copies_do_not_count_again_and_scheduled_posts_are_counted_as_scheduled() {
    let p = project();
    art(&p, "phong", "chia-se", "2026-03-02", "share: down\n");
    art(&p, "thcs-a", "hen", "2026-03-13 07:00", "");
    let plan = json(&p, &["--from", "2026-03-02", "--to", "2026-03-15"]);
    assert_eq!(week(&plan, "phong", "2026-W10")["published"]["articles"], 1);
    assert_eq!(
        week(&plan, "thcs-a", "2026-W10")["published"]["articles"],
        0,
        "a shared copy is not the school's post"
    );
    assert_eq!(
        week(&plan, "phong", "2026-W10")["rules"][0]["verdict"],
        "missed",
        "office needs 2"
    );
    let w11 = week(&plan, "thcs-a", "2026-W11");
    assert_eq!(w11["scheduled"], 1);
    assert_eq!(w11["published"]["articles"], 0);
    assert_eq!(w11["rules"][0]["scheduled"], 1);
}

#[test]
fn iso_week_one_across_the_year_end() {
    let p = project();
    art(&p, "thcs-a", "cuoi-nam", "2026-12-31", "");
    art(&p, "thcs-a", "dau-nam", "2027-01-03", "");
    let out = p.lantoa(&[
        "calendar",
        "--now",
        "2027-01-10",
        "--site",
        "thcs-a",
        "--from",
        "2026-12-28",
        "--to",
        "2027-01-10",
        "--format",
        "json",
    ]);
    let plan: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        week(&plan, "thcs-a", "2026-W53")["published"]["articles"],
        2,
        "31/12/2026 and 03/01/2027 are both in 2026-W53"
    );
    assert_eq!(week(&plan, "thcs-a", "2027-W01")["start"], "2027-01-04");
}

#[test]
fn csv_reports_every_unit_below_an_office_and_strict_fails_on_a_missed_week() {
    let p = project();
    art(&p, "thcs-a", "a", "2026-03-03", "");
    let (code, csv) = calendar(
        &p,
        &[
            "--site",
            "phong",
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-08",
            "--format",
            "csv",
        ],
    );
    assert_eq!(code, 0);
    let mut rows = csv.lines();
    let header: Vec<&str> = rows.next().unwrap().split(',').collect();
    assert!(header.contains(&"articles") && header.contains(&"verdict"));
    let units: Vec<&str> = rows.map(|r| r.split(',').next().unwrap()).collect();
    assert_eq!(
        units,
        vec!["phong", "th-b", "thcs-a"],
        "the office, then every unit below"
    );
    let (code, text) = calendar(
        &p,
        &[
            "--site",
            "phong",
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-08",
            "--strict",
        ],
    );
    assert_eq!(code, 1, "the office missed week 10: {text}");
    assert!(text.contains("2026-W10"));
}

#[test]
fn ics_of_a_unit_has_key_dates_and_scheduled_posts() {
    let p = project();
    art(&p, "phong", "hen", "2026-10-20 07:00", "");
    let (code, ics) = calendar(
        &p,
        &[
            "--site",
            "phong",
            "--from",
            "2026-09-01",
            "--to",
            "2027-08-31",
            "--format",
            "ics",
        ],
    );
    assert_eq!(code, 0, "{ics}");
    let cal: icalendar::Calendar = ics.parse().expect("ICS parses");
    use icalendar::Component;
    let summaries: Vec<String> = cal
        .components
        .iter()
        .filter_map(|c| match c {
            icalendar::CalendarComponent::Event(e) => e.get_summary().map(str::to_string),
            _ => None,
        })
        .collect();
    assert!(
        summaries.contains(&"Hạn báo cáo năm".to_string()),
        "{summaries:?}"
    );
    assert!(summaries.contains(&"Ngày Pháp luật Việt Nam".to_string()));
    assert!(summaries.contains(&"Tết Nguyên đán".to_string()));
    assert!(
        summaries.iter().any(|s| s.contains("hen")),
        "scheduled post: {summaries:?}"
    );
    let (_, school) = calendar(&p, &["--site", "thcs-a", "--format", "ics"]);
    assert!(
        !school.contains("Hạn báo cáo năm"),
        "targeted to offices only"
    );
}

#[test]
fn public_calendar_shows_published_posts_only_and_editorial_shows_everything() {
    let p = project();
    art(&p, "thcs-a", "da-dang", "2026-11-02", "");
    art(&p, "thcs-a", "hen-gio", "2026-12-01", "");
    p.write(
        "content/sites/thcs-a/articles/2026-11-03-nhap.md",
        "---\ntitle: Bản nháp bí mật\nstatus: draft\n---\nx\n",
    );
    p.build_ok();
    let month = p.read("thcs-a/lich-dang-bai/2026-11/index.html");
    assert!(month.contains("da-dang") && month.contains("Ngày Pháp luật Việt Nam"));
    assert!(
        !month.contains("hen-gio") && !month.contains("Bản nháp bí mật"),
        "nothing unpublished on the public calendar"
    );
    assert!(
        p.read("thcs-a/lich-dang-bai/index.html")
            .contains("Tháng 11/2026"),
        "the index shows the current month"
    );
    assert!(
        p.exists("thcs-a/lich-dang-bai/2027-08/index.html")
            && p.exists("thcs-a/lich-dang-bai/2026-09/index.html"),
        "the school year"
    );
    let ics: icalendar::Calendar = p.read("thcs-a/calendar.ics").parse().unwrap();
    assert!(!ics.components.is_empty());
    let editorial = p.read("_editorial/thcs-a/index.html");
    assert!(editorial.contains("Bản nháp bí mật") && editorial.contains("hen-gio"));
    let office = p.read("_editorial/phong/index.html");
    assert!(
        office.contains("Trường THCS A") && office.contains("Trường Tiểu học B"),
        "units below the office"
    );
    let report: serde_json::Value =
        serde_json::from_str(&p.read("_editorial/phong/report.json")).unwrap();
    assert_eq!(report["units"].as_array().unwrap().len(), 3);
    assert!(
        p.read("_editorial/phong/report.csv")
            .starts_with("unit_id,")
    );
}

#[test]
fn build_reports_the_next_moment_the_output_changes() {
    let p = project();
    art(&p, "thcs-a", "hen-gio", "2026-12-01 07:00", "");
    p.post(
        "content/sites/thcs-a/articles/2026-11-01-het.md",
        "het",
        "expires: 2026-11-30 18:00\n",
        "x\n",
    );
    let out = p.build_ok();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("2026-11-30T18:00:00+07:00"), "{stdout}");
    let next: serde_json::Value =
        serde_json::from_str(&p.read("_editorial/next-change.json")).unwrap();
    assert_eq!(next["at"], "2026-11-30T18:00:00+07:00");
    assert!(
        next["file"]
            .as_str()
            .unwrap()
            .ends_with("2026-11-01-het.md")
    );
}

/// A campaign rule counted across units, with its source: the posts of every listed unit
/// count, the source is in the rule's label, and a week short of it is not a missed week.
#[test]
fn a_campaign_rule_counts_a_group_of_units_together_and_never_fails_strict() {
    let p = project();
    p.site(
        "thcs-a",
        "name: \"Trường THCS A\"\nkind: school\nlevel: thcs\nparent: phong\n",
    );
    p.write(
        "content/network.yaml",
        "name: Mạng\nlanguage: en\nquotas:\n  office:\n    - {per: week, min: 1, source: \"KH 001\"}\n    - {per: week, min: 2, tags: [tin tốt], optional: true, units: [phong, thcs-a, th-b], source: \"KH 003\"}\n",
    );
    art(&p, "phong", "p", "2026-03-03", "");
    art(&p, "thcs-a", "a", "2026-03-04", "tags: [tin tốt]\n");
    art(&p, "th-b", "b", "2026-03-05", "tags: [tin tốt]\n");
    art(&p, "th-b", "c", "2026-02-25", "");
    art(&p, "phong", "q", "2026-02-24", "");
    let plan = json(
        &p,
        &[
            "--site",
            "phong",
            "--from",
            "2026-02-23",
            "--to",
            "2026-03-08",
        ],
    );
    let w10 = week(&plan, "phong", "2026-W10");
    assert_eq!(w10["rules"][1]["count"], 2, "both schools' posts count");
    assert_eq!(w10["rules"][1]["verdict"], "met");
    let w09 = week(&plan, "phong", "2026-W09");
    assert_eq!(w09["rules"][1]["verdict"], "missed");
    assert_eq!(w09["rules"][1]["optional"], true);
    let label = w10["rules"][1]["rule"].as_str().unwrap();
    assert!(
        label.contains("KH 003") && label.contains("optional"),
        "{label}"
    );
    assert!(
        w10["rules"][0]["rule"].as_str().unwrap().contains("KH 001"),
        "the source of each rule"
    );
    // W09 meets the mandatory rule and misses the campaign rule: not a missed week.
    let (code, _) = calendar(
        &p,
        &[
            "--site",
            "phong",
            "--from",
            "2026-02-23",
            "--to",
            "2026-03-01",
            "--strict",
        ],
    );
    assert_eq!(code, 0, "an optional rule never makes a week missed");
}
