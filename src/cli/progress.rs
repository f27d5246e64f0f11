//! Progress on a terminal, and how many documents to work on at once.

use std::io::IsTerminal;

/// The machine's cores (one when it cannot tell).
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// How many pairs to work on at once: `--jobs`, or one per core.
pub fn jobs(asked: Option<usize>) -> usize {
    asked.filter(|&n| n > 0).unwrap_or_else(cores)
}

/// A progress bar over documents on stderr, when it is a terminal and
/// there is more than one document.
fn documents_bar(items: usize, verb: &str) -> Option<indicatif::ProgressBar> {
    if items < 2 || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(items as u64);
    let template = format!("{verb} {{bar:40}} {{pos}}/{{len}} documents {{elapsed}}");
    if let Ok(style) = indicatif::ProgressStyle::with_template(&template) {
        bar.set_style(style);
    }
    Some(bar)
}

/// [`brug::parallel::run_ordered`] with a progress bar over documents.
pub fn run_ordered<T: Send, E>(
    items: usize,
    jobs: usize,
    verb: &str,
    work: impl Fn(usize) -> T + Sync,
    deliver: impl FnMut(usize, T) -> Result<(), E>,
) -> Result<(), E> {
    let bar = documents_bar(items, verb);
    let counted = |k| {
        let result = work(k);
        if let Some(bar) = &bar {
            bar.inc(1);
        }
        result
    };
    let result = brug::parallel::run_ordered(items, jobs, counted, deliver);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    result
}

/// A progress bar on stderr for aligning long documents, when stderr is a
/// terminal; `None` otherwise.
pub fn alignment_bar(segments: usize) -> Option<indicatif::ProgressBar> {
    if segments < 20_000 || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(0);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("aligning {bar:40} {percent:>3}% {elapsed}")
    {
        bar.set_style(style);
    }
    Some(bar)
}
