//! The command-line layer: arguments → a resolved configuration → one
//! subcommand → output and an exit code.

mod align;
mod args;
mod check;
mod diff;
mod exit;
mod export;
mod glossary;
mod report;
mod segment;
mod status;
mod update;
mod write;

use std::process::ExitCode;

use clap::Parser;

pub use args::Cli;

/// Runs brug with the process's arguments.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                exit::ERROR
            } else {
                exit::OK
            };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        args::Command::Segment(a) => segment::run(a),
        args::Command::Align(a) => align::run(a),
        args::Command::Check(a) => check::run(a),
        args::Command::Diff(a) => diff::run(a),
        args::Command::Update(a) => update::run(a),
        args::Command::Export(a) => export::run(a),
        args::Command::Import(a) => export::import(a),
        args::Command::Status(a) => status::run(a),
        args::Command::Glossary(c) => glossary::run(c),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("brug: error: {e}");
            ExitCode::from(exit::ERROR)
        }
    }
}
