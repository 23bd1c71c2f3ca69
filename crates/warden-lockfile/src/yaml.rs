//! YAML helpers for pnpm-lock.yaml and yarn Berry's yarn.lock: cheap guards run before the
//! YAML parser (flow nesting, anchors and aliases), and the conversion of YAML errors into
//! [`ParseError`].
//!
//! The guard exists because libyaml's flow parser (under serde_norway) is quadratic in flow
//! nesting depth: 200,000 nested `[` take minutes before serde's recursion limit is ever
//! reached. pnpm never nests flow collections more than two levels deep, so anything past
//! [`MAX_FLOW_DEPTH`] is refused in one linear pass. Block nesting costs indentation, which
//! the file-size limit already bounds, and serde_norway's own limits catch the rest (recursion
//! depth 128, alias expansion).

use crate::error::{ErrorKind, ParseError, line_col};

/// Deepest flow nesting (`[`, `{`) accepted.
pub const MAX_FLOW_DEPTH: usize = 64;

/// Refuses flow collections nested deeper than [`MAX_FLOW_DEPTH`]. Brackets inside quoted
/// scalars and comments do not count. A quote opens a quoted scalar only where YAML says it can
/// (at the start of a token), so a stray `'` inside a plain scalar cannot hide brackets.
pub fn check_nesting(text: &str) -> Result<(), ParseError> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    // The previous significant byte, to tell where a token may start.
    let mut prev = b'\n';
    while i < bytes.len() {
        let b = bytes[i];
        let token_start = matches!(
            prev,
            b' ' | b'\t' | b'\n' | b'\r' | b'[' | b'{' | b',' | b':' | b'-' | b'?'
        );
        match b {
            b'#' if matches!(prev, b' ' | b'\t' | b'\n' | b'\r') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                prev = b'\n';
                continue;
            }
            b'\'' if token_start => {
                i += 1;
                while i < bytes.len() {
                    if bytes[i] == b'\'' {
                        // `''` is an escaped quote inside a single-quoted scalar.
                        if bytes.get(i + 1) == Some(&b'\'') {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i += 1;
                }
            }
            b'"' if token_start => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    let (line, column) = line_col(text, i);
                    return Err(ParseError::new(
                        ErrorKind::Invalid,
                        format!(
                            "collections are nested more than {MAX_FLOW_DEPTH} levels deep; no lockfile nests like this"
                        ),
                    )
                    .at(line, column)
                    .with_help("regenerate the lockfile with `pnpm install --lockfile-only`"));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        prev = b;
        i += 1;
    }
    Ok(())
}

/// Converts a serde_norway error, keeping its position and naming what kind of problem it is.
pub fn error(err: &serde_norway::Error) -> ParseError {
    let full = err.to_string();
    // serde_norway appends " at line X column Y"; the position is kept separately.
    let message = match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    };
    let (line, column) = err.location().map_or((0, 0), |l| (l.line(), l.column()));
    let lower = message.to_ascii_lowercase();
    let (kind, message, help) = if lower.contains("recursion limit") {
        (
            ErrorKind::Invalid,
            "nesting is deeper than 128 levels; no lockfile nests this deep".to_string(),
            Some("regenerate the lockfile with `pnpm install --lockfile-only`"),
        )
    } else if lower.contains("repetition limit") {
        (
            ErrorKind::Invalid,
            "YAML aliases expand to far more data than the file holds (an alias bomb); pnpm never writes aliases".to_string(),
            Some("regenerate the lockfile with `pnpm install --lockfile-only`"),
        )
    } else if lower.contains("duplicate") {
        // A duplicate key or field: the syntax is fine, the format forbids it (as for JSON).
        (
            ErrorKind::Invalid,
            message,
            Some(
                "a key appears twice; was the file merged by hand? regenerate it with `pnpm install --lockfile-only`",
            ),
        )
    } else if lower.contains("invalid type")
        || lower.contains("missing field")
        || lower.contains("invalid value")
        || lower.contains("invalid length")
        || lower.contains("unknown variant")
        || lower.contains("must be")
    {
        (ErrorKind::Schema, message, None)
    } else {
        (
            ErrorKind::Syntax,
            message,
            Some(
                "the file is not valid YAML; was it truncated or merged by hand? regenerate it with `pnpm install --lockfile-only`",
            ),
        )
    };
    let mut e = ParseError::new(kind, message).at(line, column);
    if let Some(h) = help {
        e = e.with_help(h);
    }
    e
}

/// Refuses YAML anchors and aliases, which no package manager writes: an alias bomb then fails
/// with a clear error wherever it sits, even in a field the parser would skip without
/// expanding. Quoted strings and comments are skipped; `&` and `*` count only where a node can
/// start (yarn's `conditions: os=linux & cpu=x64` is a plain scalar). One linear pass.
pub fn refuse_anchors(text: &str) -> Result<(), ParseError> {
    #[derive(PartialEq)]
    enum S {
        Plain,
        Double,
        Single,
        Comment,
    }
    let mut state = S::Plain;
    let (mut line, mut col) = (1usize, 0usize);
    // The last non-blank character outside strings on this line, and the one just before.
    let mut last_sig = '\n';
    let mut prev = '\n';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        col += 1;
        if c == '\n' {
            line += 1;
            col = 0;
            if state == S::Comment {
                state = S::Plain;
            }
            last_sig = '\n';
            prev = '\n';
            continue;
        }
        match state {
            S::Comment => {}
            S::Double => {
                if c == '\\' {
                    chars.next();
                    col += 1;
                } else if c == '"' {
                    state = S::Plain;
                }
            }
            S::Single => {
                if c == '\'' {
                    if chars.peek() == Some(&'\'') {
                        chars.next();
                        col += 1;
                    } else {
                        state = S::Plain;
                    }
                }
            }
            S::Plain => {
                let blank_before = matches!(prev, ' ' | '\t' | '\n');
                let node_start = matches!(last_sig, '\n' | '[' | '{' | ',')
                    || (matches!(last_sig, ':' | '-' | '?') && blank_before);
                match c {
                    '#' if blank_before => state = S::Comment,
                    '"' if node_start => state = S::Double,
                    '\'' if node_start => state = S::Single,
                    '&' | '*' if node_start => {
                        return Err(ParseError::new(
                            ErrorKind::Invalid,
                            "YAML anchors and aliases are not allowed in a lockfile (package managers never write them; alias bombs use them)",
                        )
                        .at(line, col));
                    }
                    _ => {}
                }
                if !matches!(c, ' ' | '\t') {
                    last_sig = c;
                }
            }
        }
        prev = c;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alias_expansion_limit_is_a_clear_error() {
        let mut text = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for i in 1..10 {
            let p = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        let start = std::time::Instant::now();
        let e = serde_norway::from_str::<serde_norway::Value>(&text).unwrap_err();
        assert!(start.elapsed().as_secs() < 2);
        let e = error(&e);
        assert_eq!(e.kind, ErrorKind::Invalid, "{e:?}");
        assert!(e.message.contains("alias bomb"), "{e}");
    }

    #[test]
    fn recursion_limit_is_a_clear_error() {
        let text = format!("{}x", "- ".repeat(1000));
        let e = error(&serde_norway::from_str::<serde_norway::Value>(&text).unwrap_err());
        assert_eq!(e.kind, ErrorKind::Invalid, "{e:?}");
    }

    #[test]
    fn shallow_flow_passes() {
        check_nesting("a: {b: [1, 2], c: '[[[['}\n# [[[[[\nd: \"{{{{\"\n").unwrap();
    }

    #[test]
    fn deep_flow_is_refused_in_linear_time() {
        let text = format!("packages: {}", "[".repeat(200_000));
        let start = std::time::Instant::now();
        let err = check_nesting(&text).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Invalid);
        assert_eq!((err.line, err.column), (1, 11 + MAX_FLOW_DEPTH));
        assert!(start.elapsed().as_secs() < 2);
    }

    #[test]
    fn a_quote_inside_a_plain_scalar_does_not_hide_brackets() {
        let text = format!("a: don't {}", "[".repeat(100));
        assert!(check_nesting(&text).is_err());
        // Closing brackets inside real quotes do not lower the depth.
        let text = format!("a: {}", "[ ']' ".repeat(100));
        assert!(check_nesting(&text).is_err());
    }

    #[test]
    fn anchors_and_aliases_are_refused() {
        for bad in [
            "a: &x [1]\nb: *x\n",
            "- *x\n",
            "a: [*x]\n",
            "a: {k: &y v}\n",
            "&x a: 1\n",
        ] {
            let e = refuse_anchors(bad).unwrap_err();
            assert_eq!(e.kind, ErrorKind::Invalid, "{bad}");
            assert!(e.message.contains("aliases"), "{bad}");
        }
    }

    #[test]
    fn ampersands_and_stars_inside_scalars_are_fine() {
        for good in [
            "conditions: os=linux & cpu=x64 & libc=glibc\n",
            "a: \"*\"\n",
            "a: '&x'\n",
            "a: \"npm:*\"\n",
            "a: npm:*\n",
            "# &comment *x [[[[\na: 1\n",
            "a: \"[[[[[[\" # [[[[\n",
            "a: 'it''s [ & * fine'\n",
            "a: \"esc \\\" [ *\"\n",
            "a: b[0]*2\n",
        ] {
            assert!(refuse_anchors(good).is_ok(), "{good}");
        }
    }
}
