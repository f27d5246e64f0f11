//! The pipeline every subcommand runs: load the documents of a pair,
//! align them (or reuse their alignment record), analyse the aligned pair.
//! The command line only configures it and reports what it returns.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::align::{AlignOptions, AlignUnit, Dictionary, align_with_progress};
use crate::check::ignore::IgnoreFile;
use crate::check::{CheckOptions, RecordUse, Text, check_with_record};
use crate::error::{Error, Result};
use crate::glossary::{Glossary, Matchers};
use crate::ingest::{IngestOptions, Layout, RawText, ingest_file};
use crate::lang::Rules;
use crate::model::{Alignment, Document, Finding, Record};
use crate::project::{self, DocumentPair};
use crate::segment::segment;

pub use crate::project::load_record;

/// A document as segmented, with the raw text it came from (for places).
#[derive(Debug, Clone)]
pub struct Loaded {
    pub document: Document,
    pub raw: RawText,
}

/// Reads and segments a document as `options` say.
pub fn segment_document(path: &Path, options: &IngestOptions) -> Result<Document> {
    Ok(segment(ingest_file(path, options)?))
}

/// Reads and segments a document; `lang` `None` detects the language.
pub fn load_document(path: &Path, lang: Option<&str>) -> Result<Loaded> {
    let options = IngestOptions {
        lang: lang.map(str::to_owned),
        layout: Layout::Auto,
    };
    let ingested = ingest_file(path, &options)?;
    let raw = ingested.input.clone();
    Ok(Loaded {
        document: segment(ingested),
        raw,
    })
}

/// Reads a document written one segment per line (a segmenter's output,
/// a parallel corpus), in language `lang` (`und` when not given).
pub fn load_lines(path: &Path, lang: Option<&str>) -> Result<Document> {
    let raw = RawText::decode(path, crate::ingest::read_bytes(path)?)?;
    Ok(crate::segment::from_lines(
        &path.display().to_string(),
        lang.unwrap_or("und"),
        &raw,
    ))
}

/// Every glossary file given, merged into one (`None` for no files).
pub fn load_glossary(paths: &[PathBuf]) -> Result<Option<Glossary>> {
    let glossaries = paths
        .iter()
        .map(|p| Glossary::load(p))
        .collect::<Result<Vec<_>>>()?;
    Ok(Glossary::merge(glossaries))
}

/// Whether a glossary is for documents in these languages.
pub fn glossary_fits(glossary: &Glossary, source_lang: &str, target_lang: &str) -> bool {
    (glossary.source_lang.as_str(), glossary.target_lang.as_str()) == (source_lang, target_lang)
}

/// The glossary as the aligner's dictionary for documents in these
/// languages: when its languages are theirs, or whatever its languages when
/// `any_languages` (a glossary the user named for the job).
pub fn dictionary(
    glossary: Option<&Glossary>,
    source_lang: &str,
    target_lang: &str,
    any_languages: bool,
) -> Result<Option<Dictionary>> {
    match glossary {
        Some(g) if any_languages || glossary_fits(g, source_lang, target_lang) => {
            Ok(Some(Dictionary::new(
                g,
                Rules::for_language(&g.source_lang)?,
                Rules::for_language(&g.target_lang)?,
            )))
        }
        _ => Ok(None),
    }
}

/// Aligns two documents, with the glossary as a dictionary when its
/// languages are theirs. `progress` hears `(done, total)` now and then.
pub fn align_documents(
    source: &Document,
    target: &Document,
    glossary: Option<&Glossary>,
    progress: &dyn Fn(usize, usize),
) -> Result<Alignment> {
    let dictionary = dictionary(glossary, &source.lang, &target.lang, false)?;
    Ok(align_with_dictionary(
        source,
        target,
        dictionary.as_ref(),
        progress,
    ))
}

/// Aligns two documents with a dictionary chosen by the caller.
pub fn align_with_dictionary(
    source: &Document,
    target: &Document,
    dictionary: Option<&Dictionary>,
    progress: &dyn Fn(usize, usize),
) -> Alignment {
    align_with_progress(
        &AlignUnit::of_document(source),
        &AlignUnit::of_document(target),
        &AlignOptions::default(),
        dictionary,
        progress,
    )
}

/// The glossary and ignore file of every project a run touches, read once.
/// Files named for the whole run (`--glossary`, `--ignore-file`) stand for
/// every project's own.
#[derive(Debug, Default)]
pub struct ProjectFiles {
    glossaries: HashMap<PathBuf, Option<Glossary>>,
    /// Each glossary's matchers, built when a pair first needs them.
    matchers: HashMap<PathBuf, OnceLock<Matchers>>,
    ignores: HashMap<PathBuf, IgnoreFile>,
    here: PathBuf,
}

impl ProjectFiles {
    /// Reads the glossaries for `pairs` (and no ignore files); `here` is
    /// the folder brug runs in, whose files apply to pairs named on the
    /// command line.
    pub fn load_glossaries(
        pairs: &[DocumentPair],
        here: &Path,
        glossary: &[PathBuf],
    ) -> Result<ProjectFiles> {
        ProjectFiles::read(pairs, here, glossary, None, false)
    }

    /// Reads the glossaries and ignore files for `pairs`.
    pub fn load(
        pairs: &[DocumentPair],
        here: &Path,
        glossary: &[PathBuf],
        ignore_file: Option<&Path>,
    ) -> Result<ProjectFiles> {
        ProjectFiles::read(pairs, here, glossary, ignore_file, true)
    }

    fn read(
        pairs: &[DocumentPair],
        here: &Path,
        glossary: &[PathBuf],
        ignore_file: Option<&Path>,
        ignores: bool,
    ) -> Result<ProjectFiles> {
        let shared_glossary = match glossary {
            [] => None,
            paths => Some(load_glossary(paths)?),
        };
        let shared_ignore = ignore_file.map(IgnoreFile::load).transpose()?;
        let mut roots: Vec<&Path> = pairs.iter().map(|p| p.root(here)).collect();
        roots.sort();
        roots.dedup();
        let mut files = ProjectFiles {
            here: here.to_owned(),
            ..ProjectFiles::default()
        };
        for root in roots {
            let glossary = match &shared_glossary {
                Some(g) => g.clone(),
                None => load_glossary(&project::glossary_files(root)?)?,
            };
            files.glossaries.insert(root.to_owned(), glossary);
            files.matchers.insert(root.to_owned(), OnceLock::new());
            if !ignores {
                continue;
            }
            let ignore = match (&shared_ignore, project::ignore_file(root)) {
                (Some(i), _) => i.clone(),
                (None, Some(path)) => IgnoreFile::load(&path)?,
                (None, None) => IgnoreFile::default(),
            };
            files.ignores.insert(root.to_owned(), ignore);
        }
        Ok(files)
    }

    /// The glossary that applies to a pair, if any.
    pub fn glossary(&self, pair: &DocumentPair) -> Option<&Glossary> {
        self.glossaries
            .get(pair.root(&self.here))
            .and_then(Option::as_ref)
    }

    /// The matchers of the glossary that applies to a pair, if any: built
    /// on first use (its two sides at once when `parallel`) and shared by
    /// every pair of the project. Fails when brug has no rules for one of
    /// the glossary's languages.
    pub fn matchers(&self, pair: &DocumentPair, parallel: bool) -> Result<Option<&Matchers>> {
        let root = pair.root(&self.here);
        let (Some(Some(glossary)), Some(built)) =
            (self.glossaries.get(root), self.matchers.get(root))
        else {
            return Ok(None);
        };
        let source_rules = Rules::for_language(&glossary.source_lang)?;
        let target_rules = Rules::for_language(&glossary.target_lang)?;
        Ok(Some(built.get_or_init(|| {
            Matchers::with_rules(glossary, source_rules, target_rules, parallel)
        })))
    }

    /// The ignore file that applies to a pair, if any.
    pub fn ignore(&self, pair: &DocumentPair) -> Option<&IgnoreFile> {
        self.ignores.get(pair.root(&self.here))
    }
}

/// A pair loaded and aligned: from its record when the record was made
/// from exactly these segmentations, else aligned anew.
#[derive(Debug)]
pub struct AlignedPair {
    pub source: Loaded,
    pub target: Loaded,
    pub alignment: Alignment,
    /// The pair's record, when it has one.
    pub record: Option<Record>,
    /// Whether the pair has a record that no longer fits its documents, so
    /// that it was aligned anew.
    pub realigned: bool,
}

/// Loads both documents of a pair (side by side when `parallel`), and
/// aligns them or takes the alignment from the pair's record.
pub fn load_pair(
    pair: &DocumentPair,
    glossary: Option<&Glossary>,
    parallel: bool,
) -> Result<AlignedPair> {
    load_pair_with(pair, parallel, |source_lang, target_lang| {
        Ok(dictionary(glossary, source_lang, target_lang, false)?.map(Cow::Owned))
    })
}

/// [`load_pair`], with the aligner's dictionary for the documents'
/// languages from `dictionary(source language, target language)`, asked
/// only when the pair is aligned.
pub fn load_pair_with<'d>(
    pair: &DocumentPair,
    parallel: bool,
    dictionary: impl FnOnce(&str, &str) -> Result<Option<Cow<'d, Dictionary>>>,
) -> Result<AlignedPair> {
    let missing = pair.project.is_some() && !pair.target.exists();
    // The source's error, if any, is reported first.
    let (source, target) = crate::parallel::side_by_side(
        parallel,
        || load_document(&pair.source, pair.source_lang()),
        || (!missing).then(|| load_document(&pair.target, pair.target_lang())),
    );
    let source = source?;
    let target = target.ok_or_else(|| Error::MissingTranslation {
        document: pair.source.clone(),
        translation: pair.target.clone(),
    })??;
    let record = pair.record.as_deref().map(load_record).transpose()?;
    let from_record = record
        .as_ref()
        .and_then(|r| r.alignment_for(&source.document, &target.document));
    let realigned = from_record.is_none() && record.is_some();
    let alignment = match from_record {
        Some(a) => a,
        None => {
            let dictionary = dictionary(&source.document.lang, &target.document.lang)?;
            align_with_dictionary(
                &source.document,
                &target.document,
                dictionary.as_deref(),
                &|_, _| {},
            )
        }
    };
    Ok(AlignedPair {
        source,
        target,
        alignment,
        record,
        realigned,
    })
}

/// An analysed pair: the aligned pair and its findings.
#[derive(Debug)]
pub struct Analysis {
    pub pair: AlignedPair,
    /// The findings to report: those the ignore file does not suppress.
    pub reported: Vec<Finding>,
    /// How many findings the ignore file suppressed.
    pub suppressed: usize,
    /// Every finding, suppressed or not, in the order found (for a
    /// baseline).
    pub all: Vec<Finding>,
}

/// Loads, aligns and checks a pair (`brug check`'s job, and the analysis
/// that `status` and the review page build on).
pub fn analyse(
    pair: &DocumentPair,
    files: &ProjectFiles,
    options: &CheckOptions,
) -> Result<Analysis> {
    let glossary = files.glossary(pair);
    let parallel = options.threads > 1;
    // The glossary's matchers are built while the documents load; the
    // aligner, when the pair needs aligning, waits for them and uses them
    // as its dictionary.
    let dictionary = |source_lang: &str, target_lang: &str| match glossary {
        Some(g) if glossary_fits(g, source_lang, target_lang) => {
            Ok(files.matchers(pair, parallel)?.map(Cow::Borrowed))
        }
        _ => Ok(None),
    };
    let (aligned, matchers) = crate::parallel::side_by_side(
        parallel,
        || load_pair_with(pair, parallel, dictionary),
        || files.matchers(pair, parallel),
    );
    let aligned = aligned?;
    let record_use = match (&aligned.record, aligned.realigned) {
        (Some(r), false) => RecordUse::Current(r),
        (Some(r), true) => RecordUse::Stale(r),
        (None, _) => RecordUse::None,
    };
    let (source, target) = (&aligned.source, &aligned.target);
    let fits =
        glossary.is_some_and(|g| glossary_fits(g, &source.document.lang, &target.document.lang));
    let glossary = match glossary {
        Some(g) if fits => matchers?.map(|m| (g, m)),
        _ => None,
    };
    let findings = check_with_record(
        Text {
            document: &source.document,
            raw: &source.raw,
        },
        Text {
            document: &target.document,
            raw: &target.raw,
        },
        &aligned.alignment,
        glossary,
        options,
        record_use,
    )?;
    let ignore = files.ignore(pair);
    let reported: Vec<Finding> = findings
        .iter()
        .filter(|f| !ignore.is_some_and(|i| i.suppresses(f)))
        .cloned()
        .collect();
    Ok(Analysis {
        pair: aligned,
        suppressed: findings.len() - reported.len(),
        reported,
        all: findings,
    })
}
