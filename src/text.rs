//! Small helpers on text shared by the stages.

/// Byte offset where the whitespace-delimited token that contains (or ends
/// at) byte `at` begins.
pub fn token_start(s: &str, at: usize) -> usize {
    s[..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Byte offset where the whitespace-delimited token that contains byte `at`
/// ends.
pub fn token_end(s: &str, at: usize) -> usize {
    s[at..]
        .find(char::is_whitespace)
        .map_or(s.len(), |i| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_around_multibyte_whitespace() {
        let s = "a\u{A0}bc d";
        assert_eq!(token_start(s, 4), 3);
        assert_eq!(token_end(s, 3), 5);
    }
}
