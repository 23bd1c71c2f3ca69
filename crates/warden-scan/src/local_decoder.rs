//! Local string decoders recognised by their shape, so that what they decode from constant data
//! folds like any literal: rot13 (`s.replace(/[a-z]/gi, c => String.fromCharCode(… + 13 …))`)
//! and XOR with a key written in the code, cycled over the input, with or without the index
//! added to the key byte (`b[i] ^= (K.charCodeAt(i % K.length) + i) & 0xff`, the XORIndex
//! family). Loaders decode module names, URLs and `eval` this way so that no API name appears in
//! the source. Only one-parameter functions qualify, and only constant arguments are decoded: a
//! decoder applied to user input is not followed.

use crate::decode;

/// The decoder a one-parameter function body implements, as the kind string the analyser keeps
/// (`rot13`, or `xor:<input>:<key hex>` with input `hex`, `base64` or `text`). `key_of` folds a
/// name the body uses to its constant value (a string, or a list of numbers joined by commas).
pub fn shape(body: &str, key_of: impl Fn(&str) -> Option<String>) -> Option<String> {
    if body.len() > 600 {
        return None;
    }
    let t: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    if is_rot13(&t) {
        return Some("rot13".into());
    }
    if !t.contains('^') {
        return None;
    }
    let input = if t.contains("'hex'") || t.contains("\"hex\"") || t.contains(",16)") {
        "hex"
    } else if t.contains("base64") || t.contains("atob(") {
        "base64"
    } else if t.contains("charCodeAt(") || t.contains("fromCharCode") {
        "text"
    } else {
        return None;
    };
    let key = xor_key(&t, &key_of)?;
    (!key.is_empty() && key.len() <= 256).then(|| format!("xor:{input}:{}", hex(&key)))
}

/// A rot13 body: letters replaced one by one, shifted by 13 and wrapped by 26.
fn is_rot13(t: &str) -> bool {
    (t.contains(".replace(/[a-z]/gi") || t.contains(".replace(/[a-zA-Z]/g"))
        && t.contains("fromCharCode")
        && t.contains("charCodeAt")
        && t.contains("13")
        && t.contains("26")
}

/// The XOR key a body cycles over: `K.charCodeAt(i % K.length)` or `K[i % K.length]` of a
/// constant, or a single number XORed in (`^ 0x5a`).
fn xor_key(t: &str, key_of: &impl Fn(&str) -> Option<String>) -> Option<Vec<u8>> {
    // `… % K.length` where `K` is also indexed or read with charCodeAt: the cycled key.
    for caps in crate::regex!(r"%\(?([A-Za-z_$][\w$]*)\.length").captures_iter(t) {
        let name = &caps[1];
        if !(t.contains(&format!("{name}.charCodeAt(")) || t.contains(&format!("{name}["))) {
            continue;
        }
        let Some(v) = key_of(name) else { continue };
        let from_numbers: Option<Vec<u8>> =
            v.split(',').map(|n| n.trim().parse::<u8>().ok()).collect();
        return Some(match from_numbers {
            Some(k) if v.contains(',') => k,
            _ => v.chars().map(|c| (c as u32 & 0xff) as u8).collect(),
        });
    }
    let caps = crate::regex!(r"\^(0x[0-9a-fA-F]{1,2}|\d{1,3})\b").captures(t)?;
    let n = &caps[1];
    let k = match n.strip_prefix("0x") {
        Some(h) => u8::from_str_radix(h, 16).ok()?,
        None => n.parse::<u8>().ok()?,
    };
    Some(vec![k])
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// What a decoder of kind `kind` (from [`shape`]) makes of the constant `v`, when that is text.
pub fn apply(kind: &str, v: &str) -> Option<String> {
    if kind == "rot13" {
        return Some(v.chars().map(rot13).collect());
    }
    let rest = kind.strip_prefix("xor:")?;
    let (input, key) = rest.split_once(':')?;
    let key = decode::hex_bytes(key)?;
    let data: Vec<u32> = match input {
        "hex" => decode::hex_bytes(v)?.into_iter().map(u32::from).collect(),
        "base64" => decode::base64_bytes(v)?
            .into_iter()
            .map(u32::from)
            .collect(),
        _ => v.chars().map(|c| c as u32).collect(),
    };
    if data.is_empty() || key.is_empty() {
        return None;
    }
    // Plain key cycling first, then the index added to the key byte: whichever gives text.
    for indexed in [false, true] {
        let out: Vec<u8> = data
            .iter()
            .enumerate()
            .map(|(i, &b)| {
                let k = u32::from(key[i % key.len()]);
                let k = if indexed { (k + i as u32) & 0xff } else { k };
                ((b ^ k) & 0xff) as u8
            })
            .collect();
        if out
            .iter()
            .all(|&b| (0x20..0x7f).contains(&b) || matches!(b, b'\n' | b'\r' | b'\t'))
        {
            return decode::loose_text(&out);
        }
    }
    None
}

fn rot13(c: char) -> char {
    match c {
        'a'..='z' => (((c as u8 - b'a') + 13) % 26 + b'a') as char,
        'A'..='Z' => (((c as u8 - b'A') + 13) % 26 + b'A') as char,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn xor_index_decoder_over_a_constant_key_decodes() {
        let body = "{ const b = Buffer.from(h, \"hex\"); for (let i = 0; i < b.length; i++) b[i] ^= (K.charCodeAt(i % K.length) + i) & 0xff; return b.toString(\"utf8\"); }";
        let kind = shape(body, |n| (n == "K").then(|| "k3y-9".to_string())).unwrap();
        assert_eq!(
            apply(&kind, &xor_index_hex("child_process", "k3y-9")).as_deref(),
            Some("child_process")
        );
    }

    #[test]
    fn plain_xor_over_a_number_list_key_decodes() {
        let body = "{ let o = ''; for (let i = 0; i < s.length; i++) o += String.fromCharCode(s.charCodeAt(i) ^ k[i % k.length]); return o }";
        let kind = shape(body, |n| (n == "k").then(|| "7,1,42".to_string())).unwrap();
        let enc: String = "eval"
            .bytes()
            .enumerate()
            .map(|(i, b)| (b ^ [7u8, 1, 42][i % 3]) as char)
            .collect();
        assert_eq!(apply(&kind, &enc).as_deref(), Some("eval"));
    }

    #[test]
    fn hex_pairs_parsed_by_hand_and_an_index_expression_decode() {
        let body = "{ const out = []; for (let i = 0; i < h.length; i += 2) out.push(parseInt(h.substr(i, 2), 16) ^ KEY[(i / 2) % KEY.length]); return String.fromCharCode(...out); }";
        let kind = shape(body, |n| (n == "KEY").then(|| "19,77,140".to_string())).unwrap();
        let enc: String = "execSync"
            .bytes()
            .enumerate()
            .map(|(i, b)| format!("{:02x}", b ^ [19u8, 77, 140][i % 3]))
            .collect();
        assert_eq!(apply(&kind, &enc).as_deref(), Some("execSync"));
    }

    #[test]
    fn rot13_replacer_decodes() {
        let body = "s.replace(/[a-z]/gi, (c) => String.fromCharCode((c <= \"Z\" ? 90 : 122) >= (c = c.charCodeAt(0) + 13) ? c : c - 26))";
        let kind = shape(body, |_| None).unwrap();
        assert_eq!(apply(&kind, "rgurerhz").as_deref(), Some("ethereum"));
    }

    #[test]
    fn a_checksum_or_a_key_the_code_does_not_hold_is_no_decoder() {
        // XOR used for a hash: no key cycled over the input.
        let body = "{ let h = 0; for (let i = 0; i < s.length; i++) h = (h * 31) ^ s.charCodeAt(i); return h }";
        assert!(
            shape(body, |_| None)
                .and_then(|k| apply(&k, "abc"))
                .is_none()
        );
        // The key is a parameter or computed at run time: nothing to fold.
        let body = "{ let o = ''; for (let i = 0; i < s.length; i++) o += String.fromCharCode(s.charCodeAt(i) ^ key.charCodeAt(i % key.length)); return o }";
        assert!(shape(body, |_| None).is_none());
        // A title-case replacer is not rot13.
        assert!(shape("s.replace(/[a-z]/gi, (c) => c.toUpperCase())", |_| None).is_none());
    }
}
