//! One place decides what is public, where and when (`resolve/publication.rs`): the defects
//! that came from four copies of that rule, each reproduced; a draft in every derived output,
//! absent from `build` and present with a banner in `build --drafts`; links that follow
//! publication; and shards whose network-wide outputs agree with a full build.

mod common;

use common::{NOW, TestProject, snapshot};

const ART: &str = "content/sites/thcs-a/articles";

#[test]
fn an_approved_page_linking_a_draft_is_an_error_naming_both_files() {
    let p = TestProject::new();
    p.write(
        &format!("{ART}/2026-11-02-ban-nhap-bi-mat.md"),
        "---\ntitle: Bản nháp bí mật\nstatus: draft\n---\nx\n",
    );
    p.post(
        &format!("{ART}/2026-11-03-cong-khai.md"),
        "Công khai",
        "",
        "Xem [bài kia](@/sites/thcs-a/articles/2026-11-02-ban-nhap-bi-mat.md).\n",
    );
    let out = p.lantoa(&["build", "--now", NOW]);
    assert_eq!(out.status.code(), Some(3), "thcs-a kept, the others built");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{ART}/2026-11-03-cong-khai.md:6"))
            && err.contains("2026-11-02-ban-nhap-bi-mat.md")
            && err.contains("the target is a draft"),
        "{err}"
    );
    // Nothing of the draft leaks: thcs-a was not written at all.
    assert!(!p.exists("thcs-a"));
    // In a preview it is a warning and the link is marked.
    let out = p.lantoa(&["build", "--now", NOW, "--drafts"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("the target is a draft"));
    let html = p.read("thcs-a/bai-viet/cong-khai/index.html");
    assert!(
        html.contains("href=\"../../bai-viet/ban-nhap-bi-mat/\" data-unpublished=\"draft\""),
        "{html}"
    );
}

#[test]
fn without_approval_a_future_post_is_the_next_change() {
    let p = TestProject::new();
    let network = std::fs::read_to_string(p.path().join("content/network.yaml")).unwrap();
    p.write(
        "content/network.yaml",
        &format!("{network}require_approval: false\n"),
    );
    p.write(
        &format!("{ART}/2026-12-05-tuong-lai.md"),
        "---\ntitle: Bài tương lai\nstatus: review\ndate: 2026-12-05 07:00\n---\nx\n",
    );
    p.build_ok();
    let next: serde_json::Value =
        serde_json::from_str(&p.read("_editorial/next-change.json")).unwrap();
    assert!(
        next["at"]
            .as_str()
            .unwrap_or("")
            .starts_with("2026-12-05T07:00"),
        "the scheduled post goes live by itself, so CI must rebuild then: {next}"
    );
    assert!(!p.exists("thcs-a/bai-viet/tuong-lai/index.html"));
}

#[test]
fn a_draft_is_absent_from_every_output_and_shown_with_a_banner_in_a_preview() {
    let p = TestProject::new();
    p.post(&format!("{ART}/2026-11-01-cu.md"), "Bài đã đăng", "", "x\n");
    p.write(
        &format!("{ART}/2026-11-20-nhap.md"),
        "---\ntitle: Bài nháp chưa duyệt\nstatus: draft\ntags: [thử]\n---\nNội dung nháp.\n",
    );
    // A draft primer with a quiz question: the quiz follows the same rule.
    p.write(
        "content/sites/thcs-a/primers/nhap.md",
        "---\ntitle: Hỏi đáp nháp\nstatus: draft\nlaw: blhs-2015\nsources: [{title: s, url: \"https://example.gov.vn\"}]\nquestions:\n  - q: \"Câu hỏi nháp bí mật?\"\n    choices: [\"Có\", \"Không\"]\n    answer: 1\n    explain: \"Vì.\"\n---\nx\n",
    );
    let draft = "Bài nháp chưa duyệt";
    let question = "Câu hỏi nháp bí mật";
    p.build_ok();
    for file in [
        "thcs-a/index.html",
        "thcs-a/bai-viet/index.html",
        "thcs-a/feed.xml",
        "thcs-a/sitemap.xml",
        "thcs-a/lich-dang-bai/2026-11/index.html",
    ] {
        assert!(!p.read(file).contains(draft), "{file} shows the draft");
    }
    assert!(
        !search_entries(&p).contains(draft),
        "the search shows the draft"
    );
    assert!(!p.exists("thcs-a/bai-viet/nhap/index.html"));
    assert!(!p.exists("thcs-a/the/thu/index.html"));
    assert!(
        !p.exists("thcs-a/on-tap/index.html")
            || !p.read("thcs-a/on-tap/index.html").contains(question),
        "the quiz shows a draft primer's question"
    );
    let out = p.lantoa(&["build", "--now", NOW, "--drafts"]);
    assert!(out.status.success());
    for file in [
        "thcs-a/index.html",
        "thcs-a/bai-viet/index.html",
        "thcs-a/bai-viet/nhap/index.html",
        "thcs-a/lich-dang-bai/2026-11/index.html",
        "thcs-a/the/thu/index.html",
    ] {
        assert!(
            p.read(file).contains(draft),
            "{file} lacks the draft in a preview"
        );
    }
    assert!(
        search_entries(&p).contains(draft),
        "the search lacks the draft in a preview"
    );
    assert!(p.read("thcs-a/on-tap/index.html").contains(question));
    assert!(
        p.read("thcs-a/bai-viet/nhap/index.html")
            .contains("class=\"banner\""),
        "the draft has its banner"
    );
    assert!(
        p.read("thcs-a/index.html").contains("noindex"),
        "a preview is never indexed"
    );
}

#[test]
fn shards_write_the_same_network_outputs_and_together_make_the_full_build() {
    let p = TestProject::new();
    for site in ["so", "phong", "thcs-a", "th-b"] {
        p.post(
            &format!("content/sites/{site}/articles/2026-11-01-tin.md"),
            &format!("Tin {site}"),
            "",
            "x\n",
        );
    }
    let full = p.path().join("full");
    let out = p.lantoa(&["build", "--now", NOW, "--out", full.to_str().unwrap()]);
    assert!(out.status.success());
    let mut merged: std::collections::BTreeMap<String, Vec<u8>> = Default::default();
    let mut network: Option<Vec<(String, Vec<u8>)>> = None;
    let is_network = |f: &str| f == "index.html" || f.starts_with("_editorial/");
    for k in 1..=3 {
        let dir = p.path().join(format!("shard-{k}"));
        let shard = format!("{k}/3");
        let out = p.lantoa(&[
            "build",
            "--now",
            NOW,
            "--shard",
            &shard,
            "--out",
            dir.to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let files: Vec<(String, Vec<u8>)> = snapshot(&dir)
            .into_iter()
            .filter(|(f, _)| f != ".lantoa-manifest")
            .collect();
        let net: Vec<(String, Vec<u8>)> = files
            .iter()
            .filter(|(f, _)| is_network(f))
            .cloned()
            .collect();
        match &network {
            None => network = Some(net),
            Some(first) => assert!(
                *first == net,
                "shard {shard} writes other network-wide outputs than shard 1/3"
            ),
        }
        merged.extend(files);
    }
    let full: std::collections::BTreeMap<String, Vec<u8>> = snapshot(&full)
        .into_iter()
        .filter(|(f, _)| f != ".lantoa-manifest")
        .collect();
    let missing: Vec<&String> = full.keys().filter(|k| !merged.contains_key(*k)).collect();
    let differ: Vec<&String> = full
        .iter()
        .filter(|(k, v)| merged.get(*k).is_some_and(|m| m != *v))
        .map(|(k, _)| k)
        .collect();
    assert!(
        missing.is_empty() && differ.is_empty() && merged.len() == full.len(),
        "merged shards ≠ full build: missing {missing:?}, differing {differ:?}"
    );
}

/// Every result entry of thcs-a's search index (`tim-kiem/d/N.js`), one after the other.
fn search_entries(p: &TestProject) -> String {
    let mut files: Vec<_> = std::fs::read_dir(p.out("thcs-a/tim-kiem/d"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty());
    files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect()
}
