//! The `anslag` command line: a thin layer over the library.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};

use anslag::build::{BuildOptions, Builder, build_with};
use anslag::diagnostics::Diagnostics;
use anslag::site::clock::Clock;

// Rendering allocates many short strings on both cores; mimalloc's per-thread heaps spend a
// fraction of glibc's time on it (measured in benches/README.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "anslag",
    version,
    about = "Publish a municipality's press releases, minutes and notices from Markdown"
)]
struct Cli {
    /// The site folder (holding site.yaml and content/).
    #[arg(long, global = true, default_value = ".")]
    site: PathBuf,
    /// Print only errors.
    #[arg(long, short, global = true)]
    quiet: bool,
    /// Print the time of each phase.
    #[arg(long, short, global = true)]
    verbose: bool,
    /// Act as if it were this moment (RFC 3339, or a date and time in the site's zone), for
    /// reproducible output: what is published, expired or due, and the dates in email.
    #[arg(long, global = true)]
    now: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (atomically: all or nothing).
    Build {
        /// Where to write the site (default: SITE/public).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Also build drafts and embargoed documents, marked as such.
        #[arg(long)]
        drafts: bool,
        /// Also write a .gz and a .br beside each HTML, CSS, XML, JSON, text, calendar and
        /// feed file, for web servers that send precompressed files (nginx gzip_static).
        #[arg(long)]
        compress: bool,
    },
    /// Check the site: links and anchors, translations of urgent notices, accessibility,
    /// personal identity numbers, readability, closed-item leaks. Exits 1 on errors.
    Check {
        /// text (default) or json
        #[arg(long, default_value = "text")]
        format: ReportFormat,
        /// The output folder of the last build, whose document pages must still be made
        /// (default: SITE/public).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Manage the subscriber store: import, export (right of access), erase, list.
    Subscribers {
        #[command(subcommand)]
        action: SubscribersAction,
    },
    /// Read bounces and complaints: from a mail system (`receive`) or a mailbox (`import`).
    Bounces {
        #[command(subcommand)]
        action: BouncesAction,
    },
    /// Start a new document, with every field filled in or explained (a draft until you
    /// remove `draft: true`).
    New {
        /// press, minutes or notice
        kind: DocKind,
        /// The document's title.
        title: String,
        /// Languages to write it in, e.g. sv,en (default: the default language; all languages
        /// for a crisis notice).
        #[arg(long, value_delimiter = ',')]
        lang: Vec<String>,
        /// A crisis notice: a banner on every page, sent at once to every subscriber.
        #[arg(long)]
        crisis: bool,
    },
    /// Build the site, then queue and send what is due by email: crisis notices in force at
    /// once to every subscriber, digests when due. Running it twice in a row sends nothing new.
    Publish {
        /// Where to write the site (default: SITE/public).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Write the messages a run would send as .eml files into DIR; sends and changes
        /// nothing.
        #[arg(long, value_name = "DIR")]
        dry_run: Option<PathBuf>,
        /// SMTP connections at once (default: mail.smtp.connections in site.yaml).
        #[arg(long)]
        connections: Option<usize>,
        /// Leave out the precompressed .gz and .br files that publish writes beside each HTML,
        /// CSS, XML, JSON, text, calendar and feed file (for web servers that send them as
        /// they are, e.g. nginx gzip_static).
        #[arg(long)]
        no_compress: bool,
        /// Keep running: publish whenever the site's files change and at every moment
        /// something falls due (embargoes, expiries, digests, retries), until SIGTERM.
        #[arg(long, conflicts_with = "dry_run")]
        watch: bool,
        /// Send now what waits for its back-off after a failed try (e.g. once the relay is
        /// back), instead of at its time.
        #[arg(long)]
        retry_now: bool,
    },
    /// List every future moment at which the built site changes by itself: embargoes lifting,
    /// notices expiring or ending, notice-board entries coming and going, digests falling due.
    Schedule {
        /// text (default) or json
        #[arg(long, default_value = "text")]
        format: ReportFormat,
    },
    /// Make a new site in DIR, with a site.yaml to edit and one example of each kind.
    Init { dir: PathBuf },
    /// Translations against their source: which are missing, up to date, stale or untracked;
    /// `mark` to record the source of a translation made by hand; `export` and `import` of
    /// XLIFF 2.1 and PO files for translators.
    Translations {
        #[command(subcommand)]
        action: TranslationsAction,
    },
    /// Preview the site while you write: build, serve on loopback, rebuild on every change.
    Serve {
        /// Address to listen on (loopback by default; port 0 picks a free one).
        #[arg(long, default_value = "127.0.0.1:1111")]
        listen: std::net::SocketAddr,
        /// Where the preview is written (default: SITE/.anslag/preview; never public/, since a
        /// preview holds drafts).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// What became of the messages of a notice, per language: queued, waiting, deferred,
    /// sent, failed, bounced, unknown, and when the last went out.
    Report {
        /// The notice: its id (notices/schools-closed-water) or one of its files (default:
        /// what the last `anslag publish` queued).
        notice: Option<String>,
        /// text (default) or json
        #[arg(long, default_value = "text")]
        format: ReportFormat,
    },
    /// The subscription service that the site's forms post to.
    Subscriptions {
        #[command(subcommand)]
        action: SubscriptionsAction,
    },
}

#[derive(Subcommand)]
enum SubscriptionsAction {
    /// Serve subscribe, confirm, preferences and unsubscribe pages, and send confirmations.
    /// Stops on SIGTERM or Ctrl+C after the requests under way.
    Serve {
        /// Address to listen on (default: $ANSLAG_SERVICE_LISTEN, else 127.0.0.1:8025; port 0
        /// picks a free one). Put a reverse proxy with TLS in front (see the README).
        #[arg(long)]
        listen: Option<std::net::SocketAddr>,
        /// Queue confirmations without sending them (another process sends the outbox).
        #[arg(long)]
        no_send: bool,
    },
}

#[derive(Subcommand)]
enum SubscribersAction {
    /// Add or update confirmed subscribers from a CSV file with a consent column.
    Import { file: PathBuf },
    /// Print everything stored about one person, as JSON.
    Export { address: String },
    /// Delete everything about one person (a salted hash stops re-import without new consent).
    Erase { address: String },
    /// Counts per status, language and topic (never addresses).
    List,
}

#[derive(Subcommand)]
enum BouncesAction {
    /// Read one message on standard input (a Postfix `pipe` transport or a `.forward`). Exit
    /// status 0: processed; 75: try again later (the store could not be used); 1: not a bounce
    /// or complaint, and no `--keep` folder.
    Receive {
        /// A Maildir to deliver messages that changed nothing into (not bounces, forged return
        /// paths), instead of exiting with status 1.
        #[arg(long)]
        keep: Option<PathBuf>,
    },
    /// Read every message of a Maildir folder or an mbox file (only read, never changed).
    Import { mailbox: PathBuf },
}

#[derive(Subcommand)]
enum TranslationsAction {
    /// Per document and language: missing, up-to-date, stale (with the changed segments and
    /// the source's change date) or untracked.
    Status {
        /// Only this language.
        #[arg(long)]
        lang: Option<String>,
        /// text (default) or json
        #[arg(long, default_value = "text")]
        format: ReportFormat,
    },
    /// Record in FILE, a translation, the source text as it is now: it was translated from it.
    Mark {
        file: PathBuf,
        /// The language it was translated from (default: what it records, else the site's
        /// default language).
        #[arg(long)]
        from: Option<String>,
    },
    /// Write what there is to translate into LANG as XLIFF 2.1 (for an agency's tools) or PO
    /// (for Weblate, Poedit): a unit per segment, with the current translation where there is
    /// one, marked stale where its source changed since.
    Export {
        /// The languages to translate into, separated by commas (`ar,fa,so`).
        #[arg(long, value_delimiter = ',', required = true)]
        lang: Vec<String>,
        /// Only the segments that are new, stale or untracked.
        #[arg(long)]
        only_changed: bool,
        /// xliff (default) or po
        #[arg(long, default_value = "xliff")]
        format: ExchangeFormat,
        /// The folder to write the files in.
        #[arg(long)]
        out: PathBuf,
        /// A file per document and language, instead of one per language.
        #[arg(long)]
        per_document: bool,
    },
    /// Write the translations in FILEs (XLIFF or PO, from `export`) into the `.LANG.md` files.
    /// A unit whose source changed since the export is refused.
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Take units whose source changed since the export as they are.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ExchangeFormat {
    Xliff,
    Po,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ReportFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum DocKind {
    Press,
    Minutes,
    Notice,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let Some(clock) = clock_for(&cli) else {
        return ExitCode::FAILURE;
    };
    let (site, quiet, verbose) = (cli.site.clone(), cli.quiet, cli.verbose);
    match cli.command {
        Command::Subscribers { action } => subscribers(&site, &clock, action),
        Command::Bounces { action } => bounces(&site, &clock, action),
        Command::Check { format, output } => {
            let previous = output.unwrap_or_else(|| site.join("public"));
            check(&site, &clock, format, &previous)
        }
        Command::Schedule { format } => schedule(&site, &clock, format),
        Command::Report { notice, format } => delivery_report(&site, notice.as_deref(), format),
        Command::Translations { action } => translations(&site, &clock, action),
        Command::New {
            kind,
            title,
            lang,
            crisis,
        } => new_document(&site, &clock, kind, &title, lang, crisis),
        Command::Init { dir } => finish(anslag::authoring::init::init(&dir), |paths| {
            for p in paths {
                println!("Wrote {}", dir.join(p).display());
            }
            println!(
                "Edit {}/site.yaml, then run `anslag --site {} serve`.",
                dir.display(),
                dir.display()
            );
        }),
        Command::Subscriptions {
            action: SubscriptionsAction::Serve { listen, no_send },
        } => subscriptions_serve(site, clock, listen, !no_send, (quiet, verbose)),
        Command::Serve { listen, output } => {
            let output = output.unwrap_or_else(|| site.join(".anslag").join("preview"));
            match anslag::serve::serve(anslag::serve::ServeOptions {
                root: site,
                clock,
                output,
                listen,
            }) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e:#}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Publish {
            output,
            dry_run,
            connections,
            no_compress,
            watch,
            retry_now,
        } => {
            use std::io::IsTerminal;
            let opts = anslag::publish::PublishOptions {
                build: BuildOptions {
                    output: output.unwrap_or_else(|| site.join("public")),
                    root: site,
                    clock,
                    drafts: false,
                    // Publishing is for the web server: precompressed copies by default.
                    compress: !no_compress,
                },
                dry_run,
                progress: !quiet && std::io::stderr().is_terminal(),
                connections,
                retry_now,
            };
            if watch {
                return match anslag::publish::watch::watch(&opts, quiet) {
                    Ok(()) => ExitCode::SUCCESS,
                    Err(diags) => {
                        diags.eprint();
                        ExitCode::FAILURE
                    }
                };
            }
            publish(&opts, quiet, verbose)
        }
        Command::Build {
            output,
            drafts,
            compress,
        } => {
            let opts = BuildOptions {
                output: output.unwrap_or_else(|| site.join("public")),
                root: site,
                clock,
                drafts,
                compress,
            };
            build(opts, quiet, verbose)
        }
    }
}

/// The one clock, handed down to every command (`None` after saying why `--now` is wrong). The
/// subscription service's tests set it through the environment, where they cannot pass a flag.
fn clock_for(cli: &Cli) -> Option<Clock> {
    let now = cli.now.clone().or_else(|| match &cli.command {
        Command::Subscriptions { .. } => std::env::var(anslag::subscriptions::env::NOW)
            .ok()
            .filter(|v| !v.trim().is_empty()),
        _ => None,
    });
    match Clock::from_flag(now.as_deref()) {
        Ok(c) => Some(c),
        Err(m) => {
            anslag::diagnostics::eprint(&[anslag::diagnostics::Diagnostic::flag("--now", m).hint(
                format!("write the time like {}", anslag::site::clock::EXAMPLE),
            )]);
            None
        }
    }
}

/// Success runs `ok`; problems are printed. The exit status says which.
fn finish<T>(result: Result<T, Diagnostics>, ok: impl FnOnce(T)) -> ExitCode {
    match result {
        Ok(v) => {
            ok(v);
            ExitCode::SUCCESS
        }
        Err(d) => {
            d.eprint();
            ExitCode::FAILURE
        }
    }
}

fn subscribers(site: &Path, clock: &Clock, action: SubscribersAction) -> ExitCode {
    use anslag::mail::subscribers::{SubscribersCommand, run};
    let cmd = match action {
        SubscribersAction::Import { file } => SubscribersCommand::Import { file },
        SubscribersAction::Export { address } => SubscribersCommand::Export { address },
        SubscribersAction::Erase { address } => SubscribersCommand::Erase { address },
        SubscribersAction::List => SubscribersCommand::List,
    };
    let result = anslag::config::load(site)
        .and_then(|config| run(site, &config, cmd, clock.now_utc(config.tz)));
    match result {
        // An import that refused rows stored the rest and listed the refused ones; the exit
        // status tells a script that some were left out.
        Ok(printed) if !printed.complete => {
            print!("{}", printed.text);
            ExitCode::FAILURE
        }
        r => finish(r, |printed| print!("{}", printed.text)),
    }
}

fn delivery_report(site: &Path, notice: Option<&str>, format: ReportFormat) -> ExitCode {
    use anslag::mail::report::{Selection, document_id};
    let selection = notice.map_or(Selection::LastRun, |n| Selection::Document(document_id(n)));
    let result = anslag::config::load(site)
        .and_then(|config| anslag::mail::subscribers::store_path(site, &config))
        .and_then(|path| {
            anslag::mail::store::open(&path)
                .map_err(anslag::mail::store::StoreError::from)
                .and_then(|conn| anslag::mail::report::report(&conn, &selection))
                .map_err(|e| {
                    Diagnostics(vec![anslag::diagnostics::Diagnostic::error(
                        &path,
                        e.to_string(),
                    )])
                })
        });
    finish(result, |report| match format {
        ReportFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        ),
        ReportFormat::Text => {
            print!("{}", report.text());
            if report.total.queued == 0 && report.document.is_some() {
                println!(
                    "  (no message in the outbox carries it: name a notice like notices/schools-closed-water, or one of its files)"
                );
            }
        }
    })
}

fn bounces(site: &Path, clock: &Clock, action: BouncesAction) -> ExitCode {
    use anslag::mail::bounces::command;
    let loaded = anslag::config::load(site);
    let now = loaded
        .as_ref()
        .map(|c| clock.now_utc(c.tz))
        .unwrap_or_else(|_| clock.now_utc(chrono_tz::UTC));
    let opened = loaded.and_then(|config| command::open(site, &config));
    match action {
        BouncesAction::Receive { keep } => {
            let code = command::receive(opened, &mut std::io::stdin().lock(), keep.as_deref(), now);
            ExitCode::from(code)
        }
        BouncesAction::Import { mailbox } => match opened {
            Ok(o) => finish(command::import(&o, &mailbox, now), |report| {
                print!("{report}")
            }),
            Err(d) => {
                d.eprint();
                ExitCode::FAILURE
            }
        },
    }
}

fn check(site: &Path, clock: &Clock, format: ReportFormat, previous: &Path) -> ExitCode {
    let loaded = match anslag::build::load_for_check(site, clock) {
        Ok(s) => s,
        Err(d) => return finish::<()>(Err(d), |_| {}),
    };
    let report = anslag::check::check_site_against(site, &loaded, previous);
    match format {
        ReportFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&report.to_json()).unwrap_or_default()
        ),
        ReportFormat::Text => {
            use std::io::IsTerminal;
            let colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal();
            print!("{}", report.to_text(colour));
        }
    }
    if report.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn translations(site: &Path, clock: &Clock, action: TranslationsAction) -> ExitCode {
    use anslag::translations as tr;
    let loaded = anslag::build::load_for_check(site, clock);
    match action {
        TranslationsAction::Status { lang, format } => finish(loaded, |loaded| {
            let rows = tr::status(&loaded, lang.as_deref());
            match format {
                ReportFormat::Json => println!(
                    "{}",
                    serde_json::to_string_pretty(&tr::to_json(&rows)).unwrap_or_default()
                ),
                ReportFormat::Text => print!("{}", tr::to_text(&rows)),
            }
        }),
        TranslationsAction::Export {
            lang,
            only_changed,
            format,
            out,
            per_document,
        } => {
            let opts = tr::export::ExportOptions {
                langs: &lang,
                only_changed,
                format: match format {
                    ExchangeFormat::Xliff => tr::export::Format::Xliff,
                    ExchangeFormat::Po => tr::export::Format::Po,
                },
                out: &out,
                per_document,
            };
            finish(
                loaded.and_then(|loaded| tr::export::export(&loaded, &opts)),
                |files| {
                    for f in files {
                        println!(
                            "Wrote {} ({} documents, {} units)",
                            f.path.display(),
                            f.documents,
                            f.units
                        );
                    }
                },
            )
        }
        TranslationsAction::Import { files, force } => finish(
            loaded.and_then(|loaded| tr::import::import(site, &loaded, &files, force)),
            |written| {
                for w in written {
                    println!("{}", tr::import::describe(&w));
                }
            },
        ),
        TranslationsAction::Mark { file, from } => finish(
            loaded.and_then(|loaded| tr::mark(site, &loaded, &file, from.as_deref())),
            |m| {
                println!(
                    "Marked {} as translated from {} ({} segments)",
                    m.path.display(),
                    m.from,
                    m.segments
                )
            },
        ),
    }
}

fn schedule(site: &Path, clock: &Clock, format: ReportFormat) -> ExitCode {
    use anslag::site::schedule::{self, DigestTimes};
    let result = anslag::build::load_for_check(site, clock).and_then(|loaded| {
        let digests = match &loaded.config.site.mail {
            Some(mail) => {
                let s = anslag::publish::Schedule::from_settings(mail, site)?;
                Some(DigestTimes {
                    time: s.digest_time,
                    weekly_day: s.weekly_day,
                })
            }
            None => None,
        };
        Ok(schedule::upcoming(&loaded, digests))
    });
    finish(result, |changes| match format {
        ReportFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&schedule::to_json(&changes)).unwrap_or_default()
        ),
        ReportFormat::Text => print!("{}", schedule::to_text(&changes)),
    })
}

fn new_document(
    site: &Path,
    clock: &Clock,
    kind: DocKind,
    title: &str,
    langs: Vec<String>,
    crisis: bool,
) -> ExitCode {
    let kind = match kind {
        DocKind::Press => anslag::content::Kind::Press,
        DocKind::Minutes => anslag::content::Kind::Minutes,
        DocKind::Notice => anslag::content::Kind::Notices,
    };
    let result = anslag::config::load(site).and_then(|config| {
        let opts = anslag::authoring::new::NewOptions {
            kind,
            title,
            langs,
            crisis,
            now: clock.now(config.tz),
        };
        anslag::authoring::new::new_document(site, &config, &opts)
    });
    finish(result, |paths| {
        for p in paths {
            println!("Wrote {}", site.join(p).display());
        }
        println!(
            "It is a draft: fill in the summary and text, then remove `draft: true`. Preview it with `anslag serve`."
        );
    })
}

fn subscriptions_serve(
    root: PathBuf,
    clock: Clock,
    listen: Option<std::net::SocketAddr>,
    send: bool,
    (quiet, verbose): (bool, bool),
) -> ExitCode {
    use anslag::subscriptions::{ServeOptions, StartError, serve};
    match serve(ServeOptions {
        root,
        clock,
        listen,
        send,
        quiet,
        verbose,
    }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(StartError::Site(d)) => finish::<()>(Err(d), |_| {}),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn build(opts: BuildOptions, quiet: bool, verbose: bool) -> ExitCode {
    let started = Instant::now();
    let output = opts.output.clone();
    use std::io::IsTerminal;
    let progress = !quiet && std::io::stderr().is_terminal();
    match build_with(Builder::new(opts).with_progress(progress)) {
        Ok(report) => {
            anslag::diagnostics::eprint(&report.warnings);
            if verbose {
                for (phase, d) in &report.timings {
                    eprintln!("{phase:>28}: {:.1} ms", d.as_secs_f64() * 1000.0);
                }
                eprintln!(
                    "Images: {} processed, {} from the cache",
                    report.images.made, report.images.reused
                );
            }
            if !quiet {
                println!(
                    "Built {} documents into {} files in {} in {:.2} s",
                    report.documents,
                    report.files,
                    output.display(),
                    started.elapsed().as_secs_f64()
                );
            }
            ExitCode::SUCCESS
        }
        Err(diags) => {
            diags.eprint();
            eprintln!(
                "error: the build failed with {} error{}; {} was left as it was",
                diags.error_count(),
                if diags.error_count() == 1 { "" } else { "s" },
                output.display()
            );
            ExitCode::FAILURE
        }
    }
}

fn publish(opts: &anslag::publish::PublishOptions, quiet: bool, verbose: bool) -> ExitCode {
    use anslag::publish::publish;
    let started = Instant::now();
    let output = &opts.build.output;
    let dry_run = &opts.dry_run;
    match publish(opts) {
        Ok(report) if report.unchanged => {
            if !quiet {
                println!(
                    "Nothing changed and nothing fell due since the last publish: {} is as it was",
                    output.display()
                );
            }
            ExitCode::SUCCESS
        }
        Ok(report) => {
            anslag::diagnostics::eprint(&report.build.warnings);
            if let Some(sent) = &report.sent {
                for (address, error) in &sent.failures {
                    eprintln!("warning: not delivered to {address}: {error}");
                }
            }
            if !quiet {
                println!(
                    "Built {} documents into {} files in {}",
                    report.build.documents,
                    report.build.files,
                    output.display()
                );
                match (&report.queued, &report.sent) {
                    (None, _) => println!("No `mail:` section in site.yaml: nothing to send"),
                    (Some(q), None) => println!(
                        "Dry run: {} crisis and {} digest messages queued; {} messages written to {} (nothing sent, the store is unchanged)",
                        q.crisis,
                        q.digests,
                        report.dry_run_files,
                        dry_run
                            .as_deref()
                            .unwrap_or(std::path::Path::new("."))
                            .display()
                    ),
                    (Some(q), Some(s)) => {
                        println!(
                            "Queued {} crisis and {} digest messages; sent {}, failed {}, unknown {}, to retry {} ({:.0} messages/s)",
                            q.crisis,
                            q.digests,
                            s.sent,
                            s.failed,
                            s.unknown,
                            s.waiting,
                            s.sent as f64 / s.elapsed.as_secs_f64().max(1e-3)
                        );
                        if let Some(p) = report.pruned.filter(|p| p.pending + p.reduced > 0) {
                            println!(
                                "Removed for their age: {} subscriptions never confirmed; {} ended ones reduced to the address hash",
                                p.pending, p.reduced
                            );
                        }
                        if let Some(delivery) = &report.delivery {
                            print!("{}", delivery.text());
                        }
                        if s.recovered.requeued + s.recovered.unknown > 0 {
                            println!(
                                "Took back {} messages from a run that stopped ({} of them may have been sent; crisis messages among them were sent again)",
                                s.recovered.requeued + s.recovered.unknown,
                                s.recovered.unknown
                            );
                        }
                    }
                }
                if verbose {
                    eprintln!("publish took {:.2} s", started.elapsed().as_secs_f64());
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            e.diagnostics.eprint();
            match e.kind {
                // EX_TEMPFAIL (sysexits.h): cron and systemd can tell "try again later".
                anslag::publish::FailureKind::RelayUnreachable => ExitCode::from(75),
                anslag::publish::FailureKind::Failed => ExitCode::FAILURE,
            }
        }
    }
}
