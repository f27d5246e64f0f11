//! Language facts as data: segmentation and layout rules per language
//! (`rules/<code>.txt`: abbreviations, sentence starters, function words,
//! months, number words and formats, page-furniture words) and word lists
//! (`lexicon/<code>.words`), and what follows from them: the parts of
//! closed compounds, spelling variants. Every stage uses them; they use no
//! stage.

pub mod compound;
pub mod lexicon;
pub mod numerals;
pub mod rules;
pub mod spelling;

pub use compound::CompoundParts;
pub use lexicon::Lexicon;
pub use numerals::number_word_value;
pub use rules::{Rules, Unit, detect_language, with_lowercase};
