//! One teacher's mistake never stops the network: a problem keeps only the sites that
//! publish the broken source at their previous output (byte for byte), every other site is
//! updated, the build report says which, and the exit code tells CI apart (0 all updated,
//! 3 some kept, 1 nothing built). `--all-or-nothing` restores the old behaviour.

mod common;

use common::{NOW, TestProject, snapshot};

/// The test network with a fifth site (a second THCS under the Phòng) and one post each.
fn network() -> TestProject {
    let p = TestProject::new();
    p.site(
        "thcs-c",
        "name: \"Trường THCS C\"\nkind: school\nlevel: thcs\nparent: phong\n",
    );
    for site in ["so", "phong", "thcs-a", "th-b", "thcs-c"] {
        p.post(
            &format!("content/sites/{site}/articles/2026-11-01-tin.md"),
            &format!("Tin của {site}"),
            "",
            "Nội dung.\n",
        );
    }
    p
}

fn build(p: &TestProject, extra: &[&str]) -> (Option<i32>, String, serde_json::Value) {
    let mut args = vec!["build", "--now", NOW, "--format", "json"];
    args.extend(extra);
    let out = p.lantoa(&args);
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let report = stdout
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find_map(|v| v.get("build_report").cloned())
        .unwrap_or(serde_json::Value::Null);
    (
        out.status.code(),
        stdout + &String::from_utf8_lossy(&out.stderr),
        report,
    )
}

fn site<'a>(report: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    report["sites"]
        .as_array()
        .and_then(|a| a.iter().find(|s| s["id"] == id))
        .unwrap_or_else(|| panic!("{id} not in the report: {report}"))
}

const BROKEN: &str = "content/sites/thcs-c/articles/2026-11-20-loi.md";

fn break_school(p: &TestProject) {
    p.write(
        BROKEN,
        "---\ntitle: \"Bài lỗi\"\ntittle: lỗi gõ\nstatus: approved\napproved_by: X\n---\nx\n",
    );
}

/// A new post on every site but the broken one, so "updated" is visible in the output.
fn post_everywhere_but_c(p: &TestProject) {
    for site in ["so", "phong", "thcs-a", "th-b"] {
        p.post(
            &format!("content/sites/{site}/articles/2026-11-21-moi.md"),
            "Bài mới hôm nay",
            "",
            "Mới.\n",
        );
    }
}

#[test]
fn a_broken_school_is_kept_and_every_other_site_is_updated() {
    let p = network();
    let (code, out, _) = build(&p, &[]);
    assert_eq!(code, Some(0), "{out}");
    let c_before = snapshot(&p.out("thcs-c"));
    break_school(&p);
    post_everywhere_but_c(&p);
    let (code, out, report) = build(&p, &[]);
    assert_eq!(code, Some(3), "the partial exit code:\n{out}");
    assert_eq!(
        snapshot(&p.out("thcs-c")),
        c_before,
        "the broken school's folder is byte-identical to the previous build"
    );
    for s in ["so", "phong", "thcs-a", "th-b"] {
        assert!(
            p.exists(&format!("{s}/bai-viet/moi/index.html")),
            "{s} was updated"
        );
        assert_eq!(site(&report, s)["state"], "updated");
        assert_eq!(site(&report, s)["changed"], true);
    }
    let c = site(&report, "thcs-c");
    assert_eq!(c["state"], "kept");
    assert_eq!(c["changed"], false);
    assert_eq!(c["problems"][0]["code"], "unknown-field");
    assert_eq!(c["problems"][0]["file"], BROKEN);
    // The same report is kept in the output for the CI job that deploys.
    let on_disk: serde_json::Value =
        serde_json::from_str(&p.read("_editorial/build-report.json")).unwrap();
    assert_eq!(site(&on_disk, "thcs-c")["state"], "kept");
    // In text, the summary names the kept site.
    let text = p.lantoa(&["build", "--now", NOW]);
    let stderr = String::from_utf8_lossy(&text.stderr);
    assert_eq!(text.status.code(), Some(3));
    assert!(stderr.contains("thcs-c: kept, 1 problem(s)"), "{stderr}");
}

#[test]
fn all_or_nothing_changes_nothing() {
    let p = network();
    assert_eq!(build(&p, &[]).0, Some(0));
    let before = snapshot(&p.path().join("public"));
    break_school(&p);
    post_everywhere_but_c(&p);
    let (code, out, _) = build(&p, &["--all-or-nothing"]);
    assert_eq!(code, Some(1), "{out}");
    assert_eq!(
        snapshot(&p.path().join("public")),
        before,
        "nothing changed"
    );
}

#[test]
fn on_a_first_build_the_broken_site_is_not_written() {
    let p = network();
    break_school(&p);
    let (code, out, report) = build(&p, &[]);
    assert_eq!(code, Some(3), "{out}");
    assert!(!p.exists("thcs-c"), "no folder for the broken school");
    assert!(p.exists("thcs-a/index.html"));
    assert_eq!(site(&report, "thcs-c")["state"], "kept");
}

#[test]
fn a_broken_common_page_keeps_every_site() {
    let p = network();
    assert_eq!(build(&p, &[]).0, Some(0));
    let before = snapshot(&p.path().join("public"));
    p.write(
        "content/common/pages/loi.md",
        "---\ntitle: \"Trang chung\"\nstatus: aproved\n---\nx\n",
    );
    post_everywhere_but_c(&p);
    let (code, out, _) = build(&p, &[]);
    assert_eq!(code, Some(1), "nothing could be built:\n{out}");
    assert_eq!(snapshot(&p.path().join("public")), before);
}

#[test]
fn a_common_page_for_one_level_keeps_only_those_sites() {
    let p = network();
    assert_eq!(build(&p, &[]).0, Some(0));
    let b_before = snapshot(&p.out("th-b"));
    // Targeted at primary schools only, with a missing image: only th-b publishes it.
    p.post(
        "content/common/articles/2026-11-20-tieu-hoc.md",
        "Cho trường tiểu học",
        "date: 2026-11-20\nlevels: [tieu-hoc]\n",
        "![Ảnh lớp](khong-co.jpg)\n",
    );
    post_everywhere_but_c(&p);
    let (code, out, report) = build(&p, &[]);
    assert_eq!(code, Some(3), "{out}");
    assert_eq!(snapshot(&p.out("th-b")), b_before, "th-b kept");
    assert_eq!(site(&report, "th-b")["state"], "kept");
    assert_eq!(site(&report, "thcs-a")["state"], "updated");
    assert!(p.exists("thcs-a/bai-viet/moi/index.html"));
}

#[test]
fn a_broken_theme_keeps_every_site() {
    let p = network();
    assert_eq!(build(&p, &[]).0, Some(0));
    let before = snapshot(&p.path().join("public"));
    p.write(
        "themes/default/templates/article.html",
        "{% extends \"base.html\" %}{% block content %}{{ page.title | khong_co }}{% endblock content %}",
    );
    post_everywhere_but_c(&p);
    let (code, out, _) = build(&p, &[]);
    assert_eq!(code, Some(1), "{out}");
    assert_eq!(snapshot(&p.path().join("public")), before);
}

#[test]
fn a_broken_site_yaml_keeps_that_unit_and_the_units_below_it() {
    let p = network();
    assert_eq!(build(&p, &[]).0, Some(0));
    let c_before = snapshot(&p.out("thcs-c"));
    p.site(
        "thcs-c",
        "name: \"Trường THCS C\"\nkind: schol\nlevel: thcs\nparent: phong\n",
    );
    post_everywhere_but_c(&p);
    let (code, out, report) = build(&p, &[]);
    assert_eq!(code, Some(3), "{out}");
    assert_eq!(snapshot(&p.out("thcs-c")), c_before);
    assert_eq!(site(&report, "thcs-c")["state"], "kept");
    assert_eq!(
        site(&report, "thcs-c")["problems"][0]["file"],
        "content/sites/thcs-c/site.yaml"
    );
    assert!(p.exists("th-b/bai-viet/moi/index.html"));
}

#[test]
fn the_report_says_which_folders_changed() {
    let p = network();
    let (_, _, first) = build(&p, &[]);
    assert!(
        first["sites"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["changed"] == true),
        "a first build changes every folder: {first}"
    );
    let (_, _, again) = build(&p, &[]);
    assert!(
        again["sites"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["changed"] == false),
        "the same input changes nothing: {again}"
    );
    p.post(
        "content/sites/thcs-a/articles/2026-11-21-moi.md",
        "Bài mới của A",
        "",
        "Mới.\n",
    );
    let (_, _, edited) = build(&p, &[]);
    for s in edited["sites"].as_array().unwrap() {
        let expected = s["id"] == "thcs-a";
        assert_eq!(s["changed"], expected, "{s}");
    }
}

#[test]
fn check_lists_the_sites_each_problem_affects() {
    let p = network();
    break_school(&p);
    p.write(
        "content/common/pages/loi.md",
        "---\ntitle: \"Trang chung\"\ntitel: x\n---\nx\n",
    );
    let out = p.lantoa(&["check", "--now", NOW]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("── thcs-c: 1 problem(s) ──"), "{text}");
    assert!(
        text.contains("── so, phong, th-b, thcs-a, thcs-c: 1 problem(s) ──"),
        "the common page's problem affects every site: {text}"
    );
    assert!(
        !text.contains("output") && !text.contains("published"),
        "check never talks of output: {text}"
    );
    let json = p.lantoa(&["check", "--now", NOW, "--format", "json"]);
    let problems: Vec<serde_json::Value> = String::from_utf8_lossy(&json.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let school = problems.iter().find(|d| d["file"] == BROKEN).unwrap();
    assert_eq!(school["sites"], serde_json::json!(["thcs-c"]));
    let common = problems
        .iter()
        .find(|d| d["file"] == "content/common/pages/loi.md")
        .unwrap();
    assert_eq!(common["sites"].as_array().unwrap().len(), 5);
}
