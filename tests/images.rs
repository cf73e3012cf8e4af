//! The image pipeline on real JPEGs: EXIF orientation applied, every byte of metadata (GPS,
//! camera) gone from the output, sizes for `srcset` with width/height, a 12-megapixel photo
//! under 300 KB at the largest size, the cache reused on the next build, HEIC refused.

mod common;

use common::{TestProject, attrs};
use exif::{Field, In, Rational, Tag, Value};

/// A `w`×`h` photo-like JPEG (gradients and texture) with EXIF: Orientation 6 (rotate 90°
/// clockwise), a camera make and a GPS position.
fn phone_photo(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        let n = ((x.wrapping_mul(73) ^ y.wrapping_mul(151)) % 23) as u8;
        image::Rgb([
            (x * 255 / w) as u8 / 2 + n,
            (y * 255 / h) as u8 / 2 + n,
            120 + n,
        ])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 92)
        .encode_image(&img)
        .unwrap();
    let fields = [
        Field {
            tag: Tag::Orientation,
            ifd_num: In::PRIMARY,
            value: Value::Short(vec![6]),
        },
        Field {
            tag: Tag::Make,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"LantoaPhone".to_vec()]),
        },
        Field {
            tag: Tag::GPSLatitudeRef,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"N".to_vec()]),
        },
        Field {
            tag: Tag::GPSLatitude,
            ifd_num: In::PRIMARY,
            value: Value::Rational(vec![
                Rational { num: 21, denom: 1 },
                Rational { num: 31, denom: 1 },
                Rational { num: 0, denom: 1 },
            ]),
        },
    ];
    let mut writer = exif::experimental::Writer::new();
    for f in &fields {
        writer.push_field(f);
    }
    let mut tiff = std::io::Cursor::new(Vec::new());
    writer.write(&mut tiff, false).unwrap();
    let tiff = tiff.into_inner();
    // APP1 "Exif\0\0" + TIFF, right after the JPEG's SOI marker.
    let mut app1 = vec![0xFF, 0xE1];
    app1.extend_from_slice(&((tiff.len() + 8) as u16).to_be_bytes());
    app1.extend_from_slice(b"Exif\0\0");
    app1.extend_from_slice(&tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpeg[2..]);
    let check = exif::Reader::new()
        .read_from_container(&mut std::io::Cursor::new(&out))
        .expect("the input has EXIF");
    assert!(check.get_field(Tag::GPSLatitude, In::PRIMARY).is_some());
    out
}

fn assert_no_metadata(bytes: &[u8], name: &str) {
    assert!(
        exif::Reader::new()
            .read_from_container(&mut std::io::Cursor::new(bytes))
            .is_err(),
        "{name} still has EXIF"
    );
    assert!(
        !bytes.windows(6).any(|w| w == b"Exif\0\0"),
        "{name}: Exif marker"
    );
    assert!(
        !bytes.windows(11).any(|w| w == b"LantoaPhone"),
        "{name}: camera make"
    );
}

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
