//! `lantoa server-config nginx`: one `server` block per site (sites sharing a host under
//! different paths share that host's block, one `location` each), with the site's
//! `404.html`, long caching for content-hashed file names, and security headers: a
//! Content-Security-Policy allowing only the site itself and the allow-listed video embeds
//! (`EMBED_PREFIXES`), `X-Content-Type-Options`, `Referrer-Policy`.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::load::markdown::EMBED_PREFIXES;

/// The Content-Security-Policy of every page: scripts, images, fonts and connections only
/// from the site; frames only from the embed hosts lantoa lets through; inline styles (the
/// theme's colours) allowed, inline scripts never.
pub fn content_security_policy() -> String {
    let mut frames: Vec<String> = EMBED_PREFIXES
        .iter()
        .filter_map(|p| {
            let rest = p.strip_prefix("https://")?;
            Some(format!("https://{}", rest.split('/').next()?))
        })
        .collect();
    frames.dedup();
    format!(
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; \
         font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'self'; \
         form-action 'self'; frame-ancestors 'self'; frame-src {}",
        frames.join(" ")
    )
}

/// `(host, path)` of a base URL: `https://a.edu.vn/x/` → `("a.edu.vn", "/x/")`.
pub fn host_and_path(base_url: &str) -> (String, String) {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host.strip_prefix('[') {
        Some(h) => h.split(']').next().unwrap_or(h),
        None => host.split(':').next().unwrap_or(host),
    };
    let mut path = path.to_string();
    if !path.ends_with('/') {
        path.push('/');
    }
    (host.to_ascii_lowercase(), path)
}

/// Sites as `(id, base_url)`; `root` is the folder pattern of a site on the server
/// (`/srv/sites/{site}/`).
pub fn config(sites: &[(String, String)], root: &str) -> String {
    let mut hosts: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for (id, url) in sites {
        let (host, path) = host_and_path(url);
        hosts.entry(host).or_default().push((path, id.clone()));
    }
    let csp = content_security_policy();
    let headers = format!(
        "    add_header Content-Security-Policy \"{csp}\" always;\n    \
         add_header X-Content-Type-Options \"nosniff\" always;\n    \
         add_header Referrer-Policy \"strict-origin-when-cross-origin\" always;\n"
    );
    let mut out = String::from(
        "# Written by `lantoa server-config nginx`: one server block per site.\n\
         # Include it in the http { } block (e.g. /etc/nginx/conf.d/lantoa.conf); add TLS\n\
         # (listen 443 ssl; ssl_certificate …) as your host does it.\n\n",
    );
    for (host, mut paths) in hosts {
        paths.sort();
        let _ = writeln!(out, "server {{");
        let _ = writeln!(out, "    listen 80;\n    listen [::]:80;");
        let _ = writeln!(out, "    server_name {host};");
        let _ = writeln!(
            out,
            "    charset utf-8;\n    server_tokens off;\n    index index.html;"
        );
        out.push_str(&headers);
        for (path, id) in &paths {
            let dir = root.replace("{site}", id);
            let dir = if dir.ends_with('/') {
                dir
            } else {
                format!("{dir}/")
            };
            let _ = writeln!(out, "\n    # {id}");
            if path == "/" {
                let _ = writeln!(out, "    root {};", dir.trim_end_matches('/'));
                let _ = writeln!(out, "    error_page 404 /404.html;");
                let _ = writeln!(
                    out,
                    "    location / {{\n        try_files $uri $uri/ =404;\n    }}"
                );
                let _ = writeln!(
                    out,
                    "    location = /404.html {{\n        internal;\n    }}"
                );
                let _ = writeln!(
                    out,
                    "    location ~ /\\.lantoa- {{\n        return 404;\n    }}"
                );
                let _ = writeln!(
                    out,
                    "    location ~* \"[.-][0-9a-f]{{8,}}\\.(css|js|png|jpe?g|webp|gif|woff2?|svg)$\" {{\n        \
                     expires max;\n        add_header Cache-Control \"public, max-age=31536000, immutable\" always;\n\
                     {}    }}",
                    headers.replace("    add_header", "        add_header")
                );
            } else {
                let _ = writeln!(out, "    location ^~ {path} {{");
                let _ = writeln!(out, "        alias {dir};");
                let _ = writeln!(out, "        error_page 404 {path}404.html;");
                let _ = writeln!(out, "        try_files $uri $uri/ =404;");
                let _ = writeln!(out, "    }}");
            }
        }
        let _ = writeln!(out, "}}\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_allows_only_the_site_and_the_embed_hosts() {
        let csp = content_security_policy();
        assert!(csp.contains("frame-src https://www.youtube.com https://www.youtube-nocookie.com https://www.facebook.com"), "{csp}");
        assert!(csp.contains("script-src 'self';"));
        assert_eq!(
            host_and_path("https://thcs.example.edu.vn/"),
            ("thcs.example.edu.vn".into(), "/".into())
        );
        assert_eq!(
            host_and_path("https://so.example.edu.vn:8443/truong-a"),
            ("so.example.edu.vn".into(), "/truong-a/".into())
        );
    }
}
