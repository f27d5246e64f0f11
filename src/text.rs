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

/// Folds a few common accented Latin letters to their base letter, for
/// cognates across languages (`expédition` = `Expedition`).
pub fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ÿ' | 'ý' => 'y',
        'ß' => 's',
        _ => c,
    }
}

/// A `HashMap` with the small, fast, non-cryptographic Fx hash used by
/// rustc, for the short keys of brug's internal maps. Not for untrusted keys
/// chosen to collide; brug's keys come from rule files and line numbers.
/// Nothing brug writes may depend on its iteration order.
pub type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;
/// A `HashSet` with the Fx hash (see [`FastMap`]).
pub type FastSet<K> = rustc_hash::FxHashSet<K>;

/// 64-bit FNV-1a, stable across platforms and versions: segment ids and
/// the record's text hashes are built on it.
pub fn fnv1a(bytes: &[u8], seed: Option<u64>) -> u64 {
    let mut h = seed.unwrap_or(0xcbf2_9ce4_8422_2325);
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
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

    /// Known answers of 64-bit FNV-1a (the reference test vectors of
    /// Fowler, Noll and Vo): ids stored in records depend on them.
    #[test]
    fn fnv1a_known_answers() {
        let cases: [(&str, u64); 6] = [
            ("", 0xcbf2_9ce4_8422_2325),
            ("a", 0xaf63_dc4c_8601_ec8c),
            ("b", 0xaf63_df4c_8601_f1a5),
            ("foo", 0xdcb2_7518_fed9_d577),
            ("foobar", 0x8594_4171_f739_67e8),
            ("chongo was here!\n", 0x4681_0940_eff5_f915),
        ];
        for (text, hash) in cases {
            assert_eq!(fnv1a(text.as_bytes(), None), hash, "{text:?}");
        }
    }

    #[test]
    fn fnv1a_seed_continues_the_hash() {
        let whole = fnv1a(b"foobar", None);
        assert_eq!(fnv1a(b"bar", Some(fnv1a(b"foo", None))), whole);
    }
}
