//! Law currency on the bundled network: built at three dates, every page with a law notice is
//! the one expected (so a false alarm anywhere fails), and each primer's law box shows the
//! state expected on that day. Then the rules on a small project: a partly replaced text, a
//! link that is history, and `check` on a primer whose articles were replaced.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use common::TestProject;

/// Builds the bundled content at `now` into a temporary folder.
fn build_bundled(now: &str) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let cache = out.path().join("cache");
    let result = Command::new(env!("CARGO_BIN_EXE_lantoa"))
        .args([
            "--root",
            &common::repo().display().to_string(),
            "build",
            "--now",
            now,
            "--out",
            &out.path().join("public").display().to_string(),
        ])
        .env("LANTOA_CACHE", &cache)
        .env_remove("LANTOA_LANG")
        .output()
        .unwrap();
    assert!(
        result.status.success(),
        "build at {now}:\n{}",
        String::from_utf8_lossy(&result.stderr)
    );
    out
}

/// Every page (site/path) that carries a law notice.
fn pages_with_notice(public: &Path) -> BTreeSet<String> {
    walkdir::WalkDir::new(public)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "index.html")
        .filter(|e| {
            std::fs::read_to_string(e.path())
                .unwrap()
                .contains("class=\"law-notice\"")
        })
        .map(|e| e.path().strip_prefix(public).unwrap().display().to_string())
        .collect()
}

/// The state in a primer's law box (`law-state-<state>`).
fn box_state(html: &str) -> &str {
    let at = html.find("law-state-").expect("a law box") + "law-state-".len();
    let rest = &html[at..];
    &rest[..rest.find('"').unwrap()]
}

const SITES: [&str; 5] = [
    "so-gddt-quang-ninh",
    "phong-gddt-mong-cai",
    "thcs-hai-yen",
    "thcs-hai-hoa",
    "th-ka-long",
];

/// primer → (state of its law, notice) on each date: 2026-05-01, 2026-12-01, 2027-03-15.
/// `Some(text)`: the page carries a notice containing `text`; `None`: no notice at all.
type Expected = (&'static str, Option<&'static str>);
const PRIMERS: [(&str, [Expected; 3]); 6] = [
    (
        "luat-an-ninh-mang",
        [
            ("not_yet_in_force", None),
            ("in_force", None),
            ("in_force", None),
        ],
    ),
    (
        "xu-phat-tin-gia",
        [
            ("not_yet_in_force", None),
            ("in_force", None),
            ("in_force", None),
        ],
    ),
    (
        "luat-an-ninh-mang-2018-dieu-16-29",
        [
            ("in_force", None),
            ("replaced", Some("116/2025/QH15")),
            ("replaced", Some("116/2025/QH15")),
        ],
    ),
    (
        "bo-luat-hinh-su",
        [("in_force", None), ("in_force", None), ("in_force", None)],
    ),
    (
        "quy-tac-ung-xu",
        [("in_force", None), ("in_force", None), ("in_force", None)],
    ),
    (
        "bao-ve-tre-em-du-lieu-ca-nhan",
        [("in_force", None), ("in_force", None), ("in_force", None)],
    ),
];

const DATES: [&str; 3] = ["2026-05-01", "2026-12-01", "2027-03-15"];

#[test]
fn the_bundled_pages_carry_notices_exactly_where_they_rely_on_a_replaced_text() {
    for (i, now) in DATES.iter().enumerate() {
        let out = build_bundled(now);
        let public = out.path().join("public");
        let mut expected = BTreeSet::new();
        for (slug, states) in PRIMERS {
            let (state, notice) = states[i];
            let mut seen = false;
            for site in SITES {
                let rel = format!("{site}/phap-luat/{slug}/index.html");
                let Ok(html) = std::fs::read_to_string(public.join(&rel)) else {
                    continue;
                };
                seen = true;
                assert_eq!(box_state(&html), state, "{rel} at {now}: state of its law");
                if let Some(text) = notice {
                    expected.insert(rel.clone());
                    let section = html.split("class=\"law-notice\"").nth(1).unwrap();
                    assert!(
                        section.contains(text),
                        "{rel} at {now}: notice names {text}"
                    );
                }
            }
            assert!(seen, "{slug} is published somewhere at {now}");
        }
        assert_eq!(
            pages_with_notice(&public),
            expected,
            "pages with a law notice at {now}"
        );
    }
}

#[test]
fn the_bundled_content_is_clean_at_the_three_dates() {
    for now in DATES {
        let out = Command::new(env!("CARGO_BIN_EXE_lantoa"))
            .args([
                "--root",
                &common::repo().display().to_string(),
                "check",
                "--now",
                now,
                "--format",
                "json",
            ])
            .env_remove("LANTOA_LANG")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let law_warnings: Vec<&str> = stdout
            .lines()
            .filter(|l| l.contains("law-not-in-force") || l.contains("law-articles-replaced"))
            .collect();
        assert!(law_warnings.is_empty(), "at {now}: {law_warnings:?}");
    }
}

const PARTLY: &str = r#"
- id: nd-15-2020
  title: "Nghị định xử phạt"
  number: "15/2020/NĐ-CP"
  effective: 2020-04-15
  replaced:
    - parts: "Chương IV"
      articles: [101]
      by: nd-174-2026
      from: 2026-07-01
  articles:
    101: "Vi phạm các quy định về trách nhiệm sử dụng dịch vụ mạng xã hội"
    15: "Điều về viễn thông"
- id: nd-174-2026
  title: "Nghị định số 174/2026/NĐ-CP"
  number: "174/2026/NĐ-CP"
  effective: 2026-07-01
  articles: {}
  about:
    95: "mức phạt khi đăng tin sai sự thật"
"#;

fn partly_project() -> TestProject {
    let p = TestProject::new();
    let laws = std::fs::read_to_string(p.path().join("content/laws.yaml")).unwrap();
    p.write("content/laws.yaml", &format!("{laws}{PARTLY}"));
    let dir = "content/sites/thcs-a/articles";
    p.post(
        &format!("{dir}/2026-11-01-cu.md"),
        "Chỉ dẫn điều cũ",
        "",
        "Theo [Điều 101](law:nd-15-2020#101), mức phạt là…\n",
    );
    p.post(
        &format!("{dir}/2026-11-02-lich-su.md"),
        "Điều cũ và điều mới",
        "",
        "Trước đây là [Điều 101](law:nd-15-2020#101), nay là [Điều 95](law:nd-174-2026#95).\n",
    );
    p.post(
        &format!("{dir}/2026-11-03-vien-thong.md"),
        "Điều còn hiệu lực",
        "",
        "Theo [Điều 15](law:nd-15-2020#15).\n",
    );
    p.post(
        "content/common/primers/dieu-101.md",
        "Điều 101",
        "law: nd-15-2020\narticles: [101]\nreviewed: 2026-11-01\nsources: [{title: \"NĐ 15\", url: \"https://example.gov.vn\"}]\n",
        "x\n",
    );
    p
}

#[test]
fn a_partly_replaced_text_warns_only_pages_relying_on_the_replaced_part() {
    let p = partly_project();
    p.build_ok();
    let old = p.read("thcs-a/bai-viet/cu/index.html");
    let notice = old.split("class=\"law-notice\"").nth(1).expect("a notice");
    assert!(notice.contains("Chương IV"), "names the part");
    assert!(
        notice.contains("174/2026/NĐ-CP"),
        "names the replacing text"
    );
    assert!(
        !notice.contains("174/2026/NĐ-CP (174/2026/NĐ-CP)"),
        "number not repeated"
    );
    assert!(notice.contains("01/07/2026"), "names the day");
    for history in [
        "thcs-a/bai-viet/lich-su/index.html",
        "thcs-a/bai-viet/vien-thong/index.html",
    ] {
        assert!(
            !p.read(history).contains("class=\"law-notice\""),
            "{history}: no alarm"
        );
    }
    let primer = p.read("thcs-a/phap-luat/dieu-101/index.html");
    assert_eq!(box_state(&primer), "partly_replaced");
    assert!(primer.contains("class=\"law-notice\""));
    // Before the replacement: in force, no notice.
    assert!(p.lantoa(&["build", "--now", "2026-06-30"]).status.success());
    let primer = p.read("thcs-a/phap-luat/dieu-101/index.html");
    assert_eq!(box_state(&primer), "in_force");
    assert!(!primer.contains("class=\"law-notice\""));
}

#[test]
fn check_warns_for_a_primer_on_replaced_articles_and_not_for_a_historical_one() {
    let p = partly_project();
    let out = p.lantoa(&["check", "--now", common::NOW, "--format", "json"]);
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        stdout.contains("law-articles-replaced") && stdout.contains("dieu-101.md"),
        "{stdout}"
    );
    p.post(
        "content/common/primers/anm-2018.md",
        "Luật 2018",
        "law: luat-an-ninh-mang-2018\narticles: [8]\nreviewed: 2026-11-01\nsources: [{title: \"Luật\", url: \"https://example.gov.vn\"}]\n",
        "x\n",
    );
    let stdout = String::from_utf8_lossy(
        &p.lantoa(&["check", "--now", common::NOW, "--format", "json"])
            .stdout,
    )
    .to_string();
    assert!(stdout.contains("law-not-in-force"), "{stdout}");
    p.post(
        "content/common/primers/anm-2018.md",
        "Luật 2018",
        "law: luat-an-ninh-mang-2018\narticles: [8]\nhistorical: true\nreviewed: 2026-11-01\nsources: [{title: \"Luật\", url: \"https://example.gov.vn\"}]\n",
        "x\n",
    );
    let stdout = String::from_utf8_lossy(
        &p.lantoa(&["check", "--now", common::NOW, "--format", "json"])
            .stdout,
    )
    .to_string();
    assert!(!stdout.contains("law-not-in-force"), "{stdout}");
}

#[test]
fn a_text_not_yet_in_force_says_so() {
    let p = TestProject::new();
    p.post(
        "content/common/primers/anm-2025.md",
        "Luật An ninh mạng 2025",
        "law: luat-an-ninh-mang-2025\nreviewed: 2026-11-01\nsources: [{title: \"Luật\", url: \"https://example.gov.vn\"}]\n",
        "x\n",
    );
    assert!(p.lantoa(&["build", "--now", "2026-05-01"]).status.success());
    let html = p.read("thcs-a/phap-luat/anm-2025/index.html");
    assert_eq!(box_state(&html), "not_yet_in_force");
    assert!(html.contains("Chưa có hiệu lực"));
    assert!(html.contains("01/07/2026"));
    assert!(!html.contains("Không còn hiệu lực"));
    assert!(!html.contains("class=\"law-notice\""));
}
