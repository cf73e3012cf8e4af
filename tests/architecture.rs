//! The module graph has no circles: the pipeline runs one way (load → resolve → render →
//! output/serve, `cli` on top, `messages`, `diagnostics`, `text`, `dates`, `safe` leaves used
//! by all). The test reads `src/**/*.rs`, turns every `crate::…` / `super::…` path (and the
//! bare `child::…` paths of `lib.rs` and `mod.rs` files) into an edge between modules — the
//! top-level ones (`load`, `render`, …) and the second-level ones (`load::config`,
//! `features::contest`, …) — and fails on any cycle between distinct modules, printing it.
//! Unit tests (`#[cfg(test)] mod tests`) are left out: they are not part of the graph. A
//! module and its own children (`load` and `load::config`) are one unit: `mod.rs` declares
//! them and holds the types they share; circles between siblings are checked.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module path (`""` for the crate root, `"load"`, `"load::config"`) of a file under `src/`.
fn module_of(rel: &str) -> Option<String> {
    let rel = rel.strip_suffix(".rs")?;
    if rel == "lib" {
        return Some(String::new());
    }
    if rel == "main" {
        return None; // the binary: a separate crate
    }
    let rel = rel.strip_suffix("/mod").unwrap_or(rel);
    Some(rel.replace('/', "::"))
}

fn files(dir: &Path, base: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, base, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, std::fs::read_to_string(&path).unwrap()));
        }
    }
}

/// The code of a file without comments, string literals and its unit tests.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    };
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                // Strings (raw strings with `#` are rare in src/ and hold no paths that matter).
                let mut escaped = false;
                for c in chars.by_ref() {
                    if escaped {
                        escaped = false;
                    } else if c == '\\' {
                        escaped = true;
                    } else if c == '"' {
                        break;
                    }
                }
                out.push_str("\"\"");
            }
            '\'' => {
                // A char literal ('x', '\n', '"') or a lifetime ('a): skip a literal whole.
                let rest: String = chars.clone().take(4).collect();
                if let Some(end) = rest.find('\'')
                    && end > 0
                    && (end == 1 || rest.starts_with('\\'))
                {
                    for _ in 0..=end {
                        chars.next();
                    }
                }
                out.push('\'');
            }
            _ => out.push(c),
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every path written from position `i` (just after `prefix::`): `a::b::C` or a `{…}` group.
fn paths_at(code: &str, i: usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) -> usize {
    let bytes = code.as_bytes();
    let mut i = i;
    let mut path = prefix;
    loop {
        while i < bytes.len() && (bytes[i] as char).is_whitespace() {
            i += 1;
        }
        if i < bytes.len() && bytes[i] == b'{' {
            i += 1;
            loop {
                while i < bytes.len() && matches!(bytes[i], b' ' | b'\n' | b'\t' | b',' | b'\r') {
                    i += 1;
                }
                if i >= bytes.len() || bytes[i] == b'}' {
                    return i + 1;
                }
                let before = i;
                i = paths_at(code, i, path.clone(), out);
                if i == before {
                    i += 1; // `*` or something else: skip it
                }
            }
        }
        let start = i;
        while i < bytes.len() && is_ident(bytes[i] as char) {
            i += 1;
        }
        if i == start {
            out.push(path);
            return i;
        }
        let segment = &code[start..i];
        if segment != "self" {
            path.push(segment.to_string());
        }
        if code[i..].starts_with("::") {
            i += 2;
        } else {
            // `as x` and the like end the path.
            out.push(path);
            return i;
        }
    }
}

/// The modules a file refers to.
fn references(
    module: &str,
    is_parent: bool,
    code: &str,
    modules: &BTreeSet<String>,
) -> Vec<String> {
    let mut paths = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while let Some(off) = code[i..].find("::") {
        let at = i + off;
        i = at + 2;
        let mut start = at;
        while start > 0 && is_ident(bytes[start - 1] as char) {
            start -= 1;
        }
        if start > 0 && (bytes[start - 1] == b':' || bytes[start - 1] == b'$') {
            continue; // the middle of a path, read from its start
        }
        let head = &code[start..at];
        let base: Vec<String> = match head {
            "crate" => Vec::new(),
            "super" => {
                let mut parts: Vec<String> = if module.is_empty() {
                    Vec::new()
                } else {
                    module.split("::").map(String::from).collect()
                };
                if !is_parent || parts.len() > 1 {
                    parts.pop();
                } else {
                    parts.clear();
                }
                // `super::super::…`
                let mut j = i;
                while code[j..].starts_with("super::") {
                    parts.pop();
                    j += "super::".len();
                    i = j;
                }
                parts
            }
            // A bare path from `lib.rs` or a `mod.rs`: a child module.
            _ if is_parent => {
                let child = if module.is_empty() {
                    head.to_string()
                } else {
                    format!("{module}::{head}")
                };
                if !modules.contains(&child) {
                    continue;
                }
                let mut v: Vec<String> = if module.is_empty() {
                    Vec::new()
                } else {
                    module.split("::").map(String::from).collect()
                };
                v.push(head.to_string());
                v
            }
            _ => continue,
        };
        paths_at(code, i, base, &mut paths);
    }
    let mut found = Vec::new();
    for path in paths {
        // The longest prefix that is a module (the crate root when none is).
        let mut target = String::new();
        for n in 1..=path.len() {
            let candidate = path[..n].join("::");
            if modules.contains(&candidate) {
                target = candidate;
            }
        }
        found.push(target);
    }
    found
}

/// A node of the graph at the given depth (1: top level, 2: second level).
fn at_depth(module: &str, depth: usize) -> String {
    module
        .split("::")
        .take(depth)
        .collect::<Vec<_>>()
        .join("::")
}

fn name(m: &str) -> &str {
    if m.is_empty() { "crate (lib.rs)" } else { m }
}

/// Every cycle of the graph, one per strongly connected component (Tarjan).
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        components: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        if let Some(next) = s.graph.get(v) {
            for w in next {
                let w = w.as_str();
                if !s.index.contains_key(w) {
                    visit(s, w);
                    let low = s.low[v].min(s.low[w]);
                    s.low.insert(v, low);
                } else if s.on_stack.contains(w) {
                    let low = s.low[v].min(s.index[w]);
                    s.low.insert(v, low);
                }
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                s.components.push(component);
            }
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        components: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    // Print each component as a path around one cycle: from its first module, follow edges
    // inside the component until it comes back.
    s.components
        .into_iter()
        .map(|component| {
            let inside: BTreeSet<&str> = component.iter().map(String::as_str).collect();
            let first = inside.iter().next().unwrap().to_string();
            shortest_cycle(graph, &first, &inside)
        })
        .collect()
}

fn shortest_cycle(
    graph: &BTreeMap<String, BTreeSet<String>>,
    from: &str,
    inside: &BTreeSet<&str>,
) -> Vec<String> {
    let mut previous: BTreeMap<String, String> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([from.to_string()]);
    while let Some(v) = queue.pop_front() {
        for w in graph.get(&v).into_iter().flatten() {
            if !inside.contains(w.as_str()) {
                continue;
            }
            if w == from {
                let mut path = vec![v.clone()];
                let mut at = v.clone();
                while let Some(p) = previous.get(&at) {
                    path.push(p.clone());
                    at = p.clone();
                }
                path.reverse();
                path.push(from.to_string());
                return path;
            }
            if !previous.contains_key(w) && w != from {
                previous.insert(w.clone(), v.clone());
                queue.push_back(w.clone());
            }
        }
    }
    vec![from.to_string()]
}

/// Edges `module → module it refers to`, with the files that make each edge.
type Edges = BTreeMap<(String, String), BTreeSet<String>>;

fn edges() -> Edges {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &src, &mut all);
    let modules: BTreeSet<String> = all.iter().filter_map(|(rel, _)| module_of(rel)).collect();
    let mut edges = Edges::new();
    for (rel, text) in &all {
        let Some(module) = module_of(rel) else {
            continue;
        };
        let is_parent = rel == "lib.rs" || rel.ends_with("/mod.rs");
        for target in references(&module, is_parent, &code_of(text), &modules) {
            if target != module {
                edges
                    .entry((module.clone(), target))
                    .or_default()
                    .insert(rel.clone());
            }
        }
    }
    edges
}

fn graph_at(edges: &Edges, depth: usize) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, to) in edges.keys() {
        let (a, b) = (at_depth(from, depth), at_depth(to, depth));
        graph.entry(b.clone()).or_default();
        let next = graph.entry(a.clone()).or_default();
        // A module and its own parent or child are one unit at this depth (`mod.rs` declares
        // and re-exports its children; they use its shared types).
        let related = a.starts_with(&format!("{b}::")) || b.starts_with(&format!("{a}::"));
        if a != b && !related {
            next.insert(b);
        }
    }
    graph
}

fn describe(cycle: &[String], edges: &Edges, depth: usize) -> String {
    let mut out = cycle
        .iter()
        .map(|m| name(m))
        .collect::<Vec<_>>()
        .join(" → ");
    for pair in cycle.windows(2) {
        let files: BTreeSet<&String> = edges
            .iter()
            .filter(|((a, b), _)| at_depth(a, depth) == pair[0] && at_depth(b, depth) == pair[1])
            .flat_map(|(_, f)| f)
            .collect();
        out.push_str(&format!(
            "\n    {} → {}: {}",
            name(&pair[0]),
            name(&pair[1]),
            files.into_iter().cloned().collect::<Vec<_>>().join(", ")
        ));
    }
    out
}

#[test]
fn module_graph_has_no_cycles() {
    let edges = edges();
    assert!(
        edges.keys().any(|(a, b)| a == "render" && b == "load"),
        "the scan finds no edge render → load: it is broken"
    );
    let mut problems = Vec::new();
    for depth in [1, 2] {
        for cycle in cycles(&graph_at(&edges, depth)) {
            let found = describe(&cycle, &edges, depth);
            if !problems.contains(&found) {
                problems.push(found);
            }
        }
    }
    assert!(
        problems.is_empty(),
        "module cycles:\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn leaves_use_no_pipeline_stage() {
    let edges = edges();
    let leaves = ["messages", "diagnostics", "text", "dates", "safe"];
    let mut wrong = Vec::new();
    for ((from, to), files) in &edges {
        let (from, to) = (at_depth(from, 1), at_depth(to, 1));
        if leaves.contains(&from.as_str()) && !leaves.contains(&to.as_str()) {
            wrong.push(format!("{} → {} ({files:?})", name(&from), name(&to)));
        }
    }
    assert!(wrong.is_empty(), "leaf modules reach up: {wrong:#?}");
}
