//! A guard against decompression bombs, run before the PDF library sees a
//! file: the library inflates every stream it reads whole, so a stream
//! of a few megabytes that inflates to gigabytes would take that much
//! memory. brug inflates each Flate stream that is not an image itself,
//! counting, and refuses the file when they come to more than a limit.

use std::io::Read;

use memchr::memmem;

/// The most bytes the text-bearing streams of one PDF may inflate to.
pub const MAX_INFLATED: u64 = 256 << 20;

/// `Err(bytes)` when the file's non-image Flate streams inflate to more
/// than [`MAX_INFLATED`] (`bytes`: how far the count got).
pub fn check(bytes: &[u8]) -> Result<(), u64> {
    let mut total: u64 = 0;
    let mut at = 0;
    let finder = memmem::Finder::new(b"stream");
    while let Some(found) = finder.find(&bytes[at..]) {
        let keyword = at + found;
        at = keyword + b"stream".len();
        // `endstream` is no stream start; the data starts after an EOL.
        if keyword >= 3 && &bytes[keyword - 3..keyword] == b"end" {
            continue;
        }
        let data = match bytes.get(at..) {
            Some([b'\r', b'\n', rest @ ..]) | Some([b'\n', rest @ ..]) => rest,
            _ => continue,
        };
        let start = bytes.len() - data.len();
        if is_image(&bytes[start.saturating_sub(4096)..keyword]) {
            continue;
        }
        let budget = MAX_INFLATED - total;
        let mut inflated = flate2::read::ZlibDecoder::new(data).take(budget + 1);
        let n = std::io::copy(&mut inflated, &mut std::io::sink()).unwrap_or(0);
        total += n.min(budget + 1);
        if total > MAX_INFLATED {
            return Err(total);
        }
    }
    Ok(())
}

/// Whether the dictionary just before a stream (from its `obj`) says it is
/// an image.
fn is_image(before: &[u8]) -> bool {
    let dict = memmem::rfind(before, b"obj").map_or(before, |k| &before[k..]);
    let squeezed: Vec<u8> = dict
        .iter()
        .copied()
        .filter(|b| !b.is_ascii_whitespace())
        .collect();
    memmem::find(&squeezed, b"/Subtype/Image").is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn flate(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn object(dict: &str, data: &[u8]) -> Vec<u8> {
        let mut out = format!("4 0 obj\n{dict}\nstream\n").into_bytes();
        out.extend(data);
        out.extend(b"\nendstream\nendobj\n");
        out
    }

    #[test]
    fn a_small_stream_passes_and_a_bomb_is_refused() {
        let small = object("<< /Filter /FlateDecode >>", &flate(b"BT ET"));
        assert_eq!(check(&small), Ok(()));
        let bomb = object(
            "<< /Filter /FlateDecode >>",
            &flate(&vec![b' '; (MAX_INFLATED + 10) as usize]),
        );
        assert!(check(&bomb).is_err());
    }

    #[test]
    fn images_are_not_counted() {
        let image = object(
            "<< /Type /XObject /Subtype /Image /Filter /FlateDecode >>",
            &flate(&vec![0; (MAX_INFLATED + 10) as usize]),
        );
        assert_eq!(check(&image), Ok(()));
    }
}
