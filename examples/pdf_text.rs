//! Prints the text brug reads from a PDF, each line with its hint:
//! `cargo run --example pdf_text -- FILE.pdf`.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: pdf_text FILE.pdf");
        std::process::exit(2);
    };
    let path = std::path::Path::new(&path);
    let extracted = std::fs::read(path)
        .map_err(|e| e.to_string())
        .and_then(|bytes| brug::ingest::pdf::extract(path, &bytes).map_err(|e| e.to_string()));
    match extracted {
        Ok(e) => {
            for (line, hint) in e.text.split('\n').zip(&e.hints) {
                let mark = match (hint.furniture, hint.starts) {
                    (Some(_), _) => "F",
                    (None, Some(brug::ingest::pdf::HintKind::Letterhead)) => "L",
                    (None, Some(brug::ingest::pdf::HintKind::Heading)) => "H",
                    (None, Some(brug::ingest::pdf::HintKind::ListItem)) => "I",
                    (None, Some(brug::ingest::pdf::HintKind::Text)) => "S",
                    (None, Some(brug::ingest::pdf::HintKind::Cell)) => "C",
                    (None, None) => " ",
                };
                println!("{mark}{} {line}", if hint.bullet > 0 { "*" } else { " " });
            }
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
}
