//! The theme: Tera 2 templates of `themes/<name>/templates` (with a site's overrides from
//! `content/sites/<id>/theme/templates` taking precedence), its static files, and the UI
//! strings of `i18n/vi.yaml`. Template errors become diagnostics with the template's file and line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tera::Tera;

use crate::diagnostics::Diagnostic;
use crate::messages::Problem;

/// A loaded template set, ready to render.
pub struct Templates {
    pub tera: Tera,
    /// Template name → file (relative to the project), for error messages.
    pub files: BTreeMap<String, PathBuf>,
    /// Every UI string the templates read (`t.<key>`), with the first file and line using it.
    pub used: BTreeMap<String, (PathBuf, usize)>,
}

/// The UI strings lantoa itself puts on pages (section titles, kinds, preview banners,
/// contest status): the theme's i18n file must have them, like those its templates use.
pub const CODE_KEYS: &[&str] = &[
    "section_articles",
    "section_stories",
    "section_primers",
    "section_tags",
    "section_contests",
    "section_quiz",
    "section_calendar",
    "section_search",
    "kind_article",
    "kind_story",
    "kind_primer",
    "kind_page",
    "kind_document",
    "kind_notice",
    "kind_album",
    "section_documents",
    "section_notices",
    "section_albums",
    "section_about",
    "menu_about",
    "menu_articles",
    "menu_notices",
    "menu_documents",
    "menu_stories",
    "menu_primers",
    "menu_contests",
    "menu_albums",
    "menu_contact",
    "menu_organization",
    "documents_upper",
    "year",
    "photo",
    "banner_draft",
    "banner_review",
    "banner_scheduled",
    "banner_expired",
    "contest_upcoming",
    "contest_open",
    "contest_closed",
    "contest_days_before",
    "contest_days_left",
    "contest_days",
    "contest_format_trac_nghiem",
    "contest_format_viet",
    "contest_format_san_khau_hoa",
    "calendar_month",
    "calendar_weekdays",
    "law_state_not_yet_in_force",
    "law_state_in_force",
    "law_state_partly_replaced",
    "law_state_replaced",
];

/// The shared theme plus, lazily per site, template sets with that site's overrides.
#[derive(Clone)]
pub struct Theme {
    pub dir: PathBuf,
    pub default: Arc<Templates>,
    pub strings: tera::Value,
    pub strings_map: BTreeMap<String, String>,
    /// Static files: output path → source file.
    pub statics: BTreeMap<String, PathBuf>,
    /// The strings' file, relative to the project (`themes/default/i18n/vi.yaml`).
    pub i18n: PathBuf,
}

const PREFIX: &str = "default/";

impl Theme {
    pub fn load(root: &Path, themes: &Path, name: &str) -> Result<Theme, Vec<Diagnostic>> {
        let dir = themes.join(name);
        let default = Arc::new(load_templates(root, &dir.join("templates"), None)?);
        let i18n_path = dir.join("i18n").join("vi.yaml");
        let rel = i18n_path
            .strip_prefix(root)
            .unwrap_or(&i18n_path)
            .to_path_buf();
        let strings_map: BTreeMap<String, String> =
            match crate::load::file::read_text(&i18n_path, &rel) {
                Ok(t) => crate::load::yaml::parse(&t, &rel, 1).map_err(|d| vec![d])?,
                Err(d) => return Err(vec![d]),
            };
        let strings = tera::Value::from_serializable(&strings_map);
        let statics = static_files(&dir.join("static"));
        let theme = Theme {
            dir,
            default,
            strings,
            strings_map,
            statics,
            i18n: rel,
        };
        let mut missing: Vec<Diagnostic> = CODE_KEYS
            .iter()
            .filter(|k| !theme.strings_map.contains_key(**k))
            .map(|k| {
                Diagnostic::error(
                    &theme.i18n,
                    0,
                    Problem::MissingString {
                        key: k.to_string(),
                        i18n: crate::diagnostics::display_path(&theme.i18n),
                        template: String::new(),
                        line: 0,
                    },
                )
            })
            .collect();
        missing.extend(theme.missing_strings(&theme.default));
        if missing.is_empty() {
            Ok(theme)
        } else {
            Err(missing)
        }
    }

    /// A UI string of the theme. Every key lantoa reads is in [`CODE_KEYS`], checked when the
    /// theme loads, so there is no fallback here.
    pub fn t(&self, key: &str) -> String {
        self.strings_map.get(key).cloned().unwrap_or_default()
    }

    /// The strings a template set uses that the i18n file does not have: one error each,
    /// at the template and line that uses it, naming the key and the i18n file.
    fn missing_strings(&self, templates: &Templates) -> Vec<Diagnostic> {
        templates
            .used
            .iter()
            .filter(|(key, _)| !self.strings_map.contains_key(*key))
            .map(|(key, (file, line))| {
                Diagnostic::error(
                    file,
                    *line,
                    Problem::MissingString {
                        key: key.clone(),
                        i18n: crate::diagnostics::display_path(&self.i18n),
                        template: crate::diagnostics::display_path(file),
                        line: *line,
                    },
                )
            })
            .collect()
    }

    /// Templates for a site with overrides (or the shared set).
    pub fn for_site(
        &self,
        root: &Path,
        override_dir: Option<&Path>,
    ) -> Result<Arc<Templates>, Vec<Diagnostic>> {
        match override_dir
            .map(|d| d.join("templates"))
            .filter(|d| d.is_dir())
        {
            None => Ok(self.default.clone()),
            Some(dir) => {
                let templates = load_templates(root, &self.dir.join("templates"), Some(&dir))?;
                let missing = self.missing_strings(&templates);
                if missing.is_empty() {
                    Ok(Arc::new(templates))
                } else {
                    Err(missing)
                }
            }
        }
    }

    /// Static files of the theme with a site's own `theme/static` on top.
    pub fn statics_for_site(&self, override_dir: Option<&Path>) -> BTreeMap<String, PathBuf> {
        let mut files = self.statics.clone();
        if let Some(dir) = override_dir {
            files.extend(static_files(&dir.join("static")));
        }
        files
    }
}

fn static_files(dir: &Path) -> BTreeMap<String, PathBuf> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            Some((rel, e.path().to_path_buf()))
        })
        .collect()
}

fn template_files(dir: &Path) -> Vec<(String, PathBuf)> {
    static_files(dir).into_iter().collect()
}

/// Registers our filters, then adds every template in one call (Tera 2 checks parents per call).
fn load_templates(
    root: &Path,
    default_dir: &Path,
    site_dir: Option<&Path>,
) -> Result<Templates, Vec<Diagnostic>> {
    let mut tera = Tera::new();
    tera.set_fallback_prefixes([PREFIX])
        .map_err(|e| vec![template_error(&e, &BTreeMap::new(), default_dir)])?;
    tera.autoescape_on(vec![".html", ".htm", ".xml"]);
    let mut files = BTreeMap::new();
    let mut sources = Vec::new();
    let overridden: Vec<String> = site_dir
        .map(|d| template_files(d).into_iter().map(|(n, _)| n).collect())
        .unwrap_or_default();
    for (name, path) in template_files(default_dir) {
        if overridden.contains(&name) {
            continue; // the site's copy replaces it (and must not define its components twice)
        }
        let full = format!("{PREFIX}{name}");
        files.insert(
            full.clone(),
            path.strip_prefix(root).unwrap_or(&path).to_path_buf(),
        );
        sources.push((full, path));
    }
    if let Some(dir) = site_dir {
        for (name, path) in template_files(dir) {
            files.insert(
                name.clone(),
                path.strip_prefix(root).unwrap_or(&path).to_path_buf(),
            );
            sources.push((name, path));
        }
    }
    let mut texts = Vec::with_capacity(sources.len());
    let mut used = BTreeMap::new();
    for (name, path) in &sources {
        let rel = path.strip_prefix(root).unwrap_or(path);
        let text = crate::load::file::read_text(path, rel).map_err(|d| vec![d])?;
        for (key, line) in string_keys(&text) {
            used.entry(key).or_insert_with(|| (rel.to_path_buf(), line));
        }
        texts.push((name.clone(), text));
    }
    tera.add_raw_templates(texts.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| vec![template_error(&e, &files, default_dir)])?;
    Ok(Templates { tera, files, used })
}

/// The UI strings a template reads, `t.<key>` inside its `{{ … }}` and `{% … %}` tags, each
/// with the (1-based) line of its first use.
pub fn string_keys(text: &str) -> Vec<(String, usize)> {
    let mut keys: Vec<(String, usize)> = Vec::new();
    for (open, close) in [("{{", "}}"), ("{%", "%}")] {
        let mut rest = 0;
        while let Some(start) = text[rest..].find(open).map(|i| rest + i + open.len()) {
            let end = text[start..].find(close).map_or(text.len(), |i| start + i);
            let tag = &text[start..end];
            let bytes = tag.as_bytes();
            for (i, _) in tag.match_indices("t.") {
                let before = if i == 0 { b' ' } else { bytes[i - 1] };
                if before.is_ascii_alphanumeric() || before == b'_' || before == b'.' {
                    continue;
                }
                let key: String = tag[i + 2..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if key.is_empty() || keys.iter().any(|(k, _)| *k == key) {
                    continue;
                }
                let line = text[..start + i].matches('\n').count() + 1;
                keys.push((key, line));
            }
            rest = end;
        }
    }
    keys.sort_by_key(|(_, line)| *line);
    keys
}

/// A Tera error as a diagnostic pointing into the template file.
pub fn template_error(
    err: &tera::Error,
    files: &BTreeMap<String, PathBuf>,
    fallback: &Path,
) -> Diagnostic {
    use tera::ErrorKind;
    let (name, line, col, message) = match err.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => (
            r.filename().to_string(),
            r.span().start_line,
            r.span().start_col + 1,
            r.message().to_string(),
        ),
        // Load-time checks (unknown filter, test, function, component) arrive as a rendered
        // report: "error: <message>\n  --> <template>:<line>:<col>".
        _ => parse_report(&error_chain_full(err))
            .unwrap_or_else(|| (String::new(), 0, 0, error_chain(err))),
    };
    let file = files.get(&name).cloned().unwrap_or_else(|| {
        if name.is_empty() {
            fallback.to_path_buf()
        } else {
            PathBuf::from(name.trim_start_matches(PREFIX))
        }
    });
    Diagnostic::error(file, line, Problem::Template { detail: message }).at_column(col)
}

fn parse_report(report: &str) -> Option<(String, usize, usize, String)> {
    let message = report
        .lines()
        .find_map(|l| l.trim().strip_prefix("error: "))?
        .to_string();
    let location = report.lines().find_map(|l| l.trim().strip_prefix("--> "))?;
    let mut parts = location.rsplitn(3, ':');
    let col: usize = parts.next()?.trim().parse().ok()?;
    let line: usize = parts.next()?.trim().parse().ok()?;
    let name = parts.next()?.to_string();
    Some((name, line, col, message))
}

fn error_chain_full(err: &tera::Error) -> String {
    use std::error::Error as _;
    let mut msg = match err.kind() {
        tera::ErrorKind::Msg(m) => m.clone(),
        _ => format!("{err}"),
    };
    let mut src = err.source();
    while let Some(s) = src {
        msg.push('\n');
        msg.push_str(&s.to_string());
        src = s.source();
    }
    msg
}

fn error_chain(err: &tera::Error) -> String {
    use std::error::Error as _;
    let mut msg = match err.kind() {
        tera::ErrorKind::Msg(m) => m.clone(),
        _ => format!("{err}"),
    };
    let mut src = err.source();
    while let Some(s) = src {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        src = s.source();
    }
    msg.lines().next().unwrap_or_default().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_keys_are_the_t_dot_names_inside_tags_with_their_line() {
        let text = "<p>t.not_in_a_tag</p>\n{{ t.home }} {{ site.t.x }}\n{% if t.see_more %}{{ t.home }}{% endif %}\n{{ list_title | default(value=t.page) }}";
        assert_eq!(
            string_keys(text),
            vec![
                ("home".to_string(), 2),
                ("see_more".to_string(), 3),
                ("page".to_string(), 4)
            ]
        );
    }

    #[test]
    fn the_default_theme_has_every_string_its_templates_and_lantoa_use() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let theme = Theme::load(root, &root.join("themes"), "default");
        assert!(theme.is_ok(), "{:?}", theme.err());
    }
    /// Names in `code spans` of a Markdown text (`{id, name}` gives `id` and `name`).
    fn doc_names(doc: &str) -> std::collections::BTreeSet<String> {
        doc.split('`')
            .skip(1)
            .step_by(2)
            .flat_map(|span| {
                span.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .filter(|w| !w.is_empty())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// The field names (as serialized) of every `Serialize` struct of a Rust source.
    fn serialized_fields(source: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let lines: Vec<&str> = source.lines().collect();
        let mut i = 0;
        while i < lines.len() {
            let derive = lines[i].trim_start();
            if !(derive.starts_with("#[derive(") && derive.contains("Serialize")) {
                i += 1;
                continue;
            }
            let Some(head) = lines[i..]
                .iter()
                .position(|l| !l.trim_start().starts_with("#["))
                .map(|k| i + k)
            else {
                break;
            };
            let head_line = lines[head].trim_start().trim_start_matches("pub ");
            let Some(name) = head_line
                .strip_prefix("struct ")
                .filter(|_| head_line.ends_with('{'))
                .map(|r| r.split(['<', ' ']).next().unwrap_or("").to_string())
            else {
                i = head + 1;
                continue;
            };
            let mut attrs: Vec<&str> = Vec::new();
            let mut j = head + 1;
            while j < lines.len() && lines[j].trim() != "}" {
                let l = lines[j].trim();
                if l.starts_with("#[") {
                    attrs.push(l);
                } else if let Some((field, _)) = l.trim_start_matches("pub ").split_once(':')
                    && !l.starts_with("//")
                    && field
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
                {
                    let skip = attrs
                        .iter()
                        .any(|a| a.contains("skip)") || a.contains("skip,"));
                    let renamed = attrs.iter().find_map(|a| {
                        let r = a.split("rename = \"").nth(1)?;
                        r.split('"').next().map(str::to_string)
                    });
                    if !skip {
                        out.push((name.clone(), renamed.unwrap_or_else(|| field.to_string())));
                    }
                    attrs.clear();
                } else {
                    attrs.clear();
                }
                j += 1;
            }
            i = j;
        }
        out
    }

    fn read(rel: &str) -> String {
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
    }

    /// Every template of the default theme is in docs/theme.md.
    #[test]
    fn the_theme_docs_list_every_template() {
        let doc = read("docs/theme.md");
        let names =
            template_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates"));
        let missing: Vec<&String> = names
            .iter()
            .map(|(n, _)| n)
            .filter(|n| !doc.contains(&format!("`{n}`")))
            .collect();
        assert!(
            missing.is_empty(),
            "docs/theme.md does not document {missing:?}"
        );
    }

    /// Every variable the renderer puts into a template's context, and every field of the
    /// views it serializes there, is named in docs/theme.md: a template never uses a
    /// variable the theme contract does not list.
    #[test]
    fn the_theme_docs_list_every_variable_and_every_field_of_the_views() {
        let names = doc_names(&read("docs/theme.md"));
        let mut missing = Vec::new();
        for file in [
            "src/render/mod.rs",
            "src/render/features.rs",
            "src/render/portal.rs",
        ] {
            let source = read(file);
            for call in ["insert(\"", "insert_value(\"", "[(\""] {
                for (i, _) in source.match_indices(call) {
                    let name: String = source[i + call.len()..]
                        .chars()
                        .take_while(|c| *c != '"')
                        .collect();
                    if !name.contains(['.', '/']) && !names.contains(&name) {
                        missing.push(format!("{file}: variable `{name}`"));
                    }
                }
            }
        }
        // The front matter's own types (`Window`, `Milestone`) are read, never shown.
        let front_matter = ["Window", "Milestone"];
        let mut checked = 0;
        for file in [
            "src/render/context.rs",
            "src/render/mod.rs",
            "src/render/menu.rs",
            "src/render/portal.rs",
            "src/features/contest.rs",
            "src/features/calendar.rs",
            "src/features/quiz.rs",
        ] {
            for (view, field) in serialized_fields(&read(file)) {
                checked += 1;
                if !front_matter.contains(&view.as_str()) && !names.contains(&field) {
                    missing.push(format!("{file}: `{view}.{field}`"));
                }
            }
        }
        assert!(
            checked > 150,
            "only {checked} fields of views found: the scan is broken"
        );
        assert!(
            missing.is_empty(),
            "docs/theme.md does not list:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn serialized_fields_reads_renames_and_skips() {
        let src = "#[derive(Debug, Serialize)]\npub struct A<'a> {\n    pub one: u8,\n    /// doc\n    #[serde(skip)]\n    pub two: u8,\n    #[serde(default, rename = \"where\")]\n    pub place: &'a str,\n}\n";
        assert_eq!(
            serialized_fields(src),
            vec![
                ("A".to_string(), "one".to_string()),
                ("A".to_string(), "where".to_string())
            ]
        );
    }
}
