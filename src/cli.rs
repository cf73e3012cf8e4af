//! Commands and flags (clap), and how their results are printed.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::diagnostics::{self, Format};
use crate::{Failure, Selection};

#[derive(Parser, Debug)]
#[command(
    name = "lantoa",
    version,
    about = "Trình tạo trang web tĩnh cho mô hình \"Sử dụng mạng xã hội an toàn\""
)]
pub struct Cli {
    /// Project folder (holding content/ and themes/).
    #[arg(long, global = true, default_value = ".")]
    pub root: PathBuf,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build every unit's website into the output folder.
    Build {
        /// Build only this site (repeatable).
        #[arg(long = "site", value_name = "ID")]
        sites: Vec<String>,
        /// Output folder.
        #[arg(long, default_value = "public")]
        out: PathBuf,
        /// Build time (2026-03-10, "2026-03-10 07:30" or RFC 3339); default: SOURCE_DATE_EPOCH or now.
        #[arg(long, value_name = "T")]
        now: Option<String>,
        /// Include drafts, pages in review and scheduled pages (with a banner). Never for publishing.
        #[arg(long)]
        drafts: bool,
        /// Build every N-th site only: K/N (1-based), for a CI matrix.
        #[arg(long, value_name = "K/N", value_parser = parse_shard)]
        shard: Option<(usize, usize)>,
        /// Format of error messages.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Check everything `build` checks, without writing anything.
    Check {
        #[arg(long = "site", value_name = "ID")]
        sites: Vec<String>,
        #[arg(long, value_name = "T")]
        now: Option<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
}

fn parse_shard(s: &str) -> Result<(usize, usize), String> {
    let (k, n) = s.split_once('/').ok_or("write K/N, e.g. 1/4")?;
    let k: usize = k.trim().parse().map_err(|_| "K must be a number")?;
    let n: usize = n.trim().parse().map_err(|_| "N must be a number")?;
    if n == 0 || k == 0 || k > n {
        return Err("need 1 <= K <= N".into());
    }
    Ok((k, n))
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    run(cli)
}

pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Build {
            sites,
            out,
            now,
            drafts,
            shard,
            format,
        } => {
            let out = if out.is_absolute() {
                out
            } else {
                cli.root.join(out)
            };
            let selection = Selection { sites, shard };
            match crate::build(&cli.root, &out, now.as_deref(), &selection, drafts) {
                Ok(report) => {
                    println!(
                        "lantoa: {} trang web, {} trang, {} tệp → {} trong {} ms",
                        report.sites,
                        report.pages,
                        report.files,
                        report.out.display(),
                        report.elapsed.as_millis()
                    );
                    ExitCode::SUCCESS
                }
                Err(f) => report_failure(&cli.root, &f, format),
            }
        }
        Command::Check { sites, now, format } => {
            let selection = Selection { sites, shard: None };
            match crate::generate(
                &cli.root,
                now.as_deref(),
                &selection,
                crate::resolve::Mode::default(),
                &Default::default(),
            ) {
                Ok(g) => {
                    if format == Format::Text {
                        println!("lantoa check: không có lỗi ({} trang web)", g.sites.len());
                    }
                    ExitCode::SUCCESS
                }
                Err(f) => report_failure(&cli.root, &f, format),
            }
        }
    }
}

fn report_failure(root: &std::path::Path, f: &Failure, format: Format) -> ExitCode {
    let text = diagnostics::render(&f.diagnostics, format, f.lang, root);
    let errors = f.diagnostics.iter().filter(|d| d.is_error()).count();
    match format {
        Format::Text => {
            eprint!("{text}");
            let summary = match f.lang {
                crate::messages::Lang::Vi => format!(
                    "lantoa: {errors} lỗi, không xuất bản gì; thư mục xuất cũ được giữ nguyên"
                ),
                crate::messages::Lang::En => format!(
                    "lantoa: {errors} error(s), nothing published; the previous output is untouched"
                ),
            };
            if std::io::stderr().is_terminal() {
                eprintln!("\x1b[1;31m{summary}\x1b[0m");
            } else {
                eprintln!("{summary}");
            }
        }
        _ => print!("{text}"),
    }
    ExitCode::from(1)
}
