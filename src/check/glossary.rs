//! `glossary-missing` and `glossary-forbidden`: every glossary term found
//! in the source must be rendered by one of its allowed forms somewhere in
//! the bead's translation; no forbidden rendering may stand there.

use super::{BeadText, CheckContext, Finding};
use crate::model::{Code, PairSide, TermRef};

fn term_ref(term: &crate::glossary::Term) -> TermRef {
    TermRef {
        source: term.source.clone(),
        target: term.target.clone(),
        note: term.note.clone(),
        preferred: term.level == crate::glossary::Level::Preferred,
    }
}

fn quoted_forms(term: &crate::glossary::Term) -> String {
    term.target_forms()
        .map(|f| format!("`{f}`"))
        .collect::<Vec<_>>()
        .join(" or ")
}

pub fn check(cx: &CheckContext<'_>, pair: &BeadText<'_>, out: &mut Vec<Finding>) {
    let Some((glossary, source_matcher, target_matcher)) = &cx.glossary else {
        return;
    };
    let source_matches = source_matcher.find(&pair.source.text);
    let mut seen: Vec<usize> = Vec::new();
    for m in &source_matches {
        if seen.contains(&m.term) {
            continue;
        }
        seen.push(m.term);
        if target_matcher
            .find_term(&pair.target.text, m.term, false)
            .is_some()
        {
            continue;
        }
        let term = &glossary.terms[m.term];
        let found = &pair.source.text[m.start..m.end];
        let mut f = cx.finding(
            Code::GlossaryMissing,
            pair,
            format!("`{found}` should be rendered as {}", quoted_forms(term)),
        );
        f.term = Some(term_ref(term));
        f.highlight = cx.highlight(pair, PairSide::Source, m.start, m.end);
        out.push(f);
    }
    // Forbidden renderings: any term's, wherever they stand, unless the
    // same words are an allowed rendering of a term the source has here.
    for m in target_matcher.find(&pair.target.text) {
        if !m.forbidden {
            continue;
        }
        let (start, end) = (m.start, m.end);
        let term = &glossary.terms[m.term];
        let words = &pair.target.text[start..end];
        let allowed_here = seen
            .iter()
            .any(|&t| target_matcher.is_allowed_form(t, words));
        if allowed_here {
            continue;
        }
        let mut f = cx.finding(
            Code::GlossaryForbidden,
            pair,
            format!(
                "`{}` is a forbidden rendering; use {}",
                &pair.target.text[start..end],
                quoted_forms(term)
            ),
        );
        f.term = Some(term_ref(term));
        f.highlight = cx.highlight(pair, PairSide::Target, start, end);
        out.push(f);
    }
}
