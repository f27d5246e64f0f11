//! The help texts users read, as reviewed snapshots (insta), and the
//! completions and manual page generated from the same definition.

use assert_cmd::Command;

fn run(args: &[&str]) -> String {
    let out = Command::cargo_bin("brug")
        .expect("binary")
        .args(args)
        .env("COLUMNS", "100")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{args:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn help_texts() {
    for args in [
        vec![],
        vec!["segment"],
        vec!["align"],
        vec!["check"],
        vec!["diff"],
        vec!["update"],
        vec!["status"],
        vec!["export"],
        vec!["import"],
        vec!["completions"],
        vec!["man"],
        vec!["glossary"],
        vec!["glossary", "lint"],
        vec!["glossary", "show"],
        vec!["glossary", "export"],
        vec!["glossary", "import"],
    ] {
        let mut full = args.clone();
        full.push("--help");
        let text = run(&full);
        let name = if args.is_empty() {
            "brug".to_owned()
        } else {
            format!("brug-{}", args.join("-"))
        };
        // Every command says what it does in one line and how it exits.
        assert!(text.lines().next().is_some_and(|l| !l.is_empty()), "{name}");
        assert!(text.contains("Exit status"), "{name}: no exit status");
        insta::assert_snapshot!(name, text);
    }
}

#[test]
fn completions_and_manual_page() {
    let bash = run(&["completions", "bash"]);
    assert!(bash.contains("_brug()"));
    for sub in [
        "segment", "align", "check", "diff", "update", "status", "export", "import", "glossary",
    ] {
        assert!(bash.contains(sub), "{sub}");
    }
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        assert!(run(&["completions", shell]).contains("brug"), "{shell}");
    }
    let man = run(&["man"]);
    assert!(man.contains(".TH brug 1"));
    assert!(man.contains("check"));
}
