//! `lantoa new`: a new page with a valid front matter (today's date, `status: draft`, the
//! fields of its kind with comments in Vietnamese) and a Vietnamese slug. Never overwrites.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::diagnostics::Diagnostic;
use crate::messages::Problem;

/// What `lantoa new` creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum NewKind {
    Article,
    Story,
    Primer,
    Page,
    Contest,
    Document,
    Notice,
    Album,
}

fn folder(kind: NewKind) -> &'static str {
    match kind {
        NewKind::Article => "articles",
        NewKind::Story => "stories",
        NewKind::Primer => "primers",
        NewKind::Page => "pages",
        NewKind::Contest => "contests",
        NewKind::Document => "documents",
        NewKind::Notice => "notices",
        NewKind::Album => "albums",
    }
}

/// Creates the file and returns its path.
pub fn create(
    root: &Path,
    kind: NewKind,
    title: &str,
    site: Option<&str>,
    today: Date,
) -> Result<PathBuf, Diagnostic> {
    let content = root.join("content");
    let base = match site {
        Some(id) if !content.join("sites").join(id).join("site.yaml").is_file() => {
            let known: Vec<String> = std::fs::read_dir(content.join("sites"))
                .into_iter()
                .flatten()
                .flatten()
                .filter(|e| e.path().join("site.yaml").is_file())
                .map(|e| e.file_name().to_string_lossy().to_string())
                .collect();
            return Err(Diagnostic::error(
                format!("--site {id}"),
                0,
                crate::load::config::unknown_site(id, known.iter().map(String::as_str)),
            ));
        }
        Some(id) => content.join("sites").join(id),
        None => content.join("common"),
    };
    let dir = base.join(folder(kind));
    let slug = crate::text::slugify(title);
    if slug.is_empty() {
        return Err(Diagnostic::error(
            "title",
            0,
            Problem::MissingField {
                field: "title".into(),
            },
        ));
    }
    let dated = matches!(kind, NewKind::Article | NewKind::Story | NewKind::Notice);
    let name = if dated {
        format!("{today}-{slug}.md")
    } else {
        format!("{slug}.md")
    };
    // Documents and albums are bundles: their file or photos go beside index.md.
    let bundle = matches!(kind, NewKind::Document | NewKind::Album);
    let path = if bundle {
        dir.join(&slug).join("index.md")
    } else {
        dir.join(&name)
    };
    let rel = |p: &Path| crate::diagnostics::display_path(p.strip_prefix(root).unwrap_or(p));
    if let Some(existing) = same_slug(&dir, &slug) {
        return Err(Diagnostic::error(
            existing.strip_prefix(root).unwrap_or(&existing),
            0,
            Problem::AlreadyExists {
                path: rel(&existing),
            },
        ));
    }
    let text = front_matter(root, kind, title, site, today);
    let parent = path.parent().unwrap_or(&dir).to_path_buf();
    std::fs::create_dir_all(&parent).map_err(|e| {
        Diagnostic::error(
            rel(&parent),
            0,
            Problem::Io {
                detail: e.to_string(),
            },
        )
    })?;
    // create_new: never replace a file, even one created since the check above.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|_| {
            Diagnostic::error(rel(&path), 0, Problem::AlreadyExists { path: rel(&path) })
        })?;
    std::io::Write::write_all(&mut file, text.as_bytes()).map_err(|e| {
        Diagnostic::error(
            rel(&path),
            0,
            Problem::Io {
                detail: e.to_string(),
            },
        )
    })?;
    Ok(path)
}

/// A file in `dir` whose slug (without date prefix) is `slug`, or a bundle folder of it.
fn same_slug(dir: &Path, slug: &str) -> Option<PathBuf> {
    let entries = std::fs::read_dir(dir).ok()?;
    entries.filter_map(Result::ok).map(|e| e.path()).find(|p| {
        let stem = if p.is_dir() {
            p.file_name()
        } else {
            p.file_stem()
        };
        let stem = stem
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let parts = crate::load::frontmatter::name_parts(&stem);
        crate::text::slugify(&parts.stem) == slug
    })
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn front_matter(
    root: &Path,
    kind: NewKind,
    title: &str,
    site: Option<&str>,
    today: Date,
) -> String {
    let title = quote(title);
    let approval = "status: draft                 # draft (nháp) → review (chờ duyệt) → approved (đã duyệt)\n\
                    # approved_by: \"Họ tên (chức vụ)\"   # bắt buộc khi status: approved\n";
    match kind {
        NewKind::Article => format!(
            "---\ntitle: {title}\ndate: {today}              # ngày đăng; có thể thêm giờ: {today} 07:30\n\
             # summary: \"Một hai câu tóm tắt\"   # bỏ trống: lấy đoạn đầu tiên\n\
             author: \"\"\ntags: []                      # ví dụ: [tin tốt, kỹ năng số]\n{approval}\
             # share: down                 # đăng lại trên mọi trang của đơn vị cấp dưới\n\
             # cover: anh-bia.jpg          # ảnh bìa, đặt cạnh bài; cần cover_alt\n\
             # cover_alt: \"Mô tả nội dung ảnh\"\n---\n\nViết nội dung bài ở đây. Đoạn đầu tiên là phần tóm tắt.\n\n## Mục đầu tiên\n\n"
        ),
        NewKind::Story => format!(
            "---\ntitle: {title}\ndate: {today}\nperson:\n  role: \"học sinh lớp …\"        # vai trò của nhân vật\n  student: true\n\
             # name: \"Họ tên\"               # bỏ trống để đăng ẩn danh; có tên học sinh thì cần consent\n\
             # age: 13\n# consent:                       # sự đồng ý (Luật Trẻ em 2016 Điều 6, 21)\n\
             #   name: true                    # đồng ý nêu tên\n#   photos: false                 # đồng ý đăng ảnh\n\
             #   parent: \"Ông/Bà … (bố/mẹ)\"   # cha mẹ đã đồng ý\n#   student: true                 # em (từ 7 tuổi) đồng ý\n\
             deed_date: {today}\nplace: \"\"\nverified_by: \"\"\n{approval}---\n\nKể lại việc tốt ở đây.\n"
        ),
        NewKind::Primer => {
            let (id, law_title, url) = law_for(root, &title).unwrap_or_else(|| {
                // No law matches the title: a value `check` rejects, listing the known ids.
                (LAW_PLACEHOLDER.to_string(), String::new(), String::new())
            });
            format!(
                "---\ntitle: {title}\nlaw: {id}                 # mã văn bản trong content/laws.yaml\narticles: []                  # các Điều bài giải thích, ví dụ [8, 16]\n\
                 reviewed: {today}             # ngày giáo viên đối chiếu với văn bản\nsources:\n  - title: {}\n    url: {}\n\
                 questions: []                 # câu hỏi ôn tập: - {{q: \"…?\", choices: [\"…\", \"…\"], answer: 1, explain: \"…\"}}\n{approval}---\n\n\
                 Giải thích quy định bằng lời dễ hiểu.\n\n## Em cần làm gì?\n\n",
                quote(&law_title),
                quote(&url)
            )
        }
        NewKind::Page => format!(
            "---\ntitle: {title}\nmenu: false                   # true, hoặc {{label: \"Tên ngắn\", parent: gioi-thieu, weight: 10}}: hiện trên menu\nweight: 10                    # thứ tự trên menu\n{approval}---\n\n"
        ),
        NewKind::Document => format!(
            "---\ntitle: {title}\nnumber: \"\"                    # số hiệu, ví dụ \"12/KH-THCSHY\"\ndoc_type: ke-hoach            # một id trong document_types của network.yaml\n\
             signer: \"\"                    # người ký, ví dụ \"Hiệu trưởng\"\nissued: {today}              # ngày ban hành\n# effective: {today}          # ngày hiệu lực\n\
             file: ten-tep.pdf             # tệp văn bản, đặt cạnh index.md này\nsummary: \"\"                   # trích yếu\n\
             # share: down                 # văn bản của Sở/Phòng: hiện ở \"Văn bản cấp trên\" của các đơn vị cấp dưới\n{approval}---\n"
        ),
        NewKind::Notice => format!(
            "---\ntitle: {title}\ndate: {today}\n# until: {today}              # sau thời điểm này thông báo rời trang chủ (vẫn còn trong mục Thông báo)\n{approval}---\n\nMột hai đoạn ngắn.\n"
        ),
        NewKind::Album => format!(
            "---\ntitle: {title}\ndate: {today}\nstudents: false               # true nếu ảnh có học sinh: khi đó cần consent\n\
             # consent:                    # sự đồng ý (Luật Trẻ em 2016 Điều 6, 21)\n#   parent: \"Cha mẹ học sinh lớp … (phiếu đồng ý lưu tại văn phòng)\"\n#   photos: true\n#   student: true               # các em (từ 7 tuổi) đồng ý\n\
             # captions:                   # chú thích; ảnh đặt cạnh index.md này\n#   - {{file: anh-01.jpg, caption: \"…\"}}\n{approval}---\n"
        ),
        NewKind::Contest => {
            let year = today.year() + 1;
            match (site, first_common_contest(root)) {
                (Some(_), Some(base)) => format!(
                    "---\ntitle: {title}\nextends: {base}\nyear: {year}\n# organizer: \"…\"          # mọi trường của cuộc thi chung đều ghi đè được ở đây\n{approval}---\n\n"
                ),
                _ => format!(
                    "---\ntitle: {title}\nrecurrence: yearly\nwindow: {{start: \"03-10\", end: \"03-20\"}}\nformats: [trac-nghiem, viet, san-khau-hoa]\n\
                     audience: \"Học sinh THCS\"\norganizer: \"\"\npurpose: []\ntopics: []\nprizes: []\n\
                     judging: {{jury: [], criteria: []}}\nsubmission: {{how: \"\", where: \"\", rules: []}}\ncontact: {{name: \"\", phone: \"\", email: \"\"}}\n{approval}---\n\n"
                ),
            }
        }
    }
}

/// What `lantoa new primer` writes as `law:` when no law's title matches the page title; no law
/// has this id, so `lantoa check` asks for a real one and lists them.
pub const LAW_PLACEHOLDER: &str = "chon-ma-van-ban-trong-laws-yaml";

/// Words every law title shares: they say nothing about which law a page is about.
const GENERIC_WORDS: &[&str] = &[
    "luat", "bo", "nghi", "dinh", "quyet", "quy", "ve", "va", "cua", "cac", "mot", "so", "sua",
    "doi", "bo", "sung", "ban", "hanh", "trong", "linh", "vuc", "tim", "hieu", "phap", "nam",
];

fn words(s: &str) -> std::collections::BTreeSet<String> {
    crate::text::fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !GENERIC_WORDS.contains(w))
        .map(str::to_string)
        .collect()
}

/// The law whose title best matches the page title (most shared folded words, other than the
/// words all law titles share; a law in force first, then the shorter title), if any shares one.
fn law_for(root: &Path, page_title: &str) -> Option<(String, String, String)> {
    let text = std::fs::read_to_string(root.join("content/laws.yaml")).ok()?;
    let laws = crate::load::config::load_laws(Path::new("content/laws.yaml"), &text).ok()?;
    let wanted = words(page_title);
    let law = laws
        .values()
        .map(|l| (words(&l.config.title).intersection(&wanted).count(), l))
        // Two shared words, or every word of a short title ("Ăn uống" is not "An ninh").
        .filter(|(n, _)| *n >= 2 || (*n == 1 && wanted.len() == 1))
        .max_by_key(|(n, l)| {
            (
                *n,
                l.repealed.is_none(),
                std::cmp::Reverse(l.config.title.len()),
            )
        })?
        .1;
    Some((
        law.config.id.clone(),
        law.full_title(),
        law.config.url.clone().map(String::from).unwrap_or_default(),
    ))
}

fn first_common_contest(root: &Path) -> Option<String> {
    let dir = root.join("content/common/contests");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|e| {
            e.path()
                .file_stem()
                .map(|s| crate::text::slugify(&s.to_string_lossy()))
        })
        .collect();
    names.sort();
    names.into_iter().next()
}
