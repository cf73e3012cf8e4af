//! The school portal (issue 15) on temporary trees: attachments copied beside the page with
//! their type and size, a missing one an error at its line, a large one a warning; official
//! documents listed by type and year, shared down and grouped by issuer, a document without
//! `file` an error; notices current and past on the home page; album photos stripped of EXIF
//! with a page each; an album with students and no consent an error; the portal menu.

mod common;

use common::{TestProject, assert_no_metadata, attrs, phone_photo, texts};

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

fn document(p: &TestProject, unit: &str, slug: &str, extra: &str) {
    p.post(
        &format!("content/sites/{unit}/documents/{slug}/index.md"),
        &format!("Văn bản {slug}"),
        extra,
        "Ghi chú ngắn.\n",
    );
}

#[test]
fn attachments_are_copied_listed_with_size_and_checked() {
    let p = TestProject::new();
    p.post(
        "content/sites/thcs-a/articles/2026-11-05-ke-hoach/index.md",
        "Kế hoạch tháng 11",
        "",
        "Xem [Kế hoạch số 12/KH (PDF)](ke-hoach-12.pdf) và [mẫu phiếu](/media/mau-phieu.docx).\n",
    );
    p.write_bytes(
        "content/sites/thcs-a/articles/2026-11-05-ke-hoach/ke-hoach-12.pdf",
        &vec![b'x'; 240 * 1024],
    );
    p.write_bytes("content/media/mau-phieu.docx", b"PK\x03\x04docx");
    p.build_ok();
    let dir = "thcs-a/bai-viet/ke-hoach";
    assert_eq!(
        std::fs::read(p.out(&format!("{dir}/ke-hoach-12.pdf")))
            .unwrap()
            .len(),
        240 * 1024,
        "the PDF is published beside the page"
    );
    assert!(p.exists("thcs-a/media/mau-phieu.docx"));
    let page = p.html(&format!("{dir}/index.html"));
    let links = attrs(&page, ".attachments a", "href");
    assert_eq!(
        links,
        vec![
            "../../ke-hoach-12.pdf".replace("../../", "../../bai-viet/ke-hoach/"),
            "../../media/mau-phieu.docx".into()
        ],
        "{}",
        p.read(&format!("{dir}/index.html"))
    );
    let meta = texts(&page, ".attachments .attachment-meta");
    assert_eq!(meta, vec!["PDF · 240 KB", "DOCX · 8 B"]);
    assert_eq!(texts(&page, ".attachments-title"), vec!["File đính kèm"]);

    // A missing file: one error with the file, the line and the name; the school is kept.
    p.post(
        "content/sites/thcs-a/articles/2026-11-06-thieu/index.md",
        "Thiếu tệp",
        "",
        "Đoạn đầu.\n\nTải [thể lệ](the-le.pdf).\n",
    );
    let err = p.build_err();
    assert!(
        err.contains("content/sites/thcs-a/articles/2026-11-06-thieu/index.md:8")
            && err.contains("the-le.pdf"),
        "{err}"
    );
}

#[test]
fn a_large_attachment_is_a_warning() {
    let p = TestProject::new();
    p.write(
        "content/network.yaml",
        "name: \"Mạng thử nghiệm\"\nlanguage: en\nmax_attachment_mb: 1\n",
    );
    p.post(
        "content/sites/thcs-a/pages/bieu-mau/index.md",
        "Biểu mẫu",
        "",
        "[Video](video.mp4)\n",
    );
    p.write_bytes(
        "content/sites/thcs-a/pages/bieu-mau/video.mp4",
        &vec![0u8; 1536 * 1024],
    );
    let out = p.lantoa(&["check", "--now", common::NOW]);
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        all.contains("video.mp4") && all.contains("1,5 MB") && all.contains("over 1 MB"),
        "{all}"
    );
    p.build_ok();
}

#[test]
fn documents_are_listed_by_type_and_year_and_shared_down_by_issuer() {
    let p = TestProject::new();
    for (unit, slug, number, kind, issued, share) in [
        (
            "thcs-a",
            "ke-hoach-12",
            "12/KH-THCSA",
            "ke-hoach",
            "2026-09-10",
            "",
        ),
        (
            "thcs-a",
            "the-le-03",
            "03/TL-THCSA",
            "the-le",
            "2027-02-20",
            "",
        ),
        (
            "so",
            "ke-hoach-so",
            "1234/KH-SGDĐT",
            "ke-hoach",
            "2026-08-20",
            "share: down\n",
        ),
        (
            "phong",
            "cong-van-45",
            "45/PGDĐT",
            "cong-van",
            "2026-09-01",
            "share: down\n",
        ),
        ("phong", "noi-bo", "46/PGDĐT", "cong-van", "2026-09-02", ""),
        (
            "thcs-a",
            "cong-khai-01",
            "01/CK-THCSA",
            "cong-khai",
            "2026-09-15",
            "",
        ),
    ] {
        document(
            &p,
            unit,
            slug,
            &format!(
                "number: \"{number}\"\ndoc_type: {kind}\nissued: {issued}\nsigner: \"Hiệu trưởng\"\nfile: {slug}.pdf\nsummary: \"Trích yếu {slug}\"\n{share}"
            ),
        );
        p.write_bytes(
            &format!("content/sites/{unit}/documents/{slug}/{slug}.pdf"),
            PDF,
        );
    }
    // A document is linked like a page.
    p.post(
        "content/sites/thcs-a/articles/2026-09-11-ke-hoach.md",
        "Nhà trường ban hành kế hoạch",
        "date: 2026-09-11\n",
        "Xem [Kế hoạch](@/sites/thcs-a/documents/ke-hoach-12/index.md).\n",
    );
    let out = p.lantoa(&["build", "--now", "2027-03-01"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let list = p.html("thcs-a/van-ban/index.html");
    assert_eq!(
        texts(&list, ".doc-own .doc-number"),
        vec!["03/TL-THCSA", "01/CK-THCSA"],
        "own documents, newest first (2 per page in the test network)"
    );
    assert_eq!(
        texts(
            &p.html("thcs-a/van-ban/trang/2/index.html"),
            ".doc-own .doc-number"
        ),
        vec!["12/KH-THCSA"]
    );
    assert_eq!(
        texts(&list, ".doc-issuer"),
        vec!["Phòng GD&ĐT Thử", "Sở GD&ĐT Thử"],
        "Văn bản cấp trên, grouped by issuer"
    );
    assert!(
        !p.read("thcs-a/van-ban/index.html").contains("46/PGDĐT"),
        "a document without share: down stays on its unit"
    );
    let upper = p.html("thcs-a/van-ban/cap-tren/index.html");
    assert_eq!(
        texts(&upper, ".doc-number"),
        vec!["45/PGDĐT", "1234/KH-SGDĐT"]
    );
    let by_type = p.html("thcs-a/van-ban/loai/ke-hoach/index.html");
    assert_eq!(
        texts(&by_type, ".doc-number"),
        vec!["12/KH-THCSA", "1234/KH-SGDĐT"]
    );
    let by_year = p.html("thcs-a/van-ban/nam/2027/index.html");
    assert_eq!(texts(&by_year, ".doc-number"), vec!["03/TL-THCSA"]);
    assert!(p.exists("thcs-a/van-ban/nam/2026/index.html"));

    let page = p.html("thcs-a/van-ban/ke-hoach-12/index.html");
    let fields = texts(&page, ".doc-fields dd");
    assert!(fields.contains(&"12/KH-THCSA".to_string()), "{fields:?}");
    assert!(fields.contains(&"Kế hoạch".to_string()), "{fields:?}");
    assert!(
        fields.contains(&"Trường THCS A".to_string()),
        "issuer defaults to the unit"
    );
    assert!(fields.contains(&"10/09/2026".to_string()), "{fields:?}");
    assert!(p.exists("thcs-a/van-ban/ke-hoach-12/ke-hoach-12.pdf"));
    assert!(
        p.exists("thcs-a/van-ban/ke-hoach-so/ke-hoach-so.pdf"),
        "a shared-down document brings its file"
    );
    assert_eq!(
        attrs(&page, ".doc-download", "href"),
        vec!["../../van-ban/ke-hoach-12/ke-hoach-12.pdf"]
    );
    let article = p.html("thcs-a/bai-viet/ke-hoach/index.html");
    assert!(
        attrs(&article, ".prose a", "href").contains(&"../../van-ban/ke-hoach-12/".to_string()),
        "{:?}",
        attrs(&article, ".prose a", "href")
    );
    // "Công khai" (a type with `menu`) has its own menu entry on the site that has some.
    let home = p.html("thcs-a/index.html");
    assert!(
        texts(&home, ".nav-bar .menu > li > a").contains(&"Công khai".to_string()),
        "{:?}",
        texts(&home, ".nav-bar .menu > li > a")
    );
    assert!(
        !texts(&p.html("th-b/index.html"), ".nav-bar .menu > li > a")
            .contains(&"Công khai".to_string())
    );
    // Documents are searchable and in the sitemap.
    assert!(
        p.read("thcs-a/sitemap.xml")
            .contains("van-ban/ke-hoach-12/")
    );
    let index = search_index(&p, "thcs-a");
    assert!(
        index.contains("van-ban/ke-hoach-12/"),
        "documents are searchable"
    );
    assert!(index.contains("\"thcsa\":"), "by their number: {index}");
}

#[test]
fn a_document_without_file_or_with_an_unknown_type_is_an_error() {
    let p = TestProject::new();
    document(
        &p,
        "thcs-a",
        "thieu-tep",
        "number: \"1/KH\"\ndoc_type: ke-hoach\nissued: 2026-09-10\n",
    );
    let err = p.build_err();
    assert!(
        err.contains("content/sites/thcs-a/documents/thieu-tep/index.md") && err.contains("`file`"),
        "{err}"
    );
    document(
        &p,
        "thcs-a",
        "thieu-tep",
        "number: \"1/KH\"\ndoc_type: ke-hoac\nissued: 2026-09-10\nfile: a.pdf\n",
    );
    p.write_bytes("content/sites/thcs-a/documents/thieu-tep/a.pdf", PDF);
    let err = p.build_err();
    assert!(
        err.contains("ke-hoac") && err.contains("did you mean `ke-hoach`"),
        "{err}"
    );
}

#[test]
fn notices_leave_the_home_page_after_until_and_stay_in_the_list() {
    let p = TestProject::new();
    p.post(
        "content/sites/thcs-a/notices/2026-11-20-hop-phu-huynh.md",
        "Lịch họp cha mẹ học sinh",
        "until: 2026-11-30\n",
        "Họp lúc 7 giờ 30.\n",
    );
    p.post(
        "content/sites/thcs-a/notices/2026-11-25-nghi-le.md",
        "Lịch nghỉ lễ",
        "",
        "Nghỉ theo lịch.\n",
    );
    let build = |now: &str| {
        let out = p.lantoa(&["build", "--now", now]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    let stdout = build("2026-11-28");
    assert!(
        stdout.contains("2026-11-30") && stdout.contains("Lịch họp cha mẹ học sinh"),
        "until is the next change: {stdout}"
    );
    let home = p.html("thcs-a/index.html");
    assert_eq!(
        texts(&home, ".notice-item a"),
        vec!["Lịch nghỉ lễ", "Lịch họp cha mẹ học sinh"]
    );
    build("2026-12-01");
    let home = p.html("thcs-a/index.html");
    assert_eq!(texts(&home, ".notice-item a"), vec!["Lịch nghỉ lễ"]);
    let list = p.html("thcs-a/thong-bao/index.html");
    assert_eq!(
        texts(&list, ".card-title a"),
        vec!["Lịch nghỉ lễ", "Lịch họp cha mẹ học sinh"],
        "a past notice stays in the list"
    );
    let feed = p.read("thcs-a/thong-bao/feed.xml");
    assert!(feed.contains("Lịch họp cha mẹ học sinh"), "{feed}");
    roxmltree::Document::parse(&feed).expect("the notices' feed is XML");
}

#[test]
fn album_photos_are_stripped_and_each_has_a_page() {
    let p = TestProject::new();
    let dir = "content/sites/thcs-a/albums/2026-10-15-ngay-hoi";
    p.post(
        &format!("{dir}/index.md"),
        "Ngày hội công dân số",
        "students: false\ncaptions:\n  - {file: b.jpg, caption: \"Góc trưng bày\"}\n",
        "Ảnh khu trưng bày.\n",
    );
    for name in ["a.jpg", "b.jpg", "c.jpg"] {
        p.write_bytes(&format!("{dir}/{name}"), &phone_photo(1200, 900));
    }
    p.build_ok();
    let album = p.html("thcs-a/thu-vien-anh/ngay-hoi/index.html");
    let links = attrs(&album, ".album-thumb a", "href");
    assert_eq!(
        links,
        vec![
            "../../thu-vien-anh/ngay-hoi/anh-1/",
            "../../thu-vien-anh/ngay-hoi/anh-2/",
            "../../thu-vien-anh/ngay-hoi/anh-3/"
        ]
    );
    assert_eq!(
        texts(&album, ".album-caption"),
        vec!["Góc trưng bày"],
        "captioned first"
    );
    for src in attrs(&album, ".album-thumb img", "srcset") {
        for part in src.split(", ") {
            let path = part.split(' ').next().unwrap().trim_start_matches("../../");
            let bytes = std::fs::read(p.out(&format!("thcs-a/{path}"))).unwrap();
            assert_no_metadata(&bytes, path);
        }
    }
    let photo = p.html("thcs-a/thu-vien-anh/ngay-hoi/anh-2/index.html");
    assert_eq!(attrs(&photo, ".photo-nav a[rel=prev]", "href").len(), 1);
    assert_eq!(attrs(&photo, ".photo-nav a[rel=next]", "href").len(), 1);
    assert_eq!(texts(&photo, "figcaption"), Vec::<String>::new());
    let first = p.html("thcs-a/thu-vien-anh/ngay-hoi/anh-1/index.html");
    assert_eq!(texts(&first, "figcaption"), vec!["Góc trưng bày"]);
    assert!(attrs(&first, ".photo-nav a[rel=prev]", "href").is_empty());
}

#[test]
fn an_album_with_students_needs_consent() {
    let p = TestProject::new();
    let dir = "content/sites/thcs-a/albums/2026-10-15-van-nghe";
    p.post(
        &format!("{dir}/index.md"),
        "Văn nghệ",
        "students: true\nconsent: {parent: \"Cha mẹ lớp 8A\"}\n",
        "",
    );
    p.write_bytes(&format!("{dir}/a.jpg"), &phone_photo(800, 600));
    let err = p.build_err();
    assert!(
        err.contains(&format!("{dir}/index.md"))
            && err.contains("consent.photos")
            && err.contains("consent.student"),
        "{err}"
    );
    p.post(&format!("{dir}/index.md"), "Văn nghệ", "", "");
    let err = p.build_err();
    assert!(err.contains("`students`"), "students is required: {err}");
    p.post(
        &format!("{dir}/index.md"),
        "Văn nghệ",
        "students: true\nconsent: {parent: \"Cha mẹ lớp 8A\", photos: true, student: true}\n",
        "",
    );
    p.build_ok();
}

#[test]
fn the_menu_has_short_labels_sub_entries_and_the_site_order() {
    let p = TestProject::new();
    p.site("thcs-a", "name: \"Trường THCS A\"\nkind: school\nlevel: thcs\nparent: phong\nmenu: {hide: [phap-luat], order: [tin-tuc]}\nsteering_committee: [{name: \"Cô A\", role: \"Trưởng ban\"}]\nadmin_board: [{name: \"Thầy B\", role: \"Quản trị Fanpage\"}]\n");
    p.post(
        "content/sites/thcs-a/pages/gioi-thieu-chung.md",
        "Giới thiệu chung về Trường THCS A",
        "menu: {parent: gioi-thieu, label: \"Giới thiệu chung\", weight: 1}\n",
        "Trường thành lập năm 1990.\n",
    );
    p.post(
        "content/sites/thcs-a/pages/tuyen-sinh.md",
        "Thông tin tuyển sinh năm học 2027–2028",
        "menu: true\n",
        "Tuyển sinh.\n",
    );
    p.build_ok();
    let home = p.html("thcs-a/index.html");
    let top = texts(&home, ".nav-bar .menu > li > a");
    assert_eq!(
        top,
        vec![
            "Trang chủ",
            "Tin tức",
            "Giới thiệu",
            "Người tốt việc tốt",
            "Thông tin tuyển sinh năm học 2027–2028",
            "Tìm kiếm"
        ],
        "order, hide, short labels; no calendar in the menu"
    );
    assert_eq!(
        texts(&home, ".nav-bar .submenu a"),
        vec!["Giới thiệu chung", "Tổ chức"]
    );
    assert!(
        attrs(&home, ".site-footer a", "href")
            .iter()
            .any(|h| h.contains("lich-dang-bai")),
        "the posting calendar is in the footer"
    );
    let about = p.html("thcs-a/gioi-thieu/index.html");
    assert_eq!(
        texts(&about, ".about-list a"),
        vec!["Giới thiệu chung", "Tổ chức"]
    );
    let org = p.html("thcs-a/gioi-thieu/to-chuc/index.html");
    assert_eq!(
        texts(&org, ".board h2"),
        vec!["Ban Chỉ đạo", "Ban Biên tập", "Ban Quản trị"]
    );
    assert_eq!(texts(&org, ".member-name"), vec!["Cô A", "Thầy B"]);
    let page = p.html("thcs-a/gioi-thieu-chung/index.html");
    assert_eq!(
        texts(&page, ".nav-bar a[aria-current=page]"),
        vec!["Giới thiệu chung"],
        "the current entry is marked"
    );
    // An unknown parent is an error with the nearest id.
    p.post(
        "content/sites/thcs-a/pages/lich-su.md",
        "Lịch sử",
        "menu: {parent: gioi-thieuu}\n",
        "",
    );
    let err = p.build_err();
    assert!(
        err.contains("gioi-thieuu") && err.contains("`gioi-thieu`"),
        "{err}"
    );
}

#[test]
fn an_unknown_id_in_the_sites_menu_is_an_error_at_its_line_with_did_you_mean() {
    let p = TestProject::new();
    p.site(
        "thcs-a",
        "name: \"Trường THCS A\"\nkind: school\nlevel: thcs\nparent: phong\nmenu:\n  order: [tin-tuc]\n  hide: [thu-vien-ahn]\n",
    );
    let out = p.lantoa(&["check"]);
    assert_eq!(out.status.code(), Some(1), "a typo in hide fails the check");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("content/sites/thcs-a/site.yaml:7") && err.contains("thu-vien-ahn"),
        "file, line and the id: {err}"
    );
    assert!(err.contains("`thu-vien-anh`"), "did you mean: {err}");
}

/// The whole split search index of a site (`tim-kiem/index.js`, `c/*.js`, `d/*.js`) as one text.
fn search_index(p: &TestProject, site: &str) -> String {
    let mut all = p.read(&format!("{site}/tim-kiem/index.js"));
    for part in ["c", "d"] {
        let mut files: Vec<_> = std::fs::read_dir(p.out(&format!("{site}/tim-kiem/{part}")))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for f in files {
            all.push_str(&std::fs::read_to_string(f).unwrap());
        }
    }
    all
}
