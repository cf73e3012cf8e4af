//! The HTTP side of `serve` (the connection handling is `server.rs`): request paths checked
//! against escapes (`..`, encoded `%2e%2e`, backslashes, NUL and other control characters),
//! redirect targets percent-encoded, folders served by their `index.html` with a redirect to the trailing
//! slash, content types, ETags, the site's `404.html`, and the live-reload script and error
//! overlay injected into HTML pages.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

/// Why a request path is refused.
#[derive(Debug, PartialEq, Eq)]
pub enum BadPath {
    /// Not a clean path below the root (escape attempt or malformed encoding).
    Refused,
}

/// The decoded path of a request, without the leading `/` and the query string:
/// `"/thcs-a/bai-viet/x/?a=1"` → `"thcs-a/bai-viet/x/"`.
pub fn clean_path(url: &str) -> Result<String, BadPath> {
    let raw = url.split(['?', '#']).next().unwrap_or("");
    if !raw.starts_with('/') || raw.starts_with("//") {
        return Err(BadPath::Refused);
    }
    let decoded = percent_decode(&raw[1..]).ok_or(BadPath::Refused)?;
    if decoded.contains(['\\', '\0'])
        || decoded.chars().any(char::is_control)
        || decoded.starts_with('/')
        || decoded.contains(':')
    {
        return Err(BadPath::Refused);
    }
    if decoded.split('/').any(|seg| seg == ".." || seg == ".") {
        return Err(BadPath::Refused);
    }
    Ok(decoded)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// A path as a `Location` value: bytes that are not printable ASCII are percent-encoded.
pub fn location(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        if b.is_ascii_graphic() {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `Content-Type` by extension; text types are UTF-8.
pub fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// A strong ETag of the bytes.
pub fn etag(bytes: &[u8]) -> String {
    let mut h = DefaultHasher::new();
    bytes.hash(&mut h);
    format!("\"{:016x}-{}\"", h.finish(), bytes.len())
}

/// Whether `If-None-Match` names this ETag.
pub fn not_modified(if_none_match: Option<&str>, tag: &str) -> bool {
    if_none_match.is_some_and(|v| {
        v.trim() == "*"
            || v.split(',')
                .any(|t| t.trim().trim_start_matches("W/") == tag)
    })
}

pub const EVENTS_PATH: &str = "__lantoa/events";

/// The script `serve` adds to every HTML page: reload on rebuild keeping the scroll position,
/// swap stylesheets on a CSS-only change.
pub const RELOAD_SCRIPT: &str = r#"<script data-lantoa-reload>(function(){var k="lantoa-scroll:"+location.pathname;var y=sessionStorage.getItem(k);if(y!==null){sessionStorage.removeItem(k);addEventListener("load",function(){scrollTo(0,+y)});}
if(!window.EventSource)return;var es=new EventSource("/__lantoa/events");
es.addEventListener("reload",function(){sessionStorage.setItem(k,String(scrollY));location.reload();});
es.addEventListener("css",function(e){document.querySelectorAll('link[rel="stylesheet"]').forEach(function(l){var u=new URL(l.href);u.searchParams.set("v",e.data);l.href=u.href;});});})();</script>"#;

/// Adds the reload script (and the error overlay, when the last build failed) to a page.
pub fn inject(html: &[u8], overlay: Option<&str>) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    let extra = format!("{}{}", overlay.unwrap_or(""), RELOAD_SCRIPT);
    match text.rfind("</body>") {
        Some(i) => format!("{}{}{}", &text[..i], extra, &text[i..]).into_bytes(),
        None => format!("{text}{extra}").into_bytes(),
    }
}

/// The overlay shown over the page while the build is broken: every problem with its file,
/// line, message and fix.
pub fn overlay(problems: &str, lang: crate::messages::Lang) -> String {
    format!(
        "<div id=\"lantoa-error\" role=\"alertdialog\" aria-labelledby=\"lantoa-error-title\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.94);color:#fff;font:15px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:2rem\"><h2 id=\"lantoa-error-title\" style=\"color:#ff8a80;font:bold 1.3rem system-ui,sans-serif;margin:0 0 1rem\">{}</h2><pre style=\"white-space:pre-wrap;margin:0;color:#fff;background:none\">{}</pre></div>",
        crate::messages::overlay_title(lang),
        crate::text::escape_html(problems)
    )
}

/// A banner on the network index naming the sites that have problems (their pages show the
/// problems themselves).
pub fn notice(title: &str, lines: &[String]) -> String {
    let items: String = lines
        .iter()
        .map(|l| format!("<li>{}</li>", crate::text::escape_html(l)))
        .collect();
    format!(
        "<div id=\"lantoa-problems\" role=\"status\" style=\"position:sticky;top:0;z-index:2147483646;background:#8b1a1a;color:#fff;font:15px/1.5 system-ui,sans-serif;padding:.75rem 1rem\"><strong>{}</strong><ul style=\"margin:.25rem 0 0 1.25rem;padding:0\">{items}</ul></div>",
        crate::text::escape_html(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_refused() {
        for bad in [
            "/../etc/passwd",
            "/a/%2e%2e/%2e%2e/x",
            "/a/%2E%2E/x",
            "/a\\..\\x",
            "/%5c..%5cx",
            "//etc/passwd",
            "/a/%00",
            "/C:/x",
            "relative",
            "/a/%zz",
            "/a/%0d%0aSet-Cookie:x",
            "/a/%0a",
            "/a/%7f",
        ] {
            assert_eq!(clean_path(bad), Err(BadPath::Refused), "{bad}");
        }
    }

    #[test]
    fn clean_paths_are_decoded() {
        assert_eq!(
            clean_path("/thcs-a/bai-viet/x/?v=1").unwrap(),
            "thcs-a/bai-viet/x/"
        );
        assert_eq!(clean_path("/").unwrap(), "");
        assert_eq!(clean_path("/a/%E1%BA%A3nh.jpg").unwrap(), "a/ảnh.jpg");
        assert_eq!(location("/a/ảnh x/"), "/a/%E1%BA%A3nh%20x/");
    }

    #[test]
    fn etags_match() {
        let t = etag(b"abc");
        assert!(not_modified(Some(&t), &t));
        assert!(not_modified(Some(&format!("W/{t}, \"x\"")), &t));
        assert!(!not_modified(Some("\"other\""), &t));
        assert!(!not_modified(None, &t));
    }

    #[test]
    fn injection_goes_before_the_end_of_body() {
        let out = String::from_utf8(inject(
            b"<html><body><p>x</p></body></html>",
            Some("<div>E</div>"),
        ))
        .unwrap();
        assert!(out.contains("<p>x</p><div>E</div><script data-lantoa-reload>"));
        assert!(out.ends_with("</body></html>"));
    }
}
