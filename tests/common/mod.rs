//! A temporary lantoa project for integration tests: a small network (Sở → Phòng → two
//! schools, one THCS and one primary), the repository's real theme, and helpers to run the
//! `lantoa` binary and read its output.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const NOW: &str = "2026-11-28 12:00";

pub struct TestProject {
    pub dir: tempfile::TempDir,
}

impl TestProject {
    /// A project with a working network and no content yet.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let p = TestProject { dir };
        copy_dir(&repo().join("themes"), &p.path().join("themes"));
        p.write(
            "content/network.yaml",
            "name: \"Mạng thử nghiệm\"\nlanguage: en\nbase_url: \"https://{site}.example.edu.vn/\"\npaginate: 2\n",
        );
        p.write(
            "content/laws.yaml",
            r#"- id: luat-an-ninh-mang-2018
  title: "Luật An ninh mạng"
  number: "24/2018/QH14"
  effective: 2019-01-01
  repealed: 2026-07-01
  replaced_by: luat-an-ninh-mang-2025
  url: "https://example.gov.vn/luat-24-2018"
  articles:
    8: "Các hành vi bị nghiêm cấm về an ninh mạng"
    29: "Bảo vệ trẻ em trên không gian mạng"
- id: luat-an-ninh-mang-2025
  title: "Luật An ninh mạng"
  number: "116/2025/QH15"
  effective: 2026-07-01
  url: "https://example.gov.vn/luat-116-2025"
- id: blhs-2015
  title: "Bộ luật Hình sự"
  number: "100/2015/QH13"
  url: "https://example.gov.vn/blhs"
  articles:
    155: "Tội làm nhục người khác"
    174: "Tội lừa đảo chiếm đoạt tài sản"
"#,
        );
        p.site(
            "so",
            "name: \"Sở GD&ĐT Thử\"\nkind: department\nhotline: \"0200 000 001\"\n",
        );
        p.site(
            "phong",
            "name: \"Phòng GD&ĐT Thử\"\nkind: office\nparent: so\n",
        );
        p.site("thcs-a", "name: \"Trường THCS A\"\nkind: school\nlevel: thcs\nparent: phong\nbase_url: \"https://thcsa.example.edu.vn/\"\n");
        p.site(
            "th-b",
            "name: \"Trường Tiểu học B\"\nkind: school\nlevel: tieu-hoc\nparent: phong\n",
        );
        p
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn site(&self, id: &str, yaml: &str) {
        self.write(&format!("content/sites/{id}/site.yaml"), yaml);
    }

    pub fn write(&self, rel: &str, text: &str) {
        self.write_bytes(rel, text.as_bytes());
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) {
        let path = self.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }

    /// An approved post with the given extra front matter and body.
    pub fn post(&self, rel: &str, title: &str, extra: &str, body: &str) {
        self.write(
            rel,
            &format!("---\ntitle: \"{title}\"\nstatus: approved\napproved_by: \"Cô Hiệu trưởng\"\n{extra}---\n{body}"),
        );
    }

    pub fn lantoa(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_lantoa"))
            .arg("--root")
            .arg(self.path())
            .args(args)
            .env_remove("LANTOA_LANG")
            .env_remove("SOURCE_DATE_EPOCH")
            .output()
            .expect("run lantoa")
    }

    /// `lantoa build --now NOW`, asserting success.
    pub fn build_ok(&self) -> Output {
        let out = self.lantoa(&["build", "--now", NOW]);
        assert!(
            out.status.success(),
            "build failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    /// `lantoa build --now NOW`, asserting failure: exit 1 (nothing built) or 3 (the sites the
    /// problem affects kept); returns stderr.
    pub fn build_err(&self) -> String {
        let out = self.lantoa(&["build", "--now", NOW]);
        assert!(
            matches!(out.status.code(), Some(1 | 3)),
            "expected exit 1 or 3, got {:?}, stdout: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8_lossy(&out.stderr).to_string()
    }

    pub fn out(&self, rel: &str) -> PathBuf {
        self.path().join("public").join(rel)
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.out(rel).exists()
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.out(rel)).unwrap_or_else(|e| panic!("read public/{rel}: {e}"))
    }

    pub fn html(&self, rel: &str) -> scraper::Html {
        scraper::Html::parse_document(&self.read(rel))
    }
}

/// Texts of the elements matching `selector`.
pub fn texts(doc: &scraper::Html, selector: &str) -> Vec<String> {
    let sel = scraper::Selector::parse(selector).unwrap();
    doc.select(&sel)
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// Values of `attr` of the elements matching `selector`.
pub fn attrs(doc: &scraper::Html, selector: &str, attr: &str) -> Vec<String> {
    let sel = scraper::Selector::parse(selector).unwrap();
    doc.select(&sel)
        .filter_map(|e| e.value().attr(attr).map(str::to_string))
        .collect()
}

/// Every file below `dir` with its bytes, sorted by path.
/// Every file under `dir` with its bytes, sorted — but the build report, which describes a
/// build relative to the previous one (`changed`) and is tested on its own.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| !e.path().ends_with("_editorial/build-report.json"))
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().display().to_string(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = entry.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// What is wrong with one published page, if anything executable or dangerous is in it.
pub fn dangers(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let mut found = Vec::new();
    let all = scraper::Selector::parse("*").unwrap();
    for el in doc.select(&all) {
        let v = el.value();
        let name = v.name();
        for (attr, value) in v.attrs() {
            let attr = attr.to_ascii_lowercase();
            if attr.starts_with("on") {
                found.push(format!("<{name} {attr}=…>"));
            }
            let is_url = matches!(
                attr.as_str(),
                "href" | "src" | "action" | "formaction" | "data" | "poster" | "xlink:href"
            );
            if is_url && !lantoa::safe::url_allowed(value) {
                found.push(format!("<{name} {attr}=\"{value}\">"));
            }
            if attr == "srcset"
                && !value
                    .split(',')
                    .all(|c| lantoa::safe::url_allowed(c.trim()))
            {
                found.push(format!("<{name} srcset=\"{value}\">"));
            }
            if attr == "style" && value.to_ascii_lowercase().contains("url(") {
                found.push(format!("<{name} style=\"{value}\">"));
            }
            if attr == "srcdoc" {
                found.push(format!("<{name} srcdoc>"));
            }
        }
        match name {
            "script" => {
                let src = v.attr("src").unwrap_or("");
                let theme_script = src.ends_with("search.js") || src.ends_with("quiz.js");
                let data = v.attr("type") == Some("application/json");
                if data {
                    let text: String = el.text().collect();
                    if serde_json::from_str::<serde_json::Value>(&text).is_err() {
                        found.push("a JSON <script> that is not JSON (broken out of?)".into());
                    }
                } else if !theme_script || lantoa::safe::scheme(src).is_some() {
                    found.push(format!("<script src=\"{src}\">"));
                }
            }
            "object" | "embed" | "base" | "frame" | "frameset" | "applet" => {
                found.push(format!("<{name}>"));
            }
            "meta" if v.attr("http-equiv").is_some() => found.push("<meta http-equiv>".into()),
            "iframe" => {
                // An iframe without `src` is an empty, inert frame (about:blank).
                let src = v.attr("src").unwrap_or("https://www.youtube.com/embed/");
                if !src.starts_with("https://www.youtube.com/embed/")
                    && !src.starts_with("https://www.youtube-nocookie.com/embed/")
                    && !src.starts_with("https://www.facebook.com/plugins/video.php?")
                {
                    found.push(format!("<iframe src=\"{src}\">"));
                }
            }
            _ => {}
        }
    }
    found
}

/// A tiny image encoded by the `image` crate whose header is then made to claim `w × h`.
pub fn bomb(format: &str, (w, h): (u32, u32)) -> Vec<u8> {
    let img = image::RgbImage::from_pixel(16, 16, image::Rgb([200, 30, 30]));
    let mut bytes = Vec::new();
    match format {
        "jpeg" => {
            image::codecs::jpeg::JpegEncoder::new(&mut bytes)
                .encode_image(&img)
                .unwrap();
            // SOF0/SOF2: FF C0|C2, length (2), precision (1), height (2), width (2).
            let at = bytes
                .windows(2)
                .position(|p| p[0] == 0xFF && (p[1] == 0xC0 || p[1] == 0xC2))
                .expect("a SOF marker");
            bytes[at + 5..at + 7].copy_from_slice(&(h as u16).to_be_bytes());
            bytes[at + 7..at + 9].copy_from_slice(&(w as u16).to_be_bytes());
        }
        "png" => {
            image::ImageEncoder::write_image(
                image::codecs::png::PngEncoder::new(&mut bytes),
                &img,
                16,
                16,
                image::ExtendedColorType::Rgb8,
            )
            .unwrap();
            // IHDR data starts at 16: width, height; its CRC (over type + data) follows.
            bytes[16..20].copy_from_slice(&w.to_be_bytes());
            bytes[20..24].copy_from_slice(&h.to_be_bytes());
            let crc = crc32(&bytes[12..29]);
            bytes[29..33].copy_from_slice(&crc.to_be_bytes());
        }
        other => panic!("unknown bomb format {other}"),
    }
    bytes
}

pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A small PNG whose header claims `w × h` pixels.
pub fn png_claiming(w: u32, h: u32) -> Vec<u8> {
    bomb("png", (w, h))
}

/// A `w`×`h` photo-like JPEG (gradients and texture) with EXIF: Orientation 6 (rotate 90°
/// clockwise), a camera make and a GPS position.
pub fn phone_photo(w: u32, h: u32) -> Vec<u8> {
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
        exif::Field {
            tag: exif::Tag::Orientation,
            ifd_num: exif::In::PRIMARY,
            value: exif::Value::Short(vec![6]),
        },
        exif::Field {
            tag: exif::Tag::Make,
            ifd_num: exif::In::PRIMARY,
            value: exif::Value::Ascii(vec![b"LantoaPhone".to_vec()]),
        },
        exif::Field {
            tag: exif::Tag::GPSLatitudeRef,
            ifd_num: exif::In::PRIMARY,
            value: exif::Value::Ascii(vec![b"N".to_vec()]),
        },
        exif::Field {
            tag: exif::Tag::GPSLatitude,
            ifd_num: exif::In::PRIMARY,
            value: exif::Value::Rational(vec![
                exif::Rational { num: 21, denom: 1 },
                exif::Rational { num: 31, denom: 1 },
                exif::Rational { num: 0, denom: 1 },
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
    assert!(
        check
            .get_field(exif::Tag::GPSLatitude, exif::In::PRIMARY)
            .is_some()
    );
    out
}

pub fn assert_no_metadata(bytes: &[u8], name: &str) {
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
