//! Writes are atomic: a `brug export -o OUT --force` killed (SIGKILL) at
//! any moment leaves OUT as it was or complete, never half written.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{repo, scratch_dir};

/// `brug export` of the pair in `dir` to `out.tmx`, over what is there.
fn export(dir: &Path) -> Command {
    let mut command = Command::new(assert_cmd::cargo::cargo_bin("brug"));
    command
        .current_dir(dir)
        .args([
            "export", "--source", "nl.txt", "--target", "en.txt", "--format", "tmx", "-o",
            "out.tmx", "--force",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// Temporary files the writer left beside `out.tmx` (a killed process
/// cannot remove its own): hidden, named after the output.
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| !matches!(n.as_str(), "nl.txt" | "en.txt" | "out.tmx"))
        .collect()
}

/// When to kill a run.
#[derive(Debug, Clone, Copy)]
enum Moment {
    /// This long after the start.
    After(Duration),
    /// This long after the temporary file appears.
    Writing(Duration),
}

#[test]
fn a_killed_export_leaves_the_old_file_or_the_new_one() {
    let dir = scratch_dir("atomic");
    let copies = 3;
    for (name, path) in [
        ("nl.txt", "source_nl/kamerbrief-rusland-2021.txt"),
        ("en.txt", "target_en/kamerbrief-rusland-2021.txt"),
    ] {
        let text = std::fs::read_to_string(repo(path)).expect("letter");
        std::fs::write(dir.join(name), vec![text; copies].join("\n\n")).expect("write");
    }
    let old: &[u8] =
        b"<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><!-- the previous export --></tmx>\n";
    let out = dir.join("out.tmx");

    // A run to the end: how long it takes, and what it writes.
    std::fs::write(&out, old).expect("write");
    let started = Instant::now();
    let status = export(&dir).status().expect("runs");
    let full = started.elapsed();
    assert!(status.success(), "the export runs");
    let new = std::fs::read(&out).expect("written");
    assert!(new.len() > 100_000 && new.ends_with(b"</tmx>\n"));
    assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));

    // Kills at moments through the run, and then while the file is being
    // written: as soon as the temporary file appears, and a little later.
    let mut old_kept = 0;
    let mut new_written = 0;
    let mut during_write = 0;
    let moments = [
        Moment::After(full.mul_f64(0.1)),
        Moment::After(full.mul_f64(0.5)),
        Moment::Writing(Duration::ZERO),
        Moment::Writing(Duration::from_micros(300)),
        Moment::Writing(Duration::from_millis(1)),
        Moment::Writing(Duration::from_millis(3)),
        Moment::Writing(Duration::from_millis(10)),
        Moment::Writing(Duration::from_millis(100)),
    ];
    for moment in moments {
        std::fs::write(&out, old).expect("write");
        let mut child = export(&dir).spawn().expect("starts");
        match moment {
            Moment::After(delay) => std::thread::sleep(delay),
            Moment::Writing(delay) => {
                // Until the temporary file is there (or the run is over).
                while leftovers(&dir).is_empty() && child.try_wait().expect("wait").is_none() {
                    std::thread::sleep(Duration::from_micros(100));
                }
                std::thread::sleep(delay);
            }
        }
        let _ = child.kill();
        let _ = child.wait();
        let now = std::fs::read(&out).expect("the output is still there");
        if now == old {
            old_kept += 1;
        } else {
            assert!(
                now == new,
                "killed {moment:?}: {} bytes, neither the old file nor the new one",
                now.len()
            );
            new_written += 1;
        }
        for name in leftovers(&dir) {
            assert!(
                name.starts_with(".out.tmx.brug-") && name.ends_with(".tmp"),
                "unexpected file {name}"
            );
            if matches!(moment, Moment::Writing(_)) {
                during_write += 1;
            }
            let _ = std::fs::remove_file(dir.join(name));
        }
    }
    eprintln!(
        "full run {full:?}: {old_kept} kills kept the old file, {new_written} found the new one, {during_write} stopped the write"
    );
    // The kills landed before the write, and at least once within it.
    assert!(old_kept >= 2, "{old_kept}");
    assert!(during_write + new_written > 0);
    assert!(full < Duration::from_secs(60));
}
