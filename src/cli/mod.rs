//! The command-line layer: arguments → a resolved configuration → one
//! subcommand → output and an exit code.

mod align;
mod args;
mod check;
mod diff;
mod exit;
mod export;
mod glossary;
mod progress;
mod report;
mod segment;
mod status;
mod update;
mod write;

use std::process::ExitCode;

use clap::Parser;

pub use args::Cli;

/// Writes a text generated from the command-line definition to stdout.
fn generated(
    render: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<exit::Outcome, brug::Error> {
    write::to_stdout(render)?;
    Ok(exit::Outcome::Clean)
}

/// Runs brug with the process's arguments.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return exit::of_arguments(e.use_stderr());
        }
    };
    let result = match cli.command {
        args::Command::Segment(a) => segment::run(a),
        args::Command::Align(a) => align::run(a),
        args::Command::Check(a) => check::run(a),
        args::Command::Diff(a) => diff::run(a),
        args::Command::Update(a) => update::run(a),
        args::Command::Export(a) => export::run(a),
        args::Command::Completions(a) => generated(|out| {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(a.shell, &mut command, "brug", out);
            Ok(())
        }),
        args::Command::Man => generated(|out| {
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(out)
        }),
        args::Command::Import(a) => export::import(a),
        args::Command::Status(a) => status::run(a),
        args::Command::Glossary(c) => glossary::run(c),
    };
    if let Err(e) = &result {
        eprintln!("brug: error: {e}");
    }
    exit::code(&result)
}
