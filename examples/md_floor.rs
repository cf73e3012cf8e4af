//! The pulldown-cmark floor of the benchmark (bench/run.sh): read every `.md` file under a
//! folder, drop its front matter, parse and render the Markdown with the options lantoa uses,
//! and write one `.html` file per source into the output folder, on 2 threads. No templates,
//! lists, tags, feeds or search: the least any generator must do with the same files.
//!
//!     cargo build --release --example md_floor
//!     target/release/examples/md_floor CONTENT_DIR OUT_DIR

use std::path::{Path, PathBuf};

use pulldown_cmark::{Options, Parser, html};
use rayon::prelude::*;

fn body(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("---\n") else {
        return text;
    };
    match rest.find("\n---\n") {
        Some(end) => &rest[end + 5..],
        None => text,
    }
}

fn render(src: &Path, root: &Path, out: &Path) -> std::io::Result<()> {
    let text = std::fs::read_to_string(src)?;
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM;
    let md = body(&text);
    let mut html_out = String::with_capacity(md.len() * 3 / 2);
    html::push_html(&mut html_out, Parser::new_ext(md, options));
    let rel = src.strip_prefix(root).unwrap_or(src).with_extension("html");
    let dest = out.join(rel);
    if let Some(dir) = dest.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(dest, html_out)
}

fn main() {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [root, out] = args.as_slice() else {
        eprintln!("usage: md_floor CONTENT_DIR OUT_DIR");
        std::process::exit(2);
    };
    let files: Vec<PathBuf> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("thread pool");
    let failed = pool.install(|| {
        files
            .par_iter()
            .filter(|f| render(f, root, out).is_err())
            .count()
    });
    if failed > 0 {
        eprintln!("md_floor: {failed} files failed");
        std::process::exit(1);
    }
    eprintln!("md_floor: {} files → {}", files.len(), out.display());
}
