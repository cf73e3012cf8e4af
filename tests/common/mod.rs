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

    /// `lantoa build --now NOW`, asserting failure; returns stderr.
    pub fn build_err(&self) -> String {
        let out = self.lantoa(&["build", "--now", NOW]);
        assert_eq!(
            out.status.code(),
            Some(1),
            "expected exit 1, stdout: {}",
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
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
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
