//! Markdown → HTML, once per source file: pulldown-cmark with the GFM extensions, heading
//! anchors, syntect highlighting as CSS classes (loaded lazily, only when a code block exists),
//! raw HTML sanitised with ammonia (video embeds allowed), and link/image targets recorded.
//! Links that depend on the site (`@/…md`, `law:…`, `/media/…`) are written as placeholders
//! `lantoa-link:N` and filled in per site by the resolve stage, so nothing is parsed twice.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{
    BlockQuoteKind, CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd,
};
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use crate::messages::Problem;
use crate::text::slugify;

/// Every `id` the default theme's templates write (one place; a test checks the theme uses no
/// other): a heading never takes one of them, so a page has no duplicate id ("Nội dung" gets
/// `noi-dung-1`, not the main landmark's `noi-dung`).
pub const THEME_IDS: &[&str] = &[
    "cac-nam",
    "doi-tuong",
    "footer-board",
    "footer-site",
    "giai-thuong",
    "giam-khao",
    "hinh-thuc",
    "home-articles",
    "home-primers",
    "home-stories",
    "law-notice-title",
    "law-title",
    "lien-he-cuoc-thi",
    "luu-tru",
    "muc-dich",
    "ngay-quan-trong",
    "noi-dung",
    "noi-dung-thi",
    "person-title",
    "q",
    "quiz",
    "quiz-data",
    "quiz-score",
    "quy-dinh",
    "search-results",
    "search-status",
    "sources-title",
    "thoi-gian",
];

/// Ids the theme numbers itself: `cau-1`, `cau-2`… (the quiz's questions).
pub const THEME_ID_PREFIXES: &[&str] = &["cau-"];

/// Whether the theme may use `id` on a page a heading is shown on.
pub fn is_theme_id(id: &str) -> bool {
    THEME_IDS.contains(&id)
        || THEME_ID_PREFIXES.iter().any(|p| {
            id.strip_prefix(p)
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// A link whose URL depends on the site that publishes the page.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkTarget {
    /// `@/common/pages/x.md#anchor`: path relative to `content/`.
    Internal {
        path: String,
        anchor: Option<String>,
    },
    /// `law:<id>#<article>`.
    Law { id: String, article: Option<String> },
    /// `/media/x.jpg` or another site-root path.
    SiteRoot { path: String },
}

#[derive(Debug, Clone)]
pub struct LinkRef {
    pub target: LinkTarget,
    pub line: usize,
}

/// An image the page shows from its own folder (copied beside the output page).
#[derive(Debug, Clone)]
pub struct LocalImage {
    /// As written in the Markdown (URL-encoded).
    pub src: String,
    pub line: usize,
    /// The decoded name, relative to the page's folder (checked by the load stage).
    pub name: String,
    /// The file it was resolved to by the load stage (inside the page's folder).
    pub file: std::path::PathBuf,
}

/// The result of rendering one Markdown body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub links: Vec<LinkRef>,
    pub anchors: Vec<String>,
    pub local_images: Vec<LocalImage>,
    /// The whole text without markup (search index, summaries, personal-data warnings).
    pub text: String,
    /// Where `text` comes from: (byte offset in `text`, line of the file) at the start of each
    /// piece of text, in order (`line_at`).
    pub text_lines: Vec<(usize, usize)>,
    pub first_paragraph: String,
    pub same_page_anchors: Vec<(String, usize)>,
    /// Links to other hosts, with their line (for the `http://` warning).
    pub external_links: Vec<(String, usize)>,
    /// Images written as site-root paths (`/media/x.jpg`), with their line: they must be
    /// files of content/media/.
    pub media_images: Vec<(String, usize)>,
    /// Links to documents (PDF, DOCX… `safe::DOCUMENT_EXTENSIONS`) as written, with their line:
    /// beside the page (relative) or in content/media/ (`/media/…`). The load stage finds each
    /// file; they are published as the page's attachments.
    pub file_links: Vec<(String, usize)>,
}

impl Rendered {
    /// The line of the file that the byte `offset` of `text` was written on.
    pub fn line_at(&self, offset: usize) -> usize {
        let i = self
            .text_lines
            .partition_point(|&(start, _)| start <= offset);
        match i.checked_sub(1).map(|i| self.text_lines[i]) {
            // A piece of text with line breaks (a code block's): count them.
            Some((start, line)) => {
                line + self
                    .text
                    .get(start..offset)
                    .map_or(0, |t| t.matches('\n').count())
            }
            // Before any piece of text: no line is known, the whole file (0).
            None => 0,
        }
    }

    /// Appends a piece of text written at `line`.
    fn push_text(&mut self, t: &str, line: usize) {
        self.text_lines.push((self.text.len(), line));
        self.text.push_str(t);
    }
}

/// A problem at a line of the body.
pub type BodyProblem = (usize, Problem);

pub const PLACEHOLDER: &str = "lantoa-link:";
pub const IMAGE_PLACEHOLDER: &str = "lantoa-img:";

static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
}

/// Renders `body` (which starts at line `first_line` of its file). Problems do not stop the
/// rendering, so every problem of a file is reported at once.
pub fn render(body: &str, first_line: usize) -> (Rendered, Vec<BodyProblem>) {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(body.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| first_line + line_starts.partition_point(|&s| s <= offset) - 1;

    let events: Vec<(Event, std::ops::Range<usize>)> = Parser::new_ext(body, options())
        .into_offset_iter()
        .collect();
    let mut r = Rendered::default();
    let mut problems = Vec::new();
    if let Some(offset) = too_deep(&events) {
        // Nothing of a page nested this deep is rendered: the limit keeps every later step
        // (and the sanitiser) linear in the size of the input.
        problems.push((
            line_of(offset),
            Problem::TooDeep {
                limit: crate::safe::MAX_NESTING,
            },
        ));
        return (r, problems);
    }
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut used_ids = HashSet::new();
    let mut has_raw_html = false;
    let mut in_first_paragraph = 0u8; // 0 = not yet, 1 = inside, 2 = done
    let mut i = 0;
    while i < events.len() {
        let (ev, range) = &events[i];
        let line = line_of(range.start);
        match ev {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                let end = find_end(&events, i, |e| matches!(e, Event::End(TagEnd::Heading(_))));
                let text = plain_text(&events[i + 1..end]);
                let base = id
                    .as_ref()
                    .map(|s| s.to_string())
                    .unwrap_or_else(|| slugify(&text));
                let base = if base.is_empty() {
                    "muc".to_string()
                } else {
                    base
                };
                let mut anchor = base.clone();
                let mut n = 1;
                while is_theme_id(&anchor) || !used_ids.insert(anchor.clone()) {
                    anchor = format!("{base}-{n}");
                    n += 1;
                }
                r.anchors.push(anchor.clone());
                // Only an anchor and plain class names: `{onfocus=… autofocus}` is refused.
                for (key, _) in attrs {
                    problems.push((
                        line,
                        Problem::HeadingAttribute {
                            attr: key.to_string(),
                        },
                    ));
                }
                for class in classes.iter().filter(|c| !is_plain_name(c)) {
                    problems.push((
                        line,
                        Problem::HeadingAttribute {
                            attr: format!(".{class}"),
                        },
                    ));
                }
                out.push(Event::Start(Tag::Heading {
                    level: demote(*level),
                    id: Some(CowStr::from(anchor)),
                    classes: classes
                        .iter()
                        .filter(|c| is_plain_name(c))
                        .cloned()
                        .collect(),
                    attrs: Vec::new(),
                }));
                // The heading's content goes through the loop like any other (its links are
                // checked and rewritten too).
                i += 1;
                continue;
            }
            Event::End(TagEnd::Heading(level)) => {
                r.text.push('\n');
                out.push(Event::End(TagEnd::Heading(demote(*level))));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let end = find_end(&events, i, |e| matches!(e, Event::End(TagEnd::CodeBlock)));
                let mut code = String::new();
                for (e, range) in &events[i + 1..end] {
                    if let Event::Text(t) = e {
                        r.push_text(t, line_of(range.start));
                        code.push_str(t);
                    }
                }
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split([' ', ',', '{']).next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                out.push(Event::Html(CowStr::from(highlight(&code, &lang))));
                i = end + 1;
                continue;
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = rewrite_link(dest_url, line, &mut r, &mut problems);
                out.push(Event::Start(Tag::Link {
                    link_type: *link_type,
                    dest_url: dest,
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let end = find_end(&events, i, |e| matches!(e, Event::End(TagEnd::Image)));
                let alt = plain_text(&events[i + 1..end]);
                if alt.trim().is_empty() {
                    problems.push((
                        line,
                        Problem::MissingImageAlt {
                            src: dest_url.to_string(),
                        },
                    ));
                }
                let dest = rewrite_image(dest_url, line, &mut r, &mut problems);
                out.push(Event::Start(Tag::Image {
                    link_type: *link_type,
                    dest_url: dest,
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                out.push(ev.clone());
                out.push(Event::Html(CowStr::from(format!(
                    "<p class=\"markdown-alert-title\">{}</p>",
                    alert_title(*kind)
                ))));
            }
            Event::Start(Tag::Paragraph) if in_first_paragraph == 0 => {
                in_first_paragraph = 1;
                out.push(ev.clone());
            }
            Event::End(TagEnd::Paragraph) => {
                if in_first_paragraph == 1 {
                    in_first_paragraph = 2;
                }
                r.text.push('\n');
                out.push(ev.clone());
            }
            Event::Text(t) | Event::Code(t) => {
                r.push_text(t, line);
                if in_first_paragraph == 1 {
                    r.first_paragraph.push_str(t);
                }
                out.push(ev.clone());
            }
            Event::SoftBreak | Event::HardBreak => {
                r.text.push(' ');
                if in_first_paragraph == 1 {
                    r.first_paragraph.push(' ');
                }
                out.push(ev.clone());
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                has_raw_html = true;
                check_embeds(h, line, &mut problems);
                out.push(ev.clone());
            }
            _ => out.push(ev.clone()),
        }
        i += 1;
    }
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    // Without raw HTML the output is safe by construction (text escaped by pulldown-cmark,
    // URLs and heading attributes checked above); raw HTML goes through the sanitiser, after
    // a check that it does not nest deeper than the sanitiser handles in linear time.
    r.html = if has_raw_html {
        if html_depth(&html) > HTML_DEPTH_LIMIT {
            problems.push((
                first_line,
                Problem::TooDeep {
                    limit: crate::safe::MAX_NESTING,
                },
            ));
            String::new()
        } else {
            sanitize(&html)
        }
    } else {
        html
    };
    r.first_paragraph = r
        .first_paragraph
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (r, problems)
}

/// The page's own title is the only `h1`: Markdown `#` headings become `h2`.
fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        l => l,
    }
}

/// A class name written in a heading (`{.ghi-chu}`): letters, digits, `-` and `_`.
fn is_plain_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The offset of the first element nested deeper than `MAX_NESTING`, if any.
fn too_deep(events: &[(Event, std::ops::Range<usize>)]) -> Option<usize> {
    let mut depth = 0usize;
    for (e, range) in events {
        match e {
            Event::Start(_) => {
                depth += 1;
                if depth > crate::safe::MAX_NESTING {
                    return Some(range.start);
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Element nesting the sanitiser accepts: Markdown's own (limited to `MAX_NESTING`) plus the
/// tags a page writes in raw HTML.
const HTML_DEPTH_LIMIT: usize = 4 * crate::safe::MAX_NESTING;

/// Elements without a closing tag.
const VOID_ELEMENTS: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// The deepest nesting of open tags in `html`, counted by a linear scan (unclosed tags such as
/// a lone `<b>` count as open until the end, as the sanitiser's parser sees them).
fn html_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(pos) = html[i..].find('<') {
        let start = i + pos + 1;
        i = start;
        match bytes.get(start) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(c) if c.is_ascii_alphabetic() => {
                let name_end = html[start..]
                    .find(|c: char| !c.is_ascii_alphanumeric())
                    .map_or(html.len(), |e| start + e);
                let name = html[start..name_end].to_ascii_lowercase();
                let tag_end = html[name_end..].find('>').map(|e| name_end + e);
                let self_closing = tag_end.is_some_and(|e| html[..e].ends_with('/'));
                if !VOID_ELEMENTS.contains(&name.as_str()) && !self_closing {
                    depth += 1;
                    max = max.max(depth);
                }
            }
            _ => {}
        }
    }
    max
}

fn find_end(
    events: &[(Event, std::ops::Range<usize>)],
    start: usize,
    is_end: impl Fn(&Event) -> bool,
) -> usize {
    let mut depth = 0usize;
    for (j, (e, _)) in events.iter().enumerate().skip(start) {
        match e {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 && is_end(e) {
                    return j;
                }
            }
            _ => {}
        }
    }
    events.len() - 1
}

fn plain_text(events: &[(Event, std::ops::Range<usize>)]) -> String {
    events
        .iter()
        .filter_map(|(e, _)| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect()
}

fn alert_title(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => "Lưu ý",
        BlockQuoteKind::Tip => "Mẹo",
        BlockQuoteKind::Important => "Quan trọng",
        BlockQuoteKind::Warning => "Cảnh báo",
        BlockQuoteKind::Caution => "Thận trọng",
    }
}

fn placeholder(r: &mut Rendered, target: LinkTarget, line: usize) -> CowStr<'static> {
    r.links.push(LinkRef { target, line });
    CowStr::from(format!("{PLACEHOLDER}{}", r.links.len() - 1))
}

fn rewrite_link<'a>(
    dest: &CowStr<'a>,
    line: usize,
    r: &mut Rendered,
    problems: &mut Vec<BodyProblem>,
) -> CowStr<'a> {
    if let Some(rest) = dest.strip_prefix("@/") {
        let (path, anchor) = split_anchor(rest);
        return placeholder(r, LinkTarget::Internal { path, anchor }, line);
    }
    if let Some(rest) = dest.strip_prefix("law:") {
        let (id, article) = split_anchor(rest);
        return placeholder(r, LinkTarget::Law { id, article }, line);
    }
    if let Some(anchor) = dest.strip_prefix('#') {
        r.same_page_anchors.push((anchor.to_string(), line));
        return dest.clone();
    }
    if crate::safe::is_document_link(dest) {
        r.file_links.push((dest.to_string(), line));
    }
    if dest.starts_with('/') && !dest.starts_with("//") {
        return placeholder(
            r,
            LinkTarget::SiteRoot {
                path: dest.trim_start_matches('/').to_string(),
            },
            line,
        );
    }
    if !crate::safe::url_allowed(dest) {
        problems.push((
            line,
            Problem::UnsafeUrl {
                url: dest.to_string(),
            },
        ));
        return CowStr::from("#");
    }
    if dest.contains("://") {
        r.external_links.push((dest.to_string(), line));
    }
    dest.clone()
}

fn rewrite_image<'a>(
    dest: &CowStr<'a>,
    line: usize,
    r: &mut Rendered,
    problems: &mut Vec<BodyProblem>,
) -> CowStr<'a> {
    // An image is a file of the page, of content/media (`/media/…`), or on the web (https).
    let scheme = crate::safe::scheme(dest);
    if !crate::safe::url_allowed(dest) || scheme.as_deref().is_some_and(|s| !s.starts_with("http"))
    {
        problems.push((
            line,
            Problem::UnsafeUrl {
                url: dest.to_string(),
            },
        ));
        return CowStr::from("#");
    }
    if dest.starts_with('/') && !dest.starts_with("//") {
        r.media_images.push((dest.to_string(), line));
        return placeholder(
            r,
            LinkTarget::SiteRoot {
                path: dest.trim_start_matches('/').to_string(),
            },
            line,
        );
    }
    if scheme.is_none() && !dest.starts_with('#') && !dest.starts_with('?') {
        r.local_images.push(LocalImage {
            src: dest.to_string(),
            line,
            name: String::new(),
            file: Default::default(),
        });
        // Filled in by the render stage with the processed sizes (src, srcset, width, height).
        return CowStr::from(format!("{IMAGE_PLACEHOLDER}{}", r.local_images.len() - 1));
    }
    dest.clone()
}

fn split_anchor(s: &str) -> (String, Option<String>) {
    match s.split_once('#') {
        Some((p, a)) => (p.to_string(), Some(a.to_string()).filter(|a| !a.is_empty())),
        None => (s.to_string(), None),
    }
}

/// Highlights a fenced block as classed HTML (`hl-…`); unknown languages are plain text.
pub fn highlight(code: &str, lang: &str) -> String {
    let ss = &*SYNTAXES;
    let syntax = (!lang.is_empty())
        .then(|| ss.find_syntax_by_token(lang))
        .flatten()
        .unwrap_or_else(|| ss.find_syntax_plain_text());
    let mut generator = ClassedHTMLGenerator::new_with_class_style(
        syntax,
        ss,
        ClassStyle::SpacedPrefixed { prefix: "hl-" },
    );
    for line in LinesWithEndings::from(code) {
        if generator
            .parse_html_for_line_which_includes_newline(line)
            .is_err()
        {
            return format!(
                "<pre class=\"code\"><code>{}</code></pre>",
                crate::text::escape_html(code)
            );
        }
    }
    let lang_attr = if lang.is_empty() {
        String::new()
    } else {
        format!(" data-lang=\"{}\"", crate::text::escape_html(lang))
    };
    format!(
        "<pre class=\"code hl-code\"{lang_attr}><code>{}</code></pre>",
        generator.finalize()
    )
}

/// The stylesheet for highlighted code, written as `syntax.css` on every site (made once: it
/// is the same for all of them).
pub fn syntax_css() -> &'static str {
    static CSS: LazyLock<String> = LazyLock::new(|| {
        let themes = syntect::highlighting::ThemeSet::load_defaults();
        let theme = &themes.themes["InspiredGitHub"];
        syntect::html::css_for_theme_with_class_style(
            theme,
            ClassStyle::SpacedPrefixed { prefix: "hl-" },
        )
        .unwrap_or_default()
    });
    &CSS
}

pub const EMBED_PREFIXES: [&str; 3] = [
    "https://www.youtube.com/embed/",
    "https://www.youtube-nocookie.com/embed/",
    "https://www.facebook.com/plugins/video.php?",
];

/// An `<iframe>` that is not a YouTube/Facebook video is an error (ammonia would silently
/// leave an empty frame).
fn check_embeds(html: &str, line: usize, problems: &mut Vec<BodyProblem>) {
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = lower[from..].find("<iframe") {
        let start = from + pos;
        let tag_end = lower[start..]
            .find('>')
            .map(|e| start + e)
            .unwrap_or(lower.len());
        let tag = &html[start..tag_end];
        let src = attr_value(tag, "src").unwrap_or_default();
        if !EMBED_PREFIXES.iter().any(|p| src.starts_with(p)) {
            problems.push((line, Problem::BadEmbed { src }));
        }
        from = tag_end;
    }
}

fn attr_value(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let idx = lower.find(&format!("{name}="))? + name.len() + 1;
    let rest = &tag[idx..];
    let quote = rest.chars().next()?;
    if quote == '"' || quote == '\'' {
        rest[1..].split(quote).next().map(str::to_string)
    } else {
        rest.split([' ', '>']).next().map(str::to_string)
    }
}

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.add_tags([
        "iframe",
        "input",
        "figure",
        "figcaption",
        "details",
        "summary",
        "mark",
        "section",
    ])
    .add_generic_attributes(["id", "class", "title", "lang"])
    .add_tag_attributes(
        "iframe",
        [
            "src",
            "width",
            "height",
            "allow",
            "allowfullscreen",
            "frameborder",
            "loading",
        ],
    )
    .add_tag_attributes("input", ["type", "checked", "disabled"])
    .add_tag_attributes("td", ["style"])
    .add_tag_attributes("th", ["style"])
    .add_tag_attributes("p", ["style"])
    .add_tag_attributes("div", ["style"])
    .add_tag_attributes("a", ["href", "title", "aria-label"])
    .add_tag_attributes("pre", ["data-lang"])
    .add_tag_attributes("ol", ["start"])
    .url_schemes(
        crate::safe::ALLOWED_SCHEMES
            .iter()
            .copied()
            .chain(["lantoa-link", "lantoa-img"])
            .collect(),
    )
    .link_rel(None)
    .attribute_filter(|tag, attr, value| match (tag, attr) {
        ("iframe", "src") => EMBED_PREFIXES
            .iter()
            .any(|p| value.starts_with(p))
            .then(|| value.into()),
        // Only alignment: official forms centre their national motto and title.
        ("td" | "th" | "p" | "div", "style") => value
            .trim()
            .strip_prefix("text-align:")
            .filter(|v| matches!(v.trim().trim_end_matches(';'), "left" | "right" | "center"))
            .map(|_| value.into()),
        ("input", "type") => (value == "checkbox").then(|| value.into()),
        // The same URL rule as Markdown links (safe.rs), stricter than ammonia's own.
        (_, "href" | "src" | "cite") => {
            let placeholder =
                value.starts_with(PLACEHOLDER) || value.starts_with(IMAGE_PLACEHOLDER);
            (placeholder || crate::safe::url_allowed(value)).then(|| value.into())
        }
        _ => Some(value.into()),
    });
    b
});

/// Removes scripts, event handlers and anything else not on the allow-list.
pub fn sanitize(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok((r, problems): (Rendered, Vec<BodyProblem>)) -> Rendered {
        assert!(problems.is_empty(), "{problems:?}");
        r
    }

    #[test]
    fn headings_get_vietnamese_anchors_and_h1_is_demoted() {
        let r = ok(render("# Em cần làm gì?\n\n## Em cần làm gì?\n", 1));
        assert!(r.html.contains("<h2 id=\"em-can-lam-gi\">"), "{}", r.html);
        assert!(r.html.contains("id=\"em-can-lam-gi-1\""), "{}", r.html);
        assert!(!r.html.contains("<h1"));
    }

    #[test]
    fn internal_and_law_links_become_placeholders() {
        let r = ok(render(
            "[a](@/common/pages/x.md#muc) [b](law:luat-2018#8)\n",
            3,
        ));
        assert_eq!(r.links.len(), 2);
        assert_eq!(
            r.links[0].target,
            LinkTarget::Internal {
                path: "common/pages/x.md".into(),
                anchor: Some("muc".into())
            }
        );
        assert_eq!(r.links[1].line, 3);
        assert!(r.html.contains("href=\"lantoa-link:1\""), "{}", r.html);
    }

    #[test]
    fn scripts_and_handlers_are_removed_videos_kept() {
        let r = ok(render(
            "<script>alert(1)</script>\n\n<p onclick=\"x()\">hi</p>\n\n<iframe src=\"https://www.youtube.com/embed/abc\"></iframe>\n",
            1,
        ));
        assert!(!r.html.contains("<script"), "{}", r.html);
        assert!(!r.html.contains("onclick"), "{}", r.html);
        assert!(r.html.contains("youtube.com/embed/abc"), "{}", r.html);
    }

    #[test]
    fn foreign_iframe_is_an_error_with_its_line() {
        let err = render(
            "text\n\n<iframe src=\"https://evil.example/x\"></iframe>\n",
            5,
        )
        .1;
        assert_eq!(err[0].0, 7);
    }

    #[test]
    fn links_inside_headings_are_checked_and_rewritten() {
        let (r, problems) = render("[a](javascript:alert(1))\n- \n\n## [b](@/x.md)\n", 1);
        assert!(
            matches!(problems[0].1, Problem::UnsafeUrl { .. }),
            "{problems:?}"
        );
        assert!(!r.html.contains("javascript"), "{}", r.html);
        assert!(r.html.contains("lantoa-link:0"), "{}", r.html);
    }

    #[test]
    fn heading_attributes_other_than_id_and_class_are_errors() {
        let (r, problems) = render(
            "## Xin chào {#chao .ghi-chu onfocus=alert(1) autofocus}\n",
            1,
        );
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            r.html.contains("<h2 id=\"chao\" class=\"ghi-chu\">"),
            "{}",
            r.html
        );
        assert!(!r.html.contains("onfocus"), "{}", r.html);
    }

    #[test]
    fn image_without_alt_is_an_error() {
        let err = render("![](anh.jpg)\n", 1).1;
        assert!(matches!(err[0].1, Problem::MissingImageAlt { .. }));
    }

    #[test]
    fn code_is_highlighted_with_classes() {
        let r = ok(render("```rust\nfn main() {}\n```\n", 1));
        assert!(r.html.contains("hl-"), "{}", r.html);
    }
    #[test]
    fn the_theme_uses_no_id_outside_the_reserved_list() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates");
        let mut seen = 0;
        for entry in walkdir::WalkDir::new(&dir) {
            let entry = entry.unwrap();
            if !entry.file_type().is_file() {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for part in text.split(" id=\"").skip(1) {
                let id = &part[..part.find('"').unwrap()];
                seen += 1;
                let ok = match id.split_once("{{") {
                    Some((prefix, _)) => THEME_ID_PREFIXES.contains(&prefix),
                    None => THEME_IDS.contains(&id),
                };
                assert!(
                    ok,
                    "{}: id `{id}` is not in THEME_IDS",
                    entry.path().display()
                );
            }
        }
        assert!(seen > 10, "the theme's ids were not found");
    }

    #[test]
    fn headings_never_take_a_theme_id() {
        let r = ok(render("## Nội dung\n\n## Câu 1\n", 1));
        assert_eq!(r.anchors, vec!["noi-dung-1", "cau-1-1"]);
    }
}

#[cfg(test)]
mod sanitizer_tests {
    use super::*;

    #[test]
    fn only_alignment_styles_survive() {
        let (r, _) = render(
            "<p style=\"text-align:center\">A</p>\n\n<p style=\"position:fixed\">B</p>\n",
            1,
        );
        assert!(r.html.contains("style=\"text-align:center\""), "{}", r.html);
        assert!(!r.html.contains("position"), "{}", r.html);
    }
}
