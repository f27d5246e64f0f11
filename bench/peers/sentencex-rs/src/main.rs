//! Reads a file, segments it with sentencex, prints the sentence count and
//! the segmentation time (without reading the file).

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let lang = args.next().unwrap_or_else(|| "nl".into());
    let path = args.next().expect("usage: sentencex-bench LANG FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let start = Instant::now();
    let sentences = sentencex::segment(&lang, &text);
    let secs = start.elapsed().as_secs_f64();
    println!("{} {secs:.4}", sentences.len());
}
