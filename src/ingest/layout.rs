//! Layout analysis: which raw lines form which block (paragraph, heading,
//! list item, footnote, signature).
//!
//! Rules (documented in the README too):
//! - Wrapped layout (PDF text): a single line break is a soft wrap; a blank
//!   line ends a paragraph. Unwrapped layout: every line is a paragraph.
//!   `Auto` picks wrapped when at least a tenth of the lines end without
//!   sentence punctuation and go on in lower case on the next line, or
//!   break a word with a hyphen.
//! - A footnote block between two parts of a paragraph (a page end) does
//!   not end the paragraph when the text before it has no final
//!   punctuation or the text after it starts in lower case.
//! - A heading is a one-line paragraph, or a line that opens a paragraph
//!   or follows a sentence's end or another heading and breaks early
//!   before a capital (the next line's first word would have fitted), that
//!   is short (four fifths of a full line at most), has no final
//!   punctuation and starts with a capital or a number.
//! - A list item starts at a bullet (`•`, `-`, `–`, `*`, `▪`, `⁃`, `◦`) or a
//!   number or letter with `.` or `)` at the start of a line, when that line
//!   opens a paragraph or follows a line that ends a sentence, a clause
//!   (`:` `;`) or another list item; its wrapped lines follow it.
//! - The signature is the closing run of short lines at the end of the
//!   letter, from a line ending with a comma (`De Minister van Buitenlandse
//!   Zaken,`) onwards; each line is one segment.

use super::decode::RawText;
use super::footnotes::LabelCandidate;
use super::letterhead::{self, FieldLine, is_salutation};
use super::page_breaks::is_bare_number;
use crate::lang::rules::caption_words;
use crate::lang::with_lowercase;

/// How lines relate to paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Decide from the text.
    #[default]
    Auto,
    /// Soft-wrapped lines, blank lines between paragraphs (PDF text).
    Wrapped,
    /// One paragraph per line.
    Unwrapped,
}

/// The structural kind of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A field of a letter's letterhead (from a PDF's geometry).
    Letterhead,
    Paragraph,
    Heading,
    ListItem,
    Footnote(u32),
    Signature,
}

/// Per-line facts used by the layout rules.
#[derive(Debug, Clone, Copy)]
pub struct LineInfo {
    /// Raw range of the content without surrounding whitespace.
    pub start: usize,
    pub end: usize,
    pub chars: usize,
    pub blank: bool,
    /// Whether whitespace follows the content before the line break.
    pub trailing_space: bool,
}

/// A block before its text is built: its kind and its lines.
#[derive(Debug, Clone)]
pub struct LineBlock {
    pub kind: BlockKind,
    pub lines: Vec<usize>,
    /// For footnotes: the label on the first line.
    pub label: Option<LabelCandidate>,
    /// Bytes left out at the start of the first line's content (a bullet
    /// recorded as an artifact).
    pub skip: usize,
}

pub fn line_infos(raw: &RawText) -> Vec<LineInfo> {
    raw.lines
        .iter()
        .map(|l| {
            let text = &raw.raw[l.start..l.end];
            let trimmed_start = text.len() - text.trim_start().len();
            let trimmed = text.trim();
            LineInfo {
                start: l.start + trimmed_start,
                end: l.start + trimmed_start + trimmed.len(),
                chars: if trimmed.is_ascii() {
                    trimmed.len()
                } else {
                    trimmed.chars().count()
                },
                blank: trimmed.is_empty(),
                trailing_space: text.ends_with(char::is_whitespace),
            }
        })
        .collect()
}

/// The usual width of a full line: the 90th percentile of line lengths.
pub fn wrap_width(infos: &[LineInfo]) -> usize {
    let mut lens: Vec<usize> = infos.iter().filter(|l| !l.blank).map(|l| l.chars).collect();
    if lens.is_empty() {
        return 80;
    }
    let k = (lens.len() * 9 / 10).min(lens.len() - 1);
    let (_, nth, _) = lens.select_nth_unstable(k);
    (*nth).max(20)
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | ':' | ';' | '…')
}

/// Last character of a line's content, looking through closing quotes and
/// brackets.
pub fn last_char(content: &str) -> Option<char> {
    content
        .trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '»' | '”' | '’' | '"' | '\'' | ')' | ']')
        })
        .chars()
        .last()
}

pub fn detect(raw: &RawText, infos: &[LineInfo]) -> Layout {
    let mut content = 0usize;
    let mut wraps = 0usize;
    for w in infos.windows(2) {
        if w[0].blank {
            continue;
        }
        content += 1;
        if w[1].blank {
            continue;
        }
        let a = &raw.raw[w[0].start..w[0].end];
        let b = &raw.raw[w[1].start..w[1].end];
        let open = last_char(a).is_some_and(|c| !ends_sentence(c));
        let lower = b.chars().next().is_some_and(char::is_lowercase);
        // A wrapped line is long, keeps the space before the break, is
        // ended as a sentence by the next line, or breaks a word with a
        // hyphen.
        let hyphenated = a.ends_with('-') && b.starts_with(char::is_alphanumeric);
        let ended = last_char(b).is_some_and(ends_sentence);
        if (open && lower && (w[0].chars >= 40 || w[0].trailing_space || ended)) || hyphenated {
            wraps += 1;
        }
    }
    if wraps > 0 && wraps * 10 >= content {
        Layout::Wrapped
    } else {
        let mut lens: Vec<usize> = infos.iter().filter(|l| !l.blank).map(|l| l.chars).collect();
        lens.sort_unstable();
        let median = lens.get(lens.len() / 2).copied().unwrap_or(0);
        if median > 120 || wraps == 0 {
            Layout::Unwrapped
        } else {
            Layout::Wrapped
        }
    }
}

/// Length in bytes of a bullet glyph at the start of `content` with the
/// white space after it (the whole line when the bullet stands alone), or
/// `None` when the line opens with no bullet (a number or letter label is
/// no bullet: it is text).
pub fn bullet_len(content: &str) -> Option<usize> {
    let first = content.chars().next()?;
    if is_bullet(first) {
        let rest = &content[first.len_utf8()..];
        let space = rest.len() - rest.trim_start().len();
        if space > 0 || rest.is_empty() {
            return Some(first.len_utf8() + space);
        }
    }
    None
}

fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '·'
            | '▪'
            | '‣'
            | '⁃'
            | '◦'
            | '*'
            | '-'
            | '–'
            | '—'
            | '○'
            | '■'
            | '□'
            | '➢'
            | '►'
            // Symbol and Wingdings bullets as PDF extractors give them, in
            // the private use area (Word's default bullet is U+F0B7).
            | '\u{f0b7}'
            | '\u{f0a7}'
            | '\u{f076}'
            | '\u{f0d8}'
            | '\u{f0fc}'
    )
}

/// Length in bytes of a list marker at the start of `content` (bullet or
/// `1.` `1)` `1.)` `(1)` `a.` `a)` `(a)`), including the space after it.
pub fn list_marker_len(content: &str) -> Option<usize> {
    let mut chars = content.char_indices();
    let (_, first) = chars.next()?;
    if is_bullet(first) {
        let rest = &content[first.len_utf8()..];
        // A bullet alone on its line (`pdftotext` prints the item's text
        // on the next one).
        if rest.trim().is_empty() {
            return Some(content.len());
        }
        // `⁃9. The first item`: a bullet may be glued to a number.
        if rest.starts_with(' ') || (first == '⁃' && rest.starts_with(|c: char| c.is_ascii_digit()))
        {
            return Some(first.len_utf8() + 1);
        }
        return None;
    }
    let body = content.strip_prefix('(').unwrap_or(content);
    let open = content.len() - body.len();
    let label_len = if body.starts_with(|c: char| c.is_ascii_digit()) {
        body.len() - body.trim_start_matches(|c: char| c.is_ascii_digit()).len()
    } else if body.starts_with(|c: char| c.is_ascii_lowercase()) {
        1
    } else {
        return None;
    };
    if label_len > 2 {
        return None;
    }
    let after = &body[label_len..];
    let punct = if open == 1 {
        if after.starts_with(')') {
            1
        } else {
            return None;
        }
    } else if after.starts_with(".)") {
        2
    } else if after.starts_with('.') || after.starts_with(')') {
        1
    } else {
        return None;
    };
    let rest = &after[punct..];
    if !rest.starts_with(' ') {
        return None;
    }
    // `a. The first item` is a list; `p. 55` is not: a letter label needs a
    // capital after it.
    let next = rest.trim_start().chars().next()?;
    if body.starts_with(|c: char| c.is_ascii_lowercase()) && !next.is_uppercase() {
        return None;
    }
    Some(open + label_len + punct + 1)
}

/// The label of an item marked with a lower-case letter or a roman
/// numeral up to four characters (`a.` `b)` `(c)` `iii.`) at the start of
/// `content`, followed by white space; `None` for any other line.
fn lower_item_label(content: &str) -> Option<&str> {
    let body = content.strip_prefix('(');
    let text = body.unwrap_or(content);
    let len = text.len()
        - text
            .trim_start_matches(|c: char| c.is_ascii_lowercase())
            .len();
    let label = &text[..len];
    let roman = label.chars().all(|c| matches!(c, 'i' | 'v' | 'x'));
    if len == 0 || (len > 1 && !(roman && len <= 4)) {
        return None;
    }
    let after = &text[len..];
    let rest = if body.is_some() {
        after.strip_prefix(')')?
    } else {
        after.strip_prefix(['.', ')'])?
    };
    rest.starts_with(char::is_whitespace).then_some(label)
}

/// Options of the layout pass that do not come from the text.
pub struct Planner<'a> {
    pub raw: &'a RawText,
    pub infos: &'a [LineInfo],
    pub layout: Layout,
    pub width: usize,
    /// `aside[i]`: line `i` stands outside the running text (a footnote
    /// or page furniture); the text may run on across it.
    pub aside: &'a [bool],
    /// Chosen marker ranges per line, to see a line's real last character.
    pub marker_end_of_line: &'a dyn Fn(usize) -> Option<usize>,
}

impl Planner<'_> {
    pub fn content(&self, i: usize) -> &str {
        let l = self.infos[i];
        let end = (self.marker_end_of_line)(i).unwrap_or(l.end);
        &self.raw.raw[l.start..end]
    }

    /// Short of a full line: at most four fifths of the usual width.
    fn is_short(&self, i: usize) -> bool {
        let l = self.infos[i];
        l.chars * 5 <= self.width * 4 && l.chars <= 100
    }

    fn is_full(&self, i: usize) -> bool {
        self.infos[i].chars * 10 >= self.width * 7
    }

    fn heading_like(&self, i: usize) -> bool {
        self.is_short(i) && self.heading_shaped(i)
    }

    /// A heading's shape, whatever the line's length: twelve words at
    /// most, opening with a capital or a figure, no sentence's end inside
    /// it, and no stop, comma, colon or function word at its end; a
    /// numbered heading may ask a question (`2 Wat ging er mis?`).
    fn heading_shaped(&self, i: usize) -> bool {
        let content = self.content(i);
        let Some(first) = content.chars().next() else {
            return false;
        };
        let words = content.split_whitespace().count();
        let last = content.trim_end().chars().last();
        let label = heading_label_len(content);
        let after_marker = &content[label..];
        let inner_end = [". ", "! ", "? "].iter().any(|p| after_marker.contains(p));
        let numbered_question = label > 0 && is_question_title(after_marker);
        !inner_end
            && words <= 12
            && (first.is_uppercase() || first.is_ascii_digit())
            && (numbered_question
                || !last
                    .is_some_and(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '-' | '…')))
            && !ends_in_function_word(content)
    }

    /// Whether line `para[k]` is a title over a heading (a page that opens
    /// an annex: `Geannoteerde agenda … 22 en 23 maart 2027`⏎`Verordening
    /// dierenwelzijn tijdens transport`⏎`Doel van de Raadsbehandeling`⏎
    /// `Het voorzitterschap …`): a line of twelve words at most that opens
    /// with a capital and ends in a letter or a figure, not in a function
    /// word, over a heading of two words or more (one word is a wrapped
    /// line's end: `… of the States`⏎`General`) that ends the paragraph
    /// or is broken early before a capital. A title set larger holds fewer characters, so
    /// its own length tells nothing.
    fn title_over_heading(&self, para: &[usize], k: usize) -> bool {
        let content = self.content(para[k]).trim_end();
        let Some(&under) = para.get(k + 1) else {
            return false;
        };
        content.starts_with(char::is_uppercase)
            && content.split_whitespace().count() <= 12
            && last_char(content).is_some_and(char::is_alphanumeric)
            && ![". ", "! ", "? "].iter().any(|p| content.contains(p))
            && !ends_in_function_word(content)
            && self.heading_like(under)
            && (2..=8).contains(&self.content(under).split_whitespace().count())
            && para
                .get(k + 2)
                .is_none_or(|&n| self.broken_before_capital(under, n))
    }

    /// Whether line `para[k]` is one word that ends its paragraph with
    /// no punctuation (`… of the States`, `General`): after a line of six
    /// words or more, the end of a wrapped line, not the text under a
    /// heading (nor a table's cell under a short one).
    fn wrapped_word(&self, para: &[usize], k: usize) -> bool {
        let content = self.content(para[k]);
        k + 1 == para.len()
            && content.split_whitespace().count() == 1
            && content.chars().all(char::is_alphabetic)
    }

    /// Whether line `i` ends early before line `next`, which opens with a
    /// capital or a section number (`2.1 Doel`): the first word of `next`
    /// would have fitted on line `i`.
    fn broken_before_capital(&self, i: usize, next: usize) -> bool {
        self.broken_before_capital_within(i, next, 9)
    }

    /// [`Self::broken_before_capital`] with the line and the next word
    /// within `tenths` tenths of the usual width.
    fn broken_before_capital_within(&self, i: usize, next: usize, tenths: usize) -> bool {
        let next_content = self.content(next);
        let capital = next_content.chars().next().is_some_and(char::is_uppercase)
            || heading_label_len(next_content) > 0
                && next_content.starts_with(|c: char| c.is_ascii_digit());
        let first_word = next_content
            .split_whitespace()
            .next()
            .map_or(0, |w| w.chars().count());
        capital && (self.infos[i].chars + 1 + first_word) * 10 <= self.width * tenths
    }

    /// Whether line `i`, with no comma, ends early before line `next` as a
    /// title does: the first word of `next`, which opens with a capital,
    /// would have fitted within the usual width. A line of a sentence may
    /// hold a comma; it needs [`Self::broken_before_capital`].
    fn ends_early_as_title(&self, i: usize, next: usize) -> bool {
        !self.content(i).contains(',') && self.broken_before_capital_within(i, next, 10)
    }

    /// Whether line `para[k]` is a cell of a table's column of figures
    /// (`182.000`⏎`38.500`, `214`⏎`6 weken`): a figure with a figure on
    /// the line before or after it, not the end of a full line's sentence
    /// (`… op 1 januari`⏎`2025`), nor one of the labels of a page's notes
    /// printed apart from their text, which count up by one (`8`⏎`9`).
    fn figure_cell(&self, para: &[usize], k: usize) -> bool {
        let number = |line: usize| {
            let text = self.content(line).trim();
            is_bare_number(text)
                .then(|| text.parse::<u32>().ok())
                .flatten()
        };
        let pairs = |a: usize, b: usize| {
            is_figure_cell(self.content(a))
                && is_figure_cell(self.content(b))
                && number(a).is_none_or(|n| number(b) != Some(n + 1))
        };
        let prev = k.checked_sub(1).map(|p| para[p]);
        is_figure_cell(self.content(para[k]))
            && prev.is_none_or(|p| !self.is_full(p))
            && (prev.is_some_and(|p| pairs(p, para[k]))
                || para.get(k + 1).is_some_and(|&n| pairs(para[k], n)))
    }

    /// Whether line `i` ends in a lead-in's colon and `next` starts what
    /// it introduces: `next` opens with a capital whose word would have
    /// fitted on line `i` (`… schreef in haar reactie:`⏎`Gemeenten …`).
    fn introduces(&self, i: usize, next: usize) -> bool {
        self.content(i).trim_end().ends_with(':') && self.broken_before_capital(i, next)
            || self.clause_broken_off(i, next)
            || self.quotation_block_after(i, next)
    }

    /// Whether a lead-in's colon ends line `i` and a quotation set in a
    /// narrower block follows it: `next` opens with a capital, and it and
    /// the line under it are both set well short of the full width
    /// (`… the ACM concludes:`⏎`The market will not connect …,`⏎`because
    /// the costs are higher …`).
    fn quotation_block_after(&self, i: usize, next: usize) -> bool {
        let narrow = |k: usize| {
            k < self.infos.len()
                && !self.infos[k].blank
                && self.infos[k].chars * 10 <= self.width * 9
        };
        self.content(i).trim_end().ends_with(':')
            && self.content(next).starts_with(char::is_uppercase)
            && next + 1 < self.infos.len()
            && narrow(next)
            && narrow(next + 1)
    }

    /// Whether line `i` ends in a colon or a semicolon with room left for
    /// the first word of `next`, which opens with a capital: the clauses of
    /// a formula set as paragraphs of their own (`… saluut! doen te
    /// weten:`⏎`Alzo Wij …`, `… verstrekken;`⏎`Zo is het, …`). A
    /// punctuation mark there is a break the writer made, so the word only
    /// has to fit, with no room kept for wide letters.
    fn clause_broken_off(&self, i: usize, next: usize) -> bool {
        let content = self.content(i).trim_end();
        let next_content = self.content(next);
        let first_word = next_content
            .split_whitespace()
            .next()
            .map_or(0, |w| w.chars().count());
        (content.ends_with(':') || content.ends_with(';'))
            && next_content.starts_with(char::is_uppercase)
            && self.infos[i].chars + 1 + first_word <= self.width
    }

    /// Whether line `i` is the wrapped end of a short text, one or two
    /// words in lower case with no punctuation, and `next` opens another
    /// with a capital: the cells of a table printed one under another
    /// (`Readings per well per`⏎`year`⏎`Annual operating costs`). Both
    /// lines start at the same column and hold no wide gap: cells side by
    /// side on one line (`-layout`) are the column reader's.
    fn cell_tail_before(&self, i: usize, next: usize) -> bool {
        let content = self.content(i);
        let indent = |l: usize| self.infos[l].start - self.raw.lines[l].start;
        let gap = |l: usize| self.content(l).contains("   ");
        indent(i) == indent(next)
            && !gap(i)
            && !gap(next)
            && self.starts_lower(i)
            && content.split_whitespace().count() <= 2
            && last_char(content).is_some_and(char::is_alphanumeric)
            && self.broken_before_capital(i, next)
    }

    /// Whether line `para[k]` opens a cell of a column that `pdftotext`
    /// printed line by line (`Coastal section`⏎`Wadden Islands (excl.
    /// Ameland)`⏎`Ameland`⏎`North Holland, Den Helder to Petten`): it and
    /// the line before it are one of two breaks or more in a row where a
    /// line of half the usual width at most, with no punctuation, function
    /// word or hyphen at its end, is broken early before a capital, at one
    /// indent, with no wide gap.
    fn opens_column_cell(&self, para: &[usize], k: usize) -> bool {
        let indent = |l: usize| self.infos[l].start - self.raw.lines[l].start;
        let cell_break = |n: usize| {
            let (Some(&a), Some(&b)) = (para.get(n.wrapping_sub(1)), para.get(n)) else {
                return false;
            };
            let content = self.content(a);
            self.infos[a].chars * 2 <= self.width
                && indent(a) == indent(b)
                && !content.contains("   ")
                && !self.content(b).contains("   ")
                && last_char(content).is_some_and(|c| c.is_alphanumeric() || c == ')')
                && !ends_in_function_word(content)
                && self.content(b).starts_with(char::is_uppercase)
                && self.broken_before_capital(a, b)
        };
        k > 0 && cell_break(k) && (cell_break(k - 1) || cell_break(k + 1))
    }

    /// Whether line `i` is a table's cell printed alone between blank
    /// lines, as `pdftotext` prints a header row (`Schooljaar`⏎⏎
    /// `Leerlingen`): three words at most, no punctuation at its end.
    fn lone_cell(&self, i: usize) -> bool {
        let content = self.content(i);
        content.split_whitespace().count() <= 3
            && last_char(content).is_some_and(char::is_alphanumeric)
            && self.infos.get(i + 1).is_some_and(|l| l.blank)
    }

    fn line_closes(&self, i: usize) -> bool {
        last_char(self.content(i)).is_some_and(ends_sentence)
    }

    fn starts_lower(&self, i: usize) -> bool {
        self.content(i)
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
    }

    /// Whether lines `prev` and `next` belong to different paragraphs with
    /// no blank line between them: after a salutation (`Geachte
    /// voorzitter,`), around a place and date (`Den Haag, 9 april 2024`),
    /// and where a run of lines set in capitals (a paper's title, `BRIEF
    /// VAN DE MINISTER …`) starts or ends.
    /// `in_capitals`: `prev` belongs to such a run (its last line may be
    /// a hyphenated word's end, `TIES`).
    fn stands_apart(&self, prev: usize, next: usize, in_capitals: bool) -> bool {
        let (a, b) = (self.content(prev), self.content(next));
        let lower = |t: &str| t.chars().any(char::is_lowercase);
        is_salutation(a)
            || letterhead::is_place_date(a)
            || letterhead::is_place_date(b)
            || (in_capitals && lower(b))
            || (!in_capitals && letterhead::is_capitals(b))
    }

    /// Groups the non-footnote lines into paragraphs.
    pub fn paragraphs(&self) -> Vec<Vec<usize>> {
        let mut paras: Vec<Vec<usize>> = Vec::new();
        let mut current: Vec<usize> = Vec::new();
        let mut pending_break = false;
        let mut saw_notes = false;
        let mut notes_set_apart = false;
        let mut in_capitals = false;
        // The line went on over a blank line (see `runs_on` below).
        let mut rejoined = false;
        for i in 0..self.infos.len() {
            if self.aside[i] {
                if !saw_notes {
                    notes_set_apart = pending_break;
                }
                saw_notes = true;
                continue;
            }
            if self.infos[i].blank {
                pending_break = true;
                continue;
            }
            let unwrapped = self.layout == Layout::Unwrapped;
            let after_rejoin = std::mem::take(&mut rejoined);
            if let Some(&prev) = current.last() {
                let split = if unwrapped || self.stands_apart(prev, i, in_capitals) {
                    true
                } else if saw_notes {
                    // Text runs on across notes when it breaks off before
                    // them; after a short line and a blank line (a
                    // signature's last line, then the page's notes) only
                    // when it goes on in lower case.
                    let set_apart = notes_set_apart && !self.is_full(prev);
                    ((self.line_closes(prev) || set_apart) && !self.starts_lower(i))
                        || self.ends_signed(&current)
                } else {
                    // `aan 61`⏎`4`⏎⏎`projecten`: a marker alone on its line
                    // (taken out, the line is left empty), a blank line under
                    // it, inside a sentence that goes on in lower case.
                    let marker_line = current.len() >= 2 && self.content(prev).trim().is_empty();
                    // A full line that ends no sentence, a blank line, then
                    // the sentence going on in lower case: `-layout` leaves
                    // a blank line where a side column's lines beside the
                    // text are spaced wider than the text's.
                    let runs_on = self.is_full(prev)
                        && !self.line_closes(prev)
                        && list_marker_len(self.content(i)).is_none()
                        && lower_item_label(self.content(i)).is_none();
                    let went_on = pending_break && (marker_line || runs_on) && self.starts_lower(i);
                    // The line that went on ends early before a capital: the
                    // end of a wrapped heading (`… met een complexe`⏎⏎
                    // `zorgvraag`⏎`Gemeenten zijn …`).
                    rejoined = went_on;
                    let ends_early = after_rejoin && self.broken_before_capital(prev, i);
                    (pending_break && !went_on) || ends_early
                };
                if split {
                    paras.push(std::mem::take(&mut current));
                }
            }
            let content = self.content(i);
            in_capitals = letterhead::is_capitals(content)
                || (in_capitals && !content.chars().any(char::is_lowercase));
            current.push(i);
            pending_break = false;
            saw_notes = false;
            notes_set_apart = false;
        }
        if !current.is_empty() {
            paras.push(current);
        }
        let paras = self.paper_heads_paired(self.label_paragraphs_joined(paras));
        let paras = self.labelled_paragraphs_split(paras);
        let paras = self.signers_split(paras);
        self.paper_numbers_joined(paras)
    }

    /// Offices and names one under another after a sentence's end, with
    /// more text under them (`De voorzitter van de commissie,`⏎`Van der
    /// Meulen`⏎`De griffier van de commissie,`⏎`Schouten`⏎`Voorzitter: Van
    /// der Meulen`⏎`Aanwezig zijn …`): the signers are a paragraph of
    /// their own, and so is each line under them that names one person
    /// after a label (`Griffier: Schouten`).
    fn signers_split(&self, paras: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
        let mut out = Vec::with_capacity(paras.len());
        for para in paras {
            let pair_at =
                |k: usize| k + 1 < para.len() && self.office_and_name(para[k], para[k + 1]);
            let opens = |k: usize| k == 0 || self.line_closes(para[k - 1]);
            let Some(start) = (0..para.len()).find(|&k| opens(k) && pair_at(k)) else {
                out.push(para);
                continue;
            };
            let mut end = start;
            while pair_at(end) {
                end += 2;
            }
            if end == para.len() {
                out.push(para);
                continue;
            }
            let mut rest = para;
            let mut tail = rest.split_off(end);
            let signers = rest.split_off(start);
            if !rest.is_empty() {
                out.push(rest);
            }
            out.push(signers);
            while tail.len() > 1 && is_labelled_name(self.content(tail[0])) {
                let after = tail.split_off(1);
                out.push(std::mem::replace(&mut tail, after));
            }
            out.push(tail);
        }
        out
    }

    /// Whether line `office` is an office ending with a comma and `name`
    /// a person's name under it (`The clerk of the committee,`⏎`Verbeek`).
    fn office_and_name(&self, office: usize, name: usize) -> bool {
        self.content(office).trim_end().ends_with(',')
            && self.signature_line(office)
            && !self.is_full(office)
            && is_name(self.content(name))
    }

    /// A paragraph opened by a label alone on its line is one item: where
    /// a heading follows its text with no blank line between (`… help?`⏎
    /// `II Response of the Minister`⏎`Response to …`), the heading opens
    /// a paragraph of its own.
    fn labelled_paragraphs_split(&self, paras: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
        let mut out = Vec::with_capacity(paras.len());
        for mut para in paras {
            let labelled = para.len() >= 3 && is_lone_label(self.content(para[0]));
            let heading_at = labelled
                .then(|| {
                    (2..para.len()).find(|&k| {
                        self.line_closes(para[k - 1])
                            && self.heading_like(para[k])
                            && self.content(para[k]).split_whitespace().count() <= 8
                            && para
                                .get(k + 1)
                                .is_none_or(|&n| self.broken_before_capital(para[k], n))
                    })
                })
                .flatten();
            if let Some(k) = heading_at {
                let rest = para.split_off(k);
                out.push(para);
                out.push(rest);
            } else {
                out.push(para);
            }
        }
        out
    }

    /// A parliamentary paper's head as `pdftotext` prints it when the
    /// dossier's number and the paper's number stand one under the other
    /// (`36 842`⏎`Nr. 3`), then the dossier's title and the paper's kind
    /// in capitals (`Wijziging van …`⏎`MEMORIE VAN TOELICHTING`): on the
    /// page each number stands beside its own text, so the dossier's
    /// number opens the title and the paper's number the kind.
    fn paper_heads_paired(&self, mut paras: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
        let mut n = 0;
        while n < paras.len() {
            let Some((dossier, paper, title_at)) = self.stacked_paper_numbers(&paras, n) else {
                n += 1;
                continue;
            };
            let (Some(title), Some(kind)) = (paras.get(title_at), paras.get(title_at + 1)) else {
                break;
            };
            let title_fits = title.len() <= 4
                && self.content(title[0]).starts_with(char::is_uppercase)
                && title
                    .iter()
                    .all(|&l| !letterhead::is_capitals(self.content(l)) && !self.line_closes(l));
            // The kind in capitals, its last line maybe one word
            // (`VOORSTEL VAN WET EN MEMORIE VAN`⏎`TOELICHTING`).
            let kind_fits = kind.iter().enumerate().all(|(k, &l)| {
                let content = self.content(l);
                letterhead::is_capitals(content)
                    || (k > 0
                        && content.chars().any(char::is_alphabetic)
                        && !content.chars().any(char::is_lowercase))
            });
            if !title_fits || !kind_fits {
                n += 1;
                continue;
            }
            let before: Vec<usize> = paras[n]
                .iter()
                .copied()
                .filter(|&l| l != dossier && l != paper)
                .collect();
            let head = [
                std::iter::once(dossier)
                    .chain(title.iter().copied())
                    .collect(),
                std::iter::once(paper).chain(kind.iter().copied()).collect(),
            ];
            let kept = usize::from(!before.is_empty());
            let replaced: Vec<Vec<usize>> = Some(before)
                .filter(|b| !b.is_empty())
                .into_iter()
                .chain(head)
                .collect();
            paras.splice(n..title_at + 2, replaced);
            n += kept + 2;
        }
        paras
    }

    /// A dossier's number with a paper's number under it (`36 842`⏎`Nr. 3`)
    /// at the end of paragraph `n`, or the paper's number a paragraph of
    /// its own after it: the two lines and the paragraph after them.
    fn stacked_paper_numbers(
        &self,
        paras: &[Vec<usize>],
        n: usize,
    ) -> Option<(usize, usize, usize)> {
        let is_dossier = |l: usize| {
            let c = self.content(l);
            is_paper_number(c) && c.starts_with(|ch: char| ch.is_ascii_digit())
        };
        let is_paper = |l: usize| {
            let c = self.content(l);
            is_paper_number(c) && c.starts_with(char::is_alphabetic)
        };
        match (paras[n].as_slice(), paras.get(n + 1).map(Vec::as_slice)) {
            ([.., d, p], _) if is_dossier(*d) && is_paper(*p) => Some((*d, *p, n + 1)),
            ([.., d], Some([p])) if is_dossier(*d) && is_paper(*p) => Some((*d, *p, n + 2)),
            _ => None,
        }
    }

    /// A paragraph that is only a parliamentary paper's number (`36 780`,
    /// `Nr. 2`, `No. 931`) opens the title after it (`Zwemvaardigheid van
    /// kinderen`, `BRIEF VAN DE MINISTER …`): `pdftotext` prints the number
    /// and the title, set side by side, as paragraphs of their own. The
    /// title opens with a capital, ends with no punctuation and has three
    /// lines at most.
    fn paper_numbers_joined(&self, paras: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
        let mut out: Vec<Vec<usize>> = Vec::with_capacity(paras.len());
        for para in paras {
            let title = para.len() <= 3
                && self.content(para[0]).starts_with(char::is_uppercase)
                && !last_char(self.content(para[para.len() - 1]))
                    .is_some_and(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '-' | '…'));
            // A number under a table's figure is the next figure of its
            // column (`27`⏎⏎`36`⏎⏎`IJmuiden`), no heading's number.
            let after_figure = out.len() >= 2
                && out[out.len() - 2]
                    .last()
                    .is_some_and(|&l| is_figure_cell(self.content(l)));
            // A section's question as its title (`2`⏎⏎`Wat ging er mis?`).
            let titled = |number: usize| {
                title || (is_heading_number(self.content(number)) && self.question_title(&para))
            };
            let prev = out.last_mut();
            match prev {
                Some(number)
                    if number.len() == 1
                        && titled(number[0])
                        && self.opens_title(number[0])
                        && !after_figure =>
                {
                    number.extend(para);
                }
                // The number set close under the lines before it
                // (`Vergaderjaar 2025–2026`⏎`36 780`), or a heading's
                // number under a sentence's end (`… gemaakt.`⏎`1`).
                Some(lines)
                    if lines.len() > 1
                        && titled(lines[lines.len() - 1])
                        && self.closes_on_number(lines)
                        && self.same_page(lines[lines.len() - 1], para[0]) =>
                {
                    let number = lines.pop().into_iter();
                    out.push(number.chain(para).collect());
                }
                _ => out.push(para),
            }
        }
        out
    }

    /// Whether a paragraph's last line is a number that opens the title
    /// after it: a paper's number, or a heading's plain number after a
    /// line that ends a sentence.
    fn closes_on_number(&self, lines: &[usize]) -> bool {
        let [.., before, last] = lines else {
            return false;
        };
        let number = self.content(*last);
        is_paper_number(number) || (is_heading_number(number) && self.line_closes(*before))
    }

    /// Whether no page break stands between lines `a` and `b`.
    fn same_page(&self, a: usize, b: usize) -> bool {
        !self.raw.raw[self.infos[a].end..self.infos[b].start].contains('\u{c}')
    }

    /// A line that opens the title after it: a paper's number, or a
    /// heading's plain number (`1`⏎⏎`Inleiding`) that the page furniture
    /// left in because text stands before and after it on its page.
    fn opens_title(&self, line: usize) -> bool {
        let content = self.content(line);
        is_paper_number(content) || is_heading_number(content)
    }

    /// A paragraph that is only a label (`1.`, `1.1`, `•`) opens the
    /// paragraph after it: `pdftotext` prints a heading's or an item's
    /// label apart from its text when a tab stands between them.
    ///
    /// Labels stacked one under another (`(a)`⏎⏎`(b)`, printed apart from
    /// a list whose items hold sub-items) open the next paragraphs that
    /// have no label of their own, one each, in order.
    fn label_paragraphs_joined(&self, paras: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
        let mut out: Vec<Vec<usize>> = Vec::with_capacity(paras.len());
        let mut pending: Option<usize> = None;
        let mut stacked: std::collections::VecDeque<usize> = std::collections::VecDeque::new();
        let lone_label = |line: usize| {
            let content = self.content(line);
            is_lone_label(content) && !is_lone_bullet(content)
        };
        let mut paras = paras.into_iter().peekable();
        let mut previous: Option<usize> = None;
        while let Some(mut para) = paras.next() {
            let figure_cell = para.len() == 1
                && previous.is_some_and(|before| self.figure_after_figure(before, para[0]));
            previous = para.last().copied();
            let last_stacked = stacked.back().copied().or(pending);
            if para.len() == 1
                && lone_label(para[0])
                && !figure_cell
                && let Some(before) = last_stacked.filter(|&l| lone_label(l))
                && label_follows(self.content(before), self.content(para[0]))
            {
                stacked.extend(pending.take());
                stacked.push_back(para[0]);
                continue;
            }
            // Bullets stacked one under another (`▪`⏎⏎`▪`, printed apart
            // from their items) each stand alone: a bullet opens no bullet.
            let bullets = para.len() == 1
                && is_lone_bullet(self.content(para[0]))
                && pending.is_some_and(|l| is_lone_bullet(self.content(l)));
            if figure_cell || bullets {
                out.extend(pending.take().map(|label| vec![label]));
            }
            if let Some(label) = pending.take() {
                para.insert(0, label);
            } else if list_marker_len(self.content(para[0])).is_none()
                && !is_lone_label(self.content(para[0]))
                && let Some(label) = stacked.pop_front()
            {
                para.insert(0, label);
            }
            // The label may also end the paragraph before its text
            // (`toelicht:`, `i.`, ``, `de hoge rente …`).
            // Also under a long heading's line (a capital, no punctuation
            // at its end) when the text after the blank line opens with a
            // capital: `… parliamentary party`⏎`1.`⏎⏎`The members …`.
            let capital_next = paras
                .peek()
                .is_some_and(|next| self.content(next[0]).starts_with(char::is_uppercase));
            let under_title = |line: usize| {
                let content = self.content(line);
                capital_next
                    && content.starts_with(char::is_uppercase)
                    && last_char(content).is_some_and(char::is_alphabetic)
                    && content.split_whitespace().count() <= 14
            };
            let ends_in_label = para.len() >= 2
                && para.last().is_some_and(|&l| {
                    is_lone_label(self.content(l))
                        && !self.figure_after_figure(para[para.len() - 2], l)
                })
                && (self.line_closes(para[para.len() - 2])
                    || self.heading_like(para[para.len() - 2])
                    || under_title(para[para.len() - 2]));
            if ends_in_label
                || (para.len() == 1 && is_lone_label(self.content(para[0])) && !figure_cell)
            {
                pending = para.pop();
                if para.is_empty() {
                    continue;
                }
            }
            out.push(para);
        }
        out.extend(pending.into_iter().chain(stacked).map(|label| vec![label]));
        out
    }

    /// Whether a line that reads as a section's number (`30.0`, `52.2`)
    /// is a table's figure: it stands under another figure of the table's
    /// column (`22.5`), not the label before it in a series (`2.1` `2.2`).
    fn figure_after_figure(&self, before: usize, line: usize) -> bool {
        let (before, content) = (self.content(before), self.content(line));
        content.contains('.')
            && !content.ends_with(['.', ')'])
            && is_figure_cell(before)
            && !label_follows(before, content)
    }

    /// Whether a label's lines are a heading's title: one heading-like
    /// line, or two that open with a capital, hold sixteen words at most
    /// and end with no punctuation (a title wrapped once).
    fn title_lines(&self, lines: &[usize]) -> bool {
        match lines {
            [one] => self.heading_like(*one),
            [first, second] => {
                let text = format!("{} {}", self.content(*first), self.content(*second));
                text.starts_with(char::is_uppercase)
                    && text.split_whitespace().count() <= 16
                    && !self.line_closes(*first)
                    && !last_char(&text)
                        .is_some_and(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '-' | '…'))
            }
            _ => false,
        }
    }

    /// Whether a heading's number stands over a question as its title
    /// (`2`⏎⏎`Wat ging er mis?`): one short line that is one
    /// ([`is_question_title`]).
    fn question_title(&self, lines: &[usize]) -> bool {
        let [line] = lines else {
            return false;
        };
        self.is_short(*line) && is_question_title(self.content(*line))
    }

    /// Whether the lines after a dossier's number are its title: up to
    /// four lines that open with a capital and end no sentence (`Wijziging
    /// van de Wegenverkeerswet 1994 in verband`⏎`met het stellen …`).
    fn dossier_title(&self, lines: &[usize]) -> bool {
        (1..=4).contains(&lines.len())
            && self.content(lines[0]).starts_with(char::is_uppercase)
            && lines.iter().all(|&l| !self.line_closes(l))
            && !last_char(self.content(lines[lines.len() - 1]))
                .is_some_and(|c| matches!(c, ',' | '-'))
    }

    /// A paragraph opened by a label alone on its line: a numbered
    /// heading (`1.` then a heading's line), or else a list item.
    fn labelled_unit(&self, para: &[usize]) -> Option<LineBlock> {
        let (&first, rest) = para.split_first()?;
        let label = self.content(first);
        // A figure over figures (`0.3`⏎`0.4`, `63`⏎`56`) is a table's
        // column, not an item's label or a heading's number over its text.
        if rest.is_empty()
            || is_figure_cell(label) && rest.iter().all(|&l| is_figure_cell(self.content(l)))
        {
            return None;
        }
        // A heading's plain number (`1`⏎⏎`Inleiding`) or a paper's number
        // (`36 780`⏎⏎`Zwemvaardigheid van kinderen`) opens a title on the
        // same page.
        let same_page = self.same_page(first, rest[0]);
        let opens_title = is_heading_number(label) || is_paper_number(label);
        let title = self.title_lines(rest)
            || (is_paper_number(label) && self.dossier_title(rest))
            || (is_heading_number(label) && self.question_title(rest));
        if opens_title && same_page && title {
            return Some(LineBlock {
                kind: BlockKind::Heading,
                lines: para.to_vec(),
                label: None,
                skip: 0,
            });
        }
        if !is_lone_label(label) {
            return None;
        }
        // A bullet stays in the item's text, as on a line with its item.
        let bullet = is_lone_bullet(label);
        let kind = if !bullet && self.title_lines(rest) {
            BlockKind::Heading
        } else {
            BlockKind::ListItem
        };
        Some(LineBlock {
            kind,
            lines: para.to_vec(),
            label: None,
            skip: 0,
        })
    }

    /// A list item opened by a label alone on its line, split where a
    /// lettered list nested in it opens its items (`•`⏎⏎`Defensie betaalt
    /// …, die bestaat uit:`⏎`a. een vast bedrag …;`⏎`b. …`): each nested
    /// item a list item of its own, after the lead-in.
    fn nested_items(&self, unit: LineBlock) -> Vec<LineBlock> {
        if unit.kind != BlockKind::ListItem {
            return vec![unit];
        }
        let mut items: Vec<LineBlock> = Vec::new();
        for (k, &line) in unit.lines.iter().enumerate() {
            let opens = k >= 2 && self.opens_lettered_item(unit.lines[k - 1], line);
            match items.last_mut() {
                Some(item) if !opens => item.lines.push(line),
                Some(_) => items.push(LineBlock {
                    kind: BlockKind::ListItem,
                    lines: vec![line],
                    label: None,
                    skip: 0,
                }),
                None => items.push(LineBlock {
                    lines: vec![line],
                    ..unit.clone()
                }),
            }
        }
        items
    }

    /// Splits paragraphs into typed units.
    pub fn units(&self, paras: &[Vec<usize>]) -> Vec<LineBlock> {
        let signature_from = self.signature_start(paras);
        let mut units = Vec::new();
        let starts_list = |p: Option<&Vec<usize>>| {
            p.is_some_and(|p| list_marker_len(self.content(p[0])).is_some())
        };
        for (n, para) in paras.iter().enumerate() {
            let signed_from = self.inner_signature(para).unwrap_or(para.len());
            let signed_head = n
                .checked_sub(1)
                .map_or(0, |m| self.signature_after_closing(&paras[m], para));
            if signed_head == 0
                && signature_from.is_none_or(|s| para[0] < s)
                && let Some(unit) = self.labelled_unit(&para[..signed_from])
            {
                units.extend(self.nested_items(unit));
                units.extend(signed(&para[signed_from..]));
                continue;
            }
            // `2. Voortgang` alone between paragraphs is a numbered heading,
            // unless list items stand next to it.
            let numbered_heading = para.len() == 1
                && paras.len() > 1
                && self.heading_like(para[0])
                && !starts_list(n.checked_sub(1).and_then(|k| paras.get(k)))
                && !starts_list(paras.get(n + 1));
            let semicolon_items = self.semicolon_items(para);
            let mut current: Option<LineBlock> = None;
            let mut in_caption = false;
            for (k, &i) in para.iter().enumerate() {
                if signature_from.is_some_and(|s| i >= s) || k >= signed_from || k < signed_head {
                    if let Some(u) = current.take() {
                        units.push(u);
                    }
                    units.extend(signed(&[i]));
                    continue;
                }
                let content = self.content(i);
                let prev = k.checked_sub(1).map(|p| para[p]);
                if self.figure_cell(para, k) {
                    if let Some(u) = current.take() {
                        units.push(u);
                    }
                    units.push(LineBlock {
                        kind: BlockKind::Paragraph,
                        lines: vec![i],
                        label: None,
                        skip: 0,
                    });
                    continue;
                }
                // A table's or a figure's caption (`Tabel 1: …`) is a unit
                // of its own, up to the line broken early before a
                // capital: the table's first cell stands under it.
                if in_caption || opens_caption(content) {
                    match current.as_mut() {
                        Some(u) if in_caption => u.lines.push(i),
                        _ => {
                            if let Some(u) = current.take() {
                                units.push(u);
                            }
                            current = Some(LineBlock {
                                kind: BlockKind::Paragraph,
                                lines: vec![i],
                                label: None,
                                skip: 0,
                            });
                        }
                    }
                    in_caption = current.as_ref().is_some_and(|u| u.lines.len() < 3)
                        && para.get(k + 1).is_some_and(|&n| {
                            !self.broken_before_capital(i, n)
                                && (content.trim_end().ends_with(',') || !self.lone_cell(n))
                        });
                    if !in_caption && let Some(u) = current.take() {
                        units.push(u);
                    }
                    continue;
                }
                let is_marker = list_marker_len(content).is_some()
                    || semicolon_items[k]
                    || prev.is_some_and(|p| {
                        self.opens_lettered_item(p, i) || self.opens_label_item(p, i)
                    });
                let after_break = prev.is_none_or(|p| {
                    self.line_closes(p)
                        || current
                            .as_ref()
                            .is_some_and(|u| u.kind == BlockKind::ListItem && !self.is_full(p))
                });
                // `1. Inleiding` over the text it heads, no blank line
                // between (`pdftotext`): a heading, not an item. With no
                // comma and broken where the next word would have fitted
                // within the usual width, it may be longer than a short
                // line.
                let numbered_title = is_marker
                    && content.starts_with(|c: char| c.is_ascii_digit())
                    && prev.is_none_or(|p| {
                        self.line_closes(p)
                            || units.last().is_some_and(|u: &LineBlock| {
                                u.kind == BlockKind::Heading && u.lines == [p]
                            })
                    })
                    && self.heading_shaped(i)
                    && para.get(k + 1).is_some_and(|&n| {
                        list_marker_len(self.content(n)).is_none()
                            && (self.broken_before_capital(i, n) || self.ends_early_as_title(i, n))
                    });
                if numbered_title {
                    if let Some(u) = current.take() {
                        units.push(u);
                    }
                    units.push(LineBlock {
                        kind: BlockKind::Heading,
                        lines: vec![i],
                        label: None,
                        skip: 0,
                    });
                    continue;
                }
                if prev.is_some_and(|p| self.opens_motion_clause(p, i)) {
                    if let Some(u) = current.take() {
                        units.push(u);
                    }
                    current = Some(LineBlock {
                        kind: BlockKind::Paragraph,
                        lines: vec![i],
                        label: None,
                        skip: 0,
                    });
                    continue;
                }
                if is_marker && after_break && !numbered_heading {
                    if let Some(u) = current.take() {
                        units.push(u);
                    }
                    current = Some(LineBlock {
                        kind: BlockKind::ListItem,
                        lines: vec![i],
                        label: None,
                        skip: 0,
                    });
                    continue;
                }
                // Heading: the paragraph's only line, or a line broken early
                // before a capital, at the start or after a sentence's end;
                // a numbered word with its number alone (`Vraag 1`) also
                // under a title that ends in no stop.
                let opens = prev.is_none_or(|p| {
                    self.line_closes(p)
                        || units.last().is_some_and(|u: &LineBlock| {
                            u.kind == BlockKind::Heading && u.lines == [p]
                        })
                        || (is_numbered_label(content)
                            && !ends_in_function_word(self.content(p))
                            && last_char(self.content(p)).is_some_and(char::is_alphanumeric))
                });
                // After a list item only a short line, when the item has
                // ended (`… worden geparkeerd.`⏎`Artikel 1.2 (reikwijdte)`),
                // or a longer one in a heading's shape broken early before
                // a capital (`Een campagne voor het wijzigen van een
                // keuze`⏎`U stelt …`): a long one is the next paragraph's
                // first line.
                let item_ended = prev.is_some_and(|p| self.line_closes(p))
                    && (content.split_whitespace().count() <= 6
                        || (self.heading_shaped(i)
                            && para
                                .get(k + 1)
                                .is_some_and(|&n| self.broken_before_capital(i, n))));
                let title = self.title_over_heading(para, k);
                // A heading longer than a short line, with no comma, after a
                // closed sentence and over a full line: broken where the
                // next word would have fitted within the usual width.
                let long_heading = prev.is_some_and(|p| self.line_closes(p))
                    && self.heading_shaped(i)
                    && para
                        .get(k + 1)
                        .is_some_and(|&n| self.is_full(n) && self.ends_early_as_title(i, n));
                if opens
                    && current
                        .as_ref()
                        .is_none_or(|u| u.kind != BlockKind::ListItem || item_ended)
                    && (paras.len() > 1 || k > 0)
                    && (self.heading_like(i) || title || long_heading)
                {
                    // The heading under such a title may end its paragraph.
                    let alone = para.len() == 1
                        || title
                        || (k + 1 == para.len() && k > 0 && self.title_over_heading(para, k - 1));
                    // A line after a heading opens the text under it: a
                    // second heading there is short (`2.1 Doel`), where a
                    // long first line may just look short beside the long
                    // lines an extractor joins.
                    let under_heading = prev.is_some_and(|p| !self.line_closes(p));
                    let broken_early = para.get(k + 1).is_some_and(|&n| {
                        self.broken_before_capital(i, n)
                            && (!under_heading || self.content(i).split_whitespace().count() <= 10)
                            && !(self.content(i).split_whitespace().count() >= 6
                                && self.wrapped_word(para, k + 1))
                    });
                    if alone || broken_early || long_heading {
                        if let Some(u) = current.take() {
                            units.push(u);
                        }
                        units.push(LineBlock {
                            kind: BlockKind::Heading,
                            lines: vec![i],
                            label: None,
                            skip: 0,
                        });
                        continue;
                    }
                }
                match current.as_mut() {
                    Some(u) if u.kind == BlockKind::ListItem => {
                        // An item's line goes on when the line before it
                        // was full, or open and followed in lower case (a
                        // list indented narrower than the text).
                        // A word in lower case after an abbreviation's
                        // stop (`€ 110 mln.`⏎`naar € 250 mln.`) goes on
                        // too; a document's code (`kst-32813-1402`) does not.
                        let lower_word = self.starts_lower(i)
                            && content
                                .split_whitespace()
                                .next()
                                .is_some_and(|w| w.chars().all(char::is_alphabetic));
                        let continues = (self.layout == Layout::Wrapped
                            && prev.is_some_and(|p| {
                                (!self.line_closes(p) || ends_mid_sentence(self.content(p)))
                                    && (self.is_full(p) || self.starts_lower(i))
                                    || lower_word && self.content(p).ends_with('.')
                                    || number_goes_on(self.content(p), content)
                            }))
                            || prev
                                .is_some_and(|p| u.lines == [p] && is_lone_bullet(self.content(p)));
                        if continues {
                            u.lines.push(i);
                        } else {
                            units.push(current.take().expect("checked above"));
                            current = Some(LineBlock {
                                kind: BlockKind::Paragraph,
                                lines: vec![i],
                                label: None,
                                skip: 0,
                            });
                        }
                    }
                    // A lead-in's colon ends a line broken early before a
                    // capital: what it introduces (a quotation, a list of
                    // labelled options) starts a paragraph of its own.
                    Some(u)
                        if prev.is_some_and(|p| {
                            self.introduces(p, i) || self.cell_tail_before(p, i)
                        }) || self.opens_column_cell(para, k) =>
                    {
                        units.push(std::mem::replace(
                            u,
                            LineBlock {
                                kind: BlockKind::Paragraph,
                                lines: vec![i],
                                label: None,
                                skip: 0,
                            },
                        ));
                    }
                    Some(u) => u.lines.push(i),
                    None => {
                        current = Some(LineBlock {
                            kind: BlockKind::Paragraph,
                            lines: vec![i],
                            label: None,
                            skip: 0,
                        })
                    }
                }
            }
            if let Some(u) = current.take() {
                units.push(u);
            }
        }
        self.signers_titles_joined(units)
    }

    /// Two signers side by side, which `pdftotext` prints line by line in
    /// turn: a signer's title broken off after a function word (`de
    /// staatssecretaris Jeugd, Preventie en`) goes on in the signature
    /// line after the other signer's next line (`mr. A.C.
    /// Verbeek-Ozturk`) when it is no name and ends the title with a comma
    /// (`Sport,`). A title's lines one under the other (`Minister for
    /// Foreign Trade and`⏎`Development Cooperation,`) stay as printed.
    fn signers_titles_joined(&self, mut units: Vec<LineBlock>) -> Vec<LineBlock> {
        let signature = |u: &LineBlock| u.kind == BlockKind::Signature && u.lines.len() == 1;
        let mut j = 0;
        while j < units.len() {
            let broken = signature(&units[j]) && {
                let title = self.content(units[j].lines[0]);
                ends_in_function_word(title) && title.contains(' ')
            };
            let rest = (j + 1..units.len().min(j + 3))
                .take_while(|&k| signature(&units[k]))
                .skip(1)
                .find(|&k| {
                    let text = self.content(units[k].lines[0]).trim_end();
                    text.ends_with(',') && !is_name(text) && text.split_whitespace().count() <= 4
                });
            match rest {
                Some(k) if broken => {
                    let tail = units.remove(k);
                    units[j].lines.extend(tail.lines);
                }
                _ => j += 1,
            }
        }
        units
    }

    /// The letterhead of a letter's first page, field by field, when the
    /// page has a salutation with a labelled field above it
    /// (`letterhead.rs`); the paragraphs after it, the salutation's line a
    /// paragraph of its own. `repeats[i]`: line `i` stands on later pages
    /// too.
    pub fn letterhead(
        &self,
        paras: Vec<Vec<usize>>,
        repeats: &[bool],
    ) -> (Vec<LineBlock>, Vec<Vec<usize>>) {
        let first_page_end = self.raw.raw.find('\u{c}').unwrap_or(self.raw.raw.len());
        let salutation = paras.iter().enumerate().find_map(|(p, para)| {
            para.iter()
                .position(|&i| is_salutation(self.content(i)))
                .map(|q| (p, q))
        });
        let Some((p, q)) =
            salutation.filter(|&(p, q)| self.infos[paras[p][q]].start < first_page_end)
        else {
            return (Vec::new(), paras);
        };
        let labels = letterhead::labels();
        let region: Vec<usize> = paras[..p]
            .iter()
            .flatten()
            .chain(&paras[p][..q])
            .copied()
            .collect();
        if !region
            .iter()
            .any(|&i| letterhead::starts_with_label(self.content(i), &labels))
        {
            return (Vec::new(), paras);
        }
        let lines: Vec<FieldLine<'_>> = region
            .iter()
            .map(|&i| FieldLine {
                line: i,
                text: self.content(i),
                after_blank: i == 0 || self.infos[i - 1].blank,
                repeats: repeats[i],
            })
            .collect();
        let mut units = letterhead::top_fields(&lines, &labels);
        let salutation_line = paras[p][q];
        units.push(LineBlock {
            kind: BlockKind::Paragraph,
            lines: vec![salutation_line],
            label: None,
            skip: 0,
        });
        let mut rest = paras;
        let after: Vec<usize> = rest[p][q + 1..].to_vec();
        rest.drain(..=p);
        if !after.is_empty() {
            rest.insert(0, after);
        }
        (units, rest)
    }

    /// Which lines of a paragraph are list items whose bullets the
    /// extractor dropped: after a line that ends with a colon, a run of
    /// lines that each end with a semicolon (two at least), closed by a
    /// line that ends with a full stop, each line an item.
    fn semicolon_items(&self, para: &[usize]) -> Vec<bool> {
        let mut items = vec![false; para.len()];
        let ends = |k: usize, c: char| self.content(para[k]).trim_end().ends_with(c);
        for k in 1..para.len() {
            if !ends(k - 1, ':') {
                continue;
            }
            let run = (k..para.len()).take_while(|&j| ends(j, ';')).count();
            let last = k + run;
            if run >= 2 && last < para.len() && ends(last, '.') {
                items[k..=last].fill(true);
            }
        }
        items
    }

    /// Whether line `i` opens an item with a lower-case letter or roman
    /// label (`a. het formulier …`, `b) de …`, `(c) de …`, `ii. de …`)
    /// after line `prev`: the first item (`a`, `i`) after a colon, a later
    /// one after a semicolon. Elsewhere a letter label needs a capital
    /// after it (`p. 55` is no item).
    fn opens_lettered_item(&self, prev: usize, i: usize) -> bool {
        let Some(label) = lower_item_label(self.content(i)) else {
            return false;
        };
        let before = self.content(prev).trim_end();
        let first = matches!(label, "a" | "i");
        (before.ends_with(':') && first) || (before.ends_with(';') && label != "a")
    }

    /// Whether line `i` opens an item with a label of its own after line
    /// `prev` that ends with a semicolon (`… thuiszorgorganisaties;`⏎
    /// `Zierikzee: bezoek aan …`): a label of three words at most, opening
    /// with a capital, then a colon and the item's text. After a
    /// semicolon a sentence goes on in lower case.
    fn opens_label_item(&self, prev: usize, i: usize) -> bool {
        self.content(prev).trim_end().ends_with(';')
            && colon_label(self.content(i), 3).is_some_and(|(label, text)| {
                label
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\''))
                    && !text.trim().is_empty()
            })
    }

    /// Whether line `i` opens a clause of a motion's fixed formula (`De
    /// Kamer,` / `gehoord de beraadslaging,` / `overwegende dat …;` /
    /// `verzoekt de regering …,` / `en gaat over tot de orde van de dag.`)
    /// after line `prev` that ends with a comma, semicolon or colon: each
    /// clause is a segment of its own, as the motion prints it on its own
    /// line.
    fn opens_motion_clause(&self, prev: usize, i: usize) -> bool {
        let lower = self.content(i).trim_end().to_lowercase();
        let opens = crate::lang::rules::motion_clauses()
            .iter()
            .any(|c| lower.starts_with(c));
        opens && self.content(prev).trim_end().ends_with([',', ';', ':'])
    }

    /// The first line of the closing signature, if the letter has one.
    /// The signature is the run of short paragraphs at the end, with the
    /// short lines that end the paragraph before them after a sentence's end
    /// (`… informed the House sufficiently.`, `Yours sincerely,`, `The
    /// Minister …,`, a name), no blank line between.
    pub fn signature_start(&self, paras: &[Vec<usize>]) -> Option<usize> {
        let mut region: Vec<usize> = Vec::new();
        let mut above = None;
        for para in paras.iter().rev() {
            let signature_like = para.len() <= 6 && para.iter().all(|&i| self.signature_line(i));
            let lines = if signature_like {
                para.clone()
            } else {
                self.signature_tail(para)
            };
            if region.len() + lines.len() > 8 {
                break;
            }
            if !signature_like && lines.is_empty() {
                above = para.last().copied();
            }
            region.splice(0..0, lines);
            if !signature_like {
                break;
            }
        }
        // A signature has a closing line and a name, after some text.
        let body_lines: usize = paras.iter().map(Vec::len).sum();
        if region.is_empty() || region.len() >= body_lines {
            return None;
        }
        // A motion's submitters, one name a line, under its closing words.
        if above.is_some_and(|i| letterhead::is_motion_closing(self.content(i)))
            && region.iter().all(|&i| is_name(self.content(i)))
        {
            return region.first().copied();
        }
        region
            .iter()
            .copied()
            .take(region.len().saturating_sub(1))
            .find(|&i| self.content(i).trim_end().ends_with(','))
    }

    /// Where a signature starts that closes a paragraph before the end of
    /// the running text (notes, an annex or a list of questions follow
    /// it): after a sentence's end or at the paragraph's start, a closing
    /// formula (`Hoogachtend,`) with at most three signature lines after
    /// it, or an office ending with a comma (`De Minister van …,`) and
    /// the name under it as the paragraph's last line, or several such
    /// pairs one under another.
    fn inner_signature(&self, para: &[usize]) -> Option<usize> {
        let opens_at = |k: usize| {
            k == 0 || {
                let before = self.content(para[k - 1]).trim_end();
                self.line_closes(para[k - 1]) || before.ends_with(',')
            }
        };
        let closing = (0..para.len()).find(|&k| {
            letterhead::is_closing(self.content(para[k]))
                && opens_at(k)
                && para.len() - k <= 4
                && para[k + 1..].iter().all(|&i| self.signature_line(i))
        });
        if closing.is_some() {
            return closing;
        }
        // One office and name under another (`The chair of the
        // committee,`, `Postma`, `The clerk of the committee,`, `Verbeek`).
        let signs = |k: usize| self.office_and_name(para[k], para[k + 1]);
        let mut k = para.len().checked_sub(2)?;
        if !signs(k) {
            return None;
        }
        while k >= 2 && signs(k - 2) {
            k -= 2;
        }
        opens_at(k).then_some(k)
    }

    /// Whether a paragraph ends with a closing formula and the signature
    /// under it (`Yours sincerely,`, `The Minister …,`, a name): the
    /// letter's text ends there, so text after the page's notes starts
    /// anew even in lower case (an annex's column set after the letter).
    fn ends_signed(&self, para: &[usize]) -> bool {
        let from = para.len().saturating_sub(4);
        (from..para.len().saturating_sub(1)).any(|k| {
            letterhead::is_closing(self.content(para[k]))
                && para[k + 1..].iter().all(|&i| self.signature_line(i))
        })
    }

    /// Whether line `i` may stand in a signature: short of a full line
    /// (a ministry's name can be long), fourteen words at most, and no
    /// sentence's end but a name's initials (`drs. J.A.`).
    fn signature_line(&self, i: usize) -> bool {
        let content = self.content(i);
        let chars = self.infos[i].chars;
        (chars * 10 <= self.width * 9 || chars <= 80)
            && chars <= 100
            && content.split_whitespace().count() <= 14
            && !content.trim_end().ends_with(['!', '?', ';'])
            && (!content.trim_end().ends_with('.') || ends_with_initials(content))
    }

    /// How many lines at the start of `para` are a signature under a
    /// closing formula that ends the paragraph `before` (`Yours
    /// sincerely,`, a blank line, then a name over a function line, with
    /// no comma after either): one to four lines that may stand in a
    /// signature and end no sentence; 0 when `before` ends otherwise.
    /// A postscript or more text may follow in the same paragraph.
    fn signature_after_closing(&self, before: &[usize], para: &[usize]) -> usize {
        if !before
            .last()
            .is_some_and(|&i| letterhead::is_closing(self.content(i)))
        {
            return 0;
        }
        let head = para
            .iter()
            .take_while(|&&i| self.signature_line(i) && !self.line_closes(i))
            .count();
        if head <= 4 { head } else { 0 }
    }

    /// The signature lines that end a paragraph of running text: the
    /// last lines, four at most, that may stand in a signature and end no
    /// sentence, after a line that ends one; empty when there are none.
    fn signature_tail(&self, para: &[usize]) -> Vec<usize> {
        let tail = para
            .iter()
            .rev()
            .take_while(|&&i| self.signature_line(i) && !self.line_closes(i))
            .count();
        let from = para.len() - tail;
        if !(2..=4).contains(&tail) || from == 0 || !self.line_closes(para[from - 1]) {
            return Vec::new();
        }
        para[from..].to_vec()
    }
}

/// A signature's lines, one block each.
fn signed(lines: &[usize]) -> impl Iterator<Item = LineBlock> + '_ {
    lines.iter().map(|&i| LineBlock {
        kind: BlockKind::Signature,
        lines: vec![i],
        label: None,
        skip: 0,
    })
}

/// The length of a heading's label and the space after it (`2.1 `,
/// `IV. `, `1. `), or 0: a stop in the label is no sentence's end.
fn heading_label_len(content: &str) -> usize {
    if let Some(n) = list_marker_len(content) {
        return n;
    }
    let Some((label, _)) = content.split_once(' ') else {
        return 0;
    };
    let core = label.strip_suffix('.').unwrap_or(label);
    let section = !core.is_empty()
        && core
            .split('.')
            .all(|n| (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()));
    let roman = label.ends_with('.')
        && (1..=5).contains(&core.len())
        && core.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    if section || roman { label.len() + 1 } else { 0 }
}

/// A label alone on its line: a bullet, a number (`1.`, `1.1`, `2)`), a
/// roman number (`IV.`) or a letter (`a.`, `(b)`).
fn is_lone_label(content: &str) -> bool {
    let t = content.trim();
    if is_lone_bullet(t) {
        return true;
    }
    let body = t.strip_prefix('(').unwrap_or(t);
    let (core, closed) = match body.strip_suffix(['.', ')']) {
        Some(core) => (core, true),
        None => (body, false),
    };
    let numbered = !core.is_empty()
        && core
            .split('.')
            .all(|n| (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
        && (closed || core.contains('.'));
    let roman = closed
        && (1..=5).contains(&core.len())
        && (core.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
            || core.chars().all(|c| matches!(c, 'i' | 'v' | 'x')));
    let letter = closed && core.len() == 1 && core.bytes().all(|b| b.is_ascii_lowercase());
    numbered || roman || letter
}

/// Whether lone label `next` comes right after `label` in one series
/// (`(a)` `(b)`, `1.` `2.`, `ii.` `iii.`), written the same way.
fn label_follows(label: &str, next: &str) -> bool {
    fn parts(label: &str) -> (bool, &str, char) {
        let t = label.trim();
        let open = t.starts_with('(');
        let t = t.trim_start_matches('(');
        let close = t.chars().next_back().unwrap_or(' ');
        (open, &t[..t.len() - close.len_utf8()], close)
    }
    // A label's places in the series it may belong to: a number, a roman
    // number, a letter (`i` and `v` may be either of the last two).
    fn places(core: &str) -> Vec<u32> {
        let mut out = Vec::new();
        if let Ok(n) = core.parse::<u32>() {
            out.push(n);
        }
        let roman: Option<Vec<i32>> = core
            .chars()
            .map(|c| match c.to_ascii_lowercase() {
                'i' => Some(1),
                'v' => Some(5),
                'x' => Some(10),
                _ => None,
            })
            .collect();
        if let Some(digits) = roman.filter(|d| !d.is_empty()) {
            let total: i32 = digits
                .iter()
                .enumerate()
                .map(|(k, &d)| {
                    if digits.get(k + 1).is_some_and(|&after| after > d) {
                        -d
                    } else {
                        d
                    }
                })
                .sum();
            out.extend(u32::try_from(total).ok().map(|n| n + 1000));
        }
        let mut chars = core.chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && c.is_ascii_alphabetic()
        {
            out.push(u32::from(c.to_ascii_lowercase()) + 2000);
        }
        out
    }
    let (a, b) = (parts(label), parts(next));
    a.0 == b.0 && a.2 == b.2 && places(a.1).iter().any(|x| places(b.1).contains(&(x + 1)))
}

/// A parliamentary paper's number: a dossier's number in groups of
/// digits (`36 780`, `31 409`) or a paper's number after `Nr.` or `No.`.
fn is_paper_number(content: &str) -> bool {
    let words: Vec<&str> = content.split_whitespace().collect();
    let digits = |w: &str, most: usize| {
        (1..=most).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
    };
    match words.as_slice() {
        [label, n] if matches!(*label, "Nr." | "No." | "nr." | "no.") => digits(n, 5),
        // Papers printed together (`Nrs. 2–3`, `Nos. 4-5`).
        [label, range] if matches!(*label, "Nrs." | "Nos." | "nrs." | "nos.") => range
            .split_once(['–', '-'])
            .is_some_and(|(a, b)| digits(a, 5) && digits(b, 5)),
        [first, rest @ ..] if !rest.is_empty() => {
            // A budget's chapter after the number (`36 850 XXIII`).
            let rest = match rest {
                [groups @ .., chapter]
                    if !groups.is_empty()
                        && chapter.len() <= 6
                        && chapter
                            .chars()
                            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C')) =>
                {
                    groups
                }
                _ => rest,
            };
            digits(first, 3) && rest.iter().all(|w| w.len() == 3 && digits(w, 3))
        }
        _ => false,
    }
}

/// A heading's plain number (`1`, `12`), printed by `pdftotext` as a
/// paragraph of its own before the heading's text.
pub fn is_heading_number(content: &str) -> bool {
    let t = content.trim();
    (1..=2).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a line opens a numbered caption: a caption word and its
/// number, with a stop or a colon (`Tabel 1:`, `Table 2.`, `Figuur 3.1:`).
fn opens_caption(content: &str) -> bool {
    let mut words = content.split_whitespace();
    let (Some(word), Some(number)) = (words.next(), words.next()) else {
        return false;
    };
    let Some(digits) = number.strip_suffix(['.', ':']) else {
        return false;
    };
    with_lowercase(word, |w| caption_words().contains(w))
        && digits.starts_with(|c: char| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// A table's figure alone on its line, as `pdftotext` prints a table's
/// cells one under another: a number with its separators (`1.184`,
/// `2,5`), a sign (`−222`), a currency (`€ 18`) or a per cent sign
/// (`61%`), a range (`1.000–1.500`), and at most one word of a unit after
/// it (`6 weken`).
pub fn is_figure_cell(content: &str) -> bool {
    let mut words = content.split_whitespace();
    let Some(mut figure) = words.next() else {
        return false;
    };
    if matches!(figure, "€" | "$" | "£") {
        let Some(next) = words.next() else {
            return false;
        };
        figure = next;
    }
    // A unit may be abbreviated (`€ 6,2 mln.`, `1,4 mld.`).
    let unit = words.next().map(|u| u.strip_suffix('.').unwrap_or(u));
    if words.next().is_some()
        || unit.is_some_and(|u| u.is_empty() || !u.chars().all(char::is_alphabetic))
    {
        return false;
    }
    let figure = figure.trim_start_matches(['€', '$', '£', '-', '−', '+']);
    let figure = figure.strip_suffix('%').unwrap_or(figure);
    // A school or budget year (`2021/22`).
    let school_year = figure.split_once('/').is_some_and(|(year, next)| {
        year.len() == 4
            && next.len() == 2
            && (year.to_owned() + next).bytes().all(|b| b.is_ascii_digit())
    });
    if school_year {
        return true;
    }
    let number = |n: &str| {
        n.starts_with(|c: char| c.is_ascii_digit())
            && n.ends_with(|c: char| c.is_ascii_digit())
            && n.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
    };
    // A range (`1.000–1.500`).
    match figure.split_once('–') {
        Some((from, to)) => number(from) && number(to),
        None => number(figure),
    }
}

/// A bullet alone on its line, its item's text on the next line.
fn is_lone_bullet(content: &str) -> bool {
    let content = content.trim();
    content.chars().count() == 1 && list_marker_len(content) == Some(content.len())
}

/// Whether a line is page furniture: a page number (`Pagina 2 van 5`,
/// `Page 2 of 5`, `- 2 -`, `-2-`, `2/5`), or a lone number between blank
/// lines.
pub fn is_page_number(content: &str, blank_around: bool) -> bool {
    let t = content.trim();
    let words = crate::lang::rules::page_words();
    // Quick rejection: page furniture starts with a digit, a dash or the
    // first letter of a page label.
    if !t.starts_with(|c: char| {
        c.is_ascii_digit() || matches!(c, '-' | '–') || words.initials.contains(&c)
    }) || t.len() > 24
    {
        return false;
    }
    let lower = t.to_lowercase();
    let mut parts: Vec<&str> = lower.split_whitespace().collect();
    // A letter-spaced label (`P agina 2 van 9`): its lone first letter
    // joined to the rest.
    let joined;
    if let [first, rest, ..] = parts.as_slice()
        && first.chars().count() == 1
    {
        joined = format!("{first}{rest}");
        if words.labels.contains(joined.as_str())
            || words.labels_with_total.contains(joined.as_str())
        {
            parts.splice(0..2, [joined.as_str()]);
        }
    }
    let number = |w: &str| !w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [label, a, sep, b] => {
            (words.labels.contains(label) || words.labels_with_total.contains(label))
                && number(a)
                && (words.totals.contains(sep) || *sep == "/")
                && number(b)
        }
        [label, a] => words.labels.contains(label) && number(a),
        ["-" | "–", a, "-" | "–"] => number(a),
        [one] => {
            if let Some((a, b)) = one.split_once('/') {
                // Page `2/7`, never past the count (`2021/22` is a year).
                number(a) && number(b) && a.parse::<u32>().ok() <= b.parse::<u32>().ok()
            } else if let Some(inner) = one
                .strip_prefix(['-', '–'])
                .and_then(|r| r.strip_suffix(['-', '–']))
            {
                // `-2-`: dashes set tight around the number.
                number(inner)
            } else {
                blank_around && number(one)
            }
        }
        _ => false,
    }
}

/// A person's name as a signature prints it (`E.W. Koopmans-Bakhuis`,
/// `ir. B.F. Oudshoorn`, `Van der Linde-Adjei`): one to six words, no
/// digits, no punctuation at its end but an initial's stop, every word a
/// capital's, a title's (`mr.`, `drs.`) or a name's particle (`van`).
pub(super) fn is_name(content: &str) -> bool {
    let words: Vec<&str> = content.split_whitespace().collect();
    let particles = crate::lang::rules::name_particles();
    let word_fits = |w: &&str| {
        w.starts_with(char::is_uppercase)
            || particles.contains(w)
            || (w.ends_with('.')
                && w.len() <= 5
                && w.chars().all(|c| c.is_alphabetic() || c == '.'))
    };
    (1..=6).contains(&words.len())
        && !content.chars().any(|c| c.is_ascii_digit())
        && words.iter().all(word_fits)
        && !last_char(content).is_some_and(|c| matches!(c, ',' | ';' | ':' | '!' | '?'))
        && (!content.trim_end().ends_with('.') || ends_with_initials(content))
        && words.iter().any(|w| w.chars().any(char::is_lowercase))
}

/// A label of one or two words and a person's name after its colon
/// (`Griffier: Schouten`, `Chair: Hoekstra-Ambani`).
fn is_labelled_name(content: &str) -> bool {
    colon_label(content, 2).is_some_and(|(_, name)| is_name(name))
}

/// A line's label before its colon and the text after it (`Zierikzee:
/// bezoek …`, `Griffier: Schouten`): the label opens with a capital and
/// has `most_words` words at most.
fn colon_label(content: &str, most_words: usize) -> Option<(&str, &str)> {
    content.split_once(": ").filter(|(label, _)| {
        label.starts_with(char::is_uppercase)
            && (1..=most_words).contains(&label.split_whitespace().count())
    })
}

/// Whether a line ends in a word that a number follows (`… toegezegd in
/// Kamerstuk`, `zie bijlage`) and `next` opens with that number (`30 234,
/// nr. 409,`): the reference goes on over the line break.
fn number_goes_on(line: &str, next: &str) -> bool {
    use crate::lang::rules::{numbered_words, reference_words};
    let refers = line.split_whitespace().next_back().is_some_and(|last| {
        with_lowercase(last, |w| {
            numbered_words().contains(w) || reference_words().contains(w)
        })
    });
    refers && next.starts_with(|c: char| c.is_ascii_digit()) && list_marker_len(next).is_none()
}

/// Whether a line is a numbered word with a capital and its number, and
/// nothing else (`Vraag 1`, `Question 12`, `Artikel 3`).
fn is_numbered_label(content: &str) -> bool {
    let mut words = content.split_whitespace();
    let (Some(word), Some(number), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    word.starts_with(char::is_uppercase)
        && with_lowercase(word, |w| crate::lang::rules::numbered_words().contains(w))
        && number.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a text is a section's question as its title (`Wat ging er
/// mis?`): eight words at most, opening with a capital and ending in its
/// only question mark, with no other stop, colon or semicolon.
pub(super) fn is_question_title(text: &str) -> bool {
    let text = text.trim();
    text.starts_with(char::is_uppercase)
        && text.split_whitespace().count() <= 8
        && text
            .strip_suffix('?')
            .is_some_and(|q| !q.contains(['.', '!', '?', ':', ';']))
}

/// Whether a line ends in an abbreviation of letters with stops between
/// them that closes no sentence (`… worden z.s.m.`, `… van o.a.`): the
/// sentence goes on on the next line. One that usually closes a sentence
/// (`e.d.`, `e.a.`) does not count, nor one without inner stops, which
/// may be a word (`app.`).
fn ends_mid_sentence(content: &str) -> bool {
    content
        .split_whitespace()
        .next_back()
        .and_then(|w| w.strip_suffix('.'))
        .is_some_and(|w| {
            w.contains('.') && with_lowercase(w, crate::lang::rules::is_open_abbreviation)
        })
}

/// Whether a line ends in a function word in lower case (`… Environment
/// and`, `… de`): a phrase going on on the next line, which a heading or a
/// title does not do.
pub(super) fn ends_in_function_word(content: &str) -> bool {
    content.split_whitespace().next_back().is_some_and(|w| {
        w.chars().all(char::is_lowercase) && crate::lang::rules::function_words().contains(w)
    })
}

/// `J.A. Jansen` ends with a name, but `drs. J.A.` ends with initials;
/// a short word in lower case with a stop (`… van de dag.`) ends a
/// sentence.
fn ends_with_initials(content: &str) -> bool {
    content.split_whitespace().last().is_some_and(|w| {
        let dots = w.chars().filter(|c| *c == '.').count();
        let letters = w.chars().filter(|c| c.is_alphabetic());
        dots >= 1
            && letters.clone().count() <= 3
            && (dots >= 2 || letters.clone().all(char::is_uppercase))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paper_numbers() {
        assert!(is_paper_number("36 780"));
        assert!(is_paper_number("Nr. 1402"));
        assert!(is_paper_number("No. 4"));
        assert!(!is_paper_number("2024"));
        assert!(!is_paper_number("Nr. 2 en 3"));
        assert!(!is_paper_number("36 7800"));
        assert!(is_paper_number("36 850 XXIII"));
        assert!(is_paper_number("Nrs. 2–3"));
        assert!(!is_paper_number("Nrs. 2 en 3"));
        assert!(!is_paper_number("XXIII"));
    }

    #[test]
    fn page_numbers() {
        assert!(is_page_number("Pagina 2 van 5", false));
        assert!(is_page_number("Page 2 of 5 ", false));
        assert!(is_page_number("P agina 2 van 9", false));
        assert!(!is_page_number("P 2 van 9 en", false));
        assert!(is_page_number("- 3 -", false));
        assert!(is_page_number("-3-", false));
        assert!(!is_page_number("-3", false));
        assert!(is_page_number("12", true));
        assert!(!is_page_number("12", false));
        assert!(!is_page_number("Pagina's vol tekst", false));
        assert!(!is_page_number("1 tot maximaal 5 jaar", true));
    }

    #[test]
    fn labels_in_one_series() {
        assert!(label_follows("(a)", "(b)"));
        assert!(label_follows("1.", "2."));
        assert!(label_follows("ii.", "iii."));
        assert!(label_follows("iv.", "v."));
        assert!(label_follows("(h)", "(i)"));
        assert!(!label_follows("3.", "a."));
        assert!(!label_follows("(a)", "b."));
        assert!(!label_follows("a.", "c."));
    }

    #[test]
    fn list_markers() {
        assert_eq!(list_marker_len("• item"), Some(4));
        assert_eq!(list_marker_len("- item"), Some(2));
        assert_eq!(list_marker_len("1. The first"), Some(3));
        assert_eq!(list_marker_len("1.) The first"), Some(4));
        assert_eq!(list_marker_len("(a) eerste"), None);
        assert_eq!(list_marker_len("(a) Eerste"), Some(4));
        assert_eq!(list_marker_len("12) twaalf"), Some(4));
        assert_eq!(list_marker_len("1 tot maximaal"), None);
        assert_eq!(list_marker_len("p. 55"), None);
        assert_eq!(list_marker_len("-5 graden"), None);
    }
}
