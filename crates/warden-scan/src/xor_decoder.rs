//! Local XOR string decoders: one-parameter functions that XOR their input (hex pairs, base64
//! or the characters themselves) with a key the file holds (`o = [0x5b, …]`, `k = 'Vault'`,
//! `^ 0x5a`). Bundled skimmers and loaders hide their URLs, selectors and API names this way;
//! the analyser folds calls of such a function with a constant argument by running the same
//! XOR here, and keeps the result only when it is clean text.

use crate::decode;
use std::sync::LazyLock;

/// What the decoder takes its input as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Hex,
    Base64,
    Chars,
}

/// Where its key comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    /// A variable of the file (an array of numbers, a string, bytes).
    Var(String),
    /// One literal byte (`^ 0x5a`).
    Byte(u8),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XorDecoder {
    pub input: Input,
    pub key: Key,
}

static KEY_INDEXED: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"\^\s*([A-Za-z_$][\w$]*)\s*(?:\[|\.charCodeAt\()|([A-Za-z_$][\w$]*)\s*(?:\[|\.charCodeAt\()\s*[\w$]+\s*%",
    )
    .expect("xor key pattern is valid")
});
static KEY_BYTE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"\^\s*(0x[0-9a-fA-F]{1,2}|\d{1,3})\b").expect("xor byte pattern is valid")
});

/// The decoder a function body describes, `param` being its one parameter. The body must XOR
/// (`^`), turn numbers back into text (`fromCharCode`, `toString`) and name its key.
pub fn detect(body: &str, param: &str) -> Option<XorDecoder> {
    if body.len() > 400 || !body.contains('^') || !body.contains(param) {
        return None;
    }
    if !(body.contains("fromCharCode") || body.contains("toString")) {
        return None;
    }
    let key = KEY_INDEXED
        .captures_iter(body)
        .filter_map(|c| c.get(1).or(c.get(2)))
        .map(|m| m.as_str())
        .find(|k| *k != param)
        .map(|k| Key::Var(k.to_string()))
        .or_else(|| {
            let m = KEY_BYTE.captures(body)?.get(1)?.as_str();
            let v = match m.strip_prefix("0x") {
                Some(h) => u8::from_str_radix(h, 16).ok()?,
                None => m.parse::<u8>().ok()?,
            };
            (v != 0).then_some(Key::Byte(v))
        })?;
    let input = if body.contains("hex") || body.contains(",16)") || body.contains(", 16)") {
        Input::Hex
    } else if body.contains("base64") || body.contains("atob(") {
        Input::Base64
    } else {
        Input::Chars
    };
    Some(XorDecoder { input, key })
}

/// Runs the decoder on a constant argument with the key's bytes: clean text or nothing.
pub fn decode(d: &XorDecoder, arg: &str, key: &[u8]) -> Option<String> {
    if key.is_empty() {
        return None;
    }
    let out: Vec<u8> = match d.input {
        Input::Hex => decode::hex_bytes(arg)?,
        Input::Base64 => decode::base64_bytes(arg)?,
        Input::Chars => {
            let mut out = String::new();
            for (i, c) in arg.chars().enumerate() {
                let x = (c as u32) ^ u32::from(key[i % key.len()]);
                out.push(char::from_u32(x)?);
            }
            return clean(out);
        }
    }
    .into_iter()
    .enumerate()
    .map(|(i, b)| b ^ key[i % key.len()])
    .collect();
    clean(decode::loose_text(&out)?)
}

/// Decoded text worth keeping: no control characters (but line breaks and tabs), mostly
/// printable ASCII. A wrong guess at the input or key gives noise, which this refuses.
fn clean(s: String) -> Option<String> {
    let n = s.chars().count();
    let ascii = s
        .chars()
        .filter(|c| c.is_ascii_graphic() || matches!(c, ' ' | '\n' | '\r' | '\t'))
        .count();
    (n > 0
        && !s
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        && ascii * 10 >= n * 9)
        .then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xor_hex(s: &str, key: &[u8]) -> String {
        s.bytes()
            .enumerate()
            .map(|(i, b)| format!("{:02x}", b ^ key[i % key.len()]))
            .collect()
    }

    #[test]
    fn hex_pairs_xored_with_an_array_key_decode() {
        let body = "{return e.match(/../g).map(function(e,t){return String.fromCharCode(parseInt(e,16)^o[t%o.length])}).join(\"\")}";
        let d = detect(body, "e").expect("a decoder");
        assert_eq!(
            d,
            XorDecoder {
                input: Input::Hex,
                key: Key::Var("o".into())
            }
        );
        let key = [0x5b, 0x1f, 0x4c];
        assert_eq!(
            decode(&d, &xor_hex("wss://h.example/x", &key), &key).as_deref(),
            Some("wss://h.example/x")
        );
    }

    #[test]
    fn string_keys_and_single_bytes_decode() {
        let d = detect(
            "(h) => Buffer.from(h, 'hex').map((b, i) => b ^ k.charCodeAt(i % k.length)).toString()",
            "h",
        )
        .expect("a decoder");
        assert_eq!(d.key, Key::Var("k".into()));
        let d1 = detect("{ let o = ''; for (const c of s) o += String.fromCharCode(c.charCodeAt(0) ^ 0x2a); return o }", "s").expect("a decoder");
        assert_eq!(
            d1,
            XorDecoder {
                input: Input::Chars,
                key: Key::Byte(0x2a)
            }
        );
        let enc: String = "child_process"
            .chars()
            .map(|c| char::from(c as u8 ^ 0x2a))
            .collect();
        assert_eq!(decode(&d1, &enc, &[0x2a]).as_deref(), Some("child_process"));
    }

    #[test]
    fn hashes_checksums_and_wrong_keys_are_not_decoders_or_text() {
        // A hash mixes with XOR but never turns the result back into text.
        assert!(detect("{ let h = 0; for (let i = 0; i < s.length; i++) h = (h * 31) ^ s.charCodeAt(i); return h >>> 0 }", "s").is_none());
        // No key to XOR with.
        assert!(detect("{ return String.fromCharCode(a ^ b) }", "s").is_none());
        let d = XorDecoder {
            input: Input::Hex,
            key: Key::Var("k".into()),
        };
        // The right input with a wrong key is noise.
        assert!(
            decode(
                &d,
                &xor_hex("wss://h.example/x", &[0x5b, 0x1f]),
                &[0x91, 0xe3]
            )
            .is_none()
        );
    }
}
