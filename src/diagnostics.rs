//! Diagnostics: the one `Diagnostic` type every stage reports problems with (file, line,
//! column, message, help), and its three renderings: compiler-style text, JSON, and GitHub
//! workflow annotations. The wording itself lives in `messages.rs`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::messages::{Lang, Problem};

/// How serious a problem is: errors stop `build`, warnings do not (unless denied).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in the project, with where it is and how to fix it.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the project root (or absolute when outside it).
    pub file: PathBuf,
    /// 1-based line, 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column, 0 when unknown.
    pub column: usize,
    pub problem: Problem,
    /// The ids of the sites this problem keeps from being updated (filled by
    /// `resolve::affected`; empty for warnings and problems found before the sites are known).
    pub sites: Vec<String>,
}

impl Diagnostic {
    pub fn error(file: impl Into<PathBuf>, line: usize, problem: Problem) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line,
            column: 0,
            problem,
            sites: Vec::new(),
        }
    }

    pub fn warning(file: impl Into<PathBuf>, line: usize, problem: Problem) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, line, problem)
        }
    }

    pub fn at_column(mut self, column: usize) -> Self {
        self.column = column;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col` as editors understand it.
    pub fn location(&self) -> String {
        let file = display_path(&self.file);
        match (self.line, self.column) {
            (0, _) => file,
            (l, 0) => format!("{file}:{l}"),
            (l, c) => format!("{file}:{l}:{c}"),
        }
    }
}

/// A path with forward slashes, for messages that look the same on Windows and Linux.
pub fn display_path(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

/// Orders diagnostics by file, then line, so output is stable across parallel runs.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.severity).cmp(&(&b.file, b.line, b.column, b.severity))
    });
}

/// Output format of diagnostics (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Github,
}

/// Renders diagnostics in the chosen format. `project` is used to show the offending line.
pub fn render(diags: &[Diagnostic], format: Format, lang: Lang, project: &Path) -> String {
    match format {
        Format::Text => diags
            .iter()
            .map(|d| render_text(d, lang, project))
            .collect(),
        Format::Json => diags
            .iter()
            .map(|d| render_json(d, lang) + "\n")
            .collect::<String>(),
        Format::Github => diags.iter().map(|d| render_github(d, lang)).collect(),
    }
}

/// Compiler-style: `error: message`, ` --> file:line:col`, the line with a marker, `help:`.
pub fn render_text(d: &Diagnostic, lang: Lang, project: &Path) -> String {
    let (message, help) = d.problem.text(lang);
    let mut out = String::new();
    let label = match (d.severity, lang) {
        (Severity::Error, Lang::Vi) => "lỗi",
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::Vi) => "cảnh báo",
        (Severity::Warning, Lang::En) => "warning",
    };
    let _ = writeln!(out, "{label}: {message}");
    let location = match d.location() {
        // A mistake in the command line, not in a file.
        flag if flag.starts_with("--") => crate::messages::in_command(lang, &flag),
        file => file,
    };
    let _ = writeln!(out, "  --> {location}");
    if let Some(src) = source_line(project, &d.file, d.line) {
        let num = d.line.to_string();
        let pad = " ".repeat(num.len());
        let col = d.column.max(1);
        let marker_len = if d.column == 0 {
            src.chars().count().clamp(1, 60)
        } else {
            1
        };
        let _ = writeln!(out, "{pad} |");
        let _ = writeln!(out, "{num} | {src}");
        let _ = writeln!(
            out,
            "{pad} | {}{}",
            " ".repeat(col - 1),
            "^".repeat(marker_len)
        );
    }
    if !help.is_empty() {
        let _ = writeln!(out, "  = help: {help}");
    }
    out.push('\n');
    out
}

fn source_line(project: &Path, file: &Path, line: usize) -> Option<String> {
    if line == 0 {
        return None;
    }
    let path = if file.is_absolute() {
        file.to_path_buf()
    } else {
        project.join(file)
    };
    let bytes = std::fs::read(path).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let text = text.trim_start_matches('\u{feff}');
    text.lines()
        .nth(line - 1)
        .map(|l| l.trim_end_matches('\r').to_string())
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: Severity,
    code: &'static str,
    file: String,
    line: usize,
    column: usize,
    message: &'a str,
    help: &'a str,
    /// The sites the problem keeps from being updated.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    sites: &'a [String],
}

/// One JSON object per problem.
pub fn render_json(d: &Diagnostic, lang: Lang) -> String {
    let (message, help) = d.problem.text(lang);
    serde_json::to_string(&JsonDiagnostic {
        severity: d.severity,
        code: d.problem.code(),
        file: display_path(&d.file),
        line: d.line,
        column: d.column,
        message: &message,
        help: &help,
        sites: &d.sites,
    })
    .expect("a diagnostic always serialises")
}

/// GitHub workflow command: `::error file=…,line=…,col=…::message — help`.
pub fn render_github(d: &Diagnostic, lang: Lang) -> String {
    let (message, help) = d.problem.text(lang);
    let kind = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut props = format!("file={}", gh_escape_prop(&display_path(&d.file)));
    if d.line > 0 {
        let _ = write!(props, ",line={}", d.line);
    }
    if d.column > 0 {
        let _ = write!(props, ",col={}", d.column);
    }
    if !d.sites.is_empty() {
        // The annotation's title names the sites, so a Phòng sees which schools need help.
        let _ = write!(props, ",title={}", gh_escape_prop(&d.sites.join(" ")));
    }
    let text = if help.is_empty() {
        message
    } else {
        format!("{message}\n{help}")
    };
    format!("::{kind} {props}::{}\n", gh_escape_data(&text))
}

fn gh_escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn gh_escape_prop(s: &str) -> String {
    gh_escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_annotation_escapes_newlines_and_commas() {
        let d = Diagnostic::error(
            "content/a,b.md",
            3,
            Problem::MissingField {
                field: "title".into(),
            },
        );
        let s = render_github(&d, Lang::En);
        assert!(s.starts_with("::error file=content/a%2Cb.md,line=3::"));
        assert!(s.contains("%0A"), "{s}");
    }

    #[test]
    fn json_has_file_line_and_help() {
        let d = Diagnostic::error(
            "content/x.md",
            2,
            Problem::MissingField {
                field: "title".into(),
            },
        )
        .at_column(1);
        let v: serde_json::Value = serde_json::from_str(&render_json(&d, Lang::En)).unwrap();
        assert_eq!(v["line"], 2);
        assert_eq!(v["file"], "content/x.md");
        assert!(!v["help"].as_str().unwrap().is_empty());
    }
}
