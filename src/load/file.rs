//! Reading a source file: bytes → UTF-8 text (BOM dropped, CRLF → LF, NFC), and splitting
//! the front matter from the Markdown body while keeping line numbers.

use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::messages::Problem;
use crate::text::nfc_owned;

/// Reads a file as normalised text, or says why it cannot be read.
pub fn read_text(abs: &Path, rel: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(abs).map_err(|e| {
        Diagnostic::error(
            rel,
            0,
            Problem::Io {
                detail: e.to_string(),
            },
        )
    })?;
    decode(&bytes).map_err(|(byte, line)| Diagnostic::error(rel, line, Problem::NotUtf8 { byte }))
}

/// UTF-8 (with or without BOM) to NFC text with LF line ends; on failure the byte offset and line.
pub fn decode(bytes: &[u8]) -> Result<String, (usize, usize)> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // simdutf8 checks valid text several times faster than `std`; `std` says where it breaks.
    let text = simdutf8::basic::from_utf8(bytes)
        .or_else(|_| std::str::from_utf8(bytes))
        .map_err(|e| {
            let at = e.valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            (at, line)
        })?;
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    };
    Ok(nfc_owned(text))
}

/// A Markdown file split in two.
pub struct Split<'a> {
    pub yaml: &'a str,
    /// 1-based line of the first YAML line.
    pub yaml_line: usize,
    pub body: &'a str,
    /// 1-based line of the first body line.
    pub body_line: usize,
}

/// Splits `---\nyaml\n---\nbody`. The front matter is required (it holds the title).
pub fn split_front_matter(text: &str) -> Result<Split<'_>, Problem> {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| (text.trim_end() == "---").then_some(""))
    else {
        if let Some(toml) = text.strip_prefix("+++\n") {
            return Err(Problem::TomlFrontMatter {
                converted: toml_to_yaml(toml),
            });
        }
        return Err(Problem::NoFrontMatter);
    };
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            let yaml = &rest[..offset];
            let body = &rest[offset + line.len()..];
            return Ok(Split {
                yaml,
                yaml_line: 2,
                body,
                body_line: i + 3,
            });
        }
        offset += line.len();
    }
    Err(Problem::UnclosedFrontMatter)
}

/// The first lines of a TOML front matter (after its `+++`) written as YAML, for the help:
/// `title = "X"` → `title: "X"`; tables `[person]` become a key with the lines below indented.
fn toml_to_yaml(toml: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_table = false;
    for line in toml.lines().take_while(|l| l.trim_end() != "+++").take(6) {
        let t = line.trim();
        if let Some(table) = t.strip_prefix('[').and_then(|r| r.strip_suffix(']'))
            && !t.starts_with("[[")
        {
            out.push(format!("{}:", table.trim()));
            in_table = true;
        } else if let Some((key, value)) = t.split_once('=') {
            let indent = if in_table { "  " } else { "" };
            out.push(format!("{indent}{}: {}", key.trim(), value.trim()));
        } else {
            out.push(line.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_crlf_and_nfd_are_accepted() {
        let mut bytes = b"\xEF\xBB\xBF---\r\ntitle: x\r\n---\r\n".to_vec();
        bytes.extend("Nguo\u{302}i\r\n".as_bytes());
        let text = decode(&bytes).unwrap();
        assert_eq!(text, "---\ntitle: x\n---\nNguôi\n");
        let split = split_front_matter(&text).unwrap();
        assert_eq!(split.yaml, "title: x\n");
        assert_eq!(split.body_line, 4);
    }

    #[test]
    fn invalid_utf8_reports_the_line() {
        let err = decode(b"---\ntitle: x\n\xff\n").unwrap_err();
        assert_eq!(err, (13, 3));
    }

    #[test]
    fn missing_front_matter() {
        assert_eq!(
            split_front_matter("# hi").err(),
            Some(Problem::NoFrontMatter)
        );
        assert_eq!(
            split_front_matter("---\ntitle: x\n").err(),
            Some(Problem::UnclosedFrontMatter)
        );
    }
}
