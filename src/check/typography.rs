//! `typography` in the translation: double spaces, leftover line-end
//! hyphenation, footnote numbers left glued to words, unbalanced brackets
//! and quotes; in English, Dutch low quotes, decimal commas, a space after
//! `€` and lower-case month names.

use super::{BeadText, CheckContext, Finding};
use crate::model::{Code, PairSide};

/// One problem: byte range in the text and what is wrong.
type Spot = (usize, usize, String);

fn spots(text: &str, english: bool, months: &dyn Fn(&str) -> bool) -> Vec<Spot> {
    let mut out: Vec<Spot> = Vec::new();
    if let Some(at) = text.find("  ") {
        out.push((at, at + 2, "double space".into()));
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for w in chars.windows(4) {
        // `infor- mation`: a hyphen, a space, then a lower-case letter
        // that is not the start of `and`/`or`/`en`/`of` (a suspended
        // hyphen, as in `pre- and post-war`).
        if w[0].1.is_alphabetic() && w[1].1 == '-' && w[2].1 == ' ' && w[3].1.is_lowercase() {
            let next: String = text[w[3].0..]
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            if !matches!(
                next.as_str(),
                "and" | "or" | "en" | "of" | "to" | "tot" | "nor"
            ) {
                out.push((w[1].0, w[3].0, "leftover hyphenation".into()));
            }
        }
    }
    for (at, word) in super::words(text) {
        // A footnote number glued to a word: `policy3`.
        let digits = word.chars().rev().take_while(char::is_ascii_digit).count();
        let letters = &word[..word.len() - digits];
        if (1..=2).contains(&digits)
            && letters.chars().count() >= 3
            && letters.chars().all(|c| c.is_lowercase())
        {
            out.push((
                at,
                at + word.len(),
                "a number glued to a word: a footnote marker left over?".into(),
            ));
        }
    }
    let count = |c: char| text.matches(c).count();
    for (open, close) in [('(', ')'), ('[', ']'), ('“', '”')] {
        let labels = if close == ')' { label_closers(text) } else { 0 };
        if count(open) != count(close) - labels {
            let at = text.find([open, close]).unwrap_or(0);
            out.push((
                at,
                at + open.len_utf8().min(text.len() - at),
                format!("unbalanced `{open}` and `{close}`"),
            ));
        }
    }
    if count('"') % 2 == 1 {
        let at = text.find('"').unwrap_or(0);
        out.push((at, at + 1, "unbalanced `\"`".into()));
    }
    if english {
        for q in ['„', '‚'] {
            if let Some(at) = text.find(q) {
                out.push((
                    at,
                    at + q.len_utf8(),
                    format!("Dutch quotation mark `{q}` in English"),
                ));
            }
        }
        for (k, w) in chars.windows(4).enumerate() {
            // `2,5` in English: a comma between digits not followed by a
            // group of three.
            if w[0].1.is_ascii_digit() && w[1].1 == ',' && w[2].1.is_ascii_digit() {
                let group = chars[k + 2..]
                    .iter()
                    .take_while(|(_, c)| c.is_ascii_digit())
                    .count();
                let before = chars[..k + 1]
                    .iter()
                    .rev()
                    .take_while(|(_, c)| c.is_ascii_digit())
                    .count();
                // `paragraphs 2,3, and 4`: a list, its numbers closed by
                // another comma.
                let listed = chars.get(k + 2 + group).is_some_and(|&(_, c)| c == ',');
                if group != 3 && before <= 3 && !listed {
                    out.push((w[0].0, w[2].0 + 1, "decimal comma in English".into()));
                }
            }
        }
        if let Some(at) = text.find("€ ")
            && text[at + "€ ".len()..].starts_with(|c: char| c.is_ascii_digit())
        {
            out.push((at, at + "€ ".len(), "no space after `€` in English".into()));
        }
        let words: Vec<(usize, &str)> = super::words(text).collect();
        for pair in words.windows(2) {
            let ((_, a), (at, b)) = (pair[0], pair[1]);
            if a.chars().all(|c| c.is_ascii_digit())
                && b.starts_with(char::is_lowercase)
                && months(b)
            {
                out.push((
                    at,
                    at + b.len(),
                    "month names are capitalized in English".into(),
                ));
            }
        }
    }
    out
}

pub fn check(cx: &CheckContext<'_>, pair: &BeadText<'_>, out: &mut Vec<Finding>) {
    let english = cx.target_rules.code == "en";
    let months = |w: &str| cx.target_rules.months.contains_key(w);
    for (start, end, message) in spots(&pair.target.text, english, &months) {
        let mut f = cx.finding(Code::Typography, pair, message);
        f.highlight = cx.highlight(pair, PairSide::Target, start, end);
        out.push(f);
    }
}

/// Closing brackets of list labels that open nothing (`a)`, `ii)`, `2)`,
/// `9.1)`): one with no `(` open before it, after a label of at most four
/// letters or digits standing as a word.
fn label_closers(text: &str) -> usize {
    let mut open = 0usize;
    let mut labels = 0;
    for (at, c) in text.char_indices() {
        match c {
            '(' => open += 1,
            ')' if open > 0 => open -= 1,
            ')' => {
                let before = &text[..at];
                let label = before
                    .rsplit(|c: char| c.is_whitespace())
                    .next()
                    .unwrap_or(before);
                if (1..=4).contains(&label.chars().count())
                    && label.chars().all(|c| c.is_alphanumeric() || c == '.')
                    && label.chars().any(char::is_alphanumeric)
                {
                    labels += 1;
                }
            }
            _ => {}
        }
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        let months = |w: &str| w == "september";
        spots(text, true, &months)
            .into_iter()
            .map(|s| s.2)
            .collect()
    }

    #[test]
    fn english_typography() {
        assert!(found("The government supports it (fully), on 28 September 2020.").is_empty());
        assert!(found("A pre- and post-war view of 1,000 people.").is_empty());
        assert_eq!(found("A double  space."), ["double space"]);
        assert!(found("a) Battle tanks; (ii) the course at a) and b) above").is_empty());
        assert_eq!(found("See (Article 5 and 6."), ["unbalanced `(` and `)`"]);
        assert_eq!(found("The infor- mation."), ["leftover hyphenation"]);
        assert_eq!(
            found("The policy3 is new."),
            ["a number glued to a word: a footnote marker left over?"]
        );
        assert_eq!(found("It costs 2,5 million."), ["decimal comma in English"]);
        assert!(found("Article 15, paragraphs 2,3, and 4.").is_empty());
        assert_eq!(found("It costs € 35."), ["no space after `€` in English"]);
        assert_eq!(
            found("On 28 september."),
            ["month names are capitalized in English"]
        );
        assert_eq!(
            found("„Quoted”"),
            [
                "unbalanced `“` and `”`",
                "Dutch quotation mark `„` in English"
            ]
        );
    }
}
