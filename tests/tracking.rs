//! Change tracking as a translator meets it: the Dutch letter is revised
//! after translation; `brug check` reports the stale segments, `brug
//! update` marks them, the translation is never touched.

use std::path::Path;

use serde_json::Value;

use crate::common::{Scratch, brug_in, repo, scratch_dir};

/// A scratch copy of the project (letter, translation, record, glossary).
fn scratch(name: &str) -> Scratch {
    let dir = scratch_dir(&format!("tracking-{name}"));
    for sub in ["source_nl", "target_en", "glossary"] {
        std::fs::create_dir_all(dir.join(sub)).expect("scratch dir");
        for entry in std::fs::read_dir(repo(sub)).expect("project folder") {
            let path = entry.expect("entry").path();
            std::fs::copy(&path, dir.join(sub).join(path.file_name().expect("name")))
                .expect("copy");
        }
    }
    dir
}

/// Runs `brug ARGS` in `dir`: exit code and stdout.
fn brug(dir: &Path, args: &[&str]) -> (i32, String) {
    let (code, out, _) = brug_in(dir, args);
    (code, out)
}

/// `(code, source text)` of each finding of `brug check --format json`,
/// for the change-tracking codes.
fn tracked(dir: &Path) -> Vec<(String, String)> {
    let (code, out) = brug(dir, &["check", "--format", "json", "--fail-on", "never"]);
    assert_eq!(code, 0, "{out}");
    let json: Value = serde_json::from_str(&out).expect("json");
    let mut found: Vec<(String, String)> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| {
            matches!(
                f["code"].as_str(),
                Some(
                    "source-changed"
                        | "untranslated"
                        | "omission"
                        | "orphan-translation"
                        | "needs-review"
                        | "target-changed"
                )
            )
        })
        .map(|f| {
            let side = if f["source"].is_null() {
                &f["target"]
            } else {
                &f["source"]
            };
            (
                f["code"].as_str().unwrap_or_default().to_owned(),
                side["text"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    found.sort();
    found
}

const LETTER: &str = "source_nl/kamerbrief-rusland-2021.txt";
const TRANSLATION: &str = "target_en/kamerbrief-rusland-2021.txt";

fn revise(dir: &Path) {
    let path = dir.join(LETTER);
    let text = std::fs::read_to_string(&path).expect("letter");
    let revised = text
        // an edited sentence
        .replacen("In 2019 publiceerde", "In 2018 publiceerde", 1)
        // a new sentence
        .replacen(
            "Nederland. Daaruit",
            "Nederland. Dit onderzoek wordt in 2022 herhaald. Daaruit",
            1,
        )
        // a deleted sentence, translated on its own
        .replacen(
            "Ook hiervoor geldt overigens dat deze samenwerking niet zonder risico is.",
            "",
            1,
        )
        // a deleted sentence, translated together with the one before
        .replacen(" Dit zal de komende jaren worden voortgezet.", "", 1);
    assert_ne!(text, revised);
    std::fs::write(&path, revised).expect("write");
}

#[test]
fn stale_segments_then_update_then_needs_review() {
    let dir = scratch("flow");
    let translation = std::fs::read(dir.join(TRANSLATION)).expect("translation");
    assert!(tracked(&dir).is_empty(), "the bundled project is current");
    revise(&dir);
    let found = tracked(&dir);
    let codes: Vec<&str> = found.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(
        codes,
        [
            "orphan-translation",
            "source-changed",
            "source-changed",
            "untranslated"
        ],
        "{found:#?}"
    );
    assert!(found[0].1.starts_with("Here too"), "{found:#?}");
    assert!(
        found[1].1.starts_with("Het consulaat-generaal"),
        "{found:#?}"
    );
    assert!(found[2].1.starts_with("In 2018 publiceerde"), "{found:#?}");
    assert_eq!(found[3].1, "Dit onderzoek wordt in 2022 herhaald.");
    let (_, status) = brug(&dir, &["status"]);
    assert!(
        status.contains("2 needs review, 1 untranslated, 1 orphaned"),
        "{status}"
    );

    let (code, dry) = brug(&dir, &["update", "--dry-run"]);
    assert_eq!(code, 0);
    assert!(dry.contains("2 to review, 1 new, 2 deleted"), "{dry}");
    assert_eq!(tracked(&dir).len(), 4, "a dry run writes nothing");

    let (code, _) = brug(&dir, &["update"]);
    assert_eq!(code, 0);
    let found = tracked(&dir);
    let codes: Vec<&str> = found.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(
        codes,
        [
            "needs-review",
            "needs-review",
            "orphan-translation",
            "untranslated"
        ],
        "{found:#?}"
    );
    let (_, status) = brug(&dir, &["status"]);
    assert!(
        status.contains("2 needs review, 1 untranslated, 1 orphaned"),
        "{status}"
    );
    assert_eq!(
        std::fs::read(dir.join(TRANSLATION)).expect("translation"),
        translation,
        "the translation is never touched"
    );
}

#[test]
fn a_moved_paragraph_is_not_stale() {
    let dir = scratch("moved");
    let path = dir.join(LETTER);
    let text = std::fs::read_to_string(&path).expect("letter");
    // Move the paragraph holding one sentence to the end of the running
    // text: the translation need not change.
    let sentence = " Dit zal de komende jaren worden voortgezet.";
    let moved = text.replacen(sentence, "", 1).replacen(
        "Ook hiervoor geldt overigens dat deze samenwerking niet zonder risico is.",
        &format!(
            "Ook hiervoor geldt overigens dat deze samenwerking niet zonder risico is.{sentence}"
        ),
        1,
    );
    assert_ne!(text, moved);
    std::fs::write(&path, moved).expect("write");
    assert!(tracked(&dir).is_empty(), "{:#?}", tracked(&dir));
}
