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
    /// Preview every site with live reload (drafts shown with a banner); nothing is written.
    Serve {
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on. Anything but loopback lets the whole network see drafts.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Only these sites (repeatable).
        #[arg(long = "site", value_name = "ID")]
        sites: Vec<String>,
        /// Open the browser.
        #[arg(long)]
        open: bool,
        #[arg(long, value_name = "T")]
        now: Option<String>,
    },
    /// The posting plan: per unit and ISO week, posts against the quotas; key dates.
    Calendar {
        /// The unit (and, for an office or the department, every unit below it). Default: all.
        #[arg(long = "site", value_name = "ID")]
        site: Option<String>,
        /// First day (YYYY-MM-DD). Default: 1 September of the current school year.
        #[arg(long, value_name = "D")]
        from: Option<String>,
        /// Last day (YYYY-MM-DD). Default: four weeks after today.
        #[arg(long, value_name = "D")]
        to: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: CalendarFormat,
        #[arg(long, value_name = "T")]
        now: Option<String>,
        /// Exit 1 when a finished week missed a quota (for CI).
        #[arg(long)]
        strict: bool,
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

/// Output of `lantoa calendar`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CalendarFormat {
    Table,
    Csv,
    Json,
    Ics,
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
                    if let Some(n) = &report.next_change {
                        println!(
                            "lantoa: lần tự thay đổi tiếp theo: {} — {} ({})",
                            n.at, n.reason, n.file
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(f) => report_failure(&cli.root, &f, format),
            }
        }
        Command::Serve {
            port,
            bind,
            sites,
            open,
            now,
        } => {
            let root = std::fs::canonicalize(&cli.root).unwrap_or(cli.root.clone());
            match crate::serve::serve(crate::serve::ServeOptions {
                root,
                port,
                bind,
                sites,
                now,
                open,
            }) {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("lantoa serve: {message}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Calendar {
            site,
            from,
            to,
            format,
            now,
            strict,
        } => calendar(&cli.root, site, from, to, format, now, strict),
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
                        println!(
                            "lantoa check: không có lỗi ({} trang web)",
                            g.output.sites.len()
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(f) => report_failure(&cli.root, &f, format),
            }
        }
    }
}

fn calendar(
    root: &std::path::Path,
    site: Option<String>,
    from: Option<String>,
    to: Option<String>,
    format: CalendarFormat,
    now: Option<String>,
    strict: bool,
) -> ExitCode {
    use crate::diagnostics::Diagnostic;
    use crate::features::calendar as cal;
    use crate::messages::Problem;
    let lang = crate::language_of(root);
    let fail = |d: Vec<Diagnostic>| {
        report_failure(
            root,
            &Failure {
                diagnostics: d,
                lang,
            },
            Format::Text,
        )
    };
    let now = match crate::dates::build_time(now.as_deref()) {
        Ok(n) => n,
        Err(v) => {
            return fail(vec![Diagnostic::error(
                "--now",
                0,
                Problem::BadDate { value: v },
            )]);
        }
    };
    let project = match crate::load::load(root) {
        Ok(p) => p,
        Err(d) => return fail(d),
    };
    let errors = cal::validate(&project);
    if !errors.is_empty() {
        return fail(errors);
    }
    let (default_from, default_to) = cal::default_range(now.date());
    let parse_day = |flag: &str, v: Option<String>, default| match v {
        None => Ok(default),
        Some(v) => v
            .parse::<jiff::civil::Date>()
            .map_err(|_| Diagnostic::error(flag, 0, Problem::BadDate { value: v })),
    };
    let (from, to) = match (
        parse_day("--from", from, default_from),
        parse_day("--to", to, default_to),
    ) {
        (Ok(f), Ok(t)) => (f, t),
        (f, t) => return fail([f.err(), t.err()].into_iter().flatten().collect()),
    };
    let units: Vec<&crate::load::config::Site> = match &site {
        None => project.sites.iter().collect(),
        Some(id) => match project.site(id) {
            Some(s) => cal::subtree(&project, s),
            None => {
                return fail(vec![Diagnostic::error(
                    "--site",
                    0,
                    Problem::UnknownSite { id: id.clone() },
                )]);
            }
        },
    };
    let plan = cal::plan(&project, &now, &units, from, to);
    let text = match format {
        CalendarFormat::Table => cal::to_table(&plan),
        CalendarFormat::Csv => cal::to_csv(&plan),
        CalendarFormat::Json => cal::to_json(&plan) + "\n",
        CalendarFormat::Ics => match &site {
            Some(id) => cal::to_ics(
                &project,
                project.site(id).expect("checked"),
                &now,
                from,
                to,
                true,
            ),
            None => {
                return fail(vec![Diagnostic::error(
                    "--site",
                    0,
                    Problem::MissingField {
                        field: "--site".into(),
                    },
                )]);
            }
        },
    };
    print!("{text}");
    if format == CalendarFormat::Table
        && let Some(n) = cal::next_change(&project, &now)
    {
        println!(
            "Lần trang web tự thay đổi tiếp theo: {} — {} ({})",
            n.at, n.reason, n.file
        );
    }
    let missed: usize = plan.units.iter().map(|u| u.missed_weeks()).sum();
    if strict && missed > 0 {
        eprintln!("lantoa calendar: {missed} tuần đã qua không đạt chỉ tiêu");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
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
