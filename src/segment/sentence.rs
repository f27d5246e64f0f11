//! Sentence boundaries inside one block of clean text.
//!
//! A boundary can follow `.`, `!`, `?`, `…` or an ellipsis (also spaced,
//! `. . .`), with closing quotes and brackets after it. Whether it does
//! depends on what follows and on the word before a period:
//! - lower case next: no boundary (`Co. at noon`, `“great.” she said`);
//! - after `!`/`?`/an ellipsis, a capital, digit or quote next: boundary;
//! - after a period, a capital next: a boundary unless the word before is
//!   a title (`Mr.`, `dhr.`), or an abbreviation (`c.s.`, `i.t.t.`, `Co.`)
//!   or an initial (`S.A.`, `E.`) followed by a word that does not usually
//!   open a sentence (`U.S. Government` vs `U.S. How`);
//! - in languages that write ordinals with a period (`am 3. Oktober`), a
//!   number of up to three digits before it ends a sentence only when the
//!   next word is not a month and usually opens a sentence;
//! - after a period, a digit or symbol next: a boundary unless the word
//!   before is an abbreviation (`nr. 19`, `i.t.t. € 80`);
//! - inside a URL or e-mail address, inside `(…)`/`[…]` markers such as
//!   `(!)` and `[...]`, and at list markers (`1.`, `a)`): never.
//!   Inline lists (`1. … 2. …`, `• … • …`) break before each marker.

use crate::lang::rules::caption_words;
use crate::lang::{Rules, with_lowercase};

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']')
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '„' | '‚' | '«' | '‹' | '(' | '['
    )
}

const BULLETS: &[char] = &[
    '•', '·', '▪', '‣', '⁃', '◦', '*', '-', '–', '—', '○', '■', '□', '➢', '►',
];

/// Splits `text` into sentences; returns byte ranges without surrounding
/// whitespace, in order, covering every non-whitespace character.
///
/// `hints` are byte offsets where a footnote marker was removed: a marker
/// right after a period marks the period as a sentence end even after an
/// abbreviation (`8 februari jl.[1] Directe …`).
pub fn split(text: &str, rules: &Rules, hints: &[usize]) -> Vec<(usize, usize)> {
    let mut protected = protected_ranges(text);
    let (list_cuts, list_marks) = inline_lists(text);
    protected.extend(list_marks);
    protected.sort_unstable();
    let mut cuts = list_cuts;
    let bytes = text.as_bytes();
    let has_ellipsis_char = memchr::memmem::find(bytes, "…".as_bytes()).is_some();
    let mut i = 0;
    let mut p = 0; // index into `protected`
    while i < bytes.len() {
        // Next candidate: `.`, `!`, `?` (and `…` when the block has one).
        let next = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]).map(|k| i + k);
        let next = if has_ellipsis_char {
            let e = memchr::memmem::find(&bytes[i..], "…".as_bytes()).map(|k| i + k);
            match (next, e) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            }
        } else {
            next
        };
        let Some(at) = next else {
            break;
        };
        i = at;
        while p < protected.len() && protected[p].1 <= i {
            p += 1;
        }
        if p < protected.len() && protected[p].0 <= i {
            i = protected[p].1;
            continue;
        }
        let next = decide(text, i, rules, hints);
        i = next.resume;
        if let Some(cut) = next.cut {
            cuts.push(cut);
        }
    }
    // A speaker's name opens a sentence (an extractor may have run the
    // speakers' turns together).
    let speakers: Vec<usize> = std::iter::once(0)
        .chain(cuts.iter().copied())
        .filter_map(|start| {
            let lead = text[start..].len() - text[start..].trim_start().len();
            speaker_label_end(&text[start + lead..], rules).map(|end| start + lead + end)
        })
        .collect();
    cuts.extend(speakers);
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for cut in cuts.into_iter().chain(std::iter::once(text.len())) {
        if cut <= start {
            continue;
        }
        push_trimmed(text, start, cut, &mut out);
        start = cut;
    }
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push((start + lead, start + lead + trimmed.len()));
    }
}

struct Decision {
    /// Where the next sentence starts, if there is a boundary.
    cut: Option<usize>,
    /// Where to go on scanning.
    resume: usize,
}

fn decide(text: &str, i: usize, rules: &Rules, hints: &[usize]) -> Decision {
    let cluster = Cluster::at(text, i);
    let j = cluster.end;
    let before = text[..i].chars().next_back();
    // `(!)`, `[...]`: inside brackets, not an end.
    if before.is_some_and(|c| c == '(' || c == '[') {
        return Decision {
            cut: None,
            resume: j,
        };
    }
    let k = closers_end(text, j);
    let Some(after) = text[k..].chars().next() else {
        return Decision {
            cut: None,
            resume: k,
        };
    };
    if !after.is_whitespace() {
        return glued(text, i, j, k, &cluster);
    }
    let t = k + text[k..].len() - text[k..].trim_start().len();
    if t >= text.len() {
        return Decision {
            cut: None,
            resume: t,
        };
    }
    let next_token = &text[t..];
    let core = next_token.trim_start_matches(is_opener);
    let Some(r) = core.chars().next() else {
        return Decision {
            cut: None,
            resume: t,
        };
    };
    // `raak. ...en toen`: the next sentence opens with an ellipsis.
    if core.starts_with("...") || core.starts_with('…') {
        return Decision {
            cut: Some(t),
            resume: t,
        };
    }
    let sentence_case = r.is_uppercase() || core.starts_with("'s ") || core.starts_with("’s ");
    if r.is_lowercase() && !sentence_case {
        return Decision {
            cut: None,
            resume: t,
        };
    }
    let cut = if cluster.bang {
        (sentence_case || r.is_ascii_digit() || is_opener(next_token.chars().next().unwrap_or(' ')))
            .then_some(t)
    } else if cluster.dots >= 2 || text[i..j].contains('…') {
        after_ellipsis(i, t, core, sentence_case, &cluster)
    } else if numbers_caption(&text[..i]) {
        None
    } else {
        let period = Period {
            word: word_before(text, i),
            core,
            marked: hints.binary_search(&k).is_ok(),
            sentence_case,
        };
        period.ends_sentence(rules).then_some(t)
    };
    Decision { cut, resume: t }
}

/// The terminal cluster at a sentence-end candidate: `.`, `?!`, `...`,
/// `…`, and spaced `. . .`.
struct Cluster {
    /// Where the cluster ends.
    end: usize,
    /// Periods in it (an ellipsis character counts three).
    dots: usize,
    /// Periods before the spaced ones.
    unspaced_dots: usize,
    /// Spaced periods (` .`).
    spaced: usize,
    /// Whether it has `?` or `!`.
    bang: bool,
    /// Whether a letter or digit stands right before it.
    glued_first: bool,
}

impl Cluster {
    fn at(text: &str, i: usize) -> Cluster {
        let mut j = i;
        let mut dots = 0;
        let mut bang = false;
        for c in text[i..].chars() {
            if !is_terminal(c) {
                break;
            }
            match c {
                '.' => dots += 1,
                '…' => dots += 3,
                _ => bang = true,
            }
            j += c.len_utf8();
        }
        let glued_first = i > 0
            && text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
        let unspaced_dots = dots;
        let mut spaced = 0;
        while text[j..].starts_with(" .") {
            let after = text[j + 2..].chars().next();
            if after.is_none_or(|c| c == ' ' || is_closer(c)) {
                j += 2;
                dots += 1;
                spaced += 1;
            } else {
                break;
            }
        }
        Cluster {
            end: j,
            dots,
            unspaced_dots,
            spaced,
            bang,
            glued_first,
        }
    }
}

/// Where the closing quotes, brackets and citation marks after a cluster
/// ending at `j` end.
fn closers_end(text: &str, j: usize) -> usize {
    let mut k = j;
    // French spacing: `bien. »` — a closing guillemet after a space still
    // closes the sentence.
    for space in [" »", "\u{a0}»", "\u{202f}»"] {
        if text[k..].starts_with(space) {
            k += space.len();
            break;
        }
    }
    for c in text[k..].chars() {
        if !is_closer(c) {
            break;
        }
        k += c.len_utf8();
    }
    // Citation marks glued after the end (`martyr.[1][2] The …`) stay with
    // the sentence they close.
    while let Some(len) = citation_len(&text[k..]) {
        k += len;
    }
    k
}

/// A cluster glued to what follows: `world.Today`, `1,000.That`,
/// `it?Yes`, `slowly...But`.
fn glued(text: &str, i: usize, j: usize, k: usize, cluster: &Cluster) -> Decision {
    let next: Vec<char> = text[k..].chars().take(2).collect();
    let word_follows = next.len() == 2 && next[0].is_uppercase() && next[1].is_lowercase();
    let period = cluster.unspaced_dots == 1 && !cluster.bang && k == j && glued_start(text, i, k);
    let other = (cluster.bang || cluster.unspaced_dots >= 3)
        && word_follows
        && text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
    Decision {
        cut: (period || other).then_some(k),
        resume: k.max(i + 1),
    }
}

/// Where an ellipsis before whitespace cuts, if it does (`t`: the next
/// token's start).
fn after_ellipsis(
    i: usize,
    t: usize,
    core: &str,
    sentence_case: bool,
    cluster: &Cluster,
) -> Option<usize> {
    // `compounds. . . . The`: the glued period ends the sentence, the
    // spaced ellipsis opens the next one.
    if cluster.glued_first && cluster.unspaced_dots == 1 && cluster.spaced >= 3 && sentence_case {
        return Some(i + 1);
    }
    let pronoun_i = core.starts_with("I ") || core.starts_with("I’") || core.starts_with("I'");
    (sentence_case && !pronoun_i).then_some(t)
}

/// Whether the text before a period is a caption's word and number
/// opening the block (`Tabel 1.` in `Tabel 1. Glasaal per trek …`): the
/// caption's title follows, no new sentence.
fn numbers_caption(before: &str) -> bool {
    let mut words = before.split_whitespace();
    let (Some(word), Some(number), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    with_lowercase(word, |w| caption_words().contains(w))
        && number.starts_with(|c: char| c.is_ascii_digit())
        && number.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// A single period before whitespace, and what follows it.
struct Period<'a> {
    /// The word the period ends.
    word: &'a str,
    /// The next token without its opening quotes and brackets.
    core: &'a str,
    /// Whether the layout marked this place as a sentence end.
    marked: bool,
    /// Whether the next token opens like a sentence.
    sentence_case: bool,
}

impl Period<'_> {
    fn ends_sentence(&self, rules: &Rules) -> bool {
        let bare = self
            .word
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '°' && c != '.');
        let mut class = classify(bare, rules);
        // `Tuesday.Mr. Smith`: the part after a glued sentence end decides.
        if class == WordClass::Plain
            && let Some((_, tail)) = bare.rsplit_once('.')
        {
            let tail_class = classify(tail, rules);
            if tail_class != WordClass::Plain {
                class = tail_class;
            }
        }
        // `(E, F of G). Particuliere`, `(5 g). Daarna`: a bracket closed
        // after the word, so the stop is the sentence's, not an initial's or
        // an abbreviation's.
        if matches!(class, WordClass::Initials | WordClass::Abbreviation)
            && self
                .word
                .trim_end_matches('.')
                .ends_with([')', ']', '’', '”', '"'])
        {
            class = WordClass::Plain;
        }
        let final_abbreviation = class == WordClass::Abbreviation
            && rules.sentence_final.contains(bare.to_lowercase().as_str());
        if self.marked || final_abbreviation {
            class = WordClass::Plain;
        }
        let core = self.core;
        if !self.sentence_case {
            // A digit or a symbol next.
            return matches!(
                class,
                WordClass::Plain | WordClass::Number | WordClass::Address
            );
        }
        match class {
            // `am 3. Oktober`, `der 2. Weltkrieg`: an ordinal, where the
            // language writes them with a period.
            WordClass::Number if rules.ordinal_period && is_ordinal(bare) => {
                !next_is_month(core, rules) && is_starter(core, rules)
            }
            WordClass::Plain | WordClass::Number | WordClass::Address => true,
            WordClass::Title => false,
            // `U. S. A.`: an initial before another initial goes on.
            WordClass::Initials if next_is_initial(core) => false,
            // `No. Municipalities …`: a number's prefix stands before a
            // number, so a word with a capital after it opens a sentence
            // (a one-word answer, `No.`).
            WordClass::NumberPrefix => is_starter(core, rules) || is_capitalised_word(core),
            WordClass::Abbreviation | WordClass::Initials => is_starter(core, rules),
        }
    }
}

/// A word of three letters or more with a capital and the rest in lower
/// case (`Municipalities`), not a roman number or an acronym (`IV`, `VNG`).
fn is_capitalised_word(core: &str) -> bool {
    let word: &str = core
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    let mut chars = word.chars();
    word.chars().count() >= 3
        && chars.next().is_some_and(char::is_uppercase)
        && chars.all(char::is_lowercase)
}

/// A number that can be an ordinal written with a period: one to three
/// digits, nothing else.
fn is_ordinal(word: &str) -> bool {
    (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

/// Whether the next word is a month name (`3. Oktober`).
fn next_is_month(core: &str, rules: &Rules) -> bool {
    let end = core
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(core.len());
    with_lowercase(&core[..end], |word| rules.months.contains_key(word))
}

/// Whether the text starts with a single capital and a period (`A. …`).
fn next_is_initial(core: &str) -> bool {
    let mut c = core.chars();
    c.next().is_some_and(char::is_uppercase) && c.next() == Some('.')
}

/// Length of a `[digits]` citation mark at the start of `s`.
fn citation_len(s: &str) -> Option<usize> {
    let rest = s.strip_prefix('[')?;
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (digits > 0 && digits <= 3 && rest[digits..].starts_with(']')).then_some(digits + 2)
}

/// `world.Today`: a word of two or more letters ending in lower case (or a
/// number) glued to a capitalized word.
fn glued_start(text: &str, i: usize, k: usize) -> bool {
    let word = word_before(text, i);
    let after: Vec<char> = text[k..].chars().take(2).collect();
    let next_ok = after.len() == 2 && after[0].is_uppercase() && after[1].is_lowercase();
    if !next_ok || word.contains(['@', '/']) || word.contains('.') {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let last = word.chars().last();
    (letters >= 2 && last.is_some_and(char::is_lowercase))
        || last.is_some_and(|c| c.is_ascii_digit())
}

/// The whitespace-delimited token that ends at byte `i`.
fn word_before(text: &str, i: usize) -> &str {
    &text[crate::text::token_start(text, i)..i]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordClass {
    Plain,
    Number,
    Address,
    Title,
    Abbreviation,
    NumberPrefix,
    Initials,
}

fn classify(word: &str, rules: &Rules) -> WordClass {
    if word.is_empty() {
        return WordClass::Plain;
    }
    if word.contains('@') || word.contains("://") || word.starts_with("www.") {
        return WordClass::Address;
    }
    let known = with_lowercase(word, |lower| {
        if rules.prepositive.contains(lower) {
            Some(WordClass::Title)
        } else if rules.number_prefix.contains(lower) {
            Some(WordClass::NumberPrefix)
        } else if rules.abbreviations.contains(lower) {
            Some(WordClass::Abbreviation)
        } else {
            None
        }
    });
    if let Some(k @ (WordClass::Title | WordClass::NumberPrefix)) = known {
        return k;
    }
    if word.chars().any(|c| c.is_ascii_digit())
        && word.chars().all(|c| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    '.' | ',' | '\'' | '-' | '–' | '/' | '$' | '€' | '£' | '%'
                )
        })
    {
        return WordClass::Number;
    }
    if known == Some(WordClass::Abbreviation) {
        return WordClass::Abbreviation;
    }
    // `S.A`, `U.S`, `E`, `Th.Ch`: initials; `i.t.t`, `o.a`: abbreviations.
    let parts = word.split('.').count();
    let short_parts = word
        .split('.')
        .all(|p| (1..=3).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic));
    if short_parts && (parts > 1 || word.chars().count() == 1) {
        let first_upper = word.chars().next().is_some_and(char::is_uppercase);
        if first_upper && word.split('.').all(|p| p.chars().count() <= 2) {
            return WordClass::Initials;
        }
        if !first_upper || parts > 1 {
            return WordClass::Abbreviation;
        }
    }
    WordClass::Plain
}

fn is_starter(core: &str, rules: &Rules) -> bool {
    let end = core
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(core.len());
    with_lowercase(&core[..end], |word| rules.starters.contains(word))
}

/// Byte ranges of URLs and e-mail addresses, without trailing punctuation.
fn protected_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for needle in ["://", "www.", "@"] {
        for at in memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes()) {
            let start = text[..at].rfind(char::is_whitespace).map_or(0, |p| p + 1);
            let end = text[at..]
                .find(char::is_whitespace)
                .map_or(text.len(), |p| at + p);
            let token = &text[start..end];
            if needle == "@" && !token[at - start..].contains('.') {
                continue;
            }
            let lead = token.len() - token.trim_start_matches(is_opener).len();
            let trimmed = token.trim_end_matches(|c: char| {
                matches!(c, '.' | ',' | ';' | ':' | '!' | '?') || is_closer(c)
            });
            if start + lead < start + trimmed.len() {
                out.push((start + lead, start + trimmed.len()));
            }
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Number(u32),
    Letter(u8),
}

/// An inline list: when the text opens with a list marker, the breaks
/// before each following marker of the same series, and the ranges of all
/// the markers (whose periods are no sentence ends).
fn inline_lists(text: &str) -> (Vec<usize>, Vec<(usize, usize)>) {
    let mut cuts = Vec::new();
    let mut marks = Vec::new();
    let start = text.len() - text.trim_start().len();
    let head = &text[start..];
    let Some(first) = head.chars().next() else {
        return (cuts, marks);
    };
    if BULLETS.contains(&first) {
        if crate::ingest::list_marker_len(head).is_none() {
            return (cuts, marks);
        }
        let mut at = start;
        loop {
            let item_start = at;
            let after_bullet = at + first.len_utf8();
            let rest = &text[after_bullet..];
            let rest_trim = rest.trim_start();
            let inner = after_bullet + (rest.len() - rest_trim.len());
            if let Some((len, _, _)) = numbered(rest_trim) {
                marks.push((item_start, inner + len));
            } else {
                marks.push((item_start, after_bullet));
            }
            let search_from = after_bullet;
            let pattern = [' ', first];
            let next = text[search_from..]
                .match_indices(&pattern.iter().collect::<String>())
                .map(|(p, _)| search_from + p + 1)
                .next();
            match next {
                Some(n) => {
                    cuts.push(n);
                    at = n;
                }
                None => break,
            }
        }
        return (cuts, marks);
    }
    if let Some((len, label, suffix)) = numbered(head) {
        marks.push((start, start + len));
        follow_list(text, start + len, label, suffix, &mut cuts, &mut marks);
        return (cuts, marks);
    }
    // A heading's roman number (`II. Wat leren we …?`): its stop ends no
    // sentence.
    if let Some(len) = roman_label(head) {
        marks.push((start, start + len));
        return (cuts, marks);
    }
    // A numbered list inside a paragraph (`… this. 1. The first item 2. The
    // second item`): `1` and `2` in order, each before a capital.
    for suffix in [".)", ".", ")"] {
        let one = format!(" 1{suffix} ");
        let Some(p) = text.find(&one) else {
            continue;
        };
        let at = p + 1;
        let body = at + one.len() - 1;
        let capital = text[body..].chars().next().is_some_and(char::is_uppercase);
        if capital && text[body..].contains(&format!(" 2{suffix} ")) {
            cuts.push(at);
            marks.push((at, body - 1));
            follow_list(
                text,
                body - 1,
                Label::Number(1),
                suffix,
                &mut cuts,
                &mut marks,
            );
            break;
        }
    }
    (cuts, marks)
}

/// Breaks before each next marker of a list whose first marker ends at
/// `from`, and records the markers.
fn follow_list(
    text: &str,
    mut from: usize,
    first: Label,
    suffix: &str,
    cuts: &mut Vec<usize>,
    marks: &mut Vec<(usize, usize)>,
) {
    let mut expected = next_label(first);
    while let Some(exp) = expected {
        let needle = match exp {
            Label::Number(n) => format!(" {n}{suffix} "),
            Label::Letter(c) => format!(" {}{suffix} ", c as char),
        };
        let Some(p) = text[from..].find(&needle) else {
            break;
        };
        let at = from + p + 1;
        cuts.push(at);
        marks.push((at, at + needle.len() - 2));
        from = at + needle.len() - 2;
        expected = next_label(exp);
    }
}

fn next_label(l: Label) -> Option<Label> {
    match l {
        Label::Number(n) => Some(Label::Number(n + 1)),
        Label::Letter(c) if c < b'z' => Some(Label::Letter(c + 1)),
        Label::Letter(_) => None,
    }
}

/// Where a speaker's name ends in the report of a debate: a speaker's
/// title (`De heer`, `The chair`, `Minister`), up to five words of a name
/// (each with a capital, or a particle such as `van`) and a party in
/// brackets, then a colon and the words spoken (two at least): `Mevrouw
/// Bakker (CDA): Dank u wel.` The name and the colon are a segment of
/// their own; `Voorzitter: Hoekstra` (a list of who was present) is not.
/// A title alone needs its article.
fn speaker_label_end(text: &str, rules: &Rules) -> Option<usize> {
    let mut reach = text.len().min(122);
    while !text.is_char_boundary(reach) {
        reach -= 1;
    }
    let colon = text[..reach].find(": ")?;
    let label = &text[..colon];
    let lower = label.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let title = (1..=words.len().min(3)).rev().find(|&n| {
        rules
            .speaker_titles
            .contains(words[..n].join(" ").trim_end_matches('.'))
    })?;
    let name: Vec<&str> = label.split_whitespace().skip(title).collect();
    // A title alone names a speaker with its article (`De voorzitter:`);
    // `Voorzitter: Hoekstra` lists who chaired.
    let named = !name.is_empty() || title > 1;
    let name_ok = named
        && name.len() <= 5
        && name.iter().enumerate().all(|(k, w)| {
            let party = w.starts_with('(') && w.ends_with(')') && k + 1 == name.len();
            party
                || w.starts_with(char::is_uppercase) && !w.ends_with([',', ';', '.', '!', '?'])
                || rules.name_particles.contains(*w)
        });
    let spoken = text[colon + 1..].split_whitespace().count() >= 2;
    (name_ok && spoken).then_some(colon + 1)
}

/// A roman number in capitals with a stop at the start, before a space
/// (`IV. `): its length with the stop.
fn roman_label(s: &str) -> Option<usize> {
    let (core, rest) = s.split_once(". ")?;
    ((1..=5).contains(&core.len())
        && core.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
        && rest.starts_with(|c: char| !c.is_whitespace()))
    .then_some(core.len() + 1)
}

/// A numbered or lettered marker at the start: `1.` `1)` `1.)` `a.` `a)`.
/// Returns its length (without the space), label and suffix.
fn numbered(s: &str) -> Option<(usize, Label, &'static str)> {
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let (label, label_len) = if digits > 0 && digits <= 2 {
        (Label::Number(s[..digits].parse().ok()?), digits)
    } else if digits == 0 && s.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        (Label::Letter(s.as_bytes()[0]), 1)
    } else {
        return None;
    };
    let rest = &s[label_len..];
    let suffix = [".)", ".", ")"]
        .into_iter()
        .find(|suf| rest.starts_with(suf))?;
    let after = &rest[suffix.len()..];
    let next = after.strip_prefix(' ')?.chars().next()?;
    if matches!(label, Label::Letter(_)) && !next.is_uppercase() {
        return None;
    }
    Some((label_len + suffix.len(), label, suffix))
}
