//! `lantoa check` and `lantoa new`, and robustness: every file of `tests/bad-inputs/` gives
//! exactly one error (named by the file's prefix), never a panic or a hang; a property test
//! feeds random front matter and Markdown to the loader.

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::TestProject;

fn problems(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn every_bad_input_gives_exactly_one_error_and_no_panic() {
    let dir = common::repo().join("tests/bad-inputs");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert!(names.len() >= 20);
    let p = TestProject::new();
    for name in names {
        let target = format!("content/sites/thcs-a/articles/{name}");
        p.write_bytes(&target, &std::fs::read(dir.join(&name)).unwrap());
        let mut child = Command::new(env!("CARGO_BIN_EXE_lantoa"))
            .args([
                "--root",
                &p.path().display().to_string(),
                "check",
                "--now",
                common::NOW,
                "--format",
                "json",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let started = Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed() > Duration::from_secs(30) {
                let _ = child.kill();
                panic!("{name}: lantoa check hung");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{name}: exit code (101 would be a panic): {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let errors: Vec<_> = problems(&out.stdout)
            .into_iter()
            .filter(|d| d["severity"] == "error")
            .collect();
        assert_eq!(
            errors.len(),
            1,
            "{name}: exactly one error, got {errors:#?}"
        );
        let expected = name.split("--").next().unwrap();
        assert_eq!(errors[0]["code"], expected, "{name}: {:#?}", errors[0]);
        assert_eq!(errors[0]["file"], target, "{name}");
        assert!(
            !errors[0]["help"].as_str().unwrap().is_empty(),
            "{name}: help"
        );
        std::fs::remove_file(p.path().join(&target)).unwrap();
    }
}

#[test]
fn check_writes_nothing_and_reports_json_and_github_formats() {
    let p = TestProject::new();
    p.write(
        "content/sites/thcs-a/articles/2026-11-01-a.md",
        "---\ntitle: A\ntittle: B\n---\nx\n",
    );
    let out = p.lantoa(&["check", "--now", common::NOW, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let d = &problems(&out.stdout)[0];
    assert_eq!(d["code"], "unknown-field");
    assert_eq!(d["file"], "content/sites/thcs-a/articles/2026-11-01-a.md");
    assert_eq!(d["line"], 3);
    assert_eq!(d["column"], 1);
    assert_eq!(d["help"], "did you mean `title`?");
    let out = p.lantoa(&["check", "--now", common::NOW, "--format", "github"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("::error file=content/sites/thcs-a/articles/2026-11-01-a.md,line=3,col=1,title=thcs-a::unknown field `tittle`"), "{text}");
    assert_eq!(
        d["sites"],
        serde_json::json!(["thcs-a"]),
        "the affected sites"
    );
    let out = p.lantoa(&["check", "--now", common::NOW]);
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("3 | tittle: B") && text.contains("^") && text.contains("help:"),
        "text shows the line with a marker: {text}"
    );
    assert!(!p.path().join("public").exists(), "check writes nothing");
}

#[test]
fn warnings_do_not_fail_unless_denied() {
    let p = TestProject::new();
    p.post(
        "content/sites/thcs-a/articles/2026-11-01-a.md",
        "A",
        "",
        "Liên hệ em Lan: 0912 345 678, lan.nguyen@gmail.com, CCCD 001203004567.\n\nXem [trang cũ](http://example.com/x).\n\nNhà trường: 0200 000 001.\n",
    );
    p.post(
        "content/common/primers/cu.md",
        "Luật cũ",
        "law: luat-an-ninh-mang-2018\nreviewed: 2025-09-01\nsources: [{title: s, url: \"https://example.gov.vn\"}]\n",
        "x\n",
    );
    let out = p.lantoa(&["check", "--now", common::NOW, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "warnings alone pass");
    let codes: Vec<String> = problems(&out.stdout)
        .iter()
        .map(|d| format!("{}:{}", d["code"].as_str().unwrap(), d["line"]))
        .collect();
    for expected in [
        "personal-data:6",
        "insecure-link:8",
        "law-not-in-force:5",
        "review-outdated:6",
    ] {
        assert!(
            codes.contains(&expected.to_string()),
            "{expected} in {codes:?}"
        );
    }
    assert_eq!(
        codes
            .iter()
            .filter(|c| c.starts_with("personal-data"))
            .count(),
        3,
        "phone, e-mail and ID; not the unit's own hotline: {codes:?}"
    );
    let out = p.lantoa(&["check", "--now", common::NOW, "--deny-warnings"]);
    assert_eq!(out.status.code(), Some(1));
    let build = p.lantoa(&["build", "--now", common::NOW]);
    assert!(build.status.success(), "warnings do not stop a build");
    assert!(
        String::from_utf8_lossy(&build.stderr).contains("0912"),
        "build shows warnings"
    );
}

#[test]
fn a_post_long_in_review_is_a_warning() {
    let p = TestProject::new();
    p.write(
        "content/sites/thcs-a/articles/2026-10-01-cho.md",
        "---\ntitle: Chờ\nstatus: review\n---\nx\n",
    );
    let out = p.lantoa(&["check", "--now", "2099-01-01", "--format", "json"]);
    let codes: Vec<_> = problems(&out.stdout)
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect();
    assert!(codes.contains(&"long-in-review".to_string()), "{codes:?}");
    let out = p.lantoa(&["check", "--format", "json"]);
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains("long-in-review"),
        "just saved: no warning"
    );
}

#[test]
fn new_creates_valid_pages_of_every_kind_and_never_overwrites() {
    let p = TestProject::new();
    p.post("content/common/contests/cuoc-thi.md", "Cuộc thi", "", "x\n");
    // A primer's title names its law (`new` picks the law by title; see new_primer_picks_…).
    let out = p.lantoa(&["new", "primer", "--site", "thcs-a", "Bộ luật Hình sự"]);
    assert!(out.status.success());
    for kind in ["article", "story", "page", "contest"] {
        let out = p.lantoa(&["new", kind, "--site", "thcs-a", "Gương sáng lớp 8A"]);
        assert!(
            out.status.success(),
            "{kind}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("guong-sang-lop-8a"),
            "Vietnamese slug"
        );
    }
    let out = p.lantoa(&["new", "article", "Tin chung của mạng"]);
    assert!(out.status.success());
    let check = p.lantoa(&["check"]);
    assert!(
        check.status.success(),
        "every new file is valid: {}",
        String::from_utf8_lossy(&check.stderr)
    );
    let stories = std::fs::read_dir(p.path().join("content/sites/thcs-a/stories"))
        .unwrap()
        .count();
    assert_eq!(stories, 1);
    let story_path = std::fs::read_dir(p.path().join("content/sites/thcs-a/stories"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let before = std::fs::read(&story_path).unwrap();
    std::fs::write(&story_path, b"---\ntitle: Bai da viet\n---\n").unwrap();
    let out = p.lantoa(&["new", "story", "--site", "thcs-a", "Gương sáng lớp 8A"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            &story_path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .to_string()
        ),
        "says where the existing file is: {err}"
    );
    assert_eq!(
        std::fs::read(&story_path).unwrap(),
        b"---\ntitle: Bai da viet\n---\n",
        "not overwritten"
    );
    assert_ne!(before.len(), 0);
    let out = p.lantoa(&["new", "page", "--site", "khong-co", "X"]);
    assert_eq!(out.status.code(), Some(1));
}

mod robustness {
    use lantoa::load::frontmatter::Kind;
    use lantoa::load::{Owner, file, parse_source};
    use proptest::prelude::*;

    fn fragment() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                Just("---\n".to_string()),
                Just("title: ".to_string()),
                Just("date: 2026-03-10\n".to_string()),
                Just("tags: [".to_string()),
                Just("status: approved\n".to_string()),
                Just("person: {name: Lan, student: true}\n".to_string()),
                Just("questions:\n  - q: x\n    choices: [a]\n    answer: 9\n".to_string()),
                Just("[a](@/x.md#y)".to_string()),
                Just("[b](law:blhs-2015#155)".to_string()),
                Just("![](anh.jpg)".to_string()),
                Just("<iframe src=x>".to_string()),
                Just("<script>".to_string()),
                Just("```rust\nfn x(){}\n".to_string()),
                Just("| a | b |\n|---|---|\n".to_string()),
                Just("[^1]\n\n[^1]: n\n".to_string()),
                Just("# Người tốt\n".to_string()),
                Just("\u{feff}".to_string()),
                Just("\r\n".to_string()),
                Just("\t".to_string()),
                Just("Ngu\u{31b}o\u{31b}\u{300}i".to_string()),
                "[ -~]{0,12}",
                "\\PC{0,8}",
            ],
            0..24,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(512), ..ProptestConfig::default() })]

        #[test]
        fn loading_any_text_never_panics(text in fragment(), kind in 0usize..4) {
            let kind = [Kind::Article, Kind::Story, Kind::Primer, Kind::Page][kind];
            let root = std::path::Path::new("/tmp/lantoa-proptest");
            let path = root.join("content/sites/a/articles/2026-03-10-x.md");
            let _ = parse_source(root, &root.join("content"), Owner::Site("a".into()), kind, &path, &text);
        }

        #[test]
        fn decoding_any_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
            let _ = file::decode(&bytes);
        }
    }
}

#[test]
fn the_bundled_content_is_clean() {
    let out = Command::new(env!("CARGO_BIN_EXE_lantoa"))
        .args([
            "--root",
            &common::repo().display().to_string(),
            "check",
            "--now",
            common::NOW,
            "--deny-warnings",
        ])
        .env_remove("LANTOA_LANG")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "lantoa check on the bundled content:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_build_failing_half_way_leaves_the_previous_output_byte_for_byte() {
    let p = TestProject::new();
    p.post(
        "content/sites/thcs-a/articles/2026-11-01-a.md",
        "A",
        "",
        "x\n",
    );
    p.build_ok();
    std::fs::write(p.path().join("public/my-notes.txt"), "ghi chú của tôi").unwrap();
    let before = common::snapshot(&p.path().join("public"));
    // One site's own template fails while rendering: the other sites were already rendered.
    p.write(
        "content/sites/th-b/theme/templates/article.html",
        "{% extends \"base.html\" %}{% block content %}{{ page.khong_co }}{% endblock content %}",
    );
    p.post(
        "content/sites/th-b/articles/2026-11-02-b.md",
        "B",
        "",
        "x\n",
    );
    // With --all-or-nothing, one site's failure writes nothing at all.
    let out = p.lantoa(&["build", "--now", common::NOW, "--all-or-nothing"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("content/sites/th-b/theme/templates/article.html:1"),
        "the template's file and line: {err}"
    );
    assert_eq!(
        common::snapshot(&p.path().join("public")),
        before,
        "previous output untouched"
    );
    let leftovers: Vec<_> = std::fs::read_dir(p.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("staging") || n.contains(".old"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no staging folder left: {leftovers:?}"
    );
    std::fs::remove_file(
        p.path()
            .join("content/sites/th-b/theme/templates/article.html"),
    )
    .unwrap();
    p.build_ok();
    assert_eq!(
        std::fs::read_to_string(p.path().join("public/my-notes.txt")).unwrap(),
        "ghi chú của tôi",
        "a file lantoa did not write is kept"
    );
}

fn run_check(p: &TestProject, extra: &[&str]) -> (bool, String) {
    let mut args = vec!["check", "--now", common::NOW];
    args.extend_from_slice(extra);
    let out = p.lantoa(&args);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

fn primer(p: &TestProject, name: &str, law: &str, articles: &str) {
    p.post(
        &format!("content/common/primers/{name}.md"),
        "Tìm hiểu pháp luật",
        &format!("law: {law}\narticles: {articles}\nreviewed: 2026-11-01\nsources: [{{title: \"Văn bản\", url: \"https://example.gov.vn/\"}}]\n"),
        "Giải thích.\n",
    );
}

#[test]
fn a_law_article_listed_in_laws_yaml_is_known() {
    let p = TestProject::new();
    p.post(
        "content/sites/thcs-a/articles/2026-11-01-a.md",
        "A",
        "",
        "Xem [Điều 155](law:blhs-2015#155).\n",
    );
    let (ok, err) = run_check(&p, &["--deny-warnings"]);
    assert!(ok, "{err}");
}

#[test]
fn a_law_article_declared_only_by_a_primer_is_known() {
    let p = TestProject::new();
    primer(&p, "toi-vu-khong", "blhs-2015", "[156]");
    p.post(
        "content/sites/thcs-a/articles/2026-11-01-a.md",
        "A",
        "",
        "Xem [Điều 156](law:blhs-2015#156).\n",
    );
    let (ok, err) = run_check(&p, &["--deny-warnings"]);
    assert!(
        ok,
        "a primer's `articles: [156]` makes Điều 156 known:\n{err}"
    );
    p.build_ok();
    let html = p.read("thcs-a/bai-viet/a/index.html");
    assert!(
        html.contains("phap-luat/toi-vu-khong/"),
        "the link goes to the primer that explains it:\n{html}"
    );
}

#[test]
fn a_law_without_articles_accepts_every_number_with_one_warning() {
    let p = TestProject::new();
    p.post(
        "content/sites/thcs-a/articles/2026-11-01-a.md",
        "A",
        "",
        "Xem [Điều 3](law:luat-an-ninh-mang-2025#3) và [Điều 9](law:luat-an-ninh-mang-2025#9).\n",
    );
    let (ok, err) = run_check(&p, &[]);
    assert!(ok, "{err}");
    assert_eq!(
        err.matches("lists no `articles`").count(),
        1,
        "one warning per law:\n{err}"
    );
    assert!(err.contains("luat-an-ninh-mang-2025"), "{err}");
    assert!(
        err.contains("content/laws.yaml:11"),
        "the law's line in laws.yaml:\n{err}"
    );
    let (ok, _) = run_check(&p, &["--deny-warnings"]);
    assert!(!ok, "it is a warning");
    p.build_ok();
    let html = p.read("thcs-a/bai-viet/a/index.html");
    assert!(
        html.contains("https://example.gov.vn/luat-116-2025"),
        "links to the law's url"
    );
}

#[test]
fn an_unknown_article_of_a_law_that_lists_its_articles_is_an_error_with_did_you_mean() {
    let p = TestProject::new();
    p.post(
        "content/sites/thcs-a/articles/2026-11-01-a.md",
        "A",
        "",
        "Xem [Điều 175](law:blhs-2015#175).\n",
    );
    let (ok, err) = run_check(&p, &[]);
    assert!(!ok);
    assert!(err.contains("has no article 175"), "{err}");
    assert!(err.contains("did you mean article 174?"), "{err}");
}

#[test]
fn an_unknown_site_gets_the_nearest_id_and_the_command_as_location() {
    let out = Command::new(env!("CARGO_BIN_EXE_lantoa"))
        .args([
            "--root",
            &common::repo().display().to_string(),
            "check",
            "--now",
            common::NOW,
            "--site",
            "thcs-hai-yenn",
        ])
        .env("LANTOA_LANG", "vi")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("ý bạn là `thcs-hai-yen`?"), "{err}");
    assert!(
        err.contains("--> trong lệnh: --site thcs-hai-yenn"),
        "{err}"
    );
}

#[test]
fn new_primer_picks_the_law_its_title_names_in_the_bundled_network() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&common::repo().join("content"), &dir.path().join("content"));
    common::copy_dir(&common::repo().join("themes"), &dir.path().join("themes"));
    let run = |title: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_lantoa"))
            .arg("--root")
            .arg(dir.path())
            .args(["new", "primer", title])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run("Luật Trẻ em");
    let text =
        std::fs::read_to_string(dir.path().join("content/common/primers/luat-tre-em.md")).unwrap();
    assert!(text.contains("\nlaw: luat-tre-em-2016 "), "{text}");
    assert!(
        text.contains("102/2016/QH13"),
        "the law's title in sources:\n{text}"
    );
    // No law matches: a placeholder that check rejects, naming the known ids.
    run("Ăn uống lành mạnh");
    let text = std::fs::read_to_string(
        dir.path()
            .join("content/common/primers/an-uong-lanh-manh.md"),
    )
    .unwrap();
    assert!(
        text.contains("\nlaw: chon-ma-van-ban-trong-laws-yaml "),
        "{text}"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_lantoa"))
        .arg("--root")
        .arg(dir.path())
        .args(["check", "--now", common::NOW])
        .env("LANTOA_LANG", "en")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("law `chon-ma-van-ban-trong-laws-yaml` is not in content/laws.yaml"),
        "{err}"
    );
    assert!(
        err.contains("luat-tre-em-2016"),
        "the help lists the ids:\n{err}"
    );
}

/// `file:line` of every problem of `lantoa check` of the given severity.
fn places(p: &TestProject, severity: &str) -> Vec<String> {
    let out = p.lantoa(&["check", "--now", common::NOW, "--format", "json"]);
    problems(&out.stdout)
        .iter()
        .filter(|d| d["severity"] == severity)
        .map(|d| {
            format!(
                "{}:{}:{}",
                d["code"].as_str().unwrap(),
                d["file"].as_str().unwrap(),
                d["line"]
            )
        })
        .collect()
}

#[test]
fn warnings_point_at_the_line_written_not_the_first_match_in_the_file() {
    let p = TestProject::new();
    let art = "content/sites/thcs-a/articles/2026-11-01-a.md";
    // The same number in the summary (front matter, not checked) and in the body; an e-mail
    // and a number in a code block.
    p.write(
        art,
        "---\ntitle: \"A\"\nstatus: approved\napproved_by: \"Cô Hiệu trưởng\"\nsummary: \"Gọi 0912 345 678\"\n---\nMở đầu.\n\nLiên hệ 0912 345 678 hoặc lan.nguyen@gmail.com.\n\n```\nan@truong.edu.vn\n0987 654 321\n```\n",
    );
    // `law:` also written inside a source's title, above the real `law:` line.
    let primer = "content/common/primers/cu.md";
    p.write(
        primer,
        "---\ntitle: \"Luật cũ\"\nstatus: approved\napproved_by: \"Cô Hiệu trưởng\"\nreviewed: 2025-09-01\nsources: [{title: \"law: ghi chú\", url: \"https://example.gov.vn\"}]\nlaw: luat-an-ninh-mang-2018\n---\nx\n",
    );
    let warnings = places(&p, "warning");
    for expected in [
        format!("personal-data:{art}:9"),
        format!("personal-data:{art}:12"),
        format!("personal-data:{art}:13"),
        format!("law-not-in-force:{primer}:7"),
        format!("review-outdated:{primer}:5"),
    ] {
        assert!(warnings.contains(&expected), "{expected} in {warnings:#?}");
    }
    assert_eq!(
        warnings
            .iter()
            .filter(|w| w.starts_with(&format!("personal-data:{art}:9")))
            .count(),
        2,
        "the phone number and the e-mail of line 9: {warnings:#?}"
    );
    assert!(
        !warnings.iter().any(|w| w.ends_with(&format!("{art}:5"))),
        "nothing in the summary's line: {warnings:#?}"
    );
}

#[test]
fn errors_point_at_the_line_of_the_value() {
    let p = TestProject::new();
    // A comment naming the key above it: the parser's line, not a text search.
    p.site(
        "th-b",
        "name: B\nkind: school\n# primary: màu chính của trường\nparent: phong\ncolors:\n  accent: \"#8a1c1c\"\n  primary: \"#7fb3ff\"\n",
    );
    let page = "content/sites/thcs-a/pages/trang.md";
    p.write(
        page,
        "---\ntitle: \"Trang\"\n# slug: cũ\nslug: media\nstatus: approved\napproved_by: \"Cô Hiệu trưởng\"\n---\nx\n",
    );
    let errors = places(&p, "error");
    assert!(
        errors
            .iter()
            .any(|e| e.ends_with("content/sites/th-b/site.yaml:7")),
        "the colour at line 7: {errors:#?}"
    );
    assert!(
        errors.iter().any(|e| e.ends_with(&format!("{page}:4"))),
        "the reserved slug at line 4: {errors:#?}"
    );

    let p = TestProject::new();
    p.site(
        "th-b",
        "name: B\n# parent: phong\nkind: school\nparent: phongg\n",
    );
    let errors = places(&p, "error");
    assert!(
        errors
            .iter()
            .any(|e| e.ends_with("content/sites/th-b/site.yaml:4")),
        "the unknown parent at line 4: {errors:#?}"
    );

    let p = TestProject::new();
    p.write(
        "content/network.yaml",
        "name: \"Mạng\"\nlanguage: en\nkey_dates:\n  - {date: \"03-15\", title: \"Không phải 03-45\"}\n  - date: \"03-45\"\n    title: \"Sai\"\n    sites: [thcs-a, khong-co]\n",
    );
    let errors = places(&p, "error");
    assert!(
        errors
            .iter()
            .any(|e| e == "bad-date:content/network.yaml:5"),
        "the bad key date at line 5: {errors:#?}"
    );
    assert!(
        errors.iter().any(|e| e.ends_with("content/network.yaml:7")),
        "the unknown unit at line 7: {errors:#?}"
    );
}

#[test]
fn a_bad_law_date_is_reported_at_its_own_line() {
    let p = TestProject::new();
    p.write(
        "content/laws.yaml",
        "- id: a\n  title: \"A\"\n  effective: 2019-01-01\n  repealed: hôm qua\n",
    );
    let errors = places(&p, "error");
    assert!(
        errors.iter().any(|e| e == "bad-date:content/laws.yaml:4"),
        "{errors:#?}"
    );
}

#[test]
fn a_published_page_with_field_names_or_editor_instructions_is_warned() {
    let p = TestProject::new();
    p.write(
        "content/network.yaml",
        "name: \"Mạng\"\nlanguage: en\neditor_words: [\"mỗi trường ghi\"]\n",
    );
    p.post(
        "content/sites/thcs-a/pages/quy-che.md",
        "Quy chế",
        "",
        "Bài ở trạng thái `draft` chưa được đăng.\n\nLiên hệ: thầy An (mỗi trường ghi đầu mối của trường).\n",
    );
    p.post(
        "content/sites/thcs-a/pages/nhap.md",
        "Nháp",
        "status: draft\n",
        "ghi `approved_by` sau\n",
    );
    let out = p.lantoa(&["check", "--now", common::NOW, "--format", "json"]);
    let found: Vec<serde_json::Value> = problems(&out.stdout)
        .into_iter()
        .filter(|d| d.to_string().contains("editor-text"))
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    let all = serde_json::Value::Array(found).to_string();
    assert!(
        all.contains("quy-che.md") && !all.contains("nhap.md"),
        "{all}"
    );
    assert!(
        all.contains("draft") && all.contains("mỗi trường ghi"),
        "{all}"
    );
}
