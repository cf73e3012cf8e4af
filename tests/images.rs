//! The image pipeline on real JPEGs: EXIF orientation applied, every byte of metadata (GPS,
//! camera) gone from the output, sizes for `srcset` with width/height, a 12-megapixel photo
//! under 300 KB at the largest size, the cache reused on the next build, HEIC refused.

mod common;

use common::{TestProject, assert_no_metadata, attrs, phone_photo};

#[test]
fn a_phone_photo_is_rotated_stripped_resized_and_cached() {
    let p = TestProject::new();
    p.post(
        "content/sites/thcs-a/articles/2026-11-05-trai-he/index.md",
        "Trại hè",
        "cover: anh.jpg\ncover_alt: \"Các em dựng lều\"\n",
        "Đoạn đầu.\n\n![Các em dựng lều](anh.jpg)\n",
    );
    let photo = phone_photo(4000, 3000);
    p.write_bytes(
        "content/sites/thcs-a/articles/2026-11-05-trai-he/anh.jpg",
        &photo,
    );
    let out = p.build_ok();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("photos: 1 processed"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    let dir = "thcs-a/bai-viet/trai-he";
    let largest = std::fs::read(p.out(&format!("{dir}/anh.jpg"))).unwrap();
    let decoded = image::load_from_memory(&largest).unwrap();
    assert_eq!(
        (decoded.width(), decoded.height()),
        (1280, 1707),
        "portrait after Orientation 6, 1280 px wide"
    );
    assert!(
        largest.len() < 300 * 1024,
        "12 MP photo → {} bytes at the largest size",
        largest.len()
    );
    for name in ["anh.jpg", "anh-480.jpg", "anh-960.jpg"] {
        assert_no_metadata(
            &std::fs::read(p.out(&format!("{dir}/{name}"))).unwrap(),
            name,
        );
    }
    let page = p.html(&format!("{dir}/index.html"));
    let img = |a: &str| attrs(&page, "main img", a);
    assert!(
        img("srcset")
            .iter()
            .any(|s| s == "anh-480.jpg 480w, anh-960.jpg 960w, anh.jpg 1280w"),
        "{:?}\n{}",
        img("srcset"),
        p.read(&format!("{dir}/index.html"))
            .lines()
            .filter(|l| l.contains("<img"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        img("width").contains(&"1280".to_string()) && img("height").contains(&"1707".to_string())
    );
    assert!(img("loading").contains(&"lazy".to_string()));
    assert_eq!(
        attrs(&page, "meta[property='og:image']", "content"),
        vec!["https://thcsa.example.edu.vn/bai-viet/trai-he/anh.jpg"]
    );
    assert_eq!(
        attrs(&page, "meta[property='og:image:width']", "content"),
        vec!["1280"]
    );
    assert_eq!(
        attrs(&page, "meta[name='twitter:card']", "content"),
        vec!["summary_large_image"]
    );
    assert_eq!(
        attrs(&page, "meta[name='twitter:image']", "content"),
        vec!["https://thcsa.example.edu.vn/bai-viet/trai-he/anh.jpg"]
    );
    assert_eq!(
        attrs(&page, "meta[property='og:title']", "content"),
        vec!["Trại hè"]
    );

    let cover_srcset = attrs(&page, "main figure img", "srcset");
    assert_eq!(
        cover_srcset,
        vec![
            "../../bai-viet/trai-he/anh-480.jpg 480w, ../../bai-viet/trai-he/anh-960.jpg 960w, ../../bai-viet/trai-he/anh.jpg 1280w"
        ]
    );
    let list = p.html("thcs-a/bai-viet/index.html");
    assert_eq!(
        attrs(&list, "img.card-cover", "width"),
        vec!["1280"],
        "no layout shift in lists"
    );

    let again = p.build_ok();
    assert!(
        String::from_utf8_lossy(&again.stdout).contains("photos: 0 processed, 1 reused"),
        "cache hit: {}",
        String::from_utf8_lossy(&again.stdout)
    );
    assert_eq!(
        std::fs::read(p.out(&format!("{dir}/anh.jpg"))).unwrap(),
        largest
    );
}

#[test]
fn shared_media_images_are_stripped_too() {
    let p = TestProject::new();
    p.write_bytes("content/media/logo-truong.jpg", &phone_photo(800, 600));
    p.post(
        "content/common/pages/gioi-thieu.md",
        "Giới thiệu",
        "",
        "![Logo](/media/logo-truong.jpg)\n",
    );
    p.build_ok();
    let bytes = std::fs::read(p.out("thcs-a/media/logo-truong.jpg")).unwrap();
    assert_no_metadata(&bytes, "media");
    let img = image::load_from_memory(&bytes).unwrap();
    assert_eq!((img.width(), img.height()), (600, 800), "oriented");
}

#[test]
fn heic_photos_get_a_clear_error() {
    let p = TestProject::new();
    p.post(
        "content/sites/thcs-a/articles/2026-11-05-a/index.md",
        "A",
        "",
        "![Ảnh](IMG_0001.HEIC)\n",
    );
    p.write_bytes(
        "content/sites/thcs-a/articles/2026-11-05-a/IMG_0001.HEIC",
        b"\0\0\0\x18ftypheic",
    );
    let err = p.build_err();
    assert!(
        err.contains("IMG_0001.HEIC") && err.contains("HEIC") && err.contains("JPEG"),
        "{err}"
    );
    assert!(
        err.contains("2026-11-05-a/index.md:6"),
        "names the page and line: {err}"
    );
}
