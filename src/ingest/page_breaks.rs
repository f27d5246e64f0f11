//! Footnotes at a page's foot in an extractor's text: where a note's text
//! ends, and where a note cut by the page break goes on.
//!
//! A page prints its running text, then its notes, then its footer: what
//! stands between a page's first note and its footer is note text. A note
//! that breaks off at the page's end (`… zijn de diensten verdeeld over`)
//! goes on at the foot of the next page, before that page's own notes
//! (`zes huisartsen, zodat …`), where `pdftotext` prints it as a block of
//! its own after the page's running text.

use super::Note;
use super::decode::RawText;
use super::layout::{LineInfo, last_char};

/// The page each line stands on, counted by the form feeds before it.
pub fn line_pages(raw: &RawText) -> Vec<usize> {
    let mut page = 0usize;
    raw.lines
        .iter()
        .map(|line| {
            page += raw.raw[line.start..line.end].matches('\u{c}').count();
            page
        })
        .collect()
}

/// Whether a line ends with no stop, colon or semicolon (a marker's
/// digits after a stop, `zijn.1`, left out).
pub fn breaks_off(text: &str) -> bool {
    let text = match text.trim_end_matches(|c: char| c.is_ascii_digit()) {
        cut if cut.ends_with(['.', '!', '?', '»', '”', '’', ')']) => cut,
        _ => text,
    };
    last_char(text).is_some_and(|c| !matches!(c, '.' | '!' | '?' | ':' | ';' | '…'))
}

/// Whether a line ends in a full stop, a question or an exclamation mark
/// (closing quotes and brackets looked through).
fn closes_sentence(text: &str) -> bool {
    last_char(text).is_some_and(|c| matches!(c, '.' | '!' | '?'))
}

/// A number of one to three digits alone on its line: a note's label
/// printed apart from its text (before or after it), or a page's number,
/// never a note's words.
pub fn is_bare_number(text: &str) -> bool {
    (1..=3).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a note's line ends in the middle of a phrase: in a word, a
/// comma or a hyphen (`verdeeld over`, `partners. Each`), not in a URL (a
/// note may be a bare address) nor in a number (`Kamerstuk 35 373, nr. 1`
/// needs no stop).
pub fn ends_mid_phrase(text: &str) -> bool {
    let last_word = text.rsplit(char::is_whitespace).next().unwrap_or_default();
    let url = last_word.contains("://") || last_word.starts_with("www.");
    !url && text
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphabetic() || matches!(c, ',' | '-'))
}

/// Where the lines around a page's notes stand: per line, whether it is
/// blank, page furniture or a note label, and its page.
pub struct PageFoot<'a> {
    pub infos: &'a [LineInfo],
    pub furniture: &'a [bool],
    pub pages: &'a [usize],
    pub is_label: &'a dyn Fn(usize) -> bool,
}

impl PageFoot<'_> {
    /// Whether the run of lines from `j` to the next blank line, label,
    /// bare number or furniture is followed by a note's label or a bare
    /// number, or by nothing but blank lines and furniture up to its
    /// page's end: the run stands among a page's notes (a note's further
    /// sentences, or a note whose number `pdftotext` printed after its
    /// text).
    pub fn run_ends_among_notes(&self, raw: &RawText, j: usize) -> bool {
        let page = self.pages[j];
        let on_page = |k: usize| k < self.infos.len() && self.pages[k] == page;
        let numbered = |k: usize| {
            (self.is_label)(k) || is_bare_number(&raw.raw[self.infos[k].start..self.infos[k].end])
        };
        let mut k = j;
        while on_page(k) && !self.infos[k].blank && !self.furniture[k] && !numbered(k) {
            k += 1;
        }
        while on_page(k) && (self.infos[k].blank || self.furniture[k]) {
            k += 1;
        }
        k > j && (!on_page(k) || numbered(k))
    }

    /// Whether only blank lines, furniture and note labels (printed after
    /// their notes) follow line `i` on its page.
    fn ends_page(&self, i: usize) -> bool {
        (i + 1..self.infos.len())
            .take_while(|&k| self.pages[k] == self.pages[i])
            .all(|k| self.infos[k].blank || self.furniture[k] || (self.is_label)(k))
    }
}

/// The lines at the foot of the page after the one line `last` ends that
/// carry on a note cut off by the page break: the last block of text on
/// that page before its notes and footer, after a blank line (or right
/// under a closed sentence of the running text), opening in lower case
/// and closing a sentence, with the page's running text before
/// it (which does not end in a colon or semicolon that would make the
/// block a list's item, unless the block is set in from it).
/// `aside[k]`: line `k` is furniture or a note's. `None` when the note
/// ends its sentence or is not the last thing on its page.
pub fn note_continuation(
    raw: &RawText,
    foot: &PageFoot<'_>,
    aside: &[bool],
    last: usize,
) -> Option<Vec<usize>> {
    let infos = foot.infos;
    let text = |k: usize| &raw.raw[infos[k].start..infos[k].end];
    if !ends_mid_phrase(text(last)) || !foot.ends_page(last) {
        return None;
    }
    let next_page = foot.pages[last] + 1;
    let from = (last + 1..infos.len()).find(|&k| foot.pages[k] == next_page)?;
    let until = (from..infos.len())
        .find(|&k| foot.pages[k] != next_page)
        .unwrap_or(infos.len());
    let body = |k: usize| !infos[k].blank && !aside[k];
    let end = (from..until).rev().find(|&k| body(k))?;
    let block_start = (from..=end)
        .rev()
        .take_while(|&k| body(k))
        .last()
        .expect("the block has its last line");
    // With no blank line above it, the rest opens in lower case right
    // under the running text's closed sentence (`… is verwijderd.`⏎`bijv.
    // in delen van …`).
    let under_closed = (block_start + 1..=end)
        .rev()
        .find(|&k| text(k).starts_with(char::is_lowercase) && closes_sentence(text(k - 1)));
    let start = if text(block_start).starts_with(char::is_lowercase) {
        block_start
    } else {
        under_closed.unwrap_or(block_start)
    };
    let opens_lower = text(start).starts_with(char::is_lowercase);
    let closes = closes_sentence(text(end));
    let set_apart = infos[start - 1].blank || under_closed == Some(start);
    let before = (from..start).rev().find(|&k| body(k))?;
    // A list's item may follow a lead-in ending in a colon, but not set in
    // from it as `-layout` sets a note's text after its label.
    let indent = |k: usize| infos[k].start - raw.lines[k].start;
    let after_list_lead =
        text(before).trim_end().ends_with([':', ';']) && indent(start) <= indent(before);
    (opens_lower && closes && set_apart && !after_list_lead).then(|| (start..=end).collect())
}

/// Carries each note cut off by a page break on with its continuation at
/// the next page's foot ([`note_continuation`]).
pub fn carry_notes_over_pages(raw: &RawText, foot: &PageFoot<'_>, notes: &mut [Note]) {
    let mut aside = foot.furniture.to_vec();
    for note in notes.iter() {
        for &i in &note.lines {
            aside[i] = true;
        }
    }
    for n in 0..notes.len() {
        let last = *notes[n].lines.last().expect("a note has its label line");
        if let Some(more) = note_continuation(raw, foot, &aside, last) {
            for &i in &more {
                aside[i] = true;
            }
            notes[n].lines.extend(more);
        } else if let Some(taken) = continuation_under_next_label(raw, foot, notes, n) {
            let more: Vec<usize> = notes[n + 1].lines.drain(1..=taken).collect();
            notes[n].lines.extend(more);
        }
    }
}

/// How many lines of the next note, when that opens the next page's foot
/// as a label alone on its line, carry on note `n` cut off by the page
/// break: `pdftotext` may print the label first (`3`⏎⏎`rapport.`⏎
/// `Marktvisie …`). They open in lower case and run to the line closing
/// the sentence; the label's own text opens with a capital after them.
fn continuation_under_next_label(
    raw: &RawText,
    foot: &PageFoot<'_>,
    notes: &[Note],
    n: usize,
) -> Option<usize> {
    let text = |k: usize| &raw.raw[foot.infos[k].start..foot.infos[k].end];
    let last = *notes[n].lines.last()?;
    let next = notes.get(n + 1)?;
    if !ends_mid_phrase(text(last))
        || !foot.ends_page(last)
        || !next.label.lone
        || foot.pages[next.label.line] != foot.pages[last] + 1
    {
        return None;
    }
    let body = &next.lines[1..];
    let first = *body.first()?;
    if !text(first).starts_with(char::is_lowercase) {
        return None;
    }
    let closing = body.iter().position(|&k| closes_sentence(text(k)))?;
    let own_text = *body.get(closing + 1)?;
    text(own_text)
        .starts_with(char::is_uppercase)
        .then_some(closing + 1)
}
