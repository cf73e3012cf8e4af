//! The YAML backend, behind one function so it is one line to change (serde-saphyr today).
//! Turns the backend's errors into our `Diagnostic`s with the real file line and a
//! "did you mean" hint for unknown fields and values.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostics::Diagnostic;
use crate::messages::Problem;

/// Parses `text` (which starts at line `first_line` of `file`) into `T`.
pub fn parse<T: DeserializeOwned>(
    text: &str,
    file: &Path,
    first_line: usize,
) -> Result<T, Diagnostic> {
    let src = if text.trim().is_empty() { "{}" } else { text };
    serde_saphyr::from_str::<T>(src).map_err(|err| {
        let (line, column) = err
            .location()
            .map(|l| (l.line() as usize, l.column() as usize))
            .unwrap_or((0, 0));
        let detail = err.without_snippet().to_string();
        let detail = strip_location_prefix(&detail);
        let file_line = if line == 0 {
            first_line
        } else {
            first_line + line - 1
        };
        let problem = classify(&detail, text, line);
        Diagnostic::error(file, file_line, problem).at_column(column)
    })
}

/// saphyr prefixes messages with "line N column M: "; we show the location ourselves.
fn strip_location_prefix(s: &str) -> String {
    let s = s.trim();
    if let Some(rest) = s.strip_prefix("line ")
        && let Some(idx) = rest.find(": ")
        && rest[..idx].contains("column")
    {
        return rest[idx + 2..].to_string();
    }
    s.to_string()
}

fn classify(detail: &str, text: &str, line: usize) -> Problem {
    if let Some((_, url)) = detail.split_once(crate::safe::UNSAFE_URL_MARKER) {
        return Problem::UnsafeUrl {
            url: url.to_string(),
        };
    }
    if let Some((_, url)) = detail.split_once(crate::safe::BAD_BASE_URL_MARKER) {
        return Problem::BadBaseUrl {
            url: url.to_string(),
        };
    }
    if let Some(field) = between(detail, "unknown field `", "`") {
        let expected = expected_list(detail);
        return Problem::UnknownField {
            suggestion: did_you_mean(&field, &expected),
            field,
            expected,
        };
    }
    if let Some(value) = between(detail, "unknown variant `", "`") {
        let expected = expected_list(detail);
        let field = text
            .lines()
            .nth(line.saturating_sub(1))
            .and_then(|l| l.split(':').next())
            .map(|k| k.trim().trim_start_matches("- ").to_string())
            .unwrap_or_default();
        let expected = match did_you_mean(&value, &expected) {
            Some(s) => s,
            None => expected.join(", "),
        };
        return Problem::BadValue {
            field,
            value,
            expected,
        };
    }
    if let Some(field) = between(detail, "missing field `", "`") {
        return Problem::MissingField { field };
    }
    if detail.starts_with("invalid type")
        || detail.starts_with("invalid value")
        || detail.starts_with("expected sequence")
        || detail.starts_with("expected mapping")
    {
        return Problem::WrongType {
            detail: detail.to_string(),
        };
    }
    let colon_in_value = text
        .lines()
        .nth(line.saturating_sub(1))
        .and_then(|l| l.split_once(": "))
        .is_some_and(|(_, v)| {
            v.contains(": ") && !v.trim_start().starts_with(['"', '\'', '{', '['])
        });
    Problem::Yaml {
        detail: detail.to_string(),
        colon_in_value,
    }
}

fn between(s: &str, start: &str, end: &str) -> Option<String> {
    let i = s.find(start)? + start.len();
    let j = s[i..].find(end)? + i;
    Some(s[i..j].to_string())
}

fn expected_list(detail: &str) -> Vec<String> {
    let Some(idx) = detail.find("expected") else {
        return Vec::new();
    };
    let rest = &detail[idx + "expected".len()..];
    let rest = rest.trim_start().trim_start_matches("one of").trim_start();
    rest.split(',')
        .map(|p| {
            p.trim()
                .trim_start_matches("or ")
                .trim_matches('`')
                .trim()
                .to_string()
        })
        .filter(|p| !p.is_empty() && !p.contains(' '))
        .collect()
}

/// The closest known name, when it is close enough to be a typo.
pub fn did_you_mean(word: &str, known: &[String]) -> Option<String> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(word, k), k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Fm {
        title: String,
        date: Option<String>,
    }

    #[test]
    fn unknown_field_suggests_the_right_one() {
        let err = parse::<Fm>("title: a\ntittle: b\n", Path::new("x.md"), 2).unwrap_err();
        assert_eq!(err.line, 3);
        match err.problem {
            Problem::UnknownField {
                field, suggestion, ..
            } => {
                assert_eq!(field, "tittle");
                assert_eq!(suggestion.as_deref(), Some("title"));
            }
            p => panic!("{p:?}"),
        }
    }

    #[test]
    fn colon_in_title_gets_the_quote_hint() {
        let err = parse::<Fm>("title: Thông báo: Cuộc thi\n", Path::new("x.md"), 2).unwrap_err();
        assert_eq!(err.line, 2);
        assert!(
            matches!(
                err.problem,
                Problem::Yaml {
                    colon_in_value: true,
                    ..
                }
            ),
            "{:?}",
            err.problem
        );
    }
}
