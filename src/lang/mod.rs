//! Language facts as data: segmentation and layout rules per language
//! (`rules/<code>.txt`: abbreviations, sentence starters, function words,
//! months, number words and formats, page-furniture words) and word lists
//! (`lexicon/<code>.words`), a Dutch–English word list
//! (`lexicon/nl-en.tsv`), and what follows from them: the parts of closed
//! compounds, spelling variants, which words of a sentence may translate
//! which of another. Every stage uses them; they use no stage.

pub mod bilingual;
pub mod compound;
pub mod lexicon;
pub mod numerals;
pub mod rules;
pub mod spelling;

pub use bilingual::{Bilingual, Words};
pub use compound::CompoundParts;
pub use lexicon::Lexicon;
pub use numerals::number_word_value;
pub use rules::{Rules, Unit, detect_language, with_lowercase};
