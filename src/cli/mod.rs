//! The command-line layer: arguments → a resolved configuration → one
//! subcommand → output and an exit code.

mod align;
mod args;
mod batch;
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

/// Writes a text generated from the command-line definition to stdout.
fn generated(
    render: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<u8, brug::Error> {
    write::to_stdout(render)?;
    Ok(exit::OK)
}

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
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("brug: error: {e}");
            ExitCode::from(exit::ERROR)
        }
    }
}
