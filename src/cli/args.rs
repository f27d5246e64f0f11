//! Command-line arguments (clap derive). Values are checked and resolved
//! into library options before any work starts.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXIT_STATUS: &str = "Exit status: 0 done, nothing found; 1 done, problems found; 2 bad input or usage (the error names file, line and column).";

/// brug: a workbench for translators of Dutch government letters into English.
#[derive(Debug, Parser)]
#[command(
    name = "brug",
    version,
    about = "A workbench for translators of Dutch government letters into English.",
    after_help = EXIT_STATUS
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Split a PDF-extracted letter into sentence segments.
    #[command(after_help = concat!(
        "Examples:\n",
        "  brug segment source_nl/kamerbrief-rusland-2021.txt --lang nl\n",
        "  brug segment target_en/kamerbrief-rusland-2021.txt --format json\n\n",
        "Exit status: 0 done; 2 bad input or usage (the error names file, line and column)."
    ))]
    Segment(SegmentArgs),
    /// Pair the sentences of a document and its translation.
    #[command(after_help = concat!(
        "Examples:\n",
        "  brug align source_nl/kamerbrief-rusland-2021.txt target_en/kamerbrief-rusland-2021.txt\n",
        "  brug align a.txt b.txt --glossary glossary/glossary.json\n",
        "  brug align a.de b.fr --input lines --format vecalign\n",
        "  brug align source_nl/kamerbrief-rusland-2021.txt target_en/kamerbrief-rusland-2021.txt --write\n\n",
        "Exit status: 0 done; 2 bad input or usage (the error names file, line and column)."
    ))]
    Align(AlignArgs),
}

#[derive(Debug, Args)]
pub struct AlignArgs {
    /// The source document.
    pub source: PathBuf,
    /// Its translation.
    pub target: PathBuf,
    /// Language of the source.
    #[arg(long, value_enum, default_value_t = LangArg::Auto)]
    pub source_lang: LangArg,
    /// Language of the target.
    #[arg(long, value_enum, default_value_t = LangArg::Auto)]
    pub target_lang: LangArg,
    /// `text`: PDF-extracted letters, ingested and segmented; `lines`: one
    /// segment per line already (as hunalign and vecalign read them).
    #[arg(long, value_enum, default_value_t = InputKind::Text)]
    pub input: InputKind,
    /// Output format.
    #[arg(long, value_enum, default_value_t = AlignFormat::Human)]
    pub format: AlignFormat,
    /// Glossary to use as a bilingual dictionary (repeatable). Default:
    /// glossary/*.json in the current folder, when its languages match.
    #[arg(long, value_name = "GLOSSARY")]
    pub glossary: Vec<PathBuf>,
    /// Also write the alignment record (JSON), by default beside the
    /// target as NAME.align.json.
    #[arg(long, value_name = "RECORD", num_args = 0..=1)]
    pub write: Option<Option<PathBuf>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputKind {
    Text,
    Lines,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AlignFormat {
    /// The pair side by side, low-confidence beads marked `!`.
    Human,
    /// Beads with segment ids, plus both documents' segments.
    Json,
    /// One bead per row: ids, score, source text, target text.
    Tsv,
    /// `[i, j]:[k]:score` per bead, 0-based indices (vecalign's format).
    Vecalign,
}

#[derive(Debug, Args)]
pub struct SegmentArgs {
    /// The text file to segment (UTF-8).
    pub file: PathBuf,
    /// Language of the text.
    #[arg(long, value_enum, default_value_t = LangArg::Auto)]
    pub lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SegmentFormat::Text)]
    pub format: SegmentFormat,
    /// How lines relate to paragraphs: `wrapped` (PDF text: single line
    /// breaks are soft wraps), `unwrapped` (one paragraph per line), or
    /// `auto` (decide from the text).
    #[arg(long, value_enum, default_value_t = LayoutArg::Auto)]
    pub layout: LayoutArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Auto,
    Nl,
    En,
}

impl LangArg {
    /// The language code, or `None` to detect it.
    pub fn code(self) -> Option<String> {
        match self {
            LangArg::Auto => None,
            LangArg::Nl => Some("nl".into()),
            LangArg::En => Some("en".into()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SegmentFormat {
    /// Numbered, one segment per line, kind marked.
    Text,
    /// A JSON array of segments with spans into the raw file.
    Json,
    /// One segment text per line, nothing else.
    Lines,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LayoutArg {
    Auto,
    Wrapped,
    Unwrapped,
}

impl From<LayoutArg> for brug::ingest::Layout {
    fn from(l: LayoutArg) -> Self {
        match l {
            LayoutArg::Auto => brug::ingest::Layout::Auto,
            LayoutArg::Wrapped => brug::ingest::Layout::Wrapped,
            LayoutArg::Unwrapped => brug::ingest::Layout::Unwrapped,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
