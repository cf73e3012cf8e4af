//! Contests: inheritance, the edition chosen at several build times, status words, the
//! `.ics` read back by a real iCalendar parser, the practice quiz data, and bad definitions.

mod common;

use common::{TestProject, attrs, texts};
use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};

const COMMON: &str = "content/common/contests/cuoc-thi-anm.md";

fn with_contest() -> TestProject {
    let p = TestProject::new();
    p.write(
        COMMON,
        r#"---
title: "Cuộc thi tìm hiểu Luật An ninh mạng"
recurrence: yearly
window: {start: "03-10", end: "03-20"}
formats: [trac-nghiem, viet]
audience: "Học sinh THCS"
organizer: "Phòng GD&ĐT Thử"
prizes: [{name: "Giải Nhất", count: 1, value: "500.000 đồng"}]
judging: {jury: ["Cô Hiệu trưởng"], criteria: [{name: "Nội dung", weight: 60}, {name: "Hình thức", weight: 40}]}
submission: {how: "Nộp bản viết tay", where: "Phòng Đoàn – Đội", rules: ["Không sao chép"]}
contact: {name: "Cô Tổng phụ trách", phone: "0200 000 009"}
timeline: [{date: "03-25", title: "Tổng kết, trao giải"}]
status: approved
approved_by: "Trưởng phòng"
---
Thể lệ chung, xem thêm [Điều 8](law:luat-an-ninh-mang-2018#8).
"#,
    );
    p
}

fn build_at(p: &TestProject, now: &str) {
    let out = p.lantoa(&["build", "--now", now]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn page(p: &TestProject, site: &str) -> String {
    p.read(&format!("{site}/cuoc-thi/cuoc-thi-anm/index.html"))
}

#[test]
fn a_school_edition_overrides_the_network_definition() {
    let p = with_contest();
    p.post(
        "content/sites/thcs-a/contests/thcs-a-2027.md",
        "Cuộc thi của trường A",
        "extends: cuoc-thi-anm\nyear: 2027\norganizer: \"Trường THCS A\"\n",
        "Thể lệ riêng của trường A.\n",
    );
    build_at(&p, common::NOW);
    let a = page(&p, "thcs-a");
    assert!(a.contains("Trường THCS A"), "own organizer");
    assert!(a.contains("Thể lệ riêng của trường A"), "own body");
    assert!(
        a.contains("Thi trắc nghiệm") && a.contains("500.000 đồng"),
        "inherited formats and prizes"
    );
    assert!(a.contains("Cuộc thi của trường A năm 2027"));
    let b = page(&p, "th-b");
    assert!(
        b.contains("Phòng GD&amp;ĐT Thử") && !b.contains("Trường THCS A"),
        "the other school shows the network's rules"
    );
    assert!(
        !p.exists("phong/cuoc-thi/cuoc-thi-anm/index.html"),
        "offices only show contests they define"
    );
    let doc = scraper::Html::parse_document(&a);
    let sections = texts(&doc, "h2");
    for s in [
        "Đối tượng dự thi",
        "Hình thức thi",
        "Thời gian",
        "Cơ cấu giải thưởng",
        "Ban Giám khảo",
        "Quy định bài dự thi",
        "Liên hệ",
    ] {
        assert!(
            sections.iter().any(|h| h.contains(s)),
            "section {s} in {sections:?}"
        );
    }
}

#[test]
fn the_edition_and_status_follow_the_build_time() {
    let p = with_contest();
    let cases = [
        ("2026-03-05", "2026", "Sắp diễn ra — còn 5 ngày"),
        ("2026-03-10 08:00", "2026", "Đang diễn ra — còn 11 ngày"),
        ("2026-03-20 23:00", "2026", "Đang diễn ra — còn 1 ngày"),
        ("2026-03-21", "2027", "Sắp diễn ra — còn 354 ngày"),
        ("2026-12-31", "2027", "Sắp diễn ra — còn 69 ngày"),
        ("2027-01-02", "2027", "Sắp diễn ra — còn 67 ngày"),
    ];
    for (now, year, status) in cases {
        build_at(&p, now);
        let html = page(&p, "thcs-a");
        assert!(
            html.contains(&format!("năm {year}")),
            "{now}: edition {year}"
        );
        assert!(
            html.contains(status),
            "{now}: {status}\n{}",
            texts(&scraper::Html::parse_document(&html), ".contest-status").join("|")
        );
    }
}

#[test]
fn past_editions_are_kept_in_an_archive() {
    let p = with_contest();
    p.post(
        "content/sites/thcs-a/contests/2026.md",
        "Cuộc thi 2026",
        "extends: cuoc-thi-anm\nyear: 2026\n",
        "Năm ngoái.\n",
    );
    build_at(&p, common::NOW);
    let archived = p.read("thcs-a/cuoc-thi/cuoc-thi-anm/2026/index.html");
    assert!(archived.contains("Đã kết thúc"));
    let index = p.html("thcs-a/cuoc-thi/index.html");
    let links = attrs(&index, "main a", "href");
    assert!(
        links.contains(&"../cuoc-thi/cuoc-thi-anm/".to_string())
            && links.contains(&"../cuoc-thi/cuoc-thi-anm/2026/".to_string()),
        "{links:?}"
    );
}

fn events(ics: &str) -> Vec<(String, String, String)> {
    let cal: Calendar = ics.parse().expect("valid iCalendar");
    let date = |d: Option<DatePerhapsTime>| match d {
        Some(DatePerhapsTime::Date(d)) => d.to_string(),
        other => panic!("all-day date expected, got {other:?}"),
    };
    cal.components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some((
                e.get_summary().unwrap_or_default().to_string(),
                date(e.get_start()),
                date(e.get_end()),
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn the_ics_parses_with_the_right_dates_and_is_stable() {
    let p = with_contest();
    build_at(&p, common::NOW);
    let ics = p.read("thcs-a/cuoc-thi/cuoc-thi-anm/contest.ics");
    assert!(
        ics.lines().all(|l| l.len() <= 76),
        "lines folded at 75 octets + CR"
    );
    let evs = events(&ics);
    assert_eq!(
        evs[0],
        (
            "Cuộc thi tìm hiểu Luật An ninh mạng năm 2027".to_string(),
            "2027-03-10".to_string(),
            "2027-03-21".to_string()
        )
    );
    assert_eq!(evs[1].1, "2027-03-25");
    let html = p.html("thcs-a/cuoc-thi/cuoc-thi-anm/index.html");
    let link: Vec<_> = attrs(&html, "a[download]", "href");
    assert_eq!(
        link,
        vec!["../../cuoc-thi/cuoc-thi-anm/contest.ics"],
        "'Thêm vào lịch' links the .ics"
    );
    build_at(&p, common::NOW);
    assert_eq!(
        p.read("thcs-a/cuoc-thi/cuoc-thi-anm/contest.ics"),
        ics,
        "UID and DTSTAMP stable across builds"
    );
}

#[test]
fn the_quiz_holds_the_questions_of_the_sites_primers() {
    let p = TestProject::new();
    p.post(
        "content/common/primers/p1.md",
        "Điều cấm",
        "law: blhs-2015\nsources: [{title: s, url: \"https://example.gov.vn\"}]\nquestions:\n  - q: \"Lừa đảo trên mạng là tội gì?\"\n    choices: [\"Không phải tội\", \"Tội lừa đảo chiếm đoạt tài sản\"]\n    answer: 2\n    explain: \"Điều 174.\"\n",
        "x\n",
    );
    p.post(
        "content/common/primers/p2.md",
        "Chỉ THCS",
        "law: blhs-2015\nlevels: [thcs]\nsources: [{title: s, url: \"https://example.gov.vn\"}]\nquestions:\n  - q: \"Câu hai?\"\n    choices: [a, b, c]\n    answer: 1\n",
        "x\n",
    );
    p.build_ok();
    let data = |site: &str| -> serde_json::Value {
        let doc = p.html(&format!("{site}/on-tap/index.html"));
        let json = texts(&doc, "script#quiz-data").join("");
        serde_json::from_str(&json).expect("quiz data is JSON")
    };
    let thcs = data("thcs-a");
    let items = thcs.as_array().unwrap();
    assert_eq!(items.len(), 2);
    let q = items
        .iter()
        .find(|i| i["q"] == "Lừa đảo trên mạng là tội gì?")
        .expect("the question");
    assert_eq!(
        q["choices"],
        serde_json::json!(["Không phải tội", "Tội lừa đảo chiếm đoạt tài sản"])
    );
    assert_eq!(q["answer"], 1, "answer counts from 0 in the data");
    assert_eq!(q["explain"], "Điều 174.");
    assert_eq!(q["primer_path"], "phap-luat/p1/");
    assert_eq!(
        data("th-b").as_array().unwrap().len(),
        1,
        "only the primers this site publishes"
    );
    let page = p.read("thcs-a/on-tap/index.html");
    let visible = page.split("<script").next().unwrap();
    assert!(
        !visible.contains("Điều 174."),
        "no explanation visible before answering"
    );
}

fn bad(contest: &str, body_line_of: &str) -> String {
    let p = with_contest();
    p.write("content/sites/thcs-a/contests/x.md", contest);
    let err = p.build_err();
    assert!(
        err.contains(&format!(
            "content/sites/thcs-a/contests/x.md:{body_line_of}"
        )),
        "{err}"
    );
    assert!(err.contains("help:"));
    err
}

#[test]
fn a_window_ending_before_it_starts_is_an_error() {
    let err = bad(
        "---\ntitle: X\nwindow: {start: \"03-20\", end: \"03-10\"}\n---\n",
        "3",
    );
    assert!(err.contains("window"), "{err}");
}

#[test]
fn an_unknown_extends_is_an_error() {
    let err = bad(
        "---\ntitle: X\nyear: 2027\nextends: cuoc-thi-khac\n---\n",
        "4",
    );
    assert!(
        err.contains("cuoc-thi-khac") && err.contains("cuoc-thi-anm"),
        "names the known contests: {err}"
    );
}

#[test]
fn an_unknown_format_is_an_error() {
    let err = bad(
        "---\ntitle: X\nformats: [trac-nghiem, ve-tranh]\n---\n",
        "3",
    );
    assert!(
        err.contains("ve-tranh") && err.contains("trac-nghiem"),
        "{err}"
    );
}

#[test]
fn prizes_may_be_plain_lines_of_text() {
    let p = TestProject::new();
    p.post(
        COMMON,
        "Cuộc thi",
        "window: {start: \"03-10\", end: \"03-20\"}\nprizes: [\"01 giải Nhất\", \"02 giải Nhì\"]\n",
        "Thể lệ.\n",
    );
    build_at(&p, common::NOW);
    let doc = p.html("thcs-a/cuoc-thi/cuoc-thi-anm/index.html");
    assert_eq!(
        texts(
            &doc,
            "#giai-thuong + ul li, section[aria-labelledby=giai-thuong] li"
        ),
        vec!["01 giải Nhất", "02 giải Nhì"],
        "a list of the lines, not a table with empty cells"
    );
    assert!(texts(&doc, "section[aria-labelledby=giai-thuong] table").is_empty());
}

fn quiz_primer(p: &TestProject, answers: &[&str]) {
    let mut questions = String::from("questions:\n");
    for (i, a) in answers.iter().enumerate() {
        questions.push_str(&format!(
            "  - q: \"Câu hỏi {i}?\"\n    choices: [\"Không phải tội\", \"Tội lừa đảo\", \"Tội vu khống\"]\n    answer: {a}\n"
        ));
    }
    p.post(
        "content/common/primers/p1.md",
        "Điều cấm",
        &format!(
            "law: blhs-2015\nsources: [{{title: s, url: \"https://example.gov.vn\"}}]\n{questions}"
        ),
        "x\n",
    );
}

#[test]
fn a_quiz_answer_may_be_a_letter_or_the_text_of_a_choice() {
    let p = TestProject::new();
    quiz_primer(&p, &["B", "c", "\"Tội lừa đảo\"", "2"]);
    p.build_ok();
    let doc = p.html("thcs-a/on-tap/index.html");
    let json: serde_json::Value =
        serde_json::from_str(&texts(&doc, "script#quiz-data").join("")).unwrap();
    let answers: Vec<u64> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["answer"].as_u64().unwrap())
        .collect();
    assert_eq!(
        answers,
        vec![1, 2, 1, 1],
        "B, c, the text, 2 (counted from 0 in the data)"
    );
}

#[test]
fn a_quiz_answer_letter_outside_the_choices_is_an_error() {
    let p = TestProject::new();
    quiz_primer(&p, &["A", "E"]);
    let err = p.build_err();
    assert!(
        err.contains("question 2: `answer: E` names no choice"),
        "{err}"
    );
    assert!(err.contains("(A, B, C)"), "the allowed letters:\n{err}");
    assert!(err.contains("content/common/primers/p1.md:"), "{err}");

    quiz_primer(&p, &["\"Tội trộm cắp\""]);
    let err = p.build_err();
    assert!(
        err.contains("question 1: `answer: Tội trộm cắp` names no choice"),
        "{err}"
    );
}

#[test]
fn a_bad_milestone_date_is_reported_at_its_own_line() {
    let err = bad(
        "---\ntitle: X\ntimeline:\n  - {date: \"03-15\", title: \"Thi thử\"}\n  - date: \"03-45\"\n    title: \"Sai\"\n---\n",
        "5",
    );
    assert!(err.contains("03-45"), "{err}");
}

#[test]
fn a_missing_title_points_at_the_front_matter() {
    let err = bad("---\nyear: 2027\nrecurrence: once\n---\n", "1");
    assert!(err.contains("title"), "{err}");
}
