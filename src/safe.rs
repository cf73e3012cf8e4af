//! What content from many hands may put on a public site, decided here and nowhere else:
//! which URL schemes a link or a URL field may use, which file types may be published, how
//! deep Markdown may nest, and where a file named by content may be (inside its page's folder
//! or `content/media/`, never through `..`, an absolute path or a symbolic link out of
//! `content/`). The load stage, the Markdown renderer, the image stage and the sanitiser all
//! ask here; the writer (`output.rs`) separately refuses any destination outside its staging
//! folder.

use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Schemes a link, image or URL field may use. Everything else (`javascript:`, `data:`,
/// `vbscript:`, `file:`, …) is refused.
pub const ALLOWED_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// How deep blocks and inline elements may nest in Markdown (lists in lists, quotes in
/// quotes, emphasis in links…). Real pages stay under 10; the limit keeps parsing and
/// sanitising linear in the size of the input.
pub const MAX_NESTING: usize = 32;

/// Raster images larger than this are refused before they are decoded (a 48-megapixel phone
/// photo is 8000 × 6000).
pub const MAX_IMAGE_SIDE: u32 = 12_000;
pub const MAX_IMAGE_PIXELS: u64 = 64_000_000;
/// Memory one image may take while it is decoded and resized.
pub const MAX_IMAGE_ALLOC: u64 = 1024 * 1024 * 1024;

/// The scheme of a URL as a browser reads it (tabs and newlines removed, leading spaces and
/// control characters ignored), lower-cased; `None` for a relative URL.
pub fn scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let end = cleaned.find([':', '/', '?', '#'])?;
    if !cleaned[end..].starts_with(':') {
        return None;
    }
    let candidate = &cleaned[..end];
    let valid = candidate
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && candidate
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    // Anything before a colon that is not a valid scheme is still not a relative path a
    // browser would resolve safely (e.g. `java script:`): report it as its own scheme.
    Some(if valid {
        candidate.to_ascii_lowercase()
    } else {
        candidate.to_string()
    })
}

/// Whether content may link to `url`: a relative path, a `#fragment`, or one of
/// `ALLOWED_SCHEMES`. Control characters anywhere are refused.
pub fn url_allowed(url: &str) -> bool {
    if url
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        return false;
    }
    match scheme(url) {
        None => true,
        Some(s) => ALLOWED_SCHEMES.contains(&s.as_str()),
    }
}

/// A URL from front matter or configuration (`sources[].url`, `fanpage`, `zalo`, a law's
/// `url`…), checked when it is read: a scheme outside `ALLOWED_SCHEMES` is a YAML error at
/// the field's line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(transparent)]
pub struct SafeUrl(String);

/// The marker `yaml.rs` recognises in a deserialisation error to report `UnsafeUrl`.
pub const UNSAFE_URL_MARKER: &str = "lantoa-unsafe-url:";
/// The same for a `base_url` that is not `http(s)://…`.
pub const BAD_BASE_URL_MARKER: &str = "lantoa-bad-base-url:";

impl<'de> Deserialize<'de> for SafeUrl {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if url_allowed(&s) {
            Ok(SafeUrl(s))
        } else {
            Err(serde::de::Error::custom(format!("{UNSAFE_URL_MARKER}{s}")))
        }
    }
}

impl std::ops::Deref for SafeUrl {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for SafeUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl SafeUrl {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<SafeUrl> for String {
    fn from(u: SafeUrl) -> String {
        u.0
    }
}

/// A site's address (`base_url`, or the network's pattern with `{site}`): absolute
/// `http://` or `https://`, since every canonical link and feed is built on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct BaseUrl(String);

impl<'de> Deserialize<'de> for BaseUrl {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let ok = url_allowed(&s)
            && matches!(scheme(&s).as_deref(), Some("http" | "https"))
            && s.split_once("://")
                .is_some_and(|(_, rest)| !rest.is_empty() && !rest.starts_with('/'));
        if ok {
            Ok(BaseUrl(s))
        } else {
            Err(serde::de::Error::custom(format!(
                "{BAD_BASE_URL_MARKER}{s}"
            )))
        }
    }
}

impl BaseUrl {
    pub fn new(s: impl Into<String>) -> BaseUrl {
        BaseUrl(s.into())
    }
}

impl std::ops::Deref for BaseUrl {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

/// What a file published from content is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileType {
    /// JPEG, PNG, WebP: decoded and re-encoded without metadata.
    Photo,
    /// GIF: copied as it is (no EXIF; animation kept).
    Gif,
    /// PDF, office documents, archives, audio and video: copied as they are.
    Document,
}

/// Extensions of documents that may be published beside a page or in `content/media/`.
pub const DOCUMENT_EXTENSIONS: [&str; 14] = [
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "zip", "mp3", "mp4",
    "txt",
];

/// Whether a link names a local document to publish as an attachment: no scheme, not
/// protocol-relative, a document extension (`ke-hoach.pdf`, `/media/mau.docx`, `a.pdf#page=2`).
pub fn is_document_link(dest: &str) -> bool {
    if scheme(dest).is_some() || dest.starts_with("//") {
        return false;
    }
    let path = dest.split(['#', '?']).next().unwrap_or("");
    !path.is_empty() && file_type(path) == Ok(FileType::Document)
}

/// Why a file may not be published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// SVG can carry scripts: refused with a hint to export it as PNG.
    Svg,
    /// HEIC, TIFF, BMP: photos in a format browsers cannot show; the hint says how to convert.
    UnsupportedPhoto(&'static str),
    /// Anything else (`.html`, `.js`, `.exe`, no extension…).
    NotAllowed(String),
}

/// The extension of `name`, lower-cased (`""` when there is none).
pub fn extension(name: &str) -> String {
    Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// Whether a file named `name` may be published from content, and as what.
pub fn file_type(name: &str) -> Result<FileType, Refused> {
    let ext = extension(name);
    match ext.as_str() {
        "jpg" | "jpeg" | "png" | "webp" => Ok(FileType::Photo),
        "gif" => Ok(FileType::Gif),
        "svg" | "svgz" => Err(Refused::Svg),
        "heic" | "heif" => Err(Refused::UnsupportedPhoto("HEIC")),
        "tif" | "tiff" => Err(Refused::UnsupportedPhoto("TIFF")),
        "bmp" => Err(Refused::UnsupportedPhoto("BMP")),
        e if DOCUMENT_EXTENSIONS.contains(&e) => Ok(FileType::Document),
        e => Err(Refused::NotAllowed(e.to_string())),
    }
}

/// Why a path named by content cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathError {
    /// `..`, an absolute path, a drive, a backslash or a NUL: it would leave the page's folder.
    Outside,
    /// A symbolic link whose target is outside `content/` (or cannot be resolved).
    Symlink(PathBuf),
    /// No such file.
    Missing,
}

/// Checks a relative name written in content (`anh/lop-8a.jpg`, already percent-decoded):
/// only plain components, no `..`, `.`, absolute path, drive, backslash or NUL.
pub fn relative_name(name: &str) -> Result<&str, PathError> {
    if name.is_empty() || name.contains(['\\', '\0']) || name.starts_with('/') {
        return Err(PathError::Outside);
    }
    let clean = Path::new(name)
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    let dotted = name
        .split('/')
        .any(|seg| seg.is_empty() || seg == "." || seg == "..");
    if !clean || dotted || name.contains(':') {
        return Err(PathError::Outside);
    }
    Ok(name)
}

/// Resolves `name` inside the folder `base`: the file must exist, be a regular file (or a
/// link that stays inside `content`), and stay below `base`. Returns the path to read.
pub fn resolve_inside(base: &Path, name: &str, content: &Path) -> Result<PathBuf, PathError> {
    let name = relative_name(name)?;
    let path = base.join(name);
    // Every folder on the way and the file itself: a link anywhere must stay in content/.
    let mut walked = base.to_path_buf();
    for part in Path::new(name).components() {
        walked.push(part);
        let meta = std::fs::symlink_metadata(&walked).map_err(|_| PathError::Missing)?;
        if meta.file_type().is_symlink() {
            check_link(&walked, content)?;
        }
    }
    if !path.is_file() {
        return Err(PathError::Missing);
    }
    Ok(path)
}

/// A symbolic link is allowed only when its target exists and is inside `allowed`.
pub fn check_link(link: &Path, allowed: &Path) -> Result<(), PathError> {
    let allowed = std::fs::canonicalize(allowed).unwrap_or_else(|_| allowed.to_path_buf());
    match std::fs::canonicalize(link) {
        Ok(target) if target.starts_with(&allowed) => Ok(()),
        Ok(target) => Err(PathError::Symlink(target)),
        Err(_) => Err(PathError::Symlink(
            std::fs::read_link(link).unwrap_or_default(),
        )),
    }
}

/// Every symbolic link under `dir` whose target leaves `allowed` (or does not exist), with
/// its target. Links are never followed while looking.
pub fn links_outside(dir: &Path, allowed: &Path) -> Vec<(PathBuf, PathBuf)> {
    walkdir::WalkDir::new(dir)
        .follow_links(false)
        .follow_root_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path_is_symlink())
        .filter_map(|e| match check_link(e.path(), allowed) {
            Ok(()) => None,
            Err(PathError::Symlink(target)) => Some((e.path().to_path_buf(), target)),
            Err(_) => Some((e.path().to_path_buf(), PathBuf::new())),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_are_read_as_a_browser_reads_them() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "zalo:123",
        ] {
            assert!(!url_allowed(bad), "{bad:?} must be refused");
        }
        for good in [
            "https://example.edu.vn/x",
            "http://example.edu.vn",
            "mailto:a@b.vn",
            "tel:0203123456",
            "anh.jpg",
            "../bai/",
            "#muc-1",
            "?q=1",
            "/media/x.pdf",
            "bai/viet:x",
        ] {
            assert!(url_allowed(good), "{good:?} must be allowed");
        }
        // A colon before the first `/` makes a scheme, whatever it is.
        assert!(!url_allowed("bai:viet/x"));
    }

    #[test]
    fn relative_names_never_leave_the_folder() {
        for bad in [
            "../x.jpg",
            "a/../../x.jpg",
            "/etc/passwd",
            "a\\..\\x.jpg",
            "./x.jpg",
            "a//b.jpg",
            "C:/x.jpg",
            "x\0.jpg",
            "",
        ] {
            assert_eq!(relative_name(bad), Err(PathError::Outside), "{bad:?}");
        }
        assert_eq!(relative_name("anh/lop 8a.jpg"), Ok("anh/lop 8a.jpg"));
    }

    #[test]
    fn file_types_are_an_allow_list() {
        assert_eq!(file_type("a.JPG"), Ok(FileType::Photo));
        assert_eq!(file_type("ke-hoach.pdf"), Ok(FileType::Document));
        assert_eq!(file_type("a.svg"), Err(Refused::Svg));
        assert_eq!(
            file_type("page.html"),
            Err(Refused::NotAllowed("html".into()))
        );
        assert_eq!(file_type("noext"), Err(Refused::NotAllowed(String::new())));
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_content_are_found_and_refused() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        std::fs::create_dir_all(content.join("a")).unwrap();
        std::fs::write(content.join("a/ok.jpg"), b"x").unwrap();
        std::os::unix::fs::symlink("/etc/passwd", content.join("a/anh.jpg")).unwrap();
        std::os::unix::fs::symlink(content.join("a/ok.jpg"), content.join("a/inside.jpg")).unwrap();
        let found = links_outside(&content, &content);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].0.ends_with("a/anh.jpg"));
        assert!(matches!(
            resolve_inside(&content.join("a"), "anh.jpg", &content),
            Err(PathError::Symlink(_))
        ));
        assert!(resolve_inside(&content.join("a"), "inside.jpg", &content).is_ok());
        assert_eq!(
            resolve_inside(&content.join("a"), "none.jpg", &content),
            Err(PathError::Missing)
        );
    }
}
