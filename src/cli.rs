//! Commands and flags (clap), and how their results are printed and mapped to exit codes:
//! 0 success, 1 problems in the content (or a missed quota with `calendar --strict`),
//! 2 the command itself could not run (e.g. no free port), 3 `build` kept some sites,
//! 4 `deploy` could not deploy some sites (the others were deployed).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::diagnostics::{self, Diagnostic, Format};
use crate::messages::{self, Lang};
use crate::scaffold::NewKind;
use crate::{Failure, Selection};

#[derive(Parser, Debug)]
#[command(
    name = "lantoa",
    version,
    // `--help` is in English, like clap's own words around it; every message lantoa prints
    // while it runs is in `crate::messages`, in the language of messages.
    about = "Static site generator for the \"Sử dụng mạng xã hội an toàn\" (safe social-network use) model of Vietnamese schools"
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
        /// Format of problems.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Any error and nothing is written (by default, only the sites a problem affects
        /// keep their previous output).
        #[arg(long)]
        all_or_nothing: bool,
    },
    /// Check everything `build` checks, without writing anything.
    Check {
        #[arg(long = "site", value_name = "ID")]
        sites: Vec<String>,
        #[arg(long, value_name = "T")]
        now: Option<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Warnings fail the check too.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Create a new page with a valid front matter (never overwrites).
    New {
        #[arg(value_enum)]
        kind: NewKind,
        /// Title, in Vietnamese.
        title: String,
        /// The unit that owns it; without it, the network's common/ folder.
        #[arg(long = "site", value_name = "ID")]
        site: Option<String>,
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
        /// Also answer requests for this host name (repeatable), e.g. a LAN name; by default
        /// only localhost, 127.0.0.1, [::1] and the --bind address.
        #[arg(long = "allow-host", value_name = "NAME")]
        allow_hosts: Vec<String>,
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
    /// Publish each site the last build updated to its target (deploy: in site.yaml or
    /// network.yaml), sending only the files whose bytes changed.
    Deploy {
        /// Only these sites (repeatable); each must have been updated by the last build.
        #[arg(long = "site", value_name = "ID")]
        sites: Vec<String>,
        /// The build's output folder (holding _editorial/build-report.json).
        #[arg(long, default_value = "public")]
        out: PathBuf,
        /// Connect and compare, but send and remove nothing.
        #[arg(long)]
        dry_run: bool,
        /// text, json (the last line is the deploy report) or github (annotations).
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Write a web server configuration for every site (one server block per site).
    ServerConfig {
        #[arg(value_enum)]
        server: ServerKind,
        /// Only these sites (repeatable). Default: every unit.
        #[arg(long = "site", value_name = "ID")]
        sites: Vec<String>,
        /// Folder of a site on the server; {site} is its id.
        #[arg(long, value_name = "DIR", default_value = "/srv/sites/{site}/")]
        sites_root: String,
        /// Write into this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

/// The web servers `lantoa server-config` writes a configuration for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ServerKind {
    Nginx,
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
    run(Cli::parse())
}

pub fn run(cli: Cli) -> ExitCode {
    let root = cli.root;
    match cli.command {
        Command::Build {
            sites,
            out,
            now,
            drafts,
            shard,
            format,
            all_or_nothing,
        } => {
            let policy = if all_or_nothing {
                crate::Policy::AllOrNothing
            } else {
                crate::Policy::Isolate
            };
            build(&root, sites, out, now, drafts, shard, format, policy)
        }
        Command::Check {
            sites,
            now,
            format,
            deny_warnings,
        } => check(&root, sites, now, format, deny_warnings),
        Command::New { kind, title, site } => new(&root, kind, &title, site),
        Command::Serve {
            port,
            bind,
            sites,
            allow_hosts,
            open,
            now,
        } => {
            let root = std::fs::canonicalize(&root).unwrap_or(root);
            match crate::serve::serve(crate::serve::ServeOptions {
                root,
                port,
                bind,
                sites,
                now,
                open,
                allow_hosts,
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
        } => calendar(&root, site, from, to, format, now, strict),
        Command::Deploy {
            sites,
            out,
            dry_run,
            format,
        } => deploy(&root, sites, out, dry_run, format),
        Command::ServerConfig {
            server: ServerKind::Nginx,
            sites,
            sites_root,
            out,
        } => server_config(&root, sites, &sites_root, out),
    }
}

/// Exit code of a deploy that could not deploy some sites (the others were deployed).
pub const DEPLOY_FAILED: u8 = 4;

fn deploy(root: &Path, only: Vec<String>, out: PathBuf, dry_run: bool, format: Format) -> ExitCode {
    use crate::deploy::{self, SiteDeploy, Target};
    let addresses = deploy::Addresses::read(root);
    let lang = Lang::choose(addresses.language.as_deref());
    deploy::set_lang(lang);
    let public = if out.is_absolute() {
        out
    } else {
        root.join(out)
    };
    let report_path = public.join("_editorial").join(crate::report::FILE);
    let report: crate::report::BuildReport = match std::fs::read_to_string(&report_path)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(r) => r,
        Err(why) => {
            eprintln!(
                "{}",
                messages::deploy_no_report(lang, &report_path.display().to_string(), &why)
            );
            return ExitCode::from(2);
        }
    };
    let updated: Vec<String> = report
        .sites
        .iter()
        .filter(|s| s.state == crate::report::SiteState::Updated)
        .map(|s| s.id.clone())
        .collect();
    let mut ids = updated.clone();
    if !only.is_empty() {
        for id in &only {
            if !updated.contains(id) {
                eprintln!("{}", messages::deploy_not_updated(lang, id));
            }
        }
        ids.retain(|id| only.contains(id));
    }
    let annotate = |level: &str, id: &str, text: &str| {
        if format == Format::Github {
            let text = text
                .replace('%', "%25")
                .replace('\r', "%0D")
                .replace('\n', "%0A");
            println!("::{level} title=lantoa deploy {id}::{text}");
        }
    };
    let mut results: Vec<SiteDeploy> = Vec::new();
    for id in &ids {
        let mut r = SiteDeploy {
            id: id.clone(),
            ..SiteDeploy::default()
        };
        let outcome = (|| -> Result<(), String> {
            let pattern = addresses
                .deploy(id)
                .ok_or_else(|| messages::deploy_no_target(lang))?;
            let target = Target::parse(&pattern, id)?;
            r.target = target.display();
            if matches!(target, Target::Ftp(_)) {
                let w = messages::deploy_plain_ftp(lang, id);
                eprintln!("{w}");
                annotate("warning", id, &w);
            }
            let files = deploy::site_files(&public, id).map_err(|e| e.to_string())?;
            deploy::deploy_to(&target, id, &public.join(id), &files, dry_run, &mut r)
                .map_err(|e| e.to_string())
        })();
        let counts = [r.sent, r.removed, r.unchanged, r.failed];
        if let Err(why) = outcome {
            r.error = Some(why.clone());
            let line = messages::deploy_failed(lang, id, &r.target, &why);
            eprintln!("{line}");
            annotate("error", id, &line);
            if counts.iter().any(|&c| c > 0) {
                eprintln!(
                    "{}",
                    messages::deploy_site(lang, id, &r.target, counts, dry_run)
                );
            }
        } else if format == Format::Json {
            eprintln!(
                "{}",
                messages::deploy_site(lang, id, &r.target, counts, dry_run)
            );
        } else {
            println!(
                "{}",
                messages::deploy_site(lang, id, &r.target, counts, dry_run)
            );
        }
        results.push(r);
    }
    let failed = results.iter().filter(|r| r.error.is_some()).count();
    let summary = messages::deploy_summary(lang, results.len() - failed, failed, dry_run);
    if failed > 0 || format == Format::Json {
        eprintln!("{summary}");
    } else {
        println!("{summary}");
    }
    if format == Format::Json {
        let line = serde_json::json!({ "deploy_report": { "dry_run": dry_run, "sites": results } });
        println!("{line}");
    }
    if failed > 0 {
        ExitCode::from(DEPLOY_FAILED)
    } else {
        ExitCode::SUCCESS
    }
}

fn server_config(
    root: &Path,
    only: Vec<String>,
    sites_root: &str,
    out: Option<PathBuf>,
) -> ExitCode {
    let addresses = crate::deploy::Addresses::read(root);
    let lang = Lang::choose(addresses.language.as_deref());
    let mut ids = addresses.site_ids();
    if !only.is_empty() {
        ids.retain(|id| only.contains(id));
    }
    let sites: Vec<(String, String)> = ids
        .iter()
        .map(|id| (id.clone(), addresses.base_url(id)))
        .collect();
    let text = crate::deploy::nginx::config(&sites, sites_root);
    match out {
        None => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Some(path) => match std::fs::write(&path, text) {
            Ok(()) => {
                eprintln!(
                    "{}",
                    messages::server_config_written(lang, &path.display().to_string(), sites.len())
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("lantoa: {}: {e}", path.display());
                ExitCode::from(2)
            }
        },
    }
}

#[allow(clippy::too_many_arguments)]
fn build(
    root: &Path,
    sites: Vec<String>,
    out: PathBuf,
    now: Option<String>,
    drafts: bool,
    shard: Option<(usize, usize)>,
    format: Format,
    policy: crate::Policy,
) -> ExitCode {
    let out = if out.is_absolute() {
        out
    } else {
        root.join(out)
    };
    let selection = Selection { sites, shard };
    match crate::build(root, &out, now.as_deref(), &selection, drafts, policy) {
        Ok(report) => {
            print_grouped(root, &report.errors, format, report.lang);
            print_problems(root, &report.warnings, format, report.lang);
            println!(
                "{}",
                messages::build_summary(
                    report.lang,
                    (report.sites, report.pages, report.files),
                    &report.out.display().to_string(),
                    report.elapsed.as_millis(),
                    report.warnings.len(),
                )
            );
            if report.images != (0, 0) {
                println!(
                    "{}",
                    messages::images_summary(report.lang, report.images.0, report.images.1)
                );
            }
            if let Some(n) = &report.next_change {
                println!(
                    "{}",
                    messages::next_change_line(report.lang, true, &n.at, &n.reason, &n.file)
                );
            }
            let kept: Vec<_> = report.kept().collect();
            if format == Format::Json {
                println!("{}", report_line(&report.report));
            }
            if kept.is_empty() {
                return ExitCode::SUCCESS;
            }
            for k in &kept {
                eprintln!(
                    "{}",
                    crate::messages::site_kept(report.lang, &k.id, k.problems.len())
                );
            }
            eprintln!(
                "{}",
                crate::messages::build_partial(report.lang, report.sites, kept.len())
            );
            ExitCode::from(PARTIAL)
        }
        Err(f) => report_failure(root, &f, format, "build"),
    }
}

/// Exit code of a build that updated some sites and kept others (problems in those).
pub const PARTIAL: u8 = 3;

/// The build report as one JSON line (the last line of `--format json`).
fn report_line(report: &crate::report::BuildReport) -> String {
    serde_json::to_string(&serde_json::json!({ "build_report": report })).unwrap_or_default()
}

/// Prints errors grouped by the sites they affect (text), or each with its `sites` (JSON,
/// GitHub annotations).
fn print_grouped(root: &Path, problems: &[Diagnostic], format: Format, lang: Lang) {
    if format != Format::Text {
        return print_problems(root, problems, format, lang);
    }
    if problems.iter().all(|d| d.sites.is_empty()) {
        return print_problems(root, problems, format, lang); // found before the sites were known
    }
    let mut groups: Vec<(&[String], Vec<Diagnostic>)> = Vec::new();
    for d in problems {
        match groups.iter_mut().find(|(s, _)| *s == d.sites.as_slice()) {
            Some((_, list)) => list.push(d.clone()),
            None => groups.push((&d.sites, vec![d.clone()])),
        }
    }
    for (sites, list) in groups {
        eprintln!(
            "{}",
            crate::messages::problems_of_sites(lang, sites, list.len())
        );
        print_problems(root, &list, format, lang);
    }
}

fn check(
    root: &Path,
    sites: Vec<String>,
    now: Option<String>,
    format: Format,
    deny_warnings: bool,
) -> ExitCode {
    let selection = Selection { sites, shard: None };
    match crate::generate(
        root,
        now.as_deref(),
        &selection,
        crate::resolve::Mode::default(),
        None,
        crate::Policy::Isolate,
    ) {
        Ok(g) => {
            let lang = Lang::choose(g.project.network.language.as_deref());
            print_grouped(root, &g.errors, format, lang);
            print_problems(root, &g.warnings, format, lang);
            let errors = g.errors.iter().filter(|d| d.is_error()).count();
            let fail = errors > 0 || (deny_warnings && !g.warnings.is_empty());
            if format == Format::Text {
                let sites = g.output.sites.len();
                let w = g.warnings.len();
                match (errors > 0, fail) {
                    (true, _) => {
                        eprintln!("{}", messages::check_failed(lang, errors, g.kept.len()))
                    }
                    (false, false) => println!("{}", messages::check_ok(lang, sites, w)),
                    (false, true) => eprintln!("{}", messages::check_denied(lang, w)),
                }
            }
            if fail {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(f) => report_failure(root, &f, format, "check"),
    }
}

fn new(root: &Path, kind: NewKind, title: &str, site: Option<String>) -> ExitCode {
    // `new` does not load the project: `LANTOA_LANG`, else Vietnamese.
    let lang = crate::language_before_load();
    let today = crate::dates::build_time(None)
        .map(|z| z.date())
        .unwrap_or_else(|_| jiff::Zoned::now().date());
    match crate::scaffold::create(root, kind, title, site.as_deref(), today) {
        Ok(path) => {
            let shown = diagnostics::display_path(path.strip_prefix(root).unwrap_or(&path));
            println!("{}", messages::created(lang, &shown));
            ExitCode::SUCCESS
        }
        Err(d) => {
            print_problems(root, &[d], Format::Text, lang);
            ExitCode::from(1)
        }
    }
}

/// Prints warnings (or any problems) to stderr as text, to stdout as JSON or annotations.
fn print_problems(root: &Path, problems: &[Diagnostic], format: Format, lang: Lang) {
    if problems.is_empty() {
        return;
    }
    let text = diagnostics::render(problems, format, lang, root);
    match format {
        Format::Text => eprint!("{text}"),
        _ => print!("{text}"),
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
    let fail = |d: Vec<Diagnostic>, lang: Lang| {
        report_failure(
            root,
            &Failure {
                diagnostics: d,
                lang,
            },
            Format::Text,
            "calendar",
        )
    };
    let now = match crate::dates::build_time(now.as_deref()) {
        Ok(n) => n,
        Err(v) => {
            return fail(
                vec![Diagnostic::error("--now", 0, Problem::BadDate { value: v })],
                crate::language_before_load(),
            );
        }
    };
    let project = match crate::load::load(root) {
        Ok(p) => p,
        Err(e) => return fail(e.problems, e.lang),
    };
    let lang = project.lang();
    // The same checks as `build` (no photos: the calendar shows no page).
    let ready = crate::prepare::prepare(
        &project,
        Default::default(),
        &now,
        crate::resolve::Mode::Publish,
        None,
        None,
    );
    if !ready.errors.is_empty() {
        return fail(ready.errors, lang);
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
        (f, t) => return fail([f.err(), t.err()].into_iter().flatten().collect(), lang),
    };
    let units: Vec<&crate::load::config::Site> = match &site {
        None => project.sites.iter().collect(),
        Some(id) => match project.site(id) {
            Some(s) => cal::subtree(&project, s),
            None => {
                return fail(
                    vec![Diagnostic::error(
                        format!("--site {id}"),
                        0,
                        crate::load::config::unknown_site(
                            id,
                            project.sites.iter().map(|s| s.id.as_str()),
                        ),
                    )],
                    lang,
                );
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
                return fail(
                    vec![Diagnostic::error(
                        "--site",
                        0,
                        Problem::MissingField {
                            field: "--site".into(),
                        },
                    )],
                    lang,
                );
            }
        },
    };
    print!("{text}");
    if format == CalendarFormat::Table
        && let Some(n) = cal::next_change(&project, &now)
    {
        println!(
            "{}",
            messages::next_change_line(lang, false, &n.at, &n.reason, &n.file)
        );
    }
    let missed: usize = plan.units.iter().map(|u| u.missed_weeks()).sum();
    if strict && missed > 0 {
        eprintln!("{}", messages::calendar_missed(lang, missed));
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// Prints a failed run's problems and a closing line: `build` says its output is kept; the
/// other commands (`command`: "check", "calendar") never write.
fn report_failure(root: &Path, f: &Failure, format: Format, command: &str) -> ExitCode {
    let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) =
        f.diagnostics.iter().cloned().partition(|d| d.is_error());
    print_grouped(root, &errors, format, f.lang);
    print_problems(root, &warnings, format, f.lang);
    let errors = f.diagnostics.iter().filter(|d| d.is_error()).count();
    if format == Format::Text {
        let summary = messages::command_failed(f.lang, command, errors);
        if std::io::stderr().is_terminal() {
            eprintln!("\x1b[1;31m{summary}\x1b[0m");
        } else {
            eprintln!("{summary}");
        }
    }
    ExitCode::from(1)
}
