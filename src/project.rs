//! Finding what to work on: project folders (`source_XX/` beside
//! `target_YY/`, the folder names giving the languages), the document pairs
//! in them, alignment records, and each project's glossary and ignore file.
//!
//! Paths are taken as given: the caller resolves the working folder and
//! passes it in (`Path::new(".")` for the current one).

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::Record;

/// A project folder: `source_XX/` beside `target_YY/`, with an optional
/// `glossary/` and `brug-ignore.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    pub root: PathBuf,
    pub source_dir: PathBuf,
    pub target_dir: PathBuf,
    pub source_lang: String,
    pub target_lang: String,
}

/// One document and its translation, to work on together.
#[derive(Debug, Clone)]
pub struct DocumentPair {
    pub source: PathBuf,
    pub target: PathBuf,
    /// The pair's alignment record, when there is one.
    pub record: Option<PathBuf>,
    /// The project the pair was found in (for its languages, glossary and
    /// ignore file); `None` for pairs named on the command line.
    pub project: Option<Project>,
}

impl DocumentPair {
    /// A pair named file by file, outside any project.
    pub fn named(source: &Path, target: &Path) -> DocumentPair {
        DocumentPair {
            source: source.to_owned(),
            target: target.to_owned(),
            record: None,
            project: None,
        }
    }

    /// The language the project's folder names give the source, if any.
    pub fn source_lang(&self) -> Option<&str> {
        self.project.as_ref().map(|p| p.source_lang.as_str())
    }

    /// The language the project's folder names give the target, if any.
    pub fn target_lang(&self) -> Option<&str> {
        self.project.as_ref().map(|p| p.target_lang.as_str())
    }

    /// The folder whose `glossary/` and `brug-ignore.json` apply: the
    /// project's root, or `here` for pairs named on the command line.
    pub fn root<'a>(&'a self, here: &'a Path) -> &'a Path {
        self.project.as_ref().map_or(here, |p| p.root.as_path())
    }
}

/// `root/name`, written without a leading `./` for the current folder.
pub fn under(root: &Path, name: &str) -> PathBuf {
    if root.as_os_str().is_empty() || root == Path::new(".") {
        PathBuf::from(name)
    } else {
        root.join(name)
    }
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_owned(),
        source,
    }
}

impl Project {
    /// The project in `root`, or `None` when it has no `source_XX/` or no
    /// `target_YY/` folder. Two source or two target folders are an error:
    /// brug cannot tell which pair is meant.
    pub fn find(root: &Path) -> Result<Option<Project>> {
        let read_root = if root.as_os_str().is_empty() {
            Path::new(".")
        } else {
            root
        };
        let mut sources = Vec::new();
        let mut targets = Vec::new();
        for entry in std::fs::read_dir(read_root).map_err(io_error(root))? {
            let entry = entry.map_err(io_error(root))?;
            if !entry.path().is_dir() {
                continue;
            }
            let name = entry.file_name().to_string_lossy().into_owned();
            let language = |prefix: &str| {
                name.strip_prefix(prefix)
                    .filter(|l| {
                        !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                    })
                    .map(str::to_owned)
            };
            if let Some(lang) = language("source_") {
                sources.push((name.clone(), lang));
            } else if let Some(lang) = language("target_") {
                targets.push((name.clone(), lang));
            }
        }
        sources.sort();
        targets.sort();
        match (sources.as_slice(), targets.as_slice()) {
            ([], _) | (_, []) => Ok(None),
            ([(s, sl)], [(t, tl)]) => Ok(Some(Project {
                root: root.to_owned(),
                source_dir: under(root, s),
                target_dir: under(root, t),
                source_lang: sl.clone(),
                target_lang: tl.clone(),
            })),
            _ => Err(Error::AmbiguousProject {
                path: root.to_owned(),
                folders: sources
                    .iter()
                    .chain(&targets)
                    .map(|(n, _)| format!("{n}/"))
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        }
    }

    /// The project in `path`, which must be one.
    pub fn at(path: &Path) -> Result<Project> {
        Project::find(path)?.ok_or_else(|| Error::NotAProject {
            path: path.to_owned(),
        })
    }

    /// The project in the folder brug runs in (`here`), which must be one.
    pub fn here(here: &Path) -> Result<Project> {
        Project::find(here)?.ok_or(Error::NoProject)
    }

    /// Every `*.txt` and `*.pdf` in the source folder with the file of the
    /// same name in the target folder, or else of the same stem as a text
    /// or a PDF (which may be missing: the work on that pair reports it),
    /// and its record when there is one.
    pub fn pairs(&self) -> Result<Vec<DocumentPair>> {
        let mut out = Vec::new();
        let mut sources = files_ending(&self.source_dir, ".txt")?;
        sources.extend(files_ending(&self.source_dir, ".pdf")?);
        sources.sort();
        for source in sources {
            let Some(name) = source.file_name() else {
                continue;
            };
            let same = self.target_dir.join(name);
            let target = if same.exists() {
                same
            } else {
                ["txt", "pdf"]
                    .iter()
                    .map(|ext| same.with_extension(ext))
                    .find(|p| p.exists())
                    .unwrap_or(same)
            };
            let record = default_record_path(&target);
            out.push(DocumentPair {
                source,
                record: record.exists().then_some(record),
                target,
                project: Some(self.clone()),
            });
        }
        Ok(out)
    }

    /// The alignment records in the target folder.
    pub fn records(&self) -> Result<Vec<PathBuf>> {
        files_ending(&self.target_dir, ".align.json")
    }
}

/// Files in `dir` whose names end in `suffix`, sorted.
pub fn files_ending(dir: &Path, suffix: &str) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io_error(dir))? {
        let path = entry.map_err(io_error(dir))?.path();
        if path.is_file() && path.to_string_lossy().ends_with(suffix) {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}

/// Where `brug align --write` puts a translation's record by default:
/// beside it, `NAME.align.json`.
pub fn default_record_path(target: &Path) -> PathBuf {
    let stem = target
        .file_stem()
        .map_or_else(|| "alignment".into(), |s| s.to_string_lossy().into_owned());
    target.with_file_name(format!("{stem}.align.json"))
}

/// A path written in a record, as it stands from here: as written, or
/// from the project root (the record's folder's parent), where records
/// are usually written.
pub fn resolve_in_record(record: &Path, path: &str) -> PathBuf {
    let direct = PathBuf::from(path);
    if direct.exists() {
        return direct;
    }
    record
        .parent()
        .and_then(Path::parent)
        .map_or(direct.clone(), |root| root.join(path))
}

/// The glossary files of a folder: every `glossary/*.json` in it (none when
/// it has no such folder).
pub fn glossary_files(root: &Path) -> Result<Vec<PathBuf>> {
    let dir = under(root, "glossary");
    if dir.is_dir() {
        files_ending(&dir, ".json")
    } else {
        Ok(Vec::new())
    }
}

/// The ignore file of a folder, `brug-ignore.json`, when it has one.
pub fn ignore_file(root: &Path) -> Option<PathBuf> {
    let path = under(root, "brug-ignore.json");
    path.exists().then_some(path)
}

/// What a command was told to work on.
#[derive(Debug, Default)]
pub struct Selection<'a> {
    /// `--source`/`--target`, paired in order.
    pub sources: &'a [PathBuf],
    pub targets: &'a [PathBuf],
    /// `--record`.
    pub records: &'a [PathBuf],
    /// Positional: project folders and alignment records.
    pub paths: &'a [PathBuf],
}

/// The pair an alignment record names, with the record (`record` is the
/// record as read).
pub fn record_pair(path: &Path, record: &Record) -> DocumentPair {
    DocumentPair {
        source: resolve_in_record(path, &record.source.path),
        target: resolve_in_record(path, &record.target.path),
        record: Some(path.to_owned()),
        project: None,
    }
}

/// Reads and checks an alignment record file.
pub fn load_record(path: &Path) -> Result<Record> {
    Record::parse(path, &crate::ingest::read_text(path)?)
}

/// The pairs a selection names, in command-line order; with nothing named,
/// the project in `here`.
pub fn select(selection: &Selection, here: &Path) -> Result<Vec<DocumentPair>> {
    if selection.sources.len() != selection.targets.len() {
        return Err(Error::UnpairedFiles {
            sources: selection.sources.len(),
            targets: selection.targets.len(),
        });
    }
    let mut out: Vec<DocumentPair> = selection
        .sources
        .iter()
        .zip(selection.targets)
        .map(|(s, t)| DocumentPair::named(s, t))
        .collect();
    for path in selection.records {
        out.push(record_pair(path, &load_record(path)?));
    }
    for path in selection.paths {
        if path.is_dir() {
            out.extend(Project::at(path)?.pairs()?);
        } else if path.to_string_lossy().ends_with(".json") {
            out.push(record_pair(path, &load_record(path)?));
        } else if path.exists() {
            return Err(Error::NotAnInput { path: path.clone() });
        } else {
            return Err(Error::Io {
                path: path.clone(),
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            });
        }
    }
    if out.is_empty() && selection.paths.is_empty() && selection.records.is_empty() {
        return Project::here(here)?.pairs();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projects_are_found_by_folder_names() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let dir = dir.path();
        for sub in ["source_de", "target_fr", "glossary"] {
            std::fs::create_dir_all(dir.join(sub)).expect("folder");
        }
        let p = Project::find(dir).expect("readable").expect("a project");
        assert_eq!(
            (p.source_lang.as_str(), p.target_lang.as_str()),
            ("de", "fr")
        );
        assert_eq!(p.source_dir, dir.join("source_de"));
        std::fs::create_dir_all(dir.join("target_en")).expect("folder");
        assert!(Project::find(dir).is_err());
        assert_eq!(
            under(Path::new("."), "source_nl"),
            PathBuf::from("source_nl")
        );
    }
}
