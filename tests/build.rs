//! `lantoa build` on small content trees: every kind of page, sharing, targeting, the
//! publication gate, slugs, encodings, links, sanitising, tags, feeds, reproducibility; the
//! write stage (the user's entries of every type kept, read-only output, concurrent and
//! killed builds, leftovers) and spreadsheet-safe CSV.

mod common;

use common::{TestProject, attrs, texts};

#[test]
fn every_kind_gets_its_page_and_the_network_index_lists_every_site() {
    let p = TestProject::new();
    p.post(
        "content/sites/thcs-a/articles/2026-10-01-chao-mung.md",
        "Chào mừng năm học mới",
        "tags: [tin tốt]\n",
        "Đoạn đầu tiên.\n\n## Hoạt động\n\nNội dung.\n",
    );
    p.post(
        "content/sites/thcs-a/stories/2026-10-02-nhat-duoc-vi.md",
        "Nhặt được ví trả người đánh rơi",
        "person: {role: \"học sinh lớp 8A\", student: true}\nplace: \"Cổng trường\"\n",
        "Em đã trả lại ví.\n",
    );
    p.post(
        "content/common/primers/an-ninh-mang.md",
        "Luật An ninh mạng: điều cấm",
        "law: luat-an-ninh-mang-2018\narticles: [8]\nsources: [{title: \"Luật An ninh mạng 24/2018/QH14\", url: \"https://example.gov.vn\"}]\n",
        "Giải thích.\n",
    );
    p.post(
        "content/common/pages/lien-he.md",
        "Liên hệ",
        "menu: true\n",
        "Gọi cho chúng tôi.\n",
    );
    p.build_ok();

    let article = p.html("thcs-a/bai-viet/chao-mung/index.html");
    assert_eq!(texts(&article, "h1"), vec!["Chào mừng năm học mới"]);
    assert!(
        texts(&article, "main time")
            .iter()
            .any(|t| t.contains("Thứ Năm, 01/10/2026")),
        "{:?}",
        texts(&article, "time")
    );
    let story = p.html("thcs-a/guong-nguoi-tot-viec-tot/nhat-duoc-vi/index.html");
    assert_eq!(texts(&story, "h1"), vec!["Nhặt được ví trả người đánh rơi"]);
    let primer = p.html("th-b/phap-luat/an-ninh-mang/index.html");
    assert_eq!(texts(&primer, "h1"), vec!["Luật An ninh mạng: điều cấm"]);
    for site in ["so", "phong", "thcs-a", "th-b"] {
        assert!(p.exists(&format!("{site}/index.html")), "{site} home");
        assert!(
            p.exists(&format!("{site}/lien-he/index.html")),
            "{site} page"
        );
        assert!(p.exists(&format!("{site}/404.html")));
        assert!(p.exists(&format!("{site}/robots.txt")));
        assert!(p.exists(&format!("{site}/style.css")));
    }
    let home = p.html("thcs-a/index.html");
    assert!(
        attrs(&home, "main a", "href")
            .iter()
            .any(|h| h == "bai-viet/chao-mung/"),
        "{:?}",
        attrs(&home, "a", "href")
    );
    assert!(
        attrs(&home, "nav a", "href")
            .iter()
            .any(|h| h == "lien-he/"),
        "menu page in the navigation"
    );
    let index = p.html("index.html");
    let links = attrs(&index, "a", "href");
    for site in ["so/", "phong/", "thcs-a/", "th-b/"] {
        assert!(
            links.iter().any(|h| h == site),
            "network index links {site}: {links:?}"
        );
    }
    assert_eq!(attrs(&home, "html", "lang"), vec!["vi"]);
}

#[test]
fn shared_down_articles_name_their_origin_and_point_canonical_to_it() {
    let p = TestProject::new();
    p.post(
        "content/sites/so/articles/2026-11-02-chi-dao.md",
        "Chỉ đạo của Sở",
        "share: down\n",
        "Toàn ngành thực hiện.\n",
    );
    p.post(
        "content/sites/phong/articles/2026-11-03-rieng.md",
        "Tin riêng của Phòng",
        "",
        "Chỉ ở Phòng.\n",
    );
    p.build_ok();
    for site in ["phong", "thcs-a", "th-b"] {
        let doc = p.html(&format!("{site}/bai-viet/chi-dao/index.html"));
        assert_eq!(
            attrs(&doc, "link[rel=canonical]", "href"),
            vec!["https://so.example.edu.vn/bai-viet/chi-dao/"],
            "{site}"
        );
        assert!(
            doc.root_element()
                .text()
                .collect::<String>()
                .contains("Sở GD&ĐT Thử"),
            "{site} names the origin"
        );
    }
    let own = p.html("so/bai-viet/chi-dao/index.html");
    assert_eq!(
        attrs(&own, "link[rel=canonical]", "href"),
        vec!["https://so.example.edu.vn/bai-viet/chi-dao/"]
    );
    assert!(
        !p.exists("thcs-a/bai-viet/rieng/index.html"),
        "not shared: stays on its unit"
    );
    assert!(
        !p.exists("so/bai-viet/rieng/index.html"),
        "sharing goes down, never up"
    );
}

#[test]
fn common_content_is_targeted_by_level_and_site() {
    let p = TestProject::new();
    p.post(
        "content/common/articles/2026-11-01-thcs.md",
        "Chỉ cho THCS",
        "levels: [thcs]\n",
        "x\n",
    );
    p.post(
        "content/common/articles/2026-11-01-mot-truong.md",
        "Chỉ cho trường B",
        "sites: [th-b]\n",
        "x\n",
    );
    p.build_ok();
    assert!(p.exists("thcs-a/bai-viet/thcs/index.html"));
    assert!(!p.exists("th-b/bai-viet/thcs/index.html"));
    assert!(
        !p.exists("so/bai-viet/thcs/index.html"),
        "a department has no level"
    );
    assert!(p.exists("th-b/bai-viet/mot-truong/index.html"));
    assert!(!p.exists("thcs-a/bai-viet/mot-truong/index.html"));
}

#[test]
fn drafts_review_scheduled_and_expired_pages_are_left_out() {
    let p = TestProject::new();
    let dir = "content/sites/thcs-a/articles";
    p.write(
        &format!("{dir}/2026-11-01-nhap.md"),
        "---\ntitle: Nháp\nstatus: draft\n---\nx\n",
    );
    p.write(
        &format!("{dir}/2026-11-01-cho-duyet.md"),
        "---\ntitle: Chờ duyệt\nstatus: review\n---\nx\n",
    );
    p.post(
        &format!("{dir}/2026-12-24-hen-gio.md"),
        "Hẹn giờ",
        "",
        "x\n",
    );
    p.post(
        &format!("{dir}/2026-10-01-het-han.md"),
        "Hết hạn",
        "expires: 2026-11-01\n",
        "x\n",
    );
    p.post(
        &format!("{dir}/2026-11-28-sang-nay.md"),
        "Sáng nay",
        "date: 2026-11-28 07:00\n",
        "x\n",
    );
    p.build_ok();
    for slug in ["nhap", "cho-duyet", "hen-gio", "het-han"] {
        assert!(
            !p.exists(&format!("thcs-a/bai-viet/{slug}/index.html")),
            "{slug} must not be published"
        );
        assert!(!p.read("thcs-a/feed.xml").contains(slug));
        assert!(!p.read("thcs-a/sitemap.xml").contains(slug));
    }
    assert!(p.exists("thcs-a/bai-viet/sang-nay/index.html"));
    // The scheduled post appears on the first build on or after its date.
    let out = p.lantoa(&["build", "--now", "2026-12-24T08:00:00+07:00"]);
    assert!(out.status.success());
    assert!(p.exists("thcs-a/bai-viet/hen-gio/index.html"));
    // --drafts shows them with a banner.
    let out = p.lantoa(&[
        "build",
        "--now",
        common::NOW,
        "--drafts",
        "--out",
        "preview",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let draft =
        std::fs::read_to_string(p.path().join("preview/thcs-a/bai-viet/nhap/index.html")).unwrap();
    assert!(draft.contains("Bản nháp"), "banner on drafts");
}

#[test]
fn vietnamese_slugs_from_names_titles_and_nfd() {
    let p = TestProject::new();
    let nfd_name = "Gu\u{31b}\u{301}o\u{31b}ng sa\u{301}ng lo\u{31b}\u{301}p 8A.md"; // "Gương sáng lớp 8A.md" in NFD
    p.post(
        &format!("content/sites/thcs-a/stories/{nfd_name}"),
        "Gương sáng",
        "date: 2026-11-01\n",
        "x\n",
    );
    p.post(
        "content/sites/thcs-a/articles/2026-11-02-Đoàn-Đội.md",
        "Tiêu đề",
        "",
        "x\n",
    );
    p.post(
        "content/sites/thcs-a/pages/x.md",
        "Người tốt, việc tốt",
        "slug: \"Người tốt, việc tốt\"\n",
        "x\n",
    );
    p.build_ok();
    assert!(p.exists("thcs-a/guong-nguoi-tot-viec-tot/guong-sang-lop-8a/index.html"));
    assert!(p.exists("thcs-a/bai-viet/doan-doi/index.html"));
    assert!(p.exists("thcs-a/nguoi-tot-viec-tot/index.html"));
}

#[test]
fn crlf_bom_and_nfd_text_are_read() {
    let p = TestProject::new();
    let text = "\u{feff}---\r\ntitle: \"Ngu\u{31b}o\u{31b}\u{300}i to\u{302}\u{301}t\"\r\nstatus: approved\r\napproved_by: X\r\ndate: 2026-11-01\r\n---\r\nDo\u{300}ng mo\u{323}\u{302}t.\r\n";
    p.write_bytes("content/sites/thcs-a/articles/crlf.md", text.as_bytes());
    p.build_ok();
    let html = p.read("thcs-a/bai-viet/crlf/index.html");
    assert!(html.contains("Người tốt"), "title normalised to NFC");
    assert!(!html.contains('\r'));
}

#[test]
fn law_and_internal_links_resolve_per_site() {
    let p = TestProject::new();
    p.post(
        "content/common/primers/dieu-155.md",
        "Làm nhục người khác",
        "law: blhs-2015\narticles: [155]\nlevels: [thcs]\nsources: [{title: \"BLHS\", url: \"https://example.gov.vn\"}]\n",
        "## Em cần làm gì?\n\nBáo thầy cô.\n",
    );
    p.post(
        "content/common/articles/2026-11-01-lien-ket.md",
        "Liên kết",
        "",
        "[Điều 155](law:blhs-2015#155), [mục](@/common/primers/dieu-155.md#em-can-lam-gi), [Điều 174](law:blhs-2015#174).\n",
    );
    p.build_ok();
    let thcs = p.html("thcs-a/bai-viet/lien-ket/index.html");
    let links = attrs(&thcs, "main article a, main a", "href");
    assert!(
        links.contains(&"../../phap-luat/dieu-155/".to_string()),
        "law link goes to this site's primer: {links:?}"
    );
    assert!(
        links.contains(&"../../phap-luat/dieu-155/#em-can-lam-gi".to_string()),
        "{links:?}"
    );
    assert!(
        links.contains(&"https://example.gov.vn/blhs".to_string()),
        "no primer: the official text: {links:?}"
    );
    let th = p.html("th-b/bai-viet/lien-ket/index.html");
    let links = attrs(&th, "main a", "href");
    assert!(
        links.contains(&"https://example.gov.vn/blhs".to_string()),
        "the primary school has no primer for 155: {links:?}"
    );
    assert!(
        links
            .iter()
            .any(|l| l.starts_with("https://thcsa.example.edu.vn/phap-luat/dieu-155/")),
        "internal link to a page this site does not carry: {links:?}"
    );
}

#[test]
fn a_page_relying_on_a_repealed_law_says_what_replaced_it() {
    let p = TestProject::new();
    p.post(
        "content/common/primers/anm-2018.md",
        "Điều cấm theo Luật 2018",
        "law: luat-an-ninh-mang-2018\narticles: [8, 29]\nsources: [{title: \"Luật ANM\", url: \"https://example.gov.vn\"}]\n",
        "x\n",
    );
    p.build_ok();
    let text = p.read("thcs-a/phap-luat/anm-2018/index.html");
    assert!(text.contains("116/2025/QH15"), "names the replacement");
    assert!(text.contains("01/07/2026"), "names the date");
    let out = p.lantoa(&["build", "--now", "2026-06-30"]);
    assert!(out.status.success());
    assert!(
        !p.read("thcs-a/phap-luat/anm-2018/index.html")
            .contains("116/2025/QH15"),
        "no notice before the repeal"
    );
}

#[test]
fn raw_html_is_sanitised_and_video_embeds_kept() {
    let p = TestProject::new();
    p.post(
        "content/sites/thcs-a/articles/2026-11-01-html.md",
        "HTML",
        "",
        "<script>alert('x')</script>\n\n<p onclick=\"steal()\">Chào</p>\n\n<a href=\"javascript:alert(1)\">x</a>\n\n<iframe src=\"https://www.youtube.com/embed/abc123\"></iframe>\n",
    );
    p.build_ok();
    let html = p.read("thcs-a/bai-viet/html/index.html");
    let main = html.split("<main").nth(1).unwrap();
    assert!(!main.contains("<script"));
    assert!(!main.contains("onclick"));
    assert!(!main.contains("javascript:"));
    assert!(main.contains("https://www.youtube.com/embed/abc123"));
}

#[test]
fn tags_differing_in_case_or_accents_share_one_page() {
    let p = TestProject::new();
    let dir = "content/sites/thcs-a/articles";
    p.post(
        &format!("{dir}/2026-11-01-a.md"),
        "A",
        "tags: [\"Tin tốt\"]\n",
        "x\n",
    );
    p.post(
        &format!("{dir}/2026-11-02-b.md"),
        "B",
        "tags: [\"tin tốt\"]\n",
        "x\n",
    );
    p.post(
        &format!("{dir}/2026-11-03-c.md"),
        "C",
        "tags: [\"TIN TO\u{302}\u{301}T\"]\n",
        "x\n",
    );
    p.build_ok();
    let tag = p.html("thcs-a/the/tin-tot/index.html");
    let page2 = p.html("thcs-a/the/tin-tot/trang/2/index.html");
    let mut titles = texts(
        &tag,
        "main article h2, main article h3, main li h2, main li h3",
    );
    titles.extend(texts(
        &page2,
        "main article h2, main article h3, main li h2, main li h3",
    ));
    assert_eq!(
        titles.len(),
        3,
        "three posts on one tag (two per page): {titles:?}"
    );
    let all = p.html("thcs-a/the/index.html");
    let tag_links: Vec<_> = attrs(&all, "main a", "href")
        .into_iter()
        .filter(|h| h.contains("tin-tot"))
        .collect();
    assert_eq!(tag_links.len(), 1, "one tag: {tag_links:?}");
}

#[test]
fn feed_and_sitemap_are_well_formed_with_absolute_urls() {
    let p = TestProject::new();
    p.post(
        "content/sites/thcs-a/articles/2026-11-01-a.md",
        "A & B <c>",
        "",
        "Nội dung [liên kết](@/sites/thcs-a/articles/2026-11-02-b.md).\n",
    );
    p.post(
        "content/sites/thcs-a/articles/2026-11-02-b.md",
        "B",
        "",
        "x\n",
    );
    p.build_ok();
    let feed = p.read("thcs-a/feed.xml");
    let doc = roxmltree::Document::parse(&feed).expect("feed is XML");
    let entries: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .collect();
    assert_eq!(entries.len(), 2);
    assert!(feed.contains("https://thcsa.example.edu.vn/bai-viet/a/"));
    assert!(
        feed.contains("https://thcsa.example.edu.vn/bai-viet/b/"),
        "links inside content are absolute"
    );
    let sitemap = p.read("thcs-a/sitemap.xml");
    let doc = roxmltree::Document::parse(&sitemap).expect("sitemap is XML");
    let locs: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        locs.contains(&"https://thcsa.example.edu.vn/bai-viet/a/"),
        "{locs:?}"
    );
    assert!(
        locs.iter()
            .all(|l| l.starts_with("https://thcsa.example.edu.vn/"))
    );
    assert!(
        p.read("thcs-a/robots.txt")
            .contains("Sitemap: https://thcsa.example.edu.vn/sitemap.xml")
    );
}

#[test]
fn rebuilds_are_byte_identical() {
    let p = TestProject::new();
    p.post(
        "content/sites/thcs-a/articles/2026-11-01-a.md",
        "A",
        "tags: [x, y]\n",
        "```rust\nfn main() {}\n```\n",
    );
    p.post(
        "content/common/primers/p.md",
        "P",
        "law: blhs-2015\nsources: [{title: s, url: \"https://example.gov.vn\"}]\n",
        "x\n",
    );
    p.build_ok();
    let first = common::snapshot(&p.path().join("public"));
    p.build_ok();
    let second = common::snapshot(&p.path().join("public"));
    assert_eq!(first.len(), second.len());
    assert!(first == second, "same input and --now give the same bytes");
}

#[test]
fn bundles_copy_their_images_and_paginated_lists_link_pages() {
    let p = TestProject::new();
    p.post(
        "content/sites/thcs-a/articles/2026-11-05-trai-he/index.md",
        "Trại hè",
        "",
        "![Các em dựng lều](leu.jpg)\n",
    );
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new(&mut jpeg)
        .encode_image(&image::RgbImage::new(40, 30))
        .unwrap();
    p.write_bytes(
        "content/sites/thcs-a/articles/2026-11-05-trai-he/leu.jpg",
        &jpeg,
    );
    for i in 1..=4 {
        p.post(
            &format!("content/sites/thcs-a/articles/2026-11-0{i}-bai-{i}.md"),
            &format!("Bài {i}"),
            "",
            "x\n",
        );
    }
    p.build_ok();
    assert!(p.exists("thcs-a/bai-viet/trai-he/leu.jpg"));
    let list = p.html("thcs-a/bai-viet/index.html");
    assert!(
        attrs(&list, "a", "href")
            .iter()
            .any(|h| h.ends_with("bai-viet/trang/2/")),
        "{:?}",
        attrs(&list, "a", "href")
    );
    assert!(
        p.exists("thcs-a/bai-viet/trang/3/index.html"),
        "5 posts, 2 per page"
    );
}

#[test]
fn a_site_overrides_a_template_and_the_logo() {
    let p = TestProject::new();
    p.write("content/sites/th-b/theme/templates/404.html", "{% extends \"base.html\" %}{% block content %}<h1>Trang riêng 404</h1>{% endblock content %}");
    p.write(
        "content/sites/th-b/theme/static/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    p.build_ok();
    assert!(p.read("th-b/404.html").contains("Trang riêng 404"));
    assert!(!p.read("thcs-a/404.html").contains("Trang riêng 404"));
    assert_eq!(
        p.read("th-b/logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
    );
}

#[test]
fn build_of_one_site_keeps_the_others_and_prints_a_summary() {
    let p = TestProject::new();
    p.build_ok();
    let out = p.lantoa(&["build", "--now", common::NOW, "--site", "thcs-a"]);
    assert!(out.status.success());
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(summary.contains("1 site(s)"), "{summary}");
    assert!(p.exists("th-b/index.html"), "the other sites stay");
    let out = p.lantoa(&["build", "--now", common::NOW, "--site", "khong-co"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("khong-co"));
}

#[test]
fn search_index_folds_diacritics_and_holds_only_published_pages() {
    let p = TestProject::new();
    p.post(
        "content/sites/thcs-a/articles/2026-11-01-a.md",
        "Người tốt, việc tốt ở lớp 8A",
        "",
        "Em Lan hoà nhập rất nhanh.\n",
    );
    p.write(
        "content/sites/thcs-a/articles/2026-11-02-nhap.md",
        "---\ntitle: Bí mật chưa duyệt\nstatus: draft\n---\nx\n",
    );
    p.build_ok();
    // Every file of the index is a script `lantoaSearch("kind",n,{…});`.
    let data = |file: &str| -> serde_json::Value {
        let s = p.read(&format!("thcs-a/tim-kiem/{file}"));
        let start = s.match_indices(',').nth(1).unwrap().0 + 1;
        serde_json::from_str(s[start..].trim().trim_end_matches(");")).unwrap()
    };
    let manifest = data("index.js");
    let n = manifest["n"].as_u64().unwrap();
    let g = manifest["g"].as_u64().unwrap();
    let a = (0..n)
        .find(|i| data(&format!("d/{}.js", i / g))[(i % g) as usize]["u"] == "bai-viet/a/")
        .expect("the article is indexed");
    let chunks = manifest["chunks"].as_array().unwrap().len();
    let mut all = String::new();
    let mut terms = serde_json::Map::new();
    for c in 0..chunks {
        all.push_str(&p.read(&format!("thcs-a/tim-kiem/c/{c}.js")));
        terms.extend(data(&format!("c/{c}.js"))["w"].as_object().unwrap().clone());
    }
    for i in 0..n.div_ceil(g) {
        all.push_str(&p.read(&format!("thcs-a/tim-kiem/d/{i}.js")));
    }
    assert!(!all.contains("Bí mật chưa duyệt"), "drafts are not indexed");
    for word in ["nguoi", "tot", "hoa", "8a", " nguoi tot"] {
        let postings = terms[word].as_array().unwrap();
        // Pages are written as differences from the previous one.
        let mut doc = 0;
        let docs: Vec<u64> = postings
            .chunks(2)
            .map(|p| {
                doc += p[0].as_u64().unwrap();
                doc
            })
            .collect();
        assert!(docs.contains(&a), "{word}: {postings:?}");
    }
    assert!(!terms.contains_key("người"), "only folded words");
    let page = p.html("thcs-a/tim-kiem/index.html");
    assert_eq!(attrs(&page, "input[type=search]", "name"), vec!["q"]);
    assert!(
        attrs(&page, "script", "src")
            .iter()
            .any(|s| s.ends_with("search.js"))
    );
}

/// Every entry below `dir` (not following links): path, type, and content (file), target
/// (symlink) or permissions (folder, FIFO).
#[cfg(unix)]
fn tree(dir: &std::path::Path) -> Vec<(String, String)> {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    let mut entries: Vec<_> = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .filter(|e| {
            // The build report describes the build relative to the previous one.
            !e.as_ref()
                .is_ok_and(|e| e.path().ends_with("_editorial/build-report.json"))
        })
        .map(|e| {
            let e = e.unwrap();
            let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
            let t = e.file_type();
            let mode = e.metadata().unwrap().permissions().mode() & 0o7777;
            let what = if t.is_symlink() {
                format!(
                    "symlink → {}",
                    std::fs::read_link(e.path()).unwrap().display()
                )
            } else if t.is_dir() {
                format!("dir {mode:o}")
            } else if t.is_fifo() {
                format!("fifo {mode:o}")
            } else {
                format!("file {:?}", std::fs::read(e.path()).unwrap())
            };
            (rel, what)
        })
        .collect();
    entries.sort();
    entries
}

#[cfg(target_os = "linux")]
#[test]
fn the_users_symlinks_empty_folders_and_fifos_in_public_survive_a_build() {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt, symlink};
    let p = TestProject::new();
    p.build_ok();
    let public = p.path().join("public");
    symlink("thcs-a/index.html", public.join("trang-chu")).unwrap();
    symlink("/khong/co/dau", public.join("thcs-a/lien-ket-hong")).unwrap();
    symlink("thcs-a", public.join("thu-muc-lien-ket")).unwrap();
    std::fs::create_dir_all(public.join("tai-lieu/rong")).unwrap();
    std::fs::create_dir(public.join("thcs-a/rong")).unwrap();
    std::fs::set_permissions(
        public.join("tai-lieu"),
        std::fs::Permissions::from_mode(0o750),
    )
    .unwrap();
    let fifo = std::ffi::CString::new(public.join("ong").as_os_str().as_encoded_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o640) }, 0);
    std::fs::write(public.join("tai-lieu/ghi-chu.txt"), "ghi chú").unwrap();
    let before = tree(&public);
    p.build_ok();
    assert_eq!(
        tree(&public),
        before,
        "every entry kept with its type, target and content"
    );
    assert!(
        std::fs::symlink_metadata(public.join("ong"))
            .unwrap()
            .file_type()
            .is_fifo()
    );
    assert_eq!(
        std::fs::read_link(public.join("trang-chu")).unwrap(),
        std::path::Path::new("thcs-a/index.html")
    );
    assert!(public.join("tai-lieu/rong").is_dir() && public.join("thcs-a/rong").is_dir());
}

/// Runs lantoa as `nobody` when the tests run as root (permissions do not apply to root), after
/// giving the project to `nobody`; `None` when that is not possible here.
#[cfg(target_os = "linux")]
fn lantoa_without_root(p: &TestProject, args: &[&str]) -> Option<std::process::Output> {
    use std::os::unix::process::CommandExt;
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_lantoa"));
    cmd.arg("--root")
        .arg(p.path())
        .args(args)
        .env_remove("LANTOA_LANG")
        .env_remove("SOURCE_DATE_EPOCH");
    if unsafe { libc::geteuid() } == 0 {
        const NOBODY: u32 = 65534;
        for e in walkdir::WalkDir::new(p.path()) {
            std::os::unix::fs::lchown(e.unwrap().path(), Some(NOBODY), Some(NOBODY)).ok()?;
        }
        // As root, std drops the supplementary groups too.
        cmd.uid(NOBODY).gid(NOBODY).env("HOME", p.path());
    }
    // Fails to start when `nobody` cannot reach the binary (a private target folder).
    cmd.output().ok()
}

#[cfg(target_os = "linux")]
#[test]
fn a_read_only_output_fails_clearly_and_stays_byte_identical() {
    use std::os::unix::fs::PermissionsExt;
    let p = TestProject::new();
    p.build_ok();
    let public = p.path().join("public");
    std::fs::write(public.join("ghi-chu.txt"), "của tôi").unwrap();
    p.post(
        "content/sites/thcs-a/articles/2026-11-01-moi.md",
        "Bài mới",
        "",
        "x\n",
    );
    std::fs::set_permissions(&public, std::fs::Permissions::from_mode(0o555)).unwrap();
    let before = tree(&public);
    let Some(out) = lantoa_without_root(&p, &["build", "--now", common::NOW]) else {
        eprintln!("skipped: cannot run lantoa without root here (see output::tests for the check)");
        return;
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    std::fs::set_permissions(&public, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("output-read-only") || stderr.contains("cannot write into"),
        "{stderr}"
    );
    assert!(stderr.contains("chmod u+w"), "the fix: {stderr}");
    std::fs::set_permissions(&public, std::fs::Permissions::from_mode(0o555)).unwrap();
    assert_eq!(
        tree(&public),
        before,
        "the previous output exactly as it was"
    );
    std::fs::set_permissions(&public, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(!p.exists("thcs-a/bai-viet/moi/index.html"));
    let leftovers: Vec<_> = std::fs::read_dir(p.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("staging") || n.contains(".old"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[cfg(unix)]
#[test]
fn two_builds_into_one_folder_wait_for_each_other_and_both_succeed() {
    let p = TestProject::new();
    p.post(
        "content/sites/thcs-a/articles/2026-11-01-a.md",
        "A",
        "",
        "x\n",
    );
    p.build_ok();
    let public = p.path().join("public");
    std::fs::write(public.join("ghi-chu.txt"), "của tôi").unwrap();
    let expected = tree(&public);
    // Hold the lock as a third build would: both builds must wait, then take turns.
    let lock = std::fs::File::options()
        .write(true)
        .open(p.path().join(".public.lock"))
        .expect("the lock file beside the output");
    lock.lock().unwrap();
    let spawn = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_lantoa"))
            .arg("--root")
            .arg(p.path())
            .args(["build", "--now", common::NOW])
            .env("LANTOA_LANG", "en")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (mut first, mut second) = (spawn(), spawn());
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert!(
        first.try_wait().unwrap().is_none() && second.try_wait().unwrap().is_none(),
        "both wait"
    );
    assert_eq!(
        tree(&public),
        expected,
        "nothing written while the lock is held"
    );
    drop(lock);
    for child in [first, second] {
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{stderr}");
        assert_eq!(
            stderr.matches("another build is writing into").count(),
            1,
            "said once: {stderr}"
        );
    }
    assert_eq!(
        tree(&public),
        expected,
        "a complete output, the user's file intact"
    );
    let leftovers: Vec<_> = std::fs::read_dir(p.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("staging") || n.contains(".old"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn leftovers_of_a_dead_build_are_removed_by_the_next_build() {
    let p = TestProject::new();
    p.build_ok();
    for dead in [".public.staging-999999/thcs-a", ".public.old-999998/th-b"] {
        std::fs::create_dir_all(p.path().join(dead)).unwrap();
        std::fs::write(p.path().join(dead).join("index.html"), "cũ").unwrap();
    }
    p.build_ok();
    assert!(!p.path().join(".public.staging-999999").exists());
    assert!(!p.path().join(".public.old-999998").exists());
    assert!(p.exists("thcs-a/index.html"));
}

#[cfg(unix)]
#[test]
fn a_killed_build_never_leaves_the_output_missing_or_incomplete() {
    let p = TestProject::new();
    for i in 1..=6 {
        p.post(
            &format!("content/sites/thcs-a/articles/2026-11-0{i}-bai-{i}.md"),
            &format!("Bài {i}"),
            "tags: [x]\n",
            "x\n",
        );
    }
    p.build_ok();
    let public = p.path().join("public");
    std::fs::write(public.join("ghi-chu.txt"), "của tôi").unwrap();
    // A build killed while writing left its staging folder behind.
    std::fs::create_dir_all(p.path().join(".public.staging-999997/thcs-a")).unwrap();
    for delay in [0, 20, 50, 80, 120, 160, 200, 250, 300, 400] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_lantoa"))
            .arg("--root")
            .arg(p.path())
            .args(["build", "--now", common::NOW])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = child.kill(); // SIGKILL: no clean-up runs
        let _ = child.wait();
        let manifest = std::fs::read_to_string(public.join(".lantoa-manifest"))
            .unwrap_or_else(|e| panic!("killed after {delay} ms: no complete public/ ({e})"));
        for file in manifest.lines() {
            assert!(
                public.join(file).is_file(),
                "killed after {delay} ms: {file} missing"
            );
        }
        assert_eq!(p.read("ghi-chu.txt"), "của tôi");
    }
    p.build_ok();
    let leftovers: Vec<_> = std::fs::read_dir(p.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("staging") || n.contains(".old"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert!(p.exists("thcs-a/bai-viet/bai-6/index.html"));
}

#[test]
fn csv_cells_from_content_cannot_become_spreadsheet_formulas() {
    let p = TestProject::new();
    p.site(
        "th-b",
        "name: '=HYPERLINK(\"http://x\",\"y\")'\nkind: school\nlevel: tieu-hoc\nparent: phong\n",
    );
    p.build_ok();
    let neutralised = "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"";
    let report = p.read("_editorial/report.csv");
    let out = p.lantoa(&["calendar", "--now", common::NOW, "--format", "csv"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cli = String::from_utf8_lossy(&out.stdout).to_string();
    for (what, csv) in [("report.csv", &report), ("calendar --format csv", &cli)] {
        let rows: Vec<&str> = csv.lines().filter(|l| l.starts_with("th-b,")).collect();
        assert!(!rows.is_empty(), "{what}: {csv}");
        for row in rows {
            assert!(
                row.starts_with(&format!("th-b,{neutralised},")),
                "{what}: {row}"
            );
        }
        assert!(
            !csv.contains(",=HYPERLINK") && !csv.contains(",\"=HYPERLINK"),
            "{what}"
        );
    }
}
