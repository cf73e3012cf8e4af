//! Every problem lantoa can report, and its wording in Vietnamese and English — in this one
//! place, so a translator edits one file. Each problem has a short stable `code` (for JSON and
//! tools), a message saying what is wrong, and a help line saying what to do. The short
//! answers of `serve` to requests it refuses (`Refusal`) are here too.

/// Language of messages, from `network.yaml`'s `language` or the `LANTOA_LANG` variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" | "vi-vn" | "vi_vn" => Some(Lang::Vi),
            "en" | "en-us" | "en-gb" | "en_us" => Some(Lang::En),
            _ => None,
        }
    }

    /// `LANTOA_LANG` wins over the network's `language`.
    pub fn choose(network_language: Option<&str>) -> Lang {
        std::env::var("LANTOA_LANG")
            .ok()
            .and_then(|v| Lang::parse(&v))
            .or_else(|| network_language.and_then(Lang::parse))
            .unwrap_or_default()
    }
}

/// What went wrong. The data needed to phrase it, not the phrase.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    Io {
        detail: String,
    },
    NotUtf8 {
        byte: usize,
    },
    NoFrontMatter,
    UnclosedFrontMatter,
    /// `+++ … +++` (Hugo, Zola): the first lines converted to YAML, for the help.
    TomlFrontMatter {
        converted: Vec<String>,
    },
    Yaml {
        detail: String,
        colon_in_value: bool,
    },
    UnknownField {
        field: String,
        suggestion: Option<String>,
        expected: Vec<String>,
    },
    MissingField {
        field: String,
    },
    /// A value of the wrong shape (a list where text is expected…), with an example.
    WrongType {
        field: String,
        found: Shape,
        expected: Shape,
        example: String,
    },
    /// A value outside a fixed list (`status: aproved`).
    BadChoice {
        field: String,
        value: String,
        allowed: Vec<String>,
        suggestion: Option<String>,
    },
    BadValue {
        field: String,
        value: String,
        expected: String,
    },
    BadDate {
        value: String,
    },
    MissingDate,
    UnknownParent {
        parent: String,
    },
    ParentCycle {
        chain: String,
    },
    MissingParentField,
    SecondRoot {
        other: String,
    },
    NoSites,
    UnknownSite {
        id: String,
        suggestion: Option<String>,
    },
    DuplicateSlug {
        url: String,
        other: String,
    },
    MissingPage {
        target: String,
    },
    MissingAnchor {
        target: String,
        anchor: String,
    },
    UnknownLaw {
        id: String,
        suggestion: Option<String>,
        known: Vec<String>,
    },
    UnknownLawArticle {
        id: String,
        article: String,
        /// The nearest article numbers the law lists.
        nearest: Vec<String>,
    },
    UnknownReplacement {
        id: String,
    },
    MissingCoverAlt,
    MissingImageAlt {
        src: String,
    },
    MissingImage {
        src: String,
    },
    ApprovedWithoutApprover,
    MissingSources,
    ConsentMissing {
        missing: Vec<String>,
    },
    BadEmbed {
        src: String,
    },
    UnsafeUrl {
        url: String,
    },
    BadBaseUrl {
        url: String,
    },
    PathOutside {
        src: String,
    },
    SymlinkOutside {
        link: String,
        target: String,
    },
    FileRefused {
        src: String,
        ext: String,
    },
    SvgRefused {
        src: String,
    },
    NotAnImage {
        src: String,
    },
    ImageTooLarge {
        src: String,
        width: u32,
        height: u32,
    },
    TooDeep {
        limit: usize,
    },
    HeadingAttribute {
        attr: String,
    },
    EmptySlug {
        value: String,
    },
    ReservedSlug {
        slug: String,
    },
    BadSiteId {
        id: String,
        suggestion: String,
    },
    LinkToUnpublished {
        target: String,
        state: TargetState,
    },
    Template {
        detail: String,
    },
    /// A template (or lantoa itself, `template` empty) uses a UI string the theme's i18n file
    /// does not have.
    MissingString {
        key: String,
        i18n: String,
        template: String,
        line: usize,
    },
    BadQuestion {
        index: usize,
        detail: String,
    },
    /// A quiz `answer` that names no choice: a letter past the choices, a text matching none.
    BadAnswer {
        index: usize,
        answer: String,
        letters: String,
    },
    OutputRefused {
        path: String,
    },
    OutputNotOurs {
        path: String,
    },
    OutputReadOnly {
        path: String,
        detail: String,
    },
    UnknownFolder {
        folder: String,
    },
    MissingAttachment {
        src: String,
    },
    NotADocument {
        src: String,
    },
    UnknownDocType {
        value: String,
        suggestion: Option<String>,
        known: Vec<String>,
    },
    AlbumWithoutPhotos,
    UnknownCaptionFile {
        file: String,
    },
    AlbumConsentMissing {
        missing: Vec<String>,
    },
    UnknownMenuParent {
        parent: String,
        suggestion: Option<String>,
        known: Vec<String>,
    },
    LargeAttachment {
        src: String,
        size: String,
        limit_mb: u64,
    },
    // ---- warnings ----
    LongInReview {
        days: i64,
    },
    PersonalData {
        what: String,
        sample: String,
    },
    InsecureLink {
        url: String,
    },
    /// A published text contains a front-matter field name or an instruction to editors.
    EditorText {
        found: String,
        field: bool,
    },
    LawNotInForce {
        law: String,
        replaced_by: String,
    },
    /// A primer explains articles of a law that a `replaced:` part of it no longer covers.
    LawArticlesReplaced {
        law: String,
        articles: String,
        replaced_by: String,
    },
    /// A law without `articles:` in laws.yaml is linked by article: the numbers cannot be checked.
    LawArticlesUnverified {
        id: String,
    },
    ReviewOutdated {
        reviewed: String,
    },
    UnsupportedImage {
        src: String,
        format: String,
    },
    LowContrast {
        color: String,
        ratio: String,
        suggestion: String,
    },
    /// A bug in lantoa hit while `serve` rebuilt (a panic, caught): the server keeps running.
    Internal {
        detail: String,
    },
    BadImage {
        src: String,
        detail: String,
    },
    // ---- lantoa new ----
    AlreadyExists {
        path: String,
    },
}

/// The shape of a YAML value, to say what was written and what a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Text,
    Number,
    Bool,
    List,
    Mapping,
    Empty,
}

impl Shape {
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Shape::Text, Lang::Vi) => "một đoạn chữ",
            (Shape::Number, Lang::Vi) => "một số",
            (Shape::Bool, Lang::Vi) => "`true` (có) hoặc `false` (không)",
            (Shape::List, Lang::Vi) => "một danh sách",
            (Shape::Mapping, Lang::Vi) => "một nhóm trường `tên: giá trị`",
            (Shape::Empty, Lang::Vi) => "giá trị trống",
            (Shape::Text, Lang::En) => "text",
            (Shape::Number, Lang::En) => "a number",
            (Shape::Bool, Lang::En) => "`true` or `false`",
            (Shape::List, Lang::En) => "a list",
            (Shape::Mapping, Lang::En) => "a mapping of `name: value` fields",
            (Shape::Empty, Lang::En) => "an empty value",
        }
    }
}

impl Lang {
    /// The code written as `<html lang>` of the pages in this language.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}

// ---- the tool's own words: summaries of the commands ----

/// The closing line of a build (`lantoa: 5 trang web, 430 trang, 508 tệp → ./public trong 786 ms`).
pub fn build_summary(
    lang: Lang,
    (sites, pages, files): (usize, usize, usize),
    out: &str,
    ms: u128,
    warnings: usize,
) -> String {
    match lang {
        Lang::Vi => {
            let w = if warnings > 0 {
                format!(", {warnings} cảnh báo")
            } else {
                String::new()
            };
            format!(
                "lantoa: {sites} trang web, {pages} trang, {files} tệp → {out} trong {ms} ms{w}"
            )
        }
        Lang::En => {
            let w = if warnings > 0 {
                format!(", {warnings} warning(s)")
            } else {
                String::new()
            };
            format!(
                "lantoa: {sites} site(s), {pages} page(s), {files} file(s) → {out} in {ms} ms{w}"
            )
        }
    }
}

/// How many photos a build processed and how many it took from the cache.
pub fn images_summary(lang: Lang, new: usize, reused: usize) -> String {
    match lang {
        Lang::Vi => format!("lantoa: ảnh: {new} mới, {reused} dùng lại từ bộ nhớ đệm"),
        Lang::En => format!("lantoa: photos: {new} processed, {reused} reused from the cache"),
    }
}

/// The next moment the published output changes by itself: `prefix` is `lantoa: ` after a
/// build (`build`), or without `lantoa:` after the calendar table.
pub fn next_change_line(lang: Lang, build: bool, at: &str, reason: &str, file: &str) -> String {
    match (lang, build) {
        (Lang::Vi, true) => format!("lantoa: lần tự thay đổi tiếp theo: {at} — {reason} ({file})"),
        (Lang::Vi, false) => {
            format!("Lần trang web tự thay đổi tiếp theo: {at} — {reason} ({file})")
        }
        (Lang::En, true) => format!("lantoa: next change by itself: {at} — {reason} ({file})"),
        (Lang::En, false) => {
            format!("Next time the sites change by themselves: {at} — {reason} ({file})")
        }
    }
}

/// Why the output changes then (the `reason` of `next-change.json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeReason {
    Scheduled,
    Expires,
    Repealed,
    /// Some parts of a text are replaced (`replaced:` … `from`).
    PartReplaced,
    /// A text comes into force (`effective`).
    InForce,
    ContestStarts,
    ContestEnds,
    /// A notice's `until`: it leaves the home page.
    NoticeEnds,
}

/// `đăng bài hẹn giờ "Tiêu đề"`, `Luật … hết hiệu lực`, …: `what` is the title (data).
pub fn change_reason(lang: Lang, reason: ChangeReason, what: &str) -> String {
    use ChangeReason::*;
    match (lang, reason) {
        (Lang::Vi, Scheduled) => format!("đăng bài hẹn giờ \"{what}\""),
        (Lang::Vi, Expires) => format!("hết hạn \"{what}\""),
        (Lang::Vi, Repealed) => format!("{what} hết hiệu lực"),
        (Lang::Vi, PartReplaced) => format!("một phần của {what} được thay thế"),
        (Lang::Vi, InForce) => format!("{what} có hiệu lực"),
        (Lang::Vi, ContestStarts) => format!("{what} bắt đầu"),
        (Lang::Vi, ContestEnds) => format!("{what} kết thúc"),
        (Lang::Vi, NoticeEnds) => format!("thông báo \"{what}\" rời trang chủ"),
        (Lang::En, Scheduled) => format!("scheduled post \"{what}\" is published"),
        (Lang::En, Expires) => format!("\"{what}\" expires"),
        (Lang::En, Repealed) => format!("{what} is no longer in force"),
        (Lang::En, PartReplaced) => format!("parts of {what} are replaced"),
        (Lang::En, InForce) => format!("{what} comes into force"),
        (Lang::En, ContestStarts) => format!("{what} starts"),
        (Lang::En, ContestEnds) => format!("{what} ends"),
        (Lang::En, NoticeEnds) => format!("notice \"{what}\" leaves the home page"),
    }
}

/// `check` found no errors.
pub fn check_ok(lang: Lang, sites: usize, warnings: usize) -> String {
    match lang {
        Lang::Vi => format!("lantoa check: không có lỗi ({sites} trang web, {warnings} cảnh báo)"),
        Lang::En => format!("lantoa check: no errors ({sites} site(s), {warnings} warning(s))"),
    }
}

/// `check --deny-warnings` fails because of warnings.
pub fn check_denied(lang: Lang, warnings: usize) -> String {
    match lang {
        Lang::Vi => format!("lantoa check: {warnings} cảnh báo (--deny-warnings)"),
        Lang::En => format!("lantoa check: {warnings} warning(s) (--deny-warnings)"),
    }
}

/// `new` wrote a page.
pub fn created(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Vi => format!("lantoa: đã tạo {path} (bản nháp: đổi `status` khi xong)"),
        Lang::En => format!("lantoa: created {path} (a draft: change `status` when done)"),
    }
}

/// `calendar --strict`: weeks that are over missed a quota.
pub fn calendar_missed(lang: Lang, weeks: usize) -> String {
    match lang {
        Lang::Vi => format!("lantoa calendar: {weeks} tuần đã qua không đạt chỉ tiêu"),
        Lang::En => format!("lantoa calendar: {weeks} past week(s) missed a quota"),
    }
}

/// The closing line of a command that failed: `build` says its output is untouched.
pub fn command_failed(lang: Lang, command: &str, errors: usize) -> String {
    match (lang, command == "build") {
        (Lang::Vi, true) => {
            format!("lantoa: {errors} lỗi, không xuất bản gì; thư mục xuất cũ được giữ nguyên")
        }
        (Lang::En, true) => format!(
            "lantoa: {errors} error(s), nothing published; the previous output is untouched"
        ),
        (Lang::Vi, false) => format!("lantoa {command}: {errors} lỗi"),
        (Lang::En, false) => format!("lantoa {command}: {errors} error(s)"),
    }
}

// ---- the tool's own words: serve ----

/// One line `serve` prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServeLine {
    /// `--bind` is not loopback.
    OpenToNetwork {
        bind: String,
    },
    Listening {
        url: String,
    },
    PortTaken {
        port: u16,
        used: u16,
    },
    NoPort {
        from: u16,
        to: u16,
    },
    CssUpdated,
    Fixed {
        ms: u128,
    },
    Rebuilt {
        ms: u128,
    },
    Ready {
        sites: usize,
        pages: usize,
        ms: u128,
    },
    Broken {
        errors: usize,
    },
    Crashed {
        target: String,
        detail: String,
    },
}

pub fn serve_line(lang: Lang, line: &ServeLine) -> String {
    use ServeLine::*;
    match (lang, line) {
        (Lang::Vi, OpenToNetwork { bind }) => format!(
            "lantoa serve: cảnh báo: máy chủ mở cho cả mạng ({bind}): mọi người trong mạng đều xem được bản nháp"
        ),
        (Lang::En, OpenToNetwork { bind }) => format!(
            "lantoa serve: warning: the server is open to the whole network ({bind}): everyone on it can see the drafts"
        ),
        (Lang::Vi, Listening { url }) => {
            format!("lantoa serve: đang phục vụ tại {url}  (Ctrl+C để dừng)")
        }
        (Lang::En, Listening { url }) => {
            format!("lantoa serve: serving at {url}  (Ctrl+C to stop)")
        }
        (Lang::Vi, PortTaken { port, used }) => {
            format!("lantoa serve: cổng {port} đang được chương trình khác dùng; dùng cổng {used}")
        }
        (Lang::En, PortTaken { port, used }) => {
            format!("lantoa serve: port {port} is taken by another program; using port {used}")
        }
        (Lang::Vi, NoPort { from, to }) => {
            format!("không mở được cổng nào từ {from} đến {to}: hãy chọn cổng khác với --port")
        }
        (Lang::En, NoPort { from, to }) => {
            format!("no free port from {from} to {to}: choose another one with --port")
        }
        (Lang::Vi, CssUpdated) => "lantoa serve: CSS đổi, đã cập nhật kiểu trang".into(),
        (Lang::En, CssUpdated) => "lantoa serve: CSS changed, the style was updated".into(),
        (Lang::Vi, Fixed { ms }) => {
            format!("lantoa serve: đã sửa xong lỗi; dựng lại trong {ms} ms")
        }
        (Lang::En, Fixed { ms }) => {
            format!("lantoa serve: the problems are fixed; rebuilt in {ms} ms")
        }
        (Lang::Vi, Rebuilt { ms }) => format!("lantoa serve: dựng lại trong {ms} ms"),
        (Lang::En, Rebuilt { ms }) => format!("lantoa serve: rebuilt in {ms} ms"),
        (Lang::Vi, Ready { sites, pages, ms }) => format!(
            "lantoa serve: {sites} trang web, {pages} trang, sẵn sàng sau {ms} ms (mỗi trang dựng khi được mở)"
        ),
        (Lang::En, Ready { sites, pages, ms }) => format!(
            "lantoa serve: {sites} site(s), {pages} page(s), ready in {ms} ms (each page is rendered when opened)"
        ),
        (Lang::Vi, Broken { errors }) => {
            format!("lantoa serve: {errors} lỗi — trang hiển thị lỗi cho tới khi được sửa")
        }
        (Lang::En, Broken { errors }) => {
            format!("lantoa serve: {errors} error(s) — the pages show them until they are fixed")
        }
        (Lang::Vi, Crashed { target, detail }) => {
            format!("lantoa serve: lỗi bên trong khi trả lời {target} ({detail}); máy chủ vẫn chạy")
        }
        (Lang::En, Crashed { target, detail }) => format!(
            "lantoa serve: internal error while answering {target} ({detail}); the server keeps running"
        ),
    }
}

/// The title of the overlay `serve` shows over pages while problems keep them from building.
pub fn overlay_title(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => {
            "lantoa: trang chưa dựng được — sửa lỗi dưới đây rồi lưu lại, trang sẽ tự tải lại"
        }
        Lang::En => {
            "lantoa: the page could not be built — fix the problems below and save, the page reloads by itself"
        }
    }
}

/// The page `serve` answers for a path no site has.
pub fn not_found_page(lang: Lang) -> String {
    let (title, home) = match lang {
        Lang::Vi => ("Không tìm thấy trang", "Về trang chủ của mạng"),
        Lang::En => ("Page not found", "Back to the network's home page"),
    };
    format!(
        "<!doctype html><html lang=\"{}\"><meta charset=\"utf-8\"><title>404</title><body><h1>{title}</h1><p><a href=\"/\">{home}</a></p></body></html>",
        lang.code()
    )
}

// ---- the tool's own words: the calendar (table, CSV) and the editorial pages ----

/// `ngày`, `tuần`, … of a quota period (`day`, `week`, `month`, `year`).
pub fn period_word(lang: Lang, per: &str) -> &'static str {
    match (lang, per) {
        (Lang::Vi, "day") => "ngày",
        (Lang::Vi, "week") => "tuần",
        (Lang::Vi, "month") => "tháng",
        (Lang::Vi, _) => "năm",
        (Lang::En, "day") => "day",
        (Lang::En, "week") => "week",
        (Lang::En, "month") => "month",
        (Lang::En, _) => "year",
    }
}

/// A quota rule: `≥ 1 bài/tuần (stories, #kỹ năng số)`; `filters` are data (kinds, tags).
pub fn rule_label(lang: Lang, min: u32, per: &str, filters: &[String]) -> String {
    let per = period_word(lang, per);
    let mut label = match lang {
        Lang::Vi => format!("≥ {min} bài/{per}"),
        Lang::En => format!("≥ {min} post(s)/{per}"),
    };
    if !filters.is_empty() {
        label.push_str(&format!(" ({})", filters.join(", ")));
    }
    label
}

/// A verdict (`met`, `missed`, `reachable`, `upcoming`) as a word.
pub fn verdict_word(lang: Lang, verdict: &str) -> &'static str {
    match (lang, verdict) {
        (Lang::Vi, "met") => "đạt",
        (Lang::Vi, "missed") => "không đạt",
        (Lang::Vi, "reachable") => "còn thời gian",
        (Lang::Vi, _) => "chưa tới",
        (Lang::En, "met") => "met",
        (Lang::En, "missed") => "missed",
        (Lang::En, "reachable") => "reachable",
        (Lang::En, _) => "upcoming",
    }
}

/// A unit has no quota.
pub fn no_rules(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "không có chỉ tiêu",
        Lang::En => "no quota",
    }
}

/// The header of `calendar --format table`'s columns: week, from, published, scheduled,
/// in review, drafts; and the heading of the n-th quota's column.
pub fn table_columns(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::Vi => ["Tuần", "Từ ngày", "Đăng", "Hẹn", "Duyệt", "Nháp"],
        Lang::En => ["Week", "From", "Publ", "Sched", "Revw", "Draft"],
    }
}

pub fn table_rule_column(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Vi => format!("Chỉ tiêu {n}"),
        Lang::En => format!("Quota {n}"),
    }
}

/// One cell of a quota in the table: `count` (with `/7 ngày` for a daily rule), and the
/// verdict with the gap, or the scheduled posts of a week to come.
pub fn table_cell(
    lang: Lang,
    verdict: &str,
    (count, gap, scheduled, min): (u32, u32, u32, u32),
    daily: bool,
) -> String {
    let unit = match (daily, lang) {
        (false, _) => "",
        (true, Lang::Vi) => "/7 ngày",
        (true, Lang::En) => "/7 days",
    };
    match (lang, verdict) {
        (Lang::Vi, "met") => format!("{count}{unit} ✓ Đạt"),
        (Lang::Vi, "missed") => format!("{count}{unit} ✗ thiếu {gap}"),
        (Lang::Vi, "reachable") => format!("{count}{unit} … còn thiếu {gap}"),
        (Lang::Vi, _) => format!("hẹn {scheduled}/{min}"),
        (Lang::En, "met") => format!("{count}{unit} ✓ met"),
        (Lang::En, "missed") => format!("{count}{unit} ✗ {gap} short"),
        (Lang::En, "reachable") => format!("{count}{unit} … {gap} to go"),
        (Lang::En, _) => format!("planned {scheduled}/{min}"),
    }
}

/// The line under a unit's table when finished weeks missed a quota.
pub fn table_missed(lang: Lang, weeks: usize) -> String {
    match lang {
        Lang::Vi => format!("⚠ {weeks} tuần không đạt chỉ tiêu"),
        Lang::En => format!("⚠ {weeks} week(s) missed a quota"),
    }
}

/// The header row of the calendar's CSV (`calendar --format csv`, `_editorial/report.csv`).
pub fn csv_header(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => {
            "ma_don_vi,ten_don_vi,loai_don_vi,tuan,tu_ngay,den_ngay,tin_bai,nguoi_tot_viec_tot,tim_hieu_phap_luat,da_dang,hen_gio,cho_duyet,nhap,chi_tieu,ket_qua,con_thieu"
        }
        Lang::En => {
            "unit_id,unit_name,unit_kind,week,from,to,articles,stories,primers,published,scheduled,review,draft,quota,verdict,gap"
        }
    }
}

/// Every word of the editorial pages (`_editorial/`), in the templates as `m.<key>`; the
/// states of posts are `m.state_<state>` and the verdicts `m.verdict_<verdict>`.
pub fn editorial_words(lang: Lang) -> std::collections::BTreeMap<&'static str, &'static str> {
    let words: &[(&str, &str, &str)] = &[
        ("title", "Lịch biên tập", "Editorial calendar"),
        ("today", "Hôm nay", "Today"),
        ("period", "Giai đoạn", "Period"),
        (
            "next_change",
            "Lần trang web tự thay đổi tiếp theo",
            "Next time the sites change by themselves",
        ),
        ("unit", "Đơn vị", "Unit"),
        ("rules", "Chỉ tiêu", "Quotas"),
        ("no_rules", "không có chỉ tiêu", "no quota"),
        ("missed_weeks", "Số tuần không đạt", "Weeks missed"),
        (
            "units_below",
            "Các đơn vị trực thuộc theo tuần (số bài đã đăng)",
            "Units below, by week (posts published)",
        ),
        ("weeks", "Theo tuần", "By week"),
        ("week", "Tuần", "Week"),
        ("week_short", "T", "W"),
        ("published", "Đã đăng", "Published"),
        ("scheduled", "Hẹn giờ", "Scheduled"),
        ("review", "Chờ duyệt", "In review"),
        ("draft", "Nháp", "Drafts"),
        ("days", "ngày", "days"),
        ("posts", "Bài trong tuần", "Posts of the week"),
        ("state_published", "đã đăng", "published"),
        ("state_scheduled", "hẹn giờ", "scheduled"),
        ("state_review", "chờ duyệt", "in review"),
        ("state_draft", "nháp", "draft"),
        ("verdict_met", "đạt", "met"),
        ("verdict_missed", "không đạt", "missed"),
        ("verdict_reachable", "còn thời gian", "still reachable"),
        ("verdict_upcoming", "chưa tới", "upcoming"),
    ];
    words
        .iter()
        .map(|(k, vi, en)| (*k, if lang == Lang::Vi { *vi } else { *en }))
        .collect()
}

/// A day as the editorial pages write it: "Thứ Năm, 12/03/2026", "Thursday, 12/03/2026".
pub fn long_date(lang: Lang, z: &jiff::Zoned) -> String {
    match lang {
        Lang::Vi => crate::dates::vi_long(z),
        Lang::En => z.strftime("%A, %d/%m/%Y").to_string(),
    }
}

/// Where a problem of the command line is: "trong lệnh: --site thcs-hai-yenn".
pub fn in_command(lang: Lang, flag: &str) -> String {
    match lang {
        Lang::Vi => format!("trong lệnh: {flag}"),
        Lang::En => format!("in the command: {flag}"),
    }
}

/// Printed once on stderr when another build holds the lock of the output folder `path`: this
/// build waits for it instead of interleaving with it.
pub fn waiting_for_output(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "lantoa: một lần build khác đang ghi vào `{path}`; đang chờ lần đó xong rồi mới ghi"
        ),
        Lang::En => {
            format!("lantoa: another build is writing into `{path}`; waiting for it to finish")
        }
    }
}

/// The state of a link's target that is not public, for `LinkToUnpublished`.
#[derive(Debug, Clone, PartialEq)]
pub enum TargetState {
    Published,
    Draft,
    Review,
    /// With its date, `dd/mm/yyyy hh:mm`.
    Scheduled(String),
    Expired,
    /// Published on no site this page could link to.
    Elsewhere,
}

impl TargetState {
    fn vi(&self) -> String {
        match self {
            TargetState::Published => "đã đăng".into(),
            TargetState::Draft => "bài đích đang là bản nháp".into(),
            TargetState::Review => "bài đích đang chờ duyệt".into(),
            TargetState::Scheduled(at) => format!("bài đích hẹn đăng ngày {at}"),
            TargetState::Expired => "bài đích đã hết hạn".into(),
            TargetState::Elsewhere => "bài đích không được đăng ở trang web nào".into(),
        }
    }
    fn en(&self) -> String {
        match self {
            TargetState::Published => "published".into(),
            TargetState::Draft => "the target is a draft".into(),
            TargetState::Review => "the target is waiting for approval".into(),
            TargetState::Scheduled(at) => format!("the target is scheduled for {at}"),
            TargetState::Expired => "the target has expired".into(),
            TargetState::Elsewhere => "the target is published on no site".into(),
        }
    }
}

/// One line of the build summary for a unit kept at its previous output.
pub fn site_kept(lang: Lang, id: &str, errors: usize) -> String {
    match lang {
        Lang::Vi => format!(
            "lantoa:   {id}: giữ bản cũ, {errors} lỗi (trang web của đơn vị này chưa được cập nhật)"
        ),
        Lang::En => {
            format!("lantoa:   {id}: kept, {errors} problem(s) (this unit's site was not updated)")
        }
    }
}

/// The closing line of a build that updated some sites and kept others.
pub fn build_partial(lang: Lang, updated: usize, kept: usize) -> String {
    match lang {
        Lang::Vi => format!(
            "lantoa: đã cập nhật {updated} trang web; giữ nguyên {kept} trang web có lỗi (mã thoát 3)"
        ),
        Lang::En => format!(
            "lantoa: {updated} site(s) updated; {kept} site(s) with problems kept as they were (exit code 3)"
        ),
    }
}

/// `serve`: problems keep some sites from being rebuilt (their pages show them).
pub fn serve_sites_with_problems(lang: Lang, errors: usize, sites: &[String]) -> String {
    let list = sites.join(", ");
    match lang {
        Lang::Vi => format!(
            "lantoa serve: {errors} lỗi; các trang web có lỗi (hiển thị bản tốt gần nhất kèm lỗi): {list}"
        ),
        Lang::En => format!(
            "lantoa serve: {errors} problem(s); sites with problems (shown at their last good version, with the problems): {list}"
        ),
    }
}

/// The heading of a group of problems in `check`'s text output: the sites they affect.
pub fn problems_of_sites(lang: Lang, sites: &[String], count: usize) -> String {
    let all = if sites.len() > 8 {
        format!("{} … (+{})", sites[..8].join(", "), sites.len() - 8)
    } else {
        sites.join(", ")
    };
    match (lang, sites.is_empty()) {
        (Lang::Vi, true) => format!("── toàn mạng lưới: {count} vấn đề ──"),
        (Lang::En, true) => format!("── the whole network: {count} problem(s) ──"),
        (Lang::Vi, false) => format!("── {all}: {count} vấn đề ──"),
        (Lang::En, false) => format!("── {all}: {count} problem(s) ──"),
    }
}

/// The closing line of `check` when there are errors (it never writes anything).
pub fn check_failed(lang: Lang, errors: usize, sites: usize) -> String {
    match lang {
        Lang::Vi => format!("lantoa check: {errors} lỗi, ở {sites} trang web"),
        Lang::En => format!("lantoa check: {errors} error(s), in {sites} site(s)"),
    }
}

impl Problem {
    /// A short stable identifier, the same in every language.
    pub fn code(&self) -> &'static str {
        use Problem::*;
        match self {
            Io { .. } => "io",
            NotUtf8 { .. } => "encoding",
            NoFrontMatter => "front-matter-missing",
            UnclosedFrontMatter => "front-matter-unclosed",
            TomlFrontMatter { .. } => "toml-front-matter",
            Yaml { .. } => "yaml",
            UnknownField { .. } => "unknown-field",
            MissingField { .. } => "missing-field",
            WrongType { .. } => "wrong-type",
            BadChoice { .. } => "bad-value",
            BadValue { .. } => "bad-value",
            BadDate { .. } => "bad-date",
            MissingDate => "missing-date",
            UnknownParent { .. } => "unknown-parent",
            ParentCycle { .. } => "parent-cycle",
            MissingParentField => "missing-parent",
            SecondRoot { .. } => "second-root",
            NoSites => "no-sites",
            UnknownSite { .. } => "unknown-site",
            DuplicateSlug { .. } => "duplicate-slug",
            MissingPage { .. } => "missing-page",
            MissingAnchor { .. } => "missing-anchor",
            UnknownLaw { .. } => "unknown-law",
            UnknownLawArticle { .. } => "unknown-law-article",
            UnknownReplacement { .. } => "unknown-replacement",
            MissingCoverAlt => "missing-cover-alt",
            MissingImageAlt { .. } => "missing-alt",
            MissingImage { .. } => "missing-image",
            ApprovedWithoutApprover => "approved-without-approver",
            MissingSources => "missing-sources",
            ConsentMissing { .. } => "consent",
            BadEmbed { .. } => "bad-embed",
            UnsafeUrl { .. } => "unsafe-url",
            BadBaseUrl { .. } => "bad-base-url",
            PathOutside { .. } => "path-outside",
            SymlinkOutside { .. } => "symlink-outside",
            FileRefused { .. } => "file-type",
            SvgRefused { .. } => "svg-refused",
            NotAnImage { .. } => "not-an-image",
            ImageTooLarge { .. } => "image-too-large",
            TooDeep { .. } => "too-deep",
            HeadingAttribute { .. } => "heading-attribute",
            EmptySlug { .. } => "empty-slug",
            ReservedSlug { .. } => "reserved-slug",
            BadSiteId { .. } => "bad-site-id",
            LinkToUnpublished { .. } => "link-to-unpublished",
            Template { .. } => "template",
            MissingString { .. } => "missing-string",
            BadQuestion { .. } => "bad-question",
            BadAnswer { .. } => "bad-answer",
            OutputRefused { .. } => "output-refused",
            OutputNotOurs { .. } => "output-not-ours",
            OutputReadOnly { .. } => "output-read-only",
            UnknownFolder { .. } => "unknown-folder",
            MissingAttachment { .. } => "missing-attachment",
            NotADocument { .. } => "not-a-document",
            UnknownDocType { .. } => "unknown-doc-type",
            AlbumWithoutPhotos => "album-without-photos",
            UnknownCaptionFile { .. } => "unknown-caption-file",
            AlbumConsentMissing { .. } => "consent",
            UnknownMenuParent { .. } => "unknown-menu-parent",
            LargeAttachment { .. } => "large-attachment",
            LongInReview { .. } => "long-in-review",
            PersonalData { .. } => "personal-data",
            InsecureLink { .. } => "insecure-link",
            EditorText { .. } => "editor-text",
            LawNotInForce { .. } => "law-not-in-force",
            LawArticlesReplaced { .. } => "law-articles-replaced",
            LawArticlesUnverified { .. } => "law-articles-unverified",
            ReviewOutdated { .. } => "review-outdated",
            AlreadyExists { .. } => "already-exists",
            UnsupportedImage { .. } => "unsupported-image",
            LowContrast { .. } => "low-contrast",
            BadImage { .. } => "bad-image",
            Internal { .. } => "internal",
        }
    }

    /// The message and the help line in the chosen language.
    pub fn text(&self, lang: Lang) -> (String, String) {
        match lang {
            Lang::Vi => self.vi(),
            Lang::En => self.en(),
        }
    }

    fn vi(&self) -> (String, String) {
        use Problem::*;
        let (m, h): (String, String) = match self {
            Io { detail } => (
                format!("không đọc hoặc ghi được tệp: {detail}"),
                "kiểm tra tệp có tồn tại và không bị chương trình khác khoá".into(),
            ),
            NotUtf8 { byte } => (
                format!("tệp không phải văn bản UTF-8 (byte thứ {byte})"),
                "mở tệp bằng trình soạn thảo (VS Code, Notepad) và lưu lại với mã hoá UTF-8".into(),
            ),
            NoFrontMatter => (
                "tệp thiếu phần thông tin đầu bài (front matter)".into(),
                "dòng đầu tiên của tệp phải là `---`, tiếp theo là `title: ...`, rồi một dòng `---`"
                    .into(),
            ),
            UnclosedFrontMatter => (
                "phần thông tin đầu bài không có dòng `---` kết thúc".into(),
                "thêm một dòng chỉ có `---` sau các trường thông tin, trước nội dung bài".into(),
            ),
            TomlFrontMatter { converted } => (
                "phần thông tin đầu bài viết theo kiểu TOML (`+++`, như Hugo, Zola); lantoa đọc YAML".into(),
                format!(
                    "thay hai dòng `+++` bằng `---` và viết `tên: giá trị` thay cho `tên = giá trị`:\n---\n{}\n---",
                    converted.join("\n")
                ),
            ),
            Yaml {
                detail,
                colon_in_value,
            } => (
                format!("thông tin đầu bài viết sai cú pháp YAML: {detail}"),
                if *colon_in_value {
                    "giá trị có dấu hai chấm `:` phải đặt trong ngoặc kép, ví dụ: title: \"Thông báo: Cuộc thi\"".into()
                } else {
                    "mỗi dòng có dạng `tên: giá trị`, thụt lề bằng dấu cách (không dùng Tab); đặt giá trị có ký tự đặc biệt trong ngoặc kép".into()
                },
            ),
            UnknownField {
                field,
                suggestion,
                expected,
            } => (
                format!("trường `{field}` không hợp lệ"),
                match suggestion {
                    Some(s) => format!("ý bạn là `{s}`?"),
                    None => format!("các trường được dùng: {}", expected.join(", ")),
                },
            ),
            MissingField { field } => (
                format!("thiếu trường bắt buộc `{field}`"),
                format!("thêm một dòng `{field}: ...` vào phần thông tin đầu bài"),
            ),
            WrongType {
                field,
                found,
                expected,
                example,
            } => (
                if field.is_empty() {
                    format!("ở đây cần {} nhưng đã viết {}", expected.name(Lang::Vi), found.name(Lang::Vi))
                } else {
                    format!("trường `{field}` cần {} nhưng đã viết {}", expected.name(Lang::Vi), found.name(Lang::Vi))
                },
                format!("viết dạng: {example}  (xem docs/content.md)"),
            ),
            BadChoice {
                field,
                value,
                allowed,
                suggestion,
            } => (
                format!("giá trị `{value}` không hợp lệ cho trường `{field}`"),
                match suggestion {
                    Some(s) => format!("ý bạn là `{s}`? (dùng một trong: {})", allowed.join(", ")),
                    None => format!("dùng một trong: {}", allowed.join(", ")),
                },
            ),
            BadValue {
                field,
                value,
                expected,
            } => (
                format!("giá trị `{value}` không hợp lệ cho trường `{field}`"),
                format!("dùng một trong: {expected}"),
            ),
            BadDate { value } => (
                format!("ngày `{value}` không đúng định dạng"),
                "viết ngày dạng NĂM-THÁNG-NGÀY với đủ hai chữ số: 2026-03-10, hoặc có giờ: 2026-03-10 07:30".into(),
            ),
            MissingDate => (
                "bài viết thiếu ngày đăng".into(),
                "thêm `date: 2026-03-10` hoặc đặt tên tệp bắt đầu bằng ngày: 2026-03-10-ten-bai.md"
                    .into(),
            ),
            UnknownParent { parent } => (
                format!("đơn vị cấp trên `{parent}` không tồn tại"),
                "`parent` phải là tên một thư mục trong content/sites/".into(),
            ),
            ParentCycle { chain } => (
                format!("các đơn vị là cấp trên của nhau thành vòng: {chain}"),
                "sửa `parent` để cây đơn vị có một gốc (Sở) và không vòng lặp".into(),
            ),
            MissingParentField => (
                "đơn vị thiếu `parent` (đơn vị cấp trên)".into(),
                "chỉ đơn vị gốc (Sở) được bỏ trống `parent`; thêm `parent: <mã đơn vị>`".into(),
            ),
            SecondRoot { other } => (
                format!("mạng có hai đơn vị gốc (không có `parent`): đơn vị này và `{other}`"),
                "thêm `parent` cho một trong hai đơn vị".into(),
            ),
            NoSites => (
                "không tìm thấy đơn vị nào trong content/sites/".into(),
                "tạo thư mục content/sites/<mã-đơn-vị>/ với tệp site.yaml".into(),
            ),
            UnknownSite { id, suggestion } => (
                format!("không có đơn vị `{id}`"),
                match suggestion {
                    Some(s) => format!("ý bạn là `{s}`?"),
                    None => "dùng tên một thư mục trong content/sites/".into(),
                },
            ),
            DuplicateSlug { url, other } => (
                format!("hai trang cùng địa chỉ `{url}` trên một trang web (trùng với {other})"),
                "đổi tên tệp hoặc thêm `slug: ten-khac` vào một trong hai trang".into(),
            ),
            MissingPage { target } => (
                format!("liên kết tới trang không tồn tại: `{target}`"),
                "kiểm tra đường dẫn, ví dụ @/common/pages/ban-cam-ket.md (tính từ thư mục content/)"
                    .into(),
            ),
            MissingAnchor { target, anchor } => (
                format!("trang `{target}` không có mục `#{anchor}`"),
                "liên kết tới một tiêu đề có thật trong trang đó (tên mục viết không dấu, nối bằng -)"
                    .into(),
            ),
            UnknownLaw { id, suggestion, known } => (
                format!("văn bản luật `{id}` không có trong content/laws.yaml"),
                match suggestion {
                    Some(s) => format!("ý bạn là `{s}`?"),
                    None if !known.is_empty() => format!("dùng một `id` có trong content/laws.yaml: {}", known.join(", ")),
                    None => "thêm văn bản đó vào content/laws.yaml (id, title, url)".into(),
                },
            ),
            UnknownLawArticle { id, article, nearest } => (
                format!("văn bản `{id}` không có Điều {article} trong content/laws.yaml"),
                if nearest.is_empty() {
                    "kiểm tra số điều, hoặc thêm điều đó vào mục `articles` của văn bản".into()
                } else {
                    format!("ý bạn là Điều {}? (hoặc thêm điều đó vào mục `articles` của văn bản, hay khai báo `articles: [{article}]` trong bài tìm hiểu pháp luật giải thích nó)", nearest.join(" hay Điều "))
                },
            ),
            UnknownReplacement { id } => (
                format!("`replaced_by: {id}` không có trong content/laws.yaml"),
                "thêm văn bản thay thế vào laws.yaml hoặc sửa `replaced_by`".into(),
            ),
            MissingCoverAlt => (
                "ảnh bìa thiếu mô tả `cover_alt`".into(),
                "thêm `cover_alt: \"mô tả ngắn nội dung ảnh\"` cho người khiếm thị".into(),
            ),
            MissingImageAlt { src } => (
                format!("ảnh `{src}` thiếu mô tả (alt)"),
                "viết ảnh dạng ![mô tả nội dung ảnh](ten-anh.jpg)".into(),
            ),
            MissingImage { src } => (
                format!("không tìm thấy ảnh `{src}`"),
                "đặt ảnh cạnh tệp index.md của bài (thư mục bài), hoặc trong content/media/".into(),
            ),
            ApprovedWithoutApprover => (
                "bài đã duyệt (`status: approved`) nhưng thiếu người duyệt".into(),
                "thêm `approved_by: \"Họ tên (chức vụ)\"` của người duyệt".into(),
            ),
            MissingSources => (
                "bài thiếu nguồn tin `sources`".into(),
                "bài đăng lại và bài pháp luật phải ghi rõ nguồn: sources: [{title: \"...\", url: \"https://...\"}]".into(),
            ),
            ConsentMissing { missing } => (
                format!(
                    "câu chuyện nêu tên hoặc ảnh học sinh nhưng thiếu sự đồng ý: {}",
                    missing.join(", ")
                ),
                "theo Luật Trẻ em 2016 (Điều 6, 21) và Luật Bảo vệ dữ liệu cá nhân 2025 (Điều 24), cần sự đồng ý của cha mẹ và của em (từ 7 tuổi); hoặc bỏ `person.name` để đăng ẩn danh".into(),
            ),
            BadEmbed { src } => (
                format!("khung nhúng `{src}` không được phép"),
                "chỉ nhúng được video YouTube (https://www.youtube.com/embed/...) hoặc Facebook (https://www.facebook.com/plugins/video.php?...)".into(),
            ),
            UnsafeUrl { url } => (
                format!("địa chỉ liên kết `{url}` không được phép"),
                "chỉ dùng địa chỉ https://, http://, mailto:, tel: hoặc đường dẫn trong trang (không dùng javascript:, data:, vbscript:, file:)".into(),
            ),
            BadBaseUrl { url } => (
                format!("`base_url: {url}` không phải địa chỉ web"),
                "viết địa chỉ đầy đủ của trang, ví dụ base_url: \"https://thcshaiyen.edu.vn/\"".into(),
            ),
            PathOutside { src } => (
                format!("đường dẫn `{src}` trỏ ra ngoài thư mục của bài"),
                "đặt tệp cạnh tệp bài viết (không dùng `..` hay đường dẫn tuyệt đối), hoặc đặt trong content/media/ rồi viết /media/ten-tep".into(),
            ),
            SymlinkOutside { link, target } => (
                if target.is_empty() {
                    format!("liên kết tượng trưng `{link}` trỏ tới tệp không tồn tại")
                } else {
                    format!("liên kết tượng trưng `{link}` trỏ ra ngoài thư mục của nó (tới `{target}`)")
                },
                "thay liên kết bằng bản sao thật của tệp, đặt trong content/ (hoặc themes/ với tệp giao diện)".into(),
            ),
            FileRefused { src, ext } => (
                if ext.is_empty() {
                    format!("tệp `{src}` không có phần mở rộng nên không được đăng")
                } else {
                    format!("không được đăng tệp `{src}` (loại .{ext})")
                },
                "chỉ đăng được ảnh (JPG, PNG, WebP, GIF) và tài liệu (PDF, DOC/DOCX, XLS/XLSX, PPT/PPTX, ODT/ODS/ODP, ZIP, MP3, MP4, TXT)".into(),
            ),
            SvgRefused { src } => (
                format!("ảnh SVG `{src}` không được đăng (SVG có thể chứa mã chạy được)"),
                "mở ảnh bằng Inkscape hoặc trình duyệt rồi xuất (Export) sang PNG, hoặc dùng `rsvg-convert -o anh.png anh.svg`".into(),
            ),
            NotAnImage { src } => (
                format!("`{src}` không phải là ảnh"),
                "ảnh phải là tệp JPG, PNG, WebP hoặc GIF; để đăng tài liệu, dùng liên kết [tên tài liệu](tep.pdf)".into(),
            ),
            ImageTooLarge { src, width, height } => (
                format!("ảnh quá lớn: `{src}` có {width} × {height} px"),
                format!("thu nhỏ ảnh xuống dưới {} px mỗi chiều (và dưới {} megapixel) trước khi đăng; ảnh điện thoại thường chỉ cần 2000 px", crate::safe::MAX_IMAGE_SIDE, crate::safe::MAX_IMAGE_PIXELS / 1_000_000),
            ),
            TooDeep { limit } => (
                format!("nội dung lồng nhau quá sâu (quá {limit} cấp danh sách, trích dẫn hoặc định dạng)"),
                "viết danh sách và trích dẫn ít cấp hơn".into(),
            ),
            HeadingAttribute { attr } => (
                format!("tiêu đề có thuộc tính `{attr}` không được phép"),
                "tiêu đề chỉ được có mã neo và lớp: ## Tiêu đề {#ma-neo .ten-lop}".into(),
            ),
            EmptySlug { value } => (
                format!("`slug: {value}` không cho địa chỉ trang nào"),
                "dùng chữ và số, ví dụ slug: \"guong-sang-lop-8a\"; hoặc bỏ `slug` để dùng tên tệp".into(),
            ),
            ReservedSlug { slug } => (
                format!("địa chỉ `{slug}/` đã dành cho một mục của trang web"),
                "đặt `slug` khác cho trang này".into(),
            ),
            LinkToUnpublished { target, state } => (
                format!("liên kết tới `{target}` nhưng {}", state.vi()),
                "duyệt và đăng bài đích trước (status: approved, approved_by), hoặc bỏ liên kết cho tới khi bài được đăng".into(),
            ),
            BadSiteId { id, suggestion } => (
                format!("tên thư mục đơn vị `{id}` không dùng được làm địa chỉ"),
                format!("đổi tên thư mục content/sites/{id} thành chữ thường không dấu, số và dấu gạch ngang, ví dụ `{suggestion}`"),
            ),
            Template { detail } => (
                format!("lỗi mẫu giao diện: {detail}"),
                "sửa tệp mẫu (template) được nêu; nếu không chắc, xoá tệp ghi đè trong theme/ của đơn vị".into(),
            ),
            MissingString { key, i18n, template, line } => (
                if template.is_empty() {
                    format!("`{i18n}` thiếu chuỗi `{key}` (lantoa cần chuỗi này cho các trang)")
                } else {
                    format!("`{i18n}` thiếu chuỗi `{key}`, được dùng trong {template} (dòng {line})")
                },
                format!("thêm một dòng `{key}: \"…\"` vào {i18n}"),
            ),
            BadAnswer { index, answer, letters } => (
                format!("câu hỏi số {index}: `answer: {answer}` không trỏ tới lựa chọn nào"),
                format!("ghi chữ cái của đáp án đúng ({letters}), số thứ tự (đếm từ 1) hoặc chép đúng nguyên văn một lựa chọn"),
            ),
            BadQuestion { index, detail } => (
                format!("câu hỏi số {index}: {detail}"),
                "mỗi câu hỏi có `q`, `choices` (2–6 lựa chọn), `answer` (chữ cái A, B, C…, số thứ tự đếm từ 1, hoặc nguyên văn đáp án đúng) và `explain`".into(),
            ),
            OutputRefused { path } => (
                format!("không thể dùng `{path}` làm thư mục xuất"),
                "chọn một thư mục riêng cho trang web, ví dụ --out public".into(),
            ),
            OutputNotOurs { path } => (
                format!("thư mục `{path}` đã có tệp không do lantoa tạo"),
                "chọn thư mục khác (--out) hoặc tự chuyển các tệp đó đi; lantoa không xoá tệp không phải của nó".into(),
            ),
            OutputReadOnly { path, detail } => (
                format!("không ghi được vào thư mục xuất `{path}` ({detail}); bản cũ được giữ nguyên"),
                format!("cho phép ghi vào thư mục: chmod u+w {path} (hoặc chọn thư mục khác bằng --out), rồi chạy lại"),
            ),
            MissingAttachment { src } => (
                format!("không tìm thấy tệp đính kèm `{src}`"),
                "đặt tệp cạnh tệp index.md của bài (thư mục bài), hoặc trong content/media/ và viết `/media/ten-tep.pdf`; kiểm tra chính tả tên tệp".into(),
            ),
            NotADocument { src } => (
                format!("`file: {src}` không phải là tài liệu"),
                "văn bản đính kèm một tệp PDF, DOC/DOCX, XLS/XLSX, PPT/PPTX, ODT/ODS/ODP hoặc ZIP".into(),
            ),
            UnknownDocType { value, suggestion, known } => (
                format!("loại văn bản `doc_type: {value}` không có trong `document_types` của content/network.yaml"),
                match suggestion {
                    Some(s) => format!("ý bạn là `{s}`?"),
                    None => format!("dùng một `id` trong `document_types`: {}", known.join(", ")),
                },
            ),
            AlbumWithoutPhotos => (
                "album không có ảnh nào".into(),
                "đặt ảnh (JPG, PNG, WebP) cạnh tệp index.md của album".into(),
            ),
            UnknownCaptionFile { file } => (
                format!("chú thích cho ảnh `{file}` nhưng album không có ảnh đó"),
                "sửa `file:` trong `captions` cho đúng tên ảnh đặt cạnh index.md".into(),
            ),
            AlbumConsentMissing { missing } => (
                format!(
                    "album có ảnh học sinh (`students: true`) nhưng thiếu sự đồng ý: {}",
                    missing.join(", ")
                ),
                "theo Luật Trẻ em 2016 (Điều 6, 21) và Luật Bảo vệ dữ liệu cá nhân 2025 (Điều 24), cần sự đồng ý của cha mẹ (`consent.parent`, `consent.photos: true`) và của các em từ 7 tuổi (`consent.student: true`); nếu ảnh không có học sinh, ghi `students: false`".into(),
            ),
            UnknownMenuParent { parent, suggestion, known } => (
                format!("mục menu cha `parent: {parent}` không có"),
                match suggestion {
                    Some(s) => format!("ý bạn là `{s}`?"),
                    None => format!("dùng một mục có sẵn: {}", known.join(", ")),
                },
            ),
            LargeAttachment { src, size, limit_mb } => (
                format!("tệp đính kèm `{src}` nặng {size}, quá {limit_mb} MB"),
                "nén tệp (PDF: in lại với chất lượng “Web”/giảm độ phân giải ảnh) hoặc tách nhỏ; hosting của trường thường rất hạn chế (giới hạn đặt ở `max_attachment_mb` trong network.yaml)".into(),
            ),
            UnknownFolder { folder } => (
                format!("thư mục `{folder}` không thuộc loại nội dung nào"),
                "đặt bài vào articles/, stories/, primers/, pages/, documents/, notices/, albums/ hoặc contests/".into(),
            ),
            LongInReview { days } => (
                format!("bài đã chờ duyệt {days} ngày"),
                "nhờ người duyệt xem bài (đặt `status: approved` và `approved_by`), hoặc trả về nháp (`status: draft`)".into(),
            ),
            PersonalData { what, sample } => (
                format!("bài có thể chứa thông tin cá nhân ({what}: {sample})"),
                "không đăng số điện thoại, email, số căn cước của học sinh hay phụ huynh; chỉ dùng liên hệ của đơn vị trong site.yaml".into(),
            ),
            EditorText { found, field } => (
                if *field { format!("trang công khai có tên trường dữ liệu `{found}`") } else { format!("trang công khai có lời dặn biên tập viên \"{found}\"") },
                "viết lại cho người đọc: bỏ tên trường dữ liệu, lời dặn nội bộ (danh sách ở `editor_words` của network.yaml)".into(),
            ),
            InsecureLink { url } => (
                format!("liên kết không mã hoá `{url}`"),
                "dùng https:// nếu trang đó có; nếu không, cân nhắc bỏ liên kết".into(),
            ),
            LawArticlesUnverified { id } => (
                format!("văn bản `{id}` chưa liệt kê `articles`: không kiểm tra được số điều trong các liên kết tới nó"),
                "thêm `articles:` (số điều: tên điều) cho văn bản này trong content/laws.yaml, hoặc khai báo số điều trong bài tìm hiểu pháp luật giải thích nó: articles: [8, 16]".into(),
            ),
            LawNotInForce { law, replaced_by } => (
                format!("bài giải thích {law}, văn bản này đã hết hiệu lực"),
                if replaced_by.is_empty() { "cập nhật bài theo văn bản đang có hiệu lực".into() } else { format!("cập nhật bài theo {replaced_by} và đổi `law:`") },
            ),
            LawArticlesReplaced { law, articles, replaced_by } => (
                format!("bài giải thích Điều {articles} của {law}, các điều này đã được thay thế bởi {replaced_by}"),
                format!("cập nhật bài theo {replaced_by} và đổi `law:`, `articles:`"),
            ),
            ReviewOutdated { reviewed } => (
                if reviewed.is_empty() { "bài pháp luật chưa ghi ngày rà soát `reviewed`".into() } else { format!("bài pháp luật rà soát lần cuối ngày {reviewed}, đã hơn một năm") },
                "nhờ giáo viên đối chiếu lại với văn bản hiện hành mỗi năm học rồi cập nhật `reviewed: YYYY-MM-DD`".into(),
            ),
            AlreadyExists { path } => (
                format!("tệp `{path}` đã có"),
                "lantoa không ghi đè bài đã viết: mở tệp đó để sửa, hoặc chọn tiêu đề khác".into(),
            ),
            UnsupportedImage { src, format } => (
                format!("ảnh `{src}` ở định dạng {format}, trình duyệt và lantoa không đọc được"),
                "chuyển ảnh sang JPEG: trên iPhone vào Cài đặt → Camera → Định dạng → \"Tương thích nhất\"; với ảnh đã chụp, mở ảnh và chọn Chia sẻ → Lưu dưới dạng JPEG, hoặc xuất ảnh JPEG từ máy tính".into(),
            ),
            BadImage { src, detail } => (
                format!("không đọc được ảnh `{src}`: {detail}"),
                "mở ảnh bằng phần mềm xem ảnh rồi lưu lại dưới dạng JPEG hoặc PNG".into(),
            ),
            LowContrast { color, ratio, suggestion } => (
                format!("màu chính {color} quá nhạt: độ tương phản với nền trắng chỉ {ratio}:1, cần ít nhất 4.5:1 (WCAG 2.1 AA)"),
                format!("dùng màu đậm hơn, ví dụ primary: \"{suggestion}\", để chữ dễ đọc với mọi người"),
            ),
            Internal { detail } => (
                format!("lỗi bên trong lantoa khi dựng lại: {detail}"),
                "máy chủ vẫn chạy: sửa hoặc hoàn tác tệp vừa lưu rồi lưu lại; nếu lỗi còn, báo lỗi kèm tệp đó".into(),
            ),
        };
        (m, h)
    }

    fn en(&self) -> (String, String) {
        use Problem::*;
        let (m, h): (String, String) = match self {
            Io { detail } => (
                format!("cannot read or write a file: {detail}"),
                "check that the file exists and is not locked by another program".into(),
            ),
            NotUtf8 { byte } => (
                format!("the file is not UTF-8 text (byte {byte})"),
                "open it in an editor and save it again as UTF-8".into(),
            ),
            NoFrontMatter => (
                "the file has no front matter".into(),
                "the first line must be `---`, then `title: ...`, then a `---` line".into(),
            ),
            UnclosedFrontMatter => (
                "the front matter has no closing `---` line".into(),
                "add a line with only `---` after the fields, before the text".into(),
            ),
            TomlFrontMatter { converted } => (
                "the front matter is TOML (`+++`, as in Hugo and Zola); lantoa reads YAML".into(),
                format!(
                    "replace both `+++` lines with `---` and write `name: value` instead of `name = value`:\n---\n{}\n---",
                    converted.join("\n")
                ),
            ),
            Yaml {
                detail,
                colon_in_value,
            } => (
                format!("the front matter is not valid YAML: {detail}"),
                if *colon_in_value {
                    "a value containing `: ` must be quoted, e.g. title: \"Notice: contest\"".into()
                } else {
                    "write one `name: value` per line, indent with spaces (not tabs), quote values with special characters".into()
                },
            ),
            UnknownField {
                field,
                suggestion,
                expected,
            } => (
                format!("unknown field `{field}`"),
                match suggestion {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("known fields: {}", expected.join(", ")),
                },
            ),
            MissingField { field } => (
                format!("missing required field `{field}`"),
                format!("add a line `{field}: ...` to the front matter"),
            ),
            WrongType {
                field,
                found,
                expected,
                example,
            } => (
                if field.is_empty() {
                    format!("{} is expected here, but this is {}", expected.name(Lang::En), found.name(Lang::En))
                } else {
                    format!("`{field}` takes {}, but this is {}", expected.name(Lang::En), found.name(Lang::En))
                },
                format!("write it like: {example}  (see docs/content.md)"),
            ),
            BadChoice {
                field,
                value,
                allowed,
                suggestion,
            } => (
                format!("`{value}` is not a valid value for `{field}`"),
                match suggestion {
                    Some(s) => format!("did you mean `{s}`? (use one of: {})", allowed.join(", ")),
                    None => format!("use one of: {}", allowed.join(", ")),
                },
            ),
            BadValue {
                field,
                value,
                expected,
            } => (
                format!("`{value}` is not a valid value for `{field}`"),
                format!("use one of: {expected}"),
            ),
            BadDate { value } => (
                format!("`{value}` is not a valid date"),
                "write YYYY-MM-DD with two digits, e.g. 2026-03-10 or 2026-03-10 07:30".into(),
            ),
            MissingDate => (
                "the post has no date".into(),
                "add `date: 2026-03-10` or start the file name with the date: 2026-03-10-name.md"
                    .into(),
            ),
            UnknownParent { parent } => (
                format!("the parent unit `{parent}` does not exist"),
                "`parent` must be the name of a folder in content/sites/".into(),
            ),
            ParentCycle { chain } => (
                format!("units are each other's parents: {chain}"),
                "fix `parent` so the units form one tree without cycles".into(),
            ),
            MissingParentField => (
                "the unit has no `parent`".into(),
                "only the root unit may omit `parent`; add `parent: <unit id>`".into(),
            ),
            SecondRoot { other } => (
                format!("the network has two root units (no `parent`): this one and `{other}`"),
                "add `parent` to one of them".into(),
            ),
            NoSites => (
                "no unit found in content/sites/".into(),
                "create content/sites/<unit-id>/site.yaml".into(),
            ),
            UnknownSite { id, suggestion } => (
                format!("there is no unit `{id}`"),
                match suggestion {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "use the name of a folder in content/sites/".into(),
                },
            ),
            DuplicateSlug { url, other } => (
                format!("two pages have the same address `{url}` on one site (also {other})"),
                "rename one file or give it `slug: another-name`".into(),
            ),
            MissingPage { target } => (
                format!("link to a page that does not exist: `{target}`"),
                "check the path, e.g. @/common/pages/ban-cam-ket.md (relative to content/)".into(),
            ),
            MissingAnchor { target, anchor } => (
                format!("page `{target}` has no heading `#{anchor}`"),
                "link to a heading that exists in that page".into(),
            ),
            UnknownLaw { id, suggestion, known } => (
                format!("law `{id}` is not in content/laws.yaml"),
                match suggestion {
                    Some(s) => format!("did you mean `{s}`?"),
                    None if !known.is_empty() => format!("use an `id` from content/laws.yaml: {}", known.join(", ")),
                    None => "add the document to content/laws.yaml (id, title, url)".into(),
                },
            ),
            UnknownLawArticle { id, article, nearest } => (
                format!("law `{id}` has no article {article} in content/laws.yaml"),
                if nearest.is_empty() {
                    "check the number or add the article to the law's `articles`".into()
                } else {
                    format!("did you mean article {}? (or add it to the law's `articles`, or declare `articles: [{article}]` in the primer that explains it)", nearest.join(" or "))
                },
            ),
            UnknownReplacement { id } => (
                format!("`replaced_by: {id}` is not in content/laws.yaml"),
                "add the replacing document or fix `replaced_by`".into(),
            ),
            MissingCoverAlt => (
                "the cover image has no `cover_alt`".into(),
                "add `cover_alt: \"short description of the picture\"` for blind readers".into(),
            ),
            MissingImageAlt { src } => (
                format!("image `{src}` has no alt text"),
                "write images as ![what the picture shows](file.jpg)".into(),
            ),
            MissingImage { src } => (
                format!("image `{src}` not found"),
                "put it beside the page's index.md (page bundle) or in content/media/".into(),
            ),
            ApprovedWithoutApprover => (
                "`status: approved` without `approved_by`".into(),
                "add `approved_by: \"Name (role)\"` of the person who approved it".into(),
            ),
            MissingSources => (
                "`sources` is missing".into(),
                "reposts and primers must name their sources: sources: [{title: \"...\", url: \"https://...\"}]".into(),
            ),
            ConsentMissing { missing } => (
                format!(
                    "the story shows a student's name or photo without consent: {}",
                    missing.join(", ")
                ),
                "Vietnamese law needs the parent's and (from age 7) the child's consent; or remove `person.name` to publish anonymously".into(),
            ),
            BadEmbed { src } => (
                format!("embedded frame `{src}` is not allowed"),
                "only YouTube (https://www.youtube.com/embed/...) and Facebook video embeds are allowed".into(),
            ),
            UnsafeUrl { url } => (
                format!("link address `{url}` is not allowed"),
                "use https://, http://, mailto:, tel: or a path on the site (never javascript:, data:, vbscript:, file:)".into(),
            ),
            BadBaseUrl { url } => (
                format!("`base_url: {url}` is not a web address"),
                "write the site's full address, e.g. base_url: \"https://school.edu.vn/\"".into(),
            ),
            PathOutside { src } => (
                format!("path `{src}` points outside the page's folder"),
                "put the file beside the page (no `..`, no absolute path), or in content/media/ and write /media/file-name".into(),
            ),
            SymlinkOutside { link, target } => (
                if target.is_empty() {
                    format!("symbolic link `{link}` points to nothing")
                } else {
                    format!("symbolic link `{link}` points outside its folder (to `{target}`)")
                },
                "replace the link with a real copy of the file inside content/ (or themes/ for a theme file)".into(),
            ),
            FileRefused { src, ext } => (
                if ext.is_empty() {
                    format!("file `{src}` has no extension and cannot be published")
                } else {
                    format!("file `{src}` (.{ext}) cannot be published")
                },
                "only images (JPG, PNG, WebP, GIF) and documents (PDF, DOC/DOCX, XLS/XLSX, PPT/PPTX, ODT/ODS/ODP, ZIP, MP3, MP4, TXT) are published".into(),
            ),
            SvgRefused { src } => (
                format!("SVG image `{src}` cannot be published (SVG can carry scripts)"),
                "export it as PNG (Inkscape, a browser, or `rsvg-convert -o image.png image.svg`)".into(),
            ),
            NotAnImage { src } => (
                format!("`{src}` is not an image"),
                "images are JPG, PNG, WebP or GIF files; link a document as [title](file.pdf)".into(),
            ),
            ImageTooLarge { src, width, height } => (
                format!("image too large: `{src}` is {width} × {height} px"),
                format!("scale it below {} px per side (and {} megapixels) before publishing; 2000 px is plenty for a phone photo", crate::safe::MAX_IMAGE_SIDE, crate::safe::MAX_IMAGE_PIXELS / 1_000_000),
            ),
            TooDeep { limit } => (
                format!("content nested too deeply (over {limit} levels of lists, quotes or formatting)"),
                "use fewer levels of lists and quotes".into(),
            ),
            HeadingAttribute { attr } => (
                format!("heading attribute `{attr}` is not allowed"),
                "headings may only have an anchor and classes: ## Title {#anchor .class}".into(),
            ),
            EmptySlug { value } => (
                format!("`slug: {value}` gives no address"),
                "use letters and digits, e.g. slug: \"good-deed-8a\"; or remove `slug` to use the file name".into(),
            ),
            ReservedSlug { slug } => (
                format!("address `{slug}/` is reserved for a section of the site"),
                "choose another `slug` for this page".into(),
            ),
            LinkToUnpublished { target, state } => (
                format!("link to `{target}`, but {}", state.en()),
                "approve and publish the target first (status: approved, approved_by), or remove the link until it is published".into(),
            ),
            BadSiteId { id, suggestion } => (
                format!("unit folder name `{id}` cannot be an address"),
                format!("rename content/sites/{id} to lower-case letters, digits and dashes, e.g. `{suggestion}`"),
            ),
            Template { detail } => (
                format!("template error: {detail}"),
                "fix the named template; if unsure, remove the site's override in theme/".into(),
            ),
            MissingString { key, i18n, template, line } => (
                if template.is_empty() {
                    format!("`{i18n}` has no string `{key}` (lantoa needs it for the pages)")
                } else {
                    format!("`{i18n}` has no string `{key}`, used in {template} (line {line})")
                },
                format!("add a line `{key}: \"…\"` to {i18n}"),
            ),
            BadAnswer { index, answer, letters } => (
                format!("question {index}: `answer: {answer}` names no choice"),
                format!("write the letter of the right choice ({letters}), its number (from 1) or the exact text of one choice"),
            ),
            BadQuestion { index, detail } => (
                format!("question {index}: {detail}"),
                "each question has `q`, `choices` (2–6), `answer` (the right choice's letter A, B, C…, its number from 1, or its exact text) and `explain`".into(),
            ),
            OutputRefused { path } => (
                format!("`{path}` cannot be the output folder"),
                "choose a folder of its own, e.g. --out public".into(),
            ),
            OutputNotOurs { path } => (
                format!("`{path}` holds files lantoa did not write"),
                "choose another --out folder or move those files; lantoa never deletes what it did not write".into(),
            ),
            OutputReadOnly { path, detail } => (
                format!("cannot write into the output folder `{path}` ({detail}); the previous output was left as it was"),
                format!("make it writable: chmod u+w {path} (or choose another --out folder), then build again"),
            ),
            MissingAttachment { src } => (
                format!("attachment `{src}` not found"),
                "put the file beside the page's index.md (its folder), or in content/media/ and write `/media/name.pdf`; check the file name".into(),
            ),
            NotADocument { src } => (
                format!("`file: {src}` is not a document"),
                "a document's file is a PDF, DOC/DOCX, XLS/XLSX, PPT/PPTX, ODT/ODS/ODP or ZIP".into(),
            ),
            UnknownDocType { value, suggestion, known } => (
                format!("`doc_type: {value}` is not in `document_types` of content/network.yaml"),
                match suggestion {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("use an `id` of `document_types`: {}", known.join(", ")),
                },
            ),
            AlbumWithoutPhotos => (
                "the album has no photo".into(),
                "put photos (JPG, PNG, WebP) beside the album's index.md".into(),
            ),
            UnknownCaptionFile { file } => (
                format!("a caption for `{file}` but the album has no such photo"),
                "fix `file:` in `captions` to the name of a photo beside index.md".into(),
            ),
            AlbumConsentMissing { missing } => (
                format!(
                    "the album shows students (`students: true`) but consent is missing: {}",
                    missing.join(", ")
                ),
                "the parents' consent (`consent.parent`, `consent.photos: true`) and the children's own from age 7 (`consent.student: true`) are required; if no student is shown, write `students: false`".into(),
            ),
            UnknownMenuParent { parent, suggestion, known } => (
                format!("menu parent `parent: {parent}` does not exist"),
                match suggestion {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("use an existing entry: {}", known.join(", ")),
                },
            ),
            LargeAttachment { src, size, limit_mb } => (
                format!("attachment `{src}` is {size}, over {limit_mb} MB"),
                "compress it (PDF: print again at web quality) or split it; school hosting is small (the limit is `max_attachment_mb` in network.yaml)".into(),
            ),
            UnknownFolder { folder } => (
                format!("folder `{folder}` is not a content kind"),
                "put posts in articles/, stories/, primers/, pages/, documents/, notices/, albums/ or contests/".into(),
            ),
            LongInReview { days } => (
                format!("the post has been in review for {days} days"),
                "ask the approver to look at it (`status: approved` + `approved_by`) or set it back to `status: draft`".into(),
            ),
            PersonalData { what, sample } => (
                format!("the text may contain personal data ({what}: {sample})"),
                "do not publish students' or parents' phone numbers, e-mails or ID numbers; use the unit's contacts from site.yaml".into(),
            ),
            EditorText { found, field } => (
                if *field { format!("a public page shows the field name `{found}`") } else { format!("a public page contains an instruction to editors \"{found}\"") },
                "rewrite it for readers: no field names or internal instructions (the list is `editor_words` in network.yaml)".into(),
            ),
            InsecureLink { url } => (
                format!("unencrypted link `{url}`"),
                "use https:// when the site has it".into(),
            ),
            LawArticlesUnverified { id } => (
                format!("law `{id}` lists no `articles`: its article numbers in links cannot be checked"),
                "add `articles:` (number: title) to this law in content/laws.yaml, or declare the numbers in the primers that explain them: articles: [8, 16]".into(),
            ),
            LawNotInForce { law, replaced_by } => (
                format!("the primer explains {law}, which is no longer in force"),
                if replaced_by.is_empty() { "update it to the text in force".into() } else { format!("update it to {replaced_by} and change `law:`") },
            ),
            LawArticlesReplaced { law, articles, replaced_by } => (
                format!("the primer explains article {articles} of {law}, replaced by {replaced_by}"),
                format!("update it to {replaced_by} and change `law:` and `articles:`"),
            ),
            ReviewOutdated { reviewed } => (
                if reviewed.is_empty() { "the primer has no `reviewed` date".into() } else { format!("the primer was last reviewed on {reviewed}, over a year ago") },
                "have a teacher check it against the law in force every school year, then update `reviewed: YYYY-MM-DD`".into(),
            ),
            AlreadyExists { path } => (
                format!("`{path}` already exists"),
                "lantoa never overwrites a written page: open that file, or choose another title".into(),
            ),
            UnsupportedImage { src, format } => (
                format!("image `{src}` is {format}, which browsers and lantoa cannot read"),
                "convert it to JPEG: on an iPhone, Settings → Camera → Formats → \"Most Compatible\"; for photos already taken, share or export them as JPEG".into(),
            ),
            BadImage { src, detail } => (
                format!("cannot read image `{src}`: {detail}"),
                "open it in an image viewer and save it again as JPEG or PNG".into(),
            ),
            LowContrast { color, ratio, suggestion } => (
                format!("primary colour {color} is too light: {ratio}:1 against white, WCAG 2.1 AA needs 4.5:1"),
                format!("use a darker colour, e.g. primary: \"{suggestion}\""),
            ),
            Internal { detail } => (
                format!("internal lantoa error while rebuilding: {detail}"),
                "the server keeps running: fix or undo the file you just saved and save again; if it persists, report it with that file".into(),
            ),
        };
        (m, h)
    }
}

/// Why the preview server (`serve`) refuses a request; the short text of its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// A path escape (`..`, `%2e%2e`, backslashes, control characters).
    BadPath,
    /// A request head that is not HTTP/1.x.
    BadRequest,
    /// The `Host` header names no address this server serves (DNS rebinding).
    WrongHost,
    /// The request head is over the size or header-count limit.
    HeadTooLarge,
    /// Not GET or HEAD.
    Method,
    /// Every connection slot is taken.
    Busy,
    /// Answering the request hit a bug (a panic, caught).
    Crashed,
}

impl Refusal {
    /// The status code and its reason phrase.
    pub fn status(self) -> (u16, &'static str) {
        match self {
            Refusal::BadPath | Refusal::BadRequest => (400, "Bad Request"),
            Refusal::WrongHost => (421, "Misdirected Request"),
            Refusal::HeadTooLarge => (431, "Request Header Fields Too Large"),
            Refusal::Method => (405, "Method Not Allowed"),
            Refusal::Busy => (503, "Service Unavailable"),
            Refusal::Crashed => (500, "Internal Server Error"),
        }
    }

    /// The body of the answer (plain text, one line).
    pub fn text(self, lang: Lang) -> String {
        let (code, reason) = self.status();
        let words = match (self, lang) {
            (Refusal::BadPath, Lang::Vi) => "đường dẫn không hợp lệ",
            (Refusal::BadPath, Lang::En) => "invalid path",
            (Refusal::BadRequest, Lang::Vi) => "yêu cầu HTTP không hợp lệ",
            (Refusal::BadRequest, Lang::En) => "malformed HTTP request",
            (Refusal::WrongHost, Lang::Vi) => {
                "máy chủ xem trước chỉ trả lời địa chỉ nó phục vụ (localhost, 127.0.0.1); để xem qua tên khác trong mạng, chạy lại với --allow-host TÊN"
            }
            (Refusal::WrongHost, Lang::En) => {
                "the preview server only answers the address it serves (localhost, 127.0.0.1); to preview through another name, run it again with --allow-host NAME"
            }
            (Refusal::HeadTooLarge, Lang::Vi) => "phần đầu yêu cầu quá lớn",
            (Refusal::HeadTooLarge, Lang::En) => "request head too large",
            (Refusal::Method, Lang::Vi) => "chỉ hỗ trợ GET và HEAD",
            (Refusal::Method, Lang::En) => "only GET and HEAD are supported",
            (Refusal::Busy, Lang::Vi) => "máy chủ đang bận, hãy tải lại trang sau giây lát",
            (Refusal::Busy, Lang::En) => "the server is busy, reload the page in a moment",
            (Refusal::Crashed, Lang::Vi) => {
                "lỗi bên trong lantoa khi dựng trang này; máy chủ vẫn chạy, xem thông báo trong cửa sổ dòng lệnh"
            }
            (Refusal::Crashed, Lang::En) => {
                "internal lantoa error while rendering this page; the server keeps running, see the terminal"
            }
        };
        format!("{code} {reason}: {words}\n")
    }
}

/// `lantoa deploy`: one site deployed (or, with `--dry-run`, what would be).
pub fn deploy_site(
    lang: Lang,
    id: &str,
    target: &str,
    counts: [usize; 4],
    dry_run: bool,
) -> String {
    let [sent, removed, unchanged, failed] = counts;
    match (lang, dry_run) {
        (Lang::Vi, false) => format!(
            "lantoa:   {id} → {target}: gửi {sent}, xóa {removed}, không đổi {unchanged}, lỗi {failed}"
        ),
        (Lang::Vi, true) => format!(
            "lantoa:   {id} → {target} (chạy thử): sẽ gửi {sent}, sẽ xóa {removed}, không đổi {unchanged}"
        ),
        (Lang::En, false) => format!(
            "lantoa:   {id} → {target}: sent {sent}, removed {removed}, unchanged {unchanged}, failed {failed}"
        ),
        (Lang::En, true) => format!(
            "lantoa:   {id} → {target} (dry run): would send {sent}, would remove {removed}, unchanged {unchanged}"
        ),
    }
}

/// `lantoa deploy`: a site that could not be (fully) deployed, and why.
pub fn deploy_failed(lang: Lang, id: &str, target: &str, why: &str) -> String {
    match lang {
        Lang::Vi => format!("lantoa:   {id} → {target}: không triển khai được: {why}"),
        Lang::En => format!("lantoa:   {id} → {target}: could not deploy: {why}"),
    }
}

/// `lantoa deploy`: a site without a target.
pub fn deploy_no_target(lang: Lang) -> String {
    match lang {
        Lang::Vi => "chưa có đích triển khai: thêm `deploy:` vào site.yaml của đơn vị, hoặc một mẫu `deploy: \"sftp://deploy@may-chu/srv/sites/{site}/\"` vào network.yaml".into(),
        Lang::En => "no deploy target: add `deploy:` to the unit's site.yaml, or a pattern `deploy: \"sftp://deploy@host/srv/sites/{site}/\"` to network.yaml".into(),
    }
}

/// `lantoa deploy`: plain FTP sends the password and the files in clear.
pub fn deploy_plain_ftp(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "lantoa: cảnh báo: {id} dùng FTP không mã hóa (ftp://): mật khẩu và các tệp đi qua mạng ở dạng rõ; hãy dùng ftps:// hoặc sftp:// nếu máy chủ hỗ trợ"
        ),
        Lang::En => format!(
            "lantoa: warning: {id} uses unencrypted FTP (ftp://): the password and the files cross the network in clear; use ftps:// or sftp:// if the host offers it"
        ),
    }
}

/// `lantoa deploy`: no build report to read.
pub fn deploy_no_report(lang: Lang, path: &str, why: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "lantoa: không đọc được báo cáo dựng {path} ({why}): hãy chạy `lantoa build` trước"
        ),
        Lang::En => {
            format!("lantoa: cannot read the build report {path} ({why}): run `lantoa build` first")
        }
    }
}

/// `lantoa deploy`: an id given with `--site` that the last build did not update.
pub fn deploy_not_updated(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "lantoa: {id}: lần dựng cuối không cập nhật trang web này (không có trong báo cáo, hoặc bị giữ bản cũ, hoặc không được chọn): bỏ qua"
        ),
        Lang::En => format!(
            "lantoa: {id}: the last build did not update this site (not in the report, kept, or not selected): skipped"
        ),
    }
}

/// `lantoa deploy`: the closing line.
pub fn deploy_summary(lang: Lang, ok: usize, failed: usize, dry_run: bool) -> String {
    match (lang, dry_run) {
        (Lang::Vi, false) if failed == 0 => format!("lantoa: đã triển khai {ok} trang web"),
        (Lang::Vi, false) => format!(
            "lantoa: đã triển khai {ok} trang web; {failed} trang web không triển khai được (mã thoát 4)"
        ),
        (Lang::Vi, true) => format!(
            "lantoa: chạy thử: {ok} trang web đã kiểm tra, {failed} không kết nối được; không tệp nào được gửi"
        ),
        (Lang::En, false) if failed == 0 => format!("lantoa: {ok} site(s) deployed"),
        (Lang::En, false) => format!(
            "lantoa: {ok} site(s) deployed; {failed} site(s) could not be deployed (exit code 4)"
        ),
        (Lang::En, true) => {
            format!("lantoa: dry run: {ok} site(s) checked, {failed} unreachable; no file was sent")
        }
    }
}

/// `lantoa server-config`: the configuration was written.
pub fn server_config_written(lang: Lang, path: &str, sites: usize) -> String {
    match lang {
        Lang::Vi => format!("lantoa: đã ghi cấu hình nginx cho {sites} trang web vào {path}"),
        Lang::En => format!("lantoa: nginx configuration for {sites} site(s) written to {path}"),
    }
}

/// Why `deploy` could not reach or use a target (the details from the network library stay
/// in English, as it gives them).
#[derive(Debug, Clone, PartialEq)]
pub enum DeployProblem {
    PasswordInAddress {
        scheme: String,
        user: String,
    },
    BadAddress {
        url: String,
        why: &'static str,
    },
    KnownHostsUnreadable {
        file: String,
        detail: String,
    },
    HostNotKnown {
        host: String,
        port: u16,
        file: String,
    },
    HostKeyChanged {
        host: String,
        port: u16,
        file: String,
    },
    KeyRefused {
        user: String,
        detail: String,
    },
    AgentRefused {
        user: String,
        detail: String,
    },
    NoPassword,
    LoginRefused {
        user: String,
        detail: String,
    },
    Tls {
        detail: String,
    },
}

pub fn deploy_problem(lang: Lang, p: &DeployProblem) -> String {
    use DeployProblem::*;
    match (lang, p) {
        (Lang::Vi, PasswordInAddress { scheme, user }) => format!(
            "`{scheme}://{user}:…@`: không ghi mật khẩu trong địa chỉ; đặt nó vào biến môi trường LANTOA_DEPLOY_PASSWORD"
        ),
        (Lang::En, PasswordInAddress { scheme, user }) => format!(
            "`{scheme}://{user}:…@`: no password in the address; put it in the environment variable LANTOA_DEPLOY_PASSWORD"
        ),
        (Lang::Vi, BadAddress { url, why }) => format!(
            "địa chỉ triển khai `{url}` không hợp lệ ({why}); dùng file://, sftp://, ftps:// hoặc ftp://"
        ),
        (Lang::En, BadAddress { url, why }) => {
            format!("bad deploy address `{url}` ({why}); use file://, sftp://, ftps:// or ftp://")
        }
        (Lang::Vi, KnownHostsUnreadable { file, detail }) => format!(
            "không đọc được tệp known_hosts {file} ({detail}); đặt LANTOA_DEPLOY_KNOWN_HOSTS"
        ),
        (Lang::En, KnownHostsUnreadable { file, detail }) => format!(
            "cannot read the known_hosts file {file} ({detail}); set LANTOA_DEPLOY_KNOWN_HOSTS"
        ),
        (Lang::Vi, HostNotKnown { host, port, file }) => format!(
            "từ chối máy chủ {host}:{port}: khóa máy chủ (host key) không có trong {file}; kiểm tra dấu vân tay rồi thêm bằng `ssh-keyscan -p {port} {host}`"
        ),
        (Lang::En, HostNotKnown { host, port, file }) => format!(
            "host {host}:{port} refused: its host key is not in {file}; check its fingerprint, then add it with `ssh-keyscan -p {port} {host}`"
        ),
        (Lang::Vi, HostKeyChanged { host, port, file }) => format!(
            "từ chối máy chủ {host}:{port}: khóa máy chủ (host key) khác với khóa trong {file} (có thể bị giả mạo); không gửi gì"
        ),
        (Lang::En, HostKeyChanged { host, port, file }) => format!(
            "host {host}:{port} refused: its host key differs from the one in {file} (it may be an impostor); nothing sent"
        ),
        (Lang::Vi, KeyRefused { user, detail }) => {
            format!("máy chủ không chấp nhận khóa SSH của {user} ({detail})")
        }
        (Lang::En, KeyRefused { user, detail }) => {
            format!("SSH key refused for {user} ({detail})")
        }
        (Lang::Vi, AgentRefused { user, detail }) => format!(
            "không khóa nào của SSH agent được chấp nhận cho {user} ({detail}); hoặc đặt LANTOA_DEPLOY_SSH_KEY"
        ),
        (Lang::En, AgentRefused { user, detail }) => format!(
            "no key of the SSH agent accepted for {user} ({detail}); or set LANTOA_DEPLOY_SSH_KEY"
        ),
        (Lang::Vi, NoPassword) => {
            "chưa có mật khẩu: đặt LANTOA_DEPLOY_PASSWORD (hoặc LANTOA_DEPLOY_PASSWORD_FILE)".into()
        }
        (Lang::En, NoPassword) => {
            "no password: set LANTOA_DEPLOY_PASSWORD (or LANTOA_DEPLOY_PASSWORD_FILE)".into()
        }
        (Lang::Vi, LoginRefused { user, detail }) => {
            format!("máy chủ từ chối đăng nhập (login) của {user} ({detail})")
        }
        (Lang::En, LoginRefused { user, detail }) => {
            format!("login refused for {user} ({detail})")
        }
        (Lang::Vi, Tls { detail }) => format!(
            "kết nối TLS thất bại ({detail}); chứng chỉ của máy chủ cần được tin cậy (LANTOA_DEPLOY_CA_FILE)"
        ),
        (Lang::En, Tls { detail }) => format!(
            "TLS failed ({detail}); the host's certificate must be trusted (LANTOA_DEPLOY_CA_FILE)"
        ),
    }
}
