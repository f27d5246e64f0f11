//! Several document pairs in one run: finding them (pairs named on the
//! command line, alignment records, project folders) and working on them
//! in parallel, one pair per thread, with the results delivered in a
//! stable order (the order the pairs were found in) as soon as each one
//! and all before it are done.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

/// A project folder: `source_XX/` beside `target_YY/`, the folder names
/// giving the languages (`source_nl/`, `target_en/`), with an optional
/// `glossary/` and `brug-ignore.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    pub root: PathBuf,
    pub source_dir: PathBuf,
    pub target_dir: PathBuf,
    pub source_lang: String,
    pub target_lang: String,
}

/// One document pair to work on.
#[derive(Debug, Clone)]
pub struct Pair {
    pub source: PathBuf,
    pub target: PathBuf,
    /// The pair's alignment record, when there is one.
    pub record: Option<PathBuf>,
    /// The project the pair was found in (for its languages, glossary and
    /// ignore file); `None` for pairs named on the command line.
    pub project: Option<Project>,
}

/// `root/name`, written without a leading `./` for the current folder.
pub fn under(root: &Path, name: &str) -> PathBuf {
    if root.as_os_str().is_empty() || root == Path::new(".") {
        PathBuf::from(name)
    } else {
        root.join(name)
    }
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> brug::Error + '_ {
    move |source| brug::Error::Io {
        path: path.to_owned(),
        source,
    }
}

/// The project in `root`, or `None` when it has no `source_XX/` or no
/// `target_YY/` folder. Two source or two target folders are an error:
/// brug cannot tell which pair is meant.
pub fn project(root: &Path) -> Result<Option<Project>, brug::Error> {
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
        _ => Err(brug::Error::Usage {
            message: format!(
                "{}: several source_XX/ or target_YY/ folders ({}); name the pairs with --source and --target",
                root.display(),
                sources
                    .iter()
                    .chain(&targets)
                    .map(|(n, _)| format!("{n}/"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }),
    }
}

/// Files in `dir` whose names end in `suffix`, sorted.
pub fn files_ending(dir: &Path, suffix: &str) -> Result<Vec<PathBuf>, brug::Error> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io_error(dir))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.to_string_lossy().ends_with(suffix))
        .collect();
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

/// Every `*.txt` in the project's source folder with the file of the same
/// name in its target folder (which may be missing: the work on that pair
/// reports it), and its record when there is one.
pub fn project_pairs(project: &Project) -> Result<Vec<Pair>, brug::Error> {
    let mut out = Vec::new();
    for source in files_ending(&project.source_dir, ".txt")? {
        let Some(name) = source.file_name() else {
            continue;
        };
        let target = project.target_dir.join(name);
        let record = default_record_path(&target);
        out.push(Pair {
            source,
            record: record.exists().then_some(record),
            target,
            project: Some(project.clone()),
        });
    }
    Ok(out)
}

/// The pair an alignment record names.
pub fn record_pair(path: &Path) -> Result<Pair, brug::Error> {
    let rec = brug::align::record::Record::load(path)?;
    Ok(Pair {
        source: super::check::resolve(path, &rec.source.path),
        target: super::check::resolve(path, &rec.target.path),
        record: Some(path.to_owned()),
        project: None,
    })
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

/// The pairs a selection names, in command-line order; with nothing named,
/// the project in the current folder.
pub fn pairs(selection: &Selection) -> Result<Vec<Pair>, brug::Error> {
    if selection.sources.len() != selection.targets.len() {
        return Err(brug::Error::Usage {
            message: format!(
                "{} --source and {} --target: give them in pairs",
                selection.sources.len(),
                selection.targets.len()
            ),
        });
    }
    let mut out: Vec<Pair> = selection
        .sources
        .iter()
        .zip(selection.targets)
        .map(|(s, t)| Pair {
            source: s.clone(),
            target: t.clone(),
            record: None,
            project: None,
        })
        .collect();
    for record in selection.records {
        out.push(record_pair(record)?);
    }
    for path in selection.paths {
        if path.is_dir() {
            let Some(p) = project(path)? else {
                return Err(brug::Error::Usage {
                    message: format!(
                        "{}: not a project folder (no source_XX/ and target_YY/ folders in it)",
                        path.display()
                    ),
                });
            };
            out.extend(project_pairs(&p)?);
        } else if path.to_string_lossy().ends_with(".json") {
            out.push(record_pair(path)?);
        } else if path.exists() {
            return Err(brug::Error::Usage {
                message: format!(
                    "{}: neither a project folder nor an alignment record (.align.json); name a pair with --source and --target",
                    path.display()
                ),
            });
        } else {
            return Err(brug::Error::Io {
                path: path.clone(),
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            });
        }
    }
    if out.is_empty() && selection.paths.is_empty() && selection.records.is_empty() {
        return match project(Path::new("."))? {
            Some(p) => project_pairs(&p),
            None => Err(brug::Error::Usage {
                message: "no source_XX/ and target_YY/ folders here: run brug in a project folder, or name the files (--source, --target), records or project folders".into(),
            }),
        };
    }
    Ok(out)
}

/// How many pairs to work on at once: `--jobs`, or one per core.
pub fn jobs(asked: Option<usize>) -> usize {
    asked
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
}

/// Threads one pair may use inside itself when `jobs` pairs of `items`
/// run at once: the cores the batch leaves over.
pub fn threads_per_pair(jobs: usize, items: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    (cores / jobs.min(items).max(1)).max(1)
}

/// A progress bar over documents on stderr, when it is a terminal and
/// there is more than one document.
fn progress_bar(items: usize, verb: &str) -> Option<indicatif::ProgressBar> {
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

/// Runs `work` on every item index in `0..items`, `jobs` at a time, and
/// hands each result to `deliver` in index order. When `deliver` fails,
/// no new item is started and the error is returned.
pub fn run_ordered<T: Send, E>(
    items: usize,
    jobs: usize,
    verb: &str,
    work: impl Fn(usize) -> T + Sync,
    mut deliver: impl FnMut(usize, T) -> Result<(), E>,
) -> Result<(), E> {
    if items <= 1 || jobs <= 1 {
        let bar = progress_bar(items, verb);
        for k in 0..items {
            let result = work(k);
            if let Some(bar) = &bar {
                bar.inc(1);
            }
            deliver(k, result)?;
        }
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        return Ok(());
    }
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let bar = progress_bar(items, verb);
    let outcome = std::thread::scope(|scope| {
        let (send, receive) = mpsc::channel::<(usize, T)>();
        for _ in 0..jobs.min(items) {
            let send = send.clone();
            let (next, stop, work) = (&next, &stop, &work);
            scope.spawn(move || {
                loop {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    if k >= items {
                        break;
                    }
                    if send.send((k, work(k))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        let mut pending = BTreeMap::new();
        let mut due = 0;
        for (k, result) in receive {
            if let Some(bar) = &bar {
                bar.inc(1);
            }
            pending.insert(k, result);
            while let Some(result) = pending.remove(&due) {
                if let Err(e) = deliver(due, result) {
                    stop.store(true, Ordering::Relaxed);
                    return Err(e);
                }
                due += 1;
            }
        }
        Ok(())
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_arrive_in_order_whatever_finishes_first() {
        let mut seen = Vec::new();
        let result: Result<(), ()> = run_ordered(
            50,
            4,
            "testing",
            |k| {
                // Early items take longest.
                std::thread::sleep(std::time::Duration::from_micros((50 - k as u64) * 40));
                k * 10
            },
            |k, v| {
                seen.push((k, v));
                Ok(())
            },
        );
        assert!(result.is_ok());
        assert_eq!(seen, (0..50).map(|k| (k, k * 10)).collect::<Vec<_>>());
    }

    #[test]
    fn a_failed_delivery_stops_the_batch() {
        let started = AtomicUsize::new(0);
        let result = run_ordered(
            1000,
            2,
            "testing",
            |k| {
                started.fetch_add(1, Ordering::Relaxed);
                std::thread::sleep(std::time::Duration::from_millis(1));
                k
            },
            |k, _| if k == 3 { Err(k) } else { Ok(()) },
        );
        assert_eq!(result, Err(3));
        assert!(started.load(Ordering::Relaxed) < 1000);
    }

    #[test]
    fn projects_are_found_by_folder_names() {
        let dir = std::env::temp_dir().join(format!("brug-batch-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("source_de")).unwrap();
        std::fs::create_dir_all(dir.join("target_fr")).unwrap();
        std::fs::create_dir_all(dir.join("glossary")).unwrap();
        let p = project(&dir).unwrap().unwrap();
        assert_eq!(
            (p.source_lang.as_str(), p.target_lang.as_str()),
            ("de", "fr")
        );
        assert_eq!(p.source_dir, dir.join("source_de"));
        std::fs::create_dir_all(dir.join("target_en")).unwrap();
        assert!(project(&dir).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(
            under(Path::new("."), "source_nl"),
            PathBuf::from("source_nl")
        );
    }
}
