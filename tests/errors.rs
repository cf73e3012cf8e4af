//! Every kind of bad input fails the build with exit code 1 and a message that names the
//! file, the line where there is one, and the fix; and the previous output stays untouched.

mod common;

use common::TestProject;

const ART: &str = "content/sites/thcs-a/articles";

fn assert_names(err: &str, file: &str, line: Option<usize>, words: &[&str]) {
    let needle = match line {
        Some(l) => format!("{file}:{l}"),
        None => file.to_string(),
    };
    assert!(
        err.contains(&needle),
        "message should name {needle}:\n{err}"
    );
    for w in words {
        assert!(err.contains(w), "message should contain {w:?}:\n{err}");
    }
    assert!(
        err.contains("help:"),
        "message should say what to do:\n{err}"
    );
}

#[test]
fn broken_yaml() {
    let p = TestProject::new();
    p.write(
        &format!("{ART}/2026-11-01-a.md"),
        "---\ntitle: Thông báo: Cuộc thi\nstatus: approved\n---\nx\n",
    );
    let err = p.build_err();
    assert_names(&err, &format!("{ART}/2026-11-01-a.md"), Some(2), &["quote"]);
}

#[test]
fn unknown_field_suggests_the_right_name() {
    let p = TestProject::new();
    p.write(
        &format!("{ART}/2026-11-01-a.md"),
        "---\ntitle: A\ntittle: B\n---\nx\n",
    );
    let err = p.build_err();
    assert_names(
        &err,
        &format!("{ART}/2026-11-01-a.md"),
        Some(3),
        &["tittle", "did you mean `title`"],
    );
}

#[test]
fn a_field_of_another_kind_is_unknown_here() {
    let p = TestProject::new();
    p.write(
        &format!("{ART}/2026-11-01-a.md"),
        "---\ntitle: A\nlaw: blhs-2015\n---\nx\n",
    );
    let err = p.build_err();
    assert_names(&err, &format!("{ART}/2026-11-01-a.md"), Some(3), &["law"]);
}

#[test]
fn missing_title() {
    let p = TestProject::new();
    p.write(
        &format!("{ART}/2026-11-01-a.md"),
        "---\nstatus: draft\n---\nx\n",
    );
    let err = p.build_err();
    assert_names(&err, &format!("{ART}/2026-11-01-a.md"), None, &["title"]);
}

#[test]
fn bad_date() {
    let p = TestProject::new();
    p.write(
        &format!("{ART}/a.md"),
        "---\ntitle: A\ndate: 2026-3-10\n---\nx\n",
    );
    let err = p.build_err();
    assert_names(
        &err,
        &format!("{ART}/a.md"),
        Some(3),
        &["2026-3-10", "YYYY-MM-DD"],
    );
}

#[test]
fn missing_date_on_an_article() {
    let p = TestProject::new();
    p.write(&format!("{ART}/a.md"), "---\ntitle: A\n---\nx\n");
    let err = p.build_err();
    assert_names(&err, &format!("{ART}/a.md"), None, &["date"]);
}

#[test]
fn not_utf8() {
    let p = TestProject::new();
    p.write_bytes(
        &format!("{ART}/2026-11-01-a.md"),
        b"---\ntitle: Ng\xf0\xe6\xf4i\n---\nx\n",
    );
    let err = p.build_err();
    assert_names(&err, &format!("{ART}/2026-11-01-a.md"), Some(2), &["UTF-8"]);
}

#[test]
fn unknown_parent() {
    let p = TestProject::new();
    p.site("th-b", "name: B\nkind: school\nparent: phong-khong-co\n");
    let err = p.build_err();
    assert_names(
        &err,
        "content/sites/th-b/site.yaml",
        Some(3),
        &["phong-khong-co"],
    );
}

#[test]
fn parent_cycle() {
    let p = TestProject::new();
    p.site("phong", "name: P\nkind: office\nparent: th-b\n");
    p.site("th-b", "name: B\nkind: school\nparent: phong\n");
    let err = p.build_err();
    assert!(err.contains("content/sites/"), "{err}");
    assert!(
        err.contains("phong") && err.contains("th-b") && err.contains("→"),
        "{err}"
    );
    assert!(err.contains("help:"));
}

#[test]
fn duplicate_slug_in_a_site() {
    let p = TestProject::new();
    p.post(&format!("{ART}/2026-11-01-trung.md"), "A", "", "x\n");
    p.post(&format!("{ART}/2026-11-02-trung.md"), "B", "", "x\n");
    let err = p.build_err();
    assert_names(
        &err,
        &format!("{ART}/2026-11-02-trung.md"),
        Some(1),
        &["/bai-viet/trung/", "2026-11-01-trung.md"],
    );
}

#[test]
fn link_to_a_missing_page() {
    let p = TestProject::new();
    p.post(
        &format!("{ART}/2026-11-01-a.md"),
        "A",
        "",
        "Dòng một.\n\n[xem](@/common/pages/khong-co.md)\n",
    );
    let err = p.build_err();
    assert_names(
        &err,
        &format!("{ART}/2026-11-01-a.md"),
        Some(8),
        &["@/common/pages/khong-co.md"],
    );
}

#[test]
fn link_to_a_missing_heading() {
    let p = TestProject::new();
    p.post("content/common/pages/trang.md", "Trang", "", "## Có thật\n");
    p.post(
        &format!("{ART}/2026-11-01-a.md"),
        "A",
        "",
        "[xem](@/common/pages/trang.md#khong-co)\n",
    );
    let err = p.build_err();
    assert_names(
        &err,
        &format!("{ART}/2026-11-01-a.md"),
        Some(6),
        &["#khong-co"],
    );
}

#[test]
fn unknown_law_and_article() {
    let p = TestProject::new();
    p.post(
        &format!("{ART}/2026-11-01-a.md"),
        "A",
        "",
        "[x](law:luat-khong-co#1)\n\n[y](law:blhs-2015#999)\n",
    );
    let err = p.build_err();
    assert_names(
        &err,
        &format!("{ART}/2026-11-01-a.md"),
        Some(6),
        &["luat-khong-co"],
    );
    assert!(err.contains(&format!("{ART}/2026-11-01-a.md:8")), "{err}");
    assert!(err.contains("999"));
}

#[test]
fn cover_without_alt() {
    let p = TestProject::new();
    p.post(
        &format!("{ART}/2026-11-01-a/index.md"),
        "A",
        "cover: anh.jpg\n",
        "x\n",
    );
    p.write_bytes(&format!("{ART}/2026-11-01-a/anh.jpg"), b"\xff\xd8\xff\xd9");
    let err = p.build_err();
    assert_names(
        &err,
        &format!("{ART}/2026-11-01-a/index.md"),
        Some(5),
        &["cover_alt"],
    );
}

#[test]
fn image_without_alt_and_missing_image() {
    let p = TestProject::new();
    p.post(
        &format!("{ART}/2026-11-01-a.md"),
        "A",
        "",
        "![](a.jpg)\n\n![Ảnh lớp](khong-co.jpg)\n",
    );
    let err = p.build_err();
    assert!(err.contains("khong-co.jpg"), "{err}");
    assert!(err.contains("alt"), "{err}");
}

#[test]
fn approved_without_approver() {
    let p = TestProject::new();
    p.write(
        &format!("{ART}/2026-11-01-a.md"),
        "---\ntitle: A\nstatus: approved\n---\nx\n",
    );
    let err = p.build_err();
    assert_names(
        &err,
        &format!("{ART}/2026-11-01-a.md"),
        Some(3),
        &["approved_by"],
    );
}

#[test]
fn story_naming_a_student_without_consent() {
    let p = TestProject::new();
    p.post(
        "content/sites/thcs-a/stories/2026-11-01-a.md",
        "Gương sáng",
        "person: {name: \"Nguyễn Văn An\", role: \"học sinh lớp 8A\", student: true}\nconsent: {name: true}\n",
        "x\n",
    );
    let err = p.build_err();
    assert_names(
        &err,
        "content/sites/thcs-a/stories/2026-11-01-a.md",
        Some(5),
        &["consent.parent", "consent.student"],
    );
}

#[test]
fn primer_without_sources_or_with_a_wrong_answer() {
    let p = TestProject::new();
    p.post(
        "content/common/primers/a.md",
        "A",
        "law: blhs-2015\nquestions:\n  - q: \"Câu một?\"\n    choices: [a, b]\n    answer: 3\n",
        "x\n",
    );
    let err = p.build_err();
    assert!(err.contains("sources"), "{err}");
    assert!(err.contains("question 1"), "{err}");
}

#[test]
fn foreign_iframe() {
    let p = TestProject::new();
    p.post(
        &format!("{ART}/2026-11-01-a.md"),
        "A",
        "",
        "<iframe src=\"https://tracker.example.com/x\"></iframe>\n",
    );
    let err = p.build_err();
    assert_names(
        &err,
        &format!("{ART}/2026-11-01-a.md"),
        Some(6),
        &["tracker.example.com"],
    );
}

#[test]
fn every_problem_is_reported_at_once_and_the_old_output_stays() {
    let p = TestProject::new();
    p.post(&format!("{ART}/2026-11-01-tot.md"), "Tốt", "", "x\n");
    p.build_ok();
    let before = std::fs::read(p.out("thcs-a/bai-viet/tot/index.html")).unwrap();
    p.write(
        &format!("{ART}/2026-11-02-a.md"),
        "---\ntitle: A\ntittle: x\n---\n",
    );
    p.write(
        &format!("{ART}/2026-11-03-b.md"),
        "---\ntitle: B\ndate: hôm qua\n---\n",
    );
    let err = p.build_err();
    assert!(
        err.contains("2026-11-02-a.md:3") && err.contains("2026-11-03-b.md:3"),
        "both problems:\n{err}"
    );
    assert_eq!(
        std::fs::read(p.out("thcs-a/bai-viet/tot/index.html")).unwrap(),
        before,
        "old output untouched"
    );
}

#[test]
fn messages_are_in_vietnamese_by_default() {
    let p = TestProject::new();
    p.write("content/network.yaml", "name: \"Mạng\"\n");
    p.write(
        &format!("{ART}/2026-11-01-a.md"),
        "---\ntitle: A\ntittle: B\n---\nx\n",
    );
    let err = p.build_err();
    assert!(err.contains("ý bạn là `title`"), "{err}");
    assert!(err.contains("lỗi"), "{err}");
}

#[test]
fn output_folder_must_not_be_the_content_or_the_project() {
    let p = TestProject::new();
    for bad in ["content", "themes", "."] {
        let out = p.lantoa(&["build", "--now", common::NOW, "--out", bad]);
        assert_eq!(out.status.code(), Some(1), "--out {bad} must be refused");
    }
    assert!(
        p.path().join("content/network.yaml").exists(),
        "content untouched"
    );
    std::fs::create_dir_all(p.path().join("mine")).unwrap();
    std::fs::write(p.path().join("mine/thesis.docx"), b"important").unwrap();
    let out = p.lantoa(&["build", "--now", common::NOW, "--out", "mine"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a folder lantoa did not make is refused"
    );
    assert_eq!(
        std::fs::read(p.path().join("mine/thesis.docx")).unwrap(),
        b"important"
    );
}

#[test]
fn a_site_colour_too_light_for_wcag_aa_is_an_error_with_a_darker_suggestion() {
    let p = TestProject::new();
    p.site(
        "th-b",
        "name: B\nkind: school\nparent: phong\ncolors: {primary: \"#7fb3ff\"}\n",
    );
    let err = p.build_err();
    assert!(err.contains("content/sites/th-b/site.yaml:4"), "{err}");
    assert!(
        err.contains("4.5:1") && err.contains("primary: \"#"),
        "{err}"
    );
    p.site(
        "th-b",
        "name: B\nkind: school\nparent: phong\ncolors: {primary: \"red; background: url(x)\"}\n",
    );
    let err = p.build_err();
    assert!(
        err.contains("colors.primary"),
        "only colours go into the page's <style>: {err}"
    );
}

#[test]
fn toml_front_matter_gets_its_own_error_with_the_yaml_version() {
    let p = TestProject::new();
    p.write(
        &format!("{ART}/2026-11-01-a.md"),
        "+++\ntitle = \"Gương sáng\"\ndate = 2026-11-01\n+++\nx\n",
    );
    let err = p.build_err();
    assert_names(
        &err,
        &format!("{ART}/2026-11-01-a.md"),
        Some(1),
        &["TOML", "YAML", "title: \"Gương sáng\"", "date: 2026-11-01"],
    );
    assert!(!err.contains("title = "), "{err}");
}

#[test]
fn a_wrong_shape_is_explained_with_the_expected_shape() {
    let p = TestProject::new();
    p.write(
        &format!("{ART}/2026-11-01-a.md"),
        "---\ntitle: A\ntags: {a: 1}\n---\nx\n",
    );
    let err = p.build_err();
    assert_names(
        &err,
        &format!("{ART}/2026-11-01-a.md"),
        Some(3),
        &["`tags` takes a list, but this is a mapping", "tags: ["],
    );
    assert!(
        !err.contains("expected"),
        "never the parser's English:\n{err}"
    );

    p.write(
        &format!("{ART}/2026-11-01-a.md"),
        "---\ntitle: [a, b]\n---\nx\n",
    );
    let err = p.build_err();
    assert_names(
        &err,
        &format!("{ART}/2026-11-01-a.md"),
        Some(2),
        &["`title` takes text, but this is a list", "title: \""],
    );

    p.write(
        &format!("{ART}/2026-11-01-a.md"),
        "---\ntitle: A\nweight: nhiều\n---\nx\n",
    );
    let err = p.build_err();
    assert_names(
        &err,
        &format!("{ART}/2026-11-01-a.md"),
        Some(3),
        &["`weight` takes a number, but this is text", "weight: 10"],
    );
}

#[test]
fn a_wrong_shape_is_explained_in_vietnamese() {
    let p = TestProject::new();
    p.write(
        "content/network.yaml",
        "name: \"Mạng\"\nlanguage: vi\nbase_url: \"https://{site}.example.edu.vn/\"\n",
    );
    p.write(
        "content/sites/thcs-a/stories/2026-11-01-a.md",
        "---\ntitle: A\nperson: [An, học sinh]\n---\nx\n",
    );
    let err = p.build_err();
    assert_names(
        &err,
        "content/sites/thcs-a/stories/2026-11-01-a.md",
        Some(3),
        &[
            "trường `person` cần một nhóm trường `tên: giá trị` nhưng đã viết một danh sách",
            "person: {name:",
        ],
    );
}

#[test]
fn two_unknown_fields_in_one_file_are_two_errors() {
    let p = TestProject::new();
    p.write(
        &format!("{ART}/2026-11-01-a.md"),
        "---\ntitle: A\ntittle: B\nsumary: C\ntags: [x]\n---\nx\n",
    );
    let err = p.build_err();
    assert_eq!(err.matches("unknown field").count(), 2, "{err}");
    assert!(err.contains(&format!("{ART}/2026-11-01-a.md:3")), "{err}");
    assert!(err.contains(&format!("{ART}/2026-11-01-a.md:4")), "{err}");
    assert!(err.contains("did you mean `title`"), "{err}");
    assert!(err.contains("did you mean `summary`"), "{err}");
}

#[test]
fn every_one_of_hint_lists_every_allowed_value_and_offers_did_you_mean() {
    let p = TestProject::new();
    p.write(
        &format!("{ART}/2026-11-01-a.md"),
        "---\ntitle: A\nstatus: aproved\n---\nx\n",
    );
    let err = p.build_err();
    assert!(err.contains("did you mean `approved`?"), "{err}");
    assert!(err.contains("use one of: draft, review, approved"), "{err}");

    p.write(
        &format!("{ART}/2026-11-01-a.md"),
        "---\ntitle: A\nshare: xuong\n---\nx\n",
    );
    let err = p.build_err();
    assert!(err.contains("use one of: down, none"), "{err}");

    p.write(
        &format!("{ART}/2026-11-01-a.md"),
        "---\ntitle: A\nxyz: 1\n---\nx\n",
    );
    let err = p.build_err();
    assert!(err.contains("known fields: title, date,"), "{err}");
    assert!(err.contains(", weight, menu"), "the last field too:\n{err}");
}

#[test]
fn a_heading_named_like_a_theme_landmark_gets_another_id() {
    let p = TestProject::new();
    p.post(
        &format!("{ART}/2026-11-01-a.md"),
        "A",
        "",
        "## Nội dung\n\nx\n\n[về mục](#noi-dung-1)\n",
    );
    p.build_ok();
    let html = p.read("thcs-a/bai-viet/a/index.html");
    assert_eq!(html.matches("id=\"noi-dung\"").count(), 1, "{html}");
    assert!(html.contains("<h2 id=\"noi-dung-1\">"), "{html}");
}
