//! Decoding of encoded string literals (base64, hex) so that what they hide is scanned too.

use base64::Engine;

/// The decoded text when `s` looks like base64 or hex of mostly printable UTF-8 text.
pub fn decode_text(s: &str) -> Option<String> {
    let t = s.trim();
    if t.len() < 16 {
        return None;
    }
    let bytes = if t.len().is_multiple_of(2) && t.bytes().all(|b| b.is_ascii_hexdigit()) {
        hex(t)?
    } else if t
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'-' | b'_'))
    {
        // Long runs of letters only are words or identifiers, not base64.
        if !t
            .bytes()
            .any(|b| b.is_ascii_digit() || matches!(b, b'+' | b'/' | b'='))
            && t.len() < 40
        {
            return None;
        }
        let cleaned: String = t.trim_end_matches('=').replace('-', "+").replace('_', "/");
        base64::engine::general_purpose::STANDARD_NO_PAD
            .decode(cleaned.as_bytes())
            .ok()?
    } else {
        return None;
    };
    printable(&bytes)
}

/// Decoded bytes as text when they are valid UTF-8 without control characters (short strings
/// such as `./` or `/` included), for folding explicit decode calls.
pub fn loose_text(bytes: &[u8]) -> Option<String> {
    let t = std::str::from_utf8(bytes).ok()?;
    (!t.chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')))
    .then(|| t.to_string())
}

/// Short hex strings (6+ digits) that decode to an identifier-like ASCII word (`_compile`,
/// `crypto`, `env`): how loaders hide API names.
pub fn hex_word(s: &str) -> Option<String> {
    let t = s.trim();
    if t.len() < 6
        || t.len() > 64
        || !t.len().is_multiple_of(2)
        || !t.bytes().all(|b| b.is_ascii_hexdigit())
    {
        return None;
    }
    let b = hex(t)?;
    let w = std::str::from_utf8(&b).ok()?;
    (w.bytes()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'/' | b'-' | b'$'))
        && w.bytes().any(|c| c.is_ascii_lowercase()))
    .then(|| w.to_string())
}

/// UTF-16LE (PowerShell -EncodedCommand) or UTF-8 text when the bytes are mostly printable.
pub fn printable(bytes: &[u8]) -> Option<String> {
    if bytes.len() >= 8
        && bytes.len().is_multiple_of(2)
        && bytes.iter().skip(1).step_by(2).all(|b| *b == 0)
    {
        let units: Vec<u16> = bytes
            .chunks(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16(&units).ok();
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let good = text
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'))
        .count();
    let total = text.chars().count().max(1);
    (good * 100 / total >= 95 && text.chars().any(|c| c.is_ascii_alphabetic()))
        .then(|| text.to_string())
}

fn hex(s: &str) -> Option<Vec<u8>> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// Base64 decoding of a whole string (no printability check), for `atob`/`Buffer.from` folding.
pub fn base64_bytes(s: &str) -> Option<Vec<u8>> {
    let cleaned: String = s
        .trim()
        .trim_end_matches('=')
        .replace('-', "+")
        .replace('_', "/")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    base64::engine::general_purpose::STANDARD_NO_PAD
        .decode(cleaned.as_bytes())
        .ok()
}

pub fn hex_bytes(s: &str) -> Option<Vec<u8>> {
    let t = s.trim();
    t.len().is_multiple_of(2).then_some(())?;
    hex(t)
}

/// Shannon entropy in bits per character.
pub fn entropy(s: &str) -> f64 {
    let mut counts = [0u32; 256];
    let mut n = 0u32;
    for b in s.bytes() {
        counts[b as usize] += 1;
        n += 1;
    }
    if n == 0 {
        return 0.0;
    }
    let n = n as f64;
    counts
        .iter()
        .filter(|c| **c > 0)
        .map(|c| {
            let p = *c as f64 / n;
            -p * p.log2()
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_base64_and_hex_text() {
        assert_eq!(
            decode_text("cmVxdWlyZSgiY2hpbGRfcHJvY2VzcyIp").as_deref(),
            Some("require(\"child_process\")")
        );
        assert_eq!(
            decode_text("6368696c645f70726f63657373").as_deref(),
            Some("child_process")
        );
        assert_eq!(decode_text("justSomeIdentifierName"), None);
    }
}

/// The most bytes one in-memory decompression of a literal may produce: a packed payload is
/// small, and a bomb must not cost more than this.
pub const INFLATE_CAP: u64 = 1 << 20;

/// Decompresses `data` the way Node's `zlib.<method>Sync` would (`inflateSync`: zlib,
/// `gunzipSync`: gzip, `inflateRawSync`: raw deflate, `unzipSync`: zlib or gzip), at most
/// [`INFLATE_CAP`] bytes. `None` for another method or data that does not decompress.
pub fn inflate(method: &str, data: &[u8]) -> Option<Vec<u8>> {
    use std::io::Read;
    let gzip = data.starts_with(&[0x1f, 0x8b]);
    let reader: Box<dyn Read + '_> = match method {
        "inflateSync" => Box::new(flate2::read::ZlibDecoder::new(data)),
        "gunzipSync" => Box::new(flate2::read::GzDecoder::new(data)),
        "inflateRawSync" => Box::new(flate2::read::DeflateDecoder::new(data)),
        "unzipSync" if gzip => Box::new(flate2::read::GzDecoder::new(data)),
        "unzipSync" => Box::new(flate2::read::ZlibDecoder::new(data)),
        _ => return None,
    };
    let mut out = Vec::new();
    reader.take(INFLATE_CAP).read_to_end(&mut out).ok()?;
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod inflate_tests {
    use super::*;
    use std::io::Write;

    fn zlib(b: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(b).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn inflates_zlib_and_rejects_mismatches() {
        let z = zlib(b"require('child_process')");
        assert_eq!(
            inflate("inflateSync", &z).unwrap(),
            b"require('child_process')"
        );
        assert_eq!(
            inflate("unzipSync", &z).unwrap(),
            b"require('child_process')"
        );
        // zlib data is not gzip, and unknown methods decode nothing.
        assert!(inflate("gunzipSync", &z).is_none());
        assert!(inflate("deflateSync", &z).is_none());
        assert!(inflate("inflateSync", b"plain text").is_none());
    }

    #[test]
    fn output_is_capped() {
        let z = zlib(&vec![b'a'; (INFLATE_CAP as usize) * 4]);
        assert_eq!(
            inflate("inflateSync", &z).unwrap().len() as u64,
            INFLATE_CAP
        );
    }
}
