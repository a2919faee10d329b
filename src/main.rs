//! The `anslag` command line: a thin layer over the library.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};

use anslag::build::{BuildOptions, build};

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
        /// Build as if it were this moment (RFC 3339), for reproducible output.
        #[arg(long)]
        now: Option<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            output,
            drafts,
            now,
        } => {
            let started = Instant::now();
            let output = output.unwrap_or_else(|| cli.site.join("public"));
            let opts = BuildOptions {
                root: cli.site.clone(),
                output: output.clone(),
                now,
                drafts,
            };
            match build(&opts) {
                Ok(report) => {
                    for w in &report.warnings {
                        eprintln!("{w}");
                    }
                    if cli.verbose {
                        for (phase, d) in &report.timings {
                            eprintln!("{phase:>28}: {:.1} ms", d.as_secs_f64() * 1000.0);
                        }
                    }
                    if !cli.quiet {
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
                    eprint!("{diags}");
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
    }
}
