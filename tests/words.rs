//! The words of the tool: every line lantoa prints (build, check, calendar table and CSV) and
//! its editorial pages (`public/_editorial/`) are in the language of messages — English with
//! `language: en`, Vietnamese with `language: vi` — and the theme's UI strings must all be in
//! its `i18n/vi.yaml` (a missing one is an error naming the key and the file).
//!
//! The projects here have ASCII content (unit names, titles, laws), so any Vietnamese letter
//! in English output, or any English word in Vietnamese output, is a word of the tool.

mod common;

use common::TestProject;

const VIETNAMESE_LETTERS: &str =
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";

/// English words of the tool that must not show in Vietnamese output (the names of the
/// commands, `lantoa calendar: …`, are not words).
const ENGLISH_WORDS: &[&str] = &[
    "site",
    "sites",
    "page",
    "pages",
    "file",
    "files",
    "error",
    "errors",
    "warning",
    "warnings",
    "week",
    "weeks",
    "published",
    "scheduled",
    "draft",
    "drafts",
    "review",
    "quota",
    "quotas",
    "met",
    "missed",
    "upcoming",
    "reachable",
    "next",
    "change",
    "changes",
    "kept",
    "photos",
    "created",
    "unit",
    "units",
    "today",
    "period",
    "posts",
    "post",
    "short",
    "planned",
    "ends",
    "starts",
    "expires",
    "problem",
    "problems",
    "nothing",
    "untouched",
];

/// A network with ASCII names and content: a quota, a scheduled post, a post in review, a
/// draft, an insecure link (a warning) and a key date.
fn project(language: &str) -> TestProject {
    let p = TestProject::new();
    p.write(
        "content/network.yaml",
        &format!(
            "name: \"Mang Thu\"\nlanguage: {language}\nbase_url: \"https://{{site}}.example.edu.vn/\"\nquotas:\n  school: [{{per: week, min: 2}}, {{per: day, min: 1, kinds: [stories]}}]\nkey_dates:\n  - {{date: \"12-01\", title: \"Ngay Mot\"}}\n"
        ),
    );
    p.write(
        "content/laws.yaml",
        "- id: luat-a\n  title: \"Luat A\"\n  number: \"1/2020/QH14\"\n  url: \"https://example.gov.vn/a\"\n",
    );
    p.site("so", "name: \"So Thu\"\nkind: department\n");
    p.site("phong", "name: \"Phong Thu\"\nkind: office\nparent: so\n");
    p.site(
        "thcs-a",
        "name: \"Truong A\"\nkind: school\nlevel: thcs\nparent: phong\n",
    );
    p.site(
        "th-b",
        "name: \"Truong B\"\nkind: school\nlevel: tieu-hoc\nparent: phong\n",
    );
    p.post(
        "content/sites/thcs-a/articles/mot.md",
        "Bai mot",
        "date: 2026-11-23\n",
        "Xem [trang](http://example.com/x).\n",
    );
    p.post(
        "content/sites/thcs-a/articles/hai.md",
        "Bai hai",
        "date: 2026-12-02 07:00\n",
        "Noi dung.\n",
    );
    p.write(
        "content/sites/thcs-a/articles/ba.md",
        "---\ntitle: \"Bai ba\"\ndate: 2026-11-26\nstatus: review\n---\nNoi dung.\n",
    );
    p.write(
        "content/sites/th-b/articles/bon.md",
        "---\ntitle: \"Bai bon\"\ndate: 2026-11-25\nstatus: draft\n---\nNoi dung.\n",
    );
    p
}

/// Everything lantoa said for `args` (stdout and stderr).
fn said(p: &TestProject, args: &[&str]) -> String {
    let out = p.lantoa(args);
    String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr)
}

/// What the tool says in the project: build, check, the calendar as a table and as CSV, and
/// the text of the editorial pages (tags removed).
fn tool_words(p: &TestProject) -> Vec<(String, String)> {
    let now = common::NOW;
    let mut all = vec![
        ("build".to_string(), said(p, &["build", "--now", now])),
        ("check".to_string(), said(p, &["check", "--now", now])),
        (
            "check --deny-warnings".to_string(),
            said(p, &["check", "--now", now, "--deny-warnings"]),
        ),
        (
            "calendar".to_string(),
            said(
                p,
                &[
                    "calendar",
                    "--now",
                    now,
                    "--from",
                    "2026-11-02",
                    "--to",
                    "2026-12-13",
                    "--strict",
                ],
            ),
        ),
        (
            "calendar csv".to_string(),
            said(
                p,
                &[
                    "calendar",
                    "--now",
                    now,
                    "--from",
                    "2026-11-02",
                    "--to",
                    "2026-12-13",
                    "--format",
                    "csv",
                ],
            ),
        ),
    ];
    for page in ["index.html", "thcs-a/index.html", "phong/index.html"] {
        let html = p.read(&format!("_editorial/{page}"));
        all.push((format!("_editorial/{page}"), strip_tags(&html)));
    }
    all
}

fn strip_tags(html: &str) -> String {
    let body = html.split("</style>").last().unwrap_or(html);
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The words of a text, without paths, flags and file names (`content/sites/…`, `--site`).
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .filter(|t| !t.contains('/') && !t.contains('.') && !t.contains("--"))
        .flat_map(|t| {
            t.split(|c: char| !c.is_alphabetic())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

#[test]
fn with_language_en_the_tool_says_nothing_in_vietnamese() {
    let p = project("en");
    let said = tool_words(&p);
    for (what, text) in &said {
        assert!(!text.trim().is_empty(), "{what} said nothing");
        let vietnamese: Vec<&str> = text
            .lines()
            .filter(|l| {
                l.to_lowercase()
                    .chars()
                    .any(|c| VIETNAMESE_LETTERS.contains(c))
            })
            .collect();
        assert!(
            vietnamese.is_empty(),
            "{what} has Vietnamese words of the tool:\n{}\n--- all of it:\n{text}",
            vietnamese.join("\n")
        );
    }
    let (_, build) = &said[0];
    assert!(
        build.contains("site(s)") && build.contains("warning"),
        "{build}"
    );
    let (_, table) = &said[3];
    assert!(
        table.contains("Week") && table.contains("Quota 1"),
        "{table}"
    );
    assert!(
        p.read("_editorial/index.html")
            .contains("<html lang=\"en\">"),
        "the editorial pages are in the language of messages"
    );
}

#[test]
fn with_language_vi_the_tool_says_nothing_in_english() {
    let p = project("vi");
    let said = tool_words(&p);
    for (what, text) in &said {
        assert!(!text.trim().is_empty(), "{what} said nothing");
        let english: Vec<String> = words(text)
            .into_iter()
            .filter(|w| ENGLISH_WORDS.contains(&w.as_str()))
            .collect();
        assert!(
            english.is_empty(),
            "{what} has English words of the tool: {english:?}\n--- all of it:\n{text}"
        );
    }
    let (_, build) = &said[0];
    assert!(
        build.contains("trang web") && build.contains("cảnh báo"),
        "{build}"
    );
    let (_, csv) = &said[4];
    assert!(csv.starts_with("ma_don_vi,"), "{csv}");
    assert!(p.read("_editorial/index.html").contains("Lịch biên tập"));
}

#[test]
fn lantoa_lang_wins_over_the_network_language() {
    let p = project("vi");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lantoa"))
        .arg("--root")
        .arg(p.path())
        .args(["check", "--now", common::NOW])
        .env("LANTOA_LANG", "en")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("no errors"), "{text}");
}

#[test]
fn a_ui_string_missing_from_the_i18n_file_is_an_error_naming_the_key_and_the_file() {
    let p = project("en");
    let i18n = "themes/default/i18n/vi.yaml";
    let text = std::fs::read_to_string(p.path().join(i18n)).unwrap();
    assert!(
        text.contains("\nread_more:"),
        "the default theme uses t.read_more"
    );
    let without = |key: &str| {
        text.lines()
            .filter(|l| !l.starts_with(&format!("{key}:")))
            .collect::<Vec<_>>()
            .join("\n")
    };
    // A key a template uses.
    p.write(i18n, &without("read_more"));
    let err = p.build_err();
    assert!(
        err.contains("read_more") && err.contains(i18n) && err.contains("templates/"),
        "{err}"
    );
    assert!(
        err.contains("missing-string") || err.contains("has no string"),
        "{err}"
    );
    assert!(
        !p.exists("thcs-a/index.html"),
        "nothing is built with a broken theme"
    );
    // A key lantoa itself puts on pages (a preview banner).
    p.write(i18n, &without("banner_draft"));
    let err = p.build_err();
    assert!(err.contains("banner_draft") && err.contains(i18n), "{err}");
    // A site's own template that reads a string the theme does not have.
    p.write(i18n, &text);
    p.build_ok();
    p.write(
        "content/sites/th-b/theme/templates/page.html",
        "{% extends \"base.html\" %}{% block content %}{{ t.khong_co_chuoi_nay }}{% endblock content %}",
    );
    let err = p.build_err();
    assert!(
        err.contains("khong_co_chuoi_nay") && err.contains(i18n) && err.contains("th-b"),
        "{err}"
    );
}
