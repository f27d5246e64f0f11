//! Scores brug's aligner on a gold-standard set in the layout of the
//! Bleualign/vecalign test data: for every `NAME.SRC` and `NAME.TGT` with a
//! gold file `NAME.SRCTGT` (one sentence per line; gold beads in the
//! vecalign format), aligns the pair as lines, without a dictionary, and
//! prints strict and lax precision, recall and F1 summed over the
//! documents, as vecalign's scorer computes them.
//!
//!   cargo run --release --example align_eval -- DIR [SRC TGT] [PREFIX]
//!
//! e.g. `… -- ../bleualign_de_fr de fr test` scores test0…test6.

use std::path::Path;

use brug::align::score::{Counts, ShapeRecall, counts, parse, recall_by_shape, scores};
use brug::align::{AlignOptions, AlignUnit, align};

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: align_eval DIR [SRC TGT] [PREFIX]");
        return std::process::ExitCode::from(2);
    };
    let src = args.get(1).map_or("de", String::as_str);
    let tgt = args.get(2).map_or("fr", String::as_str);
    let prefix = args.get(3).map_or("test", String::as_str);
    let dir = Path::new(dir);
    let mut names: Vec<String> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| n.starts_with(prefix) && n.ends_with(&format!(".{src}{tgt}")))
            .map(|n| n.trim_end_matches(&format!(".{src}{tgt}")).to_owned())
            .collect(),
        Err(e) => {
            eprintln!("{}: {e}", dir.display());
            return std::process::ExitCode::from(2);
        }
    };
    names.sort();
    let (mut p, mut r) = (Counts::default(), Counts::default());
    let mut shapes: std::collections::BTreeMap<(usize, usize), ShapeRecall> = Default::default();
    let mut options = AlignOptions::default();
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<f64>().ok());
    if let Some(g) = env("GAP") {
        options.gap_cost = g as f32;
    }
    if let Some(w) = env("W") {
        options.anchor_weight = w as f32;
    }
    if let Some(o) = env("OFF") {
        options.anchor_offset = o as f32;
    }
    if let Some(v) = env("V") {
        options.variance = v;
    }
    if std::env::var("CALIBRATE").is_ok_and(|v| v == "1") {
        options.calibrate = true;
    }
    if let Ok(p) = std::env::var("PRIORS") {
        let v: Vec<f64> = p.split(',').filter_map(|x| x.parse().ok()).collect();
        if v.len() == options.priors.len() {
            options.priors.copy_from_slice(&v);
        }
    }
    for name in &names {
        let read = |ext: &str| {
            std::fs::read_to_string(dir.join(format!("{name}.{ext}"))).unwrap_or_default()
        };
        let (s, t, g) = (read(src), read(tgt), read(&format!("{src}{tgt}")));
        let su: Vec<AlignUnit<'_>> = s.lines().map(AlignUnit::line).collect();
        let tu: Vec<AlignUnit<'_>> = t.lines().map(AlignUnit::line).collect();
        let test = align(&su, &tu, &options);
        let Ok(gold) = parse(&g) else {
            eprintln!("{name}: unreadable gold file");
            return std::process::ExitCode::from(2);
        };
        let (dp, dr) = counts(&gold, &test);
        let one = scores(dp, dr);
        println!(
            "{name}: strict F1 {:.3}  lax F1 {:.3}",
            one.strict_f1, one.lax_f1
        );
        p += dp;
        r += dr;
        for (shape, one) in recall_by_shape(&gold, &test) {
            let all = shapes.entry(shape).or_default();
            all.gold += one.gold;
            all.found += one.found;
        }
    }
    let s = scores(p, r);
    let by_shape: Vec<String> = shapes
        .iter()
        .map(|(&(a, b), x)| {
            format!(
                "{a}-{b} {}/{} {:.3}",
                x.found,
                x.gold,
                x.found as f64 / x.gold.max(1) as f64
            )
        })
        .collect();
    println!("recall by shape: {}", by_shape.join(", "));
    println!(
        "all {} documents: strict P {:.3} R {:.3} F1 {:.3} | lax P {:.3} R {:.3} F1 {:.3}",
        names.len(),
        s.strict_precision,
        s.strict_recall,
        s.strict_f1,
        s.lax_precision,
        s.lax_recall,
        s.lax_f1
    );
    std::process::ExitCode::SUCCESS
}
