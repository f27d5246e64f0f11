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
    /// Split a letter (a PDF, or text extracted from one) into sentence segments.
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
        "  brug align source_nl/kamerbrief-rusland-2021.txt target_en/kamerbrief-rusland-2021.txt --write\n",
        "  brug align . --write --format summary   # every pair of a project folder, in parallel\n\n",
        "Exit status: 0 done; 2 bad input or usage (the error names file, line and column)."
    ))]
    Align(AlignArgs),
    /// Check translations against their source and the glossary.
    ///
    /// Untranslated and missing sentences, glossary terms, numbers,
    /// references, names, alignment, consistency, typography, and what
    /// changed since the alignment record.
    #[command(after_help = concat!(
        "Examples:\n",
        "  brug check                      # every source_nl/*.txt against target_en/*.txt, with glossary/*.json\n",
        "  brug check --source source_nl/kamerbrief-rusland-2021.txt --target target_en/kamerbrief-rusland-2021.txt\n",
        "  brug check --record target_en/kamerbrief-rusland-2021.align.json --format sarif > brug.sarif\n",
        "  brug check --format github --fail-on warning --allow typography\n",
        "  brug check letters/2021 letters/2022 --format jsonl   # project folders, in parallel\n",
        "  brug check --source a.txt --target a.en.txt --source b.txt --target b.en.txt\n\n",
        "Exit status: 0 nothing at or above --fail-on; 1 findings at or above it; 2 could not check (bad input, glossary or usage)."
    ))]
    Check(CheckArgs),
    /// Show what changed between two versions of a document.
    ///
    /// Either language, or two alignment records: unchanged, modified,
    /// added, deleted and moved segments, with a word diff.
    #[command(after_help = concat!(
        "Examples:\n",
        "  brug diff old/kamerbrief.txt source_nl/kamerbrief.txt\n",
        "  brug diff old.align.json target_en/kamerbrief.align.json --side target\n",
        "  brug diff a.txt b.txt --format html > changes.html\n\n",
        "Exit status: 0 done (with --exit-code: no changes); 1 with --exit-code: something changed; 2 bad input or usage."
    ))]
    Diff(DiffArgs),
    /// Carry alignment records forward to a revised source (like msgmerge).
    ///
    /// Edited sentences keep their translation marked for review, new ones
    /// are untranslated, deleted ones leave the record.
    #[command(after_help = concat!(
        "Examples:\n",
        "  brug update                     # every target_en/*.align.json\n",
        "  brug update --record target_en/kamerbrief-rusland-2021.align.json --dry-run\n\n",
        "The translation files are never touched; the record is written atomically.\n",
        "Exit status: 0 done; 2 bad input or usage."
    ))]
    Update(UpdateArgs),
    /// Show translation progress per document.
    ///
    /// Translated, needs review, untranslated and orphaned segments.
    #[command(after_help = concat!(
        "Examples:\n",
        "  brug status\n",
        "  brug status --format json\n\n",
        "Exit status: 0 done; 2 bad input or usage."
    ))]
    Status(StatusArgs),
    /// Export the aligned pair for CAT tools, spreadsheets and review.
    ///
    /// TMX, XLIFF 1.2 or 2.1, TSV, CSV, JSON, Markdown, or an HTML review
    /// page.
    #[command(after_help = concat!(
        "Examples:\n",
        "  brug export --record target_en/kamerbrief-rusland-2021.align.json --format tmx\n",
        "  brug export --source source_nl/kamerbrief-rusland-2021.txt --target target_en/kamerbrief-rusland-2021.txt --format xliff -o letter.xlf\n",
        "  brug export --format html      # every record in target_en/: NAME.html here\n",
        "  brug export --format tmx --output-dir tm letters/2021 letters/2022\n\n",
        "Files are named after the document (NAME.tmx, NAME.xlf, NAME.xliff2.xlf, …) unless -o; an existing file is\n",
        "only replaced with --force; -o - writes to standard output. Writes are atomic.\n",
        "Exit status: 0 done; 2 bad input, an existing file without --force, or text XML cannot hold."
    ))]
    Export(ExportArgs),
    /// Read a TMX or XLIFF file back into an alignment record.
    #[command(after_help = concat!(
        "Examples:\n",
        "  brug import kamerbrief-rusland-2021.xlf -o target_en/kamerbrief-rusland-2021.align.json --force\n\n",
        "Exit status: 0 done; 2 a malformed file (line and column named), or an existing record without --force."
    ))]
    Import(ImportArgs),
    /// Print a shell completion script.
    #[command(after_help = concat!(
        "Examples:\n",
        "  brug completions bash > /etc/bash_completion.d/brug\n",
        "  brug completions zsh > ~/.zfunc/_brug\n\n",
        "Exit status: 0 done; 2 usage."
    ))]
    Completions(CompletionsArgs),
    /// Print the manual page (roff).
    #[command(after_help = "Exit status: 0 done; 2 usage.")]
    Man,
    /// Lint, show, export and import the glossary.
    #[command(
        subcommand,
        after_help = "Exit status: see each command's help (brug glossary lint --help)."
    )]
    Glossary(GlossaryCommand),
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old version: a text file, or an alignment record (.json).
    pub old: PathBuf,
    /// The new version, of the same kind.
    pub new: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
    /// Exit with 1 when anything changed (as git diff --exit-code).
    #[arg(long)]
    pub exit_code: bool,
    /// For alignment records: which side to compare.
    #[arg(long, value_enum, default_value_t = DiffSide::Source)]
    pub side: DiffSide,
    /// Also list unchanged segments (human format).
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Changed segments with an inline word diff.
    Human,
    /// An array of changes in new-document order.
    Json,
    /// One self-contained page.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffSide {
    Source,
    Target,
}

#[derive(Debug, Args)]
pub struct UpdateArgs {
    /// The record to update (default: every target_en/*.align.json).
    #[arg(long)]
    pub record: Option<PathBuf>,
    /// Show what would change; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Glossary files (default: glossary/*.json).
    #[arg(long, value_name = "GLOSSARY")]
    pub glossary: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = LintFormat::Human)]
    pub format: LintFormat,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Project folders (every record in target_YY/, and every pair
    /// without one, aligned now) and alignment records to export.
    /// Default: the project in the current folder.
    #[arg(value_name = "FOLDER|RECORD")]
    pub paths: Vec<PathBuf>,
    /// A source document (repeatable; each with a --target, in order).
    #[arg(long, requires = "target")]
    pub source: Vec<PathBuf>,
    /// Its translation (repeatable; each with a --source).
    #[arg(long, requires = "source")]
    pub target: Vec<PathBuf>,
    /// An alignment record to export (repeatable).
    #[arg(long)]
    pub record: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Output file, for one document (`-`: standard output).
    #[arg(short, long, value_name = "FILE", conflicts_with = "output_dir")]
    pub output: Option<PathBuf>,
    /// Folder for the files, named after each document (default: the
    /// current folder; made when missing).
    #[arg(long, value_name = "DIR")]
    pub output_dir: Option<PathBuf>,
    /// Replace existing output files.
    #[arg(long)]
    pub force: bool,
    /// Glossary files, for the HTML page's term marks and the alignment
    /// (default: glossary/*.json).
    #[arg(long, value_name = "GLOSSARY")]
    pub glossary: Vec<PathBuf>,
    /// Documents exported at once (default: one per core).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// TMX 1.4b.
    Tmx,
    /// XLIFF 1.2.
    Xliff,
    /// XLIFF 2.1 core.
    Xliff2,
    /// id, source, target, score, status.
    Tsv,
    /// The same as CSV, safe to open in a spreadsheet.
    Csv,
    /// Units with their segments.
    Json,
    /// A Markdown table.
    Md,
    /// One self-contained review page.
    Html,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A TMX or XLIFF file.
    pub file: PathBuf,
    /// The record to write (default: NAME.align.json beside the file;
    /// `-`: standard output).
    #[arg(short, long, value_name = "RECORD")]
    pub output: Option<PathBuf>,
    /// Replace an existing record.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Subcommand)]
pub enum GlossaryCommand {
    /// Find problems in glossary files.
    ///
    /// Duplicates, conflicting targets, forbidden forms that are also
    /// allowed, empty fields, variants that can never match, common words
    /// forbidden without a context. The files given are also compared with
    /// each other, as the checks read them as one.
    #[command(after_help = concat!(
        "Examples:\n",
        "  brug glossary lint\n",
        "  brug glossary lint glossary/glossary.json --format json\n\n",
        "Exit status: 0 no problems; 1 problems found; 2 the file could not be read or parsed."
    ))]
    Lint(GlossaryLintArgs),
    /// Show the glossary entries a word or phrase matches.
    ///
    /// Source, target, variants or forbidden forms, in any case,
    /// inflections and compounds included.
    #[command(after_help = concat!(
        "Examples:\n",
        "  brug glossary show motie\n",
        "  brug glossary show 'Parliamentary Papers'\n\n",
        "Exit status: 0 found; 1 no entry matches; 2 the glossary could not be read."
    ))]
    Show(GlossaryShowArgs),
    /// Write the glossary as TBX (TBX-Basic), CSV or TSV.
    #[command(after_help = concat!(
        "Examples:\n",
        "  brug glossary export --format tbx            # glossary.tbx here\n",
        "  brug glossary export --format csv -o -\n\n",
        "Exit status: 0 done; 2 bad input or an existing file without --force."
    ))]
    Export(GlossaryExportArgs),
    /// Read a TBX, CSV or TSV glossary into brug's JSON glossary format.
    #[command(after_help = concat!(
        "Examples:\n",
        "  brug glossary import terms.tbx -o glossary/terms.json\n",
        "  brug glossary import terms.csv               # header row: nl,en,forbidden,note\n\n",
        "Exit status: 0 done; 2 a malformed file (line and column named), conflicting entries, or an existing file without --force."
    ))]
    Import(GlossaryImportArgs),
}

#[derive(Debug, Args)]
pub struct GlossaryExportArgs {
    /// Glossary files (default: glossary/*.json).
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: TermFormat,
    /// Output file (`-`: standard output; default: glossary.<format>).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace an existing output file.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TermFormat {
    Tbx,
    Csv,
    Tsv,
}

#[derive(Debug, Args)]
pub struct GlossaryImportArgs {
    /// A .tbx, .csv or .tsv file.
    pub file: PathBuf,
    /// The JSON glossary to write (default: NAME.json beside the file;
    /// `-`: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace an existing file.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct GlossaryLintArgs {
    /// Glossary files (default: glossary/*.json).
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = LintFormat::Human)]
    pub format: LintFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    Human,
    Json,
}

#[derive(Debug, Args)]
pub struct GlossaryShowArgs {
    /// A word or phrase in either language.
    pub term: String,
    /// Glossary files (default: glossary/*.json).
    #[arg(long, value_name = "GLOSSARY")]
    pub glossary: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Project folders (with source_XX/ and target_YY/) and alignment
    /// records to check. With nothing named: the project in the current
    /// folder, every source_nl/*.txt with the target_en/*.txt of the same
    /// name.
    #[arg(value_name = "FOLDER|RECORD", help_heading = "Input")]
    pub paths: Vec<PathBuf>,
    /// A source document (repeatable; each with a --target, in order).
    #[arg(long, requires = "target", help_heading = "Input")]
    pub source: Vec<PathBuf>,
    /// Its translation (repeatable; each with a --source).
    #[arg(long, requires = "source", help_heading = "Input")]
    pub target: Vec<PathBuf>,
    /// An alignment record (`brug align --write`; repeatable): check the
    /// files it names, with its beads while they are current.
    #[arg(long, help_heading = "Input")]
    pub record: Vec<PathBuf>,
    /// Glossary files (repeatable). Default: glossary/*.json of each
    /// project folder (of the current folder for pairs named by file).
    #[arg(long, value_name = "GLOSSARY", help_heading = "Input")]
    pub glossary: Vec<PathBuf>,
    /// Suppressions by code and segment text. Default: brug-ignore.json
    /// of each project folder, when present.
    #[arg(long, value_name = "FILE", help_heading = "Input")]
    pub ignore_file: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human, help_heading = "Output")]
    pub format: CheckFormat,
    /// Lowest severity that makes the exit status 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error, help_heading = "Output")]
    pub fail_on: FailOn,
    /// Lowest severity the human report shows (the summary line counts
    /// every finding; other formats carry them all).
    #[arg(long, value_enum, default_value_t = ShowLevel::Warning, help_heading = "Output")]
    pub show: ShowLevel,
    /// Turn a check off (repeatable), e.g. --allow typography.
    #[arg(long, value_name = "CODE", help_heading = "Checks")]
    pub allow: Vec<String>,
    /// Set a check's severity (repeatable), e.g. --severity
    /// name-mismatch=error.
    #[arg(long, value_name = "CODE=LEVEL", help_heading = "Checks")]
    pub severity: Vec<String>,
    /// Beads aligned with less confidence than this are alignment-suspect.
    #[arg(
        long,
        default_value_t = 0.3,
        value_name = "SCORE",
        help_heading = "Checks"
    )]
    pub suspect_below: f64,
    /// Write every current finding into FILE as an ignore file (a
    /// baseline), then report as usual.
    #[arg(long, value_name = "FILE", help_heading = "Output")]
    pub write_baseline: Option<PathBuf>,
    /// Document pairs checked at once (default: one per core).
    #[arg(short, long, value_name = "N", help_heading = "Performance")]
    pub jobs: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Grouped by segment pair, the offending text underlined.
    Human,
    /// `{"findings": [...], "summary": {...}}`.
    Json,
    /// JSON Lines, streamed: one `{"type": "document", …}` object per
    /// document pair as it is done (`"error"` for a pair that could not be
    /// checked), then one `{"type": "summary", …}`.
    Jsonl,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// JUnit XML: one test case per segment pair.
    Junit,
    /// GitHub Actions workflow commands (`::error file=…,line=…::`).
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowLevel {
    Error,
    Warning,
    Info,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Debug, Args)]
pub struct AlignArgs {
    /// A source document and its translation (several pairs: SOURCE
    /// TARGET SOURCE TARGET …), or project folders (with source_XX/ and
    /// target_YY/: every pair in them).
    #[arg(value_name = "SOURCE TARGET|FOLDER", required = true)]
    pub paths: Vec<PathBuf>,
    /// Language of the source.
    #[arg(long, default_value = "auto", value_parser = lang_parser())]
    pub source_lang: LangArg,
    /// Language of the target.
    #[arg(long, default_value = "auto", value_parser = lang_parser())]
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
    /// Document pairs aligned at once (default: one per core).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
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
    /// The same, one compact JSON object per document pair and line,
    /// streamed.
    Jsonl,
    /// One line per document pair: beads, low-confidence beads, record.
    Summary,
    /// One bead per row: ids, score, source text, target text.
    Tsv,
    /// `[i, j]:[k]:score` per bead, 0-based indices (vecalign's format).
    Vecalign,
}

#[derive(Debug, Args)]
pub struct SegmentArgs {
    /// The letter to segment: a PDF (read by its `%PDF-` header), or UTF-8 text.
    pub file: PathBuf,
    /// Language of the text.
    #[arg(long, default_value = "auto", value_parser = lang_parser())]
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

/// A language: `auto` (detected from the text) or a code brug has rules
/// for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LangArg(String);

impl LangArg {
    /// The language code, or `None` to detect it.
    pub fn code(&self) -> Option<String> {
        (self.0 != "auto").then(|| self.0.clone())
    }
}

/// `auto` and the codes of the rule files brug ships, for `--lang`.
fn lang_parser() -> impl clap::builder::TypedValueParser<Value = LangArg> {
    use clap::builder::TypedValueParser;
    let mut values = vec!["auto"];
    values.extend(brug::lang::Rules::languages());
    clap::builder::PossibleValuesParser::new(values).map(LangArg)
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
