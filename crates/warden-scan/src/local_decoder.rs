//! Local string decoders recognised by their shape, so that what they decode from constant data
//! folds like any literal. Loaders and bundled skimmers hide module names, URLs, selectors and
//! `eval` this way so that no API name appears in the source:
//! - one-line `return <decode>(param)` bodies: hex, base64, a string reversed;
//! - rot13 (`s.replace(/[a-z]/gi, c => String.fromCharCode(… + 13 …))`);
//! - XOR with a key the file holds (`o = [0x5b, …]`, `k = 'Vault'`, `^ 0x5a`), cycled over the
//!   input (hex pairs, base64 or the characters themselves), with or without the index added to
//!   the key byte (`b[i] ^= (K.charCodeAt(i % K.length) + i) & 0xff`, the XORIndex family).
//!
//! Only one-parameter functions qualify, and only constant arguments are decoded: a decoder
//! applied to user input is not followed. The analyser keeps the key's name and reads its value
//! when a call is folded, so a key declared after the decoder still counts.

use crate::decode;

/// What a local decoder does to its one argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoder {
    /// `Buffer.from(s, 'hex')…`
    Hex,
    /// `atob(s)`, `Buffer.from(s, 'base64')…`
    Base64,
    /// `s.split('').reverse().join('')`
    Reverse,
    Rot13,
    Xor {
        input: Input,
        key: Key,
    },
}

/// What an XOR decoder takes its input as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Hex,
    Base64,
    Chars,
}

/// Where an XOR decoder's key comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    /// A variable of the file (an array of numbers, a string, bytes).
    Var(String),
    /// One literal byte (`^ 0x5a`).
    Byte(u8),
}

/// The decoder a one-line `return` expression of a one-parameter function is (`hex`, `base64`,
/// a reverser), or `None`. XOR and rot13 bodies are [`detect`]ed.
pub fn simple(ret: &str) -> Option<Decoder> {
    if ret.len() >= 120 {
        None
    } else if is_reverser(ret) {
        Some(Decoder::Reverse)
    } else if ret.contains("\"hex\"") || ret.contains("'hex'") {
        Some(Decoder::Hex)
    } else if ret.contains("base64") || ret.starts_with("atob(") {
        Some(Decoder::Base64)
    } else {
        None
    }
}

/// Source text of a string reverser body: `s.split('').reverse().join('')`,
/// `[...s].reverse().join('')`, `Array.from(s).reverse().join('')`.
pub fn is_reverser(src: &str) -> bool {
    let t: String = src.chars().filter(|c| !c.is_whitespace()).collect();
    t.contains(".reverse().join(''")
        || t.contains(".reverse().join(\"\"")
        || t.contains(".reverse().join(``")
}

/// The rot13 or XOR decoder a function body implements, `param` being its one parameter. An
/// XOR body must XOR (`^`), turn numbers back into text (`fromCharCode`, `toString`) and name
/// its key: a variable indexed or read with `charCodeAt` beside the XOR or cycled with
/// `% K.length`, or a literal byte.
pub fn detect(body: &str, param: &str) -> Option<Decoder> {
    if body.len() > 600 {
        return None;
    }
    let t: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    if is_rot13(&t) {
        return Some(Decoder::Rot13);
    }
    if !t.contains('^') || !t.contains(param) {
        return None;
    }
    if !(t.contains("fromCharCode") || t.contains("toString")) {
        return None;
    }
    let key = xor_key(body, &t, param)?;
    let input = if t.contains("hex") || t.contains(",16)") {
        Input::Hex
    } else if t.contains("base64") || t.contains("atob(") {
        Input::Base64
    } else {
        Input::Chars
    };
    Some(Decoder::Xor { input, key })
}

/// A rot13 body: letters replaced one by one, shifted by 13 and wrapped by 26.
fn is_rot13(t: &str) -> bool {
    (t.contains(".replace(/[a-z]/gi") || t.contains(".replace(/[a-zA-Z]/g"))
        && t.contains("fromCharCode")
        && t.contains("charCodeAt")
        && t.contains("13")
        && t.contains("26")
}

/// The key of an XOR body (`t` is `body` without white space): `^ K[…]`, `^ K.charCodeAt(…)`,
/// `K[i % …]`, `K.charCodeAt(i % …)`, `… % K.length` with `K` indexed, else `^ 0x5a`.
fn xor_key(body: &str, t: &str, param: &str) -> Option<Key> {
    let indexed = crate::regex!(
        r"\^\s*([A-Za-z_$][\w$]*)\s*(?:\[|\.charCodeAt\()|([A-Za-z_$][\w$]*)\s*(?:\[|\.charCodeAt\()\s*[\w$]+\s*%"
    );
    let var = indexed
        .captures_iter(body)
        .filter_map(|c| c.get(1).or(c.get(2)))
        .map(|m| m.as_str())
        .find(|k| *k != param)
        .or_else(|| {
            crate::regex!(r"%\s*\(?\s*([A-Za-z_$][\w$]*)\s*\.length")
                .captures_iter(body)
                .filter_map(|c| c.get(1))
                .map(|m| m.as_str())
                .find(|k| {
                    *k != param
                        && (t.contains(&format!("{k}.charCodeAt(")) || t.contains(&format!("{k}[")))
                })
        });
    if let Some(k) = var {
        return Some(Key::Var(k.to_string()));
    }
    let n = crate::regex!(r"\^(0x[0-9a-fA-F]{1,2}|\d{1,3})\b")
        .captures(t)?
        .get(1)?
        .as_str();
    let v = match n.strip_prefix("0x") {
        Some(h) => u8::from_str_radix(h, 16).ok()?,
        None => n.parse::<u8>().ok()?,
    };
    (v != 0).then_some(Key::Byte(v))
}

/// What rot13 makes of `s`.
pub fn rot13(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'a'..='z' => (((c as u8 - b'a') + 13) % 26 + b'a') as char,
            'A'..='Z' => (((c as u8 - b'A') + 13) % 26 + b'A') as char,
            _ => c,
        })
        .collect()
}

/// Runs an XOR decoder on a constant argument with the key's bytes: the key cycled over the
/// input, then (when that gives no text) the index added to each key byte. Clean text or
/// nothing.
pub fn xor(input: Input, arg: &str, key: &[u8]) -> Option<String> {
    if key.is_empty() {
        return None;
    }
    let data: Vec<u32> = match input {
        Input::Hex => decode::hex_bytes(arg)?.into_iter().map(u32::from).collect(),
        Input::Base64 => decode::base64_bytes(arg)?
            .into_iter()
            .map(u32::from)
            .collect(),
        Input::Chars => arg.chars().map(|c| c as u32).collect(),
    };
    [false, true].into_iter().find_map(|indexed| {
        let codes = data.iter().enumerate().map(|(i, &b)| {
            let k = u32::from(key[i % key.len()]);
            b ^ if indexed { (k + i as u32) & 0xff } else { k }
        });
        let out = match input {
            // Char codes back to characters (`String.fromCharCode`).
            Input::Chars => codes.map(char::from_u32).collect::<Option<String>>()?,
            _ => decode::loose_text(&codes.map(|c| c as u8).collect::<Vec<u8>>())?,
        };
        clean(out)
    })
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

    /// What the decoder `body` (one parameter, `param`) makes of `arg` with the file's keys.
    fn run(body: &str, param: &str, keys: &[(&str, &[u8])], arg: &str) -> Option<String> {
        match detect(body, param)? {
            Decoder::Rot13 => Some(rot13(arg)),
            Decoder::Xor { input, key } => {
                let bytes = match key {
                    Key::Byte(b) => vec![b],
                    Key::Var(name) => keys.iter().find(|(n, _)| *n == name)?.1.to_vec(),
                };
                xor(input, arg, &bytes)
            }
            _ => None,
        }
    }

    fn xor_hex(s: &str, key: &[u8]) -> String {
        s.bytes()
            .enumerate()
            .map(|(i, b)| format!("{:02x}", b ^ key[i % key.len()]))
            .collect()
    }

    fn xor_index_hex(s: &str, key: &str) -> String {
        s.bytes()
            .enumerate()
            .map(|(i, b)| {
                let k = (key.as_bytes()[i % key.len()] as usize + i) & 0xff;
                format!("{:02x}", b ^ k as u8)
            })
            .collect()
    }

    #[test]
    fn hex_pairs_xored_with_an_array_key_decode() {
        let body = "{return e.match(/../g).map(function(e,t){return String.fromCharCode(parseInt(e,16)^o[t%o.length])}).join(\"\")}";
        assert_eq!(
            detect(body, "e"),
            Some(Decoder::Xor {
                input: Input::Hex,
                key: Key::Var("o".into())
            })
        );
        let key = [0x5b, 0x1f, 0x4c];
        assert_eq!(
            xor(Input::Hex, &xor_hex("wss://h.example/x", &key), &key).as_deref(),
            Some("wss://h.example/x")
        );
    }

    #[test]
    fn string_keys_and_single_bytes_decode() {
        let d = detect(
            "(h) => Buffer.from(h, 'hex').map((b, i) => b ^ k.charCodeAt(i % k.length)).toString()",
            "h",
        );
        assert!(matches!(d, Some(Decoder::Xor { key: Key::Var(k), .. }) if k == "k"));
        let body = "{ let o = ''; for (const c of s) o += String.fromCharCode(c.charCodeAt(0) ^ 0x2a); return o }";
        assert_eq!(
            detect(body, "s"),
            Some(Decoder::Xor {
                input: Input::Chars,
                key: Key::Byte(0x2a)
            })
        );
        let enc: String = "child_process"
            .chars()
            .map(|c| char::from(c as u8 ^ 0x2a))
            .collect();
        assert_eq!(run(body, "s", &[], &enc).as_deref(), Some("child_process"));
    }

    #[test]
    fn hashes_checksums_and_wrong_keys_are_not_decoders_or_text() {
        // A hash mixes with XOR but never turns the result back into text.
        assert!(detect("{ let h = 0; for (let i = 0; i < s.length; i++) h = (h * 31) ^ s.charCodeAt(i); return h >>> 0 }", "s").is_none());
        // No key to XOR with.
        assert!(detect("{ return String.fromCharCode(a ^ b) }", "s").is_none());
        // The right input with a wrong key is noise.
        assert!(
            xor(
                Input::Hex,
                &xor_hex("wss://h.example/x", &[0x5b, 0x1f]),
                &[0x91, 0xe3]
            )
            .is_none()
        );
    }

    #[test]
    fn xor_index_decoder_over_a_constant_key_decodes() {
        let body = "{ const b = Buffer.from(h, \"hex\"); for (let i = 0; i < b.length; i++) b[i] ^= (K.charCodeAt(i % K.length) + i) & 0xff; return b.toString(\"utf8\"); }";
        assert_eq!(
            run(
                body,
                "h",
                &[("K", b"k3y-9")],
                &xor_index_hex("child_process", "k3y-9")
            )
            .as_deref(),
            Some("child_process")
        );
    }

    #[test]
    fn plain_xor_over_a_number_list_key_decodes() {
        let body = "{ let o = ''; for (let i = 0; i < s.length; i++) o += String.fromCharCode(s.charCodeAt(i) ^ k[i % k.length]); return o }";
        let enc: String = "eval"
            .bytes()
            .enumerate()
            .map(|(i, b)| (b ^ [7u8, 1, 42][i % 3]) as char)
            .collect();
        assert_eq!(
            run(body, "s", &[("k", &[7, 1, 42])], &enc).as_deref(),
            Some("eval")
        );
    }

    #[test]
    fn hex_pairs_parsed_by_hand_and_an_index_expression_decode() {
        let body = "{ const out = []; for (let i = 0; i < h.length; i += 2) out.push(parseInt(h.substr(i, 2), 16) ^ KEY[(i / 2) % KEY.length]); return String.fromCharCode(...out); }";
        let enc: String = "execSync"
            .bytes()
            .enumerate()
            .map(|(i, b)| format!("{:02x}", b ^ [19u8, 77, 140][i % 3]))
            .collect();
        assert_eq!(
            run(body, "h", &[("KEY", &[19, 77, 140])], &enc).as_deref(),
            Some("execSync")
        );
    }

    #[test]
    fn rot13_replacer_decodes() {
        let body = "s.replace(/[a-z]/gi, (c) => String.fromCharCode((c <= \"Z\" ? 90 : 122) >= (c = c.charCodeAt(0) + 13) ? c : c - 26))";
        assert_eq!(detect(body, "s"), Some(Decoder::Rot13));
        assert_eq!(run(body, "s", &[], "rgurerhz").as_deref(), Some("ethereum"));
    }

    #[test]
    fn a_checksum_or_a_key_the_code_does_not_hold_is_no_decoder() {
        // XOR used for a hash: no key cycled over the input.
        let body = "{ let h = 0; for (let i = 0; i < s.length; i++) h = (h * 31) ^ s.charCodeAt(i); return h }";
        assert!(run(body, "s", &[], "abc").is_none());
        // The key is a parameter or computed at run time: nothing to fold.
        let body = "{ let o = ''; for (let i = 0; i < s.length; i++) o += String.fromCharCode(s.charCodeAt(i) ^ key.charCodeAt(i % key.length)); return o }";
        assert!(run(body, "s", &[], "abc").is_none());
        // A title-case replacer is not rot13.
        assert!(detect("s.replace(/[a-z]/gi, (c) => c.toUpperCase())", "s").is_none());
    }

    #[test]
    fn one_line_bodies_are_hex_base64_or_reversers() {
        assert_eq!(
            simple("Buffer.from(s, 'hex').toString()"),
            Some(Decoder::Hex)
        );
        assert_eq!(simple("atob(s)"), Some(Decoder::Base64));
        assert_eq!(
            simple("s.split('').reverse().join('')"),
            Some(Decoder::Reverse)
        );
        assert_eq!(simple("s.trim().toLowerCase()"), None);
    }
}
