//! Exit codes, decided here and nowhere else.
//!
//! - 0: the job was done and found nothing to report;
//! - 1: the job was done and found problems (findings, changes);
//! - 2: the job could not be done, or not all of it (bad input, bad usage,
//!   I/O errors; in a batch, a document pair that could not be read).

use std::process::ExitCode;

/// How a command's job ended, when it ran to the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Done; nothing to report.
    Clean,
    /// Done; problems found (findings, changes, lint problems).
    Found,
    /// Done for some inputs; others could not be read (already reported).
    Incomplete,
}

impl Outcome {
    /// `Found` when there are problems, else `Clean`.
    pub fn found_if(found: bool) -> Outcome {
        if found {
            Outcome::Found
        } else {
            Outcome::Clean
        }
    }

    /// A batch's outcome: incomplete when any input failed, else whether
    /// problems were found.
    pub fn of_batch(failed: usize, found: bool) -> Outcome {
        if failed > 0 {
            Outcome::Incomplete
        } else {
            Outcome::found_if(found)
        }
    }
}

/// The exit code of a run that ended in `result`.
pub fn code(result: &Result<Outcome, brug::Error>) -> ExitCode {
    ExitCode::from(match result {
        Ok(Outcome::Clean) => 0,
        Ok(Outcome::Found) => 1,
        Ok(Outcome::Incomplete) | Err(_) => 2,
    })
}

/// The exit code when the arguments could not be parsed (`is_error`), or
/// when clap printed help or a version.
pub fn of_arguments(is_error: bool) -> ExitCode {
    ExitCode::from(if is_error { 2 } else { 0 })
}
