//! Spelling variants of one word (`labour`/`labor`, `organise`/`organize`,
//! `co-operation`/`cooperation`), from the pairs of a language's rules
//! (`[spelling_variants]`): a rule does it, not a list of words.

use super::Rules;

/// The rest of a word a `*` stands for has at least this many letters, so
/// `*our *or` changes `labour` but not `four`.
const MIN_REST_CHARS: usize = 3;

/// At most this many spellings of a form of several words.
const MAX_SPELLINGS: usize = 16;

/// `word` (lower case) with `from` replaced by `to`, if the pattern `from`
/// fits it. Patterns: `*ending`, `beginning*`, or a whole word.
fn respell(word: &str, from: &str, to: &str) -> Option<String> {
    let rest_ok = |rest: &str| rest.chars().filter(|c| c.is_alphabetic()).count() >= MIN_REST_CHARS;
    if let Some(ending) = from.strip_prefix('*') {
        let rest = word.strip_suffix(ending)?;
        let new_ending = to.strip_prefix('*')?;
        rest_ok(rest).then(|| format!("{rest}{new_ending}"))
    } else if let Some(beginning) = from.strip_suffix('*') {
        let rest = word.strip_prefix(beginning)?;
        let new_beginning = to.strip_suffix('*')?;
        rest_ok(rest).then(|| format!("{new_beginning}{rest}"))
    } else {
        (word == from).then(|| to.to_owned())
    }
}

/// `respelled` in the letter case of `original`: all capitals, a capital
/// first letter, or as it is.
fn in_case_of(original: &str, respelled: String) -> String {
    let letters = || original.chars().filter(|c| c.is_alphabetic());
    if letters().count() > 1 && letters().all(char::is_uppercase) {
        return respelled.to_uppercase();
    }
    if original.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = respelled.chars();
        return chars.next().map_or_else(String::new, |first| {
            first.to_uppercase().chain(chars).collect()
        });
    }
    respelled
}

/// The other spellings of one word, in either direction of every rule.
fn word_spellings(word: &str, rules: &Rules) -> Vec<String> {
    super::with_lowercase(word, |lower| {
        let mut out: Vec<String> = Vec::new();
        for &(british, american) in &rules.spelling_variants {
            for (from, to) in [(british, american), (american, british)] {
                if let Some(respelled) = respell(lower, from, to) {
                    let respelled = in_case_of(word, respelled);
                    if respelled != word && !out.contains(&respelled) {
                        out.push(respelled);
                    }
                }
            }
        }
        out
    })
}

/// Every spelling of `form` (words separated by spaces), `form` first:
/// each word in each of its spellings, at most [`MAX_SPELLINGS`].
pub fn spellings(form: &str, rules: &Rules) -> Vec<String> {
    let others: Vec<Vec<String>> = form
        .split(' ')
        .map(|word| word_spellings(word, rules))
        .collect();
    if others.iter().all(Vec::is_empty) {
        // Most forms: no word has another spelling.
        return vec![form.to_owned()];
    }
    let mut out = vec![String::new()];
    for (k, (word, others)) in form.split(' ').zip(others).enumerate() {
        let mut choices = vec![word.to_owned()];
        choices.extend(others);
        let mut next = Vec::new();
        for head in &out {
            for choice in &choices {
                if next.len() < MAX_SPELLINGS {
                    let sep = if k == 0 { "" } else { " " };
                    next.push(format!("{head}{sep}{choice}"));
                }
            }
        }
        out = next;
    }
    out
}

/// One spelling of `form` (lower case) that all its spellings share: each
/// rule applied towards its second spelling.
pub fn spelling_key(form: &str, rules: &Rules) -> String {
    form.to_lowercase()
        .split_whitespace()
        .map(|word| {
            rules
                .spelling_variants
                .iter()
                .find_map(|&(british, american)| respell(word, british, american))
                .unwrap_or_else(|| word.to_owned())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> &'static Rules {
        Rules::for_language("en").unwrap()
    }

    #[test]
    fn british_and_american_spellings_both_ways() {
        let all = |form: &str| spellings(form, english());
        assert!(all("co-operation").contains(&"cooperation".to_owned()));
        assert!(all("cooperation").contains(&"co-operation".to_owned()));
        assert!(all("Labour market").contains(&"Labor market".to_owned()));
        assert!(all("organisation").contains(&"organization".to_owned()));
        assert!(all("Programme").contains(&"Program".to_owned()));
        assert!(all("defence").contains(&"defense".to_owned()));
        assert!(all("CENTRE").contains(&"CENTER".to_owned()));
        assert_eq!(all("four"), ["four"]);
        assert_eq!(all("motion")[0], "motion");
    }

    #[test]
    fn spellings_share_a_key() {
        let key = |form: &str| spelling_key(form, english());
        assert_eq!(key("exchange programme"), key("Exchange Program"));
        assert_eq!(key("co-operation"), key("cooperation"));
        assert_ne!(key("four"), key("for"));
    }
}
