//! The YAML backend, behind one function so it is one line to change (serde-saphyr today).
//! Turns the backend's errors into our `Diagnostic`s with the real file line and a
//! "did you mean" hint for unknown fields and values.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostics::Diagnostic;
use crate::messages::{Problem, Shape};

/// A value with the line it is written on, as the backend read it: 1-based within the parsed
/// text (add the text's first line minus one for a line of the file), 0 when the key is not
/// written (a `#[serde(default)]` value). The line is the value's: the key's own line for
/// `key: value`, the first line of a block (`key:` then an indented list or mapping) for a
/// value written below its key (a block scalar: its first line of text). Derefs to the value; compares and serialises as the value.
#[derive(Debug, Clone, Default)]
pub struct Lined<T> {
    pub value: T,
    pub line: usize,
}

impl<T> Lined<T> {
    pub fn new(value: T, line: usize) -> Self {
        Lined { value, line }
    }
    /// The line in the file of a text that starts at `first_line`; `None` when not written.
    pub fn file_line(&self, first_line: usize) -> Option<usize> {
        (self.line > 0).then(|| self.line + first_line - 1)
    }
}

impl<T> std::ops::Deref for Lined<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: PartialEq> PartialEq for Lined<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Lined<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = serde_saphyr::Spanned::<T>::deserialize(d)?;
        Ok(Lined {
            value: s.value,
            line: s.referenced.line() as usize,
        })
    }
}

impl<T: serde::Serialize> serde::Serialize for Lined<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

/// Parses `text` (which starts at line `first_line` of `file`) into `T`; the first problem.
pub fn parse<T: DeserializeOwned>(
    text: &str,
    file: &Path,
    first_line: usize,
) -> Result<T, Diagnostic> {
    parse_all(text, file, first_line).map_err(|mut all| all.swap_remove(0))
}

/// Like `parse`, but reports every unknown field, not only the first: the backend stops at the
/// first one, so its line is blanked (line numbers stay) and the text parsed again.
pub fn parse_all<T: DeserializeOwned>(
    text: &str,
    file: &Path,
    first_line: usize,
) -> Result<T, Vec<Diagnostic>> {
    let mut current = std::borrow::Cow::Borrowed(text);
    let mut errors: Vec<Diagnostic> = Vec::new();
    loop {
        match parse_once::<T>(&current, file, first_line) {
            Ok(v) if errors.is_empty() => return Ok(v),
            Ok(_) => return Err(errors),
            Err((d, line)) => {
                let field = match &d.problem {
                    Problem::UnknownField { field, .. } => Some(field.clone()),
                    _ => None,
                };
                let repeated = errors
                    .iter()
                    .any(|e| e.line == d.line && e.problem == d.problem);
                if !repeated {
                    errors.push(d);
                }
                let next = field
                    .filter(|_| !repeated && errors.len() < 100)
                    .and_then(|f| without_key(&current, line, &f));
                match next {
                    Some(t) => current = std::borrow::Cow::Owned(t),
                    None => return Err(errors),
                }
            }
        }
    }
}

/// One pass of the backend; the error with its line within `text` (1-based, 0 when unknown).
fn parse_once<T: DeserializeOwned>(
    text: &str,
    file: &Path,
    first_line: usize,
) -> Result<T, (Diagnostic, usize)> {
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
        let problem = classify(&detail, text, line, column);
        (
            Diagnostic::error(file, file_line, problem).at_column(column),
            line,
        )
    })
}

/// `text` with the block of key `field` written at `line` (1-based) blanked, line count kept;
/// `None` when that line does not start with the key (a flow mapping, a list item).
fn without_key(text: &str, line: usize, field: &str) -> Option<String> {
    let lines: Vec<&str> = text.split('\n').collect();
    let at = line.checked_sub(1)?;
    let first = lines.get(at)?;
    let indent = first.len() - first.trim_start_matches(' ').len();
    let rest = first[indent..].strip_prefix(field)?;
    if !rest.trim_start().starts_with(':') {
        return None;
    }
    let mut end = at + 1;
    while end < lines.len() {
        let l = lines[end];
        let i = l.len() - l.trim_start_matches(' ').len();
        if l.trim().is_empty() || i > indent {
            end += 1;
        } else {
            break;
        }
    }
    let out: Vec<&str> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| if (at..end).contains(&i) { "" } else { *l })
        .collect();
    Some(out.join("\n"))
}

/// saphyr prefixes messages with "line N column M: " or ends them with " at line N, column M";
/// we show the location ourselves.
fn strip_location_prefix(s: &str) -> String {
    let mut s = s.trim();
    if let Some(idx) = s.rfind(" at line ")
        && s[idx..].contains("column")
    {
        s = &s[..idx];
    }
    if let Some(rest) = s.strip_prefix("line ")
        && let Some(idx) = rest.find(": ")
        && rest[..idx].contains("column")
    {
        return rest[idx + 2..].to_string();
    }
    s.to_string()
}

fn classify(detail: &str, text: &str, line: usize, column: usize) -> Problem {
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
        let allowed = expected_list(detail);
        let field = text
            .lines()
            .nth(line.saturating_sub(1))
            .and_then(|l| l.split(':').next())
            .map(|k| k.trim().trim_start_matches("- ").to_string())
            .unwrap_or_default();
        return Problem::BadChoice {
            field,
            suggestion: did_you_mean(&value, &allowed),
            value,
            allowed,
        };
    }
    if let Some(field) = between(detail, "missing field `", "`") {
        return Problem::MissingField { field };
    }
    if let Some(expected) = expected_shape(detail) {
        let field = key_at(text, line, column);
        let found = found_shape(detail, text, line, column);
        return Problem::WrongType {
            example: example_of(&field, expected),
            field,
            found,
            expected,
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

/// The shape the schema wanted, from the backend's message: saphyr's own ("expected sequence
/// start", "invalid i64") or serde's ("invalid type: sequence, expected a string").
fn expected_shape(detail: &str) -> Option<Shape> {
    let d = detail.trim();
    let wanted = if let Some(rest) = d.strip_prefix("expected ") {
        rest
    } else if d.starts_with("invalid type") || d.starts_with("invalid value") {
        d.split_once("expected ")?.1
    } else {
        d.strip_prefix("invalid ")?
    };
    shape_named(wanted)
}

fn shape_named(s: &str) -> Option<Shape> {
    let s = s.trim().trim_start_matches("a ").trim_start_matches("an ");
    let number = [
        "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "usize", "isize", "f32", "f64",
        "integer", "number", "float",
    ];
    Some(
        if s.starts_with("string") || s.starts_with("str") || s.starts_with("char") || s == "scalar"
        {
            Shape::Text
        } else if s.starts_with("sequence") || s.starts_with("seq") || s.starts_with("tuple") {
            Shape::List
        } else if s.starts_with("mapping") || s.starts_with("map") || s.starts_with("struct") {
            Shape::Mapping
        } else if s.starts_with("bool") {
            Shape::Bool
        } else if number.iter().any(|n| s.starts_with(n)) || s.starts_with("floating point") {
            Shape::Number
        } else {
            return None;
        },
    )
}

/// What is written at the error's place: serde names it ("invalid type: sequence, …"), saphyr
/// does not, so the source tells.
fn found_shape(detail: &str, text: &str, line: usize, column: usize) -> Shape {
    if let Some(rest) = detail.strip_prefix("invalid type: ")
        && let Some((found, _)) = rest.split_once(", expected")
    {
        if found.starts_with("unit") || found.starts_with("null") {
            return Shape::Empty;
        }
        if let Some(s) = shape_named(found) {
            return s;
        }
    }
    let lines: Vec<&str> = text.lines().collect();
    let Some(l) = lines.get(line.saturating_sub(1)) else {
        return Shape::Empty;
    };
    let start = l
        .char_indices()
        .nth(column.saturating_sub(1))
        .map(|(i, _)| i)
        .unwrap_or(l.len());
    let mut value = l[start..].trim();
    if value.is_empty() {
        // `key:` with the value on the next lines.
        value = lines
            .iter()
            .skip(line)
            .map(|l| l.trim())
            .find(|l| !l.is_empty())
            .unwrap_or("");
    }
    shape_of_value(value)
}

fn shape_of_value(value: &str) -> Shape {
    let v = value.trim();
    if v.is_empty() || v == "~" || v == "null" {
        Shape::Empty
    } else if v.starts_with('[') || v == "-" || v.starts_with("- ") {
        Shape::List
    } else if v.starts_with('{') {
        Shape::Mapping
    } else if v.starts_with(['"', '\'']) {
        Shape::Text
    } else if v
        .split_once(':')
        .is_some_and(|(k, rest)| (rest.is_empty() || rest.starts_with(' ')) && !k.contains(' '))
    {
        Shape::Mapping
    } else if v.parse::<f64>().is_ok() {
        Shape::Number
    } else if matches!(v, "true" | "false" | "True" | "False" | "yes" | "no") {
        Shape::Bool
    } else {
        Shape::Text
    }
}

/// The key whose value starts at (`line`, `column`), 1-based: on that line before the value,
/// else the nearest line above with less indentation.
fn key_at(text: &str, line: usize, column: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let Some(l) = lines.get(line.saturating_sub(1)) else {
        return String::new();
    };
    let cut = l
        .char_indices()
        .nth(column.saturating_sub(1))
        .map(|(i, _)| i)
        .unwrap_or(l.len());
    let before = &l[..cut];
    if let Some(colon) = before.rfind(':') {
        let key = before[..colon]
            .rsplit(['{', ',', '-', ' ', '['])
            .find(|k| !k.is_empty())
            .unwrap_or("");
        return key.trim().trim_matches(['"', '\'']).to_string();
    }
    let indent = l.len() - l.trim_start_matches(' ').len();
    for above in lines[..line.saturating_sub(1)].iter().rev() {
        let i = above.len() - above.trim_start_matches(' ').len();
        let t = above.trim();
        if i < indent || (i == indent && t.ends_with(':') && !t.starts_with('-')) {
            if let Some(k) = t.strip_suffix(':') {
                return k.trim_start_matches("- ").trim().to_string();
            }
            if i < indent {
                break;
            }
        }
    }
    String::new()
}

/// An example of the expected shape, for the fields whose shape is worth showing.
fn example_of(field: &str, expected: Shape) -> String {
    let known = match (field, expected) {
        ("tags", Shape::List) => "tags: [an toàn trên mạng, người tốt việc tốt]",
        ("sources", Shape::List) => "sources: [{title: \"Luật Trẻ em 2016\", url: \"https://…\"}]",
        ("levels", Shape::List) => "levels: [thcs, tieu-hoc]",
        ("sites", Shape::List) => "sites: [thcs-hai-yen]",
        ("articles", Shape::List) => "articles: [8, 16]",
        ("questions", Shape::List) => {
            "questions: [{q: \"…?\", choices: [\"…\", \"…\"], answer: 1, explain: \"…\"}]"
        }
        ("choices", Shape::List) => "choices: [\"Đúng\", \"Sai\"]",
        ("prizes", Shape::List) => "prizes: [\"01 giải Nhất\", \"02 giải Nhì\"]",
        ("purpose" | "topics" | "rules" | "jury", Shape::List) => "- \"…\" (một dòng một mục)",
        ("timeline", Shape::List) => "timeline: [{date: \"03-15\", title: \"Thi thử\"}]",
        ("formats", Shape::List) => "formats: [trac-nghiem, viet]",
        ("editorial_board", Shape::List) => {
            "editorial_board: [{name: \"…\", role: \"Trưởng ban\"}]"
        }
        ("person", Shape::Mapping) => {
            "person: {name: \"Nguyễn Văn An\", role: \"Học sinh lớp 8A\", student: true, age: 13}"
        }
        ("consent", Shape::Mapping) => {
            "consent: {name: true, photos: true, parent: \"Ông Lò Văn Bình (bố)\", student: true}"
        }
        ("window", Shape::Mapping) => "window: {start: \"03-10\", end: \"03-20\"}",
        ("contact", Shape::Mapping) => "contact: {name: \"…\", phone: \"…\", email: \"…\"}",
        ("colors", Shape::Mapping) => "colors: {primary: \"#0b5ed7\"}",
        ("date" | "updated" | "expires" | "deed_date" | "reviewed", _) => {
            return format!("{field}: 2026-03-10");
        }
        _ => "",
    };
    if !known.is_empty() {
        return known.to_string();
    }
    let name = if field.is_empty() { "…" } else { field };
    match expected {
        Shape::Text => format!("{name}: \"…\""),
        Shape::Number => format!("{name}: 10"),
        Shape::Bool => format!("{name}: true"),
        Shape::List => format!("{name}: [\"…\", \"…\"]"),
        Shape::Mapping => format!("{name}: {{tên: giá trị}}"),
        Shape::Empty => String::new(),
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
    let rest = rest.trim_start().trim_start_matches("one of").trim();
    // serde writes "`a`, `b`, or `c`" or "`a` or `b`"; saphyr "a, b, c": every name counts.
    rest.split([',', ' '])
        .map(|p| p.trim().trim_matches('`').trim())
        .filter(|p| !p.is_empty() && *p != "or")
        .map(str::to_string)
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

    #[derive(Deserialize, Debug, Default)]
    #[serde(deny_unknown_fields)]
    struct Probe {
        #[serde(default)]
        title: Lined<Option<String>>,
        #[serde(default)]
        empty: Lined<Option<String>>,
        #[serde(default)]
        missing: Lined<Option<String>>,
        #[serde(default)]
        block: Lined<Option<String>>,
        #[serde(default)]
        person: Lined<Option<std::collections::BTreeMap<String, String>>>,
        #[serde(default)]
        list: Vec<Lined<String>>,
        #[serde(default)]
        items: Vec<Item>,
    }

    #[derive(Deserialize, Debug, Default)]
    struct Item {
        q: Lined<String>,
    }

    #[test]
    fn lines_of_values() {
        let text = "title: A\nempty:\nblock: |\n  x\n  y\n# c\nperson:\n  name: N\nlist:\n  - a\n  - b\nitems:\n  - q: one\n  - {q: two}\n";
        let p: Probe = parse(text, Path::new("x.md"), 1).unwrap();
        assert_eq!(p.title.line, 1);
        assert_eq!(p.empty.line, 2, "{:?}", p.empty);
        assert_eq!(p.missing.line, 0);
        assert_eq!(p.block.line, 4, "{:?}", p.block);
        assert_eq!(p.person.line, 8, "{:?}", p.person);
        assert_eq!(
            p.list.iter().map(|l| l.line).collect::<Vec<_>>(),
            vec![10, 11]
        );
        assert_eq!(
            p.items.iter().map(|l| l.q.line).collect::<Vec<_>>(),
            vec![13, 14]
        );
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
