//! JSON with trailing commas and comments (bun.lock), made plain JSON for serde_json.
//!
//! Hand-written rather than a JSONC crate because this way serde_json still does all the
//! parsing: its positions stay exact (every removed byte becomes a space, newlines are kept),
//! [`crate::json::UniqueMap`] still refuses duplicate keys, its recursion limit still guards
//! deep nesting, and typed deserialisation needs no intermediate tree. The pass is one linear
//! scan that knows about strings, so commas and slashes inside strings are untouched.

use crate::error::{ErrorKind, ParseError, line_col};

/// Deepest nesting accepted, serde_json's own recursion limit. Checked here too because
/// serde_json skips ignored fields without counting depth.
pub const MAX_DEPTH: usize = 128;

/// Returns `text` with comments and trailing commas (a `,` whose next significant byte is `}`
/// or `]`) replaced by spaces. The result has the same length and line structure as `text`.
/// Nesting deeper than [`MAX_DEPTH`] is an error.
pub fn to_json(text: &str) -> Result<String, ParseError> {
    let mut out = text.as_bytes().to_vec();
    let bytes = text.as_bytes();
    let mut i = 0;
    // Index of a comma that may turn out to be trailing.
    let mut pending_comma: Option<usize> = None;
    let mut depth = 0usize;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                pending_comma = None;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    out[i] = b' ';
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let start = i;
                i += 2;
                while i < bytes.len() && !(bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/')) {
                    i += 1;
                }
                let end = (i + 2).min(bytes.len());
                for b in &mut out[start..end] {
                    if *b != b'\n' {
                        *b = b' ';
                    }
                }
                i = end;
            }
            b',' => {
                pending_comma = Some(i);
                i += 1;
            }
            b'{' | b'[' => {
                pending_comma = None;
                depth += 1;
                if depth > MAX_DEPTH {
                    let (line, column) = line_col(text, i);
                    return Err(ParseError::new(
                        ErrorKind::Invalid,
                        format!(
                            "nesting is deeper than {MAX_DEPTH} levels; no lockfile nests this deep"
                        ),
                    )
                    .at(line, column));
                }
                i += 1;
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if let Some(c) = pending_comma.take() {
                    out[c] = b' ';
                }
                i += 1;
            }
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            _ => {
                pending_comma = None;
                i += 1;
            }
        }
    }
    // Only ASCII bytes were replaced by ASCII spaces, and never inside a multi-byte sequence
    // (comment bodies are replaced whole, and UTF-8 continuation bytes are never ASCII).
    Ok(String::from_utf8(out)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_commas_go_and_positions_stay() {
        let src = "{\n  \"a\": [1, 2,],\n  \"b\": \",}\",\n}";
        let out = to_json(src).unwrap();
        assert_eq!(out.len(), src.len());
        assert_eq!(out, "{\n  \"a\": [1, 2 ],\n  \"b\": \",}\" \n}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["b"], ",}");
    }

    #[test]
    fn comments_go() {
        let out = to_json("{ // c, }\n \"a\": /* x\n y */ 1, }").unwrap();
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["a"], 1);
        assert_eq!(out.lines().count(), 3);
    }

    #[test]
    fn escaped_quotes_stay_inside_strings() {
        let out = to_json(r#"{"a": "x\",]", }"#).unwrap();
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["a"], "x\",]");
    }

    #[test]
    fn deep_nesting_is_refused_with_a_position() {
        let e = to_json(&format!("\n{}", "[".repeat(200_000))).unwrap_err();
        assert_eq!(
            (e.kind, e.line, e.column),
            (ErrorKind::Invalid, 2, MAX_DEPTH + 1)
        );
        assert!(
            to_json(&format!(
                "{}{}",
                "[".repeat(MAX_DEPTH),
                "]".repeat(MAX_DEPTH)
            ))
            .is_ok()
        );
    }

    #[test]
    fn a_lone_comma_is_still_an_error() {
        assert!(serde_json::from_str::<serde_json::Value>(&to_json("[1,,]").unwrap()).is_err());
    }
}
