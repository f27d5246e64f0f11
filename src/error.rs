//! The crate's one error type. Every variant names the file it is about and,
//! where the problem sits at a place in the file, the byte offset, line and
//! column (1-based, columns counted in characters).

use std::path::PathBuf;

/// A place in an input file, for error messages: shown as `line:column`
/// after the path (`file:3:14: …`, as editors and CI problem matchers read
/// it); the byte offset is kept for JSON output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    /// Byte offset into the raw file.
    pub offset: usize,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Why brug could not do a job. Findings about a document are never errors;
/// these are the cases where the input could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: cannot read: {source}", OneLine(path.display()))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: cannot write: {source}", OneLine(path.display()))]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: is a directory, expected a text file", OneLine(path.display()))]
    IsDirectory { path: PathBuf },
    #[error("{}: the file is empty", OneLine(path.display()))]
    Empty { path: PathBuf },
    #[error("{}: the file contains only whitespace", OneLine(path.display()))]
    Blank { path: PathBuf },
    #[error("{}:{at}: invalid UTF-8 (brug reads UTF-8 text only)", OneLine(path.display()))]
    InvalidUtf8 { path: PathBuf, at: Location },
    #[error("{}: looks like UTF-16 (byte-order mark {bom}); convert it to UTF-8 first", OneLine(path.display()))]
    Utf16 { path: PathBuf, bom: &'static str },
    #[error("{}:{at}: binary data (NUL or control bytes): this is not a text file", OneLine(path.display()))]
    Binary { path: PathBuf, at: Location },
    #[error("{}: the PDF is encrypted; brug cannot read it (save an unprotected copy first)", OneLine(path.display()))]
    PdfEncrypted { path: PathBuf },
    #[error("{}{}: not a readable PDF: {why}", OneLine(path.display()), page.map(|p| format!(":{p}")).unwrap_or_default())]
    PdfUnreadable {
        path: PathBuf,
        page: Option<u32>,
        why: String,
    },
    #[error("{}: the PDF has no text layer (a scan?); run OCR first", OneLine(path.display()))]
    PdfNoText { path: PathBuf },
    #[error("{}: the file is {size} bytes; brug reads at most {limit} bytes per document", OneLine(path.display()))]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{}:{line}:{column}: glossary: {}", OneLine(path.display()), OneLine(message))]
    Glossary {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// Arguments that do not go together or do not parse.
    #[error("{}", OneLine(message))]
    Usage { message: String },
    #[error("{}: several source_XX/ or target_YY/ folders ({}); name the pairs with --source and --target", OneLine(path.display()), OneLine(folders))]
    AmbiguousProject { path: PathBuf, folders: String },
    #[error("{}: not a project folder (no source_XX/ and target_YY/ folders in it)", OneLine(path.display()))]
    NotAProject { path: PathBuf },
    #[error(
        "no source_XX/ and target_YY/ folders here: run brug in a project folder, or name the files (--source, --target), records or project folders"
    )]
    NoProject,
    #[error("{}: neither a project folder nor an alignment record (.align.json); name a pair with --source and --target", OneLine(path.display()))]
    NotAnInput { path: PathBuf },
    #[error("{sources} --source and {targets} --target: give them in pairs")]
    UnpairedFiles { sources: usize, targets: usize },
    #[error("{} has no translation named after it: give files as SOURCE TARGET pairs", OneLine(path.display()))]
    UnpairedFile { path: PathBuf },
    #[error("{} has no translation: {} is missing", OneLine(document.display()), OneLine(translation.display()))]
    MissingTranslation {
        document: PathBuf,
        translation: PathBuf,
    },
    #[error("{} exists; use --force to replace it", OneLine(path.display()))]
    OutputExists { path: PathBuf },
    #[error("{}: two documents of this run have this name; export them to separate folders (--output-dir)", OneLine(path.display()))]
    OutputClash { path: PathBuf },
    #[error("{}: segment {}: character U+{code:04X} is not allowed in XML 1.0", OneLine(path.display()), OneLine(id))]
    NotXml {
        path: PathBuf,
        id: String,
        code: u32,
    },
    #[error("no glossary files: name them, or put them in glossary/*.json")]
    NoGlossary,
    #[error("{}: unknown glossary format `.{}` (tbx, csv, tsv)", OneLine(path.display()), OneLine(extension))]
    UnknownGlossaryFormat { path: PathBuf, extension: String },
    #[error("unknown check `{}` (codes: {codes})", OneLine(name))]
    UnknownCode { name: String, codes: String },
    /// A malformed file of another kind (ignore file, alignment record).
    #[error("{}:{line}:{column}: {what}: {}", OneLine(path.display()), OneLine(message))]
    Malformed {
        path: PathBuf,
        what: &'static str,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "no segmentation rules for language `{}` (available: {available})",
        OneLine(code)
    )]
    UnknownLanguage { code: String, available: String },
}

/// Where a serde_json error sits, 1-based, and its message without the
/// place serde_json appends: `(line, column, message)`. serde_json counts a
/// position at the start of a line (the end of a file after a line break) as
/// column 0; it is column 1 here, as everywhere else in brug.
pub(crate) fn json_place(e: &serde_json::Error) -> (usize, usize, String) {
    let message = e.to_string();
    let message = message.split(" at line ").next().unwrap_or_default();
    (e.line(), e.column().max(1), message.to_owned())
}

/// A value shown on one line: line breaks and other control characters
/// escaped (`\n`), so that an error message is always one line, whatever
/// text of the input it quotes.
struct OneLine<T>(T);

impl<T: std::fmt::Display> std::fmt::Display for OneLine<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write;
        for c in self.0.to_string().chars() {
            if c.is_control() {
                write!(f, "{}", c.escape_default())?;
            } else {
                f.write_char(c)?;
            }
        }
        Ok(())
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
